"""Where the shipped NER model lives and what a run names it, without importing spaCy.

A `teken run` with a pool of workers writes the model's name into the manifest but never builds a pipeline
itself: importing spaCy only to read meta.json cost that process most of a second before its workers started.
"""

from __future__ import annotations

import json
from pathlib import Path

MODEL_DIR: Path = Path(__file__).resolve().parent / "models" / "ner_id"


def shipped_model_name(use_model: bool) -> str:
    """`model_name` of the pipeline `build_nlp(use_model)` would build, read off the shipped model's meta.json
    without building it (a process whose workers hold the pipelines never loads one itself)."""
    meta_file = MODEL_DIR / "meta.json"
    if use_model and (MODEL_DIR / "config.cfg").is_file() and meta_file.is_file():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        return f"{meta.get('name', 'ner')}-{meta.get('version', '0')}+gazetteer"
    return "gazetteer-only"
