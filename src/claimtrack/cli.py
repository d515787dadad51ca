"""The ``claimtrack`` command: one obvious job per subcommand.

Start-up is kept short for the read commands: only typer and the option checks load at import; the NLP,
ingest, database and Rich modules load inside the command that needs them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli_common import _writer, err, out, quiet_pipe, say
from claimtrack.cli_ledger import register as register_ledger
from claimtrack.cli_live import register as register_live
from claimtrack.cli_options import (
    DbOpt,
)

if TYPE_CHECKING:
    from rich.progress import Progress

    from claimtrack.ingest import IngestError
    from claimtrack.models import Article, DocumentResult

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


register_ledger(app)  # events, export, show, merge, split, corrections, report, serve (cli_ledger.py)
register_live(app)  # feed, watch, changes (cli_live.py)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
