#!/usr/bin/env python3
"""Compare pyward's B-rule findings with Bandit 1.9.4 on Bandit's own examples/.

Usage (CI):
    python3 scripts/bandit_conformance.py --pyward target/release/pyward

Steps:
  1. make sure bandit==1.9.4 is importable by this interpreter (pip-installs it otherwise);
  2. fetch the bandit 1.9.4 sdist (``pip download --no-binary :all:``) into the cache
     directory (default ``target/conformance`` under the repository root) and untar it once;
  3. from inside the extracted sdist root run
         python3 -m bandit -r examples -f json -q
         <pyward> scan examples --format json --select B --exit-zero --no-progress
  4. compare the multisets of (rule, path, line, severity, confidence);
  5. check every difference against the table in docs/bandit-differences.md
     (section "## Differences on Bandit's examples").

Exit status 0 iff exact matches >= --min-matches (590) AND every difference is
documented AND the table has no stale rows; 1 otherwise, including setup errors
(bandit could not be installed or run, pyward missing or its output unreadable) and a
malformed differences table.

Other modes:
  --update-differences   also print ready-to-paste table rows (reason "TODO") for
                         undocumented differences, and the stale rows to delete.
  --reports-dir DIR      write bandit_examples_report.txt (every Bandit finding with
                         its source line, grouped by file) and bandit_nosec_report.txt
                         (what each "# nosec" comment in examples/ suppresses).
                         --pyward may be omitted in this mode.
  --self-test            exercise the comparison against fake pyward executables
                         generated in a temporary directory; no real pyward needed.

Only the standard library is used (plus the bandit it installs).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import tempfile
import textwrap
import tokenize
from dataclasses import dataclass
from pathlib import Path

BANDIT_VERSION = "1.9.4"
SDIST_DIR = f"bandit-{BANDIT_VERSION}"
SDIST_TARBALL = f"bandit-{BANDIT_VERSION}.tar.gz"
EXPECTED_BANDIT_TOTAL = 597
DEFAULT_MIN_MATCHES = 590
SECTION_TITLE = "## Differences on Bandit's examples"
TABLE_HEADER = ["side", "file", "line", "rule", "grade", "reason"]
SIDES = ("bandit-only", "pyward-only")
GRADES = ("LOW", "MEDIUM", "HIGH")
PYWARD_ARGS = ["scan", "examples", "--format", "json", "--select", "B", "--exit-zero", "--no-progress"]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = REPO_ROOT / "target" / "conformance"
DEFAULT_DIFFERENCES = REPO_ROOT / "docs" / "bandit-differences.md"


class SetupError(Exception):
    """Something outside the comparison itself went wrong (reported as ERROR, exit status 1)."""


# --------------------------------------------------------------------------- keys


@dataclass(frozen=True, order=True)
class Key:
    rule: str
    path: str
    line: int
    severity: str
    confidence: str

    @property
    def grade(self) -> str:
        return f"{self.severity}/{self.confidence}"

    @property
    def location(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.rule)


def sort_key(k: Key):
    return (k.path, k.line, k.rule, k.severity, k.confidence)


def rule_sort_key(rule: str):
    m = re.match(r"([A-Za-z]+)(\d+)$", rule)
    return (m.group(1), int(m.group(2)), rule) if m else (rule, 0, rule)


def normalise_path(path: str, root: Path | None = None) -> str:
    p = str(path).replace("\\", "/")
    if root is not None and os.path.isabs(p):
        try:
            p = Path(p).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    while p.startswith("./"):
        p = p[2:]
    return p


# --------------------------------------------------------------------------- bandit setup


def log(msg: str) -> None:
    print(f"[conformance] {msg}", file=sys.stderr, flush=True)


def bandit_version() -> str | None:
    proc = subprocess.run(
        [sys.executable, "-m", "bandit", "--version"], capture_output=True, text=True
    )
    if proc.returncode != 0:
        return None
    m = re.search(r"\b(\d+\.\d+\.\d+)\b", proc.stdout + proc.stderr)
    return m.group(1) if m else None


def ensure_bandit() -> None:
    if bandit_version() == BANDIT_VERSION:
        return
    log(f"installing bandit=={BANDIT_VERSION}")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", f"bandit=={BANDIT_VERSION}"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SetupError(f"pip install bandit=={BANDIT_VERSION} failed:\n{proc.stdout}{proc.stderr}")
    got = bandit_version()
    if got != BANDIT_VERSION:
        raise SetupError(f"after installing, `python3 -m bandit --version` reports {got!r}, not {BANDIT_VERSION}")


def ensure_examples(cache_dir: Path) -> Path:
    """Return the extracted sdist root (which contains examples/)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    root = cache_dir / SDIST_DIR
    if (root / "examples").is_dir() and (root / ".extracted").exists():
        return root
    tarball = cache_dir / SDIST_TARBALL
    if not tarball.exists():
        log(f"downloading the bandit {BANDIT_VERSION} sdist into {cache_dir}")
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
             f"bandit=={BANDIT_VERSION}", "-d", str(cache_dir)],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0 or not tarball.exists():
            raise SetupError(f"pip download of the bandit sdist failed:\n{proc.stdout}{proc.stderr}")
    log(f"extracting {tarball.name}")
    tmp = Path(tempfile.mkdtemp(prefix="extract-", dir=cache_dir))
    try:
        with tarfile.open(tarball) as tf:
            if hasattr(tarfile, "data_filter"):
                tf.extractall(tmp, filter="data")
            else:  # pragma: no cover - Python < 3.11.4
                tf.extractall(tmp)
        extracted = tmp / SDIST_DIR
        if not (extracted / "examples").is_dir():
            raise SetupError(f"{tarball} has no {SDIST_DIR}/examples directory")
        (extracted / ".extracted").write_text("ok\n")
        if root.exists():
            shutil.rmtree(root)
        extracted.rename(root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return root


def run_bandit(sdist_root: Path, ignore_nosec: bool = False) -> dict:
    cmd = [sys.executable, "-m", "bandit", "-r", "examples", "-f", "json", "-q"]
    if ignore_nosec:
        cmd.append("--ignore-nosec")
    log("running: python3 -m bandit " + " ".join(cmd[3:]) + "  (about 10 s)")
    proc = subprocess.run(cmd, cwd=sdist_root, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SetupError(f"bandit exited with {proc.returncode}:\n{proc.stderr[-4000:]}")
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise SetupError(f"bandit output is not JSON ({exc}):\n{proc.stdout[:2000]}") from exc


def bandit_keys(report: dict) -> collections.Counter:
    return collections.Counter(
        Key(r["test_id"], normalise_path(r["filename"]), int(r["line_number"]),
            r["issue_severity"].upper(), r["issue_confidence"].upper())
        for r in report["results"]
    )


# --------------------------------------------------------------------------- pyward


def resolve_executable(spec: str) -> str:
    if os.sep in spec or (os.altsep and os.altsep in spec):
        path = Path(spec).resolve()
        if not path.exists():
            raise SetupError(f"pyward executable {spec} not found (build it first: cargo build --release)")
        return str(path)
    found = shutil.which(spec)
    if not found:
        raise SetupError(f"pyward executable {spec!r} not found on PATH")
    return found


def run_pyward(pyward: str, sdist_root: Path) -> tuple[collections.Counter, list, list[str]]:
    """Return (B-rule finding keys, pyward's errors list, warnings)."""
    cmd = [pyward, *PYWARD_ARGS]
    log("running: " + " ".join([Path(pyward).name, *PYWARD_ARGS]))
    proc = subprocess.run(cmd, cwd=sdist_root, capture_output=True, text=True)
    warnings: list[str] = []
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise SetupError(
            f"pyward exited with {proc.returncode} and its stdout is not JSON ({exc}).\n"
            f"stdout (start): {proc.stdout[:1500]}\nstderr (end): {proc.stderr[-3000:]}"
        ) from exc
    if proc.returncode != 0:
        warnings.append(f"pyward exited with {proc.returncode} despite --exit-zero (stderr: {proc.stderr.strip()[-500:]!r})")
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise SetupError("pyward JSON has no top-level \"findings\" list")
    keys: collections.Counter = collections.Counter()
    other_rules: collections.Counter = collections.Counter()
    for i, f in enumerate(data["findings"]):
        try:
            rule = str(f["rule"])
            if rule.startswith("E"):
                continue  # syntax/IO errors reported as findings: not compared
            if not rule.startswith("B"):
                other_rules[rule] += 1
                continue
            keys[Key(rule, normalise_path(f["path"], sdist_root), int(f["line"]),
                     str(f["severity"]).upper(), str(f["confidence"]).upper())] += 1
        except (KeyError, TypeError, ValueError) as exc:
            raise SetupError(f"pyward finding #{i} is malformed ({exc!r}): {f!r}") from exc
    if other_rules:
        warnings.append("pyward reported non-B rules despite --select B (ignored): "
                        + ", ".join(f"{r}x{n}" for r, n in sorted(other_rules.items())))
    errors = data.get("errors") or []
    return keys, errors, warnings


# --------------------------------------------------------------------------- differences table


@dataclass(frozen=True)
class Row:
    side: str
    key: Key
    reason: str
    lineno: int  # line in the Markdown file


def split_md_row(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells = re.split(r"(?<!\\)\|", s)
    return [c.strip().replace("\\|", "|") for c in cells]


def strip_code(cell: str) -> str:
    cell = cell.strip()
    if len(cell) >= 2 and cell[0] == "`" and cell[-1] == "`":
        cell = cell[1:-1].strip()
    return cell


def parse_differences(path: Path) -> tuple[list[Row], list[str]]:
    """Parse the table; return (rows, problems). Problems make the run fail."""
    if not path.exists():
        return [], [f"{path} does not exist"]
    lines = path.read_text(encoding="utf-8").splitlines()
    problems: list[str] = []
    start = None
    for i, line in enumerate(lines):
        if line.strip() == SECTION_TITLE:
            start = i + 1
            break
    if start is None:
        return [], [f"{path}: no section titled {SECTION_TITLE!r}"]
    rows: list[Row] = []
    header_seen = False
    in_table = False
    for i in range(start, len(lines)):
        line = lines[i]
        if line.startswith("## ") or line.startswith("# "):
            break
        if not line.strip().startswith("|"):
            if in_table:
                break  # the first table of the section ends here
            continue
        in_table = True
        cells = split_md_row(line)
        where = f"{path.name}:{i + 1}"
        if not header_seen:
            if [c.lower() for c in cells] != TABLE_HEADER:
                problems.append(f"{where}: table header must be | {' | '.join(TABLE_HEADER)} |, got {cells}")
                return rows, problems
            header_seen = True
            continue
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
            continue  # separator row
        if len(cells) != len(TABLE_HEADER):
            problems.append(f"{where}: expected {len(TABLE_HEADER)} cells, got {len(cells)}: {line.strip()}")
            continue
        side, file, lineno, rule, grade, reason = (strip_code(c) for c in cells)
        if side not in SIDES:
            problems.append(f"{where}: side must be one of {SIDES}, got {side!r}")
            continue
        if not lineno.isdigit():
            problems.append(f"{where}: line must be a number, got {lineno!r}")
            continue
        m = re.fullmatch(r"([A-Z]+)\s*/\s*([A-Z]+)", grade.upper())
        if not m or m.group(1) not in GRADES or m.group(2) not in GRADES:
            problems.append(f"{where}: grade must be SEV/CONF with LOW|MEDIUM|HIGH, got {grade!r}")
            continue
        if not re.fullmatch(r"B\d{3}", rule):
            problems.append(f"{where}: rule must look like B602, got {rule!r}")
            continue
        rows.append(Row(side, Key(rule, normalise_path(file), int(lineno), m.group(1), m.group(2)),
                        reason, i + 1))
    if not header_seen:
        problems.append(f"{path}: section {SECTION_TITLE!r} has no table")
    return rows, problems


def format_row(side: str, k: Key, reason: str = "TODO") -> str:
    reason = reason.replace("|", "\\|")
    return f"| {side} | {k.path} | {k.line} | {k.rule} | {k.grade} | {reason} |"


# --------------------------------------------------------------------------- comparison


@dataclass
class Comparison:
    bandit: collections.Counter
    pyward: collections.Counter
    matched: collections.Counter
    bandit_only: collections.Counter
    pyward_only: collections.Counter

    @classmethod
    def of(cls, bandit: collections.Counter, pyward: collections.Counter) -> "Comparison":
        return cls(bandit, pyward, bandit & pyward, bandit - pyward, pyward - bandit)


def source_line(sdist_root: Path | None, path: str, line: int, cache: dict) -> str:
    if sdist_root is None:
        return ""
    if path not in cache:
        try:
            cache[path] = (sdist_root / path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            cache[path] = []
    lines = cache[path]
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def compare_and_report(
    bandit_report: dict,
    pyward_keys: collections.Counter,
    pyward_errors: list,
    differences_path: Path,
    *,
    min_matches: int = DEFAULT_MIN_MATCHES,
    expected_total: int = EXPECTED_BANDIT_TOTAL,
    update: bool = False,
    sdist_root: Path | None = None,
    out=None,
) -> int:
    out = out or sys.stdout

    def p(s: str = "") -> None:
        print(s, file=out)

    b = bandit_keys(bandit_report)
    cmp = Comparison.of(b, pyward_keys)
    n = lambda c: sum(c.values())  # noqa: E731
    rows, table_problems = parse_differences(differences_path)

    # ---- summary
    p(f"Bandit {BANDIT_VERSION} findings : {n(cmp.bandit)}")
    if n(cmp.bandit) != expected_total:
        p(f"  WARNING: expected Bandit to report {expected_total} findings on its examples/, got {n(cmp.bandit)}")
    berr = sorted(normalise_path(e.get("filename", "?")) for e in bandit_report.get("errors", []))
    p(f"  Bandit errors ({len(berr)}): {', '.join(berr) or '-'}")
    p(f"pyward B findings        : {n(cmp.pyward)}")
    perr = []
    for e in pyward_errors:
        if isinstance(e, dict):
            perr.append(normalise_path(str(e.get("path") or e.get("filename") or e.get("file") or e), sdist_root))
        else:
            perr.append(str(e))
    p(f"  pyward errors ({len(perr)}): {', '.join(sorted(perr)) or '-'}")
    p(f"exact matches            : {n(cmp.matched)}  (required >= {min_matches})")
    p(f"bandit-only              : {n(cmp.bandit_only)}")
    p(f"pyward-only              : {n(cmp.pyward_only)}")

    # ---- per-rule table
    rules = sorted({k.rule for k in cmp.bandit} | {k.rule for k in cmp.pyward}, key=rule_sort_key)
    per = {r: [0, 0, 0] for r in rules}
    for i, c in enumerate((cmp.bandit, cmp.pyward, cmp.matched)):
        for k, v in c.items():
            per[k.rule][i] += v
    p()
    p(f"{'rule':<6} {'bandit':>6} {'pyward':>6} {'matched':>7}")
    for r in rules:
        bb, pp, mm = per[r]
        flag = "" if bb == pp == mm else "  *"
        p(f"{r:<6} {bb:>6} {pp:>6} {mm:>7}{flag}")
    p(f"{'total':<6} {n(cmp.bandit):>6} {n(cmp.pyward):>6} {n(cmp.matched):>7}")

    # ---- documentation check (multiset: one row documents one differing finding)
    documented = {s: collections.Counter() for s in SIDES}
    rows_by_key = collections.defaultdict(list)
    for row in rows:
        documented[row.side][row.key] += 1
        rows_by_key[(row.side, row.key)].append(row)
    diffs = {"bandit-only": cmp.bandit_only, "pyward-only": cmp.pyward_only}
    undocumented = {s: diffs[s] - documented[s] for s in SIDES}
    stale = {s: documented[s] - diffs[s] for s in SIDES}

    # ---- differing findings
    src_cache: dict = {}
    grade_pairs = []
    b_locs = collections.defaultdict(list)
    for k, v in cmp.bandit_only.items():
        b_locs[k.location].extend([k] * v)
    p_locs = collections.defaultdict(list)
    for k, v in cmp.pyward_only.items():
        p_locs[k.location].extend([k] * v)
    lone = {"bandit-only": [], "pyward-only": []}
    for loc in sorted(set(b_locs) | set(p_locs)):
        bl, pl = sorted(b_locs.get(loc, [])), sorted(p_locs.get(loc, []))
        while bl and pl:
            grade_pairs.append((bl.pop(0), pl.pop(0)))
        lone["bandit-only"].extend(bl)
        lone["pyward-only"].extend(pl)

    remaining_undoc = {s: undocumented[s].copy() for s in SIDES}

    def status(side: str, k: Key) -> str:
        if remaining_undoc[side][k] > 0:
            remaining_undoc[side][k] -= 1
            return "UNDOCUMENTED"
        return "documented"

    if grade_pairs or lone["bandit-only"] or lone["pyward-only"]:
        p()
        p("Differing findings:")
        for bk, pk in grade_pairs:
            st = " / ".join(sorted({status("bandit-only", bk), status("pyward-only", pk)}))
            p(f"  grade        {bk.path}:{bk.line} {bk.rule} bandit {bk.grade} vs pyward {pk.grade}  [{st}]")
            src = source_line(sdist_root, bk.path, bk.line, src_cache)
            if src:
                p(f"               | {src}")
        for side in SIDES:
            for k in sorted(lone[side], key=sort_key):
                p(f"  {side:<12} {k.path}:{k.line} {k.rule} {k.grade}  [{status(side, k)}]")
                src = source_line(sdist_root, k.path, k.line, src_cache)
                if src:
                    p(f"               | {src}")

    n_undoc = sum(n(undocumented[s]) for s in SIDES)
    n_stale = sum(n(stale[s]) for s in SIDES)
    todo_rows = [r for r in rows if r.reason.strip() in ("", "TODO")]
    if n_stale:
        p()
        p(f"Stale rows in {differences_path.name} (no longer a difference; delete them):")
        for s in SIDES:
            for k in sorted(stale[s].elements(), key=sort_key):
                for row in rows_by_key[(s, k)][:1]:
                    p(f"  line {row.lineno}: {format_row(s, k, row.reason)}")
    if table_problems:
        p()
        p(f"Problems with {differences_path}:")
        for prob in table_problems:
            p(f"  {prob}")
    if todo_rows:
        p()
        p(f"Note: {len(todo_rows)} row(s) in {differences_path.name} still have reason TODO.")
    if update and (n_undoc or n_stale):
        p()
        p(f"Rows to add to the table in {differences_path} (fill in the reasons):")
        for s in SIDES:
            for k in sorted(undocumented[s].elements(), key=sort_key):
                p(format_row(s, k))
        if n_stale:
            p("Rows to delete: the stale rows listed above.")

    # ---- verdict
    reasons = []
    if n(cmp.matched) < min_matches:
        reasons.append(f"only {n(cmp.matched)} exact matches (need >= {min_matches})")
    if n_undoc:
        reasons.append(f"{n_undoc} undocumented difference(s)"
                       + ("" if update else " (rerun with --update-differences for rows to paste)"))
    if n_stale:
        reasons.append(f"{n_stale} stale row(s) in {differences_path.name}")
    if table_problems:
        reasons.append(f"{len(table_problems)} problem(s) reading {differences_path.name}")
    p()
    if reasons:
        p("FAIL: " + "; ".join(reasons))
        return 1
    p(f"OK: {n(cmp.matched)} exact matches; all {n(cmp.bandit_only) + n(cmp.pyward_only)} differences documented")
    return 0


# --------------------------------------------------------------------------- owner reports


def write_examples_report(report: dict, sdist_root: Path, dest: Path) -> None:
    results = sorted(report["results"], key=lambda r: (normalise_path(r["filename"]), r["line_number"],
                                                        r["col_offset"], r["test_id"]))
    by_file = collections.defaultdict(list)
    for r in results:
        by_file[normalise_path(r["filename"])].append(r)
    all_files = sorted(
        normalise_path(os.path.relpath(os.path.join(dp, f), sdist_root))
        for dp, _, fs in os.walk(sdist_root / "examples") for f in fs
        if f.endswith((".py", ".pyw"))
    )
    errors = sorted(normalise_path(e["filename"]) for e in report.get("errors", []))
    counts = collections.Counter(r["test_id"] for r in results)
    src_cache: dict = {}
    out = io.StringIO()
    w = out.write
    w(f"Bandit {BANDIT_VERSION} on its own examples/ (run from the sdist root: "
      f"python3 -m bandit -r examples -f json -q)\n")
    w(f"{len(results)} findings, {len(counts)} distinct ids, in {len(by_file)} of {len(all_files)} files; "
      f"{len(errors)} files not analysed.\n")
    tot = report.get("metrics", {}).get("_totals", {})
    if tot:
        w(f"metrics: nosec (blanket-suppressed) = {tot.get('nosec')}, skipped_tests (id-suppressed) = "
          f"{tot.get('skipped_tests')}, loc = {tot.get('loc')}\n")
    w("\nPer id: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: rule_sort_key(kv[0])))
      + "\n")
    w("\nFiles Bandit reports as errors:\n")
    for e in report.get("errors", []):
        w(f"  {normalise_path(e['filename'])}: {e.get('reason')}\n")
    w("\nFiles with no finding (and no error):\n")
    for f in all_files:
        if f not in by_file and f not in errors:
            w(f"  {f}\n")
    w("\nFormat: path:line[-end] col N  Bxxx SEV/CONF  test_name\n"
      "          > source text of the reported line\n"
      "          ~ Bandit's message\n")
    for f in sorted(by_file):
        w(f"\n== {f} ({len(by_file[f])} findings)\n")
        for r in by_file[f]:
            rng = r.get("line_range") or [r["line_number"]]
            span = f"-{rng[-1]}" if len(rng) > 1 and rng[-1] != r["line_number"] else ""
            if len(rng) > 1 and rng[0] != r["line_number"]:
                span += f" (range {rng[0]}-{rng[-1]})"
            w(f"{f}:{r['line_number']}{span} col {r['col_offset']}  {r['test_id']} "
              f"{r['issue_severity']}/{r['issue_confidence']}  {r['test_name']}\n")
            w(f"          > {source_line(sdist_root, f, r['line_number'], src_cache)}\n")
            w(f"          ~ {r['issue_text']}\n")
    dest.write_text(out.getvalue(), encoding="utf-8")


def nosec_comments(path: Path) -> list[tuple[int, str]]:
    found = []
    try:
        with path.open("rb") as fh:
            for tok in tokenize.tokenize(fh.readline):
                if tok.type == tokenize.COMMENT and re.search(r"#\s*nosec", tok.string):
                    found.append((tok.start[0], tok.string))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        # fall back to a textual scan for files that do not tokenize
        for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            m = re.search(r"#\s*nosec.*", line)
            if m:
                found.append((i, m.group(0) + "   [textual match: file does not tokenize]"))
    return found


def write_nosec_report(report: dict, report_ignore: dict, sdist_root: Path, dest: Path) -> None:
    def key(r):
        return (normalise_path(r["filename"]), r["line_number"], r["test_id"],
                r["issue_severity"], r["issue_confidence"])

    kept = collections.Counter(key(r) for r in report["results"])
    suppressed = collections.defaultdict(list)
    for r in report_ignore["results"]:
        k = key(r)
        if kept[k] > 0:
            kept[k] -= 1
        else:
            suppressed[k[0]].append(r)
    files = sorted(
        normalise_path(os.path.relpath(os.path.join(dp, f), sdist_root))
        for dp, _, fs in os.walk(sdist_root / "examples") for f in fs if f.endswith((".py", ".pyw"))
    )
    src_cache: dict = {}
    out = io.StringIO()
    w = out.write
    total = sum(len(v) for v in suppressed.values())
    tot = report.get("metrics", {}).get("_totals", {})
    w(f"# nosec in Bandit {BANDIT_VERSION}'s examples/\n")
    w(f"Findings with --ignore-nosec: {len(report_ignore['results'])}; without: {len(report['results'])}; "
      f"suppressed by # nosec: {total} (metrics: nosec={tot.get('nosec')}, skipped_tests={tot.get('skipped_tests')})\n")
    w("Each suppressed finding names the nosec comment(s) within its line range (from the --ignore-nosec run);\n"
      "Bandit honours a nosec on the reported line or anywhere in the visited node's line range\n"
      "(for string checks the parent node, for function checks the whole function).\n")
    for f in files:
        comments = nosec_comments(sdist_root / f)
        if not comments and f not in suppressed:
            continue
        w(f"\n== {f}: {len(comments)} nosec comment(s), {len(suppressed.get(f, []))} finding(s) suppressed\n")
        for line, text in comments:
            w(f"  comment {f}:{line}: {text}\n")
            code = source_line(sdist_root, f, line, src_cache)
            w(f"          > {code}\n")
        if suppressed.get(f):
            w("  suppressed:\n")
            for r in sorted(suppressed[f], key=lambda r: (r["line_number"], r["test_id"])):
                rng = r.get("line_range") or [r["line_number"]]
                near = [ln for ln, _ in comments if rng[0] <= ln <= max(rng[-1], r["line_number"])]
                via = f" (nosec on line {', '.join(map(str, near))})" if near else " (no nosec inside its range!)"
                w(f"    {f}:{r['line_number']} {r['test_id']} {r['issue_severity']}/{r['issue_confidence']}"
                  f" range {rng[0]}-{rng[-1]}{via}\n")
                w(f"          > {source_line(sdist_root, f, r['line_number'], src_cache)}\n")
        nosec_lines = {ln for ln, _ in comments}
        hit = set()
        for r in suppressed.get(f, []):
            rng = r.get("line_range") or [r["line_number"]]
            hit |= {ln for ln in nosec_lines if rng[0] <= ln <= max(rng[-1], r["line_number"])}
        unused = sorted(nosec_lines - hit)
        if unused:
            w(f"  nosec comments that suppress nothing: lines {', '.join(map(str, unused))}\n")
    dest.write_text(out.getvalue(), encoding="utf-8")


# --------------------------------------------------------------------------- self-test

FAKE_PYWARD = """#!{python}
import json, os, sys
expected = {args!r}
if sys.argv[1:] != expected:
    sys.stderr.write("fake pyward: unexpected arguments %r\\n" % (sys.argv[1:],))
    sys.exit(2)
if not os.path.isdir("examples"):
    sys.stderr.write("fake pyward: not run from the sdist root\\n")
    sys.exit(2)
with open({data!r}) as fh:
    sys.stdout.write(fh.read())
"""


def to_pyward_json(bandit_report: dict, *, drop=0, regrade=0, extra=0) -> dict:
    results = sorted(bandit_report["results"], key=lambda r: (r["filename"], r["line_number"], r["test_id"]))
    findings = []
    for i, r in enumerate(results):
        if i < drop:
            continue
        sev = r["issue_severity"]
        if drop <= i < drop + regrade:
            sev = "LOW" if sev != "LOW" else "HIGH"
        findings.append({
            "rule": r["test_id"], "path": "./" + r["filename"] if i % 2 else r["filename"],
            "line": r["line_number"], "column": r["col_offset"] + 1,
            "severity": sev, "confidence": r["issue_confidence"], "message": r["issue_text"],
        })
    for j in range(extra):
        findings.append({"rule": "B101", "path": "examples/okay.py", "line": 100 + j, "column": 1,
                         "severity": "LOW", "confidence": "HIGH", "message": "fake"})
    for e in bandit_report["errors"]:
        findings.append({"rule": "E999", "path": e["filename"], "line": 1, "column": 1,
                         "severity": "HIGH", "confidence": "HIGH", "message": "syntax error"})
    return {"version": 1, "findings": findings,
            "errors": [{"path": e["filename"], "message": e["reason"]} for e in bandit_report["errors"]],
            "stats": {"files": 94}}


def self_test(cache_dir: Path) -> int:
    ensure_bandit()
    sdist_root = ensure_examples(cache_dir)
    report = run_bandit(sdist_root)
    failures = []

    def check(name: str, cond: bool, output: str = "") -> None:
        print(f"  {'ok  ' if cond else 'FAIL'} {name}")
        if not cond:
            failures.append(name)
            if output:
                print(textwrap.indent(output, "      | "))

    with tempfile.TemporaryDirectory(prefix="pyward-selftest-") as td:
        tdir = Path(td)

        def fake(name: str, payload: dict) -> str:
            data = tdir / f"{name}.json"
            data.write_text(json.dumps(payload))
            exe = tdir / name
            exe.write_text(FAKE_PYWARD.format(python=sys.executable, args=PYWARD_ARGS, data=str(data)))
            exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
            return str(exe)

        def doc(name: str, rows: list[str]) -> Path:
            d = tdir / f"{name}.md"
            d.write_text("# x\n\nintro\n\n" + SECTION_TITLE + "\n\n| side | file | line | rule | grade | reason |\n"
                         "|---|---|---|---|---|---|\n" + "".join(r + "\n" for r in rows) + "\n## Reasons\n\ntext\n")
            return d

        def run(exe: str, docpath: Path, update: bool = False) -> tuple[int, str]:
            keys, errors, warns = run_pyward(resolve_executable(exe), sdist_root)
            buf = io.StringIO()
            rc = compare_and_report(report, keys, errors, docpath, update=update, sdist_root=sdist_root, out=buf)
            return rc, "\n".join(warns + [buf.getvalue()])

        total = len(report["results"])
        print(f"self-test (Bandit reports {total} findings)")

        perfect = fake("perfect", to_pyward_json(report))
        rc, out = run(perfect, doc("empty", []))
        check("identical findings -> exit 0", rc == 0, out)
        check(f"identical findings -> {total} exact matches", f"exact matches            : {total} " in out, out)
        check("E findings ignored, ./ stripped", "bandit-only              : 0" in out
              and "pyward-only              : 0" in out, out)

        lossy = fake("lossy", to_pyward_json(report, drop=3, regrade=1, extra=1))
        rc, out = run(lossy, doc("empty2", []), update=True)
        todo = [ln for ln in out.splitlines() if ln.startswith("| ") and ln.endswith("| TODO |")]
        check("3 dropped + 1 regraded + 1 extra, undocumented -> exit 1", rc == 1, out)
        check("-> 6 TODO rows (4 bandit-only: 3 dropped + 1 regraded; 2 pyward-only: 1 regraded + 1 extra)",
              len(todo) == 6 and sum(r.startswith("| bandit-only") for r in todo) == 4, out)
        check("-> one 'grade' line", sum(ln.lstrip().startswith("grade ") for ln in out.splitlines()) == 1, out)
        check("-> exact matches = total - 4", f"exact matches            : {total - 4} " in out, out)

        rc, out = run(lossy, doc("documented", todo))
        check("same differences, all documented -> exit 0", rc == 0, out)
        check("-> TODO reasons noted", "still have reason TODO" in out, out)

        rc, out = run(lossy, doc("stale", todo + ["| pyward-only | examples/okay.py | 1 | B101 | LOW/HIGH | gone |"]))
        check("an extra (stale) row -> exit 1", rc == 1 and "stale row" in out, out)

        rc, out = run(perfect, doc("stale2", todo))
        check("rows documenting differences that no longer exist -> exit 1", rc == 1 and "6 stale row(s)" in out, out)

        many = fake("many", to_pyward_json(report, drop=total - DEFAULT_MIN_MATCHES + 1))
        rc, out = run(many, doc("empty3", []), update=True)
        rows = [ln for ln in out.splitlines() if ln.startswith("| ") and ln.endswith("| TODO |")]
        rc, out = run(many, doc("documented2", rows))
        check(f"{DEFAULT_MIN_MATCHES - 1} matches, all documented -> exit 1", rc == 1 and "exact matches (need" in out,
              out)

        bad = doc("malformed", ["| sideways | examples/okay.py | x | B101 | LOW | r |"])
        rc, out = run(perfect, bad)
        check("malformed row -> exit 1", rc == 1 and "problem(s) reading" in out, out)

        rc, out = run(perfect, tdir / "missing.md")
        check("missing differences file -> exit 1", rc == 1, out)

        real_rows, problems = parse_differences(DEFAULT_DIFFERENCES)
        check(f"{DEFAULT_DIFFERENCES.relative_to(REPO_ROOT)} parses ({len(real_rows)} rows)", not problems,
              "\n".join(problems))

    print("self-test: " + ("all passed" if not failures else f"{len(failures)} FAILED"))
    return 0 if not failures else 1


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--pyward", help="path to the pyward executable (e.g. target/release/pyward)")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                    help="where the bandit sdist is downloaded and extracted (default: <repo>/target/conformance)")
    ap.add_argument("--differences", type=Path, default=DEFAULT_DIFFERENCES,
                    help="Markdown file with the accepted differences (default: <repo>/docs/bandit-differences.md)")
    ap.add_argument("--update-differences", action="store_true",
                    help="print table rows (reason TODO) for undocumented differences, to paste")
    ap.add_argument("--min-matches", type=int, default=DEFAULT_MIN_MATCHES,
                    help=f"minimum number of exact matches (default {DEFAULT_MIN_MATCHES})")
    ap.add_argument("--reports-dir", type=Path,
                    help="also write bandit_examples_report.txt and bandit_nosec_report.txt here")
    ap.add_argument("--self-test", action="store_true", help="test this script with fake pyward executables")
    args = ap.parse_args(argv)

    cache_dir = args.cache_dir.resolve()
    try:
        if args.self_test:
            return self_test(cache_dir)
        if not args.pyward and not args.reports_dir:
            ap.error("--pyward is required (unless --reports-dir or --self-test is given)")
        pyward = resolve_executable(args.pyward) if args.pyward else None
        ensure_bandit()
        sdist_root = ensure_examples(cache_dir)
        report = run_bandit(sdist_root)
        if args.reports_dir:
            args.reports_dir.mkdir(parents=True, exist_ok=True)
            ex = args.reports_dir / "bandit_examples_report.txt"
            write_examples_report(report, sdist_root, ex)
            ns = args.reports_dir / "bandit_nosec_report.txt"
            write_nosec_report(report, run_bandit(sdist_root, ignore_nosec=True), sdist_root, ns)
            log(f"wrote {ex} and {ns}")
        if not pyward:
            return 0
        keys, errors, warnings = run_pyward(pyward, sdist_root)
        for w in warnings:
            print(f"WARNING: {w}")
        return compare_and_report(report, keys, errors, args.differences.resolve(),
                                  min_matches=args.min_matches, update=args.update_differences,
                                  sdist_root=sdist_root)
    except SetupError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        print(f"FAIL: setup error: {str(exc).splitlines()[0]}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
