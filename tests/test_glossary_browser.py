"""Real Chromium: a linked glossary term shows its short definition on hover and on keyboard focus."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect

# A module page whose lesson mentions glossary terms in running text, in both languages.
PAGES = [("modules/physical-ai/", "ko"), ("en/modules/physical-ai/", "en")]


def first_term_link(page):
    link = page.locator("article a.kb-term").first
    expect(link).to_be_visible()
    return link, link.get_attribute("title")


@pytest.mark.parametrize("path, lang", PAGES)
def test_tooltip_appears_on_hover(page, site_url, path, lang):
    page.goto(site_url + path)
    link, definition = first_term_link(page)
    assert definition
    link.hover()
    tooltip = page.get_by_role("tooltip").filter(has_text=definition)
    expect(tooltip).to_be_visible()
    assert link.get_attribute("aria-describedby") == tooltip.get_attribute("id")


@pytest.mark.parametrize("path, lang", PAGES)
def test_tooltip_appears_on_keyboard_focus(page, site_url, path, lang):
    page.goto(site_url + path)
    link, definition = first_term_link(page)
    page.mouse.move(0, 0)
    for _ in range(300):  # Tab through the page, as a keyboard user does, until the term has focus
        page.keyboard.press("Tab")
        if link.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first linked term")
    tooltip = page.get_by_role("tooltip").filter(has_text=definition)
    expect(tooltip).to_be_visible()
    page.keyboard.press("Tab")
    expect(tooltip).to_be_hidden()


def test_jump_bar_leads_to_the_consonant_section(page, site_url):
    page.goto(site_url + "glossary/")
    page.get_by_role("navigation", name="초성으로 바로 가기").get_by_role("link", name="ㅈ").click()
    page.wait_for_url("**/glossary/#jieut")
    expect(page.locator("h2#jieut")).to_be_in_viewport()
