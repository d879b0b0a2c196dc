"""Languages in the head and in the sitemap: hreflang, canonical, the untranslated notice. Pure.

Rules (Google's and WCAG 3.1.2's, which the tests check):

- a page names every real translation of itself, with absolute URLs, and
  `x-default` for the Korean original; a fallback (a Korean page served
  under /en/ because it has no English version) is not a translation, so
  it names none and nothing names it;
- a fallback's canonical link is its Korean original, it carries a notice
  in the reader's language, and its text is marked `lang="ko"`;
- the sitemap lists each real page once per language with its alternates,
  leaves fallbacks out, and has no lastmod, so two builds are identical; a
  language's own sitemap (`en/sitemap.xml`, which Zensical writes because it
  builds each language as a site of its own) lists that language's pages only.
"""

from __future__ import annotations

import html
from xml.sax.saxutils import escape as xml_escape

from gyeonggi_kb import layout
from gyeonggi_kb.pages.labels import label

from . import built_html
from .feeds import FEED
from .site_pages import BuiltPage


def hreflang_tags(page: BuiltPage, site_url: str) -> list[str]:
    if page.is_fallback:
        return []
    tags = [
        f'<link rel="alternate" hreflang="{lang}" href="{html.escape(layout.absolute(site_url, page.url_in(lang)))}">'
        for lang in sorted(page.languages)
    ]
    if layout.DEFAULT_LANG in page.languages:
        tags.append(f'<link rel="alternate" hreflang="x-default" href="{html.escape(layout.absolute(site_url, page.url_in(layout.DEFAULT_LANG)))}">')
    return tags


def feed_tag(page: BuiltPage) -> str:
    href = layout.relative(layout.language_file(FEED, page.lang), page.url)
    return f'<link rel="alternate" type="application/atom+xml" href="{html.escape(href)}" title="{html.escape(label("feed_title", page.lang))}">'


def untranslated_notice(page: BuiltPage) -> str:
    return (
        f'<div class="admonition warning kb-untranslated" lang="{page.lang}" role="note">\n'
        f'<p class="admonition-title">{label("untranslated_title", page.lang)}</p>\n'
        f'<p>{label("untranslated_body", page.lang)}</p>\n'
        "</div>\n"
    )


def with_languages(text: str, page: BuiltPage, site_url: str) -> str:
    """The page with its hreflang links and feed link; a fallback also with its notice and canonical original."""
    text = built_html.add_after_canonical(text, hreflang_tags(page, site_url))
    text = built_html.add_to_head(text, feed_tag(page))
    if page.is_fallback:
        text = built_html.without_builder_notice(text)
        text = built_html.set_canonical(text, layout.absolute(site_url, page.url_in(page.text_lang)))
        inner = built_html.content(text)
        text = built_html.replace_content(text, f'{untranslated_notice(page)}<div lang="{page.text_lang}">{inner}</div>\n')
    return text


def sitemap(pages: list[BuiltPage], site_url: str, only_lang: str | None = None) -> str:
    """The sitemap of every language, or of `only_lang` only."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in pages:
        if page.is_fallback or (only_lang and page.lang != only_lang):
            continue
        lines += ["  <url>", f"    <loc>{xml_escape(layout.absolute(site_url, page.url))}</loc>"]
        for lang in sorted(page.languages):
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{xml_escape(layout.absolute(site_url, page.url_in(lang)))}"/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
