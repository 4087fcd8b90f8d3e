"""Pre-compressed siblings: `x.gz` (gzip, level 9) and `x.br` (Brotli, quality 11) next to
every text file of the built site, for servers that send them as they are (nginx's
gzip_static and brotli_static) instead of compressing each response.

Brotli at its best quality is slow (half a minute for the whole site), so each result is
kept in a cache folder under the hash of the input: a build recompresses only what
changed. An entry no build has used for CACHE_DAYS days is removed (several sites, such
as the tests' small ones, share the folder, so "unused by this build" is not enough).
The siblings are byte-for-byte reproducible (no time stamp in the gzip header).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time
from pathlib import Path

import brotli

from .policy import COMPRESSED_SUFFIXES

CACHE_DAYS = 30


def _brotli(data: bytes, cache_dir: Path | None) -> bytes:
    if cache_dir is None:
        return brotli.compress(data, quality=11)
    cached = cache_dir / (hashlib.sha256(data).hexdigest() + ".br")
    if cached.exists():
        os.utime(cached)  # used: kept for another CACHE_DAYS
        return cached.read_bytes()
    out = brotli.compress(data, quality=11)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(out)
    partial.replace(cached)  # never a half-written cache entry, even with two builds at once
    return out


def compressible(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*") if p.suffix in COMPRESSED_SUFFIXES and p.is_file())


def write_siblings(site_dir: Path, cache_dir: Path | None = None) -> int:
    """Write `.gz` and `.br` next to every compressible file; the number of files."""
    files = compressible(site_dir)
    for path in files:
        data = path.read_bytes()
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(_brotli(data, cache_dir))
    if cache_dir is not None and cache_dir.exists():
        prune(cache_dir, time.time() - CACHE_DAYS * 86400)
    return len(files)


def prune(cache_dir: Path, before: float) -> None:
    for entry in cache_dir.glob("*.br"):
        if entry.stat().st_mtime < before:
            entry.unlink(missing_ok=True)
