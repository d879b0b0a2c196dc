"""Search made from built pages, without a browser: words, what a page offers, the index files, the search box.

The browser side (expanding words, ranking, highlighting) is tested in real
Chromium by tests/test_search.py; here, the publish step's pure parts, and
one small real build to show that it needs nothing from the builder.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURE_EPOCH, build_site, fixture_site, run_python
from gyeonggi_kb import layout
from gyeonggi_kb.search import SiteSearch, stale_files
from gyeonggi_kb.search.index import WEIGHT_HEADING, WEIGHT_LABEL, WEIGHT_TITLE, build_index, term_labels
from gyeonggi_kb.search.pages import Page, Section, read_page
from gyeonggi_kb.search.shards import ENTRY, encode_postings, front_coded, render_index_files
from gyeonggi_kb.search.tokens import SEPARATOR, words
from gyeonggi_kb.search.ui import END, START, add_search_ui


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
        ("ㅇㄱㅈㄴ, 인공ㅈㄴ", ["ㅇㄱㅈㄴ", "인공ㅈㄴ"]),  # initial consonants are letters
    ],
)
def test_words_drop_particles_and_punctuation_as_the_browser_does(text, expected):
    assert words(text) == expected


def test_the_separator_is_the_same_pattern_in_python_and_javascript():
    assert re.compile(SEPARATOR).pattern == SEPARATOR
    assert "(?<=" in SEPARATOR and "(?<!" not in SEPARATOR  # fixed-width lookbehind: valid in both


def article(body: str, title: str = "용어") -> str:
    return f"<html><head><title>{title} - 사이트</title></head><body><header><nav>…</nav></header><article class=\"md-content__inner\">{body}</article></body></html>"


def test_a_page_is_cut_into_sections_at_its_headings():
    page = read_page(article(
        '<h1 id="term">대규모 언어모델<a class="headerlink" href="#term">¶</a></h1><p>약어: <span lang="en">LLM</span></p>'
        '<h2 id="definition">정의</h2><p>글 데이터로 <a href="x">학습</a>한 모델</p><ul><li>첫째</li><li>둘째</li></ul>'
    ), "glossary/llm/")
    assert page == Page("glossary/llm/", "대규모 언어모델", (
        Section("", "대규모 언어모델", "약어: LLM"),
        Section("definition", "정의", "글 데이터로 학습한 모델 첫째 둘째"),  # inline tags join, blocks separate
    ))


@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var x = '<p>보이지 않음</p>';</script>",
        "<style>.a{}</style>",
        '<svg><title>보이지 않음</title><text>보이지 않음</text></svg>',
        '<nav class="kb-jump"><a href="#a">ㄱ</a></nav>',
        '<div class="kb-filter" hidden><label>보이지 않음</label></div>',
        '<ul class="kb-mentions" data-search-exclude><li>보이지 않음</li></ul>',
        "<form><button>보이지 않음</button></form>",
    ],
)
def test_what_readers_do_not_read_as_text_is_left_out(hidden):
    page = read_page(article(f"<h1 id=\"t\">제목</h1><p>앞</p>{hidden}<p>뒤</p>"), "a/")
    assert page.sections[0].text == "앞 뒤"


def test_a_page_whose_content_is_marked_as_not_searched_gives_nothing():
    assert read_page(article('<div data-search-exclude><h1 id="t">제목</h1><p>본문</p></div>'), "a/") is None
    assert read_page("<html><body>no article</body></html>", "a/") is None


def test_a_page_without_a_heading_is_named_by_its_title_element():
    assert read_page(article("<p>본문</p>", title="홈 &amp; 안내"), "").title == "홈 & 안내"


PAGES = [
    Page("glossary/llm/", "대규모 언어모델", (Section("", "대규모 언어모델", "약어: LLM 모델 모델"), Section("definition", "정의", "언어모델을 말한다"))),
    Page("", "홈", (Section("", "홈", "인공지능 모델"),)),
]


def test_each_word_is_weighted_by_where_it_is_in_its_section():
    index = build_index(PAGES, {"glossary/llm/": ("대규모 언어모델", "거대언어모델", "LLM")})
    assert [p.url for p in index.pages] == ["", "glossary/llm/"]  # numbered in URL order
    postings = dict(zip(index.terms, index.postings))
    assert postings["대규모"] == ((1, WEIGHT_TITLE),)
    assert postings["거대언어모델"] == ((1, WEIGHT_LABEL),)
    assert postings["llm"] == ((1, WEIGHT_LABEL),)  # in the text as well: the label weighs more
    assert postings["모델"] == ((0, 1), (1, 2))  # counted in the text
    assert postings["정의"] == ((2, WEIGHT_HEADING),)
    assert postings["언어모델"] == ((1, WEIGHT_TITLE), (2, 1))  # particle cut off in the text
    assert index.sections[1].labels == ("대규모 언어모델", "거대언어모델", "LLM")


def test_words_are_sorted_as_javascript_compares_strings():
    index = build_index([Page("", "t", (Section("", "t", "𝒜lpha ｚ 가"),))], {})
    assert list(index.terms) == sorted(index.terms, key=lambda t: t.encode("utf-16-be"))


def test_postings_and_the_word_list_are_written_compactly():
    assert encode_postings(((0, 1), (3, 12), (40, 2))) == "0,3.12,11.2"  # gaps in base 36 (37 = "11"), weight 1 left out
    assert front_coded(["인공", "인공지능", "인공지능기본법", "정보"]) == "0인공\n2지능\n4기본법\n0정보"


def test_the_entry_names_every_shard_and_the_shards_are_named_by_their_bytes():
    files = render_index_files(build_index(PAGES, {}))
    entry = json.loads(files[ENTRY])
    assert entry["pages"] == [["", "홈", 1], ["glossary/llm/", "대규모 언어모델", 2]]
    named = {f"search/{name}" for _, name in entry["postings"] + entry["texts"]}
    assert named == set(files) - {ENTRY}
    assert render_index_files(build_index(list(reversed(PAGES)), {})) == files  # same bytes whatever the order found


PAGE = '<html><head><title>t</title></head><body><header class="md-header"><nav class="md-header__inner"><a>logo</a></nav></header><article><h1 id="t">t</h1></article></body></html>'


def test_the_search_box_goes_at_the_end_of_the_header_once():
    once = add_search_ui(PAGE, "ko", "../../", "../../", "assets/kb-search/engine.x.js")
    assert add_search_ui(once, "ko", "../../", "../../", "assets/kb-search/engine.x.js") == once
    assert once.count(START) == 2 and once.count(END) == 2  # the style in the head, the box in the header
    header = once[once.index("<header"):once.index("</header>")]
    assert header.index('class="kb-search"') > header.index("<a>logo</a>") and header.rstrip().endswith("</nav>")
    assert 'data-kb-index="../../search/index.json"' in once and 'data-kb-engine="../../assets/kb-search/engine.x.js"' in once
    assert 'role="dialog" aria-label="사이트 검색"' in once


def test_the_english_search_box_speaks_english_and_reads_the_english_index():
    page = add_search_ui(PAGE, "en", "../", "../en/", "e.js")
    assert 'aria-label="Search this site"' in page and 'data-kb-index="../en/search/index.json"' in page


def test_links_from_a_page_are_relative_and_from_an_error_page_start_at_the_sites_path():
    search = SiteSearch({})
    assert 'data-kb-index="../search/index.json"' in search.with_box(PAGE, "en", "en/glossary/")
    assert f'data-kb-engine="../../{search.engine_path}"' in search.with_box(PAGE, "en", "en/glossary/")
    not_found = search.with_box_at(PAGE, "en", "/kb/")  # a 404 page is served at any address
    assert 'data-kb-index="/kb/en/search/index.json"' in not_found and f'data-kb-engine="/kb/{search.engine_path}"' in not_found


def test_a_page_without_a_header_is_left_alone():
    assert add_search_ui("<html><head></head><body><p>x</p></body></html>", "ko", "", "", "e.js") == "<html><head></head><body><p>x</p></body></html>"


def test_glossary_labels_are_per_language(tmp_path):
    from conftest import copy_tree
    from gyeonggi_kb import load_site

    terms = load_site(copy_tree(tmp_path)).terms
    some = next(iter(sorted(terms)))
    ko, en = (term_labels(terms, lang)[f"glossary/{some}/"] for lang in ("ko", "en"))
    assert terms[some].term.ko in ko and terms[some].term.en in en
    assert terms[some].term.en not in ko


EXCLUDED_PAGE = "---\ntitle: 숨은 페이지\nsearch:\n  exclude: true\n---\n\n# 숨은 페이지 {#hidden}\n\n검색에서빠지는낱말\n"


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    root = fixture_site(tmp_path_factory.mktemp("search"))
    (root / "docs/hidden.ko.md").write_text(EXCLUDED_PAGE, encoding="utf-8")
    result = build_site(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def entry_text(site, prefix=""):
    entry = json.loads((site / prefix / ENTRY).read_text(encoding="utf-8"))
    texts = [(site / prefix / "search" / name).read_text(encoding="utf-8") for _, name in entry["texts"]]
    return entry, "\n".join(texts)


@pytest.mark.build
def test_a_build_has_no_search_plugin_index_but_ours_with_the_box_on_every_page(small_site):
    site = small_site / "site"
    assert not (site / "search/search_index.json").exists()
    entry, texts = entry_text(site)
    assert entry["pages"] and "검색에서빠지는낱말" not in texts and "hidden/" not in [p[0] for p in entry["pages"]]
    assert (site / "hidden/index.html").is_file()
    pages = list(site.rglob("*.html"))
    assert pages and all('class="kb-search"' in p.read_text(encoding="utf-8") for p in pages)
    assert 'data-kb-index="/search/index.json"' in (site / "404.html").read_text(encoding="utf-8")
    assert len(list((site / "assets/kb-search").glob("engine.*.js"))) == 1


@pytest.mark.build
def test_publishing_its_own_output_again_changes_nothing_and_removes_what_search_no_longer_makes(small_site):
    site = small_site / "site"
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    stale = site / "search/p-000000000000.json"
    stale.write_text("[]", encoding="utf-8")
    assert stale_files(site, {}) and stale in stale_files(site, {})
    result = run_python("-m", "gyeonggi_kb", "publish", str(site), cwd=small_site, env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert result.returncode == 0, result.stderr
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before  # run again on its own output: the same bytes, nothing twice, the stale shard gone


@pytest.mark.build
def test_the_search_files_are_bytes_and_the_same_again(small_site):
    from gyeonggi_kb import load_site
    from gyeonggi_kb.publish.site_pages import built_pages

    site = small_site / "site"
    pages = [p for p in built_pages(small_site / "docs", site) if p.searchable and not p.is_fallback]
    files = SiteSearch(load_site(small_site).terms).files(site, pages)
    assert all(isinstance(data, bytes) for data in files.values())
    assert {layout.language_file(ENTRY, lang) for lang in layout.LANGS} <= set(files)
    assert all((site / rel).read_bytes() == data for rel, data in files.items())
