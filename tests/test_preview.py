"""The preview's bookkeeping (what a partial rebuild must redo) and its problem overlay; none of it in a build."""

from __future__ import annotations

import json

import pytest

from conftest import copy_tree
from gyeonggi_kb import Problem, load_site
from gyeonggi_kb.preview import PreviewMemory, merge_search_index, stale_pages, term_fingerprints
from gyeonggi_kb.preview_overlay import ELEMENT_ID, PROBLEMS_FILE, add_overlay_script, overlay_script, problems_json


def test_pages_linking_a_changed_term_and_recaps_after_a_data_change_are_stale(tmp_path):
    terms = load_site(copy_tree(tmp_path / "a")).terms
    memory = PreviewMemory(
        pages={
            ("ko", "index.ko.md"): ("", "홈", ("generative-ai",)),
            ("en", "about.en.md"): ("en/about/", "About", ()),
            ("en", "recaps/s01.en.md"): ("en/recaps/s01/", "Recap", ()),
        },
        terms=term_fingerprints(terms),
    )
    assert stale_pages(memory, terms, data_changed=False) == set()
    assert stale_pages(memory, terms, data_changed=True) == {("en", "recaps/s01.en.md")}
    text = (tmp_path / "a/glossary/generative-ai.yml").read_text(encoding="utf-8")
    changed = load_site(copy_tree(tmp_path / "b", {"glossary/generative-ai.yml": text.replace("AI that generates", "AI that writes")})).terms
    assert stale_pages(memory, changed, data_changed=True) == {("ko", "index.ko.md"), ("en", "recaps/s01.en.md")}


def test_a_partial_search_index_is_completed_with_the_pages_not_rebuilt():
    def index(*locations):
        return json.dumps({"config": {"lang": ["en"]}, "docs": [{"location": loc, "title": loc, "text": ""} for loc in locations]})

    previous = index("a/", "a/#x", "b/", "b/#y", "c/")
    rebuilt = index("b/", "b/#z", "d/")
    merged = json.loads(merge_search_index(previous, rebuilt))
    assert [d["location"] for d in merged["docs"]] == ["a/", "a/#x", "b/", "b/#z", "c/", "d/"]
    assert merge_search_index(None, rebuilt) == rebuilt


def test_the_overlay_report_lists_problems_as_path_line_message():
    problems = [Problem("glossary/x.yml", 3, "b", "placeholder"), Problem("docs/a.en.md", 9, "a", "link")]
    report = json.loads(problems_json(problems, False, "2 problems in 2 files"))
    assert report == {"problems": ["docs/a.en.md:9: a", "glossary/x.yml:3: b"], "files": 2, "summary": "2 problems in 2 files", "blocking": False}


def test_the_overlay_script_goes_before_the_end_of_the_body_and_fetches_from_the_site_root():
    page = add_overlay_script("<html><body><p>x</p></body></html>", overlay_script("/"))
    assert page.startswith("<html><body><p>x</p><script") and page.endswith("</script></body></html>")
    assert f'"/{PROBLEMS_FILE}"' in page
    assert "innerHTML" not in page  # messages quote what editors wrote: shown as text, never run


@pytest.mark.build
def test_a_build_has_no_overlay(site_dir):
    assert not (site_dir / PROBLEMS_FILE).exists()
    for page in ("index.html", "en/index.html", "en/glossary/index.html", "modules/index.html"):
        assert ELEMENT_ID not in (site_dir / page).read_text(encoding="utf-8")
