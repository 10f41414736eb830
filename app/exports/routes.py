"""The teacher's export pages and CSV downloads (mounted under /teacher).

Downloads are GET links: they change nothing, so they need no CSRF token, and a
teacher can bookmark them.  The CSV is streamed: the response body is a generator
that reads the database as the browser downloads.
"""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request, stream_with_context
from werkzeug.wrappers import Response as BaseResponse

from app.auth.access import refuse_unless_teacher, signed_in_teacher
from app.models import utcnow
from app.services import classes, exports

bp = Blueprint("exports", __name__, template_folder="templates")

KIND_PATH = "<any(" + ", ".join(exports.KINDS) + "):kind>"


@bp.before_request
def only_teachers() -> BaseResponse | None:
    return refuse_unless_teacher()


@bp.get("/exports", endpoint="all_classes")
def all_classes() -> str:
    summaries = classes.classes_of(signed_in_teacher())
    return render_template(
        "exports/index.html", heading="Export all your classes", school_class=None, summaries=summaries
    )


@bp.get("/classes/<int:class_id>/exports", endpoint="class_exports")
def class_exports(class_id: int) -> str:
    school_class = classes.class_for_teacher(signed_in_teacher(), class_id)
    return render_template(
        "exports/index.html", heading=f"Export {school_class.name}", school_class=school_class, summaries=None
    )


@bp.get(f"/exports/{KIND_PATH}.csv", endpoint="download_all")
def download_all(kind: str) -> Response:
    export = exports.teacher_export(
        signed_in_teacher(), kind, now=utcnow(), excel=_wants_excel(), missing_as_zero=_missing_as_zero()
    )
    return _csv_response(export)


@bp.get(f"/classes/<int:class_id>/exports/{KIND_PATH}.csv", endpoint="download_class")
def download_class(class_id: int, kind: str) -> Response:
    export = exports.teacher_export(
        signed_in_teacher(),
        kind,
        now=utcnow(),
        class_id=class_id,
        excel=_wants_excel(),
        missing_as_zero=_missing_as_zero(),
    )
    return _csv_response(export)


def _wants_excel() -> bool:
    return request.args.get("excel", "") in ("1", "on", "true", "yes")


def _missing_as_zero() -> bool:
    """?missing=zero: missing work counts as 0% (scores and gradebook exports)."""
    return request.args.get("missing", "") == "zero"


def _csv_response(export: exports.CsvExport) -> Response:
    # stream_with_context keeps the request (and its database session) open while the body is sent.
    response = Response(stream_with_context(export.chunks), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response.headers["Cache-Control"] = "no-store"  # students' scores: never kept in a shared cache
    return response
