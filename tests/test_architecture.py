"""The package's tree is its architecture: stages import only backwards.

Read from the source, without importing it (an import cycle or a slow
import would hide what is asked): every module's imports are resolved to
modules of the package and compared with the order of the stages that
`gyeonggi_kb/__init__.py` describes. Each check is also run on a small
package with a planted violation, so that it is known to fail.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "hooks" / "gyeonggi_kb"
ADAPTER = REPO / "hooks" / "hooks.py"

# The order of the stages: a module may import its own stage and earlier ones.
STAGES = {
    "foundation": 0,  # layout, problems, build_cache, write: used by every stage
    "data": 1,
    "checks": 2,
    "pages": 3,
    "generate": 4,
    "search": 5,
    "publish": 6,
    "pipeline": 7,
    "tools": 8,
    "cli": 9,
}
FOUNDATION = {"layout", "problems", "build_cache", "write"}


def stage_of(module: str) -> str:
    """'gyeonggi_kb.pages.labels' -> 'pages'; top-level helpers belong to the foundation."""
    parts = module.split(".")[1:]
    if not parts:
        return "cli"  # the package's own __init__: it re-exports the generate stage
    head = parts[0]
    if head in FOUNDATION:
        return "foundation"
    if head == "__main__":
        return "cli"
    if head.startswith("search"):
        return "search"
    return head


def module_files(package: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package under `package`."""
    modules = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imports_of(module: str, path: Path, known: set, unresolved: list | None = None) -> set[str]:
    """The package's modules that `module` imports (a name imported from a package counts as its module if it is one).

    Imports of the package that name no module of it are added to `unresolved`."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in known)
    if unresolved is not None:
        root = module.split(".")[0]
        unresolved += [f"{module} imports {name}" for name in sorted(found) if name.split(".")[0] == root and name not in known]
    return {name for name in found if name in known}


def import_graph(package: Path) -> dict[str, set[str]]:
    files = module_files(package)
    known = set(files)
    return {module: imports_of(module, path, known) - {module} for module, path in files.items()}


def backward_violations(graph: dict) -> list[str]:
    wrong = []
    for module, imported in sorted(graph.items()):
        for target in sorted(imported):
            if target == module.split(".")[0]:
                continue  # the package itself: running its __init__ is not a dependence
            if STAGES[stage_of(target)] > STAGES[stage_of(module)]:
                wrong.append(f"{module} ({stage_of(module)}) imports {target} ({stage_of(target)}), a later stage")
    return wrong


def closure(graph: dict, roots) -> set[str]:
    seen, todo = set(), list(roots)
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph.get(module, ()))
    return seen


def adapter_imports(graph: dict) -> set[str]:
    """What hooks/hooks.py (the MkDocs adapter) imports of the package."""
    return imports_of("hooks", ADAPTER, set(graph))


def test_every_import_of_the_package_names_one_of_its_modules():
    files = module_files(PACKAGE)
    unresolved = []
    for module, path in files.items():
        imports_of(module, path, set(files), unresolved)
    imports_of("gyeonggi_kb.hooks", ADAPTER, set(files), unresolved)
    assert unresolved == []


def test_every_stage_imports_only_itself_and_earlier_stages():
    graph = import_graph(PACKAGE)
    assert {stage_of(m) for m in graph} <= set(STAGES), "a module outside the known stages: add its stage to STAGES and to the package docstring"
    assert backward_violations(graph) == []


def test_the_build_never_imports_an_editors_tool():
    graph = import_graph(PACKAGE)
    roots = adapter_imports(graph) | {m for m in graph if stage_of(m) in ("pipeline", "generate", "publish")}
    assert adapter_imports(graph), "hooks.py imports nothing of the package: the adapter changed, update this test"
    tools = sorted(m for m in closure(graph, roots) if stage_of(m) == "tools")
    assert tools == []


def test_no_module_of_the_package_imports_a_builder():
    for module, path in module_files(PACKAGE).items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level}
        assert not {name.split(".")[0] for name in names} & {"mkdocs", "material", "mkdocs_static_i18n", "zensical"}, module


@pytest.mark.parametrize("subpackage", sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()))
def test_each_subpackage_says_its_job_and_what_it_may_import(subpackage):
    doc = ast.get_docstring(ast.parse((PACKAGE / subpackage / "__init__.py").read_text(encoding="utf-8")))
    assert doc and len(doc.splitlines()[0]) > 20, f"{subpackage}/__init__.py needs a docstring saying its job"
    assert "may import" in doc.lower(), f"{subpackage}/__init__.py must say what it may import"


def planted(tmp_path: Path, files: dict) -> Path:
    package = tmp_path / "gyeonggi_kb"
    for rel, text in {"__init__.py": "", **files}.items():
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text(text, encoding="utf-8")
    return package


def test_the_checks_catch_a_planted_backward_import(tmp_path):
    package = planted(tmp_path, {
        "data/__init__.py": "", "data/load.py": "from ..pages.labels import label\n",
        "pages/__init__.py": "", "pages/labels.py": "from gyeonggi_kb.data import load\nfrom . import markdown\n",
        "pages/markdown.py": "",
    })
    assert backward_violations(import_graph(package)) == ["gyeonggi_kb.data.load (data) imports gyeonggi_kb.pages.labels (pages), a later stage"]


def test_the_checks_catch_a_tool_reached_through_another_module(tmp_path):
    package = planted(tmp_path, {
        "pipeline/__init__.py": "", "pipeline/run.py": "from gyeonggi_kb.checks import translation\n",
        "checks/__init__.py": "", "checks/translation.py": "from ..tools.scaffold import PLACEHOLDER\n",
        "tools/__init__.py": "", "tools/scaffold.py": "PLACEHOLDER = 'TODO'\n",
    })
    graph = import_graph(package)
    assert "gyeonggi_kb.tools.scaffold" in closure(graph, {"gyeonggi_kb.pipeline.run"})
    assert backward_violations(graph) == ["gyeonggi_kb.checks.translation (checks) imports gyeonggi_kb.tools.scaffold (tools), a later stage"]


def layout_rule_breaks(path: Path) -> list[str]:
    """Code (not docstrings or messages about files) that spells the site's layout itself.

    Flags a string that is or contains '/en/' or 'en/' as a URL part, a
    per-language file name built as f'....{lang}.md', and the built file name
    'index.html': `layout` owns those (prefix, source, directory_url, built_file).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    breaks = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if node.value in ("en/", "/en/", "index.html") or node.value.startswith("/en/"):
                breaks.append(f"{path.name}:{node.lineno}: {node.value!r}")
        if isinstance(node, ast.JoinedStr):
            parts = node.values
            for before, value, after in zip(parts, parts[1:], parts[2:]):
                if (isinstance(before, ast.Constant) and str(before.value).endswith(".") and isinstance(value, ast.FormattedValue)
                        and isinstance(after, ast.Constant) and str(after.value).startswith(".md")
                        and isinstance(value.value, ast.Name) and "lang" in value.value.id):
                    breaks.append(f"{path.name}:{node.lineno}: a per-language file name built by hand")
    return breaks


def test_only_layout_knows_language_prefixes_and_file_names():
    breaks = [b for module, path in module_files(PACKAGE).items() if module != "gyeonggi_kb.layout" for b in layout_rule_breaks(path)]
    assert breaks == []


def test_the_layout_check_catches_a_hand_made_name(tmp_path):
    planted_file = tmp_path / "render.py"
    planted_file.write_text('"""Docs may say /en/ freely."""\nURL = "/en/" + "x"\n'
                            'def name(page, lang):\n    return f"glossary/{page}.{lang}.md"\n', encoding="utf-8")
    assert layout_rule_breaks(planted_file) == ["render.py:2: '/en/'", "render.py:4: a per-language file name built by hand"]
