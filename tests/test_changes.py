"""The ledger's change log: every rewrite of a ledger event says what changed and why (hand-annotated corpus)."""

from __future__ import annotations

from pathlib import Path

from claimtrack.link.evaluate import load_gold
from claimtrack.store import Ledger
from claimtrack.store.changes import LedgerChange, read
from tests.conftest import CORPUS


def _log(ledger: Ledger) -> list[LedgerChange]:
    with ledger.session() as s:
        return read(s)


def test_reports_status_merge_and_split_are_logged_with_reasons(tmp_path: Path) -> None:
    docs = {r.id: r for r in load_gold(CORPUS)[0]}
    ledger = Ledger(str(tmp_path / "l.db"))
    ledger.add(docs["a05"])
    (first,) = [c for c in _log(ledger) if c.kind == "new"]
    assert first.before is None and first.after and first.after["reports"] == 1
    seen = len(_log(ledger))
    for name in ("a06", "a07"):
        ledger.add(docs[name])
    later = _log(ledger)[seen:]
    grown = [c for c in later if c.kind == "reports"]
    assert [(c.before or {}).get("reports") for c in grown] == [1, 2]
    assert [(c.after or {}).get("reports") for c in grown] == [2, 3]
    assert [c.reason.split(": ", 1)[1].split(" (")[0] for c in grown] == [
        f"report by {docs['a06'].article.publisher}",
        f"report by {docs['a07'].article.publisher}",
    ]
    found = ledger.event(grown[-1].event)
    assert found is not None
    final = found.model_dump(mode="json")
    assert len(final["reports"]) == 3
    assert grown[-1].after and grown[-1].after["status"] == final["status"]
    # every status line names the move; an event whose id moved to its new earliest report says where
    assert all("->" in c.reason and "report by" in c.reason for c in later if c.kind == "status")
    moved = {c.event: c.reason.split()[1].rstrip(":") for c in later if c.kind == "renamed"}
    at = first.event
    while at in moved:
        at = moved[at]
    assert at == final["id"]  # following the renames leads from the first report's event to today's id

    seen = len(_log(ledger))
    ids = ledger.split(final["id"], ["a07"], note="another target")
    after_split = _log(ledger)[seen:]
    assert {c.kind for c in after_split} >= {"split"}
    assert all("split by hand: another target" in c.reason for c in after_split)
    seen = len(_log(ledger))
    merged = ledger.merge(*ids, note="same strike after all")
    after_merge = _log(ledger)[seen:]
    assert any(c.kind == "merged" or (c.kind == "reports" and c.event == merged) for c in after_merge)
    assert all("merged by hand: same strike after all" in c.reason for c in after_merge)
    # re-adding stored content changes nothing, so it logs nothing
    seen = len(_log(ledger))
    assert ledger.add(docs["a06"]) is None
    assert len(_log(ledger)) == seen


def test_an_unrelated_article_does_not_touch_other_events(tmp_path: Path) -> None:
    docs = {r.id: r for r in load_gold(CORPUS)[0]}
    ledger = Ledger(str(tmp_path / "l.db"))
    ledger.add(docs["a05"])
    before = {c.event for c in _log(ledger)}
    ledger.add(docs["a15"])  # another strike, elsewhere
    later = _log(ledger)[len(before) :]
    assert later and all(c.kind == "new" and c.event not in before for c in later)
