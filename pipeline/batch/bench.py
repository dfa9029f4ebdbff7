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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from teken.corpus import DEMO_DIR

DEMO = DEMO_DIR


def bench_command(args) -> int:
    if getattr(args, "pages", None) is not None:
        if args.pages < 10:
            from teken.pipeline import UsageError

            raise UsageError("--pages must be at least 10 (one in ten pages is a signing page)")
        return bench_pages_command(args)
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


# --------------------------------------------------------------------------------------------------
# `teken bench --pages N`: a crawl-like corpus against the floor every pipeline pays, reading the page.

REAL_PAGES = Path("../shared/data/html-real")
_MARK = "TEKEN-BENCH-RUSAGE "

# Written for teken: news pages about anything but a signing, for machines without the real pages.
_TOPICS = [
    ("Hujan Deras Genangi Jalan Protokol", "Hujan deras yang mengguyur kota sejak sore membuat sejumlah ruas jalan "
     "protokol tergenang air setinggi lutut. Petugas dinas perhubungan mengatur lalu lintas di persimpangan."),
    ("Harga Cabai Merah Naik Jelang Akhir Tahun", "Harga cabai merah di pasar tradisional naik hingga Rp80.000 "
     "per kilogram. Pedagang menyebut pasokan dari sentra produksi berkurang karena cuaca."),
    ("Tim Sepak Bola Daerah Lolos ke Semifinal", "Tim sepak bola daerah memastikan tempat di semifinal setelah "
     "menang 2-1 dalam laga yang berlangsung ketat hingga menit akhir di stadion utama."),
    ("Ribuan Warga Ikuti Jalan Sehat", "Ribuan warga memadati alun-alun untuk mengikuti jalan sehat memperingati "
     "hari jadi kota. Panitia menyediakan hadiah utama berupa sepeda motor."),
]


def _written_page(i: int) -> str:
    title, body = _TOPICS[i % len(_TOPICS)]
    paragraphs = "".join(f"<p>{body} Laporan nomor {i}, paragraf {k}.</p>" for k in range(6))
    return (f"<html><head><title>{title} ({i})</title><meta property='og:url' "
            f"content='https://berita.contoh.id/{i}/'></head><body><nav>Beranda | Daerah | Olahraga</nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article><footer>Hak cipta</footer></body></html>")


def build_pages_corpus(folder: Path, n: int, real_dir: Path | None) -> int:
    """N pages: nine in ten not about a signing (the real pages of `real_dir`, else written ones), one in ten
    a signing page (the demo corpus). Returns how many are real pages."""
    folder.mkdir(parents=True, exist_ok=True)
    real = sorted(real_dir.glob("*.html")) if real_dir and real_dir.is_dir() else []
    signing = sorted(DEMO.glob("*.html"))
    n_real = 0
    for i in range(n):
        target = folder / f"{i:07d}.html"
        if i % 10 == 9:
            shutil.copyfile(signing[(i // 10) % len(signing)], target)
        elif real:
            shutil.copyfile(real[i % len(real)], target)
            n_real += 1
        else:
            target.write_text(_written_page(i), encoding="utf-8")
    return n_real


def trafilatura_floor(folder: Path) -> float:
    """Pages/s of trafilatura's bare_extraction with metadata alone, one process: the cost of reading a page."""
    from trafilatura import bare_extraction

    pages = sorted(folder.glob("*.html"))
    started = time.perf_counter()
    for page in pages:
        bare_extraction(page.read_bytes(), with_metadata=True)
    return len(pages) / (time.perf_counter() - started)


def _teken_process(corpus: Path, out: Path, workers: int, use_model: bool) -> dict:
    """`teken run` in a fresh process, start-up included: wall seconds, its own start-up, peak RSS per process."""
    args = ["run", str(corpus), "--out", str(out), "--no-progress", "--keep-duplicates", "--overwrite",
            "--workers", str(workers)] + ([] if use_model else ["--no-model"])
    # The child notes the moment the run starts on its first article (Progress.start, where the run's own
    # start-up ends), so start-up is measured from the process's launch: interpreter, imports, pipeline.
    code = ("import json, resource, sys, time; from teken.pipeline.batch import progress; first = []; "
            "begin = progress.Progress.start; "
            "progress.Progress.start = lambda self, total: (first.append(time.time()), begin(self, total))[1]; "
            "from teken.pipeline.batch.cli import main; rc = main(" + repr(args) + "); "
            f"print({_MARK!r} + json.dumps([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, first[0] if first else None]), "
            "file=sys.stderr); sys.exit(rc)")
    launched, started = time.time(), time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"teken run failed: {done.stderr.strip().splitlines()[-1:]}")
    own, children, first = json.loads(next(line for line in done.stderr.splitlines()
                                           if line.startswith(_MARK))[len(_MARK):])
    manifest = json.loads((out / "manifest.json").read_text())
    return {"seconds": wall, "startup_s": (first - launched) if first else None, "rss_mb": max(own, children) / 1024,
            "articles": manifest["counts"]["articles"], "events": manifest["counts"]["events"]}


def bench_pages_command(args) -> int:
    n, workers = args.pages, max(2, args.workers)
    real_dir = Path(args.real_pages) if args.real_pages else REAL_PAGES
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "pages"
        n_real = build_pages_corpus(corpus, n, real_dir)
        floor = trafilatura_floor(corpus)
        one = _teken_process(corpus, Path(tmp) / "out1", 1, not args.no_model)
        many = _teken_process(corpus, Path(tmp) / "outw", workers, not args.no_model)
        big = None
        if not args.skip_10x:
            corpus10 = Path(tmp) / "pages10"
            build_pages_corpus(corpus10, 10 * n, real_dir)
            big = _teken_process(corpus10, Path(tmp) / "out10", 1, not args.no_model)
    rate1, rate_w = n / one["seconds"], n / many["seconds"]
    result = {
        "pages": n, "real_pages": n_real, "signing_pages": n // 10, "events": one["events"],
        "floor_pages_per_s": round(floor, 2),
        "teken_pages_per_s": round(rate1, 2),
        "teken_over_floor": round(floor / rate1, 3),
        "workers": workers,
        "teken_pages_per_s_workers": round(rate_w, 2),
        "speedup_workers": round(rate_w / rate1, 3),
        "startup_s": round(one["startup_s"], 2) if one["startup_s"] is not None else None,
        "rss_mb": round(max(one["rss_mb"], many["rss_mb"]), 1),
        "rss_mb_10x": round(big["rss_mb"], 1) if big else None,
        "rss_ratio_10x": round(big["rss_mb"] / one["rss_mb"], 3) if big else None,
        "model": not args.no_model,
    }
    print(f"teken bench --pages {n}: {n_real} real pages, {n // 10} signing pages, {one['events']} events\n"
          f"  floor (trafilatura bare_extraction, 1 process): {result['floor_pages_per_s']} pages/s\n"
          f"  teken run, 1 worker, start-up included: {result['teken_pages_per_s']} pages/s "
          f"= {result['teken_over_floor']}x the floor's time\n"
          f"  teken run, {workers} workers: {result['teken_pages_per_s_workers']} pages/s "
          f"= {result['speedup_workers']}x one worker\n"
          f"  start-up {result['startup_s']} s; peak RSS per process {result['rss_mb']} MB"
          + (f", at {10 * n} pages {result['rss_mb_10x']} MB ({result['rss_ratio_10x']}x)" if big else ""),
          file=sys.stderr)
    print(json.dumps(result))
    return 0
