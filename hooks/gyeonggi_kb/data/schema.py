"""Declare each record's shape once; check data against it and export JSON Schema.

The same declaration drives the validator (with `path:line` messages) and the
JSON Schema files that editors' YAML extensions use while typing, so the two
cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterator

from gyeonggi_kb.problems import Problem, did_you_mean

from .yamlsource import Mapping, Sequence

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Kind:
    """A value's expected shape. `check` yields problems; `json_schema` describes it."""

    description = ""

    def check(self, value: Any, where: str, at: "Where") -> Iterator[Problem]:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError


@dataclass(frozen=True)
class Where:
    path: str
    line: int

    def problem(self, message: str, line: int | None = None) -> Problem:
        return Problem(self.path, line if line is not None else self.line, message)


@dataclass(frozen=True)
class Text(Kind):
    min_length: int = 1
    max_length: int = 5000
    pattern: str | None = None
    hint: str = ""

    def check(self, value, where, at):
        if value is None:  # `key:` with nothing after it, or `null`: quotes would not help
            yield at.problem(f"'{where}' must be text, got nothing (null); write the text after the colon")
            return
        if not isinstance(value, str):
            yield at.problem(f"'{where}' must be text, got {describe(value)}; put it in quotes if it looks like a number, date or true/false")
            return
        if len(value.strip()) < self.min_length:
            yield at.problem(f"'{where}' must not be empty; write the text after the colon")
        elif len(value) > self.max_length:
            yield at.problem(f"'{where}' is {len(value)} characters long; keep it under {self.max_length}")
        elif self.pattern and not re.match(self.pattern, value):
            yield at.problem(f"'{where}' is '{value}', which is not allowed: {self.hint or 'must match ' + self.pattern}")

    def json_schema(self):
        schema = {"type": "string", "minLength": self.min_length, "maxLength": self.max_length}
        if self.pattern:
            schema["pattern"] = self.pattern
        elif self.min_length:
            schema["pattern"] = r"\S"  # blank text is as empty as no text (check() strips it)
        # Shown by VS Code's YAML extension instead of the bare regular expression.
        if "pattern" in schema:
            schema["patternErrorMessage"] = self.hint or "must not be empty"
        return schema


ID = Text(max_length=80, pattern=ID_PATTERN, hint="use lower-case ASCII letters, digits and single hyphens, e.g. 'generative-ai'")


@dataclass(frozen=True)
class Url(Kind):
    def check(self, value, where, at):
        if not isinstance(value, str):
            yield at.problem(f"'{where}' must be a URL, got {describe(value)}; write the full address, e.g. 'https://www.gg.go.kr/...'")
        elif not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
            yield at.problem(f"'{where}' must be an http(s) URL starting with https:// or http://, got '{value}'")

    def json_schema(self):
        return {"type": "string", "pattern": r"^https?://\S+$", "patternErrorMessage": "must be a web address starting with https:// or http://"}


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int = 0

    def check(self, value, where, at):
        if isinstance(value, bool) or not isinstance(value, int):
            yield at.problem(f"'{where}' must be a whole number, got {describe(value)}; write digits only, e.g. 3")
        elif value < self.minimum:
            yield at.problem(f"'{where}' must be at least {self.minimum}, got {value}")

    def json_schema(self):
        return {"type": "integer", "minimum": self.minimum}


@dataclass(frozen=True)
class Boolean(Kind):
    def check(self, value, where, at):
        if not isinstance(value, bool):
            yield at.problem(f"'{where}' must be true or false, got {describe(value)}")

    def json_schema(self):
        return {"type": "boolean"}


@dataclass(frozen=True)
class Date(Kind):
    """A calendar date; `partial` also allows 'YYYY-MM' or 'YYYY' when the day is not known."""

    partial: bool = False

    def check(self, value, where, at):
        if isinstance(value, dt.date):
            return
        if self.partial and isinstance(value, str) and PARTIAL_DATE.match(value):
            parts = [int(p) for p in value.split("-")]
            try:
                dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
            except ValueError:
                yield at.problem(f"'{where}' is '{value}', which is not a real date; check the month and the day")
            return
        form = "YYYY-MM-DD (or 'YYYY-MM' in quotes when the day is not known)" if self.partial else "YYYY-MM-DD"
        yield at.problem(f"'{where}' must be a date written {form}, got {describe(value)}")

    def json_schema(self):
        # Editors type dates unquoted; YAML 1.2 (the editor's YAML) reads them as strings.
        pattern = r"^\d{4}(-\d{2}(-\d{2})?)?$" if self.partial else r"^\d{4}-\d{2}-\d{2}$"
        form = "YYYY-MM-DD, or 'YYYY-MM' / 'YYYY' in quotes when the day is not known" if self.partial else "YYYY-MM-DD"
        return {"type": "string", "pattern": pattern, "patternErrorMessage": f"write the date as {form}"}


@dataclass(frozen=True)
class OneOf(Kind):
    values: tuple

    def check(self, value, where, at):
        if value not in self.values:
            allowed = ", ".join(map(str, self.values))
            yield at.problem(f"'{where}' must be one of {allowed}; got '{value}'{did_you_mean(value, map(str, self.values))}")

    def json_schema(self):
        return {"enum": list(self.values)}


@dataclass(frozen=True)
class Nullable(Kind):
    """A value that may be `null` to say "not known yet"."""

    inner: Kind

    def check(self, value, where, at):
        if value is not None:
            yield from self.inner.check(value, where, at)

    def json_schema(self):
        return {"anyOf": [self.inner.json_schema(), {"type": "null"}]}


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind
    unique: bool = False
    min_items: int = 0

    def check(self, value, where, at):
        if not isinstance(value, list):
            yield at.problem(f"'{where}' must be a list (one '- item' per line, or [a, b]), got {describe(value)}")
            return
        if len(value) < self.min_items:
            yield at.problem(f"'{where}' must have at least {self.min_items} item{'s' if self.min_items > 1 else ''}; write one '- ...' line per item")
        seen = set()
        for i, item in enumerate(value):
            item_at = Where(at.path, value.line_of(i) if isinstance(value, Sequence) else at.line)
            yield from self.item.check(item, f"{where}[{i + 1}]", item_at)
            if self.unique and isinstance(item, str):
                if item in seen:
                    yield item_at.problem(f"'{where}' lists '{item}' twice; remove one")
                seen.add(item)

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema(), "minItems": self.min_items}
        if self.unique:
            schema["uniqueItems"] = True
        return schema


@dataclass(frozen=True)
class Key:
    name: str
    kind: Kind
    required: bool = True
    description: str = ""


@dataclass(frozen=True)
class FilledUnless:
    """A rule across keys: the values at `paths` may be null only while `key` is `value`.

    (A candidate term may wait for its definitions; a published one may not.)
    """

    key: str
    value: str
    paths: tuple  # ((section, name), ...): value[section][name]
    hint: str

    def check(self, record: dict, at: Where) -> Iterator[Problem]:
        if record.get(self.key) == self.value:
            return
        for section, name in self.paths:
            inner = record.get(section)
            if isinstance(inner, dict) and name in inner and inner[name] is None:
                line = inner.line_of(name) if isinstance(inner, Mapping) else at.line
                yield at.problem(f"'{section}.{name}' is empty, which only a term with '{self.key}: {self.value}' may be; {self.hint}", line)

    def json_schema(self) -> dict:
        filled = {section: {"properties": {name: {"type": "string"}}} for section, name in self.paths}
        return {"if": {"properties": {self.key: {"const": self.value}}, "required": [self.key]}, "else": {"properties": filled}}


@dataclass(frozen=True)
class Record(Kind):
    keys: tuple
    description: str = ""
    rules: tuple = ()  # rules across keys, such as FilledUnless

    def check(self, value, where, at):
        label = f"'{where}'" if where else "the file"
        if not isinstance(value, dict):
            yield at.problem(f"{label} must be a mapping of 'key: value' lines, got {describe(value)}")
            return
        known = {k.name: k for k in self.keys}
        line_of = value.line_of if isinstance(value, Mapping) else (lambda _k: at.line)
        prefix = f"{where}." if where else ""
        for name in value:
            if name not in known:
                yield at.problem(
                    f"unknown key '{prefix}{name}'{did_you_mean(name, known)}"
                    + ("" if did_you_mean(name, known) else f"; allowed keys: {', '.join(known)}"),
                    line_of(name),
                )
        for key in self.keys:
            if key.name not in value:
                if key.required:
                    yield at.problem(missing_key_message(key, where))
                continue
            yield from key.kind.check(value[key.name], prefix + key.name, Where(at.path, line_of(key.name)))
        for rule in self.rules:
            yield from rule.check(value, at)

    def json_schema(self):
        schema = {
            "type": "object",
            "additionalProperties": False,
            "properties": {},
            "required": [k.name for k in self.keys if k.required],
        }
        for key in self.keys:
            prop = key.kind.json_schema()
            if key.description:
                prop = {**prop, "description": key.description}
            schema["properties"][key.name] = prop
        if self.description:
            schema["description"] = self.description
        if self.rules:
            schema["allOf"] = [rule.json_schema() for rule in self.rules]
        return schema


def missing_key_message(key: Key, where: str) -> str:
    """Name the key, say what it holds, and where to add it."""
    about = key.description or (f"one of {', '.join(map(str, key.kind.values))}" if isinstance(key.kind, OneOf) else "")
    full = f"{where}.{key.name}" if where else key.name
    line = f"an '{key.name}:' section" if isinstance(key.kind, Record) else f"'{key.name}: ...'"
    add = f"add {line} under '{where}:'" if where else f"add {line}"
    return f"missing required key '{full}'" + (f" ({about})" if about else "") + f"; {add}"


def bilingual(inner: Record, what: str) -> tuple:
    """The `ko:` and `en:` sections: both are required, so a missing translation is an error."""
    return (
        Key("ko", inner, description=f"{what} in Korean"),
        Key("en", inner, description=f"{what} in English"),
    )


def describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"'{value[:60]}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


# Draft-07, not 2020-12: the YAML extension for VS Code (yaml-language-server)
# validates with draft-07 and warns that 2020-12 schemas are "not yet fully
# supported". Every keyword used above means the same in both drafts.
JSON_SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"


def json_schema_document(record: Record, title: str, schema_id: str, comment: str = "") -> dict:
    head = {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id, "title": title}
    if comment:
        head["$comment"] = comment
    return {**head, **record.json_schema()}
