"""Shared fixtures: fixture trees, one real build of the site, a local server and Chromium.

The real build runs once per test session in a temporary copy of the
repository, so tests never write into the working tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from gyeonggi_kb.data.dates import build_epoch
from gyeonggi_kb.write import OWNED_FOLDERS

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "fixtures" / "minimal"
CHROMIUM = Path("/usr/bin/chromium")
# What the build needs from the repository; everything else stays behind.
SITE_SOURCES = ("mkdocs.yml", "hooks", "overrides", "docs", "curriculum", "glossary", "references", "schemas")
GENERATED = OWNED_FOLDERS  # the folders under docs/ that the generator owns


def copy_tree(target: Path, files: dict | None = None, base: Path = MINIMAL) -> Path:
    """Copy a fixture tree to `target`, then overwrite or add `files` ({relative path: text or None to delete})."""
    shutil.copytree(base, target, dirs_exist_ok=True)
    for rel, text in (files or {}).items():
        path = target / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8") if isinstance(text, str) else path.write_bytes(text)
    return target


def run_python(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=600)


def copy_site_sources(target: Path, source: Path = REPO) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, target / name)
    for folder in GENERATED:  # start from an empty generated tree, as a fresh clone does
        shutil.rmtree(target / "docs" / folder, ignore_errors=True)
    return target


# Fixture trees are built on a fixed day, the first lecture (2025-11-05). The real data is built as
# `make build` builds it, on the day of the last commit: its review dates are never later than that,
# and an earlier day would make them reviews from the future.
FIXTURE_EPOCH = "1762300800"


def repo_epoch() -> str:
    return str(build_epoch(REPO, os.environ) or FIXTURE_EPOCH)


def build_site(root: Path, *extra: str, epoch: str = FIXTURE_EPOCH) -> subprocess.CompletedProcess:
    return run_python("-m", "mkdocs", "build", "--strict", *extra, cwd=root, env={"SOURCE_DATE_EPOCH": epoch})


# A Korean-only hand-written page: its English URL must be an honest fallback.
FALLBACK_PAGE = "docs/untranslated-example.ko.md"
FALLBACK_TEXT = "---\ntitle: 번역 예시\n---\n\n# 번역되지 않은 예시 {#example}\n\n이 페이지는 한국어로만 있습니다.\n"


@pytest.fixture(scope="session")
def built_repo(tmp_path_factory) -> Path:
    root = copy_site_sources(tmp_path_factory.mktemp("repo"))
    (root / FALLBACK_PAGE).write_text(FALLBACK_TEXT, encoding="utf-8")
    result = build_site(root, epoch=repo_epoch())
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture(scope="session")
def site_dir(built_repo: Path) -> Path:
    return built_repo / "site"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # one line per request would drown test output
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    handler = partial(QuietHandler, directory=str(site_dir))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_port}/"
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Chromium: run `sudo apt-get install -y chromium fonts-noto-cjk`")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def fixture_site(target: Path) -> Path:
    """The site's config, templates and hooks with the minimal fixture's data: a small tree that builds fast."""
    root = copy_site_sources(target)
    for folder in ("curriculum", "glossary", "references"):
        shutil.rmtree(root / folder, ignore_errors=True)
    return copy_tree(root)


def add_build_files(root: Path) -> Path:
    """Copy what `mkdocs build` needs besides the data (config, hooks, overrides, hand-written docs) into a fixture tree."""
    for name in ("mkdocs.yml", "overrides", "hooks", "docs"):
        src = REPO / name
        shutil.copytree(src, root / name) if src.is_dir() else shutil.copy2(src, root / name)
    return root
