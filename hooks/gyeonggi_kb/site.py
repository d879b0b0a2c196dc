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
from dataclasses import dataclass
from pathlib import Path

from . import dates

from .backlinks import Backlinks, module_page, reference_page, session_page, term_page
from .build_cache import BuildCache, digest
from .internal_links import check_links, docs_files, docs_sources, site_targets, split_language
from .load import DOCS_DIR, RECAP_NON_RECAPS, RECAPS_DIR, input_files, load_all
from .model import LANGS
from .problems import DataError
from .render_curriculum import curriculum_pages
from .render_glossary import glossary_pages
from .render_references import reference_pages
from .render_recaps import recap_index_pages, recap_page_markdown
from .render_timeline import timeline_pages
from .calendar_ics import render_calendar
from .feeds import FEED, render_feed
from .glossary_export import render_exports
from .render_translation import translation_pages
from .translation import coverage, list_docs_pages, translation_gaps
from .validate import check_all
from .write import OWNED_FOLDERS, write_pages


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

    @property
    def build_date(self):
        return dates.build_date(self.build_epoch)


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
    problems = check_all(loaded)
    epoch = dates.build_epoch(root, os.environ if environ is None else environ)
    site = Site(root, loaded.programme, loaded.sessions, loaded.modules, loaded.terms, loaded.references, loaded.recaps, problems, epoch,
                list_docs_pages(root / DOCS_DIR))
    pages = render_pages(site)
    site.problems = sorted(set(problems) | set(check_page_links(site, pages, loaded)))
    return site, pages


PAGE_OF = {"module": module_page, "session": session_page, "term": term_page, "reference": reference_page}
LESSON_PAGE = "modules/{module}.{lang}.md"  # a lesson is part of its module's page
PROGRAMME_PAGE = "curriculum/index.md"  # the programme overview (render_curriculum)


def not_published(rel: str) -> bool:
    """Hand-written files under docs/ that are not pages (the recap templates; mkdocs.yml exclude_docs)."""
    folder, _, name = rel.rpartition("/")
    return folder == RECAPS_DIR.split("/", 1)[1] and name.split(".")[0] in RECAP_NON_RECAPS


def check_page_links(site: Site, generated: dict, loaded) -> list:
    """Links of the hand-written pages and the lessons, against every page and file the build will have."""
    docs = site.root / DOCS_DIR
    handwritten = docs_sources(docs, OWNED_FOLDERS, skip=not_published)
    # A recap page is framed by its front matter (title, takeaways, sources): its anchors are the framed page's.
    as_built = {rel: recap_page_markdown(site, rel, None, text) or text for rel, text in handwritten.items()}
    complete = {"module": site.modules, "session": site.sessions, "term": site.terms, "reference": site.references}
    broken = [PAGE_OF[kind](i) for kind in PAGE_OF for i in sorted(loaded.known_ids.get(kind, ())) if i not in complete[kind]]
    if site.programme is None:
        broken.append(PROGRAMME_PAGE)
    targets = site_targets(generated, as_built, docs_files(docs, OWNED_FOLDERS), broken)
    sources = [(f"{DOCS_DIR}/{rel}", rel, split_language(rel)[1] or "ko", text) for rel, text in handwritten.items()]
    for module in loaded.to_check("module").values():
        for lang, lesson in sorted(module.lessons.items()):
            sources.append((lesson.path, LESSON_PAGE.format(module=module.id, lang=lang), lang, lesson.markdown))
    return check_links(sources, targets)


def blocking(problems, tolerate=()) -> list:
    return [p for p in problems if p.kind not in tolerate]


def render_pages(site: Site) -> dict:
    backlinks = Backlinks(site)
    pages = {}
    for render in (curriculum_pages, glossary_pages, reference_pages, timeline_pages, recap_index_pages):
        pages.update(render(site, backlinks))
    gaps = translation_gaps(site, site.pages)
    pages.update(translation_pages(gaps, coverage(site, site.pages, gaps)))
    return pages


def generate(root: Path, docs_dir: Path | None = None, tolerate=()) -> dict:
    """Validate everything and write the generated pages; raise DataError listing every problem.

    Problems whose kind is in `tolerate` ("placeholder", "link") do not stop the writing."""
    return generate_site(root, docs_dir, tolerate=tolerate)[1]


def generate_site(root: Path, docs_dir: Path | None = None, cache: BuildCache | None = None, environ=None, tolerate=()) -> tuple[Site, dict]:
    """`generate`, also returning the site, for builders that need the records afterwards (auto-linking, exports).

    The site's tolerated problems stay in `site.problems`, for a preview to show.
    With a `cache` (build_cache), unchanged inputs whose generated pages are
    still on disk as written give the records of the last build without
    loading, checking or rendering anything again.
    """
    docs_dir = docs_dir or root / "docs"
    environ = os.environ if environ is None else environ
    table = cache.table("site") if cache else None
    key = inputs_key(root, docs_dir, environ) if table else None
    if table:
        hit = table.get(key)
        if hit is not None and hit["outputs"] == output_stats(docs_dir):
            if blocking(hit["site"].problems, tolerate):
                raise DataError(hit["site"].problems)
            return hit["site"], {"written": 0, "removed": 0, "unchanged": len(hit["outputs"])}
    site, pages = checked_site(root, environ)
    if blocking(site.problems, tolerate):
        raise DataError(site.problems)
    changed = write_pages(docs_dir, pages)
    if table:
        site.inputs_key = key
        table.put(key, {"site": site, "outputs": output_stats(docs_dir)})
    return site, changed


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


def export_files(site: Site, site_url: str, default_lang: str = "ko") -> dict:
    """Files that are not pages, by site-relative path: the calendar and the feed of each language.

    The default language sits at the site root, the others under '<lang>/', as
    the i18n plugin lays out pages. `site_url` is the absolute root URL.
    """
    files = {}
    root_url = site_url.rstrip("/") + "/"
    for lang in LANGS:
        prefix = "" if lang == default_lang else f"{lang}/"
        files[prefix + "sessions.ics"] = render_calendar(site, lang, root_url + prefix)
        files[prefix + FEED] = render_feed(site, lang, root_url + prefix)
    return files


def published_files(site: Site, site_url: str, memo=None) -> dict:
    """Every file of the site that is not a page, by site-relative path: glossary exports, calendars, feeds.

    `memo` (a build_cache table) remembers them by the site's inputs.
    """
    key = digest(site.inputs_key, site_url) if memo is not None and site.inputs_key else None
    files = memo.get(key) if key else None
    if files is None:
        files = {**render_exports(site.terms.values()), **export_files(site, site_url)}
        if key:
            memo.put(key, files)
    return files
