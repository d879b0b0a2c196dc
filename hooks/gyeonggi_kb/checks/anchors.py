"""The anchors a Markdown page will have once built, read from its source. No I/O.

MkDocs accepts a link to `page.md#x` when the built page has an element with
id `x`. Pages here get ids from: headings (an explicit `{#id}`, else the slug
the `toc` extension makes with the slugify configured in mkdocs.yml, made
unique with `_1`, `_2`...), attribute lists on other blocks (`{: #id}`), raw
HTML (`id="..."`) and footnotes (`fn:1`, `fnref:1`). Code is literal text and
gives none.
"""

from __future__ import annotations

import html
import re

from pymdownx.slugs import slugify

# mkdocs.yml: toc: slugify: pymdownx.slugs.slugify(case=lower), separator '-' (the default).
SLUGIFY = slugify(case="lower")
SEPARATOR = "-"

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+).+?\1")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
ATTR_ID = re.compile(r"(?:^|\s)#([^\s}#]+)")
HTML_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']""")
FOOTNOTE = re.compile(r"^\[\^([^\]]+)\]:", re.M)
INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|~~|`)")
ID_COUNT = re.compile(r"^(.*)_([0-9]+)$")


def prose_lines(text: str, first_line: int = 1):
    """(line number, line, line with code spans blanked) for every line outside front matter and fenced code
    blocks; `text` starts at line `first_line` of its file."""
    fenced = False
    front_matter = text.startswith("---\n")  # YAML between two '---' lines: its comments are not headings
    for number, line in enumerate(text.split("\n"), first_line):
        if front_matter:
            front_matter = number == first_line or line.rstrip() != "---"
            continue
        if ("`" in line or "~" in line) and FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line, CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line


def heading_slug(text: str) -> str:
    """The id the toc extension gives a heading written as `text` (inline Markdown stripped, as rendering does)."""
    text = INLINE_LINK.sub(lambda m: m.group(1), text)
    text = EMPHASIS.sub("", text)
    return SLUGIFY(html.unescape(text), SEPARATOR)


def unique(slug: str, taken: set) -> str:
    """Markdown's toc.unique: 'x', then 'x_1', 'x_2'..."""
    while slug in taken or not slug:
        match = ID_COUNT.match(slug)
        slug = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{slug}_1"
    return slug


def collect_anchors(text: str) -> frozenset:
    """Every id the page built from Markdown `text` will have."""
    ids: set = set()
    headings = []
    for _, raw, line in prose_lines(text):
        heading = HEADING.match(raw)  # code in a heading is part of its text
        attrs = ATTR_LIST.findall(line)
        for attr in attrs:
            ids.update(ATTR_ID.findall(attr))
        ids.update(HTML_ID.findall(line))
        if heading:
            explicit = heading.group(2).rstrip().endswith("}") and attrs and ATTR_ID.search(attrs[-1])
            if not explicit:
                headings.append(ATTR_LIST.sub("", heading.group(2)).strip())
    for heading in headings:  # slugs give way to explicit ids, as toc assigns them after attr_list
        ids.add(unique(heading_slug(heading), ids))
    for note in FOOTNOTE.findall(text):
        ids.update((f"fn:{note}", f"fnref:{note}"))
    return frozenset(ids)
