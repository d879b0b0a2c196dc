"""One search index per language, from the index the builder's search plugin wrote. Pure but for reading it.

mkdocs-static-i18n builds the languages one after another and Material's
search plugin writes every page of both into one `search/search_index.json`,
untranslated fallbacks included. This splits it into one index per language
(search_index.py: Korean-aware separator, compound pieces, glossary labels),
each with locations relative to its language's root, leaves fallbacks out
(their Korean original is in the Korean index), and points each page's
`base` at its language's root, where Material's JavaScript fetches
`search/search_index.json` from.

Zensical writes no merged index but one `search.json` per language, for its
own search; `builder_search_files` only takes the fallbacks out of it.
"""

from __future__ import annotations

import json
from pathlib import Path

from gyeonggi_kb import layout
from gyeonggi_kb.build_cache import NO_CACHE, BuildCache
from gyeonggi_kb.search_index import glossary_labels, render_search_indexes

from . import built_html
from .site_pages import BuiltPage

MERGED_INDEX = "search/search_index.json"
LANGUAGE_INDEX = "search.json"  # Zensical's, at each language's root


def with_search_base(text: str, page: BuiltPage) -> str:
    if page.lang == layout.DEFAULT_LANG:
        return text  # the builder's base is the site root, which is the Korean root
    return built_html.set_config_base(text, layout.relative(layout.prefix(page.lang), page.url))


def search_files(site_dir: Path, pages: list[BuiltPage], terms: dict, cache: BuildCache = NO_CACHE) -> dict:
    """{site-relative path: JSON} of each language's index; {} when there is no merged index to split."""
    path = site_dir / MERGED_INDEX
    if not path.is_file():
        return {}
    merged_json = path.read_text(encoding="utf-8")
    merged = json.loads(merged_json)
    if "kb_pieces" in merged.get("config", {}).get("fields", {}):
        return {}  # split by an earlier pass already
    fallbacks = sorted(page.url for page in pages if page.is_fallback)
    labels = {lang: glossary_labels(terms, layout.term_page, lang) for lang in layout.LANGS}

    def split() -> dict:
        docs = [doc for doc in merged["docs"] if doc["location"].split("#", 1)[0] not in set(fallbacks)]
        return render_search_indexes({**merged, "docs": docs}, labels)

    key = (merged_json, repr(fallbacks), repr(sorted((lang, sorted(by_page.items())) for lang, by_page in labels.items())))
    return cache.get_or_compute("search", key, split)


def builder_search_files(site_dir: Path, pages: list[BuiltPage]) -> dict:
    """{site-relative path: JSON} of each language's own index (Zensical's) with the fallbacks left out, where it had any."""
    files = {}
    for lang in layout.LANGS:
        path = site_dir / layout.language_file(LANGUAGE_INDEX, lang)
        if not path.is_file():
            continue
        fallbacks = {layout.unprefixed(page.url) for page in pages if page.lang == lang and page.is_fallback}
        index = json.loads(path.read_text(encoding="utf-8"))
        items = [item for item in index["items"] if item["location"].split("#", 1)[0] not in fallbacks]
        if len(items) < len(index["items"]):
            files[layout.language_file(LANGUAGE_INDEX, lang)] = json.dumps({**index, "items": items}, ensure_ascii=False, separators=(",", ":"))
    return files
