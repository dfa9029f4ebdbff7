"""Signers named as a group, then listed: "... dengan tujuh bank", "Sebelas kepala daerah ... menandatangani".

Real news often names a signing's counterparties first by a count or a collective noun and lists them
afterwards, in the same sentence ("... dengan empat pemda, yakni A, B, C dan D") or in the sentences that
follow ("Universitas-universitas tersebut meliputi A, B ...", "Para kepala daerah itu diantaranya Bupati A,
Wali Kota B ...", "Selain itu, kerja sama juga dilakukan dengan C, D ..."). Every institution in such a list
signs; a region named bare in it ("Tebo, Sarolangun, Kota Jambi") stands for its government, an official
("Bupati Buru") for the institution he heads. A list stops where the text turns to something else; names
after "disaksikan"/"didampingi" in it are witnesses.

Examples: ceremonies.examples.jsonl (the articles whose signers are listed).
"""

from __future__ import annotations

import re

_NUMBER = (r"(?:\d{1,3}|se(?:buah|puluh|belas|ratus)|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|"
           r"sepuluh|sebelas|(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\s+(?:belas|puluh)|"
           r"beberapa|sejumlah|seluruh|semua|para|belasan|puluhan|ke-?\d{1,3})")
_GROUP = (r"(?:pemerintah\s+(?:daerah|kabupaten(?:\s*/\s*kota)?|kota|provinsi)|pemda|pemkab|pemkot|pemprov|daerah|"
          r"kabupaten(?:\s*/\s*kota)?|kota(?:\s*/\s*kabupaten)?|kepala\s+daerah|bupati(?:\s*/\s*wali\s*kota)?|"
          r"wali\s*kota|perguruan\s+tinggi|universitas|kampus|PTN|PTS|bank|perbankan|perusahaan|BUMN|BUMD|"
          r"instansi|institusi|lembaga|kementerian|kementrian|pimpinan\s+kement(?:e)?rian|mitra|koperasi|(?:kepala\s+)?desa|kampung|"
          r"(?:raja\s+)?negeri|nagari|gampong|kampong|"
          r"rumah\s+sakit|RSUD|OPD|SKPD|dinas|sekolah|pesantren|pondok\s+pesantren|organisasi|asosiasi|"
          # health facilities, counted by their kind ("11 fasilitas kesehatan tingkat pertama", "delapan puskesmas")
          r"fasilitas\s+kesehatan(?:\s+tingkat\s+(?:pertama|lanjut(?:an)?))?|faskes|FKTP|FKRTL|puskesmas|klinik|apotek|"
          r"madrasah|konsorsium(?:\s+(?:perbankan|bank|perusahaan|BUMN))?|"
          # villages' enterprises and districts ("dengan sembilan BUMDes", "dengan seluruh kecamatan")
          # (by the village's own name in Sumatera Barat, Papua, Aceh: "tiga BUMNag", "BUMKam", "BUMG")
          r"BUMDes(?:ma)?|BUMNag|BUMKam|BUMG|badan\s+usaha\s+milik\s+(?:desa|nagari|kampung|gampong)|kecamatan|"
          r"satuan\s+kerja|perangkat\s+daerah|kantor|stakeholder|pemangku\s+kepentingan|pihak)")
# "dengan tujuh bank", "Sebelas kepala daerah kabupaten/kota", "beberapa pimpinan kementrian".
# "MoU dengan bupati dan wali kota se-Jawa Tengah", "antara Ombudsman dan pemerintah kabupaten/kota se-Provinsi
# Riau": a signer's counterparts, every one of a region's members (the match ends at the group's noun). Not any "se-"
# group: "dihadiri camat se-Kabupaten X" only attends.
COUNTED_GROUP = rf"\b{_NUMBER}\s+(?:orang\s+|buah\s+|unit\s+)?{_GROUP}\b"  # "sembilan pemerintah daerah"
GROUP_PHRASE = re.compile(COUNTED_GROUP + r"|"
                          # "dengan konsorsium perbankan dan lembaga penjaminan": a consortium, its members listed after
                          r"\b(?:dengan|antara|bersama)\s+konsorsium\b|"
                          rf"\b(?:dengan|antara|bersama)\s+(?:(?:para|seluruh|semua)\s+)*"
                          rf"(?:{_GROUP}\s*(?:dan|serta|&|/)\s*(?:para\s+)?)?{_GROUP}"
                          r"(?=\s+se-?\s*(?:Provinsi\s+|Prov\.\s*|Kabupaten\s+|Kab\.\s*)?(?-i:[A-Z])|"
                          # "dengan pemerintah daerah di wilayah utara Aceh": the governments of an area (not "dengan
                          # Pemerintah Daerah Kabupaten X", one named)
                          r"(?-i:(?<=[a-z]))\s+di\s+(?:wilayah|kawasan|daerah)\s)", re.IGNORECASE)
# What opens the list itself.
# "Beberapa instansi yang telah menjalin MoU dengan X yaitu ...", "kabupaten/kota yang sudah meneken MoU dengan X
# yakni ...": the members of a group who have signed, a record of their signings (unless the group is the day's own).
GROUP_THAT_SIGNED = re.compile(rf"\b{_GROUP}(?:\s+lain(?:nya)?)?\s+yang\s+(?:telah|sudah)\b", re.IGNORECASE)
LIST_OPENER = re.compile(r"(?:\b(?:yakni|yaitu|ialah|adalah|meliputi|diantaranya|di\s+antaranya|antara\s+lain|misalnya|"
                         r"terdiri\s+(?:dari|atas)|seperti|masing-masing|mencakup)\b|:)", re.IGNORECASE)
# A sentence that carries on the list: "Para kepala daerah itu diantaranya ...", "Universitas-universitas
# tersebut meliputi ...", "Yakni ...", "Selain itu, kerja sama juga dilakukan dengan ...", "Juga
# ditandatangani oleh ...", "Kemudian Bupati A, ...".
CONTINUATION = re.compile(
    r"^\W*(?:(?:Adapun|Para|Keempat|Kelima|Keenam|Ketujuh|Kedelapan|Kesembilan|Kesepuluh|Ke-?\d+|"
    r"[A-Z][\w-]*(?:-[\w]+)?)\s+(?:[\w/-]+\s+){0,6}?(?:tersebut\s+|itu\s+)?"
    r"(?:adalah|yakni|yaitu|ialah|meliputi|diantaranya|di\s+antaranya|antara\s+lain|misalnya|"
    r"terdiri\s+(?:dari|atas))\b|"
    r"(?:Yakni|Yaitu|Diantaranya|Di\s+antaranya|Antara\s+lain|Kemudian|Selanjutnya|Lalu|Juga|Serta)\b|"
    # "... yaitu A, B dan C. Satu lagi D, yang diwakili Sekda.": the list's last members, counted on
    r"(?:Satu|Dua|Tiga|Empat|Lima)\s+(?:lagi|lainnya)\b(?!\s+(?:belum|masih|akan|menyusul))|"
    r"Selain\s+itu,?\s+(?:[\w-]+\s+){0,4}?juga\s+(?:dilakukan|ditandatangani|diteken|dengan|menandatangani)\b|"
    r"[^.]{0,80}\bjuga\s+(?:ditandatangani|diteken)\s+oleh\b)")
# "Adapun delapan Pemda tersebut Pemkot A, Pemkab B ...", "Kelima bank itu: A, B ...": the group named again, its
# members straight after (no "yakni").
GROUP_NAMED_AGAIN = re.compile(rf"^\W*(?:Adapun\s+)?(?:{_NUMBER}\s+|ke(?:dua|tiga|empat|lima|enam|tujuh|delapan|"
                               rf"sembilan|sepuluh)\s+)?{_GROUP}(?:\s+[\w/-]+){{0,4}}?\s+(?:tersebut|itu)\s*[,:]?\s+"
                               r"(?=(?-i:[A-Z]))", re.IGNORECASE)
WITNESS_CLAUSE = re.compile(r"\b(?:disaksikan|menyaksikan|didampingi|mendampingi|dibuka\s+oleh)\b", re.IGNORECASE)


def group_after(sentence: str, start: int, end: int) -> re.Match | None:
    """The group phrase that names a trigger's signers, near the trigger at [start, end) of the sentence."""
    for m in GROUP_PHRASE.finditer(sentence):
        # (bracketed short forms between them do not count: "nota kesepahaman atau Memorandum of Understanding
        # (MoU) antara Pengurus Wilayah Nahdlatul Ulama (PWNU) Jawa Tengah dengan 12 mitra")
        if -120 <= m.start() - end and _unbracketed(sentence, end, m.start()) <= 120 \
                or 0 <= start - m.end() <= 120:
            return m
    return None


def _unbracketed(sentence: str, start: int, end: int) -> int:
    """How many characters lie between two points of a sentence outside brackets."""
    return len(re.sub(r"\([^()]{0,60}\)", "", sentence[start:end])) if end > start else end - start


def is_continuation(sentence: str) -> bool:
    return CONTINUATION.match(sentence) is not None or GROUP_NAMED_AGAIN.match(sentence) is not None
