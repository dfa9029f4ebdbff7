"""Inputs given as fsspec URLs: `s3://bucket/crawl/*.warc.gz`, `gs://…`, `file:///data/crawl/`, `memory://…`.

A URL names a file, a folder (walked recursively, in sorted order, as a local folder is) or a glob. The
files are listed here (metadata only); each is read by `read_url`, in the process that reads it: this
process for a local run, a Dask worker with `--executor dask`, so the pages of a crawl on shared storage go
from the storage to the worker that cleans them. A file on a local filesystem (`file://`) is read in place; a
remote one is copied to a temporary file first and read with the same readers as a local one (a WARC or
JSON Lines file is streamed from there, its memory bounded as a local file's). The articles' `input_path`
is the file's URL, so a resumed run finds the inputs it finished whatever machine read them.

fsspec comes with Dask (teken's `dask` extra); a protocol needs its own library (s3fs for s3://, gcsfs for
gs://), which fsspec names when it is missing.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from teken.corpus.settings import ReadSettings, describe_bytes

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_GLOB = re.compile(r"[*?\[]")


class InputError(ValueError):
    """A URL input that cannot be used, in one line (the command line turns it into a usage error)."""


def is_url(item: object) -> bool:
    """Whether an input is a URL (`scheme://…`) rather than a local path."""
    return isinstance(item, str) and bool(_URL.match(item))


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError(f"input {url} is a URL, and reading URLs needs fsspec, which is not installed: "
                         "pip install fsspec (it comes with teken's dask extra)") from None
    try:
        return url_to_fs(url)
    except ImportError as err:  # fsspec knows the protocol, its library is missing ("Install s3fs to access S3")
        raise InputError(f"cannot read {url}: {err}") from None
    except ValueError as err:  # "Protocol not known: foo"
        raise InputError(f"cannot read {url}: {err}") from None


def _hidden(path: str) -> bool:
    return any(part.startswith(".") for part in PurePosixPath(path).parts[1:])


def expand_url(url: str, counts: dict[str, Counter[str]] | None = None) -> list[str]:
    """The files a URL names, as URLs in sorted order: itself, a folder's files, or a glob's matches.

    Like a local folder walk, a folder's (or glob's) hidden files and files that are plainly no article are
    passed over (counted in `counts["files"]`). Raises InputError when the URL names nothing."""
    from teken.corpus.readers import NOT_ARTICLE_SUFFIXES, _split_suffix

    fs, path = _filesystem(url)
    try:
        if _GLOB.search(path):
            found = sorted(fs.glob(path))
            named = False
        elif fs.isdir(path):
            found, named = [path], False
        elif fs.exists(path):
            return [url]
        else:
            raise InputError(f"input not found: {url}")
        files: list[str] = []
        for item in found:
            if fs.isdir(item):
                files.extend(p for p in sorted(fs.find(item)) if not _hidden(p[len(item.rstrip("/")):]))
            elif not PurePosixPath(item).name.startswith("."):
                files.append(item)
    except InputError:
        raise
    except Exception as err:  # a store that refuses (credentials, permissions) says so in one line
        raise InputError(f"cannot list {url}: {type(err).__name__}: {err}") from None
    out: list[str] = []
    for item in files:
        if not named and _split_suffix(Path(item))[0] in NOT_ARTICLE_SUFFIXES:
            if counts is not None:
                counts.setdefault("files", Counter())["not-article"] += 1
            continue
        out.append(fs.unstrip_protocol(item))
    if not out and not files:
        raise InputError(f"input not found: {url} (no file matches)")
    return out


def check_url(url: str) -> None:
    """A URL input that cannot be read (no such file, no match, protocol library missing) raises InputError."""
    expand_url(url)


def read_url(url: str, settings: ReadSettings, counts: dict[str, Counter[str]] | None = None) -> Iterator[Any]:
    """The documents of one file named by a URL (see the module's note); never raises for a bad file."""
    from teken.corpus.readers import _failed, _read_path, _split_suffix

    try:
        fs, path = _filesystem(url)
        local = type(fs).__name__ == "LocalFileSystem"
        info = None if local else fs.info(path)
    except FileNotFoundError:
        yield _failed(url, None, "file not found")
        return
    except Exception as err:
        yield _failed(url, None, f"cannot read file: {type(err).__name__}: {err}")
        return
    if local:
        for doc in _read_path(Path(path), settings, counts):
            doc.input_path = url
            yield doc
        return
    suffix, _ = _split_suffix(Path(path))
    size = (info or {}).get("size")
    streamed = suffix in (".warc", ".jsonl", ".ndjson")  # capped per record, not per file
    if not streamed and isinstance(size, int) and size > settings.max_file_bytes:
        yield _failed(url, None, f"file larger than {describe_bytes(settings.max_file_bytes)} cap "
                                 f"({describe_bytes(size)})")
        return
    with tempfile.TemporaryDirectory(prefix="teken-url-") as tmp:
        copy = Path(tmp) / (PurePosixPath(path).name or "input")
        try:
            fs.get_file(path, str(copy))
        except Exception as err:
            yield _failed(url, None, f"cannot read file: {type(err).__name__}: {err}")
            return
        for doc in _read_path(copy, settings, counts):
            doc.input_path = url
            yield doc
