"""Collect every external URL that editors wrote, with the file and line it is on.

Two kinds of source: YAML records (any string value that is an http(s) URL:
sources, urls, milestone sources...) and Markdown pages (module lessons and
hand-written pages under docs/, never the generated folders, whose URLs come
from the YAML and are reported there). The checker (linkcheck.py) checks each
URL once and reports it at every place it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from gyeonggi_kb.data.load import DATA_FOLDERS
from gyeonggi_kb.data.yamlsource import Mapping, Sequence, parse_yaml, read_source
from gyeonggi_kb.write import OWNED_FOLDERS

PAGE_FOLDERS = ("curriculum/lessons", "docs")
# A URL ends at whitespace, a quote, angle brackets or a Markdown link's closing parenthesis.
URL = re.compile(r"https?://[^\s<>\"'`\]]+")
TRAILING = ".,;:!?*_"


@dataclass(frozen=True, order=True)
class Hyperlink:
    path: str  # repository-relative
    line: int
    url: str


def trim(url: str) -> str:
    """Cut at a ')' that closes Markdown rather than the URL, then drop punctuation that ends a sentence."""
    depth = 0
    for i, char in enumerate(url):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            url = url[:i]
            break
    return url.rstrip(TRAILING)


def urls_in_yaml(node, line: int) -> Iterator[tuple[int, str]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from urls_in_yaml(value, node.line_of(key))
    elif isinstance(node, Sequence):
        for i, value in enumerate(node):
            yield from urls_in_yaml(value, node.line_of(i))
    elif isinstance(node, str) and node.startswith(("http://", "https://")):
        yield line, node.strip()


def links_in_data(root: Path) -> Iterator[Hyperlink]:
    for folder in DATA_FOLDERS:
        for path in sorted((root / folder).rglob("*.y*ml")) if (root / folder).is_dir() else ():
            rel = path.relative_to(root).as_posix()
            text, _ = read_source(path, rel)
            if text is None:
                continue  # `make validate` reports unreadable files
            data, _ = parse_yaml(text, rel)
            for line, url in urls_in_yaml(data, 1):
                yield Hyperlink(rel, line, url)


def is_generated(root: Path, path: Path) -> bool:
    parts = path.relative_to(root).parts
    return len(parts) > 1 and parts[0] == "docs" and parts[1] in OWNED_FOLDERS


def links_in_pages(root: Path) -> Iterator[Hyperlink]:
    for folder in PAGE_FOLDERS:
        base = root / folder
        for path in sorted(base.rglob("*.md")) if base.is_dir() else ():
            if is_generated(root, path):
                continue
            rel = path.relative_to(root).as_posix()
            text, _ = read_source(path, rel)
            for number, line in enumerate((text or "").splitlines(), start=1):
                for match in URL.finditer(line):
                    url = trim(match.group(0))
                    if url.count("/") >= 2 and "." in url.split("/")[2]:
                        yield Hyperlink(rel, number, url)


def collect_links(root: Path) -> list[Hyperlink]:
    """Every external link in the data and the pages, sorted by place; one URL may appear many times."""
    return sorted(set(links_in_data(root)) | set(links_in_pages(root)))
