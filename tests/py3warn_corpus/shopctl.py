#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Command line tools for the shop: ``python shopctl.py import FILE``."""
import commands  # py3: renamed-module
import md5  # py3: removed-module
import os
import sys
import Queue  # py3: renamed-module
import httplib  # py3: renamed-module
import Cookie  # py3: renamed-module
import HTMLParser  # py3: renamed-module
import cStringIO  # py3: renamed-module
from sets import Set  # py3: removed-module
import string


def usage():
    print >>sys.stderr, "usage: shopctl.py COMMAND [ARGS]"  # py3: print-statement
    print "commands: import, export, check"  # py3: print-statement


def checksum(path):
    digest = md5.new()
    digest.update(open(path, 'rb').read())
    return digest.hexdigest()


def import_file(path):
    seen = Set()
    for line in open(path):
        sku, name = line.strip().split(',', 1)
        if sku in seen:
            print "duplicate", sku  # py3: print-statement
        seen.add(sku)
    print "imported %d products" % len(seen)  # py3: print-statement


def work(jobs):
    queue = Queue.Queue()
    for job in jobs:
        queue.put(job)
    return queue.qsize()


def status(host):
    conn = httplib.HTTPConnection(host)
    return conn


def shell_status():
    return commands.getoutput('true')


def ask_yes_no(question):
    answer = raw_input(question + ' [y/n] ')  # py3: removed-builtin
    return answer in ('y', 'Y')


def letters():
    return string.letters  # py3: removed-attribute


def cookie_header(name, value):
    jar = Cookie.SimpleCookie()
    jar[name] = value
    return jar.output()


def unescape(text):
    return HTMLParser.HTMLParser().unescape(text)


def buffer_of(text):
    out = cStringIO.StringIO()
    out.write(text)
    return out.getvalue()


def mode_of(path):
    return os.stat(path).st_mode & 0777  # py3: octal-literal


def main(argv):
    if len(argv) < 2:
        usage()
        return 2
    command = argv[1]
    if command == 'import':
        import_file(argv[2])
    elif command == 'check':
        print checksum(argv[2])  # py3: print-statement
    else:
        print >>sys.stderr, "unknown command", `command`  # py3: print-statement, backticks
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
