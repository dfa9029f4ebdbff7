"""A headline some sites print in capitals ("TANGANI LAPORAN MASYARAKAT, OMBUDSMAN DAN KEJATI BANTEN TEKEN
KERJASAMA") makes every word look like a short form: the NER model may take "MASYARAKAT" for an organisation, and
listed beside "OMBUDSMAN" it would become a party (extractors/parties.py, _listed_model_orgs). In such a line no
word the gazetteer does not know is evidence of a name; the same word in a sentence written normally still is."""

from __future__ import annotations

import teken
from teken.extractors.parties import collect_mentions
from teken.pipeline.nlp.components import GazetteerMatcher


def _names_with_model_org(text: str, org: str) -> list[str]:
    pipe = teken.nlp(False, ())
    gaz = next(p for _, p in pipe.pipeline if isinstance(p, GazetteerMatcher)).gazetteer
    doc = pipe(text)
    start = text.index(org)
    span = doc.char_span(start, start + len(org), label="ORG")
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    return [m.institution.name for m in collect_mentions(doc, gaz, text)]


def test_a_word_of_a_headline_in_capitals_is_no_party() -> None:
    text = ("TANGANI LAPORAN MASYARAKAT, OMBUDSMAN DAN KEJATI NTT TEKEN KERJASAMA\n"
            "KUPANG - Ombudsman Perwakilan NTT dan Kejati NTT meneken perjanjian kerja sama, Kamis (8/4/2021).")
    assert "MASYARAKAT" not in _names_with_model_org(text, "MASYARAKAT")


def test_a_name_listed_in_a_sentence_written_normally_still_is() -> None:
    text = "KUPANG - Ombudsman Perwakilan NTT, Sinar Kasih dan Kejati NTT meneken perjanjian kerja sama."
    assert "Sinar Kasih" in _names_with_model_org(text, "Sinar Kasih")
