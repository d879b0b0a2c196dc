"""Candidate terms: loaded and checked, listed for editors, and never published."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import REPO, build_site, copy_tree, fixture_site, run_python
from gyeonggi_kb import load_site
from gyeonggi_kb.checks.translation import Gap, translation_gaps

CANDIDATE = """\
# yaml-language-server: $schema=../schemas/glossary-term.schema.json
id: zebra-learning
topic: technology
abbreviations: [ZBL]
ko:
  term: 얼룩말 학습
  synonyms: [얼룩말 러닝]
  definition: null
en:
  term: zebra learning
  synonyms: []
  definition: null
related: [generative-ai]
sources:
  - title: Example term list
    url: https://example.org/list
status: candidate
autolink: true
"""


def with_candidate(tmp_path, **files):
    return copy_tree(tmp_path, {"glossary/zebra-learning.yml": CANDIDATE, **files})


def replaced(root, rel, old, new):
    text = (root / rel).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


def test_a_candidate_without_definitions_is_valid_and_kept_apart_from_the_published_terms(tmp_path):
    site = load_site(with_candidate(tmp_path))
    assert site.problems == []
    assert sorted(site.terms) == ["generative-ai"] and sorted(site.candidates) == ["zebra-learning"]


def test_a_published_term_needs_both_definitions(tmp_path):
    root = with_candidate(tmp_path)
    draft = CANDIDATE.replace("status: candidate", "status: draft").replace("related: [generative-ai]", "related: []")
    (root / "glossary/zebra-learning.yml").write_text(draft.replace("  definition: null\nen:", "  definition: 정의입니다.\nen:"), encoding="utf-8")
    assert [str(p) for p in load_site(root).problems] == [
        "glossary/zebra-learning.yml:12: 'en.definition' is empty, which only a term with 'status: candidate' may be; "
        "write 1-3 plain sentences, or set 'status: candidate' to keep the term off the site until it has them",
    ]


def test_a_published_record_must_not_point_at_a_candidate(tmp_path):
    base = copy_tree(tmp_path / "base")
    root = with_candidate(tmp_path / "repo", **{
        "glossary/generative-ai.yml": replaced(base, "glossary/generative-ai.yml", "related: []", "related: [zebra-learning]"),
        "curriculum/modules/ai-basics.yml": replaced(base, "curriculum/modules/ai-basics.yml", "terms: [generative-ai]", "terms: [generative-ai, zebra-learning]"),
    })
    assert [str(p) for p in load_site(root).problems] == [
        "curriculum/modules/ai-basics.yml:14: module 'ai-basics' lists term 'zebra-learning' under 'terms', which is a candidate and not published; "
        "write both its definitions and set 'status: draft' in glossary/zebra-learning.yml, or remove 'zebra-learning' from 'terms'",
        "glossary/generative-ai.yml:12: term 'generative-ai' lists term 'zebra-learning' under 'related', which is a candidate and not published; "
        "write both its definitions and set 'status: draft' in glossary/zebra-learning.yml, or remove 'zebra-learning' from 'related'",
    ]


def test_the_translation_status_lists_candidates_with_what_they_need(tmp_path):
    root = with_candidate(tmp_path)
    site = load_site(root)
    assert translation_gaps(site, site.pages) == [
        Gap("en", "glossary/zebra-learning.yml", 9, "candidate", "en.definition"),
        Gap("ko", "glossary/zebra-learning.yml", 5, "candidate", "ko.definition"),
    ]
    result = run_python("-m", "gyeonggi_kb", "translation-status", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "glossary/zebra-learning.yml:9: [en] candidate term (not on the site): write en.definition, then set status: draft to publish it" in result.stdout


def test_a_candidate_with_both_definitions_is_listed_as_ready(tmp_path):
    text = CANDIDATE.replace("  definition: null\nen:", "  definition: 정의입니다.\nen:").replace("  definition: null\nrelated", "  definition: A definition.\nrelated")
    site = load_site(copy_tree(tmp_path, {"glossary/zebra-learning.yml": text}))
    assert translation_gaps(site, site.pages) == [Gap("ko", "glossary/zebra-learning.yml", 17, "candidate-ready", "status")]


def test_the_editors_schema_allows_empty_definitions_only_in_candidates():
    schema = json.loads((REPO / "schemas/glossary-term.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(CANDIDATE), schema)
    with pytest.raises(jsonschema.ValidationError, match="None is not of type 'string'"):
        jsonschema.validate(yaml.safe_load(CANDIDATE.replace("status: candidate", "status: draft")), schema)


@pytest.mark.build
def test_a_candidate_appears_nowhere_in_the_built_site(tmp_path):
    """No page, index entry, export, search entry, JSON-LD, auto-link, related link or 'used in' for a candidate.

    The English lesson mentions the candidate's English term, so the auto-linker sees it; only the
    translation status (an editors' page) names the candidate's file.
    """
    root = fixture_site(tmp_path)
    lesson = replaced(root, "curriculum/lessons/ai-basics.en.md", "## Cases {#cases}\n\nText.", "## Cases {#cases}\n\nText about zebra learning and generative AI.")
    (root / "curriculum/lessons/ai-basics.en.md").write_text(lesson, encoding="utf-8")
    (root / "glossary/zebra-learning.yml").write_text(CANDIDATE, encoding="utf-8")
    result = build_site(root)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"
    named = set()
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv", ".tbx", ".xml", ".ics", ".txt")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(site).as_posix()
        assert "얼룩말" not in text and "ZBL" not in text, rel
        assert not ("zebra learning</a>" in text or "Zebra learning</a>" in text), rel
        if "zebra-learning" in text:
            named.add(rel)
    assert named == {"translation-status/index.html", "en/translation-status/index.html"}
    lesson = (site / "en/modules/ai-basics/index.html").read_text(encoding="utf-8")
    assert "Text about zebra learning and" in lesson and 'class="kb-term"' in lesson  # generative AI is linked, the candidate is not
    assert not (site / "glossary/zebra-learning").exists() and not (site / "en/glossary/zebra-learning").exists()
