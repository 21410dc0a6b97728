"""Inline SVG charts: pure functions from numbers to markup, no scripts, no external assets.

Every chart is ``role="img"`` with a ``<title>`` and ``<desc>`` (and ``aria-labelledby``
pointing at them); the report places a table with the same figures next to each chart. All
text is escaped here, so callers may pass untrusted labels.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

FONT = 12
AXIS = "#4b5563"
GRID = "#e5e7eb"


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def _f(value: float) -> str:
    """A compact coordinate."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> str:
    return (
        f'<svg class="chart" id="{esc(chart_id)}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{esc(title)}" aria-labelledby="{esc(chart_id)}-t {esc(chart_id)}-d" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{esc(chart_id)}-t">{esc(title)}</title>'
        f'<desc id="{esc(chart_id)}-d">{esc(desc)}</desc>'
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" font-size="{FONT}"{klass}>'
        f"{esc(text)}</text>"
    )


def _clip(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def nice_ticks(maximum: float, count: int = 5, *, integer: bool = False) -> list[float]:
    """Round tick values from 0 to at least ``maximum`` (whole numbers with ``integer``)."""
    if maximum <= 0 or not math.isfinite(maximum):
        return [0.0, 1.0]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if integer:
        step = max(1.0, float(math.ceil(step)))
    ticks = [0.0]
    while ticks[-1] < maximum - 1e-12:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    color: str
    note: str = ""  # text printed after the bar (defaults to the value)
    href: str | None = None  # in-page link for the label
    extra: float = 0.0  # a second segment after the first (e.g. waived after open)
    extra_color: str = "#d1d5db"


def hbar_chart(
    chart_id: str,
    bars: Sequence[Bar],
    *,
    title: str,
    desc: str,
    width: int = 960,
    label_width: int = 230,
    reference: Sequence[tuple[float, str]] = (),  # vertical lines: (value, label)
    value_format: str = "{:g}",
    integer: bool = False,
) -> str:
    """Horizontal bars, one per row, with optional vertical reference lines."""
    row, top, bottom = 24, 28, 26
    height = top + row * max(len(bars), 1) + bottom
    note_w = max([len(b.note or value_format.format(b.value)) for b in bars] + [4]) * 7 + 16
    plot_w = width - label_width - note_w
    peak = max([b.value + b.extra for b in bars] + [v for v, _ in reference] + [0.0])
    ticks = nice_ticks(peak, integer=integer)
    scale = plot_w / ticks[-1]
    x0 = label_width
    out = [_open(chart_id, width, height, title, desc)]
    for t in ticks:
        x = x0 + t * scale
        out.append(
            f'<line x1="{_f(x)}" y1="{top - 6}" x2="{_f(x)}" y2="{height - bottom}" '
            f'stroke="{GRID}"/>'
        )
        out.append(_text(x, height - bottom + 16, value_format.format(t), anchor="middle"))
    for i, bar in enumerate(bars):
        y = top + i * row
        label = _text(x0 - 8, y + 15, _clip(bar.label, 34), anchor="end")
        if bar.href:
            label = f'<a href="{esc(bar.href)}">{label}</a>'
        out.append(label)
        w = max(bar.value * scale, 0.0)
        tip = f"<title>{esc(bar.label)}: {esc(bar.note or value_format.format(bar.value))}</title>"
        out.append(
            f'<rect class="bar" x="{x0}" y="{y + 3}" width="{_f(w)}" height="{row - 6}" '
            f'fill="{esc(bar.color)}">{tip}</rect>'
        )
        if bar.extra > 0:
            w2 = bar.extra * scale
            out.append(
                f'<rect class="bar-extra" x="{_f(x0 + w)}" y="{y + 3}" width="{_f(w2)}" '
                f'height="{row - 6}" fill="{esc(bar.extra_color)}">{tip}</rect>'
            )
            w += w2
        out.append(_text(x0 + w + 6, y + 15, bar.note or value_format.format(bar.value)))
    for value, label in reference:
        x = x0 + value * scale
        out.append(
            f'<line class="ref" x1="{_f(x)}" y1="{top - 10}" x2="{_f(x)}" '
            f'y2="{height - bottom}" stroke="{AXIS}" stroke-dasharray="4 3"/>'
        )
        out.append(_text(x, top - 13, label, anchor="middle", cls="ref-label"))
    out.append(f'<line x1="{x0}" y1="{top - 6}" x2="{x0}" y2="{height - bottom}" stroke="{AXIS}"/>')
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str  # the tooltip
    href: str | None = None
    short: str = ""  # the text printed next to the point, when it fits


def scatter_chart(
    chart_id: str,
    points: Sequence[Point],
    *,
    title: str,
    desc: str,
    x_label: str,
    y_label: str,
    median_ratio: float | None,
    tick_format: Callable[[float], str] = "{:g}".format,
    width: int = 960,
    height: int = 460,
) -> str:
    """Predicted (x) against realized (y), with the 1:1 line and the median-ratio line."""
    left, right, top, bottom = 78, 160, 20, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([p.x for p in points] + [p.y for p in points] + [0.0])
    ticks = nice_ticks(peak * 1.04)  # headroom: no point sits on the frame
    top_value = ticks[-1]

    def sx(v: float) -> float:
        return left + v / top_value * plot_w

    def sy(v: float) -> float:
        return top + plot_h - v / top_value * plot_h

    out = [_open(chart_id, width, height, title, desc)]
    for t in ticks:
        out.append(
            f'<line x1="{left}" y1="{_f(sy(t))}" x2="{left + plot_w}" y2="{_f(sy(t))}" '
            f'stroke="{GRID}"/>'
        )
        out.append(_text(left - 6, sy(t) + 4, tick_format(t), anchor="end"))
        out.append(
            f'<line x1="{_f(sx(t))}" y1="{top}" x2="{_f(sx(t))}" y2="{top + plot_h}" '
            f'stroke="{GRID}"/>'
        )
        out.append(_text(sx(t), top + plot_h + 16, tick_format(t), anchor="middle"))
    out.append(
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" '
        f'stroke="{AXIS}"/>'
    )
    out.append(_text(left + plot_w / 2, height - 8, x_label, anchor="middle", cls="axis-label"))
    out.append(
        f'<text transform="translate(16 {_f(top + plot_h / 2)}) rotate(-90)" '
        f'text-anchor="middle" font-size="{FONT}" class="axis-label">{esc(y_label)}</text>'
    )
    lines = [(1.0, "1:1 (as projected)", "#6b7280", "6 4")]
    if median_ratio is not None and median_ratio > 0:
        lines.append((median_ratio, f"median realized ({median_ratio:.0%})", "#b45309", ""))
    for ratio, label, color, dash in lines:
        # y = ratio * x, clipped to the plot square
        x_end = top_value if ratio <= 1 else top_value / ratio
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line class="ref" x1="{_f(sx(0))}" y1="{_f(sy(0))}" x2="{_f(sx(x_end))}" '
            f'y2="{_f(sy(x_end * ratio))}" stroke="{color}" stroke-width="1.5"{dash_attr}>'
            f"<title>{esc(label)}</title></line>"
        )
        out.append(_text(sx(x_end) + 6, sy(x_end * ratio) + 4, label, cls="ref-label"))
    spots = [(sx(p.x), sy(p.y)) for p in points]
    frame = (left, top, left + plot_w, top + plot_h)
    out.extend(text for text in _place_labels(points, spots, frame) if text)
    for p in points:
        dot = (
            f'<circle class="point" cx="{_f(sx(p.x))}" cy="{_f(sy(p.y))}" r="5" '
            f'fill="#2563eb" fill-opacity="0.75" stroke="#1e3a8a">'
            f"<title>{esc(p.label)}</title></circle>"
        )
        out.append(f'<a href="{esc(p.href)}">{dot}</a>' if p.href else dot)
    out.append("</svg>")
    return "".join(out)


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_labels(
    points: Sequence[Point], spots: Sequence[tuple[float, float]], frame: Box
) -> list[str]:
    """A text label per point where one fits without covering another label or point
    (greedy: right-above, right-below, left-above, left-below); "" where none fits. Every
    point keeps its tooltip, and the table under the chart lists them all."""
    if len(points) > 60:
        return [""] * len(points)
    dots = [(x - 6, y - 6, x + 6, y + 6) for x, y in spots]
    taken: list[Box] = []
    out = []
    for i, (p, (x, y)) in enumerate(zip(points, spots, strict=True)):
        text = _clip(p.short or p.label, 24)
        w = len(text) * 6.3 + 2
        placed = ""
        for dx, dy, anchor in (
            (8, -6, "start"),
            (8, 15, "start"),
            (-8, -6, "end"),
            (-8, 15, "end"),
        ):
            x0 = x + dx if anchor == "start" else x + dx - w
            box = (x0, y + dy - 10, x0 + w, y + dy + 2)
            inside = frame[0] <= box[0] and box[2] <= frame[2] and frame[1] <= box[1]
            inside = inside and box[3] <= frame[3]
            clash = any(_overlaps(box, b) for b in taken)
            clash = clash or any(_overlaps(box, d) for j, d in enumerate(dots) if j != i)
            if inside and not clash:
                taken.append(box)
                placed = _text(x + dx, y + dy, text, anchor=anchor, cls="pt")
                break
        out.append(placed)
    return out


@dataclass(frozen=True)
class Series:
    name: str
    color: str


def stacked_chart(
    chart_id: str,
    categories: Sequence[str],
    series: Sequence[Series],
    values: Sequence[Sequence[int]],  # values[category][series]
    *,
    title: str,
    desc: str,
    width: int = 960,
    height: int = 340,
) -> str:
    """Vertical stacked bars, one per category, with a legend on the right."""
    left, right, top, bottom = 48, 190, 16, 44
    if len(categories) * 58 > width - left - right:
        bottom = 70  # room for slanted labels
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(v) for v in values]
    ticks = nice_ticks(float(max([*totals, 1])), 4, integer=True)
    top_value = ticks[-1]
    slot = plot_w / max(len(categories), 1)
    bar_w = min(56.0, slot * 0.7)
    out = [_open(chart_id, width, height, title, desc)]
    for t in ticks:
        y = top + plot_h - t / top_value * plot_h
        out.append(
            f'<line x1="{left}" y1="{_f(y)}" x2="{left + plot_w}" y2="{_f(y)}" stroke="{GRID}"/>'
        )
        out.append(_text(left - 6, y + 4, f"{t:g}", anchor="end"))
    for i, cat in enumerate(categories):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        for s, count in zip(series, values[i], strict=True):
            if count <= 0:
                continue
            h = count / top_value * plot_h
            y -= h
            out.append(
                f'<rect class="bar" x="{_f(x)}" y="{_f(y)}" width="{_f(bar_w)}" height="{_f(h)}" '
                f'fill="{esc(s.color)}" stroke="#ffffff" stroke-width="0.5">'
                f"<title>{esc(cat)}: {count} {esc(s.name)}</title></rect>"
            )
        if slot >= 58:
            out.append(_text(x + bar_w / 2, top + plot_h + 16, cat, anchor="middle"))
        elif i % max(1, round(14 / slot)) == 0 or i == len(categories) - 1:
            cx, cy = x + bar_w / 2, top + plot_h + 10
            out.append(
                f'<text transform="translate({_f(cx)} {_f(cy)}) rotate(-45)" text-anchor="end" '
                f'font-size="{FONT - 1}">{esc(cat)}</text>'
            )
        if totals[i] and slot >= 16:
            out.append(
                _text(
                    x + bar_w / 2,
                    top + plot_h - totals[i] / top_value * plot_h - 4,
                    str(totals[i]),
                    anchor="middle",
                    cls="total",
                )
            )
    out.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        f'stroke="{AXIS}"/>'
    )
    lx = left + plot_w + 24
    for j, s in enumerate(reversed(series)):
        y = top + 8 + j * 20
        out.append(f'<rect x="{lx}" y="{y}" width="12" height="12" fill="{esc(s.color)}"/>')
        out.append(_text(lx + 18, y + 10, s.name))
    out.append("</svg>")
    return "".join(out)
