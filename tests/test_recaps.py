"""Session recaps: front matter validated like the YAML collections, and the pages that link them."""

from __future__ import annotations

from gyeonggi_kb.write import GENERATED_MARK
from conftest import REPO, copy_tree
from gyeonggi_kb.generate import generate
from gyeonggi_kb import load_site
from gyeonggi_kb.data import shapes
from gyeonggi_kb.data.schema import Where
from gyeonggi_kb.data.yamlsource import parse_yaml

RECAP = """---
title: "Session 1 recap"
session: s01
date: 2025-11-05
summary: The first session took place.
takeaways:
  - It took place.
modules: [ai-basics]
terms: [generative-ai]
references: [test-act]
sources:
  - title: Example source
    url: https://example.org/s01
---

## What happened {#what}

The narrative.
"""


def recap_problems(tmp_path, text: str, name: str = "curriculum/recaps/s01.en.md") -> list[str]:
    root = copy_tree(tmp_path, {name: text})
    return [str(p) for p in load_site(root).problems]


def test_a_valid_recap_loads_without_problems(tmp_path):
    assert recap_problems(tmp_path, RECAP) == []


def test_unknown_ids_in_front_matter_are_reported_at_their_front_matter_line(tmp_path):
    text = RECAP.replace("session: s01", "session: s09").replace("[generative-ai]", "[genrative-ai]").replace("[test-act]", "[tset-act]")
    root = copy_tree(tmp_path, {"curriculum/recaps/s09.en.md": text})
    assert [str(p) for p in load_site(root).problems] == [
        "curriculum/recaps/s09.en.md:3: recap 's09' (en) lists session 's09' under 'session', which does not exist; check the spelling against the files in curriculum/sessions/",
        "curriculum/recaps/s09.en.md:9: recap 's09' (en) lists term 'genrative-ai' under 'terms', which does not exist; did you mean 'generative-ai'?",
        "curriculum/recaps/s09.en.md:10: recap 's09' (en) lists reference 'tset-act' under 'references', which does not exist; did you mean 'test-act'?",
    ]


def test_a_recap_must_be_named_after_its_session(tmp_path):
    assert recap_problems(tmp_path, RECAP, "curriculum/recaps/s02.en.md") == [
        "curriculum/recaps/s02.en.md:3: recap names session 's01' but its file is named after 's02'; a recap of session 's01' lives in curriculum/recaps/s01.en.md",
    ]


def test_a_recap_date_must_match_its_session(tmp_path):
    assert recap_problems(tmp_path, RECAP.replace("date: 2025-11-05", "date: 2025-11-06")) == [
        "curriculum/recaps/s01.en.md:4: recap 's01' (en) is dated 2025-11-06, but session 's01' took place on 2025-11-05; use the session's date",
    ]


def test_a_recap_needs_a_held_session_with_a_date(tmp_path):
    undated = RECAP.replace("session: s01", "session: s02")
    assert recap_problems(tmp_path / "a", undated, "curriculum/recaps/s02.en.md") == [
        "curriculum/recaps/s02.en.md:3: recap 's02' (en): session 's02' has no confirmed date in curriculum/sessions/s02.yml; "
        "a recap needs a held session: set its date and 'status: held' there, with the public source that reports them under 'sources'",
    ]
    session = (copy_tree(tmp_path / "b") / "curriculum/sessions/s01.yml").read_text(encoding="utf-8")
    root = copy_tree(tmp_path / "c", {"curriculum/recaps/s01.en.md": RECAP, "curriculum/sessions/s01.yml": session.replace("status: held", "status: cancelled")})
    assert [str(p) for p in load_site(root).problems] == [
        "curriculum/recaps/s01.en.md:3: recap 's01' (en): session 's01' has the status 'cancelled' in curriculum/sessions/s01.yml; "
        "a recap needs a held session: set 'status: held' there once a public source reports that it took place",
    ]


def test_front_matter_shape_errors_name_the_file_line(tmp_path):
    text = RECAP.replace("takeaways:\n  - It took place.\n", "takeaway: It took place.\n")
    assert recap_problems(tmp_path, text) == [
        "curriculum/recaps/s01.en.md:1: missing required key 'takeaways'; add 'takeaways: ...'",
        "curriculum/recaps/s01.en.md:6: unknown key 'takeaway'; did you mean 'takeaways'?",
    ]


def test_a_recap_body_must_not_repeat_the_page_title(tmp_path):
    text = RECAP.replace("## What happened {#what}", "# Session 1 recap\n\n## What happened {#what}")
    assert recap_problems(tmp_path, text) == [
        "curriculum/recaps/s01.en.md:16: recap 's01' (en) must not have its own '# ' title: the page title comes from 'title' in the front matter; start sections with '## '",
    ]


def test_recap_files_need_a_language_suffix_and_front_matter(tmp_path):
    root = copy_tree(tmp_path, {"curriculum/recaps/s01.md": RECAP, "curriculum/recaps/s01.ko.md": "## 본문\n"})
    assert [str(p) for p in load_site(root).problems] == [
        "curriculum/recaps/s01.ko.md:1: a recap must start with front matter between two '---' lines: move this file aside, run `make new-recap SESSION=s01` and copy your text below the front matter it writes",
        "curriculum/recaps/s01.md:0: recap file names must end in .ko.md or .en.md, e.g. 's01.ko.md'",
    ]


def test_the_templates_have_the_recap_shape():
    for lang in ("ko", "en"):
        path = REPO / f"curriculum/recaps/template.{lang}.md"
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        data, problems = parse_yaml(front, path.name, first_line=2)
        assert problems == [] and list(shapes.RECAP.check(data, "", Where(path.name, 1))) == []


def test_the_session_page_links_its_recap_and_others_say_it_is_not_published(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1762300800")  # while the programme runs; once it is over, see test_programme_state
    root = copy_tree(tmp_path, {"curriculum/recaps/s01.en.md": RECAP})
    generate(root)
    assert "[Session 1 recap](../recaps/s01.md)" in (root / "docs/sessions/s01.en.md").read_text()
    assert "[Session 1 recap](../recaps/s01.md)" in (root / "docs/sessions/s01.ko.md").read_text()  # falls back to the English recap
    assert "Recap not yet published." in (root / "docs/sessions/s02.en.md").read_text()
    assert "회차 요약이 아직 게시되지 않았습니다." in (root / "docs/sessions/s02.ko.md").read_text()
    index = (root / "docs/curriculum/recaps/index.en.md").read_text()
    assert "[Session 1 recap](../../recaps/s01.md): The first session took place." in index
    assert "Recap not yet published." in index


def test_pages_the_recap_uses_link_back_to_it(tmp_path):
    root = copy_tree(tmp_path, {"curriculum/recaps/s01.en.md": RECAP})
    generate(root)
    for page in ("references/test-act", "glossary/generative-ai", "modules/ai-basics"):
        for lang in ("ko", "en"):
            assert "(../recaps/s01.md)" in (root / f"docs/{page}.{lang}.md").read_text(), (page, lang)


def test_the_recap_page_is_generated_around_its_narrative_with_its_data(tmp_path):
    root = copy_tree(tmp_path, {"curriculum/recaps/s01.en.md": RECAP})
    generate(root)
    page = (root / "docs/recaps/s01.en.md").read_text(encoding="utf-8")
    assert page.startswith('---\n' + GENERATED_MARK + '\ndescription: "The first session took place."\ntitle: "Session 1 recap"\n---\n\n# Session 1 recap {#recap}\n')
    for expected in ("[Session 1](../sessions/s01.md)", "Wednesday 5 November 2025", "## Key takeaways {#takeaways}",
                     "- It took place.", "## What happened {#what}", "[AI basics](../modules/ai-basics.md)",
                     "[generative AI](../glossary/generative-ai.md)", "[Test Act](../references/test-act.md)",
                     "1. [Example source](<https://example.org/s01>)"):
        assert expected in page
    assert not (root / "docs/recaps/s01.ko.md").exists()  # no Korean recap: the English one is served
