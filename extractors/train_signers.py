"""Train and measure the learned "is a signer" scorer (extractors/signer_model.py) on a gold file.

    teken train-signers ../shared/dev/real.jsonl --split dev --cv 5 --unmatched both
    teken train-signers ../shared/dev/real.jsonl --split dev --out extractors/data/signer_model.json

Needs scikit-learn (the `dev` extra); the model it writes is read at run time without it. Deterministic: the
folds are fixed by a hash of each article's id, and the solver (lbfgs) has no randomness.

The pipeline runs once over the gold articles with the scorer collecting its candidates (the rules' events
unchanged). A candidate is labelled a signer when its party key (`teken eval`'s PartyKeys) is among the gold
event's that `teken eval` pairs with its event. Cross-validation splits by article: for each fold, a model is
trained on the other folds, its thresholds chosen on those folds alone (by an inner cross-validation), and the
held-out fold scored with `teken eval`'s scoring (score_article) for the rules alone, the learned decision
replacing them, and the learned decision overriding them only where confident.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from typing import Any

from teken.extractors import signer_model
from teken.extractors.signer_model import FEATURES, SignerCandidate, decide
from teken.records import party_dict

C_VALUES = (0.1, 0.3, 1.0)
# Features that carry the rules' reading (their choice, subjects and objects, what they chose for the other
# events): `--without-rule-features` leaves them out, to see what the text's cues alone are worth.
RULE_FEATURES = ("rule", "rule_only", "rule_subject", "rule_object", "rule_non_signer", "no_offsets", "n_rule_1",
                 "n_rule_2", "n_rule_3plus", "rule_same_kind", "other_rule_same_region", "coord_with_rule",
                 "other_event_party", "near_other_event")
EXCLUDED: set[str] = set()
ADD_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: never add
DROP_GRID = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)  # 0.0: never drop


@dataclass
class ArticleData:
    id: str
    gold: list[dict[str, Any]]
    events: list[dict[str, Any]]  # the rules' events (dicts, as `teken eval` scores them)
    cands: list[list[SignerCandidate]]  # per event
    labels: list[list[int]]  # per event and candidate: 1 signer, 0 not
    matched: list[bool]  # per event: paired with a gold event


def fold_of(article_id: str, k: int) -> int:
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % k


def collect(gold: list[dict[str, Any]], use_model: bool = True, window: int = 1) -> tuple[list[ArticleData], Any]:
    import teken
    from teken.pipeline.batch.evaluate import PartyKeys, score_article
    from teken.pipeline.nlp.components import GazetteerMatcher

    pipe = teken.nlp(use_model, ())
    keys = PartyKeys(next(p for _, p in pipe.pipeline if isinstance(p, GazetteerMatcher)).gazetteer)
    saved = (signer_model.SETTINGS.mode, signer_model.SETTINGS.collect, signer_model.SETTINGS.window)
    signer_model.SETTINGS.window = window
    out: list[ArticleData] = []
    try:
        for n, item in enumerate(gold):
            seen: list = []
            signer_model.SETTINGS.mode = "off"
            signer_model.SETTINGS.collect = seen
            events = teken.extract(item["text"], item.get("published"), title=item.get("title"),
                                   url=item.get("url"), article_id=item.get("id"), use_model=use_model)
            by_id = {id(ev): c for ev, c in seen}
            cands = [by_id.get(id(ev), []) for ev in events]
            pred = [ev.to_dict() for ev in events]
            s, _ = score_article(pred, item.get("events", []), keys)
            gold_of = dict(s.matched)
            labels = []
            for i, cs in enumerate(cands):
                if i in gold_of:
                    gk = {keys.key(p) for p in item["events"][gold_of[i]]["parties"]}
                    labels.append([int(keys.key(party_dict(c.party)) in gk) for c in cs])
                else:
                    labels.append([0] * len(cs))
            out.append(ArticleData(str(item.get("id") or n), item.get("events", []), pred, cands, labels,
                                   [i in gold_of for i in range(len(pred))]))
    finally:
        signer_model.SETTINGS.mode, signer_model.SETTINGS.collect, signer_model.SETTINGS.window = saved
    return out, keys


def _rows(arts: list[ArticleData], unmatched: str):
    import numpy as np

    names = [f for f in FEATURES if f != "bias" and f not in EXCLUDED]
    index = {f: i for i, f in enumerate(names)}
    X, y = [], []
    for a in arts:
        for cs, ls, m in zip(a.cands, a.labels, a.matched, strict=True):
            if not m and unmatched == "skip":
                continue
            for c, label in zip(cs, ls, strict=True):
                row = [0.0] * len(names)
                for k, v in c.features.items():
                    if k in index:
                        row[index[k]] = v
                X.append(row)
                y.append(label)
    return np.array(X, dtype=float).reshape(-1, len(names)), np.array(y, dtype=int), names


def fit(arts: list[ArticleData], unmatched: str, C: float) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    X, y, names = _rows(arts, unmatched)
    if len(set(y.tolist())) < 2:
        return {"weights": {"bias": 0.0}}
    lr = LogisticRegression(C=C, solver="lbfgs", max_iter=5000)
    lr.fit(X, y)
    w = {n: round(float(v), 6) for n, v in zip(names, lr.coef_[0], strict=True) if abs(v) > 1e-9}
    w["bias"] = round(float(lr.intercept_[0]), 6)
    return {"weights": w}


def apply(arts: list[ArticleData], model: dict[str, Any] | None, mode: str, add: float = 0.5,
          drop: float = 0.0) -> list[list[dict[str, Any]]]:
    out = []
    for a in arts:
        evs = []
        for ev, cs in zip(a.events, a.cands, strict=True):
            if model is None or mode == "off" or not cs:
                evs.append(ev)
                continue
            parties = decide([], cs, mode, model, add=add, drop=drop)  # the rules' choice is on the candidates
            evs.append({**ev, "parties": [party_dict(p) for p in parties]})
        out.append(evs)
    return out


def score(arts: list[ArticleData], preds: list[list[dict[str, Any]]], keys) -> Any:
    from teken.pipeline.batch.evaluate import Score, score_article

    total = Score()
    for a, pred in zip(arts, preds, strict=True):
        s, _ = score_article(pred, a.gold, keys)
        total.add(s)
    return total


def _f1(s, name: str) -> float:
    return getattr(s, name).prf()["f1"]


def choose(arts: list[ArticleData], keys, unmatched: str, k: int = 4) -> dict[str, Any]:
    """C and the override thresholds, chosen on ``arts`` alone by an inner k-fold cross-validation: the
    out-of-fold scores of every article, then the (C, add, drop) with the best party F1 whose event F1 is no
    lower than the rules'."""
    rules = score(arts, apply(arts, None, "off"), keys)
    base_events = _f1(rules, "events")
    best: tuple | None = None
    for C in C_VALUES:
        oof: dict[str, dict[str, Any]] = {}
        models = {}
        for f in range(k):
            train = [a for a in arts if fold_of(a.id + "/inner", k) != f]
            models[f] = fit(train, unmatched, C)
        # one model per article: the one its inner fold did not see
        for a in arts:
            oof[a.id] = models[fold_of(a.id + "/inner", k)]
        for add in ADD_GRID:
            for drop in DROP_GRID:
                preds = []
                for a in arts:
                    preds.extend(apply([a], oof[a.id], "override", add, drop))
                s = score(arts, preds, keys)
                if _f1(s, "events") < base_events:
                    continue
                key = (_f1(s, "parties"), add, -drop, -C)  # ties: closest to the rules, most regularised
                if best is None or key > best[0]:
                    best = (key, C, add, drop)
    assert best is not None  # add 1.01 / drop 0.0 is the rules themselves
    return {"C": best[1], "add": best[2], "drop": best[3]}


def oracle(arts: list[ArticleData]) -> list[list[dict[str, Any]]]:
    """Each event's parties as the labels say (the rules' own where no candidate is a signer): the ceiling of
    any scorer over these candidates."""
    out = []
    for a in arts:
        evs = []
        for ev, cs, ls in zip(a.events, a.cands, a.labels, strict=True):
            keep = [c.party for c, label in zip(cs, ls, strict=True) if label]
            evs.append({**ev, "parties": [party_dict(p) for p in keep]} if keep else ev)
        out.append(evs)
    return out


def _auc(labels: list[int], scores: list[float]) -> float | None:
    if len(set(labels)) < 2:
        return None
    from sklearn.metrics import roc_auc_score

    return round(float(roc_auc_score(labels, scores)), 3)


def cross_validate(arts: list[ArticleData], keys, k: int, unmatched: str, log=print) -> dict[str, Any]:
    held: dict[str, list] = {"rules": [], "replace": [], "override": [], "oracle": []}
    scored: dict[bool, tuple[list[int], list[float]]] = {True: ([], []), False: ([], [])}
    chosen = []
    for f in range(k):
        train = [a for a in arts if fold_of(a.id, k) != f]
        test = [a for a in arts if fold_of(a.id, k) == f]
        params = choose(train, keys, unmatched)
        chosen.append(params)
        model = fit(train, unmatched, params["C"])
        held["rules"].append((test, apply(test, None, "off")))
        held["replace"].append((test, apply(test, model, "replace")))
        held["override"].append((test, apply(test, model, "override", params["add"], params["drop"])))
        held["oracle"].append((test, oracle(test)))
        for a in test:
            for cs, ls in zip(a.cands, a.labels, strict=True):
                for c, label in zip(cs, ls, strict=True):
                    scored[c.rule_index is not None][0].append(label)
                    scored[c.rule_index is not None][1].append(signer_model.probability(c.features, model))
        log(f"fold {f}: {len(train)} train / {len(test)} held-out articles; chosen {params}")
    table = {}
    for name, parts in held.items():
        arts_all = [a for t, _ in parts for a in t]
        preds_all = [p for _, ps in parts for p in ps]
        table[name] = score(arts_all, preds_all, keys).as_dict()
    auc = {"rules' parties": _auc(*scored[True]), "other candidates": _auc(*scored[False])}
    return {"table": table, "chosen": chosen, "auc": auc,
            "candidates": {("rules' parties" if r else "other candidates"): (sum(v[0]), len(v[0]))
                           for r, v in scored.items()}}


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("gold", help="gold JSONL (teken eval's format)")
    ap.add_argument("--split", default=None, help="only the lines of this split (dev); the check split is refused")
    ap.add_argument("--cv", type=int, default=0, metavar="K", help="report K-fold cross-validation by article")
    ap.add_argument("--unmatched", choices=["skip", "negative", "both"], default="negative",
                    help="events teken eval pairs with no gold event: left out of training, or all negatives "
                         "(both: report the cross-validation for each; the model written uses negative)")
    ap.add_argument("--window", type=int, default=1, metavar="N",
                    help="candidates from N sentences either side of the event's own (-1: the whole article)")
    ap.add_argument("--without-rule-features", action="store_true",
                    help="train on the text's cues alone, without the rules' decisions as features")
    ap.add_argument("--out", default=None, metavar="JSON", help="write the model trained on every article here")
    ap.add_argument("--no-model", action="store_true", help="entities from the gazetteer only")


def train_signers_command(args) -> int:
    from teken.pipeline import UsageError
    from teken.pipeline.batch.evaluate import read_gold

    if args.split == "check":
        raise UsageError("the check split is held out: train and measure on dev only")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise UsageError("training needs scikit-learn (pip install -e '.[dev]')") from None
    gold = read_gold(args.gold)
    if args.split is not None:
        gold = [g for g in gold if g.get("split") == args.split]
        if not gold:
            raise UsageError(f"no gold line has split {args.split!r}")
    EXCLUDED.clear()
    if args.without_rule_features:
        EXCLUDED.update(RULE_FEATURES)
    arts, keys = collect(gold, use_model=not args.no_model, window=args.window)
    n = sum(len(c) for a in arts for c in a.cands)
    pos = sum(sum(v) for a in arts for v in a.labels)
    print(f"{len(arts)} articles, {sum(len(a.events) for a in arts)} events, {n} candidates ({pos} signers), "
          f"window {args.window}")
    if args.cv:
        for unmatched in (["skip", "negative"] if args.unmatched == "both" else [args.unmatched]):
            res = cross_validate(arts, keys, args.cv, unmatched)
            print(f"{args.cv}-fold cross-validation by article (held-out folds pooled), unmatched events: {unmatched}")
            print(f"{'':10} {'events P / R / F1':>22}   {'parties P / R / F1':>22}")
            for name, d in res["table"].items():
                e, p = d["events"], d["parties"]
                print(f"{name:10} {e['precision']:6.3f} {e['recall']:6.3f} {e['f1']:6.3f}    "
                      f"{p['precision']:6.3f} {p['recall']:6.3f} {p['f1']:6.3f}")
            for group, auc in res["auc"].items():
                pos, total = res["candidates"][group]
                print(f"held-out ROC AUC, {group}: {auc} ({pos} signers of {total})")
    if args.out:
        unmatched = "negative" if args.unmatched == "both" else args.unmatched
        params = choose(arts, keys, unmatched)
        model = fit(arts, unmatched, params["C"])
        model.update(add=params["add"], drop=params["drop"], C=params["C"], unmatched=unmatched,
                     window=args.window, split=args.split, articles=len(arts),
                     features=[f for f in FEATURES if f not in EXCLUDED])
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(model, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")
        print(f"model written to {args.out}: C {params['C']}, add above {params['add']}, drop below "
              f"{params['drop']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="teken train-signers", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(ap)
    return train_signers_command(ap.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
