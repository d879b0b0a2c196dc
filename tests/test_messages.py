"""Every message tells an editor where the problem is and what to do about it.

One row per kind of mistake an editor makes while typing YAML: the exact
message, which must name the file and line and end with an instruction
(after '; '), and suggest a close id where there is one.
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL, copy_tree
from gyeonggi_kb import load_site

TERM = "glossary/generative-ai.yml"
MODULE = "curriculum/modules/ai-basics.yml"
SESSION = "curriculum/sessions/s01.yml"


def broken(rel: str, old: str, new: str) -> dict:
    text = (MINIMAL / rel).read_text(encoding="utf-8")
    assert old in text
    return {rel: text.replace(old, new)}


CASES = {
    "tab indentation": (broken(TERM, "  term: generative AI", "\tterm: generative AI"),
        "glossary/generative-ai.yml:9: YAML syntax error: found character '\\t' that cannot start any token; indent with spaces, not tabs"),
    "colon in unquoted text": (broken(TERM, "  term: generative AI", "  term: AI: generative"),
        "glossary/generative-ai.yml:9: YAML syntax error: mapping values are not allowed here; text that contains ': ' must be in quotes, e.g. title: \"Act: 2024\""),
    "two documents in one file": (broken(TERM, "autolink: true", "autolink: true\n---\nid: x"),
        "glossary/generative-ai.yml:18: YAML syntax error: but found another document; a data file holds one record, so remove the second '---' line"),
    "missing choice": (broken(TERM, "status: draft\n", ""),
        "glossary/generative-ai.yml:1: missing required key 'status' (one of draft, reviewed, candidate); add 'status: ...'"),
    "missing nested text": (broken(MODULE, "  title: AI basics\n", ""),
        "curriculum/modules/ai-basics.yml:9: missing required key 'en.title'; add 'title: ...' under 'en:'"),
    "empty text": (broken(TERM, "  term: generative AI", "  term: ' '"),
        "glossary/generative-ai.yml:9: 'en.term' must not be empty; write the text after the colon"),
    "nothing after the colon": (broken(TERM, "  term: generative AI", "  term:"),
        "glossary/generative-ai.yml:9: 'en.term' must be text, got nothing (null); write the text after the colon"),
    "number as text": (broken(SESSION, "number: 1", "number: one"),
        "curriculum/sessions/s01.yml:2: 'number' must be a whole number, got 'one'; write digits only, e.g. 3"),
    "impossible date": (broken(SESSION, "date: 2025-11-05", "date: 2025-11-31"),
        "curriculum/sessions/s01.yml:3: '2025-11-31' is not a valid value (day is out of range for month); for a date write YYYY-MM-DD with a real day"),
    "date in words": (broken(SESSION, "date: 2025-11-05", "date: 5 November"),
        "curriculum/sessions/s01.yml:3: 'date' must be a date written YYYY-MM-DD, got '5 November'"),
    "choice misspelt": (broken(SESSION, "status: held", "status: hled"),
        "curriculum/sessions/s01.yml:4: 'status' must be one of held, scheduled, not-announced, cancelled; got 'hled'; did you mean 'held'?"),
    "key misspelt": (broken(TERM, "autolink: true", "autolink: true\nstatuss: draft"),
        "glossary/generative-ai.yml:18: unknown key 'statuss'; did you mean 'status'?"),
    "id close to a known one": (broken(MODULE, "terms: [generative-ai]", "terms: [generative-a]"),
        "curriculum/modules/ai-basics.yml:14: module 'ai-basics' lists term 'generative-a' under 'terms', which does not exist; did you mean 'generative-ai'?"),
    "id close to nothing": (broken(MODULE, "terms: [generative-ai]", "terms: [blockchain]"),
        "curriculum/modules/ai-basics.yml:14: module 'ai-basics' lists term 'blockchain' under 'terms', which does not exist; check the spelling, or add the term with `make new-term ID=blockchain`"),
    "same item twice": (broken(TERM, "abbreviations: [GenAI]", "abbreviations: [GenAI, GenAI]"),
        "glossary/generative-ai.yml:3: 'abbreviations' lists 'GenAI' twice; remove one"),
    "web address without scheme": (broken(TERM, "url: https://example.org/law", "url: example.org/law"),
        "glossary/generative-ai.yml:15: 'sources[1].url' must be an http(s) URL starting with https:// or http://, got 'example.org/law'"),
}


@pytest.mark.parametrize("files, message", CASES.values(), ids=CASES.keys())
def test_the_message_names_file_line_and_what_to_do(tmp_path, files, message):
    problems = [str(p) for p in load_site(copy_tree(tmp_path, files)).problems]
    assert problems == [message]
    path, line, text = message.split(":", 2)
    assert int(line) > 0
    assert "; " in text or " must be " in text  # an instruction, or the form the value must take
