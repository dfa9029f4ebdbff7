"""Issue 11: URLs are normalised (courlan plus AMP and mobile copies), and the same page read twice (the same
normalised URL, or the same cleaned text) is one article: the later reading keeps its `articles` row, marked
"duplicate: the same article as <first id> (...)", and gives no events, whatever the chunks, the number of
workers or a resume. WARC records that are no article are counted in the manifest, not dropped silently."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import teken.pipeline.batch.writers as writers
from teken.corpus.readers import iter_documents
from teken.corpus.urls import normalise_url, text_key, url_key
from teken.pipeline.batch.run import RunOptions, run_pipeline


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("https://www.Riaupos.example.id/berita/2024/06/03/mou/?utm_source=facebook&utm_medium=social&fbclid=Iw1",
         "https://www.riaupos.example.id/berita/2024/06/03/mou"),
        ("https://www.riaupos.example.id/berita/mou?gclid=x&page=2#komentar",
         "https://www.riaupos.example.id/berita/mou?page=2"),
        ("https://www.riaupos.example.id/amp/berita/mou", "https://www.riaupos.example.id/berita/mou"),
        ("https://news.riaupos.example.id/berita/mou/amp", "https://news.riaupos.example.id/berita/mou"),
        ("https://www.riaupos.example.id/berita/mou?amp=1", "https://www.riaupos.example.id/berita/mou"),
        ("https://www.riaupos.example.id/berita/mou?outputType=amp", "https://www.riaupos.example.id/berita/mou"),
        ("https://amp.kabar-contoh.co.id/berita/mou", "https://www.kabar-contoh.co.id/berita/mou"),
        ("https://m.kabar-contoh.co.id/berita/mou", "https://www.kabar-contoh.co.id/berita/mou"),
        ("https://mobile.kabar-contoh.com/berita/mou", "https://www.kabar-contoh.com/berita/mou"),
        ("https://m.news.kabar-contoh.co.id/berita/mou", "https://news.kabar-contoh.co.id/berita/mou"),
        ("http://www.riaupos.example.id:80/berita/mou", "http://www.riaupos.example.id/berita/mou"),
        ("https://web.archive.org/web/20240603000000/https://m.kabar-contoh.co.id/berita/mou/",
         "https://www.kabar-contoh.co.id/berita/mou"),
        ("https://www.riaupos.example.id/berita?id=77&utm_campaign=juni", "https://www.riaupos.example.id/berita?id=77"),
        ("bukan alamat", None),
        ("", None),
    ],
)
def test_urls_are_normalised(url: str, normal: str | None) -> None:
    assert normalise_url(url) == normal


def test_one_page_by_every_variant_has_one_key_and_another_page_another() -> None:
    variants = ["http://riaupos.example.id/berita/mou", "https://www.riaupos.example.id/berita/mou/#atas",
                "https://m.riaupos.example.id/amp/berita/mou?utm_source=wa", "https://amp.riaupos.example.id/berita/mou"]
    assert {url_key(u) for u in variants} == {"riaupos.example.id/berita/mou"}
    assert url_key("https://www.riaupos.example.id/berita/mou?page=2") != url_key(variants[0])
    assert text_key("Satu  dua,\n\ntiga.") == text_key("satu dua tiga") != text_key("satu dua empat")


# ---- the same page read twice, in a run ---------------------------------------------------------------------

CITIES = [("Pekanbaru", "Riau"), ("Padang", "Sumatera Barat"), ("Jambi", "Jambi"), ("Medan", "Sumatera Utara"),
          ("Palembang", "Sumatera Selatan")]


def _report(city: str, province: str) -> str:
    """A short signing report written for these tests, one per city."""
    return (f"{city.upper()} – Ombudsman RI Perwakilan {province} dan Pemerintah Kota {city} menandatangani nota "
            f"kesepahaman tentang peningkatan kualitas pelayanan publik di Balai Kota {city}, Senin (3/6/2024)."
            f"\n\nKepala Ombudsman RI Perwakilan {province} mengatakan kerja sama itu menjadi dasar pengawasan "
            f"layanan perizinan di seluruh kecamatan di Kota {city}.")


PEKANBARU, PADANG, JAMBI, MEDAN, PALEMBANG = (_report(c, p) for c, p in CITIES)
SITE = "https://www.riaupos.example.id/berita/2024/06/03/"
LINES = [
    {"id": "a", "url": SITE + "mou-pekanbaru?utm_source=facebook&fbclid=Iw1", "text": PEKANBARU},
    {"id": "b", "url": "https://m.riaupos.example.id/amp/berita/2024/06/03/mou-pekanbaru/",  # the AMP copy
     "text": PEKANBARU + "\n\nBaca juga: berita lain dari Pekanbaru hari ini."},
    {"id": "c", "url": "https://portal.example.id/salinan/123",  # another site's copy: the same text
     "text": PEKANBARU.replace(" – ", " - ").replace("\n\n", "\n\n\n")},
    {"id": "d", "url": SITE + "mou-padang", "text": ""},  # unreadable: claims nothing
    {"id": "e", "url": SITE + "mou-padang#komentar", "text": PADANG},
    {"id": "f", "url": "https://www.riaupos.example.id/", "text": JAMBI},  # a home page names no article
    {"id": "g", "url": "https://www.riaupos.example.id/", "text": MEDAN},
    {"id": "h", "text": PALEMBANG},
    {"id": "i", "text": PALEMBANG},
]
EXPECTED = {"b": "duplicate: the same article as a (same URL after normalisation)",
            "c": "duplicate: the same article as a (same cleaned text)",
            "d": "text is empty",
            "i": "duplicate: the same article as h (same cleaned text)"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("ganda") / "src"
    src.mkdir()
    # Two files, so that a duplicate is found across files as well as within one.
    (src / "1.jsonl").write_text("".join(json.dumps(x) + "\n" for x in LINES[:5]), encoding="utf-8")
    (src / "2.jsonl").write_text("".join(json.dumps(x) + "\n" for x in LINES[5:]), encoding="utf-8")
    return src


def _run(corpus: Path, out: Path, **kw) -> dict[str, pd.DataFrame]:
    # One article a chunk: every duplicate is in another chunk than its first.
    opts = RunOptions(inputs=[str(corpus)], out=str(out), use_model=False, progress=False, batch_size=1,
                      chunk_size=1, **kw)
    run_pipeline(opts)
    tables = {name: pd.read_parquet(out / f"{name}.parquet") for name in ("articles", "events")}
    tables["manifest"] = json.loads((out / "manifest.json").read_text())
    return tables


@pytest.fixture(scope="module")
def baseline(corpus: Path, tmp_path_factory) -> dict:
    return _run(corpus, tmp_path_factory.mktemp("base") / "out")


def _decisions(articles: pd.DataFrame) -> dict[str, str | None]:
    return {a: (e if isinstance(e, str) else None) for a, e in zip(articles["article_id"], articles["error"], strict=True)}


def test_a_page_read_twice_is_one_article_with_its_events_once(baseline: dict) -> None:
    articles, events = baseline["articles"], baseline["events"]
    decisions = _decisions(articles)
    assert list(decisions) == [x["id"] for x in LINES]  # every reading keeps its row
    assert {k: v for k, v in decisions.items() if v} == EXPECTED
    with_events = set(events["article_id"])
    assert {"a", "e", "f", "g", "h"} <= with_events
    assert not with_events & {"b", "c", "i"}
    assert (articles.set_index("article_id").loc[["b", "c", "i"], "n_events"] == 0).all()
    row = articles.set_index("article_id").loc["a"]
    assert row["url"] == SITE + "mou-pekanbaru"  # tracking parameters gone
    counts = baseline["manifest"]["counts"]
    assert counts["duplicates"] == counts["duplicates_this_run"] == 3
    assert counts["errors"] == 4  # the duplicates and the empty text
    assert baseline["manifest"]["error_reasons"]["duplicate"] == 3


def test_keep_duplicates_reads_every_page_as_its_own_article(corpus: Path, baseline: dict, tmp_path: Path) -> None:
    kept = _run(corpus, tmp_path / "out", dedupe=False)
    decisions = _decisions(kept["articles"])
    assert not any(v and v.startswith("duplicate") for v in decisions.values())
    assert {"b", "c", "i"} <= set(kept["events"]["article_id"])  # the copies give their events again
    assert kept["manifest"]["counts"]["duplicates"] == 0


def test_the_first_is_the_same_with_workers(corpus: Path, baseline: dict, tmp_path: Path) -> None:
    pooled = _run(corpus, tmp_path / "out", workers=2)
    assert _decisions(pooled["articles"]) == _decisions(baseline["articles"])
    assert sorted(pooled["events"]["event_id"]) == sorted(baseline["events"]["event_id"])


class _Stop(Exception):
    pass


@pytest.mark.parametrize(("stop", "with_text"), [(1, True), (1, False), (3, True)])
def test_a_resumed_run_decides_as_an_unbroken_one(corpus: Path, baseline: dict, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch, stop: int, with_text: bool) -> None:
    """Stopped after `stop` chunks (after 1: "a" committed, its two duplicates not yet read), then resumed: the
    duplicates are found against the committed chunks, also when these hold no text (--no-text)."""
    out = tmp_path / "out"
    seen = {"n": 0}

    def stop_after(point: str) -> None:
        if point == "part-committed":
            seen["n"] += 1
            if seen["n"] == stop:
                raise _Stop

    monkeypatch.setattr(writers, "fault", stop_after)
    with pytest.raises(_Stop):
        _run(corpus, out, with_text=with_text)
    monkeypatch.undo()
    resumed = _run(corpus, out, resume=True, with_text=with_text)
    assert _decisions(resumed["articles"]) == _decisions(baseline["articles"])
    assert sorted(resumed["events"]["event_id"]) == sorted(baseline["events"]["event_id"])
    counts = resumed["manifest"]["counts"]
    assert counts["skipped_done"] == stop
    assert counts["duplicates"] == 3 and counts["duplicates_this_run"] == (3 if stop == 1 else 1)


# ---- what a WARC holds besides articles -----------------------------------------------------------------------

def _page(text: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return f"<html><head><title>Berita</title></head><body><article>{paragraphs}</article></body></html>".encode()


def _write_crawl(path: Path) -> None:
    """A crawl as a crawler writes it (every record written here): two articles among what is no article."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "teken-tests"}))

        def response(url: str, status: str, ctype: str, body: bytes, extra: list | None = None) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype), *(extra or [])], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

        request = StatusAndHeaders("GET /berita/mou HTTP/1.1", [("Host", "riaupos.example.id")], is_http_request=True)
        w.write_record(w.create_warc_record(SITE + "mou", "request", payload=io.BytesIO(b""), http_headers=request))
        response(SITE + "mou", "200 OK", "text/html; charset=utf-8", _page(PEKANBARU))
        response(SITE + "lama", "301 Moved Permanently", "text/html", b"", [("Location", SITE + "mou")])
        response(SITE + "sementara", "302 Found", "text/html", b"", [("Location", SITE + "mou")])
        response(SITE + "hilang", "404 Not Found", "text/html", b"<html><body>Tidak ditemukan</body></html>")
        response(SITE + "galat", "503 Service Unavailable", "text/html", b"<html><body>Sibuk</body></html>")
        response(SITE + "foto.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(200))
        response(SITE + "laporan.pdf", "200 OK", "application/pdf", b"%PDF-1.4\n" + bytes(200))
        response(SITE + "gaya.css", "200 OK", "text/css", b"body { color: black }")
        w.write_record(w.create_warc_record(SITE + "mou", "metadata", payload=io.BytesIO(b"outlinks: 3\n"),
                                            warc_content_type="application/warc-fields"))
        response(SITE + "padang", "200 OK", "text/html; charset=utf-8", _page(PADANG))


WARC_SKIPPED = {"warcinfo": 1, "request": 1, "metadata": 1, "redirect": 2, "http-error": 2, "non-html": 3}


def test_warc_records_that_are_no_article_are_counted_by_reason(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_crawl(path)
    counts: dict = {}
    docs = list(iter_documents([path], passed_over=counts))
    assert [d.meta["url"] for d in docs] == [SITE + "mou", SITE + "padang"]
    assert dict(counts["warc"]) == WARC_SKIPPED


def test_the_manifest_counts_what_a_run_passed_over(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _write_crawl(src / "crawl.warc.gz")
    (src / "README.md").write_text("Catatan tentang hasil perayapan.\n", encoding="utf-8")
    run = _run(src, tmp_path / "out")
    assert len(run["articles"]) == 2 and run["articles"]["error"].isna().all()
    assert run["manifest"]["skipped"] == {"files": {"not-article": 1}, "warc": WARC_SKIPPED}


def test_a_crawl_that_fetched_a_page_and_its_amp_copy_gives_one_article_and_unique_ids(tmp_path: Path) -> None:
    """Without input ids the id is a hash of the normalised URL: the AMP copy's id is qualified, never the same."""
    src = tmp_path / "src"
    src.mkdir()
    with open(src / "crawl.warc", "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        for url, text in ((SITE + "mou-padang?utm_source=twitter", PADANG),
                          ("https://m.riaupos.example.id/amp/berita/2024/06/03/mou-padang", PADANG),
                          (SITE + "mou-jambi", JAMBI)):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(_page(text)), http_headers=headers))
    articles = _run(src, tmp_path / "out")["articles"]
    assert articles["article_id"].is_unique
    first, amp, other = articles.astype(object).where(articles.notna(), None).to_dict("records")
    assert first["url"] == SITE + "mou-padang" and first["error"] is None
    assert amp["error"] == f"duplicate: the same article as {first['article_id']} (same URL after normalisation)"
    assert amp["article_id"].endswith(f"@{src / 'crawl.warc'}#2")  # qualified as a repeat of record 1
    assert other["error"] is None
