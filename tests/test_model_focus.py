"""The NER model reads only the sentences around a signing cue (pipeline/nlp/components.py, `teken_model_focus`).

That is safe only while every sentence with a trigger matches the cue, and while the events read off the
focused Doc are the ones read off a Doc the model read whole. Both are checked here on the self-written
sets; the events on real articles are compared by `teken eval` (identical on shared/dev/real.jsonl when
the step was added).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teken.extractors.agreements import SIGNING_CUE, find_triggers
from teken.extractors.events import extract_events
from teken.pipeline.nlp.components import GazetteerMatcher, build_nlp
from teken.pipeline.nlp.ner import load_ner_model

ROOT = Path(__file__).resolve().parents[1]
GOLD_SETS = [ROOT / "corpus" / "demo-gold.jsonl", *sorted((ROOT / "tests" / "data").glob("*-gold.jsonl"))]
EXAMPLES = sorted((ROOT / "extractors").glob("*.examples.jsonl"))

needs_model = pytest.mark.skipif(load_ner_model() is None, reason="the NER model is not shipped here")


def _articles() -> list[dict]:
    return [json.loads(line) for path in GOLD_SETS if path.is_file()
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _example_texts() -> list[str]:
    texts = []
    for path in EXAMPLES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts += [v for k, v in record.items() if k in {"text", "sentence"} and isinstance(v, str)]
    return texts


@pytest.fixture(scope="module")
def pipelines():
    return build_nlp(True), build_nlp(True, focus=False)


def test_every_sentence_with_a_trigger_matches_the_cue(pipelines):
    focused, _ = pipelines
    sentences = [s.text for text in [a["text"] for a in _articles()] + _example_texts()
                 for s in focused.get_pipe("teken_sentences")(focused.make_doc(text)).sents]
    assert len(sentences) > 500
    missed = [s for s in sentences if find_triggers(s) and not SIGNING_CUE.search(s)]
    assert missed == []


@needs_model
def test_a_page_without_a_signing_cue_is_not_read_by_the_model(pipelines):
    focused, _ = pipelines
    doc = focused("Banjir merendam dua desa di Kecamatan Sukamaju, Minggu (3/3). Warga mengungsi ke balai desa.")
    assert focused.get_pipe("teken_model_focus").blocks(doc) == []


@needs_model
def test_the_model_reads_the_cue_sentence_and_its_neighbours_only(pipelines):
    focused, _ = pipelines
    text = ("Harga cabai naik di Pasar Baru. Hujan turun sejak pagi. Bupati Sleman Ani Rahma hadir di pendopo. "
            "Ia menandatangani nota kesepakatan dengan Rektor Universitas Mataram Budi Santosa. "
            "Kerja sama itu berlaku tiga tahun. Sore harinya pasar kembali ramai. Malam itu listrik padam.")
    doc = focused(text)
    blocks = focused.get_pipe("teken_model_focus").blocks(doc)
    assert [b.text for b in blocks] == [
        "Bupati Sleman Ani Rahma hadir di pendopo. Ia menandatangani nota kesepakatan dengan Rektor Universitas "
        "Mataram Budi Santosa. Kerja sama itu berlaku tiga tahun."]
    assert all(blocks[0].start_char <= e.start_char for e in doc.ents if e.label_ == "PER")


@needs_model
def test_events_are_the_same_as_when_the_model_reads_the_whole_text(pipelines):
    focused, whole = pipelines

    def events(nlp, article):
        gaz = next(p for _, p in nlp.pipeline if isinstance(p, GazetteerMatcher)).gazetteer
        found = extract_events(nlp(article["text"]), gaz, article.get("id", "a"), article.get("published"),
                               article.get("title"), url=article.get("url"))
        return [(e.agreement_types, e.status, e.date, e.venue, sorted(p.name for p in e.parties)) for e in found]

    articles = _articles()
    assert len(articles) > 50
    differ = [a.get("id") for a in articles if events(focused, a) != events(whole, a)]
    assert len(differ) <= len(articles) // 50, differ
