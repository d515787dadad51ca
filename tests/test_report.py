"""The dossier (``claimtrack show``) and the situation report (``claimtrack report``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.report.dossier import dossier_panel
from claimtrack.report.situation import render, situation
from claimtrack.store import Ledger
from tests.conftest import as_dicts

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def db(corpus_db: str) -> str:
    return corpus_db


def test_dossier_shows_timeline_sources_relays_and_contradictions(db: str) -> None:
    ledger = Ledger(db)
    (ev,) = [e for e in as_dicts(ledger.events()) if any(r["article_id"] == "a08" for r in e["reports"])]
    console = Console(record=True, width=200)
    console.print(dossier_panel(ev))
    text = console.export_text()
    assert "timeline of reports" in text and "2025-04-03" in text
    assert "Oleh Syniehubov → Eastern Courier → Harbor Times" in text
    assert "superseded by a later figure" in text
    assert "killed: 5 per Oleh Syniehubov vs 30 per Russia (Ministry of Defence of Russia)" in text
    assert "disputed" in text


def test_situation_groups_by_day_and_region(db: str) -> None:
    events = list(as_dicts(Ledger(db).events(since="2025-04-01")))
    ctx = situation(events, since="2025-04-01")
    days = [d["day"] for d in ctx["days"]]
    assert days == sorted(days, reverse=True) and "2025-03-14" not in days
    april2 = next(d for d in ctx["days"] if d["day"] == "2025-04-02")
    assert [r["region"] for r in april2["regions"]] == ["Kharkiv Oblast, UA", "Odesa Oblast, UA"]


def test_markdown_and_html(db: str) -> None:
    events = list(as_dicts(Ledger(db).events(since="2025-04-01", country="UA")))
    md = render(events, "md", since="2025-04-01", country="UA")
    assert md.startswith("# Situation report — UA")
    assert "## 2025-04-02" in md and "### Kharkiv Oblast, UA" in md
    assert "*disputed*" in md and "killed: 5 per Oleh Syniehubov; 30 per" in md
    assert "Shebekino" not in md  # Russia, filtered out by --country UA
    html = render(events, "html", since="2025-04-01", country="UA")
    assert "<h2>2025-04-02</h2>" in html and 'class="status disputed"' in html


def test_cli_report(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["report", "--since", "2025-05-01", "--db", db])
    assert res.exit_code == 0, res.output
    assert "## 2025-06-08" in res.stdout and "denied" in res.stdout
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["report", "--since", "2025-01-01", "--format", "html", "--db", db, "-o", str(out)])
    assert res.exit_code == 0 and "<html" in out.read_text()
