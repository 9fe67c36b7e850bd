# -*- coding: utf-8 -*-
"""Settings, read from an ini file when one is given."""
import os
import sys
import ConfigParser  # py3: renamed-module

SECRET = 'not-so-secret'
UPLOAD_MODE = 0644  # py3: octal-literal
MAX_ITEMS = sys.maxint  # py3: removed-attribute
BIG_LIMIT = 100000000000L  # py3: long-literal


class DefaultConfig:
    DEBUG = False
    SHOP_NAME = u'Café Corner'
    PAGE_SIZE = 10


def load_ini(path):
    parser = ConfigParser.SafeConfigParser()
    parser.read(path)
    settings = {}
    for section in parser.sections():
        for key, value in parser.items(section):
            settings[key.upper()] = value
    return settings


def data_dir():
    return os.path.join(os.getcwdu(), 'data')  # py3: removed-attribute


def env_flag(name):
    value = os.environ.get(name, '')
    return value.lower() in ('1', 'true', 'yes')


def describe():
    print 'config loaded from', __file__  # py3: print-statement
