"""teken's Indonesian tokenizer (pipeline/nlp/tokenizer.py) gives spaCy's default Indonesian tokens."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import IDX, LEMMA, LOWER, NORM, ORTH, SENT_START, SHAPE, SPACY

from teken.pipeline.nlp.tokenizer import CONFIG, IndonesianTokenizer

# Written for teken: hyphenated words (one-token special cases, reduplications spaCy does not list, chains),
# brackets, quotes, abbreviations, numbers, dates, URLs and e-mail addresses.
SENTENCES = [
    "Anak-anak (anak-anak) dan kanak-kanak ikut serta; masing-masing membawa bekal sehari-hari.",
    "Kata-kata \"sama-sama\" terdengar di mana-mana, bahkan di kampung-kampung/desa-desa terpencil.",
    "Wali Kota Drs. H. Sutarno, M.Si. menandatangani MoU No. 12/PKS-DISKOMINFO/2023 di Jl. Merdeka No. 5.",
    "Kerja sama B2B (business-to-business) berlaku year-on-year, end-to-end, head-to-head.",
    "Rapat digelar Senin (12/9/2022) pukul 09.00-11.30 WIB di Gedung Sate lt. 3.",
    "Informasi lebih lanjut: https://www.contoh.go.id/berita/2023/05/anak-anak-sekolah?id=5 atau humas@contoh.go.id.",
    "Pemprov Jawa Barat-Pemkab Bogor-PT Sumber Daya Tbk. teken PKS; Rp1,5 miliar dialokasikan (tahap ke-2).",
    "anak-anak-anak, ANAK-ANAK!, Anak-Anak?, ibu-ibu-nya, bapak-bapak... 'sayur-mayur' «lauk-pauk»",
    "Sedikit-sedikit lama-lama menjadi bukit-bukit; pelan-pelan--tapi pasti--semua beres-beres :-)",
    "Kapolda Irjen Pol. Dr. Budi Santoso, S.H., M.H. dan Kajati a.n. Kepala Kejaksaan hadir.\n\nSelesai.",
    "Ruas tol Jakarta-Cikampek (km 47-50) ditutup; e-KTP dan e-mail warga di-update sore-sore.",
    "(Sebagian-sebagian) [kira-kira] {rata-rata} 50%-nya naik 3-4 kali lipat, ber-sama-sama.",
]


@pytest.fixture(scope="module")
def tokenizers():
    return spacy.blank("id").tokenizer, spacy.blank("id", config=CONFIG).tokenizer


@pytest.mark.parametrize("text", SENTENCES)
def test_teken_tokenizer_gives_spacys_default_tokens(tokenizers, text):
    default, teken = tokenizers
    assert isinstance(teken, IndonesianTokenizer)
    a, b = default(text), teken(text)
    assert [(t.text, t.whitespace_) for t in b] == [(t.text, t.whitespace_) for t in a]
    attrs = [ORTH, NORM, LOWER, SHAPE, SPACY, IDX, LEMMA, SENT_START]
    assert np.array_equal(b.to_array(attrs), a.to_array(attrs))


def test_hyphenated_words_left_out_are_merged_back_inside_a_chunk(tokenizers):
    # The pieces of a word spaCy lists become one token again, as spaCy's special-case matcher does, also
    # at the start of the text, and not where whitespace separates them.
    default, teken = tokenizers
    for text in ["anak-anak/remaja hadir", "kupu-kupu-kupu", "x anak - anak", "ke-anak-anak-an"]:
        assert [t.text for t in teken(text)] == [t.text for t in default(text)]
    assert [t.text for t in teken("anak-anak/remaja")] == ["anak-anak", "/", "remaja"]


def test_most_special_cases_are_not_built(tokenizers):
    default, teken = tokenizers
    assert len(teken.rules) < len(default.rules) // 10


# How many sentences teken_sentences reads, case by case.
SENTENCE_CASES = [
    # a hard-wrapped line that ends on a word no clause ends on runs on into the next line
    ("Penandatanganan perjanjian antara Dinas Kesehatan Kabupaten Sigi dengan\nRSUD Undata Palu berlangsung Senin.", 1),
    ("Kerja sama itu melibatkan Pemkab Sigi,\nBank Sulteng dan Kejari Sigi.", 1),
    ("Kerja sama itu merupakan\nkelanjutan dari MoU sebelumnya.", 1),
    # the day's date in brackets wrapped onto the next line belongs to its day
    ("Pemkab Sigi dan Untad meneken MoU di Palu, Senin\n(17/3/2025). Acara selesai.", 2),
    # a line that ends a clause, then a capitalised line, is two sentences (a headline, then the lead)
    ("Pemkab Sigi Gandeng Untad\nSIGI - Pemerintah Kabupaten Sigi menandatangani MoU.", 2),
    # an officer's corps after the rank is abbreviated: the full stop ends no sentence
    ("MoU diteken Dandim 1306 Letkol Inf. Andi Saputra dan Kapolres Sigi AKBP Budi. Acara selesai.", 2),
    ("Turut hadir Kapolda Kombes Pol. Made Suryawan dan Danrem Kolonel Czi. Rudi Hartono.", 1),
    # a cleric's title before his name is abbreviated: the full stop ends no sentence
    ("Perjanjian diteken Bupati Ende dan Uskup Agung Ende, Mgr. Paulus Budi Kleden, di Aula Garuda.", 1),
    ("Hadir Rm. Yohanes Sandur, Pr. dan Sr. Maria Goreti.", 1),
    # a degree closes a name, and a body's head word after it opens the next sentence
    ("MoU diteken Bupati Ende Drs. Yosef Badeoda, M.T. Yayasan Persekolahan Umat Katolik ikut menyaksikan.", 2),
    # a list item's number or letter at the start of a line ends no sentence: the item goes on after it
    ("Kelima PKS itu yakni:\n1. PKS antara Dinas Kesehatan dan BPJS Kesehatan;\n2. PKS antara Disdik dan Undip.", 3),
    ("Ruang lingkupnya:\na. pertukaran data;\nb. penguatan kelembagaan.", 3),
    # a number closing a sentence is no list item
    ("Ia masuk pada tahun 1. Kemudian pindah.", 2),
    # a degree's parts written without spaces ("M.Ec.Dev.") are one abbreviation; a full stop without a space
    # before a word is still a sentence's end ("kemarin.Bupati")
    ("Wali Kota Gorontalo, Marten A. Taha, S.E., M.Ec.Dev., bersama Kapolresta meneken komitmen bersama.", 1),
    ("MoU itu diteken kemarin.Bupati mengatakan hal itu penting.", 2),
    # a medical specialist's degree, spaced or not ("Sp.PD.", "Sp.OG(K)", "Sp. A.")
    ("Direktur RSUD, dr. H. Ahmad Yani, Sp.PD., M.Kes., meneken PKS dengan BPJS Kesehatan.", 1),
    ("Dekan FK, Dr. dr. Budi Santoso, Sp.OG(K), menandatangani perjanjian.", 1),
    ("Direktur RSUD, dr. Ani, Sp. A., menandatangani PKS.", 1),
    # a time zone closes the time it follows, and the sentence when a capital opens the next
    ("MoU diteken pukul 10.00 WIB. Bupati hadir.", 2),
    ("MoU diteken pukul 10.00 WIB. di Aula Kantor Bupati.", 1),
]


@pytest.mark.parametrize(("text", "n"), SENTENCE_CASES)
def test_teken_sentences_splits_where_a_reader_does(text: str, n: int) -> None:
    nlp = spacy.blank("id")
    nlp.add_pipe("teken_sentences")
    assert len(list(nlp(text).sents)) == n
