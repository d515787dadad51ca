"""Event typing benchmark: ``python bench/events.py [--limit N]``.

Runs claimtrack's full pipeline (``claimtrack.nlp.process``) over

- CASE 2021 task 2 dev (``../shared/bench/case2021/dev.jsonl``): the label of the first (most salient) event of
  each snippet, through its ACLED sub-type, is scored by the set's own ``score.py`` (weighted / macro F1 and
  accuracy for subtasks 1-3); predictions go to ``bench/out/events_case2021.jsonl``;
- PLOVER GSR (``../shared/bench/plover_gsr/data.jsonl``): the PLOVER type of the first event (our mapping,
  ``events.codes.PLOVER``) against ``event_plover_current`` (accuracy, macro F1 with a bootstrap 95% CI), and the
  actors: relaxed span F1 of initiator/target text against the coded actor texts (reciprocal pairs unordered)
  and F1 on their country codes; predictions go to ``bench/out/events_plover.jsonl``.

It also times the events component against the whole pipeline on the CASE snippets.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import pycountry  # noqa: E402

from claimtrack.extract.events import case_label, find_events  # noqa: E402
from claimtrack.extract.events.codes import PLOVER as PLOVER_OF_TYPE  # noqa: E402
from claimtrack.models import Article, Event  # noqa: E402
from claimtrack.nlp import load_pipeline, make_doc  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
CASE = BENCH / "case2021"
PLOVER = BENCH / "plover_gsr"
OUT = ROOT / "bench" / "out"


def run(texts: list[tuple[str, str]]) -> tuple[list[list[Event]], float, float]:
    """Events of each (id, text); also the seconds spent in the whole pipeline and in the events component."""
    nlp = load_pipeline()
    docs = [make_doc(nlp, Article(id=i, text=t)) for i, t in texts]
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(docs, batch_size=64))
    total = time.perf_counter() - t0
    t1 = time.perf_counter()
    for d in parsed:
        find_events(d)  # timed again on its own: the component's share of the pipeline
    events_s = time.perf_counter() - t1
    return [d._.events or [] for d in parsed], total, events_s


def f1_table(gold: list[str], pred: list[str]) -> tuple[float, float]:
    labels = sorted(set(gold))
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1
    f1s = []
    for lab in labels:
        p = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        r = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    acc = sum(tp.values()) / len(gold)
    return acc, sum(f1s) / len(f1s)


def case2021(limit: int | None) -> None:
    recs = [json.loads(line) for line in (CASE / "dev.jsonl").open(encoding="utf-8") if line.strip()]
    recs = recs[:limit] if limit else recs
    events, total, events_s = run([(str(r["id"]), r["text"]) for r in recs])
    OUT.mkdir(parents=True, exist_ok=True)
    pred_path = OUT / "events_case2021.jsonl"
    with pred_path.open("w", encoding="utf-8") as f:
        for r, evs in zip(recs, events, strict=True):
            label = case_label(evs[0]) if evs else "OTHER"
            f.write(json.dumps({"id": r["id"], "label": label, "type": evs[0].type if evs else None}) + "\n")
    print(f"== CASE 2021 task 2 dev: {len(recs)} snippets, predictions in {pred_path.relative_to(ROOT)}")
    print(f"   with >= 1 event: {sum(1 for e in events if e)}/{len(recs)}")
    gold = CASE / "dev.jsonl"
    if limit:
        gold = OUT / "events_case2021_gold.jsonl"
        gold.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    out = subprocess.run([sys.executable, str(CASE / "score.py"), str(gold), str(pred_path)], capture_output=True,
                         text=True, check=True)  # fmt: skip
    print(out.stdout)
    print(f"   time: pipeline {total:.1f}s, events component {events_s:.2f}s ({100 * events_s / total:.1f}% of it)")


def _alpha3(entity: str | None) -> str | None:
    if not entity:
        return None
    try:
        return str(pycountry.countries.lookup(entity).alpha_3)
    except LookupError:
        return None


def _match(pred: str, gold: str) -> bool:
    """Relaxed span match: one text contains the other, or they share a capitalised word."""
    p, g = pred.lower(), gold.lower()
    if p in g or g in p:
        return True
    pw = {w for w in pred.split() if w[:1].isupper()}
    return bool(pw & {w for w in gold.split() if w[:1].isupper()})


def plover(limit: int | None) -> None:
    recs = [json.loads(line) for line in (PLOVER / "data.jsonl").open(encoding="utf-8") if line.strip()]
    recs = recs[:limit] if limit else recs
    events, _, _ = run([(r["id"], r["text"]) for r in recs])
    gold_t, pred_t = [], []
    tp = fp = fn = 0
    ctp = cfp = cfn = 0
    with (OUT / "events_plover.jsonl").open("w", encoding="utf-8") as f:
        for r, evs in zip(recs, events, strict=True):
            e = evs[0] if evs else None
            pt = PLOVER_OF_TYPE.get(e.type, "NONE") if e else "NONE"
            gold_t.append(r["event_plover_current"])
            pred_t.append(pt)
            gold_actors = [a["actorText"] for a in r["source_actors"] + r["target_actors"] if a.get("actorText")]
            gold_codes = {a["code"] for a in r["source_actors"] + r["target_actors"] if a.get("code")}
            pred_actors = [a for a in ((e.initiator, e.target) if e else ()) if a is not None]
            matched = set()
            for a in pred_actors:
                hit = next((i for i, g in enumerate(gold_actors) if i not in matched and _match(a.text, g)), None)
                if hit is None:
                    fp += 1
                else:
                    tp += 1
                    matched.add(hit)
            fn += len(gold_actors) - len(matched)
            codes = {c for a in pred_actors if (c := _alpha3(a.entity))}
            ctp += len(codes & gold_codes)
            cfp += len(codes - gold_codes)
            cfn += len({c for c in gold_codes if len(c) == 3 and c.isalpha() and c != "IGO"} - codes)
            f.write(json.dumps({"id": r["id"], "type": pt, "fine": e.type if e else None,
                                "initiator": e.initiator.model_dump() if e and e.initiator else None,
                                "target": e.target.model_dump() if e and e.target else None}) + "\n")  # fmt: skip
    acc, macro = f1_table(gold_t, pred_t)
    rng = random.Random(0)
    boots = []
    idx = list(range(len(gold_t)))
    for _ in range(200):
        s = [rng.choice(idx) for _ in idx]
        boots.append(f1_table([gold_t[i] for i in s], [pred_t[i] for i in s])[1])
    boots.sort()
    print(f"== PLOVER GSR: {len(recs)} sentences, predictions in bench/out/events_plover.jsonl")
    print(f"   type (16 current PLOVER types): accuracy={100 * acc:.1f} macro_F1={100 * macro:.1f} "
          f"(95% CI {100 * boots[5]:.1f}-{100 * boots[194]:.1f})")  # fmt: skip
    p = tp / (tp + fp) if tp + fp else 0.0
    r_ = tp / (tp + fn) if tp + fn else 0.0
    print(f"   actors (relaxed span): P={100 * p:.1f} R={100 * r_:.1f} F1={100 * _f1(p, r_):.1f}")
    cp = ctp / (ctp + cfp) if ctp + cfp else 0.0
    cr = ctp / (ctp + cfn) if ctp + cfn else 0.0
    print(f"   actor countries: P={100 * cp:.1f} R={100 * cr:.1f} F1={100 * _f1(cp, cr):.1f}")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N records of each set (smoke runs)")
    args = ap.parse_args()
    if not CASE.exists():
        sys.exit(f"{CASE} is absent: ../shared is not beside this clone")
    case2021(args.limit)
    plover(args.limit)


if __name__ == "__main__":
    main()
