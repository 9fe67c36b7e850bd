"""The Python 3 warning mode: what in a Python 2 application breaks on Python 3.

Two ways to look, one report:

*runtime mode* -- :func:`run_program` runs a script or module (an app, or
its test suite: ``-m pytest tests/``) in a new interpreter started with
``-3`` (Python 2) or ``-b -X dev`` (Python 3), and collects the
interpreter's Python 3 warnings, what the framework's seam sees
(:mod:`_compat.py3warnings`) and the semantic traps of
:mod:`_compat.py3traps`;

*static mode* -- :func:`scan_paths` reads files without running them and
finds syntax Python 3 cannot compile and removed or renamed names, methods
and modules.

Each :class:`Finding` concerns application code only, is reported once per
``(file, line, category)``, and links to the MIGRATION.md section that
explains the fix.  :func:`main` is the command line
(``python -m flaskcompat.py3warn``).
"""
from __future__ import absolute_import

from .categories import CATEGORIES
from .cli import main
from .findings import Finding, Findings
from .report import format_live, format_text, to_json
from .runtime import run_program
from .static import scan_paths, scan_sources

__all__ = [
    "CATEGORIES", "Finding", "Findings", "format_live", "format_text", "main",
    "run_program", "scan_paths", "scan_sources", "to_json",
]
