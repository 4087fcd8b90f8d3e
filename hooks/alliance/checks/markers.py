"""MARK: generated blocks are never lost silently. A marker the transforms do not know is
an error; a page that needs a generated block (help lines, glossary, references, reporting
routes, testimonies and sheets indexes, the easy-read help page) without its marker is an
error, and so is that page missing altogether."""

from __future__ import annotations

from .. import LANGUAGES
from ..context import SiteContext
from ..easy_read import easy_version_of
from ..markdown_scan import headings, markers
from ..problems import Problem
from ..sources import SourcePage
from ..transform import MARKERS


def pages_needing(ctx: SiteContext, name: str, lang: str) -> list[str]:
    """Stems of the pages that must carry the marker `name` in `lang`."""
    marker = MARKERS[name]
    stems = [marker.page]
    easy = easy_version_of(ctx, marker.page, lang) if marker.easy_too else None
    return stems + ([easy] if easy else [])


def _missing_marker(page: SourcePage, name: str) -> Problem:
    found = headings(page)
    line = found[0][0] if found else page.body_line
    return page.problem(line, 1, "MARK002",
                        f"this page must carry the marker '<!-- {name} -->' on a line of its "
                        "own: without it, its generated block is missing")


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    known = ", ".join(f"<!-- {name} -->" for name in sorted(MARKERS))
    for page in ctx.pages:
        for line, col, name in markers(page):
            if name not in MARKERS:
                out.append(page.problem(line, col, "MARK001",
                                        f"unknown marker '<!-- {name} -->' (known markers: "
                                        f"{known})"))
    for name in MARKERS:
        for lang in LANGUAGES:
            for stem in pages_needing(ctx, name, lang):
                page = ctx.page(stem, lang)
                if page is None:
                    if (stem, lang) not in ctx.unreadable:
                        out.append(Problem(f"docs/{stem}.{lang}.md", 1, 1, "MARK002",
                                           f"this page is missing: it carries the generated "
                                           f"block '<!-- {name} -->'"))
                elif not any(found == name for _, _, found in markers(page)):
                    out.append(_missing_marker(page, name))
    return out
