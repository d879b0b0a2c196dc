"""Each table of a page's content in the theme's scroll wrapper already, so that the theme's JavaScript leaves it alone.

Material (and Zensical, which kept its markup) wraps every classless table
in two <div>s after the page has loaded, for scrolling sideways on a phone:
`md-typeset__scrollwrap` > `md-typeset__table` > table. Moving the table
makes the browser restyle it, and, because of the rule
`.md-typeset table:not([class]) + *`, everything after it in the article:
on the modules index, the costliest main-thread task while loading
(70 ms on this machine for the whole article, 38 ms still for the table
inside a box of its own; four times that at Lighthouse's phone CPU).

So publish writes the wrapper itself and gives the table the class
`kb-table`: the theme's script, which looks for `table:not([class])`,
finds nothing to move. The theme's look for classless tables is carried by
kb.css's copy of those rules for `table.kb-table`
(tests/test_tables_css.py keeps the copy equal to both themes' own).
"""

from __future__ import annotations

import re

CLASS = "kb-table"
CLASSLESS_TABLE = re.compile(r"<table(?![^>]*\bclass=)([^>]*)>(.*?)</table>", re.S)  # the theme's table:not([class])


def wrap_tables(html: str) -> str:
    """`html` with each classless table in the theme's scroll wrapper, as the class `kb-table`; once only."""
    return CLASSLESS_TABLE.sub(
        lambda m: f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                  f'<table class="{CLASS}"{m.group(1)}>{m.group(2)}</table></div></div>',
        html,
    )
