"""Screenshots for reviewers (`make screenshots`): looked at by people, never compared.

The home page, one concept page with a diagram, one testimony and one sheet, in French and
English, at a phone width (390 × 844) and a desktop width (1280 × 900), in the light and
the dark scheme (the first screen, and the whole page), written as PNG files to `screenshots/` (ignored by git).

    python tests/screenshots.py [--site BUILT_SITE_DIR] [--out FOLDER] [--no-full]

Without --site, the site is built strictly into a temporary folder first. The server binds
127.0.0.1 on a free port and stops when the script ends.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import ROOT, chromium_path, mkdocs_env  # noqa: E402
from nginx_server import nginx_serving  # noqa: E402

PAGES = {
    "home": "",
    "concept": "comprendre/bordin/",
    "testimony": "temoignages/rupture-reparee/",
    "sheet": "fiches/mes-objectifs/",
}
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
SCHEMES = ("light", "dark")


def build(into: Path) -> None:
    import subprocess

    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                             "-d", str(into)], cwd=ROOT, env=mkdocs_env(),
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"strict build failed:\n{result.stdout}\n{result.stderr}")


def shoot(site: Path, out: Path, full_page: bool) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as run_dir, nginx_serving(site, Path(run_dir)) as base, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            for scheme in SCHEMES:
                for size, (width, height) in SIZES.items():
                    context = browser.new_context(viewport={"width": width, "height": height},
                                                  color_scheme=scheme, reduced_motion="reduce",
                                                  service_workers="block")
                    page = context.new_page()
                    for lang in ("fr", "en"):
                        for name, path in PAGES.items():
                            url = base + ("en/" if lang == "en" else "") + path
                            page.goto(url, wait_until="load")
                            page.wait_for_timeout(200)
                            stem = f"{name}-{lang}-{size}-{scheme}"
                            page.screenshot(path=str(out / f"{stem}.png"))
                            written.append(out / f"{stem}.png")
                            if full_page:
                                page.screenshot(path=str(out / f"{stem}-full.png"), full_page=True)
                                written.append(out / f"{stem}-full.png")
                    context.close()
        finally:
            browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (else: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--no-full", dest="full", action="store_false",
                        help="only the first screen of each page, not also the whole page")
    args = parser.parse_args()
    if args.site:
        files = shoot(args.site, args.out, args.full)
    else:
        with tempfile.TemporaryDirectory() as folder:
            build(Path(folder))
            files = shoot(Path(folder), args.out, args.full)
    print(f"{len(files)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
