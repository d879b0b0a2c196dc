"""The generator owns its folders: deterministic output, written only when changed, stale files removed."""

from __future__ import annotations

import pytest

from conftest import copy_tree
from gyeonggi_kb import DataError
from gyeonggi_kb.generate import generate, load_site
from gyeonggi_kb.write import GENERATED_MARK


def snapshot(docs):
    return {p.relative_to(docs).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(docs.rglob("*")) if p.is_file()}


def test_second_run_writes_nothing(tmp_path):
    root = copy_tree(tmp_path)
    first = generate(root)
    before = snapshot(root / "docs")
    second = generate(root)
    assert first["written"] > 0
    assert second == {"written": 0, "removed": 0, "unchanged": first["written"]}
    assert snapshot(root / "docs") == before  # same bytes and untouched mtimes: `mkdocs serve` sees no change


def test_output_is_deterministic(tmp_path):
    a, b = copy_tree(tmp_path / "a"), copy_tree(tmp_path / "b")
    generate(a)
    generate(b)
    assert {k: v[0] for k, v in snapshot(a / "docs").items()} == {k: v[0] for k, v in snapshot(b / "docs").items()}


def test_stale_pages_are_removed_and_hand_written_pages_kept(tmp_path):
    root = copy_tree(tmp_path, {"docs/index.ko.md": "# 홈\n", "docs/editors/s01.ko.md.keep": "x"})
    generate(root)
    (root / "docs/glossary/old-term.ko.md").write_text("---\n" + GENERATED_MARK + "\ntitle: old\n---\n")
    (root / "references/test-act.yml").unlink()
    (root / "curriculum/modules/ai-basics.yml").write_text(
        (root / "curriculum/modules/ai-basics.yml").read_text().replace("references: [test-act]", "references: []")
    )
    changed = generate(root)
    assert not (root / "docs/glossary/old-term.ko.md").exists()
    assert not (root / "docs/references/test-act.ko.md").exists()
    assert changed["removed"] == 3
    assert (root / "docs/index.ko.md").read_text() == "# 홈\n"
    assert (root / "docs/editors/s01.ko.md.keep").exists()


def test_a_file_the_generator_did_not_write_is_never_deleted_from_its_folders(tmp_path):
    root = copy_tree(tmp_path)
    generate(root)
    mine = root / "docs/recaps/s02.ko.md"  # where recaps used to live
    mine.parent.mkdir(exist_ok=True)
    mine.write_text("---\ntitle: 제2회차 요약\n---\n\n본문\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        generate(root)
    assert [str(p) for p in raised.value.problems] == [
        "docs/recaps/s02.ko.md:1: docs/recaps/ holds the pages generated from the data, but this file was not generated, "
        "so it was left alone; move it to curriculum/recaps/ (recaps live there now)"]
    assert mine.read_text(encoding="utf-8").endswith("본문\n")
    # `make validate` says the same before anything is built
    assert [str(p) for p in load_site(root).problems] == [str(p) for p in raised.value.problems]


def test_generated_pages_exist_in_both_languages(tmp_path):
    root = copy_tree(tmp_path)
    generate(root)
    names = sorted(p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md"))
    for page in ("curriculum/index", "modules/index", "modules/ai-basics", "sessions/s01", "sessions/s02",
                 "glossary/index", "glossary/generative-ai", "references/index", "references/test-act"):
        assert f"{page}.ko.md" in names and f"{page}.en.md" in names


def test_text_from_data_is_shown_as_text_not_markup(tmp_path):
    evil = '<script>alert(1)</script> *bold* [link](http://x)'
    text = (copy_tree(tmp_path / "a") / "glossary/generative-ai.yml").read_text().replace(
        "definition: AI that generates text, sound, images and other outputs.", f"definition: '{evil}'")
    root = copy_tree(tmp_path / "b", {"glossary/generative-ai.yml": text})
    generate(root)
    page = (root / "docs/glossary/generative-ai.en.md").read_text()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](http://x)" in page
