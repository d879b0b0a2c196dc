"""The files of the site that are not pages: glossary exports, calendars and feeds. Pure.

Korean ones at the site root, the others under their language's prefix
(layout.language_file), as pages are.
"""

from __future__ import annotations

from gyeonggi_kb import layout
from gyeonggi_kb.build_cache import NO_CACHE, BuildCache

from .calendar_ics import render_calendar
from .feeds import FEED, render_feed
from .glossary_export import render_exports


def language_files(site, site_url: str) -> dict:
    """The calendar and the feed of each language, by site-relative path."""
    files = {}
    for lang in layout.LANGS:
        base_url = layout.absolute(site_url, layout.prefix(lang))
        files[layout.language_file("sessions.ics", lang)] = render_calendar(site, lang, base_url)
        files[layout.language_file(FEED, lang)] = render_feed(site, lang, base_url)
    return files


def published_files(site, site_url: str, cache: BuildCache = NO_CACHE) -> dict:
    """Every file that is not a page, by site-relative path, remembered by the site's inputs."""
    def render() -> dict:
        return {**render_exports(site.terms.values()), **language_files(site, site_url)}

    if not site.inputs_key:  # records not read through the cache: nothing to key them by
        return render()
    return cache.get_or_compute("published", (site.inputs_key, site_url), render)
