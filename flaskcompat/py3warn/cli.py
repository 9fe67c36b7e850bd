"""The command line of the runner, for ``python -m flaskcompat.py3warn``.

::

    python -m flaskcompat.py3warn [OPTIONS] SCRIPT [ARGS...]
    python -m flaskcompat.py3warn [OPTIONS] -m MODULE [ARGS...]
    python -m flaskcompat.py3warn [OPTIONS] --static PATH...

Options come before the program, as with ``python`` itself and ``coverage
run``: everything after SCRIPT (or MODULE) belongs to the program.  With
``--static`` there is no program, so options and paths may be mixed.  The
later ``flaskcompat py3warn`` and ``flaskcompat run --py3-warnings``
commands call :func:`main` (or :func:`~.runtime.run_program` with
``on_finding``) the same way.
"""
from __future__ import absolute_import

import sys

from . import report
from .categories import ERROR, SEVERITIES, WARNING
from .runtime import run_program
from .static import scan_paths

USAGE = """\
usage: python -m flaskcompat.py3warn [OPTIONS] SCRIPT [ARGS...]
       python -m flaskcompat.py3warn [OPTIONS] -m MODULE [ARGS...]
       python -m flaskcompat.py3warn [OPTIONS] --static PATH...

Report what will break when this Python 2 application runs on Python 3.

options:
  --static      scan files and directories without running anything
  --json FILE   also write the findings to FILE as JSON
  --strict      exit 1 when an error was found (for CI)
  --strict=all  exit 1 when an error or a warning was found
  --live        print each finding the moment it is seen (runtime mode)
  -h, --help    show this help
"""


class UsageError(Exception):
    """A command line the runner cannot act on."""


class Options(object):
    """The parsed command line."""

    def __init__(self):
        self.static = False
        self.json = None
        #: The least severity that fails the run (None: nothing fails it).
        self.strict = None
        self.live = False
        self.module = False
        self.target = None
        self.args = []


def parse(argv):
    """Parse *argv* (without the program name) into :class:`Options`."""
    options = Options()
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--static":
            options.static = True
        elif arg == "--json":
            if i + 1 >= len(argv):
                raise UsageError("--json needs a file name")
            options.json = argv[i + 1]
            i += 1
        elif arg.startswith("--json="):
            options.json = arg[len("--json="):]
        elif arg == "--strict":
            options.strict = ERROR
        elif arg == "--strict=all":
            options.strict = WARNING
        elif arg == "--live":
            options.live = True
        elif arg == "-m" and "--static" not in argv:
            if i + 1 >= len(argv):
                raise UsageError("-m needs a module name")
            options.module = True
            options.target, options.args = argv[i + 1], argv[i + 2:]
            return options
        elif arg.startswith("-") and arg != "-":
            raise UsageError("unknown option %s" % arg)
        elif "--static" in argv:
            options.args.append(arg)
        else:
            options.target, options.args = arg, argv[i + 1:]
            return options
        i += 1
    if not options.static:
        raise UsageError("give a SCRIPT, -m MODULE or --static PATH...")
    if not options.args:
        raise UsageError("--static needs at least one file or directory")
    return options


def main(argv=None, stderr=None):
    """Run the command line *argv* (default ``sys.argv[1:]``); return the exit code.

    The exit code is the program's own (0 in static mode), 1 with
    ``--strict`` when an error was found (with ``--strict=all``, an error or
    a warning), 2 for a bad command line.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    stderr = stderr or sys.stderr
    if "-h" in argv[:1] or "--help" in argv[:1]:
        stderr.write(USAGE)
        return 0
    try:
        options = parse(argv)
        if options.static:
            code, findings = 0, scan_paths(options.args)
        else:
            def live(finding):
                stderr.write(report.format_live(finding) + "\n")
                stderr.flush()

            code, findings = run_program(options.target, options.args, options.module,
                                         live if options.live else None)
    except (UsageError, IOError) as e:
        stderr.write("%s\n%s" % (e, USAGE))
        return 2
    stderr.write(report.format_text(findings))
    if options.json:
        report.write_json(findings, options.json)
    if options.strict and any(
            SEVERITIES.index(f.severity) <= SEVERITIES.index(options.strict) for f in findings):
        return 1
    return code
