"""Command line: ``python -m pipeline run INPUT_DIR OUTPUT_DIR``."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from pathlib import Path

from pipeline.params import load_params
from pipeline.runner import run_all


def build_parser() -> argparse.ArgumentParser:
    """The CLI, with help on every option."""
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Turn French news articles into tables: documents, sentences, tokens, "
        "mentions, entities, quotes, dates and relations.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "run", help="Run every stage on a folder of *.txt articles.",
        description="Run every stage of dvc.yaml on a folder of *.txt articles and write "
        "all tables into OUTPUT_DIR.",
    )
    run.add_argument("input_dir", type=Path,
                     help="Folder of *.txt articles (UTF-8 expected), or an archive file: "
                     "JSON Lines, CSV or Parquet with id, text and optional published, url, title.")
    run.add_argument("output_dir", type=Path, help="Folder to write the CSV tables into.")
    run.add_argument("--metadata", type=Path, default=None,
                     help="metadata.csv with doc_id, published, source_url, title "
                     "(default: INPUT_DIR/metadata.csv when present).")
    run.add_argument("--processes", type=int, default=None,
                     help="Parsing processes (default: tokenise.processes in params.yaml, else 1).")
    run.add_argument("--params", type=Path, default=None,
                     help="Parameters file (default: ./params.yaml when present, "
                     "else built-in defaults).")
    run.add_argument("--work-dir", type=Path, default=None,
                     help="Folder for the parsed documents (default: OUTPUT_DIR/_docs).")
    run.add_argument("--cache-dir", type=Path, default=None,
                     help="Folder of the per-document cache (default: OUTPUT_DIR/_cache): a "
                     "re-run processes only new or changed documents, and an interrupted run "
                     "resumes where it stopped.")
    run.add_argument("--no-cache", action="store_true",
                     help="Process every document again and keep no cache.")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="Where to parse the articles: 'local' (spaCy on this machine, "
                     "--processes processes) or 'dask' (a Dask cluster, see --scheduler); "
                     "every other stage runs here. Default: local.")
    run.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="With --engine dask: a running scheduler such as tcp://host:8786, "
                     "or local:N to start N one-thread worker processes on this machine "
                     "(default: local, as many as Dask picks).")
    run.add_argument("--quiet", action="store_true", help="No progress bars or log lines.")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.scheduler is not None and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    params = load_params(args.params)
    with contextlib.ExitStack() as stack:
        parse = None
        if args.engine == "dask":  # imported here: dask is needed only by this engine
            from pipeline.dask_engine import connect, dask_pipe

            if args.quiet:  # distributed sets its own loggers to INFO
                logging.getLogger("distributed").setLevel(logging.WARNING)
            client = stack.enter_context(connect(args.scheduler or "local"))  # closed at exit
            parse = dask_pipe(client, model=params.get("model", "fr_core_news_md"),
                              batch_size=params.get("tokenise", {}).get("batch_size", 64))
        report = run_all(args.input_dir, args.output_dir, params=params,
                         metadata_path=args.metadata, n_process=args.processes,
                         work_dir=args.work_dir, progress=not args.quiet,
                         cache_dir=None if args.no_cache else
                         (args.cache_dir or args.output_dir / "_cache"), parse=parse)
    print(report.line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
