"""Heuristics that read prose for phone numbers and for details that identify a person.

They must catch what they are for and never cry wolf: an ordinary sentence ("born that
very evening", "three classes a week", "after 2 sessions", "2019-2024", "call 10 minutes
before") is not flagged. tests/test_heuristics.py holds both corpora, in both languages.

A number that looks like a phone number but is not one is marked in the page as
`<span class="not-phone">…</span>`; the span renders as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------- masking

NOT_PHONE = re.compile(r"<span\s+class=[\"']not-phone[\"']\s*>.*?</span>", re.IGNORECASE)
_MASKED = (
    NOT_PHONE,
    re.compile(r"\]\([^)]*\)"),            # link targets
    re.compile(r"<[a-z!/][^>]*>", re.IGNORECASE),  # HTML tags and their attributes, autolinks
    re.compile(r"\[@[^\]]*\]|@[\w:-]+"),   # citations
    re.compile(r"\{[:#.][^}]*\}"),         # attribute lists
    re.compile(r"https?://\S+"),           # bare addresses
)


def mask(line: str) -> str:
    """The line with what is not prose (links' targets, tags, citations, numbers marked as
    not phone numbers) blanked, same length, so that columns stay right."""
    for pattern in _MASKED:
        line = pattern.sub(lambda m: " " * len(m.group(0)), line)
    return line


# ---------------------------------------------------------------- phone numbers

# Digits in groups joined by one space, no-break space, dot or hyphen: "3114", "116 006",
# "01 23 45 67 89", "+33 1 80 52 33 76", "1 866 277-3553". Not inside a word, a decimal
# number, a date or a fraction ("24 h/24").
NUMBER = re.compile(r"(?<![\w.,/+\-])\+?\d(?:[ \u00a0\u202f.\-]?\d)*(?![\w/]|[.,]\d)")
SEPARATORS = re.compile(r"[ \u00a0\u202f.\-]")
YEAR_RANGE = re.compile(r"^(?:1[5-9]|20)\d\d\s?-\s?(?:1[5-9]|20)?\d\d$")
YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
THOUSANDS = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$")
# Shapes of short numbers across the countries the site covers: 1x, 1xx (emergency),
# 3xxx (French national services), 116 xxx (European), 8xx/9xx (North America).
SHORT_SHAPE = re.compile(r"^(?:1\d\d|3\d{3}|116\d{3}|[89]\d\d)$")
# Words that announce a number to call or text, in either language.
CUE = re.compile(
    r"\b(?:appel\w*|compos\w*|contact\w*|joign\w*|joindre|num[ée]ro\w*|n°|lignes?|sms|"
    r"textos?|t[ée]l[ée]phon\w*|t[ée]l\.?|call\w*|dial\w*|text(?:ing)?|ring\w*|phone\w*|"
    r"numbers?|lines?|helplines?|hotlines?|tel)\b", re.IGNORECASE)
# What follows a quantity, a time or a date, never a phone number.
QUANTITY = re.compile(
    r"^[\s\u00a0\u202f]*(?:%|‰|€|\$|£|°|=|[-–]\s?\d|"
    r"(?:h|min|s|ans?|années?|mois|jours?|semaines?|heures?|minutes?|secondes?|fois|"
    r"séances?|sessions?|rendez-vous|patients?|patientes?|participants?|personnes?|"
    r"études?|essais?|cours|classes?|pages?|euros?|dollars?|ml|mg|kg|km|m|cm|"
    r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|times|appointments?|people|"
    r"studies|trials?|pounds?|er|e|ème|st|nd|rd|th|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b)", re.IGNORECASE)
WORD_AFTER = re.compile(r"^[\s\u00a0\u202f]+[a-zà-öø-ÿ]")
# "le 3114 répond", "NHS 111 is free": a French singular article, or a service's acronym,
# makes the number a name.
ARTICLE_BEFORE = re.compile(r"(?:\b(?i:le|au|du)|\b[A-Z]{2,})[\s\u00a0]+$")
# The end of a range or a score: "0–100", "de 0 à 100", "from 0 to 100", "sur 100".
SCALE_BEFORE = re.compile(r"(?:\d[\s\u00a0]*(?:\([^)]*\)[\s\u00a0]*)?(?:[–—-]|à|to|and|et)"
                          r"|\bsur|\bout\s+of|/)[\s\u00a0]*$", re.IGNORECASE)
CURRENCY_BEFORE = re.compile(r"[€$£][\s\u00a0]?$")
SENTENCE_START = re.compile(r".*(?:[.!?;]\s|^)", re.DOTALL)


@dataclass(frozen=True)
class Found:
    col: int  # 0-based column in the line
    text: str

    @property
    def digits(self) -> str:
        return re.sub(r"\D", "", self.text)


def _cued(before: str) -> bool:
    """A word announcing a number, within the last four words of the same sentence."""
    sentence = before[SENTENCE_START.match(before).end():] if before else ""
    words = re.findall(r"[\w°]+\.?", sentence)[-4:]
    return any(CUE.fullmatch(w.rstrip(".")) or CUE.fullmatch(w) for w in words)


def phone_like(token: str, before: str, after: str) -> bool:
    """Whether a number, seen between `before` and `after` in a sentence, reads as a phone
    number."""
    digits = re.sub(r"\D", "", token)
    if len(digits) < 2 or YEAR_RANGE.match(token) or ISO_DATE.match(token) \
            or CURRENCY_BEFORE.search(before) or SCALE_BEFORE.search(before):
        return False
    if QUANTITY.match(after):
        return False
    if len(digits) >= 8:
        # "10 000 000 people" is a quantity; "01 23 45 67 89" is a phone number
        return not (THOUSANDS.match(token) and re.match(r"^[\s\u00a0]+[^\W\d_]", after))
    # "190 data sources", "150 words": a number followed by a word in lower case counts
    # things, unless an article or an acronym before it makes it a name
    counts = bool(WORD_AFTER.match(after)) and not ARTICLE_BEFORE.search(before)
    if _cued(before) and (not counts or len(digits) >= 3):
        return True
    if YEAR.match(digits) or (THOUSANDS.match(token) and not digits.startswith("116")):
        return False
    if SHORT_SHAPE.match(digits):
        return not counts
    # a grouped number that starts with 0 ("0800 32 123") is a phone number
    return digits.startswith("0") and len(digits) >= 4 and bool(SEPARATORS.search(token))


def phone_numbers(line: str) -> list[Found]:
    """Every phone-like number of a line of prose (already masked of code)."""
    text = mask(line)
    out = []
    for match in NUMBER.finditer(text):
        token = match.group(0).rstrip(" .-\u00a0\u202f")
        if phone_like(token, text[:match.start()], text[match.start() + len(token):]):
            out.append(Found(match.start(), token))
    return out


# ---------------------------------------------------------------- identifying details

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MONTHS_FR = r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
_MONTHS_EN = (r"(?:January|February|March|April|May|June|July|August|September|October|"
              r"November|December)")
_DAY = r"(?:[12]?\d|3[01])"
# A date of birth is a birth word followed by an actual date or year; a full numeric date
# (12/03/1985) identifies too. "Née le soir même", "born that very evening" are not dates.
BIRTH = re.compile(
    rf"\bn[ée]e?\s+(?:le\s+(?:1er|{_DAY})\b|en\s+(?:{_MONTHS_FR}\s+)?(?:19|20)\d\d\b)"
    rf"|\bborn\s+(?:on\s+(?:(?:the\s+)?{_DAY}(?:st|nd|rd|th)?\b|{_MONTHS_EN}\b)"
    rf"|in\s+(?:{_MONTHS_EN}\s+)?(?:19|20)\d\d\b)"
    rf"|\bdate\s+(?:de\s+naissance|of\s+birth)\s*[:\u00a0\u202f]*\s*\d"
    r"|\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}\b", re.IGNORECASE)
# French: a number, then a street word. "Rue", "avenue", "boulevard" are street words
# anyway; "place", "cours", "quai", "route", "chemin", "allée" only when a name follows
# ("3 cours par semaine" is three classes a week; "5, cours Mirabeau" is an address).
STREET = re.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:(?i:rue|avenue|av\.|boulevard|bd|impasse)\s+\S"
    r"|(?i:place|quai|route|cours|chemin|allée)\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?"
    r"[A-ZÀ-ÖØ-Þ])"
    r"|\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'-]+\s+){1,3}"
    r"(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Lane|Drive|Close|Crescent|Square|Place)\b")


def identifying(line: str) -> list[tuple[int, str, str]]:
    """(column, what, text) of each detail of a line that could identify someone."""
    text = mask(line)
    out = []
    for pattern, what in ((EMAIL, "an e-mail address"), (BIRTH, "a date of birth"),
                          (STREET, "a street address")):
        for match in pattern.finditer(line if pattern is EMAIL else text):
            out.append((match.start(), what, match.group(0)))
    return out
