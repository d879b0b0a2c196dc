"""Every main page is in the navigation by name, on every kind of page, in both languages.

A reader on any page (a glossary term, a session, the 404 page) must find the
programme overview, the module index, the recaps, the glossary, the policy
library and the timeline as entries of their own: in the desktop sidebar and
in the 375 px drawer, found by their name and leading to their page. A
section heading must never stand in for one of them (Material's
`navigation.indexes` turns a section's first index page into its heading,
which is how the glossary once vanished). Names come from labels.py, the
words the pages use for their own headings; page kinds come from the build.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from gyeonggi_kb.pages.labels import label
from pagetypes import both_languages, page_kinds

pytestmark = [pytest.mark.browser, pytest.mark.build]

# (label key of the entry's name, its page relative to the language root)
MAIN_PAGES = (
    ("programme", "curriculum/"),
    ("module_index", "modules/"),
    ("recaps", "curriculum/recaps/"),
    ("glossary", "glossary/"),
    ("reference_library", "references/"),
    ("timeline", "references/timeline/"),
)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def pages(site_dir, built_repo) -> list[tuple[str, str]]:
    found = both_languages(site_dir, page_kinds(site_dir, built_repo))
    assert any(url.endswith("404.html") for _, url in found), "the 404 pages are kinds of page too"
    return found


def expected_entries(site_url: str, test_id: str) -> list[tuple[str, str]]:
    lang = test_id.split(":")[0]
    root = site_url + ("en/" if lang == "en" else "")
    return [(label(key, lang), root + target) for key, target in MAIN_PAGES]


def entry(page, name: str, url: str):
    """The primary navigation's link named `name` that leads to `url`; fails listing what the navigation offers."""
    links = page.locator(".md-nav--primary").get_by_role("link", name=name, exact=True)
    hrefs = links.evaluate_all("links => links.map(a => a.href.split('#')[0])")
    if url not in hrefs:
        offered = page.locator(".md-nav--primary a.md-nav__link").evaluate_all(
            "links => links.map(a => a.textContent.trim() + ' -> ' + a.href)")
        pytest.fail(f"{page.url}: no navigation link '{name}' to {url}; found {hrefs}; the navigation offers {offered}")
    return links.nth(hrefs.index(url))


def open_page(browser, viewport: dict, url: str):
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")  # no waiting for the drawer to slide
    page = context.new_page()
    page.goto(url)
    return context, page


def test_every_main_page_is_a_named_entry_of_the_desktop_sidebar_on_every_kind_of_page(pages, site_url, browser):
    context, page = open_page(browser, DESKTOP, site_url)
    for test_id, url in pages:
        page.goto(site_url + url, wait_until="domcontentloaded")  # the navigation is in the HTML
        sidebar = page.locator(".md-sidebar--primary")
        expect(sidebar).to_be_visible()
        # Every link the sidebar shows, by accessible name and target, read at once.
        offered = sidebar.locator(".md-nav--primary").get_by_role("link").evaluate_all(
            "links => links.filter(a => a.checkVisibility()).map(a => [a.textContent.trim(), a.href.split('#')[0]])")
        missing = [(name, target) for name, target in expected_entries(site_url, test_id) if [name, target] not in offered]
        assert missing == [], f"{test_id}: the sidebar offers {offered}"
        # Section headings are labels, not one of the pages in disguise.
        assert page.locator(".md-nav--primary .md-nav__container").count() == 0, test_id
    context.close()


def go_to_drawer_top(page) -> None:
    """The drawer opens on the current page's section; go back up to its top level."""
    for toggle in page.locator(".md-nav--primary input.md-nav__toggle:checked").evaluate_all("els => els.map(e => e.id).reverse()"):
        back = page.locator(f'.md-nav--primary label.md-nav__title[for="{toggle}"]')
        if back.is_visible():
            back.click()


def open_section_of(element) -> None:
    """Open the drawer section that holds `element`, by its heading (the drawer shows one level at a time)."""
    section = element.locator("xpath=ancestor::li[contains(@class, 'md-nav__item--nested')][1]")
    if section.count():
        section.locator(":scope > label.md-nav__link").click()


def shown(element) -> bool:
    """Whether a reader sees `element` now: visible and inside the window (the drawer slides closed sections away)."""
    return element.evaluate(
        """e => { const r = e.getBoundingClientRect();
                  return e.checkVisibility({visibilityProperty: true}) && r.width > 0
                         && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight; }""")


def test_every_main_page_is_a_named_entry_of_the_375_px_drawer_on_every_kind_of_page(pages, site_url, browser):
    context, page = open_page(browser, PHONE, site_url)
    for test_id, url in pages:
        page.goto(site_url + url, wait_until="domcontentloaded")  # the navigation is in the HTML
        expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()  # closed until asked for
        page.locator('label.md-header__button[for="__drawer"]').click()
        for name, target in expected_entries(site_url, test_id):
            if page.url == target:
                go_to_drawer_top(page)
                # On its own page the entry may open the page's table of contents instead of linking to itself.
                open_section_of(page.locator(".md-nav--primary a.md-nav__link--active", has_text=name))
                current = page.locator(".md-nav--primary .md-nav__link--active:visible", has_text=name).first
                expect(current, f"{test_id}: '{name}' in the drawer").to_be_in_viewport()
                continue
            link = entry(page, name, target)
            if not shown(link):  # in a section not open yet
                go_to_drawer_top(page)
                open_section_of(link)
            expect(link, f"{test_id}: '{name}' in the drawer").to_be_in_viewport()
        page.keyboard.press("Escape")
    context.close()


def test_following_an_entry_in_the_drawer_opens_its_page(site_url, browser):
    context, page = open_page(browser, PHONE, site_url + "en/glossary/generative-ai/")
    page.locator('label.md-header__button[for="__drawer"]').click()
    name, target = expected_entries(site_url, "en:")[3]  # the glossary, from one of its own term pages
    link = entry(page, name, target)
    link.locator("xpath=ancestor::li[contains(@class, 'md-nav__item--nested')][1]").locator(":scope > label.md-nav__link").click()
    link.click()
    page.wait_for_url(target)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Glossary")
    context.close()
