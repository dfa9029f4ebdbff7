"""Canonical events (pipeline/batch/canonical.py): the reports of one ceremony from several articles linked
into one row. The linking rules are tested by their examples file (self-written pairs with the decision and
why); merging, the dataset files, `teken eval`'s clustering scores and `teken bench --link` below. The
articles of tests/fixtures/multi_outlet were written for these tests."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

from teken.pipeline.batch.canonical import (
    canonical_id,
    canonicalize,
    link,
    merge,
    party_key,
    registered_domain,
    synthetic_events,
)
from teken.pipeline.batch.cli import main as teken_main
from teken.pipeline.batch.evaluate import cluster_scores

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "pipeline" / "batch" / "canonical.examples.jsonl"
MULTI = ROOT / "tests" / "fixtures" / "multi_outlet"

ORI_RIAU = {"name": "Ombudsman RI Perwakilan Riau", "kind": "ombudsman", "region_code": "14"}
KAMPAR = {"name": "Pemerintah Kabupaten Kampar", "kind": "pemerintah_daerah", "region_code": "14.01"}
SIAK = {"name": "Pemerintah Kabupaten Siak", "kind": "pemerintah_daerah", "region_code": "14.08"}


def _examples() -> list[dict]:
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("example", _examples(), ids=lambda x: x["why"][:60])
def test_linking_examples(example: dict) -> None:
    events = [example["a"], example["b"], *example.get("context", [])]
    roots = link(events)
    assert (roots[0] == roots[1]) is example["same"], example["why"]
    # The decision does not depend on the order the reports come in.
    back = link([example["b"], example["a"], *example.get("context", [])])
    assert (back[0] == back[1]) is example["same"], example["why"] + " (reversed)"


def test_examples_file_covers_both_decisions_and_says_why() -> None:
    examples = _examples()
    assert len(examples) >= 20
    assert {x["same"] for x in examples} == {True, False}
    assert all(len(x["why"]) > 20 for x in examples)


def _ev(event_id: str, article: str, parties: list, date: str | None, **kw) -> dict:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""))
    return {"event_id": event_id, "article_id": article, "parties": parties, "date": date,
            "date_precision": precision, "status": kw.pop("status", "signed"),
            "agreement_types": kw.pop("types", ["mou"]), **kw}


def test_merge_keeps_the_most_precise_date_the_fullest_parties_and_the_conflicts() -> None:
    rows = [
        _ev("e1", "a1", [KAMPAR, ORI_RIAU], "2023-06", venue="Bangkinang", url="https://www.riaupagi.co.id/x",
            published="2023-06-14", confidence=0.6),
        _ev("e2", "a2", [ORI_RIAU, KAMPAR, SIAK], "2023-06-13", venue="Kantor Bupati Kampar, Bangkinang",
            url="https://kampar.riaupagi.co.id/y", published="2023-06-13", confidence=0.9, types=["pks"]),
        _ev("e3", "a3", [SIAK, ORI_RIAU], "2023-06-13", venue="Aula Ombudsman Riau, Pekanbaru", url=None,
            published=None, confidence=0.7),
    ]
    row = merge(rows)
    assert row["date"] == "2023-06-13" and row["date_precision"] == "day"
    assert [p["name"] for p in row["parties"]] == [ORI_RIAU["name"], KAMPAR["name"], SIAK["name"]]
    assert row["agreement_types"] == ["mou", "pks"]
    assert row["event_ids"] == ["e1", "e2", "e3"] and row["article_ids"] == ["a1", "a2", "a3"]
    assert row["n_sources"] == 3
    assert row["n_outlets"] == 2  # www. and kampar. of one registered domain; the article without a URL apart
    assert row["first_published"] == "2023-06-13" and row["confidence"] == 0.9
    conflicts = {c["field"]: c["values"] for c in row["conflicts"]}
    assert "date" not in conflicts  # 2023-06 only says less than 2023-06-13
    # "Bangkinang" lies inside "Kantor Bupati Kampar, Bangkinang"; the Pekanbaru hall is another place.
    assert conflicts["venue"] == ["Kantor Bupati Kampar, Bangkinang", "Aula Ombudsman Riau, Pekanbaru"]
    assert conflicts["agreement_types"] == ["mou", "pks"]
    assert row["canonical_id"] == canonical_id(["e3", "e1", "e2"])


def test_two_day_dates_are_a_conflict_kept_with_both_values() -> None:
    row = merge([_ev("e1", "a1", [ORI_RIAU, KAMPAR], "2025-10-29"),
                 _ev("e2", "a2", [KAMPAR, ORI_RIAU], "2025-10-30")])
    assert {c["field"]: c["values"] for c in row["conflicts"]}["date"] == ["2025-10-29", "2025-10-30"]


def test_party_keys_and_registered_domains() -> None:
    assert party_key({"name": "Pemkab Kampar", "kind": "pemerintah_daerah", "region_code": "14.01"}) == \
        party_key(KAMPAR)
    unit = {"name": "Dinas Kesehatan Kabupaten Kampar", "kind": "pemerintah_daerah", "region_code": "14.01"}
    assert party_key(unit) != party_key(KAMPAR)
    assert party_key({"name": "Kejaksaan Tinggi Riau", "kind": "penegak_hukum", "region_code": "14"}) != \
        party_key({"name": "Kepolisian Daerah Riau", "kind": "penegak_hukum", "region_code": "14"})
    assert registered_domain("https://bali.idntimes.com/news/x") == "idntimes.com"
    assert registered_domain("https://example.co.id/a") == "example.co.id"
    assert registered_domain("http://127.0.0.1:8000/a") == "127.0.0.1"
    assert registered_domain(None) is None


def test_canonical_ids_are_stable_and_every_event_has_one() -> None:
    events, _ = synthetic_events(400, seed=3)
    ids, canon = canonicalize(events)
    assert all(ids) and len(set(ids)) == len(canon)
    again, _ = canonicalize(events)
    assert again == ids
    assert sum(c["n_sources"] for c in canon) == len({e["article_id"] for e in events})


def test_events_without_parties_or_events_at_all() -> None:
    assert canonicalize([]) == ([], [])
    ids, canon = canonicalize([_ev("e1", "a1", [], None), _ev("e2", "a2", [], None)])
    assert len(canon) == 2 and ids[0] != ids[1]


def test_cluster_scores_pairwise_and_bcubed() -> None:
    s = cluster_scores(list("aaabb"), list("xxyyy"))
    assert s["pairwise"]["precision"] == 0.5 and s["pairwise"]["recall"] == 0.5
    assert s["pairwise"]["tp"] == 2 and s["pairwise"]["pred_pairs"] == 4 and s["pairwise"]["gold_pairs"] == 4
    assert s["bcubed"]["precision"] == pytest.approx(0.7333, abs=1e-4)
    assert s["bcubed"]["recall"] == pytest.approx(0.7333, abs=1e-4)
    perfect = cluster_scores(list("aab"), list("xxy"))
    assert perfect["pairwise"]["f1"] == 1.0 and perfect["bcubed"]["f1"] == 1.0


@pytest.fixture(scope="module")
def multi_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("multi") / "out"
    assert teken_main(["run", str(MULTI / "one-ceremony-three-outlets.jsonl"), "--out", str(out), "--no-model",
                       "--no-progress"]) == 0
    return out


def test_run_links_one_ceremony_reported_by_three_outlets_and_keeps_the_renewal_apart(multi_run: Path) -> None:
    events = pd.read_parquet(multi_run / "events.parquet")
    canon = pd.read_parquet(multi_run / "canonical_events.parquet")
    by_article = dict(zip(events["article_id"], events["canonical_id"], strict=True))
    assert by_article["riaupagi-1"] == by_article["kamparpos-1"] == by_article["siakterkini-1"]
    assert by_article["riaupagi-2"] != by_article["riaupagi-1"]  # the renewal a year later, same outlet
    assert len(canon) == 2
    first = canon.set_index("canonical_id").loc[by_article["riaupagi-1"]]
    assert first["date"] == "2023-06-13" and first["n_sources"] == 3 and first["n_outlets"] == 3
    assert sorted(p["name"] for p in first["parties"]) == sorted([ORI_RIAU["name"], KAMPAR["name"], SIAK["name"]])
    assert list(first["article_ids"]) == ["riaupagi-1", "kamparpos-1", "siakterkini-1"]
    assert len(first["urls"]) == 3
    renewal = canon.set_index("canonical_id").loc[by_article["riaupagi-2"]]
    assert renewal["date"] == "2024-06-18" and renewal["n_sources"] == 1
    csv = pd.read_csv(multi_run / "canonical_events.csv", dtype=str, keep_default_na=False)
    assert set(csv["canonical_id"]) == set(canon["canonical_id"])
    row = csv.set_index("canonical_id").loc[by_article["riaupagi-1"]]
    assert row["article_ids"] == "riaupagi-1|kamparpos-1|siakterkini-1" and row["n_outlets"] == "3"
    events_csv = pd.read_csv(multi_run / "events.csv", dtype=str, keep_default_na=False)
    assert list(events_csv["canonical_id"]) == list(events["canonical_id"])
    jsonl = [json.loads(x) for x in (multi_run / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["canonical_id"] for x in jsonl] == list(events["canonical_id"])
    manifest = json.loads((multi_run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["canonical_events"] == 2


def test_eval_prints_clustering_scores_for_gold_with_ceremonies(capsys) -> None:
    assert teken_main(["eval", str(MULTI / "gold-ceremonies.jsonl"), "--no-model", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    c = result["clustering"]
    assert c["items"] == 4 and c["gold_clusters"] == 2 and c["pred_clusters"] == 2
    assert c["pairwise"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 3, "pred_pairs": 3, "gold_pairs": 3}
    assert teken_main(["eval", str(MULTI / "gold-ceremonies.jsonl"), "--no-model"]) == 0
    text = capsys.readouterr().out
    assert "pairwise       P 1.000  R 1.000  F1 1.000" in text and "B-cubed" in text


def test_eval_without_ceremonies_prints_no_clustering(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.jsonl"
    lines = [json.loads(x) for x in (MULTI / "gold-ceremonies.jsonl").read_text(encoding="utf-8").splitlines()]
    for line in lines:
        for ev in line["events"]:
            ev.pop("ceremony")
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines[:1]), encoding="utf-8")
    assert teken_main(["eval", str(gold), "--no-model", "--json"]) == 0
    assert "clustering" not in json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_bench_link_prints_its_figures_and_checks_its_argument(capsys) -> None:
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert teken_main(["bench", "--link", "300"]) == 0
    out = buffer.getvalue().splitlines()
    assert out[0].startswith("linking 300 synthetic events (one core):")
    figures = json.loads(out[-1])
    assert figures["events"] == 300 and figures["link_s"] >= 0 and 0 < figures["pairwise"]["precision"] <= 1
    assert teken_main(["bench", "--link", "0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--link must be at least 1" in err[0]


# ---- teken summary ---------------------------------------------------------------------------------------------

def _summary(*args: str) -> tuple[int, str]:
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        code = teken_main(["summary", *args])
    return code, buffer.getvalue()


def _table(text: str, title: str) -> dict[str, tuple[int, int]]:
    block = text.split(f"\n{title}")[1].split("\n\n")[0].strip().splitlines()[1:]
    out = {}
    for line in block:
        name, canon, raw = line.rsplit(None, 2)
        out[name.strip()] = (int(canon.replace(",", "")), int(raw.replace(",", "")))
    return out


def test_summary_counts_ceremonies_and_reports(multi_run: Path) -> None:
    code, text = _summary(str(multi_run))
    assert code == 0
    assert "2 signing ceremonies (canonical events) from 4 reported events in 4 articles" in text
    assert "1 ceremonies reported by more than one article" in text
    assert _table(text, "agreement type") == {"mou": (2, 4)}
    assert _table(text, "status") == {"signed": (2, 4)}
    assert _table(text, "province (of the parties)") == {"Riau": (2, 4)}  # a name, not the code 14
    assert _table(text, "year (of the signing)") == {"2023": (1, 3), "2024": (1, 1)}
    assert _table(text, "kind of party (events with one)") == {"ombudsman": (2, 4), "pemerintah_daerah": (2, 4)}


def test_summary_of_a_dataset_without_canonical_events_links_them(multi_run: Path, tmp_path: Path) -> None:
    import shutil

    old = tmp_path / "old"
    shutil.copytree(multi_run, old)
    (old / "canonical_events.parquet").unlink()
    code, text = _summary(str(old))
    assert code == 0 and "2 signing ceremonies" in text


@pytest.mark.parametrize("make", ["missing", "file", "empty", "broken"])
def test_summary_usage_errors_are_one_line_exit_2(make: str, tmp_path: Path, capsys) -> None:
    target = tmp_path / "x"
    if make == "file":
        target.write_text("hello", encoding="utf-8")
    elif make == "empty":
        target.mkdir()
    elif make == "broken":
        target.mkdir()
        (target / "manifest.json").write_text("{}", encoding="utf-8")
        (target / "events.parquet").write_bytes(b"not parquet at all")
    code, text = _summary(str(target))
    err = capsys.readouterr().err
    assert code == 2 and text == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("teken summary: ") and "Traceback" not in err


CLUSTERS = ROOT.parent / "shared" / "dev" / "clusters.jsonl"


@pytest.mark.skipif(not CLUSTERS.is_file(), reason="needs ../shared/dev/clusters.jsonl")
def test_linking_the_annotated_events_of_clusters_jsonl_recovers_every_ceremony() -> None:
    """The linker alone, on the events as annotated (real articles, near misses among them): every ceremony
    is found and none merged. What `teken eval` reports below this is what extraction leaves undated."""
    rows, gold = [], []
    for line in CLUSTERS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for k, ev in enumerate(item["events"]):
            rows.append({**ev, "event_id": f"{item['id']}-{k}", "article_id": item["id"], "url": item.get("url"),
                         "published": item.get("published")})
            gold.append(ev["ceremony"])
    ids, _ = canonicalize(rows)
    scores = cluster_scores(gold, [str(i) for i in ids])
    assert scores["pairwise"]["precision"] == 1.0 and scores["pairwise"]["recall"] == 1.0
