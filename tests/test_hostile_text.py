"""Hostile titles, publishers and bodies (tests/hostile.py, our own) through every output: the report, the
tables, the dossier and every export. Text must come out as text: escaped in HTML and Markdown, literal in
Rich, neutralised where a spreadsheet would run it, and a figure beyond 64 bits must not break a file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.export import FORMATS, export
from claimtrack.models import Figure, LedgerEvent
from claimtrack.report.dossier import dossier_panel
from claimtrack.report.situation import render
from claimtrack.report.tables import document_panel, events_table
from claimtrack.store import Ledger
from tests.hostile import HOSTILE_PUBLISHERS, HOSTILE_TITLES, HUGE, SCRIPT, hostile_documents

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("hostile") / "ledger.db")
    ledger = Ledger(path)
    for doc in hostile_documents():
        ledger.add(doc)
    return path


def _render(renderable: object) -> str:
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def test_html_report_escapes_everything(db: str) -> None:
    html = render(list(Ledger(db).events()), fmt="html")
    assert SCRIPT not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_report_shows_text_not_markup(db: str) -> None:
    md = render(list(Ledger(db).events()), fmt="md")
    assert SCRIPT not in md and "<b>" not in md
    assert r"\<script\>" in md  # shown literally once rendered


def test_rich_tables_and_dossier_keep_brackets_literal(db: str) -> None:
    events = list(Ledger(db).events())
    table = _render(events_table(events))
    assert "[pictured]" in table
    for ev in events:
        text = _render(dossier_panel(ev))  # a "[/b]" in a title or publisher used to crash here
        for r in ev.reports:
            assert (r.title or "").strip()[:20] in text or not r.title
    dossiers = "".join(_render(dossier_panel(ev)) for ev in events)
    assert "[red]Wire[/red]" in dossiers and "[/b]" in dossiers and "[pictured]" in dossiers


def test_extract_table_panel_keeps_brackets_literal() -> None:
    for doc in hostile_documents():
        text = _render(document_panel(doc))
        assert (doc.article.publisher or "—") in text


def test_cli_show_and_events_table(db: str) -> None:
    ids = [e.id for e in Ledger(db).events()]
    for i in ids:
        res = runner.invoke(app, ["show", i, "--db", db])
        assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["events", "--db", db])
    assert res.exit_code == 0 and "[pictured]" in res.stdout


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


@pytest.mark.parametrize("fmt", ["csv", "acled-csv"])
def test_csv_cells_never_start_a_formula(db: str, fmt: str) -> None:
    buf = io.StringIO()
    n = export(Ledger(db).events(), fmt, buf)
    assert n == len(HOSTILE_TITLES)
    cells = _cells(buf.getvalue())
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c.startswith("-") and not _is_number(c)]
    assert any(c.startswith("'=HYPERLINK") for c in cells) or any("'=cmd" in c for c in cells)
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    assert len(df) == n


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _with_huge_figure(events: list[LedgerEvent]) -> list[LedgerEvent]:
    """The first event with a figure beyond 64 bits, as a mis-read number would give (built in memory: the
    ledger refuses to store one)."""
    first = events[0]
    figure = Figure(value=HUGE, source="Somebody", article="hostile-0", reports=1)
    huge = first.model_copy(update={"fatalities": HUGE, "figures": {**first.figures, "killed": [figure]}})
    return [huge, *events[1:]]


def test_every_export_survives_and_keeps_the_huge_figure(db: str, tmp_path: Path) -> None:
    events = _with_huge_figure(list(Ledger(db).events()))
    for fmt in FORMATS:
        path = tmp_path / f"out.{fmt}"
        mode = "wb" if fmt == "parquet" else "w"
        with path.open(mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as fh:
            n = export(events, fmt, fh)
        assert n == len(events), fmt
        assert path.stat().st_size > 200, fmt
        if fmt != "parquet":
            assert str(HUGE) in path.read_text(encoding="utf-8"), fmt  # the exact digits
    df = pd.read_parquet(tmp_path / "out.parquet")
    assert str(HUGE) in set(df["fatalities"].dropna())  # written as text, not overflowed or dropped
    assert any(f["value"] == str(HUGE) for figs in df["figures"] for f in figs)
    collection = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))
    assert any(SCRIPT in (f["properties"]["location"] or "") for f in collection["features"])  # data, unchanged
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(x)["reports"][0]["publisher"] for x in lines} <= set(HOSTILE_PUBLISHERS)


def test_cli_report_html_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["report", "--db", db, "-f", "html", "-o", str(out)])
    assert res.exit_code == 0 and SCRIPT not in out.read_text(encoding="utf-8")


def test_cli_extract_table_with_hostile_metadata(tmp_path: Path, nlp) -> None:
    path = tmp_path / "hostile.jsonl"
    records = [
        {"id": f"h{i}", "title": title, "publisher": pub, "text": "Shelling hit the depot on Monday, officials said."}
        for i, (title, pub) in enumerate(zip(HOSTILE_TITLES, HOSTILE_PUBLISHERS, strict=False))
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    res = runner.invoke(app, ["extract", str(path), "--format", "table"])
    assert res.exit_code == 0, res.output
    assert "[/b]" in res.stdout and "[pictured]" in res.stdout and SCRIPT in res.stdout
