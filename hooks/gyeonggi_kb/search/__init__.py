"""Site search, made from the built pages: the publish stage's search step, the same after any builder.

    search = SiteSearch(terms, cache)
    text = search.with_box(text, lang, url)      # each page, as publish writes it
    files = search.files(site_dir, pages, built) # after every page (`built`: their bytes, if at hand)

`with_box` puts the search box in a page's header (`with_box_at` in a 404
page's, whose links start at the site's absolute path). `files` reads the
searchable pages (publish's page map says which: not fallbacks, not
`search: exclude`) once they are written, and returns per language an index
split into small files (`search/` under the language's root) and the engine
script (`assets/kb-search/`); `stale_files` names what an earlier pass wrote
and this one did not.

How the parts fit (one job per module, data flowing down the list):

- pages.py: built HTML -> pages and sections;
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

It may import `layout`, the build cache and its own modules; never the
publish stage that calls it, nor a builder.
"""

from __future__ import annotations

from pathlib import Path

from .. import layout
from ..build_cache import NO_CACHE, BuildCache, digest
from .index import build_index, page_weights, term_labels
from .pages import article_of, page_title, read_page
from .shards import ENTRY, render_index_files
from .ui import add_search_ui, asset, compact_script

ENGINE_DIR = "assets/kb-search"


def engine_file() -> tuple[str, bytes]:
    """The engine's site-relative path, named by its digest so a new version is never served from an old cache."""
    data = (compact_script(asset("engine.js")) + "\n").encode("utf-8")
    return f"{ENGINE_DIR}/engine.{digest(data)[:10]}.js", data


class SiteSearch:
    """The search step of one publish pass: `terms` give the glossary labels, `cache` remembers pages and indexes."""

    def __init__(self, terms: dict, cache: BuildCache = NO_CACHE):
        self.terms = terms
        self.cache = cache
        self.engine_path, self.engine = engine_file()

    def with_box(self, page_html: str, lang: str, url: str) -> str:
        """The page at site-relative `url` (shown in `lang`) with the search box; links relative to the page."""
        to_site_root = layout.relative("", url)
        return add_search_ui(page_html, lang, to_site_root, layout.relative(layout.prefix(lang), url), self.engine_path)

    def with_box_at(self, page_html: str, lang: str, site_root: str) -> str:
        """A 404 page with the search box, its links from the site's absolute path `site_root` ('/' or '/kb/')."""
        return add_search_ui(page_html, lang, site_root, site_root + layout.prefix(lang), self.engine_path)

    def files(self, site_dir: Path, pages, built: dict | None = None) -> dict:
        """{site-relative path: bytes}: index files of each language and the engine.

        `pages` are the searchable built pages (anything with `.file`, `.url`
        and `.lang`, as publish's BuiltPage); `built` holds the bytes of those
        the caller has in hand, the others are read from `site_dir`.
        """
        built = built or {}
        files = {self.engine_path: self.engine}
        for lang in layout.LANGS:
            keys, read = [], []
            for page in pages:
                if page.lang == lang:
                    page_html = built.get(page.file) or (site_dir / page.file).read_bytes()
                    key, found = self.read(page_html, layout.unprefixed(page.url))
                    keys.append(key)
                    if found:
                        read.append(found)
            labels = term_labels(self.terms, lang)
            index_files = self.cache.get_or_compute(
                "search-index", (*keys, repr(sorted(labels.items()))),
                lambda: render_index_files(build_index([p for p, _ in read], labels, {p.url: w for p, w in read})),
            )
            for rel, data in index_files.items():
                files[layout.language_file(rel, lang)] = data
        return files

    def read(self, page_html: bytes, url: str) -> tuple[str, tuple | None]:
        """(digest of what the page's search content comes from, (Page, its words) or None if nothing to search)."""
        key = digest(url, page_title(page_html), article_of(page_html) or b"")

        def compute():
            page = read_page(page_html, url)
            return (page, page_weights(page)) if page else False

        return key, self.cache.get_or_compute("search", (key,), compute) or None


INDEX_FILE_NAMES = ("[pt]-*.json", Path(ENTRY).name)  # the shards and the entry, in each index folder


def index_folder(lang: str) -> str:
    """The site-relative folder of a language's index files: 'search', 'en/search'."""
    return layout.language_file(str(Path(ENTRY).parent), lang)


def is_index_file(name: str) -> bool:
    return any(Path(name).match(pattern) for pattern in INDEX_FILE_NAMES)


def stale_files(site_dir: Path, made: dict) -> list[Path]:
    """Index files and engines an earlier pass wrote under `site_dir` that are not in `made` (this pass's files)."""
    found = sorted((site_dir / ENGINE_DIR).glob("engine.*.js"))
    for lang in layout.LANGS:
        folder = site_dir / index_folder(lang)
        for pattern in INDEX_FILE_NAMES:
            found += sorted(folder.glob(pattern))
    return [path for path in found if path.relative_to(site_dir).as_posix() not in made]


__all__ = ["SiteSearch", "stale_files", "engine_file", "index_folder", "is_index_file"]
