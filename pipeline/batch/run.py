"""A teken run: read -> clean -> NLP -> extract -> write, as a one-way stream of small steps.

Each step is a class with `run(items) -> iterator` and its own counts (datatrove's shape); the executor
decides where the steps run (this process, a process pool, a Dask cluster) and never leaks into a step.
A bad input becomes an `articles` row with a reason and never stops the run; results are written in
chunks, so a restarted run with `--resume` carries on where it stopped.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import platform
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from teken.corpus.readers import RawDocument, iter_documents
from teken.corpus.settings import ReadSettings
from teken.corpus.urls import text_key, url_key
from teken.pipeline import UsageError, __version__, available_cores
from teken.pipeline.batch.progress import Progress, count_articles

# The worker's steps live in steps.py (a pool worker imports that module, not this one); named here too.
from teken.pipeline.batch.steps import (  # noqa: F401
    _WORKER,
    CleanStep,
    ExtractStep,
    Result,
    StepStats,
    _failure,
    _worker_init,
    _worker_process,
    _worker_process_flagged,
)
from teken.pipeline.batch.writers import FINAL_FILES, OutputLock, PartWriter, foreign_files, reason_class
from teken.records import Article, SigningEvent, assign_event_ids


class ReadStep:
    """Inputs (files, folders) -> RawDocument, skipping those a resumed run has finished.

    Each document's position in the input stream is kept (`seq_of`), so that the dataset lists articles in
    input order however many sessions wrote it."""

    def __init__(self, paths: Sequence[str], settings: ReadSettings, skip: set[tuple[str, int | None]]):
        self.paths, self.settings, self.skip = list(paths), settings, skip
        self.stats = StepStats("read")
        self.skipped = 0
        # What the readers passed over without a row (WARC records that are no article, files that are none):
        # every session reads all inputs, so the last one's counts are the whole dataset's.
        self.passed_over: dict[str, Counter[str]] = {}
        self.on_skip: Callable[[RawDocument], None] | None = None  # sees each document a resumed run skips
        self._position = 0
        self._seqs: dict[tuple[str, int | None], deque[int]] = {}
        self._read_errors: set[int] = set()
        self._unknown = 10**12
        self.written = StepStats("read")  # the read step's counts for the articles handed to the writer

    def seq_of(self, article: Article) -> int:
        """The article's position in the input stream; also counts it as written (see `written`)."""
        queue = self._seqs.get((article.input_path, article.input_record))
        if queue:
            seq = queue.popleft()
        else:
            self._unknown += 1  # not met (cannot happen with the steps here): after everything, in arrival order
            seq = self._unknown
        self.written.items_in += 1
        self.written.items_out += 1
        self.written.errors += seq in self._read_errors
        self._read_errors.discard(seq)
        return seq

    def written_counts(self) -> dict[str, Any]:
        """The read step's counts as of the articles written so far: exact at every chunk even when an
        executor reads ahead, so that the chunks of a resumed run add up to an unbroken run's counts."""
        return {**self.written.as_dict(), "seconds": round(self.stats.seconds, 3)}

    def run(self, _: Iterable[Any] = ()) -> Iterator[RawDocument]:
        it = iter_documents(self.paths, self.settings, passed_over=self.passed_over)
        while True:
            t = time.perf_counter()
            doc = next(it, None)
            self.stats.seconds += time.perf_counter() - t
            if doc is None:
                return
            if self.admit(doc):
                yield doc

    def admit(self, doc: RawDocument) -> bool:
        """Count a document read (here or by a Dask worker) in input order; False when a resumed run has it."""
        key = (doc.input_path, doc.input_record)
        position, self._position = self._position, self._position + 1
        if key in self.skip:
            self.skipped += 1  # counted by the session that did it, not again
            if self.on_skip is not None:
                self.on_skip(doc)
            return False
        self._seqs.setdefault(key, deque()).append(position)
        if doc.error is not None:
            self._read_errors.add(position)
        self.stats.items_in += 1
        self.stats.items_out += 1
        self.stats.errors += doc.error is not None
        return True




class DedupStep:
    """(Article, events) -> the same, with the second reading of a page marked as a duplicate of the first.

    One page read twice (the same URL once normalised, teken.corpus.urls.url_key: tracking parameters, AMP and
    mobile copies; or the same cleaned text, text_key) is one article: the first keeps its row and events, a
    later one keeps its row with `error` "duplicate: the same article as ID (...)" and gives no events. It
    runs in the main process in input order, so the first is the same whatever the executor or number of
    workers, and a resumed run starts from what its committed chunks hold (`remember`). It looks only at what
    cleaning gave (an article claims its URL and text when cleaning gave it a text), so it decides the same
    between cleaning and NLP (`run`, in this process: a duplicate costs no NLP) as after them (`check` on a
    worker's results). A URL without a path (a site's home page, which some scrapers give for every article)
    names no article."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled  # off (`--keep-duplicates`, `teken bench`): every page read is its own article
        self.stats = StepStats("dedup")
        self.by_url: dict[str, str] = {}
        self.by_text: dict[str, str] = {}
        self.earlier = 0  # duplicates in the chunks a resumed run found committed

    def remember(self, article_id: str, url: str | None, text: str | None) -> None:
        """An article the dataset already holds as the first of its URL and text."""
        if (key := _page_key(url)) is not None:
            self.by_url.setdefault(key, article_id)
        if (tkey := text_key(text)) is not None:
            self.by_text.setdefault(tkey, article_id)

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            self.check(article, [])
            yield article

    def check(self, article: Article, events: list[SigningEvent]) -> list[SigningEvent]:
        t = time.perf_counter()
        self.stats.items_in += 1
        self.stats.items_out += 1
        if article.text and self.enabled:  # cleaning read it (an error of NLP or extraction may have come after)
            ukey, tkey = _page_key(article.url), text_key(article.text)
            first, why = self.by_url.get(ukey) if ukey else None, "same URL after normalisation"
            if first is None:
                first, why = self.by_text.get(tkey) if tkey else None, "same cleaned text"
            if first is not None and first != article.article_id:
                article.error = f"duplicate: the same article as {first} ({why})"
                article.text, article.n_events, events = "", 0, []
                self.stats.extra["duplicates"] += 1
            else:
                self.remember(article.article_id, article.url, article.text)
        self.stats.seconds += time.perf_counter() - t
        return events


def _page_key(url: str | None) -> str | None:
    key = url_key(url)
    return key if key and "/" in key.rstrip("/") else None


def _remember_committed(dedup: DedupStep, read: ReadStep, writer: PartWriter, settings: ReadSettings) -> None:
    """A resumed run's duplicates are decided as an unbroken run's: the committed chunks' first articles
    claim their URLs and texts. Without their texts (--no-text), a committed article's text is read again
    (cleaning only) when the read step passes over its input."""
    import pyarrow.parquet as pq

    without_text: dict[tuple[str, int | None], str] = {}
    for n in sorted(writer.committed):
        table = pq.read_table(writer._path(n, "articles"),
                              columns=["article_id", "input_path", "input_record", "url", "error", "text"])
        for row in table.to_pylist():
            if row["error"]:
                dedup.earlier += row["error"].startswith("duplicate:")
                continue
            dedup.remember(row["article_id"], row["url"], row["text"])
            if row["text"] is None:
                without_text[(row["input_path"], row["input_record"])] = row["article_id"]
    if without_text:
        from teken.corpus.clean import clean_document

        def reread(doc: RawDocument) -> None:
            article_id = without_text.get((doc.input_path, doc.input_record))
            if article_id is not None:
                dedup.remember(article_id, None, clean_document(doc, settings).text)

        read.on_skip = reread


# ---- executors -------------------------------------------------------------------------------------------


def _batched(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class RunOptions:
    inputs: Sequence[str]
    out: str
    gazetteer_files: Sequence[str] = ()
    use_model: bool = True
    # Processes that clean and extract; 0: the cores available (available_cores), and then a run whose inputs
    # hold no more than one batch is done in this process (a pool would pay its start-up for nothing).
    workers: int = 0
    executor: str = "local"
    dask_scheduler: str | None = None
    batch_size: int = 64
    chunk_size: int = 512  # articles per part file; rounded up to whole NLP batches
    resume: bool = False
    progress: bool = True
    with_text: bool = True
    csv_dialect: str = "default"  # "default" or "excel-id" (writers.write_csv)
    dedupe: bool = True  # a page read twice is one article (DedupStep); False keeps every reading
    gate: bool = True  # articles with no signing cue skip NLP and extraction (ExtractStep); False reads all
    settings: ReadSettings = field(default_factory=ReadSettings)


@dataclass
class RunSummary:
    out: Path
    articles: int
    errors: int
    events: int
    seconds: float
    error_reasons: Counter
    manifest: dict[str, Any]
    startup_seconds: float = 0.0  # building the pipeline and counting the inputs, before the first article
    duplicates: int = 0  # of the errors, the rows that are a second reading of an article (DedupStep)


def check_output(opts: RunOptions) -> None:
    """Usage errors of the output folder, found before anything is written.

    An --out equal to or inside an input folder is refused (a later run would read the dataset's own
    events.jsonl as articles); so is a folder holding files teken would replace or delete but did not write."""
    out = Path(opts.out).resolve()
    for item in opts.inputs:
        given = Path(item).resolve()
        if given.is_dir() and (out == given or given in out.parents):
            raise UsageError(f"--out {opts.out} is inside the input folder {item}, so teken would read its own "
                             "output; choose an --out outside the inputs")
    foreign = foreign_files(Path(opts.out))
    if foreign:
        raise UsageError(f"{opts.out} holds {foreign[0]} which teken did not write (no teken manifest); "
                         "teken never deletes what it did not write: choose another --out")


def run_pipeline(opts: RunOptions) -> RunSummary:
    """Run the whole pipeline and write the dataset into opts.out (holding the folder's lock throughout)."""
    check_output(opts)
    if opts.chunk_size < 1:
        raise UsageError("--chunk-size must be at least 1")
    out = Path(opts.out)
    out.mkdir(parents=True, exist_ok=True)
    lock = OutputLock(out).acquire()
    try:
        return _run_locked(opts, out, lock.note)
    finally:
        lock.release()


def _run_locked(opts: RunOptions, out: Path, lock_note: str | None) -> RunSummary:
    # spaCy only where this process builds a pipeline: a pool's workers start sooner without it (shipped.py).
    from teken.pipeline.nlp.shipped import shipped_model_name

    started = datetime.now(UTC)
    t0 = time.perf_counter()
    writer = PartWriter(out, resume=opts.resume, with_text=opts.with_text,
                        session=started.isoformat(timespec="seconds"), csv_dialect=opts.csv_dialect)
    notes = ([lock_note] if lock_note else []) + writer.notes
    for note in notes:
        print(f"teken run: note: {note}", file=sys.stderr)
    skip = writer.done_inputs() if opts.resume else set()
    read = ReadStep(opts.inputs, opts.settings, skip)
    dedup = DedupStep(opts.dedupe)
    if opts.resume:
        _remember_committed(dedup, read, writer, opts.settings)
    progress = Progress(opts.progress)
    if opts.workers < 1:
        workers = available_cores()
        if opts.executor != "dask" and workers > 1:
            # Inputs of one batch or less: a single process does it as fast as a pool, without N start-ups. What
            # a resumed run passes over counts, so that every session of a run decides alike (and records the
            # same steps in the manifest).
            workers = workers if _more_documents_than(opts.inputs, opts.batch_size, opts.settings) else 1
        opts = replace(opts, workers=workers)
    in_process = opts.executor != "dask" and opts.workers <= 1
    if in_process:
        from teken.pipeline.nlp.components import model_name, shared_nlp

        progress.stage("loading the NLP pipeline (spaCy, NER model, gazetteer)")
        nlp = shared_nlp(opts.use_model, opts.gazetteer_files)
        model = model_name(nlp)
    else:  # the workers build their own pipelines; this process lists the inputs, checks duplicates and writes
        model = shipped_model_name(opts.use_model)
    total = None
    if progress.enabled:  # the count is for the bar alone: no bar, no second walk of the inputs
        progress.stage("counting the inputs")
        total = count_articles(opts.inputs)
    # Whole NLP batches per chunk: a chunk then ends where the steps have passed on exactly its articles,
    # so the step counts a chunk records are its own (and a resumed dataset's sum is an unbroken run's).
    batch = max(1, opts.batch_size)
    chunk_size = -(-max(1, opts.chunk_size) // batch) * batch

    dedup_results = True  # duplicates found on the results; in this process, before NLP instead
    pool_gated: set[int] = set()  # id() of the results a pool's worker gate passed over
    if opts.executor == "dask":
        results, steps = _run_dask(read, opts), [read.stats, dedup.stats]
    elif not in_process:
        results, steps = _run_pool(read, opts, pool_gated), [read.stats, dedup.stats]
    else:
        clean, extract = CleanStep(opts.settings), ExtractStep(nlp, opts.batch_size, gate=opts.gate)
        results = extract.run(dedup.run(clean.run(read.run())))
        steps, dedup_results = [read.stats, clean.stats, dedup.stats, extract.stats], False
    step_counts = lambda: {s.name: read.written_counts() if s is read.stats else s.as_dict() for s in steps}

    n_articles = n_errors = n_events = n_gated = 0
    reasons: Counter = Counter()
    progress.start(None if total is None else max(0, total - len(skip)))
    startup = time.perf_counter() - t0
    chunk: list[Result] = []
    seqs: list[int] = []
    for article, events in results:
        if dedup_results:
            events = dedup.check(article, events)
        n_articles += 1
        n_events += len(events)
        if opts.executor == "dask":  # a Dask worker's ExtractStep counts stay in the worker: test the cue here
            from teken.extractors.agreements import may_report_signing

            n_gated += opts.gate and not article.error and bool(article.text) \
                and not may_report_signing(article.text, article.title)
        elif not in_process:  # the pool's worker said; a duplicate (dedup.check above) is not counted, as in-process
            n_gated += id(article) in pool_gated and not article.error
            pool_gated.discard(id(article))
        if article.error:
            n_errors += 1
            reasons[reason_class(article.error)] += 1
        chunk.append((article, events))
        seqs.append(read.seq_of(article))
        if len(chunk) >= chunk_size:
            writer.write_chunk(chunk, seqs, step_counts())
            chunk, seqs = [], []
        progress.update(n_articles, n_events, n_errors)
    writer.write_chunk(chunk, seqs, step_counts())
    progress.close(n_articles, n_events, n_errors)
    seconds = time.perf_counter() - t0
    manifest = {
        "teken_version": __version__,
        "model": model,
        "inputs": [str(p) for p in opts.inputs],
        "gazetteer_files": [str(p) for p in opts.gazetteer_files],
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
        "startup_seconds": round(startup, 3),
        "executor": opts.executor,
        "workers": opts.workers,
        "resumed": opts.resume,
        "counts": {"articles_this_run": n_articles, "errors_this_run": n_errors, "events_this_run": n_events,
                   "skipped_done": read.skipped,
                   "duplicates": dedup.earlier + dedup.stats.extra["duplicates"],
                   "duplicates_this_run": dedup.stats.extra["duplicates"],
                   # readable articles with no signing cue: no NLP, no extraction, no events (ExtractStep)
                   "gated_this_run": extract.stats.extra["gated"] if in_process else n_gated},
        # What the readers passed over without an articles row, by kind and reason: WARC records that are no
        # article (requests, redirects, HTTP errors, images and PDFs), files a folder walk leaves out.
        "skipped": {kind: dict(sorted(c.items())) for kind, c in sorted(read.passed_over.items())},
        "settings": {k: getattr(opts.settings, k) for k in opts.settings.__dataclass_fields__},
        "python": platform.python_version(),
        "files": list(FINAL_FILES),
    }
    if notes:
        manifest["notes"] = [n for n in notes if n not in writer.notes]
    writer.finalize(manifest, step_counts())
    return RunSummary(out, n_articles, n_errors, n_events, seconds, reasons, writer.manifest,
                      startup_seconds=startup, duplicates=dedup.stats.extra["duplicates"])


# Files that hold many articles: read in this process, which hands their articles to the workers.
_CONTAINERS = (".warc", ".jsonl", ".ndjson")


def _more_documents_than(paths: Sequence[str], n: int, settings: ReadSettings) -> bool:
    """Whether the inputs hold more than `n` documents (a resumed run's finished ones included). A single file
    (a page, a text) is one document and is not opened; a container or URL is read until the count is passed."""
    from teken.corpus.readers import _read_path, _split_suffix, input_files

    seen = 0
    for item in input_files(paths, {}):
        if isinstance(item, Path) and _split_suffix(item)[0] not in _CONTAINERS:
            seen += 1
        else:
            if isinstance(item, str):
                from teken.corpus.remote import read_url

                found = read_url(item, settings, {})
            else:
                found = _read_path(item, settings, {})
            seen += sum(1 for _ in itertools.islice(found, n + 1 - seen))
        if seen > n:
            return True
    return False


def _pool_items(read: ReadStep, settings: ReadSettings) -> Iterator[tuple[tuple, Path | RawDocument | None]]:
    """The inputs in reading order, as (what this process keeps, what a worker is sent).

    A single local file (a page, a text) goes to a worker as its path: the worker reads it, so its bytes never
    pass through this process. The articles of a container (WARC, JSON Lines) or URL are read here and sent as
    documents, with their head and identity keys kept. A document a resumed run has finished stays here (read,
    for the ids of those after it). Ids are qualified afterwards, in input order (`_pool_results`)."""
    from teken.corpus.readers import _identity_keys, _read_path, _split_suffix, display_path, input_files

    keep_skipped = read.on_skip is not None
    files = input_files(read.paths, read.passed_over)
    while True:
        t = time.perf_counter()
        item = next(files, None)
        if item is None:
            read.stats.seconds += time.perf_counter() - t
            return
        if (isinstance(item, Path) and _split_suffix(item)[0] not in _CONTAINERS
                and (display_path(item), None) not in read.skip):
            read.stats.seconds += time.perf_counter() - t
            yield ("path",), item
            continue
        if isinstance(item, str):
            from teken.corpus.remote import read_url

            found = read_url(item, settings, read.passed_over)
        else:
            found = _read_path(item, settings, read.passed_over)
        for doc in found:
            head = RawDocument(doc.input_path, doc.input_record, doc.kind, None, {}, doc.error)
            keys, notes = _identity_keys(doc), list(doc.meta.get("notes") or [])
            read.stats.seconds += time.perf_counter() - t
            if (doc.input_path, doc.input_record) in read.skip:
                yield ("kept", doc if keep_skipped else head, keys, notes), None
            else:
                yield ("sent", head, keys, notes), doc
            t = time.perf_counter()
        read.stats.seconds += time.perf_counter() - t


class _Done:
    """A task with nothing for the workers (only documents a resumed run skips), taken in its turn."""

    def get(self) -> tuple[list, list, list]:
        return [], [], []


def _run_pool(read: ReadStep, opts: RunOptions, gated: set[int] | None = None) -> Iterator[Result]:
    """Tasks of inputs to a pool of processes that each build their pipeline once; results in input order.

    The workers read the single files themselves (`_pool_items`); this process lists the inputs, reads the
    containers, and takes the results in input order: it keeps the read step's counts and positions, qualifies
    repeated ids, checks duplicates and writes. `gated` receives the id() of each result the workers' gates
    passed over (the caller discards it when it has counted the article)."""
    import multiprocessing as mp

    from teken.corpus.readers import _UniqueIds
    from teken.pipeline.batch.steps import _worker_task

    workers = max(1, opts.workers)
    gated = gated if gated is not None else set()
    ids = _UniqueIds()
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_worker_init,
                  initargs=(opts.use_model, list(opts.gazetteer_files), opts.settings, opts.batch_size,
                            opts.gate)) as pool:
        # A bounded window of tasks in flight (pool.imap would read every input ahead into memory), taken back
        # in the order they were sent.
        pending: deque = deque()

        def take() -> Iterator[Result]:
            entries, task = pending.popleft()
            heads, results, flags = task.get()
            outs, read_here = iter(zip(results, flags, strict=True)), iter(heads)
            for entry in entries:
                if entry[0] == "path":  # read by the worker: its documents' heads, keys and notes came back
                    docs = [(head, keys, notes, next(outs)) for head, keys, notes in next(read_here)]
                else:
                    docs = [(*entry[1:], next(outs) if entry[0] == "sent" else None)]
                for head, keys, notes, out in docs:
                    qualified = ids.check_keys(keys, head.input_path, head.input_record)
                    if qualified is not None:
                        head.meta["id_qualifier"] = qualified[0]
                    if read.admit(head) and out is not None:
                        result, flag = out
                        if qualified is not None:
                            _qualify(result, qualified[0], qualified[1], notes)
                        if flag:
                            gated.add(id(result[0]))
                        yield result

        # Tasks of a quarter of an NLP batch, so that the workers finish closer together at the end of a run
        # (a task of 64 pages takes seconds). A doc's entities do not depend on the docs beside it in a batch
        # (the model reads each doc's own blocks), so the dataset is the same.
        task_size = max(1, -(-opts.batch_size // 4))
        entries: list[tuple] = []
        payload: list[Path | RawDocument] = []
        for entry, item in _pool_items(read, opts.settings):
            entries.append(entry)
            if item is not None:
                payload.append(item)
            if len(entries) >= task_size:
                pending.append((entries, pool.apply_async(_worker_task, (payload,)) if payload else _Done()))
                entries, payload = [], []
                if len(pending) >= 8 * workers:
                    yield from take()
        if entries:
            pending.append((entries, pool.apply_async(_worker_task, (payload,)) if payload else _Done()))
        while pending:
            yield from take()


class WorkerSetupError(RuntimeError):
    """A worker could not build teken's pipeline (teken or its model missing there): the run stops, saying so."""


# What a Dask task gives back for each document it read: the head (where it came from, its read error, the
# content only for a skipped document a resumed run must read again), its identity keys and the reader's
# notes (the run qualifies ids in input order, as one process reading everything would), whether a resumed
# run skips it, and its result (None when skipped).
DaskItem = tuple[RawDocument, list[str], list[str], bool, Result | None]


def _dask_partition(files: list[tuple[str, str]], skip: dict[str, set[int | None]], keep_skipped: bool,
                    use_model: bool, gazetteers: list[tuple[str, bytes]], settings: ReadSettings, batch_size: int,
                    gate: bool = True, model: str | None = None) -> tuple[list[DaskItem], dict[str, Counter[str]]]:
    """One Dask task on a worker: read these files itself (paths every worker reaches: a shared filesystem or
    fsspec URLs), clean and extract them with the pipeline it builds once, and give back results in order.

    `files` holds (what to open, the input_path the dataset shows) pairs; `skip` the records a resumed run
    has, by input_path; with `keep_skipped` their documents come back whole (their texts are read again).
    `gazetteers` are the `--gazetteer` files' names and contents (the driver's files, which a worker on another
    machine cannot open); `model` the driver's `model_name`, which the worker's pipeline must have."""
    from teken.corpus.readers import _identity_keys, _read_path
    from teken.corpus.remote import is_url, read_url

    # A cluster's workers outlive a run: a pipeline built for another run's settings is built again.
    setup = repr((use_model, [(n, hash(d)) for n, d in gazetteers], settings, batch_size, gate))
    if "extract" not in _WORKER or _WORKER.get("setup") != setup:
        _WORKER.pop("extract", None)
        try:
            _worker_init(use_model, _gazetteer_copies(gazetteers), settings, batch_size, gate, into=_WORKER)
            _WORKER["setup"] = setup
        except Exception as err:
            raise WorkerSetupError(f"a Dask worker on {platform.node()} could not build teken's NLP pipeline: "
                                   f"{type(err).__name__}: {str(err)[:300]} (install teken-signings on every "
                                   f"worker, the same version as the driver's, {__version__})") from None
        from teken.pipeline.nlp.components import model_name

        built = model_name(_WORKER["extract"].nlp)
        if model is not None and built != model:
            del _WORKER["extract"]
            raise WorkerSetupError(f"a Dask worker on {platform.node()} built a pipeline with {built}, not the "
                                   f"driver's {model}: install the same teken-signings ({__version__}) on every "
                                   "worker, with its model")
    counts: dict[str, Counter[str]] = {}
    heads: list[tuple[RawDocument, list[str], list[str], bool]] = []

    def docs() -> Iterator[RawDocument]:
        for read_as, shown in files:
            found = read_url(read_as, settings, counts) if is_url(read_as) else _read_path(Path(read_as), settings,
                                                                                            counts)
            for doc in found:
                doc.input_path = shown
                skipped = doc.input_record in skip.get(shown, ())
                whole = skipped and keep_skipped
                head = RawDocument(shown, doc.input_record, doc.kind, doc.content if whole else None,
                                   dict(doc.meta) if whole else {}, doc.error)
                heads.append((head, _identity_keys(doc), list(doc.meta.get("notes") or []), skipped))
                if not skipped:
                    yield doc

    results = iter(list(_WORKER["extract"].run(_WORKER["clean"].run(docs()))))
    return [(h, keys, notes, skipped, None if skipped else next(results)) for h, keys, notes, skipped in heads], \
        counts


def _gazetteer_copies(gazetteers: list[tuple[str, bytes]]) -> list[str]:
    """The driver's `--gazetteer` files written on this worker (once per content), as paths to build from."""
    import hashlib
    import tempfile

    paths = []
    for name, data in gazetteers:
        folder = Path(tempfile.gettempdir()) / f"teken-gazetteer-{hashlib.sha1(data).hexdigest()[:16]}"
        path = folder / Path(name).name
        if not path.is_file() or path.read_bytes() != data:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{path.name}.{os.getpid()}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, path)
        paths.append(str(path))
    return paths


def _dask_inputs(paths: Sequence[str], counts: dict[str, Counter[str]]) -> Iterator[tuple[str, str]]:
    """The input files in the order `iter_documents` reads them, as (what a worker opens, input_path) pairs:
    local paths made absolute (a worker's working folder is not ours), URLs expanded (teken.corpus.remote)."""
    from teken.corpus.readers import display_path, input_files

    for item in input_files(paths, counts):
        if isinstance(item, str):
            yield item, item
        else:
            yield os.path.abspath(item), display_path(item)


def _dask_groups(files: Iterable[tuple[str, str]], per_task: int) -> Iterator[list[tuple[str, str]]]:
    """Files to a task: up to `per_task` pages, and a container (WARC, JSON Lines: many articles) alone."""
    from teken.corpus.readers import _split_suffix

    group: list[tuple[str, str]] = []
    for item in files:
        if _split_suffix(Path(item[1]))[0] in (".warc", ".jsonl", ".ndjson"):
            if group:
                yield group
                group = []
            yield [item]
            continue
        group.append(item)
        if len(group) >= per_task:
            yield group
            group = []
    if group:
        yield group


def _qualify(result: Result, qualifier: str, note: str, reader_notes: list[str]) -> None:
    """The id qualification a worker could not decide (`_UniqueIds` is the whole run's): the article's id, its
    events' ids and its notes become what reading everything in one process gives."""
    article, events = result
    old, article.article_id = article.article_id, article.article_id + qualifier
    prefix = "; ".join(reader_notes)  # the reader's notes come first, then this one, then the cleaner's
    rest = (article.notes or "")[len(prefix):]
    article.notes = (prefix + "; " + note + rest) if reader_notes else "; ".join(filter(None, [note, article.notes]))
    if article.error:
        article.error = article.error.replace(f"(article {old},", f"(article {article.article_id},")
    for event in events:
        event.article_id = article.article_id
    assign_event_ids(events)


def _run_dask(read: ReadStep, opts: RunOptions) -> Iterator[Result]:
    """The steps on Dask: on a cluster (`--dask-scheduler`), else on a local pool of processes.

    The workers read the inputs themselves (tasks of files, `_dask_partition`), so pages go from a shared
    filesystem or object store (fsspec URLs) to the worker that cleans them, not through this process. This
    process lists the files, and takes the results in input order: it keeps the read step's counts and
    positions, skips what a resumed run has, qualifies repeated ids, checks duplicates and writes."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    from teken.corpus.readers import _UniqueIds

    try:
        import dask
    except ImportError as err:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("the dask executor needs Dask: pip install 'dask[bag,distributed]>=2024.1' "
                           "(teken's dask extra; in a clone: pip install -e '.[dask]')") from err

    from teken.pipeline.nlp.shipped import shipped_model_name

    task = partial(_dask_partition, keep_skipped=read.on_skip is not None, use_model=opts.use_model,
                   gazetteers=[(Path(p).name, Path(p).read_bytes()) for p in opts.gazetteer_files],
                   settings=opts.settings, batch_size=opts.batch_size, gate=opts.gate,
                   model=shipped_model_name(opts.use_model))
    skip_by_path: dict[str, set[int | None]] = {}
    for path, record in read.skip:
        skip_by_path.setdefault(path, set()).add(record)
    ids = _UniqueIds()

    def taken(out: tuple[list[DaskItem], dict[str, Counter[str]]]) -> Iterator[Result]:
        items, counts = out
        for kind, counter in counts.items():
            read.passed_over.setdefault(kind, Counter()).update(counter)
        for head, keys, notes, _skipped, result in items:
            qualified = ids.check_keys(keys, head.input_path, head.input_record)
            if qualified is not None:
                head.meta["id_qualifier"] = qualified[0]
            if read.admit(head) and result is not None:
                if qualified is not None:
                    _qualify(result, qualified[0], qualified[1], notes)
                yield result

    groups = _dask_groups(_dask_inputs(read.paths, read.passed_over), opts.batch_size)

    def args(group: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], dict[str, set[int | None]]]:
        return group, {shown: skip_by_path[shown] for _, shown in group if shown in skip_by_path}

    with contextlib.ExitStack() as stack:
        if opts.dask_scheduler:
            client = stack.enter_context(_dask_client(opts.dask_scheduler))
            window = 2 * max(1, len(client.scheduler_info().get("workers", {}))) + 1
            pending: deque = deque()
            for group in groups:
                pending.append(client.submit(task, *args(group), pure=False))
                if len(pending) >= window:
                    yield from taken(_dask_result(pending.popleft()))
            while pending:
                yield from taken(_dask_result(pending.popleft()))
        else:
            # One pool for the whole run: each process builds its pipeline once, not once per window.
            pool = stack.enter_context(ProcessPoolExecutor(max(1, opts.workers), mp_context=mp.get_context("spawn")))
            stack.enter_context(dask.config.set(scheduler="processes", pool=pool))
            # Bounded windows of tasks keep this process's memory flat on big runs.
            for window_groups in _batched(groups, 2 * max(1, opts.workers)):
                for out in dask.compute(*[dask.delayed(task)(*args(g)) for g in window_groups]):
                    yield from taken(out)


# How long a run waits for a cluster's first worker before it gives up (a scheduler with no workers).
DASK_WORKER_WAIT_S = 60.0


def _worker_probe(items: list[str]) -> str | None:
    """On a worker: why it cannot read one of the inputs (a path it does not see, a URL whose protocol library
    it lacks), or None."""
    from teken.corpus.remote import InputError, _filesystem, is_url

    for item in items:
        if is_url(item):
            try:
                _filesystem(item)
            except InputError as err:
                return str(err)
        elif not os.path.exists(item):
            return f"{item} not found"
    return None


def check_workers_reach(address: str, inputs: Sequence[str]) -> None:
    """Usage errors of a cluster, found before anything is written: no worker joins, the workers cannot import
    teken, or a worker cannot reach an input (a local path on no shared filesystem, s3:// without s3fs)."""
    from teken.corpus.remote import is_url

    probe = [item if is_url(item) else os.path.abspath(item) for item in inputs]
    try:
        with _dask_client(address) as client:
            answers = client.run(_worker_probe, probe)
    except RuntimeError as err:  # no workers
        raise UsageError(str(err)) from None
    except ImportError as err:
        raise UsageError(f"the Dask workers cannot import teken ({err}): install teken-signings[dask] on every "
                         f"worker, the same version as here ({__version__})") from None
    bad = {worker: why for worker, why in sorted(answers.items()) if why}
    if bad:
        worker, why = next(iter(bad.items()))
        raise UsageError(f"{len(bad)} of {len(answers)} Dask workers cannot read the inputs (worker {worker}: {why}): "
                         "give paths every worker reaches (a shared filesystem) or URLs such as s3://bucket/crawl/, "
                         "with the protocol's library (s3fs) on every worker")


@contextlib.contextmanager
def _dask_client(address: str) -> Iterator[Any]:
    from dask.distributed import Client

    # A bounded connect: `teken run` checked the scheduler answers; one that went away fails fast.
    with Client(address, timeout="10s") as client:
        try:
            client.wait_for_workers(1, timeout=DASK_WORKER_WAIT_S)
        except TimeoutError:
            raise RuntimeError(f"the Dask scheduler at {address} has no workers (none joined within "
                               f"{DASK_WORKER_WAIT_S:.0f} s): start some with `dask worker {address}`") from None
        yield client


def _dask_result(future: Any) -> Any:
    """A task's result; a worker that cannot run teken at all says so instead of a bare import error."""
    try:
        return future.result()
    except (ModuleNotFoundError, ImportError) as err:
        if "teken" in str(err):
            raise WorkerSetupError(f"the Dask workers cannot import teken ({err}): install teken-signings[dask] on "
                                   f"every worker, the same version as the driver's ({__version__})") from None
        raise


def run_command(args) -> int:
    opts = RunOptions(
        inputs=args.inputs, out=args.out, gazetteer_files=args.gazetteer, use_model=not args.no_model,
        workers=args.workers or 0, executor=args.executor, dask_scheduler=args.dask_scheduler,
        batch_size=args.batch_size, resume=args.resume,
        progress=not args.no_progress, with_text=not args.no_text,
        csv_dialect=getattr(args, "csv_dialect", "default"),
        dedupe=not getattr(args, "keep_duplicates", False),
    )
    if getattr(args, "chunk_size", None) is not None:
        opts.chunk_size = args.chunk_size
    check_output(opts)
    out = Path(args.out)
    existing = [f for f in FINAL_FILES if (out / f).exists()]
    if existing and not (args.overwrite or args.resume):
        print(f"teken run: {out} already holds a dataset ({existing[0]}); pass --overwrite or --resume",
              file=sys.stderr)
        return 2
    summary = run_pipeline(opts)
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    working = summary.seconds - summary.startup_seconds
    after = summary.articles / working if working > 0 else 0.0
    # The bar's rate is the second one: its clock starts with the first article.
    lines = [
        f"teken run: {summary.articles} articles ({summary.errors - summary.duplicates} not readable"
        + (f", {summary.duplicates} duplicates" if summary.duplicates else "") + f"), {summary.events} events, "
        f"{summary.seconds:.1f} s with {summary.startup_seconds:.1f} s start-up: {rate:.1f} articles/s overall, "
        f"{after:.1f} articles/s after start-up -> {summary.out}",
    ]
    for reason, n in summary.error_reasons.most_common(8):
        lines.append(f"  {n:6d}  {reason}")
    print("\n".join(lines), file=sys.stderr)
    return 0
