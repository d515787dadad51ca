"""Regression tests for the red-team findings of issue 16: each bad input costs only itself, no input
hangs or exhausts a run, and each document's analysis is bounded by its budget."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.ingest import IngestError, read_inputs
from claimtrack.ingest.meta import published_day
from claimtrack.models import Article
from claimtrack.nlp import Budget, analyse
from claimtrack.store import Ledger
from tests.conftest import ROOT

runner = CliRunner()
GOOD = "Artillery struck the village of Vovchansk on Tuesday, the regional governor said on his channel.\n"


def _read(paths: list[str], **kw: int) -> tuple[list[Article], list[IngestError]]:
    items = list(read_inputs(paths, **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def _jsonl(path: Path, records: list[dict]) -> None:  # type: ignore[type-arg]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


# -- JSONL records of the wrong shape -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("publisher", 1, "field 'publisher' must be a string, not a number"),
        ("publisher", {"name": "x"}, "field 'publisher' must be a string, not an object"),
        ("url", 42, "field 'url' must be a string, not a number"),
        ("url", ["https://a.example"], "field 'url' must be a string, not an array"),
        ("via", 3, "field 'via' must be a string or a list of strings, not a number"),
        ("via", ["Reuters", 5], "field 'via' must be a string or a list of strings, not a list holding a number"),
        ("title", True, "field 'title' must be a string, not a boolean"),
        ("id", {"k": 1}, "field 'id' must be a string or an integer, not an object"),
        ("text", 7, "field 'text' must be a string, not a number"),
        ("published", "2024-13-45", "field 'published': impossible date '2024-13-45'"),
        ("published", "2023-02-29", "field 'published': impossible date '2023-02-29'"),
        ("published", 20240101, "field 'published' must be a string, not a number"),
    ],
)
def test_wrong_typed_field_is_a_named_error_and_the_next_record_is_read(
    tmp_path: Path, field: str, value: object, problem: str
) -> None:
    p = tmp_path / "recs.jsonl"
    _jsonl(p, [{"id": "bad", "text": GOOD, field: value}, {"id": "good", "text": GOOD}])
    arts, errors = _read([str(p)])
    assert [a.id for a in arts] == ["good"]
    assert [(e.where, e.problem) for e in errors] == [(f"{p}:1", problem)]


def test_via_as_one_string_is_one_outlet(tmp_path: Path) -> None:
    p = tmp_path / "recs.jsonl"
    _jsonl(p, [{"id": "a", "text": GOOD, "via": "Reuters"}, {"id": "b", "text": GOOD, "via": ["AFP", "dpa"]}])
    arts, errors = _read([str(p)])
    assert not errors
    assert [a.via for a in arts] == [["Reuters"], ["AFP", "dpa"]]


def test_published_day_keeps_real_days_and_refuses_impossible_ones() -> None:
    assert published_day("2024-02-29") == "2024-02-29"
    assert published_day("2024-05-01T10:30:00Z") == "2024-05-01"
    for bad in ("2024-13-45", "2025-00-10", "2025-04-31"):
        with pytest.raises(ValueError, match="impossible date"):
            published_day(bad)


# -- text that no store or parser can hold ----------------------------------------------------------------


def test_lone_surrogates_nuls_and_controls_are_replaced_one_for_one(tmp_path: Path) -> None:
    text = "Drones hit\ud800 the depot\x00 at night\x07, officials said.\ufffe"
    p = tmp_path / "recs.jsonl"
    p.write_text(json.dumps({"id": "s", "text": text}) + "\n", encoding="utf-8")  # json escapes the surrogate
    (art,), errors = _read([str(p)])
    assert not errors
    assert len(art.text) == len(text)
    assert art.text == "Drones hit\ufffd the depot  at night , officials said.\ufffd"
    art.text.encode("utf-8")  # storable: no lone surrogate left


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    for name, codec in (("le.txt", "utf-16"), ("be.txt", "utf-16-be")):
        raw = GOOD.encode(codec)
        (tmp_path / name).write_bytes(raw if codec == "utf-16" else b"\xfe\xff" + raw)
    arts, errors = _read([str(tmp_path / "le.txt"), str(tmp_path / "be.txt")])
    assert not errors
    assert [a.text for a in arts] == [GOOD.strip()] * 2


def test_latin1_and_cp1252_files_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Shelling near the café in Kupiansk was reported on Monday.".encode("latin-1"))
    (tmp_path / "b.txt").write_bytes("The mayor said: “two houses burned” – residents fled.".encode("cp1252"))
    arts, errors = _read([str(tmp_path)])
    assert not errors
    assert "café" in arts[0].text and "“two houses burned” –" in arts[1].text


# -- files that are not files ---------------------------------------------------------------------------


def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "z.txt").write_text(GOOD, "utf-8")
    out: list[tuple[list[Article], list[IngestError]]] = []
    reader = threading.Thread(target=lambda: out.append(_read([str(tmp_path)])), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert out, "reading a folder holding a FIFO must not block"
    arts, errors = out[0]
    assert [(e.where, e.problem) for e in errors] == [(str(fifo), "not a regular file: a named pipe (FIFO)")]
    assert len(arts) == 1


def test_devices_are_refused() -> None:
    arts, errors = _read(["/dev/zero", "/dev/null"])
    assert not arts
    assert [e.problem for e in errors] == ["not a regular file: a character device"] * 2


def test_byte_cap_does_not_trust_the_reported_size() -> None:
    status = Path("/proc/self/status")
    if not status.exists() or status.stat().st_size != 0:
        pytest.skip("needs a Linux /proc file that reports size 0")
    arts, errors = _read([str(status)], max_bytes=64)
    assert not arts and "file too large" in errors[0].problem


def test_unreadable_folder_is_reported(tmp_path: Path) -> None:
    base = Path(os.environ.get("TMPDIR", "/tmp")) / f"ct-unreadable-{os.getpid()}"
    shutil.rmtree(base, ignore_errors=True)
    (base / "locked").mkdir(parents=True)
    (base / "locked" / "hidden.txt").write_text(GOOD, "utf-8")
    (base / "open.txt").write_text(GOOD, "utf-8")
    os.chmod(base, 0o755)
    os.chmod(base / "open.txt", 0o644)
    os.chmod(base / "locked", 0o000)
    code = (
        "import sys; from claimtrack.ingest import read_inputs, IngestError\n"
        "for i in read_inputs([sys.argv[1]]): print(('E ' + str(i)) if isinstance(i, IngestError) else 'A ' + i.id)"
    )
    cmd = [sys.executable, "-c", code, str(base)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if os.geteuid() == 0:  # root reads every folder: check as an unprivileged user
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = [*drop, sys.executable, "-c", "import claimtrack.ingest"]
        if not shutil.which("setpriv") or subprocess.run(probe, capture_output=True, env=env).returncode:
            os.chmod(base / "locked", 0o755)
            shutil.rmtree(base, ignore_errors=True)
            pytest.skip("running as root, and no unprivileged user can run this checkout's Python")
        cmd = [*drop, *cmd]
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env)
    finally:
        os.chmod(base / "locked", 0o755)
        shutil.rmtree(base, ignore_errors=True)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert f"E {base / 'locked'}: cannot read folder: Permission denied" in lines
    assert f"A {base / 'open.txt'}" in lines


# -- the whole batch: every bad input named, every good one stored ---------------------------------------


def test_bad_inputs_in_a_batch_cost_only_themselves(tmp_path: Path, nlp) -> None:
    batch = tmp_path / "in"
    shutil.copytree(ROOT / "examples", batch)
    recs = batch / "99_odd_records.jsonl"
    _jsonl(
        recs,
        [
            {"id": "pub-number", "text": GOOD, "publisher": 1},
            {"id": "url-object", "text": GOOD, "url": {"href": "x"}},
            {"id": "via-number", "text": GOOD, "via": 3},
            {"id": "bad-day", "text": GOOD, "published": "2024-13-45"},
            {"id": "surrogate", "text": "Rockets hit\ud800 a school in Kramatorsk on Friday, police said."},
            {"id": "one-via", "text": "Shells fell on Nikopol overnight, the mayor said.", "via": "Reuters"},
        ],
    )
    (batch / "utf16.txt").write_bytes("Drones attacked the port of Izmail on Sunday, officials said.".encode("utf-16"))
    (batch / "latin1.txt").write_bytes("A strike on a café in Sumy wounded three people.".encode("latin-1"))
    db = str(tmp_path / "ledger.db")
    res = runner.invoke(app, ["ingest", str(batch), "--db", db])
    assert res.exit_code == 1
    for line, problem in (
        (1, "field 'publisher' must be a string, not a number"),
        (2, "field 'url' must be a string, not an object"),
        (3, "field 'via' must be a string or a list of strings, not a number"),
        (4, "field 'published': impossible date '2024-13-45'"),
    ):
        assert f"{recs}:{line}: {problem}" in " ".join(res.stderr.split())
    # 13 from the files and records, 5 from the entries of examples/feeds/desk.rss
    assert "18 article(s) added, 0 already in the ledger, 4 error(s)" in res.stderr
    counts = Ledger(db, read_only=True).counts()
    assert counts["articles"] == 18


# -- bounded cost of every document -----------------------------------------------------------------------


def test_punctuation_run_extracts_quickly(nlp) -> None:
    started = time.monotonic()
    ((res),) = list(analyse([Article(id="p", text="(" * 200_000)]))
    assert not isinstance(res, IngestError)
    assert time.monotonic() - started < 10
    assert res.article.text == "(" * 200_000


def test_mention_budget_cuts_at_a_sentence_and_warns(nlp) -> None:
    towns = ["Kharkiv", "Odesa", "Dnipro", "Poltava", "Sumy", "Chernihiv", "Zhytomyr", "Vinnytsia"]
    text = " ".join(f"Officials in {t} reported a drone attack on {t} on Monday." for t in towns * 5)
    (res,) = list(analyse([Article(id="m", text=text)], budget=Budget(mentions=12)))
    assert not isinstance(res, IngestError)
    assert res.warnings and res.warnings[0].startswith("mention budget (12 named entities")
    analysed = int(res.warnings[0].split("only the first ")[1].split(" of")[0].replace(",", ""))
    assert 0 < analysed < len(text) and text[analysed - 1] in ". "
    assert res.places and all(p.span[1] <= analysed for p in res.places)


def test_time_budget_returns_partial_results_with_a_warning(nlp) -> None:
    text = " ".join(
        f"On day {i} the governor of Kherson said that shelling damaged {i} houses in Beryslav." for i in range(150)
    )
    started = time.monotonic()
    (res,) = list(analyse([Article(id="t", text=text)], budget=Budget(seconds=0.05)))
    assert not isinstance(res, IngestError)
    assert time.monotonic() - started < 5
    assert any(w.startswith("time budget (0.05 s) ran out") for w in res.warnings)


def test_text_beyond_the_models_limit_is_analysed_in_sections(nlp) -> None:
    sentence = "Air defence units shot down a drone over Lviv on Wednesday, the regional administration said. "
    text = sentence * (1_100_000 // len(sentence) + 1)
    assert len(text) > nlp.max_length
    (res,) = list(analyse([Article(id="big", text=text)], budget=Budget(seconds=4)))
    assert not isinstance(res, IngestError)
    assert res.article.text == text
    assert res.warnings and "characters were analysed" in res.warnings[0]
    assert res.places and res.places[0].name == "Lviv"


@pytest.mark.slow
def test_a_nearly_10_mb_text_is_read_and_bounded_by_its_budget(tmp_path: Path, nlp) -> None:
    sentence = "Two missiles struck an energy facility near Kryvyi Rih on Thursday, the governor said.\n"
    big = tmp_path / "big.txt"
    big.write_text(sentence * (9_900_000 // len(sentence)), encoding="utf-8")
    started = time.monotonic()
    res = runner.invoke(app, ["extract", str(big), "--budget", "5"])
    assert res.exit_code == 0, res.stderr
    assert time.monotonic() - started < 60
    (doc,) = [json.loads(x) for x in res.stdout.splitlines()]
    # bounded by whichever budget it meets first: the entities of its first sections, or the 5 seconds
    assert any("time budget (5 s)" in w or "mention budget" in w for w in doc["warnings"])
    assert "warning:" in res.stderr
