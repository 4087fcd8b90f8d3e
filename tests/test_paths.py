"""The paths readers take, followed to the end in a real browser at 390 x 844 (unless said):
a patient in crisis opening the help page on a phone; a patient filling the thought record
on a phone, printing a long answer, saving a filled PDF, erasing; a therapist printing the
blank PDFs (checked in the files themselves)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

PHONE = {"width": 390, "height": 844}
HELPLINES = yaml.safe_load((ROOT / "docs/_data/helplines.yml").read_text(encoding="utf-8"))
PREFIX = {"fr": "", "en": "en/"}
LONG_PAGES = ["", "comprendre/alliance/", "comprendre/references/", "temoignages/rupture-reparee/",
              "fiches/registre-des-pensees/", "aide/"]


@pytest.fixture()
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, service_workers="block", accept_downloads=True)
    yield ctx
    ctx.close()


def fully_visible(box: dict | None, height: int = PHONE["height"]) -> bool:
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= height and box["x"] >= 0 \
        and box["x"] + box["width"] <= PHONE["width"]


# ------------------------------------------------------------------ the help page on a phone

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_help_page_leads_with_large_call_buttons(phone, server: str, lang: str) -> None:
    page = phone.new_page()
    page.goto(f"{server}{PREFIX[lang]}aide/")
    first = page.locator("a.call-button").first
    assert fully_visible(first.bounding_box()), first.bounding_box()
    # the reader's most likely emergency number comes first: the first country's
    first_country = HELPLINES["order"][lang][0]
    country = next(c for c in HELPLINES["countries"] if c["id"] == first_country)
    emergency = next(x for x in country["lines"] if x["type"] == "emergency")
    assert first.get_attribute("href") == "tel:" + re.sub(r"[^\d+]", "", emergency["number"])
    buttons = page.locator("a.call-button").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })")
    assert all(w >= 48 and h >= 48 for w, h in buttons), buttons
    targets = page.locator('a[href^="tel:"], a[href^="sms:"]').evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return [e.getAttribute('href'), r.width, r.height]; })")
    small = [t for t in targets if t[1] < 44 or t[2] < 44]
    assert len(targets) >= 20 and not small, small


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_help_page_jumps_to_each_country_readers_first(phone, server: str, lang: str) -> None:
    page = phone.new_page()
    page.goto(f"{server}{PREFIX[lang]}aide/")
    jumps = page.locator(".help-countries a")
    ids = [h.removeprefix("#") for h in jumps.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
    assert ids[:2] == (["fr", "be"] if lang == "fr" else ["uk", "ie"])
    assert sorted(ids) == sorted(c["id"] for c in HELPLINES["countries"])
    # the jump links start within the first screen, below the emergency buttons
    assert jumps.first.bounding_box()["y"] < PHONE["height"] * 1.5
    # following one lands on that country's numbers, its first call link on screen
    target = ids[-1]
    jumps.nth(len(ids) - 1).click()
    page.wait_for_timeout(400)
    assert page.url.endswith("#" + target)
    heading = page.locator(f"h2#{target}")
    link = page.locator(f"h2#{target} + .call-lines a").first
    assert fully_visible(heading.bounding_box()), heading.bounding_box()
    assert fully_visible(link.bounding_box()), link.bounding_box()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_help_page_information_comes_at_the_end(phone, server: str, lang: str) -> None:
    """Who wrote the page and when it was reviewed: after every number, not before them."""
    page = phone.new_page()
    page.goto(f"{server}{PREFIX[lang]}aide/")
    byline = page.locator("article .byline")
    assert byline.count() == 1
    last_line = page.locator("article .call-lines").last
    assert byline.bounding_box()["y"] > last_line.bounding_box()["y"]
    assert byline.bounding_box()["y"] > PHONE["height"]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("rel", LONG_PAGES)
def test_header_help_link_is_reachable_on_every_page(phone, server: str, lang: str, rel: str) -> None:
    page = phone.new_page()
    page.goto(f"{server}{PREFIX[lang]}{rel}")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    link = page.locator("header a.md-header__help")
    box = link.bounding_box()
    assert fully_visible(box), box
    assert box["width"] >= 24 and box["height"] >= 24, box
    link.click()
    page.wait_for_load_state("load")
    assert page.url == f"{server}{PREFIX[lang]}aide/"


# ------------------------------------------------------------------ sheets on a phone

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_thought_record_fields_are_wide_enough_on_a_phone(phone, server: str, lang: str) -> None:
    page = phone.new_page()
    page.goto(f"{server}{PREFIX[lang]}fiches/registre-des-pensees/")
    fields = page.locator("table.sheet-table textarea")
    assert fields.count() >= 5
    widths = fields.evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
    assert min(widths) >= 250, widths
    # each field shows its label (the column heading) above it, and nothing overflows
    labels = page.locator("table.sheet-table .cell-label")
    assert all(box["height"] > 0 for box in
               labels.evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_thought_record_caption_and_headings_fit_on_a_phone(phone, server: str, lang: str) -> None:
    page = phone.new_page()
    page.goto(f"{server}{PREFIX[lang]}fiches/registre-des-pensees/")
    table = page.locator("table.sheet-table").first
    caption = table.locator("caption")
    assert caption.bounding_box()["width"] >= 250, caption.bounding_box()
    # a row is a card: each label on its own line, above its field, never cut
    labels = table.locator(".cell-label")
    for i in range(min(labels.count(), 5)):
        label = labels.nth(i)
        assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), label.inner_text()
        field_box = table.locator("textarea").nth(i).bounding_box()
        assert label.bounding_box()["y"] + label.bounding_box()["height"] <= field_box["y"] + 1


@pytest.mark.parametrize("keep", [False, True])
def test_leaving_with_unsaved_answers_asks_first(phone, server: str, keep: bool) -> None:
    page = phone.new_page()
    page.goto(f"{server}fiches/mes-objectifs/")
    page.locator("#f-priorite").click()
    page.keyboard.type("Dormir mieux")
    if keep:
        page.locator("[data-keep]").check()
    dialogs: list[str] = []

    def answer(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()  # the reader chooses to stay

    page.on("dialog", answer)
    page.close(run_before_unload=True)
    helper = phone.new_page()  # waits on a page that stays open
    for _ in range(20):
        if dialogs or page.is_closed():
            break
        helper.wait_for_timeout(100)
    assert dialogs == ([] if keep else ["beforeunload"])
    assert page.is_closed() == keep  # kept answers: the page simply closes


def fill_long_answer(page, field: str) -> str:
    words = [f"mot{i:03d}" for i in range(260)]
    answer = " ".join(words) + " FIN-DE-REPONSE"
    page.locator(field).fill(answer)
    return answer


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_erasing_asks_first(phone, server: str, lang: str) -> None:
    page = phone.new_page()
    page.goto(f"{server}{PREFIX[lang]}fiches/mes-objectifs/")
    page.locator("#f-priorite").fill("Dormir mieux")
    page.locator("[data-erase]").click()
    assert page.locator("[data-erase-confirm]").is_visible()
    assert page.locator("#f-priorite").input_value() == "Dormir mieux"
    page.locator("[data-erase-no]").click()
    assert not page.locator("[data-erase-confirm]").is_visible()
    assert page.locator("#f-priorite").input_value() == "Dormir mieux"
    page.locator("[data-erase]").click()
    page.locator("[data-erase-yes]").click()
    assert page.locator("#f-priorite").input_value() == ""
    # erase is apart from print and save, after them
    erase = page.locator("[data-erase]").bounding_box()
    printing = page.locator("[data-print]").bounding_box()
    assert erase["y"] > printing["y"] + printing["height"] + 40


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_long_answer_prints_whole(phone, server: str, lang: str) -> None:
    from pypdf import PdfReader

    page = phone.new_page()
    page.goto(f"{server}{PREFIX[lang]}fiches/mes-objectifs/")
    answer = fill_long_answer(page, "#f-a-dire")
    page.emulate_media(media="print")
    copy = page.locator('[data-answer-for="f-a-dire"]')
    assert copy.is_visible() and not page.locator("#f-a-dire").is_visible()
    assert " ".join(copy.inner_text().split()) == answer
    clipped = copy.evaluate("e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1")
    assert not clipped
    for chrome in ("header.md-header", ".md-footer", "[data-sheet-tools]", "[data-sheet-erase]",
                   "article .byline"):
        assert not page.locator(chrome).first.is_visible(), chrome
    # no field prints as a box with handles or a picker icon: each text answer prints as text
    boxes = page.locator("[data-sheet] textarea, [data-sheet] input[type=text], "
                         "[data-sheet] input[type=date]")
    assert boxes.count() >= 5
    assert not any(boxes.nth(i).is_visible() for i in range(boxes.count()))
    # and what Chromium actually prints holds every word of it
    printed = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    text = " ".join(" ".join(p.extract_text() for p in printed).split())
    assert "mot000" in text and "mot259" in text and "FIN-DE-REPONSE" in text
    assert all(f"mot{i:03d}" in text for i in range(260))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_save_as_filled_pdf_holds_the_answer_and_sends_nothing(phone, server: str,
                                                               lang: str) -> None:
    from pypdf import PdfReader

    page = phone.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}{PREFIX[lang]}fiches/registre-des-pensees/")
    typed = "Réunion d'équipe, lundi : j'ai pensé « je vais rater » — 70 %"
    page.locator("#f-registre-1-situation").fill(typed)
    page.locator("#f-registre-1-pensee").fill("Ils vont voir que je ne sais rien")
    with page.expect_download() as download:
        page.locator("[data-save-pdf]").click()
    data = Path(download.value.path()).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Ils vont voir que je ne sais rien" in text
    assert "Réunion d'équipe, lundi" in text.replace("\u2019", "'")
    assert reader.metadata.title and reader.metadata.title.endswith("Alliance")
    outside = [u for u in requests if not u.startswith(server) and not u.startswith(("blob:", "data:"))]
    assert outside == []
    assert page.locator("[data-status]").inner_text().strip()


@pytest.mark.parametrize(("locale", "size"), [("fr-CA", (612, 792)), ("fr-FR", (595, 842)),
                                               ("en-US", (612, 792)), ("en-GB", (595, 842))])
def test_filled_pdf_paper_follows_the_readers_region(browser, server: str, locale: str,
                                                     size: tuple[int, int]) -> None:
    from pypdf import PdfReader

    ctx = browser.new_context(viewport=PHONE, locale=locale, accept_downloads=True)
    page = ctx.new_page()
    page.goto(f"{server}{PREFIX[locale[:2]]}fiches/mes-objectifs/")
    page.locator("#f-priorite").fill("Dormir mieux")
    with page.expect_download() as download:
        page.locator("[data-save-pdf]").click()
    box = PdfReader(download.value.path()).pages[0].mediabox
    ctx.close()
    assert (round(float(box.width)), round(float(box.height))) == size


# ------------------------------------------------------------------ the blank PDFs

def test_handwriting_boxes_are_at_least_8_mm(built_site: Path) -> None:
    from pypdf import PdfReader

    mm8 = 8 * 72 / 25.4
    checked = 0
    for path in sorted((built_site / "fiches/pdf").glob("*.pdf")) + \
            sorted((built_site / "en/fiches/pdf").glob("*.pdf")):
        for page in PdfReader(path).pages:
            for annot in page.get("/Annots") or []:
                annot = annot.get_object()
                parent = annot.get("/Parent")
                field = parent.get_object() if parent and "/FT" not in annot else annot
                if annot.get("/Subtype") != "/Widget" or field.get("/FT") != "/Tx":
                    continue
                _x0, y0, _x1, y1 = (float(v) for v in annot["/Rect"])
                checked += 1
                height = abs(y1 - y0) / 72 * 25.4
                assert abs(y1 - y0) >= mm8 - 0.01, f"{path.name}: {field.get('/T')} is {height:.1f} mm"
    assert checked > 100


def test_french_sheets_come_in_us_letter_too(built_site: Path) -> None:
    a4 = sorted(p.name for p in (built_site / "fiches/pdf").glob("*.fr.a4.pdf"))
    letter = sorted(p.name for p in (built_site / "fiches/pdf").glob("*.fr.letter.pdf"))
    assert len(a4) >= 14 and [n.replace(".a4.", ".letter.") for n in a4] == letter
    html = (built_site / "fiches/index.html").read_text(encoding="utf-8")
    for name in letter:
        assert f"pdf/{name}" in html, name


# ------------------------------------------------------------------ the sheets index

MOMENT_IDS = ["before-first-session", "between-sessions", "not-working", "professionals", "forms"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sheets_index_groups_sheets_by_moment_with_thumbnails(phone, server: str, built_site: Path,
                                                              lang: str) -> None:
    from alliance.context import load_context

    sheets = load_context(ROOT).sheets
    page = phone.new_page()
    answers: dict[str, tuple[int, str]] = {}
    page.on("response", lambda r: answers.__setitem__(r.url, (r.status, r.headers.get("content-type", ""))))
    page.goto(f"{server}{PREFIX[lang]}fiches/")
    groups = page.locator("article h2[id]").evaluate_all("els => els.map(e => e.id)")
    assert [g for g in groups if g in MOMENT_IDS] == MOMENT_IDS
    assert groups.index("forms") == len(groups) - 2  # the consent form last, before the sources
    seen: dict[str, str] = {}
    for moment in MOMENT_IDS:
        cards = page.locator(f"h2#{moment}").locator(
            "xpath=following-sibling::ul[contains(@class, 'sheet-cards')][1]/li[@class='sheet-card']")
        assert cards.count() >= 1, moment
        for i in range(cards.count()):
            card = cards.nth(i)
            href = card.locator(".sheet-card__text a").get_attribute("href")
            sheet_id = href.strip("/").split("/")[-1]
            assert sheet_id not in seen
            seen[sheet_id] = moment
            thumb = card.locator("img.sheet-card__thumb")
            thumb.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle())
            box = thumb.bounding_box()
            assert box["width"] >= 60 and box["height"] > box["width"], box
            src = page.evaluate("i => i.currentSrc", thumb.element_handle())
            assert src.startswith(server) and src.endswith(f"/fiches/thumbs/{sheet_id}.{lang}.svg")
            assert answers[src][0] == 200 and "svg" in answers[src][1]
    assert seen == {sid: sheet.moment for sid, sheet in sheets.items()}
    assert seen["consentement-temoignage"] == "forms"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_thumbnails_show_the_shape_of_the_first_page(built_site: Path) -> None:
    from alliance.context import load_context

    sheets = load_context(ROOT).sheets
    for sheet_id, sheet in sheets.items():
        for lang in ("fr", "en"):
            base = built_site / "en" if lang == "en" else built_site
            svg = (base / "fiches/thumbs" / f"{sheet_id}.{lang}.svg").read_text(encoding="utf-8")
            assert svg.startswith("<svg") and len(svg) < 40_000, sheet_id
            assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
            circles = svg.count("<circle")
            scale_on_first_page = any(f.type == "scale" for f in sheet.fields[:3])
            if scale_on_first_page:
                assert circles >= 11, (sheet_id, circles)
            if not any(f.type == "scale" for f in sheet.fields):
                assert circles == 0, (sheet_id, circles)
            assert svg.count("<rect") > 20  # text lines, boxes: the page is drawn
