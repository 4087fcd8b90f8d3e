"""The built site served by nginx as deployed (tests/conftest.py's `server`): the
configuration comes from the same policy as the hosts' files."""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from alliance.serving.nginx import write_nginx_config
from alliance.serving.policy import Redirect, configured_redirects

ROOT = Path(__file__).resolve().parents[1]


def nginx_path() -> str:
    for candidate in (os.environ.get("NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("nginx is not installed: `make test` installs it on Debian/Ubuntu "
                "(apt-get install nginx); elsewhere set NGINX=/path/to/nginx.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: the kernel sends SIGTERM to nginx if the test process dies, so the
    server never outlives its tests, even after a crash or a kill."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@contextlib.contextmanager
def nginx_serving(site_dir: Path, run_dir: Path,
                  redirects: tuple[Redirect, ...] | None = None) -> Iterator[str]:
    """nginx on 127.0.0.1, on a free port, serving `site_dir`; stopped on leaving."""
    port = free_port()
    redirects = configured_redirects(ROOT) if redirects is None else redirects
    conf = write_nginx_config(site_dir, f"127.0.0.1:{port}", run_dir, redirects)
    process = subprocess.Popen(
        [nginx_path(), "-e", str(run_dir / "error.log"), "-p", str(run_dir), "-c", str(conf)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    try:
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None:
                log = (run_dir / "error.log").read_text(errors="replace") if (run_dir / "error.log").exists() else ""
                pytest.fail(f"nginx stopped at start:\n{process.stderr.read().decode()}\n{log}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if time.monotonic() > deadline:
                pytest.fail("nginx did not answer within 15 s")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
