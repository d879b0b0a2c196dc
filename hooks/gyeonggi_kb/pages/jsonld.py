"""schema.org JSON-LD for search engines and portals: Course, Event, Legislation. No I/O.

The blocks are written into the generated Markdown as raw HTML, so they need
no template and stay in the page they describe. URLs are given relative to the
page (`url: "./"`): the published address is not known to the generator, and
JSON-LD consumers resolve relative IRIs against the page's own address.
Keys are sorted and the text is fixed, so two builds give the same bytes.
"""

from __future__ import annotations

import json

from gyeonggi_kb.data import dates

CONTEXT = "https://schema.org"
# schema.org's legislationType is free text; these are the reference types that are legislation.
LEGISLATION_TYPES = {"law": "law", "regulation": "regulation", "ordinance": "ordinance"}


def script_block(data: dict) -> str:
    """A <script type="application/ld+json"> block; '</' is escaped so the JSON cannot end the script early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    text = text.replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def organisation(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def course(programme, lang: str, session_count_known: int) -> dict:
    """The programme as a Course with one CourseInstance (this year's run)."""
    instance = {
        "@type": "CourseInstance",
        "name": programme.title[lang],
        "startDate": programme.start.isoformat(),
        "endDate": programme.end.isoformat(),
        "organizer": organisation(programme.organiser[lang]),
        "courseMode": "onsite",
        "inLanguage": "ko",
    }
    if programme.partner[lang]:
        instance["contributor"] = organisation(programme.partner[lang])
    return {
        "@context": CONTEXT,
        "@type": "Course",
        "name": programme.title[lang],
        "description": programme.summary[lang],
        "provider": organisation(programme.organiser[lang]),
        "inLanguage": "ko",
        "url": "./",
        "hasCourseInstance": [instance],
    }


def event(session, programme, lang: str, title: str) -> dict | None:
    """A session with a known date as an Event; None when the date is not announced."""
    if session.date is None:
        return None
    start = session.date.isoformat()
    end = None
    if session.start_time:
        start += f"T{session.start_time}:00+09:00"
        if session.end_time:
            end = f"{session.date.isoformat()}T{session.end_time}:00+09:00"
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": f"{programme.title[lang]}: {title}" if programme is not None else title,
        "startDate": start,
        "eventStatus": "https://schema.org/EventCancelled" if session.status == "cancelled" else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": "./",
        "inLanguage": "ko",
    }
    if end:
        data["endDate"] = end
    if session.venue[lang]:
        data["location"] = {"@type": "Place", "name": session.venue[lang]}
    if programme is not None:
        data["organizer"] = organisation(programme.organiser[lang])
        data["superEvent"] = {"@type": "EventSeries", "name": programme.title[lang], "startDate": programme.start.isoformat(), "endDate": programme.end.isoformat()}
    return data


def legislation(reference, lang: str, jurisdiction_name: str) -> dict | None:
    """A law, regulation or ordinance as Legislation; None for other document types."""
    if reference.type not in LEGISLATION_TYPES:
        return None
    data = {
        "@context": CONTEXT,
        "@type": "Legislation",
        "name": reference.title[lang],
        "description": reference.summary[lang],
        "legislationType": LEGISLATION_TYPES[reference.type],
        "legislationJurisdiction": jurisdiction_name,
        "legislationPassedBy": organisation(reference.issuer[lang]),
        "url": "./",
    }
    official = [u for u in (reference.urls.ko, reference.urls.en) if u]
    if official:
        data["sameAs"] = official
    milestones = sorted(reference.milestones, key=lambda m: m.sort_key)
    adopted = [m for m in milestones if m.kind == "adopted"]
    if adopted:
        data["legislationDate"] = dates.iso(adopted[-1].date)  # the final vote, e.g. the Council after Parliament
    published = [m for m in milestones if m.kind in ("promulgated", "published")]
    if published:
        data["datePublished"] = dates.iso(published[0].date)
    return data
