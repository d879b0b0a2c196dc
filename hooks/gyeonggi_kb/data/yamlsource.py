"""Read YAML while remembering where every key came from.

PyYAML forgets positions and silently keeps the last of two duplicate keys.
Editors need `path:line` for every problem, so this module composes the node
tree itself and builds `Mapping`/`Sequence` containers that carry the line of
each key and item. Reading never raises: syntax errors, duplicate keys and
impossible dates (2025-02-30) come back as problems.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from gyeonggi_kb.problems import Problem


class Mapping(dict):
    """A dict whose keys remember their 1-based source line."""

    line: int = 0
    key_lines: dict
    # Keys whose value could not be read (an impossible date): they hold None, which must not
    # be taken for a `null` written in the file; the problem is already reported.
    unreadable: frozenset = frozenset()

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A list whose items remember their 1-based source line."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def nfc(text: str) -> str:
    # Hangul typed on macOS or pasted from some PDFs arrives decomposed (NFD);
    # matching and sorting assume composed syllables.
    return unicodedata.normalize("NFC", text)


def read_text(path: Path) -> str:
    """File text with a BOM dropped, CRLF/CR folded to LF and Unicode in NFC."""
    text = path.read_bytes().decode("utf-8-sig")
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


# libyaml's parser is several times faster than PyYAML's pure-Python one and
# gives nodes the same marks. Its error messages are worded differently, so a
# file it rejects is parsed again by the pure-Python parser for the message
# editors see (and tests assert); that costs time only for broken files.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


STR_TAG = "tag:yaml.org,2002:str"
UNREADABLE = object()  # what build() returns for a scalar that cannot be constructed


def compose_with(loader_class, text: str):
    loader = loader_class(text)
    try:
        return loader, loader.get_single_node()
    finally:
        loader.dispose()


def compose(text: str):
    """(loader, root node) of one YAML document; the loader still constructs scalars."""
    try:
        return compose_with(FAST_LOADER, text)
    except yaml.YAMLError:
        if FAST_LOADER is yaml.SafeLoader:
            raise
        return compose_with(yaml.SafeLoader, text)  # raises again, worded by PyYAML


def syntax_hint(problem: str) -> str:
    """What usually causes PyYAML's `problem`, in words an editor can act on."""
    if "'\\t'" in problem:  # PyYAML quotes the character it stopped at
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "text that contains ': ' must be in quotes, e.g. title: \"Act: 2024\""
    if "another document" in problem:
        return "a data file holds one record, so remove the second '---' line"
    return "check indentation, colons and quotes"


def parse_yaml(text: str, rel_path: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse one YAML document; `first_line` shifts lines (for front matter)."""
    problems: list[Problem] = []
    offset = first_line - 1
    try:
        loader, node = compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 + offset if mark else first_line
        what = (err.problem or "invalid YAML").strip()
        return None, [Problem(rel_path, line, f"YAML syntax error: {what}; {syntax_hint(what)}")]
    except yaml.YAMLError as err:  # an error without a position
        what = " ".join(str(err).split())
        return None, [Problem(rel_path, first_line, f"YAML error: {what}; {syntax_hint(what)}")]
    if node is None:
        return None, problems

    def build(node: yaml.Node) -> Any:
        line = node.start_mark.line + 1 + offset  # marks are 0-based
        if isinstance(node, yaml.MappingNode):
            result = Mapping()
            result.line, result.key_lines = line, {}
            for key_node, value_node in node.value:
                key = build(key_node)
                key_line = key_node.start_mark.line + 1 + offset
                if not isinstance(key, str):
                    key = str(key)
                if key in result.key_lines:
                    problems.append(Problem(rel_path, key_line, f"duplicate key '{key}' (first at line {result.key_lines[key]}); keep only one"))
                    continue
                result.key_lines[key] = key_line
                value = build(value_node)
                if value is UNREADABLE:
                    result.unreadable |= {key}
                    value = None
                result[key] = value
            return result
        if isinstance(node, yaml.SequenceNode):
            result = Sequence()
            result.line = line
            result.item_lines = [n.start_mark.line + 1 + offset for n in node.value]
            result.extend(None if item is UNREADABLE else item for item in map(build, node.value))
            return result
        if node.tag == STR_TAG:  # most scalars: the constructor would return node.value, at many times the cost
            return nfc(node.value)
        try:
            value = loader.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError) as err:
            problems.append(Problem(rel_path, line, f"'{node.value}' is not a valid value ({err}); for a date write YYYY-MM-DD with a real day"))
            return UNREADABLE
        if isinstance(value, str):
            return nfc(value)
        if isinstance(value, dt.datetime):
            return value.date()
        return value

    root = build(node)
    return (None if root is UNREADABLE else root), problems


def read_source(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Like `read_text`, but a file that is not UTF-8 (e.g. saved as CP949 by a Korean editor) is a problem."""
    try:
        return read_text(path), []
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        return None, [Problem(rel, line, f"file is not UTF-8 text ({err.reason} at byte {err.start}); save it as UTF-8")]


def load_yaml_text(path: Path, root: Path) -> tuple[str | None, Any, list[Problem]]:
    """(text, parsed data, problems) of one YAML file; the text is None when the file cannot be read."""
    rel = path.relative_to(root).as_posix()
    text, problems = read_source(path, rel)
    if text is None:
        return None, None, problems
    if not text.strip():
        return text, None, [Problem(rel, 1, "file is empty; delete it or fill in a record")]
    return (text, *parse_yaml(text, rel))


def load_yaml_file(path: Path, root: Path) -> tuple[Any, list[Problem]]:
    _, data, problems = load_yaml_text(path, root)
    return data, problems
