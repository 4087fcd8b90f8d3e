"""MkDocs adapter: one search index per language, with that language's stemmer.

static-i18n merges both languages into one index, so a French page would find
English pages. Each language's index is kept as its own build wrote it (before
static-i18n merges them), made ready by alliance.search (locations relative to the
language's folder, ranking by page kind, search words of the help pages), and so is
its 404 page; hooks/outputs.py writes them back at the end.

The search worker is the site's own (docs/assets/javascripts/workers/alliance-search.js),
which loads the theme's worker only when the reader starts a search: templates get the
theme worker's file name as `alliance_search_engine`.
"""

from __future__ import annotations

import json
from pathlib import Path

from alliance import DEFAULT_LANGUAGE
from alliance.build import Build
from alliance.markdown_scan import MARKER
from alliance.search import SearchIndexError, prepare_index, search_kind
from alliance.sources import page_url
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


def on_env(env: Environment, config: MkDocsConfig, files: object) -> Environment:
    workers = sorted({path.name for folder in config.theme.dirs
                      for path in Path(folder).glob("assets/javascripts/workers/search.*.min.js")})
    if len(workers) != 1:
        raise PluginError(f"expected one search worker in the theme, found {workers or 'none'}")
    env.globals["alliance_search_engine"] = workers[0]
    return env


@event_priority(-50)  # after the search plugin wrote this language's index, before static-i18n
def on_post_build(config: MkDocsConfig) -> None:
    build = Build.of(config)
    lang = config.theme["language"]
    root = Path(config.site_dir)
    path = root / "search" / "search_index.json"
    folder = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    if path.exists():
        ctx = build.context
        kinds = {page_url(p.stem, p.lang).lstrip("/").removeprefix(folder):
                 search_kind(p.kind, {m.group(1) for m in MARKER.finditer(p.body)})
                 for p in ctx.pages if p.lang == lang}
        words = (ctx.data.helplines.get("search_words") or {}).get(lang) or []
        tags = {location: words for location, kind in kinds.items() if kind == "help" and words}
        try:
            index = prepare_index(json.loads(path.read_text(encoding="utf-8")), lang, folder, kinds,
                                  tags)
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        build.keep(root / folder / "search" / "search_index.json",
                   json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    # static-i18n writes every language's 404 page at the root: keep each one for its folder
    page_404 = root / "404.html"
    if page_404.exists():
        build.keep(root / folder / "404.html", page_404.read_text(encoding="utf-8"))
