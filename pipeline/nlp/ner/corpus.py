"""Read the NERGrit and NERP tab-separated BIO files onto teken's labels (PER, ORG, LOC) and write DocBin corpora.

The corpora stay outside the repository (`../shared/data/ner`); this module only converts them into a work
folder for `spacy` training and turns them into gold `Doc` objects for evaluation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")

# One label set for both corpora (see shared/data/ner/README.md).
LABEL_MAP: dict[str, str] = {
    "PERSON": "PER",
    "PPL": "PER",
    "PLACE": "LOC",
    "PLC": "LOC",
    "ORGANISATION": "ORG",
}

# NERP's IND mixes companies with products, brands and TV series. "missing" leaves those tokens unannotated
# (the model is neither rewarded nor punished there), "org" calls them ORG, "outside" calls them O.
IndPolicy = Literal["missing", "org", "outside"]
IND_POLICIES: tuple[str, ...] = ("missing", "org", "outside")

# Tokens that attach to the previous word in running text; used only to give converted docs a readable text.
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}%'\"")
_NO_SPACE_AFTER = frozenset("([{$")


@dataclass
class BioSentence:
    """One sentence of a BIO file: its tokens and the raw tag of each."""

    words: list[str]
    tags: list[str]


def read_bio_lines(lines: Iterable[str]) -> Iterator[BioSentence]:
    """Yield sentences from `token<TAB>tag` lines, where a blank line ends a sentence."""
    words: list[str] = []
    tags: list[str] = []
    for line_no, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if words:
                yield BioSentence(words, tags)
                words, tags = [], []
            continue
        word, sep, tag = line.rpartition("\t")
        if not sep or not word:
            raise ValueError(f"line {line_no}: expected 'token<TAB>tag', got {line!r}")
        words.append(word)
        tags.append(tag.strip() or "O")
    if words:
        yield BioSentence(words, tags)


def read_bio_file(path: Path, limit: int | None = None) -> list[BioSentence]:
    """Read a BIO .tsv file; `limit` keeps only its first N sentences."""
    out: list[BioSentence] = []
    with Path(path).open(encoding="utf-8") as fh:
        for sent in read_bio_lines(fh):
            if limit is not None and len(out) >= limit:
                break
            out.append(sent)
    return out


def map_tags(tags: list[str], ind_policy: IndPolicy = "missing", keep: Iterable[str] = LABELS) -> list[str | None]:
    """Map raw BIO tags onto teken's labels; None marks a token whose annotation is unknown.

    Tags whose label is neither mapped nor IND (NERP's EVT and FNB) become O: an event or a dish is not a
    person, organisation or place, so the model may learn that they are outside.
    """
    keep = set(keep)
    out: list[str | None] = []
    prev: str | None = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            mapped: str | None = "O"
        else:
            prefix, _, raw_label = tag.partition("-")
            if raw_label == "IND":
                label = {"missing": None, "org": "ORG", "outside": "O"}[ind_policy]
            else:
                label = LABEL_MAP.get(raw_label, "O")
            if label is None:
                mapped = None
            elif label == "O" or label not in keep:
                mapped = "O"
            elif prefix == "I" and prev in (f"B-{label}", f"I-{label}"):
                mapped = f"I-{label}"
            else:
                # An I- tag that follows a different label starts a new entity (repairs broken BIO).
                mapped = f"B-{label}"
        out.append(mapped)
        prev = mapped
    return out


def _spaces(words: list[str]) -> list[bool]:
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in _NO_SPACE_BEFORE and word not in _NO_SPACE_AFTER)
    return spaces


def sentence_to_doc(vocab: Vocab, sent: BioSentence, ind_policy: IndPolicy = "missing",
                    keep: Iterable[str] = LABELS, with_ents: bool = True) -> Doc:
    """Build a gold `Doc` on the file's own tokens, with entities mapped to teken's labels."""
    # Doc's `ents` argument reads None as "annotation missing" for that token.
    tags = map_tags(sent.tags, ind_policy, keep) if with_ents else None
    return Doc(vocab, words=sent.words, spaces=_spaces(sent.words), ents=tags)  # type: ignore[arg-type]


def gold_spans(sent: BioSentence, ind_policy: IndPolicy = "outside",
               keep: Iterable[str] = LABELS) -> set[tuple[str, int, int]]:
    """Return the gold entities of a sentence as (label, start token, end token) after label mapping."""
    spans: set[tuple[str, int, int]] = set()
    start, label = -1, ""
    tags = [t or "O" for t in map_tags(sent.tags, ind_policy, keep)] + ["O"]
    for i, tag in enumerate(tags):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            spans.add((label, start, i))
            start = -1
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return spans


# Words that Indonesian news always capitalises; used when re-casing lowercased NERP sentences.
_ALWAYS_CAPITALISED = frozenset((
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari", "maret", "april",
    "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember", "allah", "tuhan",
))
# Titles that news capitalises right before a name ("Gubernur Ridwan Kamil").
_TITLES = frozenset((
    "presiden", "wakil", "menteri", "gubernur", "bupati", "wali", "walikota", "ketua", "direktur", "kepala",
    "kapolri", "kapolda", "kapolres", "jenderal", "irjen", "brigjen", "kombes", "akbp", "letjen", "mayjen",
    "pangdam", "dandim", "camat", "lurah", "rektor", "dekan", "prof", "dr", "ir", "haji", "hj", "h", "pak",
    "bu", "ibu", "bapak", "mbak", "mas", "kang",
))
# Place acronyms written in capitals; other short place words ("new" in "new york") are not acronyms.
_PLACE_ACRONYMS = frozenset(("ri", "dki", "as", "ntt", "ntb", "diy", "uea", "nkri"))


def recase_sentence(sent: BioSentence) -> BioSentence:
    """Restore the capitals that news would show in a lowercased NERP sentence, guided by its tags.

    Entity tokens (PPL, PLC, IND, EVT) get a capital, short alphabetic tokens inside them become acronyms
    ("pt" -> "PT"), and so do the sentence start, days, months and a title right before a person. Names that
    NERP left untagged stay lowercase: this is an approximation, measured in the model card.
    """
    words = list(sent.words)
    for i, (word, tag) in enumerate(zip(sent.words, sent.tags, strict=True)):
        label = tag.partition("-")[2]
        start_of_sentence = i == 0 or sent.words[i - 1] in {".", "!", "?"}
        next_is_person = i + 1 < len(sent.tags) and sent.tags[i + 1] == "B-PPL"
        if label in {"PPL", "PLC", "IND", "EVT"}:
            if (label == "IND" and word.isalpha() and len(word) <= 3 and word not in {"the", "of", "new"}) or (
                label == "PLC" and word in _PLACE_ACRONYMS
            ):
                words[i] = word.upper()
            elif word not in {"of", "the", "dan", "di", "de", "van", "bin", "binti"} or tag.startswith("B-"):
                words[i] = word[:1].upper() + word[1:]
        elif start_of_sentence or word in _ALWAYS_CAPITALISED or (next_is_person and word in _TITLES):
            words[i] = word[:1].upper() + word[1:]
    return BioSentence(words, list(sent.tags))


def with_dateline(sent: BioSentence) -> BioSentence | None:
    """Prefix the sentence with a news dateline made of its own first short place ("SEMARANG - ...").

    Indonesian news opens with an all-capitals dateline that neither corpus has; without these examples
    the model reads "BATAM" as an organisation. None when the sentence names no place of 1-3 tokens.
    """
    for i, tag in enumerate(sent.tags):
        if tag.partition("-")[2] not in {"PLACE", "PLC"} or not tag.startswith("B-"):
            continue
        end = i + 1
        while end < len(sent.tags) and sent.tags[end] == "I-" + tag[2:]:
            end += 1
        if end - i > 3:
            return None
        place = [w.upper() for w in sent.words[i:end]]
        tags = ["B-PLACE"] + ["I-PLACE"] * (len(place) - 1)
        first = sent.words[0][:1].upper() + sent.words[0][1:]
        return BioSentence(place + ["-", first] + sent.words[1:], tags + ["O"] + sent.tags)
    return None


@dataclass
class CorpusPaths:
    """The DocBin files written for one training run."""

    train: Path
    dev: Path
    n_train: int
    n_dev: int


def write_training_corpora(data_dir: Path, out_dir: Path, ind_policy: IndPolicy = "missing",
                           limit: int | None = None, nergrit_repeat: int = 1,
                           nerp_recase: float = 0.0, dateline_share: float = 0.0) -> CorpusPaths:
    """Convert NERGrit and NERP train/valid into `train.spacy` and `dev.spacy` under `out_dir`.

    Both corpora are mixed: NERGrit brings the capital letters and ORG, NERP four times as many PER/LOC
    in lowercased text. `nergrit_repeat` adds NERGrit's training sentences that many times (it is the only
    cased corpus); `nerp_recase` is the share of NERP training sentences added again re-cased
    (see `recase_sentence`); `dateline_share` is the share of cased training sentences added again behind a
    dateline (see `with_dateline`). `limit` takes the first N sentences of each split, split between the two
    corpora, for smoke runs. The dev file is never repeated or re-cased.
    """
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    counts = {}
    paths = {}
    for split, name in (("train", "train"), ("valid", "dev")):
        bin_ = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
        n = 0
        for corpus in ("nergrit", "nerp"):
            path = data_dir / corpus / f"{split}.tsv"
            if not path.is_file():
                raise FileNotFoundError(f"NER corpus file not found: {path}")
            part_limit = None if limit is None else max(1, limit // 2)
            sents = read_bio_file(path, part_limit)
            if split == "train" and corpus == "nergrit":
                sents = sents * max(1, nergrit_repeat)
            if split == "train" and corpus == "nerp" and nerp_recase > 0:
                # Every k-th sentence, so the choice is the same in every run without a random draw.
                step = max(1, round(1 / nerp_recase))
                sents = sents + [recase_sentence(s) for s in sents[::step]]
            if split == "train" and dateline_share > 0:
                cased = sents if corpus == "nergrit" else [s for s in sents if not s.words[0].islower()]
                step = max(1, round(1 / dateline_share))
                sents = sents + [d for d in map(with_dateline, cased[::step]) if d is not None]
            for sent in sents:
                bin_.add(sentence_to_doc(vocab, sent, ind_policy))
                n += 1
        paths[name] = out_dir / f"{name}.spacy"
        bin_.to_disk(paths[name])
        counts[name] = n
    return CorpusPaths(paths["train"], paths["dev"], counts["train"], counts["dev"])
