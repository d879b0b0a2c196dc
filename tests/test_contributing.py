"""The contribution guide quotes real messages, in both languages.

Every message in the guide's error table must be one a test asserts (so a
reworded message cannot leave the guide behind), and the Korean and English
guides list the same messages.
"""

from __future__ import annotations

import ast
import re

from conftest import REPO

GUIDES = ("CONTRIBUTING.md", "CONTRIBUTING.en.md")


def quoted_messages(guide: str) -> list[str]:
    rows = [line for line in (REPO / guide).read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    return [re.match(r"\| (`+) ?(.*?) ?\1 \|", row).group(2) for row in rows]


def asserted_strings() -> set[str]:
    found = set()
    for path in (REPO / "tests").glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_both_guides_quote_the_same_messages():
    assert quoted_messages(GUIDES[0]) == quoted_messages(GUIDES[1])
    assert len(quoted_messages(GUIDES[0])) >= 15


def test_every_quoted_message_is_asserted_by_a_test():
    known = asserted_strings()
    for message in quoted_messages(GUIDES[0]):
        prefix = message.removesuffix("...").rstrip()
        assert any(k.startswith(prefix) or prefix in k for k in known), f"not asserted anywhere: {message}"


def test_the_guides_link_each_other_and_name_the_commands():
    ko, en = ((REPO / g).read_text(encoding="utf-8") for g in GUIDES)
    assert "(CONTRIBUTING.en.md)" in ko and "(CONTRIBUTING.md)" in en
    for command in ("make serve", "make validate", "make translation-status", "make new-term", "make new-module",
                    "make new-reference", "make new-recap", "make test", "make linkcheck-external", "make review-due"):
        assert command in ko and command in en
