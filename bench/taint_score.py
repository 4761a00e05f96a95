#!/usr/bin/env python3
"""Score pyward's taint rules (T001-T016) on the labelled corpus in tests/taint-corpus/.

Usage (from the repository root, after `cargo build --release`):

    python3 bench/taint_score.py [--pyward target/release/pyward] [--corpus tests/taint-corpus]
        [--check] [--verbose] [--json OUT] [--from-json REPORT]

The corpus holds one folder per rule, one folder per case under it, and in each case a
vulnerable mini-project ``vuln/`` and its safe twin ``safe/`` (see tests/taint-corpus/README.md):

    <corpus>/<RULE>/<case>/vuln/*.py
    <corpus>/<RULE>/<case>/safe/*.py

What it does:

1. runs ``<pyward> scan <corpus> --select T --format json`` (exit status 0 or 1 is a
   successful scan, 1 meaning that something was found; 2 or anything else is an error:
   its standard error is printed and this script exits 2). ``--from-json REPORT`` scores a
   saved report (the same JSON) instead of running pyward;
2. a case is FLAGGED in its ``vuln`` (resp. ``safe``) folder when some finding whose
   ``rule`` is the case's rule has its ``path``, or the ``path`` of any step of its
   ``flow``, inside ``<corpus>/<RULE>/<case>/vuln/`` (resp. ``safe/``). Paths are compared
   after ``os.path.abspath`` (relative paths are taken from the current folder, as pyward
   prints them relative to it); a path that is not under the corpus that way is matched by
   its ``<RULE>/<case>/<vuln|safe>`` components, so that a report written from another
   folder still scores;
3. prints per rule: cases, TP (vuln flagged), FN (vuln not flagged), FP (safe flagged),
   TN (safe not flagged), TPR = TP/cases, FPR = FP/cases and TPR-FPR; a total row; the
   same counts per framework (the ``<framework>_`` prefix of the case name); and, for
   information, the number of "cross-class" findings: findings of another T rule inside a
   case folder (they count neither as TP nor as FP), and the E001-E003 findings in the
   corpus (files pyward could not analyse);
4. ``--verbose`` lists the missed vuln cases and the flagged safe cases (with the
   findings that flagged them) and the cross-class findings;
5. ``--json OUT`` writes the tables (and the lists of ``--verbose``) as JSON;
6. ``--check`` exits 1 unless every rule has TPR >= 0.90 and FPR <= 0.05, naming the
   rules that fail.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field

RULE_RE = re.compile(r"^T\d{3}$")
TWINS = ("vuln", "safe")
MIN_TPR = 0.90
MAX_FPR = 0.05


@dataclass
class Case:
    rule: str
    name: str
    framework: str
    root: str  # absolute path of <corpus>/<RULE>/<case>
    flagged: dict = field(default_factory=lambda: {"vuln": [], "safe": []})  # twin -> findings
    cross: dict = field(default_factory=lambda: {"vuln": [], "safe": []})  # twin -> findings


def discover(corpus: str) -> dict[tuple[str, str], Case]:
    cases: dict[tuple[str, str], Case] = {}
    for rule in sorted(os.listdir(corpus)):
        rule_dir = os.path.join(corpus, rule)
        if not RULE_RE.match(rule) or not os.path.isdir(rule_dir):
            continue
        for name in sorted(os.listdir(rule_dir)):
            case_dir = os.path.join(rule_dir, name)
            if not os.path.isdir(case_dir):
                continue
            missing = [t for t in TWINS if not os.path.isdir(os.path.join(case_dir, t))]
            if missing:
                print(f"warning: {rule}/{name} has no {' or '.join(missing)} folder; skipped", file=sys.stderr)
                continue
            framework = name.split("_", 1)[0]
            cases[(rule, name)] = Case(rule, name, framework, os.path.abspath(case_dir))
    return cases


def run_pyward(pyward: str, corpus: str) -> dict:
    cmd = [pyward, "scan", corpus, "--select", "T", "--format", "json"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as exc:
        print(f"error: cannot run {pyward}: {exc}", file=sys.stderr)
        sys.exit(2)
    if proc.returncode not in (0, 1):
        print(f"error: {' '.join(cmd)} exited with status {proc.returncode}", file=sys.stderr)
        sys.stderr.write(proc.stderr)
        sys.exit(2)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        print(f"error: pyward's output is not JSON ({exc})", file=sys.stderr)
        sys.stderr.write(proc.stderr)
        sys.exit(2)


def locate(path: str, corpus_abs: str, cases: dict) -> tuple[tuple[str, str], str] | None:
    """The (case key, twin) whose folder holds `path`, or None."""
    if not path:
        return None
    p = os.path.normpath(os.path.abspath(path))
    parts = None
    if p == corpus_abs or p.startswith(corpus_abs + os.sep):
        parts = os.path.relpath(p, corpus_abs).split(os.sep)
        if len(parts) >= 4 and (parts[0], parts[1]) in cases and parts[2] in TWINS:
            return (parts[0], parts[1]), parts[2]
        return None
    # Not under the corpus as seen from here: match <RULE>/<case>/<twin>/ components.
    parts = os.path.normpath(path).replace("\\", "/").split("/")
    for i in range(len(parts) - 3, -1, -1):
        if (parts[i], parts[i + 1]) in cases and parts[i + 2] in TWINS:
            return (parts[i], parts[i + 1]), parts[i + 2]
    return None


def finding_paths(f: dict) -> list[str]:
    paths = [f.get("path") or ""]
    for step in f.get("flow") or []:
        if isinstance(step, dict):
            paths.append(step.get("path") or "")
    return paths


def describe(f: dict) -> str:
    where = f"{f.get('path', '?')}:{f.get('line', '?')}"
    msg = f.get("message", "")
    flow = f.get("flow") or []
    extra = f" [flow: {len(flow)} steps, from {flow[0].get('path', '?')}:{flow[0].get('line', '?')}]" if flow else ""
    return f"{f.get('rule', '?')} {where} {msg}{extra}".rstrip()


def score(report: dict, corpus: str, cases: dict) -> dict:
    corpus_abs = os.path.normpath(os.path.abspath(corpus))
    errors = []
    outside = 0
    for f in report.get("findings") or []:
        rule = f.get("rule", "")
        if rule in ("E001", "E002", "E003"):
            errors.append(f)
            continue
        if not RULE_RE.match(rule):
            continue
        touched = set()
        for p in finding_paths(f):
            hit = locate(p, corpus_abs, cases)
            if hit:
                touched.add(hit)
        if not touched:
            outside += 1
        for key, twin in sorted(touched):
            case = cases[key]
            if rule == case.rule:
                case.flagged[twin].append(f)
            else:
                case.cross[twin].append(f)
    return {"errors": errors, "outside": outside}


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def counts(group: list[Case]) -> dict:
    n = len(group)
    tp = sum(1 for c in group if c.flagged["vuln"])
    fp = sum(1 for c in group if c.flagged["safe"])
    tpr, fpr = ratio(tp, n), ratio(fp, n)
    return {"cases": n, "tp": tp, "fn": n - tp, "fp": fp, "tn": n - fp,
            "tpr": round(tpr, 4), "fpr": round(fpr, 4), "score": round(tpr - fpr, 4)}


def table(title: str, rows: list[tuple[str, dict]], total: dict | None) -> str:
    head = f"{title:<12} {'cases':>5} {'TP':>4} {'FN':>4} {'FP':>4} {'TN':>4} {'TPR':>6} {'FPR':>6} {'TPR-FPR':>8}"
    lines = [head, "-" * len(head)]

    def fmt(label, r):
        return (f"{label:<12} {r['cases']:>5} {r['tp']:>4} {r['fn']:>4} {r['fp']:>4} {r['tn']:>4} "
                f"{r['tpr']:>6.2f} {r['fpr']:>6.2f} {r['score']:>8.2f}")

    lines += [fmt(label, r) for label, r in rows]
    if total is not None:
        lines += ["-" * len(head), fmt("total", total)]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pyward", default="target/release/pyward", help="the pyward binary (default: %(default)s)")
    ap.add_argument("--corpus", default="tests/taint-corpus", help="the corpus folder (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help=f"exit 1 unless every rule has TPR >= {MIN_TPR} and FPR <= {MAX_FPR}")
    ap.add_argument("--verbose", "-v", action="store_true", help="list missed vuln cases, flagged safe cases and cross-class findings")
    ap.add_argument("--json", metavar="OUT", help="write the results as JSON to OUT")
    ap.add_argument("--from-json", metavar="REPORT", help="score this saved `pyward scan --format json` report instead of running pyward")
    args = ap.parse_args(argv)

    if not os.path.isdir(args.corpus):
        print(f"error: no corpus folder {args.corpus}", file=sys.stderr)
        return 2
    cases = discover(args.corpus)
    if not cases:
        print(f"error: no cases under {args.corpus}", file=sys.stderr)
        return 2

    if args.from_json:
        try:
            with open(args.from_json, encoding="utf-8") as fh:
                report = json.load(fh)
        except (OSError, json.JSONDecodeError) as exc:
            print(f"error: cannot read {args.from_json}: {exc}", file=sys.stderr)
            return 2
    else:
        report = run_pyward(args.pyward, args.corpus)
    info = score(report, args.corpus, cases)

    all_cases = list(cases.values())
    rules = sorted({c.rule for c in all_cases})
    per_rule = {r: counts([c for c in all_cases if c.rule == r]) for r in rules}
    frameworks = sorted({c.framework for c in all_cases})
    per_fw = {fw: counts([c for c in all_cases if c.framework == fw]) for fw in frameworks}
    total = counts(all_cases)

    print(table("rule", list(per_rule.items()), total))
    print()
    print(table("framework", list(per_fw.items()), None))
    cross = [(c, twin, f) for c in all_cases for twin in TWINS for f in c.cross[twin]]
    cross_cases = {(c.rule, c.name, twin) for c, twin, _ in cross}
    print()
    print(f"cross-class findings (another T rule inside a case folder; informational): {len(cross)} "
          f"in {len(cross_cases)} case folders")
    if info["errors"]:
        print(f"files pyward could not analyse (E001-E003): {len(info['errors'])}")
    if info["outside"]:
        print(f"T findings outside any case folder: {info['outside']}")

    missed = [f"{c.rule}/{c.name}" for c in all_cases if not c.flagged["vuln"]]
    false_alarms = [(c, c.flagged["safe"]) for c in all_cases if c.flagged["safe"]]
    if args.verbose:
        print()
        print(f"missed vuln cases ({len(missed)}):")
        for m in missed:
            print(f"  {m}")
        print(f"flagged safe cases ({len(false_alarms)}):")
        for c, fs in false_alarms:
            print(f"  {c.rule}/{c.name}")
            for f in fs:
                print(f"      {describe(f)}")
        if cross:
            print(f"cross-class findings ({len(cross)}):")
            for c, twin, f in cross:
                print(f"  {c.rule}/{c.name}/{twin}: {describe(f)}")
        for f in info["errors"]:
            print(f"  error: {describe(f)}")

    failed = [r for r, v in per_rule.items() if v["tpr"] < MIN_TPR or v["fpr"] > MAX_FPR]

    if args.json:
        out = {
            "corpus": args.corpus,
            "thresholds": {"min_tpr": MIN_TPR, "max_fpr": MAX_FPR},
            "rules": per_rule,
            "total": total,
            "frameworks": per_fw,
            "cross_class": {"findings": len(cross), "case_folders": len(cross_cases)},
            "errors": len(info["errors"]),
            "outside": info["outside"],
            "missed": missed,
            "false_alarms": [{"case": f"{c.rule}/{c.name}", "findings": [describe(f) for f in fs]} for c, fs in false_alarms],
            "cross_class_findings": [{"case": f"{c.rule}/{c.name}/{twin}", "finding": describe(f)} for c, twin, f in cross],
            "failed": failed,
        }
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2, sort_keys=True)
            fh.write("\n")

    if args.check:
        print()
        if failed:
            for r in failed:
                v = per_rule[r]
                print(f"FAIL {r}: TPR {v['tpr']:.2f} (needs >= {MIN_TPR:.2f}), FPR {v['fpr']:.2f} (needs <= {MAX_FPR:.2f})")
            return 1
        print(f"OK: every rule has TPR >= {MIN_TPR:.2f} and FPR <= {MAX_FPR:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
