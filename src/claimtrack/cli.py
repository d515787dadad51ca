"""The ``claimtrack`` command: one obvious job per subcommand.

Start-up is kept short for the read commands: only typer and the option checks load at import; the NLP,
ingest, database and Rich modules load inside the command that needs them.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from claimtrack.cli_live import register as register_live
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
    from rich.console import Console
    from rich.progress import Progress

    from claimtrack.ingest import IngestError
    from claimtrack.models import Article, DocumentResult, LedgerEvent
    from claimtrack.store import Ledger

app = typer.Typer(
    help="Turn conflict news into a source-attributed event ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

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
F = TypeVar("F", bound=Callable[..., Any])


@functools.cache
def out() -> Console:
    from rich.console import Console

    # Piped output (files, CI logs) gets a wide table rather than the 80-column default.
    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 150)


@functools.cache
def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def say(text: str) -> None:
    """A plain message on stderr; never read as Rich markup (file names and titles hold brackets)."""
    err().print(text, markup=False, soft_wrap=True)


def fail(text: str, code: int = 1) -> typer.Exit:
    err().print("[red]error:[/] ", end="")
    say(text)
    return typer.Exit(code)


def quiet_pipe(fn: F) -> F:
    """``claimtrack events | head -1``: a reader that closes the pipe ends the command quietly, exit 0."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # the interpreter's final flush must not fail again
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("claimtrack")
        except PackageNotFoundError:
            v = "unknown (not installed)"
        sys.stdout.write(f"claimtrack {v}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    _: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit")
    ] = False,
) -> None:
    """Turn conflict news into a source-attributed event ledger."""


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
    err().print("[red]error:[/] ", end="")
    say(str(error))


def _warn(where: str, warning: str) -> None:
    err().print("[yellow]warning:[/] ", end="")
    say(f"{where}: {warning}")


def _articles(paths: list[str], errors: list[IngestError], foreign: list[str]) -> Iterator[Article]:
    """The readable English articles under ``paths``, one at a time; each unreadable input is reported as
    it is met and kept in ``errors``, each article not in English is named and kept in ``foreign``, for the
    exit code."""
    from claimtrack.ingest import IngestError, read_inputs
    from claimtrack.ingest.language import language_name, not_english

    feeds: set[str] = set()
    for item in read_inputs(paths):
        if isinstance(item, IngestError):
            _report(item)
            errors.append(item)
            continue
        feed_file, is_entry, _ = (item.source_path or "").partition("#")  # ingest.feed names entries FILE#KEY
        if is_entry and feed_file not in feeds:
            feeds.add(feed_file)
            _warn(
                feed_file, "a feed: its entries are read as articles; `claimtrack feed` also skips entries seen before"
            )
        lang = not_english(item.text)
        if lang:
            where = item.source_path or item.id
            foreign.append(where)
            _warn(
                where,
                f"the text is in {language_name(lang)} ({lang}); claimtrack reads English only, "
                "so nothing is extracted from it",
            )
            continue
        yield item


def _results(results: Iterable[DocumentResult | IngestError], errors: list[IngestError]) -> Iterator[DocumentResult]:
    """Results with their warnings shown; a document that could not be analysed is reported and counted."""
    from claimtrack.ingest import IngestError

    for res in results:
        if isinstance(res, IngestError):
            _report(res)
            errors.append(res)
            continue
        for warning in res.warnings:
            _warn(res.article.source_path or res.id, warning)
        yield res


def _foreign_note(foreign: list[str]) -> None:
    if foreign:
        say(f"{len(foreign)} article(s) left out: not in English")


def _progress() -> Progress:
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]{task.description}"),
        SpinnerColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err(),
        transient=True,
        disable=not err().is_terminal,
    )


def _writer(db: str | None) -> Ledger:
    """The ledger opened for writing (created or migrated as needed); one that cannot be opened at all
    (no such folder, no server) ends the command with exit code 2."""
    from sqlalchemy.exc import OperationalError

    from claimtrack.store import Ledger

    try:
        return Ledger(db)
    except OperationalError as exc:
        raise fail(f"cannot open the ledger {db or 'claimtrack.db'}: {exc.orig}", 2) from None


def _reader(db: str | None) -> Ledger:
    """The ledger opened read-only; a missing or out-of-date ledger ends the command with exit code 2."""
    from claimtrack.store import Ledger
    from claimtrack.store.db import LedgerUnavailable

    try:
        return Ledger(db, read_only=True)
    except LedgerUnavailable as exc:
        raise fail(str(exc), 2) from None


@app.command()
@quiet_pipe
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
    foreign: list[str] = []
    for res in _results(_run(_articles(paths, errors, foreign), workers, scheduler, budget), errors):
        if fmt is ExtractFormat.jsonl:
            sys.stdout.write(res.model_dump_json() + "\n")
        else:
            out().print(document_panel(res))
    sys.stdout.flush()
    _foreign_note(foreign)
    if errors or foreign:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Paths,
    db: DbOpt = None,
    workers: Workers = 1,
    scheduler: Scheduler = None,
    budget: BudgetOpt = 60.0,
    network: Annotated[bool, typer.Option("--network", help="Allow fetching http(s) URLs among PATHS")] = False,
) -> None:
    """Add articles to the ledger; content already stored is skipped, each article is its own transaction.

    Inputs are read, analysed and stored as a stream, so one bad input costs only itself, and several
    ingests may write to the same ledger at once."""
    from itertools import chain

    from claimtrack.cli_live import is_url, url_articles
    from claimtrack.ingest import IngestError

    ledger = _writer(db)
    errors: list[IngestError] = []
    foreign: list[str] = []
    counts = {"added": 0, "already": 0}

    def fresh() -> Iterator[Article]:
        urls = [p for p in paths if is_url(p)]
        local = _articles([p for p in paths if not is_url(p)], errors, foreign)
        for art in chain(local, url_articles(urls, network, errors, _report)):
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
    note = f", {len(foreign)} not in English" if foreign else ""
    say(f"{counts['added']} article(s) added, {counts['already']} already in the ledger, {len(errors)} error(s){note}")
    if errors or foreign:
        raise typer.Exit(1)


@app.command()
def migrate(db: DbOpt = None) -> None:
    """Create the ledger, or bring its schema up to date (ingest, merge and split do this themselves;
    readers never do)."""
    from claimtrack.store import Ledger
    from claimtrack.store.db import migrate as run_migrations

    before, after = run_migrations(db)
    Ledger(db).engine.dispose()  # a writer's open fills what a migration adds (0003: provenance columns)
    if before == after:
        say(f"the ledger is up to date (schema {after})")
    else:
        say(f"ledger schema {before or 'none'} -> {after}")


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


@app.command()
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


@app.command("export")
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


@app.command()
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


@app.command()
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


@app.command()
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


@app.command()
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


@app.command()
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


@app.command()
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


register_live(app)  # feed, watch, changes (cli_live.py)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
