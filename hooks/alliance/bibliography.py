"""Citations `[@key]` and the bibliography, in an APA-like style, in both languages."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from typing import Any

CITATION = re.compile(r"\[((?:@[\w-]+)(?:\s*;\s*@[\w-]+)*)\](?!\()")
KEY = re.compile(r"@([\w-]+)")
REFERENCES_STEM = "comprendre/references"

NO_DATE = {"fr": "s. d.", "en": "n.d."}
AND = {"fr": "et", "en": "&"}
LIST_SEP = {"fr": "\u00a0; ", "en": "; "}  # between citations: "(A, 1990 ; B, 2000)"


def cited_keys(text: str) -> list[tuple[str, int]]:
    """Each cited key with its character offset in `text`."""
    found = []
    for match in CITATION.finditer(text):
        for key in KEY.finditer(match.group(1)):
            found.append((key.group(1), match.start() + 1 + key.start()))
    return found


def family(author: str) -> str:
    return author.split(",")[0].strip()


def in_text(entry: dict[str, Any], lang: str) -> str:
    """'Bordin, 1979', 'Horvath et Symonds, 1991', 'Flückiger et al., 2018'."""
    authors = entry.get("authors") or []
    year = entry.get("year") or NO_DATE[lang]
    if len(authors) >= 3:
        who = f"{family(authors[0])} et al."
    elif len(authors) == 2:
        who = f"{family(authors[0])} {AND[lang]} {family(authors[1])}"
    else:
        who = family(authors[0]) if authors else ""
    return f"{who}, {year}"


def relative_link(from_stem: str, to_stem: str, anchor: str = "") -> str:
    """Markdown link target from one page's source to another's (same language)."""
    from_dir = posixpath.dirname(from_stem)
    target = posixpath.relpath(f"{to_stem}.md", from_dir or ".")
    return f"{target}#{anchor}" if anchor else target


def replace_citations(markdown: str, page_stem: str, bibliography: dict[str, Any], lang: str,
                      used: list[str]) -> str:
    """Turn `[@a; @b]` into '(A, 1990; B, 2000)' linked to the references page.

    Unknown keys are left as written: the citation check reports them.
    """

    def render(match: re.Match[str]) -> str:
        keys = KEY.findall(match.group(1))
        if any(key not in bibliography for key in keys):
            return match.group(0)
        parts = []
        for key in keys:
            used.append(key)
            target = relative_link(page_stem, REFERENCES_STEM, key)
            parts.append(f"[{in_text(bibliography[key], lang)}]({target})")
        return "(" + LIST_SEP[lang].join(parts) + ")"

    return CITATION.sub(render, markdown)


# APA 7 lists every author up to 20; beyond, the first 19, an ellipsis, then the last one.
MAX_AUTHORS = 20
# Fields a BIB check requires for each type of work ("venue" is the journal, the book, the
# publisher or the web address); a field that could not be confirmed is named in
# `unconfirmed` instead, and the reference says so.
REQUIRED = {
    "article": ("year", "journal", "volume"),
    "book": ("year", "publisher"),
    "chapter": ("year", "book", "editors", "publisher"),
    "essay": ("year", "book", "publisher"),
    "report": ("year", "url"),
    "web": ("year", "url"),
}
FIELDS = {"type", "authors", "year", "title", "lang", "journal", "volume", "issue", "pages",
          "doi", "editors", "book", "publisher", "url", "note_fr", "note_en", "unconfirmed"}
FIELD_NAMES = {
    "fr": {"year": "l'année", "journal": "la revue", "volume": "le volume", "issue": "le numéro",
           "publisher": "l'éditeur", "book": "l'édition", "editors": "la direction",
           "url": "l'adresse en ligne", "pages": "les pages"},
    "en": {"year": "the year", "journal": "the journal", "volume": "the volume",
           "issue": "the issue", "publisher": "the publisher", "book": "the edition",
           "editors": "the editors", "url": "the web address", "pages": "the pages"},
}
UNCONFIRMED = {"fr": "Non confirmé{s}\u00a0: {what}.", "en": "Not confirmed: {what}."}


def _authors_apa(entry: dict[str, Any], lang: str) -> str:
    authors = list(entry.get("authors") or [])
    if len(authors) > MAX_AUTHORS:
        return ", ".join(authors[:MAX_AUTHORS - 1]) + ", … " + authors[-1]
    if len(authors) == 1:
        return authors[0]
    # APA: "A, B, & C"; its French adaptation: "A, B et C" (no comma before "et")
    joiner = ", & " if lang == "en" else f" {AND[lang]} "
    return ", ".join(authors[:-1]) + joiner + authors[-1]


def _in_language(text: str, entry: dict[str, Any], lang: str) -> str:
    """Text of the work (title, journal) marked with the work's language when it is not
    the page's: screen readers switch voice, and French typography does not apply."""
    work = str(entry.get("lang") or "en")
    return text if work == lang else f'<span lang="{work}">{text}</span>'


def _end(text: str) -> str:
    """A title closes with a period, unless it already ends with its own mark."""
    return text if text.rstrip("*").endswith(("?", "!", ".")) else f"{text}."


def unconfirmed_note(entry: dict[str, Any], lang: str) -> str:
    """'Non confirmés : l'année et l'adresse en ligne.' for the fields in `unconfirmed`."""
    fields = [FIELD_NAMES[lang].get(str(f), str(f)) for f in entry.get("unconfirmed") or []]
    if not fields:
        return ""
    what = ", ".join(fields[:-1]) + f" {AND[lang] if lang == 'fr' else 'and'} " + fields[-1] \
        if len(fields) > 1 else fields[0]
    return UNCONFIRMED[lang].format(what=what, s="s" if len(fields) > 1 else "")


def reference_markdown(entry: dict[str, Any], lang: str) -> str:
    """One full reference as Markdown (APA 7 style)."""
    esc = html.escape
    year = entry.get("year") or NO_DATE[lang]
    text = f"{esc(_authors_apa(entry, lang))} ({year}). "
    kind = entry.get("type")
    title = esc(str(entry["title"]))
    if kind == "article":
        venue = f"*{esc(str(entry.get('journal', '')))}*"
        if entry.get("volume"):
            venue += f", *{entry['volume']}*"
        if entry.get("issue"):
            venue += f"({entry['issue']})"
        if entry.get("pages"):
            venue += f", {entry['pages']}"
        text += _in_language(f"{_end(title)} {venue}", entry, lang) + "."
    elif kind in ("chapter", "essay") and entry.get("book"):
        editors = ", ".join(entry.get("editors") or [])
        ed = {"fr": "dir.", "en": "Ed."}[lang]
        inside = {"fr": "Dans", "en": "In"}[lang]
        where = []
        if entry.get("volume"):
            where.append(f"{'vol.' if lang == 'fr' else 'Vol.'} {entry['volume']}")
        if entry.get("pages"):
            where.append(f"{'p.' if lang == 'fr' else 'pp.'} {entry['pages']}")
        detail = f" ({', '.join(where)})" if where else ""
        book = _in_language(f"*{esc(str(entry['book']))}*", entry, lang)
        who = f"{esc(editors)} ({ed}), " if editors else ""
        text += f"{_in_language(_end(title), entry, lang)} {inside} {who}{book}{detail}."
        if entry.get("publisher"):
            text += f" {esc(str(entry['publisher']))}."
    else:
        text += _end(_in_language(f"*{title}*", entry, lang)) if kind != "essay" \
            else _in_language(_end(title), entry, lang)
        if entry.get("publisher"):
            text += f" {esc(str(entry['publisher']))}."
    if entry.get("doi"):
        doi = entry["doi"]
        text += f" [https://doi.org/{doi}](https://doi.org/{doi})"
    elif entry.get("url"):
        text += f" <{entry['url']}>"
    note = entry.get(f"note_{lang}")
    if note:
        text += f" — {esc(str(note))}"
    unconfirmed = unconfirmed_note(entry, lang)
    if unconfirmed:
        text += f" {unconfirmed}" if note else f" — {unconfirmed}"
    return text


def sort_key(item: tuple[str, dict[str, Any]]) -> tuple[str, str]:
    _, entry = item
    return (family((entry.get("authors") or [""])[0]).lower(), str(entry.get("year") or ""))


def bibliography_markdown(bibliography: dict[str, Any], lang: str,
                          keys: Iterable[str] | None = None, anchors: bool = True) -> str:
    """A list of references, each its own paragraph (with the key as anchor if asked)."""
    chosen = dict(bibliography) if keys is None else {k: bibliography[k] for k in keys
                                                      if k in bibliography}
    blocks = []
    for key, entry in sorted(chosen.items(), key=sort_key):
        attrs = f"#{key} .reference" if anchors else ".reference"
        blocks.append(f"{reference_markdown(entry, lang)}\n{{: {attrs} }}")
    return "\n\n".join(blocks)
