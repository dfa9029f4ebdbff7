"""Where a signing took place: "di Kantor Bupati Batanghari", "bertempat di hotel Harris, Batam Centre".

The venue is the most specific place named after "di" (or "bertempat di", "berlangsung di", "digelar di"),
as written, with up to two comma-joined parts that continue it ("Ballroom Love Seafood, Batam Center").
Locatives that are no venue ("di hadapan", "di sela", "di lingkungan Pemprov", "di bidang") are skipped,
and the dateline ("BATAM –") is never a venue. Examples: venue.examples.jsonl beside this file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VENUE_HEADS = (
    r"Kantor|Gedung|Aula|Ruang|Ruangan|Balai|Hotel|Ballroom|Pendopo|Pendapa|Rumah\s+Dinas|Rumah\s+Jabatan|"
    r"Rujab|Rudin|Gubernuran|Wisma|Graha|Auditorium|Kampus|Rektorat|Mapolda|Mapolres|Mapolresta|Markas|Mako|"
    r"Istana|Hall|Convention|Guest\s+House|Sekretariat|Command\s+Center|Media\s+Center|Lobi|Lobby|Lantai|"
    r"Kompleks|Komplek|Taman|Lapangan|Masjid|Mal|Mall|Plaza|Resort|Restoran|Rumah\s+Makan|Gelanggang|"
    r"Stadion|Pelabuhan|Bandara|Kawasan|Bundaran|Sasana|Puri|Bale|Anjungan|Studio|Dermaga|Galeri|Museum|"
    r"Pusat|Universitas|Kantor\s+Wilayah|Kanwil|Ombudsman|Gedung\s+Daerah|Mess|Villa|Vila|Grand|Swiss-Belhotel|"
    r"Alun-alun|Alun-Alun|Alun\s+alun|Pantai|Gor|GOR|Sport\s+Center|Mal\s+Pelayanan\s+Publik|MPP"
)
NOT_VENUE_AFTER_DI = re.compile(
    r"(?i:hadapan|sela|sela-sela|tengah|antara|bawah|atas|mana|sini|situ|sana|lingkungan|bidang|era|masa|"
    r"tahun|bulan|hari|samping|dalam|luar|depan|belakang|seluruh|setiap|tingkat|level|wilayah|daerah|"
    r"kalangan|kesempatan|akhir|awal|sektor|lokasi\s+yang|mana-mana|berbagai|semua|masing-masing|internal|"
    r"satu|salah)\b")
_LEAD = re.compile(
    r"(?:(?i:bertempat|berlangsung|digelar|dilaksanakan|diadakan|dilangsungkan|diselenggarakan|dilakukan|"
    r"ditandatangani|diteken|berlokasi)\s+)?(?<![\w-])(?i:di)\s+")
# Lowercase words that continue a lowercase venue head: "ruang rapat Wali Kota", "lantai 2 Gedung ...".
_LOWER_MODIFIERS = r"(?:\s+(?:rapat|pertemuan|utama|serbaguna|serba\s+guna|sidang|kerja|tamu|dinas|jabatan|pola|" \
                   r"paripurna|VIP|vip|lantai|\d+))*"
_PART = r"[A-Z0-9][\w'’&.-]*"
_CONT = r"(?:\s+(?:" + _PART + r"|(?i:dan|&|of|de|la|lt\.?)\s+" + _PART + r"))*"
_VENUE = re.compile(
    r"((?:(?i:" + VENUE_HEADS + r")\b" + _LOWER_MODIFIERS + r"|" + _PART + r")" + _CONT + r")"
    r"((?:\s*,\s*" + _PART + _CONT + r"){0,3})"
)
# Words that end a venue wherever they stand (a day, a date, a clause word) ...
_END_WORDS = re.compile(
    r"^(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Pada|Kemarin|Yang|Dengan|Oleh|Dalam|Dan|Serta|"
    r"Sebagai|Untuk|Tersebut|Ini|Itu|Bersama|Pukul|WIB|WITA|WIT|Januari|Februari|Maret|"
    r"April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b"
)
# ... and words that cannot start one: after a comma they begin who is there, not where.
_STOP_WORDS = re.compile(
    _END_WORDS.pattern[:-3] + r"|Ombudsman|Pemkab|Pemkot|Pemprov|Pemda|Bupati|Wakil|Wali|Walikota|Gubernur|"
    r"Sekda|Kepala|Ketua|Direktur|Rektor|Kapolda|Kajati|Menteri|Pj|Plt|Sedangkan|Sementara|Namun|Hal|Acara|"
    r"Kegiatan|Penandatanganan|Ia|Dia|Beliau|Mereka|Kami|Kita)\b"
)
# Heads that make a lowercase "di ..." a venue ("di kantor Ombudsman", "di hotel Harris").
_LOWER_HEADS = re.compile(r"(?:kantor|gedung|aula|ruang|ruangan|balai|hotel|ballroom|pendopo|pendapa|"
                          r"rumah\s+dinas|rumah\s+jabatan|wisma|graha|auditorium|kampus|markas|istana|lantai|"
                          r"lobi|lobby|mes)\b")
_REGION_ONLY = re.compile(r"^(?:Provinsi|Kabupaten|Kota|Kecamatan|Desa|Kelurahan)\b")


@dataclass
class VenueMention:
    text: str
    start: int
    end: int
    explicit: bool  # introduced by "bertempat di", "digelar di" and the like, not a bare "di"


def find_venues(sentence: str) -> list[VenueMention]:
    """Every place a sentence says something happened at, in order."""
    out: list[VenueMention] = []
    for lead in _LEAD.finditer(sentence):
        rest_start = lead.end()
        if NOT_VENUE_AFTER_DI.match(sentence, rest_start):
            continue
        m = _VENUE.match(sentence, rest_start)
        if not m:
            continue
        head = m.group(1)
        if not head[:1].isupper() and not _LOWER_HEADS.match(head):
            continue
        if not head[:1].isupper() and (sentence[rest_start + len(head):rest_start + len(head) + 1] == "-"
                                       or not re.search(r"\s[A-Z0-9]", head)):
            continue  # "di gedung-gedung pemerintah", a bare "di kantor": no place in particular
        head = _trim(head)
        if not head or _STOP_WORDS.match(head):
            continue
        text = head
        for part in re.finditer(r"\s*,\s*(" + _PART + _CONT + r")", m.group(2) or ""):
            piece = _trim(part.group(1))
            if not piece or _STOP_WORDS.match(piece) or not _looks_like_place(piece):
                break
            text = text + ", " + piece
        explicit = not re.match(r"(?i:di)\s", lead.group(0))
        if _REGION_ONLY.match(text) and not explicit:
            continue  # "pelayanan publik di Provinsi Riau" names a scope, not where anyone met
        out.append(VenueMention(text, rest_start, rest_start + len(text), explicit))
    return out


def _trim(text: str) -> str:
    """Cut a venue before words that end it: a date, a day, "pada", a title of a person."""
    words = text.split()
    kept: list[str] = []
    for w in words:
        if _END_WORDS.match(w) and kept:
            break
        kept.append(w)
    while kept and kept[-1].lower() in {"dan", "&", "of", "di", "yang"}:
        kept.pop()
    return " ".join(kept).rstrip(".,")


def _looks_like_place(piece: str) -> bool:
    """A comma part continues a venue when it is a place ("Batam Center"), not a person or a date."""
    if re.search(r"\d{1,2}/\d{1,2}", piece):
        return False
    first = piece.split()[0]
    if first.isupper() and len(first) > 4:
        return False  # an uppercase word after a comma is usually an acronym of who is there
    return len(piece.split()) <= 5


def is_building(text: str) -> bool:
    """A venue that names a building or room ("Kantor Bupati X", "Ballroom ..."), not only a town."""
    return bool(re.match(r"(?i:" + VENUE_HEADS + r")\b", text))


def venue_for_signing(sentence: str, trigger_start: int, trigger_end: int,
                      plain_before: bool = True) -> VenueMention | None:
    """The venue of the signing at the trigger: the first place after it, else the nearest before it.

    With `plain_before` False (a second signing in one sentence), a place before the trigger counts only
    when introduced as one ("bertempat di"): a bare "di X" there belongs to the signing before.
    """
    venues = find_venues(sentence)
    if not venues:
        return None
    after = [v for v in venues if v.start >= trigger_end]
    # Before the trigger, a bare "di X" mostly locates a noun ("pemerintah daerah di Kalimantan Tengah
    # menandatangani ..."); it is the venue only when introduced as one or when it names a building.
    before = [v for v in venues if v.end <= trigger_start and (v.explicit or is_building(v.text))]
    explicit_before = [v for v in before if v.explicit]
    if after:
        return after[0]
    if explicit_before:
        return explicit_before[-1]
    return before[-1] if before and plain_before else None
