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

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.gazetteer import Gazetteer, default_gazetteer

# Tokens after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "kab", "kep", "kec", "kel", "prov", "pj", "plt", "plh", "dr", "drs", "dra", "ir", "prof", "h", "hj", "no",
    "jl", "jln", "st", "tbk", "ds", "drg", "sdr", "bpk", "yth", "dkk", "dll", "dsb", "rp", "kh", "kol", "brigjen",
    "irjen", "kompol", "akbp", "ajun", "mayjen", "letjen", "jend", "kapt", "serka", "ny", "tn", "sh", "se",
    "mh", "msi", "mm", "mpd", "spd", "ak", "ssos", "ssi", "ip", "ipu", "mt", "st", "skm", "kom", "adm", "gg",
    "ps", "pt", "cv", "ud", "bpjs", "rt", "rw", "des", "nov", "okt", "sep", "agu", "agt", "jan", "feb", "mar",
    "apr", "jun", "jul", "wib", "wita", "wit", "dpt", "a.n", "u.p", "tgl", "hlm", "nomor", "vol",
}


@Language.component("teken_sentences")
def teken_sentences(doc: Doc) -> Doc:
    """Split at . ! ? and at blank lines; not after abbreviations, initials ("Dadan S.") or inside numbers."""
    n = len(doc)
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        prev = doc[i - 1]
        start = False
        if "\n\n" in prev.text or "\n\n" in prev.whitespace_ or (
                "\n" in prev.whitespace_ + prev.text and _line_starts_sentence(prev, token)):
            start = True
        elif prev.text in {".", "!", "?", "…"} or prev.text.endswith(("!", "?")):
            before = doc[i - 2] if i >= 2 else None
            abbreviation = before is not None and not before.whitespace_ and (
                before.lower_ in ABBREVIATIONS or (len(before.text) == 1 and before.text.isupper()))
            continuation = token.text[:1].islower() or token.is_digit or token.text in {",", ";", ":", ")"}
            start = not abbreviation and not continuation
        elif prev.text in {'"', "”", "’", ")"} and i >= 2 and doc[i - 2].text in {".", "!", "?"}:
            start = not token.text[:1].islower()
        if token.text in {'"', "”", ")", "’"} and prev.text in {".", "!", "?"}:
            start = False
        if token.is_space and i + 1 < n:
            start = False
        token.is_sent_start = start
    return doc


def _line_starts_sentence(prev, token) -> bool:
    """A single line break ends a sentence unless the line runs on ("merupakan\nkelanjutan")."""
    if prev.text in {"(", "“", '"'}:
        return False
    if token.text[:1].islower() and prev.text[-1:].isalnum():
        return False
    return True


class GazetteerMatcher:
    """Entities for every gazetteer surface form, with the institution's key as the span's kb_id_."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.uncased = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_rule: dict[tuple[bool, str, str, bool], list[str]] = {}
        for form in gazetteer.forms:
            by_rule.setdefault((form.case_sensitive, form.key, form.label, form.official), []).append(form.text)
        self.rules: list[tuple[str, str, bool]] = []
        make = nlp.make_doc
        for (cased, key, label, official), texts in by_rule.items():
            rule_id = f"r{len(self.rules)}"
            self.rules.append((key, label, official))
            docs = [make(t) for t in dict.fromkeys(texts)]
            (self.cased if cased else self.uncased).add(rule_id, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        strings = doc.vocab.strings
        for matcher in (self.uncased, self.cased):
            for match_id, start, end in matcher(doc):
                key, label, official = self.rules[int(strings[match_id][1:])]
                spans.append(Span(doc, start, end, label=label, kb_id=key + ("#official" if official else "")))
        # Longer matches win ("Pemerintah Kota Batam" over "Kota Batam"); gazetteer over model entities.
        matched = filter_spans(spans)
        taken = set()
        for s in matched:
            taken.update(range(s.start, s.end))
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted(kept + matched, key=lambda s: s.start)
        return doc


@Language.factory("teken_gazetteer", default_config={"extra_csvs": []})
def make_gazetteer_matcher(nlp: Language, name: str, extra_csvs: list[str]) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, default_gazetteer(tuple(extra_csvs)))


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
