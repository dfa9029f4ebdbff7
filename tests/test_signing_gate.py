"""Cheap first, expensive last: an article with no signing cue skips spaCy and the extractors (issue 12).

Every event starts from a trigger, and every trigger holds a signing word or an agreement name, which
`may_report_signing` looks for in the text and the title. Checked here: on every article of the demo gold, the
tests/data gold files and ../shared/dev/real.jsonl (when beside the repository) the gated extract step gives
exactly the events of the ungated one; a run gives the same dataset gated or not, and counts what it passed
over; real non-signing pages (../shared/data/html-real) are nearly all passed over.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from teken.extractors.agreements import may_report_signing
from teken.pipeline.batch.evaluate import event_dict
from teken.pipeline.batch.run import ExtractStep, RunOptions, run_pipeline
from teken.pipeline.nlp.components import build_nlp
from teken.records import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD_SETS = [ROOT / "corpus" / "demo-gold.jsonl", *sorted((ROOT / "tests" / "data").glob("*-gold.jsonl")),
             SHARED / "dev" / "real.jsonl"]
HTML_REAL = SHARED / "data" / "html-real"

NO_CUE = ("Banjir merendam dua desa di Kecamatan Sukamaju, Minggu (3/3). Warga mengungsi ke balai desa dan "
          "Bupati meninjau lokasi bersama Kepala BPBD. Bantuan makanan disalurkan Dinas Sosial.")


def _gold_articles() -> list[Article]:
    out = []
    for path in GOLD_SETS:
        if not path.is_file():
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                item = json.loads(line)
                out.append(Article(article_id=str(item.get("id") or f"{path.stem}-{i}"), input_path=str(path),
                                   input_record=i, url=item.get("url"), title=item.get("title"),
                                   published=item.get("published"), text=item["text"]))
    return out


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(False)


def _events(step: ExtractStep, articles: list[Article]) -> dict[str, list[dict]]:
    return {a.article_id + a.input_path: [event_dict(e) for e in evs] for a, evs in step.run(articles)}


def test_the_gate_gives_every_gold_and_real_article_the_events_of_the_ungated_pipeline(nlp) -> None:
    articles = _gold_articles()
    assert len(articles) >= 100
    gated, ungated = ExtractStep(nlp, gate=True), ExtractStep(nlp, gate=False)
    # Fresh copies each: the step sets n_events on the article it reads.
    with_gate = _events(gated, [Article(**vars(a)) for a in articles])
    without = _events(ungated, [Article(**vars(a)) for a in articles])
    assert with_gate == without
    assert sum(map(len, without.values())) > 100  # the comparison covers real events, not only empty lists
    passed_over = [a for a in articles if not may_report_signing(a.text, a.title)]
    assert gated.stats.extra["gated"] == len(passed_over)
    assert ungated.stats.extra["gated"] == 0
    assert all(without[a.article_id + a.input_path] == [] for a in passed_over)


def test_an_article_without_a_cue_skips_the_pipeline_and_keeps_its_row(nlp) -> None:
    class Refuses:  # the pipeline must not be called for a page with no cue
        pipeline = nlp.pipeline

        def pipe(self, texts, batch_size=64):
            raise AssertionError(f"NLP called on {texts}")

        def __call__(self, text):
            raise AssertionError(f"NLP called on {text}")

    step = ExtractStep(Refuses())
    [(article, events)] = list(step.run([Article("a1", "x.txt", title="Banjir di Sukamaju", text=NO_CUE)]))
    assert events == [] and article.error is None and article.n_events == 0
    assert step.stats.extra["gated"] == 1
    # A cue in the title alone is enough to be read (a headline can report the signing the body does not name).
    assert may_report_signing(NO_CUE, "Pemkab dan BPBD Teken MoU Penanganan Banjir")
    assert may_report_signing("Kedua pihak menandatangani nota kesepahaman.", None)
    assert not may_report_signing(NO_CUE, "Banjir di Sukamaju") and not may_report_signing("", None)


def _dataset(out: Path) -> tuple[list[dict], list[dict], dict]:
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    return events, articles, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_a_run_gives_the_same_dataset_gated_or_not_and_counts_the_pages_passed_over(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for page in sorted((ROOT / "corpus" / "demo").glob("*.html")):
        (corpus / page.name).write_bytes(page.read_bytes())
    real = sorted(HTML_REAL.glob("*.html")) if HTML_REAL.is_dir() else []
    for page in real:
        (corpus / f"real-{page.name}").write_bytes(page.read_bytes())
    (corpus / "banjir.txt").write_text(NO_CUE, encoding="utf-8")
    runs = {}
    for gate in (True, False):
        run_pipeline(RunOptions(inputs=[str(corpus)], out=str(tmp_path / f"out-{gate}"), use_model=False,
                                progress=False, gate=gate))
        runs[gate] = _dataset(tmp_path / f"out-{gate}")
    (ev_on, art_on, man_on), (ev_off, art_off, man_off) = runs[True], runs[False]
    assert ev_on == ev_off and len(ev_on) > 0
    assert art_on == art_off
    gated = man_on["counts"]["gated_this_run"]
    assert man_off["counts"]["gated_this_run"] == 0
    assert man_on["steps"]["nlp+extract"]["gated"] == gated
    by_path = {Path(a["input_path"]).name: a for a in art_on}
    no_cue = [name for name, a in by_path.items() if not a["error"] and not may_report_signing(a["text"], a["title"])]
    assert gated == len(no_cue) and "banjir.txt" in no_cue
    assert all(by_path[name]["n_events"] == 0 for name in no_cue)
    if real:  # real news pages, nearly none about a signing: nearly all passed over
        skipped_real = [n for n in no_cue if n.startswith("real-")]
        assert len(skipped_real) >= 0.7 * len(real), (len(skipped_real), len(real))


def test_the_library_call_passes_over_a_text_without_a_cue_too(monkeypatch) -> None:
    import teken

    def refuse(*args, **kwargs):
        raise AssertionError("the pipeline was built for a text with no signing cue")

    monkeypatch.setattr(teken, "nlp", refuse)
    assert teken.extract(NO_CUE, "2024-03-03", title="Banjir di Sukamaju", use_model=False) == []


def test_the_worker_path_of_the_pool_and_dask_executors_gates_too(monkeypatch, tmp_path) -> None:
    from teken.corpus.readers import RawDocument
    from teken.corpus.settings import ReadSettings
    from teken.pipeline.batch import run

    monkeypatch.setattr(run, "_WORKER", {})  # this process's worker state, as a spawned worker starts
    signing = ("Pemerintah Kabupaten Sukamaju dan Universitas Tanjungpura menandatangani nota kesepahaman "
               "kerja sama pendidikan di Pontianak, Senin (4/3/2024).")
    docs = [RawDocument("banjir.txt", None, "text", NO_CUE), RawDocument("mou.txt", None, "text", signing)]
    for doc in docs:  # a Dask worker reads its files itself
        (tmp_path / doc.input_path).write_text(str(doc.content), encoding="utf-8")
    files = [(str(tmp_path / d.input_path), d.input_path) for d in docs]
    items, _ = run._dask_partition(files, {}, False, use_model=False, gazetteers=[], settings=ReadSettings(),
                                   batch_size=64)
    results = [result for *_, result in items]
    assert run._WORKER["extract"].gate and run._WORKER["extract"].stats.extra["gated"] == 1
    assert [a.error for a, _ in results] == [None, None] and results[0][1] == [] and len(results[1][1]) == 1
    built = run._WORKER["extract"].nlp
    # A pool worker's state and functions live in steps.py (what a spawned worker imports).
    from teken.pipeline.batch import steps

    monkeypatch.setattr(steps, "_WORKER", {})
    monkeypatch.setattr("teken.pipeline.nlp.components.build_nlp", lambda *args, **kwargs: built)
    steps._worker_init(False, [], ReadSettings(), 64, False)
    steps._worker_process(docs)
    assert steps._WORKER["extract"].stats.extra["gated"] == 0
