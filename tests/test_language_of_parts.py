"""WCAG 3.1.2, language of parts: English glossary terms inside Korean pages are marked lang="en".

Screen readers switch voice on `lang`; an English term read with Korean
pronunciation rules is hard to follow. The generator knows which linked terms
are English (gyeonggi_kb.publish.autolink), so every glossary link on a Korean page
whose text has Latin letters and no Hangul must be in English, by its own
`lang` or an enclosing element's.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.build

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LATIN_ONLY = re.compile(r"^[^\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]*[A-Za-z][^\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]*$")


class TermLanguages(HTMLParser):
    """Collects (text, effective language) of every glossary link (a.kb-term)."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.terms: list[tuple[str, str]] = []
        self.current: list[str] | None = None

    def lang(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            return
        self.stack.append((tag, attrs.get("lang") or self.lang()))
        if tag == "a" and "kb-term" in (attrs.get("class") or "").split():
            self.current = []

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)

    def handle_endtag(self, tag):
        if tag in VOID or not any(t == tag for t, _ in self.stack):
            return
        if tag == "a" and self.current is not None:
            self.terms.append(("".join(self.current).strip(), self.lang()))
            self.current = None
        while self.stack and self.stack.pop()[0] != tag:
            pass


def test_english_glossary_terms_on_korean_pages_are_marked_as_english(site_dir):
    unmarked, checked = [], 0
    for page in sorted(site_dir.rglob("*.html")):
        if page.relative_to(site_dir).parts[0] == "en":
            continue
        parser = TermLanguages()
        parser.feed(page.read_text(encoding="utf-8"))
        for text, lang in parser.terms:
            if LATIN_ONLY.match(text):
                checked += 1
                if not lang.startswith("en"):
                    unmarked.append(f"{page.relative_to(site_dir)}: '{text}' is read as '{lang}'")
    assert unmarked == []
    assert checked > 0, "no English glossary term on any Korean page: is auto-linking on?"


def test_the_effective_language_comes_from_the_link_or_its_nearest_marked_ancestor():
    parser = TermLanguages()
    parser.feed('<html lang="ko"><p>한국어 <a class="kb-term" href="#">LLM</a>은 <br><img alt="">'
                '<span lang="en">text <a class="kb-term" href="#">RAG</a></span> '
                '<a class="kb-term" href="#" lang="en">AI</a> <a class="kb-term" href="#">인공지능</a></p></html>')
    assert parser.terms == [("LLM", "ko"), ("RAG", "en"), ("AI", "en"), ("인공지능", "ko")]
    assert [t for t, _ in parser.terms if LATIN_ONLY.match(t)] == ["LLM", "RAG", "AI"]
