"""The people who write and review the site, written once in docs/_data/people.yml.

Pages (front matter) and sheets name them by id in `authors:` and `reviewers:`; the byline
shows each one's name and profession and links to the about page, which lists everyone
(marker <!-- people -->) and says how review works. An id that is not in the file is an
error (PEOPLE001). Until real people agree to be named, the entries are placeholders
(`placeholder: true`): the site builds, and `make release-check` names each one.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import LANGUAGES
from .problems import Problem
from .words import WORDS
from .yamlio import Located

REL = "docs/_data/people.yml"
MARKER = "people"
ABOUT_STEM = "a-propos/index"
ABOUT_ANCHOR = "qui-ecrit"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PERSON_KEYS = {"name", "role", "profession", "placeholder"}


@dataclass(frozen=True)
class Person:
    id: str
    name: dict[str, str]  # per language (a person's name is the same in both)
    role: dict[str, str]
    profession: dict[str, str]
    placeholder: bool
    line: int  # line of the entry in people.yml


def localized_text(value: Any) -> dict[str, str] | None:
    """A text in each language: a plain string (the same everywhere) or {fr, en}; None if
    it is neither (a data file's schema reports it)."""
    if isinstance(value, str) and value.strip():
        return {lang: value for lang in LANGUAGES}
    if isinstance(value, dict) and set(value) == set(LANGUAGES) and all(
            isinstance(value[lang], str) and value[lang].strip() for lang in LANGUAGES):
        return {lang: value[lang] for lang in LANGUAGES}
    return None


def load(src: Located) -> tuple[dict[str, Person], list[Problem]]:
    """Every person of the file, and the problems of its shape (all of them)."""
    out: list[Problem] = []
    people: dict[str, Person] = {}

    def bad(path: tuple[Any, ...], code: str, message: str) -> None:
        out.append(Problem(REL, src.line(*path), 1, code, message))

    data = src.data
    if not isinstance(data, dict) or set(data) != {"people"} or not isinstance(data["people"], dict):
        bad((), "DATA002", "the people file must hold one key, 'people', mapping ids to people")
        return people, out
    for pid, entry in data["people"].items():
        at = ("people", pid)
        if not ID.match(str(pid)):
            bad(at, "DATA002", f"person id '{pid}' must be lower case words joined by hyphens")
            continue
        if not isinstance(entry, dict):
            bad(at, "DATA002", f"person '{pid}' must be a mapping of {', '.join(sorted(PERSON_KEYS))}")
            continue
        for key in sorted(set(entry) - PERSON_KEYS):
            bad((*at, key), "DATA003", f"person '{pid}': unknown key '{key}'")
        texts = {}
        for key in ("name", "role", "profession"):
            texts[key] = localized_text(entry.get(key))
            if texts[key] is None:
                bad((*at, key), "DATA002", f"person '{pid}' needs a '{key}' (a text, or one in "
                                           f"{' and '.join(LANGUAGES)})")
        placeholder = entry.get("placeholder", False)
        if not isinstance(placeholder, bool):
            bad((*at, "placeholder"), "DATA002", f"person '{pid}': placeholder must be true or false")
            placeholder = True
        if all(texts.values()):
            people[str(pid)] = Person(str(pid), texts["name"], texts["role"], texts["profession"],
                                      placeholder, src.line(*at))
    return people, out


def unknown_ids(people: dict[str, Person], ids: Any) -> list[str]:
    return [i for i in ids if isinstance(i, str) and i not in people] if isinstance(ids, list) else []


def names(people: dict[str, Person], ids: Any, lang: str) -> list[str]:
    """The names of the given ids (an unknown id, already reported, shows as itself)."""
    if not isinstance(ids, list):
        return []
    return [people[i].name[lang] if i in people else str(i) for i in ids]


def byline_names_html(people: dict[str, Person], ids: list[str], lang: str, about: str) -> str:
    """'Name (profession), Name (profession)', each linked to its entry on the about page."""
    parts = []
    for pid in ids:
        person = people.get(pid)
        if person is None:
            parts.append(html.escape(str(pid)))
            continue
        parts.append(f'<a href="{html.escape(about)}#personne-{pid}">'
                     f"{html.escape(person.name[lang])}</a> "
                     f'<span class="byline__profession">({html.escape(person.profession[lang])})</span>')
    return ", ".join(parts)


def people_markdown(people: dict[str, Person], lang: str) -> str:
    """The list of people on the about page, one anchored entry each."""
    words = WORDS[lang]["people"] | {"colon": WORDS[lang]["colon"]}
    out = []
    for person in people.values():
        out.append(f"### {html.escape(person.name[lang])} {{ #personne-{person.id} }}\n")
        out.append(f"- {words['role']}{words['colon']} {html.escape(person.role[lang])}")
        out.append(f"- {words['profession']}{words['colon']} {html.escape(person.profession[lang])}")
        if person.placeholder:
            out.append(f"- *{words['placeholder']}*")
        out.append("")
    return "\n".join(out)


def id_position(root: Path, rel: str, line: int, pid: str) -> tuple[int, int]:
    """Line and column of an id written at or just below `line` (a flow or block list)."""
    try:
        lines = (root / rel).read_text(encoding="utf-8").split("\n")
    except OSError:
        return line, 1
    pattern = re.compile(rf"(?<![\w-]){re.escape(pid)}(?![\w-])")
    for number in range(line, min(line + 12, len(lines) + 1)):
        found = pattern.search(lines[number - 1])
        if found:
            return number, found.start() + 1
    return line, 1
