# Every target creates .venv on first use and installs what it needs.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.kaskad-installed

.PHONY: run test demo bench lint translations clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) main.py gui

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

demo: $(STAMP)
	$(PY) main.py demo

bench: $(STAMP)
	$(PY) bench/run_all.py $(BENCH_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check app ui main.py tests bench

# Qt translation catalogues, one per UI area: refresh each from its sources, compile all.
translations: $(STAMP)
	resources/i18n/update.sh $(VENV)

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
