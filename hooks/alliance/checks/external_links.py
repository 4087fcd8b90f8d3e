"""EXT: external links use https, carry no tracking parameters and no URL shortener.
All external links are also listed in a report file for a person to review."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from ..context import SiteContext
from ..markdown_scan import links
from ..problems import Problem

TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|_hsenc|"
                      r"_hsmi|igshid|ref_src)$", re.IGNORECASE)
SHORTENERS = {"bit.ly", "t.co", "goo.gl", "tinyurl.com", "ow.ly", "is.gd", "buff.ly",
              "rebrand.ly", "cutt.ly", "shorturl.at", "lnkd.in", "tiny.cc", "rb.gy"}
REPORT = Path("build/reports/external-links.tsv")


def external_links(ctx: SiteContext) -> list[tuple[str, int, str]]:
    found = []
    for page in ctx.pages:
        for link in links(page):
            if re.match(r"^https?://", link.target, re.IGNORECASE):
                found.append((page.rel, link.line, link.target))
    return found


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    for page in ctx.pages:
        for link in links(page):
            url = link.target
            if not re.match(r"^https?://", url, re.IGNORECASE):
                continue
            parts = urlsplit(url)
            if parts.scheme.lower() != "https":
                out.append(page.problem(link.line, link.col, "EXT001",
                                        f"external link '{url}' must use https"))
            if parts.hostname and parts.hostname.lower().removeprefix("www.") in SHORTENERS:
                out.append(page.problem(link.line, link.col, "EXT003",
                                        f"external link '{url}' uses a URL shortener: "
                                        "link to the real address"))
            tracking = [k for k, _ in parse_qsl(parts.query) if TRACKING.match(k)]
            if tracking:
                out.append(page.problem(link.line, link.col, "EXT002",
                                        f"external link '{url}' carries tracking parameters "
                                        f"({', '.join(tracking)}): remove them"))
    return out


def write_report(ctx: SiteContext) -> Path:
    """build/reports/external-links.tsv: every external link, where it is, for review."""
    path = ctx.root / REPORT
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = ["page\tline\turl"] + [f"{p}\t{n}\t{u}" for p, n, u in external_links(ctx)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
