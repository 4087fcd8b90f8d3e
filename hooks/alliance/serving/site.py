"""What the build adds to the published folder for serving: the hosts' files and the
pre-compressed siblings, after checking that the policy blocks nothing the site needs."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem
from .compress import write_siblings
from .hosts import headers_file, redirects_file
from .inline import blocked
from .policy import Redirect, ServingPolicy, site_policy


def blocked_in_site(site_dir: Path) -> list[Problem]:
    """Inline styles, handlers and javascript: URLs left in the built pages (CSP00x),
    each with its place in the output."""
    out: list[Problem] = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        out += blocked(page.read_text(encoding="utf-8"), f"{site_dir.name}/{rel}", scripts_allowed=True)
    return out


def write_serving_files(site_dir: Path, redirects: tuple[Redirect, ...], compress: bool,
                        cache_dir: Path | None) -> ServingPolicy:
    policy = site_policy(site_dir, redirects)
    (site_dir / "_headers").write_text(headers_file(policy), encoding="utf-8")
    (site_dir / "_redirects").write_text(redirects_file(policy), encoding="utf-8")
    if compress:
        write_siblings(site_dir, cache_dir)
    return policy
