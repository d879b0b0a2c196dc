"""Read a spreadsheet of terms (the columns of glossary.csv) back into glossary/<id>.yml.

Editors receive term lists as spreadsheets. The import is all or nothing: it
checks every row first (the same shape checks and cross-term checks as
`make validate`, with problems reported as `FILE:ROW: row N: ...`, where row 1
is the header, as a spreadsheet numbers rows) and writes nothing when any row
is bad, so a half-imported glossary never exists.

Decisions:
- The columns must be those of the export (`glossary_export.CSV_COLUMNS`;
  `shared_labels` may be left out), in any order. A file with other columns
  (such as a third-party list with `en`, `ko`, `definition_ko`) is rejected
  at row 1 with the missing and unknown columns named: the importer does not
  guess ids, topics or sources, which a glossary entry must have.
- `.tsv` and `.tab` files are read as tab-separated, anything else as
  comma-separated; both UTF-8, with or without a BOM (Excel writes one).
- A row for an id that already exists replaces that file; other files are
  left alone. `true`/`TRUE` and `false`/`FALSE` are accepted for `autolink`,
  because spreadsheets upper-case booleans.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path

import yaml

from . import shapes
from .editor_schemas import schema_line
from .glossary_export import CSV_COLUMNS, LIST_COLUMNS, LIST_SEPARATOR
from .load import Loaded, build_record, collection_files
from .model import LANGS, Origin
from .problems import Problem
from .schema import Where
from .validate import check_term_labels, check_terms
from .yamlsource import Mapping, load_yaml_file, nfc

OPTIONAL_COLUMNS = ("shared_labels",)
GLOSSARY_DIR = "glossary"


def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(LIST_SEPARATOR.strip()) if item.strip()]


def record_from_row(row: dict, at: Where) -> tuple[dict, list[Problem]]:
    """One CSV row -> the dict a glossary YAML file holds, plus problems with cells that are not data yet."""
    problems = []
    cell = {k: nfc((row.get(k) or "").strip()) for k in CSV_COLUMNS}
    lists = {k: split_list(cell[k]) for k in LIST_COLUMNS}
    try:
        sources = json.loads(cell["sources"]) if cell["sources"] else []
    except json.JSONDecodeError as err:
        problems.append(at.problem(f"'sources' must be a JSON array such as [{{\"title\": \"...\", \"url\": \"https://...\"}}] ({err.msg})"))
        sources = []
    autolink = {"true": True, "false": False}.get(cell["autolink"].casefold(), cell["autolink"])
    record = {
        "id": cell["id"],
        "topic": cell["topic"],
        "abbreviations": lists["abbreviations"],
        **{lang: {"term": cell[f"{lang}_term"], "synonyms": lists[f"{lang}_synonyms"], "definition": cell[f"{lang}_definition"]} for lang in LANGS},
        "related": lists["related"],
        "sources": sources,
        "status": cell["status"],
        "autolink": autolink,
    }
    if lists["shared_labels"]:
        record["shared_labels"] = lists["shared_labels"]
    return record, problems


def plain(value) -> str:
    """One YAML scalar or flow list on one line, quoted only where YAML needs it."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=float("inf"))
    return text.removesuffix("\n").removesuffix("\n...")


def text_block(value: str, indent: str) -> str:
    """Long single-spaced text as a folded block (`>-`), wrapped like the hand-written files; else one line."""
    if len(value) < 100 or value != " ".join(value.split()):
        return plain(value)
    width = 60 if any("\uac00" <= c <= "\ud7a3" for c in value) else 110  # Hangul is drawn twice as wide
    lines = textwrap.wrap(value, width=width, break_long_words=False, break_on_hyphens=False)
    return ">-\n" + "\n".join(indent + line for line in lines)


def render_term_yaml(record: dict, data_path: str) -> str:
    """A glossary file as editors write them: schema line, keys in the order of shapes.TERM, short lists inline."""
    lines = [schema_line("term", data_path)]
    for key, value in record.items():
        if key in LANGS:
            lines.append(f"{key}:")
            lines += [f"  term: {plain(value['term'])}", f"  synonyms: {plain(value['synonyms'])}"]
            lines.append(f"  definition: {text_block(value['definition'], '    ')}")
        elif key == "sources":
            lines.append("sources:" + ("" if value else " []"))
            for source in value:
                fields = [f"{k}: {plain(source[k])}" for k in ("title", "url", "law", "article") if k in source]
                lines += ["  - " + fields[0], *("    " + f for f in fields[1:])]
        else:
            lines.append(f"{key}: {plain(value)}")
    return "\n".join(lines) + "\n"


def read_rows(path: Path, rel: str) -> tuple[list[tuple[int, dict]], list[Problem]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return [], [Problem(rel, 1, f"file is not UTF-8 text ({err.reason} at byte {err.start}); save it as UTF-8 (CSV UTF-8 in Excel)")]
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if missing or unknown:
        what = []
        if missing:
            what.append("missing column(s) " + ", ".join(missing))
        if unknown:
            what.append("unknown column(s) " + ", ".join(unknown))
        expected = ("tab" if delimiter == "\t" else "comma") + "-separated columns " + ", ".join(CSV_COLUMNS)
        return [], [Problem(rel, 1, f"row 1: the header has {' and '.join(what)}; expected the {expected} (as in glossary.csv)")]
    reader.fieldnames = header
    rows = []
    for index, row in enumerate(reader, start=2):
        if None in row:
            rows.append((index, {"__extra__": row[None]}))
            continue
        if any((v or "").strip() for v in row.values()):
            rows.append((index, row))
    return rows, []


def existing_terms(root: Path) -> dict:
    """Terms already in glossary/, as plain dicts, so cross-checks see the whole glossary after the import."""
    found = {}
    for path in collection_files(root, GLOSSARY_DIR):
        data, problems = load_yaml_file(path, root)
        if isinstance(data, Mapping) and isinstance(data.get("id"), str) and not problems:
            found[data["id"]] = (data, path.relative_to(root).as_posix())
    return found


def check_rows(path: Path, root: Path, rel: str) -> tuple[dict, list[Problem]]:
    """Every problem in the file, by row; and the records to write when there is none."""
    rows, problems = read_rows(path, rel)
    records: dict = {}
    row_of: dict = {}
    for row_number, row in rows:
        at = Where(rel, row_number)
        if "__extra__" in row:
            problems.append(at.problem(f"row {row_number}: has more cells than the header has columns; check for an unquoted comma"))
            continue
        record, row_problems = record_from_row(row, at)
        row_problems += list(shapes.TERM.check(record, "", at))
        problems += [Problem(p.path, row_number, f"row {row_number}: {p.message}") for p in row_problems]
        record_id = record["id"]
        if record_id in row_of:
            problems.append(at.problem(f"row {row_number}: id '{record_id}' is already used in row {row_of[record_id]}; each term needs one row"))
            continue
        row_of[record_id] = row_number
        if not row_problems:
            records[record_id] = record
    if problems:
        return {}, sorted(set(problems))
    # Cross-term rules (related ids exist, one label per term) over the glossary as it would be after the import.
    loaded = Loaded()
    for term_id, (data, data_path) in existing_terms(root).items():
        if term_id not in records:
            loaded.terms[term_id] = build_record("term", data, Origin(data_path, data.line or 1, tuple(sorted(data.key_lines.items()))))
    for term_id, record in records.items():
        loaded.terms[term_id] = build_record("term", record, Origin(rel, row_of[term_id]))
    loaded.known_ids["term"] = set(loaded.terms)
    for problem in [*check_terms(loaded), *check_term_labels(loaded)]:
        if problem.path == rel:
            problem = Problem(rel, problem.line, f"row {problem.line}: {problem.message}")
        problems.append(problem)
    return (records if not problems else {}), sorted(set(problems))


def import_glossary(table: Path, root: Path) -> tuple[list[str], list[Problem]]:
    """Import `table` into root/glossary/. Returns (files written, problems); writes nothing if there are problems."""
    rel = table.name if not table.resolve().is_relative_to(root) else table.resolve().relative_to(root).as_posix()
    records, problems = check_rows(table, root, rel)
    if problems:
        return [], problems
    written = []
    for term_id, record in sorted(records.items()):
        data_path = f"{GLOSSARY_DIR}/{term_id}.yml"
        text = render_term_yaml(record, data_path)
        target = root / data_path
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(data_path)
    return written, []
