"""mkdocs.yml: live reload watches every folder the build reads, and the PDF templates
stay out of the published theme (MkDocs copies every file of `custom_dir` to the site)."""

from __future__ import annotations

from pathlib import Path

import yaml
from alliance.sheets.render import TEMPLATES_DIR
from fixture_site import HOOKS, REPO


def config() -> dict:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default, and a
    `!!python/name:module.attr` (the theme's icon extension) as the dotted name."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:",
                              lambda loader, suffix, node: suffix)


def test_serve_rebuilds_on_edits_to_theme_templates_and_hooks() -> None:
    watched = {Path(p) for p in config()["watch"]}
    theme = Path(config()["theme"]["custom_dir"])
    assert {theme, TEMPLATES_DIR, HOOKS.relative_to(REPO)} <= watched


def test_pdf_templates_are_not_in_the_published_theme() -> None:
    theme = REPO / config()["theme"]["custom_dir"]
    assert (REPO / TEMPLATES_DIR / "sheets/pdf.css").exists()
    assert not (REPO / TEMPLATES_DIR).resolve().is_relative_to(theme.resolve())
    assert [p.name for p in theme.rglob("pdf.*")] == []
