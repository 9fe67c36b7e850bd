# -*- coding: utf-8 -*-
"""Contract of ``_compat.local.ContextStack``: one stack per thread/context.

If two concurrent requests could see each other's stack, one user's request
(and session) would leak into another's response; these tests pin the
isolation down on every interpreter.
"""
from __future__ import absolute_import, unicode_literals

import threading

from _compat import local
from _compat.local import ContextStack
from _compat.strings import PY2

TIMEOUT = 10


class EventBarrier(object):
    """``threading.Barrier`` for Python 2: nobody passes until all arrived."""

    def __init__(self, parties):
        self.parties = parties
        self.arrived = 0
        self.lock = threading.Lock()
        self.all_arrived = threading.Event()

    def wait(self):
        with self.lock:
            self.arrived += 1
            if self.arrived == self.parties:
                self.all_arrived.set()
        if not self.all_arrived.wait(TIMEOUT):
            raise AssertionError("barrier timed out")


def run_threads(count, target):
    """Run ``target(index)`` in *count* threads; re-raise the first failure."""
    errors = []

    def wrapper(index):
        try:
            target(index)
        except BaseException as e:  # reported in the main thread
            errors.append(e)

    threads = [threading.Thread(target=wrapper, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
        assert not t.is_alive(), "thread hung"
    if errors:
        raise errors[0]


# -- the stack itself -----------------------------------------------------------


def test_empty_stack():
    stack = ContextStack()
    assert stack.top is None
    assert stack.pop() is None
    assert len(stack) == 0


def test_push_pop_top_len():
    stack = ContextStack()
    a, b = object(), object()
    assert stack.push(a) is a
    assert stack.top is a
    assert stack.push(b) is b
    assert stack.top is b
    assert len(stack) == 2
    assert stack.pop() is b
    assert stack.top is a
    assert stack.pop() is a
    assert stack.top is None
    assert len(stack) == 0
    assert stack.pop() is None


def test_none_can_be_pushed_and_counted():
    """``top`` is ``None`` for a pushed None too; ``len`` tells them apart."""
    stack = ContextStack()
    stack.push(None)
    assert stack.top is None
    assert len(stack) == 1
    assert stack.pop() is None
    assert len(stack) == 0


def test_stacks_are_independent_of_each_other():
    """The app stack and the request stack must never share storage."""
    first, second = ContextStack(), ContextStack()
    first.push("app")
    assert second.top is None
    second.push("request")
    assert first.top == "app"
    assert second.top == "request"


# -- threads ------------------------------------------------------------------


def test_each_thread_has_its_own_stack():
    """All threads push at once; each sees only its own objects."""
    stack = ContextStack()
    stack.push("main")
    count = 8
    pushed = EventBarrier(count)
    checked = EventBarrier(count)

    def worker(index):
        assert stack.top is None, "a new thread starts with an empty stack"
        stack.push(("outer", index))
        stack.push(("inner", index))
        pushed.wait()  # every thread has pushed before anyone looks
        assert stack.top == ("inner", index)
        assert len(stack) == 2
        checked.wait()  # nobody pops before everyone has looked
        assert stack.pop() == ("inner", index)
        assert stack.top == ("outer", index)
        assert stack.pop() == ("outer", index)
        assert stack.top is None

    run_threads(count, worker)
    # The main thread's stack was untouched by all of it.
    assert stack.top == "main"
    assert len(stack) == 1


def test_thread_pushes_do_not_leak_after_the_thread_ends():
    """A worker that forgets to pop must not leave its object to others."""
    stack = ContextStack()

    def leaky(index):
        stack.push(("leaked", index))

    run_threads(2, leaky)
    assert stack.top is None
    assert len(stack) == 0


# -- contextvars (Python 3) and its Python 2 counterpart -----------------------


def test_copied_context_does_not_see_later_pushes():
    """Python 3: a copied ``contextvars`` context is a snapshot.

    ``copy_context()`` is what asyncio and ``contextvars.Context.run`` use;
    pushes after the copy, in either direction, must not cross over.
    Python 2 has no contextvars: the stack is a thread local and there is no
    such copy, so all code in one thread shares one stack.
    """
    stack = ContextStack()
    stack.push("before")
    if PY2:
        assert local.ContextVar is None

        def later_in_same_thread():
            return stack.top

        stack.push("after")
        assert later_in_same_thread() == "after"
        return

    import contextvars

    assert local.ContextVar is contextvars.ContextVar
    copied = contextvars.copy_context()
    stack.push("after")
    assert copied.run(lambda: stack.top) == "before"
    assert copied.run(lambda: len(stack)) == 1

    def push_inside():
        stack.push("inside")
        return stack.top

    assert copied.run(push_inside) == "inside"
    # The push inside the copy stays there ...
    assert copied.run(lambda: stack.top) == "inside"
    # ... and is invisible outside it.
    assert stack.top == "after"
    assert len(stack) == 2


def test_the_top_is_read_afresh_whenever_the_context_changes():
    """The top never comes from another thread's or context's variables.

    On PyPy 3 the stack keeps the value it read last beside the context's
    map of variables it came from (``_LastReadContextVar``); every thread,
    every context switch and every ``set`` of any variable must be seen.
    """
    stack = ContextStack()
    stack.push("outer")
    assert stack.top == "outer"
    seen_in_thread = []
    run_threads(1, lambda index: seen_in_thread.append(stack.top))
    assert seen_in_thread == [None]
    assert isinstance(local._context_var("x"), local._LastReadContextVar) == (
        local.get_contextvar_context is not None)
    if not PY2:
        import contextvars

        other = contextvars.ContextVar("other")
        assert contextvars.Context().run(lambda: stack.top) is None

        def inside_a_copy():
            seen = [stack.top]
            other.set(1)  # the copy's variables are replaced, not the stack
            seen.append(stack.top)
            stack.push("inner")
            seen.append(stack.top)
            return seen

        assert contextvars.copy_context().run(inside_a_copy) == ["outer", "outer", "inner"]
    assert stack.top == "outer"
    assert stack.pop() == "outer"
    assert stack.top is None


def test_interleaved_tasks_get_their_own_stacks():
    """Python 3: asyncio tasks interleaving in one thread are isolated.

    Python 2 (thread local): code interleaving in one thread shares the
    stack, which is exactly why a Python 2 server needs a thread per request.
    """
    stack = ContextStack()
    if PY2:
        def step(name):
            stack.push(name)
            yield
            yield stack.pop()

        a, b = step("a"), step("b")
        next(a)
        next(b)
        # b pushed last, so a's pop takes b's object: one shared stack.
        assert next(a) == "b"
        assert next(b) == "a"
        return

    import asyncio

    # ``async def`` is a syntax error on Python 2, so it is compiled here.
    namespace = {"asyncio": asyncio, "stack": stack}
    exec(ASYNC_TASKS, namespace)
    loop = asyncio.new_event_loop()
    try:
        seen = loop.run_until_complete(namespace["main"]())
    finally:
        loop.close()
    assert seen == [("a", "a", 1), ("b", "b", 1)]
    assert stack.top is None


ASYNC_TASKS = """
async def task(name, seen):
    stack.push(name)
    await asyncio.sleep(0)  # let the other task run and push
    seen.append((name, stack.top, len(stack)))
    assert stack.pop() == name

async def main():
    seen = []
    await asyncio.gather(task("a", seen), task("b", seen))
    return sorted(seen)
"""


def _proxy_of(stack):
    def lookup():
        if stack.top is None:
            raise RuntimeError("nothing pushed")
        return stack.top
    return local.ContextProxy(lookup)


def test_context_proxy_forwards_to_the_current_object():
    from werkzeug.local import LocalProxy

    stack = ContextStack()
    proxy = _proxy_of(stack)
    target = {"a": 1}
    stack.push(target)
    try:
        assert proxy["a"] == 1
        proxy["b"] = 2
        assert target == {"a": 1, "b": 2}
        assert "b" in proxy and "c" not in proxy
        assert proxy.get("a") == 1  # attributes
        assert bool(proxy) is True
        assert repr(proxy) == repr(target)
        assert proxy._get_current_object() is target
        assert isinstance(proxy, LocalProxy)
        assert len(proxy) == 2 and sorted(proxy) == ["a", "b"]  # Werkzeug's own methods
    finally:
        stack.pop()


def test_context_proxy_outside_its_context_is_false_and_raises_on_use():
    proxy = _proxy_of(ContextStack())
    assert bool(proxy) is False
    assert not proxy
    assert repr(proxy) == "<LocalProxy unbound>"
    for use in (lambda: proxy.get, lambda: proxy["a"], lambda: "a" in proxy):
        try:
            use()
        except RuntimeError as e:
            assert str(e) == "nothing pushed"
        else:
            raise AssertionError("no RuntimeError")
    # An empty object is false too, not mistaken for a missing context.
    stack = ContextStack()
    stack.push({})
    assert bool(_proxy_of(stack)) is False
