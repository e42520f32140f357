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
	$(BIN)/g60kg viz --out build/g60kg.html
	$(BIN)/g60kg viz --out build/dongjing.html --focus 洞泾镇 --depth 2

system-deps:
	bash .ci/system-deps.sh chromium fonts-noto-cjk virtuoso-opensource

lint: $(STAMP)
	$(BIN)/ruff check graph tests benchmarks
	$(BIN)/ruff format --check graph tests benchmarks
	$(BIN)/mypy

test: $(STAMP) system-deps lint
	$(BIN)/pytest

clean:
	rm -rf build $(VENV)
