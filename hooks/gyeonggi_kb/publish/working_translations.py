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

import re
from dataclasses import dataclass

from ..labels import label
from ..markdown import attr

SKIPPED = frozenset({"code", "pre", "script", "style", "svg", "textarea", "title", "kbd", "samp"})
TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
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
        self.key_of = {name: t.key for t in titles for name in t.names}
        names = sorted(self.key_of, key=lambda n: (-len(n), n))  # the longest name wins where names overlap
        self.pattern = re.compile(
            r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z0-9])") if names else None

    def mark_page(self, html: str, lang: str) -> str:
        """`html` with a note after the first mention of each working title; unchanged when there is none."""
        if self.pattern is None or not self.pattern.search(html):
            return html
        out, done = [], set()
        skipped = links = 0
        after_link = False  # a mention inside the current link: its note goes after the link
        for token in TOKEN.findall(html):
            tag = TAG.match(token)
            if tag:
                closing, name = tag.group(1) == "/", tag.group(2).lower()
                out.append(token)
                if name in SKIPPED and not token.endswith("/>"):
                    skipped += -1 if closing else 1
                elif name == "a":
                    links = max(0, links + (-1 if closing else 1))
                    if closing and links == 0 and after_link:
                        out.append(mark(lang))
                        after_link = False
            elif skipped or token.startswith("<"):  # text not read, or a comment or doctype
                out.append(token)
            else:
                text, in_link = self.mark_text(token, lang, done, links > 0)
                out.append(text)
                after_link = after_link or in_link
        return "".join(out)

    def mark_text(self, text: str, lang: str, done: set, inside_link: bool) -> tuple[str, bool]:
        """(text with a note after each first mention not yet `done`, whether a mention inside a link awaits its note)."""
        pieces, last, in_link = [], 0, False
        for found in self.pattern.finditer(text):
            key = self.key_of[found.group(0)]
            if key in done:
                continue
            done.add(key)
            if ALREADY_SAID.search(text[max(0, found.start() - 40):found.start()]):
                continue
            if inside_link:
                in_link = True
                continue
            pieces += [text[last:found.end()], mark(lang)]
            last = found.end()
        return "".join(pieces) + text[last:], in_link
