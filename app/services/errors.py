"""What services raise instead of speaking HTTP.

``NotFound``: the record does not exist for this user (another teacher's class is not theirs
to see); ``app/web.py`` answers it with a 404 page, the shell with a message.

``ServiceError``: something the user can fix, the message says how.  ``field`` names the form
field the message is about, when there is one, so a view can put it next to that field
(``form[error.field]``).  Each service has its own subclass (``ClassError``, ``QuizError``...).
"""

from __future__ import annotations


class NotFound(Exception):
    """No such record, or not one this user may see."""


class ServiceError(Exception):
    """A request the user can fix; ``field`` (or None) names the form field it is about."""

    field: str | None = None

    def __init__(self, message: str = "", field: str | None = None) -> None:
        super().__init__(message)
        if field is not None:
            self.field = field
