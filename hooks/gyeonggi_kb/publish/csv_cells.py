"""Spreadsheet cells that cannot run as formulas, and the exact way back. No I/O.

Officials open glossary.csv in Excel. A cell starting with `=`, `+`, `-`, `@`,
a tab or a carriage return can be run as a formula there (CSV injection), so
the export prefixes such a cell with a single quote, as OWASP recommends:
Excel and LibreOffice then show it as text.

The quote must come off again on import, or a round trip would add one each
time. A value that really starts with a quote is ambiguous after that, so it
is prefixed too: on the way back exactly one leading quote is removed from
every cell that has one, and every value comes back as it was.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value: str) -> str:
    """The cell as written to a CSV file: a formula start or a leading quote gets one quote in front."""
    return QUOTE + value if value.startswith((*FORMULA_STARTS, QUOTE)) else value


def restore(cell: str) -> str:
    """The value `neutralise` was given: one leading quote removed, if there is one."""
    return cell[1:] if cell.startswith(QUOTE) else cell
