"""Markdown for the editors' translation status page, and the same list as terminal text. No I/O."""

from __future__ import annotations

from gyeonggi_kb import layout
from gyeonggi_kb.checks.translation import Coverage, Gap
from gyeonggi_kb.data.model import LANGS

from .labels import label
from .markdown import front_matter, table

FOLDER = "translation-status"


def gap_text(gap: Gap, lang: str) -> str:
    return label(f"gap_{gap.kind}", lang, subject=gap.subject)


def location(gap: Gap) -> str:
    return f"{gap.path}:{gap.line}" if gap.line else gap.path


def coverage_rows(rows: list[Coverage], lang: str) -> list[list[str]]:
    return [
        [label(f"collection_{c.collection}", lang), str(c.total),
         *(f"{c.percent(target)} % ({c.complete[target]}/{c.total})" for target in LANGS)]
        for c in rows if c.total
    ]


def render_status(gaps: list[Gap], rows: list[Coverage], lang: str) -> str:
    parts = [
        # An editors' work list: it names candidate terms, which readers must not find by searching.
        front_matter({"title": label("translation_status", lang), "autolink": False, "search": {"exclude": True}}),
        f"# {label('translation_status', lang)} {{#translation-status}}\n",
        label("translation_intro", lang) + "\n",
        f"## {label('coverage', lang)} {{#coverage}}\n",
        table(
            [label("coverage_collection", lang), label("coverage_items", lang),
             *(label("coverage_lang", lang, language=label(f"lang_name_{t}", lang)) for t in LANGS)],
            coverage_rows(rows, lang),
        ) + "\n",
    ]
    for target in ("en", "ko"):
        mine = [g for g in gaps if g.lang == target]
        parts.append(f"## {label('missing_in', lang, language=label(f'lang_name_{target}', lang))} {{#missing-{target}}}\n")
        if not mine:
            parts.append(label("missing_none", lang) + "\n")
            continue
        for collection in sorted({g.collection for g in mine}, key=[c.collection for c in rows].index):
            parts.append(f"### {label(f'collection_{collection}', lang)} {{#missing-{target}-{collection}}}\n")
            parts.append("\n".join(f"- `{location(g)}`: {gap_text(g, lang)}" for g in mine if g.collection == collection) + "\n")
    return "\n".join(parts)


def translation_pages(gaps: list[Gap], rows: list[Coverage]) -> dict:
    return {layout.source(f"{FOLDER}/index.md", lang): render_status(gaps, rows, lang) for lang in LANGS}


def render_terminal(gaps: list[Gap], rows: list[Coverage]) -> str:
    """`path:line: [lang] what` per gap, then the percentages: for `make translation-status`."""
    lines = [f"{location(g)}: [{g.lang}] {gap_text(g, 'en').replace('`', '')}" for g in gaps]
    lines.append("")
    width = max(len(label(f"collection_{c.collection}", "en")) for c in rows)
    for c in rows:
        if c.total:
            name = label(f"collection_{c.collection}", "en")
            lines.append(f"{name:<{width}}  ko {c.percent('ko'):>3} %  en {c.percent('en'):>3} %  ({c.total} items)")
    candidates = len({g.path for g in gaps if g.kind.startswith("candidate")})
    if candidates:
        lines.append(f"{'Candidate terms (not published)':<{width}}  {candidates}")
    lines.append(f"{len(gaps)} item{'s' if len(gaps) != 1 else ''} to translate or fill in")
    return "\n".join(lines)
