"""Every module is a complete lesson in both languages (issue 10), and an incomplete one fails the build.

Three layers, from the data to what a reader sees:
- the real lessons in curriculum/lessons/ have every part, at the size bar, with linked sources;
- a lesson or module missing a part is a `path:line: message` problem (validate.check_lesson, the module shape),
  so `make validate` and `make build` stop on it; shown on copies of the minimal fixture;
- the built module pages open with the objectives, close with the sources and link the glossary from the lesson.
The prose itself is reviewed by reading it; these tests only guard its structure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, add_build_files, copy_tree, run_python
from gyeonggi_kb import load_site
from gyeonggi_kb.data.load import split_sections
from gyeonggi_kb.checks.validate import HTTP_LINK, LESSON_SECTIONS, TASK_ITEM

MODULES = sorted(p.stem for p in (REPO / "curriculum/modules").glob("*.yml"))
LESSONS = REPO / "curriculum/lessons"

# The size bar of the issue: 2,000 Korean characters, excluding markup. Counted strictly: Hangul syllables only,
# in the lesson prose (the sections before further reading and sources), after removing link targets and ids.
MIN_HANGUL = 2000
# English of "comparable substance": Latin letters in the same prose. Measured on the 11 lessons as first written
# (November 2026), a faithful English translation has 2.67 to 3.00 letters per Hangul syllable (median 2.78);
# a summary would fall well below. The bar is 80 % of the median, per lesson.
EN_LETTERS_PER_HANGUL = 2.78
EN_SHARE = 0.8


def lesson_text(module: str, lang: str) -> str:
    return (LESSONS / f"{module}.{lang}.md").read_text(encoding="utf-8")


def sections(module: str, lang: str) -> dict:
    return {s.id: s for s in split_sections(lesson_text(module, lang)) if s.id}


def prose(markdown: str) -> str:
    """The reading text of a lesson: up to further reading, without ids, link targets or Markdown marks."""
    text = markdown.split("{#further-reading}")[0]
    text = re.sub(r"\{#[^}]*\}", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"[#*\[\]`>|_]", "", text)


def hangul(text: str) -> int:
    return len(re.findall(r"[\uac00-\ud7a3]", text))


def latin_letters(text: str) -> int:
    return len(re.findall(r"[A-Za-z]", text))


# --- the real lessons ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_site():
    return load_site(REPO)


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_a_lesson_in_both_languages(real_site, module):
    assert sorted(real_site.modules[module].lessons) == ["en", "ko"]


def test_the_real_lessons_and_modules_pass_every_lesson_check(real_site):
    found = [str(p) for p in real_site.problems if p.path.startswith(("curriculum/lessons/", "curriculum/modules/"))]
    assert found == []


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("module", MODULES)
def test_the_eight_sections_come_in_order(module, lang):
    ids = [s.id for s in split_sections(lesson_text(module, lang))]
    assert ids == list(LESSON_SECTIONS)


@pytest.mark.parametrize("module", MODULES)
def test_korean_lesson_has_at_least_2000_korean_characters(module):
    assert hangul(prose(lesson_text(module, "ko"))) >= MIN_HANGUL


@pytest.mark.parametrize("module", MODULES)
def test_english_lesson_is_of_comparable_substance(module):
    korean = hangul(prose(lesson_text(module, "ko")))
    english = latin_letters(prose(lesson_text(module, "en")))
    assert english >= EN_SHARE * EN_LETTERS_PER_HANGUL * max(korean, MIN_HANGUL)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("module", MODULES)
def test_sources_are_a_list_of_http_links(module, lang):
    items = [line for line in sections(module, lang)["sources"].body.splitlines() if re.match(r"\d+\. ", line)]
    assert items, "the sources section lists nothing"
    assert [line for line in items if not HTTP_LINK.search(line)] == []


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("module", MODULES)
def test_further_reading_and_checklist_have_their_items(module, lang):
    parts = sections(module, lang)
    assert HTTP_LINK.search(parts["further-reading"].body)
    assert TASK_ITEM.search(parts["checklist"].body)


@pytest.mark.parametrize("module", MODULES)
def test_both_languages_cite_the_same_number_of_sources(module):
    counts = [len(HTTP_LINK.findall(sections(module, lang)["sources"].body)) for lang in ("ko", "en")]
    assert counts[0] == counts[1]


# --- an incomplete lesson or module fails the build ---------------------------------------------------------

FIXTURE_LESSON = "curriculum/lessons/ai-basics.en.md"
FIXTURE_MODULE = "curriculum/modules/ai-basics.yml"
ORDER = ", ".join(LESSON_SECTIONS)


def problems_after(tmp_path: Path, rel: str, edit) -> list[str]:
    original = (copy_tree(tmp_path / "original") / rel).read_text(encoding="utf-8")
    root = copy_tree(tmp_path / "edited", {rel: edit(original)})
    return [str(p) for p in load_site(root).problems]


CASES, RULES = "## Cases {#cases}\n\nText.\n\n", "## Rules {#rules}\n\nText.\n\n"
SOURCE = "1. [Example](https://example.org/)"
# (what is broken, file, edit of the fixture text, the one problem expected)
BROKEN = [
    ("sections out of order", FIXTURE_LESSON, lambda t: t.replace(CASES + RULES, RULES + CASES),
     f"{FIXTURE_LESSON}:13: section '{{#cases}}' must come before '{{#rules}}' (line 9); lesson sections go in this order: {ORDER}"),
    ("a section after the sources", FIXTURE_LESSON, lambda t: t + "\n## Notes {#notes}\n\nMore.\n",
     f"{FIXTURE_LESSON}:33: the sources section must be the last section of a lesson; move this section above '{{#sources}}'"),
    ("no sources section", FIXTURE_LESSON, lambda t: t.split("## Sources {#sources}")[0].rstrip() + "\n",
     f"{FIXTURE_LESSON}:1: lesson is missing the section(s) '{{#sources}}'; every lesson needs: {ORDER}"),
    ("sources without a list", FIXTURE_LESSON, lambda t: t.replace(SOURCE, "See the press."),
     f"{FIXTURE_LESSON}:29: section '{{#sources}}' must list the sources as links, e.g. '1. [Publisher, date](https://...)'; found no list"),
    ("a source without a link", FIXTURE_LESSON, lambda t: t.replace(SOURCE, SOURCE + "\n2. Asia Economy, 2025-11-06"),
     f"{FIXTURE_LESSON}:32: source must link to an http(s) address, e.g. '1. [Publisher, date](https://...)'; got 'Asia Economy, 2025-11-06'"),
    ("checklist without task items", FIXTURE_LESSON, lambda t: t.replace("- [ ] Question?", "- Question?"),
     f"{FIXTURE_LESSON}:17: section '{{#checklist}}' must list its questions as task items, e.g. '- [ ] Who answers for the result?'; found none"),
    ("further reading without a link", FIXTURE_LESSON, lambda t: t.replace("- [Example](https://example.org/)", "- The AI Basic Act"),
     f"{FIXTURE_LESSON}:25: section '{{#further-reading}}' must link at least one document, e.g. '- [Title](https://...)'"),
    ("module without objectives", FIXTURE_MODULE, lambda t: t.replace("  objectives:\n    - Explain artificial intelligence.\n", "  objectives: []\n"),
     f"{FIXTURE_MODULE}:12: 'en.objectives' must have at least 1 item; write one '- ...' line per item"),
]


@pytest.mark.parametrize("rel, edit, expected", [pytest.param(*case[1:], id=case[0]) for case in BROKEN])
def test_an_incomplete_lesson_or_module_is_reported_at_its_line(tmp_path, rel, edit, expected):
    assert problems_after(tmp_path, rel, edit) == [expected]


@pytest.mark.build
@pytest.mark.parametrize("command", [["-m", "gyeonggi_kb", "validate"], ["-m", "mkdocs", "build", "--strict"]])
def test_validate_and_build_stop_on_a_lesson_without_checklist_or_sources(tmp_path, command):
    lesson = (copy_tree(tmp_path / "original") / FIXTURE_LESSON).read_text(encoding="utf-8")
    broken = lesson.replace("- [ ] Question?", "Ask questions.").split("## Sources {#sources}")[0]
    root = add_build_files(copy_tree(tmp_path / "site", {FIXTURE_LESSON: broken}))
    result = run_python(*command, cwd=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert f"{FIXTURE_LESSON}:1: lesson is missing the section(s) '{{#sources}}'" in output
    assert f"{FIXTURE_LESSON}:17: section '{{#checklist}}' must list its questions as task items" in output


# --- the built module pages ---------------------------------------------------------------------------------

def article(site_dir: Path, lang: str, module: str) -> str:
    prefix = "en/" if lang == "en" else ""
    page = (site_dir / f"{prefix}modules/{module}/index.html").read_text(encoding="utf-8")
    return page[page.index("<article"):page.index("</article>")]


@pytest.mark.build
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("module", MODULES)
def test_module_page_opens_with_objectives_and_closes_with_sources(site_dir, module, lang):
    sections_on_page = re.findall(r'<h2 id="([^"]+)"', article(site_dir, lang, module))
    assert sections_on_page[0] == "objectives"
    assert sections_on_page[-1] == "sources"
    assert [s for s in sections_on_page if s in LESSON_SECTIONS] == list(LESSON_SECTIONS)


@pytest.mark.build
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("module", MODULES)
def test_the_lesson_on_the_page_links_the_glossary(site_dir, module, lang):
    text = article(site_dir, lang, module)
    lesson = text[text.index('id="why-it-matters"'):text.index('id="further-reading"')]
    assert re.search(r'href="\.\./\.\./glossary/[a-z0-9-]+/', lesson)
