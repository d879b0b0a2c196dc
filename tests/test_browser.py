"""Real Chromium: what a reader sees and does."""

from __future__ import annotations

import pytest

from conftest import REPO

pytestmark = pytest.mark.browser

MODULE = sorted(p.stem for p in (REPO / "curriculum/modules").glob("*.yml"))[0]


def test_language_switcher_leads_to_the_same_module(page, site_url):
    page.goto(f"{site_url}modules/{MODULE}/")
    assert page.locator("html").get_attribute("lang") == "ko"
    korean_title = page.locator("h1").first.inner_text()
    page.locator(".md-header__option .md-select").first.hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{site_url}en/modules/{MODULE}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() != korean_title
