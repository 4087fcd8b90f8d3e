"""The state one `mkdocs build` shares between its hooks, across all its languages.

One owner: a `Build`, made from the build's own configuration (its root is the folder of
the configuration file, so `mkdocs build -f other/mkdocs.yml` reads `other/docs`), kept in
that configuration object, which every language's build receives (static-i18n builds the
other languages with the same object; `mkdocs serve` makes a new one for each rebuild).
The hooks read it and call its methods; none of them sets its fields.

In a hook: `Build.of(config).context` (the site's sources), `.root`, `.site_url`,
`.site_dir`, `.outermost` (the other languages are built: whole-site work goes here),
`.keep(path, text)` (a file to write once every language is built).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import DEFAULT_LANGUAGE
from .context import SiteContext, load_context

KEY = "alliance_build"
DOCS = "docs"  # the pages and data, next to the configuration file


class ConfigError(ValueError):
    """The configuration cannot work with this site's logic (one plain sentence)."""


@dataclass
class Build:
    root: Path
    site_dir: Path
    site_url: str
    _context: SiteContext | None = None
    _lang: str = DEFAULT_LANGUAGE
    # static-i18n builds the other languages from inside the default language's
    # post-build: the depth tells when the outermost build (the last to end) ends.
    _depth: int = 0
    _outputs: dict[Path, str] = field(default_factory=dict)

    @classmethod
    def of(cls, config: Any) -> Build:
        """The build this configuration belongs to (made on first use)."""
        found = config.get(KEY)
        if found is None:
            found = cls.from_config(config)
            config[KEY] = found
        return found

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Build:
        config_file = config.get("config_file_path")
        root = Path(config_file).resolve().parent if config_file else Path.cwd()
        docs = Path(config["docs_dir"]).resolve()
        if docs != (root / DOCS).resolve():
            raise ConfigError(f"docs_dir is {docs}, but the site's pages and data files are "
                              f"read from '{DOCS}' next to the configuration file "
                              f"({root / DOCS}): move them there")
        return cls(root=root, site_dir=Path(config["site_dir"]),
                   site_url=config.get("site_url") or "/")

    # ------------------------------------------------------------ one language's build

    def start_language(self, lang: str) -> SiteContext:
        """A language's build begins: the sources are read again (cheap), and returned."""
        self._depth += 1
        self._lang = lang
        self._context = load_context(self.root)
        return self._context

    def end_language(self) -> bool:
        """A language's build ends; True when the outermost one (the whole site) ended."""
        self._depth -= 1
        return self._depth == 0

    @property
    def outermost(self) -> bool:
        """Whether the build running now is the outermost one (the other languages done)."""
        return self._depth == 1

    @property
    def finished(self) -> bool:
        """Whether every language's build has ended (hooks/outputs.py has written the files
        kept for the end): the whole site is on disk."""
        return self._depth == 0

    @property
    def context(self) -> SiteContext:
        if self._context is None:
            return self.start_language(self._lang)
        return self._context

    # ------------------------------------------------------------ outputs written at the end

    def keep(self, path: Path, text: str) -> None:
        """Keep a file to write once every language is built (static-i18n would overwrite
        it in between)."""
        self._outputs[path] = text

    def outputs(self) -> dict[Path, str]:
        return dict(self._outputs)
