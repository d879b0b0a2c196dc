"""English titles that are only our translations say so; a quote has one English rendering everywhere.

Korean laws and ordinances and the programme have no official English title
(facts.md). Wherever such a title first appears on a page, in either
language, the page says "(working translation)" / "(비공식 번역)". Which titles
those are comes from the records (`title_official`, by default false for
Korean and Gyeonggi legislation). A quote translated twice is two quotes: the
table below pins the one English rendering of each quote, checked across the
whole built site.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, copy_tree
from gyeonggi_kb import load_site
from gyeonggi_kb.write import OWNED_FOLDERS
from gyeonggi_kb.publish.working_translations import TitleMarker, WorkingTitle, names_of, working_titles

ACT = WorkingTitle("kr-ai-basic-act", names_of("Framework Act on the Development of Artificial Intelligence and Establishment of Trust (AI Basic Act)"))
ORDINANCE = WorkingTitle("gg-ai-basic-ordinance", names_of("Gyeonggi Province Basic Ordinance on Artificial Intelligence"))
MARKER = TitleMarker((ACT, ORDINANCE))
EN = ' <small class="kb-working-translation" lang="en" title="There is no official English title; this one is the site&#x27;s own translation.">(working translation)</small>'
KO = ' <small class="kb-working-translation" lang="ko" title="공식 영어 명칭이 없어 이 사이트에서 옮긴 명칭입니다.">(비공식 번역)</small>'


@pytest.mark.parametrize("html, lang, expected", [
    # the first mention of each title, and only the first
    ("<p>The AI Basic Act and the AI Basic Act.</p>", "en", f"<p>The AI Basic Act{EN} and the AI Basic Act.</p>"),
    # the long form with its short title is one mention, marked at its end
    ("<h1>Framework Act on the Development of Artificial Intelligence and Establishment of Trust (AI Basic Act)</h1><p>AI Basic Act</p>", "en",
     f"<h1>Framework Act on the Development of Artificial Intelligence and Establishment of Trust (AI Basic Act){EN}</h1><p>AI Basic Act</p>"),
    # inside a link: after the link, so the link text stays the title
    ('<p>See the <a href="x/"><em>AI Basic Act</em></a> now.</p>', "en", f'<p>See the <a href="x/"><em>AI Basic Act</em></a>{EN} now.</p>'),
    # code, scripts and pictures are not read; the next mention in text is the first
    ("<pre><code>AI Basic Act</code></pre><svg><text>AI Basic Act</text></svg><p>AI Basic Act</p>", "en",
     f"<pre><code>AI Basic Act</code></pre><svg><text>AI Basic Act</text></svg><p>AI Basic Act{EN}</p>"),
    # a Korean particle may follow; a longer Latin word may not
    ("<p>AI Basic Actor. AI Basic Act은</p>", "ko", f"<p>AI Basic Actor. AI Basic Act{KO}은</p>"),
    # each title on its own; a Korean page gets the note in Korean
    ('<p><span lang="en">Gyeonggi Province Basic Ordinance on Artificial Intelligence</span>, AI Basic Act</p>', "ko",
     f'<p><span lang="en">Gyeonggi Province Basic Ordinance on Artificial Intelligence{KO}</span>, AI Basic Act{KO}</p>'),
    # a glossary link inside a title does not hide it; a paragraph break does end it
    ('<p>Gyeonggi Province Basic Ordinance on <a class="kb-term" href="t/">Artificial Intelligence</a>.</p>', "en",
     f'<p>Gyeonggi Province Basic Ordinance on <a class="kb-term" href="t/">Artificial Intelligence</a>{EN}.</p>'),
    ("<p>AI Basic</p><p>Act</p>", "en", "<p>AI Basic</p><p>Act</p>"),
    # a page that already says so is left as it is
    ("<p>(working translation: AI Basic Act) and AI Basic Act</p>", "en", "<p>(working translation: AI Basic Act) and AI Basic Act</p>"),
    ("<p>Nothing to mark.</p>", "en", "<p>Nothing to mark.</p>"),
])
def test_the_first_mention_of_each_working_title_gets_a_note(html, lang, expected):
    assert MARKER.mark_page(html, lang) == expected


def test_korean_and_gyeonggi_legislation_are_working_translations_unless_a_reference_says_otherwise(tmp_path):
    site = load_site(REPO)
    unofficial = {t.key for t in working_titles(site)}
    assert {"kr-ai-basic-act", "gg-ai-basic-ordinance", "gg-ai-ethics-ordinance", "gg-ai-safety-trust-ordinance"} <= unofficial
    assert site.programme.id in unofficial  # programme.yml says so: no official English title was found
    assert not {"eu-ai-act", "oecd-ai-principles", "gg-ai-registration-system"} & unofficial
    test_act = (REPO / "tests/fixtures/minimal/references/test-act.yml").read_text()  # a Korean law
    official = copy_tree(tmp_path / "b", {"references/test-act.yml": test_act.replace("type: law\n", "type: law\ntitle_official: true\n")})
    assert load_site(copy_tree(tmp_path / "a")).references["test-act"].title_official is False  # a Korean law: by default
    assert load_site(official).references["test-act"].title_official is True


def test_title_official_must_be_true_or_false(tmp_path):
    text = (REPO / "tests/fixtures/minimal/references/test-act.yml").read_text().replace("type: law\n", "type: law\ntitle_official: no-idea\n")
    site = load_site(copy_tree(tmp_path, {"references/test-act.yml": text}))
    assert [str(p) for p in site.problems] == ["references/test-act.yml:4: 'title_official' must be true or false, got 'no-idea'"]


# --- the built site -------------------------------------------------------------------------------

class ArticleText(HTMLParser):
    """The text a reader sees in a page's article: code, scripts and pictures left out."""

    SKIP = {"code", "pre", "script", "style", "svg", "textarea"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.skip, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth and tag in self.SKIP:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif self.depth and tag in self.SKIP:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)

    @classmethod
    def of(cls, path: Path) -> str:
        parser = cls()
        parser.feed(path.read_text(encoding="utf-8"))
        return " ".join("".join(parser.parts).split())


@pytest.fixture(scope="module")
def page_texts(site_dir) -> dict:
    return {p.relative_to(site_dir).as_posix(): ArticleText.of(p) for p in sorted(site_dir.rglob("*.html"))}


NOTE = re.compile(r"\s*\((working translation|비공식 번역)\)")
SAID_BEFORE = re.compile(r"(working translation|비공식 번역)\s*[:;,]?\s*$", re.I)


@pytest.mark.build
def test_every_page_notes_a_working_title_where_it_first_appears(page_texts, built_repo):
    titles = working_titles(load_site(built_repo))
    unmarked, marked = [], 0
    for page, text in page_texts.items():
        for title in titles:
            pattern = "|".join(re.escape(n) for n in sorted(title.names, key=len, reverse=True))
            first = re.search(rf"(?<![A-Za-z0-9])(?:{pattern})(?![A-Za-z0-9])", text)
            if first is None:
                continue
            if NOTE.match(text, first.end()) or SAID_BEFORE.search(text[:first.start()]):
                marked += 1
            else:
                unmarked.append(f"{page}: '{first.group(0)}' ... {text[first.end():first.end() + 40]!r}")
    assert unmarked == []
    assert marked >= 20  # the AI Basic Act alone is named on most English pages of the law module and library


# One English rendering per quote: (what marks the quote in Korean, its English rendering, renderings that must not come back).
QUOTES = [
    (
        "'AI 3대 강국 도약'의 제1동반자로서",
        "So that Gyeonggi can fully play its role as the foremost partner in 'the leap to become one of the top three AI "
        "powers', we will steadily strengthen the AI capabilities of the public service, starting with senior officials, "
        "through AI education that covers data, infrastructure, talent and institutions.",
        ("first partner", "No. 1 partner", "number-one partner", "number one partner", "primary partner"),
    ),
]


@pytest.mark.build
@pytest.mark.parametrize("korean, english, rejected", QUOTES, ids=["governor-2025-11"])
def test_each_quote_has_one_english_rendering_across_the_site(page_texts, korean, english, rejected):
    # The quote's English ends in a full stop in running text or a closing quote mark in a sentence; compare without it.
    rendering = english.rstrip(".")
    quoting = [page for page, text in page_texts.items() if page.startswith("en/") and korean in text]
    assert quoting, "no English page quotes the Korean original any more; update the table"
    for page in quoting:
        assert rendering in page_texts[page], f"{page} quotes 「{korean}…」 without the English rendering of the table"
    wrong = [f"{page}: {w}" for page, text in page_texts.items() for w in rejected if w in text]
    assert wrong == []
    partial = [page for page, text in page_texts.items() if "top three AI powers" in text and rendering not in text]
    assert partial == [], "these pages render the quote differently"


def test_the_quote_table_matches_the_words_in_the_sources():
    # The hand-written pages hold the quote; the table must hold the same words, so it cannot drift.
    for korean, english, _ in QUOTES:
        hand_written = [p for p in (REPO / "docs").rglob("*.md") if p.relative_to(REPO / "docs").parts[0] not in OWNED_FOLDERS]
        sources = hand_written + list((REPO / "curriculum/lessons").glob("*.md"))
        texts = {p: " ".join(p.read_text(encoding="utf-8").replace("> ", " ").split()) for p in sources}
        assert any(korean in t for t in texts.values())
        assert all(english.rstrip(".") in t for p, t in texts.items() if p.name.endswith(".en.md") and korean in t)
