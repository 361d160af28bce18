"""Peak memory of whole runs at two archive sizes, both at once (memory only, not time).

Run by hand::

    .venv/bin/python bench/memory.py --docs 20000 --small 5000

The same archives and runs as ``bench/scale.py`` (``--no-cache``), each in a fresh
process, the two side by side to halve the wait; the times of such runs are not
comparable, so only the peak memory (max RSS) is reported, to ``bench/out/memory.json``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import write_report  # noqa: E402
from bench.scale import run_cli, write_archive  # noqa: E402


def main() -> None:
    """Run both sizes and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20000, help="Articles in the large archive.")
    parser.add_argument("--small", type=int, default=5000, help="Articles in the small one.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "memory.json",
                        help="Where to write the JSON report.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="memory_"))
    try:
        small, big = work / "small.jsonl", work / "big.jsonl"
        write_archive(small, args.small)
        write_archive(big, args.docs)
        with ThreadPoolExecutor(2) as pool:
            runs = [pool.submit(run_cli, archive, work / archive.stem, "--no-cache")
                    for archive in (small, big)]
            (_, small_mb), (_, big_mb) = (run.result() for run in runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_report({f"peak_memory_mb_{args.small}": small_mb, f"peak_memory_mb_{args.docs}": big_mb,
                  "memory_growth": round(big_mb / small_mb - 1, 3)}, args.out)


if __name__ == "__main__":
    main()
