"""MkDocs adapter: run every content check once per build, report all problems, fail.

The checks are plain functions (alliance.checks); `make check` runs the same ones.
"""

from __future__ import annotations

import logging

from alliance import DEFAULT_LANGUAGE
from alliance.build import Build
from alliance.checks import run_all
from alliance.checks.output import check_site
from alliance.problems import format_report
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.validation")


@event_priority(90)  # after hooks/content.py loaded this build's context
def on_pre_build(config: MkDocsConfig) -> None:
    if config.theme["language"] != DEFAULT_LANGUAGE:
        return  # the checks cover both languages: once per build is enough
    problems = run_all(Build.of(config).context)
    if problems:
        raise PluginError("Content validation failed:\n" + format_report(problems))


@event_priority(-100)  # after static-i18n built the other languages, before outputs.py
def on_post_build(config: MkDocsConfig) -> None:
    build = Build.of(config)
    if not build.outermost:
        return  # an inner (other language) build: the outermost one checks the whole site
    problems = check_site(build.site_dir, build.context)
    if problems:
        raise PluginError("The built site failed its checks:\n" + format_report(problems))
