"""Content checks. Each module has `check(ctx) -> list[Problem]`; `run_all` runs them all,
and the build and `make check` report the same list."""

from __future__ import annotations

import datetime as dt

from ..context import SiteContext
from ..problems import Problem
from . import (
    bibliography,
    citations,
    csp,
    diagrams,
    easy_read,
    external_links,
    frontmatter,
    glossary,
    helplines,
    ids,
    images,
    legal,
    links,
    markers,
    nav,
    people,
    readability,
    redirects,
    routes,
    self_check,
    sheets,
    testimonies,
    translations,
    typography,
)

CHECKS = (bibliography, markers, nav, ids, links, translations, citations, testimonies, images,
          external_links, glossary, helplines, readability, typography, sheets, routes, people,
          legal,
          easy_read, self_check, diagrams, csp, redirects)


def run_all(ctx: SiteContext, today: dt.date | None = None) -> list[Problem]:
    problems = list(ctx.problems)
    problems += frontmatter.check(ctx, today or dt.date.today())
    for module in CHECKS:
        problems += module.check(ctx)
    return sorted(set(problems))


__all__ = ["external_links", "run_all"]
