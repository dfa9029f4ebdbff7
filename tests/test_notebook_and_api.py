"""The notebook runs top to bottom, and the Python API gives typed events and reads datasets back."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import teken

ROOT = Path(__file__).resolve().parents[1]


def test_extract_returns_typed_events_with_offsets_into_its_text() -> None:
    text = ("PEKANBARU – Pemkab Kampar dan Ombudsman RI Perwakilan Riau menandatangani nota kesepakatan "
            "di Kantor Bupati Kampar, Selasa (13/6/2023).")
    events = teken.extract(text, published="2023-06-14", use_model=False)
    assert len(events) == 1
    ev = events[0]
    assert isinstance(ev, teken.SigningEvent) and isinstance(ev.parties[0], teken.Party)
    assert ev.date == "2023-06-13" and ev.date_precision == "day" and ev.status == "signed"
    assert {(p.name, p.region_code) for p in ev.parties} == {
        ("Pemerintah Kabupaten Kampar", "14.01"), ("Ombudsman RI Perwakilan Riau", "14")}
    assert text[ev.evidence_start:ev.evidence_end] == ev.evidence


def test_extract_reads_html_too() -> None:
    html = ("<html><head><title>MoU</title></head><body><article><h1>Pemkot Batam Teken MoU</h1>"
            "<p>BATAM – Pemerintah Kota Batam dan Universitas Riau menandatangani nota kesepahaman "
            "tentang pengembangan sumber daya manusia, Senin (2/9/2024).</p></article></body></html>")
    events = teken.extract(html, published="2024-09-03", use_model=False)
    assert [ev.date for ev in events] == ["2024-09-02"]


def test_read_dataset_refuses_a_folder_without_a_dataset(tmp_path: Path) -> None:
    import pytest

    with pytest.raises(FileNotFoundError):
        teken.read_dataset(tmp_path)


def _execute_notebook(env: dict[str, str]) -> Any:
    """Run notebooks/explore.ipynb top to bottom in a Jupyter kernel; any cell's error fails the test."""
    import nbformat
    import pytest

    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        nbclient.NotebookClient(nb, timeout=900, kernel_name="python3",
                                resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def _images(nb) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


def test_notebook_runs_top_to_bottom_on_the_demo(tmp_path: Path) -> None:
    env = {"TEKEN_NOTEBOOK_OUT": str(tmp_path / "out")}
    if os.environ.get("TEKEN_FAST_TESTS"):
        env["TEKEN_NOTEBOOK_NO_MODEL"] = "1"
    nb = _execute_notebook(env)
    assert _images(nb) >= 4  # months, provinces and parties, network, coverage
    assert (tmp_path / "out" / "canonical_events.parquet").is_file()


def test_notebook_runs_top_to_bottom_on_a_synthetic_thousand_article_dataset(tmp_path: Path) -> None:
    from teken.corpus.synthetic import write_synthetic_corpus
    from teken.pipeline.batch.cli import main

    corpus = write_synthetic_corpus(tmp_path / "synthetic.jsonl", 1000)
    out = tmp_path / "synthetic-out"
    assert main(["run", str(corpus), "--out", str(out), "--no-model", "--no-progress"]) == 0
    ds = teken.read_dataset(out)
    assert len(ds.articles) == 1000 and len(ds.events) > 500
    assert len(ds.canonical_events) < len(ds.events)  # several outlets per ceremony, counted once
    nb = _execute_notebook({"TEKEN_NOTEBOOK_DATASET": str(out), "TEKEN_NOTEBOOK_NO_MODEL": "1"})
    assert _images(nb) >= 4


def test_the_committed_notebook_holds_its_outputs() -> None:
    nb = json.loads((ROOT / "notebooks" / "explore.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert sum(bool(c.get("outputs")) for c in code) >= len(code) - 1  # all but the set-up cell
    assert sum("image/png" in o.get("data", {}) for c in code for o in c["outputs"]) >= 4
