"""Memory of handled feed entries and folder files, so a poll with nothing new fetches and parses nothing more.

Keys are loaded once per source and kept in memory; the table is the truth across restarts. An entry is
marked after its article is committed (in its own transaction), so a crash in between only makes the next
poll read it again, where the ledger's content hash finds it already stored: nothing lost, nothing doubled.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from claimtrack.store import Ledger
from claimtrack.store.schema import FeedEntryRow
from claimtrack.store.write import retrying


def _fit(value: str, limit: int = 2048) -> str:
    """Names, keys and links longer than their column are remembered by their hash."""
    return value if len(value) <= limit else "sha256:" + hashlib.sha256(value.encode()).hexdigest()


class SeenStore:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._keys: dict[str, set[str]] = {}

    def _load(self, source: str) -> set[str]:
        got = self._keys.get(source)
        if got is None:
            got = set()
            with self.ledger.session() as s:
                for key, link in s.execute(
                    select(FeedEntryRow.key, FeedEntryRow.link).where(FeedEntryRow.source == source)
                ):
                    got.add(key)
                    if link:
                        got.add(link)
            self._keys[source] = got
        return got

    def has(self, source: str, key: str, link: str | None = None) -> bool:
        source, key, link = _fit(source, 256), _fit(key), _fit(link) if link else None
        keys = self._load(source)
        return key in keys or (link is not None and link in keys)

    def mark(self, source: str, key: str, link: str | None, digest: str | None, outcome: str) -> None:
        source, key, link = _fit(source, 256), _fit(key), _fit(link) if link else None
        keys = self._load(source)

        def write() -> None:
            try:
                with self.ledger.session(write=True) as s, s.begin():
                    s.add(FeedEntryRow(source=source, key=key, link=link, content_hash=digest, outcome=outcome))
            except IntegrityError:  # another process marked it first: the same outcome for us
                pass

        retrying(write)  # a busy ledger (another writer's transaction) is waited for, not an error
        keys.add(key)
        if link:
            keys.add(link)
