"""Extraction on a real (local) Dask cluster gives what the single process gives, in order."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from tests.conftest import ROOT

distributed = pytest.importorskip("distributed", reason="the distributed extra is not installed")


@pytest.mark.slow
def test_cluster_run_matches_local_run(nlp) -> None:
    paths = sorted(str(p) for p in (ROOT / "examples").iterdir() if p.is_file())
    runner = CliRunner()
    local = runner.invoke(app, ["extract", *paths])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
        remote = runner.invoke(app, ["extract", *paths, "--scheduler", cl.scheduler_address])
    assert local.exit_code == remote.exit_code == 0, remote.stderr
    assert [json.loads(x) for x in remote.stdout.splitlines()] == [json.loads(x) for x in local.stdout.splitlines()]
    assert len(remote.stdout.splitlines()) == 9
