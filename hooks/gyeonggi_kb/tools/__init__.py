"""The editors' and maintainers' commands: never imported by a build.

`scaffold` (make new-term, new-recap, ...), `glossary_import` with its
helpers (`spreadsheet`, `column_map`, `term_matching`, `term_yaml`,
`import_report`), `editor_schemas` (make schemas), `linkcheck` and
`external_links` (make linkcheck-external).

May import every stage. Nothing in the build imports it (tests/test_architecture.py).
"""
