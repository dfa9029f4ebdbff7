"""`teken eval`'s party keys: one institution written two ways is one party; another office, unit or region
is another. The pairs are the spelling choices outlets and annotators make (examples for
PartyKeys.spelling_free), and the distinctions that must survive them."""

from __future__ import annotations

import functools

import pytest

from teken.pipeline.batch.evaluate import PartyKeys

SAME = [
    # "Provinsi" before a province's name, or not
    ("Kantor Wilayah Kementerian Agama Provinsi Aceh", "Kantor Wilayah Kementerian Agama Aceh", "kementerian_lembaga"),
    ("Badan Narkotika Nasional Provinsi Sulawesi Tengah", "Badan Narkotika Nasional Sulteng", "kementerian_lembaga"),
    ("Pengurus Wilayah Nahdlatul Ulama Jawa Timur", "Pengurus Wilayah Nahdlatul Ulama Provinsi Jawa Timur",
     "organisasi"),
    # a short form written out, or not
    ("Lembaga Pemasyarakatan Kelas IIA Palu", "Lapas Kelas IIA Palu", "kementerian_lembaga"),
    # an office's class, or not
    ("Lembaga Pemasyarakatan Kelas IIA Kendari", "Lembaga Pemasyarakatan Kendari", "kementerian_lembaga"),
    ("Kantor Imigrasi Kelas I Khusus TPI Batam", "Kantor Imigrasi Batam", "kementerian_lembaga"),
    ("BPJS Kesehatan Cabang Palu", "Badan Penyelenggara Jaminan Sosial Kesehatan Kantor Cabang Palu",
     "kementerian_lembaga"),
    ("Komando Distrik Militer 1306/Palu", "Kodim 1306/Palu", "kementerian_lembaga"),
    ("Komando Distrik Militer 1306/Palu", "Komando Distrik Militer 1306/Kota Palu", "kementerian_lembaga"),
    ("Perusahaan Daerah Air Minum Kabupaten Donggala", "PDAM Donggala", "bumn_bumd"),
    # the country, a legal form or "Kantor" added, or not
    ("Kementerian Keuangan", "Kementerian Keuangan Republik Indonesia", "kementerian_lembaga"),
    ("PT Telkom Indonesia Witel Sulawesi Tengah", "PT Telkom Indonesia (Persero) Tbk Witel Sulawesi Tengah",
     "bumn_bumd"),
    ("Otoritas Jasa Keuangan Provinsi Sulawesi Tengah", "Kantor OJK Provinsi Sulawesi Tengah", "kementerian_lembaga"),
    ("Ombudsman RI", "Ombudsman Republik Indonesia", "ombudsman"),
    # a province list that leaves its island unsaid after the first, or writes it out
    ("Kantor Wilayah Direktorat Jenderal Pajak Sulawesi Selatan, Barat dan Tenggara",
     "Kantor Wilayah Direktorat Jenderal Pajak Sulawesi Selatan, Sulawesi Barat dan Sulawesi Tenggara",
     "kementerian_lembaga"),
    ("Kantor Wilayah Direktorat Jenderal Kekayaan Negara Sulawesi Utara, Tengah, Gorontalo, dan Maluku Utara",
     "Kantor Wilayah Direktorat Jenderal Kekayaan Negara Sulawesi Utara, Sulawesi Tengah, Gorontalo dan Maluku Utara",
     "kementerian_lembaga"),
]

OTHER = [
    # a city and the regency of the same name
    ("Kejaksaan Negeri Kota Bekasi", "Kejaksaan Negeri Kabupaten Bekasi", "penegak_hukum"),
    # a unit and its parent, an office and its body
    ("Inspektorat Kementerian Dalam Negeri", "Kementerian Dalam Negeri", "kementerian_lembaga"),
    ("Badan Pusat Statistik Provinsi Aceh", "Badan Pusat Statistik", "kementerian_lembaga"),
    ("Fakultas Hukum Universitas Mataram", "Universitas Mataram", "perguruan_tinggi"),
    ("Unit Transfusi Darah Palang Merah Indonesia Kabupaten Lumajang", "Palang Merah Indonesia Kabupaten Lumajang",
     "organisasi"),
    ("Tentara Nasional Indonesia Angkatan Darat", "Tentara Nasional Indonesia", "kementerian_lembaga"),
    ("Komando Distrik Militer 1306/Palu", "Komando Distrik Militer 1307/Donggala", "kementerian_lembaga"),
    # an office over other provinces
    ("Kantor Wilayah Direktorat Jenderal Pajak Sulawesi Selatan, Barat dan Tenggara",
     "Kantor Wilayah Direktorat Jenderal Pajak Sulawesi Selatan", "kementerian_lembaga"),
    ("PT PLN (Persero) Unit Induk Distribusi Sulawesi Utara, Tengah dan Gorontalo",
     "PT PLN (Persero) Unit Induk Distribusi Sulawesi Utara, Sulawesi Tenggara dan Gorontalo", "bumn_bumd"),
    # two bodies of one province
    ("Kepolisian Daerah Sulawesi Tengah", "Kejaksaan Tinggi Sulawesi Tengah", "penegak_hukum"),
    ("Kantor Pertanahan Kota Palu", "Kantor Wilayah Badan Pertanahan Nasional Provinsi Sulawesi Tengah",
     "kementerian_lembaga"),
]


@functools.cache
def keys(exact: bool = False) -> PartyKeys:
    import teken
    from teken.pipeline.nlp.components import GazetteerMatcher

    pipe = teken.nlp(use_model=False)
    return PartyKeys(next(p for _, p in pipe.pipeline if isinstance(p, GazetteerMatcher)).gazetteer, exact=exact)


def _key(k: PartyKeys, name: str, kind: str):
    return k.key({"name": name, "kind": kind, "region_code": None})


@pytest.mark.parametrize(("a", "b", "kind"), SAME)
def test_one_institution_written_two_ways_is_one_party(a: str, b: str, kind: str) -> None:
    assert _key(keys(), a, kind) == _key(keys(), b, kind)


@pytest.mark.parametrize(("a", "b", "kind"), OTHER)
def test_another_office_unit_or_region_stays_another_party(a: str, b: str, kind: str) -> None:
    assert _key(keys(), a, kind) != _key(keys(), b, kind)


def test_exact_names_keep_the_gazetteer_only_keys() -> None:
    a, b, kind = SAME[3]  # Lapas: no whole form of the gazetteer
    assert _key(keys(True), a, kind) != _key(keys(True), b, kind)


def test_field_misses_say_how_a_matched_event_is_wrong() -> None:
    from teken.pipeline.batch.evaluate import MISS_KINDS, field_misses

    gold = {"venue": "Aula Kantor Bupati Sigi, Jalan Poros Palu-Palolo", "date": "2025-03-03",
            "agreement_types": ["mou", "pks"], "status": "signed"}
    assert field_misses(dict(gold), gold) == []
    got = field_misses({"venue": "Aula Kantor Bupati Sigi", "date": "2025-03", "agreement_types": ["mou"],
                        "status": "planned"}, gold)
    assert got == [MISS_KINDS[14], MISS_KINDS[18], MISS_KINDS[20], MISS_KINDS[22]]
    got = field_misses({"venue": None, "date": None, "agreement_types": ["mou", "pks", "other"],
                        "status": "signed"}, gold)
    assert got == [MISS_KINDS[12], MISS_KINDS[16], MISS_KINDS[21]]
    assert field_misses({**gold, "venue": "Gedung Juang", "date": "2025-04-01"}, gold) == [MISS_KINDS[15], MISS_KINDS[19]]


def test_an_office_written_by_its_body_short_form_is_keyed_by_the_office() -> None:
    """A party named as an office its mention writes only by the body's short form ("TVRI", "Bank Nagari") is that
    office, not the body: the name says more than the mention. A name the gazetteer lacks that says no more than
    the known mention (an annotator's variant of the body's name) is still keyed by the mention."""
    k = keys()
    station = {"name": "Lembaga Penyiaran Publik Televisi Republik Indonesia Stasiun Gorontalo", "mention": "TVRI",
               "kind": "kementerian_lembaga", "region_code": "75"}
    body = {"name": "Lembaga Penyiaran Publik Televisi Republik Indonesia", "mention": "TVRI",
            "kind": "kementerian_lembaga", "region_code": None}
    assert k.key(station) != k.key(body)
    variant = {"name": "Televisi Republik Indonesia (TVRI)", "mention": "TVRI", "kind": "kementerian_lembaga"}
    assert k.key(variant) == k.key(body)


def test_a_regional_government_is_its_code_and_its_units_their_names() -> None:
    """A regional government is known by its Kemendagri code however written; its units (a Dinas, an RSUD, the
    Setda) and its villages carry its code but are other parties, known by their names."""
    k = keys()

    def key(name: str, code: str):
        return k.key({"name": name, "kind": "pemerintah_daerah", "region_code": code})

    assert key("Pemerintah Kabupaten Batang Hari", "15.04") == key("Pemkab Batanghari", "15.04")
    government = key("Pemerintah Kota Palu", "72.71")
    units = [key("Dinas Kesehatan Kota Palu", "72.71"), key("Dinas Pendidikan Kota Palu", "72.71"),
             key("Rumah Sakit Umum Daerah Anutapura", "72.71"), key("Pemerintah Desa Sukamaju", "72.71")]
    assert government not in units and len(set(units)) == len(units)
    # a unit written two ways is one party
    assert key("Dinas Kesehatan Kota Palu", "72.71") == key("Dinas Kesehatan Kota Palu", "72")


def test_a_named_hospital_is_itself_with_or_without_its_region() -> None:
    k = keys()

    def key(name: str, code: str):
        return k.key({"name": name, "kind": "pemerintah_daerah", "region_code": code})

    assert key("Rumah Sakit Umum Daerah Undata Provinsi Sulawesi Tengah", "72") == key("Rumah Sakit Umum Daerah Undata", "72")
    assert key("RSUD Tenriawaru Bone", "73.08") == key("Rumah Sakit Umum Daerah Tenriawaru", "73.08")
    # a hospital named by its region alone keeps it
    assert key("Rumah Sakit Umum Daerah Kota Makassar", "73.71") != key("Rumah Sakit Umum Daerah Kabupaten Gowa", "73.06")

