"""Every sheet PDF: opens, tagged PDF/UA, right language and title, labelled form fields,
extractable text with its title, within its page count and the size budget, nothing
orphaned on its last page, scale circles clear of their labels, the reflection-aid note
where the sheet needs it; and the cache never serves a PDF made from old data."""

from __future__ import annotations

from pathlib import Path

import pytest
from alliance.context import load_context
from alliance.sheets.pdfbuild import CACHE_DIR, build_pdfs
from alliance.sheets.render import PDF_FORMATS, pdf_name
from alliance.words import WORDS
from conftest import ROOT
from pypdf import PageObject, PdfReader

CTX = load_context(ROOT)
CASES = [(sid, lang, paper) for sid in sorted(CTX.sheets) for lang, papers in PDF_FORMATS.items()
         for paper in papers]


@pytest.mark.parametrize(("sheet_id", "lang", "paper"), CASES)
def test_pdf(built_site: Path, sheet_id: str, lang: str, paper: str) -> None:
    sheet = CTX.sheets[sheet_id]
    base = built_site / "en" if lang == "en" else built_site
    path = base / "fiches/pdf" / pdf_name(sheet_id, lang, paper)
    assert path.stat().st_size <= 300 * 1024, f"{path.name} is over 300 KB"
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]), "not tagged"
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == lang
    title = sheet.text[lang].title
    assert reader.metadata.title.startswith(title)
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    assert 1 <= len(reader.pages) <= sheet.max_pages, f"{len(reader.pages)} pages"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert " ".join(title.split()[:3]) in " ".join(text.split())
    fields = reader.get_fields()
    # a radio group (the 0-10 scale) is one field whose widgets appear as "name.name"
    assert {name.split(".")[0] for name in fields} == set(sheet.form_field_names())
    for name, field in fields.items():
        assert field.get("/TU"), f"field {name} has no label (tooltip)"
    box = reader.pages[0].mediabox
    expected = (595, 842) if paper == "a4" else (612, 792)
    assert (round(float(box.width)), round(float(box.height))) == expected
    flat = " ".join(text.split())
    note = " ".join(WORDS[lang]["not_a_test"].split())
    assert (note in flat) == sheet.reflection_aid, "reflection-aid note"
    if len(reader.pages) > 1:  # the last page holds something to fill, not only the end notes
        assert widgets(reader.pages[-1]), "the last page holds only the privacy note and sources"


def widgets(page: PageObject) -> list[tuple[str, tuple[float, float, float, float]]]:
    out = []
    for annot in page.get("/Annots") or []:
        annot = annot.get_object()
        if annot.get("/Subtype") == "/Widget":
            parent = annot.get("/Parent")
            name = annot.get("/T") or (parent.get_object().get("/T") if parent else "")
            out.append((str(name), tuple(float(v) for v in annot["/Rect"])))
    return out


def text_boxes(page: PageObject) -> list[tuple[str, float, float]]:
    """Each piece of text on the page with its baseline origin (x, y) in PDF units."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return found


SCALE_SHEETS = [(sid, lang, paper) for sid, lang, paper in CASES
                if any(f.type == "scale" for f in CTX.sheets[sid].fields)]


@pytest.mark.parametrize(("sheet_id", "lang", "paper"), SCALE_SHEETS)
def test_scale_circles_do_not_overlap_their_labels(built_site: Path, sheet_id: str, lang: str,
                                                   paper: str) -> None:
    base = built_site / "en" if lang == "en" else built_site
    reader = PdfReader(base / "fiches/pdf" / pdf_name(sheet_id, lang, paper))
    sheet = CTX.sheets[sheet_id]
    scales = {f.id: f for f in sheet.fields if f.type == "scale"}
    checked = labels = 0
    for page in reader.pages:
        texts = text_boxes(page)
        ends = [(t, x, y) for t, x, y in texts if t.startswith(("0 =", "10 ="))]
        labels += len(ends)
        for name, (x0, y0, x1, y1) in widgets(page):
            if name not in scales:
                continue
            checked += 1
            for text, x, y in ends:
                # the end label's line box: from its baseline to about one line above
                inside_x = x0 - 1 <= x <= x1 + 1
                overlaps_y = y - 2 < y1 and y + 8 > y0
                assert not (inside_x and overlaps_y), f"circle {name} at {x0:.0f},{y0:.0f} " \
                                                      f"overlaps '{text}' at {x:.0f},{y:.0f}"
            # and the end labels sit on their own line, above the circles
        for text, _x, y in ends:
            circles = [r for n, r in widgets(page) if n in scales]
            assert all(y > r[3] for r in circles if abs(y - r[3]) < 40), text
    assert checked >= 11 * len(scales) and labels >= 2 * len(scales)


def test_sheet_field_labels_come_from_the_source() -> None:
    sheet = CTX.sheets["mes-objectifs"]
    out = build_pdfs(CTX, "https://alliance-soin.example/").files
    path = next(p for job, p in out.items()
                if (job.sheet_id, job.lang, job.paper) == ("mes-objectifs", "fr", "a4"))
    fields = PdfReader(path).get_fields()
    assert fields["priorite"]["/TU"] == sheet.fields[1].label["fr"]


def test_a_rebuild_with_no_change_renders_no_pdf() -> None:
    build_pdfs(CTX, "https://alliance-soin.example/")
    assert build_pdfs(CTX, "https://alliance-soin.example/").rendered == 0


def copy_sources(target: Path) -> None:
    import shutil

    for folder in ("docs", "overrides", "templates", "hooks"):
        shutil.copytree(ROOT / folder, target / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))


def test_an_edited_title_is_in_the_new_pdf_and_old_entries_are_pruned(tmp_path: Path) -> None:
    """The stale-PDF bug: an edit made while serving must reach the PDF's text (the data
    is handed to the renderer, nothing is cached in the process), and the cache keeps
    only what the current sources use."""
    copy_sources(tmp_path)
    url = "https://alliance-soin.example/"
    first = build_pdfs(load_context(tmp_path), url, workers=1)
    old = {p.name for p in first.files.values()}
    source = tmp_path / "docs/_data/sheets/mes-objectifs.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        'title: "My goals for therapy"', 'title: "My renamed goals sheet"'), encoding="utf-8")
    ctx = load_context(tmp_path)
    second = build_pdfs(ctx, url, workers=1)  # same process: a per-process cache would show
    assert second.rendered == 4 and second.pruned == 4
    path = next(p for job, p in second.files.items()
                if (job.sheet_id, job.lang, job.paper) == ("mes-objectifs", "en", "a4"))
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "My renamed goals sheet" in " ".join(text.split())
    assert "My goals for therapy" not in text
    cached = {p.name for p in (tmp_path / CACHE_DIR).glob("*.pdf")}
    assert cached == {p.name for p in second.files.values()}
    assert len(old - cached) == 4


def test_changing_a_sheet_source_renders_only_that_sheet(tmp_path: Path) -> None:
    copy_sources(tmp_path)
    ctx = load_context(tmp_path)
    build_pdfs(ctx, "https://alliance-soin.example/", workers=2)
    source = tmp_path / "docs/_data/sheets/mes-objectifs.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Mes objectifs pour la thérapie", "Mes objectifs de thérapie"), encoding="utf-8")
    ctx = load_context(tmp_path)
    assert build_pdfs(ctx, "https://alliance-soin.example/", workers=1).rendered == 4
    # fr and en, each in A4 and US Letter


def test_a_new_version_of_a_rendering_library_renders_again(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    from alliance.sheets import pdfbuild

    before = {job.key for job in pdfbuild.plan(CTX, "https://alliance-soin.example/")}
    for library in pdfbuild.RENDER_LIBRARIES:
        real = pdfbuild.version
        monkeypatch.setattr(pdfbuild, "version",
                            lambda name, lib=library, real=real: "0-test" if name == lib
                            else real(name))
        after = {job.key for job in pdfbuild.plan(CTX, "https://alliance-soin.example/")}
        assert not before & after, f"a new {library} keeps the old cache keys"
        monkeypatch.undo()
    assert set(pdfbuild.RENDER_LIBRARIES) == {"weasyprint", "pydyf", "fonttools", "segno"}
