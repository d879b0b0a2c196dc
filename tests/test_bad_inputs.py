"""The bad-input corpus: every broken input has a stated outcome, never a traceback.

tests/bad_inputs/manifest.yml lists the cases and what must happen to each;
this file only runs them through the real validator and, for inputs that must
be handled, the real strict MkDocs build of a small site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_site_sources, copy_tree, run_python

CORPUS = REPO / "tests" / "bad_inputs"
CASES = yaml.safe_load((CORPUS / "manifest.yml").read_text(encoding="utf-8"))
CONTENT = ("curriculum", "glossary", "references")


def lay_out(case: str, target: Path) -> Path:
    """The minimal fixture with the case's files laid over it, byte for byte."""
    copy_tree(target)
    shutil.copytree(CORPUS / case, target, dirs_exist_ok=True)
    return target


def expected_prefix_matches(expected: list[str], reported: list[str]) -> list[tuple[str, str]]:
    return [(e, r) for e, r in zip(expected, reported) if not r.startswith(e)]


def test_every_case_folder_is_in_the_manifest_and_every_entry_has_a_folder():
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir()}
    assert folders == set(CASES)
    assert all(("problems" in c) != ("handled" in c) for c in CASES.values())


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_has_its_stated_outcome(case, tmp_path):
    spec = CASES[case]
    root = lay_out(case, tmp_path / "data")
    result = run_python("-m", "gyeonggi_kb", "validate", "--root", str(root), cwd=root)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    if "problems" in spec:
        reported = result.stderr.strip().splitlines()[:-1]  # the last line is the "N problems in M files" total
        assert result.returncode == 1, result.stdout
        assert len(reported) == len(spec["problems"]), "\n".join(reported)
        assert expected_prefix_matches(spec["problems"], reported) == []
        return
    handled = spec["handled"]
    assert result.returncode == 0, result.stderr
    assert f"ok: {handled['records']}" in result.stdout
    site = build_small_site(root, tmp_path / "site-repo")
    for url, texts in handled["pages"].items():
        page = site / url / "index.html"
        assert page.is_file(), f"{url} was not built"
        html = page.read_text(encoding="utf-8")
        for text in texts.get("shows", []):
            assert text in html, f"{url} must show {text!r}"
        for text in texts.get("hides", []):
            assert text not in html, f"{url} must not contain {text!r}"


def build_small_site(data: Path, target: Path) -> Path:
    """The real site configuration and hand-written pages, with the case's data instead of the real content."""
    copy_site_sources(target)
    for folder in CONTENT:
        shutil.rmtree(target / folder, ignore_errors=True)
    shutil.rmtree(target / "docs" / "recaps", ignore_errors=True)
    for folder in CONTENT:
        if (data / folder).is_dir():
            shutil.copytree(data / folder, target / folder)
    result = run_python("-m", "mkdocs", "build", "--strict", cwd=target, env={"SOURCE_DATE_EPOCH": "1762300800"})
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    return target / "site"


def test_the_nfd_case_really_is_decomposed():
    raw = (CORPUS / "nfd-hangul/glossary/machine-learning.yml").read_text(encoding="utf-8")
    assert "\u1100" in raw and "기계학습" not in raw  # U+1100 is the conjoining jamo ㄱ
    assert (CORPUS / "crlf-line-ends/glossary/machine-learning.yml").read_bytes().count(b"\r\n") > 5
    assert (CORPUS / "byte-order-mark/glossary/machine-learning.yml").read_bytes().startswith(b"\xef\xbb\xbf")
