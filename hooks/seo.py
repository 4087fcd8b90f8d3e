"""MkDocs adapter: canonical and hreflang as absolute URLs, and Open Graph tags.

static-i18n writes relative hreflang URLs; search engines require absolute ones.
"""

from __future__ import annotations

from pathlib import Path

from alliance import DEFAULT_LANGUAGE, build
from alliance.seo import page_links
from alliance.sources import PAGE_NAME
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


@event_priority(-200)  # after static-i18n has set this language's configuration
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.theme["language"] == DEFAULT_LANGUAGE:
        build.STATE.site_root_url = config.site_url or "/"
        build.STATE.output_root = Path(config.site_dir)
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    match = PAGE_NAME.match(page.file.src_uri)
    if not match:
        return context
    stem, lang = match["stem"], match["lang"]
    present = [p.lang for p in build.context().pages if p.stem == stem]
    context["alliance_page"] = page_links(build.STATE.site_root_url, stem, lang, present)
    return context
