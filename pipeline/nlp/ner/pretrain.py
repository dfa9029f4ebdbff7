"""Pretrain the NER model's tok2vec on raw Indonesian text (`teken pretrain-ner`).

The NER corpora hold 250k words; the published models that beat teken's on NERGrit were pretrained on
billions. A teken user holds what closes part of that gap: the cleaned text of every article a run read
(`articles.parquet`, column `text`). `pretrain-ner` feeds such text to spaCy's pretraining (the characters
objective: predict each word's first and last letters from its context) with the committed tok2vec, and
`train-ner --init-tok2vec OUT/model-last.bin` starts the NER training from the result. MODEL_CARD.md gives
what pretraining on the corpora's own text measured.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from teken.pipeline import UsageError
from teken.pipeline.nlp.ner.train import DEFAULT_CONFIG, with_pretraining_section

# spaCy's pretraining reader drops documents of 500 tokens or more; passages are cut below that.
MAX_PASSAGE_WORDS = 300
MIN_PASSAGE_WORDS = 5
TEXT_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".parquet")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass
class PretrainText:
    """The raw-text file written for one pretraining run."""

    path: Path
    passages: int
    words: int
    duplicates: int


def _source_files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    if (source / "articles.parquet").is_file():
        # A teken dataset folder: the articles' cleaned text.
        return [source / "articles.parquet"]
    if source.is_dir():
        return sorted(p for p in source.rglob("*") if p.is_file() and p.name.endswith(TEXT_SUFFIXES))
    raise FileNotFoundError(f"text source not found: {source}")


def _texts_of(path: Path) -> Iterator[str]:
    name = path.name
    if name.endswith(".parquet"):
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        if "text" not in pf.schema_arrow.names:
            raise ValueError(f"{path} has no text column (was the run made with --no-text?)")
        for batch in pf.iter_batches(columns=["text"], batch_size=1024):
            yield from (t for t in batch.column(0).to_pylist() if t)
    elif name.endswith((".jsonl", ".jsonl.gz")):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    continue
                text = obj.get("text") if isinstance(obj, dict) else None
                if isinstance(text, str) and text:
                    yield text
    elif name.endswith(".txt"):
        yield path.read_text(encoding="utf-8", errors="replace")
    else:
        raise ValueError(f"not a text source (want {', '.join(TEXT_SUFFIXES)} or a teken dataset folder): {path}")


def iter_texts(sources: Iterable[Path]) -> Iterator[str]:
    """Yield the article texts of every source: teken dataset folders, `.parquet` with a `text` column,
    `.jsonl` with a `text` key, `.txt` files, or folders holding any of these."""
    for source in sources:
        for path in _source_files(Path(source)):
            yield from _texts_of(path)


def _pieces(paragraph: str, max_words: int) -> Iterator[str]:
    """Cut a long paragraph at sentence ends into pieces of at most `max_words` words."""
    words = paragraph.split()
    if len(words) <= max_words:
        yield paragraph
        return
    piece: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        s_words = sentence.split()
        if piece and len(piece) + len(s_words) > max_words:
            yield " ".join(piece)
            piece = []
        while len(s_words) > max_words:  # one sentence longer than a piece: cut it anyway
            yield " ".join(s_words[:max_words])
            s_words = s_words[max_words:]
        piece.extend(s_words)
    if piece:
        yield " ".join(piece)


def iter_passages(texts: Iterable[str], max_words: int = MAX_PASSAGE_WORDS,
                  stats: dict[str, int] | None = None) -> Iterator[str]:
    """Yield the paragraphs of `texts` fit for pretraining, each once.

    Paragraphs are the lines of the cleaned text; those under five words (bylines, captions) are left out
    and so is any paragraph seen before, since scraped news repeats its boilerplate on every page and
    pretraining would otherwise spend its time on "Baca juga". Long paragraphs are cut at sentence ends.
    """
    seen: set[bytes] = set()
    for text in texts:
        for line in text.splitlines():
            paragraph = " ".join(line.split())
            if len(paragraph.split()) < MIN_PASSAGE_WORDS:
                continue
            key = hashlib.blake2b(paragraph.lower().encode("utf-8"), digest_size=12).digest()
            if key in seen:
                if stats is not None:
                    stats["duplicates"] = stats.get("duplicates", 0) + 1
                continue
            seen.add(key)
            for piece in _pieces(paragraph, max_words):
                if len(piece.split()) >= MIN_PASSAGE_WORDS:
                    yield piece


def write_pretraining_text(sources: Iterable[Path], out_file: Path, max_words: int | None = None) -> PretrainText:
    """Write the passages of `sources` as spaCy's pretraining JSONL (`{"text": ...}` a line)."""
    out_file = Path(out_file)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    stats: dict[str, int] = {}
    passages = words = 0
    with out_file.open("w", encoding="utf-8") as fh:
        for passage in iter_passages(iter_texts(sources), stats=stats):
            n = len(passage.split())
            fh.write(json.dumps({"text": passage}, ensure_ascii=False) + "\n")
            passages += 1
            words += n
            if max_words is not None and words >= max_words:
                break
    return PretrainText(out_file, passages, words, stats.get("duplicates", 0))


def pretrain_ner(sources: Iterable[Path], out_dir: Path, config_path: Path = DEFAULT_CONFIG, epochs: int = 10,
                 max_words: int | None = None, seed: int | None = None, save_every: int = 1) -> Path:
    """Pretrain the committed config's tok2vec on the text of `sources`; return `out_dir/model-last.bin`.

    Also writes `model{epoch}.bin` every `save_every` epochs and spaCy's `log.jsonl` of losses.
    """
    from spacy import util
    from spacy.training.pretrain import pretrain

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    text = write_pretraining_text(sources, out_dir / "text.jsonl", max_words)
    print(f"text: {text.passages} passages, {text.words} words ({text.duplicates} repeated paragraphs left out)",
          flush=True)
    if text.passages == 0:
        raise ValueError("no passage of five words or more in the text sources")
    config = with_pretraining_section(util.load_config(config_path, interpolate=False))
    config["paths"]["raw_text"] = str(text.path)
    config["pretraining"]["max_epochs"] = epochs
    config["pretraining"]["n_save_epoch"] = max(1, save_every)
    if seed is not None:
        config["system"]["seed"] = seed
    started = time.perf_counter()
    pretrain(config.interpolate(), out_dir, use_gpu=-1, silent=False)
    print(f"pretrained {epochs} epochs in {time.perf_counter() - started:.0f}s", flush=True)
    return out_dir / "model-last.bin"


def pretrain_ner_command(args: argparse.Namespace) -> int:
    """Run `teken pretrain-ner`: exit 0 with the weights file printed; a bad argument raises UsageError."""
    config = Path(args.config) if args.config else DEFAULT_CONFIG
    for source in args.text:
        if not Path(source).exists():
            raise UsageError(f"text source not found: {source}")
    if not config.is_file():
        raise UsageError(f"config not found: {config}")
    if args.epochs < 1:
        raise UsageError("--epochs must be at least 1")
    if args.max_words is not None and args.max_words < 1:
        raise UsageError("--max-words must be at least 1")
    try:
        weights = pretrain_ner([Path(s) for s in args.text], Path(args.out), config, args.epochs,
                               args.max_words, args.seed)
    except (ValueError, OSError) as err:  # no usable text, an unreadable or corrupt source file
        raise UsageError(str(err)) from err
    print(f"weights: {weights}")
    print(f"next: teken train-ner --data DIR --out DIR --init-tok2vec {weights}")
    return 0
