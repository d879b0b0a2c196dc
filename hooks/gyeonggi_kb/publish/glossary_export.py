"""The glossary as files other tools read: JSON (with its JSON Schema), CSV and TBX. No I/O.

- glossary.json: every term in the same shape as its YAML file, so one
  declaration (shapes.TERM) is the schema of both; published as
  schemas/glossary.schema.json.
- glossary.csv: one row per term, UTF-8 with a BOM so Excel opens Korean
  correctly. List cells hold items separated by '; ' (labels may not contain
  ';', see shapes.LABEL_PATTERN); `sources` holds a JSON array, because a
  source has up to four fields. `import-glossary` reads the same columns back.
- glossary.tbx: TBX-Basic (ISO 30042 `martif` structure): one termEntry per
  term, a langSet per language with its definition and one tig per term,
  synonym and abbreviation; termType says which (fullForm, variant, acronym,
  abbreviation), administrativeStatus marks the preferred term.

CSV cells that Excel could run as a formula are neutralised
(csv_cells); the import undoes exactly that.

Output is sorted by id and carries no date, so two builds give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from gyeonggi_kb.data import shapes
from gyeonggi_kb.data.model import LANGS, Term

from .csv_cells import neutralise

CSV_COLUMNS = (
    "id", "topic", "abbreviations",
    "ko_term", "ko_synonyms", "ko_definition",
    "en_term", "en_synonyms", "en_definition",
    "related", "sources", "status", "autolink", "shared_labels",
)
LIST_COLUMNS = ("abbreviations", "ko_synonyms", "en_synonyms", "related", "shared_labels")
LIST_SEPARATOR = "; "
EXPORT_FILES = ("glossary.json", "glossary.csv", "glossary.tbx", "schemas/glossary.schema.json")
NAME = {"ko": "경기도 간부공직자 AI 행정전문가 교육 용어집", "en": "Glossary of Gyeonggi's AI training for senior officials"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def term_record(t: Term) -> dict:
    """A term as plain data, in the key order and shape of its YAML file (shapes.TERM)."""
    record = {
        "id": t.id,
        "topic": t.topic,
        "abbreviations": list(t.abbreviations),
        **{lang: {"term": t.term[lang], "synonyms": list(t.synonyms[lang]), "definition": t.definition[lang]} for lang in LANGS},
        "related": list(t.related),
        "sources": [{k: v for k, v in (("title", s.title), ("url", s.url), ("law", s.law), ("article", s.article), ("licence", s.licence)) if v is not None} for s in t.sources],
        "status": t.status,
        "autolink": t.autolink,
    }
    if t.shared_labels:
        record["shared_labels"] = list(t.shared_labels)
    return record


def ordered(terms) -> list[Term]:
    return sorted(terms, key=lambda t: t.id)


def glossary_schema() -> dict:
    document = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "terms"],
        "properties": {
            "name": {"type": "object", "properties": {lang: {"type": "string"} for lang in LANGS}, "required": list(LANGS)},
            "terms": {"type": "array", "items": shapes.TERM.json_schema()},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "glossary.schema.json",
        "title": "Glossary export (glossary.json)",
        "description": "Every glossary term, each in the shape of its YAML file glossary/<id>.yml.",
        **document,
    }


def render_json(terms) -> str:
    data = {"name": NAME, "terms": [term_record(t) for t in ordered(terms)]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def csv_row(t: Term) -> dict:
    """A term as the cells of one glossary.csv row, each safe to open in a spreadsheet."""
    return {column: neutralise(cell) for column, cell in csv_cells(term_record(t)).items()}


def csv_cells(r: dict) -> dict:
    """A term record (the shape of its YAML file) as the text of each glossary.csv column."""
    return {
        "id": r["id"], "topic": r["topic"], "abbreviations": LIST_SEPARATOR.join(r["abbreviations"]),
        **{f"{lang}_{key}": (LIST_SEPARATOR.join(r[lang][key]) if key == "synonyms" else r[lang][key] or "") for lang in LANGS for key in ("term", "synonyms", "definition")},
        "related": LIST_SEPARATOR.join(r["related"]),
        "sources": json.dumps(r["sources"], ensure_ascii=False),
        "status": r["status"], "autolink": "true" if r["autolink"] else "false",
        "shared_labels": LIST_SEPARATOR.join(r.get("shared_labels", [])),
    }


def render_csv(terms) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")  # RFC 4180, as Excel writes it
    writer.writeheader()
    for t in ordered(terms):
        writer.writerow(csv_row(t))
    return "\ufeff" + out.getvalue()


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {XML_LANG if k == "xml_lang" else k: v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def abbreviation_type(abbreviation: str) -> str:
    return "acronym" if abbreviation.replace(" ", "").isupper() else "abbreviation"


def render_tbx(terms) -> str:
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "ko"})
    header = sub(martif, "martifHeader")
    file_desc = sub(header, "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", f"{NAME['ko']} / {NAME['en']}")
    sub(sub(file_desc, "sourceDesc"), "p", "Generated from glossary/*.yml; edit the YAML, not this file.")
    sub(sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = sub(sub(martif, "text"), "body")
    for t in ordered(terms):
        entry = sub(body, "termEntry", id=t.id)
        sub(entry, "descrip", t.topic, type="subjectField")
        for related in t.related:
            sub(entry, "ref", related, type="crossReference", target=related)
        for s in t.sources:
            if s.url:
                sub(entry, "xref", s.title, type="externalCrossReference", target=s.url)
            else:
                sub(entry, "note", s.title)
        for lang in LANGS:
            lang_set = sub(entry, "langSet", xml_lang=lang)
            sub(lang_set, "descrip", t.definition[lang], type="definition")
            names = [(t.term[lang], "fullForm", "preferredTerm-admn-sts")]
            names += [(s, "variant", "admittedTerm-admn-sts") for s in t.synonyms[lang]]
            names += [(a, abbreviation_type(a), "admittedTerm-admn-sts") for a in t.abbreviations]
            for name, term_type, status in names:
                tig = sub(lang_set, "tig")
                sub(tig, "term", name)
                sub(tig, "termNote", term_type, type="termType")
                sub(tig, "termNote", status, type="administrativeStatus")
    ET.indent(martif)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(martif, encoding="unicode") + "\n"


def render_exports(terms) -> dict:
    """Site-relative path -> text of every export."""
    terms = list(terms)
    return {
        "glossary.json": render_json(terms),
        "glossary.csv": render_csv(terms),
        "glossary.tbx": render_tbx(terms),
        "schemas/glossary.schema.json": json.dumps(glossary_schema(), ensure_ascii=False, indent=2) + "\n",
    }
