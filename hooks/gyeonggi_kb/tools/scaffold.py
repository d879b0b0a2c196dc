"""Scaffolding: new records with every required field, ready to fill in.

`make new-module ID=...` (and new-term, new-reference, new-recap) write files
with every required key, in the right shape, so an editor starts from
something that parses and only replaces text. The YAML is rendered from the
record shapes in shapes.py, so a field added there appears in new files
without touching this module. Text to write, and choices to make, are marked
with PLACEHOLDER: until every one is replaced, `make validate` and `make
build` report each at its line (placeholders.py), and `make serve` shows them
on the page. Once they are replaced, the files validate.

Rendering is pure (`scaffold_files` returns {path: text}); `write_new_files`
refuses to overwrite anything.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import Counter
from pathlib import Path

import yaml

from gyeonggi_kb import layout
from gyeonggi_kb.checks.validate import LESSON_SECTIONS
from gyeonggi_kb.data import dates, shapes
from gyeonggi_kb.data.load import COLLECTIONS, LESSONS_DIR, RECAPS_DIR
from gyeonggi_kb.data.placeholders import PLACEHOLDER
from gyeonggi_kb.data.schema import ID_PATTERN, Boolean, Date, Integer, ListOf, Nullable, OneOf, Record, Text, Url
from gyeonggi_kb.problems import did_you_mean

from .editor_schemas import schema_line

LANG_NAMES = {"ko": "한국어", "en": "English"}
KINDS = ("module", "term", "reference", "recap")

# Section headings of a lesson, as the existing lessons word them.
LESSON_HEADINGS = {
    "why-it-matters": ("왜 경기도 행정에 중요한가", "Why it matters for Gyeonggi administration"),
    "key-concepts": ("핵심 개념", "Key concepts"),
    "cases": ("사례", "Cases"),
    "rules": ("규정과 기준", "What the rules say"),
    "checklist": ("공무원 점검표", "Checklist for officials"),
    "discussion": ("토론 질문", "Discussion questions"),
    "further-reading": ("더 읽을거리", "Further reading"),
    "sources": ("출처", "Sources"),
}
# How each section starts, so the expected form (task list, numbered list...) is visible.
LESSON_STARTS = {"checklist": "- [ ] ", "discussion": "1. ", "further-reading": "- ", "sources": "1. "}
# Sections whose items must be links (validate.check_lesson): the placeholder is a link to fill in.
LESSON_LINKED = ("further-reading", "sources")


class ScaffoldError(Exception):
    """The request cannot be scaffolded (bad id, existing file, unknown session); the message says why."""


def placeholder(what: str, lang: str | None) -> str:
    return f"{PLACEHOLDER} {what}" + (f" ({LANG_NAMES[lang]})" if lang else "")


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def scalar(kind, name: str, what: str, lang: str | None, values: dict, path: str) -> tuple[str, str]:
    """(YAML value, trailing comment) for one scalar key."""
    if path in values:
        value, comment = values[path] if isinstance(values[path], tuple) else (values[path], "")
        if comment:
            return scalar(kind, name, what, lang, {path: value}, path)[0], comment
        if isinstance(value, dt.date):
            return value.isoformat(), ""
        if isinstance(value, bool):
            return str(value).lower(), ""
        if isinstance(value, int):
            return str(value), ""
        return (value if re.match(ID_PATTERN, value) else quoted(value)), ""
    if isinstance(kind, Nullable):
        return "null", "null while not known; never guess"
    if isinstance(kind, OneOf):
        return str(kind.values[0]), "one of: " + ", ".join(map(str, kind.values))
    if isinstance(kind, Integer):
        return str(kind.minimum), ""
    if isinstance(kind, Boolean):
        return "true", ""
    if isinstance(kind, Url):
        return "https://example.org/", f"{PLACEHOLDER} the real address"
    if isinstance(kind, Date):
        raise ValueError(f"no value for the date '{path}'")  # never invent a date
    text = placeholder(what, lang)
    if isinstance(kind, Text) and kind.pattern and not re.match(kind.pattern, text):
        return "todo", f"{PLACEHOLDER} {what}"  # an id or code: a placeholder that still validates
    return quoted(text), ""


def fillable(record: Record) -> bool:
    """Whether a placeholder item can be written without inventing a fact (no date, no choice)."""
    return all(isinstance(k.kind, Text) and not k.kind.pattern for k in record.keys if k.required)


def yaml_lines(record: Record, values: dict, lang: str | None = None, prefix: str = "", indent: str = "") -> list[str]:
    """The keys of `record` as YAML lines: required keys filled in, optional keys as comments."""
    lines = []
    parent = prefix.rstrip(".").rsplit(".", 1)[-1].replace("[]", "").replace("_", " ")
    for key in record.keys:
        path = prefix + key.name
        # `issuer: {ko: ..., en: ...}` asks for the issuer, not for "ko".
        what = key.description or (parent if key.name in LANG_NAMES and parent else key.name.replace("_", " "))
        key_lang = key.name if key.name in LANG_NAMES else lang
        if not key.required:
            lines.append(f"{indent}# {key.name}: (optional) {key.description}".rstrip())
            continue
        kind = key.kind
        if isinstance(kind, Record):
            lines.append(f"{indent}{key.name}:" + (f"  # {key.description}" if key.description else ""))
            lines += yaml_lines(kind, values, key_lang, path + ".", indent + "  ")
        elif isinstance(kind, ListOf):
            comment = f"  # {key.description}" if key.description else ""
            if path in values:
                items = values[path]
                lines.append(f"{indent}{key.name}: [{', '.join(items)}]{comment}")
            elif kind.min_items == 0 and not (isinstance(kind.item, Record) and fillable(kind.item)):
                lines.append(f"{indent}{key.name}: []{comment}")
            elif isinstance(kind.item, Record):
                lines.append(f"{indent}{key.name}:{comment}")
                item = yaml_lines(kind.item, values, key_lang, path + "[].", indent + "    ")
                lines += [f"{indent}  - {item[0].lstrip()}", *item[1:]]
            else:
                lines.append(f"{indent}{key.name}:{comment}")
                value, _ = scalar(kind.item, key.name, what, key_lang, values, path + "[]")
                lines.append(f"{indent}  - {value}")
        else:
            value, comment = scalar(kind, key.name, what, key_lang, values, path)
            comment = comment or (key.description if not value.startswith('"') else "")
            lines.append(f"{indent}{key.name}: {value}" + (f"  # {comment}" if comment else ""))
    return lines


def render_record(kind: str, data_path: str, values: dict) -> str:
    body = yaml_lines(shapes.KINDS[kind], values)
    return "\n".join([schema_line(kind, data_path), *body]) + "\n"


def render_lesson(lang: str) -> str:
    i = 0 if lang == "ko" else 1
    parts = []
    for section in LESSON_SECTIONS:
        heading = LESSON_HEADINGS.get(section, (section, section))[i]
        start = LESSON_STARTS.get(section, "")
        text = placeholder(heading, lang)
        if section in LESSON_LINKED:
            text = f"[{text}](https://example.org/)"
        parts.append(f"## {heading} {{#{section}}}\n\n{start}{text}\n")
    return "\n".join(parts)


def render_recap(session: dict, lang: str, data_path: str) -> str:
    number = session["number"]
    title = f"제{number}회차 요약" if lang == "ko" else f"Recap of session {number}"
    values = {"title": title, "session": session["id"], "date": session["date"]}
    front = yaml_lines(shapes.RECAP, values, lang)
    # The page shows the title, session facts, summary, takeaways and sources from
    # the front matter (curriculum/recaps/template.*.md); the body is the narrative only.
    heading = "회차에서 다룬 내용" if lang == "ko" else "What the session covered"
    what = "출처로 확인되는 내용만" if lang == "ko" else "only what the sources support"
    body = f"## {heading} {{#covered}}\n\n{placeholder(what, lang)}\n"
    return "---\n" + "\n".join(front) + "\n---\n\n" + body


def read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, yaml.YAMLError):
        return None


def existing(root: Path, kind: str) -> dict:
    """id -> raw data of the records already in a collection (unreadable files count, as empty)."""
    folder = root / COLLECTIONS[kind]
    records = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else ():
        data = read_yaml(path)
        records[path.stem] = data if isinstance(data, dict) else {}
    return records


def check_new_id(kind: str, record_id: str) -> None:
    if not record_id:
        raise ScaffoldError(f"give the new {kind}'s id, e.g. `make new-{kind} ID=generative-ai`")
    if not re.match(ID_PATTERN, record_id) or len(record_id) > 80:
        raise ScaffoldError(
            f"'{record_id}' cannot be an id: use lower-case ASCII letters, digits and single hyphens, e.g. 'generative-ai'"
        )


def first_review_date(root: Path, environ=None) -> dt.date:
    """The review date a new record starts with: the build date, which 'reviewed' may never pass.

    Only where no build date can be known (no SOURCE_DATE_EPOCH, no git) is it
    the calendar's today: the validator then has nothing to compare it with, and
    the editor writing the record is reviewing it today.
    """
    epoch = dates.build_epoch(root, os.environ if environ is None else environ)
    return dates.build_date(epoch) or dt.date.today()


def scaffold_files(root: Path, kind: str, record_id: str) -> dict:
    """The new files for one record, {repository-relative path: text}. Raises ScaffoldError."""
    if kind not in KINDS:
        raise ScaffoldError(f"cannot scaffold '{kind}'; choose one of {', '.join(KINDS)}{did_you_mean(kind, KINDS)}")
    if kind == "recap":
        return recap_files(root, record_id)
    check_new_id(kind, record_id)
    rel = f"{COLLECTIONS[kind]}/{record_id}.yml"
    values = {"id": record_id}
    if any(key.name == "reviewed" for key in shapes.KINDS[kind].keys):
        values["reviewed"] = (first_review_date(root), f"{PLACEHOLDER} the day you check this record against its sources")
    files = {}
    if kind == "module":
        orders = [m.get("order") for m in existing(root, "module").values()]
        values["order"] = max([o for o in orders if isinstance(o, int)] + [0]) + 1
        for lang in LANG_NAMES:
            files[layout.source(f"{LESSONS_DIR}/{record_id}.md", lang)] = render_lesson(lang)
    if kind == "term":
        topics = Counter(t.get("topic") for t in existing(root, "term").values() if isinstance(t.get("topic"), str))
        # An existing topic keeps the glossary's grouping valid; the editor picks the right one.
        in_use = sorted(topics) or ["technology"]
        values["topic"] = (in_use[0], f"{PLACEHOLDER} choose the topic; in use: {', '.join(in_use)}")
        values["autolink"] = True
        for lang in LANG_NAMES:  # may be null only in a candidate term; a new term is a draft
            values[f"{lang}.definition"] = placeholder("1-3 plain sentences", lang)
    files[rel] = render_record(kind, rel, values)
    return dict(sorted(files.items()))


def recap_files(root: Path, session_id: str) -> dict:
    if not session_id:
        raise ScaffoldError("give the session, e.g. `make new-recap SESSION=s01`")
    sessions = existing(root, "session")
    if session_id not in sessions:
        raise ScaffoldError(f"there is no session '{session_id}' in {COLLECTIONS['session']}/{did_you_mean(session_id, sessions)}")
    session = sessions[session_id]
    path = f"{COLLECTIONS['session']}/{session_id}.yml"
    if not isinstance(session.get("date"), dt.date):
        raise ScaffoldError(
            f"session '{session_id}' has no confirmed date, and a recap is written only for a session that took place. "
            f"What is needed: a public source (a press release or news article) that reports the session's date. "
            f"Then, in {path}, set 'date: YYYY-MM-DD' and 'status: held', add the source under 'sources' "
            f"('- title: ...' and 'url: ...'), and run `make new-recap SESSION={session_id}` again"
        )
    if session.get("status") != "held":
        raise ScaffoldError(
            f"session '{session_id}' has the status '{session.get('status')}' in {path}; a recap is written only for "
            "a session that took place: when a public source reports that it did, set 'status: held' and add the "
            "source under 'sources', then run this again"
        )
    files = {}
    for lang in LANG_NAMES:
        rel = layout.source(f"{RECAPS_DIR}/{session_id}.md", lang)
        files[rel] = render_recap({**session, "id": session_id}, lang, rel)
    return files


def write_new_files(root: Path, files: dict) -> list[str]:
    """Create `files`; refuse, writing nothing, if any of them exists already."""
    taken = [rel for rel in files if (root / rel).exists()]
    if taken:
        raise ScaffoldError(f"{taken[0]} already exists; edit it, or choose another id (nothing was written)")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite, even in a race
            out.write(text)
    return list(files)
