"""Publication dates are parsed in one place (teken.corpus.dateline.normalise_date) for every reader:
HTML metadata through htmldate, JSONL `published` fields, WARC headers and datelines in the text."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from teken.corpus.clean import clean_document
from teken.corpus.dateline import find_publication_date, normalise_date
from teken.corpus.readers import RawDocument, iter_documents

TODAY = date(2024, 1, 1)

# (what a page, a feed or a scraper gives, the day it was published in Jakarta)
FORMS: list[tuple[object, str | None]] = [
    # ISO, with time and zone: the day in Jakarta (UTC+7)
    ("2020-11-19", "2020-11-19"),
    ("2020-11-18T20:30:00Z", "2020-11-19"),
    ("2020-11-18T20:30:00.123Z", "2020-11-19"),
    ("2020-11-18T20:30:00+0000", "2020-11-19"),  # htmldate's output format
    ("2020-11-18 20:30:00 UTC", "2020-11-19"),
    ("2020-11-18T16:59:00Z", "2020-11-18"),
    ("2020-11-18T20:30:00+08:00", "2020-11-18"),
    ("2020-11-19T23:30:00+07:00", "2020-11-19"),
    ("2020-11-19T01:00:00-05:00", "2020-11-19"),
    ("2020-11-19 10:00:00", "2020-11-19"),  # no zone: the newsroom's own day
    ("2020/11/19", "2020-11-19"),
    ("20201119", "2020-11-19"),
    # epoch seconds and milliseconds, as numbers or digits
    (1605744000, "2020-11-19"),
    (1605744000000, "2020-11-19"),
    ("1605769500", "2020-11-19"),
    ("1605769500000", "2020-11-19"),
    (1605718800, "2020-11-19"),  # 2020-11-18T17:00:00Z is midnight in Jakarta
    # Indonesian and English month names and their abbreviations
    ("19 November 2020", "2020-11-19"),
    ("19 Nopember 2020", "2020-11-19"),
    ("19 Nop 2020", "2020-11-19"),
    ("19 Nov. 2020", "2020-11-19"),
    ("17 Agustus 2021", "2021-08-17"),
    ("17 Agust 2021", "2021-08-17"),
    ("17 Agt 2021", "2021-08-17"),
    ("17 Ags 2021", "2021-08-17"),
    ("17 Aug 2021", "2021-08-17"),
    ("5 Sept 2021", "2021-09-05"),
    ("5 Okt 2021", "2021-10-05"),
    ("5 Oct 2021", "2021-10-05"),
    ("25 Des 2021", "2021-12-25"),
    ("3 Mei 2022", "2022-05-03"),
    ("3 Pebruari 2022", "2022-02-03"),
    ("Nov 19, 2020", "2020-11-19"),
    ("November 19th, 2020", "2020-11-19"),
    ("19th November 2020", "2020-11-19"),
    ("Thu, 19 Nov 2020 07:05:00 +0700", "2020-11-19"),  # RFC 2822 (RSS, HTTP)
    ("Wed, 18 Nov 2020 20:30:00 GMT", "2020-11-19"),
    # the bylines of Indonesian news, with WIB, WITA and WIT
    ("Kamis, 19 November 2020 | 10:15 WIB", "2020-11-19"),
    ("Kamis, 19 November 2020 - 14:05 WIB", "2020-11-19"),
    ("Kamis, 19 Nopember 2020 | 14.05 WIB", "2020-11-19"),
    ("Kamis, 19 November 2020 | 10:15 WITA", "2020-11-19"),
    ("Kamis, 19 November 2020 | 10:15 WIT", "2020-11-19"),
    ("Jumat, 20 November 2020 | 00:30 WITA", "2020-11-19"),  # 23:30 WIB the day before
    ("Jumat, 20 November 2020 | 01:30 WIT", "2020-11-19"),
    ("Diposting pada 19 Agustus 2021", "2021-08-19"),
    # day-first numeric dates
    ("19/11/2020", "2020-11-19"),
    ("19-11-2020 14:05", "2020-11-19"),
    ("19.11.2020", "2020-11-19"),
    ("19/11/20", "2020-11-19"),
    ("Selasa, 10/10/2023 14:05 WIB", "2023-10-10"),
    # nothing, or no date at all
    ("", None),
    (None, None),
    (True, None),
    ("2 jam lalu", None),  # relative to a clock teken does not know
    ("bukan tanggal", None),
    ("2020-13-45", None),
    ("31/02/2023", None),
    ("1 Januari 1985", None),  # before online news
    ("5 Januari 2099", None),  # after the crawl
]


@pytest.mark.parametrize(("value", "expected"), FORMS)
def test_every_publication_date_form_gives_its_jakarta_day(value: object, expected: str | None) -> None:
    assert normalise_date(value, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis, 19 November 2020 | 10:15 WIB\n\nBupati meresmikan pasar baru di pusat kota.", "2020-11-19"),
        ("Oleh Rina | Jumat, 20 November 2020 | 00:30 WITA\n\nBupati meresmikan pasar.", "2020-11-19"),
        ("19 Agust 2020, 09:15 WIB\n\nBupati meresmikan pasar.", "2020-08-19"),
    ],
)
def test_a_dateline_in_the_text_is_read_with_the_same_parser(text: str, expected: str) -> None:
    assert find_publication_date(text, today=TODAY) == expected


BODY = "".join(
    f"<p>Pemerintah Kabupaten Sungai Lestari menandatangani nota kesepahaman dengan universitas negeri "
    f"tentang pelatihan guru, kata bupati dalam acara di aula kantor bupati pada bagian {i}.</p>"
    for i in range(3)
)


def _page(head: str) -> bytes:
    return f"<html><head><title>Pemkab teken MoU</title>{head}</head><body><article>{BODY}</article></body></html>".encode()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="article:published_time" content="2020-11-18T20:30:00Z">', "2020-11-19"),
        ('<meta property="article:published_time" content="2020-11-18T20:30:00+07:00">', "2020-11-18"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", '
         '"datePublished": "2020-11-18T22:00:00+00:00"}</script>', "2020-11-19"),
        ('<meta name="pubdate" content="2020-11-18">', "2020-11-18"),
    ],
)
def test_html_metadata_dates_are_taken_in_jakarta(head: str, expected: str) -> None:
    article = clean_document(RawDocument("page.html", None, "html", _page(head), {}))
    assert article.error is None
    assert article.published == expected


def test_jsonl_published_fields_in_any_form(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "published": "2020-11-18T20:30:00Z", "text": BODY},
        {"id": "b", "published": 1605718800000, "text": BODY},
        {"id": "c", "published_at": "Kamis, 19 November 2020 | 10:15 WIB", "text": BODY},
        {"id": "d", "datePublished": "19 Nop 2020", "text": BODY},
    ]
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    articles = [clean_document(doc) for doc in iter_documents([path])]
    assert [a.published for a in articles] == ["2020-11-19"] * 4


def test_a_warc_records_date_bounds_the_publication_date(tmp_path: Path) -> None:
    """A page cannot be published after it was fetched: a date after WARC-Date is not taken."""
    path = tmp_path / "crawl.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for url, published in (("https://berita.example.id/a", "2020-11-18T20:30:00Z"),
                               ("https://berita.example.id/b", "2023-05-01T10:00:00+07:00")):
            head = f'<meta property="article:published_time" content="{published}">'
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(_page(head)), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2021-01-05T03:00:00Z"})
            writer.write_record(record)
    articles = [clean_document(doc) for doc in iter_documents([path])]
    assert [a.published for a in articles] == ["2020-11-19", None]
