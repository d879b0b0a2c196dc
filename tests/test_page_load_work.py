"""Real Chromium: what Material's JavaScript still does to a page while it loads, and what it no longer does.

Lighthouse's blocking time on long pages came from Material restyling the whole page during load
(bench/lighthouse.py, make bench-lighthouse). These tests keep the causes away: the palette is ours
(tests/test_palette.py), tooltips are made only when a reader points at a term, and a table comes in
the theme's scroll wrapper from the publish stage, so Material's script moves no table.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect


@pytest.mark.parametrize("path", ["en/references/eu-ai-act/", "modules/"])
def test_material_moves_no_table_and_each_still_scrolls_sideways_on_a_phone(page, site_url, path):
    page.set_viewport_size({"width": 375, "height": 800})
    page.add_init_script("""
        window.kbMovedTables = 0;  // tables put into the page after it was parsed (Material mounts then)
        document.addEventListener("DOMContentLoaded", () => new MutationObserver(records => {
            for (const r of records) for (const n of r.addedNodes)
                if (n.nodeType === 1 && (n.matches("table") || n.querySelector("table"))) window.kbMovedTables++;
        }).observe(document, {childList: true, subtree: true}));
    """)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # Material mounts its components after DOMContentLoaded
    assert page.evaluate("window.kbMovedTables") == 0
    wrapped = page.locator("article .md-typeset__scrollwrap > .md-typeset__table > table.kb-table")
    assert wrapped.count() == page.locator("article table").count() > 0
    box = wrapped.first.locator("xpath=../..")
    assert box.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    if path.startswith("en/references/"):  # the EU AI Act's table is wider than a phone: it scrolls inside its wrapper
        assert box.evaluate("e => e.scrollWidth > e.clientWidth")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_no_tooltip_is_made_until_a_reader_points_at_a_term(page, site_url):
    page.goto(site_url + "modules/physical-ai/")
    page.wait_for_load_state("load")
    assert page.locator('[role="tooltip"]').count() == 0
    assert page.locator("article a.kb-term[title]").count() > 0  # each still has its title, for readers without JavaScript
    page.locator("article a.kb-term").first.hover()
    expect(page.locator('[role="tooltip"]')).to_have_count(1)
