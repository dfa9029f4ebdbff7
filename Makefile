# Two entry points: `make run` (the demo job) and `make test`. Both build .venv first.
# `make PYTHON=python3.13 test` builds .venv with that Python: a .venv made by another Python is rebuilt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print(sys.version.split()[0])' 2>/dev/null || echo missing)
STAMP := $(VENV)/.installed-$(PY_VERSION)

.PHONY: run test lint typecheck clean chromium

$(STAMP): pyproject.toml
	@test "$(PY_VERSION)" != missing || { echo "make: $(PYTHON) not found (set PYTHON=...)"; exit 2; }
	@if [ -x $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print(sys.version.split()[0])')" != "$(PY_VERSION)" ]; then \
		echo "make: $(VENV) was made by another Python; rebuilding it with $(PYTHON) ($(PY_VERSION))"; rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/teken run corpus/demo --out out/demo --overwrite
	$(BIN)/teken eval corpus/demo-gold.jsonl

# The report's browser test needs Chromium: Debian's package, installed when absent and possible (root, apt);
# elsewhere the test skips.
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    { timeout 600 apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 || \
	      { timeout 300 apt-get update -qq >/dev/null 2>&1 && \
	        timeout 600 apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; }; }; } || \
	  echo "make: chromium is not installed; the report's browser test will skip"

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

lint: $(STAMP) typecheck
	$(BIN)/ruff check .

# mypy cannot follow the package-dir mapping (pyproject.toml), so it reads the package through a tree of
# links laid out as the wheel installs it: teken/, teken/pipeline, teken/extractors, teken/corpus.
typecheck: $(STAMP)
	rm -rf build/typecheck && mkdir -p build/typecheck/teken
	for f in teken/*; do ln -s ../../../$$f build/typecheck/teken/; done
	for p in pipeline extractors corpus; do ln -s ../../../$$p build/typecheck/teken/$$p; done
	$(BIN)/mypy build/typecheck/teken

clean:
	rm -rf $(VENV) out build
