"""Writing the dataset (SPEC §3): Parquet, CSV and JSON Lines, in parts that make a run resumable.

A run appends finished chunks of articles as Parquet part files under `DIR/.parts/` and logs each chunk
in `DIR/.parts/done.jsonl`; a restarted run (`--resume`) skips the inputs a logged chunk covered. When the
run ends the parts are joined into the final files, written under temporary names and renamed, so a
reader never sees a half-written dataset. The column schemas below are the documented, stable ones.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.records import Article, SigningEvent, party_dict

PARTY_STRUCT = pa.struct([
    ("mention", pa.string()),
    ("name", pa.string()),
    ("kind", pa.string()),
    ("region_code", pa.string()),
    ("representative", pa.string()),
])

EVENTS_SCHEMA = pa.schema([
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

FINAL_FILES = ("events.parquet", "parties.parquet", "articles.parquet", "events.csv", "parties.csv",
               "events.jsonl", "manifest.json")


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


class PartWriter:
    """Appends chunks of results as Parquet part files and logs what each chunk covered."""

    def __init__(self, out_dir: Path, resume: bool = False, with_text: bool = True):
        self.out_dir = out_dir
        self.with_text = with_text
        self.parts = out_dir / ".parts"
        if self.parts.exists() and not resume:
            shutil.rmtree(self.parts)
        self.parts.mkdir(parents=True, exist_ok=True)
        self.log = self.parts / "done.jsonl"
        self.next_chunk = len(list(self.parts.glob("chunk-*.articles.parquet")))

    def done_inputs(self) -> set[tuple[str, int | None]]:
        """The (input_path, input_record) pairs that finished chunks cover."""
        done: set[tuple[str, int | None]] = set()
        if not self.log.exists():
            return done
        for line in self.log.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a crash: its chunk is simply redone
            if (self.parts / f"chunk-{entry['chunk']:05d}.articles.parquet").exists():
                done.update((p, r) for p, r in entry["inputs"])
        return done

    def write_chunk(self, results: list[tuple[Article, list[SigningEvent]]]) -> None:
        if not results:
            return
        stem = self.parts / f"chunk-{self.next_chunk:05d}"
        events = [event_row(ev, art) for art, evs in results for ev in evs]
        parties = [row for _, evs in results for ev in evs for row in party_rows(ev)]
        articles = [art.to_row(self.with_text) for art, _ in results]
        # Events and parties first, articles last: an articles part is the mark of a finished chunk.
        pq.write_table(pa.Table.from_pylist(events, schema=EVENTS_SCHEMA), f"{stem}.events.parquet")
        pq.write_table(pa.Table.from_pylist(parties, schema=PARTIES_SCHEMA), f"{stem}.parties.parquet")
        pq.write_table(pa.Table.from_pylist(articles, schema=ARTICLES_SCHEMA), f"{stem}.articles.parquet")
        with open(self.log, "a", encoding="utf-8") as fh:
            inputs = [[a.input_path, a.input_record] for a, _ in results]
            fh.write(json.dumps({"chunk": self.next_chunk, "inputs": inputs}) + "\n")
        self.next_chunk += 1

    def finalize(self, manifest: dict[str, Any]) -> dict[str, int]:
        """Join the parts into the final files and write the manifest; returns the row counts."""
        tables = {}
        for name, schema in (("events", EVENTS_SCHEMA), ("parties", PARTIES_SCHEMA),
                             ("articles", ARTICLES_SCHEMA)):
            files = sorted(self.parts.glob(f"chunk-*.{name}.parquet"))
            pieces = [pq.read_table(f, schema=schema) for f in files]
            tables[name] = pa.concat_tables(pieces) if pieces else schema.empty_table()
        for name, table in tables.items():
            _atomic(self.out_dir / f"{name}.parquet", lambda p, t=table: pq.write_table(t, p))
        _atomic(self.out_dir / "events.csv", lambda p: flat_events(tables["events"]).to_csv(p, index=False))
        _atomic(self.out_dir / "parties.csv", lambda p: tables["parties"].to_pandas().to_csv(p, index=False))
        _atomic(self.out_dir / "events.jsonl", lambda p: _write_jsonl(p, tables["events"].to_pylist()))
        counts = {name: t.num_rows for name, t in tables.items()}
        manifest = {**manifest, "counts": {**manifest.get("counts", {}), **counts}}
        _atomic(self.out_dir / "manifest.json",
                lambda p: Path(p).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8"))
        shutil.rmtree(self.parts, ignore_errors=True)
        return counts


def flat_events(table: pa.Table):
    """Events for spreadsheets: lists joined with "; ", one column per party attribute."""
    df = table.to_pandas()
    joined = lambda values: "; ".join("" if v is None else str(v) for v in values)
    df["agreement_types"] = df["agreement_types"].map(lambda v: ";".join(v) if v is not None else "")
    parties = df.pop("parties")
    df["party_names"] = parties.map(lambda ps: joined(p["name"] for p in ps))
    df["party_kinds"] = parties.map(lambda ps: joined(p["kind"] for p in ps))
    df["party_region_codes"] = parties.map(lambda ps: joined(p["region_code"] for p in ps))
    df["party_mentions"] = parties.map(lambda ps: joined(p["mention"] for p in ps))
    return df


def _write_jsonl(path: str, rows: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _atomic(final: Path, write) -> None:
    tmp = final.with_name(f".{final.name}.tmp")
    write(str(tmp))
    os.replace(tmp, final)
