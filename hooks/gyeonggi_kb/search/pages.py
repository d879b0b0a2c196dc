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

A page opts out of search as a whole when its content is wrapped in
`data-search-exclude` (overrides/main.html does that for `search: exclude`
in the front matter): nothing is left to index. A Korean page served under
/en/ as an untranslated fallback carries the notice `kb-untranslated`; it
belongs to the Korean index, where its original already is, so it is
skipped. The language of a page is the prefix of its URL (`language_of`).

The reader is a small tokenizer over the article's tags rather than
html.parser: it runs over every built page on every build, and is several
times faster.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path


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


FALLBACK_MARK = "kb-untranslated"
NOT_PAGES = ("404.html",)  # error pages: they get a search box, but nothing of them is searched
_SKIPPED_TAGS = frozenset({"script", "style", "svg", "nav", "form", "button", "template", "noscript", "select", "textarea"})
_RAW_TEXT = frozenset({"script", "style", "textarea"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_BLOCK = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_HEADING = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TOKEN = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->|<![^>]*>|[^<]+|<""", re.S)
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_SKIP_ATTR = re.compile(r"""(?:^|\s)(?:hidden|data-search-exclude)(?:[\s=/]|$)|\bclass\s*=\s*["'][^"']*\bheaderlink\b""")
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def language_of(rel_path: str, prefixes: dict) -> tuple[str, str]:
    """(language, URL relative to its root) of a site-relative HTML path; `prefixes` is {lang: '' or 'en/'}.

    The longest prefix that starts the path wins, so `en/…` is English and the rest Korean.
    """
    url = rel_path.removesuffix("index.html")
    lang, prefix = max(((lang, p) for lang, p in prefixes.items() if url.startswith(p)), key=lambda item: len(item[1]))
    return lang, url[len(prefix):]


def built_pages(site_dir: Path, prefixes: dict) -> dict:
    """{lang: [(site-relative path, HTML text)]} of every built HTML file (NOT_PAGES too), sorted by path."""
    found = {lang: [] for lang in prefixes}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        lang, _ = language_of(rel, prefixes)
        found[lang].append((rel, path.read_text(encoding="utf-8")))
    return found


def article_of(page_html: str) -> str | None:
    """The page's `<article>…</article>`, or None when it has none (a redirect, a bare HTML file)."""
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    return page_html[start:end] if start >= 0 and end > start else None


def read_page(page_html: str, url: str) -> Page | None:
    """The searchable content of a built page, or None when there is nothing to search."""
    article = article_of(page_html)
    if article is None or FALLBACK_MARK in article:
        return None
    sections = read_sections(article)
    if not sections:
        return None
    title = sections[0].title or page_title(page_html)
    return Page(url, title, (Section("", title, sections[0].text), *sections[1:]))


def page_title(page_html: str) -> str:
    """The page's <title> without the site name after its last ' - '."""
    found = _TITLE.search(page_html)
    return clean(found.group(1)).rsplit(" - ", 1)[0] if found else ""


def read_sections(article: str) -> list[Section]:
    """Cut an article into sections at its headings, leaving out what readers do not search for (module docstring)."""
    sections = []  # [anchor, title parts, text parts]
    heading = None  # the tag name of the heading being read
    skip_tag, skip_depth = None, 0
    pos = 0
    for token in _TOKEN.finditer(article):
        if token.start() < pos:
            continue  # inside raw text that was jumped over
        closing, tag, attrs = token.group(1), token.group(2), token.group(3)
        if tag is None:
            if skip_tag is None and not token.group(0).startswith("<!"):
                if not sections:
                    sections.append(["", [], []])
                sections[-1][1 if heading else 2].append(token.group(0))
            continue
        tag = tag.lower()
        if tag in _RAW_TEXT and not closing:
            end = article.find(f"</{tag}", token.end())
            pos = len(article) if end < 0 else end  # its text is never searched, and may contain '<'
            continue
        if skip_tag is not None:
            if tag == skip_tag and tag not in _VOID:
                skip_depth += -1 if closing else 1
                if skip_depth == 0:
                    skip_tag = None
            continue
        if not closing and tag not in _VOID and (tag in _SKIPPED_TAGS or (attrs and _SKIP_ATTR.search(attrs))):
            skip_tag, skip_depth = tag, 1
            continue
        if tag in _HEADING:
            if not closing:
                anchor = _ID.search(attrs or "")
                if anchor:
                    sections.append([html.unescape(next(g for g in anchor.groups() if g is not None)), [], []])
                    heading = tag
                    continue
            elif tag == heading:
                heading = None
                continue
        if tag in _BLOCK and sections:
            sections[-1][1 if heading else 2].append(" ")
    return [Section(anchor, clean("".join(title)), clean("".join(text))) for anchor, title, text in sections if title or "".join(text).strip()]


def clean(fragment: str) -> str:
    """Unescaped, NFC-normalised text with runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", html.unescape(fragment)).split())
