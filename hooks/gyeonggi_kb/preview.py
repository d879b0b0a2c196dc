"""What a fast preview rebuild must redo besides the pages whose sources changed.

`make serve` runs `mkdocs serve --dirty`: after an edit, MkDocs rebuilds only
the pages whose Markdown is newer than their HTML (the generator rewrites
only the generated pages whose bytes change). That is what brings a YAML
edit to the browser in a couple of seconds instead of a full build's six or
more. But some of a page's HTML comes from other files, through the hooks:

- glossary links carry the linked term's first sentence as a tooltip, so a
  page that links a term whose labels or definition changed is stale;
- a term's page lists the pages that mention it, found while linking them:
  pages not rebuilt are not linked again, so their mentions are carried over
  (PageLinker `carried`);
- a recap page is framed with data from its front matter and its session;
- the search index is written from the pages of the build: the entries of
  the pages not rebuilt are carried over (`merge_search_index`).

`PreviewMemory` is what one preview build leaves for the next, and
`stale_pages` names the pages to rebuild although their sources did not
change. A label added to a term can make a page that never linked it link
it now; that page is not known until it is rebuilt, and it catches up at the
next full build (`make build`, or restarting `make serve`). Pure functions;
the hook deletes the stale pages' HTML so that MkDocs rebuilds them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .autolink import short_definition

RECAP_PAGES = "recaps/"


@dataclass
class PreviewMemory:
    pages: dict = field(default_factory=dict)  # PageLinker.mentioning_pages() of the last build
    terms: dict = field(default_factory=dict)  # term_fingerprints() of the last good data
    search: str | None = None  # the last complete merged search index (JSON), before it is split by language


def term_fingerprints(terms: dict) -> dict:
    """{term id: what links to the term show of it}: labels, whether it links, and the tooltips."""
    return {
        t.id: (t.labels(), t.shared_labels, t.autolink, short_definition(t.definition["ko"] or ""), short_definition(t.definition["en"] or ""))
        for t in terms.values()
    }


def stale_pages(memory: PreviewMemory, terms: dict, data_changed: bool) -> set:
    """(build language, src_uri) of the pages to rebuild although their sources did not change."""
    now = term_fingerprints(terms)
    changed = {i for i in set(now) | set(memory.terms) if now.get(i) != memory.terms.get(i)}
    stale = set()
    for key, (_, _, linked) in memory.pages.items():
        if changed.intersection(linked) or (data_changed and key[1].startswith(RECAP_PAGES)):
            stale.add(key)
    return stale


def location_page(location: str) -> str:
    return location.split("#", 1)[0]


def merge_search_index(previous_json: str | None, rebuilt_json: str) -> str:
    """The merged search index of a partial build, completed with the earlier entries of the pages it did not rebuild.

    Entries stay in the order of the last complete index; a rebuilt page's
    entries take the place of its old ones, a new page's come at the end.
    """
    if previous_json is None:
        return rebuilt_json
    previous, rebuilt = json.loads(previous_json), json.loads(rebuilt_json)
    fresh: dict = {}
    for doc in rebuilt["docs"]:
        fresh.setdefault(location_page(doc["location"]), []).append(doc)
    docs, placed = [], set()
    for doc in previous["docs"]:
        page = location_page(doc["location"])
        if page not in fresh:
            docs.append(doc)
        elif page not in placed:
            docs += fresh[page]
            placed.add(page)
    docs += [doc for page, entries in fresh.items() if page not in placed for doc in entries]
    return json.dumps({**rebuilt, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
