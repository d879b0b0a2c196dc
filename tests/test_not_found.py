"""404 pages in both languages: in the built site, and in Chromium behind a server with GitHub Pages' 404 rule.

GitHub Pages answers every unknown address with the site's root `404.html`,
whatever folder the address is in; `pages_url` serves the build the same way,
so the tests see what a reader of the published site sees.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import QuietHandler
from gyeonggi_kb.publish import PUBLISHED_MARK
from gyeonggi_kb.layout import site_path
from gyeonggi_kb.publish.not_found import not_found_page, publish_not_found_pages, redirect_script, render_not_found
from gyeonggi_kb.search import SiteSearch

MISSING = "no/such/page/"


# --- the pieces, without a build ---------------------------------------------------------------

def test_each_language_page_links_its_own_home_and_search_under_the_sites_path():
    korean, english = render_not_found("ko", "/kb/"), render_not_found("en", "/kb/")
    assert '<h1 id="not-found">페이지를 찾을 수 없습니다</h1>' in korean and '<h1 id="not-found">Page not found</h1>' in english
    assert '<p><a href="/kb/">홈으로 가기</a></p>' in korean and '<p><a href="/kb/en/">Go to the home page</a></p>' in english
    assert 'action="/kb/" method="get" role="search"' in korean and 'action="/kb/en/" method="get" role="search"' in english
    # ... and help in the other language, marked as such
    assert '<section class="kb-not-found__other" lang="en"' in korean and 'href="/kb/en/">Go to the home page of the English site' in korean
    assert '<section class="kb-not-found__other" lang="ko"' in english and 'href="/kb/">한국어 사이트 홈으로 가기' in english


def test_only_the_root_page_sends_other_languages_addresses_to_their_page():
    assert '["/kb/en/"]' in redirect_script("/kb/")
    korean, english = not_found_page(BUILT, "ko", "/kb/", BOX), not_found_page(BUILT, "en", "/kb/", BOX)
    assert 'location.replace(page)' in korean and "location.replace" not in english
    assert "history.replaceState" in english and "history.replaceState" not in korean


BUILT = """<html><head><title>404 - Site</title>
</head><body><header class="md-header"><nav class="md-header__inner">
<a href="/kb/translation-status/" hreflang="ko" class="md-select__link">한국어</a>
<a href="/kb/en/translation-status/" hreflang="en" class="md-select__link">English</a></nav></header>
<article class="md-content__inner md-typeset"><h1>404</h1></article></body></html>"""
BOX = SiteSearch({}).with_box_at


def test_the_pass_fills_in_the_builders_page_and_points_each_language_at_its_own_search():
    english = not_found_page(BUILT, "en", "/kb/", BOX)
    assert "<title>Page not found - Site</title>" in english
    assert '<h1 id="not-found">Page not found</h1>' in english and "<h1>404</h1>" not in english
    assert 'data-kb-index="/kb/en/search/index.json"' in english and 'aria-label="Search this site"' in english
    assert 'data-kb-index="/kb/search/index.json"' in not_found_page(BUILT, "ko", "/kb/", BOX)
    # the language menu leads to the same page in the other language, not to whichever page the builder rendered last
    assert '<a href="/kb/404.html" hreflang="ko" class="md-select__link">' in english
    assert '<a href="/kb/en/404.html" hreflang="en" class="md-select__link">' in english
    assert site_path("https://example.github.io/kb") == "/kb/" and site_path("http://127.0.0.1:8000/") == "/"


def test_the_pass_keeps_the_target_of_zensicals_skip_link():
    """Zensical's theme opens the article with `<a id="__skip">`, where its "skip to content" link leads."""
    zensical = BUILT.replace('md-typeset"><h1>', 'md-typeset">\n<a id="__skip" tabindex="-1"></a>\n<h1>')
    page = not_found_page(zensical, "en", "/kb/", BOX)
    assert '<a id="__skip" tabindex="-1"></a>' in page and '<h1 id="not-found">Page not found</h1>' in page


def test_the_pass_runs_once(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "404.html").write_text(BUILT)
    (tmp_path / "en/404.html").write_text(BUILT)
    assert publish_not_found_pages(tmp_path, "https://example.github.io/kb/", PUBLISHED_MARK, BOX) == ["404.html", "en/404.html"]
    once = (tmp_path / "en/404.html").read_text()
    assert publish_not_found_pages(tmp_path, "https://example.github.io/kb/", PUBLISHED_MARK, BOX) == []
    assert (tmp_path / "en/404.html").read_text() == once


# --- the built site -----------------------------------------------------------------------------

@pytest.mark.build
@pytest.mark.parametrize("path, lang, title, home", [("404.html", "ko", "페이지를 찾을 수 없습니다", "/"), ("en/404.html", "en", "Page not found", "/en/")])
def test_the_built_404_page_of_each_language(site_dir, path, lang, title, home):
    page = (site_dir / path).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in page
    assert f"<title>{title} - " in page and f'<h1 id="not-found">{title}</h1>' in page
    assert f'<a href="{home}">' in page and f'<form class="kb-not-found__search" action="{home}"' in page
    assert f'data-kb-index="{home}search/index.json"' in page, "the header's search must use this language's index"
    assert '<a href="/404.html" hreflang="ko" class="md-select__link">' in page and '<a href="/en/404.html" hreflang="en" class="md-select__link">' in page
    assert f'<link href="/assets/' in page or 'href="/assets/' in page  # absolute: the page is shown at any depth


# --- in Chromium, behind GitHub Pages' rule -----------------------------------------------------

class GitHubPagesHandler(QuietHandler):
    """Any address without a file (or a folder without index.html) gets the root 404.html, with status 404."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def list_directory(self, path):  # GitHub Pages never lists a folder
        self.send_error(404)


@pytest.fixture(scope="module")
def pages_url(site_dir):
    with ThreadingHTTPServer(("127.0.0.1", 0), partial(GitHubPagesHandler, directory=str(site_dir))) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_port}/"
        server.shutdown()


def search_results(page, query: str) -> list[str]:
    page.locator(".kb-search__input").click()
    page.locator(".kb-search__input").fill(query)
    page.locator(".kb-search__link").first.wait_for(timeout=120_000)
    return page.locator(".kb-search__link").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.browser
@pytest.mark.build
def test_an_unknown_korean_address_shows_the_korean_page_with_home_and_search(pages_url, page):
    response = page.goto(pages_url + MISSING)
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("heading", level=1)).to_have_text("페이지를 찾을 수 없습니다")
    expect(page.get_by_role("link", name="홈으로 가기")).to_have_attribute("href", "/")
    assert page.url == pages_url + MISSING
    form = page.get_by_role("search", name="이 사이트에서 검색")
    form.get_by_role("searchbox").fill("용어집")
    form.get_by_role("button", name="검색").click()
    page.wait_for_url(pages_url + "?q=*")
    found = page.locator(".kb-search__link").first  # the search box opened with the words typed
    found.wait_for(timeout=120_000)
    assert "/en/" not in found.evaluate("a => a.href")


@pytest.mark.browser
@pytest.mark.build
def test_an_unknown_english_address_shows_the_english_page_at_the_address_typed(pages_url, page):
    page.goto(pages_url + "en/")
    response = page.goto(pages_url + "en/" + MISSING)
    assert response.status == 404  # what GitHub Pages sends: the root page, which then loads the English one
    page.wait_for_function("document.documentElement.lang === 'en'")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("link", name="Go to the home page", exact=True)).to_have_attribute("href", "/en/")
    expect(page).to_have_url(pages_url + "en/" + MISSING)
    expect(page.locator("body")).to_be_visible()
    results = search_results(page, "glossary")
    assert results and all(r.startswith(pages_url + "en/") for r in results), results
    page.go_back()  # the detour through /en/404.html is not a step of the history
    expect(page).to_have_url(pages_url + "en/")


@pytest.mark.browser
@pytest.mark.build
def test_the_english_page_can_be_served_directly_by_hosts_that_honour_a_404_per_folder(pages_url, page):
    page.goto(pages_url + "en/404.html")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page).to_have_url(pages_url + "en/404.html")


@pytest.mark.browser
@pytest.mark.build
def test_without_javascript_the_root_page_helps_in_both_languages(pages_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(pages_url + "en/" + MISSING)
    expect(page.get_by_role("heading", level=1)).to_have_text("페이지를 찾을 수 없습니다")
    english = page.locator('section[lang="en"]')
    expect(english.get_by_role("heading", level=2)).to_have_text("Page not found")
    expect(english.get_by_role("link", name="Go to the home page of the English site")).to_have_attribute("href", "/en/")
    expect(english.get_by_role("search", name="Search the English site")).to_be_visible()
    context.close()
