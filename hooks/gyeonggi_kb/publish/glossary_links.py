"""Glossary links in each page's content, and "mentioned in" lists on term pages. Pure.

The auto-linker (autolink.py) finds the first mention of each term in a
page's HTML; this module says where the glossary is from a page (links stay
in the reader's language, so the English site links the English glossary
even from a Korean fallback page) and what the tooltip says (the short
definition in the language of the text around the mention).

Terms form a graph: a term's page lists the pages that mention it, which is
known only once every other page is linked. So `publish` links the other
pages first, collecting `mentions`, then the term pages.
"""

from __future__ import annotations

from gyeonggi_kb import layout
from gyeonggi_kb.build_cache import digest
from gyeonggi_kb.pages.definitions import short_definition

from .autolink import LinkTarget, Matcher, find_links, term_labels
from .site_pages import BuiltPage


def glossary_key(terms: dict) -> str:
    """A digest of everything links depend on besides the page: labels, targets and tooltips."""
    tooltips = sorted((t.id, short_definition(t.definition["ko"]), short_definition(t.definition["en"])) for t in terms.values())
    return digest(repr(term_labels(terms.values())), repr(tooltips))


def find_page_links(content: str, page: BuiltPage, terms: dict, matcher: Matcher) -> tuple[tuple, tuple]:
    """Where to link one page's content: ((start, end, anchor HTML), ...) and the ids of the terms linked.

    `matcher` is glossary_matcher(terms), built once per build: collecting
    and hashing every label again for each page costs more than the linking.
    """
    glossary = layout.relative(layout.url("glossary/index.md", page.lang), page.url)
    glossary = "" if glossary == "./" else glossary

    def target(term_id: str, text_lang: str) -> LinkTarget:
        definition = terms[term_id].definition[text_lang if text_lang in layout.LANGS else page.text_lang]
        return LinkTarget(f"{glossary}{term_id}/", short_definition(definition))

    own = layout.term_of_page(page.page)
    edits, linked = find_links(content, matcher, target, page.text_lang, exclude=(own,) if own else ())
    return edits, tuple(linked)
