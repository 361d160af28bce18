"""Read ``params.yaml``: the one place where parameters live (DVC reads it too)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DEFAULT_PARAMS = Path("params.yaml")


def load_params(path: Path | None = None) -> dict[str, Any]:
    """The parameters by stage; an absent default file means every stage's defaults."""
    path = Path(path) if path is not None else DEFAULT_PARAMS
    if not path.exists():
        if path != DEFAULT_PARAMS:
            raise FileNotFoundError(f"{path}: parameters file not found")
        return {}
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}
