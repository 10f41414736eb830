"""Configuration from environment variables, with safe defaults for one classroom machine."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from app.domain.keys import weak_key_reason

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE = PROJECT_ROOT / "instance"

# Keys that appear in docs and examples; production refuses to run with them.
KNOWN_SECRET_KEYS = frozenset({"", "dev", "changeme", "change-me", "secret", "development", "test"})


class ConfigError(click.ClickException):
    """The configuration is unsafe or incomplete; the message says how to fix it.

    A ClickException, so `flask ...` commands print it as one "Error: ..." line, not a traceback.
    """


def instance_secret_key(instance_path: Path) -> str:
    """A random key generated once per install and kept in the instance folder.

    So a fresh clone never runs with a key anybody else knows, and sessions survive
    restarts.  Several workers on one machine read the same file.
    """
    instance_path.mkdir(parents=True, exist_ok=True)
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        candidate = secrets.token_hex(32)
        try:
            # O_EXCL: when two workers start at once, one writes and both read the same key.
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(candidate)
        except FileExistsError:
            pass
    return key_file.read_text().strip()


class Config:
    """Read at create_app() time, not import time, so tests can set the environment first."""

    def __init__(self, environ: Mapping[str, str] | None = None, **overrides: Any) -> None:
        env = os.environ if environ is None else environ
        self.SOURCEWISE_ENV = env.get("SOURCEWISE_ENV", "development")
        production = self.SOURCEWISE_ENV == "production"
        instance = Path(env.get("SOURCEWISE_INSTANCE", str(DEFAULT_INSTANCE)))
        self.INSTANCE_PATH = str(instance)

        database_url = env.get("DATABASE_URL", "")
        if database_url.startswith("postgres://"):
            database_url = "postgresql+psycopg://" + database_url[len("postgres://") :]
        elif database_url.startswith("postgresql://"):
            database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]
        self.SQLALCHEMY_DATABASE_URI = database_url or f"sqlite:///{instance / 'sourcewise.db'}"
        # Production over plain HTTP only when the school says so (a trusted network without TLS).
        self.INSECURE_HTTP = production and env.get("SOURCEWISE_INSECURE_HTTP", "") == "1"

        secret_key = env.get("SECRET_KEY")
        if production:
            weakness = "it is not set" if not secret_key else weak_key_reason(secret_key)
            if secret_key in KNOWN_SECRET_KEYS and secret_key:
                weakness = "it is a key from the documentation"
            if weakness:
                raise ConfigError(
                    f"SECRET_KEY is too weak for production: {weakness}. Set it to a long random "
                    "value (for example: python -c 'import secrets; print(secrets.token_hex(32))')."
                )
        elif not secret_key and "SECRET_KEY" not in overrides:
            secret_key = instance_secret_key(instance)
        self.SECRET_KEY = secret_key
        if production and not database_url and "SQLALCHEMY_DATABASE_URI" not in overrides:
            # A silent SQLite file in instance/ would hold students' work that no backup of the
            # school's database ever sees.
            raise ConfigError(
                "DATABASE_URL is not set: in production Sourcewise does not fall back to a SQLite file in "
                f"{instance}. Set DATABASE_URL to the school's database (for example "
                "postgresql://sourcewise:PASSWORD@127.0.0.1:5432/sourcewise), or name a SQLite file "
                "explicitly (sqlite:////srv/sourcewise/sourcewise.db). See README, Running for a school."
            )

        self.QUESTIONS_DIR = env.get("SOURCEWISE_QUESTIONS", str(PROJECT_ROOT / "questions"))
        self.MAX_CONTENT_LENGTH = int(env.get("SOURCEWISE_MAX_UPLOAD", str(2 * 1024 * 1024)))
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        secure_cookies = production and not self.INSECURE_HTTP
        self.SESSION_COOKIE_SECURE = secure_cookies
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.REMEMBER_COOKIE_SAMESITE = "Lax"
        self.REMEMBER_COOKIE_SECURE = secure_cookies
        self.PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 30
        # Students of a class with 1:1 devices stay signed in at most this long (days); on shared
        # computers their sign-in ends when the browser closes.  Teachers are not remembered.
        self.STUDENT_REMEMBER_DAYS = 30
        # The zone due dates are shown in for a class that has not chosen one (an IANA name).
        self.DEFAULT_TIME_ZONE = env.get("SOURCEWISE_TIME_ZONE", "UTC") or "UTC"
        # Joining and rejoining (app/student/routes.py): wrong class or rejoin codes per address,
        # every try per address, and every try per class code.  A class of 60 behind one school
        # address joins in a minute; guessing codes stops after 60 wrong ones in 10 minutes.
        self.JOIN_WRONG_CODE_LIMIT = env.get("SOURCEWISE_JOIN_WRONG_CODE_LIMIT", "60 per 10 minutes")
        self.JOIN_ADDRESS_LIMIT = env.get("SOURCEWISE_JOIN_ADDRESS_LIMIT", "150 per minute")
        self.JOIN_CLASS_LIMIT = env.get("SOURCEWISE_JOIN_CLASS_LIMIT", "120 per minute")
        # Teachers' login (app/auth/routes.py): wrong passwords for one account from one address,
        # from one address for any account, and for one account from anywhere; and every try from
        # one address (each costs a password hash).
        self.LOGIN_ACCOUNT_ADDRESS_LIMIT = env.get("SOURCEWISE_LOGIN_PAIR_LIMIT", "10 per 10 minutes")
        self.LOGIN_ADDRESS_FAILURE_LIMIT = env.get("SOURCEWISE_LOGIN_FAILURE_LIMIT", "50 per 10 minutes")
        self.LOGIN_ACCOUNT_LIMIT = env.get("SOURCEWISE_LOGIN_ACCOUNT_LIMIT", "50 per 10 minutes")
        self.LOGIN_ADDRESS_LIMIT = env.get("SOURCEWISE_LOGIN_ADDRESS_LIMIT", "60 per minute")
        # A form's token lasts a school day: long enough for a page left open through a lesson,
        # short enough that a token copied off a shared screen soon stops working.
        self.WTF_CSRF_TIME_LIMIT = 8 * 60 * 60
        # How teachers' passwords are hashed (werkzeug's method string).  Production keeps scrypt;
        # the tests set a cheap method so creating a teacher does not cost a real hash each time.
        self.PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105 - the name of a hash method, not a password
        # Behind a reverse proxy: how many proxies set X-Forwarded-* in front of the app.  0 (the
        # default) trusts none of those headers, so nobody can fake an address to dodge rate limits.
        self.PROXY_HOPS = _proxy_hops(env.get("SOURCEWISE_PROXY_HOPS", "0"))
        self.RATELIMIT_STORAGE_URI = env.get("RATELIMIT_STORAGE_URI", "memory://")
        self.RATELIMIT_ENABLED = env.get("RATELIMIT_ENABLED", "1") != "0"
        # Redis down: count in each process's memory (and log a warning) rather than answer 500 on
        # every login and join; the shared counts come back when Redis does.
        self.RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
        if self.RATELIMIT_STORAGE_URI.startswith(("redis://", "rediss://")):
            # A Redis host that vanished (no answer at all) must not hold every login for minutes.
            self.RATELIMIT_STORAGE_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 2}
        self.SQLALCHEMY_ENGINE_OPTIONS: dict[str, object] = {"pool_pre_ping": True}
        self.TESTING = False
        for key, value in overrides.items():
            setattr(self, key, value)
        if "SQLALCHEMY_ENGINE_OPTIONS" not in overrides and str(self.SQLALCHEMY_DATABASE_URI).startswith(
            "sqlite"
        ):
            # A database server can drop a pooled connection, so each checkout is pinged first; a
            # SQLite file cannot, and the ping would be one more statement on every request.
            self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": False}


def _proxy_hops(value: str) -> int:
    try:
        hops = int(value)
    except ValueError:
        hops = -1
    if not 0 <= hops <= 5:
        raise ConfigError(
            f"SOURCEWISE_PROXY_HOPS must be the number of reverse proxies in front of the app "
            f"(0 to 5; usually 1), not {value!r}."
        )
    return hops
