"""Command line: `python -m gyeonggi_kb validate|generate [--root DIR]`.

Problems go to stderr as `path:line: message`, one per line, and the exit
status is 1; there is never a traceback for bad data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import DataError
from .site import generate, load_site


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="gyeonggi_kb", description=__doc__)
    parser.add_argument("command", choices=("validate", "generate"))
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
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


if __name__ == "__main__":
    sys.exit(main())
