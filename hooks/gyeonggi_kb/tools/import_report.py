"""What `make import-glossary` prints: one line per row, the findings under it, a summary, the next step.

Every line about a row starts `FILE:ROW:`, the row as the spreadsheet numbers
it, so an editor (or an editor's tool) can jump to it. No I/O: `report_lines`
returns (stdout lines, stderr lines, exit status).
"""

from __future__ import annotations

from gyeonggi_kb.data.model import LANGS

from .glossary_import import ImportOptions, Outcome, column_name
from .term_matching import slug

FINDING_NAMES = {  # kind -> (line label, summary label)
    "disagreement": ("disagreement", "disagreements"),
    "duplicate": ("duplicate", "duplicates in the file"),
    "typo": ("probable typo", "probable typos"),
    "same-korean": ("same Korean", "Korean shared with another term"),
    "several": ("several terms in one cell", "several terms in one cell"),
    "id": ("id taken", "ids taken, numbered"),
    "match": ("also matches", "rows matching two terms"),
}


def row_text(r, plan) -> str:
    columns = plan.columns
    path = f"glossary/{r.term_id}.yml"
    fields = ", ".join(column_name(f, columns) for f in r.fields)
    if r.action == "new":
        rec = r.record
        missing = [lang for lang in LANGS if not rec[lang]["definition"]]
        text = f"new {rec['status']} '{r.term_id}' ({rec['en']['term']} / {rec['ko']['term']}) -> {path}"
        if rec["status"] != "candidate" or not missing:
            return text
        return text + ("; no definitions yet" if len(missing) == 2 else f"; no {missing[0]} definition yet")
    if r.action == "identical":
        return f"identical to existing term '{r.term_id}' ({path}){matched(r)}; nothing to do"
    if r.action == "change":
        return f"would change existing term '{r.term_id}' ({path}): {fields}"
    if r.action == "match":
        return (f"matches existing term '{r.term_id}' ({path}){matched(r)} but differs in {fields}; not changed, because a row without "
                f"an id never changes a term: edit {path} by hand to adopt anything from this row")
    if r.action == "duplicate":
        return f"duplicate of {r.note}; skipped"
    if r.action == "synonym":
        return f"adds {r.note} (new term '{r.term_id}')"
    return "conflict: not imported (the problem is listed at the end)"


def matched(r) -> str:
    """How a row without an id was matched, when it is not the very same spelling."""
    if not r.matched_as or (r.matched_as == r.note and r.term_id == slug(r.note)):
        return ""
    return f", matched by its English term '{r.matched_as}'"


def summary_lines(outcome: Outcome) -> list[str]:
    plan = outcome.plan
    table, columns = plan.table, plan.columns
    new = [r for r in plan.rows if r.action == "new"]
    candidates = sum(1 for r in new if r.record["status"] == "candidate")
    mapped = ", ".join(f"{theirs} -> {ours}" for ours, theirs in columns.fields.items() if theirs != ours)
    lines = [
        "",
        f"{plan.rel}: {len(plan.rows)} rows ({table.encoding}, {table.separator}-separated"
        + (f"; columns {mapped}" if mapped else "") + ")",
    ]
    if columns.left_out:
        lines.append(f"  columns not imported (not glossary.csv columns, not in MAP): {', '.join(columns.left_out)}")
    by_name = sum(1 for r in plan.rows if r.matched_as)
    counts = [
        ("new terms", f"{len(new)} ({candidates} candidates, {len(new) - candidates} drafts)"),
        ("Korean synonyms added to new terms", plan.count("synonym")),
        ("identical to existing terms", plan.count("identical")),
        ("would change existing terms", plan.count("change")),
        ("match existing terms, not changed", plan.count("match")),
        ("duplicates in the file, skipped", plan.count("duplicate")),
        ("conflicts", plan.count("conflict")),
    ]
    lines += [f"  {name:<36}{value}" for name, value in counts]
    rows_with = {kind: len({f.row for f in plan.findings if f.kind == kind}) for kind in FINDING_NAMES}
    lines.append("findings, in rows:")
    lines.append(f"  {'matches with existing terms':<36}{by_name}")
    lines += [f"  {FINDING_NAMES[k][1]:<36}{rows_with[k]}" for k in FINDING_NAMES if rows_with[k] or k not in ("id", "match")]
    return lines


def next_step(outcome: Outcome, options: ImportOptions) -> tuple[list[str], list[str], int]:
    plan = outcome.plan
    write, update = options.name("write"), options.name("update")
    changes = plan.changes
    if outcome.refused == "problems":
        n = len(plan.problems)
        return [], [f"{n} problem{'s' if n != 1 else ''} (listed above); nothing was written. Fix what they say and run again."], 1
    if outcome.refused == "update":
        return [], [
            f"{len(changes)} row{'s' if len(changes) != 1 else ''} would change existing terms (rows "
            + ", ".join(str(r.row) for r in changes) + "); nothing was written.",
            f"To change those terms, run again with {write} {update}; to keep them as they are, delete those rows from the file.",
        ], 1
    created = sum(1 for _, how in outcome.written if how == "created")
    if not options.write:
        to_do = [f"create {len(plan.files) - len(changes)} file(s)"] + ([f"update {len(changes)}"] if changes else [])
        if not plan.files:
            return ["trial run: nothing to write; the glossary already has everything in this file."], [], 0
        flags = write + (f" {update}" if changes else "")
        return [f"trial run: nothing was written. To {' and '.join(to_do)}, run again with {flags}."], [], 0
    out = [f"{how} {path}" for path, how in outcome.written]
    out.append(f"{created} file(s) created, {len(outcome.written) - created} updated; existing terms changed: {len(outcome.written) - created}.")
    if created:
        out.append("Next: `make validate`; candidates stay off the site until both definitions are written "
                   "and their status is draft (`make translation-status` lists them).")
    return out, [], 0


def report_lines(outcome: Outcome, options: ImportOptions) -> tuple[list[str], list[str], int]:
    """(lines for stdout, lines for stderr, exit status) of one run."""
    plan = outcome.plan
    if plan.table is None or plan.columns is None or not plan.rows and plan.problems:
        return [], [str(p) for p in plan.problems] + next_step(outcome, options)[1], 1
    out = []
    findings = {}
    for f in plan.findings:
        findings.setdefault(f.row, []).append(f)
    for r in plan.rows:
        out.append(f"{plan.rel}:{r.row}: {row_text(r, plan)}")
        out += [f"{plan.rel}:{r.row}:   {FINDING_NAMES[f.kind][0]}: {f.message}" for f in findings.get(r.row, [])]
    out += summary_lines(outcome)
    more_out, err, status = next_step(outcome, options)
    return out + more_out, [str(p) for p in sorted(set(plan.problems))] + err, status
