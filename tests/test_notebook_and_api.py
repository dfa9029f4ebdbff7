"""The notebook runs top to bottom, and the Python API gives typed events and reads datasets back."""

from __future__ import annotations

import json
import os
from pathlib import Path

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


def test_notebook_runs_top_to_bottom(tmp_path: Path, monkeypatch) -> None:
    nb = json.loads((ROOT / "notebooks" / "explore.ipynb").read_text(encoding="utf-8"))
    monkeypatch.chdir(ROOT / "notebooks")
    namespace: dict = {}
    source = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    source = source.replace('ROOT / "out" / "notebook-demo"', repr(str(tmp_path / "out")))
    source = source.replace("use_model=True", "use_model=False") if os.environ.get("TEKEN_FAST_TESTS") else source
    exec(compile(source, "explore.ipynb", "exec"), namespace)
    assert len(namespace["ds"].events) > 0
