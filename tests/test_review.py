"""Review dates: validated, shown on the pages, and listed by `make review-due` when due.

One fixture tree holds a record of every kind the reminders know, and is read
on a fixed build date (SOURCE_DATE_EPOCH): the complete list is asserted.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import FIXTURE_EPOCH, MINIMAL, REPO, build_site, copy_tree, fixture_site, run_python
from gyeonggi_kb.data import dates
from gyeonggi_kb import load_site
from gyeonggi_kb.pages.labels import format_date
from gyeonggi_kb.checks.review import add_months, review_due
from gyeonggi_kb.tools.scaffold import scaffold_files


def epoch_of(day: dt.date) -> str:
    """SOURCE_DATE_EPOCH for a build on `day` (noon in Korea)."""
    return str(int(dt.datetime.combine(day, dt.time(12), dates.KST).timestamp()))


BUILD_DAY = dt.date(2026, 2, 1)

# Reviewed 2025-06-01: more than six months before the build day. Its in-force date was
# ahead at the review and has come since; the date it applies carries its own verify_by,
# which has come too, as has the record's own.
STALE_ACT = """id: test-act
jurisdiction: korea
type: law
issuer: {ko: 국회, en: National Assembly}
ko:
  title: 시험법
  summary: 시험용 법률입니다.
en:
  title: Test Act
  summary: An act for tests.
urls:
  ko: https://example.org/ko
  en: null
milestones:
  - date: 2024-12-26
    kind: adopted
    ko: 국회 통과
    en: Passed
    source: https://example.org/passed
  - date: 2026-01-22
    kind: in-force
    ko: 시행 예정
    en: To enter into force
    source: https://example.org/in-force
  - date: "2026-01"
    kind: applies
    ko: 과태료 적용(보도)
    en: Fines apply (reported)
    source: https://example.org/fines
    verify_by:
      date: 2026-01-31
      note: Check whether the grace period was extended.
terms: [generative-ai]
sources:
  - title: Example
    url: https://example.org/
reviewed: 2025-06-01
verify_by:
  date: 2026-01-15
  note: Check the Official Journal reference.
"""

# Reviewed recently: its upcoming milestone and its verify_by are still ahead.
FRESH_ACT = """id: fresh-act
jurisdiction: eu
type: regulation
issuer: {ko: 유럽연합, en: European Union}
ko:
  title: 새 규칙
  summary: 시험용 규칙입니다.
en:
  title: Fresh Regulation
  summary: A regulation for tests.
urls:
  ko: null
  en: https://example.org/eu
milestones:
  - date: 2025-12-01
    kind: adopted
    ko: 채택
    en: Adopted
    source: https://example.org/adopted
  - date: "2026-03"
    kind: applies
    ko: 적용 예정
    en: To apply
    source: https://example.org/applies
terms: []
sources:
  - title: Example
    url: https://example.org/
reviewed: 2026-01-20
verify_by:
  date: 2026-06-30
  note: Check the application date.
"""

MODULE = (MINIMAL / "curriculum/modules/ai-basics.yml").read_text(encoding="utf-8")
TREE = {
    "references/test-act.yml": STALE_ACT,
    "references/fresh-act.yml": FRESH_ACT,
    "curriculum/modules/ai-basics.yml": MODULE.replace("reviewed: 2025-06-01", "reviewed: 2026-01-30"),
}


def due_on(root, day: dt.date, months: int = 6) -> list[str]:
    site = load_site(root, environ={"SOURCE_DATE_EPOCH": epoch_of(day)})
    assert [str(p) for p in site.problems] == []
    return [str(p) for p in review_due(site.references.values(), site.modules.values(), site.build_date, months)]


def test_stale_records_passed_milestones_and_verify_by_dates_are_listed_and_fresh_ones_are_not(tmp_path):
    assert due_on(copy_tree(tmp_path, TREE), BUILD_DAY) == [
        "references/test-act.yml:20: reference 'test-act': the milestone of 2026-01-22 (in-force) was still ahead when "
        "the record was reviewed on 2025-06-01 and has begun since; check that its text and the summary still hold, then set 'reviewed'",
        "references/test-act.yml:30: reference 'test-act', milestone of 2026-01: its 'verify_by' date 2026-01-31 has come: "
        "Check whether the grace period was extended. Then update the text, and remove 'verify_by' or move it to a later date",
        "references/test-act.yml:37: reference 'test-act' was last reviewed on 2025-06-01, more than 6 months before 2026-02-01; "
        "check it against the sources, then set 'reviewed' to the day you did",
        "references/test-act.yml:38: reference 'test-act': its 'verify_by' date 2026-01-15 has come: "
        "Check the Official Journal reference. Then update the text, and remove 'verify_by' or move it to a later date",
    ]


def test_a_new_review_clears_what_time_made_due_but_not_a_verify_by(tmp_path):
    tree = {**TREE, "references/test-act.yml": STALE_ACT.replace("reviewed: 2025-06-01", "reviewed: 2026-01-31")}
    due = due_on(copy_tree(tmp_path, tree), BUILD_DAY)
    assert [line.split(": ", 1)[0] for line in due] == ["references/test-act.yml:30", "references/test-act.yml:38"]
    assert all("'verify_by'" in line for line in due)


def test_nothing_is_due_on_a_day_when_everything_is_fresh(tmp_path):
    assert due_on(copy_tree(tmp_path), dt.date(2025, 11, 5)) == []


def test_the_number_of_months_is_configurable(tmp_path):
    root = copy_tree(tmp_path, TREE)
    stale = [line for line in due_on(root, dt.date(2026, 5, 1), months=3) if "was last reviewed" in line]
    assert [line.split(": ", 1)[0] for line in stale] == [
        "curriculum/modules/ai-basics.yml:21", "references/fresh-act.yml:29", "references/test-act.yml:37",
    ]
    assert "more than 3 months before 2026-05-01" in stale[0]
    assert not [line for line in due_on(root, dt.date(2026, 5, 1)) if "fresh-act" in line and "was last reviewed" in line]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 6, 7), 6, dt.date(2026, 12, 7)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),  # no 31 February: the month's last day
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2026, 1, 15), 12, dt.date(2027, 1, 15)),
    ],
)
def test_months_are_calendar_months(day, months, expected):
    assert add_months(day, months) == expected


def test_exactly_six_months_is_not_yet_due_and_one_day_more_is(tmp_path):
    root = copy_tree(tmp_path, {"references/test-act.yml": STALE_ACT.split("verify_by:\n  date: 2026-01-15")[0]})
    assert not [line for line in due_on(root, dt.date(2025, 12, 1)) if "was last reviewed" in line]
    assert [line for line in due_on(root, dt.date(2025, 12, 2)) if "was last reviewed" in line]


def test_a_review_date_after_the_build_date_is_a_data_problem_at_its_line(tmp_path):
    root = copy_tree(tmp_path, {"curriculum/modules/ai-basics.yml": MODULE.replace("reviewed: 2025-06-01", "reviewed: 2026-12-07")})
    site = load_site(root, environ={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert [str(p) for p in site.problems] == [
        "curriculum/modules/ai-basics.yml:21: module 'ai-basics' says it was reviewed on 2026-12-07, after the build date "
        "2025-11-05; a review cannot be dated in the future, so check the date (the build date is the date of the last "
        "commit, or SOURCE_DATE_EPOCH: if you reviewed it today, commit your change and build again)",
    ]
    result = run_python("-m", "gyeonggi_kb", "validate", cwd=root, env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert result.returncode == 1 and "curriculum/modules/ai-basics.yml:21: module 'ai-basics' says it was reviewed" in result.stderr


def test_a_review_date_must_be_a_real_date(tmp_path):
    text = (MINIMAL / "references/test-act.yml").read_text(encoding="utf-8").replace("reviewed: 2025-06-01", "reviewed: '2025-06'")
    assert [str(p) for p in load_site(copy_tree(tmp_path, {"references/test-act.yml": text})).problems] == [
        "references/test-act.yml:29: 'reviewed' must be a date written YYYY-MM-DD, got '2025-06'",
    ]


def test_every_reference_and_module_needs_a_review_date(tmp_path):
    text = (MINIMAL / "references/test-act.yml").read_text(encoding="utf-8").replace("reviewed: 2025-06-01\n", "")
    problems = [str(p) for p in load_site(copy_tree(tmp_path, {"references/test-act.yml": text})).problems]
    assert problems == [
        "references/test-act.yml:1: missing required key 'reviewed' (the day this record (a module: with its lessons) was "
        "last checked against its sources, never after the build date); add 'reviewed: ...'",
    ]


def test_review_due_prints_path_line_lists_and_exits_0(tmp_path):
    root = copy_tree(tmp_path, TREE)
    result = run_python("-m", "gyeonggi_kb", "review-due", cwd=root, env={"SOURCE_DATE_EPOCH": epoch_of(BUILD_DAY)})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines[:-1]] == [
        "references/test-act.yml:20", "references/test-act.yml:30", "references/test-act.yml:37", "references/test-act.yml:38",
    ]
    assert lines[-1] == "4 review reminders in 1 file on 2026-02-01 (records are due 6 months after their review date); reminders, not errors"


def test_review_due_takes_a_day_months_and_github_annotations(tmp_path):
    root = copy_tree(tmp_path, TREE)
    env = {"SOURCE_DATE_EPOCH": epoch_of(BUILD_DAY)}
    later = run_python("-m", "gyeonggi_kb", "review-due", "--today", "2026-08-01", "--months", "3", "--format", "github", cwd=root, env=env)
    assert later.returncode == 0, later.stderr
    annotations = [line for line in later.stdout.splitlines() if line.startswith("::warning ")]
    assert "::warning file=references/fresh-act.yml,line=20,title=Review due::reference 'fresh-act': the milestone of 2026-03 (applies)" in later.stdout
    assert "::warning file=curriculum/modules/ai-basics.yml,line=21,title=Review due::module 'ai-basics' was last reviewed on 2026-01-30, more than 3 months before 2026-08-01" in later.stdout
    assert len(annotations) == 8  # every kind of reminder, in all three files
    nothing = run_python("-m", "gyeonggi_kb", "review-due", "--today", "2025-11-05", cwd=root, env=env)
    assert nothing.stdout == "nothing due for review on 2025-11-05 (records are due 6 months after their review date)\n"
    bad = run_python("-m", "gyeonggi_kb", "review-due", "--months", "six", cwd=root, env=env)
    assert bad.returncode == 2 and "'six' is not a number of months" in bad.stderr


def test_make_review_due_is_a_documented_target():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "review-due: $(BIN)/.installed ## " in makefile
    assert '--months "$(MONTHS)"' in makefile and '--today "$(TODAY)"' in makefile
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make review-due" in readme and "verify_by" in readme and "reviewed:" in readme


def test_a_new_reference_or_module_starts_reviewed_on_the_build_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    root = copy_tree(tmp_path)
    for kind, rel in (("reference", "references/new-act.yml"), ("module", "curriculum/modules/new-module.yml")):
        text = scaffold_files(root, kind, rel.rsplit("/", 1)[1][:-4])[rel]
        assert "\nreviewed: 2025-11-05  # TODO: the day you check this record against its sources\n" in text
        assert "\n# verify_by: (optional) " in text


@pytest.mark.build
def test_the_strict_build_prints_the_reminders_and_does_not_fail(tmp_path):
    root = fixture_site(tmp_path)
    result = build_site(root, epoch=epoch_of(dt.date(2026, 6, 1)))
    assert result.returncode == 0, result.stdout + result.stderr
    reminders = [line for line in result.stderr.splitlines() if "Review due" in line]
    assert reminders == [
        "WARNING -  Review due (a reminder, not a build error): curriculum/modules/ai-basics.yml:21: module 'ai-basics' was "
        "last reviewed on 2025-06-01, more than 6 months before 2026-06-01; check it and its lessons against the sources, then set 'reviewed' to the day you did",
        "WARNING -  Review due (a reminder, not a build error): references/test-act.yml:20: reference 'test-act': the milestone "
        "of 2026-01-22 (in-force) was still ahead when the record was reviewed on 2025-06-01 and has begun since; check that "
        "its text and the summary still hold, then set 'reviewed'",
        "WARNING -  Review due (a reminder, not a build error): references/test-act.yml:29: reference 'test-act' was last "
        "reviewed on 2025-06-01, more than 6 months before 2026-06-01; check it against the sources, then set 'reviewed' to the day you did",
    ]
    assert "3 review reminders in 2 files on 2026-06-01" in result.stderr
    for prefix, shown in (("", "내용 기준일"), ("en/", "Reviewed on")):
        for page in ("references/test-act", "modules/ai-basics"):
            html = (root / "site" / prefix / page / "index.html").read_text(encoding="utf-8")
            assert f'<strong>{shown}</strong>: <time datetime="2025-06-01">' in html


def test_every_reference_and_module_page_shows_its_review_date_in_both_languages(site_dir):
    site = load_site(REPO)
    for folder, records in (("references", site.references), ("modules", site.modules)):
        for record in records.values():
            for prefix, lang, shown in (("", "ko", "내용 기준일"), ("en/", "en", "Reviewed on")):
                html = (site_dir / prefix / folder / record.id / "index.html").read_text(encoding="utf-8")
                day = record.reviewed
                assert f'<strong>{shown}</strong>: <time datetime="{day.isoformat()}">{format_date(day, lang)}</time>' in html, (folder, record.id, lang)


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("references/eu-ai-act/", "내용 기준일"),
        ("en/references/eu-ai-act/", "Reviewed on"),
        ("modules/ai-law-institutions/", "내용 기준일"),
        ("en/modules/ai-law-institutions/", "Reviewed on"),
    ],
)
def test_a_reader_on_a_phone_sees_the_review_date(browser, site_url, path, shown):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + path)
    fact = page.locator("li", has=page.locator(f"strong:text-is('{shown}')"))
    day = fact.locator("time")
    assert fact.is_visible() and day.is_visible()
    site = load_site(REPO)
    record = site.references["eu-ai-act"] if "references/" in path else site.modules["ai-law-institutions"]
    assert day.get_attribute("datetime") == record.reviewed.isoformat()
    assert day.inner_text() == format_date(record.reviewed, "en" if path.startswith("en/") else "ko")
    box = fact.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375  # no sideways scrolling to read it
    context.close()
