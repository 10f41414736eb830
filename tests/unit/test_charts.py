"""Server-side SVG charts: well-formed, accessible, escaped, and drawn to scale."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from markupsafe import Markup

from app.dashboard.svg import MARGIN, MAX_TEXT, WIDTH, Bar, bar_chart, percent_chart, row_text

SVG = "{http://www.w3.org/2000/svg}"
USABLE = WIDTH - 2 * MARGIN


def parse(markup: Markup) -> ET.Element:
    return ET.fromstring(str(markup))


def bars_of(root: ET.Element) -> list[ET.Element]:
    return [rect for rect in root.iter(f"{SVG}rect") if "chart-bar" in rect.get("class", "")]


def test_chart_is_an_image_named_by_its_title_and_description() -> None:
    root = parse(bar_chart("c1", "Skills", "Percent per skill.", [Bar("Sources", 0.5, "50%")]))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Skills"
    assert root.find(f"{SVG}title").get("id") == "c1-title"
    assert root.find(f"{SVG}desc").text == "Percent per skill."
    assert root.find(f"{SVG}desc").get("id") == "c1-desc"


def test_every_bar_is_labelled_with_its_value_in_text() -> None:
    root = parse(bar_chart("c", "t", "d", [Bar("Q1", 0.25, "0.25", flag="review"), Bar("Q2", None, "n/a")]))
    texts = [text.text for text in root.iter(f"{SVG}text") if text.get("class") == "chart-label"]
    # The flag is written out: colour is never the only signal.
    assert texts == ["Q1: 0.25 (review)", "Q2: n/a"]


def test_text_is_escaped() -> None:
    markup = bar_chart("c", "<b>title</b>", "a & b", [Bar('<script>alert("x")</script>', 1.0, "1")])
    assert "<script>" not in str(markup)
    assert "&lt;script&gt;" in str(markup)
    root = parse(markup)  # still well-formed XML
    assert root.find(f"{SVG}title").text == "<b>title</b>"


def test_bars_are_drawn_to_scale_from_zero() -> None:
    root = parse(
        bar_chart("c", "t", "d", [Bar("half", 0.5, "0.5"), Bar("full", 1.0, "1"), Bar("none", 0.0, "0")])
    )
    half, full, zero = bars_of(root)
    assert float(half.get("x")) == MARGIN
    assert float(half.get("width")) == pytest.approx(USABLE / 2, abs=0.1)
    assert float(full.get("width")) == pytest.approx(USABLE, abs=0.1)
    assert float(zero.get("width")) == 0


def test_negative_values_grow_left_of_the_zero_line() -> None:
    root = parse(
        bar_chart("c", "t", "d", [Bar("neg", -0.5, "-0.5"), Bar("pos", 0.5, "0.5")], minimum=-1, maximum=1)
    )
    negative, positive = bars_of(root)
    zero_x = MARGIN + USABLE / 2
    assert float(negative.get("x")) == pytest.approx(MARGIN + USABLE / 4, abs=0.1)
    assert float(negative.get("width")) == pytest.approx(USABLE / 4, abs=0.1)
    assert float(positive.get("x")) == pytest.approx(zero_x, abs=0.1)
    assert float(positive.get("width")) == pytest.approx(USABLE / 4, abs=0.1)
    zero_line = next(root.iter(f"{SVG}line"))
    assert zero_line.get("class") == "chart-zero"
    assert float(zero_line.get("x1")) == pytest.approx(zero_x, abs=0.1)


def test_values_outside_the_range_are_clipped() -> None:
    root = parse(bar_chart("c", "t", "d", [Bar("over", 7.0, "7"), Bar("under", -3.0, "-3")]))
    over, under = bars_of(root)
    assert float(over.get("width")) == pytest.approx(USABLE, abs=0.1)
    assert float(under.get("width")) == 0


def test_missing_values_draw_no_bar() -> None:
    root = parse(bar_chart("c", "t", "d", [Bar("a", None, "n/a"), Bar("b", None, "n/a")]))
    assert bars_of(root) == []
    # The track is still there, so the row reads as empty rather than missing.
    assert len([r for r in root.iter(f"{SVG}rect") if r.get("class") == "chart-track"]) == 2


def test_flagged_bars_are_marked_by_class_and_text() -> None:
    root = parse(bar_chart("c", "t", "d", [Bar("Q1", 0.1, "0.10", flag="review"), Bar("Q2", 0.9, "0.90")]))
    flagged, plain = bars_of(root)
    assert "chart-bar-flagged" in flagged.get("class")
    assert "chart-bar-flagged" not in plain.get("class")


def test_reference_line_sits_at_its_value_with_a_label() -> None:
    root = parse(
        bar_chart("c", "t", "d", [Bar("Q1", 0.5, "0.5")], reference=0.3, reference_label="0.3 review line")
    )
    line = next(line for line in root.iter(f"{SVG}line") if line.get("class") == "chart-reference")
    assert float(line.get("x1")) == pytest.approx(MARGIN + 0.3 * USABLE, abs=0.1)
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-reference-label"]
    assert labels == ["0.3 review line"]


def test_percent_chart_runs_from_0_to_100() -> None:
    root = parse(percent_chart("p", "t", "d", [Bar("Sources", 75.0, "75%")]))
    [bar] = bars_of(root)
    assert float(bar.get("width")) == pytest.approx(0.75 * USABLE, abs=0.1)
    scale = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-scale"]
    assert scale == ["0%", "50%", "100%"]


def test_height_grows_with_the_rows() -> None:
    one = parse(bar_chart("c", "t", "d", [Bar("a", 1, "1")]))
    three = parse(bar_chart("c", "t", "d", [Bar("a", 1, "1")] * 3))
    assert int(three.get("height")) > int(one.get("height"))
    assert three.get("viewBox") == f"0 0 {WIDTH} {three.get('height')}"


def test_long_labels_are_shortened_but_keep_value_and_flag() -> None:
    root = parse(bar_chart("c", "t", "d", [Bar("x" * 200, 1, "4 of 5, right", flag="review")]))
    [label] = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-label"]
    assert len(label) <= MAX_TEXT
    assert label.endswith("…: 4 of 5, right (review)")
    assert row_text(Bar("Short", 1, "1")) == "Short: 1"


def test_an_empty_range_is_refused() -> None:
    with pytest.raises(ValueError):
        bar_chart("c", "t", "d", [], minimum=1, maximum=1)
