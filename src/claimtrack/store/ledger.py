"""Writing document results into the ledger and reading ledger events back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Engine, delete, or_, select
from sqlalchemy.orm import Session

from claimtrack.ingest.reader import content_hash
from claimtrack.link import dedup
from claimtrack.link.linking import DAY_TOLERANCE, Mention, ledger_id, linked, mention_of, relink
from claimtrack.link.provenance import Report, ledger_event
from claimtrack.models import Claim, DocumentResult, Event
from claimtrack.store.db import WRITE, open_engine
from claimtrack.store.schema import (
    ArticleBandRow,
    ArticleRow,
    ClaimRow,
    EventRow,
    LedgerEventRow,
    LinkOverrideRow,
    PlaceRow,
    SourceRow,
)
from claimtrack.store.write import check_rows, insert_or_skip, retrying, write_lock

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
MAX_SPAN = 366  # the widest date interval (a year), bounding the blocking range scan


class Ledger:
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
            for m in mentions:
                self._relink(s, m)
            return row.id

    # -- near-duplicates -------------------------------------------------------------------------------

    def _dedup(self, s: Session, row: ArticleRow) -> None:
        """Join ``row`` to the near-duplicate groups its MinHash bands hit (connected components)."""
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

    def _relink(self, s: Session, m: Mention) -> None:
        """Re-link what ``m`` can affect (``claimtrack.link.linking.relink``) against the SQL tables."""
        relink(_SqlBackend(s, self._mention), m)

    def _backfill(self) -> None:
        """Ledgers written before linking (migration 0001) get report keys, blocking columns and clusters."""
        with self.session(write=True) as s, s.begin():
            if s.scalar(select(EventRow.id).where(EventRow.report_key.is_(None)).limit(1)) is None:
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
            for m in todo:
                self._relink(s, m)

    # -- human overrides -------------------------------------------------------------------------------

    def _members(self, s: Session, ref: str) -> list[str]:
        """Report keys of a ledger event id, or the report key itself."""
        keys = list(s.scalars(select(EventRow.report_key).where(EventRow.ledger_id == ref)))
        if not keys:
            keys = list(s.scalars(select(EventRow.report_key).where(EventRow.report_key == ref)))
        if not keys:
            raise KeyError(ref)
        return [k for k in keys if k]

    def _set_override(self, s: Session, kind: str, a: str, b: str, note: str | None) -> None:
        a, b = sorted((a, b))
        other = "split" if kind == "merge" else "merge"
        s.execute(
            delete(LinkOverrideRow).where(
                LinkOverrideRow.kind == other, LinkOverrideRow.a_key == a, LinkOverrideRow.b_key == b
            )
        )
        exists = s.scalar(
            select(LinkOverrideRow.id).where(
                LinkOverrideRow.kind == kind, LinkOverrideRow.a_key == a, LinkOverrideRow.b_key == b
            )
        )
        if exists is None:
            s.add(LinkOverrideRow(kind=kind, a_key=a, b_key=b, note=note))

    def _relink_keys(self, s: Session, keys: list[str]) -> None:
        s.flush()
        be = _SqlBackend(s, self._mention)
        for m in be.by_keys(set(keys)):
            relink(_SqlBackend(s, self._mention), m)

    def merge(self, a: str, b: str, note: str | None = None) -> str:
        """Force ledger events (or reports) ``a`` and ``b`` into one; returns the merged ledger id."""
        with self.session(write=True) as s, s.begin():
            write_lock(s)
            ka, kb = self._members(s, a), self._members(s, b)
            anchor = min(ka + kb)
            for k in ka + kb:
                if k != anchor:
                    self._set_override(s, "merge", anchor, k, note)
            for x in ka:  # a merge lifts earlier splits between the two sides
                for y in kb:
                    lo, hi = sorted((x, y))
                    s.execute(
                        delete(LinkOverrideRow).where(
                            LinkOverrideRow.kind == "split", LinkOverrideRow.a_key == lo, LinkOverrideRow.b_key == hi
                        )
                    )
            self._relink_keys(s, ka + kb)
            return str(s.scalar(select(EventRow.ledger_id).where(EventRow.report_key == anchor)))

    def split(self, event: str, reports: list[str] | None = None, note: str | None = None) -> list[str]:
        """Split a ledger event: the given reports (keys or article ids) leave it; none given: every report
        becomes its own event. Returns the resulting ledger ids."""
        with self.session(write=True) as s, s.begin():
            write_lock(s)
            keys = self._members(s, event)
            if reports:
                rows = s.execute(
                    select(EventRow.report_key, ArticleRow.doc_id).join(ArticleRow).where(EventRow.report_key.in_(keys))
                ).all()
                out = {str(k) for k, doc in rows if k in reports or doc in reports}
                if not out:
                    raise KeyError(", ".join(reports))
                pairs = [(x, y) for x in out for y in keys if y not in out]
            else:
                pairs = [(x, y) for i, x in enumerate(keys) for y in keys[i + 1 :]]
            for x, y in pairs:
                self._set_override(s, "split", x, y, note)
            self._relink_keys(s, keys)
            ids = s.scalars(select(EventRow.ledger_id).where(EventRow.report_key.in_(keys)).distinct())
            return sorted(ids)

    def overrides(self) -> list[dict[str, Any]]:
        with self.session() as s:
            return [
                {"kind": r.kind, "a": r.a_key, "b": r.b_key, "note": r.note}
                for r in s.scalars(select(LinkOverrideRow).order_by(LinkOverrideRow.id))
            ]

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
        chunk: int = 500,
    ) -> Iterator[dict[str, Any]]:
        """Ledger events (merged over their reports) with provenance, ordered by date."""
        q = select(LedgerEventRow.ledger_id)
        if since:
            q = q.where(LedgerEventRow.date_value >= since)
        if until:
            q = q.where(LedgerEventRow.date_value <= until)
        if type:
            q = q.where(LedgerEventRow.type == type)
        if country:
            q = q.where(LedgerEventRow.country == country.upper())
        q = q.order_by(
            LedgerEventRow.date_value.is_(None), LedgerEventRow.date_value, LedgerEventRow.ledger_id
        )  # undated last
        with self.session() as s:
            ids = list(s.scalars(q))
            for i in range(0, len(ids), chunk):
                part = ids[i : i + chunk]
                reports = self._reports(s, part)
                for lid in part:
                    if lid in reports:
                        yield ledger_event(lid, reports[lid])

    def event(self, ref: str) -> dict[str, Any] | None:
        """One ledger event by ledger id, by report key, or by unique id prefix."""
        with self.session() as s:
            lid = s.scalar(select(LedgerEventRow.ledger_id).where(LedgerEventRow.ledger_id == ref))
            if lid is None:
                lid = s.scalar(select(EventRow.ledger_id).where(EventRow.report_key == ref))
            if lid is None:
                hits = list(s.scalars(select(LedgerEventRow.ledger_id).where(LedgerEventRow.ledger_id.startswith(ref))))
                lid = hits[0] if len(hits) == 1 else None
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


class _SqlBackend:
    """``relink``'s view of the ledger tables: blocking is an indexed range query per type group and country."""

    def __init__(self, s: Session, to_mention: Callable[[EventRow, ArticleRow], Mention]) -> None:
        self.s = s
        self.to_mention = to_mention
        self.cache: dict[str, Mention] = {}

    def _rows(self, q: Any) -> list[Mention]:
        out = []
        for ev, art in self.s.execute(q):
            key = ev.report_key or ""
            m = self.cache.get(key)
            if m is None:
                m = self.cache[key] = self.to_mention(ev, art)
            out.append(m)
        return out

    def neighbours(self, m: Mention) -> list[Mention]:
        q = (
            select(EventRow, ArticleRow)
            .join(ArticleRow, EventRow.article_id == ArticleRow.id)
            .where(
                EventRow.type_group == m.group,
                EventRow.date_lo <= m.hi + DAY_TOLERANCE,
                EventRow.date_lo >= m.lo - DAY_TOLERANCE - MAX_SPAN,
                EventRow.date_hi >= m.lo - DAY_TOLERANCE,
                EventRow.report_key != m.key,
            )
        )
        if m.country:
            q = q.where(or_(EventRow.country == m.country, EventRow.country.is_(None)))
        return [c for c in self._rows(q) if linked(m, c)]

    def by_keys(self, keys: set[str]) -> list[Mention]:
        missing = keys - self.cache.keys()
        if missing:
            self._rows(select(EventRow, ArticleRow).join(ArticleRow).where(EventRow.report_key.in_(missing)))
        return [self.cache[k] for k in keys if k in self.cache]

    def members(self, lids: set[str]) -> list[Mention]:
        if not lids:
            return []
        return self._rows(select(EventRow, ArticleRow).join(ArticleRow).where(EventRow.ledger_id.in_(lids)))

    def assignment(self, keys: set[str]) -> dict[str, str]:
        if not keys:
            return {}
        q = select(EventRow.report_key, EventRow.ledger_id).where(EventRow.report_key.in_(keys))
        return {k: lid for k, lid in self.s.execute(q) if k}

    def overrides(self, keys: set[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        rows = self.s.scalars(
            select(LinkOverrideRow).where(or_(LinkOverrideRow.a_key.in_(keys), LinkOverrideRow.b_key.in_(keys)))
        ).all()
        must = [(r.a_key, r.b_key) for r in rows if r.kind == "merge"]
        cannot = [(r.a_key, r.b_key) for r in rows if r.kind == "split"]
        return must, cannot

    def write(self, clusters: list[list[Mention]], old: set[str]) -> None:
        s = self.s
        keys = {x.key for ms in clusters for x in ms}
        rows = {r.report_key: r for r in s.scalars(select(EventRow).where(EventRow.report_key.in_(keys)))}
        s.execute(delete(LedgerEventRow).where(LedgerEventRow.ledger_id.in_(old)))
        for members in clusters:
            lid = ledger_id(members)
            anchor = min(members, key=lambda x: x.order)
            best = min(
                (rows[x.key] for x in members),
                key=lambda r: _PRECISION_RANK.get(str((r.data.get("date") or {}).get("precision")), 3),
            )
            for x in members:
                rows[x.key].ledger_id = lid
            s.add(
                LedgerEventRow(
                    ledger_id=lid,
                    anchor_key=anchor.key,
                    type=rows[anchor.key].type,
                    date_value=best.date_value,
                    country=next((rows[x.key].country for x in members if rows[x.key].country), None),
                    n_reports=len(members),
                )
            )
        s.flush()
