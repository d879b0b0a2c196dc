"""The "page not found" page of each language: a pass over the 404 files the builder wrote. No I/O but reading and writing them.

The builder writes one 404 page per language with that language's header,
navigation and search (`/404.html` in Korean, `/en/404.html` in English; see
overrides/404.html and overrides/en/404.html), with absolute links, since a
404 page is shown at any address. This pass gives each its content: the
message in its language, a link home and a search form, and a short block in
the other language for a reader who came in by the wrong door.

GitHub Pages answers every unknown address of a site with the one `404.html`
at the site's root (docs.github.com, "Creating a custom 404 page for your
GitHub Pages site"); a `404.html` in a subfolder is never used for the
addresses under it (a long-open request: github.com/dear-github/dear-github
issue 173). So the root page carries a small script: when the address that
failed is under `/en/`, it remembers that address, loads `/en/404.html`
instead and that page puts the address back in the address bar, so the reader
sees English at the address they typed. Without JavaScript the root page
shows its Korean text and the English block beneath it. Hosts that honour a
404 file per folder (nginx `try_files`, Netlify rules) can serve
`/en/404.html` directly; the script then does nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from gyeonggi_kb import layout
from gyeonggi_kb.pages.labels import label
from gyeonggi_kb.pages.markdown import attr
from gyeonggi_kb.write import write_if_changed

from . import built_html

PAGE = "404.html"
ADDRESS_KEY = "kb-404-address"  # sessionStorage key: the address that failed, while the English page loads


def language_root(root: str, lang: str) -> str:
    """The absolute path of a language's home: '/' for Korean, '/en/' for English (under the site's own path `root`)."""
    return root + layout.prefix(lang)


def search_form(lang: str, home: str, heading_id: str, text_key: str) -> str:
    # A plain GET to the language's home page with ?q=: the search box opens there with the words typed.
    field = f"{heading_id}-q"
    return (
        f'<form class="kb-not-found__search" action="{home}" method="get" role="search" aria-label="{attr(label(text_key, lang))}">'
        f'<label for="{field}">{label(text_key, lang)}</label> '
        f'<input id="{field}" type="search" name="q" autocomplete="off"> '
        f'<button type="submit">{label("not_found_search_button", lang)}</button></form>'
    )


def render_not_found(lang: str, root: str) -> str:
    """The page's content: the message in `lang`, then the same help in each other language, in its own words."""
    home = language_root(root, lang)
    parts = [
        f'<h1 id="not-found">{label("not_found_title", lang)}</h1>',
        f'<p>{label("not_found_text", lang)}</p>',
        f'<p><a href="{home}">{label("not_found_home", lang)}</a></p>',
        search_form(lang, home, "not-found", "not_found_search"),
    ]
    for other in layout.LANGS:
        if other == lang:
            continue
        other_home = language_root(root, other)
        parts += [
            f'<section class="kb-not-found__other" lang="{other}" aria-labelledby="not-found-{other}">',
            f'<h2 id="not-found-{other}">{label("not_found_title", other)}</h2>',
            f'<p><a href="{other_home}">{label("not_found_home_site", other)}</a></p>',
            search_form(other, other_home, f"not-found-{other}", "not_found_search_site"),
            "</section>",
        ]
    return '<div class="kb-not-found">\n' + "\n".join(parts) + "\n</div>"


def redirect_script(root: str) -> str:
    """For the root 404 page: an address under another language's folder loads that language's 404 page."""
    homes = [language_root(root, lang) for lang in layout.LANGS if lang != layout.DEFAULT_LANG]
    return (
        "<script>(function () {\n"
        f"  var homes = {json.dumps(homes)}, path = location.pathname;\n"
        "  for (var i = 0; i < homes.length; i++) {\n"
        f'    var page = homes[i] + "{PAGE}";\n'
        "    if (path.indexOf(homes[i]) !== 0 || path === page) continue;\n"
        f'    try {{ sessionStorage.setItem("{ADDRESS_KEY}", location.href); }} catch (e) {{}}\n'
        '    document.documentElement.classList.add("kb-not-found--elsewhere");  // no flash of the wrong language\n'
        "    location.replace(page);\n"
        "    return;\n"
        "  }\n"
        "})();</script>"
    )


def restore_address_script() -> str:
    """For the other languages' 404 pages: show the address the reader typed, not /en/404.html."""
    return (
        "<script>(function () {\n"
        "  try {\n"
        f'    var address = sessionStorage.getItem("{ADDRESS_KEY}");\n'
        f'    sessionStorage.removeItem("{ADDRESS_KEY}");\n'
        "    if (address && new URL(address).origin === location.origin) history.replaceState(null, \"\", address);\n"
        "  } catch (e) {}\n"
        "})();</script>"
    )


def not_found_page(built: str, lang: str, root: str, search_box) -> str:
    """The builder's 404 page of `lang` with its content, title, head script and `search_box(page, lang, root)`."""
    page = built_html.replace_content(built, "\n" + render_not_found(lang, root) + "\n")
    page = built_html.set_title(page, label("not_found_title", lang))
    script = redirect_script(root) if lang == layout.DEFAULT_LANG else restore_address_script()
    page = built_html.add_to_head(page, script)
    # The builder's language menu names the last page it built; from a 404 page it leads to the other language's 404 page.
    page = built_html.set_language_links(page, {other: language_root(root, other) + PAGE for other in layout.LANGS})
    return search_box(page, lang, root)  # links from the site's path: the page is shown at any address


def publish_not_found_pages(site_dir: Path, site_url: str, mark: str, search_box) -> list[str]:
    """Fill in each language's 404 page the builder wrote; returns the files written. A page with `mark` is left alone.

    `search_box(page, lang, site_root)` adds the header's search box (SiteSearch.with_box_at).
    """
    written = []
    for lang in layout.LANGS:
        rel = layout.language_file(PAGE, lang)
        path = site_dir / rel
        if not path.is_file():
            continue
        built = path.read_text(encoding="utf-8")
        if mark in built:
            continue
        if write_if_changed(path, built_html.add_to_head(not_found_page(built, lang, layout.site_path(site_url), search_box), mark)):
            written.append(rel)
    return written
