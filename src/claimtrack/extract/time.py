"""Date expressions normalised against the article's publication date.

Explicit rules first, dateparser only as a last resort for odd absolute formats: dateparser with
PREFER_DATES_FROM='past' moves "on Tuesday" to the previous week even when the article is that
Tuesday, and it returns nothing for "earlier this month" (see docs/events.md).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimtrack.models import EventDate

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
MONTHS = frozenset(_MONTHS)
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "several": 3, "a few": 3,
}  # fmt: skip

_MONTH_RX = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_RX = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_RX = r"(?P<year>(?:19|20)\d{2})"
_N_RX = r"(?P<n>\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"

_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\b")
_MONTH_DAY = re.compile(r"\b" + _MONTH_RX + r"\s+" + _DAY_RX + r"\b(?:,?\s+" + _YEAR_RX + r")?", re.I)
_DAY_MONTH = re.compile(r"\b" + _DAY_RX + r"(?:\s+of)?\s+" + _MONTH_RX + r"\b(?:,?\s+" + _YEAR_RX + r")?", re.I)
_MONTH_YEAR = re.compile(r"\b" + _MONTH_RX + r"(?:\s+of)?,?\s+" + _YEAR_RX + r"\b", re.I)
_MONTH_ONLY = re.compile(
    r"\b(?:(?P<rel>last|this|next|early|late|mid-?|earlier in|later in)\s+)?" + _MONTH_RX + r"\b", re.I
)
_DECADE = re.compile(r"\b(?:the\s+)?(?:19|20)?\d0'?s\b", re.I)
_YEAR_ONLY = re.compile(r"^\D*" + _YEAR_RX + r"\D*$")
_WEEKDAY = re.compile(
    r"\b(?:(?P<rel>last|this|next|past|previous|coming)\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")s?\b", re.I
)
_RELATIVE_UNIT = re.compile(
    r"\b(?P<rel>last|this|next|past|previous|coming|earlier this|later this|early this|late last|earlier last|"
    r"late this|early last|early next|late next)\s+(?P<unit>year|month|week)\b",
    re.I,
)
_AGO = re.compile(r"\b" + _N_RX + r"\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b", re.I)
_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0,
    "yesterday": -1, "last night": -1, "overnight": 0, "tomorrow": 1, "the day before yesterday": -2,
    "the previous day": -1, "the previous night": -1, "the previous evening": -1, "the previous morning": -1,
    "the previous afternoon": -1, "the day before": -1, "a day earlier": -1, "the night before": -1,
}  # fmt: skip
# "the previous evening": the day before the date the sentence tells (a report's day), else before publication
PREVIOUS_DAY = re.compile(r"(?:the previous (?:day|night|evening|morning|afternoon)|the (?:day|night) before|"
                          r"a day earlier)\b", re.I)  # fmt: skip
# "overnight into Sunday", "overnight on Tuesday": the night ends on, or belongs to, the named day
_OVERNIGHT_DAY = re.compile(r"\b(?:overnight|(?:late )?(?:on )?the night)\s+(?:into|to|on|of)\s+(?P<wd>monday|tuesday|"
                            r"wednesday|thursday|friday|saturday|sunday)\b", re.I)  # fmt: skip
# "8 - 9 June", "March 12-13": a span of days, coded at its first day
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RANGE = re.compile(rf"\b(?P<d1>\d{{1,2}})\s*[-–]\s*\d{{1,2}}\s+(?P<month>{_MONTH_NAMES})\b|"
                        rf"\b(?P<month2>{_MONTH_NAMES})\s+(?P<d2>\d{{1,2}})\s*[-–]\s*\d{{1,2}}\b", re.I)  # fmt: skip
_DAY_WORD = re.compile(r"\b(?:" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + r")\b", re.I)


def _ev(value: str, precision: str, text: str) -> EventDate:
    return EventDate.model_validate({"value": value, "precision": precision, "text": text})


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date) -> date | None:
    """The year of a yearless "January 3": the latest one not more than a week after publication
    (news reports look back; a week's slack keeps announced dates of the coming days)."""
    options = [d for y in (published.year - 1, published.year, published.year + 1) if (d := _valid(y, month, day))]
    past = [d for d in options if (d - published).days <= 7]
    if past:
        return max(past)
    return min(options, key=lambda d: abs((d - published).days)) if options else None


def number_value(word: str) -> int | None:
    """Integer of a small count written as digits or words ("two", "a couple of")."""
    w = word.strip().lower()
    if w.isdigit():
        return int(w)
    return _NUMBER_WORDS.get(w)


def resolve_date(text: str, published: date | None) -> EventDate | None:
    """Normalise a date expression ("on Tuesday", "last year") relative to ``published``.

    Returns None for expressions that are not a date of an event (decades such as "the 1980s",
    "recently") or that need a publication date when there is none.
    """
    t = " ".join(text.split())
    if not t:
        return None
    if _DECADE.search(t) and not re.search(r"\b(?:19|20)\d{2}\b(?!')", t.replace("0s", "")):
        return None  # "the 1980s" is an era, not an event date
    for r in _DAY_RANGE.finditer(t):
        if (r["month"] or r["month2"] or "").lower() in _MONTHS:
            first = f"{r['d1'] or r['d2']} {r['month'] or r['month2']}"
            return resolve_date(first + t[r.end() :], published)
    m = _OVERNIGHT_DAY.search(t)
    if m and published is not None:
        return _relative(m["wd"], text, published)
    m = _ISO.search(t)
    if m:
        y, mo = int(m["year"]), int(m["m"])
        if m["d"] and _valid(y, mo, int(m["d"])):
            return _ev(f"{y:04d}-{mo:02d}-{int(m['d']):02d}", "day", text)
        if 1 <= mo <= 12:
            return _ev(f"{y:04d}-{mo:02d}", "month", text)
    for rx in (_MONTH_DAY, _DAY_MONTH):
        m = rx.search(t)
        if m:
            mo, d = _MONTHS[m["month"].lower()], int(m["day"])
            if m["year"]:
                found = _valid(int(m["year"]), mo, d)
            elif published:
                found = _nearest_year(mo, d, published)
            else:
                found = None
            if found:
                return _ev(found.isoformat(), "day", text)
    m = _MONTH_YEAR.search(t)
    if m:
        return _ev(f"{int(m['year']):04d}-{_MONTHS[m['month'].lower()]:02d}", "month", text)
    if _YEAR_ONLY.match(t):
        m = _YEAR_ONLY.match(t)
        assert m is not None
        return _ev(m["year"], "year", text)
    if published is None:
        return None
    return _relative(t, text, published)


def _relative(t: str, text: str, published: date) -> EventDate | None:
    """Expressions that only mean something against the publication date."""
    m = _DAY_WORD.search(t)
    if m:
        d = published + timedelta(days=_DAY_WORDS[m.group(0).lower()])
        return _ev(d.isoformat(), "day", text)
    m = _AGO.search(t)
    if m:
        n = number_value(m["n"]) or 1
        unit = m["unit"].lower()
        if unit == "day":
            return _ev((published - timedelta(days=n)).isoformat(), "day", text)
        if unit == "week":
            d = published - timedelta(days=7 * n)
            return _ev(f"{d.year:04d}-{d.month:02d}", "month", text)
        if unit == "month":
            y, mo = _month_shift(published.year, published.month, -n)
            return _ev(f"{y:04d}-{mo:02d}", "month", text)
        return _ev(f"{published.year - n:04d}", "year", text)
    m = _RELATIVE_UNIT.search(t)
    if m:
        rel, unit = m["rel"].lower(), m["unit"].lower()
        delta = (
            -1 if rel.split()[-1] in ("last", "past", "previous") else 1 if rel.split()[-1] in ("next", "coming") else 0
        )
        if unit == "year":
            return _ev(f"{published.year + delta:04d}", "year", text)
        if unit == "month":
            y, mo = _month_shift(published.year, published.month, delta)
            return _ev(f"{y:04d}-{mo:02d}", "month", text)
        # a week has no precision of its own in the contract: its month, when the whole week lies in it
        d = published + timedelta(days=7 * delta)
        return _ev(f"{d.year:04d}-{d.month:02d}", "month", text)
    m = _WEEKDAY.search(t)
    if m:
        wd = _WEEKDAYS[m["wd"].lower()]
        rel = (m["rel"] or "").lower()
        back = (published.weekday() - wd) % 7  # 0 when the article is of that very weekday
        if rel in ("next", "coming"):
            d = published + timedelta(days=(wd - published.weekday()) % 7 or 7)
        elif rel in ("last", "past", "previous") and back == 0:
            d = published - timedelta(days=7)
        else:
            d = published - timedelta(days=back)
        return _ev(d.isoformat(), "day", text)
    m = _MONTH_ONLY.search(t)
    if m and not (
        m["month"].lower() == "may" and not m["rel"] and not re.search(r"\b(?:in|of|since|until)\s+may\b", t, re.I)
    ):
        mo = _MONTHS[m["month"].lower()]
        rel = (m["rel"] or "").lower()
        if rel == "next":
            y = published.year + (1 if mo <= published.month else 0)
        elif rel == "last":
            y = published.year - (1 if mo >= published.month else 0)
        else:
            # "in September": the latest September not after the article's month
            y = published.year - (1 if mo > published.month else 0)
        return _ev(f"{y:04d}-{mo:02d}", "month", text)
    return _dateparser_fallback(t, text, published)


def _dateparser_fallback(t: str, text: str, published: date) -> EventDate | None:
    """dateparser for the absolute formats our rules do not cover (e.g. "19.11.2024")."""
    if not re.search(r"\d", t):
        return None  # word-only expressions dateparser guesses badly ("earlier this month" -> None)
    from datetime import datetime

    import dateparser  # local: only reached for rare formats, keeps import time low

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
    }
    try:
        found = dateparser.parse(t, languages=["en"], settings=settings)
    except Exception:  # dateparser raises a zoo of errors on odd input; a miss is just no date
        return None
    if found is None:
        return None
    return _ev(found.date().isoformat(), "day", text)


def shift(ev: EventDate, days: int, text: str) -> EventDate | None:
    """A day-precision date ``days`` away from ``ev`` ("two days after" another dated event)."""
    if ev.precision != "day":
        return None
    d = date.fromisoformat(ev.value) + timedelta(days=days)
    return _ev(d.isoformat(), "day", text)


# spans of date expressions in running text, for events to pick theirs; compiled once
DATE_EXPRESSION = re.compile(
    r"\b(?:(?:on|since|by|until|from|in|during|at|of|the)\s+)?(?:"
    r"(?:(?:19|20)\d{2}-\d{2}-\d{2})|"
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
    + _MONTH_RX.replace("?P<month>", "?:")
    + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{2})?|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH_RX.replace("?P<month>", "?:")
    + r"(?:,?\s+(?:19|20)\d{2})?|"
    + _MONTH_RX.replace("?P<month>", "?:")
    + r",?\s+(?:19|20)\d{2}|"
    r"(?:last|this|next|past|previous|coming|earlier this|later this|early this|late last|earlier last|late this|"
    r"early last|early next|late next)\s+(?:year|month|week)|"
    r"(?:(?:last|this|next|past|previous|coming)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)\s+"
    r"(?:day|week|month|year)s?\s+ago|"
    r"\d{1,2}\s*[-–]\s*\d{1,2}\s+"
    + _MONTH_RX.replace("?P<month>", "?:")
    + r"(?:,?\s+(?:19|20)\d{2})?|"
    + _MONTH_RX.replace("?P<month>", "?:")
    + r"\s+\d{1,2}\s*[-–]\s*\d{1,2}(?:,?\s+(?:19|20)\d{2})?|"
    r"(?:overnight|the night)\s+(?:into|to|on|of)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"the day before yesterday|the previous (?:day|night|evening|morning|afternoon)|the (?:day|night) before|"
    r"a day earlier|"
    r"today|tonight|yesterday|tomorrow|last night|overnight|this morning|this afternoon|this evening|earlier today|"
    r"(?:(?:last|next|early|late|mid-?)\s+)?(?-i:January|February|April|June|July|August|September|October|"
    r"November|December)|(?<=in )May|"
    # a bare "March" is a month only after a word that takes a time ("in March", "since March"), else the noun
    # ("the March for Peace", "a March for Our Lives rally")
    r"(?:(?:last|next|early|late|mid-?)\s+)?(?:(?<=in )|(?<=of )|(?<=since )|(?<=until )|(?<=from )|(?<=during )|"
    r"(?<=by )|(?<=and )|(?<=to )|(?<=early )|(?<=late )|(?<=last )|(?<=next )|(?<=mid-)|(?<=mid ))(?-i:March)|"
    r"(?:19|20)\d{2}(?![-/.]?\d|-\w)"
    r")\b",
    re.I,
)
