"""One owner for the build's state, its root and docs folder taken from the configuration.

The alliance code may live anywhere: the site it builds is the one next to the
configuration file given to MkDocs (`-f`), whatever the current folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alliance.build import Build, ConfigError
from fixture_site import HOOKS, REPO, build_site, make_buildable, page_path, replace_in, sync_all

VENV_BIN = REPO / ".venv/bin"


def test_the_root_is_the_configuration_files_folder(tmp_path: Path) -> None:
    config = {"config_file_path": str(tmp_path / "site/mkdocs.yml"),
              "docs_dir": str(tmp_path / "site/docs"), "site_dir": str(tmp_path / "out"),
              "site_url": "https://x.example/"}
    build = Build.of(config)
    assert build.root == (tmp_path / "site").resolve()
    assert Build.of(config) is build  # every hook and language gets the same one
    assert (build.site_dir, build.site_url) == (tmp_path / "out", "https://x.example/")


def test_a_docs_dir_elsewhere_is_an_error_not_ignored(tmp_path: Path) -> None:
    config = {"config_file_path": str(tmp_path / "mkdocs.yml"),
              "docs_dir": str(tmp_path / "pages"), "site_dir": str(tmp_path / "out")}
    with pytest.raises(ConfigError, match=r"docs_dir is .*pages, but the site's pages and "
                                          r"data files are read from 'docs'"):
        Build.of(config)


def test_build_with_f_checks_the_site_of_that_configuration(tmp_path: Path) -> None:
    site = build_site(tmp_path / "repo")
    make_buildable(site)
    replace_in(page_path(site, "index", "fr"), "Bienvenue.", "Bienvenue à chaque patient·e.")
    sync_all(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # the alliance code is the repository's, the site is the fixture's
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(HOOKS))
    mkdocs = VENV_BIN / "mkdocs"
    command = [str(mkdocs)] if mkdocs.exists() else [sys.executable, "-m", "mkdocs"]
    result = subprocess.run([*command, "build", "--strict", "-f", str(site / "mkdocs.yml"),
                             "-d", str(tmp_path / "out")], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "docs/index.fr.md:14:27: TYPO002 point médian" in output, output
    assert "1 problem in 1 file." in output, output
