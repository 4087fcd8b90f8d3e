"""The one source of how the site is served: security headers, cache lifetimes,
compressed siblings and redirects.

Everything that serves the site reads this module: the hosts' `_headers` and `_redirects`
(hosts.py), the nginx configuration of `make preview`, of the tests and of one's own
server (nginx.py). The only part computed from the build is the list of hashes of the
theme's inline scripts (inline.py) and of the fingerprinted files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..redirects import redirects
from .inline import inline_script_hashes

# Content-Security-Policy, directive by directive. `script-src` gains the sha256 of each
# inline script the theme writes (the site's own scripts are files). Images allow data:
# because the theme's stylesheet draws its icons as data: SVG masks.
CSP_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("frame-ancestors", "'none'"),
    ("form-action", "'none'"),
)

# A PDF is shown by the browser's own viewer, which a CSP on the PDF's answer breaks:
# Chromium draws the PDF inside a page of its own that `object-src 'none'` and the style
# rules then block ("This content is blocked"). PDFs get every header but the CSP.
NO_CSP_SUFFIXES: tuple[str, ...] = (".pdf",)

# Powerful features the site never uses, denied to it and to anything it could embed.
# Only features Chromium knows: an unknown name is a console error on every page.
DENIED_FEATURES: tuple[str, ...] = (
    "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "hid",
    "magnetometer", "microphone", "midi", "payment", "serial", "usb",
)

HSTS = "max-age=63072000; includeSubDomains"  # two years; HTTPS only (ignored over http)

# Cache lifetimes. Fingerprinted files (the theme's `name.1234abcd.min.js`) never change
# under one name; fonts change rarely; everything else, HTML first, is revalidated on
# every visit (this is what Netlify and Cloudflare Pages send when nothing is set, so the
# hosts' `_headers` leaves it out and nginx writes it).
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_FONTS = "public, max-age=604800"
CACHE_DEFAULT = "public, max-age=0, must-revalidate"
FONTS_PREFIX = "/assets/fonts/"
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")

# Pre-compressed siblings (`x.html.gz`, `x.html.br`) of every file of these kinds.
COMPRESSED_SUFFIXES: tuple[str, ...] = (".html", ".css", ".js", ".json", ".svg", ".xml")
COMPRESSED_TYPES: tuple[str, ...] = (
    "text/html", "text/css", "application/javascript", "text/javascript", "application/json",
    "image/svg+xml", "application/xml", "text/xml",
)


@dataclass(frozen=True)
class Redirect:
    """A published address that moved: `source` and `target` are site paths ("/a/b/")."""

    source: str
    target: str
    status: int = 301


@dataclass(frozen=True)
class ServingPolicy:
    script_hashes: tuple[str, ...] = ()  # "sha256-…" of each inline script, sorted
    fingerprinted: tuple[str, ...] = ()  # site paths of the fingerprinted files, sorted
    # The hosts' path patterns that get the CSP: every address of the site but the PDFs.
    csp_patterns: tuple[str, ...] = ("/*",)
    redirects: tuple[Redirect, ...] = ()

    @property
    def csp(self) -> str:
        parts = []
        for name, value in CSP_DIRECTIVES:
            if name == "script-src" and self.script_hashes:
                value = " ".join([value, *(f"'{h}'" for h in self.script_hashes)])
            parts.append(f"{name} {value}")
        return "; ".join(parts)

    @property
    def security_headers(self) -> tuple[tuple[str, str], ...]:
        """The headers of every response but a PDF's (see NO_CSP_SUFFIXES), in this order."""
        return (
            ("Content-Security-Policy", self.csp),
            ("Strict-Transport-Security", HSTS),
            ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Permissions-Policy", ", ".join(f"{f}=()" for f in DENIED_FEATURES)),
        )

    @property
    def common_headers(self) -> tuple[tuple[str, str], ...]:
        """The headers of every response, PDFs included: all but the CSP."""
        return tuple(h for h in self.security_headers if h[0] != "Content-Security-Policy")


def site_path(site_dir: Path, file: Path) -> str:
    return "/" + file.relative_to(site_dir).as_posix()


def _served(path: Path) -> bool:
    """A file readers ask for (not a compressed sibling, not a host's configuration)."""
    return not (path.name.startswith("_") or path.suffix in (".gz", ".br"))


def csp_patterns(site_dir: Path) -> tuple[str, ...]:
    """Host path patterns (splat `*`, placeholder `:name`) that cover every address of the
    site except the PDFs: a folder without PDFs is one `/folder/*`; a folder with PDFs is
    gone into; its page folders (an index.html alone) become one `/folder/:page/`. Pages'
    `…/index.html` aliases are left out: both hosts redirect them to `…/`."""
    def cover(folder: Path, url: str) -> list[str]:
        files = [p for p in folder.rglob("*") if p.is_file() and _served(p)]
        if not any(p.suffix in NO_CSP_SUFFIXES for p in files):
            return [url + "*"] if files else []
        out, pages = [], []
        for child in sorted(folder.iterdir()):
            if child.is_dir():
                inside = [p for p in child.iterdir() if _served(p)]
                if [p.name for p in inside] == ["index.html"]:
                    pages.append(child)
                else:
                    out += cover(child, f"{url}{child.name}/")
            elif _served(child) and child.suffix not in NO_CSP_SUFFIXES:
                out.append(url if child.name == "index.html" else url + child.name)
        if len(pages) > 1:
            out.append(url + ":page/")
        else:
            out += [f"{url}{p.name}/" for p in pages]
        return out
    return tuple(sorted(cover(site_dir, "/")))


def site_policy(site_dir: Path, redirects: tuple[Redirect, ...] = ()) -> ServingPolicy:
    """The policy of one built site: the hashes of the inline scripts it holds and its
    fingerprinted files, with the redirects handed in."""
    hashes: set[str] = set()
    fingerprinted = []
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file():
            continue
        if file.suffix == ".html":
            hashes |= inline_script_hashes(file.read_text(encoding="utf-8"))
        elif FINGERPRINTED.search(file.name):
            fingerprinted.append(site_path(site_dir, file))
    return ServingPolicy(tuple(sorted(hashes)), tuple(fingerprinted), csp_patterns(site_dir),
                         tuple(redirects))


def configured_redirects(root: Path) -> tuple[Redirect, ...]:
    """The site's redirects, from the one data file (docs/_data/redirects.yml, read by
    alliance.redirects), so that the build's `_redirects` and every nginx configuration list
    the same. A broken data file raises InputError with every problem."""
    return tuple(Redirect(source, target) for source, target in redirects(root))
