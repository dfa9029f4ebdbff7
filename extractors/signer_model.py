"""A learned "is a signer" scorer over the institutions named around a signing (issue 9). EXPERIMENTAL: off by
default (see training/README.md for the measurements that decided so).

For each event the rules produced, the candidates are every institution the party recogniser found in the
sentences the event was read from (its first trigger's sentence and the sentences of its parties' mentions) and
their neighbours, and every party the rules chose. Each candidate gets cheap features read off the text around
its mention nearest the signing (the rules' own decision among them) and a logistic-regression score. Two ways
of using it:

- ``override``: the rules' parties stay, except that a chosen party scoring below ``drop`` is removed and a
  candidate scoring above ``add`` joins (the thresholds are chosen when training);
- ``replace``: the event's parties are the candidates scoring 0.5 or more.

Either way an event keeps at least its best-scored candidate. The weights are a small JSON file
(extractors/data/signer_model.json) written by ``python -m teken.training.train_signers``
(training/train_signers.py); scoring is a dot product per candidate, no third-party library at run time.

Switch it on with the environment variable ``TEKEN_SIGNER_MODEL=override`` (or ``replace``), or from Python with
``configure(mode=...)``.
"""

from __future__ import annotations

import bisect
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from teken.records import Party, SigningEvent

MODEL_PATH = Path(__file__).parent / "data" / "signer_model.json"

KINDS = ("ombudsman", "pemerintah_daerah", "dprd", "kementerian_lembaga", "penegak_hukum", "bumn_bumd",
         "perguruan_tinggi", "swasta", "organisasi", "lainnya")
REGIONAL_KINDS = {"pemerintah_daerah", "dprd", "ombudsman"}

# Words around a mention that an Indonesian reader weighs when deciding whether an institution signs.
_CUES: dict[str, str] = {
    "hadir": r"\b(?:hadir|dihadiri|menghadiri|kehadiran|turut)\b",
    "saksi": r"\b(?:saksi|menyaksikan|disaksikan|penyaksian)\b",
    "dampingi": r"\b(?:didampingi|mendampingi|pendamping)\b",
    "oleh": r"\boleh\b",
    "dengan": r"\bdengan\b",
    "antara": r"\bantara\b",
    "dan": r"\b(?:dan|serta)\b",
    "bersama": r"\bbersama\b",
    "wakil": r"\b(?:diwakili|mewakili|perwakilan|selaku)\b",
    "pihak": r"\bpihak\b",
    "kedua": r"\b(?:kedua|pertama|para\s+pihak)\b",
    "topik": r"\b(?:tentang|terkait|mengenai|perihal)\b",
    "kepada": r"\b(?:kepada|bagi|untuk)\b",
    "dukung": r"\b(?:dukungan|mendukung|didukung|arahan|fasilitasi|difasilitasi|memfasilitasi|inisiasi|diinisiasi)\b",
    "acara": r"\b(?:acara|kegiatan|rapat|sidang|paripurna|forum|rakor|rakernas|agenda)\b",
    "gelar": r"\b(?:digelar|diselenggarakan|menggelar|menyelenggarakan|diadakan|tuan\s+rumah)\b",
    "daftar": r"\b(?:yakni|yaitu|meliputi|antara\s+lain|seperti|diantaranya|di\s+antaranya)\b",
    "milik": r"\b(?:milik|naungan|binaan|anak\s+(?:usaha|perusahaan)|bawah)\b",
    "kata": r"\b(?:kata|ujar|ungkap|jelas|tutur|mengatakan|menyampaikan|menjelaskan)\b",
    "juga": r"\bjuga\b",
    "sebelum": r"\b(?:sebelumnya|pernah|lalu|akan|rencananya)\b",
}
_CUE_RES = {k: re.compile(v, re.IGNORECASE) for k, v in _CUES.items()}
_TITLE_BEFORE = re.compile(
    r"\b(?:Bupati|Wakil\s+Bupati|Wali\s*kota|Walikota|Gubernur|Kepala|Ketua|Rektor|Direktur(?:\s+Utama)?|Dirut|"
    r"Dekan|Menteri|Sekretaris|Sekda|Komandan|Dandim|Danrem|Kapolres|Kapolda|Kajari|Kajati|Camat|Pimpinan|"
    r"Presiden|General\s+Manager|GM|Manager|Kakanwil|Plt\.?|Pj\.?|Penjabat)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$")
_BEFORE_LOCATIVE = re.compile(r"\b(?:di|ke|dari)\s+$", re.IGNORECASE)
_COORD_GAP = re.compile(r"^\s*(?:,|dan|serta|&|dengan|,\s*dan)\s*$", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”]")
_SIGNING_WORD = re.compile(r"tanda\s*tangan|tandatangan|\bteken|\bMoU\b|\bPKS\b|nota\s+kesepahaman|"
                           r"nota\s+kesepakatan|perjanjian|kesepakatan|penandatanganan", re.IGNORECASE)
_COOP_WORD = re.compile(r"\bkerja\s*sama\b|\bbekerja\s*sama\b|kolaborasi|sinergi|menggandeng|menjalin",
                        re.IGNORECASE)

FEATURES: tuple[str, ...] = (
    "bias", "rule", "rule_only", "rule_subject", "rule_object", "rule_non_signer", "host", "speaker",
    "no_offsets", "n_rule_1", "n_rule_2", "n_rule_3plus", "rule_same_kind", "other_rule_same_region",
    "same_sent", "before", "after", "sent_dist_1", "sent_dist_2_3", "sent_dist_4plus", "para_dist_0",
    "log_dist", "signing_sentence", "coop_sentence", "other_event_party", "near_other_event", "official_title",
    "official_flag", "representative", "coord_with_rule", "locative_before", "quote_between",
    "log_mentions_article", "log_mentions_window", "in_title", "in_first_para", "first_in_window",
    *(f"kind_{k}" for k in KINDS),
    *(f"left_{k}" for k in _CUES), *(f"between_{k}" for k in _CUES),
)


@dataclass
class SignerCandidate:
    """One institution that may sign an event: the party it would be, and what the text says around it."""

    key: str
    party: Party
    rule_index: int | None  # its place among the rules' parties, None when the rules left it out
    position: int  # where its nearest mention starts (the rules' party's offsets otherwise), for ordering
    features: dict[str, float] = field(default_factory=dict)


@dataclass
class Settings:
    mode: str = "off"  # "off" | "override" | "replace"
    weights: dict[str, Any] | None = None  # the model file's content; None: read MODEL_PATH on first use
    collect: list | None = None  # training: (event, candidates) pairs are appended here
    window: int | None = None  # collecting: sentences either side of the event's own (-1: the whole article)


MODES = ("off", "override", "replace")
SETTINGS = Settings(mode=os.environ.get("TEKEN_SIGNER_MODEL", "off").strip().lower())
if SETTINGS.mode not in MODES:
    SETTINGS.mode = "off"  # an unknown value switches nothing on


def configure(mode: str | None = None, weights: dict[str, Any] | None = None) -> None:
    """Switch the scorer (``mode``: off, override, replace) and, optionally, use other weights than the shipped."""
    if mode is not None:
        if mode not in MODES:
            raise ValueError(f"signer model mode must be off, override or replace, not {mode!r}")
        SETTINGS.mode = mode
    if weights is not None:
        SETTINGS.weights = weights


def active() -> bool:
    return SETTINGS.mode != "off" or SETTINGS.collect is not None


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def party_key(name: str, kind: str, region_code: str | None) -> str:
    """A party's identity as `teken eval` compares it (a regional body by its code, anything else by name)."""
    if region_code and kind in REGIONAL_KINDS:
        return f"code:{region_code}|{kind}"
    return "name:" + re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def _cues(text: str, prefix: str, out: dict[str, float]) -> None:
    if not text:
        return
    for k, rx in _CUE_RES.items():
        if rx.search(text):
            out[f"{prefix}_{k}"] = 1.0


def candidates(ctx, event: SigningEvent, draft, title: str | None = None,
               others: Sequence[SigningEvent] = (), reach: int = 1) -> list[SignerCandidate]:
    """The institutions that may sign ``event`` (read by the rules from ``draft``), with their features."""
    from teken.extractors.events import party_region

    text = ctx.text
    sents = ctx.sents
    if not sents:
        return []
    starts = [s.start_char for s in sents]

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    first = draft.first
    trig_start, trig_end = first.trig_start, first.trig_end
    t_sent = sent_of(trig_start)
    core = {t_sent} | {sent_of(p.start) for p in event.parties if p.start is not None}
    window = set(range(len(sents))) if reach < 0 else {
        i + d for i in core for d in range(-reach, reach + 1) if 0 <= i + d < len(sents)}
    lo_hi = [(sents[i].start_char, sents[i].end_char) for i in sorted(window)]

    rule_keys = [party_key(p.name, p.kind, p.region_code) for p in event.parties]
    other_keys = {party_key(p.name, p.kind, p.region_code) for ev in others for p in ev.parties}
    other_starts = [p.start for ev in others for p in ev.parties if p.start is not None]
    subj = {m.institution.key for m in first.subjects}
    obj = {m.institution.key for m in first.objects}
    non = set(first.non_signers)
    host = ctx.host.key if ctx.host is not None else None
    speaker = ctx.paragraph_speaker.get(ctx.paragraph_of(trig_start))

    per_key: dict[str, list] = {}
    article_counts: dict[str, int] = {}
    for m in ctx.mentions:
        inst = m.institution
        k = party_key(inst.name, inst.kind, party_region(inst))
        article_counts[k] = article_counts.get(k, 0) + 1
        if any(lo <= m.start < hi for lo, hi in lo_hi):
            per_key.setdefault(k, []).append(m)
    rule_mentions = [(p.start, p.end) for p in event.parties if p.start is not None]

    out: list[SignerCandidate] = []
    # Each party the rules chose is a candidate of its own (two of them may share a key: a regency's hospital
    # and its government), read at its own mention where the window holds it; then every other key once.
    jobs: list[tuple[str, list, int | None]] = []
    for i, p in enumerate(event.parties):
        k = rule_keys[i]
        if k in per_key:
            own = [x for x in per_key[k] if x.start == p.start]
            jobs.append((k, own or per_key[k], i))
        else:
            only = {"rule_only": 1.0}
            if p.start is None:
                only["no_offsets"] = 1.0
            only["log_mentions_article"] = math.log1p(article_counts.get(k, 0))
            _rule_features(only, i, None, p.kind, p.region_code, event, rule_keys, subj, obj, non, host, speaker)
            out.append(SignerCandidate(k, p, i, p.start if p.start is not None else trig_start, only))
    jobs.extend((k, ms, None) for k, ms in per_key.items() if k not in rule_keys)
    for k, near, idx in jobs:
        ms = per_key[k]
        # the mention nearest the trigger, one in the trigger's sentence first
        m = min(near, key=lambda x: (sent_of(x.start) != t_sent, abs(x.start - trig_start)))
        inst = m.institution
        party = event.parties[idx] if idx is not None else Party(
            mention=m.text, name=inst.name, kind=inst.kind, region_code=party_region(inst),
            representative=m.representative, start=m.start, end=m.end)
        f: dict[str, float] = {}
        s_i = sent_of(m.start)
        sd = abs(s_i - t_sent)
        if sd == 0:
            f["same_sent"] = 1.0
        elif sd == 1:
            f["sent_dist_1"] = 1.0
        elif sd <= 3:
            f["sent_dist_2_3"] = 1.0
        else:
            f["sent_dist_4plus"] = 1.0
        if ctx.paragraph_of(m.start) == ctx.paragraph_of(trig_start):
            f["para_dist_0"] = 1.0
        s_text = sents[s_i].text
        if _SIGNING_WORD.search(s_text):
            f["signing_sentence"] = 1.0
        if _COOP_WORD.search(s_text):
            f["coop_sentence"] = 1.0
        if k in other_keys:
            f["other_event_party"] = 1.0
        if any(sent_of(x) == s_i for x in other_starts):
            f["near_other_event"] = 1.0
        if m.end <= trig_start:
            f["before"] = 1.0
            gap = text[m.end:trig_start]
        else:
            f["after"] = 1.0
            gap = text[trig_end:m.start] if m.start >= trig_end else ""
        f["log_dist"] = math.log1p(len(gap) / 10)
        if sd == 0:
            _cues(gap[-200:] if m.end <= trig_start else gap[:200], "between", f)
            if _QUOTE.search(gap):
                f["quote_between"] = 1.0
        left = text[max(sents[s_i].start_char, m.start - 40):m.start]
        _cues(left, "left", f)
        if _TITLE_BEFORE.search(text[max(0, m.start - 40):m.start]):
            f["official_title"] = 1.0
        if m.official:
            f["official_flag"] = 1.0
        if m.representative:
            f["representative"] = 1.0
        if _BEFORE_LOCATIVE.search(left):
            f["locative_before"] = 1.0
        for a, b in rule_mentions:
            if (a, b) != (m.start, m.end) and (_COORD_GAP.match(text[b:m.start]) if b <= m.start
                                               else _COORD_GAP.match(text[m.end:a]) if m.end <= a else False):
                f["coord_with_rule"] = 1.0
                break
        f["log_mentions_window"] = math.log1p(len(ms))
        f["log_mentions_article"] = math.log1p(article_counts.get(k, 0))
        if ctx.paragraph_of(min(x.start for x in ms)) == 0:
            f["in_first_para"] = 1.0
        _rule_features(f, idx, inst.key, inst.kind, party.region_code, event, rule_keys, subj, obj, non, host,
                       speaker)
        out.append(SignerCandidate(k, party, idx, m.start, f))
    # the earliest candidate of the window, and a name in the headline
    if out:
        min(out, key=lambda c: c.position).features["first_in_window"] = 1.0
    head = (title or "").lower()
    for c in out:
        if head and c.party.name.lower() in head:
            c.features["in_title"] = 1.0
    return out


def _rule_features(f: dict[str, float], idx: int | None, inst_key: str | None, kind: str, region: str | None,
                   event: SigningEvent, rule_keys: list[str], subj: set[str], obj: set[str], non: set[str],
                   host: str | None, speaker) -> None:
    f["bias"] = 1.0
    if idx is not None:
        f["rule"] = 1.0
    if inst_key is not None:
        if inst_key in subj:
            f["rule_subject"] = 1.0
        if inst_key in obj:
            f["rule_object"] = 1.0
        if inst_key in non:
            f["rule_non_signer"] = 1.0
        if inst_key == host:
            f["host"] = 1.0
        if speaker is not None and inst_key == speaker.key:
            f["speaker"] = 1.0
    n = len(event.parties) - (1 if idx is not None else 0)
    f["n_rule_1" if n <= 1 else "n_rule_2" if n == 2 else "n_rule_3plus"] = 1.0
    if any(i != idx and p.kind == kind for i, p in enumerate(event.parties)):
        f["rule_same_kind"] = 1.0
    if region and any(i != idx and p.region_code == region for i, p in enumerate(event.parties)):
        f["other_rule_same_region"] = 1.0
    f[f"kind_{kind if kind in KINDS else 'lainnya'}"] = 1.0


def probability(features: dict[str, float], weights: dict[str, Any]) -> float:
    w = weights["weights"]
    z = sum(w.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def decide(parties: Sequence[Party], cands: list[SignerCandidate], mode: str, weights: dict[str, Any],
           add: float | None = None, drop: float | None = None) -> list[Party]:
    """An event's parties under ``mode`` from its candidates' scores (``parties``, the rules' own, when off)."""
    if not cands or mode == "off":
        return list(parties)
    add = weights.get("add", 0.5) if add is None else add
    drop = weights.get("drop", 0.0) if drop is None else drop
    probs = [probability(c.features, weights) for c in cands]
    if mode == "replace":
        keep = [c for c, p in zip(cands, probs, strict=True) if p >= 0.5]
    else:
        keep = [c for c, p in zip(cands, probs, strict=True)
                if (c.rule_index is not None and p >= drop) or (c.rule_index is None and p > add)]
    if not keep:
        keep = [max(zip(cands, probs, strict=True), key=lambda cp: cp[1])[0]]
    ruled = sorted((c for c in keep if c.rule_index is not None), key=lambda c: c.rule_index or 0)
    added = sorted((c for c in keep if c.rule_index is None), key=lambda c: c.position)
    return [c.party for c in ruled] + [c.party for c in added]


def rescore(ctx, pairs, title: str | None = None) -> None:
    """Apply the configured mode to the rules' events (``pairs`` of event and the draft it was read from)."""
    if not active():
        return
    weights = SETTINGS.weights if SETTINGS.weights is not None else (
        _shipped() if SETTINGS.mode != "off" else None)
    # every event's candidates read against the rules' choices, before any event's parties change
    reach = SETTINGS.window if SETTINGS.window is not None else int((weights or {}).get("window", 1))
    read = [(event, candidates(ctx, event, draft, title, [ev for ev, _ in pairs if ev is not event], reach))
            for event, draft in pairs]
    for event, cands in read:
        if SETTINGS.collect is not None:
            SETTINGS.collect.append((event, cands))
        if SETTINGS.mode != "off" and weights is not None:
            event.parties = decide(event.parties, cands, SETTINGS.mode, weights)
