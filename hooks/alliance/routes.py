"""Reporting routes: where to report a professional who crossed a line, by country.

Written once in docs/_data/reporting_routes.yml (each route with its official source and
the date it was checked), validated here, rendered per language where a page holds the
marker <!-- reporting-routes -->. A body named in a page outside that marker is a route
written by hand: `hand_written` reports it, so no unsourced copy can drift.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from . import LANGUAGES
from .problems import Problem
from .yamlio import Located

REL = "docs/_data/reporting_routes.yml"
MARKER = "reporting-routes"
TOP_KEYS = {"verified", "countries"}
COUNTRY_KEYS = {"id", "name", "routes"}
ROUTE_KEYS = {"body", "keywords", "when", "where", "source", "seen_at", "checked"}
TEXT = {
    "fr": {"source": "Source", "checked": "vérifiée le", "verified": "Adresses vérifiées le",
           "colon": "\u00a0:"},
    "en": {"source": "Source", "checked": "checked on", "verified": "Routes checked on",
           "colon": ":"},
}


def _bilingual(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES)


def validate(src: Located) -> list[Problem]:
    out: list[Problem] = []

    def bad(path: tuple[Any, ...], code: str, message: str) -> None:
        out.append(Problem(REL, src.line(*path), 1, code, message))

    data = src.data
    if not isinstance(data, dict) or not isinstance(data.get("countries"), list):
        bad((), "DATA002", "reporting routes need a 'countries' list")
        return out
    for key in sorted(set(data) - TOP_KEYS):
        bad((key,), "DATA003", f"unknown key '{key}'")
    if not isinstance(data.get("verified"), dt.date):
        bad(("verified",), "DATA002", "'verified' must be the date (YYYY-MM-DD) the routes were checked")
    for i, country in enumerate(data["countries"]):
        where = ("countries", i)
        if not isinstance(country, dict) or not isinstance(country.get("id"), str) \
                or not _bilingual(country.get("name")):
            bad(where, "DATA002", "each country needs an id and a name in fr and en")
            continue
        for key in sorted(set(country) - COUNTRY_KEYS):
            bad((*where, key), "DATA003", f"country '{country['id']}': unknown key '{key}'")
        routes = country.get("routes")
        if not isinstance(routes, list) or not routes:
            bad(where, "DATA002", f"country '{country['id']}' needs a list of routes")
            continue
        for j, route in enumerate(routes):
            at = (*where, "routes", j)
            if not isinstance(route, dict):
                bad(at, "DATA002", "each route must be a mapping")
                continue
            for key in sorted(set(route) - ROUTE_KEYS):
                bad((*at, key), "DATA003", f"route: unknown key '{key}'")
            for key in ("when", "where"):
                if not _bilingual(route.get(key)):
                    bad((*at, key), "DATA002", f"route: '{key}' needs fr and en")
            if not str(route.get("source", "")).startswith(("https://", "http://")):
                bad((*at, "source"), "ROUTE002",
                    "route: 'source' must be the URL of the official source that confirms it")
            if not isinstance(route.get("checked"), dt.date):
                bad((*at, "checked"), "ROUTE002", "route: 'checked' must be the date it was confirmed")
            if not isinstance(route.get("keywords", []), list):
                bad((*at, "keywords"), "DATA002", "route: 'keywords' must be a list")
    return out


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def routes_markdown(data: dict[str, Any], lang: str, long_date: Any) -> str:
    words = TEXT[lang]
    out = []
    for country in data.get("countries", []):
        out.append(f"### {_esc(country['name'][lang])} {{ #signaler-{country['id']} }}\n")
        for route in country.get("routes", []):
            checked = route.get("checked")
            when = long_date(checked, lang) if isinstance(checked, dt.date) else ""
            out.append(f"- **{_esc(route['when'][lang])}**{words['colon']} {_esc(route['where'][lang])} "
                       f"<small>([{words['source']}]({route['source']}), {words['checked']} {when})</small>")
        out.append("")
    verified = data.get("verified")
    if isinstance(verified, dt.date):
        out.append(f"*{words['verified']} {long_date(verified, lang)}.*\n")
    return "\n".join(out)


def _patterns(data: dict[str, Any]) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for country in data.get("countries", []):
        for route in country.get("routes", []):
            for word in route.get("keywords") or []:
                out.append((word, re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)))
    return out


# A body named on a line that speaks of reporting or complaining is a route written by hand.
# Naming the same body to say how to check a title ("registered with the HCPC") is not.
REPORTING = re.compile(
    r"\b(?:signal\w*|plaint\w*|réclamation\w*|dénonc\w*|enquête\w*|sanction\w*"
    r"|report\w*|complain\w*|complaint\w*|inquir\w*|investigat\w*)\b", re.IGNORECASE)


def hand_written(data: dict[str, Any], rel: str, lines: list[tuple[int, str]]) -> list[Problem]:
    """ROUTE001 for a body of the routes file named, in a page's own text, as a place to report."""
    out = []
    patterns = _patterns(data)
    for number, line in lines:
        if not REPORTING.search(line):
            continue
        for word, pattern in patterns:
            match = pattern.search(line)
            if match:
                out.append(Problem(rel, number, match.start() + 1, "ROUTE001",
                                   f"'{word}' is a reporting route: write routes only in {REL} "
                                   f"and show them with <!-- {MARKER} -->"))
    return out
