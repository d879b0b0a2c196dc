"""`make bench-lighthouse`: what a reader on a phone gets, page kind by page kind.

Builds the site twice in a temporary copy of the repository: ours (`mkdocs.yml`)
and a plain Material + static-i18n build of the same generated pages (a copy of
`mkdocs.yml` without `hooks:` and without our `overrides/`, which only the hooks
feed). Both are served with gzip on 127.0.0.1 (bench/gzip_server.py, as GitHub
Pages serves them), each on the port its `site_url` names, so canonical and
hreflang links stay on the measured origin. Lighthouse 12.2.3 (pinned in
bench/lighthouse/package-lock.json; 12.2.3 is the last release that runs on
Node 20) drives the system Chromium: mobile form factor, simulated throttling
(slow 4G, 4x CPU slowdown), the four categories.

Pages: one of every kind in both languages, as the quality gates find them
(tests/pagetypes.py). Each page is run RUNS times per build, ours and plain
alternating, in one Chromium, in sequence: parallel runs on a 2-core machine
would measure each other. Figures are medians. "First view" is every byte
transferred on load except search data, which is reported on its own, and any
request for sitemap.xml is counted. Targets are checked and printed.

    python bench/lighthouse.py [--runs 3] [--out bench/lighthouse.json] [--only KIND ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from gzip_server import serve_gzip

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "hooks")]
from conftest import copy_site_sources  # noqa: E402  (the tests' copy of what a build reads)
from pagetypes import both_languages, page_kinds  # noqa: E402  (tests/ holds the one definition of page kinds)

RUNNER = BENCH / "lighthouse" / "run.mjs"
BUILDS = ("ours", "plain")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100, "first_view_kb": 100}
SEARCH_DATA = re.compile(r"/(search|pagefind)/")  # Material's index in search/; Pagefind's data in pagefind/ (as tests/test_first_view.py)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def plain_config(root: Path) -> str:
    """mkdocs.yml without `hooks:` and `custom_dir:`: Material + static-i18n as they come."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text, hooks = re.subn(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", text)
    text, overrides = re.subn(r"(?m)^[ \t]+custom_dir:.*\n", "", text)
    if hooks != 1 or overrides != 1:
        sys.exit("bench: could not find `hooks:` and `custom_dir:` in mkdocs.yml")
    (root / "mkdocs.plain.yml").write_text(text, encoding="utf-8")
    return "mkdocs.plain.yml"


def last_commit_epoch() -> str:
    """The build date `make build` uses: the last commit's (review dates after a fixed older date would fail the build)."""
    return subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()


def build(root: Path, config: str, site: str, port: int, strict: bool) -> Path:
    env = {
        **os.environ, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or last_commit_epoch(), "SITE_URL": f"http://127.0.0.1:{port}/",
    }
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", site] + (["--strict"] if strict else [])
    proc = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return root / site


def lighthouse(urls: list[str]) -> list[dict]:
    """Runs of run.mjs, one per URL, in order; progress on stderr."""
    if not (RUNNER.parent / "node_modules" / "lighthouse").is_dir():
        sys.exit("bench: Lighthouse is not installed; run `make bench-lighthouse` (it runs npm ci in bench/lighthouse)")
    proc = subprocess.Popen(["node", str(RUNNER), *urls], cwd=RUNNER.parent, stdout=subprocess.PIPE, text=True)
    results = []
    try:
        for line in proc.stdout:
            results.append(json.loads(line))
            error = results[-1].get("runtime_error")
            print(f"  {len(results)}/{len(urls)} {results[-1]['url']}{f'  (failed: {error})' if error else ''}", file=sys.stderr, flush=True)
    finally:
        if proc.poll() is None:  # interrupted: run.mjs closes its Chromium on SIGTERM
            proc.terminate()
    if proc.wait() != 0 or len(results) != len(urls):
        sys.exit(f"bench: Lighthouse stopped after {len(results)} of {len(urls)} runs")
    return results


def complete(run: dict) -> bool:
    """Whether Lighthouse measured this load: a run with a runtime error lacks metrics."""
    return not run.get("runtime_error") and all(run.get(key) is not None for key in ("transferred", "lcp_ms", "tbt_ms", "fcp_ms", "cls"))


def weigh(run: dict) -> dict:
    """Bytes transferred on load: search data apart from the rest; sitemap.xml requests counted."""
    search = sum(r["transferred"] for r in run["requests"] if SEARCH_DATA.search(r["url"]))
    return {
        "transferred": run["transferred"], "search_bytes": search, "first_view": run["transferred"] - search,
        "sitemap_requests": sum(1 for r in run["requests"] if r["url"].split("?")[0].endswith("sitemap.xml")),
    }


def summarise(runs: list[dict]) -> dict:
    weights = [weigh(r) for r in runs]
    median = lambda values: statistics.median(values)  # noqa: E731
    return {
        "scores": {c: median([r["scores"][c] for r in runs]) for c in CATEGORIES},
        "lcp_ms": round(median([r["lcp_ms"] for r in runs])),
        "tbt_ms": round(median([r["tbt_ms"] for r in runs])),
        "fcp_ms": round(median([r["fcp_ms"] for r in runs])),
        "cls": round(median([r["cls"] for r in runs]), 4),
        **{key: round(median([w[key] for w in weights])) for key in ("transferred", "first_view", "search_bytes")},
        "sitemap_requests": max(w["sitemap_requests"] for w in weights),
        "failed_audits": {c: sorted({a for r in runs for a in r["failed_audits"][c]}) for c in CATEGORIES},
        "all_scores": [r["scores"] for r in runs],
        "requests_of_first_run": [{k: r[k] for k in ("url", "type", "transferred")} for r in runs[0]["requests"]],
    }


def misses(figures: dict) -> list[str]:
    out = [f"{c} {figures['scores'][c]:g} < {TARGETS[c]}" for c in CATEGORIES if figures["scores"][c] < TARGETS[c]]
    if figures["first_view"] > TARGETS["first_view_kb"] * 1024:
        out.append(f"first view {figures['first_view'] / 1024:.0f} KB > {TARGETS['first_view_kb']} KB")
    if figures["sitemap_requests"]:
        out.append("fetches sitemap.xml")
    return out


def kb(n: int) -> str:
    return f"{n / 1024:.0f}"


def table(pages: list[dict]) -> str:
    head = ("| page | build | perf | a11y | best pr. | SEO | LCP ms | TBT ms | first view KB | search KB | sitemap |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for p in pages:
        for name in BUILDS:
            if name not in p:
                continue
            f = p[name]
            s = f["scores"]
            rows.append(
                f"| {p['id']} | {name} | {s['performance']:g} | {s['accessibility']:g} | {s['best-practices']:g} | {s['seo']:g} "
                f"| {f['lcp_ms']} | {f['tbt_ms']} | {kb(f['first_view'])} | {kb(f['search_bytes'])} | {f['sitemap_requests']} |"
            )
    return head + "\n" + "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BENCH / "lighthouse.json")
    parser.add_argument("--only", nargs="*", default=None, help="page kinds to measure (default: all), e.g. modules/*/")
    parser.add_argument("--builds", nargs="+", choices=BUILDS, default=list(BUILDS), help="which builds to measure (default: both)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that Lighthouse and the servers are stopped too
    started, load_before = time.time(), os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp, ExitStack() as stack:
        root = copy_site_sources(Path(tmp))
        ports = {"ours": free_port(), "plain": free_port()}
        print(f"building {' and '.join(args.builds)} ...", file=sys.stderr, flush=True)
        sites = {"ours": build(root, "mkdocs.yml", "site", ports["ours"], strict=True)}  # also generates the pages
        if "plain" in args.builds:
            sites["plain"] = build(root, plain_config(root), "site-plain", ports["plain"], strict=False)
        urls = {name: stack.enter_context(serve_gzip(site, ports[name])) for name, site in sites.items()}
        pages = [(tid, url) for tid, url in both_languages(sites["ours"], page_kinds(sites["ours"], root))
                 if args.only is None or tid.split(":", 1)[1] in args.only]
        order = [(name, tid, urls[name] + url) for _ in range(args.runs) for tid, url in pages for name in args.builds]
        print(f"{len(pages)} pages x {len(args.builds)} builds x {args.runs} runs = {len(order)} Lighthouse runs", file=sys.stderr, flush=True)
        runs = lighthouse([u for _, _, u in order])
    by_page: dict = {}
    failed: dict = {}
    for (name, tid, _), run in zip(order, runs):
        if complete(run):
            by_page.setdefault(tid, {}).setdefault(name, []).append(run)
        else:  # Lighthouse could not measure this load (a runtime error): left out of the medians, reported
            failed.setdefault(tid, {}).setdefault(name, []).append(run.get("runtime_error") or "incomplete result")
    results = [{"id": tid, "url": url, **{n: summarise(by_page[tid][n]) for n in args.builds if by_page.get(tid, {}).get(n)}} for tid, url in pages]
    for p in results:
        for name, errors in failed.get(p["id"], {}).items():
            p.setdefault("failed_runs", {})[name] = errors
        if "ours" not in args.builds:
            p["misses"] = []
        else:
            p["misses"] = misses(p["ours"]) if "ours" in p else ["no run of ours completed"]
    report = {
        "tool": "lighthouse 12.2.3, mobile, simulated throttling; served with gzip on 127.0.0.1",
        "chromium": subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "load_before": load_before, "load_after": os.getloadavg()},
        "runs": args.runs, "builds": args.builds, "only": args.only, "wall_seconds": round(time.time() - started), "targets": TARGETS, "pages": results,
    }
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(results))
    missed = [f"{p['id']}: {', '.join(p['misses'])}" for p in results if p["misses"]]
    for p in results:
        for name, errors in p.get("failed_runs", {}).items():
            print(f"{p['id']} ({name}): {len(errors)} of {args.runs} runs failed and are left out: {'; '.join(errors)}")
    print(f"\nload average {load_before[0]:.2f} before, {report['machine']['load_after'][0]:.2f} after; "
          f"{report['wall_seconds']} s; figures in {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")
    print("targets met on every page" if not missed else "targets missed:\n  " + "\n  ".join(missed))


if __name__ == "__main__":
    main()
