"""The auto-linking policy of gyeonggi_kb.publish.autolink, as a table of Korean and English cases."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from gyeonggi_kb.publish.autolink import PATTERN_FIRST_CHARACTERS, Label, LinkTarget, Matcher, fold, glossary_matcher, link_html, short_definition, starts_word, term_labels
from gyeonggi_kb.data.model import Origin, Term, Text


def term(term_id, ko, en, abbreviations=(), ko_synonyms=(), en_synonyms=(), autolink=True, shared=()):
    return Term(
        id=term_id, topic="technology", abbreviations=tuple(abbreviations), term=Text(ko, en),
        synonyms={"ko": tuple(ko_synonyms), "en": tuple(en_synonyms)},
        definition=Text(f"{ko}의 정의입니다. 둘째 문장.", f"Definition of {en}. Second sentence."),
        related=(), sources=(), status="draft", autolink=autolink, origin=Origin(f"glossary/{term_id}.yml", 1),
        shared_labels=tuple(shared),
    )


TERMS = [
    term("artificial-intelligence", "인공지능", "artificial intelligence", ["AI"], ["인공 지능"]),
    term("ai-business-operator", "인공지능사업자", "AI business operator"),
    term("large-language-model", "대규모 언어모델", "large language model", ["LLM"], ["거대언어모델"]),
    term("generative-ai", "생성형 인공지능", "generative AI", ["GenAI"], ["생성형 AI"]),
    term("data", "데이터", "data"),
    term("training", "학습", "training"),
    term("bias", "편향", "bias"),
    term("rag", "검색 증강 생성", "retrieval-augmented generation", ["RAG"]),
    term("model", "모델", "model", autolink=False),
    term("deepfake", "딥페이크", "deepfake"),
    term("rnd", "연구개발", "R&D"),
]
MATCHER = glossary_matcher(TERMS)


def target(term_id: str, lang: str) -> LinkTarget:
    return LinkTarget(f"../glossary/{term_id}/", f"tooltip of {term_id} <{lang}>")


def links(html_in: str, lang: str = "ko", exclude=()) -> list[tuple[str, str]]:
    """(term id, linked text) for every link the auto-linker added."""
    out, _ = link_html(html_in, MATCHER, target, lang, exclude)
    return [(m.group(1), m.group(2)) for m in re.finditer(r'<a class="kb-term" href="\.\./glossary/([^/]+)/"[^>]*>(.*?)</a>', out, re.S)]


CASES = [
    # Korean particles and endings attach to the term
    ("LLM은 글을 만든다", [("large-language-model", "LLM")]),
    ("AI가 바꾼 행정", [("artificial-intelligence", "AI")]),
    ("인공지능의 발전", [("artificial-intelligence", "인공지능")]),
    ("생성형 AI를 쓴다", [("generative-ai", "생성형 AI")]),
    ("데이터를 모은다", [("data", "데이터")]),
    ("인공지능에서는 흔하다", [("artificial-intelligence", "인공지능")]),
    ("모델을 학습한다", [("training", "학습")]),
    ("이미 학습했다", [("training", "학습")]),
    ("편향이 있다", [("bias", "편향")]),
    ("RAG를 쓴다", [("rag", "RAG")]),
    ("검색 증강 생성으로 답한다", [("rag", "검색 증강 생성")]),
    # longest match wins
    ("인공지능사업자는 의무가 있다", [("ai-business-operator", "인공지능사업자")]),
    ("생성형 인공지능과 인공지능", [("generative-ai", "생성형 인공지능"), ("artificial-intelligence", "인공지능")]),
    # spacing, case, plurals, punctuation, script changes
    ("생성형\n  AI를 쓴다", [("generative-ai", "생성형\n  AI")]),
    ("인공 지능과 사람", [("artificial-intelligence", "인공 지능")]),
    ("Generative AI is new", [("generative-ai", "Generative AI")]),
    ("Large language models write", [("large-language-model", "Large language models")]),
    ("LLMs write", [("large-language-model", "LLMs")]),
    ("two deepfakes", [("deepfake", "deepfakes")]),
    ("(AI) 활용", [("artificial-intelligence", "AI")]),
    ("AI기반 행정", [("artificial-intelligence", "AI")]),
    ("R&amp;D 예산", [("rnd", "R&amp;D")]),
    (unicodedata.normalize("NFD", "인공지능의 미래"), [("artificial-intelligence", "인공지능")]),
    # only the first mention of each term; a later longer term is still its own term
    ("AI와 AI, 그리고 인공지능", [("artificial-intelligence", "AI")]),
    ("인공지능사업자와 인공지능사업자의 의무", [("ai-business-operator", "인공지능사업자")]),
    # a term inside a longer word is not a mention
    ("OpenAI는 회사다", []),
    ("AIM and MAIL", []),
    ("LLM2 is a name", []),
    ("강화학습은 다른 용어다", []),
    ("학습자가 많다", []),
    ("편향성을 줄인다", []),
    ("인공지능법을 만든다", []),
    ("인공지능사업 계획", []),
    # abbreviations match only as written
    ("a rag doll", []),
    ("GENAI and genai", []),
    # terms that opt out are never linked
    ("모델이 크다", []),
    # never inside code, links, headings, attributes or opted-out elements
    ("<code>LLM</code>은", []),
    ("<pre>AI가 쓴 코드</pre>", []),
    ('<a href="x">LLM</a>은', []),
    ("<h2>LLM은</h2>", []),
    ('<img alt="LLM은 그림" src="a.png">', []),
    ('<span title="AI가">설명</span>', []),
    ('<p data-autolink="false">AI가</p>', []),
    ("<script>var AI = 1;</script>", []),
    # after a skipped element, linking resumes
    ("<h2>LLM</h2><p>LLM은 좋다</p>", [("large-language-model", "LLM")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[re.sub(r"\s+", " ", c[0])[:40] for c in CASES])
def test_particle_and_boundary_table(text, expected):
    assert links(text) == expected


def test_table_has_at_least_30_cases_with_both_outcomes():
    assert len(CASES) >= 30
    assert sum(1 for _, e in CASES if e) >= 15 and sum(1 for _, e in CASES if not e) >= 15


def test_the_pages_own_term_is_not_linked():
    assert links("LLM은 AI다", exclude={"large-language-model"}) == [("artificial-intelligence", "AI")]


def test_english_words_in_korean_text_carry_lang_en():
    out, _ = link_html("<p>LLM은 인공지능이다</p>", MATCHER, target, "ko")
    assert '<a class="kb-term" href="../glossary/large-language-model/" title="tooltip of large-language-model &lt;ko&gt;" lang="en">LLM</a>' in out
    assert 'lang="en">인공지능' not in out and ">인공지능</a>" in out


def test_korean_in_an_english_page_is_marked_and_a_lang_ko_element_gets_korean_tooltips():
    out, _ = link_html("<p>The word 인공지능의 means</p>", MATCHER, target, "en")
    assert 'title="tooltip of artificial-intelligence &lt;en&gt;" lang="ko">인공지능</a>' in out
    out, _ = link_html('<p>The <span lang="ko">인공지능의</span> AI</p>', MATCHER, target, "en")
    assert 'title="tooltip of artificial-intelligence &lt;ko&gt;">인공지능</a>' in out


def test_text_outside_links_is_unchanged_and_ids_are_returned_in_page_order():
    page = '<p class="x">AI가 <em>데이터를</em> 쓴다 &amp; <b>LLM</b></p>'
    out, linked = link_html(page, MATCHER, target, "ko")
    assert re.sub(r"<a class=\"kb-term\"[^>]*>(.*?)</a>", r"\1", out) == page
    assert linked == ["artificial-intelligence", "data", "large-language-model"]


def test_tooltip_text_is_escaped():
    out, _ = link_html("AI", MATCHER, lambda i, l: LinkTarget('a"b', '<script>alert(1)</script>'), "ko")
    assert 'href="a&quot;b" title="&lt;script&gt;alert(1)&lt;/script&gt;"' in out


def test_a_label_listed_as_shared_links_to_the_other_term():
    terms = [term("a-one", "에이", "alpha", ["AA"]), term("a-two", "비", "beta", ["AA"], shared=["AA"])]
    out, linked = link_html("AA", glossary_matcher(terms), target, "ko")
    assert linked == ["a-one"]


def test_the_matcher_is_built_once_per_glossary_content():
    assert glossary_matcher(TERMS) is MATCHER
    assert glossary_matcher(TERMS[:-1]) is not MATCHER


@pytest.mark.parametrize("definition, short", [
    ("첫 문장입니다. 둘째 문장입니다.", "첫 문장입니다."),
    ("One sentence. Two.", "One sentence."),
    ("word " * 60, ("word " * 40).strip() + "…"),
])
def test_short_definition_is_the_first_sentence(definition, short):
    assert short_definition(definition) == short


def test_mentions_are_added_after_the_declared_pages_without_repeats():
    from gyeonggi_kb.publish.mentions import add_mentions
    section = '<h2 id="used-in">Used in</h2>\n<div class="kb-used-in">\n<ul>\n<li><a href="../../modules/a/">A</a></li>\n</ul>\n</div>'
    out = add_mentions(section, "en/glossary/t/", [("en/modules/b/", "B <b>"), ("en/modules/a/", "A")], "en")
    assert out.endswith('<ul class="kb-mentions" data-search-exclude>\n<li><a href="../../modules/b/">B &lt;b&gt;</a></li>\n</ul>\n</div>')
    empty = '<div class="kb-used-in">\n<p class="kb-not-used">No page uses this term yet.</p>\n</div>'
    assert "No page uses" not in add_mentions(empty, "glossary/t/", [("modules/b/", "B")], "en")
    assert add_mentions(empty, "glossary/t/", [], "en") == empty


def walked(matcher, text: str) -> list:
    """The mentions found by walking the trie from every word start in Python: what the pattern must find."""
    folded, found, pos = fold(text), [], 0
    for start in range(len(text)):
        if start >= pos and starts_word(folded, start) and (match := matcher._longest_at(text, folded, start, len(text))):
            found.append(match)
            pos = match.end
    return found


@pytest.mark.parametrize("way", ["pattern", "walking"])
def test_the_pattern_finds_what_walking_the_trie_finds(way):
    """The pattern (trie_pattern) is a faster walk of the same trie; on text made to be hard, the mentions are the same.

    Labels written in other cases, glued to words before and after, followed by
    particles, longer Hangul words, plurals (`LLMs`, `LLMS`), line breaks in
    place of spaces, and nested labels (`인공지능사업자`).
    """
    rng = random.Random(7)
    labels = sorted({label.text for label in term_labels(TERMS)})
    before = ("", " ", "(", "챗", "Open", "의 ", "AI", "1")
    after = ("", "s", "es", "S", "ES", "의", "에서는", "자", "성", "x", " ", "-", "1", "을", "사업자")
    texts = []
    for _ in range(4000):
        parts = []
        for _ in range(rng.randint(1, 5)):
            label = rng.choice(labels)
            label = rng.choice((label, label.upper(), label.lower(), label.title(), label.replace(" ", "\n  ")))
            parts.append(rng.choice(before) + label + rng.choice(after))
        texts.append(rng.choice(("", " ")).join(parts))
    matcher = Matcher(term_labels(TERMS))
    assert matcher.pattern is not None, "a small glossary is matched with the pattern"
    if way == "walking":  # as for a glossary whose labels start with more than PATTERN_FIRST_CHARACTERS characters
        matcher.pattern = None
    found = [[(m.start, m.end, m.label) for m in matcher.find(text)] for text in texts]
    assert found == [[(m.start, m.end, m.label) for m in walked(matcher, text)] for text in texts]
    assert sum(map(len, found)) > 4000 and sum(1 for f in found if not f) > 50, "the texts should hold mentions and non-mentions"


def test_a_glossary_whose_labels_start_with_many_characters_is_matched_by_walking_the_trie():
    """The pattern's top branches are tried one by one: past PATTERN_FIRST_CHARACTERS first characters, walking is faster."""
    wide = [Label(chr(0xAC00 + i) + "가", f"t{i}", False) for i in range(PATTERN_FIRST_CHARACTERS + 1)]
    assert Matcher(wide).pattern is None and Matcher(wide[:-1]).pattern is not None
    found = list(Matcher(wide).find("먼저 " + wide[-1].text + "를 본다"))
    assert [(m.label.term_id, m.start) for m in found] == [(wide[-1].term_id, 3)]
