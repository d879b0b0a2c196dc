"""Dictionary order for the glossary indexes: 가나다 for Korean, A–Z for English.

Hangul syllables are encoded in Unicode in initial-medial-final order, which
is the South Korean dictionary order (ㄱ ㄲ ㄴ ㄷ ㄸ … ㅎ, ㅏ ㅐ ㅑ …), so
comparing NFC code points sorts 가나다. Both indexes sort letter by letter:
spaces and punctuation are ignored, as dictionaries do (`고영향 인공지능`
sorts as `고영향인공지능`, `e-government` as `egovernment`). Entries that start with a
Latin letter (`AI 에이전트`) come after ㅎ in the Korean index, then A–Z.

Jump-bar letters: a syllable files under its initial consonant, and a double
consonant files under its plain one (ㄲ under ㄱ, ㅆ under ㅅ), as Korean
dictionaries group them.
"""

from __future__ import annotations

import unicodedata

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"  # Unicode order of the 19 initial consonants
PLAIN = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
JUMP_CONSONANTS = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
# Heading anchors must be ASCII and the same in every build: the consonants' Korean names.
CONSONANT_IDS = dict(zip(JUMP_CONSONANTS, (
    "giyeok", "nieun", "digeut", "rieul", "mieum", "bieup", "siot",
    "ieung", "jieut", "chieut", "kieuk", "tieut", "pieup", "hieut",
)))
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
OTHER = "#"


def initial_consonant(ch: str) -> str | None:
    """ㄱ for 가 and 까, ㅅ for 쌀; None when `ch` is not a Hangul syllable."""
    code = ord(ch) - 0xAC00
    if 0 <= code < 11172:
        initial = INITIALS[code // 588]  # 21 vowels x 28 finals per initial
        return PLAIN.get(initial, initial)
    if ch in PLAIN or ch in JUMP_CONSONANTS:
        return PLAIN.get(ch, ch)
    return None


def first_letter(text: str) -> str:
    """The jump-bar letter an entry files under: a plain consonant, a Latin capital, or '#'."""
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        return OTHER
    consonant = initial_consonant(text[0])
    if consonant:
        return consonant
    base = unicodedata.normalize("NFD", text[0])[0].upper()  # É files under E
    return base if base in LATIN else OTHER


def letter_rank(letter: str) -> int:
    if letter in JUMP_CONSONANTS:
        return JUMP_CONSONANTS.index(letter)
    if letter in LATIN:
        return len(JUMP_CONSONANTS) + LATIN.index(letter)
    return len(JUMP_CONSONANTS) + len(LATIN)


def sort_key(text: str) -> tuple:
    """Korean before Latin before anything else; then 가나다 / A–Z ignoring spaces, punctuation and case."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return (letter_rank(first_letter(text)), "".join(c for c in folded if c.isalnum()), folded)


def letter_id(letter: str) -> str:
    """The heading anchor of a jump-bar letter: 'giyeok' for ㄱ, 'a' for A, 'other' for '#'."""
    if letter in CONSONANT_IDS:
        return CONSONANT_IDS[letter]
    return letter.lower() if letter in LATIN else "other"
