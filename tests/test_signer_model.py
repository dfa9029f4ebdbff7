"""The learned signer scorer (extractors/signer_model.py): off by default, its shipped model readable without
scikit-learn, its decisions as documented, and its training command refusing the held-out split."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import teken
from teken.extractors import signer_model
from teken.extractors.signer_model import FEATURES, MODEL_PATH, SignerCandidate, decide
from teken.pipeline.batch.cli import main as teken_main
from teken.records import Party

# Written for this test.
ARTICLE = ("PALU – Pemerintah Kota Palu menandatangani nota kesepahaman dengan Universitas Tadulako tentang "
           "pendampingan desa wisata, Kamis (9/3/2023). Penandatanganan disaksikan Kepala Ombudsman RI "
           "Perwakilan Sulawesi Tengah Rahmat Hidayat di Aula Kantor Wali Kota Palu.")


@pytest.fixture
def mode():
    saved = (signer_model.SETTINGS.mode, signer_model.SETTINGS.weights)
    signer_model.SETTINGS.weights = None
    yield signer_model.configure
    signer_model.SETTINGS.mode, signer_model.SETTINGS.weights = saved


def _names(events):
    return [sorted(p.name for p in ev.parties) for ev in events]


@pytest.mark.parametrize(("value", "expected"), [(None, "off"), ("bogus", "off"), ("override", "override"),
                                                ("Replace", "replace")])
def test_off_unless_asked_for(value, expected):
    env = {k: v for k, v in os.environ.items() if k != "TEKEN_SIGNER_MODEL"}
    if value is not None:
        env["TEKEN_SIGNER_MODEL"] = value
    code = "from teken.extractors import signer_model as s; print(s.SETTINGS.mode, s.active())"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [expected, str(expected != "off")]


def test_shipped_model_is_plain_json_over_known_features():
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert set(model["weights"]) <= set(FEATURES)
    assert 0.0 <= model["drop"] <= model["add"] <= 1.01
    assert model["split"] == "dev"


def _cand(name: str, index: int | None, **features: float) -> SignerCandidate:
    return SignerCandidate(f"name:{name.lower()}", Party(name, name), index, 0, {"bias": 1.0, **features})


def test_override_adds_and_drops_only_where_confident():
    weights = {"weights": {"bias": 0.0, "rule": 3.0, "left_saksi": -6.0, "same_sent": 1.0}}
    cands = [_cand("A", 0, rule=1.0), _cand("B", 1, rule=1.0, left_saksi=1.0), _cand("C", None, same_sent=1.0),
             _cand("D", None)]
    # A: p 0.95 kept; B: p 0.05 dropped below 0.1; C: p 0.73 added above 0.7; D: p 0.5 not added
    got = decide([], cands, "override", weights, add=0.7, drop=0.1)
    assert [p.name for p in got] == ["A", "C"]
    assert [p.name for p in decide([], cands, "replace", weights)] == ["A", "C", "D"]
    # never nothing: the best-scored candidate stays
    assert [p.name for p in decide([], cands[1:2], "override", weights, drop=0.5)] == ["B"]


def test_off_leaves_the_rules_events_and_override_runs(mode):
    off = teken.extract(ARTICLE, "2023-03-10", use_model=False)
    mode(mode="override")
    on = teken.extract(ARTICLE, "2023-03-10", use_model=False)
    assert len(on) == len(off) == 1
    assert on[0].parties  # an event keeps at least one party
    mode(mode="off")
    assert _names(teken.extract(ARTICLE, "2023-03-10", use_model=False)) == _names(off)


# Written for this test: two signers that `teken eval` knows by one key (a city's hospital and its government).
SHARED_KEY = ("PALU – Pemerintah Kota Palu dan Rumah Sakit Umum Daerah Anutapura Kota Palu menandatangani "
              "perjanjian kerja sama dengan Universitas Tadulako tentang pendidikan dokter spesialis, Senin "
              "(6/5/2024). Penandatanganan berlangsung di Aula Rektorat Universitas Tadulako.")


def test_override_that_neither_adds_nor_drops_keeps_every_party(mode):
    off = teken.extract(SHARED_KEY, "2024-05-07", use_model=False)
    assert len(off[0].parties) == 3
    mode(mode="override", weights={"weights": {"bias": 0.0}, "add": 1.01, "drop": 0.0})
    assert _names(teken.extract(SHARED_KEY, "2024-05-07", use_model=False)) == _names(off)


def test_training_refuses_the_check_split(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"text": ARTICLE, "events": [], "split": "check"}) + "\n", encoding="utf-8")
    assert teken_main(["train-signers", str(gold), "--split", "check"]) == 2
