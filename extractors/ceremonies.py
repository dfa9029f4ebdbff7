"""Which signing mentions of an article are one ceremony: ordered merge passes over the article's drafts.

Real news repeats its signing: the lead reports it, a second paragraph says "Penandatanganan dilakukan oleh
...", a quote says "hari ini kami menandatangani ...", a caption or the closing summary names it again.
Each re-mention is read as a draft event first (extractors/events.py); this module then decides which drafts
are one ceremony, after the multi-pass sieve of deterministic coreference (Lee et al. 2013): a fixed list
of passes, surest first, each merging by one named rule and never undoing an earlier pass.

The principle: within one article, two signing mentions are one ceremony unless the text gives a reason to
keep them apart. There are two kinds of reason.
- Another occasion (other_occasion, checked by every pass): a different status (signed / planned), dates that
  cannot be the same day, a time cue of an earlier signing ("sebelumnya", "pernah", "tahun lalu", "silam",
  "sejak adanya MoU") in one mention but not the other (a cue after another document the sentence names later
  is that document's: "... itu merupakan perpanjangan dari kesepakatan sebelumnya"), or a document added
  "besides" the one before ("Selain itu, X juga melakukan nota kesepakatan ..."). Nothing else: a re-mention
  that words the document's subject differently, or names another document signed there, is the same ceremony
  (SPEC: one ceremony is one event, whatever is signed there).
- Other parties: each mention names a counterpart the other lacks, or they share no signer (SPEC: a signing
  "with other parties ... is its own event when the text reports the act"). Then only words that tie the two
  to one occasion join them: a pointing back, the same occasion or day, the same document signed "juga", the
  next signing of a round. The passes below are these ties; named_subset is the default (no other parties).

The passes:
1. ``named_subset``: a draft whose named signers are all signers of an earlier draft (or of which the
   earlier one's are all its own, or which follows one that names nobody) re-mentions that ceremony: "Ombudsman menandatangani nota kesepahaman
   dengan Pemkot X." ... "Nota kesepahaman ditandatangani Ketua Ombudsman dan Wali Kota X."
   Parties compare by institution, an office with its head ("Kejaksaan Negeri" and "Kejaksaan Negeri
   Serang", "Ombudsman RI" and "Ombudsman RI Perwakilan Riau") as one.
2. ``anaphoric_shared``: a mention that points back ("MoU itu", "penandatanganan tersebut") and shares a
   signer with the ceremony before it is that ceremony, whatever it calls the document.
3. ``same_occasion``: a draft whose sentence places it at the occasion just reported ("Dalam acara
   tersebut, Gubernur juga menandatangani ...", "pada kesempatan yang sama juga dilaksanakan penandatanganan
   PKS ...") adds its signers and documents to that ceremony; with another signing reported in between, to the
   ceremony it shares a signer (else a document) with. "Pada hari yang sama" names the day, not the sitting: it
   ties only a draft that shares a signer ("Sementara itu, di Sofifi, A dan B menandatangani ... pada hari yang
   sama" is another signing).
4. ``same_day``: two drafts dated the same day that share a signer are one ceremony, whatever else each
   names ("... dengan Pemkab A, Selasa (3/5)" and "Pemkab B juga menandatangani ..., Selasa (3/5)").

   ``besides_signer``: "Selain B, MoU juga diteken C": a signing of the same document opening on a signer of an
   earlier ceremony ("besides B") adds its other signers to that ceremony.
5. ``shared_pair``: a mention of the same document that names two signers of an earlier draft, and others
   beside, restates that ceremony with its signers written another way (the unit heads of the institutions).
6. ``also_signed``: the same document signed "juga" by others in the next sentences ("Penandatanganan PKS juga
   dilakukan oleh C, D dan E"), with nothing that puts it on another occasion, is signed at that ceremony.
7. ``in_turn``: the next signing of a round ("Berikutnya, Ombudsman menandatangani MoU dengan Bupati B", "secara
   bergantian"), undated and sharing a signer with the ceremony before it, is that ceremony.
8. ``other_side``: an undated signing of the same document in the next sentences that opens on "dari pihak X"
   ("Adapun dari pihak Pemprov X, nota kesepahaman ditandatangani oleh Sekda") tells who signed for its other side.
9. ``as_for``: "Adapun perjanjian kerja sama ... ditandatangani ...": the details of a document the ceremony named.
10. ``while_other_signed``: two signings of one sentence set side by side by "sementara"/"sedangkan" ("A meneken
   MoU dengan B, sementara Kepala Divisi A meneken PKS dengan C"), the second undated, a signer shared: one sitting.
11. ``units_for_bodies``: the same document signed next by a side of the first and by regional units of the national
   bodies it named ("dengan unsur TNI dan Polri", then "diteken Bupati A bersama Dandim B dan Kapolres C").
12. ``next_pair``: right after a round of pairs signing one document, "Adapun Bupati D ..., yang meneken bersama
   Kepala BPS D", undated, pairing new bodies of the round's kinds, is the round's last pair.
13. ``group_listed``: right after a signing, "Delapan kampus yang menandatangani MoU yakni A, B, ...", undated: the
   group that signed it, listed, is its other side.

Examples: ceremonies.examples.jsonl beside this file (short articles and the events they hold).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

from teken.extractors.signer_lists import COUNTED_GROUP

EARLIER_CUE = re.compile(r"\b(?:sebelumnya|sebelum\s+ini|pernah|tahun\s+lalu|bulan\s+lalu|silam|terdahulu|"
                      # "Kala itu, MoU diteken oleh Menteri LHK ...": the time of the earlier signing just told
                      r"kala\s+itu|ketika\s+itu|(?:pada\s+)?waktu\s+itu|"
                      # "kesepakatan yang lebih dulu dijalin A dengan C" (not "A lebih dulu meneken MoU" at the sitting)
                      r"yang\s+(?:telah\s+|sudah\s+)?lebih\s+(?:dulu|dahulu)|"
                      # "MoU antara keduanya telah lebih dulu diteken": done before, told in the passive (not the order
                      # of a sitting's signers, "Bupati lebih dulu meneken, kemudian Rektor")
                      r"(?:telah|sudah)\s+(?:lebih|terlebih)\s+(?:dulu|dahulu)(?=\s+di[a-z]+\b)|"
                      # "MoU dengan Pemkab sudah diteken sejak lama", "jauh hari sebelumnya"
                      r"sejak\s+lama|jauh\s+(?:hari\s+)?sebelumnya|"
                      r"beberapa\s+(?:waktu|tahun|bulan)\s+lalu|tahun-tahun\s+sebelumnya|"
                      r"sejak\s+(?:adanya|ada|dilakukannya|ditandatanganinya|penandatanganan)|"
                      # "sejak MoU pertama antara A dan B diteken pada awal masa pemerintahan X": the first of the two,
                      # signed before the renewal reported
                      # (not "MoU pertama diteken dengan A, MoU kedua dengan B": the first of one sitting's documents)
                      r"(?:sejak\s+)?(?:MoU|nota\s+kesepahaman|nota\s+kesepakatan|perjanjian(?:\s+kerja\s*sama)?|PKS|"
                      r"kesepakatan)\s+(?:yang\s+)?lama|sejak\s+(?:MoU|nota\s+kesepahaman|nota\s+kesepakatan|"
                      r"perjanjian(?:\s+kerja\s*sama)?|PKS|kesepakatan)\s+(?:yang\s+)?pertama|"
                      # ("di awal pemerintahan X", "pada awal periode kepemimpinannya": "masa" is often left out)
                      r"(?:(?:pada|di)\s+)?awal\s+masa\s+(?:pemerintahan|jabatan|kepemimpinan|bakti)|"
                      r"(?:pada|di)\s+awal\s+(?:pemerintahan|jabatan|kepemimpinan|periode)\w*)\b",
                      re.IGNORECASE)


# An office's class ("Lapas Kelas I Cirebon", "Kantor Imigrasi Kelas I TPI Denpasar", "Kelas I Khusus TPI Batam") is no
# part of which office.
_CLASS = re.compile(r"\bKelas\s+(?:I{1,3}|IV|[1-4])[AB]?(?:\s+(?:TPI|Khusus|Non\s+TPI)){0,2}\b")


def _words(name: str) -> list[str]:
    """A name's words as compared: without the office's class and the word "Kantor", which only says it is an office
    ("Kantor Cabang Cirebon" and "Cabang Cirebon"); a foundation named in English as the yayasan it is."""
    words = [w for w in re.sub(r"[^a-z0-9]+", " ", _CLASS.sub(" ", name).lower()).split() if w != "kantor"]
    if len(words) > 1 and words[-1] == "foundation":
        # "Lestari Hijau Foundation" is the "Yayasan Lestari Hijau" the article also names ("Yayasan Lestari Hijau
        # Foundation")
        words = ["yayasan"] + [w for w in words[:-1] if w != "yayasan"]
    return words


def written_alike(a: Any, b: Any) -> bool:
    """Two parties that are one office written two ways: with and without its class or "Kantor"."""
    return a is not b and a.name != b.name and _words(a.name) == _words(b.name) and \
        (a.region_code or "")[:2] == (b.region_code or "")[:2]


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return 0 < n <= len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


# A village's or district's government, named by its place: a longer name is another place, not an office of it.
_LOCAL_PLACE = re.compile(r"(?:Pemerintah\s+)?(?:Desa|Kelurahan|Kalurahan|Nagari|Gampong|Kampung|Kampong|Kecamatan|Pekon)\s")


def same_institution(a: Any, b: Any) -> bool:
    """Whether two parties are one signer, an office taken with its head ("Kejaksaan Negeri" and "Kejaksaan
    Negeri Serang"); a faculty or a unit that names its university is a signer of its own (SPEC: Units)."""
    if a.name == b.name or _words(a.name) == _words(b.name):
        return True
    if a.kind == "ombudsman" and b.kind == "ombudsman":
        return True
    if a.region_code and b.region_code and a.region_code != b.region_code:
        return False
    wa, wb = _words(a.name), _words(b.name)
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if long[:1] and long[0] in {"fakultas", "program", "prodi", "lembaga", "pusat", "sekolah"}:
        return False
    if _LOCAL_PLACE.match(a.name) and _LOCAL_PLACE.match(b.name):
        return False  # "Desa Kualu" and "Desa Kualu Nenas": neighbouring villages often share a stem
    # ("UPT Puskesmas Sukoharjo" and "Puskesmas Sukoharjo": a unit named with or without its form, "UPT"; "Unit
    # Transfusi Darah PMI Kabupaten Lumajang" and "PMI Kabupaten Lumajang": the unit named by its body in a remark)
    return _contains(long, short) and (long[:len(short)] == short
                                       or long[0] in {"kantor", "perwakilan", "yayasan", "upt", "uptd"}
                                       or long[0] == "unit" and long[-len(short):] == short)


def general_party(party: Any, others: list[Any]) -> bool:
    """A party that only names the head of a more specific party of the same event ("Palang Merah Indonesia"
    beside "Palang Merah Indonesia Kabupaten Lumajang"): the specific office is the signer."""
    if party.kind == "ombudsman":
        return False  # Ombudsman RI and a representative office are both parties when both sign (SPEC)
    wp = _words(party.name)
    for other in others:
        if other is party or other.kind == "ombudsman":
            continue
        wo = _words(other.name)
        # "Ponpes X" beside "Yayasan Ponpes X Buyat": the foundation that runs it is the signer.
        if len(wo) > len(wp) and (other.region_code or wo[0] == "yayasan") and same_institution(party, other) and (
                party.region_code is None or party.region_code == other.region_code):
            return True
    return False


def _named(draft: Any) -> list[Any]:
    return [p for p in draft.parties if p.start is not None]


def _side_of(p: Any, q: Any) -> bool:
    """Whether p signs on q's side: the same institution, or a unit whose name holds q's whole name ("Fakultas
    Pertanian Universitas X" beside "Universitas X"; "Dinas Pendidikan Provinsi Y" does not hold "Pemerintah
    Provinsi Y")."""
    if same_institution(p, q):
        return True
    wp, wq = _words(p.name), _words(q.name)
    if organ_of(p, q) or _council_and_organ(p, q) or _council_and_organ(q, p):
        return True
    return len(wq) >= 2 and len(wp) > len(wq) and _contains(wp, wq) and (
        p.region_code is None or q.region_code is None or p.region_code == q.region_code)


# A council's own organs: "Badan Anggaran (Banggar) DPRD", "Komisi III DPRD", "Fraksi X DPRD".
COUNCIL_ORGAN = re.compile(r"(?:Badan\s+Anggaran|Banggar|Komisi\s+[A-Z0-9IVX]+|Fraksi\s+.+?|Panitia\s+Khusus|Pansus|"
                           r"Badan\s+Musyawarah|Banmus|Badan\s+Pembentukan\s+Peraturan\s+Daerah|Bapemperda)\s+"
                           r"(?=Dewan\s+Perwakilan\s+Rakyat|DPRD\b)")


def _council_and_organ(council: Any, organ: Any) -> bool:
    """Whether ``organ`` is an organ of the council ``council`` ("Badan Anggaran DPRD DKI Jakarta" of the DPRD of
    DKI Jakarta): the council's side (the Ketua DPRD signs what its budget committee agreed)."""
    return getattr(council, "kind", None) == "dprd" and bool(COUNCIL_ORGAN.match(organ.name)) and (
        council.region_code is None or organ.region_code is None or council.region_code == organ.region_code)


# The words an organ of a body opens with: its council, board, leadership or bureau.
_ORGAN_HEADS = {"majelis", "badan", "dewan", "pengurus", "pimpinan", "lembaga", "komisi", "biro"}


def organ_of(p: Any, q: Any) -> bool:
    """Whether p is an organ of q named with q's one-word name at its end ("Majelis Pembina Kesehatan Umum PP
    Muhammadiyah" of "Muhammadiyah"): its head signs for q, it is no party beside q."""
    wp, wq = _words(p.name), _words(q.name)
    return len(wq) == 1 and len(wp) > 2 and wp[-1] == wq[0] and wp[0] in _ORGAN_HEADS


def _covered(parties: list[Any], by: list[Any]) -> bool:
    """Whether every party is one of ``by`` or signs on the side of one (a re-mention may name the unit whose head
    signs for a party: "Penandatanganan dilakukan oleh Bupati A dan Dekan Fakultas Pertanian Universitas X")."""
    return all(any(_side_of(p, q) for q in by) for p in parties)


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _reckoned(d: Any) -> bool:
    """Whether a day is reckoned from the page's date ("kemarin", "Senin lalu"), not written out: a day and month in
    numbers or words ("Kamis (16/5)", "16 Mei") take only their year from the page, and fix the day."""
    return bool(d.relative) and not re.search(r"\d", getattr(d, "text", "") or "")


def _near_relative_day(x: Any, y: Any) -> bool:
    """Two days at most three apart, one written out and the other reckoned from the page's date ("kemarin", "hari
    ini", "Senin lalu"): the reckoning, not the occasion, differs (a quote's "kemarin" said a day after the lead's
    day; a publication date a day late), so the dates are no evidence of another signing. Two reckoned days
    ("hari ini kita tandatangani MoU bersama A ... Kemarin saya teken MoU dengan B") are two occasions."""
    if x.precision != "day" or y.precision != "day" or _reckoned(x) == _reckoned(y):
        return False
    try:
        gap = abs((dt.date.fromisoformat(x.value) - dt.date.fromisoformat(y.value)).days)
    except ValueError:
        return False
    return gap <= 3


def _earlier(draft: Any, text: str, ref: Any = None) -> bool:
    """Whether a draft reports an earlier signing: a time cue says so, or it is dated only by a month or year
    before the article's own ("Nota kesepahaman dengan Kementerian Sosial, yang diteken pada Oktober 2022")."""
    cand = draft.first
    if getattr(cand.trigger, "earlier", False) or own_earlier_cue(cand, text):
        return True
    if ref is None or draft.date is None:
        return False
    # Only a month or a year: news dates the day of the occasion it reports, and names an earlier one coarsely.
    value = draft.date.value
    return len(value) < 10 and value < ref.isoformat()[:len(value)]


# "... itu merupakan perpanjangan dari kesepakatan sebelumnya": a later document noun takes the cue after it.
_LATER_DOCUMENT = re.compile(r"\b(?:dari|atas|terhadap|dengan|seperti)\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:MoU|MOU|PKS|nota|kesepakatan|kesepahaman|perjanjian|kerja\s*sama|kerjasama|"
                             r"penandatanganan)\b", re.IGNORECASE)


# A record of signings done so far, told before the signing verb: "Hingga kini, A telah menjalin MoU dengan B, C dan
# D", "Selama ini pihaknya sudah meneken ...", "A juga sudah meneken PKS dengan B" (after the day's signing with C),
# "A sudah menandatangani MoU dengan tiga instansi lain, yakni ...". (After the verb such words are the cooperation's:
# "... untuk memperkuat kerja sama yang selama ini sudah terjalin".) "Telah" alone is no such cue: news reports the
# day's own signing with it.
RECORD_CUE = re.compile(r"\b(?:(?:selama\s+ini|hingga\s+(?:kini|saat\s+ini|sekarang)|sampai\s+(?:kini|saat\s+ini|sekarang)|"
                        r"sejauh\s+ini)\b(?=[\s,]+(?:[\w-]+\s+){0,4}?(?:sudah|telah)\b)|"
                        r"juga\s+sudah|sudah\s+juga|"
                        # "Selain dengan UGM, Pemkab juga telah meneken MoU dengan A, B ...", "Selain Pemprov, Kejati
                        # juga telah meneken ...": the same signer's other agreements, done, beside the one just reported
                        r"(?:(?-i:Selain)|(?-i:Tidak|Tak|Bukan)\s+(?:hanya|cuma|saja))\s+(?:dengan\s+|(?=(?-i:[A-Z])))"
                        r"[^,.;]{2,80}?"
                        r"(?=\s*,[^.;]{0,80}?\b(?:sudah|telah)\b)|"
                        # "Sepanjang 2023, A menandatangani tiga MoU ...", "Sejak 2021, A telah menandatangani MoU dengan
                        # B, C dan D", "dalam tiga tahun terakhir": signings counted over a span of time, not one sitting
                        r"(?:sepanjang|selama)\s+(?:tahun\s+)?(?:19|20)\d\d\b|"
                        r"(?:sejak|semenjak)\s+(?:tahun\s+)?(?:19|20)\d\d\b(?=[\s,]+(?:[\w-]+\s+){0,4}?(?:sudah|telah)\b)|"
                        r"(?:dalam|selama)\s+(?:kurun\s+(?:waktu\s+)?)?(?:[\w-]+\s+)?(?:tahun|bulan)\s+(?:terakhir|belakangan)|"
                        # "Sebelum Sigi, Kejati telah meneken MoU serupa dengan A, B ...": before the one just reported
                        r"(?-i:Sebelum)\s+(?-i:[A-Z])[\w-]*(?:\s+[\w-]+){0,4}?(?=\s*,[^,]{0,60}\b(?:sudah|telah)\b))\b",
                        re.IGNORECASE)
# "... sudah menandatangani MoU dengan tiga instansi lain(nya), yakni ...": counterparts other than the day's.
OTHERS_DONE = re.compile(r"\bsudah\s+(?:[\w-]+\s+){1,6}?dengan\s+(?:[\w-]+\s+){0,3}?lain(?:nya)?\b", re.IGNORECASE)


# "A tercatat telah menandatangani MoU dengan B, C ...", "baru enam daerah yang sudah meneken MoU dengan A, yakni ...": a
# count of signings so far, each its own (but it puts none of them apart from the occasions the article goes on to
# tell: "Kedua lembaga tercatat telah menandatangani dua nota kesepakatan" sums up the two it dates next).
COUNTED_SO_FAR = re.compile(r"\b(?:tercatat\s+(?:sudah|telah)|baru\s+(?:[\w-]+\s+){1,3}?(?:yang\s+)?(?:sudah|telah))\b",
                            re.IGNORECASE)


# "A juga telah menandatangani MoU dengan B dan C" after the day's signing with D: what A has also signed, a record
# like "juga sudah". Neither is a record where the sentence ties the signing to the occasion reported ("Pada
# kesempatan yang sama", "Dalam acara tersebut", "Usai penandatanganan MoU", "hari itu"): news tells the day's
# further signing so ("Selain Pemprov, Kejati hari itu juga telah menandatangani PKS dengan A").
ALSO_DONE = re.compile(r"\b(?:juga\s+telah|telah\s+juga)\b", re.IGNORECASE)
# The sitting pointed back to: "kesempatan yang sama", "acara tersebut", "kegiatan ini".
_SITTING_POINTED = (r"\b(?:kesempatan|acara|kegiatan|agenda|momen|momentum|seremoni|prosesi|rangkaian)\s+"
                    r"(?:yang\s+sama|tersebut|itu|ini)\b")
_SAME_SITTING = re.compile(_SITTING_POINTED, re.IGNORECASE)
THE_OCCASION = re.compile(_SITTING_POINTED + r"|\b(?:usai|seusai|setelah|sesudah|selepas|sebelum)\s+"
                          r"(?:penandatanganan|penekenan|acara|kegiatan|prosesi)\b|\bhari\s+(?:ini|itu)\b|"
                          r"\b(?:saat|ketika|waktu)\s+itu\b|\bdi\s*sela", re.IGNORECASE)


def records_earlier(cand: Any, text: str) -> bool:
    """Whether a signing mention is told as a record of signings done before now (RECORD_CUE or ALSO_DONE before its
    verb, or OTHERS_DONE around it)."""
    return bool(OTHERS_DONE.search(text, cand.sent_start, cand.sent_end)
                or (RECORD_CUE.search(text, cand.sent_start, cand.trig_start)
                    or ALSO_DONE.search(text, cand.sent_start, cand.trig_start))
                and not THE_OCCASION.search(text, cand.sent_start, cand.sent_end))


def own_earlier_cue(cand: Any, text: str) -> bool:
    """Whether a signing mention's sentence puts that signing earlier ("Sebelumnya, A dan B menandatangani ...").
    A cue after another document the sentence names later is that document's: "Nota kesepakatan yang ditandatangani
    A dan B itu merupakan perpanjangan dari kesepakatan sebelumnya" reports this signing, renewing an earlier one."""
    if records_earlier(cand, text):
        return True
    cue = EARLIER_CUE.search(text, cand.sent_start, cand.sent_end)
    if cue is None:
        return False
    if cue.start() < cand.trig_end:
        return True
    if re.search(r"\bhari\s+ini\b", text[cand.trig_end:cue.start()], re.IGNORECASE):
        return False  # "Tiga daerah yang meneken MoU hari ini sebelumnya berada di zona kuning": the cue is another verb's
    if _RELATIVE_VERB.search(text, cand.trig_end, cue.start()):
        # "memperbarui nota kesepahaman yang ditandatangani tiga tahun lalu": the cue is the relative clause's, the
        # document's own earlier signing
        return False
    if _DOCUMENT_OF_CUE.search(text, cand.trig_end, cue.start()):
        return False  # "menandatangani PKS tahun 2021 sekaligus adendum PKS tahun sebelumnya": the other document's year
    return _LATER_DOCUMENT.search(text, cand.trig_end, cue.start()) is None


# A document named right before the cue that says which one it is: "adendum PKS tahun sebelumnya", "MoU sebelumnya".
_DOCUMENT_OF_CUE = re.compile(r"\b(?:MoU|MOU|PKS|nota\s+(?:kesepahaman|kesepakatan)|perjanjian(?:\s+kerja\s*sama)?|"
                              r"kesepakatan|adendum|addendum)\s+(?:tahun\s+|yang\s+)?$", re.IGNORECASE)


# A relative clause on the document after a signing word: "... nota kesepahaman yang (pertama kali) ditandatangani".
_RELATIVE_VERB = re.compile(r"\byang\s+(?:[\w-]+\s+){0,3}?(?:ditandatangani|diteken|dibuat|disepakati|dijalin|"
                            r"berakhir|berlaku)\b", re.IGNORECASE)


# A demonstrative closing the phrase that names a signing ("Penandatanganan MoU antara A dan B ini ...").
_DEMONSTRATIVE_AFTER = re.compile(r"\s*,?\s*(?:yang\s+\w+\s+)?(?:ini|itu|tersebut)\b", re.IGNORECASE)


def points_back(cand: Any, text: str) -> bool:
    """Whether a mention points back to a signing already reported: "MoU itu", "penandatanganan tersebut", or a
    demonstrative after the signers it names ("Penandatanganan MoU antara Pemkab A dan Universitas B ini merupakan
    bagian dari rangkaian Hari Jadi ... pada 16 Februari"). Such a mention of the same document is the signing just
    read: a date in its sentence dates something else (the occasion it belongs to, a term of validity), not another
    signing when it is later than the signing's day. (A day before it is an earlier signing of the document, as
    in a renewal: "MoU tersebut pertama kali ditandatangani pada 10 Januari 2020"; and "MoU tersebut ditandatangani
    pada 12 Mei 2014" after a Head of Agreement points back to another document, named in passing.)"""
    if getattr(cand.trigger, "anaphoric", False):
        return True
    after = [m.end for m in cand.subjects + cand.objects if m.start >= cand.trig_end]
    if after:
        return _DEMONSTRATIVE_AFTER.match(text, max(after)) is not None
    # "MoU antara A dan B itu sebelumnya telah ditandatangani ...": the document's sides, then its demonstrative,
    # before its passive verb
    before = [m.end for m in cand.subjects if m.end <= cand.trig_start]
    return bool(before) and re.match(r"(?:di|ter)", text[cand.trig_start:cand.trig_end], re.IGNORECASE) is not None \
        and _DEMONSTRATIVE_AFTER.match(text, max(before)) is not None


def other_occasion(a: Any, b: Any, text: str, ref: Any = None) -> str | None:
    """Why two drafts cannot be one ceremony, or None (``ref``: the article's own day, when known)."""
    if a.status and b.status and a.status != b.status:
        return "status"
    if any(x.status == "planned" and x.date is None and y.status is None and y.date is not None
           and y.date.precision == "day" for x, y in ((a, b), (b, a))):
        return "status"  # "akan kembali melaksanakan penandatanganan" is not the signing the text dates to its day
    if not _dates_compatible(a.date.value if a.date else None, b.date.value if b.date else None) \
            and not (points_back(b.first, text) and set(a.types) & set(b.types) and b.date.value > a.date.value) \
            and not _near_relative_day(a.date, b.date):
        return "date"
    if _earlier(a, text, ref) != _earlier(b, text, ref):
        undated = b if _earlier(a, text, ref) else a
        # ("Uncen membatalkan MoU dengan Polda ... menyusul penandatanganan MoU tersebut." "MoU antara Uncen dan Polda
        # itu sebelumnya telah ditandatangani pada Rabu (7/3)": both point back to the one document the article is
        # about; "sebelumnya" is before the article's news, and dates the signing the first left undated)
        if not (undated.date is None and points_back(a.first, text) and points_back(b.first, text)
                and set(a.types) & set(b.types)):
            return "earlier-cue"
    if _besides(b, text):
        return "besides"
    later = b if b.first.trig_start >= a.first.trig_start else a
    if _APART.search(text, later.first.sent_start, later.first.trig_start):
        return "apart"  # (the later one's words: what is told after it points back to it, "PKS tersebut ...")
    if _towns_apart(getattr(a, "venue", None), getattr(b, "venue", None)) \
            and not _SAME_SITTING.search(text, later.first.sent_start, later.first.sent_end):
        return "place"  # (not where the later one says it is the sitting just told: "Pada kesempatan yang sama, ...")
    first, second = (a, b) if a.first.trig_start <= b.first.trig_start else (b, a)
    if first.date is None and second.date is not None and second.date.precision == "day" \
            and _SAME_SITTING.search(text, first.first.sent_start, first.first.trig_start) \
            and not _SAME_SITTING.search(text, second.first.sent_start, second.first.sent_end):
        # "Setelah itu, dalam acara yang sama, Kepala Dinas A meneken PKS dengan B." then "... Bupati C, yang pada Kamis
        # (2/2) lalu telah meneken MoU serupa dengan B": the first is the sitting told before it, whose day the
        # second, dated on its own, need not share
        return "sitting"
    if any(_LATER_THAT_DAY.match(text, m.end()) for m in _SENTENCE_OPENING.finditer(
            text, first.first.trig_end, second.first.trig_start)):
        return "later-that-day"
    # What a document is about is no evidence of another occasion: news restates a signing's subject in other
    # words ("tentang penanganan masalah hukum perdata" and "tentang pendampingan hukum"), and one ceremony may sign
    # several documents (SPEC: one ceremony is one event, whatever is signed there).
    return None


# "Pada kesempatan berbeda, A juga meneken MoU dengan C", "Di lain kesempatan ...", "Di tempat terpisah ...": the
# text itself puts the signing on another occasion.
_APART = re.compile(r"\b(?:(?:pada|di|dalam)\s+(?:kesempatan|acara|waktu|hari|tempat|lokasi)\s+(?:yang\s+)?"
                    r"(?:berbeda|lain|lainnya|terpisah)|di\s+lain\s+(?:kesempatan|waktu|hari|tempat)|"
                    r"(?:di\s+tempat|di\s+lokasi|secara)\s+terpisah|"
                    # "Di tahun yang sama, MoU juga diteken dengan C": the same year, another day
                    r"(?:pada|di|dalam)\s+(?:tahun|bulan)\s+yang\s+sama)\b", re.IGNORECASE)


def on_another_occasion(sentence: str) -> bool:
    """Whether a sentence says it tells of another occasion than the one before ("Dalam kesempatan lain, ...",
    "Di tempat terpisah, ...")."""
    return _APART.search(sentence) is not None


def _towns_apart(a: Any, b: Any) -> bool:
    """Whether two signings are placed in two different towns ("di Jakarta" and "di Surabaya pada hari yang sama"):
    one ceremony has one place. Only places named as towns or regions count; buildings may be named two ways."""
    if a is None or b is None:
        return False
    first, second = _place_codes(a.text.strip()), _place_codes(b.text.strip())
    # ("Jakarta" and "Jakarta Pusat", a province and a town in it, may be one place)
    return bool(first) and bool(second) and not any(x.startswith(y) or y.startswith(x) for x in first for y in second)


# A regional head's office names its region: "Kantor Bupati Lombok Utara", "Kantor Wali Kota Palu".
_HEAD_OFFICE = re.compile(r"(?:Kantor|Pendopo|Pendapa|Rumah\s+Dinas|Rumah\s+Jabatan)\s+(?:Bupati|Wali\s*[Kk]ota|Walikota|"
                          r"Gubernur)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})")


def _place_codes(venue: str) -> frozenset[str]:
    """The region codes a venue names: as a whole ("Palu"), by the town after its last comma ("Kantor Bupati Lombok
    Barat, Gerung"), or by the region of the regional head's office it is ("Kantor Bupati Lombok Utara")."""
    codes = _region_codes(venue)
    if not codes and "," in venue:
        codes = _region_codes(venue.rsplit(",", 1)[1].strip())
    if not codes and (office := _HEAD_OFFICE.search(venue)) is not None:
        codes = _region_codes(office.group(1))
    return codes


@functools.lru_cache(maxsize=4096)
def _region_codes(place: str) -> frozenset[str]:
    """The Kemendagri codes a place written as a town or region names (none for a building)."""
    from teken.gazetteer import default_gazetteer

    return frozenset(default_gazetteer().lookup_region(place))


# "Pagi hari, Rektor meneken MoU dengan A ... Siang harinya, rombongan ... meneken PKS dengan B": a sentence opening on a
# later part of the day, between two signings, puts the second at another sitting.
_SENTENCE_OPENING = re.compile(r"(?:[.!?]\s+|\n\s*)")
_LATER_THAT_DAY = re.compile(r"\W*(?:(?:Lalu|Kemudian|Sementara\s+itu)\s*,?\s+)?(?:pada\s+)?(?:siang|sore|malam|petang)\s+"
                             r"(?:harinya|hari\s+itu|hari\s+yang\s+sama)\b", re.IGNORECASE)


# "Selain itu, Pemprov juga melakukan nota kesepakatan dengan Kejati tentang ...": "besides that, also" adds
# another agreement to the one just reported.
_BESIDES = re.compile(r"\W*(?:Selain\s+(?:itu|daripada\s+itu)|Di\s+samping\s+itu)\b", re.IGNORECASE)


def _besides(draft: Any, text: str) -> bool:
    """Whether a draft's sentence opens with "Selain itu" and names a document of its own (not "MoU tersebut")."""
    return besides_document(draft.first, text)


def besides_document(cand: Any, text: str) -> bool:
    """Whether a signing mention's sentence opens with "Selain itu" and names a document of its own, at no
    occasion it says is the same ("Selain itu, pada kesempatan yang sama ...")."""
    trig = cand.trigger
    return bool(trig.agreements) and not getattr(trig, "anaphoric", False) \
        and bool(_BESIDES.match(text, cand.sent_start, cand.trig_start)) \
        and not _SAME_OCCASION.search(text, cand.sent_start, cand.sent_end)


def _named_subset(a: Any, b: Any, text: str) -> bool:
    na, nb = _named(a), _named(b)
    if any(getattr(x, "unnamed_group", False) and len(x.parties) < 2 and len(y.parties) >= 2 for x, y in ((a, b), (b, a))):
        # "Unri sebelumnya telah menjalin MoU dengan 20 pemda" beside "Sebelumnya, Pemkab Siak dan Unri sudah meneken
        # PKS": a signing with unnamed others is not one whose other side is named.
        return False
    if not nb:
        return True
    if not a.parties and (a.status or "signed") == (b.status or "signed"):
        return True  # a caption or a lead that names nobody, before the sentence that names the signers
    return _covered(nb, a.parties) or (bool(na) and _covered(na, b.parties))


def _same_day(a: Any, b: Any, text: str) -> bool:
    if not (a.date and b.date and a.date.precision == "day" and a.date.value == b.date.value):
        return False
    return any(same_institution(p, q) for p in _named(a) for q in _named(b))


# "Dalam acara tersebut ...", "pada kesempatan yang sama juga ...", "Hadir pada acara dan juga ...".
_SAME_OCCASION = re.compile(
    r"\b(?:(?:pada|dalam|di)\s+(?:acara|kesempatan|momen|momentum|kegiatan|agenda|seremoni|prosesi)\s+"
    r"(?:yang\s+sama|itu|tersebut|ini|serupa)|(?:pada|di)\s+hari\s+yang\s+sama|di\s+sela(?:-sela)?\s+acara|"
    r"(?:di|pada)\s+(?:tempat|lokasi)\s+(?:dan\s+(?:waktu|hari)\s+)?yang\s+sama|"
    # "Di meja yang sama, Direktur PDAM A dan Direktur PDAM B menandatangani PKS teknis": the same sitting
    r"(?:di|pada)\s+(?:meja|ruang|ruangan|panggung|forum)\s+yang\s+sama|"
    r"hadir\s+(?:pada|dalam|di)\s+(?:acara|kegiatan)(?!\s+(?:lain|berikutnya|berbeda))|sekaligus|bersamaan\s+dengan|dilanjutkan\s+dengan\s+penanda\w*|"
    # "Secara simbolis, PKS diteken Kajari A bersama Bupati A": who signs for a group's signing just reported
    r"secara\s+simbolis|"
    # "MoU itu langsung ditindaklanjuti dengan PKS antara A dan B": the follow-up signed on the spot
    r"langsung\s+(?:ditindaklanjuti|dilanjutkan)\s+dengan|"
    # "Penandatanganan (MoU itu) dilanjutkan dengan perjanjian kerja sama antara A dan B": the next document signed
    r"penandatanganan\s+(?:[\w-]+\s+){0,3}?dilanjutkan\s+dengan|"
    r"(?:malam|hari|siang|pagi|sore)\s+itu(?:\s+(?:juga|pula))?)\b|"
    # "Usai penandatanganan ...", "Usai MoU, Inspektorat X menandatangani PKS ...": right after the signing just read
    r"^\W*(?:Usai|Seusai|Setelah|Selepas|Sesudah)\s+(?:acara\s+|prosesi\s+)?(?:penandatangan\w*|penekenan|"
    r"(?-i:MoU|MOU|Mou|NK|PKS)|nota\s+(?:kesepahaman|kesepakatan))\b(?![^,]{0,40}\b(?:(?-i:lalu)|sebelumnya|silam)\b)|"
    # "MoU diteken A dan B. Setelah itu (Sesudahnya), C dan D meneken PKS ...": the next signing of the same
    # sitting, undated (not "Lalu", a Sasak title before a name: "Kepala Dinas PUPR Lombok Tengah, Lalu Wiradarma")
    r"^\W*(?:(?:Setelah|Sesudah|Usai|Seusai|Selepas)\s+itu|Setelahnya|Sesudahnya|Seusainya)\s*,(?![^.]*\b(?:(?-i:lalu)|sebelumnya|silam|tahun|bulan|pekan|"
    r"minggu)\b)|"
    # "PKS lainnya ditandatangani A dengan B, C dengan D": the other documents of the sitting just told, one by one
    # (not one of another time: "PKS lainnya diteken tahun lalu")
    r"^\W*(?:MoU|PKS|perjanjian(?:\s+kerja\s*sama)?|nota\s+kesepa\w+|dokumen|naskah)\s+lain(?:nya)?"
    r"\s+(?:(?:juga|pun|turut)\s+)?(?:ditandatangani|diteken)\b(?![^.]{0,80}\b(?:sebelumnya|lalu|silam|tahun)\b)|"
    r"^\W*(?:Acara|Kegiatan|Agenda)\s+(?:ini|tersebut|itu)\s+(?:(?:juga|turut|pun)\s+)?"
    r"(?:diakhiri|ditutup|diawali|dibuka|dirangkai(?:kan)?|dilanjutkan|diisi|dibarengi|disertai)\b", re.IGNORECASE)


# "Pada hari yang sama": the same day, not the same sitting.
_SAME_DAY_ONLY = re.compile(r"(?:pada|di)\s+hari\s+yang\s+sama", re.IGNORECASE)


def _same_occasion(a: Any, b: Any, text: str) -> bool:
    cand = b.first
    ties = [m for m in _SAME_OCCASION.finditer(text[cand.sent_start:cand.sent_end])
            # ("Sementara itu, di Palu, Kejati A menandatangani MoU dengan Pemprov A pada hari yang sama": a signing
            # the same day between other bodies is another signing; the same day ties only a signer's own, _same_day)
            if not _SAME_DAY_ONLY.fullmatch(m.group(0))
            or any(same_institution(p, q) for p in _named(a) for q in _named(b))]
    if ties:
        return True
    # "Pada kesempatan yang sama, PKS turunan juga ditandatangani di tingkat pelaksana. PLN UP3 A menandatangani PKS
    # dengan Kejari A, sementara ...": the sentence just before told, without names, that more was signed at the
    # occasion; the signings it announces are those
    before = previous_sentence(text, cand.sent_start)
    return bool(before) and a.first.sent_start < cand.sent_start and bool(_SAME_OCCASION.search(before)) \
        and bool(_SIGNED_THERE.search(before))


_SIGNED_THERE = re.compile(r"\b(?:ditandatangani|diteken|penandatanganan|menandatangani|meneken)\b", re.IGNORECASE)


def previous_sentence(text: str, start: int) -> str:
    """The sentence that ends right before ``start`` in the same paragraph, or ""."""
    span = previous_sentence_span(text, start)
    return text[span[0]:span[1]] if span else ""


def previous_sentence_span(text: str, start: int) -> tuple[int, int] | None:
    """Where the sentence that ends right before ``start`` in the same paragraph lies in ``text``, or None."""
    offset = max(0, start - 400)
    window = text[offset:start]
    head = window.rstrip()
    if not head.endswith((".", "!", "?")) or "\n\n" in window[len(head):]:
        return None
    cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("\n", 0, len(head) - 1))
    begin = cut + 1 if cut >= 0 else 0
    begin += len(head[begin:]) - len(head[begin:].lstrip())
    return (offset + begin, offset + len(head)) if begin < len(head) else None


def _anaphoric_shared(a: Any, b: Any, text: str) -> bool:
    """ "Penandatanganan nota kesepakatan itu ditandatangani Bupati A dengan rektor B, C": the ceremony just
    reported (it shares a signer), whatever the document is called there."""
    if not getattr(b.first.trigger, "anaphoric", False):
        return False
    return any(same_institution(p, q) for p in _named(a) for q in _named(b))


def _shared_pair(a: Any, b: Any, text: str) -> bool:
    """ "Bupati menandatangani NPHD dengan TNI dan Polri." ... "Penandatanganan NPHD antara Pemda dengan TNI Polri,
    masing-masing Dandim ... dan Kapolres ...": a mention of the same document that names two signers of the
    ceremony before it, and others beside, restates that ceremony with the signers written another way."""
    if not set(a.types) & set(b.types):
        return False
    shared = {id(q) for p in _named(a) for q in _named(b) if same_institution(p, q)}
    return len(shared) >= 2


# "Selain Unri, ...", "Di samping Pemkab Siak, ...": a sentence opening on a signer named "besides" (not "Selain itu").
_BESIDES_SIGNER = re.compile(r"\W*(?:Selain|Di\s+samping)\s+(?!(?:itu|ini|daripada|tersebut)\b)", re.IGNORECASE)


def _besides_signer(a: Any, b: Any, text: str) -> bool:
    """ "A dan B menandatangani MoU ...". ... "Selain B, MoU juga diteken C.": a signing of the same document that
    opens on a signer of the ceremony ("besides B") adds the others who signed it there, however far it is from
    the lead (the ceremony's signers named after "Selain" are read into the mention, events._attach_besides)."""
    cand = b.first
    opens = _BESIDES_SIGNER.match(text, cand.sent_start, cand.trig_start)
    if opens is None or not set(a.types) & set(b.types):
        return False
    comma = text.find(",", opens.end(), cand.trig_start)
    besides = [p for p in _named(b) if comma > 0 and opens.end() <= p.start < comma]
    return any(same_institution(p, q) for p in besides for q in a.parties)


_ALSO = re.compile(r"\b(?:juga|pula|turut)\b", re.IGNORECASE)


def _also_signed(a: Any, b: Any, text: str) -> bool:
    """ "Penandatanganan PKS dilakukan oleh A dengan B." "Penandatanganan PKS juga dilakukan oleh C, D dan E.": the
    same document signed "also" by others in the next sentences, with nothing that puts it on another occasion, is
    signed at the ceremony just reported."""
    cand = b.first
    if not set(a.types) & set(b.types) or b.first.paragraph - a.first.paragraph > 1:
        return False
    if (getattr(a.first.trigger, "earlier", False) or own_earlier_cue(a.first, text)
            or a.date is not None and a.date.precision != "day") and own_earlier_cue(b.first, text):
        # (so after an earlier document dated by its own clause: "... perpanjangan dari MoU yang diteken kedua pihak
        # pada 2021. Sebelumnya, Pemkot juga telah menandatangani MoU dengan A dan B.")
        # "Unri sebelumnya telah menjalin MoU dengan 20 pemda." "Sebelumnya, Pemkab Siak juga meneken MoU dengan
        # Polbeng.": earlier agreements listed in passing, one per counterpart; "juga" adds another agreement.
        return False
    trig = cand.trigger
    sentence = text[cand.sent_start:cand.sent_end]
    t0, t1 = cand.trig_start - cand.sent_start, cand.trig_end - cand.sent_start
    # "juga telah menandatangani MoU dengan sejumlah instansi lain, di antaranya A, B": a list the text makes separate
    # agreements (events._separate_acts) is no other signer of this document.
    return bool(_ALSO.search(sentence[max(0, t0 - 25):t1 + 25])) and not trig.similar and not cand.example_list


# "Berikutnya, A menandatangani MoU dengan C", "Selanjutnya penandatanganan dilakukan bersama D", "secara bergantian":
# the next signing of the same round.
# The count of a round's turns goes the same way: "Kedua, ...", "Terakhir, penandatanganan dilakukan bersama E" (the
# last turn, not "most recently": "terakhir kali" and a time of its own are another signing).
_IN_TURN = re.compile(r"^\W*(?:Berikutnya|Selanjutnya|Setelah\s+itu|Kemudian|Lalu|Disusul|Menyusul|Kedua|Ketiga|Keempat|"
                      r"Kelima|Keenam|(?:Yang\s+)?terakhir(?!\s+kali))\b|"
                      r"\b(?:secara\s+)?bergantian\b|\bsatu\s+per\s+satu\b", re.IGNORECASE)


def _in_turn(a: Any, b: Any, text: str) -> bool:
    """ "Nota kesepahaman pertama ditandatangani bersama Bupati A. Berikutnya, Ombudsman menandatangani MoU dengan
    Bupati B dan Bupati C.": a signing the text presents as the next in a round ("berikutnya", "selanjutnya",
    "kemudian", "bergantian"), sharing a signer with the one just reported and giving no time of its own, is the
    same ceremony (an Ombudsman office signing with several regencies in turn is one event)."""
    cand = b.first
    sentence = text[cand.sent_start:cand.sent_end]
    if b.date is not None:
        return False
    if getattr(a, "unnamed_group", False) and (_IN_TURN.search(sentence) or _ROUND_OPENED.search(sentence)) \
            and cand.paragraph - a.first.paragraph <= 5:
        # "Unand menandatangani nota kesepahaman dengan lima pemerintah daerah ... Rektor membuka rangkaian
        # penandatanganan bersama Bupati A. Selanjutnya, naskah diteken Wali Kota B dan Bupati C.": the turns of the
        # group's round name its members, none of them named in the lead
        return True
    if not _IN_TURN.search(sentence):
        return False
    return any(same_institution(p, q) for p in a.parties for q in b.parties)


_ROUND_OPENED = re.compile(r"\b(?:membuka|mengawali|memulai)\s+(?:rangkaian\s+)?penandatanganan\b", re.IGNORECASE)


# "Adapun dari pihak Pemprov X, nota kesepahaman ditandatangani oleh Sekda": the document's other side, put first.
_OTHER_SIDE = re.compile(r"\W*(?:(?:Adapun|Sementara|Sedangkan)(?:\s+itu)?\s*,?\s*)?(?:dari|di)\s+pihak\s", re.IGNORECASE)


def _other_side(a: Any, b: Any, text: str) -> bool:
    """ "Nota kesepahaman ditandatangani oleh Rektor A, Senin (6/5)." "Adapun dari pihak Pemprov X, nota kesepahaman
    ditandatangani oleh Sekda.": a signing of the same document in the next sentences that opens on "dari pihak X"
    (from X's side), giving no time of its own, tells who signed it for its other side: the same ceremony."""
    cand = b.first
    if b.date is not None or not set(a.types) & set(b.types) or cand.paragraph - a.first.paragraph > 1:
        return False
    return bool(_OTHER_SIDE.match(text, cand.sent_start, cand.trig_start))


# "Adapun perjanjian kerja sama tentang ... ditandatangani A dengan B": "as for" one of the documents just named.
_AS_FOR_DOCUMENT = re.compile(r"\W*Adapun\s+(?:(?:penandatanganan|naskah|dokumen)\s+)?(?:nota\s+(?:kesepahaman|kesepakatan)|"
                              r"perjanjian|(?-i:MoU|MOU|PKS|MoA)|kesepakatan|naskah|dokumen)\b", re.IGNORECASE)


def _as_for(a: Any, b: Any, text: str) -> bool:
    """ "... dirangkaikan dengan penandatanganan nota kesepakatan dan perjanjian kerja sama antara Kanwil X dengan
    pemerintah daerah." ... "Adapun perjanjian kerja sama tentang layanan KI ditandatangani Kepala Divisi X dengan
    Kepala Dinas PTSP A, B ...": the details of a document the ceremony just reported named, signed there."""
    cand = b.first
    if b.date is not None or not set(b.types) <= set(a.types) or cand.paragraph - a.first.paragraph > 3:
        return False
    return bool(_AS_FOR_DOCUMENT.match(text, cand.sent_start, cand.trig_start)) \
        and any(same_institution(p, q) for p in a.parties for q in b.parties)


# National bodies and the heads of their regional units' names: "kerja sama pengamanan dengan TNI-Polri" beside
# "Polres Lampung Selatan" and "Kodim 0421": the units sign; "Kejaksaan RI" beside "Kejari Sanggau": the Kejari.
UNITS_OF: list[tuple[re.Pattern, re.Pattern]] = [
    (re.compile(r"Kepolisian Negara Republik Indonesia"), re.compile(r"Kepolisian (?:Daerah|Resor|Resort|Sektor)\b")),
    (re.compile(r"Tentara Nasional Indonesia(?: Angkatan (?:Darat|Laut|Udara))?"),
     re.compile(r"Komando (?:Distrik|Resor|Daerah) Militer|Komando Rayon Militer|Pangkalan (?:TNI|Udara|Angkatan)|"
                r"Komando Distrik|Kodim|Korem|Kodam|Lanud|Lanal|Lantamal")),
    (re.compile(r"Kejaksaan Agung Republik Indonesia"),
     re.compile(r"Kejaksaan (?:Tinggi|Negeri)\b|Cabang Kejaksaan Negeri")),
]


def _units_for_bodies(a: Any, b: Any, text: str) -> bool:
    """ "Pemkab A menandatangani NPHD dengan unsur TNI dan Polri." "NPHD diteken Bupati A bersama Dandim B dan Kapolres
    C.": the same document, undated, in the next paragraphs, signed by a side of the first and by regional units of the
    national bodies it named (UNITS_OF): who signed for those bodies."""
    if b.date is not None or not set(a.types) & set(b.types) or b.first.paragraph - a.first.paragraph > 2:
        return False
    shared = [q for q in b.parties if any(same_institution(p, q) for p in a.parties)]
    units = [q for q in b.parties if q not in shared]
    return bool(shared) and bool(units) and all(
        any(parent.fullmatch(p.name) and unit.match(q.name) for p in a.parties for parent, unit in UNITS_OF)
        for q in units)


def _while_other_signed(a: Any, b: Any, text: str) -> bool:
    """ "Kakanwil A meneken MoU dengan Pemkot B dan Pemkab C, sementara Kepala Divisi A meneken PKS dengan Dinas D":
    one sentence, its two signings set side by side by "sementara" or "sedangkan", a signer shared, no day of its own
    for the second: two documents of one sitting (SPEC: one ceremony is one event)."""
    if a.first.sent_start != b.first.sent_start or b.date is not None \
            or a.status != "signed" or b.status not in (None, "signed"):
        return False
    lo, hi = sorted((a.first.trig_end, b.first.trig_start))
    return bool(re.search(r",\s*(?:sementara|sedangkan)\b", text[lo:hi], re.IGNORECASE)) \
        and any(same_institution(p, q) for p in a.parties for q in b.parties)


# "Adapun Bupati Kuningan diwakili Sekda ..., yang meneken bersama Kepala BPS Kabupaten Kuningan": "as for" one more
# signer, the sentence opening on it.
_AS_FOR_SIGNER = re.compile(r"\W*(?:Adapun|Sementara(?:\s+itu)?|Sedangkan)\s*,?\s+(?:untuk\s+)?(?-i:[A-Z])", re.IGNORECASE)


def _next_pair(a: Any, b: Any, text: str) -> bool:
    """ "Nota kesepahaman ditandatangani Bupati A dengan Kepala BPS A; Wali Kota B dengan Kepala BPS B; serta Bupati C
    dengan Kepala BPS C. Adapun Bupati D diwakili Sekda D, yang meneken bersama Kepala BPS D.": right after a round of
    pairs signing one document, a sentence opening "as for" one more signer, signing that document with no time of
    its own, and pairing bodies of the kinds the round paired, tells the round's last pair: the same ceremony."""
    cand = b.first
    if b.date is not None or a.status != "signed" or b.status not in (None, "signed") or not b.types \
            or not set(b.types) <= set(a.types) or len(a.parties) < 4 or len(b.parties) < 2 \
            or not _AS_FOR_SIGNER.match(text, cand.sent_start, cand.trig_start):
        return False
    before = previous_sentence_span(text, cand.sent_start)
    if before is None or not any(before[0] <= (p.start or -1) < before[1] for p in a.parties):
        return False
    kinds = {p.kind for p in a.parties}
    return all(q.kind in kinds and not any(p.name == q.name for p in a.parties) for q in b.parties)


# "Delapan kampus yang menandatangani MoU yakni A, B, ...": a counted group said to have signed, then listed.
_GROUP_THAT_SIGNED_LISTED = re.compile(
    r"\W*(?:Adapun\s+)?" + COUNTED_GROUP + r"(?:\s+\w+){0,3}?\s+yang\s+(?:(?:ikut|turut|telah|sudah)\s+)?"
    r"(?:menandatangani|meneken|membubuhkan|teken|tandatangani)\b[^.;]{0,60}?\b(?:yakni|yaitu|adalah|ialah|antara\s+lain|"
    r"meliputi|masing-masing)\b", re.IGNORECASE)


def _group_listed(a: Any, b: Any, text: str) -> bool:
    """ "Nota kesepahaman diteken Penjabat Gubernur bersama para rektor dan direktur, Selasa (21/11)." "Delapan kampus
    yang menandatangani MoU yakni A, B, ...": right after a signing, a counted group said to have signed the same
    document and then listed, with no time of its own, names that signing's other side: the same ceremony."""
    cand = b.first
    if b.date is not None or a.status != "signed" or b.status not in (None, "signed") \
            or not set(b.types) & set(a.types) or not 0 <= cand.paragraph - a.first.paragraph <= 2:
        return False
    return bool(_GROUP_THAT_SIGNED_LISTED.match(text, cand.sent_start, cand.sent_end)) \
        and not any(same_institution(p, q) for p in a.parties for q in b.parties)


def _occasion_meant(draft: Any, joinable: list[Any]) -> Any:
    """Which of the earlier ceremonies (nearest first) "the same occasion" of a draft means: one it shares a signer
    with, else one that signed the document it names, else the nearest. "A dan B meneken MoU ..." "Sementara itu, di
    tempat terpisah, C dan D meneken PKS ..." "Dalam acara yang sama, A juga menandatangani MoU dengan E": A's
    ceremony, not the one reported in between."""
    if len(joinable) < 2:
        return (joinable or [None])[0]
    shares = [d for d in joinable if any(same_institution(p, q) for p in _named(d) for q in _named(draft))]
    typed = [d for d in joinable if set(d.types) & set(draft.types)]
    return (shares or typed or joinable)[0]


PASSES: list[tuple[str, Callable[[Any, Any, str], bool]]] = [
    ("named_subset", _named_subset),
    ("anaphoric_shared", _anaphoric_shared),
    ("same_occasion", _same_occasion),
    ("same_day", _same_day),
    ("besides_signer", _besides_signer),
    ("shared_pair", _shared_pair),
    ("also_signed", _also_signed),
    ("in_turn", _in_turn),
    ("other_side", _other_side),
    ("as_for", _as_for),
    ("while_other_signed", _while_other_signed),
    ("units_for_bodies", _units_for_bodies),
    ("next_pair", _next_pair),
    ("group_listed", _group_listed),
]


def merge_ceremonies(drafts: list[Any], text: str, merge: Callable[[Any, Any], None],
                     log: list[str] | None = None, ref: dt.date | None = None) -> list[Any]:
    """The drafts after every pass, each later draft merged into the nearest earlier one a pass joins it to."""
    for name, joins in PASSES:
        kept: list[Any] = []
        for draft in drafts:
            joinable: list[Any] = []
            dated = draft.date is not None and draft.date.precision == "day"
            for earlier in reversed(kept):
                if earlier.first is draft.first:
                    continue  # agreements split from one list ("seperti A, B, C") stay apart
                apart = other_occasion(earlier, draft, text, ref)
                if name == "same_occasion" and apart == "besides":
                    apart = None  # "yang ditandatangani malam itu": one ceremony, whatever each document is about
                if apart is None and joins(earlier, draft, text):
                    joinable.append(earlier)
                    if name != "same_occasion" and not dated:
                        break
            # (a draft of a day joins, of those a pass allows, the one of that day: "MoU dan PKS yang kita teken hari
            # ini ..." after a record of undated earlier signings is the lead's ceremony)
            target = _occasion_meant(draft, joinable) if name == "same_occasion" else \
                next((d for d in joinable if d.date is not None and d.date.value == draft.date.value), None) \
                if dated else None
            if target is None and name != "same_occasion":
                target = (joinable or [None])[0]
            if target is None:
                kept.append(draft)
                continue
            merge(target, draft)
            if log is not None:
                log.append(f"{name}: {text[draft.first.sent_start:draft.first.sent_end].strip()[:80]!r} -> "
                           f"{text[target.first.sent_start:target.first.sent_end].strip()[:80]!r}")
        drafts = kept
    return drafts
