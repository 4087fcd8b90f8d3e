"""The "page information" block that closes every page, as health services do: who wrote
and reviewed it, when it was last reviewed and when it will be next, its sources, and the
way to the help page. The point of the page comes first; this block comes last."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .words import WORDS, long_date

ANCHOR = "page-info"
DEFAULT_REVIEW_MONTHS = 12


def next_review(reviewed: dt.date, months: int) -> dt.date:
    """`months` after `reviewed`, on the same day of the month (or the month's last day)."""
    month0 = reviewed.month - 1 + months
    year, month = reviewed.year + month0 // 12, month0 % 12 + 1
    for day in range(reviewed.day, 27, -1):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return dt.date(year, month, min(reviewed.day, 28))


def page_info_markdown(meta: dict[str, Any], lang: str, byline: str, sources: str,
                       help_link: str, review_months: int | None) -> str:
    """The block, in Markdown with HTML: `byline` (the authors line), `sources` (the
    Markdown of the sources section, or ""), `help_link` (link target of the help page)."""
    words = WORDS[lang]
    sep = words["colon"] + " "
    dates = ""
    reviewed = meta.get("last_reviewed")
    if isinstance(reviewed, dt.date):
        due = next_review(reviewed, review_months or DEFAULT_REVIEW_MONTHS)
        dates = (f'<p class="page-info__next">{words["next_review"]}{sep}'
                 f'<time datetime="{due.isoformat()}">{long_date(due, lang)}</time></p>\n')
    return (
        f'\n\n<section class="page-info" aria-labelledby="{ANCHOR}" markdown>\n\n'
        f"## {words['page_info']} {{ #{ANCHOR} }}\n\n"
        f"{byline}\n{dates}\n"
        f"{sources}\n\n"
        f"{words['help_line']} [{words['help_link']}]({help_link})\n"
        f"{{: .page-info__help }}\n\n"
        f"</section>\n"
    )
