"""SHEET: every sheet has its page in both languages, and the concept pages that mention
it (its `related` list) link to it, in both languages."""

from __future__ import annotations

from .. import LANGUAGES
from ..context import SiteContext
from ..markdown_scan import links
from ..problems import Problem


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    stubs = {(p.meta.get("sheet"), p.lang) for p in ctx.pages if p.kind == "sheet"}
    for sheet in ctx.sheets.values():
        for lang in LANGUAGES:
            if (sheet.id, lang) not in stubs and (f"fiches/{sheet.id}", lang) not in ctx.unreadable:
                out.append(Problem(sheet.source, 1, 1, "SHEET004",
                                   f"no {lang} page for this sheet: create "
                                   f"docs/fiches/{sheet.id}.{lang}.md with kind: sheet"))
            for stem in sheet.related:
                page = ctx.page(stem, lang)
                if page is None:
                    out.append(Problem(sheet.source, 1, 1, "SHEET005",
                                       f"related page '{stem}' does not exist in {lang}"))
                    continue
                if not any(f"fiches/{sheet.id}.md" in link.target for link in links(page)):
                    out.append(page.problem(1, 1, "SHEET005",
                                            f"this page is listed as related to the sheet "
                                            f"'{sheet.id}' but does not link to "
                                            f"../fiches/{sheet.id}.md"))
    return out
