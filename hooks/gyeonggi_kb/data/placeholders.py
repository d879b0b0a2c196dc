"""Placeholders the scaffolds leave (`TODO: ...`), found wherever an editor left them.

`make new-*` marks every text still to write and every choice still to make
with PLACEHOLDER: in values, in YAML comments (`# TODO: choose the topic`),
in lessons and in recap pages. A placeholder must never be published, so each
one left is a problem of kind "placeholder" at its own line: `make validate`
and `make build` fail on it, while `make serve` still shows the page (with
the problem in its overlay) so the editor can see what is left to do.

The text is scanned, not the parsed values: a placeholder inside a folded
block or a comment has no value of its own, and the line of the marker is
the line the editor must change. No I/O here; callers pass the text.
"""

from __future__ import annotations

import re
from typing import Iterator

import yaml

from gyeonggi_kb.problems import Problem

PLACEHOLDER = "TODO:"
# The marker as a word of its own: 'TODO:' at the start, after a space, a quote, '#', '[' or '('.
MARKER = re.compile(r"(?<![\w:/.-])" + re.escape(PLACEHOLDER))
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+).+?\1")
KIND = "placeholder"


def is_placeholder(value) -> bool:
    """A value that is (still) a scaffold placeholder."""
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


def excerpt(line: str, start: int, limit: int = 200) -> str:
    """The placeholder as written, from its marker on (a comment's list of choices included)."""
    text = line[start:].strip().rstrip("\"'")
    return text if len(text) <= limit else text[:limit - 3] + "..."


def value_problem(path: str, line: int, text: str) -> Problem:
    return Problem(path, line, f"'{text}' is a placeholder: replace it with the real text; a placeholder is never published", KIND)


def comment_problem(path: str, line: int, text: str) -> Problem:
    return Problem(path, line, f"'# {text}' marks a choice still to make: set the value on this line, then delete the comment", KIND)


def scalar_spans(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]] | None:
    """((line, column) start, end) of every scalar in a YAML text, 0-based; None when it does not scan."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return [
            ((t.start_mark.line, t.start_mark.column), (t.end_mark.line, t.end_mark.column))
            for t in yaml.scan(text, Loader=loader)
            if isinstance(t, yaml.ScalarToken)
        ]
    except yaml.YAMLError:
        return None


def find_in_yaml(text: str, path: str, first_line: int = 1) -> Iterator[Problem]:
    """Placeholders in a YAML text (a data file, or front matter starting at `first_line`)."""
    if PLACEHOLDER not in text:
        return
    spans = None
    for number, line in enumerate(text.split("\n")):
        for match in MARKER.finditer(line):
            if spans is None:
                spans = scalar_spans(text) or []
            at = (number, match.start())
            in_value = any(start <= at < end for start, end in spans)
            before = line[: match.start()]
            is_comment = not in_value and "#" in before
            make = comment_problem if is_comment else value_problem
            yield make(path, number + first_line, excerpt(line, match.start()))
            break  # one problem per line


def find_in_markdown(text: str, path: str, first_line: int = 1) -> Iterator[Problem]:
    """Placeholders in Markdown prose (lessons, recap bodies); code blocks and code spans are literal text."""
    if PLACEHOLDER not in text:
        return
    fenced = False
    for number, line in enumerate(text.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        prose = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        match = MARKER.search(prose)
        if match:
            yield value_problem(path, number + first_line, excerpt(line, match.start()).split("](")[0])
