# Alliance — two commands: `make serve` (build and serve with live reload) and
# `make test` (every test). Both set up what they need and can be run again safely.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
NPM_STAMP := node_modules/.installed-from-lock
NGINX ?= $(shell command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
BROTLI_MODULE := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
# Debian/Ubuntu as root: the system packages a target needs (the package lists refreshed first).
APT_INSTALL := apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks

.PHONY: serve build preview test check release-check lint lock sync-translations benchmark screenshots page-weight urls audit system-python system-pdf system-browser system-server clean

serve: $(STAMP) system-pdf ## build the site and serve it on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP) system-pdf ## strict build into site/
	$(BIN)/mkdocs build --strict

preview: $(STAMP) system-pdf system-server ## build the production site and serve it through nginx on http://127.0.0.1:8080
	$(BIN)/mkdocs build --strict
	@$(BIN)/python -m alliance nginx site --listen 127.0.0.1:8080 --out build/preview >/dev/null
	@echo "Serving site/ as deployed (headers, compression, redirects) on http://127.0.0.1:8080 — Ctrl-C stops it."
	$(NGINX) -e stderr -p $(CURDIR)/build/preview -c $(CURDIR)/build/preview/nginx.conf

test: $(STAMP) $(NPM_STAMP) system-pdf system-browser system-server ## lint, content checks, and every test (browser tests included)
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

urls: $(STAMP) system-pdf ## build, then add the site's new addresses to published-urls.txt (commit it)
	rm -rf build/urls-site
	$(BIN)/mkdocs build --strict --quiet -d build/urls-site
	$(BIN)/python -m alliance urls build/urls-site

audit: $(STAMP) system-pdf system-browser system-server ## Lighthouse on a sample of pages (a benchmark, not a test)
	npm ci --prefix tools/audit --no-audit --no-fund --loglevel=error
	$(BIN)/python tests/audit.py

page-weight: build system-browser ## what a first visit downloads, per sample page (report the figures)
	$(BIN)/python tests/page_weight.py site

screenshots: $(STAMP) system-pdf system-browser system-server ## PNGs of the home, a concept, a testimony and a sheet page (phone and desktop, light and dark) in screenshots/, for reviewers
	$(BIN)/python tests/screenshots.py

# --------------------------------------------------------------- setup
# Python 3.11 or newer: every dependency needs 3.11. pymdown-extensions 13 declares 3.11.5,
# but the build and the tests pass on Debian 12's 3.11.2 (checked), so below 3.11.5 pip is
# told to install it anyway.
$(STAMP): requirements.lock | system-python
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ").")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps \
	  $$($(BIN)/python -c 'import sys; print("--ignore-requires-python" if sys.version_info < (3, 11, 5) else "")') \
	  -r requirements.lock
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || \
	 { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	     $(APT_INSTALL) nodejs npm; \
	   else echo "npm is needed for the accessibility tests (axe-core): install Node.js and npm (Debian/Ubuntu: apt-get install nodejs npm)." >&2; exit 1; fi; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# lock: requirements.lock from pyproject.toml, every package pinned with its hashes. Pins
# already in the file are kept; `make lock UPGRADE=1` moves everything to the newest allowed.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra test --extra dev --generate-hashes \
	  --python-version 3.11.5 $(if $(UPGRADE),--upgrade) -o requirements.lock

# System libraries: installed with apt-get on Debian/Ubuntu as root, explained elsewhere.
system-python:
	@command -v $(PYTHON) >/dev/null && $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || \
	 { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	     $(APT_INSTALL) python3 python3-venv; \
	   else echo "Python 3.11+ with its venv module is needed (Debian/Ubuntu: apt-get install python3 python3-venv)." >&2; exit 1; fi; }

# Pango draws the PDFs; WeasyPrint subsets their fonts with HarfBuzz's subset library.
system-pdf: | system-python
	@$(PYTHON) -c 'import ctypes.util as u, sys; sys.exit(0 if u.find_library("pango-1.0") and u.find_library("pangoft2-1.0") and u.find_library("harfbuzz-subset") else 1)' 2>/dev/null || \
	 { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	     $(APT_INSTALL) libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; \
	   else echo "The PDFs need Pango 1.44+ and HarfBuzz's subset library (Debian/Ubuntu: libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; macOS: brew install pango harfbuzz)." >&2; exit 1; fi; }

system-browser:
	@command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || \
	 { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	     $(APT_INSTALL) chromium || { echo "No chromium package here (Ubuntu ships Chromium as a snap only): install it another way and set CHROMIUM=/path/to/chromium." >&2; exit 1; }; \
	   else echo "The browser tests need Chromium: install it (Debian/Ubuntu: apt-get install chromium; elsewhere set CHROMIUM=/path/to/chromium)." >&2; exit 1; fi; }

# nginx from the distribution (with its Brotli module when the distribution has one) serves
# `make preview` and the browser tests exactly as the site is deployed.
system-server:
	@command -v $(NGINX) >/dev/null || \
	 { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	     $(APT_INSTALL) --no-install-recommends nginx; \
	   else echo "The preview and the browser tests need nginx: install it (Debian/Ubuntu: apt-get install nginx libnginx-mod-http-brotli-static; macOS: brew install nginx; elsewhere set NGINX=/path/to/nginx)." >&2; exit 1; fi; }
	@[ -e $(BROTLI_MODULE) ] || [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null || \
	 { $(APT_INSTALL) libnginx-mod-http-brotli-static 2>/dev/null; } || \
	 echo "No Brotli module for nginx here: the .br files are not served (the .gz files are)." >&2

clean:
	rm -rf site build .cache .pytest_cache screenshots
