"""Render a sheet: the HTML fragment for the web page, and the PDF from the same template."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

import jinja2
import segno

from ..bibliography import reference_markdown
from ..words import WORDS, long_date
from .model import Sheet
from .thumbnail import page_svg

PAPERS = {"a4": "A4", "letter": "letter"}
# The sheet templates live outside the theme folder, so MkDocs never publishes them.
TEMPLATES_DIR = Path("templates")
FONT_CACHE = Path(".cache/fonts")
# The PDFs each language offers: A4, and US Letter (Québec, North America) in both.
PDF_FORMATS = {"fr": ("a4", "letter"), "en": ("a4", "letter")}


def templates(root: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(root / TEMPLATES_DIR),
        autoescape=True, trim_blocks=False, lstrip_blocks=False,
        undefined=jinja2.StrictUndefined,
    )


def sheet_page_anchors(root: Path) -> set[str]:
    """The fixed ids the sheet template gives its headings: links may point at them."""
    text = (root / TEMPLATES_DIR / "sheets/sheet.html").read_text(encoding="utf-8")
    return set(re.findall(r'<h[1-6][^>]*\bid="([\w-]+)"', text))


def pdf_name(sheet_id: str, lang: str, paper: str) -> str:
    return f"{sheet_id}.{lang}.{paper}.pdf"


def render_fragment(root: Path, sheet: Sheet, lang: str, pdf: bool = False) -> str:
    """The sheet body (intro, form, privacy note) as HTML, with no blank line in it."""
    env = templates(root)
    out = env.get_template("sheets/sheet.html").render(
        sheet=sheet, t=sheet.text[lang], lang=lang, words=WORDS[lang], pdf=pdf)
    return "\n".join(line for line in out.splitlines() if line.strip())


def _plain_reference(entry: dict[str, Any], lang: str) -> str:
    """A reference as plain text for the PDF (the Markdown emphasis stripped)."""
    text = re.sub(r"<[^>]+>", "", reference_markdown(entry, lang).replace("*", ""))
    return re.sub(r" {2,}", " ", html.unescape(text.split(" [https://doi.org/")[0]))


def font_as_ttf(root: Path, name: str) -> Path:
    """The vendored WOFF2 font decompressed once into the cache: WeasyPrint would otherwise
    decompress it again for every PDF (a third of a second each)."""
    target = root / FONT_CACHE / f"{name}.ttf"
    if not target.exists():
        from fontTools.ttLib import TTFont

        target.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(root / "docs/assets/fonts" / f"{name}.woff2")
        font.flavor = None
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        font.save(tmp)
        tmp.replace(target)
    return target


def _author_names(root: Path, sheet: Sheet, lang: str) -> list[str]:
    """The sheet's authors by name, from docs/_data/people.yml (the ids if it is unreadable:
    its problems are reported by the checks)."""
    from ..people import REL, load, names
    from ..problems import InputError
    from ..yamlio import load_located_file

    try:
        people, _ = load(load_located_file(root / REL, root))
    except (OSError, InputError):
        people = {}
    return names(people, sheet.authors, lang)


def render_pdf_html(root: Path, sheet: Sheet, lang: str, paper: str, url: str,
                    bibliography: dict[str, Any]) -> str:
    env = templates(root)
    css = (root / TEMPLATES_DIR / "sheets/pdf.css").read_text(encoding="utf-8")
    css = re.sub(r"url\(fonts/([\w.-]+)\.woff2\)",
                 lambda m: f"url({font_as_ttf(root, m.group(1)).as_uri()})", css)
    css = css.replace("@page { size: A4", f"@page {{ size: {PAPERS[paper]}")
    qr = segno.make(url, error="m").svg_data_uri(scale=2, border=1)
    sources = [_plain_reference(bibliography[k], lang) for k in sheet.sources if k in bibliography]
    return env.get_template("sheets/pdf.html").render(
        author_names=_author_names(root, sheet, lang),
        sheet=sheet, t=sheet.text[lang], lang=lang, words=WORDS[lang], pdf=True, css=css,
        paper=paper, url=url, qr=qr, sources=sources,
        version=long_date(sheet.last_reviewed, lang))


def thumbnail_path(pdf: Path) -> Path:
    """Where the thumbnail of a PDF's first page is written: next to it, as SVG."""
    return pdf.with_suffix(".svg")


def write_pdf(html_text: str, target: Path, root: Path) -> int:
    """Write a tagged PDF/UA-1 with form fields, and the SVG thumbnail of its first page
    (drawn from the same layout); return its number of pages."""
    from weasyprint import HTML  # imported late: it needs Pango, only PDF building does

    document = HTML(string=html_text, base_url=(root / "docs/assets").as_uri() + "/").render(
        pdf_forms=True, pdf_variant="pdf/ua-1")
    target.parent.mkdir(parents=True, exist_ok=True)
    thumb = thumbnail_path(target)
    tmp_thumb = thumb.with_suffix(".svg.tmp")
    tmp_thumb.write_text(page_svg(document.pages[0]), encoding="utf-8")
    tmp = target.with_suffix(".tmp")
    document.write_pdf(tmp, pdf_forms=True, pdf_variant="pdf/ua-1")
    tmp_thumb.replace(thumb)
    tmp.replace(target)  # never leave a half-written PDF behind
    return len(document.pages)
