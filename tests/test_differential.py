# -*- coding: utf-8 -*-
"""The same request gives the same response bytes on every interpreter.

``differential/golden.json`` holds the responses (status, headers, body
bytes) to every request of ``differential/corpus.py``, recorded once; each
interpreter of the matrix replays the corpus and must match it exactly, so
all interpreters match each other.  Regenerate the golden file only for an
intended change of behaviour (see corpus.py).
"""
import io
import json
import os

import pytest

from differential.corpus import CORPUS, record
from differential.reference_app import create_app

GOLDEN = os.path.join(os.path.dirname(__file__), "differential", "golden.json")


@pytest.fixture(scope="module")
def recorded():
    app = create_app()
    # Unhandled errors are part of the corpus; keep their tracebacks out of the output.
    app.logger.disabled = True
    try:
        return record(app)
    finally:
        app.logger.disabled = False


@pytest.fixture(scope="module")
def golden():
    with io.open(GOLDEN, encoding="utf-8") as f:
        return json.load(f)


def test_corpus_is_large_and_has_bad_input():
    assert len(CORPUS) >= 50
    statuses = set()
    with io.open(GOLDEN, encoding="utf-8") as f:
        for response in json.load(f).values():
            statuses.add(int(response["status"].split()[0]))
    assert set([400, 404, 405, 413, 500]) <= statuses


def test_golden_covers_exactly_the_corpus(golden):
    assert sorted(golden) == sorted(name for name, _, _, _, _, _ in CORPUS)


@pytest.mark.parametrize("name", [entry[0] for entry in CORPUS])
def test_response_matches_golden(recorded, golden, name):
    assert recorded[name] == golden[name]
