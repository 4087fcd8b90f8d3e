"""LINK: every internal link leads to a page the build produces, and its anchor exists."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from .. import LANGUAGES
from ..bibexport import BIBTEX_NAME, EXPORT_DIR, RIS_NAME
from ..context import SiteContext
from ..markdown_scan import anchors, links, markers
from ..page_info import ANCHOR
from ..problems import Problem
from ..sheets.render import PDF_FORMATS, pdf_name, sheet_page_anchors
from ..sources import SourcePage, asset_files
from ..transform import MARKERS, generated_ids, has_sources_section

SCHEMES = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def generated_anchors(ctx: SiteContext, page: SourcePage) -> set[str]:
    """Anchors the build adds to a page, on top of those in its source: the page information
    block, its sources section, the headings of its generated blocks, the fixed headings of
    a sheet page."""
    out = {"sources", ANCHOR} if has_sources_section(page.stem, page.meta) else {ANCHOR}
    for _, _, name in markers(page):
        if name in MARKERS:
            out |= generated_ids(ctx, name, page.lang)
    if page.kind == "sheet":
        out |= sheet_page_anchors(ctx.root)
    return out


def produced_files(ctx: SiteContext) -> set[str]:
    """Files (not pages) the build produces under docs-relative paths, per language prefix."""
    out = set()
    for sheet_id in ctx.sheets:
        for lang, papers in PDF_FORMATS.items():
            for paper in papers:
                out.add(f"{lang}:fiches/pdf/{pdf_name(sheet_id, lang, paper)}")
    for lang in LANGUAGES:  # the bibliography downloads (hooks/bibexport.py)
        out |= {f"{lang}:{EXPORT_DIR}/{name}" for name in (BIBTEX_NAME, RIS_NAME)}
    return out


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    pages = {(p.stem, p.lang): p for p in ctx.pages}
    anchor_cache: dict[tuple[str, str], set[str]] = {}
    files = produced_files(ctx)
    assets = asset_files(ctx.root)

    def page_anchors(page: SourcePage) -> set[str]:
        key = (page.stem, page.lang)
        if key not in anchor_cache:
            anchor_cache[key] = anchors(page) | generated_anchors(ctx, page)
        return anchor_cache[key]

    for page in ctx.pages:
        for link in links(page):
            target = link.target
            if SCHEMES.match(target) or target.startswith("//"):
                continue  # external, mailto:, tel: — the external-links check covers them
            path, _, fragment = target.partition("#")
            fragment = unquote(fragment)
            if not path:
                if fragment and fragment not in page_anchors(page):
                    out.append(page.problem(link.line, link.col, "LINK002",
                                            f"broken link '{target}': no heading or element "
                                            f"with id '{fragment}' in this page"))
                continue
            if path.startswith("/"):
                out.append(page.problem(link.line, link.col, "LINK003",
                                        f"absolute link '{target}': write a relative link to "
                                        "the Markdown file instead"))
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.stem), path))
            lang = page.lang
            if resolved.endswith(".md"):
                stem = resolved[:-3]
                for code in LANGUAGES:
                    if stem.endswith(f".{code}"):
                        stem, lang = stem[: -len(code) - 1], code
                if lang != page.lang:
                    out.append(page.problem(link.line, link.col, "LINK001",
                                            f"broken link '{target}': from a page in '{page.lang}', "
                                            f"a link cannot reach the '{lang}' file; write "
                                            f"'{posixpath.basename(stem)}.md', the build links "
                                            "each language to its own page"))
                    continue
                target_page = pages.get((stem, lang))
                if (stem, lang) in ctx.unreadable:
                    continue  # the page exists but cannot be read: reported as such
                if target_page is None:
                    out.append(page.problem(link.line, link.col, "LINK001",
                                            f"broken link '{target}': no page docs/{stem}.{lang}.md"))
                    continue
                if stem == "comprendre/glossaire" and fragment:
                    continue  # glossary anchors: the glossary check reports unknown terms
                if fragment and fragment not in page_anchors(target_page):
                    out.append(page.problem(link.line, link.col, "LINK002",
                                            f"broken link '{target}': no heading or element with "
                                            f"id '{fragment}' in docs/{stem}.{lang}.md"))
            elif f"{page.lang}:{resolved}" in files or resolved in assets[page.lang]:
                continue
            else:
                out.append(page.problem(link.line, link.col, "LINK001",
                                        f"broken link '{target}': the build produces no file "
                                        f"'{resolved}' for this language"))
    return out
