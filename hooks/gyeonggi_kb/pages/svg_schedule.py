"""The schedule at a glance: the sessions on a calendar strip, as inline SVG. No I/O.

The strip covers whole months, from the month the programme starts to the
month it ends (widened if a session date falls outside). The programme period
is a bar; each session with an announced date is a mark on its day. Sessions
without an announced date are never placed on the strip: they are listed
beside it, dashed, as "date not announced". The schedule table under the
picture carries the same information as text.
"""

from __future__ import annotations

import calendar
import datetime as dt

from gyeonggi_kb.layout import session_page

from .labels import format_date, label, short_date
from .programme_state import worded
from .svg import el, esc, figure, num, page_url, svg_root, text, text_width

WIDTH = 760.0
PAD = 12.0
MONTH_H = 24.0
BAR_H = 12.0
CHIP_H = 26.0
CHIP_GAP = 8.0


def strip_range(start: dt.date, end: dt.date, dates: list) -> tuple[dt.date, dt.date]:
    """First day of the first month and last day of the last month shown."""
    first = min([start, *dates])
    last = max([end, *dates])
    return first.replace(day=1), last.replace(day=calendar.monthrange(last.year, last.month)[1])


def month_name(year: int, month: int, lang: str) -> str:
    return format_date(f"{year:04d}-{month:02d}", lang)


def render_schedule_strip(programme, sessions: list, lang: str, here: str, prefix: str = "kb-schedule", phase: str | None = None) -> str:
    """The figure for `here` (the docs-relative page it is embedded in); `phase` sets the tense (programme_state)."""
    sessions = sorted(sessions, key=lambda s: (s.number, s.id))
    dated = [s for s in sessions if s.date]
    undated = [s for s in sessions if not s.date]
    first, last = strip_range(programme.start, programme.end, [s.date for s in dated])
    days = (last - first).days + 1
    day_w = (WIDTH - 2 * PAD) / days

    def x_of(day: dt.date) -> float:
        return PAD + (day - first).days * day_w

    parts = []
    # Month bands with their names, and a tick for every day (Mondays longer and numbered).
    y = PAD
    month = first
    shade = 0
    while month <= last:
        end = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        x1, x2 = x_of(month), x_of(end) + day_w
        parts.append(el("rect", {"x": x1, "y": y, "width": x2 - x1, "height": MONTH_H, "class": f"kb-month kb-month--{shade}"}))
        parts.append(text(x1 + 6, y + 17, month_name(month.year, month.month, lang), "kb-g-strong"))
        shade = 1 - shade
        month = end + dt.timedelta(days=1)
    tick_y = y + MONTH_H
    ticks = []
    for i in range(days):
        day = first + dt.timedelta(days=i)
        monday = day.weekday() == 0
        x = x_of(day) + day_w / 2
        ticks.append(f"M{num(x)},{num(tick_y)} v{8 if monday else 4}")
        if monday:
            parts.append(text(x, tick_y + 20, str(day.day), "kb-g-small kb-g-muted", "middle"))
    parts.append(el("path", {"d": " ".join(ticks), "class": "kb-tick"}))

    # Session labels above the bar, staggered into rows when two would touch.
    bar_y = tick_y + 62
    rows_end: list[float] = []
    marks = []
    for s in dated:
        cx = x_of(s.date) + day_w / 2
        name = label("session_n", lang, n=s.number)
        half = text_width(name, 13) / 2 + 4
        row = next((r for r, end_x in enumerate(rows_end) if cx - half > end_x), len(rows_end))
        if row == len(rows_end):
            rows_end.append(0.0)
        rows_end[row] = cx + half
        aria = f"{name}, {format_date(s.date, lang, weekday=True)}"
        marks.append(el(
            "a", {"href": page_url(here, session_page(s.id)), "class": "kb-node kb-node--session", "aria-label": aria},
            el("title", {}, esc(aria)),
            el("path", {"d": f"M{num(cx)},{num(bar_y - 12 - row * 16)} V{num(bar_y - 2)}", "class": "kb-tick"}),
            text(cx, bar_y - 16 - row * 16, name, "kb-g-strong", "middle"),
            el("circle", {"cx": cx, "cy": bar_y + BAR_H / 2, "r": "7", "class": "kb-mark kb-mark--session"}),
        ))
    p_x1, p_x2 = x_of(programme.start), x_of(programme.end) + day_w
    parts.append(el("rect", {"x": p_x1, "y": bar_y, "width": p_x2 - p_x1, "height": BAR_H, "rx": "6", "class": "kb-period"}))
    period = label("strip_period", lang, start=short_date(programme.start, lang), end=short_date(programme.end, lang))
    parts.append(text(p_x1, bar_y + BAR_H + 20, period, "kb-g-small"))
    parts.append(text(WIDTH - PAD, bar_y + BAR_H + 20, label("strip_mondays", lang), "kb-g-small kb-g-muted", "end"))
    parts += marks

    # Sessions whose date is not announced: listed, dashed, never on a day.
    y = bar_y + BAR_H + 40
    if undated:
        heading = worded("strip_undated", phase, lang)
        parts.append(text(PAD, y + 17, heading, "kb-g-small kb-g-muted"))
        x = PAD + text_width(heading, 12) + 10
        for s in undated:
            name = label("session_n", lang, n=s.number)
            w = text_width(name, 13) + 16
            if x + w > WIDTH - PAD:
                x, y = PAD, y + CHIP_H + CHIP_GAP
            aria = f"{name}, {worded('date_not_announced_short', phase, lang)}"
            parts.append(el(
                "a", {"href": page_url(here, session_page(s.id)), "class": "kb-node kb-node--session", "aria-label": aria},
                el("title", {}, esc(aria)),
                el("rect", {"x": x, "y": y, "width": w, "height": CHIP_H, "rx": "13", "class": "kb-node-box kb-node-box--unknown"}),
                text(x + w / 2, y + 17.5, name, "kb-g-small", "middle"),
            ))
            x += w + CHIP_GAP
        y += CHIP_H
    height = y + PAD

    known = ", ".join(f"{label('session_n', lang, n=s.number)} ({short_date(s.date, lang)})" for s in dated) or label("none", lang)
    unknown = ", ".join(label("session_n", lang, n=s.number) for s in undated) or label("none", lang)
    desc = worded("strip_desc", phase, lang, first=month_name(first.year, first.month, lang), last=month_name(last.year, last.month, lang),
                 period=period, known=known, unknown=unknown)
    svg = svg_root(WIDTH, height, f"{prefix}-title", label("strip", lang), f"{prefix}-desc", desc, "".join(parts), cls="kb-graphic--schedule")
    return figure(svg, worded("strip_caption", phase, lang), 640, prefix)
