"""Session recaps: the recaps index page, and each recap's page around its hand-written narrative. No I/O.

Recaps are written by hand in curriculum/recaps/<session>.<lang>.md, like
lessons: their front matter is data (validated like the YAML collections),
their body the narrative. Each recap's page (recaps/<session>.md) is the
narrative in a frame made from the data (title, session facts, summary,
takeaways, related pages, sources), so links and facts are the same in both
languages. The index lives at curriculum/recaps.
"""

from __future__ import annotations

from gyeonggi_kb import layout
from gyeonggi_kb.data.model import LANGS, Recap
from gyeonggi_kb.layout import module_page, reference_page, session_page, term_page

from .backlinks import Backlinks, session_title
from .labels import format_date, label
from .markdown import bullet_list, definition_list, escape, front_matter, link, source_line, table
from .programme_state import unknown, worded

INDEX = "curriculum/recaps/index.md"  # an index page: it has raw-HTML links (layout.py)
EDITORS_GUIDE = "editors/recaps.md"
FEED = "recaps.atom.xml"  # per language: /recaps.atom.xml and /en/recaps.atom.xml


def related_block(recap: Recap, site, here: str, lang: str) -> str:
    groups = [
        (label("modules", lang), [link(site.modules[m].title[lang], here, module_page(m)) for m in recap.modules if m in site.modules]),
        (label("key_terms", lang), [link(site.terms[t].term[lang], here, term_page(t)) for t in recap.terms if t in site.terms]),
        (label("references", lang), [link(site.references[r].title[lang], here, reference_page(r)) for r in recap.references if r in site.references]),
    ]
    blocks = [f"**{name}**\n\n" + bullet_list(items, "") for name, items in groups if items]
    return "\n\n".join(blocks) or label("none", lang)


def render_recap_page(recap: Recap, body: str, site, lang: str) -> str:
    """The full Markdown of a recap page: data-driven frame around the editor's narrative `body`."""
    here = recap.page
    session = site.sessions.get(recap.session)
    facts = [[label("session", lang), link(session_title(session)[lang], here, session_page(session.id)) if session else escape(recap.session)]]
    facts.append([label("date", lang), format_date(recap.date, lang, weekday=True)])
    if session is not None:
        facts.append([label("venue", lang), escape(session.venue[lang]) if session.venue[lang] else unknown(site.phase, lang)])
    parts = [
        f"# {escape(recap.title)} {{#recap}}\n",
        definition_list(facts) + "\n",
        f"{escape(recap.summary)}\n",
        f"## {label('takeaways', lang)} {{#takeaways}}\n",
        "\n".join(f"- {escape(t)}" for t in recap.takeaways) + "\n",
        body.strip() + "\n" if body.strip() else "",
        f"## {label('related', lang)} {{#related}}\n\n{related_block(recap, site, here, lang)}\n",
        f"## {label('sources', lang)} {{#sources}}\n",
        "\n".join(f"{i}. {source_line(s, lang)}" for i, s in enumerate(recap.sources, 1)) + "\n",
        link(label("recaps", lang), here, INDEX) + "\n",
    ]
    return "\n".join(p for p in parts if p)


def recap_pages(site, backlinks: Backlinks) -> dict:
    """Each recap's page in its language, with the front matter the page's <head> needs."""
    pages = {}
    for recap in site.recaps.values():
        meta = {"title": recap.title, "description": recap.summary}
        if not recap.autolink:
            meta["autolink"] = False
        pages[layout.source(recap.page, recap.lang)] = front_matter(meta) + render_recap_page(recap, recap.body, site, recap.lang)
    return pages


def render_index(site, backlinks: Backlinks, lang: str) -> str:
    here = INDEX
    rows = []
    for s in sorted(site.sessions.values(), key=lambda s: s.number):
        recap = site.recaps.get((s.id, lang)) or next((site.recaps[(s.id, o)] for o in LANGS if (s.id, o) in site.recaps), None)
        rows.append([
            link(session_title(s)[lang], here, session_page(s.id)),
            format_date(s.date, lang) if s.date else unknown(site.phase, lang),
            f"{link(recap.title, here, recap.page)}: {escape(recap.summary)}" if recap else worded("recap_missing", site.phase, lang),
        ])
    return "\n".join([
        front_matter({"title": label("recaps", lang)}),
        f"# {label('recaps', lang)} {{#recaps}}\n",
        worded("recaps_intro", site.phase, lang, end=format_date(site.programme.end, lang) if site.programme else "") + "\n",
        table([label("session", lang), label("date", lang), label("recap", lang)], rows) + "\n",
        # Raw HTML: the feed is written into site/ after the build, so MkDocs cannot check a Markdown link to it.
        f'<p class="kb-feed-link"><a href="../../{FEED}" type="application/atom+xml">{label("feed", lang)}</a></p>\n',
        link(label("recaps_for_editors", lang), here, EDITORS_GUIDE) + "\n",
    ])


def recap_index_pages(site, backlinks: Backlinks) -> dict:
    return {layout.source(INDEX, lang): render_index(site, backlinks, lang) for lang in LANGS}
