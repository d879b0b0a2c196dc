"""The glossary as published: index order and jump bars, term pages, auto-links and exports in the real build."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO, copy_tree
from gyeonggi_kb.pages.collation import JUMP_CONSONANTS, first_letter, initial_consonant, sort_key
from gyeonggi_kb.tools.glossary_import import ImportOptions, import_glossary

TERM_IDS = sorted(p.stem for p in (REPO / "glossary").glob("*.yml"))


def article(site_dir: Path, url: str) -> str:
    text = (site_dir / url / "index.html").read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def index_sections(site_dir: Path, url: str) -> list[tuple[str, str, list[str]]]:
    """(heading id, heading letter, [term labels in page order]) for each letter section."""
    sections = []
    for match in re.finditer(r'<h2 id="([^"]+)">([^<]+)<a class="headerlink".*?</h2>\s*<ul>(.*?)</ul>', article(site_dir, url), re.S):
        labels = re.findall(r'<li><a href="[^"]+/">([^<]+)</a>', match.group(3))
        sections.append((match.group(1), match.group(2), labels))
    return sections


@pytest.mark.parametrize("syllable, consonant", [("가", "ㄱ"), ("까", "ㄱ"), ("힣", "ㅎ"), ("쌀", "ㅅ"), ("뜻", "ㄷ"), ("빵", "ㅂ"), ("짜", "ㅈ"), ("A", None)])
def test_double_consonants_file_under_their_plain_consonant(syllable, consonant):
    assert initial_consonant(syllable) == consonant


def test_korean_order_is_gana_da_then_latin_ignoring_spaces():
    words = ["AI 에이전트", "하이", "가나", "까치", "나무", "개인정보 보호법", "개인정보", "Zebra", "가 나다", "AI-based", "AI agent"]
    assert sorted(words, key=sort_key) == [
        "가나", "가 나다", "개인정보", "개인정보 보호법", "까치", "나무", "하이", "AI agent", "AI-based", "AI 에이전트", "Zebra",
    ]
    assert [first_letter(w) for w in ("까치", "AI 에이전트", "éclair", "5G")] == ["ㄱ", "A", "E", "#"]




@pytest.mark.build
def test_at_least_120_terms_are_published_in_both_languages(site_dir):
    assert len(TERM_IDS) >= 120
    for term_id in TERM_IDS:
        for prefix in ("", "en/"):
            page = article(site_dir, f"{prefix}glossary/{term_id}")
            assert 'id="definition"' in page and 'class="kb-other-language"' in page, term_id


@pytest.mark.build
def test_korean_index_is_in_gana_da_order_under_a_consonant_jump_bar(site_dir):
    sections = index_sections(site_dir, "glossary")
    letters = [letter for _, letter, _ in sections]
    korean = [l for l in letters if l in JUMP_CONSONANTS]
    assert korean == sorted(korean, key=JUMP_CONSONANTS.index) and len(korean) >= 10
    assert letters == korean + sorted(l for l in letters if l not in JUMP_CONSONANTS)  # Latin letters after ㅎ
    everything = [label for _, _, labels in sections for label in labels]
    assert everything == sorted(everything, key=sort_key) and len(everything) == len(TERM_IDS)
    for _, letter, labels in sections:
        assert all(first_letter(label) == letter for label in labels), letter
    jump = re.search(r'<nav class="kb-jump" aria-label="초성으로 바로 가기".*?</nav>', article(site_dir, "glossary"), re.S).group(0)
    assert re.findall(r">([^<\s])</(?:a|span)>", jump)[:14] == list(JUMP_CONSONANTS)
    targets = re.findall(r'<a href="#([^"]+)">', jump)
    assert targets == [anchor for anchor, _, _ in sections]


@pytest.mark.build
def test_english_index_is_a_to_z(site_dir):
    sections = index_sections(site_dir, "en/glossary")
    letters = [letter for _, letter, _ in sections]
    assert letters == sorted(letters) and all(re.fullmatch("[A-Z]", l) for l in letters)
    everything = [label for _, _, labels in sections for label in labels]
    letter_by_letter = sorted(everything, key=lambda s: (re.sub(r"[^0-9a-z]", "", s.casefold()), s.casefold()))
    assert everything == letter_by_letter and len(everything) == len(TERM_IDS)


@pytest.mark.build
@pytest.mark.parametrize("url, lang", [("glossary", "ko"), ("en/glossary", "en")])
def test_index_carries_a_json_ld_defined_term_set(site_dir, url, lang):
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', article(site_dir, url), re.S).group(1)
    data = json.loads(script)
    assert data["@type"] == "DefinedTermSet" and data["inLanguage"] == lang
    assert len(data["hasDefinedTerm"]) == len(TERM_IDS)
    assert all(t["@type"] == "DefinedTerm" and t["name"] and t["url"] == t["@id"].removesuffix("#term") for t in data["hasDefinedTerm"])


@pytest.mark.build
@pytest.mark.parametrize("url, lang", [("glossary/high-impact-ai", "ko"), ("en/glossary/high-impact-ai", "en")])
def test_term_page_carries_its_json_ld_defined_term_in_the_index_set(site_dir, url, lang):
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', article(site_dir, url), re.S).group(1)
    data = json.loads(script)
    assert data["@type"] == "DefinedTerm" and data["@id"] == "./#term" and data["inLanguage"] == lang
    assert data["termCode"] == "high-impact-ai" and data["name"] and data["description"]
    assert data["inDefinedTermSet"] == "../#glossary"  # the index's DefinedTermSet


@pytest.mark.build
def test_term_page_shows_both_languages_sources_and_back_links(site_dir):
    page = article(site_dir, "glossary/high-impact-ai")
    assert '<span lang="en">high-impact AI</span>' in page
    assert '<div class="kb-other-language" lang="en">' in page
    assert "제2조제4호" in page and "law.go.kr" in page and "법과 제도" in page
    used_in = page[page.index('id="used-in"'):page.index('id="sources"')]
    assert re.search(r'href="\.\./\.\./(modules|references)/[a-z0-9-]+/"', used_in)
    assert 'class="kb-term" href="../high-impact-ai/"' not in page  # never linked on its own page


@pytest.mark.build
def test_auto_links_stay_out_of_headings_code_and_links(site_dir):
    linked_pages = 0
    for path in site_dir.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        if 'class="kb-term"' not in text:
            continue
        linked_pages += 1
        for tag in ("h1", "h2", "h3", "h4", "code", "pre"):
            for inner in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", text, re.S):
                assert 'class="kb-term"' not in inner, f"{path}: link inside <{tag}>"
        assert not re.search(r'<a\b[^>]*>[^<]*<a class="kb-term"', text), path
    assert linked_pages > 20
    assert 'class="kb-term"' not in (site_dir / "glossary/index.html").read_text(encoding="utf-8")  # the index opts out


@pytest.mark.build
def test_english_terms_in_korean_pages_carry_lang_en(site_dir):
    found = set()
    for path in site_dir.glob("modules/*/index.html"):
        found.update(re.findall(r'<a class="kb-term" [^>]*lang="en">([^<]+)</a>', path.read_text(encoding="utf-8")))
    assert found and all(re.fullmatch(r"[A-Za-z0-9 &;.-]+", word) for word in found)


@pytest.mark.build
def test_published_exports_parse(site_dir, tmp_path):
    schema = json.loads((site_dir / "schemas/glossary.schema.json").read_text(encoding="utf-8"))
    data = json.loads((site_dir / "glossary.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert [t["id"] for t in data["terms"]] == TERM_IDS
    root = ET.parse(site_dir / "glossary.tbx").getroot()
    assert root.tag == "martif" and len(root.findall("text/body/termEntry")) == len(TERM_IDS)
    raw = (site_dir / "glossary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    repo = copy_tree(tmp_path / "repo", {"glossary/generative-ai.yml": None})
    (repo / "glossary.csv").write_bytes(raw)
    outcome = import_glossary(repo / "glossary.csv", repo, ImportOptions(write=True))
    assert outcome.plan.problems == [] and len(outcome.written) == len(TERM_IDS)
    from gyeonggi_kb import load_site
    from gyeonggi_kb.publish.glossary_export import render_csv
    assert render_csv(load_site(repo).terms.values()).encode("utf-8") == raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(TERM_IDS)


@pytest.mark.build
def test_used_in_also_lists_every_page_whose_text_mentions_the_term(site_dir):
    """Each 'mentioned in' link leads to a page where the auto-linker linked this term, and the reverse."""
    mentions_found = 0
    for prefix in ("", "en/"):
        for term_id in TERM_IDS:
            page = article(site_dir, f"{prefix}glossary/{term_id}")
            used_in = re.search(r'<div class="kb-used-in">(.*?)</div>', page, re.S).group(1)
            listed = re.findall(r'href="\.\./\.\./([^"]+)"', used_in)
            for target in re.findall(r'<li><a href="\.\./\.\./([^"]+)"', used_in.split('class="kb-mentions"')[-1]) if "kb-mentions" in used_in else []:
                mentions_found += 1
                assert re.search(rf'class="kb-term" href="(\.\./)+glossary/{term_id}/"', article(site_dir, f"{prefix}{target}".rstrip("/"))), target
            assert len(listed) == len(set(listed)), f"{term_id}: a page is listed twice"
        for module in (site_dir / prefix / "modules").glob("*/index.html"):
            for term_id in re.findall(r'class="kb-term" href="\.\./\.\./glossary/([^/]+)/"', module.read_text(encoding="utf-8")):
                assert f'href="../../modules/{module.parent.name}/"' in article(site_dir, f"{prefix}glossary/{term_id}"), (module, term_id)
    assert mentions_found > 50
