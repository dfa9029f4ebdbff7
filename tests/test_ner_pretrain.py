"""Tests for `teken pretrain-ner`: reading raw text for pretraining, and starting NER training from its weights."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from teken.pipeline.batch.cli import main as teken_main
from teken.pipeline.nlp.ner.pretrain import (
    MAX_PASSAGE_WORDS,
    iter_passages,
    iter_texts,
    pretrain_ner,
    write_pretraining_text,
)

# Written for these tests in the style of regional news; every paragraph is a line, as in teken's cleaned text.
ARTICLE = (
    "SEMARANG - Pemerintah Provinsi Jawa Tengah menandatangani nota kesepakatan dengan Universitas Diponegoro "
    "tentang pengembangan desa wisata di Kabupaten Wonosobo, Senin (17/11).\n"
    "Gubernur Jawa Tengah mengatakan kerja sama itu akan dimulai dari lima desa di lereng Gunung Sindoro.\n"
    "Baca juga: Banjir rendam tiga kecamatan di Demak\n"
    "Editor: Budi\n"
    "Rektor Universitas Diponegoro menyebut mahasiswa akan tinggal di desa selama dua bulan untuk mendampingi "
    "kelompok sadar wisata.\n"
)
SECOND = (
    "MAKASSAR - Wali Kota Makassar meneken perjanjian kerja sama dengan PT Pelabuhan Indonesia tentang "
    "penataan kawasan pantai Losari.\n"
    "Baca juga: Banjir rendam tiga kecamatan di Demak\n"
)


def _dataset(folder: Path, texts: list[str | None]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    table = pa.table({"article_id": [str(i) for i in range(len(texts))], "text": texts})
    pq.write_table(table, folder / "articles.parquet")
    return folder


def test_passages_are_the_lines_of_five_words_or_more_each_kept_once():
    passages = list(iter_passages([ARTICLE, SECOND]))
    assert len(passages) == 5
    assert passages[0].startswith("SEMARANG - Pemerintah Provinsi")
    # The repeated "Baca juga" line comes once, the byline not at all.
    assert sum(p.startswith("Baca juga") for p in passages) == 1
    assert not any(p.startswith("Editor") for p in passages)


def test_a_long_paragraph_is_cut_at_sentence_ends_below_spacys_limit():
    sentence = "Bupati Sleman meresmikan jembatan baru di Kecamatan Depok bersama warga setempat. "
    paragraph = sentence * 60  # 660 words
    pieces = list(iter_passages([paragraph]))
    assert len(pieces) == 3
    assert all(len(p.split()) <= MAX_PASSAGE_WORDS for p in pieces)
    assert all(p.endswith("setempat.") for p in pieces)
    assert sum(len(p.split()) for p in pieces) == 660


def test_texts_come_from_dataset_folders_parquet_jsonl_and_txt(tmp_path):
    run = _dataset(tmp_path / "run", [ARTICLE, None, ""])
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(json.dumps({"text": SECOND}) + "\nnot json\n" + json.dumps({"title": "no text"}) + "\n",
                     encoding="utf-8")
    txt_dir = tmp_path / "txt"
    txt_dir.mkdir()
    (txt_dir / "a.txt").write_text("Satu dua tiga empat lima enam.\n", encoding="utf-8")
    (txt_dir / "notes.md").write_text("ignored", encoding="utf-8")
    texts = list(iter_texts([run, jsonl, txt_dir]))
    assert texts == [ARTICLE, SECOND, "Satu dua tiga empat lima enam.\n"]


def test_a_dataset_written_without_text_is_refused_with_the_reason(tmp_path):
    folder = tmp_path / "run"
    folder.mkdir()
    pq.write_table(pa.table({"article_id": ["a"]}), folder / "articles.parquet")
    with pytest.raises(ValueError, match="--no-text"):
        list(iter_texts([folder]))


def test_max_words_stops_the_text_early(tmp_path):
    run = _dataset(tmp_path / "run", [ARTICLE, SECOND])
    full = write_pretraining_text([run], tmp_path / "all.jsonl")
    capped = write_pretraining_text([run], tmp_path / "capped.jsonl", max_words=10)
    assert full.passages == 5 and full.duplicates == 1
    assert capped.passages == 1 and capped.words < full.words
    assert json.loads((tmp_path / "capped.jsonl").read_text(encoding="utf-8").splitlines()[0])["text"]


def test_pretrain_ner_command_rejects_bad_arguments(tmp_path, capsys):
    assert teken_main(["pretrain-ner", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert "not found" in capsys.readouterr().err
    src = _dataset(tmp_path / "run", [ARTICLE])
    assert teken_main(["pretrain-ner", str(src), "--out", str(tmp_path / "o"), "--epochs", "0"]) == 2
    empty = _dataset(tmp_path / "empty", ["Terlalu pendek."])
    assert teken_main(["pretrain-ner", str(empty), "--out", str(tmp_path / "o")]) == 2
    assert "no passage" in capsys.readouterr().err
    assert teken_main(["train-ner", "--data", str(tmp_path), "--out", str(tmp_path / "t"),
                       "--init-tok2vec", str(tmp_path / "none.bin")]) == 2


def _tiny_ner_corpus(folder: Path) -> Path:
    grit = ("Gubernur\tO\nGanjar\tB-PERSON\nPranowo\tI-PERSON\nmengunjungi\tO\nUniversitas\tB-ORGANISATION\n"
            "Diponegoro\tI-ORGANISATION\ndi\tO\nSemarang\tB-PLACE\n.\tO\n\n")
    nerp = "bupati\tO\nsleman\tB-PLC\nkustini\tB-PPL\nhadir\tO\ndi\tO\nyogyakarta\tB-PLC\n.\tO\n\n"
    for name, block in (("nergrit", grit), ("nerp", nerp)):
        (folder / name).mkdir(parents=True)
        for split in ("train", "valid"):
            (folder / name / f"{split}.tsv").write_text(block * 3, encoding="utf-8")
    return folder


def test_pretrained_weights_are_what_ner_training_starts_from(tmp_path):
    from spacy import util
    from spacy.training.initialize import init_nlp

    from teken.pipeline.nlp.ner.corpus import write_training_corpora
    from teken.pipeline.nlp.ner.train import DEFAULT_CONFIG, train_ner, with_pretraining_section

    src = _dataset(tmp_path / "run", [ARTICLE * 3, SECOND])
    weights = pretrain_ner([src], tmp_path / "pre", epochs=1, seed=1)
    assert weights.is_file() and (tmp_path / "pre" / "model0.bin").is_file()

    # spaCy ignores init_tok2vec without a [pretraining] section: check the weights really arrive.
    data = _tiny_ner_corpus(tmp_path / "ner")
    corpora = write_training_corpora(data, tmp_path / "corpus")
    overrides = {"paths.train": str(corpora.train), "paths.dev": str(corpora.dev),
                 "paths.init_tok2vec": str(weights)}
    config = with_pretraining_section(util.load_config(DEFAULT_CONFIG, overrides=overrides, interpolate=False))
    nlp = init_nlp(config, use_gpu=-1)
    assert nlp.get_pipe("tok2vec").model.to_bytes() == weights.read_bytes()

    model_dir = train_ner(data, tmp_path / "train", max_steps=2, seed=1, init_tok2vec=weights)
    assert (model_dir / "ner").is_dir()


def test_ner_commands_report_a_bad_argument_in_one_line_also_under_python_m(tmp_path):
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    for args in (["eval-ner", "--data", str(tmp_path)], ["train-ner", "--data", str(tmp_path), "--out", "x"],
                 ["pretrain-ner", str(tmp_path / "missing"), "--out", "x"]):
        done = subprocess.run([sys.executable, "-m", "teken", *args], cwd=repo, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip().count("\n") == 0 and done.stderr.startswith(f"teken {args[0]}: ")
