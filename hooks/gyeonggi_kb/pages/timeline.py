"""The timeline: every dated milestone and every dated session, in one chronological list. No I/O.

`timeline_entries(site)` is the data (also used for graphics such as an SVG
timeline); `render_timeline` turns it into the page docs/references/timeline.
Sessions without an announced date are left out, never guessed. Order: by
date, a period known only to the month or year before the days inside it,
then sessions before milestones on the same day, then by reference id and the
milestone's place in its file, so the order never depends on load order.
"""

from __future__ import annotations

from dataclasses import dataclass

from gyeonggi_kb import layout
from gyeonggi_kb.data import dates
from gyeonggi_kb.data.model import LANGS, Text
from gyeonggi_kb.layout import reference_page, session_page

from .labels import format_date, label
from .markdown import escape, front_matter, link
from .svg_timeline import render_policy_timeline

PAGE = "references/timeline/index.md"  # an index page: it has raw-HTML links (layout.py)


@dataclass(frozen=True)
class TimelineEntry:
    date: object  # datetime.date, or 'YYYY-MM' / 'YYYY'
    kind: str  # 'session', or a milestone kind such as 'adopted', 'in-force'
    title: Text  # what the entry belongs to: the reference's title, or 'Session 1'
    text: Text  # what happened
    page: str  # docs-relative page of the reference or session
    source: str | None  # URL of the public source, when the entry has one
    subject: str  # reference id or session id
    order: int = 0  # position among the subject's milestones

    @property
    def sort_key(self) -> tuple:
        return (dates.sort_key(self.date), 0 if self.kind == "session" else 1, self.subject, self.order)

    @property
    def precision(self) -> str:
        return dates.precision(self.date)

    def is_upcoming(self, today) -> bool:
        return dates.is_upcoming(self.date, today)


def session_entry(s, programme) -> TimelineEntry:
    title = Text(label("session_n", "ko", n=s.number), label("session_n", "en", n=s.number))
    programme_title = programme.title if programme else Text("", "")
    text = Text(*(
        " · ".join(x for x in (programme_title[lang], s.title[lang], s.venue[lang]) if x) for lang in LANGS
    ))
    source = s.sources[0].url if s.sources else None
    return TimelineEntry(s.date, "session", title, text, session_page(s.id), source, s.id)


def timeline_entries(site) -> list[TimelineEntry]:
    """Every reference milestone and every session with a known date, sorted chronologically."""
    entries = [session_entry(s, site.programme) for s in site.sessions.values() if s.date is not None]
    for r in site.references.values():
        for i, m in enumerate(r.milestones):
            entries.append(TimelineEntry(m.date, m.kind, r.title, m.text, reference_page(r.id), m.source, r.id, i))
    return sorted(entries, key=lambda e: e.sort_key)


def entry_line(e: TimelineEntry, lang: str, today) -> str:
    when = format_date(e.date, lang)
    if e.precision != "day":
        when += f" <small>({label('date_partial', lang)})</small>"
    kind = label("programme_session", lang) if e.kind == "session" else label(f"milestone_{e.kind}", lang)
    badge = f' <span class="kb-upcoming">{label("upcoming", lang)}</span>' if e.is_upcoming(today) else ""
    source = f" ([{label('source', lang)}](<{e.source}>))" if e.source else ""
    return f"- **{when}**{badge} · {kind} · {link(e.title[lang], PAGE, e.page)}: {escape(e.text[lang])}{source}"


def render_timeline(entries: list[TimelineEntry], lang: str, today, picture: str = "") -> str:
    intro = label("timeline_intro", lang, today=format_date(today, lang)) if today else label("timeline_no_build_date", lang)
    # No glossary auto-links: the same terms recur on every line of a long list.
    parts = [front_matter({"title": label("timeline", lang), "autolink": False}), f"# {label('timeline', lang)} {{#timeline}}\n", intro + "\n"]
    if picture:  # the same entries drawn on one axis (svg_timeline); this list is its text alternative
        parts.append(picture)
    year = None
    for e in entries:
        entry_year = dates.parts(e.date)[0]
        if entry_year != year:
            year = entry_year
            parts.append(f"\n## {year}{'년' if lang == 'ko' else ''} {{#y{year}}}\n")
        parts.append(entry_line(e, lang, today))
    return "\n".join(parts) + "\n"


def timeline_pages(site, backlinks=None) -> dict:
    entries = timeline_entries(site)
    today = getattr(site, "build_date", None)
    return {
        layout.source(PAGE, lang): render_timeline(entries, lang, today, render_policy_timeline(entries, site, lang, PAGE))
        for lang in LANGS
    }
