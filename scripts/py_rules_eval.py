#!/usr/bin/env python3
"""Runs pyward's own rules (PY*) over a large body of well-maintained code and
lists every finding, so each can be judged a true or a false alarm.

Usage: python3 scripts/py_rules_eval.py --pyward target/release/pyward [--cache-dir target/eval]

The corpus: Django 6.1.3's sdist (downloaded once from PyPI) and the Python
standard library of the interpreter running this script. The script prints the
number of lines scanned, the findings grouped by rule with their source line,
and the false-alarm budget (one per 50,000 lines).
"""
import argparse
import json
import subprocess
import sys
import sysconfig
import tarfile
from collections import defaultdict
from pathlib import Path


def fetch_django(cache: Path) -> Path:
    root = cache / "django-6.1.3"
    if root.is_dir():
        return root
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
         "--ignore-requires-python", "django==6.1.3", "-d", str(cache)],
        check=True, stdout=subprocess.DEVNULL)
    with tarfile.open(next(cache.glob("[Dd]jango-6.1.3.tar.gz"))) as tar:
        tar.extractall(cache, filter="data")
    return root


def count_lines(paths):
    total = 0
    for base in paths:
        for f in Path(base).rglob("*.py"):
            if "site-packages" in f.parts or "__pycache__" in f.parts:
                continue
            try:
                with open(f, "rb") as fh:
                    total += sum(1 for _ in fh)
            except OSError:
                pass
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pyward", required=True)
    ap.add_argument("--cache-dir", default="target/eval")
    args = ap.parse_args()
    django = fetch_django(Path(args.cache_dir))
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    corpus = [str(django), str(stdlib)]
    out = subprocess.run(
        [str(Path(args.pyward).resolve()), "scan", *corpus, "--select", "PY", "--format", "json",
         "--exit-zero", "--no-progress"],
        check=True, capture_output=True, text=True)
    findings = json.loads(out.stdout)["findings"]
    lines = count_lines(corpus)
    by_rule = defaultdict(list)
    for f in findings:
        by_rule[f["rule"]].append(f)
    print(f"corpus: {django} and {stdlib}")
    print(f"lines of Python scanned: {lines:,}")
    print(f"PY findings: {len(findings)}  (false-alarm budget at 1 per 50,000 lines: {lines // 50000})")
    for rule in sorted(by_rule):
        print(f"\n## {rule} ({len(by_rule[rule])})")
        for f in by_rule[rule]:
            path = f["path"].replace(str(django) + "/", "django-sdist/").replace(str(stdlib) + "/", "stdlib/")
            print(f"{path}:{f['line']}: [{f['severity']}/{f['confidence']}] {f['snippet'].strip()[:140]}")


if __name__ == "__main__":
    main()
