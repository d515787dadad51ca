"""The analyst's view of the seed strike: one claimed figure per role, the other side's silence recorded."""

from __future__ import annotations

from pathlib import Path

from claimtrack.ingest import read_inputs
from claimtrack.models import Article
from claimtrack.nlp import process
from claimtrack.store import Ledger
from tests.conftest import SEEDS, as_dicts, need_shared


def test_bryansk_strike_is_claimed_by_russia_and_unconfirmed_by_ukraine(tmp_path: Path, nlp) -> None:
    need_shared(SEEDS)
    ledger = Ledger(str(tmp_path / "seeds.db"))
    articles = [a for a in read_inputs([str(p) for p in sorted(SEEDS.glob("*.txt"))]) if isinstance(a, Article)]
    for res in process(articles):
        ledger.add(res)
    (strike,) = [
        ev for ev in as_dicts(ledger.events(type="missile_strike")) if (ev["date"] or {}).get("value") == "2024-11-19"
    ]
    assert strike["location"]["name"] == "Bryansk Oblast" and strike["location"]["country"] == "RU"
    # the publisher framing ("News.az reports") and the relayed outlet are relays, not sources
    assert strike["independent_sources"] == 1
    assert strike["status"] == "claimed"
    (intercepted,) = strike["figures"]["intercepted"]
    assert (intercepted["value"], intercepted["source"]) == (5, "Russia")
    assert intercepted["via"] == ["Fox News", "News.az"]
    assert intercepted["unconfirmed_by"] == ["Ukraine"]
    assert {f["value"] for f in strike["figures"]["launched"]} == {6}
