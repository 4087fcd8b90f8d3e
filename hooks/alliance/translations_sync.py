"""Write `translation_sync` in each page: the fingerprint of its counterpart as it is now.

Run it once both languages of a page say the same; the check then reports a page as
stale as soon as its counterpart changes again."""

from __future__ import annotations

import re
from pathlib import Path

from . import LANGUAGES
from .checks.translations import fingerprint
from .sources import FRONT_MATTER, read_pages

SYNC_LINE = re.compile(r"^translation_sync:.*\n", re.MULTILINE)


def sync_all(root: Path) -> list[str]:
    pages, _ = read_pages(root)
    by_stem: dict[str, dict[str, object]] = {}
    for page in pages:
        by_stem.setdefault(page.stem, {})[page.lang] = page
    changed = []
    for versions in by_stem.values():
        if not all(lang in versions for lang in LANGUAGES):
            continue
        for lang in LANGUAGES:
            page = versions[lang]
            other = versions[LANGUAGES[1] if lang == LANGUAGES[0] else LANGUAGES[0]]
            wanted = fingerprint(other)
            if str(page.meta.get("translation_sync")) == wanted:
                continue
            front = FRONT_MATTER.match(page.text)
            block = SYNC_LINE.sub("", front.group(1)) + f"translation_sync: {wanted}\n"
            page.path.write_text(f"---\n{block}---\n{page.text[front.end():]}", encoding="utf-8")
            changed.append(page.rel)
    return changed
