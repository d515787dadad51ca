"""Typed data model of the output contract (docs/output.md, schema/claimtrack.schema.json).

Every field name here is part of the public contract that external scorers read;
rename nothing without a schema version bump.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]
"""[start, end) character offsets into ``article.text``."""

SourceKind = Literal[
    "state", "government", "military", "official", "person", "outlet", "organization", "anonymous", "unknown"
]
Stance = Literal[
    "asserts",
    "denies",
    "does_not_confirm",
    "claims_responsibility",
    "threatens",
    "accuses",
    "predicts",
    "alleges",
    "other",
]
DatePrecision = Literal["day", "month", "year"]
LocationPrecision = Literal["point", "admin2", "admin1", "country", "region"]
PlaceFeature = Literal["settlement", "admin1", "admin2", "country", "region", "water", "landmark"]
Modality = Literal["asserted", "planned", "threatened", "hypothetical", "negated"]
Status = Literal["claimed", "confirmed", "disputed", "denied"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Model):
    id: str
    source_path: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD")
    title: str | None = None
    via: list[str] = Field(default_factory=list, description="outlets the article says it relays")
    text: str

    def published_date(self) -> date | None:
        """The publication date, the anchor of relative dates; None when absent or unreadable."""
        try:
            return date.fromisoformat(self.published[:10]) if self.published else None
        except ValueError:
            return None


class TextSpan(_Model):
    text: str
    span: Span


class Source(_Model):
    text: str
    span: Span
    entity: str | None = None
    kind: SourceKind = "unknown"
    anonymous: bool = False
    side: str | None = Field(
        default=None,
        description="the party the source speaks for: a state, an armed group, 'civilians' or 'independent'",
    )


class Content(_Model):
    text: str
    spans: list[Span]


class Claim(_Model):
    id: str
    source: Source | None = None
    cue: TextSpan
    content: Content
    stance: Stance = "asserts"
    via: list[str] = Field(default_factory=list)
    said_on: str | None = Field(default=None, description="date of the statement: YYYY-MM-DD, YYYY-MM or YYYY")


class AcledType(_Model):
    event_type: str
    sub_event_type: str


class EventDate(_Model):
    value: str = Field(description="YYYY-MM-DD, YYYY-MM or YYYY")
    precision: DatePrecision
    text: str


class Location(_Model):
    text: str
    name: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: LocationPrecision = "point"


class Actor(_Model):
    text: str
    entity: str | None = None


class Weapon(_Model):
    text: str
    name: str


class Quantity(_Model):
    role: str
    value: int
    unit: str | None = None
    claim: str | None = Field(default=None, description="id of the claim that states the figure")


class Event(_Model):
    id: str
    type: str
    acled: AcledType | None = None
    trigger: TextSpan
    date: EventDate | None = None
    location: Location | None = None
    initiator: Actor | None = None
    target: Actor | None = None
    weapons: list[Weapon] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    fatalities: int | None = None
    injured: int | None = None
    modality: Modality = "asserted"
    background: bool = Field(
        default=False,
        description="an earlier incident the article tells in passing (dated days before its own): kept for the "
        "record, never given the current incident's figures, and carrying no ACLED code",
    )
    status: Status = "claimed"
    status_reason: str | None = Field(default=None, description="one line: why the event has its status")
    claims: list[str] = Field(default_factory=list)


class Place(_Model):
    text: str
    span: Span
    name: str
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: PlaceFeature = "settlement"
    precision: LocationPrecision = Field(
        default="point",
        description="how exactly lat/lon place it: a village placed by its hromada's centroid is admin2",
    )


class DocumentResult(_Model):
    """One line of ``claimtrack extract --format jsonl``."""

    id: str
    article: Article
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    warnings: list[str] = Field(
        default_factory=list,
        description="why the results may be partial: the document ran past its time or mention budget",
    )


# -- the ledger (claimtrack events --format jsonl, export, Ledger.events) ------------------------------------


class LedgerReport(_Model):
    """One article's report of a ledger event."""

    article_id: str
    source_path: str | None = None
    event_id: str = Field(description="the event's id inside its article (e1, e2...)")
    report_key: str = Field(description="<article content hash>:<event id>, stable across re-ingest")
    url: str | None = None
    publisher: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD")
    title: str | None = None
    via: list[str] = Field(default_factory=list)
    syndicated_from: str | None = Field(default=None, description="first outlet of the article's near-duplicates")


class LedgerSource(_Model):
    """An original source and what it says about the event."""

    entity: str
    kind: str
    side: str | None = Field(default=None, description="the state a state source speaks for")
    stances: list[str]
    chains: list[str] = Field(description="relay chains: original → relays → publisher")
    reports: int


class Figure(_Model):
    """One claimed value of a figure (killed, intercepted...) with who claims it."""

    value: int
    source: str
    claim: str | None = None
    article: str
    via: list[str] = Field(default_factory=list)
    reports: int
    superseded: bool = Field(default=False, description="the same source later gave another value")
    unconfirmed_by: list[str] = Field(default_factory=list)
    denied_by: list[str] = Field(default_factory=list)


class FigureValue(_Model):
    value: int
    sources: list[str]


class FigureContradiction(_Model):
    kind: Literal["figure"] = "figure"
    role: str
    values: list[FigureValue]


class DenialContradiction(_Model):
    kind: Literal["denial"] = "denial"
    asserted_by: list[str]
    denied_by: list[str]


class InitiatorValue(_Model):
    entity: str
    source: str


class InitiatorContradiction(_Model):
    kind: Literal["initiator"] = "initiator"
    values: list[InitiatorValue]


Contradiction = Annotated[
    FigureContradiction | DenialContradiction | InitiatorContradiction, Field(discriminator="kind")
]


class LedgerEvent(Event):
    """A real-world event merged over its reports: the event fields plus provenance (docs/ledger.md)."""

    reports: list[LedgerReport]
    sources: list[LedgerSource] = Field(default_factory=list)
    independent_sources: int = 0
    figures: dict[str, list[Figure]] = Field(default_factory=dict)
    contradictions: list[Contradiction] = Field(default_factory=list)
    chains: list[str] = Field(default_factory=list)
