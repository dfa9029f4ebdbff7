"""`teken summary OUT_DIR`: what a dataset holds, in the terminal: signings by agreement type, status,
province (by name), year and kind of party, counted once per ceremony (canonical events) and once per
report (events)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from teken.gazetteer import region_name
from teken.pipeline import UsageError

NO_DATE = "(no date)"
NO_PROVINCE = "(no regional party)"


def _read(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    import pyarrow.parquet as pq

    if not folder.exists():
        raise UsageError(f"dataset folder not found: {folder}")
    if not folder.is_dir():
        raise UsageError(f"not a folder: {folder} (give the --out folder of a teken run)")
    events_file = folder / "events.parquet"
    if not (folder / "manifest.json").is_file() or not events_file.is_file():
        raise UsageError(f"{folder} holds no teken dataset (no manifest.json and events.parquet; give the --out "
                         f"folder of a teken run)")
    columns = ["event_id", "article_id", "agreement_types", "status", "date", "date_precision", "parties",
               "venue_region_code", "published"]
    try:
        events = pq.read_table(events_file, columns=columns).to_pylist()
    except Exception as err:  # a file cut short or not Parquet: the user's folder, not a bug
        raise UsageError(f"cannot read {events_file}: {' '.join(str(err).split())[:160]}") from None
    canonical_file = folder / "canonical_events.parquet"
    if canonical_file.is_file():
        try:
            canonical = pq.read_table(canonical_file, columns=[c for c in columns if c not in (
                "event_id", "article_id", "published")] + ["event_ids"]).to_pylist()
        except Exception as err:
            raise UsageError(f"cannot read {canonical_file}: {' '.join(str(err).split())[:160]}") from None
    else:  # a dataset written before canonical events: link its events now
        from teken.pipeline.batch.canonical import canonicalize

        canonical = canonicalize(events)[1]
    return events, canonical


def province_codes(parties: Iterable[dict[str, Any]], venue_region_code: str | None) -> set[str]:
    """The provinces of an event, by Kemendagri code: those of its parties with a region, else its venue's.
    One rule for `teken summary` and `teken report`, so their per-province counts agree."""
    codes = {str(p["region_code"]).split(".")[0] for p in parties if p.get("region_code")}
    if not codes and venue_region_code:
        codes = {str(venue_region_code).split(".")[0]}
    return codes


def provinces(row: dict[str, Any]) -> list[str]:
    """The provinces of an event, by name: those of its regional parties, else of its venue."""
    codes = province_codes(row.get("parties") or [], row.get("venue_region_code"))
    names = sorted({region_name(c) or f"(unknown code {c})" for c in codes})
    return names or [NO_PROVINCE]


def _count(rows: Iterable[dict[str, Any]], values: Callable[[dict[str, Any]], Iterable[str]]) -> Counter[str]:
    c: Counter[str] = Counter()
    for row in rows:
        c.update(set(values(row)))
    return c


DIMENSIONS: list[tuple[str, Callable[[dict[str, Any]], Iterable[str]], bool]] = [
    ("agreement type", lambda r: r.get("agreement_types") or ["(none)"], False),
    ("status", lambda r: [r.get("status") or "(none)"], False),
    ("province (of the parties)", provinces, False),
    ("year (of the signing)", lambda r: [r["date"][:4] if r.get("date") else NO_DATE], True),
    ("kind of party (events with one)", lambda r: [p.get("kind") or "lainnya" for p in r.get("parties") or []]
     or ["(no party)"], False),
]


def summary(folder: Path, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    events, canonical = _read(folder)
    articles = len({e["article_id"] for e in events})
    out.write(f"{folder}: {len(canonical):,} signing ceremonies (canonical events) from {len(events):,} reported "
              f"events in {articles:,} articles\n")
    multi = sum(1 for c in canonical if len(c.get("event_ids") or []) > 1)
    out.write(f"{multi:,} ceremonies reported by more than one article\n")
    for title, values, by_key in DIMENSIONS:
        canon, raw = _count(canonical, values), _count(events, values)
        found = set(canon) | set(raw)
        if by_key:
            keys = sorted(found, key=lambda k: (k == NO_DATE, k))
        else:
            def order(k: str, c: Counter[str] = canon, r: Counter[str] = raw) -> tuple[int, int, str]:
                return -c[k], -r[k], k

            keys = sorted(found, key=order)
        width = max([len(title), *(len(k) for k in keys)])
        out.write(f"\n{title:<{width}}  {'canonical':>9}  {'events':>9}\n")
        for k in keys:
            out.write(f"{k:<{width}}  {canon[k]:>9,}  {raw[k]:>9,}\n")
    return 0


def summary_command(args: Any) -> int:
    return summary(Path(args.out_dir))
