"""Markdown for the reference library: the index and one page per document. No I/O.

The index lists every document twice, grouped by jurisdiction and by type, as
plain lists that work without JavaScript. A small filter box sits on top; it
is `hidden` in the HTML and only docs/assets/kb-filter.js reveals it, so a
reader without JavaScript sees the full lists and no dead control.
"""

from __future__ import annotations

from gyeonggi_kb import layout
from gyeonggi_kb.data import dates, shapes
from gyeonggi_kb.data.model import LANGS, Reference
from gyeonggi_kb.layout import reference_page, term_page

from . import jsonld
from .backlinks import Backlinks
from .labels import format_date, label, reviewed_on
from .markdown import attr, bullet_list, escape, external, front_matter, link, relative, source_line

INDEX = "references/index.md"
TIMELINE = "references/timeline/index.md"  # an index page: it has raw-HTML links (layout.py)
# Back-links are grouped by what links here; PageRef.sort_key[0] says which kind it is.
DISCUSSED_GROUPS = ((0, "discussed_modules"), (1, "discussed_sessions"), (2, "discussed_recaps"))


def jurisdiction_name(r: Reference, lang: str) -> str:
    return label(f"jurisdiction_{r.jurisdiction}", lang)


def type_name(r: Reference, lang: str) -> str:
    return label(f"type_{r.type}", lang)


def milestone_date(m, lang: str, today) -> str:
    text = f'<span class="kb-nowrap">{format_date(m.date, lang)}</span>'
    if dates.precision(m.date) != "day":
        text += f" <small>({label('date_partial', lang)})</small>"
    if dates.is_upcoming(m.date, today):
        text += f' <span class="kb-upcoming">{label("upcoming", lang)}</span>'
    return text


def official_links(r: Reference, lang: str) -> str:
    links = [
        external(label("official_text_in", lang, language=label(f"language_{code}", lang)), url)
        for code, url in (("ko", r.urls.ko), ("en", r.urls.en)) if url
    ]
    return bullet_list(links, label("no_official_url", lang))


def discussed_in(r: Reference, here: str, backlinks: Backlinks, lang: str) -> str:
    refs = sorted(backlinks.reference_discussed_in.get(r.id, ()))
    if not refs:
        return label("not_discussed_yet", lang)
    blocks = []
    for group, key in DISCUSSED_GROUPS:
        members = [x for x in refs if x.sort_key[0] == group]
        if members:
            blocks.append(f"**{label(key, lang)}**\n\n" + bullet_list([link(x.title[lang], here, x.page) for x in members], ""))
    return "\n\n".join(blocks)


def render_reference(r: Reference, terms: dict, backlinks: Backlinks, lang: str, today=None) -> str:
    here = reference_page(r.id)
    other = "en" if lang == "ko" else "ko"
    milestones = sorted(r.milestones, key=lambda m: m.sort_key)
    rows = [
        f"| {milestone_date(m, lang, today)} | {label('milestone_' + m.kind, lang)} | {escape(m.text[lang])} | [{label('source', lang)}](<{m.source}>) |"
        for m in milestones
    ]
    milestone_table = (
        f"| {label('date', lang)} | {label('type', lang)} | {label('milestone_what', lang)} | {label('source', lang)} |\n|---|---|---|---|\n" + "\n".join(rows)
        if rows else label("none", lang)
    )
    facts = [
        f"**{label('other_language', lang)}**: <span lang=\"{other}\">{escape(r.title[other])}</span>",
        f"**{label('issuer', lang)}**: {escape(r.issuer[lang])}",
        f"**{label('jurisdiction', lang)}**: " + link(jurisdiction_name(r, lang), here, f"{INDEX}#jurisdiction-{r.jurisdiction}"),
        f"**{label('type', lang)}**: " + link(type_name(r, lang), here, f"{INDEX}#type-{r.type}"),
    ]
    if r.reviewed:
        facts.append(reviewed_on(r.reviewed, lang))
    parts = [
        front_matter({"title": r.title[lang], "description": r.summary[lang]}),
        f"# {escape(r.title[lang])} {{#reference}}\n",
        "\n".join(f"- {f}" for f in facts) + "\n",
        f"## {label('summary', lang)} {{#summary}}\n\n{escape(r.summary[lang])}\n",
        f"## {label('official_text', lang)} {{#official-text}}\n\n{official_links(r, lang)}\n",
        f"## {label('milestones', lang)} {{#milestones}}\n\n{milestone_table}\n",
        f"## {label('key_terms', lang)} {{#terms}}\n",
        bullet_list([link(terms[t].term[lang], here, term_page(t)) for t in r.terms if t in terms], label("none", lang)) + "\n",
        f"## {label('discussed_in', lang)} {{#discussed-in}}\n\n{discussed_in(r, here, backlinks, lang)}\n",
        f"## {label('sources', lang)} {{#sources}}\n",
        "\n".join(f"{i}. {source_line(s, lang)}" for i, s in enumerate(r.sources, 1)) or label("none", lang),
        "",
    ]
    data = jsonld.legislation(r, lang, jurisdiction_name(r, lang))
    if data:
        parts.append(jsonld.script_block(data))
    return "\n".join(parts)


def index_item(r: Reference, here: str, lang: str, extra: str) -> str:
    return f"- {link(r.title[lang], here, reference_page(r.id))}  \n  <small>{escape(r.issuer[lang])} · {extra}</small>"


def grouped(references: list[Reference], here: str, lang: str, field: str, order: tuple, other) -> list[str]:
    blocks = []
    for value in order:
        members = sorted((r for r in references if getattr(r, field) == value), key=lambda r: r.title[lang].casefold())
        if members:
            blocks.append(f"### {label(f'{field}_{value}', lang)} {{#{field}-{value}}}\n")
            blocks.append("\n".join(index_item(r, here, lang, other(r, lang)) for r in members) + "\n")
    return blocks


def filter_box(lang: str) -> str:
    # Raw HTML: revealed and driven by docs/assets/kb-filter.js; `hidden` keeps it out of sight without JavaScript.
    return (
        '<div class="kb-filter" data-kb-filter hidden>\n'
        f'<label for="kb-filter-input">{label("filter_label", lang)}</label>\n'
        f'<input id="kb-filter-input" type="search" autocomplete="off" aria-describedby="kb-filter-hint">\n'
        f'<p id="kb-filter-hint" class="kb-filter-hint">{label("filter_hint", lang)}</p>\n'
        f'<p class="kb-filter-none" role="status" aria-live="polite" data-kb-filter-none="{attr(label("filter_none", lang))}"></p>\n'
        "</div>\n"
    )


def render_index(references: list[Reference], lang: str) -> str:
    here = INDEX
    intro = label("library_intro", lang, n=len(references), timeline=relative(here, TIMELINE))
    return "\n".join([
        # No glossary auto-links: issuer names in the small print would become low-contrast links, and a list of titles needs none.
        front_matter({"title": label("reference_library", lang), "autolink": False}),
        f"# {label('reference_library', lang)} {{#library}}\n",
        intro + "\n",
        filter_box(lang),
        '<div class="kb-library" data-kb-filter-scope markdown>\n',
        f"## {label('by_jurisdiction', lang)} {{#by-jurisdiction}}\n",
        *grouped(references, here, lang, "jurisdiction", shapes.JURISDICTIONS, type_name),
        f"## {label('by_type', lang)} {{#by-type}}\n",
        *grouped(references, here, lang, "type", shapes.REFERENCE_TYPES, jurisdiction_name),
        "</div>\n",
    ])


def reference_pages(site, backlinks: Backlinks) -> dict:
    pages = {}
    refs = list(site.references.values())
    today = getattr(site, "build_date", None)
    for lang in LANGS:
        pages[layout.source("references/index.md", lang)] = render_index(refs, lang)
        for r in refs:
            pages[layout.source(reference_page(r.id), lang)] = render_reference(r, site.terms, backlinks, lang, today)
    return pages
