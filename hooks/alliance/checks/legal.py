"""LEGAL002: the publisher, director of publication and host are written once, in
docs/_data/site.yml, and shown through <!-- legal-notice --> / <!-- data-controller -->;
a page that writes one of their filled-in details by hand would drift from it."""

from __future__ import annotations

import re

from .. import LANGUAGES
from ..context import SiteContext
from ..legal import REL, ROLES
from ..markdown_scan import content_lines
from ..people import localized_text
from ..problems import Problem

MIN_LENGTH = 6  # shorter values ("Paris") are too common to mean a copy


def check(ctx: SiteContext) -> list[Problem]:
    legal = ctx.data.site.get("legal") or {}
    wanted: list[tuple[str, re.Pattern[str]]] = []
    for role, fields in ROLES.items():
        entry = legal.get(role)
        if not isinstance(entry, dict) or entry.get("placeholder", True):
            continue  # placeholders are the release check's business
        for key in fields:
            text = localized_text(entry.get(key)) or {}
            for value in {text[lang] for lang in LANGUAGES if lang in text}:
                if len(value.strip()) >= MIN_LENGTH:
                    wanted.append((f"{role} {key}", re.compile(re.escape(value.strip()),
                                                               re.IGNORECASE)))
    out: list[Problem] = []
    for page in ctx.pages:
        for number, line in content_lines(page):
            for what, pattern in wanted:
                found = pattern.search(line)
                if found:
                    out.append(page.problem(number, found.start() + 1, "LEGAL002",
                                            f"'{found.group(0)}' (the {what}) is written by hand: "
                                            f"it lives in {REL} and is shown by "
                                            "<!-- legal-notice -->"))
    return out
