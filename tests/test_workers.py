"""Parallel by default (issue 12): `--workers` defaults to the cores available, a pool of worker processes
cleans and extracts batches of pages, and the dataset is identical, row for row, whatever the number of
workers. A run of one batch or less stays in one process when the number of workers is not given."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from teken.corpus import DEMO_DIR
from teken.pipeline import available_cores
from teken.pipeline.batch.cli import build_parser
from teken.pipeline.batch.run import RunOptions, run_pipeline

# Written for this test: news pages about anything but a signing (the gate passes them over).
OTHER = [
    ("Banjir Rendam Dua Desa", "Banjir merendam dua desa di Kecamatan Sukamaju setelah hujan deras semalaman. "
     "Warga mengungsi ke balai desa dan petugas membagikan makanan."),
    ("Harga Beras Turun", "Harga beras medium di pasar induk turun menjadi Rp12.000 per kilogram. Pedagang "
     "menyebut panen raya di sejumlah daerah menambah pasokan."),
    ("Festival Budaya Digelar", "Festival budaya tahunan digelar di alun-alun kota dengan tarian daerah dan "
     "pameran kerajinan. Ribuan pengunjung datang sejak pagi."),
]


def _page(i: int) -> str:
    title, body = OTHER[i % len(OTHER)]
    paragraphs = "".join(f"<p>{body} Laporan {i}, bagian {k}.</p>" for k in range(4))
    return (f"<html><head><title>{title} {i}</title></head><body><article><h1>{title} {i}</h1>{paragraphs}"
            f"</article></body></html>")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo pages between written pages: several batches of 4 at --batch-size 4, events in most."""
    folder = tmp_path_factory.mktemp("corpus")
    for i, page in enumerate(sorted(DEMO_DIR.glob("*.html"))):
        shutil.copyfile(page, folder / f"{i:03d}-a.html")
        (folder / f"{i:03d}-b.html").write_text(_page(i), encoding="utf-8")
    return folder


def _run(corpus: Path, out: Path, workers: int, batch_size: int = 4, chunk_size: int = 8, **kw) -> dict:
    run_pipeline(RunOptions(inputs=[str(corpus)], out=str(out), use_model=False, workers=workers,
                            batch_size=batch_size, chunk_size=chunk_size, progress=False, **kw))
    tables = {name: pd.read_parquet(out / f"{name}.parquet") for name in ("events", "parties", "articles")}
    tables["manifest"] = json.loads((out / "manifest.json").read_text())
    return tables


@pytest.fixture(scope="module")
def one(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _run(corpus, tmp_path_factory.mktemp("one"), workers=1)


def test_two_workers_give_the_dataset_of_one_row_for_row(corpus: Path, one: dict, tmp_path: Path) -> None:
    two = _run(corpus, tmp_path / "two", workers=2)
    assert len(one["articles"]) == 30 and len(one["events"]) > 10
    for name in ("events", "parties", "articles"):
        pd.testing.assert_frame_equal(two[name], one[name])  # same rows, same order, same values
    counts = ("articles", "events", "parties", "errors", "gated_this_run", "duplicates")
    assert {k: two["manifest"]["counts"][k] for k in counts} == {k: one["manifest"]["counts"][k] for k in counts}
    assert one["manifest"]["counts"]["gated_this_run"] >= 15  # the written pages at least; two: the workers counted
    assert (one["manifest"]["workers"], two["manifest"]["workers"]) == (1, 2)


def test_workers_default_to_the_cores_available(corpus: Path, one: dict, tmp_path: Path) -> None:
    default = _run(corpus, tmp_path / "default", workers=0)
    assert default["manifest"]["workers"] == available_cores()
    for name in ("events", "parties", "articles"):
        pd.testing.assert_frame_equal(default[name], one[name])


def test_a_run_of_one_batch_stays_in_one_process(corpus: Path, one: dict, tmp_path: Path) -> None:
    single = _run(corpus, tmp_path / "single", workers=0, batch_size=64)
    assert single["manifest"]["workers"] == 1
    for name in ("events", "parties", "articles"):
        pd.testing.assert_frame_equal(single[name], one[name])


def test_the_default_is_none_and_the_help_says_it() -> None:
    parser = build_parser()
    assert parser.parse_args(["run", "x", "--out", "y"]).workers is None
    run_help = next(a for a in parser._subparsers._group_actions[0].choices["run"]._actions  # type: ignore[union-attr]
                    if "--workers" in a.option_strings).help
    assert "default: the cores available" in run_help and str(available_cores()) in run_help


def test_available_cores_follows_the_affinity(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.delattr(os, "process_cpu_count", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    assert available_cores() == 3


# ---- workers read the single files themselves --------------------------------------------------------------

@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every kind of input a pool meets: pages that workers read themselves (one copied under a second name, one
    naming the same og:url as another: ids qualified in input order), a text file, a JSON Lines file read by the
    main process (one line repeating a page's URL), and files that give error rows (binary, empty)."""
    folder = tmp_path_factory.mktemp("mixed")
    demo = sorted(DEMO_DIR.glob("*.html"))
    for i, page in enumerate(demo[:4]):
        shutil.copyfile(page, folder / f"{i:02d}-demo.html")
    shutil.copyfile(demo[0], folder / "05-copy.html")  # the same bytes again
    same_url = "<meta property='og:url' content='https://kabar.contoh.id/daerah/banjir-sukamaju'>"
    (folder / "06-a.html").write_text(_page(1).replace("<head>", "<head>" + same_url), encoding="utf-8")
    (folder / "07-b.html").write_text(_page(2).replace("<head>", "<head>" + same_url), encoding="utf-8")
    (folder / "08-text.txt").write_text("Harga Beras Turun\n\n" + OTHER[1][1] * 3, encoding="utf-8")
    lines = [{"id": "berita-1", "url": "https://kabar.contoh.id/daerah/banjir-sukamaju/", "text": OTHER[0][1] * 3},
             {"id": "berita-2", "text": OTHER[2][1] * 3},
             {"id": "berita-2", "text": OTHER[1][1] * 4}]
    (folder / "09-feed.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    (folder / "10-binary.html").write_bytes(bytes(range(256)) * 8)
    (folder / "11-empty.html").write_bytes(b"")
    for i in range(12, 16):
        (folder / f"{i}-other.html").write_text(_page(i), encoding="utf-8")
    return folder


def _run_mixed(corpus: Path, out: Path, workers: int, **kw) -> dict:
    return _run(corpus, out, workers, batch_size=2, chunk_size=4, **kw)


@pytest.fixture(scope="module")
def mixed_one(mixed: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _run_mixed(mixed, tmp_path_factory.mktemp("mixed-one"), workers=1)


def test_every_kind_of_input_gives_the_rows_of_one_process(mixed: Path, mixed_one: dict, tmp_path: Path) -> None:
    two = _run_mixed(mixed, tmp_path / "two", workers=2)
    articles = mixed_one["articles"]
    assert len(articles) == 17 and articles["article_id"].is_unique
    assert articles["notes"].fillna("").str.contains("qualified").sum() >= 3  # the copy, the og:url, the JSONL id
    assert articles["error"].fillna("").str.contains("binary|empty").sum() == 2
    for name in ("events", "parties", "articles"):
        pd.testing.assert_frame_equal(two[name], mixed_one[name])
    counts = ("articles", "events", "parties", "errors", "gated_this_run", "duplicates")
    assert {k: two["manifest"]["counts"][k] for k in counts} == {k: mixed_one["manifest"]["counts"][k] for k in counts}
    assert two["manifest"]["steps"]["read"]["errors"] == mixed_one["manifest"]["steps"]["read"]["errors"] == 2


class _Stop(Exception):
    pass


@pytest.mark.parametrize("with_text", [True, False])
def test_a_pool_run_stopped_and_resumed_gives_the_rows_of_one_process(mixed: Path, mixed_one: dict, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch,
                                                                    with_text: bool) -> None:
    """Stopped after two chunks, resumed with two workers: the finished pages stay in this process (read again
    for the ids after them, and for duplicates when the chunks hold no text), the rest go to the workers."""
    import teken.pipeline.batch.writers as writers

    seen = {"n": 0}

    def stop_after(point: str) -> None:
        if point == "part-committed":
            seen["n"] += 1
            if seen["n"] == 2:
                raise _Stop

    monkeypatch.setattr(writers, "fault", stop_after)
    with pytest.raises(_Stop):
        _run_mixed(mixed, tmp_path / "out", workers=2, with_text=with_text)
    monkeypatch.undo()
    resumed = _run_mixed(mixed, tmp_path / "out", workers=2, resume=True, with_text=with_text)
    columns = [c for c in mixed_one["articles"].columns if with_text or c != "text"]
    pd.testing.assert_frame_equal(resumed["articles"][columns], mixed_one["articles"][columns])
    for name in ("events", "parties"):
        pd.testing.assert_frame_equal(resumed[name], mixed_one[name])
    assert resumed["manifest"]["counts"]["skipped_done"] == 8
