"""`--gazetteer FILE`: a user's own institutions resolve as parties, with their kind, and replace built-ins."""

from __future__ import annotations

from pathlib import Path

import teken
from teken.gazetteer import build_gazetteer, default_gazetteer

TEXT = ("PEKANBARU – Pemerintah Kota Pekanbaru dan Lembaga Kajian Anggaran Riau (LKAR) menandatangani "
        "nota kesepahaman tentang transparansi anggaran di Balai Kota Pekanbaru, Senin (3/6/2024).")


def _csv(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "mine.csv"
    path.write_text("name,aliases,kind,region_code\n" + rows, encoding="utf-8")
    return path


def test_a_users_institution_becomes_a_party_with_its_kind_and_region(tmp_path: Path) -> None:
    mine = _csv(tmp_path, "Lembaga Kajian Anggaran Riau,LKAR,organisasi,14\n")
    events = teken.extract(TEXT, "2024-06-04", use_model=False, gazetteer_files=[str(mine)])
    parties = {(p.name, p.kind, p.region_code) for p in events[0].parties}
    assert ("Lembaga Kajian Anggaran Riau", "organisasi", "14") in parties
    assert ("Pemerintah Kota Pekanbaru", "pemerintah_daerah", "14.71") in parties


def test_a_users_row_replaces_the_built_in_institution_of_the_same_name(tmp_path: Path) -> None:
    builtin = default_gazetteer()
    kpk = next(i for i in builtin.institutions.values() if i.name == "Komisi Pemberantasan Korupsi")
    mine = _csv(tmp_path, "Komisi Pemberantasan Korupsi,KPK|Komisi Antirasuah,kementerian_lembaga,\n")
    merged = build_gazetteer([mine])
    again = [i for i in merged.institutions.values() if i.name == "Komisi Pemberantasan Korupsi"]
    assert len(again) == 1 and again[0].kind == "kementerian_lembaga" != kpk.kind
    assert merged.find_form("Komisi Antirasuah") == again[0]


def test_the_example_gazetteer_in_the_repository_loads() -> None:
    example = Path(__file__).resolve().parents[1] / "extractors" / "data" / "example_gazetteer.csv"
    gaz = build_gazetteer([example])
    assert len(gaz.institutions) > len(default_gazetteer().institutions) - 5
