"""One MkDocs build in a fresh interpreter; prints its figures as JSON on the last line.

Run as a child process by bench/run.py so that every build starts cold, as
`make build` does, and so that ru_maxrss is this build's own peak. The clock
starts after the imports: interpreter start-up is a constant that would
flatter the scaling ratios.

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


def main(config_file: str, site_dir: str) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    start = time.perf_counter()
    config = load_config(config_file=config_file, site_dir=site_dir, strict=True)
    build(config)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024}))


if __name__ == "__main__":
    main(*sys.argv[1:])
