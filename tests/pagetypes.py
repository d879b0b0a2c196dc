"""Which kinds of page the built site has, found from the build itself.

Quality gates (axe, language switcher, zoom, print) must cover every kind of
page, including kinds added after the gates were written. A page's kind is its
URL with every segment that is a record id (module, session, term, reference,
recap) replaced by `*`: `modules/ai-basics/` and `modules/data-policy/` are one
kind, `references/timeline/` is a kind of its own. One representative per kind
is enough: the largest page of the kind, because it has the most markup.
"""

from __future__ import annotations

from pathlib import Path

from gyeonggi_kb import load_site

NOT_PAGES = ("assets", "search", "en")


def record_ids(repo: Path) -> set[str]:
    site = load_site(repo)
    recaps = {session for session, _lang in site.recaps}
    return set(site.modules) | set(site.sessions) | set(site.terms) | set(site.references) | recaps


def page_url(site_dir: Path, page: Path) -> str:
    rel = page.relative_to(site_dir).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def kind_of(url: str, ids: set[str]) -> str:
    segments = url.strip("/").split("/") if url.strip("/") else []
    return "/".join("*" if s in ids else s for s in segments) + ("/" if url.endswith("/") else "") or "/"


def page_kinds(site_dir: Path, repo: Path) -> dict[str, str]:
    """{kind: URL of its representative Korean page, relative to the site root}."""
    ids = record_ids(repo)
    groups: dict[str, list[tuple[int, str]]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        if page.relative_to(site_dir).parts[0] in NOT_PAGES:
            continue
        url = page_url(site_dir, page)
        groups.setdefault(kind_of(url, ids), []).append((-page.stat().st_size, url))
    return {kind: min(pages)[1] for kind, pages in sorted(groups.items())}


def both_languages(site_dir: Path, kinds: dict[str, str]) -> list[tuple[str, str]]:
    """[(test id, URL)] for each kind in Korean and, where it exists, in English."""
    out = []
    for kind, url in kinds.items():
        out.append((f"ko:{kind}", url))
        english = site_dir / "en" / url
        if (english / "index.html").is_file() or english.is_file():
            out.append((f"en:{kind}", "en/" + url))
    return out
