"""Synthetic but realistic content for the benchmark: bilingual YAML records and lessons.

The records have the same shapes as the real ones (hooks/gyeonggi_kb/data/shapes.py)
and pass `make validate`: modules cite terms and references, terms relate to
each other, sessions teach modules, references have milestones. Lessons have
every required section and Korean prose that mentions glossary terms with
particles attached, so the auto-linker has real work to do. Everything is
derived from a seeded random generator, so one size always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

# (ko, en) parts; their products give thousands of distinct, plausible terms.
PREFIXES = [
    ("생성형", "generative"), ("공공", "public"), ("행정", "administrative"), ("지능형", "intelligent"),
    ("설명 가능한", "explainable"), ("신뢰할 수 있는", "trustworthy"), ("고위험", "high-risk"), ("개방형", "open"),
    ("분산형", "distributed"), ("자동화된", "automated"), ("책임 있는", "responsible"), ("안전한", "safe"),
    ("도시", "urban"), ("재난", "disaster"), ("복지", "welfare"), ("교통", "transport"), ("환경", "environmental"),
    ("보건", "health"), ("교육", "education"), ("산업", "industrial"), ("지역", "regional"), ("디지털", "digital"),
    ("멀티모달", "multimodal"), ("실시간", "real-time"), ("연합", "federated"),
]
HEADS = [
    ("인공지능", "AI"), ("데이터", "data"), ("알고리즘", "algorithm"), ("플랫폼", "platform"), ("모델", "model"),
    ("챗봇", "chatbot"), ("에이전트", "agent"), ("학습", "learning"), ("추론", "inference"), ("센서", "sensor"),
    ("디지털 트윈", "digital twin"), ("클라우드", "cloud"), ("언어모델", "language model"), ("검색", "retrieval"),
    ("로봇", "robot"), ("예측", "forecasting"), ("분류", "classification"), ("영상 분석", "video analytics"),
    ("음성 인식", "speech recognition"), ("추천", "recommendation"),
]
SUFFIXES = [
    ("", ""), ("거버넌스", "governance"), ("영향평가", "impact assessment"), ("관리체계", "management system"),
    ("품질", "quality"), ("편향", "bias"), ("감사", "audit"), ("표준", "standard"), ("윤리", "ethics"),
    ("보안", "security"), ("인증", "certification"), ("기반시설", "infrastructure"), ("서비스", "service"),
]
PARTICLES = ["은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "와", "과", "도", "만", ""]
SENTENCES_KO = [
    "경기도는 {t} 도입 전에 주민에게 미치는 영향을 먼저 점검합니다.",
    "담당 간부는 {t} 결과를 그대로 결재하지 않고 근거 자료를 함께 확인해야 합니다.",
    "시군과 공공기관이 함께 쓰는 {t} 기준은 누리집에 공개합니다.",
    "{t} 사업의 목적, 사용 데이터, 작동 원리를 한 문장으로 설명할 수 있어야 합니다.",
    "민원 처리에 {t} 쓰는 경우에는 사람이 최종 판단을 내립니다.",
    "예산 심의 단계에서 {t} 위험과 기대 효과를 함께 보고합니다.",
    "개인정보가 들어 있는 데이터는 {t} 학습에 쓰기 전에 가명 처리합니다.",
    "현장 공무원의 의견을 들어 {t} 운영 절차를 고칩니다.",
]
SENTENCES_EN = [
    "Gyeonggi checks how {t} affects residents before it is introduced.",
    "The officer in charge does not sign off {t} output without checking the evidence.",
    "The criteria for {t} shared by cities and public bodies are published online.",
    "Anyone running a {t} project should explain its purpose, data and logic in one sentence.",
    "When {t} is used for complaints, a person takes the final decision.",
    "Budget reviews report the risks and expected benefits of {t} together.",
    "Personal data is pseudonymised before it is used to train {t}.",
    "Operating procedures for {t} are revised after hearing front-line staff.",
]
# Sentences without a term: real lessons mention a glossary term in about one sentence in three.
FILLER_KO = [
    "보도에 따르면 이번 교육은 간부공직자를 대상으로 여러 회차에 걸쳐 진행되었습니다.",
    "현장에서는 절차를 바꾸기 전에 관계 부서와 협의하고 결과를 기록으로 남깁니다.",
    "이 사례는 도입 초기에 기대와 실제 성과 사이에 차이가 있었음을 보여 줍니다.",
    "담당 부서는 분기마다 운영 결과를 점검하고 주민 의견을 반영해 계획을 고칩니다.",
    "관련 법령과 조례의 조문은 개정될 수 있으므로 최신 내용을 확인해야 합니다.",
    "예산과 인력이 한정되어 있으므로 우선순위를 정해 단계적으로 추진합니다.",
]
FILLER_EN = [
    "According to press reports, the training ran over several sessions for senior officials.",
    "Before a procedure changes, the departments concerned are consulted and the outcome is recorded.",
    "The case shows a gap between early expectations and the results actually achieved.",
    "Each quarter the department reviews the results and revises its plan after hearing residents.",
    "Articles of laws and ordinances may be amended, so the current text should be checked.",
    "Budgets and staff are limited, so work is prioritised and carried out in stages.",
]
SECTIONS = [
    ("why-it-matters", "왜 중요한가", "Why it matters"), ("key-concepts", "핵심 개념", "Key concepts"),
    ("cases", "사례", "Cases"), ("rules", "규정과 기준", "Rules and standards"),
    ("checklist", "공무원 점검표", "Checklist for officials"), ("discussion", "토론 질문", "Discussion questions"),
    ("further-reading", "더 읽을거리", "Further reading"), ("sources", "출처", "Sources"),
]
GROUPS = ("core", "component", "expected-area", "gyeonggi")
REVIEWED = dt.date(2025, 6, 1)  # before the benchmark's build date, and recent enough that nothing is due for review
JURISDICTIONS = ("gyeonggi", "korea", "eu", "oecd", "unesco", "united-states", "g7", "iso-iec")
REF_TYPES = ("law", "regulation", "ordinance", "recommendation", "framework", "standard", "guideline", "provincial-policy")
HEADER = "# synthetic benchmark content (bench/synth.py)\n"


@dataclass(frozen=True)
class Size:
    """How many records of each kind; pages per language = their sum + the index pages."""

    name: str
    modules: int
    terms: int
    references: int
    sessions: int

    @property
    def pages_per_language(self) -> int:
        # one page per record, + curriculum overview, module, glossary and reference indexes, + docs/index
        return self.modules + self.terms + self.references + self.sessions + 5


def size_for_pages(pages: int) -> Size:
    """A realistic mix (a quarter modules, about 55 % terms) adding up to `pages` per language."""
    records = pages - 5
    sessions = max(2, records // 50)
    modules = records // 4
    references = records // 7
    terms = records - sessions - modules - references
    return Size(f"{pages}/lang", modules, terms, references, sessions)


def term_labels(count: int, rnd: random.Random) -> list[tuple[str, str, str]]:
    """`count` distinct (id, ko, en) labels built from the parts above."""
    combos = [(p, h, s) for p in PREFIXES for h in HEADS for s in SUFFIXES]
    if count > len(combos):
        raise ValueError(f"at most {len(combos)} distinct synthetic terms")
    rnd.shuffle(combos)
    labels = []
    for (pk, pe), (hk, he), (sk, se) in combos[:count]:
        ko = " ".join(x for x in (pk, hk, sk) if x)
        en = " ".join(x for x in (pe, he, se) if x)
        term_id = "-".join(en.lower().replace("ai", "ai").split())
        labels.append((term_id, ko, en))
    return labels


def dump(data: dict) -> str:
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def source(n: int) -> dict:
    return {"title": f"경기도 보도자료 {n}호", "url": f"https://www.gg.go.kr/bbs/boardView.do?bIdx={100000 + n}"}


def prose(lang: str, labels: list, rnd: random.Random, sentences: int, term_share: float = 1.0) -> str:
    out = []
    for _ in range(sentences):
        if rnd.random() >= term_share:
            out.append(rnd.choice(FILLER_KO if lang == "ko" else FILLER_EN))
            continue
        _, ko, en = rnd.choice(labels)
        if lang == "ko":
            out.append(rnd.choice(SENTENCES_KO).format(t=ko + rnd.choice(PARTICLES)))
        else:
            out.append(rnd.choice(SENTENCES_EN).format(t=en))
    return " ".join(out)


def lesson(lang: str, module_terms: list, labels: list, rnd: random.Random) -> str:
    """About 10 KB of Markdown per language (as the real lessons), every required section present."""
    parts = []
    pool = module_terms + rnd.sample(labels, min(20, len(labels)))
    for sid, ko, en in SECTIONS:
        parts.append(f"## {ko if lang == 'ko' else en} {{#{sid}}}\n")
        if sid == "checklist":
            parts.append("\n".join(f"- [ ] {prose(lang, pool, rnd, 1)}" for _ in range(4)) + "\n")
        elif sid == "discussion":
            parts.append("\n".join(f"{i}. {prose(lang, pool, rnd, 1)}" for i in range(1, 4)) + "\n")
        elif sid in ("further-reading", "sources"):
            parts.append("\n".join(f"1. [{source(i)['title']}]({source(i)['url']})" for i in range(rnd.randint(2, 4))) + "\n")
        else:
            for _ in range(4):
                parts.append(prose(lang, pool, rnd, 6, term_share=0.35) + "\n")
    return "\n".join(parts)


def write_content(root: Path, size: Size, seed: int = 9) -> None:
    """Replace curriculum/, glossary/ and references/ under `root` with synthetic records of `size`."""
    import shutil

    rnd = random.Random(seed)
    for folder in ("curriculum", "glossary", "references"):
        shutil.rmtree(root / folder, ignore_errors=True)
    for folder in ("curriculum/modules", "curriculum/sessions", "curriculum/lessons", "glossary", "references"):
        (root / folder).mkdir(parents=True)

    labels = term_labels(size.terms, rnd)
    term_ids = [t[0] for t in labels]
    abbreviations: set = set()  # a label must name one term
    for i, (term_id, ko, en) in enumerate(labels):
        abbr = ["".join(w[0] for w in en.split()).upper()] if i % 5 == 0 else []
        abbr = [a for a in abbr if len(a) > 1 and a not in abbreviations]
        abbreviations.update(abbr)
        (root / "glossary" / f"{term_id}.yml").write_text(dump({
            "id": term_id, "topic": "synthetic", "abbreviations": abbr,
            "ko": {"term": ko, "synonyms": [f"{ko} 기술"] if i % 3 == 0 else [],
                   "definition": f"{ko}은(는) 행정 업무에서 {rnd.choice(labels)[1]}와 함께 쓰이는 개념으로, 도입 전에 목적과 위험을 함께 검토해야 합니다."},
            "en": {"term": en, "synonyms": [f"{en} technology"] if i % 3 == 0 else [],
                   "definition": f"{en.capitalize()} is a concept used in administration together with {rnd.choice(labels)[2]}; its purpose and risks are reviewed before adoption."},
            "related": sorted(set(rnd.sample(term_ids, min(3, len(term_ids)))) - {term_id}),
            "sources": [source(i)], "status": "draft", "autolink": i % 17 != 0,
        }), encoding="utf-8")

    reference_ids = [f"ref-{i:04d}" for i in range(1, size.references + 1)]
    for i, ref_id in enumerate(reference_ids):
        year = 2015 + i % 10
        (root / "references" / f"{ref_id}.yml").write_text(dump({
            "id": ref_id, "jurisdiction": rnd.choice(JURISDICTIONS), "type": rnd.choice(REF_TYPES),
            "issuer": {"ko": "경기도", "en": "Gyeonggi Province"},
            "ko": {"title": f"{rnd.choice(labels)[1]} 운영 지침 제{i + 1}호", "summary": prose("ko", labels, rnd, 3)},
            "en": {"title": f"Guideline no. {i + 1} on {rnd.choice(labels)[2]}", "summary": prose("en", labels, rnd, 3)},
            "urls": {"ko": f"https://www.law.go.kr/admRulLsInfoP.do?admRulSeq={200000 + i}", "en": None},
            "milestones": [
                {"date": dt.date(year, 3, 1), "kind": "adopted", "ko": "제정", "en": "Adopted", "source": source(i)["url"]},
                {"date": dt.date(year, 9, 1), "kind": "in-force", "ko": "시행", "en": "In force", "source": source(i)["url"]},
            ],
            "terms": sorted(set(rnd.sample(term_ids, min(4, len(term_ids))))),
            "sources": [source(i)],
            "reviewed": REVIEWED,
        }), encoding="utf-8")

    module_ids = [f"module-{i:04d}" for i in range(1, size.modules + 1)]
    by_id = {t[0]: t for t in labels}
    for i, module_id in enumerate(module_ids):
        terms = sorted(set(rnd.sample(term_ids, min(8, len(term_ids)))))
        title = rnd.choice(labels)
        (root / "curriculum" / "modules" / f"{module_id}.yml").write_text(dump({
            "id": module_id, "group": GROUPS[i % len(GROUPS)], "order": i + 1,
            "ko": {"title": f"{title[1]} 실무 {i + 1}", "summary": prose("ko", labels, rnd, 2),
                   "objectives": [prose("ko", labels, rnd, 1) for _ in range(3)]},
            "en": {"title": f"{title[2].capitalize()} in practice {i + 1}", "summary": prose("en", labels, rnd, 2),
                   "objectives": [prose("en", labels, rnd, 1) for _ in range(3)]},
            "terms": terms,
            "references": sorted(set(rnd.sample(reference_ids, min(3, len(reference_ids))))),
            "related": sorted(set(rnd.sample(module_ids, min(3, len(module_ids)))) - {module_id}),
            "prerequisites": [module_ids[i - 1]] if i % 4 and i else [],  # only earlier modules: no cycles
            "announced_in": [source(i)],
            "reviewed": REVIEWED,
        }), encoding="utf-8")
        mine = [by_id[t] for t in terms]
        for lang in ("ko", "en"):
            (root / "curriculum" / "lessons" / f"{module_id}.{lang}.md").write_text(lesson(lang, mine, labels, rnd), encoding="utf-8")

    per_session = max(1, size.modules // size.sessions)
    for n in range(1, size.sessions + 1):
        held = n <= size.sessions // 2
        (root / "curriculum" / "sessions" / f"s{n:03d}.yml").write_text(dump({
            "id": f"s{n:03d}", "number": n,
            "date": dt.date(2026 + (n - 1) // 300, 1 + (n - 1) // 25 % 12, 1 + (n - 1) % 25) if held else None,
            "status": "held" if held else "not-announced",
            "ko": {"title": f"제{n}회차 강의", "venue": "경기도청 북부청사 대회의실" if held else None},
            "en": {"title": f"Lecture {n}", "venue": "Gyeonggi Provincial Office (North), main hall" if held else None},
            "modules": module_ids[(n - 1) * per_session:n * per_session],
            "sources": [source(n)],
        }), encoding="utf-8")

    (root / "curriculum" / "programme.yml").write_text(dump({
        "id": "synthetic-programme",
        "ko": {"title": "경기도 간부공직자 AI 행정전문가 교육 (합성 자료)", "summary": "성능 측정용 합성 교육과정입니다.",
               "purpose": "생성기와 빌드의 성능을 측정합니다.", "audience": "경기도 간부공직자"},
        "en": {"title": "AI administration training (synthetic data)", "summary": "A synthetic programme for benchmarks.",
               "purpose": "To measure the generator and the build.", "audience": "Senior officials of Gyeonggi Province"},
        "organiser": {"ko": "경기도", "en": "Gyeonggi Province"},
        "partner": {"ko": "협력 기관", "en": "Partner institution"},
        "start": dt.date(2026, 1, 1), "end": dt.date(2029, 12, 31), "sessions_total": size.sessions, "announced": dt.date(2025, 12, 1),
        "sources": [source(0)],
    }), encoding="utf-8")


def linker_corpus(labels: list, pages: int, seed: int = 9) -> list[str]:
    """Markdown pages of lesson-like prose for the auto-linker benchmark."""
    rnd = random.Random(seed)
    return [lesson("ko" if i % 2 == 0 else "en", rnd.sample(labels, 8), labels, rnd) for i in range(pages)]
