"""One "worker" for test_rate_limits.py: its own process and app, like one gunicorn worker.

Run as ``python tests/security/limit_worker.py SETTINGS_JSON``.  It prints ``ready``, then
for each line ``login`` on stdin posts a wrong password to /login and prints the status.
Separate processes matter: the limiter object is module-global, so two apps in one
process would share its storage whatever the configuration says.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app import create_app  # noqa: E402
from tests.conftest import make_config  # noqa: E402


def main() -> None:
    settings = json.loads(sys.argv[1])
    app = create_app(
        make_config(
            settings["database_url"],
            Path(settings["instance"]),
            RATELIMIT_ENABLED=True,
            RATELIMIT_STORAGE_URI=settings["storage"],
            RATELIMIT_KEY_PREFIX=settings["prefix"],
        )
    )
    client = app.test_client()
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "login":
            break
        response = client.post("/login", data={"email": settings["email"], "password": "not the password"})
        print(response.status_code, flush=True)


if __name__ == "__main__":
    main()
