"""Real-browser tests: Playwright driving the system Chromium against the built site,
over every page of the sitemap in both languages."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import CSP_LISTENER, ROOT, SITE_URL

AXE = (ROOT / "node_modules/axe-core/axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Exclusions, each with its reason. (None today.)
AXE_DISABLED: dict[str, str] = {}


def sitemap_paths(built_site: Path) -> list[str]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ElementTree.parse(built_site / "sitemap.xml")
    return [u.find("s:loc", ns).text.removeprefix(SITE_URL) for u in tree.getroot().findall("s:url", ns)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "sitemap_path" in metafunc.fixturenames:
        # The list comes from the sources, so it grows with the site; the sitemap test
        # (test_build.py) checks that the built sitemap holds exactly these pages.
        import sys

        sys.path.insert(0, str(ROOT / "hooks"))
        from alliance.sources import page_url, read_pages

        pages, _ = read_pages(ROOT)
        metafunc.parametrize("sitemap_path",
                             sorted(page_url(p.stem, p.lang).lstrip("/") for p in pages))


def test_sitemap_is_what_the_browser_tests_cover(built_site: Path) -> None:
    from alliance.sources import page_url, read_pages

    pages, _ = read_pages(ROOT)
    assert sorted(sitemap_paths(built_site)) == sorted(page_url(p.stem, p.lang).lstrip("/")
                                                       for p in pages)


@pytest.fixture()
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield ctx
    ctx.close()


@pytest.mark.parametrize(("start", "query", "lang"), [
    ("comprendre/", "rupture", "fr"), ("en/comprendre/", "rupture", "en")])
def test_search_answers_in_the_readers_language(context, server: str, start: str, query: str,
                                                lang: str) -> None:
    page = context.new_page()
    page.goto(server + start)
    page.wait_for_load_state("networkidle")  # the search worker has loaded its index
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query, delay=60)  # the theme reacts to key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=30000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 10))]
    assert hrefs
    for href in hrefs:
        absolute = page.evaluate("h => new URL(h, location.href).pathname", href)
        assert absolute.startswith("/en/") == (lang == "en"), absolute


def test_page(context, server: str, sitemap_path: str) -> None:
    page = context.new_page()
    page.add_init_script(CSP_LISTENER)  # the page is served with the site's CSP (nginx)
    page.add_init_script(path=str(AXE))  # an init script: the CSP rightly blocks an added <script>
    outside, console_errors = [], []
    page.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:")
            else outside.append(r.url))
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console_errors.append(str(e)))
    response = page.goto(server + sitemap_path, wait_until="load")
    assert response is not None and response.status == 200
    page.wait_for_timeout(150)

    result = page.evaluate(
        """async ([tags, disabled]) => {
            const rules = Object.fromEntries(disabled.map(r => [r, {enabled: false}]));
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules});
            return r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""", [AXE_TAGS, list(AXE_DISABLED)])
    assert result == [], json.dumps(result, indent=1, ensure_ascii=False)

    page.set_viewport_size({"width": 360, "height": 800})
    page.wait_for_timeout(100)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{overflow}px of horizontal overflow at 360px"

    assert outside == [], f"requests outside the site: {outside}"
    assert context.cookies() == []
    assert console_errors == []
    assert page.evaluate("window.__csp") == [], "Content-Security-Policy violations"


@pytest.mark.parametrize(("start", "expected"), [
    ("comprendre/ruptures/", "en/comprendre/ruptures/"),
    ("en/fiches/mes-objectifs/", "fiches/mes-objectifs/"),
    ("", "en/"),
])
def test_language_switcher_leads_to_the_counterpart(context, server: str, start: str,
                                                    expected: str) -> None:
    page = context.new_page()
    page.goto(server + start)
    target_lang = "en" if not start.startswith("en/") else "fr"
    link = page.locator(f'.md-select a[hreflang="{target_lang}"]').first
    href = link.get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + href if not href.startswith("/") else server + href.lstrip("/"))
    page.wait_for_load_state("load")
    assert page.url == server + expected
    assert page.evaluate("document.documentElement.lang") == target_lang


def test_sheet_answers_are_forgotten_unless_kept(context, server: str) -> None:
    page = context.new_page()
    outside = []
    page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    url = server + "fiches/mes-objectifs/"
    page.goto(url)
    field = page.locator("#f-priorite")
    field.fill("Dormir mieux")
    page.reload()
    assert page.locator("#f-priorite").input_value() == ""
    page.locator("#f-priorite").fill("Dormir mieux")
    page.locator("[data-keep]").check()
    page.reload()
    assert page.locator("#f-priorite").input_value() == "Dormir mieux"
    assert page.locator("[data-keep]").is_checked()
    page.locator("[data-erase]").click()
    assert page.locator("#f-priorite").input_value() == "Dormir mieux"  # nothing lost yet: it asks
    page.locator("[data-erase-yes]").click()
    assert page.locator("#f-priorite").input_value() == ""
    page.reload()
    assert page.locator("#f-priorite").input_value() == ""
    assert outside == []
    assert context.cookies() == []
