"""The desk's in-memory index: one compact row per ledger event, with numpy columns for filters and facets.

Status, sources and figures are computed from reports at read time (``link.provenance``), so they cannot
be filtered in SQL. The index builds each ledger event once, keeps only what lists, facets, the map and
CSV need (a few hundred bytes an event), and refreshes incrementally: every ``poll`` seconds it compares
the ledger's version stamps (``store.queries.stamps``) and rebuilds only the events that changed.
Filtering is boolean numpy masks; a facet counts under every filter but its own (as datasette does).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from claimtrack.export.writers import FLAT_COLUMNS, flat_row
from claimtrack.store import Ledger
from claimtrack.store.queries import Stamp, events_by_ids, stamps
from claimtrack.web.downloads import csv_line

_VERSIONS = itertools.count(1)
SINGLE = ("type", "country", "admin1", "status", "precision", "date_precision")
MULTI = ("actor", "publisher")
FACETS = SINGLE + MULTI


@dataclass(slots=True)
class Row:
    """What the desk shows of one ledger event without opening it."""

    id: str
    type: str
    event_type: str | None
    date: str | None
    date_precision: str | None
    lo: int  # day ordinals of the date interval; 0 when undated
    hi: int
    country: str | None
    admin1: str | None
    place: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    status: str
    reports: int
    independent_sources: int
    publishers: tuple[str, ...]
    actors: tuple[str, ...]
    sources: tuple[str, ...]
    figures: str
    title: str | None
    url: str | None
    csv: str  # the CSV line (downloads.COLUMNS), and the map point as JSON: formatted once, joined per request
    point: str
    text: str = field(repr=False)  # lower-cased words for search

    def value(self, facet: str) -> str | None:
        return getattr(self, facet)


def _interval(value: str | None) -> tuple[int, int]:
    """The days a date value covers (2025-03 -> March), as ordinals; (0, 0) when absent or unreadable."""
    if not value:
        return 0, 0
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            d = date(*parts).toordinal()
            return d, d
        if len(parts) == 2:
            y, m = parts
            return date(y, m, 1).toordinal(), date(y + m // 12, m % 12 + 1, 1).toordinal() - 1
        return date(parts[0], 1, 1).toordinal(), date(parts[0], 12, 31).toordinal()
    except ValueError:
        return 0, 0


def _actor(a: dict[str, Any] | None) -> str | None:
    return (a.get("entity") or a.get("text")) if a else None


def row_of(ev: dict[str, Any]) -> Row:
    d = ev.get("date") or {}
    loc = ev.get("location") or {}
    reports = ev.get("reports") or []
    lo, hi = _interval(d.get("value"))
    figures = "; ".join(
        f"{role} {'/'.join(str(f['value']) for f in rows if not f.get('superseded'))}"
        for role, rows in sorted((ev.get("figures") or {}).items())
    )
    actors = tuple(dict.fromkeys(x for x in (_actor(ev.get("initiator")), _actor(ev.get("target"))) if x))
    publishers = tuple(dict.fromkeys(r["publisher"] for r in reports if r.get("publisher")))
    sources = tuple(s["entity"] for s in ev.get("sources") or [])
    titles = [r.get("title") or "" for r in reports]
    words = [ev.get("type"), loc.get("name"), loc.get("admin1"), loc.get("country"), *actors, *publishers, *sources]
    words += titles + [(ev.get("trigger") or {}).get("text")]
    first = reports[0] if reports else {}
    row = flat_row(ev)
    return Row(
        id=ev["id"],
        type=ev["type"],
        event_type=(ev.get("acled") or {}).get("event_type"),
        date=d.get("value"),
        date_precision=d.get("precision") if d else "undated",
        lo=lo,
        hi=hi,
        country=loc.get("country"),
        admin1=loc.get("admin1"),
        place=loc.get("name"),
        lat=loc.get("lat"),
        lon=loc.get("lon"),
        precision=loc.get("precision") if loc else None,
        status=ev.get("status") or "claimed",
        reports=len(reports),
        independent_sources=int(ev.get("independent_sources") or 0),
        publishers=publishers,
        actors=actors,
        sources=sources,
        figures=figures,
        title=first.get("title"),
        url=first.get("url"),
        csv=csv_line(
            [*(row.get(c) for c in FLAT_COLUMNS), " ".join(dict.fromkeys(r["url"] for r in reports if r.get("url")))]
        ),
        point=""
        if loc.get("lat") is None or loc.get("lon") is None
        else json.dumps(
            [
                ev["id"],
                round(loc["lat"], 4),
                round(loc["lon"], 4),
                ev["type"],
                loc.get("precision"),
                ev.get("status") or "claimed",
                loc.get("name"),
                d.get("value"),
            ],
            ensure_ascii=False,
        ),
        text=" ".join(w for w in words if w).lower(),
    )


@dataclass
class Filters:
    """The desk's filters; every list field is OR within itself, AND across fields."""

    since: str | None = None
    until: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    values: dict[str, list[str]] = field(default_factory=dict)


class Snapshot:
    """An immutable view of the index at one ledger version; requests read it without locks."""

    def __init__(self, rows: list[Row]) -> None:
        # newest first, undated last: what an analyst reads first
        rows = sorted(rows, key=lambda r: (r.lo == 0, -r.lo, -r.hi, r.id))  # a month sits at its first day
        self.rows = rows
        self.pos = {r.id: i for i, r in enumerate(rows)}
        n = len(rows)
        self.lo = np.array([r.lo for r in rows], dtype=np.int64)
        self.hi = np.array([r.hi for r in rows], dtype=np.int64)
        self.lat = np.array([np.nan if r.lat is None else r.lat for r in rows], dtype=np.float64)
        self.lon = np.array([np.nan if r.lon is None else r.lon for r in rows], dtype=np.float64)
        self.codes: dict[str, np.ndarray] = {}
        self.vocab: dict[str, list[str]] = {}
        for f in SINGLE:
            vals = [r.value(f) for r in rows]
            vocab = sorted({v for v in vals if v})
            index = {v: i for i, v in enumerate(vocab)}
            self.vocab[f] = vocab
            self.codes[f] = np.array([index.get(v, -1) if v else -1 for v in vals], dtype=np.int32)
        self.pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for f in MULTI:
            attr = "actors" if f == "actor" else "publishers"
            vocab = sorted({v for r in rows for v in getattr(r, attr)})
            index = {v: i for i, v in enumerate(vocab)}
            ev_idx = [i for i, r in enumerate(rows) for _ in getattr(r, attr)]
            val_idx = [index[v] for r in rows for v in getattr(r, attr)]
            self.vocab[f] = vocab
            self.pairs[f] = (np.array(ev_idx, dtype=np.int64), np.array(val_idx, dtype=np.int64))
        self.all = np.ones(n, dtype=bool)
        self.version = next(_VERSIONS)
        self._search: OrderedDict[str, np.ndarray] = OrderedDict()
        self._search_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.rows)

    # -- masks -----------------------------------------------------------------------------------------

    def _facet_mask(self, facet: str, wanted: list[str]) -> np.ndarray:
        vocab = self.vocab[facet]
        codes = [vocab.index(v) for v in wanted if v in vocab]
        if facet in self.codes:
            return np.isin(self.codes[facet], codes)
        ev_idx, val_idx = self.pairs[facet]
        mask = np.zeros(len(self.rows), dtype=bool)
        mask[ev_idx[np.isin(val_idx, codes)]] = True
        return mask

    def _text_mask(self, q: str) -> np.ndarray:
        terms = q.lower().split()
        key = " ".join(terms)
        with self._search_lock:
            hit = self._search.get(key)
            if hit is not None:
                self._search.move_to_end(key)
                return hit
        mask = np.fromiter((all(t in r.text for t in terms) for r in self.rows), dtype=bool, count=len(self.rows))
        with self._search_lock:
            self._search[key] = mask
            while len(self._search) > 64:  # bounded: one boolean per event per cached query
                self._search.popitem(last=False)
        return mask

    def _date_mask(self, since: str | None, until: str | None) -> np.ndarray:
        mask = self.all.copy()
        if since:
            mask &= self.lo >= _interval(since)[0]
        if until:
            mask &= (self.hi <= _interval(until)[1]) & (self.lo > 0)
        return mask

    def _bbox_mask(self, bbox: tuple[float, float, float, float]) -> np.ndarray:
        w, s, e, n = bbox
        with np.errstate(invalid="ignore"):
            lat_ok = (self.lat >= s) & (self.lat <= n)
            lon_ok = (self.lon >= w) & (self.lon <= e) if w <= e else (self.lon >= w) | (self.lon <= e)
        return lat_ok & lon_ok

    def masks(self, f: Filters) -> dict[str, np.ndarray]:
        """One mask per active filter, keyed by facet name (``date``, ``q`` and ``bbox`` for the others)."""
        out: dict[str, np.ndarray] = {}
        if f.since or f.until:
            out["date"] = self._date_mask(f.since, f.until)
        if f.q and f.q.strip():
            out["q"] = self._text_mask(f.q)
        if f.bbox:
            out["bbox"] = self._bbox_mask(f.bbox)
        for facet, wanted in f.values.items():
            if wanted:
                out[facet] = self._facet_mask(facet, wanted)
        return out

    def combine(self, masks: dict[str, np.ndarray], without: str | None = None) -> np.ndarray:
        mask = self.all.copy()
        for k, m in masks.items():
            if k != without:
                mask &= m
        return mask

    # -- reading ---------------------------------------------------------------------------------------

    def select(self, f: Filters) -> np.ndarray:
        """Positions of the matching events, newest first."""
        return np.flatnonzero(self.combine(self.masks(f)))

    def facets(self, f: Filters, top: int = 50) -> dict[str, list[tuple[str, int]]]:
        masks = self.masks(f)
        out: dict[str, list[tuple[str, int]]] = {}
        for facet in FACETS:
            mask = self.combine(masks, without=facet)
            vocab = self.vocab[facet]
            if facet in self.codes:
                codes = self.codes[facet][mask]
                counts = np.bincount(codes[codes >= 0], minlength=len(vocab))
            else:
                ev_idx, val_idx = self.pairs[facet]
                counts = np.bincount(val_idx[mask[ev_idx]], minlength=len(vocab))
            order = np.argsort(-counts, kind="stable")[:top]
            chosen = set(f.values.get(facet) or [])
            rows = [(vocab[i], int(counts[i])) for i in order if counts[i] > 0 or vocab[i] in chosen]
            rows += [(v, 0) for v in chosen if v not in {r[0] for r in rows}]  # a chosen value stays visible
            out[facet] = rows
        return out

    def timeline(self, f: Filters) -> dict[str, Any]:
        """Day counts by type under every filter but the date range (so the brush sees the whole span)."""
        mask = self.combine(self.masks(f), without="date")
        exact = mask & (self.lo == self.hi) & (self.lo > 0)
        types = self.vocab["type"]
        nt = max(1, len(types))
        keys, counts = np.unique(self.lo[exact] * nt + self.codes["type"][exact], return_counts=True)
        days = {(int(k) // nt, int(k) % nt): int(c) for k, c in zip(keys.tolist(), counts.tolist(), strict=True)}
        coarse: dict[tuple[str, str], int] = {}
        for i in np.flatnonzero(mask & (self.lo != self.hi)).tolist():
            r = self.rows[i]
            key = (r.date or "", r.date_precision or "")
            coarse[key] = coarse.get(key, 0) + 1
        return {
            "days": [
                {"date": date.fromordinal(d).isoformat(), "type": types[t], "count": c}
                for (d, t), c in sorted(days.items())
            ],
            "coarse": [{"date": k[0], "precision": k[1], "count": c} for k, c in sorted(coarse.items())],
            "undated": int((mask & (self.lo == 0)).sum()),
        }


class Index:
    """The current snapshot of a ledger, refreshed at most every ``poll`` seconds when the ledger changed."""

    def __init__(self, ledger: Ledger, poll: float = 2.0) -> None:
        self.ledger = ledger
        self.poll = poll
        self._rows: dict[str, Row] = {}
        self._stamps: dict[str, Stamp] = {}
        self._lock = threading.Lock()
        self._checked = 0.0
        self.snapshot = Snapshot([])
        self.refresh(force=True)

    def due(self) -> bool:
        return time.monotonic() - self._checked >= self.poll

    def refresh(self, force: bool = False) -> Snapshot:
        if not force and time.monotonic() - self._checked < self.poll:
            return self.snapshot
        with self._lock:
            if not force and time.monotonic() - self._checked < self.poll:
                return self.snapshot
            current = stamps(self.ledger)
            if current != self._stamps:
                changed = [lid for lid, st in current.items() if self._stamps.get(lid) != st]
                rows = {lid: r for lid, r in self._rows.items() if lid in current and lid not in changed}
                rows.update(self._build(changed))
                self._rows, self._stamps = rows, current
                self.snapshot = Snapshot(list(rows.values()))
            self._checked = time.monotonic()
            return self.snapshot

    def _build(self, ids: Iterable[str]) -> dict[str, Row]:
        return {ev["id"]: row_of(ev) for ev in events_by_ids(self.ledger, ids)}


class ResponseCache:
    """Serialized responses per (snapshot version, endpoint, query), least recently used out past ``max_bytes``.

    A snapshot never changes, so a cached answer is right until the index refreshes; the version in the key
    retires old answers, and the byte bound keeps memory flat whatever the traffic.
    """

    def __init__(self, max_bytes: int = 24 << 20) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[int, str, str], bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[int, str, str], make: Callable[[], bytes]) -> bytes:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit
        body = make()
        if len(body) > self.max_bytes // 8:  # one answer never crowds out the rest
            return body
        with self._lock:
            if key not in self._items:
                self._items[key] = body
                self._bytes += len(body)
            while self._bytes > self.max_bytes:
                _, old = self._items.popitem(last=False)
                self._bytes -= len(old)
        return body
