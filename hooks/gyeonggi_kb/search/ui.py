"""The search box every built page gets: markup in the header, a style sheet and a small loader. Pure: HTML in, HTML out.

The builder's own search is off (mkdocs.yml has no search plugin), so the
page has no search of its own, and this pass puts ours where Material's was:
at the end of the header's navigation, which Material and Zensical
templates both have. Everything is inline except the engine, which the
loader imports when the reader opens search, so a page costs no request
for search until then.

The box speaks the page's language, the language of its URL (a Korean
fallback page under /en/ has an English header, so an English search box).
Each part is put between `<!--kb-search-->` and `<!--/kb-search-->`, so
running the pass again replaces it instead of adding a second box.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
START, END = "<!--kb-search-->", "<!--/kb-search-->"
_INJECTED = re.compile(re.escape(START.encode()) + b".*?" + re.escape(END.encode()), re.S)
_INJECTED_TEXT = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
_COMMENT_LINE = re.compile(r"^\s*(?://.*|/\*.*\*/)\s*$")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)

# Material's search words where it has them (search.placeholder, search.result.*).
TEXT = {
    "ko": {
        "label": "검색", "dialog": "사이트 검색", "close": "검색 닫기", "more": "결과 더 보기",
        "placeholder": "검색어를 입력하세요", "loading": "검색 데이터를 불러오는 중…", "error": "검색 데이터를 불러오지 못했습니다",
        "none": "일치하는 문서가 없습니다", "one": "1개의 일치하는 문서", "other": "#개의 일치하는 문서",
    },
    "en": {
        "label": "Search", "dialog": "Search this site", "close": "Close search", "more": "More results",
        "placeholder": "Type to start searching", "loading": "Loading search data…", "error": "Search data could not be loaded",
        "none": "No matching documents", "one": "1 matching document", "other": "# matching documents",
    },
}
# Material Design icons (Apache 2.0), as Material draws them: magnify and close.
MAGNIFY = "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"
CLOSE = "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"


def icon(path: str, css_class: str = "") -> str:
    extra = f' class="{css_class}"' if css_class else ""
    return f'<svg{extra} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="{path}"/></svg>'


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def compact_script(source: str) -> str:
    """`source` without comment lines and indentation, which are for readers of the source, not for browsers.

    Lines stay lines (no reliance on semicolon insertion rules); the scripts
    have no string or template literal spanning lines, where this would cut.
    """
    lines = (line.strip() for line in source.splitlines() if not _COMMENT_LINE.match(line))
    return "\n".join(line for line in lines if line)


@lru_cache(maxsize=256)  # pages at the same depth share it
def render_search_box(lang: str, to_site_root: str, to_lang_root: str, engine: str) -> str:
    """The header's search box; the URLs are relative to the page (`../../`), so the site may live under any path."""
    text = TEXT.get(lang, TEXT["en"])
    strings = {k: text[k] for k in ("placeholder", "loading", "error", "none", "one", "other")}
    attrs = {
        "data-kb-index": f"{to_lang_root}search/index.json",
        "data-kb-root": to_lang_root or "./",
        "data-kb-engine": f"{to_site_root}{engine}",
        "data-kb-text": json.dumps(strings, ensure_ascii=False, separators=(",", ":")),
    }
    attributes = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
    label = html.escape(text["label"])
    return (
        f'{START}<div class="kb-search"{attributes} hidden>'
        f'<button type="button" class="md-header__button md-icon kb-search__open" aria-label="{label}" aria-expanded="false" aria-controls="kb-search-dialog">{icon(MAGNIFY)}</button>'
        f'<div class="kb-search__dialog" id="kb-search-dialog" role="dialog" aria-label="{html.escape(text["dialog"])}">'
        f'<form class="kb-search__form" role="search">{icon(MAGNIFY, "kb-search__icon")}'
        f'<input type="search" class="kb-search__input" id="kb-search-input" name="q" aria-label="{label}" placeholder="{label}"'
        ' autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search">'
        f'<button type="button" class="kb-search__close" aria-label="{html.escape(text["close"])}">{icon(CLOSE)}</button></form>'
        '<div class="kb-search__output"><p class="kb-search__status" role="status"></p><ol class="kb-search__results"></ol>'
        f'<button type="button" class="kb-search__more" hidden>{html.escape(text["more"])}</button></div></div></div>'
        f"<script>{compact_script(asset('loader.js'))}</script>{END}"
    )


def compact_style(source: str) -> str:
    """`source` without comments and runs of white space (the style sheet has no strings where that would matter)."""
    return " ".join(_CSS_COMMENT.sub("", source).split())


@lru_cache(maxsize=1)
def render_style() -> str:
    return f"{START}<style>{compact_style(asset('search.css'))}</style>{END}"


def add_search_ui(page_html: bytes | str, lang: str, to_site_root: str, to_lang_root: str, engine: str) -> bytes | str:
    """`page_html` with the search box at the end of its header and the style sheet in its head.

    Works on the page as it comes, bytes or text (the same type comes back),
    without converting it: a publish pass holds each page as text, a pass over
    files as bytes. A page without a header navigation (a redirect, a bare
    HTML file) is returned as it was.
    """
    as_bytes = isinstance(page_html, bytes)
    typed = (lambda text: text.encode("utf-8")) if as_bytes else (lambda text: text)
    if typed(START) in page_html:
        page_html = (_INJECTED if as_bytes else _INJECTED_TEXT).sub(typed(""), page_html)
    header_end = page_html.find(typed("</header>"))
    nav_end = page_html.rfind(typed("</nav>"), 0, header_end) if header_end >= 0 else -1
    head_end = page_html.find(typed("</head>"))
    if nav_end < 0 or head_end < 0 or head_end > nav_end:
        return page_html
    box = typed(render_search_box(lang, to_site_root, to_lang_root, engine))
    style = style_bytes() if as_bytes else render_style()
    return page_html[:head_end] + style + page_html[head_end:nav_end] + box + page_html[nav_end:]


@lru_cache(maxsize=1)
def style_bytes() -> bytes:
    return render_style().encode("utf-8")
