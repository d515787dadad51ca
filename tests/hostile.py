"""Hostile article text of our own: markup, formula starts, control characters, numbers beyond 64 bits.

Used to build ledger events by hand (no NLP: the outputs are under test, not the extractors).
"""

from __future__ import annotations

from claimtrack.models import (
    Actor,
    Article,
    DocumentResult,
    Event,
    EventDate,
    Location,
    Quantity,
    TextSpan,
)

SCRIPT = "<script>alert(1)</script>"
# Payloads that set a global if a page ever runs them (the desk's browser test reads window.__pwned)
IMG = '<img src=x onerror="window.__pwned=1">'
PWN = "<script>window.__pwned=1</script>"
JS_URL = "javascript:window.__pwned=1"  # an article link a hostile feed could give
HOSTILE_TITLES = [
    f"Night raid {SCRIPT} on the depot",
    "Officials close the bridge [/b] after the blast",
    "Crater beside the school [pictured]",
    '=HYPERLINK("http://attacker.invalid","open")',
    "+1 drone over the port",
    "-2+3 casualties disputed",
    "@SUM(A1:A9) strike report",
    "\tTabbed headline",
    "\rCarriage return headline",
    "Ampersand & <b>bold</b> & `code` *star* _under_ #hash | pipe",
    f"Warehouse fire {IMG} by the river",
    f"Convoy hit {PWN} at dawn",
]
HOSTILE_PUBLISHERS = [SCRIPT, "[red]Wire[/red]", "=cmd|' /C calc'!A0", "[/b]", "@Outlet", "Plain Outlet", IMG, PWN]
HUGE = 10**30  # a figure no 64-bit integer holds (the ledger refuses to store one; exports still must not break)


def document(
    doc_id: str,
    text: str,
    title: str | None = None,
    publisher: str | None = None,
    dated: bool = True,
    place: str = "Rivertown",
    killed: int | None = None,
    day: int = 2,
    url: str | None = None,
) -> DocumentResult:
    art = Article(
        id=doc_id,
        url=url or f"https://news.invalid/{doc_id}",
        publisher=publisher,
        published="2025-05-03",
        title=title,
        text=text,
    )
    quantities = [Quantity(role="killed", value=killed)] if killed is not None else []
    event = Event(
        id="e1",
        type="shelling",
        trigger=TextSpan(text=text.split()[0], span=(0, len(text.split()[0]))),
        date=EventDate(value=f"2025-05-{day:02d}", precision="day", text="that day") if dated else None,
        location=Location(
            text=place, name=place, country="UA", admin1=f"{place} Oblast", lat=48.5, lon=35.0, precision="point"
        ),
        initiator=Actor(text="Russian forces", entity="Russia"),
        target=Actor(text="residents", entity=None),
        quantities=quantities,
        fatalities=killed,
    )
    return DocumentResult(id=doc_id, article=art, events=[event])


def hostile_documents() -> list[DocumentResult]:
    docs = []
    for i, title in enumerate(HOSTILE_TITLES):
        publisher = HOSTILE_PUBLISHERS[i % len(HOSTILE_PUBLISHERS)]
        body = f"Shelling hit the {title} district overnight, according to {publisher}."
        docs.append(
            document(
                f"hostile-{i}",
                body,
                title=title,
                publisher=publisher,
                place=title,
                killed=i + 1,
                day=1 + 2 * i,  # days apart, so linking keeps them as separate events
                url=JS_URL if IMG in title else None,
            )
        )
    return docs
