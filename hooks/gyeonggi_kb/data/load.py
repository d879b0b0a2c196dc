"""Turn the YAML collections and recap front matter into records.

Loading never raises. Each file is parsed (yamlsource), checked against its
shape (shapes/schema) and scanned for scaffold placeholders (placeholders).
A file without data problems becomes a record (placeholders alone do not stop
that: the preview still shows the page). A file with shape problems becomes a
*partial* record (salvage), kept apart in `Loaded.partial`: never rendered,
but checked across files like the others, so a misspelt id in it is reported
in the same run as its shape problem. Ids of unreadable files are still
returned so that cross-reference checks do not pile follow-up errors on top
of the first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gyeonggi_kb import layout
from gyeonggi_kb.problems import Problem

from . import placeholders, shapes
from .model import LANGS, Lesson, LessonSection, Milestone, Module, Origin, Programme, Recap, Reference, Session, Source, Term, Text, VerifyBy
from .salvage import salvage
from .schema import Where
from .yamlsource import Mapping, Sequence, load_yaml_text, parse_yaml, read_source

COLLECTIONS = {
    "session": "curriculum/sessions",
    "module": "curriculum/modules",
    "term": "glossary",
    "reference": "references",
}
PROGRAMME_FILE = "curriculum/programme.yml"
LESSONS_DIR = "curriculum/lessons"
RECAPS_DIR = "curriculum/recaps"
RECAP_NON_RECAPS = ("index", "template")
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
HEADING_ID = re.compile(r"^#{2}\s.*\{\s*#([A-Za-z0-9_-]+)\s*\}\s*$", re.M)
H2 = re.compile(r"^##\s")


def split_sections(text: str) -> tuple:
    """Cut a lesson at its level-2 headings, so checks can point at the line of each section."""
    sections, current = [], None
    for number, line in enumerate(text.splitlines(), 1):
        if H2.match(line):
            match = HEADING_ID.match(line)
            current = [match.group(1) if match else "", number, []]
            sections.append(current)
        elif current is not None:
            current[2].append(line)
    return tuple(LessonSection(id, line, "\n".join(body)) for id, line, body in sections)


@dataclass
class Loaded:
    programme: Programme | None = None
    sessions: dict = field(default_factory=dict)
    modules: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)  # published terms only (draft, reviewed)
    references: dict = field(default_factory=dict)
    recaps: dict = field(default_factory=dict)  # (session, lang) -> Recap
    candidates: dict = field(default_factory=dict)  # terms with status 'candidate': kept off the site
    known_ids: dict = field(default_factory=dict)  # kind -> set of ids, including broken files
    problems: list = field(default_factory=list)
    # kind -> {id (for recaps: (session, lang)): record} salvaged from files with shape problems:
    # for cross checks only, never rendered.
    partial: dict = field(default_factory=dict)

    def to_check(self, kind: str) -> dict:
        """Every record of `kind` the checks look at: the complete ones and the partial ones."""
        complete = {"session": self.sessions, "module": self.modules, "term": self.terms,
                    "reference": self.references, "recap": self.recaps}[kind]
        return {**self.partial.get(kind, {}), **complete}

    @property
    def programme_to_check(self) -> Programme | None:
        return self.programme or self.partial.get("programme", {}).get("programme")


def data_problems(problems: list) -> list:
    """The problems that make a file's data unusable as it is (not its placeholders)."""
    return [p for p in problems if p.kind == "data"]


def collection_files(root: Path, folder: str) -> list[Path]:
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def origin_of(path: str, data: Mapping, unusable: frozenset = frozenset()) -> Origin:
    items = tuple((k, tuple(v.item_lines)) for k, v in sorted(data.items()) if isinstance(v, Sequence))
    lines = dict(data.key_lines)
    for key, value in data.items():  # one level down too ('en.note'), for messages about a nested key
        if isinstance(value, Mapping):
            lines.update((f"{key}.{inner}", line) for inner, line in value.key_lines.items())
    return Origin(path, data.line or 1, tuple(sorted(lines.items())), items, unusable)


def read_data_file(path: Path, root: Path) -> tuple:
    """(parsed data, problems) of one YAML data file, its placeholders included."""
    text, data, problems = load_yaml_text(path, root)
    return data, problems + list(placeholders.find_in_yaml(text or "", path.relative_to(root).as_posix()))


def salvaged(kind: str, shape, data, rel: str):
    """A partial record of `kind` from data with shape problems (salvage), for cross checks only."""
    usable, unusable = salvage(shape, data)
    return build_programme(usable, origin_of(rel, data, unusable)) if kind == "programme" else build_record(kind, usable, origin_of(rel, data, unusable))


def texts(data: dict, key: str) -> Text:
    return Text(data["ko"].get(key), data["en"].get(key))


def sources(items) -> tuple:
    return tuple(Source(s["title"], s.get("url"), s.get("law"), s.get("article"), s.get("licence")) for s in items or ())


def verify_by(data: Mapping):
    found = data.get("verify_by")
    return VerifyBy(found["date"], found["note"], data.line_of("verify_by")) if found else None


def build_record(kind: str, data: Mapping, origin: Origin):
    if kind == "session":
        return Session(
            id=data["id"], number=data["number"], date=data["date"],
            start_time=data.get("start_time"), end_time=data.get("end_time"), status=data["status"],
            title=texts(data, "title"), venue=texts(data, "venue"), note=texts(data, "note"),
            modules=tuple(data["modules"]), sources=sources(data["sources"]), origin=origin,
        )
    if kind == "module":
        return Module(
            id=data["id"], group=data["group"], order=data["order"],
            title=texts(data, "title"), summary=texts(data, "summary"),
            objectives={lang: tuple(data[lang]["objectives"]) for lang in LANGS},
            terms=tuple(data["terms"]), references=tuple(data["references"]),
            related=tuple(data["related"]), prerequisites=tuple(data["prerequisites"]),
            announced_in=sources(data["announced_in"]), origin=origin,
            reviewed=data["reviewed"], verify_by=verify_by(data),
        )
    if kind == "term":
        return Term(
            id=data["id"], topic=data["topic"], abbreviations=tuple(data["abbreviations"]),
            term=texts(data, "term"), synonyms={lang: tuple(data[lang]["synonyms"]) for lang in LANGS},
            definition=texts(data, "definition"), related=tuple(data["related"]),
            sources=sources(data["sources"]), status=data["status"], autolink=data["autolink"], origin=origin,
            shared_labels=tuple(data.get("shared_labels", ())),
        )
    if kind == "reference":
        return Reference(
            id=data["id"], jurisdiction=data["jurisdiction"], type=data["type"],
            issuer=Text(data["issuer"]["ko"], data["issuer"]["en"]),
            title=texts(data, "title"), summary=texts(data, "summary"),
            urls=Text(data["urls"]["ko"], data["urls"]["en"]),
            milestones=tuple(
                Milestone(m["date"], m["kind"], Text(m["ko"], m["en"]), m["source"], m.line_of("date"), verify_by(m))
                for m in data["milestones"]
            ),
            terms=tuple(data["terms"]), sources=sources(data["sources"]), origin=origin,
            reviewed=data["reviewed"], verify_by=verify_by(data),
            title_official=data.get("title_official", not (
                data["jurisdiction"] in shapes.WORKING_TITLE_JURISDICTIONS and data["type"] in shapes.WORKING_TITLE_TYPES)),
        )
    raise ValueError(kind)


def load_programme(root: Path, out: Loaded) -> None:
    path = root / PROGRAMME_FILE
    if not path.is_file():
        out.problems.append(Problem(PROGRAMME_FILE, 0, "the programme file is missing; restore curriculum/programme.yml"))
        return
    data, problems = read_data_file(path, root)
    problems += list(shapes.PROGRAMME.check(data, "", Where(PROGRAMME_FILE, getattr(data, "line", 1) or 1)))
    out.problems += problems
    if not isinstance(data, Mapping):
        return
    if data_problems(problems):
        out.partial["programme"] = {"programme": salvaged("programme", shapes.PROGRAMME, data, PROGRAMME_FILE)}
        return
    out.programme = build_programme(data, origin_of(PROGRAMME_FILE, data))


def build_programme(p: Mapping, origin: Origin) -> Programme:
    return Programme(
        id=p["id"], title=texts(p, "title"), title_note=texts(p, "title_note"), summary=texts(p, "summary"),
        purpose=texts(p, "purpose"), audience=texts(p, "audience"),
        organiser=Text(p["organiser"]["ko"], p["organiser"]["en"]),
        partner=Text(p["partner"]["ko"], p["partner"]["en"]),
        partner_note=Text(*(p["partner_note"][lang] for lang in LANGS)) if "partner_note" in p else Text(None, None),
        start=p["start"], end=p["end"], sessions_total=p["sessions_total"], announced=p["announced"],
        sources=sources(p["sources"]), origin=origin, title_official=p.get("title_official", True),
    )


def load_collection(root: Path, kind: str, out: Loaded) -> dict:
    records: dict = {}
    known = out.known_ids.setdefault(kind, set())
    shape = shapes.KINDS[kind]
    for path in collection_files(root, COLLECTIONS[kind]):
        rel = path.relative_to(root).as_posix()
        data, problems = read_data_file(path, root)
        if data is not None or not data_problems(problems):
            problems += list(shape.check(data, "", Where(rel, getattr(data, "line", 1) or 1)))
        record_id = data.get("id") if isinstance(data, dict) else None
        if data_problems(problems) and not isinstance(record_id, str):
            known.add(path.stem)  # unreadable file: assume it is what its name says
        named_right = isinstance(record_id, str) and record_id == path.stem
        if isinstance(record_id, str):
            known.add(record_id)
            if not named_right:
                problems.append(Problem(rel, data.line_of("id"), f"id '{record_id}' must match the file name; rename the file to '{record_id}{path.suffix}' or change the id to '{path.stem}'"))
        out.problems += problems
        if data_problems(problems):
            # Which record a misnamed file is meant to be is not known: only a rightly named one is checked further.
            if named_right and isinstance(data, Mapping) and record_id not in records:
                out.partial.setdefault(kind, {})[record_id] = salvaged(kind, shape, data, rel)
            continue
        if record_id in records:
            first = records[record_id].origin
            out.problems.append(Problem(rel, data.line_of("id"), f"duplicate id '{record_id}', already used in {first.path}:{first.line_of('id')}; keep one file per record and delete or rename the other"))
            continue
        records[record_id] = build_record(kind, data, origin_of(rel, data))
    return records


def language_files(root: Path, folder: str, what: str, out: Loaded, skip=lambda stem: False):
    """(rel, stem, lang, text) for each readable `<stem>.<lang>.md` in `folder`; problems go to `out`."""
    base = root / folder
    if not base.is_dir():
        return
    for path in sorted(base.glob("*.md")):
        stem, _, lang = path.stem.rpartition(".")
        rel = path.relative_to(root).as_posix()
        if skip(stem or lang):
            continue
        if lang not in LANGS:
            out.problems.append(Problem(rel, 0, f"{what} file names must end in .ko.md or .en.md, e.g. '{path.stem}.ko.md'"))
            continue
        text, problems = read_source(path, rel)
        if text is None:
            out.problems += problems
            continue
        yield rel, stem, lang, text


def load_lessons(root: Path, modules: dict, out: Loaded) -> None:
    for rel, stem, lang, text in language_files(root, LESSONS_DIR, "lesson", out):
        out.problems += placeholders.find_in_markdown(text, rel)
        lesson = Lesson(rel, text, split_sections(text))
        if stem in modules:
            modules[stem].lessons[lang] = lesson
        elif stem not in out.known_ids.get("module", ()):
            out.problems.append(Problem(rel, 0, f"lesson for unknown module '{stem}'; name it after a file in curriculum/modules/"))


def load_recaps(root: Path, out: Loaded) -> None:
    def not_a_recap(name: str) -> bool:  # the template and any helper page
        return name in RECAP_NON_RECAPS or name.startswith("_")

    for rel, stem, lang, text in language_files(root, RECAPS_DIR, "recap", out, skip=not_a_recap):
        match = FRONT_MATTER.match(text)
        if not match:
            out.problems.append(Problem(rel, 1, f"a recap must start with front matter between two '---' lines: move this file aside, run `make new-recap SESSION={stem}` and copy your text below the front matter it writes"))
            out.problems += placeholders.find_in_markdown(text, rel)
            continue
        body_line = match.group(0).count("\n") + 1
        data, problems = parse_yaml(match.group(1), rel, first_line=2)
        if data is not None or not problems:
            problems += list(shapes.RECAP.check(data, "", Where(rel, 1)))
        session = data.get("session") if isinstance(data, Mapping) else None
        named_right = session == stem
        if isinstance(session, str) and not named_right:
            problems.append(Problem(rel, data.line_of("session"), f"recap names session '{session}' but its file is named after '{stem}'; a recap of session '{session}' lives in {layout.source(f'{RECAPS_DIR}/{session}.md', lang)}"))
        out.problems += problems
        out.problems += placeholders.find_in_yaml(match.group(1), rel, first_line=2)
        out.problems += placeholders.find_in_markdown(text[match.end():], rel, first_line=body_line)
        if problems:
            if named_right and isinstance(data, Mapping):
                usable, unusable = salvage(shapes.RECAP, data)
                out.partial.setdefault("recap", {})[(stem, lang)] = build_recap(usable, lang, stem, origin_of(rel, data, unusable), text[match.end():], body_line)
            continue
        out.recaps[(data["session"], lang)] = build_recap(data, lang, stem, origin_of(rel, data), text[match.end():], body_line)


def build_recap(data: Mapping, lang: str, stem: str, origin: Origin, body: str, body_line: int) -> Recap:
    return Recap(
        session=data["session"], lang=lang, title=data["title"], date=data["date"], summary=data["summary"],
        takeaways=tuple(data["takeaways"]), modules=tuple(data["modules"]), terms=tuple(data["terms"]),
        references=tuple(data["references"]), sources=sources(data["sources"]),
        page=layout.recap_page(stem), origin=origin, autolink=data.get("autolink", True) is not False,
        body=body, body_line=body_line,
    )


def set_candidates_apart(out: Loaded) -> None:
    """Move candidate terms out of `terms`, so that nothing that publishes terms can reach them.

    Every page, index, export, search entry and auto-link is made from
    `terms`; a candidate waits in `candidates` (for the translation status)
    until its status says it is ready. Its id is known as a candidate, not as
    a term, so a reference to it is reported as such.
    """
    out.candidates = {k: t for k, t in out.terms.items() if t.status == shapes.CANDIDATE}
    out.terms = {k: t for k, t in out.terms.items() if t.status != shapes.CANDIDATE}
    out.known_ids["candidate"] = set(out.candidates)
    out.known_ids["term"] = out.known_ids.get("term", set()) - out.known_ids["candidate"]


# Everything load_all reads: the data folders, whole, and the hand-written pages under docs/
# (the list of pages for the translation status).
DATA_FOLDERS = ("curriculum", "glossary", "references")
DOCS_DIR = "docs"


def input_files(root: Path, generated_folders=()) -> list[Path]:
    """Every file whose bytes or presence can change what load_all returns, sorted.

    `generated_folders` are folders under docs/ that the generator writes
    (write.OWNED_FOLDERS): the loader never reads them.
    """
    files = [p for folder in DATA_FOLDERS for p in (root / folder).rglob("*") if p.is_file()]
    docs = root / DOCS_DIR
    files += [p for p in docs.rglob("*.md") if p.relative_to(docs).parts[0] not in generated_folders]
    return sorted(files)


def load_all(root: Path) -> Loaded:
    out = Loaded()
    load_programme(root, out)
    out.sessions = load_collection(root, "session", out)
    out.modules = load_collection(root, "module", out)
    out.terms = load_collection(root, "term", out)
    set_candidates_apart(out)
    out.references = load_collection(root, "reference", out)
    load_lessons(root, out.to_check("module"), out)
    load_recaps(root, out)
    return out
