"""EASY: every easy-read page names an existing standard page, in its own language, and no
standard page has two easy-read versions."""

from __future__ import annotations

from ..context import SiteContext
from ..easy_read import KIND, standard_of
from ..problems import Problem


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}
    for page in ctx.pages:
        if page.kind != KIND:
            continue
        line = page.front.line("standard") or 1
        target = standard_of(page.meta)
        if target is None:
            out.append(page.problem(line, 1, "EASY001",
                                    "an easy-read page needs 'standard: <path of the usual page>' "
                                    "(for example comprendre/alliance)"))
            continue
        other = ctx.page(target, page.lang)
        if other is None:
            out.append(page.problem(line, 1, "EASY002",
                                    f"standard page '{target}' does not exist in '{page.lang}'"))
        elif other.kind == KIND:
            out.append(page.problem(line, 1, "EASY003",
                                    f"'{target}' is itself an easy-read page"))
        if (target, page.lang) in seen:
            out.append(page.problem(line, 1, "EASY004",
                                    f"'{target}' already has an easy-read version: "
                                    f"{seen[(target, page.lang)]}"))
        seen[(target, page.lang)] = page.rel
    return out
