"""The front page: where a visitor chooses to join a class or log in as a teacher."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from werkzeug.wrappers import Response

bp = Blueprint("main", __name__, template_folder="templates")


@bp.get("/")
def index() -> str:
    return render_template("main/index.html")


@bp.get("/favicon.ico")
def favicon() -> Response:
    # Browsers ask for /favicon.ico whatever the page says; answer instead of logging a 404.
    return redirect(url_for("static", filename="favicon.svg"), code=301)
