"""`teken eval --names`: how the recogniser names the gold parties where the text holds them, apart from
whether the extractor attaches them. Self-written article; the three outcomes and the -v lines."""

from __future__ import annotations

import json
from pathlib import Path

from teken.pipeline.batch.cli import main as teken_main

TEXT = ("PALU - Pemerintah Kota Palu menandatangani nota kesepakatan dengan Sekolah Tinggi Ilmu Kesehatan "
        "Widya Nusantara dan komunitas relawan Cahaya Lembah di ruang rapat wali kota, Senin (3/3/2025). "
        "Penandatanganan dilakukan Wali Kota Palu Rahmat Hidayat dan Ketua STIKes Widya Nusantara Andi Saputra.")

GOLD = {
    "id": "names-1", "text": TEXT, "published": "2025-03-03",
    "events": [{
        "agreement_types": ["mou"], "status": "signed", "date": "2025-03-03", "venue": None,
        "parties": [
            {"mention": "Pemerintah Kota Palu", "name": "Pemerintah Kota Palu", "kind": "pemerintah_daerah",
             "region_code": "72.71"},
            # the annotator's name differs from the one the recogniser gives the same words
            {"mention": "Sekolah Tinggi Ilmu Kesehatan Widya Nusantara",
             "name": "Sekolah Tinggi Ilmu Kesehatan Widya Nusantara Palu",
             "kind": "perguruan_tinggi", "region_code": None},
            # a group no list holds, without a head word the recogniser reads
            {"mention": "Cahaya Lembah", "name": "Komunitas Relawan Cahaya Lembah", "kind": "organisasi",
             "region_code": None},
            # the mention is not in the text at all
            {"mention": "Pemkot Palu (BPKAD)", "name": "Badan Pengelolaan Keuangan Kota Palu",
             "kind": "pemerintah_daerah", "region_code": "72.71"},
            {"mention": "Ombudsman", "name": "Ombudsman Republik Indonesia", "kind": "ombudsman"},
        ],
    }],
}


def test_eval_names_counts_each_outcome(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    assert teken_main(["eval", str(gold), "--no-model", "--names", "--json"]) == 0
    names = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["names"]
    counts = {k: v["parties"] for k, v in names.items()}
    assert counts["same name"] == 1 and names["same name"]["by_kind"] == {"pemerintah_daerah": 1}
    assert counts["another name"] == 1 and names["another name"]["by_kind"] == {"perguruan_tinggi": 1}
    assert sum(names["another name"]["by_shape"].values()) == 1  # how it differs: see test_name_shape_...
    assert counts["mention not in text"] == 1
    assert counts["not recognised"] == 1  # and the Ombudsman is left out

    assert teken_main(["eval", str(gold), "--no-model", "--names", "-v"]) == 0
    out = capsys.readouterr().out
    assert "named otherwise: gold 'Sekolah Tinggi Ilmu Kesehatan Widya Nusantara Palu'" in out
    assert "name not recognised: 'Komunitas Relawan Cahaya Lembah'" in out
    assert "party names (gold parties but the Ombudsman, where the text holds their mention):" in out
    assert "another name by shape:\n    same head word" in out


def test_name_shape_says_how_a_name_differs() -> None:
    from teken.pipeline.batch.evaluate import name_shape

    gold = ("name", "dinas kesehatan kota palu")
    assert name_shape(gold, {("name", "dinas kesehatan")}) == "read inside gold"
    assert name_shape(("name", "badan pusat statistik"), {("name", "badan pusat statistik aceh")}) \
        == "gold inside read"
    assert name_shape(gold, {("name", "dinas pendidikan kota palu")}) == "same head word"
    assert name_shape(("code", "72.71|pemerintah_daerah"), {("code", "72.10|pemerintah_daerah")}) \
        == "another region code"
    assert name_shape(gold, {("name", "rumah sakit umum daerah anutapura")}) == "other wording"
    # a word is matched whole: "dinas kesehatan kota pal" is no part of the gold name
    assert name_shape(gold, {("name", "dinas kesehatan kota pal")}) == "same head word"


def test_eval_without_names_prints_no_name_section(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    assert teken_main(["eval", str(gold), "--no-model", "--json"]) == 0
    assert "names" not in json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_eval_misses_counts_why_each_miss_was_counted(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.jsonl"
    negative = {"id": "neg-1", "text": "PALU - Pemerintah Kota Palu menandatangani nota kesepakatan dengan "
                "Universitas Tadulako, Selasa (4/3/2025).", "published": "2025-03-04", "events": []}
    gold.write_text(json.dumps(GOLD) + "\n" + json.dumps(negative) + "\n", encoding="utf-8")
    assert teken_main(["eval", str(gold), "--no-model", "--misses", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    misses = result["misses"]
    # the article annotated as no signing (a made-up disagreement) counts its prediction as an extra event there
    assert misses["extra event: the article has no gold event"] == 1
    assert misses["missed event: the article has no predicted event"] == 0
    # under their gold names the college (read under another name), the group without a head word, the Ombudsman
    # and the BPKAD (a unit of the city, its own party whatever region code it shares with the city government)
    # are read nowhere
    assert misses["missed party: no mention under its gold name"] == 4
    assert misses["extra party: on a matched event"] == 1  # the college under our name
    assert misses["  of which a signer is on an event matched to another (joined)"] == 0
    assert misses["  of which every party is on one matched event (two signings read as one)"] == 0
    assert teken_main(["eval", str(gold), "--no-model", "--misses"]) == 0
    assert "where the misses are (counts):" in capsys.readouterr().out


def test_eval_by_kind_counts_parties_under_their_kind(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.jsonl"
    negative = {"id": "neg-1", "text": "PALU - Pemerintah Kota Palu menandatangani nota kesepakatan dengan "
                "Universitas Tadulako, Selasa (4/3/2025).", "published": "2025-03-04", "events": []}
    gold.write_text(json.dumps(GOLD) + "\n" + json.dumps(negative) + "\n", encoding="utf-8")
    assert teken_main(["eval", str(gold), "--no-model", "--json"]) == 0
    by_kind = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["parties_by_kind"]
    # the city is read on the matched event and again on the negative's extra event
    assert (by_kind["pemerintah_daerah"]["tp"], by_kind["pemerintah_daerah"]["fp"]) == (1, 1)
    assert by_kind["pemerintah_daerah"]["fn"] == 1  # the BPKAD, a unit of the city, read nowhere
    # the college under our name: missed under gold's kind, extra under the kind it was read as
    assert by_kind["perguruan_tinggi"]["fn"] == 1 and by_kind["perguruan_tinggi"]["fp"] == 2  # + the negative's
    assert (by_kind["organisasi"]["fn"], by_kind["ombudsman"]["fn"]) == (1, 1)
    assert sum(c["tp"] for c in by_kind.values()) == 1
    assert teken_main(["eval", str(gold), "--no-model", "--by-kind"]) == 0
    out = capsys.readouterr().out
    assert "parties by kind (gold's kind; an extra party by the kind it was read as):" in out
    assert "  pemerintah_daerah    P 0.500  R 0.500" in out


def test_eval_misses_count_a_missed_event_joined_to_another(tmp_path: Path, capsys) -> None:
    """A gold event missed because its signing was read into another event (one ceremony read where the
    annotators saw two) is counted apart: a signer of it is on a predicted event matched to another."""
    pemkot = {"name": "Pemerintah Kota Palu", "kind": "pemerintah_daerah", "region_code": "72.71",
              "mention": "Pemerintah Kota Palu"}
    untad = {"name": "Universitas Tadulako", "kind": "perguruan_tinggi", "region_code": None,
             "mention": "Universitas Tadulako"}
    kejari = {"name": "Kejaksaan Negeri Kota Palu", "kind": "penegak_hukum", "region_code": "72.71",
              "mention": "Kejaksaan Negeri Palu"}
    article = {"id": "two", "published": "2025-03-04",
               "text": "PALU - Pemerintah Kota Palu menandatangani nota kesepakatan dengan Universitas Tadulako dan "
                       "Kejaksaan Negeri Palu, Selasa (4/3/2025).",
               "events": [{"parties": [pemkot, untad], "agreement_types": ["mou"], "status": "signed",
                           "date": "2025-03-04"},
                          {"parties": [pemkot, kejari], "agreement_types": ["mou"], "status": "signed",
                           "date": "2025-03-04"}]}
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(article) + "\n", encoding="utf-8")
    assert teken_main(["eval", str(gold), "--no-model", "--misses", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    misses = result["misses"]
    assert misses["missed event: predicted events share no signer with it"] == 1
    assert misses["  of which a signer is on an event matched to another (joined)"] == 1
    # the Kejari is read on the matched event too: both of its parties are there, two signings read as one
    assert misses["  of which every party is on one matched event (two signings read as one)"] == 1
    # and by its shape, in counts only: what a missed (or extra) event looks like, never which article it is
    assert result["event_shapes"] == {"missed signed, dated, 2 parties, beside a matched event": 1}
    assert teken_main(["eval", str(gold), "--no-model", "--misses"]) == 0
    out = capsys.readouterr().out
    assert "missed and extra events by shape (counts):" in out
    assert "  missed signed, dated, 2 parties, beside a matched event" in out
