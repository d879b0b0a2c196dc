"""Link the first mention of each glossary term on a page, Korean-aware. Pure: HTML in, HTML out.

Why not `\\b`: Korean attaches particles and endings to the noun (`LLM은`,
`인공지능의`, `생성형 AI를`), and regex word boundaries treat a Hangul syllable
as a word character, so `\\b인공지능\\b` never matches `인공지능의`.

The policy, in the order the matcher applies it:

1. Text is NFC (yamlsource normalises data; `link_html` normalises the page).
   Labels are a term's preferred terms, synonyms and abbreviations in both
   languages. Abbreviations match only as written (`AI`, `RAG`, `IoT`, so
   `rag` or `cv` in prose are not terms); other labels ignore case. Any run of
   white space in the text matches one space in a label, so a line break in
   the HTML source does not hide `생성형 AI`.
2. A match starts where a word starts: a Hangul label must not follow a Hangul
   syllable (`강화학습` is not a mention of `학습`, `정보주체` not of `주체`),
   a Latin label must not follow a Latin letter or digit (`OpenAI` does not
   contain `AI`). A change of script is a word start (`챗GPT`, `AI윤리`).
3. A match ends where a word ends:
   - after a Latin label, the next character must not be a Latin letter or
     digit (`AIs` is not `AI`), except an English plural `s`/`es`
     (`LLMs`, `deepfakes`); any Hangul may follow, since Korean closes up
     particles and compounds to Latin words (`AI가`, `LLM은`, `AI기반`);
   - after a Hangul label, the Hangul that follows (up to the next
     non-Hangul character) must consist only of particles and endings from
     `ENDINGS` (`인공지능의`, `데이터를`, `학습한다`, `인공지능에서는`).
     Anything else makes it a longer word naming something else
     (`학습자`, `편향성`, `토큰화`), which is not linked.
4. The longest label that satisfies 2 and 3 wins (`인공지능사업자` is the
   business operator, not `인공지능` + `사업자`). A mention of a term already
   linked on the page, or of the page's own term, is skipped as a whole; it
   never falls back to a shorter label inside it.
5. Only the first mention of each term per page is linked. Terms with
   `autolink: false` are never linked.
6. Nothing is linked inside `a`, `code`, `pre`, `kbd`, `samp`, headings,
   `script`, `style`, `svg`, `button`, `textarea` or any element marked
   `data-autolink="false"`, nor in attributes (image alt text, titles).
7. The link carries the short definition in `title`; Material's
   `content.tooltips` turns it into a tooltip shown on hover and on keyboard
   focus, with `aria-describedby`. A label in another script than the text
   around it gets `lang` (an English `AI` in Korean text is `lang="en"`).

Cost: labels go into one trie, built once per glossary (`Matcher`), and the
trie into one regular expression (`trie_pattern`), so that the regex engine
walks it in C; a page is scanned once, so time grows with the text and not
with the number of terms. Python only looks at what the pattern finds.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Iterator

from gyeonggi_kb import layout
from gyeonggi_kb.pages.definitions import short_definition

HANGUL_CLASS = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
HANGUL_RUN = re.compile(f"[{HANGUL_CLASS}]*")

# Particles (josa), the copula and common verb endings that close up to a noun.
# They may follow one another (`에서` + `는`, `했` + `다`).
ENDINGS = (
    "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "께", "한테", "와", "과", "도", "만", "로",
    "으로", "로서", "으로서", "로써", "으로써", "부터", "까지", "처럼", "보다", "마다", "조차", "마저", "밖에",
    "뿐", "이나", "나", "이든", "든", "이란", "란", "이라", "라", "이라고", "라고", "이라는", "라는", "이며",
    "며", "이고", "고", "이다", "다", "입니다", "이에요", "예요", "이죠", "죠", "인", "이자", "들", "등",
    "하다", "하는", "한", "할", "해", "했", "하여", "하고", "하며", "하면", "합니다", "하기", "함", "된", "되는",
    "될", "되어", "되고", "되며", "됩니다", "되었", "됐", "시키는", "시킨", "니다", "습니다", "요",
)
_ENDINGS_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, ENDINGS), key=len, reverse=True)) + ")+")

SKIP_ELEMENTS = frozenset({
    "a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "math", "noscript", "option",
    "pre", "samp", "script", "select", "style", "svg", "template", "textarea", "title", "var",
})
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
ATTR_LANG = re.compile(r"""(?:^|\s)lang\s*=\s*["']?([A-Za-z-]+)""")
ATTR_OPT_OUT = re.compile(r"""(?:^|\s)data-autolink\s*=\s*["']?false""")
_END = ""  # trie key marking "a label ends here" (no label character is empty)
PATTERN_FIRST_CHARACTERS = 1500  # above this many, walking the trie is faster than the pattern (trie_pattern)


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def is_latin_word_char(ch: str) -> bool:
    return ch.isalnum() and not is_hangul(ch)


def normalise_label(label: str) -> str:
    return " ".join(unicodedata.normalize("NFC", label).split())


def fold(text: str) -> str:
    """Lower-case character by character, so indexes into the folded text match the original."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=4096)
def only_endings(run: str) -> bool:
    """True when a Hangul run is empty or made only of particles and endings."""
    return not run or _ENDINGS_RE.fullmatch(run) is not None


@dataclass(frozen=True)
class Label:
    text: str  # as written in the data, NFC, single spaces
    term_id: str
    exact: bool  # abbreviations match case-sensitively


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    label: Label


class Matcher:
    """Every label in one trie over folded, HTML-escaped text, and the trie as one pattern. Build once per glossary."""

    def __init__(self, labels: Iterable[Label]):
        self.root: dict = {}
        self.labels_at: dict[str, list[Label]] = {}  # trie key -> the labels that end there
        self.size = 0
        for label in labels:
            key = fold(html.escape(label.text, quote=False))
            if not key or not (is_hangul(key[0]) or is_latin_word_char(key[0])):
                continue  # validation reports labels that cannot start a word
            node = self.root
            for ch in key:
                node = node.setdefault(ch, {})
            self.labels_at[key] = node.setdefault(_END, [])
            node[_END].append(label)
            self.size += 1
        self.pattern = trie_pattern(self.root) if len(self.root) <= PATTERN_FIRST_CHARACTERS else None

    @cached_property
    def starts(self) -> re.Pattern:
        """For `_walk` only: the word starts where a label may begin."""
        return candidate_starts(self.root)

    @cached_property
    def openings(self) -> set:
        """For `_walk` only: the first two characters of every label ("" after a one-character label).

        Most candidate word starts share only the first, and this rejects them
        without walking the trie. Whitespace in labels is " ", as in the trie.
        """
        return {a + b for a, child in self.root.items() for b in child if b != _END} | {a for a, child in self.root.items() if _END in child}

    def find(self, text: str) -> Iterator[Match]:
        """Non-overlapping longest mentions, left to right (policy points 1-4)."""
        return self._search(text) if self.pattern else self._walk(text)

    def _search(self, text: str) -> Iterator[Match]:
        """`find` with the pattern: the regex engine walks the trie."""
        folded = fold(text)
        n = len(text)
        pos = 0
        search = self.pattern.search
        while (found := search(folded, pos)) is not None:
            start, end = found.span()
            match = self._mention_at(text, folded, start, end, n) if starts_word(folded, start) else None
            if match is None:
                pos = start + 1
                continue
            pos = match.end
            yield match

    def _walk(self, text: str) -> Iterator[Match]:
        """`find` by walking the trie in Python from each word start where a label may begin."""
        folded = fold(text)
        n = len(text)
        pos = 0
        for word in self.starts.finditer(folded):
            start = word.start()
            if start < pos:
                continue
            second = folded[start + 1:start + 2]
            if folded[start] + (" " if second.isspace() else second) not in self.openings and folded[start] not in self.openings:
                continue
            match = self._longest_at(text, folded, start, n)
            if match:
                pos = match.end
                yield match

    def _mention_at(self, text: str, folded: str, start: int, end: int, n: int) -> Match | None:
        """The mention at `start`, where the pattern found the longest label: folded[start:end].

        Most of the time that label is the mention. When it is not (the text
        goes on with a longer word, an abbreviation is written in another
        case, white space other than one space), walking the trie gives the
        longest label that is, or none.
        """
        labels = self.labels_at.get(folded[start:end])
        stop = self._word_end(text, end, n) if labels else None
        if stop is not None:
            for label in labels:
                if not label.exact or text[start:end] == html.escape(label.text, quote=False):
                    return Match(start, stop, label)
        return self._longest_at(text, folded, start, n)

    def _longest_at(self, text: str, folded: str, start: int, n: int) -> Match | None:
        node, i, best = self.root, start, None
        while i < n:
            ch = folded[i]
            if ch.isspace():
                node = node.get(" ")
                while i < n and text[i].isspace():
                    i += 1
            else:
                node = node.get(ch)
                i += 1
            if node is None:
                break
            for label in node.get(_END, ()):
                end = self._word_end(text, i, n)
                if end is not None and (not label.exact or " ".join(text[start:i].split()) == html.escape(label.text, quote=False)):
                    best = Match(start, end, label)
                    break
        return best

    @staticmethod
    def _word_end(text: str, i: int, n: int) -> int | None:
        """Where the mention ends (after an English plural), or None when the label is part of a longer word."""
        last = text[i - 1]
        nxt = text[i] if i < n else ""
        if is_hangul(last):
            run = HANGUL_RUN.match(text, i).group(0)
            return i if only_endings(run) else None
        if nxt and is_latin_word_char(nxt):
            for plural in ("s", "es"):
                j = i + len(plural)
                if text.startswith(plural, i) and (j >= n or not is_latin_word_char(text[j])):
                    return j
            return None
        return i


def candidate_starts(trie: dict) -> re.Pattern:
    """The word starts where some label begins, as one regex over folded text (for `Matcher._walk`).

    Hangul starts a word after anything but Hangul; another letter or digit
    starts one after anything but a letter or digit of its own kind.
    """
    hangul = "".join(sorted(re.escape(c) for c in trie if is_hangul(c)))
    other = "".join(sorted(re.escape(c) for c in trie if c != _END and not is_hangul(c)))
    branches = []
    if hangul:
        branches.append(f"(?<![{HANGUL_CLASS}])[{hangul}]")
    if other:
        branches.append(f"(?<![^\\W_{HANGUL_CLASS}])[{other}]")
    return re.compile("|".join(branches) or "(?!)")


def trie_pattern(trie: dict) -> re.Pattern:
    """The trie as one regular expression over folded text: from a position, the longest label that starts there.

    Each node is an alternation of its children, with an empty branch last
    where a label ends, so the engine tries longer labels first and backs up
    to shorter ones; a space in a label matches any run of white space. Every
    branch at the top starts with its own character, which lets the engine
    skip in C the positions where no label starts. Where a word starts and
    whether the label ends one are Python's (`starts_word`, `Matcher._word_end`):
    with a look-behind after each first character, compiling took 0.6 s at
    1,000 terms (0.7 ms per character class), against 0.02 s without.

    The engine tries the branches at the top one after another, so a
    position costs time in proportion to how many characters labels start
    with. Labels of one language share their first syllables (38 first
    characters for 629 labels on the 400-page bench site), and then the
    pattern is 1.5x as fast as walking the trie in Python. Labels of random
    syllables (`bench/autolink_bench.py`, 200,000 characters) start with more:
    989 characters at 1,000 terms (pattern 20 ms, walking 30 ms), 1,439 at
    1,500 (24 ms, 30 ms), 1,865 at 2,000 (39 ms, 31 ms) and 4,090 at 5,000
    (252 ms, 40 ms). Above PATTERN_FIRST_CHARACTERS the matcher walks the trie.
    """

    def node(children: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + node(child) for ch, child in sorted(children.items()) if ch != _END]
        if _END in children:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile("|".join(re.escape(ch) + node(child) for ch, child in sorted(trie.items()) if ch != _END) or "(?!)")


def starts_word(folded: str, start: int) -> bool:
    """Whether a word starts at `start`: Hangul after anything but Hangul, another letter or digit after anything but those."""
    if not start:
        return True
    before = folded[start - 1]
    return not is_hangul(before) if is_hangul(folded[start]) else not is_latin_word_char(before)


def script_lang(text: str) -> str:
    return "ko" if any(is_hangul(c) for c in text) else "en"


@dataclass(frozen=True)
class LinkTarget:
    url: str
    title: str  # the short definition, plain text


def link_html(
    page_html: str,
    matcher: Matcher,
    target_for: Callable[[str, str], LinkTarget],
    lang: str,
    exclude: Iterable[str] = (),
) -> tuple[str, list[str]]:
    """Link the first mention of each term in the text of `page_html`.

    `target_for(term_id, lang)` gives the link and tooltip; `lang` is the page
    language; terms in `exclude` (the page's own term) are never linked.
    Returns the new HTML and the ids of the terms linked, in page order.
    """
    edits, linked = find_links(page_html, matcher, target_for, lang, exclude)
    return apply_links(page_html, edits), linked


def apply_links(page_html: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """Put the links `find_links` chose into the page (its NFC form, where their offsets are)."""
    page_html = unicodedata.normalize("NFC", page_html)
    out, last = [], 0
    for start, end, anchor in edits:
        out += (page_html[last:start], anchor)
        last = end
    if not out:
        return page_html
    out.append(page_html[last:])
    return "".join(out)


def find_links(
    page_html: str,
    matcher: Matcher,
    target_for: Callable[[str, str], LinkTarget],
    lang: str,
    exclude: Iterable[str] = (),
) -> tuple[tuple[tuple[int, int, str], ...], list[str]]:
    """Where link_html links: ((start, end, anchor HTML), ...) in the NFC form of `page_html`, and the term ids.

    Kept apart from applying them so that a builder can remember them per page
    (build_cache) and put them in after the search index has read the page.
    """
    page_html = unicodedata.normalize("NFC", page_html)
    done = set(exclude)
    linked: list[str] = []
    edits: list[tuple[int, int, str]] = []
    stack: list[tuple[str, bool, str]] = []  # (element, skips linking, language inside it)
    skipping = 0
    pos = 0

    def link_text(text: str, offset: int) -> None:
        current = stack[-1][2] if stack else lang
        for m in matcher.find(text):
            term_id = m.label.term_id
            if term_id in done:
                continue
            done.add(term_id)
            linked.append(term_id)
            target = target_for(term_id, current)
            shown = text[m.start:m.end]
            shown_lang = script_lang(shown)
            lang_attr = "" if shown_lang == current else f' lang="{shown_lang}"'
            anchor = f'<a class="kb-term" href="{html.escape(target.url)}" title="{html.escape(target.title)}"{lang_attr}>{shown}</a>'
            edits.append((offset + m.start, offset + m.end, anchor))

    for tag in TAG.finditer(page_html):
        start = tag.start()
        if start > pos and not skipping:
            text = page_html[pos:start]
            if not text.isspace():
                link_text(text, pos)
        pos = tag.end()
        closing, name, attrs = tag.groups()
        if not name:
            continue
        name = name.lower()
        if name in VOID_ELEMENTS or attrs.rstrip().endswith("/"):
            continue
        if closing:  # pop to the matching element, tolerating unclosed ones
            if stack and stack[-1][0] == name:
                skipping -= stack.pop()[1]
                continue
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == name:
                    skipping -= sum(1 for entry in stack[depth:] if entry[1])
                    del stack[depth:]
                    break
            continue
        # Most tags have neither attribute: a substring test in C spares them the regular expressions.
        skips = name in SKIP_ELEMENTS or bool("data-autolink" in attrs and ATTR_OPT_OUT.search(attrs))
        lang_match = ATTR_LANG.search(attrs) if "lang" in attrs else None
        inner_lang = lang_match.group(1).split("-")[0].lower() if lang_match else (stack[-1][2] if stack else lang)
        stack.append((name, skips, inner_lang))
        skipping += skips
    text = page_html[pos:]
    if text and not skipping and not text.isspace():
        link_text(text, pos)
    return tuple(edits), linked


# --- The glossary's side: which labels link where, and what the tooltip says.

def term_labels(terms: Iterable) -> list[Label]:
    """Labels of every linkable term. A label a term lists under `shared_labels` links to the other term."""
    labels = []
    for t in sorted(terms, key=lambda t: t.id):
        if not t.autolink:
            continue
        shared = {normalise_label(s).casefold() for s in t.shared_labels}
        abbreviations = set(t.abbreviations)
        seen = set()
        for text in t.labels():
            norm = normalise_label(text)
            key = (norm, text in abbreviations)
            if norm.casefold() in shared or key in seen:
                continue
            seen.add(key)
            labels.append(Label(norm, t.id, text in abbreviations))
    return labels


def glossary_matcher(terms: Iterable) -> Matcher:
    """One matcher per glossary content. Cached by content, not by build: `mkdocs serve`
    keeps this module loaded across rebuilds, and an edited glossary must give a new matcher."""
    return _matcher(tuple(term_labels(terms)))


@lru_cache(maxsize=4)
def _matcher(labels: tuple) -> Matcher:
    return Matcher(labels)


def link_page(page_html: str, terms: dict, **where) -> tuple[str, list[str]]:
    """Auto-link one rendered page of the site; see `page_links` for the arguments."""
    edits, linked = page_links(page_html, terms, **where)
    return apply_links(page_html, edits), linked


def page_links(
    page_html: str, terms: dict, *, src_uri: str, page_url: str, lang: str, url_prefix: str = "", matcher: Matcher | None = None,
) -> tuple[tuple[tuple[int, int, str], ...], list[str]]:
    """Where to link one rendered page of the site (`find_links`, with the site's URLs and tooltips).

    `page_url` is the page's URL relative to the site root ('en/modules/x/');
    `url_prefix` is where the glossary of the language being built lives
    ('' for Korean, 'en/' for English), so links stay in the reader's language;
    `lang` is the language of the page's text. A builder linking many pages
    passes `matcher` (glossary_matcher of `terms`, built once): collecting and
    hashing every label again for each page costs more than the linking.
    """
    here = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    glossary = layout.relpath(f"{url_prefix}glossary/", here or ".")  # once per page, not once per link
    glossary = "" if glossary == "." else glossary + "/"

    def target(term_id: str, text_lang: str) -> LinkTarget:
        return LinkTarget(f"{glossary}{term_id}/", short_definition(terms[term_id].definition[text_lang if text_lang in ("ko", "en") else lang]))

    own = layout.term_of_page(src_uri)
    matcher = matcher or glossary_matcher(terms.values())
    return find_links(page_html, matcher, target, lang, exclude=(own,) if own else ())
