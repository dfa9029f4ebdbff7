"""Publication dates, parsed in one place for every reader: `normalise_date` reads a date as a container
gives it (HTML meta tags and JSON-LD through htmldate, a JSONL `published` field, a WARC header),
`find_publication_date` finds one in an article's dateline or byline with the same patterns.

A time with a zone ("2020-11-18T20:30:00Z", "+0800", "00:30 WITA", RFC 2822) is converted to Asia/Jakarta
(WIB, UTC+7) before the day is taken, as are epoch seconds and milliseconds: "2020-11-18T20:30:00Z" was
published on 2020-11-19 in Jakarta. A time without a zone is the newsroom's own, and its day is kept.

Indonesian news writes dates day first, with Indonesian (or English) month names: "Kamis, 19
November 2020", "Selasa, 10/10/2023 14:05 WIB", "19 Nov 2020", "Kamis (19/11/2020)". Only the
first lines of a text are searched, because a date further down is what the story is about, not
when it was published.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "febr": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agust": 8, "agus": 8, "agst": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "spt": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10, "oktb": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11, "novb": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12, "desb": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = (
    r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)

_WORD_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH_ALT + r")\.?,?\s+(\d{4})\b", re.IGNORECASE)
_WORD_DATE_US = re.compile(r"\b(" + _MONTH_ALT + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.IGNORECASE)
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
    if m is None:
        return True
    named, day = WEEKDAYS[m.group(1).lower()], date.fromisoformat(iso)
    # A time in another zone may have moved the day ("Jumat, 20 November 2020 | 00:30 WITA" is Thursday in
    # Jakarta): the day name then names the day before or after.
    shifts = (0, -1, 1) if re.search(r"\b(?:wita|wit|utc|gmt)\b|[+-]\d{2}:?\d{2}\b", line, re.IGNORECASE) else (0,)
    return any((day + timedelta(days=k)).weekday() == named for k in shifts)


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
    segment = line[pos:pos + 60]
    for pattern in (_WORD_DATE, _NUM_DATE):
        m = pattern.match(segment)
        if m:
            return _from_match(pattern, m, today, segment)
    return None


def _first_date(text: str, today: date) -> str | None:
    best: tuple[int, str] | None = None
    for pattern in (_WORD_DATE, _WORD_DATE_US, _NUM_DATE, _ISO_DATE):
        for m in pattern.finditer(text):
            iso = _from_match(pattern, m, today, text)
            if iso and (best is None or m.start() < best[0]):
                best = (m.start(), iso)
            if iso:
                break
    return best[1] if best else None


# A time right after a date, with its zone when one is given: "| 10:15 WIB", ", 00:30 WITA", "T20:30:00Z",
# " 07:05:00 +0700" (RFC 2822), " - 14.05 WIB", "pukul 09:00 WIT".
_TIME_AFTER = re.compile(
    r"\s*(?:[,|/\u2013\u2014-]\s*)?(?:(?:pukul|jam|at)\s+)?[T ]?\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?"
    r"\s*(Z|UTC|GMT|WIB|WITA|WIT|[+-]\d{2}:?\d{2})?(?![\w:+-])",
    re.IGNORECASE,
)
_ZONES = {"wib": 7 * 60, "wita": 8 * 60, "wit": 9 * 60, "z": 0, "utc": 0, "gmt": 0}
JAKARTA = timezone(timedelta(hours=7), "WIB")


def _zone_offset(zone: str) -> int | None:
    """Minutes east of UTC of a zone as pages write it ("WITA", "Z", "+0800", "-05:00"), or None."""
    zone = zone.strip().lower()
    if zone in _ZONES:
        return _ZONES[zone]
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", zone)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3))
    return -minutes if m.group(1) == "-" else minutes


def _from_match(pattern: re.Pattern[str], m: re.Match[str], today: date, text: str | None = None) -> str | None:
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
    if text is not None:
        clock = _TIME_AFTER.match(text, m.end())
        if clock and clock.group(4) and int(clock.group(1)) < 24 and int(clock.group(2)) < 60:
            return _in_jakarta(year, month, day, int(clock.group(1)), int(clock.group(2)),
                               _zone_offset(clock.group(4)), today)
    return _valid(year, month, day, today)


def _in_jakarta(year: int, month: int, day: int, hour: int, minute: int, offset: int | None,
                today: date) -> str | None:
    """The Jakarta day of a local time in a zone `offset` minutes east of UTC."""
    try:
        stamp = datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    if offset is not None:
        stamp = stamp.replace(tzinfo=timezone(timedelta(minutes=offset))).astimezone(JAKARTA)
    return _valid(stamp.year, stamp.month, stamp.day, today)


def _valid(year: int, month: int, day: int, today: date) -> str | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    if d.year < _EARLIEST_YEAR or (d - today).days > 1:
        return None
    return d.isoformat()


_EPOCH = re.compile(r"^(\d{10})(\d{3})?(?:\.\d+)?$")
_COMPACT = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})$")
_YEAR4 = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def normalise_date(value: object, today: date | None = None) -> str | None:
    """The publication day ("2020-11-19", in Jakarta) of a date as a container gives it, or None.

    Reads datetimes, ISO dates and timestamps with or without zone ("2020-11-18T20:30:00Z",
    "2020-11-19T10:00:00+0700"), epoch seconds and milliseconds (numbers or digits), "20201119",
    Indonesian and English written dates with their abbreviations ("19 Agust 2020", "Kamis, 19 Nop 2020 |
    10:15 WITA", "Nov 19th, 2020", RFC 2822), day-first numeric dates ("19/11/2020", "19-11-20") and
    "2020/11/19"; dateparser reads what none of these does, when it has a four-digit year. A date before
    1990 or more than a day after `today` (the crawl date, when known) is none.
    """
    today = today or date.today()
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(JAKARTA)
        return _valid(value.year, value.month, value.day, today)
    if isinstance(value, date):
        return _valid(value.year, value.month, value.day, today)
    if isinstance(value, (int, float)):
        return _from_epoch(float(value), today)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    if m := _EPOCH.match(s):
        return _from_epoch(float(m.group(1) + (m.group(2) or "")), today)
    if m := _COMPACT.match(s):
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)), today)
    m = _ISO_DATE.match(s)
    if m:
        return _from_match(_ISO_DATE, m, today, s)
    found = _first_date(s, today)
    if found is not None or not _YEAR4.search(s):
        return found
    return _dateparser(s, today)


def _from_epoch(seconds: float, today: date) -> str | None:
    if seconds > 1e11:
        seconds /= 1000  # milliseconds, as JavaScript and many JSON exports give them
    try:
        d = datetime.fromtimestamp(seconds, tz=UTC).astimezone(JAKARTA)
    except (OverflowError, OSError, ValueError):
        return None
    return _valid(d.year, d.month, d.day, today)


def _dateparser(value: str, today: date) -> str | None:
    """dateparser for the odd format the patterns above do not read; only with a four-digit year, since it
    resolves "2 jam lalu" against the clock, which is wrong for an archive read years later."""
    try:
        import dateparser  # slow to import: only here
    except ImportError:
        return None
    try:
        stamp = dateparser.parse(value[:200], languages=["id", "en"],
                                 settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                                           "PREFER_DATES_FROM": "past", "TO_TIMEZONE": "Asia/Jakarta",
                                           "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:
        return None
    return _valid(stamp.year, stamp.month, stamp.day, today) if stamp else None
