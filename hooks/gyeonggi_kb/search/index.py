"""One language's search index: pages, sections, a sorted word list and each word's postings. No I/O.

Postings are per section, so the browser knows which section of a page
matched: that section is the one it links to and quotes. Each posting holds
one weight, the best place the word has in the section:

- WEIGHT_TITLE: in the page's title (its first section only),
- WEIGHT_LABEL: in a label of the glossary term the page defines (its name,
  synonyms and abbreviations in the index's language: `LLM`, `거대언어모델`),
- WEIGHT_HEADING: in the section's heading,
- 1 to MAX_COUNT: how often it occurs in the section's text, capped.

Only whole words are stored; the browser finds parts of compounds, initial
consonants and typos by looking through the word list (engine.js).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import layout
from .pages import Page
from .tokens import words

MAX_COUNT = 9
WEIGHT_HEADING, WEIGHT_LABEL, WEIGHT_TITLE = 10, 11, 12


@dataclass(frozen=True)
class IndexedSection:
    page: int  # position of its page in LanguageIndex.pages
    anchor: str
    title: str
    text: str
    labels: tuple[str, ...] = ()  # glossary labels, on a term page's first section


@dataclass(frozen=True)
class LanguageIndex:
    pages: tuple[Page, ...]
    sections: tuple[IndexedSection, ...]  # page by page, in page order
    terms: tuple[str, ...]  # sorted as JavaScript compares strings (UTF-16 code units)
    postings: tuple[tuple[tuple[int, int], ...], ...]  # per term: ((section, weight), ...) by section


def term_labels(terms: dict, lang: str) -> dict:
    """{page URL: labels} of every glossary term in `lang`: its name, synonyms and abbreviations."""
    labels = {}
    for term in sorted(terms.values(), key=lambda t: t.id):
        url = layout.directory_url(layout.term_page(term.id))
        labels[url] = tuple(label for label in (term.term[lang], *term.synonyms[lang], *term.abbreviations) if label)
    return labels


def js_order(term: str) -> bytes:
    """Sort key matching JavaScript's `<` on strings, which compares UTF-16 code units."""
    return term.encode("utf-16-be", "surrogatepass")


def build_index(pages: list[Page], labels: dict, weights: dict | None = None) -> LanguageIndex:
    """Index `pages` (sorted by URL for stable numbering) with `labels` ({page URL: labels}) on term pages.

    `weights` ({page URL: page_weights(page)}, as the build cache keeps them)
    saves cutting the text of unchanged pages into words again.
    """
    pages = tuple(sorted(pages, key=lambda p: p.url))
    weights = weights or {}
    sections = []
    postings: dict[str, dict[int, int]] = {}
    for page_no, page in enumerate(pages):
        own = weights.get(page.url) or page_weights(page)
        for position, (section, found) in enumerate(zip(page.sections, own)):
            own_labels = tuple(labels.get(page.url, ())) if position == 0 else ()
            if own_labels:
                found = with_labels(found, own_labels)
            number = len(sections)
            sections.append(IndexedSection(page_no, section.anchor, section.title, section.text, own_labels))
            for term, weight in found.items():
                postings.setdefault(term, {})[number] = weight
    terms = tuple(sorted(postings, key=js_order))
    # Sections were numbered in order, so each word's postings are in order already.
    return LanguageIndex(pages, tuple(sections), terms, tuple(tuple(postings[t].items()) for t in terms))


def page_weights(page: Page) -> tuple[dict, ...]:
    """{word: weight} of each section of `page`, labels left out (see the module docstring)."""
    return tuple(section_weights(s.title, s.text, position == 0) for position, s in enumerate(page.sections))


def section_weights(title: str, text: str, is_page_title: bool) -> dict:
    found = {word: min(count, MAX_COUNT) for word, count in Counter(words(text)).items()}
    for word in words(title):
        found[word] = WEIGHT_TITLE if is_page_title else max(found.get(word, 0), WEIGHT_HEADING)
    return found


def with_labels(found: dict, labels) -> dict:
    found = dict(found)
    for word in words(" ".join(labels)):
        found[word] = max(found.get(word, 0), WEIGHT_LABEL)
    return found
