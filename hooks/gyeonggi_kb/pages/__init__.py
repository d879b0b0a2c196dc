"""Stage 1c, pages: the generated pages as Markdown strings, pictures included.

One module per kind of page (`curriculum`, `glossary`, `references`,
`recaps`, `timeline`, `translation_status`) built from the records with the
shared pieces: `markdown` (escaping, links, front matter), `labels` (every
word the pages say, in both languages), `backlinks` (who lists whom),
`programme_state` (the tense of the programme), `jsonld`, `collation`
(Korean alphabetical order), `definitions`, and the SVG pictures (`svg*`).
Pure functions: no file is read or written here.

May import: `data`, `checks`, and the foundation.
"""
