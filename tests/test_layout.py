"""The site's layout: one module says where every page, URL and file is."""

from __future__ import annotations

import pytest

from gyeonggi_kb import layout


def test_languages_korean_at_the_root_others_under_their_code():
    assert [layout.prefix(lang) for lang in layout.LANGS] == ["", "en/"]
    assert [layout.lang_of_url(u) for u in ("", "glossary/llm/", "en/", "en/glossary/llm/", "english/")] == ["ko", "ko", "en", "en", "ko"]
    assert layout.language_file("sessions.ics", "en") == "en/sessions.ics"
    assert layout.unprefixed("en/glossary/llm/") == "glossary/llm/"


def test_pages_and_their_files_in_each_language():
    assert layout.source("glossary/llm.md", "ko") == "glossary/llm.ko.md"
    assert layout.split_source("glossary/llm.en.md") == ("glossary/llm.md", "en")
    assert layout.split_source("notes.md") is None and layout.split_source("a.fr.md") is None


@pytest.mark.parametrize("page, lang, url", [
    ("index.md", "ko", ""), ("index.md", "en", "en/"), ("glossary/index.md", "en", "en/glossary/"),
    ("glossary/llm.md", "ko", "glossary/llm/"), ("glossary/llm.md", "en", "en/glossary/llm/"),
])
def test_directory_urls(page, lang, url):
    assert layout.url(page, lang) == url
    assert layout.url_of_built_file(layout.built_file(url)) == url


@pytest.mark.parametrize("to, here, href", [
    ("glossary/llm/", "glossary/", "llm/"),
    ("glossary/", "glossary/llm/", "../"),
    ("", "en/modules/x/", "../../../"),
    ("en/", "en/modules/x/", "../../"),
    ("modules/x/", "modules/x/", "./"),
    ("modules/x/#goals", "modules/x/", "#goals"),
    ("glossary.csv", "glossary/", "../glossary.csv"),
    ("en/recaps.atom.xml", "en/modules/x/", "../../recaps.atom.xml"),
])
def test_relative_hrefs_between_urls(to, here, href):
    assert layout.relative(to, here) == href


def test_record_pages_and_the_term_a_page_describes():
    assert layout.term_page("llm") == "glossary/llm.md"
    assert [layout.term_of_page(p) for p in ("glossary/llm.md", "glossary/llm.ko.md", "glossary/index.md", "modules/llm.md")] == ["llm", "llm", None, None]
    assert layout.relative_page("modules/a.md", "glossary/b.md#x") == "../glossary/b.md#x"
