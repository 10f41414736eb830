"""gunicorn settings for a school: `gunicorn -c gunicorn.conf.py "app:create_app()"`.

Every worker is stateless (sessions are signed cookies, rate limits can live in
Redis), so any worker or host can serve any request.  Override with environment
variables: SOURCEWISE_BIND, SOURCEWISE_WORKERS, SOURCEWISE_THREADS.
"""

import multiprocessing
import os

bind = os.environ.get("SOURCEWISE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("SOURCEWISE_WORKERS", str(min(4, multiprocessing.cpu_count() * 2))))
threads = int(os.environ.get("SOURCEWISE_THREADS", "2"))
worker_class = "gthread"
timeout = 30
graceful_timeout = 20
keepalive = 5
# Behind a reverse proxy on the same host; it sets X-Forwarded-* (see README).
forwarded_allow_ips = os.environ.get("SOURCEWISE_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# Restart workers now and then so a slow leak can never take a school day down.
max_requests = 2000
max_requests_jitter = 200


def refuse_counts_per_worker(worker_count: int, environ: dict[str, str]) -> None:
    """Several workers with in-memory rate limits count apart (4 workers let 4 times the configured
    tries through), so that needs Redis, or an explicit SOURCEWISE_ALLOW_PER_WORKER_LIMITS=1."""
    limits_on = environ.get("RATELIMIT_ENABLED", "1") != "0"
    in_memory = environ.get("RATELIMIT_STORAGE_URI", "memory://").startswith("memory")
    allowed = environ.get("SOURCEWISE_ALLOW_PER_WORKER_LIMITS", "") == "1"
    if worker_count > 1 and limits_on and in_memory and not allowed:
        raise SystemExit(
            f"Sourcewise: {worker_count} workers would each keep their own rate-limit counts in memory. "
            "Set RATELIMIT_STORAGE_URI=redis://127.0.0.1:6379/0 so they share one count, or run one "
            "worker (SOURCEWISE_WORKERS=1), or accept per-worker counts with "
            "SOURCEWISE_ALLOW_PER_WORKER_LIMITS=1."
        )


def on_starting(server):  # noqa: ANN001, ANN201 - gunicorn's hook
    # The final worker count, after -w on the command line.
    refuse_counts_per_worker(server.cfg.workers, dict(os.environ))
