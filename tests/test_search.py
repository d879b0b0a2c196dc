"""Search in real Chromium: found on demand, per language, Korean-aware, highlighted, by keyboard.

The query set (tests/search_queries.yml) is typed into the real search box of
the session build. Recall@5 is a quality figure, not a timing, so its targets
are asserted here; speed, bytes per query and the comparison with stock
search are measured by tests/bench_search.py (`make bench-search`).
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import FALLBACK_PAGE
from gyeonggi_kb.search.tokens import words
from search_harness import LANG_ROOT, Query, load_queries, open_search, recall_at_5, run_queries, search

pytestmark = [pytest.mark.browser, pytest.mark.build]

KOREAN_TARGET = 0.95
# Stock search scored 0.96 in English on the same queries (README, "Search"); ours must not do worse.
ENGLISH_TARGET = 0.95
KOREAN_HABITS_TARGET = 0.95  # initial consonants and one-jamo typos
FALLBACK_URL = FALLBACK_PAGE.removeprefix("docs/").removesuffix(".ko.md") + "/"
SEARCH_DATA = ("/search/", "/assets/kb-search/")


@pytest.fixture(scope="module")
def outcomes(browser, site_url):
    return run_queries(browser, site_url, load_queries())


def misses(outcomes, lang, kinds=None):
    return [
        f"{o.query.text!r} ({o.query.why}): wanted {list(o.query.expect)}, top 5 {o.top}"
        for o in outcomes
        if o.query.lang == lang and o.recall < 1 and (o.query.kind in kinds if kinds else True)
    ]


def test_the_query_set_has_korean_english_initials_and_typo_queries():
    queries = load_queries()
    assert sum(q.lang == "ko" and q.kind not in ("initials", "typo") for q in queries) >= 40
    assert sum(q.lang == "en" for q in queries) >= 20
    assert sum(q.lang == "ko" and q.kind == "initials" for q in queries) >= 15
    assert sum(q.lang == "ko" and q.kind == "typo" for q in queries) >= 15


def test_korean_queries_find_their_pages_in_the_top_5(outcomes):
    assert recall_at_5(outcomes, "ko") >= KOREAN_TARGET, "\n".join(misses(outcomes, "ko"))


def test_english_queries_find_their_pages_in_the_top_5(outcomes):
    assert recall_at_5(outcomes, "en") >= ENGLISH_TARGET, "\n".join(misses(outcomes, "en"))


@pytest.mark.parametrize("kind", ["initials", "typo"])
def test_initial_consonants_and_one_jamo_typos_find_the_intended_page(outcomes, kind):
    assert recall_at_5(outcomes, "ko", [kind]) >= KOREAN_HABITS_TARGET, "\n".join(misses(outcomes, "ko", [kind]))


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


@pytest.mark.parametrize("lang, start", [("ko", "glossary/"), ("en", "en/glossary/")])
def test_no_search_data_is_fetched_until_the_reader_opens_search(page, site_url, lang, start):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.removeprefix(site_url)) if any(s in request.url for s in SEARCH_DATA) else None)
    page.goto(site_url + start)
    page.wait_for_load_state("networkidle")
    assert fetched == []
    outcome = search(page, site_url, Query(lang, "LLM", ("glossary/large-language-model/",)))
    assert outcome.recall == 1 and outcome.foreign == []
    assert f"{LANG_ROOT[lang]}search/index.json" in fetched
    assert not any(url.startswith("en/" if lang == "ko" else "search/") for url in fetched if "/kb-search/" not in url)


@pytest.mark.parametrize(
    "query, marked",
    [
        ("보호법", "보호법"),  # a part of 개인정보보호법
        ("LLM", "LLM"),  # a glossary label: the page's text says 약어: LLM
        ("ㅇㄱㅈㄴ", "인공지능"),  # initials: what they spell is marked
        ("인공지눙", "인공지능"),  # a typo: the word it was taken for is marked
        ("민원을", "민원"),  # the particle is not part of the match
    ],
)
def test_results_mark_what_matched_even_inside_a_word_or_a_label(outcomes, query, marked):
    (outcome,) = [o for o in outcomes if o.query.text == query and o.query.lang == "ko"]
    assert any(marked.lower() in (m.lower() for m in marks) for marks in outcome.marked[:1]), outcome.marked


def test_a_result_opens_its_page_with_the_match_highlighted(page, site_url):
    open_search(page, site_url, "ko")
    search(page, site_url, Query("ko", "보호법", ()))
    first = page.locator(".kb-search__link").first
    href = first.get_attribute("href")
    assert parse_qs(urlsplit(href).query)["h"] == ["보호법"]
    first.click()
    page.wait_for_url("**/glossary/personal-information-protection-act/**")
    marks = page.locator("article mark")
    marks.first.wait_for()
    assert set(marks.all_inner_texts()) == {"보호법"}


def test_the_browser_cuts_words_as_the_index_does(page, site_url):
    open_search(page, site_url, "ko")
    samples = ["민원을, 민원이. 민원에서", "「개인정보 보호법」을 준수하는", "AI기본법·인공지능(AI)의 협업", "Large Language Model's", "ㅇㄱㅈㄴ 인공ㅈㄴ"]
    cut = page.evaluate(
        """async samples => {
            const root = document.querySelector('.kb-search');
            const { Index } = await import(new URL(root.dataset.kbEngine, location.href).href);
            const entry = await (await fetch(new URL(root.dataset.kbIndex, location.href))).json();
            const index = new Index(new URL(root.dataset.kbIndex, location.href), entry);
            return samples.map(s => index.words(s));
        }""",
        samples,
    )
    assert cut == [words(s) for s in samples]


def test_the_search_dialog_has_a_name_in_each_language(page, site_url):
    for lang, name in (("ko", "사이트 검색"), ("en", "Search this site")):
        open_search(page, site_url, lang)
        assert page.get_by_role("dialog", name=name).count() == 1


def test_slash_opens_search_and_the_keyboard_walks_the_results(page, site_url):
    open_search(page, site_url, "ko")
    page.keyboard.press("/")
    box = page.locator(".kb-search__input")
    assert page.evaluate("document.activeElement.classList.contains('kb-search__input')")
    page.keyboard.type("딥러닝")
    page.wait_for_function("() => document.querySelector('.kb-search').dataset.results === '딥러닝'")
    page.keyboard.press("ArrowDown")
    links = page.locator(".kb-search__link")
    assert page.evaluate("document.activeElement === document.querySelectorAll('.kb-search__link')[0]")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement === document.querySelectorAll('.kb-search__link')[1]")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('kb-search__input')")
    page.keyboard.press("Escape")
    assert not links.first.is_visible()
    assert box.input_value() == "딥러닝"
    page.keyboard.press("Enter")  # Enter in the box opens the first result
    page.wait_for_url("**/glossary/deep-learning/**")


def test_s_opens_search_unless_the_reader_is_typing_elsewhere(page, site_url):
    open_search(page, site_url, "en")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.classList.contains('kb-search__input')")
    assert page.locator(".kb-search__input").input_value() == ""  # the key opened search, it was not typed


def test_on_a_phone_the_search_button_opens_a_full_screen_search_and_escape_returns_to_it(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        open_search(page, site_url, "ko")
        opener = page.locator(".kb-search__open")
        assert opener.is_visible() and not page.locator(".kb-search__input").is_visible()
        assert opener.get_attribute("aria-expanded") == "false"
        outcome = search(page, site_url, Query("ko", "개인정보", ("glossary/personal-information/",)))
        assert outcome.recall == 1
        box = page.locator(".kb-search__dialog").bounding_box()
        assert box["width"] == 375 and box["y"] == 0
        assert opener.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Escape")
        assert page.evaluate("document.activeElement.classList.contains('kb-search__open')")
        assert not page.locator(".kb-search__dialog").is_visible()
    finally:
        context.close()


def test_the_index_files_are_per_language_and_small(site_dir):
    for prefix in ("", "en/"):
        entry = json.loads((site_dir / prefix / "search/index.json").read_text(encoding="utf-8"))
        assert entry["pages"] and entry["postings"] and entry["texts"]
        shards = [name for _, name in entry["postings"] + entry["texts"]]
        assert all((site_dir / prefix / "search" / name).is_file() for name in shards)
        assert not any(url.startswith("en/") for url, _, _ in entry["pages"])
