"""Redirects: one data file (docs/_data/redirects.yml), read here, rendered everywhere.

The file maps an old site-absolute path to the new one, one line per language:

    /comprendre/ancienne-page/: /comprendre/nouvelle-page/
    /en/comprendre/ancienne-page/: /en/comprendre/nouvelle-page/

`load_redirects` validates it and returns (from_path, to_path) pairs; the web server
configurations (`_redirects`, nginx) are written from those pairs, and for hosts without
redirects `redirect_pages` writes a small HTML page (meta refresh plus a link, noindex,
in the page's language) at each old page address.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from . import DEFAULT_LANGUAGE, LANGUAGES
from .data import DATA_DIR
from .problems import InputError, Problem
from .yamlio import Located, load_located_file

REL = (DATA_DIR / "redirects.yml").as_posix()
# A site-absolute path: no scheme, host, query, fragment, "..", "//" or spaces.
PATH = re.compile(r"^/(?:[A-Za-z0-9_~.\-]+/)*(?:[A-Za-z0-9_~.\-]+)?$")

Redirect = tuple[str, str]

TEXT = {
    "fr": {"title": "Page déplacée",
           "moved": "Cette page a changé d’adresse. Si rien ne se passe, suivez ce lien\u00a0:",
           "link": "la nouvelle adresse"},
    "en": {"title": "Page moved",
           "moved": "This page has a new address. If nothing happens, follow this link:",
           "link": "the new address"},
}


def path_language(path: str) -> str:
    """The language of a site-absolute path: English under /en/, French elsewhere."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and (path == f"/{lang}/" or path.startswith(f"/{lang}/")):
            return lang
    return DEFAULT_LANGUAGE


def _path_problem(value: object) -> str | None:
    if not isinstance(value, str):
        return "must be a site-absolute path in quotes or plain text, like /comprendre/alliance/"
    if not PATH.match(value) or "/../" in value or value.endswith("/..") or "/./" in value:
        return (f"'{value}' is not a site-absolute path (it starts with /, has no host, "
                "query, #fragment, .. or spaces), like /comprendre/alliance/")
    last = value.rsplit("/", 1)[1]
    if last and "." not in last:
        return f"'{value}' is a page address without its final /: write '{value}/'"
    return None


def validate(src: Located) -> tuple[list[Redirect], list[Problem]]:
    """The redirects of a parsed file, and every problem of its shape (URL010)."""
    problems: list[Problem] = []
    if src.data is None:
        return [], []
    if not isinstance(src.data, dict):
        return [], [Problem(REL, 1, 1, "URL010", "the file must map old paths to new paths "
                                                  "(old: new, one per line)")]
    out: list[Redirect] = []
    for old, new in src.data.items():
        line = src.line(old)
        bad = _path_problem(old) or _path_problem(new)
        if bad:
            problems.append(Problem(REL, line, 1, "URL010", bad))
            continue
        if old == new:
            problems.append(Problem(REL, line, 1, "URL010", f"'{old}' redirects to itself"))
            continue
        if path_language(old) != path_language(new):
            problems.append(Problem(REL, line, 1, "URL010",
                                    f"'{old}' and '{new}' are in different languages: a page "
                                    "leads to its own language's new address"))
            continue
        if old.endswith("/") != new.endswith("/"):
            problems.append(Problem(REL, line, 1, "URL010",
                                    f"'{old}' and '{new}': a page leads to a page, a file to a file"))
            continue
        out.append((old, new))
    sources = {old for old, _ in out}
    for old, new in out:
        if new in sources:
            problems.append(Problem(REL, src.line(old), 1, "URL010",
                                    f"'{old}' leads to '{new}', which redirects again: "
                                    "point it straight at the final address"))
    return out, problems


def load_redirects(root: Path) -> tuple[list[Redirect], list[Problem]]:
    """The (from_path, to_path) pairs of docs/_data/redirects.yml (none if it is absent)."""
    path = root / REL
    if not path.exists():
        return [], []
    try:
        src = load_located_file(path, root)
    except InputError as error:
        return [], error.problems
    redirects, problems = validate(src)
    return redirects, src.problems + problems


def line_of(root: Path, old: str) -> int:
    """The line of a redirect in the data file (1 if it cannot be found)."""
    path = root / REL
    if path.exists():
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            key = text.split("#", 1)[0].strip().removeprefix("- ")
            if key.strip("'\"").startswith(old + ":") or key.startswith((f"'{old}'", f'"{old}"')):
                return number
    return 1


def target_problems(root: Path, redirects: list[Redirect], produced: set[str]) -> list[Problem]:
    """A redirect must lead to an address the build produces (URL002), and must not hide one
    (URL003: the old address is still a page, so the redirect would never be followed)."""
    out = []
    for old, new in redirects:
        if new not in produced:
            out.append(Problem(REL, line_of(root, old), 1, "URL002",
                               f"'{old}' leads to '{new}', which the build does not produce"))
        if old in produced:
            out.append(Problem(REL, line_of(root, old), 1, "URL003",
                               f"'{old}' is still a page of the site: remove this redirect "
                               "or the page"))
    return out


def relative(old: str, new: str) -> str:
    """The link from the page at `old` to `new`, relative, so it works under any prefix."""
    link = posixpath.relpath(new, old if old.endswith("/") else posixpath.dirname(old))
    return link + "/" if new.endswith("/") and not link.endswith("/") else link


def redirect_html(old: str, new: str, absolute_new: str) -> str:
    """The page left at an old address: leaves at once, says where, is not indexed."""
    lang = path_language(new)
    words = TEXT[lang]
    href = html.escape(relative(old, new), quote=True)
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(words['title'])}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f'<link rel="canonical" href="{html.escape(absolute_new, quote=True)}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>{html.escape(words["moved"])} <a href="{href}">{html.escape(words["link"])}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def redirect_pages(redirects: list[Redirect], root_url: str) -> dict[str, str]:
    """Output file (relative to the site folder) -> HTML, for every old page address.
    An old file address (a PDF) gets none: only a server redirect can stand for a file."""
    base = root_url.rstrip("/")
    return {old.lstrip("/") + "index.html": redirect_html(old, new, base + new)
            for old, new in redirects if old.endswith("/")}


def redirects(root: Path) -> list[Redirect]:
    """The (from_path, to_path) pairs, for the web server configurations; a broken data
    file raises InputError with every problem (the build reports the same ones)."""
    pairs, problems = load_redirects(root)
    if problems:
        raise InputError(problems)
    return pairs
