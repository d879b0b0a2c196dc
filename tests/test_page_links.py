"""Planning a page's glossary links when it is rendered, putting them in when it is finished."""

from __future__ import annotations

from conftest import copy_tree
from gyeonggi_kb.page_links import PageLinker
from gyeonggi_kb.site import load_site

PLACE = dict(src_uri="modules/m.ko.md", page_url="modules/m/", text_lang="ko", build_lang="ko", url_prefix="")
HTML = "<p>생성형 AI를 씁니다.</p>"


def linker(tmp_path) -> PageLinker:
    return PageLinker(load_site(copy_tree(tmp_path)).terms)


def test_the_links_go_into_the_content_where_the_page_shows_it(tmp_path):
    pages = linker(tmp_path)
    pages.plan(HTML, title="M", **PLACE)
    output = f'<nav>{HTML}</nav><article class="md-content__inner">{HTML}</article>'
    finished = pages.finish(output, HTML, **PLACE)
    assert finished.startswith(f"<nav>{HTML}</nav>")
    assert finished.count('class="kb-term"') == 1 and finished.index("kb-term") > finished.index("<article")


def test_a_page_changed_after_planning_is_linked_as_it_is_then(tmp_path):
    pages = linker(tmp_path)
    pages.plan(HTML, title="M", **PLACE)
    changed = HTML.replace("<p>", '<p class="x">')  # as the search plugin does when it strips data-search-* attributes
    finished = pages.finish(changed, changed, **PLACE)
    assert finished.startswith('<p class="x">') and 'class="kb-term"' in finished


def test_a_page_that_does_not_show_its_content_is_reported(tmp_path):
    pages = linker(tmp_path)
    pages.plan(HTML, title="M", **PLACE)
    assert pages.finish("<html>something else</html>", HTML, **PLACE) is None


def test_a_term_page_lists_the_pages_that_mention_the_term(tmp_path):
    pages = linker(tmp_path)
    pages.plan(HTML, title="모듈 M", **PLACE)
    term = dict(PLACE, src_uri="glossary/generative-ai.ko.md", page_url="glossary/generative-ai/")
    content = '<h1>생성형 인공지능</h1><div class="kb-used-in"><p class="kb-not-used">없음</p></div>'
    pages.plan(content, title="생성형 인공지능", **term)
    finished = pages.finish(content, content, **term)
    assert '<a href="../../modules/m/">모듈 M</a>' in finished and "kb-not-used" not in finished
