"""Cleaning: turn one raw document (HTML or text) into an Article with its main text and metadata.

HTML is decoded (declared charset, else UTF-8, else windows-1252) and handed to trafilatura for
the main text and the metadata (title, date, site, canonical URL); when trafilatura gives
nothing or fails (lxml refuses very deep trees, for one) a plain tag-stripping extraction takes
over. Every text, from HTML or not, then passes the Indonesian boilerplate filter, the language
check and the publication-date search. `clean_document` never raises: whatever goes wrong
becomes `Article.error`, in words.

The cleaned text has one paragraph per block, paragraphs separated by a blank line; evidence
offsets downstream point into exactly this text.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
import unicodedata
from datetime import date
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

from trafilatura import bare_extraction

from teken.corpus.boilerplate import is_link_line, remove_boilerplate
from teken.corpus.dateline import find_publication_date, normalise_date
from teken.corpus.language import detect_language
from teken.corpus.readers import RawDocument, content_problem, decode_bytes
from teken.corpus.settings import DEFAULT_SETTINGS, ReadSettings, describe_bytes
from teken.corpus.urls import normalise_url, unwrap_wayback
from teken.records import Article, stable_article_id

# trafilatura and its helpers log broken pages at ERROR level; with no handler configured,
# Python would print each one on stderr over the progress bar. The article row already says
# what went wrong; a NullHandler keeps the messages for applications that do configure logging.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def clean_document(doc: RawDocument, settings: ReadSettings = DEFAULT_SETTINGS) -> Article:
    """The Article for one raw document; `error` says why when it holds no usable Indonesian text."""
    try:
        return _clean(doc, settings)
    except Exception as exc:
        meta = doc.meta if isinstance(doc.meta, dict) else {}
        return Article(
            article_id=_article_id(meta, None, None, doc),
            input_path=doc.input_path,
            input_record=doc.input_record,
            error=f"cleaning failed: {type(exc).__name__}: {str(exc)[:200]}",
            notes=_notes(meta),
        )


def _notes(meta: dict[str, Any], *more: str) -> str | None:
    """The reader's notes on a document (and the cleaner's), "; "-joined, or None."""
    notes = [n for n in meta.get("notes") or () if isinstance(n, str)] + list(more)
    return "; ".join(notes) or None


def _clean(doc: RawDocument, settings: ReadSettings) -> Article:
    meta: dict[str, Any] = doc.meta if isinstance(doc.meta, dict) else {}
    meta_url = unwrap_wayback(meta["url"]) if isinstance(meta.get("url"), str) else None
    # A page cannot be published after it was fetched: the crawl date (WARC-Date), when known, bounds every
    # publication date read below; else today does.
    latest = _crawl_day(meta.get("crawled"))
    article = Article(
        article_id="",
        input_path=doc.input_path,
        input_record=doc.input_record,
        url=_article_url(meta_url),
        title=meta.get("title") if isinstance(meta.get("title"), str) else None,
        published=normalise_date(meta.get("published"), today=latest),
        notes=_notes(meta),
    )

    def failed(reason: str) -> Article:
        article.article_id = _article_id(meta, article.url, doc.content, doc)
        article.site = article.site or _host(article.url)
        article.text = ""
        article.error = reason
        return article

    if doc.error:
        return failed(doc.error)
    content = doc.content
    if content is None:
        return failed("no content")
    if not isinstance(content, (str, bytes)):
        return failed(f"content is not text or bytes ({type(content).__name__})")
    page_title: str | None = None

    if doc.kind == "html":
        if len(content) > settings.max_html_bytes:
            return failed(f"HTML larger than {describe_bytes(settings.max_html_bytes)} cap")
        problem = content_problem(content)
        if problem:
            return failed(problem)
        charset = meta.get("charset") if isinstance(meta.get("charset"), str) else None
        markup = content if isinstance(content, str) else decode_html(content, charset)
        found = extract_html(markup, meta_url, latest)
        article.url = article.url or _article_url(found.get("url"))
        page_title = found.get("title")
        article.title = article.title or page_title
        article.site = found.get("sitename")
        article.published = article.published or normalise_date(found.get("date"), today=latest)
        text = paragraphs_from_lines(semicolon_lists(join_listed_lines(join_wrapped_lines(unwrap_lines(normalise_text(
            found.get("text") or ""))))))
    else:
        if isinstance(content, bytes):
            problem = content_problem(content)
            if problem:
                return failed(problem)
            content = decode_bytes(content)
        if not content.strip():
            return failed("empty file (whitespace only)")
        # A text hard-wrapped at a fixed width is first put back into its paragraphs (with or without blank
        # lines between them), and a line that plainly runs on into the next is joined to it.
        text = semicolon_lists(join_listed_lines(join_wrapped_lines(unwrap_lines(normalise_text(content)))))
        if "\n\n" not in text:
            # One paragraph a line, as scrapers often write text: make the breaks explicit.
            text = paragraphs_from_lines(text)

    article.published = article.published or find_publication_date(text, today=latest)
    printed_title = _title_as_printed(text, clean_title(article.title, article.site, article.url))
    text = _drop_title_line(text, printed_title)
    if page_title:
        text = _drop_title_line(text, _title_as_printed(text, clean_title(page_title, article.site, article.url)))
    text = remove_boilerplate(text)
    long = len(text)
    text = _truncate(text, settings.max_text_chars)
    if len(text) < long:
        article.truncated = True
        article.notes = _notes(meta, f"text cut to {len(text):,} of {long:,} characters "
                                     f"(the {settings.max_text_chars:,}-character cap)")

    article.site = article.site or _host(article.url)
    article.title = clean_title(article.title, article.site, article.url)
    if article.title and printed_title and printed_title.casefold() != article.title.casefold() \
            and article.title.casefold().startswith(printed_title.casefold()):
        # (only a name after the headline is dropped: the title still opens the page's own; a rubric before it,
        # "Foto : ...", stays, though the body loses the headline line either way)
        article.title = printed_title
    if len(text) < settings.min_text_chars:
        return failed("no article text")
    language, _confidence = detect_language(text)
    article.language = language
    if settings.require_indonesian and language != "id":
        return failed(f"not Indonesian (looks like {language})")
    article.text = text
    article.article_id = _article_id(meta, article.url, doc.content, doc)
    return article


# ----------------------------------------------------------------------------- HTML


def decode_html(data: bytes, http_charset: str | None = None) -> str:
    """HTML text from bytes: HTTP charset, else the page's declaration, else UTF-8, else windows-1252."""
    declared = http_charset
    if not declared:
        head = data[:16384]
        m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
        declared = m.group(1).decode("ascii", "replace") if m else None
    return decode_bytes(data, declared)


def _crawl_day(crawled: object) -> date | None:
    day = normalise_date(crawled) if isinstance(crawled, str) else None
    return date.fromisoformat(day) if day else None


def extract_html(markup: str, url: str | None = None, latest: date | None = None) -> dict[str, str | None]:
    """Main text (one block a line) and metadata of a page: trafilatura, else a plain tag strip.

    The date is htmldate's, with its time and zone ("2020-11-18T20:30:00+0000"), for
    `teken.corpus.dateline.normalise_date` to take the day in Jakarta; `latest` is the last possible day."""
    found: dict[str, str | None] = {}
    try:
        result = bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            fast=True,  # no readability/justext second pass: same text on news pages, half the time
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            # Only dates the page states as its own (meta tags, JSON-LD, <time>, the URL): htmldate's
            # extensive search takes the oldest date anywhere in the text, which in news is often the
            # date of an earlier event. The dateline search below handles pages without metadata.
            # The time and zone are kept, so that the day is Jakarta's (htmldate alone takes the day in
            # the zone the page wrote: "2020-11-18T20:30:00Z" is 19 November in Jakarta).
            date_extraction_params={
                "extensive_search": False,
                "original_date": True,
                "max_date": (latest or date.today()).isoformat(),
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            },
        )
    except Exception:
        result = None
    if result is not None:
        for key in ("text", "title", "date", "sitename", "url"):
            value = getattr(result, key, None)
            found[key] = value if isinstance(value, str) and value.strip() else None
    if not found.get("text"):
        title, text = plain_text_from_html(markup)
        found["text"] = text
        found["title"] = found.get("title") or title
    return found


_DROP_BLOCKS = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|noscript|template|svg|head|nav|footer|header|aside|form|iframe)\b.*?(?:</\1\s*>|$)",
    re.IGNORECASE | re.DOTALL,
)
# Bounded classes ([^<>], {0,n}) keep every pattern linear on junk such as 100,000 "<" in a row.
_BLOCK_TAGS = re.compile(
    r"<\s*/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|article|section|blockquote|pre|dd|dt)\b[^<>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^<>]*>")
_TITLE = re.compile(r"<title\b[^<>]*>([^<]{0,2000})</title\s*>", re.IGNORECASE)


def plain_text_from_html(markup: str) -> tuple[str | None, str]:
    """(title, text) by stripping tags with regular expressions: no tree, so no depth or size limit."""
    m = _TITLE.search(markup[:200_000])
    title = _SPACES.sub(" ", html_lib.unescape(m.group(1))).strip() or None if m else None
    body = _DROP_BLOCKS.sub(" ", markup)
    body = _BLOCK_TAGS.sub("\n", body)
    body = html_lib.unescape(_ANY_TAG.sub(" ", body))
    lines = [_SPACES.sub(" ", ln).strip() for ln in body.split("\n")]
    # Menus and buttons are runs of one or two words; article text comes in sentences.
    lines = [ln for ln in lines if len(ln.split()) >= 4]
    return title, "\n".join(lines)


# ----------------------------------------------------------------------------- text


def normalise_text(text: str) -> str:
    """NFC, Unix line ends, no invisible characters, single spaces, lines stripped, "dengan" written out."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_INVISIBLE)
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return _written_out(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n"))


# "MoU dan PKS degan empat daerah lain", "kerja sama dgn Pemkab": the one word a signing's counterparts hang on,
# shortened or misspelt; every reader of Indonesian reads "dengan". Not the young coconut ("es degan", "kelapa
# degan", "degan muda").
_DENGAN_MISWRITTEN = re.compile(r"(?<![\w-])(?<!kelapa )(?<!es )(?<!air )(?<!buah )(D|d)(?:gn|egan|engn|engna)(?![\w-])"
                                r"(?! (?:muda|hijau|segar|bakar|jeruk|susu)\b)", re.IGNORECASE)


def _written_out(text: str) -> str:
    return _DENGAN_MISWRITTEN.sub(lambda m: ("Dengan" if m.group(1) == "D" else "dengan"), text)


_LINE_ENDS_SENTENCE = re.compile(r"[.!?:;][\"”’')\]]*$")


def unwrap_lines(text: str) -> str:
    """A text hard-wrapped at a fixed width (mail, print and some scrapers cut every line near 70 characters) put
    back into one line a paragraph: a line that ends mid-sentence runs on into the next (never over a blank line).

    Only a text that is wrapped as a whole is unwrapped: most of its lines end mid-sentence, most lines are
    short, and many of those run on into a line that opens in lowercase. Lists of headlines (short lines without
    a full stop, each opening with a capital) and one-paragraph-a-line texts are left as they are.
    """
    lines = text.split("\n")
    filled = [ln for ln in lines if ln.strip()]
    if len(filled) < 6:
        return text
    # lines that follow each other inside a paragraph (a blank line between paragraphs is no wrap)
    pairs = [(a, b) for a, b in pairwise(lines) if a.strip() and b.strip()]
    open_ends = [b for a, b in pairs if not _LINE_ENDS_SENTENCE.search(a)]
    runs_on = sum(b[:1].islower() for b in open_ends)
    short = sum(len(ln) <= 100 for ln in filled)
    if len(pairs) < 3 or len(open_ends) < 0.5 * len(pairs) or short < 0.8 * len(filled) \
            or runs_on < 0.3 * len(open_ends):
        return text
    groups = [[lines[0]]]
    for prev, line in pairwise(lines):
        # (a list item's marker opens its own line: "yaitu:\n1. Kota A\n2. Kabupaten B")
        # (and so does a related-article line, "Baca juga: ...", and the line after it)
        if prev.strip() and line.strip() and not _LINE_ENDS_SENTENCE.search(prev) \
                and not (line[:1] in _BULLETS or _LIST_ITEM.match(line)) and not is_link_line(line) \
                and not is_link_line(prev):
            groups[-1].append(line)
        else:
            groups.append([line])
    return "\n".join(" ".join(group) for group in groups)


# Words no clause ends on: a line that ends on one runs on into the next, whatever that opens with ("antara
# Dinas X dengan\nRSUD Y ..."); a level, street or building word waits for its name ("di Aula Sekretariat
# Daerah Kabupaten\nSikka", "di Pendapa\nRumah Dinas Bupati"). The sentence splitter reads line ends by the
# same words (pipeline/nlp/components.py).
RUN_ON_WORDS = frozenset({
    "dan", "dengan", "antara", "oleh", "serta", "bersama", "kepada", "dari", "di", "ke", "yang", "atau", "untuk",
    "pada", "tentang", "yakni", "yaitu", "para",
    "kabupaten", "provinsi", "kecamatan", "kelurahan", "jalan", "jl", "jln",
    "pendapa", "pendopo", "aula", "gedung", "ruang", "kantor", "hotel", "balai"})

# A paragraph's dateline opens a line however the line before ends: "... ke Seluruh Kecamatan\nUNGARAN – Dinas X
# ...", "Hadir di Kabupaten\nSEMARANG, outlet.com – ..." (a headline ending on a word that waits for a name, then the
# story): the town in capitals and the outlet, then the dash.
DATELINE_OPENING = re.compile(r"[A-Z][A-Z.'’]{2,}(?:[ \t]+[A-Z][A-Z.'’]+){0,3}[ \t]*"
                              r"(?:\([^)\n]{1,40}\)[ \t]*|,[ \t]*[\w.]+(?:[ \t]+[\w.]+){0,2}[ \t]*)?[-–—]{1,2}[ \t]")

# A list item's marker opens its own line however the line before ends ("meliputi:\na. ...\nb. ...", "- ...").
_LIST_ITEM = re.compile(r"(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s")
_BULLETS = "-–•*·▪"


def join_wrapped_lines(text: str) -> str:
    """A line break inside a paragraph where the line plainly runs on is a space: the page was wrapped there,
    not broken. A line runs on when it ends on a word or a comma and the next opens in lowercase ("menandatangani
    nota\nkesepakatan"), when it ends on a word no clause ends on (RUN_ON_WORDS), or when the next line is only the
    day's date in brackets ("Senin\n(3/3/2025)"). A blank line, a list item's marker and a line that ends a
    sentence keep their breaks; a capitalised next line after a bare word (a headline, a caption, a credit)
    keeps it too.

    Without this, the sentence splitter read such a line as running on while the rest of the reading took the
    break for the end of a line, and a signing wrapped inside its sentence was lost.
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        if prev.strip() and line.strip() and _runs_on(prev.rstrip(), line.lstrip()):
            out[-1] = prev.rstrip() + " " + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def _runs_on(prev: str, line: str) -> bool:
    first = line[:1]
    if first in _BULLETS or _LIST_ITEM.match(line) or DATELINE_OPENING.match(line):
        return False
    end = prev[-1:]
    runs = (end.isalnum() or end == ",") and (first.islower() or first == "(" and _DAY_IN_BRACKETS.match(line)) \
        or end.isalpha() and prev.rsplit(None, 1)[-1].lstrip("(\"'“‘").lower() in RUN_ON_WORDS
    # (the last word read off the end, not by a pattern over the whole line: paragraphs are long; a related-article
    # line, and the line after it, open their own lines)
    return bool(runs) and not is_link_line(line) and not is_link_line(prev)


_DAY_IN_BRACKETS = re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)")


# A line that introduces a list of those who sign or watch: "Ketiga pihak yang meneken ... yakni:", "Penandatangan:",
# "Turut menyaksikan:", "Daerah yang hadir:" (not a document's scope, "ruang lingkup ... antara lain:").
_LIST_OF_PARTIES = re.compile(r"\b(?:pihak|penandatangan|penandatanganan|menandatangani|meneken|diteken|ditandatangani|"
                              r"hadir|menyaksikan|disaksikan|instansi|lembaga|daerah|kabupaten|kota|desa|perusahaan|"
                              r"mitra|bank|universitas|sekolah|koperasi|rumah\s+sakit|puskesmas|pesantren|dinas|yayasan|"
                              r"organisasi|perguruan\s+tinggi|kampus|pasangan|kepala\s+daerah|bupati|wali\s*kota|"
                              # the group just counted, named by its count: "Ketiganya adalah:", "Keempatnya yaitu:"
                              r"(?:kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh)nya)\b",
                              re.IGNORECASE)
# A list item's marker: "1.", "2)", "a.", "b)", "-", "•".
_ITEM_MARKER = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|[" + re.escape(_BULLETS) + r"])[ \t]+(?=\S)")


def join_listed_lines(text: str) -> str:
    """A list laid out as lines under a line that introduces it ("Ketiga pihak yang meneken ... yakni:",
    "Penandatangan:", "Turut menyaksikan:") is one sentence with its lead, its items parted by commas (semicolons
    where an item has commas of its own), as a writer would put it in running text: "... yakni: A, diwakili X; B;
    dan C." The reading of lists (signers, witnesses) then sees the items where it sees any list. Items may stand
    on consecutive lines or with blank lines between; a list of fewer than two items, or one under a line that ends
    otherwise, is left as it is."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith(":") and _LIST_OF_PARTIES.search(line):
            items, j = [], i + 1
            while j < len(lines):
                if not lines[j].strip():
                    if j + 1 < len(lines) and _ITEM_MARKER.match(lines[j + 1]):
                        j += 1
                        continue
                    break
                marker = _ITEM_MARKER.match(lines[j])
                if marker is None:
                    break
                # (the last item's joint is written on the item before it: "2. RSJ Sambang Lihum, Banjar; dan")
                item = lines[j][marker.end():].strip().rstrip(";,.").strip()
                items.append(re.sub(r"[;,]?\s+(?:dan|serta)$", "", item).rstrip(";,.").strip())
                j += 1
            after = next((ln for ln in lines[j:] if ln.strip()), "")
            if len(items) >= 2 and all(items) and not any(":" in item or re.search(r"\b(?:dan|serta)$", item)
                                                          for item in items) \
                    and not after.lstrip()[:1].islower():  # (a sentence the list stands inside goes on)
                # ("A, B, dan C" as a writer lists bare names; "A, diwakili X; B; dan C" where an item has commas)
                sep = "; " if any("," in item for item in items) else ", "
                out.append(line.rstrip() + " " + sep.join(items[:-1]) + sep.rstrip() + " dan " + items[-1] + ".")
                i = j
                continue
        out.append(line)
        i += 1
    return "\n".join(out)


# "Dinas Pertanian; Dinas pendidikan; Dinas Kesehatan; dan BPBD", "Dinas PTSP Kota Makassar; Kota Parepare; Kab. Pinrang;
# dan Kab. Sinjai": a list of names parted by semicolons though no item holds a comma of its own (an abbreviation's
# stop, "Kab." or "Prov.Malut", is no end). Writers part such a list by commas as often; the reading of lists (signers,
# a name's shared head, villages) reads the comma, so the list is written with commas.
_ABBREVIATED = r"(?:Kab|Prov|Kec|Kel|Kep|Jl|Dr|dr|Ir|Drs|Prof|St|Hj|H|PT|CV|UD|Ds)\.[ \t]*"
_SEMI_ITEM = rf"(?:{_ABBREVIATED}|[A-Z])(?:{_ABBREVIATED}|[^;,.\n:]|\.(?=\S)){{0,80}}?"
_SEMICOLON_LIST = re.compile(rf"(?:{_SEMI_ITEM};[ \t]+(?:(?:dan|serta)[ \t]+)?){{2,}}(?=[A-Z])")


def semicolon_lists(text: str) -> str:
    """A list parted by semicolons whose items hold no comma, parted by commas (see _SEMICOLON_LIST)."""
    if text.count(";") < 2:
        return text
    return _SEMICOLON_LIST.sub(lambda m: m.group(0).replace(";", ","), text)


def paragraphs_from_lines(text: str) -> str:
    """One paragraph a non-empty line, paragraphs separated by a blank line."""
    return "\n\n".join(ln for ln in text.split("\n") if ln.strip())


def _drop_title_line(text: str, title: str | None) -> str:
    """Without a first line that only repeats the headline (many pages print it inside the body)."""
    if not title or not text:
        return text
    first, _sep, rest = text.partition("\n")
    line, headline = first.strip().casefold(), _SPACES.sub(" ", title).strip().casefold()
    if line == headline or (len(line) >= 20 and headline.endswith(line)):
        return rest.lstrip("\n")
    # a text whose line breaks were lost (one line in all) opens with the headline run into the story's first
    # sentence: "Pemkab Sigi Teken MoU dengan Kejari SIGI – Pemerintah ..."
    if not rest and len(headline) >= 20 and line.startswith(headline + " "):
        story = first.strip()[len(headline):].lstrip()
        if story[:1].isupper() or story[:1].isdigit():
            return story
    return text


_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»]\s+")


def _title_as_printed(text: str, title: str | None) -> str | None:
    """The headline as the text prints it on a line of its own near the top (a rubric or a tagline may come first),
    where the page title adds a name clean_title does not know before or after a separator ("Pemkab X Teken MoU -
    Kabar Terkini"); else the title."""
    if not title or not text:
        return title
    low = title.casefold()
    for raw in [x for x in text[:1200].split("\n") if x.strip()][:5]:
        first = _SPACES.sub(" ", raw).strip()
        line = first.casefold()
        if len(line) < 20 or low == line:
            continue
        if low.startswith(line) and _TITLE_SEPARATORS.match(title, len(first)):
            return title[:len(first)]
        if low.endswith(line) and re.search(_TITLE_SEPARATORS.pattern + "$", title[:len(title) - len(first)]):
            return title[len(title) - len(first):]
    return title


def clean_title(title: str | None, site: str | None, url: str | None) -> str | None:
    """The headline without the site name pages append ("... | merdeka.com", "... - Tribun Solo")."""
    if not title:
        return None
    title = _SPACES.sub(" ", title).strip()
    names = {_squash(n) for n in (site, _host(url)) if n}
    names |= {n.split(".")[0] for n in names if "." in n}
    parts = _TITLE_SEPARATORS.split(title)
    while len(parts) > 1:
        tail = _squash(parts[-1])
        names_site = any(n and (tail in n or (n in tail and len(tail) - len(n) <= 12)) for n in names)
        looks_like_domain = re.search(r"\.(com|id|net|co\.id|org)\b", parts[-1], re.IGNORECASE)
        if not tail or not (names_site or looks_like_domain):
            break
        title = title[: title.rfind(parts[-1])]
        title = re.sub(r"\s+[|\-–—:»]\s*$", "", title).strip()
        parts = parts[:-1]
    return title or None


def _squash(name: str) -> str:
    """A site name reduced to letters and digits: "Today Kapanlagi.com" -> "todaykapanlagicom"."""
    name = name.casefold()
    name = re.sub(r"^www\.", "", name)
    return re.sub(r"[^0-9a-z]+", "", name)


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind("\n\n", 0, limit)
    return text[:cut] if cut > limit // 2 else text[:limit]


# ----------------------------------------------------------------------------- ids and urls


def _article_id(meta: dict[str, Any], url: str | None, content: Any, doc: RawDocument) -> str:
    """The input's id, else a hash of the URL or content; qualified by the reader when it repeats an earlier one."""
    qualifier = meta["id_qualifier"] if isinstance(meta.get("id_qualifier"), str) else ""
    own = meta.get("id")
    if isinstance(own, (str, int)) and not isinstance(own, bool) and str(own).strip():
        return str(own).strip() + qualifier
    usable = content if isinstance(content, (str, bytes)) else None
    return stable_article_id(url, usable, doc.input_path, doc.input_record) + qualifier


def _article_url(url: str | None) -> str | None:
    """The URL as teken records it: normalised (teken.corpus.urls: no tracking parameters, fragment, trailing
    slash, AMP or mobile copy; a Wayback copy's original), or as given when it is no web address."""
    if not url or not url.strip():
        return None
    return normalise_url(url) or url.strip()


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")
