"""What a reader does in real Chromium, on every kind of page the build has.

Page kinds come from the build (tests/pagetypes.py), sections from the site's
own navigation and search queries from the glossary data, so new pages,
sections and terms are covered without editing this file.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from gyeonggi_kb import load_site
from pagetypes import both_languages, page_kinds

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def kinds(site_dir, built_repo):
    return page_kinds(site_dir, built_repo)


@pytest.fixture(scope="module")
def terms(built_repo):
    return load_site(built_repo).terms


def switch_language(page, lang: str) -> None:
    """Use the header's language menu the way a mouse user does: hover, then click."""
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').first.click()


def test_the_language_switcher_keeps_the_page_for_every_kind_of_page(kinds, site_dir, site_url, page):
    pairs = [url for test_id, url in both_languages(site_dir, kinds) if test_id.startswith("en:")]
    assert pairs, "no page has an English version"
    wrong = []
    for english in pairs:
        korean = english.removeprefix("en/")
        page.goto(site_url + korean)
        switch_language(page, "en")
        page.wait_for_load_state()
        if page.url != site_url + english:
            wrong.append(f"ko {korean} -> {page.url}, expected {site_url + english}")
            continue
        switch_language(page, "ko")
        page.wait_for_load_state()
        if page.url != site_url + korean:
            wrong.append(f"en {english} -> {page.url}, expected {site_url + korean}")
    assert wrong == []


def one_word_term(terms: dict, lang: str):
    """A glossary term written as one word in `lang`, so stock search (no compound splitting) must find it."""
    candidates = sorted(
        (t for t in terms.values() if " " not in getattr(t.term, lang) and len(getattr(t.term, lang)) >= 3),
        key=lambda t: t.id,
    )
    if not candidates:
        pytest.skip(f"no one-word {lang} glossary term to search for")
    return candidates[0]


def search(page, query: str) -> list[str]:
    """Type `query` in the search box; return the result links (absolute URLs without query and fragment)."""
    page.locator(".kb-search__input").click()
    page.locator(".kb-search__input").fill(query)
    page.wait_for_function("q => document.querySelector('.kb-search').dataset.results === q", arg=query)
    hrefs = page.locator(".kb-search__link").evaluate_all("links => links.map(a => a.href)")
    return [urljoin(h, urlsplit(h).path) for h in hrefs]


@pytest.mark.parametrize("lang, prefix", [("ko", ""), ("en", "en/")])
def test_searching_a_glossary_term_finds_its_page_in_the_same_language(lang, prefix, terms, site_url, page):
    term = one_word_term(terms, lang)
    page.goto(site_url + prefix)
    found = search(page, getattr(term.term, lang))
    assert f"{site_url}{prefix}glossary/{term.id}/" in found, found


def primary_nav_targets(page) -> list[str]:
    """Absolute URLs of every page the primary navigation offers (sections and their pages)."""
    return page.locator(".md-nav--primary a.md-nav__link[href]").evaluate_all(
        """links => [...new Set(links.map(a => a.href.split('#')[0]))]"""
    )


def open_in_drawer(page, url: str) -> None:
    """Open the drawer and the collapsed sections that lead to `url`, then follow its link."""
    page.locator('label.md-header__button[for="__drawer"]').click()
    # The drawer opens on the current page's section; go back up to its top level first.
    for toggle in page.locator(".md-nav--primary input.md-nav__toggle:checked").evaluate_all("els => els.map(e => e.id).reverse()"):
        back = page.locator(f'.md-nav--primary label.md-nav__title[for="{toggle}"]')
        if back.is_visible():
            back.click()
    links = page.locator(".md-nav--primary a.md-nav__link")
    target = links.nth(links.evaluate_all("(links, url) => links.findIndex(a => a.href.split('#')[0] === url)", url))
    # Closed sections between the drawer's top level and the link, outermost first.
    closed = target.evaluate(
        """a => { const ids = [];
                  for (let li = a.closest('li').parentElement.closest('li'); li; li = li.parentElement.closest('li')) {
                    const toggle = li.querySelector(':scope > input.md-nav__toggle');
                    if (toggle && !toggle.checked) ids.unshift(toggle.id);
                  }
                  return ids; }"""
    )
    for toggle in closed:
        page.locator(f'label.md-nav__link[for="{toggle}"]').first.click()
    target.click()


def test_a_375_px_wide_screen_reaches_every_section_through_the_navigation_drawer(site_url, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    for prefix in ("", "en/"):
        page.goto(site_url + prefix)
        targets = primary_nav_targets(page)
        assert len(targets) >= 3, targets
        for url in targets:
            start = site_url + prefix if url != site_url + prefix else targets[-1]  # the current page's own link is not a link
            page.goto(start)
            open_in_drawer(page, url)
            page.wait_for_url(url)
            expect(page.locator("h1").first).to_be_visible()
    context.close()


def test_no_page_kind_logs_a_console_error_or_requests_anything_outside_the_site(kinds, site_dir, site_url, page):
    """The site must work offline and must not tell any third party who reads it."""
    errors, outside = [], []
    page.on("console", lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))

    site = urlsplit(site_url).netloc

    def only_this_site(route):
        if urlsplit(route.request.url).netloc != site and not route.request.url.startswith("data:"):
            outside.append(f"{page.url}: {route.request.url}")
            return route.abort()
        return route.continue_()

    page.route("**/*", only_this_site)
    for _test_id, url in both_languages(site_dir, kinds):
        page.goto(site_url + url)
        page.wait_for_load_state("load")
    assert outside == []
    assert errors == []
