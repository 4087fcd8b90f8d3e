"""The policy as an nginx configuration: a `server` block for one's own nginx, and a
whole configuration (runtime files in one folder, no root needed) for `make preview`
and the tests.

nginx's `add_header` in a `location` replaces the server's, so every location repeats
the full list; `always` keeps the headers on errors and redirects.
"""

from __future__ import annotations

import os
import pwd
import re
from pathlib import Path

from .hosts import redirect_sources
from .policy import (
    CACHE_DEFAULT,
    CACHE_FONTS,
    CACHE_IMMUTABLE,
    COMPRESSED_TYPES,
    FONTS_PREFIX,
    NO_CSP_SUFFIXES,
    ServingPolicy,
    site_policy,
)

BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")
# Added to the distribution's list: .mjs and .webmanifest are missing from older ones.
EXTRA_TYPES = {"application/manifest+json": "webmanifest", "application/javascript": "mjs"}


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _headers(policy: ServingPolicy, cache: str, indent: str, csp: bool = True) -> list[str]:
    pairs = [*(policy.security_headers if csp else policy.common_headers), ("Cache-Control", cache)]
    return [f"{indent}add_header {name} {_quote(value)} always;" for name, value in pairs]


def _pdf_location(policy: ServingPolicy, indent: str) -> list[str]:
    """PDFs: every header but the CSP (policy.NO_CSP_SUFFIXES says why)."""
    suffixes = "|".join(re.escape(s.lstrip(".")) for s in NO_CSP_SUFFIXES)
    inner = indent + "    "
    return [f"{indent}location ~* \\.({suffixes})$ {{", *_headers(policy, CACHE_DEFAULT, inner, csp=False),
            f"{indent}}}"]


def server_block(policy: ServingPolicy, site_dir: Path | str, listen: str, brotli: bool) -> str:
    """One `server { … }`: the site from `site_dir`, with the policy's headers, its
    pre-compressed siblings, its redirects and each language's 404 page."""
    i1, i2 = "    ", "        "
    lines = [
        "server {",
        f"{i1}listen {listen};",
        f"{i1}root {site_dir};",
        f"{i1}index index.html;",
        f"{i1}server_tokens off;",
        f"{i1}absolute_redirect off;  # /a -> /a/ keeps the host and port the reader used",
        f"{i1}charset utf-8;",
        f"{i1}charset_types {' '.join(t for t in COMPRESSED_TYPES if t != 'text/html')};",
        f"{i1}gzip_static on;  # serves x.gz next to x; the build writes them",
        f"{i1}{'' if brotli else '# '}brotli_static on;  # x.br, with libnginx-mod-http-brotli-static",
        f"{i1}gzip off;",
        f"{i1}gzip_vary on;  # caches keep the compressed and plain answers apart",
        f"{i1}error_page 404 /404.html;",
        "",
        f"{i1}location / {{",
        *_headers(policy, CACHE_DEFAULT, i2),
        f"{i2}try_files $uri $uri/ =404;",
        *_pdf_location(policy, i2),
        f"{i1}}}",
        f"{i1}location /en/ {{",
        *_headers(policy, CACHE_DEFAULT, i2),
        f"{i2}error_page 404 /en/404.html;",
        f"{i2}try_files $uri $uri/ =404;",
        *_pdf_location(policy, i2),
        f"{i1}}}",
        f"{i1}location ~ ^/_(headers|redirects)$ {{ return 404; }}  # the hosts' files, not pages",
        f"{i1}location ^~ {FONTS_PREFIX} {{",
        *_headers(policy, CACHE_FONTS, i2),
        f"{i1}}}",
    ]
    for path in policy.fingerprinted:
        lines += [f"{i1}location = {path} {{", *_headers(policy, CACHE_IMMUTABLE, i2), f"{i1}}}"]
    for redirect in policy.redirects:
        for source in redirect_sources(redirect.source):
            lines += [f"{i1}location = {source} {{", *_headers(policy, CACHE_DEFAULT, i2),
                      f"{i2}return {redirect.status} {redirect.target};", f"{i1}}}"]
    lines.append("}")
    return "\n".join(lines) + "\n"


def mime_types() -> str:
    """The distribution's MIME types (an include keeps the file the package updates)."""
    extra = "".join(f"    {mime} {ext};\n" for mime, ext in EXTRA_TYPES.items())
    if MIME_TYPES.exists():
        known = MIME_TYPES.read_text(encoding="utf-8")
        extra = "".join(line for line in extra.splitlines(keepends=True)
                        if not re.search(rf"\s{line.split()[1].rstrip(';')};", known))
        return f"include {MIME_TYPES};\ntypes {{\n{extra}}}\n" if extra else f"include {MIME_TYPES};\n"
    raise FileNotFoundError(f"{MIME_TYPES} is missing: is nginx installed?")


def full_config(policy: ServingPolicy, site_dir: Path, listen: str, run_dir: Path,
                brotli: bool | None = None, user: str | None = None) -> str:
    """A whole nginx configuration that runs in the foreground as any user, every
    runtime file (pid, logs, temporary folders) in `run_dir`. Started as root, nginx's
    workers would become `nobody`, who cannot read a private build folder: `user` keeps
    them as the user who started it."""
    brotli = BROTLI_MODULE.exists() if brotli is None else brotli
    temp = "\n".join(f"    {kind}_temp_path {run_dir / kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return "\n".join([
        "# Written from hooks/alliance/serving/policy.py: do not edit.",
        f"load_module {BROTLI_MODULE};" if brotli else "# no Brotli: libnginx-mod-http-brotli-static is not installed",
        "daemon off;",
        *([f"user {user};"] if user else []),
        "master_process on;",
        "worker_processes 1;",
        f"pid {run_dir / 'nginx.pid'};",
        f"error_log {run_dir / 'error.log'} warn;",
        "events { worker_connections 256; }",
        "http {",
        "    " + mime_types().replace("\n", "\n    ").rstrip(),
        "    default_type application/octet-stream;",
        "    sendfile on;",
        f"    access_log {run_dir / 'access.log'};",
        temp,
        "    " + server_block(policy, site_dir, listen, brotli).replace("\n", "\n    ").rstrip(),
        "}",
        "",
    ])


def write_nginx_config(site_dir: Path, listen: str, out_dir: Path, redirects: tuple,
                       server_only: bool = False, root: str | None = None) -> Path:
    """Write `nginx.conf` (or `server.conf`, the block alone) for a built site into
    `out_dir`, with the folders nginx writes to at run time; return its path. `root`: where
    nginx finds the site, when that is not where it was built."""
    if not (site_dir / "index.html").exists():
        raise FileNotFoundError(f"{site_dir} holds no built site (no index.html): build it first")
    policy = site_policy(site_dir, redirects)
    out_dir.mkdir(parents=True, exist_ok=True)
    if server_only:
        path = out_dir / "server.conf"
        path.write_text(server_block(policy, root or site_dir, listen, BROTLI_MODULE.exists()),
                        encoding="utf-8")
        return path
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (out_dir / kind).mkdir(exist_ok=True)
    path = out_dir / "nginx.conf"
    user = pwd.getpwuid(os.geteuid()).pw_name if os.geteuid() == 0 else None
    path.write_text(full_config(policy, Path(root) if root else site_dir, listen, out_dir, user=user),
                    encoding="utf-8")
    return path
