"""Type queries into the built site's real search box (Chromium) and score what it lists.

Shared by tests/test_search.py (targets asserted on the session build) and
tests/bench_search.py (ours against stock Material, sizes, times). A query's
results are the pages listed, in order, taken relative to the site root;
`stock=True` drives Material's own search box instead of ours (the bench's
stock build).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).resolve().parent / "search_queries.yml"
LANG_ROOT = {"ko": "", "en": "en/"}
TOP = 5
WAIT_MS = 120_000  # a timeout, not a timing: Material's worker indexes slowly on a busy machine
SPECIAL_KINDS = ("initials", "typo")  # reported apart from the rest of the query set


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    expect: tuple  # page URLs relative to the language root, e.g. "glossary/large-language-model/"
    why: str = ""

    @property
    def kind(self) -> str:
        return self.why.split()[0] if self.why else "word"


@dataclass
class Outcome:
    query: Query
    results: list  # page URLs relative to the site root, in the order listed
    ms: float  # from typing the query to its results on screen, measured in the page
    marked: list | None = None  # the highlighted strings of the first five results (ours only)

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
    """Site-relative page URL of a result link, without its ?h= and #fragment."""
    path = urlsplit(href).path
    return path[len(urlsplit(site_url).path):]


def open_search(page, site_url: str, lang: str, stock: bool = False) -> None:
    page.goto(site_url + LANG_ROOT[lang])
    page.locator(".md-search__input" if stock else ".kb-search:not([hidden])").first.wait_for()


def search(page, site_url: str, query: Query, stock: bool = False) -> Outcome:
    """Type the query into the search box and read the listed pages once the box has answered."""
    return (search_material if stock else search_ours)(page, site_url, query)


def search_ours(page, site_url: str, query: Query) -> Outcome:
    box = page.locator(".kb-search__input")
    opener = page.locator(".kb-search__open")
    if not box.is_visible():  # narrow screens show a search button instead of the box
        opener.click()
    box.click()
    box.fill("")
    page.wait_for_function("() => document.querySelector('.kb-search').dataset.results === ''", timeout=WAIT_MS)
    page.evaluate("() => { window.kbTyped = performance.now(); }")
    box.fill(query.text)  # one input event, as after the last keystroke
    ms = page.wait_for_function(
        "q => { const root = document.querySelector('.kb-search');"
        " return root.dataset.results === q && !root.hasAttribute('aria-busy') && performance.now() - window.kbTyped; }",
        arg=query.text, timeout=WAIT_MS,
    ).json_value()
    links = page.eval_on_selector_all(
        ".kb-search__link", "links => links.map(a => [a.href, [...a.querySelectorAll('mark')].map(m => m.textContent)])"
    )
    return Outcome(query, unique(page_of(href, site_url) for href, _ in links), ms, [marks for _, marks in links[:TOP]])


def search_material(page, site_url: str, query: Query) -> Outcome:
    box = page.locator("input.md-search__input")
    icon = page.locator("label.md-header__button[for=__search]")
    if page.locator("#__search").is_checked():
        box.focus()
    elif icon.is_visible():
        icon.click()
    else:
        box.click()  # Material starts its search session on focus
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    # Material reads the box on keyup, so each value is followed by a real key press.
    box.fill("")
    box.press("End")
    page.wait_for_function("p => document.querySelector('.md-search-result__meta').innerText === p", arg=placeholder, timeout=WAIT_MS)
    page.evaluate("() => { window.kbTyped = performance.now(); }")
    box.fill(query.text)
    box.press("End")
    ms = page.wait_for_function(
        "p => document.querySelector('.md-search-result__meta').innerText !== p && performance.now() - window.kbTyped",
        arg=placeholder, timeout=WAIT_MS,
    ).json_value()
    hrefs = page.eval_on_selector_all(".md-search-result__list > .md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
    return Outcome(query, unique(page_of(href, site_url) for href in hrefs), ms)


def unique(urls) -> list:
    return list(dict.fromkeys(urls))


def run_queries(browser, site_url: str, queries: list[Query], stock: bool = False) -> list[Outcome]:
    """Every query in one page per language, one after the other, as a reader refining a search."""
    outcomes = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for lang in LANG_ROOT:
            mine = [q for q in queries if q.lang == lang]
            if mine:
                open_search(page, site_url, lang, stock)
                outcomes += [search(page, site_url, q, stock) for q in mine]
    finally:
        context.close()
    return outcomes


def recall_at_5(outcomes: list[Outcome], lang: str, kinds=None) -> float:
    """Mean recall@5 of the queries of `lang`; `kinds` limits it to those kinds (None: all but SPECIAL_KINDS)."""
    mine = [o for o in outcomes if o.query.lang == lang and (o.query.kind in kinds if kinds else o.query.kind not in SPECIAL_KINDS)]
    return sum(o.recall for o in mine) / len(mine) if mine else float("nan")
