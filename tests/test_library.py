"""The reference library's data rules, partial dates and the timeline.

Each validation test breaks one thing in the minimal fixture's reference and
asserts the complete problem list, `path:line: message`.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, copy_tree
from gyeonggi_kb.data import dates
from gyeonggi_kb import load_site
from gyeonggi_kb.pages.timeline import render_timeline, timeline_entries

ACT = (MINIMAL / "references/test-act.yml").read_text(encoding="utf-8")


def problems_with_act(tmp_path, text: str) -> list[str]:
    root = copy_tree(tmp_path, {"references/test-act.yml": text})
    return [str(p) for p in load_site(root).problems]


def test_a_quoted_milestone_date_that_does_not_exist_is_reported(tmp_path):
    text = ACT.replace("- date: 2024-12-26", '- date: "2025-02-30"')
    assert problems_with_act(tmp_path, text) == [
        "references/test-act.yml:15: 'milestones[1].date' is '2025-02-30', which is not a real date; check the month and the day",
    ]


def test_an_unquoted_impossible_date_is_reported_by_the_yaml_reader(tmp_path):
    text = ACT.replace("- date: 2026-01-22", "- date: 2025-02-30")
    problems = problems_with_act(tmp_path, text)
    assert len(problems) == 2
    assert problems[0].startswith("references/test-act.yml:20: '2025-02-30' is not a valid value (")
    assert problems[0].endswith("for a date write YYYY-MM-DD with a real day")
    assert problems[1] == "references/test-act.yml:20: 'milestones[2].date' must be a date written YYYY-MM-DD (or 'YYYY-MM' in quotes when the day is not known), got nothing (null)"


def test_in_force_before_adoption_is_reported_at_the_in_force_line(tmp_path):
    text = ACT.replace("- date: 2026-01-22", "- date: 2024-12-01")
    assert problems_with_act(tmp_path, text) == [
        "references/test-act.yml:20: reference 'test-act' has 'in-force' on 2024-12-01, before it was adopted on 2024-12-26 (line 15); check both dates",
    ]


@pytest.mark.parametrize(
    ("adopted", "in_force", "reported"),
    [
        ("2024-07-15", '"2024-07"', False),  # July may well be after the 15th
        ('"2024-07"', "2024-07-01", False),  # adopted some time in July
        ("2024-07-15", '"2024-06"', True),  # all of June is before 15 July
        ('"2024"', '"2024-03"', False),
        ('"2024-07"', '"2023"', True),
    ],
)
def test_partial_dates_are_compared_as_periods(tmp_path, adopted, in_force, reported):
    text = ACT.replace("- date: 2024-12-26", f"- date: {adopted}").replace("- date: 2026-01-22", f"- date: {in_force}")
    problems = problems_with_act(tmp_path, text)
    assert bool(problems) == reported, problems
    if reported:
        assert problems[0].startswith("references/test-act.yml:20: reference 'test-act' has 'in-force' on ")


def test_an_official_url_that_is_not_http_is_reported(tmp_path):
    text = ACT.replace("ko: https://example.org/ko", "ko: ftp://example.org/ko").replace(
        "source: https://example.org/passed", "source: javascript:alert(1)")
    assert problems_with_act(tmp_path, text) == [
        "references/test-act.yml:12: 'urls.ko' must be an http(s) URL starting with https:// or http://, got 'ftp://example.org/ko'",
        "references/test-act.yml:19: 'milestones[1].source' must be an http(s) URL starting with https:// or http://, got 'javascript:alert(1)'",
    ]


def test_an_unknown_jurisdiction_suggests_the_close_one(tmp_path):
    text = ACT.replace("jurisdiction: korea", "jurisdiction: koreaa")
    assert problems_with_act(tmp_path, text) == [
        "references/test-act.yml:2: 'jurisdiction' must be one of gyeonggi, korea, eu, oecd, unesco, united-states, g7, "
        "council-of-europe, iso-iec, international-summit; got 'koreaa'; did you mean 'korea'?",
    ]


def test_an_unknown_type_suggests_the_close_one(tmp_path):
    text = ACT.replace("type: law", "type: ordinace")
    assert problems_with_act(tmp_path, text) == [
        "references/test-act.yml:3: 'type' must be one of law, regulation, ordinance, recommendation, framework, standard, "
        "declaration, code-of-conduct, guideline, provincial-policy; got 'ordinace'; did you mean 'ordinance'?",
    ]


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2024", "2024-01"),
        ("2024-01", "2024-01-01"),
        ("2024-06-30", "2024-07"),
        ("2024-07", "2024-07-01"),
        ("2024-07-31", "2024-08"),
        ("2024-12-31", "2025"),
    ],
)
def test_a_period_sorts_before_the_days_inside_it(earlier, later):
    as_value = lambda s: dt.date.fromisoformat(s) if len(s) == 10 else s  # noqa: E731
    assert dates.sort_key(as_value(earlier)) < dates.sort_key(as_value(later))


def test_upcoming_means_the_whole_period_is_after_the_build_date():
    today = dt.date(2024, 7, 15)
    assert dates.is_upcoming(dt.date(2024, 7, 16), today)
    assert not dates.is_upcoming(dt.date(2024, 7, 15), today)
    assert not dates.is_upcoming("2024-07", today)  # July has begun
    assert dates.is_upcoming("2024-08", today)
    assert not dates.is_upcoming(dt.date(2030, 1, 1), None)  # no build date: nothing is marked


def test_the_build_date_comes_from_source_date_epoch_in_korean_time(tmp_path):
    assert dates.build_epoch(tmp_path, {"SOURCE_DATE_EPOCH": "1762300800"}) == 1762300800
    assert dates.build_date(1762300800) == dt.date(2025, 11, 5)  # 00:00 UTC is 09:00 in Seoul
    assert dates.build_date(1762354800) == dt.date(2025, 11, 6)  # 15:00 UTC is past midnight in Seoul


def test_without_git_history_the_build_date_is_the_newest_data_file(tmp_path):
    root = copy_tree(tmp_path, {"docs/index.ko.md": "# 홈\n"})  # a copy without .git, as a downloaded archive
    for path in root.rglob("*"):
        os.utime(path, (1762300800, 1762300800))
    os.utime(root / "glossary" / "generative-ai.yml", (1796656620, 1796656620))  # the archive's newest file
    os.utime(root / "docs" / "index.ko.md", (1800000000, 1800000000))  # pages written by a build do not count
    assert dates.build_epoch(root, {}) == 1796656620
    # what the Makefile runs for SOURCE_DATE_EPOCH, with the standard library only
    script = Path(dates.__file__)
    made = subprocess.run([sys.executable, "-I", str(script)], cwd=root, capture_output=True, text=True, check=True)
    assert made.stdout == "1796656620\n"


def test_timeline_merges_milestones_and_dated_sessions_in_order(tmp_path):
    text = ACT.replace("- date: 2026-01-22", '- date: "2025-11"')
    root = copy_tree(tmp_path, {"references/test-act.yml": text})
    site = load_site(root, environ={"SOURCE_DATE_EPOCH": "1762300800"})
    entries = timeline_entries(site)
    assert [(dates.iso(e.date), e.kind, e.subject) for e in entries] == [
        ("2024-12-26", "adopted", "test-act"),
        ("2025-11", "in-force", "test-act"),  # a month sorts before the days inside it
        ("2025-11-05", "session", "s01"),  # s02 has no date and is left out
    ]
    page = render_timeline(entries, "en", site.build_date)
    assert "after the day this site was built (5 November 2025)" in page
    assert page.index("## 2024 {#y2024}") < page.index("## 2025 {#y2025}")
    assert "November 2025 <small>(day not known)</small>" in page
    assert '<span class="kb-upcoming">' not in page  # November 2025 has begun on the build date


def test_timeline_marks_dates_after_the_build_date_as_upcoming(tmp_path):
    site = load_site(copy_tree(tmp_path), environ={"SOURCE_DATE_EPOCH": "1762300800"})
    page = render_timeline(timeline_entries(site), "ko", site.build_date)
    upcoming = [line for line in page.splitlines() if "kb-upcoming" in line]
    assert len(upcoming) == 1 and "2026년 1월 22일" in upcoming[0]


# Checked against ../shared/reference/facts.md (sections 2-8): the documents the issue names, with their key dates.
REQUIRED_DATES = {
    "kr-ai-basic-act": {("adopted", "2024-12-26"), ("in-force", "2026-01-22")},
    "eu-ai-act": {("published", "2024-07-12"), ("in-force", "2024-08-01"), ("applies", "2025-02-02"), ("applies", "2025-08-02")},
    "oecd-ai-principles": {("adopted", "2019-05-22"), ("amended", "2024-05-03")},
    "unesco-ai-ethics-recommendation": {("adopted", "2021-11-23")},
    "nist-ai-rmf": {("published", "2023-01-26")},
    "nist-ai-600-1": {("published", "2024-07-26")},
    "g7-hiroshima-code-of-conduct": {("published", "2023-10-30")},
    "coe-ai-framework-convention": {("adopted", "2024-05-17"), ("signed", "2024-09-05")},
    "iso-iec-42001": {("published", "2023-12")},
    "gg-ai-bureau": {("adopted", "2024-06-27")},
    "gg-ai-registration-system": {("announced", "2025-07-03")},
    "gg-generative-ai-platform": {("launched", "2025-11-04")},
}


def test_the_real_library_has_the_required_documents_with_their_sourced_dates():
    from conftest import REPO
    site = load_site(REPO, environ={"SOURCE_DATE_EPOCH": "1762300800"})
    assert len(site.references) >= 15
    for ref_id, expected in REQUIRED_DATES.items():
        found = {(m.kind, dates.iso(m.date)) for m in site.references[ref_id].milestones}
        assert expected <= found, (ref_id, expected - found)
    for r in site.references.values():
        assert r.sources and all(m.source.startswith(("https://", "http://")) for m in r.milestones), r.id
