"""One search index per language, with hidden fields for Korean recall and glossary labels. No I/O.

mkdocs-static-i18n builds the languages one after another and merges every
page into a single search/search_index.json, so a Korean search lists English
pages and the other way round. Material's browser code fetches the index from
`<base>/search/search_index.json`, where `base` is the root of the page's
language (hooks.py points it there), so `split_index` cuts the merged index
into one index per language, each with locations relative to its own root.
Pages served under /en/ as untranslated fallbacks are kept out of the merged
index in the first place (hooks.py marks them `search: exclude`); their text
is Korean and already in the Korean index.

`enrich_index` then adds two fields that the worker indexes but never shows
(Material indexes every field its `config.fields` declares):

- `kb_labels`: on a glossary term's page, the term's name, synonyms and
  abbreviations in the index's language, less the words of the title, so
  `LLM`, `거대언어모델` and `초거대 AI` find the term's entry;
- `kb_pieces`: the compound pieces of the entry's Korean words (search_tokens).
"""

from __future__ import annotations

import json
import re

from . import layout
from .search_tokens import SEPARATOR, compound_pieces, words

_TAG = re.compile(r"<[^>]*>")  # entries keep list and paragraph tags (<li>, <p>) in their text

# Title and tags keep Material's boosts. A label is as good as a title (with a
# boost of 100 or less, `소버린 AI` and `data portability` fell out of the top 5
# in tests/bench_search.py); a piece of a compound counts like body text.
FIELDS = {
    "title": {"boost": 1000.0},
    "text": {"boost": 1.0},
    "tags": {"boost": 1000000.0},
    "kb_labels": {"boost": 1000.0},
    "kb_pieces": {"boost": 1.0},
}


def split_index(index: dict, prefixes: dict) -> dict:
    """Split a merged index into {lang: index}; `prefixes` maps each language to its URL prefix ('' or 'en/').

    An entry belongs to the language with the longest prefix that starts its
    location; that prefix is removed so locations are relative to the root.
    """
    ordered = sorted(prefixes.items(), key=lambda item: len(item[1]), reverse=True)
    docs = {lang: [] for lang in prefixes}
    for doc in index["docs"]:
        lang, prefix = next((lang, p) for lang, p in ordered if doc["location"].startswith(p))
        docs[lang].append({**doc, "location": doc["location"][len(prefix):]})
    return {lang: {**index, "docs": docs[lang]} for lang in prefixes}


def entry_text(doc: dict) -> str:
    """The words of an entry that pieces are made from: title, text without its tags, labels."""
    return _TAG.sub(" ", " ".join((doc.get("title", ""), doc.get("text", ""), doc.get("kb_labels", ""))))


def enrich_index(index: dict, labels: dict) -> dict:
    """Add kb_labels and kb_pieces to each entry, and declare them with the particle-aware separator.

    `labels` maps a page location (`glossary/llm/`) to the labels of what the
    page defines; they go on the page's first entry (the article itself),
    without the words its title already has: a title word matched again as a
    label would double its weight and lift every term with `AI` in its name.
    """
    docs = []
    for doc in index["docs"]:
        extra = {}
        title_words = set(words(doc.get("title", "")))
        label_words = [w for w in dict.fromkeys(words(" ".join(labels.get(doc["location"], ())))) if w not in title_words]
        if label_words:
            extra["kb_labels"] = " ".join(label_words)
        pieces = entry_pieces(entry_text({**doc, **extra}))
        if pieces:
            extra["kb_pieces"] = pieces
        docs.append({**doc, **extra})
    config = {**index["config"], "separator": SEPARATOR, "fields": FIELDS}
    return {**index, "config": config, "docs": docs}


def entry_pieces(text: str) -> str:
    """The kb_pieces field of an entry with `text`: its compound pieces, space-separated."""
    return " ".join(compound_pieces(text))


def glossary_labels(terms: dict, term_page, lang: str) -> dict:
    """{page location: labels} of every glossary term in one language: its name, synonyms and abbreviations."""
    return {
        layout.directory_url(term_page(t.id)): [label for label in (t.term[lang], *t.synonyms[lang], *t.abbreviations) if label]
        for t in sorted(terms.values(), key=lambda t: t.id)
    }


def render_search_indexes(merged: dict, labels: dict) -> dict:
    """Return {site-relative path: JSON text} of each language's enriched index; a language without entries is left out.

    `labels` is {lang: {page location: labels}}.
    The JSON keeps Hangul as UTF-8 instead of Material's \\uXXXX escapes, which
    take six bytes per syllable instead of three.
    """
    prefixes = {lang: layout.prefix(lang) for lang in layout.LANGS}
    out = {}
    for lang, index in split_index(merged, prefixes).items():
        if index["docs"]:
            data = enrich_index(index, labels.get(lang, {}))
            out[f"{prefixes[lang]}search/search_index.json"] = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return out


__all__ = ["FIELDS", "split_index", "entry_text", "enrich_index", "entry_pieces", "glossary_labels", "render_search_indexes"]
