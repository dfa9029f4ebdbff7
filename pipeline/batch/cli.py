"""The `teken` command: a thin layer over the Python API (teken.pipeline.batch.run, .evaluate, teken.pipeline.nlp.ner)."""

from __future__ import annotations

import argparse
import os
import re
import socket
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from teken.pipeline import UsageError, __version__, available_cores
from teken.pipeline.batch.perturb import PERTURBATIONS

# Connecting to a Dask scheduler that does not answer is given up after this long (Dask's default is 30 s).
SCHEDULER_TIMEOUT_S = 5.0


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error: "teken run: --batch-size: invalid int value: 'x'", exit 2."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _add_debug(p: argparse.ArgumentParser, top: bool = False) -> None:
    # On the subcommands too, so that `teken run ... --debug` works; SUPPRESS keeps the top-level value.
    p.add_argument("--debug", action="store_true", default=False if top else argparse.SUPPRESS,
                   help="show the Python traceback when teken fails (for bug reports)")


def _add_run(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "run",
        help="read articles, extract signing events, write the dataset",
        description="Read HTML/WARC/JSONL/TXT files or folders and write a signing-event dataset (SPEC §3).",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders, in any mix")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder for the dataset")
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                   help="extra institutions CSV (same columns as the built-in list); may repeat")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes that clean and extract (default: the cores available to teken, here "
                        f"{available_cores()}; a run of one batch of articles or less then stays in one process)")
    p.add_argument("--executor", choices=["local", "dask"], default="local",
                   help="where the steps run: in this process (with --workers processes) or on Dask")
    p.add_argument("--dask-scheduler", default=None, metavar="ADDRESS",
                   help="with --executor dask: a Dask cluster's scheduler (tcp://host:8786); default a local pool")
    p.add_argument("--batch-size", type=int, default=64, help="articles per nlp.pipe batch")
    p.add_argument("--chunk-size", type=int, default=None, metavar="N",
                   help="articles per part file in OUT/.parts, the unit a --resume redoes (default 512)")
    p.add_argument("--no-model", action="store_true",
                   help="entities from the gazetteer only, without the trained NER model")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("--keep-duplicates", action="store_true",
                   help="every page read is its own article, even a second copy of one (the same normalised URL "
                        "or cleaned text); by default the copy is recorded as a duplicate and gives no events")
    p.add_argument("--no-text", action="store_true",
                   help="leave the cleaned text out of articles.parquet (smaller; offsets then point nowhere)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing dataset in --out")
    p.add_argument("--resume", action="store_true",
                   help="carry on an interrupted run in --out, skipping the inputs it finished")
    p.add_argument("--csv-dialect", choices=["default", "excel-id"], default="default",
                   help="the CSV files: default (',' between fields, for pandas and R) or excel-id (';' between "
                        "fields, decimal comma, codes and dates as text formulas: for Excel and LibreOffice in "
                        "an Indonesian locale); both UTF-8 with a BOM")


def _add_schema(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "schema",
        help="print the data dictionary: every column of every file teken run writes",
        description="The data dictionary (name, type, meaning, example) of the dataset files, as the README "
                    "shows it; the Parquet files carry the same meanings in their schema metadata.",
    )
    p.add_argument("--json", action="store_true", help="print it as one JSON object")


def _add_eval(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="score the pipeline on a gold file (the format of shared/dev/seeds.jsonl)",
    )
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("-v", "--verbose", action="store_true", help="scores and mismatches per article")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    p.add_argument("--calibration", action="store_true", help="precision per confidence band")
    p.add_argument("--names", action="store_true",
                   help="how gold parties are named where the text holds them: as gold, otherwise, or not "
                        "recognised (with -v, each one named otherwise or missed)")
    p.add_argument("--misses", action="store_true",
                   help="why each miss was counted, in counts only: an event missed with no prediction or "
                        "with no shared signer, a party not recognised, not attached or on another event")
    p.add_argument("--by-kind", action="store_true",
                   help="party precision, recall and F1 by kind (ombudsman, pemerintah_daerah, ...), in counts only")
    p.add_argument("--exact-names", action="store_true",
                   help="compare party names only through the gazetteer's whole forms, not spelling-free "
                        "(the scoring of the figures before December 2026)")
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE")
    p.add_argument("--no-model", action="store_true", help="gazetteer entities only")
    p.add_argument("--split", default=None, metavar="NAME",
                   help="score only the gold lines whose `split` is NAME (e.g. dev, check)")
    p.add_argument("--perturb", default=None, choices=PERTURBATIONS,
                   help="score the articles as written and perturbed alike (regions swapped for others of their "
                        "province, a related-article line put in, signing verbs written with their synonyms, the "
                        "line breaks lost) and count the articles that read worse; with -v, name them")


def _add_summary(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "summary",
        help="what a dataset holds: counts by type, status, province, year and kind of party",
        description="Counts of a teken run's dataset in the terminal, once per ceremony (canonical events) and "
                    "once per reported event: by agreement type, status, province (by name), year and kind of "
                    "party.",
    )
    p.add_argument("out_dir", metavar="OUT_DIR", help="the --out folder of a teken run")


def _add_ner(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train-ner", help="train the Indonesian NER model from NERGrit and NERP")
    p.add_argument("--data", required=True, metavar="DIR", help="folder with nergrit/ and nerp/")
    p.add_argument("--out", required=True, metavar="DIR", help="where the trained model goes")
    p.add_argument("--config", default=None, metavar="CFG", help="training config (default: the committed one)")
    p.add_argument("--max-steps", type=int, default=None, help="stop after this many steps (smoke runs)")
    p.add_argument("--limit", type=int, default=None, help="train on the first N sentences only")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--init-tok2vec", default=None, metavar="FILE",
                   help="start from tok2vec weights written by `teken pretrain-ner` (model-last.bin)")

    p = sub.add_parser("pretrain-ner", help="pretrain the NER model's tok2vec on raw text (a teken run's articles)")
    p.add_argument("text", nargs="+", metavar="SOURCE",
                   help="teken dataset folders, .parquet with a text column, .jsonl with a text key, .txt files, "
                        "or folders of these")
    p.add_argument("--out", required=True, metavar="DIR", help="where the weights (model-last.bin) go")
    p.add_argument("--epochs", type=int, default=10, help="passes over the text (default 10)")
    p.add_argument("--max-words", type=int, default=None, help="use at most this many words of text")
    p.add_argument("--config", default=None, metavar="CFG", help="training config (default: the committed one)")
    p.add_argument("--seed", type=int, default=None)

    p = sub.add_parser("train-signers", help="train and cross-validate the learned signer scorer (experimental)",
                       description="Train the learned 'is a signer' scorer (teken/extractors/signer_model.py, off "
                                   "by default) on a gold file, and measure it by cross-validation by article.")
    from teken.extractors.train_signers import add_arguments as _signer_arguments

    _signer_arguments(p)

    p = sub.add_parser("eval-ner", help="NER precision/recall/F1 on NERGrit and NERP test, and pipeline speed")
    p.add_argument("--data", required=True, metavar="DIR", help="folder with nergrit/ and nerp/")
    p.add_argument("--model", default=None, metavar="DIR", help="model folder (default: the shipped one)")
    p.add_argument("--json", action="store_true", help="last line: one JSON object with the scores")


REAL_PAGES_HELP = "../shared/data/html-real"


def _add_bench(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="throughput and peak memory of a run over copies of the demo corpus")
    p.add_argument("--copies", type=int, default=20, help="copies of the 15 demo pages (default 20: 300 articles)")
    p.add_argument("--workers", type=int, default=1,
                   help="workers of the run (with --pages: the second run's, at least 2)")
    p.add_argument("--no-model", action="store_true")
    p.add_argument("--pages", type=int, default=None,
                   help="instead of demo copies: N crawl-like pages (9 in 10 not about a signing: the real pages of "
                        "--real-pages, else written ones), against trafilatura's bare_extraction as the floor, "
                        "with 1 and --workers workers, start-up and peak RSS per process at N and 10N")
    p.add_argument("--real-pages", default=None, help=f"folder of real non-signing pages (default {REAL_PAGES_HELP})")
    p.add_argument("--skip-10x", action="store_true", help="with --pages: no run at 10N (it takes ten times as long)")
    p.add_argument("--json", action="store_true", help="the figures' JSON object is the last line (it always is)")
    p.add_argument("--link", type=int, default=None, metavar="N",
                   help="instead: link N synthetic events into canonical events on one core (seconds, events/s, "
                        "and pairwise and B-cubed scores against the synthetic truth)")


def _add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="one self-contained HTML page about a dataset: charts, coverage, table",
                       description="Write one HTML file (charts inline as SVG, no request to any other host) about "
                                   "the dataset in OUT_DIR.")
    p.add_argument("out_dir", metavar="OUT_DIR", help="a folder `teken run` wrote")
    p.add_argument("--html", required=True, metavar="FILE", help="the HTML file to write")
    p.add_argument("--institution", default="ombudsman", metavar="NAME",
                   help="the coverage view's institution: a part of its name or a kind (default ombudsman)")


def _add_crawl(sub: argparse._SubParsersAction) -> None:
    """`teken crawl`: corpus collection (teken.corpus.crawl); parsing and dispatch kept in this one block."""
    p = sub.add_parser("crawl", help="collect news pages from sites, feeds or sitemaps into WARC files",
                       description="Discover article URLs (feeds, sitemaps, URL lists) and fetch them politely "
                                   "into DIR/*.warc.gz for `teken run`. Resumable: run it again to continue.")
    p.add_argument("seeds", nargs="*", metavar="SEED", help="site, RSS/Atom feed or sitemap URL")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the WARC files, crawl.json and state")
    p.add_argument("--urls", action="append", metavar="FILE", help="a file of URLs, one a line (repeatable)")
    p.add_argument("--delay", type=float, default=1.0, help="seconds between requests to a host (default 1; "
                   "a longer robots.txt Crawl-delay wins)")
    p.add_argument("--contact", default=None, help="URL or e-mail for the user agent, so sites can reach you")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per connection and read (default 30)")
    p.add_argument("--retries", type=int, default=3, help="retries on 429, 5xx and network errors (default 3)")
    p.add_argument("--backoff", type=float, default=2.0, help="first retry wait in seconds, doubled each time")
    p.add_argument("--max-bytes", default="10M", help="largest response kept (default 10M)")
    p.add_argument("--max-redirects", type=int, default=5, help="redirect hops followed (default 5)")
    p.add_argument("--warc-size", default="100M", help="start a new WARC file past this size (default 100M)")
    p.add_argument("--max-pages", type=int, default=None, help="stop after this many pages")
    p.add_argument("--workers", type=int, default=4,
                   help="sites fetched at the same time (default 4); one request at a time per site always")
    p.add_argument("--include", action="append", metavar="REGEX", help="keep only URLs matching (repeatable)")
    p.add_argument("--exclude", action="append", metavar="REGEX", help="drop URLs matching (repeatable)")
    p.add_argument("--keyword", action="append", metavar="WORD",
                   help="keep only URLs with the word in the URL or the feed/sitemap title (repeatable)")
    p.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="drop entries dated before (sitemap/feed)")
    p.add_argument("--until", default=None, metavar="YYYY-MM-DD", help="drop entries dated after (sitemap/feed)")
    p.add_argument("--allow-private", action="store_true",
                   help="allow loopback and private addresses (local test servers); refused by default")
    p.add_argument("--resolve", action="append", metavar="HOST:IP", help="use this address for HOST (like curl)")
    p.add_argument("--quiet", action="store_true", help="no progress lines")

    def command(args: argparse.Namespace) -> int:
        from teken.corpus.crawl import crawl_command

        return crawl_command(args)

    p.set_defaults(handler=command)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="teken", description="Signing events from Indonesian online news.")
    parser.add_argument("--version", action="version", version=f"teken {__version__}")
    _add_debug(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True)
    _add_run(sub)
    _add_eval(sub)
    _add_ner(sub)
    _add_bench(sub)
    _add_schema(sub)
    _add_summary(sub)
    _add_report(sub)
    _add_crawl(sub)
    for command in sub.choices.values():
        _add_debug(command)
    return parser


_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def _check_run_args(args: argparse.Namespace) -> None:
    """Every mistake in how `teken run` was called, found before anything is written."""
    for item in args.inputs:
        if _URL.match(item):
            if item.lower().startswith(("http://", "https://")):
                raise UsageError(f"input is a web address, not a file: {item} (teken reads saved pages: save them "
                                 f"first, e.g. `wget --warc-file=berita --input-file=urls.txt`, then "
                                 f"`teken run berita.warc.gz`)")
            _check_url_input(item)
            continue
        if not Path(item).exists():
            raise UsageError(f"input not found: {item}")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.resume and args.overwrite:
        raise UsageError("--resume and --overwrite exclude each other (--resume carries on the dataset in --out, "
                         "--overwrite replaces it)")
    for g in args.gazetteer:
        check_gazetteer(g)
    if args.dask_scheduler and args.executor != "dask":
        raise UsageError("--dask-scheduler needs --executor dask")
    if args.executor == "dask":
        check_dask(args.dask_scheduler)
    _check_out(Path(args.out))
    if args.executor == "dask" and args.dask_scheduler:
        from teken.pipeline.batch.run import check_workers_reach

        check_workers_reach(args.dask_scheduler, args.inputs)  # last: it connects to the cluster


def _check_url_input(url: str) -> None:
    """An fsspec URL input (s3://, gs://, file://, memory://) must name at least one file, with its protocol's
    library installed (s3fs for s3://): listing it here costs metadata only."""
    from teken.corpus.remote import InputError, check_url

    try:
        check_url(url)
    except InputError as err:
        raise UsageError(str(err)) from None


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"output is not a folder: {out}")
    probe = out if out.exists() else next((p for p in out.parents if p.exists()), Path("."))
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise UsageError(f"output not writable: {out}")
    # os.access says yes to root everywhere (/proc, read-only mounts): creating something is the real test.
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".teken-probe-", dir=probe))
    except OSError as exc:
        raise UsageError(f"cannot create the output folder {out}: {exc.strerror or exc} in {probe}") from None


def check_gazetteer(path: str) -> None:
    """A `--gazetteer` file must be a readable CSV of institutions: UTF-8, a `name` column, known kinds."""
    from teken.corpus.readers import looks_binary
    from teken.gazetteer import read_institutions_csv

    file = Path(path)
    if not file.is_file():
        raise UsageError(f"gazetteer file not found: {path}")
    try:
        with open(file, "rb") as fh:
            head = fh.read(8192)
        if looks_binary(head):
            raise UsageError(f"gazetteer {path} is not a CSV file (binary content)")
        first = head.decode("utf-8-sig", "replace").splitlines()[0] if head.strip() else ""
        if "name" not in [c.strip() for c in first.split(",")]:
            raise UsageError(f"gazetteer {path} has no `name` column (expected the header "
                             f"name,aliases,kind,region_code)")
        for _ in read_institutions_csv(file):
            pass
    except UnicodeDecodeError as exc:
        raise UsageError(f"gazetteer {path} is not UTF-8 text (byte {exc.object[exc.start]:#04x} "
                         f"at offset {exc.start})") from None
    except ValueError as exc:  # an unknown kind, with the file and line
        raise UsageError(f"gazetteer {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot read gazetteer {path}: {exc.strerror or exc}") from None


def check_dask(scheduler: str | None, timeout: float = SCHEDULER_TIMEOUT_S) -> None:
    """`--executor dask` needs Dask installed; `--dask-scheduler` needs dask.distributed and a scheduler that
    answers, found out in seconds rather than after Dask's 30-second connect timeout."""
    try:
        import dask.bag  # noqa: F401
    except ImportError:
        raise UsageError("--executor dask needs Dask, which is not installed: pip install "
                         "'dask[bag,distributed]>=2024.1' (teken's dask extra; in a clone: pip install -e "
                         "'.[dask]')") from None
    if not scheduler:
        return
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError("--dask-scheduler needs dask.distributed, which is not installed (the dask extra has "
                         "only the local executor): pip install 'dask[distributed]'") from None
    check_scheduler_reachable(scheduler, timeout)


def check_scheduler_reachable(address: str, timeout: float = SCHEDULER_TIMEOUT_S) -> None:
    """A TCP connection to the scheduler's host and port, given up after `timeout` seconds."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        host, port = parts.hostname, parts.port or 8786
    except ValueError:
        host, port = None, None
    if parts.scheme not in ("tcp", "tls") or not host:
        raise UsageError(f"--dask-scheduler {address!r} is not a scheduler address (tcp://HOST:PORT)")
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as exc:
        why = "no answer" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        raise UsageError(f"cannot reach the Dask scheduler at {address} within {timeout:g} s: {why}") from None


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a one-line argparse error
        return stop.code if isinstance(stop.code, int) else 2
    try:
        if getattr(args, "handler", None) is not None:
            return int(args.handler(args))
        if args.command == "run":
            _check_run_args(args)
            from teken.pipeline.batch.run import run_command

            return run_command(args)
        if args.command == "eval":
            if not Path(args.gold).is_file():
                raise UsageError(f"gold file not found: {args.gold}")
            for g in args.gazetteer:
                check_gazetteer(g)
            from teken.pipeline.batch.evaluate import eval_command

            return eval_command(args)
        if args.command == "summary":
            from teken.pipeline.batch.summary import summary_command

            return summary_command(args)
        if args.command == "schema":
            from teken.schema import schema_command

            return schema_command(args)
        if args.command == "bench" and getattr(args, "link", None) is not None:
            if args.link < 1:
                raise UsageError("--link must be at least 1")
            from teken.pipeline.batch.canonical import bench_link_command

            return bench_link_command(args.link)
        if args.command == "bench":
            from teken.pipeline.batch.bench import bench_command

            return bench_command(args)
        if args.command == "report":
            from teken.pipeline.batch.report import report_command

            return report_command(args)
        if args.command == "train-ner":
            from teken.pipeline.nlp.ner.train import train_ner_command

            return train_ner_command(args)
        if args.command == "pretrain-ner":
            from teken.pipeline.nlp.ner.pretrain import pretrain_ner_command

            return pretrain_ner_command(args)
        if args.command == "train-signers":
            from teken.extractors.train_signers import train_signers_command

            return train_signers_command(args)
        if args.command == "eval-ner":
            from teken.pipeline.nlp.ner.evaluate import eval_ner_command

            return eval_ner_command(args)
    except UsageError as err:
        print(f"teken {args.command}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("teken: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug in teken: one line, or the whole traceback with --debug
        if args.debug:
            raise
        text = " ".join(str(err).split())[:300]
        print(f"teken {args.command}: internal error: {type(err).__name__}: {text} "
              f"(run again with --debug for the traceback)", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
