"""The policy as Netlify and Cloudflare Pages read it: `_headers` and `_redirects` at the
root of the published folder.

Both hosts add up the headers of every rule a path matches (Cloudflare joins two values
of one header with a comma), and neither can take a header away on Netlify, so the rules
never overlap on a header: the headers every answer gets on `/*`; the CSP on patterns
that cover every address but the PDFs (policy.csp_patterns; an unknown address's 404
page goes without it); a Cache-Control only on the paths whose lifetime is not the
hosts' default (policy.CACHE_DEFAULT). Cloudflare Pages takes at most 100 rules.
"""

from __future__ import annotations

from .policy import CACHE_FONTS, CACHE_IMMUTABLE, FONTS_PREFIX, ServingPolicy

MAX_RULES = 100  # Cloudflare Pages' limit
HEADER = "# Written by the build from hooks/alliance/serving/policy.py: do not edit.\n"


def headers_file(policy: ServingPolicy) -> str:
    lines = [HEADER, "/*"]
    lines += [f"  {name}: {value}" for name, value in policy.common_headers]
    for pattern in policy.csp_patterns:
        lines += ["", pattern, f"  Content-Security-Policy: {policy.csp}"]
    lines += ["", FONTS_PREFIX + "*", f"  Cache-Control: {CACHE_FONTS}"]
    for path in policy.fingerprinted:
        lines += ["", path, f"  Cache-Control: {CACHE_IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def redirect_sources(source: str) -> list[str]:
    """The addresses a redirect answers: a folder address with and without its slash."""
    if source.endswith("/") and source != "/":
        return [source, source.rstrip("/")]
    return [source]


def redirects_file(policy: ServingPolicy) -> str:
    lines = [HEADER.rstrip("\n")]
    for redirect in policy.redirects:
        lines.append(f"{redirect.source} {redirect.target} {redirect.status}")
    return "\n".join(lines) + "\n"
