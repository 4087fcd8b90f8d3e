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
    if entry.get("et_al") or len(authors) >= 3:
        who = f"{family(authors[0])} et al."
    elif len(authors) == 2:
        who = f"{family(authors[0])} {AND[lang]} {family(authors[1])}"
    else:
        who = family(authors[0]) if authors else "?"
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
        return "(" + "; ".join(parts) + ")"

    return CITATION.sub(render, markdown)


def _authors_apa(entry: dict[str, Any], lang: str) -> str:
    authors = list(entry.get("authors") or [])
    if entry.get("et_al"):
        return ", ".join(authors) + ", et al."
    if len(authors) == 1:
        return authors[0]
    return ", ".join(authors[:-1]) + f", {AND[lang] if lang == 'fr' else '&'} " + authors[-1]


def reference_markdown(entry: dict[str, Any], lang: str) -> str:
    """One full reference as Markdown (APA 7 style)."""
    esc = html.escape
    year = entry.get("year") or NO_DATE[lang]
    text = f"{esc(_authors_apa(entry, lang))} ({year}). "
    kind = entry.get("type")
    title = esc(str(entry["title"]))
    if kind == "article":
        text += f"{title}. *{esc(str(entry.get('journal', '')))}*"
        if entry.get("volume"):
            text += f", *{entry['volume']}*"
        if entry.get("issue"):
            text += f"({entry['issue']})"
        if entry.get("pages"):
            text += f", {entry['pages']}"
        text += "."
    elif kind == "chapter":
        editors = ", ".join(entry.get("editors") or [])
        ed = {"fr": "dir.", "en": "Ed."}[lang]
        inside = {"fr": "Dans", "en": "In"}[lang]
        text += f"{title}. {inside} {esc(editors)} ({ed}), *{esc(str(entry.get('book', '')))}*"
        if entry.get("pages"):
            text += f" (pp. {entry['pages']})"
        text += "."
        if entry.get("publisher"):
            text += f" {esc(str(entry['publisher']))}."
    else:
        text += f"*{title}*."
        if entry.get("publisher"):
            text += f" {esc(str(entry['publisher']))}."
    if entry.get("doi"):
        doi = entry["doi"]
        text += f" [https://doi.org/{doi}](https://doi.org/{doi})"
    note = entry.get(f"note_{lang}")
    if note:
        text += f" — {esc(str(note))}"
    return text


def sort_key(item: tuple[str, dict[str, Any]]) -> tuple[str, str]:
    _, entry = item
    return (family((entry.get("authors") or ["?"])[0]).lower(), str(entry.get("year") or ""))


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
