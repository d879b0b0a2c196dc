"""Real Chromium: the reference library's filter, with and without JavaScript."""

from __future__ import annotations

import pytest

from test_accessibility import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.build]

REFERENCE_LINKS = "[data-kb-filter-scope] li a[href]"


def visible_titles(page) -> list[str]:
    return page.locator(REFERENCE_LINKS).evaluate_all("links => links.filter(a => a.offsetParent !== null).map(a => a.textContent.trim())")


def test_the_filter_is_reached_by_keyboard_and_narrows_both_groupings(page, site_url):
    page.goto(site_url + "en/references/")
    total = page.locator(REFERENCE_LINKS).count()
    assert len(visible_titles(page)) == total
    box = page.get_by_label("Filter the lists")
    tab_to(page, "#kb-filter-input")
    page.keyboard.type("ordinance")
    titles = visible_titles(page)
    # Found once under "Ordinances" (by type) and once under Gyeonggi (by jurisdiction, via the type in its line).
    assert titles and len(titles) < total and all("Ordinance" in t for t in titles)
    assert page.get_by_role("heading", name="Ordinances").is_visible()
    assert not page.get_by_role("heading", name="Standards").is_visible()
    box.fill("no such document anywhere")
    assert visible_titles(page) == []
    assert page.get_by_role("main").get_by_role("status").inner_text() == "No document matches."  # the header has search's status
    box.fill("")
    assert len(visible_titles(page)) == total


def test_without_javascript_the_lists_are_complete_and_no_filter_is_shown(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "references/")
    assert not page.locator("[data-kb-filter]").is_visible()
    titles = visible_titles_without_js(page)
    assert len(titles) == page.locator(REFERENCE_LINKS).count() and len(titles) >= 30  # every document, twice
    assert page.get_by_role("heading", name="관할별").is_visible() and page.get_by_role("heading", name="유형별").is_visible()
    context.close()


def visible_titles_without_js(page) -> list[str]:
    return [a.inner_text() for a in page.locator(REFERENCE_LINKS).all() if a.is_visible()]
