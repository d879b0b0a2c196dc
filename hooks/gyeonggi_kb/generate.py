"""The pipeline in one place: load, check, render, write.

`load_site` is what `make validate` runs; `generate` is what the MkDocs hook
(and any other builder) calls before a build.

A site's problems are of three kinds (Problem.kind): "data" (the records are
wrong), "placeholder" (a scaffold's TODO is left) and "link" (a hand-written
page or lesson links to nothing). All of them fail `make validate` and
`make build`; a preview (`make serve`) passes `tolerate=("placeholder",
"link")` to generate pages anyway and show those problems on them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import layout
from .build_cache import NO_CACHE, BuildCache, digest
from .checks.internal_links import check_links, docs_files, docs_sources, site_targets, split_language
from .checks.review import check_review_dates
from .checks.translation import coverage, list_docs_pages, translation_gaps
from .checks.validate import check_all
from .data import dates
from .data.load import DOCS_DIR, input_files, load_all
from .data.model import LANGS
from .pages.backlinks import Backlinks
from .pages.curriculum import curriculum_pages
from .pages.glossary import glossary_pages
from .pages.programme_state import programme_phase
from .pages.recaps import recap_index_pages, recap_pages
from .pages.references import reference_pages
from .pages.timeline import timeline_pages
from .pages.translation_status import translation_pages
from .problems import DataError, Problem
from .write import OWNED_FOLDERS, foreign_files, write_pages


@dataclass
class Site:
    root: Path
    programme: object
    sessions: dict
    modules: dict
    terms: dict
    references: dict
    recaps: dict
    problems: list
    build_epoch: int | None = None  # SOURCE_DATE_EPOCH or the last commit: "now" for this build
    pages: tuple = ()  # hand-written docs pages ('about.ko.md'), for the translation status
    inputs_key: str = ""  # a digest of everything the records come from, when a build cache is used
    candidates: dict = field(default_factory=dict)  # candidate terms: never published, listed by the translation status

    @property
    def build_date(self):
        return dates.build_date(self.build_epoch)

    @property
    def phase(self):
        """'upcoming', 'running' or 'completed' on the build date (programme_state); None without a build date."""
        return programme_phase(self.programme, self.sessions.values(), self.build_date)


def load_site(root: Path, environ=None) -> Site:
    """The records and every problem `make validate` reports: data, placeholders, links."""
    return checked_site(root, environ)[0]


def checked_site(root: Path, environ=None) -> tuple[Site, dict]:
    """(site with every problem, its generated pages rendered in memory).

    The pages are rendered from the complete records even when other files
    have problems: links from hand-written pages are checked against them.
    They are written only when no problem blocks (generate_site).
    """
    loaded = load_all(root)
    epoch = dates.build_epoch(root, os.environ if environ is None else environ)
    review_problems = check_review_dates(loaded.references.values(), loaded.modules.values(), dates.build_date(epoch))
    problems = sorted(set(check_all(loaded)) | set(review_problems))
    site = Site(root, loaded.programme, loaded.sessions, loaded.modules, loaded.terms, loaded.references, loaded.recaps, problems, epoch,
                list_docs_pages(root / DOCS_DIR), candidates=loaded.candidates)
    pages = render_pages(site)
    foreign = [foreign_file_problem(root / DOCS_DIR, rel) for rel in foreign_files(root / DOCS_DIR, pages)]
    site.problems = sorted(set(problems) | set(check_page_links(site, pages, loaded)) | set(foreign))
    return site, pages


PAGE_OF = {"module": layout.module_page, "session": layout.session_page, "term": layout.term_page, "reference": layout.reference_page}
PROGRAMME_PAGE = "curriculum/index.md"  # the programme overview (render_curriculum)


def check_page_links(site: Site, generated: dict, loaded) -> list:
    """Links of the hand-written pages, the lessons and the recaps, against every page and file the build will have.

    A lesson is part of its module's page and a recap body is part of its
    recap page: their links are relative to those pages."""
    docs = site.root / DOCS_DIR
    handwritten = docs_sources(docs, OWNED_FOLDERS)
    complete = {"module": site.modules, "session": site.sessions, "term": site.terms, "reference": site.references}
    broken = [PAGE_OF[kind](i) for kind in PAGE_OF for i in sorted(loaded.known_ids.get(kind, ())) if i not in complete[kind]]
    if site.programme is None:
        broken.append(PROGRAMME_PAGE)
    broken += [layout.recap_page(session) for (session, _) in loaded.partial.get("recap", {})]
    targets = site_targets(generated, handwritten, docs_files(docs, OWNED_FOLDERS), broken)
    sources = [(f"{DOCS_DIR}/{rel}", rel, split_language(rel)[1] or layout.DEFAULT_LANG, text, 1) for rel, text in handwritten.items()]
    for module in loaded.to_check("module").values():
        for lang, lesson in sorted(module.lessons.items()):
            sources.append((lesson.path, layout.source(layout.module_page(module.id), lang), lang, lesson.markdown, 1))
    for (_, lang), recap in sorted(loaded.to_check("recap").items()):
        sources.append((recap.origin.path, layout.source(recap.page, lang), lang, recap.body, recap.body_line))
    return check_links(sources, targets)


def blocking(problems, tolerate=()) -> list:
    return [p for p in problems if p.kind not in tolerate]


def render_pages(site: Site) -> dict:
    backlinks = Backlinks(site)
    pages = {}
    for render in (curriculum_pages, glossary_pages, reference_pages, timeline_pages, recap_index_pages, recap_pages):
        pages.update(render(site, backlinks))
    gaps = translation_gaps(site, site.pages)
    pages.update(translation_pages(gaps, coverage(site, site.pages, gaps)))
    return pages


def generate(root: Path, docs_dir: Path | None = None, tolerate=()) -> dict:
    """Validate everything and write the generated pages; raise DataError listing every problem.

    Problems whose kind is in `tolerate` ("placeholder", "link") do not stop the writing."""
    return generate_site(root, docs_dir, tolerate=tolerate)[1]


def generate_site(root: Path, docs_dir: Path | None = None, cache: BuildCache = NO_CACHE, environ=None, tolerate=()) -> tuple[Site, dict]:
    """`generate`, also returning the site, for the stages that need the records afterwards (publish).

    The site's tolerated problems stay in `site.problems`, for a preview to show.
    With a build cache, unchanged inputs whose generated pages are still on
    disk as written give the records of the last build without loading,
    checking or rendering anything again.
    """
    docs_dir = docs_dir or root / "docs"
    environ = os.environ if environ is None else environ
    changed = {}

    def load_and_write() -> dict:
        site, pages = checked_site(root, environ)
        if blocking(site.problems, tolerate):
            raise DataError(site.problems)
        site.inputs_key = key
        changed.update(write_pages(docs_dir, pages))
        if changed["kept"]:
            raise DataError(foreign_file_problem(docs_dir, rel) for rel in changed.pop("kept"))
        del changed["kept"]
        return {"site": site, "outputs": output_stats(docs_dir)}

    key = inputs_key(root, docs_dir, environ) if cache.enabled else ""
    result = cache.get_or_compute("site", (key,), load_and_write, valid=lambda hit: hit["outputs"] == output_stats(docs_dir))
    if blocking(result["site"].problems, tolerate):  # remembered from a preview, which tolerates more
        raise DataError(result["site"].problems)
    if not changed:
        changed = {"written": 0, "removed": 0, "unchanged": len(result["outputs"])}
    return result["site"], changed


def foreign_file_problem(docs_dir: Path, rel: str) -> Problem:
    """A file in a folder the generator owns that the generator did not write: left alone, and reported."""
    path = (docs_dir / rel).relative_to(docs_dir.parent).as_posix() if docs_dir.parent in (docs_dir / rel).parents else rel
    folder = rel.split("/", 1)[0]
    where = "move it to curriculum/recaps/ (recaps live there now)" if folder == "recaps" else f"move it out of {docs_dir.name}/{folder}/ or delete it"
    return Problem(path, 1, f"{docs_dir.name}/{folder}/ holds the pages generated from the data, but this file was not generated, so it was left alone; {where}")


def inputs_key(root: Path, docs_dir: Path, environ) -> str:
    """A digest of everything load_site and render_pages read: the input files, the build date, where pages go."""
    parts = [str(root.resolve()), str(docs_dir.resolve()), str(dates.build_epoch(root, environ))]
    for path in input_files(root, OWNED_FOLDERS):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    parts += sorted(docs_files(root / DOCS_DIR, OWNED_FOLDERS))  # what links may point to besides pages
    return digest(*parts)


def output_stats(docs_dir: Path) -> dict:
    """{docs-relative path: (size, mtime in ns)} of every generated file: a page edited or deleted by hand is noticed."""
    stats = {}
    for folder in OWNED_FOLDERS:
        for dirpath, _, filenames in os.walk(docs_dir / folder):
            rel_dir = Path(dirpath).relative_to(docs_dir).as_posix()
            for name in filenames:
                st = os.stat(os.path.join(dirpath, name))
                stats[f"{rel_dir}/{name}"] = (st.st_size, st.st_mtime_ns)
    return stats
