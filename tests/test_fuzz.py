"""A hypothesis fuzz suite over ingest and extraction: no input may crash the run.

Every input must come back as an ``Article`` or a named ``IngestError``; every article must hold text a
database can store; every analysed document must validate against the output contract with spans that
point into its text. Most inputs go through the cheap ingest layer (bytes, text, HTML, JSONL with wrong
types, mutated real inputs); a smaller share through the full spaCy pipeline. Derandomised by default so
CI is repeatable; ``CLAIMTRACK_FUZZ_SCALE=10`` runs ten times as many random inputs (a longer local run).
"""

from __future__ import annotations

import json
import os
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.ingest import IngestError
from claimtrack.ingest.reader import read_bytes
from claimtrack.models import Article
from claimtrack.nlp import Budget, analyse
from claimtrack.schema import load
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
SCALE = float(os.environ.get("CLAIMTRACK_FUZZ_SCALE", "1"))
RANDOM = SCALE != 1
COUNTS: dict[str, int] = {}


def _settings(n: int) -> settings:
    return settings(
        max_examples=max(1, int(n * SCALE)),
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _check_ingest(raw: bytes, name: str) -> None:
    items = list(read_bytes(raw, f"fuzz/{name}", name))
    assert items, "every input gives at least one article or error"
    for item in items:
        assert isinstance(item, Article | IngestError)
        if isinstance(item, IngestError):
            assert item.where.startswith("fuzz/") and item.problem
            continue
        for value in (item.text, item.id, item.title, item.publisher, item.url, item.published, *item.via):
            if value is not None:
                value.encode("utf-8")  # no lone surrogate
                assert "\x00" not in value


def _count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


SEEDS = [p for p in sorted((ROOT / "examples").iterdir()) if p.is_file()]
NAMES = st.sampled_from(["a.txt", "a.html", "a.jsonl", "a", "a.json", "a.htm"])


@_settings(7000)
@given(raw=st.binary(max_size=3000), name=NAMES)
def test_random_bytes(raw: bytes, name: str) -> None:
    _count("bytes")
    _check_ingest(raw, name)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    seed = draw(st.sampled_from(SEEDS))
    data = bytearray(seed.read_bytes())
    for _ in range(draw(st.integers(1, 12))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "repeat"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 32))] * draw(st.integers(2, 40))
    return bytes(data), seed.name


@_settings(5000)
@given(case=mutated())
def test_mutated_real_inputs(case: tuple[bytes, str]) -> None:
    _count("mutated")
    _check_ingest(*case)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=5,
)
FIELDS = ["id", "text", "url", "publisher", "published", "title", "via"]


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": draw(st.text(max_size=10) | st.integers()), "text": draw(st.text(max_size=200))}
    for field in draw(st.lists(st.sampled_from(FIELDS), max_size=3)):
        rec[field] = draw(JSON | st.text(max_size=30))
    return rec


@_settings(4000)
@given(recs=st.lists(records() | JSON, min_size=1, max_size=3))
def test_jsonl_with_wrong_types(recs: list[Any]) -> None:
    _count("jsonl")
    raw = "\n".join(json.dumps(r) for r in recs).encode("utf-8", "surrogatepass")
    _check_ingest(raw, "records.jsonl")


TAGS = st.sampled_from(["p", "div", "article", "h1", "script", "style", "nav", "a", "table", "td", "br", "meta"])


@st.composite
def html(draw: st.DrawFn) -> bytes:
    parts = ["<html><head>", f"<title>{draw(st.text(max_size=20))}</title></head><body>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAGS)
        attrs = draw(st.sampled_from(["", " class='x'", " content='2024-13-45'", ' href="http://[bad"', " <"]))
        parts.append(f"<{tag}{attrs}>{draw(st.text(max_size=80))}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    if draw(st.booleans()):
        parts.append("</body></html>")
    return "".join(parts).encode("utf-8", "surrogatepass")


@_settings(2000)
@given(page=html())
def test_html_pages(page: bytes) -> None:
    _count("html")
    _check_ingest(page, "page.html")


@_settings(2000)
@given(text=st.text(alphabet=st.characters(codec=None), max_size=400), codec=st.sampled_from(["utf-8", "utf-16"]))
def test_any_code_points(text: str, codec: str) -> None:
    _count("text")
    _check_ingest(text.encode(codec, "surrogatepass"), "a.txt")


WORDS = st.sampled_from(
    "Russian Ukrainian forces drones missiles struck hit shelled Kyiv Kharkiv Odesa Donetsk oblast region "
    "near in on at the a of said told according to officials spokesman denied confirmed killed wounded two "
    "100 1,000 five dozens Monday yesterday 12 May 2025 ( ) [ ] \" ' , . ; : - -- ! ? % $ # @ / \\ \n \t "
    "\u00e9 \u0416 \u4e2d \U0001f600 \ufffd km UAV S-300 Shahed-136".split(" ")
)
SCHEMA = load()


@_settings(400)
@given(words=st.lists(WORDS | st.text(max_size=6), max_size=120), published=st.none() | st.just("2025-05-12"))
def test_extraction_never_crashes_and_keeps_the_contract(words: list[str], published: str | None) -> None:
    _count("extraction")
    text = " ".join(words) or "."
    (res,) = list(analyse([Article(id="f", text=text, published=published)], budget=Budget(seconds=20)))
    assert not isinstance(res, IngestError), res
    jsonschema.validate(res.model_dump(mode="json"), SCHEMA)
    for place in res.places:
        start, end = place.span
        assert 0 <= start <= end <= len(text) and text[start:end] == place.text
    for claim in res.claims:
        for start, end in claim.content.spans:
            assert 0 <= start <= end <= len(text)


def test_fuzz_total_reaches_twenty_thousand_inputs() -> None:
    if len(COUNTS) < 6:
        pytest.skip("only part of the fuzz suite ran in this session")
    assert sum(COUNTS.values()) >= int(20_000 * min(SCALE, 1)), COUNTS
