"""MkDocs adapter for the gyeonggi_kb generator. Keep it thin.

Each event hands its work to the package (which never imports MkDocs) or
makes one small, idempotent change to MkDocs' own objects:

- on_config: our overrides/ must win over the i18n plugin's sitemap template,
  which it inserts first in theme.dirs (runs after the plugin, priority -200).
- on_pre_build: validate and generate pages. The i18n plugin builds once per
  language with the same config, so this runs twice; the second run reuses
  the records of the first (a rebuild in `mkdocs serve` gets a fresh config).
  The build cache (gyeonggi_kb.build_cache) is opened here and saved after
  the last language: unchanged data is not loaded or rendered again.
- on_page_content: plan the links to glossary terms (gyeonggi_kb.page_links:
  the first mention of each term), unless the page says `autolink: false` in
  its front matter, after accessibility fixes to the rendered HTML
  (accessible_html). The page is returned without the links:
- on_post_page: put them in, and on a term's page the pages that mention it,
  now that the search plugin has indexed the page (it keeps the text of
  links, not the links, so the index is the same, and it parses less).
- on_serve: from then on, bad data during a `mkdocs serve` rebuild is logged
  and the last good records and generated pages are kept, so the preview
  stays up while an editor fixes the YAML (the first build still stops).
  The generated folders are left out of the watch: one edit, one rebuild.
- on_post_build: after the last language, write the glossary exports (JSON,
  its schema, CSV, TBX) at the site root, sessions.ics and the Atom feeds of each language, then
  search: an index per language made from the built pages and the search box
  in every page's header (gyeonggi_kb.search; the theme's search plugin is off).
- on_page_context: mark untranslated fallback pages (a Korean file served
  under /en/) so the template adds a notice and lang="ko", and point their
  canonical link at the Korean original; collect hreflang alternates
  (priority 10: after the i18n plugin, 50, which sets the page's language).
  KB_SEARCH_STOCK=1 skips our search, for the benchmark's stock build (which
  turns Material's search plugin back on).
- on_page_markdown: frame each hand-written recap with its front-matter data.

Module-level state is only `SERVING`, set by on_serve and kept for the life of
the process: `mkdocs serve` loads hooks once and a fresh config per rebuild.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger

from gyeonggi_kb import DataError
from gyeonggi_kb.accessible_html import hide_decorative_checkboxes
from gyeonggi_kb.build_cache import build_cache
from gyeonggi_kb.page_links import PageLinker
from gyeonggi_kb.render_recaps import recap_page_markdown
from gyeonggi_kb.search import write_search, write_search_files
from gyeonggi_kb.site import generate_site, published_files
from gyeonggi_kb.write import OWNED_FOLDERS, write_if_changed

log = get_plugin_logger("gyeonggi_kb")
SERVING: dict = {}  # "active": True once serving; "site": the records of the last good data


def repo_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


@event_priority(-200)
def on_config(config):
    overrides = str(repo_root(config) / "overrides")
    dirs = config.theme.dirs
    if overrides in dirs:
        dirs.remove(overrides)
    dirs.insert(0, overrides)
    return config


def on_pre_build(config):
    if "kb_site" in config:
        return  # the second language's build of the same run: pages are generated already
    config["kb_cache"] = cache = build_cache(repo_root(config))  # saved after the last language (on_post_build)
    try:
        site, changed = generate_site(repo_root(config), Path(config.docs_dir), cache)
    except DataError as err:
        for problem in err.problems:
            log.error(str(problem))
        if SERVING.get("active"):
            # Aborting would leave the preview waiting until the data is fixed; the
            # pages generated from the last good data are still in docs/, so build those.
            log.error(f"{err}; the preview keeps the last good data until you fix and save the file")
            config["kb_site"] = site = SERVING.get("site")
            config["kb_linker"] = site and PageLinker(site.terms)
            return
        raise Abort(f"{err}; fix the data and build again") from None
    if changed["written"] or changed["removed"]:
        log.info(f"generated pages: {changed['written']} written, {changed['removed']} removed")
    config["kb_site"] = site  # per build: serve loads a fresh config for every rebuild
    SERVING["site"] = site
    config["kb_linker"] = PageLinker(site.terms, cache.table("links"))


def build_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language") or "ko"


def on_page_content(html, page, config, files):
    html = hide_decorative_checkboxes(html)
    linker = config.get("kb_linker")
    if linker is not None and page.meta.get("autolink") is not False:
        linker.plan(html, title=page.title or "", **page_place(page, config))
    return html


def page_place(page, config) -> dict:
    """Where a page is, for the linker: its file and URL, its text's language and the language being built."""
    build_lang = build_language(config)
    return dict(
        src_uri=page.file.src_uri, page_url=page.url, text_lang=getattr(page.file, "locale", None) or build_lang,
        build_lang=build_lang, url_prefix="" if build_lang == "ko" else f"{build_lang}/",
    )


def on_post_page(output, page, config):
    """Put in the glossary links planned in on_page_content, now that the search index has read the page."""
    linker = config.get("kb_linker")
    if linker is None:
        return output
    finished = linker.finish(output, page.content, **page_place(page, config))
    if finished is None:
        log.warning(f"{page.file.src_uri}: the page's content is not in its HTML as rendered, so its glossary links were left out")
        return output
    return finished


def on_serve(server, config, builder):
    SERVING["active"] = True  # after the first build: that one still stops on bad data
    # The generator writes into docs/ at the start of every build, so watching its
    # folders would queue a second build (and hold the preview) after each data
    # edit. The data folders are watched instead (mkdocs.yml `watch:`): keep
    # watching docs/ itself and every hand-written folder in it.
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for folder in sorted(p for p in docs.iterdir() if p.is_dir() and p.name not in OWNED_FOLDERS):
        server.watch(str(folder))
    return server


def on_page_markdown(markdown, page, config, files):
    """Recaps are hand-written; their frame (facts, takeaways, links, sources) comes from their front matter."""
    site = config.get("kb_site")
    if site is None:
        return markdown
    framed = recap_page_markdown(site, page.file.src_uri, getattr(page.file, "locale", None), markdown)
    return markdown if framed is None else framed


@event_priority(-200)
def on_post_build(config):
    """Write the files that are not pages into site/, then add search to the built site.

    Glossary exports, calendars, feeds and search: all languages at once, after the last language's build. The i18n
    plugin runs the other languages' builds inside the first build's
    on_post_build (priority -100) and marks itself `building` meanwhile; at
    -200 this runs after it. One call for all languages keeps the exports
    independent of build order, and site/ is a better home than docs/: these
    are not pages, and the i18n plugin would otherwise copy or localise them.
    """
    site = config.get("kb_site")
    if site is None:
        return
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # a nested language build: the first build's call, after all of them, writes everything
    for rel, text in published_files(site, config.site_url or "/", config["kb_cache"].table("published")).items():
        write_if_changed(Path(config.site_dir) / rel, text)
    if not stock_search():
        write_search_files(Path(config.site_dir), write_search(Path(config.site_dir), site, config["kb_cache"]))
    config["kb_cache"].save()


def absolute_url(config, file) -> str:
    url = "" if file.url in ("", "./") else file.url
    return config.site_url.rstrip("/") + "/" + url


def stock_search() -> bool:
    return os.environ.get("KB_SEARCH_STOCK") == "1"


@event_priority(10)  # after i18n (50) sets the page language
def on_page_context(context, page, config, nav):
    file = page.file
    current = context.get("i18n_page_locale")
    if not current or not hasattr(file, "alternates"):
        return context
    # An alternate only counts when it is written in its language: a Korean
    # fallback served under /en/ is not an English version of the page.
    alternates = {lang: f for lang, f in sorted(file.alternates.items()) if getattr(f, "locale", None) == lang}
    page.meta["kb_hreflang"] = [(lang, absolute_url(config, f)) for lang, f in alternates.items()]
    default = alternates.get("ko")
    if default is not None:
        page.meta["kb_hreflang"].append(("x-default", absolute_url(config, default)))
    if file.locale != current:
        page.meta["kb_fallback"] = file.locale
        original = alternates.get(file.locale)
        if original is not None:
            page.canonical_url = absolute_url(config, original)
    return context
