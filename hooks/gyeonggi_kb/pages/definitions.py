"""The short form of a term's definition: the tooltip of a glossary link and the glossary index's line."""

from __future__ import annotations

import re
from functools import lru_cache

SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")


@lru_cache(maxsize=16384)  # each page's tooltips repeat the same few hundred definitions
def short_definition(definition: str, limit: int = 200) -> str:
    """The first sentence of a definition, for a tooltip; cut at a word when still too long."""
    text = " ".join(definition.split())
    first = SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:·") + "…"
