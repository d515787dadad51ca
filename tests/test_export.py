"""Exports of the ledger open in pandas and geopandas."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.export import FORMATS, export
from claimtrack.store import Ledger

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def db(corpus_db: str) -> str:
    return corpus_db


@pytest.fixture(scope="module")
def events(db: str) -> list[dict]:  # type: ignore[type-arg]
    return list(Ledger(db).events())


def test_formats() -> None:
    assert {"jsonl", "csv", "acled-csv", "geojson", "parquet"} <= FORMATS.keys()


def test_acled_csv_opens_in_pandas(events: list[dict]) -> None:  # type: ignore[type-arg]
    buf = io.StringIO()
    assert export(events, "acled-csv", buf) == len(events)
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    for col in (
        "event_id_cnty",
        "event_date",
        "event_type",
        "sub_event_type",
        "country",
        "iso",
        "admin1",
        "latitude",
        "longitude",
        "fatalities",
        "sources",
        "independent_sources",
        "status",
    ):
        assert col in df.columns
    row = df[df["status"] == "denied"].iloc[0]
    assert row["country"] == "Belarus" and row["iso"] == 112
    assert set(df["status"]) == {"confirmed", "claimed", "disputed", "denied"}
    kharkiv = df[df["sources"].fillna("").str.contains("Oleh Syniehubov")].iloc[0]
    assert kharkiv["independent_sources"] == 3 and "killed" in kharkiv["contradictions"]


def test_plain_csv_still_works(events: list[dict]) -> None:  # type: ignore[type-arg]
    buf = io.StringIO()
    export(events, "csv", buf)
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    assert len(df) == len(events) and "independent_sources" in df.columns


def test_geojson_opens_in_geopandas(events: list[dict], tmp_path: Path) -> None:  # type: ignore[type-arg]
    gpd = pytest.importorskip("geopandas")
    path = tmp_path / "events.geojson"
    with path.open("w", encoding="utf-8") as fh:
        export(events, "geojson", fh)
    gdf = gpd.read_file(path)
    assert len(gdf) == len(events)
    located = gdf[~gdf.geometry.isna()]
    assert len(located) == sum(1 for e in events if (e.get("location") or {}).get("lat") is not None)
    assert set(located.geometry.geom_type) == {"Point"}
    odesa = located[located["location"] == "Odesa"].iloc[0]
    assert odesa.geometry.x == pytest.approx(30.73) and odesa.geometry.y == pytest.approx(46.48)


def test_parquet_opens_in_pandas(events: list[dict], tmp_path: Path) -> None:  # type: ignore[type-arg]
    path = tmp_path / "events.parquet"
    with path.open("wb") as fh:
        export(events, "parquet", fh)
    df = pd.read_parquet(path)
    assert len(df) == len(events)
    assert df["independent_sources"].dtype.kind == "i"
    figures = json.loads(df[df["status"] == "disputed"]["figures_json"].iloc[0])
    assert isinstance(figures, dict)


def test_cli_export_every_format(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt, name in (("acled-csv", "e.csv"), ("geojson", "e.geojson"), ("jsonl", "e.jsonl"), ("parquet", "e.pq")):
        out = tmp_path / name
        res = runner.invoke(app, ["export", "--format", fmt, "--db", db, "-o", str(out)])
        assert res.exit_code == 0, res.output
        assert out.stat().st_size > 100
    first = json.loads((tmp_path / "e.jsonl").read_text().splitlines()[0])
    assert {"reports", "sources", "independent_sources", "figures", "status", "contradictions"} <= first.keys()
    assert runner.invoke(app, ["export", "--format", "xml", "--db", db]).exit_code == 2
