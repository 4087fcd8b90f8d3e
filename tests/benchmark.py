"""Benchmarks whose figures are reported on the issues (not timed tests).

- Full strict build with and without the validation hook: median of several runs, ratio
  (budget: validation adds at most 20 %).
- All sheet PDFs rendered cold, then a rebuild with no change (budget: cold <= 20 s on
  2 cores; a no-change rebuild renders no PDF); PDF sizes (budget: each <= 300 KB).

Run with `make benchmark`. Builds go to temporary folders; the PDF cold run uses a copy
of the sources, so the repository's cache is left alone.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from alliance.context import load_context  # noqa: E402
from alliance.sheets.pdfbuild import build_pdfs  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SITE_URL = "https://alliance-soin.example/"


def timed_build(config: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, the build's processes) of one build.
    On a shared machine the CPU time is the steadier figure."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"))
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                        str(config), "-d", out], cwd=ROOT, env=env, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def build_figures() -> dict[str, float]:
    """Medians of the builds with and without the validation hook, wall and CPU."""
    # Same configuration without the validation hook; it must sit next to mkdocs.yml so
    # that its relative paths mean the same.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    without = ROOT / ".bench-without-validation.yml"
    without.write_text(text.replace("  - hooks/validation.py\n", ""), encoding="utf-8")
    try:
        timed_build(ROOT / "mkdocs.yml")  # warm the PDF cache and the file system
        runs: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
        for _ in range(RUNS):  # interleaved, so drift hits both alike
            runs["with"].append(timed_build(ROOT / "mkdocs.yml"))
            runs["without"].append(timed_build(without))
    finally:
        without.unlink()
    return {f"{name} {kind}": statistics.median(r[i] for r in found)
            for name, found in runs.items() for i, kind in enumerate(("wall", "cpu"))}


def pdf_figures() -> tuple[float, int, float, int, list[int]]:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for folder in ("docs", "overrides", "templates", "hooks"):
            shutil.copytree(ROOT / folder, copy / folder,
                            ignore=shutil.ignore_patterns("__pycache__"))
        start = time.perf_counter()
        produced = build_pdfs(load_context(copy), SITE_URL)
        cold = time.perf_counter() - start
        cold_count = produced.rendered
        start = time.perf_counter()
        warm_count = build_pdfs(load_context(copy), SITE_URL).rendered
        warm = time.perf_counter() - start
        sizes = [path.stat().st_size for path in produced.files.values()]
    return cold, cold_count, warm, warm_count, sizes


def main() -> int:
    print(f"Machine: {os.cpu_count()} cores. Medians of {RUNS} runs.")
    cold, cold_count, warm, warm_count, sizes = pdf_figures()
    print(f"PDFs, cold: {cold_count} rendered in {cold:.1f} s (budget 20 s)")
    print(f"PDFs, no-change rebuild: {warm_count} rendered in {warm:.2f} s (budget: 0 rendered)")
    print(f"PDF sizes: largest {max(sizes) / 1024:.0f} KB, median "
          f"{statistics.median(sizes) / 1024:.0f} KB (budget 300 KB each)")
    figures = build_figures()
    for kind in ("wall", "cpu"):
        with_v, without_v = figures[f"with {kind}"], figures[f"without {kind}"]
        print(f"Full build, {kind} time: {with_v:.2f} s with validation, {without_v:.2f} s "
              f"without; validation adds {100 * (with_v / without_v - 1):.1f} % (budget 20 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
