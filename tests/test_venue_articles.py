"""Whole short articles through teken.extract: the venue each event gets when its own sentence gives none.

extractors/venue.articles.examples.jsonl: {"rule", "text", "published"?, "expect": [{"venue", "status"?, "date"?}]},
one expected item per event, in order. Parties are left to parties.examples.jsonl.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROWS = [json.loads(line) for line in (Path(__file__).resolve().parents[1] / "extractors" /
                                      "venue.articles.examples.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()]


@pytest.mark.parametrize("row", ROWS, ids=[r["rule"][:50] for r in ROWS])
def test_venue_article_example(row: dict) -> None:
    import teken

    events = [ev.to_dict() for ev in teken.extract(row["text"], row.get("published"), use_model=False)]
    assert [{k: ev[k] for k in want} for ev, want in zip(events, row["expect"], strict=False)] == row["expect"]
    assert len(events) == len(row["expect"]), [(e["venue"], [p["name"] for p in e["parties"]]) for e in events]
