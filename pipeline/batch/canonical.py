"""Canonical events: the reports of one real-world signing, read from many articles, linked into one row.

Six outlets reporting one ceremony give six rows of `events`; `canonical_events` gives one, and every event
carries the `canonical_id` of the ceremony it reports. The reading rules (the examples file beside this
module, `canonical.examples.jsonl`, states each with a pair of events and the decision):

- **Parties** compare by a canonical key: a regional government, DPRD or Ombudsman office by its kind and
  Kemendagri code ("Pemkab Batanghari" = "Pemerintah Kabupaten Batang Hari"), any other party by its
  canonical name. One report may name fewer signers than another (a regency's outlet names only its own
  signature at a joint ceremony): parties agree when one side's keys are a subset of the other's, or when
  they share two keys or more.
- **Dates.** Reports with a day date link on the same day; a day apart only with the same parties and a
  shared agreement type (outlets disagree by a day: "Rabu (29/10)" and "Kamis (30/10)"). A month or year
  date, or none, is a window: the month, the year, the week up to publication for an undated signing, the
  whole time line for an undated report without a publication date; a signed event is never after its
  article's publication. Such a loosely dated report joins a ceremony only when exactly one ceremony (or
  one other loosely dated report) fits it, its status is the same and an agreement type is shared.
- **Type and status.** On the same day the agreement's label does not split a ceremony (one outlet's MoU
  is another's PKS); an announced (planned) and a reported (signed) signing link only on the same day.
  The same parties on another occasion stay apart: a renewal a year later, the PKS a month after the MoU,
  the next budget cycle's nota kesepakatan.

Linking never compares every pair: events are blocked on (party key, day) (day-dated events, the day
before and after too) and (party key, month) (the rest). A party in a large share of all events (the
Ombudsman, when a dataset is about it) is a hub: it blocks nothing unless an event has no other party, so
"Ombudsman with Pemkab X on day D" is found through Pemkab X. Blocks are small whatever the dataset's size:
the work grows with the number of events (`teken bench --link N` measures it on N synthetic events).

Merging keeps the most precise date (the most reported of that precision), the fullest party list (the
longest list, then the parties other reports add), every agreement type, the most reported venue; fields
whose reports disagree are kept in `conflicts` with every value.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from teken.records import AGREEMENT_TYPES

REGIONAL_KINDS = frozenset({"pemerintah_daerah", "dprd", "ombudsman"})
HUB_SHARE = 0.02  # a party key in more than this share of all events (and more than HUB_MIN) blocks nothing
HUB_MIN = 50
UNDATED_SIGNED_DAYS = 7  # an undated signed event: the week up to its article's publication
UNDATED_PLANNED_DAYS = 60  # an undated planned event: the two months after publication
LOOSE_SCAN_MAX = 5000  # an undated, unpublished report looks at most this many events of its rarest party
MAX_CLUSTER_CHECK = 400  # a cluster this large takes no more loosely dated reports (they cannot be unique)
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# A regional party named as the government itself (its full name, a short form, its head), not a unit of it.
_GOVERNMENT = re.compile(r"^(pemerintah|pemkab|pemkot|pemprov|pemda|kabupaten|kab|kota|provinsi|prov|bupati|"
                         r"wakil bupati|wali ?kota|wakil wali ?kota|gubernur|wakil gubernur)\b")


def _norm(text: str | None) -> str:
    return _NON_ALNUM.sub(" ", (text or "").lower()).strip()


_KEY_CACHE: dict[tuple[str, str, str], str] = {}


def party_key(party: dict[str, Any]) -> str:
    """The canonical key of a party: kind and region code for a regional government, DPRD or Ombudsman
    office; the normalised canonical name otherwise (a unit of a government, "Dinas PTSP Kota Makassar",
    keeps its name beside the code, so that it is not its government)."""
    kind = party.get("kind") or "lainnya"
    code = party.get("region_code") or ""
    name = party.get("name") or party.get("mention") or ""
    cache_key = (kind, code, name)
    hit = _KEY_CACHE.get(cache_key)
    if hit is not None:
        return hit
    norm = _norm(name)
    if code and kind in REGIONAL_KINDS and (kind != "pemerintah_daerah" or _GOVERNMENT.match(norm)):
        key = f"{kind}:{code}"
    elif code and kind == "pemerintah_daerah":
        key = f"{kind}:{code}:{norm}"
    else:
        key = f"name:{norm}"
    if len(_KEY_CACHE) < 200_000:
        _KEY_CACHE[cache_key] = key
    return key


def _ordinal(iso: str | None) -> int | None:
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def date_window(value: str | None, precision: str | None, status: str,
                published: str | None) -> tuple[int | None, int | None, int | None]:
    """(day, lo, hi) as date ordinals: `day` for a day date, else the window the signing lies in (None for
    an open end)."""
    pub = _ordinal(published)
    lo: int | None = None
    hi: int | None = None
    if value:
        if precision is None:
            precision = {10: "day", 7: "month", 4: "year"}.get(len(value))
        try:
            if precision == "day":
                d = date.fromisoformat(value[:10]).toordinal()
                return d, d, d
            if precision == "month":
                y, m = int(value[:4]), int(value[5:7])
                lo = date(y, m, 1).toordinal()
                hi = date(y, m, calendar.monthrange(y, m)[1]).toordinal()
            elif precision == "year":
                y = int(value[:4])
                lo, hi = date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
        except ValueError:
            lo = hi = None
        if lo is not None and hi is not None and pub is not None and status == "signed" and lo <= pub < hi:
            hi = pub  # a signing reported as done happened by the day it was published
        if lo is not None:
            return None, lo, hi
    if pub is None:
        return None, None, None
    if status == "signed":
        return None, pub - UNDATED_SIGNED_DAYS, pub
    return None, pub, pub + UNDATED_PLANNED_DAYS


@dataclass(slots=True)
class _Item:
    keys: frozenset[str]
    status: str
    types: frozenset[str]
    day: int | None
    lo: int | None
    hi: int | None
    article: str
    published: int | None


@dataclass(slots=True)
class _Cluster:
    """What a cluster of events agrees on, kept at its union-find root."""

    members: list[int]
    articles: set[str]  # two events of one article are two ceremonies: its reading decided so
    keys: set[str]
    statuses: set[str]
    types: set[str]
    dmin: int | None  # day range of its day-dated members
    dmax: int | None
    lo: int | None  # window of its loosely dated members (intersection)
    hi: int | None
    pmin: int | None  # publication dates of its reports
    pmax: int | None


@dataclass
class Linker:
    """Union-find over events with the aggregates of each cluster at its root."""

    items: list[_Item]
    parent: list[int] = field(default_factory=list)
    clusters: dict[int, _Cluster] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.parent = list(range(len(self.items)))
        for i, it in enumerate(self.items):
            self.clusters[i] = _Cluster([i], {it.article}, set(it.keys), {it.status}, set(it.types), it.day, it.day,
                                        None if it.day is not None else it.lo,
                                        None if it.day is not None else it.hi, it.published, it.published)

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if ra > rb:
            ra, rb = rb, ra  # the earliest event's index is the root: deterministic
        ca, cb = self.clusters[ra], self.clusters.pop(rb)
        self.parent[rb] = ra
        ca.members.extend(cb.members)
        ca.articles |= cb.articles
        ca.keys |= cb.keys
        ca.statuses |= cb.statuses
        ca.types |= cb.types
        ca.dmin = _min(ca.dmin, cb.dmin)
        ca.dmax = _max(ca.dmax, cb.dmax)
        ca.lo = _max(ca.lo, cb.lo)
        ca.hi = _min(ca.hi, cb.hi)
        ca.pmin = _min(ca.pmin, cb.pmin)
        ca.pmax = _max(ca.pmax, cb.pmax)

    def window(self, c: _Cluster) -> tuple[int | None, int | None]:
        if c.dmin is not None:
            return c.dmin, c.dmax
        return c.lo, c.hi


def _min(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def parties_agree(a: set[str] | frozenset[str], b: set[str] | frozenset[str],
                  hubs: set[str] | frozenset[str] = frozenset()) -> bool:
    """One report's signers are the other's, or a part of them, or the two share two signers or more that
    are not hubs (a hub, in most events, says little)."""
    shared = a & b
    return bool(shared) and (len(shared - hubs) >= 2 or len(shared) == len(a) or len(shared) == len(b))


def _day_clusters_compatible(a: _Cluster, b: _Cluster, hubs: set[str]) -> bool:
    """Two clusters of day-dated reports: one ceremony?"""
    assert a.dmin is not None and a.dmax is not None and b.dmin is not None and b.dmax is not None
    if a.articles & b.articles:
        return False
    spread = max(a.dmax, b.dmax) - min(a.dmin, b.dmin)
    if spread > 1:
        return False
    if spread == 1:  # a day apart: the same signers (or a part of them), the same status, a shared label
        return (a.statuses == b.statuses and len(a.statuses) == 1 and bool(a.types & b.types)
                and (a.keys <= b.keys or b.keys <= a.keys))
    return parties_agree(a.keys, b.keys, hubs)


def _loose_fits(it: _Item, c: _Cluster, linker: Linker, hubs: set[str]) -> bool:
    """A loosely dated report and a cluster: could it be the same ceremony?"""
    if it.article in c.articles or it.status not in c.statuses or not (it.types & c.types):
        return False
    if not (it.keys <= c.keys or c.keys <= it.keys):
        return False
    lo, hi = linker.window(c)
    if it.lo is not None and hi is not None and hi < it.lo:
        return False
    if it.hi is not None and lo is not None and lo > it.hi:
        return False
    if len((it.keys & c.keys) - hubs) >= 2 or it.published is None:
        return True
    # One signer in common (beside hubs): the report's publication must lie near the ceremony, where both
    # are known (a report of a signing comes out within a week of it).
    p = it.published
    if c.dmin is not None and c.dmax is not None:
        return c.dmin - 1 <= p and p - UNDATED_SIGNED_DAYS <= c.dmax
    if c.pmin is not None and c.pmax is not None:
        return c.pmin - UNDATED_SIGNED_DAYS <= p <= c.pmax + UNDATED_SIGNED_DAYS
    return True


def link(events: Sequence[dict[str, Any]]) -> list[int]:
    """The cluster of every event: a list of representative indexes (the cluster's first event), in input
    order. `events` are rows of `events.parquet` (`parties`, `status`, `agreement_types`, `date`,
    `date_precision`, `published`)."""
    items: list[_Item] = []
    for ev in events:
        keys = frozenset(party_key(p) for p in (ev.get("parties") or []))
        status = ev.get("status") or "signed"
        day, lo, hi = date_window(ev.get("date"), ev.get("date_precision"), status, ev.get("published"))
        items.append(_Item(keys, status, frozenset(ev.get("agreement_types") or ()), day, lo, hi,
                           str(ev.get("article_id") or f"#{len(items)}"), _ordinal(ev.get("published"))))
    n = len(items)
    linker = Linker(items)
    if not n:
        return []
    counts: Counter[str] = Counter(k for it in items for k in it.keys)
    hub_at = max(HUB_MIN, HUB_SHARE * n)
    hubs = {k for k, c in counts.items() if c > hub_at}

    def block_keys(it: _Item) -> list[str]:
        own = [k for k in it.keys if k not in hubs]
        return own or sorted(it.keys)

    # ---- 1. day-dated reports: blocks of (party, day), the day before and after too ----
    by_day: dict[tuple[str, int], list[int]] = defaultdict(list)
    strong: list[tuple[int, int, int]] = []
    weak: dict[int, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.day is None or not it.keys:
            continue
        seen: set[int] = set()
        bkeys = block_keys(it)
        for k in bkeys:
            for d in (it.day - 1, it.day, it.day + 1):
                for j in by_day.get((k, d), ()):
                    if j in seen:
                        continue
                    seen.add(j)
                    s = _pair_strength(items[j], it, hubs)
                    if s >= 2:
                        strong.append((-s, j, i))
                    elif s == 1:  # the report naming one signer must fit one ceremony only
                        single, other = (i, j) if len(it.keys) <= len(items[j].keys) else (j, i)
                        weak[single].append(other)
        for k in bkeys:
            by_day[(k, it.day)].append(i)
    strong.sort()
    for _, j, i in strong:
        rj, ri = linker.find(j), linker.find(i)
        if rj != ri and _day_clusters_compatible(linker.clusters[rj], linker.clusters[ri], hubs):
            linker.union(rj, ri)
    # A report naming one signer only (a part of several ceremonies that day, perhaps) joins a cluster only
    # when all the clusters it fits are one.
    for i in sorted(weak):
        ri = linker.find(i)
        targets = {linker.find(j) for j in weak[i]} - {ri}
        targets = {t for t in targets if _day_clusters_compatible(linker.clusters[ri], linker.clusters[t], hubs)}
        if len(targets) == 1:
            linker.union(ri, targets.pop())

    # ---- 2. loosely dated reports (month, year, none): blocks of (party, month) ----
    loose = [i for i, it in enumerate(items) if it.day is None and it.keys]
    if loose:
        by_month: dict[tuple[str, int], list[int]] = defaultdict(list)
        by_key: dict[str, list[int]] = defaultdict(list)
        for i, it in enumerate(items):
            if not it.keys:
                continue
            for k in block_keys(it):
                by_key[k].append(i)
                for m in _months(it):
                    by_month[(k, m)].append(i)
        fits: dict[int, set[int]] = {}
        for i in loose:
            it = items[i]
            if not [k for k in it.keys if k not in hubs]:
                continue  # only hub parties: any match would be a guess
            if it.lo is None and it.hi is None:  # the whole time line: scan the rarest party's events
                rarest = min(block_keys(it), key=lambda k: (len(by_key[k]), k))
                candidates: Iterable[int] = by_key[rarest][:LOOSE_SCAN_MAX]
            else:
                found: set[int] = set()
                for k in block_keys(it):
                    for m in _months(it):
                        found.update(by_month.get((k, m), ()))
                candidates = sorted(found)
            roots: set[int] = set()
            own = linker.find(i)
            for j in candidates:
                r = linker.find(j)
                if r == own or r in roots:
                    continue
                c = linker.clusters[r]
                if len(c.members) <= MAX_CLUSTER_CHECK and _loose_fits(it, c, linker, hubs):
                    roots.add(r)
            fits[i] = roots
        # One level of resolution: a loosely dated candidate that itself fits exactly one cluster stands for it.
        for i in loose:
            fit = fits.get(i)
            if not fit:
                continue
            resolved: set[int] = set()
            for r in fit:
                fit_of_r = fits.get(r)
                if items[r].day is None and fit_of_r is not None and len(fit_of_r) == 1 \
                        and next(iter(fit_of_r)) != i:
                    resolved.add(linker.find(next(iter(fit_of_r))))
                else:
                    resolved.add(linker.find(r))
            resolved.discard(linker.find(i))
            if len(resolved) != 1:
                continue
            target = resolved.pop()
            tc = linker.clusters[target]
            if items[target].day is None and len(tc.members) == 1:
                # Two loosely dated reports: only when each is the other's one fit.
                back = fits.get(target, set())
                if {linker.find(x) for x in back} != {linker.find(i)}:
                    continue
            if _loose_fits(items[i], tc, linker, hubs):
                linker.union(i, target)
    return [linker.find(i) for i in range(n)]


def _months(it: _Item) -> list[int]:
    """The months (year*12+month) a loosely dated report's window covers; a day-dated one's month; none
    for an open window (such a report is found by scanning its party's events)."""
    if it.day is not None:
        d = date.fromordinal(it.day)
        return [d.year * 12 + d.month - 1]
    if it.lo is None or it.hi is None:
        return []
    a, b = date.fromordinal(it.lo), date.fromordinal(it.hi)
    first, last = a.year * 12 + a.month - 1, b.year * 12 + b.month - 1
    return list(range(first, min(last, first + 13) + 1))


def _pair_strength(a: _Item, b: _Item, hubs: set[str]) -> int:
    """3: the same day and signers; 2: the same day with signers that agree, or a day apart with the same
    signers; 1: the same day, one report naming a single signer of the other; 0: not one ceremony."""
    assert a.day is not None and b.day is not None
    delta = abs(a.day - b.day)
    if delta > 1:
        return 0
    if a.status != b.status and delta:
        return 0
    shared = len(a.keys & b.keys)
    if not shared:
        return 0
    if delta == 1:
        return 2 if a.keys == b.keys and a.status == b.status and a.types & b.types else 0
    if a.keys == b.keys:
        return 3
    if len((a.keys & b.keys) - hubs) >= 2 or (shared >= 2 and (shared == len(a.keys) or shared == len(b.keys))):
        return 2
    if shared == len(a.keys) or shared == len(b.keys):
        return 1
    return 0


# ---- the canonical rows ----------------------------------------------------------------------------------

def registered_domain(url: str | None) -> str | None:
    """The site of an address: its registered domain (courlan, with the public suffix list of `tld`),
    `bali.idntimes.com` -> `idntimes.com`; the host itself where that fails (localhost, an IP)."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return _site_of_host(host.lower()) if host else None


@functools.lru_cache(maxsize=65536)
def _site_of_host(host: str) -> str:
    from courlan import extract_domain

    try:
        domain = extract_domain(f"http://{host}/", fast=True)
    except Exception:  # a host courlan cannot read is still an outlet of its own
        domain = None
    return domain.lower() if domain else host


def canonical_id(event_ids: Iterable[str]) -> str:
    """A stable id: the same reports give the same id on every run."""
    return "ce-" + hashlib.sha1("|".join(sorted(event_ids)).encode("utf-8")).hexdigest()[:16]


def _mode(values: Iterable[str | None], prefer_long: bool = False) -> str | None:
    counted = Counter(v for v in values if v)
    if not counted:
        return None
    first_seen = {v: i for i, v in reversed(list(enumerate(counted)))}
    return min(counted, key=lambda v: (-counted[v], -len(v) if prefer_long else 0, first_seen[v]))


def _text_conflict(values: Sequence[str | None]) -> list[str]:
    """Distinct values of a text field that really differ: one inside another (the words of one all
    in the other: "Kantor Gubernur, Jalan Urip Sumoharjo" and "Kantor Gubernur Sulsel, Jalan Urip
    Sumoharjo") is the same place said more or less fully."""
    normed: dict[frozenset[str], str] = {}
    for v in values:
        if v and _norm(v):
            normed.setdefault(frozenset(_norm(v).split()), v)
    keys = list(normed)
    kept = [k for k in keys if not any(k != o and k <= o for o in keys)]
    return [normed[k] for k in kept] if len(kept) > 1 else []


def _dates_conflict(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Dates that cannot both be the ceremony's: two different days, a day outside a month given."""
    values = sorted({r["date"] for r in rows if r.get("date")})
    kept = [v for v in values if not any(o != v and o.startswith(v) for o in values)]
    return kept if len(kept) > 1 else []


def merge(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One canonical event from the rows of its reports (in input order)."""
    if len(rows) == 1:
        return _single(rows[0])
    keyed = [(r, [party_key(p) for p in (r.get("parties") or [])]) for r in rows]
    primary, primary_keys = max(keyed, key=lambda rk: (len(set(rk[1])), float(rk[0].get("confidence") or 0),
                                                       rk[0].get("date_precision") == "day"))
    parties = list(primary.get("parties") or [])
    have = set(primary_keys)
    for r, ks in keyed:
        for p, k in zip(r.get("parties") or [], ks, strict=True):
            if k not in have:
                have.add(k)
                parties.append(p)
    types = {t for r in rows for t in (r.get("agreement_types") or [])}
    dated = [r for r in rows if r.get("date")]
    best = max((_PRECISION_RANK.get(r.get("date_precision") or "", 0) for r in dated), default=0)
    at_best = [r for r in dated if _PRECISION_RANK.get(r.get("date_precision") or "", 0) == best]
    date_value = _mode(r["date"] for r in at_best)
    date_row = next((r for r in at_best if r["date"] == date_value), None)
    event_ids = [r["event_id"] for r in rows]
    article_ids = list(dict.fromkeys(r["article_id"] for r in rows))
    urls = list(dict.fromkeys(r["url"] for r in rows if r.get("url")))
    outlets = set()
    for aid in article_ids:
        url = next((r.get("url") for r in rows if r["article_id"] == aid and r.get("url")), None)
        outlets.add(registered_domain(url) or f"article:{aid}")  # no address: an outlet of its own
    statuses = list(dict.fromkeys(r.get("status") for r in rows))
    conflicts: list[dict[str, Any]] = []
    type_sets = list(dict.fromkeys("|".join(sorted(r.get("agreement_types") or [])) for r in rows))
    if len(type_sets) > 1:
        conflicts.append({"field": "agreement_types", "values": type_sets})
    if len(statuses) > 1:
        conflicts.append({"field": "status", "values": [str(s) for s in statuses]})
    for name, values in (("date", _dates_conflict(rows)),
                         ("venue", _text_conflict([r.get("venue") for r in rows])),
                         ("venue_region_code", sorted({r["venue_region_code"] for r in rows
                                                       if r.get("venue_region_code")})),
                         ("agreement_title", _text_conflict([r.get("agreement_title") for r in rows]))):
        if len(values) > 1:
            conflicts.append({"field": name, "values": list(values)})
    published = sorted(r["published"] for r in rows if r.get("published"))
    return {
        "canonical_id": canonical_id(event_ids),
        "agreement_types": [t for t in AGREEMENT_TYPES if t in types] + sorted(types - set(AGREEMENT_TYPES)),
        "agreement_title": _mode((r.get("agreement_title") for r in rows), prefer_long=True),
        "status": "signed" if "signed" in statuses else (statuses[0] or "signed"),
        "date": date_value,
        "date_precision": date_row.get("date_precision") if date_row else None,
        "date_text": date_row.get("date_text") if date_row else None,
        "venue": _mode((r.get("venue") for r in rows), prefer_long=True),
        "venue_region_code": _mode(r.get("venue_region_code") for r in rows),
        "parties": parties,
        "evidence": primary.get("evidence"),
        "confidence": max(float(r.get("confidence") or 0) for r in rows),
        "first_published": published[0] if published else None,
        "event_ids": event_ids,
        "article_ids": article_ids,
        "urls": urls,
        "n_sources": len(article_ids),
        "n_outlets": len(outlets),
        "conflicts": conflicts,
    }


def _single(r: dict[str, Any]) -> dict[str, Any]:
    """The canonical event of a ceremony one article reports: its event as it is (what merge() gives for one
    row, without the counting)."""
    types = r.get("agreement_types") or []
    return {
        "canonical_id": canonical_id([r["event_id"]]),
        "agreement_types": [t for t in AGREEMENT_TYPES if t in types] + sorted(set(types) - set(AGREEMENT_TYPES)),
        "agreement_title": r.get("agreement_title") or None,
        "status": r.get("status") or "signed",
        "date": r.get("date") or None,
        "date_precision": r.get("date_precision") if r.get("date") else None,
        "date_text": r.get("date_text") if r.get("date") else None,
        "venue": r.get("venue") or None,
        "venue_region_code": r.get("venue_region_code") or None,
        "parties": list(r.get("parties") or []),
        "evidence": r.get("evidence"),
        "confidence": float(r.get("confidence") or 0),
        "first_published": r.get("published") or None,
        "event_ids": [r["event_id"]],
        "article_ids": [r["article_id"]],
        "urls": [r["url"]] if r.get("url") else [],
        "n_sources": 1,
        "n_outlets": 1,
        "conflicts": [],
    }


def canonicalize(events: Sequence[dict[str, Any]],
                 roots: list[int] | None = None) -> tuple[list[str | None], list[dict[str, Any]]]:
    """(the canonical_id of every event, in order; the canonical rows, in the order of their first report).
    `roots` are link()'s answer, when it is already known."""
    if roots is None:
        roots = link(events)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(roots):
        groups[r].append(i)
    ids: list[str | None] = [None] * len(events)
    canon: list[dict[str, Any]] = []
    for r in sorted(groups):
        row = merge([events[i] for i in groups[r]])
        canon.append(row)
        for i in groups[r]:
            ids[i] = row["canonical_id"]
    return ids, canon


def conflicts_cell(conflicts: Sequence[dict[str, Any]] | None) -> str | None:
    """`conflicts` in one CSV cell: a JSON object, field -> the values the reports give."""
    if not conflicts:
        return None
    return json.dumps({c["field"]: list(c["values"]) for c in conflicts}, ensure_ascii=False)


# ---- synthetic events and the linking benchmark (`teken bench --link N`) -------------------------------------

def synthetic_events(n: int, seed: int = 13) -> tuple[list[dict[str, Any]], list[str]]:
    """`n` events as many outlets would report ceremonies, and the ceremony each reports (the truth).

    Ceremonies over eight years between a hub (the Ombudsman, in 40% of them) and one to four of 500
    regional governments, with now and then a national body; 10% are renewed by the same parties a year
    later and 10% followed by a PKS a month later (near misses that must stay apart). Each ceremony has one
    to six reports (mean about two), a report naming all signers or a part of them (at least one that is not
    the hub); 70% are dated to the day (one in twenty a day off), the rest to the month or the year or not
    at all, published zero to three days after the signing."""
    import random

    rng = random.Random(seed)
    codes = [f"{p:02d}.{r:02d}" for p in range(11, 95) for r in range(1, 7)][:500]
    national = [f"Badan Nasional {i}" for i in range(300)]
    start = date(2018, 1, 1).toordinal()
    events: list[dict[str, Any]] = []
    truth: list[str] = []
    ceremony = 0
    occasions: list[tuple[list[dict[str, Any]], int, list[str]]] = []
    while len(events) < n:
        if occasions:
            parties, day, types = occasions.pop()
        else:
            parties = [{"name": f"Pemerintah Daerah {c}", "kind": "pemerintah_daerah", "region_code": c}
                       for c in rng.sample(codes, rng.choice((1, 1, 1, 2, 3, 4)))]
            if rng.random() < 0.4:
                parties.insert(0, {"name": "Ombudsman RI", "kind": "ombudsman", "region_code": None})
            elif rng.random() < 0.5 or len(parties) == 1:
                parties.append({"name": rng.choice(national), "kind": "kementerian_lembaga", "region_code": None})
            day = start + rng.randrange(8 * 365)
            types = ["mou"]
            roll = rng.random()
            if roll < 0.1:
                occasions.append((parties, day + 365 + rng.randrange(-20, 20), ["mou"]))
            elif roll < 0.2:
                occasions.append((parties, day + 30 + rng.randrange(10), ["pks"]))
        ceremony += 1
        label = f"c{ceremony}"
        core = [p for p in parties if p["kind"] != "ombudsman"]
        for r in range(min(n - len(events), 1 + int(rng.expovariate(1.0)))):
            named = parties if rng.random() < 0.6 else (
                [p for p in parties if p["kind"] == "ombudsman"] + [rng.choice(core)])
            reported = day + (1 if rng.random() < 0.05 else 0)
            roll = rng.random()
            d = date.fromordinal(reported)
            if roll < 0.7:
                value, precision = d.isoformat(), "day"
            elif roll < 0.8:
                value, precision = d.isoformat()[:7], "month"
            elif roll < 0.9:
                value, precision = d.isoformat()[:4], "year"
            else:
                value, precision = None, None
            published = date.fromordinal(day + rng.randrange(4)).isoformat()
            article = f"a-{ceremony}-{r}"
            events.append({"event_id": f"ev-{len(events)}", "article_id": article, "agreement_types": types,
                           "status": "signed", "date": value, "date_precision": precision,
                           "parties": [dict(p, mention=p["name"], representative=None) for p in named],
                           "venue": None, "venue_region_code": None, "agreement_title": None,
                           "evidence": "", "confidence": 0.8, "url": f"https://outlet{r}.example.id/{article}",
                           "published": published})
            truth.append(label)
    return events, truth


def bench_link(n: int, seed: int = 13) -> dict[str, Any]:
    """Link `n` synthetic events on this core; the seconds it takes and how well it recovers the truth."""
    import time

    from teken.pipeline.batch.evaluate import cluster_scores

    events, truth = synthetic_events(n, seed)
    t0, c0 = time.perf_counter(), time.process_time()
    roots = link(events)
    t1, c1 = time.perf_counter(), time.process_time()
    ids, canon = canonicalize(events, roots)
    t2, c2 = time.perf_counter(), time.process_time()
    scores = cluster_scores(truth, [str(r) for r in roots])
    return {"events": n, "link_s": round(t1 - t0, 2), "link_cpu_s": round(c1 - c0, 2),
            "merge_s": round(t2 - t1, 2), "merge_cpu_s": round(c2 - c1, 2),
            "events_per_s": round(n / (t1 - t0)) if t1 > t0 else None, "canonical_events": len(canon),
            "ceremonies": scores["gold_clusters"], "pairwise": scores["pairwise"], "bcubed": scores["bcubed"]}


def bench_link_command(n: int) -> int:
    r = bench_link(n)
    pw, b3 = r["pairwise"], r["bcubed"]
    print(f"linking {r['events']:,} synthetic events (one core): {r['link_s']:.2f} s ({r['link_cpu_s']:.2f} s CPU; "
          f"{r['events_per_s']:,} events/s); merging them into canonical rows {r['merge_s']:.2f} s "
          f"({r['merge_cpu_s']:.2f} s CPU)")
    print(f"{r['ceremonies']:,} true ceremonies, {r['canonical_events']:,} canonical events; pairwise "
          f"P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f}; B-cubed "
          f"P {b3['precision']:.3f} R {b3['recall']:.3f} F1 {b3['f1']:.3f}")
    print(json.dumps(r))
    return 0
