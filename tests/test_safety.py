"""Safety paths: emergency numbers first on the help page, the page on professionals who
cross a line (routes from one data file), and the help page's first phone screen."""

from __future__ import annotations

import re
from html import escape as html_escape
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

HELPLINES = yaml.safe_load((ROOT / "docs/_data/helplines.yml").read_text(encoding="utf-8"))
ROUTES = yaml.safe_load((ROOT / "docs/_data/reporting_routes.yml").read_text(encoding="utf-8"))
LANGS = ("fr", "en")


def page(built_site: Path, lang: str, rel: str) -> str:
    base = built_site / "en" if lang == "en" else built_site
    return (base / ("" if rel == "index" else rel) / "index.html").read_text(encoding="utf-8")


def section(html: str, anchor: str) -> str:
    """The HTML of one country section: from its heading to the next h2."""
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start)
    return html[start:end if end > 0 else None]


@pytest.mark.parametrize("lang", LANGS)
def test_help_page_gives_an_emergency_number_for_every_country(built_site: Path, lang: str) -> None:
    html = page(built_site, lang, "aide")
    danger = html.index('id="danger"')
    for country in HELPLINES["countries"]:
        emergency = [x for x in country["lines"] if x["type"] == "emergency"]
        assert emergency, country["id"]
        text = section(html, country["id"])
        digits = re.sub(r"\D", "", emergency[0]["number"])
        assert re.search(rf'href="(?:tel|sms):\+?{digits}"', text), (lang, country["id"])
        # emergency lines come before listening and crisis lines in each country
        first = re.search(r'href="(?:tel|sms):\+?(\d+)"', text)
        assert first and first.group(1) == digits, (lang, country["id"])
        assert html.index(f'id="{country["id"]}"') > danger


@pytest.mark.parametrize("lang", LANGS)
def test_help_page_lists_the_readers_countries_first(built_site: Path, lang: str) -> None:
    html = page(built_site, lang, "aide")
    nav = html[html.index('class="help-countries"'):]
    nav = nav[:nav.index("</nav>")]
    jumps = re.findall(r'href="#([\w-]+)"', nav)
    assert jumps == HELPLINES["order"][lang]
    assert jumps[:2] == (["fr", "be"] if lang == "fr" else ["uk", "ie"])


def test_text_only_services_are_sms_links(built_site: Path) -> None:
    html = page(built_site, "fr", "aide")
    assert 'href="sms:114"' in html and 'href="tel:114"' not in html


@pytest.mark.parametrize("lang", LANGS)
def test_limits_page_shows_every_route_from_the_data_file(built_site: Path, lang: str) -> None:
    html = page(built_site, lang, "comprendre/depasser-les-limites")
    for country in ROUTES["countries"]:
        assert f'id="signaler-{country["id"]}"' in html
        for route in country["routes"]:
            assert html_escape(route["source"], quote=True) in html, route["source"]
            assert html_escape(route["when"][lang], quote=True) in html, route["when"][lang]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rel", ["aide", "comprendre/transfert", "comprendre/quand-ca-ne-marche-pas",
                                 "comprendre/parcours-patients", "index"])
def test_limits_page_is_linked_from_the_named_pages_and_footer(built_site: Path, lang: str,
                                                               rel: str) -> None:
    html = page(built_site, lang, rel)
    main = html[html.index('<article'):html.index('</article>')]
    footer = html[html.index('alliance-footer'):]
    assert "depasser-les-limites/" in footer
    if rel != "index":
        assert "depasser-les-limites/" in main, (lang, rel)


def test_a_route_written_by_hand_is_reported(tmp_path: Path) -> None:
    from fixture_site import build_site, page_path, report

    root = build_site(tmp_path)
    path = page_path(root, "comprendre/alliance", "fr")
    path.write_text(path.read_text(encoding="utf-8") + "\nSignalez-le à la Miviludes.\n",
                    encoding="utf-8")
    found = [line for line in report(root) if "ROUTE001" in line]
    assert len(found) == 1 and "'Miviludes' is a reporting route" in found[0]
    assert found[0].startswith("docs/comprendre/alliance.fr.md:")


def test_naming_a_body_to_check_a_title_is_not_a_route(tmp_path: Path) -> None:
    from fixture_site import build_site, page_path, report

    root = build_site(tmp_path)
    path = page_path(root, "comprendre/alliance", "fr")
    path.write_text(path.read_text(encoding="utf-8")
                    + "\nLes médecins sont inscrits à l'Ordre des médecins.\n", encoding="utf-8")
    assert not [line for line in report(root) if "ROUTE001" in line]


def test_a_country_without_emergency_number_is_reported(tmp_path: Path) -> None:
    from fixture_site import build_site, replace_in, report

    root = build_site(tmp_path)
    data = root / "docs/_data/helplines.yml"
    replace_in(data, '      - number: "911"\n        type: emergency\n        name: {fr: "Urgences", '
                     'en: "Emergency services"}\n      - number: "1 866 277-3553"',
               '      - number: "1 866 277-3553"')
    found = [line for line in report(root) if "HELP002" in line]
    assert len(found) == 1, found
    assert re.match(r"docs/_data/helplines\.yml:\d+:1: HELP002 country 'qc' has no emergency", found[0])


@pytest.mark.parametrize("lang", LANGS)
def test_help_page_first_phone_screen_shows_call_buttons(server: str, browser: object,
                                                         lang: str) -> None:
    """At 390 x 844 a call button is fully in the first screen; every tel:/sms: target is
    at least 44 x 44 px; the header keeps a help link on a long page once scrolled."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    prefix = "en/" if lang == "en" else ""
    tab.goto(f"{server}{prefix}aide/")
    buttons = tab.locator("a.call-button")
    assert buttons.count() >= 3
    first = buttons.first.bounding_box()
    assert first and first["y"] >= 0 and first["y"] + first["height"] <= 844, first
    sizes = tab.eval_on_selector_all(
        'a[href^="tel:"], a[href^="sms:"]',
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return [e.getAttribute('href'), r.width, r.height]; })")
    assert len(sizes) >= 20
    small = [s for s in sizes if s[1] < 44 or s[2] < 44]
    assert not small, small
    tab.goto(f"{server}{prefix}comprendre/quand-ca-ne-marche-pas/")
    tab.mouse.wheel(0, 4000)
    tab.wait_for_timeout(300)
    link = tab.locator("a.md-header__help")
    box = link.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 844, box
    link.click()
    assert tab.url.endswith(f"{prefix}aide/"), tab.url
    context.close()


def test_an_unknown_person_is_reported_where_it_is_written(tmp_path: Path) -> None:
    from fixture_site import build_site, page_path, replace_in, report

    root = build_site(tmp_path)
    replace_in(page_path(root, "comprendre/alliance", "en"), "reviewers: [comite-relecture]",
               "reviewers: [comite-relecture, dr-nobody]")
    sheet = root / "docs/_data/sheets/mes-objectifs.yml"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.replace("authors: [equipe-editoriale]", "authors:\n  - someone-else", 1),
                     encoding="utf-8")
    line = text.split("\n").index("authors: [equipe-editoriale]") + 2
    found = [x for x in report(root) if "PEOPLE001" in x]
    assert found == [
        "docs/_data/sheets/mes-objectifs.yml:" f"{line}:5: PEOPLE001 unknown person 'someone-else' in "
        "authors: authors and reviewers are ids of docs/_data/people.yml (add the person there, "
        "or use an existing id)",
        "docs/comprendre/alliance.en.md:7:31: PEOPLE001 unknown person 'dr-nobody' in reviewers: "
        "authors and reviewers are ids of docs/_data/people.yml (add the person there, or use an "
        "existing id)",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_bylines_name_people_and_link_to_how_review_works(built_site: Path, lang: str) -> None:
    people = yaml.safe_load((ROOT / "docs/_data/people.yml").read_text(encoding="utf-8"))["people"]
    html = page(built_site, lang, "comprendre/ruptures")
    byline = re.search(r'<p class="byline">(.*?)</p>', html).group(1)
    for pid in ("equipe-editoriale", "comite-relecture"):
        name = people[pid]["name"][lang]
        assert f'href="../../a-propos/#personne-{pid}">{html_escape(name, quote=False)}</a>' in byline
        assert html_escape(people[pid]["profession"][lang], quote=False) in byline
    assert 'href="../../a-propos/#qui-ecrit"' in byline
    about = page(built_site, lang, "a-propos")
    for pid in people:
        assert f'id="personne-{pid}"' in about


def sheet_needs_note(sheet_id: str) -> bool:
    """A sheet needs the note when it has a scale or checkboxes, or is for patients, unless
    its source opts out with a written reason (read from the YAML, not from the model)."""
    source = yaml.safe_load((ROOT / f"docs/_data/sheets/{sheet_id}.yml").read_text(encoding="utf-8"))
    rated = any(f["type"] in ("scale", "checkboxes") for f in source["fields"])
    if source.get("reflection_aid") is False:
        assert source.get("reflection_aid_reason", "").strip(), sheet_id
        return False
    return rated or "patients" in source["audience"]


SHEET_IDS = sorted(p.stem for p in (ROOT / "docs/_data/sheets").glob("*.yml"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sheet_id", SHEET_IDS)
def test_rated_and_patient_sheets_say_they_are_not_a_test(built_site: Path, sheet_id: str,
                                                          lang: str) -> None:
    from alliance.words import WORDS
    from pypdf import PdfReader

    note = WORDS[lang]["not_a_test"]
    needed = sheet_needs_note(sheet_id)
    html = page(built_site, lang, f"fiches/{sheet_id}")
    shown = re.search(r'<p class="sheet-notice" data-reflection-aid>([^<]*)</p>', html)
    assert bool(shown) == needed, (sheet_id, lang)
    if shown:
        assert " ".join(shown.group(1).split()) == " ".join(html_escape(note, quote=True).split())
    base = built_site / "en" if lang == "en" else built_site
    for pdf in sorted((base / "fiches/pdf").glob(f"{sheet_id}.{lang}.*.pdf")):
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
        assert (" ".join(note.split()) in text) == needed, pdf.name


def test_the_sheets_with_a_scale_or_checkboxes_are_the_ones_expected() -> None:
    """Guards the parametrised test above: it covers every rated sheet of the issue."""
    rated = {s for s in SHEET_IDS if sheet_needs_note(s)}
    assert {"apres-la-seance", "dire-que-ca-ne-va-pas", "mes-objectifs", "mes-progres",
            "rupture-reparation-pro"} <= rated
    assert "consentement-temoignage" not in rated  # a consent form, opted out with its reason


def test_a_rated_sheet_cannot_drop_the_note_without_a_reason(tmp_path: Path) -> None:
    from fixture_site import build_site, report

    root = build_site(tmp_path)
    sheet = root / "docs/_data/sheets/mes-objectifs.yml"
    text = sheet.read_text(encoding="utf-8")
    line = next(i + 1 for i, x in enumerate(text.split("\n")) if x.startswith("reflection_aid:"))
    sheet.write_text(re.sub(r"(?m)^reflection_aid: true.*$", "reflection_aid: false", text),
                     encoding="utf-8")
    found = [x for x in report(root) if "SHEET006" in x]
    assert len(found) == 1 and found[0].startswith(f"docs/_data/sheets/mes-objectifs.yml:{line}:1:")
    assert "give reflection_aid_reason to opt out" in found[0]


@pytest.mark.parametrize("lang", LANGS)
def test_every_testimony_says_it_is_outside_the_licence(built_site: Path, lang: str) -> None:
    from alliance.words import WORDS

    stems = sorted({p.name.split(".")[0] for p in (ROOT / "docs/temoignages").glob("*.md")}
                   - {"index", "contribuer"})
    assert len(stems) >= 4
    for stem in stems:
        html = page(built_site, lang, f"temoignages/{stem}")
        notice = re.search(r'<p class="testimony-licence">(.*?)</p>', html)
        assert notice, stem
        assert html_escape(WORDS[lang]["testimony_licence"], quote=True) in notice.group(1)
        assert 'href="../../a-propos/confidentialite/#retrait"' in notice.group(1)
    footer = page(built_site, lang, "index")
    footer = footer[footer.index("alliance-footer"):]
    assert ("excluded from this licence" if lang == "en" else "exclus de cette licence") in footer
    assert "a-propos/confidentialite/" in footer


@pytest.mark.parametrize("lang", LANGS)
def test_legal_notice_and_privacy_page_come_from_site_data(built_site: Path, lang: str) -> None:
    site = yaml.safe_load((ROOT / "docs/_data/site.yml").read_text(encoding="utf-8"))
    notice = page(built_site, lang, "a-propos/mentions-legales")
    for role, anchor in (("publisher", "editeur"), ("director", "direction-publication"),
                         ("host", "hebergement")):
        assert f'id="{anchor}"' in notice
        name = site["legal"][role]["name"]
        name = name[lang] if isinstance(name, dict) else name
        assert html_escape(name, quote=True) in notice, role
    privacy = page(built_site, lang, "a-propos/confidentialite")
    for anchor in ("responsable", "base-legale", "conservation", "retrait", "mineurs", "droits",
                   "reclamation"):
        assert f'id="{anchor}"' in privacy
    assert f'href="mailto:{site["testimony_email"]}"' in privacy
    assert 'href="https://www.cnil.fr/fr/adresser-une-plainte"' in privacy
    # and no page writes the publisher or host by hand: the sources hold only the markers
    for src in (ROOT / "docs/a-propos").glob("*.md"):
        assert "COMPLÉTER" not in src.read_text(encoding="utf-8")
        assert "FILL IN" not in src.read_text(encoding="utf-8")


def test_legal_block_without_host_is_reported(tmp_path: Path) -> None:
    from fixture_site import build_site, report

    root = build_site(tmp_path)
    path = root / "docs/_data/site.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  host:")], encoding="utf-8")
    found = [x for x in report(root) if "LEGAL001" in x]
    assert len(found) == 1 and re.match(
        r"docs/_data/site\.yml:\d+:1: LEGAL001 legal: 'host' is missing \(it needs name, "
        r"address, phone\)", found[0]), found


CONSENT_TERMS = {
    "fr": ("tous droits réservés", "moins de 18 ans", "3 mois", "30 jours"),
    "en": ("all rights reserved", "under 18", "3 months", "30 days"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_consent_form_states_licence_minors_and_retention_like_the_privacy_page(
        built_site: Path, lang: str) -> None:
    """The printed form a person signs says what the privacy page says: outside the open
    licence (so a withdrawal can be honoured), parental signature for a minor, how long."""
    from pypdf import PdfReader

    base = built_site / "en" if lang == "en" else built_site
    privacy = " ".join(re.sub(r"<[^>]+>", " ", page(built_site, lang, "a-propos/confidentialite"))
                       .replace("\u00a0", " ").split())
    for pdf in sorted((base / "fiches/pdf").glob(f"consentement-temoignage.{lang}.*.pdf")):
        reader = PdfReader(pdf)
        text = " ".join(" ".join(p.extract_text() for p in reader.pages).replace("\u00a0", " ").split())
        for term in CONSENT_TERMS[lang]:
            assert term in text.lower(), (pdf.name, term)
            assert term in privacy.lower(), term
        fields = {name.split(".")[0] for name in reader.get_fields()}
        assert {"accord-patient-licence", "accord-therapeute-licence", "parent"} <= fields
