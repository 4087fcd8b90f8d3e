"""TYPO: French guillemets with non-breaking spaces; no point médian (screen readers
stumble on it: prefer epicene wording)."""

from __future__ import annotations

import re

from ..context import SiteContext
from ..markdown_scan import content_lines
from ..problems import Problem

OPEN_BAD = re.compile(r"«(?![\u00a0\u202f])")
CLOSE_BAD = re.compile(r"(?<![\u00a0\u202f])»")


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    for page in ctx.pages:
        if page.lang != "fr":
            continue
        for number, line in content_lines(page):
            for match in OPEN_BAD.finditer(line):
                out.append(page.problem(number, match.start() + 1, "TYPO001",
                                        "« must be followed by a non-breaking space (U+00A0)"))
            for match in CLOSE_BAD.finditer(line):
                out.append(page.problem(number, match.start() + 1, "TYPO001",
                                        "» must be preceded by a non-breaking space (U+00A0)"))
            for match in re.finditer(r"[^\W\d_]·[^\W\d_]", line):
                out.append(page.problem(number, match.start() + 2, "TYPO002",
                                        "point médian: prefer epicene wording (screen readers "
                                        "read it badly)"))
    return out
