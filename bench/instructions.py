"""Machine instructions per request, counted by Valgrind: a noise-free A/B.

The throughput benchmark (``wsgi_throughput.py``) times requests, and on a
shared machine two runs of the same code differ by more than most single
changes do.  An instruction count does not depend on the machine's load: it
says whether a change removed work, to the instruction, in one run.  It is
not a speed (a cache miss costs more than an add, and Valgrind counts each
byte ``memset`` clears with ``rep stosb`` as an instruction), so ratios
against other frameworks still come from ``wsgi_throughput.py``.

    python bench/instructions.py session flaskcompat werkzeug
    python bench/instructions.py json flaskcompat --requests 500

Run it with a bench venv's interpreter (``/opt/flaskcompat-bench/<python>-fc``).
Each framework runs in its own process under ``valgrind --tool=callgrind``
with counting off; the process warms up, collects garbage, and counts only
the measured requests (switched on and off with ``callgrind_control``), so
imports and start-up are not in the figure.  ``PYTHONHASHSEED`` is fixed so
that two runs of the same code count the same.
"""
from __future__ import print_function

import argparse
import gc
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import wsgi_throughput as bench  # noqa: E402


def _callgrind_control(switch):
    with open(os.devnull, "w") as devnull:
        subprocess.check_call(["callgrind_control", "-i", switch, str(os.getpid())],
                              stdout=devnull)


def measure_here(framework, scenario, requests):
    """Run *requests* requests with counting on (inside Valgrind)."""
    _, apps = bench.LOADERS[framework]()
    app = apps[scenario]
    request = bench.scenario_request(scenario, app)
    bench.validate(scenario, *bench.call_once(app, request))
    bench.serve(app, request, 100)
    gc.collect()
    _callgrind_control("on")
    bench.serve(app, request, requests)
    _callgrind_control("off")


def count(framework, scenario, requests):
    """Instructions per request of *framework* in *scenario*."""
    command = [
        "valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null",
        sys.executable, os.path.abspath(__file__), scenario, framework,
        "--requests", str(requests), "--inside",
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = run.communicate()
    err = err.decode("utf-8", "replace")
    collected = re.search(r"Collected : (\d+)", err)
    if run.returncode or collected is None:
        raise SystemExit("%s failed under valgrind:\n%s" % (framework, err[-2000:]))
    return int(collected.group(1)) // requests


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario", choices=bench.SCENARIOS)
    # argparse checks a list default against the choices as one value.
    parser.add_argument("frameworks", nargs="*", choices=sorted(bench.LOADERS),
                        help="default: flaskcompat werkzeug")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        for framework in args.frameworks:
            measure_here(framework, args.scenario, args.requests)
        return
    frameworks = args.frameworks or ["flaskcompat", "werkzeug"]
    counts = [(name, count(name, args.scenario, args.requests)) for name in frameworks]
    base = counts[0][1]
    for name, instructions in counts:
        print("%-12s %-9s %9d instructions/request  %.2fx of %s"
              % (args.scenario, name, instructions, instructions / float(base), counts[0][0]))


if __name__ == "__main__":
    main()
