"""Sphinx configuration of the flaskcompat documentation (``tox -e docs``).

Pages are Markdown (MyST).  The build runs with ``-W --keep-going``: a
broken cross-reference, a missing page or a docstring autodoc cannot read
fails it.
"""
import re

import flaskcompat

project = "flaskcompat"
author = "the flaskcompat authors"
copyright = "the flaskcompat authors"
release = version = flaskcompat.__version__

extensions = ["sphinx.ext.autodoc", "myst_parser"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

# Every Python cross-reference must resolve, except to libraries whose
# inventories a build without network cannot fetch.
nitpicky = True
nitpick_ignore_regex = [
    # Libraries, by module or by the short names their docstrings use.
    (r"py:.*", r"(werkzeug|jinja2|markupsafe|itsdangerous|click|blinker|six|_compat)(\..*)?"),
    (r"py:.*", r"BuildError|Rule|RuleFactory|Context|Command|fail|invoke|dump_options_header"),
    # The standard library.
    (r"py:.*", r"(ast|datetime|dict|json|logging|threading|types|collections|io|os|re|typing"
               r"|wsgiref)(\..*)?"),
    # Type variables of click's signatures, and dict's own docstrings.
    (r"py:class", r"t\..*|te\..*|[A-Z]|.*\bD\b.*"),
    # Private base classes shown by show-inheritance.
    (r"py:class", r"(flaskcompat\..*\.)?_\w+"),
]

autodoc_member_order = "bysource"
# Methods without a docstring of their own show none, rather than the
# overridden library method's, whose references point into that library.
autodoc_inherit_docstrings = False
autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": True}

myst_heading_anchors = 3
html_theme = "alabaster"
html_title = "flaskcompat %s" % release

#: MIGRATION.md marks its sections with ``<a id="name"></a>`` (GitHub shows
#: those); MyST needs ``(name)=`` targets for the same links to resolve.
_HTML_ANCHOR = re.compile(r'^<a id="([\w-]+)"></a>$', re.M)


def _anchors_as_targets(app, relative_path, parent_docname, content):
    content[0] = _HTML_ANCHOR.sub(r"(\1)=", content[0])
    # Its "before" examples are Python 2 code (backticks, print statements).
    content[0] = content[0].replace("```python before", "```python2 before")


#: Where py3warn.md gets its table of every finding category.
CATEGORIES_MARKER = "<!-- py3warn-categories -->"


def _categories_table():
    from flaskcompat.py3warn import CATEGORIES

    rows = ["| finding | what | fix |", "| --- | --- | --- |"]
    for name, category in CATEGORIES.items():
        rows.append("| [`%s`](#%s) | %s | %s |" % (
            name, name, category.title.replace("|", "\\|"), category.hint.replace("|", "\\|")))
    return "\n".join(rows) + "\n"


def _insert_categories(app, docname, source):
    if docname == "py3warn":
        assert CATEGORIES_MARKER in source[0], "py3warn.md lost its categories marker"
        source[0] = source[0].replace(CATEGORIES_MARKER, _categories_table())


def setup(app):
    app.connect("include-read", _anchors_as_targets)
    app.connect("source-read", _insert_categories)
