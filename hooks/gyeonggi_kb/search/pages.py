"""What a reader can search for on each built page: its title and sections, read from the HTML. No writing.

The index is made from the built site, not from a builder's plugin, so any
builder that writes Material-style pages (MkDocs today, Zensical next) gets
the same search. A page is read from its `<article>`:

- a heading with an id starts a section; the first one (the page's `<h1>`)
  and any text before it make the page's own section, with no anchor;
- text inside `script`, `style`, `svg` (the pictures repeat the lists beside
  them), `nav`, `form`, `button`, `template`, any element marked `hidden` or
  `data-search-exclude` (Material's attribute for the same purpose), and the
  headings' permalink anchors is left out;
- block elements separate words, inline ones do not (`<a>인공지능</a>의` stays
  one word with its particle).

Which pages are read at all is the publish stage's page map: not those whose
front matter says `search: {exclude: true}`, nor Korean pages served under
/en/ as untranslated fallbacks (their original is in the Korean index).

The reader looks in Python only at the tags that shape sections or start
a part left out, and lets regular expressions (in C) settle every other tag
as a word boundary or not, for whole runs of text at once: it runs over
every built page of a cold build, and is many times faster than html.parser.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    anchor: str  # the heading's id; "" for the page's own section
    title: str
    text: str


@dataclass(frozen=True)
class Page:
    url: str  # relative to the root of its language: "glossary/llm/"
    title: str
    sections: tuple[Section, ...]


_SKIPPED_TAGS = frozenset({"script", "style", "svg", "nav", "form", "button", "template", "noscript", "select", "textarea"})
_RAW_TEXT = frozenset({"script", "style", "textarea"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_BLOCK = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_HEADING = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ATTRS = r"[^>]*"  # attribute values of built pages have '>' escaped (Markdown, Jinja and our renderers do)
# The tags that shape sections or start a part left out; every other tag is only a word
# boundary or not, which two substitutions in C settle for whole runs of text at once.
_STRUCTURE = re.compile(
    r"<!--|<(/?)(h[1-6]|" + "|".join(sorted(_SKIPPED_TAGS)) + r")\b(" + _ATTRS + r")>"
    r"|<([a-zA-Z][a-zA-Z0-9-]*)\b(?=[^>]*(?:hidden|data-search-exclude|headerlink))(" + _ATTRS + r")>",
    re.I,
)
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(_BLOCK)) + r")\b" + _ATTRS + ">", re.I)
_ANY_TAG = re.compile("<" + _ATTRS + ">")
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_SKIP_ATTR = re.compile(r"""(?:^|\s)(?:hidden|data-search-exclude)(?:[\s=/]|$)|\bclass\s*=\s*["'][^"']*\bheaderlink\b""")
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)


def article_of(page_html: bytes) -> bytes | None:
    """The page's `<article>…</article>`, or None when it has none (a redirect, a bare HTML file)."""
    start = page_html.find(b"<article")
    end = page_html.rfind(b"</article>")
    return page_html[start:end] if start >= 0 and end > start else None


def read_page(page_html: bytes | str, url: str) -> Page | None:
    """The searchable content of a built page (UTF-8), or None when there is nothing to search."""
    if isinstance(page_html, str):
        page_html = page_html.encode("utf-8")
    article = article_of(page_html)
    if article is None:
        return None
    sections = read_sections(article.decode("utf-8"))
    if not sections:
        return None
    title = sections[0].title or page_title(page_html)
    return Page(url, title, (Section("", title, sections[0].text), *sections[1:]))


def page_title(page_html: bytes) -> str:
    """The page's <title> without the site name after its last ' - '."""
    found = _TITLE.search(page_html)
    return clean(found.group(1).decode("utf-8")).rsplit(" - ", 1)[0] if found else ""


def read_sections(article: str) -> list[Section]:
    """Cut an article into sections at its headings, leaving out what readers do not search for (module docstring)."""
    sections = []  # [anchor, title parts, text parts]
    heading = None  # the tag name of the heading being read

    def keep(fragment: str) -> None:
        if not sections:
            sections.append(["", [], []])
        sections[-1][1 if heading else 2].append(fragment)

    pos = 0
    while (found := _STRUCTURE.search(article, pos)) is not None:
        keep(article[pos:found.start()])
        pos = found.end()
        if found.group(0) == "<!--":
            end = article.find("-->", pos)
            pos = len(article) if end < 0 else end + 3
            continue
        closing, tag, attrs = found.group(1), (found.group(2) or found.group(4)).lower(), found.group(3) or found.group(5)
        if found.group(4) is not None:  # a tag whose attributes may leave it out
            if tag not in _VOID and _SKIP_ATTR.search(attrs):
                pos = element_end(article, tag, pos)
            else:
                keep(found.group(0))
        elif tag not in _HEADING:
            if not closing:
                pos = element_end(article, tag, pos)
        elif not closing and (anchor := _ID.search(attrs)):
            sections.append([html.unescape(next(g for g in anchor.groups() if g is not None)), [], []])
            heading = tag
        elif closing and tag == heading:
            heading = None
        else:
            keep(" ")
    keep(article[pos:])
    texts = [(anchor, title, text_of(text)) for anchor, title, text in sections]
    return [Section(anchor, clean(text_of(title)), clean(text)) for anchor, title, text in texts if title or text.strip()]


def element_end(article: str, tag: str, start: int) -> int:
    """Where the element whose start tag ends at `start` ends (after its end tag), counting nested ones."""
    if tag in _RAW_TEXT:  # its text may contain '<'
        end = article.find(f"</{tag}", start)
        return len(article) if end < 0 else article.find(">", end) + 1
    depth = 1
    for match in re.finditer(rf"<(/?){tag}\b{_ATTRS}>", article[start:], re.I):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return start + match.end()
    return len(article)


def text_of(parts: list) -> str:
    """The text of a run of HTML: block tags separate words, inline tags do not (`<a>인공지능</a>의`)."""
    return _ANY_TAG.sub("", _BLOCK_TAG.sub(" ", "".join(parts)))


def clean(fragment: str) -> str:
    """Unescaped, NFC-normalised text with runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", html.unescape(fragment)).split())
