"""The run's progress bar: what teken is doing during start-up, then articles with a total, percentage and ETA.

The total is counted before the run, cheaply and within a time budget: the folder walk the reader makes, one
article per HTML or text file, the non-blank lines of a JSONL file, the response and resource records of a
WARC file (gzipped ones decompressed as a stream). When the budget runs out (a crawl of many gigabytes), the
bar goes on without a total rather than delay the run. The bar's clock starts when the first article is
read, so its rate excludes start-up; the end summary gives both rates (`RunSummary.startup_seconds`).
tqdm.auto picks the notebook widget inside Jupyter and the text bar elsewhere.
"""

from __future__ import annotations

import gzip
import sys
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from teken.corpus.readers import (
    _JSONL_SUFFIXES,
    _WARC_SUFFIXES,
    NOT_ARTICLE_SUFFIXES,
    _split_suffix,
    _walk_sorted,
)

COUNT_BUDGET_SECONDS = 3.0
_BLOCK = 1 << 20
_WARC_DOC_TYPES = (b"WARC-Type: response", b"WARC-Type: resource")


class _OutOfTime(Exception):
    pass


def count_articles(paths: Iterable[str | Path], budget: float = COUNT_BUDGET_SECONDS) -> int | None:
    """How many articles the inputs hold, as `teken.corpus.readers.iter_documents` will read them, or None when
    counting would take longer than `budget` seconds. Exact for HTML, text and JSONL files; for WARC files
    the records that can hold a page (responses and resources: non-HTML responses among them are not read,
    so the bar may end short of its total and is then closed at the count reached)."""
    deadline = time.monotonic() + budget
    total = 0
    paths = list(paths)
    if any(isinstance(p, str) and "://" in p for p in paths):
        return None  # URL inputs (teken.corpus.remote): counting would read a remote crawl twice
    try:
        for given in paths:
            path = Path(given)
            if path.is_dir():
                for found in _walk_sorted(path):
                    if _split_suffix(found)[0] not in NOT_ARTICLE_SUFFIXES:
                        total += _count_file(found, deadline)
            else:
                total += _count_file(path, deadline)
    except _OutOfTime:
        return None
    return total


def _count_file(path: Path, deadline: float) -> int:
    if time.monotonic() > deadline:
        raise _OutOfTime
    suffix, gz = _split_suffix(path)
    if not path.is_file():
        return 1  # the reader gives it an error row
    try:
        if suffix in _JSONL_SUFFIXES:
            with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
                return max(1, _count_lines(fh, deadline))
        if suffix in _WARC_SUFFIXES:
            return max(1, _count_warc(path, gz, deadline))
    except (OSError, EOFError, zlib.error):
        return 1  # a broken file: the reader gives it one error row (or a few: the bar's total is a guide)
    return 1


def _count_lines(fh: Any, deadline: float) -> int:
    """Non-blank lines, read in blocks (a line may cross blocks; blank lines are skipped by the reader too)."""
    n, open_nonblank = 0, False
    while block := fh.read(_BLOCK):
        if time.monotonic() > deadline:
            raise _OutOfTime
        parts = block.split(b"\n")
        for part in parts[:-1]:
            n += open_nonblank or bool(part.strip())
            open_nonblank = False
        open_nonblank = open_nonblank or bool(parts[-1].strip())
    return n + open_nonblank


def _count_warc(path: Path, gz: bool, deadline: float) -> int:
    """Response and resource records; gzip.open reads a WARC.gz's members (one per record) as one stream."""
    n, carry = 0, b""
    keep = max(len(t) for t in _WARC_DOC_TYPES) - 1
    with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
        while block := fh.read(_BLOCK):
            if time.monotonic() > deadline:
                raise _OutOfTime
            data = carry + block
            n += sum(data.count(t) for t in _WARC_DOC_TYPES)
            carry = data[-keep:]  # too short to hold a whole marker, so nothing is counted twice
    return n


class Progress:
    """What the run is doing: a description during start-up, then articles read against the total."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar: Any = None
        self.started: float | None = None  # when the first article came through (the bar's clock)
        if enabled:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=None, unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5,
                            desc="teken: starting")

    def stage(self, what: str) -> None:
        """Say what start-up is doing ("loading the NLP pipeline", "counting the inputs")."""
        if self.bar is not None:
            self.bar.set_description_str(f"teken: {what}")
            self.bar.refresh()

    def start(self, total: int | None) -> None:
        """The articles begin: the total (None if unknown) and the bar's clock, so its rate excludes start-up."""
        self.started = time.perf_counter()
        if self.bar is not None:
            self.bar.reset(total=total)
            self.bar.set_description_str("teken run")

    def update(self, n: int, events: int, errors: int) -> None:
        if self.started is None:
            self.start(None)
        if self.bar is not None:
            self.bar.n = n
            self.bar.set_postfix(events=events, errors=errors, refresh=False)
            self.bar.update(0)

    def close(self, n: int, events: int, errors: int) -> None:
        if self.bar is not None:
            if self.bar.total is not None and n != self.bar.total:
                self.bar.total = n  # non-HTML WARC records were counted but not read: end at 100%
            self.bar.n = n
            self.bar.set_postfix(events=events, errors=errors, refresh=False)
            self.bar.refresh()
            self.bar.close()
