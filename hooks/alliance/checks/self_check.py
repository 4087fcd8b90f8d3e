"""SELF: the trainee path's self-checks. Each `<!-- self-check -->` marker ends a `##`
section that has questions in docs/_data/self_checks.yml, each step there has its marker on
the page in both languages, and the marker is used on that page only. (The data file's own
shape is checked when it is loaded, SELF001-SELF004; its French, by the TYPO checks.)"""

from __future__ import annotations

from ..context import SiteContext
from ..markdown_scan import headings, markers
from ..problems import Problem
from ..self_check import DATA_FILE, MARKER_NAME
from ..transform import MARKERS


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    home = MARKERS[MARKER_NAME].page
    steps = ctx.data.self_checks
    src = ctx.data.self_checks_src
    for page in ctx.pages:
        found = [(line, col) for line, col, name in markers(page) if name == MARKER_NAME]
        if page.stem != home:
            for line, col in found:
                out.append(page.problem(line, col, "SELF005", f"self-checks are shown on "
                                                              f"docs/{home}.<lang>.md only"))
            continue
        sections = [(line, anchor) for line, level, _, anchor in headings(page) if level == 2]
        marked: set[str] = set()
        for line, col in found:
            before = [anchor for start, anchor in sections if start < line]
            step = before[-1] if before else None
            if step in marked:
                out.append(page.problem(line, col, "SELF005",
                                        f"section '#{step}' already has a self-check marker"))
            elif step not in steps:
                out.append(page.problem(line, col, "SELF005",
                                        f"no questions for section '#{step}' in {DATA_FILE} "
                                        "(a step's questions are listed under its anchor)"))
            if step:
                marked.add(step)
        for step in steps:
            if step not in marked:
                line = src.line(step) if src else 1
                out.append(Problem(DATA_FILE, line, 1, "SELF006",
                                   f"step '{step}' has no '<!-- {MARKER_NAME} -->' marker in a "
                                   f"'## … {{ #{step} }}' section of {page.rel}"))
    return out
