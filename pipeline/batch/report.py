"""`teken report OUT_DIR --html FILE`: one self-contained HTML page about a dataset, for readers who will not
open a notebook.

Everything is inline: the charts are SVG drawn here (no plotting library, no script from another host), the
table's search and sort are a few lines of plain JavaScript, the style is one <style> block. The page opens
from a file, offline, and makes no request.

What it shows (issue 13): signings per month by type and by status; signings per province, ranked; the
parties that sign most; the network of who signs with whom; for one institution (default the Ombudsman)
which provinces and regencies have signed with it and which have not, against the full Kemendagri list; a
searchable, sortable table of the (canonical) events with their evidence and source links.

The unit is the canonical event when the run wrote `canonical_events.parquet` (one ceremony counted once
however many outlets report it), else the event.
"""

from __future__ import annotations

import html
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teken.gazetteer import kemendagri_regions
from teken.pipeline import UsageError

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf"]
KIND_LABELS = {
    "ombudsman": "Ombudsman", "pemerintah_daerah": "pemerintah daerah", "dprd": "DPRD",
    "kementerian_lembaga": "kementerian/lembaga", "penegak_hukum": "penegak hukum", "bumn_bumd": "BUMN/BUMD",
    "perguruan_tinggi": "perguruan tinggi", "swasta": "swasta", "organisasi": "organisasi", "lainnya": "lainnya",
}


@dataclass
class Signing:
    """One row of the report's unit: a canonical event, or an event where the run has no canonical table."""

    id: str
    date: str | None
    types: list[str]
    status: str
    venue: str | None
    parties: list[dict[str, Any]]
    evidence: str
    urls: list[str] = field(default_factory=list)
    n_sources: int = 1
    venue_region_code: str | None = None

    @property
    def month(self) -> str | None:
        return self.date[:7] if self.date and len(self.date) >= 7 else None

    @property
    def provinces(self) -> set[str]:
        """By `teken summary`'s rule: the parties' provinces, else the venue's."""
        from teken.pipeline.batch.summary import province_codes

        return province_codes(self.parties, self.venue_region_code)


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, float) and math.isnan(value):
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value)


def load_signings(out_dir: Path) -> tuple[list[Signing], str]:
    """The report's rows and what they are ("canonical events" or "events")."""
    import pandas as pd

    events_path = out_dir / "events.parquet"
    if not events_path.is_file():
        raise UsageError(f"{out_dir} holds no teken dataset (no events.parquet)")
    events = pd.read_parquet(events_path)
    canonical_path = out_dir / "canonical_events.parquet"
    if canonical_path.is_file():
        canon = pd.read_parquet(canonical_path)
        by_event = {r.event_id: r for r in events.itertuples(index=False)}
        rows = []
        for r in canon.to_dict("records"):
            first = next((by_event[e] for e in _list(r.get("event_ids")) if e in by_event), None)
            evidence = _text(r.get("evidence")) or (str(first.evidence) if first is not None else "")
            parties = [dict(p) for p in _list(r.get("parties"))] or (
                [dict(p) for p in _list(first.parties)] if first is not None else [])
            rows.append(Signing(
                id=str(r.get("canonical_id")), date=_text(r.get("date")), types=[str(t) for t in _list(r.get("agreement_types"))],
                status=_text(r.get("status")) or "signed", venue=_text(r.get("venue")), parties=parties,
                evidence=evidence or "", urls=[str(u) for u in _list(r.get("urls")) if u],
                n_sources=int(r.get("n_sources") or 1), venue_region_code=_text(r.get("venue_region_code"))))
        return rows, "canonical events"
    rows = [Signing(id=str(r["event_id"]), date=_text(r.get("date")), types=[str(t) for t in _list(r.get("agreement_types"))],
                    status=_text(r.get("status")) or "signed", venue=_text(r.get("venue")),
                    parties=[dict(p) for p in _list(r.get("parties"))], evidence=_text(r.get("evidence")) or "",
                    urls=[u for u in [_text(r.get("url"))] if u], venue_region_code=_text(r.get("venue_region_code")))
            for r in events.to_dict("records")]
    return rows, "events"


# --- SVG charts --------------------------------------------------------------------------------------------------

def _esc(s: Any) -> str:
    return html.escape(str(s), quote=True)


def svg_stacked_bars(labels: list[str], series: dict[str, list[int]], title: str, width: int = 860,
                     height: int = 260) -> str:
    """Vertical stacked bars: one bar per label, one colour per series."""
    if not labels:
        return f'<p class="empty">{_esc(title)}: no dated signing.</p>'
    left, bottom, top = 36, 48, 24
    plot_w, plot_h = width - left - 10, height - bottom - top
    totals = [sum(series[s][i] for s in series) for i in range(len(labels))]
    peak = max(totals) or 1
    bw = plot_w / len(labels)
    parts = [f'<svg class="chart" role="img" aria-label="{_esc(title)}" viewBox="0 0 {width} {height + 22 * ((len(series) + 3) // 4)}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{_esc(title)}</title>']
    step_v = max(1, math.ceil(peak / 4))  # whole numbers of signings on the axis
    peak = step_v * math.ceil(peak / step_v)
    for v in range(0, peak + 1, step_v):
        y = top + plot_h - plot_h * v / peak
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" class="tick" text-anchor="end">{v}</text>')
    step = max(1, math.ceil(len(labels) / 24))
    for i, label in enumerate(labels):
        x = left + i * bw
        y = top + plot_h
        for si, (name, values) in enumerate(series.items()):
            h = plot_h * values[i] / peak
            if h > 0:
                y -= h
                parts.append(f'<rect class="bar" x="{x + 1:.1f}" y="{y:.1f}" width="{max(bw - 2, 1):.1f}" height="{h:.1f}" '
                             f'fill="{PALETTE[si % len(PALETTE)]}"><title>{_esc(label)} {_esc(name)}: {values[i]}</title></rect>')
        if i % step == 0:
            parts.append(f'<text x="{x + bw / 2:.1f}" y="{top + plot_h + 14}" class="tick" text-anchor="end" '
                         f'transform="rotate(-45 {x + bw / 2:.1f} {top + plot_h + 14})">{_esc(label)}</text>')
    for si, name in enumerate(series):
        lx = left + (si % 4) * 200
        ly = height + 6 + 22 * (si // 4)
        parts.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{PALETTE[si % len(PALETTE)]}"/>'
                     f'<text x="{lx + 16}" y="{ly + 11}" class="legend">{_esc(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def svg_ranked_bars(items: list[tuple[str, int]], title: str, width: int = 860, color: str = PALETTE[0]) -> str:
    """Horizontal bars, largest first."""
    if not items:
        return f'<p class="empty">{_esc(title)}: nothing to show.</p>'
    row, left = 20, 300
    height = row * len(items) + 10
    peak = max(v for _, v in items) or 1
    parts = [f'<svg class="chart" role="img" aria-label="{_esc(title)}" viewBox="0 0 {width} {height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{_esc(title)}</title>']
    for i, (label, v) in enumerate(items):
        y = 4 + i * row
        w = (width - left - 50) * v / peak
        short = label if len(label) <= 46 else label[:44] + "…"
        parts.append(f'<text x="{left - 6}" y="{y + 13}" class="tick" text-anchor="end">{_esc(short)}</text>'
                     f'<rect class="bar" x="{left}" y="{y}" width="{max(w, 1):.1f}" height="{row - 5}" fill="{color}">'
                     f'<title>{_esc(label)}: {v}</title></rect>'
                     f'<text x="{left + w + 4:.1f}" y="{y + 13}" class="tick">{v}</text>')
    parts.append("</svg>")
    return "".join(parts)


def svg_network(signings: list[Signing], title: str, top: int = 24, size: int = 640) -> str:
    """Who signs with whom: the parties that sign most on a circle, a line for every pair that signed together
    (thicker for more signings)."""
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for s in signings:
        for p in s.parties:
            counts[p["name"]] += 1
            kinds[p["name"]] = p.get("kind") or "lainnya"
    nodes = [n for n, _ in counts.most_common(top)]
    if len(nodes) < 2:
        return f'<p class="empty">{_esc(title)}: fewer than two parties.</p>'
    index = {n: i for i, n in enumerate(nodes)}
    pairs: Counter[tuple[int, int]] = Counter()
    for s in signings:
        names = sorted({index[p["name"]] for p in s.parties if p["name"] in index})
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                pairs[(a, b)] += 1
    margin = 210  # room for the labels left and right of the circle
    cx, cy = margin + size / 2, size / 2
    r = size / 2 - 30
    pos = [(cx + r * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
            cy + r * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2)) for i in range(len(nodes))]
    kind_list = sorted(set(kinds[n] for n in nodes))
    colour = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(kind_list)}
    peak = max(pairs.values()) if pairs else 1
    parts = [f'<svg class="chart network" role="img" aria-label="{_esc(title)}" viewBox="0 0 {size + 2 * margin + 200} {size}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{_esc(title)}</title>']
    for (a, b), w in pairs.items():
        parts.append(f'<line class="edge" x1="{pos[a][0]:.1f}" y1="{pos[a][1]:.1f}" x2="{pos[b][0]:.1f}" y2="{pos[b][1]:.1f}" '
                     f'stroke-width="{0.8 + 4 * w / peak:.1f}"><title>{_esc(nodes[a])} – {_esc(nodes[b])}: {w}</title></line>')
    for i, n in enumerate(nodes):
        x, y = pos[i]
        rad = 4 + 8 * math.sqrt(counts[n] / counts[nodes[0]])
        anchor = "start" if x >= cx else "end"
        dx = rad + 4 if x >= cx else -rad - 4
        short = n if len(n) <= 34 else n[:32] + "…"
        parts.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{rad:.1f}" fill="{colour[kinds[n]]}">'
                     f'<title>{_esc(n)}: {counts[n]} signings</title></circle>'
                     f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" class="tick" text-anchor="{anchor}">{_esc(short)}</text>')
    for i, k in enumerate(kind_list):
        lx = size + 2 * margin + 20
        parts.append(f'<circle cx="{lx}" cy="{20 + 20 * i}" r="6" fill="{colour[k]}"/>'
                     f'<text x="{lx + 12}" y="{24 + 20 * i}" class="legend">{_esc(KIND_LABELS.get(k, k))}</text>')
    parts.append("</svg>")
    return "".join(parts)


# --- coverage -------------------------------------------------------------------------------------------------

def _matches(party: dict[str, Any], institution: str) -> bool:
    needle = institution.lower()
    return needle in str(party.get("name") or "").lower() or needle == str(party.get("kind") or "").lower()


def coverage(signings: list[Signing], institution: str, regions: dict[str, Any]) -> dict[str, Any]:
    """Which provinces and regencies signed with `institution` (a name part, or a kind such as "ombudsman"),
    against the full Kemendagri list: a government, DPRD or unit with the region's code counts for it."""
    signed: dict[str, set[str]] = defaultdict(set)  # region code -> ids
    for s in signings:
        if not any(_matches(p, institution) for p in s.parties):
            continue
        for p in s.parties:
            code = p.get("region_code")
            if code and not _matches(p, institution) and p.get("kind") in {"pemerintah_daerah", "dprd"}:
                signed[str(code)].add(s.id)
    provinces = sorted((c, r) for c, r in regions.items() if r.level == "provinsi")
    rows = []
    for code, prov in provinces:
        children = sorted((c, r) for c, r in regions.items() if r.level != "provinsi" and c.startswith(code + "."))
        done = [r.name for c, r in children if c in signed]
        missing = [r.name for c, r in children if c not in signed]
        rows.append({"code": code, "province": prov.name, "province_signed": code in signed,
                     "regencies": len(children), "signed": done, "missing": missing})
    return {"institution": institution, "provinces": rows,
            "n_provinces_signed": sum(r["province_signed"] for r in rows),
            "n_regencies_signed": sum(len(r["signed"]) for r in rows),
            "n_regencies": sum(r["regencies"] for r in rows)}


def _coverage_html(cov: dict[str, Any]) -> str:
    out = [f'<p>{cov["n_provinces_signed"]} of {len(cov["provinces"])} provincial governments and '
           f'{cov["n_regencies_signed"]} of {cov["n_regencies"]} regency and city governments signed with '
           f'<b>{_esc(cov["institution"])}</b> in this dataset.</p>',
           '<table class="coverage"><thead><tr><th>province</th><th>provincial government</th>'
           '<th>regencies/cities signed</th><th>not signed</th></tr></thead><tbody>']
    for r in cov["provinces"]:
        share = f'{len(r["signed"])} / {r["regencies"]}'
        bar = (f'<span class="meter"><span style="width:{100 * len(r["signed"]) / max(r["regencies"], 1):.0f}%">'
               f'</span></span>')
        missing = ", ".join(r["missing"]) if r["signed"] else "all"
        out.append(f'<tr><td>{_esc(r["province"])} <span class="code">{_esc(r["code"])}</span></td>'
                   f'<td>{"✔ signed" if r["province_signed"] else "–"}</td>'
                   f'<td>{bar} {share}<div class="names">{_esc(", ".join(r["signed"]))}</div></td>'
                   f'<td class="names">{_esc(missing)}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


# --- the page ---------------------------------------------------------------------------------------------------

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 40px;color:#222}
h1{font-size:1.6em;margin-top:24px}h2{font-size:1.2em;margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}
.chart{width:100%;height:auto;display:block}.network{max-width:1060px}
.grid{stroke:#e5e5e5}.tick{font-size:11px;fill:#444}.legend{font-size:12px;fill:#222}.edge{stroke:#8aa;opacity:.55}
.node{stroke:#fff;stroke-width:1}.empty{color:#777;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f6f6;position:sticky;top:0;cursor:pointer}.code{color:#888;font-size:11px}
.names{color:#555;font-size:12px}.meter{display:inline-block;width:80px;height:8px;background:#eee;vertical-align:middle}
.meter span{display:block;height:8px;background:#2ca02c}.evidence{max-width:420px;color:#333}
#search{width:100%;padding:6px;font-size:14px;margin:8px 0}.summary span{display:inline-block;margin-right:18px}
"""

_SCRIPT = """
(function(){
  var table=document.getElementById('signings'); if(!table){return;}
  var body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows);
  var search=document.getElementById('search'), count=document.getElementById('shown');
  function filter(){var q=search.value.toLowerCase(), n=0;
    rows.forEach(function(r){var hit=r.textContent.toLowerCase().indexOf(q)>=0; r.style.display=hit?'':'none'; if(hit){n++;}});
    count.textContent=n;}
  search.addEventListener('input',filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    th.addEventListener('click',function(){var asc=th.getAttribute('data-asc')!=='1'; th.setAttribute('data-asc',asc?'1':'0');
      rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-key')||a.cells[i].textContent,
        y=b.cells[i].getAttribute('data-key')||b.cells[i].textContent;
        var nx=parseFloat(x), ny=parseFloat(y); if(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x&&String(ny)===y){return asc?nx-ny:ny-nx;}
        return asc?x.localeCompare(y):y.localeCompare(x);});
      rows.forEach(function(r){body.appendChild(r);});});});
  filter();
  document.body.setAttribute('data-ready', String(document.querySelectorAll('svg.chart').length));
})();
"""


def _table_html(signings: list[Signing], province_names: dict[str, str]) -> str:
    out = ['<input id="search" type="search" placeholder="Search parties, places, evidence…" aria-label="search">',
           '<p><span id="shown"></span> shown</p>',
           '<table id="signings"><thead><tr><th>date</th><th>type</th><th>status</th><th>parties</th><th>venue</th>'
           '<th>province</th><th>sources</th><th>evidence</th></tr></thead><tbody>']
    for s in sorted(signings, key=lambda s: s.date or "", reverse=True):
        parties = "<br>".join(_esc(p["name"]) for p in s.parties)
        provinces = ", ".join(sorted(province_names.get(c, c) for c in s.provinces))
        links = " ".join(f'<a href="{_esc(u)}" rel="noreferrer noopener" target="_blank">[{i + 1}]</a>'
                         for i, u in enumerate(s.urls[:8]) if str(u).startswith(("http://", "https://")))
        out.append(f'<tr><td data-key="{_esc(s.date or "")}">{_esc(s.date or "–")}</td><td>{_esc(", ".join(s.types))}</td>'
                   f'<td>{_esc(s.status)}</td><td>{parties}</td><td>{_esc(s.venue or "")}</td><td>{_esc(provinces)}</td>'
                   f'<td data-key="{s.n_sources}">{s.n_sources} {links}</td><td class="evidence">{_esc(s.evidence)}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def build_report(out_dir: Path, institution: str = "ombudsman", top: int = 20) -> str:
    """The report page as one HTML string."""
    signings, unit = load_signings(out_dir)
    regions = kemendagri_regions()
    province_names = {c: r.name for c, r in regions.items() if r.level == "provinsi"}
    months = sorted({m for s in signings if (m := s.month)})
    if months:  # every month in the range, the empty ones too
        y, mth = int(months[0][:4]), int(months[0][5:7])
        full = []
        while f"{y:04d}-{mth:02d}" <= months[-1]:
            full.append(f"{y:04d}-{mth:02d}")
            y, mth = (y + 1, 1) if mth == 12 else (y, mth + 1)
        months = full
    by_type: dict[str, list[int]] = {}
    by_status: dict[str, list[int]] = {}
    for s in signings:
        if s.month is None:
            continue
        i = months.index(s.month)
        for t in s.types or ["other"]:
            by_type.setdefault(t, [0] * len(months))[i] += 1
        by_status.setdefault(s.status, [0] * len(months))[i] += 1
    per_province = Counter(province_names.get(c, c) for s in signings for c in s.provinces)
    per_party = Counter(p["name"] for s in signings for p in s.parties)
    cov = coverage(signings, institution, regions)
    dated = sum(1 for s in signings if s.month)
    sources = sum(s.n_sources for s in signings)
    body = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        f"<title>teken report: {_esc(out_dir.name)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Signing events in {_esc(out_dir.name)}</h1>",
        f'<p class="summary"><span><b>{len(signings)}</b> {unit}</span><span><b>{sources}</b> reports</span>'
        f"<span><b>{dated}</b> dated to a month</span><span><b>{len(per_party)}</b> parties</span>"
        f"<span><b>{len(per_province)}</b> provinces</span></p>",
        "<h2>Signings per month, by type</h2>", svg_stacked_bars(months, by_type, "signings per month by type"),
        "<h2>Signings per month, by status</h2>", svg_stacked_bars(months, by_status, "signings per month by status"),
        "<h2>Signings per province</h2>",
        svg_ranked_bars(per_province.most_common(), "signings per province", color=PALETTE[2]),
        f"<h2>The {top} parties that sign most</h2>",
        svg_ranked_bars(per_party.most_common(top), "parties that sign most", color=PALETTE[1]),
        "<h2>Who signs with whom</h2>", svg_network(signings, "who signs with whom"),
        f"<h2>Coverage: who has signed with {_esc(institution)}</h2>", _coverage_html(cov),
        f"<h2>All {unit}</h2>", _table_html(signings, province_names),
        f"<script>{_SCRIPT}</script>",
        f'<script type="application/json" id="teken-data">{json.dumps({"unit": unit, "n": len(signings)})}</script>',
        "</body></html>",
    ]
    return "\n".join(body)


def report_command(args: Any) -> int:
    out_dir = Path(args.out_dir)
    if not (out_dir / "events.parquet").is_file():
        raise UsageError(f"{out_dir} holds no teken dataset (no events.parquet)")
    target = Path(args.html)
    if target.exists() and target.is_dir():
        raise UsageError(f"--html {target} is a folder")
    if not target.parent.is_dir():
        raise UsageError(f"--html {target}: folder {target.parent} does not exist")
    page = build_report(out_dir, institution=args.institution)
    target.write_text(page, encoding="utf-8")
    import sys

    print(f"teken report: {target} ({len(page) // 1024} KiB)", file=sys.stderr)
    return 0
