"""One poll of one source: read the feed or folder, skip what is seen, store the rest article by article.

Each article is its own transaction (``Ledger.add``); ``stop`` is asked between articles, so a shutdown
request ends a poll at an article boundary and the rest is picked up by the next run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from claimtrack.ingest import IngestError, content_hash, read_inputs
from claimtrack.ingest.feed import Feed, entry_article, parse_feed
from claimtrack.ingest.reader import read_capped
from claimtrack.live import is_url
from claimtrack.live.fetch import Fetched, Fetcher
from claimtrack.live.seen import SeenStore
from claimtrack.models import Article, DocumentResult
from claimtrack.store import Ledger

# names of files still being written by browsers, editors, rsync, scrapers
BATCH = 32  # entries per pipeline batch
SETTLE = 5.0  # seconds a file first seen must have been untouched to count as complete
TEMP_SUFFIXES = {".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp", ".filepart", ".lock"}


def never() -> bool:
    return False


@dataclass
class PollResult:
    source: str
    new: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[IngestError] = field(default_factory=list)
    source_error: IngestError | None = None  # the whole source failed: the caller backs off
    interrupted: bool = False
    unchanged: bool = False  # HTTP 304

    def line(self) -> str:
        if self.source_error is not None:
            return f"{self.source}: failed: {self.source_error}"
        tail = " (unchanged)" if self.unchanged else " (stopped mid-poll)" if self.interrupted else ""
        return f"{self.source}: {self.new} new, {self.skipped} skipped, {self.failed} failed{tail}"


@dataclass
class _Item:
    article: Article
    key: str | None  # marked seen once stored; None: the caller marks (a folder file, after all its records)
    link: str | None = None


def is_temp_name(path: Path) -> bool:
    name = path.name
    return name.startswith((".", "~")) or name.endswith("~") or path.suffix.lower() in TEMP_SUFFIXES


class Poller:
    """Polls sources into one ledger; keeps seen keys and folder observations between polls."""

    def __init__(
        self,
        ledger: Ledger,
        fetcher: Fetcher | None = None,
        stop: Callable[[], bool] = never,
        on_article: Callable[[Article], None] | None = None,
        workers: int = 1,
    ) -> None:
        self.ledger = ledger
        self.fetcher = fetcher or Fetcher()
        self.stop = stop
        self.on_article = on_article
        self.workers = workers
        self.seen = SeenStore(ledger)
        self._observed: dict[str, dict[str, tuple[int, int]]] = {}

    # -- feeds -------------------------------------------------------------------------------------

    def read_feed(self, location: str, conditional: bool = False) -> Feed | Fetched | IngestError:
        """The parsed feed, a 304 ``Fetched`` when unchanged, or the source's error."""
        if is_url(location):
            got = self.fetcher.get(location, conditional=conditional)
            if isinstance(got, IngestError) or got.not_modified:
                return got
            raw = got.body
        else:
            got_raw = read_capped(Path(location), self.fetcher.max_bytes)
            if isinstance(got_raw, IngestError):
                return got_raw
            raw = got_raw
        if not raw.strip():
            return IngestError(location, "empty feed")
        return parse_feed(raw, location)

    def feed(self, name: str, location: str, fetch: bool = False, conditional: bool = True) -> PollResult:
        res = PollResult(name)
        feed = self.read_feed(location, conditional=conditional)
        if isinstance(feed, IngestError):
            res.source_error = feed
            return res
        if isinstance(feed, Fetched):
            res.unchanged = True
            return res
        return self.ingest_feed(name, location, feed, fetch=fetch, res=res)

    def ingest_feed(
        self, name: str, location: str, feed: Feed, fetch: bool = False, res: PollResult | None = None
    ) -> PollResult:
        """Store the unseen entries of a parsed ``feed``; ``name`` keys the seen-entry memory.

        Entries go to the pipeline in batches (its batching is where the speed is), but with ``fetch`` each one
        is stored as soon as its page arrives, so a slow site never holds finished work back from the ledger."""
        res = res or PollResult(name)
        batch = 1 if fetch else BATCH
        items: list[_Item] = []
        for e in feed.entries:
            if len(items) >= batch:
                if not self._store(name, items, res):
                    return res
                items = []
            if self.seen.has(name, e.key, e.link):
                res.skipped += 1
                continue
            if self.stop():
                res.interrupted = True
                break
            text = None
            if fetch and e.link:
                page = self.fetcher.page(e.link)
                if isinstance(page, IngestError):  # not marked: a failed page is tried again next poll
                    res.failed += 1
                    res.errors.append(IngestError(f"{location}#{e.key}", f"linked page: {page}"))
                    continue
                text = page.text
            art = entry_article(e, location, text)
            if isinstance(art, IngestError):
                res.failed += 1
                res.errors.append(art)
                self.seen.mark(name, e.key, e.link, None, "no_text")  # it will not grow text by itself
                continue
            items.append(_Item(art, e.key, e.link))
        self._store(name, items, res)
        return res

    # -- folders -----------------------------------------------------------------------------------

    def folder(self, name: str, path: Path, settle: float = SETTLE) -> PollResult:
        """Completed files: size and mtime unchanged since the last poll, or, seen for the first time, untouched
        for ``settle`` seconds; temp and hidden names are ignored."""
        res = PollResult(name)
        if not path.is_dir():
            res.source_error = IngestError(str(path), "no such folder")
            return res
        now: dict[str, tuple[int, int]] = {}
        for p in sorted(path.rglob("*")):
            rel = p.relative_to(path)
            if any(is_temp_name(Path(part)) for part in rel.parts):
                continue
            try:
                st = p.stat()
            except OSError:  # gone between listing and stat: a later poll sees what replaced it
                continue
            if p.is_file():
                now[str(rel)] = (st.st_size, st.st_mtime_ns)
        before = self._observed.get(name, {})
        self._observed[name] = now
        for name_in, (size, mtime) in now.items():
            key = f"{name_in}@{size}:{mtime}"
            if self.seen.has(name, key):
                res.skipped += 1
                continue
            steady = before.get(name_in) == (size, mtime)
            if not steady and (name_in in before or time.time() - mtime / 1e9 < settle):
                continue  # still growing, or too fresh to tell: decided at the next poll
            if self.stop():
                res.interrupted = True
                break
            items: list[_Item] = []
            failed = 0
            for got in read_inputs([str(path / name_in)]):
                if isinstance(got, IngestError):
                    failed += 1
                    res.errors.append(got)
                else:
                    items.append(_Item(got, None))
            res.failed += failed
            if self._store(name, items, res):
                self.seen.mark(name, key, None, None, "failed" if failed and not items else "added")
        return res

    # -- storing -----------------------------------------------------------------------------------

    def _store(self, name: str, items: list[_Item], res: PollResult) -> bool:
        """Store ``items`` one transaction each; False when stopped before all were stored."""
        fresh: list[_Item] = []
        for it in items:
            if self.ledger.has(it.article.text):
                res.skipped += 1
                if it.key is not None:
                    self.seen.mark(name, it.key, it.link, content_hash(it.article.text), "duplicate")
            else:
                fresh.append(it)
        if not fresh:
            return True
        if self.stop():
            res.interrupted = True
            return False
        from claimtrack.nlp import analyse_parallel  # spaCy loads only when there is something new

        done = 0
        for it, result in zip(fresh, analyse_parallel([it.article for it in fresh], workers=self.workers), strict=True):
            if isinstance(result, IngestError):  # not marked: tried again at the next poll
                res.failed += 1
                res.errors.append(result)
                added = None
            else:
                added = self._add(it, result, name, res)
            done += 1
            if added is not None and self.on_article is not None:
                self.on_article(it.article)
            if done < len(fresh) and self.stop():
                res.interrupted = True
                return False
        return True

    def _add(self, it: _Item, result: DocumentResult, name: str, res: PollResult) -> int | None:
        """One article in its own transaction, then its entry marked seen; the row id, or None."""
        try:
            added = self.ledger.add(result)
        except Exception as exc:  # one article's failure must not lose the others
            res.failed += 1
            res.errors.append(IngestError(it.article.source_path or it.article.id, f"not stored: {exc}"))
            return None
        if added is None:
            res.skipped += 1
        else:
            res.new += 1
        if it.key is not None:
            digest = content_hash(it.article.text)
            self.seen.mark(name, it.key, it.link, digest, "added" if added is not None else "duplicate")
        return added
