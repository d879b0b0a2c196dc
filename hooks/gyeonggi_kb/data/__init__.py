"""Stage 1a, data: read the YAML collections and the lessons and recaps into records.

`load` reads every file (`yamlsource` keeps each value's line), checks each
record's shape against `shapes` (declared with `schema`), salvages what is
usable from a file with problems (`salvage`), and builds the records of
`model`. `placeholders` knows what a scaffold's "TODO" looks like; `dates`
turns SOURCE_DATE_EPOCH or the last commit into the build date.

May import: `gyeonggi_kb.problems`, `gyeonggi_kb.layout`. Nothing else of the package.
"""
