"""MkDocs adapter: outputs that span both languages, written once every language is built:
the sitemap (absolute URLs, both languages), the per-language search indexes
and 404 pages.
On a failed build, the output folder is emptied: nothing half-written is left."""

from __future__ import annotations

import json

from alliance import build
from alliance.seo import sitemap_xml, write_sitemaps
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-200)  # the outermost (default language) post-build ends after every language
def on_post_build(config: MkDocsConfig) -> None:
    build.STATE.depth -= 1
    if build.STATE.depth > 0 or build.STATE.output_root is None:
        return
    write_sitemaps(build.STATE.output_root,
                   sitemap_xml(build.STATE.site_root_url, build.context().pages))
    for path, text in build.STATE.pages_404.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for path, index in build.STATE.search_indexes.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")


def on_build_error(error: Exception) -> None:
    build.STATE.depth = 0
    root = build.STATE.output_root
    if root is not None and root.exists():
        utils.clean_directory(str(root))
