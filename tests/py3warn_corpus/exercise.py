"""Drive the corpus under the runner's runtime mode: ``python exercise.py``.

Imports the legacy shop (Python 2 code) and calls every view through the
test client and the helpers directly, so the runtime-only findings -- the
semantic traps and what the framework's seam sees -- happen.  This file is
itself a clean control: the runner must report nothing in it.
"""
from __future__ import absolute_import, print_function

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from legacy_shop import app, utils  # noqa: E402


def exercise_views():
    client = app.test_client()
    for path in ("/", "/product/tea", "/stats", "/basket"):
        client.get(path)
    client.post("/price", data={"price": "x"})
    client.post("/login", data={"user": "ann"})


def exercise_utils():
    utils.check_token(b"key", b"value", u"expected")
    utils.is_json_blob(b"eyJhIjoxfQ==")
    utils.per_page(10, 3)
    utils.error_text(lambda: int("x"))


if __name__ == "__main__":
    exercise_views()
    exercise_utils()
    print("exercised", file=sys.stderr)
