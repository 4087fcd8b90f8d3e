"""BIB: each bibliography entry has what its type of work needs for a reader to find it.

An article needs its journal and volume, a book its publisher, a chapter or an essay the
book (the edition) it is read in, a web page or report its address, and all a year.
A detail that could not be confirmed is named in the entry's `unconfirmed` list instead:
the reference then says so on the page, rather than the detail being guessed or dropped.
"""

from __future__ import annotations

from ..bibliography import FIELDS, REQUIRED
from ..context import SiteContext
from ..problems import Problem


def check(ctx: SiteContext) -> list[Problem]:
    src = ctx.data.bibliography_src
    if src is None or not isinstance(src.data, dict):
        return []
    rel = ctx.data.rel("bibliography.yml")
    out: list[Problem] = []
    for key, entry in src.data.items():
        if not isinstance(entry, dict):
            continue  # DATA002 already
        for field in sorted(set(entry) - FIELDS):
            out.append(Problem(rel, src.line(key, field), 3, "BIB002",
                               f"entry '{key}': unknown field '{field}' (known: "
                               f"{', '.join(sorted(FIELDS))})"))
        kind = entry.get("type")
        if kind not in REQUIRED:
            out.append(Problem(rel, src.line(key, "type"), 3, "BIB003",
                               f"entry '{key}': type must be one of {', '.join(REQUIRED)}"))
            continue
        unconfirmed = entry.get("unconfirmed") or []
        if not isinstance(unconfirmed, list):
            out.append(Problem(rel, src.line(key, "unconfirmed"), 3, "BIB002",
                               f"entry '{key}': 'unconfirmed' must list field names"))
            unconfirmed = []
        missing = [f for f in REQUIRED[kind]
                   if entry.get(f) in (None, "", []) and f not in unconfirmed]
        if missing:
            out.append(Problem(
                rel, src.line(key), 1, "BIB001",
                f"entry '{key}' ({kind}) lacks {', '.join(missing)}: a reader cannot find the "
                "work without it; add it, or, if it cannot be confirmed, name it in "
                "'unconfirmed' (the reference will say so)"))
    return out
