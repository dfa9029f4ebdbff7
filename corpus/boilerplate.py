"""The Indonesian boilerplate filter: drop the lines of a news text that are page furniture, not article.

It works line by line and only ever removes whole lines (plus "(Baca juga: ...)" asides inside
a line), so the characters of every line it keeps are unchanged. Each rule matches a whole line
or a short labelled line ("Editor: X"); an article sentence that merely contains a word such as
"bagikan" or "komentar" is kept. Paragraph breaks (blank lines) are kept, runs of them collapse
to one.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Words a share bar is made of; a line of nothing else is a share bar.
_SHARE_WORDS = {
    "bagikan", "bagikan:", "share", "shares", "tweet", "whatsapp", "wa", "facebook", "fb", "twitter", "x",
    "telegram", "line", "linkedin", "pinterest", "reddit", "messenger", "email", "e", "mail", "copy",
    "link", "salin", "tautan", "disalin", "copied", "kirim", "print", "cetak", "this", "on", "via",
    "artikel", "berita", "ini", "ke", "di", "google", "news", "instagram", "tiktok", "youtube", "dan",
    "url", "klik", "untuk", "membagikan", "sebarkan", "komentar", "suka", "like", "0", "share:",
}
_SHARE_STRONG = {"bagikan", "share", "tweet", "whatsapp", "facebook", "twitter", "telegram", "linkedin",
                 "pinterest", "salin", "copy", "sebarkan", "membagikan"}

# A marker introducing links to other articles. Strong markers drop their line whatever follows;
# weak ones only when a colon follows or they stand alone, since "Lihat juga ..." can open a sentence.
_STRONG_MARKER = re.compile(
    r"^[\[(»>*•\-–\s]*(baca\s+juga|baca\s+pula|baca\s+selanjutnya|baca\s+berikutnya|baca\s+berita\s+lainnya"
    r"|berita\s+terkait|artikel\s+terkait|berita\s+lainnya|read\s+also|also\s+read|read\s+more|related\s+news"
    r"|related\s+articles?|baca\s+artikel\s+lainnya|baca\s+selengkapnya)\b\s*(?P<rest>.*)$",
    _I,
)
_WEAK_MARKER = re.compile(
    r"^[\[(»>*•\-–\s]*(baca|lihat\s+juga|simak\s+juga|tonton\s+juga|lihat|simak|terkait|related"
    # a link box's heading run into its first headline: "Jangan Lewatkan: ...", "Pilihan Editor: ..."
    r"|baca\s+lainnya|baca\s+(?:berita|artikel)\s+terkait|(?:lihat|cek|simak)\s+berita\s+lainnya|jangan\s+lewatkan"
    r"|pilihan\s+(?:editor|redaksi)|berita\s+(?:populer|terkini|pilihan)|terpopuler)"
    r"\s*(?P<sep>[:：|»>\-–—]|$)\s*(?P<rest>.*)$",
    _I,
)
# Headings of link boxes that stand alone on their line and are followed by headlines.
_LINK_BOX_HEADINGS = re.compile(
    r"^(berita\s+terkini|terpopuler|berita\s+populer|populer|rekomendasi|rekomendasi\s+untuk\s+anda"
    r"|pilihan\s+untukmu|pilihan\s+editor|pilihan\s+redaksi|terbaru|berita\s+terbaru|artikel\s+lainnya"
    r"|berita\s+pilihan|most\s+popular|trending|topik\s+pilihan)\W*$",
    _I,
)
# "(Baca juga: Judul Lain)" inside a paragraph.
_INLINE_ASIDE = re.compile(
    r"\s*[(\[]\s*(baca\s+juga|baca\s+pula|lihat\s+juga|baca)\s*:[^()\[\]\n]{0,250}[)\]]", _I
)

_FULL_LINE = re.compile(
    r"^(?:"
    # banner placeholders and ad labels
    r"-*\s*(advertisement|advertisment|advertorial|iklan|ads|sponsored|konten\s+bersponsor|ad)\s*-*"
    r"|scroll\s+to\s+(continue|resume)(\s+with)?(\s+content)?|scroll\s+untuk\s+melanjutkan(\s+membaca)?"
    r"|lanjutkan\s+membaca"
    r"|continue\s+reading(\s+below)?|gulir\s+untuk\s+melanjutkan|banner(\s*\d+\s*x\s*\d+)?|\d{2,4}\s*x\s*\d{2,4}"
    r"|headline|daftarkan|lihat\s+foto|lihat\s+semua|selengkapnya|tutup|close|x"
    # comment prompts
    r"|tinggalkan\s+(balasan|komentar|a\s+reply)|komentar|komentari|beri\s+komentar|tulis\s+komentar"
    r"|kirim\s+komentar|posting\s+komentar|lihat\s+komentar|tampilkan\s+komentar|berikan\s+komentar"
    r"|\d+\s+komentar|komentar\s*\(\s*\d+\s*\)|komentar\s+anda|balas|reply|leave\s+a\s+(reply|comment)"
    r"|batalkan\s+balasan|belum\s+ada\s+komentar|jadilah\s+yang\s+pertama\s+berkomentar"
    # WordPress likes
    r"|suka|memuat\.*|loading\.*|like\s+this:?|menyukai\s+ini:?"
    # videos and embeds
    r"|\[gambas:[^\]]*\]|cek\s+video\s+di\s+bawah\s+ini|video\s+pilihan|video\s+terkait|video\s+editor"
    r")\W*$",
    _I,
)

# Short lines that begin with one of these are page furniture whatever follows.
_PREFIXES = re.compile(
    r"^(?:"
    r"simak\s+berita\s+(lainnya|dan\s+artikel|terbaru)|simak\s+breaking\s+news|simak\s+update"
    r"|ikuti\s+(kami|kita|berita|juga|update|saluran|akun|sosial\s+media|instagram|whatsapp|channel)"
    r"|follow\s+(us|kami)|dapatkan\s+(update|berita|informasi|notifikasi)|download\s+aplikasi"
    r"|unduh\s+aplikasi|klik\s+(di\s+sini|disini|link)|gabung\s+(di|ke|dengan)\s+(grup|channel|kanal|saluran)"
    r"|join\s+(our|grup|channel)|baca\s+berita\s+.{0,40}\bdi\s+google\s+news"
    # a subscription's offer: "Baca berita tanpa iklan.", "Gabung Kompas.com+", "Berlangganan sekarang"
    r"|baca\s+berita\s+tanpa\s+iklan|gabung\s+[\w.]+\+|berlangganan\s+(sekarang|di\s+sini|disini)\b"
    r"|(yuk,?\s*)?(simak|tonton|saksikan|lihat|cek)\s+(juga\s+)?video\b"
    r"|(yuk,?\s*)?(simak|tonton|saksikan)\s+juga\b.{0,30}\bvideo"
    r"|copyright\b|hak\s+cipta\b|©|\(c\)\s*\d{4}|all\s+rights\s+reserved"
    r"|alamat\s+email\s+anda\s+tidak\s+akan|ruas\s+yang\s+wajib\s+ditandai|simpan\s+nama,\s+email"
    r"|periksa\s+kembali\s+dan\s+lengkapi\s+data\s+dirimu|data\s+dirimu\s+akan\s+digunakan"
    r"|segera\s+lengkapi\s+data\s+dirimu|banyak\s+orang\s+hebat\s+di\s+sekitar\s+kita"
    r"|artikel\s+ini\s+(telah|sudah)\s+(tayang|terbit|dimuat)|berita\s+ini\s+(telah|sudah)\s+(tayang|terbit)"
    r"|(diposting|dipost|diposkan)\b|posted\s+(on|by|in)\b|published\s+on\b|dipublikasikan\s+pada\b"
    r"|diterbitkan\s+pada\b|(terakhir\s+)?diperbarui\b|last\s+updated\b"
    r"|laporan\s+(wartawan|reporter|koresponden)\b"
    r"|lihat\s+postingan\s+ini\s+di\s+instagram|sebuah\s+kiriman\s+dibagikan\s+oleh|a\s+post\s+shared\s+by"
    r"|view\s+this\s+post\s+on\s+instagram|lihat\s+(kiriman|postingan)\s+ini\s+di"
    r")",
    _I,
)
_PREFIX_MAX_CHARS = 300

# "Editor: X", "Penulis | : | X |", "Redaktur & Reporter : Boy", "Tags: a, b".
_CREDIT_LABEL = (
    r"(?:penulis|editor|penyunting|reporter|pewarta|redaktur|redaksi|kontributor|wartawan|fotografer"
    r"|foto|kategori|sumber|author|writer|oleh|by|penerjemah|alih\s+bahasa|video|grafis|infografis"
    r"|publisher|uploader|editing|produser|narasi|teks|caption)"
)
_CREDIT = re.compile(
    r"^[\s(]*" + _CREDIT_LABEL + r"(?:\s*(?:&|dan|/|,)\s*" + _CREDIT_LABEL + r")*\s*[:|]",
    _I,
)
_CREDIT_MAX_CHARS = 120
# "Sumber: https://penamalut.com/2021/01/12/...": a republished item's source, whose address dates the item when the
# page itself does not (teken.extractors.dates.article_reference reads it); kept.
_DATED_SOURCE = re.compile(r"^\s*(?:sumber|source)(?:\s+(?:berita|artikel))?\s*:\s*https?://\S*/(?:19|20)\d{2}/\d{1,2}/", _I)
# "Foto: Gubernur Sulteng dan Kepala Kejati Sulteng menunjukkan nota kesepakatan yang baru ditandatangani." is a
# photo's caption, a sentence with words of its own (at least four lower-case words), not its credit ("Foto:
# Humas Pemprov Sulteng", "Foto: Antara/Basri Marzuki", "Foto: dok. istimewa").
_PHOTO_CAPTION = re.compile(r"^[\s(]*(?:foto|caption|teks)\s*:\s*(?=(?:\S+\s+){5})(?=(?:.*?\b(?-i:[a-z]{3,})\b){4})", _I)
_TAGS = re.compile(r"^(tags?|tagar|topik|topics?|kata\s+kunci|keywords?|label|labels)\s*[:|]", _I)
_LIKES = re.compile(r"menyukai\s+ini\W*$", _I)
_CAPTION_CREDIT = re.compile(r"©\s*\d{4}\b.{0,60}$")

_DAY = (
    r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_MONTH_WORD = (
    r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:et|ch)?|apr(?:il)?|mei|may|jun(?:i|e)?|jul(?:i|y)?"
    r"|agu(?:stus)?|agt|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?"
    r"|des(?:ember)?|dec(?:ember)?)\.?"
)
# A byline that is only a date: "04 April 2022, 09:15 WIB", "pada 26 Apr 2021, 07:00 WIB",
# "Kamis, 19 November 2020", "ARTIS | 17 Juni 2021 09:54", "Selasa, 10/10/2023 14:05 WIB".
_DATE_BYLINE = re.compile(
    r"^(?:[A-Z][A-Z &]{1,30}\s*\|\s*)?(?:(?:pada|diperbarui|dipublikasikan|diterbitkan|terbit|update|updated"
    r"|published|tanggal)\s*:?\s*)?(?:" + _DAY + r"\s*,?\s*)?"
    r"(?:\d{1,2}\s+" + _MONTH_WORD + r"\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s*[,|-]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:wib|wita|wit|gmt[+\d:]*|utc)?)?\s*$",
    _I,
)

_BYLINE_LINES = 5
_HEADLINE_MAX_CHARS = 160
_MAX_FOLLOWERS = 12


def remove_boilerplate(text: str) -> str:
    """The text without page-furniture lines; kept lines are unchanged, paragraph breaks stay."""
    lines = text.split("\n")
    keep = [True] * len(lines)
    i = seen = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        seen += 1
        verdict = classify_line(line)
        if verdict == "keep" and seen <= _BYLINE_LINES and is_date_byline(line):
            # Only near the top: further down, a date alone heads a step of a chronology.
            verdict = "drop"
        if verdict == "keep":
            i += 1
            continue
        keep[i] = False
        if verdict == "marker":
            # A marker standing alone: the headlines of the linked articles follow on their own lines.
            i = _drop_headlines_after(lines, keep, i + 1)
        else:
            i += 1
    kept = []
    for line, k in zip(lines, keep, strict=True):
        if k:
            line = _INLINE_ASIDE.sub("", line) if "(" in line or "[" in line else line
            kept.append(_cut_inline_teasers(line))
    out = "\n".join(kept)
    out = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", out)
    return out.strip("\n")


# "... di Aula Kantor Wali Kota. Baca juga: Pemprov Riau dan Bank Riau Teken PKS Kredit Usaha Wali Kota X mengatakan":
# a teaser run into a paragraph when the page's line breaks were lost. It runs from the marker over the headline's
# capitalised words (and the small words between them) to the first word in lowercase or its own final stop.
_INLINE_TEASER = re.compile(r"(?<=\S)[ \t]+(?:baca\s+juga|baca\s+pula|read\s+also|also\s+read)[ \t]*:[ \t]*", _I)
_HEADLINE_SMALL_WORDS = frozenset({"dan", "di", "ke", "dari", "untuk", "yang", "dengan", "atau", "&", "vs", "hingga",
                                   "pada", "dalam", "soal", "jadi", "ini", "itu", "bagi", "demi", "oleh"})


def _cut_inline_teasers(line: str) -> str:
    while (m := _INLINE_TEASER.search(line)) is not None:
        end = m.end()
        for word in re.finditer(r"\S+", line[m.end():]):
            core = word.group(0).strip("\"“”'‘’(),:;-–")
            if not core or not (core[0].isupper() or core[0].isdigit() or core.lower() in _HEADLINE_SMALL_WORDS):
                break
            end = m.end() + word.end()
            if word.group(0)[-1] in ".!?":
                break
        line = line[:m.start()] + " " + line[end:].lstrip() if end < len(line) else line[:m.start()]
    return line


def classify_line(line: str) -> str:
    """"keep", "drop", or "marker" (a related-articles marker standing alone) for one stripped line."""
    # trafilatura writes a one-cell table (a common "Baca Juga" box) as "| Baca Juga |".
    line = line.strip("| \t")
    if not line:
        return "drop"
    m = _STRONG_MARKER.match(line)
    if m and len(m.group("rest")) <= _HEADLINE_MAX_CHARS * 2:
        return "marker" if _is_bare(m.group("rest")) else "drop"
    m = _WEAK_MARKER.match(line)
    if m:
        rest = m.group("rest")
        if _is_bare(rest):
            return "marker"
        if m.group("sep") and len(rest) <= _HEADLINE_MAX_CHARS * 2:
            return "drop"
    if _LINK_BOX_HEADINGS.match(line):
        return "marker"
    if _FULL_LINE.match(line):
        return "drop"
    if len(line) <= _PREFIX_MAX_CHARS and _PREFIXES.match(line):
        return "drop"
    if len(line) <= _CREDIT_MAX_CHARS and _CREDIT.match(line) and not _PHOTO_CAPTION.match(line) \
            and not _DATED_SOURCE.match(line):
        return "drop"
    if _TAGS.match(line) and len(line) <= 600:
        return "drop"
    if len(line) <= 80 and _LIKES.search(line):
        return "drop"
    if _is_share_bar(line) or _is_hashtag_line(line):
        return "drop"
    if len(line) <= 200 and _CAPTION_CREDIT.search(line):
        return "drop"
    return "keep"


def is_link_line(line: str) -> bool:
    """A related-article line ("Baca juga: ...", "Jangan Lewatkan: ...") or a link box's heading: it opens its own
    line in any layout, so a text's unwrapping (teken.corpus.clean) never runs it into the paragraph around it."""
    stripped = line.strip("| \t")
    return bool(_STRONG_MARKER.match(stripped) or _WEAK_MARKER.match(stripped) or _LINK_BOX_HEADINGS.match(stripped)) \
        and classify_line(stripped) != "keep"


def is_date_byline(line: str) -> bool:
    """A line that is only a date (and time): a byline at the top, or a heading in a chronology."""
    return len(line) <= 80 and bool(_DATE_BYLINE.match(line))


def _is_bare(rest: str) -> bool:
    return not rest.strip(" :：|»>-–—.")


def _drop_headlines_after(lines: list[str], keep: list[bool], start: int) -> int:
    j, dropped = start, 0
    while j < len(lines) and dropped < _MAX_FOLLOWERS:
        line = lines[j].strip()
        if not line:
            j += 1
            continue
        if not is_headline_like(line):
            break
        keep[j] = False
        dropped += 1
        j += 1
    return j


def is_headline_like(line: str) -> bool:
    """A title of another article, as link boxes list them: short, no closing full stop or colon."""
    if len(line) > _HEADLINE_MAX_CHARS or len(line.split()) > 25:
        return False
    if line.endswith((".", ":", ";", ",")) and not line.endswith("..."):
        return False
    first = line.lstrip("\"'“‘([•-–* ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def _is_share_bar(line: str) -> bool:
    if len(line) > 120:
        return False
    tokens = [t for t in re.split(r"[\s|/•·,;:()\[\]\-–—]+", line.lower()) if t]
    return bool(tokens) and all(t in _SHARE_WORDS for t in tokens) and any(t in _SHARE_STRONG for t in tokens)


def _is_hashtag_line(line: str) -> bool:
    tokens = line.split()
    return bool(tokens) and all(t.startswith("#") and len(t) > 1 for t in tokens)
