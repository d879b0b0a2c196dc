"""Search in real Chromium: each language finds its own pages, Korean compounds and particles, glossary labels.

The query set (tests/search_queries.yml) is typed into the real search box of
the session build. Recall@5 is a quality figure, not a timing, so its targets
are asserted here; speed and the comparison with stock search are measured
by tests/bench_search.py (`make bench-search`).
"""

from __future__ import annotations

import pytest

from conftest import FALLBACK_PAGE
from search_harness import Query, load_queries, recall_at_5, run_queries, search

pytestmark = [pytest.mark.browser, pytest.mark.build]

KOREAN_TARGET = 0.95
# Stock search scored 0.96 in English on the same queries (README, "Search"); ours must not do worse.
ENGLISH_TARGET = 0.95
FALLBACK_URL = FALLBACK_PAGE.removeprefix("docs/").removesuffix(".ko.md") + "/"


@pytest.fixture(scope="module")
def outcomes(browser, site_url):
    return run_queries(browser, site_url, load_queries())


def misses(outcomes, lang):
    return [f"{o.query.text!r} ({o.query.why}): wanted {list(o.query.expect)}, top 5 {o.top}" for o in outcomes if o.query.lang == lang and o.recall < 1]


def test_the_query_set_has_at_least_40_korean_and_20_english_queries():
    queries = load_queries()
    assert sum(q.lang == "ko" for q in queries) >= 40
    assert sum(q.lang == "en" for q in queries) >= 20


def test_korean_queries_find_their_pages_in_the_top_5(outcomes):
    assert recall_at_5(outcomes, "ko") >= KOREAN_TARGET, "\n".join(misses(outcomes, "ko"))


def test_english_queries_find_their_pages_in_the_top_5(outcomes):
    assert recall_at_5(outcomes, "en") >= ENGLISH_TARGET, "\n".join(misses(outcomes, "en"))


def test_no_query_lists_a_page_of_the_other_language(outcomes):
    assert [(o.query.text, o.foreign) for o in outcomes if o.foreign] == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_word_in_both_languages_lists_only_pages_of_the_site_searched(browser, site_url, lang):
    (outcome,) = run_queries(browser, site_url, [Query(lang, "AI", ("",))])
    assert len(outcome.results) >= 5
    assert outcome.foreign == []


def test_an_untranslated_page_is_found_in_korean_only(browser, site_url):
    ko, en = run_queries(browser, site_url, [Query("ko", "번역되지 않은 예시", ("",)), Query("en", "번역되지 않은 예시", ("",))])
    assert FALLBACK_URL in ko.results
    assert "en/" + FALLBACK_URL not in en.results
    assert en.foreign == []


@pytest.mark.parametrize("lang, start, index", [("ko", "glossary/", "search/search_index.json"), ("en", "en/glossary/", "en/search/search_index.json")])
def test_a_page_deep_in_a_language_loads_that_language_index(page, site_url, lang, start, index):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.removeprefix(site_url)) if "search_index" in request.url else None)
    page.goto(site_url + start)
    outcome = search(page, site_url, Query(lang, "LLM", ("glossary/large-language-model/",)))
    assert fetched == [index]
    assert outcome.recall == 1 and outcome.foreign == []
