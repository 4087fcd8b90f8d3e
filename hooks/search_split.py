"""MkDocs adapter: one search index per language, with that language's stemmer.

static-i18n merges both languages into one index, so a French page would find
English pages. Each language's index is kept here as its own build wrote it
(before static-i18n merges them); hooks/outputs.py writes them back at the end.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from alliance import build


@event_priority(-50)  # after the search plugin wrote this language's index, before static-i18n
def on_post_build(config: MkDocsConfig) -> None:
    lang = config.theme["language"]
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.exists():
        index = json.loads(path.read_text(encoding="utf-8"))
        index.setdefault("config", {})["lang"] = [lang]
        build.STATE.search_indexes[lang] = (path, index)
