"""DIAG: every diagram has its title and description (its accessible name and description)
in each language, labels in each language, French spacing, and exactly one data file per
registered diagram (DIAG003: a file no marker draws, or a marker with no file)."""

from __future__ import annotations

from ..context import SiteContext
from ..diagrams import DIAGRAM_DIR, DIAGRAMS, MARKER_PREFIX, problems
from ..problems import Problem


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    for name, src in ctx.data.diagrams.items():
        if name not in DIAGRAMS:
            out.append(Problem(f"{DIAGRAM_DIR}/{name}.yml", 1, 1, "DIAG003",
                               f"no marker draws this diagram: register '{name}' in DIAGRAMS "
                               f"(hooks/alliance/diagrams.py) and place "
                               f"'<!-- {MARKER_PREFIX}{name} -->' in a page"))
            continue
        out += problems(name, src)
    for name in DIAGRAMS:
        if name not in ctx.data.diagrams and not (ctx.root / DIAGRAM_DIR / f"{name}.yml").exists():
            out.append(Problem(f"{DIAGRAM_DIR}/{name}.yml", 1, 1, "DIAG003",
                               f"the diagram '{name}' is registered but its data file is missing"))
    return out
