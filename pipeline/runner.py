"""Run every stage of ``dvc.yaml`` in order on any folder, in one process.

The same stage functions as the DVC stages, called with the same parameters, so a
folder processed with ``python -m pipeline run`` gives the same tables as ``dvc repro``.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.stages import dates, entities, publish, quotes, relations, tokenise

log = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What a whole run did: the summary line and the seconds spent in each stage."""

    line: str = ""
    timings: dict[str, float] = field(default_factory=dict)


def run_all(
    input_dir: Path,
    out_dir: Path,
    *,
    params: dict[str, Any],
    metadata_path: Path | None = None,
    n_process: int | None = None,
    work_dir: Path | None = None,
    progress: bool = True,
) -> RunReport:
    """Run the whole pipeline; return the summary line and per-stage seconds.

    Args:
        input_dir (Path): folder of ``*.txt`` articles (and optional metadata.csv).
        out_dir (Path): folder for the tables.
        params (dict): parameters by stage, as in params.yaml.
        metadata_path (Path | None): metadata.csv elsewhere than in input_dir.
        n_process (int | None): parsing processes; None takes params.yaml's.
        work_dir (Path | None): folder for the parsed docs; defaults to ``out_dir/_docs``.
        progress (bool): progress bars on stderr.

    Returns:
        RunReport: documents ok / empty / error, sentences, tokens, seconds; timings.
    """
    started = time.perf_counter()
    report = RunReport()
    out_dir = Path(out_dir)
    work_dir = Path(work_dir) if work_dir else out_dir / "_docs"
    model = params.get("model", "fr_core_news_md")
    settings = dict(params.get("tokenise", {}))
    if n_process is not None:
        settings["processes"] = n_process
    summary = tokenise.run(
        input_dir, work_dir / "tokenise", out_dir, metadata_path=metadata_path, model=model,
        batch_size=settings.get("batch_size", 64), n_process=settings.get("processes", 1),
        shard_size=settings.get("shard_size", 500), progress=progress,
    )
    report.timings["tokenise"] = summary.seconds
    entity_settings = params.get("entities", {})
    report.timings["entities"] = entities.run(
        work_dir / "tokenise", work_dir / "entities", out_dir, model=model,
        shard_size=entity_settings.get("shard_size", settings.get("shard_size", 500)),
    )["seconds"]
    report.timings["quotes"] = quotes.run(work_dir / "entities", out_dir, model=model)["seconds"]
    report.timings["dates"] = dates.run(work_dir / "entities", out_dir, model=model)["seconds"]
    report.timings["relations"] = relations.run(work_dir / "entities", out_dir,
                                                model=model)["seconds"]
    publish_settings = params.get("publish", {})
    stage_started = time.perf_counter()
    publish.run(out_dir, parquet=publish_settings.get("parquet", True),
                workbook=publish_settings.get("workbook", True))
    report.timings["publish"] = time.perf_counter() - stage_started
    summary.seconds = time.perf_counter() - started
    report.line = summary.line()
    return report
