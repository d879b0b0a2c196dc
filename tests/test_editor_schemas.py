"""The JSON Schemas editors' YAML extensions use say what the validator says.

They are generated from shapes.py and committed; these tests fail when the
committed files drift from the data model, when a data file does not point at
its schema, or when a real file does not pass its schema.
"""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml

from conftest import MINIMAL, REPO, run_python
from gyeonggi_kb.tools.editor_schemas import (
    DATA_GLOBS, SCHEMA_NAMES, data_files, missing_schema_lines, render_schemas, schema_path, stale_schemas,
)


def as_editor_types(value):
    """What an editor's YAML 1.2 parser sees: PyYAML's date objects are plain strings there."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_editor_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_types(v) for v in value]
    return value


def validator(kind: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads((REPO / schema_path(kind)).read_text(encoding="utf-8")))


def schema_errors(kind: str, text: str) -> list[str]:
    data = as_editor_types(yaml.safe_load(text))
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(data))


def test_committed_schemas_match_the_data_model():
    assert stale_schemas(REPO) == [], "run `make schemas` and commit schemas/"


def test_there_is_one_valid_draft7_schema_per_kind():
    assert sorted(render_schemas()) == sorted(schema_path(k) for k in SCHEMA_NAMES)
    for kind in SCHEMA_NAMES:
        jsonschema.Draft7Validator.check_schema(json.loads((REPO / schema_path(kind)).read_text(encoding="utf-8")))


@pytest.mark.parametrize("root", [REPO, MINIMAL], ids=["repository", "minimal-fixture"])
def test_every_data_file_passes_its_schema(root):
    files = data_files(root)
    assert {kind for kind, _ in files} == set(DATA_GLOBS)
    failures = {rel: schema_errors(kind, (root / rel).read_text(encoding="utf-8")) for kind, rel in files}
    assert {rel: errors for rel, errors in failures.items() if errors} == {}


def test_every_data_file_names_its_schema_on_the_first_line():
    assert missing_schema_lines(REPO) == []


def test_a_file_without_the_schema_line_is_reported(tmp_path):
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary/ai.yml").write_text("id: ai\n", encoding="utf-8")
    assert missing_schema_lines(tmp_path) == [
        "glossary/ai.yml:1: the first line must be '# yaml-language-server: $schema=../schemas/glossary-term.schema.json' "
        "so that editors check the file while typing; add it above the first key",
    ]


def fixture_text(rel: str, old: str, new: str) -> str:
    text = (MINIMAL / rel).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


TERM = "glossary/generative-ai.yml"
MODULE = "curriculum/modules/ai-basics.yml"
SESSION = "curriculum/sessions/s01.yml"
REFERENCE = "references/test-act.yml"


@pytest.mark.parametrize("kind, rel, old, new, expected", [
    ("term", TERM, "  definition: AI that", "  defintion: AI that", [
        "en: 'definition' is a required property",
        "en: Additional properties are not allowed ('defintion' was unexpected)",
    ]),
    ("term", TERM, "status: draft", "status: finished", ["status: 'finished' is not one of ['draft', 'reviewed', 'candidate']"]),
    ("term", TERM, "autolink: true", "autolink: sometimes", ["autolink: 'sometimes' is not of type 'boolean'"]),
    ("module", MODULE, "id: ai-basics", "id: AI_Basics", ["id: 'AI_Basics' does not match '^[a-z0-9]+(?:-[a-z0-9]+)*$'"]),
    ("module", MODULE, "order: 1", "order: first", ["order: 'first' is not of type 'integer'"]),
    ("session", SESSION, "date: 2025-11-05", "date: 5 November 2025", [
        "date: '5 November 2025' is not valid under any of the given schemas",
    ]),
    ("session", SESSION, "  venue: 세미나실\n", "", ["ko: 'venue' is a required property"]),
    ("reference", REFERENCE, "  en: null", "  en: www.example.org", [
        "urls/en: 'www.example.org' is not valid under any of the given schemas",
    ]),
    ("reference", REFERENCE, "  title: 시험법", "  title: '   '", ["ko/title: '   ' does not match '\\\\S'"]),
])
def test_a_bad_file_is_rejected_by_its_schema(kind, rel, old, new, expected):
    assert schema_errors(kind, fixture_text(rel, old, new)) == sorted(expected)


def test_vscode_maps_each_schema_to_its_files_and_recommends_the_yaml_extension():
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {f"./{schema_path(kind)}": [glob] for kind, glob in DATA_GLOBS.items()}
    extensions = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_schemas_check_names_the_stale_file_and_the_command(tmp_path):
    (tmp_path / "schemas").mkdir()
    for rel, text in render_schemas().items():
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "schemas/glossary-term.schema.json").write_text("{}\n", encoding="utf-8")
    result = run_python("-m", "gyeonggi_kb", "schemas", "--check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "schemas/glossary-term.schema.json:0: out of date with hooks/gyeonggi_kb/data/shapes.py; run `make schemas` and commit the result\n"
    )
