"""HELP: a phone number written in a page must be a help line of docs/_data/helplines.yml,
so no stale copy of a crisis number survives anywhere."""

from __future__ import annotations

import re

from ..context import SiteContext
from ..markdown_scan import content_lines
from ..problems import Problem

# Long numbers anywhere (8+ digits with spaces, dots or dashes), and short ones after
# words that announce a number to call.
LONG = re.compile(r"(?<![\w.,])\+?\d(?:[ \u00a0.\-]?\d){7,}(?![\w])")
CALL = re.compile(r"\b(?:appelez|appeler|appelle|composez|composer|numéro|call|dial|text|"
                  r"ring|phone|number|ligne|line|tel:)\s*(?:le\s+|the\s+|au\s+)?"
                  r"(\+?\d(?:[ \u00a0]?\d){1,14})\b", re.IGNORECASE)


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    known = ctx.data.helpline_digits()
    for page in ctx.pages:
        for number, line in content_lines(page):
            seen: set[int] = set()
            for match in list(LONG.finditer(line)) + list(CALL.finditer(line)):
                group = match.lastindex or 0
                start = match.start(group)
                if start in seen:
                    continue
                seen.add(start)
                digits = re.sub(r"\D", "", match.group(group))
                if digits and digits not in known:
                    out.append(page.problem(
                        number, start + 1, "HELP001",
                        f"phone number '{match.group(group).strip()}' is not a help line of "
                        "docs/_data/helplines.yml: write help numbers only through that file"))
    return out
