# The two commands of the README:
#   make run   - set up, build the graph on the embedded default store, print what is in it
#   make test  - set up (including the system packages the tests drive) and run every check
#   make check - lint, type-check and the fast lane of the tests (no browser, servers, notebooks
#                or slow tests), spread over the cores: the loop to run while working
#   make notebooks - install JupyterLab (the `notebook` extra) and open notebooks/ in it
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check setup system-deps lint wheel clean notebooks

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,nlp]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/g60kg build
	$(BIN)/g60kg stats
	$(BIN)/g60kg viz --out build/g60kg.html
	$(BIN)/g60kg viz --out build/dongjing.html --focus 洞泾镇 --depth 2

notebooks: $(STAMP)
	$(BIN)/pip install --quiet -e '.[notebook]'
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --notebook-dir=notebooks

system-deps:
	bash .ci/system-deps.sh chromium fonts-noto-cjk virtuoso-opensource

PY_SOURCES := graph tests benchmarks conftest.py setup.py
FAST := not browser and not server and not notebook and not slow

lint: $(STAMP)
	$(BIN)/ruff check $(PY_SOURCES)
	$(BIN)/ruff format --check $(PY_SOURCES)
	$(BIN)/mypy

check: lint
	$(BIN)/pytest -n auto -m "$(FAST)"

test: $(STAMP) system-deps lint
	$(BIN)/pytest

wheel: $(STAMP)
	$(BIN)/pip wheel --no-deps --no-build-isolation -w dist .

clean:
	rm -rf build dist $(VENV)
