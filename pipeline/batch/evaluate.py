"""`teken eval GOLD.jsonl`: the pipeline against hand-annotated articles (the format of shared/dev/seeds.jsonl).

Matching (issue 2): a predicted event matches a gold event when they share a signing party other than the
Ombudsman; an event whose only parties are Ombudsman offices matches on the date. Parties compare by
Kemendagri region code (and whether they are the Ombudsman), else by canonical name after expanding short
forms through the gazetteer ("Kemenag" = "Kementerian Agama") with its spelling choices taken out
(PartyKeys.spelling_free: "Lapas Kelas IIA Palu" = "Lembaga Pemasyarakatan Kelas IIA Palu"). Events are paired greedily, most shared
parties first. Field accuracies are over matched pairs; "all fields" is the share of gold events matched
with types, status, date, venue and the party set all right.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teken.records import SigningEvent

BANDS = [(0.0, 0.4), (0.4, 0.55), (0.55, 0.7), (0.7, 0.85), (0.85, 1.01)]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Score:
    events: Counts = field(default_factory=Counts)
    parties: Counts = field(default_factory=Counts)
    fields: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in
                                                                  ("type", "status", "date", "venue")})
    all_right: int = 0
    gold_events: int = 0
    bands: list[list[int]] = field(default_factory=lambda: [[0, 0] for _ in BANDS])
    matched: list[tuple[int, int]] = field(default_factory=list)  # (predicted, gold) pairs of one article
    clustering: dict[str, Any] | None = None  # cluster_scores of the run's canonical ids, for gold with ceremonies
    by_kind: dict[str, Counts] = field(default_factory=dict)  # parties by kind (gold's kind; a read one's if extra)

    def add(self, other: Score) -> None:
        for name in ("events", "parties"):
            a, b = getattr(self, name), getattr(other, name)
            a.tp, a.fp, a.fn = a.tp + b.tp, a.fp + b.fp, a.fn + b.fn
        for k, (right, total) in other.fields.items():
            self.fields[k][0] += right
            self.fields[k][1] += total
        self.all_right += other.all_right
        self.gold_events += other.gold_events
        for i, (right, total) in enumerate(other.bands):
            self.bands[i][0] += right
            self.bands[i][1] += total
        for kind, c in other.by_kind.items():
            mine = self.by_kind.setdefault(kind, Counts())
            mine.tp, mine.fp, mine.fn = mine.tp + c.tp, mine.fp + c.fp, mine.fn + c.fn

    def count_kinds(self, read: dict[tuple[str, str], str], gold: dict[tuple[str, str], str]) -> None:
        """Add one event pair's parties (key -> kind; either side empty for an unmatched event) to by_kind: a party
        both name counts right under the gold kind, a missed one under the gold kind, an extra one under the kind
        it was read as."""
        for key, kind in gold.items():
            c = self.by_kind.setdefault(kind, Counts())
            if key in read:
                c.tp += 1
            else:
                c.fn += 1
        for key, kind in read.items():
            if key not in gold:
                self.by_kind.setdefault(kind, Counts()).fp += 1

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"events": self.events.prf(), "parties": self.parties.prf()}
        out["events"].update(tp=self.events.tp, fp=self.events.fp, fn=self.events.fn)
        for k, (right, total) in self.fields.items():
            out[f"{k}_accuracy"] = round(right / total, 4) if total else None
        out["all_fields_right"] = round(self.all_right / self.gold_events, 4) if self.gold_events else None
        out["gold_events"] = self.gold_events
        if self.clustering is not None:
            out["clustering"] = self.clustering
        out["parties_by_kind"] = {kind: {**c.prf(), "tp": c.tp, "fp": c.fp, "fn": c.fn}
                                  for kind, c in sorted(self.by_kind.items(), key=lambda kc: -(kc[1].tp + kc[1].fn))}
        return out


def cluster_scores(gold: list[str], pred: list[str]) -> dict[str, Any]:
    """How well a clustering (`pred`, e.g. canonical ids) recovers the true one (`gold`, e.g. ceremonies), item
    for item: pairwise precision/recall/F1 (of the pairs put together, how many belong together; of those that
    belong together, how many were put together) and B-cubed (the same, averaged over items). Linear: from the
    counts of each (gold, pred) cell."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    cells = Counter(zip(gold, pred, strict=True))
    g_sizes, p_sizes = Counter(gold), Counter(pred)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in cells.values())
    pred_pairs = sum(pairs(n) for n in p_sizes.values())
    gold_pairs = sum(pairs(n) for n in g_sizes.values())
    pairwise = Counts(tp=tp, fp=pred_pairs - tp, fn=gold_pairs - tp).prf()
    pairwise.update(tp=tp, pred_pairs=pred_pairs, gold_pairs=gold_pairs)
    n = len(gold)
    if n:
        bp = sum(c * c / p_sizes[pc] for (_, pc), c in cells.items()) / n
        br = sum(c * c / g_sizes[gc] for (gc, _), c in cells.items()) / n
    else:
        bp = br = 1.0
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    return {"items": n, "gold_clusters": len(g_sizes), "pred_clusters": len(p_sizes), "pairwise": pairwise,
            "bcubed": {"precision": round(bp, 4), "recall": round(br, 4), "f1": round(bf, 4)}}


REGIONAL_KINDS = {"pemerintah_daerah", "dprd", "ombudsman"}
# A regional government's name (or short form), as against one of its units' or a village's: "Pemerintah Kabupaten
# Batang Hari", "Pemkab Batanghari", "Pemerintah Aceh"; not "Dinas Kesehatan Kota Palu", "RSUD Ulin Banjarmasin",
# "Pemerintah Desa Sukamaju".
_GOVERNMENT_NAME = re.compile(r"(?:Pemerintah\s+(?!(?:Desa|Kampung|Kampong|Gampong|Nagari|Negeri|Kelurahan|Kecamatan)\b)|"
                              r"Pemkab\b|Pemkot\b|Pemko\b|Pemprov\b|Pemda\b)", re.IGNORECASE)


def _regional_unit(party: dict[str, Any]) -> bool:
    """Whether a party of kind pemerintah_daerah is one of a government's units (a Dinas, an RSUD, a Setda) or a
    village, known by its name, not the government its region code names."""
    if party.get("kind") != "pemerintah_daerah":
        return False
    name = " ".join(str(party.get("name") or party.get("mention") or "").split())
    return bool(name) and not _GOVERNMENT_NAME.match(name)


# The words of a hospital's kind, as against its own name ("Undata", "dr. H. Moch. Ansari Saleh").
_HOSPITAL_WORDS = {"rumah", "sakit", "umum", "daerah", "jiwa", "rsud", "rsj", "rsjd", "rsu", "provinsi", "kabupaten",
                   "kota", "kab"}


class PartyKeys:
    """Comparable keys for parties.

    A regional government, DPRD or Ombudsman office is known by its Kemendagri code (and kind): "Pemkab
    Batanghari" and "Pemerintah Kabupaten Batang Hari" are one party. Any other party (Polda and Kejati
    share a province code) is known by its canonical name, short forms expanded through the gazetteer.

    A name the gazetteer does not hold whole is compared by its spelling-free form (`spelling_free`): the
    ways outlets and annotators write one institution's name differently ("Lapas Kelas IIA Palu" and
    "Lembaga Pemasyarakatan Kelas IIA Palu", "BNN Provinsi Sulawesi Tengah" and "Badan Narkotika Nasional
    Sulteng", "Kementerian Keuangan Republik Indonesia") compare equal; a different office, unit or region
    does not. `exact=True` keeps the gazetteer-only keys the figures before 2026-12 were measured with.
    """

    def __init__(self, gazetteer, exact: bool = False):
        self.names: dict[str, str] = {}
        self.exact = exact
        self.gazetteer = gazetteer
        self.national: dict[str, str] = {}  # lowercased form of a national body -> its canonical name
        for form in gazetteer.forms:
            inst = gazetteer.institutions.get(form.key)
            if inst is not None:
                self.names.setdefault(form.text.lower(), inst.name.lower())
                if inst.region_code is None and form.label == "ORG" and not form.official:
                    self.national.setdefault(form.text.lower(), inst.name.lower())
        self._free: dict[str, str] = {}

    def key(self, party: dict[str, Any]) -> tuple[str, str]:
        if party.get("region_code") and party.get("kind") in REGIONAL_KINDS and not _regional_unit(party):
            return ("code", f"{party['region_code']}|{party['kind']}")
        name = " ".join(str(party.get("name") or party.get("mention") or "").split())
        if not self.exact:
            name = self._hospital_without_region(name)
        canonical = self.names.get(name.lower())
        if canonical is None:
            canonical = self.names.get(str(party.get("mention") or "").lower(), name.lower())
            if not self.exact and canonical != name.lower() and self._extends(name, canonical):
                # "Lembaga Penyiaran Publik Televisi Republik Indonesia Stasiun Gorontalo" written "TVRI": the office
                # the name says, not the body its short mention names
                canonical = name.lower()
        if self.exact:
            return ("name", re.sub(r"[^a-z0-9]+", " ", canonical).strip())
        return ("name", self.spelling_free(canonical))

    def _hospital_without_region(self, name: str) -> str:
        """A regional hospital named after someone or something is that hospital with or without its region:
        "Rumah Sakit Umum Daerah Undata Provinsi Sulawesi Tengah" and "Rumah Sakit Umum Daerah Undata",
        "RSUD Tenriawaru Bone" and "RSUD Tenriawaru"."""
        if not re.match(r"(?:Rumah\s+Sakit|RSUD|RSJD?|RSU)\b", name):
            return name
        words = name.split()
        for n in (4, 3, 2, 1):
            if len(words) - n < 1:
                continue
            tail = " ".join(words[-n:])
            own = [w for w in words[:-n] if w.lower().rstrip(".") not in _HOSPITAL_WORDS]
            if own and self.gazetteer.lookup_region(tail) and not re.fullmatch(r"(?:Provinsi|Kabupaten|Kota|Kab\.)", tail):
                return " ".join(words[:-n])  # ("RSUD Kota Makassar" is named by its region alone: it keeps it)
        return name

    def _extends(self, name: str, body: str) -> bool:
        """Whether a name is a body's name with more words after it: one of its offices or units."""
        n, b = self.spelling_free(name).split(), self.spelling_free(body).split()
        return len(n) > len(b) and n[:len(b)] == b

    def spelling_free(self, name: str) -> str:
        """A name with its spelling choices taken out (see the examples in tests/test_eval_keys.py).

        Bracketed asides go ("(Persero)", "(KPU)"); short forms are written out (the party reader's head
        expansions: Lapas, Kanwil, Kodim, RSUD ...; a national body's short form or partial name the gazetteer
        holds: "Kemenkumham", "BPJS Kesehatan"); a region's alias becomes its name where it means one region
        ("Sulteng"); the words that only say what a name already says go: "Provinsi"/"Kabupaten" before a
        region, "Republik Indonesia"/"RI" at the end, "PT", "Tbk", "Persero", "Kantor", "di". "Kota" stays:
        Kota Madiun and Kabupaten Madiun are two regions.
        """
        hit = self._free.get(name)
        if hit is not None:
            return hit
        from teken.extractors.parties import _HEAD_EXPANSIONS

        text = re.sub(r"\([^)]*\)", " ", name)
        # an office's class ("Lapas Kelas IIA Kendari", "Kantor Imigrasi Kelas I TPI Palu") is no part of who it is
        text = re.sub(r"(?i)\bKelas\s+(?:I{1,3}|IV|[1-4])[AB]?(?:\s+(?:TPI|Khusus|Non\s+TPI)){0,2}\b", " ", text)
        # a numbered military command is its number: "Kodim 1306/Palu" and "Komando Distrik Militer 1306/Kota Palu",
        # "Korem 132/Tadulako" and "Korem 132"
        text = re.sub(r"(?i)^((?:Komando\s+(?:Distrik|Resor|Daerah)\s+Militer|Kodim|Korem|Kodam)\s+(?:\d{2,4}|[IVXL]+))"
                      r"\s*/.*$", r"\1", text.strip())
        for short, written in (*_HEAD_EXPANSIONS, *_MORE_EXPANSIONS):
            text = re.sub(rf"(?i)(?<![\w-])(?:{short})(?![\w-])", written, text)
        text = _islands_written_out(text)
        words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
        out: list[str] = []
        i = 0
        while i < len(words):  # the longest national body's form, else the longest region alias, at each word
            for n in range(min(8, len(words) - i), 0, -1):
                span = " ".join(words[i:i + n])
                full: str | None = self.national.get(span)
                if full is not None and n == 1 and len(span) < 3:
                    full = None  # a two-letter form ("bi", "pu") is not read inside a name
                if full is None and (n > 1 or len(span) > 3):
                    codes = self.gazetteer.region_names.get(span)
                    if codes and len(set(codes)) == 1 and span not in _LEVEL_WORDS:
                        full = self.gazetteer.regions[codes[0]].name.lower() if codes[0] in self.gazetteer.regions \
                            else None
                if full is not None:
                    out.extend(re.sub(r"[^a-z0-9]+", " ", full).split())
                    i += n
                    break
            else:
                out.append(words[i])
                i += 1
        while out[-2:] == ["republik", "indonesia"] or out[-1:] == ["ri"]:
            out = out[:-2] if out[-1] == "indonesia" else out[:-1]
        key = " ".join(w for w in out if w not in _NOISE_WORDS)
        self._free[name] = key
        return key


def _alternatives(words: tuple[str, ...]) -> str:
    """The words as a regular expression's alternatives, longest first ("Barat Daya" before "Barat")."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.cache
def _province_list_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An island and its compass word ("Sulawesi Selatan"), and one more item of a list after it (", Barat", " dan
    Gorontalo"), from the party reader's own words (imported when first needed, as spelling_free does)."""
    from teken.extractors.parties import COMPASS_WORDS, ISLAND_WORDS

    compass = f"(?:{_alternatives(COMPASS_WORDS)})"
    first = re.compile(rf"(?i)\b({_alternatives(ISLAND_WORDS)})\s+{compass}\b")
    item = re.compile(rf"(?i)(\s*,\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta|&)\s+)(?:({compass})\b|"
                      r"((?!(?:dan|serta|kota|kabupaten|provinsi)\b)[a-z]+(?:\s+(?!(?:dan|serta)\b)[a-z]+)?))")
    return first, item


def _islands_written_out(text: str) -> str:
    """ "Kanwil DJP Sulawesi Selatan, Barat dan Tenggara" as "... Sulawesi Selatan, Sulawesi Barat dan Sulawesi
    Tenggara": a province list that leaves its island unsaid after the first is the same list written out."""
    island_then_compass, list_item = _province_list_patterns()
    out, pos = [], 0
    for first in island_then_compass.finditer(text):
        if first.start() < pos:
            continue
        out.append(text[pos:first.end()])
        pos = first.end()
        while (item := list_item.match(text, pos)) is not None:
            # a compass word takes the island; another province of the list ("..., Gorontalo dan Maluku Utara") stays
            out.append(f"{item.group(1)}{first.group(1)} {item.group(2)}" if item.group(2) else item.group(0))
            pos = item.end()
    out.append(text[pos:])
    return "".join(out)


# Short forms the party reader meets only through the gazetteer's templates, not as heads of free names.
_MORE_EXPANSIONS = [("Kodim", "Komando Distrik Militer"), ("Korem", "Komando Resor Militer"),
                    ("Kodam", "Komando Daerah Militer"), ("Polda", "Kepolisian Daerah"),
                    ("Polrestabes", "Kepolisian Resor Kota Besar"), ("KPw", "Kantor Perwakilan")]
_LEVEL_WORDS = {"kabupaten", "kab", "kota", "provinsi", "prov"}
# Words that only repeat what a name already says (the level of a region named after them, a company's legal
# form, "Kantor"): dropped from both sides of a comparison. "kota" is not among them (see spelling_free).
_NOISE_WORDS = {"provinsi", "prov", "kabupaten", "kab", "pt", "tbk", "persero", "kantor", "di"}


def _norm_venue(v: str | None) -> str | None:
    if not v:
        return None
    return re.sub(r"[^a-z0-9]+", " ", v.lower()).strip()


def score_article(pred: list[dict[str, Any]], gold: list[dict[str, Any]], keys: PartyKeys) -> tuple[Score, list[str]]:
    s = Score(gold_events=len(gold))
    notes: list[str] = []

    def signers(ev):
        return {keys.key(p) for p in ev["parties"] if p.get("kind") != "ombudsman"}

    def allkeys(ev):
        return {keys.key(p) for p in ev["parties"]}

    def kinds(ev):
        return {keys.key(p): str(p.get("kind") or "lainnya") for p in ev["parties"]}

    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            gs = signers(g)
            if gs:
                shared = len(signers(p) & gs)
                if shared:
                    pairs.append((shared, p.get("date") == g.get("date"), i, j))
            elif not signers(p) and p.get("date") == g.get("date"):
                pairs.append((1, True, i, j))
    pairs.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    used_p, used_g, matched = set(), set(), []
    for _, _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((i, j))
    s.matched = matched
    s.events.tp = len(matched)
    s.events.fp = len(pred) - len(matched)
    s.events.fn = len(gold) - len(matched)
    for i, p in enumerate(pred):
        band = next(b for b, (lo, hi) in enumerate(BANDS) if lo <= float(p.get("confidence", 0.5)) < hi)
        s.bands[band][1] += 1
        s.bands[band][0] += i in used_p
        if i not in used_p:
            s.parties.fp += len(allkeys(p))
            s.count_kinds(kinds(p), {})
            notes.append(f"  extra event: {_brief(p)}")
    for j, g in enumerate(gold):
        if j not in used_g:
            s.parties.fn += len(allkeys(g))
            s.count_kinds({}, kinds(g))
            notes.append(f"  missed event: {_brief(g)}")
    for i, j in matched:
        p, g = pred[i], gold[j]
        pk, gk = allkeys(p), allkeys(g)
        s.parties.tp += len(pk & gk)
        s.parties.fp += len(pk - gk)
        s.parties.fn += len(gk - pk)
        s.count_kinds(kinds(p), kinds(g))
        checks = {
            "type": sorted(p["agreement_types"]) == sorted(g["agreement_types"]),
            "status": p["status"] == g["status"],
            "date": p.get("date") == g.get("date"),
            "venue": _norm_venue(p.get("venue")) == _norm_venue(g.get("venue")),
        }
        for k, ok in checks.items():
            s.fields[k][0] += ok
            s.fields[k][1] += 1
        if all(checks.values()) and pk == gk:
            s.all_right += 1
        wrong = [k for k, ok in checks.items() if not ok] + (["parties"] if pk != gk else [])
        if wrong:
            detail = "; ".join(f"{k}: got {_field(p, k)!r}, gold {_field(g, k)!r}" for k in wrong)
            notes.append(f"  matched {_brief(g)} -> {detail}")
    return s, notes


def _field(ev: dict[str, Any], k: str) -> Any:
    if k == "type":
        return ev["agreement_types"]
    if k == "parties":
        return sorted(p.get("name") or "" for p in ev["parties"])
    return ev.get(k)


def _brief(ev: dict[str, Any]) -> str:
    names = ", ".join(p.get("name") or p.get("mention") or "?" for p in ev["parties"])
    return f"[{'/'.join(ev['agreement_types'])} {ev['status']} {ev.get('date')}] {names}"


def event_dict(ev: SigningEvent) -> dict[str, Any]:
    return ev.to_dict()


NAME_OUTCOMES = ("same name", "another name", "not recognised", "mention not in text")


@dataclass
class NameAgreement:
    """Do we name a gold party as the annotators do, where the text names it? For every gold party but the
    Ombudsman whose `mention` occurs in the article, the recognised mentions that overlap it: one of them gives
    the gold party's key ("same name"), they give only other keys ("another name": read at the right place,
    named differently, which the scorer counts as one missed party and one extra), or none is there ("not
    recognised"). This separates naming from attachment: a party named right but not attached to its event
    is an extractor's miss, not the recogniser's."""

    outcomes: Counter = field(default_factory=Counter)
    by_kind: dict[str, Counter] = field(default_factory=dict)
    shapes: Counter = field(default_factory=Counter)  # how each "another name" differs (NAME_SHAPES)
    shape_kinds: dict[str, Counter] = field(default_factory=dict)  # each shape's parties by kind

    def add(self, outcome: str, kind: str) -> None:
        self.outcomes[outcome] += 1
        self.by_kind.setdefault(outcome, Counter())[kind] += 1

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {o: {"parties": self.outcomes[o],
                                   "by_kind": dict(self.by_kind.get(o, Counter()).most_common())}
                               for o in NAME_OUTCOMES}
        out["another name"]["by_shape"] = dict(self.shapes.most_common())
        return out


NAME_SHAPES = ("read inside gold", "gold inside read", "same head word", "another region code", "other wording",
               "only a region read")


def name_shape(gold: tuple[str, str], read: set[tuple[str, str]]) -> str:
    """How a gold party's key differs from the keys read at its mention, by the first shape that fits (counts
    only, safe on a held-out split): a read name is part of the gold one ("Dinas Kesehatan" for "Dinas
    Kesehatan Kota Palu": cut short or the region lost), the gold name is part of a read one (run on), a read
    name shares the gold one's first word (another unit, level or office of a body), or a regional party
    under another Kemendagri code, or only a region's government was read there (the body itself was not); else
    the wording differs."""
    if gold[0] == "code":
        return NAME_SHAPES[3] if any(k == "code" for k, _ in read) else NAME_SHAPES[4]
    g = f" {gold[1]} "
    names = [f" {v} " for k, v in read if k == "name"]
    if not names:
        return NAME_SHAPES[5]  # a body not read where a region inside its mention was (as its government)
    if any(n in g for n in names):
        return NAME_SHAPES[0]
    if any(g in n for n in names):
        return NAME_SHAPES[1]
    head = gold[1].split()[:1]
    if any(n.split()[:1] == head for n in names):
        return NAME_SHAPES[2]
    return NAME_SHAPES[4]


MISS_KINDS = (
    "missed event: the article has no predicted event",
    "missed event: predicted events share no signer with it",
    "  of which a signer is on an event matched to another (joined)",
    "  of which every party is on one matched event (two signings read as one)",
    "  of which a signer was read at its mention under another name",
    "extra event: the article has no gold event",
    "extra event: beside the article's gold events",
    "missed party: no mention under its gold name",
    "missed party: recognised, attached to no event",
    "missed party: attached to another event",
    "missed party: of a missed event, predicted elsewhere or recognised",
    "extra party: on a matched event",
    "venue of a matched event: none read, gold names one",
    "venue of a matched event: read one, gold has none",
    "venue of a matched event: one holds the other (extent)",
    "venue of a matched event: another place",
    "date of a matched event: none read, gold dated",
    "date of a matched event: read one, gold undated",
    "date of a matched event: less or more precise, agreeing",
    "date of a matched event: another date",
    "type of a matched event: a gold label missing",
    "type of a matched event: a label gold does not give",
    "status of a matched event: wrong",
)


def field_misses(p: dict[str, Any], g: dict[str, Any]) -> list[str]:
    """The MISS_KINDS of one matched pair's wrong fields (venue, date, type, status)."""
    out: list[str] = []
    pv, gv = _norm_venue(p.get("venue")), _norm_venue(g.get("venue"))
    if pv != gv:
        out.append(MISS_KINDS[12] if pv is None else MISS_KINDS[13] if gv is None else
                   MISS_KINDS[14] if pv in gv or gv in pv else MISS_KINDS[15])
    pd, gd = p.get("date"), g.get("date")
    if pd != gd:
        out.append(MISS_KINDS[16] if not pd else MISS_KINDS[17] if not gd else
                   MISS_KINDS[18] if str(pd).startswith(str(gd)) or str(gd).startswith(str(pd)) else MISS_KINDS[19])
    pt, gt = set(p.get("agreement_types") or []), set(g.get("agreement_types") or [])
    if gt - pt:
        out.append(MISS_KINDS[20])
    if pt - gt:
        out.append(MISS_KINDS[21])
    if p.get("status") != g.get("status"):
        out.append(MISS_KINDS[22])
    return out


SHAPE = "shape: "


def _event_shape(what: str, ev: dict[str, Any], beside: bool) -> str:
    """A missed or extra event by what it looks like, in counts only (safe on a held-out split): its status,
    whether it is dated, how many parties it has, and whether it stands beside a matched event of its article (a
    missed one) or shares a party with one (an extra one: a re-mention split off, or a passing signing)."""
    n = len(ev.get("parties") or [])
    where = ("beside a matched event" if beside else "no matched event in its article") if what == "missed" else \
        ("shares a party with a matched event" if beside else "shares no party with a matched event")
    return (f"{SHAPE}{what} {ev.get('status')}, {'dated' if ev.get('date') else 'undated'}, "
            f"{n if n < 3 else '3+'} parties, {where}")


def miss_counts(pred: list[dict[str, Any]], gold: list[dict[str, Any]], s: Score, ctx, keys: PartyKeys,
                into: Counter) -> None:
    """Why the scorer counted each miss of one article, in counts only (safe on a held-out split: no article
    is named). A missed party is one that no mention of the article gives under its gold key (not read, or read
    under another name: --names tells which), recognised but on no event (an attachment miss), or on another
    event of the article (an assembly miss)."""
    matched = dict(s.matched)  # predicted -> gold
    gold_of = {j: i for i, j in s.matched}
    recognised = {keys.key({"name": m.institution.name, "region_code": m.institution.region_code,
                            "kind": m.institution.kind, "mention": m.text}) for m in ctx.mentions}
    on_events = [{keys.key(p) for p in ev["parties"]} for ev in pred]
    for j, ev in enumerate(gold):
        if j not in gold_of:
            into[MISS_KINDS[0] if not pred else MISS_KINDS[1]] += 1
            into[_event_shape("missed", ev, beside=bool(gold_of))] += 1
            signers = {keys.key(p) for p in ev.get("parties", []) if p.get("kind") != "ombudsman"}
            if any(signers & on_events[i] for i in matched):
                # one ceremony read where the gold has two (a secondary signing joined to the main one)
                into[MISS_KINDS[2]] += 1
                if any({keys.key(p) for p in ev.get("parties", [])} <= on_events[i] for i in matched):
                    into[MISS_KINDS[3]] += 1
            if any(_read_at(p, ctx, keys) == "another name" for p in ev.get("parties", [])
                   if p.get("kind") != "ombudsman"):
                into[MISS_KINDS[4]] += 1  # a naming miss that took its event with it
        own = on_events[gold_of[j]] if j in gold_of else set()
        for key in {keys.key(p) for p in ev.get("parties", [])} - own:
            on_an_event = any(key in keys_ for keys_ in on_events)
            if key not in recognised and not on_an_event:
                into[MISS_KINDS[7]] += 1
            elif j not in gold_of:
                into[MISS_KINDS[10]] += 1
            elif on_an_event:
                into[MISS_KINDS[9]] += 1
            else:
                into[MISS_KINDS[8]] += 1
    for i in range(len(pred)):
        if i not in matched:
            into[MISS_KINDS[5] if not gold else MISS_KINDS[6]] += 1
            into[_event_shape("extra", pred[i], beside=any(on_events[i] & on_events[k] for k in matched))] += 1
        else:
            into[MISS_KINDS[11]] += len(on_events[i] - {keys.key(p) for p in gold[matched[i]].get("parties", [])})
            into.update(field_misses(pred[i], gold[matched[i]]))


def _mentions_at(party: dict[str, Any], ctx) -> list | None:
    """The recognised mentions that overlap a gold party's mention wherever the text writes it ("BPS" in
    "Badan Pusat Statistik (BPS) Provinsi Aceh" and in "MoU dengan BPS": the annotators do not say which one they
    meant); None where the text does not hold the mention."""
    mention = str(party.get("mention") or "")
    ats = [i.start() for i in re.finditer(re.escape(mention), ctx.text)] if mention else []
    if not ats:
        return None
    return [m for m in ctx.mentions if any(m.start < at + len(mention) and at < m.end for at in ats)]


def _keys_of(mentions, keys: PartyKeys) -> set[tuple[str, str]]:
    return {keys.key({"name": m.institution.name, "region_code": m.institution.region_code,
                      "kind": m.institution.kind, "mention": m.text}) for m in mentions}


def _read_at(party: dict[str, Any], ctx, keys: PartyKeys) -> str:
    """How a gold party is read where the text writes its mention: one of NAME_OUTCOMES."""
    over = _mentions_at(party, ctx)
    if over is None:
        return NAME_OUTCOMES[3]
    if not over:
        return NAME_OUTCOMES[2]
    return NAME_OUTCOMES[0] if keys.key(party) in _keys_of(over, keys) else NAME_OUTCOMES[1]


def name_agreement(item: dict[str, Any], ctx, keys: PartyKeys, into: NameAgreement) -> list[str]:
    """Add one gold article's parties to `into`; the lines for -v (each party named otherwise or missed)."""
    lines: list[str] = []
    for ev in item.get("events", []):
        for party in ev.get("parties", []):
            if party.get("kind") == "ombudsman":
                continue
            kind, outcome = str(party.get("kind")), _read_at(party, ctx, keys)
            into.add(outcome, kind)
            if outcome == NAME_OUTCOMES[2]:
                lines.append(f"  name not recognised: {party.get('name')!r} (mention {party.get('mention')!r})")
            elif outcome == NAME_OUTCOMES[1]:
                over = _mentions_at(party, ctx) or []
                shape = name_shape(keys.key(party), _keys_of(over, keys))
                into.shapes[shape] += 1
                into.shape_kinds.setdefault(shape, Counter())[kind] += 1
                names = sorted({m.institution.name for m in over})
                lines.append(f"  named otherwise: gold {party.get('name')!r} (mention {party.get('mention')!r}), "
                             f"read {names}")
    return lines


def evaluate(gold_lines: Iterable[dict[str, Any]], *, use_model: bool = True, gazetteer_files=(),
             verbose: bool = False, names: NameAgreement | None = None,
             misses: Counter | None = None, exact_names: bool = False,
             per_article: list[tuple[int, int, float]] | None = None) -> tuple[Score, list[str]]:
    import teken
    from teken.pipeline.nlp.components import GazetteerMatcher

    pipe = teken.nlp(use_model, tuple(gazetteer_files))
    gaz = next(p for _, p in pipe.pipeline if isinstance(p, GazetteerMatcher)).gazetteer
    keys = PartyKeys(gaz, exact=exact_names)
    total = Score()
    report: list[str] = []
    predicted: list[dict[str, Any]] = []  # every article's events, linked into ceremonies at the end
    gold_ceremony: list[str | None] = []  # the gold ceremony of each predicted event matched to a gold event
    for n, item in enumerate(gold_lines):
        try:
            events = teken.extract(item["text"], item.get("published"), title=item.get("title"),
                                   url=item.get("url"), article_id=item.get("id"), use_model=use_model,
                                   gazetteer_files=gazetteer_files)
        except Exception as err:  # one article's failure is scored as no events, never the whole evaluation
            print(f"teken eval: {item.get('id')}: extraction failed ({type(err).__name__}: {err})", file=sys.stderr)
            events = []
        pred = [event_dict(e) for e in events]
        s, notes = score_article(pred, item.get("events", []), keys)
        if names is not None or misses is not None:
            from teken.extractors.parties import build_context

            ctx = build_context(pipe(item["text"]), gaz, item.get("title"))
            if names is not None:
                notes += name_agreement(item, ctx, keys, names)
            if misses is not None:
                miss_counts(pred, item.get("events", []), s, ctx, keys, misses)
        total.add(s)
        if per_article is not None:
            per_article.append((s.events.tp, s.events.fp, s.parties.prf()["f1"]))  # (an extra event shows in fp)
        gold_of = {i: item["events"][j].get("ceremony") for i, j in s.matched}
        for i, ev in enumerate(pred):
            ev.update(article_id=f"{n}:{item.get('id')}", url=item.get("url"), published=item.get("published"))
            predicted.append(ev)
            gold_ceremony.append(gold_of.get(i))
        if verbose:
            d = s.as_dict()
            report.append(f"{item.get('id')}: events P/R {d['events']['precision']:.2f}/{d['events']['recall']:.2f}"
                          f" parties F1 {d['parties']['f1']:.2f} ({len(events)} predicted, "
                          f"{len(item.get('events', []))} gold)")
            report.extend(notes)
    if any(c is not None for c in gold_ceremony):
        total.clustering = clustering_score(predicted, gold_ceremony)
    return total, report


def clustering_score(predicted: list[dict[str, Any]], gold_ceremony: list[str | None]) -> dict[str, Any]:
    """Link the predicted events into canonical events as `teken run` does, and score the clustering over
    the predicted events matched to a gold event that names its ceremony."""
    from teken.pipeline.batch.canonical import canonicalize

    ids, _ = canonicalize(predicted)
    kept = [(g, str(c)) for g, c in zip(gold_ceremony, ids, strict=True) if g is not None]
    return cluster_scores([g for g, _ in kept], [c for _, c in kept])


def read_gold(path: str) -> list[dict[str, Any]]:
    """The lines of a gold file, checked: a file that is not one is a usage error in one line, not a traceback."""
    from teken.pipeline import UsageError

    fmt = "teken eval reads a gold JSONL file: one JSON object a line with `text` and `events` (a list)"
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read gold file {path}: {exc.strerror or exc}") from None
    gold: list[dict[str, Any]] = []
    for n, raw in enumerate(data.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise UsageError(f"{path} line {n}: not UTF-8 (byte {raw[exc.start]:#04x}); {fmt}") from None
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            if line.lstrip().startswith("<"):
                raise UsageError(f"{path} looks like HTML, not a gold file; {fmt} (to read pages: teken run)") from None
            raise UsageError(f"{path} line {n}: invalid JSON ({exc.msg} at column {exc.colno}); {fmt}") from None
        if not isinstance(item, dict):
            raise UsageError(f"{path} line {n}: a JSON {type(item).__name__}, not an object; {fmt}")
        if not isinstance(item.get("text"), str):
            raise UsageError(f"{path} line {n}: `text` is missing or not a string; {fmt}")
        events = item.get("events", [])
        if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
            raise UsageError(f"{path} line {n}: `events` is not a list of objects; {fmt}")
        gold.append(item)
    if not gold:
        raise UsageError(f"{path} holds no gold lines; {fmt}")
    return gold


def eval_command(args) -> int:
    gold = read_gold(args.gold)
    split = getattr(args, "split", None)
    if split is not None:
        splits = sorted({str(g.get("split")) for g in gold if g.get("split") is not None})
        if split not in splits:
            from teken.pipeline import UsageError

            raise UsageError(f"no gold line has split {split!r} (splits in the file: {', '.join(splits) or 'none'})")
        gold = [g for g in gold if g.get("split") == split]
    if getattr(args, "perturb", None):
        return _perturb_command(args, gold, split)
    names = NameAgreement() if getattr(args, "names", False) else None
    misses: Counter | None = Counter() if getattr(args, "misses", False) else None
    score, report = evaluate(gold, use_model=not args.no_model, gazetteer_files=args.gazetteer,
                             verbose=args.verbose, names=names, misses=misses,
                             exact_names=getattr(args, "exact_names", False))
    result = score.as_dict()
    if names is not None:
        result["names"] = names.as_dict()
    if misses is not None:
        result["misses"] = {k: misses[k] for k in MISS_KINDS}
        result["event_shapes"] = {k[len(SHAPE):]: n for k, n in sorted(misses.items()) if k.startswith(SHAPE)}
    result["articles"] = len(gold)
    result["calibration"] = [
        {"band": f"{lo:.2f}-{min(hi, 1.0):.2f}", "events": total,
         "precision": round(right / total, 4) if total else None}
        for (lo, hi), (right, total) in zip(BANDS, score.bands, strict=True)
    ]
    if report:
        print("\n".join(report), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    e, p = result["events"], result["parties"]
    shown = f"{args.gold} [split {split}]" if split is not None else args.gold
    print(f"gold file        {shown} ({len(gold)} articles, {result['gold_events']} gold events)")
    print(f"events           P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}"
          f"   (tp {e['tp']}, fp {e['fp']}, fn {e['fn']})")
    print(f"parties          P {p['precision']:.3f}  R {p['recall']:.3f}  F1 {p['f1']:.3f}")
    for k in ("type", "status", "date", "venue"):
        v = result[f"{k}_accuracy"]
        print(f"{k + ' accuracy':<16} {'n/a' if v is None else f'{v:.3f}'}")
    v = result["all_fields_right"]
    print(f"all fields right {'n/a' if v is None else f'{v:.3f}'}")
    if "clustering" in result:
        c = result["clustering"]
        pw, b3 = c["pairwise"], c["bcubed"]
        print(f"ceremonies       {c['items']} matched events with a gold `ceremony`: {c['gold_clusters']} gold "
              f"ceremonies, {c['pred_clusters']} canonical events")
        print(f"  pairwise       P {pw['precision']:.3f}  R {pw['recall']:.3f}  F1 {pw['f1']:.3f}"
              f"   (pairs: {pw['tp']} right, {pw['pred_pairs']} linked, {pw['gold_pairs']} in gold)")
        print(f"  B-cubed        P {b3['precision']:.3f}  R {b3['recall']:.3f}  F1 {b3['f1']:.3f}")
    if names is not None:
        print("party names (gold parties but the Ombudsman, where the text holds their mention):")
        for outcome in NAME_OUTCOMES:
            kinds = ", ".join(f"{k} {n}" for k, n in names.by_kind.get(outcome, Counter()).most_common())
            print(f"  {outcome:<20} {names.outcomes[outcome]:4d}" + (f"   ({kinds})" if kinds else ""))
        if names.shapes:
            print("  another name by shape:")
            for shape, n in names.shapes.most_common():
                kinds = ", ".join(f"{k} {c}" for k, c in names.shape_kinds.get(shape, Counter()).most_common())
                print(f"    {shape:<18} {n:4d}   ({kinds})")
    if misses is not None:
        print("where the misses are (counts):")
        for k in MISS_KINDS:
            print(f"  {k:<68} {misses[k]:4d}")
        print("missed and extra events by shape (counts):")
        for k, n in sorted(result["event_shapes"].items()):
            print(f"  {k:<88} {n:4d}")
    if getattr(args, "by_kind", False):
        print("parties by kind (gold's kind; an extra party by the kind it was read as):")
        for kind, c in result["parties_by_kind"].items():
            print(f"  {kind:<20} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}"
                  f"   (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    if args.calibration:
        print("calibration (precision of predicted events per confidence band):")
        for row in result["calibration"]:
            prec = "n/a" if row["precision"] is None else f"{row['precision']:.3f}"
            print(f"  {row['band']}: {row['events']:4d} events, precision {prec}")
    return 0


def _perturb_command(args, gold: list[dict[str, Any]], split: str | None) -> int:
    """`teken eval --perturb NAME`: the gold articles as written and perturbed (teken.pipeline.batch.perturb), scored
    alike; the articles that read worse perturbed are counted (with -v, named)."""
    from teken.pipeline.batch.perturb import perturbed

    pairs = list(perturbed(gold, args.perturb))
    kw = {"use_model": not args.no_model, "gazetteer_files": args.gazetteer,
          "exact_names": getattr(args, "exact_names", False)}
    before: list[tuple[int, int, float]] = []
    after: list[tuple[int, int, float]] = []
    base, _ = evaluate([a for a, _ in pairs], per_article=before, **kw)
    moved, _ = evaluate([b for _, b in pairs], per_article=after, **kw)

    def worse_than(x: tuple[int, int, float], y: tuple[int, int, float]) -> bool:
        return y[0] < x[0] or y[1] > x[1] or y[2] < x[2]  # a gold event lost, an extra one, a party lost or added

    worse = [b.get("id") for (_, b), x, y in zip(pairs, before, after, strict=True) if worse_than(x, y)]
    better = sum(1 for x, y in zip(before, after, strict=True) if worse_than(y, x) and not worse_than(x, y))
    b, m = base.as_dict(), moved.as_dict()
    result = {"perturbation": args.perturb, "articles": len(gold), "perturbed": len(pairs),
              "events_f1": [b["events"]["f1"], m["events"]["f1"]],
              "parties_f1": [b["parties"]["f1"], m["parties"]["f1"]],
              "read_worse": len(worse), "read_better": better}
    if args.verbose:
        result["worse"] = worse
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    shown = f"{args.gold} [split {split}]" if split is not None else args.gold
    print(f"gold file        {shown} ({len(gold)} articles, {len(pairs)} changed by --perturb {args.perturb})")
    print(f"events F1        {b['events']['f1']:.3f} as written, {m['events']['f1']:.3f} perturbed")
    print(f"parties F1       {b['parties']['f1']:.3f} as written, {m['parties']['f1']:.3f} perturbed")
    print(f"read worse       {len(worse)} of {len(pairs)} articles (better: {better})")
    if args.verbose:
        for aid in worse:
            print(f"  {aid}")
    return 0
