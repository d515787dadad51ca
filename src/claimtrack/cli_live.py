"""The live-ledger commands: ``feed``, ``watch``, ``changes``, and fetching URLs for ``ingest``.

Registered on the main Typer app by ``register``, so cli.py carries only one line for them.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli_common import err, out
from claimtrack.live import is_url

if TYPE_CHECKING:  # the rest loads inside the commands: read commands must start fast (issue 14)
    from claimtrack.ingest import IngestError
    from claimtrack.models import Article

TIMEOUT = 10.0  # live.fetch.TIMEOUT; httpx is imported only by the commands that fetch


DbOpt = Annotated[
    str | None, typer.Option("--db", help="Ledger database URL or SQLite file [default: ./claimtrack.db]")
]
Network = Annotated[bool, typer.Option("--network", help="Allow fetching http(s) URLs (off by default)")]
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds per HTTP request")]


def _error(e: IngestError | str) -> None:
    err().print("[red]error:[/] ", end="")
    err().print(str(e), markup=False, soft_wrap=True)  # file names and titles hold brackets


def url_articles(
    urls: list[str],
    network: bool,
    errors: list[IngestError],
    report: Callable[[IngestError], None],
    timeout: float = TIMEOUT,
) -> Iterator[Article]:
    """Pages behind ``urls`` through the HTML path, one at a time; each failure (and, without ``network``,
    each URL) is reported and kept in ``errors``."""
    if not urls:
        return
    from claimtrack.ingest import IngestError

    if not network:
        for u in urls:
            errors.append(IngestError(u, "fetching URLs needs --network"))
            report(errors[-1])
        return
    from claimtrack.live.fetch import Fetcher

    fetcher = Fetcher(timeout=timeout)
    try:
        for u in urls:
            got = fetcher.page(u)
            if isinstance(got, IngestError):
                errors.append(got)
                report(got)
            else:
                yield got
    finally:
        fetcher.close()


def feed(
    sources: Annotated[list[str], typer.Argument(help="Feed files (RSS, Atom, JSON Feed) or, with --network, URLs")],
    db: DbOpt = None,
    fetch: Annotated[bool, typer.Option("--fetch", help="Read each entry's linked page instead of its text")] = False,
    network: Network = False,
    timeout: Timeout = TIMEOUT,
) -> None:
    """Ingest feed entries into the ledger; entries seen before (by id, link or content) are skipped."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from claimtrack.ingest import IngestError
    from claimtrack.ingest.feed import Feed
    from claimtrack.live.fetch import Fetcher
    from claimtrack.live.poll import Poller, PollResult
    from claimtrack.store import Ledger

    ledger = Ledger(db)
    fetcher = Fetcher(timeout=timeout)
    results: list[PollResult] = []
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err(),
    )
    with progress:
        task = progress.add_task("feed entries", total=None)
        poller = Poller(ledger, fetcher, on_article=lambda _a: progress.advance(task))
        for src in sources:
            where = src if is_url(src) else str(Path(src).resolve())
            res = PollResult(src)
            if is_url(src) and not network:
                res.source_error = IngestError(src, "fetching URLs needs --network")
            elif fetch and not network:
                res.source_error = IngestError(src, "--fetch reads linked pages over the network: add --network")
            else:
                parsed = poller.read_feed(where)
                if isinstance(parsed, IngestError):
                    res.source_error = parsed
                elif isinstance(parsed, Feed):
                    total = (progress.tasks[0].total or 0) + len(parsed.entries)
                    progress.update(task, total=total)
                    res = poller.ingest_feed(where, src, parsed, fetch=fetch, res=res)
                    progress.advance(task, res.skipped + res.failed)
            results.append(res)
    fetcher.close()
    failed = 0
    for res in results:
        for e in res.errors:
            _error(e)
        if res.source_error is not None:
            _error(res.source_error)
            failed += 1
        else:
            err().print(res.line(), highlight=False)
    new, skipped = sum(r.new for r in results), sum(r.skipped for r in results)
    bad = sum(r.failed for r in results)
    err().print(
        f"{new} article(s) added, {skipped} already seen, {bad} entry error(s), "
        f"{failed} of {len(results)} source(s) failed",
        highlight=False,
    )
    if failed or bad:
        raise typer.Exit(1)


def watch(
    config: Annotated[Path, typer.Option("--config", "-c", help="feeds.toml listing feeds and folders")] = Path(
        "feeds.toml"
    ),
    db: DbOpt = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once, then exit")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also log each stored article")] = False,
) -> None:
    """Follow the configured feeds and folders: poll each at its interval, until SIGINT or SIGTERM."""
    import threading

    from claimtrack.live.config import ConfigError, load_config
    from claimtrack.live.watch import Watcher, stop_on_signals
    from claimtrack.store import Ledger

    try:
        cfg = load_config(config)
    except ConfigError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    handler = logging.StreamHandler(sys.stderr)
    fmt = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y-%m-%dT%H:%M:%SZ")
    fmt.converter = time.gmtime  # log times in UTC, like the change log
    handler.setFormatter(fmt)
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    logging.getLogger("claimtrack").setLevel(logging.DEBUG if verbose else logging.INFO)
    stop = threading.Event()
    with stop_on_signals(stop):  # before the model loads, so an early SIGTERM is a clean stop too
        watcher = Watcher(cfg, Ledger(db or cfg.db), stop=stop)
        failures = watcher.run(once=once)
    if once and failures:
        raise typer.Exit(1)


def _since(text: str) -> datetime:
    """An ISO date or time (UTC unless it says otherwise), a span back from now (90m, 6h, 2d) or dateparser's
    phrases ("yesterday", "2 hours ago")."""
    from claimtrack.live.config import seconds

    try:
        return datetime.now(UTC) - timedelta(seconds=seconds(text))
    except ValueError:
        pass
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        import dateparser

        parsed = dateparser.parse(text, settings={"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True})
        if parsed is None:
            raise typer.BadParameter(f"cannot read {text!r} as a time (2026-12-01T08:00, 6h, yesterday)") from None
        when = parsed
    return when if when.tzinfo else when.replace(tzinfo=UTC)


class ChangesFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def changes(
    since: Annotated[str, typer.Option(help="From when: 2026-12-01T08:00 (UTC), 6h, 2d, yesterday")] = "1d",
    db: DbOpt = None,
    fmt: Annotated[ChangesFormat, typer.Option("--format", "-f")] = ChangesFormat.table,
) -> None:
    """What changed in the ledger: new events, events that gained reports, status or figures that moved."""
    from rich.markup import escape
    from rich.table import Table

    from claimtrack.cli_common import _reader
    from claimtrack.store.changes import read

    when = _since(since)
    ledger = _reader(db)
    with ledger.session() as s:
        rows = read(s, since=when)
    if fmt is ChangesFormat.jsonl:
        for c in rows:
            sys.stdout.write(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"ledger changes since {when:%Y-%m-%d %H:%M} UTC ({len(rows)})")
    for col in ("at (UTC)", "event", "change", "reason"):
        table.add_column(col, overflow="fold")
    for c in rows:
        table.add_row(c.at[:19].replace("T", " "), c.event, c.kind, escape(c.reason))  # reasons name publishers
    out().print(table)


def register(app: typer.Typer) -> None:
    app.command()(feed)
    app.command()(watch)
    app.command()(changes)
