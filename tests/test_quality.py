"""Extraction quality on every gold set, so that a change that makes the rules worse fails CI.

The thresholds are issue 4's targets on the development set and the demo gold; on the sets written to
measure generalisation (tests/data) they sit a little under the scores reached, to catch regressions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teken.pipeline.batch.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
SHARED_DEV = ROOT.parent / "shared" / "dev" / "seeds.jsonl"

ISSUE_4 = {"events": 0.90, "parties": 0.90, "type": 0.95, "status": 0.95, "date": 0.90, "venue": 0.85,
           "all": 0.60}
REGRESSION = {"events": 0.95, "parties": 0.93, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.90,
              "all": 0.80}

SETS = [
    ("dev", SHARED_DEV, ISSUE_4),
    ("demo", ROOT / "corpus" / "demo-gold.jsonl", ISSUE_4),
    ("challenge", ROOT / "tests" / "data" / "challenge-gold.jsonl", REGRESSION),
    ("blind", ROOT / "tests" / "data" / "blind-gold.jsonl", REGRESSION),
    ("final", ROOT / "tests" / "data" / "final-gold.jsonl", REGRESSION),
    ("fresh2", ROOT / "tests" / "data" / "fresh2-gold.jsonl", REGRESSION),
    # scored blind at the end of its round: a little under that score (its venues and names not yet tuned)
    ("fresh3", ROOT / "tests" / "data" / "fresh3-gold.jsonl",
     {"events": 0.95, "parties": 0.90, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.85, "all": 0.70}),
    # national bodies' offices among many officials; scored blind at events 0.895, parties 0.862
    ("fresh4", ROOT / "tests" / "data" / "fresh4-gold.jsonl",
     {"events": 0.95, "parties": 0.93, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.85, "all": 0.75}),
    # long lists, the Ombudsman's offices, budget agreements, grants; scored blind at events 0.955, parties 0.894
    ("fresh5", ROOT / "tests" / "data" / "fresh5-gold.jsonl",
     {"events": 0.95, "parties": 0.93, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.90, "all": 0.80}),
    # scraped-page mess, older years, signers by title; scored blind at events 0.958, parties 0.883, type 0.912
    ("fresh6", ROOT / "tests" / "data" / "fresh6-gold.jsonl",
     {"events": 0.95, "parties": 0.90, "type": 0.90, "status": 0.95, "date": 0.95, "venue": 0.88, "all": 0.60}),
    # who signs among many present; scored blind at events 0.949, parties 0.843 (floor 0.88 since a government's
    # units are keyed by their names, not by its region code)
    ("fresh7", ROOT / "tests" / "data" / "fresh7-gold.jsonl",
     {"events": 0.94, "parties": 0.88, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.92, "all": 0.65}),
    # institutions no list holds and how articles name them; scored blind at events 0.925, parties 0.708
    ("fresh8", ROOT / "tests" / "data" / "fresh8-gold.jsonl",
     {"events": 0.93, "parties": 0.86, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.88, "all": 0.62}),
    # one ceremony or several, retold; scored blind at events 0.902, parties 0.881, date 0.865
    ("fresh9", ROOT / "tests" / "data" / "fresh9-gold.jsonl",
     {"events": 0.95, "parties": 0.91, "type": 0.95, "status": 0.95, "date": 0.90, "venue": 0.87, "all": 0.70}),
    # national bodies and their units; scored blind at events 0.958, parties 0.871
    ("fresh10", ROOT / "tests" / "data" / "fresh10-gold.jsonl",
     {"events": 0.94, "parties": 0.87, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.95, "all": 0.70}),
    # who is a party among hosts, programme owners and units; scored blind at events 0.954, parties 0.903
    ("fresh11", ROOT / "tests" / "data" / "fresh11-gold.jsonl",
     {"events": 0.97, "parties": 0.93, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.95, "all": 0.75}),
    # villages, cooperatives, small firms and their odd names; scored blind at events 0.889, parties 0.767
    ("fresh12", ROOT / "tests" / "data" / "fresh12-gold.jsonl",
     {"events": 0.95, "parties": 0.86, "type": 0.95, "status": 0.95, "date": 0.90, "venue": 0.87, "all": 0.70}),
    # short forms of colleges, national bodies' offices and company units; scored blind at events 0.954, parties 0.770
    ("fresh13", ROOT / "tests" / "data" / "fresh13-gold.jsonl",
     {"events": 0.97, "parties": 0.91, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.95, "all": 0.80}),
    # long regional reports: lists over sentences, units of national bodies, put-off signings, hard-wrapped pages;
    # scored blind at events 0.923, parties 0.825
    ("fresh14", ROOT / "tests" / "data" / "fresh14-gold.jsonl",
     {"events": 0.94, "parties": 0.92, "type": 0.95, "status": 0.95, "date": 0.90, "venue": 0.75, "all": 0.52}),
    # national bodies, colleges, state companies and organisations: units, alumni bodies, witnesses, old names;
    # scored blind at events 0.973, parties 0.872
    ("fresh15", ROOT / "tests" / "data" / "fresh15-gold.jsonl",
     {"events": 0.97, "parties": 0.94, "type": 0.95, "status": 0.95, "date": 0.94, "venue": 0.94, "all": 0.80}),
    # who signs, worked out across the article: personal names, later lists, turns, captions, companies;
    # scored blind at events 0.968, parties 0.837
    ("fresh16", ROOT / "tests" / "data" / "fresh16-gold.jsonl",
     {"events": 0.93, "parties": 0.88, "type": 0.95, "status": 0.95, "date": 0.90, "venue": 0.75, "all": 0.62}),
    # how news names bodies that are not regional governments: vertical offices, units, branches, stations;
    # scored blind at events 0.912, parties 0.789
    ("fresh17", ROOT / "tests" / "data" / "fresh17-gold.jsonl",
     {"events": 0.95, "parties": 0.94, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.88, "all": 0.78}),
    # the kinds of signing regional news reports most: budget agreements, grants, pacts, prosecutors, police, courts,
    # sister cities, religious bodies, the Ombudsman; scored blind at events 0.933, parties 0.920
    ("fresh18", ROOT / "tests" / "data" / "fresh18-gold.jsonl",
     {"events": 0.96, "parties": 0.95, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.92, "all": 0.88}),
    # national-level signings: ministries, agencies, the Attorney General's Office, Polri, TNI, state companies,
    # renamed ministries, units signing "atas nama"; scored blind at events 0.946, parties 0.911
    ("fresh19", ROOT / "tests" / "data" / "fresh19-gold.jsonl",
     {"events": 0.94, "parties": 0.92, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.90, "all": 0.83}),
    # how regional news names government signers, 2013-2025: regional units by their short forms, secretaries and
    # assistants signing for their heads, ministries by short forms whose meaning changed with the cabinet, Aceh's
    # and Papua's own names; scored blind at events 0.958, parties 0.909
    ("fresh20", ROOT / "tests" / "data" / "fresh20-gold.jsonl",
     {"events": 0.95, "parties": 0.94, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.94, "all": 0.85}),
    # when and where, as regional news writes them: venues in later sentences, in captions, in lowercase, signed
    # online; dates by weekday, by "kemarin", by the page, undated, put off; scored blind at events 0.952, parties
    # 0.958, date 0.933 and venue 0.933
    ("fresh21", ROOT / "tests" / "data" / "fresh21-gold.jsonl",
     {"events": 0.97, "parties": 0.97, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.95, "all": 0.90}),
    # one article, several signings: renewals and the agreements they renew, turns of a series, earlier and
    # planned signings told in passing, signings put off or called off; scored blind at events 0.946 (0.946 with the
    # session's starting rules), parties 0.862 (0.850)
    ("fresh22", ROOT / "tests" / "data" / "fresh22-gold.jsonl",
     {"events": 0.94, "parties": 0.90, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.94, "all": 0.70}),
    # ministries, agencies and their offices: which unit of a national body signs and how the article names it
    # (regional offices by short forms, units signing in their own name, offices over several provinces, company
    # units, TNI and Polri commands); scored blind at events 0.987, parties 0.905
    ("fresh23", ROOT / "tests" / "data" / "fresh23-gold.jsonl",
     {"events": 0.97, "parties": 0.96, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.95, "all": 0.90}),
    # like the real dev set: its mix of bodies, negatives, multi-signing and planned articles, and its page mess;
    # scored blind at events 0.970, parties 0.887
    ("fresh24", ROOT / "tests" / "data" / "fresh24-gold.jsonl",
     {"events": 0.97, "parties": 0.97, "type": 0.95, "status": 0.95, "date": 0.90, "venue": 0.90, "all": 0.78}),
    # organisations, state and regional enterprises and companies as signers: company units, chapters of
    # organisations, cooperatives, foreign bodies; scored blind at events 0.889, parties 0.747
    ("fresh25", ROOT / "tests" / "data" / "fresh25-gold.jsonl",
     {"events": 0.94, "parties": 0.92, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.85, "all": 0.70}),
    # national bodies' regional offices with regional governments and their units: which office signs, units vs
    # their government, heads by title, lists over sentences; scored blind at events 0.987, parties 0.914
    ("fresh27", ROOT / "tests" / "data" / "fresh27-gold.jsonl",
     {"events": 0.98, "parties": 0.97, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.95, "all": 0.85}),
    # in the texture of scraped regional news: a regional office's signing beside its national body's earlier one,
    # renewals, records of earlier signings, ongoing cooperation that is no signing, witnesses; scored blind at events
    # 0.892, parties 0.865, then developed against (a regression set now)
    ("fresh28", ROOT / "tests" / "data" / "fresh28-gold.jsonl",
     {"events": 0.92, "parties": 0.90, "type": 0.95, "status": 0.95, "date": 0.90, "venue": 0.95, "all": 0.72}),
    # in the same texture: national bodies' regional and local offices named every way news names them, in lists,
    # by their heads, beside regional units; scored blind at events 0.945, parties 0.833, then developed against
    ("fresh29", ROOT / "tests" / "data" / "fresh29-gold.jsonl",
     {"events": 0.95, "parties": 0.85, "type": 0.88, "status": 0.95, "date": 0.93, "venue": 0.85, "all": 0.52}),
    # in the same texture: long lists of signers (5 to 16 regions, through officials, one a line, over paragraphs,
    # counted groups, consortia, schools and health facilities) beside those who only attend; scored blind at events
    # 0.927, parties 0.852, then developed against
    ("fresh30", ROOT / "tests" / "data" / "fresh30-gold.jsonl",
     {"events": 0.92, "parties": 0.88, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.88, "all": 0.58}),
    # in the same texture: signings told in words that are not the textbook's (typos, odd document names, only in a
    # caption or a quote, signers sentences away), venues and dates away from the signing, hard negatives; scored blind
    # at events 0.906, parties 0.844, then developed against
    ("fresh31", ROOT / "tests" / "data" / "fresh31-gold.jsonl",
     {"events": 0.95, "parties": 0.89, "type": 0.88, "status": 0.95, "date": 0.95, "venue": 0.88, "all": 0.68}),
    # in the same texture: signers among many named who do not sign (witnesses, attendees, facilitators, hosts,
    # beneficiaries, higher bodies, stand-ins); scored blind at events 0.933, parties 0.921, then developed against
    ("fresh32", ROOT / "tests" / "data" / "fresh32-gold.jsonl",
     {"events": 0.97, "parties": 0.97, "type": 0.95, "status": 0.95, "date": 0.95, "venue": 0.95, "all": 0.86}),
    # in the same texture: long and oddly shaped lists (numbered, dashed, tables, persons with regions in brackets,
    # over paragraphs, in captions, by abbreviation, BUMDes, districts, sessions); scored blind at events 0.865,
    # parties 0.728, then developed against
    ("fresh33", ROOT / "tests" / "data" / "fresh33-gold.jsonl",
     {"events": 0.91, "parties": 0.82, "type": 0.92, "status": 0.95, "date": 0.85, "venue": 0.88, "all": 0.57}),
    # in the same texture: how many signings a page reports (digests, repeated press releases, agendas, renewals,
    # postponements, video pages, interviews); scored blind at events 0.957, parties 0.893, then developed against
    ("fresh34", ROOT / "tests" / "data" / "fresh34-gold.jsonl",
     {"events": 0.95, "parties": 0.89, "type": 0.94, "status": 0.95, "date": 0.89, "venue": 0.91, "all": 0.55}),
    # in the same texture: a second, earlier or later signing mentioned in passing beside the main one (in a quote,
    # the lead, the last paragraph), against agreements only cited as in force or as a basis; scored blind at events
    # 0.974, parties 0.957, then developed against
    ("fresh35", ROOT / "tests" / "data" / "fresh35-gold.jsonl",
     {"events": 0.97, "parties": 0.96, "type": 0.97, "status": 0.97, "date": 0.94, "venue": 0.89, "all": 0.86}),
    # in the same texture: parties that are no regional government (national bodies' regional offices, BUMN and BUMD
    # branches, organisations' boards, companies, village enterprises); scored blind at events 0.986, parties 0.854,
    # then developed against
    ("fresh36", ROOT / "tests" / "data" / "fresh36-gold.jsonl",
     {"events": 0.96, "parties": 0.89, "type": 0.97, "status": 0.97, "date": 0.94, "venue": 0.89, "all": 0.64}),
    # in the same texture: the Ombudsman (its centre and its representative offices, signing, watching, facilitating)
    # and other oversight bodies; scored blind at events 1.000, parties 0.933, then developed against
    ("fresh37", ROOT / "tests" / "data" / "fresh37-gold.jsonl",
     {"events": 0.97, "parties": 0.95, "type": 0.97, "status": 0.94, "date": 0.97, "venue": 0.92, "all": 0.83}),
]


@pytest.mark.parametrize(("name", "path", "floor"), SETS, ids=[s[0] for s in SETS])
def test_extraction_quality_holds_on_gold_set(name: str, path: Path, floor: dict[str, float]) -> None:
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    score, _ = evaluate(gold, use_model=False)
    got = score.as_dict()
    figures = {
        "events": got["events"]["f1"], "parties": got["parties"]["f1"], "type": got["type_accuracy"],
        "status": got["status_accuracy"], "date": got["date_accuracy"], "venue": got["venue_accuracy"],
        "all": got["all_fields_right"],
    }
    low = {k: v for k, v in figures.items() if v is not None and v < floor[k]}
    assert not low, f"{name}: {low} below {floor}"
