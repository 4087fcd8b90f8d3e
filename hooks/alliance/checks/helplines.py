"""HELP001: every phone-like number written in a page or in a sheet's source (short numbers
included, whatever words come before it) is a help line of docs/_data/helplines.yml, so that no stale copy of
a crisis number survives anywhere; a number that is not a phone number is marked
`<span class="not-phone">…</span>`. What "phone-like" means is in alliance.heuristics."""

from __future__ import annotations

from ..context import SiteContext
from ..heuristics import phone_numbers
from ..markdown_scan import content_lines
from ..problems import Problem

# Data files whose texts pages show (the help lines' own file is the reference).
SHOWN_DATA = ("glossary.yml", "reporting_routes.yml", "testimony_themes.yml")
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
        for key in ("title", "description"):  # shown in lists, previews and search results
            for found in phone_numbers(str(page.meta.get(key, ""))):
                if found.digits not in known:
                    out.append(page.problem(page.front.line(key), 1, "HELP001",
                                            f"phone number '{found.text}' in the {key} {MESSAGE}"))
    # the texts of these sources are shown on pages (and sheets in their PDFs) too
    sources = [sheet.source for sheet in ctx.sheets.values()] + [
        ctx.data.rel(name) for name in SHOWN_DATA]
    for rel in sources:
        path = ctx.root / rel
        if not path.is_file():
            continue  # a missing data file is reported as such
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for found in phone_numbers(line):
                if found.digits not in known:
                    out.append(Problem(rel, number, found.col + 1, "HELP001",
                                       f"phone number '{found.text}' {MESSAGE}"))
    return out
