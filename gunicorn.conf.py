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
