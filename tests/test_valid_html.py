"""Valid HTML: the Nu Html Checker (vnu) finds no error on any page of the built site.

Every page, not one per kind: generated Markdown, templates, inline SVG
pictures and what the hooks add (glossary links and tooltips, hreflang) can
each break one page only. One JVM checks the whole site (`vnu DIRECTORY`),
together with a page that is invalid on purpose, so a checker that silently
checked nothing would fail the test too. vnu.jar comes from npm's vnu-jar,
pinned in tests/vnu/package-lock.json (`make test` installs it); Java from
Debian (openjdk-17-jre-headless).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.build

VNU = REPO / "tests" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CANARY = '<!doctype html><html lang="en"><title>canary</title><label for="nothing">x</label></html>\n'
# Errors of Material's own templates that overrides/ does not fix, with the reason (README lists them too).
# Empty: the three kinds Material 9.8.1 produces are fixed in overrides/ (see tests/test_overrides.py).
ACCEPTED: dict[str, str] = {}


def run_vnu(*paths: Path) -> list[dict]:
    if shutil.which("java") is None:
        pytest.skip("the HTML check needs Java 17+: `sudo apt-get install -y openjdk-17-jre-headless`")
    if not VNU.is_file():
        pytest.skip("the HTML check needs vnu.jar: `make test` installs it (cd tests/vnu && npm ci --ignore-scripts)")
    args = ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--no-langdetect", "--format", "json", "--stdout"]
    proc = subprocess.run([*args, *map(str, paths)], capture_output=True, text=True, timeout=600)
    return json.loads(proc.stdout)["messages"]


def where(message: dict, site_dir: Path) -> str:
    path = message.get("url", "").removeprefix("file:")
    shown = Path(path).relative_to(site_dir).as_posix() if path.startswith(str(site_dir)) else path
    return f"{shown}:{message.get('lastLine', '?')}"


def test_every_built_page_is_valid_html(site_dir, tmp_path):
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    messages = run_vnu(site_dir, canary)
    errors = [m for m in messages if m["type"] != "info"]  # "error" and "non-document-error" (a file it could not read)
    assert any(m.get("url", "").endswith("canary.html") for m in errors), "vnu did not report the invalid canary page"
    found = sorted(
        f"{where(m, site_dir)}: {m['message']}"
        for m in errors
        if not m.get("url", "").endswith("canary.html") and m["message"] not in ACCEPTED
    )
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    assert found == [], f"{len(found)} HTML errors in {pages} pages:\n" + "\n".join(found[:50])
