"""Tables keep the theme's look although the theme's script no longer wraps them.

Publish writes the theme's scroll wrapper around each table and gives the table the
class `kb-table` (hooks/gyeonggi_kb/publish/tables.py), so the theme's rules for
`table:not([class])` no longer reach it; kb.css carries a copy of them for
`table.kb-table`. These tests read the stylesheets of both real builds: if a theme
changes its table rules, the copy must follow.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CLASSLESS, OURS = "table:not([class])", "table.kb-table"


def rules(css: str, media: str = "") -> list[tuple[str, str, str]]:
    """(at-rule, selector, declarations) of each style rule of minified CSS, descending into at-rule blocks."""
    found, at = [], 0
    while (brace := css.find("{", at)) >= 0:
        head = css[at:brace].strip()
        if head.startswith("@"):
            depth, end = 1, brace + 1
            while depth:
                depth += {"{": 1, "}": -1}.get(css[end], 0)
                end += 1
            found += rules(css[brace + 1:end - 1], head)
            at = end
        else:
            end = css.find("}", brace)
            found.append((media, head, css[brace + 1:end].strip()))
            at = end + 1
    return found


def theme_stylesheet(site: Path) -> str:
    """The theme's main stylesheet that the home page links (Zensical ships one per theme variant)."""
    (href,) = re.findall(r'<link rel="stylesheet" href="(?:\./)?(assets/stylesheets/[^"]*main\.[^"]*\.min\.css)"', (site / "index.html").read_text(encoding="utf-8"))
    return (site / href).read_text(encoding="utf-8")


def our_rules(site: Path) -> set:
    css = re.sub(r"/\*.*?\*/", "", (site / "assets" / "kb.css").read_text(encoding="utf-8"), flags=re.S)
    return set(rules(css))


def classless_rules_as_ours(site: Path) -> list:
    return [(media, selector.replace(CLASSLESS, OURS), body) for media, selector, body in rules(theme_stylesheet(site)) if CLASSLESS in selector]


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_kb_css_copies_every_rule_the_theme_has_for_classless_tables(builder, request):
    site = request.getfixturevalue("site_dir" if builder == "mkdocs" else "zensical_site_dir")
    theirs = classless_rules_as_ours(site)
    assert len(theirs) >= 10, "the theme's table rules were not found: has its stylesheet changed?"
    ours = our_rules(site)
    missing = [rule for rule in theirs if rule not in ours]
    assert missing == []


def test_every_built_table_comes_wrapped_and_classed(site_dir):
    tables = wrapped = 0
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        tables += text.count("<table")
        wrapped += text.count('<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="kb-table"')
        assert "<table>" not in text, path
    assert tables > 10 and wrapped == tables
