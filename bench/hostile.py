"""Cost of the hostile documents of issue 16 through the full pipeline (``claimtrack.nlp.analyse``), each
timed alone with the default budget: 200 KB of "(", a 57 KB list of place names, a text just over spaCy's
1,000,000-character limit, and a 9.9 MB text.

    python bench/hostile.py [--only NAME] [--budget SECONDS]

The texts are written here from our own words; nothing is read from ../shared.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimtrack.ingest import IngestError  # noqa: E402
from claimtrack.models import Article  # noqa: E402
from claimtrack.nlp import Budget, analyse, load_pipeline  # noqa: E402

TOWNS = "Kharkiv, Odesa, Dnipro, Zaporizhzhia, Sumy, Kherson, Mykolaiv, Poltava, Chernihiv, Lviv, Rivne, Lutsk, "
SENTENCE = "Two missiles struck an energy facility near Kryvyi Rih on Thursday, the governor said.\n"


def cases() -> dict[str, str]:
    return {
        "parens_200kb": "(" * 200_000,
        "place_list_57kb": (TOWNS * (57_000 // len(TOWNS) + 1))[:57_000],
        "over_max_length": SENTENCE * (1_000_100 // len(SENTENCE) + 1),
        "text_9_9mb": SENTENCE * (9_900_000 // len(SENTENCE)),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only")
    ap.add_argument("--budget", type=float, default=Budget().seconds)
    args = ap.parse_args()
    load_pipeline()
    for name, text in cases().items():
        if args.only and name != args.only:
            continue
        started = time.monotonic()
        (res,) = list(analyse([Article(id=name, text=text)], budget=Budget(seconds=args.budget)))
        took = time.monotonic() - started
        if isinstance(res, IngestError):
            print(f"{name}: {len(text):,} chars, {took:.1f} s, error: {res.problem}")
            continue
        warn = "; ".join(res.warnings) or "none"
        print(
            f"{name}: {len(text):,} chars, {took:.1f} s, {len(res.places)} places, {len(res.events)} events, "
            f"warnings: {warn}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
