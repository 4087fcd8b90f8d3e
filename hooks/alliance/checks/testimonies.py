"""TEST: testimonies declare consent and anonymisation, and nothing in a page identifies
anyone (e-mail, phone number that is not a help line, birth date, street address, or a
name of the denylist, which stores names only as hashes)."""

from __future__ import annotations

import re
from functools import cache

from ..context import SiteContext
from ..data import name_hash
from ..heuristics import identifying
from ..markdown_scan import content_lines, headings
from ..problems import Problem

NAME_WORDS = 3  # the longest denylisted name, in words
TYPES = ("paraphrase", "composite", "contributed")
PERSPECTIVES = {"patient", "therapist"}
# each candidate once (words are already one lower-case token each: name_hash's own
# normalisation would give the same text)
_hash = cache(name_hash)
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def _fields(page, out: list[Problem], ctx: SiteContext) -> None:
    info = page.meta.get("testimony")
    line = page.front.line("testimony")
    if not isinstance(info, dict):
        out.append(page.problem(line, 1, "TEST001",
                                "a testimony needs a 'testimony' block: type, consent, "
                                "anonymised, perspectives, setting, themes"))
        return

    def err(key: str, message: str) -> None:
        out.append(page.problem(page.front.line("testimony", key), 1, "TEST001", message))

    if info.get("type") not in TYPES:
        err("type", f"testimony type must be one of {', '.join(TYPES)}")
    if not isinstance(info.get("consent"), str) or not info["consent"].strip():
        err("consent", "testimony consent is missing: say on what basis it is published")
    if info.get("anonymised") is not True:
        err("anonymised", "testimony must be anonymised (anonymised: true)")
    if set(info.get("perspectives") or []) != PERSPECTIVES:
        err("perspectives", "perspectives must be [patient, therapist]")
    if not isinstance(info.get("setting"), str) or not info["setting"].strip():
        err("setting", "testimony setting is missing")
    themes = info.get("themes")
    if not isinstance(themes, list) or not themes:
        err("themes", "testimony themes are missing")
    else:
        for theme in themes:
            if theme not in ctx.data.themes:
                err("themes", f"unknown theme '{theme}' (see docs/_data/testimony_themes.yml)")
    for key in info:
        if key not in {"type", "consent", "anonymised", "perspectives", "setting", "themes"}:
            err(key, f"unknown field '{key}' in the testimony block")
    if isinstance(themes, list):
        _theme_sections(page, [str(t) for t in themes], out, ctx)


def _theme_sections(page, declared: list[str], out: list[Problem], ctx: SiteContext) -> None:
    """TEST003: the themes of the front matter and the page's theme sections (`## … { #key }`
    with a key of testimony_themes.yml) are the same, both ways: the testimonies index links
    each declared theme to its section, and lists a page under the themes it declares."""
    sections = {anchor: line for line, level, _, anchor in headings(page)
                if level == 2 and anchor in ctx.data.themes}
    for theme in declared:
        if theme in ctx.data.themes and theme not in sections:
            out.append(page.problem(page.front.line("testimony", "themes"), 1, "TEST003",
                                    f"theme '{theme}' is declared but the page has no section "
                                    f"'## … {{ #{theme} }}'"))
    for theme, line in sections.items():
        if theme not in declared:
            out.append(page.problem(line, 1, "TEST003",
                                    f"section '#{theme}' is a theme not declared in the front "
                                    "matter: add it to 'themes' (or give the section another id)"))


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    allowed_emails = {str(v) for v in ctx.data.site.values() if isinstance(v, str) and "@" in v}
    for page in ctx.pages:
        if page.kind == "testimony":
            _fields(page, out, ctx)
        for number, line in content_lines(page):
            words = list(WORD.finditer(line)) if ctx.data.denylist else []
            lower = [m.group(0).lower() for m in words]
            for index, match in enumerate(words):
                # a name may be several words ("Arca Sud"): try 1 to NAME_WORDS words; a
                # name of several words starts with a capital, as a proper noun does
                # (hashing every run of words of every page took most of the check's time)
                longest = NAME_WORDS if match.group(0)[0].isupper() else 1
                name = ""
                for size in range(1, longest + 1):
                    if index + size > len(words):
                        break
                    name = f"{name} {lower[index + size - 1]}" if name else lower[index]
                    if _hash(name) in ctx.data.denylist:
                        out.append(page.problem(number, match.start() + 1, "TEST002",
                                                "a name from the denylist appears here: "
                                                "remove it (testimonies are anonymous)"))
                        break
            if page.kind != "testimony":
                continue
            for col, what, text in identifying(line):
                if what == "an e-mail address" and text in allowed_emails:
                    continue
                out.append(page.problem(number, col + 1, "TEST002",
                                        f"looks like {what} ('{text}'): a testimony must not "
                                        "identify anyone"))
    return out
