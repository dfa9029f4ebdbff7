"""The progress bar knows its total, says what start-up is doing, and its rate is the summary's second rate."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from teken.corpus.readers import iter_documents
from teken.pipeline.batch.cli import main as teken_main
from teken.pipeline.batch.progress import count_articles

PAGE = ("<html><head><title>Pemkab Kampar teken MoU</title></head><body><article><p>Pemerintah Kabupaten "
        "Kampar dan Ombudsman RI Perwakilan Riau menandatangani nota kesepakatan di Bangkinang, Selasa "
        "(13/6/2023). Kesepakatan itu mengatur koordinasi penyelesaian laporan masyarakat.</p></article>"
        "</body></html>")


def _warc(path: Path, n_html: int, n_other: int, gz: bool) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for i in range(n_html + n_other):
            html = i < n_html
            body = PAGE.encode() if html else b"\x89PNG...."
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html" if html else "image/png")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://contoh.id/{i}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
            writer.write_record(writer.create_warc_record(f"https://contoh.id/{i}", "request",
                                                          payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


def make_inputs(root: Path) -> Path:
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    for i in range(3):
        (folder / f"p{i}.html").write_text(PAGE)
    (folder / "sub" / "note.txt").write_text("Pemkab Kampar menandatangani MoU dengan Ombudsman RI.")
    (folder / "README.md").write_text("not an article")
    lines = [json.dumps({"id": f"j{i}", "text": "Pemkab Siak menandatangani MoU."}) for i in range(5)]
    (folder / "a.jsonl").write_text("\n".join(lines[:3]) + "\n\n   \n" + "\n".join(lines[3:]))  # no final newline
    with gzip.open(folder / "b.jsonl.gz", "wt") as fh:
        fh.write("\n".join(lines) + "\n")
    _warc(folder / "c.warc.gz", 4, 2, gz=True)
    _warc(folder / "d.warc", 2, 0, gz=False)
    return folder


def test_the_count_is_the_number_of_articles_the_reader_reads(tmp_path: Path) -> None:
    folder = make_inputs(tmp_path)
    read = sum(1 for _ in iter_documents([folder]))
    counted = count_articles([folder])
    # Exact for HTML, text and JSONL; WARC responses that are not HTML are counted but not read (2 here).
    assert counted == read + 2 == 3 + 1 + 5 + 5 + 6 + 2


def test_counting_gives_up_within_its_budget(tmp_path: Path) -> None:
    folder = make_inputs(tmp_path)
    assert count_articles([folder], budget=-1.0) is None


def test_the_bar_shows_start_up_a_total_and_the_summary_both_rates(tmp_path: Path, capfd) -> None:
    folder = make_inputs(tmp_path)
    out = tmp_path / "out"
    assert teken_main(["run", str(folder), "--out", str(out), "--no-model"]) == 0
    err = capfd.readouterr().err
    assert "loading the NLP pipeline" in err and "counting the inputs" in err
    read = sum(1 for _ in iter_documents([folder]))
    # The total and a percentage; at the end the bar stands at the articles read, 100%.
    assert re.search(rf"100%.*\b{read}/{read}\b", err), err[-800:]
    summary = next(line for line in err.splitlines() if line.startswith("teken run: ") and "start-up" in line)
    assert re.search(r"s start-up: [\d.]+ articles/s overall, [\d.]+ articles/s after start-up", summary)
    manifest = json.loads((out / "manifest.json").read_text())
    assert 0 < manifest["startup_seconds"] <= manifest["seconds"]
