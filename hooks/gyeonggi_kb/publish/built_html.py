"""Where a built page keeps what the publish pass reads and changes.

The one module that knows the markup of the builder's theme (Material for
MkDocs 9, whose templates Zensical's classic variant shares): the page's own
content is the inside of `<article class="md-content__inner …">` (Zensical
starts it with a skip target and, on a fallback, gives the article `lang`),
the head ends at `</head>`, the canonical link is `<link rel="canonical" …>`,
and zensical-i18n's own untranslated notice is an `<aside
class="md-i18n-notice">`, which ours replaces. Every
function takes and returns the whole page as a string; nothing else in the
publish stage looks for tags of the theme. Pure: no I/O.
"""

from __future__ import annotations

import html
import re

# Zensical's theme opens the article with the target of its "skip to content" link: theme, not content,
# so a pass that replaces the content (not_found.py) keeps it.
ARTICLE_OPEN = re.compile(r'<article class="md-content__inner[^"]*"[^>]*>(?:\s*<a id="__skip" tabindex="-1"></a>)?')
ARTICLE_CLOSE = "</article>"
CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')
TITLE = re.compile(r"<title>.*?</title>", re.S)
LANGUAGE_LINK = re.compile(r'(<a href=")[^"]*(" hreflang="([A-Za-z-]+)" class="md-select__link">)')
HEAD_END = "</head>"
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")
BUILDER_NOTICE = re.compile(r'[ \t]*<aside class="md-i18n-notice"[^>]*>.*?</aside>\n?', re.S)


class NotAPage(ValueError):
    """The file has no content area where the theme puts one: not a page of the site's theme."""


def content_span(page: str) -> tuple[int, int]:
    """(start, end) of the page's own content: the inside of its <article>."""
    opening = ARTICLE_OPEN.search(page)
    if opening is None:
        raise NotAPage("no <article class=\"md-content__inner\">")
    end = page.rfind(ARTICLE_CLOSE)
    if end < opening.end():
        raise NotAPage("no </article> after the content")
    return opening.end(), end


def content(page: str) -> str:
    start, end = content_span(page)
    return page[start:end]


def replace_content(page: str, new: str) -> str:
    start, end = content_span(page)
    return page[:start] + new + page[end:]


def without_builder_notice(page: str) -> str:
    """The page without the untranslated notice a builder wrote itself (zensical-i18n's), if any."""
    start, end = content_span(page)
    return page[:start] + BUILDER_NOTICE.sub("", page[start:end], count=1) + page[end:]


def title(page: str) -> str:
    """The page's title as its first heading shows it, as plain text."""
    match = H1.search(content(page))
    if match is None:
        return ""
    return html.unescape(TAG.sub("", HEADERLINK.sub("", match.group(1)))).strip()


def set_title(page: str, text: str) -> str:
    """Put `text` before the site name in the page's <title> ('Title - Site'), as the theme does for pages."""
    site_name = html.unescape(TITLE.search(page).group(0)[len("<title>"):-len("</title>")]).rpartition(" - ")[2]
    return TITLE.sub(lambda _: f"<title>{html.escape(text, quote=False)} - {html.escape(site_name, quote=False)}</title>", page, count=1)


def set_language_links(page: str, hrefs: dict) -> str:
    """Point the header's language menu at `hrefs` ({lang: href}); languages not in `hrefs` keep their link."""
    def link(match: re.Match) -> str:
        href = hrefs.get(match.group(3))
        return match.group(0) if href is None else match.group(1) + html.escape(href) + match.group(2)

    return LANGUAGE_LINK.sub(link, page)


def set_canonical(page: str, href: str) -> str:
    """Point the canonical link at `href` (adding one before the head ends if the theme wrote none)."""
    tag = f'<link rel="canonical" href="{html.escape(href)}">'
    if CANONICAL.search(page):
        return CANONICAL.sub(lambda _: tag, page, count=1)
    return add_to_head(page, tag)


def add_after_canonical(page: str, tags: list[str]) -> str:
    """Put `tags` right after the canonical link (or at the end of the head), one per line."""
    if not tags:
        return page
    match = CANONICAL.search(page)
    if match is None:
        return add_to_head(page, "\n  ".join(tags))
    return page[:match.end()] + "".join("\n  " + tag for tag in tags) + page[match.end():]


def add_to_head(page: str, markup: str) -> str:
    at = page.find(HEAD_END)
    if at < 0:
        raise NotAPage("no </head>")
    return page[:at] + "  " + markup + "\n" + page[at:]

