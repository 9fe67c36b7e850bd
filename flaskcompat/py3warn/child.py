"""The program's side of runtime mode: run it, and collect what it does.

The runner starts the interpreter again with its warning options
(``-3``, or ``-b -X dev``) and this module as the ``-c`` program.  It
makes every captured warning class show "always", hands each warning to
:class:`Collector` (which keeps application findings once each and drops
the rest: ``-3`` is loud about the standard library), installs the
Python 2 traps (:mod:`_compat.py3traps`) and then runs the script or
module as ``python SCRIPT`` / ``python -m MODULE`` would, so its own exit
code, ``sys.argv`` and ``sys.path[0]`` are what the program expects.

Findings are appended to the file named by the warning-mode environment
variable as they happen, one JSON object per line: the runner reads them
live, and they survive ``os._exit`` or a crash.  Processes the program
forks write to the same file.
"""
from __future__ import absolute_import

import json
import os
import runpy
import sys
import warnings

from _compat.interpreter import install_warning_hook, is_library_file
from _compat.py3traps import install_traps
from _compat.py3warnings import ENV_VAR

from .capture import CAPTURED, classify
from .findings import Finding


class Collector(object):
    """Keeps each application finding once and appends it to *path*."""

    def __init__(self, path):
        self.path = path
        self.seen = set()

    def handle(self, message, category, filename, lineno):
        """The warning hook: True when the warning was one of ours (consumed)."""
        if not issubclass(category, CAPTURED):
            return False
        if is_library_file(filename):
            return True
        classified = classify(message, category)
        if classified is None:
            return True
        finding_category, text = classified
        finding = Finding(os.path.realpath(os.path.abspath(filename)), lineno or 0,
                          finding_category, text, "runtime")
        if finding.key not in self.seen:
            self.seen.add(finding.key)
            with open(self.path, "a") as out:
                out.write(json.dumps(finding.to_dict()) + "\n")
        return True


def _run(mode, target, args):
    if mode == "module":
        sys.argv = [target] + args
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        sys.argv = [target] + args
        sys.path[0] = os.path.dirname(os.path.abspath(target))
        runpy.run_path(target, run_name="__main__")


def main(root):
    """Entry point of the ``-c`` bootstrap: ``sys.argv[1:]`` is ``MODE TARGET ARGS...``.

    *root* is the directory flaskcompat was imported from; the bootstrap put
    it first to import this module, and it moves to the end so the
    program's own directories come first, as they would without the runner.
    """
    sys.path.remove(root)
    sys.path.append(root)
    mode, target, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    collector = Collector(os.environ[ENV_VAR])
    for category in CAPTURED:
        warnings.filterwarnings("always", category=category)
    install_warning_hook(collector.handle)
    install_traps()
    _run(mode, target, args)
