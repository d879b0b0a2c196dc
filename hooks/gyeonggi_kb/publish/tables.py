"""Each table of a page's content in a box of its own, so that Material's table wrapper restyles the table only.

Material's JavaScript wraps every classless table in two <div>s of its own
(for scrolling sideways on a phone) when the page has loaded. Moving a table
that is a direct child of the article makes the browser restyle the whole
article, because of Material's rule `.md-typeset table:not([class]) + *`:
on a page with a table, 70 ms of main-thread time on this machine (about
280 ms at Lighthouse's 4x phone CPU), in one task. Inside a <div> of its own,
the table has no siblings, so the move restyles the table alone. The <div>
has no style: the page looks the same, and Material's wrapper still does
its job inside it.
"""

from __future__ import annotations

import re

CLASSLESS_TABLE = re.compile(r"<table(?![^>]*\bclass=)[^>]*>.*?</table>", re.S)  # the tables Material wraps: table:not([class])
BOX = '<div class="kb-table">'


def box_tables(html: str) -> str:
    return CLASSLESS_TABLE.sub(lambda m: m.group(0) if html.endswith(BOX, 0, m.start()) else f"{BOX}{m.group(0)}</div>", html)
