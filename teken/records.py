"""The plain records that flow through a teken run: articles in, signing events out.

Field names and meanings follow SPEC.md §2 and §3; the README documents the
columns they become. Records are plain dataclasses so that every stage, the
writers and the notebook API share one shape.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

AgreementType = Literal["mou", "pks", "rencana_kerja", "komitmen_bersama", "pakta_integritas", "other"]
# In SPEC order, which is also the order labels are listed in on an event.
AGREEMENT_TYPES: tuple[str, ...] = get_args(AgreementType)

Status = Literal["signed", "planned"]
DatePrecision = Literal["day", "month", "year"]

PartyKind = Literal[
    "ombudsman",
    "pemerintah_daerah",
    "dprd",
    "kementerian_lembaga",
    "penegak_hukum",
    "bumn_bumd",
    "perguruan_tinggi",
    "swasta",
    "organisasi",
    "lainnya",
]
PARTY_KINDS: tuple[str, ...] = get_args(PartyKind)


@dataclass
class Article:
    """One article as read and cleaned; `error` is set instead of `text` when it could not be read."""

    article_id: str
    input_path: str
    input_record: int | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, "2020-11-19"
    language: str | None = None
    text: str = ""
    error: str | None = None
    n_events: int = 0
    truncated: bool = False  # the cleaned text was cut at ReadSettings.max_text_chars
    notes: str | None = None  # what reading changed, "; "-joined: surrogates replaced, an id qualified, a cut

    def to_row(self, with_text: bool = True) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "input_path": self.input_path,
            "input_record": self.input_record,
            "url": self.url,
            "site": self.site,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text_length": len(self.text),
            "n_events": self.n_events,
            "error": self.error,
            "truncated": self.truncated,
            "notes": self.notes,
            "text": self.text if with_text else None,
        }


@dataclass
class Party:
    """An institution that signs (never a witness or a guest)."""

    mention: str
    name: str
    kind: str = "lainnya"
    region_code: str | None = None
    representative: str | None = None
    # Character offsets of the mention in the cleaned text, for traceability.
    start: int | None = None
    end: int | None = None


@dataclass
class SigningEvent:
    article_id: str
    agreement_types: list[str]
    status: str
    parties: list[Party]
    evidence: str
    evidence_start: int
    evidence_end: int
    agreement_title: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    venue: str | None = None
    venue_region_code: str | None = None
    confidence: float = 0.5
    event_id: str = field(default="")

    def assign_id(self, ordinal: int) -> None:
        """A stable id: the same article and the same event give the same id on every run."""
        anchor = f"{self.article_id}|{self.evidence_start}|{ordinal}"
        self.event_id = "ev-" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["parties"] = [party_dict(p) for p in self.parties]
        return d


def assign_event_ids(events: list[SigningEvent]) -> None:
    """The ids of one article's events: a second event at the same evidence offset gets the next ordinal."""
    seen: dict[int, int] = {}
    for ev in events:
        k = seen.get(ev.evidence_start, 0)
        seen[ev.evidence_start] = k + 1
        ev.assign_id(k)


def party_dict(p: Party) -> dict[str, Any]:
    return {
        "mention": p.mention,
        "name": p.name,
        "kind": p.kind,
        "region_code": p.region_code,
        "representative": p.representative,
    }


def stable_article_id(url: str | None, content: str | bytes | None, input_path: str, record: int | None) -> str:
    """The id of an article that brings none: a hash of its URL, else of its content, else of where it was."""
    if url:
        basis = "url:" + url.strip()
    elif content:
        raw = content if isinstance(content, bytes) else content.encode("utf-8", "replace")
        basis = "sha:" + hashlib.sha1(raw).hexdigest()
    else:
        basis = f"path:{input_path}#{record}"
    return "a-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
