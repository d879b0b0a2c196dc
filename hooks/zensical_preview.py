"""Zensical adapter for the preview (`make serve BUILDER=zensical`): the stages around `zensical-i18n serve`.

Zensical runs no hooks, so this process does what hooks.py does inside
`mkdocs serve`, and decides nothing else:

    generate   before Zensical starts, and after every change to the data
               (curriculum/, glossary/, references/); zensical-i18n copies the
               new Markdown into its staging folder and Zensical rebuilds
               the pages that changed
    publish    the folder Zensical serves, whenever it has written pages

Bad data is reported and the preview goes on with the last good data, as
with MkDocs (gyeonggi_kb.preview). zensical-i18n serves one language at a
time (`--lang en` for English), from `.zensical-i18n/site/<lang>/`, where
English pages sit at the root; publish expects them under `en/`, so it runs
on a temporary folder whose `en` links to the served one.

Zensical's browser reload follows its own rebuild, which can come before
this publish pass: a page then shows without glossary links until it is
reloaded once more. Zensical rebuilds only the pages whose Markdown
changed, so a rebuilt term page's "mentioned in" list names only the
pages rebuilt with it; `make build BUILDER=zensical` is always complete.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gyeonggi_kb import DataError, layout
from gyeonggi_kb.pipeline.run import BuildRun
from gyeonggi_kb.pipeline.config import site_url
from gyeonggi_kb.data.load import DATA_FOLDERS
from gyeonggi_kb.pipeline.preview import Preview

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.5
QUIET_SECONDS = 2.0  # no page written for this long: Zensical has finished a build (it can pause between pages on a busy machine)


def newest_change(folders: list[Path], suffixes: tuple) -> float:
    """The latest modification time of a file with one of `suffixes` under `folders` (0 if none)."""
    return max((p.stat().st_mtime for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.suffix in suffixes), default=0.0)


def generate(run_for_preview) -> BuildRun:
    run = run_for_preview()
    try:
        changed = run.generate()
    except DataError as err:
        print(err.report(), file=sys.stderr, flush=True)
        raise SystemExit(1) from None
    if run.problems:
        print(DataError(run.problems).report() + "; the preview keeps the last good data until you fix and save the file", file=sys.stderr, flush=True)
    elif changed["written"] or changed["removed"]:
        print(f"generated pages: {changed['written']} written, {changed['removed']} removed", flush=True)
    return run


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    parser.add_argument("--lang", choices=layout.LANGS, default=layout.DEFAULT_LANG)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop Zensical too (the `finally` below)
    preview = Preview()
    run = generate(lambda: BuildRun(ROOT, preview=preview))
    preview.serving = True
    served = ROOT / ".zensical-i18n" / "site" / args.lang
    zensical = subprocess.Popen([
        str(Path(sys.executable).with_name("zensical-i18n")), "serve", "-f", "zensical.yml", "--lang", args.lang, "--dev-addr", args.dev_addr,
    ], cwd=ROOT)
    data = [ROOT / folder for folder in DATA_FOLDERS]
    seen_data, seen_pages = newest_change(data, (".yml", ".yaml", ".md")), 0.0
    with tempfile.TemporaryDirectory(prefix="kb-preview-") as tmp:
        site_dir = served
        if args.lang != layout.DEFAULT_LANG:  # publish expects a language's pages under its prefix
            site_dir = Path(tmp)
            os.symlink(served, site_dir / layout.prefix(args.lang).rstrip("/"))
        try:
            while zensical.poll() is None:
                time.sleep(POLL_SECONDS)
                if (latest := newest_change(data, (".yml", ".yaml", ".md"))) > seen_data:
                    seen_data = latest
                    run = generate(lambda: BuildRun(ROOT, preview=preview))
                latest = newest_change([served], (".html",))
                if latest > seen_pages and time.time() - latest > QUIET_SECONDS:
                    try:
                        done = run.publish(site_dir, site_url(ROOT))
                    except FileNotFoundError:  # Zensical was writing after all: publish once it is quiet again
                        continue
                    seen_pages = newest_change([served], (".html",))
                    if done.pages:
                        print(f"published {done.pages} pages", flush=True)
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            if zensical.poll() is None:
                zensical.terminate()  # zensical-i18n stops Zensical and restores the project's .cache
                zensical.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
