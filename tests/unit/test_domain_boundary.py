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
