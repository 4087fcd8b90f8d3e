"""The content checks (hooks/alliance/checks), on a small site built in a temporary folder.

Each test breaks the valid test site (tests/fixture_site.py) in one way and compares the
whole report with the exact lines a writer would read: `path:line:col: CODE message`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alliance.transform import MARKERS
from fixture_site import (  # first: it puts hooks/ on the import path for `alliance`
    BIBLIOGRAPHY,
    HOOKS,
    PAGES,
    REPO,
    SHEET,
    TODAY,
    build_site,
    format_report,
    load_context,
    name_hash,
    page_front,
    page_path,
    problems,
    read_meta,
    replace_in,
    report,
    sync_all,
    write_page,
)

ALLIANCE = "comprendre/alliance"
TESTIMONY = "temoignages/exemple"
SHEET_SOURCE = f"docs/_data/sheets/{SHEET}.yml"
VENV_BIN = REPO / ".venv/bin"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return build_site(tmp_path / "repo")


def edit(root: Path, stem: str, lang: str, old: str, new: str) -> None:
    """Change a page, then record the translations as in line again, so that only the
    problem under test is reported (not also its counterpart as a stale translation)."""
    replace_in(page_path(root, stem, lang), old, new)
    sync_all(root)


def append(root: Path, stem: str, lang: str, text: str) -> None:
    """Add text at the end of a page (then, like edit, sync the translations)."""
    path = page_path(root, stem, lang)
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    sync_all(root)


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines, 1) if text in line]
    assert len(found) == 1, f"{text!r} should be on exactly one line of {path}"
    return found[0]


# ---------------------------------------------------------------- the valid site


def test_the_valid_site_has_no_problem(site: Path) -> None:
    ctx = load_context(site, TODAY)
    assert len(ctx.pages) == 2 * (len(PAGES) + 1) and list(ctx.sheets) == [SHEET]
    assert report(site) == []


# ---------------------------------------------------------------- LINK


def test_link_to_a_missing_page(site: Path) -> None:
    edit(site, ALLIANCE, "fr", "[alliance](glossaire.md#alliance)", "[alliance](ruptures.md)")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:18:11: LINK001 broken link 'ruptures.md': "
        "no page docs/comprendre/ruptures.fr.md",
    ]


def test_link_to_a_file_the_build_does_not_produce(site: Path) -> None:
    # A paper size that no sheet comes in: the English link is right, the French one is not.
    append(site, ALLIANCE, "fr", "\n[En PDF](../fiches/pdf/mes-objectifs.fr.a5.pdf)\n")
    append(site, ALLIANCE, "en", "\n[As a PDF](../fiches/pdf/mes-objectifs.en.letter.pdf)\n")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:23:1: LINK001 broken link "
        "'../fiches/pdf/mes-objectifs.fr.a5.pdf': the build produces no file "
        "'fiches/pdf/mes-objectifs.fr.a5.pdf' for this language",
    ]


def test_link_to_the_sources_of_a_page_that_has_none(site: Path) -> None:
    # every page ends with its sources, except the references page (a list of sources)
    append(site, "index", "fr", "\nVoir [les sources](comprendre/alliance.md#sources) et "
                                "[pas ici](comprendre/references.md#sources).\n")
    assert report(site) == [
        "docs/index.fr.md:18:55: LINK002 broken link 'comprendre/references.md#sources': no "
        "heading or element with id 'sources' in docs/comprendre/references.fr.md",
    ]


def test_anchors_of_generated_blocks_are_read_from_the_blocks(site: Path) -> None:
    # the help page's first screen is #danger; the reporting routes are #signaler-<country>
    append(site, "index", "fr", "\n[Danger](aide.md#danger), [France](aide.md#fr), "
                                "[signaler](comprendre/depasser-les-limites.md#signaler-fr), "
                                "[pas ça](comprendre/depasser-les-limites.md#fr).\n")
    assert report(site) == [
        "docs/index.fr.md:18:109: LINK002 broken link 'comprendre/depasser-les-limites.md#fr': "
        "no heading or element with id 'fr' in docs/comprendre/depasser-les-limites.fr.md",
    ]


def test_link_to_a_missing_anchor(site: Path) -> None:
    edit(site, "index", "fr", "alliance.md#ce-qui-compte", "alliance.md#ce-qui-manque")
    append(site, "index", "fr", "\nRetour [en haut](#nulle-part).\n")
    assert report(site) == [
        "docs/index.fr.md:16:18: LINK002 broken link 'comprendre/alliance.md#ce-qui-manque': "
        "no heading or element with id 'ce-qui-manque' in docs/comprendre/alliance.fr.md",
        "docs/index.fr.md:18:8: LINK002 broken link '#nulle-part': "
        "no heading or element with id 'nulle-part' in this page",
    ]


# ---------------------------------------------------------------- FM


def test_unknown_field(site: Path) -> None:
    replace_in(page_path(site, "index", "fr"), "description:", "descripton:")
    assert report(site) == [
        "docs/index.fr.md:1:1: FM003 missing required field 'description'",
        "docs/index.fr.md:3:1: FM002 unknown field 'descripton' (allowed for a home page: "
        "audience, authors, description, hide, kind, last_reviewed, reviewers, sources, "
        "title, translation_sync)",
    ]


def test_missing_field(site: Path) -> None:
    replace_in(page_path(site, "index", "fr"), "authors: [equipe-editoriale]\n", "")
    assert report(site) == ["docs/index.fr.md:1:1: FM003 missing required field 'authors'"]


def test_description_too_long(site: Path) -> None:
    write_page(site, "index", "fr", page_front("index", "fr", description="a" * 161))
    assert report(site) == [
        "docs/index.fr.md:3:1: FM004 description is 161 characters long; at most 160",
    ]
    write_page(site, "index", "fr", page_front("index", "fr", description="a" * 160))
    assert report(site) == []


def test_review_date_in_the_future(site: Path) -> None:
    write_page(site, "index", "fr",
               page_front("index", "fr", last_reviewed=dt.date(2026, 11, 22)))
    assert report(site) == [
        "docs/index.fr.md:8:1: FM005 last_reviewed 2026-11-22 is in the future",
    ]
    assert report(site, today=dt.date(2026, 11, 22)) == []


def test_front_matter_that_is_not_yaml_is_one_problem(site: Path) -> None:
    # The page exists: no "missing translation" or "broken link" to it on top.
    replace_in(page_path(site, ALLIANCE, "fr"), "kind: concept", "kind: concept: oui")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:4:14: FM001 the front matter is not valid YAML: "
        "mapping values are not allowed here",
    ]


def test_front_matter_with_an_impossible_date_is_a_problem_not_a_crash(site: Path) -> None:
    replace_in(page_path(site, "index", "fr"), "last_reviewed: 2026-09-01",
               "last_reviewed: 2026-02-30")
    assert report(site) == [
        "docs/index.fr.md:8:16: FM001 in the front matter, '2026-02-30' is not a valid date "
        "(day is out of range for month)",
    ]


def test_page_without_front_matter(site: Path) -> None:
    page_path(site, TESTIMONY, "en").write_text("# An example of trust\n", encoding="utf-8")
    assert report(site) == [
        "docs/temoignages/exemple.en.md:1:1: FM001 the page has no front matter "
        "(a '---' block at the top)",
    ]


def test_sources_that_are_not_a_list(site: Path) -> None:
    # One problem; not one "unknown key" per letter of the text.
    write_page(site, "index", "fr", page_front("index", "fr", sources="bordin1979"))
    assert report(site) == ["docs/index.fr.md:9:1: FM004 sources must be a list of "
                            "bibliography keys"]
    write_page(site, "index", "fr", page_front("index", "fr", sources=1979))
    assert report(site) == ["docs/index.fr.md:9:1: FM004 sources must be a list of "
                            "bibliography keys"]


# ---------------------------------------------------------------- I18N


def test_missing_translation(site: Path) -> None:
    page_path(site, TESTIMONY, "en").unlink()
    assert report(site) == [
        "docs/temoignages/exemple.fr.md:1:1: I18N001 no en version: "
        "expected docs/temoignages/exemple.en.md",
    ]


def test_different_heading_anchors(site: Path) -> None:
    edit(site, TESTIMONY, "en", "## Trust { #confiance }", "## Trust { #trust }")
    assert report(site) == [
        "docs/temoignages/exemple.en.md:1:1: I18N002 heading anchor '#confiance' of "
        "docs/temoignages/exemple.fr.md is missing here",
        "docs/temoignages/exemple.en.md:15:1: TEST003 theme 'confiance' is declared but the "
        "page has no section '## … { #confiance }'",
        "docs/temoignages/exemple.en.md:21:1: I18N002 heading anchor '#trust' is not in "
        "docs/temoignages/exemple.fr.md",
    ]


def test_stale_translation_until_synced(site: Path) -> None:
    stale = (
        "docs/comprendre/alliance.en.md:9:1: I18N003 stale translation: "
        "docs/comprendre/alliance.fr.md changed since this page was last brought in line; "
        "update this page, then run `make sync-translations`"
    )
    fr = page_path(site, ALLIANCE, "fr")
    replace_in(fr, "aide à aller mieux", "aide à aller\n   mieux")  # layout only
    assert report(site) == []
    replace_in(fr, "aide à aller\n   mieux", "aide beaucoup à aller mieux")  # wording
    assert report(site) == [stale]
    assert sync_all(site) == ["docs/comprendre/alliance.en.md"]
    assert report(site) == []
    assert sync_all(site) == []


def test_never_synced_pair(site: Path) -> None:
    path = page_path(site, "index", "en")
    replace_in(path, f"translation_sync: {read_meta(path)['translation_sync']}\n", "")
    assert report(site) == [
        "docs/index.en.md:1:1: I18N003 never brought in line with docs/index.fr.md: "
        "run `make sync-translations` once both say the same",
    ]


def test_page_without_a_language_in_its_name(site: Path) -> None:
    (site / "docs/nouvelle.md").write_text("---\ntitle: Nouvelle\n---\n\n# Nouvelle\n",
                                          encoding="utf-8")
    (site / "docs/autre.de.md").write_text("---\ntitle: Andere\n---\n\n# Andere\n",
                                          encoding="utf-8")
    assert report(site) == [
        f"docs/{name}:1:1: I18N004 a page's file name must end in .fr.md or .en.md "
        "(languages: fr, en)" for name in ("autre.de.md", "nouvelle.md")
    ]


def test_different_citations(site: Path) -> None:
    edit(site, ALLIANCE, "en", " [@horvath1991]", "")
    assert report(site) == [
        "docs/comprendre/alliance.en.md:1:1: I18N005 citations differ from "
        "docs/comprendre/alliance.fr.md (only in fr: horvath1991)",
    ]


# ---------------------------------------------------------------- CITE


def test_unknown_citation_key(site: Path) -> None:
    edit(site, ALLIANCE, "fr", "[@bordin1979]", "[@bordin1979; @inconnu2020]")
    edit(site, ALLIANCE, "en", "[@bordin1979]", "[@bordin1979; @inconnu2020]")
    write_page(site, "index", "fr", page_front("index", "fr", sources=["inconnu2021"]))
    assert report(site) == [
        "docs/comprendre/alliance.en.md:14:77: CITE001 unknown citation key '@inconnu2020': "
        "not in docs/_data/bibliography.yml",
        "docs/comprendre/alliance.fr.md:14:73: CITE001 unknown citation key '@inconnu2020': "
        "not in docs/_data/bibliography.yml",
        "docs/index.fr.md:9:1: CITE001 unknown bibliography key 'inconnu2021' in sources",
    ]


def test_unused_bibliography_entry(site: Path) -> None:
    bibliography = site / "docs/_data/bibliography.yml"
    bibliography.write_text(BIBLIOGRAPHY + 'freud1912:\n  type: book\n  publisher: "Hogarth Press"'
                            '\n  authors: ["Freud, S."]\n  year: 1912\n  title: "The dynamics of transference"\n',
                            encoding="utf-8")
    assert report(site) == [
        "docs/_data/bibliography.yml:16:1: CITE002 entry 'freud1912' is cited nowhere: "
        "cite it or remove it",
    ]


def test_citations_without_a_references_page(site: Path) -> None:
    page_path(site, "comprendre/references", "en").unlink()
    page_path(site, "comprendre/references", "fr").unlink()
    assert report(site) == [
        "docs/comprendre/alliance.en.md:14:64: CITE004 citations link to the references page, "
        "but there is no docs/comprendre/references.en.md",
        "docs/comprendre/alliance.fr.md:14:60: CITE004 citations link to the references page, "
        "but there is no docs/comprendre/references.fr.md",
        "docs/comprendre/references.en.md:1:1: MARK002 this page is missing: it carries the "
        "generated block '<!-- bibliography -->'",
        "docs/comprendre/references.fr.md:1:1: MARK002 this page is missing: it carries the "
        "generated block '<!-- bibliography -->'",
    ]


def test_figure_is_covered_by_its_sentence_or_the_one_before(site: Path) -> None:
    append(site, ALLIANCE, "fr",
           "\nUne synthèse le montre [@horvath1991]. L'effet moyen est r = .28.\n"
           "\nLe lien est net [@horvath1991]. Il est modeste.\nL'effet est r = .28.\n"
           "\nL'effet est r = .28. C'est modeste [@horvath1991].\n"
           "\nHorvath et al. (1991) trouvent\nr = .28 [@horvath1991].\n")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:26:13: CITE003 figure 'r = .28' without a citation in "
        "its sentence or the sentence before: add [@key]",
        "docs/comprendre/alliance.fr.md:28:13: CITE003 figure 'r = .28' without a citation in "
        "its sentence or the sentence before: add [@key]",
    ]


# ---------------------------------------------------------------- TEST


def test_testimony_without_consent(site: Path) -> None:
    replace_in(page_path(site, TESTIMONY, "fr"), "  consent: Composite écrit par l'équipe "
               "éditoriale\u00a0; aucune personne réelle.\n", "")
    assert report(site) == [
        "docs/temoignages/exemple.fr.md:9:1: TEST001 testimony consent is missing: "
        "say on what basis it is published",
    ]


def test_email_in_a_testimony(site: Path) -> None:
    edit(site, TESTIMONY, "fr", "J'ai attendu.",
         "Écrivez à temoignages@alliance-soin.example.\nOu à marie.d@exemple.fr. J'ai attendu.")
    assert report(site) == [
        "docs/temoignages/exemple.fr.md:30:6: TEST002 looks like an e-mail address "
        "('marie.d@exemple.fr'): a testimony must not identify anyone",
    ]


def test_testimony_themes_and_sections_agree_both_ways(site: Path) -> None:
    replace_in(page_path(site, TESTIMONY, "fr"), "themes: [confiance]", "themes: [confiance, tournant]")
    append(site, TESTIMONY, "en", "\n## The turning point { #tournant }\n\nIt changed.\n")
    assert report(site) == [
        "docs/temoignages/exemple.en.md:31:1: I18N002 heading anchor '#tournant' is not in "
        "docs/temoignages/exemple.fr.md",
        "docs/temoignages/exemple.en.md:31:1: TEST003 section '#tournant' is a theme not "
        "declared in the front matter: add it to 'themes' (or give the section another id)",
        "docs/temoignages/exemple.fr.md:15:1: TEST003 theme 'tournant' is declared but the page "
        "has no section '## … { #tournant }'",
    ]


def test_denylisted_name(site: Path) -> None:
    denylist = site / "docs/_data/names_denylist.txt"
    denylist.write_text(denylist.read_text(encoding="utf-8") + name_hash("Bérénice") + "\n",
                        encoding="utf-8")
    assert report(site) == []
    edit(site, TESTIMONY, "fr", "J'avais peur de parler.", "J'avais peur de parler à Bérénice.")
    assert report(site) == [
        "docs/temoignages/exemple.fr.md:25:26: TEST002 a name from the denylist appears here: "
        "remove it (testimonies are anonymous)",
    ]


def test_denylisted_place_of_several_words(site: Path) -> None:
    denylist = site / "docs/_data/names_denylist.txt"
    denylist.write_text(denylist.read_text(encoding="utf-8") + name_hash("Pôle  Santé Nord")
                        + "\n", encoding="utf-8")
    edit(site, TESTIMONY, "fr", "J'avais peur de parler.",
         "J'avais peur de parler au Pôle santé nord, pas au pôle sud.")
    assert report(site) == [
        "docs/temoignages/exemple.fr.md:25:27: TEST002 a name from the denylist appears here: "
        "remove it (testimonies are anonymous)",
    ]


# ---------------------------------------------------------------- IMG, EXT, GLOS


def test_image_without_alternative(site: Path) -> None:
    edit(site, ALLIANCE, "fr", "![Trois cercles\u00a0: objectifs, tâches et lien]", "![]")
    edit(site, ALLIANCE, "en", "![Three circles: goals, tasks and bond]", "![schema]")
    assert report(site) == [
        "docs/comprendre/alliance.en.md:21:1: IMG001 image '../assets/schema.svg' needs a text "
        "alternative that says what it shows (not empty, not its file name)",
        "docs/comprendre/alliance.fr.md:21:1: IMG001 image '../assets/schema.svg' needs a text "
        "alternative that says what it shows (not empty, not its file name)",
    ]


@pytest.mark.parametrize(("url", "message"), [
    ("http://example.org/", "EXT001 external link 'http://example.org/' must use https"),
    ("https://example.org/?utm_source=news&id=3",
     "EXT002 external link 'https://example.org/?utm_source=news&id=3' carries tracking "
     "parameters (utm_source): remove them"),
    ("https://bit.ly/3abc", "EXT003 external link 'https://bit.ly/3abc' uses a URL shortener: "
                            "link to the real address"),
])
def test_external_links(site: Path, url: str, message: str) -> None:
    append(site, "index", "fr", f"\nVoir [ce site]({url}).\n")
    assert report(site) == [f"docs/index.fr.md:18:6: {message}"]


def test_glossary_term_without_english(site: Path) -> None:
    (site / "docs/_data/glossary.yml").write_text(
        "alliance:\n"
        "  fr: {term: Alliance, definition: La relation de travail.}\n"
        "  en: {term: Alliance, definition: The working relationship.}\n"
        "lien:\n"
        "  fr: {term: Lien, definition: La confiance entre vous.}\n", encoding="utf-8")
    assert report(site) == [
        "docs/_data/glossary.yml:4:1: GLOS001 term 'lien' needs a term and a definition in 'en'",
    ]


def test_link_to_an_unknown_glossary_term(site: Path) -> None:
    edit(site, ALLIANCE, "fr", "glossaire.md#alliance", "glossaire.md#aliance")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:18:11: GLOS002 'aliance' is marked as a glossary term "
        "but is not in docs/_data/glossary.yml",
    ]


# ---------------------------------------------------------------- HELP


def test_phone_numbers_must_be_help_lines(site: Path) -> None:
    append(site, "index", "fr", "\nEn cas d'urgence, appelez le 3114.\n"
                                "\nMon cabinet\u00a0: 01 23 45 67 89.\n"
                                "\nLe 3115 répond aussi\u00a0; venez 10 minutes avant.\n"
                                '\nLe dossier <span class="not-phone">3120</span> est clos.\n')
    assert report(site) == [
        f"docs/index.fr.md:20:15: HELP001 phone number '01 23 45 67 89' {NOT_A_HELP_LINE}",
        f"docs/index.fr.md:22:4: HELP001 phone number '3115' {NOT_A_HELP_LINE}",
    ]


def test_help_line_numbers_are_well_formed(site: Path) -> None:
    data = site / "docs/_data/helplines.yml"
    replace_in(data, 'number: "1813"', 'number: "18l3"')
    replace_in(data, "1 866 APPELLE (1 866 277-3553)", "1 866 APPELE (1 866 277-3553)")
    replace_in(data, 'number: "143"', "number: 143")
    assert report(site) == [
        f"docs/_data/helplines.yml:{line_of(data, '18l3')}:1: HELP003 number '18l3' is not well "
        "formed: digits in groups separated by spaces (or hyphens), after an optional '+'; put "
        "a letter form in 'display'",
        f"docs/_data/helplines.yml:{line_of(data, 'number: 143')}:1: HELP003 number 143 must "
        "be written in quotes, so that it is kept as written",
        f"docs/_data/helplines.yml:{line_of(data, 'APPELE')}:1: HELP003 display '1 866 APPELE "
        "(1 866 277-3553)' does not match number '1 866 277-3553': the letters must be the "
        "keypad letters of the number, its digits given in brackets",
    ]


def test_phone_numbers_in_a_sheet_source(site: Path) -> None:
    source = site / SHEET_SOURCE
    replace_in(source, '    - "Write two or three goals, in your own words."\n',
               '    - "Write two or three goals, in your own words."\n'
               '    - "If things get hard, call 116 124, or rate it from 0 to 100."\n')
    line = line_of(source, "116 124")
    assert report(site) == [
        f"{SHEET_SOURCE}:{line}:33: HELP001 phone number '116 124' {NOT_A_HELP_LINE}",
    ]


def test_phone_numbers_in_titles_and_shown_data(site: Path) -> None:
    write_page(site, "index", "fr", page_front("index", "fr",
                                               description="Besoin d'aide\u00a0? Appelez le 3115."))
    glossary = site / "docs/_data/glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    first = re.search(r"definition: \"?", text)
    glossary.write_text(text[:first.end()] + "Au 0800 123 456, " + text[first.end():],
                        encoding="utf-8")
    line = line_of(glossary, "0800 123 456")
    col = glossary.read_text(encoding="utf-8").splitlines()[line - 1].index("0800") + 1
    assert report(site) == [
        f"docs/_data/glossary.yml:{line}:{col}: HELP001 phone number '0800 123 456' "
        f"{NOT_A_HELP_LINE}",
        f"docs/index.fr.md:3:1: HELP001 phone number '3115' in the description {NOT_A_HELP_LINE}",
    ]


NOT_A_HELP_LINE = ("is not a help line of docs/_data/helplines.yml: write help numbers only "
                   "through that file (or mark a number that is not a phone number "
                   '<span class="not-phone">…</span>)')


# ---------------------------------------------------------------- READ

LONG_SENTENCE = (
    "Quand vous venez en séance pour la première fois, vous pouvez dire ce que vous "
    "attendez, ce qui vous inquiète, ce que vous avez déjà essayé et ce que vous "
    "aimeriez changer avec la personne qui vous suit."
)
HARD_SENTENCE = (
    "L'anticonstitutionnalité institutionnalisée caractérise incontestablement "
    "l'internationalisation psychothérapeutique contemporaine."
)


def test_over_long_sentence_in_a_patient_page(site: Path) -> None:
    assert len(LONG_SENTENCE.split()) == 38
    append(site, ALLIANCE, "fr", f"\nUne phrase courte.\n{LONG_SENTENCE}\n")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:24:1: READ002 sentence of 38 words (at most 30 in a "
        "page for patients): 'Quand vous venez en séance pour la première fois, vous pouve…'",
    ]
    # the same page for trainees and therapists only: no reading-level limits
    replace_in(page_path(site, ALLIANCE, "fr"), "audience: [patients, trainees, therapists]",
               "audience: [trainees, therapists]")
    assert report(site) == []


def test_over_long_sentence_in_a_summary_box(site: Path) -> None:
    append(site, ALLIANCE, "fr", f'\n!!! abstract "En bref"\n    Une phrase courte.\n    {LONG_SENTENCE}\n')
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:25:1: READ002 sentence of 38 words (at most 30 in a "
        "page for patients): 'Quand vous venez en séance pour la première fois, vous pouve…'",
    ]


def test_hard_page_for_patients(site: Path) -> None:
    append(site, "index", "fr", "\n" + "\n".join([HARD_SENTENCE] * 8) + "\n")
    assert report(site) == [
        "docs/index.fr.md:1:1: READ001 readability score -190 is below 55 for a page for "
        "patients: shorter sentences, shorter words",
    ]


# ---------------------------------------------------------------- TYPO


def test_guillemets_need_non_breaking_spaces(site: Path) -> None:
    append(site, ALLIANCE, "fr", "\nVous dites « oui » trop vite.\n"
                                 "\nVous dites «\u00a0non\u00a0» parfois.\n")
    append(site, ALLIANCE, "en", "\nIn French, « oui » is yes.\n")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:23:12: TYPO001 « must be followed by a non-breaking "
        "space (U+00A0)",
        "docs/comprendre/alliance.fr.md:23:18: TYPO001 » must be preceded by a non-breaking "
        "space (U+00A0)",
    ]


def test_point_median(site: Path) -> None:
    append(site, "index", "fr", "\nChaque patient·e compte.\n")
    assert report(site) == [
        "docs/index.fr.md:18:15: TYPO002 point médian: prefer epicene wording (screen readers "
        "read it badly)",
    ]


# ---------------------------------------------------------------- SHEET and data files


def test_unknown_field_type_in_a_sheet(site: Path) -> None:
    source = site / SHEET_SOURCE
    replace_in(source, "    type: short_text\n", "    type: textarea\n")
    line = line_of(source, "type: textarea")
    # the sheet pages exist and name an existing data file: only the data file is reported
    assert report(site) == [
        f"{SHEET_SOURCE}:{line}:1: SHEET003 unknown field type 'textarea' (expected one of: "
        "short_text, long_text, scale, checkboxes, table, date)",
    ]
    assert line > 40  # in the fields, far from the top of the file


def test_sheet_list_field_given_as_text(site: Path) -> None:
    source = site / SHEET_SOURCE
    line = line_of(source, "authors:")
    text = source.read_text(encoding="utf-8")
    source.write_text(re.sub(r"(?m)^authors:.*$", 'authors: "Équipe éditoriale Alliance"', text),
                      encoding="utf-8")
    assert report(site) == [f"{SHEET_SOURCE}:{line}:1: SHEET001 authors must be a list of texts"]


def test_sheet_without_french(site: Path) -> None:
    source = site / SHEET_SOURCE
    text = source.read_text(encoding="utf-8")
    without_fr = re.sub(r"\nfr:\n.*?\n(?=en:\n)", "\n", text, flags=re.DOTALL)
    assert "\nfr:" not in without_fr and "\nen:\n" in without_fr
    source.write_text(without_fr, encoding="utf-8")
    assert report(site) == [f"{SHEET_SOURCE}:1:1: SHEET001 missing required key 'fr'"]


def test_sheet_without_its_page(site: Path) -> None:
    page_path(site, f"fiches/{SHEET}", "en").unlink()
    assert report(site) == [
        f"{SHEET_SOURCE}:1:1: SHEET004 no en page for this sheet: create "
        f"docs/fiches/{SHEET}.en.md with kind: sheet",
        f"docs/comprendre/alliance.en.md:19:15: LINK001 broken link '../fiches/{SHEET}.md': "
        f"no page docs/fiches/{SHEET}.en.md",
        f"docs/fiches/{SHEET}.fr.md:1:1: I18N001 no en version: expected "
        f"docs/fiches/{SHEET}.en.md",
    ]


def test_malformed_data_file(site: Path) -> None:
    replace_in(site / "docs/_data/site.yml",
               'code_licence: {name: "MIT", url: "https://opensource.org/license/mit"}',
               'code_licence: name: "MIT"')
    assert report(site) == [
        "docs/_data/site.yml:5:19: YAML001 this is not valid YAML: "
        "mapping values are not allowed here",
    ]


def test_sheet_with_an_impossible_date(site: Path) -> None:
    source = site / SHEET_SOURCE
    replace_in(source, "last_reviewed: 2026-09-01", "last_reviewed: 2026-13-01")
    line = line_of(source, "last_reviewed:")
    assert report(site) == [
        f"{SHEET_SOURCE}:{line}:16: YAML001 '2026-13-01' is not a valid date "
        "(month must be in 1..12)",
    ]


# ---------------------------------------------------------------- all together


def test_every_problem_is_reported_at_once_grouped_by_file(site: Path) -> None:
    replace_in(page_path(site, "index", "fr"), "authors: [equipe-editoriale]\n", "")
    append(site, "index", "fr", "\nChaque patient·e compte.\n")
    edit(site, ALLIANCE, "fr", "[alliance](glossaire.md#alliance)", "[alliance](ruptures.md)")
    found = problems(site)
    assert format_report(found) == (
        "docs/comprendre/alliance.fr.md:18:11: LINK001 broken link 'ruptures.md': "
        "no page docs/comprendre/ruptures.fr.md\n"
        "\n"
        "docs/index.fr.md:1:1: FM003 missing required field 'authors'\n"
        "docs/index.fr.md:17:15: TYPO002 point médian: prefer epicene wording (screen readers "
        "read it badly)\n"
        "\n"
        "3 problems in 2 files."
    )


# ---------------------------------------------------------------- command line


def run_cli(root: Path) -> subprocess.CompletedProcess[str]:
    python = VENV_BIN / "python" if (VENV_BIN / "python").exists() else Path(sys.executable)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(python), "-m", "alliance", "--root", str(root), "check"],
                          cwd=HOOKS, env=env, capture_output=True, text=True, timeout=120)


def test_command_line_reports_the_same_problems(site: Path) -> None:
    edit(site, ALLIANCE, "fr", "[alliance](glossaire.md#alliance)", "[alliance](ruptures.md)")
    append(site, "index", "fr", "\nChaque patient·e compte.\n")
    result = run_cli(site)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == format_report(problems(site)) + "\n"
    assert "docs/index.fr.md:18:15: TYPO002 point médian" in result.stderr
    assert result.stderr.endswith("\n2 problems in 2 files.\n")


def test_command_line_passes_on_the_valid_site(site: Path) -> None:
    result = run_cli(site)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == ("All checks passed: 28 pages, 1 sheets. "
                             "External links listed in build/reports/external-links.tsv.\n")


# ---------------------------------------------------------------- the MkDocs build


def without_nav(config: str) -> str:
    """mkdocs.yml without its `nav:` section (the test site has only a few pages)."""
    head, nav = config.split("\nnav:\n")
    assert all(line.startswith("  ") for line in nav.splitlines() if line.strip()), \
        "nav: should be the last section of mkdocs.yml"
    return head + "\n"


def test_strict_build_fails_with_the_same_message(site: Path, tmp_path: Path) -> None:
    (site / "mkdocs.yml").write_text(
        without_nav((REPO / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "hooks", site / "hooks", ignore=ignore)
    shutil.copytree(REPO / "overrides", site / "overrides", ignore=ignore)
    shutil.copytree(REPO / "docs/assets", site / "docs/assets", dirs_exist_ok=True)
    edit(site, ALLIANCE, "fr", "[alliance](glossaire.md#alliance)", "[alliance](ruptures.md)")
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>a previous build</p>", encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(site / "hooks"))
    mkdocs = VENV_BIN / "mkdocs" if (VENV_BIN / "mkdocs").exists() else None
    command = [str(mkdocs)] if mkdocs else [sys.executable, "-m", "mkdocs"]
    result = subprocess.run([*command, "build", "--strict", "-d", str(out)], cwd=site, env=env,
                            capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert ("docs/comprendre/alliance.fr.md:18:11: LINK001 broken link 'ruptures.md': "
            "no page docs/comprendre/ruptures.fr.md\n") in output, output
    assert "1 problem in 1 file." in output
    assert "Traceback" not in output
    assert not (out / "index.html").exists(), "a failed build must leave no site behind"


# ---------------------------------------------------------------- NAV


def test_nav_and_pages_agree(site: Path) -> None:
    stems = sorted(p.relative_to(site / "docs").as_posix().split(".")[0]
                   for p in (site / "docs").rglob("*.fr.md"))
    entries = "".join(f"  - {stem}.md\n" for stem in stems if stem != "aide")
    (site / "mkdocs.yml").write_text("site_url: !ENV [SITE_URL, 'https://x.example/']\nnav:\n"
                                     + entries + "  - Gone: comprendre/disparue.md\n",
                                     encoding="utf-8")
    assert report(site) == [
        "docs/aide.en.md:1:1: NAV002 this page is not in the nav of mkdocs.yml: add 'aide.md' "
        "where readers should find it",
        "docs/aide.fr.md:1:1: NAV002 this page is not in the nav of mkdocs.yml: add 'aide.md' "
        "where readers should find it",
        f"mkdocs.yml:{len(stems) + 2}:1: NAV001 nav entry 'comprendre/disparue.md' has no page "
        "docs/comprendre/disparue.en.md",
        f"mkdocs.yml:{len(stems) + 2}:1: NAV001 nav entry 'comprendre/disparue.md' has no page "
        "docs/comprendre/disparue.fr.md",
    ]


def test_link_to_the_other_languages_file_or_image(site: Path) -> None:
    append(site, "index", "en", "\nSee [the French page](comprendre/alliance.fr.md) and "
                                "[this one](comprendre/alliance.en.md).\n")
    (site / "docs/assets/schema.svg").unlink()  # only the English image is left
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:21:1: LINK001 broken link '../assets/schema.svg': the "
        "build produces no file 'assets/schema.svg' for this language",
        "docs/index.en.md:18:5: LINK001 broken link 'comprendre/alliance.fr.md': from a page in "
        "'en', a link cannot reach the 'fr' file; write 'alliance.md', the build links each "
        "language to its own page",
    ]


# ---------------------------------------------------------------- MARK

# Every marker of the registry is named, in order, whatever markers are added later.
KNOWN_MARKERS = ", ".join(f"<!-- {name} -->" for name in sorted(MARKERS))


def test_unknown_marker_lists_the_known_ones(site: Path) -> None:
    append(site, ALLIANCE, "fr", "\n<!-- glosary -->\n\n    <!-- in-indented-code -->\n")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:23:1: MARK001 unknown marker '<!-- glosary -->' "
        f"(known markers: {KNOWN_MARKERS})",
    ]


def test_page_without_its_marker_loses_its_block(site: Path) -> None:
    edit(site, "comprendre/glossaire", "en", "<!-- glossary -->", "Glossary to come.")
    assert report(site) == [
        "docs/comprendre/glossaire.en.md:12:1: MARK002 this page must carry the marker "
        "'<!-- glossary -->' on a line of its own: without it, its generated block is missing",
    ]


def test_missing_help_page_and_easy_help_page_without_marker(site: Path) -> None:
    # both languages of the help page gone: no translation check notices, MARK002 does
    page_path(site, "aide", "fr").unlink()
    page_path(site, "aide", "en").unlink()
    assert report(site) == [
        "docs/aide.en.md:1:1: MARK002 this page is missing: it carries the generated block "
        "'<!-- helplines -->'",
        "docs/aide.fr.md:1:1: MARK002 this page is missing: it carries the generated block "
        "'<!-- helplines -->'",
    ]


def test_easy_read_help_page_needs_the_help_lines(site: Path) -> None:
    for lang, title in (("fr", "Aide facile"), ("en", "Easy help")):
        write_page(site, "facile/aide", lang,
                   page_front("aide", lang, kind="easy", standard="aide", title=title),
                   f"# {title}\n\nCall for help.\n")
    sync_all(site)
    assert report(site) == [
        "docs/facile/aide.en.md:13:1: MARK002 this page must carry the marker "
        "'<!-- helplines -->' on a line of its own: without it, its generated block is missing",
        "docs/facile/aide.fr.md:13:1: MARK002 this page must carry the marker "
        "'<!-- helplines -->' on a line of its own: without it, its generated block is missing",
    ]


# ---------------------------------------------------------------- ID


def test_duplicate_ids_on_a_page(site: Path) -> None:
    append(site, ALLIANCE, "fr", "\n## Ce qui compte aussi { #ce-qui-compte }\n"
                                 "\n## Une *vraie* question\n\n## Une vraie question\n"
                                 "\n## Sources\n")
    assert report(site) == [
        "docs/comprendre/alliance.en.md:1:1: I18N002 heading anchors are not in the same order "
        "as in docs/comprendre/alliance.fr.md",
        "docs/comprendre/alliance.fr.md:23:1: ID001 id 'ce-qui-compte' is already used on "
        "line 16 of this page: give each heading its own id",
        "docs/comprendre/alliance.fr.md:27:1: ID001 id 'une-vraie-question' is already used "
        "on line 25 of this page: give each heading its own id",
        "docs/comprendre/alliance.fr.md:29:1: ID001 id 'sources' is also given by the build "
        "to a generated part of this page: choose another id",
    ]


# ---------------------------------------------------------------- reading Markdown as Markdown


def test_code_is_not_read_as_links_or_markers(site: Path) -> None:
    for lang in ("fr", "en"):
        append(site, ALLIANCE, lang, "\nWrite `[x](nowhere.md)` or `<!-- glosary -->`.\n"
                                     "\n    [x](nowhere.md) [@nobody]\n"
                                     "\n```\n[x](nowhere.md)\n```\n")
    assert report(site) == []


def test_reference_links_are_resolved(site: Path) -> None:
    append(site, ALLIANCE, "fr", "\nVoir [la page][rupt] et [Ruptures].\n"
                                 "\n[rupt]: ruptures.md\n[ruptures]: ailleurs.md#rien\n")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:23:6: LINK001 broken link 'ruptures.md': "
        "no page docs/comprendre/ruptures.fr.md",
        "docs/comprendre/alliance.fr.md:23:25: LINK001 broken link 'ailleurs.md#rien': "
        "no page docs/comprendre/ailleurs.fr.md",
    ]


def test_links_with_a_title_are_read(site: Path) -> None:
    append(site, ALLIANCE, "fr", "\nVoir [ceci](nulle.md 'titre'), [cela](rien.md (titre))\n"
                                 'et [encore](absent.md "titre").\n')
    assert [(p.line, p.col, p.code, p.message.split("'")[1]) for p in problems(site)] == [
        (23, 6, "LINK001", "nulle.md"), (23, 32, "LINK001", "rien.md"),
        (24, 4, "LINK001", "absent.md")]


def test_heading_slugs_are_the_renderers(site: Path) -> None:
    # toc drops the emphasis and keeps the link text: "le-vrai-lien-utile"
    for lang in ("fr", "en"):
        append(site, ALLIANCE, lang, "\n## Le *vrai* [lien](glossaire.md) utile\n"
                                     "\nVoir [plus haut](#le-vrai-lien-utile).\n")
    assert report(site) == []
    append(site, ALLIANCE, "en", "\nSee [above](#le-vrai-glossairemd-utile).\n")
    assert report(site) == [
        "docs/comprendre/alliance.en.md:27:5: LINK002 broken link '#le-vrai-glossairemd-utile': "
        "no heading or element with id 'le-vrai-glossairemd-utile' in this page",
    ]


# ---------------------------------------------------------------- YAML002


def test_duplicate_keys_name_both_lines(site: Path) -> None:
    bib = site / "docs/_data/bibliography.yml"
    replace_in(bib, "  volume: 16\n", "  volume: 16\n  year: 1980\n")
    replace_in(site / SHEET_SOURCE, "max_pages: 2 ", "max_pages: 3\nmax_pages: 2 ")
    replace_in(page_path(site, ALLIANCE, "en"), "kind: concept\n",
               "kind: concept\nkind: concept\n")
    sheet_line = line_of(site / SHEET_SOURCE, "max_pages: 2")
    assert report(site) == [
        "docs/_data/bibliography.yml:9:3: YAML002 key 'year' is written twice (lines 5 and "
        "9): YAML would keep the last one silently; remove one",
        f"{SHEET_SOURCE}:{sheet_line}:1: YAML002 key 'max_pages' is written twice (lines "
        f"{sheet_line - 1} and {sheet_line}): YAML would keep the last one silently; remove one",
        "docs/comprendre/alliance.en.md:5:1: YAML002 key 'kind' is written twice (lines 4 and "
        "5): YAML would keep the last one silently; remove one",
    ]


# ---------------------------------------------------------------- OUT (the built site)

HELP_HTML = ('<ul><li><a href="tel:3114">3114</a></li><li><a href="tel:0800 32 123">'
             "0800 32 123</a></li></ul>")


def test_built_help_page_must_dial_every_number(tmp_path: Path) -> None:
    from alliance.checks.output import help_page_problems

    assert [str(p) for p in help_page_problems(HELP_HTML, "site/aide/index.html",
                                               {"3114", "080032123", "15"})] == [
        "site/aide/index.html:1:1: OUT002 'tel:0800 32 123' is not a working tel: link "
        "(only digits, after an optional +)",
        "site/aide/index.html:1:1: OUT001 no tel: or sms: link reaches 080032123, a number of "
        "docs/_data/helplines.yml: the help page lost it",
        "site/aide/index.html:1:1: OUT001 no tel: or sms: link reaches 15, a number of "
        "docs/_data/helplines.yml: the help page lost it",
    ]


def test_built_site_without_help_page(site: Path, tmp_path: Path) -> None:
    from alliance.checks.output import check_site

    out = tmp_path / "site"
    (out / "aide").mkdir(parents=True)
    numbers = sorted(load_context(site, TODAY).data.helpline_digits())
    (out / "aide/index.html").write_text(
        "".join(f'<a href="tel:{n}">{n}</a>' for n in numbers), encoding="utf-8")
    assert [str(p) for p in check_site(out, load_context(site, TODAY))] == [
        "site/en/aide/index.html:1:1: OUT001 the help page was not built",
    ]


# ---------------------------------------------------------------- every other code, one test each


def test_missing_data_file(site: Path) -> None:
    (site / "docs/_data/site.yml").unlink()
    assert report(site) == ["docs/_data/site.yml:1:1: DATA001 data file is missing"]


def test_unreadable_data_file_is_one_problem(site: Path) -> None:
    glossary = site / "docs/_data/glossary.yml"
    glossary.unlink()
    glossary.mkdir()  # exists, cannot be read: no "unknown term" for every link on top
    found = report(site)
    assert len(found) == 1 and found[0].startswith(
        "docs/_data/glossary.yml:1:1: FILE001 cannot read this file: [Errno 21] Is a directory")


def test_data_file_of_the_wrong_shape(site: Path) -> None:
    replace_in(site / "docs/_data/testimony_themes.yml",
               'tournant: {fr: "Le tournant", en: "The turning point"}',
               'tournant: {fr: "Le tournant"}')
    replace_in(site / "docs/_data/helplines.yml", "\nverified: ",
               "\nchecked_by: nobody\nverified: ")
    helplines = site / "docs/_data/helplines.yml"
    assert report(site) == [
        f"docs/_data/helplines.yml:{line_of(helplines, 'checked_by')}:1: DATA003 unknown key "
        "'checked_by' (expected one of countries, first_screen, order, search_words, verified)",
        "docs/_data/testimony_themes.yml:5:1: DATA002 theme 'tournant' needs a label in fr "
        "and en",
    ]


def test_help_search_words_need_both_languages(site: Path) -> None:
    data = site / "docs/_data/helplines.yml"
    text = data.read_text(encoding="utf-8")
    start = text.index("\nsearch_words:")
    end = text.index("\ncountries:")
    data.write_text(text[:start] + "\nsearch_words:\n  fr: [urgence]" + text[end:], encoding="utf-8")
    line = line_of(data, "fr: [urgence]") - 1  # the key, on the line above
    assert report(site) == [
        f"docs/_data/helplines.yml:{line}:1: DATA002 'search_words' needs a list of words in fr "
        "and in en",
    ]


def test_broken_help_lines_data_is_reported_not_a_crash(site: Path) -> None:
    # the help page's block cannot be expanded from it: the data problem is what is reported
    data = site / "docs/_data/helplines.yml"
    replace_in(data, 'name: {fr: "Belgique", en: "Belgium"}', "nom: Belgique")
    countries = "fr, ch, qc, ca, us, uk, ie"  # Belgium is left out of the known countries
    fr_order, en_order = line_of(data, "  fr: [fr, be"), line_of(data, "  en: [uk, ie, us")
    assert report(site) == [
        f"docs/_data/helplines.yml:{fr_order}:1: DATA002 'order.fr' must list every country id "
        f"once: {countries}",
        f"docs/_data/helplines.yml:{en_order}:1: DATA002 'order.en' must list every country id "
        f"once: {countries}",
        f"docs/_data/helplines.yml:{line_of(data, 'id: be') }:1: DATA002 each country needs an "
        "id and a name in fr and en",
    ]


def test_titles_are_unique(site: Path) -> None:
    write_page(site, "comprendre/references", "fr",
               page_front("comprendre/references", "fr", title="Glossaire"))
    assert report(site) == [
        "docs/comprendre/references.fr.md:2:1: FM006 title 'Glossaire' is already used by "
        "docs/comprendre/glossaire.fr.md; titles must be unique",
    ]


def test_absolute_link(site: Path) -> None:
    append(site, "index", "fr", "\n[Accueil](/index.md)\n")
    assert report(site) == [
        "docs/index.fr.md:18:1: LINK003 absolute link '/index.md': write a relative link to the "
        "Markdown file instead",
    ]


def test_reporting_route_without_its_source(site: Path) -> None:
    routes = site / "docs/_data/reporting_routes.yml"
    text = routes.read_text(encoding="utf-8")
    first = re.search(r'source: "https://[^"]+"', text).group(0)
    routes.write_text(text.replace(first, 'source: "service-public.fr"', 1), encoding="utf-8")
    line = line_of(routes, 'source: "service-public.fr"')
    assert report(site) == [
        f"docs/_data/reporting_routes.yml:{line}:1: ROUTE002 "
        "route: 'source' must be the URL of the official source that confirms it",
    ]


def test_sheet_id_must_match_its_file(site: Path) -> None:
    replace_in(site / SHEET_SOURCE, "id: mes-objectifs", "id: mes-buts")
    assert report(site) == [
        f"{SHEET_SOURCE}:3:1: SHEET002 id 'mes-buts' must match the file name 'mes-objectifs'",
    ]


def test_related_page_must_link_to_the_sheet(site: Path) -> None:
    replace_in(site / SHEET_SOURCE, "related: []", "related: [comprendre/glossaire]")
    assert report(site) == [
        f"docs/comprendre/glossaire.{lang}.md:1:1: SHEET005 this page is listed as related to "
        f"the sheet '{SHEET}' but does not link to ../fiches/{SHEET}.md" for lang in ("en", "fr")
    ]


def test_sheet_that_is_not_a_test_says_so(site: Path) -> None:
    replace_in(site / SHEET_SOURCE, "reflection_aid: true", "reflection_aid: false")
    found = report(site)
    assert len(found) == 1 and found[0].startswith(
        f"{SHEET_SOURCE}:9:1: SHEET006 reflection_aid is false without a reason")


def test_easy_read_pages_name_one_existing_standard_page(site: Path) -> None:
    pages = {"a": None, "b": "rien", "c": "facile/a", "d": ALLIANCE, "e": ALLIANCE}
    for lang in ("fr", "en"):
        for name, standard in pages.items():
            write_page(site, f"facile/{name}", lang,
                       page_front("index", lang, kind="easy", standard=standard,
                                  title=f"{name} {lang}"), f"# {name}\n\nUn.\n")
    sync_all(site)
    assert report(site) == sorted(line for lang in ("en", "fr") for line in (
        f"docs/facile/a.{lang}.md:2:1: EASY001 an easy-read page needs 'standard: <path of the "
        "usual page>' (for example comprendre/alliance)",
        f"docs/facile/b.{lang}.md:9:1: EASY002 standard page 'rien' does not exist in '{lang}'",
        f"docs/facile/c.{lang}.md:9:1: EASY003 'facile/a' is itself an easy-read page",
        f"docs/facile/e.{lang}.md:9:1: EASY004 'comprendre/alliance' already has an easy-read "
        f"version: docs/facile/d.{lang}.md",
    ))


def test_self_checks_data_of_the_wrong_shape(site: Path) -> None:
    data = site / "docs/_data/self_checks.yml"
    replace_in(data, '    explanation: {fr: "Parce que.", en: "Because."}\n',
               '    explanation: {fr: "Parce que.", en: "Because."}\n    hint: "x"\n')
    assert report(site) == [
        "docs/_data/self_checks.yml:7:1: SELF002 unknown field 'hint' (allowed: question, "
        "choices, explanation)",
    ]
    data.write_text("[]\n", encoding="utf-8")
    assert report(site)[0] == ("docs/_data/self_checks.yml:1:1: SELF001 the file must map each "
                               "step's anchor to a list of questions")


def test_bibliography_entry_of_an_unknown_type(site: Path) -> None:
    replace_in(site / "docs/_data/bibliography.yml", 'type: article\n  authors: ["Bordin',
               'type: paper\n  authors: ["Bordin')
    assert "docs/_data/bibliography.yml:3:3: BIB003 entry 'bordin1979': type must be one of " \
           "article, book, chapter, essay, report, web" in report(site)
