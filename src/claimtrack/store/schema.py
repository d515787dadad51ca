"""SQLAlchemy 2 tables of the ledger.

Each row keeps the contract object it came from as JSON (``data``) beside the columns we filter and
join on, so the ledger round-trips the output contract without a column per nested field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text, func
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

    article: Mapped[ArticleRow] = relationship(back_populates="events")

    __table_args__ = (Index("ix_events_block", "date_value", "country", "type"),)


class PlaceRow(Base):
    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(512))
    geonameid: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    article: Mapped[ArticleRow] = relationship(back_populates="places")
