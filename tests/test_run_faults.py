"""Fault injection: `teken run` killed with SIGKILL at named points, then `--resume`, gives exactly the dataset
of an unbroken run, row for row; two runs into one folder; output folders teken must not read or delete.

The kills are deterministic, not timed: TEKEN_FAULT=point:n makes the run kill itself (SIGKILL) the n-th time
it reaches `point` (pipeline/batch/writers.py `fault`). Most runs here are forked from this warm test process and
run the real command (`teken.pipeline.batch.cli.main(["run", ...])`), because building spaCy's Indonesian tokenizer costs
10-20 s per fresh process on a busy machine; the two-runs test starts real `python -m teken`
subprocesses. The corpus: 240 small pages written from templates (tests/faultcorpus.py), 4 articles an NLP
batch and 16 a part, so a run writes 15 chunks of 3 part files each.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from teken.pipeline.batch.cli import main as teken_main

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from faultcorpus import make_fault_corpus  # noqa: E402

# One process: the kill points are in the process that writes, and a killed run is the forked child itself (with
# the default, the cores available, a pool's workers would be left to notice their parent is gone).
SMALL = ["--no-model", "--no-progress", "--batch-size", "4", "--chunk-size", "16", "--workers", "1"]
TABLES = ("events", "parties", "articles")
TEXT_FILES = ("events.csv", "parties.csv", "events.jsonl")
N_PAGES = 240
# Python 3.12+ warns that forking a process with threads (pyarrow's pool, here) may deadlock the child. The
# forked child only runs `teken run` and leaves with os._exit; each run has a deadline, so a hang would fail.
pytestmark = pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
DEADLINE = 300  # seconds a single run may take on a loaded machine before the test gives up on it


def _forked_run(corpus: Path, out: Path, *extra: str, fault: str | None = None) -> int | str:
    """`teken run` in a forked child: its exit code, or "killed" if it died of SIGKILL."""
    pid = os.fork()
    if pid == 0:  # the child: run the command, never return into pytest
        code = 99
        try:
            from teken.pipeline.batch import writers

            writers._FAULT_SEEN.clear()
            if fault:
                os.environ["TEKEN_FAULT"] = fault
            else:
                os.environ.pop("TEKEN_FAULT", None)
            code = teken_main(["run", str(corpus), "--out", str(out), *SMALL, *extra])
        finally:
            os._exit(code)
    deadline = time.monotonic() + DEADLINE
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail(f"teken run did not end within {DEADLINE} s")
        time.sleep(0.05)
    if os.WIFSIGNALED(status):
        return "killed" if os.WTERMSIG(status) == signal.SIGKILL else f"signal {os.WTERMSIG(status)}"
    return os.WEXITSTATUS(status)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_fault_corpus(tmp_path_factory.mktemp("faults") / "corpus", N_PAGES)


@pytest.fixture(scope="module")
def baseline(corpus: Path, tmp_path_factory) -> Path:
    """The unbroken run (in this process, which also builds the pipeline that forked runs then share)."""
    out = tmp_path_factory.mktemp("baseline") / "out"
    assert teken_main(["run", str(corpus), "--out", str(out), *SMALL]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["articles"] == N_PAGES and manifest["counts"]["errors"] > 0
    assert manifest["counts"]["events"] > 80
    return out


def _without_seconds(steps: dict) -> dict:
    return {name: {k: v for k, v in counts.items() if k != "seconds"} for name, counts in steps.items()}


def assert_same_dataset(got: Path, want: Path) -> None:
    assert sorted(p.name for p in got.iterdir()) == sorted(p.name for p in want.iterdir()), "files differ"
    for name in TABLES:
        a = pq.read_table(got / f"{name}.parquet", use_threads=False)
        b = pq.read_table(want / f"{name}.parquet", use_threads=False)
        assert a.num_rows == b.num_rows, name
        assert a.equals(b), f"{name}.parquet differs from the unbroken run's"
    for name in TEXT_FILES:
        assert (got / name).read_bytes() == (want / name).read_bytes(), name
    m, w = (json.loads((p / "manifest.json").read_text()) for p in (got, want))
    # The manifest counts the whole dataset, not the last session.
    for key in ("articles", "events", "parties", "errors"):
        assert m["counts"][key] == w["counts"][key], key
    assert m["error_reasons"] == w["error_reasons"]
    assert _without_seconds(m["steps"]) == _without_seconds(w["steps"])
    assert sum(s["articles"] for s in m["sessions"]) == N_PAGES


# Each kill point, and how many times it is reached before the kill (15 chunks, 3 part writes each).
KILLS = [
    "part-write:1",  # the very first part file, half written
    "part-write:9",  # an articles part: the commit itself, half written
    "part-between:1",  # events and parties parts of chunk 0 on disk, its articles part not
    "part-between:9",
    "part-committed:1",  # a chunk committed, nothing after it (the old done-log's gap)
    "part-committed:15",  # the last chunk committed, before the join
    "join:1",  # events.parquet replaced, the other final files not
    "join:3",  # all files, .parts not yet removed
]


@pytest.mark.parametrize("fault", KILLS)
def test_killed_run_resumes_to_the_unbroken_dataset(fault: str, corpus: Path, baseline: Path, tmp_path: Path,
                                                   capfd) -> None:
    out = tmp_path / "out"
    assert _forked_run(corpus, out, fault=fault) == "killed"
    assert (out / ".parts").is_dir()
    assert _forked_run(corpus, out, "--resume") == 0
    err = capfd.readouterr().err
    assert "took over the lock of a run that stopped" in err
    assert "Traceback" not in err
    assert_same_dataset(out, baseline)


def test_run_killed_twice_then_resumed(corpus: Path, baseline: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _forked_run(corpus, out, fault="part-committed:3") == "killed"
    assert _forked_run(corpus, out, "--resume", fault="part-write:7") == "killed"
    assert _forked_run(corpus, out, "--resume", fault="part-between:2") == "killed"
    assert _forked_run(corpus, out, "--resume") == 0
    assert_same_dataset(out, baseline)
    sessions = json.loads((out / "manifest.json").read_text())["sessions"]
    assert len(sessions) == 4, sessions  # the four sessions, each of which committed chunks


def test_unreadable_parts_are_discarded_and_redone(corpus: Path, baseline: Path, tmp_path: Path, capfd) -> None:
    """A part cut short on disk (an older teken, a full disk, a copy) is verified away, not a crash; the
    redone chunk comes last in .parts, and the dataset is still in input order."""
    out = tmp_path / "out"
    assert _forked_run(corpus, out, fault="part-committed:5") == "killed"
    for victim in ("chunk-00001.articles.parquet", "chunk-00003.events.parquet"):
        path = out / ".parts" / victim
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    (out / ".parts" / "chunk-00002.parties.parquet").unlink()
    capfd.readouterr()
    assert _forked_run(corpus, out, "--resume") == 0
    err = capfd.readouterr().err
    assert err.count("discarded the unreadable part") == 3, err
    assert_same_dataset(out, baseline)


def test_two_runs_into_one_folder(corpus: Path, baseline: Path, tmp_path: Path) -> None:
    """Real processes: the first holds the folder (paused after its second chunk); the second is refused
    with who holds it, exit 2 and nothing written; the first then finishes to the unbroken dataset."""
    out, release = tmp_path / "out", tmp_path / "release"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TEKEN_FAULT": "part-committed:2:pause",
           "TEKEN_FAULT_RELEASE": str(release)}
    cmd = [sys.executable, "-m", "teken", "run", str(corpus), "--out", str(out), *SMALL]
    first = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + DEADLINE
        while not (out / ".parts" / "chunk-00001.articles.parquet").exists():
            assert first.poll() is None, first.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the first run never wrote its second chunk"
            time.sleep(0.1)
        before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
        env_second = {k: v for k, v in env.items() if not k.startswith("TEKEN_FAULT")}
        for extra in ([], ["--resume"]):
            second = subprocess.run([*cmd, *extra], cwd=ROOT, env=env_second, capture_output=True, text=True,
                                    timeout=DEADLINE)
            lines = second.stderr.strip().splitlines()
            assert second.returncode == 2, second.stderr[-2000:]
            assert len(lines) == 1 and "in use by another teken run" in lines[0], lines
            assert f"pid {first.pid} " in lines[0]
            assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
        release.touch()
        _, err = first.communicate(timeout=DEADLINE)
        assert first.returncode == 0, err[-2000:]
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert not (out / ".teken.lock").exists()
    assert_same_dataset(out, baseline)


def test_a_lock_held_elsewhere_refuses_the_run(corpus: Path, tmp_path: Path, capsys) -> None:
    from teken.pipeline.batch.writers import OutputLock

    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out):
        assert teken_main(["run", str(corpus), "--out", str(out), *SMALL]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"pid {os.getpid()} on " in err[0]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("where", ["same", "inside"])
def test_output_in_an_input_folder_is_a_usage_error(corpus: Path, tmp_path: Path, capsys, where: str) -> None:
    out = corpus if where == "same" else corpus / "a" / "dataset"
    before = sorted(corpus.rglob("*"))
    assert teken_main(["run", str(corpus), "--out", str(out), *SMALL]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "inside the input folder" in err[0], err
    assert sorted(corpus.rglob("*")) == before


@pytest.mark.parametrize("flag", [[], ["--overwrite"], ["--resume"]])
def test_a_parts_folder_teken_did_not_make_is_never_deleted(corpus: Path, tmp_path: Path, capsys,
                                                            flag: list[str]) -> None:
    out = tmp_path / "out"
    (out / ".parts").mkdir(parents=True)
    (out / ".parts" / "my-notes.txt").write_text("mine")
    assert teken_main(["run", str(corpus), "--out", str(out), *SMALL, *flag]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "did not write" in err[0], err
    assert (out / ".parts" / "my-notes.txt").read_text() == "mine"
    assert sorted(p.name for p in out.rglob("*")) == [".parts", "my-notes.txt"]


def test_files_with_teken_names_that_teken_did_not_write_are_kept(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.csv").write_text("my,own,table\n")
    assert teken_main(["run", str(corpus), "--out", str(out), *SMALL, "--overwrite"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "events.csv" in err[0] and "did not write" in err[0], err
    assert sorted(p.name for p in out.iterdir()) == ["events.csv"]
    assert (out / "events.csv").read_text() == "my,own,table\n"


def test_overwrite_keeps_other_files_in_the_folder(baseline: Path, corpus: Path, tmp_path: Path) -> None:
    """A teken dataset folder may hold the user's own files too: --overwrite replaces teken's files only."""
    import shutil

    out = tmp_path / "out"
    shutil.copytree(baseline, out)
    (out / "catatan.txt").write_text("mine")
    assert _forked_run(corpus, out, "--overwrite") == 0
    assert (out / "catatan.txt").read_text() == "mine"
    (out / "catatan.txt").unlink()
    assert_same_dataset(out, baseline)
