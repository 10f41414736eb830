"""The front page: where a visitor chooses to join a class or log in as a teacher."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("main", __name__, template_folder="templates")


@bp.get("/")
def index() -> str:
    return render_template("main/index.html")
