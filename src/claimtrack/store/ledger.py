"""Writing document results into the ledger and reading ledger events back (hand corrections: corrections.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, and_, or_, select
from sqlalchemy.orm import Session

from claimtrack.link.linking import relink
from claimtrack.link.pairs import Mention, mention_of
from claimtrack.link.provenance import Report, ledger_event
from claimtrack.models import Claim, DocumentResult, Event, LedgerEvent
from claimtrack.store import changes
from claimtrack.store.backend import SqlBackend
from claimtrack.store.corrections import Corrections
from claimtrack.store.db import WRITE, open_engine
from claimtrack.store.materialise import materialise
from claimtrack.store.schema import (
    ArticleBandRow,
    ArticleRow,
    ClaimRow,
    EventRow,
    LedgerEventRow,
    PlaceRow,
    SourceRow,
)
from claimtrack.store.write import check_rows, insert_or_skip, retrying, write_lock


def content_hash(text: str) -> str:
    from claimtrack.ingest.reader import content_hash as digest  # ingest (and its parsers) only when writing

    return digest(text)


class Ledger(Corrections):
    """One ledger database. ``add`` is transactional per article and idempotent by content hash.

    ``read_only`` opens a reader: no migration, no write, and ``LedgerUnavailable`` for a ledger that does
    not exist. Writers may run concurrently (processes, backends): see ``store.write``.
    """

    def __init__(self, db: str | None = None, engine: Engine | None = None, read_only: bool = False) -> None:
        self.engine = engine or open_engine(db, read_only=read_only)
        self._write_engine = self.engine.execution_options(**WRITE)
        if not read_only:
            retrying(self._backfill)

    def session(self, write: bool = False) -> Session:
        """A session; ``write`` for one that will write (on SQLite it holds the write lock from its start)."""
        return Session(self._write_engine if write else self.engine, expire_on_commit=False)

    def has(self, text: str) -> bool:
        with self.session() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash(text))) is not None

    def _source(self, s: Session, entity: str, kind: str) -> SourceRow:
        row = s.scalar(select(SourceRow).where(SourceRow.entity == entity))
        if row is None:
            row = SourceRow(entity=entity, kind=kind)
            check_rows([row])
            s.add(row)
            s.flush()
        return row

    def add(self, result: DocumentResult) -> int | None:
        """Store one document; returns the new article row id, or None if its content is already stored
        (also when a concurrent writer stored it first). Raises ``LedgerValueError`` for a value no backend
        may hold; retries a transaction that lost a race (``store.write.retrying``)."""
        return retrying(lambda: self._add(result))

    def _add(self, result: DocumentResult) -> int | None:
        art = result.article
        digest = content_hash(art.text)
        with self.session(write=True) as s, s.begin():
            write_lock(s)
            values = {
                "doc_id": art.id,
                "content_hash": digest,
                "source_path": art.source_path,
                "url": art.url,
                "publisher": art.publisher,
                "published": art.published,
                "title": art.title,
                "via": list(art.via),
                "text": art.text,
            }
            new_id = insert_or_skip(s, ArticleRow.__table__, values, "content_hash")  # type: ignore[arg-type]
            if new_id is None:
                return None
            changes.begin(s, f"report by {art.publisher or 'an unnamed publisher'} ({art.url or art.id})")
            row = s.get_one(ArticleRow, new_id)
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
            mentions: list[Mention] = []
            for ev in result.events:
                loc = ev.location
                m = mention_of(ev, digest, art.published)
                mentions.append(m)
                s.add(
                    EventRow(
                        article_id=row.id,
                        local_id=ev.id,
                        ledger_id=m.key,  # provisional; linking below assigns the ledger id
                        type=ev.type,
                        date_value=ev.date.value if ev.date else None,
                        country=loc.country if loc else None,
                        lat=loc.lat if loc else None,
                        lon=loc.lon if loc else None,
                        data=ev.model_dump(mode="json"),
                        report_key=m.key,
                        type_group=m.group,
                        date_lo=m.lo,
                        date_hi=m.hi,
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
            check_rows(s.new)
            s.flush()
            self._dedup(s, row)
            touched: set[str] = set()
            for m in mentions:
                touched |= self._relink(s, m)
            materialise(s, touched, self._reports)
            changes.finish(s, lambda ids: self._merged(s, ids))
            return row.id

    # -- near-duplicates -------------------------------------------------------------------------------

    def _dedup(self, s: Session, row: ArticleRow) -> None:
        """Join ``row`` to the near-duplicate groups its MinHash bands hit (connected components)."""
        from claimtrack.link import dedup  # MinHash (datasketch, scipy) only when writing: read commands start fast

        sig = dedup.signature(row.text)
        row.minhash = [int(v) for v in sig.hashvalues]
        bands = dedup.bands(sig)
        for b in bands:
            s.add(ArticleBandRow(article_id=row.id, band=b))
        # ids first: PostgreSQL cannot DISTINCT over the JSON columns of whole rows
        ids = (
            select(ArticleBandRow.article_id)
            .where(ArticleBandRow.band.in_(bands), ArticleBandRow.article_id != row.id)
            .distinct()
        )
        hits = s.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids))).all()
        dups = [a for a in hits if a.minhash and dedup.near_duplicate(sig, dedup.from_values(a.minhash))]
        groups = {a.dup_group or a.content_hash for a in dups}
        members = [row, *dups]
        if groups:
            members += s.scalars(select(ArticleRow).where(ArticleRow.dup_group.in_(groups))).all()
        key = min(a.content_hash for a in members)
        for a in members:
            a.dup_group = key
        s.flush()

    # -- linking ---------------------------------------------------------------------------------------

    @staticmethod
    def _mention(ev: EventRow, art: ArticleRow) -> Mention:
        return mention_of(Event.model_validate(ev.data), art.content_hash, art.published)

    def _merged(self, s: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
        return {lid: ledger_event(lid, reps).model_dump(mode="json") for lid, reps in self._reports(s, ids).items()}

    def _relink(self, s: Session, m: Mention) -> set[str]:
        """Re-link what ``m`` can affect (``claimtrack.link.linking.relink``) against the SQL tables;
        returns the ledger ids written, whose provenance columns need computing again."""
        be = SqlBackend(s, self._mention)
        relink(be, m)
        return be.touched

    def _backfill(self) -> None:
        """Ledgers written before linking (migration 0001) get report keys, blocking columns and clusters."""
        with self.session(write=True) as s, s.begin():
            if s.scalar(select(EventRow.id).where(EventRow.report_key.is_(None)).limit(1)) is None:
                # ledgers written before migration 0003 get their provenance columns once
                stale = list(s.scalars(select(LedgerEventRow.ledger_id).where(LedgerEventRow.status.is_(None))))
                if stale:
                    materialise(s, stale, self._reports)
                return
            write_lock(s)
            todo = []
            q = select(EventRow, ArticleRow).join(ArticleRow).where(EventRow.report_key.is_(None))
            for ev, art in s.execute(q):
                m = self._mention(ev, art)
                ev.report_key, ev.type_group, ev.date_lo, ev.date_hi = m.key, m.group, m.lo, m.hi
                todo.append(m)
            for art in s.scalars(select(ArticleRow).where(ArticleRow.minhash.is_(None))):
                self._dedup(s, art)
            s.flush()
            touched: set[str] = set()
            for m in todo:
                touched |= self._relink(s, m)
            materialise(s, touched, self._reports)

    # -- human overrides -------------------------------------------------------------------------------

    # -- reading ---------------------------------------------------------------------------------------

    def _reports(self, s: Session, ids: list[str]) -> dict[str, list[Report]]:
        rows = s.execute(select(EventRow, ArticleRow).join(ArticleRow).where(EventRow.ledger_id.in_(ids))).all()
        art_ids = {art.id for _, art in rows}
        claims: dict[int, dict[str, Claim]] = {}
        for c in s.scalars(select(ClaimRow).where(ClaimRow.article_id.in_(art_ids))):
            claims.setdefault(c.article_id, {})[c.local_id] = Claim.model_validate(c.data)
        groups = {art.dup_group for _, art in rows if art.dup_group}
        anchors: dict[str, ArticleRow] = {}
        for a in s.scalars(select(ArticleRow).where(ArticleRow.dup_group.in_(groups))):
            cur = anchors.get(a.dup_group or "")
            if cur is None or (a.published or "", a.content_hash) < (cur.published or "", cur.content_hash):
                anchors[a.dup_group or ""] = a
        out: dict[str, list[Report]] = {}
        for ev, art in rows:
            anchor = anchors.get(art.dup_group or "")
            out.setdefault(ev.ledger_id, []).append(
                Report(
                    event=Event.model_validate(ev.data),
                    claims=claims.get(art.id, {}),
                    article_id=art.doc_id,
                    article_hash=art.content_hash,
                    publisher=art.publisher,
                    published=art.published,
                    via=list(art.via or []),
                    source_path=art.source_path,
                    title=art.title,
                    url=art.url,
                    dup_group=art.dup_group,
                    dup_anchor_publisher=anchor.publisher if anchor is not None and anchor.id != art.id else None,
                )
            )
        return out

    def events(
        self,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        country: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        undated: bool = False,
        chunk: int = 500,
    ) -> Iterator[LedgerEvent]:
        """Ledger events (merged over their reports) with provenance, ordered by date, undated last.

        ``undated=True`` keeps undated events even when a date range is given (the report lists them apart)."""
        q = select(LedgerEventRow.ledger_id)
        dated = []
        if since:
            dated.append(LedgerEventRow.date_value >= since)
        if until:
            # "2025-04-30" covers every date string of that day, month-only dates of earlier months, etc.
            dated.append(LedgerEventRow.date_value <= until + "~")
        if dated:
            cond = and_(*dated)
            q = q.where(or_(cond, LedgerEventRow.date_value.is_(None)) if undated else cond)
        if type:
            q = q.where(LedgerEventRow.type == type)
        if country:
            q = q.where(LedgerEventRow.country == country.upper())
        if status:
            q = q.where(LedgerEventRow.status == status)
        q = q.order_by(
            LedgerEventRow.date_value.is_(None), LedgerEventRow.date_value, LedgerEventRow.ledger_id
        )  # undated last
        if limit is not None:
            q = q.limit(limit)
        with self.session() as s:
            ids = list(s.scalars(q))
            for i in range(0, len(ids), chunk):
                part = ids[i : i + chunk]
                reports = self._reports(s, part)
                for lid in part:
                    if lid in reports:
                        yield ledger_event(lid, reports[lid])

    def event(self, ref: str) -> LedgerEvent | None:
        """One ledger event by ledger id, by report key, or by unique id prefix."""
        with self.session() as s:
            lid = s.scalar(select(LedgerEventRow.ledger_id).where(LedgerEventRow.ledger_id == ref))
            if lid is None:
                lid = s.scalar(select(EventRow.ledger_id).where(EventRow.report_key == ref))
            if lid is None:
                lid = self._by_prefix(s, ref)
            if lid is None:
                return None
            reports = self._reports(s, [lid])
            return ledger_event(lid, reports[lid]) if lid in reports else None

    def partition(self) -> set[frozenset[str]]:
        """Clusters as sets of report keys (for tests and benchmarks)."""
        with self.session() as s:
            groups: dict[str, set[str]] = {}
            for lid, key in s.execute(select(EventRow.ledger_id, EventRow.report_key)):
                groups.setdefault(lid, set()).add(key or "")
            return {frozenset(g) for g in groups.values()}

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        with self.session() as s:
            return {
                name: int(s.scalar(select(func.count()).select_from(table)) or 0)
                for name, table in (
                    ("articles", ArticleRow),
                    ("claims", ClaimRow),
                    ("events", EventRow),
                    ("ledger_events", LedgerEventRow),
                    ("places", PlaceRow),
                    ("sources", SourceRow),
                )
            }
