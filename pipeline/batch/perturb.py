"""Perturbed gold: the same annotated articles written a little otherwise, to see whether the rules read the way
news is written or the particular names and pages they were fitted to (`teken eval --perturb NAME`).

Each perturbation rewrites an article's text and, where the change reaches them, its gold events alike, so the
perturbed article has the same right reading as the original one:

- ``regions``: every regency and city the gold names is swapped for another of the same province and level that the
  article does not mention (with its short forms, "Bartim" for "Barito Timur"); codes and names in the gold follow.
  A drop here is a rule that knows a region's name instead of reading the sentence.
- ``related-links``: a related-article line as outlets embed them ("Baca Juga: ...", "Jangan Lewatkan: ...") with
  another signing's headline, put between paragraphs after the second sentence that ends a line. Gold unchanged: the line is no part of the story.
- ``verbs``: the signing verbs written with their synonyms (menandatangani <-> meneken, ditandatangani <-> diteken).
- ``one-line``: the text with its line breaks lost, as scrapers that join a page's strings with spaces give it.

The swap is a probe, not a corpus: a name shared by an institution the gazetteer knows ("Universitas Negeri
Malang") or a region written in lower case may be swapped into one that does not exist; those articles are left
out where they can be told (a name of both a regency and a city, or of a province), the rest read as a drop.
"""

from __future__ import annotations

import copy
import csv
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

PERTURBATIONS = ("regions", "related-links", "verbs", "one-line")

_WORD_BEFORE = r"(?<![\w-])"
_WORD_AFTER = r"(?![\w-])"


def perturbed(gold: list[dict[str, Any]], name: str) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(original, perturbed) for each gold article the perturbation changes."""
    make: Callable[[dict[str, Any], int], dict[str, Any] | None] = {
        "regions": _regions, "related-links": _related_link, "verbs": _verbs, "one-line": _one_line}[name]
    for n, item in enumerate(gold):
        other = make(item, n)
        if other is not None:
            yield item, other


def _replace_all(text: Any, pairs: list[tuple[str, str]]) -> Any:
    """Each whole-word occurrence of a pair's first string replaced by its second, longer ones first, in one pass (so
    "Pidie Jaya" is not read as "Pidie" and a swap A -> B, B -> C does not chain)."""
    if not isinstance(text, str) or not pairs:
        return text
    ordered = sorted(pairs, key=lambda ab: -len(ab[0]))
    pattern = re.compile("|".join(_WORD_BEFORE + re.escape(a) + _WORD_AFTER for a, _ in ordered))
    table = dict(ordered)
    return pattern.sub(lambda m: table[m.group(0)], text)


def _rewritten(item: dict[str, Any], pairs: list[tuple[str, str]], codes: dict[str, str] | None = None,
               suffix: str = "") -> dict[str, Any]:
    out = copy.deepcopy(item)
    out["id"] = f"{item.get('id')}~{suffix}"
    out["text"] = _replace_all(item["text"], pairs)
    out["title"] = _replace_all(item.get("title"), pairs)
    for event in out.get("events", []):
        for key in ("evidence", "venue"):
            event[key] = _replace_all(event.get(key), pairs)
        for party in event.get("parties", []):
            party["name"] = _replace_all(party.get("name"), pairs)
            party["mention"] = _replace_all(party.get("mention"), pairs)
            if codes and party.get("region_code") in codes:
                party["region_code"] = codes[party["region_code"]]
    return out


# ----------------------------------------------------------------------------- regions

@lru_cache(maxsize=1)
def _region_tables() -> tuple[dict[str, Any], dict[tuple[str, str], list[Any]], dict[str, list[str]], frozenset[str]]:
    from teken.extractors import DATA_DIR
    from teken.gazetteer import kemendagri_regions

    regions = kemendagri_regions()
    by_province: dict[tuple[str, str], list[Any]] = {}
    for r in sorted(regions.values(), key=lambda r: r.code):
        if "." in r.code:
            by_province.setdefault((r.province_code, r.level), []).append(r)
    aliases: dict[str, list[str]] = {}
    with open(DATA_DIR / "region_aliases.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            # (a seat names a town, not the regency: "Tapaktuan")
            if "seat" not in (row.get("note") or "") and len(row["alias"]) >= 3:
                aliases.setdefault(row["region_code"], []).append(row["alias"])
    shorts: dict[str, set[str]] = {}
    for r in regions.values():
        if "." in r.code:
            shorts.setdefault(r.short, set()).add(r.level)
    provinces = {r.name for r in regions.values() if r.level == "provinsi"}
    # a name two regions bear ("Serang": a regency and a city) or a province's ("Jambi") is not swapped, either way
    shared = frozenset(s for s, levels in shorts.items() if len(levels) > 1) | frozenset(provinces)
    return regions, by_province, aliases, shared


def _regions(item: dict[str, Any], n: int) -> dict[str, Any] | None:
    regions, by_province, aliases, shared = _region_tables()
    codes = []
    for event in item.get("events", []):
        for party in event.get("parties", []):
            code = party.get("region_code")
            if code and "." in code and code in regions and code not in codes:
                codes.append(code)
    seen = item["text"] + " " + (item.get("title") or "")
    mine = [regions[c] for c in codes]
    swapped: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for r in mine:
        if r.short in shared:
            continue
        pool = [x for x in by_province[(r.province_code, r.level)]
                if x.code not in codes and x.code not in swapped.values() and x.short not in shared
                and not re.search(_WORD_BEFORE + re.escape(x.short) + _WORD_AFTER, seen)
                and not any(x.short in y.short or y.short in x.short for y in mine)]
        if not pool:
            continue
        new = pool[(n + int(r.code.replace(".", ""))) % len(pool)]
        swapped[r.code] = new.code
        pairs.append((r.short, new.short))
        for alias in aliases.get(r.code, []):
            pairs.append((alias, (aliases.get(new.code) or [new.short])[0]))
    if not pairs:
        return None
    return _rewritten(item, pairs, swapped, "regions")


# ----------------------------------------------------------------------------- related links

# Markers the page-furniture filter is meant to know (teken.corpus.boilerplate), and headlines of other signings,
# written for this probe.
_LINK_MARKERS = ("Baca Juga: ", "BACA JUGA: ", "Baca juga : ", "Simak Juga: ", "Lihat Juga: ", "Artikel Terkait: ",
                 "Berita Terkait: ", "Baca: ", "Baca Lainnya: ", "Berita Lainnya: ", "Baca Berita Lainnya: ",
                 "Jangan Lewatkan: ", "Simak: ", "Read More: ", "Terkait: ", "Pilihan Editor: ", "Berita Populer: ",
                 "Baca Berita Terkait: ", "Baca Juga:\n\n")
_OTHER_HEADLINES = ("Pemkab Sigi dan BPJS Kesehatan Teken Perjanjian Kerja Sama Layanan JKN",
                    "Bupati Banggai Tandatangani MoU dengan Universitas Tadulako soal Beasiswa",
                    "Kejari Palu dan Pemkot Palu Teken Nota Kesepahaman Bidang Datun",
                    "Ombudsman Sulteng Teken MoU dengan Pemkab Poso",
                    "PDAM Donggala dan Kejari Teken Perjanjian Kerja Sama Penagihan Tunggakan")


def _related_link(item: dict[str, Any], n: int) -> dict[str, Any] | None:
    lines = item["text"].split("\n")
    # between paragraphs, as outlets put them: after the second line that ends a sentence (a hard-wrapped text's
    # lines end mid-sentence), with text after it
    ends = [i + 1 for i, x in enumerate(lines[:-1]) if re.search(r"[.!?\"”)]\s*$", x)
            and any(y.strip() for y in lines[i + 1:])]
    if len(ends) < 2:
        return None
    at = ends[1]
    line = _LINK_MARKERS[n % len(_LINK_MARKERS)] + _OTHER_HEADLINES[n % len(_OTHER_HEADLINES)]
    out = copy.deepcopy(item)
    out["id"] = f"{item.get('id')}~related-links"
    out["text"] = "\n".join(lines[:at] + [line] + lines[at:])
    return out


# ----------------------------------------------------------------------------- verbs

_VERB_PAIRS = [("menandatangani", "meneken"), ("ditandatangani", "diteken"), ("menandatanganinya", "menekennya"),
               ("ditandatanganinya", "ditekennya")]


def _verbs(item: dict[str, Any], n: int) -> dict[str, Any] | None:
    text = item["text"]
    forward = [(a, b) for a, b in _VERB_PAIRS] + [(a.capitalize(), b.capitalize()) for a, b in _VERB_PAIRS]
    pairs = forward + [(b, a) for a, b in forward] + [("Teken", "Tandatangani"), ("teken", "tandatangani")]
    new = _replace_all(text, pairs)
    if new == text:
        return None
    # (a party's name holds no verb: only the text, title and evidence change)
    out = copy.deepcopy(item)
    out["id"] = f"{item.get('id')}~verbs"
    out["text"], out["title"] = new, _replace_all(item.get("title"), pairs)
    for event in out.get("events", []):
        event["evidence"] = _replace_all(event.get("evidence"), pairs)
    return out


# ----------------------------------------------------------------------------- one line

def _one_line(item: dict[str, Any], n: int) -> dict[str, Any] | None:
    text = " ".join(x.strip() for x in item["text"].split("\n") if x.strip())
    if text == item["text"]:
        return None
    out = copy.deepcopy(item)
    out["id"] = f"{item.get('id')}~one-line"
    out["text"] = text
    return out
