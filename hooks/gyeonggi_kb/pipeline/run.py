"""One build, stage by stage, for a builder's adapter or the command line.

    run = BuildRun(root, docs_dir)
    run.generate()                       # stage 1: data -> Markdown in docs/
    ...the builder turns docs/ into HTML in site_dir...
    run.publish(site_dir, site_url)      # stage 3: a pass over the built folder
                                         # (run.publish_page(file, html, site_url) before it: a page
                                         # the builder shows before writing it, published in memory)

The run owns what lives between the stages: the loaded records and the
build cache, opened at `generate` and saved after `publish`. A preview
(`preview.Preview`) decides what a run does with bad data, placeholders and
broken links, and what a partial rebuild must build again.
"""

from __future__ import annotations

import os
from pathlib import Path

from gyeonggi_kb.build_cache import build_cache
from gyeonggi_kb.checks.review import review_warnings
from gyeonggi_kb.generate import generate_site
from gyeonggi_kb.problems import DataError
from gyeonggi_kb.publish import Published, PublishPass
from gyeonggi_kb.publish.set_aside import set_aside

from .preview import Preview


class BuildRun:
    def __init__(self, root: Path, docs_dir: Path | None = None, environ=None, preview: Preview | None = None):
        self.root = root
        self.docs_dir = docs_dir or root / "docs"
        self.environ = os.environ if environ is None else environ
        self.preview = preview
        self.cache = build_cache(root, self.environ)
        self.site = None
        self.publish_pass: PublishPass | None = None  # open from the first page handed over until `publish`

    def generate(self, site_dir: Path | None = None) -> dict:
        """Check the data and write the generated pages: counts of files written, removed, unchanged.

        Raises DataError listing every problem, unless a preview can go on
        with its last good data (then `problems` lists them and nothing is written)
        or tolerates the problems (placeholders, links: `problems` lists them).
        `site_dir`, where the builder will write, is given by a run whose
        builder comes next: the search files of its last build are set aside
        there, out of the builder's way (publish/set_aside.py), unless the
        builder will not empty it (a preview's partial rebuild, whose server
        keeps serving them meanwhile). In a partial rebuild, the built pages of
        `site_dir` that depend on what changed are removed, so that the
        builder builds them again.
        """
        if site_dir is not None and not (self.preview and self.preview.partial):
            set_aside(site_dir)
        try:
            self.site, changed = generate_site(self.root, self.docs_dir, self.cache, self.environ,
                                               tolerate=self.preview.tolerate if self.preview else ())
        except DataError as err:
            self.site = self.preview.failed(err) if self.preview else None
            if self.site is None:
                raise
            return {"written": 0, "removed": 0, "unchanged": 0}
        if self.preview:
            self.preview.generated(self.site)
            stale = self.preview.stale_files(self.site.terms)
            if site_dir is not None:
                for rel in stale:
                    (site_dir / rel).unlink(missing_ok=True)
        return changed

    @property
    def kept_last_good(self) -> bool:
        """Whether the data was unusable and the preview goes on with its last good site."""
        return bool(self.preview and self.preview.kept_last_good)

    @property
    def problems(self) -> list:
        return self.preview.problems if self.preview else []

    def review_reminders(self) -> list[str]:
        """The lines a build prints for the records due for review (review.py); none while the data is broken."""
        return review_warnings(self.site) if self.site is not None and not self.problems else []

    def publish_page(self, file: str, html: str, site_url: str) -> str:
        """A page's HTML as the builder made it (`file`: its site-relative path), as published; for a
        builder that shows each page before writing it (`publish` then skips the pages done here)."""
        return self.publishing(site_url).page(file, html)

    def publishing(self, site_url: str) -> PublishPass:
        if self.publish_pass is None:
            self.publish_pass = PublishPass(self.site, self.docs_dir, site_url, self.cache, self.preview.mentions if self.preview else None,
                                            served=bool(self.preview and (self.preview.live or self.preview.serving)))
        return self.publish_pass

    def publish(self, site_dir: Path, site_url: str) -> Published:
        """Publish the built folder and save what the build cache learnt (and, in a preview, what it must carry over)."""
        done = self.publishing(site_url).finish(site_dir)
        self.publish_pass = None
        if self.preview:
            self.preview.mentions = done.mentions
            self.preview.report_file(site_dir)
        self.cache.save()
        return done
