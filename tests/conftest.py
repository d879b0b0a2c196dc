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
from contextlib import contextmanager
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
SITE_SOURCES = ("mkdocs.yml", "zensical.yml", "hooks", "overrides", "docs", "curriculum", "glossary", "references", "schemas")
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


def real_site_sources(target: Path) -> Path:
    """The real site's sources with FALLBACK_PAGE added: what each builder's session build builds."""
    root = copy_site_sources(target)
    (root / FALLBACK_PAGE).write_text(FALLBACK_TEXT, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def built_repo(tmp_path_factory) -> Path:
    root = real_site_sources(tmp_path_factory.mktemp("repo"))
    result = build_site(root, epoch=repo_epoch())
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture(scope="session")
def site_dir(built_repo: Path) -> Path:
    return built_repo / "site"


ZENSICAL_VENV = REPO / ".venv-zensical"  # `make test` creates it from requirements-zensical.txt


def make_build_with_zensical(root: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`make build BUILDER=zensical` in a copy of the repository, with the repository's Zensical environment."""
    if not (ZENSICAL_VENV / "bin" / ".installed").is_file():
        pytest.fail(f"{ZENSICAL_VENV} is missing: run `make test`, which creates it from requirements-zensical.txt")
    for name in ("Makefile", "requirements-zensical.txt"):
        shutil.copy2(REPO / name, root / name)  # keeps the time, so make sees the environment as up to date
    outer_make = ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")  # set when the tests run under `make test`
    full_env = {k: v for k, v in os.environ.items() if k not in outer_make}
    full_env.update({"SOURCE_DATE_EPOCH": repo_epoch(), **(env or {})})
    return subprocess.run(
        ["make", "--no-print-directory", "build", "BUILDER=zensical", f"ZVENV={ZENSICAL_VENV}"],
        cwd=root, env=full_env, capture_output=True, text=True, timeout=1200,
    )


@pytest.fixture(scope="session")
def zensical_repo(tmp_path_factory) -> Path:
    """The real site built with Zensical (`make build BUILDER=zensical`), with the same fallback page as `built_repo`."""
    root = real_site_sources(tmp_path_factory.mktemp("zensical-repo"))
    result = make_build_with_zensical(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture(scope="session")
def zensical_site_dir(zensical_repo: Path) -> Path:
    return zensical_repo / "site"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # one line per request would drown test output
        pass


@contextmanager
def serving(site_dir: Path):
    """The folder served on a free local port; yields its address."""
    handler = partial(QuietHandler, directory=str(site_dir))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_port}/"
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    with serving(site_dir) as address:
        yield address


@pytest.fixture(scope="session")
def zensical_site_url(zensical_site_dir: Path):
    with serving(zensical_site_dir) as address:
        yield address


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
