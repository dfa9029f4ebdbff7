"""spaCy's Indonesian tokenizer, built in a fraction of the time: `teken.IndonesianTokenizer.v1`.

spaCy's Indonesian tokenizer exceptions hold ~16,000 special cases, 15,600 of them one-token hyphenated words
("anak-anak", "masing-masing", "Sehari-hari"). `Tokenizer.add_special_case` runs the prefix, infix and suffix
regexes over each one and adds it to the special-case matcher: building the default tokenizer took ~2.5 s, most
of a run's start-up, in every process. This tokenizer gives the same tokens (texts, whitespace, character
offsets) without adding those words as special cases:

- a whitespace-delimited chunk, or what is left of it once prefixes and suffixes are split off, that is one of
  the words stays one token: the words are a `token_match` (a frozenset lookup). spaCy's `_split_affixes` stops
  at a special case exactly where it stops at a `token_match`, except when a prefix is split off just before
  the word and the word itself ends with a suffix (or the reverse); words with a prefix or suffix of their own
  (emoticons such as ":-)") are therefore kept as ordinary special cases;
- inside a chunk the infixes split ("anak-anak/remaja" -> "anak" "-" "anak" "/" "remaja"), spaCy's special-case
  matcher merges the word's pieces back into one token; `_merge_pieces` does the same after the tokenizer ran,
  with the matcher's own choice among overlapping matches (longest first, then leftmost; a match whose first
  or last token another took is dropped, and takes its tokens too), and only where the pieces are not
  separated by whitespace. Words whose pieces could overlap a match of a special case kept in spaCy's matcher
  stay special cases, so the two never compete.

Which words are left out, and their pieces, depend only on spaCy's Indonesian data: they are worked out once
(~1.5 s) and kept in teken's disk cache (pipeline/nlp/cache.py), keyed by spaCy's version.
tests/test_tokenizer.py checks the tokens equal spaCy's default tokenizer's.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy import util
from spacy.attrs import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

TOKENIZER_NAME = "teken.IndonesianTokenizer.v1"
CONFIG = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}}


class IndonesianTokenizer(Tokenizer):
    """spaCy's Tokenizer with most hyphenated one-token special cases turned into a `token_match` and a merge of
    their infix-split pieces (see the module's docstring); its tokens are the default tokenizer's."""

    def __init__(self, vocab, rules=None, prefix_search=None, suffix_search=None, infix_finditer=None,
                 token_match=None, url_match=None, pieces: dict[tuple[str, ...], str] | None = None):
        pieces = dict(pieces or {})
        words = frozenset(pieces.values())
        if token_match is None:
            match: Callable[[str], bool] | None = words.__contains__ if words else None
        else:
            default = token_match
            match = lambda s: s in words or bool(default(s))
        super().__init__(vocab, rules, prefix_search=prefix_search, suffix_search=suffix_search,
                         infix_finditer=infix_finditer, token_match=match, url_match=url_match)
        self._default_token_match = token_match
        self._pieces = pieces
        self._words = words
        self._lengths = sorted({len(p) for p in pieces})
        self._hyphen = vocab.strings.add("-")

    def __reduce__(self):
        return (self.__class__, (self.vocab, self.rules, self.prefix_search, self.suffix_search,
                                 self.infix_finditer, self._default_token_match, self.url_match, self._pieces))

    def __call__(self, string: str) -> Doc:
        return self._merge_pieces(super().__call__(string))

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)

    def _merge_pieces(self, doc: Doc) -> Doc:
        """What spaCy's special-case matcher does for the words left out: their pieces, unspaced, one token."""
        if not self._pieces or len(doc) < 3:
            return doc
        hyphens = np.flatnonzero(doc.to_array(ORTH) == self._hyphen)  # type: ignore[arg-type]
        if not hyphens.size:
            return doc
        n = len(doc)
        found = []
        for h in hyphens.tolist():
            start = h - 1  # every word's first hyphen is its second piece
            if start < 0:
                continue
            for size in self._lengths:
                if start + size > n:
                    break
                if tuple(doc[k].text for k in range(start, start + size)) in self._pieces:
                    found.append((start, start + size))
        if not found:
            return doc
        # spaCy's Tokenizer._filter_special_spans: longest first, then leftmost; a match whose first or last
        # token is taken is dropped, and every match considered takes its tokens.
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        seen: set[int] = set()
        kept = []
        for start, end in found:
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        # A rule applies only where the matched text is the word (no whitespace between the pieces).
        merges = [doc[start:end] for start, end in sorted(kept) if doc[start:end].text in self._words]
        if merges:
            with doc.retokenize() as retokenizer:
                for span in merges:
                    retokenizer.merge(span)
            if merges[0].start == 0:
                doc[0].is_sent_start = None  # the retokenizer marks a merged first token; the tokenizer does not
        return doc


def _regexes(defaults) -> dict:
    prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
    return {
        "prefix_search": util.compile_prefix_regex(prefixes).search if prefixes else None,
        "suffix_search": util.compile_suffix_regex(suffixes).search if suffixes else None,
        "infix_finditer": util.compile_infix_regex(infixes).finditer if infixes else None,
        "token_match": defaults.token_match,
        "url_match": defaults.url_match,
    }


def split_exceptions(defaults) -> dict[tuple[str, ...], str]:
    """The one-token hyphenated special cases the teken tokenizer leaves out, as {their pieces: word}.

    A word stays a special case when it has a prefix or suffix of its own, when the infixes do not split it
    into pieces whose second one is "-", or when its pieces could overlap (share a token with) the pieces of a
    special case that stays in spaCy's matcher."""
    regexes = _regexes(defaults)
    bare = Tokenizer(Vocab(), {}, **regexes)  # no special cases: the pieces spaCy's matcher is given
    exceptions = defaults.tokenizer_exceptions
    pieces: dict[str, tuple[str, ...]] = {}
    for word, substrings in exceptions.items():
        if (len(substrings) == 1 and set(substrings[0]) == {ORTH} and "-" in word and not any(c.isspace() for c in word)
                and not bare.find_prefix(word) and not bare.find_suffix(word)):
            tokens = tuple(t.text for t in bare(word))
            if len(tokens) >= 3 and tokens[1] == "-" and "".join(tokens) == word:
                pieces[word] = tokens
    while True:
        kept = [w for w in exceptions if w not in pieces]
        # The special cases spaCy's matcher holds (Tokenizer.add_special_case with faster_heuristics), as pieces.
        matched = {w: tuple(t.text for t in bare(w)) for w in kept
                   if bare.find_prefix(w) or bare.find_infix(w) or bare.find_suffix(w) or " " in w}
        heads = {m[:k] for m in matched.values() for k in range(1, len(m) + 1)}
        tails = {m[-k:] for m in matched.values() for k in range(1, len(m) + 1)}
        inner = {m[i:j] for m in matched.values() for i in range(len(m)) for j in range(i + 1, len(m) + 1)}
        whole = set(matched.values())
        # A piece spelling such a special case whole could meet it after spaCy's matcher merged it.
        texts = {w for w, m in matched.items() if len(m) > 1}

        def overlaps(p: tuple[str, ...], inner=inner, whole=whole, texts=texts, heads=heads, tails=tails) -> bool:
            subs = {p[i:j] for i in range(len(p)) for j in range(i + 1, len(p) + 1)}
            return bool(p in inner or subs & whole or texts.intersection(p)
                        or any(p[-k:] in heads or p[:k] in tails for k in range(1, len(p) + 1)))

        risky = [w for w, p in pieces.items() if overlaps(p)]
        if not risky:
            break
        for w in risky:
            del pieces[w]
    return {p: w for w, p in pieces.items()}


def _cached_split(defaults) -> dict[tuple[str, ...], str]:
    from teken.pipeline.nlp.cache import cached

    if defaults.__module__ != "spacy.lang.id":  # only spaCy's own Indonesian data is cached by spaCy's version
        return split_exceptions(defaults)
    # The key also hashes this file: a change to how the words are chosen chooses them again.
    return cached("id-tokenizer-split", [__file__], lambda: split_exceptions(defaults))


@registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer() -> Callable:
    """spaCy's Indonesian tokenizer (spacy.Tokenizer.v1 with the language's defaults), built without most
    one-token hyphenated special cases: the same tokens, a tenth of the start-up."""

    def make(nlp) -> Tokenizer:
        defaults = nlp.Defaults
        pieces = _cached_split(defaults)
        words = set(pieces.values())
        rules = {k: v for k, v in defaults.tokenizer_exceptions.items() if k not in words}
        return IndonesianTokenizer(nlp.vocab, rules, pieces=pieces, **_regexes(defaults))

    return make
