"""Signing triggers, agreement types, status and agreement title, read off one sentence.

A signing is reported in Indonesian news in three ways, and only these create an event:
1. a signing word with an agreement nearby: "penandatanganan nota kesepakatan", "meneken MoU";
2. an agreement as the object of a light verb: "melakukan MoU", "menjalin kerja sama",
   "Nota Kesepakatan tersebut akan kami lakukan", "dilanjutkan MOU dengan";
3. an agreement between named parties: "Nota Kesepakatan antara A dan B", "MoU dengan Pemprov".
A signing word with no agreement ("penandatanganan itu", "Penandatanganan dilakukan secara langsung")
only continues an event already read; a signature on a petition or a forged one is no event at all.
Agreements cited as a legal basis ("berdasarkan MoU ...") or only discussed are no events (SPEC §1).
Examples: agreements.examples.jsonl beside this file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from teken.extractors.dates import PUT_OFF
from teken.records import AGREEMENT_TYPES

# Each label's surface forms; SPEC §1's table. Where two forms overlap the longest wins ("nota kesepakatan
# bersama" is a nota kesepakatan, "adendum perjanjian kerja sama" an adendum).
# ("keja sama", "kerjsama": news misspells it so)
_COOP = r"ke(?:rja|ja|rj)\s*-?\s*sama"
TYPE_PATTERNS: list[tuple[str, str]] = [
    # "Fakta integritas" is how news often misspells the pakta.
    # ("pakta intergritas", "pakta integeritas": a letter too many or out of place)
    ("pakta_integritas", r"[pf]akta\s+inte[a-z]{0,2}gr[ie]tas"),
    # "rencana kerja sama" is a cooperation being planned, "rencana kerja dan anggaran" (RKA) and "rencana kerja
    # pemerintah (daerah)" (RKP/RKPD) one government's budget plans: none is a rencana kerja between parties.
    ("rencana_kerja", r"rencana\s+(?:kerja|aksi)(?!\s*-?\s*sama|\s+dan\s+anggaran|\s+pemerintah)(?:\s+bersama)?"),
    ("komitmen_bersama", r"komitmen\s+bersama|deklarasi\s+bersama|piagam\s+komitmen|kesepakatan\s+bersama|"
                         r"ikrar\s+bersama|pernyataan\s+komitmen"),
    ("pks", rf"perjanjian\s+{_COOP}|kontrak\s+{_COOP}|perjanjian\s+kemitraan|"
            r"(?<![A-Za-z])PKS(?:-nya)?(?![A-Za-z])|memorandum\s+of\s+agreement|(?<![A-Za-z])MoA(?:-?nya)?(?![A-Za-z])"),
    # ("nota kesepakatan kerja sama" is a nota kesepakatan, not the generic "kesepakatan kerja sama" inside it)
    # ("nota kesepemahaman", "nota kesapahaman", "notakesepahaman", "nota kesepakatn": the nota's name misspelt)
    ("mou", rf"nota\s+kesepaha(?:man|mam|maan|mn)|nota\s+kesepakatan(?:\s+bersama|\s+{_COOP})?|naskah\s+kesepahaman|"
            r"nota\s*kes[ea][pf][a-z]{4,10}|"  # ("nota kesefahaman": the p written f)
            # "menandatangani kesepahaman serupa": a bare "kesepahaman" signed is the MoU ("mencapai kesepahaman"
            # is an outcome of talks)
            r"(?:(?<=menandatangani )|(?<=meneken )|(?<=neken )|(?<=teken ))kesepahaman|kesepahaman(?=\s+serupa)|"
            r"memorandum\s+of\s+unders?tand[a-z]{0,4}|memorandum\s+saling\s+pengertian|"
            # "mou" in lowercase only between spaces: not the "-mou-" of a link's slug
            r"memorandum\s+(?:kesepahaman|kesepakatan)|(?<![A-Za-z])(?:MoU|MOU|Mou|MoUs|NK)(?:-?nya)?(?![A-Za-z])|"
            r"(?<=\s)mou(?:-?nya)?(?=[\s,.;:)])"),
    ("other", rf"(?:adendum|addendum)(?:\s+(?:perjanjian\s+{_COOP}|kesepakatan(?:\s+{_COOP}|\s+bersama)?|"
              rf"nota\s+kesepa(?:haman|katan)|PKS(?:-nya)?|MoU|perjanjian(?:\s+kemitraan)?|kontrak(?:\s+{_COOP})?))?|"
              # a joint decision or approval two bodies sign ("Keputusan Bersama" as the SKB; a regional head and the
              # DPRD's "persetujuan bersama" on a Raperda)
              r"(?:surat\s+)?keputusan\s+bersama|(?<![A-Za-z])SKB(?![A-Za-z])|persetujuan\s+bersama|"
              r"naskah\s+perjanjian\s+hibah(?:\s+daerah)?|(?<![A-Za-z])NPHD(?![A-Za-z])|perjanjian\s+hibah|"
              r"letter\s+of\s+intent|(?<![A-Za-z])LoI(?![A-Za-z])|piagam\s+kerja\s*-?\s*sama|"
              r"head\s+of\s+agreements?|(?<![A-Za-z])HoA(?![A-Za-z])|perjanjian\s+kinerja|"
              # a university's agreement under an MoU ("Implementation Arrangement (IA)"; not the bare "IA": "ia" is "he")
              r"implement(?:ation|ing)\s+arrangements?|"
              # a berita acara between parties (SPEC: other): of an agreement, a handover, a grant; not a police
              # record of an interview (BAP), an oath (berita acara sumpah) or a handover of office (serah terima jabatan)
              r"berita\s+acara\s+(?:kesepakatan|serah\s+terima(?!\s+(?:jabatan|tugas|memori))|penyerahan|hibah|pinjam\s+pakai)|"
              # ("surat perjanjian": a written agreement, named by its form)
              rf"kesepakatan\s+{_COOP}|nota\s+perjanjian|surat\s+perjanjian|kesepakatan|perjanjian|kontrak|"
              # "meneken deklarasi serupa", "dokumen yang sama": the document just read, named by its likeness
              r"(?:deklarasi|dokumen|naskah|pakta)(?=\s+(?:serupa|yang\s+sama)\b)"),
]
# Names that say only that something was agreed, not what kind of document it is: "kesepakatan kerja sama",
# a bare "kesepakatan"/"perjanjian"/"kontrak". They label an event only when nothing more specific names it.
GENERIC_NAMES = re.compile(rf"(?:kesepakatan(?:\s+{_COOP})?|(?:(?:nota|surat)\s+)?perjanjian|kontrak|"
                           r"(?:deklarasi|dokumen|naskah|pakta)(?=\s+(?:serupa|yang\s+sama)\b))", re.IGNORECASE)
# "kerja sama" alone after a signing word is elliptic for a perjanjian kerja sama, "komitmen" for a
# komitmen bersama ("menandatangani komitmen antikorupsi"); both are weak, like the generic names.
BARE_COOPERATION = r"kerja\s*-?\s*sama"
BARE_COMMITMENT = r"komitmen|(?:naskah\s+)?deklarasi"  # a declaration signed is a commitment (dev l-02)
# "sebagai komitmen bersama", "menjadi kesepakatan bersama", "memperkuat komitmen bersama": a shared commitment
# or view spoken of as such, not a signed document.
_ORDINARY_BEFORE = re.compile(
    r"\b(?:sebagai|bentuk|wujud|menjadi|adalah|merupakan|ialah|memperkuat|menguatkan|meneguhkan|mempertegas|"
    r"menandai|membangun|menunjukkan|mencerminkan|diperlukan|dibutuhkan|perlunya|pentingnya|membuat|"
    r"berdasarkan|atas)\s+(?:(?:sebuah|suatu|adanya|bentuk|wujud|nyata|dari)\s+){0,2}$", re.IGNORECASE)

# "dukungannya atas komitmen bersama pengelolaan pengaduan yang diteken jajaran Pemkot X": a commitment said to be
# signed is the document, whatever word stands before it.
_SIGNED_AFTER_NAME = re.compile(r"(?:\s+(?!yang\b)[\w-]+){0,6}?\s+yang\s+(?:telah\s+|sudah\s+|baru\s+)?"
                                r"(?:diteken|ditandatangani|ditanda\s+tangani)\b", re.IGNORECASE)

# An agreement's long title, then "antara" and its sides, and no verb of its own before the passive signing verb.
_NO_VERB_RUN = r"(?:(?!\b(?-i:(?:me|di|ber)[a-z]{3,})\b)[^.;])*?"  # no lowercase verb, no sentence stop
_TITLE_THEN_SIDES = re.compile(rf"{_NO_VERB_RUN}\bantara\b{_NO_VERB_RUN}\s+(?:telah\s+|sudah\s+|resmi\s+)?$", re.IGNORECASE)


def _misspelt_stems(stems: tuple[str, ...]) -> str:
    """The stems of "tanda tangan" as regional news misspells them, one slip each after the prefix: a letter or
    a syllable dropped ("pendatanganan", "penadatanganan", "penantanganan"), a letter or a syllable doubled
    ("menandatatangani", "menandantangani"), two letters swapped, a vowel for a vowel or a consonant for a
    consonant ("penendatanganan"), a letter put in. Each is read only with the word's own ending after "tang"
    (SIGN_WORDS), so a real word one slip away ("mendatangi", "mendatangkan", "pendatang", "menantang") is never
    taken. Generated, not listed: a list of the slips seen would miss the next page's."""
    out: set[str] = set()
    for stem in stems:
        for i in range(2, len(stem)):  # the prefix's first two letters are kept ("me", "pe", "di")
            head, rest = stem[:i], stem[i:]
            out.update({head + rest[1:], head + rest[2:], head + rest[0] + rest, head + rest[:2] + rest})
            if len(rest) > 1:
                out.add(head + rest[1] + rest[0] + rest[2:])
            for ch in ("aeiou" if rest[0] in "aeiou" else "ndtg"):
                out.add(head + ch + rest[1:])
            for ch in "andtg":
                out.add(head + ch + rest)
    return _trie_pattern(sorted(v for v in out if v not in stems and v.endswith("tang") and len(v) >= 8))


def _trie_pattern(words: list[str]) -> str:
    """One alternation of ``words`` with their shared beginnings factored out ("me(?:na(?:...)|...)"): the regular
    expression engine tries each branch in turn, so a flat list of the 170 slips cost a signing-word search four
    times as long; the tree costs a test per letter. It matches the same words as the flat list: where what
    follows fails, the engine goes back into the tree's other branches as it would into the list's."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return pattern(tree)


# "penandatangan" (properly the signatory) is written for "penandatanganan" often enough in news to count.
SIGN_WORDS = (r"penandatanganan|penandatangan|menandatangani|menandatanganinya|ditandatangani|ditandatanganinya|"
              r"tandatangani|bertandatangan|bertanda\s+tangan|menandatangan|penanda\s*tanganan|"
              r"ditanda\s+tangani|menanda\s+tangani|"
              r"menekennya|ditekennya|meneken|diteken|teken|neken|penekenan|membubuhkan\s+tanda\s+tangan|"
              # "Tanda tangan Bupati A dan Rektor B dibubuhkan di atas naskah MoU": the signatures put on the document
              r"(?<=\s)dibubuhkan(?=\s+(?:di\s+atas|pada|dalam)\b)|"
              # "Di pihak kedua, tanda tangan dibubuhkan Gubernur A, Bupati B ...": the signatures put by those after it
              r"(?<=[Tt]anda tangan )dibubuhkan(?=\s+(?:oleh\s+)?(?-i:[A-Z]))|"
              # Misspellings that drop a syllable: "penandanganan naskah PKS", "MoU ditandangani".
              r"penandanganan|ditandangani|menandangani|"
              # ... and that garble its ending: "menandatanganai", "menandatangai", "ditandatangi", "penandatanganaan"
              r"(?:me|pe)nandatang\w{1,5}|ditandatang\w{1,5}|"
              r"tanda\s+tangani|tanda\s+tangan|tandatangan|"
              # ... and that slip once before it: "pendatanganan", "menadatangani", "penandtanganan" (_misspelt_stems)
              # (not "penantangan", a challenging: a word of its own)
              rf"(?!penantangan(?![\w-]))(?:{_misspelt_stems(('menandatang', 'penandatang', 'ditandatang'))})"
              r"an(?:i|an)?(?:nya)?")
# Light verbs that make an agreement noun an act: only with the agreement as their object.
ACTIVE_LIGHT = r"melakukan|menjalin|jalin|membuat|menyepakati|melanjutkan|memperpanjang|memperbarui|menggelar"
PASSIVE_LIGHT = (r"dilakukan|lakukan|dijalin|dibuat|disepakati|dilanjutkan|diperpanjang|diperbarui|"
                 r"dilaksanakan|laksanakan|digelar|berlangsung|terjalin")
RELATIONAL = r"antara|dengan|bersama"

# Contexts that make an agreement mention a citation or a topic, not a signing.
NOT_AN_ACT = re.compile(
    r"\b(?:berdasarkan|mengacu(?:\s+pada|\s+kepada)?|merujuk|sesuai(?:\s+dengan)?|dasar\s+hukum|berlandaskan|"
    r"dilandasi|berpedoman(?:\s+pada)?|berpijak(?:\s+pada)?|payung\s+hukum|landasan|"
    # "pertimbangan apakah PKS diperpanjang atau direvisi": a question about the agreement, not an act
    r"apakah|entah|"
    # ("isi" is the content; "ISI" is an Institut Seni Indonesia)
    r"dituangkan|dijabarkan|diturunkan|tertuang|termuat|diatur|mengatur|(?-i:[Ii]si)|poin|klausul|evaluasi|mengevaluasi|membahas|"
    r"dibahas|pembahasan|draf|draft|rancangan|menyusun|penyusunan|sosialisasi|implementasi|"
    # an agreement still being negotiated: "Perundingan perjanjian jual beli listrik antara A dan B belum ..."
    r"perundingan|merundingkan|dirundingkan|negosiasi|menegosiasikan|dinegosiasikan|"
    r"sosialisasikan|menyosialisasikan|mensosialisasikan|disosialisasikan|"
    r"pelaksanaan|menindaklanjuti|mewujudkan|mengimplementasikan|melanggar|pelanggaran|pembatalan|"
    r"membatalkan|dibatalkan|batalkan|mencabut|dicabut|cabut|pencabutan|putus|memutus|habis|berakhir|pentingnya|manfaat|makna|"
    # an agreement criticised, questioned or compared, its continuity or a letter's subject: a topic, not an act
    r"mengkritisi|mengkritik|dikritik|menyoroti|disoroti|mempertanyakan|dipertanyakan|mempersoalkan|"
    r"merevisi|revisi|kontinuitas|keberlanjutan|efektivitas|efektifitas|perbedaan|perihal|"
    # an agreement held up as a model ("Ia mencontohkan MoU antara A dan B yang dinilai berhasil")
    r"mencontohkan|dicontohkan|mencontoh|meniru|"
    # the way a signing is done, taught or explained: "tata cara penandatanganan MoU", "tahapan penandatanganan"
    r"tata\s+cara|mekanisme|prosedur|tahapan|tahap-tahap|"
    # what an act is part or the fruit of ("Penyaluran itu merupakan bagian dari PKS dengan Pemkot", "wujud nyata
    # dari MoU", "realisasi PKS", "dalam kerangka MoU"): a basis cited, as "tindak lanjut dari"; and a signing only
    # explored ("menjajaki kemungkinan penandatanganan MoU", SPEC: Planned)
    r"bagian\s+dari|wujud(?:\s+nyata)?(?:\s+dari)?|realisasi(?:\s+dari)?|kerangka|menjajaki|dijajaki|penjajakan|"
    # a forgery, a dispute or a breach over an agreement ("memalsukan tanda tangan dalam PKS dengan Pemkot",
    # "sengketa perjanjian kerja sama", "wanprestasi atas MoU"): the agreement is what the case is about
    r"(?:memalsukan|pemalsuan|dipalsukan)(?:\s+tanda\s*tangan)?|sengketa|gugatan|menggugat|digugat|wanprestasi)"
    r"\b\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "Pelaksanaan penandatanganan ... bertempat di X" is the signing carried out; "sosialisasi dan penandatanganan
# pakta integritas" two acts of one occasion, the signing among them: neither makes the signing a topic.
# ("menindaklanjuti penandatanganan MoU antara A dan B", "membahas tindak lanjut penandatanganan MoU ...": what is
# followed up was signed)
_JOINED_ACT = re.compile(r"\b(?:(?:pelaksanaan|prosesi|seremoni|acara|kegiatan|menindaklanjuti|tindak\s+lanjut(?:\s+dari)?)|"
                         r"(?:sosialisasi|evaluasi|pembahasan|"
                         r"penyusunan|implementasi|pemaparan|paparan|penyerahan|peluncuran|launching|pengukuhan|"
                         r"pelantikan|rapat|rakor)\s+(?:dan|serta|sekaligus|dilanjutkan(?:\s+dengan)?))\s+$", re.IGNORECASE)
# "Usai penandatanganan, Bupati menyerahkan dokumen rencana aksi ...": past a clause break and another verb, the
# document after a signing word is that verb's object, not what was signed.
_OTHER_PREDICATE = re.compile(r"[,;:]\s*(?:[\w.-]+\s+){0,6}?(?!(?:dengan|dimana|diantaranya|disaksikan|didampingi)\b)"
                              r"(?:me|di)[a-z]{4,}\b", re.IGNORECASE)
# "Penandatanganan ini menindaklanjuti MoU ...", "PKS itu merupakan tindak lanjut dari nota kesepahaman ...": the
# document after the words that follow it up is the earlier one, not what the signing word before them signs.
_FOLLOWS_UP_BETWEEN = re.compile(r"\b(?:menindaklanjuti|tindak\s*lanjut\s+(?:dari|atas)|turunan\s+dari|kelanjutan\s+dari|"
                                 r"berdasarkan|mengacu\s+(?:pada|kepada))\b", re.IGNORECASE)
# "Soal perangkat hukum terkait dengan MoU yang dilakukan selama ini": the agreement is what is talked about.
# ", dalam MoU dengan Kampar, Polres Kampar ... akan menjadi pelaksana teknis", "Dalam nota kesepahaman itu, ...":
# what the agreement holds, not a signing of it (a signing word there, "Dalam penandatanganan MoU itu", is one).
_CONTENT_IN = re.compile(r"(?:^|,)\s*(?:di\s+)?[Dd]alam\s*$")
_TOPIC_BEFORE = re.compile(r"\bterkait(?:\s+dengan)?\s*$", re.IGNORECASE)
# "(berbicara) terkait penandatanganan MoU antara A dan B pada Kamis, 9 Oktober 2025": a signing spoken of, with its
# own full day, is a signing reported.
_OWN_FULL_DAY_AFTER = re.compile(r"[^.;]{0,150}?\bpada\s+(?:hari\s+)?(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b"
                                 r",?\s+(?:tanggal\s+)?\d{1,2}\s+[A-Za-z]+\s+(?:19|20)\d{2}\b")
# What a training or socialisation covers: "Materi meliputi tahapan pencanangan, penandatanganan pakta integritas,
# hingga penilaian mandiri": the signing is a subject taught, not an act reported.
_TAUGHT = re.compile(r"\b(?:[Mm]ateri|[Mm]odul|[Kk]urikulum)(?:\s+(?:yang\s+)?(?:disampaikan|diberikan|dibahas|pelatihan|"
                     r"sosialisasi|bimtek|kegiatan))?\s+(?:meliputi|mencakup|antara\s+lain|di\s*antaranya|yaitu|yakni|"
                     r"berupa|tentang|terkait|mengenai)\b[^.;:]{0,120}$")
# Words that announce a signing wherever they stand in its clause, and future time words.
PLANNED_AFTER = re.compile(
    r"\b(?:dijadwalkan|diagendakan|direncanakan|rencananya|terjadwal|mendatang|pekan\s+depan|minggu\s+depan|"
    r"bulan\s+depan|tahun\s+depan|(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu)\s+depan|besok|lusa|akan\s+datang|"
    r"dalam\s+waktu\s+dekat|bakal|segera)\b", re.IGNORECASE)
# "Penandatanganan MoU antara A dan B akan digelar Senin (10/11)": the signing, as the subject of an occasion verb
# with "akan", is announced (the "akan" of another predicate is not: "MoU yang diteken pada 2021 itu akan berakhir").
# (Not after a comma: "Selain penandatanganan pakta integritas, juga akan dilaksanakan pembinaan": another subject.)
# ("... akan terwujud dalam waktu dekat", "akan terlaksana pekan depan": the signing come about)
_WILL_BE_HELD = re.compile(r"([^.;]*?)\s+akan\s+(?:segera\s+|kembali\s+)?(?:digelar|dilaksanakan|dilakukan|"
                           r"berlangsung|diadakan|dihelat|dijadwalkan|dilangsungkan|diselenggarakan|terlaksana|"
                           r"terwujud|terealisasi|direalisasikan)\b", re.IGNORECASE)
# "berdasarkan Peraturan Bupati ... serta perjanjian kerja sama antara A dan B": cited as a basis, however far
# the citation word stands, unless a signing verb comes between.
CITED = re.compile(
    r"\b(?:berdasarkan|mengacu|merujuk|sesuai\s+dengan|dasar\s+hukum|landasan\s+hukum|payung\s+hukum|turunan\s+dari|"
    r"didasarkan\s+(?:pada|atas|kepada)|didasari|dilandasi|berlandaskan)\b"
    r"(?![^.;]*\b(?:menandatangani|meneken|ditandatangani|diteken|penandatanganan)\b)[^.;]*$", re.IGNORECASE)
# A day still to come, said with the signing: "Insyaallah bulan depan kami tandatangani" (shared with the venue reader).
COMING = r"(?:pekan|minggu|bulan|tahun|Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu)\s+depan|insya\s*allah|insyaallah|besok|lusa|nanti"
PLANNED = re.compile(
    # ("Keluarga Berencana" is family planning, in a name: "Badan Kependudukan dan Keluarga Berencana Nasional")
    r"\b(?:akan|rencana(?!\s+(?:kerja|aksi))|rencananya|direncanakan|merencanakan|(?<!Keluarga\s)berencana|"
    r"dijadwalkan|diagendakan|terjadwal|bakal|"
    r"hendak|segera|nantinya|mendatang|ke\s+depan|kedepan|mempersiapkan|menyiapkan|persiapan|"
    # "Sedianya, pada hari yang sama pemkot juga menandatangani ...": what was to be done (and, news goes on, was not)
    r"sedianya|"
    # "Tahap berikutnya adalah penandatanganan PKS": the next step, still to come
    r"(?:tahap(?:an)?|langkah)\s+(?:berikutnya|selanjutnya)(?=\s+(?:(?:adalah|yakni|yaitu|ialah|berupa)\s+)?$)|"
    # "Insyaallah bulan depan kami tandatangani": a day still to come
    + COMING + r"|"
    r"menunggu|diharapkan\s+dapat\s+ditandatangani|ditargetkan|targetnya|target\s+(?:kami|kita|kita\s+semua)|"
    # "Draf MoU dengan MUI sudah final, tinggal tanda tangan": only the signing is left to do (read before the signing
    # word, the window ends with "tinggal")
    r"tinggal(?=\s+(?:menunggu\s+)?(?:tanda\s*tangan|ditandatangani|diteken|penandatanganan)|\s*$))\b",
    re.IGNORECASE,
)
# Done markers; "dalam kegiatan ini" places the signing inside the occasion the article reports.
DONE = re.compile(r"\b(?:telah|sudah|sempat|pernah|resmi|usai|selesai|seusai|setelah|"
                  r"(?:dalam|pada)\s+(?:kegiatan|acara|kesempatan)\s+(?:ini|tersebut|itu)\s+ada)\b", re.IGNORECASE)
# "belum memiliki nota kesepakatan", "tidak menandatangani", "batal meneken": no signing happened; and
# "menyarankan Pemda menandatangani MoU", "perlu meneken": advice, not a signing reported or announced.
# ("tak hanya menandatangani MoU dengan A, tetapi juga dengan B": not only, the act affirmed)
NEGATED = re.compile(r"\b(?:belum|(?:tidak|tak)(?!\s+(?:hanya|cuma|saja|sekadar|sekedar)\b)|tanpa|batal|gagal|penundaan|menunda|ditunda|pembatalan|enggan|menolak|menyarankan|disarankan|"
                     r"mengimbau|diimbau|mendesak|didesak|mendorong|didorong|meminta|diminta|mengajak|perlu|"
                     r"harus|wajib|sebaiknya|seharusnya|semestinya|agar|supaya|diharapkan\s+menyusul|"
                     # "sebelum sampai pada penandatanganan MoU": what is still to come
                     r"sebelum\s+sampai\s+(?:pada|ke))\b"
                     r"(?:\s+[\w-]+){0,3}\s*$|"
                     # a request reaches over its addressees: "Menteri Desa meminta seluruh kepala desa di Sulteng
                     # menandatangani pakta integritas", "mendesak para bupati se-Sulteng segera meneken ..."
                     r"\b(?:meminta|mendesak|mengimbau|mengajak|menginstruksikan|memerintahkan|menugaskan)"
                     r"(?:\s+[\w-]+){4,7}\s*$",
                     re.IGNORECASE)
# "Kedua kota diharapkan dapat segera menandatangani LoI", "kami berharap bisa meneken MoU": a hope (SPEC "Planned").
# ("Syukur-syukur tahun ini sudah bisa teken MoU": "hopefully", whatever "sudah" says after it.)
# (a wish "berharap ke depan desanya bisa menjalin MoU", "ingin desanya menjalin MoU": a few words may stand between,
# but not a relative clause or a done marker: "berharap kerja sama yang telah ditandatangani ...")
_HOPED_SIGNING = re.compile(r"\b(?:diharapkan|berharap|harapannya|semoga|mudah-mudahan|syukur-syukur|syukur2|ingin|"
                            r"berkeinginan|menginginkan|"
                            # a goal ("menargetkan seluruh kabupaten/kota di NTB meneken MoU tahun ini")
                            r"menargetkan|mentargetkan|mengupayakan|berupaya|"
                            # a request to others ("Mendagri meminta seluruh kepala daerah segera menjalin PKS")
                            r"meminta|mengimbau|menginstruksikan|mengajak|menyarankan|menganjurkan|"
                            # an opening or an interest ("membuka peluang menandatangani MoU dengan X", "menyatakan
                            # minat untuk menjalin MoU serupa", "tertarik meneken ...")
                            r"membuka\s+(?:peluang|kesempatan|kemungkinan|pintu)|berpeluang|(?:menyatakan\s+)?minat(?:nya)?|"
                            r"berminat|tertarik|"
                            # a consent or a willingness ("pihak X sudah setuju untuk melakukan penandatanganan MoU",
                            # "bersedia menandatangani"): to sign, still
                            r"setuju|menyetujui\s+untuk|bersedia|"
                            # a possibility ("Tidak menutup kemungkinan kedua pihak akan menandatangani MoU",
                            # "kemungkinan besar akan ...", "bisa jadi")
                            r"(?:tidak|tak)\s+menutup\s+kemungkinan|kemungkinan(?:\s+besar)?|bisa\s+jadi|boleh\s+jadi|"
                            # a condition ("Jika MoU dengan X juga ditandatangani, ..."): what would follow, not an act
                            r"jika|apabila|bilamana|seandainya|andaikan|andaikata|manakala)"
                            r"(?:\s+(?:dapat|bisa|segera|akan|untuk|kedua|pihak|kita|kami|mereka|nantinya|secepatnya|"
                            r"sudah|tahun\s+ini|bulan\s+ini|bulan\s+depan|tahun\s+depan|nanti))*"
                            r"(?:\s+(?!(?:yang|telah|sudah|ini|itu|tersebut|dan|serta)\b)[\w/-]+){0,4}?"
                            r"(?:\s+(?:dapat|bisa|segera|akan|untuk))?\s*$", re.IGNORECASE)
_CALLED_OFF = re.compile(r"(?i:batal|gagal|penundaan|menunda|ditunda|pembatalan)\b")
# "... bisa segera ditandatangani, mudah-mudahan sebelum pertengahan tahun": the hope right after the signing.
_HOPE_AFTER = re.compile(r"\s*,?\s*(?:mudah-mudahan|semoga|moga-moga|harapannya)\b", re.IGNORECASE)
# (and "kesepakatan itu semestinya ditandatangani paling lambat Agustus": what a rule asks, not an act)
# (not "tidak hanya ditandatangani oleh A": not only A signed it, others did too)
_NOT_YET_SIGNED = re.compile(r"\b(?:belum|tidak|tak|semestinya|seharusnya|mestinya|sepatutnya)\b"
                             r"(?!\s+(?:lama|hanya|cuma|saja|sekadar|sekedar)\b)"
                             r"(?:\s+[\w-]+){0,3}\s*$", re.IGNORECASE)
# "Pertemuan itu diharapkan dapat ditindaklanjuti dengan penandatanganan MoU", "berharap kerja sama ini bisa
# dilanjutkan dalam bentuk PKS": a hoped-for follow-up, neither reported nor announced (SPEC "Planned").
# ("PGGP mengusulkan agar kerja sama tersebut dapat diformalkan dalam bentuk nota kesepahaman": a proposal, the same.)
HOPED = re.compile(r"\b(?:diharapkan|berharap|harapan(?:nya)?|semoga|mudah-mudahan|ingin|berkeinginan|"
                   r"mengusulkan|diusulkan|usulan(?:nya)?|mengusul|menyarankan|disarankan)\b"
                   r"[^.;]{0,80}?\b(?:ditindaklanjuti|ditindak\s+lanjuti|tindak\s+lanjut(?:nya)?|dilanjutkan|diikuti|"
                   r"melanjutkan|ditingkatkan|meningkat|diwujudkan|dituangkan|diformalkan|diresmikan|diikat)\s+(?:dengan|dalam|ke\s+dalam|menjadi|"
                   r"ke|lewat|melalui)\b(?:\s+(?:bentuk|dibuatnya|adanya|sebuah|suatu))?\s*[^.;]{0,20}$", re.IGNORECASE)
# "penandatanganan serupa dengan Pemkab X": a new signing of the kind just reported.
SIMILAR = re.compile(r"^\s*(?:serupa|yang\s+sama|sejenis|lanjutan)\b", re.IGNORECASE)
ANAPHORA = re.compile(r"^\s*(?:(?!(?:bulan|tahun|hari|pekan|minggu|saat|kali|pagi|siang|sore|malam|akhir|awal)\s)"
                      r"\w+\s+){0,3}?(?<!bulan )(?<!tahun )(?<!hari )(?<!pekan )(?<!minggu )(?<!saat )(?<!kali )"
                      r"(?:tersebut|ini|itu|tadi|dimaksud)\b", re.IGNORECASE)

# ("perjanjian kerja samanya", "nota kesepahamannya": a name with the possessive "-nya" is the same document; not
# the generic names "other" holds: "diperpanjang kontraknya" is a player's contract)
_TYPE_RES = [(label, re.compile(rf"(?<![\w-])(?:{pat}){'(?:-?nya)?' if label != 'other' else ''}(?![\w-])",
                                re.IGNORECASE if label != "mou" else 0))
             for label, pat in TYPE_PATTERNS]
# The cheapest superset of what find_triggers reads as a signing: a signing word or any agreement name, case
# ignored. A sentence it does not match holds no trigger, so the NER model need not read far from one
# (pipeline/nlp/components.py, teken_model_focus); tests/test_nlp.py checks the superset on every example sentence.


def first_chars(pattern: str) -> str | None:
    """The characters a match of `pattern` can start with (as written: a case-insensitive pattern's variants are
    left to the flag), or None when that is not a short list (a match may start anywhere, or be empty).

    Read off the pattern's parse tree (the `re` module's own parser), so it follows every edit of the pattern;
    zero-width assertions, such as "(?<![A-Za-z])" before "PKS", add nothing."""
    from importlib import import_module

    c, parser = import_module("re._constants"), import_module("re._parser")  # Python 3.11+ (no typeshed stubs)

    def first(items) -> tuple[set[str] | None, bool]:  # (characters, whether the items may match nothing)
        chars: set[str] = set()
        for op, av in items:
            if op is c.LITERAL:
                return chars | {chr(av)}, False
            if op is c.IN:
                for kind, value in av:
                    if kind is c.LITERAL:
                        chars.add(chr(value))
                    elif kind is c.RANGE and value[1] - value[0] < 64:
                        chars.update(map(chr, range(value[0], value[1] + 1)))
                    else:
                        return None, False
                return chars, False
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op is c.SUBPATTERN or op is c.ATOMIC_GROUP:
                sub, nullable = first(av[-1] if op is c.SUBPATTERN else av)
            elif op is c.BRANCH:
                sub, nullable = set(), False
                for alt in av[1]:
                    alt_chars, alt_nullable = first(alt)
                    if alt_chars is None:
                        return None, False
                    sub, nullable = sub | alt_chars, nullable or alt_nullable
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                sub, nullable = first(av[2])
                nullable = nullable or av[0] == 0
            else:
                return None, False
            if sub is None:
                return None, False
            chars |= sub
            if not nullable:
                return chars, False
        return chars, True

    found, nullable = first(parser.parse(pattern))
    return None if found is None or nullable else "".join(sorted(found))


def with_first_chars(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled with a lookahead for its first characters in front: the same matches, found faster.

    Python's regular expressions try every branch of an alternation at every position of the text; with the
    lookahead a position that cannot start a match costs one character test (a long case-insensitive
    alternation such as SIGNING_CUE then scans a page in half the time). The lookahead is compiled with the same
    flags, so a case-insensitive pattern's first characters match in every case, as the pattern's do."""
    chars = first_chars(pattern)
    if not chars:
        return re.compile(pattern, flags)
    return re.compile(f"(?=[{''.join(re.escape(ch) for ch in chars)}])(?:{pattern})", flags)


# The signing just read, told again as "the same thing" done by others: "Hal serupa juga dilakukan Pemerintah Kota
# Pekalongan", "Provinsi Jawa Tengah turut melakukan agenda serupa yang dilakukan oleh Pemerintah Kota Pekalongan, Tegal
# dan Kabupaten Wonogiri" (passive: its agents follow), "Pemkab B juga melakukan hal yang sama" (active: its subject).
_ECHO_NOUN = r"(?:hal|langkah|agenda|kegiatan)\s+(?:serupa|yang\s+sama)"
_ECHO_PASSIVE_PATTERN = (_ECHO_NOUN + r"\s+(?:(?:juga|pun|turut|yang|telah|sudah|akan|bakal|segera|kembali)\s+){0,3}"
                         r"(?P<verb>(?:di)?lakukan|dilaksanakan|ditempuh)(?:\s+(?:pula|juga))?(?:\s+oleh)?")
_ECHO_ACTIVE_PATTERN = r"(?:juga|turut|pun|ikut)\s+(?P<verb>melakukan|melaksanakan|menempuh)\s+" + _ECHO_NOUN
_ECHO_PASSIVE = re.compile(rf"(?<![\w-]){_ECHO_PASSIVE_PATTERN}(?![\w-])", re.IGNORECASE)
_ECHO_ACTIVE = re.compile(rf"(?<![\w-]){_ECHO_ACTIVE_PATTERN}(?![\w-])", re.IGNORECASE)

SIGNING_CUE_PATTERN = "|".join([SIGN_WORDS] + [p for _, p in TYPE_PATTERNS]
                               + [_ECHO_PASSIVE_PATTERN.replace("?P<verb>", "?:"),
                                  _ECHO_ACTIVE_PATTERN.replace("?P<verb>", "?:")])
SIGNING_CUE = with_first_chars(SIGNING_CUE_PATTERN, re.IGNORECASE)


def may_report_signing(text: str | None, title: str | None = None) -> bool:
    """Whether an article can yield an event at all: its cleaned text or its title holds a signing cue.

    Every event starts from a trigger (find_triggers on a sentence of the text, or on the title when the body
    reports none), and every trigger holds a signing word or an agreement name, which SIGNING_CUE matches
    (case ignored, with no word boundaries: a superset). An article without a cue is passed over by the NLP
    pipeline and the extractors (pipeline/batch/run.py, ExtractStep): the cheap test before the costly one."""
    return any(part and SIGNING_CUE.search(part) for part in (text, title))


_MOU_CI = re.compile(r"nota\s+kesepaha(?:man|mam|maan|mn)|nota\s+kesepakatan(?:\s+bersama)?|naskah\s+kesepahaman|memorandum\s+of\s+understanding|memorandum\s+saling\s+pengertian|"
                     # (a common mistake for its name: "Memory of Understanding (MoU)")
                     r"memory\s+of\s+understanding|"
                     r"memorandum\s+(?:kesepahaman|kesepakatan)|"
                     # (its name misspelt, capitalised as a title: "Nota Kesepemahaman", "Nota Kesefahaman")
                     r"(?<![\w-])nota\s*kes[ea][pf][a-z]{4,10}(?![\w-])", re.IGNORECASE)
_SIGN_RE = re.compile(rf"(?<![\w-])(?:{SIGN_WORDS})(?![\w-])", re.IGNORECASE)
# "hasil evaluasi akan menjadi bahan untuk memperbarui rencana kerja": what something is meant to serve, not an act.
_MATERIAL_FOR = re.compile(r"\b(?:bahan|dasar|acuan|masukan|pertimbangan|rujukan)\s+(?:untuk|bagi|dalam)\s*$",
                           re.IGNORECASE)
_STILL_TO_COME = re.compile(r"\b(?:masih\s+(?:dalam\s+)?(?:pembahasan|dibahas|tahap|proses|disusun|dikaji|digodok|"
                            r"difinalisasi)|belum\s+(?:di)?(?:tandatangani|teken|sepakati|disepakati|final)|"
                            r"(?:baru\s+)?akan\s+(?:dibahas|dikaji|dijajaki|disusun|dibicarakan|dirumuskan)|"
                            # "kesepakatan serupa juga tengah dijajaki dengan Pemkab X": being explored (SPEC: Planned)
                            r"(?:(?:juga|pun)\s+)?(?:tengah|sedang|masih|mulai)\s+(?:dijajaki|dibahas|dikaji|dirintis|"
                            r"dibicarakan|dipersiapkan)|"
                            r"akan\s+menyusul)\b", re.IGNORECASE)
# "MoU dengan Kejaksaan dievaluasi", "PKS dengan PT X ditinjau ulang": the agreement is what is reviewed.
_UNDER_REVIEW = re.compile(r"\b(?:dievaluasi|dikaji(?:\s+ulang)?|ditinjau(?:\s+(?:ulang|kembali))?|direvisi|dicabut|"
                           # "Sejumlah nota kesepahaman yang dibuat Kejaksaan Agung ... menjadi sorotan dalam rapat kerja"
                           r"(?:menjadi|jadi)\s+(?:sorotan|perhatian|pertanyaan|polemik|perdebatan)|menuai\s+(?:kritik|sorotan|polemik)|"
                           r"diputus|dihentikan|diakhiri|dipertanyakan|disorot|dikritik|dipersoalkan|digugat|"
                           # "MoU antara A dan B sudah tidak berlaku sejak Desember 2024", "... masih berlaku hingga
                           # 2027": an agreement said to be (no longer) in force is cited, not signed
                           r"(?:sudah\s+|telah\s+)?(?:tidak|tak|masih)\s+berlaku|"
                           r"(?:sudah|telah)\s+(?:berakhir|habis|kedaluwarsa|kadaluarsa)|habis\s+masa\s+berlaku|"
                           # "MoU dengan RSUD X akan berakhir Desember 2023", "... berlaku hingga 2027": when it ends
                           r"(?:akan|segera)\s+(?:berakhir|habis|kedaluwarsa|kadaluarsa)|berlaku\s+(?:hingga|sampai)|"
                           r"habis\s+masa\s+berlakunya)\b",
                           re.IGNORECASE)
_ACTIVE_RE = re.compile(rf"(?<![\w-])(?:{ACTIVE_LIGHT})(?![\w-])", re.IGNORECASE)
_PASSIVE_RE = re.compile(rf"(?<![\w-])(?:(?:kami|kita|akan|telah|sudah)\s+)?(?:{PASSIVE_LIGHT})(?![\w-])",
                         re.IGNORECASE)
# "Kerja sama penyediaan air curah antara kedua pihak itu diteken pada 2022": the cooperation of the two named before.
_BARE_COOP_BOTH = re.compile(rf"(?<![\w-])({BARE_COOPERATION})\s{_NO_VERB_RUN}\bantara\s+kedua\s+(?:belah\s+)?pihak"
                             r"(?:\s+(?:itu|tersebut|ini))?\s+(?:yang\s+)?(?:(?:sudah|telah|resmi|baru)\s+)?$", re.IGNORECASE)
_BARE_COOP_RE = re.compile(rf"(?<![\w-])({BARE_COOPERATION})(?![\w-])", re.IGNORECASE)
_BARE_COOP_OBJECT = re.compile(rf"\s*(?:(?!(?:ini|itu|tersebut|merupakan|adalah|sebagai|menjadi|bentuk|wujud|dan|atau|"
                               rf"yang|dalam|untuk|dengan)\b)[\w-]+\s+)?({BARE_COOPERATION})(?![\w-])", re.IGNORECASE)
# "kerja sama (pertama) A dengan B (yang) diteken": the cooperation of two named sides, right before the passive verb.
_BARE_COOP_SIDES = re.compile(rf"(?<![\w-])({BARE_COOPERATION})(?:\s+(?:pertama|awal|baru|lama|itu|tersebut))?\s+(?:antara\s+)?"
                              r"(?-i:[A-Z])[\w.()-]*(?:\s+(?-i:[A-Z(])[\w.()-]*){0,6}\s+(?:dengan|dan)\s+"
                              r"(?:(?-i:[A-Z])[\w.()-]*(?:\s+(?-i:[A-Z(])[\w.()-]*){0,6}|"
                              # (the other side named back: "Kerja sama BUMDes X dengan perusahaan tersebut sudah diteken")
                              r"(?:perusahaan|pihak|lembaga|instansi|bank|kampus|universitas|koperasi|yayasan)\s+"
                              r"(?:tersebut|itu|ini))"
                              r"\s+(?:yang\s+)?(?:(?:sudah|telah|pernah|baru)\s+)?$",
                              re.IGNORECASE)
# "Kerja sama antara Kota A dan Kabupaten B soal pengelolaan air baku diteken ...": the cooperation between two named
# sides, however long what it is about, with no verb of its own before the passive signing verb.
_BARE_COOP_BETWEEN = re.compile(rf"(?<![\w-])({BARE_COOPERATION})\s+antara\s+(?-i:[A-Z]){_NO_VERB_RUN}"
                                r"\s+(?:yang\s+)?(?:(?:sudah|telah|resmi|baru)\s+)?$", re.IGNORECASE)
_BARE_COMMIT_RE = re.compile(rf"(?<![\w-]){BARE_COMMITMENT}(?![\w-])", re.IGNORECASE)
# "MoU sebagai komitmen bersama antara A dan B": a predicate between the agreement and "antara" starts a new phrase.
# ("Memorandum of Understanding (MoU) dengan Pemkab X": the bracketed short form is part of the name.)
_REL_AFTER_RE = re.compile(rf"^\)?\s*(?:(?!(?i:sebagai|adalah|merupakan|menjadi|ialah|bagi|untuk)\s)[\w/.()-]+\s+){{0,6}}?"
                           rf"(?:{RELATIONAL})\s+[A-Z]")
# "memiliki MoU dengan A", "sudah punya PKS dengan B": an agreement held, not an act of signing (SPEC: cited as in force).
_HELD = re.compile(r"\b(?:memiliki|mempunyai|punya|mengantongi)\s+(?:(?:sejumlah|beberapa|banyak|berbagai|\d+)\s+)?$",
                   re.IGNORECASE)
# "MoU yang sudah ada dengan A", "PKS yang masih berjalan dengan B": the agreement in force.
_EXISTING_AFTER = re.compile(r"\s*(?:\([^)]{0,20}\)\s*)?,?\s*yang\s+(?:(?:sudah|telah|masih|selama\s+ini)\s+)?"
                             r"(?:ada|berlaku|berjalan|dimiliki|eksis)\b", re.IGNORECASE)
# "menjalin kerja sama dengan X yang dituangkan dalam nota kesepahaman": the cooperation was signed as that.
_FORMALISED = re.compile(
    r"(?:\b(?:menjalin|jalin|membangun|menjalankan)\s+kerja\s*-?\s*sama\b.{0,120}?|"
    # "A menggandeng B. ... Kerja sama itu dituangkan dalam bentuk nota kesepahaman.": the cooperation just stated
    r"^\W*kerja\s*-?\s*sama\s+(?:[\w-]+\s+){0,3}?(?:itu|tersebut|ini)\s+(?:(?:kemudian|pun|lalu|telah|sudah|resmi|"
    r"juga)\s+)*)"
    r"\bdi\s?(?:tuangkan|wujudkan|kukuhkan|resmikan|formalkan|ikat)\s+(?:dalam|melalui|lewat|dengan)\s+"
    r"(?:(?:bentuk|sebuah|suatu)\s+)?", re.IGNORECASE)
# "... tersebut merupakan kelanjutan (kegiatan) dari dua tahun lalu yang sudah dilakukan dengan A, B": an
# earlier signing of the agreement just named.
_CONTINUATION = re.compile(
    r"\b(?:kelanjutan|lanjutan|melanjutkan)\b(?:\s+[\w()/.-]+){0,10}?\s+(?:yang\s+)?(?:sudah\s+|telah\s+|pernah\s+)?"
    r"(dilakukan|ditandatangani|diteken|dijalin|dilaksanakan|dilakukan\s+bersama)\s+(?=dengan\b|bersama\b|oleh\b)",
    re.IGNORECASE)
_PETITION = re.compile(r"\b(?:petisi|surat\s+pernyataan|prasasti|kartu|buku\s+tamu|absen|absensi|daftar\s+hadir|presensi|"
                       r"palsu|dipalsukan|pemalsuan|memalsukan|"
                       # (a ball signed, not "klub sepak bola X menandatangani ...", the sport named before its club)
                       r"ijazah|rapor|slip|kuitansi|cek|spanduk|baliho|kanvas|jersey|(?<!sepak\s)bola(?!\s+(?:voli|basket))|"
                       # (a greeting on a board, a plaque, a flag: "menandatangani sebuah ucapan selamat di papan ucapan")
                       r"poster|ucapan|papan|plakat|piagam\s+penghargaan|buku\s+kenangan|bendera)\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class AgreementMention:
    label: str
    start: int
    end: int
    text: str
    weak: bool = False  # a generic name or a bare "kerja sama"/"komitmen": labels only when nothing else does


@dataclass
class Trigger:
    """One reported (or announced) signing in a sentence; offsets are relative to the sentence."""

    start: int
    end: int
    text: str
    types: list[str] = field(default_factory=list)
    agreements: list[AgreementMention] = field(default_factory=list)
    anaphoric: bool = False  # "penandatanganan tersebut", "Nota Kesepakatan ini": an event read before
    similar: bool = False  # "penandatanganan serupa": a new event of the type just read
    negated: bool = False  # "belum memiliki", "menyarankan ... menandatangani": no signing reported
    generic: bool = False  # only a bare "perjanjian"/"kesepakatan": usually the agreement just named
    creates_event: bool = True  # False: a signing word with no agreement, it only continues an event
    kind: str = "sign"  # "sign" | "light" | "relational" | "continuation" (an earlier signing)
    anchor: bool = False  # "sebelum penandatanganan MoU, ...": the signing only dates another act
    earlier: bool = False  # an earlier document named with its date ("MoU yang sudah dibuat tanggal 3 September 2020")
    void: bool = False  # called off ("batal menandatangani") or signed by private persons: no event, nor its re-mentions
    echo: bool = False  # "Hal serupa juga dilakukan Pemkot X": the signing just read, done by others too
    sentence: str = ""

    @property
    def weak(self) -> bool:
        """Whether the trigger names its agreement only generically ("kerja sama", "kesepakatan")."""
        return bool(self.agreements) and all(a.weak for a in self.agreements)


def find_agreements(sentence: str) -> list[AgreementMention]:
    """Agreement nouns in a sentence, longest first, without overlaps."""
    return list(_find_agreements(sentence))


@lru_cache(maxsize=512)
def _find_agreements(sentence: str) -> tuple[AgreementMention, ...]:
    # A sentence is read for its agreements by the trigger finder, the renaming reader and the party
    # reader in turn: read once (the mentions are frozen, so sharing them is safe).
    candidates: list[tuple[str, re.Match]] = []
    for label, rx in _TYPE_RES:
        candidates += [(label, m) for m in rx.finditer(sentence)]
        if label == "mou":
            candidates += [(label, m) for m in _MOU_CI.finditer(sentence)]
    order = {label: i for i, (label, _) in enumerate(TYPE_PATTERNS)}
    candidates.sort(key=lambda c: (-(c[1].end() - c[1].start()), order[c[0]], c[1].start()))
    found: list[AgreementMention] = []
    taken: set[int] = set()
    for label, m in candidates:
        span = set(range(m.start(), m.end()))
        if span & taken:
            continue
        if label == "other" and _is_generic_other(sentence, m):
            continue
        if label == "komitmen_bersama" and _ORDINARY_BEFORE.search(sentence[max(0, m.start() - 40):m.start()]) \
                and not _SIGNED_AFTER_NAME.match(sentence, m.end()):
            continue
        taken |= span
        generic = GENERIC_NAMES.match(sentence, m.start())  # (read in its sentence: "deklarasi" before "serupa")
        weak = label == "other" and generic is not None and generic.end() == m.end()
        found.append(AgreementMention(label, m.start(), m.end(), m.group(0), weak))
    return tuple(sorted(found, key=lambda a: a.start))


def _is_generic_other(sentence: str, m: re.Match) -> bool:
    """Bare "kesepakatan"/"perjanjian"/"kontrak" are agreements only when nothing more specific is said."""
    word = m.group(0).lower()
    after = sentence[m.end():m.end() + 30].lower()
    before = sentence[max(0, m.start() - 25):m.start()].lower()
    if word == "kesepakatan" and re.match(r"\s*(?:bersama|kerja)", after):
        return True
    if word == "kontrak" and not re.match(r"\s*(?:pengadaan|pembangunan|proyek|pekerjaan|pengelolaan|konsesi|"
                                          r"jual\s+beli|kemitraan|payung|induk|investasi|penyediaan|layanan)", after):
        return True  # a player's or an employee's contract is no agreement between institutions (SPEC §1)
    if word == "perjanjian" and re.match(r"\s*kerja\b(?!\s*sama)", after):
        return True  # "perjanjian kerja" (not "kerja sama") is an employee's contract, as "kontrak kerja" is
    if word in {"kesepakatan", "perjanjian"} and re.search(r"(?:nota|surat|naskah)\s*$", before):
        return True
    if word == "kesepakatan" and re.search(r"(?:mencapai|tercapai|belum\s+ada|tidak\s+ada)\s*$", before):
        return True  # "mencapai kesepakatan" is an outcome of talks, not a signed document
    return False


def agreement_types(sentence: str) -> list[str]:
    """Every SPEC label the sentence names, in SPEC order; "other" only when nothing else is named."""
    return _labels(find_agreements(sentence))


# "<dokumen>, yang (akan) kita tandatangani", "<dokumen> yang telah ditandatangani": the relative clause's verb
# signs the noun before "yang".
_RELATIVE_PASSIVE = re.compile(r"\byang\s+(?:(?:akan|bakal|telah|sudah|segera|baru|nantinya|rencananya)\s+){0,2}"
                               r"(?:(?:kami|kita)\s+)?$", re.IGNORECASE)
_PRONOUN_AGENT = re.compile(r"\b(?:kami|kita)\s+$", re.IGNORECASE)


def find_triggers(sentence: str) -> list[Trigger]:
    """The signings a sentence reports, in order. See the module docstring for what counts."""
    agreements = find_agreements(sentence)
    triggers: list[Trigger] = []
    used_agreements: set[int] = set()

    def nearest_agreements(pos_start: int, pos_end: int, before: int, after: int) -> list[int]:
        idx = [i for i, a in enumerate(agreements)
               if (pos_end <= a.start <= pos_end + after) or (pos_start - before <= a.end <= pos_start)]
        return idx

    for m in _SIGN_RE.finditer(sentence):
        # (the words after are read whole: a window cut at "bola v" would take the volleyball for a ball signed; and
        # a thing named after the agreement is its topic, not what was signed: "menandatangani perjanjian kerja sama
        # implementasi Kartu Kredit Pemerintah Daerah")
        thing = _PETITION.search(sentence, m.end())
        if thing is not None and thing.end() <= m.end() + 40 \
                and not any(m.end() <= a.start < thing.start() and not a.weak  # (not one signed beside it, "dan surat pernyataan")
                            and not re.search(r",|\b(?:dan|serta|atau)\b", sentence[a.end:thing.start()]) for a in agreements) \
                or _PETITION.search(sentence, max(0, m.start() - 30), m.start()):
            continue
        # A passive verb takes its agreement from before it, however long the parties between are
        # ("Nota kesepakatan antara A dan B ditandatangani ...").
        # So does an object-fronted "X akan kami tandatangani".
        fronted = re.search(r"\b(?:kami|kita|akan|bakal|segera|telah|sudah|untuk)\s+$", sentence[max(0, m.start() - 12):m.start()],
                            re.IGNORECASE)
        reach_back = 160 if m.group(0).lower().startswith("di") or fronted else 60
        # (nor a document hoped for after the signing word: "menyaksikan penandatanganan berharap kerja sama itu
        # ditindaklanjuti dengan perjanjian kerja sama" signs no PKS)
        idx = [i for i in nearest_agreements(m.start(), m.end(), reach_back, 80)
               if agreements[i].start < m.end() or not _OTHER_PREDICATE.search(sentence, m.end(), agreements[i].start)
               and not HOPED.search(sentence, m.end(), agreements[i].start)
               and not _FOLLOWS_UP_BETWEEN.search(sentence, m.end(), agreements[i].start)]
        if not idx and reach_back > 60:
            # "Nota Kesepakatan Kebijakan Umum Anggaran (KUA) serta Prioritas dan Plafon Anggaran Sementara (PPAS)
            # Perubahan APBD Tahun Anggaran 2025 antara Pemerintah Kota (Pemkot) Ambon dan DPRD Kota Ambon
            # ditandatangani ...": a long title, then "antara" its sides, then the passive verb, nothing else between
            idx = [i for i in nearest_agreements(m.start(), m.end(), 300, 0)
                   if agreements[i].end <= m.start() and _TITLE_THEN_SIDES.fullmatch(sentence, agreements[i].end, m.start())]
        # Prefer agreements that follow the signing word ("penandatanganan MoU"); take a coordinated
        # group ("nota kesepakatan dan rencana kerja") as one.
        following = [i for i in idx if agreements[i].start >= m.end()]
        if following and _RELATIVE_PASSIVE.search(sentence[max(0, m.start() - 40):m.start()]) \
                and (m.group(0).lower().startswith("di") or _PRONOUN_AGENT.search(sentence[max(0, m.start() - 12):m.start()])):
            # "... dituangkan dalam perjanjian kerja sama, yang akan kita tandatangani sebagai turunan dari MoU ...":
            # a passive relative clause signs the document before it; what follows is another matter.
            preceding = [i for i in idx if agreements[i].end <= m.start()]
            if preceding:
                following, idx = [], preceding
        if following and fronted and re.match(r"(?i:kami|kita)", fronted.group(0)):
            # "MoU-nya sudah kita teken tahun lalu, sekarang kita turunkan dalam PKS": the object fronted before
            # "kita" and the verb, in the same clause, is what is signed; what follows a comma is another matter.
            preceding = [i for i in idx if agreements[i].end <= m.start()
                         and not re.search(r"[,;:]", sentence[agreements[i].end:m.start()])]
            if preceding and re.search(r"[,;:]", sentence[m.end():agreements[following[0]].start]):
                following, idx = [], preceding
        if following and m.group(0).lower().startswith("di"):
            # "MoU sudah diteken pada Agustus, sekarang kita teken PKS-nya": the document right before a passive verb,
            # in its clause, is what it signs; what follows a comma is another matter.
            preceding = [i for i in idx if agreements[i].end <= m.start() and re.fullmatch(
                r"(?:\s+(?:itu|tersebut|ini|sudah|telah|pun|juga|baru|pernah|resmi|lebih|dulu|dahulu))*\s+",
                sentence[agreements[i].end:m.start()], re.IGNORECASE)]
            if preceding and re.search(r"[,;:]", sentence[m.end():agreements[following[0]].start]):
                following, idx = [], preceding
        if not following and len(idx) >= 2 and agreements[idx[-1]].end <= m.start() and re.fullmatch(
                r"\s+yang\s+(?:menjadi|merupakan)\s+(?:payung|dasar|induk|landasan|acuan)(?:\s+hukum)?(?:\s+(?:bagi|dari))?\s+",
                sentence[agreements[idx[-2]].end:agreements[idx[-1]].start]):
            # "MoU yang menjadi payung PKS ini diteken pada Oktober 2024": the document the relative clause names
            # is the umbrella's subject matter; the passive signs the noun before "yang"
            idx = idx[:-1]
        chosen = _coordinated(sentence, agreements, following[0]) if following else (
            _coordinated(sentence, agreements, idx[-1]) if idx else [])
        trig = Trigger(m.start(), m.end(), m.group(0), kind="sign")
        if chosen:
            trig.agreements = [agreements[i] for i in chosen]
            used_agreements.update(chosen)
        else:
            # "penandatanganan (naskah) kerja sama": the cooperation is what is signed, right after the signing word
            # or one noun on; not "penandatanganan ini merupakan kerja sama yang strategis", a plain noun there.
            coop = _BARE_COOP_OBJECT.match(sentence, m.end())
            # "menandatangani komitmen antikorupsi", not "penandatanganan dan penyampaian komitmen".
            commit = _BARE_COMMIT_RE.match(sentence, m.end() + len(sentence[m.end():]) - len(sentence[m.end():].lstrip()))
            if coop is None and reach_back > 60:
                # "kerja sama serupa dijadwalkan diteken ...": the cooperation stands before a passive verb.
                # ("kerja sama pertama Unimed dengan Tanoto Foundation diteken pada 2018": its two sides between)
                coop = _BARE_COOP_RE.search(sentence, max(0, m.start() - 50), m.start()) or _BARE_COOP_SIDES.search(
                    sentence, max(0, m.start() - 110), m.start()) or _BARE_COOP_BETWEEN.search(
                    sentence, max(0, m.start() - 250), m.start()) or _BARE_COOP_BOTH.search(
                    sentence, max(0, m.start() - 250), m.start())
            named = _formalised_as(sentence, agreements, coop.end(1)) if coop else None
            if named is not None:
                # "menandatangani kerja sama ... yang tertuang dalam dua dokumen nota kesepakatan": the cooperation
                # was signed as that document.
                group = _coordinated(sentence, agreements, named)
                trig.agreements = [agreements[j] for j in group]
                used_agreements.update(group)
            elif coop:
                trig.agreements = [AgreementMention("pks", coop.start(1), coop.end(1), coop.group(1), weak=True)]
            elif commit:
                trig.agreements = [AgreementMention("komitmen_bersama", commit.start(), commit.end(),
                                                    commit.group(0), weak=True)]
            else:
                trig.creates_event = False
        triggers.append(trig)

    for i, a in enumerate(agreements):
        if i in used_agreements or any(t.start <= a.start < t.end + 80 and i in
                                       [agreements.index(x) for x in t.agreements if x in agreements]
                                       for t in triggers):
            continue
        # "penandatanganan nota kesepahaman antara A dengan B dan perjanjian kerja sama antara C dan D": the
        # signing word governs both documents, each with its own parties.
        signer = next((t for t in reversed(triggers) if t.kind == "sign" and t.agreements and
                       t.agreements[-1].end <= a.start), None)
        if signer is not None and re.search(r"\b(?:dan|serta|sekaligus)\s+$", sentence[:a.start], re.IGNORECASE) \
                and a.start - signer.agreements[-1].end <= 120 \
                and not re.search(r"[;.]|\b(?:sedangkan|sementara|lalu|kemudian)\b",
                                  sentence[signer.agreements[-1].end:a.start], re.IGNORECASE) \
                and not _SIGN_RE.search(sentence, signer.agreements[-1].end, a.start):
            group = _coordinated(sentence, agreements, i)
            used_agreements.update(group)
            signer.agreements = signer.agreements + [agreements[j] for j in group]
            continue
        before = sentence[max(0, a.start - 40):a.start]
        after = sentence[a.end:a.end + 60]
        light = None
        active = list(_ACTIVE_RE.finditer(before))
        if active and re.fullmatch(r"\s*(?:\w+\s+){0,2}", before[active[-1].end():] + " ") and \
                _MATERIAL_FOR.search(before[:active[-1].start()]):
            continue  # "menjadi bahan untuk memperbarui rencana kerja bersama X": what an evaluation serves
        if active and re.fullmatch(r"\s*(?:\w+\s+){0,2}", before[active[-1].end():] + " ") and \
                not re.search(r"\b(?:hubungan|komunikasi|silaturahmi|koordinasi)\b", before[active[-1].end():]):
            light = ("light", a.start - (len(before) - active[-1].start()), a.start - (len(before) - active[-1].end()))
        passive_after = _PASSIVE_RE.search(after[:45])
        if light is None and passive_after and re.fullmatch(
                # ("MoU serupa sebelumnya juga sudah dilakukan oleh A ...": its likeness and its time between;
                # "Nota kesepahaman (MoU) itu dijalin ...": its short form in brackets)
                r"\)?\s*(?:\([^()]{1,30}\)\s*)?(?:(?:tersebut|ini|itu|yang|telah|sudah|akan|pun|juga|rencananya|nanti|serupa|sebelumnya|"
                r"pernah|sempat|lebih|dulu|dahulu|kembali)\s+){0,4}",
                after[:passive_after.start()] + " "):
            light = ("light", a.end + passive_after.start(), a.end + passive_after.end())
        passive_before = list(_PASSIVE_RE.finditer(before[-30:]))
        if light is None and passive_before and re.fullmatch(r"\s*", before[-30:][passive_before[-1].end():]):
            off = a.start - len(before[-30:])
            light = ("light", off + passive_before[-1].start(), off + passive_before[-1].end())
        if light is None and re.fullmatch(r"(?i:mou|pks)", a.text):
            aspect = re.search(r"\b(?:sudah|telah|pernah|akan|bakal|baru|segera)\s+(?:ber)?$", before, re.IGNORECASE)
            if aspect:  # "kita sudah MoU pada Maret 2023": the acronym used as a verb
                light = ("light", a.start, a.end)
        rel = _REL_AFTER_RE.match(after) if light is None else None
        if rel and any(b.start == a.end + rel.end() - 1 for b in agreements):
            rel = None  # "perjanjian pendahuluan yang mestinya diikuti dengan PKS": two documents compared, no parties
        if light is None and rel and not _STILL_TO_COME.search(sentence, a.end) \
                and not _UNDER_REVIEW.search(sentence, a.end, _clause_end(sentence, a.end)) \
                and not _HELD.search(before) and not _EXISTING_AFTER.match(after):
            # (nor "tercatat memiliki MoU dengan A dan B", "melengkapi MoU yang sudah ada dengan A": agreements held,
            # in force, with no act of signing reported)
            # (not "NPHD pengamanan dengan Polres X ... masih dalam pembahasan dan akan menyusul": not signed yet;
            # nor "DPRD minta MoU dengan Kejaksaan dievaluasi": an agreement in force, reviewed)
            light = ("relational", a.start, a.end)
        formal = _FORMALISED.search(sentence[:a.start])
        if formal and formal.end() == a.start:
            light = ("light", formal.start(), formal.start() + len(formal.group(0).split()[0]))
        elif light is None or NOT_AN_ACT.search(sentence[:min(a.start, light[1])]) or \
                NOT_AN_ACT.search(sentence[:agreements[_coordinated(sentence, agreements, i)[0]].start]) or \
                _TOPIC_BEFORE.search(sentence[:a.start]) or _CONTENT_IN.search(sentence[:a.start]) or \
                CITED.search(sentence[_clause_start(sentence, a.start):a.start]):
            continue
        group = _coordinated(sentence, agreements, i)
        used_agreements.update(group)
        start, end = light[1], light[2]
        triggers.append(Trigger(start, end, sentence[start:end], agreements=[agreements[j] for j in group],
                                kind=light[0]))

    for t in triggers:
        if t.kind == "sign" and t.agreements and _EARLIER_SIGNING.match(sentence, t.end) and \
                all(a.end <= t.start for a in t.agreements):
            # "tindak lanjut dari penandatanganan sebelumnya yang sudah dilakukan oleh A dengan B": another, earlier
            # signing of the document just named, with its own signers.
            t.kind, t.earlier = "continuation", True
        elif t.kind in ("sign", "light") and t.agreements and all(a.end <= t.start for a in t.agreements) \
                and (done := _DONE_RELATIVE.search(sentence[:t.start])) \
                and (_BASIS_BEFORE.search(sentence, 0, t.agreements[0].start)
                     or _DOCUMENT_FOLLOWS_UP.search(sentence, 0, t.agreements[0].start)) \
                and (_OWN_DAY_AFTER.match(sentence, t.end)
                     or (done.group(1) or re.match(r"(?i:sudah|telah|pernah)\s", t.text))
                     and not time_in_clause(sentence, t.end)):
            # ("sebagai tindak lanjut kesepakatan yang sudah dijalin di tingkat pusat": the light verb with its aspect)
            # "HoA itu merupakan tindak lanjut dari nota kesepahaman antara A dan B yang diteken pada 29 November
            # 2017": the document followed up, signed on a day of its own, an earlier signing; so is one "yang sudah
            # kami teken" ("PKS ini adalah turunan dari MoU yang sudah kami teken"): signed before, not today
            t.earlier = True
    for trig in _dated_documents(sentence, agreements, used_agreements, triggers):
        triggers.append(trig)
    triggers.extend(_renewed_signings(sentence, agreements, triggers))
    for m in _CONTINUATION.finditer(sentence):
        earlier = [a for a in agreements if a.end <= m.start()]
        if earlier and not any(t.start <= m.start(1) < t.end for t in triggers):
            group = _coordinated(sentence, agreements, agreements.index(earlier[0]))
            triggers.append(Trigger(m.start(1), m.end(1), m.group(1), agreements=[agreements[j] for j in group],
                                    kind="continuation"))
    for echo in _echoes(sentence):
        if not any(t.start < echo.end and echo.start < t.end for t in triggers):
            triggers.append(echo)
    for t in triggers:
        t.types = _labels(t.agreements)
        t.generic = bool(t.agreements) and all(a.label == "other" and a.weak for a in t.agreements)
        t.similar = bool(SIMILAR.match(sentence[t.end:])) or any(SIMILAR.match(sentence[a.end:]) for a in t.agreements)
        first = min([t.start] + [a.start for a in t.agreements])
        negation = NEGATED.search(sentence[max(_clause_start(sentence, first), first - 40):first]) or (
            # ("berharap nota kesepahaman yang telah ditandatangani hari ini bermanfaat": the hope is for what the
            # signing done brings)
            _HOPED_SIGNING.search(sentence[max(_clause_start(sentence, first), first - 60):first])
            if not re.search(r"\byang\s+(?:telah|sudah|baru\s+saja)\s+$", sentence[:t.start]) else None)
        if negation is None and t.kind == "sign":
            # "PKS-nya bisa segera ditandatangani, mudah-mudahan sebelum pertengahan tahun": a hope said after the
            # signing hoped for (SPEC "Planned": a hope or wish announces nothing)
            negation = _HOPE_AFTER.match(sentence, t.end)
        if negation is None and first < t.start and t.kind == "sign":
            # "... menyusun draf nota kesepahaman, namun belum menentukan kapan akan ditandatangani": the signing verb
            # after its agreement has a clause of its own ("belum lama ini ditandatangani" is "recently signed").
            negation = _NOT_YET_SIGNED.search(sentence, max(_clause_start(sentence, t.start), t.start - 40), t.start)
        if negation and _CALLED_OFF.match(negation.group(0)) and not re.match(r"(?i:batal|gagal|pembatalan)", negation.group(0)) \
                and PUT_OFF_TO.search(sentence, max(0, first - 60)):
            negation = None  # "menunda penandatanganan hingga Desember mendatang": put off to a time, still to come
        if negation or HOPED.search(sentence[max(_clause_start(sentence, first), first - 120):first]):
            t.creates_event = False
            t.negated = True
            t.void = bool(negation and _CALLED_OFF.match(negation.group(0)))
        if not t.negated and t.kind == "sign" and _COUNTED_DOCUMENTS.match(sentence, t.end) \
                and _TALLY_CUE.search(sentence, _clause_start(sentence, t.start), t.end) \
                and not _NAMED_AFTER_WITH.search(sentence, t.end, _clause_end(sentence, t.end)):
            # "Hingga akhir Maret 2023, UAD tercatat telah meneken 1.468 kerja sama dengan pihak luar": a tally of
            # agreements signed over time, no occasion reported (their counterparts, when named, are read apart)
            t.creates_event = False
            t.negated = True
        if not t.negated and t.kind == "light" and re.match(r"(?i:memperpanjang|memperbarui|memperbaharui)", t.text) \
                and _DOCUMENT_AS_SUBJECT.search(sentence, _clause_start(sentence, t.start), t.start):
            # "Adendum memperpanjang masa berlaku PKS lama hingga Juni 2021": what a document does, not an act
            t.creates_event = False
        if not t.negated and t.kind == "sign" and _FROM_FIRST_DAY.search(sentence, max(0, t.start - 80), t.start):
            # "AP II wajib bergerak sejak hari pertama perjanjian kerja sama itu diteken": the signing as the time
            # from which something else runs, not a signing reported
            t.creates_event = False
        if not t.negated and t.kind == "sign" and _PENDING_BEFORE.search(sentence, max(0, t.start - 80), t.start):
            # "tinggal adendum PKS-nya yang masih direvisi sebelum diteken": what is still being done before the
            # signing says the signing is still to come; nothing signed is reported
            t.creates_event = False
            t.negated = True
        if not t.negated and t.kind == "sign" and _WHEN_ASKED.search(sentence, _clause_start(sentence, first), first) \
                and _NOT_YET_KNOWN.match(sentence, t.end):
            # "kapan MoU dan PKS perpanjangan antara A dan B diteken belum diumumkan": when it will be signed is
            # not known yet; nothing signed is reported
            t.creates_event = False
            t.negated = True
        if not t.negated and t.kind == "light" and t.text.lower().startswith("di") \
                and _UNDER_REVIEW.search(sentence, t.end, _clause_end(sentence, t.end)):
            # "Sejumlah nota kesepahaman yang dibuat Kejaksaan Agung dengan ... menjadi sorotan dalam rapat kerja": the
            # agreements made are what the sentence is about, reviewed, not a signing reported
            t.creates_event = False
            t.negated = True
        if not t.negated and t.kind == "sign" and (re.match(r"(?i:penandatangan|penekenan)", t.text)
                                                   or _PLAN_AS_SUBJECT.match(sentence[:t.start])) \
                and _CALLED_OFF_AFTER.search(sentence, t.end, _clause_end(sentence, t.end)):
            # "Penandatanganan nota kesepahaman antara A dan B yang sedianya digelar Selasa (17/6) batal
            # dilaksanakan": the signing the sentence is about was called off.
            t.creates_event = False
            t.negated = t.void = True
        tail = sentence[max(a.end for a in t.agreements):] if t.agreements else sentence[t.end:]
        t.anaphoric = bool(ANAPHORA.match(tail)) or bool(ANAPHORA.match(sentence[t.end:])) or (
            # "Wakil Rektor UGM, Eko Santoso, yang meneken PKS mewakili rektor, memastikan ...": an apposition says
            # who signed the document the article reports, not a signing of its own
            t.kind == "sign" and bool(t.agreements) and t.text.lower().startswith(("menandatangani", "meneken"))
            and bool(APPOSITION_BEFORE.search(sentence[:t.start])))
        cited = NOT_AN_ACT.search(sentence[:t.start])
        if cited and t.kind == "sign" and t.agreements and cited.start() >= max(a.end for a in t.agreements) \
                and max(a.end for a in t.agreements) <= t.start:
            # "Perjanjian kerja sama (PKS) pelaksanaan program tersebut ditandatangani ...": the topic word follows
            # the agreement it describes; only what stands before the agreement can make it a topic.
            cited = NOT_AN_ACT.search(sentence[:min(a.start for a in t.agreements)])
        if cited and t.kind == "sign" and _JOINED_ACT.search(sentence, 0, t.start):
            cited = None  # "pelaksanaan penandatanganan", "sosialisasi dan penandatanganan": the signing itself done
        if cited and t.kind == "sign" and t.agreements and cited.start() < min(a.start for a in t.agreements) \
                and _DONE_RELATIVE.search(sentence, max(a.end for a in t.agreements), t.start) \
                and time_in_clause(sentence, t.end):
            # "PKS ini menindaklanjuti MoU yang diteken kedua pihak pada 2023 lalu": what the sentence does with the
            # document is done now; the relative clause after it reports the document's own signing, on a time of
            # its own, an earlier signing (as "tindak lanjut dari MoU yang diteken ... pada 2023")
            cited, t.earlier = None, True
        if cited and t.kind == "sign" and re.match(r"(?i:menjajaki|dijajaki|penjajakan)", cited.group(0)) \
                and re.search(r"\brencana\s+$", sentence[max(0, t.start - 12):t.start], re.IGNORECASE):
            # "tahap penjajakan rencana penandatanganan MoU antara A dan B": a signing planned, its details explored
            cited = None
        if t.kind == "sign" and t.creates_event and (cited and not _FORMALISED_BY.match(cited.group(0))
                                                     or _TOPIC_BEFORE.search(sentence[:t.start])
                                                     and not _OWN_FULL_DAY_AFTER.match(sentence, t.end)
                                                     or _TAUGHT.search(sentence, 0, t.start)):
            t.creates_event = False
        if t.creates_event and private_signers(sentence, t):
            t.creates_event = False
            t.negated = t.void = True
        if t.kind == "sign" and _TIME_ANCHOR.search(sentence[:t.start]):
            t.anchor = True
        if t.kind == "sign" and _GIVEN_SIGNING.search(sentence[:t.start]) \
                and re.fullmatch(r"(?i:ditandatanganinya|ditekennya|diteken|ditandatangani|penandatanganan)", t.text) \
                and re.search(r"\b(?:tersebut|itu|ini)\b", sentence[t.end:_clause_end(sentence, t.end)]):
            # "Dengan ditandatanganinya PKS oleh Bupati dan Dandim tersebut, pembukaan TMMD direncanakan ...": the
            # signing already read (its demonstrative says so), given as the ground of what the sentence says next
            t.creates_event = False
            t.anaphoric = True
    for t in triggers:
        t.sentence = sentence
        if t.earlier:
            t.anaphoric = False  # "penandatanganan sebelumnya", "MoU yang sudah dibuat tanggal ...": not the one just read
    # "jalin kesepakatan dengan X lewat penandatanganan NK": the bare "kesepakatan" is the NK itself.
    specific = [t for t in triggers if t.creates_event and not t.generic and t.kind != "continuation"]
    triggers = [t for t in triggers if not (t.generic and t.creates_event and any(
        abs(o.start - t.start) < 120 for o in specific))]
    triggers.sort(key=lambda t: t.start)
    return _dedupe(triggers)


# A sentence opening on the signing as a given: "Dengan (telah) ditandatanganinya PKS ...,".
_GIVEN_SIGNING = re.compile(r"(?:^|[.;]\s+)\W*Dengan\s+(?:telah\s+|sudah\s+|resmi\s+)?$")


# "kerja sama tersebut telah tertuang dalam penandatanganan PKS": the cooperation was written down by a signing,
# which is an act (a document's content "tertuang dalam MoU" is not).
_FORMALISED_BY = re.compile(r"(?i:tertuang|dituangkan)\b")
# "Sebelum penandatanganan MoU, pihaknya telah menerima surat ...": the signing is the time of another act.
_TIME_ANCHOR = re.compile(r"\b(?:sebelum|menjelang|jelang)\s+(?:(?:acara|prosesi|dilakukannya|dilaksanakannya)\s+)?$",
                          re.IGNORECASE)

# Signers that are private persons (SPEC §1: not an agreement between institutions): candidates in an election,
# who pledge in their own name ("dua calon gubernur menandatangani pakta integritas"), and persons counted by
# head ("Sebanyak 751 tenaga PPPK menandatangani kontrak kerja"), each signing a contract of their own.
_CANDIDATE = (r"(?:calon|bakal\s+calon)\s+(?:gubernur|wakil\s+gubernur|bupati|wakil\s+bupati|wali\s*kota|walikota|"
              r"wakil\s+wali\s*kota|kepala\s+daerah|presiden|wakil\s+presiden|legislatif|anggota\s+(?:legislatif|dewan|DPRD?)|"
              # a village's head elections: "Para calon kepala desa ... akan menandatangani pakta integritas"
              r"kepala\s+desa|kades|kepala\s+kampung|kepala\s+kampong|keuchik|geuchik|wali\s+nagari|perbekel|lurah)|"
              r"cagub|cawagub|cabup|cawabup|cawalkot|cawawalkot|capres|cawapres|caleg|paslon|pasangan\s+calon")
_COUNTED_PERSONS = (r"\d[\d.]*\s+(?:orang\s+)?(?:tenaga|pegawai|guru|dosen|atlet|pemain|peserta|karyawan|honorer|"
                    r"PPPK|CPNS|ASN|mahasiswa|siswa|pelajar|warga|petani|nelayan|pekerja|buruh|perawat|bidan|dokter|"
                    r"kepala\s+keluarga|KK|penerima|calon)\b|"
                    # contract staff by a rough count or share: "Ratusan Pegawai Pemerintah dengan Perjanjian Kerja
                    # (PPPK) ... menandatangani kontrak", "sebagian besar PPPK telah menandatangani draf kontrak"
                    r"(?:ratusan|ribuan|puluhan|sebagian(?:\s+besar)?)\s+(?:PPPK|CPNS|honorer|tenaga\s+honorer|"
                    r"Pegawai\s+Pemerintah\s+dengan\s+Perjanjian\s+Kerja)\b")
_PRIVATE_SUBJECT = re.compile(rf"\b(?:{_CANDIDATE}|{_COUNTED_PERSONS})\b", re.IGNORECASE)
_PRIVATE_AGENT = re.compile(rf"^\s*(?:(?:langsung|oleh|para|kedua|dua|tiga|empat|lima)\s+){{0,3}}(?:{_CANDIDATE})\b", re.IGNORECASE)
# "antara Apdesi dan advokat Nurul Hidayah": the other side a person named by a profession.
_PERSON_COUNTERPART = re.compile(r"\b(?:dengan|dan|bersama)\s+(?:seorang\s+)?(?i:advokat|pengacara|notaris|artis|"
                                 r"atlet|pemain|pelatih|penyanyi|seniman|penulis|influencer|selebgram|youtuber)"
                                 r"\s+(?:[A-Z][a-z]+\b\s*){1,4}")
_ATTENDING_ONLY = re.compile(r"\b(?:disaksikan|menyaksikan|dihadiri|menghadiri|hadir|didampingi|mendampingi)\b",
                             re.IGNORECASE)


def private_signers(sentence: str, trigger: Trigger) -> bool:
    """Whether the sentence has private persons sign (candidates, persons counted by head, a named advocate):
    their contract or pledge is not an agreement between institutions (SPEC §1)."""
    start = min([trigger.start] + [a.start for a in trigger.agreements])
    end = max([trigger.end] + [a.end for a in trigger.agreements])
    subject = sentence[_clause_start(sentence, start):start]
    who = _PRIVATE_SUBJECT.search(subject)
    if who and not _ATTENDING_ONLY.search(subject[:who.start()]):
        return True
    if re.match(r"(?i:di)", trigger.text) and _PRIVATE_AGENT.match(sentence[trigger.end:]):
        return True  # "kesepakatan bersama yang ditandatangani calon gubernur pada 2016"
    tail = sentence[end:end + 120]
    if _TO_COUNTED_PERSONS.match(tail):
        return True  # "menyodorkan kontrak kerja sama pengabdian kepada 751 PPPK": contracts with persons, one each
    doc_end = max((a.end for a in trigger.agreements), default=None)
    if doc_end is not None and doc_end <= trigger.start \
            and re.match(r"[\s)]*(?:\([^)]*\)\s*)?(?:antara|dengan|bersama)\b", sentence[doc_end:], re.IGNORECASE) \
            and _PERSON_COUNTERPART.search(sentence[doc_end:trigger.start]):
        return True  # "MoU antara Apdesi X dan advokat Nurul Hidayah tersebut ditandatangani ...": the passive's sides
    return bool(re.match(r"[\s)]*(?:\([^)]*\)\s*)?(?:antara|dengan|bersama)\b", tail, re.IGNORECASE)
                and _PERSON_COUNTERPART.search(tail))


# The document's other side persons by their count: "... kontrak kerja sama kepada 751 Pegawai Pemerintah ...".
_TO_COUNTED_PERSONS = re.compile(rf"[\s)]*(?:\([^)]*\)\s*)?(?:[a-z]+\s+){{0,3}}?(?:kepada|dengan|bersama)\s+(?:para\s+)?"
                                 rf"{_COUNTED_PERSONS}", re.IGNORECASE)


_FORMAL_VERB = re.compile(r"\b(?:tertuang|dituangkan|diwujudkan|dikukuhkan|diresmikan|diformalkan|diikat|ditandai)\s+"
                          r"(?:dalam|melalui|lewat|dengan)\s+(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)


# "kelanjutan dari MoU (Nota Kesepahaman) yang sudah dibuat tanggal 3 September 2020", "pelaksanaan dari nota
# kesepahaman antara A dan B ... tertanggal 9 September 2020": an earlier document named with the day it was made.
# "tindak lanjut dari Kesepakatan Bersama antara A dengan B pada 30 Juli 2019 lalu": a document named with a full
# past day of its own ("lalu") reports that earlier signing too.
_MONTH = (r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|"
          r"Desember)")
_DATED_DOC = re.compile(
    # (a stop inside a document's number is no sentence's: "nomor B-014/Q.4/Gs.1/08/2020 ... tertanggal 28 Agustus 2020")
    r"(?:[^.;]|\.(?=\S)){0,200}?\b(tertanggal|(?:yang\s+)?(?:sudah|telah|pernah)\s+(?:dibuat|disusun|ditandatangani|diteken|"
    r"dilakukan|dilaksanakan|disepakati|dijalin)|pada(?=\s+(?:tanggal\s+)?\d{1,2}\s+" + _MONTH +
    r"\s+(?:19|20)\d{2}\s+(?:yang\s+)?lalu\b))\s*,?\s*(?:pada\s+)?(?:tanggal\s+)?(?:\d{1,2}\s+[A-Za-z]+\s+)?"
    r"(?:19|20)\d{2}\b", re.IGNORECASE)


# A signing verb's own day right after it: "... yang diteken pada 29 November 2017", "ditandatangani tahun 2019".
_OWN_DAY_AFTER = re.compile(r"\s+(?:pada\s+)?(?:tanggal\s+)?(?:\d{1,2}\s+" + _MONTH + r"\s+|" + _MONTH +
                            r"\s+|tahun\s+)?(?:19|20)\d{2}\b", re.IGNORECASE)
# A document renewed: "memperpanjang nota kesepahaman dengan X", "perpanjangan MoU", "adendum PKS".
_RENEWING_BEFORE = re.compile(r"\b(?P<verb>memperpanjang|memperbarui|memperbaharui|perpanjangan|pembaruan|pembaharuan|"
                              r"merevisi|revisi|mengganti|menggantikan|adendum|addendum|amandemen)\s+(?:(?:dari|atas)\s+)?"
                              r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_RENEWED_SIGNED = re.compile(r"[^.;]{0,80}?\byang\s+(?:(?:pertama\s+kali|dulu|dahulu|sebelumnya|sudah|telah|pernah)\s+)*"
                             r"(?P<verb>ditandatangani|ditanda\s+tangani|diteken|disepakati)\b", re.IGNORECASE)
_RENEWAL_WORD = re.compile(r"panjang|baru|baharu|revisi|ganti|adendum|addendum|amandemen", re.IGNORECASE)
# "... tiga tahun lalu", "lima tahun silam", "pada 2019": a time past of its own.
_PAST_SPAN_AFTER = re.compile(r"\s+(?:sejak\s+)?(?:\w+\s+)?(?:tahun|bulan)\s+(?:lalu|silam|sebelumnya)\b", re.IGNORECASE)


def _renewed_signings(sentence: str, agreements: list[AgreementMention], triggers: list[Trigger]) -> list[Trigger]:
    """A renewed document named with its own signing and time ("memperpanjang nota kesepahaman dengan Kejari yang
    diteken pada 2019", "menandatangani perpanjangan MoU yang pertama kali diteken tiga tahun lalu"): that signing is
    an earlier one of its own (dev g-03), and the renewal is the act reported. Marks the relative clause's signing
    earlier (adding it where the renewal's verb took the document) and gives a renewing verb its own light trigger
    when the signing word had taken the document. Returns the triggers to add."""
    out: list[Trigger] = []
    if not agreements or not _RENEWAL_WORD.search(sentence):
        return out  # (read for every sentence: most name no renewal)
    for a in agreements:
        renewal = _RENEWING_BEFORE.search(sentence, 0, a.start)
        signed = _RENEWED_SIGNED.match(sentence, a.end) if renewal is not None and not a.weak else None
        if renewal is None or signed is None or not (_OWN_DAY_AFTER.match(sentence, signed.end())
                                                     or _PAST_SPAN_AFTER.match(sentence, signed.end())):
            continue
        at = next((t for t in triggers if t.start == signed.start("verb")), None)
        if at is None:
            out.append(Trigger(signed.start("verb"), signed.end("verb"), signed.group("verb"), agreements=[a],
                               kind="sign", earlier=True))
            continue
        at.earlier = True
        verb = renewal.group("verb")
        if verb and verb.lower().startswith("mem") and not any(
                t.start <= renewal.start("verb") < t.end for t in triggers + out):
            out.append(Trigger(renewal.start("verb"), renewal.end("verb"), verb, agreements=[a], kind="light"))
    return out


_EARLIER_SIGNING = re.compile(r"\s+(?:(?:sebelumnya|terdahulu)\s+(?:yang\s+)?(?:sudah|telah|pernah)|"
                              # "tindak lanjut penandatanganan yang lebih dulu dilakukan A dengan B"
                              r"yang\s+(?:sudah\s+|telah\s+)?lebih\s+(?:dulu|dahulu))\b", re.IGNORECASE)


# "... merupakan tindak lanjut dari kesepahaman serupa pada 2016", "kelanjutan dari MoU sebelumnya tahun 2019".
_CONTINUATION_OF_BEFORE = re.compile(r"\b(?:tindak\s+lanjut|kelanjutan|lanjutan|perpanjangan|pembaruan|pembaharuan)\s+"
                                     r"(?:dari|atas)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_LIKE_DOC_YEAR = re.compile(r"\s+(serupa|sebelumnya|terdahulu)\s+(?:pada\s+)?(?:tahun\s+)?(?:19|20)\d{2}\b", re.IGNORECASE)
# "Kesepakatan Bersama ... antara A dengan B pada 30 Juli 2019 lalu": the earlier document's sides, named.
_SIDES = re.compile(r"\b(?:antara|dengan|oleh)\s", re.IGNORECASE)


def _dated_documents(sentence: str, agreements: list[AgreementMention], used: set[int],
                     triggers: list[Trigger]) -> list[Trigger]:
    """Earlier agreements the sentence names with the day (or year) they were made or signed: each reports that
    signing (SPEC "One event or several": a date reports the act), unless it is cited as a legal basis."""
    out: list[Trigger] = []
    for i, a in enumerate(agreements):
        if i in used or a.weak or any(a in t.agreements for t in triggers):
            continue
        m = _DATED_DOC.match(sentence, a.end)
        if m is None and _CONTINUATION_OF_BEFORE.search(sentence, max(0, a.start - 40), a.start):
            # "tindak lanjut dari kesepahaman serupa pada 2016": the like document before it, by its year
            m = _LIKE_DOC_YEAR.match(sentence, a.end)
        if m is None or _SIGN_RE.search(sentence, a.end, m.start(1)) or \
                m.group(1).lower() == "pada" and (_OTHER_ACTIVITY_BEFORE.search(sentence[max(0, a.start - 40):a.start])
                                                  or not _SIDES.search(sentence, a.end, m.start(1))) or \
                CITED.search(sentence[_clause_start(sentence, a.start):a.start]):
            continue
        group = _coordinated(sentence, agreements, i)
        if any(b.start < m.start(1) for b in agreements[group[-1] + 1:]):
            continue  # the date belongs to a document named nearer to it
        used.update(group)
        out.append(Trigger(m.start(1), m.end(1), m.group(1), agreements=[agreements[j] for j in group], kind="light",
                           earlier=True))
    return out


def _formalised_as(sentence: str, agreements: list[AgreementMention], after: int) -> int | None:
    """The agreement a bare "kerja sama" is said to be written down as, later in its sentence, if any."""
    for i, a in enumerate(agreements):
        if a.start >= after and not a.weak and _FORMAL_VERB.search(sentence[max(after, a.start - 60):a.start]):
            return i
    return None


def renamed(sentence: str) -> Trigger | None:
    """The documents a sentence names again without reporting a signing ("MoU ini diharapkan ...", "perjanjian
    kerja sama tersebut berlaku lima tahun"): another name of the agreement just reported, as a mention that
    creates no event. None when the sentence names none that way, or cites one or names an earlier one."""
    if _EARLIER_DOC.search(sentence):
        return None
    named = [a for a in find_agreements(sentence) if not a.weak and ANAPHORA.match(sentence[a.end:])
             and not NOT_AN_ACT.search(sentence[:a.start]) and not CITED.search(sentence[:a.start])]
    if not named:
        return None
    return Trigger(named[0].start, named[0].end, named[0].text, types=_labels(named), agreements=named,
                   anaphoric=True, creates_event=False, kind="mention", sentence=sentence)


def headline_names(title: str | None) -> Trigger | None:
    """What a headline that reports a signing ("Ketua Ombudsman Tanda Tangani MoU dengan Pemda") calls the
    document, as a mention that creates no event."""
    if not title:
        return None
    named = [t for t in find_triggers(title) if t.creates_event and not t.weak]
    if not named:
        return None
    return Trigger(named[0].start, named[0].end, named[0].text, types=named[0].types, agreements=named[0].agreements,
                   creates_event=False, kind="mention", sentence=title)


# "merupakan tindak lanjut dari MoU ...", "kelanjutan dari nota kesepakatan ...": another, earlier document.
_EARLIER_DOC = re.compile(r"\b(?:tindak\s*lanjut|kelanjutan|lanjutan|sebelumnya|menindaklanjuti)\b", re.IGNORECASE)


def _coordinated(sentence: str, agreements: list[AgreementMention], i: int) -> list[int]:
    """Agreement i and those joined to it by "dan", "serta", "," ("nota kesepakatan dan rencana kerja")."""
    def joined(a: AgreementMention, b: AgreementMention) -> bool:
        gap = sentence[a.end:b.start]
        if re.fullmatch(r"\s*(?:dan|serta)\s+penandatangan\w*\s+", gap, re.IGNORECASE) and \
                _OTHER_ACTIVITY_BEFORE.search(sentence[max(0, a.start - 30):a.start]):
            return False  # "pemaparan perjanjian kinerja dan penandatanganan pakta integritas": only the pakta is signed
        # A document named two ways is one mention with both names: "kesepakatan bersama (MoU)", "Nota
        # Kesepakatan atau MoU", "MOU atau penandatanganan kesepakatan bersama", "Head of Agreement/HoA".
        return bool(re.fullmatch(r"\s*\)?\s*(?:,|dan|serta|sekaligus|&|,\s*dan|(?:atau|dan|sekaligus)\s+"
                                 r"(?:penandatanganan|penandatangan)\s+|atau|/|\(|)\s*\(?\s*", gap,
                                 re.IGNORECASE))

    lo = hi = i
    while lo > 0 and joined(agreements[lo - 1], agreements[lo]):
        lo -= 1
    while hi + 1 < len(agreements) and joined(agreements[hi], agreements[hi + 1]):
        hi += 1
    return list(range(lo, hi + 1))


def _labels(agreements: list[AgreementMention]) -> list[str]:
    """The SPEC labels of some agreement mentions, in SPEC order.

    What the text names the document decides: a generic name ("kerja sama", "kesepakatan") counts only when
    nothing more specific is named, and a bare "kesepakatan" gives "other" only when it is all there is.
    """
    strong = {a.label for a in agreements if not a.weak}
    labels = strong or {a.label for a in agreements}
    if not strong and len(labels) > 1:
        labels.discard("other")
    return [label for label in AGREEMENT_TYPES if label in labels]


def event_labels(triggers: list[Trigger]) -> list[str]:
    """The labels of one event from every mention joined into it (SPEC "Hard cases": Labels).

    A document named two ways, or two documents signed at one ceremony, give every label named
    ("nota kesepakatan dan rencana kerja", an MoU in the lead and its PKS two sentences later); a mention
    that names the agreement only generically ("penandatanganan kerja sama itu") adds a label only when no
    mention of the event names the document.
    """
    triggers = [t for i, t in enumerate(triggers) if not (i and _translated(t, triggers[:i]))]
    basis = [t for t in triggers if _names_basis(t)]
    if basis and any(not t.weak and t.types for t in triggers if t not in basis):
        # "PKS ini merupakan tindak lanjut dari nota kesepahaman antara A dan B": the document this one follows
        # up is another document, not a name of what was signed at this ceremony.
        triggers = [t for t in triggers if t not in basis]
    if any(not _REMARK.search(t.sentence) for t in triggers if t.types):
        # "penandatanganan pakta integritas dan perjanjian kinerja bukan sekadar seremoni": a remark on signings
        # in general names no document of this one when another mention names it.
        triggers = [t for t in triggers if not _REMARK.search(t.sentence)]
    strong = {label for t in triggers if not t.weak for label in t.types}
    labels = strong or {label for t in triggers for label in t.types}
    if not strong and len(labels) > 1:
        labels.discard("other")
    return [label for label in AGREEMENT_TYPES if label in labels]


_OTHER_ACTIVITY_BEFORE = re.compile(r"\b(?:pemaparan|paparan|sosialisasi|penyerahan|pembahasan|evaluasi|penyusunan|"
                                    r"reviu|review|peluncuran|launching|pengukuhan)\s+$", re.IGNORECASE)
_REMARK = re.compile(r"\bbukan\s+(?:sekadar|sekedar|hanya|cuma|semata(?:-mata)?)\s+(?:sebuah\s+)?(?:seremoni|seremonial|"
                     r"formalitas|simbolis|simbol|acara)\b", re.IGNORECASE)
_KB = re.compile(r"(?:naskah\s+)?kesepakatan\s+bersama", re.IGNORECASE)


# A relative clause set off by commas after who it is about: "Wakil Rektor X, Nama, yang meneken PKS mewakili rektor, ..."
APPOSITION_BEFORE = re.compile(r",[ \t]*yang[ \t]+(?:(?:turut|ikut|juga)[ \t]+)?$")
# The relative clause of a document followed up: "yang (sudah|telah|pernah) (kami|kita) ..." before its signing verb
# (group 1: said to be done already).
_DONE_RELATIVE = re.compile(r"\byang\s+(?:(sudah|telah|pernah)\s+)?(?:(?:kami|kita|mereka|kedua\s+(?:belah\s+)?pihak)\s+)?$",
                            re.IGNORECASE)
# A time further on in the clause ("yang telah ditandatangani kedua pihak pada Agustus 2024"): the signing it dates
# is read as its own (an earlier event), not as a basis only cited.
_TIME_LATER_IN_CLAUSE = re.compile(r"\b(?:(?:19|20)\d{2}|" + _MONTH + r"|lalu|silam|sebelumnya|tanggal)\b", re.IGNORECASE)
# "tindak lanjut dari", "kelanjutan dari", "turunan dari", "amanat": what comes next is an earlier document.
_BASIS_BEFORE = re.compile(r"\b(?:tindak\s*lanjut|kelanjutan|lanjutan|turunan|penjabaran|amanat|amanah|payung|"
                           r"berdasarkan|mengacu|merujuk)\s+(?:(?:dari|atas|pada|kepada)\s+)?$", re.IGNORECASE)

# A document that follows up another, as the verb's subject: "Kerja sama ini melanjutkan MoU ...", "PKS ini
# menindaklanjuti MoU ...", "Penandatanganan PKS tersebut menjabarkan nota kesepahaman ..." (an institution that
# follows up an agreement, "Ombudsman bermaksud menindaklanjuti MoU yang telah ditandatangani", may follow up the
# very one the article reports).
_DOCUMENT_FOLLOWS_UP = re.compile(
    r"\b(?:PKS|MoU|perjanjian(?:\s+kerja\s*sama)?|kerja\s*sama|kerjasama|kesepakatan(?:\s+bersama)?|"
    r"nota\s+(?:kesepahaman|kesepakatan)|penandatanganan(?:\s+[\w-]+){0,2})\s+(?:ini|tersebut|itu)\s+"
    r"(?:(?:juga|pun|merupakan|adalah|sekaligus|untuk|guna)\s+)*"
    r"(?:menindaklanjuti|melanjutkan|menjabarkan|mengimplementasikan|melaksanakan)\s+$", re.IGNORECASE)


def _names_basis(mention: Trigger) -> bool:
    """Whether a mention without a signing word names its document as the basis of another ("merupakan tindak
    lanjut dari nota kesepahaman antara A dan B")."""
    return mention.kind in ("relational", "light") and bool(mention.agreements) and bool(
        _BASIS_BEFORE.search(mention.sentence, 0, mention.agreements[0].start))


def _translated(mention: Trigger, earlier: list[Trigger]) -> bool:
    """ "Penandatanganan MoU ..." then "penandatanganan naskah kesepakatan bersama ini ...": a later mention
    that points back and calls the MoU by its Indonesian name, "kesepakatan bersama", names no second document
    (a document first called "kesepakatan bersama" and then "MoU ini" keeps both names: renamed)."""
    return mention.anaphoric and bool(mention.agreements) and all(
        a.label == "komitmen_bersama" and _KB.fullmatch(a.text) for a in mention.agreements) and any(
        "mou" in t.types and not t.weak for t in earlier)


def _echoes(sentence: str) -> list[Trigger]:
    """The signing just read told again as the same thing done by others (see _ECHO_PASSIVE): a signing word of its own
    with no agreement, which only continues the event before it (events.py takes it only right after a signing)."""
    out = [Trigger(m.start("verb"), m.end(), m.group(0)[m.start("verb") - m.start():], kind="sign", creates_event=False,
                   echo=True) for m in _ECHO_PASSIVE.finditer(sentence)]
    for m in _ECHO_ACTIVE.finditer(sentence):
        # ("... turut melakukan agenda serupa yang dilakukan oleh A, B dan C": the passive names the doers)
        if not any(o.start < m.end() + 30 and m.start() < o.end for o in out):
            out.append(Trigger(m.start("verb"), m.end("verb"), m.group("verb"), kind="sign", creates_event=False,
                               echo=True))
    return out


def _dedupe(triggers: list[Trigger]) -> list[Trigger]:
    """A signing word and a light verb reading the same agreement are one trigger."""
    out: list[Trigger] = []
    for t in triggers:
        if t.kind == "continuation":
            out.append(t)
            continue
        # (the renewal of a document and its own earlier signing read off it are two: _renewed_signings)
        same = next((o for o in out if o.kind != "continuation" and o.agreements and t.agreements
                     and o.earlier == t.earlier and
                     {(a.start, a.end) for a in o.agreements} & {(a.start, a.end) for a in t.agreements}), None)
        if same is None:
            out.append(t)
        elif same.kind != "sign" and t.kind == "sign":
            out[out.index(same)] = t
    return out


# "tindak lanjut dari penandatanganan MoU itu", "hasil penandatanganan": the signing is the source of what the
# clause announces, so it came before.
_SOURCE_BEFORE = re.compile(r"\b(?:dari|atas|hasil|pasca|sejak|setelah|usai|seusai|sesudah)\s*$", re.IGNORECASE)


# The predicate of a signing named as a noun, saying it did not take place: "... batal dilaksanakan", "dibatalkan"
# (not one put off to a day: "ditunda hingga Senin" is still to come).
_CALLED_OFF_AFTER = re.compile(r"\b(?:batal|dibatalkan|ditunda|diundur|urung|gagal|belum)\s+(?:dilaksanakan|digelar|dilakukan|"
                               r"terlaksana|diadakan|berlangsung)\b(?!\s+(?:hingga|sampai|ke|pada|menjadi)\b)|\bdibatalkan\b|"
                               # "... yang dijadwalkan Rabu (5/3) ditunda.", "... ditunda hingga waktu yang belum
                               # ditentukan": put off with no new time
                               r"\b(?:ditunda|diundur)\b(?=\s*(?:[.;,]|$|karena|lantaran|akibat|sebab|"
                               r"(?:hingga|sampai)\s+(?:waktu|batas\s+waktu)\s+yang\s+(?:belum|tidak|akan)\s+ditentukan))",
                               re.IGNORECASE)


# "Rencana Pemerintah Aceh meneken MoU ... dengan Murban Energy urung terlaksana": the plan to sign is the subject
# of the sentence, and what it says of the plan is said of the signing.
_PLAN_AS_SUBJECT = re.compile(r"\W*(?:(?-i:[A-Z][A-Z .,'/()-]{1,40}?)\s*[–—-]\s*)?(?:Rencana|Agenda|Jadwal)\s+(?!kerja\b|aksi\b)",
                              re.IGNORECASE)


# A signing put off to a stated time is still to come, so announced (SPEC "Planned"): "ditunda hingga pekan depan",
# "diundur menjadi 12 November", "menunda penandatanganan hingga Desember mendatang". Put off with no new time
# ("penundaan penandatanganan MoU karena mitra belum siap") it is no event.
PUT_OFF_TO = re.compile(
    PUT_OFF + r"(?:pekan|minggu|bulan|tahun|\d|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Januari|Februari|Maret|April|"
    r"Mei|Juni|Juli|Agustus|September|Oktober|November|Desember|besok|lusa|depan)", re.IGNORECASE)


_MEETING = re.compile(r"\b(?:pertemuan|audiensi|rapat|kunjungan|silaturahmi|silaturahim|diskusi|dialog|bertemu)\b",
                      re.IGNORECASE)


def signing_status(sentence: str, trigger_start: int, trigger_end: int) -> str | None:
    """"planned" when the clause announces the signing, "signed" when it reports it done, None if it doesn't say.

    Planned markers ("akan", "rencananya", "dijadwalkan", "targetnya") count in the trigger's own clause, and
    after it until another predicate starts ("MoU yang diteken pada 2021 itu akan berakhir" is signed); a done
    marker after a planned one ("telah dijadwalkan" does not occur that way round; "akan ... yang telah
    menandatangani" does) or right before the signing word ("sempat tertunda" is not) reports it done. A finite
    signing verb with neither ("menandatangani", "diteken") reports the act: news announces a plan in words.
    """
    clause_start = _clause_start(sentence, trigger_start)
    clause_end = _clause_end(sentence, trigger_end)
    # A passive verb has its agreement, and what announces it, before it ("Targetnya, adendum ... itu bisa
    # selesai ditandatangani").
    reach = 120 if sentence[trigger_start:trigger_start + 2].lower() == "di" else 60
    near_before = sentence[max(clause_start, trigger_start - reach):trigger_start]
    after = sentence[trigger_end:clause_end]
    other = re.search(r"\b(?:akan|yang|untuk|agar|sehingga|hingga|sampai|berlaku|berakhir|masa|diharapkan|berharap|"
                      r"ditindaklanjuti|merupakan|menjadi|adalah|bertujuan|dinilai|disebut)\b", after, re.IGNORECASE)
    planned_before = None if _SOURCE_BEFORE.search(near_before) else _last(
        PLANNED, near_before, lambda m: not _OCCASION_TO_COME.search(near_before, 0, m.start()))
    planned_after = PLANNED_AFTER.search(after[:other.start()] if other else after)
    if planned_after and re.search(r",\s*(?:juga|pun|serta|dan|lalu|kemudian)\b", after[:planned_after.start()], re.IGNORECASE):
        planned_after = None  # "Selain penandatanganan pakta integritas, juga bakal dilaksanakan pembinaan": another act
    done = _last(DONE, near_before)
    if done and re.search(r"\b(?:bisa|dapat|harus|akan|bakal|agar|supaya|untuk|segera)\s+$", near_before[:done.start()],
                          re.IGNORECASE):
        done = None  # "bisa selesai tandatangan": a done marker under a modal is still to come
    if done and re.match(r"\s+(?:tertunda|ditunda|molor|mundur|terhambat|tertahan|terkendala|batal)\b", near_before[done.end():],
                         re.IGNORECASE):
        done = None  # "Setelah sempat tertunda, penandatanganan ... bakal terwujud": the delay was, not the signing
    done_adjacent = done is not None and re.fullmatch(r"\W*(?:[\w-]+\W+){0,2}", near_before[done.end():])
    if PUT_OFF_TO.search(sentence, clause_start, clause_end):
        return "planned"
    if planned_before:
        return "signed" if done and done.start() > planned_before.start() else "planned"
    if re.search(r"\bsepakat\s+(?:untuk\s+)?$", near_before, re.IGNORECASE) and not done \
            and _MEETING.search(sentence[:trigger_start]) and not re.search(
            r"\b(?:lalu|kemarin|silam|tadi)\b|\(\d{1,2}/\d{1,2}|\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b",
            sentence[clause_start:clause_end], re.IGNORECASE):
        # "Dalam pertemuan itu kedua pihak sepakat meneken nota kesepahaman": agreed at a meeting to sign, still to
        # come. (News also writes "A dan B sepakat menandatangani MoU" of a signing done: only a meeting's
        # agreement, with no day of the signing, announces one.)
        return "planned"
    if planned_after:
        return "signed" if done_adjacent else "planned"
    held = _WILL_BE_HELD.match(after) if sentence[trigger_start:trigger_end].lower().startswith("penandatangan") else None
    # ("Sempat tertunda beberapa bulan, penandatanganan ... akan terwujud": a done word not at the signing word is
    # another predicate's)
    if held and not done_adjacent and not re.search(r",\s*(?:[\w-]+\s*)?$", held.group(1)):
        return "planned"
    if DONE.search(sentence[clause_start:clause_end]):
        return "signed"
    if _FINITE_SIGN.fullmatch(sentence[trigger_start:trigger_end]) and not _SUBORDINATE.search(near_before):
        return "signed"
    return None


# "sejak perjanjian itu diteken", "jika MoU ditandatangani": the signing is a time or a condition of something
# else, and says nothing of whether it happened.
_SUBORDINATE = re.compile(r"\b(?:sejak|setelah|sesudah|begitu|jika|apabila|bila|kalau|ketika|usai|seusai)\b"
                          r"(?:\s+[\w-]+){0,6}\s*$", re.IGNORECASE)


def in_subordinate_clause(sentence: str, trigger_start: int) -> bool:
    """Whether the signing is what comes before, or the condition of, something else ("Setelah PKS diteken,
    mahasiswa bisa ..."); not "sejak" or "ketika" (a time past, often an earlier signing's) nor a clause that says
    it was before ("setelah sebelumnya dilakukan penandatanganan ...")."""
    clause_start = _clause_start(sentence, trigger_start)
    before = sentence[max(clause_start, trigger_start - 120):trigger_start]
    found = _SUBORDINATE.search(before)
    return found is not None and found.group(0).split()[0].lower() not in ("sejak", "ketika") \
        and not re.search(r"\b(?:sebelumnya|lalu|silam|pernah|dulu|dahulu)\b", sentence, re.IGNORECASE)


_FINITE_SIGN = re.compile(r"menandatangani|menandatanganinya|teken|neken|tandatangani|tanda\s+tangani|ditandatangani|ditandatanganinya|meneken|diteken|"
                          r"ditanda\s+tangani|menanda\s+tangani|"
                          r"menandatangan|bertandatangan|bertanda\s+tangan|membubuhkan\s+tanda\s+tangan",
                          re.IGNORECASE)


def _last(rx: re.Pattern, text: str, keep=None) -> re.Match | None:
    matches = [m for m in rx.finditer(text) if keep is None or keep(m)]
    return matches[-1] if matches else None


# "Pakta integritas untuk bersikap netral dalam Pemilu 2024 mendatang, ditandatangani oleh ...": "mendatang" after an
# occasion of its own (an election, a holiday) says that occasion is still to come, not the signing.
_OCCASION_TO_COME = re.compile(
    r"\b(?:Pemilu|Pemilihan\s+Umum|Pilkada|Pemilukada|Pilgub|Pilbup|Pilwalkot|Pilwako|Pilpres|Pileg|Pilkades|"
    r"Lebaran|Idul\s+Fitri|Idulfitri|Natal|Tahun\s+Baru|Ramadan|Ramadhan|mudik|musim\s+\w+|HUT\s+\w+)"
    r"(?:\s+(?:serentak|legislatif|presiden|kepala\s+daerah))?(?:\s+(?:tahun\s+)?(?:19|20)\d\d)?\s*$", re.IGNORECASE)


def time_in_clause(sentence: str, pos: int) -> bool:
    """Whether the clause from pos on names a time of its own ("yang ditandatangani kedua pihak pada 2023 lalu")."""
    return bool(_TIME_LATER_IN_CLAUSE.search(sentence, pos, _clause_end(sentence, pos)))


def _clause_end(sentence: str, pos: int) -> int:
    """Where the clause holding pos ends: at ";", ", lalu", ", sedangkan", ", kemudian" or a sentence stop."""
    m = re.search(r";|,\s*(?:lalu|kemudian|sedangkan|sementara|namun|dan\s+(?:akan|juga))\b|\.\s", sentence[pos:],
                  re.IGNORECASE)
    return pos + m.start() if m else len(sentence)


# A count of documents right after the signing verb ("meneken 1.468 kerja sama", "menandatangani 765 MoU") and a
# cue that the count is a running total ("tercatat", "hingga akhir Maret", "sepanjang 2022", "sejauh ini").
_COUNTED_DOCUMENTS = re.compile(r"\s+(?:sebanyak\s+)?(?:\d{1,3}(?:[.,]\d{3})+|\d+|puluhan|ratusan|ribuan)\s+(?:buah\s+)?"
                                r"(?:kerja\s*sama|kerjasama|MoU|MoA|PKS|nota|perjanjian|dokumen|naskah|kesepakatan)\b",
                                re.IGNORECASE)
_TALLY_CUE = re.compile(r"\b(?:tercatat|hingga\s+(?:kini|saat\s+ini|sekarang|akhir|awal|pertengahan|tahun|bulan)|"
                        r"sampai\s+(?:kini|saat\s+ini|sekarang|akhir)|sepanjang|sejauh\s+ini|selama\s+(?:ini|\d|setahun|"
                        r"tahun)|total)\b", re.IGNORECASE)
# ("... 3 MoU dengan Universitas Hasanuddin, ...": counterparts named, whose signings are read each)
_NAMED_AFTER_WITH = re.compile(r"\b(?:dengan|bersama|masing-masing)\s+(?:(?:dengan|pihak)\s+)?(?-i:[A-Z])", re.IGNORECASE)
# A document as the clause's subject, right before a verb: "Adendum memperpanjang ...", "MoU ini juga memperbarui ...".
_DOCUMENT_AS_SUBJECT = re.compile(r"(?:^|[,;]\s*|\.\s+)\W*(?:adendum|addendum|MoU|PKS|perjanjian(?:\s+kerja\s*sama)?|"
                                  r"nota\s+(?:kesepahaman|kesepakatan)|kesepakatan|dokumen)(?:\s+(?:ini|itu|tersebut|baru))?"
                                  r"\s+(?:juga\s+|sekaligus\s+)?$", re.IGNORECASE)
# The signing as the time something runs from: "sejak hari pertama perjanjian kerja sama itu diteken".
_FROM_FIRST_DAY = re.compile(r"\b(?:sejak|mulai|semenjak)\s+(?:hari|saat|detik)\s+pertama\s+(?:[\w-]+\s+){0,6}?$", re.IGNORECASE)
# What is still being done before the signing: "yang masih direvisi sebelum diteken".
_PENDING_BEFORE = re.compile(r"\b(?:masih|sedang|tengah)\s+(?:\w+\s+){0,2}?di\w+\s+(?:[\w-]+\s+){0,3}?sebelum\s+$",
                             re.IGNORECASE)
# An indirect question about a signing's time, not yet answered: "kapan ... diteken belum diumumkan".
_WHEN_ASKED = re.compile(r"\bkapan\b", re.IGNORECASE)
_NOT_YET_KNOWN = re.compile(r"\s*,?\s*(?:[\w-]+\s+){0,2}?(?:belum|tidak|tak)\s+(?:\w+\s+)?(?:diumumkan|diketahui|dipastikan|"
                            r"ditentukan|jelas|disebutkan|dijelaskan|dirinci|ditetapkan)\b", re.IGNORECASE)


def _clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding pos begins: after the last ";", "sedangkan", "namun" and the like."""
    cut = 0
    for m in re.finditer(r";|\bsedangkan\b|\bsementara\s+itu\b|\bnamun\b|\bkemudian\b|\bmaka\b|\btetapi\b",
                         sentence[:pos], re.IGNORECASE):
        cut = m.end()
    return cut


_TITLE_LEAD = re.compile(r"\s*(?:tentang|mengenai|terkait|perihal|soal|dalam\s+rangka|untuk|guna)\s+", re.I)
_TITLE_STOP = re.compile(r"\s(?i:antara|dengan|oleh|bersama|yang\s+(?:ditandatangani|diteken|dilakukan)|"
                         r"pada|kemarin|hari\s+ini|senin|selasa|rabu|kamis|jumat|sabtu|minggu)\b"
                         r"|\sdi\s+[A-Z]|\s(?i:bertempat|berlangsung)\b|[,.;:(\"“”]")


def agreement_title(sentence: str, agreement_end: int) -> str | None:
    """What the agreement is about: "tentang peningkatan kualitas pelayanan publik" -> that phrase."""
    rest = sentence[agreement_end:]
    lead = _TITLE_LEAD.match(rest)
    if lead:
        body = rest[lead.end():]
    else:
        # "Rencana Kerja Pelayanan Publik": a capitalised continuation names the agreement.
        m = re.match(r"\s+((?:[A-Z][\w-]*\s*){1,8})", rest)
        if not m or re.match(r"\s*(?:antara|dengan|oleh)\b", rest, re.I):
            return None
        body = m.group(1)
    stop = _TITLE_STOP.search(" " + body)
    title = (" " + body)[: stop.start() if stop else len(body) + 1].strip()
    words = title.split()
    if not 1 <= len(words) <= 20:
        return None
    return title
