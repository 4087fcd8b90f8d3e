"""CITE: citations resolve to the bibliography, every entry is used and has a known type,
figures are cited."""

from __future__ import annotations

import re

from ..bibexport import TYPES
from ..bibliography import REFERENCES_STEM, cited_keys
from ..context import SiteContext
from ..markdown_scan import Block, blocks, content_lines, sentence_spans
from ..problems import Problem
from ..sources import SourcePage


def uncited_figures(page: SourcePage, block: Block, patterns: list[re.Pattern[str]]
                    ) -> list[Problem]:
    """CITE003: a figure is covered by a citation in its own sentence or in the sentence
    just before it; a citation elsewhere in the paragraph does not cover it."""
    out = []
    starts, offset = [], 0
    for number, line in block.lines:  # where each line begins in the block's text
        starts.append((offset, number))
        offset += len(line) + 1
    spans = sentence_spans(block.text)
    cited = [bool(cited_keys(block.text[a:b])) for a, b in spans]
    for index, (start, end) in enumerate(spans):
        if cited[index] or (index > 0 and cited[index - 1]):
            continue
        sentence = block.text[start:end]
        hit = min((m for p in patterns for m in [p.search(sentence)] if m),
                  key=lambda m: m.start(), default=None)
        if hit is None:
            continue
        figure = hit.group(0) + re.match(r"[\d.,]*\d|", sentence[hit.end():]).group(0)
        at = start + hit.start()
        line_start, number = max((s, n) for s, n in starts if s <= at)
        out.append(page.problem(number, at - line_start + 1, "CITE003",
                                f"figure '{figure.strip()}' without a citation in its "
                                "sentence or the sentence before: add [@key]"))
    return out


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    bib = ctx.data.bibliography
    used: set[str] = set()
    patterns = [re.compile(p) for p in
                ctx.data.validation.get("statistics", {}).get("patterns", [])]
    for page in ctx.pages:
        sources = page.meta.get("sources")
        for key in map(str, sources if isinstance(sources, list) else []):  # else: FM004
            used.add(key)
            if key not in bib:
                out.append(page.problem(page.front.line("sources"), 1, "CITE001",
                                        f"unknown bibliography key '{key}' in sources"))
        for block in blocks(page):
            for number, line in block.lines:
                for key, offset in cited_keys(line):
                    used.add(key)
                    if key not in bib:
                        out.append(page.problem(number, offset + 1, "CITE001",
                                                f"unknown citation key '@{key}': not in "
                                                "docs/_data/bibliography.yml"))
            if not block.text.lstrip().startswith("#"):
                out += uncited_figures(page, block, patterns)
    # citations render as links to the references page: it must exist in each language
    for page in ctx.pages:
        first = next(((n, col) for n, line in content_lines(page)
                      for _, col in cited_keys(line)), None)
        if first and ctx.page(REFERENCES_STEM, page.lang) is None:
            out.append(page.problem(first[0], first[1] + 1, "CITE004",
                                    f"citations link to the references page, but there is no "
                                    f"docs/{REFERENCES_STEM}.{page.lang}.md"))
    for sheet in ctx.sheets.values():
        for key in sheet.sources:
            used.add(key)
            if key not in bib:
                out.append(Problem(sheet.source, 1, 1, "CITE001",
                                   f"unknown bibliography key '{key}' in sources"))
    src = ctx.data.bibliography_src
    for key, entry in bib.items():  # the BibTeX and RIS downloads need a known type
        if entry.get("type") not in TYPES:
            out.append(Problem("docs/_data/bibliography.yml", src.line(key, "type") if src else 1, 1,
                               "CITE005", f"entry '{key}': unknown type {entry.get('type')!r} "
                                          f"(one of {', '.join(TYPES)})"))
    for key in sorted(set(bib) - used):
        line = src.line(key) if src else 1
        out.append(Problem("docs/_data/bibliography.yml", line, 1, "CITE002",
                           f"entry '{key}' is cited nowhere: cite it or remove it"))
    return out
