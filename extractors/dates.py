"""Dates in Indonesian news: every date mention in a text, the one that dates a signing, publication dates.

Rules live here; the sentences they must read (and must not read) live beside them in
``dates.examples.jsonl`` (Duckling-style: the examples file is the test, see tests/test_dates.py).

What a mention resolves to (SPEC §2 ``date``, ``date_precision``, ``date_text``):

* Full dates, numeric or written: "16/12/2021", "16-12-2021", "16/12/21", "16.12.2021", "2021-12-16",
  "16 Desember 2021", "16 Des 2021", "Kamis, 16 Nopember 2021", "16-17 Agustus 2022" (the first day)
  -> day precision, ``relative=False``. When a weekday stands beside a full date and disagrees with it,
  the numbers win.
* Day and month without a year: "Selasa (27/1)", "kemarin (18/11)", "(18/11)", "Kamis, 16 Desember"
  -> the year is taken from the reference (publication) date: among ref-1, ref and ref+1 the years whose
  calendar gives the stated weekday, the one nearest the reference; with no weekday, or when none
  matches, the nearest valid one. The numbers win over a relative word beside them ("kemarin (18/11)").
* Relative day words: kemarin, kemarin lusa, hari ini, tadi pagi, pagi ini, besok, esok hari, lusa, "tiga hari lalu"
  -> day precision. "Senin lalu" / "Senin kemarin" / "Senin (lalu)" -> the most recent Monday strictly
  before the reference; "Senin depan" / "Senin mendatang" -> the next one after it; a bare weekday
  ("pada Senin", "hari Senin") -> by ``prefer``: the most recent on or before the reference ("past"),
  the next on or after it ("future"), or whichever is closer ("nearest").
* Weeks: "pekan lalu", "minggu lalu", "sepekan lalu", "dua pekan lalu", "pekan depan", "akhir pekan lalu".
  A week is not a day, and day precision would be false precision; the dataset has no week precision.
  So a week resolves to the MONTH of the day one week (n weeks) before/after the reference, precision
  "month" ("akhir pekan lalu": the month of last Saturday). An analyst counting signings per month gets
  the right month in all but the straddling weeks, and never a made-up day.
* Months: "bulan lalu", "sebulan lalu", "dua bulan lalu", "bulan ini", "akhir bulan ini", "bulan depan";
  "bulan April 2021", "Desember 2021", "awal Desember 2021" (absolute); "Mei tahun lalu", "Februari tahun
  ini", "Maret lalu" (the latest March not after the reference month), "November mendatang" (the next
  November not before the reference month); a bare month ("bulan November", "pada Juni") -> by
  ``prefer``: "future" = the nearest such month not before the reference month, "past" = the most
  recent not after it, "nearest" = whichever is fewer months away.
* Years: "pada 2019", "tahun 2019", "sejak 2019", "awal 2024", "akhir tahun 2021" (absolute);
  "tahun lalu", "setahun lalu", "dua tahun (yang) lalu", "tiga tahun silam", "tahun ini", "pertengahan
  tahun ini", "tahun depan". Numbers may be written as words (satu .. dua belas).

Not dates (the examples file holds each): vague spans ("beberapa waktu lalu", "beberapa bulan lalu"),
law citations ("Undang-Undang No. 37 Tahun 2008", "Perpres Nomor 76 Tahun 2013", "UU 25/2009"), budget
and school years ("Tahun Anggaran 2022", "APBD tahun 2023", "tahun ajaran 2021/2022"), year ranges
("2019-2024") and decades ("1970-an"), titles ("Catatan Akhir Tahun 2021"), repeated days and lists of
days ("setiap Senin", "Senin-Jumat", "Senin, Rabu, dan Jumat"), programme names ("Jumat Curhat"), clock
times ("pukul 09.00 WIB"), durations ("24 jam", "lima tahun ke depan"), counts, money, percentages,
phone and version numbers, "Covid-19", "PON XX", scores ("2-1").

Which mention dates a signing (``date_for_signing``), in order:
1. Mentions that bound a period, not an occasion, are never the signing's date: a date right after
   "sejak", "semenjak", "hingga", "sampai", "selama", "sepanjang", "berlaku", "mulai", "terhitung", "per".
2. A mention is another occasion's date, and skipped, when between the trigger and it the text turns
   to another agreement or occasion: a continuation or contrast marker ("merupakan tindak lanjut",
   "kelanjutan", "menindaklanjuti", "sebelumnya", "menyusul", "sedangkan", "adapun", ...) followed, on
   the way to the date, by an agreement noun, a signing word or an occasion noun ("Nota Kesepakatan yang
   diteken pada 2019", "rapat koordinasi pada 2019"). A generic noun ("kegiatan", "acara") does not
   turn: "merupakan kelanjutan kegiatan dari dua tahun yang lalu" keeps the date. Also skipped: a date
   in another statement (another sentence, or past ";", "sedangkan", "namun", "adapun") that names an
   agreement or occasion of its own ("MoU ini yang kedua; MoU pertama diteken tahun 2019").
3. The date of a statement is not the signing's: "Kepala X, Senin (9/10), mengatakan ...", "..., kata
   Kepala X, Senin (9/10)." A vague span ("beberapa waktu lalu", "belum lama ini") competes like a date;
   when it ranks first, the signing has no date.
4. Among the rest, a date in the trigger's own clause comes first (clauses split at sentence ends, ";",
   "yang", ", dan", ", serta", "sedangkan", "namun", and the continuation markers); within a clause and
   then across clauses, dates after the trigger come before dates before it, nearest first.
5. If the clause of the chosen date also holds a more precise date compatible with it ("pada 2021,
   tepatnya Kamis (16/12/2021)"), the more precise one is taken.
6. Not the signing's either (SPEC, Hard cases, Date): the end of an agreement's term ("yang berakhir pada
   tahun ini"), though "sejak 2022 melalui penandatanganan" dates it; the day of a forum that follows the
   signing up ("tindak lanjut penandatanganan MoU ..., Jumat (3/6)"), unless the date is tied to the
   agreement ("MoU ... pada 30 Juli 2019"); the day a statement reached the press ("dalam keterangan
   tertulis, Sabtu (3/4)"); the day of a meeting, visit or speech at which a planned signing is announced
   or a signing discussed ("disampaikan dalam audiensi ..., Rabu (9/10)"), unless the date is the
   signing's schedule ("yang akan dilaksanakan Kamis (25/4)"). A deadline ("sebelum tanggal 26 Oktober")
   dates only the month.
7. A signing whose own sentences give no date happened at the occasion the lead reports and takes its day
   (extractors/events.py), except a signing reported as already done ("telah/sudah/pernah menandatangani",
   ``already_done``): the lead's day is then a meeting's or a remark's ("menggelar rapat, Senin (4/9)",
   "“Kami sudah meneken MoU,” kata X, Senin (4/9)"), and dates it only from a sentence that speaks of the
   signing or its document (``dates_signing``).

The reference (``Reference``, ``article_reference``): the publication date; else a full date in the URL
("/2023/01/27/"); else the page's header or dateline date (``page_dates``: "Rabu, 28 November 2018
Reporter: ...", "PONTIANAK, 12 Maret 2024 – ..."), which dates the page and never a signing; else the URL's
month or year; else the years the text names, which date a day and month only when exactly one of them
gives the stated weekday. A date the text reports is never taken as the publication date. Where a written
date and its weekday disagree the numbers stand, except: "kemarin"/"hari ini" beside it tie it to a
day-precise publication date, which decides ("Rabu (18/10), kemarin"); and early in January a date written
with last year's number whose weekday fits the publication year, in the fortnight before publication, is
this year's ("Selasa (10/01/2022)" in a page of 11 January 2023). A date inside a name ("Universitas 17
Agustus 1945") is none.

``prefer`` is the caller's reading of the sentence: the pipeline passes "future" for a planned signing
("Bulan November rencana akan dilakukan MoU" -> the coming November) and "past" for a signed one.
Words inside the mention beat it: "lalu", "kemarin", "silam" are always past; "mendatang", "depan",
"nanti" always future.

``parse_date_string`` reads publication dates as metadata gives them, through teken's one
publication-date parser (``teken.corpus.dateline.normalise_date``): a timestamp with a zone is taken to
Jakarta's day first, since "kemarin" in a Jakarta newsroom means the Jakarta yesterday.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from teken.corpus.dateline import normalise_date

# The days of the week as news writes them capitalised, "Ahad" for Sunday too: a pattern's alternatives.
WEEKDAYS = r"Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad"

__all__ = ["DateMention", "Reference", "article_reference", "bounds_period", "date_for_signing", "date_from_url", "find_dates",
           "other_occasion_date", "page_dates", "parse_date_string", "statement_date"]


@dataclass(frozen=True)
class DateMention:
    """One date mention: where it is, the words, and what it resolves to."""

    start: int  # char offsets in the text passed in
    end: int
    text: str  # the words the date came from, e.g. "kemarin (18/11)", "Mei tahun lalu"
    value: str  # ISO: "2021-12-16" | "2021-04" | "2022"
    precision: str  # "day" | "month" | "year"
    relative: bool  # True when resolved against the reference date


class Reference(datetime.date):
    """A reference date known only as precisely as its source tells: a publication date gives the day; a URL
    such as ``/2024/06/`` gives the month; a URL with the year alone, or the years a text mentions, give a year.

    A plain ``datetime.date`` is a day-precise reference. The anchor of a coarser reference is the last day
    of its month or year, so that nothing inside that month or year counts as after it.

    * ``precision`` "day": every rule resolves against it.
    * ``precision`` "month": relative days and weekdays ("kemarin", "Senin lalu", "pekan lalu") have no
      day to count from and are not read; months and years are ("bulan lalu", "Mei tahun lalu"); a day and
      month without a year ("Selasa (4/6)") take the nearest year, weekday first.
    * ``precision`` "year": a day and month without a year take one of ``years`` only when its calendar
      gives the stated weekday ("Selasa (4/6)" in a 2024 page: 4 June 2024 was a Tuesday); without a
      weekday, or with none matching, there is no date. "tahun lalu" reads against the year unless
      ``guess`` is set.
    * ``guess``: the years come from the text itself (no publication date, no dated URL); nothing relative
      ("tahun lalu", "bulan depan") is read against them, only a day and month whose weekday fixes the year.
    """

    precision: str
    years: tuple[int, ...]
    guess: bool

    def __new__(cls, year: int, month: int = 12, day: int | None = None, *, precision: str = "day",
                years: tuple[int, ...] = (), guess: bool = False) -> Reference:
        if day is None:
            day = calendar.monthrange(year, month)[1]
        self = super().__new__(cls, year, month, day)
        self.precision = precision
        self.years = tuple(years) or (year,)
        self.guess = guess
        return self

    def __repr__(self) -> str:
        return f"Reference({self.isoformat()!r}, precision={self.precision!r}, years={self.years}, guess={self.guess})"


def _precision_of(reference: datetime.date | None) -> str:
    return getattr(reference, "precision", "day") if reference is not None else "day"


# --------------------------------------------------------------------------------------------------
# Vocabulary

_MONTHS_FULL: dict[str, int] = {
    "januari": 1, "january": 1, "februari": 2, "pebruari": 2, "febuari": 2, "february": 2,
    "maret": 3, "march": 3, "april": 4, "mei": 5, "juni": 6, "june": 6, "juli": 7, "july": 7,
    "agustus": 8, "august": 8, "september": 9, "oktober": 10, "october": 10,
    "november": 11, "nopember": 11, "desember": 12, "december": 12,
}
_MONTHS_ABBR: dict[str, int] = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "agt": 8, "agu": 8, "agus": 8, "agust": 8, "ags": 8, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12, "dec": 12,
}
_MONTHS: dict[str, int] = {**_MONTHS_FULL, **_MONTHS_ABBR}

_WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6, "ahad": 6,
}

NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
}


def _alternation(words: list[str]) -> str:
    # Longest first so "agustus" wins over "agus", "dua belas" over "dua".
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_NL = r"(?![^\W_])"  # no letter or digit follows
# Every rule starts with "(?<![^\W_])" (no letter or digit before): besides marking a word start, it lets
# the regex engine give up at once inside words, which makes find_dates several times faster.
_MON_FULL = rf"(?:{_alternation(list(_MONTHS_FULL))}){_NL}"
_MON_ANY = rf"(?:{_alternation(list(_MONTHS_FULL))}|(?:{_alternation(list(_MONTHS_ABBR))})\.?){_NL}"
_WD = rf"(?:senin|selasa|rabu|kamis|jum['’`]?at|sabtu|minggu|ahad){_NL}"
_NUM = rf"(?:{_alternation(list(NUMBER_WORDS))}|\d{{1,2}}){_NL}"
_PRE = r"(?:awal|akhir|pertengahan|medio|penghujung|permulaan)"
_YEAR = r"(?:19|20)\d{2}"
_DAYPART = r"(?:dini\s+hari|pagi|siang|sore|malam)"
_LALU = r"(?:lalu(?!\s+lintas)|kemarin|silam)"
# A year followed by another year or by "-an" (a decade: "1970-an") is a span, not a date.
_RANGE_AFTER = r"(?!\d|[.,]\d|\s*(?:[-–/]|s\.?\s?d\.?|sampai|hingga)\s*\d|-an(?![^\W_]))"

_F = re.IGNORECASE


def _month_number(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _weekday_number(word: str) -> int:
    return _WEEKDAYS[re.sub(r"['’`]", "", word.lower())]


def slipped_day(d: DateMention, ref: datetime.date | None) -> DateMention | None:
    """The publication day, for a signing reported done whose written day is a slip: "Penandatangan ini berlangsung
    ..., Kamis (26/6)" in a story published Thursday 26 April, where 26 June is no Thursday and lies after the
    page itself. The written date stands unless it is impossible (after publication) and its weekday names the
    publication day (SPEC: "hari ini"/"kemarin" tie a signing to the page's date; so does a weekday that is the
    page's own)."""
    if d.precision != "day" or ref is None or getattr(ref, "precision", "day") != "day" \
            or getattr(ref, "guess", False):
        return None
    named = re.search(r"(?<![^\W_])" + _WD, d.text, _F)
    value = datetime.date.fromisoformat(d.value)
    if named is None or value <= ref or value.weekday() == _weekday_number(named.group(0)) \
            or _weekday_number(named.group(0)) != ref.weekday() or (value - ref).days > 120:
        return None
    return DateMention(d.start, d.end, d.text, ref.isoformat(), "day", True)


def _count(word: str | None) -> int:
    if not word:
        return 1
    word = re.sub(r"\s+", " ", word.lower())
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


# --------------------------------------------------------------------------------------------------
# Calendar arithmetic


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _year_for_day_month(day: int, month: int, ref: datetime.date, weekday: int | None,
                        prefer: str) -> datetime.date | None:
    """The year of a day and month printed without one: weekday-consistent and nearest the reference."""
    if _precision_of(ref) == "year":
        return _year_from_weekday(day, month, getattr(ref, "years", (ref.year,)), weekday)
    candidates: list[datetime.date] = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(datetime.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if weekday is not None:
        # The weekday picks the year among those near the reference: "kemarin, Kamis (2/12)" in a page of Friday
        # 4 December 2026 is not 2 December 2027 (a Thursday a year on), but this week's date, its weekday
        # misprinted (SPEC: the numbers stand; "kemarin" then decides).
        matching = [c for c in candidates if c.weekday() == weekday and abs((c - ref).days) <= 300]
        if matching:
            candidates = matching

    def key(c: datetime.date) -> tuple[int, int]:
        # Ties (same distance either side) go the way the caller prefers.
        side = 0 if (c <= ref) == (prefer != "future") else 1
        return abs((c - ref).days), side

    return min(candidates, key=key)


def _year_from_weekday(day: int, month: int, years: tuple[int, ...], weekday: int | None) -> datetime.date | None:
    """A day and month against years known only roughly: the one year among them whose calendar gives the
    weekday ("Kamis (29/12)" in a text about "Catatan Akhir Tahun 2022" and "Pemilu 2024": 2022).

    Without a weekday a single year is taken as it is; two matching years, or none, give no date (a page
    filed under "/2023/" that says "Kamis (12/12)" is not from 2023, and the text does not say which year).
    """
    if weekday is None:
        return _valid_date(years[0], month, day) if len(years) == 1 else None
    matching = [d for y in sorted(set(years)) if (d := _valid_date(y, month, day)) is not None
                and d.weekday() == weekday]
    if not matching:
        # News names the year ahead of the day it reports: the budget year a KUA-PPAS is signed for ("APBD Tahun
        # 2023", agreed in 2022), the new year a signing prepares for ("menjelang tahun baru 2020"). When none of
        # the years named fits the weekday, the year before one of them may.
        matching = [d for y in sorted(set(years) - {y + 1 for y in years}) if (d := _valid_date(y - 1, month, day))
                    is not None and d.weekday() == weekday]
    return matching[0] if len(matching) == 1 else None


def _month_by_preference(month: int, ref: datetime.date, prefer: str) -> tuple[int, int]:
    past_year = ref.year if month <= ref.month else ref.year - 1
    future_year = ref.year if month >= ref.month else ref.year + 1
    if prefer == "future":
        return future_year, month
    if prefer == "nearest":
        past_gap = (ref.year - past_year) * 12 + ref.month - month
        future_gap = (future_year - ref.year) * 12 + month - ref.month
        return (future_year, month) if future_gap < past_gap else (past_year, month)
    return past_year, month


def _weekday_by_preference(weekday: int, ref: datetime.date, prefer: str) -> datetime.date:
    back = (ref.weekday() - weekday) % 7
    forward = (weekday - ref.weekday()) % 7
    if prefer == "future" or (prefer == "nearest" and forward < back):
        return ref + datetime.timedelta(days=forward)
    return ref - datetime.timedelta(days=back)


def _tense(word: str | None) -> int:
    """-1 for words that look back, +1 for words that look ahead, 0 for "ini"."""
    if not word:
        return 0
    word = re.sub(r"\s+", " ", word.lower())
    if word in {"lalu", "kemarin", "silam", "yang lalu", "kemarin lalu"}:
        return -1
    if word in {"ini"}:
        return 0
    return 1  # depan, mendatang, nanti, lagi, yang akan datang


# --------------------------------------------------------------------------------------------------
# Rules: a regex and a resolver each. A resolver returns a _Reading, _BLOCK (the span is a known
# non-date and no other rule may read inside it), or None (this rule does not apply here).


@dataclass(frozen=True)
class _Reading:
    start: int
    end: int
    value: str
    precision: str
    relative: bool


class _Block:
    pass


_BLOCK = _Block()
_Result = _Reading | _Block | None
_Resolver = Callable[[re.Match[str], str, "datetime.date | None", str], _Result]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: _Resolver


def _block(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    return _BLOCK


def _day(start: int, end: int, d: datetime.date, relative: bool) -> _Reading:
    return _Reading(start, end, d.isoformat(), "day", relative)


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?\n\"“”'‘’:(" or before.endswith(("–", "-"))


_NUMBER_LABEL_BEFORE = re.compile(r"(?<![^\W_])(?:nomor|nomer|no|nr)\.?\s*:?\s*[\w./-]*$", _F)
_NUMBER_BEFORE = re.compile(r"(?<![\w.])\d+[a-z]?\s*$", _F)
_FRACTION_BEFORE = re.compile(
    r"(?<![^\W_])(?:\w*per(?:dua|tiga|empat|lima|enam|delapan|sepuluh|seratus)|setengah|separuh|skor|rasio|"
    r"nilai|perbandingan|bagian)\s*$",
    _F,
)
_TIME_OF_DAY = {"pagi", "siang", "sore", "malam", "dini"}


def _resolve_numeric(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    day, month = int(m["d"]), int(m["m"])
    sep, year_text = m["sep"], m["y"]
    weekday_word = m["wd"] or m["wd2"]
    if not (weekday_word or m["rel"]) and _NUMBER_LABEL_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
        return _BLOCK  # "Nomor 05/12/2021", "No. 16/12/2021": a letter or decree number, not a date
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if year_text is None:
        # Day/month alone is only a date when marked as one: in parentheses or beside a weekday or
        # relative word. "3/4" in running text is a fraction or a score.
        if sep != "/" or not (m["lp"] or weekday_word or m["rel"]):
            return None
        if not (weekday_word or m["rel"]) and _FRACTION_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
            return None  # "dua pertiga (2/3) anggaran": a fraction restated in digits
    elif len(year_text) == 2 and sep == ".":
        return None  # "16.12.21" reads as a version number as often as a date
    start = m.start()
    if text[start] == "(":
        start += 1
        while text[start].isspace():
            start += 1
    end = m.end()
    if m["lp"] and not (m["wd"] or m["rel"]) and text[end - 1] == ")":
        end -= 1  # "(16/12/2021)" alone: the date is inside the parentheses
        while text[end - 1].isspace():
            end -= 1
    if year_text is not None:
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if year < 70 else 1900
        if not 1900 <= year <= 2100:
            return None
        d = _valid_date(year, month, day)
        if d is not None and weekday_word:
            d = _new_year_slip(d, _weekday_number(weekday_word), ref)
            if d.weekday() != _weekday_number(weekday_word) and ref is not None and _precision_of(ref) == "day":
                # "Selasa (16/6/2025) kemarin" in a page of Wednesday 18 June: the weekday disagrees with the
                # numbers, and "kemarin" ties the signing to the publication date, which decides (SPEC).
                after = _TIE_AFTER.match(text, end)
                tie = m["rel"] or (after.group(1) if after else None)
                if tie:
                    tied = ref - datetime.timedelta(days=1 if tie.lower().startswith("kemarin") else 0)
                    return _day(start, after.end() if after and not m["rel"] else end, tied, True)
        return _day(start, end, d, False) if d else None
    if ref is None:
        return None  # needs a reference; whatever it covers needs one too
    weekday = _weekday_number(weekday_word) if weekday_word else None
    d = _year_for_day_month(day, month, ref, weekday, prefer)
    if weekday is not None and _precision_of(ref) == "day" and (d is None or d.weekday() != weekday):
        # "Rabu (18/10), kemarin" in a page of Thursday 15 October: the date and its weekday disagree, and
        # "kemarin" ties the signing to the publication date, which decides (SPEC, Hard cases, Date).
        after = _TIE_AFTER.match(text, end)
        tie = m["rel"] or (after.group(1) if after else None)
        if tie:
            tied = ref - datetime.timedelta(days=1 if tie.lower().startswith("kemarin") else 0)
            return _day(start, after.end() if after and not m["rel"] else end, tied, True)
    return _day(start, end, d, True) if d else None


_TIE_AFTER = re.compile(r"\s*,?\s*(kemarin(?!\s+lusa)|hari\s+ini)(?![^\W_])", _F)


def _new_year_slip(d: datetime.date, weekday: int, ref: datetime.date | None) -> datetime.date:
    """ "Selasa (10/01/2022)" in a page of 11 January 2023: early in a year, the old year written by habit.

    Only when the weekday disagrees with the written year, agrees with the publication year, and the date
    then falls in the fortnight before the publication date.
    """
    if ref is None or _precision_of(ref) != "day" or d.weekday() == weekday or d.year != ref.year - 1:
        return d
    moved = _valid_date(ref.year, d.month, d.day)
    if moved is not None and moved.weekday() == weekday and datetime.timedelta(0) <= ref - moved <= \
            datetime.timedelta(days=14):
        return moved
    return d


_NUMERIC = re.compile(
    r"(?<![^\W_])(?:(?P<rel>kemarin(?:\s+lusa)?|hari\s+ini|besok|lusa|tadi(?:\s+(?:pagi|siang|sore|malam))?)\s*,?\s*)?"
    rf"(?:(?:hari\s+)?(?P<wd>{_WD})(?:\s+(?:lalu|kemarin|ini))?(?:\s+{_DAYPART})?\s*,?\s*)?"
    rf"(?P<lp>\(\s*)?(?:(?P<wd2>{_WD})\s*,?\s*)?"
    r"(?<![\w/.:-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?"
    r"(?![\w/]|[.,:-]\d)"
    r"(?(lp)\s*\))",
    _F,
)


def _resolve_iso(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    d = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(m.start(), m.end(), d, False) if d else None


_ISO = re.compile(rf"(?<![\w/.-])(?P<y>{_YEAR})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?![\w/-]|[.,]\d)")


# A date that is part of a name: "Universitas 17 Agustus 1945", "Jalan 17 Agustus", "Stadion 10 November".
_NAME_HEAD_BEFORE = re.compile(
    r"(?<![\w-])(?:Universitas|Univ\.?|Untag|Institut|Sekolah|SMA|SMP|SMK|SD|Yayasan|Jalan|Jl\.?|Gedung|Wisma|Lapangan|"
    r"Stadion|Taman|Monumen|Tugu|Masjid|Pelabuhan|Bandara|Bandar\s+Udara|Kampus|Rumah\s+Sakit|RS|RSUD)[ \t]+$"
)


def _resolve_written(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    day, month = int(m["d"]), _month_number(m["mon"])
    if not 1 <= day <= 31:
        return None
    if not m["wd"] and _NAME_HEAD_BEFORE.search(text[max(0, m.start("d") - 25):m.start("d")]):
        return _BLOCK
    start = m.start() if m["wd"] else m.start("d")
    if m["y"]:
        d = _valid_date(int(m["y"]), month, day)
        if d is not None and m["wd"]:
            d = _new_year_slip(d, _weekday_number(m["wd"]), ref)
        return _day(start, m.end("y"), d, False) if d else None
    abbreviated = m["mon"].lower().rstrip(".") in _MONTHS_ABBR
    if abbreviated and not (m["wd"] or m["tgl"]):
        return None  # "5 Des" without a weekday or "tanggal" is too easily something else
    if ref is None:
        return None
    end = m.end("rel") if m["rel"] else m.end("mon")
    tense = _tense(m["rel"]) if m["rel"] else 0
    local_prefer = "past" if tense < 0 else "future" if tense > 0 else prefer
    weekday = _weekday_number(m["wd"]) if m["wd"] else None
    d = _year_for_day_month(day, month, ref, weekday, local_prefer)
    if d is not None and tense:
        # "16 Desember lalu" is before the reference even if a later one is nearer.
        if tense < 0 and d > ref:
            d = _valid_date(d.year - 1, month, day)
        elif tense > 0 and d < ref:
            d = _valid_date(d.year + 1, month, day)
    return _day(start, end, d, True) if d else None


_WRITTEN = re.compile(
    # "Rabu kemarin, 5 Maret 2025": a relative word between the weekday and the date it names.
    rf"(?<![^\W_])(?:(?:hari\s+)?(?P<wd>{_WD})(?:\s+{_DAYPART})?(?:\s+(?:{_LALU}|yang\s+lalu))?\s*,?\s*)?"
    r"(?:(?P<tgl>tanggal|tgl\.?)\s*)?"
    r"(?<![\w.,/-])(?P<d>\d{1,2})(?:\s*(?:-|–|s\.\s?d\.?|s/d|sampai|hingga|dan)\s*\d{1,2})?"
    rf"\s+(?:bulan\s+)?(?P<mon>{_MON_ANY})"
    rf"(?:\s*,?\s+(?:tahun\s+)?(?P<y>{_YEAR})(?!\d)|"
    rf"\s+(?P<rel>{_LALU}|yang\s+lalu|mendatang|nanti|depan|yang\s+akan\s+datang){_NL})?",
    _F,
)


def _resolve_english(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    d = _valid_date(int(m["y"]), _month_number(m["mon"]), int(m["d"]))
    return _day(m.start(), m.end(), d, False) if d else None


_ENGLISH = re.compile(
    rf"(?<![^\W_])(?P<mon>{_MON_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})(?!\d)", _F
)


def _resolve_month_year(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    return _Reading(m.start(), m.end(), _iso_month(int(m["y"]), _month_number(m["mon"])), "month", False)


_MONTH_YEAR = re.compile(
    rf"(?<![^\W_])(?:{_PRE}\s+)?(?:bulan\s+)?(?P<mon>{_MON_ANY})\s*,?\s*(?:tahun\s+)?(?P<y>{_YEAR}){_RANGE_AFTER}",
    _F,
)


def _resolve_month_relative(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    if ref is None:
        return None
    month = _month_number(m["mon"])
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel.startswith("tahun "):
        year = ref.year + _tense(rel[len("tahun "):])
    elif _tense(rel) == 0:
        year = ref.year  # "Maret ini": March of this year
    else:
        year, _ = _month_by_preference(month, ref, "past" if _tense(rel) < 0 else "future")
    return _Reading(m.start(), m.end(), _iso_month(year, month), "month", True)


_MONTH_RELATIVE = re.compile(
    rf"(?<![^\W_])(?:{_PRE}\s+)?(?:bulan\s+)?(?P<mon>{_MON_FULL})\s+"
    rf"(?P<rel>tahun\s+(?:{_LALU}|yang\s+lalu|ini|depan|mendatang|yang\s+akan\s+datang)|"
    rf"{_LALU}|yang\s+lalu|ini|depan|mendatang|nanti|yang\s+akan\s+datang){_NL}",
    _F,
)


def _resolve_month_bare(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    mon = m["mon"]
    # Without "bulan" a month name needs a cue and a capital: "pada Juni", "akhir Mei"; a bare
    # "Mei" or "April" is as often a person's name.
    if not m["bulan"] and (not (m["cue"] or m["pre"]) or not mon[0].isupper()):
        return None
    start = m.start("pre") if m["pre"] else (m.start("bulan") if m["bulan"] else m.start("mon"))
    if ref is None:
        return None
    year, month = _month_by_preference(_month_number(mon), ref, prefer)
    return _Reading(start, m.end(), _iso_month(year, month), "month", True)


_MONTH_BARE = re.compile(
    rf"(?<![^\W_])(?:(?P<cue>pada|sejak|semenjak|hingga|sampai|mulai|jelang|menjelang|di|dalam|selama|sepanjang|per)\s+)?"
    rf"(?:(?P<pre>{_PRE})\s+)?(?P<bulan>bulan\s+)?(?P<mon>{_MON_FULL})",
    _F,
)


def _title_before(text: str, start: int, span_text: str) -> bool:
    """True when a capitalised year phrase continues a capitalised name: "Catatan Akhir Tahun 2021"."""
    if not span_text[:1].isupper():
        return False
    # "Musyawarah Perencanaan Pembangunan (Musrenbang) Tahun 2019": the name may end in its short form.
    prev = re.search(r"([^\W\d_][\w-]*)\)?[ \t]+$", text[:start])
    if not prev:
        return False
    word = prev.group(1)
    if not word[:1].isupper():
        return False
    if word.isupper() and span_text.isupper():
        return False  # an all-caps headline, not a title inside running text
    return word.lower() not in {"pada", "sejak", "hingga", "sampai", "mulai", "selama", "di", "dalam", "awal",
                                "akhir", "pertengahan", "medio", "jelang", "menjelang"}


_COUNT_NOUN_AFTER = re.compile(
    r"\s+(?:orang|unit|buah|titik|rumah|ekor|meter|m2|km|ton|kg|hektare|hektar|ha|kasus|peserta|desa|sekolah|"
    r"laporan|pengaduan|warga|jiwa|kali|lembar|paket|persen|%)\b",
    _F,
)


def _resolve_year(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    year = int(m["y"])
    if not 1945 <= year <= 2100:
        return None
    if _COUNT_NOUN_AFTER.match(text, m.end()):
        return None
    start = m.start("pre") if m["pre"] else (m.start("tahun") if m["tahun"] else m.start("y"))
    if m["tahun"] and not m["pre"] and _NUMBER_BEFORE.search(text[max(0, start - 30):start]):
        return _BLOCK  # "Nomor 76 Tahun 2013", "UU 23 tahun 2014"
    if _title_before(text, start, text[start:m.end()]):
        return _BLOCK
    if not (m["pre"] or m["tahun"] or m["cue"]) and not _SIGNED_BEFORE_YEAR.search(text, max(0, start - 25), start) \
            and not (_PAST_AFTER_YEAR.match(text, m.end())
                     and not re.search(r"\b(?:sejak|semenjak|hingga|sampai|selama|mulai)\b", text[max(0, start - 25):start], _F)):
        # (a year told as past is a time: "Pada Pilkada 2020 lalu, pakta integritas serupa ..."; not the bound of a
        # period: "bermukim sejak Novembr 2018 lalu")
        return None
    return _Reading(start, m.end(), str(year), "year", False)


_PAST_AFTER_YEAR = re.compile(r"\s+(?:yang\s+)?(?:lalu(?!\s+lintas)|silam)(?![^\W_])", _F)
# A year straight after a passive signing verb is when it was signed: "MoU yang diteken 2019 kini dievaluasi".
_SIGNED_PASSIVE = r"(?:diteken|ditandatangani|ditanda\s+tangani|disepakati|dijalin)"
_SIGNED_BEFORE_YEAR = re.compile(rf"(?<![^\W_]){_SIGNED_PASSIVE}\s+$", _F)


_YEAR_RULE = re.compile(
    rf"(?<![^\W_])(?:(?P<cue>pada|sejak|semenjak|hingga|sampai|mulai|selama|sepanjang|menjelang|jelang|di|dalam|per|"
    rf"periode|era)\s+)?"
    rf"(?:(?P<pre>{_PRE})\s+)?(?P<tahun>tahun\s+)?(?<![\w.,/-])(?P<y>{_YEAR}){_RANGE_AFTER}(?![^\W_])",
    _F,
)


def _resolve_relative_day(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    if ref is None:
        return None
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if word.startswith("kemarin lusa"):
        delta = -2
    elif word.startswith("kemarin"):
        delta = -1
    elif word in {"besok", "esok hari", "besok hari"}:
        delta = 1
    elif word == "lusa":
        delta = 2
    else:
        delta = 0  # hari ini, tadi pagi, siang tadi, pagi ini
    return _day(m.start(), m.end(), ref + datetime.timedelta(days=delta), True)


_RELATIVE_DAY = re.compile(
    r"(?<![\w-])(?:kemarin\s+lusa|kemarin(?!-)|hari\s+ini|besok(?:\s+hari)?|esok\s+hari|lusa|"
    r"tadi\s+(?:pagi|siang|sore)|(?:pagi|siang|sore)\s+tadi|(?:pagi|siang|sore|malam)\s+ini)(?![^\W_])",
    _F,
)


def _minggu_is_sunday(m: re.Match[str], text: str) -> bool:
    """"Minggu" is Sunday after "hari" or capitalised mid-sentence; otherwise "minggu" is a week."""
    if m["hari"]:
        return True
    word = m["wd"]
    return word[0].isupper() and not _sentence_start(text, m.start("wd"))


def _resolve_weekday_relative(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    weekday = _weekday_number(m["wd"])
    if weekday == 6 and m["wd"].lower() == "minggu" and not _minggu_is_sunday(m, text):
        return None
    if ref is None:
        return None
    tense = _tense(m["rel"])
    if tense < 0:
        back = (ref.weekday() - weekday) % 7 or 7
        d = ref - datetime.timedelta(days=back)
    elif tense > 0:
        forward = (weekday - ref.weekday()) % 7 or 7
        d = ref + datetime.timedelta(days=forward)
    else:
        d = ref + datetime.timedelta(days=weekday - ref.weekday())  # "Senin ini": this week's Monday
    return _day(m.start(), m.end(), d, True)


def _resolve_weekday_of_week(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    """ "Kamis pekan depan": that weekday of the next calendar week (weeks start on Monday), not the next Thursday."""
    if ref is None:
        return None
    monday = ref - datetime.timedelta(days=ref.weekday()) + datetime.timedelta(weeks=_tense(m["rel"]))
    return _day(m.start(), m.end(), monday + datetime.timedelta(days=_weekday_number(m["wd"])), True)


_WEEKDAY_OF_WEEK = re.compile(
    rf"(?<![^\W_])(?P<hari>hari\s+)?(?P<wd>{_WD})\s+(?:pekan|minggu)\s+(?P<rel>{_LALU}|yang\s+lalu|depan|ini){_NL}",
    _F,
)


_WEEKDAY_RELATIVE = re.compile(
    rf"(?<![^\W_])(?P<hari>hari\s+)?(?P<wd>{_WD})\s+(?P<lp>\(\s*)?"
    rf"(?P<rel>{_LALU}|yang\s+lalu|depan|mendatang|nanti|ini){_NL}(?(lp)\s*\))",
    _F,
)


_DAY_LINK = r"(?:-|–|s\.?\s?d\.?|s/d|sampai|hingga|dan|atau)"


def _resolve_weekday_bare(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    word = m["wd"]
    if m["cue"] and m["cue"].lower() in {"setiap", "tiap", "saban"}:
        return _BLOCK
    if not m["hari"] and not word[0].isupper():
        return None
    if _weekday_number(word) == 6 and word.lower() == "minggu" and not _minggu_is_sunday(m, text):
        return None
    after = text[m.end():m.end() + 40]
    if re.match(rf"\s*(?:,|,?\s*{_DAY_LINK})\s*(?:hari\s+)?{_WD}", after, _F):
        return _BLOCK  # "Senin-Jumat", "Senin hingga Kamis": a span of days
    if re.search(rf"{_WD}\s*(?:,|,?\s*{_DAY_LINK})?\s*(?:hari\s+)?$",
                 text[max(0, m.start() - 40):m.start()], _F):
        return _BLOCK
    following = re.match(r"\s+([^\W\d_]+)", after)
    if following and following.group(1)[0].isupper() and following.group(1).lower() not in _TIME_OF_DAY:
        return _BLOCK  # "Jumat Curhat", "Jumat Berkah": a programme's name
    if ref is None:
        return None
    start = m.start("hari") if m["hari"] else m.start("wd")
    return _day(start, m.end(), _weekday_by_preference(_weekday_number(word), ref, prefer), True)


_WEEKDAY_BARE = re.compile(
    rf"(?<![^\W_])(?:(?P<cue>setiap|tiap|saban)\s+)?(?<![\w-])(?P<hari>hari\s+)?(?P<wd>{_WD})",
    _F,
)


def _resolve_week(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    unit = m["unit"]
    # "Minggu lalu" mid-sentence and capitalised is Sunday; the weekday rule reads it.
    if (unit.lower() == "minggu" and not m["n"] and not m["pre"] and unit[0].isupper()
            and not _sentence_start(text, m.start("unit"))):
        return None
    count = 1 if m["se"] else _count(m["n"])
    tense = _tense(m["rel"])
    if tense == 0 and (m["n"] or m["se"]):
        return _BLOCK  # "dua pekan ini" is a duration
    if ref is None:
        return None
    if m["pre"] and m["pre"].lower() == "akhir" and tense < 0 and count == 1:
        # "akhir pekan lalu": last weekend, counted from its Saturday.
        back = (ref.weekday() - 5) % 7
        if ref.weekday() >= 5:
            back += 7
        anchor = ref - datetime.timedelta(days=back)
    else:
        anchor = ref + datetime.timedelta(days=7 * count * tense)
    return _Reading(m.start(), m.end(), _iso_month(anchor.year, anchor.month), "month", True)


_WEEK = re.compile(
    rf"(?<![^\W_])(?:(?P<pre>awal|akhir|pertengahan)\s+)?(?:(?P<n>{_NUM})\s+|(?P<se>se))?(?P<unit>pekan|minggu)\s+"
    rf"(?:yang\s+)?(?P<rel>{_LALU}|ini|depan|mendatang|lagi|akan\s+datang){_NL}",
    _F,
)


def _resolve_month_shift(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    count = 1 if m["se"] else _count(m["n"])
    tense = _tense(m["rel"])
    if tense == 0 and (m["n"] or m["se"]):
        return _BLOCK
    if ref is None:
        return None
    year, month = _shift_month(ref.year, ref.month, count * tense)
    return _Reading(m.start(), m.end(), _iso_month(year, month), "month", True)


_MONTH_SHIFT = re.compile(
    rf"(?<![\w-])(?:{_PRE}\s+)?(?:(?P<n>{_NUM})\s+bulan|(?P<se>sebulan)|bulan)\s+"
    rf"(?:yang\s+)?(?P<rel>{_LALU}|ini|depan|mendatang|lagi|akan\s+datang){_NL}",
    _F,
)


def _resolve_year_shift(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    count = 1 if m["se"] else _count(m["n"])
    tense = _tense(m["rel"])
    if tense == 0 and (m["n"] or m["se"]):
        return _BLOCK
    if ref is None:
        return None
    if _title_before(text, m.start(), m.group(0)):
        return _BLOCK
    return _Reading(m.start(), m.end(), str(ref.year + count * tense), "year", True)


_YEAR_SHIFT = re.compile(
    rf"(?<![\w-])(?:{_PRE}\s+)?(?:(?P<n>{_NUM})\s+tahun|(?P<se>setahun)|tahun)\s+"
    rf"(?:yang\s+)?(?P<rel>{_LALU}|ini|depan|mendatang|lagi|akan\s+datang){_NL}",
    _F,
)


def _resolve_day_shift(m: re.Match[str], text: str, ref: datetime.date | None, prefer: str) -> _Result:
    if ref is None:
        return None
    count = 1 if m["se"] else _count(m["n"])
    delta = count * (-1 if _tense(m["rel"]) < 0 else 1)
    return _day(m.start(), m.end(), ref + datetime.timedelta(days=delta), True)


_DAY_SHIFT = re.compile(
    rf"(?<![\w-])(?:(?P<n>{_NUM})\s+hari|(?P<se>sehari))\s+(?:yang\s+)?(?P<rel>{_LALU}|lagi){_NL}", _F
)

# Known non-dates, read as blocks so that no rule reads inside them.
_BLOCKERS: list[str] = [
    # Vague spans: no date to give.
    (r"(?<![\w-])(?:beberapa|sekian|puluhan|belasan|ratusan|berapa)\s+(?:waktu|hari|pekan|minggu|bulan|tahun)\s+"
     r"(?:yang\s+)?(?:lalu|silam|kemarin|terakhir|lagi|ke\s*depan|mendatang|belakangan|ini)(?![^\W_])"),
    r"(?<![\w-])(?:ber(?:tahun|bulan|minggu|hari)-\w+)\s+(?:yang\s+)?(?:lalu|silam)",
    # Durations ahead: "lima tahun ke depan".
    rf"(?<![\w-])(?:{_NUM}|se)\s*(?:hari|pekan|minggu|bulan|tahun)\s+ke\s*depan",
    # Law citations: "Undang-Undang No. 37 Tahun 2008", "Perpres Nomor 76 Tahun 2013", "UU 25/2009".
    rf"(?<![\w-])(?:nomor|nomer|no|nr)\.?\s*:?\s*[\w./-]*\d[\w./-]*\s+tahun\s+{_YEAR}",
    rf"(?<![\w.])\d+[a-z]?\s+tahun\s+{_YEAR}",
    (rf"(?<![\w-])(?:uu|pp|perpres|perppu|perpu|perda|perbup|perwal|perwali|pergub|permen\w*|kepmen\w*|keppres|"
     rf"inpres|perkap|perkapolri|perma|sema|perban|perbawaslu|pkpu)\s*(?:nomor|no\.?)?\s*\d+\s*/\s*{_YEAR}"),
    # Budget, school and fiscal years: a year of accounts, not of an occasion.
    rf"(?<![\w-])tahun\s+(?:anggaran|ajaran|akademik|buku|fiskal|pelajaran)\s+{_YEAR}(?:\s*/\s*(?:19|20)?\d{{2}})?",
    rf"(?<![\w-])T\.?\s?A\.?\s+{_YEAR}(?:\s*/\s*(?:19|20)?\d{{2}})?",
    (rf"(?<![\w-])(?:apbd\w*|apbn\w*|apbdes|dipa|rkpd|rkp|rapbd|rapbn|pagu|dak|dau)(?:\s+perubahan)?\s+"
     rf"(?:tahun\s+)?(?:anggaran\s+)?{_YEAR}"),
    # ... with the region or the document between: "APBD Gorontalo tahun 2024", "KUA-PPAS Perubahan APBD Kabupaten
    # Sigi Tahun 2025".
    (rf"(?<![\w-])(?:apbd\w*|apbn\w*|apbdes|rapbd|kua-ppas|ppas)(?:\s+(?!pada\b|sejak\b|di\b|sebelum\b|hingga\b|"
     rf"sampai\b|sesudah\b|setelah\b|dan\b)[\w.-]+){{1,3}}?\s+tahun\s+(?:anggaran\s+)?{_YEAR}"),
    # Year ranges: a period, not an occasion.
    rf"(?<![\w.,/-]){_YEAR}\s*(?:[-–/]|s\.?\s?d\.?|sampai|hingga)\s*(?:{_YEAR}|\d{{2}})(?!\d)",
    # Repeated days: "setiap Senin", "tiap bulan Desember", "setiap tahun".
    (rf"(?<![\w-])(?:setiap|tiap|saban)\s+(?:hari\s+)?(?:{_WD}|bulan(?:\s+{_MON_FULL})?|{_MON_FULL}|tahun|pekan|minggu|"
     rf"tanggal\s+\d{{1,2}})"),
    # Numbers that are not dates.
    r"(?<![\w-])(?:versi|version|ver\.?|v)\s*\d+(?:\.\d+){1,3}",
    r"(?:\+62|\(0\d{2,4}\)|(?<![\w.])0\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?!\d)",
    r"(?<![\w-])Rp\.?\s*\d[\d.,]*",
    r"(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:%|persen)",
]

_RULES: list[_Rule] = [
    *[_Rule(f"block{i}", re.compile(p, _F), _block) for i, p in enumerate(_BLOCKERS)],
    _Rule("numeric", _NUMERIC, _resolve_numeric),
    _Rule("iso", _ISO, _resolve_iso),
    _Rule("written", _WRITTEN, _resolve_written),
    _Rule("english", _ENGLISH, _resolve_english),
    _Rule("month_year", _MONTH_YEAR, _resolve_month_year),
    _Rule("month_relative", _MONTH_RELATIVE, _resolve_month_relative),
    _Rule("month_bare", _MONTH_BARE, _resolve_month_bare),
    _Rule("year", _YEAR_RULE, _resolve_year),
    _Rule("relative_day", _RELATIVE_DAY, _resolve_relative_day),
    _Rule("weekday_of_week", _WEEKDAY_OF_WEEK, _resolve_weekday_of_week),
    _Rule("weekday_relative", _WEEKDAY_RELATIVE, _resolve_weekday_relative),
    _Rule("weekday_bare", _WEEKDAY_BARE, _resolve_weekday_bare),
    _Rule("week", _WEEK, _resolve_week),
    _Rule("month_shift", _MONTH_SHIFT, _resolve_month_shift),
    _Rule("year_shift", _YEAR_SHIFT, _resolve_year_shift),
    _Rule("day_shift", _DAY_SHIFT, _resolve_day_shift),
]

# A cheap gate: text with no digit and none of these words holds no date, and most sentences are skipped
# without running twenty regexes.
_GATE = re.compile(
    rf"\d|kemarin|hari\s+ini|besok|esok|lusa|tadi|lalu|silam|depan|mendatang|nanti|lagi|ini|{_WD}|{_MON_FULL}",
    _F,
)


# What each rule needs of its reference (see Reference): rules not listed need none.
_NEEDS = {"relative_day": "day", "weekday_relative": "day", "weekday_bare": "day", "week": "day",
          "day_shift": "day", "month_shift": "month", "month_relative": "month", "month_bare": "month",
          "year_shift": "year", "numeric": "any", "written": "any"}
_RANK = {"day": 0, "month": 1, "year": 2}


def _reference_for(rule: str, reference: datetime.date | None) -> datetime.date | None:
    need = _NEEDS.get(rule)
    if reference is None or need is None or need == "any":
        return reference
    if getattr(reference, "guess", False):
        return None
    return reference if _RANK[_precision_of(reference)] <= _RANK[need] else None


def find_dates(text: str, reference: datetime.date | None, prefer: str = "past") -> list[DateMention]:
    """Every date mention in ``text``, non-overlapping, longest match first, in text order.

    Mentions that need a reference date and have none are dropped; absolute ones are still found.
    ``prefer`` ("past", "future", "nearest") settles bare months and weekdays; see the module docstring.
    An article's head is read by several steps (its reference, page dates, the lead's day), so the last
    few readings are kept (the mentions are frozen; each call gets its own list).
    """
    key = (text, type(reference), reference, getattr(reference, "precision", None),
           getattr(reference, "years", None), getattr(reference, "guess", None), prefer)
    return list(_find_dates_cached(key))


@functools.lru_cache(maxsize=256)
def _find_dates_cached(key: tuple) -> tuple[DateMention, ...]:
    text, _, reference, _, _, _, prefer = key
    return tuple(_find_dates(text, reference, prefer))


def _find_dates(text: str, reference: datetime.date | None, prefer: str = "past") -> list[DateMention]:
    if prefer not in {"past", "future", "nearest"}:
        raise ValueError(f"prefer must be 'past', 'future' or 'nearest', not {prefer!r}")
    if not text or not _GATE.search(text):
        return []
    # (start, end, rule order, reading or None for a block)
    found: list[tuple[int, int, int, _Reading | None]] = []
    for order, rule in enumerate(_RULES):
        rule_ref = _reference_for(rule.name, reference)
        for m in rule.pattern.finditer(text):
            result = rule.resolve(m, text, rule_ref, prefer)
            if result is None:
                continue
            if isinstance(result, _Block):
                found.append((m.start(), m.end(), order, None))
            else:
                found.append((result.start, result.end, order, result))
    # Longest first; on equal length the earlier one; then blocks (listed first) before readings.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0], f[2]))
    taken: list[tuple[int, int]] = []
    kept: list[_Reading] = []
    for start, end, _, reading in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        if reading is not None:
            kept.append(reading)
    kept.sort(key=lambda r: r.start)
    return [DateMention(r.start, r.end, text[r.start:r.end], r.value, r.precision, r.relative) for r in kept]


# --------------------------------------------------------------------------------------------------
# The date of one signing


_AGREEMENT_OR_OCCASION = re.compile(
    r"(?<![\w-])(?:nota\s+kesepa(?:haman|katan)|memorandum|mou|m\.o\.u|perjanjian|pks|kontrak|rencana\s+(?:kerja|aksi)|"
    r"komitmen|deklarasi|piagam|kesepakatan|pakta\s+integritas|ad+endum|skb|surat\s+keputusan\s+bersama|"
    r"penandatanganan|ditandatangani|menandatangani|tandatangani|diteken|meneken|teken|neken|"
    r"rapat|rakor|rakornas|rakorda|raker|rakernas|rakerda|pertemuan|kunjungan|audiensi|workshop|lokakarya|"
    r"seminar|webinar|sosialisasi|pelantikan|peresmian|peluncuran|launching|diskusi|fgd|bimtek|pelatihan|"
    r"konferensi|kongres|musyawarah|musrenbang|pameran|upacara|peringatan|pemilu|pilkada)(?![^\W_])",
    _F,
)
_TURN = re.compile(
    r"(?<![\w-])(?:merupakan\s+(?:tindak\s+lanjut|kelanjutan|lanjutan)|(?:sebagai\s+)?tindak\s+lanjut|"
    r"menindaklanjuti|ditindaklanjuti|kelanjutan|lanjutan|sebelumnya|menyusul|melanjutkan|sedangkan|"
    r"sementara\s+itu|adapun|berbeda\s+dengan|selain\s+itu)(?![^\W_])",
    _F,
)
_PERIOD_BEFORE = re.compile(
    # ("periode 2024-2026": the years an agreement covers)
    r"(?<![\w-])(?:sejak|semenjak|hingga|sampai|selama|sepanjang|berlaku|per|mulai|terhitung|s\.?d\.?|"
    r"(?:untuk\s+)?periode)\s+"
    r"(?:dengan\s+)?(?:pada\s+)?"
    r"(?:(?:akhir|awal)\s+)?(?:tanggal\s+|tahun\s+|bulan\s+)?$",
    _F,
)
# The end of an agreement's term is not its signing: "MoU ... yang berakhir pada tahun ini", "telah habis
# masanya dalam masa 5 tahun pada bulan Agustus 2021".
_TERM_END_BEFORE = re.compile(
    r"(?<![\w-])(?:berakhir|berakhirnya|habis|kedaluwarsa|kadaluwarsa|kadaluarsa|jatuh\s+tempo)(?![^\W_])"
    r"[^.;!?]{0,50}?(?<![\w-])(?:pada|di)\s+(?:akhir\s+|awal\s+)?(?:tanggal\s+|tahun\s+|bulan\s+)?$",
    _F,
)
_CLAUSE_BOUNDARY = re.compile(
    r"\n|;(?!\s*(?:No|Nomor)\b)|[.!?](?=\s|$|[\"”’])|[\"“”]"
    r"|,\s*(?:dan|serta|sedangkan|sementara|namun|tetapi|tapi|padahal)(?![^\W_])"
    r"|(?<![\w-])(?:yang|sedangkan|sementara\s+itu|namun|tetapi|adapun|sebelumnya|sejak|semenjak|"
    r"merupakan\s+(?:tindak\s+lanjut|kelanjutan|lanjutan)|tindak\s+lanjut|menindaklanjuti|ditindaklanjuti|"
    r"kelanjutan|menyusul)(?![^\W_])",
    _F,
)
_VAGUE = re.compile(
    r"(?<![\w-])(?:(?:beberapa|sekian)\s+(?:waktu|hari|pekan|minggu|bulan|tahun)\s+(?:yang\s+)?(?:lalu|silam)|"
    r"belum\s+lama\s+ini|baru-baru\s+ini|tempo\s+hari|beberapa\s+waktu\s+(?:sebelumnya|belakangan))(?![^\W_])",
    _F,
)
_SPEECH_VERBS = (r"mengatakan|menyampaikan|menjelaskan|menuturkan|mengungkapkan|menegaskan|menyebutkan|"
                 r"menyebut|memaparkan|berkata|menyatakan|mengaku|mengemukakan|membenarkan|menerangkan")
_SPEECH_AFTER = re.compile(rf"\s*,?\s*(?:{_SPEECH_VERBS})(?![^\W_])", _F)
_SPEECH_BEFORE = re.compile(
    r"(?<![\w-])(?:kata|ujar|ungkap|tutur|jelas|tegas|sebut|papar|ucap|terang|imbuh|tambah|tukas|pungkas|"
    r"katanya|ujarnya|ungkapnya|tuturnya|jelasnya|tegasnya|sebutnya|paparnya|ucapnya|terangnya|imbuhnya|"
    r"tambahnya|tukasnya|pungkasnya)(?![^\W_])[^.!?\"“”]{0,100},\s*$",
    _F,
)
_STRONG_BOUNDARY = re.compile(
    r"[.!?](?=\s+[A-Z\"“])|\n|;(?!\s*(?:No|Nomor)\b)|(?<![\w-])(?:sedangkan|sementara\s+itu|namun|tetapi|adapun)(?![^\W_])", _F
)
_ABBREVIATIONS = {"no", "kep", "kab", "kec", "kel", "prov", "pj", "plt", "dr", "ir", "h", "hj", "drs", "st",
                  "sh", "mh", "jl", "ny", "bpk", "sdr", "prof", "dll", "dsb", "tgl", "kp", "ds", "m", "s"}


def _boundaries(text: str, protected: list[tuple[int, int]]) -> list[int]:
    """Start offsets of clause boundaries, leaving out those inside a date mention or the trigger."""
    positions: list[int] = []
    for m in _CLAUSE_BOUNDARY.finditer(text):
        pos = m.start()
        if any(s <= pos < e for s, e in protected):
            continue
        if m.group(0) == ".":
            word = re.search(r"([^\W\d_]+)$", text[:pos])
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
        positions.append(pos)
    return positions


def _strong_boundaries(text: str, protected: list[tuple[int, int]]) -> list[int]:
    """Where one statement ends and another begins: sentence ends, ";", and contrast words."""
    ends = []
    for m in _STRONG_BOUNDARY.finditer(text):
        pos = m.start()
        if any(s <= pos < e for s, e in protected):
            continue
        word = re.search(r"([^\W\d_]+)$", text[:pos])
        if m.group(0) == "." and word and word.group(1).lower() in _ABBREVIATIONS:
            continue
        ends.append(pos)
    return ends


def _turns_away(stretch: str, toward_end: bool) -> bool:
    """True when ``stretch`` turns to another agreement or occasion on the way to the date.

    ``toward_end``: the date lies after the stretch (a marker then a noun); else before it (a noun then
    the marker that links it back to the trigger).
    """
    for turn in _TURN.finditer(stretch):
        rest = stretch[turn.end():] if toward_end else stretch[:turn.start()]
        if _AGREEMENT_OR_OCCASION.search(rest):
            return True
    return False


def _speech_date(text: str, d: DateMention) -> bool:
    """True for the date of a statement, not of the signing: "Kepala X, Senin (9/10), mengatakan ..."."""
    if _SPEECH_AFTER.match(text, d.end):
        return True
    return bool(_SPEECH_BEFORE.search(text[max(0, d.start - 120):d.start])) and bool(
        re.match(r"\s*(?:[.,!?\"”]|$)", text[d.end:d.end + 3]))


# The signing is what another occasion follows up ("tindak lanjut penandatanganan MoU", "menindaklanjuti
# kesepakatan"): the sentence's dates are the follow-up's, unless one is tied to the agreement ("MoU ...
# pada 30 Juli 2019").
_FOLLOWUP_BEFORE = re.compile(
    r"(?<![\w-])(?:tindak\s*lanjut|menindaklanjuti|tindaklanjut)(?:\s+(?:dari|atas|hasil))?\s*"
    r"(?:(?!(?:dengan|melalui|lewat|berupa|yakni|yaitu)\s)\w+\s+)?$",
    _F,
)
# (a comma, then only spaces, right before: the day set off from the agreement it follows)
_COMMA_BEFORE = re.compile(r",\s*$")
_ON_BEFORE = re.compile(r"(?<![\w-])(?:pada|tanggal|tgl\.?|tertanggal)\s*(?:hari\s+)?\(?\s*$", _F)
# A planned signing announced at another occasion: the occasion's day is not the signing's (SPEC, Hard
# cases, Date), unless the date is the signing's schedule ("yang akan dilaksanakan Kamis (25/4)").
_ANNOUNCING = re.compile(
    r"(?<![\w-])(?:rapat|rakor|audiensi|kunjungan|berkunjung|pertemuan|bertemu|sambutan|konferensi\s+pers|"
    r"jumpa\s+pers|diskusi|dialog|silaturahmi|silaturahim|bersilaturahmi|bersilaturahim|paparan|ekspose|wawancara|"
    r"keterangan\s+(?:pers|tertulis))"
    r"(?![^\W_])",
    _F,
)
# "dijadwalkan meneken nota kesepakatan KUA-PPAS dalam rapat paripurna, Kamis (13/3)": the meeting the signing is
# to take place in, right after the signing's own clause, is its occasion, not one that announces it.
_OWN_OCCASION_BEFORE = re.compile(r"[^.;,!?]{0,100}?(?<![\w-])(?:dalam|pada|saat|melalui)\s+(?:[\w-]+\s+)?$", _F)
_SCHEDULE_BEFORE = re.compile(
    r"(?<![\w-])(?:akan|bakal|dijadwalkan|terjadwal|direncanakan|rencananya|rencana|ditargetkan|targetnya|"
    r"nantinya|insya\s*allah|insyaallah)(?![^\W_])[^.;!?]{0,45}$",
    _F,
)
# "Selasa (8/12) kami akan menandatangani MoU": the day put first, the schedule said right after it.
_SCHEDULE_AFTER = re.compile(r"[^.;!?\"”]{0,25}?(?<![\w-])(?:akan|bakal)(?![^\W_])", _F)
_FUTURE_IN = re.compile(r"(?<![\w-])(?:depan|mendatang|nanti|besok|lusa|esok)(?![^\W_])", _F)
# "sejak tahun 2022 melalui penandatanganan ...": the period began with the signing, which the date dates.
_SINCE_SIGNING = re.compile(
    r"\s*,?\s*(?:melalui|lewat|dengan|ditandai(?:\s+dengan)?|yang\s+ditandai(?:\s+dengan)?)\s+"
    r"(?:(?:di)?tandatangan|penandatangan|peneken|diteken|meneken)",
    _F,
)


# The date of a letter cited by its number: "surat Kepala Kejaksaan Tinggi nomor B-508/L.10/2023 tanggal 18 Oktober".
_LETTER_DATE_BEFORE = re.compile(
    r"(?<![\w-])(?:surat|nota\s+dinas|radiogram|telegram|undangan)(?![\w-])[^.;\n]{0,120}?(?<![\w-])(?:nomor|nomer|no\.?)"
    r"\s*:?\s*[\w/.-]+[^;\n]{0,40}?(?<![\w-])(?:tanggal|tgl\.?|tertanggal)\s*$",
    _F,
)


# "yang sudah ditandatangani sejak Mei 2021", "diteken sejak tahun 2019": the signing verb itself is dated.
_SIGNED_SINCE = re.compile(
    r"(?<![\w-])(?:ditandatangani|ditandatanganinya|diteken|ditanda\s+tangani)\s+(?:sejak|semenjak)\s+"
    r"(?:(?:akhir|awal)\s+)?(?:tanggal\s+|tahun\s+|bulan\s+)?$",
    _F,
)


# The day a statement reached the press: "ujar Dedy dalam keterangan tertulis kepada awak media, Sabtu (3/4)",
# "dalam keterangannya yang diterima di Makassar, Selasa", "dikonfirmasi media, Senin (5/5/2025)".
_STATEMENT_BEFORE = re.compile(
    r"(?<![\w-])(?:keterangan(?:nya)?(?:\s+(?:tertulis|pers|resmi))?|siaran\s+pers|rilis(?:nya)?|press\s+release|"
    r"dikonfirmasi|saat\s+dihubungi|ketika\s+dihubungi|dihubungi|melalui\s+(?:sambungan\s+)?telepon|via\s+(?:telepon|"
    r"whatsapp|wa|pesan\s+singkat)|kepada\s+(?:wartawan|awak\s+media|media|jurnalis))(?![^\W_])[^.;!?\"“”]{0,70}$",
    _F,
)
# A signing discussed at another occasion: "Rencana kerja sama tersebut disampaikan dalam audiensi ...".
_DISCUSSED_AT = re.compile(
    r"(?<![\w-])(?:disampaikan|dibahas|diungkapkan|dikemukakan|dibicarakan|terungkap|mengemuka|dipaparkan|"
    r"dijelaskan|diutarakan)\s+(?:\w+\s+){0,2}?(?:dalam|saat|pada|ketika|di\s*sela(?:-sela)?)\s+(?:\w+\s+){0,2}?"
    r"(?:rapat|rakor|audiensi|kunjungan|pertemuan|sambutan|konferensi\s+pers|jumpa\s+pers|diskusi|dialog|"
    r"silaturahmi|silaturahim|paparan|ekspose|wawancara|acara|kegiatan)(?![^\W_])",
    _F,
)


def statement_date(text: str, start: int) -> bool:
    """True for the day a statement reached the press (see _STATEMENT_BEFORE), not an occasion's day."""
    return bool(_STATEMENT_BEFORE.search(text[max(0, start - 120):start]))


# "kerja sama tersebut telah tertuang dalam PKS", "Dinkes sudah menandatangani PKS": a signing reported as
# already done, by a perfect marker in the clause right before its signing word.
_PERFECT_BEFORE = re.compile(r"(?<![\w-])(?:telah|sudah|pernah)(?![\w-])(?:\s+[\w-]+){0,3}\s*$", _F)
# What a sentence must say for its day to be the day of a signing it does not itself report: the signing, the
# document, or a document's own date ("Nota bernomor ..., tertanggal 28 Agustus 2020").
_SPEAKS_OF_SIGNING = re.compile(
    r"(?<![\w-])(?:\w*tanda\s*tangan\w*|\w*tandatangan\w*|\w*teken\w*|tertanggal|bertanggal|bernomor|"
    r"nota|mou|moa|pks|perjanjian|kesepakatan|kesepahaman|komitmen|pakta|rencana\s+(?:kerja|aksi)|adendum|"
    r"addendum|nphd)(?![\w-])", _F)


def already_done(sentence: str, trigger_start: int) -> bool:
    """True when the signing at ``trigger_start`` is reported as already done ("telah menandatangani",
    "sudah dilakukan penandatanganan", "telah tertuang dalam penandatanganan PKS").

    Such a signing is dated only by what dates it (``date_for_signing``): the lead's day is the day of the
    occasion the article reports, and the signing takes it only from a sentence that speaks of the signing
    (``dates_signing``) other than its own (a date its own sentence gives, ``date_for_signing`` has already
    read or refused: "“Kami sudah meneken MoU dengan X,” kata Bupati, Senin (4/9)" is the remark's day)."""
    return bool(_PERFECT_BEFORE.search(sentence[max(0, trigger_start - 60):trigger_start]))


def dates_signing(sentence: str) -> bool:
    """Whether a sentence speaks of a signing or a signed document, so that its day can be that signing's.

    The lead's day dates a signing reported as already done ("Dinkes telah menandatangani PKS ...") only
    when the day's own sentence speaks of it; a day that stands with a meeting or a remark ("menggelar rapat
    koordinasi, Senin (4/9)", "kata Direktur X, Minggu (9/4)") is that meeting's or that remark's."""
    return bool(_SPEAKS_OF_SIGNING.search(sentence))


_EARLIER_TURN = re.compile(
    r"(?<![\w-])(?:(?:sebagai\s+)?tindak\s*lanjut|menindaklanjuti|kelanjutan|lanjutan|melanjutkan|sebelumnya)"
    r"(?![^\W_])",
    _F,
)


_DEADLINE_BEFORE = re.compile(
    r"(?<![\w-])(?:sebelum|paling\s+lambat|selambat-lambatnya|selambatnya|batas\s+waktu|tenggat(?:\s+waktu)?)\s+"
    r"(?:(?:hari\s+)?(?:tanggal|tgl\.?)\s+)?$",
    _F,
)


def other_occasion_date(text: str, start: int) -> bool:
    """True when the text before a date turns back to an earlier agreement or occasion ("sebagai tindak
    lanjut dari Nota Kesepahaman ... tanggal 30 Nopember 2017", "sebelumnya rapat koordinasi pada ..."):
    the date is that one's. ("Selain itu juga dilaksanakan rapat ..., Minggu, 18 Desember" is the same day.)"""
    stretch = text[:start]
    return any(_AGREEMENT_OR_OCCASION.search(stretch[m.end():]) for m in _EARLIER_TURN.finditer(stretch))


def bounds_period(text: str, start: int, end: int) -> bool:
    """True when the date at [start, end) bounds a period ("sejak 2019", "terhitung sejak 1 Juni 2023",
    "berakhir pada tahun ini") rather than dating an occasion; "sejak 2022 melalui penandatanganan" dates it,
    and so does "MoU yang sudah ditandatangani sejak Mei 2021" (a signing is a moment: signed back then)."""
    if _TERM_END_BEFORE.search(text[max(0, start - 80):start]):
        return True
    before = text[max(0, start - 40):start]
    if re.search(r"\buntuk\s+$", before, re.IGNORECASE) and re.match(r"(?i:tahun)\s", text[start:end]):
        return True  # "memperpanjang perjanjian kerja sama ... untuk tahun 2024": the year it covers
    return bool(_PERIOD_BEFORE.search(before)) and not _SINCE_SIGNING.match(text, end) \
        and not _SIGNED_SINCE.search(before)


# A year that times something ("pada tahun 2022", "sejak 2021", "akhir 2023"), not a year in a name ("APBD tahun
# 2025", "Pilkada 2024").
_YEAR_AS_TIME = re.compile(r"\b(?:pada|sejak|hingga|sampai|selama|awal|akhir|pertengahan|medio|di|dalam|per|tanggal|"
                           rf"{_SIGNED_PASSIVE})"
                           r"\s+(?:(?:bulan\s+)?\w+\s+)?(?:tahun\s+)?$|^\W*(?:tahun\s+)?$", re.IGNORECASE)


# "ditunda hingga Desember mendatang", "diundur menjadi 12 November": the time a signing is put off to is its day,
# not the end of a period (shared with the status reader, agreements.PUT_OFF_TO).
PUT_OFF = (r"\b(?:ditunda|diundur|menunda|mengundurkan|dijadwalkan\s+ulang|penundaan)\b[^.;]{0,100}?"
           r"\b(?:hingga|sampai|ke|menjadi)\s+(?:(?:awal|akhir|pertengahan|tanggal|hari|pada)\s+)?")
_PUT_OFF_BEFORE = re.compile(PUT_OFF + "$", _F)


def date_for_signing(text: str, trigger_start: int, trigger_end: int, reference: datetime.date | None,
                     prefer: str = "past") -> DateMention | None:
    """The date of the signing whose trigger is at [trigger_start, trigger_end) in ``text``, or None.

    Not the date of another occasion in the same sentence; the clause heuristics are in the module
    docstring.
    """
    mentions = find_dates(text, reference, prefer)
    if not mentions:
        return None
    # Vague spans ("beberapa waktu lalu") compete like dates: when the signing's nearest time is vague,
    # the answer is no date rather than a farther, wrong one.
    vague = [m for m in _VAGUE.finditer(text)
             if not any(m.start() < d.end and d.start < m.end() for d in mentions)]
    candidates: list[tuple[int, int, DateMention | None]] = [(d.start, d.end, d) for d in mentions]
    candidates += [(m.start(), m.end(), None) for m in vague]
    protected = [(c[0], c[1]) for c in candidates] + [(trigger_start, trigger_end)]
    boundaries = _boundaries(text, protected)
    statement_ends = _strong_boundaries(text, protected)

    def clause_of(pos: int) -> int:
        return bisect.bisect_right(boundaries, pos)

    def statement_of(pos: int) -> int:
        return bisect.bisect_right(statement_ends, pos)

    trigger_clause = clause_of(trigger_start)
    trigger_statement = statement_of(trigger_start)
    ranked: list[tuple[tuple[int, int, int], int, DateMention | None]] = []
    followup = bool(_FOLLOWUP_BEFORE.search(text[max(0, trigger_start - 40):trigger_start]))
    announcing = (prefer == "future" and any(not _OWN_OCCASION_BEFORE.match(text, trigger_end, m.start())
                                             for m in _ANNOUNCING.finditer(text))) or bool(_DISCUSSED_AT.search(text))
    for start, end, d in candidates:
        if bounds_period(text, start, end) and not _PUT_OFF_BEFORE.search(text, max(0, start - 120), start):
            continue
        if d is not None and (_speech_date(text, d) or statement_date(text, start)):
            continue
        if _LETTER_DATE_BEFORE.search(text[max(0, start - 200):start]):
            continue  # "sehubungan dengan surat Kepala Kejati nomor B-508/... tanggal 18 Oktober 2023": the letter's
        # (the trigger itself may be the "pada"/"tertanggal" of an earlier document's day)
        if followup and not (start >= trigger_end and (on := _ON_BEFORE.search(text[max(trigger_start, start - 25):start]))
                             and not _COMMA_BEFORE.search(text, max(0, start - 65), max(trigger_start, start - 25) + on.start())
                             and not any(trigger_end <= p < start for p in statement_ends)):
            # "Forum tindak lanjut penandatanganan MoU ..., Jumat (3/6)", "..., pada 3 Juni 2022 secara daring": the
            # forum's day (set off by a comma, the day is the sentence's, not the agreement's "MoU ... pada 30 Juli")
            continue
        if announcing and not (_SCHEDULE_BEFORE.search(text[max(0, start - 60):start])
                               or _SCHEDULE_AFTER.match(text, end)
                               or (d is not None and _FUTURE_IN.search(d.text))):
            continue  # "Rencana itu disampaikan dalam audiensi ..., Rabu (9/10)": the audiensi's day
        after = start >= trigger_end
        stretch = text[trigger_end:start] if after else text[end:trigger_start]
        if _turns_away(stretch, toward_end=after):
            continue
        d_statement = statement_of(start)
        if d_statement != trigger_statement:
            lo = statement_ends[d_statement - 1] if d_statement > 0 else 0
            hi = statement_ends[d_statement] if d_statement < len(statement_ends) else len(text)
            if _AGREEMENT_OR_OCCASION.search(text[lo:start] + " " + text[end:hi]):
                continue  # another statement with an agreement or occasion of its own: the date is its own
        # ("yang mereka tandatangani tiga tahun lalu, Rabu (9/8)": a year reckoned back is a time, never a name)
        if d is not None and d.precision == "year" and not d.relative \
                and not _YEAR_AS_TIME.search(text[max(0, start - 30):start]) \
                and any(o is not None and o.precision == "day" and not o.relative for _, _, o in candidates):
            continue  # "NPHD Pemilihan Bupati tahun 2024, Jumat (10/11/2023)": the year names what is agreed on
        same_clause = clause_of(start) == trigger_clause
        distance = start - trigger_end if after else trigger_start - end
        ranked.append(((0 if same_clause else 1, 0 if after else 1, distance), start, d))
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[0])
    _, best_start, best = ranked[0]
    if best is None:
        return None
    if best.precision == "day" and _DEADLINE_BEFORE.search(text[max(0, best.start - 40):best.start]):
        # "bisa selesai tandatangan sebelum tanggal 26 Oktober": a deadline tells the month, not the day.
        return DateMention(best.start, best.end, best.text, best.value[:7], "month", best.relative)
    # A more precise reading of the same date in the same clause: "pada 2021, tepatnya Kamis (16/12/2021)".
    for _, start, other in ranked[1:]:
        if (other is not None and clause_of(start) == clause_of(best_start)
                and other.value.startswith(best.value) and len(other.value) > len(best.value)):
            best = other
    return best


# --------------------------------------------------------------------------------------------------
# The reference of an article: its publication date, or what its URL, its header or its text tell

_URL_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # /2023/01/27/, /2023-01-27, /20230127/ (year, month, day)
    (re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?=/|$|[-_.]|[^\W\d_])"), "day"),
    (re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?=/|$|[-_])"), "day"),
    # /grobogan/30/06/2022/ (day, month, year)
    (re.compile(r"/(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})(?=/|$)"), "day"),
    # /2024/06/ (year, month)
    (re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})(?=/|$)"), "month"),
    # /2024/ (year)
    (re.compile(r"/(?P<y>(?:19|20)\d{2})(?=/)"), "year"),
]


def date_from_url(url: str | None) -> Reference | None:
    """The date a news URL carries in its path: "/2023/01/27/" (day), "/2024/06/" (month), "/2018/" (year).

    Only the path is read (never the host or the query: "?p=2988" is a post number); a path that names an
    impossible day or month gives nothing.
    """
    if not url or not isinstance(url, str):
        return None
    try:
        from urllib.parse import urlsplit

        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    impossible = False
    for pattern, precision in _URL_PATTERNS:
        for m in pattern.finditer(path):
            year = int(m["y"])
            month = int(m["m"]) if precision != "year" else 12
            if not 1 <= month <= 12:
                impossible = True
                continue
            if precision == "day":
                d = _valid_date(year, month, int(m["d"]))
                if d is not None:
                    return Reference(d.year, d.month, d.day, precision="day")
                impossible = True
                continue
            return None if impossible else Reference(year, month, precision=precision)
    return None


# A page date: a date the page's header, byline or dateline gives ("Rabu, 28 November 2018 Reporter: ...",
# "PERWAKILAN: BANTEN • Sabtu, 03/04/2021 •", "Surabaya, 25 Oktober 2025 – Kadin ...", a date on a line of
# its own). Before it on its line only capitalised words (a place, an outlet, a rubric); after it a line
# end, a dash, a bullet or a byline word.
_PAGE_WORD = r"(?:[A-Z0-9][\w.&'’-]*|[a-z][\w-]*\.(?:com|co\.id|co|id|net|org|news)\b\.?)"
_PAGE_PREFIX = re.compile(rf"^[\W_]*(?:{_PAGE_WORD}[\W_]*){{0,6}}$")
_PAGE_AFTER = re.compile(
    # A period counts only when the body follows on the same line ("-Serang Sabtu, 07/09/24. Kepala ...");
    # a period that ends the line ends a sentence ("... di Kantor\nGubernur NTB, Senin (10/6/2024).").
    r"[ \t]*(?:$|\n|[-–—•|·:]|\.(?=[ \t]*[^\s.])|,\s*(?:pukul\s+)?\d{1,2}[:.]\d{2}|(?:Reporter|Editor|Penulis|Oleh|Pewarta|Redaktur|Pukul|WIB|WITA|WIT)(?![^\W_])|"
    r"\d{1,2}[:.]\d{2})"
)


_ALNUM = re.compile(r"[^\W_]")


def _page_prefix(before: str) -> bool:
    """Whether `before` (a date's line up to it) is _PAGE_PREFIX: at most six words of a header.

    A word of the pattern never spans white space, so a line with more than six runs that hold a letter or
    digit cannot match; saying so at once spares the pattern's backtracking through every way to split long
    capitalised words, which took milliseconds on a long line.
    """
    if sum(1 for chunk in before.split() if _ALNUM.search(chunk)) > 6:
        return False
    return bool(_PAGE_PREFIX.match(before))


def page_dates(text: str, reference: datetime.date | None = None, within: int = 1500) -> list[DateMention]:
    """Dates that date the page, not anything it reports: a header, byline or dateline near the top.

    SPEC (Hard cases, Date): such a date is the publication date; it never dates a signing.
    """
    out = []
    # A page date starts within a line's first six words (_page_prefix), so only each line's head is read:
    # up to the start of its seventh word and a date's length beyond, not the whole head of the article.
    head = text[:within]
    for line in _LINE.finditer(head):
        words = list(_WORD_START.finditer(line.group(0)))
        cut = line.start() + (words[6].start() if len(words) > 6 else len(line.group(0)))
        snippet_end = min(line.end(), cut + _LONGEST_DATE)
        for d in find_dates(head[line.start():snippet_end], reference):
            if d.precision != "day" or line.start() + d.start > cut:
                continue
            d = replace(d, start=d.start + line.start(), end=d.end + line.start())
            if _page_prefix(text[line.start():d.start]) and _PAGE_AFTER.match(text, d.end):
                out.append(d)
    return out


_LINE = re.compile(r"[^\n]+")
_WORD_START = re.compile(r"(?<!\S)\S")
_LONGEST_DATE = 60  # "Kamis, 19 November 2020 | 10:15 WIB" and its like, with room to spare


_SOURCE_LINK = re.compile(r"(?<![\w-])(?:Sumber|Source)(?:\s+(?:berita|artikel))?\s*:\s*(https?://\S+)", _F)
_TEXT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# Law and decree citations ("UU Nomor 37 Tahun 2008", "UU 25/2009"): their years say nothing of the page's.
_CITATIONS = [re.compile(p, _F) for p in _BLOCKERS[3:6]]


def article_reference(published: str | None, text: str, url: str | None = None) -> datetime.date | None:
    """The date relative words and day-month dates resolve against, as precise as the page tells.

    In order: the publication date; a full date in the URL; a date in the page's header or dateline
    (page_dates); a month or year in the URL; else the years the text names (from 1995, the era of online
    news), as a guess that only dates a day and month whose weekday fixes the year.
    """
    if published:
        try:
            return datetime.date.fromisoformat(published.strip()[:10])
        except ValueError:
            d = parse_date_string(published)
            if d is not None:
                return d
    from_url = date_from_url(url)
    if from_url is None and (source := _SOURCE_LINK.search(text)) is not None:
        # A republished item that prints its source ("Sumber: https://site/2021/01/12/..."): the source's date.
        from_url = date_from_url(source.group(1))
    if from_url is not None and from_url.precision == "day":
        return from_url
    header = [d for d in page_dates(text, None) if not d.relative]
    if header:
        day = datetime.date.fromisoformat(header[0].value)
        if from_url is None or day.isoformat().startswith(from_url.isoformat()[:4 if from_url.precision == "year"
                                                                                  else 7]):
            return day
    if from_url is not None:
        return from_url
    cited = [m.span() for p in _CITATIONS for m in p.finditer(text)]
    years = sorted({int(m.group(1)) for m in _TEXT_YEAR.finditer(text) if 1995 <= int(m.group(1)) <= 2100
                    and not any(s <= m.start() < e for s, e in cited)})
    if years:
        return Reference(years[-1], precision="year", years=tuple(years), guess=True)
    return None


# --------------------------------------------------------------------------------------------------
# Publication dates from metadata

def parse_date_string(value: str) -> datetime.date | None:
    """A publication date as metadata gives it, or None when it holds no full date.

    teken has one publication-date parser, `teken.corpus.dateline.normalise_date` (ISO dates and timestamps
    taken to Jakarta's day, epoch seconds, Indonesian and English written dates and their abbreviations,
    "Kamis, 19 November 2020 - 14:05 WIB", RFC 2822, dateparser last); this reads its answer as a date.
    """
    day = normalise_date(value)
    return datetime.date.fromisoformat(day) if day else None

