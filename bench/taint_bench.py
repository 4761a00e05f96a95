#!/usr/bin/env python3
"""What taint tracking costs: pyward's full default scan of Django's sdist,
with the taint rules (T001-T016) and without them (``--ignore T``), in the
same run.

Usage (from the repository root, after ``cargo build --release``):

    python3 bench/taint_bench.py --pyward target/release/pyward [--runs 5] \
        [--cache-dir target/bench] [--target DIR]

The corpus is the ``django/`` package folder of the Django 6.1.3 sdist,
downloaded and extracted by the same code as bench/bench.py (``pip download``
into the cache directory, once). The two scans run alternately, ``--runs``
times each, offline (the dependency audit does not fetch a database), and the
script prints the median wall time and peak RSS of each, their ratio, and the
target: with taint tracking, at most 1.5 times the scan without it. Ratios,
not absolute times: the machines this runs on are shared and noisy. Exit
status 1 when the target is missed.

Only the Python 3.11 standard library is used.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import (  # noqa: E402  (bench.py sits beside this script)
    DJANGO_VERSION,
    corpus_stats,
    have_gnu_time,
    load_json,
    log,
    prepare_corpus,
    run_measured,
    warm_page_cache,
)

TARGET_RATIO = 1.5


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pyward", default="target/release/pyward", help="the pyward binary")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each scan (default 5)")
    ap.add_argument("--cache-dir", default="target/bench", help="downloads and the extracted corpus")
    ap.add_argument("--django-version", default=DJANGO_VERSION)
    ap.add_argument("--target", help="scan this directory instead of Django's package folder")
    args = ap.parse_args()

    cache = Path(args.cache_dir).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    pyward = str(Path(args.pyward).resolve())
    if args.target:
        target, name = Path(args.target).resolve(), args.target
    else:
        target, version, _note = prepare_corpus(cache, args.django_version)
        name = f"django-{version}/django"
    stats = corpus_stats(target)
    log(f"corpus: {target} ({stats['python_files']} .py files, {stats['python_lines']} lines)")
    warm_page_cache(target)
    use_time = have_gnu_time()

    base = [pyward, "scan", "--no-progress", "--offline", "--exit-zero", "--format", "json"]
    scans = {"with taint": [], "without taint": ["--ignore", "T"]}
    runs: dict[str, list[dict]] = {k: [] for k in scans}
    findings: dict[str, Counter] = {}
    with tempfile.TemporaryDirectory(prefix="pyward-taint-bench-") as tmp:
        out = str(Path(tmp) / "out.json")
        # One warm-up of each, then alternate so that drift hits both alike.
        for i in range(args.runs + 1):
            for label, extra in scans.items():
                r = run_measured([*base, *extra, "-o", out, str(target)], None, use_time)
                if r["exit_code"] != 0:
                    log(f"{label}: exit {r['exit_code']}\n{r['stderr_tail']}")
                    return 2
                if i == 0:
                    data = load_json(out) or {}
                    findings[label] = Counter(f["rule"][:1] if not f["rule"].startswith("T") else "T"
                                              for f in data.get("findings", []))
                    continue
                runs[label].append(r)

    med = {k: statistics.median(r["wall_s"] for r in v) for k, v in runs.items()}
    rss = {k: max(r["peak_rss_mb"] for r in v) for k, v in runs.items()}
    ratio = med["with taint"] / med["without taint"]
    rss_ratio = rss["with taint"] / rss["without taint"]
    print(f"corpus: {name}: {stats['python_files']} Python files, {stats['python_lines']} lines")
    print(f"{'scan':<16} {'median wall s':>14} {'peak RSS MiB':>13} {'T findings':>11}")
    for k in scans:
        print(f"{k:<16} {med[k]:>14.3f} {rss[k]:>13.1f} {findings[k].get('T', 0):>11}")
    ok = ratio <= TARGET_RATIO
    print(f"with / without taint, wall time: {ratio:.2f}x (target <= {TARGET_RATIO}x): {'met' if ok else 'MISSED'}")
    print(f"with / without taint, peak RSS: {rss_ratio:.2f}x")
    result = {"corpus": name, **stats, "median_wall_s": med, "peak_rss_mb": rss, "time_ratio": ratio,
              "rss_ratio": rss_ratio, "target_ratio": TARGET_RATIO, "met": ok}
    (cache / "taint-bench-results.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
