"""sessions.ics and the Atom feeds, read back with real parsers (icalendar, feedparser)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import feedparser
import icalendar

from conftest import copy_tree
from gyeonggi_kb import load_site
from gyeonggi_kb.publish.files import language_files
from test_recaps import RECAP

EPOCH = {"SOURCE_DATE_EPOCH": "1762300800"}  # 2025-11-05 00:00 UTC
SITE_URL = "https://kb.example.org/"


def exports(tmp_path, files=None) -> dict:
    site = load_site(copy_tree(tmp_path, files), environ=EPOCH)
    assert site.problems == []
    return language_files(site, SITE_URL)


def events(ics: str) -> list:
    return list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))


def test_every_language_gets_a_calendar_and_a_feed(tmp_path):
    assert sorted(exports(tmp_path)) == ["en/recaps.atom.xml", "en/sessions.ics", "recaps.atom.xml", "sessions.ics"]


def test_the_calendar_parses_and_holds_only_dated_sessions(tmp_path):
    ics = exports(tmp_path)["sessions.ics"]
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    (event,) = events(ics)  # s02 has no date: left out, not guessed
    assert str(event["UID"]) == "s01@test-programme"
    assert event.decoded("DTSTART") == dt.date(2025, 11, 5)  # no times announced: an all-day event
    assert event.decoded("DTEND") == dt.date(2025, 11, 6)
    assert event.decoded("DTSTAMP") == dt.datetime(2025, 11, 5, tzinfo=dt.timezone.utc)
    assert str(event["SUMMARY"]) == "시험 교육과정 제1회차: 첫 회차"
    assert str(event["LOCATION"]) == "세미나실"
    assert str(event["URL"]) == "https://kb.example.org/sessions/s01/"
    english = events(exports(tmp_path / "en")["en/sessions.ics"])[0]
    assert str(english["SUMMARY"]) == "Test programme Session 1: First session"
    assert str(english["URL"]) == "https://kb.example.org/en/sessions/s01/"


def test_announced_times_are_local_to_seoul_with_a_vtimezone(tmp_path):
    session = (copy_tree(tmp_path / "a") / "curriculum/sessions/s01.yml").read_text()
    session = session.replace("status: held", "status: held\nstart_time: '14:00'\nend_time: '17:30'")
    ics = exports(tmp_path / "b", {"curriculum/sessions/s01.yml": session})["sessions.ics"]
    calendar = icalendar.Calendar.from_ical(ics)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Asia/Seoul"
    (event,) = events(ics)
    assert event["DTSTART"].params["TZID"] == "Asia/Seoul"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.utcoffset() == dt.timedelta(hours=9) and end.utcoffset() == dt.timedelta(hours=9)
    seoul = zoneinfo.ZoneInfo("Asia/Seoul")
    assert start == dt.datetime(2025, 11, 5, 14, 0, tzinfo=seoul)
    assert end == dt.datetime(2025, 11, 5, 17, 30, tzinfo=seoul)


def test_calendar_lines_are_crlf_and_folded_at_75_octets(tmp_path):
    note = "김동연 경기도지사가 참석해 인사말을 했습니다; 주제, 강사는 발표되지 않았습니다. " * 3
    session = (copy_tree(tmp_path / "a") / "curriculum/sessions/s01.yml").read_text()
    session = session.replace("  venue: 세미나실\n", f"  venue: 세미나실\n  note: '{note}'\n")
    ics = exports(tmp_path / "b", {"curriculum/sessions/s01.yml": session})["sessions.ics"]
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    assert max(len(line.encode("utf-8")) for line in ics.split("\r\n")) <= 75
    assert str(events(ics)[0]["DESCRIPTION"]).startswith(note.strip())  # unfolded and unescaped intact


def test_the_feeds_parse_with_stable_tag_ids_and_dates_from_the_data(tmp_path):
    files = exports(tmp_path, {"curriculum/recaps/s01.en.md": RECAP})
    feed = feedparser.parse(files["en/recaps.atom.xml"])
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.language == "en"
    assert feed.feed.updated == "2025-11-06T00:00:00+09:00"
    assert [(e.id, e.link, e.published) for e in feed.entries] == [
        ("tag:test-programme,2025-11-05:programme/announced/en", "https://kb.example.org/en/curriculum/", "2025-11-06T00:00:00+09:00"),
        ("tag:test-programme,2025-11-05:recaps/s01/en", "https://kb.example.org/en/recaps/s01/", "2025-11-05T00:00:00+09:00"),
    ]
    assert feed.entries[1].title == "Session 1 recap"
    assert "<li>It took place.</li>" in feed.entries[1].content[0].value
    korean = feedparser.parse(files["recaps.atom.xml"])
    assert korean.bozo == 0 and [e.id for e in korean.entries] == ["tag:test-programme,2025-11-05:programme/announced/ko"]


def test_exports_do_not_depend_on_the_clock_or_the_checkout(tmp_path):
    first = exports(tmp_path / "a", {"curriculum/recaps/s01.en.md": RECAP})
    second = exports(tmp_path / "b", {"curriculum/recaps/s01.en.md": RECAP})
    assert first == second
