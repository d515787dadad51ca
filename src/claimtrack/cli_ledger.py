"""The ledger commands: reading it (``events``, ``export``, ``show``, ``report``, ``serve``) and correcting it
(``merge``, ``split``, ``corrections``).

Registered on the main Typer app by ``register``, like ``cli_live``; as there, the database, Rich and report
modules load inside the command that needs them, so the read commands start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimtrack.cli_common import _reader, _writer, fail, out, quiet_pipe, say
from claimtrack.cli_options import (
    CountryOpt,
    DbOpt,
    LimitOpt,
    SinceOpt,
    StatusOpt,
    TypeOpt,
    UntilOpt,
    check_range,
)

if TYPE_CHECKING:
    from claimtrack.models import LedgerEvent


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def _events(
    db: str | None,
    since: str | None,
    until: str | None,
    type: str | None,
    country: str | None,
    status: str | None,
    limit: int | None,
    undated: bool = False,
) -> Iterator[LedgerEvent]:
    check_range(since, until)
    return _reader(db).events(
        since=since, until=until, type=type, country=country, status=status, limit=limit, undated=undated
    )


@quiet_pipe
def events(
    db: DbOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: TypeOpt = None,
    country: CountryOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f", help="table or jsonl")] = EventsFormat.table,
) -> None:
    """List ledger events (each merged over its reports, with sources, figures, status and contradictions)."""
    rows = _events(db, since, until, type, country, status, limit)
    if fmt is EventsFormat.jsonl:
        for ev in rows:
            sys.stdout.write(ev.model_dump_json() + "\n")
        sys.stdout.flush()
    else:
        from claimtrack.report.tables import events_table

        out().print(events_table(list(rows)))


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    acled_csv = "acled-csv"
    geojson = "geojson"
    parquet = "parquet"


class _Counted:
    """Counts what passes, so a format that leaves events out can say how many."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator[Any]:
        for x in self.items:
            self.n += 1
            yield x


@quiet_pipe
def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format")] = ExportFormat.jsonl,
    db: DbOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write", show_default="stdout")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: TypeOpt = None,
    country: CountryOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    include_unlocated: Annotated[
        bool, typer.Option("--include-unlocated", help="geojson: also events without coordinates (null geometry)")
    ] = False,
) -> None:
    """Export the ledger's events (docs/export.md describes every column)."""
    from claimtrack.export import BINARY, export

    rows = _Counted(_events(db, since, until, type, country, status, limit))
    kind = fmt.value
    if output is None:
        n = export(rows, kind, sys.stdout.buffer if kind in BINARY else sys.stdout, include_unlocated)
        sys.stdout.flush()
    elif kind in BINARY:
        with output.open("wb") as bh:
            n = export(rows, kind, bh, include_unlocated)
    else:
        with output.open("w", encoding="utf-8", newline="") as fh:
            n = export(rows, kind, fh, include_unlocated)
    left = rows.n - n
    why = {"acled-csv": "not codable as ACLED: no ACLED type, country or day/month date", "geojson": "no coordinates"}
    say(f"{n} event(s) exported" + (f", {left} left out ({why.get(kind, 'filtered')})" if left else ""))


class ShowFormat(StrEnum):
    table = "table"
    json = "json"


@quiet_pipe
def show(
    event_id: Annotated[str, typer.Argument(help="Ledger event id (or a unique prefix, or a report key)")],
    db: DbOpt = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="table (the dossier) or json")] = (ShowFormat.table),
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json")] = False,
) -> None:
    """Print a ledger event's dossier: timeline of reports, who said what, relays, figures, contradictions."""
    ev = _reader(db).event(event_id)
    if ev is None:
        raise fail(f"no ledger event {event_id!r}")
    if as_json or fmt is ShowFormat.json:
        sys.stdout.write(ev.model_dump_json(indent=1) + "\n")
    else:
        from claimtrack.report.dossier import dossier_panel

        out().print(dossier_panel(ev))


def merge(
    a: Annotated[str, typer.Argument(help="Ledger event id (or a unique prefix) or report key")],
    b: Annotated[str, typer.Argument(help="Ledger event id (or a unique prefix) or report key")],
    db: DbOpt = None,
    note: Annotated[str | None, typer.Option(help="Why (kept with the correction)")] = None,
) -> None:
    """Merge two ledger events into one; the correction survives re-ingest (undo: claimtrack corrections)."""
    try:
        merged = _writer(db).merge(a, b, note=note)
    except KeyError as exc:
        raise fail(f"no ledger event or report {exc.args[0]!r}") from None
    say(f"merged into {merged}")
    sys.stdout.write(merged + "\n")


def split(
    event_id: Annotated[str, typer.Argument(help="Ledger event id (or a unique prefix)")],
    report: Annotated[
        list[str] | None,
        typer.Option("--report", "-r", help="Report key or article id to take out (repeat); none: split every report"),
    ] = None,
    db: DbOpt = None,
    note: Annotated[str | None, typer.Option(help="Why (kept with the correction)")] = None,
) -> None:
    """Split a ledger event; the correction survives re-ingest (undo: claimtrack corrections)."""
    try:
        ids = _writer(db).split(event_id, report or None, note=note)
    except KeyError as exc:
        raise fail(f"no ledger event or report {exc.args[0]!r}") from None
    say(f"split into {len(ids)} event(s)")
    for i in ids:
        sys.stdout.write(i + "\n")


@quiet_pipe
def corrections(
    db: DbOpt = None,
    undo: Annotated[int | None, typer.Option(help="Remove the correction with this number and re-link")] = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f", help="table or jsonl")] = EventsFormat.table,
) -> None:
    """List the merges and splits people made, or undo one (--undo N)."""
    import json

    ledger = _writer(db) if undo is not None else _reader(db)
    if undo is not None:
        try:
            gone = ledger.undo(undo)
        except KeyError:
            raise fail(f"no correction number {undo}; `claimtrack corrections` lists them") from None
        say(f"undid {gone['kind']} #{gone['id']} ({gone['a']} / {gone['b']})")
        return
    rows = ledger.overrides()
    if fmt is EventsFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    from claimtrack.report.tables import cells

    table = Table(title=f"{len(rows)} correction(s)", title_justify="left", expand=True)
    for col in ("#", "kind", "report a", "now in", "report b", "now in", "note", "made"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            *cells(
                str(r["id"]),
                r["kind"],
                r["a"],
                r["a_event"] or "",
                r["b"],
                r["b_event"] or "",
                r["note"] or "",
                r["created_at"] or "",
            )
        )
    out().print(table)


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


@quiet_pipe
def report(
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: TypeOpt = None,
    country: CountryOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="md or html")] = ReportFormat.md,
    db: DbOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write", show_default="stdout")] = None,
) -> None:
    """Write a situation report: events by day and region with figures, sources and status; undated events
    are listed in a section of their own."""
    from claimtrack.report.situation import render

    events = list(_events(db, since, until, type, country, status, limit, undated=True))
    text = render(events, fmt=fmt.value, since=since, country=country, until=until)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.write_text(text, encoding="utf-8")
        say(f"{len(events)} event(s) written to {output}")


def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(help="Host name browsers may use (repeat); default: the bound address and its loopback aliases"),
    ] = None,
) -> None:
    """Serve the analyst's desk (list, map, timeline, event pages) and a JSON API over the ledger."""
    import uvicorn

    from claimtrack.web import create_app

    say(f"claimtrack desk on http://{host}:{port}/  (API docs at /docs; Ctrl+C to stop)")
    uvicorn.run(create_app(db, host=host, allowed_hosts=allow_host), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(events)
    app.command("export")(export_cmd)
    app.command()(show)
    app.command()(merge)
    app.command()(split)
    app.command()(corrections)
    app.command()(report)
    app.command()(serve)
