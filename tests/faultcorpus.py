"""A corpus of a few hundred small news pages for the fault-injection tests, written from templates here.

`make_fault_corpus(root, n)` writes `n` files into `root` (in two sub-folders, so a folder walk has some
depth): HTML pages about signings between Indonesian institutions, some pages with no signing, and a few
bad inputs (empty, binary) that must give error rows. Every sentence is written for teken.
"""

from __future__ import annotations

from pathlib import Path

PARTIES = [
    ("Pemerintah Kota Padang", "Ombudsman RI Perwakilan Sumatera Barat"),
    ("Pemerintah Kabupaten Kampar", "Kejaksaan Negeri Kampar"),
    ("Pemerintah Provinsi Riau", "Badan Pusat Statistik"),
    ("Pemerintah Kota Pontianak", "Universitas Tanjungpura"),
    ("Pemerintah Kota Dumai", "Kepolisian Resor Dumai"),
    ("Pemerintah Kabupaten Natuna", "Ombudsman RI Perwakilan Kepulauan Riau"),
    ("Pemerintah Kota Makassar", "Badan Pertanahan Nasional"),
    ("Pemerintah Kabupaten Bekasi", "Kementerian Dalam Negeri"),
]
DOCS = ["nota kesepahaman", "perjanjian kerja sama", "pakta integritas", "komitmen bersama"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]


def _signing_page(i: int) -> str:
    a, b = PARTIES[i % len(PARTIES)]
    doc = DOCS[i % len(DOCS)]
    day, month = 1 + i % 27, i % 12
    return f"""<html><head><title>{a} dan {b} teken {doc} nomor {i}</title>
<meta property="article:published_time" content="2024-{month + 1:02d}-{day:02d}T09:00:00+07:00"></head>
<body><article><h1>{a} dan {b} teken {doc} nomor {i}</h1>
<p>{a} dan {b} menandatangani {doc} tentang pelayanan publik pada {day} {BULAN[month]} 2024.</p>
<p>Penandatanganan berlangsung di aula kantor wali kota dan disaksikan oleh para kepala dinas.
Kerja sama ini bertujuan meningkatkan mutu pelayanan kepada masyarakat di daerah tersebut.</p>
<p>Kepala perwakilan mengatakan bahwa kesepakatan ini akan ditindaklanjuti dengan rencana kerja
bersama yang disusun oleh kedua pihak dalam waktu dekat. Warga berharap pelayanan menjadi lebih cepat.</p>
</article></body></html>"""


def _plain_page(i: int) -> str:
    a, _ = PARTIES[i % len(PARTIES)]
    return f"""<html><head><title>Warga antusias ikuti kegiatan nomor {i}</title></head>
<body><article><h1>Warga antusias ikuti kegiatan nomor {i}</h1>
<p>{a} menggelar kegiatan bersih lingkungan pada akhir pekan. Ratusan warga ikut serta membersihkan
saluran air dan taman kota sejak pagi hari.</p>
<p>Menurut panitia, kegiatan serupa akan diadakan setiap bulan agar lingkungan tetap bersih dan sehat.
Para pelajar juga diajak menanam pohon di sepanjang jalan utama.</p>
</article></body></html>"""


def make_fault_corpus(root: Path, n: int = 300) -> Path:
    for i in range(n):
        folder = root / ("a" if i % 2 else "b")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"berita-{i:04d}.html"
        if i % 97 == 13:
            path.write_bytes(b"")  # empty: an error row
        elif i % 89 == 7:
            path.write_bytes(bytes(range(256)) * 8)  # binary: an error row
        elif i % 3 == 0:
            path.write_text(_plain_page(i), encoding="utf-8")
        else:
            path.write_text(_signing_page(i), encoding="utf-8")
    return root
