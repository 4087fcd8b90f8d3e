"""First-load weight of sample pages (a benchmark, not a test): what a reader's browser
fetches when it opens a page and does nothing else, with and without a search.

    python tests/page_weight.py SITE_DIR

serves SITE_DIR on 127.0.0.1 (a plain file server: no compression), opens each sample page
at 390 x 844 in the system Chromium, waits until the network is idle, and prints for each
page the requests made, their bytes as served and gzip-compressed (what a production server
sends), and whether the search index was among them. The search row then focuses the search
field and types a word, to show the index arriving when it is needed.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import QuietHandler, chromium_path  # noqa: E402

SAMPLES = ["", "comprendre/alliance/", "temoignages/rupture-reparee/", "fiches/mes-objectifs/",
           "aide/", "en/", "en/comprendre/alliance/", "en/aide/"]


def weigh(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"

    def size(url: str) -> tuple[int, int]:
        path = site / url.removeprefix(base).split("?")[0].split("#")[0]
        if path.is_dir():
            path = path / "index.html"
        data = path.read_bytes()
        return len(data), len(gzip.compress(data, 9))

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            print(f"{'page':38} {'requests':>8} {'bytes':>9} {'gzip':>8}  index")
            for sample in [*SAMPLES, "search:comprendre/alliance/"]:
                search = sample.startswith("search:")
                address = sample.removeprefix("search:")
                ctx = browser.new_context(viewport={"width": 390, "height": 844})
                page = ctx.new_page()
                urls: list[str] = []
                page.on("requestfinished", lambda r, urls=urls: urls.append(r.url))
                page.goto(base + address, wait_until="networkidle")
                if search:
                    page.locator("label.md-header__button[for=__search]").click()
                    page.locator("input.md-search__input").press_sequentially("confiance")
                    page.locator(".md-search-result__item").first.wait_for()
                    page.wait_for_load_state("networkidle")
                local = [u for u in urls if u.startswith(base)]
                sizes = [size(u) for u in local]
                has_index = any("search_index.json" in u for u in local)
                label = ("after typing a search on " if search else "") + ("/" + address)
                print(f"{label:38} {len(local):>8} {sum(s[0] for s in sizes):>9} "
                      f"{sum(s[1] for s in sizes):>8}  {'yes' if has_index else 'no'}")
                ctx.close()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()


if __name__ == "__main__":
    weigh(Path(sys.argv[1]))
