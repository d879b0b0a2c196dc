"""Where the programme stands on the build date, and the words that go with it. No I/O.

The programme is upcoming, running or completed. That is derived here and
nowhere else, from the programme's period, the session dates and the build
date (dates.build_date: SOURCE_DATE_EPOCH or the last commit, never the
clock), so every generated page speaks in the same tense and two builds of
one commit say the same thing.

The tense lives in the label table (labels.py), not in the data: a label
`key` is what the pages say before and while the programme runs; where the
words must change, the table also has `key_upcoming` (before the first day)
and `key_completed` (after the last day), and `worded` picks the right one. A
fact that was not known while the programme ran was "not yet announced"; once
it is over, what was never published is "not published", which promises
nothing. Without a build date the phase is unknown (None) and the pages keep
the words used while a programme runs.
"""

from __future__ import annotations

import datetime as dt

from .labels import LABELS, label

UPCOMING, RUNNING, COMPLETED = "upcoming", "running", "completed"


def programme_phase(programme, sessions, today: dt.date | None) -> str | None:
    """UPCOMING before the first day (programme start or earliest session), COMPLETED after the last, else RUNNING."""
    if programme is None or today is None:
        return None
    dated = [s.date for s in sessions if s.date is not None]
    first, last = min([programme.start, *dated]), max([programme.end, *dated])
    if today < first:
        return UPCOMING
    if today > last:
        return COMPLETED
    return RUNNING


def worded_key(key: str, phase: str | None) -> str:
    """The label key for `key` in `phase`: its '_upcoming' or '_completed' variant where the table has one."""
    variant = f"{key}_{phase}" if phase in (UPCOMING, COMPLETED) else None
    return variant if variant in LABELS else key


def worded(key: str, phase: str | None, lang: str, **values) -> str:
    return label(worded_key(key, phase), lang, **values)


def unknown(phase: str | None, lang: str) -> str:
    """A value that is not known, visibly so (and marked up as a status, not data, for print and screen readers)."""
    return f'<span class="kb-unknown">{worded("not_announced", phase, lang)}</span>'


def session_status_key(session, today: dt.date | None) -> str:
    """The label key of a session's status; a session still 'scheduled' after its day is not claimed as held."""
    if session.status == "scheduled" and session.date is not None and today is not None and session.date < today:
        return "status_scheduled_past"
    return f"status_{session.status}"


def session_status(session, phase: str | None, today: dt.date | None, lang: str) -> str:
    return worded(session_status_key(session, today), phase, lang)
