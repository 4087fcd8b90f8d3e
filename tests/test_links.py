"""Links that last and the share kit.

- the URL contract: a published address that disappears without a redirect fails the
  build (URL001) and the message says which redirect to add;
- a page renamed in a small real site (the test fixture, built by MkDocs) keeps its old
  address: the redirect page leads a real browser to the new page, in both languages;
- every page offers "copy the link", a QR code of its address, an Open Graph image.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from alliance.redirects import load_redirects, redirect_pages, relative
from alliance.urls import contract_problems
from conftest import ROOT, SITE_URL, mkdocs_env
from nginx_server import nginx_serving

OLD, NEW = "temoignages/exemple", "temoignages/exemple-confiance"
TITLES = {"fr": "Un exemple de confiance", "en": "An example of trust"}


# ------------------------------------------------------------------ pure functions

def test_a_listed_address_that_is_gone_without_redirect_is_url001() -> None:
    listed = [(5, "/temoignages/exemple/"), (6, "/en/temoignages/exemple/"), (7, "/")]
    problems = contract_problems(listed, {"/"}, [("/en/temoignages/exemple/", "/en/x/")])
    assert [str(p) for p in problems] == [
        "published-urls.txt:5:1: URL001 '/temoignages/exemple/' was published but the build no "
        "longer produces it: links to it would break. Add a redirect to docs/_data/redirects.yml, "
        "a line like `/temoignages/exemple/: /nouvelle-adresse/` (the address that replaces it, "
        "in the same language)"]


def test_redirect_file_problems_are_reported_with_their_line(tmp_path: Path) -> None:
    data = tmp_path / "docs/_data"
    data.mkdir(parents=True)
    (data / "redirects.yml").write_text(
        "# comment\n"
        "/a/: /b/\n"
        "/en/c/: /d/\n"
        "/e: /f/\n"
        "/g/: /a/\n"
        "https://x.example/h/: /b/\n", encoding="utf-8")
    pairs, problems = load_redirects(tmp_path)
    assert pairs == [("/a/", "/b/"), ("/g/", "/a/")]
    found = [(p.line, p.code) for p in problems]
    assert found == [(3, "URL010"), (4, "URL010"), (6, "URL010"), (5, "URL010")]
    assert "different languages" in problems[0].message
    assert "without its final /" in problems[1].message
    assert "redirects again" in problems[3].message


def test_redirect_pages_are_small_noindex_and_in_the_page_language() -> None:
    pages = redirect_pages([("/en/old/", "/en/a/new/"), ("/fiches/pdf/x.pdf", "/fiches/pdf/y.pdf")],
                           "https://site.example/")
    assert list(pages) == ["en/old/index.html"]  # a file address needs a server redirect
    text = pages["en/old/index.html"]
    assert '<html lang="en">' in text and '<meta name="robots" content="noindex">' in text
    assert '<meta http-equiv="refresh" content="0; url=../a/new/">' in text
    assert '<a href="../a/new/">' in text
    assert '<link rel="canonical" href="https://site.example/en/a/new/">' in text
    assert relative("/a/b/", "/") == "../../"


def test_a_character_the_card_font_lacks_is_reported_not_drawn_as_a_box() -> None:
    from alliance.share import Card, missing_characters

    ok = Card("L’alliance\u00a0: œuvre à deux", "« Déjà » — 100 € ?", "Alliance", "a.example", "fr")
    assert missing_characters(ok) == []
    assert missing_characters(Card("Ελληνικά", "", "Alliance", "a.example", "en")) == sorted(set("Ελληνικά"))


# ------------------------------------------------------------------ a real build of the fixture

def _fixture_repo(root: Path) -> Path:
    """The fixture site with the real hooks, theme, assets and configuration (no nav:
    MkDocs lists the fixture's own pages)."""
    from fixture_site import build_site

    build_site(root)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "hooks", root / "hooks", ignore=ignore)
    shutil.copytree(ROOT / "overrides", root / "overrides", ignore=ignore)
    shutil.copytree(ROOT / "docs/assets", root / "docs/assets", dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.split("\n# ------------------------------------------"
                                                  "---------------------- navigation")[0] + "\n",
                                     encoding="utf-8")
    for lang in ("fr", "en"):
        # static-i18n does not see the fixture's schema.svg from English pages: no image here
        page = root / f"docs/comprendre/alliance.{lang}.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\n!\[[^]]*\]\(\.\./assets/schema\.svg\)\n", "\n", text),
                        encoding="utf-8")
    from alliance.translations_sync import sync_all

    sync_all(root)
    return root


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """A folder served by nginx on 127.0.0.1 as a host without redirects would serve it
    (no redirect rules: only the redirect pages lead on), stopped at the end."""
    with tempfile.TemporaryDirectory() as run_dir, \
            nginx_serving(folder, Path(run_dir), redirects=()) as url:
        yield url


def _build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")],
        cwd=root, env=mkdocs_env() | {"PYTHONPATH": str(root / "hooks")},
        capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """Build the fixture, record its addresses (`make urls`), rename a page in both
    languages: the build fails; add the redirects: it passes."""
    root = _fixture_repo(tmp_path_factory.mktemp("repo"))
    first = _build(root)
    assert first.returncode == 0, first.stdout + first.stderr
    record = subprocess.run([sys.executable, "-m", "alliance", "--root", str(root), "urls",
                             str(root / "site")], env=mkdocs_env() | {"PYTHONPATH": str(root / "hooks")},
                            capture_output=True, text=True, timeout=60)
    assert record.returncode == 0, record.stderr
    listed = (root / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert {"/temoignages/exemple/", "/en/temoignages/exemple/",
            "/fiches/pdf/mes-objectifs.fr.a4.pdf"} <= set(listed)
    for lang in ("fr", "en"):
        old = root / f"docs/{OLD}.{lang}.md"
        old.rename(root / f"docs/{NEW}.{lang}.md")
    broken = _build(root)
    left_behind = [p for p in (root / "site").rglob("*") if p.is_file()]
    (root / "docs/_data/redirects.yml").write_text(
        f"/{OLD}/: /{NEW}/\n/en/{OLD}/: /en/{NEW}/\n", encoding="utf-8")
    fixed = _build(root)
    yield {"root": root, "broken": broken, "left_behind": left_behind, "fixed": fixed}


def test_a_renamed_page_without_redirect_fails_the_build(renamed_site: dict) -> None:
    broken = renamed_site["broken"]
    assert broken.returncode != 0
    output = broken.stdout + broken.stderr
    for prefix in ("/", "/en/"):
        assert re.search(rf"published-urls\.txt:\d+:1: URL001 '{prefix}{OLD}/' was published but "
                         r"the build no longer produces it.*Add a redirect to docs/_data/redirects\.yml",
                         output), output
    # nothing half-written: the failed build left no pages behind
    assert renamed_site["left_behind"] == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_old_address_leads_the_browser_to_the_renamed_page(renamed_site: dict, browser: object,
                                                               lang: str) -> None:
    fixed = renamed_site["fixed"]
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    site = renamed_site["root"] / "site"
    prefix = "" if lang == "fr" else "en/"
    page = (site / prefix / OLD / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page and 'content="noindex"' in page
    with serve_folder(site) as base:
        tab = browser.new_page()
        tab.goto(f"{base}{prefix}{OLD}/")
        tab.wait_for_url(f"{base}{prefix}{NEW}/", timeout=10_000)
        assert tab.locator("h1").first.inner_text().removesuffix("¶") == TITLES[lang]
        assert tab.evaluate("document.documentElement.lang") == lang
        tab.close()


# ------------------------------------------------------------------ the real site's share kit

def _qr_matrix(svg: str) -> list[list[bool]]:
    """The dark modules of a QR code drawn as segno draws it (rows of horizontal strokes)."""
    path = re.search(r'<path class="qrline" stroke="#000" d="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark: set[tuple[int, int]] = set()
    for op, a, b in re.findall(r"([MmHh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            for i in range(int(float(a))):
                dark.add((int(y), int(x) + i))
            x += float(a)
    size = int(re.search(r'width="(\d+)"', svg).group(1)) // 4
    return [[(r, c) in dark for c in range(size)] for r in range(size)]


@pytest.mark.parametrize("rel", ["comprendre/alliance/", "en/fiches/mes-objectifs/", ""])
def test_each_page_has_its_qr_code_and_open_graph_image(built_site: Path, rel: str) -> None:
    import segno

    url = SITE_URL + rel
    html = (built_site / rel / "index.html").read_text(encoding="utf-8")
    svg = (built_site / rel / "qr.svg").read_text(encoding="utf-8")
    expected = segno.make(url, error="m", micro=False)
    assert _qr_matrix(svg) == [[bool(v) for v in row]
                               for row in expected.matrix_iter(scale=1, border=4)]
    assert f'<meta property="og:url" content="{url}">' in html
    assert f'<meta property="og:image" content="{url}og.png">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    png = (built_site / rel / "og.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 630)
    assert len(png) < 60_000
    assert '<img class="share-kit__qr-image" src="qr.svg"' in html


def test_no_inline_script_or_style_in_the_share_kit(built_site: Path) -> None:
    html = (built_site / "comprendre/alliance/index.html").read_text(encoding="utf-8")
    kit = html[html.index('<aside class="share-kit"'):]
    kit = kit[:kit.index("</aside>")]
    assert " style=" not in kit and "<script" not in kit and " on" not in kit.replace(" only", "")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_copy_the_link_copies_the_page_address(server: str, browser: object, lang: str) -> None:
    prefix = "en/" if lang == "en" else ""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    tab = context.new_page()
    tab.goto(f"{server}{prefix}fiches/mes-objectifs/")
    button = tab.locator("[data-share-copy]")
    assert button.inner_text() == ("Copy the link" if lang == "en" else "Copier le lien")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["height"] >= 44
    button.click()
    status = tab.locator("[data-share-status]")
    status.wait_for(state="visible")
    assert status.inner_text() == ("Link copied." if lang == "en" else "Lien copié.")
    assert tab.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}{prefix}fiches/mes-objectifs/"
    # the QR code opens on demand, and it is the page's own
    tab.locator(".share-kit__qr summary").click()
    image = tab.locator(".share-kit__qr-image")
    image.wait_for(state="visible")
    assert tab.evaluate("(img) => img.complete && img.naturalWidth > 0", image.element_handle())
    context.close()
