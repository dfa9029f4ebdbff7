"""Rule-based extractors that read signing events off spaCy Docs; each keeps its examples file beside it."""
