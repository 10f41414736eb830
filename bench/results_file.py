"""Benchmarks write their figures into one JSON file, merged key by key."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DEFAULT_RESULTS = Path(__file__).resolve().parent / "results.json"


def machine() -> dict[str, Any]:
    import os

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def merge_results(figures: dict[str, Any], path: Path = DEFAULT_RESULTS) -> None:
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = json.loads(path.read_text())
        except json.JSONDecodeError:
            data = {}
    data.update(figures)
    data["machine"] = machine()
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
