"""sessions.ics: every session with an announced date, as RFC 5545 iCalendar text. No I/O.

Sessions without a date are left out, never guessed; a session without
announced times is an all-day event. Times are local to Asia/Seoul, which the
file defines in its own VTIMEZONE (Korea has kept UTC+9 without daylight
saving since 1988), so no time-zone database is needed to write or read it.
UIDs are '<session id>@<programme id>': stable across builds and independent
of the domain the site is published on. DTSTAMP is the build time
(SOURCE_DATE_EPOCH), so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import datetime as dt

from gyeonggi_kb.pages.backlinks import session_title
from gyeonggi_kb.pages.labels import label

TZID = "Asia/Seoul"
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19880509T030000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "TZNAME:KST",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with one space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def stamp(epoch: int | None) -> str:
    moment = dt.datetime.fromtimestamp(epoch or 0, dt.timezone.utc)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def local_time(day: dt.date, hhmm: str) -> str:
    return day.strftime("%Y%m%d") + "T" + hhmm.replace(":", "") + "00"


def event_lines(session, programme, lang: str, url: str, dtstamp: str) -> list[str]:
    name = session_title(session)[lang]
    summary = f"{programme.title[lang]} {name}" if programme else name
    if session.title[lang]:
        summary += f": {session.title[lang]}"
    lines = ["BEGIN:VEVENT", f"UID:{session.id}@{programme.id if programme else 'programme'}", f"DTSTAMP:{dtstamp}"]
    if session.start_time:
        lines.append(f"DTSTART;TZID={TZID}:{local_time(session.date, session.start_time)}")
        if session.end_time:
            lines.append(f"DTEND;TZID={TZID}:{local_time(session.date, session.end_time)}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{session.date.strftime('%Y%m%d')}")
        lines.append(f"DTEND;VALUE=DATE:{(session.date + dt.timedelta(days=1)).strftime('%Y%m%d')}")
    lines.append(f"SUMMARY:{escape_text(summary)}")
    if session.venue[lang]:
        lines.append(f"LOCATION:{escape_text(session.venue[lang])}")
    description = " ".join(x for x in (session.note[lang], url) if x)
    lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append(f"URL:{url}")
    lines.append("STATUS:" + ("CANCELLED" if session.status == "cancelled" else "CONFIRMED"))
    lines.append("TRANSP:TRANSPARENT" if not session.start_time else "TRANSP:OPAQUE")
    lines.append("END:VEVENT")
    return lines


def render_calendar(site, lang: str, base_url: str) -> str:
    """The calendar in one language; `base_url` is the absolute URL of that language's home, ending in '/'."""
    programme = site.programme
    dtstamp = stamp(getattr(site, "build_epoch", None))
    name = programme.title[lang] if programme else label("schedule", lang)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//gyeonggi_kb//sessions//" + lang.upper(),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for s in sorted(site.sessions.values(), key=lambda s: s.number):
        if s.date is not None:
            lines += event_lines(s, programme, lang, f"{base_url}sessions/{s.id}/", dtstamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
