"""Write generated pages into the folders the generator owns under docs/.

Files are written only when their bytes change, so `mkdocs serve` (which
watches docs/) sees no change after a regeneration that changed nothing and
does not rebuild in a loop. Files in an owned folder that the generator no
longer produces are removed. Nothing outside the owned folders is touched.
"""

from __future__ import annotations

from pathlib import Path

OWNED_FOLDERS = ("curriculum", "modules", "sessions", "glossary", "references", "translation-status")


def write_if_changed(target: Path, text: str | bytes) -> bool:
    """Write `text` (UTF-8 if a str) to `target` unless it already holds these bytes. Returns whether it wrote."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
        return False  # a different size is a different file: no need to read it
    if not target.parent.is_dir():  # a stat; mkdir(exist_ok=True) raises and catches for every page
        target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)  # atomic, so a watcher never reads a half-written page
    return True


def write_pages(docs_dir: Path, pages: dict, owned=OWNED_FOLDERS) -> dict:
    """Sync `pages` (docs-relative path -> text) to disk. Returns counts of what changed."""
    changed = {"written": 0, "removed": 0, "unchanged": 0}
    for rel, text in sorted(pages.items()):
        if rel.split("/", 1)[0] not in owned:
            raise ValueError(f"generator tried to write outside its folders: {rel}")
        if write_if_changed(docs_dir / rel, text):
            changed["written"] += 1
        else:
            changed["unchanged"] += 1
    for folder in owned:
        base = docs_dir / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*"), reverse=True):
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_file() and rel not in pages:
                path.unlink()
                changed["removed"] += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
