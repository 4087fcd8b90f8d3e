"""The release check: what must be true before the site goes in front of the public.

`python -m alliance release` (`make release-check`) runs every content check, then these,
which only matter for a public release and so never fail `make build` or `make test`:

    REL001  site_url is still the example domain (or a local address)
    REL002  an example e-mail address (…@….example, example.com/org/net) in a page or data file
    REL003  the publisher, director of publication or host is still a placeholder
    REL004  an author or reviewer is a placeholder, not a named person
    REL005  the help lines or the reporting routes were not verified within the last 6 months

Each problem is reported like any other (`path:line:col CODE message`), all at once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import legal
from .context import SiteContext
from .data import DATA_DIR
from .people import REL as PEOPLE_REL
from .problems import Problem
from .sources import find_page_files

STALE_MONTHS = 6
EXAMPLE_HOSTS = re.compile(r"(^|\.)(example(\.(com|org|net))?|test|invalid|localhost)$")
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
SITE_URL_LINE = re.compile(r"^site_url:.*?(https?://[^\s\"'\]]+)", re.MULTILINE)
VERIFIED_FILES = (("helplines.yml", "help lines"), ("reporting_routes.yml", "reporting routes"))


def _is_example_host(host: str) -> bool:
    return bool(EXAMPLE_HOSTS.search(host.lower())) or host.startswith("127.")


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day if it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_site_url(root: Path) -> list[Problem]:
    """REL001: the address the site is built for (SITE_URL, else mkdocs.yml's default)."""
    path = root / "mkdocs.yml"
    if not path.exists():
        return [Problem("mkdocs.yml", 1, 1, "REL001", "mkdocs.yml is missing: no site_url")]
    text = path.read_text(encoding="utf-8")
    found = SITE_URL_LINE.search(text)
    if not found:
        return [Problem("mkdocs.yml", 1, 1, "REL001", "mkdocs.yml sets no site_url")]
    url = os.environ.get("SITE_URL") or found.group(1)
    host = urlsplit(url).hostname or ""
    if not _is_example_host(host):
        return []
    line, col = _line_col(text, found.start(1))
    return [Problem("mkdocs.yml", line, col, "REL001",
                    f"site_url is '{url}', an example address: set the real one (here, or "
                    "SITE_URL when building)")]


def _scanned_files(root: Path) -> list[Path]:
    files = find_page_files(root)
    files += sorted((root / DATA_DIR).rglob("*.yml"))
    files += [root / "mkdocs.yml"] if (root / "mkdocs.yml").exists() else []
    return files


def check_example_emails(root: Path) -> list[Problem]:
    """REL002: every example e-mail address left in a page, a data file or mkdocs.yml
    (comments included: a commented example is harmless, but is said once, at its place)."""
    out = []
    for path in _scanned_files(root):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        for match in EMAIL.finditer(text):
            if _is_example_host(match.group(1)):
                line, col = _line_col(text, match.start())
                out.append(Problem(rel, line, col, "REL002",
                                   f"'{match.group(0)}' is an example e-mail address: "
                                   "put the real one"))
    return out


def check_legal(ctx: SiteContext) -> list[Problem]:
    """REL003: publisher, director of publication, host still placeholders."""
    src_lines = (ctx.root / legal.REL).read_text(encoding="utf-8").split("\n")
    names = {"publisher": "the publisher (name, legal form, address, telephone)",
             "director": "the director of publication (name)",
             "host": "the host (name, address, telephone)"}
    out = []
    for role in legal.placeholders(ctx.data.site):
        line = next((i + 1 for i, text in enumerate(src_lines)
                     if re.match(rf"\s+{role}:", text)), 1)
        out.append(Problem(legal.REL, line, 1, "REL003",
                           f"{names[role]} is still a placeholder: fill in the real details "
                           "and set placeholder: false"))
    return out


def check_people(ctx: SiteContext) -> list[Problem]:
    """REL004: a placeholder (a team name, not a person) named as author or reviewer."""
    uses: dict[str, dict[str, int]] = {}
    entries: list[tuple[str, Any]] = [(p.rel, p.meta) for p in ctx.pages if p.kind != "sheet"]
    entries += [(s.source, {"authors": s.authors, "reviewers": s.reviewers})
                for s in ctx.sheets.values()]
    for _, meta in entries:
        for role in ("authors", "reviewers"):
            for pid in meta.get(role) or []:
                counts = uses.setdefault(str(pid), {"authors": 0, "reviewers": 0})
                counts[role] += 1
    out = []
    for person in ctx.data.people.values():
        if not person.placeholder:
            continue
        used = uses.get(person.id, {"authors": 0, "reviewers": 0})
        where = (f"reviewer of {used['reviewers']} page(s) and sheet(s)" if used["reviewers"]
                 else f"author of {used['authors']} page(s) and sheet(s)" if used["authors"]
                 else "not used yet")
        who = "a reviewer" if used["reviewers"] else "an author"
        out.append(Problem(PEOPLE_REL, person.line, 1, "REL004",
                           f"'{person.id}' ({person.name['en']}) is a placeholder, not a named "
                           f"person ({where}): {who} must be a real person with a name, role "
                           "and profession; set placeholder: false once filled in"))
    return out


def check_verified(ctx: SiteContext, today: dt.date) -> list[Problem]:
    """REL005: help lines and reporting routes verified within the last 6 months."""
    out = []
    for name, what in VERIFIED_FILES:
        path = ctx.root / DATA_DIR / name
        rel = (DATA_DIR / name).as_posix()
        if not path.exists():
            continue  # DATA001 already says it is missing
        text = path.read_text(encoding="utf-8")
        found = re.search(r"^verified:\s*(\S+)", text, re.MULTILINE)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        try:
            verified = dt.date.fromisoformat(found.group(1)) if found else None
        except ValueError:
            verified = None
        if verified is None:
            out.append(Problem(rel, line, 1, "REL005", f"the {what} carry no 'verified' date"))
        elif months_later(verified, STALE_MONTHS) < today:
            out.append(Problem(rel, line, 1, "REL005",
                               f"the {what} were last verified on {verified}, more than "
                               f"{STALE_MONTHS} months ago: check every entry against its "
                               "official source, then update 'verified'"))
    return out


def check(ctx: SiteContext, today: dt.date) -> list[Problem]:
    """Every release-only problem (the content checks are run by the caller)."""
    return sorted(set(check_site_url(ctx.root) + check_example_emails(ctx.root)
                      + check_legal(ctx) + check_people(ctx) + check_verified(ctx, today)))
