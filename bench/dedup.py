"""Near-duplicate recall on lightly edited copies: ``python bench/dedup.py [--copies N]``.

Republishers rarely run a wire story byte for byte: they retitle it, add a credit line or a standfirst,
trim the last paragraph, swap a word for a house-style one. This bench takes the project's own corpus
(``tests/corpus/articles.jsonl``, invented articles: no third-party text), makes lightly edited copies of each
with a seeded random mix of those edits, and measures with ``claimtrack.link.dedup`` exactly what the ledger
does: a copy is found when it shares an LSH band with its original *and* passes the verification threshold.
False positives are counted over every pair of distinct corpus articles (several tell the same event in their
own words, the case that must stay apart).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from pathlib import Path

from claimtrack.link import dedup

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "articles.jsonl"
_SWAPS = {"said": "stated", "on": "on", "killed": "left dead", "drones": "UAVs", "region": "area", "the": "the"}
_CREDITS = ["(With inputs from agencies)", "Reporting by staff; editing by the desk.", "Read more on our site."]


def edit(text: str, rnd: random.Random) -> str:
    """One lightly edited copy: 1-3 of the edits republishers make."""
    sents = re.split(r"(?<=[.!?])\s+", text)
    for op in rnd.sample(["swap", "credit", "trim", "lead", "words"], rnd.randint(1, 3)):
        if op == "swap":  # house style: a few words replaced
            words = " ".join(sents).split(" ")
            for i in rnd.sample(range(len(words)), max(1, len(words) // 40)):
                words[i] = _SWAPS.get(words[i], words[i] + "s")
            sents = re.split(r"(?<=[.!?])\s+", " ".join(words))
        elif op == "credit":
            sents.append(rnd.choice(_CREDITS))
        elif op == "trim" and len(sents) > 3:  # the last sentence cut
            sents = sents[:-1]
        elif op == "lead":  # a standfirst or a dateline added
            sents.insert(0, rnd.choice(["KYIV (Wire) -", "Updated at 10:00.", "Here is what we know."]))
        elif op == "words":  # a clause dropped from one sentence
            i = rnd.randrange(len(sents))
            parts = sents[i].split(", ")
            if len(parts) > 1:
                sents[i] = ", ".join(parts[:-1]) + "."
    return " ".join(sents)


def found(a: str, b: str) -> bool:
    sa, sb = dedup.signature(a), dedup.signature(b)
    return bool(set(dedup.bands(sa)) & set(dedup.bands(sb))) and dedup.near_duplicate(sa, sb)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=10, help="edited copies per corpus article")
    args = ap.parse_args()
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    expected = json.loads(CORPUS.with_name("expected.json").read_text(encoding="utf-8"))["near_duplicates"]
    same = {frozenset(p) for g in expected for p in itertools.combinations(g, 2)}
    rnd = random.Random(11)
    hits = total = 0
    jac = []
    for t in texts:
        for _ in range(args.copies):
            c = edit(t, rnd)
            total += 1
            hits += found(t, c)
            jac.append(dedup.similarity(dedup.signature(t), dedup.signature(c)))
    # the corpus's own syndicated copies (expected.json) must be found; every other pair must stay apart
    pairs = list(itertools.combinations(rows, 2))
    copies = [(a, b) for a, b in pairs if frozenset((a["id"], b["id"])) in same]
    fp = sum(found(a["text"], b["text"]) for a, b in pairs if (a, b) not in copies)
    syndicated = sum(found(a["text"], b["text"]) for a, b in copies)
    jac.sort()
    print(f"corpus {len(texts)} articles, {total} lightly edited copies")
    print(
        f"recall {hits}/{total} = {hits / total:.3f}; estimated Jaccard of copies: median {jac[len(jac) // 2]:.2f}, "
        f"10th percentile {jac[len(jac) // 10]:.2f}"
    )
    print(f"the corpus's syndicated copies found: {syndicated}/{len(copies)}")
    print(f"false positives over {len(pairs) - len(copies)} distinct-article pairs: {fp}")


if __name__ == "__main__":
    main()
