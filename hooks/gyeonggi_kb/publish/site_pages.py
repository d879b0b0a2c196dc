"""Which pages the built site has, in which languages, from the docs folder: the publish pass's map.

A builder writes one HTML file per page and language. Which of them is a
real translation and which an untranslated fallback (a Korean page served
under /en/), which page opts out of glossary links or search, cannot be read
reliably from the HTML; it can from the Markdown the builder read, which is
the generator's output plus the hand-written pages. So the map is built from
`docs/` and checked against the built folder: a page is listed in a language
only where the builder wrote its file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from gyeonggi_kb import layout

FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---\r?\n(.*?\r?\n)---\r?\n", re.S)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class BuiltPage:
    """One HTML file of the built site: a page shown in one language."""

    page: str  # docs page, e.g. 'glossary/llm.md'
    lang: str  # the language it is served in (its URL prefix)
    text_lang: str  # the language its text is written in; differs from `lang` on a fallback
    languages: tuple  # the languages the page is written in, in layout.LANGS order
    autolink: bool  # False when its front matter says `autolink: false`
    searchable: bool  # False when its front matter says `search: {exclude: true}`

    @property
    def url(self) -> str:
        return layout.url(self.page, self.lang)

    @property
    def file(self) -> str:
        return layout.built_file(self.url)

    @property
    def is_fallback(self) -> bool:
        return self.text_lang != self.lang

    def url_in(self, lang: str) -> str:
        return layout.url(self.page, lang)


def front_matter(path: Path) -> dict:
    """The YAML front matter of a Markdown file ({} if none or unreadable: the builder reported it already)."""
    with path.open(encoding="utf-8", errors="replace") as f:
        head = f.read(4096)
    match = FRONT_MATTER.match(head)
    if match is None:
        return {}
    try:
        data = yaml.load(match.group(1), Loader=YAML_LOADER)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def docs_sources(docs_dir: Path) -> dict:
    """{page: {lang: front matter}} of every Markdown file under `docs_dir` named for a language."""
    sources: dict = {}
    for path in sorted(docs_dir.rglob("*.md")):
        split = layout.split_source(path.relative_to(docs_dir).as_posix())
        if split is not None:
            page, lang = split
            sources.setdefault(page, {})[lang] = front_matter(path)
    return sources


def built_pages(
    docs_dir: Path, site_dir: Path | None, fallback_lang: str = layout.DEFAULT_LANG, sources: dict | None = None,
) -> list[BuiltPage]:
    """Every page the builder wrote, in every language it wrote it in, sorted by language and URL.

    A page missing in a language is served there from `fallback_lang`, as
    mkdocs-static-i18n's `fallback_to_default` does, when the file exists.
    With no `site_dir`, every page the builder will write from `docs_dir` (for
    pages handed over while the builder runs, before the folder is complete).
    `sources` is `docs_sources(docs_dir)`, when the caller has read it already.
    """
    pages = []
    for page, by_lang in (docs_sources(docs_dir) if sources is None else sources).items():
        languages = tuple(lang for lang in layout.LANGS if lang in by_lang)
        for lang in layout.LANGS:
            text_lang = lang if lang in by_lang else (fallback_lang if fallback_lang in by_lang else None)
            if text_lang is None or (site_dir is not None and not (site_dir / layout.built_file(layout.url(page, lang))).is_file()):
                continue
            meta = by_lang[text_lang]
            search = meta.get("search")
            pages.append(BuiltPage(
                page, lang, text_lang, languages,
                autolink=meta.get("autolink") is not False,
                searchable=not (isinstance(search, dict) and search.get("exclude") is True),
            ))
    return sorted(pages, key=lambda p: (layout.LANGS.index(p.lang), p.url))
