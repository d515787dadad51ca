"""The entity knowledge base: one table of who is who (``data/entities/kb.json``), loaded once.

States, their institutions and officials with the side they speak for, armed groups, outlets with their web
domains, wire agencies, and the spellings reports use for each. ``extract.entities`` (canonical names),
``ingest.meta`` (publishers from URLs), ``extract.claims`` and ``link.provenance`` (sides, wires, independent
parties) all read this one table, so a name resolves the same way everywhere.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from claimtrack.models import SourceKind

KB_PATH = Path(__file__).parent / "data" / "entities" / "kb.json"
_KINDS = set(SourceKind.__args__)  # type: ignore[attr-defined]


class KnowledgeBaseError(ValueError):
    """The knowledge-base file is malformed; the message names the entry and the problem."""


@dataclass(frozen=True)
class Entry:
    """One entity: its canonical name, source kind, the side it speaks for, and what kind of voice it is."""

    name: str
    kind: SourceKind
    side: str | None = None
    wire: bool = False  # a news agency whose stories other outlets republish
    independent: bool = False  # UN bodies, NGOs, observers: a third party, not a side
    group: bool = False  # a non-state armed group
    domains: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class KnowledgeBase:
    aliases: dict[str, Entry]
    by_name: dict[str, Entry]
    domains: dict[str, Entry]
    demonyms: dict[str, str]
    bodies: dict[str, tuple[str, SourceKind]]
    ministries: dict[str, str]
    titles: frozenset[str] = frozenset()

    def lookup(self, text: str) -> Entry | None:
        """The entry a mention names ("the Kremlin", "Zelenskiy", "AFP"), or None."""
        key = re.sub(r"\s+", " ", text.strip().lower()).replace("’", "'")
        for k in (key, key.rstrip(".,")):  # "U.S." keeps its dot; "Reuters." loses the sentence's
            hit = self.aliases.get(k) or (self.aliases.get(k[4:]) if k.startswith("the ") else None)
            if hit is not None:
                return hit
        return None

    def outlet_for_host(self, host: str) -> Entry | None:
        host = host.lower().removeprefix("www.")
        for domain, entry in self.domains.items():
            if host == domain or host.endswith("." + domain):
                return entry
        return None

    def full_names(self, surname: str) -> dict[str, Entry]:
        """The officials a bare surname may stand for: each full spelling (lower case) ending in ``surname``."""
        return _surnames(self).get(surname.strip().lower().replace("’", "'"), {})

    def wires(self) -> list[Entry]:
        return [e for e in self.by_name.values() if e.wire]


_SURNAMES: dict[int, dict[str, dict[str, Entry]]] = {}


def _surnames(kb: KnowledgeBase) -> dict[str, dict[str, Entry]]:
    """Officials' full spellings by their last word, built once per knowledge base."""
    index = _SURNAMES.get(id(kb))
    if index is None:
        index = {}
        for k, e in kb.aliases.items():
            if e.kind == "official" and " " in k:
                index.setdefault(k.rsplit(" ", 1)[1], {})[k] = e
        _SURNAMES[id(kb)] = index
    return index


def _entry(raw: dict[str, Any], n: int) -> Entry:
    name, kind = raw.get("name"), raw.get("kind")
    if not isinstance(name, str) or not name:
        raise KnowledgeBaseError(f"{KB_PATH}: entity #{n} has no name")
    if kind not in _KINDS:
        raise KnowledgeBaseError(f"{KB_PATH}: entity {name!r} has unknown kind {kind!r}")
    return Entry(
        name=name,
        kind=cast(SourceKind, kind),
        side=raw.get("side"),
        wire=bool(raw.get("wire")),
        independent=bool(raw.get("independent")),
        group=bool(raw.get("group")),
        domains=tuple(raw.get("domains") or ()),
    )


def _clean(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if not k.startswith("_")}


def parse(data: dict[str, Any]) -> KnowledgeBase:
    aliases: dict[str, Entry] = {}
    by_name: dict[str, Entry] = {}
    domains: dict[str, Entry] = {}
    for n, raw in enumerate(data.get("entities") or [], 1):
        entry = _entry(raw, n)
        # the first entry of a name is its main one (the state before its government, for sides)
        by_name.setdefault(entry.name, entry)
        for alias in [entry.name, *(raw.get("aliases") or [])]:
            key = alias.lower().replace("’", "'")
            if key in aliases and aliases[key].name != entry.name:
                raise KnowledgeBaseError(
                    f"{KB_PATH}: alias {alias!r} names both {aliases[key].name!r} and {entry.name!r}"
                )
            aliases.setdefault(key, entry)
        for d in entry.domains:
            domains[d.lower()] = entry
    bodies = {k: (v[0], cast(SourceKind, v[1])) for k, v in _clean(data.get("bodies") or {}).items()}
    return KnowledgeBase(
        aliases=aliases,
        by_name=by_name,
        domains=domains,
        demonyms=_clean(data.get("demonyms") or {}),
        bodies=bodies,
        ministries=_clean(data.get("ministries") or {}),
        titles=frozenset(str(w) for w in (data.get("titles") or {}).get("words") or ()),
    )


@lru_cache(maxsize=1)
def load() -> KnowledgeBase:
    """The shipped knowledge base; a broken file fails loudly with the entry it chokes on."""
    try:
        data = json.loads(KB_PATH.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise KnowledgeBaseError(f"{KB_PATH}: not valid JSON ({exc})") from exc
    return parse(data)
