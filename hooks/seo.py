"""MkDocs adapter: canonical and hreflang as absolute URLs, and Open Graph tags.

static-i18n writes relative hreflang URLs; search engines require absolute ones.
"""

from __future__ import annotations

import copy
from urllib.parse import urlsplit

from alliance.build import Build
from alliance.seo import home_alternates, page_links
from alliance.sources import PAGE_NAME
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    match = PAGE_NAME.match(page.file.src_uri)
    if not match:
        return context
    stem, lang = match["stem"], match["lang"]
    build = Build.of(config)
    present = [p.lang for p in build.context.pages if p.stem == stem]
    context["alliance_page"] = page_links(build.site_url, stem, lang, present)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The 404 page has no counterpart: its switcher leads to each language's home (not to
    the last page static-i18n built). A copy of the configuration is changed, not the one
    every page shares."""
    if template_name == "404.html" and config.extra.get("alternate"):
        own = copy.copy(config)
        own["extra"] = dict(config.extra, alternate=home_alternates(
            config.extra["alternate"], urlsplit(config.site_url or "/").path))
        context["config"] = own
    return context
