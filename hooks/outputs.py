"""MkDocs adapter: outputs that span both languages, written once every language is built:
the sitemap (absolute URLs, both languages), the per-language search indexes
and 404 pages.
On a failed build, the output folder is emptied: nothing half-written is left."""

from __future__ import annotations

from pathlib import Path

from alliance.build import Build
from alliance.seo import sitemap_xml, write_sitemaps
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# The output folder of the build running now, for on_build_error (which gets no config).
_output: Path | None = None


@event_priority(-200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _output
    _output = Path(config.site_dir)
    return config


@event_priority(-200)  # the outermost (default language) post-build ends after every language
def on_post_build(config: MkDocsConfig) -> None:
    build = Build.of(config)
    if not build.end_language():
        return
    write_sitemaps(build.site_dir, sitemap_xml(build.site_url, build.context.pages))
    for path, text in build.outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def on_build_error(error: Exception) -> None:
    if _output is not None and _output.exists():
        utils.clean_directory(str(_output))
