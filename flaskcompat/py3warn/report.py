"""The runner's reports: text grouped by file, JSON, and one-line live output.

Paths are shown relative to the current directory when they lie inside it,
so a report reads like the project tree and a JSON file compares equal
between machines.
"""
from __future__ import absolute_import

import io
import json
import os
from collections import OrderedDict

from _compat.strings import to_text

from .categories import ERROR, SEVERITIES, WARNING


def display_path(path):
    """*path* relative to the current directory if it is inside it, else absolute."""
    here = os.getcwd()
    absolute = os.path.abspath(path)
    if absolute == here or absolute.startswith(here.rstrip(os.sep) + os.sep):
        return os.path.relpath(absolute, here)
    return absolute


def format_live(finding):
    """One line for a finding the moment it is seen."""
    return "py3warn: %s:%d: [%s] %s" % (
        display_path(finding.file), finding.line, finding.category, finding.message)


def by_severity(findings):
    """*findings* in report order: errors first, then by file, line and category."""
    return sorted(findings, key=lambda f: (SEVERITIES.index(f.severity),) + f.key)


_HEADINGS = {
    ERROR: "errors: break on Python 3 (an exception or a different result)",
    WARNING: "warnings: Python 3 warns, or the result may differ where it matters",
}


def format_text(findings):
    """The full report: errors, then warnings, each grouped by file, with hints and guide links."""
    ordered = by_severity(findings)
    if not ordered:
        return "py3warn: no Python 3 problems found\n"
    files = set(display_path(f.file) for f in ordered)
    errors = sum(1 for f in ordered if f.severity == ERROR)
    lines = ["py3warn: %d Python 3 problem%s in %d file%s (%d error%s, %d warning%s)" % (
        len(ordered), "" if len(ordered) == 1 else "s", len(files),
        "" if len(files) == 1 else "s", errors, "" if errors == 1 else "s",
        len(ordered) - errors, "" if len(ordered) - errors == 1 else "s")]
    groups = OrderedDict()
    for finding in ordered:
        groups.setdefault((finding.severity, display_path(finding.file)), []).append(finding)
    severity_shown = None
    for (severity, path), group in groups.items():
        if severity != severity_shown:
            lines.extend(["", _HEADINGS[severity]])
            severity_shown = severity
        lines.append("")
        lines.append("%s (%d)" % (path, len(group)))
        for finding in group:
            lines.append("  %5d  %-24s %s [%s]" % (
                finding.line, finding.category, finding.message, finding.kind))
            lines.append("         fix: %s -- see %s" % (finding.hint, finding.doc))
    return "\n".join(lines) + "\n"


def to_json(findings):
    """The JSON report: a list of finding objects (``file`` as displayed), errors first."""
    items = []
    for finding in by_severity(findings):
        item = finding.to_dict()
        item["file"] = display_path(finding.file)
        items.append(item)
    return json.dumps(items, indent=2, sort_keys=True)


def write_json(findings, path):
    with io.open(path, "w", encoding="utf-8") as out:
        out.write(to_text(to_json(findings), "utf-8") + u"\n")
