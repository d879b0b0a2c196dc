"""Small helpers for the inline SVG graphics (curriculum map, schedule strip, policy timeline). No I/O.

The graphics are written into generated Markdown as raw HTML, so MkDocs does
not rewrite their links: `page_url` turns docs-relative `.md` paths into the
directory URLs the built site uses (use_directory_urls: true). Colours are never
written here: every shape carries a class styled in docs/assets/kb.css for both
palettes (and for print). Numbers are rounded and attributes kept in the order
given, so the same data always gives the same bytes.

Text width is estimated, not measured (there is no font at build time): a
Hangul syllable is about one em wide, Latin letters about half of one. The
estimate errs on the wide side so that wrapped labels stay inside their boxes.
"""

from __future__ import annotations

import html
import unicodedata
from functools import lru_cache

from gyeonggi_kb import layout

SVG_NS = "http://www.w3.org/2000/svg"


def esc(text) -> str:
    return html.escape(" ".join(str(text).split()), quote=True)


def num(value: float) -> str:
    """A coordinate with at most one decimal, without trailing zeros ('12', '12.5')."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def attrs(values: dict) -> str:
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        value = num(value) if isinstance(value, float) else value
        out.append(f' {key}="{esc(value)}"')
    return "".join(out)


def el(tag: str, values: dict | None = None, *children: str) -> str:
    """One element; children are already-rendered strings (text must go through `esc`)."""
    inner = "".join(children)
    if not inner:
        return f"<{tag}{attrs(values or {})}/>"
    return f"<{tag}{attrs(values or {})}>{inner}</{tag}>"


def text(x: float, y: float, content: str, cls: str, anchor: str | None = None, **extra) -> str:
    return el("text", {"x": float(x), "y": float(y), "class": cls, "text-anchor": anchor, **extra}, esc(content))


def page_url(from_page: str, to_page: str) -> str:
    """Relative URL from one generated page to another ('#fragment' allowed), as the built site serves them."""
    to_page, hash_, fragment = to_page.partition("#")
    return layout.relative(layout.directory_url(to_page) + hash_ + fragment, layout.directory_url(from_page))


@lru_cache(maxsize=None)  # a picture measures the same few hundred characters again and again
def char_em(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch == " ":
        return 0.3
    if ch.isupper():
        return 0.68
    if ch.isalpha() or ch.isdigit():
        return 0.54
    return 0.4


def text_width(content: str, size: float) -> float:
    return sum(map(char_em, content)) * size


def wrap(content: str, width: float, size: float, max_lines: int) -> list[str]:
    """Greedy word wrap by estimated width; the last line ends with '…' when text is cut."""
    lines: list[str] = []
    current = ""
    for word in content.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
        while len(current) > 1 and text_width(current, size) > width:  # one word wider than the box: break it
            # (a box narrower than one character still gets one per line: the loop must end)
            cut = len(current)
            while cut > 1 and text_width(current[:cut], size) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…", size) > width:
            last = last[:-1].rstrip()
        lines = lines[: max_lines - 1] + [last + "…"]
    return lines


def svg_root(width: float, height: float, title_id: str, title: str, desc_id: str, desc: str, body: str, role: str = "group", cls: str = "") -> str:
    """The <svg> element: scales to its container (viewBox), named by its <title> and <desc>."""
    return el(
        "svg",
        {
            "xmlns": SVG_NS,
            "class": f"kb-graphic {cls}".strip(),
            "viewBox": f"0 0 {num(width)} {num(height)}",
            "width": num(width),
            "height": num(height),
            "role": role,
            "aria-labelledby": title_id,
            "aria-describedby": desc_id,
        },
        el("title", {"id": title_id}, esc(title)),
        el("desc", {"id": desc_id}, esc(desc)),
        body,
    )


def figure(svg: str, caption: str, min_width: float, fig_id: str) -> str:
    """A figure whose graphic scales with the page but scrolls sideways rather than shrink below `min_width` px.

    One line, no blank lines: Python-Markdown passes it through as a raw HTML block.
    """
    scroller = el("div", {"class": "kb-graphic-scroll", "style": f"--kb-graphic-min-width: {num(min_width)}px"}, svg)
    return el("figure", {"class": "kb-figure", "id": fig_id}, scroller, el("figcaption", {}, esc(caption))) + "\n"
