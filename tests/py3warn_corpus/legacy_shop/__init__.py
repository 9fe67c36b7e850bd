# -*- coding: utf-8 -*-
"""A small shop, written for Flask 1.1 on Python 2 and switched to flaskcompat."""
from flaskcompat import Flask

import config  # py3: implicit-relative-import

app = Flask(__name__)
app.config.from_object(config.DefaultConfig)
app.secret_key = config.SECRET

import views  # py3: implicit-relative-import
