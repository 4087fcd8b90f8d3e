"""A light, line-aware reading of the site's Markdown: headings, anchors, links, blocks.

Enough for the checks to point at `path:line:col`; rendering is MkDocs's business.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .sources import SourcePage

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ATTRS = re.compile(r"\{\s*:?\s*([^}]*)\}\s*$")
ID_ATTR = re.compile(r"(?:^|\s)#([\w-]+)")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
HTML_LINK = re.compile(r"""\b(?:href|src)=["'](https?://[^"']+)["']""")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Link:
    line: int
    col: int
    text: str
    target: str
    image: bool


def slugify(text: str) -> str:
    """Python-Markdown's default toc slug (what MkDocs gives a heading without an id)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def content_lines(page: SourcePage) -> Iterator[tuple[int, str]]:
    """(file line number, text) for each body line outside fenced code."""
    fenced = False
    for offset, line in enumerate(page.body_lines):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield page.body_line + offset, line


def headings(page: SourcePage) -> list[tuple[int, int, str, str | None]]:
    """(line, level, title text, explicit anchor or None) of each Markdown heading."""
    found = []
    for number, line in content_lines(page):
        match = HEADING.match(line)
        if not match:
            continue
        text, anchor = match.group(2), None
        attrs = HEADING_ATTRS.search(text)
        if attrs:
            ids = ID_ATTR.findall(attrs.group(1))
            anchor = ids[0] if ids else None
            text = text[: attrs.start()].strip()
        found.append((number, len(match.group(1)), text, anchor))
    return found


def anchors(page: SourcePage) -> set[str]:
    """Every fragment a link may point at in this page's source."""
    out = set()
    for _, _, text, anchor in headings(page):
        out.add(anchor or slugify(text))
    for _, line in content_lines(page):
        out.update(HTML_ID.findall(line))
        for attrs in re.findall(r"\{:?\s*([^}]*)\}", line):
            out.update(ID_ATTR.findall(attrs))
    return out


def explicit_heading_anchors(page: SourcePage) -> list[tuple[int, str]]:
    return [(line, anchor) for line, level, _, anchor in headings(page) if level >= 2 and anchor]


def links(page: SourcePage) -> list[Link]:
    out = []
    for number, line in content_lines(page):
        for match in LINK.finditer(line):
            out.append(Link(number, match.start() + 1, match.group(2), match.group(3),
                            match.group(1) == "!"))
        for match in AUTOLINK.finditer(line):
            out.append(Link(number, match.start() + 1, match.group(1), match.group(1), False))
        for match in HTML_LINK.finditer(line):
            out.append(Link(number, match.start() + 1, "", match.group(1), False))
    return out


@dataclass
class Block:
    """A paragraph (or a table row, or a list item) with its first line."""

    line: int
    text: str
    lines: list[tuple[int, str]]


def blocks(page: SourcePage) -> list[Block]:
    out: list[Block] = []
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            out.append(Block(current[0][0], " ".join(t for _, t in current), list(current)))
            current.clear()

    for number, line in content_lines(page):
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("|") or HEADING.match(stripped):
            flush()
            out.append(Block(number, stripped, [(number, line)]))
        elif re.match(r"^([-*+]|\d+\.)\s", stripped):
            flush()  # a list item is its own block; indented lines continue it
            current.append((number, line))
        else:
            current.append((number, line))
    flush()
    return out
