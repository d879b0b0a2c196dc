"""Atom feeds of recaps and programme announcements, one per language. No I/O.

Entry ids are tag: URIs (RFC 4151) built from the programme id and start
date, never from the site's address, so they stay the same wherever the site
is published. Entry dates come from the data (the programme's announcement
date, each recap's session date), read as midnight in Korea; the feed's
<updated> is the newest entry, so the feed changes only when the data does.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from gyeonggi_kb.pages.backlinks import session_title
from gyeonggi_kb.pages.labels import label

FEED = "recaps.atom.xml"


def timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00+09:00"


def tag_uri(programme, specific: str) -> str:
    return f"tag:{programme.id},{programme.start.isoformat()}:{specific}"


def feed_entries(site, lang: str, base_url: str) -> list[dict]:
    programme = site.programme
    entries = []
    if programme is not None and programme.announced is not None:
        entries.append({
            "id": tag_uri(programme, f"programme/announced/{lang}"),
            "title": label("programme_announced", lang, title=programme.title[lang]),
            "url": f"{base_url}curriculum/",
            "date": programme.announced,
            "summary": programme.summary[lang],
            "category": "announcement",
        })
    for (session_id, recap_lang), recap in sorted(site.recaps.items()):
        if recap_lang != lang or programme is None:
            continue
        session = site.sessions.get(session_id)
        title = recap.title
        if session is not None and session_title(session)[lang] not in title:
            title = f"{session_title(session)[lang]}: {title}"
        entries.append({
            "id": tag_uri(programme, f"recaps/{session_id}/{lang}"),
            "title": title,
            "url": f"{base_url}recaps/{session_id}/",
            "date": recap.date,
            "summary": recap.summary,
            "takeaways": recap.takeaways,
            "category": "recap",
        })
    return sorted(entries, key=lambda e: (e["date"], e["id"]), reverse=True)


def entry_xml(e: dict) -> list[str]:
    lines = [
        "  <entry>",
        f"    <id>{escape(e['id'])}</id>",
        f"    <title>{escape(e['title'])}</title>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(e['url'])}/>",
        f"    <published>{timestamp(e['date'])}</published>",
        f"    <updated>{timestamp(e['date'])}</updated>",
        f"    <category term=\"{e['category']}\"/>",
        f"    <summary>{escape(e['summary'])}</summary>",
    ]
    if e.get("takeaways"):
        items = "".join(f"<li>{escape(t)}</li>" for t in e["takeaways"])
        lines.append(f"    <content type=\"html\">{escape('<p>' + escape(e['summary']) + '</p><ul>' + items + '</ul>')}</content>")
    lines.append("  </entry>")
    return lines


def render_feed(site, lang: str, base_url: str) -> str:
    """The feed in one language; `base_url` is the absolute URL of that language's home, ending in '/'."""
    programme = site.programme
    entries = feed_entries(site, lang, base_url)
    updated = max((e["date"] for e in entries), default=programme.start if programme else dt.date(1970, 1, 1))
    title = f"{programme.title[lang]} · {label('recaps', lang)}" if programme else label("recaps", lang)
    author = programme.organiser[lang] if programme else label("recaps", lang)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <id>{escape(tag_uri(programme, 'feed/' + lang)) if programme else escape(base_url + FEED)}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(label('feed', lang))}</subtitle>",
        f"  <updated>{timestamp(updated)}</updated>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(base_url + FEED)}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(base_url + 'curriculum/recaps/')}/>",
        f"  <author><name>{escape(author)}</name></author>",
        "  <generator>gyeonggi_kb</generator>",
    ]
    for e in entries:
        lines += entry_xml(e)
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
