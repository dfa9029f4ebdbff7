"""`teken bench --pages N`: a crawl-like corpus, measured against trafilatura's floor (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

from teken.corpus import DEMO_DIR
from teken.pipeline.batch.bench import build_pages_corpus
from teken.pipeline.batch.cli import main as teken_main


def test_the_corpus_is_nine_in_ten_pages_not_about_a_signing(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    for i in range(3):
        (real / f"r{i}.html").write_text(f"<html><body><p>Berita cuaca nomor {i}.</p></body></html>")
    assert build_pages_corpus(tmp_path / "a", 40, real) == 36
    pages = sorted((tmp_path / "a").glob("*.html"))
    assert len(pages) == 40
    demo = {p.read_bytes() for p in DEMO_DIR.glob("*.html")}
    assert [i for i, p in enumerate(pages) if p.read_bytes() in demo] == [9, 19, 29, 39]
    # Without real pages, written ones stand in for them.
    assert build_pages_corpus(tmp_path / "b", 20, tmp_path / "missing") == 0
    assert len(list((tmp_path / "b").glob("*.html"))) == 20


def test_bench_pages_prints_the_figures_the_issue_asks_for(tmp_path: Path, capfd, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no ../shared here: written pages
    assert teken_main(["bench", "--pages", "20", "--skip-10x", "--no-model"]) == 0
    out = capfd.readouterr()
    result = json.loads(out.out.strip().splitlines()[-1])
    for key in ("teken_over_floor", "speedup_workers", "startup_s", "rss_mb", "rss_ratio_10x", "floor_pages_per_s"):
        assert key in result
    assert result["pages"] == 20 and result["signing_pages"] == 2 and result["events"] >= 2
    assert result["teken_over_floor"] > 0 and result["rss_mb"] > 0
    assert "the floor" in out.err


def test_too_few_pages_is_a_usage_error(capsys) -> None:
    assert teken_main(["bench", "--pages", "3"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "--pages" in err
