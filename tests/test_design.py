"""Design for readers: the home page's doors, diagrams that explain, the page information
block, the phone header. The checks on a small test site; the rest in the system
Chromium against the real built site, at a phone width and on a desktop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from alliance.diagrams import DIAGRAMS, render
from alliance.page_info import next_review
from conftest import ROOT
from fixture_site import build_site, report

DIAGRAM_DIR = ROOT / "docs/_data/diagrams"
PHONE = {"width": 390, "height": 844}


def diagram_spec(name: str) -> dict:
    return yaml.safe_load((DIAGRAM_DIR / f"{name}.yml").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- checks and drawing

@pytest.fixture
def site(tmp_path: Path) -> Path:
    return build_site(tmp_path / "repo")


def test_a_diagram_without_its_english_title_is_reported(site: Path) -> None:
    path = site / "docs/_data/diagrams/bordin.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('  en: "The three parts of the alliance, after Bordin"\n', ""),
                    encoding="utf-8")
    assert report(site) == [
        "docs/_data/diagrams/bordin.yml:4:1: DIAG001 the diagram needs a title in 'en': it is "
        "its accessible name in that language"]


def test_a_diagram_without_a_description_or_a_label_is_reported(site: Path) -> None:
    path = site / "docs/_data/diagrams/parcours.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("description:"))
    del lines[start:start + 3]
    text = "".join(lines).replace('{fr: "Préparer la première séance", ', "{")
    path.write_text(text, encoding="utf-8")
    problems = report(site)
    assert problems == [
        f"docs/_data/diagrams/parcours.yml:1:1: DIAG001 the diagram needs a description in "
        f"'{lang}': it is its accessible description in that language" for lang in ("en", "fr")
    ] + ["docs/_data/diagrams/parcours.yml:9:1: DIAG002 'steps.1.label' needs a text in 'fr'"]


def test_an_unregistered_diagram_and_french_spacing_are_reported(site: Path) -> None:
    extra = site / "docs/_data/diagrams/autre.yml"
    extra.write_text((DIAGRAM_DIR / "accueil.yml").read_text(encoding="utf-8"), encoding="utf-8")
    path = site / "docs/_data/diagrams/rupture.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '{fr: "Le retrait", en: "Withdrawal"}', '{fr: "Le retrait : se taire", en: "Withdrawal"}'),
        encoding="utf-8")
    problems = report(site)
    assert problems[0].startswith("docs/_data/diagrams/autre.yml:1:1: DIAG003 no marker draws "
                                  "this diagram")
    assert problems[1].startswith("docs/_data/diagrams/rupture.yml:")
    assert " DIAG004 French text: a non-breaking space" in problems[1]
    assert len(problems) == 2


@pytest.mark.parametrize("name", sorted(DIAGRAMS))
def test_each_diagram_draws_text_in_each_language(name: str) -> None:
    spec = diagram_spec(name)
    for lang, other in (("fr", "en"), ("en", "fr")):
        svg = render(name, spec, lang)
        assert f'<title id="dg-{name}-title">' + spec["title"][lang].replace("'", "&#x27;") in svg
        assert f'<desc id="dg-{name}-desc">' in svg and 'role="img"' in svg
        assert f'lang="{lang}"' in svg
        assert "style=" not in svg and "<script" not in svg and "<image" not in svg
        if spec["title"][lang] != spec["title"][other]:
            assert spec["title"][other].replace("'", "&#x27;") not in svg
        if spec["type"] != "people":  # a drawing of labels: each is text, not a picture
            assert svg.count("<text ") >= 3


def test_next_review_is_a_year_later_even_from_29_february() -> None:
    assert next_review(dt.date(2026, 11, 21), 12) == dt.date(2027, 11, 21)
    assert next_review(dt.date(2028, 2, 29), 12) == dt.date(2029, 2, 28)
    assert next_review(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)


# ---------------------------------------------------------------- in the browser

@pytest.fixture()
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, service_workers="block")
    yield ctx
    ctx.close()


@pytest.mark.parametrize(("path", "lang"), [("", "fr"), ("en/", "en")])
def test_the_three_doors_are_on_the_first_phone_screen(phone, server: str, path: str,
                                                       lang: str) -> None:
    page = phone.new_page()
    page.goto(server + path, wait_until="load")
    assert page.evaluate("document.documentElement.lang") == lang
    doors = page.locator(".home-doors > .card")
    assert doors.count() == 3
    for i in range(3):
        box = doors.nth(i).bounding_box()
        assert box is not None and box["y"] >= 0
        assert box["y"] + box["height"] <= PHONE["height"], f"door {i + 1} ends at {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # each door is one link, with a title a reader can follow, and it leads to a page
    hrefs = [doors.nth(i).locator("h2 a:not(.headerlink)").get_attribute("href") for i in range(3)]
    for href in hrefs:
        response = page.request.get(page.evaluate("h => new URL(h, location.href).href", href))
        assert response.status == 200, href
    # the help link is on the first screen too (header), and the home page repeats it
    help_box = page.locator(".home-help a")
    assert help_box.count() == 1 and "aide/" in help_box.get_attribute("href")
    first = page.locator(".md-header__help").bounding_box()
    assert first is not None and first["y"] + first["height"] <= PHONE["height"]


def accessible(page, cdp, selector: str, index: int) -> dict[str, str]:
    """Name and description of an element as Chromium's accessibility tree computes them."""
    handle = cdp.send("Runtime.evaluate", {
        "expression": f"document.querySelectorAll({selector!r})[{index}]"})
    tree = cdp.send("Accessibility.getPartialAXTree", {
        "objectId": handle["result"]["objectId"], "fetchRelatives": False})
    node = tree["nodes"][0]
    return {"role": node["role"]["value"], "name": node.get("name", {}).get("value", ""),
            "description": node.get("description", {}).get("value", "")}


DIAGRAM_PAGES = [(f"{'en/' if lang == 'en' else ''}{'' if stem == 'index' else stem + '/'}",
                  lang, name) for name, stem in sorted(DIAGRAMS.items()) for lang in ("fr", "en")]


@pytest.mark.parametrize(("path", "lang", "name"), DIAGRAM_PAGES)
def test_each_diagram_is_named_and_described_in_the_page_language_and_fits_a_phone(
        browser, server: str, path: str, lang: str, name: str) -> None:
    spec = diagram_spec(name)
    ctx = browser.new_context(viewport={"width": 360, "height": 800}, service_workers="block")
    try:
        page = ctx.new_page()
        page.goto(server + path, wait_until="load")
        assert page.evaluate("document.documentElement.lang") == lang
        svg = page.locator(f"#dg-{name} svg")
        assert svg.count() == 1
        cdp = ctx.new_cdp_session(page)
        found = accessible(page, cdp, f"#dg-{name} svg", 0)
        assert found["role"] in ("img", "image")
        assert found["name"] == spec["title"][lang]
        assert found["description"] == spec["description"][lang]
        # labels are text a reader can select and a search can find
        texts = page.locator(f"#dg-{name} svg text")
        if spec["type"] != "people":
            assert texts.count() >= 3
            first = texts.first.text_content()
            assert first and first.strip()
        svg.scroll_into_view_if_needed()
        box = svg.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
        # legible on a phone: the smallest label is drawn at 11 CSS pixels or more
        if spec["type"] != "people":
            smallest = page.evaluate(
                """s => {
                    const svg = document.querySelector(s);
                    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                    const sizes = [...svg.querySelectorAll('text')]
                        .map(t => parseFloat(t.getAttribute('font-size')));
                    return Math.min(...sizes) * scale;
                }""", f"#dg-{name} svg")
            assert smallest >= 11, f"smallest label {smallest:.1f}px"
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("path", ["", "en/", "comprendre/ruptures/"])
def test_the_site_name_is_whole_in_the_phone_header(browser, server: str, width: int,
                                                    path: str) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
    try:
        page = ctx.new_page()
        page.goto(server + path, wait_until="load")
        title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
        assert title.text_content().strip() == "Alliance"
        clipped = title.evaluate("e => e.scrollWidth - e.clientWidth")
        assert clipped <= 0, f"site name cut by {clipped}px at {width}px"
        assert page.locator(".md-header__help").is_visible()
    finally:
        ctx.close()


@pytest.mark.parametrize("path", ["comprendre/ruptures/", "en/comprendre/ruptures/",
                                  "fiches/mes-objectifs/"])
def test_the_point_comes_first_and_page_information_last(context_desktop, server: str,
                                                         path: str) -> None:
    page = context_desktop.new_page()
    page.goto(server + path, wait_until="load")
    article = page.locator("article.md-content__inner")
    # right under the title: content, not the byline
    after_title = article.evaluate("a => a.querySelector('h1').nextElementSibling.className")
    assert "byline" not in after_title
    info = article.locator("section.page-info")
    assert info.count() == 1
    # the block is the last thing of the page, and holds byline, dates, sources, help link
    # nothing of the text comes after it (only the share kit, itself page furniture)
    after = article.evaluate("""a => { const kids = [...a.children].filter(e => e.offsetHeight > 0);
        return kids.slice(kids.findIndex(e => e.matches('section.page-info')) + 1)
                   .map(e => e.className); }""")
    assert all("share-kit" in name for name in after), after
    assert info.locator(".byline").count() == 1
    assert info.locator("time").count() >= 2
    assert info.locator("#sources").count() == 1
    assert "aide/" in info.locator(".page-info__help a").get_attribute("href")
    # "on this page" stays on the desktop and lists the block
    toc = page.locator(".md-sidebar--secondary")
    assert toc.is_visible()
    assert toc.locator('a[href="#page-info"]').count() == 1


@pytest.fixture()
def context_desktop(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield ctx
    ctx.close()


DARK_PAGES = ["", "en/", "comprendre/bordin/", "en/comprendre/histoire/", "comprendre/ruptures/",
              "comprendre/parcours-patients/", "temoignages/rupture-reparee/",
              "fiches/mes-objectifs/", "aide/", "en/aide/", "comprendre/depasser-les-limites/",
              "comprendre/references/", "facile/bordin/"]


@pytest.mark.parametrize("path", DARK_PAGES)
def test_the_dark_scheme_keeps_aa_contrast(browser, server: str, path: str) -> None:
    """The browser tests of every page run in the light scheme; these pages (one of each
    kind, the diagrams, the help page) are checked again by axe in the dark scheme (target
    sizes do not change with the scheme: the light run checks them)."""
    from test_browser import AXE, AXE_TAGS

    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark",
                              service_workers="block")
    try:
        page = ctx.new_page()
        page.add_init_script(path=str(AXE))  # the site's CSP rightly blocks an added <script>
        page.goto(server + path, wait_until="load")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        found = page.evaluate(
            """async tags => {
                const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                   rules: {'target-size': {enabled: false}}});
                return r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3)
                    .map(n => n.target.join(' ')).join(' | '));
            }""", AXE_TAGS)
        assert found == []
    finally:
        ctx.close()


@pytest.mark.parametrize(("path", "kind"), [("fiches/mes-objectifs/", "Fiche d'exercice"),
                                            ("en/fiches/mes-objectifs/", "Exercise sheet")])
def test_a_printed_sheet_opens_with_a_letterhead(context_desktop, server: str, path: str,
                                                 kind: str) -> None:
    """On paper, a sheet looks like a handout: the site's mark, the kind of document and
    its purpose above the title; the page information block keeps only the sources."""
    page = context_desktop.new_page()
    page.goto(server + path, wait_until="load")
    head = page.locator(".sheet-print-header")
    assert not head.is_visible()  # on screen, the title and the lead say it already
    page.emulate_media(media="print")
    assert head.is_visible()
    purpose = page.locator(".sheet-lead").text_content().strip()
    assert head.text_content().replace("\u00a0", " ").split("·", 1)[1].strip().startswith(kind)
    assert purpose in head.text_content()
    title = page.locator("article h1").bounding_box()
    assert head.bounding_box()["y"] + head.bounding_box()["height"] <= title["y"]
    mark = page.locator(".sheet-mark")
    assert "favicon.svg" in mark.evaluate("e => getComputedStyle(e).backgroundImage")
    assert mark.bounding_box()["width"] >= 40  # about 13 mm
    info = page.locator("section.page-info")
    assert info.locator("#sources").is_visible()
    assert not info.locator(".page-info__next").is_visible()
