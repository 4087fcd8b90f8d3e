"""URL: the redirects data file and the URL contract, as far as they can be checked
without building (the addresses the build produces are checked after it: hooks/links.py)."""

from __future__ import annotations

from ..context import SiteContext
from ..problems import Problem
from ..redirects import PATH, load_redirects
from ..urls import CONTRACT, read_contract


def check(ctx: SiteContext) -> list[Problem]:
    _, problems = load_redirects(ctx.root)
    seen: dict[str, int] = {}
    for line, url in read_contract(ctx.root):
        if not PATH.match(url):
            problems.append(Problem(CONTRACT, line, 1, "URL011",
                                    f"'{url}' is not a site-absolute address like /comprendre/alliance/"))
        elif url in seen:
            problems.append(Problem(CONTRACT, line, 1, "URL011",
                                    f"'{url}' is listed twice (lines {seen[url]} and {line})"))
        seen.setdefault(url, line)
    return problems
