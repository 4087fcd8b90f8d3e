"""French typography of one piece of text, wherever it comes from (page, data file,
interface string, template, built page).

The rules: a non-breaking space (U+00A0, or the narrow U+202F) before « : ; ? ! » and
inside « », and no point médian (screen readers stumble on it: prefer epicene wording).
Callers blank what is not prose (code, URLs, tags) before asking, keeping columns.
"""

from __future__ import annotations

import re

NBSP = "\u00a0\u202f"
# What callers put in place of a masked piece of text (a link target, a tag…): not a
# space, so that "[lien](url): suite" is still seen as a colon glued to the text.
MASK = "\x00"

OPEN_BAD = re.compile(rf"«(?![{NBSP}])")
CLOSE_BAD = re.compile(rf"(?<![{NBSP}])»")
# Two or more spaces in a row: with a non-breaking one among them, HTML shows a double gap.
SPACES = re.compile(rf"[ {NBSP}]{{2,}}")
POINT_MEDIAN = re.compile(r"[^\W\d_]·[^\W\d_]")
# A high punctuation mark used as punctuation: followed by a space, the end, or closing
# punctuation. "https:", "a:b", "?q=" and "9:30" are not punctuation and are left alone.
HIGH = re.compile(r"[:;?!](?=$|[\s»\"”’)\]*_<.,…]|" + MASK + ")")
# Marks that may sit right before another one: "?!", "!!", "…?", and a start of text.
LEADS = set("?!:;…([\n") | set(NBSP)


def problems(text: str) -> list[tuple[int, str, str]]:
    """(0-based index, code, message) of each typography problem of French `text`."""
    out: list[tuple[int, str, str]] = []
    for match in OPEN_BAD.finditer(text):
        out.append((match.start(), "TYPO001",
                    "« must be followed by a non-breaking space (U+00A0)"))
    for match in CLOSE_BAD.finditer(text):
        out.append((match.start(), "TYPO001",
                    "» must be preceded by a non-breaking space (U+00A0)"))
    for match in POINT_MEDIAN.finditer(text):
        out.append((match.start() + 1, "TYPO002",
                    "point médian: prefer epicene wording (screen readers read it badly)"))
    for match in SPACES.finditer(text):
        if not any(char in NBSP for char in match.group(0)):
            continue  # ordinary spaces only: HTML shows one (or a Markdown line break)
        out.append((match.start(), "TYPO004",
                    "two spaces in a row, one of them non-breaking: keep a single "
                    "non-breaking space"))
    for match in HIGH.finditer(text):
        index = match.start()
        before = text[:index].rstrip(" \t")
        if not before or before[-1] in LEADS:
            continue
        mark = match.group(0)
        if text[index - 1] in " \t":
            message = (f"'{mark}' has an ordinary space before it: use a non-breaking space "
                       "(U+00A0 or U+202F), so that it never starts a line")
        else:
            message = f"'{mark}' needs a non-breaking space (U+00A0 or U+202F) before it"
        out.append((index, "TYPO003", message))
    return sorted(out)


def masked_like(text: str) -> str:
    """MASK characters in place of `text`, its line breaks kept (so are line numbers)."""
    return "".join("\n" if char == "\n" else MASK for char in text)


def blank(text: str, pattern: re.Pattern[str], keep_group: int | None = None) -> str:
    """`text` with each match of `pattern` replaced by MASK characters (same length); with
    `keep_group`, that group of the match is kept as it is (a link's text, say)."""

    def sub(match: re.Match[str]) -> str:
        whole = masked_like(match.group(0))
        if keep_group is None or match.group(keep_group) is None:
            return whole
        start = match.start(keep_group) - match.start()
        kept = match.group(keep_group)
        return whole[:start] + kept + whole[start + len(kept):]

    return pattern.sub(sub, text)


# ---------------------------------------------------------------- Markdown prose

_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto|tel|sms):[^>\s]+>")
_URL = re.compile(r"\b(?:https?://|mailto:|tel:|sms:)[^\s)>\]]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# A passage marked as written in another language keeps that language's punctuation.
_FOREIGN = re.compile(r"<(\w+)\b[^>]*\blang=\"(?!fr)[^\"]*\"[^>]*>.*?</\1>")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ATTR_LIST = re.compile(r"\{:?\s*[#.:][^}]*\}|\{:\s*[^}]*\}")
_CITATION = re.compile(r"\[@[\w-]+(?:\s*;\s*@[\w-]+)*\]")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_ABBR = re.compile(r"^\*\[[^\]]+\]:")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_DEF_LIST = re.compile(r"^(\s*):(?=\s{3})")
_EMOJI = re.compile(r":[a-z0-9]+(?:-[a-z0-9]+)+:")


def markdown_prose(line: str) -> str:
    """One Markdown line with what is not French prose masked: link targets, URLs, HTML
    tags and comments, attribute lists, citation keys, admonition markers, table rules."""
    if _TABLE_RULE.match(line) or _REF_DEF.match(line):
        return MASK * len(line)
    for pattern in (_FOREIGN, _HTML_COMMENT, _LINK_TARGET, _AUTOLINK, _URL, _EMAIL, _TAG, _ATTR_LIST,
                    _CITATION, _ADMONITION, _ABBR, _EMOJI):
        line = blank(line, pattern)
    return _DEF_LIST.sub(lambda m: m.group(1) + MASK, line)


# ---------------------------------------------------------------- source positions


def raw_offset(raw: str, index: int) -> int:
    """Where the `index`-th character of a decoded, backslash-escaped string literal
    (Python, or YAML double-quoted) starts in its source text `raw`."""
    position = decoded = 0
    while position < len(raw) and decoded < index:
        if raw[position] == "\\" and position + 1 < len(raw):
            kind = raw[position + 1]
            step = {"u": 6, "x": 4, "U": 10}.get(kind, 2)
            if kind == "N" and "}" in raw[position:]:
                step = raw.index("}", position) - position + 1
            position += step
        else:
            position += 1
        decoded += 1
    return position


_LOST_BEFORE = re.compile(r" (?=[:;?!»])")
_LOST_AFTER = re.compile(r"(?<=«) ")


def restore_spaces(text: str) -> str:
    """Put back the non-breaking spaces that a renderer turned into ordinary ones
    (Python-Markdown's table of contents splits titles on any whitespace, NBSP included)."""
    return _LOST_AFTER.sub("\u00a0", _LOST_BEFORE.sub("\u00a0", text))


_GLUED_IN_ATTRIBUTE = re.compile(
    rf'(\b(?:aria-label|title|alt|placeholder)="[^"]*?[^\s"{NBSP}])([:;?!])(?=[\s"])')


# An ordinary space where a non-breaking one was: the theme's `striptags` filter folds every
# space of a title (the table of contents' aria-label of a section with sub-sections).
_SPACED_IN_ATTRIBUTE = re.compile(
    rf'(\b(?:aria-label|title|alt|placeholder)="[^"]*?[^\s"{NBSP}]) ([:;?!»])(?=[\s"])')
_OPEN_SPACED_IN_ATTRIBUTE = re.compile(r'(\b(?:aria-label|title|alt|placeholder)="[^"]*?«) ')


def space_attributes(html: str) -> str:
    """Give the labels the theme writes into attributes ('Précédent: Titre', in the
    footer's links; 'Étape 1 : …' once `striptags` has folded its spaces) the
    non-breaking space French puts before : ; ? ! and inside « »."""
    previous = None
    while previous != html:  # one mark per pass: several may sit in one attribute
        previous = html
        html = _GLUED_IN_ATTRIBUTE.sub("\\1\u00a0\\2", html)
        html = _SPACED_IN_ATTRIBUTE.sub("\\1\u00a0\\2", html)
        html = _OPEN_SPACED_IN_ATTRIBUTE.sub("\\1\u00a0", html)
    return html
