"""Charts drawn on the server as SVG: no JavaScript, no CDN, nothing inline to relax the CSP for.

Every chart is an ``<svg role="img">`` named by its ``<title>`` and ``<desc>``;
the page puts a table with the same numbers next to it.  All text is escaped
here, so the result is safe to insert as Markup.  Values are printed beside each
bar and flagged bars say so in words, so colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# A narrow drawing with large text: shown 300 px wide on a phone, its text is still about 14 px.
WIDTH = 320
ROW_HEIGHT = 46
BAR_HEIGHT = 16
LABEL_SIZE = 15
SMALL_SIZE = 12
TOP = 8
REFERENCE_ROOM = 20  # above the rows, for the reference line's label
AXIS_ROOM = 24  # below the rows, for the scale
MARGIN = 2
MAX_TEXT = 38  # characters that fit on one row at LABEL_SIZE


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: nothing to draw ("n/a")
    value_text: str
    flag: str = ""  # why the bar is flagged, in words; empty when it is not


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _shorten(text: str, limit: int) -> str:
    limit = max(limit, 4)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def row_text(bar: Bar) -> str:
    """The row's words: the label, shortened if need be, so the value and flag always fit."""
    rest = f": {bar.value_text}" + (f" ({bar.flag})" if bar.flag else "")
    return _shorten(bar.label, MAX_TEXT - len(rest)) + rest


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    *,
    minimum: float = 0.0,
    maximum: float = 1.0,
    reference: float | None = None,
    reference_label: str = "",
    scale_labels: Sequence[tuple[float, str]] = (),
) -> Markup:
    """A horizontal bar chart: one row per bar with its label and value written above the bar.

    Bars start at zero (or at ``minimum`` when it is above zero), so negative
    values such as a discrimination index grow to the left of a zero line.
    ``reference`` draws a dashed line, such as a review threshold.
    """
    if maximum <= minimum:
        raise ValueError("maximum must be above minimum")
    span = maximum - minimum
    usable = WIDTH - 2 * MARGIN

    def x(value: float) -> float:
        clipped = max(minimum, min(maximum, value))
        return MARGIN + (clipped - minimum) / span * usable

    top = TOP + (REFERENCE_ROOM if reference is not None else 0)
    height = top + ROW_HEIGHT * len(bars) + AXIS_ROOM
    origin = x(min(max(0.0, minimum), maximum))
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" aria-labelledby="{escape(title_id)} '
        f'{escape(desc_id)}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'focusable="false" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(description)}</desc>',
    ]
    for row, bar in enumerate(bars):
        y = top + row * ROW_HEIGHT
        label = row_text(bar)
        parts.append(
            f'<text class="chart-label" x="{MARGIN}" y="{y + LABEL_SIZE}" font-size="{LABEL_SIZE}" '
            f'fill="#1b1e23">{escape(label)}</text>'
        )
        bar_y = y + LABEL_SIZE + 6
        parts.append(
            f'<rect class="chart-track" x="{MARGIN}" y="{bar_y}" width="{usable}" height="{BAR_HEIGHT}" '
            'fill="#f4f5f7" stroke="#c9ccd3" stroke-width="1"/>'
        )
        if bar.value is not None:
            end = x(bar.value)
            left, right = min(origin, end), max(origin, end)
            css = "chart-bar chart-bar-flagged" if bar.flag else "chart-bar"
            fill = "#7a4b00" if bar.flag else "#0b5cad"
            width = _number(max(right - left, 0.0))
            parts.append(
                f'<rect class="{css}" x="{_number(left)}" y="{bar_y}" width="{width}" '
                f'height="{BAR_HEIGHT}" fill="{fill}"/>'
            )
    rows_bottom = top + ROW_HEIGHT * len(bars)
    if minimum < 0 < maximum:
        parts.append(
            f'<line class="chart-zero" x1="{_number(origin)}" x2="{_number(origin)}" y1="{top}" '
            f'y2="{rows_bottom}" stroke="#1b1e23" stroke-width="1"/>'
        )
    if reference is not None:
        rx = _number(x(reference))
        parts.append(
            f'<line class="chart-reference" x1="{rx}" x2="{rx}" y1="{TOP + 14}" y2="{rows_bottom}" '
            'stroke="#a11d1d" stroke-width="2" stroke-dasharray="4 3"/>'
        )
        anchor = "end" if x(reference) > WIDTH * 0.6 else "start"
        parts.append(
            f'<text class="chart-reference-label" x="{rx}" y="{TOP + 10}" font-size="{SMALL_SIZE}" '
            f'fill="#a11d1d" text-anchor="{anchor}">{escape(reference_label)}</text>'
        )
    ticks = scale_labels or ((minimum, _number(minimum)), (maximum, _number(maximum)))
    for value, text in ticks:
        tx = x(value)
        anchor = "start" if tx < WIDTH * 0.2 else "end" if tx > WIDTH * 0.8 else "middle"
        parts.append(
            f'<text class="chart-scale" x="{_number(tx)}" y="{rows_bottom + 16}" font-size="{SMALL_SIZE}" '
            f'fill="#555b66" text-anchor="{anchor}">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every piece of text above went through escape()


def percent_chart(chart_id: str, title: str, description: str, bars: Sequence[Bar]) -> Markup:
    """Bars of percentages, 0 to 100."""
    return bar_chart(
        chart_id,
        title,
        description,
        bars,
        minimum=0.0,
        maximum=100.0,
        scale_labels=((0.0, "0%"), (50.0, "50%"), (100.0, "100%")),
    )
