"""Readers: every input kind gives its documents; every bad input gives an error row instead of raising."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from teken.corpus.clean import clean_document
from teken.corpus.readers import RawDocument, iter_documents
from teken.corpus.settings import ReadSettings

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"
PAGE = FIXTURES / "berita-mou-sungai-lestari.html"
TEXT = FIXTURES / "berita-rencana-kerja.txt"
JSONL = FIXTURES / "kumpulan-berita.jsonl"

ARTICLE_HTML = (
    "<html><head><meta charset='utf-8'><title>Dinas Pendidikan Gelar Lomba Cerdas Cermat</title></head>"
    "<body><article><h1>Dinas Pendidikan Gelar Lomba Cerdas Cermat</h1>"
    "<p>Dinas Pendidikan Kabupaten Sungai Lestari menggelar lomba cerdas cermat tingkat sekolah menengah "
    "pertama yang diikuti tiga puluh regu dari seluruh kecamatan, Senin (12/6/2023).</p>"
    "<p>Kepala dinas mengatakan lomba itu menjadi ajang untuk mengukur hasil belajar siswa setelah "
    "kurikulum baru diterapkan di sekolah-sekolah negeri dan swasta.</p></article></body></html>"
)


def _docs(*paths: Path | str, settings: ReadSettings | None = None) -> list[RawDocument]:
    return list(iter_documents(paths, settings or ReadSettings()))


def _write_warc(path: Path, gz: bool, records: list[tuple[str, str, bytes, str]]) -> None:
    """records: (kind, url, body, content type); kind "response", "request", "warcinfo", "404", "301"."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for kind, url, body, ctype in records:
            if kind == "warcinfo":
                writer.write_record(writer.create_warcinfo_record(path.name, {"software": "teken-tests"}))
                continue
            if kind == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.id")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                              http_headers=headers))
                continue
            status = {"404": "404 Not Found", "301": "301 Moved Permanently"}.get(kind, "200 OK")
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


# ----------------------------------------------------------------------------- each reader


def test_html_file_gives_one_html_document_with_its_bytes():
    (doc,) = _docs(PAGE)
    assert doc.error is None and doc.kind == "html" and doc.input_record is None
    assert doc.input_path == str(PAGE)
    assert doc.content == PAGE.read_bytes()


def test_gzipped_html_file_is_read_like_the_plain_one(tmp_path):
    target = tmp_path / "halaman.html.gz"
    target.write_bytes(gzip.compress(PAGE.read_bytes()))
    (doc,) = _docs(target)
    assert doc.error is None and doc.kind == "html"
    assert doc.content == PAGE.read_bytes()


def test_gzipped_body_saved_under_a_plain_html_name_is_gunzipped(tmp_path):
    target = tmp_path / "tanpa-akhiran-gz.html"
    target.write_bytes(gzip.compress(PAGE.read_bytes()))
    (doc,) = _docs(target)
    assert doc.error is None and doc.content == PAGE.read_bytes()


def test_htm_suffix_counts_as_html(tmp_path):
    target = tmp_path / "lama.HTM"
    shutil.copy(PAGE, target)
    assert _docs(target)[0].kind == "html"


def test_text_file_gives_a_text_document_decoded_to_str():
    (doc,) = _docs(TEXT)
    assert doc.error is None and doc.kind == "text"
    assert isinstance(doc.content, str) and "Politeknik Negeri Teluk Biru" in doc.content


def test_gzipped_text_file_is_read(tmp_path):
    target = tmp_path / "berita.txt.gz"
    target.write_bytes(gzip.compress(TEXT.read_bytes()))
    (doc,) = _docs(target)
    assert doc.kind == "text" and doc.content == TEXT.read_text(encoding="utf-8")


def test_jsonl_gives_one_document_per_line_with_its_fields():
    first, second = _docs(JSONL)
    assert (first.input_record, first.kind) == (1, "text")
    assert first.meta == {
        "id": "tb-0001",
        "url": "https://telukbiru.example.id/berita/0001",
        "published": "2023-10-10",
        "title": "Pemkot Teluk Biru Siapkan Rencana Kerja dengan Politeknik",
    }
    assert (second.input_record, second.kind) == (2, "html")
    assert second.meta["id"] == "2"  # a numeric id is kept as its string
    assert "<article>" in second.content


def test_gzipped_jsonl_is_read_line_by_line(tmp_path):
    target = tmp_path / "berita.jsonl.gz"
    target.write_bytes(gzip.compress(JSONL.read_bytes()))
    docs = _docs(target)
    assert [d.input_record for d in docs] == [1, 2] and all(d.error is None for d in docs)


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_yields_html_responses_numbered_by_record_position(tmp_path, gz):
    target = tmp_path / ("arsip.warc.gz" if gz else "arsip.warc")
    _write_warc(target, gz, [
        ("warcinfo", "", b"", ""),
        ("request", "https://berita.example.id/a", b"", ""),
        ("response", "https://berita.example.id/a", ARTICLE_HTML.encode(), "text/html; charset=UTF-8"),
        ("response", "https://berita.example.id/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        ("301", "https://berita.example.id/lama", b"", "text/html"),
        ("404", "https://berita.example.id/hilang", b"<html>tidak ada</html>", "text/html"),
        ("response", "https://berita.example.id/b", PAGE.read_bytes(), "text/html"),
    ])
    docs = _docs(target)
    assert [(d.input_record, d.meta["url"]) for d in docs] == [
        (3, "https://berita.example.id/a"),
        (7, "https://berita.example.id/b"),
    ]
    assert all(d.error is None and d.kind == "html" for d in docs)
    assert docs[0].meta["charset"] == "UTF-8" and "crawled" in docs[0].meta
    assert docs[1].content == PAGE.read_bytes()


def test_warc_documents_clean_into_articles_with_the_record_url(tmp_path):
    target = tmp_path / "arsip.warc.gz"
    record = ("response", "https://berita.example.id/a", ARTICLE_HTML.encode(), "text/html")
    _write_warc(target, True, [record])
    (article,) = [clean_document(d) for d in _docs(target)]
    assert article.error is None
    assert article.url == "https://berita.example.id/a" and article.site == "berita.example.id"
    assert article.input_record == 1 and "cerdas cermat" in article.text


def test_folder_is_walked_recursively_in_sorted_order_with_every_kind(tmp_path):
    (tmp_path / "b-sub").mkdir()
    (tmp_path / "a.txt").write_bytes(TEXT.read_bytes())
    shutil.copy(PAGE, tmp_path / "b-sub" / "z.html")
    (tmp_path / "b-sub" / "y.html.gz").write_bytes(gzip.compress(PAGE.read_bytes()))
    shutil.copy(JSONL, tmp_path / "c.jsonl")
    _write_warc(tmp_path / "d.warc.gz", True, [("response", "https://x.example.id/", ARTICLE_HTML.encode(),
                                                "text/html")])
    (tmp_path / ".tersembunyi.html").write_text(ARTICLE_HTML)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.html").write_text(ARTICLE_HTML)
    docs = _docs(tmp_path)
    names = [(os.path.relpath(d.input_path, tmp_path), d.input_record, d.kind) for d in docs]
    assert names == [
        ("a.txt", None, "text"),
        (os.path.join("b-sub", "y.html.gz"), None, "html"),
        (os.path.join("b-sub", "z.html"), None, "html"),
        ("c.jsonl", 1, "text"),
        ("c.jsonl", 2, "html"),
        ("d.warc.gz", 1, "html"),
    ]
    assert all(d.error is None for d in docs)


def test_files_and_folders_mix_in_the_order_given(tmp_path):
    (tmp_path / "satu.txt").write_bytes(TEXT.read_bytes())
    docs = _docs(PAGE, tmp_path, JSONL)
    assert [Path(d.input_path).name for d in docs] == [PAGE.name, "satu.txt", JSONL.name, JSONL.name]


def test_a_single_path_given_bare_is_read_as_one_input():
    assert [d.input_path for d in iter_documents(str(PAGE))] == [str(PAGE)]


def test_unknown_extension_with_markup_is_read_as_html(tmp_path):
    target = tmp_path / "read.php"
    target.write_text(ARTICLE_HTML)
    (doc,) = _docs(target)
    assert doc.error is None and doc.kind == "html"


def test_unknown_extension_without_markup_is_an_unsupported_file_type(tmp_path):
    target = tmp_path / "catatan.csv"
    target.write_text("kolom,nilai\nsatu,1\n")
    (doc,) = _docs(target)
    assert doc.error == "unsupported file type (.csv)" and doc.content is None


# ----------------------------------------------------------------------------- bad inputs


def test_empty_file_is_an_error_row(tmp_path):
    (tmp_path / "kosong.html").write_bytes(b"")
    assert _docs(tmp_path / "kosong.html")[0].error == "empty file"


def test_whitespace_only_text_is_an_error_row(tmp_path):
    (tmp_path / "spasi.txt").write_bytes(b" \n\t\r\n   \n")
    assert _docs(tmp_path / "spasi.txt")[0].error == "empty file (whitespace only)"


def test_random_bytes_named_html_are_binary_content(tmp_path):
    (tmp_path / "acak.html").write_bytes(os.urandom(5000))
    assert _docs(tmp_path / "acak.html")[0].error == "binary content, not text"


def test_truncated_gzip_is_an_error_row(tmp_path):
    packed = gzip.compress(PAGE.read_bytes() * 20)
    (tmp_path / "putus.html.gz").write_bytes(packed[: len(packed) // 2])
    assert _docs(tmp_path / "putus.html.gz")[0].error == "truncated gzip"


def test_file_named_gz_that_is_not_gzip_is_an_error_row(tmp_path):
    (tmp_path / "palsu.html.gz").write_text(ARTICLE_HTML)
    assert _docs(tmp_path / "palsu.html.gz")[0].error == "not a gzip file (bad header)"


def test_gzip_bomb_stops_at_the_cap_without_holding_the_whole_expansion(tmp_path):
    target = tmp_path / "bom.html.gz"
    zeros = bytes(1 << 20)
    with gzip.open(target, "wb", compresslevel=1) as fh:
        for _ in range(100):  # expands to 100 MB
            fh.write(zeros)
    settings = ReadSettings(max_file_bytes=4 * 2**20)
    tracemalloc.start()
    try:
        (doc,) = _docs(target, settings=settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert doc.error == "file larger than 4 MB cap when decompressed"
    assert peak < 3 * settings.max_file_bytes


def test_file_over_the_size_cap_is_not_read(tmp_path):
    target = tmp_path / "besar.html"
    with open(target, "wb") as fh:
        fh.truncate(50 * 2**20)  # sparse: 50 MB on paper, nothing on disk
    (doc,) = _docs(target)
    assert doc.error == "file larger than 20 MB cap (50 MB)"


def test_file_name_with_spaces_and_non_ascii_letters_is_read(tmp_path):
    target = tmp_path / "Berita Pemkab Cianjur — édisi khusus ñ.html"
    target.write_text(ARTICLE_HTML, encoding="utf-8")
    (doc,) = _docs(tmp_path)
    assert doc.error is None and doc.input_path == str(target)


def test_missing_path_is_an_error_row_not_an_exception(tmp_path):
    (doc,) = _docs(tmp_path / "tidak-ada.html")
    assert doc.error == "file not found"


def test_unreadable_file_is_an_error_row(tmp_path, monkeypatch):
    target = tmp_path / "terkunci.html"
    target.write_text(ARTICLE_HTML)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # Root reads any file whatever its mode, so the refusal is simulated.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    (doc,) = _docs(target)
    assert doc.error == "cannot read file: permission denied"


def test_jsonl_bad_lines_each_give_a_readable_error_and_good_lines_still_come(tmp_path):
    good = {"id": "ok-1", "text": "Teks berita yang baik."}
    lines = [
        json.dumps(good),
        "{ini bukan json",
        json.dumps({"id": "x-3", "title": "Tanpa isi"}),
        json.dumps({"id": "x-4", "text": None}),
        json.dumps({"id": "x-5", "text": 42}),
        "",
        json.dumps(["daftar", "bukan", "objek"]),
        json.dumps({"id": "x-8", "html": None, "text": "   "}),
        json.dumps({"id": "ok-9", "text": "Teks terakhir yang baik."}),
    ]
    target = tmp_path / "campur.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = [(d.input_record, d.meta.get("id"), d.error) for d in _docs(target)]
    assert got == [
        (1, "ok-1", None),
        (2, None, "invalid JSON on line 2"),
        (3, "x-3", "JSONL line without text or html"),
        (4, "x-4", "text is null"),
        (5, "x-5", "text is not a string (int)"),
        (7, None, "JSONL line 7 is not an object (list)"),
        (8, "x-8", "html is null"),
        (9, "ok-9", None),
    ]


def test_jsonl_line_over_the_cap_is_skipped_and_the_next_line_read(tmp_path):
    target = tmp_path / "panjang.jsonl"
    big = json.dumps({"id": "besar", "text": "kata " * 50_000})
    target.write_text(big + "\n" + json.dumps({"id": "kecil", "text": "Teks pendek."}) + "\n")
    got = [(d.input_record, d.error) for d in _docs(target, settings=ReadSettings(max_file_bytes=10_000))]
    assert got == [(1, "JSONL line 1 larger than 10000 bytes cap"), (2, None)]


def test_truncated_jsonl_gzip_keeps_the_lines_before_the_break(tmp_path):
    body = "\n".join(json.dumps({"id": f"n{i}", "text": f"Berita nomor {i} " * 40}) for i in range(200))
    packed = gzip.compress(body.encode())
    target = tmp_path / "putus.jsonl.gz"
    target.write_bytes(packed[: len(packed) * 2 // 3])
    docs = _docs(target)
    assert docs[0].error is None and docs[-1].error.startswith("truncated gzip after line")


def test_not_a_warc_file_is_an_error_row(tmp_path):
    target = tmp_path / "bukan.warc"
    target.write_text("ini hanya teks biasa, bukan arsip WARC\n" * 20)
    (doc,) = _docs(target)
    assert doc.error.startswith("not a WARC file")


def test_truncated_warc_gz_keeps_the_records_before_the_break(tmp_path):
    target = tmp_path / "putus.warc.gz"
    _write_warc(target, True, [
        ("response", f"https://berita.example.id/{i}", PAGE.read_bytes() + os.urandom(3000).hex().encode(),
         "text/html")
        for i in range(6)
    ])
    data = target.read_bytes()
    target.write_bytes(data[: len(data) - 2000])
    docs = _docs(target)
    assert [d.error for d in docs[:-1]] == [None] * (len(docs) - 1) and len(docs) >= 5
    assert docs[-1].error is not None and docs[-1].content is None


def test_warc_record_over_the_cap_is_an_error_row_and_the_next_is_read(tmp_path):
    target = tmp_path / "besar.warc.gz"
    _write_warc(target, True, [
        ("response", "https://berita.example.id/besar", b"<html>" + b"<p>isi</p>" * 20_000, "text/html"),
        ("response", "https://berita.example.id/kecil", ARTICLE_HTML.encode(), "text/html"),
    ])
    docs = _docs(target, settings=ReadSettings(max_file_bytes=50_000))
    assert [(d.input_record, d.error) for d in docs] == [
        (1, "WARC record larger than 50000 bytes cap"),
        (2, None),
    ]


def _warc_with_offsets(gz: bool) -> tuple[bytes, list[tuple[int, str]]]:
    """A small WARC (warcinfo, three HTML responses, a request) and where each record starts."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    starts: list[tuple[int, str]] = []
    starts.append((buf.tell(), "warcinfo"))
    writer.write_record(writer.create_warcinfo_record("potong.warc", {"software": "teken-tests"}))
    for i in range(3):
        starts.append((buf.tell(), "response"))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://berita.example.id/{i}", "response", payload=io.BytesIO(ARTICLE_HTML.encode()),
            http_headers=headers))
    starts.append((buf.tell(), "request"))
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "berita.example.id")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://berita.example.id/", "request",
                                                  payload=io.BytesIO(b""), http_headers=headers))
    return buf.getvalue(), starts


@pytest.mark.parametrize("gz", [False, True])
def test_a_warc_cut_anywhere_loses_no_record_unseen(tmp_path, gz):
    """Cut the file at many points: every response record that began before the cut is either read whole or
    has a row with a readable reason (issue 10: a third of the cut points used to drop the record silently,
    some raised "AttributeError: 'NoneType' ...")."""
    data, starts = _warc_with_offsets(gz)
    target = tmp_path / ("potong.warc.gz" if gz else "potong.warc")
    body = ARTICLE_HTML.encode()
    step = 4 if gz else 9
    for cut in range(1, len(data) + 1, step):
        target.write_bytes(data[:cut])
        docs = _docs(target)
        began = {pos for pos, (offset, kind) in enumerate(starts, 1) if kind == "response" and offset < cut}
        good = {d.input_record for d in docs if d.error is None}
        failed = {d.input_record for d in docs if d.error is not None}
        assert began <= good | failed, (cut, [(d.input_record, d.error) for d in docs])
        for d in docs:
            assert d.error is None or ("NoneType" not in d.error and "cannot read file" not in d.error), (cut, d.error)
            assert d.error is not None or d.content == body, cut
        if began and max(began) not in good:
            assert len(failed) == 1, (cut, [(d.input_record, d.error) for d in docs])
    target.write_bytes(data)
    assert [(d.input_record, d.error) for d in _docs(target)] == [(2, None), (3, None), (4, None)]


def test_a_dataset_teken_wrote_inside_an_input_folder_is_not_read_as_articles(tmp_path):
    (tmp_path / "berita.txt").write_text("Bupati Sleman meneken nota kesepahaman dengan UGM, Senin (3/3/2024).",
                                         encoding="utf-8")
    old = tmp_path / "hasil-lama"
    old.mkdir()
    (old / "manifest.json").write_text(json.dumps({"teken_version": "0.1.0", "counts": {}}), encoding="utf-8")
    (old / "events.jsonl").write_text(json.dumps({"event_id": "ev-1", "evidence": "x"}) + "\n", encoding="utf-8")
    (old / "articles.txt").write_text("Teks lama.", encoding="utf-8")
    other = tmp_path / "arsip"  # a folder with a manifest.json of someone else's is read as usual
    other.mkdir()
    (other / "manifest.json").write_text(json.dumps({"source": "crawler"}), encoding="utf-8")
    (other / "laporan.txt").write_text("Wali Kota Jambi meneken MoU dengan Kejari Jambi.", encoding="utf-8")
    assert [Path(d.input_path).name for d in _docs(tmp_path)] == ["laporan.txt", "berita.txt"]
