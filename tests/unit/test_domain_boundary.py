"""app/domain is pure Python: it must never import Flask, the database or web form libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "app" / "domain"
FORBIDDEN = (
    "flask",
    "flask_sqlalchemy",
    "flask_wtf",
    "flask_login",
    "flask_migrate",
    "sqlalchemy",
    "wtforms",
    "werkzeug",
    "jinja2",
    "psycopg",
    "alembic",
)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_domain_module_imports_flask_or_the_database() -> None:
    offenders = []
    for path in sorted(DOMAIN.rglob("*.py")):
        for name in _imported_modules(path):
            if name.split(".")[0] in FORBIDDEN or (
                name.startswith("app.") and not name.startswith("app.domain")
            ):
                offenders.append(f"{path.relative_to(DOMAIN.parent.parent)} imports {name}")
    assert offenders == []


def test_importing_the_domain_loads_no_web_or_database_module() -> None:
    # Catches indirect imports too: import every domain module in a fresh interpreter.
    modules = [
        "app.domain." + ".".join(p.relative_to(DOMAIN).with_suffix("").parts)
        for p in sorted(DOMAIN.rglob("*.py"))
        if p.name != "__init__.py"
    ]
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = sorted(n for n in sys.modules if n.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=DOMAIN.parent.parent
    )
    assert result.stdout.strip() == ""


# --- Services do not speak HTTP ------------------------------------------------------------------

SERVICES = DOMAIN.parent / "services"
# The only Flask names a service may import, where, and why: each reads the app's configuration
# (an application context, never a request).  Everything HTTP (abort, request, responses) stays in
# the views; a service raises app.services.errors.NotFound or a ServiceError instead.
FLASK_ALLOWED = {
    ("accounts.py", "current_app"): "SECRET_KEY, from which the first-teacher setup token is derived",
    ("content.py", "current_app"): "QUESTIONS_DIR, where the school's articles and the vocabulary live",
    ("demo.py", "current_app"): "QUESTIONS_DIR, the articles the demo class is set",
    ("times.py", "current_app"): "DEFAULT_TIME_ZONE, for classes without a time zone of their own",
}


def _flask_imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every import from flask or werkzeug.exceptions in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, "*") for alias in node.names if alias.name.split(".")[0] == "flask"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            flask_like = node.module.split(".")[0] == "flask" or node.module == "werkzeug.exceptions"
            found += [(node.module, alias.name) for alias in node.names] if flask_like else []
    return found


def test_services_import_from_flask_only_what_they_need_for_configuration() -> None:
    offenders = []
    for path in sorted(SERVICES.glob("*.py")):
        for module, name in _flask_imports(path):
            if not (module == "flask" and (path.name, name) in FLASK_ALLOWED):
                offenders.append(f"app/services/{path.name} imports {name} from {module}")
    assert offenders == []
