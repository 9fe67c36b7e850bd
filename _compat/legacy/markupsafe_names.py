"""The MarkupSafe 1.1 name MarkupSafe 2.1 removed (see :mod:`_compat.legacy`)."""
from __future__ import absolute_import

from markupsafe import soft_str

#: ``soft_unicode`` is ``soft_str`` under its Python 2 era name: ``str()``
#: of anything that is not already text, markup kept as markup.
NAMES = {"markupsafe": {"soft_unicode": soft_str}}

MODULES = {}
