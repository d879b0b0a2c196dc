"""Internal links and anchors of hand-written pages and lessons, checked from the sources, without building.

MkDocs checks links only while it builds, and says neither the line nor,
for anchors, what exists instead. This check resolves every relative link
the way the build will, in two passes:

1. `site_targets`: every page the build will have, by page and language
   (`glossary/bias.md`, 'en'; see layout.py), with its anchors (anchors.py):
   the hand-written pages under docs/ and the generated pages, rendered from
   the data in memory; plus the other files under docs/ (pictures, styles).
2. `check_links`: every link in a hand-written page, a lesson or a recap (a
   lesson is part of its module's page, `modules/<id>.<lang>.md`, and a
   recap's body of `recaps/<session>.<lang>.md`, so their links are relative
   to those pages) that does not resolve is a problem of kind "link" at its
   line, with the existing target nearest to the broken one.

A link to `page.md` from a page in one language means that language's
version of the page, else the Korean one (the i18n plugin's fallback). Pages
of records whose data is broken exist, but their anchors are not known
(None) and are not checked until the data is fixed.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote

from gyeonggi_kb import layout
from gyeonggi_kb.data.yamlsource import read_source
from gyeonggi_kb.layout import DEFAULT_LANG, LANGS, split_source
from gyeonggi_kb.problems import Problem

from .anchors import collect_anchors, prose_lines

KIND = "link"
# `[text](target "title")`, `![alt](target)`; the target may be in <angle brackets>.
INLINE = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:\s*(<[^>\n]*>|\S+)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Targets:
    """What links can point to: {(docs-relative page without language suffix, lang): Markdown as built, or
    None when not known}, and the other files. Anchors are collected only for pages a link has a '#' to."""

    pages: dict
    files: frozenset
    anchors_memo: dict = field(default_factory=dict)

    def page(self, path: str, lang: str):
        """(key, anchors or None) of the version of page `path` a reader in `lang` gets; None if there is none."""
        for candidate in (lang, DEFAULT_LANG):
            key = (path, candidate)
            if key in self.pages:
                return key, self.anchors(key)
        return None

    def anchors(self, key):
        if key not in self.anchors_memo:
            text = self.pages[key]
            self.anchors_memo[key] = None if text is None else collect_anchors(text)
        return self.anchors_memo[key]

    def page_paths(self) -> set:
        return {path for path, _ in self.pages}


def split_language(rel: str) -> tuple[str, str | None]:
    """'glossary/bias.ko.md' -> ('glossary/bias.md', 'ko'); 'x.md' -> ('x.md', None)."""
    return split_source(rel) or (rel, None)


def site_targets(generated: dict, handwritten: dict, files, record_pages=()) -> Targets:
    """`generated` and `handwritten`: {docs-relative path with language suffix: Markdown as built};
    `record_pages`: docs-relative paths (no suffix) of pages whose records are broken (anchors unknown)."""
    pages: dict = {}
    for path in record_pages:
        for lang in LANGS:
            pages[(path, lang)] = None
    for rel, text in (*generated.items(), *handwritten.items()):
        path, lang = split_language(rel)
        pages[(path, lang or DEFAULT_LANG)] = text
    return Targets(pages, frozenset(files))


def link_targets(text: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line, target) of every inline or reference link in Markdown prose; `text` starts at line `first_line`."""
    for number, _, line in prose_lines(text, first_line):
        if "]" not in line:
            continue
        for match in (*INLINE.finditer(line), *REFERENCE.finditer(line)):
            target = match.group(1)
            yield number, target[1:-1] if target.startswith("<") else target


def is_internal(target: str) -> bool:
    return not (SCHEME.match(target) or target.startswith(("//", "/")))


def nearest(wanted: str, known) -> str | None:
    """The existing target nearest to `wanted`, when one is near enough to be what was meant.

    Compared without '.md', which every page path ends with and which would make unrelated paths look alike."""
    stem = {k.removesuffix(".md"): k for k in sorted(known)}
    hint = difflib.get_close_matches(wanted.removesuffix(".md"), list(stem), n=1, cutoff=0.6)
    return stem[hint[0]] if hint else None


def suggestion(hint: str | None, fallback: str) -> str:
    return f"; did you mean '{hint}'?" if hint else f"; {fallback}"


def anchor_list(anchors, prefix: str = "") -> str:
    """What a page's anchors are, when none is near the one written."""
    shown = sorted(anchors)[:8]
    if not shown:
        return "that page has no anchors"
    more = ", ..." if len(anchors) > len(shown) else ""
    return "its anchors are " + ", ".join(f"'{prefix}#{a}'" for a in shown) + more


def relative(path: str, start_dir: str) -> str:
    return layout.relpath(path, start_dir or ".")


def check_link(target: str, page: str, lang: str, targets: Targets, own_anchors) -> str | None:
    """What is wrong with `target` written on docs-relative `page` (in `lang`), or None when it resolves.
    `own_anchors` gives the anchors of the page the link is on."""
    path, _, fragment = target.partition("#")
    path, fragment = unquote(path), unquote(fragment)
    base = posixpath.dirname(page)
    if not path:  # '#anchor' on the same page
        own_anchors = own_anchors()
        if own_anchors is None or fragment in own_anchors or not fragment:
            return None
        hint = nearest(fragment, own_anchors)
        return f"link '{target}' points to an anchor this page does not have" + suggestion(
            hint and "#" + hint, "this page's " + anchor_list(own_anchors).removeprefix("its "))
    resolved = posixpath.normpath(posixpath.join(base, path))
    pages = targets.page_paths()
    if path.endswith(".md"):
        wanted, wanted_lang = split_language(resolved)
        found = targets.page(wanted, wanted_lang or lang) if not resolved.startswith("../") else None
        if found is None:
            from_root = split_language(posixpath.normpath(path))[0]
            # A path written from the docs folder instead of from this page's folder is the usual slip.
            hint = relative(from_root, base) if base and from_root in pages else nearest(path, {relative(p, base) for p in pages})
            return f"link '{target}' points to a page that does not exist" + suggestion(
                hint and hint + (f"#{fragment}" if fragment else ""), "no page has a similar path: check it (it is relative to this page's folder)")
        _, anchors = found
        if fragment and anchors is not None and fragment not in anchors:
            hint = nearest(fragment, anchors)
            return f"link '{target}' points to an anchor that page '{path}' does not have" + suggestion(
                hint and f"{path}#{hint}", anchor_list(anchors, path))
        return None
    if resolved in targets.files:
        return None
    folder_page = posixpath.join(resolved, "index.md")
    if targets.page(folder_page, lang) is not None:
        return f"link '{target}' points to a folder; link its page instead" + suggestion(
            relative(folder_page, base) + (f"#{fragment}" if fragment else ""), "")
    hint = nearest(path, {relative(p, base) for p in pages | targets.files})
    return f"link '{target}' points to a file that does not exist" + suggestion(hint, "no file has a similar path: check it (it is relative to this page's folder)")


def check_links(sources, targets: Targets) -> list[Problem]:
    """Problems for `sources`: (repository-relative path, docs-relative page file it is part of, lang, Markdown,
    the line of the file the Markdown starts at)."""
    problems = []
    for rel, page, lang, text, first_line in sources:
        def own_anchors(page=page, lang=lang, text=text):
            found = targets.page(split_language(page)[0], lang)
            return found[1] if found else collect_anchors(text)

        for line, target in link_targets(text, first_line):
            if not is_internal(target):
                continue
            wrong = check_link(target, page, lang, targets, own_anchors)
            if wrong:
                problems.append(Problem(rel, line, wrong, KIND))
    return problems


def docs_sources(docs_dir: Path, skip_folders) -> dict:
    """{docs-relative path: text} of the hand-written Markdown pages (the folders in `skip_folders` are generated)."""
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else ():
        rel = path.relative_to(docs_dir).as_posix()
        if rel.split("/", 1)[0] in skip_folders:
            continue
        text, _ = read_source(path, rel)
        if text is not None:
            pages[rel] = text
    return pages


def docs_files(docs_dir: Path, skip_folders) -> set:
    """Docs-relative paths of the files under docs/ that are not Markdown pages (pictures, stylesheets, scripts)."""
    return {
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*")
        if path.is_file() and path.suffix != ".md" and path.relative_to(docs_dir).parts[0] not in skip_folders
    } if docs_dir.is_dir() else set()
