"""The ``claimtrack`` command: one obvious job per subcommand."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimtrack.ingest import IngestError, read_inputs
from claimtrack.models import Article

app = typer.Typer(
    help="Turn conflict news into a source-attributed event ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=False)
err = Console(stderr=True)

DbOpt = Annotated[
    str | None, typer.Option("--db", help="Ledger database URL or SQLite file [default: ./claimtrack.db]")
]
Paths = Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for the NLP pipeline")]


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _report(error: IngestError) -> None:
    err.print(f"[red]error:[/] {error}", highlight=False, markup=True, soft_wrap=True)


def _split(paths: list[str]) -> tuple[list[Article], list[IngestError]]:
    articles: list[Article] = []
    errors: list[IngestError] = []
    for item in read_inputs(paths):
        if isinstance(item, IngestError):
            _report(item)
            errors.append(item)
        else:
            articles.append(item)
    return articles, errors


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=total < 5,
    )


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="jsonl (the contract) or table")] = (
        ExtractFormat.jsonl
    ),
    workers: Workers = 1,
) -> None:
    """Extract claims, events and places from articles; one JSON object per document, in input order."""
    from claimtrack.nlp import process_parallel
    from claimtrack.report.tables import document_panel

    articles, errors = _split(paths)
    for res in process_parallel(articles, workers=workers):
        if fmt is ExtractFormat.jsonl:
            sys.stdout.write(res.model_dump_json() + "\n")
        else:
            out.print(document_panel(res))
    sys.stdout.flush()
    if errors:
        raise typer.Exit(1)


@app.command()
def ingest(paths: Paths, db: DbOpt = None, workers: Workers = 1) -> None:
    """Add articles to the ledger; content already stored is skipped, each article is its own transaction."""
    from claimtrack.nlp import process_parallel
    from claimtrack.store import Ledger

    ledger = Ledger(db)
    articles, errors = _split(paths)
    fresh = [a for a in articles if not ledger.has(a.text)]
    added = 0
    with _progress(len(fresh)) as progress:
        task = progress.add_task("ingesting", total=len(fresh))
        for res in process_parallel(fresh, workers=workers):
            try:
                if ledger.add(res) is not None:
                    added += 1
            except Exception as exc:  # one article's failure must not lose the others
                _report(IngestError(res.article.source_path or res.id, f"not stored: {exc}"))
                errors.append(IngestError(res.id, str(exc)))
            progress.advance(task)
    skipped = len(articles) - len(fresh)
    err.print(f"{added} article(s) added, {skipped} already in the ledger, {len(errors)} error(s)", highlight=False)
    if errors:
        raise typer.Exit(1)


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
) -> None:
    """List ledger events."""
    import json

    from claimtrack.report.tables import events_table
    from claimtrack.store import Ledger

    rows = Ledger(db).events(since=since, until=until, type=type, country=country)
    if fmt is EventsFormat.jsonl:
        for ev in rows:
            sys.stdout.write(json.dumps(ev, ensure_ascii=False) + "\n")
    else:
        out.print(events_table(list(rows)))


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv")] = "jsonl",
    db: DbOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write [default: stdout]")] = None,
) -> None:
    """Export the ledger's events."""
    from claimtrack.export import FORMATS, export
    from claimtrack.store import Ledger

    if fmt not in FORMATS:
        err.print(f"[red]error:[/] unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    rows = Ledger(db).events()
    if output is None:
        n = export(rows, fmt, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as fh:
            n = export(rows, fmt, fh)
    err.print(f"{n} event(s) exported", highlight=False)


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
