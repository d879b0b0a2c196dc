"""Checks across records. Each check yields problems and states its rule.

Per-record shape checks already ran while loading; what is left here needs
more than one record: references between collections, ordering and counts.
The checks see partial records too (`Loaded.to_check`, salvage.py): a key
that failed its shape check holds a neutral value (None, an empty list) and
is listed in `origin.unusable`, so a check skips it rather than report a
follow-up of a problem already reported.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from gyeonggi_kb.data import dates
from gyeonggi_kb.data.load import Loaded
from gyeonggi_kb.problems import Problem, did_you_mean

LESSON_SECTIONS = ("why-it-matters", "key-concepts", "cases", "rules", "checklist", "discussion", "further-reading", "sources")


# What to do about an id that names nothing, when no existing id is close to it.
NEW_RECORD_HINTS = {
    "term": "; check the spelling, or add the term with `make new-term ID={ref}`",
    "reference": "; check the spelling, or add the document with `make new-reference ID={ref}`",
    "module": "; check the spelling, or add the module with `make new-module ID={ref}`",
    "session": "; check the spelling against the files in curriculum/sessions/",
}


def missing_ref_hint(kind: str, ref: str) -> str:
    return NEW_RECORD_HINTS.get(kind, "; check the spelling").format(ref=ref)


def check_refs(origin, owner: str, field: str, ids, kind: str, loaded: Loaded) -> Iterator[Problem]:
    """Every id listed under `field` must name an existing record of `kind`."""
    known = loaded.known_ids.get(kind, set())
    for i, ref in enumerate(ids):
        if ref is None:  # an item that failed its shape check
            continue
        if kind == "term" and ref in loaded.known_ids.get("candidate", ()):
            yield Problem(origin.path, origin.line_of(field, i), f"{owner} lists term '{ref}' under '{field}', which is a candidate and not published; write both its definitions and set 'status: draft' in glossary/{ref}.yml, or remove '{ref}' from '{field}'")
        elif ref not in known:
            yield Problem(origin.path, origin.line_of(field, i), f"{owner} lists {kind} '{ref}' under '{field}', which does not exist{did_you_mean(ref, known) or missing_ref_hint(kind, ref)}")


def check_sessions(loaded: Loaded) -> Iterator[Problem]:
    """Session numbers run 1..N without gaps, match the programme's total, and dates fall in its period."""
    sessions = sorted(loaded.to_check("session").values(), key=lambda s: (s.number is None, s.number or 0, s.id))
    numbers: dict[int, str] = {}
    p = loaded.programme_to_check
    for s in sessions:
        yield from check_refs(s.origin, f"session '{s.id}'", "modules", s.modules, "module", loaded)
        if s.number is not None and s.number in numbers:
            yield Problem(s.origin.path, s.origin.line_of("number"), f"session number {s.number} is already used by '{numbers[s.number]}'; give each session its own number")
        numbers.setdefault(s.number, s.id)
        if p and p.start and p.end and s.date and not (p.start <= s.date <= p.end):
            yield Problem(s.origin.path, s.origin.line_of("date"), f"session date {s.date} is outside the programme period {p.start} to {p.end}; check the date against its source")
        if s.status == "held" and s.date is None and s.origin.usable("date"):
            yield Problem(s.origin.path, s.origin.line_of("status"), "a session marked 'held' needs its date; use status 'not-announced' while the date is unknown")
        yield from check_session_note(s)
    if p and p.sessions_total and loaded.to_check("session") and "session" in loaded.known_ids and len(loaded.known_ids["session"]) != p.sessions_total:
        yield Problem(p.origin.path, p.origin.line_of("sessions_total"), f"sessions_total is {p.sessions_total} but curriculum/sessions/ has {len(loaded.known_ids['session'])} session files; make the two agree")


# How a session's note says its date is unknown, in each language (the notes' own wording, and close variants).
DATE_NOT_ANNOUNCED = {
    "ko": re.compile(r"날짜[^.。]*(발표|공개|확인)되지 않았|날짜[^.。]*미정|일정[^.。]*(발표|공개)되지 않았"),
    "en": re.compile(r"\bdate\b[^.]*\b(not|never)\b[^.]*\b(announced|published|confirmed|known)\b|\bdate\b[^.]*\bunknown\b", re.I),
}


def check_session_note(s) -> Iterator[Problem]:
    """A session with a date must not keep a note saying its date is not announced (in either language)."""
    if s.date is None:
        return
    for lang in ("ko", "en"):
        note = s.note[lang]
        if note and DATE_NOT_ANNOUNCED[lang].search(note):
            yield Problem(
                s.origin.path, s.origin.line_of(f"{lang}.note"),
                f"session '{s.id}' now has a date, but its {lang} note still says the date is not announced; "
                f"rewrite '{lang}.note' to say what the sources now report (or delete it)",
            )


def check_modules(loaded: Loaded) -> Iterator[Problem]:
    """Module references resolve, prerequisites form no cycle, and each lesson is complete (see check_lesson)."""
    for m in loaded.to_check("module").values():
        o = m.origin
        owner = f"module '{m.id}'"
        yield from check_refs(o, owner, "terms", m.terms, "term", loaded)
        yield from check_refs(o, owner, "references", m.references, "reference", loaded)
        yield from check_refs(o, owner, "related", m.related, "module", loaded)
        yield from check_refs(o, owner, "prerequisites", m.prerequisites, "module", loaded)
        if m.id in m.related or m.id in m.prerequisites:
            yield Problem(o.path, o.line_of("related"), f"{owner} must not list itself as related or as a prerequisite; remove '{m.id}' from the list")
        if not m.lessons:
            yield Problem(o.path, o.line, f"{owner} has no lesson; add curriculum/lessons/{m.id}.ko.md and curriculum/lessons/{m.id}.en.md")
        for lang, lesson in sorted(m.lessons.items()):
            yield from check_lesson(lesson)
    yield from check_prerequisite_cycles(loaded)


TASK_ITEM = re.compile(r"^\s*[-*+] \[[ xX]\] \S", re.M)
LIST_ITEM = re.compile(r"^\s*(?:\d+\.|[-*+])\s+(.*)$")
HTTP_LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def check_lesson(lesson) -> Iterator[Problem]:
    """A lesson has every section once and in the set order, ending with its sources; the checklist is a task
    list; the further reading and every listed source link to an http(s) address."""
    order = ", ".join(LESSON_SECTIONS)
    missing = [s for s in LESSON_SECTIONS if s not in lesson.section_ids]
    if missing:
        yield Problem(lesson.path, 1, "lesson is missing the section(s) " + ", ".join(f"'{{#{s}}}'" for s in missing) + "; every lesson needs: " + order)
    seen: dict = {}
    for s in lesson.sections:
        if s.id not in LESSON_SECTIONS:
            continue
        if s.id in seen:
            yield Problem(lesson.path, s.line, f"section '{{#{s.id}}}' appears twice (first at line {seen[s.id].line}); keep one")
            continue
        later = [p for p in seen.values() if LESSON_SECTIONS.index(p.id) > LESSON_SECTIONS.index(s.id)]
        if later:
            yield Problem(lesson.path, s.line, f"section '{{#{s.id}}}' must come before '{{#{later[0].id}}}' (line {later[0].line}); lesson sections go in this order: {order}")
        seen[s.id] = s
    if "sources" in seen:
        after = [s for s in lesson.sections if s.line > seen["sources"].line]
        if after:
            yield Problem(lesson.path, after[0].line, "the sources section must be the last section of a lesson; move this section above '{#sources}'")
        yield from check_source_list(lesson.path, seen["sources"])
    if "checklist" in seen and not TASK_ITEM.search(seen["checklist"].body):
        yield Problem(lesson.path, seen["checklist"].line, "section '{#checklist}' must list its questions as task items, e.g. '- [ ] Who answers for the result?'; found none")
    if "further-reading" in seen and not HTTP_LINK.search(seen["further-reading"].body):
        yield Problem(lesson.path, seen["further-reading"].line, "section '{#further-reading}' must link at least one document, e.g. '- [Title](https://...)'")


def check_source_list(path: str, section) -> Iterator[Problem]:
    """Sources are a list, and every item links to an http(s) address a reader can open."""
    items = 0
    for offset, line in enumerate(section.body.splitlines(), 1):
        match = LIST_ITEM.match(line)
        if not match:
            continue
        items += 1
        if not HTTP_LINK.search(line):
            yield Problem(path, section.line + offset, f"source must link to an http(s) address, e.g. '1. [Publisher, date](https://...)'; got '{match.group(1).strip()}'")
    if not items:
        yield Problem(path, section.line, "section '{#sources}' must list the sources as links, e.g. '1. [Publisher, date](https://...)'; found no list")


def check_prerequisite_cycles(loaded: Loaded) -> Iterator[Problem]:
    """Prerequisites must not loop back (a needs b needs a)."""
    modules = loaded.to_check("module")
    graph = {m.id: [p for p in m.prerequisites if p in modules] for m in modules.values()}
    reported: set = set()
    for start in sorted(graph):
        stack = [(start, (start,))]
        while stack:
            node, path = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    cycle = frozenset(path)
                    if cycle not in reported:
                        reported.add(cycle)
                        m = modules[start]
                        yield Problem(m.origin.path, m.origin.line_of("prerequisites"), "prerequisites form a cycle: " + " -> ".join((*path, start)) + "; remove one of these prerequisites")
                elif nxt not in path:
                    stack.append((nxt, (*path, nxt)))


def check_terms(loaded: Loaded) -> Iterator[Problem]:
    """Related terms exist and a term does not relate to itself."""
    for t in loaded.to_check("term").values():
        yield from check_refs(t.origin, f"term '{t.id}'", "related", t.related, "term", loaded)
        if t.id in t.related:
            yield Problem(t.origin.path, t.origin.line_of("related"), f"term '{t.id}' must not list itself as related; remove '{t.id}' from 'related'")


def term_label_claims(t) -> list[tuple[str, str, int]]:
    """(label, what it is, line) for every label of a term, e.g. ('LLM', 'abbreviation', 4).

    A label that failed its shape check (None in a partial record) is left out."""
    o = t.origin
    claims = [(t.abbreviations[i], "abbreviation", o.line_of("abbreviations", i)) for i in range(len(t.abbreviations))]
    for lang in ("ko", "en"):
        claims.append((t.term[lang], f"{lang} term", o.line_of(lang)))
        claims += [(s, f"{lang} synonym", o.line_of(lang)) for s in t.synonyms[lang]]
    return [claim for claim in claims if claim[0]]


def label_key(label: str) -> str:
    return " ".join(unicodedata.normalize("NFC", label).casefold().split())


def check_term_labels(loaded: Loaded) -> Iterator[Problem]:
    """A label (term, synonym or abbreviation; compared after NFC and case-folding) names one term only,
    unless every other term that uses it lists it under 'shared_labels', so a link never has two targets."""
    claimants: dict = {}
    for t in sorted(loaded.to_check("term").values(), key=lambda t: t.id):
        own = {label_key(label) for label, _, _ in term_label_claims(t)}
        for i, shared in enumerate(t.shared_labels):
            if shared and label_key(shared) not in own:
                yield Problem(t.origin.path, t.origin.line_of("shared_labels", i), f"term '{t.id}' lists '{shared}' under 'shared_labels', but it is not one of its labels")
        seen = set()
        shared = {label_key(s) for s in t.shared_labels if s}
        for label, what, line in term_label_claims(t):
            key = label_key(label)
            if key in seen or key in shared:
                continue
            seen.add(key)
            claimants.setdefault(key, []).append((t, label, what, line))
    for key, claims in sorted(claimants.items()):
        first, first_label, first_what, first_line = claims[0]
        for t, label, what, line in claims[1:]:
            yield Problem(
                t.origin.path, line,
                f"term '{t.id}' has the {what} '{label}', which is also the {first_what} '{first_label}' of term '{first.id}' "
                f"({first.origin.path}:{first_line}); a label must name one term: remove it from one of them, "
                "or list it under 'shared_labels' in every term but the one it should link to",
            )


# Milestones that can only follow the document's adoption (or signature).
AFTER_ADOPTION = ("promulgated", "in-force", "applies")


def check_references(loaded: Loaded) -> Iterator[Problem]:
    """Glossary links resolve, and nothing is promulgated, in force or applied before the document was adopted.

    Partial dates ('2024-07') stand for a period: a milestone is reported only
    when it is *certainly* earlier than the earliest adoption, so '2024-07'
    in force after '2024-07-15' adopted is not an error, but '2024-06' is.
    """
    for r in loaded.to_check("reference").values():
        o = r.origin
        yield from check_refs(o, f"reference '{r.id}'", "terms", r.terms, "term", loaded)
        adoptions = [m for m in r.milestones if m.kind in ("adopted", "signed")]
        if not adoptions:
            continue
        adopted = min(adoptions, key=lambda m: dates.first_day(m.date))
        for m in r.milestones:
            if m.kind in AFTER_ADOPTION and dates.certainly_before(m.date, adopted.date):
                yield Problem(
                    o.path, m.line or o.line_of("milestones"),
                    f"reference '{r.id}' has '{m.kind}' on {dates.iso(m.date)}, before it was {adopted.kind} on {dates.iso(adopted.date)} (line {adopted.line}); check both dates",
                )


def check_recaps(loaded: Loaded) -> Iterator[Problem]:
    """Recap front matter names an existing, held session, with that session's date."""
    sessions = loaded.to_check("session")
    for (session_id, lang), r in sorted(loaded.to_check("recap").items()):
        o = r.origin
        owner = f"recap '{session_id}' ({lang})"
        yield from check_refs(o, owner, "session", [r.session], "session", loaded)
        yield from check_refs(o, owner, "modules", r.modules, "module", loaded)
        yield from check_refs(o, owner, "terms", r.terms, "term", loaded)
        yield from check_refs(o, owner, "references", r.references, "reference", loaded)
        session = sessions.get(r.session)
        if session and session.date and r.date and r.date != session.date:
            yield Problem(o.path, o.line_of("date"), f"{owner} is dated {r.date}, but session '{r.session}' took place on {session.date}; use the session's date")
        if session and session.date is None and session.origin.usable("date"):
            yield Problem(o.path, o.line_of("session"), f"{owner}: session '{r.session}' has no confirmed date in curriculum/sessions/{r.session}.yml; a recap needs a held session: set its date and 'status: held' there, with the public source that reports them under 'sources'")
        elif session and session.status and session.status != "held":
            yield Problem(o.path, o.line_of("session"), f"{owner}: session '{r.session}' has the status '{session.status}' in curriculum/sessions/{r.session}.yml; a recap needs a held session: set 'status: held' there once a public source reports that it took place")
        for offset, line in enumerate(r.body.split("\n")):
            if line.startswith("# "):
                yield Problem(o.path, r.body_line + offset, f"{owner} must not have its own '# ' title: the page title comes from 'title' in the front matter; start sections with '## '")


CHECKS = (check_sessions, check_modules, check_terms, check_term_labels, check_references, check_recaps)


def check_all(loaded: Loaded) -> list[Problem]:
    problems = list(loaded.problems)
    for check in CHECKS:
        problems.extend(check(loaded))
    return sorted(set(problems))
