"""The site's Markdown sources: front matter with line numbers, language, URL."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import DEFAULT_LANGUAGE, LANGUAGES
from .problems import InputError, Problem
from .yamlio import Located, load_located

# The same pattern MkDocs uses (mkdocs.utils.meta), so lines agree with the build.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
PAGE_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")
EXCLUDED_DIRS = ("_data", "_guide")


@dataclass
class SourcePage:
    """One Markdown page in one language."""

    root: Path
    path: Path
    stem: str  # path under docs/ without language and extension: "comprendre/ruptures"
    lang: str
    text: str
    front: Located
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    # what alliance.markdown_scan read of this page, read once (the checks share it)
    scans: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def rel(self) -> str:
        return self.path.relative_to(self.root).as_posix()

    @property
    def docs_rel(self) -> str:
        return f"{self.stem}.{self.lang}.md"

    @property
    def meta(self) -> dict[str, Any]:
        data = self.front.data
        return data if isinstance(data, dict) else {}

    @property
    def kind(self) -> str:
        return str(self.meta.get("kind", ""))

    @cached_property
    def body_lines(self) -> list[str]:
        return self.body.split("\n")

    def url(self) -> str:
        return page_url(self.stem, self.lang)

    def problem(self, line: int, col: int, code: str, message: str) -> Problem:
        return Problem(self.rel, line, col, code, message)


def page_url(stem: str, lang: str) -> str:
    """Site-absolute URL of a page: French at /, English at /en/."""
    prefix = "/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"
    if stem == "index":
        return prefix
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return f"{prefix}{stem}/"


def _front_matter_problem(problem: Problem) -> Problem:
    """A YAML problem of a page's front matter, reported as FM001 at the same place."""
    message = problem.message
    if message.startswith("this is not valid YAML"):
        message = message.replace("this is", "the front matter is", 1)
    else:
        message = f"in the front matter, {message}"
    return Problem(problem.path, problem.line, problem.col, "FM001", message)


def parse_page(root: Path, path: Path) -> SourcePage:
    """Read one page; malformed front matter raises InputError naming file and line."""
    rel = path.relative_to(root).as_posix()
    docs_rel = path.relative_to(root / "docs").as_posix()
    match = PAGE_NAME.match(docs_rel)
    if not match or match["lang"] not in LANGUAGES:
        raise InputError(
            [
                Problem(
                    rel, 1, 1, "I18N004",
                    "a page's file name must end in .fr.md or .en.md "
                    f"(languages: {', '.join(LANGUAGES)})",
                )
            ]
        )
    text = path.read_text(encoding="utf-8")
    found = FRONT_MATTER.match(text)
    if not found:
        raise InputError(
            [Problem(rel, 1, 1, "FM001", "the page has no front matter (a '---' block at the top)")]
        )
    try:
        front = load_located(found.group(1), rel, line_offset=1)
    except InputError as error:  # a page's front matter problem is an FM one, at its line
        raise InputError([_front_matter_problem(p) for p in error.problems]) from None
    if front.data is not None and not isinstance(front.data, dict):
        raise InputError([Problem(rel, 2, 1, "FM001", "front matter must be a YAML mapping")])
    if front.data is None:
        front.data = {}
    body = text[found.end():]
    body_line = text[: found.end()].count("\n") + 1
    return SourcePage(root, path, match["stem"], match["lang"], text, front, body, body_line)


def find_page_files(root: Path) -> list[Path]:
    docs = root / "docs"
    return sorted(
        p for p in docs.rglob("*.md")
        if p.relative_to(docs).parts[0] not in EXCLUDED_DIRS
    )


LOCALIZED = re.compile(r"^(?P<base>.+)\.(?P<lang>[a-z]{2})(?P<ext>\.[^./]+)$")


def asset_files(root: Path) -> dict[str, set[str]]:
    """Per language, the docs-relative paths of the files (not pages) a link may reach.

    As static-i18n does without fallback: `x.en.svg` is `x.svg` for English only, and an
    unsuffixed `x.svg` belongs to the default language only (an English page cannot use it);
    a file may also be named with its own language's suffix."""
    docs = root / "docs"
    out: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for path in docs.rglob("*"):
        rel = path.relative_to(docs).as_posix()
        if not path.is_file() or path.suffix == ".md" or rel.split("/")[0] in EXCLUDED_DIRS:
            continue
        match = LOCALIZED.match(rel)
        if match and match["lang"] in LANGUAGES:
            out[match["lang"]] |= {match["base"] + match["ext"], rel}
        else:
            out[DEFAULT_LANGUAGE].add(rel)
    return out


def page_files(root: Path) -> set[tuple[str, str]]:
    """(stem, lang) of every page file on disk, readable or not."""
    docs = root / "docs"
    found = (PAGE_NAME.match(p.relative_to(docs).as_posix()) for p in find_page_files(root))
    return {(m["stem"], m["lang"]) for m in found if m}


def read_pages(root: Path) -> tuple[list[SourcePage], list[Problem]]:
    """Every page of the site; unreadable ones become problems, the rest are returned."""
    pages: list[SourcePage] = []
    problems: list[Problem] = []
    for path in find_page_files(root):
        try:
            page = parse_page(root, path)
            pages.append(page)
            problems.extend(page.front.problems)  # repeated keys (YAML002)
        except InputError as error:
            problems.extend(error.problems)
    return pages, problems
