"""TEST: testimonies declare consent and anonymisation, and nothing in a page identifies
anyone (e-mail, phone number that is not a help line, birth date, street address, or a
name of the denylist, which stores names only as hashes)."""

from __future__ import annotations

import re

from ..context import SiteContext
from ..data import name_hash
from ..markdown_scan import content_lines
from ..problems import Problem

NAME_WORDS = 3  # the longest denylisted name, in words
TYPES = ("paraphrase", "composite", "contributed")
PERSPECTIVES = {"patient", "therapist"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
BIRTH = re.compile(r"\b(?:n[ée]e?\s+le|born\s+on|date\s+de\s+naissance|date\s+of\s+birth)\b"
                   r"|\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}\b", re.IGNORECASE)
STREET = re.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|impasse|allée|"
    r"place|quai|route|cours)\b|\b\d{1,5}\s+(?:[A-Z][\w'-]+\s+){1,3}"
    r"(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Lane|Drive|Close|Crescent)\b", re.IGNORECASE)
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


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    allowed_emails = {str(v) for v in ctx.data.site.values() if isinstance(v, str) and "@" in v}
    for page in ctx.pages:
        if page.kind == "testimony":
            _fields(page, out, ctx)
        for number, line in content_lines(page):
            words = list(WORD.finditer(line)) if ctx.data.denylist else []
            for index, match in enumerate(words):
                # a name may be several words ("Arca Sud"): try 1 to NAME_WORDS words
                for size in range(1, NAME_WORDS + 1):
                    if index + size > len(words):
                        break
                    name = " ".join(m.group(0) for m in words[index:index + size])
                    if name_hash(name) in ctx.data.denylist:
                        out.append(page.problem(number, match.start() + 1, "TEST002",
                                                "a name from the denylist appears here: "
                                                "remove it (testimonies are anonymous)"))
                        break
            if page.kind != "testimony":
                continue
            for pattern, what in ((EMAIL, "an e-mail address"), (BIRTH, "a date of birth"),
                                  (STREET, "a street address")):
                for match in pattern.finditer(line):
                    if pattern is EMAIL and match.group(0) in allowed_emails:
                        continue
                    out.append(page.problem(number, match.start() + 1, "TEST002",
                                            f"looks like {what} ('{match.group(0)}'): a "
                                            "testimony must not identify anyone"))
    return out
