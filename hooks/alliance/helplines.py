"""Help lines: the schema of docs/_data/helplines.yml and the help page generated from it.

Every country must give the number to call when a life is in danger now (a line of type
"emergency"): a help page that lists only listening lines for a country fails the build.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from . import LANGUAGES
from .problems import Problem
from .yamlio import Located

REL = "docs/_data/helplines.yml"
TYPES = ("emergency", "crisis", "listening", "victims", "advice")
CONTACTS = ("call", "text", "call-or-text")
COUNTRY_KEYS = {"id", "name", "lines"}
LINE_KEYS = {"number", "display", "type", "contact", "name", "note", "source", "checked"}
TOP_KEYS = {"verified", "order", "first_screen", "countries", "search_words"}

TEXT = {
    "fr": {
        "now": "Si une vie est en danger maintenant",
        "now_text": "Appelez tout de suite le numéro d'urgence.",
        "now_more": "Vous pouvez aussi aller aux urgences de l'hôpital le plus proche. "
                    "Faites-vous entourer\u00a0: appelez un proche ou demandez à quelqu'un de venir.",
        "jump": "Les numéros par pays",
        "call": "Appeler le", "text": "Envoyer un SMS au",
        "types": {"emergency": "Urgence", "crisis": "Crise, idées de suicide",
                  "listening": "Écoute", "victims": "Victimes", "advice": "Conseil"},
        "checked": "Numéros vérifiés le",
    },
    "en": {
        "now": "If a life is in danger now",
        "now_text": "Call the emergency number straight away.",
        "now_more": "You can also go to the emergency department of the nearest hospital. "
                    "Do not stay on your own: call someone close or ask someone to come.",
        "jump": "Numbers by country",
        "call": "Call", "text": "Text",
        "types": {"emergency": "Emergency", "crisis": "Crisis, suicidal thoughts",
                  "listening": "Someone to talk to", "victims": "Victims", "advice": "Advice"},
        "checked": "Numbers checked on",
    },
}


def digits(number: Any) -> str:
    return "".join(ch for ch in str(number) if ch.isdigit())


def all_numbers(helplines: dict[str, Any]) -> list[str]:
    """Every number of the file, as written (the one list pages and links are checked against)."""
    return [str(line.get("number", "")) for country in helplines.get("countries", [])
            for line in country.get("lines", []) if isinstance(line, dict)]


# A number is digits in groups (spaces or hyphens between them), after an optional "+".
WELL_FORMED = r"\+?\d+(?:[ -]\d+)*"
KEYPAD = {letter: str(key) for key, letters in
          ((2, "ABC"), (3, "DEF"), (4, "GHI"), (5, "JKL"), (6, "MNO"), (7, "PQRS"), (8, "TUV"),
           (9, "WXYZ")) for letter in letters}


def number_problem(number: Any, display: Any) -> str | None:
    """What is wrong with a line's number and the way it is displayed, if anything.

    The number dials in full (2 to 15 digits, E.164's limit). A display shows the same
    digits, or a letter form ("1 866 APPELLE") followed by its digits in brackets, and the
    letters must be the keypad letters of those digits."""
    text = str(number)
    if not isinstance(number, str):
        return f"number {text} must be written in quotes, so that it is kept as written"
    if not re.fullmatch(WELL_FORMED, text):
        return (f"number '{text}' is not well formed: digits in groups separated by spaces "
                "(or hyphens), after an optional '+'; put a letter form in 'display'")
    if not 2 <= len(digits(text)) <= 15:
        return f"number '{text}' has {len(digits(text))} digits: a number dials 2 to 15"
    if display is None:
        return None
    shown = str(display)
    letters = re.match(r"^([^()]*[A-Za-z][^()]*)\(([^()]*)\)\s*$", shown)
    if letters:
        spelled = "".join(KEYPAD.get(ch.upper(), ch) for ch in letters.group(1) if ch.isalnum())
        if digits(letters.group(2)) != digits(text) or spelled != digits(text):
            return (f"display '{shown}' does not match number '{text}': the letters must be "
                    "the keypad letters of the number, its digits given in brackets")
        return None
    if re.search(r"[A-Za-z]", shown) or digits(shown) != digits(text):
        return (f"display '{shown}' does not show number '{text}': the same digits, or a "
                "letter form followed by the digits in brackets")
    return None


def _bilingual(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES)


def validate(src: Located) -> list[Problem]:
    """Every problem of the file at once, each at its line."""
    out: list[Problem] = []

    def bad(path: tuple[Any, ...], code: str, message: str) -> None:
        out.append(Problem(REL, src.line(*path), 1, code, message))

    data = src.data
    if not isinstance(data, dict) or not isinstance(data.get("countries"), list):
        bad((), "DATA002", "help lines need a 'countries' list")
        return out
    for key in sorted(set(data) - TOP_KEYS):
        bad((key,), "DATA003", f"unknown key '{key}' (expected one of {', '.join(sorted(TOP_KEYS))})")
    if not isinstance(data.get("verified"), dt.date):
        bad(("verified",), "DATA002", "'verified' must be the date (YYYY-MM-DD) the numbers were checked")
    ids: list[str] = []
    numbers: dict[str, set[str]] = {}
    for i, country in enumerate(data["countries"]):
        where = ("countries", i)
        if not isinstance(country, dict) or not isinstance(country.get("id"), str) \
                or not _bilingual(country.get("name")):
            bad(where, "DATA002", "each country needs an id and a name in fr and en")
            continue
        cid = country["id"]
        ids.append(cid)
        for key in sorted(set(country) - COUNTRY_KEYS):
            bad((*where, key), "DATA003", f"country '{cid}': unknown key '{key}'")
        lines = country.get("lines")
        if not isinstance(lines, list) or not lines:
            bad(where, "DATA002", f"country '{cid}' needs a list of lines")
            continue
        numbers[cid] = set()
        if not any(isinstance(x, dict) and x.get("type") == "emergency" for x in lines):
            bad(where, "HELP002", f"country '{cid}' has no emergency number: add a line of "
                                  "type 'emergency' (the number to call when a life is in danger)")
        for j, line in enumerate(lines):
            at = (*where, "lines", j)
            if not isinstance(line, dict) or not line.get("number") or not _bilingual(line.get("name")):
                bad(at, "DATA002", "each help line needs a number and a name in fr and en")
                continue
            numbers[cid].add(str(line["number"]))
            wrong = number_problem(line["number"], line.get("display"))
            if wrong:
                bad((*at, "display" if "display" in line and "display '" in wrong else "number"),
                    "HELP003", wrong)
            for key in sorted(set(line) - LINE_KEYS):
                bad((*at, key), "DATA003", f"line {line['number']}: unknown key '{key}'")
            if line.get("type") not in TYPES:
                bad((*at, "type"), "DATA002",
                    f"line {line['number']}: 'type' must be one of {', '.join(TYPES)}")
            if line.get("contact", "call") not in CONTACTS:
                bad((*at, "contact"), "DATA002",
                    f"line {line['number']}: 'contact' must be one of {', '.join(CONTACTS)}")
            if "note" in line and not _bilingual(line["note"]):
                bad((*at, "note"), "DATA002", f"line {line['number']}: the note needs fr and en")
            if ("source" in line) != ("checked" in line) or (
                    "checked" in line and not isinstance(line["checked"], dt.date)):
                bad(at, "DATA002", f"line {line['number']}: 'source' and 'checked' (a date) go together")
    words = data.get("search_words")
    if words is not None and not (isinstance(words, dict) and all(
            isinstance(words.get(lang), list) and words[lang]
            and all(isinstance(w, str) and w.strip() for w in words[lang]) for lang in LANGUAGES)):
        bad(("search_words",), "DATA002", "'search_words' needs a list of words in fr and in en")
    for lang in LANGUAGES:
        order = (data.get("order") or {}).get(lang)
        if not isinstance(order, list) or sorted(order) != sorted(ids):
            bad(("order", lang) if isinstance(order, list) else ("order",), "DATA002",
                f"'order.{lang}' must list every country id once: {', '.join(ids)}")
        shown = (data.get("first_screen") or {}).get(lang)
        if not isinstance(shown, list) or not shown:
            bad(("first_screen",), "DATA002", f"'first_screen.{lang}' must list 'country/number' items")
            continue
        for k, ref in enumerate(shown):
            cid, _, number = str(ref).partition("/")
            if number not in numbers.get(cid, set()):
                bad(("first_screen", lang, k), "DATA002",
                    f"first_screen.{lang}: '{ref}' is not a number of country '{cid}'")
    return out


# ---------------------------------------------------------------- rendering

def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _links(line: dict[str, Any], lang: str, css: str) -> list[str]:
    """One link per way of reaching the line: tel: to call, sms: to text."""
    words = TEXT[lang]
    shown = _esc(line.get("display") or line["number"])
    target = digits(line["number"])
    if str(line["number"]).startswith("+"):
        target = "+" + target
    contact = line.get("contact", "call")
    out = []
    if contact in ("call", "call-or-text"):
        # The action is said to screen readers by hidden text, not aria-label: the accessible
        # name then contains all the visible text (WCAG 2.5.3), whatever follows the number.
        out.append(f'<a class="{css}" href="tel:{target}">'
                   f'<span class="visually-hidden">{words["call"]} </span>'
                   f'<span class="{css}__number">{shown}</span></a>')
    if contact in ("text", "call-or-text"):
        out.append(f'<a class="{css} {css}--sms" href="sms:{target}">'
                   f'<span class="visually-hidden">{words["text"]} </span>'
                   f'<span class="{css}__number">{shown} <span class="{css}__how">SMS</span></span></a>')
    return out


def _find(data: dict[str, Any], ref: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    cid, _, number = ref.partition("/")
    for country in data.get("countries", []):
        if country.get("id") == cid:
            for line in country.get("lines", []):
                if str(line.get("number")) == number:
                    return country, line
    return None


def ordered_countries(data: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    by_id = {c["id"]: c for c in data.get("countries", []) if isinstance(c, dict) and "id" in c}
    order = (data.get("order") or {}).get(lang) or list(by_id)
    return [by_id[cid] for cid in order if cid in by_id]


def first_screen_html(data: dict[str, Any], lang: str) -> str:
    """The block a reader in danger sees first: large buttons, then a jump to each country."""
    words = TEXT[lang]
    buttons = []
    for ref in (data.get("first_screen") or {}).get(lang, []):
        found = _find(data, str(ref))
        if not found:
            continue
        country, line = found
        for link in _links(line, lang, "call-button"):
            label = (f'<span class="call-button__label">{_esc(line["name"][lang])} '
                     f'({_esc(country["name"][lang])})</span>')
            buttons.append(f"<li>{link.replace('</a>', label + '</a>', 1)}</li>")
    jumps = "".join(f'<li><a href="#{_esc(c["id"])}">{_esc(c["name"][lang])}</a></li>'
                    for c in ordered_countries(data, lang))
    return (
        f'<section class="help-danger" aria-labelledby="danger">\n'
        f'<h2 id="danger">{words["now"]}</h2>\n'
        f"<p>{words['now_text']}</p>\n"
        f'<ul class="call-buttons">{"".join(buttons)}</ul>\n'
        f'<p>{_esc(words["now_more"])}</p>\n'
        f"</section>\n"
        f'<nav class="help-countries" aria-labelledby="help-countries-title">'
        f'<p id="help-countries-title">{words["jump"]}</p><ul>{jumps}</ul></nav>\n'
    )


def countries_markdown(data: dict[str, Any], lang: str, long_date: Any) -> str:
    """One section per country: emergency numbers first, then crisis and listening lines."""
    words = TEXT[lang]
    out = []
    for country in ordered_countries(data, lang):
        out.append(f"## {_esc(country['name'][lang])} {{ #{country['id']} }}\n")
        lines = sorted(country.get("lines", []), key=lambda x: TYPES.index(x.get("type", "advice"))
                       if x.get("type") in TYPES else len(TYPES))
        items = []
        for line in lines:
            kind = words["types"].get(line.get("type", ""), "")
            links = " ".join(_links(line, lang, "call-link"))
            note = f" {_esc(line['note'][lang])}" if line.get("note") else ""
            items.append(f'<li class="call-line call-line--{_esc(line.get("type", ""))}">'
                         f'<span class="call-line__links">{links}</span>'
                         f'<span class="call-line__text"><span class="call-kind">{kind}</span> '
                         f"{_esc(line['name'][lang])}.{note}</span></li>")
        out.append(f'<ul class="call-lines">{"".join(items)}</ul>\n')
    verified = data.get("verified")
    if isinstance(verified, dt.date):
        out.append(f"*{words['checked']} {long_date(verified, lang)}.*\n")
    return "\n".join(out)


def help_markdown(data: dict[str, Any], lang: str, long_date: Any) -> str:
    return first_screen_html(data, lang) + "\n" + countries_markdown(data, lang, long_date)
