"""The pipeline in one place: load, check, render, write.

`load_site` is what `make validate` runs; `generate` is what the MkDocs hook
(and any other builder) calls before a build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import dates

from .backlinks import Backlinks
from .build_cache import BuildCache, digest
from .load import input_files, load_all
from .model import LANGS
from .programme_state import programme_phase
from .problems import DataError
from .render_curriculum import curriculum_pages
from .render_glossary import glossary_pages
from .render_references import reference_pages
from .render_recaps import recap_index_pages
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

    @property
    def phase(self):
        """'upcoming', 'running' or 'completed' on the build date (programme_state); None without a build date."""
        return programme_phase(self.programme, self.sessions.values(), self.build_date)


def load_site(root: Path, environ=None) -> Site:
    loaded = load_all(root)
    problems = check_all(loaded)
    epoch = dates.build_epoch(root, os.environ if environ is None else environ)
    return Site(root, loaded.programme, loaded.sessions, loaded.modules, loaded.terms, loaded.references, loaded.recaps, problems, epoch,
                list_docs_pages(root / "docs"))


def render_pages(site: Site) -> dict:
    backlinks = Backlinks(site)
    pages = {}
    for render in (curriculum_pages, glossary_pages, reference_pages, timeline_pages, recap_index_pages):
        pages.update(render(site, backlinks))
    gaps = translation_gaps(site, site.pages)
    pages.update(translation_pages(gaps, coverage(site, site.pages, gaps)))
    return pages


def generate(root: Path, docs_dir: Path | None = None) -> dict:
    """Validate everything and write the generated pages; raise DataError listing every problem."""
    return generate_site(root, docs_dir)[1]


def generate_site(root: Path, docs_dir: Path | None = None, cache: BuildCache | None = None, environ=None) -> tuple[Site, dict]:
    """`generate`, also returning the site, for builders that need the records afterwards (auto-linking, exports).

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
            return hit["site"], {"written": 0, "removed": 0, "unchanged": len(hit["outputs"])}
    site = load_site(root, environ)
    if site.problems:
        raise DataError(site.problems)
    changed = write_pages(docs_dir, render_pages(site))
    if table:
        site.inputs_key = key
        table.put(key, {"site": site, "outputs": output_stats(docs_dir)})
    return site, changed


def inputs_key(root: Path, docs_dir: Path, environ) -> str:
    """A digest of everything load_site and render_pages read: the input files, the build date, where pages go."""
    parts = [str(root.resolve()), str(docs_dir.resolve()), str(dates.build_epoch(root, environ))]
    for path in input_files(root, OWNED_FOLDERS):
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
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
