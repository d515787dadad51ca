"""Date rules of issue 4, each against a publication date (claimtrack.extract.time)."""

from __future__ import annotations

from datetime import date

import pytest

from claimtrack.extract.time import DATE_EXPRESSION, resolve_date, shift

TUE = date(2024, 11, 19)  # a Tuesday
SUN = date(2025, 1, 5)


def _v(text: str, published: date | None) -> tuple[str, str] | None:
    ev = resolve_date(text, published)
    return (ev.value, ev.precision) if ev else None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on Tuesday", TUE, ("2024-11-19", "day")),  # same day when the article is that Tuesday
        ("Tuesday", date(2024, 11, 21), ("2024-11-19", "day")),
        ("on Monday", TUE, ("2024-11-18", "day")),
        ("on Wednesday", TUE, ("2024-11-13", "day")),  # no weekday of the future
        ("last Tuesday", TUE, ("2024-11-12", "day")),
        ("next Friday", TUE, ("2024-11-22", "day")),
        ("On January 3", SUN, ("2025-01-03", "day")),
        ("December 28", SUN, ("2024-12-28", "day")),  # yearless dates look back across new year
        ("on 26 March", date(2025, 4, 2), ("2025-03-26", "day")),
        ("Dec. 15, 2019", SUN, ("2019-12-15", "day")),
        ("Thursday, February 2, 2016", SUN, ("2016-02-02", "day")),
        ("2024-11-17", None, ("2024-11-17", "day")),
        ("last year", SUN, ("2024", "year")),
        ("this year", SUN, ("2025", "year")),
        ("last month", SUN, ("2024-12", "month")),
        ("earlier this month", SUN, ("2025-01", "month")),
        ("this month", SUN, ("2025-01", "month")),
        ("next month", SUN, ("2025-02", "month")),
        ("in September", TUE, ("2024-09", "month")),
        ("in December", TUE, ("2023-12", "month")),  # the latest December not after November 2024
        ("in September 2023", TUE, ("2023-09", "month")),
        ("in 2023", TUE, ("2023", "year")),
        ("yesterday", TUE, ("2024-11-18", "day")),
        ("today", TUE, ("2024-11-19", "day")),
        ("two days ago", TUE, ("2024-11-17", "day")),
        ("three months ago", TUE, ("2024-08", "month")),
    ],
)
def test_date_rules(text: str, published: date | None, expected: tuple[str, str]) -> None:
    assert _v(text, published) == expected


@pytest.mark.parametrize("text", ["the 1980s", "in the 1990s", "recently", "previously", ""])
def test_not_event_dates(text: str) -> None:
    assert resolve_date(text, SUN) is None


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve_date("last year", None) is None
    assert resolve_date("on Tuesday", None) is None


def test_two_days_after_shifts_a_day_date() -> None:
    attack = resolve_date("on Tuesday", TUE)
    assert attack is not None
    before = shift(attack, -2, "two days after")
    assert before is not None and before.value == "2024-11-17" and before.precision == "day"
    month = resolve_date("this month", SUN)
    assert month is not None and shift(month, 2, "two days after") is None  # no day to count from


def test_text_is_kept() -> None:
    ev = resolve_date("earlier this month", SUN)
    assert ev is not None and ev.text == "earlier this month"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("On January 3, an attempt was made to launch a missile.", ["On January 3"]),
        ("Putin said in September that it meant war.", ["in September"]),
        ("The system, first developed in the 1980s, has a range of 300km.", []),
        ("Protesters march to the square.", []),  # the verb is no month
        ("Ukraine is expected to receive its first Mirage 2000-5F fighters this month.", ["this month"]),
    ],
)
def test_date_expressions_in_text(sentence: str, found: list[str]) -> None:
    assert [m.group(0) for m in DATE_EXPRESSION.finditer(sentence)] == found


# issue 10: parts of the day, nights named by their day, day ranges, "the previous evening"
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("overnight into Sunday", date(2024, 11, 19), ("2024-11-17", "day")),
        ("overnight on Monday", TUE, ("2024-11-18", "day")),
        ("between 8 - 9 June 2022", TUE, ("2022-06-08", "day")),  # a span of days: its first day
        ("March 12-13, 2023", TUE, ("2023-03-12", "day")),
        ("the previous evening", TUE, ("2024-11-18", "day")),
        ("the day before yesterday", TUE, ("2024-11-17", "day")),
        ("overnight", TUE, ("2024-11-19", "day")),  # near-miss: a bare night stays the article's day
    ],
)
def test_nights_ranges_previous(text: str, published: date, expected: tuple[str, str]) -> None:
    assert _v(text, published) == expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("Rebels shelled the town overnight into Sunday.", "overnight into Sunday"),
     ("The raid took place between 3 - 4 May 2022.", "3 - 4 May 2022"),
     ("Police said 12 people died the previous evening.", "the previous evening")],
)  # fmt: skip
def test_date_expressions_found(text: str, phrase: str) -> None:
    assert phrase in [m.group(0) for m in DATE_EXPRESSION.finditer(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rebels took the town in March after a long siege.", ["in March"]),
        ("The fighting has gone on since March.", ["since March"]),
        ("Prices rose between January and March.", ["January", "March"]),
        ("Thousands joined the March for Clean Air in the capital.", []),
        ("Students gathered for a 'March for Science' rally downtown.", []),
    ],
)
def test_a_bare_march_is_a_month_only_after_a_time_word(text: str, found: list[str]) -> None:
    assert [m.group(0) for m in DATE_EXPRESSION.finditer(text)] == found
