"""OUT: checks of the built site itself, run after the build.

Every French page's text obeys French typography (OUT003): the sources are checked
(TYPO), and this catches what the hooks, the theme and the templates generate from them.

The help page is generated from docs/_data/helplines.yml; if its marker, its template or
the data went wrong, readers would lose crisis numbers without any message. So the
output HTML of the help page, in each language, must carry a working `tel:` link that
dials every number of the data file in full.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from .. import DEFAULT_LANGUAGE, LANGUAGES, french
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


# Text inside these elements is not prose: code, scripts, and what a screen reader skips.
NOT_PROSE = {"code", "pre", "kbd", "samp", "script", "style", "svg", "template", "textarea"}
SPOKEN_ATTRIBUTES = {"title", "aria-label", "alt", "placeholder"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _FrenchText(HTMLParser):
    """The French text nodes of a page, with their line and column: not inside code or
    scripts, nor inside an element whose `lang` names another language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, is this element's text French?)
        # (line, column, text, is it an attribute's value?)
        self.texts: list[tuple[int, int, str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        french_here = self.stack[-1][1] if self.stack else True
        lang = dict(attrs).get("lang")
        if lang is not None:
            french_here = lang.lower().startswith(DEFAULT_LANGUAGE)
        if french_here:  # what a screen reader or a tooltip says is text too
            line, col = self.getpos()
            self.texts += [(line, col, value, True) for name, value in attrs
                           if name in SPOKEN_ATTRIBUTES and value and value.strip()]
        if tag not in VOID:
            self.stack.append((tag, french_here and tag not in NOT_PROSE))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if (not self.stack or self.stack[-1][1]) and data.strip():
            line, col = self.getpos()
            self.texts.append((line, col, data, False))


def typography_problems(html_text: str, rel: str) -> list[Problem]:
    """OUT003: French typography of the text of one built French page."""
    parser = _FrenchText()
    parser.feed(html_text)
    parser.close()
    out = []
    for line, col, text, attribute in parser.texts:
        for index, code, message in french.problems(text):
            if attribute:  # reported at its element, which names it
                at_line, at_col, where = line, col + 1, "in an attribute of this element"
            else:
                before = text[:index]
                at_line = line + before.count("\n")
                at_col = (index - before.rfind("\n")) if "\n" in before else col + index + 1
                where = "in text generated for this page"
            out.append(Problem(rel, at_line, at_col, "OUT003", f"{message} ({code}, {where})"))
    return out


MENU_START, MENU_END = 'class="md-sidebar md-sidebar--primary"', 'class="md-sidebar md-sidebar--secondary"'


def without_site_menu(html_text: str) -> str:
    """The page with its site menu blanked (line breaks kept, so lines stay right). The menu
    is the same on every page but for which entry is current: its labels are the pages'
    titles and the navigation's, checked in their sources, and the whole menu is checked on
    one page. Half of a page's HTML, skipped on the others."""
    start = html_text.find(MENU_START)
    end = html_text.find(MENU_END, start)
    if start < 0 or end < 0:
        return html_text
    # cut just before the element's opening "<div" on both sides
    start, end = html_text.rfind("<", 0, start), html_text.rfind("<", 0, end)
    return html_text[:start] + "\n" * html_text.count("\n", start, end) + html_text[end:]


def french_pages(site_dir: Path) -> list[Path]:
    """The built French pages (English ones live under en/)."""
    return sorted(path for path in site_dir.rglob("*.html")
                  if path.relative_to(site_dir).parts[0] not in LANGUAGES[1:])


def check_site(site_dir: Path, ctx: SiteContext) -> list[Problem]:
    """Every problem of the built site, paths relative to the output folder's parent.
    The help pages are the pages that must carry the help lines (the easy-read one too)."""
    out: list[Problem] = []
    for index, path in enumerate(french_pages(site_dir)):
        rel = f"{site_dir.name}/{path.relative_to(site_dir).as_posix()}"
        html_text = path.read_text(encoding="utf-8")
        if index:  # the first page is read whole: its menu stands for every page's
            html_text = without_site_menu(html_text)
        out += typography_problems(html_text, rel)
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
