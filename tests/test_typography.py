"""French typography in every French source (TYPO), in the built pages (OUT003), and what
a bibliography entry must hold to be found (BIB), on the small test site of fixture_site.

Each test breaks one source in one way and compares the whole report with the lines a
writer would read: `path:line:col: CODE message`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alliance.bibliography import in_text, reference_markdown, replace_citations
from alliance.checks.output import typography_problems, without_site_menu
from alliance.french import restore_spaces, space_attributes
from fixture_site import (
    BIBLIOGRAPHY,
    SHEET,
    build_site,
    page_path,
    replace_in,
    report,
    sync_all,
)

ALLIANCE = "comprendre/alliance"
ORDINARY = ("has an ordinary space before it: use a non-breaking space (U+00A0 or U+202F), "
            "so that it never starts a line")
GLUED = "needs a non-breaking space (U+00A0 or U+202F) before it"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return build_site(tmp_path / "repo")


def append(root: Path, stem: str, lang: str, text: str) -> None:
    path = page_path(root, stem, lang)
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    sync_all(root)


# ---------------------------------------------------------------- pages


def test_high_punctuation_needs_a_non_breaking_space_in_french_pages(site: Path) -> None:
    append(site, ALLIANCE, "fr", "\nVous hésitez ? Dites-le: c'est utile.\n"
                                 "\nVoir [la page](alliance.md)\u00a0: ici. Lien https://a.example/?q=1 ; "
                                 "`code: ok`\u00a0! Heure 9:30.\n")
    append(site, ALLIANCE, "en", "\nIn English: no space? Fine!\n")
    assert report(site) == [
        f"docs/comprendre/alliance.fr.md:23:14: TYPO003 '?' {ORDINARY}",
        f"docs/comprendre/alliance.fr.md:23:24: TYPO003 ':' {GLUED}",
        f"docs/comprendre/alliance.fr.md:25:64: TYPO003 ';' {ORDINARY}",
    ]


def test_doubled_space_beside_a_non_breaking_one(site: Path) -> None:
    append(site, ALLIANCE, "fr", "\nLe mot «\u00a0\u00a0split\u00a0» et `code`\u00a0: rien.  \n"
                                 "Fin.\n")
    assert report(site) == [
        "docs/comprendre/alliance.fr.md:23:9: TYPO004 two spaces in a row, one of them "
        "non-breaking: keep a single non-breaking space",
    ]


def test_front_matter_title_is_checked(site: Path) -> None:
    path = page_path(site, ALLIANCE, "fr")
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    replace_in(path, title, 'title: "Alliance : définition"')
    sync_all(site)
    assert report(site) == [f"docs/comprendre/alliance.fr.md:2:18: TYPO003 ':' {ORDINARY}"]


# ---------------------------------------------------------------- data and sheet sources


def test_sheet_source_french_values_only(site: Path) -> None:
    source = site / f"docs/_data/sheets/{SHEET}.yml"
    text = source.read_text(encoding="utf-8")
    fr_title = next(line for line in text.splitlines() if line.startswith("  title: ")
                    and "Mes" in line)
    en_title = next(line for line in text.splitlines() if line.startswith("  title: ")
                    and "My" in line)
    replace_in(source, fr_title, '  title: "Mes objectifs : une fiche"')
    replace_in(source, en_title, '  title: "My goals : a sheet"')  # English: not checked
    line = source.read_text(encoding="utf-8").splitlines().index(
        '  title: "Mes objectifs : une fiche"') + 1
    assert report(site) == [f"docs/_data/sheets/{SHEET}.yml:{line}:25: TYPO003 ':' {ORDINARY}"]


def test_data_file_with_escapes_and_folded_text(site: Path) -> None:
    glossary = site / "docs/_data/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + (
        'essai:\n'
        '  fr:\n'
        '    term: "Essai\\u00a0: un «\\u00a0mot » ici"\n'
        '    definition: >-\n'
        '      Une ligne correcte\u00a0;\n'
        '      puis une autre ?\n'
        '  en: {term: "Test", definition: "A test: fine."}\n'), encoding="utf-8")
    lines = glossary.read_text(encoding="utf-8").splitlines()
    term = lines.index('    term: "Essai\\u00a0: un «\\u00a0mot » ici"') + 1
    assert [p for p in report(site) if "TYPO" in p] == [
        f"docs/_data/glossary.yml:{term}:39: TYPO001 » must be preceded by a non-breaking "
        "space (U+00A0)",
        f"docs/_data/glossary.yml:{term + 3}:22: TYPO003 '?' {ORDINARY}",
    ]


def test_french_bibliography_work_is_checked_english_one_is_not(site: Path) -> None:
    bibliography = site / "docs/_data/bibliography.yml"
    bibliography.write_text(BIBLIOGRAPHY.replace(
        '  title: "Relation between working alliance and outcome in psychotherapy: A meta-analysis"',
        '  title: "Relation : une étude"\n  lang: fr'), encoding="utf-8")
    line = bibliography.read_text(encoding="utf-8").splitlines().index(
        '  title: "Relation : une étude"') + 1
    assert report(site) == [f"docs/_data/bibliography.yml:{line}:20: TYPO003 ':' {ORDINARY}"]


# ---------------------------------------------------------------- interface strings


def test_python_interface_strings_in_french(site: Path) -> None:
    hooks = site / "hooks/alliance"
    hooks.mkdir(parents=True)
    (hooks / "words.py").write_text(
        'TEXT = {\n'
        '    "fr": {"ok": "Télécharger\\u00a0:", "bad": "Effacer ?",\n'
        '           "long": "Une phrase "\n'
        '                   "coupée : ici"},\n'
        '    "en": {"ok": "Download:", "also": "Erase ?"},\n'
        '}\n', encoding="utf-8")
    assert report(site) == [
        f"hooks/alliance/words.py:2:56: TYPO003 '?' {ORDINARY}",
        f"hooks/alliance/words.py:4:28: TYPO003 ':' {ORDINARY}",
    ]


def test_templates_french_branch_and_either_language(site: Path) -> None:
    partials = site / "overrides/partials"
    partials.mkdir(parents=True)
    (partials / "note.html").write_text(
        '{% if is_en %}\n<p>Note: fine. Why?</p>\n{% else %}\n<p>Note: non.</p>\n'
        '<p>Aide&nbsp;? oui</p>\n{% endif %}\n<span>{{ label }} : </span>\n'
        '{% if not is_en %}<p>Non: </p>{% else %}<p>No: </p>{% endif %}\n',
        encoding="utf-8")
    assert report(site) == [
        f"overrides/partials/note.html:4:8: TYPO003 ':' {GLUED}",
        f"overrides/partials/note.html:7:19: TYPO003 ':' {ORDINARY}",
        f"overrides/partials/note.html:8:25: TYPO003 ':' {GLUED}",
    ]


# ---------------------------------------------------------------- generated text


def test_built_french_page_text_is_checked() -> None:
    html = ('<html><body><p>Télécharger : <a href="x">PDF</a></p>\n'
            '<p lang="en">English: fine</p><code>a : b</code>\n'
            '<p>Source\u00a0: <span lang="en">Title: subtitle</span></p>\n'
            '<a href="y" aria-label="Suivant: Le modèle">Suivant</a>'
            '<img alt="Schéma : trois cercles" src="z.svg"></body></html>')
    assert [str(p) for p in typography_problems(html, "site/x/index.html")] == [
        f"site/x/index.html:1:28: OUT003 ':' {ORDINARY} (TYPO003, in text generated for "
        "this page)",
        f"site/x/index.html:4:1: OUT003 ':' {GLUED} (TYPO003, in an attribute of this element)",
        f"site/x/index.html:4:56: OUT003 ':' {ORDINARY} (TYPO003, in an attribute of this "
        "element)",
    ]


def test_the_site_menu_is_read_on_one_page_only_lines_kept() -> None:
    page = ('<header>Aide : ici</header>\n<div class="md-sidebar md-sidebar--primary">\n'
            '<a>Menu : entrée</a>\n</div>\n<div class="md-sidebar md-sidebar--secondary">\n'
            '<p>Sur cette page : ceci</p>\n</div>')
    skipped = without_site_menu(page)
    assert skipped.count("\n") == page.count("\n") and "Menu" not in skipped
    # what is not the menu is still read, on its own lines
    assert [p.line for p in typography_problems(skipped, "site/x/index.html")] == [1, 6]
    assert [p.line for p in typography_problems(page, "site/x/index.html")] == [1, 3, 6]


def test_theme_labels_in_attributes_get_their_space() -> None:
    html = '<a href="../b/" aria-label="Précédent: Le modèle de Bordin" rel="prev">'
    assert space_attributes(html) == \
        '<a href="../b/" aria-label="Précédent\u00a0: Le modèle de Bordin" rel="prev">'
    assert space_attributes('<a href="https://a.example/?q=1" title="ok">') == \
        '<a href="https://a.example/?q=1" title="ok">'


def test_table_of_contents_titles_get_their_spaces_back() -> None:
    assert restore_spaces("Un débat : égaux ? « oui »") == \
        "Un débat\u00a0: égaux\u00a0? «\u00a0oui\u00a0»"


def test_french_citations_are_separated_by_a_spaced_semicolon() -> None:
    bibliography = {"a": {"authors": ["A, B."], "year": 1990, "title": "T", "type": "book"},
                    "b": {"authors": ["C, D."], "year": 2000, "title": "U", "type": "book"}}
    assert replace_citations("[@a; @b]", "x", bibliography, "fr", []) == \
        "([A, 1990](comprendre/references.md#a)\u00a0; [C, 2000](comprendre/references.md#b))"
    assert replace_citations("[@a; @b]", "x", bibliography, "en", []) == \
        "([A, 1990](comprendre/references.md#a); [C, 2000](comprendre/references.md#b))"


# ---------------------------------------------------------------- the reference list


def test_every_author_up_to_twenty_then_ellipsis_and_last() -> None:
    twenty_six = [f"Author{n}, A." for n in range(1, 27)]
    entry = {"type": "article", "authors": twenty_six, "year": 2020, "title": "A title",
             "journal": "J", "volume": 1}
    text = reference_markdown(entry, "en")
    assert text.startswith(", ".join(twenty_six[:19]) + ", … Author26, A. (2020).")
    assert "et al." not in text and in_text(entry, "en") == "Author1 et al., 2020"
    seven = twenty_six[:7]
    assert reference_markdown({**entry, "authors": seven}, "en").startswith(
        ", ".join(seven[:6]) + ", &amp; Author7, A. (2020)")
    assert reference_markdown({**entry, "authors": seven}, "fr").startswith(
        ", ".join(seven[:6]) + " et Author7, A. (2020)")


def test_title_with_its_own_question_mark_gets_no_period_and_is_marked_english() -> None:
    entry = {"type": "article", "authors": ["Lehrer, P. M."], "year": 2014,
             "title": "How does it work?", "journal": "Frontiers", "volume": 5}
    text = reference_markdown(entry, "fr")
    assert '<span lang="en">How does it work? *Frontiers*, *5*</span>.' in text
    assert "?." not in text and "?" not in in_text(entry, "fr")


def test_unconfirmed_details_are_said_on_the_reference() -> None:
    entry = {"type": "web", "authors": ["J. G."], "year": None, "title": "Regards",
             "lang": "fr", "unconfirmed": ["year", "url"]}
    assert reference_markdown(entry, "fr") == (
        "J. G. (s. d.). *Regards*. — Non confirmés\u00a0: l'année et l'adresse en ligne.")
    assert reference_markdown(entry, "en").endswith(
        "— Not confirmed: the year and the web address.")


# ---------------------------------------------------------------- BIB


def test_entry_missing_what_its_type_needs(site: Path) -> None:
    bibliography = site / "docs/_data/bibliography.yml"
    bibliography.write_text(BIBLIOGRAPHY.replace('  volume: 16\n', '') + (
        'ohare2012:\n  type: book\n  authors: ["O\'Hare, D."]\n  year: 2012\n'
        '  title: "Cohérence cardiaque 365"\n  et_al: true\n'
        'santementale:\n  type: article\n  authors: ["Santé mentale"]\n  year: null\n'
        '  title: "Dossier"\n  journal: "Santé mentale"\n  unconfirmed: [year, volume]\n'),
        encoding="utf-8")
    found = [p for p in report(site) if "BIB" in p]
    assert found == [
        "docs/_data/bibliography.yml:2:1: BIB001 entry 'bordin1979' (article) lacks volume: "
        "a reader cannot find the work without it; add it, or, if it cannot be confirmed, "
        "name it in 'unconfirmed' (the reference will say so)",
        "docs/_data/bibliography.yml:15:1: BIB001 entry 'ohare2012' (book) lacks publisher: "
        "a reader cannot find the work without it; add it, or, if it cannot be confirmed, "
        "name it in 'unconfirmed' (the reference will say so)",
        "docs/_data/bibliography.yml:20:3: BIB002 entry 'ohare2012': unknown field 'et_al' "
        "(known: authors, book, doi, editors, issue, journal, lang, note_en, note_fr, pages, "
        "publisher, title, type, unconfirmed, url, volume, year)",
    ]
