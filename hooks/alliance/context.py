"""Everything the transforms and checks need about the site, loaded once per build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .data import SiteData, load_site_data
from .problems import Problem
from .sheets.model import Sheet, load_sheets
from .sources import SourcePage, page_files, read_pages


@dataclass
class PdfInfo:
    """What the sheets index shows about one PDF: its pages and its size."""

    pages: int
    size: int


@dataclass
class SiteContext:
    root: Path
    data: SiteData
    sheets: dict[str, Sheet]
    pages: list[SourcePage]
    problems: list[Problem]
    pdfs: dict[tuple[str, str, str], PdfInfo] = field(default_factory=dict)
    # (stem, lang) of the page files that exist but could not be read: their problem is
    # already reported, so the checks must not also call these pages missing
    unreadable: set[tuple[str, str]] = field(default_factory=set)
    # (marker, lang) -> the ids its generated block gives (alliance.transform.generated_ids)
    generated_ids: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def page(self, stem: str, lang: str) -> SourcePage | None:
        for page in self.pages:
            if page.stem == stem and page.lang == lang:
                return page
        return None

    def pages_of_kind(self, kind: str, lang: str) -> list[SourcePage]:
        return [p for p in self.pages if p.kind == kind and p.lang == lang]

    def sheet_meta(self, sheet_id: str, lang: str) -> dict[str, Any]:
        """Page metadata of a sheet page, taken from its data file."""
        sheet = self.sheets[sheet_id]
        text = sheet.text[lang]
        return {
            "title": text.title, "description": text.description, "kind": "sheet",
            "audience": sheet.audience, "authors": sheet.authors, "reviewers": sheet.reviewers,
            "last_reviewed": sheet.last_reviewed, "sources": sheet.sources,
        }


def load_context(root: Path, today: dt.date | None = None) -> SiteContext:
    data, problems = load_site_data(root)
    sheets, sheet_problems = load_sheets(root, today)
    pages, page_problems = read_pages(root)
    return SiteContext(root, data, sheets, pages, problems + sheet_problems + page_problems,
                       unreadable=page_files(root) - {(p.stem, p.lang) for p in pages})
