"""The example notebook: stored clean, and it runs on a fresh output showing that output's data."""

from __future__ import annotations

import html
import os
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import nbformat
import pytest

from pipeline.frames import read_csv_table
from pipeline.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
KERNEL = "python3"
#: argv[0] values that jupyter_client replaces by the running interpreter (sys.executable).
SAME_PYTHON = {"python", f"python{sys.version_info[0]}", "python%i.%i" % sys.version_info[:2]}


def read_table(out_dir: Path, name: str):
    """One table of a run, read from its CSV (not through the notebook's loader path)."""
    return read_csv_table(out_dir / TABLES[name].filename, TABLES[name])


def cell_text(cell) -> str:
    """Everything a cell showed as text: streams, plain text and (unescaped) HTML."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif "data" in output:
            parts.append(output.data.get("text/plain", ""))
            parts.append(html.unescape(output.data.get("text/html", "")))
    return "\n".join(parts)


def has_image(cell) -> bool:
    """The cell displayed a PNG figure."""
    return any("image/png" in output.get("data", {}) for output in cell.get("outputs", []))


@pytest.fixture
def venv_kernel(tmp_path, monkeypatch):
    """Name of a kernel that runs this interpreter (the venv's python).

    The venv's ``share/jupyter/kernels/python3`` (installed with ipykernel) says
    ``python``, which jupyter_client replaces by ``sys.executable``. When the spec is
    missing or names another interpreter, a private one is written for this test and put
    first on ``JUPYTER_PATH``.
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        argv0 = KernelSpecManager().get_kernel_spec(KERNEL).argv[0]
    except NoSuchKernel:
        argv0 = None
    if argv0 not in SAME_PYTHON | {sys.executable}:
        from ipykernel.kernelspec import write_kernel_spec

        data_dir = tmp_path / "jupyter"
        write_kernel_spec(data_dir / "kernels" / KERNEL)  # argv[0] = sys.executable
        monkeypatch.setenv("JUPYTER_PATH", os.pathsep.join(
            [str(data_dir), *filter(None, [os.environ.get("JUPYTER_PATH")])]))
    return KERNEL


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert "PIPELINE_OUTPUT_DIR" in code[0].source


@pytest.mark.slow
def test_notebook_runs_on_the_seeds_output(seeds_run, venv_kernel, monkeypatch):
    import nbclient

    _, out_dir = seeds_run
    monkeypatch.setenv("PIPELINE_OUTPUT_DIR", str(out_dir))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name=venv_kernel,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, with the cell's traceback, if a cell fails
    cells = {cell.id: cell for cell in nb.cells}

    # The notebook read this run's folder, not the default ../data/out.
    assert str(Path(out_dir).resolve()) in cell_text(cells["parameters"])

    # Most mentioned: the top entity of entities.csv (any of them on a tie), and a chart.
    entities = read_table(out_dir, "entities")
    top = entities[entities["n_mentions"] == entities["n_mentions"].max()]
    shown = cell_text(cells["most-mentioned"])
    assert any(name in shown for name in top["name"])
    assert has_image(cells["most-mentioned-chart"])

    # Most quoted: the speaker with most quotations, and what they said.
    quotes = read_table(out_dir, "quotes")
    counts = quotes["speaker_entity_id"].value_counts()
    name_of = dict(zip(entities["entity_id"], entities["name"]))
    top_speakers = [name_of[i] for i in counts[counts == counts.max()].index]
    assert any(name in cell_text(cells["top-speakers"]) for name in top_speakers)
    said = cell_text(cells["quotations"])
    speaker = next(name for name in top_speakers if f"== {name}" in said)
    own = quotes[(quotes["speaker_name"] == speaker) & quotes["duplicate_of"].isna()]
    assert any(" ".join(text.split()[:4]) in said for text in own["text"])

    # Timeline: a full date a relation is anchored to is listed; references are skipped.
    relations = read_table(out_dir, "relations")
    days = relations["date_value"].dropna()
    days = days[days.str.fullmatch(r"\d{4}-\d{2}-\d{2}")]
    timeline = cell_text(cells["timeline-table"])
    assert len(days) and any(day in timeline for day in days)
    assert not any(ref in timeline for ref in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"))
    assert has_image(cells["timeline-chart"])

    # Co-occurrence: a pair of entities sharing the most sentences is in the top pairs.
    mentions = read_table(out_dir, "mentions").dropna(subset=["entity_id"])
    by_sentence = defaultdict(set)
    for sentence_id, entity_id in zip(mentions["sentence_id"], mentions["entity_id"]):
        by_sentence[sentence_id].add(entity_id)
    pairs = Counter(pair for ids in by_sentence.values() for pair in combinations(sorted(ids), 2))
    most = max(pairs.values())
    shown = cell_text(cells["cooccurrence"])
    assert any(name_of[a] in shown and name_of[b] in shown
               for (a, b), n in pairs.items() if n == most)
