"""The site's data files (docs/_data/), loaded once, shape-checked with line numbers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import LANGUAGES
from .helplines import all_numbers, digits
from .helplines import validate as validate_helplines
from .legal import validate as validate_site
from .people import Person
from .people import load as load_people
from .problems import InputError, Problem
from .routes import validate as validate_routes
from .self_check import Question
from .self_check import load as load_self_checks
from .yamlio import Located, load_located_file

DATA_DIR = Path("docs/_data")


@dataclass
class SiteData:
    root: Path
    bibliography: dict[str, dict[str, Any]] = field(default_factory=dict)
    bibliography_src: Located | None = None
    glossary: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    glossary_src: Located | None = None
    helplines: dict[str, Any] = field(default_factory=dict)
    routes: dict[str, Any] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    themes: dict[str, dict[str, str]] = field(default_factory=dict)
    site: dict[str, Any] = field(default_factory=dict)
    validation: dict[str, Any] = field(default_factory=dict)
    denylist: set[str] = field(default_factory=set)
    self_checks: dict[str, list[Question]] = field(default_factory=dict)  # by step anchor
    self_checks_src: Located | None = None
    diagrams: dict[str, Located] = field(default_factory=dict)  # name -> its data file

    def rel(self, name: str) -> str:
        return (DATA_DIR / name).as_posix()

    def helpline_digits(self) -> set[str]:
        """Every help-line number as bare digits: the only phone numbers a page may show."""
        return {digits(number) for number in all_numbers(self.helplines)}


def name_hash(word: str) -> str:
    """The denylist's hash of a name of one or more words (case and spacing ignored)."""
    return hashlib.sha256(" ".join(word.lower().split()).encode("utf-8")).hexdigest()


def _bilingual(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(value.get(lang), str) and value.get(lang).strip() for lang in LANGUAGES
    )


def _load(root: Path, name: str, problems: list[Problem]) -> Located | None:
    path = root / DATA_DIR / name
    if not path.exists():
        problems.append(Problem((DATA_DIR / name).as_posix(), 1, 1, "DATA001", "data file is missing"))
        return None
    try:
        located = load_located_file(path, root)
        problems.extend(located.problems)
        return located
    except InputError as error:
        problems.extend(error.problems)
        return None


def load_site_data(root: Path) -> tuple[SiteData, list[Problem]]:
    """Load every data file; return what could be loaded and the problems found."""
    problems: list[Problem] = []
    data = SiteData(root)

    bib = _load(root, "bibliography.yml", problems)
    if bib is not None:
        data.bibliography_src = bib
        rel = data.rel("bibliography.yml")
        if not isinstance(bib.data, dict):
            problems.append(Problem(rel, 1, 1, "DATA002", "the bibliography must map keys to entries"))
        else:
            for key, entry in bib.data.items():
                line = bib.line(key)
                if not isinstance(entry, dict):
                    problems.append(Problem(rel, line, 1, "DATA002", f"entry '{key}' must be a mapping"))
                    continue
                missing = [f for f in ("type", "authors", "title") if not entry.get(f)]
                if missing or "year" not in entry:
                    missing += [] if "year" in entry else ["year"]
                    problems.append(
                        Problem(rel, line, 1, "DATA002",
                                f"entry '{key}' lacks {', '.join(missing)}")
                    )
                    continue
                data.bibliography[key] = entry

    glossary = _load(root, "glossary.yml", problems)
    if glossary is not None:
        data.glossary_src = glossary
        rel = data.rel("glossary.yml")
        if not isinstance(glossary.data, dict):
            problems.append(Problem(rel, 1, 1, "DATA002", "the glossary must map keys to terms"))
        else:
            for key, entry in glossary.data.items():
                data.glossary[key] = entry if isinstance(entry, dict) else {}

    helplines = _load(root, "helplines.yml", problems)
    if helplines is not None:
        problems += validate_helplines(helplines)
        if isinstance(helplines.data, dict):
            data.helplines = helplines.data

    routes = _load(root, "reporting_routes.yml", problems)
    if routes is not None:
        problems += validate_routes(routes)
        if isinstance(routes.data, dict):
            data.routes = routes.data

    people = _load(root, "people.yml", problems)
    if people is not None:
        data.people, found = load_people(people)
        problems += found

    themes = _load(root, "testimony_themes.yml", problems)
    if themes is not None and isinstance(themes.data, dict):
        for key, labels in themes.data.items():
            if not _bilingual(labels):
                problems.append(Problem(data.rel("testimony_themes.yml"), themes.line(key), 1,
                                        "DATA002", f"theme '{key}' needs a label in fr and en"))
            else:
                data.themes[key] = labels

    site = _load(root, "site.yml", problems)
    if site is not None:
        problems += validate_site(site)
        if isinstance(site.data, dict):
            data.site = site.data

    validation = _load(root, "validation.yml", problems)
    if validation is not None and isinstance(validation.data, dict):
        data.validation = validation.data

    self_checks = _load(root, "self_checks.yml", problems)
    if self_checks is not None:
        data.self_checks_src = self_checks
        data.self_checks, found = load_self_checks(self_checks)
        problems += found
    for path in sorted((root / DATA_DIR / "diagrams").glob("*.yml")):
        diagram = _load(root, f"diagrams/{path.name}", problems)
        if diagram is not None:
            data.diagrams[path.stem] = diagram

    denylist = root / DATA_DIR / "names_denylist.txt"
    if denylist.exists():
        for line in denylist.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                data.denylist.add(line.lower())
    return data, problems
