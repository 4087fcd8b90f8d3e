"""The state one build shares between its hooks, reset at the start of every build.

Under static-i18n the whole build runs once per language; the context is loaded
once per language build (cheap) and the checks that span both languages run once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import DEFAULT_LANGUAGE
from .context import SiteContext, load_context

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class BuildState:
    context: SiteContext | None = None
    lang: str = "fr"
    site_root_url: str = ""
    output_root: Path | None = None
    search_indexes: dict[str, tuple[Path, dict]] = field(default_factory=dict)
    # static-i18n builds the other languages from inside the default language's
    # post-build: the depth tells when the outermost build (the last to end) ends.
    depth: int = 0
    pages_404: dict[str, tuple[Path, str]] = field(default_factory=dict)


STATE = BuildState()


def start(lang: str) -> SiteContext:
    STATE.lang = lang
    if lang == DEFAULT_LANGUAGE:
        STATE.search_indexes.clear()
    STATE.context = load_context(ROOT)
    return STATE.context


def context() -> SiteContext:
    if STATE.context is None:
        return start(STATE.lang)
    return STATE.context
