"""The ledger store: migration 0002, incremental linking, idempotent re-ingest, overrides that survive it."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.ingest.reader import content_hash
from claimtrack.link.evaluate import load_gold
from claimtrack.store import Ledger
from claimtrack.store.db import alembic_config, open_engine
from tests.conftest import as_dicts

CORPUS = Path(__file__).parent / "corpus"


def _gold():  # type: ignore[no-untyped-def]
    results, expected = load_gold(CORPUS)
    return {r.id: r for r in results}, expected


def _events_with(ledger: Ledger, article: str) -> list[dict]:  # type: ignore[type-arg]
    return [e for e in as_dicts(ledger.events()) if any(r["article_id"] == article for r in e["reports"])]


def test_migration_0002_upgrades_an_old_ledger_and_links_its_events(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    docs, _ = _gold()
    meta = sa.MetaData()
    meta.reflect(engine)
    arts, evs = meta.tables["articles"], meta.tables["events"]
    assert "report_key" not in evs.c  # really the 0001 schema
    with engine.begin() as conn:
        for i, doc in enumerate((docs["a11"], docs["a13"]), start=1):
            a = doc.article
            conn.execute(
                arts.insert().values(
                    id=i,
                    doc_id=a.id,
                    content_hash=content_hash(a.text),
                    publisher=a.publisher,
                    published=a.published,
                    via=a.via,
                    text=a.text,
                )
            )
            e = doc.events[0]
            conn.execute(
                evs.insert().values(
                    article_id=i,
                    local_id=e.id,
                    ledger_id=f"old-{i}",
                    type=e.type,
                    date_value=e.date.value if e.date else None,
                    country="RU",
                    data=e.model_dump(mode="json"),
                )
            )
    ledger = Ledger(url)  # upgrades to head and back-fills the linking columns
    (event,) = list(as_dicts(ledger.events()))
    assert {r["article_id"] for r in event["reports"]} == {"a11", "a13"}
    with ledger.engine.connect() as conn:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert conn.scalar(sa.text("select version_num from alembic_version")) == head


def test_migration_0002_downgrades(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'down.db'}"
    engine = open_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert "ledger_events" not in sa.inspect(engine).get_table_names()
    assert "report_key" not in {c["name"] for c in sa.inspect(engine).get_columns("events")}


def test_reingest_adds_nothing_and_keeps_ids(tmp_path: Path) -> None:
    docs, _ = _gold()
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    for d in docs.values():
        ledger.add(d)
    before = sorted(e["id"] for e in as_dicts(ledger.events()))
    assert all(ledger.add(d) is None for d in docs.values())
    assert sorted(e["id"] for e in as_dicts(ledger.events())) == before
    assert ledger.counts()["ledger_events"] == len(before)


def test_merge_and_split_survive_reingest_and_new_reports(tmp_path: Path) -> None:
    docs, _ = _gold()
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    for name in ("a05", "a06", "a07", "a15"):
        ledger.add(docs[name])
    (kharkiv,) = _events_with(ledger, "a05")
    (odesa,) = _events_with(ledger, "a15")
    assert len(kharkiv["reports"]) == 3
    # a person decides the Russian ministry's report is about another strike
    ids = ledger.split(kharkiv["id"], ["a07"], note="different target")
    assert len(ids) == 2
    # and that Odesa belongs with... a deliberate merge across regions
    merged = ledger.merge(odesa["id"], _events_with(ledger, "a07")[0]["id"])
    assert {r.article_id for r in ledger.event(merged).reports} == {"a07", "a15"}  # type: ignore[index]
    # re-ingest and new reports of the strike do not undo the corrections
    for name in ("a05", "a06", "a07", "a15", "a08", "a19"):
        ledger.add(docs[name])
    groups = [{r["article_id"] for r in e["reports"]} for e in as_dicts(ledger.events())]
    assert {"a05", "a06", "a08", "a19"} in groups
    assert {"a07", "a15"} in groups
    assert {o["kind"] for o in ledger.overrides()} == {"merge", "split"}
    # the corrections live in the ledger, not in memory: a new handle sees the same clusters
    again = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    assert [{r["article_id"] for r in e["reports"]} for e in as_dicts(again.events())] == groups


def test_later_split_of_everything(tmp_path: Path) -> None:
    docs, _ = _gold()
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    for name in ("a11", "a12", "a13"):
        ledger.add(docs[name])
    (event,) = list(as_dicts(ledger.events()))
    assert len(ledger.split(event["id"])) == 3
    assert len(list(as_dicts(ledger.events()))) == 3


def test_cli_merge_split_show(tmp_path: Path) -> None:
    docs, _ = _gold()
    db = str(tmp_path / "cli.db")
    ledger = Ledger(db)
    for name in ("a09", "a10", "a18"):
        ledger.add(docs[name])
    runner = CliRunner()
    (crash,) = _events_with(ledger, "a09")
    (iris,) = _events_with(ledger, "a18")
    res = runner.invoke(app, ["show", crash["id"], "--db", db])
    assert res.exit_code == 0, res.output
    assert "denied" in res.output and "Pripyat Monitor" in res.output and "Belarus" in res.output
    res = runner.invoke(app, ["split", crash["id"], "--db", db])
    assert res.exit_code == 0 and len(res.stdout.split()) == 2
    res = runner.invoke(app, ["merge", *res.stdout.split(), "--db", db])
    assert res.exit_code == 0
    res = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(lines) == 2
    for ev in lines:
        assert {"reports", "sources", "independent_sources", "figures", "status", "contradictions"} <= ev.keys()
    assert runner.invoke(app, ["show", "ev-nope", "--db", db]).exit_code == 1
    assert runner.invoke(app, ["merge", iris["id"], "nope", "--db", db]).exit_code == 1
