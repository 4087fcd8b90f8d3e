"""Diagrams: accessible inline SVG drawn from one data file each (docs/_data/diagrams/).

A diagram file gives its kind of drawing (`type`), a title and a description in every
language, and the labels of its parts in every language. `render` is a pure function of
that data and a language: an SVG with role="img", <title> and <desc> in that language,
labels that stay text (<text>), colours from the palette through CSS classes (so dark
mode and print restyle them), and a width-first layout that stays legible on a phone.

`problems` checks the shape of a file (DIAG001 title and description in every
language, DIAG002 shape, DIAG004 French spacing); `DIAGRAMS` says which page carries each
diagram (its marker is `<!-- diagram-NAME -->`, registered with the other markers).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import LANGUAGES
from .problems import Problem
from .yamlio import Located

DIAGRAM_DIR = "docs/_data/diagrams"
MARKER_PREFIX = "diagram-"
# name -> stem of the page that must show it (other pages may show it too)
DIAGRAMS: dict[str, str] = {
    "accueil": "index",
    "bordin": "comprendre/bordin",
    "rupture": "comprendre/ruptures",
    "histoire": "comprendre/histoire",
    "parcours": "comprendre/parcours-patients",
}

WIDTH = 340  # viewBox width: drawn for a phone, capped in width by the stylesheet
CHAR = {"normal": 0.56, "bold": 0.6}  # average glyph width, in em (Atkinson Hyperlegible)
LINE = 1.3  # line height, in em
NOTE = 13.5  # font sizes, in viewBox units
LABEL = 15.5


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


# ---------------------------------------------------------------- text layout

def wrap(text: str, width: float, size: float, weight: str = "normal") -> list[str]:
    """Greedy word wrap for a box `width` units wide (non-breaking spaces hold words)."""
    most = max(1, int(width / (size * CHAR[weight])))
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def text(x: float, y: float, lines: list[str], cls: str, size: float,
         anchor: str = "start") -> str:
    """A <text> whose first baseline is at y, one <tspan> per line."""
    spans = "".join(f'<tspan x="{x:g}" dy="{0 if i == 0 else size * LINE:g}">{esc(line)}</tspan>'
                    for i, line in enumerate(lines))
    return (f'<text class="{cls}" x="{x:g}" y="{y:g}" font-size="{size:g}" '
            f'text-anchor="{anchor}">{spans}</text>')


def arrow(x1: float, y1: float, x2: float, y2: float, head: str) -> str:
    return (f'<line class="dg-line" x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" '
            f'marker-end="url(#{head})"/>')


@dataclass
class Box:
    """A rounded box with a bold label and a note, drawn at (x, y) and `width` wide."""

    label: str
    note: str
    width: float
    colour: str

    def lines(self) -> tuple[list[str], list[str]]:
        inner = self.width - 20
        return wrap(self.label, inner, LABEL, "bold"), wrap(self.note, inner, NOTE)

    def height(self) -> float:
        label, note = self.lines()
        return 16 + len(label) * LABEL * LINE + len(note) * NOTE * LINE + 4

    def draw(self, x: float, y: float, height: float | None = None) -> str:
        label, note = self.lines()
        h = height or self.height()
        cx = x + self.width / 2
        label_y = y + 12 + LABEL
        note_y = label_y + len(label) * LABEL * LINE
        return (f'<rect class="dg-box {self.colour}" x="{x:g}" y="{y:g}" width="{self.width:g}" '
                f'height="{h:g}" rx="10"/>'
                + text(cx, label_y, label, "dg-label", LABEL, "middle")
                + (text(cx, note_y, note, "dg-note", NOTE, "middle") if self.note else ""))


# ---------------------------------------------------------------- drawings

def _pick(value: Any, lang: str) -> str:
    return str(value[lang]) if isinstance(value, dict) else ""


def _venn3(spec: dict[str, Any], lang: str, uid: str) -> tuple[str, float]:
    """Three overlapping circles (e.g. goals, tasks, bond) around a centre word, then a
    legend: each part's name and what it means."""
    parts = spec["parts"]
    r = 78
    centres = ((122, 98), (218, 98), (170, 178))
    label_at = ((100, 86), (240, 86), (170, 228))
    out = []
    for i, (cx, cy) in enumerate(centres):
        out.append(f'<circle class="dg-area dg-c{i + 1}" cx="{cx}" cy="{cy}" r="{r}"/>')
    for i, (lx, ly) in enumerate(label_at):
        out.append(text(lx, ly, [_pick(parts[i]["label"], lang)], "dg-label", 16, "middle"))
    out.append(text(170, 131, [_pick(spec["centre"], lang)], "dg-centre", 13, "middle"))
    y = 286.0
    for i, part in enumerate(parts):
        out.append(f'<circle class="dg-swatch dg-c{i + 1}" cx="16" cy="{y - 5:g}" r="8"/>')
        out.append(text(34, y, [_pick(part["label"], lang)], "dg-label", LABEL))
        note = wrap(_pick(part["note"], lang), WIDTH - 40, NOTE)
        out.append(text(34, y + LABEL * LINE, note, "dg-note", NOTE))
        y += LABEL * LINE + len(note) * NOTE * LINE + 12
    return "".join(out), y


def _flow(spec: dict[str, Any], lang: str, uid: str) -> tuple[str, float]:
    """A rupture and its repair: the shared work, a split into the two forms a rupture
    takes, the repair they both lead to, and what follows."""
    head = f"{uid}-arrow"

    def box(part: dict[str, Any], width: float, colour: str) -> Box:
        return Box(_pick(part["label"], lang), _pick(part.get("note"), lang), width, colour)

    out = []
    y = 4.0
    start = box(spec["start"], 320, "dg-c1")
    out.append(start.draw(10, y))
    y += start.height()
    split = wrap(_pick(spec["split"], lang), 300, NOTE, "bold")
    out.append(arrow(170, y, 170, y + 14, head))
    out.append(text(170, y + 16 + NOTE + 4, split, "dg-split", NOTE, "middle"))
    y += 16 + len(split) * NOTE * LINE + 10
    forms = [box(f, 152, "dg-c3") for f in spec["forms"]]
    out.append(arrow(150, y, 86, y + 24, head))
    out.append(arrow(190, y, 254, y + 24, head))
    y += 28
    tall = max(f.height() for f in forms)
    out.append(forms[0].draw(10, y, tall))
    out.append(forms[1].draw(178, y, tall))
    y += tall
    out.append(arrow(86, y, 150, y + 28, head))
    out.append(arrow(254, y, 190, y + 28, head))
    y += 32
    repair = box(spec["repair"], 320, "dg-c2")
    out.append(repair.draw(10, y))
    y += repair.height()
    out.append(arrow(170, y, 170, y + 24, head))
    y += 28
    end = box(spec["end"], 320, "dg-c1")
    out.append(end.draw(10, y))
    return "".join(out), y + end.height() + 4


def _timeline(spec: dict[str, Any], lang: str, uid: str) -> tuple[str, float]:
    """Dates down a line: year, who, what; a dot's colour says idea or research."""
    kinds = list(spec["kinds"])
    out = []
    x = 12.0
    for i, kind in enumerate(kinds):  # the legend, on one line
        label = _pick(spec["kinds"][kind], lang)
        out.append(f'<circle class="dg-dot dg-c{i + 1}" cx="{x + 6:g}" cy="14" r="6"/>')
        out.append(text(x + 18, 19, [label], "dg-note", NOTE))
        x += 18 + len(label) * NOTE * CHAR["normal"] + 18
    y = 52.0
    first = y - 5
    rows = []
    for event in spec["events"]:
        colour = kinds.index(event["kind"]) + 1
        what = wrap(_pick(event["what"], lang), WIDTH - 92, NOTE)
        rows.append(text(56, y, [str(event["year"])], "dg-year", LABEL, "end")
                    + f'<circle class="dg-dot dg-c{colour}" cx="68" cy="{y - 5:g}" r="7"/>'
                    + text(84, y, [_pick(event["who"], lang)], "dg-label", LABEL)
                    + text(84, y + LABEL * LINE, what, "dg-note", NOTE))
        last = y - 5
        y += LABEL * LINE + len(what) * NOTE * LINE + 14
    out.append(f'<line class="dg-rail" x1="68" y1="{first:g}" x2="68" y2="{last:g}"/>')
    return "".join(out + rows), y - 8


def _steps(spec: dict[str, Any], lang: str, uid: str) -> tuple[str, float]:
    """Numbered steps down a line: number, name, and how long it takes."""
    out, rows = [], []
    y = 8.0
    centres = []
    for n, step in enumerate(spec["steps"], start=1):
        label = wrap(_pick(step["label"], lang), WIDTH - 70, LABEL, "bold")
        note = wrap(_pick(step.get("note"), lang), WIDTH - 70, NOTE) if step.get("note") else []
        height = max(44.0, 8 + len(label) * LABEL * LINE + len(note) * NOTE * LINE)
        cy = y + 20
        centres.append(cy)
        rows.append(f'<circle class="dg-step dg-c{1 + (n - 1) % 3}" cx="26" cy="{cy:g}" r="18"/>'
                    + text(26, cy + 6, [str(n)], "dg-number", 17, "middle")
                    + text(58, y + 6 + LABEL, label, "dg-label", LABEL)
                    + (text(58, y + 6 + LABEL + len(label) * LABEL * LINE, note, "dg-note", NOTE)
                       if note else ""))
        y += height + 16
    out.append(f'<line class="dg-rail" x1="26" y1="{centres[0]:g}" x2="26" y2="{centres[-1]:g}"/>')
    return "".join(out + rows), y - 8


def _people(spec: dict[str, Any], lang: str, uid: str) -> tuple[str, float]:
    """Two people side by side, leaning on one shared line: the picture of the site."""
    return (
        '<path class="dg-ground" d="M40 150 Q170 128 300 150"/>'
        '<path class="dg-figure dg-c1" d="M62 146 C62 104 84 86 116 86 C148 86 170 104 170 146 Z"/>'
        '<circle class="dg-figure dg-c1" cx="116" cy="56" r="24"/>'
        '<path class="dg-figure dg-c3" d="M170 146 C170 104 192 86 224 86 C256 86 278 104 278 146 Z"/>'
        '<circle class="dg-figure dg-c3" cx="224" cy="56" r="24"/>'
        '<path class="dg-bond" d="M140 112 C158 96 182 96 200 112"/>'
        '<circle class="dg-spark" cx="170" cy="28" r="7"/>'
    ), 160.0


@dataclass(frozen=True)
class Kind:
    draw: Callable[[dict[str, Any], str, str], tuple[str, float]]
    # field -> "label" (one text per language), "labels" (a list of mappings with those
    # keys), "parts" (a mapping of keys to labels), or "year"/"kind"
    fields: dict[str, Any]
    count: int | None = None  # exact number of items in the list field, if fixed


PART = {"label": "label", "note": "label"}
KINDS: dict[str, Kind] = {
    "venn3": Kind(_venn3, {"parts": [PART], "centre": "label"}, 3),
    "flow": Kind(_flow, {"start": PART, "split": "label", "forms": [PART], "repair": PART,
                         "end": PART}, 2),
    "timeline": Kind(_timeline, {"kinds": "parts", "events": [
        {"year": "year", "who": "label", "what": "label", "kind": "kind"}]}),
    "steps": Kind(_steps, {"steps": [{"label": "label", "note": "label?"}]}),
    "people": Kind(_people, {}),
}


def render(name: str, spec: dict[str, Any], lang: str) -> str:
    """The diagram as one HTML block (no blank line inside, so Markdown passes it as is)."""
    uid = f"dg-{name}"
    body, height = KINDS[spec["type"]].draw(spec, lang, uid)
    title, desc = _pick(spec["title"], lang), _pick(spec["description"], lang)
    defs = (f'<defs><marker id="{uid}-arrow" class="dg-head" viewBox="0 0 10 10" refX="9" '
            f'refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M0 0 L10 5 L0 10 z"/></marker></defs>') if spec["type"] == "flow" else ""
    caption = (f'<figcaption class="diagram__caption">{esc(title)}</figcaption>'
               if spec.get("caption", True) else "")
    return (f'<figure class="diagram diagram--{spec["type"]}" id="{uid}">'
            f'<svg class="diagram__svg" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {WIDTH} {height:g}" role="img" aria-labelledby="{uid}-title" '
            f'aria-describedby="{uid}-desc" lang="{lang}">'
            f'<title id="{uid}-title">{esc(title)}</title><desc id="{uid}-desc">{esc(desc)}</desc>'
            f"{defs}{body}</svg>{caption}</figure>")


def anchors(name: str) -> set[str]:
    uid = f"dg-{name}"
    return {uid, f"{uid}-title", f"{uid}-desc", f"{uid}-arrow"}


# ---------------------------------------------------------------- checks

FRENCH_SPACE = re.compile(r"(?<![\u00a0\u202f])[:;?!»]|«(?![\u00a0\u202f])")


def problems(name: str, src: Located) -> list[Problem]:
    """Everything wrong with one diagram file, each at its line (DIAG001, DIAG002, DIAG004)."""
    rel = f"{DIAGRAM_DIR}/{name}.yml"
    out: list[Problem] = []
    spec = src.data

    def at(path: tuple[Any, ...], code: str, message: str) -> None:
        out.append(Problem(rel, src.line(*path), 1, code, message))

    if not isinstance(spec, dict):
        return [Problem(rel, 1, 1, "DIAG002", "a diagram file must be a mapping")]
    kind = KINDS.get(spec.get("type"))
    if kind is None:
        at(("type",), "DIAG002", f"unknown or missing type '{spec.get('type')}' (known types: "
                                 f"{', '.join(sorted(KINDS))})")
        return out
    for key in ("title", "description"):
        value = spec.get(key)
        for lang in LANGUAGES:
            if not (isinstance(value, dict) and isinstance(value.get(lang), str)
                    and value[lang].strip()):
                at((key, lang) if isinstance(value, dict) else (key,), "DIAG001",
                   f"the diagram needs a {key} in '{lang}': it is its accessible "
                   f"{'name' if key == 'title' else 'description'} in that language")
    allowed = {"type", "title", "description", "caption"} | set(kind.fields)
    for key in spec:
        if key not in allowed:
            at((key,), "DIAG002", f"unknown key '{key}' for a '{spec['type']}' diagram "
                                  f"(known keys: {', '.join(sorted(allowed))})")
    kinds = spec.get("kinds") if isinstance(spec.get("kinds"), dict) else {}
    _fields(spec, kind.fields, (), at, kinds)
    for key, shape in kind.fields.items():
        if isinstance(shape, list) and kind.count is not None and isinstance(spec.get(key), list) \
                and len(spec[key]) != kind.count:
            at((key,), "DIAG002", f"'{key}' must hold exactly {kind.count} items")
    if not out:
        _typography(spec, (), at)
    return out


def _fields(value: Any, shape: Any, path: tuple[Any, ...], at: Callable[..., None],
            kinds: dict[str, Any]) -> None:
    name = ".".join(map(str, path)) or "the file"
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            at(path, "DIAG002", f"'{name}' must be a mapping")
            return
        for key, sub in shape.items():
            optional = isinstance(sub, str) and sub.endswith("?")
            if key not in value:
                if not optional:
                    at(path, "DIAG002", f"'{name}' lacks '{key}'")
                continue
            _fields(value[key], sub.rstrip("?") if isinstance(sub, str) else sub,
                    (*path, key), at, kinds)
        for key in value:
            if path and key not in shape:
                at((*path, key), "DIAG002", f"unknown key '{key}' in '{name}'")
    elif isinstance(shape, list):
        if not isinstance(value, list) or not value:
            at(path, "DIAG002", f"'{name}' must be a non-empty list")
            return
        for i, item in enumerate(value):
            _fields(item, shape[0], (*path, i), at, kinds)
    elif shape == "label":
        for lang in LANGUAGES:
            if not (isinstance(value, dict) and isinstance(value.get(lang), str)
                    and value[lang].strip()):
                at(path, "DIAG002", f"'{name}' needs a text in '{lang}'")
    elif shape == "parts":
        if not isinstance(value, dict) or not value:
            at(path, "DIAG002", f"'{name}' must map keys to labels")
            return
        for key, label in value.items():
            _fields(label, "label", (*path, key), at, kinds)
    elif shape == "year":
        if not isinstance(value, int):
            at(path, "DIAG002", f"'{name}' must be a year (a whole number)")
    elif shape == "kind" and value not in kinds:
        at(path, "DIAG002", f"'{name}' is '{value}', not one of the kinds "
                            f"({', '.join(map(str, kinds))})")


def _typography(value: Any, path: tuple[Any, ...], at: Callable[..., None]) -> None:
    if isinstance(value, dict):
        for key, sub in value.items():
            if key == "fr" and isinstance(sub, str) and FRENCH_SPACE.search(sub):
                at((*path, key), "DIAG004", "French text: a non-breaking space (U+00A0 or "
                                            "U+202F) goes before : ; ? ! » and after «")
            else:
                _typography(sub, (*path, key), at)
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            _typography(sub, (*path, i), at)
