"""Scaffolding writes records that validate and build, and refuses what it must not do."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import FIXTURE_EPOCH, REPO, build_site, copy_tree, fixture_site, run_python
from gyeonggi_kb import load_site
from gyeonggi_kb.editor_schemas import schema_path
from gyeonggi_kb.load import FRONT_MATTER
from gyeonggi_kb.scaffold import PLACEHOLDER, ScaffoldError, scaffold_files, write_new_files
from gyeonggi_kb.translation import translation_gaps
from gyeonggi_kb.validate import LESSON_SECTIONS
from test_editor_schemas import as_editor_types

NEW = {
    "module": ("ai-ethics", ["curriculum/lessons/ai-ethics.en.md", "curriculum/lessons/ai-ethics.ko.md", "curriculum/modules/ai-ethics.yml"]),
    "term": ("large-language-model", ["glossary/large-language-model.yml"]),
    "reference": ("eu-ai-act", ["references/eu-ai-act.yml"]),
    "recap": ("s01", ["curriculum/recaps/s01.ko.md", "curriculum/recaps/s01.en.md"]),
}


def scaffold(root, kind):
    record_id, _ = NEW[kind]
    # As `make new-…` runs it: with the build date the Makefile exports.
    result = run_python("-m", "gyeonggi_kb", "new", kind, record_id, cwd=root, env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize("kind", NEW)
def test_each_scaffold_creates_its_files_and_validates(tmp_path, kind):
    root = copy_tree(tmp_path)
    result = scaffold(root, kind)
    for rel in NEW[kind][1]:
        assert (root / rel).is_file()
        assert f"  {rel}" in result.stdout
        assert PLACEHOLDER in (root / rel).read_text(encoding="utf-8")
    assert [str(p) for p in load_site(root).problems] == []


@pytest.mark.parametrize("kind", NEW)
def test_each_scaffold_passes_the_editor_schema(tmp_path, kind):
    files = scaffold_files(copy_tree(tmp_path), kind, NEW[kind][0])
    schema_kind = "recap" if kind == "recap" else kind
    validator = jsonschema.Draft7Validator(json.loads((REPO / schema_path(schema_kind)).read_text(encoding="utf-8")))
    for rel, text in files.items():
        if rel.endswith(".yml"):
            data = yaml.safe_load(text)
        elif kind == "recap":
            data = yaml.safe_load(FRONT_MATTER.match(text).group(1))
        else:
            continue
        assert [e.message for e in validator.iter_errors(as_editor_types(data))] == []


def test_a_new_lesson_has_every_required_section_in_both_languages(tmp_path):
    files = scaffold_files(copy_tree(tmp_path), "module", "ai-ethics")
    for lang in ("ko", "en"):
        text = files[f"curriculum/lessons/ai-ethics.{lang}.md"]
        assert [line.rsplit("{#", 1)[1].rstrip("}") for line in text.splitlines() if line.startswith("## ")] == list(LESSON_SECTIONS)


@pytest.mark.build
def test_every_scaffold_builds_with_mkdocs(tmp_path):
    root = fixture_site(tmp_path)
    for kind in NEW:
        scaffold(root, kind)
    result = build_site(root)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("modules/ai-ethics", "glossary/large-language-model", "references/eu-ai-act", "recaps/s01"):
        for prefix in ("", "en/"):
            html = (root / "site" / prefix / page / "index.html").read_text(encoding="utf-8")
            assert "TODO" in html
    status = (root / "site/en/translation-status/index.html").read_text(encoding="utf-8")
    assert "glossary/large-language-model.yml" in status and "curriculum/recaps/s01.ko.md" in status


@pytest.mark.parametrize("kind, record_id, message", [
    ("term", "", "give the new term's id, e.g. `make new-term ID=generative-ai`"),
    ("module", "AI_Ethics", "'AI_Ethics' cannot be an id: use lower-case ASCII letters, digits and single hyphens, e.g. 'generative-ai'"),
    ("recap", "s1", "there is no session 's1' in curriculum/sessions/; did you mean 's01'?"),
    ("recap", "s02", "session 's02' has no confirmed date in curriculum/sessions/s02.yml; a recap is written after a held session, so set its date (from a public source) first"),
    ("modul", "x", "cannot scaffold 'modul'; choose one of module, term, reference, recap; did you mean 'module'?"),
])
def test_bad_requests_are_refused_with_what_to_do(tmp_path, kind, record_id, message):
    with pytest.raises(ScaffoldError) as err:
        scaffold_files(copy_tree(tmp_path), kind, record_id)
    assert str(err.value) == message


def test_existing_files_are_never_overwritten(tmp_path):
    root = copy_tree(tmp_path)
    lesson = root / "curriculum/lessons/ai-basics.ko.md"
    before = lesson.read_bytes()
    result = run_python("-m", "gyeonggi_kb", "new", "module", "ai-basics", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "error: curriculum/lessons/ai-basics.en.md already exists; edit it, or choose another id (nothing was written)" in result.stderr
    assert lesson.read_bytes() == before
    with pytest.raises(ScaffoldError):
        write_new_files(root, {"docs/new.ko.md": "x", "glossary/generative-ai.yml": "x"})
    assert not (root / "docs/new.ko.md").exists()


def test_make_targets_call_the_scaffolder():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for kind, variable in (("module", "ID"), ("term", "ID"), ("reference", "ID"), ("recap", "SESSION")):
        assert f'-m gyeonggi_kb new {kind} "$({variable})"' in makefile


def test_every_text_to_write_is_a_visible_placeholder(tmp_path):
    root = copy_tree(tmp_path)
    for kind in ("module", "term", "reference"):
        write_new_files(root, scaffold_files(root, kind, NEW[kind][0]))
    term = yaml.safe_load((root / "glossary/large-language-model.yml").read_text(encoding="utf-8"))
    assert [term[lang][key] for lang in ("ko", "en") for key in ("term", "definition")] == [
        "TODO: preferred term (한국어)", "TODO: 1-3 plain sentences (한국어)",
        "TODO: preferred term (English)", "TODO: 1-3 plain sentences (English)",
    ]
    assert "topic: technology  # TODO: choose the topic; in use: technology" in (root / "glossary/large-language-model.yml").read_text(encoding="utf-8")
    site = load_site(root)
    placeholders = {(g.path, g.subject) for g in translation_gaps(site, site.pages) if g.kind == "placeholder"}
    assert {("glossary/large-language-model.yml", f"{lang}.{key}") for lang in ("ko", "en") for key in ("term", "definition")} <= placeholders
    assert {("references/eu-ai-act.yml", f"issuer.{lang}") for lang in ("ko", "en")} <= placeholders
    assert {("curriculum/modules/ai-ethics.yml", f"{lang}.objectives[1]") for lang in ("ko", "en")} <= placeholders
