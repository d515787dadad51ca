"""The ``claimtrack`` command: one obvious job per subcommand."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimtrack.ingest import IngestError, read_inputs
from claimtrack.models import Article, DocumentResult

if TYPE_CHECKING:
    from claimtrack.store import Ledger

app = typer.Typer(
    help="Turn conflict news into a source-attributed event ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output (files, CI logs) gets a wide table rather than the 80-column default.
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 150)
err = Console(stderr=True)

DbOpt = Annotated[
    str | None, typer.Option("--db", help="Ledger database URL or SQLite file [default: ./claimtrack.db]")
]
Paths = Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for the NLP pipeline")]
BudgetOpt = Annotated[
    float,
    typer.Option(
        "--budget",
        min=0.1,
        help="Seconds of analysis one document may take; past them it is kept with partial results and a warning",
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option("--scheduler", help="Run the NLP on an existing Dask cluster at this address (tcp://host:8786)"),
]


def _run(
    articles: Iterable[Article], workers: int, scheduler: str | None, budget: float
) -> Iterator[DocumentResult | IngestError]:
    """The results of the pipeline over ``articles``, consumed as they are produced: local processes, or
    a Dask cluster. A document that cannot be analysed comes back as its ``IngestError``."""
    if scheduler:
        from claimtrack.distributed import process_on_cluster

        return process_on_cluster(articles, scheduler)
    from claimtrack.nlp import Budget, analyse_parallel

    return analyse_parallel(articles, workers=workers, budget=Budget(seconds=budget))


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _report(error: IngestError) -> None:
    err.print(f"[red]error:[/] {error}", highlight=False, markup=True, soft_wrap=True)


def _warn(where: str, warning: str) -> None:
    err.print(f"[yellow]warning:[/] {where}: {warning}", highlight=False, markup=True, soft_wrap=True)


def _articles(paths: list[str], errors: list[IngestError]) -> Iterator[Article]:
    """The readable articles under ``paths``, one at a time; each unreadable input is reported as it is met
    and kept in ``errors`` for the exit code."""
    for item in read_inputs(paths):
        if isinstance(item, IngestError):
            _report(item)
            errors.append(item)
        else:
            yield item


def _results(results: Iterable[DocumentResult | IngestError], errors: list[IngestError]) -> Iterator[DocumentResult]:
    """Results with their warnings shown; a document that could not be analysed is reported and counted."""
    for res in results:
        if isinstance(res, IngestError):
            _report(res)
            errors.append(res)
            continue
        for warning in res.warnings:
            _warn(res.article.source_path or res.id, warning)
        yield res


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        SpinnerColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _writer(db: str | None) -> Ledger:
    """The ledger opened for writing (created or migrated as needed); one that cannot be opened at all
    (no such folder, no server) ends the command with exit code 2."""
    from sqlalchemy.exc import OperationalError

    from claimtrack.store import Ledger

    try:
        return Ledger(db)
    except OperationalError as exc:
        err.print(f"[red]error:[/] cannot open the ledger {db or 'claimtrack.db'}: {exc.orig}", highlight=False)
        raise typer.Exit(2) from None


def _reader(db: str | None) -> Ledger:
    """The ledger opened read-only; a missing or out-of-date ledger ends the command with exit code 2."""
    from claimtrack.store import Ledger
    from claimtrack.store.db import LedgerUnavailable

    try:
        return Ledger(db, read_only=True)
    except LedgerUnavailable as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="jsonl (the contract) or table")] = (
        ExtractFormat.jsonl
    ),
    workers: Workers = 1,
    scheduler: Scheduler = None,
    budget: BudgetOpt = 60.0,
) -> None:
    """Extract claims, events and places from articles; one JSON object per document, in input order."""
    from claimtrack.report.tables import document_panel

    errors: list[IngestError] = []
    for res in _results(_run(_articles(paths, errors), workers, scheduler, budget), errors):
        if fmt is ExtractFormat.jsonl:
            sys.stdout.write(res.model_dump_json() + "\n")
        else:
            out.print(document_panel(res))
    sys.stdout.flush()
    if errors:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Paths, db: DbOpt = None, workers: Workers = 1, scheduler: Scheduler = None, budget: BudgetOpt = 60.0
) -> None:
    """Add articles to the ledger; content already stored is skipped, each article is its own transaction.

    Inputs are read, analysed and stored as a stream, so one bad input costs only itself, and several
    ingests may write to the same ledger at once."""
    ledger = _writer(db)
    errors: list[IngestError] = []
    counts = {"added": 0, "already": 0}

    def fresh() -> Iterator[Article]:
        for art in _articles(paths, errors):
            if ledger.has(art.text):
                counts["already"] += 1
            else:
                yield art

    with _progress() as progress:
        task = progress.add_task("ingesting", total=None)
        for res in _results(_run(fresh(), workers, scheduler, budget), errors):
            try:
                counts["added" if ledger.add(res) is not None else "already"] += 1
            except Exception as exc:  # one article's failure must not lose the others
                error = IngestError(res.article.source_path or res.id, f"not stored: {exc}")
                _report(error)
                errors.append(error)
            progress.advance(task)
    err.print(
        f"{counts['added']} article(s) added, {counts['already']} already in the ledger, {len(errors)} error(s)",
        highlight=False,
    )
    if errors:
        raise typer.Exit(1)


@app.command()
def migrate(db: DbOpt = None) -> None:
    """Create the ledger, or bring its schema up to date (ingest, merge and split do this themselves;
    readers never do)."""
    from claimtrack.store.db import migrate as run_migrations

    before, after = run_migrations(db)
    if before == after:
        err.print(f"the ledger is up to date (schema {after})", highlight=False)
    else:
        err.print(f"ledger schema {before or 'none'} -> {after}", highlight=False)


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


@app.command()
def events(
    db: DbOpt = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY-MM-DD")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Event type, e.g. missile_strike")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country of the location")] = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
    status: Annotated[str | None, typer.Option(help="confirmed, claimed, disputed or denied")] = None,
) -> None:
    """List ledger events (each merged over its reports, with sources, figures, status and contradictions)."""
    import json

    from claimtrack.report.tables import events_table

    rows = _reader(db).events(since=since, until=until, type=type, country=country)
    if status:
        rows = (ev for ev in rows if ev.get("status") == status)
    if fmt is EventsFormat.jsonl:
        for ev in rows:
            sys.stdout.write(json.dumps(ev, ensure_ascii=False) + "\n")
    else:
        out.print(events_table(list(rows)))


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv, geojson, jsonl, parquet or csv")] = "jsonl",
    db: DbOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write [default: stdout]")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY-MM-DD")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country of the location")] = None,
) -> None:
    """Export the ledger's events."""
    from claimtrack.export import BINARY, FORMATS, export

    if fmt not in FORMATS:
        err.print(f"[red]error:[/] unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    rows = _reader(db).events(since=since, until=until, country=country)
    if output is None:
        n = export(rows, fmt, sys.stdout.buffer if fmt in BINARY else sys.stdout)
    elif fmt in BINARY:
        with output.open("wb") as bh:
            n = export(rows, fmt, bh)
    else:
        with output.open("w", encoding="utf-8", newline="") as fh:
            n = export(rows, fmt, fh)
    err.print(f"{n} event(s) exported", highlight=False)


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="Ledger event id (or a unique prefix, or a report key)")],
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the event as JSON instead")] = False,
) -> None:
    """Print a ledger event's dossier: timeline of reports, who said what, relays, figures, contradictions."""
    import json

    from claimtrack.report.dossier import dossier_panel

    ev = _reader(db).event(event_id)
    if ev is None:
        err.print(f"[red]error:[/] no ledger event {event_id!r}")
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(json.dumps(ev, ensure_ascii=False, indent=1) + "\n")
    else:
        out.print(dossier_panel(ev))


@app.command()
def merge(
    a: Annotated[str, typer.Argument(help="Ledger event id or report key")],
    b: Annotated[str, typer.Argument(help="Ledger event id or report key")],
    db: DbOpt = None,
    note: Annotated[str | None, typer.Option(help="Why (kept with the correction)")] = None,
) -> None:
    """Merge two ledger events into one; the correction survives re-ingest."""
    try:
        merged = _writer(db).merge(a, b, note=note)
    except KeyError as exc:
        err.print(f"[red]error:[/] no ledger event or report {exc.args[0]!r}")
        raise typer.Exit(1) from None
    err.print(f"merged into {merged}", highlight=False)
    sys.stdout.write(merged + "\n")


@app.command()
def split(
    event_id: Annotated[str, typer.Argument(help="Ledger event id")],
    report: Annotated[
        list[str] | None,
        typer.Option("--report", "-r", help="Report key or article id to take out (repeat); none: split every report"),
    ] = None,
    db: DbOpt = None,
    note: Annotated[str | None, typer.Option(help="Why (kept with the correction)")] = None,
) -> None:
    """Split a ledger event; the correction survives re-ingest."""
    try:
        ids = _writer(db).split(event_id, report or None, note=note)
    except KeyError as exc:
        err.print(f"[red]error:[/] no ledger event or report {exc.args[0]!r}")
        raise typer.Exit(1) from None
    err.print(f"split into {len(ids)} event(s)", highlight=False)
    for i in ids:
        sys.stdout.write(i + "\n")


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


@app.command()
def report(
    since: Annotated[str, typer.Option(help="Earliest event date, YYYY-MM-DD")],
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country of the location")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.md,
    db: DbOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write [default: stdout]")] = None,
) -> None:
    """Write a situation report: events by day and region with figures, sources and status."""
    from claimtrack.report.situation import render

    events = list(_reader(db).events(since=since, country=country))
    text = render(events, fmt=fmt.value, since=since, country=country.upper() if country else None)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"{len(events)} event(s) written to {output}", highlight=False)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
) -> None:
    """Serve the web view (map and timeline) and a JSON API over the ledger."""
    import uvicorn

    from claimtrack.web import create_app

    err.print(f"claimtrack web view on http://{host}:{port}/  (Ctrl+C to stop)", highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
