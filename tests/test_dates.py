"""Tests for extractors/dates.py: every example in dates.examples.jsonl, metadata dates, and the dev seeds."""

from __future__ import annotations

import datetime
import json
import re
import time
from pathlib import Path

import pytest

from teken.extractors.dates import (
    DateMention,
    Reference,
    article_reference,
    date_for_signing,
    date_from_url,
    find_dates,
    page_dates,
    parse_date_string,
)

EXAMPLES_PATH = Path(__file__).resolve().parents[1] / "extractors" / "dates.examples.jsonl"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS_PATH = SHARED / "dev" / "seeds.jsonl"


def _load_examples() -> list[dict]:
    with EXAMPLES_PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


EXAMPLES = _load_examples()
FIND_EXAMPLES = [e for e in EXAMPLES if e.get("kind", "find") == "find"]
SIGNING_EXAMPLES = [e for e in EXAMPLES if e.get("kind") == "signing"]
URL_EXAMPLES = [e for e in EXAMPLES if e.get("kind") == "url"]
PAGE_EXAMPLES = [e for e in EXAMPLES if e.get("kind") == "page"]
REFERENCE_EXAMPLES = [e for e in EXAMPLES if e.get("kind") == "article_reference"]
ARTICLE_EXAMPLES = [e for e in EXAMPLES if e.get("kind") == "article"]


def _example_id(prefix: str, index: int, example: dict) -> str:
    slug = re.sub(r"[^0-9a-z]+", "-", example["text"][:40].lower()).strip("-")
    return f"{prefix}{index:03d}-{slug}"


def _reference(example: dict) -> datetime.date | None:
    """ "2021-05-20" a publication date; "2024-06" a month (a URL's "/2024/06/"); "2024" a year, with
    "reference_years" and "guess" when the years come from the text."""
    ref = example.get("reference")
    if not ref:
        return None
    if len(ref) == 10:
        return datetime.date.fromisoformat(ref)
    if len(ref) == 7:
        return Reference(int(ref[:4]), int(ref[5:]), precision="month")
    return Reference(int(ref), precision="year", years=tuple(example.get("reference_years", ())),
                     guess=example.get("guess", False))


def _as_expect(ref: datetime.date | None) -> dict | None:
    if ref is None:
        return None
    precision = getattr(ref, "precision", "day")
    value = ref.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]
    out = {"value": value, "precision": precision}
    if getattr(ref, "guess", False):
        out["guess"] = True
    return out


def test_examples_file_holds_enough_positive_negative_and_signing_cases() -> None:
    negatives = [e for e in FIND_EXAMPLES if not e["expect"]]
    assert len(FIND_EXAMPLES) >= 80
    assert len(negatives) >= 20
    assert len(SIGNING_EXAMPLES) >= 20
    assert any(e["expect"] is None for e in SIGNING_EXAMPLES)


@pytest.mark.parametrize(
    "example", FIND_EXAMPLES, ids=[_example_id("find", i, e) for i, e in enumerate(FIND_EXAMPLES)]
)
def test_find_dates_reads_example(example: dict) -> None:
    found = find_dates(example["text"], _reference(example), example.get("prefer", "past"))
    got = [{"text": m.text, "value": m.value, "precision": m.precision} for m in found]
    assert got == example["expect"]
    for m in found:
        assert example["text"][m.start:m.end] == m.text


@pytest.mark.parametrize(
    "example", SIGNING_EXAMPLES, ids=[_example_id("signing", i, e) for i, e in enumerate(SIGNING_EXAMPLES)]
)
def test_date_for_signing_reads_example(example: dict) -> None:
    text = example["text"]
    start = text.index(example["trigger"])
    got = date_for_signing(text, start, start + len(example["trigger"]), _reference(example),
                           example.get("prefer", "past"))
    if example["expect"] is None:
        assert got is None, f"expected no date, got {got}"
    else:
        assert got is not None, "expected a date, got none"
        assert {"value": got.value, "precision": got.precision} == example["expect"]


@pytest.mark.parametrize("example", URL_EXAMPLES, ids=[f"url{i:03d}" for i in range(len(URL_EXAMPLES))])
def test_date_from_url_reads_example(example: dict) -> None:
    assert _as_expect(date_from_url(example["url"])) == example["expect"]


@pytest.mark.parametrize(
    "example", PAGE_EXAMPLES, ids=[_example_id("page", i, e) for i, e in enumerate(PAGE_EXAMPLES)]
)
def test_page_dates_reads_example(example: dict) -> None:
    assert [d.text for d in page_dates(example["text"], _reference(example))] == example["expect"]


@pytest.mark.parametrize(
    "example", REFERENCE_EXAMPLES, ids=[_example_id("ref", i, e) for i, e in enumerate(REFERENCE_EXAMPLES)]
)
def test_article_reference_reads_example(example: dict) -> None:
    got = article_reference(example.get("published"), example["text"], example.get("url"))
    assert _as_expect(got) == example["expect"]


@pytest.mark.parametrize(
    "example", ARTICLE_EXAMPLES, ids=[_example_id("article", i, e) for i, e in enumerate(ARTICLE_EXAMPLES)]
)
def test_article_events_get_example_dates(example: dict) -> None:
    """Whole short articles: the date each signing event gets (in order), through teken.extract."""
    import teken

    events = teken.extract(example["text"], example.get("published"), url=example.get("url"), use_model=False)
    assert [ev.date for ev in events] == example["expect"], [(ev.date, ev.date_text, ev.evidence) for ev in events]


def test_mentions_are_frozen_and_carry_offsets() -> None:
    text = "Ombudsman meneken MoU dengan Pemkot Batam, Kamis (16/12/2021) siang."
    (mention,) = find_dates(text, None)
    assert mention == DateMention(43, 61, "Kamis (16/12/2021)", "2021-12-16", "day", False)
    with pytest.raises(AttributeError):
        mention.value = "2022"  # type: ignore[misc]


def test_relative_mentions_are_marked_relative_and_dropped_without_reference() -> None:
    text = "MoU diteken kemarin, setelah rapat pada 16 Desember 2021."
    with_ref = find_dates(text, datetime.date(2021, 12, 20))
    assert [(m.text, m.relative) for m in with_ref] == [("kemarin", True), ("16 Desember 2021", False)]
    assert [m.text for m in find_dates(text, None)] == ["16 Desember 2021"]


def test_prefer_settles_a_bare_month_both_ways() -> None:
    text = "Penandatanganan dengan Pemkab Inhu dilakukan bulan November."
    ref = datetime.date(2023, 10, 10)
    assert find_dates(text, ref, "past")[0].value == "2022-11"
    assert find_dates(text, ref, "future")[0].value == "2023-11"
    assert find_dates(text, ref, "nearest")[0].value == "2023-11"


def test_unknown_prefer_is_refused() -> None:
    with pytest.raises(ValueError):
        find_dates("kemarin", datetime.date(2023, 10, 10), "soon")


def test_weekday_checked_year_prefers_the_matching_calendar_over_the_nearest() -> None:
    # 16/12 nearest to mid-2021 is 2020-12-16, a Wednesday; the Thursday one is 2021-12-16.
    (m,) = find_dates("Rapat digelar Kamis (16/12).", datetime.date(2021, 6, 15))
    assert m.value == "2021-12-16"
    # No year matches a Saturday 16/12 around 2023: the nearest valid one is kept.
    (m,) = find_dates("Rapat digelar Sabtu (16/12).", datetime.date(2021, 6, 15))
    assert m.value == "2020-12-16"


def test_find_dates_is_fast_enough_for_every_trigger_sentence() -> None:
    sentence = ("Ombudsman RI Perwakilan Riau meneken MoU dengan Pemkab Siak, Selasa (10/10/2023), setelah "
                "nota kesepakatan pada Mei tahun lalu, berdasarkan Undang-Undang Nomor 25 Tahun 2009.")
    ref = datetime.date(2023, 10, 10)
    begin = time.perf_counter()
    for _ in range(500):
        find_dates(sentence, ref)
    assert time.perf_counter() - begin < 5.0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-11-19", datetime.date(2020, 11, 19)),
        ("2020-11-19T10:00:00+07:00", datetime.date(2020, 11, 19)),
        ("2020-11-19 10:00:00", datetime.date(2020, 11, 19)),
        ("2020-11-18T20:30:00Z", datetime.date(2020, 11, 19)),  # 03:30 WIB the next day
        ("2020-11-18T20:30:00+08:00", datetime.date(2020, 11, 18)),
        ("19/11/2020", datetime.date(2020, 11, 19)),
        ("19-11-2020 14:05", datetime.date(2020, 11, 19)),
        ("Kamis, 19 November 2020 - 14:05 WIB", datetime.date(2020, 11, 19)),
        ("Kamis, 19 Nopember 2020 | 14:05 WIB", datetime.date(2020, 11, 19)),
        ("19 Nov 2020", datetime.date(2020, 11, 19)),
        ("Nov 19, 2020", datetime.date(2020, 11, 19)),
        ("Thu, 19 Nov 2020 07:05:00 +0700", datetime.date(2020, 11, 19)),
        ("2020/11/19", datetime.date(2020, 11, 19)),
        ("Diposting pada 19 Agustus 2021", datetime.date(2021, 8, 19)),
        ("1605769500", datetime.date(2020, 11, 19)),
        ("20201119", datetime.date(2020, 11, 19)),
        ("19th November 2020", datetime.date(2020, 11, 19)),  # only dateparser reads this one
        ("", None),
        ("2 jam lalu", None),
        ("bukan tanggal", None),
        ("2020-13-45", None),
    ],
)
def test_parse_date_string_reads_metadata_date(raw: str, expected: datetime.date | None) -> None:
    assert parse_date_string(raw) == expected


# --------------------------------------------------------------------------------------------------
# The dev seeds: the date of each gold event read off its evidence sentence.

SIGNING_WORD = re.compile(
    r"penandatanganan|menandatangani|ditandatangani|tandatangani|meneken|diteken|\bteken\b|\bneken\b|"
    r"nota\s+kesepa(?:haman|katan)|\bmou\b|perjanjian\s+kerja\s*sama|rencana\s+kerja|komitmen\s+bersama|"
    r"pakta\s+integritas|kesepakatan",
    re.IGNORECASE,
)
FULL_NUMERIC_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")


def _seed_reference(article: dict) -> datetime.date | None:
    """The article's `published`, else its first full dd/mm/yyyy date."""
    if article.get("published"):
        return parse_date_string(article["published"])
    for m in find_dates(article["text"], None):
        if m.precision == "day" and FULL_NUMERIC_DATE.search(m.text):
            return datetime.date.fromisoformat(m.value)
    return None


def test_seed_events_get_their_gold_date_from_the_evidence_sentence() -> None:
    if not SEEDS_PATH.exists():
        pytest.skip("shared dev seeds not available")
    with SEEDS_PATH.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    dated_pass, dated_total, undated_pass, undated_total = 0, 0, 0, 0
    failures: list[str] = []
    context_needed: list[str] = []
    for article in articles:
        ref = _seed_reference(article)
        for event in article["events"]:
            evidence = event["evidence"]
            trigger = SIGNING_WORD.search(evidence)
            assert trigger, f"no signing word in {article['id']} evidence"
            # The pipeline passes the status extractor's reading; here the gold status stands in for it.
            prefer = "future" if event["status"] == "planned" else "past"
            got = date_for_signing(evidence, trigger.start(), trigger.end(), ref, prefer)
            got_value = got.value if got else None
            line = f"{article['id']}: gold {event['date']!r}, got {got_value!r} ({got.text if got else '-'})"
            if event["date"] is None:
                undated_total += 1
                undated_pass += got_value is None
                if got_value is not None:
                    failures.append(line)
                continue
            dated_total += 1
            if got_value == event["date"]:
                dated_pass += 1
            elif not find_dates(evidence, ref):
                context_needed.append(line + " [the date is not in the evidence sentence]")
            else:
                failures.append(line)
    print(f"\nseed dates: {dated_pass}/{dated_total} gold dates read off the evidence sentence; "
          f"{undated_pass}/{undated_total} undated events left undated")
    for line in context_needed + failures:
        print("  " + line)
    assert not failures, "\n".join(failures)
