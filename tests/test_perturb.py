"""`teken eval --perturb`: gold articles written a little otherwise (regions swapped within their province, a
related-article line put in, signing verbs written with their synonyms), text and gold alike. Self-written
articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teken.pipeline.batch.cli import main as teken_main
from teken.pipeline.batch.perturb import perturbed

TEXT = ("SIGI – Pemerintah Kabupaten Sigi menandatangani nota kesepahaman dengan Kejaksaan Negeri Sigi tentang "
        "pendampingan hukum bidang perdata dan tata usaha negara, Senin (3/3/2025).\n\n"
        "Penandatanganan dilakukan Bupati Sigi Rizal Intjenge dan Kepala Kejari Sigi di ruang rapat bupati.\n\n"
        "Menurut bupati, kerja sama itu membantu Pemkab Sigi menagih tunggakan retribusi.")

GOLD = {
    "id": "p-1", "text": TEXT, "published": "2025-03-03", "title": "Pemkab Sigi Teken MoU dengan Kejari",
    "events": [{
        "agreement_types": ["mou"], "status": "signed", "date": "2025-03-03", "venue": "ruang rapat bupati",
        "evidence": TEXT.split("\n")[0],
        "parties": [
            {"mention": "Pemerintah Kabupaten Sigi", "name": "Pemerintah Kabupaten Sigi", "kind": "pemerintah_daerah",
             "region_code": "72.10"},
            {"mention": "Kejaksaan Negeri Sigi", "name": "Kejaksaan Negeri Sigi", "kind": "penegak_hukum",
             "region_code": "72.10"},
        ],
    }],
}


def test_a_regency_is_swapped_for_another_of_its_province_in_text_and_gold_alike() -> None:
    [(orig, other)] = list(perturbed([GOLD], "regions"))
    assert orig is GOLD and other["id"] == "p-1~regions"
    assert "Sigi" not in other["text"] and "Sigi" not in other["title"]
    parties = other["events"][0]["parties"]
    code = parties[0]["region_code"]
    assert code != "72.10" and code.startswith("72.") and parties[1]["region_code"] == code
    new = parties[0]["name"].removeprefix("Pemerintah Kabupaten ")
    assert f"Kejaksaan Negeri {new}" == parties[1]["name"] and f"Bupati {new} Rizal" in other["text"]
    assert GOLD["events"][0]["parties"][0]["region_code"] == "72.10"  # the original is left as it was


def test_a_name_two_regions_bear_is_not_swapped() -> None:
    gold = json.loads(json.dumps(GOLD).replace("Sigi", "Serang").replace("72.10", "36.04"))
    assert list(perturbed([gold], "regions")) == []


def test_a_related_link_goes_in_after_the_second_sentence_that_ends_a_line_and_gold_stays() -> None:
    [(_, other)] = list(perturbed([GOLD], "related-links"))
    lines = other["text"].split("\n")
    assert lines[:3] == TEXT.split("\n")[:3] and lines[3].startswith("Baca Juga: ")
    assert other["events"] == GOLD["events"]


def test_the_signing_verbs_are_written_with_their_synonyms() -> None:
    [(_, other)] = list(perturbed([GOLD], "verbs"))
    assert "meneken nota kesepahaman" in other["text"] and "menandatangani" not in other["text"]
    assert other["title"] == "Pemkab Sigi Tandatangani MoU dengan Kejari"
    assert other["events"][0]["parties"] == GOLD["events"][0]["parties"]


@pytest.mark.parametrize("name", ["regions", "related-links", "verbs", "one-line"])
def test_eval_perturb_reads_the_perturbed_article_as_the_original(tmp_path: Path, capsys, name: str) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    assert teken_main(["eval", str(gold), "--perturb", name, "--no-model", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["perturbed"] == 1 and result["read_worse"] == 0
    assert result["events_f1"] == [1.0, 1.0]


def test_an_unknown_perturbation_is_a_usage_error(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    assert teken_main(["eval", str(gold), "--perturb", "colours"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_an_extra_event_in_an_article_without_one_counts_as_read_worse(tmp_path: Path, capsys, monkeypatch) -> None:
    import teken.pipeline.batch.perturb as perturb

    # a marker the page-furniture filter does not know: the line is read as the story's own sentence
    monkeypatch.setattr(perturb, "_LINK_MARKERS", ("Sementara itu, ",))
    monkeypatch.setattr(perturb, "_OTHER_HEADLINES", ("Pemkab Sigi dan BPJS Kesehatan menandatangani perjanjian "
                                                      "kerja sama layanan JKN, Selasa (4/3/2025).",))
    negative = {"id": "n-1", "published": "2025-03-05", "events": [],
                "text": "SIGI – Bupati Sigi meresmikan pasar rakyat di Desa Kalukubula, Rabu (5/3/2025).\n\n"
                        "Pasar itu dibangun dengan dana desa.\n\nPedagang menyambut baik pasar baru tersebut."}
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(negative) + "\n", encoding="utf-8")
    assert teken_main(["eval", str(gold), "--perturb", "related-links", "--no-model", "--json", "-v"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["read_worse"] == 1 and result["worse"] == ["n-1~related-links"]


def test_one_line_takes_the_line_breaks_out_and_keeps_the_gold() -> None:
    [(_, other)] = list(perturbed([GOLD], "one-line"))
    assert "\n" not in other["text"] and other["text"].startswith("SIGI – Pemerintah Kabupaten Sigi")
    assert other["events"] == GOLD["events"]
