"""What a live preview does, decided in the package and tested without a builder.

`make serve` keeps showing the last good site while an editor fixes a file:
the first build still stops on bad data (there is nothing good to show), a
later one reports every problem and goes on with the last good records,
writing nothing, and the next good save takes over again. Placeholders and
broken links do not stop a preview. A partial rebuild knows which other
pages to build again; the problem overlay
is the preview's alone.
"""

from __future__ import annotations

import json

import pytest

from conftest import copy_tree
from gyeonggi_kb import DataError, Problem, load_site
from gyeonggi_kb.pipeline.run import BuildRun
from gyeonggi_kb.pipeline.preview import Preview, term_fingerprints
from gyeonggi_kb.pipeline.overlay import ELEMENT_ID, PROBLEMS_FILE, add_overlay_script, overlay_script, problems_json

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


def test_a_live_preview_generates_pages_in_spite_of_placeholders_from_its_first_build(tmp_path):
    root = copy_tree(tmp_path)
    edit(root / TERM, "definition: AI that generates text, sound, images and other outputs.", 'definition: "TODO: 1-3 plain sentences (English)"')
    with pytest.raises(DataError):
        BuildRun(root, environ=EPOCH).generate()  # `make build`
    preview = Preview(live=True)
    run = BuildRun(root, environ=EPOCH, preview=preview)
    run.generate()
    assert [(p.kind, p.line) for p in run.problems] == [("placeholder", 11)] and not run.kept_last_good
    assert "TODO: 1-3 plain sentences (English)" in (root / "docs/glossary/generative-ai.en.md").read_text(encoding="utf-8")


def test_a_partial_rebuild_builds_again_the_pages_that_link_a_changed_term(tmp_path):
    root = copy_tree(tmp_path)
    terms = load_site(root).terms
    preview = Preview(live=True, partial=True, terms=term_fingerprints(terms), mentions={
        ("ko", "index.md"): ("", "홈", ("generative-ai",)),
        ("en", "about.md"): ("en/about/", "About", ()),
    })
    assert preview.stale_files(terms) == []
    edit(root / TERM, "AI that generates", "AI that writes")
    assert preview.stale_files(load_site(root).terms) == ["index.html"]
    assert preview.stale_files(load_site(root).terms) == []  # remembered


def test_the_overlay_report_lists_problems_as_path_line_message():
    problems = [Problem("glossary/x.yml", 3, "b", "placeholder"), Problem("docs/a.en.md", 9, "a", "link")]
    report = json.loads(problems_json(problems, False, "2 problems in 2 files"))
    assert report == {"problems": ["docs/a.en.md:9: a", "glossary/x.yml:3: b"], "files": 2, "summary": "2 problems in 2 files", "blocking": False}


def test_the_overlay_script_goes_before_the_end_of_the_body_and_fetches_from_the_site_root():
    page = add_overlay_script("<html><body><p>x</p></body></html>", overlay_script("/"))
    assert page.startswith("<html><body><p>x</p><script") and page.endswith("</script></body></html>")
    assert f'"/{PROBLEMS_FILE}"' in page
    assert "innerHTML" not in page  # messages quote what editors wrote: shown as text, never run
    assert Preview().with_overlay("<body></body>", "/") == "<body></body>"  # not a preview


@pytest.mark.build
def test_a_build_has_no_overlay(site_dir):
    assert not (site_dir / PROBLEMS_FILE).exists()
    for page in ("index.html", "en/index.html", "en/glossary/index.html", "modules/index.html"):
        assert ELEMENT_ID not in (site_dir / page).read_text(encoding="utf-8")
