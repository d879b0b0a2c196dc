"""The structural choices the build's speed depends on (measured by `make bench`, never timed here).

Each test guards one choice whose loss would not fail any other test, only
make large builds slow: pruned navigation with detail pages kept out of it,
no quadratic search deduplication, one parse of each file per build and per
validation, one glossary matcher per build, one read of the docs pages' front
matter per publish pass, and no work at all for what has not changed (the
build cache).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_tree, fixture_site, run_python

import gyeonggi_kb.data.load
import gyeonggi_kb.publish
import gyeonggi_kb.publish.glossary_links
import gyeonggi_kb.publish.site_pages
import gyeonggi_kb.generate
import gyeonggi_kb.data.yamlsource
from gyeonggi_kb.pipeline.run import BuildRun
from gyeonggi_kb.generate import load_site
from gyeonggi_kb.publish import publishes_last
from gyeonggi_kb.publish.site_pages import built_pages
from test_publish import SITE_URL, make_built_folder

EPOCH = {"SOURCE_DATE_EPOCH": "1762300800"}


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and !!python tags; their values do not matter here."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config() -> dict:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)


def plugin(config: dict, name: str) -> dict:
    for entry in config["plugins"]:
        if entry == name or (isinstance(entry, dict) and name in entry):
            return entry[name] if isinstance(entry, dict) else {}
    raise AssertionError(f"plugin '{name}' is not configured")


def test_navigation_is_pruned_so_each_page_carries_only_its_own_section():
    # Material writes the whole navigation into every page: without pruning, build time grows with pages².
    assert "navigation.prune" in mkdocs_config()["theme"]["features"]


@pytest.mark.parametrize("folder, records", [
    ("modules", "curriculum/modules"), ("sessions", "curriculum/sessions"), ("glossary", "glossary"), ("references", "references"),
])
def test_generated_detail_pages_are_kept_out_of_the_navigation(folder, records):
    config = mkdocs_config()
    assert f"/{folder}/*" in config["not_in_nav"].split()
    listed = set(re.findall(rf"{folder}/([^\"/]+)\.md", json.dumps(config["nav"])))
    ids = {p.stem for p in (REPO / records).glob("*.yml")}
    assert ids and not listed & ids, f"the nav lists single {folder} pages: {sorted(listed & ids)}"


def test_no_search_plugin_indexes_pages_during_the_build():
    # Search is made from the built pages afterwards (gyeonggi_kb.search); the theme's plugin
    # would parse every page again, and the i18n plugin's deduplication of its index is quadratic.
    config = mkdocs_config()
    assert not any(entry == "search" or (isinstance(entry, dict) and "search" in entry) for entry in config["plugins"])
    assert plugin(config, "i18n").get("reconfigure_search") is False


@pytest.mark.build
def test_fallback_pages_stay_out_of_the_english_search_index(site_dir):
    ko, en = ({url for url, _, _ in json.loads((site_dir / prefix / "search/index.json").read_text())["pages"]} for prefix in ("", "en/"))
    assert "untranslated-example/" in ko
    assert "untranslated-example/" not in en


@pytest.mark.build
def test_pages_carry_a_navigation_that_does_not_grow_with_the_content(site_dir):
    modules = sorted(p.stem for p in (REPO / "curriculum/modules").glob("*.yml"))
    page = (site_dir / "modules" / modules[0] / "index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):page.index("</nav>", page.index('class="md-nav md-nav--primary"'))]
    assert not [m for m in modules[1:] if f"/{m}/" in nav], "other module pages are linked from the navigation"


def count_parses(monkeypatch) -> Counter:
    """Count parse_yaml calls by file, wherever the loader calls it from."""
    counts: Counter = Counter()
    original = gyeonggi_kb.data.yamlsource.parse_yaml

    def counting(text, rel_path, *args, **kwargs):
        counts[rel_path] += 1
        return original(text, rel_path, *args, **kwargs)

    monkeypatch.setattr(gyeonggi_kb.data.yamlsource, "parse_yaml", counting)
    monkeypatch.setattr(gyeonggi_kb.data.load, "parse_yaml", counting)
    return counts


def test_validation_parses_every_file_exactly_once(tmp_path, monkeypatch):
    root = copy_tree(tmp_path)
    counts = count_parses(monkeypatch)
    assert load_site(root).problems == []
    yaml_files = {p.relative_to(root).as_posix() for p in root.rglob("*.yml")}
    assert set(counts) == yaml_files
    assert set(counts.values()) == {1}


def test_yaml_is_parsed_by_libyaml_when_it_is_available():
    if hasattr(yaml, "CSafeLoader"):
        assert gyeonggi_kb.data.yamlsource.FAST_LOADER is yaml.CSafeLoader


class FakeConfig(dict):
    """What on_pre_build reads from MkDocs' config."""

    def __init__(self, root: Path):
        super().__init__()
        self.config_file_path = str(root / "mkdocs.yml")
        self.docs_dir = str(root / "docs")
        self.site_dir = str(root / "site")
        self.plugins = {}


@pytest.fixture
def hooks(monkeypatch):
    monkeypatch.syspath_prepend(str(REPO / "hooks"))
    import hooks as module

    return module


def test_one_build_parses_the_data_once_for_both_languages_and_writes_nothing_twice(tmp_path, monkeypatch, hooks):
    root = copy_tree(tmp_path)
    config = FakeConfig(root)
    counts = count_parses(monkeypatch)
    hooks.on_pre_build(config)  # Korean
    first = dict(counts)
    before = {p: p.stat().st_mtime_ns for p in (root / "docs").rglob("*") if p.is_file()}
    hooks.on_pre_build(config)  # English: the i18n plugin runs the build again with the same config
    assert first and set(first.values()) == {1}
    assert dict(counts) == first
    assert {p: p.stat().st_mtime_ns for p in (root / "docs").rglob("*") if p.is_file()} == before


def test_every_page_of_a_build_is_linked_with_the_one_matcher_built_before_it(tmp_path, monkeypatch):
    root, docs, site = make_built_folder(tmp_path)
    built = []
    original = gyeonggi_kb.publish.glossary_matcher
    monkeypatch.setattr(gyeonggi_kb.publish, "glossary_matcher", lambda terms: built.append(1) or original(terms))
    done = BuildRun(root, docs, environ=EPOCH)
    done.generate()
    assert done.publish(site, SITE_URL).pages > 3
    assert built == [1]


def test_a_build_of_unchanged_sources_loads_renders_and_links_nothing_again(tmp_path, monkeypatch):
    root, docs, site = make_built_folder(tmp_path)
    pristine = {p: p.read_bytes() for p in site.rglob("*.html")}
    first = BuildRun(root, docs, environ=EPOCH)
    first.generate()
    first.publish(site, SITE_URL)

    for path, data in pristine.items():  # the builder writes the same pages again
        path.write_bytes(data)
    counts = count_parses(monkeypatch)
    monkeypatch.setattr(gyeonggi_kb.publish.glossary_links, "find_links", lambda *a, **k: pytest.fail("a page was linked again"))
    monkeypatch.setattr(gyeonggi_kb.generate, "render_pages", lambda site: pytest.fail("the pages were rendered again"))
    second = BuildRun(root, docs, environ=EPOCH)
    second.generate()
    assert second.publish(site, SITE_URL).pages == len(pristine)
    assert not counts
    assert 'class="kb-term"' in (site / "index.html").read_text(encoding="utf-8")


def test_a_build_publishes_every_page_before_mkdocs_writes_it_term_pages_last(tmp_path):
    """The adapter hands each page to publish before MkDocs writes it, term pages after all others,
    so no page is read and written a second time (the bytes are the same: test_reproducible)."""
    root = fixture_site(tmp_path)
    result = run_python("-m", "mkdocs", "build", "--strict", cwd=root, env=EPOCH)
    assert result.returncode == 0, result.stderr
    counts = re.search(r"published (\d+) pages \((\d+) before MkDocs wrote them\)", result.stderr)
    assert counts, result.stderr
    assert int(counts.group(1)) == int(counts.group(2)) > 10
    assert any((root / "site" / "glossary").glob("*/index.html"))  # term pages were among them


def test_a_publish_pass_reads_each_pages_front_matter_once(tmp_path, monkeypatch):
    """Pages handed over while the builder runs and the pass over the folder share one map of the docs pages."""
    root, docs, site = make_built_folder(tmp_path)
    run = BuildRun(root, docs, environ=EPOCH)
    run.generate()
    handed = [page.file for page in built_pages(docs, site) if not publishes_last(page.page)]
    read = Counter()
    original = gyeonggi_kb.publish.site_pages.front_matter
    monkeypatch.setattr(gyeonggi_kb.publish.site_pages, "front_matter", lambda path: read.update([path]) or original(path))
    for file in handed:
        path = site / file
        path.write_text(run.publish_page(file, path.read_text(encoding="utf-8"), SITE_URL), encoding="utf-8")
    done = run.publish(site, SITE_URL)
    assert done.handed_over == len(handed) > 3
    assert read and set(read.values()) == {1}, [p for p, n in read.items() if n > 1]
