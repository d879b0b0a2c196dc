"""Command line: `python -m gyeonggi_kb COMMAND [--root DIR]`.

    validate | generate | schemas [--check] | new KIND ID | import-glossary FILE.csv | translation-status
    search-index SITE_DIR   (search for a built site, from any builder; the glossary comes from --root)

Problems go to stderr as `path:line: message`, one per line, and the exit
status is 1; there is never a traceback for bad data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .editor_schemas import render_schemas, stale_schemas, write_schemas
from .glossary_import import import_glossary
from .problems import DataError
from .scaffold import PLACEHOLDER, ScaffoldError, scaffold_files, write_new_files
from .render_translation import render_terminal
from .search import write_search, write_search_files
from .site import generate, load_site
from .translation import coverage, translation_gaps


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="gyeonggi_kb", description=__doc__)
    parser.add_argument("command", choices=("validate", "generate", "schemas", "new", "import-glossary", "translation-status", "search-index"))
    parser.add_argument("args", nargs="*", help="new: the kind (module, term, reference, recap) and the id or session; import-glossary: the CSV file; search-index: the built site's folder")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)")
    parser.add_argument("--check", action="store_true", help="schemas: only report files that are out of date (exit 1)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "schemas":
        return schemas_command(root, args.check)
    if args.command == "translation-status":
        return translation_status_command(root)
    if args.command == "new":
        return new_command(root, *(args.args + ["", ""])[:2])
    if args.command == "import-glossary":
        return import_command(root, args.args)
    if args.command == "search-index":
        return search_index_command(root, args.args)
    if args.command == "validate":
        site = load_site(root)
        if site.problems:
            print(DataError(site.problems).report(), file=sys.stderr)
            return 1
        print(f"ok: {len(site.sessions)} sessions, {len(site.modules)} modules, {len(site.terms)} terms, {len(site.references)} references, {len(site.recaps)} recap pages")
        return 0
    try:
        changed = generate(root)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    print("generated: " + ", ".join(f"{v} {k}" for k, v in changed.items()))
    return 0


def import_command(root: Path, files: list) -> int:
    if len(files) != 1:
        print("import-glossary needs one file: python -m gyeonggi_kb import-glossary FILE.csv", file=sys.stderr)
        return 2
    table = Path(files[0])
    if not table.is_file():
        print(f"{table}:0: no such file", file=sys.stderr)
        return 1
    written, problems = import_glossary(table, root)
    if problems:
        print(DataError(problems).report() + "; nothing was written", file=sys.stderr)
        return 1
    print(f"imported: {len(written)} glossary file(s) written" + "".join(f"\n  {p}" for p in written))
    return 0


def search_index_command(root: Path, folders: list) -> int:
    if len(folders) != 1 or not next(Path(folders[0]).rglob("*.html"), None):
        print("search-index needs the folder of a built site (with its HTML pages): python -m gyeonggi_kb search-index site", file=sys.stderr)
        return 2
    site_dir = Path(folders[0])
    site = load_site(root)  # for the glossary labels; a data problem leaves a term out, it does not stop search
    files = write_search(site_dir, site)
    changed = write_search_files(site_dir, files)
    pages = sum(rel.endswith(".html") for rel in files)
    print(f"search: {pages} pages with the search box, {len(files) - pages} index and engine files; {changed['written']} written, {changed['removed']} removed")
    return 0


def schemas_command(root: Path, check: bool) -> int:
    if check:
        stale = stale_schemas(root)
        for rel in stale:
            print(f"{rel}:0: out of date with hooks/gyeonggi_kb/shapes.py; run `make schemas` and commit the result", file=sys.stderr)
        return 1 if stale else 0
    written = write_schemas(root)
    print(f"schemas: {len(written)} written, {len(render_schemas()) - len(written)} unchanged")
    return 0


def new_command(root: Path, kind: str, record_id: str) -> int:
    try:
        created = write_new_files(root, scaffold_files(root, kind, record_id))
    except ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print("created:\n" + "\n".join(f"  {rel}" for rel in created))
    print(f"next: replace every '{PLACEHOLDER}' (values and comments) with sourced text in both languages, "
          "then run `make validate` and `make serve` to check it")
    return 0


def translation_status_command(root: Path) -> int:
    site = load_site(root)
    if site.problems:  # broken records are left out, so the status would be incomplete
        print(DataError(site.problems).report() + "\nfix these first; the translation status needs valid data", file=sys.stderr)
        return 1
    gaps = translation_gaps(site, site.pages)
    print(render_terminal(gaps, coverage(site, site.pages, gaps)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
