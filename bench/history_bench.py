#!/usr/bin/env python3
"""Benchmark of ``pyward scan --git-history`` against truffleHog 2.2.1 on a generated repository.

Usage (from the repository root, after `cargo build --release`):

    python3 bench/history_bench.py [--pyward target/release/pyward] [--commits 5000] \
        [--secrets 40] [--runs 3] [--timeout 900] [--cache-dir target/bench] [--json]

What it does:

1. downloads the sdist of Django 6.1.3 and extracts it once, with bench/bench.py's
   helpers and cache (``<cache-dir>/sdist/`` and ``<cache-dir>/django-6.1.3/``);
2. builds, with ``git fast-import``, the repository
   ``<cache-dir>/history-bench/repo-<commits>-<seed>/`` (branch main; fixed author
   and committer; dates 60 s apart from 2024-01-01T00:00:00Z), and keeps it until
   the parameters change (they are recorded in ``.git/pyward-bench.json``, with
   every planted secret):
     - commit 1 holds the whole sdist tree;
     - ``--commits`` commits follow, so that HEAD has ``--commits + 1`` commits.
       Most modify 1-3 randomly chosen text files of the tree (.py, .txt, .po,
       .html, .js, .css: a comment line appended, or one added earlier changed);
     - ``--secrets`` of them each plant one fake secret (bench/secrets_bench.py's
       Fakes, seeded: never a real credential) in a new file or at the end of an
       existing one: AWS key ids, GitHub PATs, Slack bot tokens, Stripe live keys,
       Twilio and SendGrid keys, RSA/OpenSSH/EC/PGP/PKCS#8 private keys, database
       URLs with a password, Django SECRET_KEYs, an API key, in .py, .env, .yaml,
       .json, .cfg, shell, Markdown, docs .txt and key files. Most are removed
       again by a later commit (the line taken out, or the key file deleted);
       ``max(2, secrets // 8)`` stay until HEAD;
     - a side branch ``side`` forks at a third of the way, gets 6 commits (two
       of them plant a secret each), interleaved in time with main's, and is
       merged back into main by a merge commit with two parents (as
       ``git merge --no-ff`` makes);
     - the commit ids come from ``--export-marks``; the repository is repacked
       (``git repack -a -d -f``, as fast-import's documentation advises) and its
       working tree checked out;
3. installs truffleHog==2.2.1 (with its GitPython) in a virtualenv under
   ``<cache-dir>/history-bench/trufflehog-venv/`` (``--no-install`` turns that
   off: the venv's truffleHog, or one on PATH, is used if there is one);
4. runs, ``--runs`` times each (default 3), alternating:
       pyward scan . --git-history --select SEC --format json --offline --exit-zero --no-progress
           (from the repository's root: the paths it reports are the repository's)
       trufflehog --json --regex --entropy=False --branch main --max_depth 1000000 --cleanup file://<repo>
           (it clones the repository to a temporary folder, then diffs every
           commit of main against the next one in ``git rev-list`` order, as it
           does on any repository; only once when its first run took over 60 s;
           killed after ``--timeout`` seconds, default 900: its speed ratio is
           then a lower bound, "> N x", and its findings are those printed so far)
   recording the median wall time and the peak RSS (GNU time's %M where
   /usr/bin/time exists, as bench/bench.py does);
5. prints the repository's figures (commits, files in HEAD, distinct blobs pyward
   read, from its ``git_history`` summary), then for each tool the planted
   secrets it found and the list of those it missed, the number of its findings
   on files where nothing was planted (Django's own files, which hold no real
   secret: presumably false alarms) with the files holding most of them, the
   median wall times and the ratio truffleHog / pyward.

When a finding matches a planted secret:
  - pyward: its path is the secret's and its ``commit.id`` is the commit that
    added the secret (pyward reports a secret once, at the oldest commit that held
    it; a secret still in HEAD is reported on the working tree's file, with the
    same commit);
  - truffleHog: its path is the secret's and one of its ``stringsFound`` is part of
    the planted text (the line, or the lines of a key) or holds the planted value.
    That covers the rules that return the secret itself (AWS API Key, Twilio API
    Key), the whole ``scheme://user:password@host...`` (Password in URL), the
    ``secret ... "value"`` span (Generic Secret, Generic API Key), and the
    ``-----BEGIN ... PRIVATE KEY-----`` line alone (the key rules; every key is
    planted in a file of its own). Its commit is not required: truffleHog reports
    the commit whose diff shows the secret, and since it diffs each commit against
    the next older one in rev-list order, a secret shows both where it was added
    and where it was removed (and, around the merge, in the diff of two unrelated
    commits). Whether one of its findings names the adding commit is printed too.

Targets, checked (exit 1 when one fails, or when a tool could not be run):
  - pyward reads the history of the ``--commits`` repository in under 10 seconds
    (median wall time). This absolute bound is the issue's "thousands of commits
    in seconds"; the ratio to truffleHog is the comparison;
  - pyward finds every planted secret that truffleHog finds;
  - pyward finds every planted secret, at the commit that added it;
  - pyward is faster than truffleHog.

``--json`` also prints every figure as one JSON object at the end; the same
object is written to ``<cache-dir>/history-bench-results.json``.

Only the Python standard library is used (plus the truffleHog it installs in its
own virtualenv).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(HERE))

# bench/bench.py: the Django sdist (same cache), GNU time; secrets_bench.py: the fake secrets.
from bench import DJANGO_VERSION, GNU_TIME, have_gnu_time, prepare_corpus, warm_page_cache
from secrets_bench import ALNUM, SEED, Fakes

TRUFFLEHOG_VERSION = "2.2.1"
TIME_TARGET_S = 10.0
# truffleHog is run once only when its first run takes longer than this.
SLOW_TOOL_S = 60.0
# Bump when the way the repository is built changes: a cached one is then rebuilt.
REPO_FORMAT = 2
START = int(_dt.datetime(2024, 1, 1, tzinfo=_dt.timezone.utc).timestamp())
IDENT = "pyward bench <bench@example.invalid>"
SIDE_COMMITS = 6
# Text files that noise commits edit, with the comment syntax of each.
COMMENT = {".py": ("# ", ""), ".txt": ("# ", ""), ".po": ("# ", ""), ".js": ("// ", ""),
           ".css": ("/* ", " */"), ".html": ("<!-- ", " -->")}
NOISE_MAX_BYTES = 200_000
NOISE_WORDS = ("cache", "docs", "typo", "lint", "refactor", "tests", "format", "cleanup", "release", "notes")


def log(msg: str) -> None:
    print(f"[history-bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# What is planted
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    """One kind of planted secret and where it goes."""

    name: str
    rule: str   # the pyward rule expected to report it
    # A new file (``{i}``: the secret's number), or "existing .py" / "existing .txt":
    # the end of an existing file of the sdist (Django's package modules, its docs).
    where: str
    make: Callable[[Fakes], tuple[str, list[str]]]   # -> (value, lines as written)
    header: tuple[str, ...] = ()   # a new file's lines before and after the secret
    footer: tuple[str, ...] = ()


def line(template: str, value: Callable[[Fakes], str]) -> Callable[[Fakes], tuple[str, list[str]]]:
    """A one-line secret: ``template`` with ``{v}`` replaced by a generated value."""
    def make(f: Fakes) -> tuple[str, list[str]]:
        v = value(f)
        return v, [template.format(v=v)]
    return make


def key(label: str, nbytes: int, headers: tuple[str, ...] = ()) -> Callable[[Fakes], tuple[str, list[str]]]:
    """A PEM block; its value is the whole block."""
    def make(f: Fakes) -> tuple[str, list[str]]:
        lines = f.pem(label, nbytes, headers=list(headers))
        return "\n".join(lines), lines
    return make


KINDS = [
    Kind("aws-access-key-id", "SEC001", "shop/settings/storage_{i}.py",
         line('AWS_ACCESS_KEY_ID = "{v}"', Fakes.aws_key_id),
         header=('"""Media storage settings."""', "", 'AWS_STORAGE_BUCKET_NAME = "shop-media"')),
    Kind("github-pat", "SEC001", "deploy/ci-{i}.env", line("GITHUB_TOKEN={v}", Fakes.github_pat),
         header=("# CI environment", "CI=true")),
    Kind("slack-bot-token", "SEC001", "config/notify-{i}.yaml", line("    bot_token: {v}", Fakes.slack_bot_token),
         header=("notifications:", "  slack:", "    channel: '#orders'")),
    Kind("stripe-secret-key", "SEC001", "existing .py", line('STRIPE_API_KEY = "{v}"', Fakes.stripe_live)),
    Kind("private-key-rsa", "SEC002", "deploy/keys/deploy-{i}.pem", key("RSA PRIVATE KEY", 1190)),
    Kind("url-password-postgres", "SEC003", "deploy/db-{i}.env",
         line("DATABASE_URL={v}", lambda f: f"postgres://shop:{f.password()}@db.internal:5432/shop"),
         header=("# database",)),
    Kind("django-secret-key", "SEC004", "existing .py", line('SECRET_KEY = "{v}"', Fakes.django_secret_key)),
    Kind("twilio-api-key", "SEC001", "config/sms-{i}.json", line('  "api_key_sid": "{v}",', Fakes.twilio_api_key),
         header=("{", '  "provider": "twilio",'), footer=('  "region": "ie1"', "}")),
    Kind("url-password-mysql", "SEC003", "deploy/backoffice-{i}.cfg",
         line("url = {v}", lambda f: f"mysql://backoffice:{f.password()}@mysql.internal:3306/backoffice"),
         header=("[database]", "host = mysql.internal")),
    Kind("aws-access-key-id", "SEC001", "scripts/deploy-{i}.sh", line("export AWS_ACCESS_KEY_ID={v}", Fakes.aws_key_id),
         header=("#!/bin/sh", "set -eu"), footer=("aws s3 sync build/ s3://shop-static/",)),
    Kind("private-key-openssh", "SEC002", "deploy/keys/id_ed25519_{i}", key("OPENSSH PRIVATE KEY", 300)),
    Kind("url-password-postgres", "SEC003", "docs/ops/runbook-{i}.md",
         line("psql {v}", lambda f: f"postgresql://oncall:{f.password()}@staging-db.internal/shop"),
         header=("# On-call runbook", "", "Staging database:", "", "```sh"), footer=("```",)),
    Kind("api-key", "SEC005", "config/partner-{i}.json", line('  "api_key": "{v}",', lambda f: f.hex_token(40)),
         header=("{", '  "partner": "acme",'), footer=('  "timeout": 30', "}")),
    Kind("sendgrid-api-key", "SEC001", "existing .txt", line("    SENDGRID_API_KEY={v}", Fakes.sendgrid_key)),
    Kind("private-key-ec", "SEC002", "deploy/keys/server-{i}.key", key("EC PRIVATE KEY", 121)),
    Kind("private-key-pgp", "SEC002", "deploy/keys/signing-{i}.asc",
         key("PGP PRIVATE KEY BLOCK", 900, headers=("Version: GnuPG v2", ""))),
    Kind("url-password-redis", "SEC003", "config/cache-{i}.yaml",
         line("  url: {v}", lambda f: f"redis://default:{f.password()}@cache.internal:6379/0"),
         header=("cache:", "  backend: redis")),
    Kind("django-secret-key", "SEC004", "deploy/web-{i}.env", line("DJANGO_SECRET_KEY={v}", Fakes.django_secret_key),
         header=("DJANGO_DEBUG=false",)),
    Kind("stripe-secret-key", "SEC001", "scripts/billing-{i}.sh", line("export STRIPE_API_KEY={v}", Fakes.stripe_live),
         header=("#!/bin/sh", "set -eu"), footer=("python manage.py sync_invoices",)),
    Kind("django-secret-key", "SEC004", "existing .py", line('SECRET_KEY = "{v}"', lambda f: f.s(ALNUM, 40))),
    Kind("slack-bot-token", "SEC001", "existing .py", line('SLACK_BOT_TOKEN = "{v}"', Fakes.slack_bot_token)),
    Kind("url-password-postgres", "SEC003", "existing .txt",
         line("    DATABASE_URL=postgres://{v}",
              lambda f: f"reporting:{f.password()}@reports.internal:5432/reports")),
    Kind("private-key-pkcs8", "SEC002", "deploy/keys/service-{i}.key", key("PRIVATE KEY", 1200)),
    Kind("github-pat", "SEC001", ".github/workflows/release-{i}.yml", line("      GH_TOKEN: {v}", Fakes.github_pat),
         header=("name: release", "on: push", "jobs:", "  publish:", "    runs-on: ubuntu-latest", "    env:"),
         footer=("    steps:", "      - run: make release")),
]


@dataclass
class Planted:
    number: int
    kind: str
    rule: str
    path: str
    line: int          # of the secret (of a key's BEGIN line) right after the commit that added it
    value: str
    text: str          # the line(s) added, as written
    branch: str        # main or side
    new_file: bool
    added_mark: int
    added_commit: str = ""
    removed_mark: int | None = None
    removed_commit: str | None = None

    @property
    def in_head(self) -> bool:
        return self.removed_mark is None


# --------------------------------------------------------------------------
# The repository
# --------------------------------------------------------------------------

@dataclass
class Step:
    """One commit after the first, in time order."""

    branch: str                  # main or side
    action: str                  # noise, plant, remove or merge
    secret: int | None = None    # the planted secret's number, for plant and remove


def schedule(commits: int, n_secrets: int, rng: random.Random, new_file_numbers: list[int]) -> list[Step]:
    """Which commit does what: a side branch in the middle, plants spread over
    the first 80 %, each removal after its plant (side secrets: after the merge)."""
    side_start = commits // 3
    side_slots = [side_start + 2 * j for j in range(SIDE_COMMITS)]
    merge_slot = side_start + 2 * SIDE_COMMITS
    steps = {s: Step("side", "noise") for s in side_slots}
    steps[merge_slot] = Step("main", "merge")
    side_secrets = sorted(rng.sample(new_file_numbers, 2))
    for slot, n in zip((side_slots[1], side_slots[3]), side_secrets):
        steps[slot] = Step("side", "plant", n)

    free = [s for s in range(1, commits + 1) if s not in steps]
    main_secrets = [n for n in range(n_secrets) if n not in side_secrets]
    plant_slots = sorted(rng.sample([s for s in free if s <= commits * 0.8], len(main_secrets)))
    plant_slot = dict(zip(main_secrets, plant_slots))
    for n, slot in plant_slot.items():
        steps[slot] = Step("main", "plant", n)
    plant_slot.update({n: merge_slot for n in side_secrets})
    kept = set(rng.sample(main_secrets, max(2, n_secrets // 8)))
    free = [s for s in free if s not in steps]
    for n in range(n_secrets):
        later = [s for s in free if s > plant_slot[n]]
        if n in kept or not later:
            continue
        slot = rng.choice(later)
        free.remove(slot)
        steps[slot] = Step("main", "remove", n)
    return [steps.get(s, Step("main", "noise")) for s in range(1, commits + 1)]


def sdist_files(root: Path) -> list[tuple[str, bytes, str]]:
    """Every file of the extracted sdist: (path, bytes, git mode), sorted."""
    out = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name != ".extracted":
            mode = "100755" if os.access(p, os.X_OK) else "100644"
            out.append((p.relative_to(root).as_posix(), p.read_bytes(), mode))
    return out


def noise_pool(files: list[tuple[str, bytes, str]]) -> dict[str, str]:
    """The text files noise commits may edit (and existing-file plants go to)."""
    pool = {}
    for path, data, _ in files:
        if Path(path).suffix in COMMENT and len(data) <= NOISE_MAX_BYTES and b"\0" not in data:
            try:
                pool[path] = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
    return pool


class Writer:
    """Writes a fast-import stream: commits with inline blobs."""

    def __init__(self, out):
        self.out = out
        self.mark = 0

    def data(self, payload: bytes) -> None:
        self.out.write(b"data %d\n" % len(payload) + payload + b"\n")

    def commit(self, branch: str, message: str, parents: list[int], changes: dict[str, str | bytes | None],
               modes: dict[str, str]) -> int:
        """One commit; ``changes``: path -> new content, or None to delete it. Returns its mark."""
        self.mark += 1
        when = START + 60 * (self.mark - 1)
        self.out.write(f"commit refs/heads/{branch}\nmark :{self.mark}\n"
                       f"author {IDENT} {when} +0000\ncommitter {IDENT} {when} +0000\n".encode())
        self.data(message.encode())
        for kw, parent in zip(("from", "merge"), parents):
            self.out.write(f"{kw} :{parent}\n".encode())
        for path, content in changes.items():
            if content is None:
                self.out.write(f"D {path}\n".encode())
                continue
            self.out.write(f"M {modes.get(path, '100644')} inline {path}\n".encode())
            self.data(content.encode() if isinstance(content, str) else content)
        return self.mark


def noise_edit(text: str, path: str, serial: int, rng: random.Random) -> str:
    """Append a comment line to a file, or change one appended before."""
    prefix, suffix = COMMENT[Path(path).suffix]
    new = f"{prefix}bench edit {serial}: {' '.join(rng.sample(NOISE_WORDS, 3))}{suffix}"
    earlier = list(re.finditer(r"^.*bench edit \d+:.*$", text, re.M))
    if earlier and rng.random() < 0.5:
        m = rng.choice(earlier)
        return text[:m.start()] + new + text[m.end():]
    return text + ("" if text.endswith("\n") or not text else "\n") + new + "\n"


def build_repo(repo: Path, sdist_root: Path, commits: int, n_secrets: int, seed: int) -> list[Planted]:
    """Generates the repository (see the module's docstring); returns the planted secrets."""
    rng = random.Random(seed)
    fakes = Fakes(seed)
    files = sdist_files(sdist_root)
    modes = {path: mode for path, _, mode in files}
    main_text = noise_pool(files)
    pool = sorted(main_text)
    side_pool = rng.sample(pool, 10)   # edited on the side branch only, so the merge needs no content merge
    main_pool = sorted(set(pool) - set(side_pool))
    existing = {".py": [p for p in main_pool if p.startswith("django/") and p.endswith(".py")],
                ".txt": [p for p in main_pool if p.startswith("docs/") and p.endswith(".txt")]}
    kinds = [KINDS[n % len(KINDS)] for n in range(n_secrets)]
    steps = schedule(commits, n_secrets, rng, [n for n, k in enumerate(kinds) if not k.where.startswith("existing")])

    planted: dict[int, Planted] = {}
    side_text: dict[str, str] = {}
    tips = {"main": 0, "side": 0}
    marks = repo / ".git" / "bench-marks"
    proc = subprocess.Popen(["git", "-C", str(repo), "fast-import", "--quiet", f"--export-marks={marks}"],
                            stdin=subprocess.PIPE)
    w = Writer(proc.stdin)
    try:
        tips["main"] = w.commit("main", f"Import Django {sdist_root.name}\n", [],
                                {path: data for path, data, _ in files}, modes)
        for step in steps:
            mark = w.mark + 1   # of the commit written below
            text = main_text if step.branch == "main" else side_text
            if step.branch == "side" and not tips["side"]:
                tips["side"] = tips["main"]
                side_text.update({p: main_text[p] for p in side_pool})
            parents = [tips[step.branch]]
            if step.action == "noise":
                targets = rng.sample(main_pool if step.branch == "main" else side_pool, rng.randint(1, 3))
                changes = {p: noise_edit(text[p], p, mark, rng) for p in targets}
                message = f"Edit {', '.join(targets)}\n"
            elif step.action == "plant":
                kind = kinds[step.secret]
                value, lines = kind.make(fakes)
                block = "\n".join(lines) + "\n"
                if kind.where.startswith("existing "):
                    path = rng.choice([p for p in existing[kind.where.split()[1]]
                                       if all(s.path != p for s in planted.values())])
                    before = text[path] if text[path].endswith("\n") else text[path] + "\n"
                else:
                    path = kind.where.format(i=step.secret)
                    before = "".join(h + "\n" for h in kind.header)
                    modes[path] = "100755" if path.endswith(".sh") else "100644"
                changes = {path: before + block + "".join(f + "\n" for f in kind.footer)}
                message = f"Configure {path}\n"
                planted[step.secret] = Planted(
                    step.secret, kind.name, kind.rule, path, before.count("\n") + 1, value, block, step.branch,
                    not kind.where.startswith("existing "), added_mark=mark)
            elif step.action == "remove":
                p = planted[step.secret]
                if p.rule == "SEC002" and p.new_file:   # a key file goes; other secrets lose their lines
                    changes = {p.path: None}
                else:
                    assert text[p.path].count(p.text) == 1, f"planted text of {p.path} not found once"
                    changes = {p.path: text[p.path].replace(p.text, "", 1)}
                p.removed_mark = mark
                message = f"Remove credentials from {p.path}\n"
            else:  # merge: the side branch's files, as they are at its tip
                parents.append(tips["side"])
                changes = dict(side_text)
                message = "Merge branch 'side'\n"
            tips[step.branch] = w.commit(step.branch, message, parents, changes, modes)
            for path, content in changes.items():
                if content is None:
                    del text[path]
                else:
                    text[path] = content
    finally:
        proc.stdin.close()
        if proc.wait() != 0:
            raise SystemExit(f"git fast-import failed (exit code {proc.returncode})")

    ids = {}
    for row in marks.read_text().splitlines():
        m, sha = row.split()
        ids[int(m.lstrip(":"))] = sha
    marks.unlink()
    for p in planted.values():
        p.added_commit = ids[p.added_mark]
        p.removed_commit = ids[p.removed_mark] if p.removed_mark else None
    return [planted[n] for n in sorted(planted)]


def git(repo: Path, *args: str) -> str:
    """Runs a git command in ``repo``; its output."""
    r = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed: {r.stderr.strip()}")
    return r.stdout


def prepare_repo(cache: Path, sdist_root: Path, commits: int, n_secrets: int, seed: int) -> tuple[Path, list[Planted], dict]:
    """The cached repository for these parameters, built when missing or made with others."""
    repo = cache / "history-bench" / f"repo-{commits}-{seed}"
    marker = repo / ".git" / "pyward-bench.json"
    params = {"format": REPO_FORMAT, "sdist": sdist_root.name, "commits": commits, "secrets": n_secrets, "seed": seed}
    try:
        saved = json.loads(marker.read_text())
    except (OSError, ValueError):
        saved = None
    if saved is None or saved.get("params") != params:
        if repo.exists():
            shutil.rmtree(repo)
        repo.mkdir(parents=True)
        log(f"building {repo} ({commits + 1} commits, {n_secrets} secrets planted)")
        t0 = time.perf_counter()
        git(repo, "init", "-q", "--initial-branch=main")
        planted = build_repo(repo, sdist_root, commits, n_secrets, seed)
        git(repo, "repack", "-a", "-d", "-f", "-q")
        git(repo, "reset", "-q", "--hard")
        stats = {"commits": int(git(repo, "rev-list", "--count", "HEAD")),
                 "merges": int(git(repo, "rev-list", "--count", "--merges", "HEAD")),
                 "head_files": len(git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines()),
                 "build_s": round(time.perf_counter() - t0, 1)}
        saved = {"params": params, "stats": stats, "planted": [asdict(p) for p in planted]}
        marker.write_text(json.dumps(saved, indent=1) + "\n")
        log(f"built in {stats['build_s']} s")
    planted = [Planted(**p) for p in saved["planted"]]
    return repo, planted, saved["stats"]


# --------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------

def ensure_trufflehog(base: Path, no_install: bool) -> tuple[list[str], str]:
    """truffleHog's argv prefix and version, from its virtualenv under ``base``."""
    venv = base / "trufflehog-venv"
    exe, python = venv / "bin" / "trufflehog", venv / "bin" / "python"

    def version() -> str | None:
        if not python.is_file():
            return None
        r = subprocess.run([str(python), "-c", "import importlib.metadata as m; print(m.version('truffleHog'))"],
                           capture_output=True, text=True, check=False)
        return r.stdout.strip() if r.returncode == 0 else None

    if version() != TRUFFLEHOG_VERSION and not no_install:
        log(f"installing truffleHog=={TRUFFLEHOG_VERSION} in {venv}")
        for cmd in ([sys.executable, "-m", "venv", "--clear", str(venv)],
                    [str(python), "-m", "pip", "install", "-q", f"truffleHog=={TRUFFLEHOG_VERSION}"]):
            r = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if r.returncode != 0:
                raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stdout}{r.stderr}")
    found = version()
    if found and exe.is_file():
        return [str(exe)], found
    if shutil.which("trufflehog"):
        return [shutil.which("trufflehog")], "? (on PATH)"  # type: ignore[list-item]
    raise SystemExit("truffleHog is not installed (and --no-install was given)")


def pyward_version(pyward: str) -> str:
    """What ``pyward --version`` says."""
    r = subprocess.run([pyward, "--version"], capture_output=True, text=True, check=False)
    return r.stdout.strip() or "?"


def run_timed(argv: list[str], cwd: Path, out_path: Path, timeout: float | None, use_time: bool,
              env: dict[str, str] | None = None) -> dict:
    """Runs argv once from cwd, its output to out_path, killed (with its
    children) after ``timeout`` seconds; wall time, peak RSS (MiB), exit code,
    whether it timed out, the end of its stderr."""
    tfile = None
    if use_time:
        fd, tfile = tempfile.mkstemp(prefix="history-bench-time-")
        os.close(fd)
        argv = [GNU_TIME, "-f", "%e %M", "-o", tfile, *argv]
    killed = threading.Event()

    def kill(pid: int) -> None:
        killed.set()
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    try:
        with open(out_path, "wb") as out, tempfile.TemporaryFile() as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    start_new_session=True)
            timer = threading.Timer(timeout, kill, (proc.pid,)) if timeout else None
            if timer:
                timer.start()
            _, status, rusage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - t0
            if timer:
                timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
        rss_mb = rusage.ru_maxrss / 1024
        if tfile:
            m = re.search(r"([\d.]+) (\d+)\s*$", Path(tfile).read_text())
            if m:
                rss_mb = int(m.group(2)) / 1024
    finally:
        if tfile:
            os.unlink(tfile)
    return {"wall_s": wall, "peak_rss_mb": rss_mb, "exit_code": proc.returncode, "timed_out": killed.is_set(),
            "stderr_tail": stderr[-1500:]}


@dataclass
class Finding:
    path: str
    commit: str | None
    what: str                                        # pyward's rule, truffleHog's reason
    line: int | None = None                          # pyward only
    strings: list[str] = field(default_factory=list)  # truffleHog's stringsFound


def parse_pyward(path: Path) -> tuple[list[Finding], dict]:
    """pyward's secrets findings (not its E errors) and its git_history summary."""
    data = json.loads(path.read_text())
    findings = [Finding(f["path"].removeprefix("./"), (f.get("commit") or {}).get("id"), f["rule"], int(f["line"]))
                for f in data["findings"] if not f["rule"].startswith("E")]
    history = data.get("git_history") or [{}]
    return findings, history[0]


def parse_trufflehog(path: Path) -> list[Finding]:
    """truffleHog's JSON lines (a line cut short by a kill is left out)."""
    out = []
    for row in path.read_text(errors="replace").splitlines():
        try:
            f = json.loads(row)
        except ValueError:
            continue
        out.append(Finding(f["path"], f.get("commitHash"), f.get("reason", "?"), strings=list(f["stringsFound"])))
    return out


def run_tools(pyward: str, th: list[str], repo: Path, runs: int, timeout: float, use_time: bool,
              scratch: Path) -> dict[str, dict]:
    """Runs pyward and truffleHog in turn, ``runs`` times (truffleHog once when slow)."""
    th_env = {**os.environ, "PYTHONUNBUFFERED": "1", "TMPDIR": str(scratch / "tmp"), "GIT_TERMINAL_PROMPT": "0"}
    plan = {
        "pyward": ([pyward, "scan", ".", "--git-history", "--select", "SEC", "--format", "json", "--offline",
                    "--exit-zero", "--no-progress"], None, {0}),
        "truffleHog": ([*th, "--json", "--regex", "--entropy=False", "--branch", "main", "--max_depth", "1000000",
                        "--cleanup", f"file://{repo}"], th_env, {0, 1}),   # it exits 1 when it finds something
    }
    res = {name: {"name": name, "command": " ".join(argv), "samples": [], "findings": None}
           for name, (argv, _, _) in plan.items()}
    for i in range(runs):
        for name, (argv, env, ok) in plan.items():
            r = res[name]
            slow = name == "truffleHog" and any(s["wall_s"] > SLOW_TOOL_S for s in r["samples"])
            if "error" in r or r.get("timed_out") or slow:
                continue   # failed, killed, or too slow to run again
            if i == 0:
                log(f"$ (cd {repo} && {' '.join(argv)})")
            out = scratch / f"{name}-{i}.out"
            if env:  # truffleHog's clone and issue files go there, removed after the run (even when killed)
                (scratch / "tmp").mkdir()
            try:
                s = run_timed(argv, repo, out, timeout if name == "truffleHog" else None, use_time, env)
            except OSError as e:
                r["error"] = f"could not start: {e}"
                continue
            finally:
                if env:
                    shutil.rmtree(scratch / "tmp", ignore_errors=True)
            if s["timed_out"]:
                r["timed_out"] = True
            elif s["exit_code"] not in ok or "Traceback (most recent call last)" in s["stderr_tail"]:
                r["error"] = f"exit code {s['exit_code']}: {s['stderr_tail'].strip()[-800:]}"
                continue
            try:
                if name == "pyward":
                    found, r["history"] = parse_pyward(out)
                else:
                    found = parse_trufflehog(out)
            except (OSError, ValueError, KeyError, TypeError) as e:
                r["error"] = f"unreadable output ({e}); stderr: {s['stderr_tail'].strip()[-400:]}"
                continue
            if r["findings"] is None:
                r["findings"] = found
            r["samples"].append({k: v for k, v in s.items() if k != "stderr_tail"})
            log(f"{name} run {i + 1}: {s['wall_s']:.3f} s, {s['peak_rss_mb']:.1f} MB, {len(found)} findings"
                + (f" (killed after {timeout:g} s)" if s["timed_out"] else ""))
    for r in res.values():
        if r["samples"]:
            r["median_wall_s"] = statistics.median(s["wall_s"] for s in r["samples"])
            r["peak_rss_mb"] = max(s["peak_rss_mb"] for s in r["samples"])
        if "error" in r:
            log(f"{r['name']} FAILED: {r['error']}")
    return res


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------

def pyward_matches(f: Finding, p: Planted) -> bool:
    """Same path, and the commit that added the secret."""
    return f.path == p.path and f.commit == p.added_commit


def trufflehog_matches(f: Finding, p: Planted) -> bool:
    """Same path, and a string found that is part of the planted text or holds the value."""
    return f.path == p.path and any(
        len(s.strip()) >= 8 and (s.strip() in p.text or p.value in s) for s in f.strings)


def detection(findings: list[Finding], planted: list[Planted], matches) -> dict:
    """Planted secrets found and missed; findings on files where nothing was planted, by file."""
    found, missed, at_commit = [], [], []
    for p in planted:
        hits = [f for f in findings if matches(f, p)]
        (found if hits else missed).append(p)
        if any(f.commit == p.added_commit for f in hits):
            at_commit.append(p)
    planted_paths = {p.path for p in planted}
    outside = Counter(f.path for f in findings if f.path not in planted_paths)
    return {"found": found, "missed": missed, "at_commit": at_commit, "outside": outside}


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def fmt_s(v: float | None) -> str:
    return "n/a" if v is None else (f"{v:.3f} s" if v < 10 else f"{v:.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pyward", default=str(REPO_ROOT / "target" / "release" / "pyward"),
                    help="the pyward binary (default target/release/pyward)")
    ap.add_argument("--commits", type=int, default=5000, help="commits after the first (default 5000)")
    ap.add_argument("--secrets", type=int, default=40, help="fake secrets planted (default 40)")
    ap.add_argument("--seed", type=int, default=SEED, help="seed of the history and of the planted secrets")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each tool; the median counts (default 3)")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds after which truffleHog is killed (default 900)")
    ap.add_argument("--cache-dir", default=str(REPO_ROOT / "target" / "bench"),
                    help="downloads, the sdist, the repository, truffleHog's venv (default target/bench)")
    ap.add_argument("--django-version", default=DJANGO_VERSION)
    ap.add_argument("--no-install", action="store_true", help="do not install truffleHog")
    ap.add_argument("--no-gnu-time", action="store_true", help="peak RSS from os.wait4 instead of /usr/bin/time")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = ap.parse_args()
    if args.secrets < 4 or args.commits < 4 * args.secrets + 3 * SIDE_COMMITS:
        ap.error(f"need --secrets >= 4 and --commits >= 4 * secrets + {3 * SIDE_COMMITS}")

    cache = Path(args.cache_dir).resolve()
    base = cache / "history-bench"
    base.mkdir(parents=True, exist_ok=True)
    pyward = str(Path(args.pyward).resolve()) if os.sep in args.pyward else (shutil.which(args.pyward) or args.pyward)
    if not (os.path.isfile(pyward) and os.access(pyward, os.X_OK)):
        print(f"ERROR: pyward binary {pyward} not found or not executable (cargo build --release)")
        return 1
    th, th_version = ensure_trufflehog(base, args.no_install)

    package, version, note = prepare_corpus(cache, args.django_version)
    repo, planted, repo_stats = prepare_repo(cache, package.parent, args.commits, args.secrets, args.seed)
    warm_page_cache(repo / ".git")

    use_time = have_gnu_time() and not args.no_gnu_time
    runs = max(1, args.runs)
    with tempfile.TemporaryDirectory(prefix="history-bench-", dir=base) as tmp:
        res = run_tools(pyward, th, repo, runs, args.timeout, use_time, Path(tmp))
    pw, tr = res["pyward"], res["truffleHog"]

    failed_tools = [r["name"] for r in res.values() if r["findings"] is None or "error" in r]
    pw_det = detection(pw["findings"] or [], planted, pyward_matches)
    th_det = detection(tr["findings"] or [], planted, trufflehog_matches)
    pw_found = {p.number for p in pw_det["found"]}
    th_not_pw = [p for p in th_det["found"] if p.number not in pw_found]
    pw_t, th_t = pw.get("median_wall_s"), tr.get("median_wall_s")
    th_timed_out = bool(tr.get("timed_out"))
    speedup = th_t / pw_t if th_t and pw_t else None
    speed = "n/a" if speedup is None else f"{'> ' if th_timed_out else ''}{speedup:.1f}x"
    history = pw.get("history") or {}

    def status(ok: bool) -> str:
        return "N/A" if failed_tools else ("PASS" if ok else "FAIL")

    total = len(planted)
    targets = [
        {"target": f"pyward reads the {repo_stats['commits']}-commit history in under {TIME_TARGET_S:g} s (median)",
         "value": fmt_s(pw_t), "status": status(pw_t is not None and pw_t < TIME_TARGET_S)},
        {"target": "pyward finds every planted secret that truffleHog finds"
                   + (" (truffleHog timed out: what it found so far)" if th_timed_out else ""),
         "value": f"{len(th_not_pw)} missed", "status": status(not th_not_pw)},
        {"target": "pyward finds every planted secret at the commit that added it",
         "value": f"{len(pw_det['found'])}/{total}", "status": status(len(pw_det["found"]) == total)},
        {"target": "pyward faster than truffleHog", "value": speed,
         "status": status(speedup is not None and speedup > 1.0)},
    ]

    # ---- report ----
    deleted = sum(not p.in_head for p in planted)
    print()
    print(f"Repository: {repo}")
    print(f"  django-{version} sdist + history: {repo_stats['commits']} commits reachable from HEAD "
          f"(pyward read {history.get('commits', 'n/a')}), {repo_stats['merges']} merge commit (of branch side);")
    print(f"  {repo_stats['head_files']} files in HEAD; {history.get('blobs', 'n/a')} distinct blobs read by pyward "
          f"({history.get('oversized', 'n/a')} oversized); built in {repo_stats['build_s']} s, once: cached")
    print(f"  {total} secrets planted: {deleted} deleted by HEAD, {total - deleted} still in HEAD, "
          f"{sum(p.branch == 'side' for p in planted)} on the side branch, "
          f"{sum(not p.new_file for p in planted)} in existing files")
    if note:
        print(f"Note: {note}")
    print(f"Machine: {platform.machine()} {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}")
    print(f"Versions: {pyward_version(pyward)}; truffleHog {th_version}")
    for r in res.values():
        if "error" in r:
            print(f"ERROR: {r['name']} failed: {r['error']}")
    print()
    print("Planted secrets found (pyward: path and adding commit; truffleHog: path and the secret in stringsFound):")
    for name, det in (("pyward", pw_det), ("truffleHog", th_det)):
        print(f"  {name:<11} {len(det['found']):>3}/{total}   ({len(det['at_commit'])} reported at the adding commit)")
        for p in det["missed"]:
            state = "deleted" if not p.in_head else "in HEAD"
            print(f"      missed  {p.path}:{p.line}  {p.kind} ({p.rule}), {p.branch}, {state}, "
                  f"added in {p.added_commit[:10]}")
    print(f"  found by truffleHog, missed by pyward: {len(th_not_pw)}")
    for p in th_not_pw:
        print(f"      {p.path}:{p.line}  {p.kind} ({p.rule})")
    print()
    print("Findings on files where nothing was planted (Django's own: presumably false alarms), top files:")
    for name, det in (("pyward", pw_det), ("truffleHog", th_det)):
        out = det["outside"]
        print(f"  {name}: {sum(out.values())} findings in {len(out)} files")
        for path, n in out.most_common(10):
            print(f"    {n:>5}  {path}")
    print()
    print("Wall time (median) and peak RSS:")
    for name, r in res.items():
        rss = r.get("peak_rss_mb")
        extra = f", killed after {args.timeout:g} s" if r.get("timed_out") else ""
        print(f"  {name:<11} {fmt_s(r.get('median_wall_s')):>10}  {'n/a' if rss is None else f'{rss:.0f} MB':>8}"
              f"  ({len(r['samples'])} run{'s' if len(r['samples']) != 1 else ''}{extra})")
    print(f"  truffleHog / pyward: {speed}")
    print()
    print("Targets:")
    for t in targets:
        print(f"  [{t['status']}] {t['target']}: {t['value']}")

    result = {
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
        "repository": {"path": str(repo), "django_version": version, "commits_option": args.commits,
                       "seed": args.seed, **repo_stats, "pyward_git_history": history},
        "note": note,
        "versions": {"pyward": pyward_version(pyward), "truffleHog": th_version},
        "runs": runs,
        "timeout_s": args.timeout,
        "planted": [asdict(p) | {"in_head": p.in_head} for p in planted],
        "tools": {
            name: {
                "command": r["command"],
                "median_wall_s": r.get("median_wall_s"),
                "peak_rss_mb": r.get("peak_rss_mb"),
                "samples": r["samples"],
                "timed_out": bool(r.get("timed_out")),
                "error": r.get("error"),
                "findings_total": len(r["findings"] or []),
                "planted_found": len(det["found"]),
                "planted_found_at_adding_commit": len(det["at_commit"]),
                "planted_missed": [p.number for p in det["missed"]],
                "outside_planted": sum(det["outside"].values()),
                "outside_planted_by_file": dict(det["outside"].most_common()),
            }
            for (name, r), det in zip(res.items(), (pw_det, th_det))
        },
        "found_by_trufflehog_missed_by_pyward": [p.number for p in th_not_pw],
        "speedup": speedup,
        "speedup_is_lower_bound": th_timed_out,
        "targets": targets,
    }
    (cache / "history-bench-results.json").write_text(json.dumps(result, indent=2) + "\n")
    if args.json:
        print()
        print(json.dumps(result, indent=2))
    ok = not failed_tools and all(t["status"] == "PASS" for t in targets)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
