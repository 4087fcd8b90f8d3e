"""The site's one bibliography (docs/_data/bibliography.yml) as BibTeX and as RIS.

Pure functions: entries in, text out. The build publishes one pair of files per language
(the notes are written in each language); the references page links to them.
Both files are UTF-8. An entry of an unknown type is an error, never skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .bibliography import unconfirmed_note

# File names, relative to the references page's folder (docs/comprendre/).
EXPORT_DIR = "comprendre"
BIBTEX_NAME = "alliance-bibliographie.bib"
RIS_NAME = "alliance-bibliographie.ris"

# bibliography.yml type -> (BibTeX entry type, RIS reference type)
TYPES: dict[str, tuple[str, str]] = {
    "article": ("article", "JOUR"),
    "book": ("book", "BOOK"),
    "chapter": ("incollection", "CHAP"),
    "essay": ("misc", "GEN"),
    "web": ("misc", "ELEC"),
    "report": ("techreport", "RPRT"),
}

PERSON = re.compile(r"^[^,()]+,\s*[^,()]+$")  # "Family, I. I."; anything else is an organisation
BIBTEX_SPECIAL = re.compile(r"([&%$#_])")
SPACES = re.compile(r"[ \t\r\n]+")  # not str.split(): it would also eat non-breaking spaces
PAGES = re.compile(r"^\s*(\w+)\s*[–—-]+\s*(\w+)\s*$")


class ExportError(ValueError):
    """An entry that cannot be written; the message names its key."""


def _types(key: str, entry: Mapping[str, Any]) -> tuple[str, str]:
    kind = entry.get("type")
    if kind not in TYPES:
        raise ExportError(f"bibliography entry '{key}': type {kind!r} cannot be exported "
                          f"(known: {', '.join(TYPES)})")
    return TYPES[str(kind)]


def _one_line(value: Any) -> str:
    return SPACES.sub(" ", str(value)).strip(" ")


def _note(entry: Mapping[str, Any], lang: str) -> str:
    """The entry's note in this language, then what could not be confirmed, if anything."""
    parts = [str(entry.get(f"note_{lang}") or "").strip(), unconfirmed_note(dict(entry), lang)]
    return " ".join(p for p in parts if p)


def _pages(value: Any) -> tuple[str, str]:
    """('252', '260') from '252–260'; (value, '') for a single page or article number."""
    match = PAGES.match(str(value))
    return (match.group(1), match.group(2)) if match else (str(value).strip(), "")


# ---------------------------------------------------------------- BibTeX

def _bib_text(value: Any) -> str:
    """A field value safe inside braces: special characters escaped, braces balanced."""
    text = _one_line(value)
    text = text.replace("\\", "\\textbackslash{}")
    text = text.replace("{", "\\{").replace("}", "\\}")
    return BIBTEX_SPECIAL.sub(r"\\\1", text)


def _bib_name(name: str) -> str:
    # An organisation is braced whole, so BibTeX does not split it into given and family names.
    return _bib_text(name) if PERSON.match(name) else "{" + _bib_text(name) + "}"


def bibtex_entry(key: str, entry: Mapping[str, Any], lang: str) -> str:
    kind, _ = _types(key, entry)
    fields: list[tuple[str, str]] = []
    authors = [_bib_name(str(a)) for a in entry.get("authors") or []]  # every author is listed
    fields.append(("author", " and ".join(authors)))
    fields.append(("title", "{" + _bib_text(entry["title"]) + "}"))  # keep its capitals
    if entry.get("year"):
        fields.append(("year", str(entry["year"])))
    if entry.get("journal"):
        fields.append(("journal", _bib_text(entry["journal"])))
    if entry.get("book"):
        fields.append(("booktitle", _bib_text(entry["book"])))
    if entry.get("editors"):
        fields.append(("editor", " and ".join(_bib_name(str(e)) for e in entry["editors"])))
    for name, field in (("volume", "volume"), ("issue", "number")):
        if entry.get(name) is not None:
            fields.append((field, _bib_text(entry[name])))
    if entry.get("pages"):
        first, last = _pages(entry["pages"])
        fields.append(("pages", f"{first}--{last}" if last else first))
    if entry.get("publisher"):
        fields.append(("publisher", _bib_text(entry["publisher"])))
    if kind == "techreport":
        fields.append(("institution", _bib_text((entry.get("authors") or [""])[0])))
    if entry.get("doi"):
        fields.append(("doi", _bib_text(entry["doi"])))
    if entry.get("url"):
        fields.append(("url", str(entry["url"])))  # url fields are read verbatim
    if _note(entry, lang):
        fields.append(("note", _bib_text(_note(entry, lang))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def to_bibtex(bibliography: Mapping[str, Mapping[str, Any]], lang: str) -> str:
    """Every entry, in the order of the data file, as one BibTeX file."""
    head = {"fr": "% Bibliographie du site Alliance, produite à partir de docs/_data/bibliography.yml.",
            "en": "% Bibliography of the Alliance site, generated from docs/_data/bibliography.yml."}
    return head[lang] + "\n\n" + "\n".join(bibtex_entry(k, e, lang) for k, e in bibliography.items())


# ---------------------------------------------------------------- RIS

def _ris_value(value: Any) -> str:
    return _one_line(value)


def ris_entry(key: str, entry: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    """(tag, value) lines of one record, from TY to ER."""
    _, kind = _types(key, entry)
    lines: list[tuple[str, str]] = [("TY", kind), ("ID", key)]
    lines += [("AU", _ris_value(a)) for a in entry.get("authors") or []]
    lines.append(("TI", _ris_value(entry["title"])))
    if entry.get("year"):
        lines.append(("PY", str(entry["year"])))
    if entry.get("journal"):
        lines.append(("T2", _ris_value(entry["journal"])))
    if entry.get("book"):
        lines.append(("T2", _ris_value(entry["book"])))
    lines += [("ED", _ris_value(e)) for e in entry.get("editors") or []]
    if entry.get("volume") is not None:
        lines.append(("VL", _ris_value(entry["volume"])))
    if entry.get("issue") is not None:
        lines.append(("IS", _ris_value(entry["issue"])))
    if entry.get("pages"):
        first, last = _pages(entry["pages"])
        lines.append(("SP", first))
        if last:
            lines.append(("EP", last))
    if entry.get("publisher"):
        lines.append(("PB", _ris_value(entry["publisher"])))
    if entry.get("doi"):
        lines.append(("DO", _ris_value(entry["doi"])))
    if entry.get("url"):
        lines.append(("UR", _ris_value(entry["url"])))
    if _note(entry, lang):
        lines.append(("N1", _ris_value(_note(entry, lang))))
    lines.append(("LA", str(entry.get("lang") or "en")))  # the work's language
    lines.append(("ER", ""))
    return lines


def to_ris(bibliography: Mapping[str, Mapping[str, Any]], lang: str) -> str:
    """Every entry as one RIS file: `TAG  - value` lines, CR LF line ends, a blank line
    between records."""
    records = []
    for key, entry in bibliography.items():
        lines = ris_entry(key, entry, lang)
        records.append("\r\n".join(f"{tag}  - {value}".rstrip() if tag == "ER" else
                                   f"{tag}  - {value}" for tag, value in lines))
    return "\r\n\r\n".join(records) + "\r\n"


def exports(bibliography: Mapping[str, Mapping[str, Any]], lang: str) -> dict[str, str]:
    """File name -> text, for one language."""
    return {BIBTEX_NAME: to_bibtex(bibliography, lang), RIS_NAME: to_ris(bibliography, lang)}
