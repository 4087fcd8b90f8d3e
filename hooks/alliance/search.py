"""The per-language search index, made ready for the reader's language.

The theme's search plugin writes one index per language build. Two things are
set here, before the index is written:

* locations relative to the language's own folder: English pages are searched
  from /en/ (the theme's base), so a location "en/aide/" would open /en/en/aide/;
* a ranking by page kind: a reader who types a concept word ("confiance")
  should meet the pages that define it before the testimonies that mention it,
  and a reader who types a crisis word ("urgence", "crisis") the help lines first.

Accent folding happens in the browser, in the search worker
(docs/assets/javascripts/workers/alliance-search.js), for the index and the
query alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# How much a page of each kind weighs in the ranking (documents and their sections).
# Concepts and the glossary define the words; hubs (index pages, among them the
# testimonies' themes) point to those pages; testimonies only tell of them.
KIND_BOOST: dict[str, float] = {
    "help": 10.0,  # the pages that list the help lines (see search_kind)
    "concept": 4.0,
    "reference": 4.0,  # the glossary (and the bibliography)
    "easy": 2.0,
    "path": 2.0,
    "home": 1.0,
    "sheet": 1.0,
    "utility": 1.0,
    "index": 0.5,
    "testimony": 0.25,
}
# A title still counts more than the text, but no longer drowns the kind of the page:
# the theme's default (1000) puts any heading that holds the word above every definition.
TITLE_BOOST = 20.0


HELP_MARKER = "helplines"


def search_kind(kind: str, markers: set[str]) -> str:
    """The kind a page is ranked as: its own, or "help" when it lists the help lines
    (carries the `helplines` marker), whatever its kind (the help page, its easy-read twin)."""
    return "help" if HELP_MARKER in markers else kind


class SearchIndexError(ValueError):
    """The index holds a location this site did not publish."""


def page_of(location: str) -> str:
    """The page a search location belongs to: "comprendre/alliance/#definition" ->
    "comprendre/alliance/"."""
    return location.split("#", 1)[0]


def prepare_index(index: Mapping[str, Any], lang: str, folder: str,
                  kinds: Mapping[str, str],
                  tags: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
    """A copy of `index` for the language `lang` whose pages live under `folder`
    ("" for the default language, "en/" for English).

    `kinds` maps each page location relative to `folder` ("comprendre/alliance/",
    "" for the language's home) to its kind; `tags` gives a page's search tags (words
    that find it before any other: the theme weighs tags far above titles). A location
    outside the folder or of no known page is an error: nothing is dropped or guessed
    silently.
    """
    config = dict(index.get("config", {}))
    config["lang"] = [lang]
    fields = {name: dict(spec) for name, spec in config.get("fields", {}).items()}
    if "title" in fields:
        fields["title"]["boost"] = TITLE_BOOST
    config["fields"] = fields
    docs = []
    unknown = []
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        if folder:
            if not location.startswith(folder):
                unknown.append(location)
                continue
            location = location[len(folder):]
        kind = kinds.get(page_of(location))
        if kind is None:
            unknown.append(location)
            continue
        if kind not in KIND_BOOST:
            raise SearchIndexError(f"search index ({lang}): page kind {kind!r} of "
                                   f"{page_of(location) or 'the home page'} has no search weight "
                                   "(add it to KIND_BOOST in hooks/alliance/search.py)")
        ready = {**doc, "location": location, "boost": KIND_BOOST[kind]}
        if tags and location in tags:  # the page itself, not each of its sections
            ready["tags"] = sorted({*doc.get("tags", []), *tags[location]})
        docs.append(ready)
    if unknown:
        raise SearchIndexError(
            f"search index ({lang}): {len(unknown)} location(s) of no known page, "
            f"e.g. {', '.join(sorted(unknown)[:3])}")
    return {**index, "config": config, "docs": docs}
