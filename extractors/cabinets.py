"""A ministry named by a form whose meaning changed with a cabinet is the ministry in office when it signed.

"Kemenkop" in a 2022 article is the Kementerian Koperasi dan UKM; in 2025 it is the Kementerian Koperasi, UKM
having become a ministry of its own. "Kementerian PU" between October 2014 and October 2024 is the Kementerian
PUPR; "Kemendes" in that decade is the ministry of villages, underdeveloped regions and transmigration. A reader
of Indonesian news names such a signer by the cabinet in office on the signing's date; the gazetteer gives every
form one institution, so the date decides here, twice: the article's date as its mentions are read (name_mentions:
"Kemendes PDT" in the lead and "Kemendes" in a quote of 2025 are one ministry when the signings are assembled),
then the event's own date once it is dated (name_by_cabinet: a 2025 article on a 2019 signing).

The forms and their periods are data (extractors/data/cabinets.csv: the forms, the period, the ministry's name
as the gazetteer holds it, and why). A form the text writes in full ("Kementerian Koperasi dan UKM") is not in
that file: the text names its ministry itself. The date is the event's own when it has one precise enough to
fall inside one period, else the article's reference date (its publication date, the date in its URL, or the
latest year its text names); a date that straddles a change of cabinet decides nothing.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from teken.gazetteer import Gazetteer, Institution
from teken.records import Party

if TYPE_CHECKING:
    from teken.extractors.parties import PartyMention

CABINETS_CSV = Path(__file__).parent / "data" / "cabinets.csv"


@dataclass(frozen=True)
class _Period:
    start: dt.date  # first day in office
    end: dt.date  # first day no longer in office
    name: str


def _day(value: str, default: dt.date) -> dt.date:
    return dt.date.fromisoformat(value) if value.strip() else default


def _form_key(text: str) -> str:
    return " ".join(text.split()).lower()


@lru_cache(maxsize=1)
def _periods() -> dict[str, list[_Period]]:
    out: dict[str, list[_Period]] = {}
    with CABINETS_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            period = _Period(_day(row["from"], dt.date.min), _day(row["until"], dt.date.max), row["name"].strip())
            for form in row["forms"].split("|"):
                if form.strip():
                    out.setdefault(_form_key(form), []).append(period)
    return out


def interval(value: str | None, precision: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date of a precision may be ("2022" -> the whole year)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if m is None:
        return None
    year = int(m.group(1))
    try:
        if m.group(3) and precision in (None, "day"):
            d = dt.date(year, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2) and precision in (None, "day", "month"):
            month = int(m.group(2))
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def reference_interval(ref: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days an article's reference date stands for: a day, or its whole month or year when coarser."""
    if ref is None:
        return None
    precision = getattr(ref, "precision", "day")
    if precision == "day":
        return ref, ref
    return interval(ref.isoformat(), precision)


def ministry_in_office(form: str, when: tuple[dt.date, dt.date] | None) -> str | None:
    """The name of the ministry a form names on the days `when` spans, if that form changed its meaning with a
    cabinet and those days fall inside one period; else None (the gazetteer's reading stands)."""
    if when is None:
        return None
    periods = _periods().get(_form_key(re.sub(r"\s+(?:RI|Republik\s+Indonesia)$", "", form.strip())), [])
    if not periods:
        periods = _periods().get(_form_key(form), [])
    lo, hi = when
    for p in periods:
        if p.start <= lo and hi < p.end:
            return p.name
    return None


def _in_office(gazetteer: Gazetteer, form: str, name: str, kind: str, region_code: str | None,
               when: tuple[dt.date, dt.date] | None) -> Institution | None:
    """The institution a national body written `form` and read as `name` is on the days `when` spans, when the
    cabinet names it otherwise; else None."""
    if region_code or kind != "kementerian_lembaga":
        return None
    in_office = ministry_in_office(form, when)
    if in_office is None or in_office == name:
        return None
    return gazetteer.find_form(in_office)


def name_by_cabinet(gazetteer: Gazetteer, parties: list[Party], when: tuple[dt.date, dt.date] | None) -> None:
    """Rename, in place, each national party whose mention is a form that changed its meaning with a cabinet to
    the ministry in office on the days `when` spans."""
    for p in parties:
        inst = _in_office(gazetteer, p.mention, p.name, p.kind, p.region_code, when)
        if inst is not None:
            p.name, p.kind, p.region_code = inst.name, inst.kind, inst.region_code
    # ("Kemenkop" renamed beside "Kementerian Koperasi dan UKM" written in full: one party)
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for p in parties:
        if (p.name, p.region_code) not in seen:
            seen.add((p.name, p.region_code))
            kept.append(p)
    parties[:] = kept


def name_mentions(gazetteer: Gazetteer, mentions: list[PartyMention], when: tuple[dt.date, dt.date] | None) -> None:
    """Rename, in place, each mention of such a form to the ministry in office on the article's days `when`, so
    that the signings are assembled with one institution for "Kemendes PDT" in the lead and "Kemendes" in a
    quote of a 2025 article; the event's own date refines the name afterwards (name_by_cabinet)."""
    for m in mentions:
        i = m.institution
        inst = _in_office(gazetteer, m.text, i.name, i.kind, i.region_code, when)
        if inst is not None:
            m.institution = inst
