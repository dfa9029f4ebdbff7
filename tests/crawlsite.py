"""A news site on 127.0.0.1 for the crawl tests: routes set by each test, every request logged with its time.

A route is (status, headers, body), a list of them (one per request, the last repeated), or a callable
taking the request path and giving one. Hosts are named (`kabar.test`) and mapped to 127.0.0.1 with the
crawler's `resolve` setting, since courlan (and so trafilatura's link filters) drop bare IP addresses.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = tuple[int, dict[str, str], bytes]
Route = Reply | list[Reply] | Callable[[str], Reply]

HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/xml"}


@dataclass
class Hit:
    t: float
    path: str
    headers: dict[str, str]


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[Hit] = field(default_factory=list)
    server: Any = None
    port: int = 0
    host: str = "kabar.test"
    active: dict[str, int] = field(default_factory=dict)  # requests being answered, by Host header
    max_active: dict[str, int] = field(default_factory=dict)
    max_active_all: int = 0  # most requests answered at once, all hosts

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def paths(self) -> list[str]:
        return [h.path for h in self.log]

    def reply(self, path: str) -> Reply:
        route = self.routes.get(path)
        if route is None:
            return 404, HTML, b"<html><body>tidak ditemukan</body></html>"
        if callable(route):
            return route(path)
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start(routes: dict[str, Route] | None = None, host: str = "kabar.test") -> Site:
    site = Site(routes=dict(routes or {}), host=host)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            host = self.headers.get("Host", "")
            with lock:
                site.log.append(Hit(time.monotonic(), self.path, dict(self.headers.items())))
                site.active[host] = site.active.get(host, 0) + 1
                site.max_active[host] = max(site.max_active.get(host, 0), site.active[host])
                site.max_active_all = max(site.max_active_all, sum(site.active.values()))
            try:
                self._answer()
            finally:
                with lock:
                    site.active[host] -= 1

        def _answer(self) -> None:
            status, headers, body = site.reply(self.path)
            delay = float(headers.get("X-Test-Sleep", 0))
            if delay:
                time.sleep(delay)
            self.send_response(status)
            for k, v in headers.items():
                if k != "X-Test-Sleep":
                    self.send_header(k, v)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.server = server
    site.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site


def page(title: str, body: str = "") -> Reply:
    text = body or f"<p>{title}. Berita ini ditulis untuk pengujian perayap teken.</p>"
    return 200, HTML, f"<!DOCTYPE html><html lang='id'><head><title>{title}</title></head><body><article>" \
                      f"<h1>{title}</h1>{text}</article></body></html>".encode()


def urlset(urls: list[tuple[str, str | None]], gz: bool = False) -> Reply:
    items = "".join(f"<url><loc>{u}</loc>" + (f"<lastmod>{d}</lastmod>" if d else "") + "</url>" for u, d in urls)
    body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{items}</urlset>").encode()
    if gz:
        return 200, {"Content-Type": "application/gzip"}, gzip.compress(body)
    return 200, XML, body


def sitemapindex(urls: list[str]) -> Reply:
    items = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return 200, XML, ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                      f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>').encode()


def rss(items: list[tuple[str, str, str]]) -> Reply:
    """items: (link, title, RFC 822 date)."""
    body = "".join(f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate></item>" for u, t, d in items)
    return 200, {"Content-Type": "application/rss+xml"}, (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kabar</title>'
        f"<link>http://kabar.test/</link>{body}</channel></rss>").encode()


def robots(text: str) -> Reply:
    return 200, {"Content-Type": "text/plain"}, text.encode()
