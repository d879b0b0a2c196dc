"""The glossary exports as other tools read them, and the spreadsheet import that reads them back."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO, copy_tree, run_python
from gyeonggi_kb import load_site
from gyeonggi_kb.glossary_export import CSV_COLUMNS, glossary_schema, render_csv, render_exports, render_json, render_tbx
from gyeonggi_kb.glossary_import import import_glossary

THIRD_PARTY = Path("/work/shared/testdata/third_party_glossary.tsv")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def real_terms():
    return load_site(REPO).terms


def glossary_files(root: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted((root / "glossary").glob("*.yml"))}


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


def test_csv_import_round_trips_the_real_glossary_without_loss(tmp_path, real_terms):
    table = tmp_path / "glossary.csv"
    table.write_text(render_csv(real_terms.values()), encoding="utf-8")
    root = copy_tree(tmp_path / "repo", {"glossary/generative-ai.yml": None})
    written, problems = import_glossary(table, root)
    assert problems == [] and len(written) == len(real_terms)
    imported = load_site(root)
    assert [str(p) for p in imported.problems if p.path.startswith("glossary/")] == []
    assert render_csv(imported.terms.values()) == render_csv(real_terms.values())
    assert import_glossary(table, root) == ([], [])  # a second import changes nothing


def test_import_rejects_bad_rows_with_their_row_numbers_and_writes_nothing(tmp_path, real_terms):
    rows = list(csv.DictReader(io.StringIO(render_csv(real_terms.values())[1:], newline="")))[:4]
    rows[1]["en_definition"] = ""
    rows[2]["id"] = rows[0]["id"]
    rows[3]["related"] = "no-such-term"
    rows[3]["autolink"] = "maybe"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    root = copy_tree(tmp_path / "repo")
    (root / "bad.csv").write_text(out.getvalue(), encoding="utf-8")
    before = glossary_files(root)
    written, problems = import_glossary(root / "bad.csv", root)
    assert written == [] and glossary_files(root) == before
    assert [str(p) for p in problems] == [
        f"bad.csv:3: row 3: 'en.definition' must not be empty; write the text after the colon",
        f"bad.csv:4: row 4: id '{rows[0]['id']}' is already used in row 2; each term needs one row",
        "bad.csv:5: row 5: 'autolink' must be true or false, got 'maybe'",
    ]


def test_import_reports_unknown_related_ids_and_label_clashes_across_rows(tmp_path, real_terms):
    rows = list(csv.DictReader(io.StringIO(render_csv([real_terms["large-language-model"]])[1:], newline="")))
    rows[0]["related"] = "generative-ai"  # the fixture tree's only other term
    twin = dict(rows[0], id="llm-twin", ko_term="언어모델 쌍둥이", en_term="LLM twin", ko_synonyms="", related="no-such-term")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows([rows[0], twin])
    root = copy_tree(tmp_path / "repo")
    (root / "two.csv").write_text(out.getvalue(), encoding="utf-8")
    written, problems = import_glossary(root / "two.csv", root)
    assert written == []
    assert [str(p) for p in problems] == [
        "two.csv:3: row 3: term 'llm-twin' has the abbreviation 'LLM', which is also the abbreviation 'LLM' of term "
        "'large-language-model' (two.csv:2); a label must name one term: remove it from one of them, or list it under "
        "'shared_labels' in every term but the one it should link to",
        "two.csv:3: row 3: term 'llm-twin' lists term 'no-such-term' under 'related', which does not exist; check the spelling, or add the term with `make new-term ID=no-such-term`",
    ]


def test_third_party_tsv_is_rejected_at_its_header_and_nothing_is_written(tmp_path):
    root = copy_tree(tmp_path / "repo")
    table = root / "third_party_glossary.tsv"
    shutil.copy(THIRD_PARTY, table)
    before = glossary_files(root)
    result = run_python("-m", "gyeonggi_kb", "import-glossary", str(table), "--root", str(root), cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "third_party_glossary.tsv:1: row 1: the header has missing column(s) id, topic, abbreviations, ko_term, "
        "ko_synonyms, ko_definition, en_term, en_synonyms, en_definition, related, sources, status, autolink "
        "and unknown column(s) en, ko, definition_ko; expected the tab-separated columns "
        + ", ".join(CSV_COLUMNS) + " (as in glossary.csv)"
    )
    assert result.stderr.endswith("nothing was written\n") and glossary_files(root) == before


def test_third_party_rows_mapped_to_our_columns_are_rejected_row_by_row(tmp_path):
    """Its `en`/`ko`/`definition_ko` mapped onto ours: no ids, topics or sources, a few duplicates."""
    with THIRD_PARTY.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source, delimiter="\t"))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, delimiter="\t")
    writer.writeheader()
    for row in rows:
        writer.writerow({"ko_term": row["ko"], "en_term": row["en"], "ko_definition": row["definition_ko"], "status": "draft", "autolink": "true"})
    root = copy_tree(tmp_path / "repo")
    (root / "mapped.tsv").write_text(out.getvalue(), encoding="utf-8")
    before = glossary_files(root)
    written, problems = import_glossary(root / "mapped.tsv", root)
    assert written == [] and glossary_files(root) == before
    rows_reported = {p.line for p in problems}
    assert rows_reported == set(range(2, len(rows) + 2))  # every data row, by its spreadsheet row number
    assert "mapped.tsv:2: row 2: 'id' must not be empty; write the text after the colon" in [str(p) for p in problems]
    assert "mapped.tsv:2: row 2: 'en.definition' must not be empty; write the text after the colon" in [str(p) for p in problems]
