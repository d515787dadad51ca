"""Options shared by the read commands, validated where they are parsed: a bad value is a usage error
(exit 2) naming the option and the problem, never an empty result.

Kept light: nothing heavy is imported until a value needs checking, so ``claimtrack events`` starts fast.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

DB_ENV = "CLAIMTRACK_DB"
DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=DB_ENV,
        show_envvar=True,
        show_default="./claimtrack.db",
        help="Ledger database URL or SQLite file",
    ),
]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date(value: str | None) -> str | None:
    """YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date; returned as given."""
    if value is None:
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY)")
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(y, mo, d)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a calendar date ({exc})") from None
    return value.strip()


def check_country(value: str | None) -> str | None:
    """An ISO 3166-1 code: alpha-2 as stored, or alpha-3 turned into alpha-2."""
    if value is None:
        return None
    import pycountry

    code = value.strip().upper()
    hit = None
    if len(code) == 2:
        hit = pycountry.countries.get(alpha_2=code)
    elif len(code) == 3:
        hit = pycountry.countries.get(alpha_3=code)
    if code == "XK":  # Kosovo: a user-assigned code in common use, not in ISO 3166-1
        return code
    if hit is None:
        raise typer.BadParameter(f"{value!r} is not an ISO 3166-1 country code (e.g. UA or UKR)")
    return str(hit.alpha_2)


def check_type(value: str | None) -> str | None:
    if value is None:
        return None
    from claimtrack.extract.events.codes import FINE_TYPES

    if value not in FINE_TYPES:
        import difflib

        close = difflib.get_close_matches(value, FINE_TYPES, n=3)
        hint = f"; did you mean {' or '.join(close)}?" if close else f"; one of: {', '.join(sorted(FINE_TYPES))}"
        raise typer.BadParameter(f"{value!r} is not an event type{hint}")
    return value


class Status(StrEnum):
    claimed = "claimed"
    confirmed = "confirmed"
    disputed = "disputed"
    denied = "denied"


SinceOpt = Annotated[
    str | None, typer.Option(callback=check_date, help="Earliest event date, YYYY-MM-DD (or YYYY-MM, YYYY)")
]
UntilOpt = Annotated[
    str | None, typer.Option(callback=check_date, help="Latest event date, YYYY-MM-DD (or YYYY-MM, YYYY)")
]
TypeOpt = Annotated[str | None, typer.Option("--type", callback=check_type, help="Event type, e.g. missile_strike")]
CountryOpt = Annotated[
    str | None, typer.Option(callback=check_country, help="ISO 3166-1 country of the location (UA or UKR)")
]
StatusOpt = Annotated[Status | None, typer.Option(help="Only events with this status")]
LimitOpt = Annotated[int | None, typer.Option(min=1, help="At most this many events (after the filters)")]


def check_range(since: str | None, until: str | None) -> None:
    if since and until and since > until:
        raise typer.BadParameter(f"--since {since} is after --until {until}", param_hint="--since/--until")
