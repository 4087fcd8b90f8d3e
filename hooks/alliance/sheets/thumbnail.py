"""A thumbnail of a sheet's first page, as a small SVG, drawn from the very layout the PDF
is written from (WeasyPrint's boxes): coloured areas, borders, form fields (boxes, circles)
and each line of text as a bar of its colour. At index size, text is not legible anyway;
what a therapist scans for is the shape of the sheet: a table, lines to write on, a scale.

No raster library, no request: the SVG is a few kilobytes, self-hosted next to the PDFs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

WIDTH = 150  # px: the thumbnail's width in the index; height follows the paper
PAPER_RATIO = {"a4": 297 / 210, "letter": 11 / 8.5}  # height / width


def shown_size(paper: str) -> tuple[int, int]:
    """The thumbnail's width and height in pixels for a paper size (what page_svg writes
    for a page of that paper, and what the index reserves for it)."""
    return WIDTH, round(WIDTH * PAPER_RATIO[paper])


def _rgb(color: Any) -> tuple[str, float] | None:
    """(#rrggbb, alpha) of a WeasyPrint colour, or None when it is transparent."""
    if color is None:
        return None
    try:
        r, g, b = color.to("srgb").coordinates
        alpha = float(color.alpha)
    except (AttributeError, TypeError, ValueError):
        return None
    if alpha <= 0.01:
        return None
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(c * 255))) for c in (r, g, b))), alpha


def _hidden(box: Any) -> bool:
    """A visually hidden box (1 px, overflow hidden: labels for screen readers)."""
    try:
        return box.style["overflow"] == "hidden" and box.border_width() <= 2
    except (AttributeError, KeyError, TypeError):
        return False


def _boxes(box: Any) -> Iterator[Any]:
    if _hidden(box):
        return
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def page_svg(page: Any) -> str:
    """The SVG thumbnail of one laid-out WeasyPrint page (a `weasyprint.Page`)."""
    width, height = float(page.width), float(page.height)
    shapes: list[str] = []
    for box in _boxes(page._page_box):  # the layout, as drawn in the PDF
        name = type(box).__name__
        if name in ("PageBox", "MarginBox", "LineBox", "AbsolutePlaceholder"):
            continue
        style = box.style
        if name == "TextBox":
            if not box.text.strip():
                continue
            color = _rgb(style["color"]) or ("#1a1a1a", 1.0)
            size = float(style["font_size"])
            bar = max(1.0, size * 0.55)
            y = box.position_y + (box.height - bar) / 2
            shapes.append(f'<rect x="{_num(box.position_x)}" y="{_num(y)}" '
                          f'width="{_num(box.width)}" height="{_num(bar)}" '
                          f'fill="{color[0]}" opacity="0.45"/>')
            continue
        try:
            x, y = box.border_box_x(), box.border_box_y()
            w, h = box.border_width(), box.border_height()
        except (AttributeError, TypeError):
            continue
        if w <= 0 or h <= 0:
            continue
        tag = getattr(box, "element_tag", "")
        kind = box.element.get("type") if tag == "input" and box.element is not None else None
        if kind in ("radio", "checkbox"):
            stroke = _rgb(style["border_top_color"]) or ("#555555", 1.0)
            if kind == "radio":
                shapes.append(f'<circle cx="{_num(x + w / 2)}" cy="{_num(y + h / 2)}" '
                              f'r="{_num(min(w, h) / 2)}" fill="none" stroke="{stroke[0]}"/>')
            else:
                shapes.append(f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" '
                              f'height="{_num(h)}" fill="none" stroke="{stroke[0]}"/>')
            continue
        if name.endswith("ReplacedBox"):  # the site mark, the QR code
            shapes.append(f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" '
                          f'height="{_num(h)}" fill="#24305e" opacity="0.25"/>')
            continue
        fill = _rgb(style["background_color"])
        if fill and fill[0] != "#ffffff":
            shapes.append(f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" '
                          f'height="{_num(h)}" fill="{fill[0]}" opacity="{_num(fill[1])}"/>')
        for side, x1, y1, x2, y2 in (("top", x, y, x + w, y), ("bottom", x, y + h, x + w, y + h),
                                     ("left", x, y, x, y + h), ("right", x + w, y, x + w, y + h)):
            thickness = float(getattr(box, f"border_{side}_width", 0) or 0)
            color = _rgb(style[f"border_{side}_color"]) if thickness > 0 else None
            if color and style[f"border_{side}_style"] not in ("none", "hidden"):
                shapes.append(f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" '
                              f'y2="{_num(y2)}" stroke="{color[0]}" '
                              f'stroke-width="{_num(max(thickness, 1.5))}"/>')
    shown_height = round(WIDTH * height / width)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{shown_height}" '
            f'viewBox="0 0 {_num(width)} {_num(height)}" role="img">'
            f'<rect width="100%" height="100%" fill="#ffffff"/>{"".join(shapes)}</svg>\n')
