"""Attribution benchmark on PolNeAR dev: ``python bench/attribution.py [--split dev] [--cached]``.

Runs claimtrack's full pipeline (``claimtrack.nlp.process``) over ``../shared/bench/polnear/<split>/text/*.txt``,
writes ``bench/out/attribution_<split>.jsonl`` in the scorer's format (cue, source and content character spans of
every claim) and prints the table of ``../shared/bench/polnear/score.py``. ``--cached`` reuses the parses cached
by ``bench/attribution_train.py`` and runs only the claims extractor (fast, for iterating on rules).

It also measures the pronoun / short-form source resolver: PolNeAR has no coreference, so for each predicted
claim whose source is a pronoun or a definite short form, an oracle antecedent is taken from gold: the nearest
earlier gold source of the same doc that is a name (not a pronoun); the resolver is right when its entity shares
a word with that antecedent. This is a proxy (gold sources are not always the antecedent), reported as such.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimtrack.extract.claims import find_claims  # noqa: E402
from claimtrack.extract.claims_lexicon import PERSONAL_PRONOUNS, SHORT_FORMS, THING_PRONOUNS  # noqa: E402
from claimtrack.models import Article, Claim  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"
OUT = ROOT / "bench" / "out"
PRONOUNS = set(PERSONAL_PRONOUNS) | set(THING_PRONOUNS)


def articles(split: str) -> list[Article]:
    meta = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    out = []
    for path in sorted((POLNEAR / split / "text").glob("*.txt")):
        m = meta.get(path.stem, {})
        out.append(
            Article(
                id=path.stem,
                source_path=str(path),
                publisher=m.get("publisher") or None,
                published=m.get("publication_date") or None,
                text=path.read_text(encoding="utf-8"),
            )
        )
    return out


def run_pipeline(arts: list[Article]) -> dict[str, list[Claim]]:
    from claimtrack.nlp import process

    return {r.id: r.claims for r in process(arts)}


def run_cached(split: str, arts: list[Article]) -> dict[str, list[Claim]]:
    import spacy
    from spacy.tokens import DocBin

    import claimtrack.nlp  # noqa: F401  (registers doc._.article)
    from claimtrack.nlp import MODEL

    if not (OUT / f"polnear_{split}.spacy").exists():
        sys.exit(f"no cached parse of {split}: run bench/attribution_train.py once (it caches train and dev)")
    names = (OUT / f"polnear_{split}.names").read_text().split("\n")
    docs = DocBin().from_disk(OUT / f"polnear_{split}.spacy").get_docs(spacy.load(MODEL).vocab)
    by_id = {a.id: a for a in arts}
    out = {}
    for name, doc in zip(names, docs, strict=True):
        doc._.article = by_id[name]
        out[name] = find_claims(doc)
    return out


def speed(arts: list[Article]) -> None:
    """Seconds of bare spaCy parsing against seconds of the claims extractor on those parses, one process."""
    import spacy

    import claimtrack.nlp  # noqa: F401  (registers doc._.article)
    from claimtrack.extract.cue_model import load_model
    from claimtrack.nlp import MODEL

    nlp = spacy.load(MODEL)
    load_model()
    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in arts), batch_size=32))
    parse = time.perf_counter() - t0
    for doc, art in zip(docs, arts, strict=True):
        doc._.article = art
    t0 = time.perf_counter()
    for doc in docs:
        find_claims(doc)
    claims = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in arts)
    print(
        f"speed: spaCy parse {parse:.1f} s ({words / parse:,.0f} words/s), claims {claims:.2f} s "
        f"= {100 * claims / parse:.1f}% of the parse time"
    )


def resolver_proxy(split: str, arts: list[Article], claims: dict[str, list[Claim]]) -> tuple[int, int, int]:
    """(pronoun/short-form sources predicted, resolved to something, resolved to the oracle antecedent)."""
    gold = {}
    for line in (POLNEAR / split / "gold.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        gold[r["doc"]] = sorted(
            (a["source"][0][0], a["source_text"]) for a in r["attributions"] if a["source"] and a["source_text"]
        )
    n = resolved = right = 0
    for art in arts:
        for c in claims.get(art.id, []):
            if c.source is None:
                continue
            low = c.source.text.lower()
            short = low.startswith("the ") and low.split()[-1] in SHORT_FORMS and len(low.split()) <= 3
            if low not in PRONOUNS or low in ("we",):
                if not short:
                    continue
            n += 1
            if not c.source.entity:
                continue
            resolved += 1
            earlier = [
                t
                for s, t in gold.get(art.id, [])
                if s < c.source.span[0] and t.lower() not in PRONOUNS and not t.lower().startswith("the ")
            ]
            if earlier:
                words = {w.strip(".,'’s").lower() for w in earlier[-1].split()}
                if words & {w.lower() for w in c.source.entity.split()}:
                    right += 1
    return n, resolved, right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--cached", action="store_true", help="reuse cached parses, run only the claims extractor")
    ap.add_argument("--speed", action="store_true", help="only time the claims extractor against the bare parse")
    args = ap.parse_args()
    if not POLNEAR.exists():
        sys.exit(f"{POLNEAR} is absent: ../shared is not beside this clone")
    arts = articles(args.split)
    if args.speed:
        speed(arts)
        return
    t0 = time.perf_counter()
    claims = run_cached(args.split, arts) if args.cached else run_pipeline(arts)
    dt = time.perf_counter() - t0
    OUT.mkdir(parents=True, exist_ok=True)
    pred = OUT / f"attribution_{args.split}.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for art in arts:
            quotes = [
                {
                    "cue": list(c.cue.span),
                    "sources": [list(c.source.span)] if c.source else [],
                    "contents": [list(s) for s in c.content.spans],
                }
                for c in claims.get(art.id, [])
            ]
            f.write(json.dumps({"doc": art.id, "quotes": quotes}) + "\n")
    words = sum(len(a.text.split()) for a in arts)
    print(f"{len(arts)} docs, {words} words, {dt:.1f} s ({'claims only' if args.cached else 'full pipeline'})")
    subprocess.run([sys.executable, str(POLNEAR / "score.py"), str(POLNEAR / args.split), str(pred)], check=True)
    n, resolved, right = resolver_proxy(args.split, arts, claims)
    if n:
        print(
            f"pronoun/short-form sources: {n}, resolved {resolved} ({100 * resolved / n:.1f}%), "
            f"matching the nearest earlier named gold source {right} ({100 * right / n:.1f}%)"
        )


if __name__ == "__main__":
    main()
