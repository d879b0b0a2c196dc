"""Command line: `python -m gyeonggi_kb COMMAND [--root DIR]`.

    validate | generate [SITE_DIR] | publish SITE_DIR | schemas [--check] | new KIND ID | translation-status
    | review-due [--months N] [--today YYYY-MM-DD] [--format github]
    | import-glossary FILE [--write [--update]] [--map MAP] [--topic ID] [--source-title T --source-url U --licence L]

`generate` and `publish` are the stages before and after a builder:
`generate`, then any builder (`mkdocs build` without hooks, say), then
`publish site` gives the site `make build` gives. `generate site` also sets
the last build's search files aside in site/, out of the builder's way, for
`publish` to take back (publish/set_aside.py): fewer files to create anew.

Problems go to stderr as `path:line: message`, one per line, and the exit
status is 1; there is never a traceback for bad data. `review-due` prints its
reminders to stdout in the same form and exits 0: they are not errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .checks.review import DEFAULT_MONTHS, github_annotation, review_due, summary
from .checks.translation import coverage, translation_gaps
from .generate import load_site
from .pages.translation_status import render_terminal
from .pipeline.config import site_url
from .pipeline.run import BuildRun
from .problems import DataError
from .tools.editor_schemas import render_schemas, stale_schemas, write_schemas
from .tools.glossary_import import ImportOptions, import_glossary
from .tools.import_report import report_lines
from .tools.scaffold import PLACEHOLDER, ScaffoldError, scaffold_files, write_new_files


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="gyeonggi_kb", description=__doc__)
    parser.add_argument("command", choices=("validate", "generate", "publish", "schemas", "new", "import-glossary", "translation-status", "review-due"))
    parser.add_argument("args", nargs="*", help="new: the kind (module, term, reference, recap) and the id or session; import-glossary: the CSV file")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)")
    parser.add_argument("--check", action="store_true", help="schemas: only report files that are out of date (exit 1)")
    parser.add_argument("--months", type=months_value, default=DEFAULT_MONTHS, help=f"review-due: a record is due this many months after its review date (default {DEFAULT_MONTHS})")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="review-due: the day to compare with, YYYY-MM-DD (default: the build date)")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="review-due: github prints GitHub Actions warning annotations")
    add_import_options(parser)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "schemas":
        return schemas_command(root, args.check)
    if args.command == "translation-status":
        return translation_status_command(root)
    if args.command == "review-due":
        return review_due_command(root, args.months, args.today, args.format)
    if args.command == "new":
        return new_command(root, *(args.args + ["", ""])[:2])
    if args.command == "import-glossary":
        return import_command(root, args)
    if args.command == "publish":
        return publish_command(root, args.args)
    if args.command == "validate":
        site = load_site(root)
        if site.problems:
            print(DataError(site.problems).report(), file=sys.stderr)
            return 1
        print(f"ok: {len(site.sessions)} sessions, {len(site.modules)} modules, {len(site.terms)} terms, {len(site.references)} references, {len(site.recaps)} recap pages"
              + (f"; {len(site.candidates)} candidate terms, not published (`make translation-status` lists them)" if site.candidates else ""))
        return 0
    run = BuildRun(root)
    try:
        changed = run.generate(Path(args.args[0]) if args.args else None)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    run.cache.save()  # so that `publish`, which needs the records again, finds them instead of loading the data twice
    print("generated: " + ", ".join(f"{v} {k}" for k, v in changed.items()))
    for line in run.review_reminders():  # the same reminders a hooked build prints
        print(line, file=sys.stderr)
    return 0


def publish_command(root: Path, folders: list) -> int:
    if len(folders) != 1 or not Path(folders[0]).is_dir():
        print("publish needs the built site folder: python -m gyeonggi_kb publish site", file=sys.stderr)
        return 2
    run = BuildRun(root)
    try:
        run.generate()
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    done = run.publish(Path(folders[0]), site_url(root))
    print(f"published: {done.pages} pages" + (f" ({done.already} published already)" if done.already else "") + f", {len(done.files)} files written")
    return 0


def add_import_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("import-glossary (a trial run unless --write is given)")
    group.add_argument("--write", action="store_true", help="create the files of new terms")
    group.add_argument("--update", action="store_true", help="with --write: also change existing terms (their files are rewritten)")
    group.add_argument("--map", default="", help="which column is which: 'their=ours,...' with glossary.csv's column names, or a file of such lines")
    group.add_argument("--topic", default="", help="topic of the new terms when the file has no topic column")
    group.add_argument("--source-title", default="", help="the source every new term cites when the file has no sources column")
    group.add_argument("--source-url", default="", help="its address")
    group.add_argument("--licence", default="", help="its licence, e.g. MIT")
    group.add_argument("--via-make", action="store_true", help=argparse.SUPPRESS)  # messages then name WRITE=1, not --write


def import_command(root: Path, args) -> int:
    make = args.via_make
    if len(args.args) != 1 or not args.args[0]:
        print("give the file to import: " + ("make import-glossary FILE=terms.csv" if make else "python -m gyeonggi_kb import-glossary FILE"), file=sys.stderr)
        return 2
    table = Path(args.args[0])
    if not table.is_file():
        print(f"{table}:0: no such file; give the path of the .csv or .tsv file, e.g. FILE=~/Downloads/terms.csv", file=sys.stderr)
        return 1
    source = {k: v for k, v in (("title", args.source_title), ("url", args.source_url), ("licence", args.licence)) if v}
    if source and "title" not in source:
        print("a source needs its title: " + ('SOURCE_TITLE="..."' if make else '--source-title "..."'), file=sys.stderr)
        return 2
    options = ImportOptions(args.map, args.topic, source, args.write, args.update, make)
    out, err, status = report_lines(import_glossary(table, root, options), options)
    if out:
        print("\n".join(out))
    if err:
        sys.stdout.flush()
        print("\n".join(err), file=sys.stderr)
    return status


def schemas_command(root: Path, check: bool) -> int:
    if check:
        stale = stale_schemas(root)
        for rel in stale:
            print(f"{rel}:0: out of date with hooks/gyeonggi_kb/data/shapes.py; run `make schemas` and commit the result", file=sys.stderr)
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
    print(f"next: replace every '{PLACEHOLDER}' (values and comments) with sourced text in both languages. "
          "Until then `make validate` and `make build` list each one left as file:line and fail, "
          "and `make serve` shows the page with the list on it")
    return 0


def translation_status_command(root: Path) -> int:
    site = load_site(root)
    broken = [p for p in site.problems if p.kind == "data"]
    if broken:  # broken records are left out, so the status would be incomplete (placeholders are part of it)
        print(DataError(broken).report() + "\nfix these first; the translation status needs valid data", file=sys.stderr)
        return 1
    gaps = translation_gaps(site, site.pages)
    print(render_terminal(gaps, coverage(site, site.pages, gaps)))
    return 0


def months_value(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of months; write a whole number of at least 1, e.g. MONTHS=3")
    return int(text)


def review_due_command(root: Path, months: int, today: dt.date | None, output: str) -> int:
    site = load_site(root)
    if site.problems:  # broken records are left out, so the list would be incomplete
        print(DataError(site.problems).report() + "\nfix these first; the review list needs valid data", file=sys.stderr)
        return 1
    today = today or site.build_date
    if today is None:
        print("no build date: set SOURCE_DATE_EPOCH or give --today YYYY-MM-DD (make review-due TODAY=...)", file=sys.stderr)
        return 2
    due = review_due(site.references.values(), site.modules.values(), today, months)
    for problem in due:
        print(github_annotation(problem) if output == "github" else str(problem))
    print(summary(due, today, months))
    return 0


if __name__ == "__main__":
    sys.exit(main())
