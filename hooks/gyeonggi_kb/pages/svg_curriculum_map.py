"""The curriculum map: sessions, modules and the edges between them, as inline SVG. No I/O.

Layout, fixed and deterministic (no force simulation, no randomness):

- the sessions form one row at the top, in session order; a session whose
  modules have not been announced is drawn with a dashed outline and gets no
  edges, so the picture never suggests a pairing the data does not have;
- modules sit in columns by prerequisite depth (a module with no
  prerequisites in column 0, one that builds on it in column 1, ...), so
  prerequisite arrows always point to the right; inside a column modules are
  ordered by where their prerequisites sit (fewer crossings), then by group
  and order. Each node names its group in text, not only by colour;
- edges: prerequisite -> module (solid arrow), related modules (dotted, drawn
  once per pair), session -> module taught (accent colour).

Every node is an SVG link to its page. The same information is written next
to the picture as text by `render_curriculum.render_module_index`.
"""

from __future__ import annotations

from dataclasses import dataclass

from gyeonggi_kb.layout import module_page, session_page

from .labels import label, short_date
from .programme_state import worded
from .svg import el, esc, figure, num, page_url, svg_root, text, text_width, wrap

GROUPS = ("core", "component", "expected-area", "gyeonggi")

WIDTH = 860.0
PAD = 16.0
LEGEND_ROW = 22.0
CHANNEL = 6.0  # spacing of parallel session -> module lines
SESSION_H = 54.0
SESSION_GAP = 8.0
COL_GAP = 86.0
MAX_COL_W = 230.0
NODE_GAP = 18.0
NODE_PAD_X = 12.0
TITLE_SIZE = 15.0
TITLE_LH = 19.0
GROUP_SIZE = 12.0


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


def prerequisite_depths(modules: list) -> dict:
    """Module id -> length of its longest prerequisite chain (cycles, reported by validate, count as 0)."""
    known = {m.id: m for m in modules}
    depths: dict = {}

    def depth(mid: str, visiting: frozenset) -> int:
        if mid in depths:
            return depths[mid]
        prereqs = [p for p in known[mid].prerequisites if p in known and p not in visiting]
        value = 1 + max(depth(p, visiting | {mid}) for p in prereqs) if prereqs else 0
        depths[mid] = value
        return value

    for m in modules:
        depth(m.id, frozenset())
    return depths


def columns_of(modules: list) -> list[list]:
    """Modules by column; inside a column by the mean row of their prerequisites, then group and order."""
    depths = prerequisite_depths(modules)
    columns: list[list] = [[] for _ in range(max(depths.values(), default=-1) + 1)]
    row_of: dict = {}
    for index in range(len(columns)):
        members = [m for m in modules if depths[m.id] == index]

        def key(m):
            rows = [row_of[p] for p in m.prerequisites if p in row_of]
            return (sum(rows) / len(rows) if rows else -1.0, GROUPS.index(m.group) if m.group in GROUPS else len(GROUPS), m.order, m.id)

        members.sort(key=key)
        for row, m in enumerate(members):
            row_of[m.id] = row
        columns[index] = members
    return columns


def edge_sets(sessions: list, modules: list) -> tuple[list, list, list]:
    """(prerequisite pairs, related pairs, taught pairs), each sorted; related pairs once, and not when also a prerequisite."""
    known = {m.id for m in modules}
    prereq = sorted((p, m.id) for m in modules for p in m.prerequisites if p in known)
    linked = {frozenset(pair) for pair in prereq}
    related = sorted({tuple(sorted((m.id, r))) for m in modules for r in m.related if r in known and frozenset((m.id, r)) not in linked})
    taught = sorted(((s.number, s.id), mid) for s in sessions for mid in s.modules if mid in known)
    return prereq, related, [(sid, mid) for (_, sid), mid in taught]


def curve(x1: float, y1: float, x2: float, y2: float, c1: tuple, c2: tuple, cls: str, marker: str | None = None) -> str:
    d = f"M{num(x1)},{num(y1)} C{num(c1[0])},{num(c1[1])} {num(c2[0])},{num(c2[1])} {num(x2)},{num(y2)}"
    return el("path", {"d": d, "class": cls, "marker-end": f"url(#{marker})" if marker else None})


def module_edge(a: Box, b: Box, col_a: int, col_b: int, adjacent: bool, cls: str, marker: str | None, side: str) -> str:
    """An edge between two module boxes: across columns side to side; inside a column straight or as an arc."""
    if col_a != col_b:
        (x1, x2) = (a.right, b.x) if col_a < col_b else (a.x, b.right)
        bend = (x2 - x1) / 2
        return curve(x1, a.cy, x2, b.cy, (x1 + bend, a.cy), (x2 - bend, b.cy), cls, marker)
    if adjacent:
        (y1, y2) = (a.bottom, b.y) if a.y < b.y else (a.y, b.bottom)
        return el("path", {"d": f"M{num(a.cx)},{num(y1)} L{num(b.cx)},{num(y2)}", "class": cls, "marker-end": f"url(#{marker})" if marker else None})
    x = a.x if side == "left" else a.right
    out = -1 if side == "left" else 1
    bulge = out * min(COL_GAP / 2 - 6, 24 + abs(b.cy - a.cy) / 8)
    return curve(x, a.cy, x, b.cy, (x + bulge, a.cy), (x + bulge, b.cy), cls, marker)


def taught_edge(sx: float, sy: float, bus_y: float, gx: float, target: Box, cls: str, marker: str) -> str:
    """Session -> module: down to its lane, across to the gap left of the module's column, down, into the box.

    Right angles with rounded corners keep these lines apart from the curved module edges.
    """
    r = 4.0
    ty = target.y + 12
    hx = -1 if gx < sx else 1
    d = (f"M{num(sx)},{num(sy)} V{num(bus_y - r)} Q{num(sx)},{num(bus_y)} {num(sx + hx * r)},{num(bus_y)} "
         f"H{num(gx - hx * r)} Q{num(gx)},{num(bus_y)} {num(gx)},{num(bus_y + r)} "
         f"V{num(ty - r)} Q{num(gx)},{num(ty)} {num(gx + r)},{num(ty)} H{num(target.x)}")
    return el("path", {"d": d, "class": cls, "marker-end": f"url(#{marker})"})


def legend(prefix: str, lang: str, show_taught: bool, show_unknown: bool, phase: str | None = None) -> tuple[str, int]:
    """The legend, wrapped into as many rows as it needs; returns (markup, rows)."""
    items = [
        (el("path", {"d": "M0,0 L34,0", "class": "kb-edge kb-edge--prereq", "marker-end": f"url(#{prefix}-arrow)"}), label("map_legend_prereq", lang)),
        (el("path", {"d": "M0,0 L34,0", "class": "kb-edge kb-edge--related"}), label("map_legend_related", lang)),
    ]
    if show_taught:
        items.append((el("path", {"d": "M0,0 L34,0", "class": "kb-edge kb-edge--taught", "marker-end": f"url(#{prefix}-arrow-taught)"}), label("map_legend_taught", lang)))
    if show_unknown:
        items.append((el("rect", {"x": "0", "y": "-7", "width": "34", "height": "14", "rx": "3", "class": "kb-node-box kb-node-box--unknown"}), worded("map_legend_unknown", phase, lang)))
    out, x, row = [], PAD, 0
    for sample, words in items:
        width = 42 + text_width(words, 12)
        if x > PAD and x + width > WIDTH - PAD:
            x, row = PAD, row + 1
        out.append(el("g", {"transform": f"translate({num(x)},{num(PAD + 8 + row * LEGEND_ROW)})"}, sample, text(42, 5, words, "kb-g-small")))
        x += width + 28
    return el("g", {"class": "kb-legend"}, *out), row + 1


def render_curriculum_map(sessions: list, modules: list, lang: str, here: str, prefix: str = "kb-map", phase: str | None = None) -> str:
    """The figure (SVG plus caption) for `here`, the docs-relative page it is embedded in; `phase` sets the tense (programme_state)."""
    sessions = sorted(sessions, key=lambda s: (s.number, s.id))
    modules = sorted(modules, key=lambda m: (m.order, m.id))
    prereq, related, taught = edge_sets(sessions, modules)
    any_taught = bool(taught)
    any_unknown = any(not s.modules for s in sessions)

    # Sessions row.
    parts_sessions, session_box = [], {}
    legend_svg, legend_rows = legend(prefix, lang, any_taught, any_unknown, phase)
    y = PAD + legend_rows * LEGEND_ROW + 4
    n = max(len(sessions), 1)
    sw = (WIDTH - 2 * PAD - (n - 1) * SESSION_GAP) / n
    for i, s in enumerate(sessions):
        box = Box(PAD + i * (sw + SESSION_GAP), y, sw, SESSION_H)
        session_box[s.id] = box
        unknown_topics = not s.modules
        date_text = short_date(s.date, lang) if s.date else worded("date_not_announced_short", phase, lang)
        name = label("session_n", lang, n=s.number)
        aria = f"{name}, {date_text}" + ("" if s.modules else f", {worded('modules_not_announced', phase, lang)}")
        parts_sessions.append(el(
            "a", {"href": page_url(here, session_page(s.id)), "class": "kb-node kb-node--session", "aria-label": aria},
            el("title", {}, esc(aria)),
            el("rect", {"x": box.x, "y": box.y, "width": box.w, "height": box.h, "rx": "6",
                        "class": "kb-node-box kb-node-box--session" + (" kb-node-box--unknown" if unknown_topics else "")}),
            text(box.cx, box.y + 22, name, "kb-g-strong", "middle"),
            text(box.cx, box.y + 41, date_text, "kb-g-small" + ("" if s.date else " kb-g-muted"), "middle"),
        ))
    y += SESSION_H

    note = ""
    if not any_taught:
        note = text(WIDTH / 2, y + 26, worded("map_sessions_unknown", phase, lang), "kb-g-note", "middle")
        y += 40
    teaching = [s.id for s in sessions if any(sid == s.id for sid, _ in taught)]
    bus_y = y + 12  # session -> module lines run along here, one lane per session, then down beside the column
    y += 26 + CHANNEL * len(teaching)

    # Module columns.
    columns = columns_of(modules)
    ncols = max(len(columns), 1)
    channel = CHANNEL * (len(teaching) + 2) if teaching else 0  # room left of the first column for those lines
    col_w = min(MAX_COL_W, (WIDTH - 2 * PAD - channel - (ncols - 1) * COL_GAP) / ncols)
    left = channel + (WIDTH - channel - (ncols * col_w + (ncols - 1) * COL_GAP)) / 2
    headings, layout, column_of = [], {}, {}
    heights = []
    for c, members in enumerate(columns):
        stack = []
        for m in members:
            lines = wrap(m.title[lang] or m.id, col_w - 2 * NODE_PAD_X, TITLE_SIZE, 4)
            stack.append((m, lines, 12 + GROUP_SIZE + 8 + len(lines) * TITLE_LH + 4))
        heights.append(stack)
    tallest = max((sum(h for _, _, h in st) + NODE_GAP * (len(st) - 1) for st in heights), default=0)
    heading_y = y
    top = y + 22
    node_parts = []
    for c, stack in enumerate(heights):
        x = left + c * (col_w + COL_GAP)
        headings.append(text(x + col_w / 2, heading_y, label("map_column_0", lang) if c == 0 else label("map_column_n", lang, n=c), "kb-g-heading", "middle"))
        total = sum(h for _, _, h in stack) + NODE_GAP * (len(stack) - 1)
        cy = top + (tallest - total) / 2
        for row, (m, lines, h) in enumerate(stack):
            box = Box(x, cy, col_w, h)
            layout[m.id] = box
            column_of[m.id] = (c, row)
            group = m.group if m.group in GROUPS else "core"
            title = m.title[lang] or m.id
            group_text = label("group_" + group, lang)
            node_parts.append(el(
                "a", {"href": page_url(here, module_page(m.id)), "class": f"kb-node kb-node--{group}", "aria-label": f"{title} ({group_text})"},
                el("title", {}, esc(f"{title} ({group_text})")),
                el("rect", {"x": box.x, "y": box.y, "width": box.w, "height": box.h, "rx": "6", "class": f"kb-node-box kb-node-box--{group}"}),
                el("rect", {"x": box.x, "y": box.y, "width": "6", "height": box.h, "rx": "3", "class": f"kb-node-band kb-node-band--{group}"}),
                text(box.x + NODE_PAD_X, box.y + 12 + GROUP_SIZE - 2, group_text, "kb-g-small kb-g-group"),
                *(text(box.x + NODE_PAD_X, box.y + 12 + GROUP_SIZE + 8 + TITLE_LH * (k + 1) - 5, line, "kb-g-title") for k, line in enumerate(lines)),
            ))
            cy += h + NODE_GAP
    height = top + tallest + PAD

    # Edges, drawn first so the opaque boxes sit on top of them.
    def adjacent(a: str, b: str) -> bool:
        return column_of[a][0] == column_of[b][0] and abs(column_of[a][1] - column_of[b][1]) == 1

    edges = []
    for a, b in related:
        edges.append(module_edge(layout[a], layout[b], column_of[a][0], column_of[b][0], adjacent(a, b), "kb-edge kb-edge--related", None, "right"))
    for p, m in prereq:
        edges.append(module_edge(layout[p], layout[m], column_of[p][0], column_of[m][0], adjacent(p, m), "kb-edge kb-edge--prereq", f"{prefix}-arrow", "left"))
    for sid, mid in taught:
        lane = teaching.index(sid)
        mine = [m for s_id, m in taught if s_id == sid]
        s_box, m_box = session_box[sid], layout[mid]
        sx = s_box.cx + (mine.index(mid) - (len(mine) - 1) / 2) * CHANNEL
        edges.append(taught_edge(sx, s_box.bottom, bus_y + lane * CHANNEL, m_box.x - CHANNEL * (lane + 1.5), m_box, "kb-edge kb-edge--taught", f"{prefix}-arrow-taught"))

    defs = el("defs", {}, *(
        el("marker", {"id": f"{prefix}-{name}", "viewBox": "0 0 10 10", "refX": "9", "refY": "5", "markerWidth": "7", "markerHeight": "7", "orient": "auto-start-reverse"},
           el("path", {"d": "M0,0 L10,5 L0,10 z", "class": cls}))
        for name, cls in (("arrow", "kb-arrow"), ("arrow-taught", "kb-arrow kb-arrow--taught"))
    ))
    counts = {"sessions": len(sessions), "modules": len(modules), "prereq": len(prereq), "related": len(related), "taught": len(taught)}
    desc = label("map_desc", lang, **counts) + " " + (label("map_desc_taught", lang, **counts) if any_taught else worded("map_sessions_unknown", phase, lang)) + " " + label("graphic_text_below", lang)
    body = defs + el("g", {"class": "kb-edges"}, *edges) + legend_svg + el("g", {}, *parts_sessions) + note + el("g", {}, *headings) + el("g", {}, *node_parts)
    svg = svg_root(WIDTH, height, f"{prefix}-title", label("map", lang), f"{prefix}-desc", desc, body, cls="kb-graphic--map")
    return figure(svg, label("map_caption", lang), 680, prefix)
