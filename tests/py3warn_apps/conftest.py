"""The apps' own suites are unittest suites that ``tests/test_py3warn_apps.py``
runs with ``unittest discover``, as their authors ran them; pytest leaves them
alone (the Python 2 originals do not even import on Python 3)."""
collect_ignore_glob = ["*"]
