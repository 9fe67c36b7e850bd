"""Runtime mode: run a program in warning mode and gather its findings.

The program runs in a new interpreter process (see :mod:`.child`), because
``-3`` and ``-b`` can only be given when an interpreter starts.  This side
waits for it while following the findings file, so each new finding can be
shown the moment it happens (``on_finding``) -- the development server
never exits, and a user wants to see the warning for the request just made.
"""
from __future__ import absolute_import

import json
import os
import subprocess
import sys
import tempfile
import threading

import flaskcompat
from _compat.interpreter import warning_mode_options
from _compat.py3warnings import ENV_VAR
from _compat.strings import to_text

from .findings import Finding, Findings

#: How often the findings file is read while the program runs, in seconds.
POLL_INTERVAL = 0.2

#: Where flaskcompat was imported from, fixed at import: on Python 2 a module
#: found through the current directory has a relative ``__file__``, which a
#: later ``chdir`` would make point elsewhere.
_ROOT = os.path.dirname(os.path.dirname(os.path.realpath(flaskcompat.__file__)))

_BOOTSTRAP = (
    "import sys; sys.path.insert(0, %r); "
    "from flaskcompat.py3warn.child import main; main(%r)"
)


def child_command(target, args, module=False):
    """The command line that runs *target* in warning mode on this interpreter."""
    return ([sys.executable] + warning_mode_options()
            + ["-c", _BOOTSTRAP % (_ROOT, _ROOT), "module" if module else "script", target]
            + list(args))


class _FindingsFile(object):
    """Reads the complete lines appended to the findings file since the last read."""

    def __init__(self, path, findings, on_finding):
        self.path = path
        self.offset = 0
        self.findings = findings
        self.on_finding = on_finding

    def read_new(self):
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            chunk = f.read()
        complete = chunk[:chunk.rfind(b"\n") + 1]
        self.offset += len(complete)
        for raw in complete.splitlines():
            finding = Finding.from_dict(json.loads(to_text(raw, "utf-8")))
            if self.findings.add(finding) and self.on_finding is not None:
                self.on_finding(finding)


def run_program(target, args=(), module=False, on_finding=None):
    """Run *target* (a script path, or a module name when *module*) in warning mode.

    Returns ``(exit code, Findings)``; the exit code is the program's own
    (``128 + N`` when signal N killed it).  *on_finding* is called with each
    new :class:`~.findings.Finding` while the program runs.
    """
    handle, path = tempfile.mkstemp(prefix="py3warn-", suffix=".jsonl")
    os.close(handle)
    env = dict(os.environ)
    env[ENV_VAR] = path
    findings = Findings()
    reader = _FindingsFile(path, findings, on_finding)
    done = threading.Event()

    def follow():
        while not done.wait(POLL_INTERVAL):
            reader.read_new()

    follower = threading.Thread(target=follow, name="py3warn-findings")
    follower.daemon = True
    try:
        process = subprocess.Popen(child_command(target, args, module), env=env)
        follower.start()
        while True:
            try:
                code = process.wait()
                break
            except KeyboardInterrupt:
                continue  # the program got the SIGINT too; let it finish
        done.set()
        follower.join()
        reader.read_new()
    finally:
        os.remove(path)
    return (128 - code if code < 0 else code), findings
