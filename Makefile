# Two commands on a fresh machine (see README.md):
#   make run   - create .venv, install, start the app on the bundled demo (http://localhost:8501)
#   make test  - create .venv if needed, install test dependencies (and Chromium when root), run the
#                lint/type gate (make lint: ruff + mypy, zero findings) and then all tests
#   make catalog - extract the texts (pybabel), update geodata/locale/*/LC_MESSAGES/vigia.po, compile .mo
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
# Re-install only when pyproject.toml changes.
STAMP      := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint install demo clean browser-deps db-deps pdf-deps catalog

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Vigía needs Python >= 3.11"' \
	  || { echo "Python 3.11 or newer is required (set PYTHON=python3.11)"; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv failed: on Debian/Ubuntu install the venv module: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@ $(STAMP)

install: $(STAMP)

run: $(STAMP) pdf-deps
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

# Pango (and a font) for the route-sheet PDF: WeasyPrint prints the sheets' HTML through it. Debian's
# base image has it; a slimmer machine gets it from apt when root, else the PDF download says what to install.
pdf-deps:
	@if ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Pango from apt for the route-sheet PDF..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null) \
	    || echo "WARNING: could not install Pango; route-sheet PDFs will fail (apt-get install libpango-1.0-0 libpangoft2-1.0-0)"; \
	else echo "NOTE: no Pango and not root; route-sheet PDFs need: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0"; fi

# Chromium for the browser test, from Debian's packages (never a browser download).
# Without root or apt the browser test skips and says why.
browser-deps:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Chromium from apt for the browser test..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "WARNING: could not install Chromium; the browser test will be skipped"; \
	else echo "NOTE: no Chromium and not root; the browser test will be skipped (sudo apt-get install chromium)"; fi

# PostgreSQL + PostGIS for the workspace storage tests, from Debian's packages. The tests start
# their own throw-away cluster on a loopback port; without the server they skip (and fail under CI).
db-deps:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing PostgreSQL + PostGIS from apt for the workspace tests..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-postgis >/dev/null) \
	    || echo "WARNING: could not install PostgreSQL/PostGIS; the PostgreSQL workspace tests will be skipped"; \
	else echo "NOTE: no PostgreSQL/PostGIS and not root; those workspace tests will be skipped (sudo apt-get install postgresql postgresql-postgis)"; fi

# Lint and type gate: zero findings, before any test runs (settings in pyproject.toml).
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint browser-deps db-deps pdf-deps
	$(BIN)/python -m pytest -q

# The translation catalogs (README "Translating Vigía"): extract every msg()/msg_plural() text of the
# packages, merge it into each language's .po (a changed English text comes back fuzzy, for review),
# compile the .mo files the app reads. tests/test_catalog.py fails until the Spanish is complete.
POT := $(or $(TMPDIR),/tmp)/vigia-$(USER).pot
catalog: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords -k msg:1c,2 -k msg_plural:1c,2,3 --no-location --sort-output --project Vigía \
	  -o $(POT) geodata risk planner vigia
	$(BIN)/pybabel update -i $(POT) -d geodata/locale -D vigia --ignore-obsolete -w 100
	@# Babel takes a text with a percent sign ("90% interval") for printf-style and reports false
	@# placeholder errors; it still compiles. Vigía's {placeholders} are checked by tests/test_catalog.py.
	$(BIN)/pybabel compile -d geodata/locale -D vigia --statistics || echo "(the placeholder notes above are about '%' signs; see tests/test_catalog.py)"
	@rm -f $(POT)

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .mypy_cache .ruff_cache
