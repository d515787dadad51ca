"""SQLAlchemy 2 tables of the ledger.

Each row keeps the contract object it came from as JSON (``data``) beside the columns we filter and
join on, so the ledger round-trips the output contract without a column per nested field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(1024))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source_path: Mapped[str | None] = mapped_column(String(2048))
    url: Mapped[str | None] = mapped_column(String(2048))
    publisher: Mapped[str | None] = mapped_column(String(256), index=True)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    via: Mapped[list[Any]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    # near-duplicate group: content hash of the group's smallest member, so grouping is order-independent
    dup_group: Mapped[str | None] = mapped_column(String(64), index=True)
    minhash: Mapped[list[Any] | None] = mapped_column(JSON)

    claims: Mapped[list[ClaimRow]] = relationship(back_populates="article", cascade="all, delete-orphan")
    events: Mapped[list[EventRow]] = relationship(back_populates="article", cascade="all, delete-orphan")
    places: Mapped[list[PlaceRow]] = relationship(back_populates="article", cascade="all, delete-orphan")


class SourceRow(Base):
    """A canonical original source (Russia, Ministry of Defence of Russia, Fox News...)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(512), unique=True)
    kind: Mapped[str] = mapped_column(String(32))


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    stance: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    article: Mapped[ArticleRow] = relationship(back_populates="claims")
    source: Mapped[SourceRow | None] = relationship()


class EventRow(Base):
    """An event as one article reports it; ``ledger_id`` groups reports of the same real event."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(32))
    ledger_id: Mapped[str] = mapped_column(String(64), index=True)
    type: Mapped[str] = mapped_column(String(64))
    date_value: Mapped[str | None] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # linking: content-derived report key and the blocking columns (type group x country x date interval)
    report_key: Mapped[str | None] = mapped_column(String(64), index=True)
    type_group: Mapped[str | None] = mapped_column(String(64))
    date_lo: Mapped[int | None] = mapped_column(Integer)
    date_hi: Mapped[int | None] = mapped_column(Integer)

    article: Mapped[ArticleRow] = relationship(back_populates="events")

    __table_args__ = (
        Index("ix_events_block", "date_value", "country", "type"),
        Index("ix_events_link_block", "type_group", "country", "date_lo"),
    )


class ArticleBandRow(Base):
    """MinHash LSH band hashes of an article: equal bands make near-duplicate candidates."""

    __tablename__ = "article_bands"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    band: Mapped[str] = mapped_column(String(40), index=True)


class LedgerEventRow(Base):
    """A real-world event: the cluster of reports (events rows) sharing ``ledger_id``."""

    __tablename__ = "ledger_events"

    ledger_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    anchor_key: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(64), index=True)
    date_value: Mapped[str | None] = mapped_column(String(10), index=True)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    n_reports: Mapped[int] = mapped_column(Integer)
    # status, figures and report count as last written: the "before" of the next change (event_changes)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    # provenance materialised from the reports (migration 0003) so SQL users and filters need no Python;
    # NULL status means "not yet computed" (a ledger from before 0003; filled on open)
    status: Mapped[str | None] = mapped_column(String(16), index=True)
    independent_sources: Mapped[int | None] = mapped_column(Integer)
    fatalities: Mapped[int | None] = mapped_column(BigInteger)
    injured: Mapped[int | None] = mapped_column(BigInteger)
    sources: Mapped[list[Any] | None] = mapped_column(JSON)


class LedgerFigureRow(Base):
    """One claimed value of a ledger event's figure, with who claims it (``SELECT ... WHERE role='killed'``)."""

    __tablename__ = "ledger_figures"

    id: Mapped[int] = mapped_column(primary_key=True)
    ledger_id: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[str] = mapped_column(String(64), index=True)
    value: Mapped[int | None] = mapped_column(BigInteger)  # NULL when beyond 64 bits; value_text has it
    value_text: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(512))
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)


class LinkOverrideRow(Base):
    """A person's correction: ``merge`` (must-link) or ``split`` (cannot-link) between two report keys."""

    __tablename__ = "link_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    a_key: Mapped[str] = mapped_column(String(64), index=True)
    b_key: Mapped[str] = mapped_column(String(64), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    __table_args__ = (UniqueConstraint("kind", "a_key", "b_key", name="uq_link_override"),)


class PlaceRow(Base):
    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(512))
    geonameid: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    article: Mapped[ArticleRow] = relationship(back_populates="places")


class FeedEntryRow(Base):
    """A feed entry or folder file already handled: skipped on later polls without being fetched or parsed."""

    __tablename__ = "feed_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(256))
    key: Mapped[str] = mapped_column(String(2048))
    link: Mapped[str | None] = mapped_column(String(2048))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))  # added, duplicate
    seen_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    __table_args__ = (UniqueConstraint("source", "key", name="uq_feed_entry"),)


class EventChangeRow(Base):
    """What happened to a ledger event in one write: new, gained reports, status or figures changed, merged."""

    __tablename__ = "event_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ledger_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
