"""READ: patient pages stay readable — a score per language and no over-long sentence.

French: Kandel & Moles' adaptation of Flesch, 207 - 1.015 * words/sentence -
73.6 * syllables/word. English: Flesch reading ease, 206.835 - 1.015 * words/sentence
- 84.6 * syllables/word. Thresholds live in docs/_data/validation.yml.
"""

from __future__ import annotations

import re
from functools import cache

from ..bibliography import CITATION
from ..context import SiteContext
from ..markdown_scan import HEADING, SENTENCE_END, blocks
from ..problems import Problem
from ..sources import SourcePage

VOWELS = {"fr": "aeiouyàâäéèêëîïôöùûüœæ", "en": "aeiouy"}
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache  # the same words come back on every page
def syllables(word: str, lang: str) -> int:
    w = word.lower()
    if lang == "fr":
        w = re.sub(r"(?<=[^aeiouy])(es|ent|e)$", "", w) or w
    else:
        w = re.sub(r"(?<=[^aeiouy])e$", "", w) or w
    groups = re.findall(f"[{VOWELS[lang]}]+", w)
    return max(1, len(groups))


def prose(text: str) -> str:
    """The readable words of a block: no link targets, citations, markup or HTML."""
    text = CITATION.sub("", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\{[:#.][^}]*\}", "", text)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text)
    return re.sub(r"[*_`]", "", text).strip()


def sentences(page: SourcePage) -> list[tuple[int, str]]:
    out = []
    for block in blocks(page):
        first = block.text.lstrip()
        if HEADING.match(first) or first.startswith(("|", "<", "{", "*[")):
            continue
        # a summary box ("!!! abstract") is read too: only its marker line is left out
        kept = [(number, line.strip()) for number, line in block.lines
                if not line.strip().startswith(("!!!", "???"))]
        if not kept:
            continue
        parts = SENTENCE_END.split(prose(" ".join(text for _, text in kept)))
        for index, part in enumerate(parts):
            if WORD.search(part):
                out.append((_start_line(kept, index), part))
    return out


def _start_line(lines: list[tuple[int, str]], index: int) -> int:
    """File line where sentence `index` of a block starts: the first line that, with the
    lines before it, holds more than `index` sentences."""
    for end, (number, _) in enumerate(lines, 1):
        if len(SENTENCE_END.split(prose(" ".join(text for _, text in lines[:end])))) > index:
            return number
    return lines[-1][0]


def score(items: list[str], lang: str) -> float | None:
    words = [w for s in items for w in WORD.findall(s)]
    if len(items) == 0 or len(words) < 50:
        return None
    syl = sum(syllables(w, lang) for w in words)
    per_sentence, per_word = len(words) / len(items), syl / len(words)
    if lang == "fr":
        return 207 - 1.015 * per_sentence - 73.6 * per_word
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    settings = ctx.data.validation.get("readability", {})
    kinds = set(settings.get("kinds", []))
    for page in ctx.pages:
        if "patients" not in (page.meta.get("audience") or []) or page.kind not in kinds:
            continue
        # a page kind may have stricter thresholds (easy-read pages: `by_kind: {easy: …}`)
        limits = {**settings, **(settings.get("by_kind") or {}).get(page.kind, {})}
        longest = int(limits.get("max_sentence_words", 30))
        found = sentences(page)
        for line, sentence in found:
            count = len(WORD.findall(sentence))
            if count > longest:
                out.append(page.problem(line, 1, "READ002",
                                        f"sentence of {count} words (at most {longest} in a "
                                        f"page for patients): '{sentence[:60]}…'"))
        value = score([s for _, s in found], page.lang)
        minimum = float(limits.get("min_score", {}).get(page.lang, 0))
        if value is not None and value < minimum:
            out.append(page.problem(1, 1, "READ001",
                                    f"readability score {value:.0f} is below {minimum:.0f} "
                                    f"for a page for patients: shorter sentences, "
                                    "shorter words"))
    return out
