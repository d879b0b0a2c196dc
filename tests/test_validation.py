"""Every kind of data error is reported as `path:line: message`, all at once.

Each test starts from the valid minimal fixture tree, breaks one thing and
asserts the complete list of problems.
"""

from __future__ import annotations

import pytest

from conftest import add_build_files, copy_tree, run_python
from gyeonggi_kb import load_site


def problems_of(tmp_path, files):
    root = copy_tree(tmp_path, files)
    return [str(p) for p in load_site(root).problems]


def test_minimal_fixture_is_valid(tmp_path):
    assert problems_of(tmp_path, {}) == []


def test_yaml_syntax_error_names_the_line(tmp_path):
    text = "id: generative-ai\ntopic: technology\nko:\n  term: [unclosed\n"
    assert problems_of(tmp_path, {"glossary/generative-ai.yml": text}) == [
        "glossary/generative-ai.yml:5: YAML syntax error: expected ',' or ']', but got '<stream end>'; check indentation, colons and quotes",
    ]


def test_wrong_type(tmp_path):
    text = (copy_tree(tmp_path / "a") / "curriculum/sessions/s01.yml").read_text().replace("number: 1", "number: one")
    assert problems_of(tmp_path / "b", {"curriculum/sessions/s01.yml": text}) == [
        "curriculum/sessions/s01.yml:2: 'number' must be a whole number, got 'one'; write digits only, e.g. 3",
    ]


def test_missing_required_field(tmp_path):
    text = (copy_tree(tmp_path / "a") / "glossary/generative-ai.yml").read_text().replace("status: draft\n", "")
    assert problems_of(tmp_path / "b", {"glossary/generative-ai.yml": text}) == [
        "glossary/generative-ai.yml:1: missing required key 'status' (one of draft, reviewed, candidate); add 'status: ...'",
    ]


def test_missing_translation(tmp_path):
    text = (copy_tree(tmp_path / "a") / "curriculum/modules/ai-basics.yml").read_text()
    text = text.replace("  title: AI basics\n", "")
    assert problems_of(tmp_path / "b", {"curriculum/modules/ai-basics.yml": text}) == [
        "curriculum/modules/ai-basics.yml:9: missing required key 'en.title'; add 'title: ...' under 'en:'",
    ]


def test_missing_language_section(tmp_path):
    text = "id: test-act\n" + (copy_tree(tmp_path / "a") / "references/test-act.yml").read_text().split("en:\n  title: Test Act\n  summary: An act for tests.\n")[0].split("id: test-act\n")[1]
    text += "urls:\n  ko: null\n  en: null\nmilestones: []\nterms: []\nsources: []\nreviewed: 2025-06-01\n"
    assert problems_of(tmp_path / "b", {"references/test-act.yml": text}) == [
        "references/test-act.yml:1: missing required key 'en' (official title and summary in English); add an 'en:' section",
    ]


def test_duplicate_id(tmp_path):
    text = (copy_tree(tmp_path / "a") / "glossary/generative-ai.yml").read_text()
    assert problems_of(tmp_path / "b", {"glossary/genai.yml": text}) == [
        "glossary/genai.yml:1: id 'generative-ai' must match the file name; rename the file to 'generative-ai.yml' or change the id to 'genai'",
    ]


def test_duplicate_key(tmp_path):
    text = (copy_tree(tmp_path / "a") / "glossary/generative-ai.yml").read_text().replace("status: draft\n", "status: draft\nstatus: reviewed\n")
    assert problems_of(tmp_path / "b", {"glossary/generative-ai.yml": text}) == [
        "glossary/generative-ai.yml:17: duplicate key 'status' (first at line 16); keep only one",
    ]


def test_unknown_referenced_id_suggests_the_close_one(tmp_path):
    text = (copy_tree(tmp_path / "a") / "curriculum/modules/ai-basics.yml").read_text().replace("terms: [generative-ai]", "terms:\n  - genrative-ai")
    assert problems_of(tmp_path / "b", {"curriculum/modules/ai-basics.yml": text}) == [
        "curriculum/modules/ai-basics.yml:15: module 'ai-basics' lists term 'genrative-ai' under 'terms', which does not exist; did you mean 'generative-ai'?",
    ]


def test_unknown_key_typo(tmp_path):
    text = (copy_tree(tmp_path / "a") / "glossary/generative-ai.yml").read_text().replace("  definition: AI that", "  defintion: AI that")
    assert problems_of(tmp_path / "b", {"glossary/generative-ai.yml": text}) == [
        "glossary/generative-ai.yml:8: missing required key 'en.definition' (1-3 plain sentences); add 'definition: ...' under 'en:'",
        "glossary/generative-ai.yml:11: unknown key 'en.defintion'; did you mean 'definition'?",
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    module = (copy_tree(tmp_path / "a") / "curriculum/modules/ai-basics.yml").read_text().replace("references: [test-act]", "references: [no-such-act]")
    problems = problems_of(tmp_path / "b", {
        "curriculum/modules/ai-basics.yml": module,
        "glossary/generative-ai.yml": "id: generative-ai\n",
        "references/broken.yml": "id: [\n",
    })
    assert [p.split(":")[0] for p in problems] == [
        "curriculum/modules/ai-basics.yml",
        "glossary/generative-ai.yml", "glossary/generative-ai.yml", "glossary/generative-ai.yml", "glossary/generative-ai.yml",
        "glossary/generative-ai.yml", "glossary/generative-ai.yml", "glossary/generative-ai.yml", "glossary/generative-ai.yml",
        "references/broken.yml",
    ]


def test_prerequisite_cycle(tmp_path):
    a = (copy_tree(tmp_path / "a") / "curriculum/modules/ai-basics.yml").read_text()
    b = a.replace("id: ai-basics", "id: ai-next").replace("prerequisites: []", "prerequisites: [ai-basics]")
    a = a.replace("prerequisites: []", "prerequisites: [ai-next]")
    lessons = {f"curriculum/lessons/ai-next.{lang}.md": (tmp_path / "a" / f"curriculum/lessons/ai-basics.{lang}.md").read_text() for lang in ("ko", "en")}
    problems = problems_of(tmp_path / "b", {"curriculum/modules/ai-basics.yml": a, "curriculum/modules/ai-next.yml": b, **lessons})
    assert problems == ["curriculum/modules/ai-basics.yml:17: prerequisites form a cycle: ai-basics -> ai-next -> ai-basics; remove one of these prerequisites"]


def test_lesson_without_checklist_fails(tmp_path):
    text = (copy_tree(tmp_path / "a") / "curriculum/lessons/ai-basics.en.md").read_text().replace("{#checklist}", "")
    problems = problems_of(tmp_path / "b", {"curriculum/lessons/ai-basics.en.md": text})
    assert problems == [
        "curriculum/lessons/ai-basics.en.md:1: lesson is missing the section(s) '{#checklist}'; every lesson needs: why-it-matters, key-concepts, cases, rules, checklist, discussion, further-reading, sources",
    ]


@pytest.mark.parametrize("command", [["-m", "gyeonggi_kb", "validate"], ["-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"]])
def test_commands_exit_nonzero_without_traceback(tmp_path, command):
    root = copy_tree(tmp_path, {"glossary/generative-ai.yml": "id: generative-ai\nkoo: x\n"})
    if "mkdocs" in command:
        add_build_files(root)
    result = run_python(*command, cwd=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "glossary/generative-ai.yml:2: unknown key 'koo'; did you mean 'ko'?" in output
