"""Glossary data problems: each is reported as `path:line: message`, all at once."""

from __future__ import annotations

from conftest import copy_tree
from gyeonggi_kb import load_site


def term_yaml(term_id, ko, en, abbreviations="[]", ko_synonyms="[]", related="[]", extra="", ko_definition="정의입니다."):
    return (
        f"id: {term_id}\ntopic: technology\nabbreviations: {abbreviations}\n"
        f"ko:\n  term: {ko}\n  synonyms: {ko_synonyms}\n  definition: {ko_definition}\n"
        f"en:\n  term: {en}\n  synonyms: []\n  definition: A definition.\n"
        f"related: {related}\nsources:\n  - title: A source\n    url: https://example.org/\nstatus: draft\nautolink: true\n{extra}"
    )


def problems_of(tmp_path, files):
    return [str(p) for p in load_site(copy_tree(tmp_path, files)).problems]


def test_a_label_claimed_by_two_terms_after_case_folding_is_reported_at_the_later_term_by_id(tmp_path):
    files = {"glossary/genai-tool.yml": term_yaml("genai-tool", "생성 도구", "generation tool", abbreviations="[genai]")}
    assert problems_of(tmp_path, files) == [
        "glossary/generative-ai.yml:3: term 'generative-ai' has the abbreviation 'GenAI', which is also the abbreviation 'genai' "
        "of term 'genai-tool' (glossary/genai-tool.yml:3); a label must name one term: remove it from one of them, "
        "or list it under 'shared_labels' in every term but the one it should link to",
    ]


def test_a_label_listed_under_shared_labels_is_allowed(tmp_path):
    files = {"glossary/genai-tool.yml": term_yaml("genai-tool", "생성 도구", "generation tool", abbreviations="[GenAI]", extra="shared_labels: [GenAI]\n")}
    assert problems_of(tmp_path, files) == []


def test_a_shared_label_must_be_one_of_the_terms_labels(tmp_path):
    files = {"glossary/genai-tool.yml": term_yaml("genai-tool", "생성 도구", "generation tool", extra="shared_labels: [GenAI]\n")}
    assert problems_of(tmp_path, files) == [
        "glossary/genai-tool.yml:18: term 'genai-tool' lists 'GenAI' under 'shared_labels', but it is not one of its labels",
    ]


def test_unknown_related_term_and_empty_definition_are_reported_in_the_same_run(tmp_path):
    files = {"glossary/tool.yml": term_yaml("tool", "도구", "tool", related="[generative-a]", ko_definition="' '")}
    assert problems_of(tmp_path, files) == [
        "glossary/tool.yml:7: 'ko.definition' must not be empty; write the text after the colon",
        "glossary/tool.yml:12: term 'tool' lists term 'generative-a' under 'related', which does not exist; did you mean 'generative-ai'?",
    ]


def test_a_label_must_start_with_a_letter_and_hold_no_semicolon(tmp_path):
    files = {"glossary/tool.yml": term_yaml("tool", "'-도구'", "tool", ko_synonyms="['a; b']")}
    assert problems_of(tmp_path, files) == [
        "glossary/tool.yml:5: 'ko.term' is '-도구', which is not allowed: a label must start with a letter or digit and contain no ';' or line break",
        "glossary/tool.yml:6: 'ko.synonyms[1]' is 'a; b', which is not allowed: a label must start with a letter or digit and contain no ';' or line break",
    ]


def test_html_in_glossary_text_is_shown_as_text_on_every_page(tmp_path):
    from gyeonggi_kb.pages.backlinks import Backlinks
    from gyeonggi_kb.pages.glossary import render_index, render_term

    evil = "<script>alert(1)</script> & <b>bold</b>"
    text = term_yaml("tool", "도구", "tool", ko_definition=f"'{evil}'")
    site = load_site(copy_tree(tmp_path, {"glossary/tool.yml": text}))
    assert site.problems == []
    term = site.terms["tool"]
    page = render_term(term, site.terms, Backlinks(site), "ko")
    index = render_index(list(site.terms.values()), "ko")
    for markdown in (page, index):
        assert "<script>alert" not in markdown and "<b>bold" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "\\u003cscript>alert(1)\\u003c/script> & \\u003cb>bold\\u003c/b>" in page  # inside the term's JSON-LD script
