"""Which column of someone else's spreadsheet holds which field of glossary.csv.

A list from elsewhere names its columns its own way (`en`, `ko`, `영어`,
`definition_ko`...). The editor says which is which once, on the command
line (`MAP="en=en_term,ko=ko_term"`) or in a small text file with one
`their column = our column` per line, and the import reads the list as if it
had glossary.csv's columns. Columns named like glossary.csv's need no
mapping; columns neither named nor mapped are left out, and the import says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gyeonggi_kb.problems import Problem, did_you_mean
from gyeonggi_kb.publish.glossary_export import CSV_COLUMNS

REQUIRED = ("en_term", "ko_term")
# Only for suggesting a MAP when a list's columns are not ours: never applied without the editor's word.
USUAL_NAMES = {
    "en_term": ("en", "english", "term_en", "en term", "영어", "영문", "영문명"),
    "ko_term": ("ko", "korean", "term_ko", "ko term", "한국어", "한글", "국문", "한글명"),
    "ko_definition": ("definition_ko", "ko_def", "정의", "설명", "뜻"),
    "en_definition": ("definition_en", "en_def", "definition", "description"),
    "abbreviations": ("abbreviation", "abbr", "약어", "준말"),
}
EXAMPLE = 'MAP="en=en_term,ko=ko_term,definition_ko=ko_definition"'


@dataclass(frozen=True)
class ColumnMap:
    fields: dict  # our column -> their column
    left_out: tuple  # their columns that are not imported


def parse_map(spec: str, rel: str) -> tuple[dict, list[Problem]]:
    """`a=b,c=d`, or the name of a file with one `a = b` per line (`#` starts a comment): {their: ours}, problems.

    A problem in a mapping file is at its line; one in MAP is at `rel`:1, naming the item.
    """
    path = Path(spec)
    if spec and path.is_file():
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        where = [(spec, n, "") for n in range(1, len(lines) + 1)]
    else:
        lines = spec.split(",")
        where = [(rel, 1, f"MAP item {n}: ") for n in range(1, len(lines) + 1)]
    pairs, problems = {}, []
    for (file, line_number, item), line in zip(where, lines):
        line = line.split("#", 1)[0].strip() if path.is_file() else line.strip()
        if not line:
            continue
        theirs, sep, ours = (part.strip() for part in line.partition("="))
        if not sep or not theirs or not ours:
            problems.append(Problem(file, line_number, f"{item}'{line}' must be written 'their column=our column', e.g. 'en=en_term'"))
        elif ours not in CSV_COLUMNS:
            problems.append(Problem(file, line_number, f"{item}'{ours}' is not a column of glossary.csv{did_you_mean(ours, CSV_COLUMNS)}; "
                                    f"use one of {', '.join(CSV_COLUMNS)}"))
        else:
            pairs[theirs] = ours
    return pairs, problems


def suggest_map(columns) -> str:
    """A MAP for `columns` from their usual names, for the message that asks for one."""
    pairs = []
    for column in columns:
        for ours, names in USUAL_NAMES.items():
            if column.casefold() in names and ours not in [p[1] for p in pairs]:
                pairs.append((column, ours))
    return f'MAP="{",".join(f"{a}={b}" for a, b in pairs)}"' if len(pairs) >= 2 else EXAMPLE


def map_columns(columns: tuple, pairs: dict, rel: str) -> tuple[ColumnMap | None, list[Problem]]:
    """Match the header `columns` with glossary.csv's, using `pairs` ({their: ours}); problems at `rel`:1."""
    problems = []
    fields: dict = {}
    for theirs, ours in pairs.items():
        if theirs not in columns:
            problems.append(Problem(rel, 1, f"MAP names the column '{theirs}', which the header row does not have"
                                    f"{did_you_mean(theirs, columns)}; the columns are: {', '.join(columns)}"))
        elif ours in fields:
            problems.append(Problem(rel, 1, f"MAP gives '{ours}' twice, from '{fields[ours]}' and '{theirs}'; keep one"))
        else:
            fields[ours] = theirs
    for column in columns:
        if column in CSV_COLUMNS and column not in fields and column not in pairs:
            fields[column] = column
    missing = [ours for ours in REQUIRED if ours not in fields]
    if missing and not problems:
        what = " and ".join(f"'{m}'" for m in missing)
        problems.append(Problem(rel, 1, f"no column gives {what} (every term needs its English and Korean term); "
                                f"the columns are: {', '.join(columns)}; say which is which with {suggest_map(columns)}"))
    if problems:
        return None, problems
    left_out = tuple(c for c in columns if c not in fields.values())
    return ColumnMap(fields, left_out), []
