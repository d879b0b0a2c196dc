"""Bring a spreadsheet of terms into glossary/: a trial run first, and never a lost edit.

An editors' tool (`make import-glossary FILE=...`); the build never imports it.

1. Read the file (spreadsheet: encoding and separator as Excel saves them)
   and match its columns with glossary.csv's (column_map: MAP=...).
2. Plan every row against the glossary as it is: a new term, identical to an
   existing term, a change to an existing term, or nothing to do (a match or a
   duplicate), with findings for a person to weigh: matches after
   normalisation, disagreements, in-file duplicates, near-duplicates and
   probable typos (term_matching).
3. Check the files the plan would write with the loader and checks of
   `make validate`, on a scratch tree beside the real one, and report each
   problem at its spreadsheet row, in spreadsheet words (columns, not keys).
4. Write only what the options allow, all or nothing: `write` creates new
   files; changing an existing file also needs `update`. A run that would
   change an existing term without `update` writes no file at all.

Identity: a row with an `id` cell is that term (the export's own format: a
round trip of glossary.csv). A row without one is matched by its English
term: an existing term with that name is never changed from such a row (the
differences are reported), and a new term gets an id made from its English
term, with a number added when the id is taken. A new term without both
definitions is a `candidate`, which the site does not publish.
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from gyeonggi_kb.checks.validate import check_all
from gyeonggi_kb.data import shapes
from gyeonggi_kb.data.load import DATA_FOLDERS, collection_files, load_all
from gyeonggi_kb.data.model import LANGS
from gyeonggi_kb.data.schema import Where
from gyeonggi_kb.data.yamlsource import load_yaml_file, read_text
from gyeonggi_kb.problems import Problem
from gyeonggi_kb.publish.csv_cells import restore
from gyeonggi_kb.publish.glossary_export import CSV_COLUMNS, LIST_COLUMNS, LIST_SEPARATOR, csv_cells

from .column_map import ColumnMap, map_columns, parse_map
from .spreadsheet import Table, read_table
from .term_matching import match_key, misspelt_words, near_duplicates, slug
from .term_yaml import SOURCE_KEYS, render_term_yaml, update_term_yaml

GLOSSARY_DIR = "glossary"
TERM_KEYS = tuple(k.name for k in shapes.TERM.keys)


@dataclass(frozen=True)
class ImportOptions:
    mapping: str = ""  # MAP: 'their=ours,...' or a mapping file
    topic: str = ""  # topic of new terms when the list has no topic column
    source: dict = field(default_factory=dict)  # one source for rows without their own: title, url, licence
    write: bool = False
    update: bool = False
    via_make: bool = False  # name the options as make variables (WRITE=1) rather than flags (--write)

    def name(self, option: str) -> str:
        """How the editor gives `option` ('write', 'topic'...) in the way they ran the import."""
        return MAKE_NAMES[option] if self.via_make else "--" + option.replace("_", "-") + ("" if option in ("write", "update") else " ...")


MAKE_NAMES = {"write": "WRITE=1", "update": "UPDATE=1", "map": 'MAP="..."', "topic": "TOPIC=...",
              "source_title": 'SOURCE_TITLE="..."', "source_url": "SOURCE_URL=...", "licence": "LICENCE=..."}


@dataclass
class RowPlan:
    row: int
    action: str  # new | identical | change | match | duplicate | synonym | conflict
    term_id: str = ""
    record: dict | None = None  # the record to write (new, change) or the one a synonym is added to
    fields: tuple = ()  # the glossary.csv columns a change touches, or that differ from a matched term
    matched_as: str = ""  # for a row matched by its English term: the existing name it matched
    note: str = ""  # the rest of the row's line


@dataclass(frozen=True, order=True)
class Finding:
    row: int
    kind: str  # disagreement | duplicate | typo | same-korean | several | id | match (import_report names them)
    message: str


@dataclass
class Plan:
    rel: str  # the file, as messages name it
    table: Table | None = None
    columns: ColumnMap | None = None
    rows: list = field(default_factory=list)  # RowPlan, in row order
    findings: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    files: dict = field(default_factory=dict)  # data path -> (text, 'created' | 'updated', row)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def changes(self) -> list:
        return [r for r in self.rows if r.action == "change"]


# -- the glossary as it is -------------------------------------------------------------------------

@dataclass
class Glossary:
    records: dict  # id -> canonical record (plain dicts), every readable term, candidates included
    paths: dict  # id -> data path
    unreadable: set  # ids (file names) of files with problems: never overwritten
    english: dict  # match_key of an English label or abbreviation -> [ids]
    korean: dict  # match_key of a Korean label -> [ids]
    words: frozenset  # English words the glossary already uses: not typos


def canonical(data: dict) -> dict:
    """A term record in the key order of shapes.TERM, with sources' keys in a fixed order: comparable."""
    record = {key: copy.deepcopy(data[key]) for key in TERM_KEYS if key in data}
    record["sources"] = [{k: s[k] for k in SOURCE_KEYS if k in s} for s in data.get("sources") or []]
    for lang in LANGS:
        record[lang] = {key: record[lang][key] for key in ("term", "synonyms", "definition")}
    if not record.get("shared_labels"):
        record.pop("shared_labels", None)
    return record


def read_glossary(root: Path) -> Glossary:
    glossary = Glossary({}, {}, set(), {}, {}, frozenset())
    words = set()
    for path in collection_files(root, GLOSSARY_DIR):
        data, problems = load_yaml_file(path, root)
        if data is not None and not problems:
            problems = list(shapes.TERM.check(data, "", Where("", 1)))
        if problems or data.get("id") != path.stem:
            glossary.unreadable.add(path.stem)
            continue
        record = canonical(data)
        glossary.records[path.stem] = record
        glossary.paths[path.stem] = path.relative_to(root).as_posix()
        for label in (record["en"]["term"], *record["en"]["synonyms"], *record["abbreviations"]):
            glossary.english.setdefault(match_key(label), []).append(path.stem)
        for label in (record["ko"]["term"], *record["ko"]["synonyms"]):
            glossary.korean.setdefault(match_key(label), []).append(path.stem)
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", " ".join(
            [record["en"]["term"], *record["en"]["synonyms"], record["en"]["definition"] or ""])))
    glossary.words = frozenset(words)
    return glossary


# -- rows as records ---------------------------------------------------------------------------------

def column_name(ours: str, columns: ColumnMap | None) -> str:
    """How the editor's spreadsheet names one of our columns: 'en' (en_term), or just 'en_term'."""
    theirs = columns.fields.get(ours, ours) if columns else ours
    return f"column '{theirs}'" + (f" ({ours})" if theirs != ours else "")


KEY_PATH = re.compile(r"'((?:ko|en)\.(?:term|synonyms|definition)|" + "|".join(TERM_KEYS) + r")(?:\[\d+\])?(?:\.\w+)?'")


def in_spreadsheet_words(message: str, columns: ColumnMap | None) -> str:
    """A checker's message with YAML key paths ('en.term', 'sources[1].url') named as the spreadsheet's columns."""
    message = KEY_PATH.sub(lambda m: column_name(m.group(1).replace(".", "_"), columns), message)
    return message.replace("write the text after the colon", "fill in the cell").replace("under 'en:'", "").replace("under 'ko:'", "")


def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(LIST_SEPARATOR.strip()) if item.strip()]


def cells_of(row: dict, columns: ColumnMap) -> dict:
    """Our column -> the row's cell, with the export's formula guard taken off (csv_cells.restore)."""
    return {ours: restore(row.get(theirs, "")) for ours, theirs in columns.fields.items()}


def fresh_record(term_id: str, options: ImportOptions) -> dict:
    return {
        "id": term_id, "topic": options.topic, "abbreviations": [],
        "ko": {"term": "", "synonyms": [], "definition": None}, "en": {"term": "", "synonyms": [], "definition": None},
        "related": [], "sources": [dict(options.source)] if options.source else [], "status": "", "autolink": False,
    }


def apply_cells(record: dict, cells: dict, at: Where, columns: ColumnMap) -> list[Problem]:
    """Write the row's cells over `record` (a fresh one, or an existing term's); problems in spreadsheet words."""
    problems = []
    for ours, cell in cells.items():
        if ours == "id":
            continue
        if ours in LIST_COLUMNS:
            value = split_list(cell)
            if ours == "shared_labels" and not value:
                record.pop("shared_labels", None)
                continue
        elif ours == "sources":
            if not cell:
                continue  # the file's source (if any) stays
            try:
                value = json.loads(cell)
            except json.JSONDecodeError as err:
                problems.append(at.problem(f"{column_name(ours, columns)} must be a JSON list such as "
                                           f'[{{"title": "...", "url": "https://..."}}] ({err.msg}), or empty to cite the source given for the whole file'))
                continue
        elif ours == "autolink":
            if not cell:
                continue
            value = {"true": True, "false": False}.get(cell.casefold(), cell)
        elif ours in ("status", "topic") and not cell:
            continue
        elif ours.endswith("_definition"):
            value = cell or None
        else:
            value = cell
        lang, _, key = ours.partition("_")
        if lang in LANGS and key in ("term", "synonyms", "definition"):
            record[lang][key] = value
        else:
            record[ours] = value
    return problems


def finish_record(record: dict) -> dict:
    """Status for a new term (draft with both definitions, else candidate); keys in the order of shapes.TERM."""
    if not record["status"]:
        both = all(record[lang]["definition"] for lang in LANGS)
        record["status"] = "draft" if both else shapes.CANDIDATE
    return canonical(record)


def differing_columns(a: dict, b: dict) -> tuple:
    cells_a, cells_b = csv_cells(a), csv_cells(b)
    return tuple(c for c in CSV_COLUMNS if cells_a[c] != cells_b[c])


# -- the plan ----------------------------------------------------------------------------------------

def plan_import(table_path: Path, root: Path, options: ImportOptions, rel: str) -> Plan:
    plan = Plan(rel)
    pairs, errors = parse_map(options.mapping, rel) if options.mapping else ({}, [])
    plan.problems += errors
    table, problems = read_table(table_path, rel, expected_columns=set(CSV_COLUMNS) | set(pairs))
    plan.problems += problems
    if table is None or errors:
        return plan
    plan.table = table
    plan.columns, problems = map_columns(table.columns, pairs, rel)
    plan.problems += problems
    if plan.columns is None:
        return plan
    glossary = read_glossary(root)
    plan_rows(plan, glossary, options)
    new = [r.record for r in plan.rows if r.action == "new"]
    # Said once for the file, not once per row: these come from options when the list has no such column.
    row_problems = len(plan.problems)
    if any(not record["topic"] for record in new):
        topics = sorted({r["topic"] for r in glossary.records.values()}) or ["technology"]
        plan.problems.append(Problem(rel, 1, f"the list has no topic column: give the topic of its new terms with {options.name('topic')}, "
                                     f"one of those in use: {', '.join(topics)}"))
    if any(not record["sources"] for record in new):
        plan.problems.append(Problem(rel, 1, f"the list has no sources for its new terms: say where it comes from with {options.name('source_title')} "
                                     f"(and {options.name('source_url')}, {options.name('licence')}), which every new term will cite"))
    add_findings(plan, glossary)
    if len(plan.problems) > row_problems:
        return plan
    files = files_to_write(plan, glossary, root)
    plan.problems += problems_after_import(root, files, plan)
    plan.files = files
    return plan


def plan_rows(plan: Plan, glossary: Glossary, options: ImportOptions) -> None:
    columns = plan.columns
    by_id: dict = {}  # id -> RowPlan that creates or changes it
    first_row_of_key: dict = {}  # English match key -> the first row plan with it
    for row_number, row in plan.table.rows:
        at = Where(plan.rel, row_number)
        cells = cells_of(row, columns)
        explicit_id = cells.get("id", "")
        problems = [at.problem(f"{column_name(lang + '_term', columns)} is empty; every term needs its {name} term")
                    for lang, name in (("en", "English"), ("ko", "Korean")) if not cells.get(f"{lang}_term") and not explicit_id]
        if problems:
            plan.problems += problems
            plan.rows.append(RowPlan(row_number, "conflict", note=problems[0].message))
            continue
        if explicit_id:
            row_plan = plan_row_with_id(explicit_id, cells, at, glossary, options, by_id, plan)
        else:
            row_plan = plan_row_by_name(cells, at, glossary, options, by_id, first_row_of_key, plan)
        plan.rows.append(row_plan)


def plan_row_with_id(term_id, cells, at, glossary, options, by_id, plan) -> RowPlan:
    if term_id in by_id:
        return conflict(plan, at, f"{column_name('id', plan.columns)} '{term_id}' is already used in row {by_id[term_id].row}; each term needs one row")
    if term_id in glossary.unreadable:
        return conflict(plan, at, f"glossary/{term_id}.yml has problems of its own; fix it first (run `make validate`)")
    base = glossary.records.get(term_id)
    record = copy.deepcopy(base) if base else fresh_record(term_id, options)
    problems = apply_cells(record, cells, at, plan.columns)
    if problems:
        plan.problems += problems
        return RowPlan(at.line, "conflict", term_id, note=problems[0].message)
    record = finish_record(record)
    if base is None:
        row_plan = RowPlan(at.line, "new", term_id, record)
    else:
        changed = differing_columns(base, record)
        row_plan = RowPlan(at.line, "change" if changed else "identical", term_id, record if changed else None, changed)
    by_id[term_id] = row_plan
    return row_plan


def plan_row_by_name(cells, at, glossary, options, by_id, first_row_of_key, plan) -> RowPlan:
    en, ko = cells["en_term"], cells["ko_term"]
    key = match_key(en)
    matched = sorted(set(glossary.english.get(key, ())))
    if matched:
        return match_existing(matched, cells, at, glossary, plan)
    target = first_row_of_key.get(key)  # an earlier row of this file that makes a new term with this English
    if target is not None:
        their_ko = target.record["ko"]["term"]
        if match_key(ko) in {match_key(k) for k in (their_ko, *target.record["ko"]["synonyms"])}:
            how = "" if (en, ko) == (target.record["en"]["term"], their_ko) else f"; written there as '{target.record['en']['term']}' {their_ko}"
            plan.findings.append(Finding(at.line, "duplicate", f"duplicate of row {target.row}{how}"))
            return RowPlan(at.line, "duplicate", target.term_id, note=f"row {target.row}")
        plan.findings.append(Finding(at.line, "disagreement", f"row {target.row} gives '{target.record['en']['term']}' the Korean "
                                     f"'{their_ko}', this row '{ko}': choose one before the term is published"))
        target.record["ko"]["synonyms"].append(ko)
        return RowPlan(at.line, "synonym", target.term_id, target.record, note=f"'{ko}' as a Korean synonym of row {target.row}")
    term_id = free_id(slug(en), glossary, by_id, at, plan)
    if not term_id:
        return conflict(plan, at, f"{column_name('en_term', plan.columns)} '{en}' has no letters or digits to make an id from; add an 'id' column")
    record = fresh_record(term_id, options)
    problems = apply_cells(record, cells, at, plan.columns)
    if problems:
        plan.problems += problems
        return RowPlan(at.line, "conflict", term_id, note=problems[0].message)
    row_plan = RowPlan(at.line, "new", term_id, finish_record(record))
    by_id[term_id] = row_plan
    first_row_of_key[key] = row_plan
    return row_plan


def match_existing(matched, cells, at, glossary, plan) -> RowPlan:
    """A row without an id whose English names an existing term: reported, never written."""
    term_id = matched[0]
    ours = glossary.records[term_id]
    differ = []
    if match_key(cells["ko_term"]) not in {match_key(k) for k in (ours["ko"]["term"], *ours["ko"]["synonyms"])}:
        differ.append("ko_term")
        plan.findings.append(Finding(at.line, "disagreement", f"the Korean here is '{cells['ko_term']}'; our term '{term_id}' says "
                                     f"'{ours['ko']['term']}'" + (f" (synonyms: {', '.join(ours['ko']['synonyms'])})" if ours["ko"]["synonyms"] else "")))
    for lang in LANGS:
        given = cells.get(f"{lang}_definition")
        if given and given != ours[lang]["definition"]:
            differ.append(f"{lang}_definition")
    if len(matched) > 1:
        plan.findings.append(Finding(at.line, "match", f"'{cells['en_term']}' also names " + ", ".join(f"'{t}'" for t in matched[1:])))
    names = [ours["en"]["term"], *ours["en"]["synonyms"], *ours["abbreviations"]]
    name = next(n for n in names if match_key(n) == match_key(cells["en_term"]))
    return RowPlan(at.line, "match" if differ else "identical", term_id, fields=tuple(differ), matched_as=name, note=cells["en_term"])


def free_id(wanted: str, glossary: Glossary, by_id: dict, at: Where, plan: Plan) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... when a term or an earlier row has it; a clash is reported."""
    if not wanted:
        return ""
    taken = set(glossary.records) | glossary.unreadable | set(by_id)
    term_id, n = wanted, 1
    while term_id in taken:
        n += 1
        term_id = f"{wanted}-{n}"
    if term_id != wanted:
        holder = f"row {by_id[wanted].row}" if wanted in by_id else f"glossary/{wanted}.yml"
        plan.findings.append(Finding(at.line, "id", f"the id '{wanted}' is taken by {holder}, so this term gets '{term_id}'"))
    return term_id


def conflict(plan: Plan, at: Where, message: str) -> RowPlan:
    plan.problems.append(at.problem(message))
    return RowPlan(at.line, "conflict", note=message)


def add_findings(plan: Plan, glossary: Glossary) -> None:
    """Near-duplicates, probable typos, Korean shared with another term, several terms in one cell."""
    new = [r for r in plan.rows if r.action == "new" and r.record]
    seen_en: dict = {}  # English key -> row, in row order
    seen_ko: dict = {}
    for r in new:
        en, ko = r.record["en"]["term"], r.record["ko"]["term"]
        key = match_key(en)
        close = near_duplicates(key, list(seen_en) + list(glossary.english))
        if close:
            other = close[0]
            where = f"row {seen_en[other].row} ('{seen_en[other].record['en']['term']}')" if other in seen_en else \
                f"the term '{glossary.english[other][0]}' ({glossary.paths[glossary.english[other][0]]})"
            plan.findings.append(Finding(r.row, "typo", f"'{en}' is nearly the same as {where}: a typo, or a different term?"))
        for word, suggestion in misspelt_words(en, glossary.words):
            plan.findings.append(Finding(r.row, "typo", f"'{word}' is not in the English dictionary; did you mean '{suggestion}'?"))
        ko_key = match_key(ko)
        if ko_key in seen_ko:
            other = seen_ko[ko_key]
            plan.findings.append(Finding(r.row, "same-korean", f"row {other.row} ('{other.record['en']['term']}') has the same Korean '{ko}': "
                                         "one term, or two that need different Korean terms?"))
        elif ko_key in glossary.korean:
            other_id = glossary.korean[ko_key][0]
            plan.findings.append(Finding(r.row, "same-korean", f"'{ko}' is already the Korean of the term '{other_id}' "
                                         f"('{glossary.records[other_id]['en']['term']}', {glossary.paths[other_id]}): one term, or two?"))
        for lang in LANGS:
            label = r.record[lang]["term"]
            if "," in label or "/" in label:
                plan.findings.append(Finding(r.row, "several", f"'{label}' looks like several terms in one cell: keep one as the term "
                                             f"and list the others under {lang}_synonyms or abbreviations"))
        seen_en.setdefault(key, r)
        seen_ko.setdefault(ko_key, r)
    plan.findings.sort()


# -- checks on what would be written -----------------------------------------------------------------

def files_to_write(plan: Plan, glossary: Glossary, root: Path) -> dict:
    """Data path -> (text, 'created' or 'updated', row): new files in full, changed ones edited where they differ."""
    files = {}
    for r in plan.rows:
        data_path = f"{GLOSSARY_DIR}/{r.term_id}.yml"
        if r.action == "new":
            files[data_path] = (render_term_yaml(r.record, data_path), "created", r.row)
        elif r.action == "change":
            text = update_term_yaml(read_text(root / data_path), glossary.records[r.term_id], r.record)
            files[data_path] = (text, "updated", r.row)
    return files


def scratch_tree(root: Path, scratch: Path, files: dict) -> Path:
    """`root` as it would be after the import, made of links to the real files and the new texts."""
    for folder in (*DATA_FOLDERS, "docs"):
        if folder != GLOSSARY_DIR and (root / folder).is_dir():
            (scratch / folder).symlink_to(root / folder, target_is_directory=True)
    glossary = scratch / GLOSSARY_DIR
    glossary.mkdir()
    for path in collection_files(root, GLOSSARY_DIR):
        if f"{GLOSSARY_DIR}/{path.name}" not in files:
            (glossary / path.name).symlink_to(path)
    for data_path, (text, _, _) in files.items():
        (scratch / data_path).write_text(text, encoding="utf-8")
    return scratch


def problems_after_import(root: Path, files: dict, plan: Plan) -> list[Problem]:
    """What `make validate` would newly report after the import, with problems in imported files at their rows."""
    if not files:
        return []
    before = set(check_all(load_all(root)))
    with tempfile.TemporaryDirectory(prefix="import-glossary-") as tmp:
        after = check_all(load_all(scratch_tree(root, Path(tmp), files)))
    row_of = {data_path: row for data_path, (_, _, row) in files.items()}
    found = []
    for problem in after:
        if problem.path in row_of:
            message = in_spreadsheet_words(problem.message, plan.columns)
            found.append(Problem(plan.rel, row_of[problem.path], f"{message} (in {problem.path}, as it would be written)"))
        elif problem not in before:
            found.append(problem)
    return found


# -- running it ---------------------------------------------------------------------------------------

@dataclass
class Outcome:
    plan: Plan
    written: list = field(default_factory=list)  # (data path, 'created' | 'updated')
    refused: str = ""  # why nothing was written, when the run asked to write or would change a term


def import_glossary(table_path: Path, root: Path, options: ImportOptions = ImportOptions()) -> Outcome:
    """Plan the import of `table_path` into root/glossary/ and write what `options` allow, all or nothing."""
    resolved = table_path.resolve()
    rel = resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else table_path.name
    plan = plan_import(table_path, root, options, rel)
    outcome = Outcome(plan)
    if plan.problems:
        outcome.refused = "problems"
        return outcome
    if plan.changes and not options.update:
        outcome.refused = "update"
        return outcome
    if not options.write:
        return outcome
    appeared = [data_path for data_path, (_, how, row) in plan.files.items() if how == "created" and (root / data_path).exists()]
    if appeared:  # created by someone else since the plan was made: never overwrite
        plan.problems += [Problem(rel, plan.files[p][2], f"{p} appeared while the import ran; run it again") for p in appeared]
        outcome.refused = "problems"
        return outcome
    for data_path, (text, how, _) in sorted(plan.files.items()):
        target = root / data_path
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(text.encode("utf-8"))
        tmp.replace(target)  # atomic: a watcher (make serve) never reads half a file
        outcome.written.append((data_path, how))
    return outcome
