"""MkDocs adapter: the bibliography as BibTeX and RIS files, generated at build time from
docs/_data/bibliography.yml (alliance.bibexport), one pair per language next to the
references page: /comprendre/… in French, /en/comprendre/… in English."""

from __future__ import annotations

from alliance import DEFAULT_LANGUAGE
from alliance.bibexport import EXPORT_DIR, ExportError, exports
from alliance.build import Build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files


@event_priority(-150)  # after static-i18n has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = config.theme["language"]
    try:
        produced = exports(Build.of(config).context.data.bibliography, lang)
    except ExportError as error:
        raise PluginError(f"docs/_data/bibliography.yml: {error}") from error
    for name, text in produced.items():
        generated = File.generated(config, f"{EXPORT_DIR}/{name}", content=text.encode("utf-8"))
        if lang != DEFAULT_LANGUAGE:  # static-i18n builds every language into one folder
            generated.dest_uri = f"{lang}/{EXPORT_DIR}/{name}"
        files.append(generated)
    return files
