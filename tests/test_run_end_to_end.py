"""`teken run` end to end: the demo corpus gives exactly its gold events, bad inputs cost one row each,
usage errors write nothing, a crashed run resumes, and the dataset has the documented columns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from teken.pipeline.batch.cli import main as teken_main
from teken.pipeline.batch.writers import ARTICLES_SCHEMA, EVENTS_SCHEMA, FINAL_FILES, PARTIES_SCHEMA

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpus" / "demo"
GOLD = ROOT / "corpus" / "demo-gold.jsonl"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from badinput import EXPECTED_EVENTS, make_bad_input_folder  # noqa: E402


def _run(*args: str) -> int:
    return teken_main(["run", *args, "--no-progress"])


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "out"
    assert _run(str(DEMO), "--out", str(out), "--no-model") == 0
    return out


def _party_set(parties) -> set[tuple]:
    return {(p["name"], p["kind"], p["region_code"]) for p in parties}


def _value(x):
    """pandas reads a null string as NaN; the gold says None."""
    return None if x is None or (isinstance(x, float) and pd.isna(x)) else x


def test_demo_run_writes_every_spec_file_with_documented_columns(demo_run: Path) -> None:
    for name in FINAL_FILES:
        assert (demo_run / name).is_file(), name
    assert not (demo_run / ".parts").exists()
    for name, schema in (("events", EVENTS_SCHEMA), ("parties", PARTIES_SCHEMA), ("articles", ARTICLES_SCHEMA)):
        df = pd.read_parquet(demo_run / f"{name}.parquet")
        assert list(df.columns) == schema.names
    manifest = json.loads((demo_run / "manifest.json").read_text())
    assert manifest["counts"]["articles"] == 15
    assert manifest["model"] and manifest["teken_version"]
    events_csv = pd.read_csv(demo_run / "events.csv")
    assert {"party_names", "party_region_codes", "agreement_types"} <= set(events_csv.columns)
    lines = (demo_run / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(pd.read_parquet(demo_run / "events.parquet"))


def test_demo_run_finds_exactly_the_gold_events_of_each_article(demo_run: Path) -> None:
    gold = {json.loads(line)["file"]: json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()}
    articles = pd.read_parquet(demo_run / "articles.parquet")
    events = pd.read_parquet(demo_run / "events.parquet")
    assert articles["error"].isna().all()
    for _, art in articles.iterrows():
        want = gold[Path(art["input_path"]).name]["events"]
        got = events[events["article_id"] == art["article_id"]].sort_values("evidence_start")
        assert len(got) == len(want), art["input_path"]
        for (_, ev), g in zip(got.iterrows(), want, strict=True):
            assert list(ev["agreement_types"]) == g["agreement_types"]
            assert tuple(_value(ev[k]) for k in ("status", "date", "venue")) == (g["status"], g["date"], g["venue"])
            assert _party_set(ev["parties"]) == _party_set(g["parties"])


def test_evidence_offsets_point_into_the_cleaned_text(demo_run: Path) -> None:
    articles = pd.read_parquet(demo_run / "articles.parquet").set_index("article_id")
    for _, ev in pd.read_parquet(demo_run / "events.parquet").iterrows():
        text = articles.loc[ev["article_id"], "text"]
        assert text[ev["evidence_start"]:ev["evidence_end"]] == ev["evidence"]


def test_event_ids_are_stable_across_runs(demo_run: Path, tmp_path: Path) -> None:
    assert _run(str(DEMO), "--out", str(tmp_path / "again"), "--no-model") == 0
    first = pd.read_parquet(demo_run / "events.parquet")["event_id"].tolist()
    again = pd.read_parquet(tmp_path / "again" / "events.parquet")["event_id"].tolist()
    assert first == again and len(set(first)) == len(first)


def test_html_real_pages_give_no_event_and_every_title_and_date() -> None:
    real = ROOT.parent / "shared" / "data" / "html-real"
    if not real.is_dir():
        pytest.skip("shared/data/html-real is absent")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        assert _run(str(real), "--out", tmp, "--no-model") == 0
        articles = pd.read_parquet(Path(tmp) / "articles.parquet")
        events = pd.read_parquet(Path(tmp) / "events.parquet")
    pages = articles[articles["input_path"].str.endswith(".html")]
    assert len(pages) == 26
    assert pages["error"].isna().all()
    assert pages["title"].notna().all() and pages["published"].notna().all()
    assert len(events) == 0, events[["article_id", "evidence"]].to_string()


def test_bad_inputs_cost_one_row_each_and_never_the_run(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    labels = make_bad_input_folder(folder)
    out = tmp_path / "out"
    # The run is the only child of a small wrapper process, whose RUSAGE_CHILDREN is then the run's own peak
    # (this process's children include whatever earlier tests started, mypy and wheel builds among them).
    wrapper = ("import resource, subprocess, sys\n"
               "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
               "sys.stderr.write(p.stderr)\n"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
               "sys.exit(p.returncode)\n")
    proc = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "teken", "run", str(folder),
                           "--out", str(out), "--no-model", "--no-progress"], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    peak_kb = int(proc.stdout.strip().splitlines()[-1])
    assert peak_kb < 2 * 1024 * 1024, f"peak RSS {peak_kb} kB"
    articles = pd.read_parquet(out / "articles.parquet")
    events = pd.read_parquet(out / "events.parquet")
    by_file = {Path(p).name: g for p, g in articles.groupby("input_path")}
    for name, label in labels.items():
        rows = by_file[name]
        if label.startswith("bad:"):
            assert rows["error"].notna().all() and rows["error"].str.len().gt(5).all(), name
        elif label.startswith("good:"):
            assert rows["error"].isna().all(), (name, rows["error"].tolist())
    assert articles.loc[articles["input_path"].str.endswith(".jsonl"), "error"].notna().sum() == 4
    for key, expected in EXPECTED_EVENTS.items():
        name, _, record_id = key.partition("#")
        rows = by_file[name]
        if record_id:
            rows = rows[rows["article_id"] == record_id]
        got = events[events["article_id"].isin(rows["article_id"])]
        assert len(got) == len(expected), key
        for (_, ev), want in zip(got.iterrows(), expected, strict=True):
            assert list(ev["agreement_types"]) == want["agreement_types"]
            assert (ev["status"], ev["date"]) == (want["status"], want["date"])
            codes = {p["region_code"] for p in ev["parties"] if p["region_code"]}
            assert set(want["region_codes"]) <= codes, key
            assert sorted(p["kind"] for p in ev["parties"]) == sorted(want["kinds"]), key


def test_missing_input_is_a_one_line_usage_error_that_writes_nothing(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert _run(str(tmp_path / "no-such-folder"), "--out", str(out)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "input not found" in err[0]
    assert not out.exists()


def test_unwritable_output_is_a_usage_error(tmp_path: Path, capsys) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        assert _run(str(DEMO), "--out", str(locked / "out")) == 2
        assert "not writable" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)


def test_output_below_a_file_is_not_writable(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert _run(str(DEMO), "--out", str(blocker / "out")) == 2
    assert "not writable" in capsys.readouterr().err
    assert blocker.read_text() == "x"


def test_output_that_is_a_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    assert _run(str(DEMO), "--out", str(target)) == 2
    assert "not a folder" in capsys.readouterr().err


def test_existing_dataset_is_not_overwritten_without_asking(demo_run: Path, capsys) -> None:
    assert _run(str(DEMO), "--out", str(demo_run), "--no-model") == 2
    assert "--overwrite" in capsys.readouterr().err


def test_resume_skips_inputs_a_crashed_run_finished(tmp_path: Path) -> None:
    from teken.pipeline.batch.run import RunOptions, run_pipeline
    from teken.pipeline.batch.writers import PartWriter

    out = tmp_path / "out"
    pages = sorted(DEMO.glob("*.html"))
    # A crashed run: one chunk of the first four pages written, then nothing.
    first = run_pipeline(RunOptions(inputs=[str(p) for p in pages[:4]], out=str(tmp_path / "part"),
                                    use_model=False, progress=False))
    assert first.articles == 4
    writer = PartWriter(out)
    from teken.corpus.clean import clean_document
    from teken.corpus.readers import iter_documents

    done = [(clean_document(d), []) for d in iter_documents([str(p) for p in pages[:4]])]
    writer.write_chunk(done)
    summary = run_pipeline(RunOptions(inputs=[str(p) for p in pages], out=str(out), use_model=False,
                                      progress=False, resume=True))
    assert summary.articles == len(pages) - 4
    assert summary.manifest["counts"]["skipped_done"] == 4
    assert len(pd.read_parquet(out / "articles.parquet")) == len(pages)
