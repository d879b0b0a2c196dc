"""Scaffolding writes records in the right shape with every placeholder marked, and refuses what it must not do.

A fresh scaffold fails `make validate` and `make build` at each placeholder's
own line (placeholders are never published); once every placeholder is
replaced, the same files validate and build.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import FIXTURE_EPOCH, REPO, build_site, copy_tree, fixture_site, run_python
from gyeonggi_kb.generate import generate
from gyeonggi_kb import load_site
from gyeonggi_kb.tools.editor_schemas import schema_path
from gyeonggi_kb.data.load import FRONT_MATTER
from gyeonggi_kb.tools.scaffold import PLACEHOLDER, ScaffoldError, scaffold_files, write_new_files
from gyeonggi_kb.checks.translation import translation_gaps
from gyeonggi_kb.checks.validate import LESSON_SECTIONS
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


def placeholder_lines(root, files) -> set:
    """(path, line) of every line of `files` that holds a placeholder."""
    return {
        (rel, number)
        for rel in files
        for number, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1)
        if PLACEHOLDER in line
    }


def fill_in(root, files) -> None:
    """Do what the editor does: write text over every placeholder value and make every choice left in a comment."""
    for rel in files:
        path = root / rel
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if "# TODO:" in line:
                line = line.split("  # TODO:")[0]
            lines.append(line.replace('"TODO: ', '"Filled in: ').replace("TODO: ", "Filled in: "))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("kind", NEW)
def test_each_scaffold_fails_validation_at_each_placeholder_until_it_is_filled_in(tmp_path, kind):
    root = copy_tree(tmp_path)
    result = scaffold(root, kind)
    files = NEW[kind][1]
    for rel in files:
        assert (root / rel).is_file()
        assert f"  {rel}" in result.stdout
    problems = load_site(root).problems
    assert {p.kind for p in problems} == {"placeholder"}
    assert {(p.path, p.line) for p in problems} == placeholder_lines(root, files)
    fill_in(root, files)
    assert [str(p) for p in load_site(root).problems] == []


def test_placeholder_messages_say_what_to_do(tmp_path):
    root = copy_tree(tmp_path)
    write_new_files(root, scaffold_files(root, "term", "large-language-model"))
    assert [str(p) for p in load_site(root).problems][:3] == [
        "glossary/large-language-model.yml:3: '# TODO: choose the topic; in use: technology' marks a choice still to make: set the value on this line, then delete the comment",
        "glossary/large-language-model.yml:6: 'TODO: preferred term (한국어)' is a placeholder: replace it with the real text; a placeholder is never published",
        "glossary/large-language-model.yml:8: 'TODO: 1-3 plain sentences (한국어)' is a placeholder: replace it with the real text; a placeholder is never published",
    ]


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
def test_a_scaffold_fails_the_build_at_its_placeholders_and_builds_once_filled_in(tmp_path):
    root = fixture_site(tmp_path)
    for kind in NEW:
        scaffold(root, kind)
    result = build_site(root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "glossary/large-language-model.yml:3: '# TODO: choose the topic; in use: technology' marks a choice still to make" in result.stderr
    assert "curriculum/recaps/s01.en.md:5: 'TODO: summary (English)' is a placeholder" in result.stderr
    assert not (root / "site" / "glossary" / "large-language-model").exists()
    for kind in NEW:
        fill_in(root, NEW[kind][1])
    result = build_site(root)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("modules/ai-ethics", "glossary/large-language-model", "references/eu-ai-act", "recaps/s01"):
        for prefix in ("", "en/"):
            html = (root / "site" / prefix / page / "index.html").read_text(encoding="utf-8")
            assert "Filled in" in html and "TODO" not in html


def test_the_translation_status_lists_a_scaffolds_placeholders_while_they_are_left(tmp_path):
    root = copy_tree(tmp_path)
    for kind in NEW:
        write_new_files(root, scaffold_files(root, kind, NEW[kind][0]))
    generate(root, tolerate=("placeholder",))  # what the preview (`make serve`) writes
    status = (root / "docs/translation-status/index.en.md").read_text(encoding="utf-8")
    assert "glossary/large-language-model.yml" in status and "curriculum/recaps/s01.ko.md" in status


@pytest.mark.parametrize("kind, record_id, message", [
    ("term", "", "give the new term's id, e.g. `make new-term ID=generative-ai`"),
    ("module", "AI_Ethics", "'AI_Ethics' cannot be an id: use lower-case ASCII letters, digits and single hyphens, e.g. 'generative-ai'"),
    ("recap", "s1", "there is no session 's1' in curriculum/sessions/; did you mean 's01'?"),
    ("recap", "s02", "session 's02' has no confirmed date, and a recap is written only for a session that took place. "
     "What is needed: a public source (a press release or news article) that reports the session's date. "
     "Then, in curriculum/sessions/s02.yml, set 'date: YYYY-MM-DD' and 'status: held', add the source under 'sources' "
     "('- title: ...' and 'url: ...'), and run `make new-recap SESSION=s02` again"),
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
