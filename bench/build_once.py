"""One MkDocs build in a fresh interpreter; prints its figures as JSON on the last line.

Run as a child process by bench/run.py so that every build starts cold, as
`make build` does, and so that ru_maxrss is this build's own peak. The clocks
start after the imports: interpreter start-up is a constant that would
flatter the scaling ratios. Both wall time and CPU time are reported; on a
shared machine CPU time is the steadier of the two, since it does not count
the time spent waiting for a core.

    python bench/build_once.py CONFIG_FILE SITE_DIR
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config


def time_hooks(config, spent: list) -> None:
    """Make every event of the project's hooks add its CPU time to spent[0].

    The difference of two builds carries the noise of both; the hooks' own
    share of one build is a steadier second opinion on the overhead.
    """

    def timed(method):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return method(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - start

        return run

    hook_files = {name for name in config.plugins if name.endswith(".py")}  # MkDocs names hooks by their path
    for methods in config.plugins.events.values():
        methods[:] = [timed(m) if getattr(m, "__module__", "") in hook_files else m for m in methods]


def main(config_file: str, site_dir: str) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    start, cpu_start = time.perf_counter(), time.process_time()
    config = load_config(config_file=config_file, site_dir=site_dir, strict=True)
    hooks_cpu = [0.0]
    time_hooks(config, hooks_cpu)
    build(config)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "hooks_cpu_seconds": hooks_cpu[0], "peak_mib": peak_kib / 1024}))


if __name__ == "__main__":
    main(*sys.argv[1:])
