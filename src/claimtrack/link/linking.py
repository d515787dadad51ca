"""Linking document events into ledger events: blocking, pair scores, deterministic clustering.

Why this shape:
- *Blocking* (date window x country x type group) keeps candidate retrieval near-linear: an event only
  ever meets events whose date interval overlaps its own, in its country (or with no country), of a
  compatible type.
- *Order independence*: the clusters of a connected component of the "linkable" graph are a pure
  function of the component's members. Members are sorted by content-derived keys and merged greedily
  by (score, keys), so ingesting the same reports in any order gives the same clusters. After each
  insert only the component the new event touches is re-clustered.
- *Stable ids*: a ledger id is derived from the cluster's anchor, its earliest report (published date,
  then report key), so reports that arrive later never change the id of the event they join.
- *Human overrides*: merge / split decisions are must-link / cannot-link pairs of report keys (article
  content hash + event id), so they survive re-ingest.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from claimtrack.link.pairs import DAY_TOLERANCE, THRESHOLD, UNDATED_WINDOW, Mention, linked, score


def cluster(
    members: Iterable[Mention],
    must: Iterable[tuple[str, str]] = (),
    cannot: Iterable[tuple[str, str]] = (),
) -> list[list[Mention]]:
    """Deterministic clustering of one component: must-links first, then greedy merges by score.

    Two clusters merge only if every cross pair is compatible (complete link on the hard constraints),
    their mean pair score reaches the threshold (average link) and no cannot-link separates them, so a
    coarse "last year" report cannot chain two different days, nor one shared detail two events.
    """
    ms = sorted(set(members), key=lambda m: m.key)
    idx = {m.key: i for i, m in enumerate(ms)}
    parent = list(range(len(ms)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    groups: dict[int, list[int]] = {i: [i] for i in range(len(ms))}
    scores: dict[tuple[int, int], float | None] = {}
    banned = {frozenset((idx[a], idx[b])) for a, b in cannot if a in idx and b in idx and a != b}

    def allowed(ra: int, rb: int, forced: bool) -> bool:
        total = 0.0
        for i in groups[ra]:
            for j in groups[rb]:
                if frozenset((i, j)) in banned:
                    return False
                if forced:
                    continue
                sc = scores.get((i, j) if i < j else (j, i), _UNSCORED)
                if sc is _UNSCORED:
                    sc = score(ms[i], ms[j])
                if sc is None:
                    return False
                total += sc
        # average link: the clusters must agree on the whole, so one good pair cannot chain two events
        return forced or total / (len(groups[ra]) * len(groups[rb])) >= THRESHOLD

    def union(ra: int, rb: int) -> None:
        lo, hi = sorted((ra, rb))
        parent[hi] = lo
        groups[lo].extend(groups.pop(hi))

    for a, b in sorted(tuple(sorted(p)) for p in must):
        if a in idx and b in idx:
            ra, rb = find(idx[a]), find(idx[b])
            if ra != rb and allowed(ra, rb, forced=True):
                union(ra, rb)
    pairs: list[tuple[float, int, int]] = []
    for i in range(len(ms)):
        for j in range(i + 1, len(ms)):
            sc = score(ms[i], ms[j])
            scores[(i, j)] = sc
            if sc is not None and sc >= THRESHOLD:
                pairs.append((-sc, i, j))
    pairs.sort()
    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj and allowed(ri, rj, forced=False):
            union(ri, rj)
    out = [sorted((ms[i] for i in g), key=lambda m: m.order) for g in groups.values()]
    return sorted(out, key=lambda c: c[0].order)


_UNSCORED = -1e9  # sentinel: pair not scored yet


def ledger_id(members: list[Mention]) -> str:
    """Id of a ledger event: a hash of its anchor, the earliest report."""
    anchor = min(members, key=lambda m: m.order)
    return "ev-" + hashlib.sha1(anchor.key.encode()).hexdigest()[:12]


class BlockIndex:
    """In-memory blocking index: (type group, country) -> date buckets, one bucketing per date precision.

    An event meets only events of its type group, in its country (or with none), whose date interval
    overlaps its own widened by the day tolerance. Buckets are as wide as the precision's longest interval
    (a day, a week of "undated", a month, a year), so a query reads two or three buckets per class.
    """

    _WIDTH = {"day": 1, "none": UNDATED_WINDOW + 1, "month": 31, "year": 366}

    def __init__(self) -> None:
        self._blocks: dict[tuple[str, str | None, str], dict[int, list[Mention]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self._countries: dict[str, set[str | None]] = defaultdict(set)
        self._classes: dict[tuple[str, str | None], set[str]] = defaultdict(set)

    def __len__(self) -> int:
        return sum(len(v) for b in self._blocks.values() for v in b.values())

    def add(self, m: Mention) -> None:
        cls = m.precision if m.precision in self._WIDTH else "none"
        self._blocks[(m.group, m.country, cls)][m.lo // self._WIDTH[cls]].append(m)
        self._countries[m.group].add(m.country)
        self._classes[(m.group, m.country)].add(cls)

    def candidates(self, m: Mention) -> Iterable[Mention]:
        """Mentions in the same type group, same country or none, with an overlapping date interval."""
        countries = self._countries[m.group] if m.country is None else {m.country, None}
        qlo, qhi = m.lo - DAY_TOLERANCE, m.hi + DAY_TOLERANCE
        for c in countries:
            for cls in self._classes.get((m.group, c), ()):
                width = self._WIDTH[cls]
                buckets = self._blocks[(m.group, c, cls)]
                for b in range((qlo - width + 1) // width, qhi // width + 1):
                    for x in buckets.get(b, ()):
                        if x.lo <= qhi and x.hi >= qlo:
                            yield x


class Backend(Protocol):
    """Where mentions and their ledger ids live: memory (``Linker``) or SQL (``claimtrack.store.Ledger``)."""

    def neighbours(self, m: Mention) -> Iterable[Mention]:
        """Other reports ``m`` is linkable with (blocking candidates with a pair score >= threshold)."""
        ...

    def by_keys(self, keys: set[str]) -> list[Mention]: ...

    def members(self, lids: set[str]) -> list[Mention]: ...

    def assignment(self, keys: set[str]) -> dict[str, str]: ...

    def overrides(self, keys: set[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]: ...

    def write(self, clusters: list[list[Mention]], old: set[str]) -> None: ...


def is_day(m: Mention) -> bool:
    return m.precision == "day"


def _day_component(be: Backend, start: Mention, mates: bool = False) -> dict[str, Mention]:
    """Day-dated reports connected to ``start`` by linkable pairs or merge overrides among them; with
    ``mates``, also the reports now in the same ledger event (after a correction is removed, a report held
    there only by it must be redrawn with the rest, not left in a stale cluster)."""
    comp = {start.key: start}
    stack = [start]
    while stack:
        m = stack.pop()
        fresh = [c for c in be.neighbours(m) if is_day(c) and c.key not in comp]
        if mates:
            lids = set(be.assignment({m.key}).values())
            fresh += [x for x in be.members(lids) if is_day(x) and x.key not in comp and x not in fresh]
        must, _ = be.overrides({m.key})
        forced = {k for pair in must for k in pair} - comp.keys() - {c.key for c in fresh}
        for c in [*fresh, *[x for x in be.by_keys(forced) if is_day(x)]]:
            if c.key not in comp:
                comp[c.key] = c
                stack.append(c)
    return comp


def _attach(
    be: Backend, c: Mention, day_group: Callable[[str], frozenset[str]], day: dict[str, Mention]
) -> frozenset[str] | None:
    """The day cluster a coarse report belongs to: compatible with all of it, best mean score >= threshold."""
    must, cannot = be.overrides({c.key})
    banned = {k for pair in cannot for k in pair} - {c.key}
    forced = {k for pair in must for k in pair} - {c.key}
    best: tuple[float, str] | None = None
    chosen: frozenset[str] | None = None
    seen: set[frozenset[str]] = set()
    cands = [x for x in be.neighbours(c) if is_day(x)]
    cands += [x for x in be.by_keys(forced) if is_day(x)]
    for x in cands:
        day.setdefault(x.key, x)
        group = day_group(x.key)
        if group in seen:
            continue
        seen.add(group)
        if group & banned:
            continue
        for k in group - day.keys():
            for y in be.by_keys({k}):
                day[y.key] = y
        scores = [score(c, day[k]) for k in group]
        if group & forced:
            rank: tuple[float, str] = (float("inf"), min(group))
        elif any(sc is None for sc in scores):
            continue
        else:
            mean = sum(sc for sc in scores if sc is not None) / len(scores)
            if mean < THRESHOLD:
                continue
            rank = (mean, min(group))
        if best is None or (rank[0], _neg(rank[1])) > (best[0], _neg(best[1])):
            best, chosen = rank, group
    return chosen


def _neg(key: str) -> tuple[int, ...]:
    """Order keys descending inside a max(): ties go to the smallest key."""
    return tuple(-ord(ch) for ch in key)


def relink(be: Backend, m: Mention, redraw: bool = False) -> None:
    """Re-link what ``m`` can affect, so the ledger equals a from-scratch clustering of all reports.

    Day-dated reports cluster among themselves (``cluster`` per connected component). A coarse report
    (month, year, undated) never joins two day clusters: it attaches to the day cluster it fits best, or
    clusters with other unattached coarse reports. Because coarse reports cannot bridge day clusters,
    components stay small as the ledger grows, and every decision is a function of the reports alone.
    """
    day: dict[str, Mention] = {}
    new_groups: dict[str, frozenset[str]] = {}
    coarse: dict[str, Mention] = {}
    if is_day(m):
        comp = _day_component(be, m, mates=redraw)
        day.update(comp)
        must, cannot = be.overrides(set(comp))
        for members in cluster(comp.values(), must=must, cannot=cannot):
            g = frozenset(x.key for x in members)
            for x in members:
                new_groups[x.key] = g
        # a coarse report can only choose a cluster holding a report it links with (a mean >= threshold
        # needs one pair >= threshold), so only those linked to the component are decided again
        for x in comp.values():
            for c in be.neighbours(x):
                if not is_day(c):
                    coarse[c.key] = c
        partners = {k for pair in must for k in pair} - comp.keys()
        coarse.update({x.key: x for x in be.by_keys(partners) if not is_day(x)})
    else:
        coarse[m.key] = m
    old_lids = set(be.assignment(set(day) | set(coarse)).values())
    for x in be.members(old_lids):  # coarse reports attached to the clusters being redrawn
        if is_day(x):
            day.setdefault(x.key, x)
        else:
            coarse.setdefault(x.key, x)

    lid_of = be.assignment(set(day))
    known: dict[str, frozenset[str]] = dict(new_groups)
    stack = list(coarse.values())

    def day_group(key: str) -> frozenset[str]:
        """The day members of ``key``'s cluster: new for the redrawn component, else as stored."""
        if key in known:
            return known[key]
        lid = lid_of.get(key) or be.assignment({key}).get(key)
        members = be.members({lid}) if lid else []
        g = frozenset(x.key for x in members if is_day(x)) or frozenset({key})
        for x in members:
            if is_day(x):
                day.setdefault(x.key, x)
                known.setdefault(x.key, g)
            elif x.key not in coarse:  # its cluster is redrawn, so it is decided again
                coarse[x.key] = x
                stack.append(x)
        known[key] = g
        return g

    for k in list(day):
        day_group(k)
    # attach coarse reports; unattached ones cluster among themselves (their whole coarse component)
    attached: dict[str, frozenset[str]] = {}
    loose: dict[str, Mention] = {}
    while stack:
        c = stack.pop()
        if c.key in attached or c.key in loose:
            continue
        coarse.setdefault(c.key, c)
        target = _attach(be, c, day_group, day)
        if target is not None:
            attached[c.key] = target
            continue
        loose[c.key] = c
        for lid in set(be.assignment({c.key}).values()):  # its old loose cluster is redrawn too
            stack.extend(x for x in be.members({lid}) if not is_day(x))
        for y in be.neighbours(c):
            if not is_day(y) and y.key not in attached and y.key not in loose:
                stack.append(y)
    groups: dict[frozenset[str], list[Mention]] = {}
    for k, g in known.items():
        if k in day:
            groups.setdefault(g, [])
    for g in groups:
        groups[g] = [day[k] for k in g]
    for k, g in attached.items():
        groups.setdefault(g, [day[x] for x in g]).append(coarse.get(k) or be.by_keys({k})[0])
    final = [ms for ms in groups.values() if ms]
    if loose:
        must, cannot = be.overrides(set(loose))
        final += cluster(loose.values(), must=must, cannot=cannot)
    touched = {x.key for ms in final for x in ms}
    old = set(be.assignment(touched).values())
    left = {x.key for x in be.members(old)} - touched
    if left:  # a redrawn cluster had members this pass did not decide: a bug, never lose reports silently
        raise RuntimeError(f"relink left reports unassigned: {sorted(left)[:5]}")
    be.write(final, old)


class Linker:
    """Incremental, order-independent linking in memory (the store runs the same ``relink`` against SQL)."""

    def __init__(self, must: Iterable[tuple[str, str]] = (), cannot: Iterable[tuple[str, str]] = ()) -> None:
        self.index = BlockIndex()
        self.mentions: dict[str, Mention] = {}
        self.must = [tuple(sorted(p)) for p in must]
        self.cannot = [tuple(sorted(p)) for p in cannot]
        self._ov: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for kind, pairs in (("merge", self.must), ("split", self.cannot)):
            for a, b in pairs:
                self._ov[a].append((kind, a, b))
                self._ov[b].append((kind, a, b))
        self.cluster_of: dict[str, str] = {}  # report key -> ledger id
        self.clusters: dict[str, list[Mention]] = {}
        self._adj: dict[str, set[str]] = defaultdict(set)  # linkable pairs, scored once on arrival

    # Backend
    def neighbours(self, m: Mention) -> Iterable[Mention]:
        return [self.mentions[k] for k in self._adj.get(m.key, ())]

    def by_keys(self, keys: set[str]) -> list[Mention]:
        return [self.mentions[k] for k in keys if k in self.mentions]

    def members(self, lids: set[str]) -> list[Mention]:
        return [x for lid in lids for x in self.clusters.get(lid, ())]

    def assignment(self, keys: set[str]) -> dict[str, str]:
        return {k: self.cluster_of[k] for k in keys if k in self.cluster_of}

    def overrides(self, keys: set[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        rows = {r for k in keys for r in self._ov.get(k, ())}
        return [(a, b) for kind, a, b in rows if kind == "merge"], [(a, b) for kind, a, b in rows if kind == "split"]

    def write(self, clusters: list[list[Mention]], old: set[str]) -> None:
        for lid in old:
            for x in self.clusters.pop(lid, ()):
                self.cluster_of.pop(x.key, None)
        for members in clusters:
            lid = ledger_id(members)
            self.clusters[lid] = sorted(members, key=lambda x: x.order)
            for x in members:
                self.cluster_of[x.key] = lid

    def add(self, m: Mention) -> str:
        """Link ``m``; returns its ledger id."""
        if m.key in self.mentions:
            return self.cluster_of[m.key]
        for c in self.index.candidates(m):
            if linked(m, c):
                self._adj[m.key].add(c.key)
                self._adj[c.key].add(m.key)
        self.mentions[m.key] = m
        self.index.add(m)
        relink(self, m)
        return self.cluster_of[m.key]

    def partition(self) -> set[frozenset[str]]:
        return {frozenset(x.key for x in ms) for ms in self.clusters.values()}


def link_all(mentions: Iterable[Mention], overrides: Mapping[str, Iterable[tuple[str, str]]] | None = None) -> Linker:
    ov = overrides or {}
    linker = Linker(must=ov.get("merge", ()), cannot=ov.get("split", ()))
    for m in mentions:
        linker.add(m)
    return linker
