"""TYPO: French typography in every French source the site is made from.

Pages (front matter and body), sheet sources and data files (the French side of each
value: under a `fr` key, in a `…_fr` field, or the fields of a French-language work in
the bibliography), mkdocs.yml's French strings, the interface strings of the hooks (the
values of a `"fr"` key in a Python dict) and the theme and sheet templates (the French
branch of an `is_en` test; outside a language branch, what is wrong in any language: an
ordinary space before « : ; ? ! », or guillemets without their spaces). The built pages
are checked too, after the build (checks/output.py), for text generated from all this.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..context import SiteContext
from ..data import DATA_DIR
from ..french import blank, markdown_prose, masked_like, problems, raw_offset
from ..markdown_scan import CODE_SPAN, prose_lines
from ..problems import Problem
from ..sources import FRONT_MATTER

# libyaml's composer when present: the same nodes and marks, twice as fast on the data files
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Fields of a bibliography entry written in the work's own language (`lang: fr`).
WORK_FIELDS = {"title", "journal", "book", "publisher", "authors", "editors"}
TEMPLATE_DIRS = ("overrides", "templates")
GLUED = "needs a non-breaking space"


def check(ctx: SiteContext) -> list[Problem]:
    out: list[Problem] = []
    for page in ctx.pages:
        if page.lang == "fr":
            # code spans blanked with MASK, not spaces: a space beside them is real
            out += _page(page.rel, page.text, ((n, blank(line, CODE_SPAN))
                                               for n, line in prose_lines(page)))
    data_dir = ctx.root / DATA_DIR
    for path in sorted(data_dir.glob("*.yml")) + sorted(data_dir.glob("sheets/*.yml")):
        if path.is_file():  # a file that cannot be read is FILE001, reported by the loader
            out += yaml_file(ctx.root, path, _data_is_french)
    mkdocs = ctx.root / "mkdocs.yml"
    if mkdocs.exists():
        out += yaml_file(ctx.root, mkdocs, _mkdocs_is_french)
    for path in sorted((ctx.root / "hooks").rglob("*.py")):
        out += python_file(ctx.root, path)
    for folder in TEMPLATE_DIRS:
        for path in sorted((ctx.root / folder).rglob("*.html")):
            out += template_file(ctx.root, path)
    return out


def _problems_at(rel: str, line: int, col: int, text: str) -> list[Problem]:
    """Problems of one line of French text that starts at (line, col) of its file."""
    return [Problem(rel, line, col + index, code, message)
            for index, code, message in problems(text)]


# ---------------------------------------------------------------- pages


def _page(rel: str, text: str, body: Iterator[tuple[int, str]]) -> list[Problem]:
    out: list[Problem] = []
    front = FRONT_MATTER.match(text)
    if front:
        try:
            node = yaml.compose(front.group(1), Loader=LOADER)
        except yaml.YAMLError:
            node = None  # FM001 already says so
        if node is not None:
            source = front.group(1).split("\n")
            for _, scalar in _scalars(node, ()):
                out += _scalar_problems(rel, source, scalar, line_offset=1)
    for number, line in body:
        out += _problems_at(rel, number, 1, markdown_prose(line))
    return out


# ---------------------------------------------------------------- YAML


def _scalars(node: yaml.Node, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], yaml.ScalarNode]]:
    """(key path, node) of every string value (not keys) under `node`."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, (*path, index))
    elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
        yield path, node


def _keys(node: yaml.Node, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], yaml.ScalarNode]]:
    """(path, key node) of every mapping key under `node`."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield path, key
            yield from _keys(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _keys(item, (*path, index))


def _scalar_problems(rel: str, source: list[str], node: yaml.ScalarNode,
                     line_offset: int = 0) -> list[Problem]:
    """Typography problems of one YAML string, at their place in the file where possible."""
    start, end = node.start_mark, node.end_mark
    if node.style in ("|", ">"):  # block scalar: its lines are the value's lines
        out = []
        last = end.line + 1 if end.column > 0 else end.line
        for number in range(start.line + 1, min(last, len(source))):
            raw = source[number]
            indent = len(raw) - len(raw.lstrip(" "))
            out += _problems_at(rel, number + 1 + line_offset, indent + 1,
                                markdown_prose(raw[indent:]))
        return out
    if start.line == end.line:
        raw = source[start.line][start.column:end.column]
        inner = raw[1:-1] if node.style in ('"', "'") else raw
        shift = start.column + (1 if node.style in ('"', "'") else 0)
        found = problems(markdown_prose(node.value))
        return [Problem(rel, start.line + 1 + line_offset,
                        shift + 1 + (raw_offset(inner, index) if node.style == '"' else index),
                        code, message) for index, code, message in found]
    return [Problem(rel, start.line + 1 + line_offset, start.column + 1, code,
                    f"{message} (in this multi-line value, character {index + 1})")
            for index, code, message in problems(markdown_prose(node.value))]


def yaml_file(root: Path, path: Path, is_french: Any) -> list[Problem]:
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []  # the data loader reports it (FILE001)
    try:
        node = yaml.compose(text, Loader=LOADER)  # composing accepts any tag (mkdocs.yml's !ENV)
    except yaml.YAMLError:
        return []  # the data loader reports it (YAML001)
    if node is None:
        return []
    source = text.split("\n")
    out: list[Problem] = []
    for key_path, scalar in _scalars(node, ()):
        if is_french(rel, key_path, node):
            out += _scalar_problems(rel, source, scalar)
    if rel == "mkdocs.yml":  # the navigation's titles are keys, in French
        for key_path, key in _keys(node, ()):
            if key_path[:1] == ("nav",) or key_path[-1:] == ("nav_translations",):
                out += _scalar_problems(rel, source, key)
    return out


def _value(node: yaml.Node, path: tuple[Any, ...]) -> Any:
    """The scalar at `path` under a composed node, or None."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step] if step < len(node.value) else None
        else:
            return None
        if node is None:
            return None
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _data_is_french(rel: str, path: tuple[Any, ...], root: yaml.Node) -> bool:
    if any(step == "fr" or (isinstance(step, str) and step.endswith("_fr")) for step in path):
        return True
    return (rel.endswith("bibliography.yml") and len(path) >= 2 and path[1] in WORK_FIELDS
            and _value(root, (path[0], "lang")) == "fr")


MKDOCS_FRENCH = {("site_description",), ("site_author",), ("copyright",)}


def _mkdocs_is_french(rel: str, path: tuple[Any, ...], root: yaml.Node) -> bool:
    if path in MKDOCS_FRENCH:
        return True
    return path[:2] == ("theme", "palette") and path[-1] == "name"


# ---------------------------------------------------------------- Python interface strings


def _french_values(tree: ast.AST) -> Iterator[ast.expr]:
    """The value of every `"fr": …` entry of a dict literal."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "fr":
                    yield value


def _string_nodes(value: ast.expr) -> Iterator[ast.Constant]:
    """String values (not dict keys) under an expression."""
    if isinstance(value, ast.Dict):
        for item in value.values:
            yield from _string_nodes(item)
    elif isinstance(value, ast.List | ast.Tuple | ast.Set):
        for item in value.elts:
            yield from _string_nodes(item)
    elif isinstance(value, ast.Constant) and isinstance(value.value, str):
        yield value


def python_file(root: Path, path: Path) -> list[Problem]:
    rel = path.relative_to(root).as_posix()
    text = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return []
    lines = text.split("\n")
    out: list[Problem] = []
    for value in _french_values(tree):
        for node in _string_nodes(value):
            out += _python_string(rel, lines, node)
    return out


def _tokens(segment: str) -> Iterator[tokenize.TokenInfo]:
    """The tokens of a piece of a file (which may stop inside brackets)."""
    try:
        yield from tokenize.generate_tokens(io.StringIO(segment).readline)
    except (tokenize.TokenError, IndentationError):
        return


def _python_string(rel: str, lines: list[str], node: ast.Constant) -> list[Problem]:
    """Problems of one (possibly implicitly concatenated) string literal, each at the
    line and column of its literal piece."""
    segment = "\n".join(lines[node.lineno - 1: node.end_lineno])
    pieces = []  # (line, col of the literal's first character, raw inner text, value)
    def chars(line: int, byte: int) -> int:  # ast counts UTF-8 bytes, tokenize characters
        return len(lines[line - 1].encode("utf-8")[:byte].decode("utf-8", "ignore"))

    first = (1, chars(node.lineno, node.col_offset))
    last = (node.end_lineno - node.lineno + 1, chars(node.end_lineno, node.end_col_offset))
    for token in _tokens(segment):
        if token.type != tokenize.STRING or token.start < first or token.end > last:
            continue
        literal = token.string
        prefix = len(literal) - len(literal.lstrip("rRbBuUfF"))
        quote = 3 if literal[prefix:prefix + 3] in ('"""', "'''") else 1
        line = node.lineno + token.start[0] - 1
        col = token.start[1] + prefix + quote
        pieces.append((line, col, literal[prefix + quote: len(literal) - quote],
                       ast.literal_eval(literal)))
    out = []
    for index, code, message in problems(node.value):
        start = 0
        for line, col, raw, value in pieces:
            if index < start + len(value) or (line, col, raw, value) == pieces[-1]:
                out.append(Problem(rel, line, col + 1 + raw_offset(raw, index - start),
                                   code, message))
                break
            start += len(value)
    return out


# ---------------------------------------------------------------- templates

JINJA = re.compile(r"\{#.*?#\}|\{%-?\s*(\w+)(.*?)-?%\}|\{\{.*?\}\}", re.DOTALL)
ENTITY = re.compile(r"&(?:nbsp|#160|#x[aA]0|#8239|#x202[fF]);")
ENGLISH_TEST = re.compile(r"""\bis_en\b|==\s*["']en["']""")
FRENCH_TEST = re.compile(r"""\bnot\s+is_en\b|!=\s*["']en["']|==\s*["']fr["']""")


def template_file(root: Path, path: Path) -> list[Problem]:
    rel = path.relative_to(root).as_posix()
    text = path.read_text(encoding="utf-8")
    # The language of each character: a stack of branches, "en", "fr" or "" (either).
    langs: list[str] = []
    stack: list[str] = []
    position = 0
    masked = []
    for match in JINJA.finditer(text):
        current = next((lang for lang in reversed(stack) if lang), "")
        langs += [current] * (match.start() - position)
        masked.append(text[position: match.start()])
        tag, args = match.group(1), match.group(2) or ""
        if tag == "if":
            stack.append("fr" if FRENCH_TEST.search(args)
                         else "en" if ENGLISH_TEST.search(args) else "")
        elif tag == "else" and stack:
            stack[-1] = {"en": "fr", "fr": "en"}.get(stack[-1], "")
        elif tag == "elif" and stack:
            stack[-1] = ""
        elif tag == "endif" and stack:
            stack.pop()
        langs += [current] * (match.end() - match.start())
        masked.append(masked_like(match.group(0)))
        position = match.end()
    langs += [next((lang for lang in reversed(stack) if lang), "")] * (len(text) - position)
    masked.append(text[position:])
    prose = ENTITY.sub(lambda m: masked_like(m.group(0))[1:] + "\u00a0", "".join(masked))
    prose = blank(blank(prose, re.compile(r"<!--.*?-->", re.DOTALL)),
                  re.compile(r"<(?:script|style)\b.*?</(?:script|style)>|<[^>]*>", re.DOTALL))
    out = []
    offset = 0
    for number, line in enumerate(prose.split("\n"), 1):
        for index, code, message in problems(line):
            lang = langs[offset + index] if offset + index < len(langs) else ""
            if lang == "en" or (lang == "" and GLUED in message):
                continue
            out.append(Problem(rel, number, index + 1, code, message))
        offset += len(line) + 1
    return out
