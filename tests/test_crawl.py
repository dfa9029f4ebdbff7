"""`teken crawl` (teken.corpus.crawl) against sites the tests serve on 127.0.0.1: discovery through feeds and
sitemaps, robots.txt, retries, redirects, safety checks, caps, filters and the WARC it writes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from teken.corpus.crawl import CrawlSettings, crawl, parse_date
from teken.corpus.readers import iter_documents
from teken.corpus.settings import ReadSettings
from tests import crawlsite
from tests.crawlsite import HTML, page, robots, rss, sitemapindex, urlset


@pytest.fixture
def site() -> Iterator[crawlsite.Site]:
    s = crawlsite.start()
    yield s
    s.stop()


def _settings(site: crawlsite.Site, out: Path, seeds: list[str], **kw: object) -> CrawlSettings:
    base = dict(out=out, seeds=seeds, delay=0.0, timeout=5.0, retries=2, backoff=0.05, allow_private=True,
                resolve={site.host: "127.0.0.1"}, progress=False)
    base.update(kw)
    return CrawlSettings(**base)  # type: ignore[arg-type]


def _warc_responses(out: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    for path in sorted(out.glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type == "response":
                    found[rec.rec_headers.get_header("WARC-Target-URI")] = int(rec.http_headers.get_statuscode())
    return found


def test_feed_discovery_writes_request_and_response_records(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    site.routes.update({
        "/robots.txt": robots("User-agent: *\nAllow: /\n"),
        "/rss.xml": crawlsite.rss([(f"{b}/berita/satu", "Satu", "Mon, 01 Jan 2024 08:00:00 +0700"),
                                   (f"{b}/berita/dua?utm_source=rss#atas", "Dua", "Tue, 02 Jan 2024 08:00:00 +0700")]),
        "/berita/satu": page("Pemkot dan DPRD menandatangani nota kesepakatan"),
        "/berita/dua": page("Ombudsman teken perjanjian kerja sama"),
    })
    out = tmp_path / "c"
    result = crawl(_settings(site, out, [f"{b}/rss.xml"]))
    assert result["fetched"] == 2
    # tracking parameters and fragments never reach the server
    assert sorted(p for p in site.paths() if p.startswith("/berita")) == ["/berita/dua", "/berita/satu"]
    ua = [h.headers["User-Agent"] for h in site.log]
    assert all(u.startswith("teken/") for u in ua)
    types = []
    for path in out.glob("*.warc.gz"):
        with open(path, "rb") as fh:
            types += [r.rec_type for r in ArchiveIterator(fh)]
    assert types.count("request") == types.count("response") == 2 and types[0] == "warcinfo"
    docs = list(iter_documents([str(p) for p in out.glob("*.warc.gz")], ReadSettings()))
    assert sorted(d.meta["url"] for d in docs) == [f"{b}/berita/dua", f"{b}/berita/satu"]
    manifest = json.loads((out / "crawl.json").read_text())
    assert manifest["fetched"] == 2 and manifest["errors"] == {}


def test_site_seed_finds_feed_link_and_robots_sitemaps(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    site.routes.update({
        "/robots.txt": robots(f"User-agent: *\nAllow: /\nSitemap: {b}/sitemap_index.xml\n"),
        "/": (200, HTML, b"<html><head><link rel='alternate' type='application/rss+xml' href='/feed.xml'>"
                         b"</head><body>Beranda</body></html>"),
        "/feed.xml": rss([(f"{b}/berita/dari-feed", "Dari feed", "Mon, 01 Jan 2024 08:00:00 +0700")]),
        "/sitemap_index.xml": sitemapindex([f"{b}/sitemap-1.xml", f"{b}/sitemap-2.xml.gz"]),
        "/sitemap-1.xml": sitemapindex([f"{b}/sitemap-nested.xml"]),
        "/sitemap-nested.xml": urlset([(f"{b}/berita/bersarang", "2024-01-03")]),
        "/sitemap-2.xml.gz": urlset([(f"{b}/berita/gzip", "2024-01-04"), (f"{b}/berita/dari-feed/", None)], gz=True),
        "/berita/dari-feed": page("A"), "/berita/bersarang": page("B"), "/berita/gzip": page("C"),
    })
    out = tmp_path / "c"
    result = crawl(_settings(site, out, [f"{b}/"]))
    assert set(_warc_responses(out)) == {f"{b}/berita/dari-feed", f"{b}/berita/bersarang", f"{b}/berita/gzip"}
    assert result["fetched"] == 3 and result["duplicates"] == 1  # the feed's page again, with a slash
    assert len([p for p in site.paths() if p == "/robots.txt"]) == 1


def test_robots_disallow_and_crawl_delay(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    links = [(f"{b}/berita/{i}", None) for i in range(4)] + [(f"{b}/rahasia/{i}", None) for i in range(3)]
    site.routes.update({
        "/robots.txt": robots("User-agent: *\nDisallow: /rahasia/\nCrawl-delay: 0.3\n"),
        "/sitemap.xml": urlset(links),
        **{f"/berita/{i}": page(f"Berita {i}") for i in range(4)},
        **{f"/rahasia/{i}": page("rahasia") for i in range(3)},
    })
    out = tmp_path / "c"
    result = crawl(_settings(site, out, [f"{b}/sitemap.xml"], delay=0.05))
    assert not [p for p in site.paths() if p.startswith("/rahasia")]  # never asked, per the server's log
    assert result["skipped"]["robots"] == 3 and result["fetched"] == 4
    # Crawl-delay (0.3 s) beats --delay (0.05 s): no two requests closer than that
    times = [h.t for h in site.log]
    assert min(b2 - a for a, b2 in zip(times, times[1:], strict=False)) >= 0.3 * 0.95


def test_per_host_delay_from_server_log(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    site.routes.update({"/robots.txt": robots("User-agent: *\nAllow: /\n"),
                        "/sitemap.xml": urlset([(f"{b}/berita/{i}", None) for i in range(6)]),
                        **{f"/berita/{i}": page(f"Berita {i}") for i in range(6)}})
    delay = 0.25
    crawl(_settings(site, tmp_path / "c", [f"{b}/sitemap.xml"], delay=delay))
    times = [h.t for h in site.log]
    gaps = sorted(b2 - a for a, b2 in zip(times, times[1:], strict=False))
    assert len(gaps) == 7
    assert gaps[0] >= delay * 0.9  # never faster than the delay (10%)
    # and not much slower: the median gap is the delay plus one local request, within 10% on a quiet machine;
    # a generous bound here so that a loaded machine does not fail the test
    assert gaps[len(gaps) // 2] <= delay * 1.1 + 0.2


def test_errors_retries_and_retry_after(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    site.routes.update({
        "/robots.txt": robots("User-agent: *\nAllow: /\n"),
        "/sitemap.xml": urlset([(f"{b}/berita/{n}", None) for n in ("hilang", "sibuk", "rusak", "lambat", "gagal")]),
        "/berita/hilang": (404, HTML, b"<html>404</html>"),
        "/berita/sibuk": [(429, {"Retry-After": "1"}, b""), page("Akhirnya")],
        "/berita/rusak": [(500, HTML, b""), (503, HTML, b""), page("Pulih")],
        "/berita/lambat": (200, {**HTML, "X-Test-Sleep": "1.5"}, b"<html>lambat</html>"),
        "/berita/gagal": (500, HTML, b"<html>500</html>"),
    })
    out = tmp_path / "c"
    result = crawl(_settings(site, out, [f"{b}/sitemap.xml"], timeout=0.5, retries=2))
    paths = site.paths()
    assert paths.count("/berita/hilang") == 1  # a 404 is not retried
    assert paths.count("/berita/sibuk") == 2 and paths.count("/berita/rusak") == 3
    assert paths.count("/berita/gagal") == 3 and paths.count("/berita/lambat") == 3
    sibuk = [h.t for h in site.log if h.path == "/berita/sibuk"]
    assert sibuk[1] - sibuk[0] >= 0.95  # Retry-After: 1 honoured over the 0.05 s backoff
    assert result["fetched"] == 2
    assert result["errors"] == {"http-404": 1, "http-500": 1, "timeout": 1}
    statuses = _warc_responses(out)
    assert statuses[f"{b}/berita/sibuk"] == 200 and statuses[f"{b}/berita/hilang"] == 404


def test_redirects_loop_limit_and_private_target(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    site.routes.update({
        "/robots.txt": robots("User-agent: *\nAllow: /\n"),
        "/sitemap.xml": urlset([(f"{b}/berita/{n}", None) for n in ("pindah", "putar", "metadata", "jauh")]),
        "/berita/pindah": (301, {"Location": "/berita/baru"}, b""),
        "/berita/baru": page("Baru"),
        "/berita/putar": (302, {"Location": "/berita/putar2"}, b""),
        "/berita/putar2": (302, {"Location": "/berita/putar"}, b""),
        "/berita/metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/berita/jauh": (302, {"Location": "/berita/jauh1"}, b""),
        **{f"/berita/jauh{i}": (302, {"Location": f"/berita/jauh{i + 1}"}, b"") for i in range(1, 9)},
    })
    out = tmp_path / "c"
    # only the test server's address is allowed: the metadata address must be refused after the redirect
    result = crawl(_settings(site, out, [f"{b}/sitemap.xml"], allow_private=["127.0.0.1/32"], max_redirects=3))
    assert result["fetched"] == 1
    assert result["errors"] == {"private-address": 1, "redirect-loop": 1, "too-many-redirects": 1}
    assert "/berita/jauh4" not in site.paths()
    assert _warc_responses(out)[f"{b}/berita/baru"] == 200


def test_loopback_refused_without_allow_private(site: crawlsite.Site, tmp_path: Path) -> None:
    site.routes["/berita/satu"] = page("Satu")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{site.base}/berita/satu\n")
    out = tmp_path / "c"
    result = crawl(_settings(site, out, [], url_lists=[urls], allow_private=False))
    assert site.log == []  # not even robots.txt was asked
    assert result["fetched"] == 0 and result["errors"] == {"private-address": 1}


def test_size_cap_and_non_html(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    big = b"<html><body>" + b"kata " * 5000 + b"</body></html>"
    site.routes.update({
        "/robots.txt": robots("User-agent: *\nAllow: /\n"),
        "/sitemap.xml": urlset([(f"{b}/berita/{n}", None) for n in ("besar", "foto", "pdf", "kecil", "tanpa")]),
        "/berita/besar": (200, HTML, big),
        # no Content-Length: the cap must hold while reading
        "/berita/tanpa": lambda p: (200, {**HTML, "Content-Length": ""}, big),
        "/berita/foto": (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff" + b"0" * 100),
        "/berita/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
        "/berita/kecil": page("Kecil"),
    })
    out = tmp_path / "c"
    result = crawl(_settings(site, out, [f"{b}/sitemap.xml"], max_bytes=10_000))
    assert result["fetched"] == 1
    assert result["skipped"]["non-html"] == 2
    assert result["errors"] == {"too-large": 2}
    assert set(_warc_responses(out)) == {f"{b}/berita/kecil"}


def test_non_html_body_is_not_downloaded(tmp_path: Path) -> None:
    """The crawler stops reading after the headers of a 200 that is not HTML (checked on a raw socket)."""
    import socket
    import threading

    sent: list[int] = []
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def serve() -> None:
        for _ in range(2):
            conn, _addr = server.accept()
            with conn:
                request = conn.recv(65536).decode("latin-1")
                if request.startswith("GET /robots.txt"):
                    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    continue
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nConnection: close\r\n\r\n")
                total = 0
                try:
                    for _ in range(2000):  # up to 128 MB, if the client kept reading
                        conn.sendall(b"0" * 65536)
                        total += 65536
                except OSError:
                    pass
                sent.append(total)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    urls = tmp_path / "urls.txt"
    urls.write_text(f"http://video.test:{port}/berita/video\n")
    result = crawl(CrawlSettings(out=tmp_path / "c", url_lists=[urls], delay=0.0, timeout=5.0, allow_private=True,
                                 resolve={"video.test": "127.0.0.1"}, progress=False))
    thread.join(30)
    server.close()
    assert result["skipped"]["non-html"] == 1
    assert sent and sent[0] < 100 * 65536


def test_filters_include_keyword_and_dates(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    site.routes.update({
        "/robots.txt": robots("User-agent: *\nAllow: /\n"),
        "/rss.xml": rss([
            (f"{b}/berita/2024/pemkot-teken-mou", "Pemkot teken MoU", "Mon, 01 Jan 2024 08:00:00 +0700"),
            (f"{b}/berita/2024/banjir", "Penandatanganan kerja sama pascabanjir", "Wed, 03 Jan 2024 08:00:00 +0700"),
            (f"{b}/berita/2023/lama-teken", "Lama", "Fri, 01 Dec 2023 08:00:00 +0700"),
            (f"{b}/olahraga/2024/teken-kontrak", "Teken kontrak", "Tue, 02 Jan 2024 08:00:00 +0700"),
            (f"{b}/berita/2024/cuaca", "Cuaca", "Tue, 02 Jan 2024 08:00:00 +0700"),
        ]),
        **{p: page("x") for p in ("/berita/2024/pemkot-teken-mou", "/berita/2024/banjir")},
    })
    result = crawl(_settings(site, tmp_path / "c", [f"{b}/rss.xml"], include=["/berita/"],
                             keywords=["teken", "penandatanganan"], since=parse_date("2024-01-01")))
    fetched = sorted(p for p in site.paths() if p.startswith(("/berita", "/olahraga")))
    assert fetched == ["/berita/2024/banjir", "/berita/2024/pemkot-teken-mou"]  # title keyword, URL keyword
    assert result["skipped"]["include"] == 1 and result["skipped"]["date"] == 1
    assert result["skipped"]["keyword"] == 1


def test_amp_and_mobile_variants_are_one_page(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    site.routes.update({
        "/robots.txt": robots("User-agent: *\nAllow: /\n"),
        "/sitemap.xml": urlset([(f"{b}/berita/satu", None), (f"{b}/berita/satu/amp", None),
                                (f"{b}/berita/satu?amp=1", None), (f"{b}/berita/satu/", None)]),
        "/berita/satu": page("Satu"),
    })
    result = crawl(_settings(site, tmp_path / "c", [f"{b}/sitemap.xml"]))
    assert result["fetched"] == 1 and result["duplicates"] == 3
    assert site.paths().count("/berita/satu") == 1


def test_warc_rotation_by_size(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    site.routes.update({"/robots.txt": robots("User-agent: *\nAllow: /\n"),
                        "/sitemap.xml": urlset([(f"{b}/berita/{i}", None) for i in range(6)]),
                        **{f"/berita/{i}": page(f"Berita {i}", "<p>isi</p>" * 300) for i in range(6)}})
    out = tmp_path / "c"
    result = crawl(_settings(site, out, [f"{b}/sitemap.xml"], warc_size=600))
    assert len(result["warc_files"]) >= 3
    assert len(_warc_responses(out)) == 6


@pytest.mark.parametrize("answer, fetched", [((500, HTML, b""), 0), ((404, HTML, b""), 2), ((403, HTML, b""), 0)])
def test_robots_txt_missing_or_failing(site: crawlsite.Site, tmp_path: Path, answer: crawlsite.Reply,
                                       fetched: int) -> None:
    site.routes.update({"/robots.txt": answer, "/berita/1": page("Satu"), "/berita/2": page("Dua")})
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{site.base}/berita/1\n{site.base}/berita/2\n")
    result = crawl(_settings(site, tmp_path / "c", [], url_lists=[urls], retries=0))
    # a missing robots.txt allows everything; a failing or forbidden one allows nothing (and is asked once)
    assert result["fetched"] == fetched and result["skipped"]["robots"] == 2 - fetched
    assert site.paths().count("/robots.txt") == 1
    assert len([p for p in site.paths() if p.startswith("/berita")]) == fetched


def test_bench_prints_pages_per_second(capsys: pytest.CaptureFixture[str]) -> None:
    from teken.corpus.crawl_bench import main as bench_main

    assert bench_main(["--pages", "10", "--size", "2000"]) == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert figures["pages"] == 10 and figures["pages_per_second"] > 0


def test_a_host_in_backoff_does_not_hold_up_the_others(tmp_path: Path) -> None:
    slow, quick = crawlsite.start(host="lambat.test"), crawlsite.start(host="cepat.test")
    try:
        slow.routes.update({"/robots.txt": robots(""), "/berita/a": [(429, {"Retry-After": "2"}, b""), page("A")]})
        quick.routes.update({"/robots.txt": robots(""), **{f"/berita/{i}": page(f"B{i}") for i in range(3)}})
        urls = tmp_path / "urls.txt"
        urls.write_text("\n".join([f"{slow.base}/berita/a"] + [f"{quick.base}/berita/{i}" for i in range(3)]))
        result = crawl(_settings(slow, tmp_path / "c", [], url_lists=[urls], delay=0.1,
                                 resolve={"lambat.test": "127.0.0.1", "cepat.test": "127.0.0.1"}))
        assert result["fetched"] == 4
        retried = [h.t for h in slow.log if h.path == "/berita/a"]
        assert len(retried) == 2 and retried[1] - retried[0] >= 1.9  # Retry-After honoured
        # the other site's pages were all fetched while the first waited
        assert max(h.t for h in quick.log if h.path.startswith("/berita/")) < retried[1]
    finally:
        slow.stop()
        quick.stop()


def test_discovery_obeys_robots_and_atom_feeds_are_read(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    atom = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Kabar</title>'
            f'<link rel="self" href="{b}/atom.xml"/>'
            f'<entry><title>Bupati teken MoU</title><link href="{b}/berita/mou"/><updated>2024-03-01T08:00:00Z</updated></entry>'
            f'<entry><title>Cuaca</title><link href="{b}/berita/cuaca"/><updated>2024-03-01T08:00:00Z</updated></entry>'
            f'<entry><title>Lama teken</title><link href="{b}/berita/lama"/><updated>2023-03-01T08:00:00Z</updated></entry>'
            "</feed>").encode()
    site.routes.update({
        "/robots.txt": robots("User-agent: *\nDisallow: /tertutup/\n"),
        "/": (200, HTML, b"<html><head><link rel='alternate' type='application/atom+xml' href='/atom.xml'>"
                         b"<link rel='alternate' type='application/rss+xml' href='/tertutup/rss.xml'></head>"
                         b"<body>Beranda</body></html>"),
        "/atom.xml": (200, {"Content-Type": "application/atom+xml"}, atom),
        "/tertutup/rss.xml": rss([(f"{b}/berita/rahasia", "Rahasia", "Mon, 01 Jan 2024 08:00:00 +0700")]),
        "/berita/mou": page("MoU"), "/berita/cuaca": page("Cuaca"), "/berita/lama": page("Lama"),
    })
    result = crawl(_settings(site, tmp_path / "c", [f"{b}/"], keywords=["teken"],
                             since=parse_date("2024-01-01"), until=parse_date("2024-12-31")))
    assert not [p for p in site.paths() if p.startswith("/tertutup")]
    assert result["fetched"] == 1 and "/berita/mou" in site.paths()
    assert result["skipped"]["robots"] == 1 and result["skipped"]["keyword"] == 1
    assert result["skipped"]["date"] == 1


def test_redirect_target_listed_too_is_fetched_once_and_max_pages(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base
    site.routes.update({
        "/robots.txt": robots(""),
        "/sitemap.xml": urlset([(f"{b}/berita/lama", None), (f"{b}/berita/baru", None),
                                *[(f"{b}/berita/{i}", None) for i in range(5)]]),
        "/berita/lama": (301, {"Location": f"{b}/berita/baru"}, b""),
        "/berita/baru": page("Baru"),
        **{f"/berita/{i}": page(f"B{i}") for i in range(5)},
    })
    result = crawl(_settings(site, tmp_path / "c", [f"{b}/sitemap.xml"], max_pages=3))
    assert site.paths().count("/berita/baru") == 1
    assert result["fetched"] == 3 and result["queued"] == 3


def test_sites_in_parallel_each_one_request_at_a_time(site: crawlsite.Site, tmp_path: Path) -> None:
    # Three sites on one server (told apart by the Host header), slow answers: the workers overlap across
    # sites, never within one.
    hosts = ["satu.test", "dua.test", "tiga.test"]
    site.routes.update({"/robots.txt": robots(""),
                        **{f"/berita/{i}": (200, {**HTML, "X-Test-Sleep": "0.2"}, b"<html>isi</html>")
                           for i in range(4)}})
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(f"http://{h}:{site.port}/berita/{i}" for h in hosts for i in range(4)))
    result = crawl(_settings(site, tmp_path / "c", [], url_lists=[urls], workers=3,
                             resolve={h: "127.0.0.1" for h in hosts}))
    assert result["fetched"] == 12
    assert {h.split(":")[0]: n for h, n in site.max_active.items()} == {h: 1 for h in hosts}
    assert site.max_active_all > 1  # while a site's answer was slow, another site was asked


class _Killed(BaseException):
    pass


@pytest.mark.parametrize("after", [2, 4, 8])  # in robots/discovery, among the nested sitemaps, among the pages
def test_interrupted_anywhere_and_resumed(site: crawlsite.Site, tmp_path: Path, after: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import Counter

    from teken.corpus import crawl as crawl_module

    b = site.base
    site.routes.update({"/robots.txt": robots(""),
                        "/sitemap.xml": sitemapindex([f"{b}/sm-{i}.xml" for i in range(3)]),
                        **{f"/sm-{i}.xml": urlset([(f"{b}/berita/{i}-{j}", None) for j in range(2)])
                           for i in range(3)},
                        **{f"/berita/{i}-{j}": page(f"B{i}{j}") for i in range(3) for j in range(2)}})
    real_get = crawl_module.Fetcher.get
    calls = {"n": 0}

    def get(self: crawl_module.Fetcher, url: str, html_only: bool = False) -> crawl_module.Response:
        calls["n"] += 1
        if calls["n"] > after:
            raise _Killed  # the process dies before this request is sent
        return real_get(self, url, html_only)

    out = tmp_path / "c"
    monkeypatch.setattr(crawl_module.Fetcher, "get", get)
    with pytest.raises(_Killed):
        crawl(_settings(site, out, [f"{b}/sitemap.xml"], workers=2))
    monkeypatch.setattr(crawl_module.Fetcher, "get", real_get)
    result = crawl(_settings(site, out, [f"{b}/sitemap.xml"], workers=2))
    assert {p: n for p, n in Counter(site.paths()).items() if n > 1} == {}
    assert result["fetched"] == 6 and result["duplicates"] == 0 and result["errors"] == {}
    assert set(_warc_responses(out)) == {f"{b}/berita/{i}-{j}" for i in range(3) for j in range(2)}


def test_blocked_addresses() -> None:
    from ipaddress import ip_network

    from teken.corpus.crawl import _blocked

    for ip in ("127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.0.5", "169.254.169.254", "100.100.100.200",
               "0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "224.0.0.1"):
        assert _blocked(ip, []), ip
    for ip in ("8.8.8.8", "203.119.1.1", "2001:4860:4860::8888"):
        assert not _blocked(ip, []), ip
    assert not _blocked("127.0.0.1", [ip_network("127.0.0.1/32")])
    assert _blocked("127.0.0.2", [ip_network("127.0.0.1/32")])


def test_sizes_and_retry_after() -> None:
    from email.utils import format_datetime

    from teken.corpus.crawl import _retry_after, parse_size

    assert parse_size("100M") == 100 * 1024 ** 2 and parse_size("512k") == 512 * 1024 and parse_size("77") == 77
    assert _retry_after("5") == 5.0 and _retry_after("bukan") is None and _retry_after(None) is None
    from datetime import UTC, datetime, timedelta

    later = _retry_after(format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True))
    assert later is not None and 25 <= later <= 31


def _tls_server(tmp_path: Path, host: str) -> tuple[Any, Path]:
    import ssl
    import subprocess
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", f"/CN={host}", "-addext", f"subjectAltName=DNS:{host}"],
                   check=True, capture_output=True, timeout=60)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b"" if self.path == "/robots.txt" else page("Aman")[2]
            self.send_response(404 if self.path == "/robots.txt" else 200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, cert


def test_https_certificate_checked_against_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    server, cert = _tls_server(tmp_path, "aman.test")
    try:
        port = server.server_address[1]
        urls = tmp_path / "urls.txt"
        urls.write_text(f"https://aman.test:{port}/berita/satu\n")

        def run(out: str) -> dict[str, Any]:
            return crawl(CrawlSettings(out=tmp_path / out, url_lists=[urls], delay=0.0, timeout=5.0, retries=0,
                                       allow_private=True, resolve={"aman.test": "127.0.0.1"}, progress=False))

        # a certificate nobody vouches for: refused (robots.txt cannot be read, so nothing is fetched)
        refused = run("c1")
        assert refused["fetched"] == 0 and refused["errors"] == {"tls": 1}
        # trusted (SSL_CERT_FILE), and valid for the name asked although the connection goes to 127.0.0.1
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        assert run("c2")["fetched"] == 1
    finally:
        server.shutdown()
        server.server_close()


def test_google_news_sitemap_title_keywords_and_date(site: crawlsite.Site, tmp_path: Path) -> None:
    b = site.base

    def entry(slug: str, title: str, words: str, day: str) -> str:
        return (f"<url><loc>{b}/berita/{slug}</loc><news:news><news:publication_date>{day}</news:publication_date>"
                f"<news:title>{title}</news:title><news:keywords>{words}</news:keywords></news:news></url>")

    body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            + entry("a", "Pemprov dan Kejati", "nota kesepakatan, hukum", "2024-05-02T09:00:00+07:00")
            + entry("b", "Banjir di Sintang", "bencana", "2024-05-02T09:00:00+07:00")
            + entry("c", "Nota kesepakatan lama", "nota kesepakatan", "2023-05-02T09:00:00+07:00")
            + "</urlset>").encode()
    site.routes.update({"/robots.txt": robots(""), "/news-sitemap.xml": (200, crawlsite.XML, body),
                        "/berita/a": page("A")})
    result = crawl(_settings(site, tmp_path / "c", [f"{b}/news-sitemap.xml"], keywords=["nota kesepakatan"],
                             since=parse_date("2024-01-01")))
    assert result["fetched"] == 1 and "/berita/a" in site.paths()
    assert result["skipped"]["keyword"] == 1 and result["skipped"]["date"] == 1


def test_mobile_host_fetched_as_given_and_deduplicated(site: crawlsite.Site, tmp_path: Path) -> None:
    port = site.port
    site.routes.update({"/robots.txt": robots(""), "/berita/satu": page("Satu")})
    urls = tmp_path / "urls.txt"
    urls.write_text(f"http://m.kabar.test:{port}/berita/satu?utm_source=wa#komentar\n"
                    f"http://m.kabar.test:{port}/berita/satu/amp\n")
    # only the mobile host resolves: the desktop host teken would guess ("www.kabar.test") is not asked
    result = crawl(_settings(site, tmp_path / "c", [], url_lists=[urls], resolve={"m.kabar.test": "127.0.0.1"}))
    assert result["fetched"] == 1 and result["duplicates"] == 1 and result["errors"] == {}
    assert [h.headers["Host"] for h in site.log if h.path == "/berita/satu"] == [f"m.kabar.test:{port}"]


def test_trickling_body_times_out(site: crawlsite.Site, tmp_path: Path) -> None:
    """A server that sends a byte now and then never trips the socket timeout; the body's own deadline
    (four timeouts) ends it."""
    import socket
    import threading
    import time

    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def serve() -> None:
        for _ in range(2):
            conn, _addr = server.accept()
            with conn:
                request = conn.recv(65536).decode("latin-1")
                if request.startswith("GET /robots.txt"):
                    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    continue
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html>")
                try:
                    for _ in range(100):  # 10 s of trickle at most
                        time.sleep(0.1)
                        conn.sendall(b"a")
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    urls = tmp_path / "urls.txt"
    urls.write_text(f"http://tetes.test:{port}/berita/pelan\n")
    started = time.monotonic()
    result = crawl(CrawlSettings(out=tmp_path / "c", url_lists=[urls], delay=0.0, timeout=0.3, retries=0,
                                 allow_private=True, resolve={"tetes.test": "127.0.0.1"}, progress=False))
    assert result["errors"] == {"timeout": 1}
    thread.join(15)
    server.close()
    # ended by the deadline, and the socket closed (the server's next byte fails), not the 10 s trickle
    assert time.monotonic() - started < 7
