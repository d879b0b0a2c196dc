"""Small fixes to rendered HTML that Markdown extensions cannot be told to make.

Runs on each page's HTML (hooks.py `on_page_content`), so it is a pure
string-to-string function like the renderers.
"""

from __future__ import annotations

import re

# pymdownx.tasklist draws a lesson checklist as disabled checkboxes inside an
# empty <label>. They are a printable "tick this off" decoration that can
# never change state, so screen readers get the item text alone instead of
# a dozen unlabelled, dimmed form fields (WCAG 4.1.2; axe rule `label`).
DISABLED_TASK_CHECKBOX = re.compile(r'(<label class="task-list-control">)<input type="checkbox" disabled(?=[ />])')


def hide_decorative_checkboxes(html: str) -> str:
    return DISABLED_TASK_CHECKBOX.sub(r'\1<input type="checkbox" disabled aria-hidden="true" tabindex="-1"', html)
