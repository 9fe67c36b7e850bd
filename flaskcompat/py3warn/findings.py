"""A finding, and the deduplicated collection the runner reports.

A finding is identified by ``(file, line, category)``: the interpreter may
warn a thousand times about one line inside a loop, and static and runtime
analysis may both see it; the report lists it once, keeping the first.
"""
from __future__ import absolute_import

from . import categories


class Finding(object):
    """One Python 3 incompatibility at ``file:line``.

    *kind* is ``"static"`` (found by reading the file) or ``"runtime"``
    (observed while the program ran).  *hint* defaults to the category's.
    """

    __slots__ = ("file", "line", "category", "message", "kind", "hint")

    def __init__(self, file, line, category, message, kind, hint=None):
        self.file = file
        self.line = int(line)
        self.category = category
        self.message = message
        self.kind = kind
        self.hint = hint or categories.get(category).hint

    @property
    def key(self):
        return (self.file, self.line, self.category)

    @property
    def doc(self):
        return categories.get(self.category).doc

    @property
    def severity(self):
        """``"error"`` when it breaks on Python 3, ``"warning"`` when Python 3 only warns."""
        return categories.get(self.category).severity

    def to_dict(self):
        """The JSON form: ``file, line, category, severity, message, hint, kind, doc``."""
        return {
            "file": self.file,
            "line": self.line,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "kind": self.kind,
            "doc": self.doc,
        }

    @classmethod
    def from_dict(cls, data):
        return cls(data["file"], data["line"], data["category"], data["message"],
                   data["kind"], data.get("hint"))

    def __repr__(self):
        return "<Finding %s:%d %s (%s)>" % (self.file, self.line, self.category, self.kind)


class Findings(object):
    """Findings deduplicated by ``(file, line, category)``, first one kept."""

    def __init__(self, findings=()):
        self._by_key = {}
        for finding in findings:
            self.add(finding)

    def add(self, finding):
        """Keep *finding* unless one with its key is known; True if it was new."""
        if finding.key in self._by_key:
            return False
        self._by_key[finding.key] = finding
        return True

    def __len__(self):
        return len(self._by_key)

    def __iter__(self):
        """In report order: by file, then line, then category."""
        return iter(sorted(self._by_key.values(), key=lambda f: f.key))
