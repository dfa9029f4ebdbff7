"""Reading scraped news (HTML, WARC, JSON Lines, text) and cleaning it into articles."""

from pathlib import Path

# The bundled demo corpus: articles written for teken (`make run`, `teken bench`).
DEMO_DIR = Path(__file__).resolve().parent / "demo"
