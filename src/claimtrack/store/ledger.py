"""Writing document results into the ledger and reading ledger events back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from claimtrack.ingest.reader import content_hash
from claimtrack.models import DocumentResult
from claimtrack.store.db import open_engine
from claimtrack.store.schema import ArticleRow, ClaimRow, EventRow, PlaceRow, SourceRow


class Ledger:
    """One ledger database. ``add`` is transactional per article and idempotent by content hash."""

    def __init__(self, db: str | None = None, engine: Engine | None = None) -> None:
        self.engine = engine or open_engine(db)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def has(self, text: str) -> bool:
        with self.session() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash(text))) is not None

    def _source(self, s: Session, entity: str, kind: str) -> SourceRow:
        row = s.scalar(select(SourceRow).where(SourceRow.entity == entity))
        if row is None:
            row = SourceRow(entity=entity, kind=kind)
            s.add(row)
            s.flush()
        return row

    def add(self, result: DocumentResult) -> int | None:
        """Store one document; returns the new article row id, or None if its content is already stored."""
        art = result.article
        digest = content_hash(art.text)
        with self.session() as s, s.begin():
            if s.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest)) is not None:
                return None
            row = ArticleRow(
                doc_id=art.id,
                content_hash=digest,
                source_path=art.source_path,
                url=art.url,
                publisher=art.publisher,
                published=art.published,
                title=art.title,
                via=list(art.via),
                text=art.text,
            )
            s.add(row)
            s.flush()
            for claim in result.claims:
                src = claim.source
                source_row = self._source(s, src.entity, src.kind) if src and src.entity else None
                s.add(
                    ClaimRow(
                        article_id=row.id,
                        local_id=claim.id,
                        source_id=source_row.id if source_row else None,
                        stance=claim.stance,
                        data=claim.model_dump(mode="json"),
                    )
                )
            for ev in result.events:
                loc = ev.location
                s.add(
                    EventRow(
                        article_id=row.id,
                        local_id=ev.id,
                        ledger_id=f"{digest[:12]}-{ev.id}",
                        type=ev.type,
                        date_value=ev.date.value if ev.date else None,
                        country=loc.country if loc else None,
                        lat=loc.lat if loc else None,
                        lon=loc.lon if loc else None,
                        data=ev.model_dump(mode="json"),
                    )
                )
            for place in result.places:
                s.add(
                    PlaceRow(
                        article_id=row.id,
                        name=place.name,
                        geonameid=place.geonameid,
                        country=place.country,
                        data=place.model_dump(mode="json"),
                    )
                )
            try:
                s.flush()
            except IntegrityError:  # a concurrent writer stored the same content first
                s.rollback()
                return None
            return row.id

    def events(
        self,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        country: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Ledger events as contract dicts plus ``reports``, ordered by date."""
        q = select(EventRow).options(selectinload(EventRow.article))
        if since:
            q = q.where(EventRow.date_value >= since)
        if until:
            q = q.where(EventRow.date_value <= until)
        if type:
            q = q.where(EventRow.type == type)
        if country:
            q = q.where(EventRow.country == country.upper())
        q = q.order_by(EventRow.date_value, EventRow.id)
        with self.session() as s:
            for row in s.scalars(q):
                data = dict(row.data)
                data["id"] = row.ledger_id
                data["reports"] = [
                    {"article_id": row.article.doc_id, "source_path": row.article.source_path, "event_id": row.local_id}
                ]
                yield data

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        with self.session() as s:
            return {
                name: int(s.scalar(select(func.count()).select_from(table)) or 0)
                for name, table in (
                    ("articles", ArticleRow),
                    ("claims", ClaimRow),
                    ("events", EventRow),
                    ("places", PlaceRow),
                    ("sources", SourceRow),
                )
            }
