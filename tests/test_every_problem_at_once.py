"""One run reports every problem: a fixture with mistakes planted in every collection.

tests/fixtures/planted is laid over the minimal fixture. Its files have shape
problems next to misspelt ids (so a file with a shape problem must still get
its cross-reference checks), placeholders, and broken links and anchors in
lessons, recaps and hand-written pages. The first run must report all of
them, each at its line and of its kind; `make build` must stop on the same
list, worded the same way.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import REPO, copy_tree, run_python
from gyeonggi_kb import load_site

PLANTED = REPO / "tests" / "fixtures" / "planted"

EVERY_PROBLEM = [
    ("data", "curriculum/lessons/ai-basics.en.md:1: lesson is missing the section(s) '{#checklist}'; every lesson needs: why-it-matters, key-concepts, cases, rules, checklist, discussion, further-reading, sources"),
    ("link", "curriculum/lessons/ai-basics.en.md:3: link '../glossary/genrative-ai.md' points to a page that does not exist; did you mean '../glossary/generative-ai.md'?"),
    ("placeholder", "curriculum/lessons/ai-basics.en.md:11: 'TODO: cases (English)' is a placeholder: replace it with the real text; a placeholder is never published"),
    ("placeholder", "curriculum/modules/ai-basics.yml:6: 'TODO: summary (한국어)' is a placeholder: replace it with the real text; a placeholder is never published"),
    ("data", "curriculum/modules/ai-basics.yml:9: missing required key 'en.title'; add 'title: ...' under 'en:'"),
    ("data", "curriculum/modules/ai-basics.yml:13: module 'ai-basics' lists term 'genrative-ai' under 'terms', which does not exist; did you mean 'generative-ai'?"),
    ("data", "curriculum/modules/ai-basics.yml:16: module 'ai-basics' lists module 'ai-basic' under 'prerequisites', which does not exist; did you mean 'ai-basics'?"),
    ("data", "curriculum/programme.yml:7: missing required key 'en.audience'; add 'audience: ...' under 'en:'"),
    ("data", "curriculum/programme.yml:15: sessions_total is 3 but curriculum/sessions/ has 2 session files; make the two agree"),
    ("data", "curriculum/recaps/s01.en.md:4: recap 's01' (en) is dated 2025-11-06, but session 's01' took place on 2025-11-05; use the session's date"),
    ("placeholder", "curriculum/recaps/s01.en.md:7: 'TODO: takeaways (English)' is a placeholder: replace it with the real text; a placeholder is never published"),
    ("data", "curriculum/recaps/s01.en.md:9: recap 's01' (en) lists term 'genai' under 'terms', which does not exist; check the spelling, or add the term with `make new-term ID=genai`"),
    ("data", "curriculum/recaps/s01.en.md:16: recap 's01' (en) must not have its own '# ' title: the page title comes from 'title' in the front matter; start sections with '## '"),
    ("link", "curriculum/recaps/s01.en.md:20: link '#takeaway' points to an anchor this page does not have; did you mean '#takeaways'?"),
    ("link", "curriculum/recaps/s01.en.md:20: link '../index.md#welcom' points to an anchor that page '../index.md' does not have; did you mean '../index.md#welcome'?"),
    ("data", "curriculum/sessions/s01.yml:4: 'status' must be one of held, scheduled, not-announced, cancelled; got 'hled'; did you mean 'held'?"),
    ("data", "curriculum/sessions/s01.yml:11: session 's01' lists module 'ai-basic' under 'modules', which does not exist; did you mean 'ai-basics'?"),
    ("data", "curriculum/sessions/s02.yml:8: session 's02' now has a date, but its ko note still says the date is not announced; rewrite 'ko.note' to say what the sources now report (or delete it)"),
    ("data", "curriculum/sessions/s02.yml:12: session 's02' now has a date, but its en note still says the date is not announced; rewrite 'en.note' to say what the sources now report (or delete it)"),
    ("link", "docs/index.en.md:3: link '#the-end' points to an anchor this page does not have; this page's anchors are '#welcome'"),
    ("link", "docs/index.en.md:3: link 'glosary/index.md' points to a page that does not exist; did you mean 'glossary/index.md'?"),
    ("link", "docs/index.en.md:3: link 'glossary/machine-learning.md#definitoin' points to an anchor that page 'glossary/machine-learning.md' does not have; did you mean 'glossary/machine-learning.md#definition'?"),
    ("link", "docs/index.ko.md:3: link 'editors/guide.md' points to a page that does not exist; no page has a similar path: check it (it is relative to this page's folder)"),
    ("data", "glossary/broken.yml:5: YAML syntax error: expected ',' or ']', but got '<stream end>'; check indentation, colons and quotes"),
    ("placeholder", "glossary/generative-ai.yml:2: '# TODO: choose the topic; in use: technology' marks a choice still to make: set the value on this line, then delete the comment"),
    ("data", "glossary/generative-ai.yml:8: missing required key 'en.definition' (1-3 plain sentences); add 'definition: ...' under 'en:'"),
    ("data", "glossary/generative-ai.yml:11: term 'generative-ai' lists term 'machine-learnin' under 'related', which does not exist; did you mean 'machine-learning'?"),
    ("data", "glossary/generative-ai.yml:16: unknown key 'statuss'; did you mean 'status'?"),
    ("data", "glossary/machine-learning.yml:4: term 'machine-learning' has the ko synonym '생성형 AI', which is also the ko synonym '생성형 AI' of term 'generative-ai' (glossary/generative-ai.yml:4); a label must name one term: remove it from one of them, or list it under 'shared_labels' in every term but the one it should link to"),
    ("data", "references/test-act.yml:2: 'jurisdiction' must be one of gyeonggi, korea, eu, oecd, unesco, united-states, g7, council-of-europe, iso-iec, international-summit; got 'korean'; did you mean 'korea'?"),
    ("data", "references/test-act.yml:4: duplicate key 'type' (first at line 3); keep only one"),
    ("data", "references/test-act.yml:21: reference 'test-act' has 'in-force' on 2024-01-22, before it was adopted on 2024-12-26 (line 16); check both dates"),
    ("data", "references/test-act.yml:26: reference 'test-act' lists term 'generative-a' under 'terms', which does not exist; did you mean 'generative-ai'?"),
]
TOTAL = "33 problems in 12 files"


def planted_tree(target):
    copy_tree(target)
    shutil.copytree(PLANTED, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md"))
    return target


def test_the_first_run_reports_every_planted_problem_with_its_kind(tmp_path):
    problems = load_site(planted_tree(tmp_path)).problems
    assert [(p.kind, str(p)) for p in problems] == EVERY_PROBLEM


def test_make_validate_prints_them_all_and_fails_once(tmp_path):
    result = run_python("-m", "gyeonggi_kb", "validate", cwd=planted_tree(tmp_path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message for _, message in EVERY_PROBLEM] + [TOTAL]


@pytest.mark.build
def test_the_strict_build_stops_on_the_same_problems_worded_the_same_way(tmp_path):
    root = planted_tree(tmp_path)
    for name in ("mkdocs.yml", "hooks", "overrides"):
        src = REPO / name
        shutil.copytree(src, root / name) if src.is_dir() else shutil.copy2(src, root / name)
    result = run_python("-m", "mkdocs", "build", "--strict", cwd=root, env={"SOURCE_DATE_EPOCH": "1762300800"})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for _, message in EVERY_PROBLEM:
        assert f"gyeonggi_kb: {message}" in result.stderr
    assert f"{TOTAL}; fix the data and build again" in result.stdout + result.stderr
