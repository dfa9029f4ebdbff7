"""The article's host (extractors/parties.py, _host): the body the article is about, which signs where a signing
names only its other side and speaks as "kami". The lead is its first two sentences, and runs on to the first
sentence that tells a signing (the sixth at most) when those are only a page's furniture or set the scene."""

from __future__ import annotations

import teken
from teken.extractors.parties import build_context
from teken.pipeline.nlp.components import GazetteerMatcher


def _host(text: str) -> str | None:
    pipe = teken.nlp(False, ())
    gaz = next(p for _, p in pipe.pipeline if isinstance(p, GazetteerMatcher)).gazetteer
    ctx = build_context(pipe(text), gaz)
    return ctx.host.name if ctx.host is not None else None


def test_lines_of_page_furniture_do_not_hide_the_lead() -> None:
    text = ("26.3 C\n\nKendari\n\nWednesday, June 12, 2024\n\nREDAKSI KENDARI\n\n"
            "KENDARI – Komisi Pemilihan Umum Kota Kendari menandatangani naskah perjanjian hibah daerah untuk "
            "pilkada 2024, Rabu (12/6/2024).")
    assert _host(text) == "Komisi Pemilihan Umum Kota Kendari"


def test_a_ministry_named_once_to_set_the_scene_is_not_the_host() -> None:
    text = ("Kementerian Dalam Negeri terus mendorong pemerintah daerah memperkuat tata kelola.\n\n"
            "Pemerintah Kota Manado menandatangani pakta integritas, Senin (5/2/2024).\n\n"
            "Wali Kota Manado meminta pakta integritas itu tidak dipandang sebagai rutinitas.")
    assert _host(text) == "Pemerintah Kota Manado"


def test_a_speaker_named_once_stays_the_host() -> None:
    text = ("Ketua Ombudsman RI menyebut lembaganya telah bekerja sama dengan banyak instansi. "
            "\"Kami sudah melakukan MoU dengan OJK,\" ujarnya.")
    assert _host(text) == "Ombudsman RI"
