"""The data dictionary: every column of every file `teken run` writes, with its type, meaning and an example.

This is the one source of truth for what the columns mean. The Parquet files carry each column's meaning in
their schema (field metadata `description`, file metadata `description`), `teken schema` prints it (as the
Markdown tables of the README, or `--json`), the CSV writers take their column order from it, and the tests
check that the README shows exactly what `teken schema` prints and that every column a run writes is here.

The Parquet types themselves are those of the Arrow schemas in `teken.pipeline.batch.writers` (the contract
of SPEC §3); what this module adds is whether a column can be null, what it means and an example.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# One separator for every list written into one CSV cell (agreement types, the parties of an event): "|",
# the separator the gazetteer CSVs use for aliases too. It never occurs in names; a "|" inside a value
# is written as "/" so that splitting on "|" always gives the list back, position for position.
LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    example: str
    nullable: bool = False


@dataclass(frozen=True)
class CsvColumn:
    """A column of a CSV file: a Parquet column written as it is (`source`), or one made for spreadsheets."""

    name: str
    source: str | None = None  # "events.parquet:date": the same values as that Parquet column
    meaning: str = ""  # for columns of the CSV's own
    example: str = ""
    type: str = "text"  # for columns of the CSV's own: text, integer, decimal, list
    nullable: bool = True


@dataclass(frozen=True)
class DataFile:
    name: str
    row: str  # one row per ...
    columns: tuple[Any, ...]


_CODE = ("Kemendagri region code (text: `14.10`, never the number 14.1): a province `14`, a regency or city "
         "`14.01`")

EVENTS = DataFile("events.parquet", "event (`events.jsonl` holds the same rows as JSON, one a line)", (
    Column("event_id", "stable id: the same article and event give the same id on every run",
           "ev-05b05f835fc97688"),
    Column("article_id", "the article the event was read from (`articles.article_id`)", "a-07d6169dc9c5bc55"),
    Column("agreement_types", "what was signed: `mou`, `pks`, `rencana_kerja`, `komitmen_bersama`, "
           "`pakta_integritas`, `other` (one or more)", '["mou", "pks"]'),
    Column("agreement_title", "what the agreement is about, when stated", "peningkatan kualitas pelayanan publik",
           nullable=True),
    Column("status", "`signed` or `planned`", "signed"),
    Column("date", "date of the signing, ISO 8601 as precise as the text allows: `2021-12-16`, `2021-04`, `2022`",
           "2023-06-13", nullable=True),
    Column("date_precision", "`day`, `month` or `year`", "day", nullable=True),
    Column("date_text", "the words the date came from", "Selasa (13/6/2023)", nullable=True),
    Column("venue", "where the signing took place, as written", "Ruang Rapat Bupati Kampar, Bangkinang",
           nullable=True),
    Column("venue_region_code", f"{_CODE}, of the venue", "14.01", nullable=True),
    Column("parties", "the signers, in order: structs of `mention`, `name`, `kind`, `region_code`, "
           "`representative` (as in `parties.parquet`)",
           '[{"mention": "Pemkab Kampar", "name": "Pemerintah Kabupaten Kampar", "kind": "pemerintah_daerah", '
           '"region_code": "14.01", "representative": null}]'),
    Column("evidence", "the sentence the event was read from (the headline, when the body reports the signing "
           "nowhere else)", "Ombudsman RI Perwakilan Riau dan Pemerintah Kabupaten Kampar menandatangani ..."),
    Column("evidence_start", "offset of `evidence` in the article's cleaned `text`; 0 for an event read from the "
           "headline, which the cleaned text does not hold (`articles.title` does)", "0"),
    Column("evidence_end", "end offset of `evidence` in `text`; 0 for an event read from the headline", "218"),
    Column("confidence", "0..1; `teken eval --calibration` checks it against gold", "0.9"),
    Column("url", "the article's address, for convenience", "https://example.co.id/2023/06/14/ombudsman-kampar/",
           nullable=True),
    Column("published", "the article's publication date (ISO), for convenience", "2023-06-14", nullable=True),
    Column("canonical_id", "the real-world ceremony this report is of (`canonical_events.canonical_id`): the "
           "events of articles reporting one signing share it", "ce-3f2a9c1d0b7e4a55"),
))

PARTIES = DataFile("parties.parquet", "party of an event (`event_id` joins `events`)", (
    Column("event_id", "the event (`events.event_id`)", "ev-05b05f835fc97688"),
    Column("article_id", "the article (`articles.article_id`)", "a-07d6169dc9c5bc55"),
    Column("party_index", "the party's place in the event's `parties`, from 0", "1"),
    Column("mention", "the words in the text", "Pemkab Kampar"),
    Column("name", "canonical name of the institution", "Pemerintah Kabupaten Kampar"),
    Column("kind", "`ombudsman`, `pemerintah_daerah`, `dprd`, `kementerian_lembaga`, `penegak_hukum`, "
           "`bumn_bumd`, `perguruan_tinggi`, `swasta`, `organisasi`, `lainnya`", "pemerintah_daerah"),
    Column("region_code", f"{_CODE}, of a regional body; null for national bodies, universities and companies",
           "14.01", nullable=True),
    Column("representative", "the person who signed for it, with title, when named", "Bupati Kampar Azwar Fikri",
           nullable=True),
))

ARTICLES = DataFile("articles.parquet", "article read, readable or not", (
    Column("article_id", "the input's own `id` (JSONL), else a hash of the URL, else of the content; "
           "`ID@FILE` (`#LINE`, `#RECORD`) when an earlier article has the same id", "a-07d6169dc9c5bc55"),
    Column("input_path", "the file it came from", "scraped/riau/kampar.html"),
    Column("input_record", "line (JSONL) or record (WARC) number, where a file holds several", "12",
           nullable=True),
    Column("url", "the page's address, normalised (tracking parameters, fragment, trailing slash, AMP and "
           "mobile copies removed)", "https://example.co.id/2023/06/14/ombudsman-kampar/", nullable=True),
    Column("site", "the site's name", "Riau Pagi", nullable=True),
    Column("title", "the headline", "Ombudsman Riau dan Pemkab Kampar Tandatangani Rencana Kerja", nullable=True),
    Column("published", "publication date (ISO), the day in Jakarta time", "2023-06-14", nullable=True),
    Column("language", "language of the cleaned text", "id", nullable=True),
    Column("text_length", "characters of cleaned text", "2272"),
    Column("n_events", "events read from it", "3"),
    Column("error", "null, or why it could not be read; `duplicate: the same article as ID (...)` for a page "
           "read twice", "not Indonesian (en)", nullable=True),
    Column("truncated", "the cleaned text was longer than 500,000 characters and was cut at the last paragraph "
           "break before it", "false"),
    Column("notes", "what reading changed, `; `-joined (a cut with both lengths, unpaired surrogates replaced "
           "by U+FFFD, a repeated id qualified)", "id repeated: first seen in a.jsonl#3", nullable=True),
    Column("text", "the cleaned text the evidence offsets point into; null with `--no-text`",
           "BANGKINANG – Ombudsman RI Perwakilan Riau ...", nullable=True),
))

CANONICAL = DataFile("canonical_events.parquet", "real-world signing ceremony: the events of every article that "
                     "reports it, linked (`pipeline/batch/canonical.py`) and merged", (
    Column("canonical_id", "stable id of the ceremony: the same reports give the same id on every run; "
           "`events.canonical_id` joins", "ce-3f2a9c1d0b7e4a55"),
    Column("agreement_types", "every label its reports give, in SPEC order", '["mou", "pks"]'),
    Column("agreement_title", "the title most reports give (the longest among equals)",
           "peningkatan kualitas pelayanan publik", nullable=True),
    Column("status", "`signed` when any report says it took place, else `planned`", "signed"),
    Column("date", "the most precise date its reports give (the most reported among those)", "2023-06-13",
           nullable=True),
    Column("date_precision", "`day`, `month` or `year`", "day", nullable=True),
    Column("date_text", "the words `date` came from, in the report it came from", "Selasa (13/6/2023)",
           nullable=True),
    Column("venue", "the venue most reports give (the fullest among equals)", "Ruang Rapat Bupati Kampar",
           nullable=True),
    Column("venue_region_code", f"{_CODE}, of the venue", "14.01", nullable=True),
    Column("parties", "the fullest party list: the longest report's, then the parties other reports add "
           "(structs as in `events.parties`)",
           '[{"mention": "Pemkab Kampar", "name": "Pemerintah Kabupaten Kampar", "kind": "pemerintah_daerah", '
           '"region_code": "14.01", "representative": null}]'),
    Column("evidence", "the evidence sentence of the report with the most parties",
           "Ombudsman RI Perwakilan Riau dan Pemerintah Kabupaten Kampar menandatangani ..."),
    Column("confidence", "the highest confidence of its reports", "0.9"),
    Column("first_published", "the earliest publication date of its reports", "2023-06-13", nullable=True),
    Column("event_ids", "its reports (`events.event_id`), in input order", '["ev-05b05f835fc97688"]'),
    Column("article_ids", "the articles reporting it (`articles.article_id`)", '["a-07d6169dc9c5bc55"]'),
    Column("urls", "their addresses", '["https://example.co.id/2023/06/14/ombudsman-kampar/"]'),
    Column("n_sources", "articles reporting it", "3"),
    Column("n_outlets", "distinct sites among them: registered domains of the URLs (`bali.idntimes.com` is "
           "`idntimes.com`); an article without a URL counts as a site of its own", "2"),
    Column("conflicts", "fields whose reports disagree, each with every value given: structs of `field` "
           "(`agreement_types`, `status`, `date`, `venue`, `venue_region_code`, `agreement_title`) and `values`; "
           "a value that only says less (`2023-06` beside `2023-06-13`, a venue inside a fuller one) is no "
           "conflict", '[{"field": "date", "values": ["2025-10-29", "2025-10-30"]}]'),
))

_NAME = "Kemendagri name of the region (`teken.region_name`)"
_LIST = f"`{LIST_SEPARATOR}`-separated, in party order; an empty item where a party has none"

EVENTS_CSV = DataFile("events.csv", "event, flat: lists in one cell, parties as one column per attribute", (
    CsvColumn("event_id", "events.parquet:event_id"),
    CsvColumn("article_id", "events.parquet:article_id"),
    CsvColumn("agreement_types", meaning=f"`agreement_types`, `{LIST_SEPARATOR}`-separated", example="mou|pks",
              type="list", nullable=False),
    CsvColumn("agreement_title", "events.parquet:agreement_title"),
    CsvColumn("status", "events.parquet:status"),
    CsvColumn("date", "events.parquet:date"),
    CsvColumn("date_precision", "events.parquet:date_precision"),
    CsvColumn("date_text", "events.parquet:date_text"),
    CsvColumn("venue", "events.parquet:venue"),
    CsvColumn("venue_region_code", "events.parquet:venue_region_code"),
    CsvColumn("venue_region_name", meaning=f"{_NAME} of `venue_region_code`", example="Kabupaten Kampar"),
    CsvColumn("evidence", "events.parquet:evidence"),
    CsvColumn("evidence_start", "events.parquet:evidence_start"),
    CsvColumn("evidence_end", "events.parquet:evidence_end"),
    CsvColumn("confidence", "events.parquet:confidence"),
    CsvColumn("url", "events.parquet:url"),
    CsvColumn("published", "events.parquet:published"),
    CsvColumn("party_names", meaning=f"the parties' `name`, {_LIST}",
              example="Ombudsman RI Perwakilan Riau|Pemerintah Kabupaten Kampar", type="list"),
    CsvColumn("party_kinds", meaning=f"the parties' `kind`, {_LIST}", example="ombudsman|pemerintah_daerah",
              type="list"),
    CsvColumn("party_region_codes", meaning=f"the parties' `region_code`, {_LIST}", example="14|14.01",
              type="list"),
    CsvColumn("party_region_names", meaning=f"the parties' region names ({_NAME}), {_LIST}",
              example="Riau|Kabupaten Kampar", type="list"),
    CsvColumn("party_mentions", meaning=f"the parties' `mention`, {_LIST}",
              example="Ombudsman Riau|Pemkab Kampar", type="list"),
    CsvColumn("party_representatives", meaning=f"the parties' `representative`, {_LIST}",
              example="|Bupati Kampar Azwar Fikri", type="list"),
    CsvColumn("canonical_id", "events.parquet:canonical_id"),
))

PARTIES_CSV = DataFile("parties.csv", "party of an event, as `parties.parquet`, with the region's name", (
    *(CsvColumn(c.name, f"parties.parquet:{c.name}") for c in PARTIES.columns if c.name != "representative"),
    CsvColumn("region_name", meaning=f"{_NAME} of `region_code`", example="Kabupaten Kampar"),
    CsvColumn("representative", "parties.parquet:representative"),
))

ARTICLES_CSV = DataFile("articles.csv", "article read, as `articles.parquet` without its `text` (a spreadsheet "
                        "cell holds at most 32,767 characters; the text is in the Parquet file)", tuple(
    CsvColumn(c.name, f"articles.parquet:{c.name}") for c in ARTICLES.columns if c.name != "text"))

CANONICAL_CSV = DataFile("canonical_events.csv", "real-world signing ceremony, flat: lists in one cell, "
                         "parties as one column per attribute", (
    *(CsvColumn(c.name, f"canonical_events.parquet:{c.name}") for c in CANONICAL.columns
      if c.name in ("canonical_id", "agreement_title", "status", "date", "date_precision", "date_text", "venue",
                    "venue_region_code")),
    CsvColumn("venue_region_name", meaning=f"{_NAME} of `venue_region_code`", example="Kabupaten Kampar"),
    CsvColumn("agreement_types", meaning=f"`agreement_types`, `{LIST_SEPARATOR}`-separated", example="mou|pks",
              type="list", nullable=False),
    *(CsvColumn(c.name, f"canonical_events.parquet:{c.name}") for c in CANONICAL.columns
      if c.name in ("evidence", "confidence", "first_published", "n_sources", "n_outlets")),
    CsvColumn("party_names", meaning=f"the parties' `name`, {_LIST}",
              example="Ombudsman RI Perwakilan Riau|Pemerintah Kabupaten Kampar", type="list"),
    CsvColumn("party_kinds", meaning=f"the parties' `kind`, {_LIST}", example="ombudsman|pemerintah_daerah",
              type="list"),
    CsvColumn("party_region_codes", meaning=f"the parties' `region_code`, {_LIST}", example="14|14.01",
              type="list"),
    CsvColumn("party_region_names", meaning=f"the parties' region names ({_NAME}), {_LIST}",
              example="Riau|Kabupaten Kampar", type="list"),
    CsvColumn("event_ids", meaning=f"`event_ids`, `{LIST_SEPARATOR}`-separated", example="ev-05b0...|ev-9c1e...",
              type="list", nullable=False),
    CsvColumn("article_ids", meaning=f"`article_ids`, `{LIST_SEPARATOR}`-separated",
              example="a-07d6...|a-5e2b...", type="list", nullable=False),
    CsvColumn("urls", meaning=f"`urls`, `{LIST_SEPARATOR}`-separated", example="https://a.co.id/x|https://b.com/y",
              type="list"),
    CsvColumn("conflicts", meaning="`conflicts` as a JSON object: field -> the values its reports give; empty "
              "when they agree", example='{"date": ["2025-10-29", "2025-10-30"]}'),
))

PARQUET_FILES = (EVENTS, PARTIES, ARTICLES, CANONICAL)
CSV_FILES = (EVENTS_CSV, PARTIES_CSV, ARTICLES_CSV, CANONICAL_CSV)
FILES = PARQUET_FILES + CSV_FILES

# Types as shown: Arrow's names, and for a CSV what the cell holds.
_CSV_TYPE = {"string": "text", "int32": "integer", "int64": "integer", "double": "decimal", "bool": "true/false"}
_CSV_TYPE_SHOWN = {"text": "text", "integer": "integer", "decimal": "decimal", "list": "list",
                   "true/false": "true/false"}


def data_file(name: str) -> DataFile:
    for f in FILES:
        if f.name == name or f.name.split(".")[0] == name:
            return f
    raise KeyError(name)


def _arrow_schemas() -> dict[str, Any]:
    from teken.pipeline.batch.writers import ARTICLES_SCHEMA, CANONICAL_SCHEMA, EVENTS_SCHEMA, PARTIES_SCHEMA

    return {"events.parquet": EVENTS_SCHEMA, "parties.parquet": PARTIES_SCHEMA, "articles.parquet": ARTICLES_SCHEMA,
            "canonical_events.parquet": CANONICAL_SCHEMA}


def _arrow_type_name(arrow_type: Any) -> str:
    import pyarrow as pa

    if pa.types.is_list(arrow_type):
        inner = arrow_type.value_type
        return f"list<{'struct' if pa.types.is_struct(inner) else _arrow_type_name(inner)}>"
    if pa.types.is_float64(arrow_type):
        return "float64"
    return str(arrow_type)


def parquet_column(ref: str) -> Column:
    file, _, column = ref.partition(":")
    return next(c for c in data_file(file).columns if c.name == column)


def rows(file: DataFile) -> list[dict[str, Any]]:
    """The dictionary of one file: name, type, nullable, meaning, example, one dict per column."""
    out = []
    if file.name.endswith(".parquet"):
        schema = _arrow_schemas()[file.name]
        for c in file.columns:
            out.append({"name": c.name, "type": _arrow_type_name(schema.field(c.name).type), "nullable": c.nullable,
                        "meaning": c.meaning, "example": c.example})
        return out
    schema_of = _arrow_schemas()
    for c in file.columns:
        if c.source:
            src = parquet_column(c.source)
            arrow = schema_of[c.source.split(":")[0]].field(src.name).type
            out.append({"name": c.name, "type": _CSV_TYPE.get(_arrow_type_name(arrow), "text"),
                        "nullable": src.nullable, "meaning": src.meaning, "example": src.example})
        else:
            out.append({"name": c.name, "type": _CSV_TYPE_SHOWN[c.type], "nullable": c.nullable,
                        "meaning": c.meaning, "example": c.example})
    return out


def csv_columns(name: str) -> list[str]:
    return [c.name for c in data_file(name).columns]


def descriptions(name: str) -> dict[str, str]:
    """column -> meaning, for a Parquet file's field metadata."""
    return {c.name: c.meaning for c in data_file(name).columns}


def as_json() -> dict[str, Any]:
    return {"list_separator": LIST_SEPARATOR,
            "files": [{"file": f.name, "one_row_per": f.row, "columns": rows(f)} for f in FILES]}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown() -> str:
    """The dictionary as the Markdown tables of the README (`teken schema` prints this)."""
    parts = []
    for f in FILES:
        parts.append(f"**`{f.name}`** — one row per {f.row}.\n")
        parts.append("| column | type | meaning | example |\n|---|---|---|---|")
        for r in rows(f):
            kind = f"`{r['type']}`" + (", null" if r["nullable"] else "")
            example = f"`{_cell(r['example'])}`" if r["example"] else ""
            parts.append(f"| `{r['name']}` | {kind} | {_cell(r['meaning'])} | {example} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def schema_command(args: Any) -> int:
    import sys

    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(as_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(markdown())
    return 0
