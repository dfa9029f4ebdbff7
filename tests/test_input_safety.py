"""Issue 10, the input side: a bad character, a repeated id, a failing article or an overlong text costs at
most its own article, and what teken changed on the way is recorded in `articles` (`notes`, `truncated`).

One run (gazetteer only, no NER model) over a folder holding every case keeps this file fast."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from teken.corpus.clean import clean_document
from teken.corpus.readers import RawDocument, iter_documents
from teken.corpus.settings import ReadSettings
from teken.pipeline.batch.run import RunOptions, run_pipeline

# Written for these tests: two short signing reports that the gazetteer alone reads.
KOTA = ("PEKANBARU – Ombudsman RI Perwakilan Riau dan Pemerintah Kota Pekanbaru menandatangani nota "
        "kesepahaman tentang peningkatan kualitas pelayanan publik di Balai Kota Pekanbaru, Senin (3/6/2024)."
        "\n\nKepala Ombudsman RI Perwakilan Riau mengatakan kerja sama itu menjadi dasar pengawasan layanan "
        "perizinan di seluruh kecamatan.")
KAB = KOTA.replace("Pemerintah Kota Pekanbaru", "Pemerintah Kabupaten Kampar").replace(
    "Balai Kota Pekanbaru", "Bangkinang")
FILLER = "\n\n".join(f"Paragraf tambahan nomor {i} tentang layanan publik di kota itu." for i in range(40))
CAP = 1000


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")  # ASCII: \ud800 stays escaped
    return path


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    import teken.extractors.events

    root = tmp_path_factory.mktemp("masuk")
    src = root / "src"
    src.mkdir()
    _jsonl(src / "a-surrogat.jsonl", [
        {"id": "satu", "text": KOTA},
        {"id": "dua", "title": "Judul \ud800 rusak", "text": KAB.replace("kerja sama", "kerja \ud800 sama")},
        # Not the same text as "dua" (a page read twice is one article: tests/test_duplicates.py).
        {"id": "tiga", "text": KAB + "\n\nAcara itu juga dihadiri para camat se-Kabupaten Kampar."},
    ])
    _jsonl(src / "b-ganda.jsonl", [{"id": "satu", "text": KAB}, {"id": "satu", "text": KAB}])
    _jsonl(src / "c-gagal.jsonl", [{"id": "rusak", "text": KAB + "\n\nBerita ini gagal dibaca oleh pengekstrak dalam uji."}, {"id": "panjang", "text": KOTA + "\n\n" + FILLER}])
    with open(os.path.join(os.fsencode(src), b"d-berita-\xff.txt"), "wb") as fh:
        fh.write((KOTA + "\n\nBerita ini dikirim dari berkas yang namanya bukan UTF-8.").encode())

    real = teken.extractors.events.extract_events

    def flaky(doc, gazetteer, article_id, *args, **kw):
        if article_id == "rusak":
            raise ValueError("'ombudsman:RI' is not in list")
        return real(doc, gazetteer, article_id, *args, **kw)

    out = root / "out"
    mp = pytest.MonkeyPatch()
    mp.setattr(teken.extractors.events, "extract_events", flaky)
    try:
        run_pipeline(RunOptions(inputs=[str(src)], out=str(out), use_model=False, progress=False,
                                settings=ReadSettings(max_text_chars=CAP)))
    finally:
        mp.undo()
    tables = {name: pd.read_parquet(out / f"{name}.parquet") for name in ("articles", "events", "parties")}
    tables["articles"] = tables["articles"].astype(object).where(tables["articles"].notna(), None)
    return src, tables


def test_a_lone_surrogate_is_replaced_where_it_is_read_and_costs_no_article(run) -> None:
    src, t = run
    assert "\\ud800" in (src / "a-surrogat.jsonl").read_text()
    rows = t["articles"][t["articles"]["input_path"] == str(src / "a-surrogat.jsonl")].set_index("article_id")
    assert rows["error"].isna().all(), rows["error"].tolist()
    assert set(t["events"]["article_id"]) >= {"satu", "dua", "tiga"}
    dua = rows.loc["dua"]
    assert "\ufffd" in dua["text"] and "\ud800" not in dua["text"] and dua["title"] == "Judul \ufffd rusak"
    assert "2 unpaired surrogates" in dua["notes"]
    assert rows.loc["satu", "notes"] is None


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_read(run) -> None:
    src, t = run
    row = t["articles"][t["articles"]["input_path"] == f"{src}/d-berita-\\xff.txt"]
    assert len(row) == 1 and row["error"].iloc[0] is None and row["n_events"].iloc[0] == 1


def test_the_same_id_in_two_files_gives_two_articles_with_their_own_ids(run) -> None:
    src, t = run
    first, again = src / "a-surrogat.jsonl", src / "b-ganda.jsonl"
    rows = t["articles"][t["articles"]["article_id"].str.startswith("satu")]
    assert rows["article_id"].tolist() == ["satu", f"satu@{again}", f"satu@{again}#2"]
    notes = rows["notes"].tolist()
    assert notes[0] is None and all(f"id 'satu' also in {first}" in n for n in notes[1:])
    assert t["articles"]["article_id"].is_unique
    assert t["events"]["event_id"].is_unique
    assert (t["parties"].groupby("event_id").size() == 2).all()  # two parties each, never four joined to one


def test_an_article_that_fails_in_extraction_is_named_and_the_run_goes_on(run) -> None:
    src, t = run
    error = t["articles"].set_index("article_id").loc["rusak", "error"]
    assert error.startswith("extraction failed: ValueError: 'ombudsman:RI' is not in list")
    assert f"(article rusak, {src / 'c-gagal.jsonl'} record 1)" in error
    assert "rusak" not in set(t["events"]["article_id"])
    assert "panjang" in set(t["events"]["article_id"])  # the next article of the same file


def test_a_text_over_the_cap_is_cut_and_flagged(run) -> None:
    _, t = run
    rows = t["articles"].set_index("article_id")
    assert rows.loc["panjang", "truncated"] is True and rows.loc["tiga", "truncated"] is False
    assert rows.loc["panjang", "text_length"] <= CAP
    assert f"the {CAP:,}-character cap" in rows.loc["panjang", "notes"]


def test_cleaning_alone_reports_the_cut() -> None:
    long = KOTA + "\n\n" + FILLER
    article = clean_document(RawDocument("x.txt", None, "text", long, {}), ReadSettings(max_text_chars=600))
    assert article.truncated and len(article.text) <= 600 and "cut to" in article.notes


def test_a_repeated_url_without_id_is_qualified_too(tmp_path: Path) -> None:
    paths = [_jsonl(tmp_path / f"{i}.jsonl", [{"url": "https://berita.example.id/mou", "text": text}])
             for i, text in enumerate((KOTA, KAB))]
    ids = [clean_document(d).article_id for d in iter_documents(paths)]
    assert len(set(ids)) == 2 and ids[1] == f"{ids[0]}@{paths[1]}"


def _page(text: str, canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return f"<html><head><meta charset='utf-8'>{link}<title>Nota kesepahaman</title></head><body>" \
           f"<article>{paras}</article></body></html>"


def test_the_same_page_saved_twice_and_two_pages_with_one_canonical_url_get_their_own_ids(tmp_path: Path) -> None:
    for folder in ("1-senin", "2-selasa"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "berita.html").write_text(_page(KOTA), encoding="utf-8")
        (tmp_path / folder / "kanonik.html").write_text(
            _page(KOTA if folder == "1-senin" else KAB, "https://berita.example.id/mou-kampar"), encoding="utf-8")
    articles = [clean_document(d) for d in iter_documents([tmp_path])]
    assert all(a.error is None for a in articles)
    ids = [a.article_id for a in articles]
    assert len(set(ids)) == 4, ids
    later = {a.input_path: a for a in articles if "2-selasa" in a.input_path}
    same = later[str(tmp_path / "2-selasa" / "berita.html")]
    assert same.article_id.endswith(f"@{tmp_path / '2-selasa' / 'berita.html'}")
    assert "the same content also in" in same.notes
    canon = later[str(tmp_path / "2-selasa" / "kanonik.html")]
    assert "URL https://berita.example.id/mou-kampar also in" in canon.notes
