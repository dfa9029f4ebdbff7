"""Writes the bad-input folder of issue 2: every way a scraped input can be broken, beside a few good articles.

`make_bad_input_folder(root)` fills `root` and returns {file name: label}. Labels start with `good:` (an
article that must give events), `bad:` (must give an `articles` row with a reason and no events) or
`mixed:` (the JSONL file: one good line and four bad ones). `EXPECTED_EVENTS` says which events each good
article holds, so an end-to-end test can check them without re-reading the text.

Every article here was written for teken; no third-party text. Writing the folder takes about a second and
about 60 MB of disk: the gzip bomb is built by repeating one precompressed deflate block, so the multi-GB
stream is never produced.
"""

from __future__ import annotations

import gzip
import json
import random
import struct
import zlib
from pathlib import Path

BOMB_NAME = "bom-gzip.html.gz"
# What the bomb expands to: 5 GiB of zero bytes, in a file of about 5 MB.
BOMB_UNCOMPRESSED_BYTES = 5 * 1024**3
HUGE_PAGE_BYTES = 50 * 1024**2
NESTED_DIV_DEPTH = 200_000

WEIRD_NAME = "berita penandatanganan Pemkab Bekasi – édisi.html"
GOOD_HTML_NAME = "ombudsman-jateng-pemkot-semarang.html"
GOOD_TXT_NAME = "pemprov-ntb-unram-mou.txt"
CP1252_NAME = "ombudsman-sulsel-makassar-cp1252.html"
JSONL_NAME = "artikel-campuran.jsonl"
JSONL_GOOD_ID = "jsonl-baik-001"

# Minimal expectations per good article: what a correct run must find. Party codes are Kemendagri codes
# of the regional parties (non-regional parties are listed by kind only).
EXPECTED_EVENTS: dict[str, list[dict]] = {
    WEIRD_NAME: [
        {
            "agreement_types": ["pks"],
            "status": "signed",
            "date": "2025-03-05",
            "region_codes": ["32.16"],
            "kinds": ["pemerintah_daerah", "kementerian_lembaga"],
        }
    ],
    GOOD_HTML_NAME: [
        {
            "agreement_types": ["mou"],
            "status": "signed",
            "date": "2024-02-15",
            "region_codes": ["33", "33.74"],
            "kinds": ["ombudsman", "pemerintah_daerah"],
        }
    ],
    GOOD_TXT_NAME: [
        {
            "agreement_types": ["mou"],
            "status": "signed",
            "date": "2024-06-10",
            "region_codes": ["52"],
            "kinds": ["pemerintah_daerah", "perguruan_tinggi"],
        }
    ],
    CP1252_NAME: [
        {
            "agreement_types": ["pks"],
            "status": "signed",
            "date": "2024-10-08",
            "region_codes": ["73", "73.71"],
            "kinds": ["ombudsman", "pemerintah_daerah"],
        }
    ],
    f"{JSONL_NAME}#{JSONL_GOOD_ID}": [
        {
            "agreement_types": ["pks"],
            "status": "signed",
            "date": "2024-07-12",
            "region_codes": ["33.02"],
            "kinds": ["pemerintah_daerah", "bumn_bumd"],
        }
    ],
}

_BEKASI_HTML = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Pemkab Bekasi dan BPJS Kesehatan Teken Perjanjian Kerja Sama UHC - Warta Cikarang</title>
<meta property="og:title" content="Pemkab Bekasi dan BPJS Kesehatan Teken Perjanjian Kerja Sama UHC">
<meta property="og:site_name" content="Warta Cikarang">
<meta property="og:url" content="https://wartacikarang.id/pemkab-bekasi-bpjs-kesehatan-teken-pks-uhc">
<meta property="article:published_time" content="2025-03-06T10:00:00+07:00">
</head><body>
<nav><a href="/">Beranda</a> <a href="/bekasi">Bekasi</a> <a href="/kesehatan">Kesehatan</a></nav>
<div class="iklan">banner 728x90</div>
<article><h1>Pemkab Bekasi dan BPJS Kesehatan Teken Perjanjian Kerja Sama UHC</h1>
<div class="share">Bagikan: Facebook | WhatsApp</div>
<p>CIKARANG, WARTACIKARANG.ID – Pemerintah Kabupaten Bekasi dan BPJS Kesehatan Cabang Bekasi menandatangani
perjanjian kerja sama tentang cakupan kesehatan semesta (universal health coverage) di Ruang Rapat Bupati Bekasi,
Cikarang Pusat, Rabu (5/3/2025).</p>
<p>Perjanjian diteken Bupati Bekasi, Asep Mulyana, dan Kepala BPJS Kesehatan Cabang Bekasi, Rini Astuti. Melalui
kerja sama ini, Pemkab Bekasi menanggung iuran bagi 210.000 warga miskin yang belum terdaftar sebagai peserta.</p>
<p><strong>BACA JUGA:</strong> <a href="/x">Pemkot Bekasi Teken MoU dengan Kejari soal Aset</a></p>
<p>“Warga cukup membawa KTP ke puskesmas atau rumah sakit. Tidak boleh ada lagi pasien yang ditolak karena belum
punya kartu,” kata Asep.</p>
<p>Rini menambahkan, kepesertaan warga yang didaftarkan pemerintah daerah langsung aktif pada hari yang sama.</p>
</article>
<div class="comment"><h3>Tinggalkan Balasan</h3><textarea></textarea></div>
<footer>© 2025 Warta Cikarang</footer>
</body></html>
"""

_SEMARANG_HTML = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Ombudsman Jateng dan Pemkot Semarang Teken Nota Kesepakatan - Kabar Semarang</title>
<meta property="og:title" content="Ombudsman Jateng dan Pemkot Semarang Teken Nota Kesepakatan">
<meta property="og:site_name" content="Kabar Semarang">
<meta property="article:published_time" content="2024-02-16T08:30:00+07:00">
</head><body>
<header><ul><li>Home</li><li>Semarang Raya</li><li>Jateng</li><li>Nasional</li></ul></header>
<div class="ads">ADVERTISEMENT</div>
<div class="content"><h1>Ombudsman Jateng dan Pemkot Semarang Teken Nota Kesepakatan</h1>
<p>SEMARANG – Ombudsman RI Perwakilan Jawa Tengah dan Pemerintah Kota Semarang menandatangani nota kesepakatan
tentang pengawasan penyelenggaraan pelayanan publik di Balai Kota Semarang, Kamis (15/2/2024).</p>
<p>Kepala Ombudsman Jateng, Sri Wahyuni, mengatakan kerja sama itu mencakup percepatan penyelesaian laporan
masyarakat dan pendampingan penilaian kepatuhan standar pelayanan. “Kami ingin pengaduan warga Semarang selesai
di tingkat dinas, tidak berlarut-larut,” ujarnya.</p>
<p>Baca juga: Pemkab Demak Tandatangani MoU dengan Undip</p>
<p>Wali Kota Semarang, Budi Santoso, menyatakan siap membuka data pengaduan kepada Ombudsman setiap bulan.</p>
<p>Penulis: Dwi Lestari | Editor: Hari Purnomo</p>
</div>
<footer>Kabar Semarang © 2024</footer>
</body></html>
"""

_NTB_TXT = """Pemprov NTB dan Universitas Mataram Teken MoU Pengembangan Desa Wisata

MATARAM – Pemerintah Provinsi Nusa Tenggara Barat dan Universitas Mataram (Unram) menandatangani nota
kesepahaman tentang pengembangan desa wisata dan peningkatan kapasitas pelaku usaha pariwisata di Kantor
Gubernur NTB, Mataram, Senin (10/6/2024).

Nota kesepahaman diteken Sekda NTB, Lalu Hamdani, mewakili Gubernur NTB, dan Rektor Unram, Prof. Made Sudarma.
Kerja sama itu akan melibatkan dosen dan mahasiswa dalam pendampingan 99 desa wisata di seluruh NTB.

“Desa wisata kita banyak, tetapi pengelolaannya belum profesional. Kampus punya ilmunya,” kata Lalu Hamdani.

Rektor Unram menyebut program kuliah kerja nyata tematik desa wisata akan dimulai pada semester depan.
"""

_MAKASSAR_CP1252 = """<html><head>
<title>Ombudsman Sulsel dan Pemkot Makassar Teken PKS Pengelolaan Pengaduan</title>
</head><body>
<div id="menu">Beranda | Makassar | Sulsel | Politik | Hukum</div>
<div class="banner">banner 120x600</div>
<h1>Ombudsman Sulsel dan Pemkot Makassar Teken PKS Pengelolaan Pengaduan</h1>
<p>MAKASSAR – Ombudsman RI Perwakilan Sulawesi Selatan dan Pemerintah Kota Makassar menandatangani perjanjian
kerja sama tentang pengelolaan pengaduan pelayanan publik di Balai Kota Makassar, Selasa (8/10/2024).</p>
<p>Perjanjian diteken Kepala Ombudsman Sulsel, André Pratama, dan Wali Kota Makassar. “Kami ingin setiap
pengaduan warga punya jawaban dalam tujuh hari,” kata André.</p>
<p>Menurut André, kerja sama ini juga mencakup pelatihan petugas layanan di kafé-kafé literasi milik Pemkot
yang selama ini menjadi tempat warga bertanya soal layanan kependudukan — sebuah “pintu depan” pelayanan.</p>
<p>Penulis: Andi Baso | Editor: Nurhayati</p>
</body></html>
"""

_BANYUMAS_TEXT = (
    "Pemkab Banyumas dan Bank Jateng Teken PKS Pembayaran Pajak Daerah\n\n"
    "PURWOKERTO – Pemerintah Kabupaten Banyumas dan PT Bank Pembangunan Daerah Jawa Tengah (Bank Jateng) "
    "menandatangani perjanjian kerja sama tentang layanan pembayaran pajak dan retribusi daerah secara nontunai di "
    "Pendapa Si Panji, Purwokerto, Jumat (12/7/2024).\n\n"
    "Perjanjian diteken Bupati Banyumas, Ahmad Fauzi, dan Pemimpin Cabang Bank Jateng Purwokerto, Dian Rahayu. "
    "“Warga bisa membayar pajak bumi dan bangunan lewat QRIS dari rumah,” kata Ahmad.\n"
)

_ENGLISH_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Riau ombudsman signs MoU with Pekanbaru city - The Sumatra Ledger</title>
<meta property="og:site_name" content="The Sumatra Ledger">
<meta property="article:published_time" content="2024-05-21T09:00:00+07:00">
</head><body>
<nav>Home | Business | Politics | Region | Opinion</nav>
<article><h1>Riau ombudsman signs MoU with Pekanbaru city</h1>
<p>PEKANBARU – The Riau office of the Indonesian Ombudsman signed a memorandum of understanding with the
Pekanbaru city administration on Monday, pledging to speed up the handling of public complaints.</p>
<p>“Residents should not have to wait months for an answer,” the head of the office told reporters after the
ceremony at City Hall. The agreement covers data sharing and joint inspections of service units.</p>
<p>Pekanbaru recorded more than 200 complaints about public services last year, most of them about land
certificates and school admissions.</p>
</article>
<footer>© 2024 The Sumatra Ledger</footer>
</body></html>
"""

_HUGE_PARAGRAPH = (
    "<p>Hujan dengan intensitas ringan hingga sedang diperkirakan turun di sebagian besar wilayah Riau pada sore "
    "hingga malam hari. Masyarakat diimbau tetap waspada terhadap potensi angin kencang dan genangan di jalan-jalan "
    "protokol, terutama di Kota Pekanbaru, Kabupaten Kampar, dan Kabupaten Siak. Nelayan diminta memperhatikan "
    "peringatan dini gelombang tinggi sebelum melaut.</p>\n"
)


def make_bad_input_folder(root: Path) -> dict[str, str]:
    """Write every bad-input case of issue 2 (and a few good articles) into `root`; return {file name: label}."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    made: dict[str, str] = {}

    def put(name: str, data: bytes, label: str) -> None:
        (root / name).write_bytes(data)
        made[name] = label

    put("kosong.html", b"", "bad: empty file")
    # Fixed seed: the same bytes on every run, so a failure can be reproduced.
    put("acak.html", random.Random(20251123).randbytes(64 * 1024), "bad: random bytes named .html")
    whole = gzip.compress(_SEMARANG_HTML.encode("utf-8"), mtime=0)
    put("terpotong.html.gz", whole[: len(whole) // 2], "bad: truncated .html.gz")
    _write_gzip_bomb(root / BOMB_NAME, BOMB_UNCOMPRESSED_BYTES)
    made[BOMB_NAME] = f"bad: gzip bomb expanding to {BOMB_UNCOMPRESSED_BYTES // 1024**3} GiB"
    put(
        CP1252_NAME,
        _MAKASSAR_CP1252.encode("cp1252"),
        "good: windows-1252 page without charset declaration (must be decoded, not mangled)",
    )
    _write_huge_page(root / "halaman-50mb.html", HUGE_PAGE_BYTES)
    made["halaman-50mb.html"] = "bad: 50 MB page of repeated paragraphs (no signing either way)"
    nested = (
        "<html><body>"
        + "<div>" * NESTED_DIV_DEPTH
        + "Prakiraan cuaca hari ini."
        + "</div>" * NESTED_DIV_DEPTH
    )
    put(
        "div-bersarang.html",
        (nested + "</body></html>").encode("ascii"),
        f"bad: {NESTED_DIV_DEPTH:,} nested <div> (no signing either way)",
    )
    put(
        "english-news.html", _ENGLISH_HTML.encode("utf-8"), "bad: English page (about an MoU; not Indonesian)"
    )
    put("spasi-saja.txt", b"   \n\t\n   \r\n  \n", "bad: whitespace-only .txt")
    put(WEIRD_NAME, _BEKASI_HTML.encode("utf-8"), "good: file name with spaces and non-ASCII letters")
    put(GOOD_HTML_NAME, _SEMARANG_HTML.encode("utf-8"), "good: ordinary Indonesian signing article (.html)")
    put(GOOD_TXT_NAME, _NTB_TXT.encode("utf-8"), "good: ordinary Indonesian signing article (.txt)")
    put(
        JSONL_NAME,
        _jsonl_lines(),
        "mixed: JSONL with 1 good line, invalid JSON, no text/html, text null, text a number",
    )
    return made


def _jsonl_lines() -> bytes:
    good = {
        "id": JSONL_GOOD_ID,
        "url": "https://banyumasnews.id/pemkab-banyumas-bank-jateng-teken-pks",
        "published": "2024-07-13",
        "title": "Pemkab Banyumas dan Bank Jateng Teken PKS Pembayaran Pajak Daerah",
        "text": _BANYUMAS_TEXT,
    }
    lines = [
        json.dumps(good, ensure_ascii=False),
        '{"id": "jsonl-rusak-002", "url": "https://contoh.id/a", "text": "Kalimat terpotong tanpa penutup',
        json.dumps({"id": "jsonl-tanpa-teks-003", "url": "https://contoh.id/b", "title": "Judul saja"}),
        json.dumps(
            {"id": "jsonl-teks-null-004", "url": "https://contoh.id/c", "title": "Teks kosong", "text": None}
        ),
        json.dumps(
            {"id": "jsonl-teks-angka-005", "url": "https://contoh.id/d", "title": "Teks angka", "text": 12345}
        ),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _write_huge_page(path: Path, size: int) -> None:
    head = (
        b'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Prakiraan Cuaca Riau Sepekan</title>'
        b"</head><body><h1>Prakiraan Cuaca Riau Sepekan</h1>\n"
    )
    block = (_HUGE_PARAGRAPH * 1000).encode("utf-8")
    with path.open("wb") as out:
        out.write(head)
        written = len(head)
        while written < size:
            out.write(block)
            written += len(block)
        out.write(b"</body></html>\n")


def _write_gzip_bomb(path: Path, uncompressed: int) -> None:
    """A valid gzip file of `uncompressed` zero bytes, written without ever producing them.

    After a full flush a raw deflate stream forgets its history, so every 1 MiB block of zeros compresses
    to the same bytes: compress one, write it n times, and end with the CRC-32 of all the zeros.
    """
    chunk = 1 << 20
    n_chunks, rest = divmod(uncompressed, chunk)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(bytes(chunk)) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.compress(bytes(rest)) + deflate.flush(zlib.Z_FINISH)
    crc = _crc32_of_zeros(uncompressed)
    with path.open("wb") as out:
        # Header: magic, deflate, no flags, mtime 0, max compression, Unix.
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03")
        for _ in range(n_chunks):
            out.write(block)
        out.write(tail)
        out.write(struct.pack("<II", crc, uncompressed & 0xFFFFFFFF))


def _crc32_of_zeros(n: int) -> int:
    """CRC-32 of n zero bytes by doubling with crc32_combine, instead of reading gigabytes."""
    result, result_len = 0, 0
    piece, piece_len = zlib.crc32(bytes(1 << 20)), 1 << 20
    tail = n % piece_len
    count = n // piece_len
    while count:
        if count & 1:
            result = _crc32_combine(result, piece, piece_len) if result_len else piece
            result_len += piece_len
        piece = _crc32_combine(piece, piece, piece_len)
        piece_len *= 2
        count >>= 1
    if tail:
        result = (
            _crc32_combine(result, zlib.crc32(bytes(tail)), tail) if result_len else zlib.crc32(bytes(tail))
        )
    return result


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, i = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[i]
        vector >>= 1
        i += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, matrix[n]) for n in range(32)]


def _crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """zlib's crc32_combine: the CRC of A+B from CRC(A), CRC(B) and len(B)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]  # the operator for one zero bit
    even = _gf2_square(odd)  # two zero bits
    odd = _gf2_square(even)  # four zero bits
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2
