"""Easy-read pages (« facile à lire »): each one names, in its front matter, the standard
page it simplifies (`standard: comprendre/alliance`). That one field is the only place the
pairing is written: the build links the two pages both ways from it.
"""

from __future__ import annotations

import posixpath
from typing import Any

from .context import SiteContext

KIND = "easy"

LINK_TEXT = {
    "fr": {
        "to_easy": "Cette page existe en version facile à lire",
        "to_standard": "Version habituelle de cette page",
    },
    "en": {
        "to_easy": "This page also exists in an easy-read version",
        "to_standard": "Usual version of this page",
    },
}


def standard_of(meta: dict[str, Any]) -> str | None:
    """The stem of the standard page an easy-read page simplifies, if it is one."""
    if meta.get("kind") != KIND:
        return None
    value = meta.get("standard")
    return value.strip().strip("/") if isinstance(value, str) and value.strip() else None


def easy_version_of(ctx: SiteContext, stem: str, lang: str) -> str | None:
    """The stem of the easy-read page that simplifies `stem`, if there is one."""
    for page in ctx.pages_of_kind(KIND, lang):
        if standard_of(page.meta) == stem:
            return page.stem
    return None


def relative_link(from_stem: str, to_stem: str) -> str:
    """A Markdown link target from one page's source to another's (same language)."""
    return posixpath.relpath(f"{to_stem}.md", posixpath.dirname(from_stem) or ".")


def link_markdown(ctx: SiteContext, stem: str, lang: str, meta: dict[str, Any]) -> str:
    """The visible link between a page and its easy-read twin, or "" when it has none."""
    target = standard_of(meta)
    key = "to_standard"
    if target is None:
        target, key = easy_version_of(ctx, stem, lang), "to_easy"
    if target is None:
        return ""
    text = LINK_TEXT[lang][key]
    css = "easy-read-link easy-read-link--to-easy" if key == "to_easy" else \
        "easy-read-link easy-read-link--to-standard"
    return f"[{text}]({relative_link(stem, target)})\n{{: .{css.replace(' ', ' .')} }}"
