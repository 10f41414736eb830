"""The README's "Running for a school", followed on this machine, behind real HTTPS.

Step by step as the README says (its SQL, its environment file, its `sw` way of running commands,
its nginx server block and its restore commands are read from README.md itself, with only names,
ports, paths and secrets changed): a PostgreSQL role and a database it owns, `db upgrade`,
`questions import`, the first teacher, gunicorn with gunicorn.conf.py, nginx in front with a
self-signed certificate on https://127.0.0.1:8443.  Then, in real Chromium: the teacher logs in and
creates a class, a student joins and answers; a login limit holds whatever X-Forwarded-For says;
`flask backup` (pg_dump), a restore into a new database, a second gunicorn on it serves the same
gradebook, and an old session cookie does not open the account that now has its integer key.

Everything it makes (role, databases, processes, files) is its own and goes at the end.  It needs
nginx, redis-server, openssl, psql/pg_dump/pg_restore, Chromium and a PostgreSQL superuser
(SOURCEWISE_DEPLOY_POSTGRES, default postgresql://postgres@127.0.0.1:5432/postgres); without any of
them it fails, it never skips.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

PROJECT = Path(__file__).resolve().parents[2]
README = PROJECT / "README.md"
VENV_BIN = Path(sys.executable).parent
POSTGRES_ADMIN = os.environ.get("SOURCEWISE_DEPLOY_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
CHROMIUM = os.environ.get("SOURCEWISE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
]
HTTPS_PORT = 8443
# Debian puts nginx in /usr/sbin, which is not on every user's PATH.
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Generous: two cores shared by several jobs, each gunicorn worker loads the app on start.
START_TIMEOUT = 180
ACTION_TIMEOUT_MS = 30_000
TEACHER_EMAIL = "head.of.english@school.example"
TEACHER_PASSWORD = "quartz meadow lantern 42"
# Special characters on purpose: the README says to percent-encode them in DATABASE_URL.
DATABASE_PASSWORD = "p@ss w/rd:%1"
CLASS_NAME = "Year 10 Media"
LOGIN_PAIR_LIMIT = 10  # wrong passwords per account and address (README step 8)
# Settings the app's own environment must never leak into the deployment's processes.
LEAKY = ("SOURCEWISE_", "DATABASE_URL", "SECRET_KEY", "RATELIMIT_", "PG")


# --- The README, read as instructions ----------------------------------------------------------


def school_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("## Running for a school") :]


def fenced(language: str) -> list[str]:
    """The README's code blocks in ``language``, without the indentation of the list they are in."""
    blocks = re.findall(rf"```{language}\n(.*?)```", school_section(), flags=re.DOTALL)
    return [textwrap.dedent(block).strip() + "\n" for block in blocks]


def readme_sql(name: str) -> str:
    [sql] = [block for block in fenced("sql") if "CREATE DATABASE" in block]
    assert "OWNER sourcewise" in sql, "the README's CREATE DATABASE must name the owner"
    password = DATABASE_PASSWORD.replace("'", "''")
    return sql.replace("'the password'", f"'{password}'").replace("sourcewise", name)


def readme_environment() -> dict[str, str]:
    [block] = [block for block in fenced("sh") if "# /etc/sourcewise/sourcewise.env" in block]
    pairs = [line.split("=", 1) for line in block.splitlines() if line and not line.startswith("#")]
    return {key: value for key, value in pairs}


def readme_runner_script() -> str:
    """The body of the README's ``sw`` shell function: load the environment file, exec the command."""
    match = re.search(r"sw\(\) \{ sudo -u sourcewise sh -c '(.+?)' sw \"\$@\"; \}", school_section())
    assert match, "the README must define the sw() function its commands use"
    return match.group(1)


def readme_nginx_server() -> str:
    [server] = fenced("nginx")
    return server


def readme_restore_commands() -> list[list[str]]:
    [block] = [block for block in fenced("sh") if "pg_restore" in block]
    commands = [line for line in block.splitlines() if line.startswith("sudo -u postgres ")]
    assert [c.split()[3] for c in commands] == ["createdb", "pg_restore"], commands
    return [line.removeprefix("sudo -u postgres ").split() for line in commands]


# --- Processes and ports -------------------------------------------------------------------------


def free_port(preferred: int | None = None) -> int:
    for port in ([preferred] if preferred else []) + [0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise AssertionError("no free port")


def wait_for(what: str, check: Callable[[], bool], processes: list[subprocess.Popen[Any]]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not check():
        for process in processes:
            assert process.poll() is None, f"{what}: {process.args!r} exited with {process.returncode}"
        assert time.monotonic() < deadline, f"{what}: not ready after {START_TIMEOUT} s"
        time.sleep(0.5)


def clean_environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(LEAKY)}


def http_status(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    insecure = ssl.create_default_context()
    insecure.check_hostname = False
    insecure.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30, context=insecure) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


@dataclass
class Deployment:
    root: Path
    name: str  # the PostgreSQL role and database, as the README's "sourcewise"
    redis_url: str
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32))
    processes: list[subprocess.Popen[Any]] = field(default_factory=list)
    databases: list[str] = field(default_factory=list)

    def psql(self, sql: str, database: str = "postgres") -> str:
        url = urllib.parse.urlsplit(POSTGRES_ADMIN)._replace(path=f"/{database}").geturl()
        result = subprocess.run(
            ["psql", "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "-v", "ON_ERROR_STOP=1", url],
            input=sql,
            capture_output=True,
            text=True,
            timeout=120,
            env=clean_environ(),
        )
        assert result.returncode == 0, f"psql failed:\n{sql}\n{result.stderr}"
        return result.stdout.strip()

    def environment_file(self, label: str, database: str, bind_port: int) -> Path:
        """The README's environment file, with this deployment's database, key, Redis and port."""
        settings = readme_environment()
        assert set(settings) >= {"SOURCEWISE_ENV", "DATABASE_URL", "SECRET_KEY", "SOURCEWISE_PROXY_HOPS"}
        example = urllib.parse.urlsplit(settings["DATABASE_URL"])
        password = urllib.parse.quote(DATABASE_PASSWORD, safe="")
        settings["DATABASE_URL"] = example._replace(
            netloc=f"{self.name}:{password}@{example.hostname}:{example.port}", path=f"/{database}"
        ).geturl()
        settings["SECRET_KEY"] = self.secret_key
        settings["RATELIMIT_STORAGE_URI"] = self.redis_url
        settings["SOURCEWISE_BIND"] = f"127.0.0.1:{bind_port}"
        settings["SOURCEWISE_WORKERS"] = "2"  # README step 6: two cores shared by other jobs here
        settings["SOURCEWISE_INSTANCE"] = str(self.root / f"instance-{label}")
        path = self.root / f"sourcewise-{label}.env"
        path.write_text("".join(f"{key}={value}\n" for key, value in settings.items()))
        path.chmod(0o640)
        return path

    def sw(self, env_file: Path, *command: str, stdin: str | None = None) -> str:
        """A command as the README runs it: ``sw .venv/bin/flask ...`` (here as this test's user)."""
        script = readme_runner_script().replace("/etc/sourcewise/sourcewise.env", str(env_file))
        result = subprocess.run(
            ["sh", "-c", script, "sw", *command],
            cwd=PROJECT,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=600,
            env=clean_environ(),
            start_new_session=True,  # no terminal: the password prompt reads stdin
        )
        assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout + result.stderr

    def start(self, label: str, command: list[str], env_file: Path | None = None) -> subprocess.Popen[Any]:
        log = (self.root / f"{label}.log").open("w")
        if env_file is not None:
            script = readme_runner_script().replace("/etc/sourcewise/sourcewise.env", str(env_file))
            command = ["sh", "-c", script, "sw", *command]
        process = subprocess.Popen(
            command,
            cwd=PROJECT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=clean_environ(),
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def log(self, label: str) -> str:
        path = self.root / f"{label}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop_all(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)  # the process group this test started
        for process in reversed(self.processes):
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)


def _require(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    assert not missing, f"the deployment test needs {missing} (.ci/run installs nginx when missing)"
    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}"


@pytest.fixture
def deployment(tmp_path: Path) -> Iterator[Deployment]:
    _require(NGINX, "redis-server", "redis-cli", "openssl", "psql", "pg_dump", "pg_restore")
    redis_port = free_port()
    deployment = Deployment(
        tmp_path, f"sw_deploy_{uuid.uuid4().hex[:10]}", f"redis://127.0.0.1:{redis_port}/0"
    )
    redis = deployment.start(
        "redis",
        [
            "redis-server",
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
    )
    ping = ["redis-cli", "-h", "127.0.0.1", "-p", str(redis_port), "ping"]
    wait_for(
        "redis",
        lambda: subprocess.run(ping, capture_output=True, text=True).stdout.strip() == "PONG",
        [redis],
    )
    try:
        yield deployment
    finally:
        deployment.stop_all()
        for database in deployment.databases:
            deployment.psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE);')
        deployment.psql(f'DROP ROLE IF EXISTS "{deployment.name}";')


# --- nginx -----------------------------------------------------------------------------------------


def self_signed_certificate(root: Path) -> tuple[Path, Path]:
    certificate, key = root / "sourcewise.pem", root / "sourcewise.key"
    result = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return certificate, key


def nginx_config(root: Path, sites: dict[int, int]) -> Path:
    """The README's server block once per (https port -> gunicorn port), inside a configuration of
    this test's own: its prefix, pid, logs and temp folders, in the foreground."""
    certificate, key = self_signed_certificate(root)
    servers = []
    for https_port, upstream in sites.items():
        server = readme_nginx_server()
        replacements = {
            "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
            "/etc/ssl/certs/sourcewise.pem": str(certificate),
            "/etc/ssl/private/sourcewise.key": str(key),
            "proxy_pass http://127.0.0.1:8000;": f"proxy_pass http://127.0.0.1:{upstream};",
        }
        for old, new in replacements.items():
            assert old in server, f"the README's nginx block no longer has {old!r}"
            server = server.replace(old, new)
        servers.append(server)
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers keep the test's user (its temp files)
    temp = "\n".join(
        f"    {kind}_temp_path {root / ('nginx-' + kind)};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = root / "nginx.conf"
    config.write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {root / 'nginx.pid'};\n"
        f"error_log {root / 'nginx-error.log'};\n"
        "events { worker_connections 256; }\n"
        f"http {{\n    access_log {root / 'nginx-access.log'};\n{temp}\n" + "\n".join(servers) + "\n}\n"
    )
    return config


# --- The browser -----------------------------------------------------------------------------------


def heading(page: Any) -> Any:
    return page.get_by_role("heading", level=1)


def answer_every_question(page: Any) -> None:
    from playwright.sync_api import expect

    page.locator("li.assignment").first.get_by_role("button", name=re.compile(r"^Start")).click()
    expect(heading(page)).to_have_text(re.compile(r"^Question 1 of \d+$"))
    total = int(re.search(r"of (\d+)", heading(page).inner_text()).group(1))  # type: ignore[union-attr]
    for number in range(1, total + 1):
        expect(heading(page)).to_have_text(f"Question {number} of {total}")
        fieldset = page.locator("fieldset.question")
        kind = fieldset.get_attribute("class") or ""
        if "question-select" in kind:
            fieldset.locator(".word label").nth(0).click()
        elif "question-multiple" in kind:
            fieldset.locator("input[type=checkbox]").first.check()
        else:
            fieldset.locator("input[type=radio]").first.check()
        page.get_by_role("button", name="Check my answer").click()
        expect(heading(page)).to_have_text(f"Question {number} of {total}: how you did")
        if number < total:
            page.get_by_role("link", name="Next question").click()
        else:
            page.get_by_role("button", name="Finish and see my results").click()
    expect(heading(page)).to_have_text("Your results")


def join(page: Any, code: str, name: str) -> None:
    from playwright.sync_api import expect

    page.goto("/join")
    page.get_by_label("Class code").fill(code)
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Join the class").click()
    expect(heading(page)).to_have_text(f"Welcome, {name}")


def gradebook(page: Any, url: str) -> str:
    from playwright.sync_api import expect

    page.goto(url)
    table = page.locator("table.gradebook")
    expect(table).to_be_visible()
    return str(table.inner_text())


# --- The test ----------------------------------------------------------------------------------------


def test_a_school_deployment_as_the_readme_says(deployment: Deployment) -> None:
    from playwright.sync_api import expect, sync_playwright

    name = deployment.name
    # Step 2: the role and a database it owns, with the README's SQL.
    deployment.psql(readme_sql(name))
    deployment.databases.append(name)
    assert (
        deployment.psql(f"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '{name}'") == name
    )

    # Step 3: one environment file; steps 4 and 5: schema, articles, the first teacher.
    app_port, https_port = free_port(), free_port(HTTPS_PORT)
    env_file = deployment.environment_file("school", name, app_port)
    deployment.sw(env_file, str(VENV_BIN / "flask"), "--app", "app", "db", "upgrade")
    imported = deployment.sw(env_file, str(VENV_BIN / "flask"), "--app", "app", "questions", "import")
    assert re.search(r"[1-9]\d* article\(s\) imported, 0 with errors", imported), imported
    created = deployment.sw(
        env_file,
        str(VENV_BIN / "flask"),
        "--app",
        "app",
        "teacher",
        "create",
        TEACHER_EMAIL,
        stdin=f"{TEACHER_PASSWORD}\n{TEACHER_PASSWORD}\n",
    )
    assert "Teacher account created" in created
    refused = subprocess.run(
        ["sh", "-c", readme_runner_script().replace("/etc/sourcewise/sourcewise.env", str(env_file)), "sw"]
        + [str(VENV_BIN / "flask"), "--app", "app", "demo"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
        env=clean_environ(),
    )
    assert refused.returncode != 0 and "--force" in refused.stderr, "flask demo must refuse in production"

    # Step 6: gunicorn with gunicorn.conf.py; step 7: nginx in front, over HTTPS.
    gunicorn = [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py", "app:create_app()"]
    first = deployment.start("gunicorn-school", gunicorn, env_file)
    restored_app_port, restored_https_port = free_port(), free_port()
    config = nginx_config(deployment.root, {https_port: app_port, restored_https_port: restored_app_port})
    nginx = deployment.start("nginx", [NGINX, "-p", str(deployment.root), "-c", str(config)])
    base = f"https://127.0.0.1:{https_port}"
    wait_for("gunicorn behind nginx", lambda: http_status(f"{base}/login")[0] == 200, [first, nginx])

    # Plain HTTP straight to gunicorn: the page and the log line that say HTTPS is needed.
    status, body = http_status(f"http://127.0.0.1:{app_port}/login")
    assert status == 403 and "must be reached over HTTPS" in body
    assert "this server is in production mode and must be reached over HTTPS" in deployment.log(
        "gunicorn-school"
    )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)

        def device() -> Any:
            # ignore_https_errors: the certificate is this test's own, self-signed.
            context = browser.new_context(base_url=base, ignore_https_errors=True, locale="en-GB")
            context.set_default_timeout(ACTION_TIMEOUT_MS)
            return context

        # The first teacher logs in and creates a class with a quiz.
        teacher = device()
        page = teacher.new_page()
        page.goto("/login")
        page.get_by_label("Email").fill(TEACHER_EMAIL)
        page.get_by_label("Password").fill(TEACHER_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(re.compile(r"/teacher/classes$"))
        assert all(c["secure"] for c in teacher.cookies() if c["name"] == "session")
        page.get_by_label("Class name").fill(CLASS_NAME)
        page.get_by_role("button", name="Create class").click()
        expect(page).to_have_url(re.compile(r"/teacher/classes/\d+$"))
        class_id = int(page.url.rsplit("/", 1)[1])
        join_code = page.locator(".join-code .code").inner_text().strip()
        page.get_by_role("link", name="Assign a quiz").click()
        article = page.get_by_label("Article", exact=True)
        first_article = article.evaluate("s => Array.from(s.options).find(o => o.value).value")
        article.select_option(value=first_article)
        page.get_by_role("button", name="Assign", exact=True).click()
        expect(page).to_have_url(re.compile(rf"/teacher/classes/{class_id}$"))

        # A student joins and answers every question.
        ada = device()
        ada_page = ada.new_page()
        join(ada_page, join_code, "Ada")
        ada_page.goto("/quizzes")
        answer_every_question(ada_page)
        dashboard = f"/teacher/classes/{class_id}/dashboard"
        before_backup = gradebook(page, dashboard)
        assert "Ada" in before_backup

        # A login limit holds whatever address a client writes into X-Forwarded-For.
        guesser = device()
        guess_page = guesser.new_page()
        guess_page.goto("/login")
        token = guess_page.locator("input[name=csrf_token]").first.get_attribute("value")
        statuses = []
        for attempt in range(LOGIN_PAIR_LIMIT + 2):
            response = guesser.request.post(
                f"{base}/login",
                form={
                    "email": "guessed@school.example",
                    "password": f"guess {attempt}",
                    "csrf_token": token or "",
                },
                headers={"X-Forwarded-For": f"203.0.113.{attempt + 1}", "Referer": f"{base}/login"},
            )
            statuses.append(response.status)
        assert statuses == [200] * LOGIN_PAIR_LIMIT + [429, 429], statuses

        # Step 9: the nightly backup (pg_dump), readable by its owner only.
        backup = deployment.root / "backups" / "nightly.dump"
        backup.parent.mkdir(mode=0o700)
        said = deployment.sw(env_file, str(VENV_BIN / "flask"), "--app", "app", "backup", str(backup))
        assert "passed its check" in said and backup.stat().st_mode & 0o777 == 0o600

        # After the backup, Grace joins: the restore will not know her.
        grace = device()
        grace_page = grace.new_page()
        join(grace_page, join_code, "Grace")
        grace_key = deployment.psql("SELECT id FROM students WHERE display_name = 'Grace'", name)

        # The README's restore, into a new database, and a second gunicorn on it.
        restored = f"{name}_restored"
        deployment.databases.append(restored)
        admin = urllib.parse.urlsplit(POSTGRES_ADMIN)
        restore_environ = {
            **clean_environ(),
            "PGHOST": admin.hostname or "",
            "PGPORT": str(admin.port or 5432),
        }
        restore_environ["PGUSER"] = admin.username or "postgres"
        for command in readme_restore_commands():
            command = [
                part.replace("sourcewise_restored", restored)
                .replace("sourcewise-2026-12-01.dump", str(backup))
                .replace("sourcewise", name)
                for part in command
            ]
            result = subprocess.run(command, capture_output=True, text=True, timeout=600, env=restore_environ)
            assert result.returncode == 0, f"{command}: {result.stderr}"
        restored_env = deployment.environment_file("restored", restored, restored_app_port)
        deployment.sw(restored_env, str(VENV_BIN / "flask"), "--app", "app", "db", "upgrade")
        second = deployment.start("gunicorn-restored", gunicorn, restored_env)
        restored_base = f"https://127.0.0.1:{restored_https_port}"
        wait_for(
            "the restored gunicorn", lambda: http_status(f"{restored_base}/login")[0] == 200, [second, nginx]
        )

        # The same gradebook, for the same teacher (cookies name 127.0.0.1 whatever the port: the
        # teacher's session, made before the backup, opens the restored account as it should).
        assert gradebook(page, f"{restored_base}{dashboard}") == before_backup

        # Someone new joins the restored class and gets Grace's integer key...
        newcomer = device()
        newcomer_page = newcomer.new_page()
        newcomer_page.goto(f"{restored_base}/join")
        newcomer_page.get_by_label("Class code").fill(join_code)
        newcomer_page.get_by_label("Your name").fill("Newcomer")
        newcomer_page.get_by_role("button", name="Join the class").click()
        expect(heading(newcomer_page)).to_have_text("Welcome, Newcomer")
        assert (
            deployment.psql("SELECT id FROM students WHERE display_name = 'Newcomer'", restored) == grace_key
        )
        # ...and Grace's old cookie does not open the newcomer's account: she is asked to join.
        grace_page.goto(f"{restored_base}/quizzes")
        expect(grace_page).not_to_have_url(re.compile(r"/quizzes$"))
        expect(grace_page.locator("main")).not_to_contain_text("Newcomer")
        newcomer_page.goto(f"{restored_base}/quizzes")
        expect(newcomer_page).to_have_url(re.compile(r"/quizzes$"))
        # Ada, who is in the backup, is still herself there.
        ada_page.goto(f"{restored_base}/quizzes")
        expect(ada_page).to_have_url(re.compile(r"/quizzes$"))
        browser.close()

    for label in ("gunicorn-school", "gunicorn-restored"):
        assert "Traceback" not in deployment.log(label), deployment.log(label)
