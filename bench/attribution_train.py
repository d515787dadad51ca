"""Learn claimtrack's cue model from PolNeAR train: ``python bench/attribution_train.py``.

Writes ``src/claimtrack/data/attribution/cue_model.json``:
- ``lemmas``: cue-head lemmas seen at least ``MIN_COUNT`` times in train gold with a cue rate worth scoring;
- ``weights``/``bias``: a logistic regression over ``cue_features`` (train only);
- ``threshold``: the probability cut that maximises cue-head F1 on dev (the only use of dev: a choice);
- ``include``: for each (side, dependency, word) of a cue head's child, how often annotators put it in the cue.

Parses are cached in ``bench/out/`` (git-ignored) so re-runs take seconds.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import spacy
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimtrack.extract.cue_model import cue_features, phrase_key  # noqa: E402
from claimtrack.extract.quotes import Quotes  # noqa: E402
from claimtrack.nlp import MODEL  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"
OUT = ROOT / "bench" / "out"
TARGET = ROOT / "src" / "claimtrack" / "data" / "attribution" / "cue_model.json"
MIN_COUNT = 2
MIN_RATE = 0.01
THRESHOLD = 0.5  # chosen on dev with bench/attribution.py: quote-exact F1 is flat from 0.44 to 0.58


def parsed(split: str) -> list[tuple[str, Doc, list[dict]]]:
    """(doc name, parsed Doc, gold attributions) for a PolNeAR split, parsing once and caching."""
    nlp = spacy.load(MODEL)
    cache, names_file = OUT / f"polnear_{split}.spacy", OUT / f"polnear_{split}.names"
    files = sorted((POLNEAR / split / "text").glob("*.txt"))
    if cache.exists() and names_file.exists():
        names = names_file.read_text().split("\n")
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        OUT.mkdir(parents=True, exist_ok=True)
        names = [f.stem for f in files]
        docs = list(nlp.pipe((f.read_text(encoding="utf-8") for f in files), batch_size=16))
        bin_ = DocBin()
        for d in docs:
            bin_.add(d)
        bin_.to_disk(cache)
        names_file.write_text("\n".join(names))
    gold: dict[str, list[dict]] = {}
    for line in (POLNEAR / split / "gold.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        gold[r["doc"]] = [a for a in r["attributions"] if a.get("valid", True) and a["cue"] and a["content"]]
    return [(n, d, gold.get(n, [])) for n, d in zip(names, docs, strict=True)]


def cue_spans(doc: Doc, attrs: list[dict]) -> list[tuple[int, int, int]]:
    """(start, end, root) token indices of each gold cue."""
    out = []
    for a in attrs:
        s, e = min(x for x, _ in a["cue"]), max(y for _, y in a["cue"])
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end, span.root.i))
    return out


def candidates(data: list, lemmas: frozenset[str]) -> tuple[list[dict[str, int]], list[int]]:
    X, y = [], []
    for _, doc, attrs in data:
        roots = {r for _, _, r in cue_spans(doc, attrs)}
        q = Quotes(doc)
        for t in doc:
            if t.lemma_.lower() in lemmas:
                X.append(dict.fromkeys(cue_features(t, q.inside(t.i)), 1))
                y.append(int(t.i in roots))
    return X, y


def main() -> None:
    train, dev = parsed("train"), parsed("dev")
    as_root: Counter[str] = Counter()
    include: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for _, doc, attrs in train:
        for s, e, r in cue_spans(doc, attrs):
            head = doc[r]
            as_root[head.lemma_.lower()] += 1
            for c in head.children:
                key = phrase_key(c)
                if key is not None and c.left_edge.i >= head.i + 1 and c.left_edge.i <= e:
                    seen[key] += 1
                    include[key] += c.right_edge.i < e
                side = "L" if c.i < head.i else "R"
                inside = s <= c.i < e
                lemma_key = f"{head.lemma_.lower()}|{side}|{c.dep_}|{c.lower_}"
                for key in (lemma_key, f"{side}|{c.dep_}|{c.lower_}", f"{side}|{c.dep_}"):
                    seen[key] += 1
                    include[key] += inside
    total: Counter[str] = Counter(t.lemma_.lower() for _, doc, _ in train for t in doc)
    lemmas = frozenset(
        lem for lem, n in as_root.items() if n >= MIN_COUNT and n / total[lem] >= MIN_RATE and lem.strip()
    )
    X, y = candidates(train, lemmas)
    vec = DictVectorizer()
    clf = LogisticRegression(C=0.5, max_iter=2000)
    clf.fit(vec.fit_transform(X), y)
    Xd, yd = candidates(dev, lemmas)
    prob = clf.predict_proba(vec.transform(Xd))[:, 1]
    n_gold = sum(len(cue_spans(doc, attrs)) for _, doc, attrs in dev)
    best = (0.0, 0.5)
    for cut in [x / 100 for x in range(10, 91, 2)]:
        tp = sum(1 for p, g in zip(prob, yd, strict=True) if p >= cut and g)
        n_pred = sum(1 for p in prob if p >= cut)
        prec, rec = tp / max(n_pred, 1), tp / max(n_gold, 1)
        f1 = 2 * prec * rec / max(prec + rec, 1e-9)
        best = max(best, (f1, cut))
    print(f"cue lemmas {len(lemmas)}, train candidates {len(y)} ({sum(y)} cues)")
    print(f"best dev cue-head F1 {best[0]:.3f} at threshold {best[1]}; shipped threshold {THRESHOLD} (quote-exact)")
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= 0.01
    }
    model = {
        "about": "claimtrack cue model, trained by bench/attribution_train.py on PolNeAR train",
        "lemmas": sorted(lemmas),
        "weights": weights,
        "bias": round(float(clf.intercept_[0]), 4),
        "threshold": THRESHOLD,
        "include": {k: round(include[k] / n, 3) for k, n in seen.items() if n >= 3},
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(model, indent=0, sort_keys=True), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size // 1024} KiB, {len(weights)} weights)")


if __name__ == "__main__":
    main()
