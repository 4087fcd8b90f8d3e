"""Build every sheet PDF once, through a content-hash cache, in parallel when needed.

A PDF is rendered again only when its inputs change: the sheet source, the
templates, the stylesheet, the fonts, the renderer code, the bibliography, the
versions of the rendering libraries, or the URL printed in it. A rebuild with no
change renders none. The data a PDF is made from is handed to the renderer with the
job (never read again, never cached in a process), so what is rendered is what was
hashed. Cache entries that no current job uses are deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..context import PdfInfo, SiteContext
from ..seo import absolute
from .model import Sheet
from .render import PDF_FORMATS, pdf_name, render_pdf_html, thumbnail_path, write_pdf

CACHE_DIR = Path(".cache/pdf")
RENDER_INPUTS = (
    "templates/sheets/sheet.html", "templates/sheets/pdf.html", "templates/sheets/pdf.css",
    "hooks/alliance/sheets/render.py", "hooks/alliance/sheets/model.py",
    "hooks/alliance/sheets/thumbnail.py",
    "hooks/alliance/words.py", "hooks/alliance/bibliography.py",
    "docs/_data/bibliography.yml", "docs/_data/people.yml", "docs/assets/favicon.svg",
    "hooks/alliance/people.py",
)
# The libraries whose output is in the PDF: a new version may render differently.
RENDER_LIBRARIES = ("weasyprint", "pydyf", "fonttools", "segno")


@dataclass(frozen=True)
class Job:
    sheet_id: str
    lang: str
    paper: str
    url: str
    key: str

    @property
    def name(self) -> str:
        return pdf_name(self.sheet_id, self.lang, self.paper)


@dataclass
class PdfBuild:
    """What a build of the PDFs produced: where each PDF is, and how many were rendered."""

    files: dict[Job, Path] = field(default_factory=dict)
    rendered: int = 0
    pruned: int = 0


def library_versions() -> str:
    return ";".join(f"{name}={version(name)}" for name in RENDER_LIBRARIES)


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256(library_versions().encode())
    for rel in RENDER_INPUTS:
        digest.update(rel.encode())
        path = root / rel
        digest.update(path.read_bytes() if path.exists() else b"")
    for font in sorted((root / "docs/assets/fonts").glob("*.woff2")):
        digest.update(font.read_bytes())
    return digest.hexdigest()


def plan(ctx: SiteContext, root_url: str) -> list[Job]:
    common = _fingerprint(ctx.root)
    jobs = []
    for sheet in ctx.sheets.values():
        source = (ctx.root / sheet.source).read_bytes()
        for lang, papers in PDF_FORMATS.items():
            url = absolute(root_url, f"fiches/{sheet.id}", lang)
            for paper in papers:
                key = hashlib.sha256(
                    b"\0".join([common.encode(), source, lang.encode(), paper.encode(),
                                url.encode()])).hexdigest()[:32]
                jobs.append(Job(sheet.id, lang, paper, url, key))
    return jobs


def _render(job: Job, sheet: Sheet, bibliography: dict[str, Any], root: str,
            target: str) -> tuple[int, int]:
    """Runs in a worker process: write one PDF from the data it is given, return its
    pages and size."""
    html = render_pdf_html(Path(root), sheet, job.lang, job.paper, job.url, bibliography)
    pages = write_pdf(html, Path(target), Path(root))
    return pages, Path(target).stat().st_size


def _prune(cache: Path, manifest: dict[str, Any], keep: set[str]) -> int:
    """Delete the cached PDFs, their thumbnails and manifest entries that no current source
    uses; return how many PDFs went."""
    pruned = 0
    for path in [*cache.glob("*.pdf"), *cache.glob("*.svg")]:
        if path.stem not in keep:
            path.unlink(missing_ok=True)
            pruned += path.suffix == ".pdf"
    for key in set(manifest) - keep:
        del manifest[key]
    return pruned


def build_pdfs(ctx: SiteContext, root_url: str, workers: int | None = None) -> PdfBuild:
    """Make sure every PDF is in the cache; return where each one is. Fills ctx.pdfs."""
    cache = ctx.root / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    manifest_path = cache / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    jobs = plan(ctx, root_url)
    missing = [j for j in jobs if not (cache / f"{j.key}.pdf").exists() or j.key not in manifest
               or not thumbnail_path(cache / f"{j.key}.pdf").exists()]
    sheets = [ctx.sheets[j.sheet_id] for j in missing]
    bibs = [{k: ctx.data.bibliography[k] for k in s.sources if k in ctx.data.bibliography}
            for s in sheets]
    targets = [str(cache / f"{j.key}.pdf") for j in missing]
    roots = [str(ctx.root)] * len(missing)
    if missing:
        count = workers or min(len(missing), os.cpu_count() or 1)
        if count > 1:
            with ProcessPoolExecutor(max_workers=count) as pool:
                results = list(pool.map(_render, missing, sheets, bibs, roots, targets))
        else:
            results = list(map(_render, missing, sheets, bibs, roots, targets))
        for job, (pages, size) in zip(missing, results, strict=True):
            manifest[job.key] = {"pages": pages, "size": size, "name": job.name}
    pruned = _prune(cache, manifest, {j.key for j in jobs})
    if missing or pruned:
        tmp = manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(manifest_path)
    result = PdfBuild(rendered=len(missing), pruned=pruned)
    for job in jobs:
        info = manifest[job.key]
        ctx.pdfs[(job.sheet_id, job.lang, job.paper)] = PdfInfo(info["pages"], info["size"])
        result.files[job] = cache / f"{job.key}.pdf"
    return result
