"""`make bench-serve`: how long an editor waits for a YAML edit to show in `make serve`.

Runs the real `mkdocs serve` (the command of `make serve`, on a free port) in a
temporary copy of the repository, edits a glossary term's English definition
several times, and times each edit until the served page shows it, with the
load average of the machine when the edit was made (wall time on a shared
machine measures the neighbours too). It also counts rebuilds per edit (the
target is one: no rebuild loop), reports how long MkDocs says each rebuild
took, and measures the CPU time of a warm full build in-process (what `make
build` costs after the first time), which, unlike wall time, does not depend
on what else this shared machine is running.

    python bench/serve_latency.py [--edits 5]
"""

from __future__ import annotations

import argparse
import logging
import os
import re
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


BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def edit_latencies(root: Path, edits: int) -> tuple[list[float], list[int], list[float], list[float]]:
    """(seconds from save to visible, rebuilds, seconds of each rebuild as MkDocs reports it, 1-minute load) per edit."""
    server = Server(root)
    try:
        wait_for(lambda: "Serving on" in server.log(), "the server to start", timeout=600)
        path = root / TERM
        original = path.read_text(encoding="utf-8")
        anchor = "  definition: >-\n"
        assert original.count(anchor) == 2, "expected the ko and en definitions as folded blocks"
        at = original.rindex(anchor) + len(anchor)
        latencies, builds, rebuilds, loads = [], [], [], []
        for i in range(edits):
            server.wait_until_quiet(1.0)
            before = server.log().count(BUILD_STARTED)
            loads.append(os.getloadavg()[0])
            marker = f"benchmark-edit-{i}"
            path.write_text(original[:at] + f"    {marker}\n" + original[at:], encoding="utf-8")
            started = time.monotonic()
            wait_for(lambda: server.page_has(PAGE, marker), "the edit to show", timeout=600)
            latencies.append(time.monotonic() - started)
            server.wait_until_quiet(2.0)
            builds.append(server.log().count(BUILD_STARTED) - before)
            rebuilds.append(float(BUILT_IN.findall(server.log())[-1]))
        return latencies, builds, rebuilds, loads
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
        latencies, builds, rebuilds, loads = edit_latencies(root, args.edits)
        cpu = warm_rebuild_cpu(root)
    print(f"edit -> visible (wall, s): {', '.join(f'{t:.2f}' for t in latencies)}; median {statistics.median(latencies):.2f}")
    print(f"load average (1 min) at each edit: {', '.join(f'{x:.1f}' for x in loads)} on {os.cpu_count()} cores")
    print(f"rebuilds per edit: {builds}; each rebuild (wall, s, as MkDocs reports it): {', '.join(f'{t:.2f}' for t in rebuilds)}")
    print(f"warm full build, as `make build` after the first (CPU, s): {', '.join(f'{t:.2f}' for t in cpu)}; median {statistics.median(cpu):.2f}")
    print("the watcher polls every 0.5 s and the page reloads after the rebuild: an edit shows after the rebuild plus up to ~0.6 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
