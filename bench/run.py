"""`make bench`: how the build scales, and what the project's own work costs.

Everything runs on synthetic content (bench/synth.py) in temporary copies of
the repository, never in the working tree. One run measures:

1. build: for 100, 400 and 1,600 pages per language, the full build (with the
   project's hooks: generate, validate, publish) and a plain Material +
   static-i18n build of the same, pre-generated pages from a copy of
   mkdocs.yml without `hooks:` and with Material's search plugin, which our
   publish stage replaces (see plain_config). They alternate, run after run, so that load
   from other users of this shared machine hits all alike. Both find the
   generated pages of an earlier build in docs/, as `make build` does after
   the first time, and each its own last build in its own folder (ours in
   site/, the plain one in site-plain/: PLAIN_SITE). The full build is timed
   twice per round: with the build cache of the build before it (a repeat
   build: what `make build` and every `mkdocs serve` rebuild do after the
   first), and cold, with the cache
   removed (the first build after a change to the generator's code, which
   invalidates every cached result). At every size the full build is also
   timed from a fresh clone: a new folder with no cache and no generated
   pages (CI and the Pages deployment always build that way), against a
   plain build in a new folder of its own (see `clone`); and, for
   comparison, after removing the generated pages and the cache in place
   (a clean rebuild in a working copy).
1b. the same three sizes with Zensical (`make build BUILDER=zensical`: generate,
   `zensical-i18n build`, publish, in .venv-zensical) against a plain
   `zensical-i18n build` of the same pre-generated pages. Zensical keeps a
   cache of its own (in .zensical-i18n/), so: a repeat build (both caches
   warm) against a plain repeat build, a cold build (our cache removed, as
   after a change to the generator) against the same plain build, and a
   fresh clone (a new folder: no cache of either, no generated pages)
   against a plain build in a new folder (no Zensical cache). Skipped, with a note, when .venv-zensical
   is missing (`make test` or `make build BUILDER=zensical` creates it).
2. scaling: time(4N) / time(N) of the full build, from the same medians.
3. the glossary auto-linker's throughput at 100, 1,000 and 5,000 terms.
4. `make validate` (`python -m gyeonggi_kb validate`) at the largest size,
   1,000 modules and 5,000 terms: wall time and the child's peak memory.

Each figure is the median of several runs. Build figures are CPU time of the
build process (from after its imports to the end of the build): on a shared
2-core machine wall time mostly measures the neighbours, CPU time the build.
Wall times are recorded too. Compare ratios within one run: absolute times
move by ±10 % from one minute to the next. The full build's hooks are also
timed from inside (their own CPU share of that build), a second opinion on the
overhead that does not depend on two builds' noise. The table goes to stdout,
the figures to bench/results.json.

    python bench/run.py [--quick | --one-run] [--pages 100,400] [--zensical-pages 100,400] [--out bench/results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synth

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "hooks"))
from gyeonggi_kb.write import OWNED_FOLDERS  # noqa: E402  (the folders under docs/ the generator owns)
# What a build needs from the repository; the data folders are replaced by synthetic ones.
SITE_SOURCES = ("mkdocs.yml", "zensical.yml", "hooks", "overrides", "docs", "schemas")

BUILD_PAGES = (100, 400, 1600)  # per language
BUILD_RUNS = {100: 9, 400: 5, 1600: 3}  # small builds are short, so their noise is relatively large: more runs
FRESH_RUNS = {100: 3, 400: 2, 1600: 1}  # builds from a fresh clone, which also write every generated page
ZENSICAL_RUNS = {100: 3, 400: 2, 1600: 1}
ZENSICAL_PYTHON = REPO / ".venv-zensical" / "bin" / "python"
LARGEST = synth.Size("largest", modules=1000, terms=5000, references=500, sessions=100)
VALIDATE_RUNS = 5
LINKER_TERMS = (100, 1000, 5000)

LAST_CPU = [0.0]
# The plain build's own output folder. A plain site's builds follow one another in site/, and
# so do ours: sharing one folder, each build emptied the other's, which neither site ever
# does (and ours keeps its last search files across builds: publish/set_aside.py).
PLAIN_SITE = "site-plain"
CLONE_SUFFIX = "-clone-"  # fresh clones sit beside the repository copy: 400-lang-clone-00, ...
TARGETS = {
    "overhead": 0.10,  # the project's work adds at most 10 % to the plain build
    "scaling": 4.4,  # time(1,600) / time(400) pages per language
    "validate_seconds": 5.0,
    "validate_peak_mib": 2048.0,
}


def child_env(root: Path) -> dict:
    """The environment of a build: the Makefile's, on a machine that keeps Python's bytecode caches.

    This machine sets PYTHONDONTWRITEBYTECODE=1, so every build of ours compiled
    the package from source (0.12 s of CPU at each build), which a working copy
    does only after an edit. A fresh clone still compiles it, once: `clone`
    leaves `__pycache__` out, as git does.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **env, "PYTHONPATH": str(root / "hooks"), "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1762300800", "SITE_URL": "http://127.0.0.1:8000/", "KB_BUILD_CACHE": "on",
    }


def run_child(args: list, root: Path) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MiB, stdout) of one child process; its own ru_maxrss, via wait4.

    The child's CPU time (user + system) is left in LAST_CPU[0].
    """
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=root, env=child_env(root), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    LAST_CPU[0] = usage.ru_utime + usage.ru_stime
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, args))} failed in {root}:\n{out}\n{err}")
    return seconds, usage.ru_maxrss / 1024, out


def make_repo(parent: Path, size: synth.Size) -> Path:
    """A temporary copy of the repository with `size` synthetic records and no generated pages."""
    root = parent / size.name.replace("/", "-")
    root.mkdir()
    for name in SITE_SOURCES:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.exists():
            shutil.copy2(src, root / name)
    for folder in OWNED_FOLDERS:  # recaps included: the real ones name sessions the synthetic programme does not have
        shutil.rmtree(root / "docs" / folder, ignore_errors=True)
    synth.write_content(root, size)
    return root


def plain_config(root: Path) -> Path:
    """mkdocs.yml without its `hooks:` block and with Material's own search: the site as stock Material + static-i18n builds it.

    Our publish stage makes the search data instead of Material's search plugin, so the
    plain build gets the plugin back (as `mkdocs.yml` had it before: both languages, and
    static-i18n's reconfiguration of it off, which is quadratic): without it the plain
    build would skip work that every stock Material site does and our build replaces.
    Zensical writes its own search index in a plain build as in ours.
    """
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    plain, hooks = re.subn(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", text)
    plain, search = re.subn(r"(?m)^plugins:\n", "plugins:\n  - search:\n      lang: [en, ko]\n", plain)
    if hooks != 1 or search != 1:
        sys.exit("bench: could not find the `hooks:` and `plugins:` blocks in mkdocs.yml")
    path = root / "mkdocs.plain.yml"
    path.write_text(plain, encoding="utf-8")
    return path


def drop_cache(root: Path) -> None:
    """No build cache, as after a change to the generator's code (see hooks/gyeonggi_kb/build_cache.py)."""
    shutil.rmtree(root / ".cache", ignore_errors=True)


def make_fresh(root: Path) -> None:
    """A clean rebuild in the working copy: no generated pages and no build cache, so the build computes and writes everything."""
    drop_cache(root)
    for folder in OWNED_FOLDERS:
        shutil.rmtree(root / "docs" / folder, ignore_errors=True)


def clone(root: Path, generated: bool) -> Path:
    """A new folder beside `root` holding what a fresh clone of it holds: no site/ and no caches (Python's
    bytecode included), and the generated pages only when `generated` (a plain build needs them; ours writes them).

    A new folder, and not `root` emptied, because CI and the Pages deployment
    build in a new checkout. On this machine's file system the difference shows:
    creating a file in a folder whose files were just deleted can cost 20 times
    the kernel time it costs in a new one (README, Performance). The clones stay
    until the size is measured (`drop_clones`), so that no deletion comes
    between them and the next build.
    """
    target = root.parent / f"{root.name}{CLONE_SUFFIX}{len(clones_of(root)):02d}"
    left_out = {root: {"site", PLAIN_SITE, ".cache", ".zensical-i18n"}, root / "docs": set() if generated else set(OWNED_FOLDERS)}
    shutil.copytree(root, target, ignore=lambda folder, names: [n for n in names if n in left_out.get(Path(folder), ()) or n == "__pycache__"])
    return target


def clones_of(root: Path) -> list[Path]:
    return list(root.parent.glob(f"{root.name}{CLONE_SUFFIX}*"))


def drop_clones(root: Path) -> None:
    for folder in clones_of(root):
        shutil.rmtree(folder)


def zensical_once(root: Path, full: bool) -> dict:
    """CPU and wall seconds of one Zensical build: the three stages (`full`) or `zensical-i18n build` alone
    (into PLAIN_SITE, with plain_zensical_config).

    wait4 counts each child with the processes it waited for, so zensical-i18n's
    per-language Zensical processes are in its figure.
    """
    commands = [["-m", "zensical_i18n", "build", "--strict", "-f", "zensical.yml" if full else plain_zensical_config(root).name]]
    if full:
        commands = [["-m", "gyeonggi_kb", "generate", "site"], *commands, ["-m", "gyeonggi_kb", "publish", "site"]]
    seconds = cpu = 0.0
    for command in commands:
        wall, _, _ = run_child([str(ZENSICAL_PYTHON), *command], root)
        seconds, cpu = seconds + wall, cpu + LAST_CPU[0]
    return {"seconds": seconds, "cpu_seconds": cpu}


def plain_zensical_config(root: Path) -> Path:
    """zensical.yml with the plain build's own output folder."""
    path = root / "zensical.plain.yml"
    path.write_text(f"INHERIT: zensical.yml\nsite_dir: {PLAIN_SITE}\n", encoding="utf-8")
    return path


def measure_zensical(work: Path, pages: int, runs: int) -> dict:
    root = make_repo(work, synth.size_for_pages(pages))
    zensical_once(root, full=True)  # generates the pages the plain build needs, and warms both caches
    full_runs, plain_runs, cold_runs, fresh_runs, plain_fresh_runs = [], [], [], [], []
    for _ in range(runs):  # alternate, as measure_builds does
        full_runs.append(zensical_once(root, full=True))
        plain_runs.append(zensical_once(root, full=False))
        drop_cache(root)
        cold_runs.append(zensical_once(root, full=True))
        plain_fresh_runs.append(zensical_once(clone(root, generated=True), full=False))
        fresh_runs.append(zensical_once(clone(root, generated=False), full=True))
    html_pages = sum(1 for _ in (root / "site").rglob("index.html"))
    drop_clones(root)
    shutil.rmtree(root)
    plain, plain_fresh = median_of(plain_runs, "cpu_seconds"), median_of(plain_fresh_runs, "cpu_seconds")
    full, cold, fresh = (median_of(r, "cpu_seconds") for r in (full_runs, cold_runs, fresh_runs))
    return {
        "pages_per_language": pages, "html_pages": html_pages, "runs": runs,
        "full_cpu_seconds": full, "plain_cpu_seconds": plain, "overhead": full / plain - 1,
        "cold_cpu_seconds": cold, "cold_overhead": cold / plain - 1,
        "fresh_cpu_seconds": fresh, "plain_fresh_cpu_seconds": plain_fresh, "fresh_overhead": fresh / plain_fresh - 1,
        "full_wall_seconds": median_of(full_runs, "seconds"), "plain_wall_seconds": median_of(plain_runs, "seconds"),
        "full_runs": full_runs, "plain_runs": plain_runs, "cold_runs": cold_runs, "fresh_runs": fresh_runs, "plain_fresh_runs": plain_fresh_runs,
    }


def zensical_table(results: list) -> list[str]:
    rows = []
    for z in results:
        n = f"{z['pages_per_language']:,}"
        rows.append(
            f"| Zensical build, {n} pages/language ({z['html_pages']:,} HTML pages), median of {z['runs']} | "
            f"repeat: full {z['full_cpu_seconds']:.1f} s, plain {z['plain_cpu_seconds']:.1f} s CPU: **{z['overhead']:+.1%}**; "
            f"cold cache: {z['cold_cpu_seconds']:.1f} s, **{z['cold_overhead']:+.1%}** | ≤ {TARGETS['overhead']:.0%} | "
            f"{'yes' if max(z['overhead'], z['cold_overhead']) <= TARGETS['overhead'] else 'NO'} |"
        )
        rows.append(
            f"| Zensical build from a fresh clone (a new folder: no caches), {n} pages/language | full {z['fresh_cpu_seconds']:.1f} s, "
            f"plain in a new folder {z['plain_fresh_cpu_seconds']:.1f} s CPU: **{z['fresh_overhead']:+.1%}** | ≤ {TARGETS['overhead']:.0%} | "
            f"{'yes' if z['fresh_overhead'] <= TARGETS['overhead'] else 'NO'} |"
        )
    return rows


def build_once(root: Path, config: str, site: str = "site") -> dict:
    """Figures of one build in a fresh interpreter: seconds, cpu_seconds, hooks_cpu_seconds, peak_mib."""
    _, peak, out = run_child([sys.executable, str(BENCH / "build_once.py"), config, str(root / site)], root)
    return {**json.loads(out.strip().splitlines()[-1]), "peak_mib": peak}


def median_of(runs: list, key: str) -> float:
    return statistics.median(r[key] for r in runs)


def measure_builds(work: Path, pages: int, runs: int, fresh: int = 0) -> dict:
    size = synth.size_for_pages(pages)
    root = make_repo(work, size)
    plain = plain_config(root)
    full_runs, plain_runs, cold_runs, fresh_runs = [], [], [], []
    build_once(root, "mkdocs.yml")  # generates the pages the plain build needs
    for _ in range(runs):  # alternate, so that a busy minute on the machine hits all alike
        full_runs.append(build_once(root, "mkdocs.yml"))
        plain_runs.append(build_once(root, plain.name, PLAIN_SITE))
        drop_cache(root)
        cold_runs.append(build_once(root, "mkdocs.yml"))  # and leaves a cache for the next round
    plain_fresh_runs, in_place_runs = [], []
    for _ in range(fresh):
        plain_fresh_runs.append(build_once(clone(root, generated=True), plain.name, PLAIN_SITE))
        fresh_runs.append(build_once(clone(root, generated=False), "mkdocs.yml"))
        make_fresh(root)
        in_place_runs.append(build_once(root, "mkdocs.yml"))
    html_pages = sum(1 for _ in (root / "site").rglob("index.html"))
    drop_clones(root)
    shutil.rmtree(root)
    full, plain_cpu = median_of(full_runs, "cpu_seconds"), median_of(plain_runs, "cpu_seconds")
    hooks = median_of(full_runs, "hooks_cpu_seconds")
    cold, cold_hooks = median_of(cold_runs, "cpu_seconds"), median_of(cold_runs, "hooks_cpu_seconds")
    if fresh_runs:
        fresh_cpu, plain_fresh = median_of(fresh_runs, "cpu_seconds"), median_of(plain_fresh_runs, "cpu_seconds")
        in_place = median_of(in_place_runs, "cpu_seconds")
        extra = {
            "fresh_cpu_seconds": fresh_cpu, "plain_fresh_cpu_seconds": plain_fresh, "fresh_overhead": fresh_cpu / plain_fresh - 1,
            "fresh_runs": fresh_runs, "plain_fresh_runs": plain_fresh_runs,
            "in_place_cpu_seconds": in_place, "in_place_overhead": in_place / plain_cpu - 1, "in_place_runs": in_place_runs,
        }
    else:
        extra = {}
    return {**extra, 
        "pages_per_language": pages, "records": size.__dict__, "html_pages": html_pages, "runs": runs,
        "full_cpu_seconds": full, "plain_cpu_seconds": plain_cpu, "overhead": full / plain_cpu - 1,
        "hooks_cpu_seconds": hooks, "hooks_share": hooks / (full - hooks),
        "cold_cpu_seconds": cold, "cold_overhead": cold / plain_cpu - 1, "cold_hooks_cpu_seconds": cold_hooks,
        "cold_hooks_share": cold_hooks / (cold - cold_hooks), "cold_runs": cold_runs,
        "full_wall_seconds": median_of(full_runs, "seconds"), "plain_wall_seconds": median_of(plain_runs, "seconds"),
        "wall_overhead": median_of(full_runs, "seconds") / median_of(plain_runs, "seconds") - 1,
        "full_peak_mib": max(r["peak_mib"] for r in full_runs), "full_runs": full_runs, "plain_runs": plain_runs,
    }


def measure_validate(work: Path) -> dict:
    root = make_repo(work, LARGEST)
    times, cpus, peaks = [], [], []
    for _ in range(VALIDATE_RUNS):
        seconds, peak, out = run_child([sys.executable, "-m", "gyeonggi_kb", "validate"], root)
        times.append(seconds)
        cpus.append(LAST_CPU[0])
        peaks.append(peak)
    shutil.rmtree(root)
    return {
        "records": LARGEST.__dict__, "summary": out.strip(), "runs": VALIDATE_RUNS, "seconds": statistics.median(times),
        "cpu_seconds": statistics.median(cpus), "peak_mib": max(peaks), "all_seconds": times,
    }


def measure_linker() -> dict:
    """Auto-linker throughput at 100, 1,000 and 5,000 terms.

    HOOK POINT (issue 4): the glossary engineer owns the linker and its
    benchmark, bench/autolink_bench.py with `run(term_counts=...)`. This calls
    it when it is there and reports "pending" until it lands on main; it never
    times a linker of its own.
    """
    try:
        import autolink_bench
    except ImportError:
        return {"status": "pending: bench/autolink_bench.py (issue 4) is not on main yet", "terms": {}}
    figures = autolink_bench.run(term_counts=LINKER_TERMS)
    return {
        "status": "ok",
        "terms": {n: figures["by_term_count"][n] for n in LINKER_TERMS},
        "flat_ratio": figures.get("flat_ratio"), "linear_ratio": figures.get("linear_ratio"),
    }


def summary(b: dict) -> str:
    """One line of a size's overheads, printed as soon as it is measured (a long run may be cut short)."""
    fresh = f", fresh clone {b['fresh_overhead']:+.1%}" if "fresh_overhead" in b else ""
    return (f"{b['pages_per_language']} pages/language: plain {b['plain_cpu_seconds']:.1f} s CPU, "
            f"repeat {b['overhead']:+.1%}, cold cache {b['cold_overhead']:+.1%}{fresh}")


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def table(results: dict) -> str:
    rows = ["| measure | figure | target | met |", "|---|---|---|---|"]
    t = TARGETS
    for b in results["builds"]:
        rows.append(
            f"| build, {b['pages_per_language']:,} pages/language ({b['html_pages']:,} HTML pages), median of {b['runs']} | "
            f"full {b['full_cpu_seconds']:.1f} s, plain {b['plain_cpu_seconds']:.1f} s CPU: **{b['overhead']:+.1%}** "
            f"(hooks' own share {b['hooks_share']:.1%}; wall {b['full_wall_seconds']:.1f} s vs {b['plain_wall_seconds']:.1f} s) | "
            f"≤ {t['overhead']:.0%} | {'yes' if b['overhead'] <= t['overhead'] else 'NO'} |"
        )
        rows.append(
            f"| same, cold build cache (first build after a change to the generator), {b['pages_per_language']:,} pages/language | "
            f"full {b['cold_cpu_seconds']:.1f} s CPU: **{b['cold_overhead']:+.1%}** (hooks' own share {b['cold_hooks_share']:.1%}) | "
            f"≤ {t['overhead']:.0%} | {'yes' if b['cold_overhead'] <= t['overhead'] else 'NO'} |"
        )
        if "fresh_cpu_seconds" in b:
            rows.append(
                f"| build from a fresh clone (a new folder: no cache, writes every generated page), {b['pages_per_language']:,} pages/language | "
                f"full {b['fresh_cpu_seconds']:.1f} s, plain in a new folder {b['plain_fresh_cpu_seconds']:.1f} s CPU: **{b['fresh_overhead']:+.1%}** | "
                f"≤ {t['overhead']:.0%} | {'yes' if b['fresh_overhead'] <= t['overhead'] else 'NO'} |"
            )
            rows.append(
                f"| same state made in place (generated pages and cache removed from the working copy), {b['pages_per_language']:,} pages/language | "
                f"full {b['in_place_cpu_seconds']:.1f} s CPU: {b['in_place_overhead']:+.1%} over the plain repeat build | | |"
            )
    if results.get("zensical"):
        rows += zensical_table(results["zensical"])
    elif ZENSICAL_PYTHON.exists():
        rows.append("| Zensical builds | not run: no size asked for (`--zensical-pages`) | | |")
    else:
        rows.append(f"| Zensical builds | skipped: {ZENSICAL_PYTHON.relative_to(REPO)} is missing (`make build BUILDER=zensical` creates it) | | |")
    for s in results["scaling"]:
        last = s["to"] == BUILD_PAGES[-1]
        met = ("yes" if s["full"] <= t["scaling"] else "NO") if last else ""
        rows.append(
            f"| scaling {s['from']:,} → {s['to']:,} pages/language, time(4N)/time(N) | full **{s['full']:.2f}**, cold cache {s['cold']:.2f}, plain {s['plain']:.2f} (CPU) | "
            f"{'≤ ' + str(t['scaling']) if last else ''} | {met} |"
        )
    linker = results["linker"]
    if linker["terms"]:
        for n, f in linker["terms"].items():
            rows.append(f"| auto-linker, {int(n):,} terms ({f['labels']:,} labels) | {f['chars_per_s'] / 1e6:.2f} M characters/s ({f['text_chars']:,} characters in {f['link_ms']:.0f} ms) | flat in the term count | |")
        rows.append(f"| auto-linker, slowest/fastest over the term counts | {linker['flat_ratio']} | ≈ 1 | |")
    else:
        rows.append(f"| auto-linker, {', '.join(f'{n:,}' for n in LINKER_TERMS)} terms | {linker['status']} | flat in the term count | |")
    v = results["validate"]
    r = v["records"]
    rows.append(
        f"| `make validate`, {r['modules']:,} modules, {r['terms']:,} terms, {r['references']:,} references, median of {v['runs']} | "
        f"**{v['seconds']:.2f} s** wall ({v['cpu_seconds']:.2f} s CPU) | < {t['validate_seconds']:.0f} s | {'yes' if v['seconds'] < t['validate_seconds'] else 'NO'} |"
    )
    rows.append(f"| `make validate`, peak memory (ru_maxrss) | **{v['peak_mib']:.0f} MiB** | < 2 GiB | {'yes' if v['peak_mib'] < t['validate_peak_mib'] else 'NO'} |")
    return "\n".join(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    parser.add_argument("--quick", action="store_true", help="one run per size, 100 and 400 pages only (a smoke test, not figures)")
    parser.add_argument("--one-run", action="store_true", help="one run of each build at every size (figures, noisier; for a very busy machine)")
    parser.add_argument("--pages", default=",".join(map(str, BUILD_PAGES)), help="the sizes to build with MkDocs (default: all)")
    parser.add_argument("--zensical-pages", default=",".join(map(str, BUILD_PAGES)), help="the sizes to build with Zensical (default: all)")
    args = parser.parse_args(argv)
    pages = BUILD_PAGES[:2] if args.quick else tuple(n for n in BUILD_PAGES if str(n) in args.pages.split(","))
    one = args.quick or args.one_run
    zensical_pages = [n for n in pages if str(n) in args.zensical_pages.split(",")]
    started = time.perf_counter()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        work = Path(tmp)
        builds = []
        for n in pages:
            print(f"bench: building {n} pages per language ...", file=sys.stderr, flush=True)
            builds.append(measure_builds(work, n, 1 if one else BUILD_RUNS[n], 0 if args.quick else 1 if one else FRESH_RUNS[n]))
            print(f"bench: {summary(builds[-1])}; load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
        zensical = []
        for n in zensical_pages if ZENSICAL_PYTHON.exists() else ():
            print(f"bench: building {n} pages per language with Zensical ...", file=sys.stderr, flush=True)
            zensical.append(measure_zensical(work, n, 1 if one else ZENSICAL_RUNS[n]))
            print(f"bench: Zensical {summary(zensical[-1])}; load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
        print("bench: validating the largest size ...", file=sys.stderr, flush=True)
        validate = measure_validate(work)
    print("bench: auto-linker ...", file=sys.stderr, flush=True)
    linker = measure_linker()
    scaling = [
        {"from": a["pages_per_language"], "to": b["pages_per_language"],
         "full": ratio(b["full_cpu_seconds"], a["full_cpu_seconds"]), "plain": ratio(b["plain_cpu_seconds"], a["plain_cpu_seconds"]),
         "cold": ratio(b["cold_cpu_seconds"], a["cold_cpu_seconds"]),
         "full_wall": ratio(b["full_wall_seconds"], a["full_wall_seconds"])}
        for a, b in zip(builds, builds[1:])
    ]
    results = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_before": load_before, "load_after": os.getloadavg()},
        "targets": TARGETS, "builds": builds, "zensical": zensical, "scaling": scaling, "linker": linker, "validate": validate,
        "bench_seconds": time.perf_counter() - started,
    }
    print(table(results))
    print(f"\n{os.cpu_count()} CPUs, load average {load_before[0]:.2f} before and {results['machine']['load_after'][0]:.2f} after; bench took {results['bench_seconds']:.0f} s")
    if not args.quick:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"figures written to {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
