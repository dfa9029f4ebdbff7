"""`--executor dask` on a real dask.distributed cluster, and inputs given as fsspec URLs (issue 12).

A module fixture starts a scheduler and two workers as separate processes on 127.0.0.1 (the commands
`dask scheduler` and `dask worker` run, as `python -m distributed.cli.…`), each in its own process group that
the finalizer kills, whatever the test did. The workers read the inputs themselves (a folder, `file://` URLs);
the datasets are compared with a local run's, row for row. Nothing leaves 127.0.0.1; the waits are generous
bounds, never timings. URL inputs are also read from fsspec's in-process memory filesystem (this process, and
a Dask worker in this process). Skipped when dask.distributed (teken's dask extra) is not installed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from teken.pipeline.batch.cli import main as teken_main

pytest.importorskip("distributed")
pytest.importorskip("fsspec")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from faultcorpus import make_fault_corpus

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpus" / "demo"
TABLES = ("events", "parties", "articles")


def _spawn(args: list[str], log: Path) -> subprocess.Popen:
    with open(log, "wb") as fh:  # the child keeps its own descriptor
        return subprocess.Popen([sys.executable, "-m", *args], stdout=fh, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True, cwd=log.parent)


def _stop(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 20)):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)  # the worker's nanny and its worker process, the scheduler
        except ProcessLookupError:
            break
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[str]:
    """A scheduler and two one-thread workers, separate processes on 127.0.0.1; yields the scheduler's address."""
    from distributed import Client

    home = tmp_path_factory.mktemp("cluster")
    procs: list[subprocess.Popen] = []
    try:
        sched_file = home / "scheduler.json"
        procs.append(_spawn(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                             "--no-dashboard", "--scheduler-file", str(sched_file)], home / "scheduler.log"))
        deadline = time.monotonic() + 120
        address = None
        while address is None and time.monotonic() < deadline and procs[0].poll() is None:
            try:
                address = json.loads(sched_file.read_text())["address"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.2)
        assert address, "the scheduler did not start: " + (home / "scheduler.log").read_text()[-2000:]
        for n in (1, 2):
            procs.append(_spawn(["distributed.cli.dask_worker", address, "--host", "127.0.0.1", "--nworkers", "1",
                                 "--nthreads", "1", "--no-dashboard", "--local-directory", str(home / f"w{n}")],
                                home / f"worker{n}.log"))
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=300)
        yield address
    finally:
        for proc in reversed(procs):
            _stop(proc)


def _run(*args: str) -> int:
    return teken_main(["run", *args, "--no-progress"])


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {t: pd.read_parquet(out / f"{t}.parquet") for t in TABLES}


def _assert_same_rows(a: Path, b: Path) -> None:
    ta, tb = _tables(a), _tables(b)
    for t in TABLES:
        assert len(ta[t]) == len(tb[t]), t
        pd.testing.assert_frame_equal(ta[t], tb[t], obj=t)  # input order is kept: identical, row for row


def _corpus(root: Path) -> Path:
    """Pages (signing, not, empty and binary), and JSON Lines whose ids repeat, in two folders."""
    make_fault_corpus(root / "pages", 36)
    lines = [{"id": "k-1", "url": "https://berita.example.id/2024/03/mou-kampar", "title": "MoU Kampar",
              "published": "2024-03-04",
              "text": "Pemerintah Kabupaten Kampar dan Kejaksaan Negeri Kampar menandatangani nota kesepahaman "
                      "bidang perdata dan tata usaha negara di Bangkinang, Senin (4/3/2024)."},
             {"id": "k-2", "url": "https://berita.example.id/2024/03/ksr", "title": "MoU KSR",
              "published": "2024-03-05",
              "text": "Koperasi Sumber Rejeki Kampar dan Pemerintah Kabupaten Kampar menandatangani nota "
                      "kesepahaman pemberdayaan petani di Bangkinang, Selasa (5/3/2024)."},
             {"id": "k-1", "url": "https://berita.example.id/2024/03/mou-kampar-2", "title": "MoU Kampar lagi",
              "published": "2024-03-06",
              "text": "Pemerintah Kota Dumai dan Kepolisian Resor Dumai menandatangani perjanjian kerja sama "
                      "pengamanan di Dumai, Rabu (6/3/2024)."}]
    feed = root / "feeds"
    feed.mkdir()
    (feed / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    (feed / "b.jsonl").write_text(json.dumps(lines[0]) + "\n", encoding="utf-8")  # the id of a.jsonl again
    _write_warc(feed / "c.warc.gz")
    return root


def _write_warc(path: Path) -> None:
    """A crawl's WARC: a request, a signing page, a 404, an image, and the signing page crawled again."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (b"<html><head><title>MoU Makassar</title></head><body><article><p>Pemerintah Kota Makassar dan Badan "
            b"Pertanahan Nasional menandatangani perjanjian kerja sama pendaftaran tanah di Makassar, Kamis "
            b"(7/3/2024). Kerja sama ini mempercepat sertifikasi tanah warga.</p></article></body></html>")
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "berita.example.id")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://berita.example.id/mou-makassar", "request",
                                                      payload=io.BytesIO(b""), http_headers=request))
        for url, status, ctype, body in [
                ("https://berita.example.id/mou-makassar", "200 OK", "text/html", page),
                ("https://berita.example.id/hilang", "404 Not Found", "text/html", b"<html>tidak ada</html>"),
                ("https://berita.example.id/foto.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff" * 50),
                ("https://berita.example.id/mou-makassar", "200 OK", "text/html", page.replace(b"Kamis", b"Jumat"))]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_a_real_cluster_gives_the_rows_of_a_local_run(cluster: str, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    # A folder and a file:// glob: the workers read both (this machine's disk stands for a shared filesystem).
    inputs = [str(corpus / "pages"), f"file://{corpus}/feeds/*"]
    gazetteer = tmp_path / "koperasi.csv"  # the driver's file: its content goes to the workers
    gazetteer.write_text("name,aliases,kind,region_code\nKoperasi Sumber Rejeki Kampar,KSR Kampar,,14.01\n")
    inputs += ["--gazetteer", str(gazetteer)]
    assert _run(*inputs, "--out", str(tmp_path / "local"), "--no-model") == 0
    assert _run(*inputs, "--out", str(tmp_path / "dask"), "--no-model", "--executor", "dask",
                "--dask-scheduler", cluster, "--batch-size", "4") == 0
    _assert_same_rows(tmp_path / "local", tmp_path / "dask")
    articles = _tables(tmp_path / "dask")["articles"]
    assert articles["input_path"].str.startswith("file://").sum() == 6  # 4 JSON Lines, 2 WARC pages
    # k-1 twice in a.jsonl and once in b.jsonl; the WARC's page crawled twice
    assert articles["notes"].str.contains("qualified", na=False).sum() == 3
    assert articles["error"].notna().sum() >= 2 and len(_tables(tmp_path / "dask")["events"]) > 10
    local, dask = (json.loads((tmp_path / d / "manifest.json").read_text()) for d in ("local", "dask"))
    assert dask["executor"] == "dask" and dask["counts"]["articles"] == local["counts"]["articles"]
    assert dask["counts"]["gated_this_run"] == local["counts"]["gated_this_run"]
    assert dask["skipped"] == local["skipped"] and dask["skipped"]["warc"]  # the WARC's request, 404, image
    # Dask without a scheduler: a local pool of processes, the same rows.
    assert _run(*inputs, "--out", str(tmp_path / "pool"), "--no-model", "--executor", "dask", "--workers", "2",
                "--batch-size", "4") == 0
    _assert_same_rows(tmp_path / "local", tmp_path / "pool")


@pytest.mark.parametrize("text", ["--with-text", "--no-text"])
def test_a_run_on_the_cluster_resumes_to_the_dataset_of_an_unbroken_run(text: str, cluster: str, tmp_path: Path,
                                                                         monkeypatch) -> None:
    """Stopped after two chunks, resumed on the cluster: the dataset of an unbroken local run. With --no-text
    the workers send back the finished articles' pages, whose texts the duplicate check reads again."""
    from teken.pipeline.batch import writers

    corpus = _corpus(tmp_path / "corpus")
    inputs = [f"file://{corpus}/pages/", str(corpus / "feeds")]
    common = ["--no-model", "--batch-size", "4", "--chunk-size", "8", *([text] if text == "--no-text" else [])]
    assert _run(*inputs, "--out", str(tmp_path / "whole"), *common) == 0

    class Stop(Exception):
        pass

    seen = {"n": 0}

    def stop_after_two_chunks(point: str) -> None:
        if point == "part-committed":
            seen["n"] += 1
            if seen["n"] == 2:
                raise Stop

    dask = ["--executor", "dask", "--dask-scheduler", cluster]
    monkeypatch.setattr(writers, "fault", stop_after_two_chunks)
    assert _run(*inputs, "--out", str(tmp_path / "broken"), *common, *dask) == 1  # stopped: "internal error"
    monkeypatch.undo()
    assert _run(*inputs, "--out", str(tmp_path / "broken"), *common, *dask, "--resume") == 0
    _assert_same_rows(tmp_path / "whole", tmp_path / "broken")
    manifest = json.loads((tmp_path / "broken" / "manifest.json").read_text())
    assert manifest["counts"]["skipped_done"] == 16


def test_the_workers_load_the_shipped_model(cluster: str, tmp_path: Path) -> None:
    """With the NER model: the workers load it from the installed package (nothing is downloaded)."""
    assert _run(str(DEMO), "--out", str(tmp_path / "local")) == 0
    assert _run(str(DEMO), "--out", str(tmp_path / "dask"), "--executor", "dask", "--dask-scheduler", cluster) == 0
    _assert_same_rows(tmp_path / "local", tmp_path / "dask")
    local, dask = (json.loads((tmp_path / d / "manifest.json").read_text()) for d in ("local", "dask"))
    assert dask["model"] == local["model"] and local["model"]


def test_inputs_the_workers_cannot_reach_are_a_usage_error_before_anything_is_written(cluster: str,
                                                                                        tmp_path: Path) -> None:
    """The workers are asked before the run: a path on no shared filesystem (here one that is nowhere) is a
    usage error naming the worker, not a dataset of "file not found" rows."""
    from teken.pipeline import UsageError
    from teken.pipeline.batch.run import check_workers_reach

    check_workers_reach(cluster, [str(DEMO), f"file://{DEMO}/*.html"])  # both workers see these
    with pytest.raises(UsageError, match=r"2 of 2 Dask workers cannot read the inputs \(worker tcp://127\.0\.0\.1:"
                                         r"\d+: /nowhere/teken-crawl not found\)"):
        check_workers_reach(cluster, [str(DEMO), "/nowhere/teken-crawl"])


# ---- fsspec URLs without a cluster ------------------------------------------------------------------------

SIGNING = ("<html><head><title>MoU Padang</title></head><body><article><p>Pemerintah Kota Padang dan Ombudsman RI "
           "Perwakilan Sumatera Barat menandatangani nota kesepahaman tentang pelayanan publik di Padang, Senin "
           "(4/3/2024). Kerja sama nomor NOMOR ini bertujuan meningkatkan mutu pelayanan kepada masyarakat.</p>"
           "<p>Penandatanganan disaksikan para kepala dinas di aula balai kota.</p></article></body></html>")
PLAIN = ("<html><head><title>Banjir</title></head><body><article><p>Banjir merendam puluhan rumah warga di tepi "
         "sungai sejak pagi hari di desa nomor NOMOR. Warga mengungsi ke balai desa dan menunggu air surut.</p></article></body></html>")


@pytest.fixture
def memory_crawl() -> Iterator[str]:
    import fsspec

    fs = fsspec.filesystem("memory")
    root = f"/teken-test-{os.getpid()}-{time.monotonic_ns()}"
    for i in range(12):
        fs.pipe(f"{root}/crawl/p{i:02d}.html", (SIGNING if i % 3 == 0 else PLAIN).replace("NOMOR", str(i)).encode())
    fs.pipe(f"{root}/crawl/README.md", b"not a page")
    fs.pipe(f"{root}/crawl/.hidden.html", PLAIN.encode())
    try:
        yield f"memory://{root}/crawl"
    finally:
        fs.rm(root, recursive=True)


def test_memory_urls_are_read_and_a_run_resumes(memory_crawl: str, tmp_path: Path, monkeypatch) -> None:
    from teken.pipeline.batch import writers

    common = ["--no-model", "--batch-size", "2", "--chunk-size", "4"]
    assert _run(f"{memory_crawl}/*.html", "--out", str(tmp_path / "whole"), *common) == 0
    articles = _tables(tmp_path / "whole")["articles"]
    assert len(articles) == 12 and articles["input_path"].str.startswith("memory://").all()
    assert articles["error"].isna().all() and len(_tables(tmp_path / "whole")["events"]) >= 4

    class Stop(Exception):
        pass

    def stop(point: str) -> None:
        if point == "part-committed":
            raise Stop

    monkeypatch.setattr(writers, "fault", stop)
    assert _run(f"{memory_crawl}/*.html", "--out", str(tmp_path / "broken"), *common) == 1  # stopped
    monkeypatch.undo()
    assert _run(f"{memory_crawl}/*.html", "--out", str(tmp_path / "broken"), *common, "--resume") == 0
    _assert_same_rows(tmp_path / "whole", tmp_path / "broken")
    # A folder URL is walked as a local folder is: the same pages, the README and hidden file passed over.
    assert _run(memory_crawl, "--out", str(tmp_path / "folder"), *common) == 0
    _assert_same_rows(tmp_path / "whole", tmp_path / "folder")
    manifest = json.loads((tmp_path / "folder" / "manifest.json").read_text())
    assert manifest["skipped"]["files"]["not-article"] == 1


@pytest.fixture
def inprocess_cluster() -> Iterator[str]:
    """A scheduler and one worker in this process (they see its memory filesystem and its monkeypatches)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address="127.0.0.1:0") as local:
        yield local.scheduler_address


@pytest.mark.parametrize("broken", ["cannot build", "no model"])
def test_a_worker_that_cannot_build_the_pipeline_stops_the_run_with_its_reason(
        broken: str, inprocess_cluster: str, tmp_path: Path, monkeypatch) -> None:
    """A worker without teken's model (or any failure to build the pipeline) stops the run at its first task,
    saying why: no hang, no silent run without the model."""
    from teken.pipeline.batch import run
    from teken.pipeline.nlp import components

    monkeypatch.setattr(run, "_WORKER", {})
    if broken == "cannot build":
        def fail(*args, **kwargs):
            raise OSError("the spaCy model folder is not there")

        monkeypatch.setattr(components, "build_nlp", fail)
        says = "could not build teken's NLP pipeline: OSError: the spaCy model folder is not there"
    else:
        from teken.pipeline.nlp import shipped

        monkeypatch.setattr(shipped, "shipped_model_name", lambda use_model: "ner_id-9.9+gazetteer")
        says = "built a pipeline with gazetteer-only, not the driver's ner_id-9.9"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Pemerintah Kota Padang menandatangani nota kesepahaman.\n")
    opts = run.RunOptions(inputs=[str(tmp_path / "in")], out=str(tmp_path / "out"), executor="dask",
                          dask_scheduler=inprocess_cluster, use_model=False, progress=False)
    with pytest.raises(run.WorkerSetupError, match=says):
        run.run_pipeline(opts)


def test_a_dask_worker_reads_memory_urls_itself(memory_crawl: str, inprocess_cluster: str, tmp_path: Path,
                                                monkeypatch) -> None:
    """A worker in this process (it shares the memory filesystem) reads the URLs; the rows are a local run's."""
    from teken.pipeline.batch import run

    monkeypatch.setattr(run, "_WORKER", {})  # the in-process worker builds its own pipeline, as a worker does

    from teken.pipeline.batch.run import RunOptions, run_pipeline

    assert _run(f"{memory_crawl}/", "--out", str(tmp_path / "local"), "--no-model") == 0
    opts = RunOptions(inputs=[f"{memory_crawl}/"], out=str(tmp_path / "dask"), executor="dask",
                      dask_scheduler=inprocess_cluster, use_model=False, progress=False, batch_size=3)
    run_pipeline(opts)
    _assert_same_rows(tmp_path / "local", tmp_path / "dask")


@pytest.mark.parametrize(("url", "says"), [
    ("memory://teken-nothing-here/crawl/*.html", "input not found: memory://teken-nothing-here/crawl/*.html"),
    ("memory://teken-nothing-here/a.warc.gz", "input not found"),
    ("nosuchprotocol://bucket/x.html", "Protocol not known"),
])
def test_a_url_that_names_nothing_is_a_one_line_usage_error(url: str, says: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert _run(url, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_s3_without_s3fs_is_a_one_line_usage_error(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "s3fs", None)  # as if not installed, whether it is or not
    out = tmp_path / "out"
    assert _run("s3://bucket/crawl/*.warc.gz", "--out", str(out), "--executor", "dask") == 2
    err = capsys.readouterr().err
    assert "s3fs" in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_a_url_without_fsspec_names_what_to_install(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "fsspec.core", None)
    out = tmp_path / "out"
    assert _run(f"file://{DEMO}/", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "needs fsspec" in err and "pip install fsspec" in err and err.count("\n") == 1
    assert not out.exists()
