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

# Regenerates the Qt translation catalogue from tr() calls and compiles it.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find ui -name '*.py') -ts resources/i18n/kaskad_ru.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/kaskad_ru.ts -qm resources/i18n/kaskad_ru.qm

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
