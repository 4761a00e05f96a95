#!/usr/bin/env python3
"""Check pyward's annotated code fixtures against the real Bandit 1.9.4.

For every tests/fixtures/code/<ID>.py this runs `bandit -f json -t <ID> <file>`
(for nosec.py: all tests) and compares Bandit's set of
(line, test_id, severity, confidence) with the `# expect:` annotations.

Annotation syntax (at the end of the reported line):
    # expect: B602
    # expect: B602:LOW/HIGH
    # expect: B602:HIGH/HIGH, B607:LOW/HIGH
An annotation without a grade matches any severity/confidence.

A line whose previous line is a comment starting with `# differs from Bandit:`
is a documented, deliberate difference: it is left out of the comparison, and
the script checks and prints that Bandit really does behave differently there.

Usage: python3 scripts/check_fixtures_with_bandit.py [FIXTURE_DIR] [FILE...]
Needs `bandit==1.9.4` importable by this interpreter (pip install bandit==1.9.4).
Exit status: 0 when every fixture agrees with Bandit, 1 otherwise.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.join(ROOT, "tests", "fixtures", "code")

EXPECT_RE = re.compile(r"#\s*expect:\s*([^#]*?)\s*$")
ITEM_RE = re.compile(r"^(B\d{3})(?::([A-Z]+)/([A-Z]+))?$")
DIFFERS_RE = re.compile(r"^\s*#\s*differs from Bandit:")
ID_FILE_RE = re.compile(r"^B\d{3}$")


def parse_annotations(path):
    """Return ({(line, id, sev|None, conf|None)}, {difference lines}, errors)."""
    expected, differs, errors = [], set(), []
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for idx, text in enumerate(lines, start=1):
        if idx > 1 and DIFFERS_RE.match(lines[idx - 2]):
            differs.add(idx)
        m = EXPECT_RE.search(text)
        if not m:
            continue
        for item in filter(None, (s.strip() for s in m.group(1).split(","))):
            im = ITEM_RE.match(item)
            if not im:
                errors.append(f"{idx}: bad annotation item {item!r}")
                continue
            expected.append((idx, im.group(1), im.group(2), im.group(3)))
    return expected, differs, errors


def run_bandit(path, test_id):
    cmd = [sys.executable, "-m", "bandit", "-f", "json", "-q"]
    if test_id:
        cmd += ["-t", test_id]
    cmd.append(path)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"bandit failed ({proc.returncode}): {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    if report.get("errors"):
        raise RuntimeError(f"bandit reported errors: {report['errors']}")
    return [
        (r["line_number"], r["test_id"], r["issue_severity"], r["issue_confidence"])
        for r in report["results"]
    ]


def matches(exp, got):
    return exp[0] == got[0] and exp[1] == got[1] and (
        exp[2] is None or (exp[2], exp[3]) == (got[2], got[3]))


def fmt(t):
    return f"{t[1]}:{t[2]}/{t[3]}" if t[2] else t[1]


def check_file(path):
    """Return (ok, problems, difference notes, counts)."""
    base = os.path.splitext(os.path.basename(path))[0]
    test_id = base if ID_FILE_RE.match(base) else None
    expected, differs, problems = parse_annotations(path)
    got = run_bandit(path, test_id)
    if test_id:
        got = [g for g in got if g[1] == test_id]
        wrong = [e for e in expected if e[1] != test_id]
        problems += [f"{e[0]}: annotation {fmt(e)} in a fixture for {test_id}" for e in wrong]
    # Findings are compared as multisets: a rule reporting twice on one line needs the id
    # twice in the annotation (`# expect: B608:MEDIUM/LOW, B608:MEDIUM/LOW`).
    notes = []
    for line in sorted(differs):
        b = sorted(fmt(g) for g in got if g[0] == line)
        p = sorted(fmt(e) for e in expected if e[0] == line)
        same = len(b) == len(p) and all(
            any(matches(e, g) for g in got if g[0] == line)
            for e in expected if e[0] == line)
        note = f"{os.path.basename(path)}:{line}: Bandit {b or 'nothing'}, pyward {p or 'nothing'}"
        if same:
            problems.append(f"{line}: marked 'differs from Bandit' but Bandit agrees ({note})")
        notes.append(note)
    exp_c = [e for e in expected if e[0] not in differs]
    got_c = [g for g in got if g[0] not in differs]
    unmatched_got = list(got_c)
    for e in exp_c:
        hit = next((g for g in unmatched_got if matches(e, g)), None)
        if hit is None:
            others = [fmt((g[0], g[1], g[2], g[3])) for g in got_c if g[0] == e[0]]
            problems.append(f"{e[0]}: expected {fmt(e)}, Bandit reports {others or 'nothing'}")
        else:
            unmatched_got.remove(hit)
    for g in unmatched_got:
        problems.append(f"{g[0]}: Bandit reports {fmt(g)}, not annotated")
    return not problems, problems, notes, (len(exp_c), len(differs))


def main(argv):
    try:
        from importlib.metadata import version
        found = version("bandit")
    except Exception:  # not installed: the first bandit run reports it
        found = None
    if found != "1.9.4":
        print(f"warning: fixtures are written against bandit 1.9.4, found {found}")
    fixture_dir = DEFAULT_DIR
    files = []
    for a in argv:
        if os.path.isdir(a):
            fixture_dir = a
        else:
            files.append(a)
    if not files:
        files = sorted(
            os.path.join(fixture_dir, f) for f in os.listdir(fixture_dir)
            # Only Bandit's rules (B*) and nosec.py: pyward's own rules (PY, DJ, FL,
            # FA) have no Bandit counterpart to compare with.
            if f.endswith(".py") and (f.startswith("B") or f == "nosec.py"))
    n_ok = n_exp = 0
    failed, all_notes = [], []
    for path in files:
        try:
            ok, problems, notes, (n_e, _) = check_file(path)
        except Exception as exc:  # report and go on with the other files
            ok, problems, notes, n_e = False, [str(exc)], [], 0
        all_notes += notes
        n_exp += n_e
        if ok:
            n_ok += 1
        else:
            failed.append(path)
            print(f"FAIL {os.path.relpath(path, ROOT)}")
            for p in problems:
                print(f"    {p}")
    if all_notes:
        print("Documented differences from Bandit:")
        for n in all_notes:
            print(f"    {n}")
    print(f"{n_ok}/{len(files)} fixtures agree with Bandit "
          f"({n_exp} expected findings checked, {len(all_notes)} documented differences)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
