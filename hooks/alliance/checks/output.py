"""OUT: checks of the built site itself, run after the build.

The help page is generated from docs/_data/helplines.yml; if its marker, its template or
the data went wrong, readers would lose crisis numbers without any message. So the
output HTML of the help page, in each language, must carry a working `tel:` link that
dials every number of the data file in full.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from .. import LANGUAGES
from ..context import SiteContext
from ..problems import Problem
from ..sources import page_url
from .markers import pages_needing

TEL = re.compile(r"^(?:tel|sms):(\+?\d+)$")  # a call, or a text for text-only services


class _Links(HTMLParser):
    """The href of every <a> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def output_file(site_dir: Path, stem: str, lang: str) -> Path:
    return site_dir / page_url(stem, lang).lstrip("/") / "index.html"


def help_page_problems(html_text: str, rel: str, wanted: set[str]) -> list[Problem]:
    """Problems of one built help page: `wanted` holds the numbers' digits."""
    parser = _Links()
    parser.feed(html_text)
    dialled = set()
    out = []
    for href in parser.hrefs:
        scheme = href.split(":", 1)[0]
        if scheme not in ("tel", "sms"):
            continue
        match = TEL.match(href)
        if not match:
            out.append(Problem(rel, 1, 1, "OUT002", f"'{href}' is not a working {scheme}: link "
                                                    "(only digits, after an optional +)"))
            continue
        dialled.add(match.group(1).lstrip("+"))
    for number in sorted(wanted - dialled):
        out.append(Problem(rel, 1, 1, "OUT001",
                           f"no tel: or sms: link reaches {number}, a number of "
                           "docs/_data/helplines.yml: the help page lost it"))
    return out


def check_site(site_dir: Path, ctx: SiteContext) -> list[Problem]:
    """Every problem of the built site, paths relative to the output folder's parent.
    The help pages are the pages that must carry the help lines (the easy-read one too)."""
    out: list[Problem] = []
    wanted = {d for d in ctx.data.helpline_digits() if d}
    for lang in LANGUAGES:
        for stem in pages_needing(ctx, "helplines", lang):
            path = output_file(site_dir, stem, lang)
            rel = f"{site_dir.name}/{path.relative_to(site_dir).as_posix()}"
            if not path.exists():
                out.append(Problem(rel, 1, 1, "OUT001", "the help page was not built"))
                continue
            out += help_page_problems(path.read_text(encoding="utf-8"), rel, wanted)
    return out
