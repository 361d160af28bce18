"""What the benchmarks share: the texts they repeat and how they report."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source_texts() -> list[Path]:
    """The articles a synthetic corpus repeats: the gold texts, then the seeds."""
    return (sorted((ROOT / "data" / "gold" / "texts").glob("*.txt"))
            + sorted((ROOT / "seeds").glob("*.txt")))


def write_report(report: dict[str, object], path: Path) -> None:
    """Print a benchmark report and save it as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for key, value in report.items():
        print(f"{key:40s} {value}")
