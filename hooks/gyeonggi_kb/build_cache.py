"""Results of earlier builds, kept on disk and found again by a digest of their inputs.

Most builds change little: `mkdocs serve` rebuilds after one edit, and a
second `make build` changes nothing. Some steps of the stages are pure
functions of their inputs: loading and rendering the data (generate),
linking glossary terms in each page and cutting search entries into
compound pieces (publish). `BuildCache.get_or_compute(table, parts, compute)`
is the one way to remember such a result: it digests `parts` (everything the
result is computed from) into the key, returns what an earlier build stored
under it, or calls `compute` and stores that. The functions it wraps know
nothing of the cache, so a hit gives exactly what computing it again would
give, and a build with a warm cache writes the same bytes as one without
(tests/test_reproducible.py builds twice and compares).

Every file is stamped with a digest of this package's source and the
versions of Python and PyYAML, and a file with another stamp is read as
empty: after an edit to the generator every result is computed again, never
taken stale. Keys therefore only cover the inputs.

A table keeps only the entries a build used: when the build saves, entries
of pages that are gone (or changed) are dropped, so the files hold one
build's worth. The files live in `.cache/gyeonggi_kb/` at the repository
root (git-ignored; `make clean` removes them). `KB_BUILD_CACHE=off` turns
the cache off, for the benchmark's cold builds.

A damaged or foreign file counts as empty: the cache can only ever save
time, never fail a build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path

import yaml

CACHE_DIR = Path(".cache") / "gyeonggi_kb"


def digest(*parts: str | bytes) -> str:
    """A digest of `parts`, each length-prefixed so that ('ab', 'c') and ('a', 'bc') differ."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of this package's source and of the interpreter and PyYAML it runs on."""
    package = Path(__file__).resolve().parent
    parts = [sys.version, yaml.__version__, str(getattr(yaml, "__with_libyaml__", False))]
    for path in sorted(package.rglob("*.py")):
        parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    return digest(*parts)


def enabled(environ=None) -> bool:
    return (os.environ if environ is None else environ).get("KB_BUILD_CACHE", "on").lower() not in ("off", "0", "no")


class Table:
    """One kind of result: key -> value, as read from disk, plus what this build used."""

    def __init__(self, path: Path | None):
        self.path = path
        self.stored = read_entries(path) if path else {}
        self.used: dict = {}

    def get(self, key: str):
        value = self.used.get(key)
        if value is None:
            value = self.stored.get(key)
            if value is not None:
                self.used[key] = value
        return value

    def put(self, key: str, value) -> None:
        self.used[key] = value

    def save(self) -> None:
        """Write the entries this build used, unless they are exactly what the file holds."""
        if self.path is None or self.used.keys() == self.stored.keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps({"version": code_version(), "entries": self.used}, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(self.path)  # atomic: a parallel build reads the old file or the new one
        self.stored = dict(self.used)


def read_entries(path: Path) -> dict:
    try:
        data = pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except Exception:  # a damaged, truncated or foreign file: rebuild it rather than fail
        return {}
    if not isinstance(data, dict) or data.get("version") != code_version():
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


class BuildCache:
    """The tables of one build, under `root`/.cache/gyeonggi_kb (or nowhere, when off: every call computes)."""

    def __init__(self, root: Path | None):
        self.dir = None if root is None else root / CACHE_DIR
        self.tables: dict[str, Table] = {}

    @property
    def enabled(self) -> bool:
        return self.dir is not None

    def table(self, name: str) -> Table:
        if name not in self.tables:
            self.tables[name] = Table(None if self.dir is None else self.dir / f"{name}.pickle")
        return self.tables[name]

    def get_or_compute(self, table: str, parts: tuple, compute, valid=None):
        """What `compute()` returns for the inputs `parts`, remembered in `table` across builds.

        `valid(value)`, when given, can refuse a stored value that no longer
        holds for reasons outside its inputs (generated files changed on disk).
        """
        if self.dir is None:
            return compute()
        store = self.table(table)
        key = digest(*parts)
        value = store.get(key)
        if value is None or (valid is not None and not valid(value)):
            value = compute()
            store.put(key, value)
        return value

    def save(self) -> None:
        for table in self.tables.values():
            table.save()


def build_cache(root: Path, environ=None) -> BuildCache:
    return BuildCache(root if enabled(environ) else None)


NO_CACHE = BuildCache(None)
