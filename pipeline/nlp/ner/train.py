"""Train teken's Indonesian NER model from the committed spaCy config (`teken train-ner`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from teken.pipeline import UsageError
from teken.pipeline.nlp.ner.corpus import IND_POLICIES, write_training_corpora

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")


def with_pretraining_section(config: Any) -> Any:
    """Return `config` with spaCy's default [pretraining] settings where it has none.

    spaCy loads `[initialize] init_tok2vec` only when the config has a [pretraining] section, and skips it
    without a word otherwise; the committed config has none, so both `pretrain-ner` and
    `train-ner --init-tok2vec` add the same defaults (tok2vec, whole layer, characters objective).
    """
    from spacy import util

    if config.get("pretraining"):
        return config
    defaults = util.load_config(Path(util.__file__).parent / "default_config_pretraining.cfg", interpolate=False)
    return defaults.merge(config)


def train_ner(
    data_dir: Path,
    out_dir: Path,
    config_path: Path = DEFAULT_CONFIG,
    max_steps: int | None = None,
    limit: int | None = None,
    seed: int | None = None,
    overrides: dict[str, Any] | None = None,
    init_tok2vec: Path | None = None,
) -> Path:
    """Convert the corpora into `out_dir/corpus`, train, and return the folder of the best model.

    `init_tok2vec` starts the tok2vec from weights that `teken pretrain-ner` wrote for the same config.

    spaCy writes `out_dir/model-best` (best dev F1) and `out_dir/model-last`; the converted corpora stay in
    `out_dir/corpus` so that the repository never holds third-party text.
    """
    from spacy import util
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_nlp

    data_dir, out_dir = Path(data_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cfg_overrides: dict[str, Any] = dict(overrides or {})
    if seed is not None:
        cfg_overrides["system.seed"] = seed
    config = util.load_config(config_path, overrides=cfg_overrides, interpolate=False)
    teken = config.get("teken", {})
    ind_policy = teken.get("ind_policy", "missing")
    if ind_policy not in IND_POLICIES:
        raise ValueError(f"teken.ind_policy must be one of {IND_POLICIES}, not {ind_policy!r}")
    nergrit_repeat = int(teken.get("nergrit_repeat", 1))
    nerp_recase = float(teken.get("nerp_recase", 0.0))
    dateline_share = float(teken.get("dateline_share", 0.0))

    corpora = write_training_corpora(data_dir, out_dir / "corpus", ind_policy=ind_policy, limit=limit,
                                     nergrit_repeat=nergrit_repeat, nerp_recase=nerp_recase,
                                     dateline_share=dateline_share)
    print(f"corpus: {corpora.n_train} train / {corpora.n_dev} dev sentences (IND: {ind_policy}, "
          f"NERGrit x{nergrit_repeat}, NERP re-cased share {nerp_recase}, datelines {dateline_share})", flush=True)
    cfg_overrides["paths.train"] = str(corpora.train)
    cfg_overrides["paths.dev"] = str(corpora.dev)
    if max_steps is not None:
        cfg_overrides["training.max_steps"] = max_steps
        # Without an evaluation before the last step spaCy would write no model-best.
        freq = int(config["training"]["eval_frequency"])
        cfg_overrides["training.eval_frequency"] = max(1, min(freq, max_steps))
    config = util.load_config(config_path, overrides=cfg_overrides, interpolate=False)
    if init_tok2vec is not None:
        if not Path(init_tok2vec).is_file():
            raise FileNotFoundError(f"pretrained tok2vec weights not found: {init_tok2vec}")
        config = with_pretraining_section(config)
        config["paths"]["init_tok2vec"] = str(init_tok2vec)

    started = time.perf_counter()
    nlp = init_nlp(config, use_gpu=-1)
    train_nlp(nlp, out_dir, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)
    print(f"trained in {time.perf_counter() - started:.0f}s", flush=True)
    best = out_dir / "model-best"
    return best if best.is_dir() else out_dir / "model-last"


def package_model(model_dir: Path, dest: Path, version: str = "0.1.0") -> Path:
    """Write the trained pipeline to `dest` (the shipped `pipeline/nlp/models/ner_id`) with teken's meta.

    Only tok2vec and ner are kept, so the folder holds just what NER needs; files that are not part of
    the pipeline (the model card) are left in place.
    """
    import spacy

    nlp = spacy.load(model_dir)
    for name in list(nlp.pipe_names):
        if name not in {"tok2vec", "ner"}:
            nlp.remove_pipe(name)
    nlp.meta.update({
        "name": "ner_id",
        "version": version,
        "description": "teken's Indonesian NER (PER, ORG, LOC) trained on NERGrit and NERP; see MODEL_CARD.md",
        "license": "Apache-2.0 (model); training data: NERGrit MIT, NERP as released in IndoNLU (Apache-2.0)",
        "author": "teken",
        "sources": [
            {"name": "NERGrit (Grit-ID)", "url": "https://github.com/grit-id/nergrit-corpus", "license": "MIT"},
            {"name": "IndoNLU NERGrit and NERP", "url": "https://github.com/IndoNLP/indonlu",
             "license": "Apache-2.0"},
        ],
    })
    # The run's work folders mean nothing inside the package.
    for key in ("train", "dev", "init_tok2vec"):
        if key in nlp.config.get("paths", {}):
            nlp.config["paths"][key] = None
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)
    # The string store would ship every word of the training corpora; inference hashes the words it reads
    # and needs none of them (the same entities with an empty store, checked on 85 documents), so the
    # package carries no word list taken from third-party text.
    (dest / "vocab" / "strings.json").write_text("[]\n", encoding="utf-8")
    return dest


def train_ner_command(args: argparse.Namespace) -> int:
    """Run `teken train-ner`: exit 0 with the model folder printed; a bad argument raises UsageError."""
    data = Path(args.data)
    config = Path(args.config) if args.config else DEFAULT_CONFIG
    for sub in ("nergrit", "nerp"):
        if not (data / sub).is_dir():
            raise UsageError(f"no {sub}/ folder in {data}")
    if not config.is_file():
        raise UsageError(f"config not found: {config}")
    if args.max_steps is not None and args.max_steps < 1:
        raise UsageError("--max-steps must be at least 1")
    if args.limit is not None and args.limit < 2:
        raise UsageError("--limit must be at least 2")
    init_tok2vec = getattr(args, "init_tok2vec", None)
    try:
        model_dir = train_ner(data, Path(args.out), config, args.max_steps, args.limit, args.seed,
                              init_tok2vec=Path(init_tok2vec) if init_tok2vec else None)
    except (ValueError, FileNotFoundError) as err:
        raise UsageError(str(err)) from err
    print(f"model: {model_dir}")
    return 0
