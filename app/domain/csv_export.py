"""CSV exports as pure functions: cell values made safe for spreadsheets, and row layouts.

The services feed database rows in; this module turns them into CSV text one row at
a time, so an export never holds more than one chunk of text in memory.

CSV (formula) injection.  A spreadsheet that opens a CSV file treats a cell that
starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and a leading tab or carriage
return can smuggle one in; a display name like ``=HYPERLINK("https://evil.example",
"Ann")`` would become a live link in the teacher's spreadsheet.  Following OWASP's
"CSV Injection" page (and ASVS 5.0 requirement 1.2.10, which adds the null character):

- every text cell whose first character is one of those is prefixed with a single
  quote, which makes the spreadsheet take the cell as text;
- the same when the trigger comes after leading whitespace (``"  =1+1"``): an
  importer that trims spaces (an option of LibreOffice's import dialog, for one)
  would otherwise see the formula, so the quote goes before the whitespace;
- every text cell is wrapped in double quotes with inner quotes doubled (RFC 4180),
  as OWASP also asks, so a comma, quote or line break inside a value can never start
  a new cell whose first character would escape the check above.

Only text is made inert.  Numbers are written as numbers from their Python type
(``-0.5`` stays a number a spreadsheet can add up), never parsed back from text; a
*text* cell that happens to look like ``-5`` is still quoted, because its content
comes from a person.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from app.domain.article import SKILLS
from app.domain.question import SELECT, Question

Cell = str | int | float | None

# OWASP's list, plus NUL from ASVS 5.0.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\0")
BOM = "\ufeff"  # Excel reads a UTF-8 file as UTF-8 only when it starts with this
LINE_END = "\r\n"  # RFC 4180
CHUNK_SIZE = 16 * 1024  # characters per chunk handed to the web server or the file

SCORES_COLUMNS: tuple[str, ...] = (
    "class",
    "student",
    "student_id",
    "assignment",
    "quiz_id",
    "quiz_version",
    "attempts",
    "status",
    "started_at",
    "submitted_at",
    "score",
    "max_score",
    "percent",
    *(f"{skill}_pct" for skill in SKILLS),
)
RESPONSES_COLUMNS: tuple[str, ...] = (
    "class",
    "student",
    "student_id",
    "assignment",
    "attempt",
    "question",
    "kind",
    "skill",
    "answer",
    "score",
    "max",
    "confidence",  # how sure the student said they were (app.domain.confidence), empty if not said
)
# Canvas's gradebook import: these five, then one column per assignment, and a
# "Points Possible" row under the header (Canvas writes the label indented).
GRADEBOOK_COLUMNS: tuple[str, ...] = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
POINTS_POSSIBLE = "    Points Possible"
GRADEBOOK_POINTS = 100  # gradebook cells are the kept percent
ANSWER_SEPARATOR = " | "


def inert(text: str) -> str:
    """``text`` as a spreadsheet will show it, never run it (see the module docstring)."""
    if not text:
        return text
    first = text[0]
    if first in FORMULA_TRIGGERS:
        return "'" + text
    if first.isspace():
        stripped = text.lstrip()
        if stripped and stripped[0] in FORMULA_TRIGGERS:
            return "'" + text
    return text


def _safe(value: Cell) -> Cell:
    if isinstance(value, str):
        return inert(value)
    # bool is an int, but True in a CSV is neither a number nor meant as text.
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    raise TypeError(f"a CSV cell must be text, a number or None, not {type(value).__name__}")


def safe_row(cells: Iterable[Cell]) -> list[Cell]:
    """Every text cell made inert; numbers and empty cells unchanged."""
    return [_safe(value) for value in cells]


def iso_utc(moment: datetime | None) -> str:
    """ISO 8601 in UTC with a ``Z``, to the second: ``2024-05-01T09:30:00Z``."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: exports need aware UTC datetimes")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def number(value: float | None, places: int = 3) -> int | float | None:
    """A score as a plain number: whole numbers without ``.0``, others rounded."""
    if value is None:
        return None
    rounded = round(float(value), places)
    return int(rounded) if rounded.is_integer() else rounded


def percent(score: float | None, maximum: float | None) -> float | int | None:
    """Percent to one decimal; None when there is nothing to score (no questions of that kind)."""
    if score is None or not maximum:
        return None
    return number(100.0 * score / maximum, 1)


# --- Rows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillScore:
    score: float
    maximum: float


@dataclass(frozen=True)
class ScoreRecord:
    """One student at one assignment, with the kept attempt (none when not started).

    ``status`` is the dashboard's state (``statistics.assignment_state``), so the
    export and the gradebook page always agree.
    """

    class_name: str
    student_name: str
    student_id: str  # the pseudonymous public id, never the database key
    assignment: str
    quiz_id: str
    quiz_version: int
    attempts: int
    status: str
    started_at: datetime | None = None
    submitted_at: datetime | None = None
    score: float | None = None
    max_score: float | None = None
    skills: Mapping[str, SkillScore] = field(default_factory=dict)  # by skill; none when not started
    # Missing work (nothing handed in, due date passed) that the teacher counts as 0%.
    missing_as_zero: bool = False

    @property
    def percent(self) -> float | int | None:
        if self.missing_as_zero and self.submitted_at is None:
            return 0
        return percent(self.score, self.max_score)


def _skill_percent(skill: SkillScore | None) -> float | int | None:
    return None if skill is None else percent(skill.score, skill.maximum)


def scores_row(record: ScoreRecord) -> list[Cell]:
    """The cells of a scores row, in SCORES_COLUMNS order."""
    return [
        record.class_name,
        record.student_name,
        record.student_id,
        record.assignment,
        record.quiz_id,
        record.quiz_version,
        record.attempts,
        record.status,
        iso_utc(record.started_at),
        iso_utc(record.submitted_at),
        number(record.score),
        number(record.max_score),
        record.percent,
        *(_skill_percent(record.skills.get(skill)) for skill in SKILLS),
    ]


def answer_text(question: Question | None, answer: Sequence[int]) -> str:
    """The answer as the student gave it: the choice labels, or the selected words.

    Separate choices, and separate runs of selected words, are joined with " | ";
    words next to each other stay one phrase.  Indexes outside the question (a
    question changed under a stored answer, which assigning prevents) are shown as
    numbers rather than dropped.
    """
    if question is None:
        return ANSWER_SEPARATOR.join(str(index) for index in answer)
    if question.type == SELECT:
        phrases: list[list[str]] = []
        previous = -2
        for index in sorted(set(answer)):
            word = question.words[index] if 0 <= index < len(question.words) else f"#{index}"
            if index == previous + 1 and phrases:
                phrases[-1].append(word)
            else:
                phrases.append([word])
            previous = index
        return ANSWER_SEPARATOR.join(" ".join(phrase) for phrase in phrases)
    labels = [
        question.choices[index] if 0 <= index < len(question.choices) else f"#{index}" for index in answer
    ]
    return ANSWER_SEPARATOR.join(labels)


def describe_answer(question: Question | None, answer: Sequence[int]) -> tuple[str, str, str]:
    """(kind, skill, answer as given) of one answer, the responses row's middle cells."""
    if question is None:
        return "", "", answer_text(None, answer)
    return question.kind, question.skill, answer_text(question, answer)


def responses_row(
    class_name: str,
    student_name: str,
    student_id: str,
    assignment: str,
    attempt: int,
    position: int,
    described: tuple[str, str, str],
    score: float,
    maximum: float,
    confidence: str | None = None,
) -> list[Cell]:
    """The cells of a responses row, in RESPONSES_COLUMNS order.

    ``position`` is the 0-based index in the quiz; ``described`` comes from
    :func:`describe_answer`.
    """
    kind, skill, text = described
    return [
        class_name,
        student_name,
        student_id,
        assignment,
        attempt,
        position + 1,
        kind,
        skill,
        text,
        number(score),
        number(maximum),
        confidence or "",
    ]


def unique_titles(titles: Sequence[str]) -> list[str]:
    """Column titles with repeats told apart (``Quiz``, ``Quiz #2``).

    Not ``Quiz (2)``: Canvas reads a trailing number in brackets as its own
    assignment id.
    """
    seen: dict[str, int] = {}
    result = []
    for title in titles:
        count = seen.get(title, 0) + 1
        seen[title] = count
        result.append(title if count == 1 else f"{title} #{count}")
    return result


def gradebook_header(assignment_titles: Sequence[str]) -> list[Cell]:
    return [*GRADEBOOK_COLUMNS, *unique_titles(assignment_titles)]


def gradebook_points_row(assignment_count: int) -> list[Cell]:
    return [POINTS_POSSIBLE, "", "", "", "", *([GRADEBOOK_POINTS] * assignment_count)]


def gradebook_row(student_name: str, section: str, percents: Sequence[float | int | None]) -> list[Cell]:
    """A student's row: the kept percent per assignment, empty where nothing was handed in.

    Canvas matches students by name when its own ids are empty; the id columns are
    left for the teacher to fill in if the LMS names differ.
    """
    return [student_name, "", "", "", section, *percents]


# --- Writing --------------------------------------------------------------------------------


def csv_chunks(
    header: Sequence[Cell],
    rows: Iterable[Sequence[Cell]],
    *,
    excel: bool = False,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[str]:
    """The CSV text of ``header`` and ``rows``, in chunks of about ``chunk_size`` characters.

    Rows are consumed one at a time, so memory stays flat whatever the number of
    rows.  Every cell goes through :func:`safe_row`.  ``excel`` starts the text with
    a byte order mark.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator=LINE_END)
    if excel:
        buffer.write(BOM)
    writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow([_safe(value) for value in row])
        if buffer.tell() >= chunk_size:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    text = buffer.getvalue()
    if text:
        yield text


_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9]+")


def export_filename(kind: str, label: str, day: date) -> str:
    """``sourcewise-scores-K7PX3M-2024-05-01.csv``: ASCII only, so every browser keeps it."""
    parts = [_UNSAFE_FILENAME.sub("-", part).strip("-").lower() for part in ("sourcewise", kind, label)]
    return "-".join(part for part in parts if part) + f"-{day.isoformat()}.csv"
