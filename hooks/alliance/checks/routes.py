"""ROUTE001: a reporting route (a body of docs/_data/reporting_routes.yml) named in a page's
own text instead of through the <!-- reporting-routes --> marker, where it carries its source."""

from __future__ import annotations

from ..context import SiteContext
from ..markdown_scan import content_lines
from ..problems import Problem
from ..routes import hand_written


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    for page in ctx.pages:
        out += hand_written(ctx.data.routes, page.rel, list(content_lines(page)))
    return out
