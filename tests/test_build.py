"""The built site: both languages, the same pages, language, absolute alternates, sitemap."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

from conftest import SITE_URL

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def pages(site: Path, lang: str) -> set[str]:
    base = site / "en" if lang == "en" else site
    found = set()
    for html in base.rglob("index.html"):
        rel = html.relative_to(base).as_posix()
        if lang == "fr" and rel.startswith("en/"):
            continue
        found.add(rel)
    return found


def test_french_at_root_english_at_en_with_the_same_pages(built_site: Path) -> None:
    fr, en = pages(built_site, "fr"), pages(built_site, "en")
    assert "index.html" in fr and "comprendre/ruptures/index.html" in fr
    assert fr == en
    assert len(fr) >= 40


def test_every_page_declares_its_language(built_site: Path) -> None:
    for lang in ("fr", "en"):
        base = built_site / "en" if lang == "en" else built_site
        for rel in pages(built_site, lang):
            text = (base / rel).read_text(encoding="utf-8")
            assert re.search(rf'<html lang="{lang}"', text), f"{lang}/{rel}"


def test_hreflang_and_canonical_are_absolute(built_site: Path) -> None:
    text = (built_site / "en/comprendre/ruptures/index.html").read_text(encoding="utf-8")
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', text))
    assert alternates == {
        "fr": f"{SITE_URL}comprendre/ruptures/",
        "en": f"{SITE_URL}en/comprendre/ruptures/",
        "x-default": f"{SITE_URL}comprendre/ruptures/",
    }
    assert f'<link rel="canonical" href="{SITE_URL}en/comprendre/ruptures/">' in text
    assert '<meta property="og:locale" content="en_GB">' in text
    assert '<meta property="og:locale:alternate" content="fr_FR">' in text


def test_sitemap_lists_both_languages_with_absolute_alternates(built_site: Path) -> None:
    tree = ElementTree.parse(built_site / "sitemap.xml")
    locs = [u.find("s:loc", NS).text for u in tree.getroot().findall("s:url", NS)]
    assert f"{SITE_URL}comprendre/bordin/" in locs
    assert f"{SITE_URL}en/comprendre/bordin/" in locs
    assert len(locs) == len(pages(built_site, "fr")) * 2
    for url in tree.getroot().findall("s:url", NS):
        hrefs = [link.get("href") for link in url.findall("x:link", NS)]
        assert len(hrefs) == 3 and all(h.startswith(SITE_URL) for h in hrefs)
    # the theme looks for the sitemap from each language's root: both exist
    assert (built_site / "en/sitemap.xml").read_bytes() == (built_site / "sitemap.xml").read_bytes()


def test_a_404_page_in_each_language(built_site: Path) -> None:
    assert "Page introuvable" in (built_site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in (built_site / "en/404.html").read_text(encoding="utf-8")


def test_one_search_index_per_language(built_site: Path) -> None:
    fr = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert fr["config"]["lang"] == ["fr"] and en["config"]["lang"] == ["en"]
    fr_titles = {d["title"] for d in fr["docs"]}
    en_titles = {d["title"] for d in en["docs"]}
    assert "Les ruptures et leur réparation" in fr_titles or any("uptures" in t for t in fr_titles)
    assert not any(d["location"].startswith("en/") for d in fr["docs"])
    assert "Glossary" in en_titles and "Glossary" not in fr_titles
    assert "Glossaire" in fr_titles and "Glossaire" not in en_titles


def test_every_page_carries_help_link_byline_sources_and_footer(built_site: Path) -> None:
    for lang, help_text, footer in (("fr", "Besoin d'aide maintenant", "ne remplace pas"),
                                    ("en", "Need help now?", "does not replace")):
        base = built_site / "en" if lang == "en" else built_site
        for rel in pages(built_site, lang):
            text = (base / rel).read_text(encoding="utf-8")
            assert help_text in text.replace("&#39;", "'"), f"{lang}/{rel}: no help link"
            assert 'class="byline"' in text, f"{lang}/{rel}: no byline"
            if rel != "comprendre/references/index.html":  # that page is the bibliography
                assert 'id="sources"' in text, f"{lang}/{rel}: no sources section"
            assert footer in text, f"{lang}/{rel}: no disclaimer in the footer"
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_help_page_lists_every_number_from_the_data_file(built_site: Path) -> None:
    import yaml
    from conftest import ROOT

    data = yaml.safe_load((ROOT / "docs/_data/helplines.yml").read_text(encoding="utf-8"))
    page = (built_site / "aide/index.html").read_text(encoding="utf-8")
    for country in data["countries"]:
        for line in country["lines"]:
            digits = re.sub(r"\D", "", line["number"])
            assert re.search(rf'href="(?:tel|sms):\+?{digits}"', page), line["number"]


def test_testimonies_show_both_voices_under_every_theme(built_site: Path) -> None:
    testimonies = ("regards-croises-tcc", "rupture-reparee", "changer-de-therapeute",
                   "service-adolescents")
    for base in (built_site, built_site / "en"):
        for slug in testimonies:
            text = (base / "temoignages" / slug / "index.html").read_text(encoding="utf-8")
            themes = text.count('<div class="voices">')
            assert themes >= 3, slug
            # each theme: exactly one patient voice then one professional voice
            pairs = re.findall(r'<div class="voices"><section class="voice voice--patient" '
                               r'aria-labelledby="[^"]+">.*?</section><section class="voice '
                               r'voice--therapist" aria-labelledby="[^"]+">', text, re.DOTALL)
            assert len(pairs) == themes, slug


def test_testimonies_index_lists_every_testimony(built_site: Path) -> None:
    for base, prefix in ((built_site, ""), (built_site / "en", "en/")):
        index = (base / "temoignages/index.html").read_text(encoding="utf-8")
        for page in (base / "temoignages").glob("*/index.html"):
            slug = page.parent.name
            if slug in ("contribuer",):
                continue
            assert f'href="../{slug}/"' in index or f'href="{slug}/"' in index, prefix + slug
