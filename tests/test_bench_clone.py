"""What `make bench` calls a fresh clone (bench/run.py `clone`): a new folder holding what `git clone` gives.

The bench's fresh-clone figure stands for CI and the Pages deployment, which
build in a new checkout. Emptying the working copy instead measured something
else on this machine (README, Performance: creating files where many were
just deleted is slow), so the clone must be a new folder, without the built
site and the caches (Python's bytecode included), and without the generated
pages for our build (which writes them) but with them for the plain build
(which needs them).
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import run as bench  # noqa: E402  (bench/run.py)


def files_under(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def test_a_fresh_clone_is_a_new_folder_without_the_build_its_caches_or_for_our_build_the_generated_pages(tmp_path):
    root = tmp_path / "400-lang"
    planted = {
        "mkdocs.yml": "site_name: x\n",
        "docs/index.ko.md": "# 손으로 쓴 쪽\n",
        "docs/glossary/llm.ko.md": "# generated\n",
        "docs/modules/m1.ko.md": "# generated\n",
        "glossary/llm.yml": "id: llm\n",
        "site/index.html": "<html></html>\n",
        "site/search/t-0123.json": "[]\n",
        "site-plain/index.html": "<html></html>\n",
        ".cache/gyeonggi_kb/site.pickle": "cache\n",
        ".zensical-i18n/cache/ko/x": "zensical cache\n",
        "hooks/gyeonggi_kb/__init__.py": "",
        "hooks/gyeonggi_kb/__pycache__/__init__.cpython-311.pyc": "bytecode\n",
    }
    for rel, text in planted.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")

    ours = bench.clone(root, generated=False)
    plain = bench.clone(root, generated=True)

    assert ours.parent == plain.parent == root.parent and len({ours, plain, root}) == 3
    assert files_under(ours) == {"mkdocs.yml", "docs/index.ko.md", "glossary/llm.yml", "hooks/gyeonggi_kb/__init__.py"}
    assert files_under(plain) == {"mkdocs.yml", "docs/index.ko.md", "docs/glossary/llm.ko.md", "docs/modules/m1.ko.md", "glossary/llm.yml", "hooks/gyeonggi_kb/__init__.py"}
    assert files_under(root) == set(planted), "the working copy is left as it was"

    bench.drop_clones(root)
    assert not ours.exists() and not plain.exists() and files_under(root) == set(planted)
