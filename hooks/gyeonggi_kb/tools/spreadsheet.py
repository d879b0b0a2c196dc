"""Read a spreadsheet saved as text (CSV or TSV) the way Excel and others save it.

Editors get term lists from many places. Excel alone saves "CSV UTF-8" (with
a byte order mark), plain "CSV" in the Windows code page (CP949 on a Korean
Windows), "Unicode text" (UTF-16, tab-separated), and with a semicolon where
the decimal mark is a comma. This module finds the encoding and the
separator, or refuses with a message that says how to save the file, and
numbers rows as the spreadsheet shows them (the header is row 1; a cell with a
line break does not shift the numbers).

Cells come back NFC-normalised and stripped of surrounding white space.
Nothing here knows about glossary terms.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from gyeonggi_kb.data.yamlsource import nfc
from gyeonggi_kb.problems import Problem

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
SAVE_AS = "in Excel, choose File > Save As > 'CSV UTF-8 (Comma delimited)' (CSV UTF-8(쉼표로 분리))"


@dataclass(frozen=True)
class Table:
    columns: tuple  # header cells, in file order
    rows: tuple  # (row number, {column: cell}) for every row with text; row 1 is the header
    encoding: str  # how the bytes were read, in words: 'UTF-8', 'UTF-8 with BOM', 'CP949', 'UTF-16'
    separator: str  # 'comma', 'semicolon' or 'tab'


def decode(data: bytes) -> tuple[str | None, str]:
    """(text, encoding name) or (None, why not)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as err:
            return None, f"it starts like UTF-16 but byte {err.start} is not ({err.reason})"
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError as err:
            return None, f"it starts like UTF-8 but byte {err.start} is not ({err.reason})"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp949"), "CP949"  # what Excel's plain "CSV" is on a Korean Windows
        except UnicodeDecodeError:
            return None, f"byte {utf8_error.start} is neither UTF-8 nor CP949"


def header_cells(text: str, separator: str) -> list[str]:
    return next(csv.reader(io.StringIO(text, newline=""), delimiter=separator), [])


def find_separator(text: str, expected: set) -> str | None:
    """The separator that splits the header into the most columns; on a tie, the one that finds known column names."""
    counts = {sep: header_cells(text, sep) for sep in SEPARATORS}
    best = max(len(cells) for cells in counts.values())
    if best < 2:
        return None
    tied = [sep for sep, cells in counts.items() if len(cells) == best]
    return max(tied, key=lambda sep: sum(nfc(c.strip()) in expected for c in counts[sep]))


def read_table(path: Path, rel: str, expected_columns=()) -> tuple[Table | None, list[Problem]]:
    """The table in `path`, or the problems that stop it being read (at `rel`:1)."""
    text, encoding = decode(path.read_bytes())
    if text is None:
        return None, [Problem(rel, 1, f"cannot read the file: {encoding}; {SAVE_AS}")]
    text = text.lstrip("\ufeff")
    if not text.strip():
        return None, [Problem(rel, 1, "the file is empty; it needs a header row and one row per term")]
    separator = find_separator(text, set(expected_columns))
    if separator is None:
        return None, [Problem(rel, 1, f"cannot find the columns: the header row has no comma, semicolon or tab between column names; {SAVE_AS}")]
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    columns = tuple(nfc(c.strip()) for c in records[0])
    problems = []
    seen = set()
    for column in columns:
        if not column:
            problems.append(Problem(rel, 1, "a column in the header row has no name; name it or delete the column"))
        elif column in seen:
            problems.append(Problem(rel, 1, f"the header row has the column '{column}' twice; keep one"))
        seen.add(column)
    rows = []
    for number, cells in enumerate(records[1:], start=2):
        cells = [nfc(c.strip()) for c in cells]
        if not any(cells):
            continue
        if len(cells) > len(columns) and any(cells[len(columns):]):
            problems.append(Problem(rel, number, f"the row has {len(cells)} cells but the header has {len(columns)} columns; "
                                    f"a cell with a {SEPARATORS[separator]} in it must be in double quotes"))
            continue
        rows.append((number, dict(zip(columns, cells + [""] * (len(columns) - len(cells))))))
    return Table(columns, tuple(rows), encoding, SEPARATORS[separator]), sorted(set(problems))
