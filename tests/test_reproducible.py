"""Two builds of one commit are byte-identical, whichever way the stages are run.

The first build is `make build`'s: `mkdocs build`, whose hooks run the
generate and publish stages. The second runs the three stages one after
another, as any other builder would: `python -m gyeonggi_kb generate`, a
plain `mkdocs build` of a mkdocs.yml without `hooks:`, then `python -m
gyeonggi_kb publish site`. Each runs in its own temporary copy (so absolute
paths differ), with a different PYTHONHASHSEED (so any output that follows set
or dict-of-set order changes) and a different clock (seconds apart), but the
same SOURCE_DATE_EPOCH, which is the only date a build may use (the Makefile
sets it from the last commit). Every file is compared, sitemap.xml.gz and the
search index (its entry and every shard) included. The first copy is then built a second time, with the
build cache of its first build, and must give the same bytes again.

The Zensical build (`make build BUILDER=zensical`) is held to the same rule:
a second build, in another folder with another hash seed, gives the bytes of
the session's Zensical build. Both kinds of build leave nothing behind that
git would see, besides site/ and the git-ignored folders.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, copy_site_sources, make_build_with_zensical, real_site_sources, repo_epoch, run_python

pytestmark = pytest.mark.build


def build_copy(root: Path, hash_seed: str, copy: bool = True, stages: bool = False) -> dict[str, str]:
    """Build a copy of the repository, with the hooks or (`stages`) as three commands; digests of the files."""
    if copy:
        copy_site_sources(root)
        as_a_git_checkout(root)
    env = {"SOURCE_DATE_EPOCH": repo_epoch(), "PYTHONHASHSEED": hash_seed}
    if stages:
        config = root / "mkdocs.yml"
        config.write_text(re.sub(r"^hooks:\n(?:  - .*\n)+", "", config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
        assert "hooks" not in yaml_keys(config)
        commands = [("-m", "gyeonggi_kb", "generate"), ("-m", "mkdocs", "build", "--strict"), ("-m", "gyeonggi_kb", "publish", "site")]
    else:
        commands = [("-m", "mkdocs", "build", "--strict")]
    for command in commands:
        result = run_python(*command, cwd=root, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
    return digests(root / "site")


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.org", *args], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def as_a_git_checkout(root: Path) -> None:
    """Commit the copy as it is, with the repository's .gitignore, so `git status` shows what a build leaves."""
    shutil.copy2(REPO / ".gitignore", root / ".gitignore")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "sources")


def left_behind(root: Path) -> list[str]:
    """What git sees changed or untracked after a build (site/ and the build's folders are git-ignored)."""
    return git(root, "status", "--porcelain", "--untracked-files=all").splitlines()


def yaml_keys(config: Path) -> set:
    return set(re.findall(r"^([a-z_]+):", config.read_text(encoding="utf-8"), re.M))


def test_two_builds_of_the_same_sources_are_byte_identical_with_hooks_or_stage_by_stage(tmp_path):
    first = build_copy(tmp_path / "first", "1")
    second = build_copy(tmp_path / "second-copy", "2", stages=True)
    assert "sitemap.xml.gz" in first and "search/index.json" in first and "en/search/index.json" in first
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []
    assert left_behind(tmp_path / "first") == []
    # Built again where it was built: the build cache (build_cache.py) answers, with the same bytes.
    assert (tmp_path / "first/.cache/gyeonggi_kb/links.pickle").is_file()
    warm = build_copy(tmp_path / "first", "3", copy=False)
    assert sorted(name for name in first if first[name] != warm.get(name)) == [] and sorted(warm) == sorted(first)


def test_make_exports_the_last_commit_time_as_the_build_date():
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    commit_time = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, env=env, capture_output=True, text=True)
    if commit_time.returncode != 0:
        pytest.skip("not a git checkout")
    seen = subprocess.run(
        ["make", "-s", "--eval", "print-build-date: ; @echo $$SOURCE_DATE_EPOCH", "print-build-date"],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    assert seen.stdout.strip() == commit_time.stdout.strip()


def test_two_zensical_builds_are_byte_identical_and_leave_nothing_behind(zensical_site_dir, tmp_path):
    root = real_site_sources(tmp_path / "zensical")  # the sources of the session's build
    for name in ("Makefile", "requirements-zensical.txt"):
        shutil.copy2(REPO / name, root / name)
    as_a_git_checkout(root)
    result = make_build_with_zensical(root, env={"PYTHONHASHSEED": "2"})
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = digests(zensical_site_dir), digests(root / "site")
    assert "sitemap.xml.gz" in second and "en/search.json" in second
    assert sorted(set(first) ^ set(second)) == []
    assert sorted(name for name in first if first[name] != second[name]) == []
    assert left_behind(root) == []
