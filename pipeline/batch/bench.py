"""`teken bench`: throughput and peak memory of a whole run, printed as figures (no timed tests).

It copies the demo pages N times under new names into a temporary folder and runs with duplicate detection
off (so each copy is read, cleaned and extracted anew, not recognised as the page it copies), runs the pipeline once with the given settings and prints articles/s, words/s, the share
of time each step took and the peak resident memory. Figures are ratios measured in one run on a shared,
noisy machine: compare runs made side by side, not against a number from another day.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from teken.corpus import DEMO_DIR

DEMO = DEMO_DIR


def bench_command(args) -> int:
    from teken.pipeline.batch.run import RunOptions, run_pipeline

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        pages = sorted(DEMO.glob("*.html"))
        for copy in range(args.copies):
            for page in pages:
                shutil.copyfile(page, corpus / f"{copy:04d}-{page.name}")
        started = time.perf_counter()
        summary = run_pipeline(RunOptions(inputs=[str(corpus)], out=str(Path(tmp) / "out"), use_model=not args.no_model,
                                          workers=args.workers, progress=False, dedupe=False))
        seconds = time.perf_counter() - started
        import pandas as pd

        articles = pd.read_parquet(Path(tmp) / "out" / "articles.parquet", columns=["text"])
        words = int(articles["text"].fillna("").map(lambda t: len(t.split())).sum())
    peak_mb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    steps = summary.manifest["steps"]
    result = {
        "articles": summary.articles,
        "events": summary.events,
        "seconds": round(seconds, 2),
        "articles_per_second": round(summary.articles / seconds, 2),
        "words_per_second": round(words / seconds, 1),
        "step_seconds": {name: s["seconds"] for name, s in steps.items()},
        "peak_rss_mb": round(peak_mb, 1),
        "workers": args.workers,
        "model": summary.manifest["model"],
    }
    print(f"teken bench: {result['articles']} articles, {result['events']} events in {result['seconds']} s "
          f"(start-up included): {result['articles_per_second']} articles/s, {result['words_per_second']} words/s, "
          f"peak RSS {result['peak_rss_mb']} MB", file=sys.stderr)
    print(json.dumps(result))
    return 0
