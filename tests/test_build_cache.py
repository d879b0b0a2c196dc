"""The build cache gives what computing again would give, and is never in the way.

A hit must be exactly a fresh computation's result: any change to the inputs
(data, lessons, recaps, hand-written pages, the build date) or to the
generated pages on disk is a miss. A damaged cache file counts as empty.
tests/test_reproducible.py compares a warm build of the real site with a
cold one, byte for byte.
"""

from __future__ import annotations

import pickle

import pytest

import gyeonggi_kb.generate
from conftest import copy_tree
from gyeonggi_kb.build_cache import CACHE_DIR, build_cache
from gyeonggi_kb.pipeline.run import BuildRun
from gyeonggi_kb.generate import generate_site
from test_publish import SITE_URL, make_built_folder

EPOCH = {"SOURCE_DATE_EPOCH": "1762300800"}


def generate(root, environ=EPOCH):
    cache = build_cache(root, {})
    site, changed = generate_site(root, root / "docs", cache, environ)
    cache.save()
    return site, changed


@pytest.fixture
def renders(monkeypatch) -> list:
    """Count the renderings of the pages: a cache hit renders nothing."""
    calls = []
    original = gyeonggi_kb.generate.render_pages
    monkeypatch.setattr(gyeonggi_kb.generate, "render_pages", lambda site: calls.append(1) or original(site))
    return calls


def test_unchanged_sources_are_not_loaded_or_rendered_again(tmp_path, renders):
    root = copy_tree(tmp_path)
    first, written = generate(root)
    again, changed = generate(root)
    assert len(renders) == 1
    assert changed == {"written": 0, "removed": 0, "unchanged": written["written"]}
    assert again.terms.keys() == first.terms.keys()
    assert sorted((root / CACHE_DIR).iterdir()) == [root / CACHE_DIR / "site.pickle"]


@pytest.mark.parametrize("edit", [
    "glossary/generative-ai.yml",  # a record
    "curriculum/programme.yml",  # even a comment: the key is the bytes, not the meaning
    "docs/about.en.md",  # a new hand-written page (the translation status lists it)
])
def test_an_edited_input_is_loaded_and_rendered_again(tmp_path, renders, edit):
    root = copy_tree(tmp_path)
    generate(root)
    path = root / edit
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "# About\n") + "\n# edited\n", encoding="utf-8")
    generate(root)
    assert len(renders) == 2


def test_another_build_date_is_rendered_again(tmp_path, renders):
    root = copy_tree(tmp_path)
    generate(root)
    generate(root, {"SOURCE_DATE_EPOCH": "1800000000"})
    assert len(renders) == 2


def test_a_generated_page_edited_or_deleted_by_hand_is_written_again(tmp_path, renders):
    root = copy_tree(tmp_path)
    generate(root)
    page = root / "docs/glossary/generative-ai.ko.md"
    original = page.read_bytes()
    page.write_text("edited by hand", encoding="utf-8")
    assert generate(root)[1]["written"] == 1
    assert page.read_bytes() == original
    page.unlink()
    assert generate(root)[1]["written"] == 1
    assert page.read_bytes() == original


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path, renders):
    root = copy_tree(tmp_path)
    generate(root)
    cache_file = root / CACHE_DIR / "site.pickle"
    cache_file.write_bytes(b"not a pickle")
    generate(root)
    generate(root)
    assert len(renders) == 2
    assert pickle.loads(cache_file.read_bytes())["entries"]


def test_the_cache_can_be_turned_off(tmp_path, renders):
    root = copy_tree(tmp_path)
    for _ in range(2):
        cache = build_cache(root, {"KB_BUILD_CACHE": "off"})
        generate_site(root, root / "docs", cache, EPOCH)
        cache.save()
    assert len(renders) == 2
    assert not (root / CACHE_DIR).exists()


def test_remembered_links_follow_a_changed_definition(tmp_path):
    root, docs, site = make_built_folder(tmp_path)
    pristine = {p: p.read_bytes() for p in site.rglob("*.html")}

    def published_home() -> str:
        for path, data in pristine.items():  # a fresh build of the same pages
            path.write_bytes(data)
        run = BuildRun(root, docs, environ=EPOCH)
        run.generate()
        run.publish(site, SITE_URL)
        return (site / "index.html").read_text(encoding="utf-8")

    assert "인공지능입니다" in published_home()
    term = root / "glossary/generative-ai.yml"
    term.write_text(term.read_text(encoding="utf-8").replace("인공지능입니다.", "모델입니다."), encoding="utf-8")
    after = published_home()
    assert "모델입니다" in after and "인공지능입니다" not in after


def test_a_cache_written_by_other_generator_code_is_not_used(tmp_path, renders):
    # Keys cover only the inputs; the stamp of the package's code on each file covers the code.
    root = copy_tree(tmp_path)
    generate(root)
    cache_file = root / CACHE_DIR / "site.pickle"
    data = pickle.loads(cache_file.read_bytes())
    cache_file.write_bytes(pickle.dumps({**data, "version": "an older generator"}))
    generate(root)
    assert len(renders) == 2
