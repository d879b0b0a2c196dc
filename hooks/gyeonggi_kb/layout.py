"""Where everything is: the one module that knows the site's layout.

Every other module asks here instead of spelling a path, so the layout can
change in one place (and a builder other than MkDocs can be taught it once):

- Languages: Korean, the default, at the site root; every other language
  under `<lang>/` (`en/glossary/llm/`).
- Pages: a page is named by its docs-relative Markdown path without a
  language (`glossary/llm.md`); its file in one language is
  `glossary/llm.ko.md` ("source"), the docs structure mkdocs-static-i18n
  and zensical-i18n call `suffix`.
- Directory URLs: `glossary/llm.md` is served at `glossary/llm/`, written as
  `glossary/llm/index.html`; `index.md` is the language root.
- Record pages: a module, session, term or reference has its page at
  `<folder>/<id>.md`.
- Raw-HTML links: a generated page whose Markdown holds raw HTML with
  relative links (the inline SVG pictures, the feed link) is an index page
  (`references/timeline/index.md`, not `references/timeline.md`). Builders
  read such a link differently: MkDocs leaves it relative to the page's URL,
  Zensical resolves it against the Markdown file (zensical#258) and adds a
  `../` on every other page. For an index page the two are the same folder.
- Per-language files that are not pages (calendars, feeds, search data) sit
  at the root of their language.

URLs here are site-relative, without a leading slash ('' is the Korean home,
'en/' the English one). Pure: no I/O.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import urlsplit

LANGS = ("ko", "en")
DEFAULT_LANG = LANGS[0]
HTML_INDEX = "index.html"


# --- Languages

def prefix(lang: str) -> str:
    """The URL prefix of a language: '' for Korean, 'en/' for English."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def lang_of_url(url: str) -> str:
    """The language a site-relative URL or file belongs to: 'en/glossary/' -> 'en', 'glossary/' -> 'ko'."""
    first = url.split("/", 1)[0]
    return first if first in LANGS and first != DEFAULT_LANG else DEFAULT_LANG


def unprefixed(url: str) -> str:
    """A URL without its language prefix: 'en/glossary/llm/' -> 'glossary/llm/'."""
    return url[len(prefix(lang_of_url(url))):]


def language_file(name: str, lang: str) -> str:
    """A per-language file at its language's root: ('sessions.ics', 'en') -> 'en/sessions.ics'."""
    return prefix(lang) + name


# --- Pages and their files

def source(page: str, lang: str) -> str:
    """The Markdown file of a page in one language: ('glossary/llm.md', 'ko') -> 'glossary/llm.ko.md'."""
    return f"{page.removesuffix('.md')}.{lang}.md"


def split_source(path: str) -> tuple[str, str] | None:
    """(page, language) of a Markdown file named for one language ('about.ko.md' -> ('about.md', 'ko')), else None."""
    stem, dot, rest = path.rpartition(".")
    if rest != "md" or not dot:
        return None
    page, dot, lang = stem.rpartition(".")
    return (page + ".md", lang) if dot and lang in LANGS else None


# --- URLs

@lru_cache(maxsize=16384)
def directory_url(page: str) -> str:
    """The URL of a page, without language: 'glossary/llm.md' -> 'glossary/llm/', 'index.md' -> ''."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def url(page: str, lang: str = DEFAULT_LANG) -> str:
    """The site-relative URL of a page in a language: ('glossary/llm.md', 'en') -> 'en/glossary/llm/'."""
    return prefix(lang) + directory_url(page)


def built_file(url: str) -> str:
    """The file a builder writes for a directory URL: 'en/glossary/llm/' -> 'en/glossary/llm/index.html'."""
    return url + HTML_INDEX


def url_of_built_file(path: str) -> str | None:
    """The directory URL a built file serves ('en/glossary/llm/index.html' -> 'en/glossary/llm/'), else None."""
    if path == HTML_INDEX or path.endswith("/" + HTML_INDEX):
        return path[: -len(HTML_INDEX)]
    return None


def site_path(site_url: str) -> str:
    """The site's path on its host ('/' or '/repo/'): where the language homes are."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def absolute(site_url: str, url: str) -> str:
    """The published address of a site-relative URL."""
    return site_url.rstrip("/") + "/" + url


def relative(to_url: str, from_url: str) -> str:
    """The href from the page at `from_url` to `to_url` (both site-relative directory URLs, '#fragment' allowed).

    A directory URL keeps its trailing slash ('../llm/'); the page itself is
    './' (or just its '#fragment'); a file URL ('glossary.csv') stays a file.
    """
    path, hash_, fragment = to_url.partition("#")
    here = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    if path == here:
        rel = "" if hash_ else "./"
    else:
        rel = relpath(path or ".", here or ".")
        if path.endswith("/") or not path:
            rel = "./" if rel == "." else rel + "/"
    return rel + hash_ + fragment


def relative_page(from_page: str, to_page: str) -> str:
    """A Markdown link from one docs page to another, as MkDocs resolves them: modules/a.md -> ../glossary/b.md."""
    to_page, hash_, fragment = to_page.partition("#")
    if not to_page:
        return hash_ + fragment
    return relpath(to_page, posixpath.dirname(from_page) or ".") + hash_ + fragment


@lru_cache(maxsize=65536)  # pages link the same pages from the same folders, tens of thousands of times
def relpath(path: str, start: str = ".") -> str:
    """posixpath.relpath for paths relative to the docs or site root.

    The same answer without posixpath's os.getcwd() call, which shows in
    profiles once a build computes tens of thousands of links.
    """
    to, base = path_parts(path), path_parts(start)
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    parts = [".."] * (len(base) - common) + list(to[common:])
    return "/".join(parts) if parts else "."


@lru_cache(maxsize=16384)  # a build links the same few thousand pages from page after page
def path_parts(path: str) -> tuple[str, ...]:
    return tuple(part for part in posixpath.normpath(path).split("/") if part not in ("", "."))


# --- Pages of records

def module_page(module_id: str) -> str:
    return f"modules/{module_id}.md"


def session_page(session_id: str) -> str:
    return f"sessions/{session_id}.md"


def term_page(term_id: str) -> str:
    return f"glossary/{term_id}.md"


def reference_page(reference_id: str) -> str:
    return f"references/{reference_id}.md"


def recap_page(session_id: str) -> str:
    return f"recaps/{session_id}.md"


def term_of_page(page: str) -> str | None:
    """The term a glossary page describes ('glossary/llm.md' or 'glossary/llm.ko.md' -> 'llm'); None for other pages."""
    folder, _, name = page.partition("/")
    if folder != "glossary" or "/" in name:
        return None
    term_id = name.split(".", 1)[0]
    return None if term_id in ("index", "") else term_id
