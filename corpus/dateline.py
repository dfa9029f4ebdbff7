"""Publication dates: normalise a date the container gives, or find one in an article's dateline or byline.

Indonesian news writes dates day first, with Indonesian (or English) month names: "Kamis, 19
November 2020", "Selasa, 10/10/2023 14:05 WIB", "19 Nov 2020", "Kamis (19/11/2020)". Only the
first lines of a text are searched, because a date further down is what the story is about, not
when it was published.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = (
    r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)

_WORD_DATE = re.compile(r"\b(\d{1,2})\s+(" + _MONTH_ALT + r")\.?,?\s+(\d{4})\b", re.IGNORECASE)
_WORD_DATE_US = re.compile(r"\b(" + _MONTH_ALT + r")\.?\s+(\d{1,2}),?\s+(\d{4})\b", re.IGNORECASE)
_NUM_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-])")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")

# A day name right before a date: "Kamis, 19 November 2020", "Kamis (19/11/2020)".
_DAY_QUALIFIED = re.compile("(" + _DAY + r")\s*[,(]?\s*(?=\d)", re.IGNORECASE)
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6,
    "ahad": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:wib|wita|wit)\b", re.IGNORECASE)

_FIRST_LINES = 8
_FIRST_CHARS = 1500
_BYLINE_MAX_CHARS = 120
_EARLIEST_YEAR = 1990


def find_publication_date(text: str, today: date | None = None) -> str | None:
    """The ISO date of the dateline or byline in the first lines of `text`, or None.

    In order of trust: a short line that carries a date (a byline such as "04 April 2022, 09:15
    WIB"); then a date right after a day name anywhere in the first lines ("..., Kamis
    (2/11/2023)."), which news uses for the day of the reported statement, i.e. the day of
    writing. A bare date inside a sentence ("pada 17 Agustus 1945") is never taken.
    """
    today = today or date.today()
    head = text[:_FIRST_CHARS]
    lines = [ln.strip() for ln in head.split("\n") if ln.strip()][:_FIRST_LINES]
    for line in lines:
        if len(line) <= _BYLINE_MAX_CHARS and _looks_like_byline(line):
            found = _first_date(line, today)
            if found and _day_name_agrees(line, found):
                return found
    for line in lines:
        for m in _DAY_QUALIFIED.finditer(line):
            found = _date_at(line, m.end(), today)
            # A day name that does not fit the date marks a typo ("Jumat (24/3/2020)", a Tuesday):
            # neither can be trusted.
            if found and date.fromisoformat(found).weekday() == WEEKDAYS[m.group(1).lower()]:
                return found
    return None


def _day_name_agrees(line: str, iso: str) -> bool:
    m = _DAY_QUALIFIED.search(line)
    return m is None or date.fromisoformat(iso).weekday() == WEEKDAYS[m.group(1).lower()]


def _looks_like_byline(line: str) -> bool:
    """Short and mostly date: few words besides the date and time, and no full stop closing a sentence."""
    if line.rstrip().endswith((".", "!", "?")):
        return False
    rest = _WORD_DATE.sub(" ", line)
    rest = _NUM_DATE.sub(" ", _ISO_DATE.sub(" ", rest))
    rest = _TIME.sub(" ", rest)
    rest = re.sub(r"\b\d{1,2}[:.]\d{2}\b", " ", rest)
    words = re.findall(r"[^\W\d_]+", rest)
    return len(words) <= 6 or (bool(_TIME.search(line)) and len(words) <= 10)


def _date_at(line: str, pos: int, today: date) -> str | None:
    segment = line[pos:pos + 40]
    for pattern in (_WORD_DATE, _NUM_DATE):
        m = pattern.match(segment)
        if m:
            return _from_match(pattern, m, today)
    return None


def _first_date(text: str, today: date) -> str | None:
    best: tuple[int, str] | None = None
    for pattern in (_WORD_DATE, _WORD_DATE_US, _NUM_DATE, _ISO_DATE):
        for m in pattern.finditer(text):
            iso = _from_match(pattern, m, today)
            if iso and (best is None or m.start() < best[0]):
                best = (m.start(), iso)
            if iso:
                break
    return best[1] if best else None


def _from_match(pattern: re.Pattern[str], m: re.Match[str], today: date) -> str | None:
    if pattern is _WORD_DATE:
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    elif pattern is _WORD_DATE_US:
        month, day, year = MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
    elif pattern is _NUM_DATE:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if year < 100:
            year += 2000 if year <= today.year % 100 + 1 else 1900
    else:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return _valid(year, month, day, today)


def _valid(year: int, month: int, day: int, today: date) -> str | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    if d.year < _EARLIEST_YEAR or (d - today).days > 1:
        return None
    return d.isoformat()


def normalise_date(value: object, today: date | None = None) -> str | None:
    """An ISO date ("2020-11-19") from what a container gives: ISO strings, datetimes, Indonesian
    or English written dates, day-first numeric dates, or a Unix timestamp; None if it is not one."""
    today = today or date.today()
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _valid(value.year, value.month, value.day, today)
    if isinstance(value, date):
        return _valid(value.year, value.month, value.day, today)
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds are common in JSON exports
        try:
            d = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return _valid(d.year, d.month, d.day, today)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    m = _ISO_DATE.match(s)
    if m:
        return _from_match(_ISO_DATE, m, today)
    return _first_date(s, today)
