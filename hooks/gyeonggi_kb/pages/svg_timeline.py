"""The policy timeline as a picture: milestones by jurisdiction and the programme, on one time axis. No I/O.

It draws the entries of `render_timeline.timeline_entries` (the same list the
timeline page prints, so picture and text cannot disagree) in five lanes, from
the widest to the closest: international, EU, Korea, Gyeonggi, this programme.
A milestone known to the day is a dot; one known only to the month or year is
a box spanning that month or year, so the picture never claims more precision
than the data has. Milestones after the build date are hollow. Marks that
would touch move to a further row of their lane (first free row, in
chronological order), so nothing overlaps and the layout is the same on every
build. Sessions without an announced date are not drawn; the programme lane
says how many there are.
"""

from __future__ import annotations

import datetime as dt

from gyeonggi_kb.data import dates

from .labels import format_date, label
from .programme_state import worded
from .svg import el, esc, figure, num, page_url, svg_root, text, text_width, wrap

LANES = ("international", "eu", "korea", "gyeonggi", "programme")
LANE_OF_JURISDICTION = {"eu": "eu", "korea": "korea", "gyeonggi": "gyeonggi"}  # everything else: international

WIDTH = 860.0
PAD = 12.0
LABEL_W = 120.0
AXIS_H = 28.0
ROW = 15.0
LANE_PAD = 9.0
DOT_R = 5.0
MARK_H = 10.0


def lane_of(entry, references: dict) -> str:
    if entry.kind == "session":
        return "programme"
    ref = references.get(entry.subject)
    return LANE_OF_JURISDICTION.get(ref.jurisdiction if ref else "", "international")


def programme_captions(site, lang: str) -> list[str]:
    """What the programme lane says under its bar: the period, and how many sessions have no date."""
    p, phase = site.programme, getattr(site, "phase", None)
    lines = [worded("timeline_programme", phase, lang, start=format_date(p.start, lang), end=format_date(p.end, lang))]
    undated = sum(1 for s in site.sessions.values() if s.date is None)
    if undated:
        lines.append(worded("timeline_undated_sessions", phase, lang, n=undated))
    return lines


def render_policy_timeline(entries: list, site, lang: str, here: str, prefix: str = "kb-timeline") -> str:
    """The figure for `here` (the docs-relative page it is embedded in)."""
    programme = site.programme
    today = getattr(site, "build_date", None)
    years = [dates.parts(e.date)[0] for e in entries]
    if programme:
        years += [programme.start.year, programme.end.year]
    first = dt.date(min(years, default=2025), 1, 1)
    last = dt.date(max(years, default=2025) + 1, 1, 1)
    span = (last - first).days
    plot_x, plot_w = PAD + LABEL_W, WIDTH - 2 * PAD - LABEL_W

    def x_of(day: dt.date) -> float:
        return plot_x + (day - first).days / span * plot_w

    # Place every mark: its extent on the axis, then the first row of its lane where it touches nothing.
    placed = {lane: [] for lane in LANES}
    row_ends = {lane: [] for lane in LANES}
    for e in entries:
        lane = lane_of(e, site.references)
        partial = dates.precision(e.date) != "day"
        if partial:
            x1, x2 = x_of(dates.first_day(e.date)), x_of(dates.last_day(e.date) + dt.timedelta(days=1))
            if x2 - x1 < 6:
                x1, x2 = (x1 + x2) / 2 - 3, (x1 + x2) / 2 + 3
        else:
            cx = x_of(e.date) + plot_w / span / 2
            x1, x2 = cx - DOT_R, cx + DOT_R
        ends = row_ends[lane]
        row = next((r for r, end in enumerate(ends) if x1 > end + 1.5), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = x2
        placed[lane].append((e, row, x1, x2, partial))

    backgrounds, parts, grid = [], [], []
    y = PAD + AXIS_H
    for i, lane in enumerate(LANES):
        rows = max(len(row_ends[lane]), 1)
        height = rows * ROW + 2 * LANE_PAD
        captions = programme_captions(site, lang) if lane == "programme" and programme else []
        height += len(captions) * ROW
        backgrounds.append(el("rect", {"x": PAD, "y": y, "width": WIDTH - 2 * PAD, "height": height, "class": f"kb-lane kb-lane--{i % 2}"}))
        name_lines = wrap(label(f"timeline_lane_{lane}", lang), LABEL_W - 8, 13, 3)
        top = y + height / 2 - (len(name_lines) - 1) * 8 + 4
        parts += [text(PAD + 6, top + k * 16, line, "kb-g-strong") for k, line in enumerate(name_lines)]
        marks = []
        if lane == "programme" and programme:
            x1, x2 = x_of(programme.start), x_of(programme.end + dt.timedelta(days=1))
            bar_y = y + LANE_PAD + ROW / 2 - MARK_H / 2
            parts.append(el("rect", {"x": x1, "y": bar_y, "width": max(x2 - x1, 6), "height": MARK_H, "rx": "3", "class": "kb-period"}))
            for k, caption in enumerate(captions):
                # Ends under the bar when it fits there, else starts at the left of the plot.
                fits = x2 - text_width(caption, 12) > plot_x
                parts.append(text(x2 if fits else plot_x + 4, y + LANE_PAD + ROW * (k + 1) + 12, caption, "kb-g-small", "end" if fits else None))
        for e, row, x1, x2, partial in placed[lane]:
            cy = y + LANE_PAD + row * ROW + ROW / 2
            when = format_date(e.date, lang)
            name = f"{when}: {e.title[lang]}"
            upcoming = today is not None and dates.is_upcoming(e.date, today)
            cls = f"kb-mark kb-mark--{lane}" + (" kb-mark--upcoming" if upcoming else "")
            if partial:
                shape = el("rect", {"x": x1, "y": cy - MARK_H / 2, "width": x2 - x1, "height": MARK_H, "rx": "2", "class": cls + " kb-mark--partial"})
            else:
                shape = el("circle", {"cx": (x1 + x2) / 2, "cy": cy, "r": num(DOT_R), "class": cls})
            marks.append(el(
                "a", {"href": page_url(here, e.page), "class": "kb-node", "aria-label": name},
                el("title", {}, esc(f"{name} — {e.text[lang]}")),
                shape,
            ))
        parts += marks
        y += height

    # Year lines over the lanes' fills and under the marks; one label per year above the lanes.
    for year in range(first.year, last.year + 1):
        x = x_of(dt.date(year, 1, 1))
        grid.append(f"M{num(x)},{num(PAD + AXIS_H - 6)} V{num(y)}")
        if year < last.year:
            mid = (x + x_of(dt.date(year + 1, 1, 1))) / 2
            parts.append(text(mid, PAD + 16, str(year), "kb-g-small", "middle"))
    lanes_end = y
    if today is not None and first <= today < last:
        x = x_of(today)
        grid_today = el("path", {"d": f"M{num(x)},{num(PAD + AXIS_H - 6)} V{num(lanes_end)}", "class": "kb-today"})
    else:
        grid_today = ""

    # Legend under the lanes.
    y = lanes_end + 22
    legend = [
        el("circle", {"cx": PAD + 6, "cy": y - 4, "r": num(DOT_R), "class": "kb-mark kb-mark--korea"}),
        text(PAD + 16, y, label("timeline_legend_day", lang), "kb-g-small"),
    ]
    x = PAD + 16 + len(label("timeline_legend_day", lang)) * (12 if lang == "ko" else 6.6) + 24
    legend += [
        el("rect", {"x": x, "y": y - 9, "width": "14", "height": num(MARK_H), "rx": "2", "class": "kb-mark kb-mark--korea kb-mark--partial"}),
        text(x + 20, y, label("timeline_legend_partial", lang), "kb-g-small"),
    ]
    x += 20 + len(label("timeline_legend_partial", lang)) * (12 if lang == "ko" else 6.6) + 24
    if today is not None:
        legend += [
            el("circle", {"cx": x + 6, "cy": y - 4, "r": num(DOT_R), "class": "kb-mark kb-mark--korea kb-mark--upcoming"}),
            el("path", {"d": f"M{num(x + 22)},{num(y - 12)} V{num(y + 4)}", "class": "kb-today"}),
            text(x + 30, y, label("timeline_legend_today", lang, today=format_date(today, lang)), "kb-g-small"),
        ]
    height = y + PAD

    counts = {lane: len(placed[lane]) for lane in LANES}
    desc = label("timeline_desc", lang, n=len(entries), first=first.year, last=last.year - 1, **{f"n_{k.replace('-', '_')}": v for k, v in counts.items()}) + " " + label("graphic_text_below", lang)
    body = (el("g", {"class": "kb-lanes"}, *backgrounds) + el("path", {"d": " ".join(grid), "class": "kb-grid"}) + grid_today
            + el("g", {}, *parts) + el("g", {"class": "kb-legend"}, *legend))
    svg = svg_root(WIDTH, height, f"{prefix}-title", label("timeline_graphic", lang), f"{prefix}-desc", desc, body, cls="kb-graphic--timeline")
    return figure(svg, label("timeline_caption", lang), 680, prefix)
