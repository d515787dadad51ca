"""What every command module shares: the consoles, plain messages and errors, a closed pipe, and the ledger
opened for reading or writing (each command module loads the heavy modules only inside its commands)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from claimtrack.store import Ledger

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
