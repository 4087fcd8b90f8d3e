"""Search as a reader uses it, in both languages, on a phone (390 x 844): type a word, open
the first result, land on that page; accents do not matter; the pages that define a word
come before the testimonies that mention it; the index is fetched only once the reader
starts a search, in the reader's language."""

from __future__ import annotations

import pytest
from alliance.search import KIND_BOOST, SearchIndexError, prepare_index, search_kind

PHONE = {"width": 390, "height": 844}


@pytest.fixture()
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, service_workers="block")
    yield ctx
    ctx.close()


def open_search(page) -> None:
    page.locator("label.md-header__button[for=__search]").click()


def search(page, server: str, start: str, query: str) -> list[str]:
    """The result pages (paths, best first, one per page) for `query` typed from `start`."""
    page.goto(server + start)
    open_search(page)
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially(query, delay=40)  # the theme reacts to key events
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
    page.wait_for_timeout(300)  # the last key's results replace the earlier ones
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => new URL(a.getAttribute('href'), location.href).pathname)")
    return list(dict.fromkeys(hrefs))


@pytest.mark.parametrize(("start", "query", "lang"), [
    ("comprendre/", "rupture", "fr"), ("", "objectifs", "fr"),
    ("en/comprendre/", "goals", "en"), ("en/", "rupture", "en"), ("en/aide/", "trust", "en")])
def test_the_first_result_opens_its_page(phone, server: str, start: str, query: str,
                                         lang: str) -> None:
    page = phone.new_page()
    search(page, server, start, query)
    first = page.locator(".md-search-result__item > a").first
    title = first.locator("h1").inner_text().strip()
    href = first.get_attribute("href")
    target = page.evaluate("h => new URL(h, location.href).href", href)
    with page.expect_navigation() as navigation:
        first.click()
    response = navigation.value
    assert response is not None and response.status == 200, (href, response and response.status)
    assert page.url.split("?")[0].split("#")[0] == target.split("?")[0].split("#")[0]
    assert page.evaluate("document.documentElement.lang") == lang
    assert not page.url.startswith(server + "en/en/")
    assert (lang == "en") == page.url.startswith(server + "en/")
    # the page that opens is the one the result named, and it speaks of the word
    assert page.locator("article h1").first.inner_text().strip().removesuffix("¶").strip() == title
    assert query.lower() in page.locator("article").inner_text().lower()


@pytest.mark.parametrize(("plain", "accented"), [("tache", "tâche"), ("therapeute", "thérapeute"),
                                                  ("seance", "séance")])
def test_accents_do_not_matter_in_french(phone, server: str, plain: str, accented: str) -> None:
    page = phone.new_page()
    with_accents = search(page, server, "comprendre/", accented)
    without = search(page, server, "comprendre/", plain)
    assert len(with_accents) > 3, with_accents
    assert without == with_accents


@pytest.mark.parametrize(("start", "query", "concept", "testimonies"), [
    ("", "confiance", "/comprendre/alliance/", "/temoignages/"),
    ("en/", "trust", "/en/comprendre/alliance/", "/en/temoignages/")])
def test_the_pages_that_define_a_word_come_first(phone, server: str, start: str, query: str,
                                                 concept: str, testimonies: str) -> None:
    page = phone.new_page()
    results = search(page, server, start, query)
    assert concept in results, results
    told = [i for i, path in enumerate(results) if path.startswith(testimonies)]
    assert told, results  # the testimonies do speak of it
    assert results.index(concept) < min(told), results
    assert not results[0].startswith(testimonies), results


@pytest.mark.parametrize(("start", "query"), [
    ("", "urgence"), ("comprendre/alliance/", "crise"), ("", "suicide"),
    ("en/", "emergency"), ("en/comprendre/", "crisis"), ("en/", "suicide")])
def test_a_crisis_word_leads_to_the_help_lines(phone, server: str, start: str, query: str) -> None:
    page = phone.new_page()
    results = search(page, server, start, query)
    prefix = "/en/" if start.startswith("en/") else "/"
    assert results[0] in (prefix + "aide/", prefix + "facile/aide/"), results


@pytest.mark.parametrize(("start", "index", "how"), [
    ("comprendre/alliance/", "/search/search_index.json", "tap"),
    ("en/comprendre/alliance/", "/en/search/search_index.json", "tap"),
    ("en/", "/en/search/search_index.json", "shortcut")])
def test_the_index_is_fetched_only_when_a_search_starts(phone, server: str, start: str,
                                                        index: str, how: str) -> None:
    page = phone.new_page()
    if how == "shortcut":
        page.set_viewport_size({"width": 1440, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + start, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [u for u in requests if "search_index" in u or "/workers/search." in u], requests
    if how == "shortcut":
        page.keyboard.press("/")
    else:
        open_search(page)
    page.locator("input.md-search__input").press_sequentially("alliance", delay=40)
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
    fetched = [u.removeprefix(server.rstrip("/")) for u in requests if "search_index" in u]
    assert fetched == [index]
    assert all(u.startswith(server) for u in requests), requests


def test_the_index_is_made_for_its_language_folder() -> None:
    index = {"config": {"lang": ["fr", "en"], "fields": {"title": {"boost": 1000}, "text": {}}},
             "docs": [{"location": "en/comprendre/alliance/", "title": "T", "text": ""},
                      {"location": "en/comprendre/alliance/#definition", "title": "D", "text": ""},
                      {"location": "en/temoignages/x/", "title": "X", "text": ""},
                      {"location": "en/", "title": "Home", "text": ""}]}
    kinds = {"comprendre/alliance/": "concept", "temoignages/x/": "testimony", "": "home"}
    assert search_kind("utility", {"helplines"}) == "help" and search_kind("easy", set()) == "easy"
    ready = prepare_index(index, "en", "en/", kinds)
    assert ready["config"]["lang"] == ["en"]
    assert [d["location"] for d in ready["docs"]] == [
        "comprendre/alliance/", "comprendre/alliance/#definition", "temoignages/x/", ""]
    boosts = [d["boost"] for d in ready["docs"]]
    assert boosts[0] == boosts[1] == KIND_BOOST["concept"] > boosts[2] == KIND_BOOST["testimony"]
    assert ready["config"]["fields"]["title"]["boost"] < 1000
    assert index["docs"][0]["location"] == "en/comprendre/alliance/"  # the input is left alone

    tagged = prepare_index(index, "en", "en/", kinds, {"comprendre/alliance/": ["crisis"]})
    assert [d.get("tags") for d in tagged["docs"]] == [["crisis"], None, None, None]
    with pytest.raises(SearchIndexError, match="no known page"):
        prepare_index({"docs": [{"location": "en/gone/"}]}, "en", "en/", kinds)
    with pytest.raises(SearchIndexError, match="no known page"):
        prepare_index({"docs": [{"location": "comprendre/alliance/"}]}, "en", "en/", kinds)
    with pytest.raises(SearchIndexError, match="no search weight"):
        prepare_index({"docs": [{"location": "x/"}]}, "fr", "", {"x/": "newkind"})


def test_pages_use_the_sites_search_worker(built_site) -> None:
    import json
    import re

    for rel in ("index.html", "en/comprendre/alliance/index.html", "404.html", "en/404.html"):
        html = (built_site / rel).read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                      html, re.S).group(1))
        assert re.search(r"workers/alliance-search\.js\?engine=search\.[0-9a-f]+\.min\.js$",
                         config["search"]), config["search"]
        engine = config["search"].split("engine=")[1]
        assert (built_site / "assets/javascripts/workers" / engine).exists()
        # the index-holding script runs before the theme's
        assert html.index("search-lazy.js") < html.index("assets/javascripts/bundle.")
