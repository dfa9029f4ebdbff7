"""The disk cache (pipeline/nlp/cache.py): eviction of old files, and the compact pickle of the gazetteer."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from teken.gazetteer import Gazetteer, Institution
from teken.pipeline.nlp import cache


def _touch(folder: Path, name: str, mtime: float) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    os.utime(path, (mtime, mtime))
    return path


def test_evict_keeps_the_newest_files_of_each_kind(tmp_path: Path) -> None:
    gaz = [_touch(tmp_path, f"gazetteer-{i:020x}.pkl", 1000 + i) for i in range(5)]
    tables = [_touch(tmp_path, f"match-tables-{i:020x}.pkl", 2000 - i) for i in range(4)]
    other = _touch(tmp_path, "notes.pkl", 1)  # not a name cache_key gives: left alone
    tmp = _touch(tmp_path, "abc.tmp", 1)

    removed = cache.evict(tmp_path, keep=3)

    assert sorted(removed) == sorted(gaz[:2] + tables[3:])
    left = set(tmp_path.iterdir())
    assert left == set(gaz[2:] + tables[:3] + [other, tmp])


def test_evict_tolerates_a_missing_folder_and_files_deleted_meanwhile(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache.evict(tmp_path / "absent") == []
    for i in range(4):
        _touch(tmp_path, f"gazetteer-{i:020x}.pkl", 1000 + i)
    real_unlink = Path.unlink

    def unlink_raced(self: Path, missing_ok: bool = False) -> None:
        real_unlink(self)
        raise FileNotFoundError(self)  # another process got there first

    monkeypatch.setattr(Path, "unlink", unlink_raced)
    assert cache.evict(tmp_path, keep=1) == []
    assert len(list(tmp_path.iterdir())) == 1


def test_cached_evicts_older_keys_and_reuses_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEKEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TEKEN_NO_CACHE", raising=False)
    for i in range(5):
        _touch(tmp_path, f"gazetteer-{i:020x}.pkl", 1000 + i)
    calls = []
    build = lambda: calls.append(1) or {"a": (1, 2)}

    assert cache.cached("gazetteer", [], build) == {"a": (1, 2)}
    assert cache.cached("gazetteer", [], build) == {"a": (1, 2)}
    assert len(calls) == 1
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == cache.KEEP_PER_KIND
    assert cache.cache_key("gazetteer") + ".pkl" in names


def _small_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    gaz.add(Institution("inst:a", "Dinas Kesehatan Kota Batam", "pemerintah", "21.71"),
            ["Dinas Kesehatan Kota Batam", "Dinkes Batam", "DKB"])
    gaz.add(Institution("inst:b", "Bupati Kampar", "pemerintah"), ["Bupati Kampar"], official=True)
    gaz.add(Institution("inst:c", "Kampar", "pemerintah"), ["Kampar"], label="LOC", case_sensitive=True)
    return gaz


def test_a_pickled_gazetteer_has_the_same_forms_and_lookups() -> None:
    gaz = _small_gazetteer()
    back = pickle.loads(pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
    # find_form before forms are rebuilt reads the packed columns
    assert back.find_form("dinkes  batam") == gaz.find_form("Dinkes Batam") == gaz.institutions["inst:a"]
    assert back.forms == gaz.forms
    assert back == gaz
    again = pickle.loads(pickle.dumps(back))
    assert again.forms == gaz.forms and again.find_form("Bupati Kampar") == gaz.institutions["inst:b"]
    with pytest.raises(AttributeError):
        back.not_an_attribute  # noqa: B018
