"""Inline code in HTML, as the Content-Security-Policy sees it.

An inline script runs only if the policy lists its sha256; the theme's inline scripts are
hashed at build time. Inline styles (`style` attributes, `<style>` elements), event
handler attributes and `javascript:` URLs are blocked: they are reported, with where
they are, so that they can be moved to the site's stylesheets and script files.
"""

from __future__ import annotations

import base64
import hashlib
import re

from ..problems import Problem

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SRC = re.compile(r"""\ssrc\s*=""", re.IGNORECASE)
TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# Types a browser runs; any other (application/json, text/x-template) is data.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
ATTR = re.compile(r"""\s([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def runs(attrs: str) -> bool:
    """Whether a <script> with these attributes is code the browser runs inline."""
    if SRC.search(attrs):
        return False
    match = TYPE.search(attrs)
    return (match.group(1).lower() if match else "") in SCRIPT_TYPES


def csp_hash(code: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")


def inline_script_hashes(html: str) -> set[str]:
    return {csp_hash(m.group(2)) for m in SCRIPT.finditer(html) if runs(m.group(1))}


def _blank(match: re.Match[str]) -> str:
    """Same length, same line breaks: positions after it stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def blocked(text: str, rel: str, scripts_allowed: bool) -> list[Problem]:
    """What the policy would block in one HTML (or Markdown) text. `scripts_allowed`:
    inline scripts are hashed (the built site); otherwise (the site's own templates and
    pages) each one is reported: it belongs in a file."""
    out: list[Problem] = []
    for match in SCRIPT.finditer(text):
        if not scripts_allowed and runs(match.group(1)):
            line, col = _position(text, match.start())
            out.append(Problem(rel, line, col, "CSP001", "inline <script>: the policy allows "
                               "scripts from files only; move it to docs/assets/javascripts/"))
    masked = COMMENT.sub(_blank, SCRIPT.sub(_blank, text))
    for tag in TAG.finditer(masked):
        name = tag.group(1).lower()
        if name == "style":
            line, col = _position(text, tag.start())
            out.append(Problem(rel, line, col, "CSP002", "<style> element: the policy allows "
                               "stylesheets from files only; move the rules to a stylesheet"))
        for attr in ATTR.finditer(tag.group(2)):
            key = attr.group(1).lower()
            value = (attr.group(2) or "").strip("\"'").strip().lower()
            offset = tag.start(2) + attr.start(1)
            if key == "style":
                line, col = _position(text, offset)
                out.append(Problem(rel, line, col, "CSP003", f"style attribute on <{name}>: the "
                                   "policy blocks inline styles; use a class from a stylesheet"))
            elif key.startswith("on") and len(key) > 2:
                line, col = _position(text, offset)
                out.append(Problem(rel, line, col, "CSP004", f"event handler attribute '{key}' on "
                                   f"<{name}>: the policy blocks it; add a listener in a script file"))
            elif key in ("href", "src", "action", "formaction") and value.startswith("javascript:"):
                line, col = _position(text, offset)
                out.append(Problem(rel, line, col, "CSP005", f"javascript: URL in '{key}' on <{name}>: "
                                   "the policy blocks it; add a listener in a script file"))
    return out
