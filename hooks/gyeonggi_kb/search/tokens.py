"""Search words: what the index stores and the browser looks up. Pure functions, no I/O.

The same rules cut the words of a page when the index is written and the
words of a query in the browser (engine.js receives SEPARATOR in the index
entry), so both sides agree on what a word is:

- SEPARATOR splits at white space, hyphens, the middle dot and slash
  (`AI·데이터`), commas, brackets and quotes (`인공지능(AI)의`, `「개인정보 보호법」`),
  where Latin meets Hangul (`AI기본법`), and it consumes a trailing particle
  or verb ending after a stem of at least two syllables, so `민원을` and
  `민원을.` both become `민원` on either side. The stem rule keeps short nouns
  such as `국가`, `제도` and `정의` whole.
- Words are lower-cased and NFC-normalised.

Parts of compounds (`보호법` in `개인정보보호법`), initial consonants (초성)
and one-jamo typos are not stored: the browser finds them in the index's
list of words (engine.js), which costs no index bytes.

The pattern is used in Python and as a JavaScript RegExp, so it keeps to
syntax both understand.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain

# Longest first: a regex alternation takes the first alternative that fits.
PARTICLES = (
    # case particles and their combinations
    "에서부터", "으로부터", "으로서", "으로써", "에서는", "에서도", "에서의", "에게서", "으로는", "으로의",
    "에서", "에게", "한테", "으로", "로서", "로써", "부터", "까지", "처럼", "보다", "마다", "조차", "이나",
    "이며", "이고", "에는", "에도", "에의", "와의", "과의", "로의", "로는", "이란", "이라는", "이다", "입니다",
    "을", "를", "이", "가", "은", "는", "의", "에", "로", "와", "과", "도", "만", "란",
    # 하다/되다 endings and -적 adjectives of Sino-Korean nouns (활용하는 -> 활용, 효율적인 -> 효율)
    "하는", "하고", "하여", "하며", "하기", "한다", "했다", "해야", "합니다", "하게", "할", "한", "해",
    "되는", "되어", "된다", "됩니다", "되고", "된", "될",
    "적으로", "적인", "적",
)
_ENDINGS = sorted(PARTICLES, key=len, reverse=True)

# Stock Material splits on whitespace and hyphens only. We add what joins words
# without a space in Korean text: the middle dot and slash (`AI·데이터`), commas,
# and brackets and quotes (`인공지능(AI)의`, `「개인정보 보호법」`).
_BASE_SEPARATOR = r"[\s\-·/,()\[\]{}「」『』“”‘’\"']+"
# A particle counts only at the end of a word (not followed by a letter or
# digit) and after at least two syllables or Latin letters (`AI의`, `IoT가`).
_PARTICLE = r"(?<=[0-9A-Za-z가-힣]{2})(?:" + "|".join(_ENDINGS) + r")(?![0-9A-Za-z가-힣])"
# Latin glued to Hangul is two words (`AI안전연구소`, `AI기본법`): as one rare token,
# it would outscore the plain `ai` of every other page in a prefix query `ai*`.
_SCRIPT_CHANGE = r"(?<=[A-Za-z])(?=[가-힣])"
SEPARATOR = _BASE_SEPARATOR + "|" + _PARTICLE + "|" + _SCRIPT_CHANGE

_SPLIT = re.compile(SEPARATOR)
_BASE_SPLIT = re.compile(_BASE_SEPARATOR)
# What is not a letter or digit is trimmed off either end of a word. Hangul
# compatibility jamo (ㄱ-ㆎ) count as letters: `ㅇㄱㅈㄴ` is a query of initial consonants.
WORD_CHAR_CLASS = "0-9A-Za-z가-힣ㄱ-ㆎ"
_EDGE = re.compile(f"^[^{WORD_CHAR_CLASS}]+|[^{WORD_CHAR_CLASS}]+$")


# The characters _EDGE keeps at the ends of a word: most words need no trimming,
# and telling so from two set lookups is much cheaper than running _EDGE on each.
_WORD_CHARS = (
    frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    | frozenset(map(chr, range(0xAC00, 0xD7A4)))
    | frozenset(map(chr, range(0x3131, 0x318F)))
)


def words(text: str) -> list[str]:
    """Split text as the browser splits a query: lower case, particles cut off, edge punctuation trimmed."""
    chunks = _BASE_SPLIT.split(unicodedata.normalize("NFC", text).lower())
    return list(chain.from_iterable(map(chunk_words, filter(None, chunks))))  # one loop, in C


@lru_cache(maxsize=65536)  # the same words recur on page after page
def chunk_words(chunk: str) -> tuple[str, ...]:
    """The words of a run of text between base separators (white space, punctuation).

    Splitting on the base separator first and the rest of SEPARATOR (particles,
    a change of script) inside each chunk gives the same words as SEPARATOR
    over the whole text: no particle contains a base separator character, and
    the particle rule's look-behind and look-ahead only test letters and
    digits, which the base separator never consumes.
    """
    found = []
    for part in _SPLIT.split(chunk):
        if part and not (part[0] in _WORD_CHARS and part[-1] in _WORD_CHARS):
            part = _EDGE.sub("", part)
        if part:
            found.append(part)
    return tuple(found)
