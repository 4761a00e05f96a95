#!/usr/bin/env python3
"""Benchmark of pyward's dependency audit on a project of about 720 pinned packages.

Usage (from the repository root, after `cargo build --release`):

    python3 bench/deps_bench.py --pyward target/release/pyward \
        [--db ../shared/data/pypa-advisory-db] [--runs 7] [--pip-audit] [--json]

What it does:

1. loads the advisory snapshot with the reference matcher of scripts/deps_diff.py
   (installs packaging and PyYAML with pip if they are missing);
2. builds, in a temporary folder, the list of pinned packages: every package of the
   snapshot (664 in the 2024-10-10 one), alternately at a version that one of its
   advisories affects (the newest such version listed in an advisory's `versions[]`)
   and at a version past all its fixes (its highest `fixed`/`last_affected` bound),
   plus CLEAN_PACKAGES, about 60 popular PyPI packages that have no advisory in the
   snapshot. It writes the list twice, as two projects of one file each:
   `requirements/requirements.txt` (`name==version` lines) and `pylock/pylock.toml`
   (PEP 751: lock-version, created-by, one `[[packages]]` table with name and version
   each);
3. times, for each project, `--runs` runs (default 7) of
       pyward scan PROJECT --select DEP --db SNAPSHOT --offline --format json
                           --exit-zero --no-progress
     - cold: PYWARD_CACHE_DIR is a fresh empty folder for every run, so pyward loads
       and indexes the whole snapshot each time;
     - warm: PYWARD_CACHE_DIR is a folder that one untimed run has already filled;
   recording the median wall time and the peak RSS (GNU time's %M where
   /usr/bin/time exists, os.wait4()'s ru_maxrss otherwise; the helpers of
   bench/bench.py), and the findings and package count from pyward's JSON;
4. with --pip-audit only: installs pip-audit from PyPI if it is missing and times
       pip-audit -r requirements.txt --no-deps --disable-pip -f json
                 --progress-spinner off --cache-dir <fresh folder>
   --pip-audit-runs times (default 1; the first run is cold, later ones reuse its
   cache). pip-audit asks pypi.org about every package over the network, so it is
   slow and can fail; a failure is reported as such and the rest still prints;
5. prints a table, the targets (warm median below 100 ms and cold median below 1 s
   for the whole project) with PASS/FAIL, and, if pip-audit ran, its time and the
   ratio to pyward. --json also prints every figure as one JSON object at the end.

The expected number of DEP001 findings (the reference's matching records, merged when
they are aliases of each other) is printed next to pyward's for comparison; it is a
hint, not a check (scripts/deps_diff.py is the check).

Exit status: 0 when every pyward run worked (whatever the timings), 1 when a pyward run
failed or reported that the dependencies were not audited, or, with --fail-on-target,
when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(REPO_ROOT / "scripts"))
sys.path.insert(0, str(HERE))

# scripts/deps_diff.py: the snapshot loader and the reference matcher; bench/bench.py: timing.
import deps_diff as ref
from bench import have_gnu_time, run_measured

DEFAULT_DB = REPO_ROOT.parent / "shared" / "data" / "pypa-advisory-db"
WARM_TARGET_S = 0.100
COLD_TARGET_S = 1.0

# Popular PyPI packages with no advisory in the 2024-10-10 snapshot, each at a version
# that PyPI serves (taken from the most-downloaded list of this workplace's PyPI index).
CLEAN_PACKAGES = [
    ("boto3", "1.44.5"), ("packaging", "26.3"), ("typing-extensions", "4.16.0"),
    ("charset-normalizer", "3.5.2"), ("botocore", "1.44.5"), ("aiobotocore", "3.10.0"),
    ("python-dateutil", "4.0.0"), ("six", "1.17.0"), ("cffi", "2.1.1"), ("click", "8.5.1"),
    ("pluggy", "1.7.0"), ("pycparser", "3.12"), ("pydantic-core", "2.50.4"), ("grpcio-status", "1.85.1"),
    ("anyio", "4.16.0"), ("s3transfer", "0.19.3"), ("attrs", "26.1.0"), ("h11", "0.16.0"),
    ("pytest", "9.2.0"), ("annotated-types", "0.8.0"), ("iniconfig", "2.3.1"), ("fsspec", "2026.9.0"),
    ("httpcore", "1.0.9"), ("typing-inspection", "0.4.5"), ("s3fs", "2026.9.0"), ("markupsafe", "3.0.4"),
    ("platformdirs", "4.14.5"), ("python-dotenv", "1.2.4"), ("pathspec", "1.1.1"), ("rich", "15.0.0"),
    ("jmespath", "1.1.0"), ("filelock", "4.2.11"), ("importlib-metadata", "10.2.0"), ("yarl", "1.25.1"),
    ("multidict", "7.2.1"), ("jsonschema", "4.26.0"), ("zipp", "4.1.2"), ("propcache", "0.5.4"),
    ("mdurl", "0.1.2"), ("pyasn1", "0.6.5"), ("pytz", "2026.6"), ("google-auth", "2.62.2"),
    ("googleapis-common-protos", "1.76.0"), ("frozenlist", "1.8.0"), ("rpds-py", "2026.9.1"),
    ("aiosignal", "1.4.0"), ("referencing", "0.37.0"), ("jsonschema-specifications", "2025.9.1"),
    ("tzdata", "2026.6"), ("google-api-core", "2.44.0"), ("aiohappyeyeballs", "2.7.1"),
    ("greenlet", "3.5.6"), ("colorama", "0.4.6"), ("pyasn1-modules", "0.4.2"), ("typer", "0.29.1"),
    ("tenacity", "9.2.1"), ("wrapt", "2.5.2"), ("sniffio", "1.3.1"), ("pyparsing", "3.3.3"),
    ("tomli", "2.5.0"),
]


def log(msg: str) -> None:
    print(f"[deps-bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# The project
# --------------------------------------------------------------------------

def _newest(versions: list[str]) -> str | None:
    parsed = [(ref.parse(v), v) for v in versions]
    parsed = [(p, v) for p, v in parsed if p is not None and p.local is None]
    return max(parsed)[1] if parsed else None


def affected_version(db, pkg: str) -> str | None:
    """The newest version listed in an advisory's versions[] that the reference finds
    affected (a real release), else any affected boundary."""
    listed = {v for rec in db.by_package[pkg] if not rec.withdrawn for e in rec.entries[pkg] for v in e.versions}
    hits = [v for v in listed if ref.parse(v) is not None and ref.reference_match(db, pkg, v)]
    if hits:
        return _newest(hits)
    bounds = {val for rec in db.by_package[pkg] for e in rec.entries[pkg] for r in e.ranges for _, val in r.events}
    hits = [v for v in bounds if ref.parse(v) is not None and ref.reference_match(db, pkg, v)]
    return _newest(hits)


def fixed_version(db, pkg: str) -> str | None:
    """The package's highest fixed (or last_affected, then one patch release above it)
    bound: past every fix the snapshot knows."""
    best = None
    for rec in db.by_package[pkg]:
        for e in rec.entries[pkg]:
            for r in e.ranges:
                for kind, val in r.events:
                    p = ref.parse(val)
                    if p is None or kind not in ("fixed", "last_affected"):
                        continue
                    if kind == "last_affected":
                        val = (ref.above(val) or [val])[-1]
                        p = ref.parse(val)
                    if best is None or p > best[0]:
                        best = (p, val)
    return best[1] if best else None


def any_listed_version(db, pkg: str) -> str | None:
    """The newest version any record lists (for packages whose only advisories are
    withdrawn: nothing affects them)."""
    return _newest([v for rec in db.by_package[pkg] for e in rec.entries[pkg] for v in e.versions])


def build_packages(db) -> tuple[list[dict], dict]:
    packages = []
    for i, pkg in enumerate(sorted(db.by_package)):
        want_affected = i % 2 == 0
        first = affected_version if want_affected else fixed_version
        second = fixed_version if want_affected else affected_version
        version = first(db, pkg) or second(db, pkg) or any_listed_version(db, pkg)
        if version is None:
            continue
        packages.append({"name": pkg, "version": version, "source": "snapshot"})
    in_db = []
    for name, version in CLEAN_PACKAGES:
        if ref.normalize(name) in db.by_package:
            in_db.append(name)
        packages.append({"name": name, "version": version, "source": "clean"})

    affected_pkgs = records = merged = 0
    for p in packages:
        ids = ref.reference_match(db, p["name"], p["version"])
        p["advisories"] = ids
        if not ids:
            continue
        affected_pkgs += 1
        records += len(ids)
        recs = {r.id: r for r in db.by_package[ref.normalize(p["name"])]}
        groups: list[set] = []
        for rid in ids:  # records that share an id or alias are one vulnerability
            keys = {rid, *recs[rid].aliases}
            joined = [g for g in groups if g & keys]
            for g in joined:
                groups.remove(g)
                keys |= g
            groups.append(keys)
        merged += len(groups)
    stats = {
        "packages": len(packages),
        "from_snapshot": sum(p["source"] == "snapshot" for p in packages),
        "clean": sum(p["source"] == "clean" for p in packages),
        "affected_packages": affected_pkgs,
        "matching_records": records,
        "expected_findings": merged,
        "clean_packages_with_advisories": in_db,
    }
    return packages, stats


def write_projects(packages: list[dict], root: Path) -> dict[str, Path]:
    req_dir = root / "requirements"
    req_dir.mkdir(parents=True)
    lines = ["# written by bench/deps_bench.py"] + [f"{p['name']}=={p['version']}" for p in packages]
    (req_dir / "requirements.txt").write_text("\n".join(lines) + "\n")

    lock_dir = root / "pylock"
    lock_dir.mkdir(parents=True)
    out = ['lock-version = "1.0"', 'created-by = "deps_bench"', ""]
    for p in packages:
        out += ["[[packages]]", f'name = "{p["name"]}"', f'version = "{p["version"]}"', ""]
    (lock_dir / "pylock.toml").write_text("\n".join(out))
    return {"requirements.txt": req_dir, "pylock.toml": lock_dir}


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------

def read_report(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def bench_pyward(pyward: str, db: Path, project: Path, cache_for_run, runs: int, work: Path,
                 use_time: bool, label: str) -> dict:
    """cache_for_run(i) gives the PYWARD_CACHE_DIR of run i (None = the untimed priming run)."""
    argv = [pyward, "scan", str(project), "--select", "DEP", "--db", str(db), "--offline",
            "--format", "json", "--exit-zero", "--no-progress"]
    samples, findings, packages, error = [], None, None, None
    old_env = os.environ.get("PYWARD_CACHE_DIR")
    try:
        for i in range(runs):
            os.environ["PYWARD_CACHE_DIR"] = str(cache_for_run(i))
            out = work / f"{label.replace(' ', '-').replace('.', '-')}-{i}.json"
            if i == 0:
                log(f"$ PYWARD_CACHE_DIR={os.environ['PYWARD_CACHE_DIR']} " + " ".join(argv))
            try:
                s = run_measured(argv, str(out), use_time)
            except OSError as e:
                error = f"could not start: {e}"
                break
            if s["exit_code"] != 0:
                error = f"exit code {s['exit_code']}: {s['stderr_tail'].strip()[-600:]}"
                break
            report = read_report(out)
            if report is None:
                error = "the output is not a JSON object"
                break
            deps = report.get("dependencies") or {}
            if not deps.get("audited"):
                error = f"the report says the dependencies were not audited: {json.dumps(deps)[:300]}"
                break
            n = sum(1 for f in report.get("findings", []) if str(f.get("rule", "")).startswith("DEP001"))
            if findings is None:
                # distinct dependencies audited: "dependencies" in pyward's JSON ("packages" also accepted)
                packages = deps.get("dependencies", deps.get("packages"))
                findings = n
            elif n != findings:
                error = f"run {i + 1} reported {n} DEP001 findings, run 1 {findings}"
                break
            samples.append(s)
            log(f"{label} run {i + 1}/{runs}: {s['wall_s']:.3f} s, {s['peak_rss_mb']:.1f} MB, {n} findings")
    finally:
        if old_env is None:
            os.environ.pop("PYWARD_CACHE_DIR", None)
        else:
            os.environ["PYWARD_CACHE_DIR"] = old_env
    return summarize(label, " ".join(argv), samples, findings, packages, error)


def summarize(label: str, command: str, samples: list, findings, packages, error) -> dict:
    res = {
        "label": label,
        "command": command,
        "runs": len(samples),
        "findings": findings,
        "packages": packages,
        "samples": [{k: round(v, 4) if isinstance(v, float) else v for k, v in s.items() if k != "stderr_tail"}
                    for s in samples],
    }
    if samples:
        res["median_wall_s"] = statistics.median(s["wall_s"] for s in samples)
        res["min_wall_s"] = min(s["wall_s"] for s in samples)
        res["peak_rss_mb"] = max(s["peak_rss_mb"] for s in samples)
    if error:
        res["error"] = error
        log(f"{label} FAILED: {error}")
    return res


def find_script(name: str) -> str | None:
    scripts = Path(sysconfig.get_path("scripts"))
    cand = scripts / name
    if cand.is_file() and os.access(cand, os.X_OK):
        return str(cand)
    return shutil.which(name)


def ensure_pip_audit() -> tuple[str | None, str | None]:
    """(path of the pip-audit script, error)."""
    exe = find_script("pip-audit")
    if exe is None:
        log("installing pip-audit")
        r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pip-audit"],
                           capture_output=True, text=True, check=False)
        if r.returncode != 0:
            return None, "pip install pip-audit failed: " + (r.stdout + r.stderr).strip()[-600:]
        exe = find_script("pip-audit")
    if exe is None:
        return None, "pip-audit was installed but its script cannot be found"
    return exe, None


def bench_pip_audit(exe: str, project: Path, runs: int, work: Path, use_time: bool) -> dict:
    cache = work / "pip-audit-cache"
    argv = [exe, "-r", str(project / "requirements.txt"), "--no-deps", "--disable-pip", "-f", "json",
            "--progress-spinner", "off", "--cache-dir", str(cache)]
    log("$ " + " ".join(argv))
    samples, findings, packages, error = [], None, None, None
    for i in range(runs):
        out = work / f"pip-audit-{i}.json"
        try:
            s = run_measured(argv, str(out), use_time)
        except OSError as e:
            error = f"could not start: {e}"
            break
        if s["exit_code"] not in (0, 1):  # 1: vulnerabilities found
            error = f"exit code {s['exit_code']}: {s['stderr_tail'].strip()[-800:]}"
            break
        try:
            data = json.loads(out.read_text())
        except (OSError, ValueError):
            error = f"unreadable JSON output; stderr: {s['stderr_tail'].strip()[-600:]}"
            break
        deps = data.get("dependencies", []) if isinstance(data, dict) else []
        findings = sum(len(d.get("vulns", [])) for d in deps)
        skipped = sum(1 for d in deps if d.get("skip_reason"))
        packages = len(deps) - skipped
        samples.append(s)
        log(f"pip-audit run {i + 1}/{runs}: {s['wall_s']:.1f} s, {findings} vulnerabilities, {skipped} skipped")
        if deps and skipped == len(deps):
            # It looked nothing up (typically: PyPI's JSON API is not reachable
            # from here), so its time says nothing about auditing.
            reasons = sorted({str(d.get("skip_reason"))[:120] for d in deps})
            error = f"audited none of the {len(deps)} packages (all skipped: {'; '.join(reasons[:2])})"
            samples = []
            break
    res = summarize("pip-audit", " ".join(argv), samples, findings, packages, error)
    if samples:
        res["first_run_s"] = samples[0]["wall_s"]
    return res


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def fmt(v, spec: str) -> str:
    return "n/a" if v is None else format(v, spec)


def fmt_ratio(v) -> str:
    return "n/a" if v is None else f"{v:.0f}x" if v >= 10 else f"{v:.2f}x"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pyward", required=True, help="path to the pyward binary (target/release/pyward)")
    ap.add_argument("--db", default=str(DEFAULT_DB), help="the advisory snapshot (default ../shared/data/pypa-advisory-db)")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per measurement (default 7)")
    ap.add_argument("--manifest", choices=["requirements.txt", "pylock.toml", "both"], default="both",
                    help="which project to time (default both)")
    ap.add_argument("--pip-audit", action="store_true", help="also time pip-audit (network: queries pypi.org)")
    ap.add_argument("--pip-audit-runs", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="also print the results as one JSON object")
    ap.add_argument("--keep", metavar="DIR", help="copy the generated projects to DIR")
    ap.add_argument("--no-gnu-time", action="store_true", help="measure peak RSS with os.wait4 instead of /usr/bin/time")
    ap.add_argument("--fail-on-target", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()

    pyward = str(Path(args.pyward).resolve()) if os.sep in args.pyward else (shutil.which(args.pyward) or args.pyward)
    if not (os.path.isfile(pyward) and os.access(pyward, os.X_OK)):
        log(f"warning: pyward binary {pyward} not found or not executable")
    db_path = Path(args.db).resolve()
    try:
        ref.load_libs()
        db = ref.load_database(db_path)
    except ref.SetupError as e:
        print(f"ERROR: {e}")
        return 1
    if not db.records:
        print(f"ERROR: no advisory could be read from {db_path}")
        return 1
    packages, stats = build_packages(db)
    log(f"project: {stats['packages']} packages ({stats['affected_packages']} affected per the reference)")

    use_time = have_gnu_time() and not args.no_gnu_time
    rss_method = "GNU time %M" if use_time else "os.wait4 ru_maxrss (floored at the parent's RSS)"
    runs = max(1, args.runs)
    manifests = ["requirements.txt", "pylock.toml"] if args.manifest == "both" else [args.manifest]
    results: list[dict] = []
    pip_audit = None
    with tempfile.TemporaryDirectory(prefix="pyward-deps-bench-") as tmp:
        work = Path(tmp)
        projects = write_projects(packages, work / "projects")
        if args.keep:
            keep = Path(args.keep)
            keep.mkdir(parents=True, exist_ok=True)
            for name, proj in projects.items():
                shutil.copy(proj / name, keep / name)
        out_dir = work / "out"
        out_dir.mkdir()
        for m in manifests:
            proj = projects[m]

            def cold_cache(i: int, m: str = m) -> Path:
                d = work / "cache" / f"cold-{m}-{i}"
                d.mkdir(parents=True)
                return d

            results.append(bench_pyward(pyward, db_path, proj, cold_cache, runs, out_dir, use_time, f"{m} cold"))
            warm_dir = work / "cache" / f"warm-{m}"
            warm_dir.mkdir(parents=True)
            def warm_cache(i: int, d: Path = warm_dir) -> Path:
                return d

            prime = bench_pyward(pyward, db_path, proj, warm_cache, 1, out_dir, use_time, f"{m} priming")
            if "error" in prime:
                prime["label"] = f"{m} warm"
                results.append(prime)
            else:
                results.append(bench_pyward(pyward, db_path, proj, warm_cache, runs, out_dir, use_time, f"{m} warm"))
        if args.pip_audit:
            exe, err = ensure_pip_audit()
            if err:
                pip_audit = {"label": "pip-audit", "runs": 0, "error": err}
                log(f"pip-audit: {err}")
            else:
                version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False).stdout.strip()
                pip_audit = bench_pip_audit(exe, projects["requirements.txt"], max(1, args.pip_audit_runs), out_dir,
                                            use_time)
                pip_audit["version"] = version

    def med(label: str):
        return next((r.get("median_wall_s") for r in results if r["label"] == label), None)

    targets = []
    for m in manifests:
        for cache, thr in (("warm", WARM_TARGET_S), ("cold", COLD_TARGET_S)):
            v = med(f"{m} {cache}")
            status = "N/A" if v is None else ("PASS" if v < thr else "FAIL")
            shown = f"{thr * 1000:.0f} ms" if thr < 1 else f"{thr:g} s"
            targets.append({"target": f"{cache} median < {shown}", "manifest": m, "value_s": v,
                            "threshold_s": thr, "status": status})

    # ---- report ----
    print()
    print(f"Snapshot: {db_path} ({len(db.records)} advisories, {len(db.by_package)} packages)")
    print(f"Project: {stats['packages']} pinned packages: {stats['from_snapshot']} with advisories in the snapshot "
          f"(alternately at an affected version and past all fixes), {stats['clean']} popular packages without")
    print(f"Reference: {stats['affected_packages']} packages affected, {stats['matching_records']} advisory records "
          f"match, {stats['expected_findings']} after merging aliases (expected DEP001 findings)")
    if stats["clean_packages_with_advisories"]:
        print(f"Note: 'clean' packages that do have advisories here: {', '.join(stats['clean_packages_with_advisories'])}")
    print(f"Machine: {platform.machine()} {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}; peak RSS via {rss_method}")
    print()
    hdr = f"{'measurement':<24} {'runs':>4} {'median s':>9} {'min s':>8} {'peak RSS MB':>12} {'findings':>9} {'packages':>9}"
    print(hdr)
    print("-" * len(hdr))
    for r in results + ([pip_audit] if pip_audit else []):
        label = r["label"] + (" (network)" if r["label"] == "pip-audit" else "")
        if not r.get("runs"):
            print(f"{label:<24} {'-':>4} {'FAILED':>9}   {r.get('error', '')[:200]}")
            continue
        print(f"{label:<24} {r['runs']:>4} {fmt(r.get('median_wall_s'), '.3f'):>9} {fmt(r.get('min_wall_s'), '.3f'):>8} "
              f"{fmt(r.get('peak_rss_mb'), '.1f'):>12} {fmt(r.get('findings'), 'd'):>9} {fmt(r.get('packages'), 'd'):>9}")
        if r.get("error"):
            print(f"{'':<24} then FAILED: {r['error'][:200]}")
    print()
    print(f"Targets ({stats['packages']} packages):")
    for t in targets:
        shown = "n/a" if t["value_s"] is None else f"{t['value_s']:.3f} s"
        print(f"  {t['target']:<20} {t['manifest']:<17} {shown:>9}  {t['status']}")
    ratios = {}
    if pip_audit and pip_audit.get("runs"):
        pa = pip_audit["first_run_s"]
        for m in manifests:
            for cache in ("warm", "cold"):
                v = med(f"{m} {cache}")
                if v:
                    ratios[f"pip_audit_over_pyward_{cache}_{m}"] = pa / v
        print()
        print(f"pip-audit ({pip_audit.get('version') or '?'}, first run, cold cache): {pa:.1f} s, "
              f"{pip_audit.get('findings')} vulnerabilities")
        for m in manifests:
            w, c = ratios.get(f"pip_audit_over_pyward_warm_{m}"), ratios.get(f"pip_audit_over_pyward_cold_{m}")
            print(f"  pip-audit / pyward ({m}): {fmt_ratio(w)} warm, {fmt_ratio(c)} cold")
    elif pip_audit:
        print()
        print(f"pip-audit did not run to the end: {pip_audit.get('error')}")

    if args.json:
        print()
        print(json.dumps({
            "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
            "snapshot": {"path": str(db_path), "advisories": len(db.records), "packages": len(db.by_package)},
            "project": stats,
            "rss_method": rss_method,
            "runs": runs,
            "results": results,
            "pip_audit": pip_audit,
            "ratios": ratios,
            "targets": targets,
        }, indent=2))

    failed = any("error" in r for r in results)
    missed = any(t["status"] != "PASS" for t in targets)
    return 1 if failed or (args.fail_on_target and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
