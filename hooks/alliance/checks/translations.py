"""I18N: both languages exist, share anchors, citations and sheets, and are in step.

A page records in `translation_sync` a fingerprint of its counterpart's body as it
was when the two were last brought in line (`make sync-translations` writes it).
When the counterpart changes afterwards, this page is reported as stale.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from .. import LANGUAGES
from ..bibliography import cited_keys
from ..context import SiteContext
from ..markdown_scan import explicit_heading_anchors, links
from ..problems import Problem
from ..sources import SourcePage

SHEET_LINK = re.compile(r"fiches/(?:pdf/)?([a-z0-9-]+?)(?:\.(?:fr|en)\.\w+\.pdf|\.md)")


def fingerprint(page: SourcePage) -> str:
    """Short hash of a page's body, whitespace-normalised (front matter excluded)."""
    normal = " ".join(page.body.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def _images(page: SourcePage) -> list[str]:
    return sorted(link.target for link in links(page) if link.image)


def _sheets(page: SourcePage) -> list[str]:
    found = {m.group(1) for link in links(page) for m in [SHEET_LINK.search(link.target)] if m}
    if page.kind == "sheet":
        found.add(str(page.meta.get("sheet")))
    return sorted(found)


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    by_stem: dict[str, dict[str, SourcePage]] = {}
    for page in ctx.pages:
        by_stem.setdefault(page.stem, {})[page.lang] = page
    for stem, versions in sorted(by_stem.items()):
        for lang in LANGUAGES:
            if lang not in versions and (stem, lang) not in ctx.unreadable:
                some = next(iter(versions.values()))
                out.append(some.problem(1, 1, "I18N001",
                                        f"no {lang} version: expected docs/{stem}.{lang}.md"))
        if not all(lang in versions for lang in LANGUAGES):
            continue
        source, other = versions[LANGUAGES[0]], versions[LANGUAGES[1]]
        # same explicit heading anchors, in the same order
        a_src = [a for _, a in explicit_heading_anchors(source)]
        a_oth = explicit_heading_anchors(other)
        if a_src != [a for _, a in a_oth]:
            missing = [a for a in a_src if a not in {x for _, x in a_oth}]
            extra = [(line, a) for line, a in a_oth if a not in a_src]
            for line, anchor in extra:
                out.append(other.problem(line, 1, "I18N002",
                                         f"heading anchor '#{anchor}' is not in {source.rel}"))
            for anchor in missing:
                out.append(other.problem(1, 1, "I18N002",
                                         f"heading anchor '#{anchor}' of {source.rel} is missing here"))
            if not missing and not extra:
                out.append(other.problem(1, 1, "I18N002",
                                         f"heading anchors are not in the same order as in {source.rel}"))
        # same citations, sheets and images
        for what, get in (("citations", lambda p: sorted(Counter(k for k, _ in cited_keys(p.body)))),
                          ("sheets", _sheets), ("images", _images)):
            left, right = get(source), get(other)
            if left != right:
                only_src = sorted(set(left) - set(right))
                only_oth = sorted(set(right) - set(left))
                detail = "; ".join(x for x in (
                    f"only in {source.lang}: {', '.join(only_src)}" if only_src else "",
                    f"only in {other.lang}: {', '.join(only_oth)}" if only_oth else "") if x)
                out.append(other.problem(1, 1, "I18N005",
                                         f"{what} differ from {source.rel} ({detail})"))
        # stale translations, both ways
        for page, counterpart in ((source, other), (other, source)):
            recorded = page.meta.get("translation_sync")
            if recorded is None:
                out.append(page.problem(1, 1, "I18N003",
                                        f"never brought in line with {counterpart.rel}: run "
                                        "`make sync-translations` once both say the same"))
            elif str(recorded) != fingerprint(counterpart):
                out.append(page.problem(page.front.line("translation_sync"), 1, "I18N003",
                                        f"stale translation: {counterpart.rel} changed since this "
                                        "page was last brought in line; update this page, then "
                                        "run `make sync-translations`"))
    return out
