"""MARK: generated blocks are never lost silently. A marker the transforms do not know is
an error, and a page that needs a generated block (help lines, glossary, references,
testimonies and sheets indexes) without its marker is an error too."""

from __future__ import annotations

from .. import LANGUAGES
from ..context import SiteContext
from ..markdown_scan import headings, markers
from ..problems import Problem
from ..transform import MARKERS


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    known = ", ".join(f"<!-- {name} -->" for name in sorted(MARKERS))
    for page in ctx.pages:
        for line, col, name in markers(page):
            if name not in MARKERS:
                out.append(page.problem(line, col, "MARK001",
                                        f"unknown marker '<!-- {name} -->' (known markers: "
                                        f"{known})"))
    for name, marker in MARKERS.items():
        for lang in LANGUAGES:
            page = ctx.page(marker.page, lang)
            if page is None:
                continue  # a missing page is the translation or link checks' business
            if not any(found == name for _, _, found in markers(page)):
                found = headings(page)
                line = found[0][0] if found else page.body_line
                out.append(page.problem(line, 1, "MARK002",
                                        f"this page must carry the marker '<!-- {name} -->' "
                                        "on a line of its own: without it, its generated "
                                        "block is missing"))
    return out
