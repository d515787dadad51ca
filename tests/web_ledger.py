"""A small real ledger for the web desk's tests: our own articles through the real pipeline into SQLite."""

from __future__ import annotations

from claimtrack.models import Article
from claimtrack.nlp import process
from claimtrack.store import Ledger

ARTICLES = [
    # (id, publisher, published, title, text)
    (
        "w1",
        "Kyiv Wire",
        "2025-03-05",
        "Drones hit Kharkiv overnight",
        "Russia launched 20 drones at Kharkiv on Tuesday, Ukraine's air force said. "
        "It said air defences shot down 18 of them.",
    ),
    (
        "w2",
        "Lviv Ledger",
        "2025-03-05",
        "Kharkiv attacked by drones",
        "Ukraine's air force said Russia launched 20 drones at Kharkiv on Tuesday.",
    ),
    (
        "w5",
        "Moscow Desk",
        "2025-03-05",
        "Kremlin denies drone attack",
        "The Kremlin denied launching drones at Kharkiv on Tuesday.",
    ),
    (
        "w3",
        "Coast Herald",
        "2025-02-14",
        "Missile strike reported in Odesa",
        "A Russian missile struck the port of Odesa on Thursday, killing three people, the regional governor said.",
    ),
    (
        "w4",
        "Caucasus Courier",
        "2025-01-20",
        "Protest in Tbilisi",
        "Thousands of protesters rallied in Tbilisi on Sunday against the government, police said.",
    ),
]


def build(db: str, url_base: str = "https://news.example/articles") -> Ledger:
    ledger = Ledger(db)
    arts = [
        Article(id=i, publisher=p, published=d, title=t, text=x, url=f"{url_base}/{i}.html")
        for i, p, d, t, x in ARTICLES
    ]
    for res in process(arts):
        ledger.add(res)
    return ledger
