# Alliance — two commands: `make serve` (build and serve with live reload) and
# `make test` (every test). Both set up what they need and can be run again safely.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
NPM_STAMP := node_modules/.installed-from-lock
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks

.PHONY: serve build test check release-check lint sync-translations benchmark screenshots system-pdf system-browser clean

serve: $(STAMP) system-pdf ## build the site and serve it on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP) system-pdf ## strict build into site/
	$(BIN)/mkdocs build --strict

test: $(STAMP) $(NPM_STAMP) system-pdf system-browser ## lint, content checks, and every test (browser tests included)
	$(BIN)/ruff check hooks tests
	$(BIN)/python -m alliance check
	$(BIN)/pytest

check: $(STAMP) ## the content checks alone, without building
	$(BIN)/python -m alliance check

release-check: $(STAMP) ## before a public release: every check, plus no placeholder left (fails until filled in)
	$(BIN)/python -m alliance release

lint: $(STAMP)
	$(BIN)/ruff check hooks tests

sync-translations: $(STAMP) ## record that each page and its translation say the same
	$(BIN)/python -m alliance sync-translations

benchmark: $(STAMP) system-pdf ## build and PDF timings, PDF sizes (report the figures)
	$(BIN)/python tests/benchmark.py

screenshots: $(STAMP) system-pdf system-browser ## PNGs of the home, a concept, a testimony and a sheet page (phone and desktop, light and dark) in screenshots/, for reviewers
	$(BIN)/python tests/screenshots.py

.PHONY: page-weight
page-weight: build system-browser ## what a first visit downloads, per sample page (report the figures)
	$(BIN)/python tests/page_weight.py site

# --------------------------------------------------------------- setup
$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11, 5) else "Python 3.11.5 or newer is needed (found " + sys.version.split()[0] + ").")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the accessibility tests (axe-core): install Node.js and npm (Debian/Ubuntu: apt-get install nodejs npm)." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# System libraries: installed with apt-get on Debian/Ubuntu as root, explained elsewhere.
system-pdf:
	@$(PYTHON) -c 'import ctypes.util, sys; sys.exit(0 if ctypes.util.find_library("pango-1.0") else 1)' 2>/dev/null || \
	 { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	     apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	   else echo "The PDFs need the Pango library: install Pango 1.44 or newer (Debian/Ubuntu: libpango-1.0-0 libpangoft2-1.0-0; macOS: brew install pango)." >&2; exit 1; fi; }

system-browser:
	@command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || \
	 { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	     apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	   else echo "The browser tests need Chromium: install it (Debian/Ubuntu: apt-get install chromium; elsewhere set CHROMIUM=/path/to/chromium)." >&2; exit 1; fi; }

clean:
	rm -rf site build .cache .pytest_cache screenshots
