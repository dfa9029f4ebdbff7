"""Checks the demo corpus files, their gold annotations, and the bad-input folder builder."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import time
import zlib
from pathlib import Path

import lxml.html
import pytest
from lokal import wilayah

from teken.records import AGREEMENT_TYPES, PARTY_KINDS
from tests.badinput import (
    BOMB_NAME,
    BOMB_UNCOMPRESSED_BYTES,
    CP1252_NAME,
    EXPECTED_EVENTS,
    JSONL_GOOD_ID,
    JSONL_NAME,
    NESTED_DIV_DEPTH,
    WEIRD_NAME,
    make_bad_input_folder,
)

DEMO = Path(__file__).resolve().parents[1] / "corpus" / "demo"
GOLD = DEMO.parent / "demo-gold.jsonl"
PAGES = sorted(DEMO.glob("*.html"))
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# The seed format of ../shared/dev/seeds.jsonl, plus the page's file name.
RECORD_KEYS = {"id", "file", "url", "published", "title", "text", "events", "notes"}
EVENT_KEYS = {"agreement_types", "status", "date", "venue", "parties", "evidence"}
PARTY_KEYS = {"mention", "name", "kind", "region_code"}


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _parties() -> list[dict]:
    return [p for rec in _gold() for ev in rec["events"] for p in ev["parties"]]


def test_demo_corpus_has_at_least_fourteen_pages() -> None:
    assert len(PAGES) >= 14


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_demo_page_parses_with_lxml_and_has_title_and_headline(page: Path) -> None:
    tree = lxml.html.fromstring(page.read_bytes())
    assert tree.findtext(".//title").strip()
    assert tree.xpath("//h1|//b[@class='judul']"), "no visible headline"


def test_every_demo_page_has_exactly_one_gold_line_and_back() -> None:
    gold = _gold()
    ids = [rec["id"] for rec in gold]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(p.stem for p in PAGES)
    for rec in gold:
        assert rec["file"] == rec["id"] + ".html"


def test_gold_lines_follow_the_seed_format() -> None:
    for rec in _gold():
        assert set(rec) == RECORD_KEYS, rec["id"]
        assert rec["published"] is None or dt.date.fromisoformat(rec["published"])
        assert rec["text"].startswith(rec["title"])
        for ev in rec["events"]:
            assert set(ev) == EVENT_KEYS, rec["id"]
            assert ev["agreement_types"] and set(ev["agreement_types"]) <= set(AGREEMENT_TYPES)
            assert ev["status"] in ("signed", "planned")
            assert ev["date"] is None or DATE_RE.match(ev["date"]), ev["date"]
            assert ev["parties"]
            for party in ev["parties"]:
                assert set(party) == PARTY_KEYS, rec["id"]


def test_gold_event_dates_are_real_calendar_dates_not_after_a_signed_publication() -> None:
    for rec in _gold():
        for ev in rec["events"]:
            if not ev["date"]:
                continue
            parts = [int(x) for x in ev["date"].split("-")]
            start = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
            if ev["status"] == "signed" and rec["published"]:
                assert start <= dt.date.fromisoformat(rec["published"]), (rec["id"], ev["date"])


def test_gold_evidence_is_quoted_from_the_gold_text() -> None:
    for rec in _gold():
        for ev in rec["events"]:
            assert ev["evidence"] in rec["text"], (rec["id"], ev["evidence"][:60])


def test_gold_party_mentions_are_in_the_gold_text() -> None:
    for rec in _gold():
        for ev in rec["events"]:
            for party in ev["parties"]:
                assert party["mention"] in rec["text"], (rec["id"], party["mention"])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_gold_text_is_what_a_reader_sees_on_the_page(page: Path) -> None:
    rec = next(r for r in _gold() if r["id"] == page.stem)
    visible = _squash(lxml.html.fromstring(page.read_bytes()).text_content())
    for paragraph in rec["text"].split("\n\n"):
        assert _squash(paragraph) in visible, (page.stem, paragraph[:60])


def test_two_pages_carry_their_date_only_in_a_visible_byline() -> None:
    byline_only = []
    for page in PAGES:
        html = page.read_text(encoding="utf-8")
        if "published_time" not in html and "datePublished" not in html and "datetime=" not in html:
            byline_only.append(page.stem)
    assert len(byline_only) >= 2
    gold = {r["id"]: r for r in _gold()}
    for stem in byline_only:
        assert gold[stem]["published"], stem
        assert not re.search(r"/\d{4}/\d{2}/", gold[stem]["url"]), "the URL would give the date away"


def test_gold_party_kinds_are_spec_kinds() -> None:
    for party in _parties():
        assert party["kind"] in PARTY_KINDS, party


def test_gold_party_region_codes_exist_in_kemendagri_data() -> None:
    for party in _parties():
        code = party["region_code"]
        if code is None:
            continue
        region = wilayah.get_wilayah(code)
        assert region is not None, party
        assert region.level in (1, 2), party


def test_gold_regional_government_names_are_the_kemendagri_names() -> None:
    for party in _parties():
        if party["kind"] not in ("pemerintah_daerah", "dprd"):
            continue
        region = wilayah.get_wilayah(party["region_code"])
        if party["kind"] == "pemerintah_daerah":
            expected = "Pemerintah " + (f"Provinsi {region.name}" if region.level == 1 else region.name)
        else:
            expected = "Dewan Perwakilan Rakyat Daerah " + (
                f"Provinsi {region.name}" if region.level == 1 else region.name
            )
        assert party["name"] == expected, party


def test_gold_ombudsman_offices_carry_their_province() -> None:
    for party in _parties():
        if party["kind"] != "ombudsman":
            continue
        if party["region_code"] is None:
            assert party["name"] == "Ombudsman RI", party
        else:
            province = wilayah.get_wilayah(party["region_code"])
            assert province.level == 1
            assert party["name"] == f"Ombudsman RI Perwakilan {province.name}", party


def test_gold_covers_what_the_issue_asks_for() -> None:
    gold = _gold()
    events = [ev for rec in gold for ev in rec["events"]]
    assert sum(1 for rec in gold if not rec["events"]) >= 2
    assert any(len(ev["parties"]) >= 5 for ev in events), "a multi-party ceremony"
    assert any(len(rec["events"]) >= 3 for rec in gold), "an article with several events"
    assert any(ev["status"] == "planned" for ev in events)
    assert sum(1 for ev in events if all(p["kind"] != "ombudsman" for p in ev["parties"])) >= 5


# ---------------------------------------------------------------- bad input folder


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], float]:
    root = tmp_path_factory.mktemp("bad-input")
    start = time.perf_counter()
    made = make_bad_input_folder(root)
    return root, made, time.perf_counter() - start


def test_bad_input_folder_is_made_quickly_and_small(bad_folder: tuple[Path, dict[str, str], float]) -> None:
    root, _, seconds = bad_folder
    assert seconds < 15, f"took {seconds:.1f}s"
    total = sum(p.stat().st_size for p in root.iterdir())
    assert total < 65 * 1024**2


def test_bad_input_folder_holds_exactly_the_files_it_reports(
    bad_folder: tuple[Path, dict[str, str], float],
) -> None:
    root, made, _ = bad_folder
    assert sorted(p.name for p in root.iterdir()) == sorted(made)
    assert all(label.split(":")[0] in ("good", "bad", "mixed") for label in made.values())
    assert WEIRD_NAME in made and " " in WEIRD_NAME and not WEIRD_NAME.isascii()
    for key in EXPECTED_EVENTS:
        assert key.split("#")[0] in made


def test_bad_input_folder_covers_every_case_of_issue_2(
    bad_folder: tuple[Path, dict[str, str], float],
) -> None:
    root, made, _ = bad_folder
    sizes = {name: (root / name).stat().st_size for name in made}
    assert 0 in sizes.values(), "an empty file"
    assert any(n.endswith(".txt") and not (root / n).read_bytes().strip() and sizes[n] for n in made)
    assert any(sizes[n] >= 50 * 1024**2 for n in made), "a 50 MB page"
    assert any(n.endswith(".html") and "English" in made[n] for n in made)
    nested = next(n for n in made if "nested" in made[n])
    assert (root / nested).read_bytes().count(b"<div>") == NESTED_DIV_DEPTH
    random_page = next(n for n in made if "random" in made[n])
    with pytest.raises(UnicodeDecodeError):
        (root / random_page).read_bytes().decode("utf-8")
    truncated = next(n for n in made if "truncated" in made[n])
    with pytest.raises((EOFError, gzip.BadGzipFile, zlib.error)):
        gzip.decompress((root / truncated).read_bytes())


def test_gzip_bomb_is_small_on_disk_and_inflates_beyond_gigabytes(
    bad_folder: tuple[Path, dict[str, str], float],
) -> None:
    root, _, _ = bad_folder
    bomb = root / BOMB_NAME
    assert bomb.stat().st_size < 10 * 1024**2
    assert BOMB_UNCOMPRESSED_BYTES >= 4 * 1024**3
    # Inflate only the first 64 MiB: enough to see it is a real gzip stream of zeros, without the gigabytes.
    inflater = zlib.decompressobj(31)
    with bomb.open("rb") as raw:
        out = inflater.decompress(raw.read(1 << 20), 64 << 20)
    assert len(out) == 64 << 20 and not out.strip(b"\x00")


def test_windows_1252_page_is_not_utf8_and_has_no_charset(
    bad_folder: tuple[Path, dict[str, str], float],
) -> None:
    root, _, _ = bad_folder
    raw = (root / CP1252_NAME).read_bytes()
    assert b"charset" not in raw.lower()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    assert "“" in text and "é" in text and "menandatangani" in text


def test_jsonl_file_has_one_good_line_and_four_bad_ones(
    bad_folder: tuple[Path, dict[str, str], float],
) -> None:
    root, _, _ = bad_folder
    lines = (root / JSONL_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    good = json.loads(lines[0])
    assert good["id"] == JSONL_GOOD_ID and isinstance(good["text"], str)
    with pytest.raises(json.JSONDecodeError):
        json.loads(lines[1])
    no_text, null_text, number_text = (json.loads(line) for line in lines[2:])
    assert "text" not in no_text and "html" not in no_text
    assert null_text["text"] is None
    assert isinstance(number_text["text"], int)
