"""The glossary exports as other tools read them (the import that reads glossary.csv back: test_glossary_import.py)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from conftest import REPO, copy_tree
from gyeonggi_kb import load_site
from gyeonggi_kb.publish.csv_cells import neutralise, restore
from gyeonggi_kb.publish.glossary_export import CSV_COLUMNS, glossary_schema, render_csv, render_exports, render_json, render_tbx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def real_terms():
    return load_site(REPO).terms


def test_json_export_validates_against_its_published_schema(real_terms):
    data = json.loads(render_json(real_terms.values()))
    jsonschema.Draft202012Validator.check_schema(glossary_schema())
    jsonschema.validate(data, glossary_schema())
    assert [t["id"] for t in data["terms"]] == sorted(real_terms)
    assert len(data["terms"]) >= 120 and all(t["ko"]["definition"] and t["en"]["definition"] for t in data["terms"])


def test_csv_export_has_a_bom_and_one_row_per_term(real_terms):
    text = render_csv(real_terms.values())
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert tuple(rows[0].keys()) == CSV_COLUMNS and len(rows) == len(real_terms)
    llm = next(r for r in rows if r["id"] == "large-language-model")
    assert llm["abbreviations"] == "LLM" and llm["autolink"] in ("true", "false")


def test_tbx_export_is_tbx_basic_xml(real_terms):
    root = ET.fromstring(render_tbx(real_terms.values()).encode("utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.find("martifHeader/fileDesc/titleStmt/title").text
    entries = root.findall("text/body/termEntry")
    assert len(entries) == len(real_terms)
    entry = next(e for e in entries if e.get("id") == "large-language-model")
    lang_sets = {ls.get(XML_LANG): ls for ls in entry.findall("langSet")}
    assert set(lang_sets) == {"ko", "en"}
    assert lang_sets["en"].find("descrip[@type='definition']").text.startswith("A large AI model")
    terms = {tig.find("term").text: tig.find("termNote[@type='termType']").text for tig in lang_sets["en"].findall("tig")}
    assert terms["large language model"] == "fullForm" and terms["LLM"] == "acronym"


def test_exports_are_the_same_bytes_every_time(real_terms):
    assert render_exports(real_terms.values()) == render_exports(reversed(list(real_terms.values())))


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+82 31 120", "'+82 31 120"),
    ("-1 is a number", "'-1 is a number"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tindented", "'\tindented"),
    ("\rreturn", "'\rreturn"),
    ("'quoted' at the start", "''quoted' at the start"),
    ("plain text - with = signs", "plain text - with = signs"),
])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised_and_restored(value, cell):
    assert neutralise(value) == cell and restore(cell) == value


def test_every_glossary_csv_cell_is_neutralised(tmp_path):
    terms = load_site(copy_tree(tmp_path, {"glossary/generative-ai.yml": FORMULA_TERM})).terms
    row = next(csv.DictReader(io.StringIO(render_csv(terms.values())[1:], newline="")))
    assert row["ko_definition"] == "'=1+1 은 수식이 아닙니다." and row["en_definition"] == "'-1 and +1 are numbers."
    assert row["en_synonyms"] == "GenAI tools" and row["id"] == "generative-ai"


FORMULA_TERM = """\
id: generative-ai
topic: technology
abbreviations: []
ko:
  term: 생성형 인공지능
  synonyms: []
  definition: "=1+1 은 수식이 아닙니다."
en:
  term: generative AI
  synonyms: [GenAI tools]
  definition: "-1 and +1 are numbers."
related: []
sources:
  - title: Example law, Article 2
    url: https://example.org/law
status: draft
autolink: true
"""
