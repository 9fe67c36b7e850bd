"""A tiny cache extension, the way 2014-era Flask extensions were written."""
from flask import current_app


class SimpleCache(object):
    def __init__(self, app=None):
        self._data = {}
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        app.extensions = getattr(app, 'extensions', {})
        app.extensions['simplecache'] = self

    def get(self, key):
        return self._data.get((current_app.name, key))

    def set(self, key, value):
        self._data[(current_app.name, key)] = value

    def clear(self):
        self._data.clear()
