"""HELP001: every phone-like number written in a page or in a sheet's source (short numbers
included, whatever words come before it) is a help line of docs/_data/helplines.yml, so that no stale copy of
a crisis number survives anywhere; a number that is not a phone number is marked
`<span class="not-phone">…</span>`. What "phone-like" means is in alliance.heuristics."""

from __future__ import annotations

from ..context import SiteContext
from ..heuristics import phone_numbers
from ..markdown_scan import content_lines
from ..problems import Problem

MESSAGE = ("is not a help line of docs/_data/helplines.yml: write help numbers only through "
           'that file (or mark a number that is not a phone number <span class="not-phone">…'
           '</span>)')


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    known = ctx.data.helpline_digits()
    for page in ctx.pages:
        for number, line in content_lines(page):
            for found in phone_numbers(line):
                if found.digits not in known:
                    out.append(page.problem(number, found.col + 1, "HELP001",
                                            f"phone number '{found.text}' {MESSAGE}"))
    for sheet in ctx.sheets.values():  # its texts are shown on its page and in its PDFs
        text = (ctx.root / sheet.source).read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            for found in phone_numbers(line):
                if found.digits not in known:
                    out.append(Problem(sheet.source, number, found.col + 1, "HELP001",
                                       f"phone number '{found.text}' {MESSAGE}"))
    return out
