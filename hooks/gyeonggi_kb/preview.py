"""What a live preview (`make serve`) does with bad data: keep showing the last good site.

A one-off build stops on bad data, listing every problem. A preview is
different: an editor saves a file half-way through a change, and stopping
would leave the browser waiting until the file is fixed. So, once a preview
has built successfully, a rebuild that finds problems reports them and goes
on with the records of the last good build (the pages generated from them
are still in docs/, since nothing was written). The first build of a
preview still stops: there is no good site to show yet.

The state lives in one `Preview` object for the life of the serving
process; builders create it, this module decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .problems import DataError


@dataclass
class Preview:
    serving: bool = False  # set once the first build has succeeded and the server runs
    last_good: object = None  # the Site of the last build without problems
    problems: list = field(default_factory=list)  # of the latest build; [] when it was good

    def generated(self, site) -> None:
        """A build generated `site` without problems."""
        self.last_good = site
        self.problems = []

    def failed(self, error: DataError):
        """A build found problems: the site to go on with, or None when the build must stop."""
        self.problems = list(error.problems)
        if not self.serving or self.last_good is None:
            return None
        return self.last_good
