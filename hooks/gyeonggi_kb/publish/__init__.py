"""Stage 3, publish: a pass over a built site folder that adds what a builder does not know.

Input: the site's data (`generate.Site`, the loaded records), `docs/` (which
pages exist in which language) and the folder a builder wrote (MkDocs today,
any builder with Material's page markup tomorrow). Output, in that folder:

- in each page's content: glossary links with tooltips (the first mention
  of each term), "mentioned in" lists on term pages, the accessibility
  fix for decorative checkboxes, and the theme's scroll wrapper around each table (tables);
- in each page's head: hreflang/x-default links, the Atom feed link, and on
  untranslated fallbacks the canonical original, a notice and `lang`;
- in each page's header: the search box (gyeonggi_kb.search);
- files: sitemap.xml with alternates, the glossary exports, calendars,
  feeds, and the search data, read from the published pages;
- in each page's content, "(working translation)" after the first mention of
  an English title that is not official (working_translations);
- the 404 page of each language: its text, link home and search (not_found).

A builder that builds each language as a site of its own (Zensical with
zensical-i18n) also writes a sitemap per language, listing the untranslated
fallbacks; the pass rewrites it without those. (Its own search index per
language, `search.json`, is left as it is: no page uses it.)

It never imports a builder, and running it twice changes nothing the second
time (a page carries a marker once published). A builder's adapter may hand
it each page before the builder writes it (`PublishPass.page`), with the
same result as the pass over the folder. A pass over a folder where
only some pages were built again (a preview's partial rebuild) is given what
the other pages mention (`mentions`), for the "mentioned in" lists; search
reads every page from the folder, so its index is always complete.
It may import the data and pages stages, `search` and `layout`; nothing
before it imports it.
"""

from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from gyeonggi_kb import layout
from gyeonggi_kb.build_cache import NO_CACHE, BuildCache
from gyeonggi_kb.search import SiteSearch, stale_files
from gyeonggi_kb.write import overwrite_file, replace_file, write_if_changed

from . import built_html
from .accessible_html import hide_decorative_checkboxes
from .alternates import sitemap, with_languages
from .autolink import apply_links, glossary_matcher
from .files import published_files
from .glossary_links import find_page_links, glossary_key
from .mentions import add_mentions
from .not_found import publish_not_found_pages
from .set_aside import take_back
from .site_pages import BuiltPage, built_pages, docs_sources
from .tables import wrap_tables
from .working_translations import TitleMarker, working_titles

PUBLISHED_MARK = "<!-- published: gyeonggi_kb -->"


@dataclass
class Published:
    """What a publish pass did, for the log."""

    pages: int = 0
    already: int = 0  # pages that carried the mark of an earlier pass and were left alone
    handed_over: int = 0  # pages published as the builder made them (PublishPass.page), of `pages`
    files: list = field(default_factory=list)
    mentions: dict = field(default_factory=dict)  # PageLinker.pages: what each page mentions, for the next pass


def publish(site, site_dir: Path, docs_dir: Path, site_url: str, cache: BuildCache = NO_CACHE, mentions=None) -> Published:
    """Publish the built folder `site_dir` in place; `site` is the loaded data, `docs_dir` what the builder read.

    `mentions` is what an earlier pass found the pages mention (`Published.mentions`)."""
    return PublishPass(site, docs_dir, site_url, cache, mentions).finish(site_dir)


class PublishPass:
    """One publish pass, page by page, then the site's files.

    A builder's adapter that sees each page's HTML before the builder writes it
    (MkDocs's on_post_page) hands it to `page` and writes what comes back,
    which saves reading and writing the page again (writing 808 pages again cost
    0.6-1.0 s of CPU at 400 pages per language). Term pages list who mentions
    them, so they are published in memory only when the builder makes them
    after every other page of their language (the MkDocs adapter orders its
    files so: `publishes_last`). `finish` then publishes, in the folder, the
    pages not handed over (with a builder without such an event, all of them)
    and writes the site's files.
    The bytes are the same either way (tests/test_reproducible.py builds both ways).
    """

    def __init__(self, site, docs_dir: Path, site_url: str, cache: BuildCache = NO_CACHE, mentions=None, served: bool = False):
        self.docs_dir = docs_dir
        # A preview's folder is served while the pass rewrites it: each page is then replaced whole
        # (a new file, then a rename), never seen half written; a build's is rewritten in place.
        self.rewrite = replace_file if served else overwrite_file
        self.site_url = site_url
        self.site = site
        self.cache = cache
        self.expected: dict | None = None  # built file -> BuiltPage, for pages handed over while the builder runs
        self.linker = PageLinker(site.terms, cache, mentions)
        self.titles = TitleMarker(working_titles(site))
        self.search = SiteSearch(site.terms, cache)
        self.done = Published()
        self.waiting: Counter = Counter()  # per language: pages not handed over yet that term pages wait for
        self.built: dict = {}  # built file -> its bytes as published, so that search need not read them again

    @cached_property
    def sources(self) -> dict:
        """The front matter of every page in `docs_dir` (site_pages.docs_sources), read once per pass:
        the pages handed over and `finish` both need it (one read costs 0.15 s at 400 pages per language)."""
        return docs_sources(self.docs_dir)

    def page(self, file: str, html: str) -> str:
        """The HTML the builder made for `file` (site-relative), published; as it was if `finish` must do it.

        A term page is published here only once every other page of its language
        was (a builder that makes them last: `publishes_last`); else it waits for `finish`.
        """
        if self.expected is None:
            self.expected = {page.file: page for page in built_pages(self.docs_dir, None, sources=self.sources)}
            self.linker.keep_only({(page.lang, page.page) for page in self.expected.values()})
            self.waiting = Counter(page.lang for page in self.expected.values() if not publishes_last(page.page))
        page = self.expected.get(file)
        if page is None or PUBLISHED_MARK in html:
            return html
        if publishes_last(page.page):
            if self.waiting[page.lang]:
                return html
        else:
            self.waiting[page.lang] -= 1
        html = published_html(html, page, self.linker, self.titles, self.search, self.site_url)
        self.built[file] = html.encode("utf-8")
        self.done.pages += 1
        self.done.handed_over += 1
        return html

    def finish(self, site_dir: Path) -> Published:
        """Publish the pages of `site_dir` not handed over, then write the site's files."""
        pages = built_pages(self.docs_dir, site_dir, sources=self.sources)
        self.linker.keep_only({(page.lang, page.page) for page in pages})
        term_pages = []
        for page in pages:
            if page.file in self.built:
                continue
            if publishes_last(page.page):
                term_pages.append(page)  # after every other page: they list who mentions them
            else:
                self.built[page.file] = self.publish_file(site_dir, page)
        for page in term_pages:
            self.built[page.file] = self.publish_file(site_dir, page)
        done, site_url = self.done, self.site_url
        files = {
            "sitemap.xml": sitemap(pages, site_url),
            **language_sitemaps(site_dir, pages, site_url),
            **published_files(self.site, site_url, self.cache),
            **self.search.files(site_dir, [page for page in pages if page.searchable and not page.is_fallback], self.built),
        }
        done.mentions = self.linker.pages
        files["sitemap.xml.gz"] = gzip.compress(files["sitemap.xml"].encode("utf-8"), mtime=0)
        take_back(site_dir)  # the search files of the last build, most of them unchanged (set_aside.py)
        for rel, data in sorted(files.items()):
            if write_if_changed(site_dir / rel, data):
                done.files.append(rel)
        for path in stale_files(site_dir, files):
            path.unlink()
        done.files += publish_not_found_pages(site_dir, site_url, PUBLISHED_MARK, self.search.with_box_at)
        return done

    def publish_file(self, site_dir: Path, page: BuiltPage) -> bytes:
        """Publish one built page in place; its bytes as they are now."""
        path = site_dir / page.file
        text = path.read_text(encoding="utf-8")
        if PUBLISHED_MARK in text:
            self.done.already += 1
            return text.encode("utf-8")
        data = published_html(text, page, self.linker, self.titles, self.search, self.site_url).encode("utf-8")
        self.rewrite(path, data)  # always new bytes (PUBLISHED_MARK, at least): no need to read the file again
        self.done.pages += 1
        return data


def publishes_last(source: str) -> bool:
    """Whether a page (docs page or source file: 'glossary/llm.md', 'glossary/llm.ko.md') is published after
    every other page of its language: a term page lists the pages that mention its term."""
    return layout.term_of_page(source) is not None


def language_sitemaps(site_dir: Path, pages: list[BuiltPage], site_url: str) -> dict:
    """Each language's own sitemap, where the builder wrote one (Zensical does; the theme may fetch it)."""
    return {
        rel: sitemap(pages, site_url, lang)
        for lang in layout.LANGS
        if lang != layout.DEFAULT_LANG and (site_dir / (rel := layout.language_file("sitemap.xml", lang))).is_file()
    }


class PageLinker:
    """Glossary links for every page of one pass, remembering who mentions which term."""

    def __init__(self, terms: dict, cache: BuildCache, carried: dict | None = None):
        self.terms = terms
        self.matcher = glossary_matcher(terms.values())  # one trie for every page of the pass
        self.key = glossary_key(terms)
        self.cache = cache
        # (language, page) -> (page URL, title, ids of the terms its text links); pages of earlier passes first
        self.pages: dict = dict(carried or {})
        self.by_term: dict | None = None  # (language, term id) -> [(page URL, title)], once term pages are reached

    def link(self, content: str, page: BuiltPage, title: str) -> str:
        if not page.autolink:
            self.remember(page, title, ())
            return content
        edits, linked = self.cache.get_or_compute(
            "links", (self.key, content, page.page, page.lang, page.text_lang),
            lambda: find_page_links(content, page, self.terms, self.matcher),
        )
        self.remember(page, title, () if layout.term_of_page(page.page) else tuple(linked))
        return apply_links(content, edits)

    def keep_only(self, present: set) -> None:
        """Forget what pages no longer in the folder mentioned (carried from an earlier pass)."""
        gone = [key for key in self.pages if key not in present]
        for key in gone:
            del self.pages[key]
        if gone:
            self.by_term = None

    def remember(self, page: BuiltPage, title: str, linked: tuple) -> None:
        """Record what `page` mentions; the index by term is made again only if that changes what it lists.

        Term pages mention nothing (they are linked last, each after the index was made), so
        they leave the index alone: making it again for each of them was quadratic in the
        site's size (3.8 s in a profiled cold build of 400 pages per language).
        """
        key, entry = (page.lang, page.page), (page.url, title, linked)
        before = self.pages.get(key)
        self.pages[key] = entry
        if before != entry and (linked or (before and before[2])):
            self.by_term = None

    def with_mentions(self, content: str, page: BuiltPage) -> str:
        term_id = layout.term_of_page(page.page)
        if term_id is None:
            return content
        if self.by_term is None:
            self.by_term = defaultdict(list)
            for (lang, _), (url, title, linked) in self.pages.items():
                for linked_id in linked:
                    self.by_term[(lang, linked_id)].append((url, title))
        return add_mentions(content, page.url, self.by_term.get((page.lang, term_id), []), page.text_lang)


def published_html(text: str, page: BuiltPage, linker: PageLinker, titles: TitleMarker, search: SiteSearch, site_url: str) -> str:
    """One built page's HTML as published."""
    content = wrap_tables(hide_decorative_checkboxes(built_html.content(text)))
    content = linker.with_mentions(linker.link(content, page, built_html.title(text)), page)
    content = titles.mark_page(content, page.text_lang)  # last: the lists of mentions name titles too
    text = built_html.replace_content(text, content)
    text = with_languages(text, page, site_url)
    text = search.with_box(text, page.lang, page.url)
    return built_html.add_to_head(text, PUBLISHED_MARK)
