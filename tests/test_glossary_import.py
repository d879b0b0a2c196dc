"""`make import-glossary`: a trial run by default, never a lost edit, and real term lists come in.

Most tests run the real command (`python -m gyeonggi_kb import-glossary`) on a copy
of the repository's data in tmp_path and compare every file's bytes before and after.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, copy_tree, run_python
from gyeonggi_kb import load_site
from gyeonggi_kb.publish.glossary_export import CSV_COLUMNS, render_csv
from gyeonggi_kb.tools.glossary_import import ImportOptions, import_glossary

THIRD_PARTY = REPO / "tests/fixtures/third_party_glossary/third_party_glossary.tsv"
THIRD_PARTY_OPTIONS = (
    "--map", "en=en_term,ko=ko_term,definition_ko=ko_definition", "--topic", "technology",
    "--source-title", "AI-Learning-Guide Dictionary (cpprhtn) and tutorials-kr translation guide (PyTorch Korea)",
    "--source-url", "https://github.com/cpprhtn/AI-Learning-Guide", "--licence", "MIT; BSD-3-Clause",
)


def real_data(tmp_path: Path) -> Path:
    """A copy of the repository's data: what `make validate` reads."""
    root = tmp_path / "repo"
    for folder in ("curriculum", "glossary", "references"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def snapshot(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def changed_files(before: dict, after: dict) -> list[str]:
    return sorted(rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel))


def run_import(root: Path, table: Path, *options: str):
    return run_python("-m", "gyeonggi_kb", "import-glossary", str(table), "--root", str(root), *options, cwd=root)


def write_rows(path: Path, rows: list[dict], columns=CSV_COLUMNS, delimiter=",") -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def exported_rows(root: Path) -> list[dict]:
    text = render_csv(load_site(root).terms.values())
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


# -- import never destroys data --------------------------------------------------------------------

def test_an_edited_definition_changes_nothing_without_update_and_exactly_its_file_with_it(tmp_path):
    root = real_data(tmp_path)
    rows = exported_rows(root)
    edited = next(r for r in rows if r["id"] == "bias")
    edited["en_definition"] += " Edited in a spreadsheet."
    table = write_rows(tmp_path / "glossary.csv", rows)
    before = snapshot(root)

    trial = run_import(root, table)
    assert trial.returncode == 1 and "Traceback" not in trial.stderr
    assert "glossary.csv:" + str(rows.index(edited) + 2) + ": would change existing term 'bias' (glossary/bias.yml): column 'en_definition'" in trial.stdout
    assert sum(": identical to existing term" in line for line in trial.stdout.splitlines()) == len(rows) - 1
    assert "To change those terms, run again with --write --update" in trial.stderr
    assert snapshot(root) == before

    write_only = run_import(root, table, "--write")
    assert write_only.returncode == 1 and "nothing was written" in write_only.stderr
    assert snapshot(root) == before

    update = run_import(root, table, "--write", "--update")
    assert update.returncode == 0, update.stderr
    assert "updated glossary/bias.yml" in update.stdout and "existing terms changed: 1." in update.stdout
    after = snapshot(root)
    assert changed_files(before, after) == ["glossary/bias.yml"]
    assert outside_english_definition(after["glossary/bias.yml"]) == outside_english_definition(before["glossary/bias.yml"])
    assert load_site(root).terms["bias"].definition.en.endswith("Edited in a spreadsheet.")
    assert load_site(root).problems == []


def outside_english_definition(data: bytes) -> tuple:
    """A term file's text before and after its English definition: an update of that definition leaves these alone."""
    head, english = data.decode("utf-8").split("\nen:\n")
    return head, english.split("definition:")[0], english[english.index("\nrelated:"):]


def test_glossary_csv_round_trips_without_loss_and_a_second_import_writes_nothing(tmp_path):
    real = load_site(REPO).terms
    table = tmp_path / "glossary.csv"
    table.write_text(render_csv(real.values()), encoding="utf-8")
    root = copy_tree(tmp_path / "repo", {"glossary/generative-ai.yml": None})
    outcome = import_glossary(table, root, ImportOptions(write=True))
    assert outcome.plan.problems == [] and len(outcome.written) == len(real)
    imported = load_site(root)
    assert [str(p) for p in imported.problems if p.path.startswith("glossary/")] == []
    assert render_csv(imported.terms.values()) == render_csv(real.values())
    again = import_glossary(table, root, ImportOptions(write=True))
    assert again.written == [] and {r.action for r in again.plan.rows} == {"identical"}


def test_cells_neutralised_against_formulas_come_back_exactly(tmp_path):
    """Values starting with = + - @, a tab, a carriage return or a quote survive export and import."""
    values = {"ko": "=1+1 은 수식이 아닙니다.", "en": "'-1' is \"minus one\"; @ and + too."}
    source = copy_tree(tmp_path / "source")
    text = (source / "glossary/generative-ai.yml").read_text(encoding="utf-8")
    text = text.replace("  definition: 글, 소리, 그림 등을 만들어 내는 인공지능입니다.", f"  definition: '{values['ko']}'")
    text = text.replace("  definition: AI that generates text, sound, images and other outputs.", '  definition: "\\t\'-1\' is \\"minus one\\"; @ and + too."')
    (source / "glossary/generative-ai.yml").write_text(text, encoding="utf-8")
    terms = load_site(source).terms
    assert terms["generative-ai"].definition.en == "\t" + values["en"]
    table = tmp_path / "glossary.csv"
    table.write_text(render_csv(terms.values()), encoding="utf-8")
    root = copy_tree(tmp_path / "repo", {"glossary/generative-ai.yml": None})
    outcome = import_glossary(table, root, ImportOptions(write=True))
    assert outcome.plan.problems == [] and outcome.written == [("glossary/generative-ai.yml", "created")]
    assert load_site(root).terms["generative-ai"].definition == terms["generative-ai"].definition


def test_bad_rows_are_reported_in_spreadsheet_terms_and_nothing_is_written(tmp_path):
    root = copy_tree(tmp_path / "repo")
    rows = exported_rows(root)
    good = rows[0]
    rows = [
        dict(good, id="tool", ko_term="도구", en_term="tool", ko_synonyms="", en_synonyms="", abbreviations="", en_definition=""),
        dict(good, id="tool", ko_term="도구 2", en_term="tool 2", ko_synonyms="", en_synonyms="", abbreviations=""),
        dict(good, id="helper", ko_term="도우미", en_term="helper", ko_synonyms="", en_synonyms="", abbreviations="", related="no-such-term", autolink="maybe"),
    ]
    table = write_rows(root / "bad.csv", rows)
    before = snapshot(root)
    result = run_import(root, table, "--write")
    assert result.returncode == 1 and snapshot(root) == before
    assert result.stderr.splitlines() == [
        "bad.csv:2: column 'en_definition' is empty, which only a term with 'status: candidate' may be; write 1-3 plain sentences, "
        "or set 'status: candidate' to keep the term off the site until it has them (in glossary/tool.yml, as it would be written)",
        "bad.csv:3: column 'id' 'tool' is already used in row 2; each term needs one row",
        "bad.csv:4: column 'autolink' must be true or false, got 'maybe' (in glossary/helper.yml, as it would be written)",
        # every problem in one run: a row with a shape problem still gets its cross checks
        "bad.csv:4: term 'helper' lists term 'no-such-term' under column 'related', which does not exist; check the spelling, "
        "or add the term with `make new-term ID=no-such-term` (in glossary/helper.yml, as it would be written)",
        "4 problems (listed above); nothing was written. Fix what they say and run again.",
    ]


def test_a_cross_reference_problem_is_reported_at_its_row(tmp_path):
    root = copy_tree(tmp_path / "repo")
    good = exported_rows(root)[0]
    rows = [dict(good, id="helper", ko_term="도우미", en_term="helper", ko_synonyms="", en_synonyms="", abbreviations="GenAI", related="generative-a")]
    result = run_import(root, write_rows(root / "two.csv", rows))
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "two.csv:2: term 'helper' has the abbreviation 'GenAI', which is also the abbreviation 'GenAI' of term 'generative-ai' "
        "(glossary/generative-ai.yml:3); a label must name one term: remove it from one of them, or list it under column 'shared_labels' "
        "in every term but the one it should link to (in glossary/helper.yml, as it would be written)",
        "two.csv:2: term 'helper' lists term 'generative-a' under column 'related', which does not exist; did you mean 'generative-ai'? "
        "(in glossary/helper.yml, as it would be written)",
    ]


def test_a_new_id_taken_by_another_term_is_numbered_and_reported(tmp_path):
    root = copy_tree(tmp_path / "repo")
    table = tmp_path / "list.csv"
    table.write_text("en,ko\ngenerative AI!,생성 AI 느낌표\n", encoding="utf-8")
    result = run_import(root, table, "--map", "en=en_term,ko=ko_term", "--topic", "technology", "--source-title", "A list")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "list.csv:2: new candidate 'generative-ai-2' (generative AI! / 생성 AI 느낌표) -> glossary/generative-ai-2.yml; no definitions yet",
        "list.csv:2:   id taken: the id 'generative-ai' is taken by glossary/generative-ai.yml, so this term gets 'generative-ai-2'",
    ]


# -- real term lists come in -----------------------------------------------------------------------

def test_the_third_party_list_trial_run_reports_every_row_and_the_expected_figures(tmp_path):
    root = real_data(tmp_path)
    table = shutil.copy(THIRD_PARTY, tmp_path / "third_party_glossary.tsv")
    before = snapshot(root)
    result = run_import(root, Path(table), *THIRD_PARTY_OPTIONS)
    assert result.returncode == 0, result.stderr
    assert snapshot(root) == before
    lines = result.stdout.splitlines()
    rows = [line.split(":")[1] for line in lines if line.startswith("third_party_glossary.tsv:") and not line.split(": ", 1)[1].startswith("  ")]
    assert rows == [str(n) for n in range(2, 157)] + [" 155 rows (UTF-8, tab-separated; columns en -> en_term, ko -> ko_term, definition_ko -> ko_definition)"]
    # When the glossary changes, update these figures and the table in README.md ("Importing a term list").
    assert lines[lines.index("third_party_glossary.tsv: 155 rows (UTF-8, tab-separated; columns en -> en_term, ko -> ko_term, definition_ko -> ko_definition)"):] == [
        "third_party_glossary.tsv: 155 rows (UTF-8, tab-separated; columns en -> en_term, ko -> ko_term, definition_ko -> ko_definition)",
        "  new terms                           139 (139 candidates, 0 drafts)",
        "  Korean synonyms added to new terms  4",
        "  identical to existing terms         10",
        "  would change existing terms         0",
        "  match existing terms, not changed   0",
        "  duplicates in the file, skipped     2",
        "  conflicts                           0",
        "findings, in rows:",
        "  matches with existing terms         10",
        "  disagreements                       4",
        "  duplicates in the file              2",
        "  probable typos                      2",
        "  Korean shared with another term     3",
        "  several terms in one cell           2",
        "trial run: nothing was written. To create 139 file(s), run again with --write.",
    ]
    for expected in (
        "third_party_glossary.tsv:28: identical to existing term 'bias' (glossary/bias.yml); nothing to do",
        "third_party_glossary.tsv:115: identical to existing term 'fine-tuning' (glossary/fine-tuning.yml), matched by its English term 'fine-tuning'; nothing to do",
        "third_party_glossary.tsv:100:   probable typo: 'transopose' is not in the English dictionary; did you mean 'transpose'?",
        "third_party_glossary.tsv:113: adds '에폭' as a Korean synonym of row 62 (new term 'epoch')",
        "third_party_glossary.tsv:113:   disagreement: row 62 gives 'epoch' the Korean '에포크', this row '에폭': choose one before the term is published",
        "third_party_glossary.tsv:139:   disagreement: row 85 gives 'overfitting' the Korean '오버피팅', this row '과적합': choose one before the term is published",
        "third_party_glossary.tsv:135: duplicate of row 78; skipped",
        "third_party_glossary.tsv:135:   duplicate: duplicate of row 78; written there as 'mini batch' 미니배치",
        "third_party_glossary.tsv:136:   same Korean: row 81 ('normalization') has the same Korean '정규화': one term, or two that need different Korean terms?",
    ):
        assert expected in lines


def test_writing_the_third_party_list_creates_valid_candidates_and_changes_no_existing_file(tmp_path):
    root = real_data(tmp_path)
    before = snapshot(root)
    result = run_import(root, THIRD_PARTY, "--write", *THIRD_PARTY_OPTIONS)
    assert result.returncode == 0, result.stderr
    assert "139 file(s) created, 0 updated; existing terms changed: 0." in result.stdout
    after = snapshot(root)
    created = changed_files(before, after)
    assert len(created) == 139 and all(rel not in before for rel in created)
    site = load_site(root)
    assert site.problems == []
    assert len(site.candidates) == 139 and sorted(site.terms) == sorted(load_site(REPO).terms)
    epoch = site.candidates["epoch"]
    assert (epoch.term.ko, epoch.synonyms["ko"], epoch.definition.ko, epoch.status) == ("에포크", ("에폭",), None, "candidate")
    assert epoch.sources[0].licence == "MIT; BSD-3-Clause"
    assert site.candidates["backbone"].definition.ko.startswith("백본은 입력 이미지를")
    again = run_import(root, THIRD_PARTY, "--write", *THIRD_PARTY_OPTIONS)
    assert again.returncode == 0 and snapshot(root) == after
    assert "trial run" not in again.stdout and "0 file(s) created, 0 updated" in again.stdout


def test_a_list_without_a_map_is_refused_with_a_map_to_copy(tmp_path):
    root = copy_tree(tmp_path / "repo")
    result = run_import(root, THIRD_PARTY)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "third_party_glossary.tsv:1: no column gives 'en_term' and 'ko_term' (every term needs its English and Korean term); "
        'the columns are: en, ko, definition_ko; say which is which with MAP="en=en_term,ko=ko_term,definition_ko=ko_definition"'
    )


@pytest.mark.parametrize("spec, message", [
    ("en=en_term,ko=ko_trem", "third_party_glossary.tsv:1: MAP item 2: 'ko_trem' is not a column of glossary.csv; did you mean 'ko_term'?"),
    ("english=en_term,ko=ko_term", "third_party_glossary.tsv:1: MAP names the column 'english', which the header row does not have; the columns are: en, ko, definition_ko"),
])
def test_a_wrong_map_is_reported(tmp_path, spec, message):
    root = copy_tree(tmp_path / "repo")
    result = run_import(root, THIRD_PARTY, "--map", spec, "--topic", "technology", "--source-title", "A list")
    assert result.returncode == 1 and message in result.stderr


def test_a_map_can_be_a_file(tmp_path):
    root = copy_tree(tmp_path / "repo")
    mapping = tmp_path / "columns.txt"
    mapping.write_text("# their column = glossary.csv column\nen = en_term\nko = ko_term\ndefinition_ko = ko_definition\n", encoding="utf-8")
    result = run_import(root, THIRD_PARTY, "--map", str(mapping), "--topic", "technology", "--source-title", "A list")
    assert result.returncode == 0, result.stderr
    assert "  new terms                           149 (149 candidates, 0 drafts)" in result.stdout.splitlines()


LIST = "en{sep}ko{sep}definition_ko\nzebra learning{sep}얼룩말 학습{sep}\nquagga{sep}콰가{sep}멸종한 얼룩말입니다.\n"


@pytest.mark.parametrize("encoding, separator, read_as", [
    ("utf-8-sig", ",", "UTF-8 with BOM, comma"),
    ("utf-8", ";", "UTF-8, semicolon"),
    ("cp949", ",", "CP949, comma"),
    ("utf-16", "\t", "UTF-16, tab"),
])
def test_excel_encodings_and_separators_are_read(tmp_path, encoding, separator, read_as):
    root = copy_tree(tmp_path / "repo")
    table = tmp_path / "list.csv"
    table.write_bytes(LIST.format(sep=separator).encode(encoding))
    outcome = import_glossary(table, root, ImportOptions("en=en_term,ko=ko_term,definition_ko=ko_definition", "technology", {"title": "A list"}))
    assert outcome.plan.problems == []
    assert f"{outcome.plan.table.encoding}, {outcome.plan.table.separator}" == read_as
    assert [(r.term_id, r.record["ko"]["term"], r.record["ko"]["definition"]) for r in outcome.plan.rows] == [
        ("zebra-learning", "얼룩말 학습", None), ("quagga", "콰가", "멸종한 얼룩말입니다."),
    ]


@pytest.mark.parametrize("data, message", [
    (b"en,ko\n\x80\x80,x\n", "list.csv:1: cannot read the file: byte 6 is neither UTF-8 nor CP949; in Excel, choose File > Save As > "
                             "'CSV UTF-8 (Comma delimited)' (CSV UTF-8(쉼표로 분리))"),
    ("en ko\nzebra 얼룩말\n".encode("utf-8"), "list.csv:1: cannot find the columns: the header row has no comma, semicolon or tab between "
                                             "column names; in Excel, choose File > Save As > 'CSV UTF-8 (Comma delimited)' (CSV UTF-8(쉼표로 분리))"),
])
def test_unreadable_files_are_refused_with_how_to_save_them(tmp_path, data, message):
    root = copy_tree(tmp_path / "repo")
    table = tmp_path / "list.csv"
    table.write_bytes(data)
    result = run_import(root, table, "--map", "en=en_term,ko=ko_term")
    assert result.returncode == 1 and result.stderr.splitlines()[0] == message


def test_make_variables_become_the_import_options():
    result = subprocess.run(
        ["make", "-n", "import-glossary", "FILE=terms.csv", "WRITE=1", "MAP=en=en_term", "TOPIC=technology", "LICENCE=MIT"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    command = " ".join(result.stdout.replace("\\\n", " ").split())
    assert '"terms.csv" --via-make' in command and "--write" in command and "--update" not in command
    assert '--map "en=en_term"' in command and '--topic "technology"' in command and '--licence "MIT"' in command


def test_a_list_without_topic_or_sources_asks_for_them_once_naming_the_make_variables(tmp_path):
    root = copy_tree(tmp_path / "repo")
    result = run_import(root, THIRD_PARTY, "--map", "en=en_term,ko=ko_term", "--via-make")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "third_party_glossary.tsv:1: the list has no sources for its new terms: say where it comes from with SOURCE_TITLE=\"...\" "
        "(and SOURCE_URL=..., LICENCE=...), which every new term will cite",
        "third_party_glossary.tsv:1: the list has no topic column: give the topic of its new terms with TOPIC=..., one of those in use: technology",
        "2 problems (listed above); nothing was written. Fix what they say and run again.",
    ]
