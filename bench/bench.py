#!/usr/bin/env python3
"""Performance benchmark: pyward against Bandit and Ruff on Django's source.

Usage (from the repository root, after `cargo build --release`):

    python3 bench/bench.py --pyward target/release/pyward [--runs 3] \
        [--bandit-runs 1] [--cache-dir target/bench]

What it does:

1. installs bandit==1.9.4 and ruff (latest) with pip for this interpreter
   if they are missing (``--no-install`` turns that off);
2. downloads the sdist of Django 6.1.3 into the cache directory with
   ``pip download --no-deps --no-binary :all:`` (falls back to the newest
   6.x release, and says so, when that version cannot be had) and extracts
   it once;
3. times, on the extracted ``django/`` package folder:
     - pyward scan --select B      (the Bandit-compatible rules only)
     - pyward scan                 (default rule set)
     - bandit -r                   (--bandit-runs times, 1 by default: slow)
     - ruff check --select S       (flake8-bandit rules; --isolated so no
                                   ruff config found above the corpus applies)
   each ``--runs`` times, recording wall time (median) and peak RSS (max),
   and counting findings from each tool's JSON output;
4. prints a table, the ratios against the project's targets, and writes
   everything to ``<cache-dir>/bench-results.json``.

Wall time is measured with time.perf_counter() around the child. Peak RSS
is GNU time's %M (``/usr/bin/time -f '%e %M'``) where that exists; otherwise
os.wait4()'s ru_maxrss, which Linux carries over exec() from the forking
process, so it cannot drop below this script's own RSS (~10-30 MB). The
tools are started directly, not through shims (pyenv's shims are shell
scripts that would add tens of milliseconds to every run).

Only the Python 3.11 standard library is used.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from pathlib import Path

BANDIT_VERSION = "1.9.4"
DJANGO_VERSION = "6.1.3"

# Targets: (label, key in ratios, comparison, threshold)
TARGETS = [
    ("pyward(B) / ruff wall time", "pyward_b_over_ruff_time", "<=", 1.0),
    ("bandit / pyward(B) wall time (speed-up)", "bandit_over_pyward_b_time", ">=", 50.0),
    ("pyward(B) / ruff peak RSS", "pyward_b_over_ruff_rss", "<=", 2.0),
]


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------

def pip(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pip", *args]
    log("$ " + " ".join(cmd))
    return subprocess.run(cmd, text=True, capture_output=True)


def installed_version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def find_script(name: str) -> str | None:
    """The console script installed for *this* interpreter, not a shim."""
    scripts = Path(sysconfig.get_path("scripts"))
    for cand in (scripts / name, scripts / f"{name}.exe"):
        if cand.is_file() and os.access(cand, os.X_OK):
            return str(cand)
    return None


def ensure_tools(no_install: bool) -> dict[str, list[str]]:
    """Make sure bandit==1.9.4 and ruff exist; return their argv prefixes."""
    if installed_version("bandit") != BANDIT_VERSION and not no_install:
        r = pip("install", "--quiet", f"bandit=={BANDIT_VERSION}")
        if r.returncode != 0:
            log(r.stdout + r.stderr)
            raise SystemExit(f"could not install bandit=={BANDIT_VERSION}")
    if installed_version("ruff") is None and not no_install:
        r = pip("install", "--quiet", "ruff")
        if r.returncode != 0:
            log(r.stdout + r.stderr)
            raise SystemExit("could not install ruff")

    tools: dict[str, list[str]] = {}
    bandit = find_script("bandit")
    if bandit:
        tools["bandit"] = [bandit]
    elif installed_version("bandit"):
        tools["bandit"] = [sys.executable, "-m", "bandit"]
    elif shutil.which("bandit"):
        tools["bandit"] = [shutil.which("bandit")]  # type: ignore[list-item]

    ruff = find_script("ruff")
    if ruff is None and installed_version("ruff"):
        # The wheel also exposes the binary's location.
        try:
            from ruff.__main__ import find_ruff_bin  # type: ignore

            ruff = str(find_ruff_bin())
        except Exception:  # pragma: no cover - best effort
            ruff = None
    if ruff is None:
        ruff = shutil.which("ruff")
    if ruff:
        tools["ruff"] = [ruff]
    return tools


def tool_version(argv: list[str]) -> str:
    try:
        r = subprocess.run([*argv, "--version"], text=True, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    out = (r.stdout or r.stderr).strip().splitlines()
    return out[0].strip() if out else "?"


# --------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------

def newest_6x() -> str | None:
    r = pip("index", "versions", "django", "--ignore-requires-python")
    m = re.search(r"Available versions:\s*(.+)", r.stdout)
    if not m:
        return None
    versions = [v.strip() for v in m.group(1).split(",")]

    def key(v: str) -> tuple:
        return tuple(int(p) if p.isdigit() else -1 for p in re.split(r"[.]", v))

    six = [v for v in versions if re.fullmatch(r"6(\.\d+)*", v)]
    return max(six, key=key) if six else None


def download_django(cache: Path, version: str) -> Path | None:
    """Return the sdist path for Django *version*, downloading it if needed."""
    dl = cache / "sdist"
    dl.mkdir(parents=True, exist_ok=True)
    for pattern in (f"django-{version}.tar.gz", f"Django-{version}.tar.gz"):
        hit = dl / pattern
        if hit.exists():
            return hit
    # Django 6 requires Python >= 3.12; the source is only read, never run,
    # so the interpreter running this script does not matter.
    r = pip(
        "download", "--no-deps", "--no-binary", ":all:", "--ignore-requires-python",
        f"django=={version}", "-d", str(dl),
    )
    if r.returncode != 0:
        log(f"pip download django=={version} failed:\n{r.stderr.strip()[-2000:]}")
        return None
    for pattern in (f"django-{version}.tar.gz", f"Django-{version}.tar.gz"):
        hit = dl / pattern
        if hit.exists():
            return hit
    return None


def extract_once(sdist: Path, cache: Path) -> Path:
    root = cache / sdist.name[: -len(".tar.gz")].lower()
    target = root / "django"
    marker = root / ".extracted"
    if marker.exists() and target.is_dir():
        return target
    if root.exists():
        shutil.rmtree(root)
    log(f"extracting {sdist.name}")
    with tempfile.TemporaryDirectory(dir=cache) as tmp, tarfile.open(sdist) as tf:
        try:
            tf.extractall(tmp, filter="data")
        except TypeError:  # Python without extraction filters
            tf.extractall(tmp)
        (top,) = [p for p in Path(tmp).iterdir() if p.is_dir()]
        shutil.move(str(top), str(root))
    marker.write_text(sdist.name + "\n")
    return target


def prepare_corpus(cache: Path, version: str) -> tuple[Path, str, str | None]:
    note = None
    sdist = download_django(cache, version)
    if sdist is None:
        fallback = newest_6x()
        if fallback and fallback != version:
            note = f"Django {version} unavailable; using newest 6.x: {fallback}"
            log(note)
            sdist = download_django(cache, fallback)
            version = fallback
    if sdist is None:
        raise SystemExit("could not download a Django 6.x sdist")
    return extract_once(sdist, cache), version, note


def corpus_stats(target: Path) -> dict:
    files = lines = size = 0
    for p in target.rglob("*.py"):
        try:
            data = p.read_bytes()
        except OSError:
            continue
        files += 1
        size += len(data)
        lines += data.count(b"\n")
    return {"python_files": files, "python_lines": lines, "python_bytes": size}


def warm_page_cache(target: Path) -> None:
    for p in target.rglob("*"):
        if p.is_file():
            try:
                p.read_bytes()
            except OSError:
                pass


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------

GNU_TIME = "/usr/bin/time"


def have_gnu_time() -> bool:
    if not (os.path.isfile(GNU_TIME) and os.access(GNU_TIME, os.X_OK)):
        return False
    try:
        r = subprocess.run([GNU_TIME, "-f", "%e %M", "true"], text=True, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0 and re.fullmatch(r"[\d.]+ \d+", r.stderr.strip().splitlines()[-1]) is not None


def run_measured(argv: list[str], stdout_path: str | None, use_time: bool) -> dict:
    """Run argv once; return wall seconds, peak RSS (MiB), exit code, stderr.

    Peak RSS: with GNU time (the default where /usr/bin/time exists) it is
    time's %M for the tool's process. Without it, os.wait4()'s ru_maxrss for
    the child is used, which Linux carries across exec(): the figure then
    cannot go below this Python process's own RSS at spawn time (~10-30 MB),
    so small tools are over-reported.
    """
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    err = tempfile.TemporaryFile()
    tfile = None
    if use_time:
        fd, tfile = tempfile.mkstemp(prefix="pyward-bench-time-")
        os.close(fd)
        argv = [GNU_TIME, "-f", "%e %M", "-o", tfile, *argv]
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, rusage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        # ru_maxrss is in KiB on Linux and in bytes on macOS; report MiB.
        rss_mb = rusage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        if tfile:
            lines = Path(tfile).read_text().strip().splitlines()
            m = re.fullmatch(r"([\d.]+) (\d+)", lines[-1].strip()) if lines else None
            if m:
                rss_mb = int(m.group(2)) / 1024
    finally:
        if stdout_path:
            out.close()  # type: ignore[union-attr]
        err.close()
        if tfile:
            os.unlink(tfile)
    return {
        "wall_s": wall,
        "peak_rss_mb": rss_mb,
        "user_s": rusage.ru_utime,
        "sys_s": rusage.ru_stime,
        "exit_code": proc.returncode,
        "stderr_tail": stderr[-1500:],
    }


def load_json(path: str):
    try:
        with open(path, "rb") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def count_findings(kind: str, path: str) -> int | None:
    data = load_json(path)
    if kind == "pyward" and isinstance(data, dict):
        return len(data.get("findings", []))
    if kind == "bandit" and isinstance(data, dict):
        return len(data.get("results", []))
    if kind == "ruff" and isinstance(data, list):
        return len(data)
    return None


def bench_tool(name: str, kind: str, argv_for, runs: int, ok_codes: set[int],
               via_stdout: bool, workdir: Path, use_time: bool) -> dict:
    """argv_for(out_path) builds the command; output goes to out_path."""
    samples = []
    findings = None
    tool_errors = None
    failed = None
    for i in range(runs):
        out_path = str(workdir / f"{re.sub(r'[^a-z0-9]+', '_', name.lower())}-{i}.json")
        argv = argv_for(out_path)
        if i == 0:
            log("$ " + " ".join(argv) + (f" > {out_path}" if via_stdout else ""))
        try:
            s = run_measured(argv, out_path if via_stdout else None, use_time)
        except OSError as e:
            failed = f"could not start: {e}"
            break
        if s["exit_code"] not in ok_codes:
            failed = f"exit code {s['exit_code']}: {s['stderr_tail'].strip()[-600:]}"
            break
        n = count_findings(kind, out_path)
        if i == 0:
            findings = n
            if kind == "pyward":
                data = load_json(out_path)
                if isinstance(data, dict) and isinstance(data.get("errors"), list):
                    tool_errors = len(data["errors"])
        samples.append(s)
        log(f"{name} run {i + 1}/{runs}: {s['wall_s']:.3f} s, {s['peak_rss_mb']:.1f} MB"
            + (f", {n} findings" if n is not None else ""))
        try:
            os.unlink(out_path)
        except OSError:
            pass
    result = {
        "tool": name,
        "command": " ".join(argv_for("<out>")),
        "runs": len(samples),
        "samples": [{k: round(v, 4) if isinstance(v, float) else v
                     for k, v in s.items() if k != "stderr_tail"} for s in samples],
        "findings": findings,
    }
    if tool_errors is not None:
        result["reported_errors"] = tool_errors
    if samples:
        result["median_wall_s"] = statistics.median(s["wall_s"] for s in samples)
        result["min_wall_s"] = min(s["wall_s"] for s in samples)
        result["peak_rss_mb"] = max(s["peak_rss_mb"] for s in samples)
        result["median_cpu_s"] = statistics.median(s["user_s"] + s["sys_s"] for s in samples)
    if failed:
        result["error"] = failed
        log(f"{name} FAILED: {failed}")
    return result


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def fmt(v, spec: str) -> str:
    return "n/a" if v is None else format(v, spec)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pyward", required=True, help="path to the pyward binary (target/release/pyward)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of pyward and ruff (default 3)")
    ap.add_argument("--bandit-runs", type=int, default=1, help="timed runs of bandit (default 1; it is slow)")
    ap.add_argument("--cache-dir", default="target/bench", help="downloads, extracted corpus and results")
    ap.add_argument("--django-version", default=DJANGO_VERSION)
    ap.add_argument("--target", help="benchmark this directory instead of Django's package folder")
    ap.add_argument("--no-install", action="store_true", help="do not pip-install bandit/ruff")
    ap.add_argument("--no-gnu-time", action="store_true",
                    help="measure peak RSS with os.wait4 instead of /usr/bin/time")
    ap.add_argument("--skip", action="append", default=[], choices=["pyward-b", "pyward", "bandit", "ruff"],
                    help="leave a tool out (repeatable)")
    args = ap.parse_args()

    cache = Path(args.cache_dir).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    pyward = str(Path(args.pyward).resolve()) if os.sep in args.pyward else (shutil.which(args.pyward) or args.pyward)
    if not (os.path.isfile(pyward) and os.access(pyward, os.X_OK)):
        log(f"warning: pyward binary {pyward} not found or not executable")

    tools = ensure_tools(args.no_install)
    note = None
    if args.target:
        target = Path(args.target).resolve()
        corpus = {"name": str(target)}
    else:
        target, version, note = prepare_corpus(cache, args.django_version)
        corpus = {"name": f"django-{version}/django", "django_version": version}
    corpus.update(corpus_stats(target))
    log(f"corpus: {target} ({corpus['python_files']} .py files, {corpus['python_lines']} lines)")
    warm_page_cache(target)

    versions = {
        "pyward": tool_version([pyward]),
        "bandit": tool_version(tools["bandit"]) if "bandit" in tools else None,
        "ruff": tool_version(tools["ruff"]) if "ruff" in tools else None,
    }
    T = str(target)
    plan = [
        ("pyward-b", "pyward (--select B)", "pyward",
         lambda o: [pyward, "scan", "--select", "B", "--no-progress", "--exit-zero", "--format", "json", "-o", o, T],
         args.runs, {0}, False),
        ("pyward", "pyward (default)", "pyward",
         lambda o: [pyward, "scan", "--no-progress", "--offline", "--exit-zero", "--format", "json", "-o", o, T],
         args.runs, {0}, False),
    ]
    if "bandit" in tools:
        plan.append(("bandit", f"bandit {BANDIT_VERSION}", "bandit",
                     lambda o: [*tools["bandit"], "-r", T, "-f", "json", "-q", "-o", o],
                     args.bandit_runs, {0, 1}, False))  # bandit exits 1 when it finds issues
    else:
        log("bandit is not available: skipped")
    if "ruff" in tools:
        plan.append(("ruff", "ruff --select S", "ruff",
                     lambda o: [*tools["ruff"], "check", "--isolated", "--no-cache", "--select", "S",
                                "--output-format", "json", "--exit-zero", T],
                     args.runs, {0}, True))
    else:
        log("ruff is not available: skipped")

    use_time = have_gnu_time() and not args.no_gnu_time
    rss_method = "GNU time %M" if use_time else "os.wait4 ru_maxrss (floored at the parent's RSS)"
    log(f"peak RSS via {rss_method}")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="pyward-bench-") as tmp:
        for key, name, kind, argv_for, runs, ok, via_stdout in plan:
            if key in args.skip:
                continue
            results[key] = bench_tool(name, kind, argv_for, max(1, runs), ok, via_stdout, Path(tmp), use_time)

    def med(k: str) -> float | None:
        return results.get(k, {}).get("median_wall_s")

    def rss(k: str) -> float | None:
        return results.get(k, {}).get("peak_rss_mb")

    ratios = {
        "pyward_b_over_ruff_time": ratio(med("pyward-b"), med("ruff")),
        "bandit_over_pyward_b_time": ratio(med("bandit"), med("pyward-b")),
        "pyward_b_over_ruff_rss": ratio(rss("pyward-b"), rss("ruff")),
        "pyward_default_over_ruff_time": ratio(med("pyward"), med("ruff")),
        "bandit_over_ruff_time": ratio(med("bandit"), med("ruff")),
    }
    targets = []
    for label, key, op, thr in TARGETS:
        v = ratios[key]
        if v is None:
            status = "N/A"
        else:
            status = "PASS" if (v <= thr if op == "<=" else v >= thr) else "FAIL"
        targets.append({"target": label, "ratio": key, "op": op, "threshold": thr, "value": v, "status": status})

    # ---- report ----
    print()
    print(f"Corpus: {corpus['name']}  ({corpus['python_files']} .py files, "
          f"{corpus['python_lines']:,} lines, {corpus['python_bytes'] / 1e6:.1f} MB)")
    if note:
        print(f"Note: {note}")
    print(f"Machine: {platform.machine()} {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}; peak RSS via {rss_method}")
    print()
    hdr = f"{'tool':<22} {'runs':>4} {'median wall s':>14} {'min wall s':>11} {'peak RSS MB':>12} {'findings':>9}"
    print(hdr)
    print("-" * len(hdr))
    for key, name, *_ in plan:
        r = results.get(key)
        if r is None:
            continue
        if "error" in r and not r["runs"]:
            print(f"{name:<22} {'-':>4} {'FAILED':>14}   {r['error'][:60]}")
            continue
        print(f"{name:<22} {r['runs']:>4} {fmt(r.get('median_wall_s'), '.3f'):>14} "
              f"{fmt(r.get('min_wall_s'), '.3f'):>11} {fmt(r.get('peak_rss_mb'), '.1f'):>12} "
              f"{fmt(r.get('findings'), 'd'):>9}")
    print()
    print("Ratios:")
    print(f"  pyward(B) / ruff   time   {fmt(ratios['pyward_b_over_ruff_time'], '.2f')}")
    speedup = ratios["bandit_over_pyward_b_time"]
    print(f"  bandit / pyward(B) time   {fmt(speedup, '.1f')}{'x' if speedup is not None else ''}")
    print(f"  pyward(B) / ruff   memory {fmt(ratios['pyward_b_over_ruff_rss'], '.2f')}")
    print(f"  pyward(default) / ruff time {fmt(ratios['pyward_default_over_ruff_time'], '.2f')}")
    print()
    print("Targets:")
    for t in targets:
        v = t["value"]
        shown = fmt(v, ".2f") + ("x" if t["ratio"] == "bandit_over_pyward_b_time" and v is not None else "")
        print(f"  {t['target']:<42} {t['op']} {t['threshold']:<5g} {shown:>9}  {t['status']}")

    out = {
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
        },
        "corpus": corpus,
        "note": note,
        "versions": versions,
        "rss_method": rss_method,
        "runs": args.runs,
        "bandit_runs": args.bandit_runs,
        "results": results,
        "ratios": ratios,
        "targets": targets,
    }
    res_path = cache / "bench-results.json"
    res_path.write_text(json.dumps(out, indent=2) + "\n")
    print()
    print(f"Results written to {res_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
