"""extractors/institutions.examples.jsonl: institution phrases in a sentence and what they resolve to.

Each line: {"text", "mention": the words the party mention must span (null: none expected), "name", "kind",
"region_code", "not"?: canonical names no mention may resolve to}. The mention layer (collect_mentions) is
run on the gazetteer-only pipeline, as the other examples files are, so the rules show without the model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "extractors" / "institutions.examples.jsonl"
ROWS = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def _mentions(text: str):
    import teken
    from teken.extractors.parties import collect_mentions
    from teken.pipeline.nlp.components import GazetteerMatcher

    pipe = teken.nlp(False, ())
    gaz = next(p for _, p in pipe.pipeline if isinstance(p, GazetteerMatcher)).gazetteer
    doc = pipe(text)
    return collect_mentions(doc, gaz, doc.text)


def test_examples_file_is_large_enough() -> None:
    assert len(ROWS) >= 20


@pytest.mark.parametrize("row", ROWS, ids=[f"{i:03d}-{r['text'][:40]}" for i, r in enumerate(ROWS)])
def test_institution_example(row: dict) -> None:
    mentions = _mentions(row["text"])
    names = [m.institution.name for m in mentions]
    for bad in row.get("not", []):
        assert bad not in names, [(m.text, m.institution.name) for m in mentions]
    if row["mention"] is None:
        return
    hits = [m for m in mentions if m.text == row["mention"]]
    assert hits, [(m.text, m.institution.name) for m in mentions]
    inst = hits[0].institution
    assert (inst.name, inst.kind, inst.region_code) == (row["name"], row["kind"], row["region_code"])
