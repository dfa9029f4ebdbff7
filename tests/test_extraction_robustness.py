"""Texts that once made extraction raise (issue 10: an article's failure must never lose its events)."""

from __future__ import annotations

import teken


def test_a_bare_ombudsman_host_beside_an_ombudsman_office_that_signs_does_not_raise():
    # The implied signer ("Ombudsman", the article's host) is the office already read, so it is not added
    # again; keeping it first once raised "ValueError: 'ombudsman:RI' is not in list".
    text = ("Ombudsman terus mendorong perbaikan layanan publik.\n\nPenandatanganan nota kesepahaman dengan "
            "Ombudsman RI Perwakilan Jambi dilakukan di Aula Kantor Gubernur, Senin (3/3/2024).")
    events = teken.extract(text, "2024-03-04", use_model=False)
    assert [[p.name for p in e.parties] for e in events] == [["Ombudsman RI Perwakilan Jambi"]]
