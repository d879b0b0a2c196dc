"""Search benchmark: our search against stock Material search, on the same sources, in real Chromium.

    .venv/bin/python tests/bench_search.py [--pagefind-python PATH] [--json OUT]
    (or `make bench-search`, `make bench-search PAGEFIND_PYTHON=PATH`)

Builds the site twice into temporary folders: as shipped, and as plain
Material + i18n would (the generated pages built without `hooks:` and not
published, with Material's search plugin put back into mkdocs.yml). Each variant runs the query set of
tests/search_queries.yml and reports:

- recall@5 per language, and apart for initial-consonant and typo queries;
- queries that list a page of the other language;
- search bytes fetched while a page loads (before the reader touches search);
- search bytes of one query on a fresh visit (empty browser cache): median
  and largest over the queries. Bytes are what travels compressed: gzip for
  files a server would compress, the file as it is for what is compressed
  already (Pagefind's index and WebAssembly);
- time from typing a query to its results on screen, in one session once the
  data a query needs has been fetched: median and largest.

`--pagefind-python` adds Pagefind (run by another Python that has
`pagefind[bin]==1.5.2`; it is not a dependency of this project) over the
built pages of our build, driven through its JavaScript API in the same way.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from conftest import CHROMIUM, REPO, copy_site_sources, repo_epoch, run_python  # noqa: E402
from search_harness import LANG_ROOT, SPECIAL_KINDS, Outcome, load_queries, open_search, page_of, recall_at_5, run_queries, search  # noqa: E402

SEARCH_FILES = ("/search/", "/assets/kb-search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/", "/pagefind/")
STOCK_PLUGIN = "plugins:\n  - search:\n      lang: [en, ko]\n"
PAGEFIND_SEARCH = """async ([query, lang]) => {
    const started = performance.now();
    window.pf = window.pf || await import(new URL('/pagefind/pagefind.js', location.href).href);
    const found = await window.pf.search(query);
    const data = await Promise.all(found.results.slice(0, 5).map(r => r.data()));
    return { urls: data.map(d => d.url), ms: performance.now() - started };
}"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(source: Path, target: Path, stock: bool) -> Path:
    root = copy_site_sources(target, source)
    env = {"SOURCE_DATE_EPOCH": repo_epoch()}
    commands = [("-m", "mkdocs", "build", "--strict")]
    if stock:  # plain Material + i18n with its search plugin: the generated pages, no hooks, no publish
        config = root / "mkdocs.yml"
        text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config.read_text(encoding="utf-8"), flags=re.M)
        config.write_text(text.replace("plugins:\n", STOCK_PLUGIN, 1), encoding="utf-8")
        commands.insert(0, ("-m", "gyeonggi_kb", "generate"))
    for command in commands:
        result = run_python(*command, cwd=root, env=env)
        if result.returncode != 0:
            sys.exit(result.stdout + result.stderr)
    return root / "site"


def add_pagefind(site: Path, target: Path, python: str) -> Path:
    """A copy of `site` with a Pagefind index of its articles (pages' text, no search box of ours needed)."""
    shutil.copytree(site, target)
    subprocess.run([python, "-m", "pagefind", "--site", str(target), "--root-selector", "article"], check=True, capture_output=True)
    return target


def transfer_bytes(path: Path) -> int:
    """Bytes on the wire: gzip if it helps, else the file as it is (already compressed)."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6, mtime=0)))


class Served:
    def __init__(self, site: Path):
        self.site = site
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def bytes_of(self, urls) -> int:
        return sum(transfer_bytes(self.site / page_of(url, self.url)) for url in set(urls) if any(s in url for s in SEARCH_FILES))

    def close(self):
        self.server.shutdown()


def fresh_visit(browser, served: Served, query, kind: str) -> tuple[int, int, list]:
    """(search bytes while the page loads, search bytes of the query, results) on a visit with an empty cache."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        page = context.new_page()
        if kind == "pagefind":
            page.goto(served.url + LANG_ROOT[query.lang])
            page.wait_for_load_state("networkidle")
            at_load = served.bytes_of(requested)
            found = page.evaluate(PAGEFIND_SEARCH, [query.text, query.lang])
            results = [page_of(served.url.rstrip("/") + u, served.url) for u in found["urls"]]
        else:
            open_search(page, served.url, query.lang, stock=kind == "stock")
            page.wait_for_load_state("networkidle")
            at_load = served.bytes_of(requested)
            results = search(page, served.url, query, stock=kind == "stock").results
        return at_load, served.bytes_of(requested), results
    finally:
        context.close()


def pagefind_session(browser, served: Served, queries) -> list[Outcome]:
    outcomes = []
    context = browser.new_context()
    page = context.new_page()
    for lang in LANG_ROOT:
        page.goto(served.url + LANG_ROOT[lang])
        for query in (q for q in queries if q.lang == lang):
            found = page.evaluate(PAGEFIND_SEARCH, [query.text, lang])
            urls = [page_of(served.url.rstrip("/") + u, served.url) for u in found["urls"]]
            outcomes.append(Outcome(query, urls, found["ms"]))
    context.close()
    return outcomes


def measure(browser, site: Path, queries, kind: str) -> dict:
    served = Served(site)
    try:
        outcomes = pagefind_session(browser, served, queries) if kind == "pagefind" else run_queries(browser, served.url, queries, stock=kind == "stock")
        # Stock search fetches its whole index at every page load, the same for any query: a few visits show it.
        sample = queries if kind != "stock" else [next(q for q in queries if q.lang == lang) for lang in LANG_ROOT]
        visits = [fresh_visit(browser, served, q, kind) for q in sample]
    finally:
        served.close()
    times = [o.ms for o in outcomes]
    return {
        "recall_ko": recall_at_5(outcomes, "ko"),
        "recall_en": recall_at_5(outcomes, "en"),
        **{f"recall_{kind_}": recall_at_5(outcomes, "ko", [kind_]) for kind_ in SPECIAL_KINDS},
        "foreign": sum(bool(o.foreign) for o in outcomes),
        "load_bytes": max(v[0] for v in visits),
        "query_bytes_median": statistics.median(v[1] for v in visits),
        "query_bytes_max": max(v[1] for v in visits),
        "typing_ms_median": statistics.median(times),
        "typing_ms_max": max(times),
        "misses": [(o.query.lang, o.query.text, o.top) for o in outcomes if o.recall < 1],
    }


def table(results: dict) -> str:
    rows = [
        "| variant | recall@5 ko | recall@5 en | 초성 (ko) | typo (ko) | other-language results | search bytes at page load | one query, fresh visit: median / max | typing to results: median / max |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        rows.append(
            f"| {name} | {r['recall_ko']:.2f} | {r['recall_en']:.2f} | {r['recall_initials']:.2f} | {r['recall_typo']:.2f} | {r['foreign']} queries "
            f"| {r['load_bytes'] / 1024:.0f} KiB | {r['query_bytes_median'] / 1024:.0f} / {r['query_bytes_max'] / 1024:.0f} KiB "
            f"| {r['typing_ms_median']:.0f} / {r['typing_ms_max']:.0f} ms |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pagefind-python", help="a Python with pagefind[bin] installed, for the `pagefind` variant")
    parser.add_argument("--sources", type=Path, default=REPO, help="the repository to build (default: this one)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sites = {"stock (Material + i18n)": (build(args.sources, tmp / "stock", stock=True), "stock")}
        sites["ours"] = (build(args.sources, tmp / "ours", stock=False), "ours")
        if args.pagefind_python:
            sites["Pagefind 1.5.2 over our pages"] = (add_pagefind(sites["ours"][0], tmp / "pagefind", args.pagefind_python), "pagefind")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
            results = {name: measure(browser, site, queries, kind) for name, (site, kind) in sites.items()}
            browser.close()
    counts = {kind: sum(q.kind == kind and q.lang == "ko" for q in queries) for kind in SPECIAL_KINDS}
    print(f"{sum(q.lang == 'ko' for q in queries)} Korean queries ({counts['initials']} 초성, {counts['typo']} typo) and {sum(q.lang == 'en' for q in queries)} English; "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n")
    print(table(results))
    for name, r in results.items():
        for lang, text, top in r["misses"]:
            print(f"{name}: missed [{lang}] {text!r}; top 5: {top}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
