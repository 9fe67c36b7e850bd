"""``python -m flaskcompat.py3warn``: see :mod:`flaskcompat.py3warn.cli`."""
from __future__ import absolute_import

import sys

from flaskcompat.py3warn.cli import main

sys.exit(main())
