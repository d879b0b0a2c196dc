"""'Used in' back-links from the text itself: pages where the auto-linker found a term.

Data declares which terms a module, reference or recap uses (backlinks.py);
lessons and hand-written pages mention many more. The auto-linker records
each term it links on a page; after every page is rendered (terms form a
graph, so this waits for all of them) the term's page gets the mentioning
pages added to its "used in" section, after the declared ones and without
repeating them. Pure: HTML in, HTML out. The list is marked
`data-search-exclude`: each page it names has its own search entry, and a
list of fifty titles would make the term's page match them all.
"""

from __future__ import annotations

import html
import re

from gyeonggi_kb import layout
from gyeonggi_kb.pages.labels import label

USED_IN = re.compile(r'<div class="kb-used-in">(.*?)</div>', re.S)
NOT_USED = re.compile(r'<p class="kb-not-used">.*?</p>', re.S)


def add_mentions(term_html: str, term_url: str, mentions: list[tuple[str, str]], lang: str) -> str:
    """Add `mentions` ((site-relative URL, title), ...) to the used-in section of a term page at `term_url`."""
    section = USED_IN.search(term_html)
    if section is None or not mentions:
        return term_html
    listed = set(re.findall(r'href="([^"]+)"', section.group(1)))
    items = []
    for url, title in sorted(set(mentions)):
        href = layout.relative(url, term_url)
        if href in listed or url == term_url:
            continue
        items.append(f'<li><a href="{html.escape(href)}">{html.escape(title)}</a></li>')
    if not items:
        return term_html
    inner = NOT_USED.sub("", section.group(1))
    block = f'<p data-search-exclude>{label("mentioned_in", lang)}</p>\n<ul class="kb-mentions" data-search-exclude>\n' + "\n".join(items) + "\n</ul>\n"
    return term_html[:section.start(1)] + inner + block + term_html[section.end(1):]
