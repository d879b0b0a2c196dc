"""The pipeline in one place: load, check, render, write.

`load_site` is what `make validate` runs; `generate` is what the MkDocs hook
(and any other builder) calls before a build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .backlinks import Backlinks
from .load import load_all
from .problems import DataError, Problem
from .render_curriculum import curriculum_pages
from .render_glossary import glossary_pages
from .render_references import reference_pages
from .validate import check_all
from .write import write_pages


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


def load_site(root: Path) -> Site:
    loaded = load_all(root)
    problems = check_all(loaded)
    return Site(root, loaded.programme, loaded.sessions, loaded.modules, loaded.terms, loaded.references, loaded.recaps, problems)


def render_pages(site: Site) -> dict:
    backlinks = Backlinks(site)
    pages = {}
    for render in (curriculum_pages, glossary_pages, reference_pages):
        pages.update(render(site, backlinks))
    return pages


def generate(root: Path, docs_dir: Path | None = None) -> dict:
    """Validate everything and write the generated pages; raise DataError listing every problem."""
    return generate_site(root, docs_dir)[1]


def generate_site(root: Path, docs_dir: Path | None = None) -> tuple[Site, dict]:
    """`generate`, also returning the site, for builders that need the records afterwards (auto-linking, exports)."""
    site = load_site(root)
    if site.problems:
        raise DataError(site.problems)
    return site, write_pages(docs_dir or root / "docs", render_pages(site))
