"""The pictures (curriculum map, schedule strip) are drawn from the data, link to the right pages and parse as XML.

Pure tests render small fixture trees and change one fact at a time; the
built-site tests follow every link inside the SVGs of the real build.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import MINIMAL, copy_tree
from gyeonggi_kb import load_site
from gyeonggi_kb.generate import render_pages
from gyeonggi_kb.pages.svg import page_url, wrap

SVG = "{http://www.w3.org/2000/svg}"
MAP, STRIP = "kb-map", "kb-schedule"

SECOND_MODULE = """id: ai-law
group: component
order: 2
ko:
  title: AI 법제
  summary: AI 법을 다룹니다.
  objectives:
    - 법을 설명할 수 있다.
en:
  title: AI law
  summary: AI law.
  objectives:
    - Explain the law.
terms: []
references: []
related: [ai-basics]
prerequisites: [ai-basics]
announced_in:
  - title: Example source
    url: https://example.org/announce
reviewed: 2025-06-01
"""


def figure(tmp_path: Path, page: str, fig_id: str, files: dict | None = None, lesson_for: tuple = ()) -> ET.Element:
    """Render the fixture tree (changed by `files`) and return one figure of one page, parsed as XML."""
    for module_id in lesson_for:  # a module needs its lessons to validate
        for lang in ("ko", "en"):
            files = {**(files or {}), f"curriculum/lessons/{module_id}.{lang}.md": (MINIMAL / f"curriculum/lessons/ai-basics.{lang}.md").read_text()}
    # Built while the programme runs (2025-11-05): the words for what is not known yet (programme_state).
    site = load_site(copy_tree(tmp_path, files), environ={"SOURCE_DATE_EPOCH": "1762300800"})
    assert site.problems == []
    markdown = render_pages(site)[page]
    found = re.search(rf'<figure class="kb-figure" id="{fig_id}">.*?</figure>', markdown)
    assert found, f"{page} has no figure #{fig_id}"
    return ET.fromstring(found.group(0))  # raises if the SVG is not well-formed XML


def links(fig: ET.Element) -> dict[str, str]:
    """{href: accessible name} of every link in the SVG."""
    return {a.get("href"): a.get("aria-label") for a in fig.iter(f"{SVG}a")}


def classes(fig: ET.Element, tag: str) -> list[str]:
    return [e.get("class", "") for e in fig.iter(f"{SVG}{tag}")]


def edges(fig: ET.Element) -> list[str]:
    """Classes of the edges drawn between nodes (the legend's samples are not edges)."""
    group = next(g for g in fig.iter(f"{SVG}g") if g.get("class") == "kb-edges")
    return [e.get("class") for e in group]


def texts(fig: ET.Element) -> str:
    return " ".join("".join(e.itertext()) for e in fig.iter(f"{SVG}text"))


@pytest.mark.parametrize(("here", "target", "url"), [
    ("curriculum/index.md", "modules/ai-basics.md", "../modules/ai-basics/"),
    ("modules/index.md", "modules/ai-basics.md", "ai-basics/"),
    ("modules/index.md", "sessions/s01.md", "../sessions/s01/"),
    ("references/timeline.md", "references/eu-ai-act.md", "../eu-ai-act/"),
    ("curriculum/index.md", "curriculum/index.md#schedule", "#schedule"),
    ("curriculum/index.md", "index.md", "../"),
])
def test_links_in_svg_use_the_built_sites_directory_urls(here, target, url):
    assert page_url(here, target) == url


def test_long_labels_wrap_and_are_cut_with_an_ellipsis_after_the_last_line():
    lines = wrap("Gyeonggi AI administration: the AI Bureau, the AI Registration System and more", 150, 15, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert wrap("피지컬 AI", 150, 15, 2) == ["피지컬 AI"]


@pytest.mark.parametrize("width", [5, 0, -120])
def test_a_box_narrower_than_one_character_still_gets_every_character(width):
    # A map with very many sessions or prerequisite levels leaves columns narrower than a letter
    # (or of negative width); wrapping there once looped for ever and hung validate and the build.
    assert wrap("AI 기초", width, 15, 9) == ["A", "I", "기", "초"]


def test_map_links_every_session_and_module_to_its_page(tmp_path):
    fig = figure(tmp_path, "modules/index.en.md", MAP)
    hrefs = links(fig)
    assert set(hrefs) == {"ai-basics/", "../sessions/s01/", "../sessions/s02/"}
    assert hrefs["ai-basics/"] == "AI basics (Core topics)"
    assert fig.find(f".//{SVG}svg").get("aria-labelledby") == "kb-map-title"
    assert fig.find(f".//{SVG}title").text == "Curriculum map"


def test_a_module_taught_in_a_session_gets_an_edge_and_an_unannounced_one_does_not(tmp_path):
    taught = figure(tmp_path / "a", "modules/index.ko.md", MAP)  # the fixture's s01 teaches ai-basics
    assert edges(taught).count("kb-edge kb-edge--taught") == 1
    assert "회차별로 어떤 모듈을 다루는지는 아직 발표되지 않았습니다" not in texts(taught)
    s01 = (MINIMAL / "curriculum/sessions/s01.yml").read_text().replace("modules: [ai-basics]", "modules: []")
    none = figure(tmp_path / "b", "modules/index.ko.md", MAP, {"curriculum/sessions/s01.yml": s01})
    assert "kb-edge kb-edge--taught" not in edges(none)
    assert "회차별로 어떤 모듈을 다루는지는 아직 발표되지 않았습니다." in texts(none)
    assert classes(none, "rect").count("kb-node-box kb-node-box--session kb-node-box--unknown") == 2


def test_a_prerequisite_puts_the_module_one_column_further_with_an_arrow(tmp_path):
    fig = figure(tmp_path, "modules/index.en.md", MAP, {"curriculum/modules/ai-law.yml": SECOND_MODULE}, lesson_for=("ai-law",))
    assert "ai-law/" in links(fig)
    assert edges(fig).count("kb-edge kb-edge--prereq") == 1
    assert "kb-edge kb-edge--related" not in edges(fig)  # the pair is drawn once, as the prerequisite
    assert "Level 1: builds on earlier levels" in texts(fig)
    boxes = {a.get("href"): float(a.find(f"{SVG}rect").get("x")) for a in fig.iter(f"{SVG}a")}
    assert boxes["ai-law/"] > boxes["ai-basics/"]


def test_map_text_alternative_lists_sessions_and_prerequisites(tmp_path):
    site = load_site(copy_tree(tmp_path, {"curriculum/modules/ai-law.yml": SECOND_MODULE, **{
        f"curriculum/lessons/ai-law.{lang}.md": (MINIMAL / f"curriculum/lessons/ai-basics.{lang}.md").read_text() for lang in ("ko", "en")}}))
    page = render_pages(site)["modules/index.en.md"]
    assert "- [Session 1](../sessions/s01.md) (5 November 2025): [AI basics](ai-basics.md)" in page
    assert "| [AI law](ai-law.md) | Course components | [AI basics](ai-basics.md) | [AI basics](ai-basics.md) |" in page


def test_schedule_puts_dated_sessions_on_the_strip_and_lists_the_others(tmp_path):
    fig = figure(tmp_path / "a", "curriculum/index.en.md", STRIP)
    assert links(fig) == {"../sessions/s01/": "Session 1, Wednesday 5 November 2025", "../sessions/s02/": "Session 2, No date yet"}
    assert len(list(fig.iter(f"{SVG}circle"))) == 1
    assert "Date not announced:" in texts(fig) and "November 2025" in texts(fig)
    s02 = (MINIMAL / "curriculum/sessions/s02.yml").read_text().replace("date: null", "date: 2025-12-10")
    moved = figure(tmp_path / "b", "curriculum/index.en.md", STRIP, {"curriculum/sessions/s02.yml": s02})
    assert links(moved)["../sessions/s02/"] == "Session 2, Wednesday 10 December 2025"
    assert len(list(moved.iter(f"{SVG}circle"))) == 2
    assert "Date not announced:" not in texts(moved)


def test_graphics_are_identical_on_every_run(tmp_path):
    site = load_site(copy_tree(tmp_path))
    assert render_pages(site) == render_pages(site)


# The real build (conftest `site_dir`): every link inside the pictures opens an existing page.

def svg_hrefs(html: str) -> list[str]:
    hrefs = []
    for svg in re.findall(r'<svg [^>]*class="kb-graphic.*?</svg>', html, re.S):
        hrefs += re.findall(r'<a href="([^"]+)"', svg)
    return hrefs


@pytest.mark.build
@pytest.mark.parametrize("page", ["curriculum/", "en/curriculum/", "modules/", "en/modules/", "references/timeline/", "en/references/timeline/"])
def test_every_link_in_the_built_pictures_opens_a_page_in_the_same_language(site_dir, built_repo, page):
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    hrefs = svg_hrefs(html)
    assert hrefs, f"{page} has no picture with links"
    for href in hrefs:
        target = posixpath.normpath(posixpath.join(page, href.split("#")[0]))
        assert (site_dir / target / "index.html").is_file(), f"{page}: {href}"
        assert target.startswith("en/") == page.startswith("en/"), f"{page}: {href} leaves the page's language"
    if "timeline" in page:  # one mark per entry of the list below the picture
        from gyeonggi_kb.pages.timeline import timeline_entries
        assert len(hrefs) == len(timeline_entries(load_site(built_repo)))
    else:
        assert len({h for h in hrefs if "sessions/" in h}) == 8


@pytest.mark.browser
@pytest.mark.build
def test_picture_links_are_reached_with_the_tab_key_and_open_their_page(site_url, page):
    page.goto(site_url + "en/curriculum/")
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('svg.kb-graphic a')"):
            break
    else:
        pytest.fail("no link in the schedule picture can be reached with the Tab key")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Session 1, Wednesday 5 November 2025"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}en/sessions/s01/")


@pytest.mark.browser
@pytest.mark.build
def test_pictures_fit_a_desktop_and_scroll_sideways_on_a_phone_instead_of_shrinking(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for url, least in (("modules/", 680), ("curriculum/", 640)):
        page.goto(site_url + url)
        box = page.locator("svg.kb-graphic").first.bounding_box()
        assert box["width"] >= least, url
        assert page.locator(".kb-graphic-scroll").first.evaluate("e => e.scrollWidth > e.clientWidth"), url
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, f"{url}: the page itself scrolls sideways"
    context.close()
    desktop = browser.new_context(viewport={"width": 1280, "height": 800})
    page = desktop.new_page()
    for url in ("modules/", "curriculum/"):
        page.goto(site_url + url)
        assert not page.locator(".kb-graphic-scroll").first.evaluate("e => e.scrollWidth > e.clientWidth"), f"{url} scrolls on a desktop"
    desktop.close()


# The policy timeline picture draws `render_timeline.timeline_entries`, the list the timeline page prints.

EU_REGULATION = """id: eu-test-regulation
jurisdiction: eu
type: regulation
issuer: {ko: 유럽연합, en: European Union}
ko:
  title: 시험 규칙
  summary: 시험용 규칙입니다.
en:
  title: Test Regulation
  summary: A regulation for tests.
urls:
  ko: null
  en: https://example.org/eu
milestones:
  - date: "2025-03"
    kind: published
    ko: 발행
    en: Published
    source: https://example.org/eu-published
terms: []
sources:
  - title: Example
    url: https://example.org/
reviewed: 2025-06-01
"""


def timeline_figure(tmp_path: Path, lang: str, files: dict | None = None, build_date=None) -> ET.Element:
    from types import SimpleNamespace

    from gyeonggi_kb.pages.timeline import timeline_entries
    from gyeonggi_kb.pages.svg_timeline import render_policy_timeline

    site = load_site(copy_tree(tmp_path, files))
    assert site.problems == []
    site = SimpleNamespace(**{**vars(site), "build_date": build_date})
    return ET.fromstring(render_policy_timeline(timeline_entries(site), site, lang, "references/timeline/index.md"))


def test_timeline_marks_link_every_milestone_and_dated_session_to_its_page(tmp_path):
    fig = timeline_figure(tmp_path, "en")
    names = sorted(a.get("aria-label") for a in fig.iter(f"{SVG}a"))
    assert names == ["22 January 2026: Test Act", "26 December 2024: Test Act", "5 November 2025: Session 1"]
    assert sorted({a.get("href") for a in fig.iter(f"{SVG}a")}) == ["../../sessions/s01/", "../test-act/"]
    korea = [a.find(f"{SVG}circle").get("class") for a in fig.iter(f"{SVG}a") if "Test Act" in a.get("aria-label")]
    assert korea == ["kb-mark kb-mark--korea"] * 2
    assert "Sessions without an announced date (1) are not shown." in texts(fig)


def test_a_new_milestone_known_to_the_month_is_a_box_in_its_jurisdictions_lane(tmp_path):
    fig = timeline_figure(tmp_path, "ko", {"references/eu-test-regulation.yml": EU_REGULATION})
    marks = {a.get("aria-label"): a for a in fig.iter(f"{SVG}a")}
    box = marks["2025년 3월: 시험 규칙"].find(f"{SVG}rect")
    assert box is not None and box.get("class") == "kb-mark kb-mark--eu kb-mark--partial"
    assert marks["2025년 3월: 시험 규칙"].get("href") == "../eu-test-regulation/"
    assert "유럽연합" in texts(fig)


def test_milestones_after_the_build_date_are_hollow_and_the_build_date_is_drawn(tmp_path):
    import datetime as dt

    fig = timeline_figure(tmp_path, "en", build_date=dt.date(2025, 11, 5))
    marks = {a.get("aria-label"): a.find(f"{SVG}circle").get("class") for a in fig.iter(f"{SVG}a")}
    assert marks["22 January 2026: Test Act"] == "kb-mark kb-mark--korea kb-mark--upcoming"
    assert marks["26 December 2024: Test Act"] == "kb-mark kb-mark--korea"
    assert "kb-today" in classes(fig, "path")
    assert "kb-today" not in classes(timeline_figure(tmp_path / "b", "en"), "path")
