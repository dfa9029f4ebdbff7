"""Files for spreadsheets and analysts (issue 11): CSV that keeps region codes, ids and dates as text in pandas,
the csv module and (excel-id dialect) Excel; one data dictionary that the Parquet metadata, `teken schema`
and the README all show; `teken.region_name`. The articles below were written for this test."""

from __future__ import annotations

import csv
import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import teken
from teken import schema
from teken.pipeline import UsageError
from teken.pipeline.batch.cli import main as teken_main
from teken.pipeline.batch.writers import (
    ARTICLES_SCHEMA,
    CANONICAL_SCHEMA,
    EVENTS_SCHEMA,
    FINAL_FILES,
    PARTIES_SCHEMA,
    _csv_cell,
    write_csv,
)

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpus" / "demo"
BOM = b"\xef\xbb\xbf"

ARTICLES = [
    {"id": "00123", "url": "https://contoh.co.id/2023/06/13/meranti-ombudsman", "published": "2023-06-13",
     "title": "=Pemkab Meranti dan Ombudsman Riau Teken MoU",
     "text": "SELATPANJANG - Pemerintah Kabupaten Kepulauan Meranti dan Ombudsman RI Perwakilan Riau "
             "menandatangani nota kesepahaman dan perjanjian kerja sama tentang peningkatan pelayanan publik di "
             "Selatpanjang, Senin (12/6/2023).\n\nKerja sama itu berlaku selama tiga tahun, kata seorang pejabat "
             "daerah kepada wartawan setelah acara selesai."},
    {"id": "2023", "url": "https://contoh.co.id/2023/07/01/cuaca", "published": "2023-07-01",
     "title": "Cuaca cerah di Selatpanjang",
     "text": "Cuaca di Selatpanjang cerah sepanjang hari Sabtu. Warga memanfaatkan akhir pekan untuk berjalan-jalan "
             "di tepi pantai dan menikmati kuliner setempat bersama keluarga."},
]


def _run(inputs: Path, out: Path, *extra: str) -> None:
    assert teken_main(["run", str(inputs), "--out", str(out), "--no-model", "--no-progress", *extra]) == 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    (folder / "berita.jsonl").write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def plain(corpus: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("plain") / "out"
    _run(corpus, out)
    return out


@pytest.fixture(scope="module")
def excel(corpus: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("excel") / "out"
    _run(corpus, out, "--csv-dialect", "excel-id")
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "out"
    _run(DEMO, out)
    return out


# ---- CSV ----------------------------------------------------------------------------------------------------

def test_csv_files_are_written_with_a_bom_and_the_dictionarys_columns(plain: Path) -> None:
    assert {"events.csv", "parties.csv", "articles.csv"} <= set(FINAL_FILES)
    for name in ("events", "parties", "articles"):
        raw = (plain / f"{name}.csv").read_bytes()
        assert raw.startswith(BOM), name
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert header == schema.csv_columns(f"{name}.csv"), name


def test_default_csv_round_trips_codes_ids_and_dates_as_text(plain: Path) -> None:
    parties = pd.read_csv(plain / "parties.csv", dtype=str, keep_default_na=False)
    assert list(parties["region_code"]) == ["14.10", "14"]
    assert list(parties["region_name"]) == ["Kabupaten Kepulauan Meranti", "Riau"]
    assert set(parties["article_id"]) == {"00123"}
    with open(plain / "parties.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["region_code"] for r in rows] == ["14.10", "14"]
    assert rows[0]["party_index"] == "0" and rows[0]["representative"] == ""

    events = pd.read_csv(plain / "events.csv", dtype=str, keep_default_na=False)
    ev = events.iloc[0]
    assert (ev["date"], ev["venue_region_code"], ev["venue_region_name"]) == (
        "2023-06-12", "14.10", "Kabupaten Kepulauan Meranti")
    assert ev["article_id"] == "00123" and ev["published"] == "2023-06-13"

    articles = pd.read_csv(plain / "articles.csv", dtype=str, keep_default_na=False)
    assert list(articles["article_id"]) == ["00123", "2023"]
    assert "text" not in articles.columns  # the text stays in articles.parquet
    assert list(articles["truncated"]) == ["false", "false"]
    # The numbers stay numbers for a reader that guesses types.
    assert pd.read_csv(plain / "articles.csv")["text_length"].dtype.kind == "i"


def test_default_csv_is_rfc4180_with_text_quoted_and_nulls_empty(plain: Path) -> None:
    lines = (plain / "articles.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[1].startswith('"00123","') and ',1,"' in lines[1]  # text quoted, input_record bare
    assert lines[1].endswith(",false,")  # error and notes null: empty, unquoted
    assert lines[-1] == ""


def test_one_list_separator_in_every_list_cell(plain: Path) -> None:
    events = pd.read_csv(plain / "events.csv", dtype=str, keep_default_na=False)
    ev = events.iloc[0]
    assert ev["agreement_types"].split(schema.LIST_SEPARATOR) == ["mou", "pks"]
    assert ev["party_region_codes"].split("|") == ["14.10", "14"]
    assert ev["party_region_names"].split("|") == ["Kabupaten Kepulauan Meranti", "Riau"]
    lists = [c for c in schema.csv_columns("events.csv") if c.startswith("party_")]
    assert {len(ev[c].split("|")) for c in lists} == {2}  # aligned, an empty item for a null


def test_excel_id_dialect_uses_semicolons_and_keeps_codes_as_text_for_excel(excel: Path) -> None:
    raw = (excel / "parties.csv").read_bytes()
    assert raw.startswith(BOM)
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].split(";")[:3] == ['"event_id"', '"article_id"', '"party_index"']
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    # What Excel reads as a formula whose value is the text 14.10 (a bare 14.10 would become the number 14.1).
    assert [r["region_code"] for r in rows] == ['="14.10"', '="14"']
    assert rows[0]["region_name"] == "Kabupaten Kepulauan Meranti"
    assert rows[0]["article_id"] == '="00123"'
    events = list(csv.DictReader(io.StringIO((excel / "events.csv").read_text("utf-8-sig"), newline=""),
                                 delimiter=";"))
    assert events[0]["date"] == '="2023-06-12"'
    assert re.fullmatch(r"0,\d+", events[0]["confidence"])  # decimal comma, as the locale reads numbers
    articles = list(csv.DictReader(io.StringIO((excel / "articles.csv").read_text("utf-8-sig"), newline=""),
                                   delimiter=";"))
    # A title starting with "=" is text, not a formula Excel would run.
    assert articles[0]["title"] == '="=Pemkab Meranti dan Ombudsman Riau Teken MoU"'
    assert articles[1]["article_id"] == '="2023"'
    assert json.loads((excel / "manifest.json").read_text())["csv_dialect"] == "excel-id"


def test_excel_cells_guard_what_excel_would_change_and_nothing_else() -> None:
    assert _csv_cell("14.10", "region_code", True) == '"=""14.10"""'
    assert _csv_cell("18/11", "venue", True) == '"=""18/11"""'  # no letter: Excel would make it a date
    assert _csv_cell("Kota Batam", "venue", True) == '"Kota Batam"'
    assert _csv_cell("- " + "x" * 300, "evidence", True).startswith("\"'- ")  # too long for a formula
    assert _csv_cell(None, "venue", True) == "" and _csv_cell("", "venue", True) == '""'
    assert _csv_cell(0.75, "confidence", True) == "0,75" and _csv_cell(0.75, "confidence", False) == "0.75"
    assert _csv_cell('say "hi"', "title", False) == '"say ""hi"""'
    assert _csv_cell(True, "truncated", True) == "true"


def test_unknown_csv_dialect_is_a_usage_error(tmp_path: Path, corpus: Path, capsys) -> None:
    out = tmp_path / "out"
    assert teken_main(["run", str(corpus), "--out", str(out), "--csv-dialect", "excel"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--csv-dialect" in err[0]
    assert not out.exists()
    with pytest.raises(UsageError):
        write_csv(str(tmp_path / "x.csv"), "parties.csv", [], "tsv")


# ---- the data dictionary -------------------------------------------------------------------------------------

# The contract (SPEC §3): these names and types stay; columns may only be added.
_PARTY = ("struct<mention: string, name: string, kind: string, region_code: string, representative: string>")
CONTRACT = {
    "events": [("event_id", "string"), ("article_id", "string"), ("agreement_types", "list<item: string>"),
               ("agreement_title", "string"), ("status", "string"), ("date", "string"),
               ("date_precision", "string"), ("date_text", "string"), ("venue", "string"),
               ("venue_region_code", "string"), ("parties", f"list<item: {_PARTY}>"), ("evidence", "string"),
               ("evidence_start", "int64"), ("evidence_end", "int64"), ("confidence", "double"),
               ("url", "string"), ("published", "string")],
    "parties": [("event_id", "string"), ("article_id", "string"), ("party_index", "int32"), ("mention", "string"),
                ("name", "string"), ("kind", "string"), ("region_code", "string"), ("representative", "string")],
    "articles": [("article_id", "string"), ("input_path", "string"), ("input_record", "int64"), ("url", "string"),
                 ("site", "string"), ("title", "string"), ("published", "string"), ("language", "string"),
                 ("text_length", "int64"), ("n_events", "int64"), ("error", "string"), ("truncated", "bool"),
                 ("notes", "string"), ("text", "string")],
}


def test_parquet_columns_and_types_keep_the_contract() -> None:
    for name, arrow_schema in (("events", EVENTS_SCHEMA), ("parties", PARTIES_SCHEMA),
                               ("articles", ARTICLES_SCHEMA)):
        got = [(f.name, str(f.type)) for f in arrow_schema]
        assert got[:len(CONTRACT[name])] == CONTRACT[name], name


def test_every_column_written_is_in_the_dictionary_and_described_in_the_parquet(demo: Path) -> None:
    for name in ("events", "parties", "articles", "canonical_events"):
        file = schema.data_file(f"{name}.parquet")
        documented = [c.name for c in file.columns]
        written = pq.read_schema(demo / f"{name}.parquet")
        assert written.names == documented, name
        for field in written:
            assert field.metadata[b"description"].decode() == schema.descriptions(file.name)[field.name]
        assert b"one row per" in written.metadata[b"description"]
        # The file still reads as before: same table as without the metadata.
        assert pq.read_table(demo / f"{name}.parquet").schema.equals(
            {"events": EVENTS_SCHEMA, "parties": PARTIES_SCHEMA, "articles": ARTICLES_SCHEMA,
             "canonical_events": CANONICAL_SCHEMA}[name])
        header = (demo / f"{name}.csv").read_text("utf-8-sig").splitlines()[0]
        assert next(csv.reader([header])) == schema.csv_columns(f"{name}.csv")
    party = pq.read_schema(demo / "events.parquet").field("parties").type.value_type
    assert all(f.metadata and f.metadata[b"description"] for f in party)
    for entry in schema.as_json()["files"]:
        for column in entry["columns"]:
            assert column["meaning"] and column["example"] and column["type"], (entry["file"], column["name"])


def test_readme_shows_exactly_what_teken_schema_prints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- teken schema -->\n(.*?)<!-- /teken schema -->", readme, re.S)
    assert block, "README has no generated data dictionary block"
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert teken_main(["schema"]) == 0
    assert block.group(1) == buffer.getvalue() == schema.markdown(), (
        "README's data dictionary differs from `teken schema`: paste its output between the markers")


def test_teken_schema_json() -> None:
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert teken_main(["schema", "--json"]) == 0
    data = json.loads(buffer.getvalue())
    assert data["list_separator"] == "|"
    files = {f["file"]: f for f in data["files"]}
    assert set(files) == {"events.parquet", "parties.parquet", "articles.parquet", "canonical_events.parquet",
                          "events.csv", "parties.csv", "articles.csv", "canonical_events.csv"}
    region = next(c for c in files["parties.parquet"]["columns"] if c["name"] == "region_code")
    assert region["type"] == "string" and region["nullable"] and region["example"] == "14.01"
    assert [c["name"] for c in files["parties.csv"]["columns"]] == schema.csv_columns("parties.csv")


# ---- region names ----------------------------------------------------------------------------------------------

def test_region_name_gives_the_kemendagri_name_at_every_level() -> None:
    assert teken.region_name("14") == "Riau"
    assert teken.region_name("14.10") == "Kabupaten Kepulauan Meranti"
    assert teken.region_name("14.71") == "Kota Pekanbaru"
    assert teken.region_name("14.10.01") == "Tebing Tinggi"  # kecamatan
    assert teken.region_name("14.10.01.1001") == "Selatpanjang Kota"  # kelurahan
    assert teken.region_name(" 14.10 ") == "Kabupaten Kepulauan Meranti"
    for not_a_code in ("14.1", "1410", "14.99", "99", "", "Riau", None, 14.1):
        assert teken.region_name(not_a_code) is None, not_a_code  # type: ignore[arg-type]


def test_region_names_in_the_csvs_match_the_helper(demo: Path) -> None:
    parties = pd.read_csv(demo / "parties.csv", dtype=str, keep_default_na=False)
    assert (parties["region_code"] != "").any()
    for code, name in zip(parties["region_code"], parties["region_name"], strict=True):
        assert name == (teken.region_name(code) or ""), code
    events = pd.read_csv(demo / "events.csv", dtype=str, keep_default_na=False)
    for code, name in zip(events["venue_region_code"], events["venue_region_name"], strict=True):
        assert name == (teken.region_name(code) or ""), code
