"""MkDocs adapter: links that last, and the share kit.

- each page gets its QR code (qr.svg) and Open Graph image (og.png) in its folder, and
  the template gets their addresses (`alliance_share`);
- once every language is built: the URL contract (published-urls.txt) is checked against
  what the build produced, the redirects' targets are checked, and each old page address
  gets its small redirect page. Any problem fails the build (the output is then emptied).
The logic is in alliance.urls, alliance.redirects and alliance.share.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from alliance.build import Build
from alliance.problems import Problem, format_report
from alliance.redirects import load_redirects, redirect_pages, target_problems
from alliance.seo import absolute
from alliance.share import OG_FILE, OG_SIZE, QR_FILE, Card, missing_characters, og_png_cached, qr_svg
from alliance.sources import PAGE_NAME
from alliance.urls import CONTRACT, contract_problems, new_urls, produced_urls, read_contract
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.links")


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    match = PAGE_NAME.match(page.file.src_uri)
    if not match:
        return context
    build = Build.of(config)
    root_url = build.site_url
    url = absolute(root_url, match["stem"], match["lang"])
    title = str(page.meta.get("title") or page.title or config.site_name)
    description = str(page.meta.get("description") or config.site_description or "")
    folder = (build.site_dir / page.file.dest_uri).parent
    folder.mkdir(parents=True, exist_ok=True)
    (folder / QR_FILE).write_text(qr_svg(url), encoding="utf-8")
    card = Card(title, description, config.site_name, urlsplit(root_url).hostname or "",
                match["lang"])
    missing = missing_characters(card)
    if missing:
        problem = Problem(f"docs/{page.file.src_uri}", 1, 1, "SHARE001",
                          "the title or description has characters the Open Graph image's font "
                          f"cannot draw: {' '.join(missing)} (use their usual French or English form)")
        raise PluginError("Share kit: " + format_report([problem]))
    (folder / OG_FILE).write_bytes(og_png_cached(card, build.root))
    context["alliance_share"] = {
        "url": url, "qr": QR_FILE, "og_image": url + OG_FILE,
        "og_width": OG_SIZE[0], "og_height": OG_SIZE[1], "title": title,
    }
    return context


@event_priority(-150)  # after every language is built (validation.py), before outputs.py
def on_post_build(config: MkDocsConfig) -> None:
    build = Build.of(config)
    if not build.outermost:
        return  # an inner (other language) build: the outermost one sees the whole site
    site = build.site_dir
    root = build.root
    produced = produced_urls(site)
    redirects, problems = load_redirects(root)
    listed = read_contract(root)
    problems += contract_problems(listed, produced, redirects)
    problems += target_problems(root, redirects, produced)
    if problems:
        raise PluginError("Links that last: " + format_report(problems))
    for rel, text in redirect_pages(redirects, build.site_url).items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    added = new_urls(listed, produced)
    if added:
        log.info(f"{len(added)} address(es) not yet in {CONTRACT} (run `make urls` to add them): "
                 + ", ".join(added[:5]) + (" …" if len(added) > 5 else ""))
