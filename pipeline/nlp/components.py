"""The teken spaCy pipeline for Indonesian news: tokens, sentences, NER model entities and gazetteer entities.

Components, in order:
- `teken_sentences`: sentence boundaries that know Indonesian abbreviations ("Kab.", "Pj.", "Dr.") and
  paragraph breaks, which spaCy's plain sentencizer splits wrongly;
- `teken_model_focus`: the Indonesian NER model teken trains and ships (pipeline/nlp/models/ner_id), when present,
  run only on the sentences near a signing cue (teken.extractors.agreements.SIGNING_CUE): the extractors read
  entities only around a signing, and the model is most of the pipeline's time, so a page about anything
  else costs a tokenizer pass. The model's own `tok2vec` and `ner` stay in the pipeline, disabled;
- `teken_gazetteer`: phrase matches of Kemendagri regions and institutions; each match carries the key of
  the institution it names in `span.kb_id_`, and wins over an overlapping model entity.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import spacy
from spacy.attrs import SENT_START
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from teken.corpus.clean import (  # the cleaner joins such lines; a Doc made without it reads them so
    DATELINE_OPENING,
    RUN_ON_WORDS,
)
from teken.gazetteer import Gazetteer, default_gazetteer
from teken.pipeline.nlp.shipped import shipped_model_name  # noqa: F401  (its home before; callers import it here)

# Tokens after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "kab", "kep", "kec", "kel", "prov", "pj", "plt", "plh", "dr", "drs", "dra", "ir", "prof", "h", "hj", "no",
    "jl", "jln", "st", "tbk", "ds", "drg", "sdr", "bpk", "yth", "dkk", "dll", "dsb", "rp", "kh", "kol", "brigjen",
    "irjen", "kompol", "akbp", "ajun", "mayjen", "letjen", "jend", "kapt", "serka", "ny", "tn", "sh", "se",
    "mh", "msi", "mm", "mpd", "spd", "ak", "ssos", "ssi", "ip", "ipu", "mt", "skm", "kom", "adm", "gg",
    "ps", "pt", "cv", "ud", "bpjs", "rt", "rw", "des", "nov", "okt", "sep", "agu", "agt", "jan", "feb", "mar",
    "apr", "jun", "jul", "dpt", "a.n", "u.p", "tgl", "hlm", "nomor", "vol",
    "pemprov", "pemkab", "pemkot",
    # Address words: "Jalan Mr. Mohd. Hasan", "Jl. Sulthan Iskandar Muda Gp. Blang Oi" (Gampong), "Lt. 3", "Kav. 12".
    "mr", "gp", "lt", "kav",
    # Abbreviated first names ("Walikota Makassar Moh. Ramdhan Pomanto", "Muh. Ilham", "Abd. Rahman") and the
    # doctorate after a name ("Ir. Jarot, M.Sc., Ph.D. dengan ...").
    "moh", "mohd", "muh", "moch", "mochd", "muhd", "mhd", "abd", "ach", "achm", "ph",
    # An officer's corps after the rank ("Letkol Inf. Syarifudin Azis", "Kolonel Czi. Andi", "Kombes Pol. Budi").
    "inf", "czi", "arh", "arm", "cpm", "cku", "chb", "ckm", "pnb", "pom", "pol", "sus", "tek", "psk",
    # A profession's title before a name: a nurse ("Ns. Sri Mulyani"), a pharmacist ("apt."), a midwife ("Bd."), a
    # veterinarian ("drh."), a pastor ("Pdt.").
    "ns", "apt", "bd", "drh", "pdt",
    # a medical specialist's title before the field ("Sp. PD", "Sp. OG")
    "sp",
    # A cleric's or religious' title: a bishop ("Mgr. Fransiskus"), a priest ("Rm.", and "Pr." after his name), a
    # sister ("Sr."), a brother ("Fr."), an Islamic teacher ("Ust."), an Acehnese scholar ("Tgk.").
    "mgr", "rm", "pr", "sr", "fr", "ust", "tgk",
}


# An academic degree written after a name, kept as one token ("M.Pd.", "S.H.", "Ph.D.", "M.Si.").
_DEGREE = re.compile(r"(?:[A-Z][a-z]{0,3}\.){2,4}")
# Words that open a sentence after a name's degree: an office holder's title or a sentence's usual first word.
_OPENS_AFTER_DEGREE = {
    "Kepala", "Ketua", "Rektor", "Direktur", "Dekan", "Bupati", "Wali", "Walikota", "Gubernur", "Wakil", "Sekretaris",
    "Camat", "Kapolres", "Kapolda", "Kajari", "Kajati", "Menteri", "Plt", "Pj", "Sekda", "Ia", "Dia", "Mereka", "Kami",
    "Hal", "Dalam", "Selain", "Acara", "Kegiatan", "Penandatanganan", "Sementara", "Menurut", "Adapun", "Turut", "Hadir",
    "Usai", "Setelah", "Sebelumnya", "Kerja", "Nota", "Melalui", "Dengan", "Pada", "Sedangkan", "Kemudian",
    # the head of a body that acts next ("... Bupati X Drs. Y, M.T. Yayasan Z yang mengelola ... ikut menyaksikan")
    "Yayasan", "Pemerintah", "Pemkab", "Pemkot", "Pemprov", "Dinas", "Badan", "Kantor", "Para", "Pihak", "Keduanya"}
# The same degrees written without inner stops ("Drs. Suyanto Hadi, MPd. Wali Kota Blitar hadir ..."): the stop
# after one ends a sentence where a title or a usual first word follows, as after "M.Pd.".
_DEGREES_AFTER_NAME = {"sh", "se", "mh", "msi", "mm", "mpd", "spd", "ssos", "ssi", "mt", "skm", "ipu", "ak"}
_ENDS = {".", "!", "?", "…"}
_DEGREE_PART = re.compile(r"[A-Z][A-Za-z]{0,3}")
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
                texts[i - 2].lower() in ABBREVIATIONS or (len(texts[i - 2]) == 1 and texts[i - 2].isupper())) \
                and not (texts[i - 2].lower() in _DEGREES_AFTER_NAME and text in _OPENS_AFTER_DEGREE)
            continuation = text[:1].islower() or text.isdigit() or text in _CONTINUERS
            start = not abbreviation and not continuation and not (
                prev == "." and not spaces[i - 1] and _in_document_number(texts, spaces, i - 1)) \
                and not (prev == "." and _enumerator(texts, spaces, i - 1)) \
                and not (prev == "." and not spaces[i - 1] and i + 1 < n and texts[i + 1] in (".", "(")
                         and _DEGREE_PART.fullmatch(text) is not None)  # "M.Ec.Dev.", "Sp.OG(K)": a degree's parts
        elif prev in _CLOSERS and i >= 2 and texts[i - 2] in _STOPS:
            start = not text[:1].islower()
        elif prev_ws and _DEGREE.fullmatch(prev) and text in _OPENS_AFTER_DEGREE:
            # "... Rektor Undiksha, Prof. Dr. I Gede Astawa Putra, M.Pd. Kepala Balai Bahasa ... mendampingi": an
            # academic degree closes a name, and a title or a sentence's usual first word after it opens the next.
            start = True
        if text in _CLOSERS and prev in _STOPS:
            start = False
        if text.isspace() and i + 1 < n:
            start = False
        starts[i] = 1 if start else -1
    doc.from_array([SENT_START], np.asarray(starts, dtype="int64").astype("uint64"))  # type: ignore[arg-type]
    return doc


def _enumerator(texts: list[str], spaces: list[str], i: int) -> bool:
    """Whether the full stop at token i closes a list item's number or letter at the start of a line ("\n1. PKS
    antara A dan B ...", "\nb. MoU dengan C"): the item goes on after it."""
    if i < 1 or spaces[i - 1] or not (texts[i - 1].isdigit() and len(texts[i - 1]) <= 2
                                      or len(texts[i - 1]) == 1 and texts[i - 1].isalpha()):
        return False
    j = i - 2
    return j < 0 or "\n" in spaces[j] or "\n" in texts[j]


def _in_document_number(texts: list[str], spaces: list[str], i: int) -> bool:
    """Whether the unspaced full stop at token i sits inside a document number with slashes
    ("Nomor: 0245/KHPP/Dulkangidah.VI/ALIP.1955.2022"): a sentence's stop is followed by a space."""
    lo = i
    while lo > 0 and not spaces[lo - 1] and i - lo < 8:
        lo -= 1
    hi = i
    while hi + 1 < len(texts) and not spaces[hi] and hi - i < 8:
        hi += 1
    return any("/" in texts[j] for j in range(lo, hi + 1))


def _line_starts_sentence(prev, token) -> bool:
    """A single line break ends a sentence unless the line runs on ("merupakan\nkelanjutan")."""
    word = prev.doc[prev.i - 1] if prev.is_space and prev.i > 0 else prev
    if word.text in {"(", "“", '"'}:
        return False
    if token.text[:1].islower() and word.text[-1:].isalnum():
        return False
    if token.text == "(" and word.text[-1:].isalnum():
        return False  # "Senin\n(17/3/2025)": the day's date in brackets, wrapped onto the next line
    # a line that ends on a word that cannot end a clause runs on, whatever opens the next ("antara Dinas X
    # dengan\nRSUD Y berlangsung ...")
    if word.text.lower() in RUN_ON_WORDS or word.text == ",":
        # (but a dateline opens its paragraph: "... ke Seluruh Kecamatan\nUNGARAN – Dinas X ...")
        # (read off the line's first tokens: the Doc's whole text is rebuilt on every access)
        return DATELINE_OPENING.match(token.doc[token.i:token.i + 16].text) is not None
    return True




class GazetteerMatcher:
    """Entities for every gazetteer surface form, with the institution's key as the span's kb_id_.

    Forms are tokenised once with the pipeline's own tokenizer and kept as token tuples (cased ones by
    ORTH, the rest by LOWER) in dictionaries with a prefix set, so a Doc is matched in one pass; spaCy's
    PhraseMatcher gives the same matches but takes seconds to build for ~200k forms. The tables are
    cached on disk next to the gazetteer (pipeline/nlp/cache.py).
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer, tables: dict | None = None):
        self.gazetteer = gazetteer
        self.tables = tables if tables is not None else build_match_tables(nlp, gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        orths = [t.text for t in doc]
        lowers = [t.lower_ for t in doc]
        spans = self._walk(doc, orths, lowers, range(len(doc)))
        # A name misspelt by one letter ("Kementrian", "Kemenkumhan", "Universita Bengkulu"): the word the forms
        # know is put in its place and the names through it are matched again, by their lowercase forms only.
        spelled = _respelled(lowers, orths, self.tables.get("spelling"))
        if spelled:
            fixed = [spelled.get(i, w) for i, w in enumerate(lowers)]
            # A capitalised word keeps its capital ("Kemenkumhan" -> "Kemenkumham", a cased form).
            fixed_orths = [spelled[i].capitalize() if i in spelled and o[1:].islower() else o
                           for i, o in enumerate(orths)]
            starts = sorted({s for i in spelled for s in range(max(0, i - 12), i + 1)})  # a long name ends in it
            for span in self._walk(doc, fixed_orths, fixed, starts):
                # One word the forms know exactly beside the respelled one: a lone near-miss is too often
                # another word (a person's or a place's name) to be read as the institution.
                if len(span) >= 2 and any(span.start <= i < span.end for i in spelled):
                    spans.append(span)
        # Longer matches win ("Pemerintah Kota Batam" over "Kota Batam"); gazetteer over model entities.
        matched = filter_spans(spans)
        taken: set[int] = set()
        for s in matched:
            taken.update(range(s.start, s.end))
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted(kept + matched, key=lambda s: s.start)
        return doc

    def _walk(self, doc: Doc, orths: list[str], lowers: list[str], starts) -> list[Span]:
        """Every form that starts at one of `starts`, by ORTH (cased forms) and by LOWER (the rest)."""
        cased, uncased = self.tables["cased"], self.tables["uncased"]
        # A token tuple some form starts with: a form itself, or one of the prefixes that are no form.
        cased_prefix, uncased_prefix = self.tables["cased_prefix"], self.tables["uncased_prefix"]
        rules = self.tables["rules"]
        n = len(orths)
        spans = []
        for i in starts:
            first, first_lower = (orths[i],), (lowers[i],)
            if first not in cased and first not in cased_prefix and first_lower not in uncased \
                    and first_lower not in uncased_prefix:
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
                # "PT Taman Wisata Candi Borobudur, Prambanan, dan Ratu Boko": a comma before the last item of a
                # list inside a name, where the form has none, is read past.
                if j > i and orths[j] == "," and j + 1 < n and lowers[j + 1] in ("dan", "serta") \
                        and not _extends(ok + (",",), lk + (",",), cased, cased_prefix, uncased, uncased_prefix) \
                        and _extends(ok + (orths[j + 1],), lk + (lowers[j + 1],), cased, cased_prefix, uncased,
                                     uncased_prefix):
                    j += 1
                    continue
                ok, lk = ok + (orths[j],), lk + (lowers[j],)
                j += 1
                hit = cased.get(ok)
                if hit is None:
                    hit = uncased.get(lk)
                if hit is not None:
                    key, label, official = rules[hit]
                    spans.append(Span(doc, i, j, label=label, kb_id=key + ("#official" if official else "")))
                if ok not in cased and ok not in cased_prefix and lk not in uncased and lk not in uncased_prefix:
                    break
        return spans


def _extends(ok: tuple[str, ...], lk: tuple[str, ...], cased, cased_prefix, uncased, uncased_prefix) -> bool:
    """Whether some form is or starts with these tokens (cased by ORTH, the rest by LOWER)."""
    return ok in cased or ok in cased_prefix or lk in uncased or lk in uncased_prefix


# Words of at least this many letters are respelled; shorter ones are one letter from too many others.
SPELLING_MIN = 6


def spelling_table(uncased: dict[tuple[str, ...], int]) -> dict:
    """The words of SPELLING_MIN letters or more in the lowercase forms, with how many forms hold each, and
    the symmetric-deletion index: each word and each string one letter shorter, mapped to the words it comes
    from (two strings one edit apart share a key)."""
    freq = Counter(w for form in uncased for w in form if len(w) >= SPELLING_MIN and w.isalpha())
    index: dict[str, set[str]] = {}
    for w in freq:
        index.setdefault(w, set()).add(w)
        for k in range(len(w)):
            index.setdefault(w[:k] + w[k + 1:], set()).add(w)
    return {"freq": dict(freq), "index": {k: tuple(sorted(v)) for k, v in index.items()}}


def _one_edit(a: str, b: str) -> bool:
    """Whether b is a with one letter left out, added, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[k:] == b[k + 1:]
    return a[k + 1:] == b[k + 1:] or (a[k + 2:] == b[k + 2:] and a[k:k + 2] == b[k:k + 2][::-1])


def _respelled(lowers: list[str], orths: list[str], spelling: dict | None) -> dict[int, str]:
    """The capitalised words no form holds that are one edit from one word the forms hold (or from several,
    of which one is in three times as many forms as any other: "universita" is "universitas", not
    "university")."""
    if not spelling:
        return {}
    index, freq = spelling["index"], spelling["freq"]
    out: dict[int, str] = {}
    for i, w in enumerate(lowers):
        if len(w) < SPELLING_MIN or w in freq or not orths[i][:1].isupper() or not w.isalpha() or w in STOP_WORDS:
            continue  # a stop word is capitalised at a sentence's start, not misspelt ("Jangan" is no "pangan")
        near = set(index.get(w, ()))  # a letter left out: "universita"
        for k in range(len(w)):
            near.update(index.get(w[:k] + w[k + 1:], ()))  # a letter too many, or another letter
        ranked = sorted((c for c in near if _one_edit(w, c)), key=lambda c: -freq[c])
        if ranked and (len(ranked) == 1 or freq[ranked[0]] >= 3 * freq[ranked[1]]):
            out[i] = ranked[0]
    return out


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
    """Token-tuple tables for the matcher: {tokens: rule index} by ORTH and by LOWER, and the prefixes of their
    keys that are no key themselves."""
    rules: list[tuple[str, str, bool]] = []
    rule_ids: dict[tuple[str, str, bool], int] = {}
    texts = list(dict.fromkeys(f.text for f in gazetteer.forms))
    tokens = {t: tuple(tok.text for tok in d) for t, d in zip(texts, nlp.tokenizer.pipe(texts, batch_size=2000),  # type: ignore[union-attr]
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
    # Only the prefixes that are no form themselves (a form is looked up in its table): half the entries, so
    # half the time to load the cached tables in every process.
    prefixes = lambda table: {k[:i] for k in table for i in range(1, len(k))} - table.keys()
    return {"rules": rules, "cased": cased, "uncased": uncased,
            "cased_prefix": prefixes(cased), "uncased_prefix": prefixes(uncased), "spelling": spelling_table(uncased)}


@Language.factory("teken_gazetteer", default_config={"extra_csvs": []})
def make_gazetteer_matcher(nlp: Language, name: str, extra_csvs: list[str]) -> GazetteerMatcher:
    from teken.pipeline.nlp.cache import cached

    gazetteer = default_gazetteer(tuple(extra_csvs))
    # "-v2": the prefix sets no longer hold the forms (build_match_tables); "-v3": the spelling index. An older
    # cache file is not read.
    tables = cached("match-tables-v3", extra_csvs, lambda: build_match_tables(nlp, gazetteer))
    return GazetteerMatcher(nlp, gazetteer, tables)


# Sentences either side of a cue sentence that the model also reads: a signer list runs on into the next
# sentence and the officials who sign are often named in the one after ("... ditandatangani oleh ...").
FOCUS_WINDOW = 1


class ModelFocus:
    """The NER model (tok2vec + ner), run on the blocks of sentences within FOCUS_WINDOW of a signing cue.

    Every extractor starts from a trigger sentence (extractors/agreements.find_triggers) and reads entities
    in it and in the sentences around it, so entities elsewhere change no event; on news at large, where most
    pages report no signing, the model then reads a tenth of the text (`teken bench` prints the figure).
    A block is a run of whole sentences, so the model sees the same context it would in the whole Doc.
    """

    def __init__(self, nlp: Language, window: int = FOCUS_WINDOW):
        self.tok2vec = nlp.get_pipe("tok2vec")
        self.ner = nlp.get_pipe("ner")
        self.window = window

    def blocks(self, doc: Doc) -> list[Span]:
        from teken.extractors.agreements import SIGNING_CUE

        sents = list(doc.sents)
        starts = [s.start_char for s in sents]
        cue = {bisect_right(starts, m.start()) - 1 for m in SIGNING_CUE.finditer(doc.text)}
        keep = sorted({j for i in cue for j in range(max(0, i - self.window), min(len(sents), i + self.window + 1))})
        out: list[Span] = []
        # Runs of consecutive kept sentences, each one block.
        first = prev = -1
        for j in [*keep, -1]:
            if first >= 0 and (j < 0 or j != prev + 1):
                out.append(doc[sents[first].start:sents[prev].end])
                first = -1
            if j >= 0:
                first = j if first < 0 else first
                prev = j
        return out

    def __call__(self, doc: Doc) -> Doc:
        blocks = self.blocks(doc)
        subs = list(self.ner.pipe(self.tok2vec.pipe(b.as_doc() for b in blocks)))  # type: ignore[attr-defined]
        doc.ents = [Span(doc, block.start + e.start, block.start + e.end, label=e.label)
                    for block, sub in zip(blocks, subs, strict=True) for e in sub.ents]
        return doc


@Language.factory("teken_model_focus", default_config={"window": FOCUS_WINDOW})
def make_model_focus(nlp: Language, name: str, window: int) -> ModelFocus:
    return ModelFocus(nlp, window)


def build_nlp(use_model: bool = True, gazetteer_files: Sequence[str] = (), focus: bool = True) -> Language:
    """The whole teken pipeline. Without the model (or when it is not shipped) entities come from the gazetteer.

    `focus=False` runs the model on the whole text, as `teken_model_focus` would with an unbounded window
    (tests/test_model_focus.py compares the two).
    """
    nlp = None
    if use_model:
        try:
            from teken.pipeline.nlp.ner import load_ner_model

            nlp = load_ner_model()
        except ImportError:
            nlp = None
    if nlp is None:
        from teken.pipeline.nlp.tokenizer import CONFIG as TOKENIZER_CONFIG

        nlp = spacy.blank("id", config=TOKENIZER_CONFIG)  # spaCy's Indonesian tokens, built in a tenth of the time
    nlp.add_pipe("teken_sentences", first=True)
    if focus and "ner" in nlp.pipe_names:
        nlp.add_pipe("teken_model_focus", after="teken_sentences")
        nlp.disable_pipe("tok2vec")
        nlp.disable_pipe("ner")
    nlp.add_pipe("teken_gazetteer", last=True, config={"extra_csvs": [str(p) for p in gazetteer_files]})
    return nlp


_SHARED: dict[tuple, Language] = {}


def shared_nlp(use_model: bool = True, gazetteer_files: Sequence[str] = ()) -> Language:
    """The pipeline, built once per process for a setting and reused by every caller (the API, `teken run`,
    `teken eval`): building it takes seconds and its tables take hundreds of MB. A gazetteer file edited
    on disk (another modification time or size) gives a new pipeline; the last four settings are kept."""
    files = []
    for f in gazetteer_files:
        st = Path(f).stat()
        files.append((str(Path(f).resolve()), st.st_mtime_ns, st.st_size))
    key = (use_model, tuple(files))
    if key not in _SHARED:
        if len(_SHARED) >= 4:
            del _SHARED[next(iter(_SHARED))]
        _SHARED[key] = build_nlp(use_model, gazetteer_files)
    return _SHARED[key]


def model_name(nlp: Language) -> str:
    """What produced the entities, for the run manifest."""
    if "ner" in nlp.component_names:
        meta = nlp.meta
        return f"{meta.get('name', 'ner')}-{meta.get('version', '0')}+gazetteer"
    return "gazetteer-only"
