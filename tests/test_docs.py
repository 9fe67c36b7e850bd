# -*- coding: utf-8 -*-
"""The documentation site (docs/): its examples run, its tables are true.

Every ```` ```python ```` block of a page runs, as a module of its own, on
every interpreter of the matrix (MIGRATION.md's blocks are run by
``test_py3warn_docs.py``).  The tutorial's examples import the example
blog.  The configuration table must list ``Flask.default_config`` exactly,
and the API reference every public name and public module of the package.
The build itself (``tox -e docs``) fails on any warning.
"""
from __future__ import absolute_import

import io
import os
import pkgutil
import re
from datetime import timedelta

import pytest

import flaskcompat
from flaskcompat import Flask

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs")
BLOG_ROOT = os.path.join(ROOT, "examples", "blog")
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def _read(name):
    with io.open(os.path.join(DOCS, name), encoding="utf-8") as f:
        return f.read()


def _pages():
    return sorted(name for name in os.listdir(DOCS) if name.endswith(".md"))


def _examples():
    found = []
    for page in _pages():
        for number, match in enumerate(_PYTHON_BLOCK.finditer(_read(page)), 1):
            found.append(("%s-%d" % (page[:-3], number), match.group(1)))
    return found


EXAMPLES = _examples()


def test_the_pages_have_examples():
    pages = set(name.split("-")[0] for name, _ in EXAMPLES)
    assert {"quickstart", "tutorial", "configuration", "deployment", "py3warn"} <= pages


@pytest.fixture
def blog_importable(monkeypatch):
    """The tutorial's examples import the example blog, as its tests do.

    It stays imported afterwards: its own tests hold its classes, which
    must remain the ones its modules raise.
    """
    monkeypatch.syspath_prepend(BLOG_ROOT)
    monkeypatch.setenv(str("FLASK_ENV"), str("production"))
    monkeypatch.delenv(str("FLASK_DEBUG"), raising=False)


@pytest.mark.parametrize("code", [code for _, code in EXAMPLES], ids=[n for n, _ in EXAMPLES])
def test_example_runs(code, tmpdir, blog_importable):
    path = str(tmpdir.join("example.py"))
    namespace = {"__name__": "docs_example", "__file__": path}
    # Text source: the examples are UTF-8 and carry no coding line.
    exec(compile(code, path, "exec", 0, True), namespace)


def _configuration_table():
    """``{key: default expression}`` of the built-in keys' table."""
    text = _read("configuration.md")
    section = text.split("## Built-in keys and their defaults")[1].split("\n## ")[0]
    return dict(re.findall(r"^\| `([A-Z_]+)` \| `(.+?)` \|", section, re.M))


def test_the_configuration_table_is_the_default_config():
    table = _configuration_table()
    assert sorted(table) == sorted(Flask.default_config)
    for key, expression in table.items():
        assert eval(expression, {"timedelta": timedelta}) == Flask.default_config[key], key


def test_the_api_reference_names_every_public_name_and_module():
    api = _read("api.md")
    public = [name for name in dir(flaskcompat)
              if not name.startswith("_") and name != "absolute_import"]
    for name in public:
        if isinstance(getattr(flaskcompat, name), type(flaskcompat)):
            continue  # a submodule, checked below
        assert re.search(r"^\| (\{py:\w+\}`~[\w.]+\.%s`|`%s`) \|" % (name, name), api, re.M), name
    modules = ["flaskcompat." + name for _, name, _ in pkgutil.iter_modules(flaskcompat.__path__)
               if not name.startswith("_")] + ["flaskcompat.json.tag"]
    for module in modules:
        assert ".. automodule:: %s\n" % module in api, module


def test_the_migration_guide_is_included_not_copied():
    assert _read("migration.md") == "```{include} ../MIGRATION.md\n```\n"
