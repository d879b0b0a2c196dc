"""Who uses what: the reverse of every cross-reference, computed once.

Pages list what they use (a module its terms); readers also need the way
back ("used in", "taught in", "discussed in"). This index is built from the
loaded records before any page is rendered, so rendering stays a pure lookup.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from gyeonggi_kb.data.model import Text
from gyeonggi_kb.layout import module_page, reference_page, session_page, term_page


@dataclass(frozen=True, order=True)
class PageRef:
    sort_key: tuple
    page: str  # docs-relative Markdown path without language suffix
    title: Text


def session_title(session) -> Text:
    return Text(f"제{session.number}회차", f"Session {session.number}")


class Backlinks:
    def __init__(self, loaded):
        self.taught_in = defaultdict(set)  # module id -> sessions
        self.term_used_in = defaultdict(set)  # term id -> PageRef
        self.reference_discussed_in = defaultdict(set)  # reference id -> PageRef
        self.module_recaps = defaultdict(set)
        for s in loaded.sessions.values():
            ref = PageRef((1, s.number, s.id), session_page(s.id), session_title(s))
            for module_id in s.modules:
                self.taught_in[module_id].add(ref)
                module = loaded.modules.get(module_id)
                for term_id in module.terms if module else ():
                    self.term_used_in[term_id].add(ref)
                for ref_id in module.references if module else ():
                    self.reference_discussed_in[ref_id].add(ref)
        for m in loaded.modules.values():
            ref = PageRef((0, m.order, m.id), module_page(m.id), m.title)
            for term_id in m.terms:
                self.term_used_in[term_id].add(ref)
            for ref_id in m.references:
                self.reference_discussed_in[ref_id].add(ref)
        for r in loaded.references.values():
            ref = PageRef((3, 0, r.id), reference_page(r.id), r.title)
            for term_id in r.terms:
                self.term_used_in[term_id].add(ref)
        recaps: dict = {}
        for (session_id, lang), recap in loaded.recaps.items():
            entry = recaps.setdefault(session_id, {"page": recap.page, "ko": None, "en": None, "uses": set()})
            entry[lang] = recap.title
            entry["uses"].update(("module", x) for x in recap.modules)
            entry["uses"].update(("term", x) for x in recap.terms)
            entry["uses"].update(("reference", x) for x in recap.references)
        self.recap_of_session = {}
        for session_id, entry in recaps.items():
            number = loaded.sessions[session_id].number if session_id in loaded.sessions else 0
            title = Text(entry["ko"] or entry["en"], entry["en"] or entry["ko"])
            ref = PageRef((2, number, session_id), entry["page"], title)
            self.recap_of_session[session_id] = ref
            for kind, target in entry["uses"]:
                {"module": self.module_recaps, "term": self.term_used_in, "reference": self.reference_discussed_in}[kind][target].add(ref)

    def sorted(self, refs) -> list[PageRef]:
        return sorted(refs)
