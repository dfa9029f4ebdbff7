"""Writing the dataset (SPEC §3): Parquet, CSV and JSON Lines, in parts that make a run resumable.

A run appends finished chunks of articles as Parquet part files under `DIR/.parts/`; each part file is
written whole or not at all (temporary name, fsync, rename), and a chunk's articles part, renamed last, is
its record: a restarted run (`--resume`) skips the inputs the committed chunks cover and discards any part
it cannot read. When the run ends the parts are joined into the final files, written under temporary names
and renamed, so a reader never sees a half-written dataset. A run holds a lock on its folder
(`DIR/.teken.lock`) and never deletes a file teken did not write. The column schemas below are the
documented, stable ones.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import time
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from teken.corpus.readers import is_teken_dataset
from teken.gazetteer import region_name
from teken.pipeline import UsageError, __version__
from teken.pipeline.batch.canonical import canonicalize, conflicts_cell
from teken.records import Article, SigningEvent, party_dict
from teken.schema import LIST_SEPARATOR, csv_columns, data_file, descriptions

PARTY_STRUCT = pa.struct([
    ("mention", pa.string()),
    ("name", pa.string()),
    ("kind", pa.string()),
    ("region_code", pa.string()),
    ("representative", pa.string()),
])

_EVENT_PART_SCHEMA = pa.schema([
    ("event_id", pa.string()),
    ("article_id", pa.string()),
    ("agreement_types", pa.list_(pa.string())),
    ("agreement_title", pa.string()),
    ("status", pa.string()),
    ("date", pa.string()),
    ("date_precision", pa.string()),
    ("date_text", pa.string()),
    ("venue", pa.string()),
    ("venue_region_code", pa.string()),
    ("parties", pa.list_(PARTY_STRUCT)),
    ("evidence", pa.string()),
    ("evidence_start", pa.int64()),
    ("evidence_end", pa.int64()),
    ("confidence", pa.float64()),
    ("url", pa.string()),
    ("published", pa.string()),
])
# The parts hold the events as read; the final file adds the ceremony each reports, linked across articles
# when the parts are joined (teken.pipeline.batch.canonical).
EVENTS_SCHEMA = _EVENT_PART_SCHEMA.append(pa.field("canonical_id", pa.string()))

CANONICAL_SCHEMA = pa.schema([
    ("canonical_id", pa.string()),
    ("agreement_types", pa.list_(pa.string())),
    ("agreement_title", pa.string()),
    ("status", pa.string()),
    ("date", pa.string()),
    ("date_precision", pa.string()),
    ("date_text", pa.string()),
    ("venue", pa.string()),
    ("venue_region_code", pa.string()),
    ("parties", pa.list_(PARTY_STRUCT)),
    ("evidence", pa.string()),
    ("confidence", pa.float64()),
    ("first_published", pa.string()),
    ("event_ids", pa.list_(pa.string())),
    ("article_ids", pa.list_(pa.string())),
    ("urls", pa.list_(pa.string())),
    ("n_sources", pa.int64()),
    ("n_outlets", pa.int64()),
    ("conflicts", pa.list_(pa.struct([("field", pa.string()), ("values", pa.list_(pa.string()))]))),
])

PARTIES_SCHEMA = pa.schema([
    ("event_id", pa.string()),
    ("article_id", pa.string()),
    ("party_index", pa.int32()),
    ("mention", pa.string()),
    ("name", pa.string()),
    ("kind", pa.string()),
    ("region_code", pa.string()),
    ("representative", pa.string()),
])

ARTICLES_SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("input_path", pa.string()),
    ("input_record", pa.int64()),
    ("url", pa.string()),
    ("site", pa.string()),
    ("title", pa.string()),
    ("published", pa.string()),
    ("language", pa.string()),
    ("text_length", pa.int64()),
    ("n_events", pa.int64()),
    ("error", pa.string()),
    ("truncated", pa.bool_()),
    ("notes", pa.string()),
    ("text", pa.string()),
])

FINAL_FILES = ("events.parquet", "parties.parquet", "articles.parquet", "canonical_events.parquet", "events.csv",
               "parties.csv", "articles.csv", "canonical_events.csv", "events.jsonl", "manifest.json")


def event_row(ev: SigningEvent, article: Article | None = None) -> dict[str, Any]:
    return {
        "event_id": ev.event_id,
        "article_id": ev.article_id,
        "agreement_types": list(ev.agreement_types),
        "agreement_title": ev.agreement_title,
        "status": ev.status,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "date_text": ev.date_text,
        "venue": ev.venue,
        "venue_region_code": ev.venue_region_code,
        "parties": [party_dict(p) for p in ev.parties],
        "evidence": ev.evidence,
        "evidence_start": ev.evidence_start,
        "evidence_end": ev.evidence_end,
        "confidence": ev.confidence,
        "url": article.url if article else None,
        "published": article.published if article else None,
    }


def party_rows(ev: SigningEvent) -> list[dict[str, Any]]:
    return [{"event_id": ev.event_id, "article_id": ev.article_id, "party_index": i, **party_dict(p)}
            for i, p in enumerate(ev.parties)]


PARTS = ".parts"
PARTS_MARK = "teken-parts.json"  # written first into every .parts/ teken makes: the sign that it is teken's
LOCK_NAME = ".teken.lock"
SEQ = "_seq"  # parts only: the article's position in the input stream, so the joined files keep input order
_PART_NAMES = re.compile(r"^(chunk-\d{5,}\.(events|parties|articles)\.parquet(\.tmp)?|done\.jsonl|"
                         + re.escape(PARTS_MARK) + r"(\.tmp)?)$")


class PartWriter:
    """Appends chunks of results as Parquet part files; a chunk's articles part is its record.

    Every part file appears whole or not at all: it is written under a temporary name, synced to disk and
    renamed. A chunk writes its events and parties parts first and its articles part last, and the rename of
    the articles part is the one moment the chunk commits: a resumed run takes the inputs it has finished
    from the articles parts themselves (no separate log that a crash could leave behind), and discards a
    chunk whose parts are missing or cannot be read, so its inputs are simply done again.
    """

    def __init__(self, out_dir: Path, resume: bool = False, with_text: bool = True, session: str = "",
                 csv_dialect: str = "default"):
        self.out_dir = out_dir
        self.with_text = with_text
        if csv_dialect not in CSV_DIALECTS:
            raise UsageError(f"unknown CSV dialect {csv_dialect!r} (choose from {', '.join(CSV_DIALECTS)})")
        self.csv_dialect = csv_dialect
        self.session = {"id": uuid.uuid4().hex[:12], "started": session}  # one session of a (resumed) run
        self.parts = out_dir / PARTS
        self.notes: list[str] = []
        if self.parts.exists() and not parts_are_teken(self.parts):
            raise UsageError(f"{self.parts} was not written by teken; move it away or choose another --out")
        if self.parts.exists() and not resume:
            remove_parts(self.parts)
        self.parts.mkdir(parents=True, exist_ok=True)
        mark = self.parts / PARTS_MARK
        if not mark.exists():
            _atomic_bytes(mark, json.dumps({"written_by": "teken", "version": __version__}).encode())
        self.committed = self._recover()
        self.next_chunk = max(self.committed, default=-1) + 1
        self._last_steps: dict[str, dict[str, Any]] = {}

    # ---- resume ------------------------------------------------------------------------------------------

    def _recover(self) -> dict[int, tuple[pa.Table, dict[str, Any]]]:
        """The committed chunks (number -> the inputs it covers and what it recorded), after discarding what
        a crash left unfinished."""
        found: dict[int, set[str]] = {}
        for f in self.parts.iterdir():
            if f.name.endswith(".tmp") and _PART_NAMES.match(f.name):
                f.unlink()  # a part a crash cut off before its rename
                continue
            m = re.match(r"^chunk-(\d+)\.(events|parties|articles)\.parquet$", f.name)
            if m:
                found.setdefault(int(m.group(1)), set()).add(m.group(2))
        (self.parts / "done.jsonl").unlink(missing_ok=True)  # the log of older teken versions; parts say it now
        committed: dict[int, tuple[pa.Table, dict[str, Any]]] = {}
        for n in sorted(found):
            if "articles" not in found[n]:
                self._discard(n, None)  # events/parties of a chunk that never committed
                continue
            try:
                articles = pq.read_table(self._path(n, "articles"))
                if SEQ not in articles.column_names:
                    raise ValueError("written by an older teken")
                for name in ("events", "parties"):
                    if name not in found[n]:
                        raise ValueError(f"its {name} part is missing")
                    pq.read_table(self._path(n, name))
            except Exception as err:  # whatever makes a part unreadable, the chunk is redone
                self._discard(n, f"{type(err).__name__}: {str(err)[:120]}")
                continue
            committed[n] = _commit_record(articles)
        return committed

    def _discard(self, n: int, reason: str | None) -> None:
        for name in ("events", "parties", "articles"):
            self._path(n, name).unlink(missing_ok=True)
        if reason:
            self.notes.append(f"discarded the unreadable part chunk-{n:05d} ({reason}); its inputs are read again")

    def done_inputs(self) -> set[tuple[str, int | None]]:
        """The (input_path, input_record) pairs that committed chunks cover."""
        done: set[tuple[str, int | None]] = set()
        for table, _ in self.committed.values():
            done.update(zip(table.column("input_path").to_pylist(), table.column("input_record").to_pylist(),
                            strict=True))
        return done

    # ---- writing -----------------------------------------------------------------------------------------

    def _path(self, n: int, name: str) -> Path:
        return self.parts / f"chunk-{n:05d}.{name}.parquet"

    def write_chunk(self, results: list[tuple[Article, list[SigningEvent]]], seqs: list[int] | None = None,
                    steps: dict[str, dict[str, Any]] | None = None) -> None:
        """Write one chunk; `seqs` are the articles' positions in the input stream, `steps` the step counts
        so far in this session (the chunk records their growth since the last chunk)."""
        if not results:
            return
        if seqs is None:
            seqs = list(range(self.next_chunk * 1_000_000, self.next_chunk * 1_000_000 + len(results)))
        n = self.next_chunk
        events: list[dict[str, Any]] = []
        parties: list[dict[str, Any]] = []
        articles: list[dict[str, Any]] = []
        for (art, evs), seq in zip(results, seqs, strict=True):
            for ev in evs:
                events.append({**event_row(ev, art), SEQ: seq})
                parties.extend({**row, SEQ: seq} for row in party_rows(ev))
            articles.append({**art.to_row(self.with_text), SEQ: seq})
        meta = {"chunk": n, "session": self.session["id"], "started": self.session["started"],
                "articles": len(results),
                "steps": _steps_delta(steps or {}, self._last_steps)}
        self._last_steps = steps or {}
        _write_part(pa.Table.from_pylist(events, schema=_with_seq(_EVENT_PART_SCHEMA)), self._path(n, "events"))
        _write_part(pa.Table.from_pylist(parties, schema=_with_seq(PARTIES_SCHEMA)), self._path(n, "parties"))
        fault("part-between")
        # The commit: once this rename is on disk the chunk is done, and its inputs are never read again.
        table = pa.Table.from_pylist(articles, schema=_with_seq(ARTICLES_SCHEMA))
        table = table.replace_schema_metadata({b"teken": json.dumps(meta).encode()})
        _write_part(table, self._path(n, "articles"))
        self.committed[n] = _commit_record(table)
        self.next_chunk += 1
        fault("part-committed")

    def _article_index(self) -> tuple[list[int] | None, list[str], int]:
        """From the articles' input positions and errors alone (one small read of each part): the committed parts
        ordered so that their rows are in input order when each part is sorted on its own (None when two parts'
        stretches of the input interleave), the articles' errors, and how many articles there are."""
        spans, errors, rows = [], [], 0
        for n in sorted(self.committed):
            part = pq.read_table(self._path(n, "articles"), columns=[SEQ, "error"])
            errors += [e for e in part.column("error").to_pylist() if e]
            rows += part.num_rows
            if part.num_rows:
                seq = part.column(SEQ)
                spans.append((pc.min(seq).as_py(), pc.max(seq).as_py(), n))
        spans.sort()
        if any(a[1] >= b[0] for a, b in zip(spans, spans[1:], strict=False)):
            return None, errors, rows
        return [n for _, _, n in spans], errors, rows

    def _articles(self, parts: list[int]) -> Iterator[pa.Table]:
        """The articles of each part in turn, in input order, described as articles.parquet."""
        schema = _with_seq(ARTICLES_SCHEMA)
        for n in parts:
            table = pq.read_table(self._path(n, "articles"), schema=schema)
            table = table.take(pc.sort_indices(table, sort_keys=[(SEQ, "ascending")])).drop_columns([SEQ])
            yield described(table, "articles.parquet")

    def _write_articles(self, path: str, parts: list[int]) -> None:
        schema = described(ARTICLES_SCHEMA.empty_table(), "articles.parquet").schema
        with pq.ParquetWriter(path, schema) as writer:
            for table in self._articles(parts):
                writer.write_table(table)

    def finalize(self, manifest: dict[str, Any], steps: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
        """Join the parts into the final files and write the manifest; returns the whole dataset's counts.

        The manifest describes the dataset, not the last session: its counts and error reasons are read
        from the joined tables, its step counts are the sum of what each committed chunk recorded."""
        tables = {}
        # The articles (their texts are most of a run's data) are joined one part at a time when the parts hold
        # consecutive stretches of the input, as they do unless a discarded chunk was redone: joined whole, they
        # grew the process with every page (issue 12: peak RSS 1.24x at 10,000 pages of what it is at 1,000).
        article_parts, errors, n_articles = self._article_index()
        for name, schema in (("events", _EVENT_PART_SCHEMA), ("parties", PARTIES_SCHEMA),
                             ("articles", ARTICLES_SCHEMA)):
            if name == "articles" and article_parts is not None:
                continue
            pieces = [pq.read_table(self._path(n, name), schema=_with_seq(schema)) for n in sorted(self.committed)]
            table = pa.concat_tables(pieces) if pieces else _with_seq(schema).empty_table()
            # Input order whatever order the chunks were done in (a discarded chunk is redone last).
            table = table.take(pc.sort_indices(table, sort_keys=[(SEQ, "ascending")])) if table.num_rows else table
            tables[name] = table.drop_columns([SEQ])
        # One ceremony reported by several articles: linked over the whole dataset, once its parts are joined.
        canonical_ids, canonical = canonicalize(tables["events"].to_pylist())
        tables["events"] = tables["events"].append_column(EVENTS_SCHEMA.field("canonical_id"),
                                                          pa.array(canonical_ids, pa.string()))
        tables["canonical_events"] = pa.Table.from_pylist(canonical, schema=CANONICAL_SCHEMA)
        tables = {name: described(t, f"{name}.parquet") for name, t in tables.items()}
        metas = [self.committed[n][1] for n in sorted(self.committed)]
        step_totals: dict[str, dict[str, Any]] = {}
        for delta in [m.get("steps", {}) for m in metas] + [_steps_delta(steps or {}, self._last_steps)]:
            _steps_add(step_totals, delta)
        sessions: dict[str, dict[str, Any]] = {}
        for m in metas:
            entry = sessions.setdefault(m.get("session", ""), {"started": m.get("started"), "articles": 0})
            entry["articles"] += m.get("articles", 0)
        reasons: dict[str, int] = {}
        for e in errors:
            reasons[reason_class(e)] = reasons.get(reason_class(e), 0) + 1
        counts = {name: t.num_rows for name, t in tables.items() if name != "canonical_events"}
        counts["articles"] = n_articles
        counts["canonical_events"] = tables["canonical_events"].num_rows
        counts["errors"] = len(errors)
        manifest = {**manifest, "csv_dialect": self.csv_dialect,
                    "counts": {**manifest.get("counts", {}), **counts},
                    "error_reasons": dict(sorted(reasons.items(), key=lambda kv: -kv[1])),
                    "steps": step_totals,
                    "sessions": list(sessions.values())}
        if self.notes:
            manifest["notes"] = [*manifest.get("notes", []), *self.notes]
        for i, name in enumerate(["events", "parties", "articles", "canonical_events"]):
            if name in tables:
                _atomic(self.out_dir / f"{name}.parquet", lambda p, t=tables[name]: pq.write_table(t, p))
            else:
                _atomic(self.out_dir / "articles.parquet", lambda p: self._write_articles(p, article_parts or []))
            if i == 0:
                fault("join")
        for name in ("events", "parties", "articles", "canonical_events"):
            rows = csv_rows(name, tables[name]) if name in tables else \
                (row for t in self._articles(article_parts or []) for row in csv_rows("articles", t))
            _atomic(self.out_dir / f"{name}.csv",
                    lambda p, n=name, r=rows: write_csv(p, f"{n}.csv", r, self.csv_dialect))
        _atomic(self.out_dir / "events.jsonl", lambda p: _write_jsonl(p, tables["events"].to_pylist()))
        fault("join")
        _atomic(self.out_dir / "manifest.json",
                lambda p: Path(p).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8"))
        _fsync_dir(self.out_dir)
        fault("join")
        remove_parts(self.parts)
        self.manifest = manifest
        return manifest["counts"]


def _commit_record(articles: pa.Table) -> tuple[pa.Table, dict[str, Any]]:
    """What a committed chunk is remembered by (not its texts): the inputs it covers and its metadata."""
    meta = json.loads((articles.schema.metadata or {}).get(b"teken", b"{}"))
    return articles.select(["input_path", "input_record"]).replace_schema_metadata(None), meta


def reason_class(error: str) -> str:
    """The kind of an error, for counting: its text up to the first colon or bracket."""
    return error.split(":")[0].split("(")[0].strip()[:60]


def _with_seq(schema: pa.Schema) -> pa.Schema:
    return schema.append(pa.field(SEQ, pa.int64()))


def _steps_delta(now: dict[str, dict[str, Any]], before: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {step: {k: round(v - before.get(step, {}).get(k, 0), 3) if isinstance(v, (int, float)) else v
                   for k, v in counts.items()} for step, counts in now.items()}


def _steps_add(total: dict[str, dict[str, Any]], delta: dict[str, dict[str, Any]]) -> None:
    for step, counts in delta.items():
        into = total.setdefault(step, {})
        for k, v in counts.items():
            if isinstance(v, (int, float)):
                into[k] = round(into.get(k, 0) + v, 3)


# ---- the output folder: whose it is, and who is writing it --------------------------------------------------

def parts_are_teken(parts: Path) -> bool:
    """A .parts folder teken made: it holds teken's mark, or (older versions) only names teken gives."""
    if (parts / PARTS_MARK).is_file():
        return True
    try:
        return parts.is_dir() and all(_PART_NAMES.match(f.name) for f in parts.iterdir())
    except OSError:
        return False


def remove_parts(parts: Path) -> None:
    """Remove a .parts folder teken made: only the files it names; anything else stays (and so the folder)."""
    for f in parts.iterdir():
        if f.is_file() and _PART_NAMES.match(f.name):
            f.unlink()
    with contextlib.suppress(OSError):
        parts.rmdir()


def foreign_files(folder: Path) -> list[str]:
    """Files in `folder` that teken would write or delete but did not make (empty for teken's own folders)."""
    if not folder.is_dir():
        return []
    parts = folder / PARTS
    if parts.exists() and not parts_are_teken(parts):
        return [PARTS + "/"]
    if is_teken_dataset(folder) or parts.exists():
        return []
    return [name for name in FINAL_FILES if (folder / name).exists()]


class OutputLock:
    """An exclusive lock on an output folder, held for the whole run (fcntl.flock on OUT/.teken.lock).

    The lock file says who holds it (pid, host, start time). The kernel drops a flock when its process
    dies, however it dies, so the lock of a killed run is free: the next run takes it over with a note.
    """

    def __init__(self, folder: Path):
        self.path = folder / LOCK_NAME
        self.fd: int | None = None
        self.note: str | None = None

    def acquire(self) -> OutputLock:
        import fcntl
        import socket

        for _ in range(20):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = _read_holder(fd)
                os.close(fd)
                raise UsageError(f"{self.path.parent} is in use by another teken run ({holder}); wait for it to "
                                 "end or choose another --out") from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if not same:  # the holder ended and removed the file between our open and our lock: try again
                os.close(fd)
                continue
            stale = _read_holder(fd)
            if stale != "unknown":
                self.note = f"took over the lock of a run that stopped ({stale})"
            info = {"pid": os.getpid(), "host": socket.gethostname(),
                    "started": datetime.now(UTC).isoformat(timespec="seconds")}
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(info).encode(), 0)
            self.fd = fd
            return self
        raise UsageError(f"could not lock {self.path.parent}: its lock file keeps changing")

    def release(self) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"null")
        return f"pid {info['pid']} on {info['host']}, started {info['started']}"
    except (OSError, ValueError, TypeError, KeyError):
        return "unknown"


# ---- fault injection (tests) ---------------------------------------------------------------------------------

_FAULT_SEEN: dict[str, int] = {}


def fault(point: str) -> None:
    """TEKEN_FAULT=point:n[:pause][,...] makes the run kill itself (SIGKILL) the n-th time it reaches `point`,
    or with `pause` wait there until the file named by TEKEN_FAULT_RELEASE exists. Points: part-write (half
    of a part file written), part-between (events and parties parts written, articles part not), part-committed
    (a chunk committed), join (while the final files are replaced). For the fault-injection tests."""
    spec = os.environ.get("TEKEN_FAULT")
    if not spec:
        return
    _FAULT_SEEN[point] = _FAULT_SEEN.get(point, 0) + 1
    for item in spec.split(","):
        name, _, rest = item.strip().partition(":")
        count, _, action = rest.partition(":")
        if name != point or not count.isdigit() or int(count) != _FAULT_SEEN[point]:
            continue
        if action == "pause":
            release = Path(os.environ.get("TEKEN_FAULT_RELEASE", "/nonexistent"))
            deadline = time.monotonic() + 300
            while not release.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        else:
            os.kill(os.getpid(), signal.SIGKILL)


# ---- the files for spreadsheets and analysts -----------------------------------------------------------------

def described(table: pa.Table, file: str) -> pa.Table:
    """`table` with the data dictionary in its schema: each column's meaning as field metadata `description`
    (the parties' struct fields too), the file's as schema metadata. Names and types stay as they are."""
    meaning = descriptions(file)
    party_meaning = descriptions("parties.parquet")
    fields = []
    for f in table.schema:
        if pa.types.is_list(f.type) and pa.types.is_struct(f.type.value_type):
            inner = pa.struct([c.with_metadata({b"description": party_meaning.get(c.name, "").encode()})
                               for c in f.type.value_type])
            f = pa.field(f.name, pa.list_(inner), f.nullable)
        # A column missing from the dictionary is a test failure (tests/test_csv_schema.py), never a failed run.
        fields.append(f.with_metadata({b"description": meaning.get(f.name, "").encode()}))
    about = f"teken {__version__}: {file}, one row per {data_file(file).row}"
    return pa.Table.from_arrays(table.columns, schema=pa.schema(fields, metadata={b"description": about.encode()}))


def csv_rows(name: str, table: pa.Table) -> Iterator[dict[str, Any]]:
    """The rows of `name`.csv (events, parties, articles) from its joined Parquet table, by CSV column name."""
    if name == "articles":
        table = table.select([c for c in csv_columns("articles.csv") if c in table.column_names])
    for batch in table.to_batches(max_chunksize=10_000):
        for row in batch.to_pylist():
            if name == "events":
                yield _flat_event(row)
            elif name == "canonical_events":
                yield _flat_canonical(row)
            elif name == "parties":
                yield {**row, "region_name": region_name(row["region_code"])}
            else:
                yield row


def _flat_event(row: dict[str, Any]) -> dict[str, Any]:
    """An event for spreadsheets: lists joined with LIST_SEPARATOR, one column per party attribute."""
    parties = row.pop("parties") or []
    out = {**row, "agreement_types": _joined(row["agreement_types"] or []),
           "venue_region_name": region_name(row["venue_region_code"])}
    for column, key in (("party_names", "name"), ("party_kinds", "kind"), ("party_region_codes", "region_code"),
                        ("party_mentions", "mention"), ("party_representatives", "representative")):
        out[column] = _joined(p[key] for p in parties)
    out["party_region_names"] = _joined(region_name(p["region_code"]) for p in parties)
    return out


def _flat_canonical(row: dict[str, Any]) -> dict[str, Any]:
    """A canonical event for spreadsheets: as an event, with its lists of reports joined and its conflicts as
    one JSON object."""
    out = _flat_event(row)
    for column in ("event_ids", "article_ids", "urls"):
        out[column] = _joined(row[column] or [])
    out["conflicts"] = conflicts_cell(row["conflicts"])
    return out


def _joined(values: Iterable[str | None]) -> str:
    """One cell for a list: LIST_SEPARATOR between the items, an empty item for a null, and a separator inside
    an item written as "/" so that splitting the cell always gives the list back."""
    return LIST_SEPARATOR.join("" if v is None else str(v).replace(LIST_SEPARATOR, "/") for v in values)


CSV_DIALECTS = ("default", "excel-id")

# In the excel-id dialect these columns are always written as Excel text formulas (="14.10"): ids, region
# codes and dates, which Excel would otherwise turn into numbers or dates ("14.10" -> 14.1 or a date,
# "2021-04" -> Apr-21, an id like "123e4" -> 1.23E+06). Any other short text without a letter is too.
_EXCEL_TEXT_COLUMNS = re.compile(r"(^|_)(id|region_codes?|date|date_text|published)$")
_EXCEL_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_EXCEL_FORMULA_MAX = 255  # Excel's limit on a text literal inside a formula
_LETTER = re.compile(r"[^\W\d_]")


def write_csv(path: str, file: str, rows: Iterable[dict[str, Any]], dialect: str = "default") -> None:
    """One CSV file of the dataset, its columns in the order of the data dictionary (teken.schema).

    Both dialects are UTF-8 with a byte order mark (Excel reads the file as UTF-8 only with it; pandas,
    readr and LibreOffice skip it), CRLF line ends and RFC 4180 quoting; a text value is always quoted, a
    null is an empty, unquoted field (an empty text is ""), numbers are bare.

    - default: "," between fields and "." in decimals, for pandas, R, DuckDB and the csv module. Codes and
      dates are quoted text, but pandas and R guess types whatever the quotes say: read them with
      `dtype=str` (pandas) or `colClasses = "character"` (R), or read the Parquet files.
    - excel-id: for Excel and LibreOffice Calc in an Indonesian (or other decimal-comma) locale, opened
      with a double click: ";" between fields (the list separator of those locales) and "," in decimals
      (`confidence`), and every value Excel would turn into a number or a date written as a text formula:
      `="14.10"` shows 14.10, as text. Text that Excel would read as a formula (=, +, -, @ first) is written
      the same way, or with a leading apostrophe when it is longer than a formula's text may be.

    The csv module cannot quote text while leaving nulls bare in Python 3.11 (QUOTE_NOTNULL is 3.12), so
    the fields are quoted here: RFC 4180's rule is one line of code.
    """
    if dialect not in CSV_DIALECTS:
        raise UsageError(f"unknown CSV dialect {dialect!r} (choose from {', '.join(CSV_DIALECTS)})")
    excel = dialect == "excel-id"
    sep = ";" if excel else ","
    columns = csv_columns(file)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(sep.join(_quoted(name) for name in columns) + "\r\n")
        for row in rows:
            cells = [_csv_cell(row.get(name), name, excel) for name in columns]
            fh.write(sep.join(cells) + "\r\n")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _csv_cell(value: Any, name: str, excel: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value).replace(".", ",") if excel else repr(value)
    text = str(value)
    if not excel or not text:
        return _quoted(text)
    if len(text) <= _EXCEL_FORMULA_MAX and (_EXCEL_TEXT_COLUMNS.search(name) or not _LETTER.search(text)
                                            or text.startswith(_EXCEL_FORMULA_START)):
        return _quoted('="' + text.replace('"', '""') + '"')
    if text.startswith(_EXCEL_FORMULA_START):
        return _quoted("'" + text)
    return _quoted(text)


def _write_jsonl(path: str, rows: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _atomic(final: Path, write) -> None:
    """Write through a temporary name, sync, rename: the file is the old one or the new one, never half."""
    tmp = final.with_name(f".{final.name}.tmp")
    write(str(tmp))
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, final)


def _atomic_bytes(final: Path, data: bytes) -> None:
    tmp = final.with_name(final.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)


def _write_part(table: pa.Table, final: Path) -> None:
    """A part file, whole or not at all: serialized, written to `NAME.tmp`, synced, renamed, folder synced."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    data = memoryview(sink.getvalue())
    tmp = final.with_name(final.name + ".tmp")
    with open(tmp, "wb") as fh:
        half = len(data) // 2
        fh.write(data[:half])
        fh.flush()
        fault("part-write")  # a crash here leaves a cut .tmp, which a resume deletes
        fh.write(data[half:])
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    _fsync_dir(final.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
