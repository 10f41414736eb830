"""gunicorn refuses to start several workers that would each count rate limits on their own."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, QUESTIONS_DIR

GUNICORN = Path(sys.executable).parent / "gunicorn"


def _start(tmp_path: Path, workers: int, **env: str) -> subprocess.CompletedProcess[str]:
    """gunicorn as a school starts it; one that is still serving after 8 s counts as started."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("RATELIMIT_", "SOURCEWISE_"))}
    environ.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}",
        SECRET_KEY=secrets.token_hex(32),
        SOURCEWISE_INSTANCE=str(tmp_path / "instance"),
        SOURCEWISE_QUESTIONS=str(QUESTIONS_DIR),
        **env,
    )
    command = [str(GUNICORN), "-c", "gunicorn.conf.py", "-w", str(workers), "-b", "127.0.0.1:0",
               "--no-control-socket", "app:create_app()"]  # fmt: skip
    try:
        return subprocess.run(
            command, cwd=PROJECT_ROOT, env=environ, capture_output=True, text=True, timeout=8
        )
    except subprocess.TimeoutExpired as running:
        # Still serving after 8 s: it started.  (run() killed it.)
        return subprocess.CompletedProcess(command, 0, "", str(running.stderr or ""))


def test_several_workers_with_in_memory_limits_do_not_start(tmp_path: Path) -> None:
    result = _start(tmp_path, 3)
    assert result.returncode != 0
    assert "RATELIMIT_STORAGE_URI=redis://" in result.stderr


def test_one_worker_or_redis_or_an_explicit_choice_may_start(tmp_path: Path) -> None:
    namespace: dict[str, object] = {}
    exec(compile((PROJECT_ROOT / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)
    refuse = namespace["refuse_counts_per_worker"]
    assert callable(refuse)
    refuse(1, {})
    refuse(4, {"RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0"})
    refuse(4, {"SOURCEWISE_ALLOW_PER_WORKER_LIMITS": "1"})
    refuse(4, {"RATELIMIT_ENABLED": "0"})
    with pytest.raises(SystemExit):
        refuse(2, {"RATELIMIT_STORAGE_URI": "memory://"})
