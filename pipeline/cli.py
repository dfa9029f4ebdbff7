"""The `teken` command: a thin layer over the Python API (pipeline.run, pipeline.evaluate, pipeline.ner)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline import UsageError, __version__


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
    p.add_argument("--workers", type=int, default=1, help="processes for the NLP step (default 1)")
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
    p.add_argument("--no-text", action="store_true",
                   help="leave the cleaned text out of articles.parquet (smaller; offsets then point nowhere)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing dataset in --out")
    p.add_argument("--resume", action="store_true",
                   help="carry on an interrupted run in --out, skipping the inputs it finished")


def _add_eval(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="score the pipeline on a gold file (the format of shared/dev/seeds.jsonl)",
    )
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("-v", "--verbose", action="store_true", help="scores and mismatches per article")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    p.add_argument("--calibration", action="store_true", help="precision per confidence band")
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE")
    p.add_argument("--no-model", action="store_true", help="gazetteer entities only")
    p.add_argument("--split", default=None, metavar="NAME",
                   help="score only the gold lines whose `split` is NAME (e.g. dev, check)")


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

    p = sub.add_parser("eval-ner", help="NER precision/recall/F1 on NERGrit and NERP test, and pipeline speed")
    p.add_argument("--data", required=True, metavar="DIR", help="folder with nergrit/ and nerp/")
    p.add_argument("--model", default=None, metavar="DIR", help="model folder (default: the shipped one)")
    p.add_argument("--json", action="store_true", help="last line: one JSON object with the scores")


def _add_bench(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="throughput and peak memory of a run over copies of the demo corpus")
    p.add_argument("--copies", type=int, default=20, help="copies of the 15 demo pages (default 20: 300 articles)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--no-model", action="store_true")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="teken", description="Signing events from Indonesian online news.")
    parser.add_argument("--version", action="version", version=f"teken {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_run(sub)
    _add_eval(sub)
    _add_ner(sub)
    _add_bench(sub)
    return parser


def _check_run_args(args: argparse.Namespace) -> None:
    for item in args.inputs:
        if not Path(item).exists():
            raise UsageError(f"input not found: {item}")
    for g in args.gazetteer:
        if not Path(g).is_file():
            raise UsageError(f"gazetteer file not found: {g}")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"output is not a folder: {out}")
    probe = out if out.exists() else next((p for p in out.parents if p.exists()), Path("."))
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise UsageError(f"output not writable: {out}")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "run":
            _check_run_args(args)
            from pipeline.run import run_command

            return run_command(args)
        if args.command == "eval":
            if not Path(args.gold).is_file():
                raise UsageError(f"gold file not found: {args.gold}")
            from pipeline.evaluate import eval_command

            return eval_command(args)
        if args.command == "bench":
            from pipeline.bench import bench_command

            return bench_command(args)
        if args.command == "train-ner":
            from pipeline.ner.train import train_ner_command

            return train_ner_command(args)
        if args.command == "pretrain-ner":
            from pipeline.ner.pretrain import pretrain_ner_command

            return pretrain_ner_command(args)
        if args.command == "eval-ner":
            from pipeline.ner.evaluate import eval_ner_command

            return eval_ner_command(args)
    except UsageError as err:
        print(f"teken {args.command}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("teken: interrupted", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
