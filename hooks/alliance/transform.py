"""Page transforms shared by every engine: citations, generated lists, byline, sources.

`page_markdown` works on Markdown before rendering; `page_html` on the rendered HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import easy_read, legal, people
from .bibliography import (
    REFERENCES_STEM,
    bibliography_markdown,
    relative_link,
    replace_citations,
)
from .context import SiteContext
from .diagrams import DIAGRAMS, MARKER_PREFIX
from .diagrams import problems as diagram_problems
from .diagrams import render as render_diagram
from .helplines import help_markdown
from .markdown_scan import (
    ATTR_LIST,
    HEADING,
    HEADING_ATTRS,
    HTML_ID,
    ID_ATTR,
    MARKER,
    heading_ids,
)
from .page_info import page_info_markdown
from .routes import MARKER as ROUTES_MARKER
from .routes import routes_markdown
from .self_check import MARKER_LINE as SELF_CHECK_LINE
from .self_check import MARKER_NAME as SELF_CHECK_MARKER
from .self_check import anchors as self_check_anchors
from .self_check import block_markdown as self_check_block
from .self_check import sections_with_marker
from .sheets.model import MOMENTS
from .sheets.render import PDF_FORMATS, pdf_name, render_fragment
from .sheets.thumbnail import shown_size as thumbnail_size
from .sources import page_url
from .words import WORDS, long_date

PLACEHOLDER = re.compile(r"\{\{\s*(contact_email|testimony_email)\s*\}\}")
TITLE_LINE = re.compile(r"^# .+$", re.MULTILINE)
GLOSSARY_STEM = "comprendre/glossaire"


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


# ---------------------------------------------------------------- generated parts

def helplines_markdown(ctx: SiteContext, lang: str) -> str:
    return help_markdown(ctx.data.helplines, lang, long_date)


def glossary_markdown(ctx: SiteContext, lang: str) -> str:
    entries = sorted(ctx.data.glossary.items(),
                     key=lambda kv: str(kv[1].get(lang, {}).get("term", kv[0])).lower())
    out = []
    for key, entry in entries:
        term = entry.get(lang, {})
        out.append(f"## {esc(term.get('term', key))} {{ #{key} }}\n\n{esc(term.get('definition', ''))}\n")
    return "\n".join(out)


def testimonies_markdown(ctx: SiteContext, stem: str, lang: str) -> str:
    words = WORDS[lang]
    pages = sorted(ctx.pages_of_kind("testimony", lang), key=lambda p: p.stem)
    out = [f"## {words['testimonies_all']} {{ #tous }}\n"]
    for page in pages:
        info = page.meta.get("testimony") or {}
        kind = words.get(f"kind_{info.get('type')}", "")
        themes = ", ".join(ctx.data.themes.get(t, {}).get(lang, t) for t in info.get("themes", []))
        link = relative_link(stem, page.stem)
        out.append(f"- **[{esc(page.meta.get('title', page.stem))}]({link})** — "
                   f"{esc(info.get('setting', ''))}. *{kind}.* {esc(themes)}.")
    out.append(f"\n## {words['testimonies_by_theme']} {{ #par-theme }}\n")
    for theme, labels in ctx.data.themes.items():
        having = [p for p in pages if theme in (p.meta.get("testimony") or {}).get("themes", [])]
        if not having:
            continue
        out.append(f"### {esc(labels[lang])} {{ #theme-{theme} }}\n")
        for page in having:
            link = relative_link(stem, page.stem, theme)
            out.append(f"- [{esc(page.meta.get('title', page.stem))}]({link})")
        out.append("")
    return "\n".join(out)


def human_size(size: int, lang: str) -> str:
    kb = max(1, round(size / 1024))
    return f"{kb}\u00a0{'Ko' if lang == 'fr' else 'KB'}"


def pdf_label(ctx: SiteContext, sheet_id: str, lang: str, paper: str) -> str:
    words = WORDS[lang]
    name = words["pdf_a4"] if paper == "a4" else words["pdf_letter"]
    info = ctx.pdfs.get((sheet_id, lang, paper))
    if not info:
        return f"{name}, {words['fillable']}"
    pages = f"{info.pages}\u00a0{words['page'] if info.pages == 1 else words['pages']}"
    return f"{name}, {pages}, {human_size(info.size, lang)}, {words['fillable']}"


def sheet_downloads(ctx: SiteContext, sheet_id: str, lang: str, from_stem: str) -> str:
    links = []
    for paper in PDF_FORMATS[lang]:
        target = posixpath.relpath(f"fiches/pdf/{pdf_name(sheet_id, lang, paper)}",
                                   posixpath.dirname(from_stem) or ".")
        links.append(f"[{pdf_label(ctx, sheet_id, lang, paper)}]({target})")
    return " · ".join(links)


def sheet_thumbnail(sheet_id: str, lang: str) -> str:
    """Site path of the thumbnail of a sheet's first page (the first paper of its language),
    under the language's folder."""
    return f"fiches/thumbs/{sheet_id}.{lang}.svg"


def sheets_index_markdown(ctx: SiteContext, stem: str, lang: str) -> str:
    """The sheets, grouped by the moment they serve (in MOMENTS order), each as a card with
    the thumbnail of its first page; the consent form apart, last."""
    words = WORDS[lang]
    width, height = thumbnail_size(PDF_FORMATS[lang][0])
    out = []
    for moment in MOMENTS:
        chosen = [s for s in ctx.sheets.values() if s.moment == moment]
        if not chosen:
            continue
        out.append(f"## {esc(words['moments'][moment])} {{ #{moment} }}\n")
        if moment == "forms":
            out.append(f"{esc(words['forms_note'])}\n")
        out.append('<ul class="sheet-cards" markdown="block">')
        for sheet in sorted(chosen, key=lambda s: s.text[lang].title.lower()):
            text = sheet.text[lang]
            link = relative_link(stem, f"fiches/{sheet.id}")
            thumb = posixpath.relpath(sheet_thumbnail(sheet.id, lang), posixpath.dirname(stem) or ".")
            out.append(
                f'<li class="sheet-card" markdown="block">\n\n'
                f'![]({thumb}){{ .sheet-card__thumb width="{width}" '
                f'height="{height}" loading="lazy" }}\n\n'
                f"**[{esc(text.title)}]({link})**  \n{esc(text.description)}\n"
                f"{{ .sheet-card__text }}\n\n"
                f"{words['download']}{words['colon']} {sheet_downloads(ctx, sheet.id, lang, stem)}\n"
                f"{{ .sheet-card__downloads }}\n\n</li>")
        out.append("</ul>\n")
    return "\n".join(out)


def sheet_page_markdown(ctx: SiteContext, sheet_id: str, stem: str, lang: str) -> str:
    """A sheet page: its actions (print first, then a filled PDF made in the browser; erase
    apart, after the form, behind a confirmation) around the shared sheet template."""
    sheet = ctx.sheets[sheet_id]
    words = WORDS[lang]
    pdf_words = {k: words[k] for k in ("sheet", "not_a_test", "row", "filled_on", "no_answer",
                                       "privacy_pdf", "online", "colon")}
    controls = (
        f'<div class="sheet-tools" data-sheet-tools hidden data-sheet-id="{esc(sheet.id)}" '
        f'data-words="{esc(json.dumps(pdf_words, ensure_ascii=False))}">\n'
        f'<p class="sheet-actions">'
        f'<button type="button" class="md-button md-button--primary" data-print>'
        f'{esc(words["print"])}</button> '
        f'<button type="button" class="md-button" data-save-pdf>{esc(words["save_pdf"])}</button>'
        f'</p>\n'
        f'<p class="sheet-keep"><input type="checkbox" id="keep-{sheet.id}" data-keep>'
        f'<label for="keep-{sheet.id}">{esc(words["keep"])}</label></p>\n'
        f'<p class="sheet-keep-help">{esc(words["keep_help"])}</p>\n'
        f'<p class="sheet-status" role="status" data-status '
        f'data-saving="{esc(words["saving_pdf"])}" data-saved="{esc(words["saved_pdf"])}" '
        f'data-failed="{esc(words["pdf_failed"])}" data-erased="{esc(words["erased"])}"></p>\n'
        f"</div>"
    )
    erase = (
        f'<div class="sheet-erase" data-sheet-erase hidden>\n'
        f'<p><button type="button" class="sheet-erase__button" data-erase aria-expanded="false" '
        f'aria-controls="erase-confirm-{sheet.id}">{esc(words["erase"])}</button></p>\n'
        f'<div class="sheet-erase__confirm" id="erase-confirm-{sheet.id}" data-erase-confirm hidden>'
        f'\n<p>{esc(words["erase_question"])}</p>\n'
        f'<p><button type="button" class="md-button" data-erase-no>{esc(words["erase_no"])}</button> '
        f'<button type="button" class="md-button sheet-erase__yes" data-erase-yes>'
        f'{esc(words["erase_yes"])}</button></p>\n</div>\n</div>'
    )
    # the letterhead of the printed sheet (print only: on screen the title says it)
    letterhead = (f'<div class="sheet-print-header" aria-hidden="true"><span class="sheet-mark">'
                  f'</span><p><span class="sheet-print-header__site">Alliance · '
                  f'{esc(words["sheet"])}</span><br><span class="sheet-print-header__purpose">'
                  f'{esc(sheet.text[lang].description)}</span></p></div>\n\n')
    return (
        f"{letterhead}# {esc(sheet.text[lang].title)}\n\n"
        f"{esc(sheet.text[lang].description)}\n{{: .sheet-lead }}\n\n"
        f"{words['download']}{words['colon']} {sheet_downloads(ctx, sheet.id, lang, stem)}\n{{: .sheet-downloads }}\n\n"
        f"{controls}\n\n{render_fragment(ctx.root, sheet, lang)}\n\n{erase}\n"
    )


# ---------------------------------------------------------------- markers

@dataclass(frozen=True)
class Marker:
    """A generated block: what it expands to and the page that must carry it. The ids it
    gives are read from the block itself (`generated_ids`), never listed by hand."""

    expand: Callable[[SiteContext, str, str], str]  # (ctx, page stem, lang) -> Markdown
    page: str  # stem of the page that needs this block (MARK002 if the marker is missing)
    # the easy-read version of `page`, if there is one, must carry the block too
    easy_too: bool = False
    # a diagram's page is ordinary content: if the page is gone, that is the navigation and
    # link checks' business, not a lost generated block
    page_may_be_missing: bool = False
    # only for a block whose ids depend on where it sits (the self-checks); the others'
    # ids are read from the block itself
    anchors: Callable[[SiteContext], set[str]] | None = None


def _diagram_marker(name: str, page: str) -> Marker:
    """The marker of one diagram: its SVG, drawn from its data file in the page's language
    (a file with problems draws nothing: DIAG00x already fails the build)."""

    def expand(ctx: SiteContext, stem: str, lang: str) -> str:
        src = ctx.data.diagrams.get(name)
        if src is None or diagram_problems(name, src):
            return ""
        return f"\n{render_diagram(name, src.data, lang)}\n"

    return Marker(expand, page, page_may_be_missing=True)


# The one registry of markers: the transform expands these, the checks know only these.
MARKERS: dict[str, Marker] = {
    "helplines": Marker(lambda ctx, stem, lang: helplines_markdown(ctx, lang), "aide",
                        easy_too=True),
    "glossary": Marker(lambda ctx, stem, lang: glossary_markdown(ctx, lang), GLOSSARY_STEM),
    ROUTES_MARKER: Marker(lambda ctx, stem, lang: routes_markdown(ctx.data.routes, lang, long_date),
                          "comprendre/depasser-les-limites"),
    "bibliography": Marker(lambda ctx, stem, lang: bibliography_markdown(ctx.data.bibliography,
                                                                         lang),
                           REFERENCES_STEM),
    "testimonies-index": Marker(testimonies_markdown, "temoignages/index"),
    "sheets-index": Marker(sheets_index_markdown, "fiches/index"),
    legal.NOTICE_MARKER: Marker(lambda ctx, stem, lang: legal.notice_markdown(ctx.data.site, lang),
                                legal.NOTICE_STEM),
    legal.CONTROLLER_MARKER: Marker(
        lambda ctx, stem, lang: legal.controller_markdown(ctx.data.site, lang),
        legal.PRIVACY_STEM),
    people.MARKER: Marker(lambda ctx, stem, lang: people.people_markdown(ctx.data.people, lang),
                          people.ABOUT_STEM),
    # one per step: expanded by `expand_self_checks`, which knows the section it sits in
    SELF_CHECK_MARKER: Marker(lambda ctx, stem, lang: "", "pros/parcours-formation",
                              anchors=lambda ctx: self_check_anchors(ctx.data.self_checks)),
    **{f"{MARKER_PREFIX}{name}": _diagram_marker(name, page) for name, page in DIAGRAMS.items()},
}


def generated_ids(ctx: SiteContext, name: str, lang: str) -> set[str]:
    """The ids the block of marker `name` gives in `lang`: HTML ids, `{ #id }` attributes,
    and the ids the renderer computes for its headings without one. Read from the block as
    the build expands it, once per build."""
    key = (name, lang)
    if MARKERS[name].anchors is not None:
        return MARKERS[name].anchors(ctx)
    if key not in ctx.generated_ids:
        marker = MARKERS[name]
        try:
            block = marker.expand(ctx, marker.page, lang)
        except (KeyError, TypeError, AttributeError, ValueError):
            if not ctx.problems:
                raise  # sound data that cannot be expanded: a bug, not a content problem
            block = ""  # its data file is broken, and that is already reported
        ids = set(HTML_ID.findall(block))
        plain = []
        for line in block.splitlines():
            for attrs in ATTR_LIST.finditer(line):
                ids |= set(ID_ATTR.findall(attrs.group(1)))
            heading = HEADING.match(line)
            if heading and not HEADING_ATTRS.search(heading.group(2)):
                plain.append(line)
        ctx.generated_ids[key] = ids | set(heading_ids(tuple(plain)))
    return ctx.generated_ids[key]


def expand_self_checks(ctx: SiteContext, markdown: str, lang: str) -> str:
    """Each `<!-- self-check -->` marker becomes the questions of the `##` section it ends.
    A section without questions keeps its marker: the self-check check reports it."""
    sections = iter(sections_with_marker(markdown))

    def block(match: re.Match[str]) -> str:
        step = next(sections)
        questions = ctx.data.self_checks.get(step)
        if not questions:
            return match.group(0)
        return self_check_block(step, list(ctx.data.self_checks).index(step) + 1, questions, lang)

    return SELF_CHECK_LINE.sub(block, markdown)


# ---------------------------------------------------------------- page furniture

def about_url(stem: str, lang: str, anchor: str = "") -> str:
    """Relative URL from a page to the about page (raw HTML: MkDocs does not rewrite it)."""
    here, there = page_url(stem, lang), page_url(people.ABOUT_STEM, lang)
    rel = posixpath.relpath(there, here)
    return f"{rel}/#{anchor}" if anchor else f"{rel}/"


def byline_html(ctx: SiteContext, meta: dict[str, Any], stem: str, lang: str) -> str:
    """Who wrote the page, who reviewed it (named from people.yml, linked to the about
    page that says how review works) and when it was last reviewed."""
    words = WORDS[lang]
    sep = words["colon"] + " "
    about = about_url(stem, lang)
    parts = []
    if meta.get("authors"):
        parts.append(f"{words['written_by']}{sep}"
                     f"{people.byline_names_html(ctx.data.people, meta['authors'], lang, about)}")
    if meta.get("reviewers"):
        parts.append(f"{words['reviewed_by']}{sep}"
                     f"{people.byline_names_html(ctx.data.people, meta['reviewers'], lang, about)}")
    reviewed = meta.get("last_reviewed")
    if isinstance(reviewed, dt.date):
        parts.append(f'{words["last_reviewed"]}{sep}<time datetime="{reviewed.isoformat()}">'
                     f"{long_date(reviewed, lang)}</time>")
    parts.append(f'<a href="{about_url(stem, lang, people.ABOUT_ANCHOR)}">{words["how_review"]}</a>')
    return f'<p class="byline">{" · ".join(parts)}</p>'


def testimony_licence_html(stem: str, lang: str) -> str:
    """Said on every testimony: it is outside the site's open licence, so that the people
    who gave it can have it withdrawn (a CC BY-SA grant could not be revoked)."""
    here = page_url(stem, lang)
    target = posixpath.relpath(page_url(legal.PRIVACY_STEM, lang), here)
    return (f'\n<p class="testimony-licence">{esc(WORDS[lang]["testimony_licence"])} '
            f'<a href="{target}/#retrait">{esc(WORDS[lang]["testimony_withdraw"])}</a></p>')


def sources_markdown(ctx: SiteContext, keys: list[str], lang: str) -> str:
    """The sources section (a sub-section of the page information block)."""
    title = {"fr": "Sources", "en": "Sources"}[lang]
    unique = list(dict.fromkeys(k for k in keys if k in ctx.data.bibliography))
    if not unique:
        body = f"{WORDS[lang]['no_sources']}\n{{: .no-sources }}"
    else:
        body = bibliography_markdown(ctx.data.bibliography, lang, unique, anchors=False)
    return f"\n\n### {title} {{ #sources }}\n\n{body}\n"


def has_sources_section(stem: str, meta: dict[str, Any]) -> bool:
    """Every page ends with its sources (`#sources`), except the reference pages that are
    a list of sources themselves (the glossary has its own)."""
    return meta.get("kind") != "reference" or stem == GLOSSARY_STEM


def page_markdown(ctx: SiteContext, markdown: str, stem: str, lang: str,
                  meta: dict[str, Any]) -> str:
    """The whole Markdown transform of one page; `meta` is the page's (updated) metadata."""
    if meta.get("kind") == "sheet" and meta.get("sheet") in ctx.sheets:
        markdown = sheet_page_markdown(ctx, meta["sheet"], stem, lang)

    site = ctx.data.site
    markdown = PLACEHOLDER.sub(lambda m: esc(site.get(m.group(1), "")), markdown)

    markdown = expand_self_checks(ctx, markdown, lang)

    def expand(match: re.Match[str]) -> str:
        marker = MARKERS.get(match.group(1))
        return marker.expand(ctx, stem, lang) if marker else match.group(0)

    markdown = MARKER.sub(expand, markdown)
    used: list[str] = []
    markdown = replace_citations(markdown, stem, ctx.data.bibliography, lang, used)
    used += [k for k in meta.get("sources") or [] if k not in used]

    title = TITLE_LINE.search(markdown)
    twin = easy_read.link_markdown(ctx, stem, lang, meta)
    if title and twin:
        # the link to the page's easy-read twin (or back) sits right under the title
        markdown = f"{markdown[:title.end()]}\n\n{twin}\n{markdown[title.end():]}"
    byline = byline_html(ctx, meta, stem, lang)
    if meta.get("kind") == "testimony":
        byline += testimony_licence_html(stem, lang) + "\n"
    sources = sources_markdown(ctx, used, lang) if has_sources_section(stem, meta) else ""
    # the point of the page first; who wrote it, when, and its sources at the end
    markdown += page_info_markdown(meta, lang, byline, sources,
                                   relative_link(stem, "aide"),
                                   ctx.data.site.get("review_every_months"))
    return markdown


# ---------------------------------------------------------------- rendered HTML

GLOSSARY_LINK = re.compile(r'<a href="([^"]*glossaire/#([\w-]+))"')
VOICE = re.compile(r'<h3 (?=[^>]*class="[^"]*voice-(patient|therapist))[^>]*>')
SECTION_BREAK = re.compile(r"<h[1-3][ >]")


def add_glossary_titles(html_text: str, ctx: SiteContext, lang: str) -> str:
    """Glossary links get the definition as title: Material shows it on hover and focus."""

    def titled(match: re.Match[str]) -> str:
        entry = ctx.data.glossary.get(match.group(2), {}).get(lang)
        if not entry:
            return match.group(0)
        return f'<a href="{match.group(1)}" title="{esc(entry.get("definition", ""))}"'

    return GLOSSARY_LINK.sub(titled, html_text)


def group_voices(html_text: str, lang: str) -> str:
    """Wrap each voice (an h3 marked .voice-patient / .voice-therapist and what follows it)
    in a labelled section, and each theme's voices in a side-by-side container."""
    out, pos = [], 0
    matches = list(VOICE.finditer(html_text))
    if not matches:
        return html_text
    i = 0
    while i < len(matches):
        start = matches[i].start()
        out.append(html_text[pos:start])
        group_end = start
        voices = []
        j = i
        while j < len(matches) and not html_text[group_end:matches[j].start()].strip():
            head = matches[j]
            nxt = SECTION_BREAK.search(html_text, head.end())
            end = nxt.start() if nxt else len(html_text)
            id_match = re.search(r'id="([^"]+)"', head.group(0))
            label = f' aria-labelledby="{id_match.group(1)}"' if id_match else ""
            voices.append(f'<section class="voice voice--{head.group(1)}"{label}>'
                          f"{html_text[head.start():end]}</section>")
            group_end = end
            j += 1
        out.append('<div class="voices">' + "".join(voices) + "</div>")
        pos = group_end
        i = j
    out.append(html_text[pos:])
    return "".join(out)


def page_html(ctx: SiteContext, html_text: str, meta: dict[str, Any], lang: str) -> str:
    html_text = add_glossary_titles(html_text, ctx, lang)
    if meta.get("kind") == "testimony":
        html_text = group_voices(html_text, lang)
    return html_text

