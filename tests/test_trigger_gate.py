"""The extract step reads entities only for a body with a trigger (pipeline/batch/run.py, ExtractStep._pipe).

A page that passes the cue gate ("kontrak" in a court report) but whose sentences hold no trigger gets no event
from its body whatever its entities (extractors/events.py, body_may_report_signing), so the step runs the
tokenizer and the sentence splitter on it, not the NER model nor the gazetteer, and asks only its headline.
Checked here: the step's events equal extract_events over the whole pipeline, on the self-written gold sets and
on articles written for this test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teken.extractors.events import body_may_report_signing, extract_events
from teken.pipeline.batch.evaluate import event_dict
from teken.pipeline.batch.run import ExtractStep
from teken.pipeline.nlp.components import GazetteerMatcher, build_nlp
from teken.records import Article

ROOT = Path(__file__).resolve().parents[1]
GOLD_SETS = [ROOT / "corpus" / "demo-gold.jsonl", *sorted((ROOT / "tests" / "data").glob("*-gold.jsonl"))]

# Written for teken: a cue ("kontrak", "tanda tangan") and no signing in the body; the first headline reports one.
WRITTEN = [
    ("Pemkot Surabaya dan PT Angkasa Pura I Teken MoU Pengelolaan Bandara",
     "Wali Kota Surabaya Eri Cahyadi mengatakan kerja sama itu sudah lama dibahas.\n\n"
     "Kontrak pengelolaan lama berakhir tahun ini, ujar Kepala Dinas Perhubungan Tundjung Iswandaru."),
    ("Sidang Sengketa Lahan Ditunda",
     "Majelis hakim Pengadilan Negeri Medan menunda sidang sengketa kontrak lahan karena saksi tidak hadir.\n\n"
     "Kuasa hukum penggugat menyebut tanda tangan dalam surat kuasa itu dipalsukan."),
    ("Pemprov Jambi dan Universitas Jambi Sepakati Kerja Sama",
     "Gubernur Jambi Al Haris dan Rektor Universitas Jambi Helmi menandatangani nota kesepahaman di "
     "Rumah Dinas Gubernur, Senin (6/3/2023).\n\nKerja sama itu meliputi penelitian dan pengabdian masyarakat."),
]


def _articles() -> list[Article]:
    out = []
    for path in GOLD_SETS:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                item = json.loads(line)
                out.append(Article(article_id=f"{path.stem}-{i}", input_path=str(path), input_record=i,
                                   url=item.get("url"), title=item.get("title"), published=item.get("published"),
                                   text=item["text"]))
    for i, (title, text) in enumerate(WRITTEN):
        out.append(Article(article_id=f"written-{i}", input_path="written", input_record=i, title=title, text=text))
    return out


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(True)


def test_the_step_gives_the_events_of_the_whole_pipeline(nlp) -> None:
    articles = _articles()
    gazetteer = next(p for _, p in nlp.pipeline if isinstance(p, GazetteerMatcher)).gazetteer
    whole = {a.article_id: [event_dict(e) for e in extract_events(nlp(a.text), gazetteer, a.article_id, a.published,
                                                                    a.title, url=a.url, nlp=nlp)]
             for a in articles}
    step = {a.article_id: [event_dict(e) for e in evs] for a, evs in ExtractStep(nlp, 16, gate=False).run(articles)}
    assert step == whole
    assert whole["written-0"], "the headline's signing is read when the body holds no trigger"
    assert not whole["written-1"]


def test_a_body_without_trigger_skips_the_entities(nlp) -> None:
    step = ExtractStep(nlp, 16)
    docs, without = step._pipe([text for _, text in WRITTEN])
    assert [id(d) in without for d in docs] == [True, True, False]
    assert not body_may_report_signing(docs[1]) and body_may_report_signing(docs[2])
    assert not docs[1].ents and docs[2].ents  # neither the model nor the gazetteer ran on the second
