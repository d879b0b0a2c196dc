"""The search index step without a browser: tokens, pieces, the split per language, the hidden fields."""

from __future__ import annotations

import json
import re

import pytest

from gyeonggi_kb.search_index import enrich_index, glossary_labels, render_search_indexes, split_index
from gyeonggi_kb.search_tokens import SEPARATOR, compound_pieces, words
from gyeonggi_kb.layout import term_page


@pytest.mark.parametrize(
    "text, expected",
    [
        ("민원을", ["민원"]),
        ("민원을, 민원이. 민원에서", ["민원", "민원", "민원"]),
        ("개인정보보호법을 준수하는", ["개인정보보호법", "준수"]),
        ("AI의 협업", ["ai", "협업"]),
        ("국가 제도 정의 사이", ["국가", "제도", "정의", "사이"]),  # a one-syllable stem keeps its last syllable
        ("인공지능(AI)·데이터/정책", ["인공지능", "ai", "데이터", "정책"]),
        ("「개인정보 보호법」", ["개인정보", "보호법"]),
        ("Large Language Model's", ["large", "language", "model", "s"]),
    ],
)
def test_words_drop_particles_and_punctuation_as_the_browser_does(text, expected):
    assert words(text) == expected


def test_the_separator_is_the_same_pattern_in_python_and_javascript():
    assert re.compile(SEPARATOR).pattern == SEPARATOR
    assert "(?<=" in SEPARATOR and "(?<!" not in SEPARATOR  # fixed-width lookbehind: valid in both


@pytest.mark.parametrize(
    "text, expected",
    [
        ("개인정보보호법", ["보보호법", "보호법", "인정보보호법", "정보보호법", "호법"]),
        ("AI기본법", ["본법"]),  # `ai` and `기본법` are words of their own
        ("지능", []),
        ("large language model", []),
    ],
)
def test_compound_pieces_are_the_hangul_suffixes_of_two_syllables_or_more(text, expected):
    assert compound_pieces(text) == expected


def test_pieces_leave_out_words_the_entry_already_has():
    assert compound_pieces("인공지능 지능") == ["공지능"]


MERGED = {
    "config": {"lang": ["en", "ko"], "separator": "[\\s\\-]+", "pipeline": [" "], "fields": {}},
    "docs": [
        {"location": "", "title": "홈", "text": "인공지능"},
        {"location": "glossary/llm/", "title": "대규모 언어모델", "text": "<p>대규모언어모델을 말한다</p>"},
        {"location": "en/", "title": "Home", "text": "AI"},
        {"location": "en/glossary/llm/#definition", "title": "Definition", "text": "a model"},
    ],
}


def test_the_merged_index_is_split_per_language_with_locations_relative_to_its_root():
    split = split_index(MERGED, {"ko": "", "en": "en/"})
    assert [d["location"] for d in split["ko"]["docs"]] == ["", "glossary/llm/"]
    assert [d["location"] for d in split["en"]["docs"]] == ["", "glossary/llm/#definition"]


def test_labels_go_on_the_term_page_without_the_words_of_its_title():
    index = enrich_index(split_index(MERGED, {"ko": "", "en": "en/"})["ko"], {"glossary/llm/": ["대규모 언어모델", "거대언어모델", "LLM"]})
    llm = index["docs"][1]
    assert llm["kb_labels"] == "거대언어모델 llm"
    assert "규모언어모델" in llm["kb_pieces"].split()  # 대규모언어모델을 -> 대규모언어모델 -> its pieces
    assert "언어모델" not in llm["kb_pieces"].split()  # already a word of the title
    assert "kb_labels" not in index["docs"][0]
    assert set(index["config"]["fields"]) >= {"title", "text", "tags", "kb_labels", "kb_pieces"}
    assert index["config"]["separator"] == SEPARATOR


def test_each_language_gets_its_own_index_file_in_utf8():
    out = render_search_indexes(MERGED, {"ko": {}, "en": {}})
    assert sorted(out) == ["en/search/search_index.json", "search/search_index.json"]
    assert "대규모" in out["search/search_index.json"]
    assert json.loads(out["en/search/search_index.json"])["docs"][0]["location"] == ""


def test_glossary_labels_are_per_language(tmp_path):
    from conftest import copy_tree
    from gyeonggi_kb import load_site

    terms = load_site(copy_tree(tmp_path)).terms
    some = next(iter(sorted(terms)))
    ko, en = (glossary_labels(terms, term_page, lang)[f"glossary/{some}/"] for lang in ("ko", "en"))
    assert terms[some].term.ko in ko and terms[some].term.en in en
    assert terms[some].term.en not in ko
