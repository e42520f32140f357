import doctest
import importlib
import pkgutil

import g60kg.extract
import pytest

MODULES = sorted(
    name for _, name, _ in pkgutil.iter_modules(g60kg.extract.__path__, "g60kg.extract.")
)


@pytest.mark.parametrize("name", [*MODULES, "g60kg.extract"])
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
