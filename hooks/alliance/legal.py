"""Who publishes the site and who hosts it, written once in docs/_data/site.yml (`legal:`).

French law (loi n° 2004-575 du 21 juin 2004, "LCEN") asks a site to show its publisher,
its director of publication and its host (name, address, telephone). The legal notice
shows them through the marker <!-- legal-notice -->, the privacy page shows who holds the
testimonies through <!-- data-controller -->: no page writes them by hand. Each entry is a
marked placeholder (`placeholder: true`) until real details are filled in, and
`make release-check` names every placeholder left.
"""

from __future__ import annotations

import html
from typing import Any

from . import LANGUAGES
from .people import localized_text
from .problems import Problem
from .words import WORDS
from .yamlio import Located

REL = "docs/_data/site.yml"
NOTICE_MARKER = "legal-notice"
CONTROLLER_MARKER = "data-controller"
NOTICE_STEM = "a-propos/mentions-legales"
PRIVACY_STEM = "a-propos/confidentialite"
SITE_KEYS = {"contact_email", "testimony_email", "content_licence", "code_licence", "review_every_months",
             "legal"}
# role -> the fields it must have (each a text, or one per language)
ROLES: dict[str, tuple[str, ...]] = {
    "publisher": ("name", "status", "address", "phone"),
    "director": ("name",),
    "host": ("name", "address", "phone"),
}
ANCHORS = {"publisher": "editeur", "director": "direction-publication", "host": "hebergement"}


def validate(src: Located) -> list[Problem]:
    """The shape of site.yml: known keys only, and a complete `legal:` block."""
    out: list[Problem] = []

    def bad(path: tuple[Any, ...], code: str, message: str) -> None:
        out.append(Problem(REL, src.line(*path), 1, code, message))

    data = src.data
    if not isinstance(data, dict):
        bad((), "DATA002", "site.yml must be a mapping")
        return out
    for key in sorted(set(data) - SITE_KEYS, key=str):
        bad((key,), "DATA003", f"unknown key '{key}' (known: {', '.join(sorted(SITE_KEYS))})")
    months = data.get("review_every_months", 12)
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 36:
        bad(("review_every_months",), "DATA002", "review_every_months must be a whole number "
                                                  "of months, from 1 to 36")
    legal = data.get("legal")
    if not isinstance(legal, dict):
        bad(("legal",) if "legal" in data else (), "LEGAL001",
            "site.yml needs a 'legal' block: publisher, director and host")
        return out
    for role in sorted(set(legal) - set(ROLES), key=str):
        bad(("legal", role), "DATA003", f"legal: unknown key '{role}' (known: "
                                        f"{', '.join(ROLES)})")
    for role, fields in ROLES.items():
        entry = legal.get(role)
        if not isinstance(entry, dict):
            bad(("legal", role) if role in legal else ("legal",), "LEGAL001",
                f"legal: '{role}' is missing (it needs {', '.join(fields)})")
            continue
        for key in sorted(set(entry) - {*fields, "placeholder"}, key=str):
            bad(("legal", role, key), "DATA003", f"legal.{role}: unknown key '{key}'")
        for key in fields:
            if localized_text(entry.get(key)) is None:
                bad(("legal", role, key) if key in entry else ("legal", role), "LEGAL001",
                    f"legal.{role}: '{key}' must be a text, or one in {' and '.join(LANGUAGES)}")
        if not isinstance(entry.get("placeholder", False), bool):
            bad(("legal", role, "placeholder"), "DATA002",
                f"legal.{role}: placeholder must be true or false")
    return out


def _entry_lines(site: dict[str, Any], role: str, lang: str, with_email: bool) -> list[str]:
    words = WORDS[lang]["legal"] | {"colon": WORDS[lang]["colon"]}
    entry = (site.get("legal") or {}).get(role) or {}
    out = []
    for key in ROLES[role]:
        value = localized_text(entry.get(key))
        if value:
            out.append(f"- {words[key]}{words['colon']} {html.escape(value[lang])}")
    if with_email and site.get("contact_email"):
        email = html.escape(str(site["contact_email"]))
        out.append(f"- {words['email']}{words['colon']} [{email}](mailto:{email})")
    if entry.get("placeholder", True):
        out.append(f"- *{words['placeholder']}*")
    return out


def notice_markdown(site: dict[str, Any], lang: str) -> str:
    """Publisher, director of publication and host, each under its own heading."""
    words = WORDS[lang]["legal"] | {"colon": WORDS[lang]["colon"]}
    out = []
    for role in ROLES:
        out.append(f"## {words[role]} {{ #{ANCHORS[role]} }}\n")
        if role == "director":
            out.append(words["director_text"] + "\n")
        if role == "host":
            out.append(words["host_text"] + "\n")
        out += _entry_lines(site, role, lang, with_email=role == "publisher")
        out.append("")
    return "\n".join(out)


def controller_markdown(site: dict[str, Any], lang: str) -> str:
    """Who holds the testimonies (the publisher), for the privacy page."""
    words = WORDS[lang]["legal"] | {"colon": WORDS[lang]["colon"]}
    out = [words["controller_text"], ""]
    out += _entry_lines(site, "publisher", lang, with_email=False)
    email = html.escape(str(site.get("testimony_email", "")))
    out.append(f"- {words['email']}{words['colon']} [{email}](mailto:{email})")
    out.append("")
    return "\n".join(out)


def placeholders(site: dict[str, Any]) -> list[str]:
    """The roles still marked as placeholders (for the release check)."""
    legal = site.get("legal") or {}
    return [role for role in ROLES
            if not isinstance(legal.get(role), dict) or legal[role].get("placeholder", True)]
