"""``python -m flaskcompat``: the ``flaskcompat`` command, run as a module."""
from __future__ import absolute_import

from flaskcompat.cli import main

if __name__ == "__main__":
    main(as_module=True)
