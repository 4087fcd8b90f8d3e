"""MkDocs adapter: page transforms (citations, generated lists, byline, sources, voices).

The logic is in alliance.transform; this file only connects it to MkDocs events. It also
starts each language's build (alliance.build.Build owns the state the hooks share).
"""

from __future__ import annotations

from alliance import DEFAULT_LANGUAGE, people
from alliance.build import Build, ConfigError
from alliance.french import restore_spaces, space_attributes
from alliance.sources import PAGE_NAME
from alliance.transform import page_html, page_markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink


def _stem_lang(page: Page, config: MkDocsConfig) -> tuple[str, str]:
    match = PAGE_NAME.match(page.file.src_uri)
    if not match:
        return page.file.src_uri.removesuffix(".md"), config.theme["language"]
    return match["stem"], match["lang"]


@event_priority(-200)  # after static-i18n has switched the configuration to this language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        Build.of(config)
    except ConfigError as error:
        raise PluginError(str(error)) from error
    return config


@event_priority(100)
def on_pre_build(config: MkDocsConfig) -> None:
    Build.of(config).start_language(config.theme["language"])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    ctx = Build.of(config).context
    stem, lang = _stem_lang(page, config)
    if page.meta.get("kind") == "sheet" and page.meta.get("sheet") in ctx.sheets:
        page.meta.update(ctx.sheet_meta(page.meta["sheet"], lang))
        page.title = page.meta["title"]
    # the <meta name="author"> of the theme shows names, not the ids of people.yml
    page.meta["author_names"] = people.names(ctx.data.people, page.meta.get("authors"), lang)
    # the <meta name="author"> of the theme shows names, not the ids of people.yml
    page.meta["author_names"] = people.names(ctx.data.people, page.meta.get("authors"), lang)
    return page_markdown(ctx, markdown, stem, lang, page.meta)


def _restore_toc(items: list[AnchorLink]) -> None:
    """Python-Markdown's table of contents splits titles on any whitespace, so French
    titles lose their non-breaking spaces in the sidebar: put them back."""
    for item in items:
        item.title = restore_spaces(item.title)
        _restore_toc(item.children)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _, lang = _stem_lang(page, config)
    if lang == DEFAULT_LANGUAGE:
        _restore_toc(page.toc.items)
    return page_html(Build.of(config).context, html, page.meta, lang)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _, lang = _stem_lang(page, config)
    return space_attributes(output) if lang == DEFAULT_LANGUAGE else output
