"""The shape of every kind of record, declared once (see schema.py)."""

from __future__ import annotations

from .schema import ID, Boolean, Date, FilledUnless, Integer, Key, ListOf, Nullable, OneOf, Record, Text, Url, bilingual

LANGS = ("ko", "en")

SOURCE = Record(
    (
        Key("title", Text(max_length=400), description="what the source is: outlet and date, or law and article"),
        Key("url", Url(), required=False, description="where to read it"),
        Key("law", Text(max_length=200), required=False, description="name of the law, when the source is a law"),
        Key("article", Text(max_length=80), required=False, description="article, e.g. 제2조제4호"),
        Key("licence", Text(max_length=80), required=False, description="licence of text copied from the source, e.g. MIT or CC BY 4.0"),
    ),
    description="A public source for a fact.",
)
SOURCES = ListOf(SOURCE)
IDS = ListOf(ID, unique=True)
BILINGUAL_NAME = Record((Key("ko", Text(max_length=300)), Key("en", Text(max_length=300))))

# When a record was last checked against its sources, and (optionally) when a fact known to be
# provisional must be checked again. `make review-due` lists what is due (review.py).
REVIEWED = Key(
    "reviewed", Date(),
    description="the day this record (a module: with its lessons) was last checked against its sources, never after the build date",
)
VERIFY_BY = Key(
    "verify_by",
    Record(
        (
            Key("date", Date(), description="the day by which to check again (YYYY-MM-DD)"),
            Key("note", Text(max_length=500), description="what to check, for the editor who does it (not shown on the site)"),
        )
    ),
    required=False,
    description="for a fact known to be provisional: when and what to check again; `make review-due` lists it from that day",
)

PROGRAMME_TEXT = Record(
    (
        Key("title", Text(max_length=200)),
        Key("title_note", Text(max_length=500), required=False, description="e.g. that the English title is a working translation"),
        Key("summary", Text(max_length=3000)),
        Key("purpose", Text(max_length=1000)),
        Key("audience", Text(max_length=500)),
    )
)
PROGRAMME = Record(
    (
        Key("id", ID),
        *bilingual(PROGRAMME_TEXT, "programme title and texts"),
        Key("organiser", BILINGUAL_NAME),
        Key("partner", BILINGUAL_NAME),
        Key("partner_note", BILINGUAL_NAME, required=False),
        Key("start", Date()),
        Key("end", Date()),
        Key("sessions_total", Integer(minimum=1)),
        Key("announced", Nullable(Date()), description="date the programme was announced"),
        Key("title_official", Boolean(), required=False,
            description="false when the English title is a working translation; pages then say so where it first appears"),
        Key("sources", SOURCES),
    ),
    description="The programme as a whole (curriculum/programme.yml).",
)

SESSION_STATUSES = ("held", "scheduled", "not-announced", "cancelled")
SESSION_TEXT = Record(
    (
        Key("title", Nullable(Text(max_length=200)), description="null while the topic is not announced"),
        Key("venue", Nullable(Text(max_length=200)), description="null while the venue is not announced"),
        Key("note", Text(max_length=2000), required=False),
    )
)
SESSION = Record(
    (
        Key("id", ID),
        Key("number", Integer(minimum=1)),
        Key("date", Nullable(Date()), description="null while the date is not announced; never guess"),
        Key("start_time", Nullable(Text(max_length=5, pattern=r"^\d{2}:\d{2}$", hint="write HH:MM")), required=False),
        Key("end_time", Nullable(Text(max_length=5, pattern=r"^\d{2}:\d{2}$", hint="write HH:MM")), required=False),
        Key("status", OneOf(SESSION_STATUSES)),
        *bilingual(SESSION_TEXT, "session title, venue and notes"),
        Key("modules", IDS, description="modules taught in this session; empty while not announced"),
        Key("sources", SOURCES),
    ),
    description="One session of the programme (curriculum/sessions/<id>.yml).",
)

MODULE_GROUPS = ("core", "component", "expected-area", "gyeonggi")
MODULE_TEXT = Record(
    (
        Key("title", Text(max_length=200)),
        Key("summary", Text(max_length=1000)),
        Key("objectives", ListOf(Text(max_length=400), min_items=1)),
    )
)
MODULE = Record(
    (
        Key("id", ID),
        Key("group", OneOf(MODULE_GROUPS), description="core topic, course component, expected learning area, or Gyeonggi's own"),
        Key("order", Integer(minimum=1)),
        *bilingual(MODULE_TEXT, "module title, summary and learning objectives"),
        Key("terms", IDS, description="glossary term ids"),
        Key("references", IDS, description="reference library ids"),
        Key("related", IDS, description="related module ids"),
        Key("prerequisites", IDS, description="module ids to study first"),
        Key("announced_in", SOURCES, description="public sources that name this topic"),
        REVIEWED,
        VERIFY_BY,
    ),
    description="One module of the curriculum (curriculum/modules/<id>.yml).",
)

# A label names a term (preferred term, synonym, abbreviation). It starts with a letter or digit, so the
# auto-linker can find it at a word start, and has no ';' or line break, which separate list items in CSV.
LABEL_PATTERN = r"^[^\s;!-/:-@\[-`{-~][^;\n]*$"
LABEL_HINT = "a label must start with a letter or digit and contain no ';' or line break"
TERM_LABEL = Text(max_length=120, pattern=LABEL_PATTERN, hint=LABEL_HINT)
TERM_TEXT = Record(
    (
        Key("term", TERM_LABEL, description="preferred term"),
        Key("synonyms", ListOf(TERM_LABEL, unique=True)),
        Key("definition", Nullable(Text(max_length=1200)), description="1-3 plain sentences"),
    )
)
# draft: published, not yet reviewed. reviewed: published and checked.
# candidate: brought in by `make import-glossary` without both definitions; never published.
TERM_STATUSES = ("draft", "reviewed", "candidate")
CANDIDATE = "candidate"
TERM = Record(
    (
        Key("id", ID),
        Key("topic", ID),
        Key("abbreviations", ListOf(Text(max_length=20, pattern=LABEL_PATTERN, hint=LABEL_HINT), unique=True)),
        *bilingual(TERM_TEXT, "term, synonyms and definition"),
        Key("related", IDS, description="related glossary term ids"),
        Key("sources", ListOf(SOURCE, min_items=1)),
        Key("status", OneOf(TERM_STATUSES)),
        Key("autolink", Boolean(), description="false for words too common to link on every page"),
        Key(
            "shared_labels",
            ListOf(TERM_LABEL, unique=True),
            required=False,
            description="labels this term shares on purpose with another term; they are not linked to this term",
        ),
    ),
    description="One glossary term (glossary/<id>.yml).",
    rules=(
        FilledUnless(
            "status", CANDIDATE, (("ko", "definition"), ("en", "definition")),
            "write 1-3 plain sentences, or set 'status: candidate' to keep the term off the site until it has them",
        ),
    ),
)

JURISDICTIONS = (
    "gyeonggi", "korea", "eu", "oecd", "unesco", "united-states", "g7",
    "council-of-europe", "iso-iec", "international-summit",
)
REFERENCE_TYPES = (
    "law", "regulation", "ordinance", "recommendation", "framework", "standard",
    "declaration", "code-of-conduct", "guideline", "provincial-policy",
)
MILESTONE_KINDS = ("adopted", "signed", "promulgated", "published", "in-force", "applies", "amended", "announced", "launched")
MILESTONE = Record(
    (
        Key("date", Date(partial=True), description="YYYY-MM-DD; 'YYYY-MM' or 'YYYY' in quotes when the day is not known (never guess a day)"),
        Key("kind", OneOf(MILESTONE_KINDS), description="what happened; promulgated, in-force and applies must not come before adopted/signed"),
        Key("ko", Text(max_length=500), description="what happened, in Korean"),
        Key("en", Text(max_length=500), description="what happened, in English"),
        Key("source", Url(), description="public source for this date"),
        VERIFY_BY,
    )
)
REFERENCE_TEXT = Record((Key("title", Text(max_length=400)), Key("summary", Text(max_length=3000))))
# No official English titles were found for Korean and Gyeonggi legislation (facts.md), so unless a
# reference says otherwise its English title is a working translation, and pages say so.
WORKING_TITLE_JURISDICTIONS = ("korea", "gyeonggi")
WORKING_TITLE_TYPES = ("law", "regulation", "ordinance")
REFERENCE = Record(
    (
        Key("id", ID),
        Key("jurisdiction", OneOf(JURISDICTIONS)),
        Key("type", OneOf(REFERENCE_TYPES)),
        Key("title_official", Boolean(), required=False, description=(
            "whether the English title is official; when left out, false for Korean and Gyeonggi laws, regulations "
            "and ordinances and true otherwise. A working translation is marked as such where it first appears on a page")),
        Key("issuer", BILINGUAL_NAME),
        *bilingual(REFERENCE_TEXT, "official title and summary"),
        Key("urls", Record((Key("ko", Nullable(Url())), Key("en", Nullable(Url())))), description="official text per language; null where none is confirmed"),
        Key("milestones", ListOf(MILESTONE)),
        Key("terms", IDS, description="glossary term ids"),
        Key("sources", SOURCES),
        REVIEWED,
        VERIFY_BY,
    ),
    description="One policy document in the reference library (references/<id>.yml).",
)

RECAP = Record(
    (
        Key("title", Text(max_length=200)),
        Key("session", ID, description="session id, e.g. s01; the file is curriculum/recaps/<session>.<lang>.md"),
        Key("date", Date(), description="the session's date, as in curriculum/sessions/<session>.yml"),
        Key("summary", Text(max_length=1000)),
        Key("takeaways", ListOf(Text(max_length=500), min_items=1)),
        Key("modules", IDS),
        Key("terms", IDS),
        Key("references", IDS),
        Key("sources", ListOf(SOURCE, min_items=1)),
        Key("autolink", Boolean(), required=False),
    ),
    description="Front matter of a session recap (curriculum/recaps/<session>.ko.md / .en.md).",
)

KINDS = {
    "programme": PROGRAMME,
    "session": SESSION,
    "module": MODULE,
    "term": TERM,
    "reference": REFERENCE,
    "recap": RECAP,
}
