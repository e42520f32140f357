# The two commands of the README:
#   make run   - set up, build the graph on the embedded default store, print what is in it
#   make test  - set up (including the system packages the tests drive) and run every check
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup system-deps lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/g60kg build
	$(BIN)/g60kg stats

system-deps:
	bash .ci/system-deps.sh virtuoso-opensource

lint: $(STAMP)
	$(BIN)/ruff check graph tests benchmarks
	$(BIN)/ruff format --check graph tests benchmarks
	$(BIN)/mypy

test: $(STAMP) system-deps lint
	$(BIN)/pytest

clean:
	rm -rf build $(VENV)
