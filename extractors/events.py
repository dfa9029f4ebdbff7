"""Signing events of one article: triggers read per sentence, joined into occasions, completed from context.

The rules, in the order they apply (SPEC §1):
- Each sentence's triggers (extractors/agreements.py) become candidates with their own signers, date,
  venue and status, each read from the trigger's part of the sentence.
- One ceremony is one event: a candidate that points back ("penandatanganan tersebut", "Nota Kesepakatan
  ini"), or names no new party, or names only parties of an earlier event, joins that event; "Kegiatan yang
  digelar di X tersebut" gives the event its venue.
- A candidate with objects but no subject ("sudah dilakukan dengan A, B", "kami melakukan MoU dengan C")
  gets the speaker's institution, or the subject of the previous signing in the same passage, or the
  article's host (the institution its lead is about); a regional office speaking of agreements with
  national bodies speaks for its national institution.
- Agreements listed as examples ("dengan kementerian lainnya seperti A, B, C") without a date are separate
  agreements: one event each. So are the same signer's agreements reported beside a signing as cooperation
  ("Sebelumnya sudah terjalin kerja sama dengan A, B dan C", "hal serupa dengan tiga koperasi lainnya. Yakni
  ..."; "MoU dan PKS dengan empat daerah lain sudah selesai. Yaitu ..."), and the counterparts a planned signing
  announced without them is given next ("Nanti kita akan kembali bekerja sama dengan A dan B"). Earlier documents
  listed under a signing, each with its date ("Nota Kesepahaman sebelumnya, yaitu: - Nomor ... (19 Mei 2011)"),
  are earlier events of its signers, one each.
- The article's main signing, when its sentence gives no date or venue, happened at the occasion the lead
  reports (its first full date and its "bertempat di" place); earlier or planned signings do not inherit it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
import re
import sys
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from teken.extractors import cabinets, signer_model
from teken.extractors.agreements import (
    APPOSITION_BEFORE,
    NEGATED,
    PUT_OFF_TO,
    SIGN_WORDS,
    AgreementMention,
    Trigger,
    agreement_title,
    event_labels,
    find_agreements,
    find_triggers,
    headline_names,
    in_subordinate_clause,
    renamed,
    signing_status,
    time_in_clause,
)
from teken.extractors.ceremonies import (
    COUNCIL_ORGAN,
    COUNTED_SO_FAR,
    EARLIER_CUE,
    THE_OCCASION,
    UNITS_OF,
    besides_document,
    general_party,
    merge_ceremonies,
    on_another_occasion,
    organ_of,
    other_occasion,
    own_earlier_cue,
    previous_sentence_span,
    records_earlier,
    same_institution,
    written_alike,
)
from teken.extractors.dates import (
    NUMBER_WORDS,
    WEEKDAYS,
    DateMention,
    already_done,
    article_reference,
    bounds_period,
    date_for_signing,
    dates_signing,
    find_dates,
    other_occasion_date,
    page_dates,
    slipped_day,
    statement_date,
)
from teken.extractors.parties import (
    _CENTRE_AFTER,
    _LIST_SEP,
    _LOCATIVE_BEFORE,
    _SPEECH,
    BASIS_CUE,
    PASSIVE_SPEECH,
    ArticleContext,
    PartyMention,
    build_context,
    cooperating,
    fronted_clause_end,
    national_body,
    read_signers,
    speaker_institution,
)
from teken.extractors.signer_lists import (
    _NUMBER,
    COUNTED_GROUP,
    GROUP_PHRASE,
    GROUP_THAT_SIGNED,
    LIST_OPENER,
    WITNESS_CLAUSE,
    group_after,
    is_continuation,
)
from teken.extractors.venue import (
    PLACING_VERBS,
    VenueMention,
    announced_place,
    find_venues,
    is_building,
    opening_place,
    too_wide,
    venue_for_signing,
)
from teken.gazetteer import Gazetteer, Institution
from teken.records import AGREEMENT_TYPES, Party, SigningEvent, assign_event_ids

# ("lalu" after a time says "ago", "Senin (6/3) lalu", "Juli lalu"; after a subject it says "then": "Keduanya lalu
# menandatangani ...")
_PAST_MARKERS = re.compile(r"\b(?:sebelumnya|sebelum\s+ini|pernah|silam|terdahulu|tahun\s+\d{4}|"
                           r"(?:tahun|bulan|pekan|minggu|hari|waktu|malam|pagi|siang|sore|sepekan|sebulan|setahun|seminggu|"
                           r"senin|selasa|rabu|kamis|jumat|"
                           r"jum'at|sabtu|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|"
                           r"desember|\d{1,4})\s+lalu)\b|\)\s*lalu\b|\byang\s+lalu\b",
                           re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:kelanjutan|lanjutan|sebelumnya|tindak\s+lanjut|melanjutkan|dilanjutkan)\b",
                      re.IGNORECASE)
_ATTRIBUTED = re.compile(r"^\W*(?:Menurut\s+[^,.;]{1,60}|(?:Ia|Dia|Beliau|[A-Z][a-z]+)\s+(?:mengatakan|menjelaskan|"
                         r"menyebutkan|menambahkan|mengungkapkan|menuturkan)),\s*")
_OCCASION = re.compile(r"^\W*(?:(?:Dalam|Pada)\s+)?(?:Kegiatan|Aktivitas|Acara|Agenda|Prosesi|Seremoni|Penandatanganan|"
                       r"Pertemuan)\b|"
                       r"\b(?:kegiatan|acara|agenda)\s+(?:yang\s+(?:" + PLACING_VERBS + r")|"
                       r"tersebut|ini)\b", re.IGNORECASE)


@dataclass
class Candidate:
    sent_start: int
    sent_end: int
    trigger: Trigger
    trig_start: int
    trig_end: int
    status: str | None
    date: DateMention | None
    venue: VenueMention | None
    subjects: list[PartyMention]
    objects: list[PartyMention]
    we: bool
    example_list: bool
    agentive: bool
    title: str | None
    paragraph: int
    placed: Draft | None = None  # the event this mention was read into
    non_signers: list[str] = field(default_factory=list)  # institutions named here as taking part, not signing
    split: bool = False  # its listed counterparts were read as one agreement each (_place)


# "Keenam mitra tersebut adalah ...", "Kelima daerah itu yakni ...": the group counted again, its members to follow.
_GROUP_COUNTED_AGAIN = re.compile(r"\W*(?:Adapun\s+)?(?:Ke(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)|"
                                  r"Ke-?\d+)\s+(?:[\w/-]+\s+){0,4}?(?:tersebut|itu)\s+(?:adalah|yakni|yaitu|ialah|"
                                  r"meliputi|terdiri)\b")


@dataclass
class _Listing:
    """A signing whose signers were named as a group ("dengan tujuh bank"): its list may follow."""

    draft: Draft
    sentence: int
    paragraph: int
    group: str = ""  # the group phrase ("tiga pemerintah daerah"), when the text gave one


@dataclass
class _Cooperation:
    """Institutions a sentence says cooperate ("A menjalin kerja sama dengan B"): a signing that follows may be theirs."""

    mentions: list[PartyMention]
    sentence: int
    paragraph: int
    explored: bool = False  # only explored ("menjajaki kerja sama dengan B"): its sides sign only a signing planned


@dataclass
class _GroupList:
    """A group already listed ("Lima daerah di Provinsi Jambi yakni A, B, C ..."): a signing with "12 daerah" just
    after is theirs (its list was given first)."""

    noun: str
    start: int
    end: int
    sentence: int


@dataclass
class Draft:
    """An event being assembled from one or more candidates."""

    first: Candidate
    types: list[str]
    status: str | None
    date: DateMention | None
    venue: VenueMention | None
    venue_start: int | None
    title: str | None
    parties: list[Party] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    subjects: list[Institution] = field(default_factory=list)
    implicit: bool = False
    merged: int = 1
    mentions: list[Trigger] = field(default_factory=list)  # the triggers joined after the first
    # Read from cooperation reported beside a signing with several counterparts (_alike_with): one agreement each.
    per_counterpart: bool = False
    # Its other side is a group the text does not name ("... MoU dengan 20 pemerintah daerah", _with_unnamed_group).
    unnamed_group: bool = False

    def add_party(self, inst: Institution, mention: str, rep: str | None, start: int | None,
                  end: int | None, subject: bool = False) -> None:
        if inst.key == "ombudsman:RI" and mention.lower() == "ombudsman" and any(
                p.kind == "ombudsman" for p in self.parties):
            return  # "... dengan Ombudsman" about an event with an Ombudsman office: that office
        if rep:
            # ("Kepala Ombudsman Sulsel, Ismu Iskandar." at a sentence's end: the stop is the sentence's, not a
            # degree's, "S.H.")
            rep = re.sub(r"(?<=[a-z])[.,;:]+$", "", rep.strip())
        if inst.key in self.keys:
            if rep:
                i = self.keys.index(inst.key)
                self.parties[i].representative = self.parties[i].representative or rep
            return
        self.keys.append(inst.key)
        if subject:
            self.subjects.append(inst)
        self.parties.append(Party(mention=mention, name=inst.name, kind=inst.kind,
                                  region_code=party_region(inst), representative=rep, start=start, end=end))


# Kinds that sit in a region without belonging to it: a university or a company has an address, not a
# Kemendagri region of its own (SPEC §2: the code is given "when the party belongs to a region").
UNREGIONAL_KINDS = {"perguruan_tinggi", "swasta"}


def party_region(inst: Institution) -> str | None:
    return None if inst.kind in UNREGIONAL_KINDS else inst.region_code


def reference_date(published: str | None, text: str, url: str | None = None) -> dt.date | None:
    """The date relative words resolve against (teken.extractors.dates.article_reference): the publication date,
    else the date in the URL or the page's header, else a coarser reference from the URL or the text's years.

    A date the text reports (the lead's "Kamis (16/12/2021)") is no publication date: "Selasa" or "kemarin"
    elsewhere in an undated page stay unresolved rather than counted from it.
    """
    return article_reference(published, text, url)


def extract_events(doc: Doc, gazetteer: Gazetteer, article_id: str, published: str | None = None,
                   title: str | None = None, url: str | None = None, nlp=None) -> list[SigningEvent]:
    """Every signing event of one article, in text order, with stable ids.

    ``url`` (the article's address) may carry its date ("/2023/01/27/"), which then dates "Selasa (27/1)".
    ``nlp`` (the pipeline that made ``doc``) lets a headline be read when the body reports no signing.
    """
    named: list[Trigger] = []
    unnamed: list[SigningEvent] = []
    events = _body_events(doc, gazetteer, article_id, published, title, url, named, unnamed)
    if not events and unnamed and nlp is not None and title and _headline_reports_signing(title):
        # "Pemkab X dan Kejari X Teken MoU" over "Penandatanganan nota kesepakatan berlangsung di Pendopo ..., Rabu
        # (13/3)": the body reports the act (its day, its place) and names none of its institutions; the
        # headline does. Two or more signers of the same status are needed: a headline of candidates or of one
        # institution names no sides.
        head = _read_headline(title, gazetteer, article_id, published, url, nlp)
        if len(head) == 1 and head[0].status == unnamed[0].status and len({p.name for p in head[0].parties}) >= 2:
            events = unnamed[:1]
            _headline_signers(events[0], head)
            _assign_ids(events)
    elif not events and not named:
        # "PWNU Akan Segera MoU dengan Muhammadiyah" over a body that only says "NU akan bekerja sama dengan
        # Muhammadiyah": the headline is the article's one report of the signing; read it as a sentence. A body
        # that names the document itself and still gives no event (its signers are candidates, not
        # institutions) has been read; the headline adds nothing.
        events = headline_events(gazetteer, article_id, published, title, url, nlp)
        if len(events) == 1 and events[0].status == "signed" and events[0].date is None and events[0].venue is None:
            _body_occasion(events[0], doc, gazetteer, published, url)
    elif events and nlp is not None and title and len(_body_named(events[0])) < 2 \
            and _headline_reports_signing(title):
        # (a body that named both sides of its main signing itself takes nothing from the headline: not read)
        _headline_signers(events[0], _read_headline(title, gazetteer, article_id, published, url, nlp))
    if events and nlp is not None and title:
        unit_head = any(_UNIT_HEAD_TITLE.match(p.mention or "") for p in events[0].parties)
        partner = len(_body_named(events[0])) == 1 and len(events[0].parties) == 1 and _HEADLINE_PARTNER.search(title)
        if unit_head or partner:
            in_title = build_context(nlp(title), gazetteer).mentions  # (the headline read once for both)
            if unit_head:
                _headline_ministry(events[0], in_title)
            if partner:
                _headline_partners(events[0], in_title)
    return events


# A headline's cooperation verb between its sides: "Pemkab Sigi Gandeng PT X", "Ombudsman Sulteng Jalin Kerja Sama
# dengan Yayasan Y", "Untad Bersinergi dengan Bank Z".
_HEADLINE_PARTNER = re.compile(r"\b(?:Gandeng|Menggandeng|Gaet|Menggaet|Rangkul|Merangkul|(?:Jalin|Menjalin|Teken)\s+"
                               r"(?:Kerja\s*[Ss]ama|Kerjasama|Kemitraan|MoU|MOU|PKS|Nota\s+Kesepahaman)(?:\s+dengan)?|"
                               r"(?:Kerja\s*[Ss]ama|Kerjasama|Bersinergi|Sinergi|Berkolaborasi|Kolaborasi|Bermitra)\s+"
                               r"[Dd]engan)\b", re.IGNORECASE)


def _headline_partners(main: SigningEvent, headline: list[PartyMention]) -> None:
    """ "Pemkab Sigi Gandeng PT Sinar Abadi Jaya Tangani Stunting" over a body whose signing names its one side only
    ("Pemerintah Kabupaten Sigi menandatangani nota kesepahaman penanganan stunting ..."): the headline names the
    partner the body leaves unsaid; it joins when the headline names the body's side too."""
    own = {p.name for p in main.parties}
    named = {m.institution.name for m in headline}
    if not own <= named:
        return
    ombudsman = any(p.kind == "ombudsman" for p in main.parties)
    for m in headline:
        inst = m.institution
        if inst.name in own or inst.kind == "ombudsman" and ombudsman:
            continue  # (the Ombudsman office that signs is the body's to say: SPEC, Ombudsman)
        main.parties.append(Party(m.text, inst.name, inst.kind, inst.region_code, None, None, None))
        own.add(inst.name)


def _headline_ministry(main: SigningEvent, headline: list[PartyMention]) -> None:
    """ "Kemenkes dan Pemprov NTT Sepakati Rencana Aksi ..." over "... ditandatangani oleh Direktur Jenderal
    Pencegahan dan Pengendalian Penyakit Kementerian Kesehatan dan Penjabat Gubernur": the headline presents the
    ministry as the signer, and the head of its unit signs for it (SPEC: Units)."""
    named = [Party(m.text, m.institution.name, m.institution.kind, m.institution.region_code, None, None, None)
             for m in headline]
    for i, p in enumerate(main.parties):
        ministry = _ministry_of_unit(p, named) if _UNIT_HEAD_TITLE.match(p.mention or "") else None
        if ministry is not None and ministry.name not in {q.name for q in main.parties}:
            main.parties[i] = Party(p.mention, ministry.name, ministry.kind, ministry.region_code, p.representative,
                                    p.start, p.end)


def _body_occasion(event: SigningEvent, doc: Doc, gazetteer: Gazetteer, published: str | None,
                   url: str | None) -> None:
    """ "Pemkab Sigi dan Bank Sulteng Teken Kerja Sama" over a lead that reports the occasion without a signing
    word ("Pemerintah Kabupaten Sigi dan PT Bank ... memperbarui kerja sama ..., Selasa (13/8). Kegiatan berlangsung
    di Ruang Pola ..."): the headline's signing happened on the lead's day and at its place, when the lead's
    dated sentence names one of the headline's signers."""
    ctx = build_context(doc, gazetteer)
    ref = reference_date(published, ctx.text, url)
    page = [(d.start, d.end) for d in page_dates(ctx.text, ref)]
    lead = _lead_day(ctx, None, ref, page)
    if lead is None:
        return
    sent = next((x for x in ctx.sents if x.start_char <= lead.start < x.end_char), None)
    names = {p.name for p in event.parties}
    if sent is None or not any(m.institution.name in names for m in ctx.mentions_between(sent.start_char, sent.end_char)):
        return
    event.date, event.date_precision, event.date_text = lead.value, lead.precision, lead.text
    for other in ctx.sents:
        if other.start_char < sent.start_char or other.start_char > sent.end_char + 600:
            continue
        venues = [v for v in find_venues(other.text) if (v.explicit or other is sent and is_building(v.text))
                  and not too_wide(other.text, v)]
        if venues:
            event.venue = venues[0].text
            event.venue_region_code = _named_region(gazetteer, event.venue)
            return


def _read_headline(title: str, gazetteer: Gazetteer, article_id: str, published: str | None, url: str | None,
                   nlp) -> list[SigningEvent]:
    """A headline's signings, the headline read as a sentence of its own."""
    return _body_events(nlp(" ".join(title.split())), gazetteer, article_id, published, None, url)


def _body_named(event: SigningEvent) -> set[str]:
    """The parties of an event the body itself named (a party taken from elsewhere has no offsets)."""
    return {p.name for p in event.parties if p.start is not None}


def headline_events(gazetteer: Gazetteer, article_id: str, published: str | None = None, title: str | None = None,
                    url: str | None = None, nlp=None) -> list[SigningEvent]:
    """The events of an article whose body reports no signing: its headline read as a sentence (extract_events)."""
    if nlp is None or not title or not _headline_reports_signing(title):
        return []
    events = _read_headline(title, gazetteer, article_id, published, url, nlp)
    for ev in events:  # the headline is no part of the cleaned text: its offsets are the empty span at 0
        ev.evidence_start = ev.evidence_end = 0
    _assign_ids(events)
    return events


def body_may_report_signing(doc: Doc) -> bool:
    """Whether some sentence of a Doc (sentences set, entities not needed) holds a trigger: every event of the
    body starts from one (`_candidates`: no trigger, no candidate, no draft), so a body without any gives no
    event whatever its entities, and `extract_events` is then `headline_events` (the headline completion of
    `_headline_signers` needs body events, so a body without triggers never reaches it)."""
    return any(find_triggers(sent.text) for sent in doc.sents)


def _headline_signers(main: SigningEvent, headline: list[SigningEvent]) -> None:
    """ "Pemkab X dan Kejari X Teken MoU" over a body whose lead reports the signing without naming both sides
    ("Penandatanganan nota kesepakatan berlangsung di Pendopo ...; Bupati Dyah berharap ..."): the headline names the
    signers of the article's main signing. Its institutions join when every institution the body itself named for
    that signing is among them; a side the body only guessed (the article's host) gives way to them."""
    if len(headline) != 1 or headline[0].status != main.status:
        return
    names = {p.name for p in headline[0].parties}
    named = _body_named(main)
    if len(names) < 2 or not named <= names:
        return
    if len(named) >= 2:
        return  # the body named both sides itself: a headline's third name is another signing's ("..., Y Menyusul")
    main.parties = [p for p in main.parties if p.start is not None or p.name in names]
    have = {p.name for p in main.parties}
    for p in headline[0].parties:
        if p.name not in have:
            main.parties.append(Party(p.mention, p.name, p.kind, p.region_code, p.representative, None, None))
            have.add(p.name)


def _headline_reports_signing(title: str | None) -> bool:
    """Whether a headline names a signing of a document that is no mere reference to another."""
    if not title:
        return False
    return any(t.creates_event and t.agreements and not t.negated and not t.void and not t.earlier
               and not t.generic for t in find_triggers(title))


def _body_events(doc: Doc, gazetteer: Gazetteer, article_id: str, published: str | None = None,
                 title: str | None = None, url: str | None = None,
                 named: list[Trigger] | None = None, unnamed: list[SigningEvent] | None = None) -> list[SigningEvent]:
    """The events of extract_events, read from the body; ``named`` collects the triggers that name a document,
    ``unnamed`` the signings of a named document that are dated or placed but name no institution."""
    ctx = build_context(doc, gazetteer, title)
    text = ctx.text
    ctx.mentions = [m for i, m in enumerate(ctx.mentions) if not _address(text, ctx.mentions[i - 1] if i else None, m)
                    and not _located_in(text, ctx.mentions[i - 1] if i else None, m, gazetteer)]
    ref = reference_date(published, text, url)
    # ("Kemendes" in a 2025 article is the ministry the lead calls "Kemendes PDT": one institution from the start)
    cabinets.name_mentions(gazetteer, ctx.mentions, cabinets.reference_interval(ref))
    # The page's own dates (header, byline, dateline) date the page, never a signing (SPEC, Hard cases).
    page = [(d.start, d.end) for d in page_dates(text, ref)]
    occasion_ref = _occasion_date(text, ref, page)
    drafts: list[Draft] = []
    skip_until = _headline_end(text, title)
    listing: _Listing | None = None
    coop: _Cooperation | None = None
    listed: _GroupList | None = None
    documents: Draft | None = None  # "Nota Kesepahaman sebelumnya, yaitu:": the signing whose forerunners are listed
    unsigned_at: int | None = None  # the last signing the text says did not happen ("batal menandatangani MoU")
    unsigned_types: set[str] = set()
    unsigned_keys: set[str] = set()  # and the institutions it named
    n_sent = 0
    signed_at: int | None = None  # the sentence that last reported a signing (an echo must follow it at once)
    prev_sent: Span | None = None
    for sent in ctx.sents:
        if sent.start_char < skip_until:
            continue  # the headline (a sentence's span also holds the line breaks after it)
        n_sent += 1
        # A sentence cut after a name's abbreviation ("Rektor UM Prof." | "Rofiudin ... sepakat bekerja sama.")
        # is read with its first part for the cooperation it states.
        coop_start = prev_sent.start_char if prev_sent is not None and _cut_at_name(text, prev_sent, sent) \
            else sent.start_char
        sent_before, prev_sent = prev_sent, sent
        if listing is not None and (n_sent - listing.sentence > 3
                                    or ctx.paragraphs_since(listing.paragraph, sent.start_char) > 1
                                    # ("Hadir pula ... Keenam mitra tersebut adalah A, B ...": a list that counts
                                    # the group again carries on over a paragraph put between)
                                    and not _GROUP_COUNTED_AGAIN.match(sent.text)
                                    # "Dalam kesempatan lain, penandatanganan ... dilakukan oleh ... yakni A, B":
                                    # a list still open belongs to the occasion before
                                    or on_another_occasion(sent.text)):
            listing = None
        if listing is not None and n_sent - listing.sentence > 1 and _group_filled(listing, drafts):
            listing = None  # "Tiga instansi ... Ketiganya adalah A, B dan C.": all three named, the list is done
        if listing is not None and (is_continuation(sent.text) or _only_names(ctx, sent) or _opens_with_regions(ctx, sent)) \
                and not _NOT_SIGNED_YET.search(sent.text):
            # "Para kepala daerah itu diantaranya Bupati A, Wali Kota B ...": the group's members sign. Of those a
            # sentence says attend ("Acara dihadiri Bupati A, Kapolda X ..."), only the group's own kind.
            first = ctx.mentions_between(sent.start_char, sent.end_char)
            said_here = ctx.text[sent.start_char:first[0].start] if first else ""
            fits = _group_kind(listing.group + " " + said_here) if _ATTENDING.search(sent.text) else None
            _attach_listed(ctx, listing.draft, sent.start_char, sent.end_char, drafts=drafts, fits=fits)
            listing.sentence = n_sent
            listing.paragraph = ctx.paragraph_of(sent.start_char)  # a list may run one item a paragraph
            continue
        candidates = _candidates(ctx, sent, ref, occasion_ref, page=page)
        if named is not None:
            named.extend(c.trigger for c in candidates if any(not a.weak for a in c.trigger.agreements))
        if not candidates and drafts and (again := renamed(sent.text)) is not None:
            _relabel(drafts[-1], again)  # "MoU ini diharapkan ...": the document's other name
        if documents is not None and not candidates:
            if _listed_document(ctx, drafts, documents, sent, ref):
                continue
            documents = None
        if not candidates:
            _attach_occasion(drafts, sent, ref, page=page, text=text)
            _attach_split_signers(ctx, drafts, sent)
            _attach_named(ctx, drafts, sent)
            _attach_sides(ctx, drafts, sent)
            _attach_turns(ctx, drafts, sent)
            _attach_next_signers(ctx, drafts, sent)
            if stated := cooperating(ctx, coop_start, sent.end_char):
                coop = _Cooperation(stated, n_sent, ctx.paragraph_of(sent.start_char))
            elif stated := cooperating(ctx, coop_start, sent.end_char, explored=True):
                coop = _Cooperation(stated, n_sent, ctx.paragraph_of(sent.start_char), explored=True)
            listed = _group_listed(sent, n_sent) or listed
            if _like_act(ctx, drafts, sent, ref) or _follows_later(ctx, drafts, sent, ref):
                continue
            n_drafts = len(drafts)
            if _earlier_after_count(ctx, drafts, sent):
                continue
            if (alike := _alike_with(ctx, drafts, sent, ref)) is not None or len(drafts) > n_drafts:
                # "Sebelumnya, pihaknya juga telah melakukan hal serupa dengan tiga koperasi lainnya. Yakni ...":
                # the counterparts may be listed in the next sentence.
                counted = GROUP_PHRASE.search(sent.text)
                listing = _Listing(alike, n_sent, ctx.paragraph_of(sent.start_char),
                                   _group_words(sent.text, counted) if counted else "") if alike else None
                continue
            opener = LIST_OPENER.search(sent.text)
            if listing is not None and opener and not _ATTENDING.search(sent.text[:opener.start()]) \
                    and not _NOT_SIGNED_YET.search(sent.text) and not _HOLDS_BEFORE.search(sent.text, 0, opener.start()):
                # (not "Pemkab X saat ini memiliki dua rumah sakit, yakni A dan B": what a body has, listed)
                listing.sentence = n_sent  # "Turut hadir ... untuk melakukan penandatanganan, seperti A, B"
                _attach_listed(ctx, listing.draft, sent.start_char + opener.end(),
                               sent.end_char, skip_witnesses=False)
            elif drafts and (said := GROUP_PHRASE.search(sent.text)) and ctx.paragraphs_since(
                    drafts[-1].first.paragraph, sent.start_char) <= 1 \
                    and (members := _present_members(sent.text, said)) is not None:
                # "Dari 14 daerah yang diundang, delapan kepala daerah hadir secara langsung, masing-masing Bupati A,
                # ...": as many as came, listed in the sentence that counts them, are the members who signed
                listing = _Listing(drafts[-1], n_sent, ctx.paragraph_of(sent.start_char), _group_words(sent.text, said))
                _attach_listed(ctx, listing.draft, sent.start_char + members, sent.end_char, skip_witnesses=False)
            elif listing is not None and listing.group and (attending := _PRESENT.search(sent.text)) \
                    and not _NOT_SIGNED_YET.search(sent.text):
                # "Ombudsman menandatangani MoU dengan tiga pemerintah daerah. Hadir dalam acara itu Bupati A, Bupati B
                # dan Wali Kota C": as many of the group's kind as it counts attend the occasion: its members
                # (SPEC: heads attending a signing they are the subject of).
                _attach_counted_members(ctx, listing, sent.start_char + attending.end(), sent.end_char)
            elif drafts and (said := GROUP_PHRASE.search(sent.text)) and ctx.paragraphs_since(
                    drafts[-1].first.paragraph, sent.start_char) <= 1:
                # "Dari 14 daerah hanya 8 kepala daerah yang hadir." after the signing: a list follows.
                listing = _Listing(drafts[-1], n_sent, ctx.paragraph_of(sent.start_char), _group_words(sent.text, said))
            continue
        opener = LIST_OPENER.search(sent.text, candidates[0].trig_end - sent.start_char)
        if listing is not None and opener and not any(c.date is not None or _secondary(c, text)
                                                      or besides_document(c, text) for c in candidates) \
                and any(m.start >= sent.start_char + opener.end()
                        for m in ctx.mentions_between(sent.start_char, sent.end_char)):
            # "Turut hadir ... kepala cabang bank untuk melakukan penandatanganan, seperti A, B, C": the group's
            # members, named where the signing is mentioned again.
            _attach_listed(ctx, listing.draft, sent.start_char + opener.end(), sent.end_char, skip_witnesses=False,
                           drafts=drafts)
            listing.sentence = n_sent
            continue
        attending = _PRESENT.search(sent.text)
        if listing is not None and attending and not _NOT_SIGNED_YET.search(sent.text) and not any(
                c.date is not None or c.trigger.negated or c.subjects or c.objects for c in candidates):
            # "... dengan Pemprov Malut dan lima pemerintah kabupaten/kota." "Acara penandatanganan di Aula X itu
            # dihadiri Pj Gubernur, Wali Kota A, Bupati B ...": the occasion named again, and as many of the group's
            # kind as the group counts attend it: they are its members, and sign (SPEC: heads attending a signing
            # they are the subject of).
            _attach_counted_members(ctx, listing, sent.start_char + attending.end(), sent.end_char)
        for cand in candidates:
            if _refers_to_unsigned(cand, drafts, unsigned_at, unsigned_types, unsigned_keys):
                continue
            if cand.trigger.echo and (signed_at is None or n_sent - signed_at > 1 or not drafts) \
                    and not (drafts and _echo_on_own_occasion(ctx, drafts, cand)
                             and ctx.paragraphs_since(drafts[-1].first.paragraph, cand.sent_start) <= 3
                             and bool(cand.subjects or cand.objects)):
                # "Hal serupa juga dilakukan ...": only right after a signing is it that signing (with a time of its
                # own, "Hal serupa juga telah dilakukan A bersama B pada tahun lalu", it is another signing of the
                # kind, a few paragraphs on too)
                continue
            if not cand.trigger.echo and cand.trigger.kind != "continuation" and not cand.trigger.negated:
                signed_at = n_sent
            if cand.trigger.void and cand.trigger.agreements:
                unsigned_at = cand.sent_start
                unsigned_types = set(cand.trigger.types)
                unsigned_keys = {m.institution.key for m in cand.subjects + cand.objects}
            if not drafts and coop is not None and n_sent - coop.sentence <= 2 \
                    and ctx.paragraphs_since(coop.paragraph, sent.start_char) <= 1 and _signs_stated_cooperation(cand):
                # "Pemkab X menjalin kerja sama dengan Bank Y. Penandatanganan dilakukan Bupati X dan Direktur Y":
                # the bare signing just after a stated cooperation, before any signing is read, signs it.
                cand.trigger.creates_event = True
                cand.trigger.agreements = [AgreementMention("pks", cand.trigger.start, cand.trigger.end,
                                                            cand.trigger.text, weak=True)]
                cand.trigger.types = ["pks"]
            if not drafts and not (cand.subjects or cand.objects) and sent_before is not None \
                    and (_THAT_MARKED.match(sent.text) and _made_by_signing(cand)
                         or _AT_THAT_MEETING.match(sent.text) and (_plain_signing(cand) or _agreed_signing(cand))) \
                    and ctx.paragraphs_since(ctx.paragraph_of(sent_before.start_char), sent.start_char) <= 1 \
                    and (stated := cooperating(ctx, sent_before.start_char, sent_before.end_char, worded=False)):
                # "Kejari X kini resmi menjadi pengacara negara bagi Pemkab X. Hal itu ditandai dengan
                # penandatanganan nota kesepahaman ...": the signing marks what the sentence before said, between
                # the bodies it named
                cand.subjects = list(stated)
            if drafts and coop is not None and not (cand.subjects or cand.objects) and n_sent - coop.sentence <= 1 \
                    and ctx.paragraph_of(sent.start_char) == coop.paragraph and _unseen_cooperation(coop, drafts) \
                    and _made_by_signing(cand):
                # "Di tempat terpisah, Pemkot X memperpanjang kerja sama dengan Kejari X. Kerja sama itu ditandai
                # dengan penandatanganan nota kesepakatan": a signing that names no one, right after a cooperation
                # between bodies no signing read so far has, signs that cooperation, not the signing before it.
                cand.subjects = list(coop.mentions)
            if cand.status == "planned" and not (cand.subjects or cand.objects) \
                    and (others := _OTHERS_LISTED.match(sent.text)) is not None \
                    and sent.start_char + others.end() < cand.trig_start:
                # "Tiga daerah lainnya, yakni Kepulauan Sula, Pulau Taliabu dan Halmahera Timur, dijadwalkan menyusul
                # menandatangani pekan depan": the rest of a group, listed before the signing they are to do
                cand.subjects = _listed_items(ctx, sent.start_char + others.end(), cand.trig_start)
            _place(ctx, drafts, cand, ref)
            if cand.placed is not None:
                _attach_besides(ctx, cand)
            if cand.placed is not None and cand.placed.first is cand and coop is not None:
                # ("Kerja sama itu diresmikan lewat penandatanganan MoU" points back to the cooperation, a quote or two
                # after it was stated)
                back = _COOPERATION_POINTED_BACK.match(sent.text) is not None
                if n_sent - coop.sentence <= (4 if back else 2) \
                        and ctx.paragraphs_since(coop.paragraph, sent.start_char) <= (3 if back else 2) \
                        and not cand.placed.unnamed_group \
                        and (not coop.explored or cand.placed.status == "planned"):
                    # ("... MoU dengan 20 pemda": its other side is said; "Pemprov A tengah menjajaki kerja sama dengan
                    # Pemprov B. Rencana penandatanganan MoU pun mulai dibahas": the signing planned is theirs)
                    _attach_cooperating(cand.placed, coop.mentions)
                coop = None  # the cooperation just stated is the next signing's, not a later one's
            # (a split list is read already; a list said not to sign, "Sejumlah bupati, antara lain A dan B, tidak
            # ikut menandatangani", names no signer)
            group = group_after(cand.trigger.sentence, cand.trigger.start, cand.trigger.end) \
                if cand.placed is not None and not cand.split and not cand.trigger.negated else None
            if group is not None and cand.placed is not None:
                listing = _Listing(cand.placed, n_sent, ctx.paragraph_of(sent.start_char),
                                   _group_words(cand.trigger.sentence, group))
                opener = LIST_OPENER.search(sent.text, group.end())
                # (not "Penandatanganan tersebut disaksikan oleh sejumlah pihak, yaitu A, B ...": who watched, listed)
                watched = re.search(r"\b(?:disaksikan|menyaksikan|dihadiri|menghadiri)\b",
                                    sent.text[max(0, cand.trig_end - sent.start_char):group.start()], re.IGNORECASE)
                # ("12 kabupaten/kota lainnya dijadwalkan meneken MoU serupa pada Rabu (16/6), di antaranya A, B dan C":
                # the group as the subject, its list after the signing it does)
                if opener is not None and not watched and (
                        opener.start() - group.end() <= 60
                        or group.end() <= cand.trigger.start and opener.start() - cand.trigger.end <= 60):
                    _attach_listed(ctx, cand.placed, sent.start_char + opener.end(), sent.end_char, drafts=drafts)
                elif listed is not None and n_sent - listed.sentence <= 2 and listed.noun == _group_noun(group):
                    _attach_listed(ctx, cand.placed, listed.start, listed.end, drafts=drafts)
        if _earlier_after_count(ctx, drafts, sent):
            for c in candidates:  # (a draft the sentence's own signing word made of the list is gone)
                if c.placed is not None and c.placed not in drafts:
                    c.placed = None
            if listing is not None and listing.draft not in drafts:
                listing = None
        placed = [c.placed for c in candidates if c.placed is not None]
        if listing is not None and n_sent != listing.sentence and any(
                c.placed is listing.draft and c.trigger.kind == "sign" and _starts_sentence(c)
                and not (c.subjects or c.objects) for c in candidates):
            # "... dan enam kabupaten/kota menandatangani ...". "Penandatanganan digelar di X." "Daerah yang ikut
            # meneken adalah A, B ...": a sentence about the same signing keeps its list to come open.
            listing.sentence = n_sent
            listing.paragraph = ctx.paragraph_of(sent.start_char)
        documents = placed[-1] if placed and _DOCUMENTS_LISTED.search(sent.text) and EARLIER_CUE.search(sent.text) \
            else None
        if not any(c.trigger.creates_event for c in candidates):
            # "Para pihak yang membubuhkan tanda tangan adalah A, B serta C": naming the signers.
            _attach_named(ctx, drafts, sent)
            _attach_sides(ctx, drafts, sent)
        if not any(c.trigger.creates_event for c in candidates) \
                and (stated := cooperating(ctx, coop_start, sent.end_char)):
            coop = _Cooperation(stated, n_sent, ctx.paragraph_of(sent.start_char))
    log: list[str] | None = [] if os.environ.get("TEKEN_DEBUG_CEREMONIES") else None
    _attach_government_represented(ctx, drafts)
    drafts = merge_ceremonies(drafts, text, _merge_drafts, log, ref)
    if log:
        print("\n".join(f"{article_id}: {line}" for line in log), file=sys.stderr)
    _fold_followed_documents(drafts, text)
    _ombudsman_offices(ctx, drafts)
    _bare_body_for_its_signing_office(ctx, drafts)
    for draft in drafts:
        _resolve_bare_heads(ctx, draft)
        _drop_bare_short_forms(draft, ctx.gazetteer)
    if drafts and (headline := headline_names(title)) is not None:
        _relabel(drafts[0], headline)  # the body says "kerja sama", the headline "Teken MoU"
    _inherit_occasion(drafts, ctx, ref, page=page)
    _share_occasion_venue(drafts, text)
    events: list[SigningEvent] = []
    drafts_out: list[Draft] = []
    _renewed_documents(ctx, drafts)
    _series_counterparts(ctx, drafts)
    for draft in drafts:
        _sister_city_partner(ctx, draft)
        _complete_parties(ctx, draft)
        _budget_counterpart(ctx, draft)
        if draft.per_counterpart and len(draft.parties) < 2:
            # "A sebelumnya telah menjalin kerja sama serupa dengan beberapa perguruan tinggi", the campuses never
            # named: agreements with no counterpart named add no event (SPEC: unnamed parties)
            continue
        # (the headline reports the article's first signing: a record told after it is no headline's news)
        for one in _record_told_done(ctx, draft, title if draft is drafts[0] else None):
            finished = _finish(one, ctx, article_id, ref)
            events.extend(finished)
            drafts_out.extend([one] * len(finished))
    # A signing nobody is named for, in a sentence tied to no occasion, is a general remark
    # ("Penandatanganan nota kesepahaman sering dijadikan acara seremonial.").
    kept = [(ev, d) for ev, d in zip(events, drafts_out, strict=True) if _anchored(d, text)]
    # An event must name at least one institution; a bare "kontrak" must name one itself (a document the text names,
    # "Letter of Intent", "NPHD", need not).
    if unnamed is not None:
        unnamed.extend(ev for ev, d in kept if not ev.parties and not _named_generically(d)
                       and (ev.date is not None or ev.venue is not None))
    kept = [(ev, d) for ev, d in kept if ev.parties and (ev.agreement_types != ["other"] or any(
        p.start is not None for p in ev.parties) or not _named_generically(d))]
    if signer_model.active():  # the learned signer scorer: off unless asked for (extractors/signer_model.py)
        signer_model.rescore(ctx, kept, title)
    events = [ev for ev, _ in kept]
    _assign_ids(events)
    return events


_PAST_DAY_END = re.compile(r"\blalu\b", re.IGNORECASE)
# A cited basis after the signing: what it names is the basis's ("sebagai turunan dari MoU antara A dan B").
_BASIS_AFTER = re.compile(r"\b(?:sebagai\s+)?turunan\s+dari\b|\b(?:berdasarkan|mengacu|merujuk)\b", re.IGNORECASE)


# "PKS serupa dengan", "MoU yang sama dengan": the document, then whom it is with.
# (also after what the document is for: "NPHD untuk pengamanan pilkada dengan Polres X dan Kodim Y akan ditandatangani")
_COUNTERPART_AFTER_DOCUMENT = re.compile(r"\s+(?:(?:serupa|yang\s+sama|ini|itu|tersebut)\s+)?(?:(?:untuk|tentang|terkait|"
                                         r"mengenai|bagi)(?:\s+[a-z][\w/-]*){1,5}\s+)?dengan\s+", re.IGNORECASE)
# ", dan akan meneken ...", ", tetapi baru akan menandatangani ...": a clause that goes on with the subject before it.
_SAME_SUBJECT_CLAUSE = re.compile(r",\s*(?:dan|serta|tetapi|tapi|namun)\s+(?:(?:akan|juga|baru|segera|rencananya|pun|"
                                  r"kemudian|lalu)\s+){0,3}$", re.IGNORECASE)


# A signing word used bare, of the document just spoken of: "Penandatanganan dilakukan oleh ...", "Naskah (tersebut)
# ditandatangani ...", "ditandai dengan penandatanganan oleh ...". Not a signing word with a noun of its own after it
# ("penandatanganan prasasti", "penandatanganan kontrak").
_BARE_SIGNING_AFTER = re.compile(
    r"\s*(?:(?:itu|tersebut|ini|naskah(?:nya)?|dokumen(?:nya)?)\s+)?(?:dilakukan|dilaksanakan|berlangsung|digelar|"
    r"diadakan|oleh|langsung|secara|disaksikan|di|pada|antara|bersama|[,.])(?![\w-])", re.IGNORECASE)
_DOCUMENT_BEFORE = re.compile(r"(?:^|[\s\"“])(?:[Nn]askah|[Dd]okumen)(?:nya)?(?:\s+(?:itu|tersebut|ini))?\s+(?:telah\s+|sudah\s+)?$")
_MARKED_BY_BEFORE = re.compile(r"\b(?:(?:ditandai|diawali|dimulai|diwujudkan|dituangkan|ditempuh|dikukuhkan|diresmikan)"
                               r"\s+(?:dengan\s+|melalui\s+|lewat\s+)?|melalui\s+|lewat\s+)$",
                               re.IGNORECASE)


def _unseen_cooperation(coop: _Cooperation, drafts: list[Draft]) -> bool:
    """Whether a stated cooperation is between bodies none of which signs in a signing read so far."""
    seen = {k for d in drafts for k in d.keys}
    return not any(m.institution.key in seen for m in coop.mentions)


# "Hal itu ditandai dengan ...", "Langkah tersebut ditandai dengan ...": what the sentence before said, marked by a signing.
# A sentence that opens on the cooperation just stated: "Kerja sama itu diresmikan lewat ...", "Kerja sama tersebut".
_COOPERATION_POINTED_BACK = re.compile(r"\W*(?:Kerja\s*sama|Kemitraan|Kolaborasi|Sinergi)\s+(?:\w+\s+){0,2}?"
                                       r"(?:itu|ini|tersebut)\b", re.IGNORECASE)
_THAT_MARKED = re.compile(r"\W*(?:Hal\s+(?:itu|ini|tersebut)|Ini|Itu|(?:Langkah|Komitmen|Sinergi|Kemitraan)\s+"
                          r"(?:itu|ini|tersebut))\s+(?:(?:juga|pun|resmi|kemudian|lantas)\s+)*ditandai\s+(?:dengan|oleh)\b",
                          re.IGNORECASE)


# "Pada kesempatan itu, dilakukan penandatanganan ...", "Pertemuan itu diakhiri dengan penandatanganan ...": the
# meeting the sentence before told (who received whom), where a signing named with no one took place.
_AT_THAT_MEETING = re.compile(r"\W*(?:(?:Pada|Dalam)\s+(?:kesempatan|pertemuan|kunjungan|audiensi|silaturahmi)\s+"
                              r"(?:itu|tersebut|ini)\b|(?:Pertemuan|Kunjungan|Audiensi|Silaturahmi)\s+(?:itu|tersebut|ini)\s+"
                              r"(?:(?:juga|pun|kemudian|lalu)\s+)*(?:diakhiri|ditutup|dilanjutkan|dirangkai(?:kan)?|diisi)\s+dengan\b)",
                              re.IGNORECASE)


def _plain_signing(cand: Candidate) -> bool:
    """Whether a mention tells a signing done, plainly: a signing verb, not negated, void, earlier, planned or
    dating another act."""
    trig = cand.trigger
    return trig.kind == "sign" and not (trig.negated or trig.void or trig.anchor or trig.earlier) \
        and cand.status != "planned"


def _agreed_signing(cand: Candidate) -> bool:
    """ "Dalam pertemuan itu disepakati penandatanganan MoU akan dilaksanakan bulan depan": a signing the meeting
    agreed on, planned (not negated or called off)."""
    trig = cand.trigger
    return trig.kind == "sign" and cand.status == "planned" and not (trig.negated or trig.void or trig.anchor) \
        and _AGREED.search(trig.sentence, 0, trig.start) is not None


_AGREED = re.compile(r"\b(?:disepakati|menyepakati|sepakat|bersepakat|kesepakatan(?:nya)?\s+(?:untuk|bahwa))\b",
                     re.IGNORECASE)


def _made_by_signing(cand: Candidate) -> bool:
    """Whether a signing is told as how a cooperation was made: "Kerja sama itu ditandai dengan penandatanganan nota
    kesepakatan", "ditempuh melalui penandatanganan ..."."""
    trig = cand.trigger
    return _plain_signing(cand) and _MARKED_BY_BEFORE.search(trig.sentence[max(0, trig.start - 40):trig.start]) is not None


def _signs_stated_cooperation(cand: Candidate) -> bool:
    """Whether a signing word with no agreement is the bare signing of a cooperation stated just before."""
    trig = cand.trigger
    if trig.creates_event or trig.agreements or not _plain_signing(cand):
        return False
    sentence = trig.sentence
    before = sentence[max(0, trig.start - 40):trig.start]
    if trig.text.lower().startswith("di"):  # a passive verb: its document stands before it
        return _DOCUMENT_BEFORE.search(before) is not None
    # opening its sentence (or after a stop the splitter read past), or after "ditandai dengan"
    return _BARE_SIGNING_AFTER.match(sentence, trig.end) is not None \
        and (_MARKED_BY_BEFORE.search(before) is not None or re.search(r"(?:^|[.!?]\s+)$", before) is not None)


# A document handed over, signed before: "menyerahkan dokumen MoU antara A dan B yang telah ditandatangani".
_HANDED_OVER_SIGNED = re.compile(r"\b(?:menyerahkan|menerima|diserahkan|diterima|mengantarkan|diantarkan)\s+"
                                 r"(?:(?:dokumen|naskah|berkas|salinan)\s+)?[^.;]{0,160}?\byang\s+(?:telah|sudah)\s+$",
                                 re.IGNORECASE)
# "Pemerintah dalam penandatanganan itu diwakili oleh Kementerian A dan Kementerian B": who signed for a side the
# signing named only as "pemerintah".
_GOVERNMENT_REPRESENTED = re.compile(r"(?:^|(?<=[.!?]\s))\W*(?:(?:Adapun|Sementara(?:\s+itu)?)\s*,?\s*)?"
                                     r"(?:(?:Dalam|Pada)\s+(?:penandatanganan|acara|kesempatan)(?:\s+(?:itu|ini|tersebut))?\s*,?\s*)?"
                                     r"(?:[Pp]ihak\s+)?"
                                     r"[Pp]emerintah(?:\s+pusat)?\s+(?:(?:dalam|pada)\s+(?:penandatanganan|acara|kesempatan)"
                                     r"(?:\s+(?:itu|ini|tersebut))?\s+)?diwakili\s+(?:oleh\s+)?")
_GENERIC_GOVERNMENT = re.compile(r"\b(?:dan|dengan|bersama)\s+pemerintah(?:\s+pusat)?\b(?!\s+(?-i:[A-Z]))|"
                                 r"\bpemerintah(?:\s+pusat)?\s+(?:dan|menandatangani|meneken)\b")


def _attach_government_represented(ctx: ArticleContext, drafts: list[Draft]) -> None:
    """ "Bank Indonesia dan pemerintah menandatangani perpanjangan MoU ..." then "Pemerintah dalam penandatanganan itu
    diwakili oleh Kemenko Perekonomian dan Kemendagri": the bodies named sign for the government the signing named
    only generically."""
    text = ctx.text
    for said in _GOVERNMENT_REPRESENTED.finditer(text):
        owner = max((d for d in drafts if d.first.sent_start <= said.start()), key=lambda d: d.first.sent_start,
                    default=None)
        if owner is None or ctx.paragraphs_since(owner.first.paragraph, said.start()) > 1 \
                or not _GENERIC_GOVERNMENT.search(text, owner.first.sent_start, owner.first.sent_end):
            continue
        end = text.find(".", said.end())
        for m in ctx.mentions_between(said.end(), end if end >= 0 else len(text)):
            if m.label == "ORG" and m.institution.key not in owner.keys:
                owner.add_party(m.institution, m.text, m.representative, m.start, m.end)


# A body's holdings, listed: "Pemkab X saat ini memiliki dua rumah sakit, yakni ...".
_HOLDS_BEFORE = re.compile(r"\b(?:memiliki|mempunyai|punya|mengelola|membawahi|membawahkan)\b", re.IGNORECASE)
# A relative clause whose verb is the next signing word, with words (a time) before that verb: "yang pada tahun 2016".
_RELATIVE_OPENING_NEXT = re.compile(r"\byang\s+(?:(?:sudah|telah|pernah|pada|tanggal|tahun|bulan)\s+)+(?:[\w()/-]+\s+){0,4}$",
                                    re.IGNORECASE)


def _candidates(ctx: ArticleContext, sent: Span, ref: dt.date | None,
                occasion_ref: dt.date | None = None, page: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    s_text = sent.text
    base = sent.start_char
    triggers = find_triggers(s_text)
    out: list[Candidate] = []
    basis_tail: int | None = None  # where the day of the signing a basis clause interrupts is written
    fronted: int | None = None  # where a fronted clause whose verb is the trigger just read ends
    for i, trig in enumerate(triggers):
        fronted_before = fronted
        prev_end = triggers[i - 1].end if i > 0 else None
        nxt = triggers[i + 1].start if i + 1 < len(triggers) else None
        seg_start = prev_end if prev_end is not None else 0
        seg_end = nxt if nxt is not None else len(s_text)
        if basis_tail is not None and seg_start < basis_tail < seg_end:
            seg_end = basis_tail  # (the basis document's own time is the one inside its clause)
        if (handed := _HANDED_OVER_SIGNED.search(s_text, seg_start, trig.start)) is not None:
            # "Pada Senin (19/10), Ombudsman menyerahkan dokumen MoU ... yang telah ditandatangani oleh pihak
            # Ombudsman": the day is the hand-over's; the document was signed before it
            seg_start = handed.end()
        if nxt is not None and (rel := _RELATIVE_OPENING_NEXT.search(s_text, seg_start, nxt)) is not None:
            # "penandatanganan MoU ini dilandasi ... kesepakatan bersama yang pada tahun 2016 ditandatangani ...": the
            # time inside the next signing's relative clause is that signing's
            seg_end = rel.start()
        basis_tail = None
        if APPOSITION_BEFORE.search(s_text, 0, trig.start) and (comma := s_text.find(",", trig.end)) != -1:
            seg_end = min(seg_end, comma)  # ("X, yang meneken PKS mewakili rektor, memastikan ... bulan depan")
        status = signing_status(s_text[seg_start:seg_end], trig.start - seg_start, trig.end - seg_start)
        prefer = "future" if status == "planned" else "past"
        letters = _letter_spans(s_text, base)
        segment = _mask_spans(_mask_title_years(s_text, trig, seg_start, seg_end), [*page, *letters], base + seg_start)
        put_off = PUT_OFF_TO.search(segment)
        if put_off is not None:
            # "... yang dijadwalkan Rabu (5/11) ditunda hingga pekan depan": the day it was put off from is no
            # longer its day; the time it is put off to is.
            # (read against the article's reference: "Kamis (12/9)" without a year is a date only against one)
            segment = _mask_spans(segment, [(d.start, d.end) for d in find_dates(segment, ref)
                                            if d.end <= put_off.start()], 0)
        # Inside a quote, "hari ini"/"kemarin" are the speaker's: the day of the occasion the lead reports.
        line_start = ctx.text.rfind("\n", 0, base) + 1
        date_ref = occasion_ref if occasion_ref and _in_quote(ctx.text[line_start:base + trig.start],
                                                              base + trig.start - line_start) else ref
        date = date_for_signing(segment, trig.start - seg_start, trig.end - seg_start, date_ref, prefer=prefer)
        if date is not None:
            date = _shift(date, base + seg_start)
        elif nxt is not None and (BASIS_CUE.search(s_text, trig.end, nxt) is not None
                                  or triggers[i + 1].earlier and not trig.earlier) \
                and (comma := s_text.find(",", nxt)) != -1:
            # (so after the renewed document's own earlier signing: "memperbarui MoU yang ditandatangani tiga tahun
            # lalu, Rabu (8/5)")
            # "... menandatangani PKS sebagai tindak lanjut nota kesepahaman yang diteken tahun lalu, Kamis (16/11)":
            # the day after the clause that names the basis document is the signing's
            tail = [d for d in find_dates(s_text[comma:], date_ref) if d.precision == "day"]
            if tail and tail[0].start <= 3:
                date = _shift(tail[0], base + comma)
                basis_tail = comma
        if status == "planned" and trig.agreements and not trig.void and _called_off_in_next(ctx, sent):
            # "Sedianya, Ombudsman juga menandatangani MoU dengan Pemkab X pada hari yang sama. Namun, penandatanganan
            # itu batal karena bupati berhalangan hadir": what was to be signed was not, and no new day is given
            trig.void = trig.negated = True
            trig.creates_event = False
        if (trig.void or status == "planned" and date is None) and trig.agreements \
                and (moved := _moved_in_next(ctx, sent, ref)) is not None:
            # "Penandatanganan ... yang semula dijadwalkan Senin (7/3) batal digelar. Acara tersebut diundur ke Kamis
            # (17/3).": not called off but put off, to the day the next sentence gives (so is one that was to be
            # signed: "Sedianya ... juga menandatangani MoU ... Namun, penandatanganan itu diundur ke Kamis (18/3).")
            trig.void = trig.negated = False
            trig.creates_event = True
            status, date = "planned", moved
        venue = venue_for_signing(s_text[seg_start:seg_end], trig.start - seg_start, trig.end - seg_start,
                                  plain_before=prev_end is None, planned=status == "planned")
        if venue is None and nxt is not None and _OCCASION_OF_NEXT.search(s_text[seg_start:nxt]):
            # "menandatangani MoU dalam acara penandatanganan 10 kerja sama di Gedung X": the occasion's place.
            after = triggers[i + 2].start if i + 2 < len(triggers) else len(s_text)
            venue = venue_for_signing(s_text[seg_start:after], trig.start - seg_start, trig.end - seg_start,
                                      plain_before=prev_end is None, planned=status == "planned")
        if venue is None and (there := _THERE_OPENING.match(s_text)) is not None and there.end() <= trig.start:
            venue = _place_just_named(ctx.text, base)
            if venue is not None:  # (offsets within the segment, as venue_for_signing gives them)
                venue = VenueMention(venue.text, venue.start - base - seg_start, venue.end - base - seg_start, True)
        venue_abs = None
        if venue is not None:
            venue_abs = VenueMention(venue.text, base + seg_start + venue.start, base + seg_start + venue.end,
                                     venue.explicit)
        zone_end = nxt
        fronted = fronted_clause_end(s_text, 0, trig.end, nxt) if nxt is not None else None
        if fronted is not None:
            # "Usai meneken MoU dengan A bulan lalu, B kini menandatangani PKS dengan C": the fronted clause names its
            # own counterparts; the main clause's subject, after its comma, is its signer too (given below)
            zone_end = fronted - 1
        if trig.earlier and trig.text.lower() == "pada" and (past := _PAST_DAY_END.search(s_text, trig.end)):
            # "antara A dengan B pada 30 Juli 2019 lalu, maka C menandatangani ...": the earlier document's
            # signers are named before its day; what follows "lalu" is the next clause's.
            zone_end = min(zone_end if zone_end is not None else len(s_text), past.end())
        if (basis := _BASIS_AFTER.search(s_text, trig.end, zone_end if zone_end is not None else len(s_text))) \
                and not any(a.start >= basis.start() for a in trig.agreements):
            # "PKS, yang akan kita tandatangani sebagai turunan dari MoU antara A dan B": A and B signed the basis.
            zone_end = basis.start()
        reading = read_signers(ctx, base, sent.end_char, base + trig.start, base + trig.end,
                               base + zone_end if zone_end is not None else None,
                               base + prev_end if prev_end is not None else None, trig.kind == "relational",
                               tuple(base + a.end for a in trig.agreements))
        title = agreement_title(s_text, max(a.end for a in trig.agreements)) if trig.agreements else None
        if letters:  # who wrote a letter the sentence cites signs nothing by it
            reading.subjects = [m for m in reading.subjects if not _in_spans(m.start, letters)]
            reading.objects = [m for m in reading.objects if not _in_spans(m.start, letters)]
        if reading.subjects and not reading.objects and any(
                a.end <= reading.subjects[0].start - base
                and _COUNTERPART_AFTER_DOCUMENT.fullmatch(s_text, a.end, reading.subjects[0].start - base)
                for a in trig.agreements):
            # "PKS serupa dengan Kabupaten A dan Kota B sudah diteken sebelumnya": who the document is "dengan" are
            # its counterparts; its signer is not named here.
            reading.objects, reading.subjects = reading.subjects, []
        # "Kepala Ombudsman Kalsel menyatakan dukungannya atas komitmen bersama ... yang diteken jajaran Pemkot X": who
        # speaks of a document signed by those the passive names did not sign it
        stance = list(reading.subjects) if reading.subjects and reading.objects and trig.agreements \
            and trig.text.lower().startswith("di") \
            and _STANCE_ON.search(s_text, reading.subjects[-1].end - base, trig.agreements[0].start) else []
        stance += _commenting_subjects(s_text, base, trig, reading.subjects, reading.subjects + reading.objects)
        if (held := _held_then_signed(ctx, s_text, base, trig)) is not None:
            # "Pemkab A juga telah memiliki MoU dengan B yang ditandatangani beberapa waktu lalu": the document held,
            # signed at a time of its own, by its holder and whom it is "dengan"
            reading.subjects, reading.objects = held
        if out and not reading.subjects and not reading.agentive and out[-1].subjects and prev_end is not None \
                and _SAME_SUBJECT_CLAUSE.search(s_text, prev_end, trig.start):
            # "Kabupaten A belum ikut menandatangani karena ..., dan akan meneken perjanjian yang sama pekan depan":
            # a coordinated clause without a subject of its own has the first clause's.
            reading.subjects = list(out[-1].subjects)
        if trig.creates_event and (listed := _signers_listed_next(ctx, sent, reading.subjects + reading.objects)):
            reading.objects = reading.objects + listed
        if out and prev_end is not None and not out[-1].subjects and reading.subjects \
                and fronted_before is not None:
            out[-1].subjects = list(reading.subjects)  # (the fronted clause's signer: the main clause's subject)
        named = reading.subjects + reading.objects
        said = _ATTRIBUTED.match(s_text)
        present = [m for m in named if m in stance or _not_signer(ctx.text, m, base + trig.start)
                   or _stands_in(ctx.text, m, named)
                   # "Menurut Kepala BPKAD X, NPHD dengan Polres X dijadwalkan ...": who says it does not sign
                   or said is not None and said.end() <= trig.start and m.end <= base + said.end()]
        if held is not None:
            present = []  # (the holder and whom the document is "dengan": its sides, read off the clause's shape)
        out.append(Candidate(base, sent.end_char, trig, base + trig.start, base + trig.end, status, date,
                             venue_abs, [m for m in reading.subjects if m not in present],
                             [m for m in reading.objects if m not in present], reading.implicit_we,
                             reading.example_list and _separate_acts(ctx.text, base, sent.end_char, base + trig.end,
                                                                     status, reading.objects),
                             reading.agentive, title, ctx.paragraph_of(base),
                             non_signers=[m.institution.key for m in present]))
    return out


# "memiliki MoU dengan B yang ditandatangani ...": a document held, its signing told in a relative clause after whom
# it is "dengan".
_HELD_DOCUMENT = re.compile(r"\b(?:memiliki|mempunyai|punya|mengantongi)\s+(?:\w+\s+)?$", re.IGNORECASE)
_HELD_WITH = re.compile(r"\s+(?:dengan|bersama)\s+(?P<with>[^,.;]+?)\s*,?\s*yang\s+(?:(?:telah|sudah|pernah)\s+)?$",
                        re.IGNORECASE)


def _held_then_signed(ctx: ArticleContext, s_text: str, base: int,
                      trig: Trigger) -> tuple[list[PartyMention], list[PartyMention]] | None:
    """The signers of a held document whose relative clause reports its signing at a time of its own ("Pemkab A juga
    telah memiliki MoU dengan B yang ditandatangani beberapa waktu lalu"): the holder, and whom it is "dengan"."""
    if trig.kind != "sign" or not trig.text.lower().startswith("di") or not trig.agreements:
        return None
    doc = trig.agreements[-1]
    held, with_ = _HELD_DOCUMENT.search(s_text, 0, trig.agreements[0].start), _HELD_WITH.fullmatch(s_text, doc.end, trig.start)
    if held is None or with_ is None:
        return None
    if not time_in_clause(s_text, trig.end):
        return None  # ("memiliki MoU dengan B yang mengatur ...": a document in force, its signing not told)
    clause = max(s_text.rfind(",", 0, held.start()), s_text.rfind(";", 0, held.start())) + 1
    holders = ctx.mentions_between(base + clause, base + held.start())
    others = ctx.mentions_between(base + with_.start("with"), base + with_.end("with"))
    return (holders[-1:], others) if holders and others else None


# "yang diteken", "yang telah ditandatangani": a signing told in a relative clause on the document before it.
_RELATIVE_PASSIVE_BEFORE = re.compile(r"\byang\s+(?:(?:telah|sudah|pernah|baru|resmi)\s+)*$", re.IGNORECASE)
_BOTH_SIDES_BETWEEN = re.compile(r"\bantara\b", re.IGNORECASE)


def _commenting_subjects(s_text: str, base: int, trig: Trigger, subjects: list[PartyMention],
                         named: list[PartyMention]) -> list[PartyMention]:
    """Those who speak of, question or look into a document whose signing a relative clause reports, with both its
    sides named there ("DPRD Sulteng menyoroti nota kesepahaman antara Pemprov Sulteng dan PT Vale yang diteken
    tahun lalu", "Kejati menelusuri PKS yang ditandatangani Pemkab Morowali dan PT Bintang pada 2019"): the
    subject of another verb before the document, not a signer. (With one side named, "Pemkab memperpanjang MoU
    dengan Kejari yang diteken 2019", the subject may be the other side: kept.)"""
    if not subjects or not trig.agreements or not trig.text.lower().startswith(("di", "ter")) \
            or not _RELATIVE_PASSIVE_BEFORE.search(s_text, 0, trig.start):
        return []
    doc_start = min(a.start for a in trig.agreements)
    doc_end = max(a.end for a in trig.agreements)
    if doc_end > trig.start:
        return []
    sides = [m for m in named if doc_end <= m.start - base < trig.start]
    agents = [m for m in named if m.start - base >= trig.end]
    both_between = len(sides) >= 2 and _BOTH_SIDES_BETWEEN.search(s_text, doc_end, sides[0].start - base)
    if not both_between and (len(agents) < 2 or sides):
        return []
    return [m for m in subjects if m.end - base <= doc_start and _VERB_WORD.search(s_text, m.end - base, doc_start)]


# "Di sana, Bupati A dan Wali Kota B menandatangani ...": the place the sentence before went to or was at.
_THERE_OPENING = re.compile(r"\W*(?:Di|Dari)\s+(?:sana|situ|tempat\s+(?:itu|tersebut|ini)|lokasi\s+(?:itu|tersebut|ini))\b",
                            re.IGNORECASE)


def _place_just_named(text: str, sent_start: int) -> VenueMention | None:
    """The last building the sentence before ``sent_start`` (in its paragraph) names after "di" or "ke" ("Rombongan
    berkunjung ke Kantor Wali Kota Pontianak, Senin (3/3)."), with its offsets in ``text``."""
    span = previous_sentence_span(text, sent_start)
    if span is None:
        return None
    at = span[0]
    # a destination is read as a place: "ke X" as "di X" (same length, offsets kept)
    places = [v for v in find_venues(re.sub(r"\b(?:ke|Ke)(?=\s)", "di", text[at:span[1]])) if is_building(v.text)]
    if not places:
        return None
    v = places[-1]
    return VenueMention(v.text, at + v.start, at + v.end, True)


# A word that is a verb by its prefix ("meneken", "diteken", "berharap"), but for the prepositions and words of a list
# that look like one ("bersama", "beserta", "tersebut", "diwakili": who signs for whom).
_VERB_WORD = re.compile(r"(?<![\w-])(?!(?:bersama|beserta|berikut|bersamaan|berturut-turut|tersebut|terkait|terhadap|"
                        r"termasuk|diwakili|masing-masing|di)\b)(?:me|ber|di|ter|per)[a-z]{3,}\b")
_SIGNER_PAIRING = re.compile(r"\s(?:bersama|dengan)\s")


def _signers_listed_next(ctx: ArticleContext, sent: Span, named: list[PartyMention]) -> list[PartyMention]:
    """ "Usai itu, giliran unit pelaksana PLN yang meneken perjanjian kerja sama dengan kejaksaan negeri setempat.
    Manager PLN UP3 Kupang Yohanes bersama Kajari Kota Kupang, kemudian Manager PLN UP3 Sumba Dedy dengan Kajari Sumba
    Timur.": a sentence without a verb of its own right after a signing, pairing bodies with "bersama"/"dengan", names
    who signed it. Not a list of who attended ("Hadir pula ..."), nor a quote."""
    nxt = _next_sentence(ctx, sent)
    if nxt is None or ctx.paragraph_of(nxt.start_char) != ctx.paragraph_of(sent.start_char):
        return []
    words = nxt.text
    if _VERB_WORD.search(words) or _ATTENDING.search(words) or re.search(r"[\"“”]|\b(?:tampak|turut|pula|juga)\b", words,
                                                                         re.IGNORECASE) \
            or not _SIGNER_PAIRING.search(words):
        return []
    listed = [m for m in ctx.mentions_between(nxt.start_char, nxt.end_char) if m.label == "ORG"
              and m.institution.kind != "ombudsman"]
    # (the sentence opens on the first signer, its title at most before it: "Manager PLN UP3 Kupang ...")
    if not listed or not re.fullmatch(r"(?:[A-Z][\w.-]*\s+)*", ctx.text[nxt.start_char:listed[0].start]):
        return []
    known = {m.institution.key for m in named}
    new = [m for m in listed if m.institution.key not in known]
    return new if len(listed) >= 2 and len(new) >= 2 else []


def _that_occasion(nouns: str) -> str:
    """A sentence opening on the occasion just told: "(Namun,) penandatanganan itu ...", "Acara tersebut ..."."""
    return (r"^\W*(?:(?:Namun|Tetapi|Akan\s+tetapi|Sayangnya)\s*,?\s*)?(?:" + nouns + r")(?:\s+\w+){0,2}?\s+"
            r"(?:tersebut|itu|ini)\s+")


_OCCASION_NOUNS = r"Acara|Kegiatan|Agenda|Penandatanganan|Penandatangan|Penekenan|Prosesi"
# "Acara tersebut diundur ke Kamis (17/3)": put off to another day; "Namun, penandatanganan itu batal": called off
# (so is a plan: "Rencana itu batal").
# (so told by who speaks for a side, the demonstrative dropped: "Kepala Bagian Hukum X mengatakan acara diundur
# menjadi Kamis (14/9/2023) karena ...")
_SAID_OCCASION = (r"^[^.;\"“”]{0,120}?\b(?:mengatakan|menyebut(?:kan)?|menjelaskan|menyampaikan|mengungkapkan|menuturkan|"
                  r"menerangkan|memastikan|membenarkan)\s*,?\s*(?:bahwa\s+)?(?i:" + _OCCASION_NOUNS + r")"
                  r"(?:\s+(?:tersebut|itu|ini))?\s+")
_PUT_OFF_NEXT = re.compile(r"(?:" + _that_occasion(_OCCASION_NOUNS) + "|" + _SAID_OCCASION + r")"
                           r"(?:kemudian\s+|akhirnya\s+|pun\s+)?(?:diundur|ditunda|"
                           r"digeser|dijadwalkan\s+ulang|dipindah(?:kan)?)\b[^.;]{0,40}?\b(?:ke|menjadi|hingga|sampai|"
                           r"pada)\s+", re.IGNORECASE)
_CALLED_OFF_NEXT = re.compile(_that_occasion(_OCCASION_NOUNS + r"|Rencana") + r"(?:akhirnya\s+|pun\s+)?"
                              r"(?:batal|dibatalkan|urung|gagal|tidak\s+jadi)\b", re.IGNORECASE)


def _next_sentence(ctx: ArticleContext, sent: Span) -> Span | None:
    return next((s for s in ctx.sents if s.start_char >= sent.end_char), None)


def _called_off_in_next(ctx: ArticleContext, sent: Span) -> bool:
    """Whether the sentence after ``sent`` says its signing was called off ("Namun, penandatanganan itu batal ...")."""
    nxt = _next_sentence(ctx, sent)
    return nxt is not None and _CALLED_OFF_NEXT.match(nxt.text) is not None \
        and _PUT_OFF_NEXT.match(nxt.text) is None


def _moved_in_next(ctx: ArticleContext, sent: Span, ref: dt.date | None) -> DateMention | None:
    """The day a signing called off in ``sent`` is put off to by the sentence after it, if that sentence says so."""
    nxt = _next_sentence(ctx, sent)
    if nxt is None:
        return None
    m = _PUT_OFF_NEXT.match(nxt.text)
    if m is None:
        return None
    days = [d for d in find_dates(nxt.text, ref, "future") if d.start >= m.end() - 1]
    return _shift(days[0], nxt.start_char) if days else None


# A list of counterparts the text marks as separate agreements: "secara terpisah", "sendiri-sendiri",
# "secara bertahap", "... lainnya" (others beside the one reported).
_SEPARATELY = re.compile(r"\b(?:secara\s+(?:terpisah|bertahap)|sendiri-sendiri|(?<!antara\s)(?<!-)lain(?:nya|ya)?(?!-))\b",
                         re.IGNORECASE)  # not "antara lain" (for instance) nor "lain-lain" (etc.)


def _separate_acts(text: str, sent_start: int, sent_end: int, trig_end: int, status: str | None,
                   objects: list[PartyMention]) -> bool:
    """Whether an example list of counterparts ("seperti A, B, C", "di antaranya A, B") names separate agreements,
    one per counterpart, rather than the signers of the one signing the sentence reports. Only the text's own word
    makes them separate: the signing is an earlier or a planned one ("sebelumnya", "pernah", "sudah banyak ...",
    "akan"), or the list is of others signing apart ("secara terpisah", "dengan instansi lainnya"). "Beberapa kepala
    daerah yang menandatangani MoU dengan X, di antaranya A, B dan C" lists who signed at the ceremony reported."""
    if status == "planned" or EARLIER_CUE.search(text, sent_start, sent_end) or _DONE_MANY.search(text, sent_start,
                                                                                                 trig_end):
        return True
    end = max((m.end for m in objects), default=trig_end)
    # "pihaknya sudah melakukan MoU, seperti dengan A, B hingga C", "sudah menjalin MoU dengan beberapa instansi, di
    # antaranya A dan B": a record of what the signer has signed so far, each with its own counterpart. ("Telah" is
    # no such cue: news reports the day's own signing with it, "telah menandatangani PKS dengan beberapa OPD,
    # di antaranya ...", and a list of the day's other signers after "dalam kesempatan itu ... di antaranya".)
    if _ALREADY.search(text, sent_start, trig_end):
        return True
    return bool(_SEPARATELY.search(text, trig_end, end))


_ALREADY = re.compile(r"\bsudah\b", re.IGNORECASE)


# "Ombudsman sudah banyak melakukan MoU dengan berbagai pihak, seperti ...": a record of past signings.
_DONE_MANY = re.compile(r"\b(?:sudah|telah)\s+(?:banyak|sering|berkali-kali|beberapa\s+kali)\b", re.IGNORECASE)


# An institution named as the owner of the occasion ("di sela-sela rangkaian kegiatan Apeksi ke XIV", "dalam
# Rakernas PWI"), as an area ("di Wilayah II Kota Tangerang"), or as taking part in someone else's signing ("Ombudsman
# RI berpartisipasi dalam kegiatan Penandatanganan ..."): present, not a signer (SPEC: Who is a party).
_OCCASION_OWNER_BEFORE = re.compile(
    r"\b(?:kegiatan|acara|rangkaian\s+(?:kegiatan|acara)|agenda|forum|rapat\s+kerja|raker(?:nas|da)?|rakor(?:nas)?|"
    r"rapat\s+koordinasi|munas|musyawarah\s+nasional|kongres|konferensi|peringatan|HUT|hari\s+jadi|(?:rapat|sidang)\s+paripurna|"
    r"paripurna|musrenbang|festival|pameran|expo|lomba|"
    # "di sela kunjungan kerja Menteri X": the visit's guest ("Pertemuan Bupati X dan Rektor Y diakhiri dengan
    # penandatanganan" is no margin: its participants sign)
    r"(?<=sela\s)(?:kunjungan(?:\s+kerja)?|kunker)|(?<=sela-sela\s)(?:kunjungan(?:\s+kerja)?|kunker))\s+(?:tahunan\s+)?"
    # "dalam acara yang digelar Bank Indonesia": who holds the occasion
    r"(?:,?\s*yang\s+(?:di(?:gelar|adakan|helat|selenggarakan|laksanakan|inisiasi)|dibuka)\s+(?:oleh\s+)?)?$",
    re.IGNORECASE)
_AREA_BEFORE = re.compile(r"\b(?:di\s+)?(?:(?:wilayah|kawasan|zona)\s+(?:[IVX]+|\d+)|wilayah\s+(?:kerja|hukum))\s+$",
                          re.IGNORECASE)
# "universitas di bawah naungan Pertamina": the owner of a signer; "surat Kepala Kejaksaan Tinggi X nomor ...",
# "Peraturan Kejaksaan RI Nomor 7 Tahun 2021": the author of a cited letter or rule.
# "PT X, anak usaha PT Pertamina, ...", "(anak perusahaan PLN)": the parent a signer is described by.
_OWNER_BEFORE = re.compile(r"\b(?:(?:di\s+)?bawah\s+(?:naungan|binaan)|naungan|milik|anak\s+(?:usaha|perusahaan)|"
                           # ("Subholding Commercial & Trading PT Pertamina": the holding's name between)
                           r"cucu\s+(?:usaha|perusahaan)|sub\s*holding(?:\s+(?-i:[A-Z&])[\w&-]*){0,4}|entitas\s+anak|"
                           r"(?:unit|lini)\s+(?:usaha|bisnis))"
                           r"(?:\s+(?:dari|milik))?\s+$", re.IGNORECASE)
# "dengan 18 lembaga di bawah naungan PWNU Jateng", "bersama sekolah-sekolah binaan Yayasan X": members the text
# counts or names only by their kind sign as the body they belong to, which is the party (SPEC: Units).
_UNNAMED_MEMBERS_BEFORE = re.compile(
    r"(?:\b(?:\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|puluhan|belasan|sejumlah|beberapa|seluruh|"
    r"semua|berbagai|para)\s+(?:[a-z]+\s+){1,3}|\b[a-z]+-[a-z]+\s+)(?:yang\s+(?:berada|ada)\s+)?"
    r"(?:di\s+)?(?:bawah\s+)?(?:naungan|binaan)\s+$")
_CITED_BEFORE = re.compile(r"\b(?:surat(?:\s+edaran|\s+keputusan)?|peraturan|keputusan|instruksi|edaran)\s+"
                           r"(?:(?:kepala|ketua|menteri|direktur)\s+)?$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r"\s*(?:\([^)]{1,20}\)\s*)?(?:nomor|nomer|no\.?)\s*:?\s*[\w/.-]", re.IGNORECASE)
_TAKING_PART = re.compile(
    r"\b(?:berpartisipasi|turut\s+serta|ikut\s+serta|(?:ikut|turut)\s+ambil\s+bagian)\s+(?:dalam|pada|di)\s+"
    r"(?:(?:kegiatan|acara|agenda|prosesi|rangkaian|seremoni)\s+)*$", re.IGNORECASE)


# The budget agreements a regional head and the council sign together at the council's plenary.
_BUDGET_AGREEMENT = re.compile(r"\bKUA\b|\bPPAS\b|Kebijakan\s+Umum\s+(?:Perubahan\s+)?Anggaran|\bAPBD\b|"
                               r"persetujuan\s+bersama", re.IGNORECASE)


# "setelah mendapat persetujuan DPRD dan Kementerian Luar Negeri": who approves the signing does not sign.
_APPROVER_BEFORE = re.compile(r"\b(?:persetujuan|izin|restu|rekomendasi)\s+(?:dari\s+)?"
                              r"(?:(?:[A-Z][\w.-]*|dan|serta)\s*,?\s*){0,8}$")


# "sesuai tenggat dari Kemendagri", "atas arahan dari Kementerian X": whose deadline or instruction it is.
_SOURCE_OF_BEFORE = re.compile(r"\b(?:tenggat|tenggat\s+waktu|batas\s+waktu|arahan|instruksi|surat|edaran|ketentuan|aturan|"
                               r"regulasi|petunjuk|permintaan|perintah)\s+(?:[\w-]+\s+){0,2}?dari\s+$", re.IGNORECASE)


def _not_signer(text: str, m: PartyMention, trigger_start: int) -> bool:
    """Whether mention ``m`` of a signing's sentence names an institution that is there without signing."""
    if _APPROVER_BEFORE.search(text, max(0, m.start - 80), m.start) \
            or _SOURCE_OF_BEFORE.search(text, max(0, m.start - 50), m.start):
        return True
    before = text[max(0, m.start - 40):m.start]
    owner = _OCCASION_OWNER_BEFORE.search(before)
    if owner and m.institution.kind == "dprd" and re.search(r"paripurna", owner.group(0), re.IGNORECASE) \
            and _BUDGET_AGREEMENT.search(text, m.end, min(len(text), m.end + 300)):
        # "Sidang paripurna DPRD X untuk meneken nota kesepakatan KUA-PPAS": a council signs the
        # budget agreements with its government at its own plenary; holding it makes the council no guest.
        owner = None
    if owner or _AREA_BEFORE.search(before) or (_OWNER_BEFORE.search(before) and not _UNNAMED_MEMBERS_BEFORE.search(
            text, max(0, m.start - 80), m.start)):
        return True
    if _CITED_BEFORE.search(before) and _NUMBER_AFTER.match(text, m.end):
        return True
    if m.end <= trigger_start and _TURN_BEFORE.search(text, max(0, m.start - 30), m.start) \
            and _TURN_AFTER.match(text, m.end):
        return True  # "Setelah Kota Manado, giliran Pemerintah Kota Bitung menjalin nota kesepahaman ...": done before
    if m.end <= trigger_start and _AFTER_THOSE_BEFORE.search(text, max(0, m.start - 80), m.start) \
            and _AFTER_THOSE_END.match(text, m.end):
        return True  # "Setelah Lanud dan Lanal, Asabri dijadwalkan menandatangani PKS serupa dengan Korem": done before
    if m.institution.kind == "pemerintah_daerah" and m.institution.name.startswith("Pemerintah ") \
            and _VILLAGES_BEFORE.search(text, max(0, m.start - 30), m.start):
        return True  # "Kepala Desa Kota Subulussalam": the heads of the city's villages sign, not the city
    if _HELD_WITH_BEFORE.search(text, max(0, m.start - 200), m.start):
        return True  # "melengkapi MoU yang sudah ada dengan A dan B", "memiliki MoU dengan C": partners in force
    if _ALSO_HOLDS_BEFORE.search(text, max(0, m.start - 50), m.start):
        return True  # "Ketua Kwarcab X, Y, yang juga menjabat Wakil Bupati X": another office its signer holds
    if _HELPED_BY_BEFORE.search(text, max(0, m.start - 40), m.start):
        return True  # "dengan bantuan Kajari, masalah ini bisa ditangani dan kita bisa membuat adendum": who helped
    if m.end <= trigger_start and _SAID_BY_BEFORE.search(text, max(0, m.start - 30), m.start) \
            and _SAID_AT.fullmatch(text, m.end, trigger_start) \
            and not _WITH_ONE_SIDE.match(text, trigger_start):
        # "Penegasan itu disampaikan Kepala BP BUMD, Nasruddin, dalam acara penandatanganan ...": who spoke (not
        # "disampaikan Bupati A dalam penandatanganan MoU dengan B": the other side of B is the speaker's)
        return True
    return m.end <= trigger_start and trigger_start - m.end <= 80 and bool(_TAKING_PART.search(
        text[m.end:trigger_start]))


# Another office the signer just named holds: "Ketua Kwarcab Sanggau, Yosef Alen, yang juga menjabat Wakil Bupati
# Sanggau", "yang sekaligus merupakan Ketua DPD ...": he signs for the body before, not for this one.
_ALSO_HOLDS_BEFORE = re.compile(r"\byang\s+(?:juga|sekaligus|kini|saat\s+ini)\s+(?:menjabat|merupakan|adalah|bertugas)"
                                r"(?:\s+sebagai)?\s+(?:(?:Wakil|Ketua|Kepala|Sekretaris|Anggota)\s+)?$", re.IGNORECASE)


# The villages of a regency or city, named by it: "Kepala Desa Kota Subulussalam", "para kepala desa se-Kabupaten X".
_VILLAGES_BEFORE = re.compile(r"\b(?:[Kk]epala\s+|[Kk]ades\s+|[Pp]ara\s+)?(?:[Dd]esa|[Kk]ampung|[Kk]ampong|[Gg]ampong|"
                              r"[Nn]agari|[Kk]elurahan)(?:-(?:desa|kampung|kampong|gampong|nagari|kelurahan))?\s+"
                              r"(?:(?:di|se)-?\s*)?$")
# The partners of an agreement held or in force, named after it ("memiliki MoU dengan A, B dan C", "MoU yang sudah
# ada dengan A"): no act of signing is reported of them (SPEC: an agreement only cited as in force).
_DOC_WORD = r"(?:MoU|MOU|nota\s+(?:kesepahaman|kesepakatan)|PKS|perjanjian(?:\s+kerja\s*sama)?|kerja\s*sama|kesepakatan)"
_HELD_WITH_BEFORE = re.compile(
    r"(?:\b(?:memiliki|mempunyai|punya|mengantongi)\s+(?:(?:sejumlah|beberapa|banyak|berbagai|\d+)\s+)?" + _DOC_WORD +
    r"|" + _DOC_WORD + r"\s+yang\s+(?:(?:sudah|telah|masih|selama\s+ini)\s+)?(?:ada|berlaku|berjalan|dimiliki|eksis))"
    r"\s+(?:sebelumnya\s+)?dengan\s+(?:(?-i:[A-Z])[^.;]*?(?:,\s*|\s+dan\s+|\s+serta\s+))?$", re.IGNORECASE)
# Who helped, not who signed: "dengan bantuan Kajari", "berkat dukungan Pemprov", "atas fasilitasi KPK".
_HELPED_BY_BEFORE = re.compile(r"\b(?:dengan|berkat|atas)\s+(?:bantuan|dukungan|fasilitasi|pendampingan|bimbingan|arahan|"
                               r"supervisi)\s+(?:dari\s+|pihak\s+)?$", re.IGNORECASE)
_WITH_ONE_SIDE = re.compile(r"[^.;]{0,80}?\b(?:dengan|bersama)\s+(?!(?:baik|lancar|khidmat|sukses|tertib|resmi|semangat|"
                            r"penuh|harapan|tujuan|tema|nilai|nomor|judul)\b)(?:\d|(?-i:[A-Z])|[a-z]+\s+(?:daerah|pemerintah|"
                            r"kabupaten|kota|instansi|lembaga|perusahaan|bank|universitas|perguruan|desa|pihak)\b)",
                            re.IGNORECASE)
# A passive verb of speech right before who spoke, and where they spoke: the occasion of a signing.
_SAID_BY_BEFORE = re.compile(rf"\b{PASSIVE_SPEECH}(?:\s+oleh)?\s+(?:(?:Kepala|Ketua|Direktur|Pimpinan)\s+)?$", re.IGNORECASE)
_SAID_AT = re.compile(r"[^.;]{0,80}?\s*(?:dalam|saat|pada|ketika|di\s*sela(?:-sela)?)\s+(?:(?:acara|kegiatan|agenda|"
                      r"prosesi|sambutan(?:nya)?)\s+)?", re.IGNORECASE)


# "Setelah Kota Manado, giliran Kota Bitung ...": who did it first, then whose turn it is now.
_TURN_BEFORE = re.compile(r"(?:^|[.;]\s+|\s[–-]\s+)\W*(?:Setelah|Sesudah|Usai|Menyusul)\s+(?:sebelumnya\s+)?$")
_TURN_AFTER = re.compile(r"\s*(?:\([^)]{0,20}\))?\s*,\s*(?:kini\s+|sekarang\s+)?giliran\b", re.IGNORECASE)


# "Setelah Lanud dan Lanal, ...": an opening phrase that is only a list of bodies names those who signed before.
# ("Sebelum UGM, Pemkab telah meneken MoU dengan A ...": the one it was before; "Selain dengan UGM, Pemkab juga telah
# meneken MoU dengan A ...", "Tak hanya dengan UGM, ...": the counterpart of another agreement, the one just reported.)
_AFTER_THOSE_BEFORE = re.compile(r"(?:^|[.;]\s+|\n|\s[–-]\s+)\W*(?:Setelah|Sesudah|Menyusul|Sebelum|(?:Selain|(?:Tidak|Tak|Bukan)\s+(?:hanya|cuma|saja))\s+dengan)\s+"
                                 r"(?:sebelumnya\s+)?"
                                 r"(?:[A-Z][\w/.'’-]*(?:[ \t]+(?:[A-Z0-9][\w/.'’-]*|\([^)]{0,20}\)))*"
                                 r"[ \t]*(?:,|dan|serta|&|,[ \t]*dan)[ \t]+)*$")
_AFTER_THOSE_END = re.compile(r"[ \t]*(?:\([^)]{0,20}\))?[ \t]*,")


_STANDS_IN_TITLE = r"(?:(?:Kepala|Ketua|Direktur|Dekan|Pimpinan|Kepla)\s+)?"
_STANDS_IN_BEFORE = re.compile(r"\b(?:yang\s+)?diwakil(?:i|kan)\s+(?:oleh\s+)?" + _STANDS_IN_TITLE + "$", re.IGNORECASE)
# Right after the signer ("Bank Indonesia dan pemerintah, dalam hal ini diwakili Kemenko ..." names the signers).
_STANDS_IN_GAP = re.compile(r"\s*(?:\([^)]{0,20}\))?\s*,?\s*(?:yang\s+)?diwakil(?:i|kan)\s+(?:oleh\s+)?"
                            + _STANDS_IN_TITLE, re.IGNORECASE)


def _stands_in(text: str, m: PartyMention, named: list[PartyMention]) -> bool:
    """ "Dekan Fakultas Teknik UGM, yang diwakili oleh Lembaga Kerjasama Fakultas Teknik UGM, ...": the office that
    stands in for a signer just named signs for it; it is no party of its own."""
    if not _STANDS_IN_BEFORE.search(text[max(0, m.start - 30):m.start]):
        return False
    return any(o is not m and o.end <= m.start and _STANDS_IN_GAP.fullmatch(text[o.end:m.start]) for o in named)


_OCCASION_OF_NEXT = re.compile(r"\b(?:dalam|pada|saat|di\s+sela(?:-sela)?)\s+(?:acara|kegiatan|rangkaian|seremoni)\s*$",
                               re.IGNORECASE)


# (a weekday with its relative word, "Rabu kemarin", names the day as well)
_WRITTEN_DAY = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}|\d{1,2}\s+[A-Za-z]{3,}|\b(?:" + WEEKDAYS + r")\b")


def _occasion_date(text: str, ref: dt.date | None, page: Sequence[tuple[int, int]] = ()) -> dt.date | None:
    """The day of the occasion the lead reports ("..., Selasa (9/8/2022)."): inside a quote, "hari ini" and
    "kemarin" are that day's.

    With a publication date, only an occasion in the week before it; without one (an undated page), the
    lead's first full date, which the speaker's "kemarin" counts back from.
    """
    exact = ref is not None and getattr(ref, "precision", "day") == "day"
    for d in find_dates(text[:600], ref if exact else None):
        # A day the lead writes in numbers ("Senin (18/11)", its year from the page) dates the occasion; a relative
        # word ("kemarin") does not.
        if d.precision == "day" and (not d.relative or _WRITTEN_DAY.search(d.text)) and not _in_spans(d.start, page) \
                and not _DATE_LINE.fullmatch(text[text.rfind("\n", 0, d.start) + 1:_line_end(text, d.end)]):
            day = dt.date.fromisoformat(d.value)
            if not exact:
                return day if ref is None or getattr(ref, "guess", False) or day.isoformat().startswith(
                    ref.isoformat()[:7 if getattr(ref, "precision", "day") == "month" else 4]) else None
            return day if ref is not None and dt.timedelta(0) <= ref - day <= dt.timedelta(days=7) else None
    return None


# A line that holds only a date (and a time): the page's own stamp ("Kamis, 15 Oktober 2020", "Selasa, 2 September
# 2025 | 08:15 WIB"), not the day of the occasion the lead reports.
_DATE_LINE = re.compile(r"\s*(?:(?:" + WEEKDAYS + r")\s*,?\s*)?\d{1,2}\s+[A-Za-z]+\s+\d{4}"
                        r"(?:\s*[|,-]?\s*(?:pukul\s+)?\d{1,2}[.:]\d{2}(?:\s*(?:WIB|WITA|WIT))?)?\s*")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


# "sehubungan dengan surat Kepala Kejaksaan Tinggi X nomor B-508/... tanggal 18 Oktober 2023 perihal ...": a letter
# cited by its sender, number and date; neither its sender nor its date is the signing's.
_LETTER = re.compile(r"\bsurat\s+(?:(?:dari|edaran|undangan|resmi)\s+)?(?!(?:keputusan|perjanjian|kesepakatan|"
                     r"pernyataan)\b)[^.;]{0,160}?\b(?:nomor|no\.?|bernomor)\s*:?\s*\S+(?:[^.;]{0,40}?\b"
                     r"(?:tanggal|tertanggal)\s+\d{1,2}\s+\w+\s+\d{4})?", re.IGNORECASE)


def _letter_spans(sentence: str, offset: int) -> list[tuple[int, int]]:
    """The spans (doc offsets) of letters a sentence cites by number ("surat ... nomor ... tanggal ...")."""
    if "surat" not in sentence.lower():
        return []
    return [(offset + m.start(), offset + m.end()) for m in _LETTER.finditer(sentence)]


def _in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _mask_spans(segment: str, spans: list[tuple[int, int]], offset: int) -> str:
    """The segment (starting at ``offset`` in the text) with the given text spans blanked out."""
    for s0, s1 in spans:
        a, b = max(s0 - offset, 0), min(s1 - offset, len(segment))
        if a < b:
            segment = segment[:a] + " " * (b - a) + segment[b:]
    return segment


def _in_quote(sentence: str, pos: int) -> bool:
    """Whether pos lies inside quotation marks ("“... hari ini kami menandatangani ...,” kata X")."""
    before = sentence[:pos]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return opened or (sentence.lstrip()[:1] in {"“", '"'} and "”" not in before and before.count('"') < 2)


def _mask_title_years(sentence: str, trig: Trigger, start: int, end: int) -> str:
    """The trigger's segment with years that name the agreement blanked out ("rencana kerja ... tahun 2024")."""
    segment = sentence[start:end]
    for a in trig.agreements:
        title_end = a.end
        # The title runs on through words, years and short forms in parentheses: "Memorandum of
        # Understanding (MoU) terkait Fasilitasi Hukum ... tahun 2023", "(KUA-PPAS) tahun 2019".
        # "dan" joins the title only between capitalised words ("Hukum Perdata dan Tata Usaha Negara").
        tail = re.match(r"(?:\s+(?!(?:yang|pada|dengan|antara|oleh|di|ke|dari|sejak|sebelumnya|lalu|dan|serta|"
                        r"tanggal|bulan|Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
                        r"November|Desember)\b)(?:[a-z][\w-]*|[A-Z][\w-]*|\d{4}|\([^()\d]{1,30}\))"
                        r"|\s+dan(?=\s+[A-Z])"
                        # "perjanjian kinerja dan pakta integritas tahun 2022": one year for both documents.
                        r"|\s+(?:dan|serta)(?=\s+(?:pakta|rencana|nota|perjanjian|kesepakatan|komitmen|mou|pks)\b)"
                        # "... di lingkungan Pemkot X, tahun 2026 memiliki dasar hukum": the year set off by a comma.
                        r"|,(?=\s*tahun\s+\d{4}\b))*", sentence[a.end:])
        if tail:
            title_end = a.end + tail.end()
        for m in re.finditer(r"\b(?:tahun\s+(?:anggaran\s+)?)?(?:19|20)\d{2}\b", sentence[a.end:title_end]):
            s0, s1 = a.end + m.start() - start, a.end + m.end() - start
            before = sentence[max(0, a.end + m.start() - 12):a.end + m.start()].lower()
            if 0 <= s0 and s1 <= len(segment) and not re.search(r"\b(?:pada|sejak|di|dalam)\s*$", before):
                segment = segment[:s0] + " " * (s1 - s0) + segment[s1:]
    return segment


def _sentence_of(cand: Candidate) -> str:
    return cand.trigger.sentence


def _shift(d: DateMention, offset: int) -> DateMention:
    return DateMention(d.start + offset, d.end + offset, d.text, d.value, d.precision, d.relative)


# What cites a document as the basis of another: "tindak lanjut dari", "turunan dari", "berdasarkan", "mengacu pada".
# ("nota kesepahaman yang ditandatangani bersama para kepala daerah menjadi dasar Ombudsman melakukan pendampingan")
_BASIS_NAMED_AFTER = re.compile(r"\b(?:yang\s+)?(?:menjadi|merupakan)\s+(?:payung|dasar|landasan|acuan|induk)\b",
                                re.IGNORECASE)
_BASIS_BEFORE = re.compile(r"\b(?:tindak\s*lanjut(?:\s+(?:dari|atas))?|turunan\s+(?:dari|atas)|berdasarkan|mengacu\s+(?:pada|kepada)|"
                           r"merujuk\s+(?:pada|kepada)|berpedoman\s+pada|payung\s+hukum(?:nya)?\s+(?:berupa|yaitu|yakni)?|"
                           r"dasar\s+hukum(?:nya)?\s+(?:berupa|yaitu|yakni|adalah)?|amanat|"
                           # "Ia juga menyinggung nota kesepahaman antara Pemkab X dan Polres": a document talked about
                           r"menyinggung(?:\s+(?:soal|tentang|perihal))?|mengungkit|menyoroti)\s+(?:[\w-]+\s+){0,3}$",
                           re.IGNORECASE)


# "MoU kita dengan Polres tentang kamtibmas itu tetap berlaku": a document said to be in force is cited, not reported.
_STILL_IN_FORCE = re.compile(r"\b(?:tetap|masih|sudah|telah)\s+berlaku\b", re.IGNORECASE)


# "tindak lanjut nota kesepahaman antara A dan B di tingkat pusat, serta perjanjian kerja sama antara C dengan D":
# the second document of the list cited as the basis is cited too.
_BASIS_LISTED_BEFORE = re.compile(r"\b(?:tindak\s*lanjut|turunan|berdasarkan|mengacu|merujuk|berpedoman|dasar\s+hukum|"
                                  r"payung\s+hukum|amanat)\b[^.;]{0,200}?(?:nota\s+kesepa\w+|MoU|perjanjian|kesepakatan|"
                                  r"PKS)\b[^.;]{0,200}?,?\s+(?:serta|dan|maupun)\s+$", re.IGNORECASE)
# A day given for the cited document, in its sentence or the next ("... tanggal 25 Januari 2023 lalu"): it reports an act.
# (not a year the document is in force from or until: "PKS ... yang berlaku sejak 2022", "berlaku hingga 2026", "periode
# 2023-2025": its term, no act of signing)
_DAY_SOON_AFTER = re.compile(r"(?<!\bsejak\s)(?<!\bhingga\s)(?<!\bsampai\s)(?<!\bperiode\s)"
                             r"(?<!-)\b(?:19|20)\d{2}\b|\btanggal\b|\(\d{1,2}/\d{1,2}", re.IGNORECASE)


def _echo_on_own_occasion(ctx: ArticleContext, drafts: list[Draft], cand: Candidate) -> bool:
    """Whether "the same thing" done ("Hal serupa sudah dilakukan Pemkab B tahun lalu") is told on an occasion of its
    own: planned, with a time cue of an earlier one, or dated otherwise than the signing just read."""
    return bool(drafts) and (cand.status == "planned" or bool(EARLIER_CUE.search(ctx.text, cand.sent_start, cand.sent_end))
                             or cand.date is not None and drafts[-1].date is not None
                             and cand.date.value != drafts[-1].date.value)


_SIGNED_WITH = re.compile(r"tanda\s*tangan\s+(?:dengan|bersama)\s", re.IGNORECASE)
_ASPECT_BEFORE = re.compile(r"\b(?:sudah|telah|pernah|baru)\s+$", re.IGNORECASE)


def _place(ctx: ArticleContext, drafts: list[Draft], cand: Candidate, ref: dt.date | None = None) -> None:
    """Join the candidate to the event it continues, or start a new one (one per listed example)."""
    trig = cand.trigger
    if trig.echo and _echo_on_own_occasion(ctx, drafts, cand):
        # "Hal serupa sudah dilakukan Pemkab B tahun lalu", "Hal yang sama akan dilakukan Pemkab C bulan depan": the same
        # kind of signing on another occasion, a signing of its own
        trig.echo, trig.similar = False, True
    if trig.similar and drafts and trig.agreements and all(a.weak for a in trig.agreements) and drafts[-1].types \
            and not all(t.weak or t.generic for t in [drafts[-1].first.trigger, *drafts[-1].mentions] if t.types):
        # "Kerja sama serupa pertama kali diteken kedua pihak dua tahun lalu" after an MoU renewed: a document "like"
        # the one just read, named only as cooperation, is of its kind
        trig.types = list(drafts[-1].types)
    besides = _BESIDES.search(ctx.text[cand.sent_start:cand.trig_start]) \
        if trig.similar or records_earlier(cand, ctx.text) else None
    if besides is not None:
        # "Selain UB, Polresta berencana menandatangani PKS serupa dengan UM": the one named "besides" signed the
        # earlier agreement this one is like, not this one ("Selain Pemprov, Kejati juga telah meneken MoU dengan A,
        # B dan C": nor those the signer has signed with)
        who = (cand.sent_start + besides.start("who"), cand.sent_start + besides.end("who"))
        cand.subjects = [m for m in cand.subjects if not who[0] <= m.start < who[1]]
    explicit = cand.subjects + cand.objects
    if drafts and trig.generic and trig.similar:
        # "perjanjian serupa": of the kind just read; a "perjanjian" most likely the perjanjian kerja sama.
        noun = trig.agreements[0].text.lower()
        liked = [d for d in reversed(drafts) if noun == "perjanjian" and "pks" in d.types
                 or noun == "kesepakatan" and "mou" in d.types]
        trig.types = list((liked[0] if liked else drafts[-1]).types)
    if not trig.creates_event and not trig.negated and drafts and not trig.echo \
            and (trig.similar or _new_objects(ctx, drafts[-1], cand) and not _signers_named(ctx.text, cand)) \
            and (not trig.text.lower().startswith("tanda")
                 # ("kami sudah tanda tangan dengan A, B dan C": the bare noun used as a verb, after its aspect)
                 or _SIGNED_WITH.match(ctx.text, cand.trig_start) is not None
                 and _ASPECT_BEFORE.search(ctx.text, cand.sent_start, cand.trig_start) is not None):
        # "penandatanganan serupa dengan Pemkab X": a new signing of the kind just read.
        trig.creates_event = True
        trig.types = list(drafts[-1].types)
        trig.anaphoric = False
        borrowed = drafts[-1]
    else:
        borrowed = None
    if trig.creates_event and not trig.anaphoric and not trig.earlier and cand.status != "planned" and cand.date is None \
            and drafts and set(trig.types) & set(drafts[-1].types) \
            and in_subordinate_clause(ctx.text[cand.sent_start:cand.sent_end], cand.trig_start - cand.sent_start):
        # "Unram dan RSUD dijadwalkan meneken PKS pada 24 April." "Setelah PKS diteken, mahasiswa bisa ...": a signing
        # that is only the time or condition of something else, of the document just read, is that signing
        trig.anaphoric = True
    if trig.anaphoric and trig.creates_event and drafts and cand.date is not None and drafts[-1].date is not None \
            and cand.date.value < drafts[-1].date.value[:len(cand.date.value)] \
            and not _OTHER_ACT_BETWEEN.search(ctx.text, min(cand.trig_end, cand.date.start), cand.date.start) \
            and not any(d.date is not None and d.date.value[:len(cand.date.value)] == cand.date.value for d in drafts):
        # (Dated the day of a signing read before a planned one: "Kerja sama itu diteken pada Senin (6/3)" after
        # "A rencananya akan meneken MoU dengan D bulan depan" points back past the plan to that signing.)
        # "MoU tersebut pertama kali ditandatangani pada 10 Januari 2020" after a renewal signed today: the document
        # points back, its day is before the signing just read: the document's earlier signing, an event of its own.
        trig.earlier = True
        trig.anaphoric = False
    if trig.creates_event and not trig.earlier and not explicit and not cand.we and drafts and cand.date is None \
            and cand.status != "planned" and not trig.negated and trig.types and not trig.generic \
            and drafts[-1].status == "signed" and not set(trig.types) & set(drafts[-1].types) \
            and own_earlier_cue(cand, ctx.text) \
            and not _SOME_OF_BOTH.search(ctx.text, cand.sent_start, cand.sent_end):
        # "A dan B menandatangani PKS ..." "MoU antara keduanya telah lebih dulu diteken": another document, of the
        # sides just read, which its sentence puts before, signed by them on an occasion of its own (all of them,
        # "keduanya", "kedua pihak"; not "kedua pemprov", the governments alone among the sides)
        trig.earlier = True
    if not trig.creates_event and not trig.negated and cand.status != "planned" and cand.date is None \
            and len(cand.objects) > 1 and COUNTED_SO_FAR.search(ctx.text, cand.sent_start, cand.trig_start) \
            and GROUP_PHRASE.search(ctx.text, cand.sent_start, cand.trig_start) \
            and any(all(m.institution.key not in d.keys for d in drafts) for m in cand.objects):
        # "Saat ini baru lima daerah yang sudah meneken, yakni A, B, C, D dan E": a count of those who have signed
        # so far, named, is a record of their signings, one each (those already read among them are those
        # signings again), not more signers of the signing just read
        trig.creates_event = True
        cand.example_list = True
        if drafts and (not trig.types or trig.generic):
            trig.types = list(drafts[-1].types)  # (signed what the article is about: "yang sudah meneken")
    if cand.status == "planned" and drafts and drafts[-1].status == "signed" and not trig.negated and explicit \
            and _FOLLOWING_LATER.search(ctx.text, cand.sent_start, cand.sent_end) \
            and not any(m.institution.key in drafts[-1].keys for m in explicit):
        # "Tiga daerah lainnya, yakni A, B dan C, dijadwalkan menyusul menandatangani pekan depan": others to sign the
        # document just signed later, with its other side: a planned signing of its own
        trig.creates_event, trig.anaphoric = True, False
        trig.types = trig.types or list(drafts[-1].types)
        others = _other_side(ctx, drafts[-1], {m.institution.kind for m in explicit})
        _new_draft(ctx, drafts, cand, cand.objects)
        for inst, p in others:
            drafts[-1].add_party(inst, p.mention, p.representative, p.start, p.end)
        return
    target = None if trig.earlier else _target(drafts, cand, explicit, ctx.text, ref, ctx.gazetteer)
    if target is None and drafts and cand.date is None and not trig.earlier and not trig.negated \
            and cand.status != "planned" and _CAPTION_LINE.match(ctx.text, ctx.text.rfind("\n", 0, cand.sent_start) + 1):
        # "(Foto: Penandatanganan kerja sama antara Ombudsman dan STKIP Pata Ngabang)": a photo caption shows the
        # ceremony the article reports, a signer of it named; a name the caption writes otherwise is no new party
        sharing = [d for d in reversed(drafts) if any(_party_of(m, d) for m in explicit) and d.status != "planned"]
        if sharing:
            target = sharing[0]
            cand.subjects = [m for m in cand.subjects if not _written_otherwise(m, target)]
            cand.objects = [m for m in cand.objects if not _written_otherwise(m, target)]
            explicit = cand.subjects + cand.objects
    after_plan = target if target is not None else drafts[-1] if drafts else None
    if after_plan is not None and after_plan.status == "planned" and cand.status != "planned" and trig.creates_event \
            and not trig.anaphoric and not trig.negated \
            and (_new_objects(ctx, after_plan, cand) or EARLIER_CUE.search(ctx.text, cand.sent_start, cand.sent_end)) \
            and _DONE_OR_WITNESSED.search(ctx.text, cand.sent_start, cand.trig_start):
        # "Kedua kantor akan menandatangani MoU pada pertemuan berikutnya. ... Pada kesempatan yang sama, Kepala X
        # juga menjadi saksi penandatanganan MoU antara A dan B": a signing done (and seen) with others at the
        # occasion reported, not the one still to come ("A dan B sebelumnya sudah meneken LoI" after a planned MoU:
        # the earlier signing).
        target = None
        cand.status = "signed"
    if target is None and drafts and cand.date is None and not trig.negated \
            and cand.status in (None, drafts[-1].status) and _NEXT_DOCUMENT.match(ctx.text, cand.sent_start):
        # "BP Batam menandatangani dua dokumen sekaligus ... Dokumen pertama berupa MoU dengan A. Dokumen kedua adalah
        # LoI dengan B": the documents of the signing just read, counted off one by one, and whom each is with
        # (a place in such a sentence is what the document is about: "rencana investasi pusat data di Kawasan X").
        target = drafts[-1]
        cand.venue = None
    if target is None and trig.kind == "relational" and cand.date is None \
            and (_BASIS_BEFORE.search(ctx.text, cand.sent_start, cand.trig_start)
                 or _BASIS_LISTED_BEFORE.search(ctx.text, cand.sent_start, cand.trig_start)
                 or _STILL_IN_FORCE.search(ctx.text, cand.trig_end, cand.sent_end)) \
            and not _DAY_SOON_AFTER.search(ctx.text, cand.trig_end, cand.trig_end + 250) \
            and not EARLIER_CUE.search(ctx.text, cand.trig_end, cand.sent_end):  # "... beberapa waktu lalu": its act
        # "Nota kesepakatan itu merupakan tindak lanjut dari nota kesepahaman antara Kemendagri dan Kejaksaan Agung":
        # a document cited as the basis of the one signed, no act of its own reported (SPEC: One event or several).
        return
    basis = _BASIS_NAMED_AFTER.search(ctx.text, cand.trig_end, cand.sent_end) if target is None else None
    said = _ATTRIBUTED.match(ctx.text[cand.sent_start:cand.trig_start]) if basis is not None else None
    from_ = cand.sent_start + (said.end() if said else 0)  # ("Menurut Kepala X, ...": who says it signs nothing)
    if basis is not None and cand.date is None and not cand.we \
            and (drafts or not any(from_ <= m.start < basis.start() for m in cand.subjects + cand.objects)):
        # "... telah lebih dulu menjalin nota kesepahaman dengan Pemkot X yang menjadi payung kerja sama tersebut":
        # an agreement named as the umbrella of the one signed, with no day of its own, is cited, not reported.
        return
    if target is None and not trig.creates_event and not drafts and not trig.negated and cand.objects \
            and trig.text.lower().startswith("di") \
            and _DOCUMENT_SUBJECT.search(ctx.text[cand.sent_start:cand.trig_start]):
        # "Kesepakatan itu lalu dituangkan dalam nota kesepakatan. Dokumen tersebut ditandatangani Wali Kota A
        # bersama Ketua DPRD B": the document the sentence before named, signed by those the passive names.
        named = [a for a in find_agreements(ctx.text[max(ctx.paragraph_starts[max(0, cand.paragraph - 1)],
                                                         cand.sent_start - 400):cand.sent_start]) if not a.weak]
        if named:
            trig.creates_event = True
            trig.types = [named[-1].label]
    if target is None:
        if not trig.creates_event:
            return
        if trig.earlier:
            _new_earlier_document(ctx, drafts, cand)
            return
        if (times := _own_times(ctx.text, cand, ref)) is not None:
            # "meneken MoU dengan A pada Juni dan dengan B pada Oktober": each counterpart with a time of its own
            # signed on an occasion of its own
            for obj, when in times:
                # (one with no time of its own was signed elsewhere too: the sentence's place is the dated one's)
                _new_draft(ctx, drafts, dataclasses.replace(cand, date=when) if when is not None
                           else dataclasses.replace(cand, date=None, venue=None), [obj])
            cand.split = True
            return
        # ("Kami sudah MoU dengan Polres, Kodim, Kejari dan BPN," after the day's signing: what the signer has
        # signed already, with counterparts the day's signing does not have, told without a day or a place)
        # ("Beberapa instansi yang telah menjalin MoU dengan Kejati yaitu A, B dan C": the group's members who have
        # signed so far, where the day's signing has named its counterpart rather than a group it then lists)
        already = bool(drafts) and cand.venue is None \
            and bool(_ALREADY.search(ctx.text, cand.sent_start, cand.trig_start) or _done_first(ctx.text, cand)
                     or GROUP_THAT_SIGNED.search(ctx.text, cand.sent_start, cand.trig_start)
                     and not any(d.unnamed_group for d in drafts)
                     and not THE_OCCASION.search(ctx.text, cand.sent_start, cand.sent_end)) \
            and not any(o.institution.key in d.keys for o in _listed(ctx.text, cand) for d in drafts)
        lister = _agent_with_counterparts(ctx.text, cand)  # (the passive's agent, who signed with each listed)
        # "Sebelumnya, MoU serupa telah ditandatangani (oleh) Pemkot A, Pemkot B dan Pemkab C": a document like the one
        # reported, signed by others none of whom signed it, is each one's own, with its signer (the one it is like)
        alike_by = trig.similar and cand.agentive and not cand.subjects and bool(drafts) \
            and not any(o.institution.key in d.keys for o in cand.objects for d in drafts)
        if (cand.example_list or (_secondary(cand, ctx.text) or already)
                and (not cand.agentive or lister is not None or alike_by)) \
                and cand.date is None and len(cand.objects) > 1 and not _two_sides(ctx.text, cand) \
                and (lister is not None or alike_by or not _done_by(ctx.text, cand)) \
                and _occasion_told_next(ctx.text, cand.sent_end) is None \
                and not _DAY_AFTER_DAY.search(ctx.text, cand.sent_start, cand.sent_end) \
                and not _restates_document(ctx.text, cand):
            # "seperti A, B, C", "Sebelumnya sudah terjalin kerja sama dengan A, B dan C", "akan kembali
            # bekerja sama dengan A, B dan C": separate agreements on occasions the text does not report ("antara A
            # dan B" or "oleh A dan B" names the two sides of one agreement instead).
            # ("Sehari sebelumnya, A meneken MoU dengan B dan C": a day told by the one reported is one occasion)
            # ("baru enam daerah yang sudah meneken MoU dengan Kejati, yakni A, B ...": who the group signed with,
            # before the list opens, is the other side of every listed member's agreement)
            # ("Adapun daerah yang sudah menandatangani MoU dengan Ombudsman sebelumnya yakni A, B dan C": a signer
            # already read, named before the list opens, is the other side of each listed one's agreement too)
            opener = LIST_OPENER.search(ctx.text, cand.trig_end, cand.sent_end)
            grouped = GROUP_PHRASE.search(ctx.text, cand.sent_start, cand.trig_start) is not None
            fixed = [o for o in cand.objects if opener is not None and o.end <= opener.start()
                     and (grouped or any(_party_of(o, d) for d in drafts)) or o is lister]
            for obj in cand.objects:
                if obj not in fixed:
                    _new_draft(ctx, drafts, cand, [*fixed, obj])
            cand.split = True
            return
        if (record := _signers_of_record(ctx.text, drafts, cand)) is not None:
            # "Sebelumnya, Pemkab A, Pemkab B dan Pemkot C telah menandatangani MoU dengan Ombudsman": a record of
            # signings by others than the day's, one each with the same counterpart (as the list after "dengan")
            lead, listed = record
            for subject in listed:
                _new_draft(ctx, drafts, dataclasses.replace(cand, subjects=[*lead, subject]), list(cand.objects))
            cand.split = True
            return
        if not cand.subjects and not cand.objects and drafts and drafts[-1].first.sent_start == cand.sent_start \
                and BASIS_CUE.search(ctx.text, drafts[-1].first.trig_end, cand.trig_start) is not None:
            # "A dan B menandatangani PKS sebagai tindak lanjut nota kesepahaman yang diteken tahun lalu": the
            # document a signing follows up, named with no signers of its own, is theirs
            _new_earlier_document(ctx, drafts, cand)
            return
        _new_draft(ctx, drafts, cand, cand.objects)
        return
    target.merged += 1
    cand.placed = target
    if borrowed is not None and borrowed is not target and not trig.agreements:
        # "Penandatanganan dengan Unib disaksikan ..." after an aside on another signing: it names the ceremony it
        # joins, not the kind of the aside it was first read against.
        trig.types = list(target.types)
    signers_again = any(m.institution.key in target.keys for m in explicit)
    # "Dalam momentum ini juga dilanjutkan dengan penandatanganan pakta integritas oleh A, B dan C": those who
    # sign at the same occasion sign at the ceremony.
    same_occasion = cand.agentive and bool(_SAME_OCCASION.search(ctx.text[cand.sent_start:cand.trig_start]))
    # "Nota kesepakatan itu diteken di Pendopo X, Rabu (13/3). A dan B membubuhkan tanda tangan di atas naskahnya":
    # a bare act of signing next to a signing that has named nobody yet names who signed it.
    # (A signing's own agent phrase, "Penandatanganan dilakukan A, B dan C", names them further on too.)
    signers_of_unnamed = bool(explicit) and not trig.negated \
        and cand.paragraph - target.first.paragraph <= (4 if cand.agentive else 1) \
        and (not any(p.start is not None for p in target.parties)
             # "KPK ... dengan seluruh pemerintah daerah se-Sulteng. Penandatanganan secara simbolis dilakukan oleh
             # Gubernur A, Bupati B dan Wali Kota C": members of the group it signed with, named, signed
             or target.unnamed_group and cand.agentive)
    # "Hadir dan turut menandatangani, Kepala Kantor Pertanahan X": the act put first, who did it after the comma.
    fronted_act = trig.kind == "sign" and bool(cand.objects) and not trig.negated \
        and bool(re.search(r"\b(?:turut|ikut|juga|pun)\s+$", ctx.text[max(0, cand.trig_start - 12):cand.trig_start],
                           re.IGNORECASE)) \
        and bool(re.fullmatch(r"\s*(?:[,:]\s*(?:(?:yakni|yaitu|antara\s+lain|di\s*antaranya)\s+)?|(?:ialah|adalah|yakni|yaitu|"
                              r"antara\s+lain|di\s*antaranya)\s+)" + _SIGNER_TITLES,
                              ctx.text[cand.trig_end:cand.objects[0].start])
                 # "Dari kalangan badan usaha, ikut menandatangani BPJS Kesehatan dan PT PLN", "Dari unsur
                 # penyelenggara, turut menandatangani Ketua KPU A": no one named before the act in its sentence, so
                 # those after it did it
                 or not cand.subjects and bool(re.fullmatch(r"\s*" + _SIGNER_TITLES,
                                                            ctx.text[cand.trig_end:cand.objects[0].start]))
                 and bool(_FRONTED_OPENING.fullmatch(ctx.text[cand.sent_start:cand.trig_start])))
    # "Selain itu Bupati A, Bupati B serta Pemkot C ikut (juga) membubuhkan tanda tangan", "Pemkab D menyusul
    # menandatangani pada sesi kedua", "Bupati A, Bupati B dan C menandatangani secara bergantian" (a bare act of
    # signing, with no agreement of its own, next to the ceremony): more signers of the ceremony.
    joining_signers = trig.kind == "sign" and bool(cand.subjects) and not trig.negated and cand.date is None \
        and (bool(re.search(r"\b(?:ikut|turut|juga|menyusul)\s+(?:serta\s+)?$",
                            ctx.text[max(0, cand.trig_start - 14):cand.trig_start], re.IGNORECASE))
             or not trig.agreements and cand.paragraph - target.first.paragraph <= 2
             and bool(_BARE_ACT_AFTER.match(ctx.text, cand.trig_end)))
    # "Dari kabupaten/kota, dokumen diteken Wali Kota A dan Bupati B": the document just read, signed by those its
    # passive verb names.
    document_signed = not trig.creates_event and not trig.negated and bool(cand.objects) \
        and trig.text.lower().startswith("di") and bool(_DOCUMENT_SUBJECT.search(ctx.text[cand.sent_start:cand.trig_start]))
    # "Penandatanganan juga diikuti (oleh) Direktur Politeknik X", "Selain Rektor A, penandatanganan juga dilakukan B":
    # the signing just read, its agent phrase naming more who signed it ("juga": besides those read).
    more_agents = cand.agentive and not trig.creates_event and not trig.negated and cand.date is None \
        and bool(cand.objects) and cand.paragraph - target.first.paragraph <= 2 \
        and bool(re.search(r"\b(?:juga|pun|turut|ikut)\b", ctx.text[cand.trig_end:cand.objects[0].start], re.IGNORECASE)) \
        and not re.search(r"\b(?:daring|virtual|online|zoom|video)\b", ctx.text[cand.trig_end:cand.objects[0].start],
                          re.IGNORECASE)  # ("juga diikuti secara daring oleh X": who followed it online)
    if not trig.creates_event and not (trig.anaphoric or _starts_sentence(cand) or signers_again or same_occasion
                                       or signers_of_unnamed or fronted_act or joining_signers or document_signed
                                       or trig.echo or more_agents):
        if _placed_signing(ctx.text, cand, target):
            target.venue = cand.venue  # "hadir dalam penandatanganan di Pendopo X": the signing just read, placed
        if target.status == "planned" and cand.status == "planned" and target.date is None and cand.date is not None \
                and cand.we and cand.paragraph - target.first.paragraph <= 2:
            # "A bakal meneken PKS dengan B." ... "Bulan depan kami tanda tangani bersama Kadaop 8," kata Wali Kota:
            # the signer's own word of when the signing announced will be
            target.date = cand.date
        return  # a bare signing word elsewhere ("mahasiswa akan menandatangani ...") adds nothing
    if not trig.negated and not (cand.status == "planned" and target.status == "signed" and trig.agreements
                                 and not set(trig.types) & set(target.types)):
        # ("Namun, dokumen rencana kerja itu belum memiliki jadwal penandatanganan": a document not signed names no
        # document of the signing; nor does one still to be signed: "Nota kesepahaman ini menjadi payung bagi PKS
        # yang akan diteken dinas terkait")
        target.mentions.append(trig)
        target.types = event_labels([target.first.trigger, *target.mentions])
    if target.date is None and cand.date is not None:
        target.date = cand.date
    # ("Penandatanganan dijadwalkan pada ..., Minggu (9/2/2025), di Banjarmasin": the place a planned signing is
    # announced with, even a bare town, is its place, as the day is its day)
    scheduled = cand.venue is not None and target.status == "planned" and cand.status in (None, "planned") \
        and announced_place(ctx.text[cand.sent_start:cand.sent_end],
                            VenueMention(cand.venue.text, cand.venue.start - cand.sent_start,
                                         cand.venue.end - cand.sent_start, True))
    if cand.venue is not None and (cand.venue.explicit or is_building(cand.venue.text) or scheduled or (
            (trig.creates_event or signers_again) and cand.venue.start >= cand.trig_end)):
        announced = cand.status is None and scheduled
        if (target.status != "planned" or cand.status == "planned" or announced) and not (
                cand.status == "planned" and target.status == "signed"):
            # ("penandatanganan akan dilaksanakan di X": a bare signing word announced with its place; where a
            # signing done is said to be followed by one to come, "akan menandatangani di Kantor Kejati pekan
            # depan", the place to come is not the place it was done)
            target.venue = _more_specific(target.venue, cand.venue)
        elif drafts[0] is not target and drafts[0].status != "planned" and drafts[0].venue is None:
            # A signing placed but not announced ("saat sambutan penandatanganan MoU, di kantor X") is the
            # main signing done, not the planned one just read.
            drafts[0].venue = cand.venue
    if target.status is None and trig.creates_event:
        # A bare signing word ("Tanda tangan hari ini tidak ada artinya kalau besok ...") says nothing of
        # whether the event happened.
        target.status = cand.status
    if target.title is None:
        target.title = cand.title
    # Only those who sign in the continuing sentence join ("Sekda Lingga yang turut menandatangani ...");
    # officials named there give the representative of a party already read.
    # ("UHO tidak ikut menandatangani nota kesepahaman tersebut": whoever did not sign it joins nobody)
    joins = trig.kind == "sign" and not trig.negated \
        and trig.text.lower().startswith(("menandatangani", "meneken", "teken", "membubuhkan")) or signers_of_unnamed
    # "Penandatanganan dilakukan oleh Bupati A, Rektor B dan Direktur C": the agent phrase of a sentence about the
    # signing names who signed; with a signer of the ceremony among them, the others it names sign there too.
    agent = _AGENT_AFTER.match(ctx.text, cand.trig_end) if signers_again and _starts_sentence(cand) else None
    if agent is None and _starts_sentence(cand) and not trig.creates_event:
        # "Penandatanganan simbolis berikutnya dilakukan Kepala Kejari B dengan Wali Kota B": the next pair to sign
        # at the ceremony; "Dari pihak desa, penandatanganan dilakukan Kepala Desa A, ...": who signed for one side.
        agent = _AGENT_IN_TURN.match(ctx.text, cand.trig_end) or (
            _AGENT_AFTER.match(ctx.text, cand.trig_end) if _FROM_SIDE.match(ctx.text, cand.sent_start) else None)
    had_named = any(p.start is not None for p in target.parties)
    in_turn = next((c.end() for c in _IN_TURN_AFTER.finditer(ctx.text, cand.trig_end, cand.objects[0].start + 1)
                    if c.end() == cand.objects[0].start or cand.subjects), None) \
        if joining_signers and cand.objects else None
    for m in explicit:
        if m.institution.key in target.keys:
            target.add_party(m.institution, m.text, m.representative, m.start, m.end)
        elif (document_signed or _named_by_head(m, ctx.text)) and _branch_of_party(ctx.gazetteer, m, target) \
                and not _stands_for_side(m, ctx.text):
            # "Dokumen diteken Bupati A dan Pemimpin BNI Kantor Wilayah B" after "Pemkab A dan BNI": BNI's man; "MoU
            # diteken Kepala Kantor Cabang BPJS Ketenagakerjaan Palu" after "BPJS Ketenagakerjaan menandatangani MoU":
            # the branch's head signs for the body the text names as the signer
            continue
        elif (joins and (m in cand.subjects or m in cand.objects and in_turn is not None and m.start >= in_turn)) \
                or ((trig.creates_event or same_occasion or fronted_act or document_signed
                                                 or signers_of_unnamed and cand.agentive or more_agents)
                                                and m in cand.objects) \
                or trig.echo and (m in cand.objects if trig.text.lower().startswith("di") else m in cand.subjects) \
                or (agent is not None and m.start >= agent.end()):
            target.add_party(m.institution, m.text, m.representative, m.start, m.end, subject=m in cand.subjects)
    if not had_named and cand.objects and not cand.subjects and not trig.negated \
            and trig.text.lower().startswith(("menandatangani", "meneken", "teken")):
        # "Penandatanganan MoU berlangsung di Kantor X." "Najih meneken naskah kerja sama bersama Wali Kota A dan
        # Bupati B": the first to name who signed, with its subject left out, gets it as a new signing would
        _add_candidate_parties(ctx, [d for d in drafts if d is not target], target, cand, cand.objects)
    _sign_each_document(ctx.text, drafts, cand, target, explicit)


# The document as the subject of a passive signing verb: "dokumen (itu) (juga) diteken ...", "Naskahnya ditandatangani ...".
# ("Komitmen tersebut juga ditandatangani ...": a commitment or declaration just read, named bare with its demonstrative)
# ("Komitmen ditandatangani Gubernur A bersama Bupati B, ...", opening its sentence after "piagam komitmen bersama":
# the commitment just read, named by its head word alone)
_DOCUMENT_SUBJECT = re.compile(r"(?:^|[,:]\s*|\n)\s*(?:(?:[Dd]okumen|[Nn]askah)(?:nya)?(?:\s+(?:itu|tersebut|ini))?|"
                               r"(?:[Kk]omitmen|[Dd]eklarasi)\s+(?:itu|tersebut|ini)|(?<![^\n])\s*(?:Komitmen|Piagam|Deklarasi)(?:nya)?)\s+"
                               r"(?:(?:juga|pun|telah|sudah|kemudian|lalu|lantas|resmi|turut|pertama|(?:terlebih|lebih)"
                               r"\s+(?:dulu|dahulu))\s+)*$")


# What follows a signing verb that signs nothing named: how or where it was done, not a document of its own.
_BARE_ACT_AFTER = re.compile(r"\s*(?:[,.;]|$|(?:secara|melalui|lewat|bergantian|langsung|masing-masing|di\s+hadapan|"
                             r"disaksikan|setelah|usai|pada\s+sesi|(?:lebih|terlebih)\s+(?:dulu|dahulu)|pertama|"
                             r"selaku\s+pihak)\b)", re.IGNORECASE)
# "A meneken lebih dulu, kemudian disusul Kapolres B dan Dandim C": who signs next after a bare act of signing.
_IN_TURN_AFTER = re.compile(r",\s*(?:(?:kemudian|lalu|lantas|selanjutnya)\s+)?(?:disusul|diikuti|dilanjutkan)\s+"
                            r"(?:oleh\s+)?(?:(?:Pj|Plt|Plh|Penjabat|Wakil)\.?\s+)*", re.IGNORECASE)


# "Kedua nota kesepakatan itu ditandatangani ...", "Ketiga dokumen perjanjian tersebut diteken ...".
_EACH_DOCUMENT = re.compile(r"\W*(?P<n>kedua|ketiga|keempat|kelima)\s+(?:buah\s+)?(?:dokumen\s+)?"
                            r"(?:nota|MoU|MOU|PKS|perjanjian|kesepakatan|naskah|dokumen)\b", re.IGNORECASE)


def _sign_each_document(text: str, drafts: list[Draft], cand: Candidate, target: Draft,
                        explicit: list[PartyMention]) -> None:
    """ "A meneken nota kesepakatan tentang X, 28 Agustus." "Selain itu, A juga melakukan nota kesepakatan tentang Y,
    13 Oktober." "Kedua nota kesepakatan ditandatangani langsung Gubernur A dan Kepala Kejati B.": a sentence about
    both (all three ...) documents just read names the signers of each, not only of the one it was placed with."""
    each = _EACH_DOCUMENT.match(text, cand.sent_start, cand.trig_end)
    if each is None:
        return
    n = _COUNT[each.group("n").lower()]
    docs = [d for d in reversed(drafts) if set(d.types) & set(target.types)][:n]
    if len(docs) != n or target not in docs:
        return
    signers = [m for m in explicit if m.institution.key in target.keys]
    for draft in docs:
        if draft is not target:
            for m in signers:
                draft.add_party(m.institution, m.text, m.representative, m.start, m.end)


# "Penandatanganan [simbolis] berikutnya dilakukan [oleh]", "Penandatanganan selanjutnya diteken": the next signers.
_AGENT_IN_TURN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:berikutnya|selanjutnya)\s+(?:(?:juga|pun)\s+)?"
                            r"(?:dilakukan|dilaksanakan|ditandatangani|diteken)\s+(?:oleh\s+)?|"
                            # "(Setelah itu) penandatanganan (kemudian) dilanjutkan (oleh) Bupati A dan Wali Kota B"
                            r"\s+(?:(?:kemudian|lalu|pun)\s+)?dilanjutkan\s+(?:oleh\s+|(?-i:(?=[A-Z])))", re.IGNORECASE)
# "Penandatanganan [MoU tersebut] dilakukan [langsung] oleh", "Penandatanganan ditandatangani oleh", and without
# "oleh" before the first signer's title ("Penandatanganan dilakukan Kepala BWS X, Wali Kota Y ...").
# ("Penandatanganan diawali Kepala Kanwil A bersama Bupati B": those it began with signed first)
_AGENT_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:dilakukan|dilaksanakan|ditandatangani|diteken|diawali|dimulai)\s+"
                          r"(?:(?:langsung|secara\s+langsung)\s+)?(?:oleh\s+|(?-i:(?=[A-Z])))", re.IGNORECASE)


def _placed_signing(text: str, cand: Candidate, target: Draft) -> bool:
    """ "Turut hadir dalam penandatanganan di Pendopo X", "kata Rektor saat penandatanganan di Ruang Y": a bare
    signing noun with a building right after it places the signing just read, when nothing placed it yet."""
    v = cand.venue
    return v is not None and target.venue is None and target.status != "planned" and not cand.trigger.negated \
        and not cand.trigger.agreements and is_building(v.text) \
        and re.fullmatch(r"\s*di\s*", text[cand.trig_end:v.start], re.IGNORECASE) is not None


# "Penandatanganan PKS ini dilakukan setelah sebelumnya (4 April 2017), ... memberikan paraf": the day of another act;
# "penandatanganan ... tersebut merupakan kelanjutan kerja sama tiga tahun lalu": the day of the act it continues.
_OTHER_ACT_BETWEEN = re.compile(r"\b(?:setelah|sesudah|sebelum|usai|seusai|menyusul|(?:ke)?lanjutan|melanjutkan|"
                                r"tindak\s+lanjut|menindaklanjuti|perpanjangan|memperpanjang|pembaruan|memperbarui)\b",
                                re.IGNORECASE)


def _merge_drafts(target: Draft, other: Draft) -> None:
    """One ceremony read twice (extractors/ceremonies.py): the later reading completes the first."""
    target.merged += other.merged
    target.mentions.extend([other.first.trigger, *other.mentions])
    target.types = event_labels([target.first.trigger, *target.mentions])
    if other.date is not None and (target.date is None or len(other.date.value) > len(target.date.value)):
        target.date = other.date
    if other.venue is not None:
        target.venue = _more_specific(target.venue, other.venue)
    target.status = target.status or other.status
    target.title = target.title or other.title
    few = len(target.parties) < 2
    for party, key in zip(other.parties, other.keys, strict=True):
        if key in target.keys:
            i = target.keys.index(key)
            target.parties[i].representative = target.parties[i].representative or party.representative
            if target.parties[i].start is None and party.start is not None:
                target.parties[i] = party
            continue
        if party.start is None and not few:
            continue  # an inferred signer of the re-mention ("kami") adds nothing to a ceremony already read
        if any(organ_of(party, q) for q in target.parties):
            continue  # "Ketua Majelis ... PP Muhammadiyah" signing for Muhammadiyah, named as the signer before
        target.keys.append(key)
        target.parties.append(party)
        if any(s.key == key for s in other.subjects):
            target.subjects.extend(s for s in other.subjects if s.key == key)
    target.implicit = target.implicit and other.implicit


_FOLLOWED_BY = re.compile(r"\b(?:diikuti|dilanjutkan|disusul|dirangkai|dirangkaikan)\s+(?:oleh|dengan)\s+"
                          r"(?:penandatangan\w*|penekenan|penandanganan)\b", re.IGNORECASE)


def _fold_followed_documents(drafts: list[Draft], text: str) -> None:
    """ "MoU ini juga diikuti oleh penandatanganan PKS oleh Sekretaris DKPP ..." (a caption, often before the lead):
    the second document was signed at the MoU's ceremony. A signing that names no signer of its own and says it
    followed the signing of a document an event already holds adds its document to that event (SPEC: one
    ceremony, both labels)."""
    for draft in drafts:
        if any(p.start is not None for p in draft.parties):
            continue
        sentence = text[draft.first.sent_start:draft.first.sent_end]
        follow = _FOLLOWED_BY.search(sentence)
        if follow is None:
            continue
        named = {a.label for a in find_agreements(sentence[:follow.start()]) if not a.weak}
        if not named:
            continue
        hosts = [d for d in drafts if d is not draft and set(d.types) & named
                 and any(p.start is not None for p in d.parties)]
        if len(hosts) == 1:
            hosts[0].mentions.append(draft.first.trigger)
            hosts[0].types = event_labels([hosts[0].first.trigger, *hosts[0].mentions])


def _relabel(draft: Draft, mention: Trigger) -> None:
    """Another name of an event's document, from a re-mention or the headline, when the event names its document
    only generically ("penandatanganan kerja sama" in the body, "Tanda Tangani MoU" in the headline)."""
    if not all(t.weak or _only_kesepakatan_bersama(t) for t in [draft.first.trigger, *draft.mentions] if t.types) \
            or (not all(t.weak for t in [draft.first.trigger, *draft.mentions] if t.types)
                and mention.types != ["mou"]):
        # A second specific name in a remark ("kesepakatan bersama ini") is usually no second document; but a
        # "kesepakatan bersama" called "MoU ini" afterwards is one document named both ways (SPEC: Labels).
        return
    draft.mentions.append(mention)
    draft.types = event_labels([draft.first.trigger, *draft.mentions])


def _only_kesepakatan_bersama(trigger: Trigger) -> bool:
    """Whether a mention names its document only as a "kesepakatan bersama" (the Indonesian name an MoU also goes by)."""
    return bool(trigger.agreements) and all(a.label == "komitmen_bersama" and re.fullmatch(
        r"(?:naskah\s+)?kesepakatan\s+bersama", a.text, re.IGNORECASE) for a in trigger.agreements)


def _starts_sentence(cand: Candidate) -> bool:
    """ "Penandatanganan berlangsung di ...": the signing word is what the sentence is about (after "Setelah itu,"
    or "Kemudian," that only order it after the act before)."""
    before = cand.trigger.sentence[:cand.trigger.start]
    said = _ATTRIBUTED.match(before) or _THEN_OPENER.match(before) or _REPORTED_CLAUSE.match(before)
    return not before[said.end() if said else 0:].strip(" “\"'(")


# "Menurut Rektor, penandatanganan akan ...", "Ketua Dewan Pers mengatakan (bahwa) penandatanganan dijadwalkan ...": the
# reported clause opens after who says it, as a sentence of its own would.
_SAYING_VERBS = (r"mengatakan|menyebut(?:kan)?|menjelaskan|menyatakan|mengungkapkan|menuturkan|menambahkan|menegaskan|"
                 r"menerangkan")
_REPORTED_CLAUSE = re.compile(r"\W*[A-Z][^,.;:\"“”]{0,80}?\s(?:" + _SAYING_VERBS + r"|memastikan)(?:\s*,)?\s+(?:bahwa\s+)?")


# "Dari pihak desa, penandatanganan dilakukan Kepala Desa A, ...": the side whose signers follow.
_FROM_SIDE_WORDS = (r"(?:(?:Adapun|Sementara(?:\s+itu)?|Sedangkan)\s+)?(?:(?i:dari)|"
                    # "Untuk kabupaten/kota, penandatanganan dilakukan Bupati A, B dan C": for that side
                    r"(?i:untuk|bagi)(?!\s+(?:itu|ini|tersebut|selanjutnya|sementara|tahun|bulan|pekan|minggu|ke\w*)\b))"
                    r"\s+(?:pihak\s+)?[^,.;]{2,40},")
_FROM_SIDE = re.compile(r"\W*" + _FROM_SIDE_WORDS)
_THEN_OPENER = re.compile(r"\W*(?:(?:Setelah|Sesudah|Usai|Seusai)\s+itu|Setelahnya|Sesudahnya|Kemudian|Lalu|Selanjutnya|"
                          r"Berikutnya|Rencananya|Nantinya|Sedianya|" + _FROM_SIDE_WORDS + r")\s*,?\s*")


def _new_objects(ctx: ArticleContext, draft: Draft, cand: Candidate) -> bool:
    """Parties the event doesn't have yet, introduced right after the trigger ("... dengan Pemkab X")."""
    new = [m for m in cand.objects if m.institution.key not in draft.keys]
    if not new:
        return False
    between = ctx.text[cand.trig_end:new[0].start]
    return bool(re.match(r"\s*(?:[\w-]+\s+){0,3}?(?:dengan|antara|bersama)\b", between, re.IGNORECASE))


# Others who took part in the signing just read: "daerah lain yang hadir dan ikut teken MoU yaitu ...".
_ALSO_TOOK_PART = re.compile(r"\b(?:lain(?:nya)?|juga)\s+yang\s+(?:juga\s+)?(?:hadir\s+dan\s+)?(?:ikut|turut)\s+(?:serta\s+)?"
                             r"(?:(?:me)?(?:teken|neken|nandatangani|menandatangani|tanda\s*tangan|membubuhkan)\w*\s*)?$",
                             re.IGNORECASE)


# "Nota kesepahaman serupa pernah ditandatangani kedua pihak", "Kedua lembaga sebelumnya telah menandatangani ...":
# the signing verb itself put in the past, a signing of its own, not a re-mention of the one just read (a cue further
# off may be another clause's: "Sebelumnya, kami menjadi penilai ... sebelum penandatanganan").
_PAST_RIGHT_BEFORE = re.compile(r"\b(?:pernah|sebelumnya[ \t]+(?:sudah|telah|pernah))[ \t]+(?:(?:juga|sudah|telah)[ \t]+)?$",
                                re.IGNORECASE)


def _target(drafts: list[Draft], cand: Candidate, explicit: list[PartyMention], text: str,
            ref: dt.date | None = None, gazetteer: Gazetteer | None = None) -> Draft | None:
    """The earlier event this candidate continues, if any."""
    if not drafts:
        return None
    trig = cand.trigger
    last = drafts[-1]
    same_date = lambda d: cand.date is None or d.date is None or cand.date.value == d.date.value
    listed = _DOCUMENTS_OF_LAST.match(text, cand.sent_start, cand.trig_start)
    if listed is not None and cand.date is None and not _secondary(cand, text) \
            and cand.paragraph - last.first.paragraph <= 1 and not last.first.trigger.earlier:
        # "Lima PKS ditandatangani ... Kelima PKS itu yakni PKS antara A dan B ..., PKS antara C dan D ...": the
        # documents just counted, listed one by one, were signed at that ceremony by those each item names (SPEC:
        # one ceremony is one event, whatever is signed there)
        return last
    if _FROM_SIDE.match(text, cand.sent_start) and cand.date is None and not _secondary(cand, text) \
            and cand.paragraph - last.first.paragraph <= 2 and not last.first.trigger.earlier \
            and last.status == "signed" and cand.status in (None, "signed"):
        # "Dari unsur perguruan tinggi, naskah kerja sama ditandatangani oleh Rektor A dan Rektor B": who signed the
        # document just read for one of its sides
        return last
    if _ALSO_TOOK_PART.search(text, cand.sent_start, cand.trig_start) and cand.date is None \
            and not _secondary(cand, text) and cand.paragraph - last.first.paragraph <= 2 \
            and last.status == "signed" and cand.status in (None, "signed") and not last.first.trigger.earlier:
        # "Selain Madiun, daerah lain yang hadir dan ikut teken MoU yaitu Kota Makassar, Kab. Buleleng ...": those who
        # took part in the signing just read, more of its signers
        return last
    # A re-mention ("perjanjian kerja sama itu") or a generic name ("kerja sama") may name the document another
    # way: it continues an event of another label unless it gives another date.
    compatible = [d for d in reversed(drafts) if trig.generic or not trig.types or set(trig.types) & set(d.types)]
    if not _EARLIER.search(_sentence_of(cand)):  # "PKS ini merupakan tindak lanjut dari MoU ...": another document
        compatible += [d for d in reversed(drafts) if d not in compatible
                       and (trig.anaphoric or trig.weak or not explicit) and same_date(d)]
    # An earlier signing an article mentions in passing is not what its later re-mentions point back to.
    compatible = [d for d in compatible if not d.first.trigger.earlier] + \
        [d for d in compatible if d.first.trigger.earlier]
    if not trig.creates_event:
        # "Penandatanganan dilakukan oleh Bupati A dan Rektor B" after an aside on A's earlier signing with C: the
        # signing that can be the same occasion and holds most of those it names, else the one just read.
        keys = {m.institution.key for m in explicit}
        if keys and not keys <= set(last.keys):
            reading = Draft(cand, list(trig.types), cand.status, cand.date, cand.venue, None, cand.title)
            same = [d for d in reversed(drafts) if keys & set(d.keys) and other_occasion(d, reading, text, ref) is None]
            same.sort(key=lambda d: -len(keys & set(d.keys)))  # the one sharing most, nearest first among equals
            return (same or [last])[0]
        return last
    # Nor is an earlier or a planned signing reported in passing what a re-mention of the signing done points back
    # to ("Sebelumnya, tahun lalu A juga meneken MoU dengan C." "Bupati A dan Rektor B meneken MoU tersebut ...";
    # "A rencananya akan meneken MoU dengan D." "Pada kesempatan yang sama, kedua pihak juga menandatangani PKS"):
    # the nearest signing that can be the same occasion is (ceremonies.other_occasion), else the nearest.
    reading = Draft(cand, list(trig.types), cand.status, cand.date, cand.venue, None, cand.title)
    apart = {id(d) for d in compatible if other_occasion(d, reading, text, ref) is not None}
    compatible = [d for d in compatible if id(d) not in apart] + [d for d in compatible if id(d) in apart]
    if explicit and besides_document(cand, text):
        return None  # "Selain itu ditandatangani MoU antara A dengan C ...": another agreement
    # ("perjanjian serupa dengan C": a similar agreement, of the kind just read, is not that one: no pointing back.)
    # ("Dokumen yang sama sebelumnya sudah ditandatangani Bupati X" of an MoU Pemkab X signed: the very document, signed
    # by one of its own sides at another time, SPEC "One event"; "yang sama" with a new signer, or signed again by all
    # its sides, is a like one.)
    same_document = trig.similar and bool(explicit) and bool(compatible) and cand.date is None \
        and bool(_THE_SAME_DOCUMENT.search(text, cand.sent_start, cand.trig_start)) and (all(
            m.institution.key in compatible[0].keys for m in explicit)
            and len({m.institution.key for m in explicit}) < len(compatible[0].keys)
            # "Naskah yang sama kemudian diteken Bupati C": the very document, signed next at the same sitting
            or cand.status != "planned" and bool(_SAME_DOCUMENT_NEXT.search(text, cand.sent_start, cand.trig_start))
            # "Nota kesepahaman yang sama juga diteken Mahkamah Agung, Kejaksaan Agung, ...": more signers of the
            # very document, with no time or occasion of their own
            or cand.status != "planned" and compatible[0].status != "planned" and not own_earlier_cue(cand, text)
            and id(compatible[0]) not in apart and bool(_ALSO_SIGNED.search(text, cand.sent_start, cand.trig_start)))
    if same_document and not (trig.anaphoric or trig.generic) and id(compatible[0]) not in apart:
        return compatible[0]  # (the very document, named as such: "Nota kesepahaman yang sama juga diteken C")
    if (trig.anaphoric or trig.generic) and not (trig.similar and explicit and not same_document) and compatible \
            and not (explicit and cand.example_list):
        keys = {m.institution.key for m in explicit}
        fitting = [d for d in compatible if not keys or keys & set(d.keys)]
        # Of the signings it shares a signer with, one that holds all it names and can be the same occasion.
        whole = [d for d in fitting if keys <= set(d.keys) and id(d) not in apart]
        if not whole and fitting and all(id(d) in apart for d in fitting) \
                and (trig.similar and not same_document
                     or (cand.date is not None or own_earlier_cue(cand, text)) and keys - set(fitting[0].keys)):
            # Only another occasion fits: "... dan akan meneken perjanjian yang sama pekan depan" (the same kind),
            # "PKS tersebut merupakan turunan dari perjanjian tiga pihak antara A, B dan C yang diteken di Jakarta
            # pada 2022" (a document of its own day with signers of its own), "melengkapi kesepakatan yang lebih dulu
            # dijalin A dengan C" (one its own sentence puts earlier, with a signer of its own) are signings of their own.
            return None
        if not explicit and fitting and all(id(d) in apart and d.date is not None for d in fitting) \
                and _PAST_RIGHT_BEFORE.search(text, max(cand.sent_start, cand.trig_start - 40), cand.trig_start):
            # "PKS tersebut pernah ditandatangani kedua pihak dan kini diperpanjang": the document just read, signed
            # by its sides before (its verb put in the past), a signing of its own, beside the sitting the article
            # dates (after a signing it leaves undated, "MoU tersebut sebelumnya telah ditandatangani ... pada (08/10)"
            # dates that one)
            return None
        if whole or fitting:
            return (whole or fitting)[0]
        # "... tersebut merupakan kelanjutan dari dua tahun lalu yang dilakukan dengan A, B": the earlier
        # signing it refers to is an event of its own.
        if cand.objects and (not same_date(compatible[0]) or _EARLIER.search(_sentence_of(cand))):
            return None
        if explicit and id(compatible[0]) in apart:
            # "Pemkab Pohuwato baru akan menandatangani MoU tersebut pekan depan": the document just read, signed by
            # another side at another time (here still to come) is a signing of its own (SPEC "One event or several")
            return None
        return compatible[0]
    if not explicit and not cand.we and compatible and same_date(compatible[0]) \
            and not (cand.status == "planned" and compatible[0].status == "signed" and trig.types
                     and not set(trig.types) & set(compatible[0].types)
                     and _BOTH.search(text, cand.trig_end, cand.sent_end) is not None) \
            and not (_PAST_RIGHT_BEFORE.search(text, max(cand.sent_start, cand.trig_start - 40), cand.trig_start)
                     and compatible[0].date is not None and not compatible[0].first.trigger.earlier
                     and not own_earlier_cue(compatible[0].first, text)):
        # ("A dan B menandatangani MoU. Tahap berikutnya adalah penandatanganan PKS antara kedua pihak": another
        # document, still to be signed by the same sides, is not the signing done; "PKS yang akan diteken dinas
        # terkait" names no signer, no event)
        return compatible[0]
    if explicit and not cand.example_list and cand.date is None and compatible and same_date(compatible[0]) \
            and _SIDE_OPENING.match(text, cand.sent_start, cand.trig_start) \
            and other_occasion(compatible[0], reading, text, ref) is None:
        # "Najih meneken naskah kerja sama bersama Wali Kota A dan Bupati B. Dari kalangan kampus, MoU diteken Rektor
        # C dan Rektor D": the signing's other signers, told by the side they come from
        return compatible[0]
    if explicit and not cand.example_list:
        keys = {m.institution.key for m in explicit}
        # (A regional government's unit counts as its government when the signing holds the government: "Kepala Dinas
        # Kesehatan Kota Ambon ... atas nama Wali Kota Ambon" restates the MoU "dengan Pemerintah Kota Ambon"; a
        # national body's branch counts as the body: "MoU diteken Kepala Kantor Cabang BPJS Ketenagakerjaan Palu"
        # restates "BPJS Ketenagakerjaan menandatangani MoU".)
        same = [d for d in reversed(drafts) if all(m.institution.key in d.keys or _unit_of_party(m, d)
                                                   or _company_of_party(m, d)
                                                   or (gazetteer is not None and _branch_of_party(gazetteer, m, d))
                                                   for m in explicit)
                and same_date(d) and other_occasion(d, reading, text, ref) is None]
        if _with_unnamed_group(text, cand):
            # "Unri sebelumnya telah menjalin MoU dengan 20 pemda" after "Sebelumnya, Pemkab Siak dan Unri sudah
            # meneken PKS": a signing with unnamed others is not one whose other side is named.
            same = [d for d in same if len(d.parties) < 2 or d.unnamed_group]
        if same:
            # ("Foto: Para kepala OPD Pemkab X menandatangani pakta integritas" after the pakta integritas and a
            # perjanjian kinerja of the same government: the signing of the document it names)
            typed = [d for d in same if set(d.types) & set(trig.types)] if trig.types and not trig.generic else []
            return (typed or same)[0]
        # "Sebanyak tiga pemda ... menandatangani rencana kerja bersama Ombudsman X." then "Rencana kerja
        # diteken Kepala Ombudsman X, Wali Kota A, Bupati B ...": the second names who the first left out.
        near = [d for d in compatible[:1] if len(d.parties) < 2 and same_date(d) and cand.date is None
                and cand.paragraph - d.first.paragraph <= 2 and not trig.similar
                and other_occasion(d, reading, text, ref) != "status"
                and (not d.keys or keys & set(d.keys) or d.unnamed_group and cand.agentive)]
        return near[0] if near else None
    return None


# A sentence that opens on the documents just read, counted or all of them, and lists them: "Kelima PKS itu yakni:",
# "Kedua MoU tersebut masing-masing", "Adapun dokumen yang ditandatangani antara lain".
_DOCUMENTS_OF_LAST = re.compile(
    r"\W*(?:Adapun\s+)?(?:(?:[Kk]e(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)|[Ss]emua|[Ss]eluruh)\s+)?"
    r"(?:(?:dokumen|naskah)\s+)?(?:nota\s+(?:kesepahaman|kesepakatan)|MoU|MOU|perjanjian(?:\s+kerja\s*sama)?|PKS|"
    r"kesepakatan|dokumen|naskah)\s+(?:(?:itu|tersebut|ini)|yang\s+(?:di)?(?:tandatangani|teken|tandatangan)\w*"
    r"(?:\s+(?:tersebut|itu|hari\s+ini|kali\s+ini))?)\s*,?\s*(?:masing-masing|yakni|yaitu|adalah|antara\s+lain|"
    r"meliputi|di\s*antaranya|terdiri\s+(?:dari|atas))\b[^.;]*$")
# "Dokumen yang sama", "naskah yang sama": the very document (not "deklarasi serupa", one like it).
# (the agreement's own name too: "Kesepakatan yang sama sebelumnya juga telah ditandatangani Bupati X")
_THE_SAME_DOCUMENT = re.compile(r"\b(?:[Dd]okumen|[Nn]askah|[Dd]raf|[Dd]raft|[Kk]esepakatan|MoU|MOU|PKS|[Nn]ota\s+[Kk]esepahaman|"
                                r"[Nn]ota\s+[Kk]esepakatan|[Pp]erjanjian(?:\s+[Kk]erja\s*[Ss]ama)?)\s+yang\s+sama\b")
_ALSO_SIGNED = re.compile(r"\byang\s+sama\s+(?:juga|pun)\s+$", re.IGNORECASE)
_SAME_DOCUMENT_NEXT = re.compile(r"\b(?:[Dd]okumen|[Nn]askah)\s+yang\s+sama\s+(?:itu\s+)?(?:kemudian|lalu|selanjutnya|"
                                 r"berikutnya|lantas)\b")


# The head of a ministry's unit at the centre, by title: "Direktur Jenderal Kebudayaan Hilmar Farid", "Sekjen".
_UNIT_HEAD_TITLE = re.compile(r"(?:Direktur\s+Jenderal|Dirjen|Inspektur\s+Jenderal|Irjen|Sekretaris\s+Jenderal|Sekjen)\b")


def _ministry_of_unit(unit: Institution | Party, parties: Sequence[Party]) -> Party | None:
    """The ministry among ``parties`` that a ministry's national unit ("Direktorat Jenderal Kebudayaan Kementerian
    Pendidikan, Kebudayaan, Riset, dan Teknologi") belongs to: the gazetteer may file the unit under the ministry of
    another cabinet ("Kementerian Pendidikan dan Kebudayaan" in 2019), so they share the field words of their names."""
    owner = re.match(r"(?:Direktorat|Inspektorat|Sekretariat)\s+Jenderal\s.*?\s(Kementerian\s.+)$", unit.name)
    if unit.kind != "kementerian_lembaga" or unit.region_code or owner is None:
        return None
    fields = set(re.findall(r"[A-Z][a-z]{3,}", owner.group(1))) - {"Kementerian"}
    return next((p for p in parties if p.kind == "kementerian_lembaga" and p.name.startswith("Kementerian ")
                 and fields & set(re.findall(r"[A-Z][a-z]{3,}", p.name))), None)


def _unit_of_party(m: PartyMention, draft: Draft) -> bool:
    """Whether a regional government's unit ("Dinas Kesehatan Kota Ambon") belongs to a government among the
    draft's parties."""
    inst = m.institution
    if _UNIT_HEAD_TITLE.match(m.text):
        return _ministry_of_unit(inst, draft.parties) is not None
    return inst.kind == "pemerintah_daerah" and bool(inst.region_code) and not inst.name.startswith("Pemerintah ") \
        and any(p.kind == "pemerintah_daerah" and p.region_code == inst.region_code and p.name.startswith("Pemerintah ")
                for p in draft.parties)


def _company_of_party(m: PartyMention, draft: Draft) -> bool:
    """Whether a company named bare ("PKS dengan PLN berlaku dua tahun") is the company of a unit among the draft's
    parties, named with the same words ("PLN (Persero) UID Sumatera Barat"): that unit, named short."""
    inst = m.institution
    return inst.kind in ("bumn_bumd", "swasta") and any(
        p.kind == inst.kind and p.name != inst.name and re.match(rf"(?:PT\s+)?{re.escape(m.text.strip())}\b", p.mention)
        for p in draft.parties)


def _branch_of_party(gazetteer, m: PartyMention, draft: Draft) -> bool:
    """Whether a mention names a branch or regional unit of a body among the draft's parties ("BNI Kantor Wilayah
    Balikpapan" beside "PT Bank Negara Indonesia (Persero) Tbk")."""
    name = m.institution.name
    if m.institution.kind == "ombudsman":
        return False  # (who signs for the Ombudsman decides its office: SPEC, Ombudsman)
    parents = _parents_by_short_form(gazetteer, name)
    # (an office named by the body's name and its region is one too: "Badan Pusat Statistik Provinsi Papua Barat";
    # so is a ministry's unit named with its ministry after it: "Direktorat Jenderal Bina Marga Kementerian ...")
    return any(p.name != name and not p.region_code and (p.name in parents or name.startswith(p.name + " ")
                                                          and (_UNIT_AFTER_NAME.match(name, len(p.name) + 1)
                                                               or m.institution.region_code is not None)
                                                          or p.kind == "kementerian_lembaga"
                                                          and m.institution.kind == p.kind
                                                          and name.endswith(" " + p.name))
               for p in draft.parties)


# "kedua pemprov", "kedua KPP": some of the sides, by their kind (not "kedua pihak", "kedua lembaga", "keduanya").
_SOME_OF_BOTH = re.compile(r"\b(?:kedua|ketiga|keempat|kelima)\s+(?!(?:belah\s+)?pihak\b|lembaga\b|instansi\b|"
                           r"institusi\b)[A-Za-z]")


def _new_earlier_document(ctx: ArticleContext, drafts: list[Draft], cand: Candidate) -> None:
    """An earlier document named with its date ("MoU ini merupakan lanjutan dari nota kesepahaman yang telah disusun
    pada 2017"): its own event; when the sentence names none of its signers, those of the agreement it is the
    forerunner of signed it."""
    _new_draft(ctx, drafts, cand, cand.objects)
    draft = drafts[-1]
    if any(p.start is not None for p in draft.parties) or len(drafts) < 2:
        return
    # The agreement it is the forerunner of: the signing just read, past asides on earlier or planned signings
    # ("Sebelumnya, tahun lalu A juga meneken MoU dengan C." "MoU ini merupakan perpanjangan dari nota kesepahaman
    # yang diteken kedua pihak pada 2018": the parties of this MoU, not of the aside).
    renewed = next((d for d in reversed(drafts[:-1]) if not d.first.trigger.earlier
                    and not _secondary(d.first, ctx.text)), drafts[-2])
    _take_sides(draft, renewed)
    only = _ONLY_FOR.match(ctx.text, cand.sent_start, cand.trig_start)
    singled = ctx.mentions_between(only.start(1), only.end(1)) if only else []
    # (the body named bare, "KPU", is its office among the parties, "Komisi Pemilihan Umum Kabupaten Sleman")
    named = {k for p, k in zip(draft.parties, draft.keys, strict=True)
             if any(k == m.institution.key or p.name.startswith(m.institution.name + " ") for m in singled)}
    if named:
        # "Khusus untuk KPU, NPHD kali ini merupakan adendum atas NPHD yang sudah diteken pada 12 Oktober": the
        # earlier document was the one body's the sentence singles out, with the side that signs with every body
        keep = named | {s.key for s in renewed.subjects}
        kept = [(p, k) for p, k in zip(draft.parties, draft.keys, strict=True) if k in keep]
        if len(kept) >= 2:
            draft.parties, draft.keys = [p for p, _ in kept], [k for _, k in kept]


# "Khusus untuk KPU, ...", "Khusus bagi Bank X, ...": what follows concerns that body alone (group 1).
_ONLY_FOR = re.compile(r"\W*Khusus\s+(?:untuk|bagi|dengan)\s+([^,.;]{2,60}),")


def _take_sides(draft: Draft, source: Draft, named_only: bool = True, representative: bool = False) -> None:
    """Add to ``draft`` the parties of ``source`` it lacks: those the text named (``named_only``), or all of them;
    with their representatives only when the same signers signed both (``representative``)."""
    for party, key in zip(source.parties, source.keys, strict=True):
        if (party.start is not None or not named_only) and key not in draft.keys:
            draft.keys.append(key)
            draft.parties.append(dataclasses.replace(party, representative=party.representative if representative
                                                     else None))


def _own_times(text: str, cand: Candidate, ref: dt.date | None) -> list[tuple[PartyMention, DateMention | None]] | None:
    """The counterparts after a signing word, each with the time its own words give ("dengan A pada Juni dan dengan B
    pada Oktober", "dengan A dilakukan Senin (6/5), dengan B pada Selasa (7/5)", "dengan A, dan pada Maret dengan B"),
    when there are two or more and every one has a different time; else None. A time between a later counterpart's
    joining word and its "dengan" is that counterpart's; the first counterpart, with none after it, has the time its
    clause gave the signing."""
    objs = sorted(cand.objects, key=lambda m: m.start)
    if len(objs) < 2 or cand.agentive or any(m.start < cand.trig_end for m in objs):
        return None
    joins = []  # per later counterpart: where its joining words start, and the span of a time put before its "dengan"
    for prev, m in itertools.pairwise(objs):
        join = _NEXT_WITH.search(text, prev.end, m.start)
        if join is None:
            # "dengan A pada Januari 2023, B pada Maret 2023, dan C pada Juni 2023": each counterpart followed by
            # its own time, without a "dengan" of its own
            join = _NEXT_ITEM.search(text, prev.end, m.start)
            if join is None or not find_dates(text[prev.end:join.start()], ref):
                return None  # ("dengan A dan B pada Juni": one list, one time)
        joins.append((join.start(), join.span("pre")))
    out: list[tuple[PartyMention, DateMention | None]] = []
    for i, m in enumerate(objs):
        end = joins[i][0] if i < len(joins) else cand.sent_end
        dates: list[DateMention | None] = [_shift(d, m.end) for d in find_dates(text[m.end:end], ref)]
        if not dates and i > 0 and joins[i - 1][1][0] != -1:
            pre_start, pre_end = joins[i - 1][1]
            dates = [_shift(d, pre_start) for d in find_dates(text[pre_start:pre_end], ref)]
            if not dates and _BEFORE_THAT.fullmatch(text, pre_start, pre_end) and out and out[0][1] is not None:
                # "dengan A di Tiom pada awal bulan ini, dan sebelumnya lagi dengan B": B's signing came before A's,
                # on a day the text leaves untold
                dates = [None]
        if not dates and i == 0 and cand.date is not None and cand.date.end <= cand.trig_start:
            dates = [cand.date]
        if not dates:
            return None
        out.append((m, dates[0]))
    return out if len({d.value if d else None for _, d in out}) == len(out) else None


# "sebelumnya (lagi)", "sebelum itu", "lebih dulu": a time before the one just told, untold itself.
_BEFORE_THAT = re.compile(r"(?:sebelumnya(?:\s+lagi)?|sebelum\s+itu|(?:lebih|terlebih)\s+(?:dulu|dahulu))\s+", re.IGNORECASE)


# What joins a later counterpart after the earlier one's own time (", B", ", dan B", " serta B").
_NEXT_ITEM = re.compile(r"(?:[,;]\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta)\s+)(?P<pre>)$", re.IGNORECASE)
# What joins a later counterpart with its own "dengan": a comma or a joining word, and a time put before it
# (", dengan B", "dan dengan B", ", dan pada Maret dengan B", "lalu tahun 2023 dengan B").
_NEXT_WITH = re.compile(r"(?:[,;]\s*(?:(?:dan|serta|lalu|kemudian|sedangkan)\s+)?|\b(?:dan|serta|lalu|kemudian|sedangkan)\s+)"
                        r"(?P<pre>(?:pada|tahun|bulan)\s+[^,.;]{1,30}?\s+|" + _BEFORE_THAT.pattern + r")?dengan\s*$",
                        re.IGNORECASE)


# "... yang sudah dilakukan Perum Bulog dengan TNI, yakni kerja sama optimalisasi ... dengan pihak I Bulog dan
# pihak II TNI AD": what follows "yakni" names the document again, with its sides, not a list of counterparts.
_RESTATED = re.compile(r"\s*(?:kerja\s*sama|MoU|nota\s+kesepahaman|nota\s+kesepakatan|perjanjian|kesepakatan|"
                       r"penandatanganan)\b", re.IGNORECASE)


def _restates_document(text: str, cand: Candidate) -> bool:
    """Whether the list opener after a signing ("yakni", "yaitu") names the document again rather than opening a list
    of counterparts (_RESTATED)."""
    opener = LIST_OPENER.search(text, cand.trig_end, cand.sent_end)
    return opener is not None and _RESTATED.match(text, opener.end()) is not None


def _two_sides(text: str, cand: Candidate) -> bool:
    """ "sejak adanya MoU Ombudsman RI Sulbar dengan Pemda Mamuju": an agreement named by its two sides, one before
    "dengan" and one after, is one agreement, not a list of counterparts."""
    if cand.example_list or len(cand.objects) != 2:
        return False
    first, second = sorted(cand.objects, key=lambda m: m.start)
    if cand.trigger.kind != "relational":
        # "rencana penandatanganan MoU ..., Pj Sekda A Nama bersilaturahmi dengan Sekda B": the two who meet over
        # the document to be signed are its two sides, not a list of counterparts
        return bool(_MEETING_SIDES.fullmatch(text, first.end, second.start)) and \
            not re.search(r"\b(?:dengan|bersama|antara|seperti)\b", text[cand.trig_end:first.start], re.IGNORECASE)
    return bool(re.fullmatch(r"\s*,?\s*(?:dengan|bersama)\s+", text[first.end:second.start], re.IGNORECASE)) and \
        not re.search(r"\b(?:dengan|bersama|antara|seperti)\b", text[cand.trig_end:first.start], re.IGNORECASE)


_MEETING_SIDES = re.compile(r"\s*,?\s*(?:(?-i:[A-Z])[\w.'’-]*\s+){0,4},?\s*(?:bersilaturahmi|bersilaturahim|bertemu|berdiskusi|"
                            r"berkoordinasi|beraudiensi|berkunjung\s+ke)\s+(?:dengan\s+)?", re.IGNORECASE)


# "... dengan empat perguruan tinggi dan TNI-Polri. Kegiatan tersebut berlangsung di Aula X, Selasa (6/7).": the
# sentence right after points back to the signing as one occasion, held somewhere, some day.
_OCCASION_TOLD_NEXT = re.compile(r"[ \t]*(?:Kegiatan|Acara|Penandatanganan(?:nya)?|Prosesi|Seremoni)[ \t]+"
                                 r"(?:[\w-]+[ \t]+){0,3}?(?:tersebut|itu|ini)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
                                 r"(?:berlangsung|digelar|dilaksanakan|diselenggarakan|dilakukan|bertempat)\b")


def _occasion_told_next(text: str, sent_end: int) -> re.Match[str] | None:
    """The sentence after the one ending at `sent_end`, in its paragraph, when it points back to that one's signing as
    an occasion held somewhere, some day (_OCCASION_TOLD_NEXT)."""
    if text[:sent_end].rstrip(" \t")[-1:] == "\n":
        return None
    return _OCCASION_TOLD_NEXT.match(text, sent_end)


def _agent_with_counterparts(text: str, cand: Candidate) -> PartyMention | None:
    """ "Sebelumnya, MoU serupa telah ditandatangani Pemkab A dengan B, C dan D": a passive whose agent is followed by
    the counterparts it signed "dengan" or "bersama" names one signer's agreements, as the active "A telah
    menandatangani MoU serupa dengan B, C dan D" does. Returns the agent (the signer of each), or None."""
    if not cand.agentive or cand.subjects or len(cand.objects) < 3:
        return None
    agent, first = cand.objects[0], cand.objects[1]
    if not re.fullmatch(r"\s*(?:\([^()]{1,20}\))?\s*(?:dengan|bersama)\s+", text[agent.end:first.start], re.IGNORECASE):
        return None
    return agent


def _listed(text: str, cand: Candidate) -> list[PartyMention]:
    """The objects of a signing after its list opens ("... dengan Kejati yaitu A, B dan C": A, B and C), or all."""
    opener = LIST_OPENER.search(text, cand.trig_end, cand.sent_end)
    return [o for o in cand.objects if opener is None or o.start >= opener.end()]


def _signers_of_record(text: str, drafts: list[Draft],
                       cand: Candidate) -> tuple[list[PartyMention], list[PartyMention]] | None:
    """ "Sebelumnya, Pemkab A, Pemkab B dan Pemkot C telah menandatangani MoU dengan Ombudsman", "Kabupaten A, B dan
    Kota C sebelumnya sudah meneken MoU serupa": signers listed as the subject of a signing told as done before (an
    earlier or record cue, "sudah", "telah lebih dulu"), none of them a signer already read, with at most one
    counterpart, itself one already read or none named: each signed on its own occasion, which the text does not
    give. So with a signer already read before the list, which its cooperation is "dengan" ("Ombudsman sebelumnya
    telah bekerja sama dengan A, B dan C melalui penandatanganan MoU"). Subjects joined by "bersama" sign one
    agreement together ("Pemprov bersama Pemkab A telah meneken ..."). Returns the signer every one signed with
    (if named among the subjects) and the listed ones, or None."""
    subjects = sorted(cand.subjects, key=lambda m: m.start)
    if len(subjects) < 2 or len(cand.objects) > 1 or cand.agentive or cand.date is not None or not drafts \
            or cand.trigger.negated or cand.status == "planned":
        return None
    if not (_secondary(cand, text) or _ALREADY.search(text, cand.sent_start, cand.trig_start)
            or _done_first(text, cand)):
        return None
    lead: list[PartyMention] = []
    if not cand.objects and any(_party_of(subjects[0], d) for d in drafts) \
            and _WITH_END.search(text, subjects[0].end, subjects[1].start):
        lead, subjects = subjects[:1], subjects[1:]
    if len(subjects) < 2 or any(_party_of(m, d) for m in subjects for d in drafts):
        return None
    if cand.objects and not any(_party_of(cand.objects[0], d) for d in drafts):
        return None
    if not all(_SUBJECT_LIST_GAP.fullmatch(text, a.end, b.start) for a, b in itertools.pairwise(subjects)):
        return None
    if _occasion_told_next(text, cand.sent_end) is not None or _DAY_AFTER_DAY.search(text, cand.sent_start,
                                                                                     cand.sent_end):
        return None
    return lead, subjects


_WITH_END = re.compile(r"\bdengan\s+$")
_SUBJECT_LIST_GAP = re.compile(r"\s*(?:\([^()]{1,30}\))?\s*(?:,\s*)?(?:(?:dan|serta)\s+)?")
# "A, B dan C telah lebih dahulu menjalin MoU dengan Ombudsman": done before the day's signing.
_DONE_FIRST = re.compile(r"\b(?:telah|sudah)\s+lebih\s+(?:dulu|dahulu)\b", re.IGNORECASE)


def _done_first(text: str, cand: Candidate) -> bool:
    """Whether a signing is told as done before the day's ("telah lebih dulu"), in a sentence that does not tie it
    to the occasion reported ("Pada kesempatan itu, A telah lebih dulu meneken ..." is the order within it)."""
    return _DONE_FIRST.search(text, cand.sent_start, cand.trig_start) is not None \
        and THE_OCCASION.search(text, cand.sent_start, cand.sent_end) is None


def _done_by(text: str, cand: Candidate) -> bool:
    """ "Sebelumnya, penandatanganan nota kesepahaman ... dilakukan oleh beberapa pimpinan kementerian, yakni A, B
    dan C": the bodies a signing is done by are its signers, one agreement, not counterparts of a signer before."""
    first = min((m.start for m in cand.objects if m.start >= cand.trig_end), default=None)
    if first is None:
        return False
    between = text[cand.trig_end:first]
    return re.search(r"\boleh\b", between) is not None and re.search(r"\b(?:dengan|bersama)\b", between) is None


def _refers_to_unsigned(cand: Candidate, drafts: list[Draft], unsigned_at: int | None, unsigned_types: set[str],
                        unsigned_keys: AbstractSet[str] = frozenset()) -> bool:
    """Whether a mention adds nothing to the article's events: it speaks again of a signing the text reported as
    not done or not between institutions ("batal melakukan penandatanganan MoU", "dua calon gubernur menandatangani
    pakta integritas"), with no event read since, pointing back to it ("Rencana penandatanganan MoU ini") or naming
    the same document and no institution of its own ("Pakta integritas yang ditandatangani oleh A dan B"; "Menurut
    juru bicara Pemkot, jadwal penandatanganan MoU belum pasti" after "Wali Kota batal menandatangani MoU"); or it
    only dates another act by a signing already read ("Sebelum penandatanganan MoU, pihaknya ...")."""
    trig = cand.trigger
    if trig.anchor and drafts:
        return True
    if not trig.creates_event or unsigned_at is None or (drafts and drafts[-1].first.sent_start >= unsigned_at):
        return False
    own = {m.institution.key for m in cand.subjects + cand.objects} - set(unsigned_keys)
    return trig.anaphoric or (not own and (trig.generic or bool(set(trig.types) & unsigned_types)))


def _secondary(cand: Candidate, text: str) -> bool:
    """A signing the article reports beside its own occasion: an earlier one ("sebelumnya", "pernah") or a
    planned one."""
    return cand.status == "planned" or bool(EARLIER_CUE.search(text[cand.sent_start:cand.sent_end])) \
        or records_earlier(cand, text) or bool(COUNTED_SO_FAR.search(text, cand.sent_start, cand.trig_start))


# "kerja sama dengan", "bekerja sama dengan", "hal serupa dengan", "hal yang sama dengan": the same kind of
# agreement with other counterparts.
_ALIKE_WITH = re.compile(r"\b(?:(?:(?:be)?kerja\s*sama|kerjasama)(?:\s+(?:yang\s+)?(?:serupa|sama))?\s+(?:dengan|bersama)|"
                         r"hal\s+(?:yang\s+)?(?:serupa|sama)\s+dengan|"
                         # "kerja sama serupa juga telah dijalin dengan A", "Langkah serupa sebelumnya telah dilakukan
                         # bersama A": the passive, with its time words between
                         r"(?:kerja\s*sama|kerjasama|hal|langkah)\s+(?:yang\s+)?(?:serupa|sama)"
                         r"(?:\s+(?:sebelumnya|juga|pun|telah|sudah|pernah|lebih\s+(?:dulu|dahulu)))*\s+"
                         # ("Kerja sama serupa sebelumnya juga telah dilakukan Jamkrida Sumsel dengan tiga koperasi
                         # lain": the passive's agent named before its "dengan")
                         r"(?:dijalin|dilakukan|dilaksanakan|ditempuh|terjalin)\s+(?:(?:oleh\s+)?(?-i:[A-Z])[\w.()-]*"
                         r"(?:\s+(?-i:[A-Z])[\w.()-]*){0,4}\s+)?(?:dengan|bersama)|"
                         # "Sebelumnya, kerja sama telah terjalin dengan tiga rumah sakit berikut": the time cue says it
                         # is another, earlier cooperation of the same kind
                         r"^\W*Sebelumnya\s*,?\s+(?:kerja\s*sama|kerjasama)\s+(?:(?:telah|sudah|pernah|juga|pun)\s+)*"
                         r"(?:dijalin|dilakukan|dilaksanakan|terjalin)\s+(?:dengan|bersama))\b",
                         re.IGNORECASE)  # (kerja sama serupa dengan)
_ALSO_ALREADY = re.compile(r"\b(?:juga|pun)\s+(?:sudah|telah)\b|\b(?:sudah|telah)\s+juga\b", re.IGNORECASE)
# "MoU dan PKS dengan empat daerah lain sudah selesai": agreements named with other counterparts, reported done.
_DONE = re.compile(r"\b(?:sudah|telah)\b", re.IGNORECASE)
_OTHER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?lain(?:nya|ya)?\b", re.IGNORECASE)
_PLANNED_CUE = re.compile(r"\b(?:akan|nanti|rencananya|direncanakan|dijadwalkan)\b", re.IGNORECASE)
_NOT_DONE = re.compile(r"\b(?:belum|tidak|bukan|menjajaki|dijajaki|penjajakan|berharap|diharapkan|ingin)\b", re.IGNORECASE)


_COOPERATION_TOPIC = re.compile(r"\s(?:dalam\s+(?:hal|bidang|penyaluran|pengelolaan|pelaksanaan|penanganan|program|rangka)|"
                                r"di\s+bidang|terkait|tentang|mengenai|untuk|guna)\s", re.IGNORECASE)


def _alike_with(ctx: ArticleContext, drafts: list[Draft], sent: Span, ref: dt.date | None = None) -> Draft | None:
    """An earlier or planned agreement of the kind just read, with other counterparts, named as cooperation beside
    the signing ("Sebelumnya sudah terjalin kerja sama dengan A, B dan C", "Sebelumnya, pihaknya juga telah
    melakukan hal serupa dengan tiga koperasi lainnya"): news reports in passing the same signer's separate
    agreements, one per counterpart, on occasions it does not date; they are new events of the signer of the
    signing just read. A planned signing just announced with no counterpart of its own ("... akan kembali
    melaksanakan penandatanganan PKS.") takes those of the cooperation announced next ("Nanti kita akan bekerja
    sama dengan A dan B"); a cooperation only intended, with no such signing, is no event. Returns the event whose counterparts are still to be listed ("Yakni ...")."""
    if not drafts:
        return None
    s = sent.text
    said = _ALIKE_WITH.search(s)
    named_as = [a for a in find_agreements(s) if not a.weak and s.startswith("dengan", a.end + 1)
                and _OTHER.match(s, a.end + 8) and _DONE.search(s)][:1]
    if named_as:
        # "MoU dan PKS dengan empat daerah lain sudah selesai": of the kinds it names, with other counterparts.
        said = re.compile(r"\bdengan\b").search(s, named_as[0].end)
    if said is None or _NOT_DONE.search(s, 0, said.start()):
        return None
    if not named_as and _ALL_THIS_WHILE.search(s, 0, said.start()):
        return None  # "selama ini juga telah menjalin kerja sama dengan A dan B": cooperation going on, no act (dev i-28)
    planned = bool(_PLANNED_CUE.search(s, 0, said.start()))
    # ("Pemkab juga sudah bekerja sama dengan A, B dan C": also, already, beside the signing just read)
    if not planned and not EARLIER_CUE.search(s, 0, said.end()) and not named_as \
            and not _ALSO_ALREADY.search(s, 0, said.end()):
        return None
    last = drafts[-1]
    if ctx.paragraphs_since(last.first.paragraph, sent.start_char) > 3 or not (last.keys or ctx.host):
        return None  # (a signing whose signer is not named yet gets the article's host, _complete_parties)
    base = sent.start_char + said.end()
    # (the counterparts end where what the cooperation is about begins: "... dengan 30 perusahaan dalam penyaluran
    # CSR" names no company)
    topic = _COOPERATION_TOPIC.search(s, said.end())
    named = [m for m in ctx.mentions_between(base, sent.start_char + topic.start() if topic else sent.end_char)
             if m.label == "ORG" and m.institution.key not in last.keys]
    if not named and not GROUP_PHRASE.match(s, said.end() + 1):
        return None
    # One signer has agreements with several others: the one the sentence names before them ("Menurutnya, Pemkab
    # Agam sebelumnya juga telah bekerja sama dengan UNP"), else the article's host when it signed what was just
    # read, else the first who signed it.
    own = [m for m in ctx.mentions_between(sent.start_char, sent.start_char + said.start()) if m.label == "ORG"
           and m.institution.key not in {n.institution.key for n in named}]
    subject_keys = [own[-1].institution.key] if own else \
        [ctx.host.key] if ctx.host is not None and ctx.host.key in last.keys else \
        ([s.key for s in last.subjects] or last.keys)[:1]
    if not own and named_as and len(last.keys) == 2:
        # "... hanya Kota Serang yang dokumennya belum selesai. MoU dan PKS dengan empat daerah lain sudah selesai":
        # the other regions are other than the side of the signing just read that the text last named; the signer of
        # their agreements is its other side
        prior = [m for m in ctx.mentions_between(max(0, sent.start_char - 400), sent.start_char)
                 if m.institution.key in last.keys]
        if prior:
            subject_keys = [k for k in last.keys if k != prior[-1].institution.key][:1]
    if (last.status == "planned") == planned and last.date is None and _secondary(last.first, ctx.text) \
            and all(k in subject_keys for k in last.keys):
        target = last  # "... akan kembali melaksanakan penandatanganan PKS." "Nanti kita akan bekerja sama dengan A"
    elif planned:
        return None  # "akan tetap ... bekerja sama dengan Pemerintah Pusat": an intention, no signing announced
    else:
        cand = _candidate_from(ctx, last, sent, said, similar=False, status="planned" if planned else "signed",
                               date=None, venue=None, subjects=[], example_list=True)
        named_types = {a.label for a in find_agreements(s[:said.start()]) if not a.weak} if named_as else set()
        types = [label for label in AGREEMENT_TYPES if label in named_types]
        # "Sebelumnya, ITB juga telah menjalin kerja sama dengan PT X pada 2023": the day or year the sentence gives
        # dates those agreements.
        when = None if planned else date_for_signing(s, said.start(), said.end(), ref, prefer="past")
        if when is not None:
            when = _shift(when, sent.start_char)
        target = Draft(cand, types or list(last.types), cand.status, when, None, None, None)
        target.per_counterpart = True
        for party, key in zip(last.parties, last.keys, strict=True):
            if key in subject_keys:
                target.keys.append(key)
                target.parties.append(Party(party.mention, party.name, party.kind, party.region_code, None,
                                            party.start, party.end))
        if own and own[-1].institution.key not in target.keys:
            target.add_party(own[-1].institution, own[-1].text, own[-1].representative, own[-1].start, own[-1].end)
        target.subjects = [m.institution for m in ctx.mentions if m.institution.key in subject_keys][:1] or \
            list(last.subjects)
        drafts.append(target)
        cand.placed = target
    if named:
        _attach_listed(ctx, target, base, sent.end_char, drafts=drafts)
        return None  # listed here: what follows is no longer its list
    return target


_ALL_THIS_WHILE = re.compile(r"\b(?:selama\s+ini|sejauh\s+ini|hingga\s+kini|sampai\s+kini)\b", re.IGNORECASE)


# "A dan B melakukan hal serupa", "... menempuh langkah yang sama": the act just read, done again by others.
_LIKE_ACT = re.compile(r"\b(?:melakukan|melaksanakan|menempuh|mengambil)\s+(?:hal|langkah)\s+(?:yang\s+)?(?:serupa|sama)\b",
                       re.IGNORECASE)


def _like_act(ctx: ArticleContext, drafts: list[Draft], sent: Span, ref: dt.date | None) -> bool:
    """ "Di Palu, Pemkot Palu dan BPS Kota Palu menandatangani nota kesepahaman ..., Senin (3/3). Sehari kemudian,
    Pemkab Poso dan BPS Kabupaten Poso melakukan hal serupa di Kantor Bupati Poso, Selasa (4/3).": two or more
    bodies the signing just read did not hold, named as doing "the same", sign a document of its kind on an
    occasion of their own, with the day and place their sentence gives. (One body "melakukan hal serupa dengan"
    others is the record of its agreements, _alike_with.)"""
    hit = _LIKE_ACT.search(sent.text)
    if not drafts or hit is None or drafts[-1].status == "planned" or re.match(r"\s+dengan\b", sent.text[hit.end():]):
        return False
    last = drafts[-1]
    base = sent.start_char
    named = [m for m in ctx.mentions_between(base, base + hit.start()) if m.label == "ORG"]
    keys = {m.institution.key for m in named}
    if len(keys) < 2 or keys & set(last.keys) or _NOT_DONE.search(sent.text, 0, hit.start()):
        return False
    planned = bool(_PLANNED_CUE.search(sent.text, 0, hit.start()))
    date = date_for_signing(sent.text, hit.start(), hit.end(), ref, prefer="future" if planned else "past")
    venue = venue_for_signing(sent.text, hit.start(), hit.end(), plain_before=True, planned=planned)
    cand = _candidate_from(
        ctx, last, sent, hit, similar=True, status="planned" if planned else "signed",
        date=_shift(date, base) if date is not None else None,
        venue=VenueMention(venue.text, base + venue.start, base + venue.end, venue.explicit) if venue else None,
        subjects=named, example_list=False)
    _new_draft(ctx, drafts, cand, [])
    return True


# "Sementara Pemkab Bone Bolango dijadwalkan menyusul bulan depan": to follow the signing just read, with no signing
# word of its own.
_FOLLOWS_LATER = re.compile(r"\b(?:dijadwalkan|akan|rencananya|direncanakan)\s+(?:(?:baru|juga|segera)\s+)?menyusul\b",
                            re.IGNORECASE)


_STILL_TALKED = re.compile(r"\b(?:pembahasan|dibahas|penjajakan|dijajaki|menunggu|kajian|dikaji)\b", re.IGNORECASE)


def _follows_later(ctx: ArticleContext, drafts: list[Draft], sent: Span, ref: dt.date | None) -> bool:
    """ "Nota kesepakatan yang sama sebelumnya telah ditandatangani Kanwil bersama Pemkab A dan Pemkab B. Sementara
    Pemkab C dijadwalkan menyusul bulan depan": a body the signing just read did not hold, to follow it later, signs
    the same document with its other side (those of another kind than the body), a planned signing of its own."""
    hit = _FOLLOWS_LATER.search(sent.text)
    if not drafts or hit is None or drafts[-1].status != "signed":
        return False
    last = drafts[-1]
    base = sent.start_char
    named = [m for m in ctx.mentions_between(base, base + hit.start()) if m.label == "ORG"]
    # (the bodies right before it, its subject, with a time it is to come: not a speaker's "gerai lain akan menyusul",
    # nor one still discussed or explored, "masih dalam pembahasan dan akan menyusul", "belum ditentukan")
    if not named or not re.fullmatch(r"\s*", ctx.text[named[-1].end:base + hit.start()]) \
            or any(m.institution.key in last.keys for m in named) or _NOT_DONE.search(sent.text) \
            or _STILL_TALKED.search(sent.text):
        return False
    others = _other_side(ctx, last, {m.institution.kind for m in named})
    if not others:
        return False
    date = date_for_signing(sent.text, hit.start(), hit.end(), ref, prefer="future")
    if date is None:
        return False
    cand = _candidate_from(ctx, last, sent, hit, similar=True, status="planned",
                           date=_shift(date, base), venue=None, subjects=named,
                           example_list=False)
    _new_draft(ctx, drafts, cand, [])
    for inst, p in others:
        drafts[-1].add_party(inst, p.mention, p.representative, p.start, p.end)
    return True


# "Kaur menjadi daerah keempat yang menandatangani MoU dengan Ombudsman, setelah A, B dan C", "Dengan Kaur, sudah
# empat daerah yang meneken MoU ..., setelah A, B dan C": a count or an order of those who signed, and after it, who
# signed before.
_COUNT_THEN_AFTER = re.compile(
    r"\b(?:ke-?\d{1,3}|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|kesebelas|"
    r"ke(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\s+belas|"
    r"sudah\s+(?:\d{1,3}|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)\s+(?:[a-z/]+\s+){0,2}?yang)\b"
    r"[^.;]{0,160}?(?:,\s*|\s+)setelah\s+(?:sebelumnya\s+)?(?:dengan\s+)?", re.IGNORECASE)


def _earlier_after_count(ctx: ArticleContext, drafts: list[Draft], sent: Span) -> bool:
    """ "Kaur menjadi daerah keempat yang menandatangani MoU dengan Ombudsman, setelah Pemkab A, Pemkab B dan Pemkot
    C": those named after "setelah" signed the same kind of agreement with the same signer before, each on its own
    occasion (undated), one event each. The signer is the one the sentence names that signed the signing just read."""
    if not drafts:
        return False
    text = ctx.text
    hit = _COUNT_THEN_AFTER.search(text, sent.start_char, sent.end_char)
    if hit is None or _NOT_DONE.search(text, sent.start_char, hit.end()):
        return False
    base = sent.start_char
    start = hit.end()
    # (the sentence's own signing word may have read the list as its counterparts: "Kaur menjadi daerah kelima yang
    # menandatangani MoU setelah A, B dan C")
    before = [d for d in drafts if d.first.sent_start != base]
    known = {p.name for d in before for p in d.parties}
    own = [d for d in drafts if d.first.sent_start == base
           and all(p.start is None or p.start >= start or p.name in known for p in d.parties)]
    last = next((d for d in reversed(before) if d.status == "signed"), None)
    if last is None:
        return False
    hosts = [m for m in ctx.mentions_between(base, start) if any(_party_of(m, d) for d in drafts)]
    if ctx.host is not None and ctx.host.key in last.keys:
        # ("MoU ini merupakan yang keempat, setelah sebelumnya dengan A, B dan C": the article's host signed them)
        hosts = [m for m in ctx.mentions if m.institution.key == ctx.host.key][:1] + hosts
    listed = [m for m in ctx.mentions_between(start, sent.end_char) if m.label == "ORG"]
    listed += _bare_listed_governments(ctx, start, sent.end_char, listed)
    listed = sorted({m.start: m for m in listed}.values(), key=lambda m: m.start)
    if len(listed) < 2 or any(_party_of(m, d) for m in listed for d in before):
        return False
    kinds = {m.institution.kind for m in listed}
    host = next((m for m in reversed(hosts) if m.institution.kind not in kinds), None)
    if host is None:
        return False
    for d in own:
        drafts.remove(d)
    said = _COUNT_THEN_AFTER.search(sent.text)  # (the same words, at their offsets in the sentence)
    assert said is not None
    cand = _candidate_from(ctx, last, sent, said, similar=False, status="signed", date=None, venue=None,
                           subjects=[host], example_list=True)
    for m in listed:
        _new_draft(ctx, drafts, cand, [m])
    return True


def _candidate_from(ctx: ArticleContext, last: Draft, sent: Span, said: re.Match, *, similar: bool, status: str,
                    date: DateMention | None, venue: VenueMention | None, subjects: list[PartyMention],
                    example_list: bool) -> Candidate:
    """A signing a sentence reports without a signing word of its own, at the words `said` (a match in the sentence's
    text: "hal serupa", "kerja sama dengan"), read as one more of the kind of the signing just read (`last`)."""
    trig = dataclasses.replace(last.first.trigger, start=said.start(), end=said.end(), text=said.group(0),
                               sentence=sent.text, anaphoric=False, similar=similar, generic=False, earlier=False)
    return dataclasses.replace(last.first, sent_start=sent.start_char, sent_end=sent.end_char, trigger=trig,
                               trig_start=sent.start_char + said.start(), trig_end=sent.start_char + said.end(),
                               status=status, date=date, venue=venue, subjects=subjects, objects=[], we=False,
                               example_list=example_list, agentive=False, title=None,
                               paragraph=ctx.paragraph_of(sent.start_char), placed=None, non_signers=[])


# "..., maka Nota Kesepahaman sebelumnya, yaitu:" closing its sentence: the documents are listed below.
_DOCUMENTS_LISTED = re.compile(r"\b(?:yaitu|yakni|antara\s+lain|sebagai\s+berikut)?\s*:\s*$", re.IGNORECASE)
# An item of such a list: "- Nomor: KEP-099/A/JA/05/2011 ... (19 Mei 2011), serta".
_DOCUMENT_ITEM = re.compile(r"^\W*(?:[-•*·]|\d{1,2}[.)])?\s*(?:Nomor|No\.?)\b", re.IGNORECASE)


def _listed_document(ctx: ArticleContext, drafts: list[Draft], signing: Draft, sent: Span,
                     ref: dt.date | None) -> bool:
    """ "Dengan ditandatanganinya kesepahaman baru ini, maka Nota Kesepahaman sebelumnya, yaitu: - Nomor ... (19 Mei
    2011), serta - Nomor ... (20 Desember 2012)": each earlier document listed with its own date was signed on
    that day, by the signers of the agreement that replaces it (as "tindak lanjut dari kesepahaman pada 2016"):
    one earlier event each. Whether the sentence is such an item (it is then read)."""
    if not _DOCUMENT_ITEM.match(sent.text):
        return False
    # (items the sentence splitter ran together, "(19 Mei 2011); serta\n- Nomor ... (20 Desember 2012)": one a line)
    items = [line for line in re.finditer(r"[^\n]+", sent.text) if _DOCUMENT_ITEM.match(line.group(0))]
    read = False
    for item in items:
        dates = [d for d in find_dates(item.group(0), ref) if d.precision in ("day", "month")]
        if not dates:
            continue
        start, end = sent.start_char + item.start(), sent.start_char + item.end()
        date = _shift(dates[-1], start)
        trig = dataclasses.replace(signing.first.trigger, start=0, end=0, text="", sentence=item.group(0),
                                   anaphoric=False, similar=False, generic=False, earlier=True)
        cand = dataclasses.replace(signing.first, sent_start=start, sent_end=end, trigger=trig, trig_start=start,
                                   trig_end=start, status="signed", date=date, venue=None, subjects=[], objects=[],
                                   we=False, example_list=True, agentive=False, title=None,
                                   paragraph=ctx.paragraph_of(start), placed=None, non_signers=[])
        draft = Draft(cand, list(signing.types), "signed", date, None, None, None)
        _take_sides(draft, signing)
        draft.subjects = list(signing.subjects)
        drafts.append(draft)
        cand.placed = draft
        read = True
    return read


def _sibling(draft: Draft, drafts: list[Draft]) -> Draft:
    """Another agreement of the same signer read from the same words, for a listed counterpart of its own."""
    twin = Draft(draft.first, list(draft.types), draft.status, draft.date, None, None, draft.title)
    subject_keys = {s.key for s in draft.subjects}
    for party, key in zip(draft.parties, draft.keys, strict=True):
        if key in subject_keys:
            twin.keys.append(key)
            twin.parties.append(Party(party.mention, party.name, party.kind, party.region_code, party.representative,
                                      party.start, party.end))
    twin.subjects = list(draft.subjects)
    twin.implicit = draft.implicit
    drafts.insert(drafts.index(draft) + 1 + sum(1 for d in drafts if d is not draft and d.first is draft.first),
                  twin)
    return twin


def _new_draft(ctx: ArticleContext, drafts: list[Draft], cand: Candidate, objects: list[PartyMention]) -> None:
    draft = Draft(cand, list(cand.trigger.types), cand.status, cand.date, cand.venue,
                  cand.venue.start if cand.venue else None, cand.title)
    draft.unnamed_group = _with_unnamed_group(ctx.text, cand)
    _add_candidate_parties(ctx, drafts, draft, cand, objects)
    drafts.append(draft)
    cand.placed = draft


def _add_candidate_parties(ctx: ArticleContext, drafts: list[Draft], draft: Draft, cand: Candidate,
                           objects: list[PartyMention]) -> None:
    if not cand.subjects and not objects and drafts and draft is not drafts[-1] and len(drafts[-1].parties) >= 2 \
            and cand.status != "planned" and not set(cand.trigger.types) & set(drafts[-1].types) \
            and _underlying_document(ctx.text, cand):
        # "Adapun MoU-nya sudah ditandatangani pada 2023 lalu", "Kerja sama ini diawali dengan penandatanganan MoU
        # pada Februari 2024": the document under the cooperation just read, signed before by its same sides
        # (not "PKS-nya dijadwalkan ditandatangani pekan depan": the document just named, with sides of its own)
        _take_sides(draft, drafts[-1], representative=True)
        if draft.parties:
            return
    if not cand.subjects and not cand.we and drafts and draft is not drafts[-1] \
            and all(m.institution.key in drafts[-1].keys for m in objects) \
            and len(drafts[-1].parties) >= 2 and cand.trigger.agreements \
            and _ORDINAL_DOCUMENT.match(ctx.text, cand.sent_start + cand.trigger.agreements[0].end):
        # "... tertuang dalam dua dokumen nota kesepakatan ... Nota kesepakatan pertama ..., tertanggal 28 Agustus
        # 2020": one of the documents just counted, signed by the same sides (on a day of its own)
        _take_sides(draft, drafts[-1], representative=True)
        if draft.parties:
            return
    if not cand.subjects and not objects and not cand.we and (sides := _sides_named_before(ctx, cand)):
        # "Komisi III menyoroti pelaksanaan MoU antara Pemprov A dan Bank B. ... MoU yang ditandatangani dua tahun
        # lalu itu belum berdampak": the document pointed back to was signed by the sides it was named with, not by
        # who speaks of it
        for m in sides:
            draft.add_party(m.institution, m.text, m.representative, m.start, m.end, subject=True)
        return
    for m in cand.subjects:
        draft.add_party(m.institution, m.text, m.representative, m.start, m.end, subject=True)
    for m in objects:
        draft.add_party(m.institution, m.text, m.representative, m.start, m.end)
    if cand.we and (cand.subjects or cand.agentive):
        # "Kemarin kami bersama Kajati Sulbar sudah menandatangani ...": the speaker signs too.
        speaker = speaker_institution(ctx, cand.trig_start, we=True)
        if speaker is not None:
            draft.add_party(speaker, "kami", None, None, None, subject=True)
    if cand.subjects or cand.agentive or cand.trigger.kind == "relational" and len(objects) >= 2:
        if len(draft.parties) == 1:
            # "perjanjian kerja sama antara Ditreskrimsus Polda X dengan kedua BUMN tersebut akan ditandatangani":
            # one side named, the other pointed back to
            for m in _both_parties(ctx, cand, drafts, counterparts_only=True):
                draft.add_party(m.institution, m.text, m.representative, m.start, m.end)
        if not objects and (kind_named := _counterpart_by_kind(ctx, cand)) is not None:
            draft.add_party(kind_named.institution, kind_named.text, kind_named.representative, kind_named.start,
                            kind_named.end)
        return
    named = _named_by_its_kind(ctx, cand)
    if named is not None:
        draft.add_party(named.institution, named.text, named.representative, named.start, named.end, subject=True)
        return
    both = _both_parties(ctx, cand, drafts)
    if both:
        for m in both:
            draft.add_party(m.institution, m.text, m.representative, m.start, m.end, subject=True)
        return
    if not objects and not cand.we and drafts and _FOLLOWS.search(ctx.text, cand.sent_start, cand.sent_end):
        # "Nota Kesepahaman yang ditandatangani kali ini merupakan tindak lanjut dari kesepahaman pada 2016":
        # the agreement followed up was signed by the same institutions.
        _take_sides(draft, drafts[-1], representative=True)
        if draft.parties:
            return
    if not objects and not cand.we and drafts and cand.status == "planned" and drafts[-1].status == "signed" \
            and cand.trigger.agreements and not set(cand.trigger.types) & set(drafts[-1].types) \
            and cand.paragraph - drafts[-1].first.paragraph <= 1:
        # "A dan B menandatangani nota kesepahaman ... PKS akan diteken bulan depan": the next document, named with
        # no signer right after a signing done, is to be signed by the same sides
        _take_sides(draft, drafts[-1])
        if draft.parties:
            return
    if not objects and not cand.we:
        return
    if not cand.we and GROUP_PHRASE.search(ctx.text, cand.sent_start, cand.trig_start):
        return  # "Empat pemerintah daerah ... menandatangani PKS dengan DJP": the group signs, its list follows
    if not cand.we and len(objects) >= 2 and (on_another_occasion(ctx.text[cand.sent_start:cand.trig_start])
                                              or _done_by(ctx.text, cand)):
        # "Dalam kesempatan lain, penandatanganan ... dilakukan oleh A, B dan C": those it is done by are its
        # signers; none is taken from before
        return
    # An elided or "kami" subject: who speaks, or who signed just before in the same passage.
    subject: Institution | None = None
    subject_mention = "kami" if cand.we else None
    speaking: Institution | None = None  # who says "kami"/"pihaknya"
    if cand.we:
        subject = speaking = speaker_institution(ctx, cand.trig_start, we=True)
    if subject is None and drafts:
        subject = _speaking_signer(ctx, cand, drafts)
    if subject is None and drafts:
        prev = drafts[-1]
        if prev.subjects and abs(prev.first.paragraph - cand.paragraph) <= 1:
            subject = prev.subjects[0]
    if subject is None:
        subject = speaker_institution(ctx, cand.trig_start)
    if subject is None:
        subject = ctx.host
    if subject is None or subject.key in cand.non_signers and subject != speaking:
        # "Ombudsman RI berpartisipasi dalam kegiatan penandatanganan ...": present, not the signer (but "Menurut
        # Bupati A, pihaknya juga sudah meneken MoU dengan B": who says it speaks for the side that signed)
        return
    if objects and all(m.institution.region_code is None for m in objects):
        subject = national_body(subject, ctx.gazetteer)
    if objects and subject.kind == "pemerintah_daerah" and subject.region_code \
            and not subject.name.startswith("Pemerintah ") \
            and all(m.institution.kind == "pemerintah_daerah" and m.institution.name.startswith("Pemerintah ")
                    and m.institution.region_code != subject.region_code for m in objects) \
            and (government := ctx.gazetteer.institutions.get("pemda:" + subject.region_code)) is not None:
        # "Kepala Bappeda Palu mengatakan rencana penandatanganan MoU dengan Pemkot Balikpapan ...": an agreement
        # with another region's government, told by the head of one of this region's units, is this region's
        # government's (SPEC: Units; governments sign with governments)
        subject = government
    if any(m.institution.key == subject.key for m in objects):
        return
    draft.implicit = True
    draft.add_party(subject, subject_mention or _mention_for(ctx, subject), None, None, None, subject=True)
    if subject.key not in draft.keys:
        return  # a bare "Ombudsman" where an Ombudsman office already signs: that office (Draft.add_party)
    # Keep the subject first, as news writes it.
    i = draft.keys.index(subject.key)
    draft.keys.insert(0, draft.keys.pop(i))
    draft.parties.insert(0, draft.parties.pop(i))


# The subject of a signing named by its kind and pointed back to: "kampus itu menandatangani ...", "Lembaga tersebut
# juga meneken ...", "perusahaan pelat merah itu ...".
# (each noun with the kinds it names; none: any kind)
_KIND_NOUNS: dict[str, tuple[str, ...]] = {
    "kampus": ("perguruan_tinggi",), "universitas": ("perguruan_tinggi",), "perguruan tinggi": ("perguruan_tinggi",),
    "perusahaan": ("bumn_bumd", "swasta"), "bank": ("bumn_bumd", "swasta"), "bumn": ("bumn_bumd",),
    "bumd": ("bumn_bumd",), "pemkab": ("pemerintah_daerah",), "pemkot": ("pemerintah_daerah",),
    "pemprov": ("pemerintah_daerah",), "organisasi": ("organisasi",), "ormas": ("organisasi",), "lembaga": (),
    "instansi": (), "institusi": ()}
_KIND_SUBJECT = re.compile(r"(?:^|[,:]\s*|\n)\s*(?P<noun>" + "|".join(_KIND_NOUNS) + r")(?:\s+[a-z]+){0,2}?\s+(?:itu|tersebut|ini)"
                           r"\s+(?:(?:juga|pun|telah|sudah|resmi|kemudian|lalu|kembali|akan)\s+)*$", re.IGNORECASE)


def _named_by_its_kind(ctx: ArticleContext, cand: Candidate) -> PartyMention | None:
    """ "Universitas Gadjah Mada (UGM) menambah daftar mitranya. Kamis (12/12), kampus itu menandatangani MoU dengan
    enam mitra": the subject named by its kind and "itu" is the institution of that kind named last before it."""
    kind_of = _KIND_SUBJECT.search(ctx.text, cand.sent_start, cand.trig_start)
    if kind_of is None:
        return None
    kinds = _KIND_NOUNS[" ".join(kind_of.group("noun").lower().split())]
    before = [m for m in ctx.mentions if m.end <= cand.sent_start and (not kinds or m.institution.kind in kinds)
              and m.label == "ORG"]
    return max(before, key=lambda m: m.start) if before else None


_KIND_COUNTERPART = re.compile(r"\b(?:dengan|bersama)\s+(?:pihak\s+)?(?P<noun>perusahaan|bank|kampus|universitas|bumn|bumd)"
                               r"(?:\s+(?:itu|tersebut|ini))?\b(?!\s*(?-i:[A-Z(]))", re.IGNORECASE)


def _counterpart_by_kind(ctx: ArticleContext, cand: Candidate) -> PartyMention | None:
    """ "Dua koperasi lain ... dijadwalkan menyusul meneken PKS dengan perusahaan pekan depan": the counterpart named
    by its kind alone is the one body of that kind the article has named before."""
    said = _KIND_COUNTERPART.search(ctx.text, cand.trig_end, cand.sent_end)
    if said is None:
        return None
    noun = said.group("noun").lower()
    kinds = _KIND_NOUNS[noun]
    # (a cooperative is no "perusahaan"; a "bank" has the word in its name)
    before = [m for m in ctx.mentions if m.end <= cand.sent_start and m.institution.kind in kinds and m.label == "ORG"
              and not re.match(r"(?:Koperasi|KUD|Rumah\s+Sakit|Yayasan)\b", m.institution.name)
              and (noun != "bank" or "Bank" in m.institution.name)]
    if len({m.institution.key for m in before}) != 1:
        return None
    return before[-1]


_BOTH = re.compile(r"\b(?:(?P<n>kedua|ketiga|keempat|kelima)\s+(?:belah\s+)?(?P<noun>pihak|lembaga|instansi|institusi|"
                   r"pemerintah|daerah|organisasi|ormas|kementerian|universitas|perguruan\s+tinggi|perusahaan|pemda|"
                   r"kepala\s+daerah|pimpinan(?:\s+(?:lembaga|daerah|instansi))?|kota|kabupaten|provinsi|kampus|"
                   r"bumn|bumd|bank|belah\s+pihak)|(?P<all>keduanya|ketiganya|keempatnya|kelimanya)|"
                   # "... dengan kedua KPP", "ketiga Kejari itu": the bodies of that short form named last
                   r"(?P<hn>kedua|ketiga|keempat|kelima)\s+(?P<head>(?-i:[A-Z][A-Za-z]{1,8}))(?![\w-])|"
                   # "Nota kesepahaman tiga lembaga penegak hukum itu ...": the counted bodies just named, pointed back to
                   r"(?P<c>dua|tiga|empat|lima)\s+(?P<cnoun>lembaga|instansi|institusi|pihak|kementerian|universitas|"
                   r"perusahaan|organisasi|ormas|pemda|daerah|bumn|bumd|bank)(?:\s+(?!itu\b|tersebut\b)[a-z-]+){0,3}\s+"
                   r"(?:itu|tersebut))\b", re.IGNORECASE)
_COUNT = {"kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "dua": 2, "tiga": 3, "empat": 4, "lima": 5}


# A document counted off by its ordinal: "nota kesepakatan pertama", "MoU kedua".
_ORDINAL_DOCUMENT = re.compile(r"\s+(?:yang\s+)?(?:pertama|kedua|ketiga|keempat|kelima)\b", re.IGNORECASE)
# A signing clause closed by a demonstrative: "MoU yang ditandatangani dua tahun lalu itu ...".
_DEMONSTRATIVE_IN_CLAUSE = re.compile(r"[^,.;:]{0,60}?\b(?:itu|tersebut)\b", re.IGNORECASE)
# A document named with its sides: "MoU antara Pemprov A dan Bank B", up to what it is about.
_SIDES_OF_DOCUMENT = re.compile(r"\s+antara\s+(?P<sides>[^,.;:]+?)(?=\s+(?:terkait|tentang|mengenai|soal|di\s+bidang|dalam|yang|untuk|"
                                r"karena|sebab|agar|supaya)\b|[,.;:]|$)", re.IGNORECASE)


def _sides_named_before(ctx: ArticleContext, cand: Candidate) -> list[PartyMention]:
    """The sides a document pointed back to was named with just before ("... pelaksanaan MoU antara A dan B. ... MoU
    yang ditandatangani dua tahun lalu itu ..."), in the sentence before or earlier in its own: [] if none."""
    trig = cand.trigger
    if not trig.agreements or not (trig.anaphoric or _DEMONSTRATIVE_IN_CLAUSE.match(ctx.text, cand.trig_end)):
        return []
    # (the sentence before, across a paragraph break too: news opens a paragraph on the document just named)
    start = max((sent.start_char for sent in ctx.sents if sent.end_char <= cand.sent_start), default=cand.sent_start)
    labels = set(trig.types)
    own = cand.sent_start + min(x.start for x in trig.agreements)  # (the document the clause itself names)
    for a in reversed(find_agreements(ctx.text[start:cand.trig_start])):
        if a.weak or a.label not in labels or start + a.start >= own:
            continue
        named = _SIDES_OF_DOCUMENT.match(ctx.text, start + a.end)
        if named is None:
            continue
        sides = [m for m in ctx.mentions_between(named.start("sides"), named.end("sides"))
                 if m.institution.key not in cand.non_signers]
        return sides if len(sides) >= 2 else []
    return []


# The document under a cooperation just read, named as its own ("MoU-nya", "nota kesepahamannya"), as where the
# cooperation began ("Kerja sama ini diawali dengan penandatanganan MoU", "bermula dari MoU", "sudah dimulai sejak
# penandatanganan MoU"), set apart as a topic ("Penandatanganan MoU sendiri sudah dilakukan ...") or as its umbrella
# ("MoU yang menjadi payung PKS ini").
_UNDERLYING = re.compile(r"\b(?:kerja\s*sama|kemitraan|kolaborasi|sinergi)\s+(?:ini|itu|tersebut|keduanya|kedua\s+pihak)\s+"
                         r"(?:(?:sebenarnya|sendiri|sejatinya|pun|sudah|telah)\s+)*(?:diawali|bermula|berawal|dimulai)\b|"
                         r"\b(?:MoU|PKS|nota\s+kesepahaman|nota\s+kesepakatan|perjanjian(?:\s+kerja\s*sama)?)\s+sendiri\b|"
                         r"\byang\s+menjadi\s+(?:payung|dasar|induk|landasan)\s+(?:hukum\s+)?(?:bagi\s+)?"
                         r"(?:PKS|perjanjian|kerja\s*sama|MoU)[\w\s-]{0,20}?\s+(?:ini|itu|tersebut)\b", re.IGNORECASE)


def _underlying_document(text: str, cand: Candidate) -> bool:
    """Whether a signing named with no signer is of the document under the cooperation just read (_UNDERLYING, or
    the document named with "-nya": "MoU-nya", "nota kesepahamannya")."""
    if any(re.search(r"(?i:-?nya)$", a.text) for a in cand.trigger.agreements):
        return True
    return bool(_UNDERLYING.search(text, cand.sent_start, cand.sent_end))


# "... merupakan tindak lanjut dari kesepahaman pada 2016", "perpanjangan dari MoU sebelumnya".
_FOLLOWS = re.compile(r"\b(?:tindak\s*lanjut|kelanjutan|lanjutan|perpanjangan|pembaruan|pembaharuan)\s+(?:dari|atas)\b|"
                      # "Penandatanganan ini merupakan yang kedua setelah MoU pertama pada 2019", "MoU sebelumnya yang
                      # diteken pada 2018 telah berakhir": the one before it, between the same sides
                      r"\b(?:yang\s+)?(?:kedua|ketiga|keempat|kelima)(?:\s+kali(?:nya)?)?\s+setelah\b|"
                      r"\b(?:MoU|PKS|nota\s+kesepahaman|nota\s+kesepakatan|perjanjian(?:\s+kerja\s*sama)?)\s+"
                      r"(?:pertama|sebelumnya|terdahulu|lama)\b",
                      re.IGNORECASE)


def _both_parties(ctx: ArticleContext, cand: Candidate, drafts: list[Draft],
                  counterparts_only: bool = False) -> list[PartyMention]:
    """ "Kedua pihak menandatangani ...", "... ditandatangani kedua belah pihak", "Ketiga lembaga itu ...": the two
    (three ...) institutions named last, in the four sentences just before."""
    text = ctx.text
    after = re.sub(r"^\s*(?:oleh\s+)?", "", text[cand.trig_end:cand.trig_end + 40], flags=re.IGNORECASE)
    if counterparts_only:
        # the counterparts pointed back to after the other side, "... antara A dengan kedua BUMN tersebut"
        both = next((b for b in _BOTH.finditer(text, cand.sent_start, cand.sent_end)
                     if (b.group("n") or b.group("hn")) and re.search(r"\b(?:dengan|bersama)\s+$", text[max(0, b.start() - 12):b.start()])),
                    None)
    else:
        both = _BOTH.search(text, cand.sent_start, cand.trig_start) or _BOTH.match(after)
    if not both:
        return []
    word = (both.group("n") or both.group("hn") or both.group("all") or both.group("c") or "").lower()
    count = next(n for w, n in _COUNT.items() if word.startswith(w))
    # "kedua BUMN tersebut", "ketiga kampus itu": the bodies of that kind named last
    noun = " ".join((both.group("noun") or both.group("cnoun") or "").lower().split())
    kinds = _KIND_NOUNS.get(noun, ())
    head = both.group("head")

    def of_kind(m: PartyMention) -> bool:
        if head is not None:
            return m.text.startswith(head + " ") or m.institution.name.startswith(head + " ")
        return not kinds or m.institution.kind in kinds

    if head is not None:
        # (a short form is its own pointer: the bodies it opens, wherever the article named them before)
        named = list({m.institution.key: m for m in ctx.mentions if m.end <= cand.sent_start and of_kind(m)}.values())
        return sorted(named, key=lambda m: m.start) if len(named) == count else []
    # The signing just read, past asides on an earlier or a planned signing ("Sebelumnya, tahun lalu A juga meneken
    # MoU dengan C." "MoU ini merupakan perpanjangan dari nota kesepahaman yang diteken kedua pihak pada 2018": A
    # and B), unless this mention is such an aside itself.
    aside = _secondary(cand, text)
    days = [d.date.value for d in drafts if d.date is not None and d.date.precision == "day"]
    # (an aside dated only by a month or a year before a day the article reports: "... MoU serupa pada 2021")
    before = lambda d: d.date is not None and d.date.precision != "day" and any(
        day[:len(d.date.value)] > d.date.value for day in days)
    last = next((d for d in reversed(drafts) if aside or not (d.first.trigger.earlier or _secondary(d.first, text)
                                                                 or before(d))), drafts[-1] if drafts else None)
    if last is not None and len(last.parties) == count and all(p.start is not None for p in last.parties) \
            and all(not kinds or p.kind in kinds for p in last.parties):
        return [m for m in ctx.mentions if any(m.start == p.start for p in last.parties)]
    # (a signing that took more signers at its sitting, "Pada acara yang sama, Direktur RSUD X juga meneken adendum":
    # "PKS tersebut pernah ditandatangani kedua pihak" are the two its first mention names)
    lead = list({m.institution.key: m for m in (last.first.subjects + last.first.objects)}.values()) \
        if last is not None and cand.trigger.anaphoric else []
    if len(lead) == count and all(of_kind(m) for m in lead):
        return sorted(lead, key=lambda m: m.start)
    earlier = [sent for sent in ctx.sents if sent.end_char <= cand.sent_start + 1
               and cand.paragraph - ctx.paragraph_of(sent.start_char) <= 3]
    def passed_over(m: PartyMention) -> bool:
        # "Setelah Universitas A, kini giliran Universitas B yang digandeng": the one before is an earlier partner
        return bool(_PASSED_OVER_BEFORE.search(text, max(0, m.start - 12), m.start))

    def placed(sent_start: int, m: PartyMention) -> bool:
        # a body "di"/"ke" a place is a place, but one visited is a side: "melakukan kunjungan kerja ke Pemkab X.
        # Kedua pihak ..." are the visitor and the host
        return bool(_LOCATIVE_BEFORE.search(text[max(sent_start, m.start - 30):m.start])) \
            and not _VISITED_BEFORE.search(text, max(sent_start, m.start - 40), m.start)

    for sent in reversed(earlier[-4:]):
        named = [m for m in ctx.mentions_between(sent.start_char, sent.end_char) if m.label == "ORG" and of_kind(m)
                 and not placed(sent.start_char, m) and not passed_over(m)]
        if GROUP_PHRASE.search(sent.text):
            # "Dua kabupaten lainnya, Tebo dan Bungo, belum ...": regions named bare in a group's list
            named += _bare_listed_governments(ctx, sent.start_char, sent.end_char, named)
        unique = list({m.institution.key: m for m in sorted(named, key=lambda m: m.start)}.values())
        # ("sinergi antara Ombudsman dan Pemkab X" after "Kepala Perwakilan Ombudsman RI NTT": the body named bare
        # beside its office the sentence names is that office, one side)
        unique = [m for m in unique if not any(
            u is not m and u.institution.name.startswith(m.institution.name + " ") for u in unique)]
        if len(unique) == count or (count == 2 and len(unique) > 2 and sent is earlier[-1]):
            return unique
    # "Bawaslu RI memperkuat pertahanan digitalnya. Lembaga itu bersepakat dengan BSSN ..." then "... diteken kedua
    # lembaga": the two named last over the sentences just before, one in each
    gathered: dict[str, PartyMention] = {}
    for sent in reversed(earlier[-3:]):
        for m in ctx.mentions_between(sent.start_char, sent.end_char):
            if m.label == "ORG" and of_kind(m) and not placed(sent.start_char, m) and not passed_over(m):
                gathered.setdefault(m.institution.key, m)
        if len(gathered) >= count:
            return sorted(gathered.values(), key=lambda m: m.start) if len(gathered) == count else []
    return []


_VISITED_BEFORE = re.compile(r"\b(?:kunjungan(?:\s+kerja)?|kunker|berkunjung|bertandang|bersilaturahmi|silaturahmi|"
                             r"audiensi|menyambangi|mendatangi)\s+ke\s+$", re.IGNORECASE)
_PASSED_OVER_BEFORE = re.compile(r"\b(?:Setelah|Selain|Sesudah)\s+(?:dengan\s+)?$", re.IGNORECASE)


def _bare_listed_governments(ctx: ArticleContext, start: int, end: int, taken: list[PartyMention]) -> list[PartyMention]:
    """Regions named bare as items of a list in [start, end) ("Tebo dan Bungo"): their governments."""
    out = []
    for ent in ctx.doc.ents:
        if ent.label_ != "LOC" or not ent.kb_id_.startswith("pemda:") or ent.start_char < start or ent.end_char > end \
                or any(m.start <= ent.start_char < m.end for m in [*ctx.mentions, *taken]):
            continue
        inst = ctx.gazetteer.institutions.get(ent.kb_id_.split("#")[0])
        if inst is not None and _list_item(ctx.text, ent.start_char, ent.end_char):
            out.append(PartyMention(ent.start_char, ent.end_char, ent.text, inst, False))
    return out


def _mention_for(ctx: ArticleContext, inst: Institution) -> str:
    """The words the article uses for an institution it names elsewhere."""
    for m in ctx.mentions:
        if m.institution.key == inst.key:
            return m.text
    return inst.name


def _more_specific(current: VenueMention | None, new: VenueMention) -> VenueMention | None:
    """The venue to keep: the first one read, unless that names only a town and the new one a building, or the new
    one writes the same place out in full."""
    if current is None:
        return new
    if not is_building(current.text) and is_building(new.text):
        return new
    if new.explicit and not current.explicit and is_building(new.text) and current.text not in new.text:
        # "... meneken MoU pelayanan terpadu di Pelabuhan X, Kamis." "Acara berlangsung di Ruang Rapat Y, Kantor
        # Bupati X.": the sentence that says where the occasion took place names the place; a "di" inside the
        # lead's topic may name what the agreement is about.
        return new
    if len(new.text) > len(current.text) and new.text.startswith(current.text + ","):
        return new  # the fuller writing of the same place ("Hotel Novotel Makassar, Jl Khairil Anwar")
    grounds = re.match(r"(?:kampus|kompleks|komplek|kawasan)\s+(\S+)", current.text)
    if grounds and new.text[:1].isupper() and is_building(new.text) \
            and grounds.group(1).strip(",.") in re.findall(r"[\w-]+", new.text):
        return new  # "di kampus Unsrat", then "di Gedung Rektorat Unsrat, Kleak": the building on those grounds
    return current


def _headline_end(text: str, title: str | None) -> int:
    """Where the headline line ends, when the text starts with one: a headline sums up, it reports nothing new.

    The first line is a headline when it repeats the title, or when it is short, carries no final
    punctuation and a paragraph follows.
    """
    if title:
        # The title may follow a breadcrumb or a rubric line ("Beranda » Daerah » Kota Bengkulu").
        wanted = " ".join(title.split()).lower()
        pos = 0
        for line in text[:800].split("\n")[:5]:
            if " ".join(line.split()).lower() == wanted:
                return pos + len(line)
            pos += len(line) + 1
    stripped = len(text) - len(text.lstrip())
    end = text.find("\n", stripped)
    if end < 0:
        return 0
    first = " ".join(text[stripped:end].split())
    # (a photo caption ends with its credit, not a stop: "... usai penandatanganan, Rabu (9/8). FOTO: HUMAS")
    if first and len(first.split()) <= 20 and first[-1] not in '.!?"”:' and text[end:].strip() \
            and not _PHOTO_CREDIT.search(first):
        return end
    return 0


_NAMING = re.compile(
    r"^\W*(?:(?:Kedua|Ketiga|Keempat|Kelima|Para|Adapun)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:perusahaan|pihak|instansi|lembaga|daerah|pemda|kabupaten|kota|universitas|kampus|bank|mitra|"
    r"penandatangan|pengelola|investor|koperasi|desa|kelurahan|yayasan|rumah\s+sakit|sekolah|perguruan\s+tinggi|"
    r"organisasi|asosiasi|dinas|OPD|BUMD|BUMN|kementerian|pesantren)\b[^.]{0,60}?\b(?:itu\s+|tersebut\s+)?"
    r"(?:adalah|yakni|yaitu|ialah|antara\s+lain|di\s*antaranya)\b|"
    # a label before the list: "Penandatangan: A, B dan C", "Para pihak penandatangan: ..."
    r"^\W*(?:(?:Para|Pihak)\s+)*(?:pihak\s+)?penandatangan(?:an)?(?:nya)?\s*:|"
    # "Penandatangannya adalah Direktur A dan Direktur B": who signed the document just read
    r"^\W*(?:Para\s+)?penandatangan(?:nya)?\s+(?:(?:dokumen|naskah|MoU|HoA|PKS)\s+(?:itu|tersebut|ini)\s+)?"
    r"(?:adalah|yakni|yaitu|ialah)\b|"
    # the document just signed, said to involve them: "Nota kesepahaman itu melibatkan A, B, C dan D"
    r"^\W*(?:(?:Nota\s+(?:kesepahaman|kesepakatan)|MoU|Perjanjian(?:\s+kerja\s*sama)?|PKS|Kesepakatan|Kerja\s*sama|"
    r"Penandatanganan)(?:\s+[\w-]+){0,2}?\s+(?:itu|tersebut|ini)\s+(?:turut\s+)?melibatkan)\b"
    # (not those it involves in carrying it out: "... melibatkan Dinas Kesehatan dan RSUD X sebagai pelaksana teknis")
    r"(?![^\n;]{0,200}?\bsebagai\s+(?:pelaksana|pendamping|fasilitator|narasumber|penerima|sasaran|tim|pengawas|pembina)\b)|"
    # those named made partners of the document just read: "PT A, PT B dan PT C menjadi mitra dalam kerja sama tersebut"
    # (not "Bulog tidak menjadi pihak dalam PKS tersebut": one said to be no side of it)
    r"(?<!tidak\s)(?<!bukan\s)(?<!belum\s)(?<!tak\s)\b(?:menjadi|sebagai|bertindak\s+sebagai)\s+(?:mitra|pihak)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:dalam|pada)\s+"
    r"(?:nota\s+(?:kesepahaman|kesepakatan)|MoU|perjanjian(?:\s+kerja\s*sama)?|PKS|kesepakatan|kerja\s*sama|"
    r"penandatanganan)(?:\s+[\w-]+){0,2}?\s+(?:itu|tersebut|ini)\b",
    re.IGNORECASE)


# "Keraton bertindak sebagai pihak pertama, sementara Polda bertindak sebagai pihak kedua": the document's sides.
_AS_SIDE = re.compile(r"^\s*,?\s*(?:yang\s+)?(?:(?:bertindak|berlaku|berkedudukan)\s+)?(?:sebagai|selaku)\s+"
                      r"pihak\s+(?:pertama|kedua|ketiga|I{1,3})\b", re.IGNORECASE)


# "Pihak pertama diwakili Bupati X, sedangkan pihak kedua oleh Direktur Y", "Sebagai pihak kedua, PT Z": the side
# named first, its signer after it.
_SIDE_BEFORE = re.compile(r"\bpihak\s+(?:pertama|kedua|ketiga|keempat|I{1,3})\s*(?:(?:,|:)\s*|(?:yakni|yaitu|adalah|ialah|"
                          r"oleh|(?:yang\s+)?diwakili(?:\s+oleh)?|ditandatangani(?:\s+oleh)?)\s+)*"
                          r"(?:(?:Kepala|Ketua|Direktur|Utama|Dirut|Rektor|Dekan|Pimpinan|Komandan|Plt|Plh|Pj|Penjabat)\.?\s+)*$",
                          re.IGNORECASE)
# "Dari pihak Pemkab X diwakili Sekda Y": the side whose representative signs.
_FROM_SIDE_BEFORE = re.compile(r"\b(?:dari|di)\s+pihak\s+$", re.IGNORECASE)
_SIDE_SIGNS_AFTER = re.compile(r"\s*,?\s*(?:yang\s+)?(?:(?:langsung|sendiri)\s+)?(?:diwakili|ditandatangani|"
                               r"menandatangani|meneken|oleh|"
                               # "Dari pihak Bank X, penandatanganan dilakukan (oleh) Direktur Utama"
                               r"penandatanganan(?:nya)?\s+(?:dilakukan|dilaksanakan|oleh))\b", re.IGNORECASE)
# "Sementara dari A oleh P dan dari B oleh Q" after a signing "oleh" someone: the other sides and who signed for them
# ("pihak" left out). Without "pihak" only a signing verb or "oleh" after the side says it signs ("Dari Polres X
# diwakili Kasat Y" may only attend).
# ("Dari pihak Pemkot, dokumen diteken Sekda X, sedangkan dari Kantor Pertanahan X ditandatangani ... Kepala Kantor":
# the other side, set beside the first after a comma)
_FROM_BEFORE = re.compile(r"(?:^\W*(?:(?:Sementara|Sedangkan|Adapun)(?:\s+itu)?\s*,?\s*)?|\b(?:dan|serta)\s+|"
                          r",\s*(?:sementara|sedangkan)\s+)[Dd]ari\s+$")
_FROM_SIGNS_AFTER = re.compile(r"\s*,?\s*(?:ditandatangani|menandatangani|meneken|diteken|oleh|"
                               r"penandatanganan(?:nya)?\s+(?:dilakukan|dilaksanakan|oleh))\b", re.IGNORECASE)


def _attach_sides(ctx: ArticleContext, drafts: list[Draft], sent: Span) -> None:
    """ "MoU mengatur ..., di mana A bertindak sebagai pihak pertama, sementara B bertindak sebagai pihak kedua":
    the institutions named as the parties of the document just reported sign it."""
    if not drafts or "pihak" not in sent.text.lower() and not re.search(r"\bdari\b", sent.text):
        return
    last = drafts[-1]
    if ctx.paragraphs_since(last.first.paragraph, sent.start_char) > 1:
        return
    for m in ctx.mentions_between(sent.start_char, sent.end_char):
        if m.label == "ORG" and (_AS_SIDE.match(ctx.text[m.end:min(sent.end_char, m.end + 60)])
                                 or _SIDE_BEFORE.search(ctx.text[max(sent.start_char, m.start - 60):m.start])
                                 or _FROM_SIDE_BEFORE.search(ctx.text[max(sent.start_char, m.start - 20):m.start])
                                 and _SIDE_SIGNS_AFTER.match(ctx.text, m.end)
                                 or _FROM_BEFORE.search(ctx.text[sent.start_char:m.start])
                                 and _from_side_signs(ctx.text, m, last)):
            last.add_party(m.institution, m.text, m.representative, m.start, m.end)


# "Wali Kota meneken dokumen secara bergantian. Pertama dengan General Manager PLN UID X ... Kedua dengan Direktur
# Perumda Y ...": each turn of the signing names its counterpart, the verb left out.
_TURN_WITH = re.compile(r"^\W*(?:Pertama|Kedua|Ketiga|Keempat|Kelima|Keenam|Selanjutnya|Berikutnya|Terakhir)\s*,?\s*"
                        r"(?:dengan|bersama)\s+", re.IGNORECASE)


def _attach_turns(ctx: ArticleContext, drafts: list[Draft], sent: Span) -> None:
    """A sentence with no signing word that opens "Pertama dengan X", "Kedua dengan Y" just after a signing names the
    counterpart of one turn of it: X signs that signing (SPEC: one ceremony is one event)."""
    if not drafts:
        return
    turn = _TURN_WITH.match(sent.text)
    last = drafts[-1]
    if turn is None or last.status == "planned" or ctx.paragraphs_since(last.first.paragraph, sent.start_char) > 1:
        return
    start = sent.start_char + turn.end()
    first = next((m for m in ctx.mentions_between(start, min(sent.end_char, start + 90)) if m.label == "ORG"), None)
    if first is not None and not re.search(r"[,.;]", ctx.text[start:first.start]):
        last.add_party(first.institution, first.text, first.representative, first.start, first.end)


# "Berikutnya Bupati A, Pj Bupati B, serta Wali Kota C ...": a sentence that is only the next names of a list.
# A stop that ends a sentence: not a title's or an initial's ("Ir.", "Drs.", "H.", "MM.").
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})(?<!\b[A-Z]{2})"
                            r"(?<!\b[A-Z]{3})[.!?](?:\s|$)")
# ("Kemudian dilanjutkan Kapolres A, Kapolresta B, dan Dandim C, selaku pihak kedua.": who signed next, in turn)
# ("Sementara Bupati Luwu diwakili Asisten Pemerintahan Setda Luwu": one more of the signers, through who stood in)
_NEXT_NAMES = re.compile(r"^\W*(?:(?:Berikutnya|Selanjutnya|Kemudian|Lalu|Disusul|Menyusul)\s*,?\s+(?:giliran\s+)?|"
                         r"(?:Sementara(?:\s+itu)?|Sedangkan|Adapun)\s*,?\s+(?=[^.;]*\bdiwakili\b)|"
                         r"(?:(?:Kemudian|Lalu|Selanjutnya)\s*,?\s+)?(?:dilanjutkan|disusul|diikuti)\s+(?:oleh\s+)?)"
                         r"(?-i:[A-Z])", re.IGNORECASE)


def _attach_next_signers(ctx: ArticleContext, drafts: list[Draft], sent: Span) -> None:
    """ "Dari pihak pemda, naskah ditandatangani Bupati A dan Bupati B. Berikutnya Bupati C, Pj Bupati D, serta Wali
    Kota E yang diwakili Sekda.": a sentence with no signing word that only goes on naming, right after the signers
    of a signing done, names more of them (up to any witness clause)."""
    opener = _NEXT_NAMES.match(sent.text) if drafts else None
    if opener is None or _PRESENT.search(sent.text):
        return
    last = drafts[-1]
    named = [p.start for p in last.parties if p.start is not None]
    if last.status == "planned" or not named or sent.start_char - max(named) > 300 \
            or ctx.paragraph_of(sent.start_char) - ctx.paragraph_of(max(named)) > 1 \
            or len(_SENTENCE_STOP.findall(ctx.text, max(named), sent.start_char)) > 1:
        # (only right after the sentence that named signers, not after a list of witnesses; a title's stop, "Ir.",
        # ends no sentence)
        return
    end = sent.end_char
    if (cut := WITNESS_CLAUSE.search(ctx.text, sent.start_char, end)) is not None:
        end = cut.start()
    found = [m for m in ctx.mentions_between(sent.start_char, end) if m.label == "ORG"]
    first = found[0] if found else None
    if first is None or first.start - sent.start_char > 40 \
            or re.search(r"\b(?:[a-z]{3,})\b", ctx.text[sent.start_char + opener.end() - 1:first.start]):
        return  # the names must come first: "Kemudian acara dilanjutkan ..." is another matter
    # (a verb of its own after the names: "Kemudian Bupati A menyerahkan bantuan" is another act)
    # ("Kemudian giliran Wali Kota C yang menekankan kerja sama ...": C's turn of the round, what C stressed in a
    # relative clause after it)
    # (what follows "diwakili" names the stand-in: "Adapun Disdukcapil X diwakili sekretaris dinasnya")
    span = ctx.text[first.end:end]
    span = span[:stand_in.start()] if (stand_in := re.search(r"\bdiwakili\b", span)) else span
    own_act = re.search(r"\b(?:me|ber|di)[a-z]{3,}\b", span)
    if own_act and not (re.search(r"\bgiliran\s+\S?$", opener.group(0), re.IGNORECASE)
                        and re.search(r"\byang\s+$", span[:own_act.start()])):
        return
    for m in found:
        last.add_party(m.institution, m.text, m.representative, m.start, m.end)


def _from_side_signs(text: str, m: PartyMention, last: Draft) -> bool:
    """ "Sementara dari A oleh P": a bare "oleh" after the side leaves out the signing it copies, so the signing just
    reported must be one "oleh" someone ("... MoA diteken oleh Wakil Rektor X."); "dari A, ditandatangani oleh P"
    says it itself. "Sementara dari Bank X oleh Direktur diserahkan bantuan" copies no signing."""
    after = _FROM_SIGNS_AFTER.match(text, m.end)
    if after is None:
        return False
    if not re.fullmatch(r"\s*,?\s*oleh", after.group(0), re.IGNORECASE):
        return True
    reported = (last.mentions[-1] if last.mentions else last.first.trigger).sentence
    return re.search(r"\boleh\b", reported, re.IGNORECASE) is not None and not re.search(
        r"\boleh\s+(?:[\w.'’-]+\s+){1,8}?(?:di|me)[a-z]{3,}", text[m.end:m.end + 120])


def _signers_named(text: str, cand: Candidate) -> bool:
    """ "Kepala daerah yang hadir menandatangani antara lain A, B dan C": a bare act in a relative clause, those who did
    it named after it, some of them: who signed the signing just read (_attach_named), not a new signing with them."""
    return not cand.trigger.agreements and cand.date is None \
        and bool(re.search(r"\byang\s+(?:[\w-]+\s+){0,2}$", text[max(0, cand.trig_start - 40):cand.trig_start])) \
        and bool(re.match(r"\s*(?:antara\s+lain|di\s*antaranya|adalah|yakni|yaitu|ialah)\b", text[cand.trig_end:],
                          re.IGNORECASE))


def _sentences_apart(ctx: ArticleContext, start: int, later: int) -> int:
    """How many sentences on the sentence at `later` is from the one at `start`."""
    import bisect

    return bisect.bisect_right(ctx.sentence_starts, later) - bisect.bisect_right(ctx.sentence_starts, start)


def _attach_named(ctx: ArticleContext, drafts: list[Draft], sent: Span) -> None:
    """ "... bersama dua perusahaan." then "Kedua perusahaan itu adalah PT X ... serta PT Y": they sign too."""
    if not drafts or not (naming := _NAMING.search(sent.text)) or _NOT_SIGNED_YET.search(sent.text):
        return
    if re.search(r"\b(?:disaksikan|menyaksikan|dihadiri|menghadiri)\b", sent.text[:naming.end()], re.IGNORECASE):
        return  # "Penandatanganan tersebut disaksikan oleh sejumlah pihak, yaitu A, B ...": who watched, listed
    last = drafts[-1]
    if ctx.paragraphs_since(last.first.paragraph, sent.start_char) > 1 \
            and _sentences_apart(ctx, last.first.sent_start, sent.start_char) > 2:
        return  # (two sentences on is near too, where each sentence is a paragraph of its own)
    for m in ctx.mentions_between(sent.start_char, sent.end_char):
        if m.label == "ORG" and not re.search(r"\b(?:diwakili|mewakili|oleh)\s+(?:[\w.]+\s+){0,3}$|"
                                              # "Koperasi A dari Kecamatan B": where the one named comes from
                                              r"\b(?:dari|asal|di)\s+$",
                                              ctx.text[max(sent.start_char, m.start - 40):m.start]):
            last.add_party(m.institution, m.text, m.representative, m.start, m.end)


_BESIDES = re.compile(r"(?:^|(?<=\n))[^\w\n]*(?:Selain|Di\s+samping)\s+(?P<who>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}?)\s*,")


def _attach_besides(ctx: ArticleContext, cand: Candidate) -> None:
    """ "Selain Tito, SKB itu ditandatangani Mendikbud ... dan Menag ...": the one named after "Selain" signs too;
    a person stands for the institution the article names him the official of ("Mendagri Tito Karnavian")."""
    text = ctx.text
    besides = _BESIDES.search(text[cand.sent_start:cand.trig_start])
    if besides is None or cand.placed is None or cand.trigger.similar or records_earlier(cand, text):
        # ("Selain UB, Polresta berencana menandatangani PKS serupa dengan UM": UB signed the earlier one; "Selain
        # Pemprov, Kejati juga telah meneken MoU dengan A dan B": Pemprov signed the one just reported)
        return
    start, end = (cand.sent_start + i for i in besides.span("who"))
    inside = [m for m in ctx.mentions_between(start, end) if m.label == "ORG"]
    if not inside:
        name = besides.group("who").split()[0]
        inside = [m for m in ctx.mentions if m.official and m.representative
                  and re.search(rf"\b{re.escape(name)}\b", m.representative[len(m.text):])]
        if len({m.institution.key for m in inside}) != 1:
            return
    m = inside[0]
    cand.placed.add_party(m.institution, m.text, m.representative, m.start, m.end)


def _group_noun(group: re.Match) -> str:
    return group.group(0).split()[-1].lower()


def _group_listed(sent: Span, n_sent: int) -> _GroupList | None:
    """ "Lima daerah di Provinsi Jambi yakni Tebo, Sarolangun, ...": a group and its list, in a sentence that reports
    no signing."""
    group = GROUP_PHRASE.search(sent.text)
    if group is None:
        return None
    opener = LIST_OPENER.search(sent.text, group.end())
    if opener is None or opener.start() - group.end() > 60:
        return None
    return _GroupList(_group_noun(group), sent.start_char + opener.end(), sent.end_char, n_sent)


def _attach_cooperating(draft: Draft, mentions: list[PartyMention]) -> None:
    """ "Pemkab X menjalin kerja sama dengan RSUD Y." then "Penandatanganan PKS berlangsung Rabu (3/1).": a signing
    that names no institution of its own, or only some of those just said to cooperate, formalises that
    cooperation; they sign it (an elided subject guessed for it gives way to them)."""
    keys = {m.institution.key for m in mentions}
    named = {k for p, k in zip(draft.parties, draft.keys, strict=True) if p.start is not None}
    if len(mentions) == 1 and named and not named & keys:
        # "Universitas X menjalin kerja sama dengan sejumlah pemerintah daerah." then "Nota kesepahaman ditandatangani
        # Bupati A dan Bupati B": a cooperation with a group the text does not name, and a signing by others; they
        # are the group's members, and X the side they sign with.
        draft.add_party(mentions[0].institution, mentions[0].text, mentions[0].representative, mentions[0].start,
                        mentions[0].end)
        return
    if not named <= keys or len(named) >= 2:
        return
    for i in range(len(draft.parties) - 1, -1, -1):
        if draft.parties[i].start is None and draft.keys[i] not in keys:
            del draft.parties[i]
            del draft.keys[i]
    draft.subjects = [s for s in draft.subjects if s.key in draft.keys]
    for m in mentions:
        draft.add_party(m.institution, m.text, m.representative, m.start, m.end)


def _attach_split_signers(ctx: ArticleContext, drafts: list[Draft], sent: Span) -> None:
    """ "... ditandatangani Walikota Makassar Moh." | "Ramdhan Pomanto dan Ketua DPRD Kota Makassar ...": the sentence
    was cut inside a signer's name; the institutions its continuation names (before any witness) sign too."""
    if not drafts or not _split_name(drafts[-1], sent, ctx.text):
        return
    draft = drafts[-1]
    if draft.first.trig_end > draft.first.sent_end or not _wrapped(draft, sent, ctx.text) and not any(
            p.start is not None and p.start >= draft.first.trig_end for p in draft.parties):
        return  # the cut was not in the list of signers after the signing word
    venues = [(sent.start_char + v.start, sent.start_char + v.end) for v in find_venues(sent.text)]
    for m in ctx.mentions_between(sent.start_char, sent.end_char):
        if WITNESS_CLAUSE.search(ctx.text, sent.start_char, m.start) or _SPEECH.search(ctx.text, sent.start_char,
                                                                                       m.start):
            break
        if m.label == "ORG" and not any(a <= m.start and m.end <= b for a, b in venues) \
                and not _LOCATIVE_BEFORE.search(ctx.text[max(sent.start_char, m.start - 30):m.start]):
            draft.add_party(m.institution, m.text, m.representative, m.start, m.end)


# "Tiga daerah lain, yakni A, B dan C, masih menyiapkan dokumen dan diharapkan menyusul": a list of those who have
# not signed yet (no schedule given: no planned signing either).
_NOT_SIGNED_YET = re.compile(r"\b(?:belum\s+(?:ikut\s+|turut\s+)?(?:menandatangani|meneken|menyepakati|teken|bisa|dapat|"
                             r"dilakukan|ditandatangani)|masih\s+(?:menyiapkan|menunggu|menyusun|membahas|dalam\s+proses|"
                             r"berproses|mempelajari|mengkaji)|(?:diharapkan|diupayakan)\s+(?:dapat\s+|bisa\s+|segera\s+)?"
                             r"menyusul|menyusul\s+kemudian|"
                             # "Tiga daerah lainnya, yakni A, B dan C, dijadwalkan menyusul menandatangani pekan depan":
                             # the rest of the group, to sign later
                             r"(?:dijadwalkan|direncanakan|rencananya|akan)\s+(?:(?:segera|baru)\s+)?menyusul|"
                             # "tiga kepala daerah berhalangan hadir, yakni A, B dan C": who did not come signed nothing
                             # (unless represented: "berhalangan hadir dan diwakili Sekda")
                             r"(?:berhalangan|(?:tidak|tak)\s+(?:dapat\s+|bisa\s+|sempat\s+)?hadir|absen)"
                             r"(?![^.]{0,40}\bdiwakil))\b", re.IGNORECASE)
_ATTENDING = re.compile(r"\b(?:hadir|dihadiri|menghadiri|disaksikan|menyaksikan)\b", re.IGNORECASE)


# Who is said to be present at the occasion (not who witnesses it: "disaksikan" names no member of a group).
_PRESENT = re.compile(r"\b(?:dihadiri(?:\s+oleh)?|menghadiri|hadir)\b", re.IGNORECASE)


# A group of any kind of body: "tiga instansi", "empat lembaga", "kedua pihak".
_ANY_KIND_GROUP = re.compile(r"\b(?:instansi|lembaga|institusi|pihak)\b", re.IGNORECASE)


def _present_members(sentence: str, said: re.Match) -> int | None:
    """Where the members of a counted group who came are listed in its sentence: "delapan kepala daerah hadir
    (secara langsung), masing-masing A, B ..." (not "tiga kepala daerah berhalangan hadir, yakni ...")."""
    if _group_count(_group_words(sentence, said)) is None:
        return None
    opener = LIST_OPENER.search(sentence, said.end())
    if opener is None or _NOT_SIGNED_YET.search(sentence) \
            or not re.search(r"\b(?:hadir|datang|menghadiri)\b", sentence[said.end():opener.start()], re.IGNORECASE) \
            or re.search(r"\b(?:tidak|tak|belum|absen|berhalangan|diwakil\w*)\b", sentence[said.end():opener.start()],
                         re.IGNORECASE):
        return None
    return opener.end()


def _group_count(group: str) -> int | None:
    """How many the group phrase counts ("lima pemerintah kabupaten/kota": 5), if it counts."""
    count = re.match(r"\s*(\d{1,2}|[a-z]+)\b", group.lower())
    return (int(count.group(1)) if count.group(1).isdigit() else NUMBER_WORDS.get(count.group(1))) if count else None


def _group_filled(listing: _Listing, drafts: Sequence[Draft]) -> bool:
    """Whether the signing already has as many parties of the group's kind as its group counts ("Tiga instansi
    menandatangani ... Ketiganya adalah A, B dan C"): its list is complete, and a later sentence naming more bodies
    ("Wilayah kerja B meliputi Kota X, Kabupaten Y ...") does not go on with it. Agreements one per counterpart
    ("MoU dengan empat daerah lain sudah selesai. Yaitu A, B, C dan D.") count their counterparts."""
    n = _group_count(listing.group)
    fits = _group_kind(listing.group) or ((lambda inst: True) if _ANY_KIND_GROUP.search(listing.group) else None)
    if n is None or fits is None:
        return False
    parties = listing.draft.parties
    if listing.draft.per_counterpart:
        signer = {s.key for s in listing.draft.subjects}
        parties = list({k: p for d in drafts if d.first is listing.draft.first
                        for k, p in zip(d.keys, d.parties, strict=True) if k not in signer}.values())
    return sum(1 for p in parties if fits(p)) >= n


def _attach_counted_members(ctx: ArticleContext, listing: _Listing, start: int, end: int) -> None:
    """The institutions of the group's kind named in [start, end) that are not parties yet join the listing's signing,
    when there are exactly as many as the group counts ("lima pemerintah kabupaten/kota" and five heads named)."""
    n = _group_count(listing.group)
    fits = _group_kind(listing.group)
    if n is None or fits is None:
        return
    found = {m.institution.key: m for m in ctx.mentions_between(start, end)
             if m.label == "ORG" and fits(m.institution) and m.institution.key not in listing.draft.keys}
    if len(found) == n:
        for m in found.values():
            listing.draft.add_party(m.institution, m.text, m.representative, m.start, m.end)


def _opens_with_regions(ctx: ArticleContext, sent: Span) -> bool:
    """ "Mamuju, Majene, Polewali Mandar serta Mamasa semuanya diwakili bupati.": a sentence that opens with a list of
    regions named bare carries on a group's list."""
    start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    ents = sorted((e for e in ctx.doc.ents if e.label_ == "LOC" and e.kb_id_.startswith("pemda:")
                   and sent.start_char <= e.start_char < sent.end_char), key=lambda e: e.start_char)
    if not ents or ents[0].start_char != start:
        return False
    chain = 1
    for prev, ent in itertools.pairwise(ents):
        if not _LIST_SEP.fullmatch(ctx.text, prev.end_char, ent.start_char):
            break
        chain += 1
    return chain >= 2


def _only_names(ctx: ArticleContext, sent: Span) -> bool:
    """A line that does nothing but name institutions ("Dinas A Prov. X dan Dinas B Prov. Y.") carries on a list."""
    mentions = ctx.mentions_between(sent.start_char, sent.end_char)
    if not mentions or re.fullmatch(r"\s*\([^()]*\)[\s.]*", sent.text):
        return False  # ("(Kominfo Kediri)" closing the article: the source's credit, no list item)
    rest, pos = [], sent.start_char
    for m in mentions:
        rest.append(ctx.text[pos:m.start])
        pos = max(pos, m.end)
    rest.append(ctx.text[pos:sent.end_char])
    # (a line's note of who stood in, "Kabupaten Bone Bolango (diwakili Sekda)", names no more than its item)
    leftover = re.sub(r"\((?:di|me)wakili\b[^()]*\)", " ", " ".join(rest), flags=re.IGNORECASE)
    leftover = re.sub(r"\b(?:dan|serta|&)\b|[\W\d_]|\b[a-zA-Z]\b", " ", leftover)
    limit = 3 if len(mentions) >= 2 else 1
    if len(leftover.split()) <= limit:
        return True
    # ("Kesembilan mitra tersebut ialah:" then "PMI Provinsi Jawa Barat; ORARI Daerah Jawa Barat; Rumah Zakat; ...":
    # in a line of names a colon opened, an item no list names is still an item; only words in lower case do
    # something else)
    return len(mentions) >= 2 and re.search(r":\s*$", ctx.text[max(0, sent.start_char - 5):sent.start_char]) is not None \
        and len(re.findall(r"[;,]", sent.text)) >= 2 and len([w for w in leftover.split() if not w[:1].isupper()]) <= limit


def _address(text: str, prev: PartyMention | None, m: PartyMention) -> bool:
    """A province named right after a body of that province is its address, not a signer: "Pemerintah Kota
    Ternate Provinsi Maluku Utara", "Bupati Sarolangun Provinsi Jambi", "Pemkab Karimun, Provinsi Kepri"."""
    code = m.institution.region_code
    if prev is None or not code or len(code) != 2 or m.institution.kind != "pemerintah_daerah":
        return False
    if not re.match(r"(?:Provinsi|Prov\.?)\s", m.text):
        return False
    if not re.fullmatch(r"\s*,?\s*", text[prev.end:m.start]):
        return False
    prev_code = prev.institution.region_code or ""
    return len(prev_code) > 2 and prev_code.startswith(code)


_PROVINCE_AFTER = re.compile(r",\s*(?:Provinsi\s+|Prov\.\s*)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s*(?=[,.;)]|$|\s+dan\b)")


def _located_in(text: str, prev: PartyMention | None, m: PartyMention, gazetteer: Gazetteer) -> bool:
    """A city or regency named bare in an address, after a comma and before its province, is a place, not a
    signer: "pimpinan Pondok Pesantren Nurul Huda, Kota Bogor, Jawa Barat", "di Auditorium X, Jalan Y, Genuk, Kota
    Semarang, Jawa Tengah". A regional government's own name ("Pemerintah Kota Bogor", "Wali Kota Bogor") is never
    an address, nor is a region listed after another government ("Pemkab Garut, Kota Bandung, ...")."""
    code = m.institution.region_code
    if prev is None or not code or len(code) == 2 or m.institution.kind != "pemerintah_daerah":
        return False
    if not re.match(r"(?:Kota|Kabupaten|Kab\.)\s", m.text) or not re.search(r",\s*$", text[max(0, m.start - 3):m.start]):
        return False
    if re.fullmatch(r"\s*,\s*", text[prev.end:m.start]) and prev.institution.kind in {"pemerintah_daerah", "dprd",
                                                                                     "ombudsman"}:
        return False  # "Pemkab Garut, Kota Bandung, ...": a list of governments
    province = _PROVINCE_AFTER.match(text, m.end)
    return province is not None and code.split(".")[0] in gazetteer.lookup_region(province.group(1), "provinsi")


def _list_item(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is a whole item of a list ("Tebo, Sarolangun dan Kota Jambi"), not the place
    part of a name ("STIESIA Surabaya", "IAIN Kudus")."""
    before = text[max(0, start - 12):start]
    after = text[end:end + 8]
    # "... ialah A dan B. Kemudian C, D serta E": the continuation word opens the next part of the list
    if not re.search(r"(?:^|[,;:(]|(?-i:(?<![A-Z]))\.|\b(?:dan|serta|yakni|yaitu|adalah|antaranya|meliputi|lain|misalnya|ialah|"
                     r"kemudian|selanjutnya|lalu|juga|lagi))\s*$", before, re.IGNORECASE):
        return False
    # "..., Banggai dan Tolitoli menandatangani ...": the last item, after "dan", runs straight into the list's verb
    return bool(re.match(r"\s*(?:[,;.)]|dan\b|serta\b|$)", after)) or bool(
        re.search(r"\b(?:dan|serta)\s*$", before) and _LIST_PREDICATE.match(text, end))


_LIST_PREDICATE = re.compile(r"[ \t]+(?:(?:me|ber|di)[a-z]{3,}|telah|sudah|akan|resmi|juga|turut|sepakat|bersepakat|"
                             r"semua(?:nya)?|masing-masing)\b")


def _placed_after(text: str, found: list[PartyMention], ent: Span) -> bool:
    """ "RS Marina Permata, Tanah Bumbu, RSJ Sambang Lihum, Banjar dan ...": a region named bare just after an
    institution that is not a regional government is where that institution stands, not a signer of its own."""
    prev = max((m for m in found if m.end <= ent.start_char), key=lambda m: m.end, default=None)
    # (the address may go on to the province: "RSUD Panglima Sebaya, Paser, Kalimantan Timur")
    return prev is not None and not prev.institution.key.startswith("pemda:") \
        and re.fullmatch(r"\s*,\s*(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s*,\s*){0,2}", text[prev.end:ent.start_char]) is not None


def _described(text: str, start: int, m: PartyMention) -> bool:
    """ "Koperasi Cermat (karyawan Bank Sumsel Babel), Bina Praja, dan ...": an institution inside the brackets after
    a listed item describes that item (its members, its owner), it is no item of the list."""
    before = text[start:m.start]
    opened = before.rfind("(")
    return opened > before.rfind(")") and bool(re.search(r"\w", before[:opened]))


# The kind of institution a group's members are, by the group's noun ("tiga pemerintah daerah", "para bupati", "lima
# perguruan tinggi", "tujuh bank").
_GROUP_KINDS = (
    (re.compile(r"\b(?:pemerintah|pemda|pemkab|pemkot|daerah|kabupaten|kota|bupati|wali\s*kota|walikota)\b",
                re.IGNORECASE), lambda inst: inst.kind == "pemerintah_daerah"),
    (re.compile(r"\b(?:perguruan\s+tinggi|universitas|kampus|PTN|PTS)\b", re.IGNORECASE),
     lambda inst: inst.kind == "perguruan_tinggi"),
    (re.compile(r"\b(?:bank|perbankan)\b", re.IGNORECASE), lambda inst: re.search(r"\bBank\b", inst.name) is not None),
    (re.compile(r"\b(?:perusahaan|BUMN|BUMD)\b", re.IGNORECASE), lambda inst: inst.kind in {"swasta", "bumn_bumd"}),
    (re.compile(r"\bkoperasi\b", re.IGNORECASE), lambda inst: re.search(r"\bKoperasi\b", inst.name) is not None),
)


def _group_kind(group: str):
    """Whether an institution is of the group's kind or kinds ("sejumlah pemerintah kota, kabupaten serta perguruan
    tinggi": either); None when the words name no kind (or the text gave no group)."""
    kinds = [fits for noun, fits in _GROUP_KINDS if noun.search(group)]
    if not kinds:
        return None
    return lambda inst: any(fits(inst) for fits in kinds)


def _group_words(sentence: str, group: re.Match) -> str:
    """The group phrase and the groups coordinated with it ("sejumlah pemerintah kota, kabupaten serta perguruan
    tinggi di wilayah X"), up to the clause's end or its list."""
    rest = re.split(r"[.;:()]|\b(?:yakni|yaitu|antara\s+lain|di\s*antaranya|seperti|pada|di)\b", sentence[group.end():],
                    maxsplit=1)[0]
    return group.group(0) + rest[:80]


# The body whose standard or judgment something is measured by: "sesuai ketetapan Ombudsman RI".
_MEASURED_BY = re.compile(r"\b(?:sesuai|menurut|berdasarkan)\s+(?:dengan\s+)?(?:ketetapan|standar|penilaian|arahan|aturan|"
                          r"ketentuan|rekomendasi|kriteria|predikat|hasil\s+(?:penilaian|survei|evaluasi))\s+$",
                          re.IGNORECASE)


# "... dijadwalkan menyusul menandatangani", "akan menyusul": to sign later than those just read.
_FOLLOWING_LATER = re.compile(r"\bmenyusul\b", re.IGNORECASE)


# The rest of a counted group, its members listed first: "Tiga daerah lainnya, yakni A, B dan C, ...".
_OTHERS_LISTED = re.compile(r"\W*(?:Sebanyak\s+|Adapun\s+)?" + _NUMBER + r"\s+(?:[\w/-]+\s+){1,3}?lain(?:nya)?\s*,?\s*"
                            r"(?:yakni|yaitu|ialah|antara\s+lain|di\s*antaranya|masing-masing)\s*:?\s+", re.IGNORECASE)


def _listed_items(ctx: ArticleContext, start: int, end: int) -> list[PartyMention]:
    """The institutions listed in [start, end): the mentions, and regions named bare as items of the list ("Tebo,
    Sarolangun, Kota Jambi"), which stand for their governments."""
    text = ctx.text
    found = [m for m in ctx.mentions_between(start, end) if m.label == "ORG"]
    taken = [(m.start, m.end) for m in ctx.mentions]
    for ent in ctx.doc.ents:
        if ent.label_ != "LOC" or not ent.kb_id_.startswith("pemda:") or ent.start_char < start \
                or ent.end_char > end or any(a <= ent.start_char < b for a, b in taken):
            continue
        inst = ctx.gazetteer.institutions.get(ent.kb_id_.split("#")[0])
        if inst is not None and _list_item(text, ent.start_char, ent.end_char) and not _placed_after(text, found, ent):
            found.append(PartyMention(ent.start_char, ent.end_char, ent.text, inst, False))
    return sorted(found, key=lambda x: x.start)


def _attach_listed(ctx: ArticleContext, draft: Draft, start: int, end: int, skip_witnesses: bool = True,
                   drafts: list[Draft] | None = None, fits=None) -> None:
    """Every institution listed in [start, end) signs with the draft (extractors/signer_lists.py); for an
    earlier or planned signing without a date (``drafts`` given), each listed counterpart signs its own. ``fits``,
    when given, keeps only the group's own kind."""
    text = ctx.text
    for m in _listed_items(ctx, start, end):
        before = text[max(start, m.start - 30):m.start]
        if _LOCATIVE_BEFORE.search(before) or re.match(r"\s*/\s*(?:Kota|Kabupaten)", text[m.end:m.end + 12]):
            continue
        # (After "disaksikan" the list names witnesses even where the list follows who attended: "... dilakukan
        # Bupati A dan masing-masing rektor, disaksikan Ketua DPRD"; only a companion, "didampingi", may be
        # followed by more signers there.)
        witness = WITNESS_CLAUSE.search(text, start, m.start)
        if witness and (skip_witnesses or not re.match(r"(?:di|men)dampingi", witness.group(0), re.IGNORECASE)):
            break
        if _described(text, start, m) or fits is not None and not fits(m.institution):
            continue
        if _MEASURED_BY.search(text, max(start, m.start - 60), m.start):
            continue  # "..., yakni kategori kepatuhan sangat tinggi sesuai ketetapan Ombudsman RI": a standard's author
        target = draft
        # Not every example list: "beberapa kepala daerah yang melakukan MoU dengan X, di antaranya A, B" lists
        # the signers of one round with X, not the counterparts of separate agreements.
        if drafts is not None and draft.date is None and (draft.per_counterpart or _secondary(draft.first, text)) \
                and not _done_by(text, draft.first) and m.institution.key not in \
                draft.keys and any(k not in {s.key for s in draft.subjects} for k in draft.keys):
            target = _sibling(draft, drafts)
        target.add_party(m.institution, m.text, m.representative, m.start, m.end)


# "Tempatnya tetap di X", "Lokasinya di X", "Rencananya di X": where the signing just read is (to be) held.
_ITS_PLACE = re.compile(r"\b(?:[Tt]empatnya|[Ll]okasinya|[Rr]encananya|[Tt]empat\s+penandatanganan(?:nya)?)\s+"
                        r"(?:(?:tetap|masih|nanti|akan|juga|pun)\s+){0,2}(?:(?:di)?gelar\s+|dilaksanakan\s+)?di\s+")


def _attach_occasion(drafts: list[Draft], sent: Span, ref: dt.date | None, page: Sequence[tuple[int, int]] = (),
                     text: str | None = None) -> None:
    """ "Kegiatan yang digelar di X tersebut": the venue (and date) of the event just read (`text`: the doc's)."""
    if drafts and _split_name(drafts[-1], sent, sent.doc.text if text is None else text):
        # "... ditandatangani Walikota Makassar Moh." | "Ramdhan Pomanto ..., di Gedung DPRD, Jumat (28/10).":
        # the sentence was cut at a name's abbreviation; its place is the signing's.
        venues = [v for v in find_venues(sent.text) if not too_wide(sent.text, v)]
        if venues and drafts[-1].venue is None and drafts[-1].status != "planned":
            v = venues[0]
            drafts[-1].venue = VenueMention(v.text, sent.start_char + v.start, sent.start_char + v.end, v.explicit)
    if not drafts:
        return
    last = drafts[-1]
    placed = _ITS_PLACE.search(sent.text)
    if placed and last.venue is None:
        # "Tempatnya tetap di Pendopo Bupati Lombok Timur, Selong," of a signing put off: its place, planned or not
        venues = [v for v in find_venues(sent.text) if v.start >= placed.end() - 3 and not too_wide(sent.text, v)]
        if venues:
            v = venues[0]
            last.venue = VenueMention(v.text, sent.start_char + v.start, sent.start_char + v.end, True)
            return
    meeting = _MEETING_BACK.search(sent.text)
    # "Menurut Rektor, penandatanganan akan dilaksanakan di X": the occasion after who says it
    said = _ATTRIBUTED.match(sent.text)
    if not _OCCASION.search(sent.text[said.end() if said else 0:]) and not (
            meeting and re.search(rf"\b{meeting.group(1)}\b", last.first.trigger.sentence, re.IGNORECASE)):
        return
    told = _occasion_told_next(sent.doc.text if text is None else text, last.first.sent_end)
    told_next = told is not None and sent.start_char <= told.end() <= sent.end_char
    if len(drafts) > 1 and _PAST_MARKERS.search(last.first.trigger.sentence) \
            and not _PAST_MARKERS.search(drafts[0].first.trigger.sentence) and not told_next:
        # (unless the sentence right after it, in its paragraph, points back to it: "Kegiatan tersebut berlangsung
        # di Aula X, Selasa (6/7).")
        # "Sehari sebelumnya, FK Unhas telah lebih dulu meneken PKS ... di Watampone." then "Acara di Ruang Senat
        # dihadiri ...": the occasion is the one the article reports, not the earlier signing told in passing
        return
    venues = [v for v in find_venues(sent.text) if (v.explicit or re.search(r"\b(?:tersebut|ini)\b", sent.text))
              and not too_wide(sent.text, v)]
    if last.status == "planned":
        # a planned signing has no place until the text announces one with it ("akan dilaksanakan di X")
        venues = [v for v in venues if announced_place(sent.text, v)]
        if venues and last.venue is None:
            v = venues[0]
            last.venue = VenueMention(v.text, sent.start_char + v.start, sent.start_char + v.end, v.explicit)
    if venues and last.status != "planned":
        v = venues[0]
        last.venue = _more_specific(last.venue, VenueMention(v.text, sent.start_char + v.start,
                                                            sent.start_char + v.end, v.explicit))
    if last.date is None and last.status != "planned":
        dates = [d for d in find_dates(sent.text, ref) if d.precision == "day"
                 and not _in_spans(sent.start_char + d.start, page) and not bounds_period(sent.text, d.start, d.end)]
        if dates:
            last.date = _shift(dates[0], sent.start_char)


# The year a budget is for ("Perubahan APBD Gorontalo tahun 2024", "Tahun Anggaran 2024") is no mark of an earlier
# signing.
_BUDGET_YEAR = re.compile(r"\b(?:R?APBD\w*|APBN\w*|KUA|PPAS)\b(?:\s+[\w.-]+){0,3}?\s+tahun\s+(?:anggaran\s+)?"
                          r"(?:19|20)\d{2}\b|\btahun\s+anggaran\s+(?:19|20)\d{2}\b", re.IGNORECASE)


# "... menggelar rapat paripurna dalam rangka penandatanganan nota kesepakatan ..." then "Rapat ini dipimpin ...
# di Ruang Sidang Utama, Jumat (20/9/2024)": the meeting the signing was held in, referred back to.
_MEETING_BACK = re.compile(r"^\W*(rapat|sidang|paripurna|pertemuan|forum)\s+(?:ini|tersebut|itu)\b", re.IGNORECASE)


# "tindak lanjut penandatanganan MoU", "menindaklanjuti kesepakatan": the signing is what is followed up
# ("ditindaklanjuti dengan penandatanganan" is the opposite: the signing is the follow-up).
_FOLLOWED_UP = re.compile(r"\b(?:tindak\s*lanjut|menindaklanjuti|tindaklanjut)(?:\s+(?:dari|atas|hasil))?"
                          r"\s*(?:(?!(?:dengan|melalui|lewat|berupa|yakni|yaitu)\s)\w+\s+)?$", re.IGNORECASE)
# A sentence that places its signing at the occasion just reported: "Acara ini turut diakhiri dengan
# penandatanganan MoU ...", "Pada kesempatan yang sama, juga ditandatangani ...".
_SAME_OCCASION = re.compile(
    r"^\W*(?:Acara|Kegiatan|Agenda)\s+(?:ini|tersebut|itu)\b|"
    r"\b(?:pada|dalam|di)\s+(?:kesempatan|acara|kegiatan|agenda|momen|momentum)\s+(?:yang\s+sama|tersebut|itu|ini)\b|"
    r"\b(?:di\s*sela|disela)", re.IGNORECASE)


# A sentence opened by the side its signers come from, then the document signed: "Dari kalangan kampus, MoU diteken
# ...", "Sementara dari unsur perbankan, nota kesepahaman ditandatangani ...".
_SIDE_OPENING = re.compile(r"\W*(?:(?:Sementara(?:\s+itu)?|Adapun|Kemudian|Lalu)\s+)?(?:[Dd]ari|[Dd]i)\s+(?:kalangan|pihak|unsur|"
                           r"jajaran|sisi|lingkungan)\s+[^,.;]{2,50},\s*(?:(?:MoU|MOU|PKS|[Nn]ota\s+[Kk]esepahaman|"
                           r"[Nn]ota\s+[Kk]esepakatan|[Pp]erjanjian(?:\s+[Kk]erja\s*[Ss]ama)?|[Kk]esepakatan|[Nn]askah|[Dd]okumen)"
                           r"(?:\s+(?:itu|tersebut|ini|yang\s+sama))?\s+)?(?:(?:juga|pun|turut|ikut)\s+)?$")
# The opening of a sentence that puts its act first: "Dari kalangan BUMN, ikut menandatangani ...", "Turut
# menandatangani ...".
# ("Selain itu, turut membubuhkan tanda tangan Kepala Dinas A, Ketua B ...": more signers of the signing just read)
_FRONTED_OPENING = re.compile(r"\W*(?:(?:(?:Dari|Di)\s+[^,.;]{2,60}|Selain\s+itu|Di\s+samping\s+itu|Kemudian|Selanjutnya),\s*)?"
                              r"(?:(?:juga|pun)\s+)?(?:[Tt]urut|[Ii]kut)\s+(?:serta\s+)?(?:pula\s+)?")
# The titles of whoever signs for a body named right after them ("Direktur Utama PT X", "Ketua KPU A").
_SIGNER_TITLES = (r"(?:(?:Kepala|Ketua|Direktur|Rektor|Pimpinan|Pemimpin|Utama|Dirut|General|Manager|Manajer|GM|Presiden|"
                  r"CEO|Sekretaris|Wakil|Komandan|Cabang|Wilayah|Plt|Plh|Pj|Penjabat)\.?\s+)*")
# A signing said to be done or seen done, before its signing word.
_DONE_OR_WITNESSED = re.compile(r"\b(?:saksi|menyaksikan|disaksikan|telah|sudah|resmi)\b", re.IGNORECASE)
# A stance taken on a document, between who takes it and the document: "menyatakan dukungannya atas", "mengapresiasi".
_STANCE_ON = re.compile(r"\b(?:menyatakan\s+(?:dukungan(?:nya)?|apresiasi(?:nya)?)|mendukung|mengapresiasi|menyambut\s+"
                        r"(?:baik|positif)|mengomentari|menyoroti|memuji)\b", re.IGNORECASE)
# A sentence that counts off the documents of a signing: "Dokumen kedua adalah ...", "Naskah ketiga, ...".
_NEXT_DOCUMENT = re.compile(r"\W*(?:Dokumen|Naskah|Perjanjian|Kesepakatan|Nota)\s+(?:yang\s+)?(?:pertama|kedua|ketiga|keempat|"
                            r"kelima|keenam|berikutnya|selanjutnya|lainnya|terakhir)\b|"
                            # "Sebanyak tiga kesepakatan diteken ... Kedua, nota kesepahaman C dengan D. Ketiga, LoI
                            # antara E dan F": the counted documents, each opened by its ordinal
                            r"\W*(?:Pertama|Kedua|Ketiga|Keempat|Kelima|Keenam|Terakhir)\s*,\s*(?:berupa\s+|yakni\s+|"
                            r"adalah\s+)?(?:nota|MoU|PKS|MoA|LoI|letter|perjanjian|kesepakatan|naskah|dokumen|"
                            r"memorandum)\b")
_NAME_ABBREVIATION_END = re.compile(r"(?:^|\s)[A-Z][a-z]{0,3}\.\s*$")


def _cut_at_name(text: str, prev: Span, sent: Span) -> bool:
    """Whether `sent` goes on with `prev`, a sentence cut after a name's abbreviation ("Prof.", "Moh.")."""
    gap = text[prev.end_char:sent.start_char]
    return gap.strip() == "" and "\n" not in gap and "\n" not in prev.text.strip() \
        and bool(_NAME_OR_INITIALS_END.search(prev.text.rstrip()))


_NAME_OR_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|(?!RI\.)[A-Z]{2})\.\s*$")  # "Prof.", "Moh.", "AH."


def _split_name(draft: Draft, sent: Span, text: str) -> bool:
    """Whether `sent` continues the draft's own sentence, cut after a name's abbreviation ("Moh.", "H.", "Ir.").

    `text` is the article's text (sent.doc.text rebuilds it from every token on each call).
    """
    gap = text[draft.first.sent_end:sent.start_char]
    own = text[draft.first.sent_start:draft.first.sent_end].rstrip(" \t")
    # A paragraph's end is no cut: "..., kata Bupati Siak Alfian Hadi." closes its paragraph, "Hadi." no "Moh.".
    return gap.strip() == "" and "\n" not in gap and not own.endswith("\n") \
        and sent.start_char > draft.first.sent_start and bool(_NAME_ABBREVIATION_END.search(own)) \
        or _wrapped(draft, sent, text)


# A line that stops where its sentence cannot: after "oleh", "antara", "dengan", "dan", a passive signing verb.
_DANGLING_END = re.compile(r"(?<![\w-])(?:oleh|antara|dengan|dan|serta|bersama|yakni|yaitu|ditandatangani|diteken|"
                           r"menandatangani|meneken)[ \t]*:?[ \t]*$", re.IGNORECASE)


def _wrapped(draft: Draft, sent: Span, text: str) -> bool:
    """ "... ditandatangani oleh" | "Bupati X dan Kepala Kejaksaan Negeri X": a hard-wrapped line break inside the
    signing's sentence (cleaning makes each line of a page its own paragraph), the line ending on a word that needs
    what follows."""
    line = text[draft.first.sent_start:draft.first.sent_end].rstrip()
    gap = text[draft.first.sent_start + len(line):sent.start_char]
    return gap.strip() == "" and 1 <= gap.count("\n") <= 2 and sent.start_char > draft.first.sent_start \
        and bool(_DANGLING_END.search(line))


# "Dalam rakor itu, Gubernur telah menandatangani ...": the signing put at the occasion just reported, whose day it
# takes however it is told ("telah" or not).
_AT_THAT_OCCASION = re.compile(r"\b(?:[Dd]alam|[Pp]ada|[Dd]i(?:\s+sela(?:-sela)?)?|[Ss]aat|[Uu]sai)\s+(?:acara|kegiatan|rapat|"
                               r"rakor\w*|raker\w*|pertemuan|kesempatan|forum|agenda|musrenbang|seminar|kunjungan|"
                               r"pembukaan|peresmian|upacara|sidang|paripurna)\s+(?:itu|tersebut|ini)\b", re.IGNORECASE)


def _at_that_occasion(sentence: str, trig_start: int) -> bool:
    """Whether a signing's sentence puts it at the occasion just reported (_AT_THAT_OCCASION), not a remark made there
    ("Dalam rakor itu, Gubernur mengatakan pihaknya telah menandatangani ...": the remark's)."""
    at_it = _AT_THAT_OCCASION.search(sentence, 0, trig_start)
    return at_it is not None and not _SPEECH.search(sentence, at_it.end(), trig_start)


def _inherit_occasion(drafts: list[Draft], ctx: ArticleContext, ref: dt.date | None,
                      page: Sequence[tuple[int, int]] = ()) -> None:
    """The main signing happened at the occasion the article reports, when its sentences don't say."""
    if not drafts:
        return
    # The main signing is the first one reported done: a plan announced first ("akan dituangkan dalam MoU yang akan
    # ditandatangani ...") is not what the lead's occasion was.
    main = next((d for d in drafts if d.status != "planned"), drafts[0])
    text = ctx.text
    _same_occasion_dates(drafts, text)
    trig = main.first.trigger
    # A year that names the document ("pakta integritas tahun 2022") is no mark of an earlier signing.
    own = _BUDGET_YEAR.sub(lambda m: " " * len(m.group(0)), _mask_title_years(trig.sentence, trig, 0, len(trig.sentence)))
    if main.status == "planned" or _PAST_MARKERS.search(own):
        return
    if not main.first.example_list and not _FOLLOWED_UP.search(text[main.first.sent_start:main.first.trig_start]):
        taken = [(d.date.start, d.date.end) for d in drafts if d is not main and d.date is not None]
        lead = _lead_day(ctx, main, ref, page, taken)
        if lead is not None and already_done(trig.sentence, trig.start) \
                and not _at_that_occasion(trig.sentence, trig.start) and (
                main.first.sent_start <= lead.start < main.first.sent_end or not dates_signing(_sentence_at(ctx, lead.start))):
            lead = None  # a signing reported as done takes no day from a meeting or a remark (dates.already_done)
        if main.date is None:
            main.date = lead
        elif lead is not None and lead.end <= main.first.sent_end and main.date.start > main.first.sent_end \
                and main.date.precision != "day" and not lead.value.startswith(main.date.value):
            # The lead's day beats a coarser, conflicting date read further down for the same signing
            # ("... Kamis (19/10/2017)" in the lead; "kesepakatan yang ditandatangani ... pada 2016" later).
            main.date = lead
        _same_occasion_dates(drafts, text)
    if main.venue is None and not main.first.example_list:
        # Agreements listed as examples ("sudah MoU dengan berbagai pihak, seperti A, B") are no occasion's.
        for n, sent in enumerate(ctx.sents):
            # Those present came to the occasion's building wherever the article lists them: "Hadir secara
            # luring di Aula Kejati X seluruh ..." closes a report whose lead names the signing.
            far = sent.start_char > main.first.sent_end + 1500
            if far and sent.start_char > main.first.sent_end + 3000:
                break
            if _other_photo(text, sent):
                continue
            if main.date is not None and not sent.start_char <= main.first.trig_start < sent.end_char and (days := [
                    d for d in find_dates(sent.text, ref) if d.precision == "day"]) and not any(
                    d.value.startswith(main.date.value) or main.date.value.startswith(d.value) for d in days):
                # "Pembukaan KKN digelar di Pendopo X, Senin (20/1/2025)." after "... MoU ... yang ditandatangani pada
                # Oktober 2024": a place given with another day is that day's occasion's, not the signing's
                continue
            # "bertempat di X" anywhere near; in the lead sentence, a building ("di Pendopo Gubernur NTB").
            # (A page's furniture may stand before the lead: the lead is at most the main signing's sentence.)
            opening = opening_place(sent.text) if n <= 2 or sent.start_char <= main.first.sent_start else None
            venues = [opening] if opening is not None else []
            venues += [v for v in find_venues(sent.text) if (not far and (v.explicit or (n == 0 and is_building(v.text))
                                                                         or _next_to_date(sent, v, main.date))
                                                            or (is_building(v.text) and _GATHERED.search(
                                                                sent.text[:v.start])))
                      and not too_wide(sent.text, v)]
            if venues:
                v = venues[0]
                main.venue = VenueMention(v.text, sent.start_char + v.start, sent.start_char + v.end, True)
                break


def _party_of(m: PartyMention, draft: Draft) -> bool:
    """Whether a mention names a party of the draft (a bare "Ombudsman" is the Ombudsman office that signs there,
    as Draft.add_party reads it)."""
    return m.institution.key in draft.keys or m.text.lower() == "ombudsman" and any(
        k.startswith("ombudsman") for k in draft.keys)


def _written_otherwise(m: PartyMention, draft: Draft) -> bool:
    """Whether a mention not among the draft's parties writes one of them otherwise: of its kind and region, its
    name but the last word ("STKIP Pata Ngabang" for "STKIP Pata Landak"). A body of another name or region
    ("Sekda Keerom atas nama Bupati Keerom" in a caption of a Pemkot's signing) is a signer the caption adds."""
    if _party_of(m, draft):
        return False
    words = m.institution.name.split()
    return len(words) > 2 and any(
        p.kind == m.institution.kind and p.region_code == m.institution.region_code
        and p.name.split()[:-1] == words[:-1] for p in draft.parties)


# A line that is a photo caption: "(Foto: ...)", "FOTO: ...", "Keterangan foto: ...".
_CAPTION_LINE = re.compile(r"[ \t]*[(\[]?[ \t]*(?:Foto|FOTO|Photo|Keterangan\s+[Ff]oto|Ket\.?\s*[Ff]oto)[ \t]*:")
# A photo caption ends with its credit: "[Dok. Humas Kemendagri]", "(Foto: Humas)", "FOTO : PWI Pusat", "| Ist".
_PHOTO_CREDIT = re.compile(r"(?:\[\s*(?:Dok|Foto|Photo|Ist|Istimewa)\b[^\]\n]*\]|\(\s*(?:Dok|Foto|Photo|Ist|Istimewa)\b"
                           r"[^)\n]*\)|\b(?:FOTO|Foto|Photo)\s*:[^\n]{0,60}|\|\s*(?:Ist|Istimewa|Dok\.?[^\n]{0,40}))\s*$")


def _other_photo(text: str, sent: Span) -> bool:
    """Whether ``sent`` is a photo caption that shows no signing ("Mendagri dalam acara X di Auditorium Y, Senin
    (1/2/21). [Dok. Humas]"): its day and place are the photo's, not the signing's."""
    line_end = text.find("\n", sent.start_char)
    line_end = len(text) if line_end < 0 else line_end
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line = text[line_start:line_end]
    return bool(_PHOTO_CREDIT.search(line)) and not _SIGNING_ACT.search(line)


_GATHERED = re.compile(r"\b(?:[Hh]adir|berkumpul)(?:\s+secara\s+(?:luring|langsung|tatap\s+muka|offline))?\s+"
                       r"(?:bertempat\s+)?di\s*$")
_SAME_OCCASION_PLACE = re.compile(r"\b(?:acara|kegiatan|kesempatan|momen|agenda)\s+(?:ini|itu|tersebut|yang\s+sama)\b|"
                            r"\bdi\s+tempat\s+yang\s+sama\b", re.IGNORECASE)


_SAME_PLACE = re.compile(r"\bdi\s+(?:ruang|ruangan|tempat|lokasi|gedung|aula|hotel|balai)\s+yang\s+sama\b", re.IGNORECASE)
# "... menandatangani PKS di ruang yang berbeda", "di tempat terpisah", "secara terpisah": not where the other was.
_OTHER_PLACE = re.compile(r"\bdi\s+(?:ruang|ruangan|tempat|lokasi|gedung|aula|hotel|balai)\s+(?:yang\s+)?(?:berbeda|lain|terpisah)\b|"
                          r"\bsecara\s+terpisah\b", re.IGNORECASE)


def _share_occasion_venue(drafts: list[Draft], text: str) -> None:
    """ "Acara ini turut diakhiri dengan penandatanganan MoU dengan PT X": a further signing at the occasion
    just reported took place where it did; so did signings the article dates to the same day, and a signing said
    to be "di ruang yang sama" (whenever it was) as the one before it."""
    for i, draft in enumerate(drafts[1:], 1):
        sentence = text[draft.first.sent_start:draft.first.sent_end]
        if draft.venue is None and _SAME_PLACE.search(sentence):
            placed = [d for d in drafts[:i] if d.venue is not None]
            if placed:
                draft.venue = placed[-1].venue
                continue
        if draft.venue is not None or draft.status == "planned" or draft.first.date is not None \
                or not _SAME_OCCASION_PLACE.search(sentence) or _PAST_MARKERS.search(sentence):
            continue
        placed = [d for d in drafts[:i] if d.venue is not None and d.status != "planned"]
        if placed:
            draft.venue = placed[-1].venue
    # Signings of one article on the same day took place at the one occasion the article reports.
    for draft in drafts:
        # (not one told "later that day", "siang harinya": another sitting, wherever it was)
        if draft.venue is None and draft.status != "planned" and draft.date is not None \
                and draft.date.precision == "day" and not re.match(r"(?i)(?:pada\s+)?(?:siang|sore|malam)\s+harinya",
                                                                    draft.date.text) \
                and not _OTHER_PLACE.search(text, draft.first.sent_start, draft.first.sent_end):
            same_day = {d.venue.text: d.venue for d in drafts if d.venue is not None and d.status != "planned"
                        and d.date is not None and d.date.value == draft.date.value}
            if len(same_day) == 1:
                draft.venue = next(iter(same_day.values()))


def _next_to_date(sent: Span, v: VenueMention, date: DateMention | None) -> bool:
    """A building written right beside the occasion's day ("sambutan di Aula Pemkab X, Kamis (1/4/2021)",
    "Minggu, 18 Desember 2022 di aula Pendopo Bupati") is the occasion's place."""
    if date is None or date.precision != "day" or not is_building(v.text):
        return False
    start, end = sent.start_char + v.start, sent.start_char + v.end
    text = sent.doc.text
    if date.start >= end and re.fullmatch(r"[\s,]*(?:pada\s+)?(?:hari\s+)?", text[end:date.start]):
        return True
    return date.end <= start and bool(re.fullmatch(r"[\s,)]*(?:(?:bertempat\s+)?di)?\s*", text[date.end:start]))


# A day told by the one before it: "pada sore harinya", "pada hari yang sama", "keesokan harinya", "sehari sebelumnya".
# ("Pagi hari, Wali Kota X meneken ..." after a lead that gives the day: the morning of that day)
_DAY_AFTER_DAY = re.compile(r"\b(?:(?:pada\s+)?(?:pagi|siang|sore|malam)\s+hari(?:nya)?|(?:pada|di)\s+hari\s+yang\s+sama|"
                            r"hari\s+itu\s+juga|(?P<next>keesokan\s+harinya|esok\s+harinya|sehari\s+(?:kemudian|"
                            r"setelahnya|sesudahnya))|(?P<before>sehari\s+sebelumnya))\b", re.IGNORECASE)


# A sentence told as the next step right after the one before: "Usai dari Demak, ...", "Setelah itu, ...".
_WENT_ON = re.compile(r"\W*(?:(?:Usai|Seusai|Selepas)\s+(?:dari\s+)?[^,.;]{1,40},|(?:Setelah|Sesudah)\s+itu\b|"
                      r"(?:Kemudian|Selanjutnya|Lalu|Berikutnya)\s*,)")
# A time counted from the signing just read: "Setahun kemudian", "dua bulan setelahnya", "pada tahun berikutnya".
_TIME_LATER = re.compile(r"\b(?:(?P<n>se|(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|\d{1,2})\s+)"
                         r"(?P<unit>hari|minggu|pekan|bulan|tahun)\s+(?:kemudian|setelahnya|sesudahnya|berikutnya)|"
                         r"(?:pada\s+)?(?P<unit1>bulan|tahun)\s+berikutnya)\b", re.IGNORECASE)


def _counted_from(date: DateMention, later: re.Match) -> DateMention | None:
    """The date ``later`` counts from ``date``, as precise as the unit counted and the date allow."""
    unit = (later.group("unit") or later.group("unit1")).lower()
    n_word = " ".join((later.group("n") or "se").lower().split())
    n = int(n_word) if n_word.isdigit() else NUMBER_WORDS.get(n_word, 1)  # ("se-": one)
    value = date.value
    if unit == "tahun":
        out, precision = f"{int(value[:4]) + n:04d}", "year"
    elif unit == "bulan":
        if len(value) < 7:
            return None
        months = int(value[:4]) * 12 + int(value[5:7]) - 1 + n
        out, precision = f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    else:
        if date.precision != "day":
            return None
        days = n * (7 if unit in ("minggu", "pekan") else 1)
        out, precision = (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat(), "day"
    return DateMention(later.start(), later.end(), later.group(0), out, precision, True)


_SAME_PERIOD = re.compile(r"\b(?:pada|di|dalam)\s+(tahun|bulan)\s+yang\s+sama\b", re.IGNORECASE)


def _last_sentence_start(text: str, start: int, end: int) -> int:
    """Where the last sentence that opens in [start, end) opens (past its first spaces; ``start`` is one), else
    ``end``."""
    opens = [len(text[start:end]) - len(text[start:end].lstrip())]
    opens += [m.end() for m in re.finditer(r"(?:[.!?]\s+|\n\s*)(?=\S)", text[start:end])]
    return start + max(o for o in opens if start + o < end) if any(start + o < end for o in opens) else end


_BEFORE_NOW = re.compile(r"\b(?:sebelumnya|sebelum\s+ini|lebih\s+(?:dulu|dahulu)|pernah|silam|terdahulu)\b", re.IGNORECASE)


def _same_occasion_dates(drafts: list[Draft], text: str) -> None:
    """An undated signing at "the same occasion" ("Acara ini turut diakhiri dengan penandatanganan MoU",
    "Pada kesempatan yang sama ...") or pointing back ("kerja sama tersebut") has the day just read; one dated by
    that day ("diteken ... pada sore harinya", "keesokan harinya") has that day, or the next or the one before."""
    for prev, draft in zip(drafts, drafts[1:], strict=False):
        if draft.date is None and draft.status != "planned" and prev.date is not None and prev.status != "planned" \
                and (_SAME_OCCASION.search(text[draft.first.sent_start:draft.first.trig_start])
                     or draft.first.trigger.anaphoric
                     # "Sebelumnya MoU tersebut telah ditandatangani oleh Pemkot A": the document pointed back to,
                     # signed by others before, on a day the text does not give
                     and not _BEFORE_NOW.search(text, draft.first.sent_start, draft.first.sent_end)):
            draft.date = prev.date
        told = _DAY_AFTER_DAY.search(text, draft.first.sent_start, draft.first.sent_end)
        if told is None and prev.first.sent_end < draft.first.sent_start:
            # "Siang harinya, rombongan bertolak ke Kantor X. Di sana, ... meneken PKS": the day told in the sentence
            # that leads to the signing
            told = _DAY_AFTER_DAY.match(text, _last_sentence_start(text, max(prev.first.sent_end,
                                                                              draft.first.sent_start - 400),
                                                                   draft.first.sent_start))
        same_period = _SAME_PERIOD.search(text, draft.first.sent_start, draft.first.trig_start)
        if draft.date is None and same_period and prev.date is not None and prev.status == draft.status:
            # "Di tahun yang sama, MoU juga diteken dengan C": the year (or month) of the signing just read
            unit = same_period.group(1).lower()
            keep = 4 if unit == "tahun" else 7
            if len(prev.date.value) >= keep:
                draft.date = DateMention(same_period.start(), same_period.end(), same_period.group(0),
                                         prev.date.value[:keep], "year" if keep == 4 else "month", True)
            continue
        if draft.date is None and told and prev.date is not None and prev.date.precision == "day" \
                and prev.status == draft.status:
            day = dt.date.fromisoformat(prev.date.value) + dt.timedelta(
                days=1 if told.group("next") else -1 if told.group("before") else 0)
            draft.date = DateMention(told.start(), told.end(), told.group(0), day.isoformat(), "day", True)
        if draft.date is None and prev.date is not None and prev.date.precision == "day" \
                and prev.status == draft.status == "signed" and prev.first.trig_start < draft.first.sent_start \
                and (went_on := _WENT_ON.match(text, draft.first.sent_start)) is not None \
                and not _TIME_LATER.search(text, draft.first.sent_start, draft.first.sent_end):
            # "Usai dari Demak, Gubernur melanjutkan penandatanganan PKS dengan Pemkot Semarang di Balai Kota": the
            # next stop of the same day, told right after the signing
            draft.date = DateMention(went_on.start(), went_on.end(), went_on.group(0).strip(), prev.date.value, "day",
                                     True)
        later = _TIME_LATER.search(text, draft.first.sent_start, draft.first.trig_start)
        if draft.date is None and later and prev.date is not None and prev.status == draft.status == "signed":
            # "Setahun kemudian, giliran B yang meneken MoU", "Dua bulan berikutnya ...": a time counted from the
            # signing just read dates this one, as precisely as its unit
            draft.date = _counted_from(prev.date, later)


def _sentence_at(ctx: ArticleContext, pos: int) -> str:
    return next((s.text for s in ctx.sents if s.start_char <= pos < s.end_char), "")


def _lead_day(ctx: ArticleContext, main: Draft | None, ref: dt.date | None, page: Sequence[tuple[int, int]],
              taken: Sequence[tuple[int, int]] = ()) -> DateMention | None:
    """The day of the occasion the lead reports: the first day-precise date near the top that is not the
    page's own date, not the bound of a period ("terhitung sejak 1 Juni 2023"), not the day a statement
    reached the press ("dalam keterangan tertulis, Sabtu (3/4)"), and not another signing's date (``taken``:
    "MoU ... tanggal 30 Nopember 2017")."""
    text = ctx.text
    limit = max(1500, main.first.sent_end if main is not None else 0)
    for sent in ctx.sents:
        if sent.start_char >= limit:
            break
        if _other_photo(text, sent):
            continue
        for d in find_dates(text[sent.start_char:min(sent.end_char, limit)], ref):
            pos = sent.start_char + d.start
            if d.precision == "day" and not _in_spans(pos, page) and not _in_spans(pos, taken) \
                    and not bounds_period(sent.text, d.start, d.end) and not statement_date(sent.text, d.start) \
                    and not other_occasion_date(sent.text, d.start):
                return _shift(d, sent.start_char)
    return None


_OMBUDSMAN_TITLE = re.compile(r"\b(?:Ketua|Wakil\s+Ketua|Anggota|Komisioner|Kepala(?:\s+Kantor)?(?:\s+Perwakilan)?|"
                              r"Plt\.?\s+Kepala(?:\s+Perwakilan)?|Kaper|"
                              # an office's other officials: "Kepala Keasistenan Pemeriksaan Laporan Ombudsman Sulteng",
                              # "Asisten Ombudsman RI Perwakilan X"
                              r"Kepala\s+Keasistenan(?:\s+(?-i:[A-Z])[\w-]*){0,4}|Asisten)\s+$")
# (the signing words agreements.py reads, with their misspellings: "Penandatangan dilakukan oleh ...")
_SIGNING_ACT = re.compile(r"\b(?:di)?(?:tanda\s*tangan(?:i|kan)?|menandatangani|penandatanganan|teken|meneken|"
                          r"diteken|membubuhkan)\w*\b|\bpihak\s+(?:pertama|kedua|kesatu)\b|"
                          rf"(?<![\w-])(?:{SIGN_WORDS})(?![\w-])", re.IGNORECASE)


_WATCHING_BEFORE = re.compile(r"\b(?:disaksikan(?:\s+langsung)?(?:\s+oleh)?|menyaksikan|dihadiri(?:\s+oleh)?)\s+"
                              r"(?:[\w.]+\s+){0,3}?(?:Ketua|Wakil\s+Ketua|Anggota|Komisioner)\s+$", re.IGNORECASE)


_PRESENT_BEFORE = re.compile(r"\b(?:[Hh]adir|dihadiri|menghadiri|disaksikan|menyaksikan|didampingi|mendampingi)\b")


def _names_ombudsman_ri(ctx: ArticleContext) -> bool:
    """Whether the article names Ombudsman RI itself ("Ombudsman RI", "Ketua Ombudsman", "Anggota Ombudsman"),
    not only by the short name "Ombudsman" that can refer back to a representative office."""
    for m in ctx.mentions:
        if m.institution.key != "ombudsman:RI":
            continue
        if m.text.strip().lower() not in {"ombudsman", "ori"} or m.official or _OMBUDSMAN_TITLE.search(
                ctx.text[max(0, m.start - 30):m.start]):
            return True
    return False


def _ombudsman_offices(ctx: ArticleContext, drafts: list[Draft]) -> None:
    """Which Ombudsman office signs (SPEC): the one whose official signs — the Ketua or an Anggota for Ombudsman RI,
    the Kepala Perwakilan for a representative office; both are parties only when both sign. An official's
    signing sentence belongs to the event read last before it."""
    with_ombudsman = [d for d in drafts if any(p.kind == "ombudsman" for p in d.parties)]
    if not with_ombudsman:
        return
    text = ctx.text
    signing: dict[int, dict[str, PartyMention | None]] = {}
    for sent in ctx.sents:
        if not _SIGNING_ACT.search(sent.text):
            continue
        owner = None
        for d in drafts:
            if d.first.sent_start <= sent.start_char:
                owner = d
        if owner is None or owner not in with_ombudsman:
            continue
        for m in ctx.mentions_between(sent.start_char, sent.end_char):
            if m.institution.kind != "ombudsman":
                continue
            before = text[max(sent.start_char, m.start - 40):m.start]
            if not (m.official or _OMBUDSMAN_TITLE.search(before)):
                continue
            if re.search(r"\b(?:menurut|kata|ujar|tutur)\s+(?:[\w.]+\s+){0,4}$", before, re.IGNORECASE):
                continue  # "Menurut Kepala Ombudsman X, penandatanganan ini ...": who speaks of the signing
            if re.search(r"\b(?:disaksikan|menyaksikan|dihadiri|hadir|didampingi|mendampingi|sambutan\w*)\b",
                         text[sent.start_char:m.start], re.IGNORECASE):
                continue
            # ("... mengikuti acara secara virtual, namun tidak ikut menandatangani": no act of his)
            acts = [a for a in _SIGNING_ACT.finditer(text, sent.start_char, sent.end_char)
                    if not NEGATED.search(text, max(sent.start_char, a.start() - 40), a.start())]
            if not any(not _SPEECH.search(text[min(a.end(), m.end):max(a.start(), m.start)]) for a in acts):
                continue  # "Kepala Ombudsman X mengatakan, penandatanganan ...": he speaks of it
            later = [a for a in acts if a.start() >= m.end]
            if later and re.search(r"\b(?:menyaksikan|hadir|mendampingi|menghadiri|mengikuti|memantau)\b",
                                   text[m.end:later[0].start()], re.IGNORECASE):
                # "Kepala Ombudsman RI Perwakilan X turut hadir dan menyaksikan penandatanganan", "Anggota Ombudsman
                # RI, Y, mengikuti penandatanganan secara daring": who watches or follows it signs nothing
                continue
            key = m.institution.key
            found = signing.setdefault(id(owner), {})
            if key == "ombudsman:RI" and re.search(r"Kepala|Kaper", before[-30:] + m.text):
                # "Kepala Perwakilan Ombudsman RI Yohanes": the head of a representative office
                regional = [k for p, k in zip(owner.parties, owner.keys, strict=True)
                            if p.kind == "ombudsman" and k != "ombudsman:RI"]
                if regional:
                    found.setdefault(regional[0], None)
                continue
            found.setdefault(key, m)
    # "disaksikan Ketua Ombudsman ...": Ombudsman RI only watches; the representative office the article names
    # is the Ombudsman that signs.
    watching_ri = any(m.institution.key == "ombudsman:RI" and _WATCHING_BEFORE.search(
        text[max(0, m.start - 60):m.start + max(0, m.text.find("Ombudsman"))]) for m in ctx.mentions)
    # An office named only among those present ("Hadir pula, Kepala Ombudsman RI Perwakilan X") signs nothing.
    offices_named = {m.institution.key: m for m in ctx.mentions
                     if m.institution.kind == "ombudsman" and m.institution.key != "ombudsman:RI"
                     # (the sentence's own words before it, not past an initial's stop: "dihadiri ..., Sekda
                     # Samsuddin A. Kadir, Kepala Ombudsman RI Perwakilan X")
                     and not _PRESENT_BEFORE.search(re.split(r"(?<!\b[A-Z])[.!?]|\n",
                                                             text[max(0, m.start - 200):m.start])[-1])}
    for draft in with_ombudsman:
        chosen: dict[str, PartyMention | None] | None = signing.get(id(draft))
        if not chosen and watching_ri and len(offices_named) == 1 and "ombudsman:RI" in draft.keys \
                and any(p.region_code for p in draft.parties if p.kind != "ombudsman"):
            # (not a signing with national bodies alone: "turunan dari MoU Ombudsman RI dengan Kejaksaan RI yang
            # diteken pimpinan kedua lembaga di Jakarta" is the centre's, whoever watches the day's signing)
            key, m = next(iter(offices_named.items()))
            chosen = {key: m}
        offices = [i for i, p in enumerate(draft.parties) if p.kind == "ombudsman"]
        if not chosen and len(offices) > 1:
            # Nobody is seen signing: an office the text only implies, or calls just "Ombudsman", gives way
            # to the office it names in full.
            named = [i for i in offices if draft.parties[i].start is not None
                     and draft.parties[i].mention.strip().lower() not in {"ombudsman", "ori", "kami"}]
            if named:
                chosen = {draft.keys[i]: None for i in named}
        if not chosen and len(offices) == 1 and draft.keys[offices[0]] == "ombudsman:RI" \
                and draft.parties[offices[0]].mention.strip().lower() in {"ombudsman", "ori"} \
                and len(offices_named) == 1 and not _names_ombudsman_ri(ctx) \
                and not _PRESENT_BEFORE.search(text, draft.first.sent_start,
                                               draft.parties[offices[0]].start or draft.first.sent_start):
            # "Ombudsman dan Unismuh Palu menandatangani ..." after "Ombudsman RI Perwakilan Sulawesi Tengah"
            # is the only Ombudsman the article names: the short name refers back to that office. Not where the
            # signing is one somebody watched ("usai menyaksikan penandatanganan ... antara Ombudsman dan ..."):
            # the office's head looked on
            key, m = next(iter(offices_named.items()))
            chosen = {key: m}
        if not chosen:
            continue
        offices = [i for i, p in enumerate(draft.parties) if p.kind == "ombudsman"]
        for key, signer in chosen.items():
            if key not in draft.keys and signer is not None:
                draft.add_party(signer.institution, signer.text, signer.representative, signer.start, signer.end)
        for i in sorted((i for i in offices if draft.keys[i] not in chosen), reverse=True):
            del draft.parties[i]
            del draft.keys[i]


def _mentioned_institution(ctx: ArticleContext, key: str) -> Institution | None:
    """The institution of that key as the article names it (a party's key back to what can be added again)."""
    return next((m.institution for m in ctx.mentions if m.institution.key == key), None)


def _other_side(ctx: ArticleContext, signed: Draft, kinds: set[str]) -> list[tuple[Institution, Party]]:
    """The parties of a signing of a kind other than ``kinds`` (those who follow it later sign with them), each with
    its institution as the article names it."""
    return [(inst, p) for key, p in zip(signed.keys, signed.parties, strict=True)
            if p.kind not in kinds and (inst := _mentioned_institution(ctx, key)) is not None]


def _bare_body_for_its_signing_office(ctx: ArticleContext, drafts: list[Draft]) -> None:
    """ "Kepala BPS Kota Palembang dan Walikota Palembang menandatangani nota kesepahaman ... Sebelumnya, pada 2020 BPS
    dan Pemkot Palembang telah menandatangani MoU serupa": a national body named bare beside a regional signer, in an
    article where one of its offices signs, is that office (a witness office, "Turut menyaksikan Kepala BPS Provinsi
    Sumatera Selatan", signs nothing). Not where the article names the body's centre ("BPS Pusat", "BPS RI")."""
    offices: dict[str, Party] = {}
    for d in drafts:
        for key, q in zip(d.keys, d.parties, strict=True):
            if q.region_code and q.kind == "kementerian_lembaga" and q.start is not None:
                offices.setdefault(key, q)
    if not offices:
        return
    for d in drafts:
        for i, p in enumerate(d.parties):
            if p.region_code or p.kind != "kementerian_lembaga" or not d.keys[i].startswith("inst:") \
                    or p.start is None or not any(q.region_code and q.kind != p.kind for q in d.parties) \
                    or any(_CENTRE_AFTER.match(ctx.text, m.end()) for m in re.finditer(
                        r"(?<![\w-])" + re.escape(p.mention) + r"(?![\w-])", ctx.text)):
                continue
            # (the office named first, its signing read before: the body named bare later is that office)
            own = [(k, q) for k, q in offices.items() if q.name.startswith(p.name + " ")
                   and q.start is not None and q.start < p.start]
            if len(own) != 1 or own[0][0] in d.keys:
                continue
            key, q = own[0]
            inst = _mentioned_institution(ctx, key)
            if inst is None:
                continue
            d.subjects = [inst if s.key == d.keys[i] else s for s in d.subjects]
            d.parties[i] = Party(mention=p.mention, name=q.name, kind=q.kind, region_code=q.region_code,
                                 representative=p.representative, start=p.start, end=p.end)
            d.keys[i] = key


def _resolve_bare_heads(ctx: ArticleContext, draft: Draft) -> None:
    """A party named by its head alone is the office of that kind the article names in full: "Kejaksaan Negeri"
    after "Kejari Subulussalam"; a DPRD without a region agrees with the government of its own region (the
    KUA-PPAS and the budget MoUs are signed by a government and its own DPRD)."""
    gaz = ctx.gazetteer
    for i in range(len(draft.parties) - 1, -1, -1):
        p = draft.parties[i]
        if p.region_code or p.kind in {"ombudsman", "perguruan_tinggi", "swasta"}:
            continue
        inst = None
        if p.kind == "dprd":
            regions = {q.region_code for q in draft.parties if q.kind == "pemerintah_daerah" and q.region_code}
            if len(regions) == 1:
                inst = gaz.institutions.get(f"dprd:{regions.pop()}")
        elif draft.keys[i].startswith("org:"):  # a name read off the text, not a listed national body
            fuller = {m.institution.key: m.institution for m in ctx.mentions
                      if m.institution.region_code and len(m.institution.name) > len(p.name)
                      and m.institution.kind == p.kind and same_institution(p, m.institution)}
            if len(fuller) == 1:
                inst = next(iter(fuller.values()))
        elif draft.keys[i].startswith("inst:"):
            # "Badan Pusat Statistik setempat", the same words read as the regency's office: "BPS" later in the
            # article is that office ("BPS Provinsi Aceh" beside "BPS" names two; "Kanwil DJP" is another unit).
            fuller = {m.institution.key: m.institution for m in ctx.mentions
                      if m.institution.region_code and m.institution.kind == p.kind
                      and m.text.lower() in {p.name.lower(), p.mention.lower()}
                      and m.institution.name.lower().startswith(p.name.lower() + " ")}
            if len(fuller) == 1:
                inst = next(iter(fuller.values()))
        if inst is None:
            continue
        if inst.key in draft.keys:
            del draft.parties[i]
            del draft.keys[i]
            continue
        draft.parties[i] = Party(mention=p.mention, name=inst.name, kind=inst.kind, region_code=party_region(inst),
                                 representative=p.representative, start=p.start, end=p.end)
        draft.keys[i] = inst.key


def _town_named_elsewhere(p: Party, parties: list[Party]) -> bool:
    """ "Universitas Kanjuruhan" in one list and "Universitas Kanjuruhan Malang" in the next sentence: one campus,
    named once with its town; the fuller name stands."""
    return p.kind == "perguruan_tinggi" and any(
        q is not p and q.kind == p.kind and re.fullmatch(re.escape(p.name) + r" [A-Z][a-z]+", q.name) for q in parties)


def _drop_bare_short_forms(draft: Draft, gazetteer: Gazetteer) -> None:
    """ "Kamar Dagang dan Industri (Kadin) Jawa Tengah dan Kadin Jawa Timur ... MoU Kadin ...": a body named by its
    short form alone, beside its regional offices that sign under the same short form, is those offices, not the
    national body as well."""
    for i in range(len(draft.parties) - 1, -1, -1):
        p = draft.parties[i]
        word = p.mention.strip()
        if _town_named_elsewhere(p, draft.parties):
            del draft.parties[i]
            del draft.keys[i]
            draft.subjects = [s for s in draft.subjects if s.key in draft.keys]
            continue
        if _collective_governments(p, draft.parties):
            del draft.parties[i]
            del draft.keys[i]
            draft.subjects = [s for s in draft.subjects if s.key in draft.keys]
            continue
        if _shorter_name_of(p, draft.keys[i], draft, gazetteer):
            del draft.parties[i]
            del draft.keys[i]
            draft.subjects = [s for s in draft.subjects if s.key in draft.keys]
            continue
        if p.region_code or p.kind == "ombudsman" or " " in word or not word[:1].isupper():
            continue
        if any(q is not p and q.region_code and q.kind == p.kind and q.mention.startswith(word + " ")
               for q in draft.parties):
            del draft.parties[i]
            del draft.keys[i]
            draft.subjects = [s for s in draft.subjects if s.key in draft.keys]


_VILLAGE_WORD = re.compile(r"^(?:Pemerintah\s+)?(?:Desa|Kampung|Kampong|Gampong|Nagari|Kelurahan|Negeri)\b")


def _shorter_name_of(p: Party, key: str, draft: Draft, gazetteer: Gazetteer) -> bool:
    """ "RSUD Prof. dr. M.A. Hanafiah SM Batusangkar ... PKS diteken Direktur RSUD Hanafiah": a body no list holds,
    named again shorter (its words, in order, within the full name of another party of the event, with the same
    head), is that party, not one more."""
    if p.start is None or _VILLAGE_WORD.match(p.name) or not key.startswith(("org:", "inst:", "tpl:")):
        return False
    words = re.findall(r"[a-z0-9]+", p.name.lower())
    if len(words) < 2:
        return False
    for q, k in zip(draft.parties, draft.keys, strict=True):
        # (named again further on, not listed beside it: "Koperasi Tani Makmur dan Koperasi Tani Makmur Jaya")
        if q is p or not k.startswith("org:") or q.kind != p.kind or q.end is None or p.start < q.end + 60:
            continue
        full = re.findall(r"[a-z0-9]+", q.name.lower())
        # (the longer name may open with its legal form: "Perusahaan Umum Daerah BPR Tanah Pilih" and "BPR Tanah Pilih")
        core = list(itertools.dropwhile(lambda w: w in _LEGAL_FORM_OPENERS, full))
        if len(full) <= len(words) or words[0] not in (full[0], core[0] if core else None):
            continue
        rest = iter(full)
        if not all(w in rest for w in words):  # in order
            continue
        if key.startswith("org:"):
            return True
        # A body a list holds, read again inside a longer name read by its head word ("Perumda Tirtanadi" after
        # "Perusahaan Umum Daerah Air Minum Tirtanadi Provinsi Sumatera Utara"): the same body when the longer
        # name adds only its legal form and its region, not a unit ("PT PLN (Persero)" beside "... UP3 Palu")
        extra = " ".join(w for w in full if w not in words and w not in _FORM_WORDS)
        if not extra or gazetteer.lookup_region(extra):
            return True
    return False


_FORM_WORDS = {"umum", "persero", "perseroda", "tbk", "pt", "provinsi", "kabupaten", "kota"}
_LEGAL_FORM_OPENERS = {"pt", "perusahaan", "umum", "daerah", "perumda", "perusda", "pd", "perum"}


# The province's own government by name or by its head: "Pemprov Jateng", "Pemerintah Provinsi", "Gubernur".
# (the level written short, "Prov. Sumsel", "Pemerintah Prov. Sumsel", ends with its stop, not a word's end)
_PROVINCE_ITSELF = re.compile(r"(?:(?:Pemerintah\s+|Pemda\s+)?Prov\.\s|(?:Pemprov|Pemerintah\s+Provinsi|Pemda\s+Provinsi|"
                              r"Provinsi|Gubernur|Wakil\s+Gubernur|Wagub|Sekda|Sekretaris\s+Daerah|"
                              r"(?:Pj|Plt|Plh|Penjabat|Pelaksana\s+(?:Tugas|Harian))\.?\s+(?:\((?:Pj|Plt|Plh)\)\s+)?Gubernur)\b)",
                              re.IGNORECASE)


def _collective_governments(p: Party, parties: list[Party]) -> bool:
    """ "Ombudsman RI meneken nota kesepakatan dengan Pemda Jambi dan Sumbar, yakni Kabupaten Kerinci, ... dan
    Kota Solok": "Pemda Jambi" (or a bare "Sumbar") beside regencies and cities of that province names the local
    governments there together, not the provincial government. Named as "Pemprov", "Pemerintah Provinsi" or by
    the governor, the province signs itself."""
    if p.kind != "pemerintah_daerah" or not p.region_code or "." in p.region_code \
            or not p.name.startswith("Pemerintah Provinsi"):
        return False
    if _PROVINCE_ITSELF.match(p.mention.strip()) or p.representative and p.mention.strip() == p.representative.strip():
        return False  # (named by its governor's own name: "Apolo dan para bupati dari ...")
    return any(q.kind == "pemerintah_daerah" and (q.region_code or "").startswith(p.region_code + ".")
               for q in parties)


_SISTER = re.compile(r"\bsister[\s-]+(?:city|province|state)\b|\b(?:kota|provinsi|daerah)\s+(?:bersaudara|kembar|kembara)\b",
                     re.IGNORECASE)


def _sister_city_partner(ctx: ArticleContext, draft: Draft) -> None:
    """ "Pemkot A menyambut delegasi Pemerintah Kota B" then "hubungan Sister City yang terjalin sejak penandatanganan
    MoU": a sister-city signing that names no one binds the article's host and the other government its lead
    names."""
    host = ctx.host
    if host is None or any(p.start is not None for p in draft.parties) or draft.first.objects \
            or not _SISTER.search(_sentence_of(draft.first)):
        return
    for m in ctx.mentions_between(0, draft.first.sent_start):
        if m.institution.key != host.key and m.institution.name.startswith("Pemerintah ") \
                and m.institution.kind in {"pemerintah_daerah", "lainnya"}:
            if host.key not in draft.keys:
                draft.add_party(host, _mention_for(ctx, host), None, None, None)
            draft.add_party(m.institution, m.text, m.representative, m.start, m.end)
            return


# The regional budget documents a DPRD agrees with its head of region (the KUA-PPAS nota kesepakatan, the APBD).
_BUDGET_DOCUMENT = re.compile(r"\bKUA\b|\bPPAS\b|Kebijakan\s+Umum\s+(?:Perubahan\s+)?Anggaran|\bR?APBD\b")


def _budget_counterpart(ctx: ArticleContext, draft: Draft) -> None:
    """ "DPRD Kota Ambon menggelar rapat paripurna penandatanganan nota kesepakatan KUA-PPAS dengan pemerintah
    daerah": the budget agreements are signed by a DPRD and the government of its own region, named or not."""
    sentences = [draft.first.trigger.sentence, *(t.sentence for t in draft.mentions)]
    if not any(_BUDGET_DOCUMENT.search(s) for s in sentences):
        return
    councils = {p.region_code for p in draft.parties if p.kind == "dprd" and p.region_code}
    governments = {p.region_code for p in draft.parties if p.kind == "pemerintah_daerah" and p.region_code
                   and p.name.startswith("Pemerintah ")}
    if not councils and len(governments) == 1 and re.search(r"\bKUA\b|\bPPAS\b|Kebijakan\s+Umum\s+(?:Perubahan\s+)?Anggaran",
                                                          draft.first.trigger.sentence):
        # "Bupati X menandatangani nota kesepakatan KUA-PPAS usai rapat paripurna DPRD X": the council the article
        # names, of the government's own region, is the other side.
        council = ctx.gazetteer.institutions.get(f"dprd:{next(iter(governments))}")
        if council is not None and any(m.institution.key == council.key for m in ctx.mentions):
            draft.add_party(council, _mention_for(ctx, council), None, None, None)
        return
    if len(councils) != 1 or any(p.kind == "pemerintah_daerah" for p in draft.parties):
        return
    government = ctx.gazetteer.institutions.get(f"pemda:{councils.pop()}")
    if government is not None:
        draft.add_party(government, _mention_for(ctx, government), None, None, None)


# "memperpanjang nota kesepahaman" ... "Nota kesepahaman sebelumnya ditandatangani pada 2017": the agreement renewed
# and the one before it, between the same sides.
_RENEWAL = re.compile(r"\b(?:memperpanjang|perpanjangan|diperpanjang|memperbarui|pembaruan|diperbarui|memperbaharui|"
                      r"pembaharuan|addendum|adendum)\b", re.IGNORECASE)
_PREVIOUS_DOCUMENT = re.compile(r"\b(?:nota\s+kesepahaman|nota\s+kesepakatan|MoU|perjanjian(?:\s+kerja\s*sama)?|PKS|"
                                r"kesepakatan(?:\s+bersama)?)\s+(?:yang\s+)?(?:sebelumnya|lama|terdahulu|pertama|awal)\b",
                                re.IGNORECASE)


def _renewed_documents(ctx: ArticleContext, drafts: list[Draft]) -> None:
    """The earlier agreement of a renewal, told without its sides ("Nota kesepahaman sebelumnya ditandatangani pada
    2017 dan berlaku lima tahun"), was signed by the sides that renew it."""
    if len(drafts) < 2:
        return
    main = drafts[0]
    if not _RENEWAL.search(main.first.trigger.sentence) or len(main.parties) < 2:
        return
    for draft in drafts[1:]:
        sentence = ctx.text[draft.first.sent_start:draft.first.sent_end]
        if draft.status == "signed" and _PREVIOUS_DOCUMENT.search(sentence) \
                and not any(p.start is not None and draft.first.sent_start <= p.start < draft.first.sent_end
                            for p in draft.parties):
            _take_sides(draft, main, named_only=False)


# "Bulan depan, giliran Pemkab Buton yang dijadwalkan menandatangani nota kesepahaman serupa": the next of a series
# of like signings, with the one who signs each of them.
_SERIES = re.compile(r"\bgiliran\b|\b(?:serupa|yang\s+sama)\b", re.IGNORECASE)


def _series_counterparts(ctx: ArticleContext, drafts: list[Draft]) -> None:
    """A like signing of a series naming only whose turn it is ("giliran Pemerintah Kabupaten Buton ... nota
    kesepahaman serupa", "giliran Pemkab Maros ... perjanjian yang sama") has the other side of the signing before it:
    of that signing's parties, the one not of the newcomer's kind (the Ombudsman office, the bank), not the
    article's host (who may be the newcomer's predecessor). Several newcomers of one kind take it too: "Sementara itu,
    Pemkab Tebo dan Pemkab Bungo dijadwalkan meneken MoU serupa pekan depan" after Kejati X's MoU with Pemkab Y."""
    for i, draft in enumerate(drafts):
        if i == 0 or not draft.parties or draft.unnamed_group \
                or any(p.kind != draft.parties[0].kind for p in draft.parties[1:]):
            continue
        sentence = ctx.text[draft.first.sent_start:draft.first.sent_end]
        if not _SERIES.search(sentence):
            continue
        newcomer = draft.parties[0]
        for prev in reversed(drafts[:i]):
            if any(k in prev.keys for k in draft.keys):
                break  # the same signer again, with others ("... serupa dengan dua dayah"): not a newcomer's turn
            others = [(p, k) for p, k in zip(prev.parties, prev.keys, strict=True) if p.kind != newcomer.kind]
            if len(others) == 1 and len(others) < len(prev.parties):
                party, key = others[0]
                if key not in draft.keys:
                    draft.keys.append(key)
                    draft.parties.append(dataclasses.replace(party, representative=None))
                break


# "sudah menjalin MoU dengan", "telah menandatangani PKS dengan", "pernah meneken ...", "MoU dengan A, B dan C sudah
# ditandatangani": a signing told as done, not as a sitting.
_DONE_ASPECT = re.compile(r"\b(?:sudah|telah|pernah)\b", re.IGNORECASE)
# What ties a signing to one sitting: the occasion named ("dalam acara", "saat penandatanganan", "hari ini"), its
# signers together at once ("bersama-sama", "serentak", "secara simbolis"), or its manner ("secara virtual").
_ONE_SITTING = re.compile(r"\b(?:bersama-sama|serentak|sekaligus|secara\s+(?:bersamaan|simbolis|virtual|daring|"
                          r"langsung)|(?:dalam|pada|di|saat|ketika|setelah)\s+(?:(?:satu|sebuah|suatu)\s+)?(?:acara|kegiatan|"
                          r"rangkaian|agenda|momen|peringatan|kesempatan|forum|pertemuan|rapat|rakor\w*|raker\w*|"
                          r"musrenbang|seminar|lokakarya|workshop|FGD|sosialisasi|kunjungan|kunker|peluncuran|launching|"
                          r"pembukaan|penutupan|upacara|apel|sidang|paripurna|festival|pameran|expo|HUT|penandatanganan)|"
                          r"(?:usai|seusai|selepas|disela|di\s+sela)(?:-sela)?\s+[\w-]+|"
                          r"berlangsung|digelar|dilaksanakan|diadakan|kemarin|disaksikan)\b", re.IGNORECASE)


_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_DOCUMENT_AGAIN = re.compile(r"\b(?:MoU|MOU|PKS|[Nn]ota\s+[Kk]esepa(?:haman|katan)|[Pp]erjanjian(?:\s+[Kk]erja\s*[Ss]ama)?|"
                             r"[Kk]esepakatan|[Pp]enandatanganan(?:\s+(?:MoU|nota\s+\w+|perjanjian|PKS))?)\s+"
                             r"(?:ini|itu|tersebut)\b")
# A month or a year on a list of counterparts: "juga sudah/telah" tells it as the signer's record beside the day's
# signing, "masing-masing" as one agreement each ("kerja sama tiga tahun lalu yang sudah dilakukan dengan A dan B"
# is one act, on that day).
_EARLIER_OR_DONE = re.compile(r"\b(?:juga\s+(?:sudah|telah|pernah)|(?:sudah|telah|pernah)\s+juga|masing-masing)\b",
                              re.IGNORECASE)
_ANY_DAY = dt.date(2000, 1, 1)  # a reference that lets a day be found where none is given ("Senin (6/5)")


_SOME_OF_COUNTED = re.compile(COUNTED_GROUP + r"\s*,?\s*(?:di\s+antaranya|diantaranya|antara\s+lain|"
                              r"termasuk|seperti)\b", re.IGNORECASE)


def _record_told_done(ctx: ArticleContext, draft: Draft, title: str | None) -> list[Draft]:
    """A signing of one signer with a list of counterparts that the article tells as done ("sudah", "telah",
    "pernah") and never ties to a sitting (no day, no date, no place, no occasion, no re-mention) is a record of
    its agreements, one per counterpart, each on an occasion the text does not give (SPEC: one event or several;
    dev m-07, m-22, i-18): "Pemkab Paser sudah menjalin MoU dan PKS dengan empat daerah asal transmigran, yaitu A,
    B, C dan D", "A, B dan C sudah menandatangani MoU dengan Ombudsman", "Daerah yang telah meneken MoU dengan X
    antara lain A, B dan C". The list is the longest run the text coordinates; the one party outside it signed each.
    A signing the article reports is told with its day or place, or again ("Penandatanganan berlangsung di ..."):
    one ceremony, however many sign."""
    cand = draft.first
    text = ctx.text
    # (a record may give a month or a year, "Tahun lalu, Unila juga telah meneken MoU dengan A dan B", not a day)
    if draft.status != "signed" or draft.date is not None and draft.date.precision == "day" or draft.venue is not None \
            or draft.per_counterpart \
            or draft.mentions or draft.merged > 1 or cand.trigger.similar or cand.trigger.echo \
            or not _SENTENCE_END.search(text, 0, cand.sent_start):
        return [draft]  # (the lead's signing is the article's news: the ceremony it reports)
    listed = _coordinated_run(text, draft.parties)
    hub = [i for i in range(len(draft.parties)) if i not in listed]
    if len(listed) < 2 or len(hub) != 1:
        return [draft]  # one signer and a list of counterparts, or no record of one signer's agreements
    others = sorted(listed)
    listed_end = max((p.end or cand.sent_end) for p in draft.parties)
    if not _DONE_ASPECT.search(text, cand.sent_start, min(listed_end, cand.sent_end)):
        return [draft]
    sentence = text[cand.sent_start:cand.sent_end]
    # ("... telah meneken PKS dengan sembilan pemerintah daerah, di antaranya A dan B": some members of a larger
    # counted group, a record whatever else the article reports)
    partial = _SOME_OF_COUNTED.search(sentence) is not None
    if _ONE_SITTING.search(sentence) or THE_OCCASION.search(sentence) \
            or any(d.precision == "day" for d in find_dates(sentence, _ANY_DAY)) \
            or draft.date is not None and not _EARLIER_OR_DONE.search(sentence) \
            or find_venues(sentence) or not partial and (_DOCUMENT_AGAIN.search(text, cand.sent_end)
                                                         or _headline_reports_signing(title)):
        # (the article going on about "MoU tersebut", "penandatanganan itu", "Dengan MoU ini": the one document
        # it reports, signed at one sitting; "kerja sama itu" is the cooperation, said of a record too; and the
        # headline's signing is the article's news)
        return [draft]
    out: list[Draft] = []
    # A month or year written after one counterpart and before the next is that one's ("dengan A pada Januari lalu,
    # serta dengan B dan C"); written before the list or after it, every one's.
    when = draft.date
    order = sorted(others, key=lambda i: draft.parties[i].start or 0)
    own_date = next((i for i, after in itertools.pairwise(order) if when is not None
                     and (draft.parties[i].end or 0) <= when.start < (draft.parties[after].start or 0)), None)
    for i in others:
        twin = Draft(cand, list(draft.types), draft.status, when if own_date in (None, i) else None, None, None,
                     draft.title)
        for j in [*hub, i]:
            p = draft.parties[j]
            twin.keys.append(draft.keys[j])
            twin.parties.append(Party(p.mention, p.name, p.kind, p.region_code, p.representative, p.start, p.end))
        twin.subjects = [s for s in draft.subjects if s.key == draft.keys[hub[0]]]
        twin.implicit = draft.implicit
        twin.per_counterpart = True
        out.append(twin)
    return out


# Between two items of a list: "A, B dan C", "A, B, serta C", "A & B", "A, B hingga C", "A maupun B".
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:(?:dan|serta|hingga|sampai|maupun)\s+)?|(?:dan|serta|hingga|sampai|maupun)\s+|&\s*)")


def _coordinated_run(text: str, parties: list[Party]) -> set[int]:
    """The indexes of the longest run of parties the text names as one list ("A, B dan C"; two names parted by a
    comma alone, "sebelum kerja sama dengan Pemkab A, Pemprov B telah ...", are two clauses)."""
    placed = sorted((p.start, p.end, i) for i, p in enumerate(parties) if p.start is not None and p.end is not None)
    best: list[int] = []
    run: list[int] = []
    joined = False  # whether the run has a "dan"/"serta": two names parted by a comma alone are two clauses
    for k, (start, _end, i) in enumerate(placed):
        joint = _LIST_JOINT.fullmatch(text, placed[k - 1][1], start) if run else None
        if joint:
            run.append(i)
            joined = joined or joint.group(0).strip() != ","
        else:
            run, joined = [i], False
        if len(run) > len(best) and (joined or len(run) > 2):
            best = list(run)
    return set(best)


# "penandatanganan komitmen bersama ... yang diselenggarakan oleh Perwakilan Ombudsman X": who holds the signing.
_ORGANISED_BY = re.compile(r"\byang\s+(?:di)?(?:selenggarakan|gelar|laksanakan|inisiasi|prakarsai|adakan)\s+"
                           r"(?:langsung\s+)?oleh\s+$", re.IGNORECASE)


def _organiser(ctx: ArticleContext, draft: Draft) -> PartyMention | None:
    """The body a signing that names no signer is said to be held by, in its own sentence, after the signing word:
    "Telah dilaksanakan penandatanganan komitmen bersama Focal Point ... yang diselenggarakan oleh Perwakilan
    Ombudsman RI NTT": the one side the text gives (the article's host is only a guess)."""
    first = draft.first
    for m in ctx.mentions_between(first.trig_end, first.sent_end):
        if m.label == "ORG" and _ORGANISED_BY.search(ctx.text, max(first.trig_end, m.start - 40), m.start):
            return m
    return None


def _complete_parties(ctx: ArticleContext, draft: Draft) -> None:
    """An agreement has two sides: when the text names one, the other is the article's host."""
    if not any(p.start is not None for p in draft.parties) and (held := _organiser(ctx, draft)) is not None:
        draft.parties.clear()
        draft.keys.clear()
        draft.add_party(held.institution, held.text, held.representative, held.start, held.end)
        return
    host = ctx.host
    if host is None or host.key in draft.first.non_signers or any(
            p.kind == "ombudsman" and host.kind == "ombudsman" for p in draft.parties):
        # The host only took part ("Ombudsman RI berpartisipasi dalam ..."), or is an office of the body that
        # already signs ("usai menyaksikan penandatanganan ... antara Ombudsman dan Pemda"): no other side.
        return
    if len(draft.parties) < 2 and host.key not in draft.keys:
        if draft.parties and draft.unnamed_group:
            return  # "Unri sebelumnya telah menjalin MoU dengan 20 pemerintah daerah": the other side is unnamed
        if draft.parties and draft.types == ["pakta_integritas"]:
            # "Usai pelantikan, Pj Bupati Buol menandatangani pakta integritas": a pledge its signers make for their
            # own institution has no other side (dev j-16, m-09); the governor who swore him in only watches
            return
        draft.implicit = True
        draft.add_party(host, _mention_for(ctx, host), None, None, None)
    elif host.key not in draft.keys and _counterparts_only(ctx.text, draft):
        # "MoU dengan Kabupaten Sumbawa dan Bima dijadwalkan pada Juni": a document named with its counterparts
        # only, however many, has the article's host on its other side
        draft.implicit = True
        draft.add_party(host, _mention_for(ctx, host), None, None, None)


def _counterparts_only(text: str, draft: Draft) -> bool:
    """Whether every party of a draft was read from its first mention's "dengan" list after a document named with no
    signer of its own ("MoU dengan A dan B ...")."""
    cand = draft.first
    if cand.subjects or cand.we or cand.agentive or cand.trigger.kind != "relational" or len(cand.objects) < 2 \
            or not cand.trigger.agreements or len(draft.parties) != len(cand.objects) or draft.merged > 1:
        return False
    first = min(cand.objects, key=lambda m: m.start)
    return bool(re.fullmatch(r"\s*(?:[\w-]+\s+){0,3}?(?:dengan|bersama)\s+",
                             text[cand.sent_start + cand.trigger.agreements[-1].end:first.start], re.IGNORECASE))


# "Ketua Baznas Jateng menyebut ...", "Rektor Unhas mengatakan, ...": an official who speaks.
_SPEAKS_AFTER = re.compile(r"\s*(?:,\s*(?:[A-Z][\w'.-]*\s*){1,4},\s*)?(?:juga\s+)?(?:" + _SAYING_VERBS + r")\b")


_SPEAKER_TITLE_BEFORE = re.compile(r"\b(?:Ketua|Kepala|Direktur|Rektor|Dekan|Bupati|Wali\s*Kota|Walikota|Gubernur|Pimpinan|"
                                   r"Pemimpin|Sekretaris|Camat|Kapolres|Kapolda|Kajari|Kajati)(?:\s+(?:Umum|Utama))?\s+$")


def _speaking_signer(ctx: ArticleContext, cand: Candidate, drafts: Sequence[Draft]) -> Institution | None:
    """ "Ketua Baznas Jateng menyebut MoU tersebut melengkapi nota kesepahaman serupa yang sudah lebih dulu diteken
    dengan PWNU Jawa Tengah": the body of the official who speaks in the sentence of a signing named with its
    counterpart only, where that body signed the agreement the article read before, is the other side."""
    earlier = {k for d in drafts for k in d.keys}
    for m in ctx.mentions_between(cand.sent_start, cand.trig_start):
        if m.institution.key in earlier and _SPEAKS_AFTER.match(ctx.text, m.end) \
                and (m.official or _SPEAKER_TITLE_BEFORE.search(ctx.text, max(0, m.start - 25), m.start)):
            return m.institution
    return None


_WITH = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:dengan|bersama)\s+", re.IGNORECASE)
_WITH_AFTER_NAME = re.compile(r"\s*(?:[\w/-]+\s+){0,8}?dengan\s+", re.IGNORECASE)


def _with_unnamed_group(text: str, cand: Candidate) -> bool:
    """Whether a signing names its counterparts only as a group right after it ("... menjalin MoU dengan 20
    pemerintah daerah"): the text says who the other side is, a group it does not name (SPEC: Unnamed parties)."""
    with_ = _WITH.match(text, cand.trig_end, cand.sent_end)
    if with_ is None or GROUP_PHRASE.match(text, with_.end(), cand.sent_end) is None:
        # (after the document's longer name: "menandatangani komitmen bersama pencegahan korupsi dengan seluruh
        # pemerintah daerah se-Sulawesi Tengah")
        with_ = _WITH_AFTER_NAME.match(text, cand.trig_end, cand.sent_end)
    if with_ is not None and (GROUP_PHRASE.match(text, with_.end(), cand.sent_end) is not None
                              or _BARE_GROUP.match(text, with_.end(), cand.sent_end) is not None) \
            and not LIST_OPENER.search(text, with_.end(), cand.sent_end):
        return True
    # ("Ombudsman RI bersama Pemprov Kaltara dan lima pemerintah kabupaten/kota di Bumi Benuanta menandatangani ...":
    # the group among the subjects, unnamed there)
    return cand.subjects != [] and any(
        GROUP_PHRASE.match(text, g.end(), cand.trig_start) is not None
        and not LIST_OPENER.search(text, g.end(), cand.trig_start)
        for g in _JOINED_BEFORE_GROUP.finditer(text, cand.subjects[0].end, cand.trig_start))


_JOINED_BEFORE_GROUP = re.compile(r"\b(?:bersama(?:\s+dengan)?|dan|serta|beserta)\s+(?=" + COUNTED_GROUP + ")", re.IGNORECASE)


# "... menggelar penandatanganan nota kesepakatan dengan pemerintah daerah, Rabu (9/8)": the governments, a group the
# clause leaves unnamed (its members may be named after: "Penandatanganan dilakukan oleh Kajari A dengan Bupati A").
# ("dengan hampir seluruh pemerintah daerah di Bangka Belitung": the governments of a region, counted by a quantifier)
_GROUP_NOUNS = (r"(?:pemerintah\s+(?:daerah|kabupaten\s*/\s*kota|kabupaten\s+dan\s+kota)|pemda|kabupaten\s*/\s*kota|"
                r"bupati\s*(?:dan|/)\s*wali\s*kota|kepala\s+daerah)")
_BARE_GROUP = re.compile(r"(?:para\s+)?" + _GROUP_NOUNS + r"(?=\s*(?:[,.;]|$))|"
                         r"(?:(?:hampir|sebagian(?:\s+besar)?)\s+)?(?:seluruh|semua)\s+" + _GROUP_NOUNS +
                         r"(?=\s+(?:di|se-?)\s*(?:wilayah\s+|Provinsi\s+)?(?-i:[A-Z]))", re.IGNORECASE)


_ANCHOR = re.compile(r"\b(?:tersebut|ini|itu|kemarin|tadi)\b", re.IGNORECASE)
_HABITUAL = re.compile(r"\b(?:sering|seringkali|kerap|kerapkali|biasanya|umumnya|pada\s+umumnya|selalu|"
                       r"acap\s+kali|tak\s+jarang|tidak\s+jarang)\b", re.IGNORECASE)


def _named_generically(draft: Draft) -> bool:
    """Whether every mention of the event names its document only generically ("kontrak", "perjanjian")."""
    return all(t.weak or t.generic for t in [draft.first.trigger, *draft.mentions] if t.types)


def _anchored(draft: Draft, text: str) -> bool:
    """Whether an event is more than a general remark: it names a party itself, or its sentence is no quoted
    or habitual generality, or ties it to a date, a place or the occasion."""
    if any(p.start is not None for p in draft.parties) or draft.first.date or draft.first.venue:
        return True
    sentence = text[draft.first.sent_start:draft.first.sent_end]
    general = _HABITUAL.search(sentence) or sentence.lstrip()[:1] in {'"', "“"}
    return not general or bool(_ANCHOR.search(sentence))


def _finish(draft: Draft, ctx: ArticleContext, article_id: str, ref: dt.date | None) -> list[SigningEvent]:
    cand = draft.first
    text = ctx.text
    ev_start, ev_end = _strip_span(text, cand.sent_start, cand.sent_end)
    # A signing the text does not announce ("akan", "rencananya", "dijadwalkan") is reported as done, whatever
    # date it carries: a date after the publication is more often misread than a plan left unsaid.
    status = draft.status or "signed"
    if status == "signed" and draft.date is not None and (slipped := slipped_day(draft.date, ref)) is not None:
        draft.date = slipped  # "berlangsung ..., Kamis (26/6)" in a story of Thursday 26 April: a slip for today
    if draft.venue is not None and (any(_REMOTE.search(t.sentence) for t in [cand.trigger, *draft.mentions])
                                    or _REMOTE.search(_paragraph_text(ctx, draft.venue.start))):
        draft.venue = None  # signed from several places at once ("dari tiga lokasi"): no one place is the signing's
    venue_code = _venue_region(ctx, draft)
    # "Palang Merah Indonesia" beside "Palang Merah Indonesia Kabupaten Lumajang": the office signs.
    parties = [p for p in draft.parties if not general_party(p, draft.parties)]
    parties = _secretariats_as_governments(ctx.gazetteer, parties)
    parties = [p for p in parties if not _council_organ(p, parties)]
    # one office written with and without its class ("Kantor Imigrasi Kelas I TPI Denpasar", "Kantor Imigrasi Denpasar")
    # (a foundation named in English and as the yayasan: the article's Indonesian name is kept)
    parties = [p for p in parties if not (p.name.endswith(" Foundation") and any(
        written_alike(q, p) and not q.name.endswith(" Foundation") for q in parties))]
    parties = [p for i, p in enumerate(parties) if not any(written_alike(q, p) for q in parties[:i])]
    parties = [p for p in parties if not parent_beside_unit(p, parties, ctx.gazetteer, text)]
    # (against those left: a unit and the body it would act for must not drop each other)
    parties = [p for p in parties if not _acts_for(p, parties, text)]
    # "Kemendikbud dan Pemkab Wonosobo menandatangani ...", "ditandatangani Direktur Jenderal Kebudayaan Hilmar
    # Farid": the head of the ministry's unit signs for the ministry the text presents as the signer (SPEC: Units)
    parties = [p for p in parties if not (_UNIT_HEAD_TITLE.match(p.mention or "") and _ministry_of_unit(p, parties))]
    # "PT Pos Indonesia (Persero) Kantor Cabang Utama Manado" and, from its head's title, "Kantor Pos Manado": one
    # company's office in one town, named two ways
    parties = [p for i, p in enumerate(parties) if not any(_one_branch(ctx.gazetteer, q, p) for q in parties[:i])]
    # "Pusat Riset Limnologi dan Sumber Daya Air" (its head's title) beside the same centre named with its agency
    parties = [p for p in parties if not any(_with_its_body(ctx.gazetteer, p, q) for q in parties)]
    # "Kemenkop" in 2022 is the Kementerian Koperasi dan UKM: the cabinet in office when it signed names it
    when = cabinets.interval(draft.date.value, draft.date.precision) if draft.date else None
    cabinets.name_by_cabinet(ctx.gazetteer, parties, when or cabinets.reference_interval(ref))
    base = SigningEvent(
        article_id=article_id,
        agreement_types=draft.types or ["other"],
        status=status,
        parties=parties,
        evidence=text[ev_start:ev_end],
        evidence_start=ev_start,
        evidence_end=ev_end,
        agreement_title=draft.title,
        date=draft.date.value if draft.date else None,
        date_precision=draft.date.precision if draft.date else None,
        date_text=draft.date.text if draft.date else None,
        venue=draft.venue.text if draft.venue else None,
        venue_region_code=venue_code,
    )
    base.confidence = _confidence(draft)
    return [base]


def _council_organ(party: Party, parties: list[Party]) -> bool:
    """ "Badan Anggaran (Banggar) DPRD bersama TAPD DKI menandatangani MoU KUA-PPAS", signed by the Ketua DPRD: the
    budget committee works for its council, which is the party beside it (SPEC: Units, the body the text presents
    as the signer)."""
    organ = COUNCIL_ORGAN.match(party.name)
    # Its council named bare ("Badan Anggaran DPRD") is the one beside it.
    council = party.name[organ.end():] if organ is not None else ""
    return organ is not None and any(o is not party and o.kind == "dprd" and (
        council in (o.name, "DPRD", "Dewan Perwakilan Rakyat Daerah")
        or party.region_code is not None and o.region_code == party.region_code) for o in parties)


# A regional government's secretariat: "Sekretariat Daerah Provinsi Jawa Tengah", "Setda Kabupaten Paser".
_SECRETARIAT = re.compile(r"(?:Sekretariat\s+Daerah|Setda)\s")


def _secretariats_as_governments(gazetteer, parties: list[Party]) -> list[Party]:
    """ "nota kesepahaman antara Setda Provinsi Jateng bersama OPD terkait dengan 18 lembaga PWNU": the regional
    secretariat has no agreements of its own; its head, the Sekda, signs for the government, which is the party
    (SPEC: Units; the Sekda who signs is the government's representative). Named once where the government is a
    party already."""
    out: list[Party] = []
    for p in parties:
        gov = gazetteer.institutions.get("pemda:" + p.region_code) if p.region_code and p.kind == "pemerintah_daerah" \
            and _SECRETARIAT.match(p.name) else None
        if gov is not None:
            if any(q.kind == "pemerintah_daerah" and q.region_code == p.region_code and q.name == gov.name
                   for q in parties):
                continue
            p = dataclasses.replace(p, name=gov.name)
        out.append(p)
    return out


# What follows a body's name in the name of one of its units or offices: "Perum Bulog Divisi Regional ...", "PT
# Pelindo Regional 2", "PLN UIW NTT", "BPJS Kesehatan Cabang Palu", "PT Angkasa Pura I Bandar Udara ...", "LPP RRI
# Stasiun ...".
_UNIT_AFTER_NAME = re.compile(r"(?:Divisi|Direktorat|Departemen|Satuan\s+Kerja|Biro|Kantor\s+(?:Wilayah|Cabang|Regional|Perwakilan|Unit|Pos)|Kanwil|Cabang|"
                              r"Regional|Region|Wilayah|Unit|UI[DWPKT]|UP[2-3]|ULP|Area|Bandar\s+Udara|Bandara|"
                              r"Stasiun|Terminal|KCU?|KCP)\b")


# An office named only through its head's title: "Kepala Kantor Pos Kayuagung", "General Manager PLN UID ...".
_HEAD_TITLE_FIRST = re.compile(r"(?:Kepala|Ketua|Direktur|General\s+Manager|GM|Manajer|Manager|Pemimpin|Pimpinan|"
                               r"(?:Regional\s+)?CEO|Plt\.?|Plh\.?|Pj\.?|Deputi|Kakanwil|Kakan\w*|"
                               # a company's officers by their English titles: "Executive Vice President Telkom Regional X"
                               r"(?:Executive\s+|Senior\s+)?Vice\s+President|EVP|SVP|VP|(?:Area|Branch|Regional)\s+"
                               r"(?:Manager|Head|Director))\b")


# "selaku pihak I Bulog yang diwakili langsung oleh Kepala Perum Bulog Divisi Regional Sulut": the unit whose head
# the text says stands for a side signs as that side, where a sentence sets out the sides.
_SIDE_REPRESENTED_BY = re.compile(r"\bpihak\s+(?:I{1,2}|pertama|kedua|kesatu|1|2)\b[^.;]{0,60}?\bdiwakili\s+(?:langsung\s+)?"
                                  r"oleh\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _stands_for_side(party: Party | PartyMention, text: str | None) -> bool:
    """Whether a unit's head is said to stand for a side of the signing, as a sentence setting out the sides
    writes it ("selaku pihak I Bulog yang diwakili langsung oleh Kepala Perum Bulog Divisi Regional ...")."""
    return text is not None and party.start is not None and bool(
        _SIDE_REPRESENTED_BY.search(text, max(0, party.start - 90), party.start))


def _named_by_head(party: Party | PartyMention, text: str | None) -> bool:
    """Whether a party's mention is its head's title, or comes right after one."""
    if _HEAD_TITLE_FIRST.match(party.mention if isinstance(party, Party) else party.text):
        return True
    return text is not None and party.start is not None and bool(
        re.search(_HEAD_TITLE_FIRST.pattern + r"[ \t]*$", text[max(0, party.start - 30):party.start]))


def _parents_by_short_form(gazetteer, name: str) -> set[str]:
    """The bodies whose short form a unit's name begins with, a unit word after it ("BPJS Ketenagakerjaan Cabang
    Jambi": Badan Penyelenggara Jaminan Sosial Ketenagakerjaan)."""
    words = name.split()
    out = set()
    for k in range(min(len(words) - 1, 6), 0, -1):
        if _UNIT_AFTER_NAME.match(" ".join(words[k:])):
            body = gazetteer.find_form(" ".join(words[:k]))
            if body is not None and not body.region_code:
                out.add(body.name)
    return out


def _with_its_body(gazetteer, short: Party, full: Party) -> bool:
    """Whether `full` is `short` with the national body it belongs to written after it ("Pusat Riset X" and "Pusat
    Riset X Badan Riset dan Inovasi Nasional")."""
    if short is full or short.kind != full.kind or not full.name.startswith(short.name + " "):
        return False
    body = gazetteer.find_form(full.name[len(short.name) + 1:])
    return body is not None and not body.region_code


def _one_branch(gazetteer, a: Party, b: Party) -> bool:
    """Whether two parties are one company's (or body's) office in one town, written two ways: both names are
    the body's name or short form with a unit word after it, both end in the town's name, and their region codes
    (where given) agree."""
    if a.kind != b.kind or a.kind not in ("bumn_bumd", "swasta", "kementerian_lembaga") or a.name == b.name \
            or a.name.split()[-1] != b.name.split()[-1] \
            or a.region_code and b.region_code and not (a.region_code + ".").startswith(b.region_code + ".") \
            and not (b.region_code + ".").startswith(a.region_code + "."):
        return False
    return bool(_parents_by_short_form(gazetteer, a.name) & _parents_by_short_form(gazetteer, b.name))


def parent_beside_unit(party: Party, parties: list[Party], gazetteer=None, text: str | None = None) -> bool:
    """Whether ``party`` is a national body named beside one of its own regional units in the same event
    ("TNI dan Polri" beside the Kodim and the Polres that sign, a Kementerian beside its Kantor Wilayah): the
    unit signs, the body is only named as what the unit belongs to (SPEC: Units). The Ombudsman is not
    folded (SPEC: Ombudsman RI and an office are both parties when both sign)."""
    if party.kind == "ombudsman" or party.region_code:
        return False
    if any(o.kind == "ombudsman" and o.region_code for o in parties) and any(
            o.kind == "ombudsman" and not o.region_code for o in parties):
        return False  # both levels of the other side sign too ("MoU Ombudsman RI-Polri ... Ombudsman Jateng-Polda")
    for parent, unit in UNITS_OF:
        if parent.fullmatch(party.name):
            return any(unit.match(o.name) for o in parties if o is not party)
    # "Perum Bulog" beside "Perum Bulog Divisi Regional Sulut dan Gorontalo": the division signs for it.
    if any(o is not party and o.name.startswith(party.name + " ") and _UNIT_AFTER_NAME.match(o.name, len(party.name) + 1)
           for o in parties):
        return True
    # "BPJS Ketenagakerjaan" beside "BPJS Ketenagakerjaan Cabang Jambi", the office the text names as a signer; not
    # where the office is only its head's title and signs for the body ("Kepala Kantor Pos Kayuagung",
    # "General Manager PLN UID Jawa Tengah ... atas nama Direksi PLN": the body the text names signs).
    if gazetteer is not None and party.kind != "perguruan_tinggi" and any(
            o is not party and party.name in _parents_by_short_form(gazetteer, o.name)
            and (not _named_by_head(o, text) or _stands_for_side(o, text))
            and not (text is not None and _acts_for(o, parties, text))
            for o in parties):
        return True
    # "Kementerian Agama" beside "Kantor Wilayah Kementerian Agama Provinsi Aceh" or "Kantor Kementerian Agama
    # Kota Banda Aceh".
    return party.kind == "kementerian_lembaga" and any(
        o is not party and o.region_code and re.match(rf"Kantor (?:Wilayah |Perwakilan )?{re.escape(party.name)}\b",
                                                      o.name) for o in parties)


def _paragraph_text(ctx: ArticleContext, pos: int) -> str:
    """The paragraph of the text that holds ``pos``."""
    k = ctx.paragraph_of(pos)
    end = ctx.paragraph_starts[k + 1] if k + 1 < len(ctx.paragraph_starts) else len(ctx.text)
    return ctx.text[ctx.paragraph_starts[k]:end]


_REMOTE = re.compile(
    r"\b(?:penandatangan\w*|menandatangani|ditandatangani|diteken|berlangsung|dilakukan|dilakulan|dilaksanakan|digelar|"
    r"tanda\s*tangan)\s+(?:\w+\s+){0,4}?"
    r"dari\s+(?:(?:dua|tiga|empat|lima|\d+)\s+(?:lokasi|tempat|kota|negara)|"
    # "membubuhkan tanda tangan dari tempat masing-masing": each from their own office
    r"(?:tempat|lokasi|kantor|ruang|ruangan|daerah|kota)\s+masing-masing)\b",
    re.IGNORECASE)


# The titles of a body's head, and the kinds of body each heads: "atas nama Rektor" signs for a university.
_HEAD_TITLES = {"rektor": r"Rektor", "pemda": r"Bupati|Wali\s*[Kk]ota|Walikota|Gubernur",
                "menteri": r"Menteri", "direksi": r"Direksi|Direktur\s+Utama|Dirut",
                "polisi": r"Kapolri|Kapolda|Kapolres(?:ta)?|Jaksa\s+Agung|Kajati|Kajari"}
_HEAD_TITLE_KINDS = {"rektor": {"perguruan_tinggi"}, "pemda": {"pemerintah_daerah"},
                     "menteri": {"kementerian_lembaga"}, "direksi": {"bumn_bumd", "swasta"},
                     "polisi": {"penegak_hukum"}}
# (the commas it passes stay in the sentence: "Bupati Wajo, X. Untuk Kabupaten Pinrang, ... atas nama Bupati Pinrang"
# is another sentence's signer acting for his own head; a full stop after a word, not after "Prof." or "Dr.", ends it)
_ON_BEHALF_OF_HEAD = re.compile(r"\s*,?\s*(?:(?:(?!(?<=[a-z]{4})\.\s+[A-Z][a-z])[^,;()]){2,60},\s*){0,4}?"
                                # ("Kepala Bareskrim Polri Komjen Wahyu Widada atas nama Kapolri": the name, no comma)
                                r"(?:(?:[A-Z][\w.'’-]*\s+){1,5}(?=atas\s+nama\b|mewakili\b))?"
                                # ("Kepala Dinas Lingkungan Hidup masing-masing daerah atas nama wali kota dan bupati")
                                r"(?:masing-masing(?:\s+(?:daerah|pihak|instansi|lembaga))?\s+)?"
                                r"(?:yang\s+(?:(?:menandatangani|meneken)\s+)?)?"
                                r"(?:atas\s+nama|mewakili)\s+((?i:" + "|".join(_HEAD_TITLES.values()) + r"))\b"
                                r"(?!\s+(?!(?:Kota|Kabupaten|Provinsi)\b)[A-Z][\w-]*\s+[a-z])")


def _acts_for(party: Party, parties: list[Party], text: str) -> bool:
    """Whether ``party`` is a unit through which another party of the event signs: "Pemerintah Provinsi Jawa Timur,
    melalui Badan Pengembangan Sumber Daya Manusia (BPSDM), menjalin ...", "IPB melalui LPPM", "Inspektorat atas
    nama Pemerintah Provinsi Maluku", "Kepala LPPM IPB ..., atas nama Rektor": the text presents the body as the
    signer, so the party is the body (SPEC: Units)."""
    if party.start is None:
        return False
    if party.end is not None and (on_behalf := _ON_BEHALF_OF_HEAD.match(text, party.end)) is not None:
        # "Kepala LPPM IPB, Prof. X, atas nama Rektor": the unit's head signs for the head of the body it belongs to
        kinds = _HEAD_TITLE_KINDS[next(k for k, pat in _HEAD_TITLES.items() if re.fullmatch(pat, on_behalf.group(1),
                                                                                             re.IGNORECASE))]
        # (the body the unit belongs to: of its region, if it has one; a government itself acts for no other
        # government: "Sekda Kaltara mewakili Gubernur, Pemkab Bulungan, ..." is the province)
        if not party.name.startswith("Pemerintah ") and any(
                gov is not party and gov.kind in kinds and gov.name != party.name
                and (party.region_code is None or gov.region_code in (None, party.region_code)) for gov in parties):
            return True
    if party.kind == "kementerian_lembaga" and party.end is not None and re.match(
            r"\s*,?\s*(?:atas\s+nama|mewakili)\s+Menteri\b", text[party.end:party.end + 40], re.IGNORECASE) \
            and any(gov is not party and gov.kind == party.kind and party.name.endswith(" " + gov.name) for gov in parties):
        return True  # "Dirjen Bina Marga X atas nama Menteri PUPR": the directorate general signs for its ministry
    for gov in parties:
        if gov is not party and gov.end is not None and party.kind != "ombudsman" and gov.end <= party.start \
                and party.name != gov.name and re.fullmatch(r"\s*(?:\([^()]{1,40}\))?\s*,?\s*melalui\s+",
                                                          text[gov.end:party.start], re.IGNORECASE):
            return True  # "Institut Pertanian Bogor (IPB) melalui LPPM menjalin ...": the body acts, its unit serves
    if party.kind not in {"pemerintah_daerah", "kementerian_lembaga", "lainnya"}:
        return False
    for gov in parties:
        if gov is party or gov.start is None or gov.end is None or party.end is None or gov.kind != "pemerintah_daerah" or \
                party.region_code not in (None, gov.region_code):
            continue
        if party.end <= gov.start and re.fullmatch(r"\s*,?\s*atas\s+nama\s+", text[party.end:gov.start], re.IGNORECASE):
            return True
    return False


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _venue_region(ctx: ArticleContext, draft: Draft) -> str | None:
    if draft.venue is None:
        return None
    gaz = ctx.gazetteer
    doc = ctx.doc
    for ent in doc.ents:
        if ent.start_char >= draft.venue.start and ent.end_char <= draft.venue.end and ent.kb_id_:
            inst = gaz.institutions.get(ent.kb_id_.split("#")[0])
            if inst is not None and inst.region_code and inst.kind in {"pemerintah_daerah", "ombudsman", "dprd"}:
                return inst.region_code
    return _named_region(gaz, draft.venue.text) or _office_region(draft)


def _named_region(gaz: Gazetteer, place: str) -> str | None:
    """The region a place names, the last part first ("Aula X, Kantor Bupati Sigi di Bora" -> Sigi)."""
    for part in reversed(re.split(r",\s*", place)):
        words = part.split()
        for n in range(len(words), 0, -1):
            for i in range(0, len(words) - n + 1):
                code = gaz.region_code_for(" ".join(words[i:i + n]))
                if code and words[i][:1].isupper():
                    return code
    return None


# A venue named by its office alone ("ruang kerja Bupati", "Kantor Wali Kota setempat", "Aula Kejaksaan
# Tinggi") lies in the region of the signing party that holds the office.
_LOCAL_OFFICE = re.compile(r"\b(?:Bupati|Pemkab|Kabupaten|Wali\s*[Kk]ota|Balai\s*[Kk]ota|Pemkot|Kejari|Kejaksaan\s+"
                           r"[Nn]egeri|DPRD|Sekda|Setda|Sekretariat\s+Daerah|Polres|Kodim)\b|\bsetempat\b", re.IGNORECASE)
_PROVINCE_OFFICE = re.compile(r"\b(?:Gubernur|Gubernuran|Pemprov|Kejati|Kejaksaan\s+Tinggi|Polda)\b", re.IGNORECASE)


def _office_region(draft: Draft) -> str | None:
    assert draft.venue is not None
    codes = [p.region_code for p in draft.parties if p.region_code and p.kind != "ombudsman"]
    if _PROVINCE_OFFICE.search(draft.venue.text):
        provinces = {c.split(".")[0] for c in codes}
        return provinces.pop() if len(provinces) == 1 else None
    if _LOCAL_OFFICE.search(draft.venue.text):
        locals_ = {c for c in codes if "." in c}
        return locals_.pop() if len(locals_) == 1 else None
    return None


def _confidence(draft: Draft) -> float:
    """A score from how the event was read; `teken eval --calibration` checks it against gold."""
    cand = draft.first
    score = {"sign": 0.62, "light": 0.52, "relational": 0.45, "continuation": 0.45}.get(cand.trigger.kind, 0.5)
    explicit = len(cand.subjects) + len(cand.objects)
    score += 0.12 if explicit >= 2 else 0.05 if explicit == 1 else -0.12
    if draft.implicit:
        score -= 0.06
    if draft.date is not None:
        score += 0.08
    if draft.venue is not None:
        score += 0.04
    if draft.merged > 1:
        score += 0.04
    if not draft.parties:
        score -= 0.2
    elif all(same_institution(draft.parties[0], p) for p in draft.parties[1:]) and not (
            {"pakta_integritas", "komitmen_bersama"} & set(draft.types)):
        score -= 0.10  # an agreement has two sides: one named side is more often a remark than a signing
    return round(min(0.98, max(0.05, score)), 3)


# The ids' rule lives beside SigningEvent (teken.records), where a process that qualifies an article's id after
# extraction (the main process of a pool or Dask run) finds it without importing the extractors.
_assign_ids = assign_event_ids
