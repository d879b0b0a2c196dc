"""Type queries into the built site's real search box (Chromium) and score what it lists.

Shared by tests/test_search.py (targets asserted on the session build) and
tests/bench_search.py (stock vs improved, sizes, time to first result). A
query's results are the articles Material lists, in order; an article's URL
is taken relative to the root of the language the query was typed in.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).resolve().parent / "search_queries.yml"
LANG_ROOT = {"ko": "", "en": "en/"}
TOP = 5
WAIT_MS = 120_000  # the first query waits for the worker to index; slow on a busy machine (a timeout, not a timing)


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    expect: tuple  # page URLs relative to the language root, e.g. "glossary/large-language-model/"
    why: str = ""


@dataclass
class Outcome:
    query: Query
    results: list  # page URLs relative to the site root, in the order listed
    seconds: float  # from typing to the first listed result (or to "no results")
    from_load: float | None = None  # first query of a page only: from starting to load the page to its first result

    @property
    def top(self) -> list:
        return self.results[:TOP]

    @property
    def recall(self) -> float:
        want = {LANG_ROOT[self.query.lang] + e for e in self.query.expect}
        return len(want & set(self.top)) / len(want)

    @property
    def foreign(self) -> list:
        """Listed pages that belong to the other language's site."""
        if self.query.lang == "en":
            return [r for r in self.results if not r.startswith("en/")]
        return [r for r in self.results if r.startswith("en/")]


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(lang, q["q"], tuple(q["expect"]), q.get("why", "")) for lang in ("ko", "en") for q in data[lang]]


def page_of(href: str, site_url: str) -> str:
    """Site-relative page URL of a result link, without its #fragment."""
    path = urlsplit(href).path
    return path[len(urlsplit(site_url).path):]


def open_search(page, site_url: str, lang: str) -> None:
    page.goto(site_url + LANG_ROOT[lang])
    page.locator("label.md-search__icon, .md-search__input").first.wait_for()


def search(page, site_url: str, query: Query) -> Outcome:
    """Type the query into the search box and read the listed articles once Material has answered."""
    box = page.locator("input.md-search__input")
    icon = page.locator("label.md-header__button[for=__search]")
    if page.locator("#__search").is_checked():
        box.focus()
    elif icon.is_visible():  # narrow screens hide the box behind the search icon
        icon.click()
    else:
        box.click()  # Material starts its search session on focus
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    # Material reads the box on keyup, so each value is followed by a real key press.
    box.fill("")
    box.press("End")
    page.wait_for_function("p => document.querySelector('.md-search-result__meta').innerText === p", arg=placeholder, timeout=WAIT_MS)
    start = time.perf_counter()
    box.fill(query.text)
    box.press("End")
    page.wait_for_function("p => document.querySelector('.md-search-result__meta').innerText !== p", arg=placeholder, timeout=WAIT_MS)
    seconds = time.perf_counter() - start
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        "items => items.map(li => li.querySelector('a').href)",
    )
    results = []
    for href in hrefs:
        url = page_of(href, site_url)
        if url not in results:
            results.append(url)
    return Outcome(query, results, seconds)


def run_queries(browser, site_url: str, queries: list[Query]) -> list[Outcome]:
    outcomes = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for lang in LANG_ROOT:
            mine = [q for q in queries if q.lang == lang]
            if not mine:
                continue
            start = time.perf_counter()
            open_search(page, site_url, lang)
            first = search(page, site_url, mine[0])
            first.from_load = time.perf_counter() - start
            outcomes += [first] + [search(page, site_url, q) for q in mine[1:]]
    finally:
        context.close()
    return outcomes


def recall_at_5(outcomes: list[Outcome], lang: str) -> float:
    mine = [o for o in outcomes if o.query.lang == lang]
    return sum(o.recall for o in mine) / len(mine)
