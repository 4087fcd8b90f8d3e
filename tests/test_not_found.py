"""Both 404 pages in the browser, served as a host serves them: at any unknown address,
with status 404. The reader must find search, the language switcher, the help lines and
the footer in the 404 page's own language, and following them must lead somewhere real."""

from __future__ import annotations

from pathlib import Path

import pytest

# (language, the 404 page's file, an unknown address, the help page's title)
CASES = [
    ("fr", "404.html", "comprendre/page-disparue/", "Besoin d'aide"),
    ("en", "en/404.html", "en/comprendre/missing-page/deeper/", "Need help"),
]
HOME = {"fr": "/", "en": "/en/"}


@pytest.fixture(params=[(390, 844), (1440, 900)], ids=["phone", "desktop"])
def context(browser, request):
    width, height = request.param
    ctx = browser.new_context(viewport={"width": width, "height": height})
    yield ctx
    ctx.close()


def open_not_found(context, server: str, built_site: Path, page_file: str, address: str):
    """Open an unknown address; the response is the 404 page, as nginx would send it."""
    body = (built_site / page_file).read_text(encoding="utf-8")
    page = context.new_page()
    page.route(server + address, lambda route: route.fulfill(
        status=404, body=body, content_type="text/html; charset=utf-8"))
    response = page.goto(server + address)
    assert response is not None and response.status == 404
    return page


@pytest.mark.parametrize(("lang", "page_file", "address", "help_title"), CASES,
                         ids=[c[0] for c in CASES])
def test_not_found_page(context, server: str, built_site: Path, lang: str, page_file: str,
                        address: str, help_title: str) -> None:
    page = open_not_found(context, server, built_site, page_file, address)
    assert page.locator("html").get_attribute("lang") == lang

    # search looks for this language's index, on this host
    base = page.evaluate(
        "() => new URL(JSON.parse(document.getElementById('__config').textContent).base,"
        " location.href).href")
    assert base == server.rstrip("/") + HOME[lang]

    # the switcher leads to each language's home, whatever the address
    switcher = page.locator("a.md-select__link")
    links = {switcher.nth(i).get_attribute("hreflang"): switcher.nth(i).get_attribute("href")
             for i in range(switcher.count())}
    assert links == {"fr": "/", "en": "/en/"}

    # every link to the help page and the footer links stay in this language
    prefix = HOME[lang]
    footer = page.locator(".alliance-footer a[href^='/']")
    hrefs = [footer.nth(i).get_attribute("href") for i in range(footer.count())]
    hrefs += [a.get_attribute("href") for a in page.locator("a[href$='aide/']").all()]
    assert len(hrefs) >= 5
    for href in hrefs:
        path = page.evaluate("h => new URL(h, location.href).pathname", href)
        assert path.startswith(prefix) and (lang == "en") == path.startswith("/en/"), path

    # and the help link of the page body opens the help page, with its numbers
    page.locator("article a[href$='aide/']").first.click()
    page.wait_for_load_state("load")
    assert page.url == server.rstrip("/") + prefix + "aide/"
    assert help_title in page.locator("h1").first.inner_text()
    assert page.locator("a[href^='tel:']").count() > 0
