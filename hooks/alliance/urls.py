"""The URL contract: every address the site ever published keeps working.

published-urls.txt (at the repository root, committed) lists every page and PDF address
of both languages, site-absolute, one a line. After a build, each listed address must
still be produced, or be the old address of a redirect (docs/_data/redirects.yml):
otherwise URL001, which tells the writer to add the redirect. New addresses are added
to the list by `make urls` (`python -m alliance urls SITE_DIR`); none is ever removed.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .redirects import REL as REDIRECTS_REL
from .redirects import Redirect

CONTRACT = "published-urls.txt"
HEADER = (
    "# Every address the site has published (pages and PDFs, both languages), one a line.\n"
    "# Links shared by readers and therapists must keep working: an address here that the\n"
    f"# build no longer produces needs a redirect in {REDIRECTS_REL}.\n"
    "# New addresses are added by `make urls`. Never remove a line.\n"
)
# Files the site publishes that are addresses readers share (pages are folders).
SHARED_FILES = (".pdf",)


def read_contract(root: Path) -> list[tuple[int, str]]:
    """(line, address) of every address in the list (none if the list does not exist)."""
    path = root / CONTRACT
    if not path.exists():
        return []
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((number, line))
    return out


def produced_urls(site_dir: Path) -> set[str]:
    """Every page (folder with index.html) and shared file of a built site, site-absolute."""
    out = set()
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        if path.name == "index.html":
            out.add("/" + rel.removesuffix("index.html"))
        elif path.suffix in SHARED_FILES:
            out.add("/" + rel)
    return out


def contract_problems(listed: list[tuple[int, str]], produced: set[str],
                      redirects: list[Redirect]) -> list[Problem]:
    """URL001 for each listed address that is neither produced nor redirected."""
    moved = {old for old, _ in redirects}
    out = []
    for line, url in listed:
        if url in produced or url in moved:
            continue
        example = "/en/new-address/" if url.startswith("/en/") else "/nouvelle-adresse/"
        if not url.endswith("/"):
            example = url.rsplit("/", 1)[0] + "/new-name" + Path(url).suffix
        out.append(Problem(
            CONTRACT, line, 1, "URL001",
            f"'{url}' was published but the build no longer produces it: links to it would "
            f"break. Add a redirect to {REDIRECTS_REL}, a line like `{url}: {example}` "
            "(the address that replaces it, in the same language)"))
    return out


def new_urls(listed: list[tuple[int, str]], produced: set[str]) -> list[str]:
    known = {url for _, url in listed}
    return sorted(produced - known)


def add_to_contract(root: Path, produced: set[str]) -> list[str]:
    """Add the produced addresses missing from the list; return them. Nothing is removed."""
    listed = read_contract(root)
    added = new_urls(listed, produced)
    urls = sorted({url for _, url in listed} | set(added))
    (root / CONTRACT).write_text(HEADER + "".join(u + "\n" for u in urls), encoding="utf-8")
    return added
