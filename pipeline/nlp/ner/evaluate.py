"""Score the NER model on NERGrit and NERP test and time the whole teken spaCy pipeline (`teken eval-ner`)."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy

from teken.pipeline import UsageError
from teken.pipeline.nlp.ner import MODEL_DIR, load_ner_model
from teken.pipeline.nlp.ner.corpus import LABELS, BioSentence, gold_spans, read_bio_file, sentence_to_doc

# NERP's PPL and PLC have a clean equivalent (PER, LOC); its IND, EVT and FNB do not, so ORG is not scored.
NERP_LABELS: tuple[str, ...] = ("PER", "LOC")


@dataclass
class Counts:
    """True positives, false positives and false negatives of exact-span matching."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class NerScores:
    """Entity scores on one test set: micro-averaged overall and per label."""

    overall: Counts = field(default_factory=Counts)
    per_label: dict[str, Counts] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"overall": self.overall.as_dict(),
                "per_label": {label: c.as_dict() for label, c in sorted(self.per_label.items())}}


def score_sentences(nlp: spacy.Language, sentences: Sequence[BioSentence], labels: Iterable[str],
                    lowercase: bool = False) -> NerScores:
    """Tag the gold tokens of each sentence and count exact (label, start, end) matches on `labels` only.

    The model runs on the file's own tokens, as the published scores on these sets do, so that tokenizer
    differences are not counted as NER errors. Predictions with other labels are ignored.
    """
    labels = tuple(labels)
    scores = NerScores(per_label={label: Counts() for label in labels})
    docs = []
    for sent in sentences:
        words = [w.lower() for w in sent.words] if lowercase else sent.words
        docs.append(sentence_to_doc(nlp.vocab, BioSentence(words, sent.tags), with_ents=False))
    for sent, doc in zip(sentences, nlp.pipe(docs, batch_size=256), strict=True):
        gold = gold_spans(sent, ind_policy="outside", keep=labels)
        pred = {(e.label_, e.start, e.end) for e in doc.ents if e.label_ in labels}
        for label in labels:
            g = {s for s in gold if s[0] == label}
            p = {s for s in pred if s[0] == label}
            c = scores.per_label[label]
            c.tp += len(g & p)
            c.fp += len(p - g)
            c.fn += len(g - p)
    for c in scores.per_label.values():
        scores.overall.tp += c.tp
        scores.overall.fp += c.fp
        scores.overall.fn += c.fn
    return scores


def _ner_only(model: spacy.Language) -> spacy.Language:
    """Keep just the components that make entities, so evaluation scores the model, not the rules."""
    keep = {"tok2vec", "ner"}
    for name in list(model.pipe_names):
        if name not in keep:
            model.disable_pipe(name)
    return model


def speed_pipeline(model_dir: Path | None) -> tuple[spacy.Language, str]:
    """Return the pipeline to time and its description: teken's `build_nlp` when available."""
    if model_dir is None or Path(model_dir).resolve() == MODEL_DIR.resolve():
        from teken.pipeline.nlp.components import build_nlp

        return build_nlp(use_model=True), "teken.pipeline.nlp.components.build_nlp(use_model=True)"
    nlp = load_ner_model(model_dir)
    if nlp is None:
        raise FileNotFoundError(f"no NER model in {model_dir or MODEL_DIR}")
    nlp.add_pipe("sentencizer", first=True)
    return nlp, "NER model + sentencizer (a model other than the shipped one)"


def measure_words_per_second(nlp: spacy.Language, texts: Sequence[str], passes: int = 5,
                             batch_size: int = 64) -> tuple[float, float]:
    """Tokens per second of `nlp.pipe` on one process: (median, best) over `passes` passes after a warm-up.

    The median is the figure reported; the best pass shows what the pipeline does when the (shared) machine
    is quiet.
    """
    for _ in nlp.pipe(texts[:8], batch_size=batch_size):
        pass
    rates = []
    for _ in range(max(1, passes)):
        started = time.perf_counter()
        n_tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=1))
        rates.append(n_tokens / max(time.perf_counter() - started, 1e-9))
    return statistics.median(rates), max(rates)


def articles_from_sentences(sentences: Sequence[BioSentence], per_article: int = 20) -> list[str]:
    """Join test sentences into article-sized texts, the unit `teken run` pipes."""
    vocab = spacy.blank("id").vocab
    texts = [sentence_to_doc(vocab, s, with_ents=False).text for s in sentences]
    return [" ".join(texts[i:i + per_article]) for i in range(0, len(texts), per_article)]


def evaluate_ner(data_dir: Path, model_dir: Path | None = None) -> dict[str, Any]:
    """Score the model on both test sets and time the pipeline; return every figure in one dict."""
    data_dir = Path(data_dir)
    model = load_ner_model(model_dir)
    if model is None:
        raise FileNotFoundError(f"no NER model in {model_dir or MODEL_DIR}")
    model = _ner_only(model)
    nergrit = read_bio_file(data_dir / "nergrit" / "test.tsv")
    nerp = read_bio_file(data_dir / "nerp" / "test.tsv")
    grit = score_sentences(model, nergrit, LABELS)
    grit_lower = score_sentences(model, nergrit, LABELS, lowercase=True)
    prosa = score_sentences(model, nerp, NERP_LABELS)

    timed, description = speed_pipeline(model_dir)
    wps, wps_best = measure_words_per_second(timed, articles_from_sentences(nergrit + nerp))
    return {
        "model": str(Path(model_dir) if model_dir else MODEL_DIR),
        "nergrit_test_f1": round(grit.overall.f1, 4),
        "nerp_test_f1_per_loc": round(prosa.overall.f1, 4),
        "nergrit_test_lowercased_f1": round(grit_lower.overall.f1, 4),
        "words_per_second": round(wps),
        "words_per_second_best_pass": round(wps_best),
        "speed_pipeline": description,
        "speed_components": list(timed.pipe_names),
        "nergrit_test": grit.as_dict(),
        "nerp_test_per_loc": prosa.as_dict(),
        "nergrit_test_lowercased": grit_lower.as_dict(),
    }


def _print_table(title: str, scores: dict) -> None:
    print(title)
    print(f"  {'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}")
    rows = list(scores["per_label"].items()) + [("overall", scores["overall"])]
    for label, s in rows:
        print(f"  {label:<8}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}{s['tp'] + s['fn']:>7}")


def eval_ner_command(args: argparse.Namespace) -> int:
    """Run `teken eval-ner`: print the score tables (and a JSON last line with --json); a bad argument raises
    UsageError."""
    data = Path(args.data)
    for sub in ("nergrit", "nerp"):
        if not (data / sub / "test.tsv").is_file():
            raise UsageError(f"no {sub}/test.tsv in {data}")
    model_dir = Path(args.model) if args.model else None
    try:
        result = evaluate_ner(data, model_dir)
    except FileNotFoundError as err:
        raise UsageError(str(err)) from err
    print(f"model: {result['model']}")
    _print_table("NERGrit test (PER, ORG, LOC)", result["nergrit_test"])
    _print_table("NERP test (PPL->PER, PLC->LOC)", result["nerp_test_per_loc"])
    print(f"NERGrit test, lowercased input: F1 {result['nergrit_test_lowercased_f1']:.3f}")
    print(f"speed: {result['words_per_second']:,} words/s (median of 5 passes; best "
          f"{result['words_per_second_best_pass']:,}), one process, nlp.pipe ({result['speed_pipeline']})")
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    return 0
