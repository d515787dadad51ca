"""The command line end to end: real pipeline, real SQLite file, exit codes and messages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.schema import load
from tests.conftest import ROOT, SEEDS, need_shared

EXAMPLES = ROOT / "examples"
runner = CliRunner()
GOOD = "Russian forces shelled the town of Orikhiv on Sunday, killing one man, regional officials said.\n"


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_jsonl_follows_input_order_and_schema(nlp) -> None:
    paths = sorted(str(p) for p in EXAMPLES.iterdir() if p.is_file())  # examples/feeds/ has its own test
    res = runner.invoke(app, ["extract", *paths, "--format", "jsonl"])
    assert res.exit_code == 0, res.stderr
    docs = _lines(res.stdout)
    assert len(docs) == 9  # 7 files + 2 JSONL records
    assert [d["id"] for d in docs[:7]] == paths[:7]
    assert [d["id"] for d in docs[7:]] == ["harbor-2025-0517", "harbor-2025-0518"]
    validator = jsonschema.Draft202012Validator(load())
    for d in docs:
        validator.validate(d)
        text = d["article"]["text"]
        for claim in d["claims"]:
            s, e = claim["cue"]["span"]
            assert text[s:e] == claim["cue"]["text"]
        for place in d["places"]:
            s, e = place["span"]
            assert text[s:e] == place["text"]


def test_extract_table_on_seeds_shows_article_metadata(nlp) -> None:
    need_shared(SEEDS)
    res = runner.invoke(app, ["extract", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--format", "table"])
    assert res.exit_code == 0
    assert "News.az" in res.stdout and "2024-11-19" in res.stdout and "Fox News" in res.stdout
    assert "2025-01-05" in res.stdout and "Russia vows retaliation" in res.stdout


def test_extract_seeds_give_the_missile_strikes_with_their_dates(nlp) -> None:
    need_shared(SEEDS)
    res = runner.invoke(app, ["extract", *sorted(str(p) for p in SEEDS.glob("*.txt"))])
    first, second = _lines(res.stdout)
    strikes = [(e["type"], (e["date"] or {}).get("value")) for d in (first, second) for e in d["events"][:1]]
    assert strikes == [("missile_strike", "2024-11-19"), ("missile_strike", "2025-01-03")]


def test_extract_bad_input_exits_nonzero_and_keeps_the_rest(tmp_path: Path, nlp) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    res = runner.invoke(app, ["extract", str(bad), str(tmp_path / "missing.txt"), str(good)])
    assert res.exit_code == 1
    assert f"{bad}: empty input" in res.stderr
    assert "missing.txt: no such file or directory" in res.stderr
    assert [d["id"] for d in _lines(res.stdout)] == [str(good)]


def test_extract_reads_stdin(nlp) -> None:
    res = runner.invoke(app, ["extract", "-"], input=GOOD)
    assert res.exit_code == 0
    (doc,) = _lines(res.stdout)
    assert doc["id"] == "<stdin>" and doc["article"]["text"] == GOOD.strip()


@pytest.mark.slow
def test_workers_give_the_same_output(nlp) -> None:
    paths = sorted(str(p) for p in EXAMPLES.iterdir())
    one = runner.invoke(app, ["extract", *paths])
    two = runner.invoke(app, ["extract", *paths, "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_ingest_is_idempotent_and_lists_events(tmp_path: Path, nlp) -> None:
    db = str(tmp_path / "ledger.db")
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert first.exit_code == 0, first.stderr
    assert "14 article(s) added, 0 already in the ledger" in first.stderr  # 9 from files, 5 from feeds/desk.rss
    events_before = _lines(runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).stdout)
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert again.exit_code == 0
    assert "0 article(s) added, 14 already in the ledger" in again.stderr
    events_after = _lines(runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).stdout)
    assert events_after == events_before
    for ev in events_after:
        assert ev["reports"] and ev["reports"][0]["article_id"]


def test_ingest_stores_good_articles_despite_bad_ones(tmp_path: Path, nlp) -> None:
    db = str(tmp_path / "ledger.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a_bad.txt").write_bytes(b"\x89PNG\x00\x01binary")
    (tmp_path / "in" / "b_good.txt").write_text(GOOD)
    res = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert res.exit_code == 1
    assert "a_bad.txt: binary file" in res.stderr
    assert "1 article(s) added" in res.stderr
    exported = runner.invoke(app, ["export", "--format", "jsonl", "--db", db])
    assert exported.exit_code == 0


def test_export_csv_and_acled_csv_of_the_examples(tmp_path: Path, nlp) -> None:
    db = str(tmp_path / "ledger.db")
    runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    res = runner.invoke(app, ["export", "--format", "csv", "--db", db])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows, "the examples should yield events"
    assert {"date", "acled_event_type", "country_code", "latitude", "longitude", "date_start"} <= set(rows[0])
    res = runner.invoke(app, ["export", "--format", "acled-csv", "--db", db])
    assert res.exit_code == 0
    acled = list(csv.DictReader(io.StringIO(res.stdout)))
    assert acled and {"event_date", "event_type", "sub_event_type", "country", "inter1"} <= set(acled[0])
