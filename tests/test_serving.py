"""Serving as deployed: the nginx of `make preview` (the `server` fixture), its headers,
its pre-compressed answers and redirects, and the site working under its
Content-Security-Policy in a real browser."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest
from alliance.serving.hosts import MAX_RULES, headers_file, redirects_file
from alliance.serving.inline import blocked
from alliance.serving.nginx import server_block
from alliance.serving.policy import (
    CACHE_DEFAULT,
    CACHE_FONTS,
    CACHE_IMMUTABLE,
    COMPRESSED_SUFFIXES,
    Redirect,
    ServingPolicy,
    site_policy,
)
from conftest import CSP_LISTENER
from fixture_site import TODAY, build_site, page_path, report, sync_all
from nginx_server import nginx_serving

# Each kind of answer, with the lifetime the policy gives it.
SAMPLES = [
    ("", CACHE_DEFAULT), ("en/", CACHE_DEFAULT), ("fiches/mes-objectifs/", CACHE_DEFAULT),
    ("en/comprendre/ruptures/", CACHE_DEFAULT), ("search/search_index.json", CACHE_DEFAULT),
    ("assets/stylesheets/alliance.css", CACHE_DEFAULT), ("sitemap.xml", CACHE_DEFAULT),
    ("assets/favicon.svg", CACHE_DEFAULT),
    ("assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2", CACHE_FONTS),
]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """One GET, redirects not followed: status, headers, body as sent."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def policy(built_site: Path) -> ServingPolicy:
    return site_policy(built_site)


# ---------------------------------------------------------------- headers


@pytest.mark.parametrize(("path", "cache"), SAMPLES)
def test_every_header_on_every_kind_of_answer(server: str, policy: ServingPolicy, path: str,
                                              cache: str) -> None:
    status, headers, _ = fetch(server + path)
    assert status == 200
    for name, value in policy.security_headers:
        assert headers.get(name) == value, name
    assert headers["Cache-Control"] == cache
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]


def test_a_pdf_gets_every_header_but_the_csp(server: str, built_site: Path, policy: ServingPolicy) -> None:
    """Chromium's PDF viewer is blocked by a CSP on the PDF's own answer."""
    pdfs = sorted(built_site.glob("**/fiches/pdf/*.pdf"))
    assert pdfs
    for pdf in (pdfs[0], pdfs[-1]):
        status, headers, body = fetch(server + pdf.relative_to(built_site).as_posix())
        assert (status, headers["Content-Type"], body[:5]) == (200, "application/pdf", b"%PDF-")
        assert "Content-Security-Policy" not in headers
        for name, value in policy.common_headers:
            assert headers.get(name) == value, name


def host_pattern(pattern: str) -> re.Pattern[str]:
    """A `_headers` path pattern as the hosts read it: `*` anything, `:name` one segment."""
    parts = re.split(r"(\*|:[a-z]+)", pattern)
    return re.compile("".join(".*" if p == "*" else "[^/]+" if p.startswith(":") else re.escape(p)
                              for p in parts) + "$")


def test_the_hosts_csp_rules_cover_every_address_but_the_pdfs(built_site: Path, policy: ServingPolicy) -> None:
    patterns = [host_pattern(p) for p in policy.csp_patterns]
    addresses = []
    for file in built_site.rglob("*"):
        if file.is_file() and file.suffix not in (".gz", ".br") and not file.name.startswith("_"):
            rel = "/" + file.relative_to(built_site).as_posix()
            addresses.append(rel.removesuffix("index.html") if file.name == "index.html" else rel)
    covered = {a: any(p.match(a) for p in patterns) for a in addresses}
    assert [a for a, c in covered.items() if c == a.endswith(".pdf")] == []
    rules = headers_file(policy).count("\n/")
    assert rules <= MAX_RULES, f"{rules} rules in _headers: Cloudflare Pages takes {MAX_RULES}"


def test_fingerprinted_assets_are_cached_for_a_year(server: str, policy: ServingPolicy) -> None:
    assert len(policy.fingerprinted) >= 3  # the theme's bundle, stylesheets, search worker
    for path in policy.fingerprinted:
        status, headers, _ = fetch(server + path.lstrip("/"))
        assert (status, headers["Cache-Control"]) == (200, CACHE_IMMUTABLE), path


@pytest.mark.parametrize(("path", "title"), [("nulle-part/", "Page introuvable"),
                                             ("en/nowhere/", "Page not found")])
def test_unknown_address_gets_the_404_page_of_its_language_with_the_headers(
        server: str, policy: ServingPolicy, path: str, title: str) -> None:
    status, headers, body = fetch(server + path)
    assert status == 404
    assert title in body.decode("utf-8")
    assert headers["Content-Security-Policy"] == policy.csp


def test_the_hosts_files_say_what_nginx_sends(server: str, built_site: Path, policy: ServingPolicy) -> None:
    written = (built_site / "_headers").read_text(encoding="utf-8")
    assert written == headers_file(policy)
    _, headers, _ = fetch(server + "comprendre/")
    for name, value in policy.security_headers:
        assert f"\n  {name}: {value}\n" in written
        assert headers[name] == value
    # a sheet's folder (its page, its QR code) has the CSP; its PDFs, one folder down, do not
    assert f"\n/fiches/mes-objectifs/*\n  Content-Security-Policy: {policy.csp}\n" in written
    assert (built_site / "_redirects").read_text(encoding="utf-8") == redirects_file(policy)
    assert fetch(server + "_headers")[0] == 404  # configuration, not a page


# ---------------------------------------------------------------- compression


def test_every_text_file_has_gzip_and_brotli_siblings(built_site: Path) -> None:
    files = [p for p in built_site.rglob("*") if p.suffix in COMPRESSED_SUFFIXES]
    assert len(files) > 100
    for path in files:
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path


@pytest.mark.parametrize("path", ["en/comprendre/ruptures/", "search/search_index.json",
                                  "assets/stylesheets/alliance.css", "sitemap.xml"])
@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_nginx_sends_the_precompressed_file(server: str, built_site: Path, path: str,
                                            encoding: str) -> None:
    status, headers, body = fetch(server + path, encoding)
    assert status == 200 and headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in headers.get("Vary", "")
    original = built_site / (path + "index.html" if path.endswith("/") else path)
    plain = brotli.decompress(body) if encoding == "br" else gzip.decompress(body)
    assert plain == original.read_bytes()
    assert len(body) < original.stat().st_size / 2


# ---------------------------------------------------------------- redirects


def test_a_redirect_reaches_nginx_and_the_hosts_file(built_site: Path, tmp_path: Path) -> None:
    moved = (Redirect("/comprendre/ancienne-page/", "/comprendre/ruptures/"),)
    policy = site_policy(built_site, moved)
    assert "/comprendre/ancienne-page/ /comprendre/ruptures/ 301" in redirects_file(policy)
    with nginx_serving(built_site, tmp_path, moved) as url:
        for source in ("comprendre/ancienne-page/", "comprendre/ancienne-page"):
            status, headers, _ = fetch(url + source)
            assert (status, headers["Location"]) == (301, "/comprendre/ruptures/")
            assert headers["Content-Security-Policy"] == policy.csp
        assert fetch(url + "comprendre/ruptures/")[0] == 200


def test_nginx_server_block_lists_every_fingerprinted_file(policy: ServingPolicy, built_site: Path) -> None:
    block = server_block(policy, built_site, "127.0.0.1:8080", brotli=True)
    for path in policy.fingerprinted:
        assert f"location = {path} {{" in block


# ---------------------------------------------------------------- the policy in the browser


@pytest.fixture()
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    ctx.add_init_script(CSP_LISTENER)
    yield ctx
    ctx.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__csp")


@pytest.mark.parametrize("start", ["", "en/comprendre/ruptures/", "fiches/mes-objectifs/", "aide/"])
def test_search_palette_and_navigation_run_without_violation(context, server: str, start: str) -> None:
    page = context.new_page()
    page.goto(server + start)
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") > 0  # the theme's, hashed
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("alliance", delay=40)
    page.locator(".md-search-result__item a").first.wait_for(timeout=30000)
    page.locator(".md-search__input").press("Enter")  # the search form is never submitted
    page.wait_for_timeout(200)
    assert violations(page) == []
    page.keyboard.press("Escape")
    toggle = page.locator("label.md-header__button[for^='__palette']").first
    toggle.click()
    page.wait_for_timeout(200)
    assert violations(page) == []


def test_sheet_keep_erase_and_pdf_work_under_the_policy(context, server: str) -> None:
    page = context.new_page()
    page.goto(server + "fiches/mes-objectifs/")
    page.locator("#f-priorite").fill("Dormir mieux")
    page.reload()
    assert page.locator("#f-priorite").input_value() == ""
    assert violations(page) == []
    page.locator("#f-priorite").fill("Dormir mieux")
    page.locator("[data-keep]").check()
    assert violations(page) == []
    page.reload()
    assert page.locator("#f-priorite").input_value() == "Dormir mieux"
    assert page.locator("[data-keep]").is_checked()
    with page.expect_download(timeout=30000) as download:
        page.locator("[data-save-pdf]").click()
    assert download.value.suggested_filename == "mes-objectifs.fr.filled.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")
    page.locator("[data-erase]").click()
    page.locator("[data-erase-yes]").click()
    assert page.locator("#f-priorite").input_value() == ""
    assert violations(page) == []
    page.reload()
    assert page.locator("#f-priorite").input_value() == ""
    assert violations(page) == []


def test_a_blocked_inline_style_would_be_seen(context, server: str) -> None:
    """The listener works: an inline style attribute set by the page is reported."""
    page = context.new_page()
    page.goto(server + "comprendre/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    page.wait_for_timeout(200)
    assert any(v.startswith("style-src") for v in violations(page))


# ---------------------------------------------------------------- the source check


def test_inline_style_and_handler_in_a_page_are_reported_where_written(tmp_path: Path) -> None:
    site = build_site(tmp_path / "repo")
    path = page_path(site, "comprendre/alliance", "fr")
    path.write_text(path.read_text(encoding="utf-8")
                    + '\n<p style="color: red" onclick="go()">Texte.</p>\n', encoding="utf-8")
    sync_all(site)
    line = len(path.read_text(encoding="utf-8").splitlines())
    rel = "docs/comprendre/alliance.fr.md"
    found = [r for r in report(site, TODAY) if " CSP" in r]
    assert found == [
        f"{rel}:{line}:4: CSP003 style attribute on <p>: the policy blocks inline styles; use a class "
        "from a stylesheet",
        f"{rel}:{line}:23: CSP004 event handler attribute 'onclick' on <p>: the policy blocks it; add a "
        "listener in a script file",
    ]


def test_inline_script_in_a_template_is_reported() -> None:
    text = "<div>\n  <script>go()</script>\n  <script type=\"application/json\">{}</script>\n</div>\n"
    assert [str(p) for p in blocked(text, "overrides/main.html", scripts_allowed=False)] == [
        "overrides/main.html:2:3: CSP001 inline <script>: the policy allows scripts from files only; "
        "move it to docs/assets/javascripts/"]
    assert blocked(text, "site/index.html", scripts_allowed=True) == []


def test_the_build_output_check_names_file_line_and_column(tmp_path: Path) -> None:
    """What a theme or plugin writes is checked too: the built pages, not only the sources."""
    from alliance.serving.site import blocked_in_site

    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>ok</p>\n<script>theme()</script>\n", encoding="utf-8")
    (site / "en/index.html").write_text('<html>\n<body>\n  <div style="x">\n', encoding="utf-8")
    assert [str(p) for p in blocked_in_site(site)] == [
        "site/en/index.html:3:8: CSP003 style attribute on <div>: the policy blocks inline styles; "
        "use a class from a stylesheet"]


def test_compressed_siblings_come_from_the_cache_and_old_entries_go(tmp_path: Path) -> None:
    import os

    from alliance.serving.compress import write_siblings

    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.html").write_text("<p>Bonjour</p>" * 50, encoding="utf-8")
    (site / "font.woff2").write_bytes(b"\0" * 10)  # already compressed: no sibling
    stale = cache / "0123.br"
    cache.mkdir()
    stale.write_bytes(b"old")
    os.utime(stale, (0, 0))
    assert write_siblings(site, cache) == 1
    first = (site / "a.html.br").read_bytes()
    assert sorted(p.name for p in site.iterdir()) == ["a.html", "a.html.br", "a.html.gz", "font.woff2"]
    assert not stale.exists() and len(list(cache.iterdir())) == 1
    (site / "a.html.br").unlink()
    write_siblings(site, cache)
    assert (site / "a.html.br").read_bytes() == first
    assert brotli.decompress(first) == (site / "a.html").read_bytes()


def test_server_block_for_ones_own_nginx(built_site: Path, tmp_path: Path, policy: ServingPolicy) -> None:
    from alliance.__main__ import main

    assert main(["nginx", str(built_site), "--server-block", "--served-from", "/srv/alliance/site",
                 "--listen", "443", "--out", str(tmp_path)]) == 0
    block = (tmp_path / "server.conf").read_text(encoding="utf-8")
    assert block.startswith("server {\n    listen 443;\n    root /srv/alliance/site;\n")
    assert block.count(f'add_header Content-Security-Policy "{policy.csp}" always;') >= 3
