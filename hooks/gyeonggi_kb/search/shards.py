"""A language index as the files the browser fetches: one small entry and many shards. No I/O.

The browser fetches nothing until the reader opens search; then the entry
(`search/index.json` under the language's root), which holds the sorted
word list, the pages and where each shard starts. For a query it fetches
only the postings shards of the words it matched and the text shards of
the results it shows:

- postings shards cover runs of consecutive words in sorted order, so a
  word and the words it starts (`인공`, `인공지능`, `인공지능기본법`) are
  usually in one file;
- text shards cover runs of consecutive sections (anchor, heading, text,
  labels), so a result's snippet costs a few kilobytes, not the site's text.

Shards are named by a digest of their bytes: a new build never serves an old
shard under a name the browser may have cached. The entry's name is fixed
(pages name it); the browser asks for it again when a shard it lists has gone.

The same index gives the same bytes: JSON with sorted input, no dates.
"""

from __future__ import annotations

import json

from ..build_cache import digest
from .index import LanguageIndex
from .tokens import SEPARATOR, WORD_CHAR_CLASS

FORMAT = 1
ENTRY = "search/index.json"
# Raw sizes at which a shard is closed; gzip makes them about a third. Smaller
# shards waste fewer bytes per query and cost more requests.
POSTINGS_SHARD_BYTES = 3000
TEXT_SHARD_BYTES = 3000
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def base36(number: int) -> str:
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = DIGITS[rest] + out
        if not number:
            return out


_SMALL = tuple(base36(n) for n in range(36 * 36))  # most gaps between sections are small
_WEIGHT = ("", "", *(f".{w}" for w in range(2, 13)))


def encode_postings(postings) -> str:
    """`((section, weight), ...)` as "delta[.weight],…": sections as base-36 gaps, weight 1 left out."""
    parts, previous = [], 0
    for section, weight in postings:
        gap = section - previous
        parts.append((_SMALL[gap] if gap < len(_SMALL) else base36(gap)) + _WEIGHT[weight])
        previous = section
    return ",".join(parts)


def front_coded(terms) -> str:
    """Sorted words one per line, each as the length (0-9) of the prefix it shares with the line before, then the rest.

    A sorted word list repeats its prefixes (`인공지능`, `인공지능기본법`, ...): this
    takes a sixth off the entry even after gzip.
    """
    lines, previous = [], ""
    for term in terms:
        shared = 0
        # JavaScript counts UTF-16 code units: stop before a character outside the BMP.
        while shared < min(9, len(previous), len(term)) and previous[shared] == term[shared] and ord(term[shared]) < 0x10000:
            shared += 1
        lines.append(f"{shared}{term[shared:]}")
        previous = term
    return "\n".join(lines)


def to_json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def runs(items: list, size_of, limit: int) -> list[tuple[int, list]]:
    """Cut `items` into consecutive runs of about `limit` bytes: [(index of the first item, items), ...]."""
    out, start, current, total = [], 0, [], 0
    for number, item in enumerate(items):
        if current and total + size_of(item) > limit:
            out.append((start, current))
            start, current, total = number, [], 0
        current.append(item)
        total += size_of(item)
    if current:
        out.append((start, current))
    return out


def shard_name(kind: str, data: bytes) -> str:
    return f"search/{kind}-{digest(data)[:12]}.json"


def render_index_files(index: LanguageIndex) -> dict:
    """{language-relative path: bytes} of the entry and every shard of one language."""
    files = {}
    postings = [encode_postings(p) for p in index.postings]
    postings_table = []
    for start, run in runs(postings, lambda s: len(s) + 3, POSTINGS_SHARD_BYTES):
        data = to_json(run)
        name = shard_name("p", data)
        files[name] = data
        postings_table.append([start, name.removeprefix("search/")])
    texts = [[s.anchor, s.title, s.text, *([list(s.labels)] if s.labels else [])] for s in index.sections]
    text_table = []
    for start, run in runs(texts, lambda t: len(to_json(t)), TEXT_SHARD_BYTES):
        data = to_json(run)
        name = shard_name("t", data)
        files[name] = data
        text_table.append([start, name.removeprefix("search/")])
    sections_per_page = [0] * len(index.pages)
    for section in index.sections:
        sections_per_page[section.page] += 1
    entry = {
        "format": FORMAT,
        "separator": SEPARATOR,
        "wordChars": WORD_CHAR_CLASS,
        "pages": [[page.url, page.title, count] for page, count in zip(index.pages, sections_per_page)],
        "postings": postings_table,
        "texts": text_table,
        "terms": front_coded(index.terms),
    }
    files[ENTRY] = to_json(entry)
    return files
