"""Markdown for the glossary: one index per language and one page per term. No I/O.

The Korean index is in 가나다 order under a jump bar of initial consonants
(ㄱ … ㅎ, then Latin letters for terms such as `AI 에이전트`); the English one
is A–Z. See collation.py for the order. Both carry a schema.org
DefinedTermSet in JSON-LD, so search engines read the glossary as one, and
each term's page the DefinedTerm it lists.
Index pages opt out of auto-linking: every term on them is already a link.
"""

from __future__ import annotations

import html
import json

from gyeonggi_kb import layout
from gyeonggi_kb.data.model import LANGS, Term
from gyeonggi_kb.layout import term_page
from gyeonggi_kb.pages.definitions import short_definition

from .backlinks import Backlinks
from .collation import JUMP_CONSONANTS, LATIN, first_letter, letter_id, sort_key
from .labels import LABELS, label
from .markdown import bullet_list, escape, front_matter, link, source_line

INDEX = "glossary/index.md"
# Where the exports are published, relative to each language's glossary index (Korean at /, English at /en/).
SITE_ROOT_FROM_INDEX = {"ko": "../", "en": "../../"}
EXPORTS = (("glossary.json", "JSON"), ("glossary.csv", "CSV"), ("glossary.tbx", "TBX"))
def other(lang: str) -> str:
    return "en" if lang == "ko" else "ko"


def label_or_id(key: str, lang: str) -> str:
    """The interface word for a topic or status; the raw id when labels.py has none yet."""
    return label(key, lang) if key in LABELS else key.split("_", 1)[-1]


def term_source(s, lang: str) -> str:
    """A source line that names the law and article explicitly when the source is a law."""
    line = source_line(s, lang)
    if s.law and s.article and s.article not in s.title:
        line += f" ({escape(s.law)} {escape(s.article)})"
    if s.licence:  # text copied from a list under a licence, such as an imported term list
        line += f" ({label('licence', lang)}: {escape(s.licence)})"
    return line


def render_term(t: Term, terms: dict, backlinks: Backlinks, lang: str) -> str:
    here = term_page(t.id)
    o = other(lang)
    used_in = sorted(backlinks.term_used_in.get(t.id, ()))
    facts = [f"**{label('other_language', lang)}**: <span lang=\"{o}\">{escape(t.term[o])}</span>"]
    if t.abbreviations:
        facts.append(f"**{label('abbreviations', lang)}**: " + ", ".join(f'<span lang="en">{escape(a)}</span>' for a in t.abbreviations))
    synonyms = [escape(s) for s in t.synonyms[lang]] + [f'<span lang="{o}">{escape(s)}</span>' for s in t.synonyms[o]]
    if synonyms:
        facts.append(f"**{label('synonyms', lang)}**: " + ", ".join(synonyms))
    facts.append(f"**{label('topic', lang)}**: {escape(label_or_id('topic_' + t.topic, lang))}")
    facts.append(f"**{label('status', lang)}**: {label_or_id('term_status_' + t.status, lang)}")
    parts = [
        front_matter({"title": t.term[lang], "description": short_definition(t.definition[lang])}),
        f"# {escape(t.term[lang])} {{#term}}\n",
        "\n".join(f"- {f}" for f in facts) + "\n",
        f"## {label('definition', lang)} {{#definition}}\n\n{escape(t.definition[lang])}\n",
        f'<div class="kb-other-language" lang="{o}" markdown>\n\n**{escape(t.term[o])}**: {escape(t.definition[o])}\n\n</div>\n',
        f"## {label('related_terms', lang)} {{#related}}\n",
        bullet_list([link(terms[r].term[lang], here, term_page(r)) for r in t.related if r in terms], label("none", lang)) + "\n",
        f"## {label('used_in', lang)} {{#used-in}}\n",
        # hooks.py adds the pages that mention the term in their text (mentions.py) inside this div.
        '<div class="kb-used-in" markdown>\n\n'
        + bullet_list([link(r.title[lang], here, r.page) for r in used_in], f'<p class="kb-not-used">{label("not_used_yet", lang)}</p>')
        + "\n\n</div>\n",
        f"## {label('sources', lang)} {{#sources}}\n",
        "\n".join(f"{i}. {term_source(s, lang)}" for i, s in enumerate(t.sources, 1)) + "\n",
        defined_term(t, lang),
    ]
    return "\n".join(parts)


def jump_bar(letters: list[str], present: set, lang: str) -> str:
    """Links to each letter's section; letters without terms stay visible but are not links."""
    items = []
    for letter in letters:
        shown = html.escape(letter)
        if letter in present:
            items.append(f'<a href="#{letter_id(letter)}">{shown}</a>')
        else:
            items.append(f'<span aria-disabled="true">{shown}</span>')
    name = "초성으로 바로 가기" if lang == "ko" else "Jump to a letter"
    return f'<nav class="kb-jump" aria-label="{name}" data-autolink="false">\n' + "\n".join(items) + "\n</nav>\n"


def defined_term_set(terms: list[Term], lang: str) -> str:
    """schema.org DefinedTermSet as a JSON-LD script; URLs are relative to the index page.

    The set names its terms and where they are; each term's page describes the term
    (defined_term). Definitions here would repeat every term page on the index, the
    largest page of the site, which readers on a phone download in full.
    """
    return json_ld_script({
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "@id": "./#glossary",
        "name": label("glossary", lang),
        "inLanguage": lang,
        "hasDefinedTerm": [{"@type": "DefinedTerm", "@id": f"{t.id}/#term", "name": t.term[lang], "url": f"{t.id}/"} for t in terms],
    })


def defined_term(t: Term, lang: str) -> str:
    """schema.org DefinedTerm of a term's page, in the index's DefinedTermSet; URLs relative to the term's page."""
    return json_ld_script({
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": "./#term",
        "termCode": t.id,
        "name": t.term[lang],
        **({"alternateName": [*t.synonyms[lang], *t.abbreviations]} if t.synonyms[lang] or t.abbreviations else {}),
        "description": t.definition[lang],
        "url": "./",
        "inLanguage": lang,
        "inDefinedTermSet": "../#glossary",
    })


def json_ld_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    # Inside <script>, only '</' can end the element early; escape every '<' to be safe.
    return '<script type="application/ld+json">' + text.replace("<", "\\u003c") + "</script>\n"


def downloads(lang: str) -> str:
    root = SITE_ROOT_FROM_INDEX[lang]
    intro = "용어집 전체를 내려받기:" if lang == "ko" else "Download the whole glossary:"
    links = " · ".join(f'<a href="{root}{name}" download>{kind}</a>' for name, kind in EXPORTS)
    schema = "JSON 스키마" if lang == "ko" else "JSON Schema"
    return f'<p class="kb-downloads">{intro} {links} (<a href="{root}schemas/glossary.schema.json">{schema}</a>)</p>\n'


def render_index(terms: list[Term], lang: str) -> str:
    here = INDEX
    o = other(lang)
    ordered = sorted(terms, key=lambda t: (sort_key(t.term[lang]), t.id))
    groups: dict = {}
    for t in ordered:
        groups.setdefault(first_letter(t.term[lang]), []).append(t)
    letters = list(JUMP_CONSONANTS) + [c for c in LATIN if c in groups] if lang == "ko" else list(LATIN)
    letters += [c for c in groups if c not in letters]  # '#' for entries that start with a digit or symbol
    count = f"용어 {len(terms)}개를 가나다순으로 싣습니다." if lang == "ko" else f"{len(terms)} terms in alphabetical order."
    parts = [
        front_matter({"title": label("glossary", lang), "autolink": False}),
        f"# {label('glossary', lang)} {{#glossary}}\n",
        f"{count}\n",
        downloads(lang),
        jump_bar(letters, set(groups), lang),
    ]
    for letter in letters:
        if letter not in groups:
            continue
        parts.append(f"## {escape(letter)} {{#{letter_id(letter)}}}\n")
        parts.append("\n".join(
            f"- {link(t.term[lang], here, term_page(t.id))} <span lang=\"{o}\">({escape(t.term[o])})</span>: {escape(short_definition(t.definition[lang]))}"
            for t in groups[letter]
        ) + "\n")
    parts.append(defined_term_set(ordered, lang))
    return "\n".join(parts)


def glossary_pages(site, backlinks: Backlinks) -> dict:
    pages = {}
    terms = sorted(site.terms.values(), key=lambda t: t.id)
    for lang in LANGS:
        pages[layout.source("glossary/index.md", lang)] = render_index(terms, lang)
        for t in terms:
            pages[layout.source(term_page(t.id), lang)] = render_term(t, site.terms, backlinks, lang)
    return pages
