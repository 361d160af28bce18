"""Stage ``publish``: analyst outputs from the tables (data dictionary, Parquet, workbook).

Runs last. Writes ``datapackage.json`` (Frictionless, generated from
``pipeline/schema.py``), typed Parquet files for notebooks and ``tables.xlsx``.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from pipeline.publish import write_datapackage, write_parquet, write_workbook
from pipeline.stages import setup_logging

log = logging.getLogger(__name__)


def run(out_dir: Path, *, parquet: bool = True, workbook: bool = True,
        workbook_skip: tuple[str, ...] = (), workbook_max_rows: int | None = None) -> list[Path]:
    """Write the analyst outputs of the tables in ``out_dir``; return the paths."""
    out_dir = Path(out_dir)
    written = [write_datapackage(out_dir)]
    if parquet:
        written += write_parquet(out_dir)
    if workbook:
        written.append(write_workbook(out_dir, skip=tuple(workbook_skip),
                                      max_rows=workbook_max_rows))
    log.info("Saved %d files in %s", len(written), out_dir)
    return written


def split_names(value: str) -> tuple[str, ...]:
    """``"tokens,sentences"`` -> ``("tokens", "sentences")``."""
    return tuple(name.strip() for name in value.split(",") if name.strip())


def _flag(value: str) -> bool:
    if value.lower() not in {"true", "false"}:
        raise argparse.ArgumentTypeError(f"expected true or false, got {value!r}")
    return value.lower() == "true"


def main() -> None:
    """Command line: ``python -m pipeline.stages.publish OUT``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="Folder holding the CSV tables.")
    parser.add_argument("--parquet", type=_flag, default=True,
                        help="Write typed Parquet copies of the tables (true/false).")
    parser.add_argument("--workbook", type=_flag, default=True,
                        help="Write tables.xlsx, one sheet per table (true/false).")
    parser.add_argument("--workbook-skip", default="",
                        help="Tables left out of the workbook, comma-separated (their CSV "
                        "and Parquet stay).")
    parser.add_argument("--workbook-max-rows", type=int, default=None,
                        help="Rows per sheet at most; larger tables show their first rows.")
    args = parser.parse_args()
    setup_logging()
    run(args.out_dir, parquet=args.parquet, workbook=args.workbook,
        workbook_skip=split_names(args.workbook_skip), workbook_max_rows=args.workbook_max_rows)


if __name__ == "__main__":
    main()
