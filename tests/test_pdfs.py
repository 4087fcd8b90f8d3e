"""Every sheet PDF: opens, tagged PDF/UA, right language and title, labelled form fields,
extractable text with its title, within its page count and the size budget."""

from __future__ import annotations

from pathlib import Path

import pytest
from alliance.context import load_context
from alliance.sheets.pdfbuild import build_pdfs
from alliance.sheets.render import PDF_FORMATS, pdf_name
from conftest import ROOT
from pypdf import PdfReader

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


def test_sheet_field_labels_come_from_the_source() -> None:
    sheet = CTX.sheets["mes-objectifs"]
    out = build_pdfs(CTX, "https://alliance-soin.example/")
    path = next(p for job, p in out.items()
                if (job.sheet_id, job.lang, job.paper) == ("mes-objectifs", "fr", "a4"))
    fields = PdfReader(path).get_fields()
    assert fields["priorite"]["/TU"] == sheet.fields[1].label["fr"]


def test_a_rebuild_with_no_change_renders_no_pdf() -> None:
    build_pdfs(CTX, "https://alliance-soin.example/")
    build_pdfs(CTX, "https://alliance-soin.example/")
    assert build_pdfs.last_rendered == 0


def test_changing_a_sheet_source_renders_only_that_sheet(tmp_path: Path) -> None:
    import shutil

    for folder in ("docs", "overrides", "templates", "hooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    ctx = load_context(tmp_path)
    build_pdfs(ctx, "https://alliance-soin.example/", workers=2)
    source = tmp_path / "docs/_data/sheets/mes-objectifs.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Mes objectifs pour la thérapie", "Mes objectifs de thérapie"), encoding="utf-8")
    ctx = load_context(tmp_path)
    build_pdfs(ctx, "https://alliance-soin.example/", workers=1)
    assert build_pdfs.last_rendered == 3  # fr A4, en A4, en Letter
