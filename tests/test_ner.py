"""Tests for teken's Indonesian NER: the shipped model, the training config and the BIO corpus reader."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from teken.pipeline.nlp.ner import MODEL_DIR, load_ner_model
from teken.pipeline.nlp.ner.corpus import (
    BioSentence,
    gold_spans,
    map_tags,
    read_bio_lines,
    recase_sentence,
    sentence_to_doc,
    with_dateline,
)
from teken.pipeline.nlp.ner.evaluate import score_sentences
from teken.pipeline.nlp.tokenizer import IndonesianTokenizer

SHARED = Path(__file__).resolve().parents[2] / "shared"
NER_DATA = SHARED / "data" / "ner"

# Written for these tests in the style of a regional news report.
SAMPLE_TSV = (
    "Wali\tO\nKota\tO\nSurabaya\tB-PLACE\nEri\tB-PERSON\nCahyadi\tI-PERSON\nmenandatangani\tO\n"
    "nota\tO\nkesepakatan\tO\ndengan\tO\nUniversitas\tB-ORGANISATION\nAirlangga\tI-ORGANISATION\n.\tO\n"
    "\n"
    "bupati\tO\nsleman\tB-PLC\nkustini\tB-PPL\nhadir\tO\nbersama\tO\npt\tB-IND\npertamina\tI-IND\n"
    "di\tO\npekan\tB-EVT\nraya\tI-EVT\n.\tO\n"
)


def test_bio_reader_splits_sentences_on_blank_lines_and_keeps_tokens_and_tags():
    sents = list(read_bio_lines(SAMPLE_TSV.splitlines(keepends=True)))
    assert len(sents) == 2
    assert sents[0].words[:4] == ["Wali", "Kota", "Surabaya", "Eri"]
    assert sents[0].tags[3:5] == ["B-PERSON", "I-PERSON"]
    assert len(sents[1].words) == len(sents[1].tags) == 11


def test_bio_reader_reads_a_last_sentence_without_a_closing_blank_line():
    sents = list(read_bio_lines(["Jakarta\tB-PLACE\n", "hujan\tO"]))
    assert [s.words for s in sents] == [["Jakarta", "hujan"]]


def test_bio_reader_rejects_a_line_without_a_tab():
    with pytest.raises(ValueError, match="line 2"):
        list(read_bio_lines(["Jakarta\tB-PLACE\n", "hujan O\n"]))


def test_corpus_labels_are_mapped_onto_per_org_loc():
    sent = next(read_bio_lines(SAMPLE_TSV.splitlines(keepends=True)))
    assert gold_spans(sent) == {("LOC", 2, 3), ("PER", 3, 5), ("ORG", 9, 11)}


def test_nerp_ind_policy_decides_missing_org_or_outside_and_events_become_outside():
    tags = ["B-PPL", "O", "B-IND", "I-IND", "B-EVT", "I-FNB"]
    assert map_tags(tags, "missing") == ["B-PER", "O", None, None, "O", "O"]
    assert map_tags(tags, "org") == ["B-PER", "O", "B-ORG", "I-ORG", "O", "O"]
    assert map_tags(tags, "outside") == ["B-PER", "O", "O", "O", "O", "O"]


def test_an_inside_tag_after_another_label_starts_a_new_entity():
    assert map_tags(["B-PLACE", "I-PERSON", "I-PERSON"]) == ["B-LOC", "B-PER", "I-PER"]


def test_gold_doc_marks_ind_tokens_as_missing_annotation():
    sent = list(read_bio_lines(SAMPLE_TSV.splitlines(keepends=True)))[1]
    doc = sentence_to_doc(spacy.blank("id").vocab, sent, ind_policy="missing")
    assert [t.ent_iob_ for t in doc[5:7]] == ["", ""]
    assert [(e.text, e.label_) for e in doc.ents] == [("sleman", "LOC"), ("kustini", "PER")]
    assert doc.text.endswith("raya.")


def test_recasing_capitalises_nerp_entities_sentence_start_days_and_a_title_before_a_name():
    sent = BioSentence(
        ["kemarin", "bupati", "kustini", "dari", "pt", "pertamina", "datang", "ke", "sleman", ",", "senin", "."],
        ["O", "O", "B-PPL", "O", "B-IND", "I-IND", "O", "O", "B-PLC", "O", "O", "O"],
    )
    recased = recase_sentence(sent)
    assert " ".join(recased.words) == "Kemarin Bupati Kustini dari PT Pertamina datang ke Sleman , Senin ."
    assert recased.tags == sent.tags


def test_dateline_copy_puts_the_sentence_place_in_capitals_in_front_as_a_location():
    sent = next(read_bio_lines(SAMPLE_TSV.splitlines(keepends=True)))
    dated = with_dateline(sent)
    assert dated is not None
    assert dated.words[:3] == ["SURABAYA", "-", "Wali"]
    assert gold_spans(dated) >= {("LOC", 0, 1), ("PER", 5, 7)}
    assert with_dateline(BioSentence(["Hujan", "turun", "."], ["O", "O", "O"])) is None


def _shipped_model() -> spacy.Language:
    nlp = load_ner_model()
    if nlp is None:
        pytest.fail(f"the shipped NER model is missing from {MODEL_DIR}")
    return nlp


def test_shipped_model_loads_from_the_package_with_per_org_loc_labels():
    nlp = _shipped_model()
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}
    assert nlp.lang == "id"


def test_shipped_model_tags_people_organisations_and_places_in_a_news_sentence():
    nlp = _shipped_model()
    doc = nlp(
        "Gubernur Jawa Tengah Ganjar Pranowo dan Rektor Universitas Diponegoro Suharnomo menandatangani "
        "nota kesepakatan kerja sama di Semarang, Senin (12/9/2022)."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Ganjar Pranowo", "PER") in ents
    assert ("Semarang", "LOC") in ents
    assert any(label == "ORG" and "Diponegoro" in text for text, label in ents)


def test_shipped_tokenizer_is_the_default_one_the_loader_builds_instead_of_reading_it():
    # load_ner_model skips the saved tokenizer (its special cases are the slowest part of start-up):
    # that is right only while the saved one is spaCy's Indonesian default.
    # The loader builds teken's Indonesian tokenizer, whose tokens are the default's (tests/test_tokenizer.py).
    default = spacy.blank("id").tokenizer
    saved = spacy.blank("id").tokenizer.from_disk(MODEL_DIR / "tokenizer", exclude=["vocab"])
    assert saved.to_bytes(exclude=["vocab"]) == default.to_bytes(exclude=["vocab"])
    assert isinstance(_shipped_model().tokenizer, IndonesianTokenizer)


def test_missing_model_folder_gives_none_so_the_run_can_fall_back_to_the_gazetteer(tmp_path):
    assert load_ner_model(tmp_path / "nothing-here") is None


def test_scorer_counts_exact_spans_only_on_the_requested_labels():
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "LOC", "pattern": "Surabaya"}, {"label": "PER", "pattern": "Eri"}])
    sent = next(read_bio_lines(SAMPLE_TSV.splitlines(keepends=True)))
    scores = score_sentences(nlp, [sent], ("PER", "LOC"))
    assert scores.per_label["LOC"].tp == 1
    # "Eri" alone misses the gold "Eri Cahyadi": one false positive and one false negative.
    assert (scores.per_label["PER"].fp, scores.per_label["PER"].fn) == (1, 1)


@pytest.mark.skipif(not NER_DATA.is_dir(), reason="shared/data/ner is not beside the repository")
def test_committed_config_trains_a_loadable_model_on_100_sentences(tmp_path):
    from teken.pipeline.nlp.ner.train import train_ner

    model_dir = train_ner(NER_DATA, tmp_path / "run", max_steps=10, limit=100, seed=1)
    nlp = load_ner_model(model_dir)
    assert nlp is not None
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}
    assert (tmp_path / "run" / "corpus" / "train.spacy").is_file()
