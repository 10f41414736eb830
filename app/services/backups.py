"""A backup of the school's database in one file: SQLite's online backup API, or ``pg_dump``.

The file is written readable by its owner only (it holds every student's name and answers),
never over an existing file, and is opened again to check it before the command says "done".
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy.engine import URL

from app.extensions import db
from app.services.errors import ServiceError

OWNER_ONLY = 0o600
PG_DUMP_TIMEOUT_SECONDS = 60 * 60


class BackupError(ServiceError):
    """The backup could not be written or does not open; nothing half-written is left behind."""


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: str  # "sqlite" or "pg_dump"
    size: int
    tables: int
    restore_hint: str


def default_name(dialect: str, stamp: str) -> str:
    return f"sourcewise-{stamp}.{BACKUP_SUFFIX.get(dialect, 'backup')}"


def back_up(destination: Path) -> Backup:
    """Write a backup of the app's database to ``destination`` (a new file) and check it opens."""
    url = db.engine.url
    write = BACKUP_BY_DIALECT.get(url.get_backend_name())
    if write is None:
        raise BackupError(f"Backups of a {url.get_backend_name()} database are not supported.")
    if destination.exists():
        raise BackupError(f"{destination} exists already: choose a new name (a backup never overwrites).")
    if not destination.parent.is_dir():
        raise BackupError(f"The folder {destination.parent} does not exist.")
    _create_owner_only(destination)
    try:
        return write(url, destination)
    except BaseException:
        destination.unlink(missing_ok=True)
        raise


def _create_owner_only(path: Path) -> None:
    # O_EXCL: created here, empty, 0600 from the first moment; the writers below keep the mode.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))


# --- SQLite ---------------------------------------------------------------------------------------


def _back_up_sqlite(url: URL, destination: Path) -> Backup:
    source_path = url.database or ""
    if not source_path or source_path == ":memory:":
        raise BackupError("This SQLite database is in memory: there is no file to back up.")
    if not Path(source_path).is_file():
        raise BackupError(f"There is no database at {source_path}: nothing to back up.")
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(destination)
    try:
        # A consistent copy while the app keeps writing (the online backup API, as sqlite3's .backup).
        source.backup(target)
        # One self-contained file: no -wal or -shm beside it, whoever opens it later.
        target.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        raise BackupError(f"The backup of {source_path} failed: {exc}") from exc
    finally:
        target.close()
        source.close()
    tables = _check_sqlite(destination)
    return Backup(
        destination,
        "sqlite",
        destination.stat().st_size,
        tables,
        # The old -wal beside the database belongs to the old file: it goes before the copy.
        f"stop the app, then: rm -f {source_path}-wal {source_path}-shm && cp {destination} {source_path}",
    )


def _check_sqlite(path: Path) -> int:
    check = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        verdict = check.execute("PRAGMA integrity_check").fetchone()
        version = check.execute("SELECT version_num FROM alembic_version").fetchone()
        tables = check.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    except sqlite3.Error as exc:
        raise BackupError(f"The backup {path} does not open as a Sourcewise database: {exc}") from exc
    finally:
        check.close()
    if verdict != ("ok",) or version is None:
        raise BackupError(f"The backup {path} failed its check ({verdict}).")
    return int(tables[0])


# --- PostgreSQL -----------------------------------------------------------------------------------


def postgres_environment(url: URL) -> dict[str, str]:
    """libpq's variables for this URL: the password never appears on a command line."""
    environ = {"PGHOST": url.host or "", "PGPORT": str(url.port or ""), "PGUSER": url.username or ""}
    environ["PGDATABASE"] = url.database or ""
    if url.password:
        environ["PGPASSWORD"] = str(url.password)
    options = url.query.get("options")
    if isinstance(options, str):
        environ["PGOPTIONS"] = unquote(options)
    return {name: value for name, value in environ.items() if value}


def _schema_of(url: URL) -> str | None:
    """The one schema a ``search_path`` option names (each test run has its own), else None."""
    options = url.query.get("options")
    if not isinstance(options, str):
        return None
    for part in unquote(options).split():
        name, _, value = part.removeprefix("-c").partition("=")
        if name == "search_path" and value and "," not in value:
            return value
    return None


def _run(command: list[str], environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    return subprocess.run(  # noqa: S603 - pg_dump/pg_restore with arguments of our own, no shell
        command,
        env={**os.environ, **environ},
        capture_output=True,
        text=True,
        timeout=PG_DUMP_TIMEOUT_SECONDS,
        check=False,
    )


def _back_up_postgres(url: URL, destination: Path) -> Backup:
    environ = postgres_environment(url)
    command = ["pg_dump", "--format=custom", f"--file={destination}"]
    schema = _schema_of(url)
    if schema:
        command.append(f"--schema={schema}")
    dumped = _run(command, environ)
    if dumped.returncode != 0:
        raise BackupError(f"pg_dump failed: {dumped.stderr.strip()}")
    listed = _run(["pg_restore", "--list", str(destination)], {})
    if listed.returncode != 0 or "alembic_version" not in listed.stdout:
        raise BackupError(f"The backup {destination} does not open as a Sourcewise database: {listed.stderr}")
    tables = sum(1 for line in listed.stdout.splitlines() if " TABLE DATA " in line)
    return Backup(
        destination,
        "pg_dump",
        destination.stat().st_size,
        tables,
        f"createdb --owner={url.username} NEW_DATABASE && pg_restore --no-owner --role={url.username} "
        f"--dbname=NEW_DATABASE {destination}",
    )


BACKUP_BY_DIALECT: dict[str, Callable[[URL, Path], Backup]] = {
    "sqlite": _back_up_sqlite,
    "postgresql": _back_up_postgres,
}
BACKUP_SUFFIX = {"sqlite": "sqlite", "postgresql": "dump"}
