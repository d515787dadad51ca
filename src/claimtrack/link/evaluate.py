"""Scoring clusterings and reading hand-annotated corpora (tests/corpus/expected.json).

A hand annotation ("gold extraction") lists each article's events and claims in a compact form; it is
turned into contract objects so linking can be measured apart from the extractors.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from claimtrack.models import (
    Actor,
    Article,
    Claim,
    Content,
    DocumentResult,
    Event,
    EventDate,
    Location,
    Quantity,
    Source,
    TextSpan,
    Weapon,
)


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.find(needle)
    return (i, i + len(needle)) if i >= 0 else (0, 0)


def load_articles(path: Path) -> list[Article]:
    """Articles of a JSONL corpus, read the way ``claimtrack ingest`` reads them."""
    from claimtrack.ingest.jsonl import articles_from_jsonl

    out = [a for a in articles_from_jsonl(path.read_text(encoding="utf-8"), str(path)) if isinstance(a, Article)]
    return out


def gold_result(article: Article, doc: dict[str, Any]) -> DocumentResult:
    """Contract objects for one article from its compact annotation."""
    text = article.text
    claims = []
    for c in doc.get("claims", []):
        cue = c.get("cue", "said")
        src_span = _span(text, c["source"])
        claims.append(
            Claim(
                id=c["id"],
                source=Source(text=c["source"], span=src_span, entity=c["source"], kind=c["kind"]),
                cue=TextSpan(text=cue, span=_span(text, cue)),
                content=Content(text=text[:80], spans=[(0, min(80, len(text)))]),
                stance=c.get("stance", "asserts"),
                via=c.get("via", []),
                said_on=c.get("said_on"),
            )
        )
    events = []
    for e in doc.get("events", []):
        loc = e.get("location")
        events.append(
            Event(
                id=e["id"],
                type=e["type"],
                trigger=TextSpan(text=e["trigger"], span=_span(text, e["trigger"])),
                date=EventDate(value=e["date"], precision=e.get("precision", "day"), text=e["date"])
                if e.get("date")
                else None,
                location=Location(text=loc["name"], **loc) if loc else None,
                initiator=Actor(text=e["initiator"], entity=e["initiator"]) if e.get("initiator") else None,
                target=Actor(text=e["target"], entity=e["target"]) if e.get("target") else None,
                weapons=[Weapon(text=w, name=w) for w in e.get("weapons", [])],
                quantities=[Quantity(role=r, value=v, claim=c) for r, v, c in e.get("quantities", [])],
                modality=e.get("modality", "asserted"),
                claims=e.get("claims", []),
            )
        )
    return DocumentResult(id=article.id, article=article, claims=claims, events=events)


def load_gold(corpus: Path) -> tuple[list[DocumentResult], dict[str, Any]]:
    """(gold document results in file order, expected.json) of a corpus folder."""
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    docs = expected["documents"]
    results = [gold_result(a, docs.get(a.id, {})) for a in load_articles(corpus / "articles.jsonl")]
    return results, expected


def _pairs(clusters: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for c in clusters for p in combinations(sorted(c), 2)}


def pair_scores(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]]) -> dict[str, float]:
    """Pairwise precision / recall / F1 of a clustering against gold (pairs of items in one cluster)."""
    pred = [list(c) for c in predicted]
    ref = [list(c) for c in gold]
    pp, gp = _pairs(pred), _pairs(ref)
    tp = len(pp & gp)
    p = tp / len(pp) if pp else 1.0
    r = tp / len(gp) if gp else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "pred_pairs": len(pp), "gold_pairs": len(gp)}


def bcubed(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]]) -> dict[str, float]:
    """B-cubed precision / recall: per item, the share of its cluster that is right."""
    pc = {x: frozenset(c) for c in map(frozenset, predicted) for x in c}
    gc = {x: frozenset(c) for c in map(frozenset, gold) for x in c}
    items = sorted(set(pc) & set(gc))
    if not items:
        return {"precision": 0.0, "recall": 0.0}
    p = sum(len(pc[x] & gc[x]) / len(pc[x]) for x in items) / len(items)
    r = sum(len(pc[x] & gc[x]) / len(gc[x]) for x in items) / len(items)
    return {"precision": p, "recall": r}
