"""Generator for the Gyeonggi AI education knowledge base.

Data flows one way: YAML files -> records (`load`) -> checks (`validate`) ->
Markdown strings (`render_*`) -> files under docs/ (`write`). Nothing in this
package imports MkDocs: `hooks/hooks.py` is the only adapter, so the content
and the generator can move to another static-site builder.
"""

from .problems import Problem, DataError
from .site import Site, generate, load_site

__all__ = ["Problem", "DataError", "Site", "load_site", "generate"]
