"""The same site from either builder: MkDocs (`make build`) and Zensical (`make build BUILDER=zensical`).

Both session builds (conftest: `built_repo`, `zensical_repo`) are of the same
sources with the same Korean-only page (FALLBACK_PAGE), so whatever the
publish stage adds must come out the same: the pages of each language,
glossary links in page bodies, hreflang/x-default, honest fallbacks, the
files that are not pages (byte for byte), links and accessibility. What may
differ is the theme's look; README "Builders" lists each difference and why.

Search: the publish stage makes it for both builders (a search box in every
page and an index per language, whoever built the pages), so the whole query
set (tests/search_queries.yml) is typed into both builds and recall@5 must
agree within 0.02 in each language, with no result from the other language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FALLBACK_PAGE
from gyeonggi_kb.publish import built_html
from pagetypes import both_languages, page_kinds
from search_harness import load_queries, recall_at_5, run_queries
from test_accessibility import violations
from test_links import build_address, failures, lychee

pytestmark = pytest.mark.build

FALLBACK_URL = FALLBACK_PAGE.removeprefix("docs/").removesuffix(".ko.md") + "/"
NOT_PAGES = ("assets/",)
BUILDER_PAGES = ("404.html", "en/404.html")  # each builder's own error page; not made from docs/
RECALL_TOLERANCE = 0.02
OUR_SEARCH_BOX = 'class="kb-search'  # the box publish puts in every page (issue #19)
GLOSSARY_LINK = re.compile(r'<a class="kb-term" href="([^"]*)" title="([^"]*)"[^>]*>(.*?)</a>', re.S)
HREFLANG = re.compile(r'<link rel="alternate" hreflang="[^"]+" href="[^"]+">')
# Not pages: written by the publish stage from the data, so byte-identical whoever built the pages.
PUBLISHED_FILES = (
    "glossary.json", "glossary.csv", "glossary.tbx", "schemas/glossary.schema.json",
    "sessions.ics", "en/sessions.ics", "recaps.atom.xml", "en/recaps.atom.xml", "sitemap.xml", "sitemap.xml.gz",
)


@pytest.fixture(scope="module")
def builds(site_dir, zensical_site_dir) -> dict[str, Path]:
    return {"mkdocs": site_dir, "zensical": zensical_site_dir}


def html_pages(site: Path) -> dict[str, str]:
    """{site-relative path: text} of every page made from docs/."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if not rel.startswith(NOT_PAGES) and rel not in BUILDER_PAGES:
            pages[rel] = path.read_text(encoding="utf-8")
    return pages


@pytest.fixture(scope="module")
def pages(builds) -> dict[str, dict[str, str]]:
    return {builder: html_pages(site) for builder, site in builds.items()}


def test_both_builders_write_the_same_pages_in_each_language(pages):
    mkdocs, zensical = (set(pages[b]) for b in ("mkdocs", "zensical"))
    assert sorted(mkdocs ^ zensical) == []
    assert "en/" + FALLBACK_URL + "index.html" in zensical
    assert sum(p.startswith("en/") for p in zensical) > 150 and sum(not p.startswith("en/") for p in zensical) > 150


def glossary_links(text: str) -> list[tuple[str, str, str]]:
    return GLOSSARY_LINK.findall(built_html.content(text))


def test_page_bodies_have_the_same_glossary_links_on_both_builders(pages):
    differing = [
        rel for rel, text in pages["mkdocs"].items()
        if glossary_links(text) != glossary_links(pages["zensical"][rel])
    ]
    assert differing == []
    total = sum(len(glossary_links(text)) for text in pages["zensical"].values())
    assert total > 500, total  # not comparing two empty lists
    print(f"glossary links: {total} in the page bodies of each build")


def test_every_page_names_the_same_translations_with_x_default_on_both_builders(pages):
    for builder in ("mkdocs", "zensical"):
        for rel, text in pages[builder].items():
            tags = HREFLANG.findall(text)
            if rel != "en/" + FALLBACK_URL + "index.html":
                assert any('hreflang="x-default"' in tag for tag in tags), f"{builder}: {rel} has no x-default"
            assert tags == HREFLANG.findall(pages["mkdocs"][rel]), f"{rel}: {builder} names other translations than mkdocs"


def publish_makes_search(site: Path) -> bool:
    return OUR_SEARCH_BOX in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_search_recall_is_the_same_on_both_builders(builds, browser, site_url, zensical_site_url):
    assert all(publish_makes_search(site) for site in builds.values()), "the publish stage makes the search on both builds"
    queries = load_queries()
    outcomes = {"mkdocs": run_queries(browser, site_url, queries), "zensical": run_queries(browser, zensical_site_url, queries)}
    for lang in ("ko", "en"):
        recall = {builder: recall_at_5(found, lang) for builder, found in outcomes.items()}
        print(f"recall@5 ({lang}): {recall}")
        assert abs(recall["mkdocs"] - recall["zensical"]) <= RECALL_TOLERANCE, (lang, recall)
    foreign = [(builder, o.query.text, o.foreign) for builder, found in outcomes.items() for o in found if o.foreign]
    assert foreign == []


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_an_untranslated_page_is_served_with_our_notice_and_canonical_and_kept_out_of_the_sitemaps(builds, builder):
    site = builds[builder]
    text = (site / "en" / FALLBACK_URL / "index.html").read_text(encoding="utf-8")
    content = built_html.content(text)
    assert content.count("kb-untranslated") == 1 and "<aside class=\"md-i18n-notice\"" not in text  # ours, not zensical-i18n's
    assert "This page has not been translated into English yet" in content and '<div lang="ko">' in content
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', text)
    assert canonical == [build_address(site) + FALLBACK_URL]
    assert HREFLANG.findall(text) == [] and '<html lang="en"' in text
    sitemaps = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("sitemap.xml"))}
    assert f"<loc>{build_address(site)}{FALLBACK_URL}</loc>" in sitemaps["sitemap.xml"]  # the Korean original
    assert [name for name, text in sitemaps.items() if f"/en/{FALLBACK_URL}<" in text] == []


def test_exports_calendars_feeds_and_the_sitemap_are_byte_identical_on_both_builders(builds):
    differing = [name for name in PUBLISHED_FILES if (builds["mkdocs"] / name).read_bytes() != (builds["zensical"] / name).read_bytes()]
    assert differing == []


def test_every_internal_link_and_fragment_of_the_zensical_build_resolves(zensical_site_dir):
    """The MkDocs build is checked the same way by tests/test_links.py."""
    report = lychee(zensical_site_dir, "**/*.html", "**/sitemap.xml", site_address=build_address(zensical_site_dir))
    assert failures(report) == []
    assert report["successful"] > 1000, report


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_kind_of_page_of_the_zensical_build_has_no_wcag_21_aa_violation(lang, zensical_repo, zensical_site_dir, zensical_site_url, page):
    """The MkDocs build is checked the same way (and in both colour schemes) by tests/test_accessibility.py."""
    kinds = page_kinds(zensical_site_dir, zensical_repo)
    urls = [url for test_id, url in both_languages(zensical_site_dir, kinds) if test_id.startswith(lang + ":")]
    assert len(urls) >= 3, urls
    assert violations(page, zensical_site_url, urls) == []
