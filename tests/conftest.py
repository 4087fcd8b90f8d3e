"""Shared fixtures: one strict build of the real site, a local server, a real browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
SITE_URL = "https://alliance-soin.example/"
# Added to a page before its scripts: every Content-Security-Policy violation, in window.__csp.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
    `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
"""


def mkdocs_env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL)
    env["PYTHONPATH"] = str(ROOT / "hooks")
    return env


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly (any warning fails), into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def server(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served as deployed: nginx with the site's headers, compressed
    siblings and redirects, on 127.0.0.1 on a free port; stopped at the end of the
    session (and by the kernel if the tests die)."""
    from nginx_server import nginx_serving

    with nginx_serving(built_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def chromium_path() -> str:
    """The system Chromium (never a downloaded browser)."""
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium",
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("Chromium is not installed: `make test` installs it on Debian/Ubuntu "
                "(apt-get install chromium); elsewhere set CHROMIUM=/path/to/chromium.")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=chromium_path(), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-default-apps"],
        )
        yield instance
        instance.close()
