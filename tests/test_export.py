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
from tests.conftest import as_dicts

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def db(corpus_db: str) -> str:
    return corpus_db


@pytest.fixture(scope="module")
def events(db: str) -> list[dict]:  # type: ignore[type-arg]
    return list(as_dicts(Ledger(db).events()))


def test_formats() -> None:
    assert {"jsonl", "csv", "acled-csv", "geojson", "parquet"} <= FORMATS.keys()


# ACLED's published column list (codebook, 2023 column set), written out here from the codebook and not from
# our code, so a change to the writer's list cannot silently pass.
ACLED_CODEBOOK = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 "
    "inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 "
    "location latitude longitude geo_precision source source_scale notes fatalities tags timestamp"
).split()


def test_acled_csv_has_the_codebook_columns_in_order_and_acled_values(events: list[dict]) -> None:  # type: ignore[type-arg]
    buf = io.StringIO()
    n = export(events, "acled-csv", buf)
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    assert len(ACLED_CODEBOOK) == 31 and list(df.columns[:31]) == ACLED_CODEBOOK
    assert 0 < n == len(df) < len(events)  # events ACLED would not code (no day/month date) are left out
    assert df["event_date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert set(df["time_precision"]) <= {1, 2, 3} and df["year"].dtype.kind == "i"
    assert df["fatalities"].dtype.kind == "i" and (df["fatalities"] >= 0).all()  # 0, never blank
    assert df["inter1"].dtype.kind == "i" and df["interaction"].dtype.kind == "i"
    assert set(df["geo_precision"]) <= {1, 2, 3}
    row = df[df["country"] == "Russia"].iloc[0]
    assert row["iso"] == 643 and row["region"] == "Europe"  # ACLED's numeric code and region
    assert set(df["country"]) <= {"Russia", "Ukraine"}  # ACLED's names, not "Russian Federation"
    assert not df["admin1"].fillna("").str.contains("Oblast").any()  # ACLED writes "Odesa", not "Odesa Oblast"
    assert df["event_id_cnty"].str.fullmatch(r"[A-Z]{3}[0-9a-f]+").all()
    assert df["notes"].str.match(r"^(On \d{1,2} \w+ \d{4}|In \w+ \d{4}), .*\.$").all()
    kharkiv = df[df["sources"].fillna("").str.contains("Oleh Syniehubov")].iloc[0]
    assert kharkiv["independent_sources"] == 3 and "killed" in kharkiv["contradictions"]
    assert "Oleh Syniehubov" in kharkiv["notes"] and kharkiv["interaction"] in (10, 11, 17)


def test_plain_csv_has_the_flat_columns(events: list[dict]) -> None:  # type: ignore[type-arg]
    from claimtrack.export.writers import FLAT_COLUMNS

    buf = io.StringIO()
    export(events, "csv", buf)
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    assert len(df) == len(events) and list(df.columns) == FLAT_COLUMNS
    assert set(df["country_code"].dropna()) <= {"RU", "UA", "BY"}  # ISO alpha-2 here, ACLED names in acled-csv
    assert (pd.to_datetime(df["date_start"]) <= pd.to_datetime(df["date_end"])).all()


def test_geojson_opens_in_geopandas(events: list[dict], tmp_path: Path) -> None:  # type: ignore[type-arg]
    gpd = pytest.importorskip("geopandas")
    path = tmp_path / "events.geojson"
    with path.open("w", encoding="utf-8") as fh:
        n = export(events, "geojson", fh)
    gdf = gpd.read_file(path)
    located = sum(1 for e in events if (e.get("location") or {}).get("lat") is not None)
    assert len(gdf) == n == located < len(events)  # located only, by default
    assert set(gdf.geometry.geom_type) == {"Point"}
    odesa = gdf[gdf["location"] == "Odesa"].iloc[0]
    assert odesa.geometry.x == pytest.approx(30.73) and odesa.geometry.y == pytest.approx(46.48)
    assert odesa["date_start"] <= odesa["date_end"]
    every = tmp_path / "all.geojson"
    with every.open("w", encoding="utf-8") as fh:
        assert export(events, "geojson", fh, include_unlocated=True) == len(events)


def test_parquet_has_date_list_and_struct_columns(events: list[dict], tmp_path: Path) -> None:  # type: ignore[type-arg]
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    with path.open("wb") as fh:
        export(events, "parquet", fh)
    schema = pq.read_schema(path)
    assert schema.field("date_start").type == pa.date32()
    assert schema.field("sources").type == pa.list_(pa.string())
    assert pa.types.is_struct(schema.field("figures").type.value_type)
    df = pd.read_parquet(path)
    assert len(df) == len(events)
    assert df["independent_sources"].dtype.kind == "i"
    disputed = df[df["status"] == "disputed"]["figures"].iloc[0]
    assert {f["role"] for f in disputed} and all(isinstance(f["value"], int) for f in disputed)


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
