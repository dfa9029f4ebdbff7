"""Names misspelt by one letter still match the gazetteer (pipeline/nlp/components.py, GazetteerMatcher):
real news writes "Kementrian", "Universita", "Pemko Subulusalam". Only a word of six letters or more that no
form holds is respelled, only to a word one edit away that the forms hold, and only inside a name of two
words or more, so a lone near-miss (a person's or a place's name) is left alone."""

from __future__ import annotations

import pytest

import teken
from teken.pipeline.nlp.components import _one_edit


@pytest.mark.parametrize(("a", "b", "near"), [
    ("kementrian", "kementerian", True),   # a letter left out
    ("assosiasi", "asosiasi", True),       # a letter too many
    ("kemenkumhan", "kemenkumham", True),  # another letter
    ("unievrsitas", "universitas", True),  # two neighbours swapped
    ("kementrian", "kementrans", False),   # two edits
    ("sleman", "sleman", False),           # the same word is no edit
])
def test_one_edit(a: str, b: str, near: bool) -> None:
    assert _one_edit(a, b) is near
    assert _one_edit(b, a) is near


def _ents(text: str) -> list[tuple[str, str]]:
    doc = teken.nlp(False, ())(text)
    return [(e.text, e.kb_id_) for e in doc.ents if e.kb_id_]


def test_a_misspelt_name_matches_its_institution() -> None:
    assert ("Bupati Bantull", "pemda:34.02#official") in _ents("Bupati Bantull meneken nota kesepahaman itu.")
    assert ("Kementrian Agama", "inst:kementerian-agama") in _ents(
        "Nota kesepakatan diteken Kementrian Agama dan pemerintah kota.")


def test_a_lone_near_miss_or_a_capitalised_stop_word_is_left_alone() -> None:
    assert not any(k.startswith("pemda:34.02") for _, k in _ents("Kusnadi Bantull hadir di acara itu."))
    assert _ents("Jangan dilipat, jangan dicoret.") == []


def test_a_long_name_misspelt_in_its_last_word_still_matches_whole() -> None:
    # the respelled word ends a name of many tokens, a short form in brackets among them
    ents = _ents("Kantor Perwakilan Bank Indonesia (KPw BI) Provinsi Bengklu meneken MoU dengan tiga bank.")
    assert ents[0] == ("Kantor Perwakilan Bank Indonesia (KPw BI) Provinsi Bengklu",
                       "tpl:kantor-perwakilan-bank-indonesia-provinsi-name:17")
