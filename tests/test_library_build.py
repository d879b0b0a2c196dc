"""The reference library, timeline, recaps, calendar, feeds and JSON-LD in the real built site."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import icalendar
import pytest
import yaml

from conftest import REPO

pytestmark = pytest.mark.build

LANGS = {"ko": "", "en": "en/"}
LEGISLATION = ("law", "regulation", "ordinance")


def html(site_dir: Path, url: str) -> str:
    return (site_dir / url.strip("/") / "index.html").read_text(encoding="utf-8")


def json_ld(page: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]


def records(folder: str) -> dict:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / folder).glob("*.yml"))}


def recaps() -> dict:
    found = {}
    for path in sorted((REPO / "curriculum/recaps").glob("s*.md")):
        found[path.name] = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    return found


REFERENCES = records("references")
SESSIONS = records("curriculum/sessions")


def test_the_programme_overview_carries_a_course_with_its_instance(site_dir):
    for prefix in LANGS.values():
        (course,) = json_ld(html(site_dir, prefix + "curriculum"))
        assert course["@context"] == "https://schema.org" and course["@type"] == "Course"
        (instance,) = course["hasCourseInstance"]
        assert instance["@type"] == "CourseInstance"
        assert (instance["startDate"], instance["endDate"]) == ("2025-11-05", "2025-12-19")
        assert course["provider"]["@type"] == instance["organizer"]["@type"] == "Organization"


def test_dated_sessions_are_events_and_undated_sessions_are_not(site_dir):
    for session_id, data in SESSIONS.items():
        for prefix in LANGS.values():
            blocks = json_ld(html(site_dir, f"{prefix}sessions/{session_id}"))
            if data["date"] is None:
                assert blocks == [], session_id
                continue
            (event,) = blocks
            assert event["@type"] == "Event" and event["startDate"].startswith(str(data["date"]))


def test_laws_regulations_and_ordinances_are_legislation(site_dir):
    for ref_id, data in REFERENCES.items():
        for prefix in LANGS.values():
            blocks = json_ld(html(site_dir, f"{prefix}references/{ref_id}"))
            assert [b["@type"] for b in blocks] == (["Legislation"] if data["type"] in LEGISLATION else []), ref_id


def test_the_library_index_groups_every_reference_by_jurisdiction_and_by_type(site_dir):
    for lang, prefix in LANGS.items():
        page = html(site_dir, prefix + "references")
        for ref_id in REFERENCES:
            assert page.count(f'href="../references/{ref_id}/"') + page.count(f'href="{ref_id}/"') == 2, (lang, ref_id)
        assert ('id="jurisdiction-gyeonggi">경기도' if lang == "ko" else 'id="jurisdiction-gyeonggi">Gyeonggi Province') in page
        assert ('id="type-ordinance">조례' if lang == "ko" else 'id="type-ordinance">Ordinances') in page
        assert re.search(r'<div class="kb-filter" data-kb-filter hidden>', page)  # invisible without JavaScript


def test_the_timeline_is_in_the_nav_and_in_chronological_order(site_dir):
    for lang, prefix in LANGS.items():
        page = html(site_dir, prefix + "references/timeline")
        assert ("AI 정책 연표" if lang == "ko" else "AI policy timeline") in page
        years = [int(y) for y in re.findall(r'<h2 id="y(\d{4})"', page)]
        assert years == sorted(years) and len(years) >= 5
        assert 'href="../references/timeline/"' in html(site_dir, prefix + "references") or 'href="timeline/"' in html(site_dir, prefix + "references")
    assert "1 January" not in html(site_dir, "en/references/timeline")  # partial dates are never shown as the 1st


def test_every_session_page_links_a_recap_or_says_there_is_none(site_dir):
    written = {data["session"] for data in recaps().values()}
    for session_id in SESSIONS:
        for lang, prefix in LANGS.items():
            page = html(site_dir, f"{prefix}sessions/{session_id}")
            if session_id in written:
                assert f'href="../../recaps/{session_id}/"' in page
            else:
                # built at the last commit's date, after the programme ended
                assert ("요약 없음(이 회차를 다룬 공개 자료를 찾지 못함)" if lang == "ko" else "None (no public source about this session was found)") in page


def test_everything_a_recap_names_links_back_to_it_in_both_languages(site_dir):
    assert recaps(), "the s01 recap must exist"
    for name, data in recaps().items():
        back = f'href="../../recaps/{data["session"]}/"'
        pages = [f"modules/{m}" for m in data["modules"]] + [f"glossary/{t}" for t in data["terms"]] + [f"references/{r}" for r in data["references"]]
        for page in pages:
            for prefix in LANGS.values():
                assert back in html(site_dir, prefix + page), (name, prefix + page)
        recap_page = html(site_dir, ("en/" if name.endswith(".en.md") else "") + f"recaps/{data['session']}")
        for page in pages:
            assert f'href="../../{page}/"' in recap_page, (name, page)


def test_the_calendars_are_linked_from_the_schedule_and_parse(site_dir):
    for prefix in LANGS.values():
        assert 'href="../sessions.ics"' in html(site_dir, prefix + "curriculum")
        calendar = icalendar.Calendar.from_ical((site_dir / prefix / "sessions.ics").read_bytes())
        uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
        assert uids == sorted(f"{s}@gyeonggi-ai-admin-expert-2025" for s, d in SESSIONS.items() if d["date"] is not None)
        assert [str(t["TZID"]) for t in calendar.walk("VTIMEZONE")] == ["Asia/Seoul"]


def test_the_feeds_parse_and_every_page_head_links_its_language_feed(site_dir):
    for lang, prefix in LANGS.items():
        feed = feedparser.parse((site_dir / prefix / "recaps.atom.xml").read_bytes())
        assert feed.bozo == 0 and feed.feed.language == lang
        assert all(entry.id.startswith("tag:gyeonggi-ai-admin-expert-2025,") for entry in feed.entries)
        assert any("/recaps/s01/" in entry.link for entry in feed.entries)
        for page in ("", "references", "recaps/s01"):
            head = html(site_dir, prefix + page).split("</head>")[0]
            (href,) = re.findall(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', head)
            assert urljoin(f"http://x/{prefix}{page}/".replace("//", "/").replace("http:/", "http://"), href) == f"http://x/{prefix}recaps.atom.xml"
