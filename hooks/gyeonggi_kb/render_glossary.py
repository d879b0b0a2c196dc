"""Markdown for the glossary index and one page per term. No I/O."""

from __future__ import annotations

from .backlinks import Backlinks, term_page
from .labels import label
from .markdown import bullet_list, escape, front_matter, link, source_line
from .model import LANGS, Term

INDEX = "glossary/index.md"


def render_term(t: Term, terms: dict, backlinks: Backlinks, lang: str) -> str:
    here = term_page(t.id)
    other = "en" if lang == "ko" else "ko"
    used_in = sorted(backlinks.term_used_in.get(t.id, ()))
    facts = [f"**{label('other_language', lang)}**: <span lang=\"{other}\">{escape(t.term[other])}</span>"]
    if t.abbreviations:
        facts.append(f"**{label('abbreviations', lang)}**: " + ", ".join(f'<span lang="en">{escape(a)}</span>' for a in t.abbreviations))
    if t.synonyms[lang]:
        facts.append(f"**{label('synonyms', lang)}**: " + ", ".join(escape(s) for s in t.synonyms[lang]))
    parts = [
        front_matter({"title": t.term[lang], "description": t.definition[lang]}),
        f"# {escape(t.term[lang])} {{#term}}\n",
        "\n".join(f"- {f}" for f in facts) + "\n",
        f"## {label('definition', lang)} {{#definition}}\n\n{escape(t.definition[lang])}\n",
        f'<div lang="{other}" markdown>\n\n{escape(t.definition[other])}\n\n</div>\n',
        f"## {label('related_terms', lang)} {{#related}}\n",
        bullet_list([link(terms[r].term[lang], here, term_page(r)) for r in t.related if r in terms], label("none", lang)) + "\n",
        f"## {label('used_in', lang)} {{#used-in}}\n",
        bullet_list([link(r.title[lang], here, r.page) for r in used_in], label("not_used_yet", lang)) + "\n",
        f"## {label('sources', lang)} {{#sources}}\n",
        "\n".join(f"{i}. {source_line(s, lang)}" for i, s in enumerate(t.sources, 1)) + "\n",
    ]
    return "\n".join(parts)


def render_index(terms: list[Term], lang: str) -> str:
    here = INDEX
    ordered = sorted(terms, key=lambda t: t.term[lang].casefold())
    return "\n".join([
        front_matter({"title": label("glossary", lang)}),
        f"# {label('glossary', lang)} {{#glossary}}\n",
        "\n".join(f"- {link(t.term[lang], here, term_page(t.id))}: {escape(t.definition[lang])}" for t in ordered) + "\n",
    ])


def glossary_pages(site, backlinks: Backlinks) -> dict:
    pages = {}
    terms = list(site.terms.values())
    for lang in LANGS:
        pages[f"glossary/index.{lang}.md"] = render_index(terms, lang)
        for t in terms:
            pages[f"glossary/{t.id}.{lang}.md"] = render_term(t, site.terms, backlinks, lang)
    return pages
