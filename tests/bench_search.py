"""Search benchmark: stock Material search vs ours, on the same sources, in real Chromium.

    .venv/bin/python tests/bench_search.py [--kiwi-python PATH] [--json OUT]
    (or `make bench-search`)

Builds the site twice into temporary folders: as shipped, and with
KB_SEARCH_STOCK=1 (the hook leaves Material's merged, unmodified index
alone). Ablations are made from the shipped build by rewriting its indexes:
`no pieces` drops the compound pieces (particle-aware separator and glossary
labels only); `kiwi` replaces them with pieces cut at the morpheme boundaries
found by the kiwipiepy analyser, run by another Python that has it installed
(it is not a dependency of this project). Every variant runs the query set of
tests/search_queries.yml and reports recall@5 per language, pages of the
other language among the results, index size (raw and gzip) and two times:
from typing to the listed results (median over all queries), and from starting
to load a page to its first result (index download and indexing included).
"""

from __future__ import annotations

import argparse
import gzip
import json
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
from search_harness import load_queries, recall_at_5, run_queries  # noqa: E402

INDEXES = ("search/search_index.json", "en/search/search_index.json")
KIWI_PIECES = r"""
import json, sys
from kiwipiepy import Kiwi
kiwi = Kiwi()
CONTENT = ("NNG", "NNP", "NR", "SL", "SN", "XR", "XPN", "XSN")
out = []
for text in json.load(sys.stdin):
    pieces = set()
    for word in text.split():
        forms = [t.form.lower() for t in kiwi.tokenize(word) if t.tag in CONTENT]
        for i in range(len(forms)):  # every run of content morphemes inside the word
            for j in range(i + 1, len(forms) + 1):
                if (i, j) != (0, len(forms)):
                    pieces.add("".join(forms[i:j]))
    out.append(" ".join(sorted(p for p in pieces if len(p) >= 2)))
json.dump(out, sys.stdout, ensure_ascii=False)
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(source: Path, target: Path, stock: bool) -> Path:
    root = copy_site_sources(target, source)
    env = {"SOURCE_DATE_EPOCH": repo_epoch(), **({"KB_SEARCH_STOCK": "1"} if stock else {})}
    result = run_python("-m", "mkdocs", "build", "--strict", cwd=root, env=env)
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return root / "site"


def rewrite_indexes(site: Path, target: Path, change) -> Path:
    """Copy a built site and pass each of its indexes through `change(index) -> index`."""
    shutil.copytree(site, target)
    for rel in INDEXES:
        path = target / rel
        if path.is_file():
            index = change(json.loads(path.read_text(encoding="utf-8")))
            path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target


def without_pieces(index: dict) -> dict:
    fields = {k: v for k, v in index["config"]["fields"].items() if k != "kb_pieces"}
    docs = [{k: v for k, v in d.items() if k != "kb_pieces"} for d in index["docs"]]
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def kiwi_pieces(python: str):
    from gyeonggi_kb.search_index import entry_text
    from gyeonggi_kb.search_tokens import words

    def change(index: dict) -> dict:
        bodies = [" ".join(words(entry_text(d))) for d in index["docs"]]
        done = subprocess.run([python, "-c", KIWI_PIECES], input=json.dumps(bodies), capture_output=True, text=True, check=True)
        pieces = json.loads(done.stdout)
        docs = [{**{k: v for k, v in d.items() if k != "kb_pieces"}, **({"kb_pieces": p} if p else {})} for d, p in zip(index["docs"], pieces)]
        return {**index, "docs": docs}

    return change


def index_sizes(site: Path) -> tuple[int, int]:
    data = [(site / rel).read_bytes() for rel in INDEXES if (site / rel).is_file()]
    return sum(len(d) for d in data), sum(len(gzip.compress(d, mtime=0)) for d in data)


def measure(browser, site: Path, queries) -> dict:
    with ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site))) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        outcomes = run_queries(browser, f"http://127.0.0.1:{server.server_port}/", queries)
        server.shutdown()
    first = [o for o in outcomes if o.from_load is not None]
    raw, gz = index_sizes(site)
    return {
        "recall_ko": recall_at_5(outcomes, "ko"),
        "recall_en": recall_at_5(outcomes, "en"),
        "foreign": sum(bool(o.foreign) for o in outcomes),
        "bytes": raw,
        "gzip": gz,
        "first_ms": max(o.from_load for o in first) * 1000,
        "median_ms": statistics.median(o.seconds for o in outcomes) * 1000,
        "misses": [(o.query.lang, o.query.text, o.top) for o in outcomes if o.recall < 1],
    }


def table(results: dict) -> str:
    rows = [
        "| variant | recall@5 ko | recall@5 en | queries listing other-language pages | index size | gzip | page load to first result (slower language) | typing to results, median |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        rows.append(
            f"| {name} | {r['recall_ko']:.2f} | {r['recall_en']:.2f} | {r['foreign']} | {r['bytes'] / 1024:.0f} KiB | {r['gzip'] / 1024:.0f} KiB | {r['first_ms']:.0f} ms | {r['median_ms']:.0f} ms |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kiwi-python", help="a Python with kiwipiepy installed, for the `kiwi` variant")
    parser.add_argument("--sources", type=Path, default=REPO, help="the repository to build (default: this one)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sites = {"stock": build(args.sources, tmp / "stock", stock=True), "ours": build(args.sources, tmp / "ours", stock=False)}
        sites["ours, no pieces"] = rewrite_indexes(sites["ours"], tmp / "no-pieces", without_pieces)
        if args.kiwi_python:
            sites["ours, kiwi pieces"] = rewrite_indexes(sites["ours"], tmp / "kiwi", kiwi_pieces(args.kiwi_python))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
            results = {name: measure(browser, site, queries) for name, site in sites.items()}
            browser.close()
    print(f"{sum(q.lang == 'ko' for q in queries)} Korean and {sum(q.lang == 'en' for q in queries)} English queries\n")
    print(table(results))
    for name, r in results.items():
        for lang, text, top in r["misses"]:
            print(f"{name}: missed [{lang}] {text!r}; top 5: {top}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
