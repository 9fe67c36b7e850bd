"""The distribution installs both top-level packages, on every interpreter.

Run by tox against the installed sdist: a fresh interpreter started outside
the source tree must import ``flaskcompat`` and ``_compat`` from
site-packages, side by side.
"""
import os
import subprocess
import sys
import tempfile


def test_installed_packages_import_outside_the_source_tree():
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    code = (
        "import os, flaskcompat, _compat;"
        "print(os.path.dirname(os.path.dirname(flaskcompat.__file__)));"
        "print(os.path.dirname(os.path.dirname(_compat.__file__)))"
    )
    out = subprocess.check_output(
        [sys.executable, "-c", code], cwd=tempfile.gettempdir(), env=env
    )
    flaskcompat_home, compat_home = out.decode("utf-8").split()
    assert flaskcompat_home == compat_home
    assert "site-packages" in flaskcompat_home
