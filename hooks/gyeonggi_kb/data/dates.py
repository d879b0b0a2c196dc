"""Dates that may be partial ('YYYY-MM', 'YYYY'), and the build date.

Many milestones are known only to the month ("enacted in July 2024") or the
year. A partial date stands for a period, so comparing two of them must ask
whether one is *certainly* before the other (the end of one period before the
start of the other), and sorting puts a period before the days inside it
('2024-07' before '2024-07-01'), the way a chronicle reads.

The build date says which dates are "upcoming". It comes from
SOURCE_DATE_EPOCH (the Makefile sets it from `build_epoch`), else from the
last commit itself, else (no git history) from the newest data file; never
from the wall clock, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import calendar
import datetime as dt
import subprocess
from pathlib import Path

# The programme is Korean: a build date is read in Korea's time zone (no DST since 1988).
KST = dt.timezone(dt.timedelta(hours=9), "KST")


def parts(value) -> tuple:
    """(year, month or 0, day or 0) of a date or a partial date string."""
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    numbers = [int(p) for p in str(value).split("-")]
    return tuple(numbers + [0] * (3 - len(numbers)))


def precision(value) -> str:
    """'day', 'month' or 'year'."""
    year, month, day = parts(value)
    return "day" if day else ("month" if month else "year")


def first_day(value) -> dt.date:
    year, month, day = parts(value)
    return dt.date(year, month or 1, day or 1)


def last_day(value) -> dt.date:
    year, month, day = parts(value)
    if day:
        return dt.date(year, month, day)
    if month:
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 12, 31)


def sort_key(value) -> tuple:
    """Chronological order; a period sorts before the days inside it."""
    return parts(value)


def iso(value) -> str:
    """ISO 8601 at the precision known: '2024-07-01', '2024-07' or '2024'."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def certainly_before(a, b) -> bool:
    """True when every day `a` may stand for is earlier than every day `b` may stand for."""
    return last_day(a) < first_day(b)


def is_upcoming(value, today: dt.date | None) -> bool:
    """A date (or the whole period of a partial date) after the build date."""
    return today is not None and first_day(value) > today


# The site's data: without git, their newest modification time stands for the last commit.
DATA_SOURCES = ("curriculum", "glossary", "references", "mkdocs.yml")


def build_epoch(root: Path, environ) -> int | None:
    """Seconds since the epoch for this build: SOURCE_DATE_EPOCH, else the last commit, else the newest data file.

    The last fallback is for a copy without git history (a downloaded archive,
    whose files keep the commit's time): a fixed date would make a current
    site read as if built before its own review dates.
    """
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=30)
        if out.returncode == 0 and out.stdout.strip().isdigit():
            return int(out.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass  # no git: fall back to the data
    return newest_data_mtime(root)


def newest_data_mtime(root: Path) -> int | None:
    """The newest modification time (whole seconds) of the files in DATA_SOURCES; None when there are none."""
    times = []
    for name in DATA_SOURCES:
        source = root / name
        files = source.rglob("*") if source.is_dir() else [source]
        times += [int(path.stat().st_mtime) for path in files if path.is_file()]
    return max(times, default=None)


def build_date(epoch: int | None) -> dt.date | None:
    return None if epoch is None else dt.datetime.fromtimestamp(epoch, KST).date()


if __name__ == "__main__":  # the Makefile's SOURCE_DATE_EPOCH: python3 hooks/gyeonggi_kb/data/dates.py (standard library only)
    print(build_epoch(Path.cwd(), {}) or "")
