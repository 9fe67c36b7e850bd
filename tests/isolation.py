"""The fixture every framework test module uses (import it into the module).

It keeps the outside environment from changing the app's defaults, and
fails a test that leaves an application or request context on a stack:
a leaked context would make later tests pass or fail for the wrong reason.
"""
import pytest

from flaskcompat.globals import _app_ctx_stack, _request_ctx_stack


@pytest.fixture(autouse=True)
def clean_environment_and_contexts(monkeypatch):
    """No FLASK_ENV/FLASK_DEBUG from the outside, and no context left behind."""
    monkeypatch.delenv("FLASK_ENV", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    yield
    leaked = []
    while _request_ctx_stack.top is not None:
        leaked.append(_request_ctx_stack.pop())
    while _app_ctx_stack.top is not None:
        leaked.append(_app_ctx_stack.pop())
    assert leaked == []
