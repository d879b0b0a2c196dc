"""Throughput of the glossary auto-linker (gyeonggi_kb.publish.autolink); a benchmark, not a test.

    python bench/autolink_bench.py            # prints a table and the figures as JSON
    from autolink_bench import run; run()     # the same figures as a dict (for `make bench`)

Synthetic, deterministic input (fixed seed): glossaries of 100, 1,000 and
5,000 terms (Korean labels of 2-6 syllables, a third with a Latin acronym),
and Korean HTML paragraphs in which one word in eight is a term followed by
a particle. Two series:

- term count: the same text (`TEXT_CHARS`) linked with each glossary, so
  time should stay flat as the glossary grows;
- text size: the 1,000-term glossary linking texts of growing size, so time
  should grow linearly (the `per_char_us` column stays about constant).

Each figure is the best of `repeats` runs of this process's CPU time
(`time.process_time`), which filters out most of the noise from other
processes on a shared machine; wall-clock time would include their turns.
`scan_ms` is the matcher alone (every mention found, nothing written);
`links` is how many terms got linked: with more terms, more distinct first
mentions occur in the same text, so a little more HTML is written.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from gyeonggi_kb.publish.autolink import Label, LinkTarget, Matcher, link_html  # noqa: E402

TERM_COUNTS = (100, 1000, 5000)
TEXT_CHARS = 200_000
TEXT_SIZES = (50_000, 100_000, 200_000, 400_000)
PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "에서", "으로", "와", "")
FILLER = ("행정", "공무원", "경기도", "정책", "교육", "서비스", "주민", "예산", "사업", "검토", "결과", "기관")


def syllables(rng: random.Random, n: int) -> str:
    return "".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(n))


def synthetic_labels(count: int, seed: int = 1) -> list[Label]:
    rng = random.Random(seed)
    labels, seen, terms = [], set(), 0
    while terms < count:
        text = syllables(rng, rng.randint(2, 6))
        if text in seen:
            continue
        seen.add(text)
        term_id = f"term-{terms}"
        terms += 1
        labels.append(Label(text, term_id, False))
        if terms % 3 == 0:
            acronym = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(2, 5)))
            if acronym not in seen:
                seen.add(acronym)
                labels.append(Label(acronym, term_id, True))
    return labels


def synthetic_html(labels: list[Label], chars: int, seed: int = 2) -> str:
    rng = random.Random(seed)
    words, size, paragraph = [], 0, []
    while size < chars:
        if rng.randrange(8) == 0:
            word = rng.choice(labels).text + rng.choice(PARTICLES)
        else:
            word = rng.choice(FILLER) + rng.choice(PARTICLES)
        paragraph.append(word)
        size += len(word) + 1
        if len(paragraph) == 40:
            words.append("<p>" + " ".join(paragraph) + "</p>")
            paragraph = []
    words.append("<p>" + " ".join(paragraph) + "</p>")
    return "\n".join(words)


def target(term_id: str, lang: str) -> LinkTarget:
    return LinkTarget(f"../glossary/{term_id}/", "definition")


def best_time(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def measure(labels: list[Label], html_text: str, repeats: int) -> dict:
    link_html(html_text[:1000], Matcher(labels[:10]), target, "ko")  # warm up caches before timing
    build = best_time(lambda: Matcher(labels), repeats)
    matcher = Matcher(labels)
    seconds = best_time(lambda: link_html(html_text, matcher, target, "ko"), repeats)
    scan = best_time(lambda: sum(1 for _ in matcher.find(html_text)), repeats)
    return {
        "scan_ms": round(scan * 1000, 2),
        "links": len(link_html(html_text, matcher, target, "ko")[1]),
        "labels": len(labels),
        "text_chars": len(html_text),
        "build_ms": round(build * 1000, 2),
        "link_ms": round(seconds * 1000, 2),
        "chars_per_s": round(len(html_text) / seconds),
        "per_char_us": round(seconds / len(html_text) * 1e6, 4),
    }


def run(term_counts=TERM_COUNTS, text_chars=TEXT_CHARS, text_sizes=TEXT_SIZES, repeats: int = 7) -> dict:
    """Figures as a dict: {'by_term_count': {n: {...}}, 'by_text_size': {chars: {...}}, 'flat_ratio', 'linear_ratio'}."""
    glossaries = {n: synthetic_labels(n) for n in term_counts}
    by_terms = {}
    for n, labels in glossaries.items():
        by_terms[n] = measure(labels, synthetic_html(labels, text_chars), repeats)
    middle = glossaries[sorted(term_counts)[len(term_counts) // 2]]
    by_size = {chars: measure(middle, synthetic_html(middle, chars), repeats) for chars in text_sizes}
    times = [v["link_ms"] for v in by_terms.values()]
    per_char = [v["per_char_us"] for v in by_size.values()]
    return {
        "by_term_count": by_terms,
        "by_text_size": by_size,
        # max/min link time across glossary sizes (1.0 = perfectly flat)
        "flat_ratio": round(max(times) / min(times), 2),
        # max/min time per character across text sizes (1.0 = perfectly linear)
        "linear_ratio": round(max(per_char) / min(per_char), 2),
    }


def main() -> int:
    import json

    figures = run()
    print(f"{'terms':>6} {'labels':>7} {'chars':>8} {'links':>6} {'build ms':>9} {'scan ms':>8} {'link ms':>8} {'chars/s':>10}")
    for n, f in figures["by_term_count"].items():
        print(f"{n:>6} {f['labels']:>7} {f['text_chars']:>8} {f['links']:>6} {f['build_ms']:>9} {f['scan_ms']:>8} {f['link_ms']:>8} {f['chars_per_s']:>10}")
    print(f"\n{'chars':>8} {'link ms':>8} {'µs/char':>8}   (1,000-term glossary)")
    for chars, f in figures["by_text_size"].items():
        print(f"{f['text_chars']:>8} {f['link_ms']:>8} {f['per_char_us']:>8}")
    print(f"\nflat_ratio {figures['flat_ratio']} (link time, largest/smallest glossary); linear_ratio {figures['linear_ratio']} (time per char, max/min)")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
