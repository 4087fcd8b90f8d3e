"""`make release-check` (python -m alliance release): every content check plus what a public
release needs. It fails on the repository as shipped, naming each placeholder at its place,
and passes on a copy where everything is filled in."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from alliance import release
from alliance.checks import run_all
from alliance.context import load_context
from conftest import ROOT
from fixture_site import build_site, replace_in

TODAY = dt.date(2026, 12, 3)


def run_release(root: Path, today: dt.date = TODAY, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    environ.update(PYTHONPATH=str(ROOT / "hooks"), **env)
    return subprocess.run([sys.executable, "-m", "alliance", "--root", str(root), "release",
                           "--today", today.isoformat()],
                          capture_output=True, text=True, env=environ, timeout=300)


def codes(report: str) -> list[tuple[str, str]]:
    """(path, CODE) of each problem line of a report."""
    return re.findall(r"^([\w./-]+):\d+:\d+: (\w+) ", report, re.MULTILINE)


def test_release_check_fails_on_the_repository_as_shipped_naming_each_placeholder() -> None:
    result = run_release(ROOT)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [x for x in result.stderr.splitlines() if re.match(r"^\S+:\d+:\d+: \w+ ", x)]
    assert all(" REL" in x for x in lines), "the content checks pass; only release problems"
    found = set(codes(result.stderr))
    assert found == {("mkdocs.yml", "REL001"), ("docs/_data/site.yml", "REL002"),
                     ("docs/_data/site.yml", "REL003"), ("docs/_data/people.yml", "REL004")}
    text = result.stderr
    assert re.search(r"^mkdocs\.yml:\d+:\d+: REL001 site_url is 'https://alliance-soin\.example/'",
                     text, re.MULTILINE)
    for email in ("contact@alliance-soin.example", "temoignages@alliance-soin.example"):
        assert f"REL002 '{email}' is an example e-mail address" in text
    for who in ("the publisher", "the director of publication", "the host"):
        assert f"REL003 {who} (" in text
    assert "REL004 'comite-relecture' (Alliance review board) is a placeholder" in text
    assert "a reviewer must be a real person" in text
    # each problem points at the line that holds the placeholder
    site = (ROOT / "docs/_data/site.yml").read_text(encoding="utf-8").split("\n")
    for line in re.findall(r"^docs/_data/site\.yml:(\d+):\d+: REL003", text, re.MULTILINE):
        assert re.match(r"\s+(publisher|director|host):", site[int(line) - 1])


def test_build_and_content_checks_do_not_run_the_release_checks() -> None:
    ctx = load_context(ROOT, TODAY)
    assert not [p for p in run_all(ctx, TODAY) if p.code.startswith("REL")]


def fill_in(root: Path) -> None:
    """Everything a release needs, as a publisher would fill it in (fictional test values)."""
    (root / "mkdocs.yml").write_text('site_url: !ENV [SITE_URL, "https://www.alliance-fixture.org/"]\n',
                                     encoding="utf-8")
    site = root / "docs/_data/site.yml"
    text = site.read_text(encoding="utf-8").replace("alliance-soin.example", "alliance-fixture.org")
    text = text.replace("placeholder: true", "placeholder: false")
    text = re.sub(r"\{fr: \"\[À COMPLÉTER[^\]]*\]\", en: \"\[TO FILL IN[^\]]*\]\"\}",
                  '"Filled in for the test"', text)
    site.write_text(text, encoding="utf-8")
    people = root / "docs/_data/people.yml"
    text = people.read_text(encoding="utf-8").replace("placeholder: true", "placeholder: false")
    text = re.sub(r"profession: \{fr: \"\[À COMPLÉTER[^\]]*\]\", en: \"\[TO FILL IN[^\]]*\]\"\}",
                  'profession: {fr: "Psychologue (test)", en: "Psychologist (test)"}', text)
    people.write_text(text, encoding="utf-8")


def test_release_check_passes_once_everything_is_filled_in(tmp_path: Path) -> None:
    root = build_site(tmp_path)
    result = run_release(root)
    assert result.returncode == 1 and "REL003" in result.stderr  # the fixture starts as shipped
    fill_in(root)
    result = run_release(root)
    assert result.returncode == 0, result.stderr
    assert "Ready for release" in result.stdout
    # the build-time address wins over mkdocs.yml's default
    result = run_release(root, SITE_URL="http://localhost:8000/")
    assert codes(result.stderr) == [("mkdocs.yml", "REL001")]


@pytest.mark.parametrize(("name", "what"), release.VERIFIED_FILES)
def test_help_lines_or_routes_verified_more_than_6_months_ago(tmp_path: Path, name: str,
                                                             what: str) -> None:
    root = build_site(tmp_path)
    fill_in(root)
    path = root / "docs/_data" / name
    replace_in(path, "verified: 2026-11-22", "verified: 2026-05-21")
    line = path.read_text(encoding="utf-8").split("\n").index("verified: 2026-05-21") + 1
    ctx = load_context(root, TODAY)
    assert [str(p) for p in release.check(ctx, TODAY)] == [
        f"docs/_data/{name}:{line}:1: REL005 the {what} were last verified on 2026-05-21, more "
        "than 6 months ago: check every entry against its official source, then update 'verified'"]
    fresh = dt.date(2026, 11, 21)  # exactly 6 months: still fresh
    assert not release.check(load_context(root, fresh), fresh)


def test_a_filled_in_legal_detail_written_in_a_page_is_reported(tmp_path: Path) -> None:
    from fixture_site import page_path, report

    root = build_site(tmp_path)
    fill_in(root)
    site = root / "docs/_data/site.yml"
    replace_in(site, '  host:\n    placeholder: false\n    name: "Filled in for the test"',
               '  host:\n    placeholder: false\n    name: "Hébergeur Fictif SAS"')
    assert not [x for x in report(root) if "LEGAL002" in x]
    path = page_path(root, "comprendre/alliance", "fr")
    path.write_text(path.read_text(encoding="utf-8") + "\nLe site est hébergé par Hébergeur Fictif SAS.\n",
                    encoding="utf-8")
    line = path.read_text(encoding="utf-8").count("\n")
    found = [x for x in report(root) if "LEGAL002" in x]
    assert found == [f"docs/comprendre/alliance.fr.md:{line}:25: LEGAL002 'Hébergeur Fictif SAS' (the "
                     "host name) is written by hand: it lives in docs/_data/site.yml and is shown "
                     "by <!-- legal-notice -->"]
