"""JSON Schemas for editors' YAML extensions, generated from shapes.py.

Editors open a data file in VS Code (or any editor using yaml-language-server)
and its first line, `# yaml-language-server: $schema=../schemas/<name>.schema.json`,
makes the editor check the file while they type. The schema files are
committed, because the editor reads them from the checkout, and generated, so
they say exactly what `make validate` says: `make schemas` rewrites them and
`stale_schemas` tells the tests when someone changed shapes.py without it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from gyeonggi_kb.data import shapes
from gyeonggi_kb.data.load import COLLECTIONS, PROGRAMME_FILE
from gyeonggi_kb.data.schema import json_schema_document
from gyeonggi_kb.write import write_if_changed

SCHEMAS_DIR = "schemas"
# File names are part of the data files' first lines; renaming one means editing every data file.
SCHEMA_NAMES = {
    "programme": "programme",
    "session": "session",
    "module": "module",
    "term": "glossary-term",
    "reference": "reference",
    "recap": "recap",
}
TITLES = {
    "programme": "Programme (curriculum/programme.yml)",
    "session": "Session (curriculum/sessions/<id>.yml)",
    "module": "Module (curriculum/modules/<id>.yml)",
    "term": "Glossary term (glossary/<id>.yml)",
    "reference": "Policy reference (references/<id>.yml)",
    "recap": "Session recap front matter (curriculum/recaps/<session>.ko.md / .en.md)",
}
GENERATED_NOTE = "Generated from hooks/gyeonggi_kb/data/shapes.py by `make schemas`; do not edit by hand."
# Where each kind lives, as a glob relative to the repository root (also used by .vscode/settings.json).
DATA_GLOBS = {
    "programme": PROGRAMME_FILE,
    **{kind: f"{folder}/*.yml" for kind, folder in COLLECTIONS.items()},
}


def schema_path(kind: str) -> str:
    return f"{SCHEMAS_DIR}/{SCHEMA_NAMES[kind]}.schema.json"


def render_schema(kind: str) -> str:
    document = json_schema_document(shapes.KINDS[kind], TITLES[kind], f"{SCHEMA_NAMES[kind]}.schema.json", GENERATED_NOTE)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_schemas() -> dict:
    """Repository-relative path -> JSON text, for every kind of record."""
    return {schema_path(kind): render_schema(kind) for kind in sorted(SCHEMA_NAMES)}


def write_schemas(root: Path) -> list[str]:
    """Write the schema files that differ from shapes.py; return the paths written."""
    return [rel for rel, text in render_schemas().items() if write_if_changed(root / rel, text)]


def stale_schemas(root: Path) -> list[str]:
    """Schema files that are missing or differ from what shapes.py generates."""
    stale = []
    for rel, text in render_schemas().items():
        path = root / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(rel)
    return stale


def schema_line(kind: str, data_path: str) -> str:
    """The first line a data file needs so that editors validate it against its schema."""
    relative = os.path.relpath(schema_path(kind), os.path.dirname(data_path) or ".")
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}"


def data_files(root: Path) -> list[tuple[str, str]]:
    """(kind, repository-relative path) of every YAML data file."""
    found = []
    for kind, pattern in DATA_GLOBS.items():
        found += [(kind, p.relative_to(root).as_posix()) for p in sorted(root.glob(pattern)) if p.is_file()]
    return found


def missing_schema_lines(root: Path) -> list[str]:
    """`path:1: ...` for every data file whose first line does not point at its schema."""
    missing = []
    for kind, rel in data_files(root):
        first = (root / rel).read_text(encoding="utf-8-sig").split("\n", 1)[0].rstrip("\r")
        expected = schema_line(kind, rel)
        if first != expected:
            missing.append(f"{rel}:1: the first line must be '{expected}' so that editors check the file while typing; add it above the first key")
    return missing
