"""Markdown for the reference library index and one page per document. No I/O."""

from __future__ import annotations

from .backlinks import Backlinks, reference_page, term_page
from .labels import format_date, label
from .markdown import bullet_list, escape, external, front_matter, link, source_line
from .model import LANGS, Reference

INDEX = "references/index.md"


def render_reference(r: Reference, terms: dict, backlinks: Backlinks, lang: str) -> str:
    here = reference_page(r.id)
    discussed = sorted(backlinks.reference_discussed_in.get(r.id, ()))
    official = [external(f"{label('official_text', lang)} ({code})", url) for code, url in (("한국어" if lang == "ko" else "Korean", r.urls.ko), ("영어" if lang == "ko" else "English", r.urls.en)) if url]
    milestones = sorted(r.milestones, key=lambda m: m.sort_key)
    parts = [
        front_matter({"title": r.title[lang], "description": r.summary[lang]}),
        f"# {escape(r.title[lang])} {{#reference}}\n",
        f"- **{label('issuer', lang)}**: {escape(r.issuer[lang])}",
        f"- **{label('jurisdiction', lang)}**: {r.jurisdiction}",
        f"- **{label('type', lang)}**: {r.type}\n",
        f"## {label('summary', lang)} {{#summary}}\n\n{escape(r.summary[lang])}\n",
        bullet_list(official, "") + "\n",
        f"## {label('milestones', lang)} {{#milestones}}\n",
        bullet_list([f"{format_date(m.date, lang)}: {escape(m.text[lang])} ([{label('sources', lang)}](<{m.source}>))" for m in milestones], label("none", lang)) + "\n",
        f"## {label('key_terms', lang)} {{#terms}}\n",
        bullet_list([link(terms[t].term[lang], here, term_page(t)) for t in r.terms if t in terms], label("none", lang)) + "\n",
        f"## {label('discussed_in', lang)} {{#discussed-in}}\n",
        bullet_list([link(d.title[lang], here, d.page) for d in discussed], label("not_discussed_yet", lang)) + "\n",
        f"## {label('sources', lang)} {{#sources}}\n",
        "\n".join(f"{i}. {source_line(s, lang)}" for i, s in enumerate(r.sources, 1)) or label("none", lang),
        "",
    ]
    return "\n".join(parts)


def render_index(references: list[Reference], lang: str) -> str:
    here = INDEX
    ordered = sorted(references, key=lambda r: (r.jurisdiction, r.title[lang].casefold()))
    return "\n".join([
        front_matter({"title": label("reference_library", lang)}),
        f"# {label('reference_library', lang)} {{#library}}\n",
        "\n".join(f"- {link(r.title[lang], here, reference_page(r.id))}" for r in ordered) + "\n",
    ])


def reference_pages(site, backlinks: Backlinks) -> dict:
    pages = {}
    refs = list(site.references.values())
    for lang in LANGS:
        pages[f"references/index.{lang}.md"] = render_index(refs, lang)
        for r in refs:
            pages[f"references/{r.id}.{lang}.md"] = render_reference(r, site.terms, backlinks, lang)
    return pages
