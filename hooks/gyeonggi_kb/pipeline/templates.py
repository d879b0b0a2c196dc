"""The theme's compiled templates, kept for the life of the process.

MkDocs makes a new Jinja environment for every build, and the i18n plugin
runs one build per language, so every template of the theme (about 85 for
Material) is parsed and compiled again each time: under `mkdocs serve`, the
largest single cost of a rebuild that changed a few pages. Jinja's bytecode
cache hands a new environment the compiled code instead; Jinja checks each
entry against its template's source, so an edited template is compiled again.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self):
        self.compiled: dict = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = MemoryBytecodeCache()
