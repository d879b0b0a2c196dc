"""The site says where the programme stands on the build date, in the right tense, in both languages.

The phase (upcoming, running, completed) is derived from the programme's
period, the session dates and the build date (SOURCE_DATE_EPOCH), never the
clock. The fixture programme runs from 2025-11-05 to 2025-12-19, with
session 1 on its first day and session 2 never dated; the small fixture site
is built three times, before, during and after it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import fixture_site, run_python
from gyeonggi_kb import load_site
from gyeonggi_kb.pages.programme_state import COMPLETED, RUNNING, UPCOMING, programme_phase, session_status, worded

# Noon in Seoul on each day, as SOURCE_DATE_EPOCH.
BUILD_DATES = {
    UPCOMING: ("2025-10-01", "1759287600"),
    RUNNING: ("2025-11-20", "1763607600"),
    COMPLETED: ("2026-12-01", "1796094000"),
}


@pytest.fixture(scope="module")
def fixture_records(tmp_path_factory):
    site = load_site(fixture_site(tmp_path_factory.mktemp("records")), environ={"SOURCE_DATE_EPOCH": BUILD_DATES[RUNNING][1]})
    assert site.problems == []
    return site


@pytest.mark.parametrize("today, phase", [
    ("2025-11-04", UPCOMING), ("2025-11-05", RUNNING), ("2025-12-19", RUNNING), ("2025-12-20", COMPLETED), (None, None),
])
def test_the_phase_follows_the_programme_period_and_the_build_date(fixture_records, today, phase):
    day = dt.date.fromisoformat(today) if today else None
    assert programme_phase(fixture_records.programme, fixture_records.sessions.values(), day) == phase


def test_a_session_dated_outside_the_announced_period_stretches_it(fixture_records):
    late = replace(fixture_records.sessions["s02"], date=dt.date(2026, 1, 9))
    sessions = [fixture_records.sessions["s01"], late]
    assert programme_phase(fixture_records.programme, sessions, dt.date(2025, 12, 24)) == RUNNING
    assert programme_phase(fixture_records.programme, sessions, dt.date(2026, 1, 10)) == COMPLETED


def test_the_site_derives_its_phase_from_source_date_epoch(tmp_path):
    root = fixture_site(tmp_path)
    for phase, (_day, epoch) in BUILD_DATES.items():
        assert load_site(root, environ={"SOURCE_DATE_EPOCH": epoch}).phase == phase


def test_words_change_only_where_the_table_has_a_variant():
    assert worded("not_announced", RUNNING, "ko") == "발표되지 않음"
    assert worded("not_announced", UPCOMING, "en") == "Not yet announced"
    assert worded("not_announced", COMPLETED, "ko") == "공개되지 않음"
    assert worded("not_announced", COMPLETED, "en") == "Not published"
    assert worded("not_announced", None, "en") == "Not yet announced"  # no build date: the words of a running programme
    assert worded("session", COMPLETED, "en") == "Session"


def test_a_session_still_scheduled_after_its_day_is_not_claimed_as_held(fixture_records):
    scheduled = replace(fixture_records.sessions["s01"], status="scheduled")
    assert session_status(scheduled, RUNNING, dt.date(2025, 11, 4), "en") == "Scheduled"
    assert session_status(scheduled, RUNNING, dt.date(2025, 11, 20), "en") == "Was scheduled; not confirmed as held"
    assert session_status(fixture_records.sessions["s02"], COMPLETED, dt.date(2026, 12, 1), "ko") == "공개되지 않음"


# --- built fixture sites, one per phase -----------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    sites = {}
    for phase, (_day, epoch) in BUILD_DATES.items():
        root = fixture_site(tmp_path_factory.mktemp(phase))
        result = run_python("-m", "mkdocs", "build", "--strict", cwd=root, env={"SOURCE_DATE_EPOCH": epoch})
        assert result.returncode == 0, result.stdout + result.stderr
        sites[phase] = root / "site"
    return sites


def text_of(site: Path, url: str) -> str:
    """The page's article as plain text (tags dropped, white space collapsed), SVG text included."""
    page = (site / url / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


# Per phase and language: what the overview, a session whose facts were never published, the schedule
# picture, the recaps index and the timeline must say.
EXPECTED = {
    (UPCOMING, "ko"): ["진행 상황 시작 전", "2025년 11월 5일부터 2025년 12월 19일까지 열릴 예정입니다", "발표되지 않음", "날짜 미발표:", "교육이 시작되면", "교육 기간(예정)"],
    (UPCOMING, "en"): ["Status Not started yet", "it is to run from 5 November 2025 to 19 December 2025", "Not yet announced", "Date not announced:", "Once the programme starts", "Programme period (upcoming)"],
    (RUNNING, "ko"): ["진행 상황 진행 중", "2025년 11월 5일부터 2025년 12월 19일까지 진행되고 있습니다", "발표되지 않음", "날짜 미발표:", "진행된 회차를", "교육 기간 2025년 11월 5일 – 2025년 12월 19일."],
    (RUNNING, "en"): ["Status In progress", "it runs from 5 November 2025 to 19 December 2025 and is under way", "Not yet announced", "Date not announced:", "Summaries of sessions that have taken place", "Programme period 5 November 2025 – 19 December 2025."],
    (COMPLETED, "ko"): ["진행 상황 종료", "2025년 11월 5일부터 2025년 12월 19일까지 운영되었습니다", "공개되지 않음", "날짜 미공개:", "교육은 2025년 12월 19일에 끝났습니다", "(종료)"],
    (COMPLETED, "en"): ["Status Completed", "it ran from 5 November 2025 to 19 December 2025", "Not published", "Date not published:", "The programme ended on 19 December 2025", "(completed)"],
}
# Words that must not appear in a phase, in any of those pages.
WRONG = {
    UPCOMING: {"ko": ["운영되었습니다", "진행되고 있습니다", "공개되지 않음"], "en": ["it ran from", "is under way", "Not published"]},
    RUNNING: {"ko": ["운영되었습니다", "열릴 예정", "공개되지 않음"], "en": ["it ran from", "it is to run", "Not published"]},
    COMPLETED: {"ko": ["발표되지 않음", "진행되고 있습니다", "열릴 예정", "아직 게시되지"], "en": ["Not yet announced", "is under way", "it is to run", "not yet published"]},
}


@pytest.mark.build
@pytest.mark.parametrize("phase", [UPCOMING, RUNNING, COMPLETED])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_generated_pages_speak_in_the_tense_of_the_build_date(built, phase, lang):
    site = built[phase] / ("" if lang == "ko" else "en")
    overview, session, recaps, timeline = (text_of(site, u) for u in ("curriculum", "sessions/s02", "curriculum/recaps", "references/timeline"))
    status_row, sentence, unknown, strip, recaps_intro, timeline_caption = EXPECTED[(phase, lang)]
    assert status_row in overview
    assert sentence in overview
    assert unknown in session and unknown in overview
    assert strip in overview
    assert recaps_intro in recaps
    assert timeline_caption in timeline
    for words in WRONG[phase][lang]:
        for name, text in (("overview", overview), ("session", session), ("recaps", recaps), ("timeline", timeline)):
            assert words not in text, f"{phase}, {lang}: the {name} page says '{words}'"
