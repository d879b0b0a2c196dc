"""A glossary term as the YAML file an editor would write. No I/O.

Used by the spreadsheet import: the files it creates or updates look like the
hand-written ones (schema line first, keys in the order of shapes.TERM, short
lists inline, long text folded), so a later hand edit or review diff reads
naturally.
"""

from __future__ import annotations

import textwrap

import yaml

from gyeonggi_kb.data.model import LANGS
from gyeonggi_kb.data.yamlsource import parse_yaml

from .editor_schemas import schema_line

SOURCE_KEYS = ("title", "url", "law", "article", "licence")


def plain(value) -> str:
    """One YAML scalar or flow list on one line, quoted only where YAML needs it."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=float("inf"))
    return text.removesuffix("\n").removesuffix("\n...")


def text_block(value, indent: str) -> str:
    """Long single-spaced text as a folded block (`>-`), wrapped like the hand-written files; else one line."""
    if value is None or len(value) < 100 or value != " ".join(value.split()):
        return plain(value)
    hangul = sum("\uac00" <= c <= "\ud7a3" for c in value)
    width = 60 if hangul > len(value) / 3 else 110  # Hangul is drawn twice as wide
    lines = textwrap.wrap(value, width=width, break_long_words=False, break_on_hyphens=False)
    return ">-\n" + "\n".join(indent + line for line in lines)


def section_lines(lang: str, key: str, value) -> list[str]:
    """One key under `ko:` / `en:`."""
    if key == "definition":
        return [f"  definition: {text_block(value, '    ')}"]
    return [f"  {key}: {plain(value)}"]


def key_lines(key: str, value) -> list[str]:
    """One top-level key other than `ko:` / `en:`."""
    if key != "sources":
        return [f"{key}: {plain(value)}"]
    lines = ["sources:" + ("" if value else " []")]
    for source in value:
        fields = [f"{k}: {plain(source[k])}" for k in SOURCE_KEYS if k in source]
        lines += ["  - " + fields[0], *("    " + f for f in fields[1:])]
    return lines


def render_term_yaml(record: dict, data_path: str) -> str:
    """A glossary file as editors write them: schema line, keys in the order of shapes.TERM, short lists inline."""
    lines = [schema_line("term", data_path)]
    for key, value in record.items():
        if key in LANGS:
            lines.append(f"{key}:")
            for inner in ("term", "synonyms", "definition"):
                lines += section_lines(key, inner, value[inner])
        else:
            lines += key_lines(key, value)
    return "\n".join(lines) + "\n"


def update_term_yaml(text: str, old: dict, new: dict) -> str:
    """`text` (a term's file, which holds `old`) with only the values that differ in `new` rewritten.

    Everything else (line breaks in long text, key order, comments) stays as the
    editor left it, so the change reads in a review as exactly what was imported.
    """
    data, _ = parse_yaml(text, "")
    lines = text.split("\n")
    starts = sorted({*data.key_lines.values(), *(line for lang in LANGS for line in data[lang].key_lines.values())})
    edits = []  # (first line, last line, replacement lines), 1-based, inclusive
    for key in dict.fromkeys([*old, *new]):
        if key in LANGS:
            for inner in ("term", "synonyms", "definition"):
                if old[key][inner] != new[key][inner]:
                    edits.append((*value_span(data[key].key_lines[inner], starts, lines), section_lines(key, inner, new[key][inner])))
        elif old.get(key) != new.get(key):
            if key in data.key_lines:
                edits.append((*value_span(data.key_lines[key], starts, lines), key_lines(key, new[key]) if key in new else []))
            else:  # a key the file did not have (shared_labels): it goes last
                edits.append((len(lines), len(lines) - 1, key_lines(key, new[key])))
    for first, last, replacement in sorted(edits, reverse=True):
        lines[first - 1:last] = replacement
    return "\n".join(lines)


def value_span(first: int, starts: list, lines: list) -> tuple[int, int]:
    """Lines `first`..last of the value whose key is on line `first`: up to the next key, less trailing blanks and comments."""
    last = next((line - 1 for line in starts if line > first), len(lines))
    while last > first and (not lines[last - 1].strip() or lines[last - 1].lstrip().startswith("#")):
        last -= 1
    return first, last
