"""Issue 10: every usage error is one line on stderr and exit 2, found before anything is written; a real bug
is one line too (exit 1), and `--debug` shows its traceback."""

from __future__ import annotations

import socket
import sys
import types
from pathlib import Path

import pytest

from teken.pipeline import UsageError
from teken.pipeline.batch.cli import check_scheduler_reachable, main

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpus" / "demo"
GOLD_FMT = "teken eval reads a gold JSONL file"


def _fails(capsys, tmp_path: Path, argv: list[str], expect: str) -> str:
    before = sorted(tmp_path.rglob("*"))
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and expect in err, err
    assert sorted(tmp_path.rglob("*")) == before  # nothing written, no .parts/ left
    return err


def _run(tmp_path: Path, *extra: str) -> list[str]:
    return ["run", str(DEMO), "--out", str(tmp_path / "out"), "--no-progress", "--no-model", *extra]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def fake_dask(monkeypatch):
    """Dask as far as `import dask.bag` goes, so the distributed checks are tested without Dask installed."""
    dask, bag = types.ModuleType("dask"), types.ModuleType("dask.bag")
    dask.bag = bag
    monkeypatch.setitem(sys.modules, "dask", dask)
    monkeypatch.setitem(sys.modules, "dask.bag", bag)
    return monkeypatch


@pytest.mark.parametrize("extra, expect", [
    (["--batch-size", "0"], "--batch-size must be at least 1"),
    (["--batch-size", "x"], "invalid int value"),
    (["--workers", "0"], "--workers must be at least 1"),
    (["--resume", "--overwrite"], "--resume and --overwrite exclude each other"),
    (["--dask-scheduler", "tcp://127.0.0.1:8786"], "--dask-scheduler needs --executor dask"),
])
def test_bad_run_options(capsys, tmp_path, extra, expect) -> None:
    _fails(capsys, tmp_path, _run(tmp_path, *extra), expect)


def test_a_web_address_as_input_says_teken_reads_saved_pages(capsys, tmp_path) -> None:
    argv = ["run", "https://berita.example.id/mou", "--out", str(tmp_path / "out")]
    err = _fails(capsys, tmp_path, argv, "teken reads saved pages")
    assert "wget --warc-file" in err


def test_a_binary_gazetteer(capsys, tmp_path) -> None:
    gaz = tmp_path / "gaz.csv"
    gaz.write_bytes(bytes(range(256)) * 4)
    _fails(capsys, tmp_path, _run(tmp_path, "--gazetteer", str(gaz)), "is not a CSV file (binary content)")


def test_a_gazetteer_with_an_unknown_kind(capsys, tmp_path) -> None:
    gaz = tmp_path / "gaz.csv"
    gaz.write_text("name,aliases,kind,region_code\nBadan Contoh,BC,planet,\n", encoding="utf-8")
    _fails(capsys, tmp_path, _run(tmp_path, "--gazetteer", str(gaz)), "unknown kind 'planet'")
    _fails(capsys, tmp_path, ["eval", str(ROOT / "corpus" / "demo-gold.jsonl"), "--gazetteer", str(gaz)],
           "unknown kind 'planet'")


def test_a_gazetteer_that_is_not_utf8_or_has_no_name_column(capsys, tmp_path) -> None:
    gaz = tmp_path / "gaz.csv"
    gaz.write_bytes("name,aliases,kind,region_code\nBadan Ç,BC,organisasi,\n".encode("cp1252"))
    _fails(capsys, tmp_path, _run(tmp_path, "--gazetteer", str(gaz)), "is not UTF-8 text")
    gaz.write_text("nama,alias\nBadan Contoh,BC\n", encoding="utf-8")
    _fails(capsys, tmp_path, _run(tmp_path, "--gazetteer", str(gaz)), "has no `name` column")


def test_executor_dask_without_dask_names_the_extra(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)  # as if not installed, whether it is or not
    err = _fails(capsys, tmp_path, _run(tmp_path, "--executor", "dask"), "needs Dask")
    # Not `pip install 'teken[dask]'`: `teken` on PyPI is another project's name.
    assert "pip install 'dask[bag,distributed]" in err and "pip install -e '.[dask]'" in err
    assert "teken[dask]" not in err
    extra = (ROOT / "pyproject.toml").read_text()
    assert "\ndask = [" in extra  # the extra the message names


def test_dask_scheduler_without_distributed(capsys, tmp_path, fake_dask) -> None:
    fake_dask.setitem(sys.modules, "distributed", None)
    argv = _run(tmp_path, "--executor", "dask", "--dask-scheduler", f"tcp://127.0.0.1:{_closed_port()}")
    _fails(capsys, tmp_path, argv, "pip install 'dask[distributed]'")


def test_an_unreachable_dask_scheduler_fails_fast(capsys, tmp_path, fake_dask) -> None:
    fake_dask.setitem(sys.modules, "distributed", types.ModuleType("distributed"))
    argv = _run(tmp_path, "--executor", "dask", "--dask-scheduler", f"tcp://127.0.0.1:{_closed_port()}")
    _fails(capsys, tmp_path, argv, "cannot reach the Dask scheduler")


def test_scheduler_addresses_are_checked() -> None:
    with pytest.raises(UsageError, match="not a scheduler address"):
        check_scheduler_reachable("http://127.0.0.1:8786", timeout=1)
    with pytest.raises(UsageError, match="within 1 s"):
        check_scheduler_reachable(f"127.0.0.1:{_closed_port()}", timeout=1)
    with socket.socket() as server:  # a scheduler that listens: the check passes
        server.bind(("127.0.0.1", 0))
        server.listen()
        check_scheduler_reachable(f"tcp://127.0.0.1:{server.getsockname()[1]}", timeout=5)


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")
def test_an_output_folder_that_cannot_be_created(capsys, tmp_path) -> None:
    argv = ["run", str(DEMO), "--out", "/proc/teken-x", "--no-progress"]
    _fails(capsys, tmp_path, argv, "cannot create the output folder /proc/teken-x")
    assert not Path("/proc/teken-x").exists()


@pytest.mark.parametrize("content, expect", [
    (b'{"id": "a", "text": "Teks."\n', "line 1: invalid JSON"),
    (b'{"id": "a", "text": "Teks \xff."}\n', "line 1: not UTF-8 (byte 0xff)"),
    (b'{"id": "a", "text": "Teks.", "events": {"status": "signed"}}\n', "`events` is not a list"),
    (b'{"id": "a", "events": []}\n', "`text` is missing"),
    (b'["a", "b"]\n', "not an object"),
    (b"\n\n", "holds no gold lines"),
    (b"<!DOCTYPE html>\n<html><body><p>Berita.</p></body></html>\n", "looks like HTML"),
])
def test_eval_on_a_file_that_is_not_a_gold_file(capsys, tmp_path, content, expect) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(content)
    err = _fails(capsys, tmp_path, ["eval", str(gold), "--no-model"], expect)
    assert GOLD_FMT in err


def test_a_real_bug_is_one_line_and_debug_shows_the_traceback(capsys, tmp_path, monkeypatch) -> None:
    import teken.pipeline.batch.run

    def broken(args):
        raise KeyError("a bug")

    monkeypatch.setattr(teken.pipeline.batch.run, "run_command", broken)
    assert main(_run(tmp_path)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: KeyError" in err and "--debug" in err
    with pytest.raises(KeyError):
        main(_run(tmp_path, "--debug"))
    with pytest.raises(KeyError):
        main(["--debug", *_run(tmp_path)])
