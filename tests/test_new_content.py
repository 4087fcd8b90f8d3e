"""Issue 13: the new pages are in both languages and in the navigation, easy-read pages and
their usual pages link to each other, the bibliography downloads parse and hold every entry,
and the trainee path's self-checks work in a real browser with nothing sent or stored."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pybtex.errors
import pytest
import rispy
from alliance import LANGUAGES
from alliance.bibexport import BIBTEX_NAME, EXPORT_DIR, RIS_NAME, ExportError, to_bibtex, to_ris
from alliance.data import load_site_data
from alliance.sources import page_url, read_pages
from alliance.translations_sync import sync_all
from conftest import ROOT
from fixture_site import build_site, report, write_page
from pybtex.database import parse_string

# The pages issue 13 added, each to exist in both languages and be reachable from the menu.
NEW_PAGES = [
    "comprendre/qui-consulter", "comprendre/acces-et-cout", "comprendre/questions-patients",
    "comprendre/proches", "comprendre/en-ligne", "comprendre/a-plusieurs",
    "comprendre/culture-et-langue",
    "facile/index", "facile/alliance", "facile/premiere-seance", "facile/bordin",
    "facile/ruptures", "facile/fiches", "facile/aide",
    "pros/mesurer-alliance", "pros/effet-therapeute",
    "temoignages/rupture-non-reparee", "temoignages/soins-a-domicile",
]


def bibliography() -> dict:
    data, problems = load_site_data(ROOT)
    assert problems == []
    return data.bibliography


def output_path(site: Path, url: str) -> Path:
    return site / url.lstrip("/") / "index.html"


class Anchors(HTMLParser):
    """The links of a page: all of them, those inside the main menu, and those carrying
    a given class."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (href, class)
        self.menu: list[str] = []
        self._nav_depth = 0
        self._paragraph_class = ""  # a link's class includes its paragraph's (attr_list)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = found.get("class") or ""
        if tag == "nav" and (self._nav_depth or "md-nav--primary" in classes.split()):
            self._nav_depth += 1
        if tag == "p":
            self._paragraph_class = classes
        if tag == "a" and found.get("href"):
            self.links.append((found["href"] or "", f"{classes} {self._paragraph_class}"))
            if self._nav_depth:
                self.menu.append(found["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._paragraph_class = ""
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1


def parse(path: Path) -> Anchors:
    parser = Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(page_url_: str, href: str) -> str:
    path = href.split("#", 1)[0]
    if not path:
        return page_url_
    joined = posixpath.normpath(posixpath.join(page_url_, path))
    return joined + ("/" if path.endswith("/") and joined != "/" else "")


# ---------------------------------------------------------------- pages and navigation

def test_new_pages_exist_in_both_languages() -> None:
    pages, problems = read_pages(ROOT)
    assert problems == []
    present = {(p.stem, p.lang) for p in pages}
    missing = [(stem, lang) for stem in NEW_PAGES for lang in LANGUAGES
               if (stem, lang) not in present]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_new_pages_are_reachable_from_the_menu(built_site: Path, lang: str) -> None:
    home = page_url("index", lang)
    menu = {resolve(home, href) for href in parse(output_path(built_site, home)).menu}
    unreachable = [stem for stem in NEW_PAGES if page_url(stem, lang) not in menu]
    assert unreachable == []
    for stem in NEW_PAGES:
        assert output_path(built_site, page_url(stem, lang)).exists(), stem


@pytest.mark.parametrize("lang", LANGUAGES)
def test_easy_read_pages_and_usual_pages_link_both_ways(built_site: Path, lang: str) -> None:
    pages, _ = read_pages(ROOT)
    easy = [p for p in pages if p.lang == lang and p.kind == "easy"]
    assert len(easy) >= 7
    for page in easy:
        url = page.url()
        back = [resolve(url, h) for h, c in parse(output_path(built_site, url)).links
                if "easy-read-link--to-standard" in c.split()]
        standard = page_url(str(page.meta["standard"]), lang)
        assert back == [standard], page.rel
        forward = [resolve(standard, h) for h, c in parse(output_path(built_site, standard)).links
                   if "easy-read-link--to-easy" in c.split()]
        assert forward == [url], standard


# ---------------------------------------------------------------- BibTeX and RIS

@pytest.mark.parametrize("lang", LANGUAGES)
def test_bibtex_download_parses_and_holds_every_entry(built_site: Path, lang: str) -> None:
    prefix = "" if lang == "fr" else f"{lang}/"
    text = (built_site / prefix / EXPORT_DIR / BIBTEX_NAME).read_text(encoding="utf-8")
    pybtex.errors.set_strict_mode(True)  # any syntax problem raises
    database = parse_string(text, "bibtex")
    bib = bibliography()
    assert sorted(database.entries) == sorted(bib)
    for key, entry in bib.items():
        parsed = database.entries[key]
        assert len(parsed.persons["author"]) == len(entry["authors"])
        # (pybtex folds every space, non-breaking ones included: compare words)
        assert parsed.fields["title"].strip("{}").split() == str(entry["title"]).split()
        if entry.get("doi"):
            assert parsed.fields["doi"] == entry["doi"]
    # the French file carries the French notes, the English file the English ones
    note = bib["wampold2005"][f"note_{lang}"]
    assert database.entries["wampold2005"].fields["note"].split() == note.replace("%", "\\%").split()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ris_download_parses_and_holds_every_entry(built_site: Path, lang: str) -> None:
    prefix = "" if lang == "fr" else f"{lang}/"
    raw = (built_site / prefix / EXPORT_DIR / RIS_NAME).read_bytes()
    records = rispy.loads(raw.decode("utf-8"))
    bib = bibliography()
    assert [r["id"] for r in records] == list(bib)
    by_id = {r["id"]: r for r in records}
    for key, entry in bib.items():
        assert by_id[key]["authors"] == entry["authors"]
        assert by_id[key]["title"] == str(entry["title"]).strip(" ")  # non-breaking spaces kept
    assert by_id["bordin1979"]["start_page"] == "252" and by_id["bordin1979"]["end_page"] == "260"
    assert by_id["pomey2015"]["language"] == "fr" and by_id["bordin1979"]["language"] == "en"
    assert b"\r\n" in raw and b"\n\n" not in raw.replace(b"\r\n", b"")


def test_references_pages_link_to_both_downloads(built_site: Path) -> None:
    for lang in LANGUAGES:
        url = page_url("comprendre/references", lang)
        targets = {resolve(url, h) for h, _ in parse(output_path(built_site, url)).links}
        for name in (BIBTEX_NAME, RIS_NAME):
            target = resolve(url, f"../{name}")
            assert target in targets
            assert (built_site / target.lstrip("/")).is_file()


def test_export_escapes_and_refuses_unknown_types() -> None:
    bib = {"x2020": {"type": "report", "authors": ["Some Agency (SA)", "Doe, J."], "year": 2020,
                     "title": "Costs & 50% {savings}_now", "note_fr": "Vu", "note_en": "Seen"}}
    pybtex.errors.set_strict_mode(True)
    parsed = parse_string(to_bibtex(bib, "en"), "bibtex").entries["x2020"]
    assert [str(p) for p in parsed.persons["author"]] == ["{Some Agency (SA)}", "Doe, J."]
    assert "\\&" in parsed.fields["title"] and "\\%" in parsed.fields["title"]
    assert rispy.loads(to_ris(bib, "fr"))[0]["notes"] == ["Vu"]
    with pytest.raises(ExportError, match="'y1'"):
        to_ris({"y1": {"type": "poem", "authors": ["A, B."], "year": 1, "title": "T"}}, "fr")


# ---------------------------------------------------------------- self-checks: the checks

SELF_CHECKS = """\
etape-1:
  - question: {fr: "Question un\u00a0?", en: "Question one?"}
    choices:
      - {fr: "Oui", en: "Yes", correct: true}
      - {fr: "Non", en: "No"}
    explanation: {fr: "Parce que.", en: "Because."}
etape-3:
  - question: {fr: "Question trois\u00a0?", en: "Question three?"}
    choices:
      - {fr: "Oui", en: "Yes", correct: true}
      - {fr: "Non", en: "No"}
    explanation: {fr: "Parce que.", en: "Because."}
"""


def write_path_pages(root: Path) -> None:
    for lang, title in (("fr", "Parcours d'essai"), ("en", "Trial path")):
        front = (f'title: "{title}"\ndescription: "{title}."\nkind: path\naudience: [trainees]\n'
                 'authors: [equipe-editoriale]\nlast_reviewed: 2026-09-01\n')
        body = (f"# {title}\n\n## Un {{ #etape-1 }}\n\nTexte.\n\n<!-- self-check -->\n\n"
                "## Deux { #etape-2 }\n\nTexte.\n\n<!-- self-check -->\n")
        write_page(root, "pros/parcours-formation", lang, front, body)


def test_self_check_markers_and_steps_must_match(tmp_path: Path) -> None:
    root = build_site(tmp_path / "repo")
    (root / "docs/_data/self_checks.yml").write_text(SELF_CHECKS, encoding="utf-8")
    write_path_pages(root)
    sync_all(root)
    assert report(root) == [
        "docs/_data/self_checks.yml:7:1: SELF006 step 'etape-3' has no '<!-- self-check -->' "
        "marker in a '## … { #etape-3 }' section of docs/pros/parcours-formation.en.md",
        "docs/_data/self_checks.yml:7:1: SELF006 step 'etape-3' has no '<!-- self-check -->' "
        "marker in a '## … { #etape-3 }' section of docs/pros/parcours-formation.fr.md",
        "docs/pros/parcours-formation.en.md:23:1: SELF005 no questions for section '#etape-2' "
        "in docs/_data/self_checks.yml (a step's questions are listed under its anchor)",
        "docs/pros/parcours-formation.fr.md:23:1: SELF005 no questions for section '#etape-2' "
        "in docs/_data/self_checks.yml (a step's questions are listed under its anchor)",
    ]


def test_self_check_data_errors_are_all_reported(tmp_path: Path) -> None:
    root = build_site(tmp_path / "repo")
    broken = (SELF_CHECKS.replace('{fr: "Non", en: "No"}', '{fr: "Non", en: "No", correct: true}', 1)
              .replace('question: {fr: "Question trois\u00a0?", en: "Question three?"}',
                       'question: {fr: "Question trois ?"}'))
    (root / "docs/_data/self_checks.yml").write_text(broken, encoding="utf-8")
    # (the fixture's path has no step 3: that SELF006 is the other test's business)
    found = [p for p in report(root)
             if p.startswith("docs/_data/self_checks.yml") and "SELF006" not in p]
    assert found == [
        "docs/_data/self_checks.yml:3:1: SELF004 exactly one choice must be marked "
        "'correct: true' (found 2)",
        "docs/_data/self_checks.yml:8:1: SELF003 'question' needs a text in each language (fr, en)",
        "docs/_data/self_checks.yml:8:36: TYPO003 '?' has an ordinary space before it: use a "
        "non-breaking space (U+00A0 or U+202F), so that it never starts a line",
    ]


# ---------------------------------------------------------------- self-checks: in the browser

AXE = ROOT / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


THEME_PALETTE_KEY = "/.__palette"
STORAGE = "[{...localStorage}, {...sessionStorage}, document.cookie]"


@pytest.fixture()
def phone(browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    yield ctx
    ctx.close()


def choice_label(page, step: str, number: int, text: str):
    """The label of one choice, found by its visible text, as a reader would."""
    question = page.locator(f"#sc-{step}-q{number}")
    return question.locator("label", has_text=text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_self_check_answers_in_the_page_with_nothing_sent_or_stored(phone, server: str,
                                                                   lang: str) -> None:
    from alliance.words import WORDS

    steps = load_site_data(ROOT)[0].self_checks
    words = WORDS[lang]["self_check"]
    page = phone.new_page()
    page.add_init_script(path=str(AXE))  # an init script: the site's CSP rightly blocks an added <script>
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + page_url("pros/parcours-formation", lang).lstrip("/"), wait_until="load")
    page.wait_for_load_state("networkidle")
    assert all(url.startswith(server) for url in requests), requests  # nothing leaves the site
    loaded = len(requests)
    stored = page.evaluate(STORAGE)
    # The theme (Material) keeps its colour-scheme state in localStorage on every page, at
    # load, before any answer: that key, and nothing else, may be there.
    assert set(stored[0]) <= {THEME_PALETTE_KEY} and stored[1] == {} and stored[2] == ""

    # one self-check per step, at the end of each step, each with its button shown
    boxes = page.locator("[data-self-check]")
    assert boxes.count() == len(steps)
    for index, step in enumerate(steps):
        heading = page.locator(f"#verifier-{step}")
        assert heading.inner_text().startswith(words["title"].format(number=index + 1))
        section = page.evaluate("""(id) => { let el = document.getElementById(id);
            do { el = el.previousElementSibling; } while (el && el.tagName !== 'H2');
            return el && el.id; }""", f"verifier-{step}")
        assert section == step  # at the end of its own step
        assert page.locator(f"#verifier-{step} + [data-self-check] [data-check]").is_visible()
    # nothing a strict CSP would block: no style attribute, no inline handler, an external script
    assert page.locator("[data-self-check] [style], [data-self-check] [onclick], "
                        "[data-self-check] [onchange]").count() == 0
    assert page.locator('script[src*="self-check.js"]').count() == 1
    # explanations wait for an answer
    assert page.locator("[data-explanation]:visible").count() == 0

    # step 2: the first question answered right, the second wrongly, the third left blank
    step = "etape-2"
    questions = steps[step]
    first, second = questions[0], questions[1]
    choice_label(page, step, 1, first.choices[first.correct][lang]).click()
    wrong = next(c for i, c in enumerate(second.choices) if i != second.correct)
    choice_label(page, step, 2, wrong[lang]).click()
    box = page.locator(f"#verifier-{step} + [data-self-check]")
    box.locator("[data-check]").focus()
    page.keyboard.press("Enter")  # the button works from the keyboard
    status = box.locator("[role=status]")
    expected = words["score_one"].format(right=1, total=len(questions))
    page.wait_for_function("([el, text]) => el.textContent === text",
                           arg=[status.element_handle(), expected])
    feedback = [box.locator(f"#sc-{step}-q{n}-feedback").inner_text() for n in (1, 2, 3)]
    assert feedback == [words["right"], words["wrong"], words["missing"]]
    assert box.locator(f"#sc-{step}-q1-explanation").is_visible()
    assert first.explanation[lang] in box.locator(f"#sc-{step}-q1-explanation").inner_text()
    assert box.locator(f"#sc-{step}-q2-explanation").is_visible()
    assert not box.locator(f"#sc-{step}-q3-explanation").is_visible()
    described = box.locator(f"#sc-{step}-q2").get_attribute("aria-describedby")
    assert described == f"sc-{step}-q2-feedback sc-{step}-q2-explanation"
    # the questions are groups named by their legend
    group = page.get_by_role("group", name=first.text[lang])
    assert group.count() == 1

    # fits a phone, and is accessible in this state too
    overflow = page.evaluate("document.documentElement.scrollWidth - "
                             "document.documentElement.clientWidth")
    assert overflow <= 0
    violations = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
            .violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target).join(' '))""",
        AXE_TAGS)
    assert violations == []

    # start again: answers and verdicts gone
    box.locator("[data-reset]").click()
    page.wait_for_function("([el, text]) => el.textContent === text",
                           arg=[status.element_handle(), words["cleared"]])
    assert box.locator("input:checked").count() == 0
    assert box.locator("[data-explanation]:visible").count() == 0

    # all right this time: the plural score
    for number, question in enumerate(questions, 1):
        choice_label(page, step, number, question.choices[question.correct][lang]).click()
    box.locator("[data-check]").click()
    expected = words["score"].format(right=len(questions), total=len(questions))
    page.wait_for_function("([el, text]) => el.textContent === text",
                           arg=[status.element_handle(), expected])
    assert box.locator("[data-explanation]:visible").count() == len(questions)

    # nothing was sent, nothing was kept
    assert requests[loaded:] == []
    assert page.evaluate(STORAGE) == stored  # answering stored nothing
    assert phone.cookies() == []
    assert errors == []


def test_bibliography_entry_of_unknown_type_is_reported(tmp_path: Path) -> None:
    root = build_site(tmp_path / "repo")
    path = root / "docs/_data/bibliography.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  type: article", "  type: poem", 1), encoding="utf-8")
    found = [p for p in report(root) if "CITE005" in p]
    assert len(found) == 1 and "unknown type 'poem'" in found[0]
    assert found[0].startswith("docs/_data/bibliography.yml:")


def test_folded_spaces_in_theme_labels_become_non_breaking_again() -> None:
    """The theme's `striptags` folds a title's non-breaking spaces in the table of contents'
    aria-label (a step with a self-check under it); the text of the page is left alone."""
    from alliance.french import space_attributes

    html = '<nav aria-label="Étape 1 : lire « Bordin » ?"> a : b'
    assert space_attributes(html) == ('<nav aria-label="Étape 1\u00a0: lire «\u00a0Bordin\u00a0»'
                                      '\u00a0?"> a : b')
