"""The translation status lists exactly what is missing in each language, and how much is done."""

from __future__ import annotations

from conftest import copy_tree, run_python
from gyeonggi_kb.generate import generate
from gyeonggi_kb import load_site
from gyeonggi_kb.checks.translation import Gap, coverage, translation_gaps


def replaced(root, rel, old, new):
    text = (root / rel).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


def fixture_with_gaps(tmp_path):
    base = copy_tree(tmp_path / "base")
    return copy_tree(tmp_path / "repo", {
        "docs/about.ko.md": "# 소개 {#about}\n",  # no English file
        "docs/guide.en.md": "# Guide {#guide}\n",  # no Korean file
        "docs/index.ko.md": "# 홈 {#home}\n",
        "docs/index.en.md": "# Home {#home}\n",  # a complete pair: not listed
        "curriculum/lessons/ai-basics.en.md": None,  # the lesson exists in Korean only
        "curriculum/lessons/ai-basics.ko.md": replaced(base, "curriculum/lessons/ai-basics.ko.md", "## Cases {#cases}\n\nText.", "## Cases {#cases}\n\nTODO: 사례"),
        "glossary/generative-ai.yml": replaced(base, "glossary/generative-ai.yml", "definition: AI that generates text, sound, images and other outputs.", 'definition: "TODO: definition (English)"'),
        "curriculum/sessions/s01.yml": replaced(base, "curriculum/sessions/s01.yml", "  venue: Seminar room", "  venue: null"),
        "references/test-act.yml": replaced(base, "references/test-act.yml", "  summary: An act for tests.", "  summary: 시험용 법률입니다."),
        "curriculum/modules/ai-basics.yml": replaced(base, "curriculum/modules/ai-basics.yml", "    - 인공지능을 설명할 수 있다.", '    - "TODO: objectives (한국어)"'),
    })


def test_the_status_lists_exactly_the_missing_items(tmp_path):
    root = fixture_with_gaps(tmp_path)
    site = load_site(root)
    # The placeholders are problems too (they are never published), at the same lines.
    assert [(p.path, p.line, p.kind) for p in site.problems] == [
        ("curriculum/lessons/ai-basics.ko.md", 11, "placeholder"),
        ("curriculum/modules/ai-basics.yml", 8, "placeholder"),
        ("glossary/generative-ai.yml", 11, "placeholder"),
    ]
    assert translation_gaps(site, site.pages) == [
        Gap("en", "curriculum/lessons/ai-basics.ko.md", 0, "lesson", "curriculum/lessons/ai-basics.en.md"),
        Gap("en", "curriculum/sessions/s01.yml", 8, "missing", "en.venue"),
        Gap("en", "docs/about.ko.md", 0, "page", "docs/about.en.md"),
        Gap("en", "glossary/generative-ai.yml", 8, "placeholder", "en.definition"),
        Gap("en", "references/test-act.yml", 8, "copied", "en.summary"),
        Gap("ko", "curriculum/lessons/ai-basics.ko.md", 11, "lesson-placeholder", "curriculum/lessons/ai-basics.ko.md"),
        Gap("ko", "curriculum/modules/ai-basics.yml", 4, "placeholder", "ko.objectives[1]"),
        Gap("ko", "docs/guide.en.md", 0, "page", "docs/guide.ko.md"),
    ]


def test_a_complete_fixture_has_nothing_to_translate(tmp_path):
    site = load_site(copy_tree(tmp_path))
    gaps = translation_gaps(site, site.pages)
    assert gaps == []
    assert all(c.percent("ko") == 100 and c.percent("en") == 100 for c in coverage(site, site.pages, gaps))


def test_percentages_count_items_complete_in_each_language(tmp_path):
    site = load_site(fixture_with_gaps(tmp_path))
    gaps = translation_gaps(site, site.pages)
    table = {c.collection: (c.total, c.complete["ko"], c.complete["en"]) for c in coverage(site, site.pages, gaps)}
    assert table == {
        "programme": (1, 1, 1),
        "sessions": (2, 2, 1),
        "modules": (1, 0, 1),
        "lessons": (1, 0, 0),
        "terms": (1, 1, 0),
        "references": (1, 1, 0),
        "recaps": (0, 0, 0),
        "pages": (3, 2, 2),
    }


def test_the_generated_page_lists_the_same_items_in_both_languages(tmp_path):
    root = fixture_with_gaps(tmp_path)
    generate(root, tolerate=("placeholder",))  # as the preview does: it lists what is left to do
    en = (root / "docs/translation-status/index.en.md").read_text(encoding="utf-8")
    ko = (root / "docs/translation-status/index.ko.md").read_text(encoding="utf-8")
    assert "- `docs/about.ko.md`: `docs/about.en.md` does not exist yet" in en
    assert "- `glossary/generative-ai.yml:8`: `en.definition` still holds a 'TODO:' placeholder" in en
    assert "- `references/test-act.yml:8`: `en.summary` holds the Korean text unchanged" in en
    assert "| Glossary terms | 1 | 100 % (1/1) | 0 % (0/1) |" in en
    assert "- `curriculum/sessions/s01.yml:8`: `en.venue` 값이 비어 있습니다" in ko
    assert "| 용어 | 1 | 100 % (1/1) | 0 % (0/1) |" in ko
    assert en.count("\n- `") == ko.count("\n- `") == 8


def test_the_command_prints_one_line_per_item_and_the_percentages(tmp_path):
    result = run_python("-m", "gyeonggi_kb", "translation-status", cwd=fixture_with_gaps(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "curriculum/lessons/ai-basics.ko.md: [en] curriculum/lessons/ai-basics.en.md does not exist yet",
        "curriculum/sessions/s01.yml:8: [en] en.venue is empty",
        "docs/about.ko.md: [en] docs/about.en.md does not exist yet",
    ]
    assert "Glossary terms      ko 100 %  en   0 %  (1 items)" in lines
    assert lines[-1] == "8 items to translate or fill in"


def test_a_recap_in_one_language_is_listed(tmp_path):
    root = copy_tree(tmp_path / "repo", {"curriculum/recaps/s01.ko.md": RECAP_KO})
    site = load_site(root)
    assert site.problems == []
    gaps = translation_gaps(site, site.pages)
    assert gaps == [Gap("en", "curriculum/recaps/s01.ko.md", 0, "page", "curriculum/recaps/s01.en.md")]
    recaps = next(c for c in coverage(site, site.pages, gaps) if c.collection == "recaps")
    assert (recaps.total, recaps.complete["ko"], recaps.complete["en"]) == (1, 1, 0)


RECAP_KO = """---
title: "제1회차 요약"
session: s01
date: 2025-11-05
summary: 첫 회차가 열렸습니다.
takeaways:
  - 열렸습니다.
modules: []
terms: []
references: []
sources:
  - title: 예시 출처
    url: https://example.org/s01
---

## 다룬 내용 {#covered}

본문.
"""
