"""First view on a phone: what Chromium fetches when a reader opens a page, on every kind of page.

Chromium opens one page of every kind (tests/pagetypes.py) in both languages
at 375 px and records every request until the network is idle, web workers'
included. Then, from those requests:

- no sitemap.xml (Material fetches one per <link rel="alternate"> unless
  overrides/main.html stops it);
- no search code or data before the reader uses search;
- the first view, compressed as a server sends it (gzip level 6, as GitHub
  Pages and bench/gzip_server.py do), is at most 100 KB: HTML, CSS,
  JavaScript (search code included, as long as it loads with the page) and
  images; search data is not counted, and must not load either. Sizes come from the
  built files, not from timing or the network, so the figure is the same on
  any machine; `make bench-lighthouse` measures the real transfer.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pagetypes import both_languages, page_kinds

pytestmark = [pytest.mark.browser, pytest.mark.build]

FIRST_VIEW_LIMIT = 100 * 1024
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
# Our search engine (gyeonggi_kb.search; its small loader is inline in the page), Material's
# search worker and lunr scripts, and the index they load from a search/ folder (a pagefind/
# folder would hold the data of a Pagefind search).
SEARCH_CODE = ("assets/kb-search/", "javascripts/workers/search.", "javascripts/lunr/")
SEARCH_DATA = re.compile(r"(^|/)(search|pagefind)/")


@pytest.fixture(scope="module")
def first_loads(site_dir, built_repo, site_url, browser) -> dict[str, list[str]]:
    """{test id: paths requested from the site on first load, in order}; other origins are kept as full URLs."""
    loads = {}
    context = browser.new_context(viewport={"width": 375, "height": 800})
    for test_id, url in both_languages(site_dir, page_kinds(site_dir, built_repo)):
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request, into=requested: into.append(request.url))
        page.goto(site_url + url)
        page.wait_for_load_state("networkidle")
        page.close()
        loads[test_id] = [u.removeprefix(site_url) if u.startswith(site_url) else u for u in requested if not u.startswith("data:")]
    context.close()
    return loads


def is_search_data(path: str) -> bool:
    return SEARCH_DATA.search(urlsplit(path).path) is not None


def is_search(path: str) -> bool:
    return is_search_data(path) or any(part in path for part in SEARCH_CODE)


def compressed_size(site_dir: Path, path: str) -> int:
    file = site_dir / urlsplit(path).path
    if file.is_dir():
        file = file / "index.html"
    data = file.read_bytes()
    return len(gzip.compress(data, compresslevel=6, mtime=0)) if file.suffix in COMPRESSED else len(data)


def test_no_page_fetches_a_sitemap_on_load(first_loads):
    found = {test_id: [p for p in paths if urlsplit(p).path.endswith("sitemap.xml")] for test_id, paths in first_loads.items()}
    assert {k: v for k, v in found.items() if v} == {}


def test_no_page_fetches_search_code_or_data_before_search_is_used(first_loads):
    found = {test_id: [p for p in paths if is_search(p)] for test_id, paths in first_loads.items()}
    assert {k: v for k, v in found.items() if v} == {}


def test_first_view_of_every_kind_of_page_is_at_most_100_kb_compressed(first_loads, site_dir):
    too_big, sizes = [], {}
    for test_id, paths in first_loads.items():
        assert all(not p.startswith(("http:", "https:")) for p in paths), f"{test_id} loads from another origin: {paths}"
        weights = sorted(((compressed_size(site_dir, p), p) for p in dict.fromkeys(paths) if not is_search_data(p)), reverse=True)
        sizes[test_id] = total = sum(size for size, _ in weights)
        if total > FIRST_VIEW_LIMIT:
            too_big.append(f"{test_id}: {total / 1024:.1f} KB: " + ", ".join(f"{p or '/'} {s / 1024:.1f}" for s, p in weights[:6]))
    print("first view, KB compressed, search data excluded: " + ", ".join(f"{k} {v / 1024:.1f}" for k, v in sizes.items()))
    assert too_big == []
