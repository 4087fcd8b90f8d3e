"""CSP: what the site's Content-Security-Policy would block, found in the sources.

The policy (alliance.serving.policy) runs scripts and styles from files only. A
`style` attribute, a `<style>` element, an event handler attribute, a `javascript:` URL
or an inline `<script>` in a page, in a theme override or in the web sheet template
would be blocked in the reader's browser: each is reported where it is written. (The
build checks its output the same way, for what the theme or a plugin adds.)
"""

from __future__ import annotations

from pathlib import Path

from ..context import SiteContext
from ..markdown_scan import content_lines
from ..problems import Problem
from ..serving.inline import blocked

TEMPLATE_FOLDERS = ("overrides", "templates")
# Rendered by WeasyPrint into the PDFs, never served to a browser.
NOT_SERVED = {"templates/sheets/pdf.html"}


def _templates(root: Path) -> list[Path]:
    files = [p for folder in TEMPLATE_FOLDERS for p in (root / folder).rglob("*.html")]
    return sorted(p for p in files if p.relative_to(root).as_posix() not in NOT_SERVED)


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    for path in _templates(ctx.root):
        rel = path.relative_to(ctx.root).as_posix()
        out += blocked(path.read_text(encoding="utf-8"), rel, scripts_allowed=False)
    for page in ctx.pages:
        for number, line in content_lines(page):
            for problem in blocked(line, page.rel, scripts_allowed=False):
                out.append(page.problem(number, problem.col, problem.code, problem.message))
    return out
