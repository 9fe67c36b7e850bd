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


def format_text(findings):
    """The full report: findings grouped by file, with counts, hints and guide links."""
    by_file = OrderedDict()
    for finding in findings:
        by_file.setdefault(display_path(finding.file), []).append(finding)
    if not by_file:
        return "py3warn: no Python 3 problems found\n"
    total = sum(len(group) for group in by_file.values())
    lines = ["py3warn: %d Python 3 problem%s in %d file%s" % (
        total, "" if total == 1 else "s", len(by_file), "" if len(by_file) == 1 else "s")]
    for path, group in by_file.items():
        lines.append("")
        lines.append("%s (%d)" % (path, len(group)))
        for finding in group:
            lines.append("  %5d  %-24s %s [%s]" % (
                finding.line, finding.category, finding.message, finding.kind))
            lines.append("         fix: %s -- see %s" % (finding.hint, finding.doc))
    return "\n".join(lines) + "\n"


def to_json(findings):
    """The JSON report: a list of finding objects (``file`` as displayed)."""
    items = []
    for finding in findings:
        item = finding.to_dict()
        item["file"] = display_path(finding.file)
        items.append(item)
    return json.dumps(items, indent=2, sort_keys=True)


def write_json(findings, path):
    with io.open(path, "w", encoding="utf-8") as out:
        out.write(to_text(to_json(findings), "utf-8") + u"\n")
