#!/usr/bin/env python3
"""Differential check: pyward's advisory matcher against an independent reference.

Usage (CI, when ../shared/data/pypa-advisory-db exists):
    python3 scripts/deps_diff.py --pyward target/release/pyward \
        --db ../shared/data/pypa-advisory-db [--min-pairs 500] [--seed N]

Steps:
  1. make sure `packaging` and `PyYAML` are importable (pip-installs them otherwise);
  2. load every advisory of the database (PyPA layout `vulns/<pkg>/<ID>.yaml`, a folder
     of OSV JSON files, or an OSV zip) with PyYAML / json;
  3. build (package, version) pairs around every range boundary of every package
     (just below, at, just above), from `versions[]`, pre-release, local-version and
     respelled variants, un-normalised package names (`Django`, `Zope.Interface`), a
     few unparseable versions and a few packages without advisories. Deterministic for
     a given --seed; at most --max-pairs;
  4. run `pyward db query --db DB --offline --format json --from PAIRS` with
     PYWARD_CACHE_DIR set to a fresh temporary folder (cold: pyward builds its index),
     then once more with the same cache folder (warm: the index is reused), unless
     --no-warm;
  5. match every pair with the reference matcher below (OSV schema "Evaluation",
     packaging's PEP 440 ordering) and compare the sets of advisory ids per pair.

The reference matcher (the semantics both sides implement):
  * names are PEP 503-normalised on both sides; an `affected[]` entry applies when its
    `package.ecosystem` is exactly "PyPI" and its normalised `package.name` equals the
    package's;
  * records with `withdrawn` set are skipped; records are not merged by alias;
  * the version is affected when it equals an entry of `versions[]` (Version equality
    when both parse, exact string equality otherwise) or lies in an ECOSYSTEM range
    (GIT and SEMVER ranges are skipped);
  * a range is evaluated with the schema's IsVulnerable algorithm: if the range has
    `limit` events the version must be below one of them ("*" = no limit); then the
    events are sorted by version (`introduced: "0"` before everything) and walked in
    order: introduced <= v sets affected, fixed <= v clears it, last_affected < v
    clears it;
  * events at equal versions keep their order in the record (a stable sort). Three
    records of the 2024-10-10 snapshot list a `fixed` and an `introduced` at the same
    version (apache-iotdb PYSEC-2022-42972, pyspark PYSEC-2022-236 and PYSEC-2023-72);
    for two of them the tie order changes the answer (apache-iotdb 0.13.x, pyspark
    3.2.0-3.2.1 are not affected with the record's order). The `versions[]` lists that
    OSV.dev computed for those records agree with the record's order;
  * an event whose version does not parse never fires (an unparseable `introduced`
    opens nothing, an unparseable `fixed` closes nothing; an unparseable `limit`
    limits to nothing); a queried version that does not parse only matches
    `versions[]` entries by exact string.

Output: the number of advisories loaded, of pairs, of pairs with at least one matching
advisory, of disagreements, and the first 20 disagreements in detail.
Exit status 0 iff there is no disagreement (and the warm run answered exactly as the cold
one) and the number of pairs is at least --min-pairs; 1 otherwise, including pyward
failing, its output being unreadable or not following the contract (one object per input
pair, in input order, name and version as given, sorted advisory ids).

  --self-test   runs the reference matcher on hand-written cases, then the whole check
                against fake pyward executables written to a temporary folder, on a small
                synthetic database: a correct fake must pass, every wrong fake must fail.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import importlib
import io
import json
import os
import random
import re
import shutil
import site
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO_ROOT.parent / "shared" / "data" / "pypa-advisory-db"
DEFAULT_SEED = 20241010
DEFAULT_MIN_PAIRS = 500
DEFAULT_MAX_PAIRS = 4000
SHOWN_DISAGREEMENTS = 20
PYWARD_TIMEOUT = 900

# How many pairs of each kind are drawn on top of the per-package ones (then filled up
# to --max-pairs with random pairs from everything generated).
QUOTAS = {
    "versions[]": 450,
    "versions-only": 300,
    "pre-release": 300,
    "local": 250,
    "respelled": 150,
    "name-variant": 300,
    "unparseable": 150,
    "no-advisory": 30,
}


class SetupError(Exception):
    """Something outside the comparison went wrong (reported as ERROR, exit status 1)."""


def log(msg: str) -> None:
    print(f"[deps-diff] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- dependencies

Version = None  # packaging.version.Version, set by load_libs()
InvalidVersion = Exception
yaml = None


def _pip_install(*names: str) -> None:
    for extra in ([], ["--user"]):
        cmd = [sys.executable, "-m", "pip", "install", "-q", *extra, *names]
        log("installing " + " ".join(names) + (" (--user)" if extra else ""))
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode == 0:
            importlib.invalidate_caches()
            with contextlib.suppress(Exception):
                user_site = site.getusersitepackages()
                if os.path.isdir(user_site) and user_site not in sys.path:
                    site.addsitedir(user_site)
            return
        last = proc.stdout + proc.stderr
    raise SetupError(f"pip install {' '.join(names)} failed:\n{last}")


def load_libs() -> None:
    """Import packaging and PyYAML, installing them from PyPI when missing."""
    global Version, InvalidVersion, yaml
    missing = []
    for module, dist in (("packaging.version", "packaging"), ("yaml", "PyYAML")):
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(dist)
    if missing:
        _pip_install(*missing)
    try:
        pv = importlib.import_module("packaging.version")
        yaml = importlib.import_module("yaml")
    except ImportError as e:
        raise SetupError(f"after installing, {e.name} still cannot be imported") from e
    Version, InvalidVersion = pv.Version, pv.InvalidVersion


def _yaml_loader():
    """A safe loader that keeps every scalar a string except null: versions such as
    1.10 must not become floats, nor dates datetimes."""
    base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

    class StrLoader(base):  # type: ignore[misc, valid-type]
        pass

    null = "tag:yaml.org,2002:null"
    StrLoader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag == null] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return StrLoader


# --------------------------------------------------------------------------- versions


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


_PARSED: dict[str, object] = {}


def parse(s: str):
    """packaging's Version for s, or None when s is not a PEP 440 version."""
    try:
        return _PARSED[s]
    except KeyError:
        pass
    try:
        v = Version(s)
    except (InvalidVersion, TypeError):
        v = None
    _PARSED[s] = v
    return v


def compose(epoch: int, release, pre=None, post=None, dev=None, local=None) -> str:
    s = (f"{epoch}!" if epoch else "") + ".".join(str(p) for p in release)
    if pre is not None:
        s += f"{pre[0]}{pre[1]}"
    if post is not None:
        s += f".post{post}"
    if dev is not None:
        s += f".dev{dev}"
    if local:
        s += f"+{local}"
    return s


# --------------------------------------------------------------------------- database


@dataclass
class Range:
    events: list  # [(kind, value)] in the record's order


@dataclass
class Entry:
    raw_name: str
    versions: list  # [str]
    ranges: list  # [Range] (ECOSYSTEM only)
    skipped_ranges: int = 0  # GIT / SEMVER / other


@dataclass
class Record:
    id: str
    path: str
    withdrawn: bool
    aliases: list
    entries: dict = field(default_factory=dict)  # normalised name -> [Entry]


@dataclass
class Database:
    records: list
    by_package: dict  # normalised name -> [Record]
    unreadable: list  # [(path, error)]


EVENT_KINDS = ("introduced", "fixed", "last_affected", "limit")


def _record_from(data, path: str) -> Record | None:
    if not isinstance(data, dict):
        return None
    rid = data.get("id") or Path(path).stem
    withdrawn = data.get("withdrawn") is not None
    aliases = [str(a) for a in (data.get("aliases") or []) if a is not None]
    rec = Record(id=str(rid), path=path, withdrawn=withdrawn, aliases=aliases)
    for aff in data.get("affected") or []:
        if not isinstance(aff, dict):
            continue
        pkg = aff.get("package") or {}
        if not isinstance(pkg, dict) or pkg.get("ecosystem") != "PyPI" or not pkg.get("name"):
            continue
        raw_name = str(pkg["name"])
        entry = Entry(raw_name=raw_name, versions=[str(v) for v in (aff.get("versions") or []) if v is not None],
                      ranges=[])
        for rg in aff.get("ranges") or []:
            if not isinstance(rg, dict) or rg.get("type") != "ECOSYSTEM":
                entry.skipped_ranges += 1
                continue
            events = []
            for ev in rg.get("events") or []:
                if not isinstance(ev, dict):
                    continue
                for kind in EVENT_KINDS:  # one key per event; the first known one wins
                    if ev.get(kind) is not None:
                        events.append((kind, str(ev[kind])))
                        break
            entry.ranges.append(Range(events=events))
        rec.entries.setdefault(normalize(raw_name), []).append(entry)
    return rec


def _iter_sources(db: Path):
    """(path label, loader kind, bytes) for every record file of the database."""
    if db.is_file():
        if not zipfile.is_zipfile(db):
            raise SetupError(f"{db} is neither a folder nor a zip file")
        with zipfile.ZipFile(db) as zf:
            for info in sorted(zf.infolist(), key=lambda i: i.filename):
                name = info.filename
                if info.is_dir() or Path(name).name.startswith("."):
                    continue
                kind = "json" if name.endswith(".json") else "yaml" if name.endswith((".yaml", ".yml")) else None
                if kind:
                    yield f"{db.name}:{name}", kind, zf.read(info)
        return
    if not db.is_dir():
        raise SetupError(f"advisory database {db} does not exist")
    root = db / "vulns" if (db / "vulns").is_dir() else db
    for p in sorted(root.rglob("*")):
        if not p.is_file() or any(part.startswith(".") for part in p.relative_to(root).parts):
            continue
        kind = "json" if p.suffix == ".json" else "yaml" if p.suffix in (".yaml", ".yml") else None
        if kind:
            yield str(p.relative_to(db)), kind, p.read_bytes()


def load_database(db: Path) -> Database:
    loader = _yaml_loader()
    records, unreadable = [], []
    for label, kind, data in _iter_sources(db):
        try:
            obj = json.loads(data) if kind == "json" else yaml.load(data, Loader=loader)  # nosec B506 - a SafeLoader subclass
        except Exception as e:  # noqa: BLE001 - any parse error is reported the same way
            unreadable.append((label, str(e).splitlines()[0] if str(e) else type(e).__name__))
            continue
        rec = _record_from(obj, label)
        if rec is None:
            unreadable.append((label, "not an OSV record"))
            continue
        records.append(rec)
    by_package: dict[str, list] = collections.defaultdict(list)
    for rec in records:
        for name in rec.entries:
            by_package[name].append(rec)
    return Database(records=records, by_package=dict(by_package), unreadable=unreadable)


# --------------------------------------------------------------------------- reference matcher


def _event_key(ev):
    kind, value = ev
    if kind == "introduced" and value == "0":
        return (0,)
    v = parse(value)
    return (1, v) if v is not None else (2,)


def sorted_events(events):
    """Events sorted by version, introduced "0" first; ties keep the record's order."""
    return sorted(events, key=_event_key)


def before_limits(v, events) -> bool:
    limits = [value for kind, value in events if kind == "limit"]
    if not limits:
        return True
    for value in limits:
        if "*" in value:
            return True
        lim = parse(value)
        if lim is not None and v < lim:
            return True
    return False


def range_affects(v, events) -> bool:
    """The OSV schema's IncludedInRanges for one range; v is a parsed Version."""
    if v is None or not before_limits(v, events):
        return False
    affected = False
    for kind, value in sorted_events(events):
        if kind == "limit":
            continue
        if kind == "introduced":
            if value == "0":
                affected = True
                continue
            e = parse(value)
            if e is not None and v >= e:
                affected = True
            continue
        e = parse(value)
        if e is None:
            continue
        if kind == "fixed" and v >= e:
            affected = False
        elif kind == "last_affected" and v > e:
            affected = False
    return affected


def in_versions(raw: str, v, versions) -> bool:
    for listed in versions:
        lv = parse(listed)
        if v is not None and lv is not None:
            if v == lv:
                return True
        elif raw == listed:
            return True
    return False


def entry_affects(entry: Entry, raw: str, v) -> bool:
    return in_versions(raw, v, entry.versions) or any(range_affects(v, r.events) for r in entry.ranges)


def reference_match(db: Database, name: str, version: str) -> list:
    """Sorted ids of the non-withdrawn records that affect (name, version)."""
    key = normalize(name)
    v = parse(version)
    out = set()
    for rec in db.by_package.get(key, ()):
        if rec.withdrawn:
            continue
        if any(entry_affects(e, version, v) for e in rec.entries.get(key, ())):
            out.add(rec.id)
    return sorted(out)


def tie_sensitive(rec: Record) -> bool:
    """Whether a range of the record has two events of different kinds at one version."""
    for entries in rec.entries.values():
        for e in entries:
            for r in e.ranges:
                seen: dict = {}
                for kind, value in r.events:
                    if kind == "limit":
                        continue
                    k = _event_key((kind, value))
                    seen.setdefault(k if k[0] != 2 else (2, value), set()).add(kind)
                if any(len(kinds) > 1 for kinds in seen.values()):
                    return True
    return False


# --------------------------------------------------------------------------- pairs


@dataclass(frozen=True)
class Pair:
    name: str
    version: str
    kind: str


def below(value: str) -> list:
    """Versions just below a boundary: the last release part decremented, or (when it is
    0) a .dev0 / rc1 pre-release of the boundary."""
    v = parse(value)
    if v is None:
        return []
    rel = list(v.release)
    out = []
    if rel[-1] > 0:
        rel[-1] -= 1
        out.append(compose(v.epoch, rel))
    elif v.dev is not None:
        if v.dev > 0:
            out.append(compose(v.epoch, v.release, v.pre, v.post, v.dev - 1))
    else:
        out.append(f"{v.public}.dev0")
        if v.pre is None and v.post is None:
            out.append(f"{v.public}rc1")
    return [c for c in out if parse(c) is not None and parse(c) < v]


def above(value: str) -> list:
    """Versions just above a boundary: a .post1 release and the last part incremented."""
    v = parse(value)
    if v is None:
        return []
    out = []
    if v.dev is not None:
        out.append(compose(v.epoch, v.release, v.pre, v.post, v.dev + 1))
    elif v.post is not None:
        out.append(compose(v.epoch, v.release, v.pre, v.post + 1))
    else:
        out.append(f"{v.public}.post1")
    rel = list(v.release)
    rel[-1] += 1
    out.append(compose(v.epoch, rel))
    return [c for c in out if parse(c) is not None and parse(c) > v]


def pre_releases(value: str) -> list:
    v = parse(value)
    if v is None or v.pre is not None or v.dev is not None or v.post is not None:
        return []
    out = [f"{v.public}a1", f"{v.public}b2", f"{v.public}rc1", f"{v.public}.dev3"]
    rel = list(v.release)
    rel[-1] += 1
    out.append(compose(v.epoch, rel, ("rc", 1)))  # a pre-release of the next release
    return [c for c in out if parse(c) is not None]


LOCAL_LABELS = ("cpu", "cu118", "ubuntu1.2", "local.7")


def local_variants(value: str, rng: random.Random) -> list:
    v = parse(value)
    if v is None or v.local is not None:
        return []
    return [f"{value}+{rng.choice(LOCAL_LABELS)}"]


def respellings(value: str) -> list:
    """The same version written differently: an extra .0, a v prefix, upper case."""
    v = parse(value)
    if v is None:
        return []
    out = [compose(v.epoch, list(v.release) + [0], v.pre, v.post, v.dev, v.local), "v" + value]
    if v.pre is not None:
        out.append(compose(v.epoch, v.release, (v.pre[0].upper(), v.pre[1]), v.post, v.dev, v.local))
    elif len(v.release) > 1 and v.release[-1] == 0 and v.post is None and v.dev is None and v.local is None:
        out.append(compose(v.epoch, v.release[:-1]))
    return [c for c in out if c != value and parse(c) is not None and parse(c) == v]


def name_variants(name: str) -> list:
    """Spellings of a normalised name that normalise back to it."""
    words = name.split("-")
    out = {
        ".".join(w.capitalize() for w in words),  # Zope.Interface / Django
        "_".join(words),
        name.upper(),
        "-_".join(words) if len(words) > 1 else name.capitalize(),
    }
    return sorted(v for v in out if v != name and normalize(v) == name)


NO_ADVISORY_PACKAGES = [
    ("pyward-no-such-package", "1.0"), ("typing-extensions", "4.12.2"), ("Typing_Extensions", "4.12.2"),
    ("attrs", "24.2.0"), ("six", "1.16.0"), ("click", "8.1.7"), ("iniconfig", "2.0.0"), ("pluggy", "1.5.0"),
    ("idna-ssl", "1.1.0"), ("zope.interface", "7.0.3"), ("packaging", "24.1"), ("tomli", "2.0.1"),
]
GARBAGE_VERSIONS = ["latest", "1.0-foo-bar", "unknown", "2.x", "1..2", "1.0+", "*", "1.0.0-final"]


def _is_writable_token(s: str) -> bool:
    """Fits the pairs file: no blank, no leading '#', no '==' (pyward splits a line at
    '==' before it tries a blank)."""
    return bool(s) and not any(c.isspace() for c in s) and not s.startswith("#") and "==" not in s


def generate_candidates(db: Database, rng: random.Random) -> dict:
    """Every pair the check could use, grouped by kind: {kind: [Pair]} (deterministic order)."""
    kinds: dict[str, list] = collections.defaultdict(list)
    special_records = {rec.id for rec in db.records
                       if rec.withdrawn or tie_sensitive(rec)
                       or any(k in ("last_affected", "limit") for es in rec.entries.values()
                              for e in es for r in e.ranges for k, _ in r.events)}
    for pkg in sorted(db.by_package):
        boundaries: list = []
        listed: list = []
        special: list = []
        only_listed: list = []  # versions[] entries that no range of their entry covers
        for rec in sorted(db.by_package[pkg], key=lambda r: r.id):
            for e in rec.entries[pkg]:
                listed.extend(e.versions)
                if rec.id in special_records and e.versions:
                    special.extend(sorted(e.versions)[:: max(1, len(e.versions) // 3)][:3])
                only_listed.extend(lv for lv in e.versions if parse(lv) is not None
                                   and not any(range_affects(parse(lv), r.events) for r in e.ranges))
                for r in e.ranges:
                    for kind, value in r.events:
                        if kind == "introduced" and value == "0":
                            continue
                        if "*" in value and kind == "limit":
                            continue
                        boundaries.append(value)
                        if rec.id in special_records:
                            special.append(value)
        boundaries = sorted(set(boundaries))
        listed = sorted(set(listed))
        if not boundaries and not listed:  # e.g. a withdrawn record with no version data at all
            kinds["special"].append(Pair(pkg, "1.0", "special"))
        for b in boundaries:
            kinds["at" if parse(b) is not None else "unparseable"].append(Pair(pkg, b, "at"))
            kinds["below"].extend(Pair(pkg, c, "below") for c in below(b))
            kinds["above"].extend(Pair(pkg, c, "above") for c in above(b))
            kinds["pre-release"].extend(Pair(pkg, c, "pre-release") for c in pre_releases(b))
            kinds["local"].extend(Pair(pkg, c, "local") for c in local_variants(b, rng))
            kinds["local"].extend(Pair(pkg, c, "local") for c in local_variants(rng.choice(below(b) or [b]), rng))
            kinds["respelled"].extend(Pair(pkg, c, "respelled") for c in respellings(b))
        for b in sorted(set(special)):  # every boundary of the special records, and a few versions[]
            kinds["special"].extend(Pair(pkg, c, "special") for c in [b, *below(b), *above(b)])
        for lv in sorted(set(only_listed)):
            kinds["versions-only"].extend(Pair(pkg, c, "versions-only")
                                          for c in [lv, *respellings(lv), *local_variants(lv, rng)])
        for lv in listed:
            kinds["versions[]" if parse(lv) is not None else "unparseable"].append(Pair(pkg, lv, "versions[]"))
            if parse(lv) is not None and rng.random() < 0.2:
                kinds["local"].extend(Pair(pkg, c, "local") for c in local_variants(lv, rng))
    for name, version in NO_ADVISORY_PACKAGES:
        kinds["no-advisory"].append(Pair(name, version, "no-advisory"))
    known = sorted(db.by_package)
    for g in GARBAGE_VERSIONS:
        if known:
            kinds["unparseable"].append(Pair(rng.choice(known), g, "unparseable"))
    out = {}
    for k, pairs in kinds.items():
        seen, uniq = set(), []
        for p in pairs:
            if (p.name, p.version) not in seen and _is_writable_token(p.name) and _is_writable_token(p.version):
                seen.add((p.name, p.version))
                uniq.append(Pair(p.name, p.version, k))
        out[k] = uniq
    return out


def select_pairs(db: Database, seed: int, max_pairs: int) -> list:
    """The pairs of one run: for every package one pair at, one just below and one just
    above a boundary (or two versions[] entries when it has no boundary), every pair of
    the special records (withdrawn, tied events, last_affected, limit), the QUOTAS of the
    other kinds, then random pairs up to max_pairs. Sorted by package and version."""
    rng = random.Random(seed)
    cands = generate_candidates(db, rng)
    chosen: dict = {}

    def take(p: Pair) -> None:
        if len(chosen) < max_pairs and (p.name, p.version) not in chosen:
            chosen[(p.name, p.version)] = p

    by_pkg: dict = collections.defaultdict(lambda: collections.defaultdict(list))
    for k in ("at", "below", "above", "versions[]"):
        for p in cands.get(k, []):
            by_pkg[p.name][k].append(p)
    for pkg in sorted(by_pkg):
        groups = by_pkg[pkg]
        if groups["at"]:
            for k in ("at", "below", "above"):
                if groups[k]:
                    take(rng.choice(groups[k]))
        else:
            for p in rng.sample(groups["versions[]"], min(2, len(groups["versions[]"]))):
                take(p)
    for p in cands.get("special", []):
        take(p)
    pool = [p for k in sorted(cands) if k != "name-variant" for p in cands[k]]
    variants = []
    for p in rng.sample(pool, min(len(pool), QUOTAS["name-variant"] * 2)):
        names = name_variants(p.name) if p.kind != "no-advisory" else []
        if names:
            variants.append(Pair(rng.choice(names), p.version, "name-variant"))
    cands["name-variant"] = variants
    for k, n in QUOTAS.items():
        group = cands.get(k, [])
        for p in rng.sample(group, min(n, len(group))):
            take(p)
    rest = [p for k in sorted(cands) for p in cands[k] if (p.name, p.version) not in chosen]
    rng.shuffle(rest)
    for p in rest:
        if len(chosen) >= max_pairs:
            break
        take(p)
    return sorted(chosen.values(), key=lambda p: (normalize(p.name), p.name, p.version))


def write_pairs(pairs: list, path: Path) -> None:
    lines = ["# (package, version) pairs written by scripts/deps_diff.py"]
    lines += [f"{p.name} {p.version}" for p in pairs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- running pyward


def run_pyward(pyward: str, db: Path, pairs_file: Path, cache_dir: Path) -> tuple[list, float]:
    cmd = [pyward, "db", "query", "--db", str(db), "--offline", "--format", "json", "--from", str(pairs_file)]
    env = dict(os.environ, PYWARD_CACHE_DIR=str(cache_dir))
    log("$ PYWARD_CACHE_DIR=" + str(cache_dir) + " " + " ".join(cmd))
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, check=False, env=env, stdin=subprocess.DEVNULL, timeout=PYWARD_TIMEOUT)
    except FileNotFoundError as e:
        raise SetupError(f"cannot run pyward: {e}") from e
    except PermissionError as e:
        raise SetupError(f"cannot run pyward: {e}") from e
    except subprocess.TimeoutExpired as e:
        raise SetupError(f"pyward did not finish within {PYWARD_TIMEOUT} s") from e
    wall = time.perf_counter() - t0
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        raise SetupError(f"pyward exited with {proc.returncode}:\n{stderr[-3000:]}")
    try:
        data = json.loads(proc.stdout)
    except ValueError as e:
        head = proc.stdout[:300].decode("utf-8", "replace")
        raise SetupError(f"pyward's output is not JSON ({e}); it starts with: {head!r}") from e
    return data, wall


def check_contract(data, pairs: list) -> tuple[list, list]:
    """The advisory-id lists pyward gave, one per pair, and the contract violations."""
    problems: list = []
    if not isinstance(data, list):
        return [], [f"the output is a JSON {type(data).__name__}, not an array"]
    if len(data) != len(pairs):
        problems.append(f"{len(data)} objects for {len(pairs)} input pairs")
    answers = []
    for i, p in enumerate(pairs):
        obj = data[i] if i < len(data) else None
        if not isinstance(obj, dict):
            problems.append(f"item {i} ({p.name} {p.version}) is missing or not an object")
            answers.append(None)
            continue
        if obj.get("name") != p.name or obj.get("version") != p.version:
            problems.append(f"item {i} is for {obj.get('name')!r} {obj.get('version')!r}, "
                            f"expected {p.name!r} {p.version!r} (input order, as given)")
        ids = obj.get("advisories")
        if not isinstance(ids, list) or not all(isinstance(x, str) for x in ids):
            problems.append(f"item {i} ({p.name} {p.version}): advisories is not a list of strings")
            answers.append(None)
            continue
        if ids != sorted(set(ids)):
            problems.append(f"item {i} ({p.name} {p.version}): advisories are not sorted and unique: {ids}")
        answers.append(ids)
    return answers, problems


# --------------------------------------------------------------------------- reporting


def explain(db: Database, rid: str, name: str, version: str) -> list:
    key = normalize(name)
    v = parse(version)
    lines = []
    for rec in db.by_package.get(key, ()):
        if rec.id != rid:
            continue
        flags = []
        if rec.withdrawn:
            flags.append("withdrawn")
        if tie_sensitive(rec):
            flags.append("events tied at one version: order-sensitive")
        lines.append(f"      {rid} ({rec.path}){' [' + ', '.join(flags) + ']' if flags else ''}")
        for e in rec.entries.get(key, ()):
            hit = in_versions(version, v, e.versions)
            lines.append(f"        package {e.raw_name!r}: versions[] has {len(e.versions)} entries, "
                         f"{'lists' if hit else 'does not list'} {version!r}"
                         + (f"; {e.skipped_ranges} non-ECOSYSTEM range(s) skipped" if e.skipped_ranges else ""))
            for r in e.ranges:
                evs = ", ".join(f"{k} {val}" for k, val in r.events)
                verdict = "affected" if range_affects(v, r.events) else "not affected"
                lines.append(f"        ECOSYSTEM [{evs}] -> {verdict}")
    if not lines:
        lines.append(f"      {rid}: no record with this id for package {key!r} in the database")
    return lines


@dataclass
class Outcome:
    advisories: int = 0
    withdrawn: int = 0
    pairs: int = 0
    matching_ref: int = 0
    matching_pyward: int = 0
    disagreements: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    warm_differences: int = 0


def compare(db: Database, pairs: list, answers: list) -> tuple[list, int, int]:
    disagreements = []
    ref_hits = pw_hits = 0
    for i, p in enumerate(pairs):
        ref = reference_match(db, p.name, p.version)
        got = answers[i] if i < len(answers) else None
        ref_hits += bool(ref)
        if got is None:
            continue
        pw_hits += bool(got)
        only_pw = sorted(set(got) - set(ref))
        only_ref = sorted(set(ref) - set(got))
        if only_pw or only_ref:
            disagreements.append((i, p, only_pw, only_ref))
    return disagreements, ref_hits, pw_hits


def run_check(pyward: str, db_path: Path, *, min_pairs: int, max_pairs: int, seed: int, warm: bool,
              keep: Path | None = None, out=print) -> int:
    t0 = time.perf_counter()
    db = load_database(db_path)
    if not db.records:
        raise SetupError(f"no advisory could be read from {db_path}")
    log(f"loaded {len(db.records)} advisories in {time.perf_counter() - t0:.1f} s")
    pairs = select_pairs(db, seed, max_pairs)
    res = Outcome(advisories=len(db.records), withdrawn=sum(r.withdrawn for r in db.records), pairs=len(pairs))

    with tempfile.TemporaryDirectory(prefix="pyward-deps-diff-") as tmp:
        work = Path(tmp)
        pairs_file = work / "pairs.txt"
        write_pairs(pairs, pairs_file)
        cache = work / "cache"
        cache.mkdir()
        data, cold_s = run_pyward(pyward, db_path, pairs_file, cache)
        warm_s = None
        warm_data = None
        if warm:
            warm_data, warm_s = run_pyward(pyward, db_path, pairs_file, cache)
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(pairs_file, keep / "pairs.txt")
            (keep / "pyward-cold.json").write_text(json.dumps(data, indent=1) + "\n")
            if warm_data is not None:
                (keep / "pyward-warm.json").write_text(json.dumps(warm_data, indent=1) + "\n")

    answers, res.problems = check_contract(data, pairs)
    res.disagreements, res.matching_ref, res.matching_pyward = compare(db, pairs, answers)
    if warm_data is not None and warm_data != data:
        warm_answers, warm_problems = check_contract(warm_data, pairs)
        res.problems += [f"warm run: {p}" for p in warm_problems]
        res.warm_differences = sum(1 for a, b in zip(answers, warm_answers) if a != b) + abs(
            len(answers) - len(warm_answers))
        if not res.warm_differences and not warm_problems:
            res.warm_differences = 1  # same answers but different objects: still not the same output

    kinds = collections.Counter(p.kind for p in pairs)
    bad_kinds = collections.Counter(p.kind for _, p, _, _ in res.disagreements)
    if keep is not None:
        with open(keep / "reference.json", "w") as fh:
            json.dump([{"name": p.name, "version": p.version, "kind": p.kind,
                        "advisories": reference_match(db, p.name, p.version)} for p in pairs], fh, indent=1)

    out(f"database:               {db_path}")
    out(f"advisories loaded:      {res.advisories} ({res.withdrawn} withdrawn, "
        f"{len(db.by_package)} packages{f', {len(db.unreadable)} unreadable files' if db.unreadable else ''})")
    for label, err in db.unreadable[:5]:
        out(f"  unreadable: {label}: {err}")
    out(f"pairs:                  {res.pairs} (seed {seed}; "
        + ", ".join(f"{k} {kinds[k]}" for k in sorted(kinds)) + ")")
    out(f"pairs with a match:     {res.matching_ref} by the reference, {res.matching_pyward} by pyward")
    out(f"pyward wall time:       cold {cold_s:.3f} s" + (f", warm {warm_s:.3f} s" if warm_s is not None else ""))
    if warm:
        same = "same output as the cold run"
        out(f"warm run:               {f'{res.warm_differences} answers differ from the cold run' if res.warm_differences else same}")
    out(f"disagreements:          {len(res.disagreements)}"
        + (" (" + ", ".join(f"{k} {bad_kinds[k]}" for k in sorted(bad_kinds)) + ")" if bad_kinds else ""))
    if res.problems:
        out(f"contract violations:    {len(res.problems)}")
        for prob in res.problems[:SHOWN_DISAGREEMENTS]:
            out(f"  {prob}")
    for i, p, only_pw, only_ref in res.disagreements[:SHOWN_DISAGREEMENTS]:
        out(f"  #{i} {p.name} {p.version} [{p.kind}]")
        out(f"    only pyward:    {', '.join(only_pw) or '-'}")
        out(f"    only reference: {', '.join(only_ref) or '-'}")
        for rid in only_pw + only_ref:
            for line in explain(db, rid, p.name, p.version):
                out(line)
    if len(res.disagreements) > SHOWN_DISAGREEMENTS:
        out(f"  ... and {len(res.disagreements) - SHOWN_DISAGREEMENTS} more")

    ok = True
    if res.pairs < min_pairs:
        out(f"FAIL: {res.pairs} pairs, fewer than --min-pairs {min_pairs}")
        ok = False
    if res.disagreements or res.problems or res.warm_differences:
        out("FAIL: pyward and the reference disagree" if res.disagreements else "FAIL: pyward's output is wrong")
        ok = False
    if ok:
        out(f"OK: pyward agrees with the reference on all {res.pairs} pairs")
    return 0 if ok else 1


# --------------------------------------------------------------------------- self-test

SELF_TEST_RECORDS = {
    # package folder / id: record (YAML text)
    "demo/PYSEC-0000-1": """
        id: PYSEC-0000-1
        aliases: [CVE-0000-0001]
        affected:
        - package: {name: Demo, ecosystem: PyPI}
          ranges:
          - type: GIT
            repo: https://example.invalid/demo
            events: [{introduced: 0123456789abcdef0123456789abcdef01234567}]
          - type: ECOSYSTEM
            events: [{introduced: "2.0"}, {fixed: "2.0.3"}, {introduced: "0"}, {fixed: "1.4.2"}]
          versions: ["1.0", "1.4.1", "2.0", "2.0.2", "0.9-legacy"]
    """,
    "demo/PYSEC-0000-2": """
        id: PYSEC-0000-2
        affected:
        - package: {name: demo, ecosystem: PyPI}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "1.5"}, {last_affected: "1.7"}]
    """,
    "demo/PYSEC-0000-3": """
        id: PYSEC-0000-3
        withdrawn: "2024-01-01T00:00:00Z"
        affected:
        - package: {name: demo, ecosystem: PyPI}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "0"}]
    """,
    "demo/PYSEC-0000-4": """
        id: PYSEC-0000-4
        affected:
        - package: {name: demo, ecosystem: PyPI}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "3.0rc1"}, {limit: "3.1"}]
        - package: {name: demo, ecosystem: npm}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "0"}]
    """,
    "zope-interface/PYSEC-0000-5": """
        id: PYSEC-0000-5
        affected:
        - package: {name: zope.interface, ecosystem: PyPI}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "0"}, {fixed: "5.1.0"}]
          - type: SEMVER
            events: [{introduced: "0"}]
    """,
    "tied/PYSEC-0000-6": """
        id: PYSEC-0000-6
        affected:
        - package: {name: tied, ecosystem: PyPI}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "0"}, {fixed: "1.1"}, {introduced: "1.2"}, {fixed: "1.3"},
                     {introduced: "1.1"}, {fixed: "1.2"}]
    """,
    "weird/PYSEC-0000-7": """
        id: PYSEC-0000-7
        affected:
        - package: {name: weird, ecosystem: PyPI}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "0"}, {fixed: "2019-09-12"}]
          versions: ["0.1-bulbasaur", "1.10"]
    """,
    "weird/PYSEC-0000-8": """
        id: PYSEC-0000-8
        affected:
        - package: {name: weird, ecosystem: PyPI}
          ranges:
          - type: ECOSYSTEM
            events: [{introduced: "1!1.0"}, {fixed: "1!2.0"}]
    """,
    "listed/PYSEC-0000-9": """
        id: PYSEC-0000-9
        affected:
        - package: {name: listed, ecosystem: PyPI}
          versions: ["1.0", "2.5.post1", "0.9-legacy"]
    """,
}

# (name, version, expected ids) for the reference matcher on SELF_TEST_RECORDS.
SELF_TEST_CASES = [
    ("demo", "0.5", ["PYSEC-0000-1"]),
    ("Demo", "1.4.1", ["PYSEC-0000-1"]),
    ("demo", "1.4.2", []),
    ("demo", "1.4.2rc1", ["PYSEC-0000-1"]),
    ("demo", "1.4.1+cpu", ["PYSEC-0000-1"]),
    ("demo", "1.4.2+cpu", []),
    ("demo", "1.5", ["PYSEC-0000-2"]),
    ("demo", "1.7", ["PYSEC-0000-2"]),
    ("demo", "1.7.0", ["PYSEC-0000-2"]),
    ("demo", "1.7.post1", []),
    ("demo", "1.7.1", []),
    ("demo", "1.5.dev0", []),
    ("demo", "2.0", ["PYSEC-0000-1"]),
    ("demo", "2.0.0", ["PYSEC-0000-1"]),
    ("demo", "2.0.3", []),
    ("demo", "2.0a1", []),
    ("demo", "0.9-legacy", ["PYSEC-0000-1"]),
    ("demo", "not-a-version", []),
    ("demo", "3.0b1", []),
    ("demo", "3.0rc1", ["PYSEC-0000-4"]),
    ("demo", "3.0.9", ["PYSEC-0000-4"]),
    ("demo", "3.1", []),
    ("DEMO", "3.0", ["PYSEC-0000-4"]),
    ("Zope.Interface", "5.0.9", ["PYSEC-0000-5"]),
    ("zope_interface", "5.1.0", []),
    ("zope-interface", "5.1.0.dev1", ["PYSEC-0000-5"]),
    ("tied", "1.0", ["PYSEC-0000-6"]),
    ("tied", "1.1", ["PYSEC-0000-6"]),  # fixed 1.1 then introduced 1.1 (record order)
    ("tied", "1.2", []),  # introduced 1.2 then fixed 1.2 (record order): closed
    ("tied", "1.2.5", []),
    ("tied", "1.3", []),
    ("weird", "0.1-bulbasaur", ["PYSEC-0000-7"]),
    ("weird", "0.1-Bulbasaur", []),  # not PEP 440 either: exact string match only
    ("weird", "1.10", ["PYSEC-0000-7"]),
    ("weird", "1.1", ["PYSEC-0000-7"]),  # unparseable fixed never fires: all versions
    ("weird", "1!1.5", ["PYSEC-0000-7", "PYSEC-0000-8"]),
    ("weird", "1.5", ["PYSEC-0000-7"]),
    ("listed", "1.0", ["PYSEC-0000-9"]),
    ("listed", "1.0.0", ["PYSEC-0000-9"]),  # Version equality with a versions[] entry
    ("listed", "1.0+cpu", []),  # a local version is another version
    ("listed", "1.0.1", []),
    ("listed", "2.5-1", ["PYSEC-0000-9"]),  # implicit post release == 2.5.post1
    ("listed", "0.9-legacy", ["PYSEC-0000-9"]),
    ("listed", "0.9-LEGACY", []),
    ("nothing", "1.0", []),
]

FAKE_PYWARD = r'''#!{python}
"""A fake pyward for deps_diff.py --self-test: `db query` only. Mode: {mode}."""
import json, os, sys
sys.path.insert(0, {script_dir!r})
import deps_diff as d

MODE = {mode!r}
args = sys.argv[1:]
if args[:2] != ["db", "query"]:
    sys.exit(2)
opts, pos, i = {{}}, [], 2
while i < len(args):
    a = args[i]
    if a in ("--db", "--format", "--from"):
        opts[a] = args[i + 1]; i += 2
    elif a.startswith("--"):
        opts[a] = True; i += 1
    else:
        pos.append(a); i += 1
cache = os.environ.get("PYWARD_CACHE_DIR")
if not cache or not os.path.isdir(cache) or "--offline" not in opts or opts.get("--format") != "json":
    print("fake pyward: bad invocation", file=sys.stderr); sys.exit(2)
open(os.path.join(cache, "index.fake"), "a").write("run\n")
if MODE == "exit-2":
    print("fake pyward: failing on purpose", file=sys.stderr); sys.exit(2)
if MODE == "not-json":
    print("this is not JSON"); sys.exit(0)
d.load_libs()
db = d.load_database(__import__("pathlib").Path(opts["--db"]))
pairs = []
for line in open(opts["--from"], encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("#"):
        name, version = line.split(None, 1)
        pairs.append((name, version))
for p in pos:
    pairs.append(tuple(p.split("==", 1)))

def match(name, version):
    if MODE == "keep-withdrawn":
        for r in db.records: r.withdrawn = False
    if MODE == "no-normalise":
        return [r.id for r in db.records if not r.withdrawn and any(
            e.raw_name == name and d.entry_affects(e, version, d.parse(version))
            for es in r.entries.values() for e in es)]
    if MODE == "fixed-inclusive":
        for r in db.records:
            for es in r.entries.values():
                for e in es:
                    for rg in e.ranges:
                        rg.events = [("last_affected" if k == "fixed" else k, v) for k, v in rg.events]
    if MODE == "unsorted-events":
        d.sorted_events = lambda evs: list(evs)
    if MODE == "string-versions":
        d.in_versions = lambda raw, v, versions: raw in versions
    if MODE == "ignore-limit":
        d.before_limits = lambda v, evs: True
    return d.reference_match(db, name, version)

out = [{{"name": n, "version": v, "advisories": sorted(set(match(n, v)))}} for n, v in pairs]
if MODE == "drop-last":
    out = out[:-1]
if MODE == "swap" and len(out) > 2:
    out[0], out[1] = out[1], out[0]
if MODE == "unstable-warm" and os.path.getsize(os.path.join(cache, "index.fake")) > 4:
    for o in out:
        if o["advisories"]:
            o["advisories"] = o["advisories"][1:]
            break
json.dump(out, sys.stdout)
'''

WRONG_MODES = ["exit-2", "not-json", "keep-withdrawn", "no-normalise", "fixed-inclusive", "unsorted-events",
               "string-versions", "ignore-limit", "drop-last", "swap", "unstable-warm"]


def write_self_test_db(root: Path) -> Path:
    db = root / "advisory-db"
    for key, text in SELF_TEST_RECORDS.items():
        path = db / "vulns" / f"{key}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    (db / "vulns" / ".id-allocator").write_text("")
    return db


def write_fake(root: Path, mode: str) -> Path:
    path = root / f"fake-pyward-{mode}"
    path.write_text(FAKE_PYWARD.format(python=sys.executable, script_dir=str(Path(__file__).resolve().parent),
                                       mode=mode), encoding="utf-8")
    path.chmod(0o755)
    return path


def self_test() -> int:
    failures = []

    def check(cond: bool, what: str) -> None:
        if not cond:
            failures.append(what)
            print(f"  FAIL {what}")

    with tempfile.TemporaryDirectory(prefix="pyward-deps-diff-selftest-") as tmp:
        root = Path(tmp)
        db_path = write_self_test_db(root)
        db = load_database(db_path)
        check(len(db.records) == len(SELF_TEST_RECORDS), f"loaded {len(db.records)} synthetic records")
        check(not db.unreadable, f"no unreadable synthetic file ({db.unreadable})")

        # 1. the reference matcher on hand-written cases
        cases = SELF_TEST_CASES
        for name, version, expected in cases:
            got = reference_match(db, name, version)
            check(got == expected, f"reference {name} {version}: {got} != {expected}")
        print(f"reference matcher: {len(cases)} hand-written cases")

        # 2. helpers
        for b in ["1.2.3", "2.0", "2.0rc1", "1!3.0", "1.0.post2", "4.0.dev0", "4.0.dev3", "0"]:
            for c in below(b):
                check(parse(c) < parse(b), f"below({b}) gave {c}")
            for c in above(b):
                check(parse(c) > parse(b), f"above({b}) gave {c}")
            for c in respellings(b):
                check(parse(c) == parse(b), f"respelling of {b}: {c}")
        check(below("1.2.3") == ["1.2.2"], f"below(1.2.3) = {below('1.2.3')}")
        check(below("2.0") == ["2.0.dev0", "2.0rc1"], f"below(2.0) = {below('2.0')}")
        check(above("1.2.3") == ["1.2.3.post1", "1.2.4"], f"above(1.2.3) = {above('1.2.3')}")
        for n in ["django", "zope-interface", "jw-util", "a-b-c"]:
            vs = name_variants(n)
            check(bool(vs) and all(normalize(v) == n and v != n for v in vs), f"name variants of {n}: {vs}")
        check("Zope.Interface" in name_variants("zope-interface"), "Zope.Interface is a variant")
        check("Django" in name_variants("django"), "Django is a variant")
        p1 = select_pairs(db, 7, 300)
        p2 = select_pairs(db, 7, 300)
        check(p1 == p2, "select_pairs is deterministic for a seed")
        check(len(select_pairs(db, 7, 10)) == 10, "select_pairs honours max_pairs")
        kinds = {p.kind for p in p1}
        for k in ("at", "below", "above", "versions[]", "name-variant", "local", "pre-release", "special"):
            check(k in kinds, f"pairs include kind {k} (got {sorted(kinds)})")
        print(f"pair generation: {len(p1)} pairs on the synthetic database, kinds {sorted(kinds)}")

        # 3. the whole check against fake pyward executables
        def run(mode: str, min_pairs: int = 20) -> tuple[int, str]:
            buf = io.StringIO()
            fake = write_fake(root, mode)
            try:
                with contextlib.redirect_stderr(io.StringIO()):
                    rc = run_check(str(fake), db_path, min_pairs=min_pairs, max_pairs=300, seed=7, warm=True,
                                   out=lambda s: print(s, file=buf))
            except SetupError as e:
                print(f"ERROR: {e}", file=buf)
                rc = 1
            return rc, buf.getvalue()

        rc, text = run("correct")
        check(rc == 0, f"the correct fake passes (exit {rc}):\n{text}")
        print(f"correct fake: exit {rc}")
        rc, text = run("correct", min_pairs=100000)
        check(rc == 1, "too few pairs fails")
        for mode in WRONG_MODES:
            rc, text = run(mode)
            check(rc == 1, f"wrong fake {mode!r} is detected (exit {rc}):\n{text}")
            lines = text.splitlines()
            first = next((ln.strip() for ln in lines if ln.startswith(("ERROR", "contract"))), "") or next(
                (ln.strip() for ln in lines if ln.startswith("warm run") and "differ" in ln), "") or next(
                (ln.strip() for ln in lines if ln.startswith("disagreements")), "")
            print(f"wrong fake {mode:<16} exit {rc}  {first[:90]}")
        rc, text = run("correct")
        check("only pyward" not in text, "no disagreement shown for the correct fake")

    if failures:
        print(f"self-test FAILED: {len(failures)} check(s)")
        return 1
    print("self-test passed")
    return 0


# --------------------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pyward", help="path to the pyward binary (target/release/pyward)")
    ap.add_argument("--db", default=str(DEFAULT_DB),
                    help="advisory database: PyPA layout folder, OSV JSON folder or OSV zip "
                         "(default ../shared/data/pypa-advisory-db)")
    ap.add_argument("--min-pairs", type=int, default=DEFAULT_MIN_PAIRS)
    ap.add_argument("--max-pairs", type=int, default=DEFAULT_MAX_PAIRS)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--no-warm", action="store_true", help="run pyward once (cold cache) instead of twice")
    ap.add_argument("--keep", metavar="DIR", help="write pairs.txt, pyward's outputs and reference.json here")
    ap.add_argument("--self-test", action="store_true", help="check this script against fake pyward executables")
    args = ap.parse_args(argv)
    try:
        load_libs()
        if args.self_test:
            return self_test()
        if not args.pyward:
            ap.error("--pyward is required (or --self-test)")
        pyward = args.pyward
        if os.sep in pyward:
            pyward = str(Path(pyward).resolve())
        if args.max_pairs < args.min_pairs:
            ap.error("--max-pairs is below --min-pairs")
        return run_check(pyward, Path(args.db).resolve(), min_pairs=args.min_pairs, max_pairs=args.max_pairs,
                         seed=args.seed, warm=not args.no_warm, keep=Path(args.keep) if args.keep else None)
    except SetupError as e:
        print(f"ERROR: {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
