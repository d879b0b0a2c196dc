"""Accessibility: WCAG 2.1 AA (Korea's KWCAG 2.2 follows it) on every kind of page, in both languages.

axe-core (bundled by axe-playwright-python) runs in real Chromium on one page
of every kind found in the build (tests/pagetypes.py), so a new kind of page is
checked without touching this file. Beyond what axe can see: keyboard-only use,
text zoomed to 200 % and the print stylesheet.
"""

from __future__ import annotations

import pytest

from pagetypes import both_languages, page_kinds

pytestmark = [pytest.mark.browser, pytest.mark.build]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def kinds(site_dir, built_repo):
    return page_kinds(site_dir, built_repo)


def readable(url: str, violations: list) -> list[str]:
    """One line per failing element: page, rule, what to fix, where."""
    return [
        f"{url}: [{v['id']}] {v['help']} ({v['helpUrl']}) at {' '.join(map(str, node['target']))}"
        for v in violations
        for node in v["nodes"]
    ]


def violations(page, site_url: str, urls: list[str]) -> list[str]:
    """axe's WCAG 2.1 AA violations on each page, one readable line per element."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = []
    for url in urls:
        page.goto(site_url + url)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
        found += readable(url, results.response["violations"])
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])  # readers with a dark system theme get Material's slate palette
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_kind_of_page_has_no_wcag_21_aa_violation(lang, scheme, kinds, site_dir, site_url, page):
    page.emulate_media(color_scheme=scheme)
    pages = [url for test_id, url in both_languages(site_dir, kinds) if test_id.startswith(lang + ":")]
    assert len(pages) >= 3, pages
    found = violations(page, site_url, pages)
    print(f"axe ({lang}, {scheme}): {len(pages)} pages, kinds: {', '.join(sorted(kinds))}")
    assert found == []


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches `selector`; fail if it is never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} cannot be reached with the Tab key ({limit} presses) on {page.url}")


def module_url(kinds: dict) -> str:
    return kinds["modules/*/"]


def test_the_first_tab_shows_a_skip_link_that_moves_past_the_navigation(kinds, site_url, page):
    page.goto(site_url + module_url(kinds))
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    expect_visible(skip)
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert page.locator(target).is_visible()


def test_the_language_switcher_works_with_the_keyboard_alone(kinds, site_url, page):
    url = module_url(kinds)
    page.goto(site_url + url)
    tab_to(page, '.md-select__link[hreflang="en"]')
    expect_visible(page.locator('.md-select__link[hreflang="en"]'))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}en/{url}")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("lang, query", [("", "AI"), ("en/", "AI")])
def test_search_opens_and_leads_to_a_result_with_the_keyboard_alone(lang, query, site_url, page):
    page.goto(f"{site_url}{lang}")
    tab_to(page, ".kb-search__input")
    page.keyboard.type(query)
    first = page.locator(".kb-search__link").first
    first.wait_for()
    start = page.url
    page.keyboard.press("ArrowDown")  # from the query into the results
    assert page.evaluate("document.activeElement.matches('.kb-search__link')")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != start)
    assert page.locator("h1").first.is_visible()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_open_with_results_has_no_wcag_21_aa_violation(scheme, width, site_url, browser):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    found = []
    try:
        for lang, query in (("", "개인정보"), ("en/", "LLM")):
            page.goto(f"{site_url}{lang}")
            opener = page.locator(".kb-search__open")
            (opener if opener.is_visible() else page.locator(".kb-search__input")).click()
            page.locator(".kb-search__input").fill(query)
            page.locator(".kb-search__link mark").first.wait_for()
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
            found += readable(f"{lang or 'ko'} search {query!r} at {width} px", results.response["violations"])
    finally:
        context.close()
    assert found == []


def expect_visible(locator) -> None:
    from playwright.sync_api import expect

    expect(locator).to_be_visible()


# What overflows: the page itself, or a content element that hides part of its text.
# Scrolling boxes (wide tables, code) are allowed by WCAG 1.4.10, so they are not counted.
OVERFLOW = """() => {
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
  for (const el of document.querySelectorAll('.md-content *')) {
    const style = getComputedStyle(el);
    if (!['hidden', 'clip'].includes(style.overflowX) || !el.innerText || !el.innerText.trim()) continue;
    if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.tagName.toLowerCase()}.${el.className} cuts off "${el.innerText.trim().slice(0, 40)}"`);
  }
  return problems;
}"""


def test_text_zoomed_to_200_percent_is_not_cut_off_on_any_kind_of_page(kinds, site_dir, site_url, browser):
    """WCAG 1.4.4 and 1.4.10: 200 % zoom of a 1280 px window is a 640 px wide layout; text-only zoom doubles the root font size."""
    found = []
    context = browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    for _test_id, url in both_languages(site_dir, kinds):
        page.goto(site_url + url)
        found += [f"{url} (640 px): {p}" for p in page.evaluate(OVERFLOW)]
    context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    for _test_id, url in both_languages(site_dir, kinds):
        page.goto(site_url + url)
        page.add_style_tag(content="html { font-size: 250% !important }")  # Material's 125 % base, doubled
        found += [f"{url} (text 200 %): {p}" for p in page.evaluate(OVERFLOW)]
    context.close()
    assert found == []


def test_a_module_prints_without_site_chrome_and_with_link_targets_written_out(kinds, site_url, page):
    page.goto(site_url + module_url(kinds))
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll(
        '.md-header, .md-tabs, .md-sidebar, .kb-search, .md-footer, .md-skip, .md-top, .md-banner')]
        .filter(el => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0)
        .map(el => el.className)""")
    assert shown == []
    assert page.locator("article h1").first.is_visible()
    external = page.locator('.md-content article a[href^="http"]')
    assert external.count() > 0, "a module page is expected to cite external sources"
    href = external.first.get_attribute("href")
    after = external.first.evaluate("a => getComputedStyle(a, '::after').content")
    assert href in after
    internal = page.locator('.md-content article a[href^="../"]').first
    assert internal.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal", '""')
    assert len(page.pdf(format="A4")) > 1000  # Chromium can lay the page out for paper
