"""Say "working translation" where an unofficial English title first appears on a page: part of the publish pass. No I/O.

Korean laws and ordinances, and the programme itself, have no official
English titles (facts.md): the English titles on the site are our own
translations, and readers must be told so wherever they meet one. The records
say which titles those are (`title_official: false`; by default every Korean
and Gyeonggi law, regulation and ordinance, see shapes.py), so this pass
needs no list of its own, and works the same on generated and hand-written
pages: after the first mention of each such title on a page it puts a short
note in the page's language, "(working translation)" / "(비공식 번역)", as
text (read out by screen readers, printed on paper) with a tooltip that says
why.

A mention is the English title as written, or its long or short form when
the title ends in a parenthesised short title ("Framework Act on … (AI Basic
Act)"), matched whole: not inside a longer Latin word, but a Korean particle
may follow ("AI Basic Act은"). Text inside code, scripts, styles and pictures
(SVG) is not looked at; a mention inside a link gets its note after the link.
A mention that the text itself already calls a working translation
("(working translation: AI Administration …)") counts as marked.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from gyeonggi_kb.pages.labels import label
from gyeonggi_kb.pages.markdown import attr

SKIPPED = frozenset({"code", "pre", "script", "style", "svg", "textarea", "title", "kbd", "samp"})
TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
TAGS = re.compile(r"<[^>]*>")
# Tags that sit inside a line of text; any other tag ends it, so no mention is found across it.
INLINE = frozenset({"a", "abbr", "b", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"})
BREAK = "\x00"
SHORT_FORM = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
ALREADY_SAID = re.compile(r"(working translation|비공식 번역)\s*[:;,]?\s*$", re.I)
MARK_CLASS = "kb-working-translation"


@dataclass(frozen=True)
class WorkingTitle:
    key: str  # the record it names: the programme's or a reference's id
    names: tuple  # the ways pages write it: the title, and its long and short forms


def names_of(title: str) -> tuple:
    found = SHORT_FORM.match(title)
    return (title, found.group(1), found.group(2)) if found else (title,)


def working_titles(site) -> tuple:
    """Every English title of the site that is a working translation, from the records."""
    titles = []
    programme = site.programme
    if programme is not None and not programme.title_official and programme.title.en:
        titles.append(WorkingTitle(programme.id, names_of(programme.title.en)))
    for ref in sorted(site.references.values(), key=lambda r: r.id):
        if not ref.title_official and ref.title.en:
            titles.append(WorkingTitle(ref.id, names_of(ref.title.en)))
    return tuple(titles)


def mark(lang: str) -> str:
    return (f' <small class="{MARK_CLASS}" lang="{lang}" title="{attr(label("working_translation_tip", lang))}">'
            f'{label("working_translation_mark", lang)}</small>')


class TitleMarker:
    """Built once per build from `working_titles`; `mark_page` is then called for every page."""

    def __init__(self, titles):
        # Pages hold text HTML-escaped ('&amp;'), so the names are matched as they are written there.
        self.key_of = {html.escape(name, quote=False): t.key for t in titles for name in t.names}
        names = sorted(self.key_of, key=lambda n: (-len(n), n))  # the longest name wins where names overlap
        alternatives = "|".join(re.escape(n) for n in names)
        self.pattern = re.compile(r"(?<![A-Za-z0-9])(?:" + alternatives + r")(?![A-Za-z0-9])") if names else None
        self.anywhere = re.compile(alternatives) if names else None  # a quick test: could the page mention one at all?

    def mark_page(self, page_html: str, lang: str) -> str:
        """`page_html` with a note after the first mention of each working title; unchanged when there is none.

        Titles are looked for in the page's text as read, across inline tags (a
        glossary link may sit inside a title: "… for <a>AI Ethics</a>"), never
        across a block boundary or into code, scripts or pictures.
        """
        if self.pattern is None or not self.anywhere.search(TAGS.sub("", page_html)):
            return page_html
        tokens = TOKEN.findall(page_html)
        text, pieces = self.readable_text(tokens)
        notes: dict = {}  # token index -> [(offset in the token, note)], or (None, note) for after the token
        done: set = set()
        for found in self.pattern.finditer(text):
            key = self.key_of[found.group(0)]
            if key in done:
                continue
            done.add(key)
            if ALREADY_SAID.search(text[max(0, found.start() - 40):found.start()]):
                continue
            index, offset = self.place_of(pieces, found.end())
            at_index, at_offset = self.after_links(tokens, index, offset)
            notes.setdefault(at_index, []).append((at_offset, mark(lang)))
        out = []
        for i, token in enumerate(tokens):
            for offset, note in sorted(notes.get(i, ()), key=lambda n: -1 if n[0] is None else n[0], reverse=True):
                if offset is not None:
                    token = token[:offset] + note + token[offset:]
            out.append(token)
            out += [note for offset, note in notes.get(i, ()) if offset is None]
        return "".join(out)

    @staticmethod
    def readable_text(tokens: list) -> tuple[str, list]:
        """The page's text as read, and [(start in that text, token index)] of every text token in it."""
        parts, pieces, length, skipped = [], [], 0, 0
        for i, token in enumerate(tokens):
            tag = TAG.match(token)
            if tag:
                name = tag.group(2).lower()
                if name in SKIPPED and not token.endswith("/>"):
                    skipped += -1 if tag.group(1) == "/" else 1
                if name not in INLINE:
                    parts.append(BREAK)  # no mention runs across a block boundary
                    length += 1
            elif not skipped and not token.startswith("<"):
                pieces.append((length, i))
                parts.append(token)
                length += len(token)
        return "".join(parts), pieces

    @staticmethod
    def place_of(pieces: list, end: int) -> tuple[int, int]:
        """(token index, offset in it) of the position `end` of the readable text (the end of a mention)."""
        index = bisect.bisect_left([start for start, _ in pieces], end) - 1
        start, token = pieces[index]
        return token, end - start

    @staticmethod
    def after_links(tokens: list, index: int, offset: int) -> tuple[int, int | None]:
        """Where the note goes: at the mention's end, or after the link it ends in ((index, None): after that token)."""
        depth = 0
        for token in tokens[:index]:
            tag = TAG.match(token)
            if tag and tag.group(2).lower() == "a":
                depth = max(0, depth + (-1 if tag.group(1) == "/" else 1))
        if depth == 0:
            return index, offset
        for i in range(index + 1, len(tokens)):
            tag = TAG.match(tokens[i])
            if tag and tag.group(2).lower() == "a":
                depth += -1 if tag.group(1) == "/" else 1
                if depth == 0:
                    return i, None
        return index, offset
