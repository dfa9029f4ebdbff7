"""`teken crawl`: collect news pages politely into WARC files that `teken run DIR/*.warc.gz` reads.

Discovery: a seed is a site (its home page's feed links and the sitemaps its robots.txt names, else
/sitemap.xml), a feed (RSS, Atom, JSON Feed) or a sitemap (urlset or index, gzipped or not), or a list of
URLs (`--urls FILE`). Links come out of trafilatura's own parsers (`feeds.extract_links`,
`feeds.determine_feed`, `sitemaps.SitemapObject.process`, `sitemaps.extract_robots_sitemaps`), fed with
content fetched here: trafilatura's `find_feed_urls` and `sitemap_search` fetch by themselves (and may ask
Google News), which would bypass robots.txt, the per-host delay and the address checks, so they are not
called. Titles and dates (for `--keyword`, `--since`, `--until`) are read from the same documents with lxml,
since trafilatura returns bare links.

Every request goes through `Fetcher`: http(s) only; the host resolved and every address checked (no
loopback, private, link-local, shared, reserved or metadata address unless allowed) and the connection made to
the checked address, so DNS cannot answer differently between check and connect; a size cap, timeouts;
redirects followed one hop at a time, each hop checked again (scheme, address, robots.txt).

Politeness: robots.txt (urllib.robotparser) for the agent token `teken`, its Crawl-delay (decimals too);
one request at a time per host (a lock per host), `max(--delay, Crawl-delay)` between the end of one and the
start of the next; retries with exponential backoff on 429, 5xx and network errors, honouring Retry-After,
a page waiting for its retry put back in its host's queue. `--workers` threads crawl different hosts at the
same time; everything but waiting and network I/O runs under one lock (state, WARC, queues).

Resumable: DIR/.teken-crawl.sqlite records every discovery document, URL and WARC file; a URL's records are
written and flushed before its row is committed, and a restart cuts each WARC file back to its last
committed size, so a crawl killed (even with SIGKILL) and restarted fetches no finished URL again and
ends with the same pages. URLs are deduplicated by `teken.corpus.urls.url_key` (courlan's normalisation,
tracking parameters, fragments, trailing slashes, AMP and mobile copies).
"""

from __future__ import annotations

import email.utils
import http.client
import ipaddress
import json
import os
import re
import socket
import sqlite3
import ssl
import sys
import threading
import time
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from teken._version import __version__
from teken.corpus.urls import normalise_url, url_key

AGENT_TOKEN = "teken"
STATE_FILE = ".teken-crawl.sqlite"  # hidden: `teken run DIR` walks past it
MANIFEST_FILE = "crawl.json"
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_DISCOVERY_DOCS = 500  # sitemaps and feeds per crawl, nested indexes included
MAX_RETRY_WAIT = 300.0  # a Retry-After longer than this gives the URL up rather than stall the crawl
MAX_CRAWL_DELAY = 120.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Addresses that are never the public web: cloud metadata services and carrier-grade NAT ranges on top of
# what `ipaddress` calls private, loopback, link-local, multicast, reserved or unspecified.
_EXTRA_BLOCKED = [ipaddress.ip_network(n) for n in
                  ("100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "169.254.169.254/32", "fd00:ec2::254/128")]


class CrawlUsageError(ValueError):
    """A setting that cannot work (turned into a one-line usage error by the command)."""


@dataclass
class CrawlSettings:
    out: Path
    seeds: list[str] = field(default_factory=list)
    url_lists: list[Path] = field(default_factory=list)
    delay: float = 1.0
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    warc_size: int = 100 * 1024 * 1024
    max_pages: int | None = None
    workers: int = 4  # hosts fetched at the same time; each host still one request at a time
    contact: str | None = None
    allow_private: bool | Sequence[str] = False  # True, or networks ("127.0.0.1/32") allowed
    resolve: dict[str, str] = field(default_factory=dict)  # host -> IP, like curl --resolve
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    progress: bool = True

    @property
    def user_agent(self) -> str:
        contact = f"; +{self.contact}" if self.contact else ""
        return f"teken/{__version__} (news corpus crawler{contact})"


# ----------------------------------------------------------------------------- fetching


class _Defer(Exception):
    """A request to retry later (backoff or Retry-After), while other hosts are served."""


class FetchError(Exception):
    """A request that gave no usable response; `kind` is the reason recorded (a key of the summary)."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass
class Response:
    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    ip: str
    request_headers: list[tuple[str, str]]

    def header(self, name: str) -> str | None:
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return None


def _blocked(ip: str, allowed: Sequence[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    if any(addr in net for net in allowed):
        return False
    return (addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_multicast or addr.is_reserved
            or addr.is_unspecified or any(addr in net for net in _EXTRA_BLOCKED if net.version == addr.version))


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand (the Host header keeps the name)."""

    def __init__(self, host: str, port: int, ip: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self) -> None:
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, ip: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self) -> None:
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


class Fetcher:
    """One GET, no redirect followed, no retry: safety checks, size cap, timeouts."""

    def __init__(self, settings: CrawlSettings) -> None:
        self.settings = settings
        allow = settings.allow_private
        self.allow_all_private = allow is True
        self.allowed_nets = [] if isinstance(allow, bool) else [ipaddress.ip_network(n, strict=False) for n in allow]

    def addresses(self, host: str, port: int) -> list[str]:
        """The host's addresses, each checked; FetchError("private-address") when one is not public."""
        pinned = self.settings.resolve.get(host.lower())
        if pinned:
            ips = [pinned]
        else:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                raise FetchError("dns", f"{host}: {exc}") from None
            ips = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not self.allow_all_private:
            bad = [ip for ip in ips if _blocked(ip, self.allowed_nets)]
            if bad:  # one bad address is enough: a name that also points inside is not crawled
                raise FetchError("private-address", f"{host} resolves to {bad[0]}")
        return ips

    def get(self, url: str, html_only: bool = False) -> Response:
        """With `html_only`, a 200 response of another type is given without its body (never downloaded)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("bad-scheme", url[:100])
        try:
            host = parts.hostname.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError("bad-url", url[:100]) from None
        if any(ord(c) < 33 or ord(c) > 126 for c in (parts.path + parts.query)):
            raise FetchError("bad-url", url[:100])
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise FetchError("bad-url", url[:100]) from None
        ips = self.addresses(host, port)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        netloc = host if parts.port is None else f"{host}:{parts.port}"
        req_headers = [("Host", netloc), ("User-Agent", self.settings.user_agent),
                       ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                       ("Accept-Encoding", "identity"), ("Connection", "close")]
        last: Exception | None = None
        for ip in ips:
            cls = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
            conn = cls(host, port, ip, self.settings.timeout)
            resp: http.client.HTTPResponse | None = None
            try:
                conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
                for k, v in req_headers:
                    conn.putheader(k, v)
                conn.endheaders()
                resp = conn.getresponse()
                headers = [(k, v) for k, v in resp.getheaders()]
                status = resp.status
                ctype = next((v for k, v in headers if k.lower() == "content-type"), "")
                ctype = ctype.split(";")[0].strip().lower()
                if html_only and status == 200 and ctype and ctype not in _HTML_TYPES:
                    body = b""
                else:
                    body = self._read_body(resp, status, headers, url)
                return Response(url, status, resp.reason or "", headers, body, ip, [("GET", path)] + req_headers)
            except FetchError:
                raise
            except TimeoutError as exc:
                raise FetchError("timeout", str(exc)) from None
            except ssl.SSLError as exc:
                raise FetchError("tls", str(exc)[:120]) from None
            except (ConnectionRefusedError, OSError) as exc:
                last = exc  # the next address, if any
            except http.client.HTTPException as exc:
                raise FetchError("bad-response", f"{type(exc).__name__}: {exc}"[:120]) from None
            finally:
                if resp is not None:
                    resp.close()  # the response holds the socket: closing the connection alone leaves it open
                conn.close()
        raise FetchError("connection", f"{type(last).__name__}: {last}"[:120] if last else host)

    def _read_body(self, resp: http.client.HTTPResponse, status: int, headers: list[tuple[str, str]],
                   url: str) -> bytes:
        cap = self.settings.max_bytes
        length = next((v for k, v in headers if k.lower() == "content-length"), None)
        if length and length.strip().isdigit() and int(length) > cap:
            raise FetchError("too-large", f"Content-Length {length} > {cap}")
        deadline = time.monotonic() + max(self.settings.timeout * 4, 1.0)  # a trickling server ends too
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                raise FetchError("too-large", f"more than {cap} bytes")
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise FetchError("timeout", "body too slow")
        return b"".join(chunks)


# ----------------------------------------------------------------------------- WARC output


class WarcOut:
    """WARC files DIR/crawl-00001.warc.gz, ... rotated once a file reaches `max_size` bytes."""

    def __init__(self, out: Path, state: State, max_size: int) -> None:
        self.out = out
        self.state = state
        self.max_size = max_size
        self.fh: BinaryIO | None = None
        self.name: str | None = None
        self.writer: Any = None

    def _open(self) -> None:
        from warcio.warcwriter import WARCWriter

        number = self.state.warc_count() + 1
        self.name = f"crawl-{number:05d}.warc.gz"
        self.fh = open(self.out / self.name, "wb")
        self.writer = WARCWriter(self.fh, gzip=True)
        info = self.writer.create_warcinfo_record(self.name, {
            "software": f"teken/{__version__} (warcio)", "format": "WARC File Format 1.1",
            "robots": "obey", "http-header-user-agent": self.state.user_agent})
        self.writer.write_record(info)
        self.fh.flush()
        self.state.set_warc(self.name, self.fh.tell())
        self.state.commit()

    def write(self, resp: Response) -> str:
        """The request and response records of one exchange; returns the file name (not yet committed)."""
        from warcio.statusandheaders import StatusAndHeaders

        if self.fh is None:
            self._open()
        assert self.fh is not None and self.name is not None
        method, path = resp.request_headers[0]
        req = self.writer.create_warc_record(
            resp.url, "request", payload=BytesIO(b""),
            http_headers=StatusAndHeaders(f"{method} {path} HTTP/1.1", resp.request_headers[1:],
                                          is_http_request=True))
        # The body is stored as received, de-chunked: Transfer-Encoding no longer applies to it.
        headers = [(k, v) for k, v in resp.headers if k.lower() != "transfer-encoding"]
        response = self.writer.create_warc_record(
            resp.url, "response", payload=BytesIO(resp.body),
            http_headers=StatusAndHeaders(f"{resp.status} {resp.reason}".strip(), headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-IP-Address": resp.ip})
        self.writer.write_request_response_pair(req, response)
        self.fh.flush()
        self.state.set_warc(self.name, self.fh.tell())
        return self.name

    def rotate_if_full(self) -> None:
        if self.fh is not None and self.fh.tell() >= self.max_size:
            self.close()

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()
        self.fh = None
        self.name = None


# ----------------------------------------------------------------------------- state


class State:
    """DIR/.teken-crawl.sqlite: what was discovered, fetched and written; committed after each URL."""

    def __init__(self, path: Path, user_agent: str) -> None:
        # Used by the crawl's threads in turn, under the crawler's lock.
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.user_agent = user_agent
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS urls (key TEXT PRIMARY KEY, url TEXT, host TEXT, source TEXT,
                title TEXT, published TEXT, status TEXT, reason TEXT, http_status INTEGER, warc TEXT,
                seq INTEGER);
            CREATE TABLE IF NOT EXISTS docs (url TEXT PRIMARY KEY, kind TEXT, status TEXT, reason TEXT,
                parent TEXT);
            CREATE TABLE IF NOT EXISTS robots (host TEXT PRIMARY KEY, status INTEGER, body TEXT);
            CREATE TABLE IF NOT EXISTS warcs (name TEXT PRIMARY KEY, size INTEGER);
            CREATE TABLE IF NOT EXISTS counts (kind TEXT PRIMARY KEY, n INTEGER);
            CREATE INDEX IF NOT EXISTS urls_status_seq ON urls (status, seq);
        """)
        self.seq = int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM urls").fetchone()[0])
        self.db.execute("BEGIN")

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    def rollback(self) -> None:
        self.db.execute("ROLLBACK")
        self.db.execute("BEGIN")

    def close(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()

    def bump(self, kind: str, n: int = 1) -> None:
        self.db.execute("INSERT INTO counts VALUES (?, ?) ON CONFLICT(kind) DO UPDATE SET n = n + ?", (kind, n, n))

    def counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT kind, n FROM counts").fetchall())

    def doc_status(self, url: str) -> str | None:
        row = self.db.execute("SELECT status FROM docs WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def set_doc(self, url: str, kind: str, status: str, reason: str = "", parent: str | None = None) -> None:
        self.db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET kind = ?, "
                        "status = ?, reason = ?", (url, kind, status, reason, parent, kind, status, reason))

    def children(self, url: str) -> list[tuple[str, str]]:
        return self.db.execute("SELECT url, kind FROM docs WHERE parent = ?", (url,)).fetchall()

    def add_url(self, key: str, url: str, source: str, title: str | None, published: str | None) -> bool:
        self.seq += 1
        seq = self.seq
        cur = self.db.execute("INSERT OR IGNORE INTO urls (key, url, host, source, title, published, status, seq)"
                              " VALUES (?, ?, ?, ?, ?, ?, 'queued', ?)",
                              (key, url, urlsplit(url).netloc.lower(), source, title, published, seq))
        return cur.rowcount == 1

    def url_status(self, key: str) -> str | None:
        row = self.db.execute("SELECT status FROM urls WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def finish_url(self, key: str, status: str, reason: str = "", http_status: int | None = None,
                   warc: str | None = None) -> None:
        self.db.execute("UPDATE urls SET status = ?, reason = ?, http_status = ?, warc = ? WHERE key = ?",
                        (status, reason, http_status, warc, key))

    def queued(self) -> list[tuple[str, str, str]]:
        return self.db.execute("SELECT key, url, host FROM urls WHERE status = 'queued' ORDER BY seq").fetchall()

    def robots(self, host: str) -> tuple[int, str] | None:
        row = self.db.execute("SELECT status, body FROM robots WHERE host = ?", (host,)).fetchone()
        return (row[0], row[1]) if row else None

    def set_robots(self, host: str, status: int, body: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO robots VALUES (?, ?, ?)", (host, status, body))

    def warc_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM warcs").fetchone()[0])

    def set_warc(self, name: str, size: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO warcs VALUES (?, ?)", (name, size))

    def warcs(self) -> list[tuple[str, int]]:
        return self.db.execute("SELECT name, size FROM warcs ORDER BY name").fetchall()

    def status_counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT status, COUNT(*) FROM urls GROUP BY status").fetchall())

    def reasons(self, status: str) -> dict[str, int]:
        return dict(self.db.execute("SELECT reason, COUNT(*) FROM urls WHERE status = ? GROUP BY reason",
                                    (status,)).fetchall())

    def per_host(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for host, status, n in self.db.execute("SELECT host, status, COUNT(*) FROM urls GROUP BY host, status"):
            out.setdefault(host, {})[status] = n
        return out


# ----------------------------------------------------------------------------- discovery parsing

_SITEMAP_FORMAT = re.compile(r"^.{0,5}<\?xml|<(?:[\w.-]+:)?(?:sitemapindex|sitemap|urlset)\b")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_date(text: str | None) -> date | None:
    """A sitemap's W3C date or a feed's RFC 822 or ISO date, as a date (None when unreadable)."""
    if not text:
        return None
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(text)
        return parsed.date() if parsed else None
    except (TypeError, ValueError, IndexError):
        return None


def item_metadata(content: str) -> dict[str, tuple[str | None, str | None]]:
    """url_key -> (title, date) for the entries of a sitemap (lastmod, news:title, news:publication_date) or
    a feed (title, pubDate, dc:date, published, updated)."""
    from lxml import etree

    out: dict[str, tuple[str | None, str | None]] = {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(content.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return out
    if root is None:
        return out
    for el in root.iter():
        name = _local(el.tag)
        if name not in ("url", "item", "entry"):
            continue
        link = title = when = None
        for child in el.iter():
            cname = _local(child.tag)
            text = (child.text or "").strip()
            if cname in ("loc", "link") and link is None:
                link = text or child.get("href")
            elif cname == "title" and title is None and text:
                title = text
            elif cname == "keywords" and text:  # Google News sitemaps' news:keywords
                title = f"{title or ''} {text}".strip()
            elif cname in ("publication_date", "pubdate", "date", "published") and text:
                when = text
            elif cname in ("lastmod", "updated") and text and when is None:
                when = text
        key = url_key(link) if link else None
        if key:
            out[key] = (title, when)
    return out


def _clean(url: str) -> str | None:
    """courlan's normalisation (tracking parameters, fragment, default port) of the URL as given."""
    from courlan import normalize_url, scrub_url

    try:
        return str(normalize_url(scrub_url(url.strip()), trailing_slash=False))
    except (ValueError, AttributeError):
        return None


def _decode(body: bytes, cap: int) -> str:
    """A document's text; gzip (a .xml.gz sitemap) is opened, at most `cap` bytes of it."""
    if body[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = d.decompress(body, cap)
        except zlib.error as exc:
            raise FetchError("bad-gzip", str(exc)) from None
    return body.decode("utf-8", errors="replace").lstrip("\ufeff")


# ----------------------------------------------------------------------------- the crawl


@dataclass
class _Host:
    last_end: float = float("-inf")  # when the last request to the host ended
    not_before: float = 0.0  # a backoff or Retry-After
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)  # one request at a time to the host

    @property
    def next_ok(self) -> float:
        return max(self.last_end + self.delay, self.not_before)
    robots: RobotFileParser | None = None
    robots_reason: str = ""
    robots_error: str = ""  # robots.txt could not be fetched at all (tls, dns, timeout...): the pages' error


class Crawler:
    def __init__(self, settings: CrawlSettings, log: Callable[[str], None] | None = None) -> None:
        self.s = settings
        self.out = settings.out
        self.out.mkdir(parents=True, exist_ok=True)
        self.state = State(self.out / STATE_FILE, settings.user_agent)
        self._recover_warcs()
        self.fetcher = Fetcher(settings)
        self.warc = WarcOut(self.out, self.state, settings.warc_size)
        self.hosts: dict[str, _Host] = {}
        self.include = [re.compile(p) for p in settings.include]
        self.exclude = [re.compile(p) for p in settings.exclude]
        self.keywords = [k.casefold() for k in settings.keywords]
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self.session_fetched: Counter[str] = Counter()
        self.attempts: dict[str, int] = {}  # URL -> retries made (a deferred page keeps its count)
        self.deferring = False
        # Everything but waiting and network I/O runs under this lock (state, WARC, hosts, queues), so the
        # worker threads only overlap in what they wait for.
        self.lock = threading.Condition(threading.Lock())
        self.queues: dict[str, deque[tuple[str, str]]] = {}
        self.busy: set[str] = set()
        self.fetched = 0
        self._last_progress = 0.0
        self.started = datetime.now(UTC)

    @contextmanager
    def _unlocked(self) -> Iterator[None]:
        self.lock.release()
        try:
            yield
        finally:
            self.lock.acquire()

    # -- restart
    def _recover_warcs(self) -> None:
        """Cut every WARC file back to its last committed size: records of a URL whose row was never
        committed (the crawl was killed in between) go, the URL is fetched again."""
        for name, size in self.state.warcs():
            path = self.out / name
            if path.exists() and path.stat().st_size > size:
                with open(path, "r+b") as fh:
                    fh.truncate(size)

    # -- politeness
    def _host(self, netloc: str) -> _Host:
        h = self.hosts.get(netloc)
        if h is None:
            h = self.hosts[netloc] = _Host(delay=self.s.delay)
        return h

    def _wait(self, h: _Host) -> None:
        pause = h.next_ok - time.monotonic()
        if pause > 0:
            time.sleep(pause)

    def _polite_get(self, url: str, html_only: bool = False) -> Response:
        """One request, paced per host, retried on 429/5xx/network errors with backoff and Retry-After.
        While pages are fetched (`self.deferring`), a retry is not waited for here: `_Defer` puts the URL back
        in its host's queue, so the other hosts go on meanwhile."""
        h = self._host(urlsplit(url).netloc.lower())
        attempt = self.attempts.get(url, 0)
        while True:
            with self._unlocked(), h.lock:
                self._wait(h)
                try:
                    resp = self.fetcher.get(url, html_only)
                    error: FetchError | None = None
                except FetchError as exc:
                    resp, error = None, exc
                h.last_end = time.monotonic()
            retryable = (error is not None and error.kind in ("timeout", "connection", "bad-response")) or (
                resp is not None and resp.status in RETRY_STATUSES)
            after = _retry_after(resp.header("Retry-After")) if resp is not None and retryable else None
            if not retryable or attempt >= self.s.retries or (after is not None and after > MAX_RETRY_WAIT):
                self.attempts.pop(url, None)
                if error is not None:
                    raise error
                assert resp is not None
                return resp
            wait = max(self.s.backoff * (2 ** attempt), after or 0.0)
            h.not_before = time.monotonic() + wait
            attempt += 1
            self.attempts[url] = attempt
            if self.deferring:
                raise _Defer(url)

    def _robots(self, netloc: str, scheme: str) -> _Host:
        h = self._host(netloc)
        if h.robots is not None:
            return h
        stored = self.state.robots(netloc)
        if stored is None:
            try:
                resp = self._follow(f"{scheme}://{netloc}/robots.txt", check_robots=False)
                status, body = resp.status, _decode(resp.body, 512 * 1024) if resp.status == 200 else ""
            except FetchError as exc:
                status, body = 0, exc.kind
            if 200 <= status < 500:  # an unreachable or failing robots.txt is asked again next run
                self.state.set_robots(netloc, status, body)
                self.state.commit()
        else:
            status, body = stored
        rp = RobotFileParser()
        if status == 200:
            # robotparser reads only whole seconds; Crawl-delay is given to it in milliseconds instead.
            rp.parse(_CRAWL_DELAY.sub(_delay_ms, line) for line in body.splitlines())
        elif status in (401, 403):
            rp.parse(["User-agent: *", "Disallow: /"])
            h.robots_reason = f"robots.txt answered {status}"
        elif 400 <= status < 500:
            rp.parse([])  # no robots.txt: everything allowed
        else:  # 5xx or unreachable: the site may not want visitors now
            rp.parse(["User-agent: *", "Disallow: /"])
            h.robots_reason = f"robots.txt unavailable ({status or body})"
            h.robots_error = body if status == 0 else ""
        h.robots = rp
        cd = rp.crawl_delay(AGENT_TOKEN) if status == 200 else None
        if cd is not None:
            h.delay = max(self.s.delay, min(float(cd) / 1000, MAX_CRAWL_DELAY))
        return h

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        h = self._robots(parts.netloc.lower(), parts.scheme)
        assert h.robots is not None
        return h.robots.can_fetch(AGENT_TOKEN, url)

    def _follow(self, url: str, check_robots: bool = True, html_only: bool = False,
                on_hop: Callable[[Response], None] | None = None) -> Response:
        """GET with redirects: every hop's scheme, address and robots.txt checked again."""
        seen: set[str] = set()
        for _ in range(self.s.max_redirects + 1):
            if url in seen:
                raise FetchError("redirect-loop", url[:100])
            seen.add(url)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError("bad-scheme", url[:100])
            try:
                port = parts.port or (443 if parts.scheme == "https" else 80)
            except ValueError:
                raise FetchError("bad-url", url[:100]) from None
            with self._unlocked():
                self.fetcher.addresses(parts.hostname, port)  # refused before robots.txt is even asked
            if check_robots and not self.allowed(url):
                h = self._host(parts.netloc.lower())
                if h.robots_error:  # the site could not be reached: an error of that kind, not a robots skip
                    raise FetchError(h.robots_error, h.robots_reason)
                raise FetchError("robots", h.robots_reason or "disallowed by robots.txt")
            resp = self._polite_get(url, html_only)
            location = resp.header("Location")
            if resp.status in (301, 302, 303, 307, 308) and location:
                if on_hop is not None:
                    on_hop(resp)
                url = urljoin(url, location.strip())
                continue
            return resp
        raise FetchError("too-many-redirects", url[:100])

    # -- filters
    def _wanted(self, url: str, title: str | None, published: str | None) -> str | None:
        """None when the URL passes the filters, else why not."""
        if self.include and not any(p.search(url) for p in self.include):
            return "include"
        if any(p.search(url) for p in self.exclude):
            return "exclude"
        if self.keywords:
            hay = (url + " " + (title or "")).casefold()
            if not any(k in hay for k in self.keywords):
                return "keyword"
        if self.s.since or self.s.until:
            d = parse_date(published)
            if d is not None and ((self.s.since and d < self.s.since) or (self.s.until and d > self.s.until)):
                return "date"
        return None

    def _enqueue(self, links: Iterable[str], source: str,
                 meta: dict[str, tuple[str | None, str | None]] | None = None) -> int:
        added = 0
        for link in links:
            normal = normalise_url(link)
            key = url_key(normal)
            if normal is None or key is None:
                self.state.bump("invalid-url")
                continue
            title, published = (meta or {}).get(key, (None, None))
            why = self._wanted(normal, title, published)
            if why:
                self.state.bump(f"filtered-{why}")
                continue
            if urlsplit(normal).hostname != urlsplit(link.strip()).hostname:
                # A mobile or AMP host is one page with the desktop one for deduplication, but the desktop
                # host is teken's guess ("m.site" -> "www.site"): fetch the host the site gave.
                normal = _clean(link) or normal
            if self.state.add_url(key, normal, source, title, published):
                added += 1
            else:
                self.state.bump("duplicates")
        return added

    # -- discovery
    def discover(self) -> None:
        with self.lock:
            self._discover()

    def _discover(self) -> None:
        for path in self.s.url_lists:
            marker = f"list:{path.resolve()}"
            if self.state.doc_status(marker) == "done":
                continue
            lines = [ln.strip() for ln in path.read_text(encoding="utf-8", errors="replace").splitlines()]
            self._enqueue([ln for ln in lines if ln and not ln.startswith("#")], "list")
            self.state.set_doc(marker, "list", "done")
            self.state.commit()
        todo: deque[tuple[str, str]] = deque((seed, "seed") for seed in self.s.seeds)
        seen: set[str] = set()
        while todo and len(seen) < MAX_DISCOVERY_DOCS:
            url, kind = todo.popleft()
            if url in seen:
                continue
            seen.add(url)
            if self.state.doc_status(url) in ("done", "error"):
                # Already read (or given up) in an earlier run: its links are in the state, its nested
                # sitemaps too, so they are followed again from the stored list.
                for child, ckind in self.state.children(url):
                    todo.append((child, ckind))
                continue
            for child, ckind in self._discover_one(url, kind):
                todo.append((child, ckind))
            self.state.commit()

    def _discover_one(self, url: str, kind: str) -> list[tuple[str, str]]:
        from courlan import get_hostinfo
        from trafilatura.feeds import FeedParameters, determine_feed, extract_links, is_potential_feed
        from trafilatura.sitemaps import SitemapObject, extract_robots_sitemaps, is_plausible_sitemap

        try:
            resp = self._follow(url)
            if resp.status != 200:
                raise FetchError("http-error", f"HTTP {resp.status}")
            text = _decode(resp.body, self.s.max_bytes)
        except FetchError as exc:
            self.state.set_doc(url, kind, "error", exc.kind)
            self.state.bump("robots-docs" if exc.kind == "robots" else f"discovery-{exc.kind}")
            self.log(f"teken crawl: cannot read {url}: {exc}")
            return []
        domain, base = get_hostinfo(resp.url)
        children: list[tuple[str, str]] = []
        head = text.lstrip()[:600]
        if _SITEMAP_FORMAT.match(head) and re.search(r"<(?:[\w.-]+:)?(?:sitemapindex|urlset)\b", head):
            sm = SitemapObject(base, domain or "", [], None, False)
            sm.current_url = resp.url
            sm.content = text
            if is_plausible_sitemap(resp.url, text):
                sm.process()
            if "<sitemapindex" in text or re.search(r"<\w+:sitemapindex", text):
                # An index: every <loc> is a sitemap, whatever its name ends with.
                sm.sitemap_urls = list(dict.fromkeys(sm.sitemap_urls + sm.urls))
                sm.urls = []
            children = [(u, "sitemap") for u in sm.sitemap_urls]
            self._enqueue(sm.urls, "sitemap", item_metadata(text))
            found = "sitemap"
        elif is_potential_feed(text.strip()) or text.strip().startswith("{"):
            params = FeedParameters(base, domain or "", resp.url, False, None)
            links = extract_links(text, params)
            self._enqueue(links, "feed", item_metadata(text) if not text.strip().startswith("{") else None)
            found = "feed"
        else:  # a web page: a site's home page
            params = FeedParameters(base, domain or "", resp.url, False, None)
            children = [(u, "feed") for u in determine_feed(text, params)]
            parts = urlsplit(resp.url)
            stored = self.state.robots(parts.netloc.lower())
            robots_body = stored[1] if stored and stored[0] == 200 else None
            sitemaps = extract_robots_sitemaps(robots_body, base)
            if not sitemaps and kind == "seed":
                sitemaps = [f"{base}/sitemap.xml"]
            children += [(u, "sitemap") for u in sitemaps]
            found = "page"
        for child, ckind in children:
            if self.state.doc_status(child) is None:
                self.state.set_doc(child, ckind, "queued", "", url)
        self.state.set_doc(url, found, "done", "")
        return children

    # -- fetching
    def fetch_all(self) -> None:
        """The queued pages, by `workers` threads; a host is given to one thread at a time, the host that may
        be asked soonest first."""
        with self.lock:
            self.queues = {}
            for key, url, host in self.state.queued():
                self.queues.setdefault(host, deque()).append((key, url))
            self.busy = set()
            self.fetched = self.state.status_counts().get("fetched", 0)
            self.deferring = True
        workers = [threading.Thread(target=self._worker, name=f"teken-crawl-{i}", daemon=True)
                   for i in range(max(1, self.s.workers))]
        for t in workers:
            t.start()
        try:
            for t in workers:
                while t.is_alive():
                    t.join(0.5)  # a timeout, so that Ctrl-C reaches this thread
        except KeyboardInterrupt:
            # Each worker finishes (and commits) the page it is on, then stops; the crawl resumes from there.
            with self.lock:
                self.stopping = True
                self.lock.notify_all()
            for t in workers:
                t.join()
            raise
        with self.lock:
            self.deferring = False
            self._progress(force=True)
        if self.worker_error is not None:
            raise self.worker_error

    worker_error: BaseException | None = None
    stopping = False

    def _worker(self) -> None:
        with self.lock:
            try:
                while self.worker_error is None and not self.stopping:
                    cap = self.s.max_pages
                    if cap is not None and self.fetched + len(self.busy) >= cap:
                        if not self.busy:
                            break
                        self.lock.wait(0.1)
                        continue
                    free = [h for h in self.queues if h not in self.busy]
                    if not free:
                        if not self.busy:
                            break  # nothing queued, nothing in flight
                        self.lock.wait(0.1)
                        continue
                    host = min(free, key=lambda h: self._host(h).next_ok)
                    key, url = self.queues[host].popleft()
                    if not self.queues[host]:
                        del self.queues[host]
                    if self.state.url_status(key) != "queued":
                        continue  # fetched meanwhile as the target of a redirect
                    self.busy.add(host)
                    try:
                        done = self._fetch_page(key, url)
                    finally:
                        self.busy.discard(host)
                        self.lock.notify_all()
                    if done is None:  # to be retried once the host's backoff is over
                        self.queues.setdefault(host, deque()).appendleft((key, url))
                    elif done:
                        self.fetched += 1
                    self._progress()
            except BaseException as exc:  # a bug: stop the other workers too, and report it
                self.worker_error = exc
                self.lock.notify_all()

    def _fetch_page(self, key: str, url: str) -> bool | None:
        """Whether the page was fetched; None when it waits for a retry."""
        written: list[str] = []

        def keep(resp: Response) -> None:
            written.append(self.warc.write(resp))

        try:
            resp = self._follow(url, html_only=True, on_hop=keep)
        except _Defer:
            return None
        except FetchError as exc:
            status = "robots" if exc.kind == "robots" else "error"
            reason = exc.detail if status == "robots" else exc.kind
            self.state.finish_url(key, status, reason, None, written[-1] if written else None)
            self.state.commit()
            return False
        final_key = url_key(resp.url)
        if final_key and final_key != key and self.state.url_status(final_key) not in (None, "queued"):
            # Redirected to a page this crawl already has.
            self.state.finish_url(key, "duplicate", "redirect", resp.status, written[-1] if written else None)
            self.state.bump("duplicates")
            self.state.commit()
            return False
        ctype = (resp.header("Content-Type") or "").split(";")[0].strip().lower()
        if resp.status == 200 and ctype and ctype not in _HTML_TYPES:
            self.state.finish_url(key, "skipped", "non-html", resp.status)
            self.state.commit()
            return False
        name = self.warc.write(resp)
        if resp.status != 200:
            self.state.finish_url(key, "error", f"http-{resp.status}", resp.status, name)
            ok = False
        else:
            self.state.finish_url(key, "fetched", "", 200, name)
            if final_key and final_key != key and self.state.url_status(final_key) == "queued":
                self.state.finish_url(final_key, "duplicate", "redirect", 200, name)
            ok = True
        self.state.commit()
        self.warc.rotate_if_full()
        if ok:
            self.session_fetched[urlsplit(url).netloc.lower()] += 1
        return ok

    def _progress(self, force: bool = False) -> None:
        if not self.s.progress:
            return
        now = time.monotonic()
        if not force and now - self._last_progress < 2.0:
            return
        self._last_progress = now
        counts = self.state.status_counts()
        queued = sum(len(q) for q in self.queues.values())
        # Per host: pages fetched in this run, and still queued; the busiest hosts first, at most 6.
        names = set(self.session_fetched) | set(self.queues)
        busiest = sorted(names, key=lambda h: (-self.session_fetched[h], h))[:6]
        hosts = ", ".join(f"{h} {self.session_fetched[h]}"
                          + (f" (+{len(self.queues[h])} queued)" if self.queues.get(h) else "") for h in busiest)
        more = f", {len(names) - 6} more hosts" if len(names) > 6 else ""
        self.log(f"teken crawl: {counts.get('fetched', 0)} fetched, {queued} queued, {counts.get('error', 0)} errors"
                 + (f" | {hosts}{more}" if hosts else ""))

    def summary(self) -> dict[str, Any]:
        counts = self.state.status_counts()
        extra = self.state.counts()
        errors = Counter(self.state.reasons("error"))
        for k, n in extra.items():
            if k.startswith("discovery-"):
                errors[k] += n
        return {
            "teken_version": __version__,
            "user_agent": self.s.user_agent,
            "seeds": self.s.seeds,
            "url_lists": [str(p) for p in self.s.url_lists],
            "started": self.started.isoformat(timespec="seconds"),
            "finished": datetime.now(UTC).isoformat(timespec="seconds"),
            "fetched": counts.get("fetched", 0),
            "queued": counts.get("queued", 0),
            "skipped": {"robots": counts.get("robots", 0) + extra.get("robots-docs", 0),
                        "non-html": self.state.reasons("skipped").get("non-html", 0),
                        **{k[len("filtered-"):]: n for k, n in sorted(extra.items()) if k.startswith("filtered-")},
                        "invalid-url": extra.get("invalid-url", 0)},
            "duplicates": extra.get("duplicates", 0),
            "errors": dict(sorted(errors.items())),
            "per_host": self.state.per_host(),
            "warc_files": [name for name, _ in self.state.warcs()],
            "settings": {k: (str(v) if isinstance(v, (Path, date)) else v)
                         for k, v in asdict(self.s).items() if k not in ("out", "seeds", "url_lists", "progress")},
        }

    def run(self) -> dict[str, Any]:
        try:
            self.discover()
            self.fetch_all()
        except BaseException:
            # What was finished is committed; a half-read sitemap is not (it is read again next run).
            self.warc.close()
            self.state.rollback()
            self.state.close()
            raise
        self.warc.close()
        self.state.commit()
        if not self.state.status_counts() and self.s.progress:
            self.log("teken crawl: no article URL found (check the seeds, --include, --keyword, --since)")
        result = self.summary()
        (self.out / MANIFEST_FILE).write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n",
                                              encoding="utf-8")
        self.state.close()
        return result


_CRAWL_DELAY = re.compile(r"^(\s*crawl-delay\s*:\s*)(\d+(?:\.\d*)?)", re.IGNORECASE)


def _delay_ms(m: re.Match[str]) -> str:
    return f"{m.group(1)}{round(float(m.group(2)) * 1000)}"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def crawl(settings: CrawlSettings, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Discover and fetch; returns the summary written to DIR/crawl.json."""
    return Crawler(settings, log).run()


def format_summary(result: dict[str, Any]) -> str:
    skipped = ", ".join(f"{k} {v}" for k, v in result["skipped"].items() if v) or "none"
    errors = ", ".join(f"{k} {v}" for k, v in result["errors"].items()) or "none"
    return (f"teken crawl: {result['fetched']} pages fetched into {len(result['warc_files'])} WARC file(s); "
            f"skipped: {skipped}; duplicates {result['duplicates']}; errors: {errors}")


# ----------------------------------------------------------------------------- the command

_SIZE = re.compile(r"^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """"100M", "512k", "2G" or a number of bytes."""
    m = _SIZE.match(text.strip())
    if not m:
        raise CrawlUsageError(f"not a size: {text!r} (say 100M, 512k or bytes)")
    unit = (m.group(2) or "b")[0].lower()
    return int(float(m.group(1)) * {"b": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[unit])


def settings_from_args(args: Any) -> CrawlSettings:
    """The settings of `teken crawl`, every mistake found before anything is written (CrawlUsageError)."""
    seeds: list[str] = []
    for seed in args.seeds:
        parts = urlsplit(seed)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CrawlUsageError(f"not an http(s) URL: {seed!r}")
        seeds.append(seed)
    lists = [Path(p) for p in args.urls or []]
    for p in lists:
        if not p.is_file():
            raise CrawlUsageError(f"URL list not found: {p}")
    if not seeds and not lists:
        raise CrawlUsageError("give at least one SEED URL or --urls FILE")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise CrawlUsageError(f"--out is a file, not a folder: {out}")
    existing = next(p for p in [out, *out.absolute().parents] if p.exists())
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise CrawlUsageError(f"--out cannot be written: {existing} is not a writable folder")
    for name in ("delay", "timeout", "backoff"):
        if getattr(args, name) < 0:
            raise CrawlUsageError(f"--{name} must be 0 or more")
    if args.timeout == 0:
        raise CrawlUsageError("--timeout must be more than 0")
    for name in ("retries", "max_redirects"):
        if getattr(args, name) < 0:
            raise CrawlUsageError(f"--{name.replace('_', '-')} must be 0 or more")
    if args.workers < 1:
        raise CrawlUsageError("--workers must be 1 or more")
    if args.max_pages is not None and args.max_pages < 1:
        raise CrawlUsageError("--max-pages must be 1 or more")
    max_bytes = parse_size(args.max_bytes)
    warc_size = parse_size(args.warc_size)
    if max_bytes < 1 or warc_size < 1:
        raise CrawlUsageError("--max-bytes and --warc-size must be more than 0")
    for pattern in list(args.include or []) + list(args.exclude or []):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise CrawlUsageError(f"not a regular expression: {pattern!r} ({exc})") from None
    dates: dict[str, date | None] = {}
    for name in ("since", "until"):
        value = getattr(args, name)
        try:
            dates[name] = date.fromisoformat(value) if value else None
        except ValueError:
            raise CrawlUsageError(f"--{name}: not a date YYYY-MM-DD: {value!r}") from None
    if dates["since"] and dates["until"] and dates["since"] > dates["until"]:
        raise CrawlUsageError("--since is after --until")
    resolve: dict[str, str] = {}
    for item in args.resolve or []:
        host, _, ip = item.rpartition(":") if item.count(":") == 1 else item.partition(":")
        try:
            ipaddress.ip_address(ip)
        except ValueError:
            raise CrawlUsageError(f"--resolve wants HOST:IP, not {item!r}") from None
        resolve[host.lower()] = ip
    return CrawlSettings(
        out=out, seeds=seeds, url_lists=lists, delay=args.delay, timeout=args.timeout, retries=args.retries,
        backoff=args.backoff, max_bytes=max_bytes, max_redirects=args.max_redirects, warc_size=warc_size,
        max_pages=args.max_pages, workers=args.workers, contact=args.contact, allow_private=bool(args.allow_private), resolve=resolve,
        include=list(args.include or []), exclude=list(args.exclude or []), keywords=list(args.keyword or []),
        since=dates["since"], until=dates["until"], progress=not args.quiet)


def crawl_command(args: Any) -> int:
    from teken.pipeline import UsageError

    try:
        settings = settings_from_args(args)
    except CrawlUsageError as err:
        raise UsageError(str(err)) from None
    result = crawl(settings)
    print(format_summary(result), file=sys.stderr)
    print(f"teken crawl: read them with: teken run {settings.out}/*.warc.gz --out DIR", file=sys.stderr)
    return 0
