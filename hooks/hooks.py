"""MkDocs adapter for the gyeonggi_kb stages. It maps events to stage calls and decides nothing.

    on_startup     -> note a preview (`mkdocs serve`, `--dirty`: gyeonggi_kb.pipeline.preview)
    on_env         -> compiled theme templates kept for the process (gyeonggi_kb.pipeline.templates)
    on_pre_build   -> generate (data -> Markdown in docs/), then print the review reminders
    on_files       -> the pages publish wants last (term pages) to the end of the build order
    MkDocs builds the pages (Markdown -> HTML in site/)
    on_post_page   -> a preview adds the problem overlay's script to the page; publish the page
                      in memory before MkDocs writes it (saves reading and writing it again)
    on_post_build  -> publish (a pass over site/: the pages not published yet, exports, search data)
    on_serve       -> watch the data, not the generated folders

`make build` is therefore the same as `python -m gyeonggi_kb generate`, a
`mkdocs build` without `hooks:`, then `python -m gyeonggi_kb publish site`
(tests/test_reproducible.py compares them byte for byte).

MkDocs facts this relies on: mkdocs-static-i18n builds each language with
the same config, calling on_pre_build once per language and the other
languages' builds from inside the first build's on_post_build (priority
-100, marked `building` meanwhile); `mkdocs serve` imports this file once
and gives every rebuild a fresh config, so the preview state is a module
global.
"""

from __future__ import annotations

import sys
import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger

from gyeonggi_kb import DataError
from gyeonggi_kb.pipeline.run import BuildRun
from gyeonggi_kb.pipeline.preview import Preview
from gyeonggi_kb.pipeline.templates import COMPILED_TEMPLATES
from gyeonggi_kb.publish import publishes_last
from gyeonggi_kb.write import watched_folders

log = get_plugin_logger("gyeonggi_kb")
PREVIEW = Preview()


def on_startup(command, dirty):
    PREVIEW.live = command == "serve"
    PREVIEW.partial = PREVIEW.live and dirty
    if PREVIEW.partial:
        # MkDocs warns that a partial build may leave other pages stale; the preview rebuilds
        # those it knows depend on the edit, so the warning would only alarm editors.
        logging.getLogger("mkdocs.commands.build").addFilter(lambda record: "'dirty' build" not in record.getMessage())


def on_env(env, config, files):
    env.bytecode_cache = COMPILED_TEMPLATES
    return env


def on_pre_build(config):
    if "kb_run" in config:
        return  # the next language of the same run: generated already
    root = Path(config.config_file_path).resolve().parent
    config["kb_run"] = run = BuildRun(root, Path(config.docs_dir), preview=PREVIEW)
    try:
        changed = run.generate(Path(config.site_dir))
    except DataError as err:
        for problem in err.problems:
            log.error(str(problem))
        raise Abort(f"{err}; fix the data and build again") from None
    for problem in run.problems:
        log.error(str(problem))
    if run.kept_last_good:
        log.error(f"{len(run.problems)} problem(s); the preview keeps the last good data until you fix and save the file")
    elif run.problems:
        log.error(f"{len(run.problems)} problem(s); the preview shows the pages, but `make build` fails until you fix them")
    if changed["written"] or changed["removed"]:
        log.info(f"generated pages: {changed['written']} written, {changed['removed']} removed")
    for line in run.review_reminders():
        print(line, file=sys.stderr)  # printed, not logged: --strict counts logged warnings, and a reminder must not fail


@event_priority(-200)  # after the i18n plugin (-100) has made each language's files
def on_files(files, config):
    last = [file for file in files.documentation_pages() if publishes_last(file.src_uri)]
    for file in last:  # to the end of the build order, so that they are published in memory too
        files.remove(file)
        files.append(file)
    return files


def on_post_page(output, page, config):
    return config["kb_run"].publish_page(page.file.dest_uri, PREVIEW.with_overlay(output, config.site_url), config.site_url)


@event_priority(-200)  # after the i18n plugin (-100) has built the other languages
def on_post_build(config):
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # a nested language build: the first build's call publishes all languages
    done = config["kb_run"].publish(Path(config.site_dir), config.site_url)
    log.info(f"published {done.pages} pages ({done.handed_over} before MkDocs wrote them), {len(done.files)} files written")


def on_serve(server, config, builder):
    PREVIEW.serving = True
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))  # generate writes into docs/: watching it would rebuild twice per edit
    server.watch(str(docs), recursive=False)
    for folder in watched_folders(docs):
        server.watch(str(folder))
    return server

