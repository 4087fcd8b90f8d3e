"""MkDocs adapter: one search index per language, with that language's stemmer.

static-i18n merges both languages into one index, so a French page would find
English pages. Each language's index is kept as its own build wrote it (before
static-i18n merges them), and so is its 404 page; hooks/outputs.py writes them back
at the end.
"""

from __future__ import annotations

import json
from pathlib import Path

from alliance import DEFAULT_LANGUAGE
from alliance.build import Build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-50)  # after the search plugin wrote this language's index, before static-i18n
def on_post_build(config: MkDocsConfig) -> None:
    build = Build.of(config)
    lang = config.theme["language"]
    root = Path(config.site_dir)
    path = root / "search" / "search_index.json"
    folder = root if lang == DEFAULT_LANGUAGE else root / lang
    if path.exists():
        index = json.loads(path.read_text(encoding="utf-8"))
        index.setdefault("config", {})["lang"] = [lang]
        build.keep(folder / "search" / "search_index.json",
                   json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    # static-i18n writes every language's 404 page at the root: keep each one for its folder
    page_404 = root / "404.html"
    if page_404.exists():
        build.keep(folder / "404.html", page_404.read_text(encoding="utf-8"))
