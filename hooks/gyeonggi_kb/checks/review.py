"""Review dates: which records to check against their sources again, and when.

Policy facts change after they are written down. Every reference and every
module (with its two lessons) records the day it was last checked against its
sources (`reviewed`); a fact known to be provisional may also say by when to
check it again (`verify_by`, on the record or on one milestone). On a given
day (the build date unless told otherwise) a record is due when:

- it was last reviewed more than `months` calendar months before that day;
- one of its milestones was still ahead when it was reviewed and has begun
  since: text written about the future ("will apply", "reported") may now be
  wrong. A milestone with its own `verify_by` is left to that date instead;
- a `verify_by` date has come.

Re-checking the record and setting `reviewed` clears the first two; a
`verify_by` stays until an editor removes it or moves it on, because it names
one particular thing to check.

Reminders are `Problem`s of kind "review", so they read like every other
message (`path:line: message`), but nothing fails on them: `make review-due`
prints them and exits 0, and the build prints them without failing. A review
date after the build date is different: nobody reviews in the future, so it is
a data problem (`check_review_dates`) and stops the build like any other.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterable, Iterator

from gyeonggi_kb.data import dates
from gyeonggi_kb.problems import Problem

DEFAULT_MONTHS = 6
KIND = "review"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later; the 31st becomes the month's last day where needed."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reviewed_records(references: Iterable, modules: Iterable) -> list[tuple[str, object]]:
    """(how to name it, record) for every record that carries a review date, in path order."""
    named = [(f"reference '{r.id}'", r) for r in references] + [(f"module '{m.id}'", m) for m in modules]
    return sorted(named, key=lambda item: item[1].origin.path)


def check_review_dates(references: Iterable, modules: Iterable, today: dt.date | None) -> Iterator[Problem]:
    """A review date must not be after the build date: a review cannot have happened in the future."""
    if today is None:
        return  # no build date known (no git, no SOURCE_DATE_EPOCH): nothing to compare with
    for name, record in reviewed_records(references, modules):
        if record.reviewed and record.reviewed > today:
            yield Problem(
                record.origin.path, record.origin.line_of("reviewed"),
                f"{name} says it was reviewed on {record.reviewed}, after the build date {today}; a review cannot be "
                "dated in the future, so check the date (the build date is the date of the last commit, or "
                "SOURCE_DATE_EPOCH: if you reviewed it today, commit your change and build again)",
            )


def review_due(references: Iterable, modules: Iterable, today: dt.date | None, months: int = DEFAULT_MONTHS) -> list[Problem]:
    """Everything due for review on `today`, sorted; empty when no day is known."""
    if today is None:
        return []
    due = []
    for name, record in reviewed_records(references, modules):
        due += list(record_due(name, record, today, months))
    return sorted(due)


def record_due(name: str, record, today: dt.date, months: int) -> Iterator[Problem]:
    path, reviewed = record.origin.path, record.reviewed
    if reviewed is None:
        return
    if add_months(reviewed, months) < today:
        yield reminder(
            path, record.origin.line_of("reviewed"),
            f"{name} was last reviewed on {reviewed}, more than {months} month{'s' if months != 1 else ''} before "
            f"{today}; check {'it and its lessons' if hasattr(record, 'lessons') else 'it'} against the sources, "
            "then set 'reviewed' to the day you did",
        )
    for m in getattr(record, "milestones", ()):
        if m.verify_by is None and dates.is_upcoming(m.date, reviewed) and not dates.is_upcoming(m.date, today):
            yield reminder(
                path, m.line,
                f"{name}: the milestone of {dates.iso(m.date)} ({m.kind}) was still ahead when the record was "
                f"reviewed on {reviewed} and has begun since; check that its text and the summary still hold, "
                "then set 'reviewed'",
            )
    for owner, check in [(name, record.verify_by)] + [
        (f"{name}, milestone of {dates.iso(m.date)}", m.verify_by) for m in getattr(record, "milestones", ())
    ]:
        if check is not None and check.date <= today:
            yield reminder(
                path, check.line,
                f"{owner}: its 'verify_by' date {check.date} has come: {sentence(check.note)} "
                "Then update the text, and remove 'verify_by' or move it to a later date",
            )


def sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!")) else text + "."


def reminder(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, message, kind=KIND)


def summary(due: list[Problem], today: dt.date, months: int) -> str:
    files = len({p.path for p in due})
    if not due:
        return f"nothing due for review on {today} (records are due {months} months after their review date)"
    return (
        f"{len(due)} review reminder{'s' if len(due) != 1 else ''} in {files} file{'s' if files != 1 else ''} on {today} "
        f"(records are due {months} months after their review date); reminders, not errors"
    )


def github_annotation(p: Problem) -> str:
    """A workflow command that GitHub shows as a warning on the file and line."""
    message = p.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::warning file={p.path},line={p.line},title=Review due::{message}"


def review_warnings(site, months: int = DEFAULT_MONTHS) -> list[str]:
    """What the build prints: each reminder on its own line, marked as one that does not fail the build."""
    due = review_due(site.references.values(), site.modules.values(), site.build_date, months)
    if not due:
        return []
    return [f"WARNING -  Review due (a reminder, not a build error): {p}" for p in due] + [
        f"WARNING -  {summary(due, site.build_date, months)}; `make review-due` lists them"
    ]
