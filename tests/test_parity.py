"""The check and the build report the same problems.

A corpus of mistakes that MkDocs' strict build rejects by itself (a link to the other
language's file, an image only the other language has, an anchor only the other language
has, a missing page or anchor, an anchor the build does not generate on that page, a
folder instead of a page, the other language's PDF, an absolute link, a page left out of
the nav or a nav entry without its page) is written into the test site, one mistake per
file. Then:

- `mkdocs build --strict` *without* the project's content checks names the files MkDocs
  itself rejects;
- `python -m alliance check` names its files;
- the real strict build (content checks included) names its files;

and the three sets are the same. Anything the build rejects that the check let through
would show up here as a file named by the first set only.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_site import (
    HOOKS,
    PAGES,
    REPO,
    build_site,
    make_buildable,
    page_path,
    problems,
    sync_all,
)

VENV_BIN = REPO / ".venv/bin"
ALLIANCE = "comprendre/alliance"

# One mistake per file: (stem, lang, text added at the end of the page)
MISTAKES = [
    ("index", "en", "\nSee [the French page](comprendre/alliance.fr.md).\n"),
    ("comprendre/glossaire", "fr", "\n![Un schéma](../assets/seulement-en.svg)\n"),
    ("temoignages/exemple", "en", "\nSee [there](../comprendre/alliance.md#seulement-fr).\n"),
    ("comprendre/references", "fr", "\nVoir [ailleurs](ailleurs.md).\n"),
    ("aide", "en", "\nSee [the home page](/index.md).\n"),
    ("temoignages/index", "fr", "\nVoir [plus haut](../comprendre/alliance.md#nulle-part).\n"),
    # the references page is a list of sources: it has no "Sources" section of its own
    ("comprendre/depasser-les-limites", "en", "\nSee [its sources](references.md#sources).\n"),
    ("comprendre/glossaire", "en", "\nSee [the testimonies](../temoignages/).\n"),
    ("comprendre/alliance", "en", "\n[As a PDF](../fiches/pdf/mes-objectifs.fr.a4.pdf)\n"),
    ("comprendre/references", "en", "\nSee [France](depasser-les-limites.md#fr).\n"),
]
# Right links to the ids of generated blocks, in a page the build must accept.
RIGHT = ("index", "fr", "\n[Danger](aide.md#danger), [signaler](comprendre/"
                        "depasser-les-limites.md#signaler-fr), [tous](temoignages/index.md#tous)\n")
LEFT_OUT = "fiches/index"  # in no nav entry
NOT_A_PAGE = "comprendre/disparue.md"  # a nav entry without its page
EXPECTED = {f"docs/{stem}.{lang}.md" for stem, lang, _ in MISTAKES} | {
    f"docs/{LEFT_OUT}.fr.md", f"docs/{LEFT_OUT}.en.md", "mkdocs.yml"}


def broken_site(root: Path) -> Path:
    build_site(root)
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n'
    (root / "docs/assets/seulement-en.svg").unlink(missing_ok=True)
    (root / "docs/assets/seulement-en.en.svg").write_text(svg, encoding="utf-8")
    path = page_path(root, "comprendre/glossaire", "en")  # the image exists for English
    path.write_text(path.read_text(encoding="utf-8") + "\n![A diagram](../assets/seulement-en.svg)\n",
                    encoding="utf-8")
    path = page_path(root, ALLIANCE, "fr")  # an id the English page does not have
    path.write_text(path.read_text(encoding="utf-8")
                    + '\nUn repère <span id="seulement-fr"></span>ici.\n', encoding="utf-8")
    for stem, lang, text in [*MISTAKES, RIGHT]:
        path = page_path(root, stem, lang)
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    sync_all(root)
    return root


def nav(root: Path) -> str:
    stems = sorted({stem for stem in PAGES if stem != LEFT_OUT}
                   | {p.relative_to(root / "docs").as_posix().split(".")[0]
                      for p in (root / "docs/fiches").glob("*.md")} - {LEFT_OUT})
    return "".join(f"  - {stem}.md\n" for stem in stems) + f"  - {NOT_A_PAGE}\n"


def files_named_by_mkdocs(output: str) -> set[str]:
    """The files MkDocs' own warnings name, as repository paths."""
    named = {f"docs/{m}" for m in re.findall(r"Doc file '([^']+)'", output)}
    if re.search(r"A reference to '[^']+' is included in the 'nav' configuration", output):
        named.add("mkdocs.yml")
    for omitted in re.finditer(r"not included in the \"nav\" configuration:\n((?:\s+- .+\n)+)",
                               output):
        named |= {f"docs/{m}" for m in re.findall(r"- (\S+)", omitted.group(1))}
    return named


def files_named_by_the_checks(output: str) -> set[str]:
    return set(re.findall(r"^(\S+?):\d+:\d+: [A-Z0-9]+\d{3} ", output, re.MULTILINE))


def strict_build(root: Path, out: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root / "hooks"))
    mkdocs = VENV_BIN / "mkdocs"
    command = [str(mkdocs)] if mkdocs.exists() else [sys.executable, "-m", "mkdocs"]
    result = subprocess.run([*command, "build", "--strict", "-d", str(out)], cwd=root, env=env,
                            capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return broken_site(tmp_path_factory.mktemp("parity") / "repo")


def test_the_check_names_every_file_the_build_rejects(site: Path, tmp_path: Path) -> None:
    make_buildable(site, content_checks=False, nav=nav(site))
    by_mkdocs = files_named_by_mkdocs(strict_build(site, tmp_path / "bare"))
    by_check = {p.path for p in problems(site)}
    assert by_mkdocs == EXPECTED
    assert by_check == EXPECTED

    python = VENV_BIN / "python" if (VENV_BIN / "python").exists() else Path(sys.executable)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    cli = subprocess.run([str(python), "-m", "alliance", "--root", str(site), "check"],
                         cwd=HOOKS, env=env, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 1
    assert files_named_by_the_checks(cli.stderr) == EXPECTED

    make_buildable(site, content_checks=True, nav=nav(site))
    assert files_named_by_the_checks(strict_build(site, tmp_path / "full")) == EXPECTED
