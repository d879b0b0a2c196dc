"""What is not yet written in both languages: the work list behind the site's fallback notices.

`translation_gaps` walks the loaded records (and the list of hand-written
pages) and returns one `Gap` per missing piece: a page or lesson without its
other-language file, a lesson or field still holding the scaffold's
placeholder, a field empty in one language while the other has text, or
Korean text copied unchanged into an English field, or a candidate term (kept
off the site) whose definitions are still to write. `coverage` turns the same
walk into per-collection percentages. Both are pure; `list_docs_pages` is the
only function that reads the disk.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from gyeonggi_kb import layout
from gyeonggi_kb.data import shapes
from gyeonggi_kb.data.model import LANGS, Text
from gyeonggi_kb.data.placeholders import PLACEHOLDER, is_placeholder
from gyeonggi_kb.write import OWNED_FOLDERS

HANGUL = re.compile(r"[\uac00-\ud7a3]")
PLACEHOLDER_IN_TEXT = re.compile(r"(^|\s)" + re.escape(PLACEHOLDER))
OTHER = {"ko": "en", "en": "ko"}
# Fields where null in one language is a fact, not a missing translation: most
# documents have no official text in a second language, and `title_note`
# explains the English title (a working translation) to English readers only.
NOT_TRANSLATIONS = {"urls", "title_note"}
# Lists whose length may differ between languages (a Korean synonym need not have an English one).
FREE_LISTS = {"synonyms"}
COLLECTIONS = (
    ("programme", "curriculum/programme.yml"),
    ("sessions", "curriculum/sessions/"),
    ("modules", "curriculum/modules/"),
    ("terms", "glossary/"),
    ("references", "references/"),
    ("recaps", "curriculum/recaps/"),
)


@dataclass(frozen=True, order=True)
class Gap:
    """One piece missing in `lang`: at `path:line`, of `kind`, about `subject` (a field or a file)."""

    lang: str
    path: str
    line: int
    kind: str  # page | lesson | lesson-placeholder | missing | placeholder | copied | candidate | candidate-ready
    subject: str

    @property
    def collection(self) -> str:
        return collection_of(self.path)


def collection_of(path: str) -> str:
    if path.startswith("curriculum/lessons/"):
        return "lessons"
    for name, prefix in COLLECTIONS:
        if path.startswith(prefix):
            return name
    return "pages"


def list_docs_pages(docs_dir: Path) -> tuple[str, ...]:
    """Hand-written pages, docs-relative, with their language suffix ('about.ko.md')."""
    if not docs_dir.is_dir():
        return ()
    pages = []
    for path in docs_dir.rglob("*.md"):
        rel = path.relative_to(docs_dir).as_posix()
        if rel.split("/", 1)[0] in OWNED_FOLDERS or layout.split_source(rel) is None:
            continue
        pages.append(rel)
    return tuple(sorted(pages))


def page_gaps(pages: tuple) -> list[Gap]:
    present = set(pages)
    gaps = []
    for rel in pages:
        page, lang = layout.split_source(rel)
        other = layout.source(page, OTHER[lang])
        if other not in present:
            gaps.append(Gap(OTHER[lang], f"docs/{rel}", 0, "page", f"docs/{other}"))
    return gaps


def recap_gaps(recaps: dict) -> list[Gap]:
    """A recap written in one language only: the other language's file is missing."""
    gaps = []
    for (session, lang), recap in sorted(recaps.items()):
        other = OTHER[lang]
        if (session, other) not in recaps:
            gaps.append(Gap(other, recap.origin.path, 0, "page", layout.source(layout.split_source(recap.origin.path)[0], other)))
    return gaps


def lesson_gaps(modules: dict) -> list[Gap]:
    gaps = []
    for module in modules.values():
        lessons = module.lessons
        for lang in LANGS:
            lesson = lessons.get(lang)
            if lesson is None:
                if lessons:
                    existing = next(iter(lessons.values())).path
                    gaps.append(Gap(lang, existing, 0, "lesson", layout.source(layout.split_source(existing)[0], lang)))
                continue
            if PLACEHOLDER not in lesson.markdown:
                continue  # most lessons: one search in C instead of a regex per line
            for number, line in enumerate(lesson.markdown.splitlines(), 1):
                if PLACEHOLDER_IN_TEXT.search(line):
                    gaps.append(Gap(lang, lesson.path, number, "lesson-placeholder", lesson.path))
                    break
    return gaps


def text_pair_gaps(pair: dict, path: str, lines: dict, subject: str) -> list[Gap]:
    """Gaps for one value that exists once per language: `pair` and `lines` are {lang: ...}."""
    gaps = []
    for lang in LANGS:
        mine, theirs = pair[lang], pair[OTHER[lang]]
        if is_placeholder(mine):
            gaps.append(Gap(lang, path, lines[lang], "placeholder", subject.format(lang=lang)))
        elif not (mine or "").strip() and (theirs or "").strip() and not is_placeholder(theirs):
            gaps.append(Gap(lang, path, lines[lang], "missing", subject.format(lang=lang)))
    ko, en = pair["ko"], pair["en"]
    if en and ko and en.strip() == ko.strip() and HANGUL.search(en):
        gaps.append(Gap("en", path, lines["en"], "copied", subject.format(lang="en")))
    return gaps


def record_gaps(record, sections: set) -> list[Gap]:
    """Walk a record's bilingual values. `sections` are the names kept under `ko:`/`en:` in the YAML."""
    origin = record.origin
    gaps = []
    for f in dataclasses.fields(record):
        name, value = f.name, getattr(record, f.name)
        if name in NOT_TRANSLATIONS:
            continue
        if name in sections:  # under `ko:` / `en:`: point at that section
            subject, lines = "{lang}." + name, {lang: origin.line_of(lang) for lang in LANGS}
        else:
            subject, lines = name + ".{lang}", dict.fromkeys(LANGS, origin.line_of(name))
        if isinstance(value, Text):
            gaps += text_pair_gaps({"ko": value.ko, "en": value.en}, origin.path, lines, subject)
        elif isinstance(value, dict) and set(value) == set(LANGS) and name not in FREE_LISTS and all(isinstance(v, tuple) for v in value.values()):
            for i in range(max(len(value["ko"]), len(value["en"]))):
                pair = {lang: value[lang][i] if i < len(value[lang]) else None for lang in LANGS}
                gaps += text_pair_gaps(pair, origin.path, lines, f"{subject}[{i + 1}]")
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                text = getattr(item, "text", None)
                if isinstance(text, Text):
                    item_lines = dict.fromkeys(LANGS, origin.line_of(name, i))
                    gaps += text_pair_gaps({"ko": text.ko, "en": text.en}, origin.path, item_lines, f"{name}[{i + 1}]" + ".{lang}")
    if getattr(record, "lang", None) in LANGS:  # a recap: one language per file
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            values = value if isinstance(value, tuple) else (value,)
            for i, item in enumerate(values):
                if is_placeholder(item) or is_placeholder(getattr(item, "title", None)):
                    subject = f.name + (f"[{i + 1}]" if isinstance(value, tuple) else "")
                    gaps.append(Gap(record.lang, origin.path, origin.line_of(f.name), "placeholder", subject))
    return gaps


def bilingual_sections(kind_shape) -> set:
    """Names under `ko:`/`en:` in a record's shape (title, summary...)."""
    keys = {k.name: k for k in kind_shape.keys}
    return {k.name for lang in LANGS if lang in keys for k in getattr(keys[lang].kind, "keys", ())}


def candidate_gaps(candidates: dict) -> list[Gap]:
    """A candidate term needs its definition in each language where it has none; then only its status changes."""
    gaps = []
    for term in candidates.values():
        origin = term.origin
        missing = [lang for lang in LANGS if not term.definition[lang]]
        gaps += [Gap(lang, origin.path, origin.line_of(lang), "candidate", f"{lang}.definition") for lang in missing]
        if not missing:
            gaps.append(Gap("ko", origin.path, origin.line_of("status"), "candidate-ready", "status"))
    return gaps


def translation_gaps(site, pages: tuple) -> list[Gap]:
    gaps = page_gaps(pages) + lesson_gaps(site.modules) + recap_gaps(site.recaps) + candidate_gaps(getattr(site, "candidates", {}))
    for records, shape in (
        ([site.programme] if site.programme else [], shapes.PROGRAMME),
        (site.sessions.values(), shapes.SESSION),
        (site.modules.values(), shapes.MODULE),
        (site.terms.values(), shapes.TERM),
        (site.references.values(), shapes.REFERENCE),
        (site.recaps.values(), shapes.RECAP),
    ):
        sections = bilingual_sections(shape)
        for record in records:
            gaps += record_gaps(record, sections)
    return sorted(set(gaps))


@dataclass(frozen=True)
class Coverage:
    collection: str
    total: int
    complete: dict  # lang -> number of items with nothing missing in that language

    def percent(self, lang: str) -> int:
        return 100 if not self.total else int(100 * self.complete[lang] / self.total)


def without_language(path: str) -> str:
    """'docs/about.ko.md' -> 'docs/about': one key for both languages of a page."""
    return layout.split_source(path)[0].removesuffix(".md")


def coverage(site, pages: tuple, gaps: list[Gap]) -> list[Coverage]:
    """Per collection: how many items are complete in each language."""
    items = {
        "programme": [site.programme.origin.path] if site.programme else [],
        "sessions": [s.origin.path for s in site.sessions.values()],
        "modules": [m.origin.path for m in site.modules.values()],
        "lessons": [f"curriculum/lessons/{m}" for m in site.modules],
        "terms": [t.origin.path for t in site.terms.values()],
        "references": [r.origin.path for r in site.references.values()],
        "recaps": sorted({without_language(r.origin.path) for r in site.recaps.values()}),
        "pages": sorted({"docs/" + without_language(rel) for rel in pages}),
    }
    incomplete = {lang: set() for lang in LANGS}
    for gap in gaps:
        key = gap.path
        if gap.collection == "lessons":
            key = gap.path.rsplit(".", 2)[0]
        elif gap.collection in ("pages", "recaps"):
            key = without_language(gap.path)
        incomplete[gap.lang].add(key)
    return [
        Coverage(name, len(keys), {lang: sum(1 for k in keys if k not in incomplete[lang]) for lang in LANGS})
        for name, keys in items.items()
    ]
