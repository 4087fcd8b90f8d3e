"""ID: every id on a page is unique. Two headings with the same id (explicit, or computed
by the renderer from the same title) would make one of them unreachable by link, and the
renderer silently renames the second one."""

from __future__ import annotations

import re

from ..context import SiteContext
from ..markdown_scan import element_ids, heading_anchors
from ..problems import Problem
from .links import generated_anchors

RENAMED = re.compile(r"(.+)_\d+")


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    for page in ctx.pages:
        generated = generated_anchors(ctx, page)
        seen: dict[str, int] = {}
        found = []
        for line, anchor, explicit in heading_anchors(page):
            renamed = RENAMED.fullmatch(anchor)
            if not explicit and renamed and renamed.group(1) in {a for _, _, a in found}:
                anchor = renamed.group(1)  # `toc` renamed a second "x" to "x_1": a duplicate
            found.append((line, 1, anchor))
        found += element_ids(page)
        for line, col, anchor in sorted(found):
            if anchor in seen:
                out.append(page.problem(line, col, "ID001",
                                        f"id '{anchor}' is already used on line {seen[anchor]} "
                                        "of this page: give each heading its own id"))
            elif anchor in generated:
                out.append(page.problem(line, col, "ID001",
                                        f"id '{anchor}' is also given by the build to a "
                                        "generated part of this page: choose another id"))
            seen.setdefault(anchor, line)
    return out
