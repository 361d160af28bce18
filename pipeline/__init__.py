"""French news articles to structured tables: who is mentioned, who said what, and when."""

from __future__ import annotations

__version__ = "0.1.0"


def load(output_dir):
    """Every table of an output folder as a typed pandas DataFrame (see pipeline.frames)."""
    from pipeline.frames import load as _load

    return _load(output_dir)
