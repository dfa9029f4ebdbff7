"""teken's Indonesian NER model: where the shipped model lives and how to load it."""

from __future__ import annotations

from pathlib import Path

import spacy

# Registers teken.LexiconMultiHashEmbed.v1, which a model's config may name.
from teken.pipeline.nlp.ner import lexicon as _lexicon  # noqa: F401
from teken.pipeline.nlp.shipped import MODEL_DIR
from teken.pipeline.nlp.tokenizer import CONFIG as TOKENIZER_CONFIG


def load_ner_model(path: Path | None = None) -> spacy.Language | None:
    """Load the NER pipeline (tok2vec + ner) from `path` or the shipped folder; None when it is not there.

    A missing model is not an error: `teken run` then falls back to gazetteer-only entities.
    """
    folder = Path(path) if path is not None else MODEL_DIR
    if not (folder / "config.cfg").is_file() or not (folder / "meta.json").is_file():
        return None
    # The model's tokenizer is spaCy's Indonesian default (the training config names it, and
    # tests/test_ner.py checks the saved one is byte-identical): building it from the config and then
    # again from disk adds its 16,000 special cases twice, a third of a run's start-up. It is built once,
    # and as teken's Indonesian tokenizer, which gives the same tokens without adding most of them
    # (pipeline/nlp/tokenizer.py).
    return spacy.load(folder, exclude=["tokenizer"], config=TOKENIZER_CONFIG)
