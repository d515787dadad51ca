"""The learned cue model of the attribution finder: which tokens head a cue, and how far the cue span grows.

Weights and span statistics are learned on PolNeAR train by ``bench/attribution_train.py`` and shipped as JSON in
``claimtrack/data/attribution/``; the features are shared by training and inference.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import Any

from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})

MODEL_FILE = "cue_model.json"

PHRASE_RATE = 0.65  # fold a phrase into the cue only when annotators clearly do ("said in a news release")


@dataclass
class CueModel:
    """Learned cue lexicon: candidate lemmas, feature weights and which head children a cue span includes."""

    lemmas: frozenset[str]
    weights: dict[str, float]
    bias: float
    threshold: float
    include: dict[str, float]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CueModel:
        return cls(
            lemmas=frozenset(data["lemmas"]),
            weights={k: float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            include={k: float(v) for k, v in data["include"].items()},
        )

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(map(self.weights.get, features, repeat(0.0)))  # weights.get(f, 0.0), without a genexpr
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model() -> CueModel:
    """The shipped cue model (trained by ``bench/attribution_train.py`` from PolNeAR train)."""
    path = resources.files("claimtrack") / "data" / "attribution" / MODEL_FILE
    return CueModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def cue_features(t: Token, quoted: bool) -> list[str]:
    """Sparse features of a candidate cue head; shared by training and inference."""
    lem = t.lemma_.lower()
    doc = t.doc
    kids = {c.dep_ for c in t.children}
    subj = next((c for c in t.children if c.dep_ in SUBJECTS), None)
    feats = [
        f"l={lem}",
        f"p={t.tag_}",
        f"d={t.dep_}",
        f"l|d={lem}|{t.dep_}",
        f"l|p={lem}|{t.tag_}",
        f"hd={t.head.dep_}",
        f"l|hl={lem}|{t.head.lemma_.lower()}",
        f"l|q={lem}|{quoted}",
        f"q={quoted}",
    ]
    feats += [f"k={d}" for d in kids]
    feats += [f"l|k={lem}|{d}" for d in kids]
    if subj is not None:
        kind = subj.ent_type_ or subj.pos_
        feats += [f"s={kind}", f"l|s={lem}|{kind}", f"sl={subj.lemma_.lower()}"]
    for c in t.children:
        if c.dep_ in ("ccomp", "xcomp", "dobj"):
            first = doc[c.left_edge.i]
            feats += [f"{c.dep_}1={first.lower_ if first.is_stop or first.is_punct else first.pos_}"]
            feats += [f"l|{c.dep_}p={lem}|{c.pos_}"]
    nxt = doc[t.i + 1].text if t.i + 1 < len(doc) else "<e>"
    prv = doc[t.i - 1].text if t.i > 0 else "<s>"
    feats += [f"n={nxt}" if not nxt.isalpha() else "n=w", f"pv={prv}" if not prv.isalpha() else "pv=w"]
    feats += [f"l|n={lem}|{nxt.lower()}"]
    return feats


def phrase_key(c: Token) -> str | None:
    """Key of a whole phrase after a cue head that annotators may fold into the cue ("said Monday",
    "said in a statement"); shared with training."""
    if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
        return "phrase|npadvmod|DATE"
    if c.dep_ == "prep":
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is not None:
            kind = "DATE" if obj.ent_type_ in ("DATE", "TIME") else obj.lemma_.lower()
            return f"phrase|{c.lower_}|{kind}"
    return None


def _cue_span(t: Token, model: CueModel) -> tuple[int, int]:
    """Grow the cue head by the children annotators include, keeping the span contiguous."""
    chosen = {t.i}
    lem = t.lemma_.lower()
    for c in t.children:
        side = "L" if c.i < t.i else "R"
        rate = model.include.get(f"{lem}|{side}|{c.dep_}|{c.lower_}")
        if rate is None:
            rate = model.include.get(f"{side}|{c.dep_}|{c.lower_}", model.include.get(f"{side}|{c.dep_}", 0.0))
        if rate > 0.5 and not (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children)):
            chosen.add(c.i)  # "denied on Wednesday": a date phrase joins the cue only whole (below), never "on"
    start = t.i
    while start - 1 in chosen:
        start -= 1
    end = t.i + 1
    while end in chosen:
        end += 1
    for c in t.children:  # whole phrases right after the cue: "said Thursday morning", "said in a statement"
        if c.left_edge.i == end and c.dep_ != "prep" or (c.dep_ == "prep" and c.i == end):
            key = phrase_key(c)
            if key is not None and model.include.get(key, 0.0) > PHRASE_RATE:
                end = c.right_edge.i + 1
    return start, end
