"""CSV exports as pure functions: inert cells, times, numbers, row layouts, chunked writing."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.domain import csv_export as cx
from app.domain.question import CHOICE, MULTIPLE, SELECT, Question

TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "\0"]


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix(cx.BOM), newline="")))


# --- inert ----------------------------------------------------------------------------------


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_a_cell_starting_with_a_formula_trigger_gets_a_leading_quote(trigger: str) -> None:
    assert cx.inert(f'{trigger}HYPERLINK("https://evil.example","x")') == (
        f'\'{trigger}HYPERLINK("https://evil.example","x")'
    )


@pytest.mark.parametrize("whitespace", [" ", "   ", "\n", "\u00a0", " \t"])
@pytest.mark.parametrize("trigger", ["=", "+", "-", "@"])
def test_a_trigger_after_leading_whitespace_is_made_inert_too(whitespace: str, trigger: str) -> None:
    # Importers that trim spaces would otherwise see a formula.
    assert cx.inert(f"{whitespace}{trigger}1+1") == f"'{whitespace}{trigger}1+1"


@pytest.mark.parametrize(
    "text", ["", "Zoë", "李", "a=b", "Tom - the second", "  Ann", "'already quoted", "100%", "1+1"]
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert cx.inert(text) == text


def test_safe_row_makes_text_inert_and_keeps_numbers_as_numbers() -> None:
    assert cx.safe_row(["-5", -5, -0.5, None, "=1", 3]) == ["'-5", -5, -0.5, None, "'=1", 3]


def test_safe_row_refuses_anything_but_text_numbers_and_none() -> None:
    with pytest.raises(TypeError):
        cx.safe_row([True])
    with pytest.raises(TypeError):
        cx.safe_row([datetime.now(UTC)])  # type: ignore[list-item]


# --- times and numbers ----------------------------------------------------------------------


def test_times_are_iso_8601_in_utc_with_z() -> None:
    paris = timezone(timedelta(hours=2))
    assert cx.iso_utc(datetime(2024, 5, 1, 11, 30, 15, 999, tzinfo=paris)) == "2024-05-01T09:30:15Z"
    assert cx.iso_utc(None) == ""
    with pytest.raises(ValueError):
        cx.iso_utc(datetime(2024, 5, 1, 9, 30))


def test_numbers_are_plain_whole_numbers_or_rounded() -> None:
    assert cx.number(12.0) == 12 and isinstance(cx.number(12.0), int)
    assert cx.number(2 / 3) == 0.667
    assert cx.number(None) is None
    assert cx.percent(8, 12) == 66.7
    assert cx.percent(3, 3) == 100
    assert cx.percent(0, 0) is None
    assert cx.percent(None, 12) is None


# --- rows -----------------------------------------------------------------------------------


def _question(**fields: object) -> Question:
    data: dict[str, object] = {
        "kind": "who_said_it", "type": CHOICE, "skill": "sources", "prompt": "?", "explanation": "",
    }  # fmt: skip
    data.update(fields)
    return Question(**data)  # type: ignore[arg-type]


def test_a_scores_row_follows_the_columns() -> None:
    started = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    record = cx.ScoreRecord(
        "Year 9",
        "Zoë",
        "a1b2c3",
        "Raqqa",
        "raqqa-assault-2015",
        2,
        3,
        "late",
        started_at=started,
        submitted_at=started + timedelta(minutes=12),
        score=8.5,
        max_score=12.0,
        skills={
            "sources": cx.SkillScore(4, 4),
            "claims": cx.SkillScore(2.5, 4),
            "framing": cx.SkillScore(2, 4),
        },
    )
    row = cx.scores_row(record)
    assert dict(zip(cx.SCORES_COLUMNS, row, strict=True)) == {
        "class": "Year 9",
        "student": "Zoë",
        "student_id": "a1b2c3",
        "assignment": "Raqqa",
        "quiz_id": "raqqa-assault-2015",
        "quiz_version": 2,
        "attempts": 3,
        "status": "late",
        "started_at": "2024-05-01T09:00:00Z",
        "submitted_at": "2024-05-01T09:12:00Z",
        "score": 8.5,
        "max_score": 12,
        "percent": 70.8,
        "sources_pct": 100,
        "claims_pct": 62.5,
        "framing_pct": 50,
    }


def test_a_not_started_row_has_empty_times_and_scores() -> None:
    row = cx.scores_row(cx.ScoreRecord("C", "S", "id", "A", "q", 1, 0, "not started"))
    assert row[6:] == [0, "not started", "", "", None, None, None, None, None, None]


def test_columns_are_exactly_as_documented() -> None:
    assert cx.SCORES_COLUMNS == (
        "class", "student", "student_id", "assignment", "quiz_id", "quiz_version", "attempts", "status",
        "started_at", "submitted_at", "score", "max_score", "percent",
        "sources_pct", "claims_pct", "framing_pct",
    )  # fmt: skip
    assert cx.RESPONSES_COLUMNS == (
        "class", "student", "student_id", "assignment", "attempt", "question", "kind", "skill", "answer",
        "score", "max", "confidence",
    )  # fmt: skip
    assert cx.GRADEBOOK_COLUMNS == ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")


def test_answer_text_gives_choice_labels_or_selected_phrases() -> None:
    choice = _question(type=MULTIPLE, choices=("A witness", "The police", "=cmd"), answer=(0, 1))
    assert cx.answer_text(choice, [0, 2]) == "A witness | =cmd"
    select = _question(type=SELECT, words=("The", "river", "is", "now", "a", "dead", "zone"), gold=((4, 7),))
    assert cx.answer_text(select, [4, 5, 6, 0]) == "The | a dead zone"
    assert cx.answer_text(select, [1, 9]) == "river | #9"
    assert cx.answer_text(None, [3, 1]) == "3 | 1"


def test_a_responses_row_numbers_questions_from_one() -> None:
    question = _question(kind="support", skill="claims", choices=("backed", "unbacked"), answer=(1,))
    assert cx.describe_answer(question, [1]) == ("support", "claims", "unbacked")
    assert cx.describe_answer(None, [1]) == ("", "", "1")
    row = cx.responses_row("C", "=Zoë", "id", "A", 2, 0, cx.describe_answer(question, [1]), 1.0, 1.0)
    assert dict(zip(cx.RESPONSES_COLUMNS, row, strict=True)) == {
        "class": "C",
        "student": "=Zoë",
        "student_id": "id",
        "assignment": "A",
        "attempt": 2,
        "question": 1,
        "kind": "support",
        "skill": "claims",
        "answer": "unbacked",
        "score": 1,
        "max": 1,
        "confidence": "",
    }
    rated = cx.responses_row(
        "C", "Zoë", "id", "A", 1, 0, cx.describe_answer(question, [1]), 0.0, 1.0, "certain"
    )
    assert rated[-1] == "certain"


def test_gradebook_rows_follow_the_canvas_layout() -> None:
    assert cx.gradebook_header(["Quiz", "Quiz", "Other", "Quiz"]) == [
        "Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Quiz", "Quiz #2", "Other", "Quiz #3",
    ]  # fmt: skip
    assert cx.gradebook_points_row(2) == ["    Points Possible", "", "", "", "", 100, 100]
    assert cx.gradebook_row("Zoë", "Year 9", [75.0, None]) == ["Zoë", "", "", "", "Year 9", 75.0, None]


# --- writing --------------------------------------------------------------------------------


def test_text_is_quoted_numbers_are_not_and_lines_end_with_crlf() -> None:
    text = "".join(cx.csv_chunks(["a", "b"], [['x, "y"', -0.5], [None, 3]]))
    assert text == '"a","b"\r\n"x, ""y""",-0.5\r\n"",3\r\n'


def test_excel_adds_a_byte_order_mark_and_plain_csv_does_not() -> None:
    assert "".join(cx.csv_chunks(["Zoë"], [], excel=True)) == '\ufeff"Zoë"\r\n'
    assert "".join(cx.csv_chunks(["Zoë"], [])) == '"Zoë"\r\n'


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_no_written_cell_starts_with_a_trigger(trigger: str) -> None:
    payload = f'{trigger}HYPERLINK("https://evil.example")'
    text = "".join(cx.csv_chunks([payload, "ok"], [[payload, 1], [f" {payload}", -2]]))
    cells = [cell for row in parse(text) for cell in row]
    # After a space, a tab or CR is whitespace a trimming importer drops, leaving plain "HYPERLINK(".
    spaced = f" {payload}" if trigger in "\t\r" else f"' {payload}"
    assert cells == [f"'{payload}", "ok", f"'{payload}", "1", spaced, "-2"]


def test_rows_are_read_lazily_and_written_in_bounded_chunks() -> None:
    consumed = 0

    def rows():  # type: ignore[no-untyped-def]
        nonlocal consumed
        for index in range(5000):
            consumed += 1
            yield [f"student {index}", index, "some text to fill the line"]

    chunks = cx.csv_chunks(["name", "n", "text"], rows(), chunk_size=1024)
    first = next(chunks)
    assert consumed < 100  # the first chunk did not need every row
    rest = list(chunks)
    assert consumed == 5000
    assert all(len(chunk) < 1024 + 200 for chunk in [first, *rest])
    assert len(parse(first + "".join(rest))) == 5001


def test_file_names_are_ascii_and_dated() -> None:
    day = date(2024, 5, 1)
    assert cx.export_filename("scores", "K7PX3M", day) == "sourcewise-scores-k7px3m-2024-05-01.csv"
    assert cx.export_filename("gradebook", "Zoë's «class»", day) == (
        "sourcewise-gradebook-zo-s-class-2024-05-01.csv"
    )


def _record(status: str, **extra: object) -> cx.ScoreRecord:
    return cx.ScoreRecord("C", "S", "p", "A", "q", 1, 1 if "score" in extra else 0, status, **extra)  # type: ignore[arg-type]


def test_missing_work_counted_as_zero_has_a_percent_of_zero() -> None:
    missing = _record("missing", missing_as_zero=True)
    assert missing.percent == 0 and cx.scores_row(missing)[12] == 0
    assert _record("missing").percent is None
    handed_in = _record(
        "late", submitted_at=datetime(2024, 5, 1, tzinfo=UTC), score=3.0, max_score=4.0, missing_as_zero=True
    )
    assert handed_in.percent == 75
