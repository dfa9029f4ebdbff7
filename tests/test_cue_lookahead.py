"""SIGNING_CUE, the gate's and the model focus's regular expression, scans a page about twice as fast behind a
lookahead for its first characters (issue 12): the same matches, which is what is checked here, on every gold
and demo text and, for the lookahead itself, on every Unicode character."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from teken.extractors.agreements import SIGNING_CUE, SIGNING_CUE_PATTERN, first_chars, with_first_chars

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [ROOT / "corpus" / "demo-gold.jsonl", *sorted((ROOT / "tests" / "data").glob("*.jsonl")),
         ROOT.parent / "shared" / "dev" / "real.jsonl"]
PLAIN = re.compile(SIGNING_CUE_PATTERN, re.IGNORECASE)


def _texts() -> list[str]:
    out = []
    for path in TEXTS:
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                item = json.loads(line) if line.strip() else {}
                out += [v for k in ("title", "text") if isinstance(v := item.get(k), str)]
    return out


def test_the_cue_finds_exactly_what_the_plain_pattern_finds() -> None:
    texts = _texts()
    assert len(texts) > 200
    spans = lambda rx: [[m.span() for m in rx.finditer(t)] for t in texts]
    plain = spans(PLAIN)
    assert spans(SIGNING_CUE) == plain and sum(map(len, plain)) > 500
    # Written for this test: every case, the cues the lookahead starts on, and characters whose case folds oddly.
    odd = ("PENANDATANGANAN Nota Kesepahaman, pks MoU-nya NK; ſkb SKB İkrar bersama KONTRAK "
           "Kesepakatan \u212aontrak adendum PKS LoI HoA fakta integritas teken neken")
    assert [m.span() for m in SIGNING_CUE.finditer(odd)] == [m.span() for m in PLAIN.finditer(odd)]


def test_the_lookahead_takes_every_character_a_first_character_matches() -> None:
    """Case-insensitive: the lookahead's class matches, for each first character, the very characters the
    pattern's own letter matches (Kelvin sign for k, long s for s, dotted capital I for i, ...)."""
    chars = first_chars(SIGNING_CUE_PATTERN)
    assert chars and set("pmdtbnkrfisalh") <= set(chars.lower())
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    head = re.compile(f"[{re.escape(chars)}]", re.IGNORECASE)
    letters = {m.group() for m in head.finditer(everything)}
    own = {m.group() for ch in chars for m in re.finditer(re.escape(ch), everything, re.IGNORECASE)}
    assert letters == own


@pytest.mark.parametrize(("pattern", "expected"), [
    ("abc|de", "ad"), ("a?b", "ab"), ("(?<![A-Za-z])PKS|MoU", "MP"), ("[a-c]x|(?:d|e)+", "abcde"),
    ("a*", None), (".x", None), (r"\w+", None), ("(?=x)y", "y"), ("", None),
])
def test_first_chars(pattern: str, expected: str | None) -> None:
    assert first_chars(pattern) == expected
    rx = with_first_chars(pattern)
    text = "abc de xy PKS MoU dddd aab"
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
