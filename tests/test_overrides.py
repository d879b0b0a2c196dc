"""Material templates copied into overrides/ differ from the installed Material only where we say.

Some of Material's markup is invalid HTML that no block can replace, so a few
templates are copied into overrides/ with a small change each (their header
comment says why). A copy silently keeps the old template after a Material
upgrade; this test fails then, showing what moved, so the copy is made again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

# template: [(Material's text, ours, how often)]
CHANGES = {
    "base.html": [
        (' id="__drawer" autocomplete="off">', ' id="__drawer">', 1),
        (' id="__search" autocomplete="off">', ' id="__search">', 1),
    ],
    "partials/nav-item.html": [
        (' id="{{ path }}_label" tabindex="{{ tabindex }}">', ' id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>', 2),
    ],
    "partials/toc.html": [
        ('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title"{% if page in nav.pages and not (page.is_index and page.parent and "navigation.indexes" in config.theme.features) %} for="__toc"{% endif %}>', 1),
    ],
}
HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)  # Material's "generated, do not edit" note; ours says what changed


def material_template(name: str) -> Path:
    material = pytest.importorskip("material")
    return Path(material.__file__).parent / "templates" / name


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_copied_template_is_materials_with_only_the_listed_changes(name):
    theirs = HEADER.sub("", material_template(name).read_text(encoding="utf-8"))
    ours = (REPO / "overrides" / name).read_text(encoding="utf-8")
    assert HEADER.match(ours), f"overrides/{name} must start with a comment that says what it changes and why"
    for before, after, count in CHANGES[name]:
        assert theirs.count(before) == count, f"Material's {name} changed: re-copy it into overrides/ and redo: {before!r}"
        theirs = theirs.replace(before, after)
    assert HEADER.sub("", ours) == theirs, f"overrides/{name} differs from Material's beyond the listed changes"


def test_every_copied_material_template_is_listed():
    copies = {p.relative_to(REPO / "overrides").as_posix() for p in (REPO / "overrides").rglob("*.html")}
    copies = {name for name in copies if material_template(name).is_file()}
    # Written from scratch, not copies: main.html is Material's extension point, 404.html our own 404 page
    # (publish/not_found.py), partials/javascripts/palette.html our palette switch in place of Material's.
    assert copies == set(CHANGES) | {"main.html", "404.html", "partials/javascripts/palette.html"}


def test_our_palette_switch_still_takes_the_place_of_materials():
    """Our partials/javascripts/palette.html works only where Material's header includes it: right after
    the palette form, which still names itself data-md-component="palette" (the attribute our script
    removes so that Material's bundle mounts no palette component of its own)."""
    header = material_template("partials/header.html").read_text(encoding="utf-8")
    form, script = header.find('{% include "partials/palette.html" %}'), header.find('{% include "partials/javascripts/palette.html" %}')
    assert 0 <= form < script, "Material's header no longer includes the palette script after the palette form"
    assert 'data-md-component="palette"' in material_template("partials/palette.html").read_text(encoding="utf-8")
    assert 'form[data-md-component=palette]' in (REPO / "overrides/partials/javascripts/palette.html").read_text(encoding="utf-8")
