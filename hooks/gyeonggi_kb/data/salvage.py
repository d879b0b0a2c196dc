"""Keep the usable parts of a record whose file has shape problems, so its cross checks still run.

A term with a missing English definition still names its related terms; a
session with a misspelt status still lists its modules and has a date. If
such a file were dropped until its shape is fixed, a misspelt id in it would
be reported only in the next run. `salvage` returns the data with every key
that failed its own shape check replaced by a neutral value (None, an empty
or thinned list, or a section salvaged the same way) and the dotted names of
the keys it replaced, so a check can tell "unusable" from a real `null`.

Records built from salvaged data are only checked, never rendered: a file
with a data problem fails the build, and `make serve` keeps the last good
pages until it is fixed.
"""

from __future__ import annotations

from .schema import ListOf, Record, Where
from .yamlsource import Mapping, Sequence

NOWHERE = Where("", 0)


def passes(kind, value) -> bool:
    return next(iter(kind.check(value, "", NOWHERE)), None) is None


def neutral(kind):
    if isinstance(kind, Record):
        return salvage(kind, Mapping())[0]
    if isinstance(kind, ListOf):
        return empty_sequence()
    return None


def empty_sequence(line: int = 0) -> Sequence:
    items = Sequence()
    items.line, items.item_lines = line, []
    return items


def usable_items(kind: ListOf, value: list) -> Sequence:
    """Records in a list (sources, milestones) are kept whole or left out; other items become None in place,
    so the line of every kept item stays the line of its index."""
    lines = value.item_lines if isinstance(value, Sequence) else [0] * len(value)
    kept = empty_sequence(getattr(value, "line", 0))
    for item, line in zip(value, lines):
        ok = passes(kind.item, item)
        if isinstance(kind.item, Record):
            if ok:
                kept.append(item)
                kept.item_lines.append(line)
        else:
            kept.append(item if ok else None)
            kept.item_lines.append(line)
    return kept


def salvage(shape: Record, data) -> tuple[Mapping, frozenset]:
    """(data with every unusable key neutral, dotted names of the keys that were unusable)."""
    source = data if isinstance(data, dict) else {}
    out = Mapping()
    out.line = getattr(data, "line", 0)
    out.key_lines = dict(getattr(data, "key_lines", {}))
    unusable: set = set()
    for key in shape.keys:
        name = key.name
        if name not in source:
            if key.required:
                unusable.add(name)
                out[name] = neutral(key.kind)
            continue
        value = source[name]
        if name not in getattr(source, "unreadable", ()) and passes(key.kind, value):
            out[name] = value
            continue
        unusable.add(name)
        if isinstance(key.kind, Record):
            out[name], inner = salvage(key.kind, value)
            unusable |= {f"{name}.{n}" for n in inner}
        elif isinstance(key.kind, ListOf) and isinstance(value, list):
            out[name] = usable_items(key.kind, value)
        else:
            out[name] = neutral(key.kind)
    return out, frozenset(unusable)
