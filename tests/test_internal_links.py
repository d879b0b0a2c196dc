"""Links and anchors of hand-written pages and lessons resolve as the build will resolve them."""

from __future__ import annotations

import pytest

from conftest import copy_tree
from gyeonggi_kb import load_site
from gyeonggi_kb.checks.anchors import collect_anchors
from gyeonggi_kb.checks.internal_links import check_links, link_targets, site_targets

ANCHOR_CASES = {
    "explicit id": ("## Key concepts {#key-concepts}\n", {"key-concepts"}),
    "slug of a Korean heading": ("## 핵심 개념\n", {"핵심-개념"}),
    "slug drops punctuation and case": ("## What the Rules Say: an Overview!\n", {"what-the-rules-say-an-overview"}),
    "inline markup is text": ("## The `make build` **step** and [links](x.md)\n", {"the-make-build-step-and-links"}),
    "repeated headings count up": ("## Notes\n\n## Notes\n\n## Notes\n", {"notes", "notes_1", "notes_2"}),
    "a slug gives way to an explicit id": ("## Notes\n\n## Other {#notes}\n", {"notes", "notes_1"}),
    "attribute list on a paragraph": ("Text.\n{: #para .note }\n", {"para"}),
    "raw HTML id": ('<div id="box" markdown>\n\nText\n\n</div>\n', {"box"}),
    "footnotes": ("Text[^1].\n\n[^1]: A note.\n", {"fn:1", "fnref:1"}),
    "headings in code are not headings": ("```md\n## Not a heading {#no}\n```\n\n`{#nope}`\n", set()),
    "front matter comments are not headings": ("---\n# generated\ntitle: T\n---\n\n# Title {#t}\n", {"t"}),
}


@pytest.mark.parametrize("markdown, anchors", ANCHOR_CASES.values(), ids=ANCHOR_CASES.keys())
def test_anchors_are_the_ids_the_built_page_will_have(markdown, anchors):
    assert collect_anchors(markdown) == anchors


def test_links_are_found_in_prose_only_with_their_lines():
    text = "See [a](a.md) and ![b](img/b.png \"B\").\n\n```\n[c](c.md)\n```\n\n`[d](d.md)`\n\n[e]: <e.md#x>\n[f](<f g.md>)\n"
    assert list(link_targets(text)) == [(1, "a.md"), (1, "img/b.png"), (9, "e.md#x"), (10, "f g.md")]


TARGETS = site_targets(
    generated={"glossary/bias.ko.md": "# 편향 {#term}\n## 정의 {#definition}\n", "glossary/bias.en.md": "# Bias {#term}\n## Definition {#definition}\n"},
    handwritten={"index.ko.md": "# 홈 {#home}\n", "index.en.md": "# Home {#home}\n## Only in English {#english}\n", "about.ko.md": "# 소개 {#about}\n## 연혁\n"},
    files={"assets/kb.css"},
    record_pages=["glossary/broken.md"],
)

LINK_CASES = {
    "page and anchor": ("index.en.md", "glossary/bias.md#definition", None),
    "a page in one language falls back to Korean": ("index.en.md", "about.md#연혁", None),
    "an explicit language version": ("about.ko.md", "index.en.md#english", None),
    "the Korean page lacks the English page's anchor": ("index.ko.md", "index.md#english", "link 'index.md#english' points to an anchor that page 'index.md' does not have; its anchors are 'index.md#home'"),
    "a static file": ("glossary/x.md", "../assets/kb.css", None),
    "external and absolute links are not ours": ("index.en.md", "https://example.org/x.md", None),
    "a broken record's page exists; its anchors are not known yet": ("index.en.md", "glossary/broken.md#anything", None),
    "misspelt page": ("index.en.md", "glossary/bais.md", "link 'glossary/bais.md' points to a page that does not exist; did you mean 'glossary/bias.md'?"),
    "paths are relative to the page": ("glossary/x.md", "glossary/bias.md", "link 'glossary/bias.md' points to a page that does not exist; did you mean 'bias.md'?"),
    "misspelt anchor": ("index.en.md", "glossary/bias.md#defintion", "link 'glossary/bias.md#defintion' points to an anchor that page 'glossary/bias.md' does not have; did you mean 'glossary/bias.md#definition'?"),
    "a folder without a page": ("index.en.md", "glossary/", "link 'glossary/' points to a file that does not exist; did you mean 'glossary/bias.md'?"),
    "misspelt file": ("glossary/x.md", "../assets/kb.csss", "link '../assets/kb.csss' points to a file that does not exist; did you mean '../assets/kb.css'?"),
    "own anchor": ("index.en.md", "#englsh", "link '#englsh' points to an anchor this page does not have; did you mean '#english'?"),
}


@pytest.mark.parametrize("page, target, message", LINK_CASES.values(), ids=LINK_CASES.keys())
def test_each_link_resolves_or_says_what_exists_instead(page, target, message):
    lang = page.rsplit(".", 2)[-2] if page.count(".") == 2 else "en"
    problems = check_links([("docs/" + page, page, lang, f"Text [x]({target}).\n", 1)], TARGETS)
    assert [p.message for p in problems] == ([message] if message else [])
    assert all(p.kind == "link" and p.line == 1 for p in problems)


def test_a_link_to_a_folder_names_its_page():
    problems = check_links([("docs/index.en.md", "index.en.md", "en", "[x](glossary/)\n", 1)],
                           site_targets({"glossary/index.en.md": "# Glossary\n"}, {}, set()))
    assert [p.message for p in problems] == ["link 'glossary/' points to a folder; link its page instead; did you mean 'glossary/index.md'?"]


def test_lessons_link_from_their_module_page(tmp_path):
    base = copy_tree(tmp_path / "a")
    lesson = (base / "curriculum/lessons/ai-basics.en.md").read_text(encoding="utf-8")
    lesson = lesson.replace("Text.", "See [the term](../glossary/generative-ai.md#definition), [the Act](../references/test-act.md#nowhere) and [objectives](#objectives).", 1)
    root = copy_tree(tmp_path / "b", {"curriculum/lessons/ai-basics.en.md": lesson})
    assert [str(p) for p in load_site(root).problems] == [
        "curriculum/lessons/ai-basics.en.md:3: link '../references/test-act.md#nowhere' points to an anchor that page "
        "'../references/test-act.md' does not have; its anchors are '../references/test-act.md#discussed-in', "
        "'../references/test-act.md#milestones', '../references/test-act.md#official-text', '../references/test-act.md#reference', "
        "'../references/test-act.md#sources', '../references/test-act.md#summary', '../references/test-act.md#terms'",
    ]
