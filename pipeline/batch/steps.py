"""The steps a worker runs (clean, NLP and extract) and the worker side of the process pool.

Kept apart from teken.pipeline.batch.run so that a pool worker imports only what it runs: not the dataset
writers (pyarrow), the readers of containers (warcio, fsspec) or Dask, which cost each worker a few tenths of a
second of start-up on the cores the run is waiting for.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from teken.corpus.readers import RawDocument
from teken.corpus.settings import ReadSettings
from teken.records import Article, SigningEvent

Result = tuple[Article, list[SigningEvent]]


@dataclass
class StepStats:
    name: str
    items_in: int = 0
    items_out: int = 0
    errors: int = 0
    seconds: float = 0.0
    extra: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {"in": self.items_in, "out": self.items_out, "errors": self.errors,
                "seconds": round(self.seconds, 3), **dict(self.extra)}


class CleanStep:
    """RawDocument -> Article (text cleaned, metadata read, or an error recorded)."""

    def __init__(self, settings: ReadSettings):
        self.settings = settings
        self.stats = StepStats("clean")

    def run(self, docs: Iterable[RawDocument]) -> Iterator[Article]:
        # Imported here: a pool's main process never cleans, and trafilatura's import delayed its workers.
        from teken.corpus.clean import clean_document

        for doc in docs:
            self.stats.items_in += 1
            t = time.perf_counter()
            article = clean_document(doc, self.settings)
            self.stats.seconds += time.perf_counter() - t
            self.stats.items_out += 1
            self.stats.errors += article.error is not None
            yield article


class ExtractStep:
    """Article -> (Article, events): spaCy over batches of texts, then the rule-based extractors.

    Cheap first, expensive last: an article whose text and title hold no signing cue cannot yield an event
    (teken.extractors.agreements.may_report_signing), so it skips spaCy and the extractors and keeps its row
    with no events (counted as "gated"). `gate=False` reads every article (tests compare both)."""

    def __init__(self, nlp, batch_size: int = 64, gate: bool = True):
        from teken.pipeline.nlp.components import GazetteerMatcher

        self.nlp = nlp
        self.gazetteer = next(p for _, p in nlp.pipeline if isinstance(p, GazetteerMatcher)).gazetteer
        self.batch_size = batch_size
        self.gate = gate
        self.stats = StepStats("nlp+extract")
        # id() of the articles the gate passed over, when a caller asks (a set it clears: pool workers do)
        self.gated_ids: set[int] | None = None

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        batch: list[Article] = []
        for article in articles:
            self.stats.items_in += 1
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch: list[Article]) -> Iterator[Result]:
        from teken.extractors.agreements import may_report_signing
        from teken.extractors.events import extract_events, headline_events

        t = time.perf_counter()
        readable = [a for a in batch if a.error is None and a.text]
        good = [a for a in readable if not self.gate or may_report_signing(a.text, a.title)]
        gated = {id(a) for a in readable} - {id(a) for a in good}
        self.stats.extra["gated"] += len(gated)
        if self.gated_ids is not None:
            self.gated_ids |= gated
        piped, bodies_without_trigger = self._pipe([a.text for a in good])
        docs = dict(zip((id(a) for a in good), piped, strict=True))
        docs_failed = {k: d for k, d in docs.items() if isinstance(d, BaseException)}
        docs = {k: d for k, d in docs.items() if k not in docs_failed}
        out: list[Result] = []
        for article in batch:
            events: list[SigningEvent] = []
            doc = docs.get(id(article))
            if doc is not None:
                try:
                    if id(doc) in bodies_without_trigger:  # what extract_events gives such a body
                        events = headline_events(self.gazetteer, article.article_id, article.published,
                                                 article.title, url=article.url, nlp=self.nlp)
                    else:
                        events = extract_events(doc, self.gazetteer, article.article_id, article.published,
                                                article.title, url=article.url, nlp=self.nlp)
                except Exception as err:  # one article's bad luck must not cost the run
                    article.error = _failure("extraction failed", article, err)
                    self.stats.errors += 1
            elif article.error is None and article.text and id(article) not in gated:  # the NLP step failed
                article.error = _failure("NLP failed", article, docs_failed.get(id(article)))
                self.stats.errors += 1
            article.n_events = len(events)
            self.stats.extra["events"] += len(events)
            out.append((article, events))
        self.stats.seconds += time.perf_counter() - t
        self.stats.items_out += len(out)
        return iter(out)

    def _pipe(self, texts: list[str]) -> tuple[list, set[int]]:
        """The Docs of the texts (an exception in place of a Doc the pipeline failed on), and the id() of those
        whose body holds no trigger: they went through the tokenizer and the sentence splitter only.

        The entities (the NER model, the gazetteer) are read only around a trigger (extractors/events.py,
        body_may_report_signing); on pages that pass the cue gate but report no signing (a "kontrak" in a court
        report) they cost more than everything else teken does beyond reading the page."""
        try:
            return self._pipe_staged(texts)
        except Exception:
            # Fall back to one text at a time, so one bad text costs only itself.
            docs = []
            for text in texts:
                try:
                    docs.append(self.nlp(text))
                except Exception as err:
                    docs.append(err)  # the article's error row says so
            return docs, set()

    def _pipe_staged(self, texts: list[str]) -> tuple[list, set[int]]:
        from teken.extractors.events import body_may_report_signing

        names = self.nlp.pipe_names
        if "teken_sentences" not in names:
            return list(self.nlp.pipe(texts, batch_size=self.batch_size)), set()
        rest = names[names.index("teken_sentences") + 1:]
        docs = list(self.nlp.pipe(texts, batch_size=self.batch_size, disable=rest))
        without: set[int] = set()
        for i, doc in enumerate(docs):
            if not body_may_report_signing(doc):
                without.add(id(doc))
                continue
            for name in rest:  # as nlp.pipe calls them: none of these components has a pipe() of its own
                doc = self.nlp.get_pipe(name)(doc)
            docs[i] = doc
        return docs, without


def _failure(what: str, article: Article, err: BaseException | None) -> str:
    """An error row that names the article and where it came from, so the failure can be reproduced."""
    where = article.input_path + (f" record {article.input_record}" if article.input_record is not None else "")
    cause = f"{type(err).__name__}: {str(err)[:300]}" if err is not None else "unknown error"
    # The cause first after the colon: the manifest groups error reasons by the words before it.
    return f"{what}: {cause} (article {article.article_id}, {where})"


_WORKER: dict[str, Any] = {}


def _worker_init(use_model: bool, gazetteer_files: Sequence[str], settings: ReadSettings, batch_size: int,
                 gate: bool = True, into: dict[str, Any] | None = None) -> None:
    """A worker's steps, built once, in `_WORKER` (or `into`: the Dask task keeps them in run.py's name for it)."""
    from teken.pipeline.nlp.components import build_nlp

    target = _WORKER if into is None else into
    target["clean"] = CleanStep(settings)
    target["extract"] = ExtractStep(build_nlp(use_model, gazetteer_files), batch_size, gate=gate)


def _worker_process(docs: list[RawDocument]) -> list[Result]:
    return list(_WORKER["extract"].run(_WORKER["clean"].run(docs)))


def _worker_process_flagged(docs: list[RawDocument]) -> tuple[list[Result], list[bool]]:
    """A batch's results and, for each, whether the worker's gate passed it over: the main process then need not
    test each article's cue again (its time would be taken from the workers' cores)."""
    extract: ExtractStep = _WORKER["extract"]
    gated = extract.gated_ids = set()
    results = _worker_process(docs)
    extract.gated_ids = None
    return results, [id(article) in gated for article, _ in results]


def _worker_task(items: list[Any]) -> tuple[list[list[tuple[RawDocument, list[str], list[str]]]], list[Result],
                                             list[bool]]:
    """A pool task: documents, and paths of single files that this worker reads itself. Gives back, for each
    path, the heads (no content), identity keys and reader's notes of what it read (the main process qualifies
    repeated ids in input order, teken.pipeline.batch.run._qualify); the results of every document in order;
    and whether the gate passed each over."""
    from pathlib import Path

    from teken.corpus.readers import _identity_keys, _read_path

    clean: CleanStep = _WORKER["clean"]
    heads: list[list[tuple[RawDocument, list[str], list[str]]]] = []
    docs: list[RawDocument] = []
    for item in items:
        if isinstance(item, Path):
            found = []
            for doc in _read_path(item, clean.settings):
                found.append((RawDocument(doc.input_path, doc.input_record, doc.kind, None, {}, doc.error),
                              _identity_keys(doc), list(doc.meta.get("notes") or [])))
                docs.append(doc)
            heads.append(found)
        else:
            docs.append(item)
    results, flags = _worker_process_flagged(docs)
    return heads, results, flags
