"""Generator for the Gyeonggi AI education knowledge base.

Data flows one way, in stages that do not know the builder:

    data/     YAML, lessons, recaps -> records          (stage 1a)
    checks/   records -> problems, as path:line          (stage 1b)
    pages/    records -> Markdown pages and pictures     (stage 1c)
    generate  the three above, then writes docs/         (stage 1: `python -m gyeonggi_kb generate`)
    -- a builder (MkDocs, Zensical) turns docs/ into HTML in site/ --
    publish/  a pass over site/: links, alternates,      (stage 3: `python -m gyeonggi_kb publish site`)
              exports, calendars, feeds, search data
    pipeline/ runs the stages around a builder (`hooks/hooks.py` calls it)
    tools/    the editors' commands, never imported by a build

Beside them, the foundation every stage may use: `layout` (the only module
that knows URLs, language prefixes and file names), `problems`,
`build_cache` and `write`. A module imports only from its own stage, earlier
stages and the foundation; tests/test_architecture.py checks it. Nothing in
this package imports MkDocs.
"""

from .generate import Site, load_site
from .problems import DataError, Problem

__all__ = ["Problem", "DataError", "Site", "load_site"]
