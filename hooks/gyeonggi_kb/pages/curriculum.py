"""Markdown for the programme overview, session pages and module pages. No I/O.

What is said in which tense (the programme upcoming, running or over) comes from
programme_state: `phase` and `today` are passed down from the site.
"""

from __future__ import annotations

from gyeonggi_kb import layout
from gyeonggi_kb.data.model import LANGS, Module, Programme, Session
from gyeonggi_kb.layout import module_page, reference_page, session_page, term_page

from . import jsonld
from .backlinks import Backlinks
from .labels import format_date, label, reviewed_on
from .markdown import admonition, bullet_list, definition_list, escape, front_matter, link, source_line, table
from .programme_state import session_status, unknown, worded
from .svg_curriculum_map import render_curriculum_map
from .svg_schedule import render_schedule_strip

OVERVIEW = "curriculum/index.md"
MODULE_INDEX = "modules/index.md"
RECAPS_INDEX = "curriculum/recaps/index.md"  # an index page: it has raw-HTML links (layout.py)
GROUPS = ("core", "component", "expected-area", "gyeonggi")


def sources_block(sources, lang: str) -> str:
    return "\n".join(f"{i}. {source_line(s, lang)}" for i, s in enumerate(sources, 1)) or label("none", lang)


def session_heading(s: Session, lang: str) -> str:
    title = s.title[lang]
    return label("session_n", lang, n=s.number) + (f": {escape(title)}" if title else "")


def recap_cell(s: Session, lang: str, here: str, backlinks: Backlinks, phase: str | None) -> str:
    recap = backlinks.recap_of_session.get(s.id)
    if recap is None:
        return worded("recap_missing", phase, lang)
    return link(label("recap_link", lang), here, recap.page)


def phase_paragraph(p: Programme, phase: str | None, lang: str) -> str:
    """Where the programme stands, in the tense of the build date, and what 'unknown' means now."""
    if phase is None:
        return worded("unknowns_note", phase, lang)
    when = worded("phase_sentence", phase, lang, n=p.sessions_total, start=format_date(p.start, lang), end=format_date(p.end, lang))
    return f"{when} {worded('unknowns_note', phase, lang)}"


def render_overview(p: Programme, sessions: list[Session], backlinks: Backlinks, lang: str, phase: str | None = None, today=None) -> str:
    here = OVERVIEW
    facts = [
        [label("organiser", lang), escape(p.organiser[lang])],
        [label("partner", lang), escape(p.partner[lang]) + (f" ({escape(p.partner_note[lang])})" if p.partner_note[lang] else "")],
        [label("period", lang), f"{format_date(p.start, lang)} – {format_date(p.end, lang)}"],
        *([[label("programme_phase", lang), label(f"phase_{phase}", lang)]] if phase else []),
        [label("sessions_total", lang), str(p.sessions_total)],
        [label("announced", lang), format_date(p.announced, lang)],
        [label("audience", lang), escape(p.audience[lang])],
    ]
    rows = []
    for s in sessions:
        rows.append([
            link(label("session_n", lang, n=s.number), here, session_page(s.id)),
            format_date(s.date, lang, weekday=True) if s.date else unknown(phase, lang),
            escape(s.title[lang]) if s.title[lang] else unknown(phase, lang),
            escape(s.venue[lang]) if s.venue[lang] else unknown(phase, lang),
            session_status(s, phase, today, lang),
            recap_cell(s, lang, here, backlinks, phase),
        ])
    parts = [
        front_matter({"title": p.title[lang]}),
        f"# {escape(p.title[lang])} {{#programme}}\n",
        escape(p.summary[lang]) + " " + phase_paragraph(p, phase, lang) + "\n",
    ]
    if p.title_note[lang]:
        parts.append(f'!!! note ""\n    {escape(p.title_note[lang])}\n')
    parts += [
        definition_list(facts) + "\n",
        f"## {label('purpose', lang)} {{#purpose}}\n\n{escape(p.purpose[lang])}\n",
        f"## {label('schedule', lang)} {{#schedule}}\n",
        render_schedule_strip(p, sessions, lang, here, phase=phase),
        table([label("session", lang), label("date", lang), label("topic", lang), label("venue", lang), label("status", lang), label("recap", lang)], rows) + "\n",
        calendar_link(lang),
        link(label("recaps", lang), here, RECAPS_INDEX) + "\n",
        f"## {label('modules', lang)} {{#modules}}\n",
        link(label("module_index", lang), here, MODULE_INDEX) + " · " + link(label("map", lang), here, MODULE_INDEX + "#map") + "\n",
        f"## {label('sources', lang)} {{#sources}}\n\n{sources_block(p.sources, lang)}\n",
        jsonld.script_block(jsonld.course(p, lang, len(sessions))),
    ]
    return "\n".join(parts)


def calendar_link(lang: str) -> str:
    # Raw HTML: sessions.ics is written into site/ after the build, so MkDocs cannot check a Markdown link to it.
    return (
        f'<p class="kb-calendar-link"><a href="../sessions.ics" type="text/calendar" download>{label("calendar", lang)}</a><br>\n'
        f'<small>{label("calendar_note", lang)}</small></p>\n'
    )


def render_session(s: Session, modules: dict, backlinks: Backlinks, lang: str, programme: Programme | None = None,
                   phase: str | None = None, today=None) -> str:
    here = session_page(s.id)
    time = f"{s.start_time}–{s.end_time}" if s.start_time and s.end_time else None
    facts = [
        [label("date", lang), format_date(s.date, lang, weekday=True) if s.date else unknown(phase, lang)],
        [label("time", lang), time or unknown(phase, lang)],
        [label("venue", lang), escape(s.venue[lang]) if s.venue[lang] else unknown(phase, lang)],
        [label("topic", lang), escape(s.title[lang]) if s.title[lang] else unknown(phase, lang)],
        [label("status", lang), session_status(s, phase, today, lang)],
    ]
    taught = [link(modules[m].title[lang], here, module_page(m)) for m in s.modules if m in modules]
    recap = backlinks.recap_of_session.get(s.id)
    parts = [
        front_matter({"title": session_heading(s, lang).replace("\\", "")}),
        f"# {session_heading(s, lang)} {{#session}}\n",
        definition_list(facts) + "\n",
    ]
    if s.note[lang]:
        parts.append(escape(s.note[lang]) + "\n")
    parts += [
        f"## {worded('modules_taught', phase, lang)} {{#modules}}\n",
        bullet_list(taught, worded("modules_not_announced", phase, lang)) + "\n",
        f"## {label('recap', lang)} {{#recap}}\n",
        (link(recap.title[lang], here, recap.page) if recap else worded("recap_missing", phase, lang)) + "\n",
        f"## {label('sources', lang)} {{#sources}}\n\n{sources_block(s.sources, lang)}\n",
        link(label("programme", lang), here, OVERVIEW + "#schedule") + "\n",
    ]
    event = jsonld.event(s, programme, lang, label("session_n", lang, n=s.number) + (f": {s.title[lang]}" if s.title[lang] else ""))
    if event:
        parts.append(jsonld.script_block(event))
    return "\n".join(parts)


def render_map_text(sessions: list[Session], modules: list[Module], here: str, lang: str, phase: str | None = None) -> str:
    """What the curriculum map shows, as a list and a table: the map's text alternative."""
    known = {m.id: m for m in modules}
    names = lambda ids: ", ".join(link(known[x].title[lang], here, module_page(x)) for x in ids if x in known) or label("none", lang)
    session_lines = [
        f"{link(label('session_n', lang, n=s.number), here, session_page(s.id))} "
        f"({format_date(s.date, lang) if s.date else worded('date_not_announced_short', phase, lang)}): "
        + (names(s.modules) if s.modules else unknown(phase, lang))
        for s in sessions
    ]
    rows = [[link(m.title[lang], here, module_page(m.id)), label("group_" + m.group, lang), names(m.prerequisites), names(m.related)] for m in modules]
    return "\n".join([
        f"### {label('map_sessions', lang)} {{#map-sessions}}\n",
        bullet_list(session_lines, label("none", lang)) + "\n",
        f"### {label('map_modules', lang)} {{#map-modules}}\n",
        table([label("module", lang), label("group", lang), label("prerequisites", lang), label("related_modules", lang)], rows) + "\n",
    ])


def render_module_index(modules: list[Module], lang: str, sessions: list[Session] = (), phase: str | None = None) -> str:
    here = MODULE_INDEX
    parts = [front_matter({"title": label("module_index", lang)}), f"# {label('module_index', lang)} {{#modules}}\n"]
    if modules:
        parts += [
            f"## {label('map', lang)} {{#map}}\n",
            render_curriculum_map(list(sessions), modules, lang, here, phase=phase),
            render_map_text(list(sessions), modules, here, lang, phase),
        ]
    for group in GROUPS:
        members = [m for m in modules if m.group == group]
        if not members:
            continue
        parts.append(f"## {label('group_' + group, lang)} {{#{group}}}\n")
        parts.append("\n".join(f"- {link(m.title[lang], here, module_page(m.id))}: {escape(m.summary[lang])}" for m in members) + "\n")
    return "\n".join(parts)


def render_lesson(m: Module, lang: str) -> str:
    lesson = m.lessons.get(lang)
    if lesson:
        return lesson.markdown.strip() + "\n"
    other = next((m.lessons[o] for o in LANGS if o in m.lessons), None)
    if other is None:
        return ""
    other_lang = "en" if lang == "ko" else "ko"
    return (
        f'!!! warning "{label("lesson_untranslated", lang)}"\n\n'
        f'<div lang="{other_lang}" markdown>\n\n{other.markdown.strip()}\n\n</div>\n'
    )


def render_module(m: Module, site, backlinks: Backlinks, lang: str) -> str:
    here = module_page(m.id)
    taught = sorted(backlinks.taught_in.get(m.id, ()))
    terms = [site.terms[t] for t in m.terms if t in site.terms]
    refs = [site.references[r] for r in m.references if r in site.references]
    glance = [
        f"**{worded('taught_in', site.phase, lang)}**: " + (", ".join(link(r.title[lang], here, r.page) for r in taught) if taught else worded("taught_in_unknown", site.phase, lang)),
        f"**{label('prerequisites', lang)}**: " + (", ".join(link(site.modules[x].title[lang], here, module_page(x)) for x in m.prerequisites if x in site.modules) or label("none", lang)),
        f"**{label('related_modules', lang)}**: " + (", ".join(link(site.modules[x].title[lang], here, module_page(x)) for x in m.related if x in site.modules) or label("none", lang)),
    ]
    recaps = sorted(backlinks.module_recaps.get(m.id, ()))
    if recaps:
        glance.append(f"**{label('recap', lang)}**: " + ", ".join(link(r.title[lang], here, r.page) for r in recaps))
    if m.reviewed:
        glance.append(reviewed_on(m.reviewed, lang))
    parts = [
        front_matter({"title": m.title[lang], "description": m.summary[lang]}),
        f"# {escape(m.title[lang])} {{#module}}\n",
        f"{escape(m.summary[lang])}\n",
        f"## {label('objectives', lang)} {{#objectives}}\n",
        "\n".join(f"1. {escape(o)}" for o in m.objectives[lang]) + "\n",
        admonition("abstract", label("at_a_glance", lang), "\n".join(f"- {g}" for g in glance)),
        f"## {label('key_terms', lang)} {{#key-terms-list}}\n",
        bullet_list([f"{link(t.term[lang], here, term_page(t.id))}: {escape(t.definition[lang])}" for t in terms], label("none", lang)) + "\n",
        f"## {label('references', lang)} {{#references}}\n",
        bullet_list([link(r.title[lang], here, reference_page(r.id)) for r in refs], label("none", lang)) + "\n",
        render_lesson(m, lang),
        f"### {label('announced_in', lang)} {{#announced-in}}\n\n{sources_block(m.announced_in, lang)}\n",
    ]
    return "\n".join(parts)



def curriculum_pages(site, backlinks: Backlinks) -> dict:
    """docs-relative path (with language suffix) -> Markdown."""
    pages = {}
    sessions = sorted(site.sessions.values(), key=lambda s: s.number)
    modules = sorted(site.modules.values(), key=lambda m: (m.order, m.id))
    for lang in LANGS:
        if site.programme:
            pages[layout.source("curriculum/index.md", lang)] = render_overview(site.programme, sessions, backlinks, lang, site.phase, site.build_date)
        pages[layout.source("modules/index.md", lang)] = render_module_index(modules, lang, sessions, site.phase)
        for s in sessions:
            pages[layout.source(session_page(s.id), lang)] = render_session(s, site.modules, backlinks, lang, site.programme, site.phase, site.build_date)
        for m in modules:
            pages[layout.source(module_page(m.id), lang)] = render_module(m, site, backlinks, lang)
    return pages
