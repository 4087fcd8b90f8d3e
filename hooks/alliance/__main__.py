"""Command line: the same checks as the build, without building.

    python -m alliance check              report every problem, exit 1 if any
    python -m alliance release            the same, plus what a public release needs
                                          (no placeholder left, fresh help lines)
    python -m alliance sync-translations  record that each page pair is in line
    python -m alliance denylist-add NAME  add a name (as a hash) to the denylist
    python -m alliance nginx SITE_DIR     nginx configuration of a built site (see --help)
    python -m alliance urls SITE_DIR      add a built site's new addresses to published-urls.txt
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import release
from .checks import run_all
from .checks.external_links import write_report
from .context import load_context
from .data import DATA_DIR, name_hash
from .problems import format_report
from .serving.nginx import write_nginx_config
from .serving.policy import configured_redirects
from .translations_sync import sync_all
from .urls import CONTRACT, add_to_contract, produced_urls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliance", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="repository root: the folder of mkdocs.yml (default: here)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="run every content check")
    rel = sub.add_parser("release", help="every content check plus the release-only checks")
    rel.add_argument("--today", type=dt.date.fromisoformat, default=None,
                     help="the date to judge freshness against (default: today)")
    sub.add_parser("sync-translations", help="record that each page pair is in line")
    deny = sub.add_parser("denylist-add", help="add names to the denylist (stored hashed)")
    deny.add_argument("names", nargs="+")
    nginx = sub.add_parser("nginx", help="write the nginx configuration of a built site")
    nginx.add_argument("site_dir", type=Path)
    nginx.add_argument("--listen", default="127.0.0.1:8080", help="address:port to listen on")
    nginx.add_argument("--out", type=Path, required=True,
                       help="folder for nginx.conf and nginx's runtime files (pid, logs)")
    nginx.add_argument("--server-block", action="store_true",
                       help="write only the server { } block, for one's own nginx")
    nginx.add_argument("--served-from", help="the folder nginx serves, if not SITE_DIR (the site copied "
                                      "to a server: /srv/alliance/site)")
    urls = sub.add_parser("urls", help="add a built site's new addresses to the URL contract")
    urls.add_argument("site", type=Path, help="the built site's folder")
    args = parser.parse_args(argv)
    root = args.root.resolve()

    if args.command == "check":
        ctx = load_context(root)
        problems = run_all(ctx)
        report = write_report(ctx)
        if problems:
            print(format_report(problems), file=sys.stderr)
            return 1
        print(f"All checks passed: {len(ctx.pages)} pages, {len(ctx.sheets)} sheets. "
              f"External links listed in {report.relative_to(root)}.")
        return 0
    if args.command == "release":
        today = args.today or dt.date.today()
        ctx = load_context(root, today)
        problems = run_all(ctx, today) + release.check(ctx, today)
        if problems:
            print(format_report(problems), file=sys.stderr)
            print("Not ready for a public release: fix the problems above "
                  "(REL codes: see hooks/alliance/release.py).", file=sys.stderr)
            return 1
        print(f"Ready for release: {len(ctx.pages)} pages, {len(ctx.sheets)} sheets, "
              "no placeholder left.")
        return 0
    if args.command == "sync-translations":
        changed = sync_all(root)
        for rel in changed:
            print(f"updated {rel}")
        print(f"{len(changed)} page(s) updated.")
        return 0
    if args.command == "denylist-add":
        path = root / DATA_DIR / "names_denylist.txt"
        with path.open("a", encoding="utf-8") as out:
            for name in args.names:
                out.write(name_hash(name) + "\n")
        print(f"added {len(args.names)} name(s) to {path.relative_to(root)} (as hashes)")
        return 0
    if args.command == "nginx":
        path = write_nginx_config(args.site_dir.resolve(), args.listen, args.out.resolve(),
                                  configured_redirects(root), args.server_block, args.served_from)
        print(path)
        return 0
    if args.command == "urls":
        added = add_to_contract(root, produced_urls(args.site))
        for url in added:
            print(f"added {url}")
        print(f"{len(added)} address(es) added to {CONTRACT}.")
        return 0
    return 2  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
