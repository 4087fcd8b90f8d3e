"""NAV: the navigation of mkdocs.yml and the pages agree, as the strict build wants: every
nav entry is a page in each language (NAV001), every page is in the nav (NAV002).
Without a `nav:` the build lists every page itself, and there is nothing to check."""

from __future__ import annotations

import yaml

from .. import LANGUAGES
from ..context import SiteContext
from ..problems import Problem

CONFIG = "mkdocs.yml"


def nav_entries(text: str) -> list[tuple[int, str]] | None:
    """(line, docs-relative path) of each page of the `nav:`, or None without one.
    The file is composed, not constructed: its `!ENV` tags need no meaning here."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return None
    nav = next((value for key, value in root.value if key.value == "nav"), None)
    if nav is None:
        return None
    found: list[tuple[int, str]] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.ScalarNode):
            if node.value.endswith(".md") and "://" not in node.value:
                found.append((node.start_mark.line + 1, node.value))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                walk(value)

    walk(nav)
    return found


def check(ctx: SiteContext) -> list[Problem]:
    path = ctx.root / CONFIG
    if not path.exists():
        return []
    try:
        entries = nav_entries(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(CONFIG, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                        "NAV001", f"mkdocs.yml is not valid YAML: {error}")]
    if entries is None:
        return []
    out: list[Problem] = []
    listed = set()
    for line, entry in entries:
        stem = entry.removesuffix(".md")
        listed.add(stem)
        for lang in LANGUAGES:
            if ctx.page(stem, lang) is None and (stem, lang) not in ctx.unreadable:
                out.append(Problem(CONFIG, line, 1, "NAV001",
                                   f"nav entry '{entry}' has no page docs/{stem}.{lang}.md"))
    for page in ctx.pages:
        if page.stem not in listed:
            out.append(page.problem(1, 1, "NAV002",
                                    f"this page is not in the nav of mkdocs.yml: add "
                                    f"'{page.stem}.md' where readers should find it"))
    return out
