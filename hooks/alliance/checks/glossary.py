"""GLOS: every glossary term exists in both languages; a term marked in a page (a link
to glossaire.md#key) exists in the glossary."""

from __future__ import annotations

import re

from .. import LANGUAGES
from ..context import SiteContext
from ..markdown_scan import links
from ..problems import Problem

GLOSSARY_TARGET = re.compile(r"(?:^|/)glossaire(?:\.(?:fr|en))?\.md#([\w-]+)$")


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    src = ctx.data.glossary_src
    for key, entry in ctx.data.glossary.items():
        for lang in LANGUAGES:
            term = entry.get(lang) if isinstance(entry, dict) else None
            if not isinstance(term, dict) or not str(term.get("term", "")).strip() \
                    or not str(term.get("definition", "")).strip():
                out.append(Problem("docs/_data/glossary.yml", src.line(key) if src else 1, 1,
                                   "GLOS001", f"term '{key}' needs a term and a definition "
                                              f"in '{lang}'"))
    if src is None:
        return out  # the glossary could not be read: that is reported, not every term link
    for page in ctx.pages:
        for link in links(page):
            match = GLOSSARY_TARGET.search(link.target)
            if match and match.group(1) not in ctx.data.glossary:
                out.append(page.problem(link.line, link.col, "GLOS002",
                                        f"'{match.group(1)}' is marked as a glossary term but "
                                        "is not in docs/_data/glossary.yml"))
    return out
