"""Tests for the NER model's lexicon features: place names (Kemendagri regions and places.csv) and person names."""

from __future__ import annotations

import csv

import numpy as np
import pytest
import spacy

from teken.pipeline.nlp.ner import lexicon
from teken.pipeline.nlp.ner.lexicon import (
    BEGIN,
    INSIDE,
    PERSON_KINDS,
    PLACE_LEVELS,
    SINGLE,
    LexiconMultiHashEmbed,
    person_features,
    place_features,
)


def _level(value: int) -> int:
    return int(value) // 4


def _position(value: int) -> int:
    return int(value) % 4


def test_a_regency_named_without_its_prefix_is_a_whole_region_name():
    feats = place_features("Bupati Bogor membuka acara".split())
    assert _level(feats[1]) == PLACE_LEVELS["kabupaten"] and _position(feats[1]) == SINGLE
    assert feats[0] == feats[2] == feats[3] == 0


def test_a_multi_word_region_name_marks_its_first_and_following_tokens():
    feats = place_features("di Kabupaten Kutai Kartanegara kemarin".split())
    assert [_position(v) for v in feats] == [0, BEGIN, INSIDE, INSIDE, 0]
    assert {_level(v) for v in feats[1:4]} == {PLACE_LEVELS["kabupaten"]}


def test_matching_ignores_case_so_lowercased_scrapes_get_the_feature_too():
    assert np.array_equal(place_features(["Kota", "Batam"]), place_features(["kota", "batam"]))


def test_region_table_leaves_out_places_outside_indonesia_and_place_table_has_them():
    names = [r["name"] for r in csv.DictReader(open(lexicon.PLACES_CSV, encoding="utf-8"))
             if r["kind"] == "country" and len(r["name"].split()) == 1]
    assert names, "places.csv lists single-word countries"
    foreign = next(n for n in names if place_features([n], "region")[0] == 0)
    assert _level(place_features([foreign], "place")[0]) == PLACE_LEVELS["country"]


def test_places_csv_rows_are_valid_and_unique():
    rows = list(csv.DictReader(open(lexicon.PLACES_CSV, encoding="utf-8")))
    assert len(rows) > 500
    assert {r["kind"] for r in rows} <= set(PLACE_LEVELS)
    assert len({r["name"] for r in rows}) == len(rows)


def test_person_names_csv_rows_are_single_words_of_a_known_kind():
    rows = list(csv.DictReader(open(lexicon.PERSON_NAMES_CSV, encoding="utf-8")))
    assert len(rows) > 500
    assert {r["kind"] for r in rows} <= set(PERSON_KINDS)
    assert all(" " not in r["name"].strip() for r in rows)


def test_a_listed_given_name_gets_the_person_feature_and_a_common_word_does_not():
    rows = list(csv.DictReader(open(lexicon.PERSON_NAMES_CSV, encoding="utf-8")))
    name = rows[0]["name"]
    feats = person_features([name, "menandatangani", name.lower()])
    assert feats[0] == feats[2] == PERSON_KINDS[rows[0]["kind"]] or feats[0] == PERSON_KINDS["both"]
    assert feats[1] == 0


def test_the_embedding_layer_gives_one_vector_per_token():
    nlp = spacy.blank("id")
    doc = nlp("Wali Kota Batam menandatangani nota kesepakatan di Singapura.")
    model = LexiconMultiHashEmbed(width=16, attrs=["NORM", "SHAPE"], rows=[100, 50],
                                  lexicons=["place", "person"], lexicon_rows=16)
    model.initialize()
    out = model.predict([doc])
    assert out[0].shape == (len(doc), 16)


def test_an_unknown_lexicon_name_is_refused():
    with pytest.raises(ValueError, match="unknown lexicon"):
        LexiconMultiHashEmbed(width=16, attrs=["NORM"], rows=[100], lexicons=["planets"])


def test_organisations_csv_rows_are_valid_unique_and_matched_as_organisations():
    rows = list(csv.DictReader(open(lexicon.ORGANISATIONS_CSV, encoding="utf-8")))
    assert len(rows) > 500
    assert {r["kind"] for r in rows} <= set(lexicon.ORG_KINDS)
    assert len({r["name"].lower() for r in rows}) == len(rows)
    feats = place_features("Pemkot menggandeng Universitas Gadjah Mada pekan lalu".split(), "org")
    assert [_position(v) for v in feats] == [0, 0, BEGIN, INSIDE, INSIDE, 0, 0]
    assert _level(feats[2]) == lexicon.ORG_KINDS["education"]
