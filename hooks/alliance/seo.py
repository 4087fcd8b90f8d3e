"""Absolute URLs for search engines and link previews: canonical, hreflang, sitemap."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import escape

from . import DEFAULT_LANGUAGE, LANGUAGES
from .sources import SourcePage, page_url

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def absolute(root_url: str, stem: str, lang: str) -> str:
    return root_url.rstrip("/") + page_url(stem, lang)


def page_links(root_url: str, stem: str, lang: str, languages_present: list[str]) -> dict:
    """Canonical URL, hreflang alternates (with x-default) and Open Graph locales."""
    alternates = [{"hreflang": other, "url": absolute(root_url, stem, other)}
                  for other in LANGUAGES if other in languages_present]
    if DEFAULT_LANGUAGE in languages_present:
        alternates.append({"hreflang": "x-default",
                           "url": absolute(root_url, stem, DEFAULT_LANGUAGE)})
    return {
        "canonical": absolute(root_url, stem, lang),
        "alternates": alternates,
        "og_locale": OG_LOCALES[lang],
        "og_alternate_locales": [OG_LOCALES[o] for o in LANGUAGES
                                 if o != lang and o in languages_present],
    }


def home_alternates(alternates: list[dict], site_path: str) -> list[dict]:
    """The language switcher of a page with no counterpart (the 404 pages): each language
    leads to its home page, site-absolute, since a 404 page is served at any address."""
    out = []
    for alt in alternates:
        lang = alt.get("lang", DEFAULT_LANGUAGE)
        out.append({**alt, "link": site_path.rstrip("/") + page_url("index", lang)})
    return out


def sitemap_xml(root_url: str, pages: list[SourcePage]) -> str:
    """One sitemap for both languages, each URL with its absolute alternates."""
    by_stem: dict[str, list[str]] = {}
    reviewed: dict[tuple[str, str], str] = {}
    for page in pages:
        by_stem.setdefault(page.stem, []).append(page.lang)
        if page.meta.get("last_reviewed"):
            reviewed[(page.stem, page.lang)] = str(page.meta["last_reviewed"])
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for stem in sorted(by_stem):
        langs = [lang for lang in LANGUAGES if lang in by_stem[stem]]
        for lang in langs:
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(absolute(root_url, stem, lang))}</loc>")
            if (stem, lang) in reviewed:
                lines.append(f"    <lastmod>{reviewed[(stem, lang)]}</lastmod>")
            for alt in page_links(root_url, stem, lang, langs)["alternates"]:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{alt["hreflang"]}" '
                             f'href="{escape(alt["url"])}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemaps(output_root: Path, xml: str) -> None:
    """The same sitemap at / and at /en/, where the theme looks for it from each language."""
    for lang in LANGUAGES:
        folder = output_root if lang == DEFAULT_LANGUAGE else output_root / lang
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sitemap.xml").write_text(xml, encoding="utf-8")
        (folder / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
