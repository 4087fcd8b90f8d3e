"""`make audit`: Lighthouse (npm, mobile defaults) on the system Chromium, on a sample of
page kinds in both languages; prints a table against the budgets. A benchmark, not a test:
CI does not run it, and nothing fails on a missed budget (the exit code stays 0).

    python tests/audit.py                     build, serve on 127.0.0.1 with nginx as
                                              deployed, audit
    python tests/audit.py --url http://127.0.0.1:8080/   audit a running server (make preview)

Budgets: performance >= 95; accessibility, best practices, SEO 100; first load <= 150 KB
compressed. "KB sent" is what the server sent (Lighthouse's total byte weight); "KB gz"
is the same requests' bodies compressed with gzip -9 (HTML, CSS, JS, JSON, SVG, XML;
fonts and images as they are): what a server that compresses would send.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "tools/audit/node_modules/.bin/lighthouse"  # installed by `make audit` only
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"home": "", "concept": "comprendre/alliance/", "testimony": "temoignages/rupture-reparee/",
         "sheet": "fiches/mes-objectifs/", "help": "aide/"}
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
BUDGET_KB = 150
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", "/")


def serving(site: Path, run_dir: Path) -> contextlib.AbstractContextManager[str]:
    """The preview server: nginx with the deployed headers, compression and redirects."""
    from nginx_server import nginx_serving  # tests/, beside this script

    run_dir.mkdir(parents=True, exist_ok=True)
    return nginx_serving(site, run_dir)


def build(out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
                   cwd=ROOT, env=env, check=True)


def gzip_kb(requests: list[dict], site: Path | None, base: str) -> float | None:
    """The requests' bodies, text compressed with gzip -9, read from the built folder."""
    if site is None:
        return None
    total = 0
    for request in requests:
        url = request["url"]
        if not url.startswith(base):
            continue
        rel = urlsplit(url).path.lstrip("/")
        path = site / rel
        if path.is_dir() or rel == "" or rel.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            continue
        body = path.read_bytes()
        total += len(gzip.compress(body, 9)) if path.suffix in TEXT_TYPES else len(body)
    return total / 1024


def audit(url: str, out: Path) -> dict:
    """One Lighthouse run; run again once if Lighthouse itself fails (it sometimes loses
    the trace of a page load on a busy machine: NO_NAVSTART)."""
    chrome_flags = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-quic"
    for attempt in (1, 2):
        done = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={chrome_flags}"],
            env=dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium")),
            timeout=300)
        if done.returncode == 0:
            break
        if attempt == 2:
            raise SystemExit(f"Lighthouse failed twice on {url}")
    return json.loads(out.read_text(encoding="utf-8"))


def row(name: str, report: dict, site: Path | None, base: str,
        compressed: bool) -> tuple[list[str], bool]:
    """One page's line; the first load is what was sent when the server compresses (headers
    included), else the gzip estimate."""
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    weight = report["audits"]["total-byte-weight"]["numericValue"] / 1024
    requests = report["audits"]["network-requests"]["details"]["items"]
    gz = gzip_kb(requests, site, base)
    first_load = weight if compressed or gz is None else gz
    ok = all(scores[c] >= BUDGET[c] for c in CATEGORIES) and first_load <= BUDGET_KB
    cells = [name] + [str(scores[c]) for c in CATEGORIES] + [
        f"{weight:.0f}", "" if gz is None else f"{gz:.0f}", str(len(requests)), "yes" if ok else "NO"]
    return cells, ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="audit this running server instead of a plain local one")
    parser.add_argument("--site", type=Path, help="an already built site (else: build one)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci` (package.json lists it).", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="alliance-audit-") as tmp:
        site = args.site
        if site is None and not args.url:
            site = Path(tmp) / "site"
            build(site)
        stack = contextlib.ExitStack()
        with stack:
            if args.url:
                base, how, compressed = args.url, args.url, True
            else:
                how, compressed = "nginx as deployed (make preview)", True
                base = stack.enter_context(serving(site, Path(tmp) / "nginx"))
            print(f"Auditing {how}.", file=sys.stderr, flush=True)
            header = ["page", "perf", "a11y", "best", "seo", "KB sent", "KB gz", "requests", "budget"]
            rows = []
            for lang in ("fr", "en"):
                for kind, rel in PAGES.items():
                    path = ("en/" if lang == "en" else "") + rel
                    report = audit(base + path, Path(tmp) / f"{lang}-{kind}.json")
                    rows.append(row(f"{lang} {kind}", report, site, base, compressed)[0])
                    print(" ".join(rows[-1]), file=sys.stderr, flush=True)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for line in [header, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |")
    print(f"\nBudgets: performance >= {BUDGET['performance']}, accessibility, best practices and SEO "
          f"100, first load <= {BUDGET_KB} KB compressed (KB sent, headers included, when the "
          "server compresses; else KB gz, the bodies' gzip estimate).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
