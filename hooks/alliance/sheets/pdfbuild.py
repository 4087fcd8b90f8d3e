"""Build every sheet PDF once, through a content-hash cache, in parallel when needed.

A PDF is rendered again only when its inputs change: the sheet source, the
templates, the stylesheet, the fonts, the renderer code, the bibliography, or the
URL printed in it. A rebuild with no change renders none.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..context import PdfInfo, SiteContext
from ..data import load_site_data
from ..seo import absolute
from .model import Sheet, load_sheets
from .render import PDF_FORMATS, pdf_name, render_pdf_html, write_pdf

CACHE_DIR = Path(".cache/pdf")
RENDER_INPUTS = (
    "templates/sheets/sheet.html", "templates/sheets/pdf.html", "templates/sheets/pdf.css",
    "hooks/alliance/sheets/render.py", "hooks/alliance/sheets/model.py",
    "hooks/alliance/words.py", "hooks/alliance/bibliography.py",
    "docs/_data/bibliography.yml",
)


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


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for rel in RENDER_INPUTS:
        digest.update(rel.encode())
        digest.update((root / rel).read_bytes())
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


@functools.cache
def _sources(root: str) -> tuple[dict[str, Any], dict[str, Sheet]]:
    """What a worker needs, read once per process: the bibliography and the sheets."""
    data, _ = load_site_data(Path(root))
    sheets, _ = load_sheets(Path(root))
    return data.bibliography, sheets


def _render(root: str, job: Job, target: str) -> tuple[int, int]:
    """Runs in a worker process: write one PDF, return its pages and size."""
    bibliography, sheets = _sources(root)
    html = render_pdf_html(Path(root), sheets[job.sheet_id], job.lang, job.paper, job.url,
                           bibliography)
    pages = write_pdf(html, Path(target), Path(root))
    return pages, Path(target).stat().st_size


def build_pdfs(ctx: SiteContext, root_url: str, workers: int | None = None) -> dict[Job, Path]:
    """Make sure every PDF is in the cache; return where each one is. Fills ctx.pdfs."""
    cache = ctx.root / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    manifest_path = cache / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    jobs = plan(ctx, root_url)
    missing = [j for j in jobs if not (cache / f"{j.key}.pdf").exists() or j.key not in manifest]
    if missing:
        count = workers or min(len(missing), os.cpu_count() or 1)
        if count > 1:
            with ProcessPoolExecutor(max_workers=count) as pool:
                results = list(pool.map(_render, [str(ctx.root)] * len(missing), missing,
                                        [str(cache / f"{j.key}.pdf") for j in missing]))
        else:
            results = [_render(str(ctx.root), j, str(cache / f"{j.key}.pdf")) for j in missing]
        for job, (pages, size) in zip(missing, results, strict=True):
            manifest[job.key] = {"pages": pages, "size": size, "name": job.name}
        tmp = manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(manifest_path)
    out = {}
    for job in jobs:
        info = manifest[job.key]
        ctx.pdfs[(job.sheet_id, job.lang, job.paper)] = PdfInfo(info["pages"], info["size"])
        out[job] = cache / f"{job.key}.pdf"
    build_pdfs.last_rendered = len(missing)  # type: ignore[attr-defined]
    return out
