"""Interface words of the generated pages, in both languages.

Kept in one table so a translator can review them side by side.
"""

from __future__ import annotations

import datetime as dt

LABELS = {
    "not_announced": ("발표되지 않음", "Not yet announced"),
    "programme": ("교육과정 개요", "Programme overview"),
    "schedule": ("회차별 일정", "Session schedule"),
    "session": ("회차", "Session"),
    "session_n": ("제{n}회차", "Session {n}"),
    "date": ("날짜", "Date"),
    "time": ("시간", "Time"),
    "venue": ("장소", "Venue"),
    "topic": ("주제", "Topic"),
    "licence": ("라이선스", "Licence"),
    "status": ("상태", "Status"),
    "recap": ("회차 요약", "Recap"),
    "recap_missing": ("회차 요약이 아직 게시되지 않았습니다.", "Recap not yet published."),
    "recap_link": ("회차 요약 읽기", "Read the recap"),
    "organiser": ("주최", "Organiser"),
    "partner": ("협력 기관", "Partner"),
    "period": ("교육 기간", "Period"),
    "sessions_total": ("회차 수", "Sessions"),
    "announced": ("발표일", "Announced"),
    "audience": ("대상", "Audience"),
    "purpose": ("목표", "Purpose"),
    "modules": ("교육 모듈", "Modules"),
    "module_index": ("모듈 목록", "Module index"),
    "modules_taught": ("다루는 모듈", "Modules taught"),
    "modules_not_announced": ("회차별 주제는 발표되지 않았습니다.", "The topics of each session have not been announced."),
    "taught_in": ("다루는 회차", "Taught in"),
    "taught_in_unknown": ("어느 회차에서 다루는지는 발표되지 않았습니다.", "Which session covers this module has not been announced."),
    "at_a_glance": ("한눈에 보기", "At a glance"),
    "objectives": ("학습 목표", "Learning objectives"),
    "key_terms": ("핵심 용어", "Key terms"),
    "references": ("관련 정책 자료", "Policy references"),
    "related_modules": ("관련 모듈", "Related modules"),
    "prerequisites": ("선수 모듈", "Prerequisites"),
    "none": ("없음", "None"),
    "sources": ("출처", "Sources"),
    "announced_in": ("이 주제가 발표된 출처", "Where this topic was announced"),
    "lesson_untranslated": (
        "이 수업 내용은 아직 한국어로 번역되지 않아 영어 원문을 보여 드립니다.",
        "This lesson has not been translated into English yet; the Korean original is shown below.",
    ),
    "untranslated_title": ("번역되지 않은 페이지", "Not translated yet"),
    "untranslated_body": (
        "이 페이지는 아직 한국어로 번역되지 않았습니다. 원문을 아래에 보여 드립니다.",
        "This page has not been translated into English yet. The Korean original is shown below.",
    ),
    "feed_title": ("회차 요약과 교육 소식", "Recaps and programme news"),
    "glossary": ("용어집", "Glossary"),
    "definition": ("정의", "Definition"),
    "synonyms": ("동의어", "Synonyms"),
    "abbreviations": ("약어", "Abbreviations"),
    "related_terms": ("관련 용어", "Related terms"),
    "used_in": ("사용된 곳", "Used in"),
    "not_used_yet": ("아직 이 용어를 쓰는 페이지가 없습니다.", "No page uses this term yet."),
    "mentioned_in": ("본문에서 이 용어를 언급한 페이지:", "Pages that mention this term in their text:"),
    "topic_technology": ("AI 기술", "AI technology"),
    "topic_physical-ai": ("피지컬 AI", "Physical AI"),
    "topic_public-innovation": ("공공 혁신", "Public-sector innovation"),
    "topic_data-policy": ("데이터 정책", "Data policy"),
    "topic_decision-making": ("자동화된 의사결정", "Automated decision-making"),
    "topic_ethics-norms": ("윤리와 규범", "Ethics and norms"),
    "topic_law-policy": ("법과 제도", "Law and policy"),
    "topic_industry": ("산업", "Industry"),
    "topic_humanomics": ("휴머노믹스", "Humanomics"),
    "term_status_draft": ("초안(검토 전)", "Draft (not yet reviewed)"),
    "term_status_reviewed": ("검토 완료", "Reviewed"),
    "other_language": ("영어", "Korean"),
    "reference_library": ("정책 자료실", "Policy reference library"),
    "discussed_in": ("다룬 곳", "Discussed in"),
    "not_discussed_yet": ("아직 이 자료를 다룬 페이지가 없습니다.", "No page discusses this document yet."),
    "issuer": ("발행 기관", "Issuer"),
    "jurisdiction": ("관할", "Jurisdiction"),
    "type": ("유형", "Type"),
    "milestones": ("주요 일자", "Milestones"),
    "official_text": ("공식 문서", "Official text"),
    "summary": ("요약", "Summary"),
    "group_core": ("핵심 주제", "Core topics"),
    "group_component": ("교육 구성 요소", "Course components"),
    "group_expected-area": ("학습 기대 분야", "Expected learning areas"),
    "group_gyeonggi": ("경기도의 AI 행정", "Gyeonggi's own AI administration"),
    "status_held": ("진행됨", "Held"),
    "status_scheduled": ("예정", "Scheduled"),
    "status_not-announced": ("일정 미발표", "Not yet announced"),
    "status_cancelled": ("취소", "Cancelled"),
}

# The graphics: curriculum map, schedule strip and policy timeline (own block so edits above and below rebase cleanly).
LABELS.update({
    "map": ("교육과정 지도", "Curriculum map"),
    "map_caption": (
        "회차와 모듈, 그리고 모듈 사이의 선수·관련 관계. 상자를 누르면 그 페이지로 갑니다.",
        "Sessions, modules and how the modules build on each other. Select a box to open its page.",
    ),
    "map_desc": (
        "{sessions}개 회차와 {modules}개 모듈. 선수 관계 {prereq}개와 관련 모듈 관계 {related}개를 선으로 잇습니다.",
        "{sessions} sessions and {modules} modules, with {prereq} prerequisite links and {related} related-module links.",
    ),
    "map_desc_taught": ("회차에서 다루는 모듈 연결 {taught}개가 있습니다.", "{taught} links show which session teaches which module."),
    "map_sessions_unknown": (
        "회차별로 어떤 모듈을 다루는지는 아직 발표되지 않았습니다.",
        "Which modules each session covers has not been announced yet.",
    ),
    "graphic_text_below": ("같은 내용을 그림 아래에 글로 적었습니다.", "The same information is written out below the picture."),
    "map_legend_prereq": ("선수 모듈 → 이어지는 모듈", "Prerequisite → module building on it"),
    "map_legend_related": ("관련 모듈", "Related modules"),
    "map_legend_taught": ("회차 → 다루는 모듈", "Session → module taught"),
    "map_legend_unknown": ("다루는 모듈 미발표", "Modules not announced"),
    "map_column_0": ("출발 모듈 (선수 모듈 없음)", "Starting points (no prerequisites)"),
    "map_column_n": ("{n}단계: 앞 단계 위에 쌓기", "Level {n}: builds on earlier levels"),
    "map_as_text": ("지도의 내용", "The map as text"),
    "map_sessions": ("회차별 모듈", "Modules by session"),
    "map_modules": ("모듈별 선수·관련 모듈", "Prerequisites and related modules"),
    "module": ("모듈", "Module"),
    "group": ("분류", "Group"),
    "date_not_announced_short": ("날짜 미발표", "No date yet"),
    "strip": ("한눈에 보는 일정", "Schedule at a glance"),
    "strip_caption": (
        "날짜가 발표된 회차는 달력 위에, 발표되지 않은 회차는 아래에 따로 모았습니다. 회차를 누르면 그 페이지로 갑니다.",
        "Sessions with an announced date sit on the calendar; the others are listed below it. Select a session to open its page.",
    ),
    "strip_desc": (
        "{first}부터 {last}까지의 달력. {period}. 날짜가 발표된 회차: {known}. 날짜가 발표되지 않은 회차: {unknown}. 아래 일정 표에 같은 내용이 있습니다.",
        "Calendar from {first} to {last}. {period}. Sessions with an announced date: {known}. Sessions whose date has not been announced: {unknown}. The table below gives the same information.",
    ),
    "strip_period": ("교육 기간: {start} – {end}", "Programme period: {start} – {end}"),
    "strip_undated": ("날짜 미발표:", "Date not announced:"),
    "strip_mondays": ("숫자: 월요일 날짜", "Numbers: Mondays"),
    "timeline_graphic": ("한눈에 보는 AI 정책 연표", "AI policy timeline at a glance"),
    "timeline_caption": (
        "국제기구·유럽연합·대한민국·경기도의 AI 정책 일자와 이 교육과정을 한 시간축에 놓았습니다. 표시를 누르면 그 자료 페이지로 갑니다.",
        "AI policy milestones of international bodies, the EU, Korea and Gyeonggi, and this programme, on one time axis. Select a mark to open its page.",
    ),
    "timeline_desc": (
        "{first}년부터 {last}년까지의 일자 {n}개: 국제·기타 국가 {n_international}개, 유럽연합 {n_eu}개, 대한민국 {n_korea}개, 경기도 {n_gyeonggi}개, 이 교육과정의 회차 {n_programme}개.",
        "{n} dates from {first} to {last}: international and other countries {n_international}, European Union {n_eu}, Republic of Korea {n_korea}, Gyeonggi Province {n_gyeonggi}, sessions of this programme {n_programme}.",
    ),
    "timeline_lane_international": ("국제·기타 국가", "International and other countries"),
    "timeline_lane_eu": ("유럽연합", "European Union"),
    "timeline_lane_korea": ("대한민국", "Republic of Korea"),
    "timeline_lane_gyeonggi": ("경기도", "Gyeonggi Province"),
    "timeline_lane_programme": ("이 교육과정", "This programme"),
    "timeline_programme": ("교육 기간 {start} – {end}.", "Programme period {start} – {end}."),
    "timeline_undated_sessions": ("날짜가 발표되지 않은 {n}개 회차는 표시하지 않았습니다.", "Sessions without an announced date ({n}) are not shown."),
    "timeline_legend_day": ("날짜가 확인된 일자", "Exact date"),
    "timeline_legend_partial": ("월·연도까지만 알려진 일자", "Month or year only"),
    "timeline_legend_today": ("예정: 사이트를 만든 날({today}, 점선) 이후", "Upcoming: after the build date ({today}, dotted line)"),
})

# The translation status page for editors (own block so edits above and below rebase cleanly).
LABELS.update({
    "translation_status": ("번역 현황", "Translation status"),
    "translation_intro": (
        "편집자를 위한 작업 목록입니다. 한 언어로만 있는 페이지와 수업 내용, 한 언어에서 비어 있거나 'TODO:' 자리표시가 남은 데이터를 보여 줍니다. "
        "데이터와 페이지에서 자동으로 만들어지며, 터미널에서는 `make translation-status`로 같은 목록을 볼 수 있습니다.",
        "A work list for editors: pages and lessons that exist in one language only, and data that is empty or still holds a 'TODO:' placeholder in one language. "
        "It is generated from the data and the pages; `make translation-status` prints the same list in a terminal.",
    ),
    "coverage": ("모음별 번역 비율", "How far each collection is translated"),
    "coverage_collection": ("모음", "Collection"),
    "coverage_items": ("항목 수", "Items"),
    "coverage_lang": ("{language} 완료", "Complete in {language}"),
    "lang_name_ko": ("한국어", "Korean"),
    "lang_name_en": ("영어", "English"),
    "missing_in": ("{language}로 쓸 것", "To write in {language}"),
    "missing_none": ("없습니다.", "Nothing."),
    "collection_programme": ("교육과정 개요", "Programme"),
    "collection_sessions": ("회차", "Sessions"),
    "collection_modules": ("모듈", "Modules"),
    "collection_lessons": ("수업 내용", "Lessons"),
    "collection_terms": ("용어", "Glossary terms"),
    "collection_references": ("정책 자료", "Policy references"),
    "collection_recaps": ("회차 요약", "Session recaps"),
    "collection_pages": ("직접 쓴 페이지", "Hand-written pages"),
    "gap_page": ("`{subject}` 파일이 없습니다", "`{subject}` does not exist yet"),
    "gap_lesson": ("`{subject}` 파일이 없습니다", "`{subject}` does not exist yet"),
    "gap_lesson-placeholder": ("'TODO:' 자리표시가 남아 있습니다", "still holds 'TODO:' placeholders"),
    "gap_missing": ("`{subject}` 값이 비어 있습니다", "`{subject}` is empty"),
    "gap_placeholder": ("`{subject}`에 'TODO:' 자리표시가 남아 있습니다", "`{subject}` still holds a 'TODO:' placeholder"),
    "gap_candidate": ("후보 용어(사이트에 싣지 않음): `{subject}`를 쓰고 `status: draft`로 바꾸면 게시됩니다",
                      "candidate term (not on the site): write `{subject}`, then set `status: draft` to publish it"),
    "gap_candidate-ready": ("후보 용어의 정의가 모두 있습니다: `status: draft`로 바꾸면 게시됩니다",
                            "candidate term with both definitions: set `status: draft` to publish it"),
    "gap_copied": ("`{subject}`에 한국어 원문이 그대로 들어 있습니다", "`{subject}` holds the Korean text unchanged"),
})

WEEKDAYS = {"ko": "월화수목금토일", "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def label(key: str, lang: str, **values) -> str:
    ko, en = LABELS[key]
    text = ko if lang == "ko" else en
    return text.format(**values) if values else text


def short_date(value, lang: str) -> str:
    """A day within the programme's year, short enough for a graphic: '11월 5일 (수)', 'Wed 5 Nov'."""
    if lang == "ko":
        return f"{value.month}월 {value.day}일 ({WEEKDAYS['ko'][value.weekday()]})"
    return f"{WEEKDAYS['en'][value.weekday()][:3]} {value.day} {MONTHS_EN[value.month - 1][:3]}"


def format_date(value, lang: str, weekday: bool = False) -> str:
    """A full date, or a partial 'YYYY-MM' / 'YYYY', written the way each language reads it."""
    if value is None:
        return label("not_announced", lang)
    if isinstance(value, dt.date):
        if lang == "ko":
            text = f"{value.year}년 {value.month}월 {value.day}일"
            return text + (f" ({WEEKDAYS['ko'][value.weekday()]})" if weekday else "")
        text = f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
        return (f"{WEEKDAYS['en'][value.weekday()]} " if weekday else "") + text
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 2:
        return f"{parts[0]}년 {parts[1]}월" if lang == "ko" else f"{MONTHS_EN[parts[1] - 1]} {parts[0]}"
    return f"{parts[0]}년" if lang == "ko" else str(parts[0])


def reviewed_on(day, lang: str) -> str:
    """'**내용 기준일**: 2026년 12월 7일' / '**Reviewed on**: 7 December 2026', the date machine-readable too."""
    return f'**{label("reviewed_on", lang)}**: <time datetime="{day.isoformat()}">{format_date(day, lang)}</time>'


# Review dates of references and modules (own block so edits above and below rebase cleanly).
LABELS.update({
    "reviewed_on": ("내용 기준일", "Reviewed on"),
})


# The reference library, timeline, recaps, calendar and feeds (kept in their own block so edits above rebase cleanly).
LABELS.update({
    "jurisdiction_gyeonggi": ("경기도", "Gyeonggi Province"),
    "jurisdiction_korea": ("대한민국", "Republic of Korea"),
    "jurisdiction_eu": ("유럽연합", "European Union"),
    "jurisdiction_oecd": ("OECD", "OECD"),
    "jurisdiction_unesco": ("유네스코", "UNESCO"),
    "jurisdiction_united-states": ("미국", "United States"),
    "jurisdiction_g7": ("G7", "G7"),
    "jurisdiction_council-of-europe": ("유럽평의회", "Council of Europe"),
    "jurisdiction_iso-iec": ("ISO/IEC", "ISO/IEC"),
    "jurisdiction_international-summit": ("국제 정상회의", "International summits"),
    "type_law": ("법률·협약", "Laws and treaties"),
    "type_regulation": ("규칙", "Regulations"),
    "type_ordinance": ("조례", "Ordinances"),
    "type_recommendation": ("권고", "Recommendations"),
    "type_framework": ("프레임워크·전략", "Frameworks and strategies"),
    "type_standard": ("표준", "Standards"),
    "type_declaration": ("선언", "Declarations"),
    "type_code-of-conduct": ("행동강령", "Codes of conduct"),
    "type_guideline": ("가이드라인", "Guidelines"),
    "type_provincial-policy": ("경기도 정책", "Provincial policies"),
    "by_jurisdiction": ("관할별", "By jurisdiction"),
    "by_type": ("유형별", "By type"),
    "library_intro": (
        "AI 정책 문서 {n}건을 관할과 유형에 따라 두 번 나누어 보여 줍니다. 각 문서의 주요 일자는 [연표]({timeline})에 모여 있습니다.",
        "{n} AI policy documents, listed twice: by jurisdiction and by type. Every dated milestone is also on the [timeline]({timeline}).",
    ),
    "filter_label": ("목록에서 찾기", "Filter the lists"),
    "filter_hint": ("제목, 발행 기관, 관할 또는 유형의 일부를 입력하세요.", "Type part of a title, issuer, jurisdiction or type."),
    "filter_none": ("찾는 문서가 없습니다.", "No document matches."),
    "official_text_in": ("공식 문서({language})", "Official text ({language})"),
    "language_ko": ("한국어", "Korean"),
    "language_en": ("영어", "English"),
    "no_official_url": ("확인된 공식 문서 주소가 없습니다. 아래 출처를 참고하세요.", "No official address has been confirmed; see the sources below."),
    "date_partial": ("일자 미확인", "day not known"),
    "milestone_what": ("내용", "What happened"),
    "source": ("출처", "Source"),
    "milestone_adopted": ("채택·의결", "Adopted"),
    "milestone_signed": ("서명", "Signed"),
    "milestone_promulgated": ("공포·제정", "Promulgated"),
    "milestone_published": ("발행·발표", "Published"),
    "milestone_in-force": ("시행·발효", "In force"),
    "milestone_applies": ("적용", "Applies"),
    "milestone_amended": ("개정", "Amended"),
    "milestone_announced": ("발표", "Announced"),
    "milestone_launched": ("출범·개통", "Launched"),
    "discussed_modules": ("교육 모듈", "Modules"),
    "discussed_sessions": ("회차", "Sessions"),
    "discussed_recaps": ("회차 요약", "Recaps"),
    "timeline": ("AI 정책 연표", "AI policy timeline"),
    "timeline_intro": (
        "정책 자료실의 모든 주요 일자와 날짜가 발표된 교육 회차를 시간 순서로 모았습니다. "
        "‘예정’ 표시는 이 사이트를 만든 날({today})을 기준으로 아직 오지 않은 날짜입니다. "
        "날짜를 월이나 연도까지만 알 수 있는 항목은 그 기간의 맨 앞에 둡니다.",
        "Every dated milestone in the reference library and every programme session with an announced date, in "
        "chronological order. \"Upcoming\" marks dates after the day this site was built ({today}). Items known only "
        "to the month or year are placed at the start of that period.",
    ),
    "timeline_no_build_date": (
        "정책 자료실의 모든 주요 일자와 날짜가 발표된 교육 회차를 시간 순서로 모았습니다.",
        "Every dated milestone in the reference library and every programme session with an announced date, in chronological order.",
    ),
    "upcoming": ("예정", "Upcoming"),
    "programme_session": ("교육 회차", "Programme session"),
    "recaps": ("회차 요약", "Session recaps"),
    "recaps_intro": (
        "진행된 회차를 공개 자료에 근거해 정리한 요약입니다. 요약이 아직 없는 회차는 ‘회차 요약이 아직 게시되지 않았습니다’로 표시합니다.",
        "Summaries of sessions that have taken place, based only on public sources. Sessions without one say \"Recap not yet published\".",
    ),
    "recaps_for_editors": ("회차 요약 작성 안내(편집자용)", "How to write a recap (for editors)"),
    "recap_of": ("{session} 요약", "Recap of {session}"),
    "takeaways": ("핵심 내용", "Key takeaways"),
    "related": ("관련 자료", "Related pages"),
    "session_page": ("회차 정보", "Session details"),
    "calendar": ("회차 일정을 달력에 추가(.ics)", "Add the sessions to your calendar (.ics)"),
    "calendar_note": (
        "날짜가 발표된 회차만 들어 있습니다. 시간이 발표되지 않은 회차는 종일 일정으로 표시됩니다.",
        "Only sessions with an announced date are included; sessions without announced times are all-day events.",
    ),
    "feed": ("회차 요약과 교육 소식 (Atom 피드)", "Recaps and programme news (Atom feed)"),
    "programme_announced": ("교육과정 발표: {title}", "Programme announced: {title}"),
})

# The 404 pages (not_found.py; own block so edits above and below rebase cleanly).
LABELS.update({
    "not_found_title": ("페이지를 찾을 수 없습니다", "Page not found"),
    "not_found_text": (
        "이 주소에는 페이지가 없습니다. 주소를 잘못 입력했거나 페이지가 옮겨졌을 수 있습니다. 홈에서 찾거나 검색해 보세요.",
        "There is no page at this address. It may be mistyped, or the page may have moved. Start from the home page or search.",
    ),
    "not_found_home": ("홈으로 가기", "Go to the home page"),
    "not_found_search": ("이 사이트에서 검색", "Search this site"),
    "not_found_search_button": ("검색", "Search"),
    "not_found_home_site": ("한국어 사이트 홈으로 가기", "Go to the home page of the English site"),
    "not_found_search_site": ("한국어 사이트에서 검색", "Search the English site"),
})

# The programme's phase (programme_state): `key` is said before and while the programme runs,
# `key_upcoming` before its first day and `key_completed` after its last, where the words differ.
LABELS.update({
    "not_announced_completed": ("공개되지 않음", "Not published"),
    "programme_phase": ("진행 상황", "Status"),
    "phase_upcoming": ("시작 전", "Not started yet"),
    "phase_running": ("진행 중", "In progress"),
    "phase_completed": ("종료", "Completed"),
    "phase_sentence": (
        "총 {n}회 과정으로 발표되었으며, {start}부터 {end}까지 진행되고 있습니다.",
        "Announced as {n} sessions, it runs from {start} to {end} and is under way.",
    ),
    "phase_sentence_upcoming": (
        "총 {n}회 과정으로 발표되었으며, {start}부터 {end}까지 열릴 예정입니다.",
        "Announced as {n} sessions, it is to run from {start} to {end}.",
    ),
    "phase_sentence_completed": (
        "총 {n}회 과정으로 발표되었으며, {start}부터 {end}까지 운영되었습니다.",
        "Announced as {n} sessions, it ran from {start} to {end}.",
    ),
    "unknowns_note": (
        "아직 발표되지 않은 내용은 추측하지 않고 ‘발표되지 않음’으로 표시합니다.",
        "What has not been announced yet is marked \"Not yet announced\" and never guessed.",
    ),
    "unknowns_note_completed": (
        "교육이 끝난 지금까지 공개되지 않은 내용은 추측하지 않고 ‘공개되지 않음’으로 표시합니다.",
        "What has not been published, now that the programme is over, is marked \"Not published\" and never guessed.",
    ),
    "date_not_announced_short_completed": ("날짜 미공개", "No date published"),
    "strip_undated_completed": ("날짜 미공개:", "Date not published:"),
    "strip_caption_completed": (
        "날짜가 공개된 회차는 달력 위에, 공개되지 않은 회차는 아래에 따로 모았습니다. 회차를 누르면 그 페이지로 갑니다.",
        "Sessions with a published date sit on the calendar; the others are listed below it. Select a session to open its page.",
    ),
    "strip_desc_completed": (
        "{first}부터 {last}까지의 달력. {period}. 날짜가 공개된 회차: {known}. 날짜가 공개되지 않은 회차: {unknown}. 아래 일정 표에 같은 내용이 있습니다.",
        "Calendar from {first} to {last}. {period}. Sessions with a published date: {known}. Sessions whose date was not published: {unknown}. The table below gives the same information.",
    ),
    "modules_not_announced_completed": ("회차별 주제는 공개되지 않았습니다.", "The topics of each session were not published."),
    "taught_in_unknown_completed": ("어느 회차에서 다루었는지는 공개되지 않았습니다.", "Which session covered this module was not published."),
    "map_sessions_unknown_completed": (
        "회차별로 어떤 모듈을 다루었는지는 공개되지 않았습니다.",
        "Which modules each session covered was not published.",
    ),
    "map_legend_unknown_completed": ("다룬 모듈 미공개", "Modules not published"),
    "status_not-announced_completed": ("공개되지 않음", "Not published"),
    "status_scheduled_past": ("예정이었음(진행 여부 미확인)", "Was scheduled; not confirmed as held"),
    "recap_missing_completed": ("요약 없음(이 회차를 다룬 공개 자료를 찾지 못함)", "None (no public source about this session was found)"),
    "modules_taught_completed": ("다룬 모듈", "Modules taught"),
    "taught_in_completed": ("다룬 회차", "Taught in"),
    "recaps_intro_upcoming": (
        "교육이 시작되면 진행된 회차를 공개 자료에 근거해 여기에 요약합니다.",
        "Once the programme starts, sessions that have taken place are summarised here from public sources.",
    ),
    "recaps_intro_completed": (
        "교육은 {end}에 끝났습니다. 회차 요약은 공개 자료에만 근거하며, 요약이 없는 회차는 그 회차를 다룬 공개 자료를 찾지 못한 회차입니다.",
        "The programme ended on {end}. Recaps rest on public sources only; a session without a recap is one that no public source was found about.",
    ),
    "timeline_programme_upcoming": ("교육 기간(예정) {start} – {end}.", "Programme period (upcoming) {start} – {end}."),
    "timeline_programme_completed": ("교육 기간 {start} – {end} (종료).", "Programme period {start} – {end} (completed)."),
    "timeline_undated_sessions_completed": (
        "날짜가 공개되지 않은 {n}개 회차는 표시하지 않았습니다.",
        "Sessions whose date was not published ({n}) are not shown.",
    ),
})

# Working translations of English titles (working_translations.py).
LABELS.update({
    "working_translation_mark": ("(비공식 번역)", "(working translation)"),
    "working_translation_tip": (
        "공식 영어 명칭이 없어 이 사이트에서 옮긴 명칭입니다.",
        "There is no official English title; this one is the site's own translation.",
    ),
})
