"""Frozen records built from validated YAML. Each knows where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from . import dates

LANGS = ("ko", "en")


@dataclass(frozen=True)
class Origin:
    path: str
    line: int
    key_lines: tuple = field(default=(), compare=False)  # ((key, line), ...)
    item_lines: tuple = field(default=(), compare=False)  # ((key, (line, ...)), ...) for top-level lists
    # Keys ('date', 'en.definition') that failed their shape check: the record was salvaged for
    # cross checks only (salvage.py), and these keys hold a neutral value, not the file's.
    unusable: frozenset = field(default=frozenset(), compare=False)

    def usable(self, key: str) -> bool:
        return key not in self.unusable

    def line_of(self, key: str, index: int | None = None) -> int:
        if index is not None:
            lines = self._item_lines.get(key, ())
            if index < len(lines):
                return lines[index]
        return self._key_lines.get(key, self.line)

    # The pairs as dicts, made once per record: checks ask for lines thousands of times.
    @cached_property
    def _key_lines(self) -> dict:
        return dict(self.key_lines)

    @cached_property
    def _item_lines(self) -> dict:
        return dict(self.item_lines)


@dataclass(frozen=True)
class Text:
    """The same text in Korean and English. `None` means not known yet."""

    ko: Optional[str]
    en: Optional[str]

    def __getitem__(self, lang: str) -> Optional[str]:
        return getattr(self, lang)


@dataclass(frozen=True)
class Source:
    title: str
    url: Optional[str] = None
    law: Optional[str] = None
    article: Optional[str] = None
    licence: Optional[str] = None


@dataclass(frozen=True)
class VerifyBy:
    """A fact known to be provisional: check it again by `date`; `note` says what (for editors only)."""

    date: dt.date
    note: str
    line: int = field(default=0, compare=False)  # line of the `verify_by:` key in its file


@dataclass(frozen=True)
class Programme:
    id: str
    title: Text
    title_note: Text
    summary: Text
    purpose: Text
    audience: Text
    organiser: Text
    partner: Text
    partner_note: Text
    start: dt.date
    end: dt.date
    sessions_total: int
    announced: Optional[dt.date]
    sources: tuple
    origin: Origin
    title_official: bool = True  # False: the English title is a working translation (working_translations.py)


@dataclass(frozen=True)
class Session:
    id: str
    number: int
    date: Optional[dt.date]
    start_time: Optional[str]
    end_time: Optional[str]
    status: str
    title: Text
    venue: Text
    note: Text
    modules: tuple
    sources: tuple
    origin: Origin


@dataclass(frozen=True)
class LessonSection:
    """One `## Heading {#id}` section of a lesson: its id, the 1-based line of the heading, and its text."""

    id: str
    line: int
    body: str


@dataclass(frozen=True)
class Lesson:
    """A module's lesson text in one language (curriculum/lessons/<id>.<lang>.md)."""

    path: str
    markdown: str
    sections: tuple  # LessonSection, in document order; level-2 headings without an id are kept with id ''

    @property
    def section_ids(self) -> tuple:
        return tuple(s.id for s in self.sections if s.id)


@dataclass(frozen=True)
class Module:
    id: str
    group: str
    order: int
    title: Text
    summary: Text
    objectives: dict
    terms: tuple
    references: tuple
    related: tuple
    prerequisites: tuple
    announced_in: tuple
    origin: Origin
    lessons: dict = field(default_factory=dict, compare=False)  # lang -> Lesson
    reviewed: Optional[dt.date] = None  # the module and its lessons were last checked against their sources
    verify_by: Optional[VerifyBy] = None


@dataclass(frozen=True)
class Term:
    id: str
    topic: str
    abbreviations: tuple
    term: Text
    synonyms: dict  # lang -> tuple
    definition: Text
    related: tuple
    sources: tuple
    status: str
    autolink: bool
    origin: Origin
    shared_labels: tuple = ()  # labels also claimed by another term on purpose; they do not link here

    def labels(self) -> tuple:
        """Every string that names this term, in any language."""
        return (self.term.ko, self.term.en, *self.synonyms["ko"], *self.synonyms["en"], *self.abbreviations)


@dataclass(frozen=True)
class Milestone:
    date: object  # datetime.date, or 'YYYY-MM' / 'YYYY' when the day is not known
    kind: str
    text: Text
    source: str
    line: int = field(default=0, compare=False)  # line of the milestone's date in its file
    verify_by: Optional[VerifyBy] = None

    @property
    def sort_key(self) -> tuple:
        return dates.sort_key(self.date)


@dataclass(frozen=True)
class Reference:
    id: str
    jurisdiction: str
    type: str
    issuer: Text
    title: Text
    summary: Text
    urls: Text
    milestones: tuple
    terms: tuple
    sources: tuple
    origin: Origin
    reviewed: Optional[dt.date] = None  # last checked against its sources
    verify_by: Optional[VerifyBy] = None
    title_official: bool = True  # False: the English title is a working translation (working_translations.py)


@dataclass(frozen=True)
class Recap:
    """A hand-written recap page in one language; its front matter is data."""

    session: str
    lang: str
    title: str
    date: dt.date
    summary: str
    takeaways: tuple
    modules: tuple
    terms: tuple
    references: tuple
    sources: tuple
    page: str  # the page generated from it, e.g. recaps/s01.md
    origin: Origin
    autolink: bool = True
    body: str = field(default="", compare=False)  # the Markdown after the front matter
    body_line: int = field(default=0, compare=False)  # file line where the body starts
