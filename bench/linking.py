"""Linking precision and recall on our test corpus (tests/corpus), in one command:

    python bench/linking.py

1. Gold extraction: the hand annotation of each article's events and claims (tests/corpus/expected.json)
   goes through the real ledger (SQLite in bench/out/); clusters are scored pairwise and with B-cubed
   against the expected clusters, and each expected ledger event's independent-source count, status and
   contradictions are compared. This measures linking apart from the extractors.
2. End to end: the real pipeline extracts the same articles; since its events are not the annotated ones,
   it is scored on article pairs (two articles share an event in the ledger vs. in the expected ledger).
3. The seeds (../shared/seeds, when present): the US authorization must be one event with two reports,
   the two missile strikes two events.

Writes bench/out/linking_clusters.json with the predicted clusters.
"""

from __future__ import annotations

import json
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimtrack.link.evaluate import bcubed, load_articles, load_gold, pair_scores  # noqa: E402
from claimtrack.store import Ledger  # noqa: E402


def _as_dicts(events):  # type: ignore[no-untyped-def]
    return [e.model_dump(mode="json") for e in events]


CORPUS = ROOT / "tests" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
OUT = ROOT / "bench" / "out"


def fresh_ledger(name: str) -> Ledger:
    path = OUT / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return Ledger(f"sqlite:///{path}")


def gold_run() -> dict[str, object]:
    results, expected = load_gold(CORPUS)
    ledger = fresh_ledger("linking_gold.db")
    t0 = time.perf_counter()
    for r in results:
        ledger.add(r)
    secs = time.perf_counter() - t0
    events = list(_as_dicts(ledger.events()))
    predicted = [sorted(f"{r['article_id']}#{r['event_id']}" for r in e["reports"]) for e in events]
    gold = {k: v["reports"] for k, v in expected["ledger"].items()}
    pairs = pair_scores(predicted, gold.values())
    b3 = bcubed(predicted, gold.values())
    by_members = {frozenset(p): e for p, e in zip(predicted, events, strict=True)}
    checks = {"independent_sources": 0, "status": 0, "contradictions": 0}
    misses = []
    for name, g in expected["ledger"].items():
        e = by_members.get(frozenset(g["reports"]))
        if e is None:
            misses.append(f"{name}: cluster not found")
            continue
        kinds = sorted(c["kind"] + (":" + c["role"] if c["kind"] == "figure" else "") for c in e["contradictions"])
        for field, got, want in (
            ("independent_sources", e["independent_sources"], g["independent_sources"]),
            ("status", e["status"], g["status"]),
            ("contradictions", kinds, sorted(g["contradictions"])),
        ):
            if got == want:
                checks[field] += 1
            else:
                misses.append(f"{name}: {field} {got!r}, expected {want!r}")
    (OUT / "linking_clusters.json").write_text(json.dumps(predicted, indent=1))
    return {
        "documents": len(results),
        "document_events": sum(len(r.events) for r in results),
        "ledger_events": len(events),
        "expected_ledger_events": len(gold),
        "pairwise": pairs,
        "bcubed": b3,
        "checks": {k: f"{v}/{len(gold)}" for k, v in checks.items()},
        "misses": misses,
        "ms_per_document": round(1000 * secs / len(results), 1),
    }


def _article_pairs(groups: list[set[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}


def pipeline_run() -> dict[str, object]:
    from claimtrack.nlp import process

    _, expected = load_gold(CORPUS)
    ledger = fresh_ledger("linking_pipeline.db")
    for res in process(load_articles(CORPUS / "articles.jsonl")):
        ledger.add(res)
    pred = _article_pairs([{r["article_id"] for r in e["reports"]} for e in _as_dicts(ledger.events())])
    gold = _article_pairs([{k.split("#")[0] for k in v["reports"]} for v in expected["ledger"].values()])
    tp = len(pred & gold)
    return {
        "article_pair_precision": tp / len(pred) if pred else 1.0,
        "article_pair_recall": tp / len(gold) if gold else 1.0,
        "false_pairs": sorted("-".join(sorted(p)) for p in pred - gold),
        "missed_pairs": sorted("-".join(sorted(p)) for p in gold - pred),
    }


def seeds_run() -> dict[str, object] | None:
    if not SEEDS.exists():
        return None
    from claimtrack.ingest import read_inputs
    from claimtrack.models import Article
    from claimtrack.nlp import process

    articles = [a for a in read_inputs(sorted(str(p) for p in SEEDS.glob("*.txt"))) if isinstance(a, Article)]
    ledger = fresh_ledger("linking_seeds.db")
    for res in process(articles):
        ledger.add(res)
    events = list(_as_dicts(ledger.events()))
    auth = [
        e
        for e in events
        if e["type"] == "authorization" and (e.get("initiator") or {}).get("entity") == "United States"
    ]
    strikes = [
        e
        for e in events
        if e["type"] == "missile_strike" and (e.get("date") or {}).get("value") in ("2024-11-19", "2025-01-03")
    ]
    return {
        "us_authorization_events": len(auth),
        "us_authorization_reports": [len(e["reports"]) for e in auth],
        "strike_events": len(strikes),
        "pass": len(auth) == 1 and len(auth[0]["reports"]) == 2 and len(strikes) == 2,
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    g = gold_run()
    p = g["pairwise"]
    b = g["bcubed"]
    assert isinstance(p, dict) and isinstance(b, dict)
    print(
        f"corpus: {g['documents']} articles, {g['document_events']} document events -> {g['ledger_events']} "
        f"ledger events (expected {g['expected_ledger_events']})"
    )
    print(
        f"gold extraction  pairwise P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f} "
        f"({p['pred_pairs']} predicted / {p['gold_pairs']} gold pairs); B-cubed P {b['precision']:.3f} "
        f"R {b['recall']:.3f}"
    )
    print(
        f"                 independent sources {g['checks']['independent_sources']}, status "  # type: ignore[index]
        f"{g['checks']['status']}, contradictions {g['checks']['contradictions']}; "  # type: ignore[index]
        f"{g['ms_per_document']} ms per document ingested"
    )
    for miss in g["misses"]:  # type: ignore[attr-defined]
        print("   miss:", miss)
    e2e = pipeline_run()
    print(
        f"end to end       article-pair P {e2e['article_pair_precision']:.3f} R {e2e['article_pair_recall']:.3f}"
        f"  false {e2e['false_pairs']} missed {e2e['missed_pairs']}"
    )
    s = seeds_run()
    if s is None:
        print(f"seeds            skipped: {SEEDS} is absent")
    else:
        print(
            f"seeds            US authorization: {s['us_authorization_events']} event(s) with "
            f"{s['us_authorization_reports']} report(s); strikes: {s['strike_events']} event(s) -> "
            f"{'PASS' if s['pass'] else 'FAIL'}"
        )
    (OUT / "linking.json").write_text(json.dumps({"gold": g, "end_to_end": e2e, "seeds": s}, indent=1))


if __name__ == "__main__":
    main()
