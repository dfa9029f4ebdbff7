"""Each extractor's examples file, beside its rules, is its test (Duckling's Corpus.hs, one id per example).

- extractors/agreements.examples.jsonl: {"text", "expect": [{"types", "status"?}]} - the signings a sentence
  reports (triggers that create an event), in order; [] for sentences with none.
- extractors/venue.examples.jsonl: {"text", "trigger", "expect": venue text or null, "status"?: "planned"}.
- extractors/parties.examples.jsonl: {"text", "published"?, "expect": [event]} - whole short articles through
  teken.extract; each expected event gives its parties as {"name", "kind", "region_code"} (and optionally
  "representative"), and may give "types", "status", "date", "venue". A row with "use_model": true runs with
  the NER model (a rule that reads its spans); the others run on the rules and the gazetteer alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EXTRACTORS = Path(__file__).resolve().parents[1] / "extractors"


def _examples(name: str) -> list[dict]:
    path = EXTRACTORS / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def _ids(rows: list[dict]) -> list[str]:
    return [f"{i:03d}-{r['text'][:40]}" for i, r in enumerate(rows)]


AGREEMENTS = _examples("agreements.examples.jsonl")
VENUES = _examples("venue.examples.jsonl")
PARTIES = _examples("parties.examples.jsonl")
# Which signing mentions are one ceremony (extractors/ceremonies.py): the same format as the party examples.
CEREMONIES = _examples("ceremonies.examples.jsonl")


def test_examples_files_are_large_enough() -> None:
    assert len(AGREEMENTS) >= 40 and len(VENUES) >= 40 and len(PARTIES) >= 40
    assert sum(1 for r in AGREEMENTS if not r["expect"]) >= 10, "negatives are examples too"
    assert sum(1 for r in VENUES if r["expect"] is None) >= 8
    assert sum(1 for r in PARTIES if not r["expect"]) >= 5


@pytest.mark.parametrize("row", AGREEMENTS, ids=_ids(AGREEMENTS))
def test_agreement_example(row: dict) -> None:
    from teken.extractors.agreements import find_triggers, signing_status

    got = []
    for t in find_triggers(row["text"]):
        if not t.creates_event:
            continue
        item = {"types": t.types}
        if any("status" in e for e in row["expect"]):
            item["status"] = signing_status(row["text"], t.start, t.end) or "signed"
        got.append(item)
    want = [{k: v for k, v in e.items() if k in ("types", "status")} for e in row["expect"]]
    assert got == want


@pytest.mark.parametrize("row", VENUES, ids=_ids(VENUES))
def test_venue_example(row: dict) -> None:
    from teken.extractors.venue import venue_for_signing

    start = row["text"].index(row["trigger"])
    venue = venue_for_signing(row["text"], start, start + len(row["trigger"]), planned=row.get("status") == "planned")
    assert (venue.text if venue else None) == row["expect"]


def _party_set(parties: list[dict]) -> set[tuple]:
    return {(p["name"], p["kind"], p.get("region_code")) for p in parties}


@pytest.mark.parametrize("row", PARTIES + CEREMONIES, ids=_ids(PARTIES) + [f"ceremony-{i}" for i in _ids(CEREMONIES)])
def test_party_example(row: dict) -> None:
    import teken

    # Rows that read the NER model's spans say so ("use_model": true); the rest are the rules alone.
    events = teken.extract(row["text"], row.get("published"), title=row.get("title"),
                           use_model=bool(row.get("use_model", False)))
    got = [ev.to_dict() for ev in events]
    assert len(got) == len(row["expect"]), [e["parties"] for e in got]
    for ev, want in zip(got, row["expect"], strict=True):
        assert _party_set(ev["parties"]) == _party_set(want["parties"])
        for field in ("types", "status", "date", "venue"):
            if field in want:
                key = "agreement_types" if field == "types" else field
                assert ev[key] == want[field], field
        for p in want["parties"]:
            if "representative" in p:
                rep = next(q["representative"] for q in ev["parties"] if q["name"] == p["name"])
                assert rep == p["representative"]
