"""Site search, made from the built pages: a publish step that runs after any builder.

    write_search(site_dir, site) -> {site-relative path: bytes}

reads every built page under `site_dir` and returns what search adds to the
site: per language an index split into small files (`search/` under the
language's root), the engine script (`assets/kb-search/`), and every page
again with the search box in its header. `write_search_files` puts them on
disk. The MkDocs hook calls both after the build; `python -m gyeonggi_kb
search-index SITE_DIR` runs them on any built folder.

How the parts fit (one job per module, data flowing down the list):

- pages.py: built HTML -> pages and sections, in the language of their URL;
- tokens.py: the rules that cut text and queries into words;
- index.py: pages + glossary labels -> words, postings, sections;
- shards.py: an index -> the entry and the shards the browser fetches;
- ui.py: a page -> the same page with the search box;
- assets/: the loader inlined in pages, the style sheet, the engine.

Nothing is fetched for search until the reader opens it. Then the engine
fetches the language's entry (the sorted word list and where the shards
start), and for each query the postings of the words it matched and the
text of the results it shows; the README's "Search" section has the sizes.
Korean needs in the browser are met from the word list, so the index stores
whole words only: parts of compounds (`보호법`), initial consonants (`ㅇㄱㅈㄴ`),
half-typed syllables and one-jamo typos (`인공지눙`) are looked up there.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..build_cache import digest
from ..model import LANGS
from ..write import write_if_changed
from .index import build_index, page_weights, term_labels
from .pages import NOT_PAGES, article_of, built_pages, language_of, page_title, read_page
from .shards import ENTRY, render_index_files
from .ui import add_search_ui, asset, compact_script

ENGINE_DIR = "assets/kb-search"
# Material's and Zensical's page configuration; on an error page its base is the site's absolute path.
_ABSOLUTE_BASE = re.compile(rb'<script id="__config"[^>]*>[^<]*?"base":\s*"(/[^"]*)"')


def language_prefixes() -> dict:
    """The URL prefix of each language: the first (Korean) at the root, the others under /<lang>/."""
    return {lang: "" if lang == LANGS[0] else f"{lang}/" for lang in LANGS}


def engine_file() -> tuple[str, bytes]:
    """The engine's site-relative path, named by its digest so a new version is never served from an old cache."""
    data = (compact_script(asset("engine.js")) + "\n").encode("utf-8")
    return f"{ENGINE_DIR}/engine.{digest(data)[:10]}.js", data


def write_search(site_dir: Path, site, cache=None, prefixes: dict | None = None) -> dict:
    """{site-relative path: bytes} of the search index files, the engine and every page with the search box.

    `site` gives the glossary labels. `cache` (a BuildCache) remembers each
    page's sections and words by a digest of its article, and each
    language's index files by the digests of all its pages and its labels:
    a build of unchanged pages only adds the search box to them.
    """
    prefixes = prefixes or language_prefixes()
    engine_path, engine = engine_file()
    files = {engine_path: engine}
    for lang, found in built_pages(site_dir, prefixes).items():
        keys, pages, weights = [], [], {}
        for rel, page_html in found:
            to_site_root = site_root_from(rel, page_html)
            if to_site_root is not None:
                files[rel] = add_search_ui(page_html, lang, to_site_root, to_site_root + prefixes[lang], engine_path)
            if rel.rsplit("/", 1)[-1] not in NOT_PAGES:
                key, read = remembered_page(page_html, language_of(rel, prefixes)[1], cache)
                keys.append(key)
                if read:
                    pages.append(read[0])
                    weights[read[0].url] = read[1]
        labels = term_labels(site.terms, lang)
        for rel, data in remembered_index(keys, labels, lambda: render_index_files(build_index(pages, labels, weights)), cache).items():
            files[prefixes[lang] + rel] = data
    return files


def site_root_from(rel: str, page_html: bytes) -> str | None:
    """The URL of the site's root as seen from the page: relative (`../../`), or absolute for an error page.

    A 404 page is served at whatever address was not found, so only an absolute
    path holds there; the theme's configuration gives it. Without one, the page
    gets no search box (None).
    """
    if rel.rsplit("/", 1)[-1] not in NOT_PAGES:
        return "../" * rel.count("/")
    base = _ABSOLUTE_BASE.search(page_html)
    return base.group(1).decode("utf-8").rstrip("/") + "/" if base else None


def remembered_page(page_html: bytes, url: str, cache) -> tuple[str, tuple | None]:
    """(digest of what the page's search content comes from, (Page, its words) or None if nothing to search)."""
    key = digest(url, page_title(page_html), article_of(page_html) or b"")
    memo = cache.table("search") if cache is not None else None
    read = memo.get(key) if memo is not None else None
    if read is None:
        page = read_page(page_html, url)
        read = (page, page_weights(page)) if page else False
        if memo is not None:
            memo.put(key, read)
    return key, read or None


def remembered_index(page_keys: list, labels: dict, render, cache) -> dict:
    """The index files of one language: `render()`, or what it gave before for the same pages and labels."""
    if cache is None:
        return render()
    table = cache.table("search-index")
    key = digest(*page_keys, repr(sorted(labels.items())))
    files = table.get(key)
    if files is None:
        files = render()
        table.put(key, files)
    return files


def owned_files(site_dir: Path, prefixes: dict) -> list[Path]:
    """Files an earlier run of write_search wrote that are not pages: index files and engines."""
    found = sorted((site_dir / ENGINE_DIR).glob("engine.*.js"))
    for prefix in prefixes.values():
        folder = site_dir / prefix / Path(ENTRY).parent
        found += sorted(folder.glob("[pt]-*.json")) + sorted(folder.glob(Path(ENTRY).name))
    return found


def write_search_files(site_dir: Path, files: dict, prefixes: dict | None = None) -> dict:
    """Write `files` under `site_dir` where their bytes changed and remove index files and engines no longer made."""
    prefixes = prefixes or language_prefixes()
    changed = {"written": 0, "removed": 0}
    for path in owned_files(site_dir, prefixes):
        if path.relative_to(site_dir).as_posix() not in files:
            path.unlink()
            changed["removed"] += 1
    for rel, data in sorted(files.items()):
        changed["written"] += write_if_changed(site_dir / rel, data)
    return changed


__all__ = ["write_search", "write_search_files", "language_prefixes"]
