"""Ingest: formats, metadata, and every kind of bad input named without losing the rest of the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.ingest import IngestError, content_hash, read_inputs
from claimtrack.models import Article
from tests.conftest import SEEDS, need_shared

GOOD = "Russian forces shelled the town of Orikhiv on Sunday, regional officials said.\n"


def _split(paths: list[str]) -> tuple[list[Article], list[IngestError]]:
    items = list(read_inputs(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def test_seed_headers_give_publisher_date_title_and_via() -> None:
    need_shared(SEEDS)
    arts, errors = _split([str(p) for p in sorted(SEEDS.glob("*.txt"))])
    assert not errors
    first, second = arts
    assert (first.publisher, first.published, first.via) == ("News.az", "2024-11-19", ["Fox News"])
    assert "16 px" not in first.text and "↺" not in first.text
    assert "small fire. Ukraine did not" in first.text  # glued sentences split
    assert not first.text.rstrip().endswith("News.Az")  # footer dropped
    assert second.published == "2025-01-05"
    assert second.title == "Russia vows retaliation after Ukraine allegedly fires US-supplied missiles"
    # section headings and widget lines are not body text
    assert "What's the story" not in second.text and "Military aid\n" not in second.text
    assert second.text.startswith("Russia has threatened to retaliate")


def test_scraped_header_with_site_and_title(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Steppe Courier date 2024-09-09 Shelling in Zaporizhzhia oblast\n" + GOOD, encoding="utf-8")
    (art,), _ = _split([str(p)])
    assert art.publisher == "Steppe Courier"
    assert art.published == "2024-09-09"
    assert art.title == "Shelling in Zaporizhzhia oblast"
    assert art.text == GOOD.strip()


def test_reports_citing_sets_publisher_and_via(tmp_path: Path) -> None:
    p = tmp_path / "relay.txt"
    p.write_text("Kyiv was hit by drones overnight, Harbor Times reports citing the Associated Press.\n", "utf-8")
    (art,), _ = _split([str(p)])
    assert art.publisher == "Harbor Times"
    assert art.via == ["Associated Press"]


def test_html_through_trafilatura(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    body = "<p>" + "Russian missiles hit the city of Kharkiv on Thursday, the regional governor said. " * 3 + "</p>"
    p.write_text(
        "<html><head><title>Kharkiv hit</title><meta property='og:site_name' content='Example News'>"
        f"<meta name='date' content='2024-05-02'></head><body><nav>Home</nav><article><h1>Kharkiv hit</h1>{body}"
        "</article></body></html>",
        encoding="utf-8",
    )
    (art,), errors = _split([str(p)])
    assert not errors
    assert art.title == "Kharkiv hit" and art.publisher == "Example News" and art.published == "2024-05-02"
    assert art.text.startswith("Russian missiles hit") and "Home" not in art.text


def test_jsonl_text_is_kept_exactly(tmp_path: Path) -> None:
    raw = "  Odd   spacing.Glued sentence kept as given.  "
    p = tmp_path / "recs.jsonl"
    p.write_text(json.dumps({"id": "r1", "text": raw, "url": "https://www.reuters.com/x"}) + "\n", "utf-8")
    (art,), _ = _split([str(p)])
    assert art.id == "r1" and art.text == raw and art.publisher == "Reuters"


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    (tmp_path / "b" / "c.txt").write_text(GOOD.replace("Sunday", "Monday"), "utf-8")
    arts, errors = _split([str(tmp_path)])
    assert not errors
    assert [Path(a.id).name for a in arts] == ["a.txt", "c.txt"]


def test_content_hash_ignores_spacing_and_case() -> None:
    assert content_hash("A  b\nC") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


@pytest.mark.parametrize(
    ("name", "payload", "problem"),
    [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b"  \n\n ", "empty input"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("controls.bin", bytes(range(1, 32)) * 8 + b"\xff", "binary file: not UTF-8 (invalid at byte 248)"),
        ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_bad_file_is_named_and_batch_goes_on(tmp_path: Path, name: str, payload: bytes, problem: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(payload)
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD, "utf-8")
    arts, errors = _split([str(bad), str(good)])
    assert len(errors) == 1 and errors[0].where == str(bad) and problem in errors[0].problem
    assert [a.id for a in arts] == [str(good)]


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse 50 MB file
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    arts, errors = _split([str(huge), str(good)])
    assert len(errors) == 1 and "too large (52.4 MB" in errors[0].problem and errors[0].where == str(huge)
    assert len(arts) == 1


def test_malformed_jsonl_line_names_its_line(tmp_path: Path) -> None:
    p = tmp_path / "recs.jsonl"
    p.write_text(
        json.dumps({"id": 1, "text": GOOD})
        + "\n"
        + '{"id": 2, "text": "trunc\n'
        + json.dumps({"id": 3, "text": GOOD})
        + "\n"
        + json.dumps({"id": 4})
        + "\n",
        "utf-8",
    )
    arts, errors = _split([str(p)])
    assert [a.id for a in arts] == ["1", "3"]
    assert [e.where for e in errors] == [f"{p}:2", f"{p}:4"]
    assert "malformed JSON" in errors[0].problem and "no 'text'" in errors[1].problem


def test_missing_path(tmp_path: Path) -> None:
    arts, errors = _split([str(tmp_path / "nope.txt")])
    assert not arts and errors[0].problem == "no such file or directory"
