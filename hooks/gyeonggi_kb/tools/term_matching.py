"""When two term names are the same term, nearly the same, or probably misspelt. No I/O.

Lists from different sources write one term many ways: `mini batch`,
`mini-batch`, `Mini-Batch`; `미니배치`, `미니 배치`. `match_key` folds those
differences (NFC, case, white space, hyphens) so the import can say "the
same as row 58" or "already our term 'x'". Names that are close but not equal
(`attribute` / `attribution`) and English words that are not in an English
dictionary but one letter away from a word that is (`transopose`) are
reported as probable typos, for a person to decide.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

NEAR = 0.9  # difflib ratio from which two different names count as near-duplicates
WORD = re.compile(r"[A-Za-z]+")


def match_key(name: str) -> str:
    """`Mini-Batch` and `mini batch` give the same key; so do `미니배치` and `미니 배치`."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return re.sub(r"[\s\-‐‑‒–—_]+", "", folded)


def slug(name: str) -> str:
    """An id made from an English name: `Few-Shot Learning` -> `few-shot-learning`; '' when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].rstrip("-")


def near_duplicates(key: str, others) -> list[str]:
    """Keys in `others` close to `key` but not equal to it, closest first."""
    scored = [(difflib.SequenceMatcher(None, key, other).ratio(), other) for other in set(others) if other != key]
    return [other for score, other in sorted(scored, key=lambda s: (-s[0], s[1])) if score >= NEAR]


@lru_cache(maxsize=1)
def english_dictionary():
    """pyspellchecker's English word list (a frequency list of ~70,000 words), loaded once."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def misspelt_words(name: str, known_words=frozenset()) -> list[tuple[str, str]]:
    """(word, suggestion) for each English word of `name` that the dictionary lacks but has one edit away.

    Words in `known_words` (those already used in the glossary) are never reported; a word
    with no dictionary word one edit away (`softmax`, `backpropagation`) is taken as jargon.
    """
    checker = english_dictionary()
    found = []
    for word in WORD.findall(name):
        lower = word.lower()
        if len(lower) < 4 or lower in known_words or checker.known([lower]):
            continue
        suggestion = checker.correction(lower)
        if suggestion and suggestion != lower:
            found.append((word, suggestion))
    return found
