"""A real strict MkDocs build of the real content, checked in the built HTML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.build


def html(site_dir: Path, url: str) -> str:
    return (site_dir / url.strip("/") / "index.html").read_text(encoding="utf-8")


def ids_in(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yml"))


MODULES = ids_in(REPO / "curriculum/modules")
SESSIONS = ids_in(REPO / "curriculum/sessions")


def test_programme_sessions_and_modules_exist_in_both_languages(site_dir):
    assert len(SESSIONS) == 8 and len(MODULES) >= 9
    pages = ["curriculum", "modules", *(f"sessions/{s}" for s in SESSIONS), *(f"modules/{m}" for m in MODULES)]
    for page in pages:
        assert '<html lang="ko"' in html(site_dir, page)
        assert '<html lang="en"' in html(site_dir, "en/" + page)


def test_schedule_links_every_session_and_says_what_is_unknown(site_dir):
    # The real site is built at its last commit's date, after the programme ended (19 December 2025):
    # what was never published reads "not published", no longer "not yet announced".
    for prefix, unknown in (("", "공개되지 않음"), ("en/", "Not published")):
        page = html(site_dir, prefix + "curriculum")
        for s in SESSIONS:
            assert f'href="../sessions/{s}/"' in page
        assert unknown in page


def test_module_and_glossary_link_both_ways(site_dir):
    import yaml
    for module_id in MODULES:
        data = yaml.safe_load((REPO / f"curriculum/modules/{module_id}.yml").read_text())
        for lang in ("", "en/"):
            module_page = html(site_dir, f"{lang}modules/{module_id}")
            for term in data["terms"]:
                assert f'href="../../glossary/{term}/"' in module_page
                assert f'href="../../modules/{module_id}/"' in html(site_dir, f"{lang}glossary/{term}")
            for ref in data["references"]:
                assert f'href="../../references/{ref}/"' in module_page
                assert f'href="../../modules/{module_id}/"' in html(site_dir, f"{lang}references/{ref}")


def test_sessions_link_modules_and_modules_link_sessions(site_dir):
    import yaml
    for session_id in SESSIONS:
        data = yaml.safe_load((REPO / f"curriculum/sessions/{session_id}.yml").read_text())
        for lang in ("", "en/"):
            session = html(site_dir, f"{lang}sessions/{session_id}")
            for module_id in data["modules"]:
                assert f'href="../../modules/{module_id}/"' in session
                assert f'href="../../sessions/{session_id}/"' in html(site_dir, f"{lang}modules/{module_id}")
            if not data["modules"]:
                assert ("회차별 주제는 공개되지 않았습니다" if not lang else "were not published") in session  # built after the programme


def test_every_page_has_hreflang_alternates(site_dir):
    for page in ("", "curriculum", f"modules/{MODULES[0]}"):
        for prefix in ("", "en/"):
            text = html(site_dir, prefix + page)
            found = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', text))
            assert set(found) == {"ko", "en", "x-default"}, page
            assert found["en"].endswith(f"/en/{page}/".replace("//", "/"))
            assert found["x-default"] == found["ko"]


def test_language_switcher_points_to_the_same_page(site_dir):
    text = html(site_dir, f"modules/{MODULES[0]}")
    assert f'href="../../en/modules/{MODULES[0]}/" hreflang="en"' in text
    text = html(site_dir, f"en/modules/{MODULES[0]}")
    assert f'href="../../../modules/{MODULES[0]}/" hreflang="ko"' in text


def test_sitemap_lists_both_languages_with_alternates(site_dir):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    urls = {u.find("s:loc", ns).text: {a.get("hreflang") for a in u.findall("x:link", ns)} for u in root.findall("s:url", ns)}
    module_ko = f"http://127.0.0.1:8000/modules/{MODULES[0]}/"
    assert urls[module_ko] == {"ko", "en"}
    assert urls[module_ko.replace("8000/", "8000/en/")] == {"ko", "en"}
    assert not any("untranslated-example" in u and "/en/" in u for u in urls)  # a fallback is not a page of its own
    assert "lastmod" not in (site_dir / "sitemap.xml").read_text()


def test_untranslated_page_is_an_honest_fallback(site_dir):
    text = html(site_dir, "en/untranslated-example")
    assert '<link rel="canonical" href="http://127.0.0.1:8000/untranslated-example/">' in text
    assert "This page has not been translated into English yet" in text
    assert re.search(r'<div lang="ko">\s*<article', text) or '<div lang="ko">' in text
    assert 'hreflang="en"' not in re.search(r"<head>.*</head>", text, re.S).group(0)


def test_headings_have_the_same_anchors_in_both_languages(site_dir):
    for page in (f"modules/{MODULES[0]}", "curriculum", f"sessions/{SESSIONS[0]}"):
        ko = re.findall(r'<h[2-3] id="([^"]+)"', html(site_dir, page))
        en = re.findall(r'<h[2-3] id="([^"]+)"', html(site_dir, "en/" + page))
        assert ko == en and ko, page
        assert not any(re.fullmatch(r"_\d+", a) for a in ko)


def test_no_request_leaves_the_site(site_dir):
    offenders = []
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            if re.search(r'(?:src|href)="(?:https?:)?//', tag) and 'rel="canonical"' not in tag and 'rel="alternate"' not in tag:
                offenders.append(f"{path.relative_to(site_dir)}: {tag}")
    assert offenders == []


def test_build_writes_only_site_and_generated_folders(built_repo):
    from conftest import GENERATED, SITE_SOURCES
    top = sorted(p.name for p in built_repo.iterdir())
    assert top == sorted({*SITE_SOURCES, "site", ".cache"} & {*top})
    assert [p.name for p in (built_repo / ".cache").iterdir()] == ["gyeonggi_kb"]  # git-ignored; see build_cache.py
    docs = {p.name for p in (built_repo / "docs").iterdir()}
    repo_docs = {p.name for p in (REPO / "docs").iterdir()} - set(GENERATED)
    assert docs - repo_docs - set(GENERATED) == {"untranslated-example.ko.md"}
