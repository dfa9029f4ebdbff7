"""The teken spaCy pipeline for Indonesian news: tokens, sentences, NER model entities and gazetteer entities.

Components, in order:
- `teken_sentences`: sentence boundaries that know Indonesian abbreviations ("Kab.", "Pj.", "Dr.") and
  paragraph breaks, which spaCy's plain sentencizer splits wrongly;
- `ner`: the Indonesian NER model teken trains and ships (pipeline/models/ner_id), when present;
- `teken_gazetteer`: phrase matches of Kemendagri regions and institutions; each match carries the key of
  the institution it names in `span.kb_id_`, and wins over an overlapping model entity.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.gazetteer import Gazetteer, default_gazetteer

# Tokens after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "kab", "kep", "kec", "kel", "prov", "pj", "plt", "plh", "dr", "drs", "dra", "ir", "prof", "h", "hj", "no",
    "jl", "jln", "st", "tbk", "ds", "drg", "sdr", "bpk", "yth", "dkk", "dll", "dsb", "rp", "kh", "kol", "brigjen",
    "irjen", "kompol", "akbp", "ajun", "mayjen", "letjen", "jend", "kapt", "serka", "ny", "tn", "sh", "se",
    "mh", "msi", "mm", "mpd", "spd", "ak", "ssos", "ssi", "ip", "ipu", "mt", "skm", "kom", "adm", "gg",
    "ps", "pt", "cv", "ud", "bpjs", "rt", "rw", "des", "nov", "okt", "sep", "agu", "agt", "jan", "feb", "mar",
    "apr", "jun", "jul", "wib", "wita", "wit", "dpt", "a.n", "u.p", "tgl", "hlm", "nomor", "vol",
    "pemprov", "pemkab", "pemkot",
    # Abbreviated first names ("Walikota Makassar Moh. Ramdhan Pomanto", "Muh. Ilham", "Abd. Rahman") and the
    # doctorate after a name ("Ir. Jarot, M.Sc., Ph.D. dengan ...").
    "moh", "muh", "moch", "mochd", "muhd", "mhd", "abd", "ach", "achm", "ph",
}


_ENDS = {".", "!", "?", "…"}
_STOPS = {".", "!", "?"}
_CLOSERS = {'"', "”", "’", ")"}
_CONTINUERS = {",", ";", ":", ")"}


@Language.component("teken_sentences")
def teken_sentences(doc: Doc) -> Doc:
    """Split at . ! ? and at blank lines; not after abbreviations, initials ("Dadan S.") or inside numbers."""
    n = len(doc)
    if n == 0:
        return doc
    # Plain lists: reading token attributes one by one made this step a tenth of the pipeline's time.
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    starts = [1] + [-1] * (n - 1)
    for i in range(1, n):
        prev, prev_ws, text = texts[i - 1], spaces[i - 1], texts[i]
        start = False
        if ("\n" in prev_ws or "\n" in prev) and (
                "\n\n" in prev or "\n\n" in prev_ws or _line_starts_sentence(doc[i - 1], doc[i])):
            start = True
        elif prev in _ENDS or prev.endswith(("!", "?")):
            abbreviation = i >= 2 and not spaces[i - 2] and (
                texts[i - 2].lower() in ABBREVIATIONS or (len(texts[i - 2]) == 1 and texts[i - 2].isupper()))
            continuation = text[:1].islower() or text.isdigit() or text in _CONTINUERS
            start = not abbreviation and not continuation
        elif prev in _CLOSERS and i >= 2 and texts[i - 2] in _STOPS:
            start = not text[:1].islower()
        if text in _CLOSERS and prev in _STOPS:
            start = False
        if text.isspace() and i + 1 < n:
            start = False
        starts[i] = 1 if start else -1
    doc.from_array([SENT_START], np.asarray(starts, dtype="int64").astype("uint64"))
    return doc


def _line_starts_sentence(prev, token) -> bool:
    """A single line break ends a sentence unless the line runs on ("merupakan\nkelanjutan")."""
    word = prev.doc[prev.i - 1] if prev.is_space and prev.i > 0 else prev
    if word.text in {"(", "“", '"'}:
        return False
    if token.text[:1].islower() and word.text[-1:].isalnum():
        return False
    return True


class GazetteerMatcher:
    """Entities for every gazetteer surface form, with the institution's key as the span's kb_id_.

    Forms are tokenised once with the pipeline's own tokenizer and kept as token tuples (cased ones by
    ORTH, the rest by LOWER) in dictionaries with a prefix set, so a Doc is matched in one pass; spaCy's
    PhraseMatcher gives the same matches but takes seconds to build for ~200k forms. The tables are
    cached on disk next to the gazetteer (pipeline/cache.py).
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer, tables: dict | None = None):
        self.gazetteer = gazetteer
        self.tables = tables if tables is not None else build_match_tables(nlp, gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        cased, uncased = self.tables["cased"], self.tables["uncased"]
        cased_prefix, uncased_prefix = self.tables["cased_prefix"], self.tables["uncased_prefix"]
        rules = self.tables["rules"]
        orths = [t.text for t in doc]
        lowers = [t.lower_ for t in doc]
        n = len(doc)
        spans = []
        for i in range(n):
            if (orths[i],) not in cased_prefix and (lowers[i],) not in uncased_prefix:
                continue
            ok: tuple[str, ...] = ()
            lk: tuple[str, ...] = ()
            j = i
            while j < n:
                # "Badan Narkotika Nasional Provinsi (BNNP) Lampung", "Kejaksaan Negeri (Kejari) Kota Magelang",
                # "Kantor Wilayah Kementerian Agama (Kanwil Kemenag) Jawa Tengah": a short form in brackets
                # inside a name is read past, so the name still matches.
                skip = _bracketed_short_form(orths, j, n) if j > i else 0
                if skip:
                    j += skip
                    continue
                ok, lk = ok + (orths[j],), lk + (lowers[j],)
                j += 1
                hit = cased.get(ok)
                if hit is None:
                    hit = uncased.get(lk)
                if hit is not None:
                    key, label, official = rules[hit]
                    spans.append(Span(doc, i, j, label=label, kb_id=key + ("#official" if official else "")))
                if ok not in cased_prefix and lk not in uncased_prefix:
                    break
        # Longer matches win ("Pemerintah Kota Batam" over "Kota Batam"); gazetteer over model entities.
        matched = filter_spans(spans)
        taken = set()
        for s in matched:
            taken.update(range(s.start, s.end))
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted(kept + matched, key=lambda s: s.start)
        return doc


def _bracketed_short_form(orths: list[str], j: int, n: int) -> int:
    """Tokens taken by "( Kejari )" or "( Kanwil Kemenag )" at j: one to three capitalised words, else 0."""
    if orths[j] != "(":
        return 0
    for size in (1, 2, 3):
        close = j + size + 1
        if close >= n or orths[close - 1] == ")":
            return 0
        if orths[close] == ")":
            words = orths[j + 1:close]
            if all(w[:1].isupper() and w.replace("-", "").replace("/", "").isalnum() for w in words):
                return size + 2
            return 0
    return 0


def build_match_tables(nlp: Language, gazetteer: Gazetteer) -> dict:
    """Token-tuple tables for the matcher: {tokens: rule index} by ORTH and by LOWER, and their prefixes."""
    rules: list[tuple[str, str, bool]] = []
    rule_ids: dict[tuple[str, str, bool], int] = {}
    texts = list(dict.fromkeys(f.text for f in gazetteer.forms))
    tokens = {t: tuple(tok.text for tok in d) for t, d in zip(texts, nlp.tokenizer.pipe(texts, batch_size=2000),
                                                                 strict=True)}
    cased: dict[tuple[str, ...], int] = {}
    uncased: dict[tuple[str, ...], int] = {}
    for form in gazetteer.forms:
        rule = (form.key, form.label, form.official)
        idx = rule_ids.setdefault(rule, len(rules))
        if idx == len(rules):
            rules.append(rule)
        toks = tokens[form.text]
        if form.case_sensitive:
            cased.setdefault(toks, idx)
        else:
            uncased.setdefault(tuple(t.lower() for t in toks), idx)
    prefixes = lambda table: {k[:i] for k in table for i in range(1, len(k) + 1)}
    return {"rules": rules, "cased": cased, "uncased": uncased,
            "cased_prefix": prefixes(cased), "uncased_prefix": prefixes(uncased)}


@Language.factory("teken_gazetteer", default_config={"extra_csvs": []})
def make_gazetteer_matcher(nlp: Language, name: str, extra_csvs: list[str]) -> GazetteerMatcher:
    from pipeline.cache import cached

    gazetteer = default_gazetteer(tuple(extra_csvs))
    tables = cached("match-tables", extra_csvs, lambda: build_match_tables(nlp, gazetteer))
    return GazetteerMatcher(nlp, gazetteer, tables)


def build_nlp(use_model: bool = True, gazetteer_files: Sequence[str] = ()) -> Language:
    """The whole teken pipeline. Without the model (or when it is not shipped) entities come from the gazetteer."""
    nlp = None
    if use_model:
        try:
            from pipeline.ner import load_ner_model

            nlp = load_ner_model()
        except ImportError:
            nlp = None
    if nlp is None:
        nlp = spacy.blank("id")
    nlp.add_pipe("teken_sentences", first=True)
    nlp.add_pipe("teken_gazetteer", last=True, config={"extra_csvs": [str(p) for p in gazetteer_files]})
    return nlp


def model_name(nlp: Language) -> str:
    """What produced the entities, for the run manifest."""
    if "ner" in nlp.pipe_names:
        meta = nlp.meta
        return f"{meta.get('name', 'ner')}-{meta.get('version', '0')}+gazetteer"
    return "gazetteer-only"
