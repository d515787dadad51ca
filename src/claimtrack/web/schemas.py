"""Typed responses of the desk's API: what ``/openapi.json`` documents and what tools can rely on."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from claimtrack.models import LedgerEvent


class EventSummary(BaseModel):
    """One ledger event as the list, the map and the CSV show it."""

    id: str
    type: str
    event_type: str | None = Field(None, description="ACLED event type")
    date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM or YYYY")
    date_precision: str | None = Field(None, description="day, month, year or undated")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = Field(None, description="location precision: point, admin2, admin1, country, region")
    status: str
    reports: int
    independent_sources: int
    publishers: list[str]
    actors: list[str]
    sources: list[str]
    figures: str = Field(description="current figures per role, e.g. 'killed 3/5' when sources disagree")
    title: str | None = Field(None, description="title of the earliest report")
    url: str | None = Field(None, description="URL of the earliest report's article")


class EventList(BaseModel):
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    next: str | None = Field(None, description="query string of the next page, or null on the last")
    items: list[EventSummary]


class FacetValue(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    total: int
    facets: dict[str, list[FacetValue]] = Field(description="facet -> values with counts under the other filters")


class DayCount(BaseModel):
    date: str
    type: str
    count: int


class CoarseCount(BaseModel):
    date: str
    precision: str
    count: int


class Timeline(BaseModel):
    days: list[DayCount] = Field(description="day-dated events per day and type")
    coarse: list[CoarseCount] = Field(description="month- and year-dated events, kept off the day axis")
    undated: int


class Points(BaseModel):
    """Compact map points, each a list parallel to ``columns``; ``types`` is every type in the ledger."""

    columns: list[str]
    types: list[str]
    points: list[list[Any]]


class Statement(BaseModel):
    """Who says what in one report: the quoted or reported text and how it reached the publisher."""

    source: str
    kind: str
    side: str | None = None
    stance: str
    text: str | None = Field(None, description="the claim's content as the article words it")
    cue: str | None = None
    chain: list[str] = Field(description="original source -> relays -> publisher")
    article_id: str
    published: str | None = None
    said_on: str | None = None
    url: str | None = None
    own_reporting: bool


class Dossier(BaseModel):
    event: LedgerEvent
    statements: list[Statement]
    status_reason: str


class MergeRequest(BaseModel):
    other: str = Field(description="the ledger event (id, unique prefix or report key) to merge into this one")
    note: str | None = None


class SplitRequest(BaseModel):
    reports: list[str] = Field(default_factory=list, description="report keys or article ids; empty: every report")
    note: str | None = None


class Correction(BaseModel):
    ids: list[str] = Field(description="ledger ids after the correction")
