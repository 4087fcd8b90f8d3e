"""Share kit, made at build time: a QR code of each page's address (SVG) and the page's
Open Graph image (PNG, with the site's own font), so a shared link shows a preview.

Both are written next to the page (`qr.svg`, `og.png` in the page's folder); nothing is
fetched from anywhere. The PNGs go through a content-hash cache (.cache/og/): a build
redraws only the pages whose title or description changed.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont

QR_FILE = "qr.svg"
OG_FILE = "og.png"
OG_SIZE = (1200, 630)
FONTS = Path(__file__).resolve().parents[2] / "docs/assets/fonts"
FONT = {400: "atkinson-hyperlegible-latin-400-normal.woff2",
        700: "atkinson-hyperlegible-latin-700-normal.woff2"}
CACHE_DIR = Path(".cache/og")
# The theme's colours (docs/assets/stylesheets/alliance.css): navy ground, light text.
BACKGROUND = "#24305e"
TEXT = "#ffffff"
SOFT = "#d8ddf0"
ACCENT = "#ffb59e"
VERSION = "1"  # change to redraw every cached image after a change of design

WORDS = {"fr": {"lang": "Français"}, "en": {"lang": "English"}}


@dataclass(frozen=True)
class Card:
    """What an Open Graph image shows."""

    title: str
    description: str
    site_name: str
    host: str
    lang: str

    def key(self) -> str:
        text = "\x1f".join((VERSION, self.title, self.description, self.site_name, self.host, self.lang))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def qr_svg(url: str) -> str:
    """The address as a QR code: black on white (readable in the dark theme too), with the
    quiet zone scanners need. Medium error correction survives a printed, folded page."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=4, border=4, dark="#000", light="#fff",
              xmldecl=False, title=url, nl=True)
    return out.getvalue().decode("utf-8")


@cache
def _characters(weight: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(str(FONTS / FONT[weight])).getBestCmap())


def missing_characters(card: Card) -> list[str]:
    """Characters of the card that its font files cannot draw (they would print as boxes)."""
    have = _characters(700) & _characters(400)
    text = card.title + card.description + card.site_name + card.host
    return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in have})


@cache
def _font(weight: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / FONT[weight]), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
          width: int) -> list[str]:
    lines: list[str] = []
    for word in (w for w in text.split(" ") if w):  # never at a non-breaking space
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, weight: int, sizes: tuple[int, ...],
         width: int, max_lines: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the text holds in `max_lines`; cut with … if none does."""
    for size in sizes:
        font = _font(weight, size)
        lines = _wrap(draw, text, font, width)
        if len(lines) <= max_lines:
            return font, lines
    lines = lines[:max_lines]
    while lines[-1] and draw.textlength(lines[-1] + "…", font=font) > width:
        lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
    lines[-1] += "…"
    return font, lines


def og_png(card: Card) -> bytes:
    """A 1200×630 card: site name, title, description, address; palette PNG (small)."""
    image = Image.new("RGB", OG_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin, width = 80, OG_SIZE[0] - 160
    draw.rectangle((0, 0, 24, OG_SIZE[1]), fill=ACCENT)
    draw.text((margin, 64), card.site_name, font=_font(700, 44), fill=ACCENT)
    y = 150
    font, lines = _fit(draw, card.title, 700, (72, 64, 56, 48), width, 3)
    for line in lines:
        draw.text((margin, y), line, font=font, fill=TEXT)
        y += int(font.size * 1.2)
    y += 24
    small, lines = _fit(draw, card.description, 400, (36, 32), width, 3)
    for line in lines:
        if y + small.size > OG_SIZE[1] - 110:
            break
        draw.text((margin, y), line, font=small, fill=SOFT)
        y += int(small.size * 1.3)
    footer = f"{card.host} · {WORDS[card.lang]['lang']}"
    draw.text((margin, OG_SIZE[1] - 80), footer, font=_font(400, 32), fill=SOFT)
    out = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


def og_png_cached(card: Card, root: Path) -> bytes:
    """og_png through the cache: the same card is drawn once."""
    folder = root / CACHE_DIR
    path = folder / f"{card.key()}.png"
    if path.exists():
        return path.read_bytes()
    data = og_png(card)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return data
