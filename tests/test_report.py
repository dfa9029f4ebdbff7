"""`teken report OUT_DIR --html FILE`: one self-contained page with the charts, the coverage view and the table.

The browser test renders the page in headless Chromium (Debian's chromium package; `make test` installs it
when it can) and checks that the script ran, the charts are there and the console shows no error. It skips
where no Chromium is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from teken.corpus import DEMO_DIR
from teken.pipeline.batch.cli import main
from teken.pipeline.batch.report import Signing, build_report, coverage


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "demo"
    assert main(["run", str(DEMO_DIR), "--out", str(out), "--no-model", "--no-progress"]) == 0
    return out


def test_the_page_holds_every_chart_the_table_and_no_request_to_another_host(demo_out):
    page = build_report(demo_out)
    n_events = len(pd.read_parquet(demo_out / "events.parquet"))
    assert n_events > 5
    assert page.count('<svg class="chart') >= 5  # month by type, by status, provinces, parties, network
    table = page[page.index('<table id="signings"'):]
    assert table.count("<tr>") == n_events + 1  # the header and one row per event (no canonical table here)
    # Nothing is fetched when the page opens: no src, no stylesheet link, no CSS url(), no import.
    assert not re.search(r"\ssrc=|<link\b|url\(|@import", page)
    # Links are only the sources' own pages, opened by the reader.
    assert all(h.startswith(("http://", "https://")) for h in re.findall(r'href="([^"]*)"', page))


def test_the_report_counts_canonical_events_once_when_the_run_wrote_them(demo_out, tmp_path):
    out = tmp_path / "canon"
    shutil.copytree(demo_out, out)
    events = pd.read_parquet(out / "events.parquet")
    ids = list(events["event_id"])
    canon = pd.DataFrame({
        "canonical_id": ["ce-1"], "event_ids": [ids[:3]], "date": [events["date"].iloc[0]],
        "agreement_types": [["mou"]], "status": ["signed"], "venue": [None], "parties": [events["parties"].iloc[0]],
        "urls": [["https://a.example/1", "https://b.example/2"]], "n_sources": [3],
    })
    canon.to_parquet(out / "canonical_events.parquet")
    page = build_report(out)
    assert "<b>1</b> canonical events" in page and "<b>3</b> reports" in page
    table = page[page.index('<table id="signings"'):]
    assert table.count("<tr>") == 2


def test_coverage_is_against_the_full_kemendagri_list():
    from teken.gazetteer import kemendagri_regions

    regions = kemendagri_regions()
    signed = [Signing(id="e1", date="2024-01-02", types=["mou"], status="signed", venue=None, evidence="",
                      parties=[{"name": "Ombudsman RI Perwakilan Riau", "kind": "ombudsman", "region_code": "14"},
                               {"name": "Pemerintah Kabupaten Kampar", "kind": "pemerintah_daerah",
                                "region_code": "14.01"},
                               {"name": "Pemerintah Provinsi Riau", "kind": "pemerintah_daerah", "region_code": "14"}]),
              Signing(id="e2", date="2024-01-03", types=["mou"], status="signed", venue=None, evidence="",
                      parties=[{"name": "Kejaksaan Negeri Sleman", "kind": "penegak_hukum", "region_code": "34.04"},
                               {"name": "Pemerintah Kabupaten Sleman", "kind": "pemerintah_daerah",
                                "region_code": "34.04"}])]
    cov = coverage(signed, "ombudsman", regions)
    assert len(cov["provinces"]) == sum(r.level == "provinsi" for r in regions.values()) >= 38
    assert cov["n_regencies"] == sum(r.level != "provinsi" for r in regions.values()) > 500
    riau = next(r for r in cov["provinces"] if r["code"] == "14")
    assert riau["province_signed"] and riau["signed"] == ["Kabupaten Kampar"]
    assert "Kabupaten Kampar" not in riau["missing"] and len(riau["missing"]) == riau["regencies"] - 1
    # Sleman signed with the prosecutors, not with the Ombudsman.
    assert cov["n_regencies_signed"] == 1 and cov["n_provinces_signed"] == 1


def test_usage_errors_are_one_line_and_write_nothing(tmp_path, capsys):
    target = tmp_path / "r.html"
    assert main(["report", str(tmp_path / "nothing"), "--html", str(target)]) == 2
    assert main(["report", str(tmp_path), "--html", str(target)]) == 2
    assert main(["report", str(tmp_path), "--html", str(tmp_path / "no" / "r.html")]) == 2
    assert not target.exists()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("teken report: ") for line in err)


def _chromium() -> str | None:
    return next((c for c in ("chromium", "chromium-browser", "google-chrome") if shutil.which(c)), None)


@pytest.mark.skipif(_chromium() is None, reason="no Chromium installed (make test installs Debian's chromium when it can)")
def test_the_page_renders_in_headless_chromium_without_a_console_error(demo_out, tmp_path):
    target = tmp_path / "report.html"
    assert main(["report", str(demo_out), "--html", str(target)]) == 0
    cmd = [_chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--user-data-dir=" + str(tmp_path / "profile"), "--enable-logging=stderr", "--v=0",
           "--virtual-time-budget=5000", "--dump-dom", target.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    # The page's script marks the body with how many charts it found once it has run without an exception.
    ready = re.search(r'<body[^>]*data-ready="(\d+)"', done.stdout)
    assert ready and int(ready.group(1)) >= 5
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console
    assert re.search(r'<span id="shown">\d+</span>', done.stdout)  # the search filter counted the rows


def test_the_report_and_teken_summary_count_provinces_by_one_rule(demo_out):
    """An event with no regional party is placed by its venue in both views: their per-province counts agree."""
    from collections import Counter

    from teken.pipeline.batch.report import load_signings
    from teken.pipeline.batch.summary import NO_PROVINCE, _count, _read, provinces

    signings, unit = load_signings(demo_out)
    events, canonical = _read(demo_out)
    rows = canonical if unit == "canonical events" else events
    from_summary = _count(rows, provinces)
    from_summary.pop(NO_PROVINCE, None)
    from teken.gazetteer import kemendagri_regions

    names = {c: r.name for c, r in kemendagri_regions().items() if r.level == "provinsi"}
    from_report = Counter(names.get(c, c) for s in signings for c in s.provinces)
    assert from_report and from_report == from_summary
    assert Signing(id="x", date=None, types=[], status="signed", venue="Aula", parties=[], evidence="",
                   venue_region_code="14.01").provinces == {"14"}
