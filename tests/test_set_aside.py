"""A build takes the last build's search files back instead of creating them again (publish/set_aside.py).

The builder empties site/ before it writes; the search files are set aside
in a hidden folder first and taken back before publish writes them. The
shards that did not change must be the very files of the last build (same
modification time, set far in the past here, and same inode), a shard this
build does not make must be gone, and nothing hidden may stay in site/.
That the bytes are those of a build from scratch is test_reproducible's
(its warm build runs this path).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import build_site, fixture_site, run_python
from gyeonggi_kb.pipeline.preview import Preview
from gyeonggi_kb.pipeline.run import BuildRun
from gyeonggi_kb.publish.set_aside import ASIDE, set_aside

pytestmark = pytest.mark.build

LONG_AGO = 1_000_000_000  # 2001: no file this build writes has this time


def shards(site: Path) -> list[Path]:
    return sorted(site.glob("search/[pt]-*.json")) + sorted(site.glob("en/search/[pt]-*.json"))


def marked(site: Path) -> dict:
    """Each shard's (inode, modification time), after setting every shard's time to LONG_AGO."""
    for path in shards(site):
        os.utime(path, (LONG_AGO, LONG_AGO))
    return {path: (path.stat().st_ino, path.stat().st_mtime) for path in shards(site)}


def test_the_search_files_of_the_last_build_are_taken_back_not_written_again(tmp_path):
    root = fixture_site(tmp_path / "src")
    first = build_site(root)
    assert first.returncode == 0, first.stdout + first.stderr
    site = root / "site"
    before = marked(site)
    assert len(before) >= 4, "the fixture's search index should have shards in both languages"
    stale = site / "search" / "t-000000000000.json"  # a shard no build of this data makes
    stale.write_text("{}", encoding="utf-8")

    second = build_site(root)  # MkDocs empties site/ first
    assert second.returncode == 0, second.stdout + second.stderr
    assert {path: (path.stat().st_ino, path.stat().st_mtime) for path in shards(site)} == before
    assert not stale.exists()
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == []

    # A build that stopped after setting them aside: the next one takes them back all the same.
    set_aside(site)
    assert (site / ASIDE).is_dir() and not (site / "search").exists()
    third = build_site(root)
    assert third.returncode == 0, third.stdout + third.stderr
    assert {path: (path.stat().st_ino, path.stat().st_mtime) for path in shards(site)} == before
    assert not (site / ASIDE).exists()


def test_the_stage_commands_set_the_search_files_aside_and_take_them_back(tmp_path):
    """`generate site` (before any builder, as `make build BUILDER=zensical` runs it), then `publish site`."""
    root = fixture_site(tmp_path / "src")
    assert build_site(root).returncode == 0
    site = root / "site"
    before = marked(site)
    generated = run_python("-m", "gyeonggi_kb", "generate", "site", cwd=root)
    assert generated.returncode == 0, generated.stderr
    assert not (site / "search").exists() and not (site / "en" / "search").exists()
    assert sorted(p.name for p in (site / ASIDE).iterdir()) == ["en", "ko"]
    published = run_python("-m", "gyeonggi_kb", "publish", "site", cwd=root)
    assert published.returncode == 0, published.stderr
    assert {path: (path.stat().st_ino, path.stat().st_mtime) for path in shards(site)} == before
    assert not (site / ASIDE).exists()


def test_a_partial_preview_rebuild_leaves_the_search_files_where_they_are_served(tmp_path):
    """`mkdocs serve --dirty` does not empty site/, and its server answers search requests while it rebuilds."""
    root = fixture_site(tmp_path / "src")
    shard = root / "site" / "search" / "t-0123456789ab.json"
    shard.parent.mkdir(parents=True)
    shard.write_text("[]", encoding="utf-8")
    BuildRun(root, preview=Preview(live=True, partial=True)).generate(root / "site")
    assert shard.is_file() and not (root / "site" / ASIDE).exists()
    BuildRun(root, preview=Preview(live=True)).generate(root / "site")  # a full rebuild empties site/: set aside
    assert not shard.exists() and (root / "site" / ASIDE / "ko" / shard.name).is_file()


def test_something_in_the_way_of_setting_aside_never_fails_the_build(tmp_path):
    """A file where the hidden folder goes (planted by hand): the build writes the search files anew, as before."""
    root = fixture_site(tmp_path / "src")
    assert build_site(root).returncode == 0
    site = root / "site"
    (site / ASIDE).write_text("not a folder", encoding="utf-8")
    again = build_site(root)
    assert again.returncode == 0, again.stdout + again.stderr
    assert shards(site) and (site / "search" / "index.json").is_file()


def test_a_folder_holding_anything_but_index_files_is_never_moved(tmp_path):
    """`generate docs` typed by mistake: an editor's docs/search/ stays where it is, with every file in it."""
    root = fixture_site(tmp_path / "src")
    note = root / "docs" / "search" / "notes.ko.md"
    note.parent.mkdir(parents=True)
    note.write_text("# 편집자 메모\n", encoding="utf-8")
    (note.parent / "t-0123456789ab.json").write_text("[]", encoding="utf-8")
    result = run_python("-m", "gyeonggi_kb", "generate", "docs", cwd=root)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in note.parent.iterdir()) == ["notes.ko.md", "t-0123456789ab.json"]
    assert not (root / "docs" / ASIDE).exists()
