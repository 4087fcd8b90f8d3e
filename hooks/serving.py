"""MkDocs adapter: once the whole site is written, check that the Content-Security-Policy
blocks nothing in it, then write the hosts' `_headers` and `_redirects` and the
pre-compressed siblings (not under `mkdocs serve`: live reload stays quick).

The policy and its renderers are in alliance.serving."""

from __future__ import annotations

from alliance.build import Build
from alliance.problems import format_report
from alliance.serving.policy import configured_redirects
from alliance.serving.site import blocked_in_site, write_serving_files
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


@event_priority(-300)  # after hooks/outputs.py wrote the files that span both languages
def on_post_build(config: MkDocsConfig) -> None:
    build = Build.of(config)
    if not build.finished:
        return  # an inner (other language) build
    problems = blocked_in_site(build.site_dir)
    if problems:
        raise PluginError("The Content-Security-Policy would block parts of the built site:\n"
                          + format_report(problems))
    write_serving_files(build.site_dir, configured_redirects(build.root), compress=_command["name"] != "serve",
                        cache_dir=build.root / ".cache" / "brotli")
