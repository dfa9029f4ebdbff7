"""Article URLs: one form per page, so that the same page read twice is known as one article.

`normalise_url` is courlan's normalisation (lower-case host, default port dropped, tracking parameters
such as utm_*, fbclid and gclid removed, query sorted) plus what courlan leaves to the caller for news:
the fragment (an anchor in the same page), a trailing slash, and the AMP and mobile copies of a page
(`/amp/`, `/amp` at the end, `?amp=1`, `?outputType=amp`, `amp.site`, `m.site`, `mobile.site`), which
courlan does not treat as variants because on the web at large a `m.` host may be another site. On news
sites they are the same article, so they are read here as the desktop page.

`url_key` is what two URLs must share to name one page: the normalised URL without its scheme and a
`www.` (http and https, www and the bare host, serve the same article).
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url, scrub_url

_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/(https?://.+)$", re.IGNORECASE)
# Host prefixes of the mobile and AMP copies of a news site ("m.detik.com", "amp.kompas.com").
_VARIANT_HOST = re.compile(r"^(?:m|mobile|amp|www)\.(?=[^.]+\.[^.]+)", re.IGNORECASE)
# Query parameters that only ask for the AMP copy.
_AMP_PARAMS = {"amp", "outputtype", "_amp", "amp_js_v", "usqp"}


def unwrap_wayback(url: str) -> str:
    """A Wayback Machine copy is known by the URL it copies."""
    url = url.strip()
    m = _WAYBACK.match(url)
    return m.group(1) if m else url


def normalise_url(url: str | None) -> str | None:
    """The URL of the page as teken records it (see the module), or None when `url` is not a web address."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = unwrap_wayback(url)
    try:
        parts = urlsplit(normalize_url(scrub_url(url), trailing_slash=False))
    except (ValueError, AttributeError):
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.netloc
    if host.startswith(("m.", "mobile.", "amp.")):
        host = _desktop_host(_VARIANT_HOST.sub("", host, count=1))
    segments = [s for s in parts.path.split("/") if s]
    if "amp" in (s.lower() for s in segments):
        segments = [s for s in segments if s.lower() != "amp"]
    if segments and segments[-1].lower().endswith((".amp", ".amp.html")):
        segments[-1] = re.sub(r"\.amp(\.html)?$", r"\1", segments[-1], flags=re.IGNORECASE)
    path = "/" + "/".join(segments) if segments else ""
    query = parts.query
    if query:
        pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True)
                 if not (k.lower() in _AMP_PARAMS and (k.lower() != "outputtype" or v.lower() == "amp"))]
        query = urlencode(pairs)
    if query and not path:
        path = "/"
    return urlunsplit((parts.scheme, host, path, query, ""))


# Second levels under which Indonesian sites register their names ("tempo.co.id", "jatimprov.go.id").
_SECOND_LEVELS = {"co", "go", "ac", "or", "sch", "web", "my", "net", "mil", "desa", "biz", "ponpes", "com", "org"}


def _desktop_host(host: str) -> str:
    """The desktop host of a mobile copy: "m.detik.com" -> "www.detik.com", "m.news.detik.com" ->
    "news.detik.com" (a site's own name gets "www.", a subdomain stays as it is)."""
    labels = host.split(".")
    registered = len(labels) == 2 or (len(labels) == 3 and labels[1] in _SECOND_LEVELS and len(labels[2]) == 2)
    return "www." + host if registered else host


def url_key(url: str | None) -> str | None:
    """What two URLs share when they name the same page: the normalised URL without scheme and `www.`."""
    normal = normalise_url(url)
    if normal is None:
        return None
    rest = normal.split("://", 1)[1]
    return rest[4:] if rest.startswith("www.") else rest


_WORDS = re.compile(r"\w+")


def text_key(text: str | None) -> str | None:
    """A hash of a cleaned text's words, case-folded: the same article whatever its spacing or punctuation."""
    if not text:
        return None
    words = _WORDS.findall(text.casefold())
    if not words:
        return None
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
