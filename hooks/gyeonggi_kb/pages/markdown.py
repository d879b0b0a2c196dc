"""Small helpers that write Markdown safely. No I/O."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from gyeonggi_kb import layout
from gyeonggi_kb.write import GENERATED_MARK

# Characters Markdown (and pymdownx) would turn into formatting or raw HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|~^=+#!])")


@lru_cache(maxsize=65536)  # names and titles recur on page after page
def escape(text: str) -> str:
    """Data text shown as text: HTML is escaped, Markdown syntax is neutralised."""
    text = html.escape(text, quote=False)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.split())


def attr(text: str) -> str:
    """Text for an HTML attribute value in double quotes."""
    return html.escape(" ".join(text.split()), quote=True)


def relative(from_page: str, to_page: str) -> str:
    """Link from one docs-relative Markdown path to another, e.g. modules/a.md -> ../glossary/b.md."""
    return layout.relative_page(from_page, to_page)


def link(text: str, from_page: str, to_page: str) -> str:
    return f"[{escape(text)}]({relative(from_page, to_page)})"


def external(text: str, url: str) -> str:
    return f"[{escape(text)}](<{url}>)"


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def definition_list(rows: list[list[str]]) -> str:
    """Key-value facts as a <dl>: what a screen reader expects for "label: value" pairs."""
    return "\n\n".join(f"{key}\n:   {value}" for key, value in rows)


def admonition(kind: str, title: str, body: str) -> str:
    indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
    return f'!!! {kind} "{title}"\n\n{indented}\n'


def front_matter(values: dict) -> str:
    # Themes print title and description into <title> and <meta> without escaping.
    # Values are written as JSON, which YAML reads as double-quoted strings and
    # flow collections: the same data as yaml.safe_dump gives, at a fraction of its cost.
    safe = {key: attr(value) if isinstance(value, str) else value for key, value in values.items()}
    lines = (f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in sorted(safe.items()))
    return "---\n" + GENERATED_MARK + "\n" + "".join(lines) + "---\n\n"


def bullet_list(items: list[str], empty: str) -> str:
    return "\n".join(f"- {item}" for item in items) if items else empty


def source_line(source, lang: str) -> str:
    title = escape(source.title)
    if source.url:
        title = f"[{title}](<{source.url}>)"
    return title
