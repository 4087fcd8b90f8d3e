"""A light, line-aware reading of the site's Markdown: headings, anchors, links, blocks.

Enough for the checks to point at `path:line:col`; rendering is MkDocs's business.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, wraps
from typing import TypeVar

import markdown

from .sources import SourcePage

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ATTRS = re.compile(r"\{\s*:?\s*([^}]*)\}\s*$")
ID_ATTR = re.compile(r"(?:^|\s)#([\w-]+)")
ATTR_LIST = re.compile(r"\{:?\s*([^}]*)\}")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
# An inline link or image: [text](target "title"), the title in "", '' or ().
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?"
                  r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
HTML_LINK = re.compile(r"""\b(?:href|src)=["'](https?://[^"']+)["']""")
FENCE = re.compile(r"^\s*(```|~~~)")
# A marker is an HTML comment alone on its line holding one word: `<!-- glossary -->`.
# Any such comment is a marker, known or not (an unknown one is MARK001, never ignored).
MARKER = re.compile(r"^ {0,3}<!--[ \t]*([\w-]+)[ \t]*-->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Link:
    line: int
    col: int
    text: str
    target: str
    image: bool


CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
CONTAINER = re.compile(r"^\s*(?:[-*+]\s|\d+\.\s|!!!|\?\?\?|:\s{3})")
REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?(?:\s+[\"'(].*)?\s*$")
REF_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\](?:\[([^\]]*)\])?(?![(:])")


T = TypeVar("T")


def per_page(read: Callable[[SourcePage], T]) -> Callable[[SourcePage], T]:
    """Read a page once: every check asks for the same links, lines and headings. The
    result is shared, so callers must not change it."""

    @wraps(read)
    def cached(page: SourcePage) -> T:
        if read.__name__ not in page.scans:
            page.scans[read.__name__] = read(page)
        return page.scans[read.__name__]

    return cached


def slugify(text: str) -> str:
    """The id the `toc` extension gives a heading of this (Markdown) text."""
    return heading_ids((f"## {text}",))[0]


@cache
def heading_ids(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The ids Python-Markdown's `toc` (with `attr_list`) gives these heading lines, in
    order, de-duplicated as it does: the renderer's own function, not a copy of it."""
    _MD.reset()
    rendered = _MD.convert("\n\n".join(lines))
    return tuple(re.findall(r'<h[1-6][^>]*\bid="([^"]*)"', rendered))


_MD = markdown.Markdown(extensions=["toc", "attr_list"])


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _mask_code_spans(line: str) -> str:
    """The line with each `code span` blanked (same length, so columns stay right)."""
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def prose_lines(page: SourcePage) -> Iterator[tuple[int, str]]:
    """(file line, raw text) of each body line that is not code: fenced blocks and
    indented code blocks (4 spaces after a blank line, outside lists and admonitions)
    are skipped, as the renderer shows them verbatim."""
    fence: str | None = None
    container = in_code = False
    blank_before = True
    for offset, line in enumerate(page.body_lines):
        number = page.body_line + offset
        found = FENCE.match(line)
        if fence is not None:
            if found and line.strip().startswith(fence):
                fence = None
            continue
        if found:
            fence = found.group(1)
            continue
        if not line.strip():
            blank_before = True
            yield number, line  # paragraphs end at blank lines: the readers need them
            continue
        indent = _indent(line)
        if indent >= 4 and (in_code or (blank_before and not container)):
            in_code = True
            blank_before = False
            continue
        in_code = False
        if indent < 4 and CONTAINER.match(line):
            container = True
        elif indent == 0 and blank_before:
            container = False
        blank_before = False
        yield number, line


@per_page
def content_lines(page: SourcePage) -> list[tuple[int, str]]:
    """(file line number, text) for each body line outside code; code spans are blanked."""
    return [(number, _mask_code_spans(line)) for number, line in prose_lines(page)]


@per_page
def headings(page: SourcePage) -> list[tuple[int, int, str, str | None]]:
    """(line, level, title text, explicit anchor or None) of each Markdown heading."""
    found = []
    for number, line in prose_lines(page):
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


@per_page
def heading_anchors(page: SourcePage) -> list[tuple[int, str, bool]]:
    """(line, id, explicit?) of each heading, the ids computed by the renderer's `toc`."""
    found = headings(page)
    ids = heading_ids(tuple(f"{'#' * level} {text}" for _, level, text, _ in found))
    return [(line, anchor or generated, anchor is not None)
            for (line, _, _, anchor), generated in zip(found, ids, strict=True)]


@per_page
def element_ids(page: SourcePage) -> list[tuple[int, int, str]]:
    """(line, col, id) of the ids set outside headings: HTML `id=` and `{ #id }` lists."""
    out = []
    for number, line in content_lines(page):
        if HEADING.match(line):
            continue
        for match in HTML_ID.finditer(line):
            out.append((number, match.start(1) + 1, match.group(1)))
        for attrs in ATTR_LIST.finditer(line):
            for match in ID_ATTR.finditer(attrs.group(1)):
                out.append((number, attrs.start(1) + match.start() + 2, match.group(1)))
    return out


def anchors(page: SourcePage) -> set[str]:
    """Every fragment a link may point at in this page's source."""
    return ({anchor for _, anchor, _ in heading_anchors(page)}
            | {anchor for _, _, anchor in element_ids(page)})


@per_page
def reference_definitions(page: SourcePage) -> dict[str, str]:
    """Reference-style link definitions, `[label]: target`, by normalised label."""
    out: dict[str, str] = {}
    for _, line in content_lines(page):
        match = REF_DEF.match(line)
        if match:
            out.setdefault(" ".join(match.group(1).lower().split()), match.group(2))
    return out


@per_page
def markers(page: SourcePage) -> list[tuple[int, int, str]]:
    """(line, col, name) of each marker comment outside code."""
    out = []
    for number, line in content_lines(page):
        match = MARKER.match(line)
        if match:
            out.append((number, line.index("<!--") + 1, match.group(1)))
    return out


def explicit_heading_anchors(page: SourcePage) -> list[tuple[int, str]]:
    return [(line, anchor) for line, level, _, anchor in headings(page) if level >= 2 and anchor]


@per_page
def links(page: SourcePage) -> list[Link]:
    """Inline links, reference-style links resolved through their definitions, autolinks
    and absolute HTML links, outside code."""
    out = []
    definitions = reference_definitions(page)
    for number, line in content_lines(page):
        if REF_DEF.match(line):
            continue
        inline = list(LINK.finditer(line))
        for match in inline:
            out.append(Link(number, match.start() + 1, match.group(2), match.group(3),
                            match.group(1) == "!"))
        taken = [(m.start(), m.end()) for m in inline]
        for match in REF_LINK.finditer(line):
            if any(start <= match.start() < end for start, end in taken):
                continue
            label = match.group(3) or match.group(2)
            target = definitions.get(" ".join(label.lower().split()))
            if target is not None:
                out.append(Link(number, match.start() + 1, match.group(2), target,
                                match.group(1) == "!"))
        for match in AUTOLINK.finditer(line):
            out.append(Link(number, match.start() + 1, match.group(1), match.group(1), False))
        for match in HTML_LINK.finditer(line):
            out.append(Link(number, match.start() + 1, "", match.group(1), False))
    return out


# A sentence ends at . ! ? or … followed by a space and a capital, a digit or an opening
# quotation mark; not after an abbreviation ("et al.", "p.", "e.g.").
SENTENCE_END = re.compile(r"(?<=[.!?…])[\s\u00a0]+(?=[«\"“(]?[A-ZÀ-ÖØ-Þ0-9])")
ABBREVIATION = re.compile(r"(?:\bal|\bp|\bpp|\be\.g|\bi\.e|\bcf|\bvs|\bDr|\bM|\bMme|\bSt|"
                          r"\bvol|\bno|\bed|\bchap|\bfig)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph's text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if ABBREVIATION.search(text[start:match.start()]):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@dataclass
class Block:
    """A paragraph (or a table row, or a list item) with its first line."""

    line: int
    text: str
    lines: list[tuple[int, str]]


@per_page
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
