"""Real news pages (shared/data/html-real) clean into Indonesian articles with title, date and no furniture.

The pages live beside the repository, never in it; without them these tests skip. Run this file as a
script (`PYTHONPATH=. python tests/test_html_real.py`) to print what cleaning gives for every page.
"""

from __future__ import annotations

import re
import time
from functools import cache
from pathlib import Path

import pytest

from teken.corpus.clean import clean_document
from teken.corpus.readers import iter_documents
from teken.records import Article

HTML_REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "html-real"
PAGES = sorted(p.name for p in HTML_REAL.glob("*.html")) if HTML_REAL.is_dir() else []

pytestmark = pytest.mark.skipif(not PAGES, reason="shared/data/html-real is not beside the repository")

# Lines a reader would call page furniture; none may survive cleaning.
FURNITURE_LINE = re.compile(
    r"^(baca juga|baca:|baca selanjutnya|lihat juga|bagikan|share|tweet|advertisement|scroll to continue"
    r"|tinggalkan (balasan|komentar)|komentar$|.*menyukai ini|diposting pada|penulis\s*[:|]|editor\s*:"
    r"|reporter\s*:|redaktur|kategori\s*:|tags?\s*:|copyright|©|simak berita lainnya|ikuti kami"
    r"|\[gambas:|simak video|periksa kembali dan lengkapi data dirimu|banyak orang hebat di sekitar kita"
    r"|lihat postingan ini di instagram|banner \d+x\d+|headline$)",
    re.IGNORECASE,
)
# Text that only the page around the article holds (sidebars, related-article boxes).
NOT_IN_TEXT = {
    "kompas-1.html": ["Jokowi Teken UU ASN"],
    "merdeka-1.html": ["Gibran Larang Warga Solo Bepergian"],
    "tribunnews-1.html": ["Jawaban Soal SMP, Senin 4 Mei 2020"],
}


@cache
def _sources() -> dict[str, dict[str, str | None]]:
    """Headline and, where SOURCES.md gives one, the gold publication date of each page."""
    rows: dict[str, dict[str, str | None]] = {}
    table = (HTML_REAL / "SOURCES.md").read_text(encoding="utf-8")
    for line in table.splitlines():
        if not re.match(r"^\| [\w-]+\.html \|", line):
            continue
        cells = [c.strip().replace("\x00", "|") for c in line.replace("\\|", "\x00").split("|")[1:-1]]
        gold = re.search(r"gold date (\d{4}-\d{2}-\d{2})", line)
        rows[cells[0]] = {"headline": cells[2], "date": gold.group(1) if gold else None}
    return rows


@cache
def _clean(name: str) -> tuple[Article, float]:
    (doc,) = iter_documents([HTML_REAL / name])
    started = time.perf_counter()
    article = clean_document(doc)
    return article, time.perf_counter() - started


def _title_matches(title: str | None, headline: str) -> bool:
    """The cleaned title opens the page's <title> (which may add the site name after it)."""
    if not title or len(title) < 10:
        return False
    return _squash(headline).startswith(_squash(title))


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


@pytest.mark.parametrize("name", PAGES)
def test_real_page_cleans_into_an_indonesian_article(name):
    article, _ = _clean(name)
    assert article.error is None
    assert article.language == "id"
    assert len(article.text) >= 80


@pytest.mark.parametrize("name", PAGES)
def test_real_page_title_is_the_headline(name):
    article, _ = _clean(name)
    assert _title_matches(article.title, _sources()[name]["headline"]), article.title


@pytest.mark.parametrize("name", PAGES)
def test_real_page_has_a_publication_date_matching_the_gold_one(name):
    article, _ = _clean(name)
    assert article.published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.published)
    gold = _sources()[name]["date"]
    if gold:
        assert article.published == gold


@pytest.mark.parametrize("name", PAGES)
def test_real_page_text_has_no_furniture_lines(name):
    article, _ = _clean(name)
    leftovers = [ln for ln in article.text.split("\n") if FURNITURE_LINE.match(ln.strip())]
    assert leftovers == []
    for snippet in NOT_IN_TEXT.get(name, []):
        assert snippet not in article.text
    assert "\n\n\n" not in article.text


def test_gold_dates_are_read_from_sources():
    if not PAGES:
        pytest.skip("no pages")
    gold = {name: row["date"] for name, row in _sources().items() if row["date"]}
    assert gold == {
        "detik-1.html": "2023-11-02",
        "kompas-1.html": "2023-11-02",
        "tribunnews-1.html": "2020-05-04",
    }


def main() -> None:
    """Print, per page: title ok?, date (and gold), text length, time."""
    if not PAGES:
        print(f"no pages in {HTML_REAL}")
        return
    for name in PAGES:  # warm-up, so that the first page does not carry trafilatura's start-up
        _clean(name)
    _clean.cache_clear()
    total = 0.0
    print(f"{'page':24} {'title ok':8} {'date':10} {'gold':10} {'chars':>6} {'ms':>5}  error")
    for name in PAGES:
        article, seconds = _clean(name)
        total += seconds
        row = _sources().get(name, {})
        ok = "yes" if _title_matches(article.title, str(row.get("headline", ""))) else "NO"
        print(f"{name:24} {ok:8} {article.published or '-':10} {row.get('date') or '':10} "
              f"{len(article.text):6} {seconds * 1000:5.0f}  {article.error or ''}")
    print(f"mean {total / len(PAGES) * 1000:.0f} ms per page")


if __name__ == "__main__":
    main()
