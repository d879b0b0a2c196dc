"""Running the stages around a builder: what a builder's adapter calls.

`run.BuildRun` is one build: generate before the builder, publish after it,
with the build cache between them. `preview` is the policy of `make serve`
(keep the last good data, tolerate placeholders and links, what a partial
rebuild must build again) and `overlay` shows its problems on the open page.
`templates` keeps compiled theme templates for a process, `config` reads
what the stages need from the builder's configuration file.

May import every stage (`generate`, `publish`, `checks`, ...). Never the
editors' tools, and never a builder: MkDocs is imported by `hooks/hooks.py` only.
"""
