"""Who may see teacher pages: a signed-in teacher only."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from flask import abort
from flask_login import current_user
from werkzeug.wrappers import Response

from app.extensions import login_manager
from app.models import Teacher

F = TypeVar("F", bound=Callable[..., Any])


def refuse_unless_teacher() -> Response | None:
    """None for a teacher; the login page for a visitor; 403 for a signed-in student.

    Flask-Login's login_required is not enough: a student is "authenticated" too.
    """
    if isinstance(current_user, Teacher):
        return None
    if not current_user.is_authenticated:
        return cast(Response, login_manager.unauthorized())
    abort(403, description="This page is for teachers. Your quizzes are under “My quizzes”.")


def teacher_required(view: F) -> F:
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        refusal = refuse_unless_teacher()
        if refusal is not None:
            return refusal
        return view(*args, **kwargs)

    return cast(F, wrapped)


def signed_in_teacher() -> Teacher:
    """The Teacher object behind current_user (only call once access is checked)."""
    teacher = current_user._get_current_object()  # the real object, not the proxy
    assert isinstance(teacher, Teacher)
    return teacher
