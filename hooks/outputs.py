"""MkDocs adapter: outputs that span both languages, written once every language is built:
the sitemap (absolute URLs, both languages) and the per-language search indexes.
On a failed build, the output folder is emptied: nothing half-written is left."""

from __future__ import annotations

import json

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from alliance import DEFAULT_LANGUAGE, build
from alliance.seo import sitemap_xml, write_sitemaps


@event_priority(-200)  # the default language's post-build runs last, after every language
def on_post_build(config: MkDocsConfig) -> None:
    if config.theme["language"] != DEFAULT_LANGUAGE or build.STATE.output_root is None:
        return
    write_sitemaps(build.STATE.output_root,
                   sitemap_xml(build.STATE.site_root_url, build.context().pages))
    for path, index in build.STATE.search_indexes.values():
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")


def on_build_error(error: Exception) -> None:
    root = build.STATE.output_root
    if root is not None and root.exists():
        utils.clean_directory(str(root))
