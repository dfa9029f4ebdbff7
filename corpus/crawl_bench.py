"""Crawl throughput: `python -m teken.corpus.crawl_bench [--pages N] [--size BYTES]`.

Serves N article pages and a sitemap from a threaded server on 127.0.0.1 (never the internet), crawls them
with `teken crawl`'s code at delay 0 into a temporary folder (WARC written, state committed per page as
always), and prints pages/s for the fetch phase and overall; the last line is the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from teken.corpus.crawl import Crawler, CrawlSettings

HOST = "bench.test"


def _server(pages: int, size: int) -> ThreadingHTTPServer:
    filler = ("<p>Pemerintah kota dan DPRD menandatangani nota kesepakatan di aula kantor wali kota.</p>"
              * max(1, size // 90))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            port = int(self.server.server_address[1])  # type: ignore[index]
            if self.path == "/robots.txt":
                body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path == "/sitemap.xml":
                locs = "".join(f"<url><loc>http://{HOST}:{port}/berita/{i}</loc></url>" for i in range(pages))
                body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                        f"{locs}</urlset>").encode()
                ctype = "application/xml"
            else:
                body = (f"<!DOCTYPE html><html lang='id'><head><title>{self.path}</title></head><body><article>"
                        f"{filler}</article></body></html>").encode()
                ctype = "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def bench(pages: int = 200, size: int = 20_000) -> dict[str, Any]:
    server = _server(pages, size)
    port = server.server_address[1]
    try:
        with tempfile.TemporaryDirectory(prefix="teken-crawl-bench-") as tmp:
            settings = CrawlSettings(out=Path(tmp) / "c", seeds=[f"http://{HOST}:{port}/sitemap.xml"], delay=0.0,
                                     timeout=10.0, allow_private=True, resolve={HOST: "127.0.0.1"}, progress=False)
            start = time.perf_counter()
            crawler = Crawler(settings)
            crawler.discover()
            fetch_start = time.perf_counter()
            crawler.fetch_all()
            end = time.perf_counter()
            crawler.warc.close()
            crawler.state.commit()
            result = crawler.summary()
            crawler.state.close()
            warc_bytes = sum(p.stat().st_size for p in settings.out.glob("*.warc.gz"))
    finally:
        server.shutdown()
        server.server_close()
    return {"pages": result["fetched"], "page_bytes": size, "fetch_seconds": round(end - fetch_start, 3),
            "pages_per_second": round(result["fetched"] / (end - fetch_start), 1),
            "overall_pages_per_second": round(result["fetched"] / (end - start), 1), "warc_bytes": warc_bytes}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m teken.corpus.crawl_bench", description=__doc__)
    p.add_argument("--pages", type=int, default=200)
    p.add_argument("--size", type=int, default=20_000, help="bytes of HTML per page (default 20000)")
    args = p.parse_args(argv)
    figures = bench(args.pages, args.size)
    print(f"teken crawl bench: {figures['pages']} pages of {args.size} B at delay 0 from 127.0.0.1: "
          f"{figures['pages_per_second']} pages/s fetching ({figures['overall_pages_per_second']} pages/s with "
          f"discovery and start-up), {figures['warc_bytes']} B of WARC")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
