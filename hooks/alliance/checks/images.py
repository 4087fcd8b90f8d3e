"""IMG: every image has a meaningful text alternative (not empty, not its file name)."""

from __future__ import annotations

import posixpath
import re

from ..context import SiteContext
from ..markdown_scan import content_lines, links
from ..problems import Problem

HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT = re.compile(r"""\balt=["']([^"']*)["']""", re.IGNORECASE)


def meaningless(alt: str, src: str) -> bool:
    name = posixpath.basename(src.split("#")[0].split("?")[0])
    stem = name.rsplit(".", 1)[0]
    normal = alt.strip().lower()
    return not normal or normal in {name.lower(), stem.lower(), stem.lower().replace("-", " "),
                                    "image", "photo", "img", "picture"}


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    for page in ctx.pages:
        for link in links(page):
            if link.image and meaningless(link.text, link.target):
                out.append(page.problem(link.line, link.col, "IMG001",
                                        f"image '{link.target}' needs a text alternative that "
                                        "says what it shows (not empty, not its file name)"))
        for number, line in content_lines(page):
            for tag in HTML_IMG.finditer(line):
                alt = ALT.search(tag.group(0))
                src = re.search(r"""\bsrc=["']([^"']*)["']""", tag.group(0))
                if alt is None or meaningless(alt.group(1), src.group(1) if src else ""):
                    out.append(page.problem(number, tag.start() + 1, "IMG001",
                                            "image needs a meaningful alt text"))
    return out
