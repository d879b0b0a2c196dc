"""The search files of the last build, kept out of the builder's way while it empties the site folder. Moves only.

MkDocs empties the site folder before it builds, and zensical-i18n replaces
what is in it; both leave hidden entries at its root alone. Most of what
publish writes is search files (1,685 of the 2,539 files of a build at 400
pages per language), and they rarely change: a shard is named by a digest
of its bytes. Yet after the builder deleted them, publish had to create every
one anew, and on a file system like this machine's, creating a file in a
folder whose files were just deleted costs up to 0.8 ms of kernel time
(README, Performance): more than computing it.

So before the builder runs, `set_aside` moves each language's search folder
under a hidden folder at the site's root, one rename each, and `take_back`
moves it back before publish writes the search files. Publish then finds the
files that did not change in place (`write_if_changed` reads them and
compares), writes the others, and removes those this build did not make
(`search.stale_files`). What a build writes is the same either way; only how
many files it creates changes.

A build that stops in between (bad data, a strict warning) leaves the
hidden folder; the next build sets aside its own newer files instead, or
takes the old ones back. A builder that did not empty the folder left the
search folder in place: what was set aside is then dropped. (A preview's
partial rebuild sets nothing aside: its server keeps serving the files.)
Only a folder that holds nothing but index files is moved: `generate` with
the wrong folder named must not hide an editor's files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from gyeonggi_kb import layout
from gyeonggi_kb.search import index_folder, is_index_file

ASIDE = ".gyeonggi_kb-last-build"  # hidden: MkDocs and zensical-i18n leave it where it is


def only_index_files(folder: Path) -> bool:
    return all(entry.is_file() and is_index_file(entry.name) for entry in folder.iterdir())


def set_aside(site_dir: Path) -> None:
    """Move the search folders of `site_dir` under its hidden folder, before a builder empties it.

    Like the build cache, this can only save time, never fail a build: when a
    move fails (something else in the way), the files stay where they are and
    the builder deletes them as before.
    """
    for lang in layout.LANGS:
        folder, kept = site_dir / index_folder(lang), site_dir / ASIDE / lang
        if not folder.is_dir() or not only_index_files(folder):
            continue
        try:
            if kept.is_dir() and not kept.is_symlink():  # left by a build that stopped: these files are newer
                shutil.rmtree(kept)
            kept.parent.mkdir(parents=True, exist_ok=True)
            folder.rename(kept)
        except OSError:
            continue


def take_back(site_dir: Path) -> None:
    """Move what `set_aside` kept back to where publish writes the search files, and remove the hidden folder."""
    aside = site_dir / ASIDE
    if not aside.is_dir() or aside.is_symlink():
        return
    for lang in layout.LANGS:
        folder, kept = site_dir / index_folder(lang), aside / lang
        if kept.is_dir() and not folder.exists():
            try:
                folder.parent.mkdir(parents=True, exist_ok=True)
                kept.rename(folder)
            except OSError:
                pass  # publish writes them anew
    shutil.rmtree(aside, ignore_errors=True)
