"""Stage 1b, checks: what no single file can tell, reported as `path:line: message`.

`validate` checks the records against each other (ids, dates, cycles,
labels), `review` the review dates, `internal_links` and `anchors` the links
of hand-written pages, lessons and recaps, `translation` what exists in one
language only.

May import: `data`, and the foundation (`problems`, `layout`, `write`).
"""
