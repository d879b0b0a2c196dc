"""Glossary links and "used in" mentions for every page of one build run (both languages).

The auto-linker (autolink.py) is pure; this is the bookkeeping a builder
needs around it, in two steps per page:

1. `plan`, once the page's HTML is rendered: find the links (or take them
   from the cache, by a digest of the HTML, the page's place and the
   glossary), and record which terms the page mentions.
2. `finish`, on the finished page: put the links in and, on a term's page,
   list the pages that mention the term (all pages are planned by then:
   terms form a graph, so mentions wait for every page).

Search reads the finished pages after the build (gyeonggi_kb.search) and
keeps the text of links, not the links. The mentions lists are marked to be
left out of it: they name other pages, whose own entries carry their text.
"""

from __future__ import annotations

from .autolink import apply_links, glossary_matcher, page_links, short_definition, term_of_page, term_labels
from .build_cache import Table, digest
from .mentions import add_mentions


class PageLinker:
    def __init__(self, terms: dict, table: Table | None = None):
        self.terms = terms
        self.matcher = glossary_matcher(terms.values())  # one trie for every page of the build
        self.table = table
        # Everything a page's links depend on besides the page: labels, targets and tooltips.
        tooltips = sorted((t.id, short_definition(t.definition["ko"]), short_definition(t.definition["en"])) for t in terms.values())
        self.glossary_key = digest(repr(term_labels(terms.values())), repr(tooltips))
        self.planned: dict = {}  # (build language, src_uri) -> (HTML, edits)
        self.mentions: dict = {}  # build language -> term id -> [(page URL, title)]

    def links(self, html: str, src_uri: str, page_url: str, text_lang: str, url_prefix: str):
        return page_links(html, self.terms, matcher=self.matcher, src_uri=src_uri, page_url=page_url, lang=text_lang, url_prefix=url_prefix)

    def plan(self, html: str, *, src_uri: str, page_url: str, title: str, text_lang: str, build_lang: str, url_prefix: str) -> None:
        where = (src_uri, page_url, text_lang, url_prefix)
        key = digest(self.glossary_key, html, *where) if self.table is not None else None
        found = self.table.get(key) if key else None
        if found is None:
            edits, linked = self.links(html, *where)
            found = (edits, tuple(linked))
            if key:
                self.table.put(key, found)
        edits, linked = found
        self.planned[(build_lang, src_uri)] = (html, edits)
        if not src_uri.startswith("glossary/"):
            mentions = self.mentions.setdefault(build_lang, {})
            for term_id in linked:
                mentions.setdefault(term_id, []).append((page_url, title))

    def finish(self, output: str, content: str, *, src_uri: str, page_url: str, text_lang: str, build_lang: str, url_prefix: str) -> str | None:
        """`output` (the whole page, which contains `content`) with the links and mentions put in.

        None when `content` is not in `output`: a template that changes the
        content it shows would leave the page without its links.
        """
        planned = self.planned.pop((build_lang, src_uri), None)
        term_id = term_of_page(src_uri)
        if planned is None and term_id is None:
            return output
        # Material shows the content in <article>; start there, in case a short page's
        # whole content also occurs earlier (in the navigation, say).
        at = output.find(content, max(output.find("<article"), 0))
        if at < 0:
            return None
        new = content
        if planned is not None:
            html, edits = planned
            if content != html:  # another plugin changed the page after it was planned: link what is there
                edits, _ = self.links(content, src_uri, page_url, text_lang, url_prefix)
            new = apply_links(content, edits)
        if term_id is not None:
            new = add_mentions(new, page_url, self.mentions.get(build_lang, {}).get(term_id, []), text_lang)
        return output[:at] + new + output[at + len(content):]
