"""Signals, sent through blinker when it is installed.

Without blinker, sending is a silent no-op, and connecting raises a
:exc:`RuntimeError` that says to install blinker, as in Flask 1.1.  The
framework sends the signals of every request only when something receives
them (``signal.receivers``, blinker's): a call to send to nobody is a
sizeable share of a small request.
"""
try:
    from blinker import Namespace
    #: Whether blinker is installed; without it, sending signals does nothing
    #: and connecting to one raises.
    signals_available = True
except ImportError:
    signals_available = False

    class Namespace(object):
        def signal(self, name, doc=None):
            return _FakeSignal(name, doc)

    class _FakeSignal(object):
        """Accepts ``send`` and refuses every way of receiving."""

        def __init__(self, name, doc=None):
            self.name = name
            self.__doc__ = doc

        #: Nothing can connect, so nothing receives.
        receivers = {}

        def send(self, *args, **kwargs):
            pass

        def _fail(self, *args, **kwargs):
            raise RuntimeError(
                "Signalling support is unavailable because the blinker library "
                "is not installed; install it with 'pip install blinker'."
            )

        connect = connect_via = connected_to = temporarily_connected_to = _fail
        disconnect = has_receivers_for = receivers_for = _fail
        del _fail

#: The namespace of the framework's own signals; extensions make their own.
_signals = Namespace()

#: Sent after a template was rendered (``template``, ``context``).
template_rendered = _signals.signal("template-rendered")
#: Sent before a template is rendered (``template``, ``context``).
before_render_template = _signals.signal("before-render-template")
#: Sent when a request starts, inside its request context.
request_started = _signals.signal("request-started")
#: Sent with the ``response`` before it is sent.
request_finished = _signals.signal("request-finished")
#: Sent when a request context is torn down (``exc``).
request_tearing_down = _signals.signal("request-tearing-down")
#: Sent with the ``exception`` when a request raised one that is not handled.
got_request_exception = _signals.signal("got-request-exception")
#: Sent when an application context is torn down (``exc``).
appcontext_tearing_down = _signals.signal("appcontext-tearing-down")
#: Sent when an application context is pushed.
appcontext_pushed = _signals.signal("appcontext-pushed")
#: Sent when an application context is popped.
appcontext_popped = _signals.signal("appcontext-popped")
#: Sent with the ``message`` and ``category`` when a message is flashed.
message_flashed = _signals.signal("message-flashed")
