"""Real Chromium: what Material's JavaScript still does to a page while it loads, and what it no longer does.

Lighthouse's blocking time on long pages came from Material restyling the whole page during load
(bench/lighthouse.py, make bench-lighthouse). These tests keep the causes away: the palette is ours
(tests/test_palette.py), tooltips are made only when a reader points at a term, and a table sits in
a box of its own, so Material's table wrapper restyles the table alone.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect


@pytest.mark.parametrize("path", ["en/references/eu-ai-act/", "modules/"])
def test_material_still_wraps_each_table_for_sideways_scrolling_inside_our_box(page, site_url, path):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + path)
    wrapped = page.locator("article .kb-table > .md-typeset__scrollwrap > .md-typeset__table > table")
    expect(wrapped.first).to_be_attached()
    assert wrapped.count() == page.locator("article table").count()


def test_no_tooltip_is_made_until_a_reader_points_at_a_term(page, site_url):
    page.goto(site_url + "modules/physical-ai/")
    page.wait_for_load_state("load")
    assert page.locator('[role="tooltip"]').count() == 0
    assert page.locator("article a.kb-term[title]").count() > 0  # each still has its title, for readers without JavaScript
    page.locator("article a.kb-term").first.hover()
    expect(page.locator('[role="tooltip"]')).to_have_count(1)
