"""MkDocs adapter: the exercise sheets' PDFs, built (through a cache) and published.

French PDFs go to /fiches/pdf/, English ones to /en/fiches/pdf/, next to the pages
that link to them, so the build's own link check sees them. The thumbnail of each
sheet's first page (SVG, drawn with the PDF) goes to <language>/fiches/thumbs/.
"""

from __future__ import annotations

import logging

from alliance import DEFAULT_LANGUAGE
from alliance.build import Build
from alliance.sheets.pdfbuild import build_pdfs
from alliance.sheets.render import PDF_FORMATS, thumbnail_path
from alliance.transform import sheet_thumbnail
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.sheets")


@event_priority(-150)  # after static-i18n has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = Build.of(config)
    lang = config.theme["language"]
    produced = build_pdfs(build.context, build.site_url)
    if produced.rendered:
        log.info(f"Rendered {produced.rendered} sheet PDF(s); the others came from the cache.")
    for job, path in produced.files.items():
        if job.lang != lang:
            continue
        pdf = File.generated(config, f"fiches/pdf/{job.name}", abs_src_path=str(path))
        if lang != DEFAULT_LANGUAGE:  # static-i18n builds every language into one folder
            pdf.dest_uri = f"{lang}/fiches/pdf/{job.name}"
        files.append(pdf)
        if job.paper == PDF_FORMATS[lang][0]:
            uri = sheet_thumbnail(job.sheet_id, lang)
            thumb = File.generated(config, uri, abs_src_path=str(thumbnail_path(path)))
            if lang != DEFAULT_LANGUAGE:
                thumb.dest_uri = f"{lang}/{uri}"
            files.append(thumb)
    return files
