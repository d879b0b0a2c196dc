"""What a live preview (`make serve`) does: keep the last good site, show every problem, rebuild only what changed.

Bad data. A one-off build stops on bad data, listing every problem. A
preview is different: an editor saves a file half-way through a change, and
stopping would leave the browser waiting until the file is fixed. So, once a
preview has built successfully, a rebuild that finds data problems reports
them and goes on with the records of the last good build (the pages
generated from them are still in docs/, since nothing was written). The
first build of a preview still stops: there is no good site to show yet.

Placeholders and broken links (Problem.kind "placeholder", "link") do not
make the data unusable: a preview generates and shows the pages in spite of
them, from its first build on, while `make validate` and `make build` fail.

Every problem of the latest build, of any kind, is shown on the open page
(preview_overlay.py): `report_file` is what the overlay fetches.

Partial rebuilds. `make serve` runs `mkdocs serve --dirty`: after an edit,
MkDocs rebuilds only the pages whose Markdown is newer than their HTML (the
generator rewrites only the generated pages whose bytes change), a couple of
seconds instead of a full build's six or more. Some of a page's HTML comes
from other pages, through the publish pass, so the preview also:

- removes the HTML of the pages that link a term whose labels or tooltip
  changed (`stale_files`), so they are built and linked again;
- carries over what the pages not rebuilt mention (`mentions`), for the
  "mentioned in" lists of term pages built again.

Search needs nothing of the preview: publish makes its index from every
page in the folder, rebuilt or not.

A label added to a term can make a page that never linked it link it now;
that page catches up at the next full build (`make build`, or restarting
`make serve`).

The state lives in one `Preview` object for the life of the serving
process; builders create it, this module decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gyeonggi_kb import layout
from gyeonggi_kb.pages.definitions import short_definition
from gyeonggi_kb.problems import DataError
from gyeonggi_kb.write import write_if_changed

from .overlay import PROBLEMS_FILE, add_overlay_script, overlay_script, problems_json

TOLERATED = ("placeholder", "link")  # problem kinds a preview shows on the page instead of stopping


@dataclass
class Preview:
    live: bool = False  # `mkdocs serve` runs: known at startup, before the first build
    partial: bool = False  # its rebuilds build only the pages that changed (`--dirty`)
    serving: bool = False  # set once the first build has succeeded and the server runs
    last_good: object = None  # the Site of the last build whose data was usable
    problems: list = field(default_factory=list)  # of the latest build, of every kind
    kept_last_good: bool = False  # the latest build's data was unusable: the last good site is shown
    mentions: dict = field(default_factory=dict)  # (language, page) -> (URL, title, linked term ids), every page so far
    terms: dict = field(default_factory=dict)  # term_fingerprints() of the last good data

    @property
    def tolerate(self) -> tuple:
        return TOLERATED if self.live else ()

    def generated(self, site) -> None:
        """A build generated `site`; its problems, if any, are of the kinds a preview tolerates."""
        self.last_good = site
        self.problems = list(site.problems)
        self.kept_last_good = False

    def failed(self, error: DataError):
        """A build found problems: the site to go on with, or None when the build must stop."""
        self.problems = list(error.problems)
        if not self.serving or self.last_good is None:
            return None
        self.kept_last_good = True
        return self.last_good

    def stale_files(self, terms: dict) -> list:
        """Site-relative HTML files to build again although their sources did not change; remembers `terms`."""
        now = term_fingerprints(terms)
        if not self.partial or not self.terms:  # a full build, or the first: every page is built anyway
            self.terms = now
            return []
        changed = {i for i in set(now) | set(self.terms) if now.get(i) != self.terms.get(i)}
        self.terms = now
        return sorted(layout.built_file(url) for url, _, linked in self.mentions.values() if changed.intersection(linked))

    def with_overlay(self, page_html: str, site_url: str) -> str:
        """A served page with the problem overlay's script; any other page as it is."""
        return add_overlay_script(page_html, overlay_script(layout.site_path(site_url))) if self.live else page_html

    def report_file(self, site_dir: Path) -> None:
        """Write the problems of the latest build where the overlay fetches them."""
        if self.live:
            write_if_changed(site_dir / PROBLEMS_FILE, problems_json(self.problems, self.kept_last_good, str(DataError(self.problems))))


def term_fingerprints(terms: dict) -> dict:
    """{term id: what links to the term show of it}: labels, whether it links, and the tooltips."""
    return {
        t.id: (t.labels(), t.shared_labels, t.autolink, short_definition(t.definition["ko"] or ""), short_definition(t.definition["en"] or ""))
        for t in terms.values()
    }
