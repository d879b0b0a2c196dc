"""The "page not found" pages of each language: their text, and how a host with one 404 file serves both. No I/O.

Every language gets its own 404 page: `/404.html` in Korean and `/en/404.html`
in English, each with the theme's header, navigation and search in its
language, a link home and a search form, and a short block in the other
language for a reader who came in by the wrong door.

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
import re

from .labels import label
from .markdown import attr
from .model import LANGS

PAGE = "404.html"
DEFAULT_LANG = LANGS[0]
ADDRESS_KEY = "kb-404-address"  # sessionStorage key: the address that failed, while the English page loads


def language_root(root: str, lang: str) -> str:
    """The absolute path of a language's home: '/' for Korean, '/en/' for English (under the site's own path)."""
    return root if lang == DEFAULT_LANG else f"{root}{lang}/"


def search_form(lang: str, home: str, heading_id: str, text_key: str) -> str:
    # A plain GET to the language's home page with ?q=: Material opens its search there with the words typed.
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
    for other in LANGS:
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
    homes = [language_root(root, lang) for lang in LANGS if lang != DEFAULT_LANG]
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


def not_found_context(lang: str, root: str) -> dict:
    """What overrides/404.html needs: the title, the content and the script for the page's head."""
    return {
        "kb_not_found_title": label("not_found_title", lang),
        "kb_not_found": render_not_found(lang, root),
        "kb_not_found_script": redirect_script(root) if lang == DEFAULT_LANG else restore_address_script(),
    }


def own_folder_page(html: str, lang: str, root: str) -> tuple[str, str] | None:
    """(site-relative path, HTML) of a non-default language's 404 page: in its folder, searching its index.

    None for the default language, whose page stays at the root.
    """
    if lang == DEFAULT_LANG:
        return None
    return f"{lang}/{PAGE}", with_search_base(html, language_root(root, lang))


CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def with_search_base(html: str, base: str) -> str:
    """Point the theme's search at the index under `base`.

    The theme's config (`__config`) takes its `base` from the site root on 404
    pages, which holds the Korean index; the English page must search the
    English one. Nothing else in the config changes.
    """
    def replace(match: re.Match) -> str:
        config = json.loads(match.group(2))
        config["base"] = base
        text = json.dumps(config, ensure_ascii=False, separators=(", ", ": "))
        return match.group(1) + text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + match.group(3)

    return CONFIG_SCRIPT.sub(replace, html, count=1)
