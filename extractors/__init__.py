"""Rule-based extractors that read signing events off spaCy Docs; each keeps its examples file beside it."""

from pathlib import Path

# The built-in lists (institutions, templates, region aliases) the registry and the extractors read.
DATA_DIR = Path(__file__).resolve().parent / "data"
