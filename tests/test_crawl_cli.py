"""`teken crawl` as a command: usage errors, progress and summary, a crawl killed with SIGKILL and resumed,
and `teken crawl` then `teken run` giving the events `teken run` gives on the same pages saved as HTML."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from teken.pipeline.batch.cli import main
from tests import crawlsite
from tests.crawlsite import page, robots, urlset

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "corpus" / "demo"
# Four of the demo pages (written for the project): three signings and one that is not.
DEMO_PAGES = ["06-polda-kejati-kalsel-pks.html", "08-untan-pemkot-pontianak-pks.html",
              "10-pemkot-dprd-dumai-pakta-integritas.html", "13-banjir-sintang-tanpa-penandatanganan.html"]


@pytest.fixture
def site() -> Iterator[crawlsite.Site]:
    s = crawlsite.start()
    s.routes["/robots.txt"] = robots("User-agent: *\nAllow: /\n")
    yield s
    s.stop()


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _local(site: crawlsite.Site) -> list[str]:
    return ["--allow-private", "--resolve", f"{site.host}:127.0.0.1", "--timeout", "5"]


@pytest.mark.parametrize("argv, message", [
    ([], "give at least one SEED"),
    (["ftp://kabar.test/rss.xml"], "not an http(s) URL"),
    (["http://kabar.test/", "--since", "kemarin"], "--since: not a date"),
    (["http://kabar.test/", "--include", "(berita"], "not a regular expression"),
    (["http://kabar.test/", "--urls", "/nonexistent/urls.txt"], "URL list not found"),
    (["http://kabar.test/", "--delay", "-1"], "--delay must be"),
    (["http://kabar.test/", "--warc-size", "banyak"], "not a size"),
    (["http://kabar.test/", "--resolve", "kabar.test"], "--resolve wants HOST:IP"),
    (["http://kabar.test/", "--since", "2024-02-01", "--until", "2024-01-01"], "--since is after --until"),
])
def test_usage_errors_one_line_exit_2_nothing_written(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      argv: list[str], message: str) -> None:
    out = tmp_path / "c"
    assert main(["crawl", *argv, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not out.exists()


def test_out_not_writable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        assert main(["crawl", "http://kabar.test/", "--out", str(locked / "c")]) == 2
        assert "--out cannot be written" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)


def test_out_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c"
    out.write_text("x")
    assert main(["crawl", "http://kabar.test/", "--out", str(out)]) == 2
    assert "--out is a file" in capsys.readouterr().err


def test_progress_and_summary_on_stderr(site: crawlsite.Site, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    b = site.base
    site.routes.update({"/sitemap.xml": urlset([(f"{b}/berita/{i}", None) for i in range(3)]
                                               + [(f"{b}/larangan", None)]),
                        **{f"/berita/{i}": page(f"Berita {i}") for i in range(3)}})
    site.routes["/robots.txt"] = robots("User-agent: teken\nDisallow: /larangan\n")
    out = tmp_path / "c"
    assert main(["crawl", f"{b}/sitemap.xml", "--out", str(out), "--delay", "0", *_local(site),
                 "--contact", "mailto:peneliti@example.org"]) == 0
    err = capsys.readouterr().err
    assert f"3 fetched, 0 queued, 0 errors | {site.host}:{site.port} 3" in err
    assert "3 pages fetched into 1 WARC file(s); skipped: robots 1; duplicates 0; errors: none" in err
    manifest = json.loads((out / "crawl.json").read_text())
    assert manifest["fetched"] == 3 and manifest["skipped"]["robots"] == 1
    assert manifest["per_host"][f"{site.host}:{site.port}"] == {"fetched": 3, "robots": 1}
    assert all("mailto:peneliti@example.org" in h.headers["User-Agent"] for h in site.log)


def _fetched(out: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{out / '.teken-crawl.sqlite'}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute("SELECT COUNT(*) FROM urls WHERE status = 'fetched'").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def _warc_pages(out: Path) -> dict[str, bytes]:
    from warcio.archiveiterator import ArchiveIterator

    pages: dict[str, bytes] = {}
    for path in sorted(out.glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type == "response":
                    uri = rec.rec_headers.get_header("WARC-Target-URI")
                    assert uri not in pages, f"{uri} twice in the WARC files"
                    pages[uri] = rec.content_stream().read()
    return pages


def test_sigkill_and_resume_fetches_no_url_twice(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    n = 8
    site.routes.update({"/sitemap.xml": urlset([(f"{b}/berita/{i}", None) for i in range(n)]),
                        **{f"/berita/{i}": page(f"Berita {i}") for i in range(n)}})
    out = tmp_path / "c"
    # A delay of 1 s: the kill, sent once the state has 3 pages, lands while the crawler waits for the host.
    cmd = [sys.executable, "-m", "teken", "crawl", f"{b}/sitemap.xml", "--out", str(out), "--delay", "1",
           "--quiet", *_local(site)]
    first = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _fetched(out) < 3 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    assert first.returncode == -signal.SIGKILL
    killed_at = _fetched(out)
    assert 3 <= killed_at < n
    second = subprocess.run([*cmd[:cmd.index("--delay") + 1], "0", *cmd[cmd.index("--delay") + 2:]],
                            env=_env(), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    counts = Counter(site.paths())
    assert {p: c for p, c in counts.items() if c > 1} == {}  # robots.txt, the sitemap, every page: once
    assert sorted(p for p in counts if p.startswith("/berita/")) == sorted(f"/berita/{i}" for i in range(n))
    resumed = _warc_pages(out)

    # the same set of pages as a crawl never interrupted
    whole = tmp_path / "whole"
    assert main(["crawl", f"{b}/sitemap.xml", "--out", str(whole), "--delay", "0", "--quiet", *_local(site)]) == 0
    assert resumed == _warc_pages(whole)
    assert json.loads((out / "crawl.json").read_text())["fetched"] == n


def _events(run_out: Path) -> list[str]:
    """The events, in a stable order, without the ids and the URL: a WARC record's URL is the address it was
    fetched from (here the test server's), a saved page's the canonical link it gives."""
    rows = [json.loads(line) for line in (run_out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    drop = ("event_id", "article_id", "url", "canonical_id")  # ids follow the url; the canonical id follows them
    return sorted(json.dumps({k: v for k, v in r.items() if k not in drop}, sort_keys=True)
                  for r in rows)


def test_crawl_then_run_gives_the_events_of_the_html_pages(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    html = tmp_path / "html"
    html.mkdir()
    for name in DEMO_PAGES:
        shutil.copy(DEMO / name, html / name)
        site.routes[f"/berita/{name[:-5]}"] = (200, crawlsite.HTML, (DEMO / name).read_bytes())
    site.routes["/sitemap.xml"] = urlset([(f"{b}/berita/{n[:-5]}", None) for n in DEMO_PAGES])
    crawled = tmp_path / "crawl"
    assert main(["crawl", f"{b}/sitemap.xml", "--out", str(crawled), "--delay", "0", "--quiet", *_local(site)]) == 0
    warcs = [str(p) for p in sorted(crawled.glob("*.warc.gz"))]
    assert main(["run", *warcs, "--out", str(tmp_path / "r-warc"), "--no-model", "--no-progress"]) == 0
    assert main(["run", str(html), "--out", str(tmp_path / "r-html"), "--no-model", "--no-progress"]) == 0
    # the crawl's folder as a whole too: its state and crawl.json are walked past
    assert main(["run", str(crawled), "--out", str(tmp_path / "r-dir"), "--no-model", "--no-progress"]) == 0
    from_warc, from_html = _events(tmp_path / "r-warc"), _events(tmp_path / "r-html")
    assert _events(tmp_path / "r-dir") == from_warc
    skipped = json.loads((tmp_path / "r-dir" / "manifest.json").read_text())["skipped"]
    assert skipped["files"] == {"not-article": 1}  # crawl.json
    assert len(from_html) >= 3
    assert from_warc == from_html
    urls = {json.loads(line)["url"] for line in (tmp_path / "r-warc" / "events.jsonl").read_text().splitlines()}
    assert urls <= {f"{b}/berita/{n[:-5]}" for n in DEMO_PAGES}


def test_ctrl_c_stops_cleanly_and_resumes(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    n = 6
    site.routes.update({"/sitemap.xml": urlset([(f"{b}/berita/{i}", None) for i in range(n)]),
                        **{f"/berita/{i}": page(f"Berita {i}") for i in range(n)}})
    out = tmp_path / "c"
    cmd = [sys.executable, "-m", "teken", "crawl", f"{b}/sitemap.xml", "--out", str(out), "--quiet", *_local(site)]
    # The crawl gets Ctrl-C's default action whatever the suite inherited: a suite started in the background
    # of a non-interactive shell (`bash .ci/run &`) ignores SIGINT, its children too, and a Python started so
    # never raises KeyboardInterrupt (the crawl then ran to its end: exit 0, not 130).
    first = subprocess.Popen([*cmd, "--delay", "0.5"], env=_env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while _fetched(out) < 2 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    first.send_signal(signal.SIGINT)
    _, err = first.communicate(timeout=60)
    assert first.returncode == 130 and err.strip().splitlines()[-1] == "teken: interrupted"
    second = subprocess.run([*cmd, "--delay", "0"], env=_env(), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert {p: c for p, c in Counter(site.paths()).items() if c > 1} == {}
    assert len(_warc_pages(out)) == n
