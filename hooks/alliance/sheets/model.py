"""The sheet source format (docs/_data/sheets/<id>.yml), checked with file:line errors."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import AUDIENCES, DESCRIPTION_MAX, LANGUAGES
from ..problems import InputError, Problem
from ..yamlio import Located, load_located_file

SHEETS_DIR = Path("docs/_data/sheets")
FIELD_TYPES = ("short_text", "long_text", "scale", "checkboxes", "table", "date")
# When a therapist would hand the sheet out: the sheets index is grouped by these, in
# this order; "forms" (the testimony consent form) is listed apart from the exercises.
MOMENTS = ("before-first-session", "between-sessions", "not-working", "professionals", "forms")
# Field types that read like a questionnaire: a sheet with one of them carries the
# "reflection aid, not a test" note unless it says why not.
RATING_TYPES = ("scale", "checkboxes")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOP_KEYS = {"id", "audience", "authors", "reviewers", "last_reviewed", "sources",
            "reflection_aid", "reflection_aid_reason", "moment", "max_pages", "related",
            "fields", *LANGUAGES}
TEXT_KEYS = {"title", "description", "purpose", "when", "steps", "privacy", "note"}
FIELD_KEYS = {"id", "type", "label", "help", "lines", "rows", "columns", "options",
              "min_label", "max_label"}


@dataclass
class Choice:
    id: str
    label: dict[str, str]


@dataclass
class Field:
    id: str
    type: str
    label: dict[str, str]
    help: dict[str, str] | None = None
    lines: int = 4
    rows: int = 4
    columns: list[Choice] = field(default_factory=list)
    options: list[Choice] = field(default_factory=list)
    min_label: dict[str, str] | None = None
    max_label: dict[str, str] | None = None


@dataclass
class SheetText:
    title: str
    description: str
    purpose: str
    when: str
    steps: list[str]
    privacy: str | None = None
    note: str | None = None


@dataclass
class Sheet:
    id: str
    source: str  # path relative to the repository
    audience: list[str]
    authors: list[str]
    reviewers: list[str]
    last_reviewed: dt.date
    sources: list[str]
    reflection_aid: bool
    moment: str
    max_pages: int
    related: list[str]
    text: dict[str, SheetText]
    fields: list[Field]

    def form_field_names(self) -> list[str]:
        """The PDF/HTML form field names, in order (tables expand to cells)."""
        names: list[str] = []
        for f in self.fields:
            if f.type == "table":
                names += [f"{f.id}-{r + 1}-{c.id}" for r in range(f.rows) for c in f.columns]
            elif f.type == "checkboxes":
                names += [f"{f.id}-{o.id}" for o in f.options]
            else:
                names.append(f.id)
        return names


class _Reader:
    """Collects every problem of one file before giving up on it."""

    def __init__(self, src: Located, rel: str):
        self.src, self.rel, self.problems = src, rel, []

    def err(self, path: tuple[Any, ...], message: str, code: str = "SHEET002") -> None:
        self.problems.append(Problem(self.rel, self.src.line(*path), 1, code, message))

    def bilingual(self, value: Any, path: tuple[Any, ...], what: str) -> dict[str, str]:
        if not isinstance(value, dict):
            self.err(path, f"{what} needs a text in each language ({', '.join(LANGUAGES)})")
            return {lang: "" for lang in LANGUAGES}
        for lang in LANGUAGES:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.err(path, f"{what} has no '{lang}' text")
        for extra in set(value) - set(LANGUAGES):
            self.err((*path, extra), f"{what}: unknown language '{extra}'")
        return {lang: str(value.get(lang) or "") for lang in LANGUAGES}

    def choices(self, value: Any, path: tuple[Any, ...], what: str) -> list[Choice]:
        if not isinstance(value, list) or not value:
            self.err(path, f"{what} must be a non-empty list of {{id, label}}")
            return []
        out, seen = [], set()
        for i, item in enumerate(value):
            if not isinstance(item, dict) or not ID.match(str(item.get("id", ""))):
                self.err((*path, i), f"{what} item needs an id in lower case with hyphens")
                continue
            if item["id"] in seen:
                self.err((*path, i), f"{what} id '{item['id']}' is used twice")
            seen.add(item["id"])
            out.append(Choice(item["id"], self.bilingual(item.get("label"), (*path, i, "label"),
                                                         f"{what} '{item['id']}' label")))
        return out

    def int_in(self, value: Any, path: tuple[Any, ...], what: str, low: int, high: int,
               default: int) -> int:
        if value is None:
            return default
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.err(path, f"{what} must be a whole number from {low} to {high}, not {value!r}")
            return default
        return value


def parse_sheet(src: Located, rel: str, today: dt.date | None = None) -> Sheet:
    """Check a parsed sheet source; raise InputError with every problem found."""
    r = _Reader(src, rel)
    data = src.data
    if not isinstance(data, dict):
        raise InputError([Problem(rel, 1, 1, "SHEET001", "a sheet source must be a YAML mapping")])
    for key in data:
        if key not in TOP_KEYS:
            r.err((key,), f"unknown key '{key}' (expected one of: {', '.join(sorted(TOP_KEYS))})",
                  "SHEET001")
    for required in ("id", "audience", "authors", "last_reviewed", "moment", "fields",
                     *LANGUAGES):
        if required not in data:
            r.err((), f"missing required key '{required}'", "SHEET001")
    sheet_id = str(data.get("id", ""))
    expected = Path(rel).stem
    if sheet_id and sheet_id != expected:
        r.err(("id",), f"id '{sheet_id}' must match the file name '{expected}'")
    audience = data.get("audience") or []
    if not isinstance(audience, list) or not audience or any(a not in AUDIENCES for a in audience):
        r.err(("audience",), f"audience must be a list among {', '.join(AUDIENCES)}")
        audience = []
    reviewed = data.get("last_reviewed")
    if "last_reviewed" in data:
        if not isinstance(reviewed, dt.date):
            r.err(("last_reviewed",), "last_reviewed must be an ISO date (YYYY-MM-DD)")
        elif reviewed > (today or dt.date.today()):
            r.err(("last_reviewed",), f"last_reviewed {reviewed} is in the future")

    texts: dict[str, SheetText] = {}
    for lang in LANGUAGES:
        block = data.get(lang)
        if lang in data and not isinstance(block, dict):
            r.err((lang,), f"'{lang}' must be a mapping of texts")
            continue
        if not isinstance(block, dict):
            continue
        for key in block:
            if key not in TEXT_KEYS:
                r.err((lang, key), f"unknown key '{key}' in '{lang}'", "SHEET001")
        for key in ("title", "description", "purpose", "when"):
            if not isinstance(block.get(key), str) or not block[key].strip():
                r.err((lang,), f"'{lang}' lacks its '{key}' text", "SHEET001")
        steps = block.get("steps")
        if not isinstance(steps, list) or not steps or not all(isinstance(s, str) for s in steps):
            r.err((lang,), f"'{lang}' needs 'steps', a list of short texts", "SHEET001")
            steps = []
        if len(str(block.get("description", ""))) > DESCRIPTION_MAX:
            r.err((lang, "description"),
                  f"description is longer than {DESCRIPTION_MAX} characters")
        texts[lang] = SheetText(
            str(block.get("title", "")), str(block.get("description", "")),
            str(block.get("purpose", "")), str(block.get("when", "")), list(steps),
            block.get("privacy"), block.get("note"))

    fields: list[Field] = []
    raw_fields = data.get("fields")
    if "fields" in data and (not isinstance(raw_fields, list) or not raw_fields):
        r.err(("fields",), "fields must be a non-empty list", "SHEET001")
        raw_fields = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_fields or []):
        path = ("fields", i)
        if not isinstance(raw, dict):
            r.err(path, "each field must be a mapping with id, type and label", "SHEET001")
            continue
        for key in raw:
            if key not in FIELD_KEYS:
                r.err((*path, key), f"unknown key '{key}' in a field", "SHEET001")
        fid = str(raw.get("id", ""))
        if not ID.match(fid):
            r.err(path, "field needs an id in lower case with hyphens", "SHEET001")
        elif fid in seen:
            r.err((*path, "id"), f"field id '{fid}' is used twice")
        seen.add(fid)
        ftype = raw.get("type")
        if ftype not in FIELD_TYPES:
            r.err((*path, "type") if "type" in raw else path,
                  f"unknown field type {ftype!r} (expected one of: {', '.join(FIELD_TYPES)})",
                  "SHEET003")
            continue
        label = r.bilingual(raw.get("label"), (*path, "label"), f"field '{fid}' label")
        f = Field(fid, ftype, label)
        if raw.get("help") is not None:
            f.help = r.bilingual(raw["help"], (*path, "help"), f"field '{fid}' help")
        if ftype == "long_text":
            f.lines = r.int_in(raw.get("lines"), (*path, "lines"), "lines", 2, 12, 4)
        if ftype == "table":
            f.rows = r.int_in(raw.get("rows"), (*path, "rows"), "rows", 1, 12, 4)
            f.columns = r.choices(raw.get("columns"), (*path, "columns"), "column")
        if ftype == "checkboxes":
            f.options = r.choices(raw.get("options"), (*path, "options"), "option")
        if ftype == "scale":
            f.min_label = r.bilingual(raw.get("min_label"), (*path, "min_label"), "min_label")
            f.max_label = r.bilingual(raw.get("max_label"), (*path, "max_label"), "max_label")
        fields.append(f)

    reflection_aid = _reflection_aid(r, data, audience, fields)
    moment = data.get("moment")
    if "moment" in data and moment not in MOMENTS:
        r.err(("moment",), f"moment must be one of: {', '.join(MOMENTS)}, not {moment!r}",
              "SHEET001")

    for key in ("authors", "reviewers", "sources", "related"):
        value = data.get(key)
        if value is not None and (not isinstance(value, list)
                                  or not all(isinstance(v, str) and v.strip() for v in value)):
            r.err((key,), f"{key} must be a list of texts", "SHEET001")
    if r.problems:
        raise InputError(r.problems)
    return Sheet(
        id=sheet_id, source=rel, audience=list(audience),
        authors=list(data.get("authors") or []), reviewers=list(data.get("reviewers") or []),
        last_reviewed=reviewed, sources=list(data.get("sources") or []),
        reflection_aid=reflection_aid, moment=str(moment),
        max_pages=r.int_in(data.get("max_pages"), ("max_pages",), "max_pages", 1, 4, 2),
        related=list(data.get("related") or []), text=texts, fields=fields)


def _reflection_aid(r: _Reader, data: dict[str, Any], audience: list[str],
                    fields: list[Field]) -> bool:
    """Whether the sheet says it is a reflection aid, not a test.

    On by default for a patient sheet and for any sheet with a scale or checkboxes; such
    a sheet turns it off only by giving its reason (`reflection_aid_reason`).
    """
    value = data.get("reflection_aid")
    reason = data.get("reflection_aid_reason")
    if value is not None and not isinstance(value, bool):
        r.err(("reflection_aid",), "reflection_aid must be true or false", "SHEET001")
        value = None
    if reason is not None and (not isinstance(reason, str) or not reason.strip()):
        r.err(("reflection_aid_reason",), "reflection_aid_reason must be a sentence",
              "SHEET001")
    rated = [f.id for f in fields if f.type in RATING_TYPES]
    needed = "patients" in audience or bool(rated)
    if value is None:
        return needed
    if value is False and needed and not reason:
        why = (f"it has {', '.join(rated)} (a scale or checkboxes)" if rated
               else "it is a patient sheet")
        r.err(("reflection_aid",), "reflection_aid is false without a reason: the sheet must "
              f"say it is a reflection aid, not a test, because {why}; give "
              "reflection_aid_reason to opt out", "SHEET006")
    if reason and value is not False:
        r.err(("reflection_aid_reason",), "reflection_aid_reason is only for a sheet that "
              "sets reflection_aid: false", "SHEET001")
    return value


def load_sheets(root: Path, today: dt.date | None = None) -> tuple[dict[str, Sheet], list[Problem]]:
    sheets: dict[str, Sheet] = {}
    problems: list[Problem] = []
    for path in sorted((root / SHEETS_DIR).glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        try:
            located = load_located_file(path, root)
            problems.extend(located.problems)  # repeated keys (YAML002)
            sheet = parse_sheet(located, rel, today)
        except InputError as error:
            problems.extend(error.problems)
            continue
        sheets[sheet.id] = sheet
    return sheets, problems
