"""A CLI that says no: bad option values, bad ``published`` values, feeds and non-English text are named with
an exit code, never answered with an empty result. Sentences here are our own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.ingest import IngestError, read_inputs
from claimtrack.models import Article, LedgerEvent
from claimtrack.schema import generate_ledger, load_ledger
from claimtrack.store import Ledger

runner = CliRunner()


def _flat(text: str) -> str:
    """Rich's error box drawn away: the words only, one space apart."""
    return " ".join(text.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())


@pytest.fixture()
def db(corpus_db: str, tmp_path: Path) -> str:
    """A private copy of the corpus ledger (corrections write to it)."""
    path = tmp_path / "ledger.db"
    for suffix in ("", "-wal", "-shm"):  # WAL mode: recent writes live beside the main file
        if Path(corpus_db + suffix).exists():
            shutil.copy(corpus_db + suffix, str(path) + suffix)
    return str(path)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2025-13-45"], "not a calendar date"),
        (["--since", "yesterday"], "not a date"),
        (["--until", "2025-02-30"], "not a calendar date"),
        (["--country", "ZZZ"], "not an ISO 3166-1 country code"),
        (["--country", "Ukraine"], "not an ISO 3166-1 country code"),
        (["--type", "missle_strike"], "did you mean missile_strike"),
        (["--status", "foo"], "foo"),
        (["--limit", "0"], "--limit"),
        (["--since", "2025-05-01", "--until", "2025-04-01"], "is after --until"),
        (["--format", "xml"], "xml"),
    ],
)
@pytest.mark.parametrize("command", ["events", "export", "report"])
def test_bad_filter_values_are_usage_errors(db: str, command: str, args: list[str], message: str) -> None:
    res = runner.invoke(app, [command, "--db", db, *args])
    assert res.exit_code == 2, (command, args, res.output)
    assert message in _flat(res.stderr), res.stderr
    assert res.stdout == ""


def test_alpha3_country_is_read_as_its_alpha2(db: str) -> None:
    by3 = runner.invoke(app, ["events", "--db", db, "--country", "UKR", "-f", "jsonl"])
    by2 = runner.invoke(app, ["events", "--db", db, "--country", "ua", "-f", "jsonl"])
    assert by3.exit_code == 0 and by3.stdout == by2.stdout and by3.stdout.count("\n") > 0


def test_filters_limit_and_status_agree_across_commands(db: str) -> None:
    listed = [json.loads(x) for x in runner.invoke(app, ["events", "--db", db, "-f", "jsonl"]).stdout.splitlines()]
    confirmed = runner.invoke(app, ["events", "--db", db, "-f", "jsonl", "--status", "confirmed"]).stdout
    assert [json.loads(x)["id"] for x in confirmed.splitlines()] == [
        e["id"] for e in listed if e["status"] == "confirmed"
    ]
    two = runner.invoke(app, ["export", "--db", db, "-f", "jsonl", "--limit", "2"])
    assert [json.loads(x)["id"] for x in two.stdout.splitlines()] == [e["id"] for e in listed[:2]]
    typed = runner.invoke(app, ["export", "--db", db, "-f", "jsonl", "--type", "missile_strike"]).stdout
    assert {json.loads(x)["type"] for x in typed.splitlines()} == {"missile_strike"}


def test_report_lists_undated_events_apart_and_takes_until_type_status(db: str) -> None:
    from tests.hostile import document

    ledger = Ledger(db)
    ledger.add(document("undated-1", "Shelling damaged a school in the hill village, the mayor said.", dated=False))
    events = list(ledger.events())
    undated = [e for e in events if e.date is None]
    assert undated
    res = runner.invoke(app, ["report", "--db", db, "--since", "2025-04-01"])
    assert res.exit_code == 0
    assert "## Undated" in res.stdout and undated[0].id in res.stdout.split("## Undated")[1]
    res = runner.invoke(app, ["report", "--db", db, "--until", "2025-03-31", "--status", "confirmed"])
    assert res.exit_code == 0 and "until 2025-03-31" in res.stdout
    for e in events:
        if e.date and e.date.value > "2025-03-31":
            assert e.id not in res.stdout


def test_db_from_the_environment(db: str) -> None:
    res = runner.invoke(app, ["events", "-f", "jsonl"], env={"CLAIMTRACK_DB": db})
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == len(list(Ledger(db).events()))


def test_version_and_help_defaults() -> None:
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.startswith("claimtrack ")
    help_text = " ".join(runner.invoke(app, ["events", "--help"], env={"COLUMNS": "200"}).stdout.split())
    assert "[default: table]" in help_text and "./claimtrack.db" in help_text and "CLAIMTRACK_DB" in help_text


def test_closed_pipe_exits_quietly(db: str) -> None:
    code = "from claimtrack.cli import main; main()"
    cmd = f"set -o pipefail; {sys.executable} -c '{code}' events --db {db} -f jsonl | head -c 10"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, env=os.environ, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_typed_ledger_events_follow_the_committed_schema(db: str) -> None:
    assert load_ledger() == generate_ledger(), "run `python -m claimtrack.schema`"
    events = list(Ledger(db).events())
    assert events and all(isinstance(e, LedgerEvent) for e in events)
    schema = load_ledger()
    for line in runner.invoke(app, ["events", "--db", db, "-f", "jsonl"]).stdout.splitlines():
        jsonschema.validate(json.loads(line), schema)
    report = events[0].reports[0]
    assert {"url", "title", "published", "publisher"} <= set(report.model_dump())


def test_provenance_is_queryable_in_sql(db: str) -> None:
    ledger = Ledger(db)
    events = {e.id: e for e in ledger.events()}
    with ledger.engine.connect() as conn:
        rows = conn.execute(sa.text("select ledger_id, status, independent_sources from ledger_events")).all()
        assert {r[0]: (r[1], r[2]) for r in rows} == {k: (e.status, e.independent_sources) for k, e in events.items()}
        figures = conn.execute(sa.text("select ledger_id, role, value, source from ledger_figures")).all()
    expected = {(k, role, f.value, f.source) for k, e in events.items() for role, fs in e.figures.items() for f in fs}
    assert figures and set(figures) == expected


def test_corrections_list_and_undo(db: str) -> None:
    ledger = Ledger(db)
    events = list(ledger.events())
    before = sorted(e.id for e in events)
    big = next(e for e in events if len(e.reports) >= 2)
    out = big.reports[0].article_id
    res = runner.invoke(app, ["split", big.id[:9], "-r", out, "--db", db, "--note", "two different nights"])
    assert res.exit_code == 0, res.output  # an id prefix is accepted, as `show` accepts it
    assert len(list(ledger.events())) == len(before) + 1
    listed = runner.invoke(app, ["corrections", "--db", db, "-f", "jsonl"])
    corrs = [json.loads(x) for x in listed.stdout.splitlines()]  # one cannot-link per pair of reports split apart
    assert corrs and all(c["kind"] == "split" and c["note"] == "two different nights" for c in corrs)
    table = runner.invoke(app, ["corrections", "--db", db])
    assert f"{len(corrs)} correction(s)" in table.stdout
    for corr in corrs:
        res = runner.invoke(app, ["corrections", "--db", db, "--undo", str(corr["id"])])
        assert res.exit_code == 0 and "undid split" in res.stderr, res.output
    assert sorted(e.id for e in ledger.events()) == before
    assert runner.invoke(app, ["corrections", "--db", db, "--undo", "999"]).exit_code == 1


# -- ingest: published dates, feeds, languages ---------------------------------------------------------------

BODY = "Artillery fire hit a grain store outside the river town on Monday, the district council said."


def _read(tmp_path: Path, name: str, content: str) -> list[Article | IngestError]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return list(read_inputs([str(path)]))


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2025-03-10", "2025-03-10"),
        ("2025-03-10T08:15:00Z", "2025-03-10"),
        ("2025-03-10T23:40:00-05:00", "2025-03-10"),  # the writer's own day, not UTC's
        ("2025-03-10 08:15:00", "2025-03-10"),
        ("Mon, 10 Mar 2025 08:15:00 GMT", "2025-03-10"),
        ("Mon, 10 Mar 2025 08:15:00 +0300", "2025-03-10"),
    ],
)
def test_published_in_common_formats(tmp_path: Path, published: str, day: str) -> None:
    (art,) = _read(tmp_path, "a.jsonl", json.dumps({"id": "x", "text": BODY, "published": published}))
    assert isinstance(art, Article) and art.published == day and art.published_date() is not None


@pytest.mark.parametrize(
    ("published", "problem"),
    [
        ("last Monday", "unreadable date 'last Monday'; write ISO 8601"),
        ("10/03/2025", "unreadable date '10/03/2025'; write ISO 8601"),
        ("Mon, 10 Ma", "or RFC 822"),
        ("2025-13-45", "impossible date '2025-13-45'"),
    ],
)
def test_unreadable_published_is_an_error(tmp_path: Path, published: str, problem: str) -> None:
    good = {"id": "ok", "text": BODY}
    lines = [json.dumps({"id": "x", "text": BODY, "published": published}), json.dumps(good)]
    bad, ok = _read(tmp_path, "a.jsonl", "\n".join(lines))
    assert isinstance(bad, IngestError) and bad.problem.startswith("field 'published': ") and problem in bad.problem
    assert bad.where.endswith("a.jsonl:1") and isinstance(ok, Article)


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Our test wire</title>
<item><title>Grain store hit</title><description>{BODY}</description></item></channel></rss>
"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Our test wire</title>
<entry><title>Grain store hit</title><content>{BODY}</content></entry></feed>
"""


@pytest.mark.parametrize(("name", "content"), [("wire.xml", RSS), ("wire.txt", RSS), ("wire.atom", ATOM)])
def test_feed_given_as_plain_input_gives_its_entries_not_its_tags(tmp_path: Path, name: str, content: str) -> None:
    (item,) = _read(tmp_path, name, content)
    assert isinstance(item, Article) and "<" not in item.text and item.title == "Grain store hit"


def test_feed_on_the_command_line_points_to_the_feed_command(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(path)])
    assert res.exit_code == 0 and "wire.rss: a feed" in res.stderr and "claimtrack feed" in res.stderr
    assert '"Grain store hit"' in res.stdout and "<item>" not in res.stdout
    # near-miss: a plain article gets no such note
    plain = tmp_path / "note.txt"
    plain.write_text(BODY, encoding="utf-8")
    assert "claimtrack feed" not in runner.invoke(app, ["extract", str(plain)]).stderr


def test_broken_feed_on_the_command_line_exits_1_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS.replace("</channel>", ""), encoding="utf-8")
    res = runner.invoke(app, ["extract", str(path)])
    assert res.exit_code == 1 and "wire.rss" in res.stderr and res.stdout == ""


def test_html_page_mentioning_a_feed_is_not_a_feed(tmp_path: Path) -> None:
    page = f"<html><body><p>Subscribe to our &lt;rss&gt; feed.</p><p>{BODY}</p></body></html>"
    (item,) = _read(tmp_path, "page.html", page)
    assert not (isinstance(item, IngestError) and "feed" in item.problem)


# Our own Ukrainian sentences (a short news item about a night strike on a warehouse).
UKRAINIAN = (
    "Уночі по складу на околиці міста влучила ракета. Пожежу загасили до ранку, "
    "постраждалих немає, повідомили в обласній адміністрації. Рятувальники працюють на місці."
)


# Our own French sentence: Latin script, so only the detector tells it from English.
FRENCH = (
    "Un entrepôt de céréales a été touché par des tirs d'artillerie près de la ville, "
    "selon le conseil du district, qui ne signale aucune victime pour le moment."
)


def test_language_detection() -> None:
    from claimtrack.ingest.language import not_english, plainly_english

    assert plainly_english("The army said that it had hit the bridge and the road, and that no one was hurt.")
    assert plainly_english("He told us there was no power in the city for most of the night.")
    assert not plainly_english(FRENCH) and not plainly_english(UKRAINIAN)  # near misses go to the detector
    assert not_english(FRENCH) == "fr"
    assert not_english(UKRAINIAN) == "uk"
    assert not_english(BODY) is None
    assert not_english("Київ.") is None  # too short to judge


def test_ukrainian_article_is_named_counted_and_exits_1(tmp_path: Path, nlp) -> None:
    (tmp_path / "uk.txt").write_text(UKRAINIAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(BODY, encoding="utf-8")
    res = runner.invoke(app, ["extract", str(tmp_path / "uk.txt"), str(tmp_path / "en.txt")])
    assert res.exit_code == 1
    err = " ".join(res.stderr.split())
    assert "uk.txt: the text is in Ukrainian (uk)" in err and "1 article(s) left out: not in English" in err
    (doc,) = [json.loads(x) for x in res.stdout.splitlines()]  # the English article is still extracted
    assert doc["id"].endswith("en.txt")


def test_undoing_a_merge_restores_the_events_and_split_after_merge_works(db: str) -> None:
    ledger = Ledger(db)
    before = sorted(e.id for e in ledger.events())
    a, b = before[:2]
    merged = ledger.merge(a, b, note="one night")
    assert len(list(ledger.events())) == len(before) - 1
    for corr in ledger.overrides():
        ledger.undo(corr["id"])
    assert sorted(e.id for e in ledger.events()) == before and ledger.overrides() == []
    merged = ledger.merge(a, b)
    parts = ledger.split(merged)  # every report on its own: used to fail on a duplicate ledger id
    assert len(parts) >= 2 and merged in parts
