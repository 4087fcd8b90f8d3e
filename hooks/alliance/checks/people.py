"""PEOPLE001: every author and reviewer of a page or a sheet is an id of docs/_data/people.yml."""

from __future__ import annotations

from ..context import SiteContext
from ..people import REL, id_position, unknown_ids
from ..problems import Problem

ROLES = ("authors", "reviewers")


def _message(pid: str, role: str) -> str:
    return (f"unknown person '{pid}' in {role}: authors and reviewers are ids of {REL} "
            "(add the person there, or use an existing id)")


def check(ctx: SiteContext) -> list[Problem]:
    people = ctx.data.people
    out: list[Problem] = []
    for page in ctx.pages:
        for role in ROLES:
            for pid in unknown_ids(people, page.meta.get(role)):
                line, col = id_position(ctx.root, page.rel, page.front.line(role), pid)
                out.append(Problem(page.rel, line, col, "PEOPLE001", _message(pid, role)))
    for sheet in ctx.sheets.values():
        lines = (ctx.root / sheet.source).read_text(encoding="utf-8").split("\n")
        for role in ROLES:
            key_line = next((i + 1 for i, text in enumerate(lines) if text.startswith(f"{role}:")), 1)
            for pid in unknown_ids(people, getattr(sheet, role)):
                line, col = id_position(ctx.root, sheet.source, key_line, pid)
                out.append(Problem(sheet.source, line, col, "PEOPLE001", _message(pid, role)))
    return out
