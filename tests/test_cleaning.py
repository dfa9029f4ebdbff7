"""Cleaning: main text and metadata from HTML or text, the boilerplate filter, language and date checks."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from teken.corpus.boilerplate import classify_line, remove_boilerplate
from teken.corpus.clean import (
    clean_document,
    clean_title,
    decode_html,
    join_listed_lines,
    join_wrapped_lines,
    normalise_text,
    semicolon_lists,
    unwrap_lines,
)
from teken.corpus.dateline import find_publication_date, normalise_date
from teken.corpus.language import detect_language
from teken.corpus.readers import RawDocument, iter_documents
from teken.corpus.settings import ReadSettings
from teken.records import stable_article_id

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"
PAGE = FIXTURES / "berita-mou-sungai-lestari.html"
TEXT = FIXTURES / "berita-rencana-kerja.txt"

PARAGRAPH = (
    "Pemerintah Kabupaten Sungai Lestari menggelar rapat koordinasi penanganan banjir bersama camat dan "
    "kepala desa di aula kantor bupati. Bupati meminta setiap desa menyiapkan posko dan jalur evakuasi."
)
JAVANESE = (
    "Bupati ngendika yen pasar anyar iku bakal dibukak sawise wong-wong kabeh wis siyap lan ora ana "
    "alangan, karo ngajak warga supaya teka ing pambukaan."
)


def _page(body: str, head: str = "<meta charset='utf-8'><title>Judul Berita Daerah</title>") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def _html_doc(content: bytes | str, **meta: object) -> RawDocument:
    return RawDocument("mem.html", None, "html", content, dict(meta))


def _text_doc(text: str, **meta: object) -> RawDocument:
    return RawDocument("mem.txt", None, "text", text, dict(meta))


# ----------------------------------------------------------------------------- whole pages


def test_html_page_gives_main_text_without_boilerplate_and_its_metadata():
    (doc,) = iter_documents([PAGE])
    article = clean_document(doc)
    assert article.error is None
    assert article.title == "Pemkab Sungai Lestari dan Ombudsman Teken Nota Kesepakatan Pelayanan Publik"
    assert article.published == "2020-11-19"
    assert article.site == "Warta Nusantara"
    assert article.url.endswith("/pemkab-sungai-lestari-ombudsman-teken-nota-kesepakatan")
    assert article.language == "id"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("SUNGAI LESTARI, WARTA NUSANTARA - Pemerintah Kabupaten Sungai Lestari")
    assert paragraphs[-1].endswith("dua hari kerja. (rm/hw)")
    assert len(paragraphs) == 6
    assert '"Kami bagikan bantuan pendampingan' in article.text
    for furniture in ("BACA JUGA", "Baca juga", "Jalan Lingkar Selatan", "Festival Perahu Naga", "banner",
                      "ADVERTISEMENT", "SCROLL TO CONTINUE", "Editor:", "Tags:", "Google News", "Terpopuler",
                      "Harga Cabai", "Tinggalkan Balasan", "menyukai ini", "Copyright", "Bagikan", "Beranda"):
        assert furniture not in article.text, furniture


def test_text_article_loses_its_boilerplate_lines_and_keeps_its_paragraphs():
    (doc,) = iter_documents([TEXT])
    article = clean_document(doc)
    assert article.error is None and article.language == "id"
    assert article.published == "2023-10-10"  # from "Diposting pada Selasa, 10/10/2023 14:05 WIB"
    assert article.text.split("\n\n") == [
        (
            "KOTA TELUK BIRU - Pemerintah Kota Teluk Biru bersama Politeknik Negeri Teluk Biru merencanakan "
            "penandatanganan rencana kerja bidang pengembangan tenaga kerja terampil pada akhir bulan ini."
        ),
        (
            "Wali Kota Teluk Biru, Sutrisno Hadi, mengatakan rencana kerja itu akan memuat program magang "
            "bagi lulusan politeknik di perusahaan daerah dan di kantor-kantor dinas."
        ),
        (
            '"Kami bagikan beasiswa dan tempat magang kepada lulusan terbaik, itu bentuk komitmen kami," '
            "ujar Sutrisno di balai kota. (Btm /emr)"
        ),
        (
            "Direktur Politeknik Negeri Teluk Biru, Maria Lestari, menyambut baik rencana itu dan menyebut "
            "kurikulum kampus akan disesuaikan dengan kebutuhan industri di daerah tersebut."
        ),
        (
            "Menurut rencana, penandatanganan dilakukan di aula politeknik dan disaksikan unsur forum "
            "komunikasi pimpinan daerah serta perwakilan dunia usaha."
        ),
    ]


def test_jsonl_articles_keep_their_own_id_and_fields():
    first, second = (clean_document(d) for d in iter_documents([FIXTURES / "kumpulan-berita.jsonl"]))
    assert (first.article_id, first.input_record, first.published) == ("tb-0001", 1, "2023-10-10")
    assert first.title == "Pemkot Teluk Biru Siapkan Rencana Kerja dengan Politeknik"
    assert first.site == "telukbiru.example.id" and first.error is None
    assert second.article_id == "2" and second.error is None
    assert second.text.startswith("Festival perahu naga kembali digelar")  # the repeated headline is gone


def test_article_without_own_id_gets_the_stable_id_of_its_url():
    article = clean_document(_text_doc(PARAGRAPH, url="https://berita.example.id/banjir"))
    assert article.article_id == stable_article_id("https://berita.example.id/banjir", None, "x", None)
    again = clean_document(_text_doc(PARAGRAPH, url="https://berita.example.id/banjir"))
    assert again.article_id == article.article_id


def test_article_without_id_or_url_gets_the_hash_of_its_content():
    article = clean_document(_text_doc(PARAGRAPH))
    assert article.article_id == stable_article_id(None, PARAGRAPH, "mem.txt", None)


# ----------------------------------------------------------------------------- decoding and extraction


def test_windows_1252_page_without_charset_keeps_curly_quotes_and_accents():
    body = (
        "<article><h1>Kafe Baru di Pusat Kota</h1><p>\x93Kami menyajikan caf\xe9 au lait dan kopi lokal,\x94 "
        "kata pemilik kafe yang dibuka di pusat kota itu pada pekan lalu. Ia mengatakan sebagian besar "
        "bahan baku dibeli dari petani di daerah sekitar.</p></article>"
    )
    raw = f"<html><head><title>Kafe Baru di Pusat Kota</title></head><body>{body}</body></html>"
    article = clean_document(_html_doc(raw.encode("latin-1")))
    assert article.error is None
    assert "“Kami menyajikan café au lait dan kopi lokal,”" in article.text


def test_page_declared_latin1_but_written_in_utf8_is_read_as_utf8():
    markup = _page(f"<article><p>“Dinas sudah menerima café.” {PARAGRAPH}</p></article>",
                   head="<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>")
    assert "“Dinas sudah menerima café.”" in decode_html(markup)


def test_http_charset_wins_over_guessing():
    text = "Pemerintah daerah meresmikan pasar rakyat, kata “Pak Dédé”."
    assert decode_html(text.encode("cp1252"), "windows-1252") == text
    assert decode_html(text.encode("utf-16"), None) == text  # the byte-order mark decides


def test_two_hundred_thousand_nested_divs_give_text_or_a_readable_error_never_an_exception():
    n = 200_000
    markup = "<html><head><title>Banjir di Sungai Lestari</title></head><body>" + "<div>" * n
    markup += f"<p>{PARAGRAPH}</p>" + "</div>" * n + "</body></html>"
    started = time.perf_counter()
    article = clean_document(_html_doc(markup.encode()))
    assert time.perf_counter() - started < 10
    assert article.error is None, article.error
    assert PARAGRAPH in article.text and article.title == "Banjir di Sungai Lestari"


def test_english_page_is_rejected_as_not_indonesian():
    body = (
        "<article><h1>City opens new market</h1><p>The city council opened a new market on Monday, and the "
        "mayor said that it would help farmers sell their produce directly to the people who live in the "
        "area. Traders have been waiting for the building for more than two years.</p></article>"
    )
    article = clean_document(_html_doc(_page(body)))
    assert article.error == "not Indonesian (looks like en)" and article.language == "en"
    assert article.text == ""


def test_page_with_too_little_text_is_no_article_text():
    article = clean_document(_html_doc(_page("<nav><a href='/'>Beranda</a></nav><p>Halo.</p>")))
    assert article.error == "no article text"


def test_html_over_the_html_cap_is_not_parsed():
    page = _page("<p>" + "isi " * 2000 + "</p>")
    article = clean_document(_html_doc(page), ReadSettings(max_html_bytes=4000))
    assert article.error == "HTML larger than 4000 bytes cap"


def test_long_text_is_cut_at_a_paragraph_break_under_the_limit():
    text = "\n\n".join([PARAGRAPH] * 50)
    article = clean_document(_text_doc(text), ReadSettings(max_text_chars=1000))
    assert article.error is None and len(article.text) <= 1000
    assert article.text.endswith(PARAGRAPH)


def test_text_written_one_paragraph_a_line_gets_blank_lines_between_paragraphs():
    article = clean_document(_text_doc(PARAGRAPH + "\n" + PARAGRAPH + "\r\n" + PARAGRAPH))
    assert article.text == "\n\n".join([PARAGRAPH] * 3)


@pytest.mark.parametrize(("text", "want"), [
    ("MoU dan PKS degan empat daerah lain", "MoU dan PKS dengan empat daerah lain"),
    ("kerja sama dgn Pemkab Sigi. Dgn MoU ini", "kerja sama dengan Pemkab Sigi. Dengan MoU ini"),
    ("perjanjian dengn Universitas Tadulako", "perjanjian dengan Universitas Tadulako"),
    # the young coconut stays
    ("menikmati es degan dan kelapa degan", "menikmati es degan dan kelapa degan"),
    ("Degan muda dijual di pasar", "Degan muda dijual di pasar"),
])
def test_dengan_shortened_or_misspelt_is_written_out(text, want):
    assert normalise_text(text) == want


WRAPPED = """PALU - Pemerintah Kota Palu dan Kejaksaan Negeri (Kejari)
Palu menandatangani nota kesepakatan bidang perdata dan tata usaha
negara, Selasa (4/3/2025).
Kepala Kejari Palu mengatakan, kerja sama ini memperpanjang kesepakatan
yang berakhir tahun lalu. Pihaknya juga sudah menandatangani
kesepakatan serupa dengan PDAM, Bank Sulteng dan BPJS Kesehatan.
"Kami siap mendampingi pemerintah kota dalam perkara perdata," ujarnya.
Wali Kota Palu menyambut baik kerja sama tersebut."""


def test_text_hard_wrapped_at_a_fixed_width_is_read_in_its_paragraphs():
    article = clean_document(_text_doc(WRAPPED))
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == ("PALU - Pemerintah Kota Palu dan Kejaksaan Negeri (Kejari) Palu menandatangani nota "
                             "kesepakatan bidang perdata dan tata usaha negara, Selasa (4/3/2025).")
    assert paragraphs[1].endswith("dengan PDAM, Bank Sulteng dan BPJS Kesehatan.")
    assert len(paragraphs) == 4 and "\n" not in article.text.replace("\n\n", "")


@pytest.mark.parametrize("marker", ["Baca: ", "Baca Juga: ", "Jangan Lewatkan: "])
def test_a_related_article_line_in_a_wrapped_text_is_not_run_into_its_paragraph(marker):
    # a hard-wrapped text with a related-article line between two paragraphs: the line ends with no full stop, yet
    # the paragraph after it is not run into it (and dropped with it as page furniture)
    lines = WRAPPED.split("\n")
    text = "\n".join(lines[:3] + [marker + "Bupati Banggai Tandatangani MoU dengan Untad"] + lines[3:])
    article = clean_document(_text_doc(text))
    assert "Banggai" not in article.text
    assert "Kepala Kejari Palu mengatakan, kerja sama ini memperpanjang kesepakatan yang berakhir" in article.text


def test_a_headline_run_into_a_text_whose_line_breaks_were_lost_is_dropped():
    title = "Pemkot Palu dan Kejari Teken Nota Kesepakatan Datun"
    story = ("PALU - Pemerintah Kota Palu dan Kejaksaan Negeri Palu menandatangani nota kesepakatan bidang perdata "
             "dan tata usaha negara, Selasa (4/3/2025). Kepala Kejari Palu mengatakan kerja sama itu diperpanjang.")
    assert clean_document(_text_doc(f"{title} {story}", title=title)).text == story
    # a story that opens with its headline's words and reads on in lowercase keeps them
    kept = f"{title} berlangsung di Palu, Selasa (4/3/2025). Kepala Kejari Palu mengatakan kerja sama itu diperpanjang."
    assert clean_document(_text_doc(kept, title=title)).text == kept


def test_a_numbered_list_in_a_wrapped_text_keeps_its_items_apart():
    # a hard-wrapped text whose list has one item a line: the items are not run into one line, and the list under
    # its lead reads as a list ("yaitu: Kota Palu, Kabupaten Sigi, ... dan Kabupaten Poso.")
    text = ("PALU - Pemerintah Kota Palu dan Ombudsman RI Perwakilan\nSulawesi Tengah menandatangani nota kesepahaman\n"
            "tentang pengelolaan pengaduan, Selasa (4/3/2025).\nKepala Ombudsman Sulteng mengatakan kerja sama\n"
            "serupa akan diperluas ke daerah lain di\nprovinsi itu dalam waktu dekat.\n"
            "Hadir pada acara dan juga menandatangani MoU yaitu:\n1. Kota Palu\n2. Kabupaten Sigi\n"
            "3. Kabupaten Donggala\n4. Kabupaten Poso")
    article = clean_document(_text_doc(text))
    assert "yaitu: Kota Palu, Kabupaten Sigi, Kabupaten Donggala, dan Kabupaten Poso." in article.text


@pytest.mark.parametrize(("text", "want"), [
    ("dengan Dinas Pertanian; Dinas pendidikan; Dinas Kesehatan; dan BPBD.",
     "dengan Dinas Pertanian, Dinas pendidikan, Dinas Kesehatan, dan BPBD."),
    # an abbreviation's stop is no item's end
    ("Kepala Dinas PTSP Kota Makassar; Kota Parepare; Kab. Pinrang; dan Kab. Sinjai terkait layanan.",
     "Kepala Dinas PTSP Kota Makassar, Kota Parepare, Kab. Pinrang, dan Kab. Sinjai terkait layanan."),
    ("yaitu PT. HQ; PT. PPI; PT. Aruna; dan Yayasan Artha Graha Peduli.",
     "yaitu PT. HQ, PT. PPI, PT. Aruna, dan Yayasan Artha Graha Peduli."),
    # items with commas of their own keep their semicolons; so does a run of clauses
    ("MoU diteken Bupati A, Budi Santoso; Bupati B, Ani; dan Wali Kota C, Joko.",
     "MoU diteken Bupati A, Budi Santoso; Bupati B, Ani; dan Wali Kota C, Joko."),
    ("Acara dimulai pukul 09.00; sambutan; lalu penandatanganan.", "Acara dimulai pukul 09.00; sambutan; lalu penandatanganan."),
])
def test_a_list_parted_by_semicolons_without_commas_in_its_items_is_parted_by_commas(text, want):
    assert semicolon_lists(text) == want


def test_a_long_wrapped_text_is_unwrapped_in_one_pass():
    # one paragraph of 40,000 wrapped lines: joined line by line, not by growing one string
    text = "Kepala dinas mengatakan bahwa kerja sama itu\nberjalan baik sejak penandatanganan\n" * 20_000
    assert unwrap_lines(text).count("\n") == 1


@pytest.mark.parametrize("text", [
    # a list of headlines: short lines without a full stop, each opening with a capital
    "\n".join(["Pemkot Palu Luncurkan Aplikasi Layanan Warga", "Pemkot Palu Raih Penghargaan Kota Layak Anak", "Jembatan Kuning Segera Dibangun",
                "Harga Cabai Turun di Pasar Inpres", "Festival Teluk Palu Digelar Pekan Depan",
                "Kapolda Sulteng Tinjau Pos Mudik", PARAGRAPH]),
    # one paragraph a line
    "\n".join([PARAGRAPH] * 6),
])
def test_lines_that_are_not_wrapped_stay_apart(text):
    assert unwrap_lines(text) == text


@pytest.mark.parametrize(("text", "want"), [
    # the next line opens in lowercase after a word: the line was wrapped inside its sentence
    ("Pemkab Kolaka menandatangani nota\nkesepakatan dengan Kejari Kolaka.",
     "Pemkab Kolaka menandatangani nota kesepakatan dengan Kejari Kolaka."),
    # a word no clause ends on runs on whatever opens the next line
    ("MoU diteken Bupati Sigi dan\nRektor Untad.", "MoU diteken Bupati Sigi dan Rektor Untad."),
    # the day's date in brackets belongs to its day
    ("Penandatanganan berlangsung Senin\n(3/3/2025).", "Penandatanganan berlangsung Senin (3/3/2025)."),
    # a line that ends a sentence, a blank line, a list item and a capitalised line after a bare word keep their breaks
    ("Acara selesai.\nbupati kemudian pulang.", "Acara selesai.\nbupati kemudian pulang."),
    ("Pemkab Kolaka menandatangani MoU\n\ndengan Kejari.", "Pemkab Kolaka menandatangani MoU\n\ndengan Kejari."),
    ("Ruang lingkupnya meliputi:\na. pendampingan hukum\nb. pertimbangan hukum",
     "Ruang lingkupnya meliputi:\na. pendampingan hukum\nb. pertimbangan hukum"),
    ("Pemkab Sigi Gandeng Untad\nSIGI - Pemkab Sigi meneken MoU.", "Pemkab Sigi Gandeng Untad\nSIGI - Pemkab Sigi meneken MoU."),
    # a dateline opens its paragraph even after a word that waits for a name (a headline's "Kecamatan", "Kabupaten")
    ("Layanan Pajak Keliling ke Tiap Kecamatan\nUNGARAN – Bank Jateng meneken PKS.",
     "Layanan Pajak Keliling ke Tiap Kecamatan\nUNGARAN – Bank Jateng meneken PKS."),
    ("Bank Daerah Hadir di Kabupaten\nSEMARANG, warta.id – Bank Jateng meneken PKS.",
     "Bank Daerah Hadir di Kabupaten\nSEMARANG, warta.id – Bank Jateng meneken PKS."),
    ("PKS diteken di Aula Kantor Kecamatan\nUngaran Barat, Senin.", "PKS diteken di Aula Kantor Kecamatan Ungaran Barat, Senin."),
])
def test_a_line_that_plainly_runs_on_is_joined_to_the_next(text, want):
    assert join_wrapped_lines(text) == want


def test_a_text_wrapped_in_paragraphs_is_put_back_together():
    wrapped = ("PALU - Pemerintah Kota Palu dan Kejaksaan Negeri Palu menandatangani nota\nkesepakatan bidang perdata dan "
               "tata usaha negara, Selasa (4/3/2025), di Aula\nKantor Wali Kota Palu.\n\nWali Kota Palu mengatakan "
               "kerja sama ini penting untuk\npendampingan hukum perangkat daerah. Kajari Palu\nmenyambut baik kerja "
               "sama tersebut.\n\nKerja sama berlaku tiga tahun dan dapat\ndiperpanjang.")
    article = clean_document(_text_doc(wrapped))
    assert article.text.count("\n\n") == 2 and "\n" not in article.text.replace("\n\n", "")


def test_reader_error_passes_through_as_the_article_error():
    doc = RawDocument("rusak.html.gz", None, "html", None, {}, error="truncated gzip")
    article = clean_document(doc)
    assert article.error == "truncated gzip" and article.text == ""
    assert article.article_id == stable_article_id(None, None, "rusak.html.gz", None)


@pytest.mark.parametrize(
    "doc",
    [
        RawDocument("a", None, "html", 12345, {}),
        RawDocument("b", None, "html", b"\x00\x01\x02" * 100, {}),
        RawDocument("c", None, "text", "   \n  ", {}),
        RawDocument("d", None, "html", "<html><body><p>", None),  # type: ignore[arg-type]
        RawDocument("e", 3, "text", PARAGRAPH, {"published": ["bukan", "tanggal"], "url": 7, "id": True}),
        RawDocument("f", None, "html", "<" * 100_000, {}),
        RawDocument("g", None, "weird", b"\xff\xfe" + "teks".encode("utf-16-le"), {}),
    ],
    ids=["int-content", "binary", "whitespace", "meta-none", "odd-meta", "angle-brackets", "utf16-bom"],
)
def test_clean_document_never_raises(doc):
    article = clean_document(doc)
    assert article.input_path == doc.input_path and article.article_id
    assert article.error is None or isinstance(article.error, str)


# ----------------------------------------------------------------------------- boilerplate filter


@pytest.mark.parametrize(
    "line",
    [
        "Bagikan", "Share", "Tweet", "WhatsApp", "Bagikan: Facebook Twitter WhatsApp", "Share this:",
        "BACA JUGA: Harga Cabai Naik Jelang Akhir Tahun", "Baca juga: Menhub Resmikan Bandara Baru",
        "Baca Juga", "Baca: Jawaban Soal SMP Kelas 8", "Lihat juga: Pasar Terapung Ramai Pengunjung",
        "Baca Selanjutnya: Sate Lalat Pak Muhsin...", "banner 120x600", "ADVERTISEMENT", "Advertisement",
        "SCROLL TO CONTINUE WITH CONTENT", "SCROLL TO RESUME CONTENT", "| Baca Juga |", "Tinggalkan Balasan",
        "Tinggalkan Komentar", "Komentar",
        "%d blogger menyukai ini:", "Diposting pada 19 November 2020 oleh Admin", "Penulis | : | Rina |",
        "Editor: Yusuf Pratama", "Reporter: Andi", "Kategori : Daerah", "Pewarta: Siti Aminah",
        "Redaktur & Reporter : Boy", "Tags: ombudsman, pelayanan publik", "Tag: pemkab",
        "Simak berita lainnya di Google News", "Ikuti kami di Instagram", "Copyright © 2023 Teluk Biru",
        "Copyright @ 2026 Media Group - mediaindonesia. All Rights Reserved", "[Gambas:Video 20detik]",
        'Simak Video "Penyakit Jantung Penyakit Orang Tua?"', "Yuk, Simak Juga Video ini!",
        "#Changemaker #SemangatBaru", "Periksa kembali dan lengkapi data dirimu.",
        "Artikel ini telah tayang di Tribunnews.com dengan judul Banjir", "Lihat postingan ini di Instagram",
        "Sumber: Humas Pemprov Sulbar", "Sumber: https://kabarsulbar.example.id/daerah/pemprov-teken-mou",
        # a link box's heading run into its first headline
        "Baca Lainnya: Harga Beras Turun di Pasar Inpres", "Jangan Lewatkan: Festival Danau Poso Dibuka Besok",
        "Pilihan Editor: Jalan Trans Sulawesi Kembali Dibuka", "Berita Populer: Pemkot Resmikan Taman Kota",
        "Baca Berita Terkait: Pemkab dan Kejari Teken MoU Datun", "Terpopuler - Dua Kapal Tenggelam di Selat",
        "Cek Berita Lainnya: Harga Emas Naik Lagi",
        # a subscription's offer
        "Baca berita tanpa iklan.", "Gabung Kabarbaru.id+", "Berlangganan sekarang",
    ],
)
def test_boilerplate_line_is_dropped(line):
    assert classify_line(line) != "keep"
    assert remove_boilerplate(f"{PARAGRAPH}\n\n{line}\n\n{PARAGRAPH}") == f"{PARAGRAPH}\n\n{PARAGRAPH}"


@pytest.mark.parametrize(
    "line",
    ["04 April 2022, 09:15 WIB", "pada 26 Apr 2021, 07:00 WIB", "Kamis, 19 November 2020", "19 Nov 2020"],
)
def test_date_byline_at_the_top_is_dropped(line):
    assert remove_boilerplate(f"{line}\n\n{PARAGRAPH}") == PARAGRAPH


def test_date_line_inside_a_chronology_is_kept():
    text = "\n\n".join([PARAGRAPH] * 5 + ["Jumat 1 April 2022", PARAGRAPH, "Sabtu 2 April 2022", PARAGRAPH])
    assert remove_boilerplate(text) == text


@pytest.mark.parametrize(
    "line",
    [
        '"Kami bagikan bantuan kepada warga yang terdampak banjir," kata Bupati.',
        "Warga diminta membaca juga aturan baru sebelum mendaftar, kata petugas.",
        "Komentar warganet di media sosial beragam menanggapi kebijakan tersebut.",
        "Editor senior di harian itu, Yusuf Pratama, menilai kebijakan tersebut tepat.",
        "Penulis buku itu hadir dalam peluncuran di perpustakaan daerah, Kamis (19/11/2020).",
        "Share pasar tradisional terhadap penjualan beras turun menjadi 40 persen tahun ini.",
        "Ia menyebut ADVERTISEMENT yang dipasang di halte tidak berizin.",
        "Penandatanganan disaksikan camat dan kepala desa. (Btm /emr)",
        "Kategori pemenang lomba dibagi menjadi tiga, yakni pelajar, mahasiswa dan umum.",
        "Bupati mengatakan kerja sama ini akan diikuti kecamatan lain: Sukamaju, Sukarame dan Cibodas.",
        "(rm/hw)",
        "Jangan lewatkan kesempatan ini, pendaftaran ditutup pekan depan, kata Kepala Dinas.",
        "Berita populer di kalangan warga desa itu ternyata tidak benar, ujar camat.",
        "Warga yang berlangganan air bersih dari PDAM diminta membayar tagihan tepat waktu.",
        # a republished item's dated source address dates the item when the page does not
        "Sumber: https://kabarsulbar.example.id/2021/01/12/pemprov-dan-yayasan-teken-mou/",
    ],
)
def test_article_sentence_with_boilerplate_words_is_kept(line):
    assert classify_line(line) == "keep"
    assert remove_boilerplate(f"{PARAGRAPH}\n\n{line}") == f"{PARAGRAPH}\n\n{line}"


def test_standalone_marker_drops_the_headlines_that_follow_but_not_the_next_sentence():
    text = (
        f"{PARAGRAPH}\n\nBaca juga:\n\nHarga Cabai Naik Jelang Akhir Tahun\n\n"
        "Tim Voli Putri Juara Porprov\n\n"
        "Menurut kepala dinas, penanganan banjir tahun ini melibatkan lebih banyak relawan."
    )
    assert remove_boilerplate(text) == (
        f"{PARAGRAPH}\n\nMenurut kepala dinas, penanganan banjir tahun ini melibatkan lebih banyak relawan."
    )


def test_inline_read_also_aside_is_cut_from_its_paragraph():
    text = "Bupati meresmikan pasar itu. (Baca juga: Pasar Lama Akan Dibongkar) Pedagang menyambut baik."
    assert remove_boilerplate(text) == "Bupati meresmikan pasar itu. Pedagang menyambut baik."


@pytest.mark.parametrize(("text", "want"), [
    # a teaser run into a paragraph (the page's line breaks lost): its headline ends at its own stop ...
    ("Acara berjalan lancar. BACA JUGA: Harga Cabai Naik Lagi! Bupati kemudian meninjau pasar.",
     "Acara berjalan lancar. Bupati kemudian meninjau pasar."),
    # ... or at the first word in lowercase (the next sentence's capitalised subject goes with it)
    ("Penandatanganan dilakukan di Aula Kantor Wali Kota. Baca juga: Pemprov Riau dan Bank Riau Teken PKS Kredit "
     "Usaha Rakyat Wali Kota Agung mengatakan, kerja sama penting.",
     "Penandatanganan dilakukan di Aula Kantor Wali Kota. mengatakan, kerja sama penting."),
    # ... or at the line's end
    ("Kerja sama berlaku tiga tahun. Baca juga: Pemkot dan Kejari Teken MoU Perdata",
     "Kerja sama berlaku tiga tahun."),
])
def test_a_teaser_inside_a_paragraph_is_cut_out(text, want):
    assert remove_boilerplate(text) == want


def test_filter_only_removes_lines_and_keeps_paragraph_breaks():
    source = TEXT.read_text(encoding="utf-8")
    cleaned = remove_boilerplate(source)
    assert "\n\n\n" not in cleaned
    for line in cleaned.split("\n"):
        assert line == "" or line in source.split("\n")


# ----------------------------------------------------------------------------- titles, urls, language, dates


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Kasus Aktif Melonjak | merdeka.com", "merdeka.com", None, "Kasus Aktif Melonjak"),
        ("Protokol 3M - Tribun Solo", "Tribun Solo", None, "Protokol 3M"),
        ("Banjir Rob - BeritaKota.com: Kabar Terkini", "BeritaKota.com: Kabar Terkini", None, "Banjir Rob"),
        ("Update 23 Jan: Kasus Naik - Global Liputan6.com", "liputan6.com", None,
         "Update 23 Jan: Kasus Naik"),
        ("Kamrussamad: PPKM Diperpanjang", "www.jpnn.com", None, "Kamrussamad: PPKM Diperpanjang"),
        ("Pasar Baru Dibuka - Warta", None, "https://warta.example.id/x", "Pasar Baru Dibuka"),
    ],
)
def test_title_loses_the_site_name_the_page_appends(title, site, url, expected):
    assert clean_title(title, site, url) == expected


@pytest.mark.parametrize(("title", "cleaned"), [
    ("Pemkab Sungai Lestari Teken MoU Penanganan Banjir - Kabar Daerah Terkini",
     "Pemkab Sungai Lestari Teken MoU Penanganan Banjir"),
    # a rubric before the headline stays in the title, which still opens the page's own
    ("Foto : Pemkab Sungai Lestari Teken MoU Penanganan Banjir",
     "Foto : Pemkab Sungai Lestari Teken MoU Penanganan Banjir"),
])
def test_a_title_with_a_name_the_site_adds_is_the_headline_the_text_prints(title, cleaned):
    # The site's name is one clean_title cannot tell from the page (no site, no URL): the line the text opens with
    # shows which part is the headline, and that line, a headline, is no part of the body.
    headline = "Pemkab Sungai Lestari Teken MoU Penanganan Banjir"
    article = clean_document(_text_doc(f"{headline}\n\n{PARAGRAPH}", title=title))
    assert article.title == cleaned
    assert not article.text.startswith(headline)


def test_wayback_copy_is_credited_to_the_original_url():
    body = f"<article><p>{PARAGRAPH}</p></article>"
    doc = _html_doc(_page(body), url="https://web.archive.org/web/20220721150811/https://www.example.id/berita/1")
    article = clean_document(doc)
    assert article.url == "https://www.example.id/berita/1" and article.site == "example.id"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (PARAGRAPH, "id"),
        ("The council said that the new market would open on Monday and that traders were waiting.", "en"),
        (JAVANESE, "jv"),
        ("12345 67890", "und"),
    ],
)
def test_language_is_told_from_function_words(text, language):
    assert detect_language(text)[0] == language


def test_language_check_reads_a_bounded_sample():
    # Its cost does not grow with the page: only the first _SAMPLE_CHARS are read (speed is measured by
    # `teken bench`, never by a timed test on a shared machine). An English tail past the sample changes nothing.
    from teken.corpus.language import _SAMPLE_CHARS

    english = " The council said that the new market would open on Monday and that traders were waiting." * 2000
    text = (PARAGRAPH * 100)[:_SAMPLE_CHARS] + english
    assert detect_language(text)[0] == "id"


TODAY = date(2024, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis, 19 November 2020\n\nBupati meresmikan pasar.", "2020-11-19"),
        ("Selasa, 10/10/2023 14:05 WIB\nPemkot menggelar rapat.", "2023-10-10"),
        ("19 Nov 2020\nPemkot menggelar rapat.", "2020-11-19"),
        ("Oleh Rina | 5 Desember 2021, 10:00 WIB\nIsi berita.", "2021-12-05"),
        ("JAKARTA - Menteri mengatakan hal itu di Jakarta, Kamis (2/11/2023).", "2023-11-02"),
        ("Upacara digelar untuk mengenang 17 Agustus 1945 di lapangan kota.", None),
        ("Pada 17 Agustus 1945 Indonesia merdeka.\n\nIsi berita.", None),
        ("Rapat dimulai pukul 10.00 WIB pada 3 Maret 2022 di aula.\n\nIsi berita.", None),
        ("Agus menjelaskan hal itu di Jakarta, Selasa (24/3/2020).", "2020-03-24"),
        ("Agus menjelaskan hal itu di Jakarta, Jumat (24/3/2020).", None),  # 24/3/2020 was a Tuesday
        ("Pemkot menggelar rapat pada 3 Maret 2022 untuk membahas anggaran daerah tahun ini.", None),
        ("Rabu, 31/02/2023\nTanggal yang tidak ada.", None),
        ("Senin, 5 Januari 2099\nTanggal di masa depan.", None),
    ],
)
def test_publication_date_from_the_dateline(text, expected):
    assert find_publication_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-11-19", "2020-11-19"),
        ("2020-11-19T23:30:00+07:00", "2020-11-19"),
        ("19 November 2020", "2020-11-19"),
        ("19/11/2020", "2020-11-19"),
        ("Nov 19, 2020", "2020-11-19"),
        (1605744000, "2020-11-19"),
        ("bukan tanggal", None),
        (None, None),
        (True, None),
    ],
)
def test_container_dates_are_normalised_to_iso(value, expected):
    assert normalise_date(value, today=TODAY) == expected


def test_page_without_date_metadata_takes_its_dateline_not_an_older_date_in_the_text():
    body = (
        f"<article><p>Kamis, 19 November 2020</p><p>{PARAGRAPH}</p>"
        "<p>Banjir serupa pernah terjadi pada 3 Januari 2018 dan merendam ratusan rumah warga.</p></article>"
    )
    article = clean_document(_html_doc(_page(body)))
    assert article.published == "2020-11-19"


def test_cleaning_a_page_again_gives_the_same_article():
    # Speed is measured by `teken bench` (a ratio within one run), not by a timed test on a shared machine;
    # here: trafilatura's caches, warm after the first page, change nothing in what is read.
    (doc,) = iter_documents([PAGE])
    first = clean_document(doc)
    for _ in range(3):
        again = clean_document(doc)
        assert (again.text, again.title, again.published) == (first.text, first.title, first.published)


@pytest.mark.parametrize(("text", "want"), [
    # a list of signers laid out as lines under the line that introduces it: one sentence, as in running text
    ("Pihak yang menandatangani perjanjian tersebut:\n- Pemerintah Kota Palu\n- PT Bank Sulteng\n- Kejaksaan Negeri Palu",
     "Pihak yang menandatangani perjanjian tersebut: Pemerintah Kota Palu, PT Bank Sulteng, dan Kejaksaan Negeri Palu."),
    # items with commas of their own are parted by semicolons; blank lines between items are no end of the list
    ("Penandatangan:\n\n1. Pemkab Sigi, diwakili Bupati;\n\n2. Kejari Sigi, diwakili Kajari.\n\nAcara selesai.",
     "Penandatangan: Pemkab Sigi, diwakili Bupati; dan Kejari Sigi, diwakili Kajari.\n\nAcara selesai."),
    # hospitals as the list's kind, the last joint written on the item before it ("; dan")
    ("Sebelumnya, kerja sama telah terjalin dengan tiga rumah sakit berikut:\n1. RS Marina, Tanah Bumbu;\n"
     "2. RSJ Sambang Lihum, Banjar; dan\n3. RSUD Panglima Sebaya, Paser.",
     "Sebelumnya, kerja sama telah terjalin dengan tiga rumah sakit berikut: RS Marina, Tanah Bumbu; "
     "RSJ Sambang Lihum, Banjar; dan RSUD Panglima Sebaya, Paser."),
    # heads of regions as the list's kind
    ("Kedua belas pasangan tersebut adalah:\n1. Bupati-Wabup Ponorogo;\n2. Bupati-Wabup Bangkalan; dan\n"
     "3. Walikota-Wawalikota Malang.",
     "Kedua belas pasangan tersebut adalah: Bupati-Wabup Ponorogo, Bupati-Wabup Bangkalan, dan Walikota-Wawalikota Malang."),
    # a group just counted, named by its count
    ("Ketiganya adalah:\n- RSUD Idaman Banjarbaru;\n- RSUD Ulin Banjarmasin; dan\n- RSUD Ansari Saleh.",
     "Ketiganya adalah: RSUD Idaman Banjarbaru, RSUD Ulin Banjarmasin, dan RSUD Ansari Saleh."),
])
def test_a_list_of_signers_laid_out_as_lines_is_read_as_one_sentence(text, want):
    assert join_listed_lines(text) == want


@pytest.mark.parametrize("text", [
    # a document's scope, not who signs
    "Ruang lingkup kerja sama antara lain:\n- pertukaran data\n- penguatan kelembagaan",
    # items that are records of their own, and a sentence the list stands inside that goes on in lowercase
    "Nota kesepahaman sebelumnya, yaitu:\n- Nomor: 1/2011 (19 Mei 2011), serta\n- Nomor: 2/2012 (20 Desember 2012),\n"
    "dinyatakan berakhir.",
    # one item is no list
    "Penandatangan:\n1. Pemkab Sigi\nAcara selesai.",
])
def test_other_lists_keep_their_lines(text):
    assert join_listed_lines(text) == text
