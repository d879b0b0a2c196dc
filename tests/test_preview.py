"""What a live preview does with bad data, decided in the package and tested without a builder.

`make serve` keeps showing the last good site while an editor fixes a file:
the first build still stops on bad data (there is nothing good to show), a
later one reports every problem and goes on with the last good records,
writing nothing, and the next good save takes over again.
"""

from __future__ import annotations

import pytest

from conftest import copy_tree
from gyeonggi_kb import DataError
from gyeonggi_kb.build_run import BuildRun
from gyeonggi_kb.preview import Preview

EPOCH = {"SOURCE_DATE_EPOCH": "1762300800"}
TERM = "glossary/generative-ai.yml"


def generated(root) -> dict:
    return {p: p.read_bytes() for p in (root / "docs").rglob("*.md")}


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_preview_keeps_the_last_good_site_while_the_data_is_broken(tmp_path):
    root = copy_tree(tmp_path)
    preview = Preview()
    first = BuildRun(root, environ=EPOCH, preview=preview)
    first.generate()
    preview.serving = True  # the server is up
    good = generated(root)

    edit(root / TERM, "status: draft", "status: drafty")
    broken = BuildRun(root, environ=EPOCH, preview=preview)
    assert broken.generate() == {"written": 0, "removed": 0, "unchanged": 0}
    assert broken.site is first.site
    assert [str(p) for p in broken.problems] == [
        "glossary/generative-ai.yml:16: 'status' must be one of draft, reviewed, candidate; got 'drafty'; did you mean 'draft'?"]
    assert generated(root) == good  # nothing written from the broken data

    edit(root / TERM, "status: drafty", "status: draft")
    edit(root / TERM, "AI that generates text", "AI that writes text")
    fixed = BuildRun(root, environ=EPOCH, preview=preview)
    fixed.generate()
    assert fixed.problems == [] and fixed.site is not first.site
    assert "AI that writes text" in (root / "docs/glossary/generative-ai.en.md").read_text(encoding="utf-8")


def test_the_first_build_of_a_preview_stops_on_bad_data(tmp_path):
    root = copy_tree(tmp_path)
    edit(root / TERM, "status: draft", "status: drafty")
    with pytest.raises(DataError):
        BuildRun(root, environ=EPOCH, preview=Preview()).generate()


def test_a_build_that_is_not_a_preview_always_stops_on_bad_data(tmp_path):
    root = copy_tree(tmp_path)
    BuildRun(root, environ=EPOCH).generate()
    edit(root / TERM, "status: draft", "status: drafty")
    with pytest.raises(DataError):
        BuildRun(root, environ=EPOCH).generate()
