"""`make bench-serve`: how long an editor waits for a YAML edit to show in `make serve`.

Runs the real `mkdocs serve` (the command of `make serve`, on a free port) in a
temporary copy of the repository, edits a glossary term's English definition
several times, and times each edit until the served page shows it. It also
counts rebuilds per edit (the target is one: no rebuild loop) and measures the
CPU time of a warm rebuild in-process, which, unlike wall time, does not
depend on what else this shared machine is running.

    python bench/serve_latency.py [--edits 5]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests")]

from conftest import copy_site_sources  # noqa: E402
from test_serve import BUILD_STARTED, Server, wait_for  # noqa: E402

TERM = "glossary/high-impact-ai.yml"
PAGE = "en/glossary/high-impact-ai/"


def edit_latencies(root: Path, edits: int) -> tuple[list[float], list[int]]:
    server = Server(root)
    try:
        wait_for(lambda: "Serving on" in server.log(), "the server to start", timeout=600)
        path = root / TERM
        original = path.read_text(encoding="utf-8")
        anchor = "  definition: >-\n"
        assert original.count(anchor) == 2, "expected the ko and en definitions as folded blocks"
        at = original.rindex(anchor) + len(anchor)
        latencies, builds = [], []
        for i in range(edits):
            server.wait_until_quiet(1.0)
            before = server.log().count(BUILD_STARTED)
            marker = f"benchmark-edit-{i}"
            path.write_text(original[:at] + f"    {marker}\n" + original[at:], encoding="utf-8")
            started = time.monotonic()
            wait_for(lambda: server.page_has(PAGE, marker), "the edit to show", timeout=600)
            latencies.append(time.monotonic() - started)
            server.wait_until_quiet(2.0)
            builds.append(server.log().count(BUILD_STARTED) - before)
        return latencies, builds
    finally:
        server.stop()


def warm_rebuild_cpu(root: Path, runs: int = 3) -> list[float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.disable(logging.INFO)
    times = []
    for i in range(runs + 1):
        config = load_config(str(root / "mkdocs.yml"), site_dir=tempfile.mkdtemp())
        started = time.process_time()
        build(config)
        if i:  # the first build pays for imports and caches, as `mkdocs serve` does once
            times.append(time.process_time() - started)
    logging.disable(logging.NOTSET)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_site_sources(Path(tmp) / "repo")
        latencies, builds = edit_latencies(root, args.edits)
        cpu = warm_rebuild_cpu(root)
    print(f"edit -> visible (wall, s): {', '.join(f'{t:.2f}' for t in latencies)}; median {statistics.median(latencies):.2f}")
    print(f"rebuilds per edit: {builds}")
    print(f"warm rebuild (CPU, s): {', '.join(f'{t:.2f}' for t in cpu)}; median {statistics.median(cpu):.2f}")
    print("the watcher polls every 0.5 s, so on an idle machine an edit shows after at most ~0.6 s plus one warm rebuild")
    return 0


if __name__ == "__main__":
    sys.exit(main())
