"""Readers: turn files and folders of scraped news (HTML, WARC, JSON Lines, text) into raw documents.

A reader never raises for a bad input. Whatever cannot be read becomes a `RawDocument` whose
`error` says why in words a user understands ("truncated gzip", "invalid JSON on line 3"), so
that the run records it in `articles` and carries on with the next input.

Memory stays bounded by `ReadSettings.max_file_bytes`: single files are read (and gunzipped) in
chunks and given up at the cap; JSON Lines and WARC files are streamed, the cap applying to each
line or record.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from teken.corpus.settings import DEFAULT_SETTINGS, ReadSettings, describe_bytes
from teken.corpus.urls import normalise_url, url_key

_CHUNK = 1 << 20

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_TEXT_SUFFIXES = (".txt",)
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_WARC_SUFFIXES = (".warc",)

# A document that opens with markup (after a BOM, blanks and comments) is HTML whatever its name.
_MARKUP_RE = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<\s*(!doctype\s+html|html|head|body|meta|title|div|article|p)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class RawDocument:
    """One article as a container holds it, before any cleaning."""

    input_path: str  # the file it came from, as given or found in a folder walk
    input_record: int | None  # 1-based line in JSONL, record number in WARC, None for single files
    kind: str  # "html" | "text"
    content: bytes | str | None  # HTML bytes (or str, from JSONL) or the text
    meta: dict[str, Any] = field(default_factory=dict)  # id, url, published, title, charset, crawled
    error: str | None = None  # why it could not be read; content is None then


class _Unreadable(Exception):
    """A reason, in words, why a file or part of it cannot be read."""


def iter_documents(
    paths: Iterable[str | Path], settings: ReadSettings = DEFAULT_SETTINGS,
    passed_over: dict[str, Counter[str]] | None = None, unique_ids: bool = True,
) -> Iterator[RawDocument]:
    """Every article in files or folders (any mix); folders are walked recursively in sorted order.

    The format follows the file name: .html/.htm (also .gz), .warc/.warc.gz, .jsonl/.jsonl.gz,
    .txt/.txt.gz. A file with another name is read as HTML when it looks like markup, else it
    gives an "unsupported file type" row. Hidden files and folders met in a folder walk are
    skipped, and so are files that are plainly no article (README.md, a .csv of URLs, images,
    scripts: `NOT_ARTICLE_SUFFIXES`) — a scrape folder holds such files beside the pages; a file
    named explicitly is always read.

    What is passed over without a document is counted in `passed_over` when given (the run's manifest
    "skipped"): `passed_over["warc"]` by reason (`WARC_SKIPS`), `passed_over["files"]` ("not-article" for a
    file a folder walk leaves out, "teken-dataset" for a dataset teken wrote inside an input folder).

    An input given as a URL (`s3://bucket/crawl/*.warc.gz`, `file:///data/crawl/`) is read through fsspec
    (teken.corpus.remote). `unique_ids=False` leaves ids unqualified: a Dask worker reading part of the inputs
    does not know the others, and the run qualifies them in input order (`_UniqueIds.check_keys`).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path given bare, not a string to iterate letter by letter
    counts: dict[str, Counter[str]] = passed_over if passed_over is not None else {}
    ids = _UniqueIds()
    check = ids.check if unique_ids else (lambda doc: doc)
    for item in input_files(paths, counts):
        if isinstance(item, str):
            from teken.corpus.remote import read_url

            yield from map(check, read_url(item, settings, counts))
        else:
            yield from map(check, _read_path(item, settings, counts))


def input_files(paths: Iterable[str | Path], counts: dict[str, Counter[str]]) -> Iterator[str | Path]:
    """The files of the inputs in the order they are read: a URL input's files as URL strings (expanded by
    teken.corpus.remote), a local file as its Path, a folder walked recursively in sorted order (hidden files,
    teken datasets and files that are plainly no article passed over and counted in `counts`)."""
    for given in paths:
        if isinstance(given, str) and _URL_INPUT.match(given):
            from teken.corpus.remote import expand_url

            yield from expand_url(given, counts)
            continue
        path = Path(given)
        if path.is_dir():
            for found in _walk_sorted(path, counts):
                if _split_suffix(found)[0] in NOT_ARTICLE_SUFFIXES:
                    counts.setdefault("files", Counter())["not-article"] += 1
                    continue
                yield found
        else:
            yield path


_URL_INPUT = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class _UniqueIds:
    """Ids are unique in a dataset: an article whose id would repeat an earlier one's is qualified by its
    file (and by its line or record when the repeat is within one file), and a note says so.

    An article's id is its input `id`, else a hash of its URL, else of its content (corpus.clean). A
    repeat is known here by the same input `id`; without one, by the same URL after normalisation
    (corpus.urls.url_key: the WARC or JSONL one, or the page's own canonical or og:url link) or the same bytes. The first article keeps its id, so a
    dataset without repeats has the ids it always had; corpus.clean appends `meta["id_qualifier"]`.
    """

    def __init__(self) -> None:
        self.first: dict[str, str] = {}  # "id:"/"url:"/"sha:" key -> the input_path that brought it first
        self.qualifiers: set[str] = set()

    def check(self, doc: RawDocument) -> RawDocument:
        found = self.check_keys(_identity_keys(doc), doc.input_path, doc.input_record)
        if found is not None:
            doc.meta["id_qualifier"] = found[0]
            add_note(doc, found[1])
        return doc

    def check_keys(self, keys: list[str], input_path: str, input_record: int | None) -> tuple[str, str] | None:
        """The qualifier and note of a document with these identity keys (None when its id is the first)."""
        seen = next(((k, self.first[k]) for k in keys if k in self.first), None)
        for k in keys:
            self.first.setdefault(k, input_path)
        if seen is None:
            return None
        key, first = seen
        qualifier = f"@{input_path}"
        if first == input_path or qualifier in self.qualifiers:
            qualifier += f"#{input_record}"
        n, base = 2, qualifier
        while qualifier in self.qualifiers:  # the same file read twice: still never one id for two rows
            qualifier, n = f"{base}~{n}", n + 1
        self.qualifiers.add(qualifier)
        kind, _, value = key.partition(":")
        if kind == "url":
            value = normalise_url("https://" + value) or value  # as the articles' url column shows it
        what = {"id": f"id {value!r}", "url": f"URL {value}", "sha": "the same content"}[kind]
        where = "earlier in this file" if first == input_path else f"in {first}"
        return qualifier, f"{what} also {where}: article_id qualified with {qualifier!r}"


_CANONICAL = re.compile(
    rb"""<link\b[^>]{0,300}?\brel\s*=\s*["']?canonical\b[^>]{0,300}>"""
    rb"""|<meta\b[^>]{0,300}?\bproperty\s*=\s*["']?og:url\b[^>]{0,300}>""",
    re.IGNORECASE,
)
_LINK_TARGET = re.compile(rb"""\b(?:href|content)\s*=\s*["']?\s*(https?://[^"'\s>]+)""", re.IGNORECASE)


def _identity_keys(doc: RawDocument) -> list[str]:
    """What makes two documents the same article as far as their ids go (see `_UniqueIds`)."""
    own = doc.meta.get("id")
    if own:
        return ["id:" + str(own)]
    url = doc.meta.get("url")
    if isinstance(url, str) and url.strip():
        return ["url:" + (url_key(url) or url.strip())]
    content = doc.content
    if not isinstance(content, (bytes, str)) or not content:
        return []
    raw = content if isinstance(content, bytes) else content.encode("utf-8", "replace")
    keys = ["sha:" + hashlib.sha1(raw).hexdigest()]
    if doc.kind == "html":
        for tag in _CANONICAL.finditer(raw[:65536]):
            target = _LINK_TARGET.search(tag.group(0))
            if target:
                link = target.group(1).decode("utf-8", "replace")
                keys.append("url:" + (url_key(link) or link.strip()))
    return keys


def add_note(doc: RawDocument, note: str) -> None:
    """Something a reader changed or noticed about a readable document (the `notes` column)."""
    doc.meta.setdefault("notes", []).append(note)


_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_text(value: str) -> tuple[str, int]:
    """The text with every unpaired surrogate (a "\\ud800" escape in JSON, which no encoder can write)
    replaced by U+FFFD, and how many there were."""
    return _SURROGATE.subn("\ufffd", value)


def display_path(path: Path) -> str:
    """A path as text that can be written anywhere: bytes of a file name that are not UTF-8 are shown
    as \\xNN instead of the lone surrogates Python decodes them to."""
    shown = str(path)
    if _SURROGATE.search(shown):
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
    return shown


# Files that a folder walk passes over: documentation, data, code and media beside scraped pages.
NOT_ARTICLE_SUFFIXES = frozenset({
    ".md", ".rst", ".csv", ".tsv", ".json", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".py", ".ipynb", ".sh",
    ".log", ".parquet", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".css", ".js", ".pdf",
    ".zip", ".pkl",
})


def is_teken_dataset(folder: Path) -> bool:
    """Whether `folder` holds a dataset teken wrote (its manifest.json names teken's version)."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "teken_version" in manifest


def _walk_sorted(folder: Path, counts: dict[str, Counter[str]] | None = None) -> Iterator[Path]:
    """Files under `folder` in the order of their sorted paths, lazily (a folder may hold millions).

    A dataset teken wrote inside an input folder (an earlier `--out` there) is output, not scraped pages:
    it is passed over, so a later run does not read its own `events.jsonl` as articles.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield folder  # reading it then gives the error row
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            if not is_teken_dataset(path):
                yield from _walk_sorted(path, counts)
            elif counts is not None:
                counts.setdefault("files", Counter())["teken-dataset"] += 1
        else:
            yield path


def _split_suffix(path: Path) -> tuple[str, bool]:
    """The format suffix and whether the file is gzipped: "x.html.gz" -> (".html", True)."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return os.path.splitext(name)[1], gz


def _read_path(path: Path, settings: ReadSettings,
               counts: dict[str, Counter[str]] | None = None) -> Iterator[RawDocument]:
    shown = display_path(path)
    if not path.exists():
        yield _failed(shown, None, "file not found")
        return
    if path.is_dir():
        yield _failed(shown, None, "cannot read folder")
        return
    if not path.is_file():
        yield _failed(shown, None, "not a regular file")
        return
    suffix, gz = _split_suffix(path)
    try:
        if suffix in _WARC_SUFFIXES:
            yield from _read_warc(path, settings, counts)
        elif suffix in _JSONL_SUFFIXES:
            yield from _read_jsonl(path, gz, settings)
        elif suffix in _HTML_SUFFIXES:
            yield _read_single(path, gz, "html", settings)
        elif suffix in _TEXT_SUFFIXES:
            yield _read_single(path, gz, "text", settings)
        else:
            yield _read_single(path, gz, None, settings)
    except Exception as exc:
        yield _failed(shown, None, f"cannot read file: {type(exc).__name__}: {exc}")


def _failed(input_path: str, record: int | None, reason: str, meta: dict[str, Any] | None = None,
            kind: str = "html") -> RawDocument:
    return RawDocument(input_path, record, kind, None, meta or {}, error=reason)


# ----------------------------------------------------------------------------- single files


def _read_single(path: Path, gz: bool, kind: str | None, settings: ReadSettings) -> RawDocument:
    shown = display_path(path)
    try:
        data = read_capped(path, gz, settings.max_file_bytes)
        if not gz and data[:2] == b"\x1f\x8b":
            # A gzipped body saved under a plain name, as some crawlers store responses.
            data = read_capped(path, True, settings.max_file_bytes)
    except _Unreadable as why:
        return _failed(shown, None, str(why), kind=kind or "html")
    problem = content_problem(data)
    if problem:
        return _failed(shown, None, problem, kind=kind or "html")
    if kind is None:
        if not _MARKUP_RE.match(data[:4096]):
            shown_suffix = "".join(path.suffixes[-2:]) or "no extension"
            return _failed(shown, None, f"unsupported file type ({shown_suffix})")
        kind = "html"
    if kind == "text":
        return RawDocument(shown, None, "text", decode_bytes(data), {})
    return RawDocument(shown, None, "html", data, {})


def read_capped(path: Path, gz: bool, cap: int) -> bytes:
    """The bytes of a file (gunzipped when `gz`), never holding more than `cap` + one chunk."""
    try:
        if not gz:
            size = path.stat().st_size
            if size > cap:
                raise _Unreadable(f"file larger than {describe_bytes(cap)} cap ({describe_bytes(size)})")
            return path.read_bytes()
        with gzip.open(path, "rb") as fh:
            return _read_stream_capped(fh, cap, "file larger than {cap} cap when decompressed")  # type: ignore[arg-type]
    except _Unreadable:
        raise
    except EOFError:
        raise _Unreadable("truncated gzip") from None
    except gzip.BadGzipFile:
        raise _Unreadable("not a gzip file (bad header)") from None
    except zlib.error:
        raise _Unreadable("corrupt gzip data") from None
    except PermissionError:
        raise _Unreadable("cannot read file: permission denied") from None
    except OSError as exc:
        raise _Unreadable(f"cannot read file: {exc.strerror or exc}") from None


def _read_stream_capped(fh: IO[bytes], cap: int, message: str) -> bytes:
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = fh.read(min(_CHUNK, cap + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > cap:
            raise _Unreadable(message.format(cap=describe_bytes(cap)))


def content_problem(data: bytes | str) -> str | None:
    """Why these bytes cannot be an article at all (empty, whitespace, binary), or None."""
    if not data:
        return "empty file"
    head = data[:8192]
    if isinstance(head, str):
        return "empty file (whitespace only)" if not data.strip() else None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark: NUL bytes are expected
    if not data.strip():
        return "empty file (whitespace only)"
    if looks_binary(head):
        return "binary content, not text"
    return None


# Every byte but the control characters that mark binary content (tab, newlines, form feed and escape are text).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))


def looks_binary(head: bytes) -> bool:
    """True for bytes no text editor would show as text: NULs or many control characters."""
    if b"\x00" in head:
        return True
    # Counted in C (what is left once the other bytes are deleted): a Python loop over the bytes cost ~0.8 ms a
    # page, as much as the rest of reading it.
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls > max(8, len(head) // 50)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: BOM, else the declared charset or UTF-8, else windows-1252.

    windows-1252 is the last resort because it maps (almost) every byte, and a page that is not
    UTF-8 and says nothing is, in practice, a Windows-authored Latin page; ISO-8859-1 labels are
    read as windows-1252 too, as browsers do, so “curly quotes” survive.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    label = _normalise_charset(declared)
    # Servers often send a Latin label by default for pages that are really UTF-8; bytes that are
    # valid UTF-8 almost never come from a Latin encoder, so UTF-8 is tried first in that case.
    order = ["utf-8", label] if label in (None, "utf-8", "windows-1252") else [label, "utf-8"]
    for encoding in order:
        if encoding and encoding != "windows-1252":
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("windows-1252", "replace")


def _normalise_charset(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"):
        return "windows-1252"
    return name


# ----------------------------------------------------------------------------- JSON Lines


def _read_jsonl(path: Path, gz: bool, settings: ReadSettings) -> Iterator[RawDocument]:
    shown = display_path(path)
    cap = settings.max_file_bytes
    line_no = 0
    yielded = 0
    try:
        opener = gzip.open if gz else open
        with opener(path, "rb") as fh:
            while True:
                raw = fh.readline(cap + 1)
                if not raw:
                    if not yielded:
                        reason = "empty file" if line_no == 0 else "empty file (whitespace only)"
                        yield _failed(shown, None, reason)
                    break
                line_no += 1
                if len(raw) > cap and not raw.endswith(b"\n"):
                    # Skip the rest of the overlong line without holding it.
                    while (rest := fh.readline(_CHUNK)) and not rest.endswith(b"\n"):
                        pass
                    reason = f"JSONL line {line_no} larger than {describe_bytes(cap)} cap"
                    yield _failed(shown, line_no, reason)
                    yielded += 1
                    continue
                if not raw.strip():
                    continue  # blank lines separate nothing; a trailing newline is common
                yield _jsonl_document(shown, line_no, raw)
                yielded += 1
    except EOFError:
        yield _failed(shown, line_no + 1, f"truncated gzip after line {line_no}")
    except gzip.BadGzipFile:
        yield _failed(shown, None, "not a gzip file (bad header)")
    except zlib.error:
        yield _failed(shown, line_no + 1, f"corrupt gzip data after line {line_no}")
    except OSError as exc:
        yield _failed(shown, None, f"cannot read file: {exc.strerror or exc}")


def _jsonl_document(shown: str, line_no: int, raw: bytes) -> RawDocument:
    try:
        record = json.loads(raw)
    except UnicodeDecodeError:
        return _failed(shown, line_no, f"invalid UTF-8 on line {line_no}")
    except ValueError:
        return _failed(shown, line_no, f"invalid JSON on line {line_no}")
    if not isinstance(record, dict):
        return _failed(shown, line_no, f"JSONL line {line_no} is not an object ({type(record).__name__})")
    record, replaced = _safe_record(record)
    meta: dict[str, Any] = {}
    if replaced:
        meta["notes"] = [f"{replaced} unpaired surrogate{'s' if replaced > 1 else ''} (invalid \\ud800-\\udfff "
                         f"escapes) replaced by U+FFFD"]
    if isinstance(record.get("id"), (str, int)) and not isinstance(record.get("id"), bool):
        meta["id"] = str(record["id"]).strip() or None
    for key in ("url", "title"):
        if isinstance(record.get(key), str) and record[key].strip():
            meta[key] = record[key].strip()
    # The publication date as the scraper named it; any form teken.corpus.dateline.normalise_date reads
    # (ISO with zone, epoch seconds or milliseconds, "Kamis, 19 November 2020 | 10:15 WIB").
    for key in PUBLISHED_KEYS:
        value = record.get(key)
        if (isinstance(value, str) and value.strip()) or (isinstance(value, (int, float))
                                                         and not isinstance(value, bool)):
            meta["published"] = value.strip() if isinstance(value, str) else value
            break
    meta = {k: v for k, v in meta.items() if v is not None}

    for key, kind in (("html", "html"), ("text", "text")):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return RawDocument(shown, line_no, kind, value, meta)
    # Nothing usable: say what was wrong with the field that was there.
    for key in ("html", "text"):
        if key in record:
            value = record[key]
            kind = "html" if key == "html" else "text"
            if value is None:
                reason = f"{key} is null"
            elif not isinstance(value, str):
                reason = f"{key} is not a string ({type(value).__name__})"
            else:
                reason = f"{key} is empty"
            return _failed(shown, line_no, reason, meta, kind=kind)
    return _failed(shown, line_no, "JSONL line without text or html", meta, kind="text")


PUBLISHED_KEYS = ("published", "published_at", "publish_date", "date_published", "datePublished", "pubDate")


def _safe_record(record: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The fields teken reads, with unpaired surrogates replaced, and how many were replaced."""
    total = 0
    for key in ("id", "url", "title", "html", "text", *PUBLISHED_KEYS):
        value = record.get(key)
        if isinstance(value, str):
            record[key], n = safe_text(value)
            total += n
    return record, total


# ----------------------------------------------------------------------------- WARC


def _read_warc(path: Path, settings: ReadSettings,
               counts: dict[str, Counter[str]] | None = None) -> Iterator[RawDocument]:
    """HTML responses (and resources) of a WARC file; other complete records are passed over and counted in
    `counts["warc"]` by reason (`WARC_SKIPS`).

    A record that cannot be read whole (a file cut inside its header or body, a broken gzip member)
    gives a row with the reason, whatever its type: a cut archive never loses a record unseen.
    """
    # Imported here: warcio (and the fsspec it imports) costs a tenth of a second, which a pool worker that
    # reads single pages, or never reads at all, need not pay.
    from warcio.exceptions import ArchiveLoadFailed

    shown = display_path(path)
    cap = settings.max_file_bytes
    position = 0  # the record being read (1-based); 0 before the first
    try:
        if path.stat().st_size == 0:
            yield _failed(shown, None, "empty file")
            return
        if not _starts_like_warc(path):
            yield _failed(shown, None, "not a WARC file (no WARC/1.x header)")
            return
        with open(path, "rb") as fh:
            records = iter(_quiet_archive_iterator()(fh))
            while True:
                position += 1
                record = next(records, None)
                if record is None:
                    return
                try:
                    found = _warc_document(shown, position, record, cap)
                    doc: RawDocument | None = None
                    if not isinstance(found, str):
                        doc = found
                    elif _drain_is_short(record):
                        doc = _failed(shown, position, f"truncated WARC record ({record.rec_type or 'no type'})",
                                      _warc_meta(record))
                    elif counts is not None:
                        counts.setdefault("warc", Counter())[found] += 1
                except (EOFError, zlib.error, ArchiveLoadFailed, OSError):
                    raise
                except Exception as exc:  # warcio met something it did not expect: this record is lost
                    yield _failed(shown, position, f"broken WARC record ({type(exc).__name__}: {_short(exc)})")
                    return  # the stream is no longer at a record boundary
                if doc is not None:
                    yield doc
    except ArchiveLoadFailed as exc:
        if position <= 1 and str(exc).startswith(("Unknown archive format", "Invalid WARC record")):
            yield _failed(shown, None, f"not a WARC file ({_short(exc)})")
        else:
            yield _failed(shown, position, f"broken WARC record {position} ({_short(exc)})")
    except EOFError:
        yield _failed(shown, position or None, f"truncated gzip in WARC record {max(position, 1)}")
    except zlib.error:
        yield _failed(shown, position or None, f"corrupt gzip data in WARC record {position}")
    except OSError as exc:
        yield _failed(shown, position or None, f"cannot read WARC record {position}: {exc}")
    except Exception as exc:
        yield _failed(shown, position or None, f"broken WARC record {position} ({type(exc).__name__}: {_short(exc)})")


def _drain_is_short(record: Any) -> bool:
    """Read a passed-over record to its end; True when the file ends before its Content-Length."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return getattr(stream, "limit", 0) > 0


def _starts_like_warc(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as fh:
        return fh.read(5) == b"WARC/"


@functools.cache
def _quiet_archive_iterator() -> type:
    """`_QuietArchiveIterator`, defined on first use (warcio imported only by a process that reads a WARC)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    class _QuietArchiveIterator(ArchiveIterator):
        """warcio's iterator without the warnings it writes straight to stderr (they would break the
        progress bar); a record with a wrong Content-Length still shows up as a broken record.

        warcio takes a record header cut by the end of the file for the end of the archive (its parser
        raises EOFError, which the iterator reads as "no more records"), and a header without
        WARC-Target-URI for an AttributeError. Here both are `ArchiveLoadFailed`, so they get a row.
        """

        _started = False

        def _next_record(self, next_line: bytes | None) -> Any:
            if not next_line:
                # The start of the file or of a gzip member: is there anything left at all? A member that
                # has begun (or the first) but gives no line and did not reach its end is a cut one.
                begun = bool(getattr(self.reader, "starting_data", None)) or not self._started
                self._started = True
                next_line = self.reader.readline()
                while next_line and not next_line.strip():
                    next_line = self.reader.readline()
                if not next_line:
                    decompressor = self.reader.decompressor
                    if begun and decompressor is not None and not getattr(decompressor, "eof", True):
                        raise ArchiveLoadFailed("truncated gzip member (the file ends inside it)")
                    raise EOFError  # the true end of the archive
            try:
                record = super()._next_record(next_line)
            except EOFError:
                raise ArchiveLoadFailed("truncated WARC record header (the file ends inside it)") from None
            except (AttributeError, TypeError, ValueError) as exc:
                raise ArchiveLoadFailed(f"unreadable WARC record header ({type(exc).__name__})") from None
            length = record.rec_headers.get_header("Content-Length") if record.format == "warc" else "0"
            if not (length or "").strip().isdigit():
                raise ArchiveLoadFailed(f"WARC record header without a Content-Length (cut short?): {length!r}")
            return record

    return _QuietArchiveIterator

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty_size = 0
        first_line = True
        while True:
            line = self.reader.readline()
            if len(line) == 0:
                return None, empty_size
            if len(line.rstrip()) == 0 or first_line:
                empty_size += len(line)
                if len(line.rstrip()) != 0:
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


def _warc_meta(record: Any) -> dict[str, Any]:
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta: dict[str, Any] = {"url": url.strip("<> ")} if url else {}
    crawled = record.rec_headers.get_header("WARC-Date")
    if crawled:
        meta["crawled"] = crawled
    return meta


# Why a complete WARC record gives no article (the manifest's "skipped" -> "warc"):
WARC_SKIPS = {
    "warcinfo": "the archive's own description",
    "request": "an HTTP request",
    "metadata": "metadata about another record",
    "revisit": "a revisit (the page again, unchanged, without its body)",
    "other-record": "another WARC record type (conversion, continuation)",
    "non-http": "a response that is not HTTP (DNS, FTP)",
    "redirect": "an HTTP 3xx response",
    "http-error": "an HTTP 4xx or 5xx response",
    "other-status": "an HTTP 1xx or 2xx response without content (204)",
    "non-html": "a response or resource that is not HTML (images, PDF, scripts, style sheets, JSON)",
}


def _warc_document(shown: str, position: int, record: Any, cap: int) -> RawDocument | str:
    """The record's document, or why it is none (a key of `WARC_SKIPS`)."""
    if record.rec_type not in ("response", "resource"):
        kind = record.rec_type or ""
        return kind if kind in ("warcinfo", "request", "metadata", "revisit") else "other-record"
    meta = _warc_meta(record)
    if record.rec_type == "response":
        if not record.http_headers:
            return "non-http"  # a DNS or other non-HTTP response
        status = (record.http_headers.get_statuscode() or "").strip()
        if status.startswith("3"):
            return "redirect"
        if status.startswith(("4", "5")):
            return "http-error"
        if not status.startswith("2") or status == "204":
            return "other-status"
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type and "html" not in content_type.lower():
        return "non-html"
    charset = re.search(r"charset=([\w.:-]+)", content_type, re.IGNORECASE)
    if charset:
        meta["charset"] = charset.group(1)
    try:
        stream = record.content_stream()
        data = _read_stream_capped(stream, cap, "WARC record larger than {cap} cap")
    except _Unreadable as why:
        # The iterator skips the unread rest of the record by streaming through it.
        return _failed(shown, position, str(why), meta)
    except Exception as exc:
        return _failed(shown, position, f"cannot decode WARC record body ({_short(exc)})", meta)
    if getattr(record.raw_stream, "limit", 0) > 0:
        return _failed(shown, position, "truncated WARC record", meta)
    if not content_type and not _MARKUP_RE.match(data[:4096]):
        return "non-html"
    problem = content_problem(data)
    if problem:
        return _failed(shown, position, problem.replace("file", "record"), meta)
    return RawDocument(shown, position, "html", data, meta)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
