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

from ..backlinks import term_page
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
        url = term_page(term.id).removesuffix(".md") + "/"
        labels[url] = tuple(label for label in (term.term[lang], *term.synonyms[lang], *term.abbreviations) if label)
    return labels


def js_order(term: str) -> bytes:
    """Sort key matching JavaScript's `<` on strings, which compares UTF-16 code units."""
    return term.encode("utf-16-be", "surrogatepass")


def build_index(pages: list[Page], labels: dict) -> LanguageIndex:
    """Index `pages` (sorted by URL for stable numbering) with `labels` ({page URL: labels}) on term pages."""
    pages = tuple(sorted(pages, key=lambda p: p.url))
    sections = []
    weights: dict[str, dict[int, int]] = {}
    for page_no, page in enumerate(pages):
        for position, section in enumerate(page.sections):
            own_labels = labels.get(page.url, ()) if position == 0 else ()
            number = len(sections)
            sections.append(IndexedSection(page_no, section.anchor, section.title, section.text, tuple(own_labels)))
            for term, weight in section_weights(section.title, section.text, own_labels, position == 0).items():
                weights.setdefault(term, {})[number] = weight
    terms = tuple(sorted(weights, key=js_order))
    postings = tuple(tuple(sorted(weights[t].items())) for t in terms)
    return LanguageIndex(pages, tuple(sections), terms, postings)


def section_weights(title: str, text: str, labels, is_page_title: bool) -> dict:
    """{word: weight} of one section (see the module docstring)."""
    found = {word: min(count, MAX_COUNT) for word, count in Counter(words(text)).items()}
    for word in words(title):
        found[word] = WEIGHT_TITLE if is_page_title else max(found.get(word, 0), WEIGHT_HEADING)
    for word in words(" ".join(labels)):
        found[word] = max(found.get(word, 0), WEIGHT_LABEL)
    return found
