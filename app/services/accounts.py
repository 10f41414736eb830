"""Teacher accounts: first-run setup, sign-in, password changes."""

from __future__ import annotations

import hashlib
import hmac
import re
from functools import lru_cache

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db
from app.models import Teacher
from app.services.errors import ServiceError

MIN_PASSWORD_LENGTH = 10
# Hashing a huge "password" costs real CPU; nobody types more than this.
MAX_PASSWORD_LENGTH = 200
MAX_EMAIL_LENGTH = 254
MAX_DISPLAY_NAME = 80
# Deliberately loose: one @, something on each side, a dot in the domain.  The address is
# only a login name here, never mailed to.
_EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def hash_password(password: str) -> str:
    """The stored hash of a password, by the app's PASSWORD_HASH_METHOD (scrypt unless configured)."""
    return generate_password_hash(password, method=_hash_method())


def _hash_method() -> str:
    method: str = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    return method


@lru_cache(maxsize=4)
def _dummy_hash(method: str) -> str:
    """Checked against when the email is unknown, so a miss takes as long as a wrong password."""
    return generate_password_hash("not-a-real-password", method=method)


class AccountError(ServiceError, ValueError):
    """A request the user can fix; the message says how.

    ``field`` names what was wrong ("email", "current_password", "new_password",
    "display_name"), so a form can show the message next to that field.
    """


def teacher_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Teacher)) or 0


def setup_token() -> str:
    """The one-time token for the first-teacher setup page.

    Derived from SECRET_KEY, so every worker and host agrees on it without storing
    it; it stops working as soon as the first teacher exists.
    """
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, b"sourcewise-first-teacher-setup", hashlib.sha256).hexdigest()[:32]


def check_setup_token(token: str) -> bool:
    return hmac.compare_digest(token.encode(), setup_token().encode())


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_email(email: str) -> str:
    """The address as stored (trimmed, lower case), or AccountError saying what is wrong."""
    email = normalise_email(email)
    if not email:
        raise AccountError("Type your email address.", "email")
    if len(email) > MAX_EMAIL_LENGTH:
        raise AccountError(f"An email address has at most {MAX_EMAIL_LENGTH} characters.", "email")
    if not _EMAIL_PATTERN.fullmatch(email):
        raise AccountError("That does not look like an email address (like name@school.org).", "email")
    return email


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Use a password of at least {MIN_PASSWORD_LENGTH} characters.", "new_password")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"Use a password of at most {MAX_PASSWORD_LENGTH} characters.", "new_password")


def create_teacher(email: str, password: str, display_name: str = "") -> Teacher:
    email = check_email(email)
    check_new_password(password)
    display_name = " ".join(display_name.split())
    if len(display_name) > MAX_DISPLAY_NAME:
        raise AccountError(f"Use a name of at most {MAX_DISPLAY_NAME} characters.", "display_name")
    if db.session.scalar(select(Teacher.id).where(Teacher.email == email)) is not None:
        raise AccountError("A teacher with that email already exists.", "email")
    teacher = Teacher(
        email=email,
        display_name=display_name,
        password_hash=hash_password(password),
    )
    db.session.add(teacher)
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise AccountError("A teacher with that email already exists.", "email") from exc
    return teacher


def create_first_teacher(email: str, password: str, display_name: str = "") -> Teacher:
    """The setup page's action: only while no teacher exists."""
    if teacher_count() > 0:
        raise AccountError("Setup is already done: log in instead.")
    return create_teacher(email, password, display_name)


def authenticate(email: str, password: str) -> Teacher | None:
    """The teacher with this email and password, or None (the caller says so in one generic message)."""
    if len(password) > MAX_PASSWORD_LENGTH:
        return None
    teacher = db.session.scalar(select(Teacher).where(Teacher.email == normalise_email(email)))
    if teacher is None:
        check_password_hash(_dummy_hash(_hash_method()), password)
        return None
    return teacher if check_password_hash(teacher.password_hash, password) else None


def change_password(teacher: Teacher, current_password: str, new_password: str) -> None:
    """Changing the password signs out every other session of this teacher."""
    if not check_password_hash(teacher.password_hash, current_password):
        raise AccountError("Your current password is not right.", "current_password")
    check_new_password(new_password)
    teacher.password_hash = hash_password(new_password)
    teacher.session_epoch += 1
    db.session.commit()


def end_sessions(teacher: Teacher) -> None:
    """Log out everywhere: a session cookie copied before now stops working (sessions carry the epoch)."""
    teacher.session_epoch += 1
    db.session.commit()
