"""Real Chromium: the light/dark switch (overrides/partials/javascripts/palette.html, in place of Material's).

A reader who never chose follows the system setting from the first paint on; a choice made with
the switch (pointer or keyboard) is kept on the next page; and loading a page restyles nothing
through <body>'s palette attributes, which is what the switch was rewritten for (Material's own
set and removed an attribute on <body> during load, restyling the whole page twice).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect

# Records every change of a palette attribute on <body> made after the body was parsed up to the
# header, i.e. every restyle of the whole page that the palette causes while the page loads.
RECORD_BODY_CHANGES = """
window.kbBodyChanges = [];
new MutationObserver(records => {
  for (const r of records) if (r.target === document.body) window.kbBodyChanges.push(r.attributeName);
}).observe(document, {subtree: true, attributes: true, attributeFilter:
  ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent", "data-md-color-switching"]});
"""

PAGES = ["modules/physical-ai/", "en/glossary/"]


def open_page(browser, url, scheme):
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(RECORD_BODY_CHANGES)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


def scheme_of(page):
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def visible_switch(page):
    return page.locator("form.md-header__option label:not([hidden])")


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("system, expected", [("light", "default"), ("dark", "slate")])
def test_a_reader_who_never_chose_gets_the_system_palette_without_a_restyle_on_load(browser, site_url, path, system, expected):
    context, page = open_page(browser, site_url + path, system)
    try:
        assert scheme_of(page) == expected
        expect(visible_switch(page)).to_have_count(1)
        # Light is the markup's palette: nothing to change. Dark: the scheme is set once, while the header
        # is parsed, and never the attribute that switches transitions off (that one restyles everything).
        changes = page.evaluate("window.kbBodyChanges")
        assert changes == ([] if system == "light" else ["data-md-color-scheme"])
        assert page.locator("form.md-header__option").get_attribute("data-md-component") is None  # Material mounts no palette of its own
        assert page.locator('meta[name="theme-color"]').get_attribute("content").startswith("#")
    finally:
        context.close()


def test_the_switch_changes_the_palette_and_the_choice_is_kept_on_the_next_page(browser, site_url):
    context, page = open_page(browser, site_url + "en/", "light")
    try:
        switch = visible_switch(page)
        expect(switch).to_have_attribute("title", "Switch to dark mode")
        switch.click()
        assert scheme_of(page) == "slate"
        expect(visible_switch(page)).to_have_attribute("title", "Switch to light mode")
        page.goto(site_url + "en/glossary/")
        assert scheme_of(page) == "slate", "the choice was not kept on the next page"
        expect(visible_switch(page)).to_have_attribute("title", "Switch to light mode")
    finally:
        context.close()


def test_the_switch_works_from_the_keyboard(browser, site_url):
    context, page = open_page(browser, site_url, "light")
    try:
        page.locator("form.md-header__option input:checked").focus()
        page.keyboard.press("Enter")
        assert scheme_of(page) == "slate"
        page.keyboard.press("Enter")
        assert scheme_of(page) == "default"
    finally:
        context.close()


def test_without_a_choice_the_page_follows_a_change_of_the_system_setting(browser, site_url):
    context, page = open_page(browser, site_url, "light")
    try:
        page.emulate_media(color_scheme="dark")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        visible_switch(page).click()  # a choice now: light, whatever the system says
        page.emulate_media(color_scheme="dark")
        page.reload()
        assert scheme_of(page) == "default"
    finally:
        context.close()
