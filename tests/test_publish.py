"""The publish stage on small built folders, without running a builder.

A built page here is the markup Material writes (a head with a canonical
link, the content inside <article class="md-content__inner">, a `__config`
script); the data is the minimal fixture's. The golden files in
tests/golden/publish/ are the expected pages: a page with glossary links,
an untranslated fallback, a term page listing who mentions it, and the
sitemap. `KB_UPDATE_GOLDEN=1 pytest tests/test_publish.py` rewrites them;
read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import copy_tree
from gyeonggi_kb import layout
from gyeonggi_kb.publish import PUBLISHED_MARK, PublishPass, publish
from gyeonggi_kb.publish.site_pages import built_pages
from gyeonggi_kb.publish.tables import wrap_tables
from gyeonggi_kb.generate import load_site

GOLDEN = Path(__file__).parent / "golden" / "publish"
SITE_URL = "https://example.org/kb/"

# docs page -> {language: (front matter, the page's content as the builder rendered it)}
SOURCES = {
    "index.md": {
        "ko": ("title: 홈", '<h1 id="home">홈<a class="headerlink" href="#home">¶</a></h1>\n<p>이 과정은 생성형 AI를 다룹니다. 다시 생성형 AI.</p>\n<p><a href="x/">생성형 AI</a></p>\n<h2 id="more">생성형 AI</h2>'),
        "en": ("title: Home", '<h1 id="home">Home<a class="headerlink" href="#home">¶</a></h1>\n<p>The course covers generative AI and GenAI.</p>'),
    },
    "notes.md": {
        "ko": ("title: 메모", '<h1 id="notes">메모</h1>\n<p>생성형 AI를 쓰는 법.</p>\n<ul class="task-list"><li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/><span class="task-list-indicator"></span></label> 확인</li></ul>'),
    },
    "quiet.md": {
        "ko": ("title: 조용\nautolink: false", '<h1 id="quiet">조용</h1>\n<p>생성형 AI</p>'),
        "en": ("title: Quiet\nautolink: false", '<h1 id="quiet">Quiet</h1>\n<p>generative AI</p>'),
    },
    "glossary/generative-ai.md": {
        lang: (f"title: {name}", f'<h1 id="term">{name}</h1>\n<p>{text}</p>\n<h2 id="used-in">Used in</h2>\n<div class="kb-used-in">\n<p class="kb-not-used">none</p>\n</div>')
        for lang, name, text in (("ko", "생성형 인공지능", "생성형 인공지능은 글을 만듭니다."), ("en", "generative AI", "Generative AI writes."))
    },
}


def built_page(url: str, lang: str, content: str) -> str:
    """A page as Material lays it out; `nav` repeats a term, which must not be linked."""
    base = layout.relative(layout.prefix(layout.DEFAULT_LANG), url).rstrip("/") or "."
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n  <meta charset="utf-8">\n'
        f'  <link rel="canonical" href="{SITE_URL}{url}">\n  <title>page</title>\n</head>\n'
        f'<body>\n<nav class="md-nav">생성형 AI generative AI</nav>\n'
        f'<article class="md-content__inner md-typeset">\n{content}\n</article>\n'
        f'<script id="__config" type="application/json">{{"base": "{base}", "search": "x.js"}}</script>\n</body>\n</html>\n'
    )


def make_built_folder(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(data root, docs folder, built folder) of a tiny site; Korean-only pages are served under /en/ too."""
    root = copy_tree(tmp_path / "repo")
    docs, site = root / "docs", tmp_path / "site"
    for page, by_lang in SOURCES.items():
        for lang, (meta, _) in by_lang.items():
            source = docs / layout.source(page, lang)
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_text(f"---\n{meta}\n---\n\n# page\n", encoding="utf-8")
        for lang in layout.LANGS:
            text_lang = lang if lang in by_lang else layout.DEFAULT_LANG
            url = layout.url(page, lang)
            target = site / layout.built_file(url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(built_page(url, lang, by_lang[text_lang][1]), encoding="utf-8")
    return root, docs, site


@pytest.fixture
def published(tmp_path):
    root, docs, site = make_built_folder(tmp_path)
    done = publish(load_site(root), site, docs, SITE_URL)
    return site, done, root, docs


def read(site: Path, url: str) -> str:
    return (site / layout.built_file(url)).read_text(encoding="utf-8")


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KB_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the golden file; KB_UPDATE_GOLDEN=1 rewrites it"


def test_a_page_gets_glossary_links_in_its_content_and_languages_in_its_head(published):
    site = published[0]
    golden("linked.html", read(site, ""))


def test_an_untranslated_page_is_an_honest_fallback(published):
    site = published[0]
    golden("fallback.html", read(site, "en/notes/"))


def test_a_term_page_lists_the_pages_that_mention_it(published):
    site = published[0]
    golden("term.html", read(site, "en/glossary/generative-ai/"))


def test_the_sitemap_lists_real_pages_with_their_alternates(published):
    golden("sitemap.xml", (published[0] / "sitemap.xml").read_text(encoding="utf-8"))


def test_links_stay_in_the_content_and_follow_the_linking_policy(published):
    site = published[0]
    home = read(site, "")
    nav, article = home.split("<article", 1)
    assert "kb-term" not in nav
    assert article.count('class="kb-term"') == 1  # first mention only; not in <a> or headings
    assert 'href="glossary/generative-ai/"' in article
    assert "kb-term" not in read(site, "quiet/") and "kb-term" not in read(site, "en/quiet/")  # front matter autolink: false
    # A Korean fallback served under /en/ links the English glossary, with the Korean tooltip of its text.
    fallback = read(site, "en/notes/")
    assert 'href="../glossary/generative-ai/" title="글, 소리, 그림 등을 만들어 내는 인공지능입니다."' in fallback


def test_decorative_checkboxes_are_hidden_from_assistive_technology(published):
    assert '<input type="checkbox" disabled aria-hidden="true" tabindex="-1"/>' in read(published[0], "notes/")


def test_each_table_the_theme_would_wrap_comes_wrapped_and_classed_once():
    html = '<p>a</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n<p>b</p><table class="kb-x"><tr><td>2</td></tr></table>'
    wrapped = wrap_tables(html)
    assert wrapped == (
        '<p>a</p>\n<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="kb-table">\n'
        '<tr><td>1</td></tr>\n</table></div></div>\n<p>b</p><table class="kb-x"><tr><td>2</td></tr></table>'
    )
    assert wrap_tables(wrapped) == wrapped


def test_publishing_twice_changes_nothing(published):
    site, done, root, docs = published
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    again = publish(load_site(root), site, docs, SITE_URL)
    assert (again.pages, again.already, again.files) == (0, done.pages, [])
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert all(read(site, p.url).count(PUBLISHED_MARK) == 1 for p in built_pages(docs, site))


def test_the_files_that_are_not_pages_are_written(published):
    site = published[0]
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix != ".html"}
    assert {"sitemap.xml", "sitemap.xml.gz", "glossary.json", "glossary.csv", "glossary.tbx", "schemas/glossary.schema.json",
            "sessions.ics", "en/sessions.ics", "recaps.atom.xml", "en/recaps.atom.xml"} <= names


def test_the_map_of_built_pages_knows_fallbacks_and_opt_outs(tmp_path):
    _, docs, site = make_built_folder(tmp_path)
    pages = {(p.page, p.lang): p for p in built_pages(docs, site)}
    assert len(pages) == 2 * len(SOURCES)
    notes = pages[("notes.md", "en")]
    assert (notes.text_lang, notes.is_fallback, notes.languages, notes.url) == ("ko", True, ("ko",), "en/notes/")
    assert not pages[("quiet.md", "ko")].autolink and pages[("index.md", "ko")].autolink
    (site / "en/notes/index.html").unlink()  # a page the builder did not write is not on the map
    assert ("notes.md", "en") not in {(p.page, p.lang) for p in built_pages(docs, site)}


def as_zensical_writes_it(site: Path) -> None:
    """Change a built folder into what Zensical with zensical-i18n writes: its own notice on a fallback
    (inside an article that carries `lang`), a sitemap per language, fallbacks listed."""
    fallback = site / "en/notes/index.html"
    text = fallback.read_text(encoding="utf-8").replace(
        '<article class="md-content__inner md-typeset">\n',
        '<article class="md-content__inner md-typeset" lang="ko" dir="ltr">\n<a id="__skip" tabindex="-1"></a>\n'
        '<aside class="md-i18n-notice" role="note" lang="en" dir="ltr">\n  <p>This page hasn&#x27;t been translated yet.</p>\n</aside>\n',
    )
    fallback.write_text(text, encoding="utf-8")
    (site / "en/sitemap.xml").write_text("<urlset><url><loc>https://example.org/kb/en/notes/</loc></url></urlset>\n", encoding="utf-8")


def test_a_zensical_build_gets_our_notice_and_loses_the_fallbacks_from_its_language_sitemap(tmp_path):
    root, docs, site = make_built_folder(tmp_path)
    as_zensical_writes_it(site)
    publish(load_site(root), site, docs, SITE_URL)
    fallback = read(site, "en/notes/")
    assert "md-i18n-notice" not in fallback and fallback.count("kb-untranslated") == 1
    assert f'<link rel="canonical" href="{SITE_URL}notes/">' in fallback and '<div lang="ko">' in fallback
    english_sitemap = (site / "en/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/kb/en/</loc>" in english_sitemap
    assert "en/notes/</loc>" not in english_sitemap and "<loc>https://example.org/kb/</loc>" not in english_sitemap


@pytest.mark.parametrize("served", [False, True])
def test_a_build_rewrites_each_page_in_its_file_and_a_served_preview_replaces_it_whole(tmp_path, served):
    """A build's folder is rewritten in place (cheaper on this file system, README Performance); a folder a
    preview serves gets each page as a new file renamed over the old one, so no reader sees half a page."""
    root, docs, site = make_built_folder(tmp_path)
    pages = sorted(site.rglob("index.html"))
    before = {page: page.stat().st_ino for page in pages}
    PublishPass(load_site(root), docs, SITE_URL, served=served).finish(site)
    assert all(PUBLISHED_MARK in page.read_text(encoding="utf-8") for page in pages)
    kept = [page for page in pages if page.stat().st_ino == before[page]]
    assert kept == ([] if served else pages)
    assert not list(site.rglob("*.tmp"))
