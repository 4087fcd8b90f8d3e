"""FM: front matter against a schema per page kind; unknown fields are errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import AUDIENCES, DESCRIPTION_MAX, TITLE_MAX
from ..context import SiteContext
from ..problems import Problem
from ..sheets.model import SHEETS_DIR
from ..sources import SourcePage

KINDS = ("home", "index", "concept", "path", "testimony", "sheet", "reference", "utility", "easy")
COMMON = {"title", "description", "kind", "audience", "authors", "reviewers", "last_reviewed",
          "translation_sync", "sources", "hide"}
EXTRA = {"testimony": {"testimony"}, "easy": {"standard"}}
SHEET_FIELDS = {"kind", "sheet", "translation_sync"}
REQUIRED = ("title", "description", "kind", "audience", "authors", "last_reviewed")


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, str) and v.strip() for v in value)


def check_page(page: SourcePage, ctx: SiteContext, today: dt.date) -> list[Problem]:
    meta, out = page.meta, []

    def err(key: str, code: str, message: str) -> None:
        out.append(page.problem(page.front.line(key) if key else 1, 1, code, message))

    kind = meta.get("kind")
    if kind not in KINDS:
        err("kind" if "kind" in meta else "", "FM003",
            f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        return out
    if kind == "sheet":
        for key in meta:
            if key not in SHEET_FIELDS:
                err(key, "FM002", f"unknown field '{key}' for a sheet page (allowed: "
                                  f"{', '.join(sorted(SHEET_FIELDS))}; the rest is in the sheet's data file)")
        sheet = str(meta.get("sheet"))
        if sheet not in ctx.sheets and not (ctx.root / SHEETS_DIR / f"{sheet}.yml").exists():
            err("sheet" if "sheet" in meta else "", "FM003",
                f"sheet {meta.get('sheet')!r} has no data file docs/_data/sheets/<id>.yml")
        return out

    allowed = COMMON | EXTRA.get(kind, set())
    for key in meta:
        if key not in allowed:
            err(key, "FM002", f"unknown field '{key}' (allowed for a {kind} page: "
                              f"{', '.join(sorted(allowed))})")
    for key in REQUIRED:
        if key not in meta:
            err("", "FM003", f"missing required field '{key}'")
    title, description = meta.get("title"), meta.get("description")
    if "title" in meta and (not isinstance(title, str) or not title.strip()):
        err("title", "FM004", "title must be a non-empty text")
    elif isinstance(title, str) and len(title) > TITLE_MAX:
        err("title", "FM004", f"title is {len(title)} characters long; at most "
                              f"{TITLE_MAX}")
    if "description" in meta and (not isinstance(description, str) or not description.strip()):
        err("description", "FM004", "description must be a non-empty text")
    elif isinstance(description, str) and len(description) > DESCRIPTION_MAX:
        err("description", "FM004", f"description is {len(description)} characters long; at "
                                    f"most {DESCRIPTION_MAX}")
    audience = meta.get("audience")
    if "audience" in meta and (not _is_str_list(audience)
                               or any(a not in AUDIENCES for a in audience)):
        err("audience", "FM004", f"audience must be a list among {', '.join(AUDIENCES)}")
    for key in ("authors", "reviewers"):
        if key in meta and not _is_str_list(meta[key]):
            err(key, "FM004", f"{key} must be a non-empty list of names")
    if "last_reviewed" in meta:
        reviewed = meta["last_reviewed"]
        if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
            err("last_reviewed", "FM004", "last_reviewed must be an ISO date (YYYY-MM-DD)")
        elif reviewed > today:
            err("last_reviewed", "FM005", f"last_reviewed {reviewed} is in the future")
    if "sources" in meta and not isinstance(meta["sources"], list):
        err("sources", "FM004", "sources must be a list of bibliography keys")
    return out


def check(ctx: SiteContext, today: dt.date) -> list[Problem]:
    out: list[Problem] = []
    titles: dict[tuple[str, str], SourcePage] = {}
    for page in ctx.pages:
        out += check_page(page, ctx, today)
        title = page.meta.get("title")
        if page.kind == "sheet" and str(page.meta.get("sheet")) in ctx.sheets:
            title = ctx.sheets[str(page.meta["sheet"])].text[page.lang].title
        if isinstance(title, str):
            first = titles.setdefault((page.lang, title.strip().lower()), page)
            if first is not page:
                out.append(page.problem(page.front.line("title"), 1, "FM006",
                                        f"title '{title}' is already used by {first.rel}; "
                                        "titles must be unique"))
    return out
