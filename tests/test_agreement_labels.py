"""An event's labels from all the names its mentions give the document (extractors/agreements.py, SPEC "Labels")."""

from __future__ import annotations

from teken.extractors.agreements import event_labels, find_triggers, headline_names, renamed


def _trigger(sentence: str):
    return next(t for t in find_triggers(sentence) if t.creates_event)


def test_a_generic_name_gives_way_to_the_document_named_elsewhere() -> None:
    lead = _trigger("Bupati Gowa menandatangani kerja sama dengan Rektor Universitas Hasanuddin, Senin (3/2/2025).")
    assert lead.weak and lead.types == ["pks"]
    again = renamed("Bupati berharap MoU ini segera ditindaklanjuti oleh dinas terkait.")
    assert again is not None and event_labels([lead, again]) == ["mou"]
    headline = headline_names("Bupati Gowa Teken MoU dengan Unhas")
    assert headline is not None and event_labels([lead, headline]) == ["mou"]


def test_two_documents_of_one_ceremony_keep_both_labels() -> None:
    mou = _trigger("Gubernur Bengkulu dan Gubernur Lampung menandatangani nota kesepahaman di Bengkulu.")
    pks = _trigger("Pada acara yang sama dilaksanakan penandatanganan perjanjian kerja sama antara kedua dinas pertanian.")
    assert event_labels([mou, pks]) == ["mou", "pks"]


def test_a_named_other_document_stays_beside_a_specific_one() -> None:
    both = _trigger("Para kepala OPD menandatangani perjanjian kinerja dan pakta integritas tahun 2025.")
    assert both.types == ["pakta_integritas", "other"]
    generic = _trigger("Kedua pihak menandatangani nota kesepahaman dan perjanjian tentang pengelolaan pasar.")
    assert generic.types == ["mou"]


def test_an_earlier_or_cited_document_is_no_second_name() -> None:
    assert renamed("PKS ini merupakan tindak lanjut dari MoU antara Kemendagri dan Kejagung.") is None
    assert renamed("Kerja sama itu dilakukan berdasarkan nota kesepahaman tersebut.") is None


def test_the_document_followed_up_is_no_name_of_the_one_signed() -> None:
    pks = _trigger("Dinas Kesehatan Sidrap dan Universitas Hasanuddin Raya menandatangani perjanjian kerja sama, Kamis.")
    basis = next(t for t in find_triggers("Kerja sama ini merupakan tindak lanjut dari nota kesepahaman antara Pemkab "
                                          "Sidrap dan Universitas Hasanuddin Raya.") if t.creates_event)
    assert event_labels([pks, basis]) == ["pks"]
    assert event_labels([basis]) == ["mou"]  # read alone, it is the earlier signing of that document
