"""Teacher accounts in the browser: first setup, log in, log out, change password."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from app.auth.access import signed_in_teacher, teacher_required
from app.auth.forms import LoginForm, PasswordForm, SetupForm, flash_form_errors, show_problem
from app.extensions import limiter
from app.models import Teacher
from app.services import accounts

bp = Blueprint("auth", __name__, template_folder="templates")

# Set once a teacher exists.  Only True is ever cached: a cached "no teacher yet" would
# send another worker's visitors to /setup after the first teacher signed up elsewhere.
SETUP_DONE = "sourcewise.setup_done"
LOGIN_FAILED = "That email and password do not match an account. Check both and try again."


def lead_to_setup() -> Response | None:
    """With no teacher yet, every page except /setup, static files and student pages leads to /setup."""
    if current_app.extensions.get(SETUP_DONE):
        return None
    endpoint = request.endpoint
    if endpoint is None or endpoint == "auth.setup" or endpoint.split(".")[-1] == "static":
        return None
    if request.blueprint == "student":
        return None
    if accounts.teacher_count() > 0:
        current_app.extensions[SETUP_DONE] = True
        return None
    return redirect(url_for("auth.setup"))


def _sign_in(teacher: Teacher) -> None:
    # A new session at every sign-in (the cookie changes), so a session id planted
    # before login is worth nothing afterwards.
    session.clear()
    login_user(teacher)


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths: an absolute or protocol-relative address would be an open redirect."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    return target


@bp.route("/setup", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def setup() -> Response | str | tuple[str, int]:
    if accounts.teacher_count() > 0:
        current_app.extensions[SETUP_DONE] = True
        flash("Setup is already done. Log in with your teacher account.", "info")
        return redirect(url_for("auth.login"))
    token = request.args.get("token", "")
    if not accounts.check_setup_token(token):
        # Only the path: a full URL built from the request's Host header could point the person at
        # the console to a host an attacker chose, and hand them the token.
        address = url_for("auth.setup", token=accounts.setup_token())
        current_app.logger.warning(
            "Sourcewise is not set up yet. Open %s on this server to create the first teacher", address
        )
        status = 403 if token else 200
        return render_template("auth/setup_token.html", wrong_token=bool(token)), status
    form = SetupForm()
    if form.validate_on_submit():
        try:
            teacher = accounts.create_first_teacher(
                form.email.data or "", form.new_password.data or "", form.display_name.data or ""
            )
        except accounts.AccountError as exc:
            show_problem(form, exc.field, str(exc))
        else:
            current_app.extensions[SETUP_DONE] = True
            _sign_in(teacher)
            flash("Welcome to Sourcewise! Your account is ready. Start by creating a class.", "success")
            return redirect(url_for("teacher.classes"))
    else:
        flash_form_errors(form)
    return render_template("auth/setup.html", form=form, token=token)


# Login limits (config LOGIN_*): wrong passwords count per account and address, per address and
# per account, so a student guessing one account never locks out the teacher next door; every
# try counts per address too, which bounds the password-hashing work one address can cause.
LOGIN_FAILED_FLAG = "login_failed"


def _config_limit(key: str) -> Callable[[], str]:
    return lambda: str(current_app.config[key])


def _typed_account() -> str:
    # Never empty: flask-limiter logs an error for an empty key (no email is one account here).
    return accounts.normalise_email(request.form.get("email", "")[:254]) or "(no email)"


def _account_at_address() -> str:
    return f"{get_remote_address()}|{_typed_account()}"


def _failed(_response: Response) -> bool:
    return bool(g.get(LOGIN_FAILED_FLAG, False))


_failures_per_account_and_address = limiter.shared_limit(
    _config_limit("LOGIN_ACCOUNT_ADDRESS_LIMIT"),
    scope="login-account-address",
    key_func=_account_at_address,
    methods=["POST"],
    deduct_when=_failed,
)
_failures_per_address = limiter.shared_limit(
    _config_limit("LOGIN_ADDRESS_FAILURE_LIMIT"), scope="login-address", methods=["POST"], deduct_when=_failed
)
_failures_per_account = limiter.shared_limit(
    _config_limit("LOGIN_ACCOUNT_LIMIT"),
    scope="login-account",
    key_func=_typed_account,
    methods=["POST"],
    deduct_when=_failed,
)
_tries_per_address = limiter.shared_limit(
    _config_limit("LOGIN_ADDRESS_LIMIT"), scope="login-tries", methods=["POST"]
)


@bp.route("/login", methods=["GET", "POST"])
@_failures_per_account_and_address
@_failures_per_address
@_failures_per_account
@_tries_per_address
def login() -> Response | str:
    next_page = _safe_next(request.args.get("next"))
    if isinstance(current_user, Teacher) and request.method == "GET":
        return redirect(next_page or url_for("teacher.classes"))
    form = LoginForm()
    if form.validate_on_submit():
        teacher = accounts.authenticate(form.email.data or "", form.password.data or "")
        if teacher is None:
            g.login_failed = True
            # One message for a wrong email and a wrong password: the page never tells
            # anyone which addresses have an account.
            show_problem(form, "password", LOGIN_FAILED)
        else:
            _sign_in(teacher)
            flash("You are logged in.", "success")
            return redirect(next_page or url_for("teacher.classes"))
    else:
        flash_form_errors(form)
    return render_template("auth/login.html", form=form, next_page=next_page)


@bp.post("/logout")
def logout() -> Response:
    if isinstance(current_user, Teacher):
        # Signed cookies live on after a logout: bumping the epoch is what ends this session
        # (and any copy of its cookie), like a password change does.
        accounts.end_sessions(current_user._get_current_object())  # type: ignore[attr-defined]
    logout_user()
    session.clear()
    flash("You are logged out, on this device and any other where you were logged in.", "info")
    return redirect(url_for("main.index"))


@bp.route("/account", methods=["GET", "POST"])
@teacher_required
def account() -> Response | str:
    teacher = signed_in_teacher()
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(teacher, form.current_password.data or "", form.new_password.data or "")
        except accounts.AccountError as exc:
            show_problem(form, exc.field, str(exc))
        else:
            # The change ended every session of this teacher, this one included; start a fresh one here.
            _sign_in(teacher)
            flash(
                "Your password is changed. Other devices where you were logged in are now logged out.",
                "success",
            )
            return redirect(url_for("auth.account"))
    else:
        flash_form_errors(form)
    return render_template("auth/account.html", form=form, teacher=teacher)
